/*
 * fuzz-theme.c: the theme file parser (theme.h), which reads files a user
 * may have copied from anywhere.
 *
 * Checks: the parser never fails hard; the first bad line it reports is
 * within the text; every element ends with a colour the UI can turn into a
 * curses pair (the terminal default, 0-255, or an RGB value) and only the
 * known attribute bits; the 256- and 8-colour fallbacks stay in range.
 */
#include <string.h>

#include "base/theme.h"
#include "base/util.h"
#include "fuzz.h"

static void
check_colour(int c)
{
	FZ_CHECKF(c == THEME_DEFAULT || (c >= 0 && c <= 255) ||
	    (c >= THEME_RGB && c <= (THEME_RGB | 0xffffff)), "colour %d", c);
	if (c >= THEME_RGB) {
		int i256 = theme_rgb_to_256(c & 0xffffff);
		int i8 = theme_rgb_to_8(c & 0xffffff);

		FZ_CHECKF(i256 >= 0 && i256 <= 255, "256: %d", i256);
		FZ_CHECKF(i8 >= 0 && i8 <= 7, "8: %d", i8);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct theme t;
	char *text = xstrndup((const char *)data, size);
	size_t lines = 1, i;
	int bad = -1;

	for (i = 0; text[i] != '\0'; i++)
		lines += text[i] == '\n';
	theme_default(&t);
	theme_parse(&t, text, &bad);
	FZ_CHECKF(bad >= 0 && (size_t)bad <= lines, "bad line %d of %zu", bad, lines);
	for (i = 0; i < TH_COUNT_ELEMS; i++) {
		check_colour(t.s[i].fg);
		check_colour(t.s[i].bg);
		FZ_CHECKF((t.s[i].attrs & ~63u) == 0, "attrs %#x", t.s[i].attrs);
		FZ_CHECK(theme_elem_name((enum theme_elem)i) != NULL);
	}
	FZ_CHECK(memchr(t.name, '\0', sizeof t.name) != NULL);
	free(text);
	return 0;
}
