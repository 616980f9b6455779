/*
 * ui-draw.c: the curses side of themes (elements -> colour pairs, with
 * 256-colour, 8-colour and NO_COLOR fallbacks) and the one way project text
 * reaches the screen: ui_put_text, through the text engine's cells, so
 * names, quotes and memo titles are in visual order and never carry a raw
 * control or bidi-format character to the terminal (docs/bidi.md §8). Labels
 * (ui_put_plain: titles, messages, hints, help) go the same way, in the
 * interface language's direction, so a Persian label is shaped and in
 * visual order whatever the terminal does. Text wider than its columns is
 * cut by text_fit, at a grapheme and preferably a word boundary, and ends
 * in an ellipsis at its reading end: the right of an LTR name, the left of
 * an RTL one.
 *
 * Mirroring: in a right-to-left layout each pane (the transcript's text
 * aside, which has its own per-paragraph direction) is drawn through a
 * mirror. Panes keep counting columns from their start edge; here a span
 * [x, x + w) of the pane becomes the span reflected in the pane, with its
 * text against the span's right end, so rows, titles and lists flow from
 * the right and stay right-aligned without any pane knowing.
 *
 * The state here is file-scope, and stays so: curses has one screen and
 * one colour-pair table per process, and pairs[], npairs and elem_attr[]
 * mirror them; the layout cache and the mirror are read by the ui_put_*
 * functions, which every pane calls with coordinates and no struct ui.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "base/i18n.h"
#include "base/util.h"
#include "tui/ui-int.h"

#define MAX_PAIRS 255

static struct {
	short fg, bg;
} pairs[MAX_PAIRS + 1];
static int npairs;

static short
map_color(struct ui *ui, int c)
{
	if (c == THEME_DEFAULT)
		return -1;
	if (c & THEME_RGB)
		return (short)(ui->color256 ? theme_rgb_to_256(c & 0xffffff) :
		    theme_rgb_to_8(c & 0xffffff));
	if (!ui->color256 && c >= 16) {
		/* xterm-256 index -> RGB -> nearest of 8 */
		int rgb;

		if (c >= 232) {
			int g = 8 + (c - 232) * 10;

			rgb = g * 0x010101;
		} else {
			static const int lv[6] = {0, 95, 135, 175, 215, 255};
			int i = c - 16;

			rgb = (lv[i / 36] << 16) | (lv[(i / 6) % 6] << 8) | lv[i % 6];
		}
		return (short)theme_rgb_to_8(rgb);
	}
	if (!ui->color256 && c >= 8 && COLORS < 16)
		return (short)(c - 8);
	return (short)c;
}

static int
pair_for(short fg, short bg)
{
	int i;

	for (i = 1; i <= npairs; i++)
		if (pairs[i].fg == fg && pairs[i].bg == bg)
			return i;
	if (npairs >= MAX_PAIRS || npairs + 1 >= COLOR_PAIRS)
		return 0;
	npairs++;
	pairs[npairs].fg = fg;
	pairs[npairs].bg = bg;
	init_pair((short)npairs, fg, bg);
	return npairs;
}

static int
style_attr(struct ui *ui, const struct theme_style *s)
{
	int a = A_NORMAL;

	if (s->attrs & THEME_BOLD) a |= A_BOLD;
	if (s->attrs & THEME_UNDERLINE) a |= A_UNDERLINE;
	if (s->attrs & THEME_REVERSE) a |= A_REVERSE;
	if (s->attrs & THEME_DIM) a |= A_DIM;
	if (s->attrs & THEME_STANDOUT) a |= A_STANDOUT;
#ifdef A_ITALIC
	if (s->attrs & THEME_ITALIC) a |= A_ITALIC;
#endif
	if (ui->color) {
		short fg = map_color(ui, s->fg), bg = map_color(ui, s->bg);

		/* bright colours on an 8-colour terminal: bold instead */
		if (!ui->color256 && COLORS < 16 && s->fg >= 8 && s->fg < 16)
			a |= A_BOLD;
		if (fg != -1 || bg != -1)
			a |= COLOR_PAIR(pair_for(fg, bg));
	}
	return a;
}

static int elem_attr[TH_COUNT_ELEMS];

