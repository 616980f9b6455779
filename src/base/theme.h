/*
 * theme.h: semantic display elements and how a theme file maps them to
 * colours and attributes. No curses types here: attributes are THEME_*
 * bits and colours are 0-255, -1 for the terminal default, or THEME_RGB |
 * 0xrrggbb; the UI turns them into curses pairs for the terminal it has
 * (256 colours, 8 colours, or none when NO_COLOR is set or the terminal
 * has no colour).
 *
 * A theme file (themes/NAME.theme) has lines "element = FG [BG] [attr...]"
 * where FG and BG are default, black, red, green, yellow, blue, magenta,
 * cyan, white, bright-RED..., a number 0-255 or #rrggbb, and attributes
 * are bold, underline, reverse, dim, italic, standout. "#" starts a comment.
 * Unknown elements or words are reported, not fatal.
 */
#ifndef AXIAL_THEME_H
#define AXIAL_THEME_H

#include <stdbool.h>
#include <stddef.h>

enum theme_elem {
	TH_NORMAL, TH_TITLE, TH_TITLE_FOCUS, TH_BORDER, TH_STATUS, TH_STATUS_ERR,
	TH_HINT, TH_SELECTION, TH_PLACEHOLDER, TH_MEMO_MARK, TH_SEARCH_HIT,
	TH_CODED_A, TH_CODED_B, TH_CODED_BOTH, TH_OVERLAP, TH_CURSOR_ROW,
	TH_CATEGORY, TH_CODE, TH_MARKED, TH_COUNT, TH_DIM,
	TH_ROLE_CENTRAL, TH_ROLE_CAUSAL, TH_ROLE_CONTEXTUAL, TH_ROLE_INTERVENING,
	TH_ROLE_STRATEGIES, TH_ROLE_CONSEQUENCES,
	TH_FINDER, TH_FINDER_SEL, TH_HELP, TH_HELP_KEY, TH_WARNING,
	TH_MATRIX_1, TH_MATRIX_2, TH_MATRIX_3, TH_MATRIX_4,	/* matrix cells, low to high */
	TH_COUNT_ELEMS
};

#define THEME_RGB (1 << 24)
#define THEME_DEFAULT (-1)

enum {
	THEME_BOLD = 1, THEME_UNDERLINE = 2, THEME_REVERSE = 4, THEME_DIM = 8,
	THEME_ITALIC = 16, THEME_STANDOUT = 32,
};

struct theme_style {
	int fg, bg;
	unsigned attrs;
};

struct theme {
	char name[64];
	struct theme_style s[TH_COUNT_ELEMS];
};

/* "coded-a" ... ; -1 if unknown. */
int theme_elem_parse(const char *name);
const char *theme_elem_name(enum theme_elem e);
/* A colour word; returns false if unknown. */
bool theme_color_parse(const char *w, int *out);

/* The built-in default (also what a file starts from). */
void theme_default(struct theme *t);
/* Parses theme text over *t; *bad (if not NULL) gets the first bad line
 * number, 0 if none. */
void theme_parse(struct theme *t, const char *text, int *bad);
/*
 * Loads theme `name` (no slash allowed) from the first of: $AXIAL_THEMES,
 * $XDG_CONFIG_HOME/axial/themes (~/.config/axial/themes), exedir/../themes,
 * the installed data dir. Returns false when no such file exists (t is
 * then the built-in default).
 */
bool theme_load(struct theme *t, const char *name);

/* Nearest xterm-256 index of an RGB colour; nearest of the 8 ANSI colours. */
int theme_rgb_to_256(int rgb);
int theme_rgb_to_8(int rgb);
/* "#rrggbb" -> 0xrrggbb, -1 if malformed. */
int theme_hex(const char *s);

#endif
