/* test-termbidi.c: the bidi mode sequences for each environment. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "text/termbidi.h"

static const char *fake_term, *fake_tmux;

static const char *
fake_env(const char *name)
{
	if (strcmp(name, "TERM") == 0)
		return fake_term;
	if (strcmp(name, "TMUX") == 0)
		return fake_tmux;
	return NULL;
}

static void
test_app(void **state)
{
	struct termbidi t;

	(void)state;
	fake_term = "xterm-256color";
	fake_tmux = NULL;
	termbidi_sequences(TEXT_BIDI_APP, false, fake_env, &t);
	assert_string_equal(t.enter, "\033[8l\033[1 k");
	assert_string_equal(t.leave, "\033[8h\033[ k");
	assert_null(t.warning);
	fake_term = "linux";
	termbidi_sequences(TEXT_BIDI_APP, false, fake_env, &t);
	assert_string_equal(t.enter, "\033[8l");
	assert_string_equal(t.leave, "\033[8h");
	fake_term = "dumb";
	termbidi_sequences(TEXT_BIDI_APP, false, fake_env, &t);
	assert_string_equal(t.enter, "");
	fake_term = NULL;
	termbidi_sequences(TEXT_BIDI_APP, false, fake_env, &t);
	assert_string_equal(t.leave, "");
}

static void
test_tmux(void **state)
{
	struct termbidi t;

	(void)state;
	fake_term = "tmux-256color";
	fake_tmux = "/tmp/tmux-1000/default,123,0";
	termbidi_sequences(TEXT_BIDI_APP, false, fake_env, &t);
	assert_string_equal(t.enter, "");
	assert_string_equal(t.leave, "");
	assert_non_null(t.warning);
	termbidi_sequences(TEXT_BIDI_APP, true, fake_env, &t);
	assert_string_equal(t.enter, "\033Ptmux;\033\033[8l\033\\");
	assert_string_equal(t.leave, "\033Ptmux;\033\033[8h\033\\");
	assert_null(t.warning);
}

static void
test_terminal_mode(void **state)
{
	struct termbidi t;

	(void)state;
	fake_term = "xterm-256color";
	fake_tmux = NULL;
	termbidi_sequences(TEXT_BIDI_TERMINAL, true, fake_env, &t);
	assert_string_equal(t.enter, "");
	assert_string_equal(t.leave, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_app),
		cmocka_unit_test(test_tmux),
		cmocka_unit_test(test_terminal_mode),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
