/*
 * text.h: the text engine. Turns a document (UTF-8, LF-separated paragraphs)
 * into terminal cells in visual order at a given width: display filter,
 * UAX #9 levels (FriBidi), Arabic shaping, UAX #14 wrapping (libunistring),
 * per-line reordering, and the maps between cells and logical offsets.
 * No curses here: the UI draws the cells.
 *
 * Offsets. Every offset in this API is a *logical* offset: a Unicode code
 * point index into the whole document text, 0-based, ranges end-exclusive,
 * the same unit codings are stored in. Invalid UTF-8 counts one code point
 * per maximal invalid subsequence (libunistring's u8_mbtouc) and shows as
 * U+FFFD. The LF between paragraphs is a code point of the document but of
 * no paragraph; a CR just before it is treated like the LF. Only *columns*
 * (screen x, 0 = left edge of the pane) and cell indexes are visual.
 *
 * Objects. A text_doc is immutable text plus its paragraph index (offsets
 * are counted lazily, so even a const doc belongs to one thread at a time).
 * A text_layout is one view of a doc with options and a width; it lays out
 * paragraphs lazily and caches them per width, so asking for the same lines
 * again (scrolling, redraws) does no layout work; the cache is bounded (a
 * hostile 50 MB document keeps only a window of its cells). A layout
 * borrows its doc: free the layout first.
 *
 * Typical pane use: text_layout_new once per document and options;
 * text_layout_set_width on resize; per redraw, text_layout_line for each
 * visible line, drawing cell k at column x + the cols of cells before it,
 * in A_REVERSE where text_layout_runs says, placeholders in a warning
 * colour; clicks through text_layout_offset_at, the caret through
 * text_layout_locate and text_doc_next_grapheme and friends.
 */
#ifndef AXIAL_TEXT_H
#define AXIAL_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum text_dir {
	TEXT_DIR_AUTO,		/* first strong character (P2/P3), else LTR */
	TEXT_DIR_AUTO_RTL,	/* first strong character, else RTL */
	TEXT_DIR_RTL,
	TEXT_DIR_LTR,
};
enum text_shaping {
	TEXT_SHAPING_APP,	/* Arabic presentation forms, no lam-alef ligature */
	TEXT_SHAPING_TERMINAL,	/* base letters; the terminal joins them */
	TEXT_SHAPING_OFF,	/* base letters; nobody joins them */
};
enum text_bidi {
	TEXT_BIDI_APP,		/* cells in visual order, RTL lines right-aligned */
	TEXT_BIDI_TERMINAL,	/* cells in logical order, unmirrored, x = 0 */
};

struct text_opts {
	enum text_dir dir;
	enum text_shaping shaping;
	enum text_bidi bidi;
};
/* dir auto, shaping app, bidi app */
void text_opts_default(struct text_opts *o);
/* Parse "auto"/"auto-rtl"/"rtl"/"ltr", "app"/"terminal"/"off",
 * "app"/"terminal". Return 0, or -1 for an unknown word. */
int text_dir_parse(const char *s, enum text_dir *out);
int text_shaping_parse(const char *s, enum text_shaping *out);
int text_bidi_parse(const char *s, enum text_bidi *out);

/* ---- documents ---- */

struct text_doc;

/* Copies text[0..len). Never fails; invalid UTF-8 is kept and shown as
 * U+FFFD. A final LF ends the last paragraph instead of opening an empty
 * one, so "a\n" has one paragraph and "" none. */
struct text_doc *text_doc_new(const char *text, size_t len);
/* text_doc_new without the copy: takes text (malloc'd, len + 1 bytes;
 * text_doc_free frees it). For `axial cat`, which reads a whole file. */
struct text_doc *text_doc_adopt(char *text, size_t len);
void text_doc_free(struct text_doc *d);
/* Total code points, paragraph separators included (counts the whole
 * text the first time). */
size_t text_doc_length(const struct text_doc *d);
/* off, or the length if off is past it: counts only up to off. */
size_t text_doc_clamp(const struct text_doc *d, size_t off);
size_t text_doc_paragraphs(const struct text_doc *d);
/* Paragraph p's logical range [*start, *end), separator excluded. */
void text_doc_paragraph(const struct text_doc *d, size_t p, size_t *start,
    size_t *end);
/* Paragraph p's UTF-8 (borrowed from d), separator excluded, *nbyte long.
 * The paragraphs lie in order in one buffer, their separators between. */
