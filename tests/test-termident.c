/* test-termident.c: the terminal's identity and its known bidi behaviour
 * for each environment and XTVERSION answer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "text/termident.h"

/* The fake environment: NAME=VALUE pairs, NULL-terminated. */
static const char *const *fake;

static const char *
fake_env(const char *name)
{
	size_t i, n = strlen(name);

	for (i = 0; fake[i] != NULL; i++)
		if (strncmp(fake[i], name, n) == 0 && fake[i][n] == '=')
			return fake[i] + n + 1;
	return NULL;
}

static void
detect(const char *const *env, const char *answer, struct termident *t)
{
	fake = env;
	termident_detect(fake_env, answer, t);
}

static void
test_unknown(void **state)
{
	static const char *const env[] = {"TERM=xterm-256color", NULL};
	struct termident t;

	(void)state;
	detect(env, NULL, &t);
	assert_null(t.name);
	assert_int_equal(t.bidi, TERMIDENT_FINE);
	assert_string_equal(t.enter, "");
	assert_string_equal(t.leave, "");
	assert_null(t.hint);
}

static void
test_env(void **state)
{
	static const char *const ml[] = {"TERM=xterm", "MLTERM=3.9.3", NULL};
	static const char *const ko[] = {"TERM=xterm-256color",
	    "KONSOLE_VERSION=230805", NULL};
	static const char *const ki[] = {"TERM=xterm-kitty",
	    "KITTY_WINDOW_ID=1", NULL};
	static const char *const kt[] = {"TERM=xterm-kitty", NULL};
	struct termident t;

	(void)state;
	detect(ml, NULL, &t);
	assert_string_equal(t.name, "mlterm");
	assert_string_equal(t.from, "MLTERM");
	assert_string_equal(t.version, "3.9.3");
	assert_int_equal(t.bidi, TERMIDENT_SWITCHED);
	assert_string_equal(t.enter, "\033]5379;use_ctl=false\007");
	assert_string_equal(t.leave, "\033]5379;use_ctl=true\007");
	assert_non_null(strstr(t.hint, "--ctl=false"));
	detect(ko, NULL, &t);
	assert_string_equal(t.name, "Konsole");
	assert_string_equal(t.version, "230805");
	assert_int_equal(t.bidi, TERMIDENT_REORDERS);
	assert_string_equal(t.enter, "");
	assert_non_null(strstr(t.hint, "Bi-Directional text rendering"));
	detect(ki, NULL, &t);
	assert_string_equal(t.name, "kitty");
	assert_string_equal(t.from, "KITTY_WINDOW_ID");
	assert_string_equal(t.version, "");	/* a window id is no version */
	assert_int_equal(t.bidi, TERMIDENT_BROKEN);
	detect(kt, NULL, &t);
	assert_string_equal(t.name, "kitty");
	assert_string_equal(t.from, "TERM");
}

static void
test_xtversion(void **state)
{
	static const char *const env[] = {"TERM=xterm-256color",
	    "KONSOLE_VERSION=230805", NULL};
	struct termident t;

	(void)state;
	/* the terminal's own answer wins over an inherited variable */
	detect(env, "kitty(0.26.5)", &t);
	assert_string_equal(t.name, "kitty");
	assert_string_equal(t.from, "XTVERSION");
	assert_string_equal(t.version, "0.26.5");
	detect(env, "mlterm(3.9.3)", &t);
	assert_string_equal(t.name, "mlterm");
	assert_string_equal(t.version, "3.9.3");
	detect(env, "XTerm(379)", &t);
	assert_string_equal(t.name, "xterm");
	assert_int_equal(t.bidi, TERMIDENT_FINE);
	/* an answer of no known terminal: the environment decides */
	detect(env, "SomethingNew 1.0", &t);
	assert_string_equal(t.name, "Konsole");
	/* untrusted bytes: controls never reach the version */
	detect(env, "kitty(1\033[2J\a.0)", &t);
	assert_string_equal(t.version, "1[2J.0");
}

static void
test_tmux(void **state)
{
	static const char *const env[] = {"TERM=tmux-256color",
	    "TMUX=/tmp/tmux-0/default,1,0", "MLTERM=3.9.3", NULL};
	static const char *const kitty_term[] = {"TERM=xterm-kitty",
	    "TMUX=/tmp/tmux-0/default,1,0", NULL};
	struct termident t;

	(void)state;
	/* tmux answers XTVERSION itself; the outer terminal is from the
	 * environment, and its switch would be swallowed */
	detect(env, "tmux 3.3a", &t);
	assert_string_equal(t.name, "mlterm");
	assert_string_equal(t.from, "MLTERM");
	assert_string_equal(t.enter, "");
	assert_string_equal(t.leave, "");
	assert_non_null(t.hint);
	/* inside tmux TERM is tmux's: it names no outer terminal */
	detect(kitty_term, NULL, &t);
	assert_null(t.name);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_env),
		cmocka_unit_test(test_xtversion),
		cmocka_unit_test(test_tmux),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