void
ui_colors_init(struct ui *ui)
{
	const char *nc = getenv("NO_COLOR");
	int i;

	ui->color = has_colors() && (nc == NULL || *nc == '\0');
	if (ui->color) {
		start_color();
		use_default_colors();
	}
	ui->color256 = ui->color && COLORS >= 256;
	npairs = 0;
	for (i = 0; i < TH_COUNT_ELEMS; i++) {
		elem_attr[i] = style_attr(ui, &ui->theme.s[i]);
		/* without colour, coded text must still be visible */
		if (!ui->color && (i == TH_CODED_A || i == TH_CODED_B ||
		    i == TH_CODED_BOTH))
			elem_attr[i] |= A_UNDERLINE;
		if (!ui->color && (i == TH_TITLE_FOCUS || i == TH_STATUS ||
		    i == TH_FINDER_SEL || i == TH_SEARCH_HIT))
			elem_attr[i] |= A_REVERSE;
	}
}

int
ui_attr(struct ui *ui, enum theme_elem e)
{
	(void)ui;
	return elem_attr[e];
}

/* Is the screen's background light? The theme's normal background when
 * it names one, else the terminal's as COLORFGBG reports it ("15;0"). */
static bool
light_background(struct ui *ui)
{
	int bg = ui->theme.s[TH_NORMAL].bg;
	const char *fgbg;

	if (bg & THEME_RGB) {
		int rgb = bg & 0xffffff;

		return ((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255) > 384;
	}
	if (bg >= 0)
		return bg == 7 || bg == 15 || (bg >= 250 && bg <= 255) ||
		    bg == 231 || bg == 230 || bg == 195 || bg == 254;
	if ((fgbg = getenv("COLORFGBG")) != NULL && strrchr(fgbg, ';') != NULL) {
		int b = atoi(strrchr(fgbg, ';') + 1);

		return b == 7 || b == 15;
	}
	return false;
}

/*
 * Coded text: the code's colour as background. With 256 colours a dark
 * shade of it behind the normal text on dark screens, a light tint on
 * light ones, so the text stays readable; with 8 colours the nearest one,
 * with black or white text, whichever reads; without colour the fallback
 * element (underlined).
 */
int
ui_code_attr(struct ui *ui, const char *color, enum theme_elem fallback)
{
	int rgb = theme_hex(color);
	struct theme_style s;

	if (!ui->color || rgb < 0)
		return elem_attr[fallback];
	s = ui->theme.s[fallback];
	if (ui->color256) {
		int r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;

		if (light_background(ui)) {
			r += (255 - r) * 3 / 5;
			g += (255 - g) * 3 / 5;
			b += (255 - b) * 3 / 5;
		} else {
			r = r * 2 / 5;
			g = g * 2 / 5;
			b = b * 2 / 5;
		}
		s.bg = THEME_RGB | (r << 16) | (g << 8) | b;
	} else {
		int bg8 = theme_rgb_to_8(rgb);

		s.bg = bg8;
		/* green, yellow, cyan and white need dark text */
		s.fg = bg8 == 2 || bg8 == 3 || bg8 == 6 || bg8 == 7 ? 0 : 7;
	}
	return style_attr(ui, &s);
}

int
ui_fg_attr(struct ui *ui, const char *color)
{
	int rgb = theme_hex(color);
	struct theme_style s = {THEME_DEFAULT, THEME_DEFAULT, THEME_BOLD};

	if (!ui->color || rgb < 0)
		return A_BOLD;
	s.fg = THEME_RGB | rgb;
	return style_attr(ui, &s);
}

static void
put_cell(int y, int x, const struct text_line *ln, const struct text_cell *c,
    int attr)
{
	wchar_t w[TEXT_CELL_MARKS + 2];
	cchar_t cc;
	int i;

	if (c->flags & TEXT_CELL_SPREAD) {
		for (i = 0; i < c->nglyph && i < c->cols; i++) {
			w[0] = (wchar_t)ln->glyphs[c->glyph + (uint32_t)i];
			w[1] = 0;
			setcchar(&cc, w, (attr_t)(attr & ~A_COLOR),
			    (short)PAIR_NUMBER(attr), NULL);
			mvadd_wch(y, x + i, &cc);
		}
		return;
	}
	for (i = 0; i < c->nglyph && i < TEXT_CELL_MARKS + 1; i++)
		w[i] = (wchar_t)ln->glyphs[c->glyph + (uint32_t)i];
	w[i] = 0;
	setcchar(&cc, w, (attr_t)(attr & ~A_COLOR), (short)PAIR_NUMBER(attr),
	    NULL);
	mvadd_wch(y, x, &cc);
}

void
ui_put_cell(int y, int x, const struct text_line *ln,
    const struct text_cell *c, int attr)
{
	put_cell(y, x, ln, c, attr);
}

/* One line of s with LF/CR as spaces, laid out unwrapped. */
static struct text_layout *
one_line(const char *s, enum text_dir dir, struct text_doc **dp)
{
	char *copy = xstrdup(s), *q;
	struct text_opts o;
	struct text_layout *l;

	for (q = copy; *q; q++)
		if (*q == '\n' || *q == '\r')
			*q = ' ';
	*dp = text_doc_new(copy, strlen(copy));
	free(copy);
	text_opts_default(&o);
	o.dir = dir;
	l = text_layout_new(*dp, &o, 4000);
	return l;
}

/*
 * Laid-out names and labels, cached by content: the tree, the status line
 * and the lists draw the same few hundred names on every frame, and laying
 * each out anew (bidi, shaping, filter) would cost a millisecond a frame.
 * One cached cell is one cchar_t at one screen column.
 */
struct ccell {
	wchar_t w[TEXT_CELL_MARKS + 2];
	uint8_t cols;
	bool placeholder;
};
struct centry {
	char *key;		/* see cache_slot */
	struct ccell *cells;
	size_t ncells;
	int cols;
	bool rtl;
};
#define CACHE_SLOTS 4096
static struct centry cache[CACHE_SLOTS];
static size_t cache_used;

static void
cache_clear(void)
{
	size_t i;

	for (i = 0; i < CACHE_SLOTS; i++) {
		free(cache[i].key);
		free(cache[i].cells);
	}
	memset(cache, 0, sizeof cache);
	cache_used = 0;
}

/*
 * The cache entry of key, a new empty one if there is none (then *fresh).
 * Keys are "a".."d" (the direction) and the text, or "A".."D", the width
 * fitted to, ":" and the text.
 */
static struct centry *
cache_slot(char *key, bool *fresh)
{
	uint64_t h = 1469598103934665603ull;
	const unsigned char *p;
	size_t slot;

	for (p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 1099511628211ull;
	slot = (size_t)(h % CACHE_SLOTS);
	while (cache[slot].key != NULL) {
		if (strcmp(cache[slot].key, key) == 0) {
			free(key);
			*fresh = false;
			return &cache[slot];
		}
		slot = (slot + 1) % CACHE_SLOTS;
	}
	if (cache_used > CACHE_SLOTS * 3 / 4) {
		cache_clear();
		return cache_slot(key, fresh);
	}
	cache_used++;
	cache[slot].key = key;
	*fresh = true;
	return &cache[slot];
}

/* Lays s out into the fresh entry e. */
static void
lay_out(struct centry *e, const char *s, enum text_dir dir)
{
	size_t i;
	struct text_doc *d;
	struct text_layout *l;
	struct text_line ln;

	l = one_line(s, dir, &d);
	if (text_doc_length(d) > 0 && text_layout_lines(l) > 0) {
		text_layout_line(l, 0, &ln);
		e->rtl = ln.rtl;
		e->cells = xcalloc(ln.cols + 1, sizeof *e->cells);
		for (i = 0; i < ln.ncells; i++) {
			const struct text_cell *c = &ln.cells[i];
			int k;

			if (c->cols == 0)
				continue;
			if (c->flags & TEXT_CELL_SPREAD) {
				for (k = 0; k < c->nglyph && k < c->cols; k++) {
					struct ccell *cc = &e->cells[e->ncells++];

					cc->w[0] = (wchar_t)ln.glyphs[c->glyph + (uint32_t)k];
					cc->cols = 1;
					cc->placeholder = c->flags & TEXT_CELL_PLACEHOLDER;
				}
			} else {
				struct ccell *cc = &e->cells[e->ncells++];

				for (k = 0; k < c->nglyph && k < TEXT_CELL_MARKS + 1; k++)
					cc->w[k] = (wchar_t)ln.glyphs[c->glyph + (uint32_t)k];
				cc->cols = c->cols;
				cc->placeholder = c->flags & TEXT_CELL_PLACEHOLDER;
			}
			e->cols += c->cols;
		}
	}
	text_layout_free(l);
	text_doc_free(d);
}

static const struct centry *
laid_out(const char *s, enum text_dir dir)
{
	bool fresh;
	struct centry *e = cache_slot(xasprintf("%c%s", 'a' + dir, s), &fresh);

	if (fresh)
		lay_out(e, s, dir);
	return e;
}

/* "\u2026" where the locale's characters include it, else "..." */
static const char *
ellipsis(void)
{
	static const char *ell;

	if (ell == NULL)
		ell = strcmp(nl_langinfo(CODESET), "UTF-8") == 0 ? "\u2026" :
		    "...";
	return ell;
}

/* s laid out cut to w columns with an ellipsis at its reading end
 * (text_fit), in the direction the whole of s resolves to. */
static const struct centry *
laid_out_fit(const char *s, enum text_dir dir, int w)
{
	bool fresh, rtl;
	struct centry *e = cache_slot(xasprintf("%c%d:%s", 'A' + dir, w, s),
	    &fresh);

	if (fresh) {
		char *cut = text_fit(s, w, dir, ellipsis(), &rtl);

		lay_out(e, cut, rtl ? TEXT_DIR_RTL : TEXT_DIR_LTR);
		free(cut);
	}
	return e;
}

int
ui_text_width(const char *s)
{
	return s ? laid_out(s, TEXT_DIR_AUTO)->cols : 0;
}

char *
ui_text_fit(const char *s, int w)
{
	bool rtl;
	char *cut = text_fit(s, w < 0 ? 0 : w, TEXT_DIR_AUTO, ellipsis(), &rtl);
	size_t n = strlen(cut), e = strlen(ellipsis());
	char *r;

	/* whole, or only its trailing blanks dropped: no ellipsis to keep */
	if (n < e || strcmp(cut + n - e, ellipsis()) != 0 || strcmp(cut, s) == 0)
		return cut;
	/* the ellipsis is neutral: in a sentence of the other direction it
	 * would leave s's reading end; a mark of s's direction keeps it there */
	r = xasprintf("%s%s", cut, rtl ? "\u200f" : "\u200e");
	free(cut);
	return r;
}

void
ui_text_fit_in(ui_text_compose_fn *compose, const void *arg, const char *name,
    int w, char *buf, size_t cap)
{
	int room;

	compose(arg, "", buf, cap);
	room = w - ui_text_width(buf);
	/* a line too long even without it still shows some of the name,
	 * and loses its own end instead */
	if (room < w / 4)
		room = w / 4;
	for (;;) {
		char *cut = ui_text_fit(name, room);

		compose(arg, cut, buf, cap);
		free(cut);
		/* a line snprintf cut short would lose its end, maybe half
		 * a character: a narrower name until the bytes fit too */
		if (room <= 0 || strlen(buf) + 1 < cap)
			break;
		room -= room / 8 + 1;
	}
}

static struct {
	bool on;
	int x, w;
} mirror;

void
ui_mirror(struct ui *ui, const struct rect *r)
{
	mirror.on = r != NULL && ui->mirrored && r->w > 0;
	if (mirror.on) {
		mirror.x = r->x;
		mirror.w = r->w;
	}
}

/* The screen column where `used` columns drawn at pane column x start. */
static int
screen_x(int x, int used)
{
	return mirror.on ? 2 * mirror.x + mirror.w - x - used : x;
}

int
ui_screen_x(int x)
{
	return screen_x(x, 1);
}

static bool
blank(const struct ccell *c)
{
	return c->w[0] == ' ' && c->w[1] == 0;
}

static int
put_laid_out(int y, int x, int w, const struct centry *e, int attr)
{
	size_t i, k, skip = 0, end, nblank = 0;
	int used = 0, col = 0;

	/* an RTL line still too long for w (no room even for the ellipsis):
	 * keep its right (reading) start */
	if (e->rtl && e->cols > w) {
		int over = e->cols - w;

		while (skip < e->ncells && over > 0)
			over -= e->cells[skip++].cols;
	}
	for (end = skip; end < e->ncells && used + e->cells[end].cols <= w; end++)
		used += e->cells[end].cols;
	/* blanks that end a label ("▸ ", "[causal] ") go where the row flows
	 * on: an LTR label in a mirrored pane has them on its right, an RTL
	 * one in a plain pane on its left; move them across */
	if (e->rtl != mirror.on) {
		if (e->rtl)
			while (skip + nblank < end && blank(&e->cells[skip + nblank]))
				nblank++;
		else
			while (nblank < end - skip &&
			    blank(&e->cells[end - 1 - nblank]))
				nblank++;
	}
	x = screen_x(x, used);
	for (k = 0; k < end - skip; k++) {
		const struct ccell *c;

		/* an RTL label: its leading blanks last; an LTR one: first */
		if (nblank == 0)
			i = skip + k;
		else if (e->rtl)
			i = k < end - skip - nblank ? skip + nblank + k :
			    skip + k - (end - skip - nblank);
		else
			i = k < nblank ? end - nblank + k : skip + k - nblank;
		c = &e->cells[i];
		int a = c->placeholder ? elem_attr[TH_PLACEHOLDER] : attr;
		cchar_t cc;

		setcchar(&cc, c->w, (attr_t)(a & ~A_COLOR), (short)PAIR_NUMBER(a),
		    NULL);
		mvadd_wch(y, x + col, &cc);
		col += c->cols;
	}
	return used;
}

/* s in w columns from x, cut with an ellipsis when it is wider */
static int
put_fitted(int y, int x, int w, const char *s, enum text_dir dir, int attr)
{
	const struct centry *e;

	if (w <= 0 || s == NULL || *s == '\0')
		return 0;
	e = laid_out(s, dir);
	if (e->cols > w)
		e = laid_out_fit(s, dir, w);
	return put_laid_out(y, x, w, e, attr);
}

int
ui_put_text(struct ui *ui, int y, int x, int w, const char *s, int attr)
{
	(void)ui;
	return put_fitted(y, x, w, s, TEXT_DIR_AUTO, attr);
}

int
ui_put_text_dir(struct ui *ui, int y, int x, int w, const char *s, bool rtl,
    int attr)
{
	(void)ui;
	return put_fitted(y, x, w, s, rtl ? TEXT_DIR_RTL : TEXT_DIR_LTR, attr);
}

void
ui_text_cache_free(void)
{
	cache_clear();
}

int
ui_put_plain(int y, int x, int w, const char *s, int attr)
{
	static int dir = -1;	/* the interface language's, cached */

	if (dir < 0)
		dir = i18n_rtl() ? TEXT_DIR_RTL : TEXT_DIR_LTR;
	return put_fitted(y, x, w, s, (enum text_dir)dir, attr);
}

void
ui_fill(int y, int x, int w, int attr)
{
	int i;

	x = screen_x(x, w);
	attron(attr);
	for (i = 0; i < w; i++)
		mvaddch(y, x + i, ' ');
	attroff(attr);
}

int
ui_box_title(struct ui *ui, const struct rect *r, const char *title,
    bool focused)
{
	int a = ui_attr(ui, focused ? TH_TITLE_FOCUS : TH_TITLE);

	ui_fill(r->y, r->x, r->w, a);
	return ui_put_plain(r->y, r->x + 1, r->w - 2, title, a);
}

int
ui_list_mouse(size_t *cur, size_t top, size_t n, int y, int ev)
{
	if (n == 0)
		return 0;
	if (ev == UI_MOUSE_WHEEL_UP || ev == UI_MOUSE_WHEEL_DOWN) {
		*cur = index_step(*cur, ev == UI_MOUSE_WHEEL_UP ? -3 : 3, n);
		return 0;
	}
	if (y < 1 || (ev != UI_MOUSE_PRESS && ev != UI_MOUSE_DOUBLE))
		return 0;
	if (top + (size_t)(y - 1) < n)
		*cur = top + (size_t)(y - 1);
	return ev == UI_MOUSE_DOUBLE ? '\r' : 0;
}