const char *text_doc_paragraph_utf8(const struct text_doc *d, size_t p,
    size_t *nbyte);
/* The paragraph holding offset off (a separator belongs to the paragraph it
 * ends; off == length belongs to the last one). 0 for an empty doc. Counts
 * the text only up to off. */
size_t text_doc_paragraph_at(const struct text_doc *d, size_t off);
/* The code point at offset off: U+FFFD for invalid UTF-8, LF for a
 * separator (a CR before it too) and past the end. Decodes only within
 * off's paragraph, so it costs no memory per character of the document. */
uint32_t text_doc_char(const struct text_doc *d, size_t off);

/*
 * Caret motion on logical offsets in [0, text_doc_length]. Grapheme motion
 * follows UAX #29 extended clusters; a paragraph separator is one step.
 * Word motion stops at the start (next) or start (prev) of words as UAX #29
 * word boundaries delimit them; only words holding a letter or digit count.
 * All clamp at the ends of the document.
 */
size_t text_doc_next_grapheme(const struct text_doc *d, size_t off);
size_t text_doc_prev_grapheme(const struct text_doc *d, size_t off);
size_t text_doc_next_word(const struct text_doc *d, size_t off);
size_t text_doc_prev_word(const struct text_doc *d, size_t off);
/* Snaps off back to the start of its grapheme cluster (for clicks). */
size_t text_doc_grapheme_start(const struct text_doc *d, size_t off);

/* ---- layout ---- */

enum {
	TEXT_CELL_RTL = 1 << 0,		/* base character at an odd level */
	TEXT_CELL_PLACEHOLDER = 1 << 1,	/* a control shown as text: warning colour */
	TEXT_CELL_SPREAD = 1 << 2,	/* glyphs are cols spacing glyphs, one per column */
};

#define TEXT_CELL_MARKS 4

/*
 * One cell: what the UI draws at one position of a line.
 *
 * Usually glyphs[0] is a spacing character `cols` wide (1 or 2) and the
 * rest (at most TEXT_CELL_MARKS, as a cchar_t holds no more; further marks
 * are in the cell's range but not drawn) are combining marks drawn on it:
 * one cchar_t. With TEXT_CELL_SPREAD
 * (placeholders such as "<RLO>", a TAB's spaces) each glyph is one column.
 * cols is 0 only for whitespace hanging past the wrap width at the end of a
 * line, and for a paragraph of nothing but invisible characters; such cells
 * have no glyphs and are not drawn.
 *
 * [start, end) is the logical range the cell shows, in document offsets: its
 * base character plus the zero-width characters after it (marks, ZWNJ, LRM,
 * ...), so every code point of a paragraph is in exactly one cell.
 */
struct text_cell {
	size_t start, end;
	uint32_t glyph;		/* index of the first glyph in text_line.glyphs */
	uint16_t nglyph;
	uint8_t cols;
	uint8_t flags;		/* TEXT_CELL_* */
};

/* One wrapped screen line. Borrowed: valid until the next call on the
 * layout asks for another paragraph (that can drop this one's cells from
 * the bounded cache), or the layout is freed or its width or options
 * change. */
struct text_line {
	size_t para;		/* paragraph index */
	size_t start, end;	/* logical range of the line */
	int x;			/* column of the first cell (RTL lines right-aligned) */
	int cols;		/* columns the cells take */
	bool rtl;		/* paragraph direction */
	bool last;		/* last line of its paragraph */
	size_t ncells;
	const struct text_cell *cells;	/* visual order, left to right */
	const uint32_t *glyphs;		/* UCS-4, display copy (shaped, mirrored) */
};

/* A stretch of columns [x, x + cols) of one line, for selections. */
struct text_run {
	int x, cols;
};

struct text_layout;

/* A layout of d (borrowed) at width columns (clamped to at least 8). */
struct text_layout *text_layout_new(const struct text_doc *d,
    const struct text_opts *o, int width);
void text_layout_free(struct text_layout *l);
/* Switches width. Layouts of the previous width are kept (a resize back is
 * free); older ones are dropped. Invalidates borrowed lines. */
void text_layout_set_width(struct text_layout *l, int width);
int text_layout_width(const struct text_layout *l);

/*
 * Line numbers. A paragraph not yet laid out at this width counts the lines
 * its bytes suggest, so the number of a line is exact up to the first such
 * paragraph and an estimate past it: laying one out moves the lines after
 * it (never those before). Hold a place across calls as a paragraph and a
 * line in it (text_layout_locate_para, text_layout_para_line).
 */
/* Number of screen lines of the whole document, exact: lays out every
 * paragraph once per width (an empty paragraph is one line). */
size_t text_layout_lines(struct text_layout *l);
/* The same as it stands, estimates included: no layout. */
size_t text_layout_lines_est(const struct text_layout *l);
/* First screen line of paragraph p (as it stands) and its line count
 * (exact: lays out p). */
size_t text_layout_para_first(struct text_layout *l, size_t p, size_t *nlines);
/* Lines of paragraph p alone (lays out only p): for streaming. */
size_t text_layout_para_lines(struct text_layout *l, size_t p);
/* Line k (< text_layout_para_lines) of paragraph p into *out. */
void text_layout_para_line(struct text_layout *l, size_t p, size_t k,
    struct text_line *out);
/* Screen line i into *out (past the end: the last line). */
void text_layout_line(struct text_layout *l, size_t i, struct text_line *out);
/* Drops the cached cells of paragraph p (its line count stays): for callers
 * that stream through a large document once, like `axial cat`. */
void text_layout_forget(struct text_layout *l, size_t p);

/*
 * Logical offset -> (line, column) of the cell showing it. An offset at a
 * paragraph's end (no cell) maps to the column just past the text in the
 * paragraph direction. off is clamped to the document.
 */
void text_layout_locate(struct text_layout *l, size_t off, size_t *line,
    int *col);
/* The same as paragraph *para, its line *k and column *col. */
void text_layout_locate_para(struct text_layout *l, size_t off, size_t *para,
    size_t *k, int *col);
/*
 * (line, column) -> logical offset: the start of the cell under col. Left or
 * right of the text, the line's logical start or end (its end is the
 * paragraph end on a paragraph's last line, else the last cell's start).
 */
size_t text_layout_offset_at(struct text_layout *l, size_t line, int col);
/* The same for line k of paragraph p. */
size_t text_layout_para_offset_at(struct text_layout *l, size_t p, size_t k,
    int col);
/*
 * The visual runs of line i covered by the logical selection [s, e): the
 * maximal groups of adjacent cells whose range meets [s, e), left to right.
 * Writes at most max runs and returns how many there are.
 */
size_t text_layout_runs(struct text_layout *l, size_t i, size_t s, size_t e,
    struct text_run *runs, size_t max);

/* UTF-8 of one cell's glyphs (NUL-terminated, no more than cap bytes
 * including the NUL); returns the byte count. */
size_t text_cell_utf8(const struct text_line *ln, const struct text_cell *c,
    char *out, size_t cap);

/*
 * The engine's paragraph bidi (levels through L1, reordering by L2) on one
 * paragraph shown as one unwrapped line, with the rules the Unicode
 * conformance files test: no L3 (marks are not moved after their base).
 * cp[0..n) in, levels[0..n) out, order[0..*norder) the logical indexes in
 * visual order without the characters rule X9 removes. *rtl = the resolved
 * paragraph direction. Returns 0, or -1 if FriBidi fails.
 */
int text_bidi_line(const uint32_t *cp, size_t n, enum text_dir dir,
    bool *rtl, int8_t *levels, size_t *order, size_t *norder);

/*
 * s as one line (LF and CR as spaces) in at most width columns, as a name
 * is shown in a column too narrow for it: s itself when its cells take no
 * more, else its longest logical prefix ending on a grapheme cluster
 * boundary that leaves room for ell, pulled back to the end of a word when
 * that loses at most a few columns (3, and a quarter of the room), without
 * trailing blanks, then ell: "\u2026", or "..." where the locale cannot show
 * it; if ell alone is too wide, as much of it as fits. Columns are the
 * engine's cells (wide letters, placeholders for controls).
 *
 * ell is at the logical end, so laid out in s's paragraph direction it sits
 * at the reading end: right of a left-to-right line, left of a
 * right-to-left one. *rtl (unless NULL) gets that direction under dir,
 * resolved on the whole of s: lay the result out with it, since the prefix
 * may have lost the strong letter that decided it. Returns a malloc'd
 * string.
 */
char *text_fit(const char *s, int width, enum text_dir dir, const char *ell,
    bool *rtl);

#endif
