/*
 * vm-transcript.c: cursor, mark and scrolling over a text_layout.
 *
 * Invariants: cursor <= length; top_off is the start of a line; after every
 * motion the cursor's screen line is one of the height lines from the top
 * line. Selections are logical ranges [min(mark, cursor), max(mark,
 * cursor)): the cursor sits *before* the character it is on, as a bar
 * caret would, so moving a word forward from the mark selects that word
 * (and the space after it, which coding trims).
 *
 * Places are (paragraph, line in it) pairs, and distances are walked a
 * paragraph at a time (walk, dist), never taken from line numbers: those
 * are estimates past what is laid out (text.h). A walk is capped by the
 * screen's height, so it lays out only paragraphs near the screen.
 */
#include "vm/vm-transcript.h"

struct pos {
	size_t p, k;
};

static bool
empty(const struct vm_transcript *v)
{
	return v->doc == NULL || text_doc_paragraphs(v->doc) == 0;
}

static size_t
plines(const struct vm_transcript *v, size_t p)
{
	return text_layout_para_lines(v->layout, p);
}

static int
pos_cmp(struct pos a, struct pos b)
{
	if (a.p != b.p)
		return a.p < b.p ? -1 : 1;
	return a.k < b.k ? -1 : a.k > b.k;
}

/* n lines on from a (back when negative), stopping at the document's
 * first and last lines. */
static struct pos
walk(const struct vm_transcript *v, struct pos a, long n)
{
	size_t np = text_doc_paragraphs(v->doc);

	while (n > 0) {
		size_t rem = plines(v, a.p) - 1 - a.k;

		if ((size_t)n <= rem) {
			a.k += (size_t)n;
			break;
		}
		if (a.p + 1 == np) {
			a.k += rem;
			break;
		}
		n -= (long)rem + 1;
		a.p++;
		a.k = 0;
	}
	while (n < 0) {
		if ((size_t)-n <= a.k) {
			a.k -= (size_t)-n;
			break;
		}
		if (a.p == 0) {
			a.k = 0;
			break;
		}
		n += (long)a.k + 1;
		a.p--;
		a.k = plines(v, a.p) - 1;
	}
	return a;
}

/* Lines from a to b (b not before a), counted up to cap. */
static size_t
dist(const struct vm_transcript *v, struct pos a, struct pos b, size_t cap)
{
	size_t n, q;

	if (a.p == b.p)
		return b.k - a.k;
	n = plines(v, a.p) - a.k;
	for (q = a.p + 1; q < b.p && n < cap; q++)
		n += plines(v, q);
	return n + b.k;
}

static struct pos
cursor_pos(struct vm_transcript *v, int *col)
{
	struct pos c;

	text_layout_locate_para(v->layout, v->cursor, &c.p, &c.k, col);
	return c;
}

static struct pos
top_pos(struct vm_transcript *v)
{
	struct pos t;
	int col;

	text_layout_locate_para(v->layout, v->top_off, &t.p, &t.k, &col);
	return t;
}

static void
set_top(struct vm_transcript *v, struct pos t)
{
	struct text_line ln;
	size_t n;

	text_layout_para_line(v->layout, t.p, t.k, &ln);
	v->top_off = ln.start;
	v->top = text_layout_para_first(v->layout, t.p, &n) + t.k;
}

void
vmt_top_pos(struct vm_transcript *v, size_t *p, size_t *k)
{
	struct pos t = {0, 0};

	if (!empty(v))
		t = top_pos(v);
	*p = t.p;
	*k = t.k;
}

size_t
vmt_length(const struct vm_transcript *v)
{
	return v->doc ? text_doc_length(v->doc) : 0;
}

void
vmt_cursor_pos(struct vm_transcript *v, size_t *line, int *col)
{
	if (empty(v)) {
		*line = 0;
		*col = 0;
		return;
	}
	text_layout_locate(v->layout, v->cursor, line, col);
}

bool
vmt_cursor_row(struct vm_transcript *v, int *row, int *col)
{
	struct pos c, t;
	size_t h = v->height > 0 ? (size_t)v->height : 1, d;

	*row = *col = 0;
	if (empty(v))
		return true;
	c = cursor_pos(v, col);
	t = top_pos(v);
	if (pos_cmp(c, t) < 0 || (d = dist(v, t, c, h)) >= h)
		return false;
	*row = (int)d;
	return true;
}

/*
 * Keeps the caret's line in view. When it leaves the view the view jumps by
 * half a page (as less and vim's scrolljump do) rather than one line, so a
 * run of cursor-down keys repaints the pane once per half page instead of
 * on every key: far fewer bytes to a remote terminal. A far jump puts the
 * caret's line at the edge it came from, never past the document's end.
 */
static void
scroll_to_cursor(struct vm_transcript *v)
{
	size_t h = v->height > 0 ? (size_t)v->height : 1, d;
	struct pos c, t, end;
	int col;

	if (empty(v)) {
		v->top_off = 0;
		v->top = 0;
		return;
	}
	c = cursor_pos(v, &col);
	t = top_pos(v);
	if (pos_cmp(c, t) < 0) {
		if (pos_cmp(walk(v, c, 1), t) == 0)	/* one line up */
			t = walk(v, c, -(long)(h / 2));
		else
			t = c;
	} else if ((d = dist(v, t, c, h + 1)) >= h) {
		t = walk(v, c, -(long)(h - 1));
		if (d == h)	/* one line down: half a page */
			t = walk(v, t, (long)(h / 2));
		/* the last line no higher than the bottom */
		end = walk(v, t, (long)(h - 1));
		if (dist(v, t, end, h) < h - 1)
			t = walk(v, end, -(long)(h - 1));
	}
	set_top(v, t);
}

void
vmt_attach(struct vm_transcript *v, const struct text_doc *doc,
    struct text_layout *layout, int height)
{
	v->doc = doc;
	v->layout = layout;
	v->height = height;
	if (doc != NULL) {
		v->cursor = text_doc_clamp(doc, v->cursor);
		if (v->mark != VMT_NO_MARK)
			v->mark = text_doc_clamp(doc, v->mark);
		v->top_off = text_doc_clamp(doc, v->top_off);
	}
	v->goal = -1;
	scroll_to_cursor(v);
}

static void
moved(struct vm_transcript *v, bool keep_goal)
{
	if (!keep_goal)
		v->goal = -1;
	scroll_to_cursor(v);
}

void
vmt_goto(struct vm_transcript *v, size_t off)
{
	if (empty(v))
		off = 0;
	else	/* a grapheme's start; the length if off is past it */
		off = text_doc_grapheme_start(v->doc, off);
	v->cursor = off;
	moved(v, false);
}

/* Index of the cell showing off in line ln, or ncells if none. */
static size_t
cell_of(const struct text_line *ln, size_t off)
{
	size_t i;

	for (i = 0; i < ln->ncells; i++)
		if (ln->cells[i].start <= off && off < ln->cells[i].end &&
		    ln->cells[i].cols > 0)
			return i;
	return ln->ncells;
}

/* One cell in screen direction: dir -1 left, +1 right. */
static void
horizontal(struct vm_transcript *v, int dir)
{
	struct text_line ln;
	struct pos c;
	size_t i;
	int col;
	bool forward;

	if (empty(v))
		return;
	c = cursor_pos(v, &col);
	text_layout_para_line(v->layout, c.p, c.k, &ln);
	forward = (dir > 0) != ln.rtl;
	i = cell_of(&ln, v->cursor);
	if (i < ln.ncells) {
		long j = (long)i + dir;

		/* skip cells that take no columns */
		while (j >= 0 && (size_t)j < ln.ncells && ln.cells[j].cols == 0)
			j += dir;
		if (j >= 0 && (size_t)j < ln.ncells) {
			v->cursor = ln.cells[j].start;
			moved(v, false);
			return;
		}
	}
	/* At the edge, or past the text: a logical step across the line end. */
	if (i == ln.ncells)
		v->cursor = forward ? text_doc_next_grapheme(v->doc, v->cursor) :
		    text_doc_prev_grapheme(v->doc, v->cursor);
	else if (forward)
		v->cursor = v->cursor < ln.end ? ln.end :
		    text_doc_next_grapheme(v->doc, v->cursor);
	else
		v->cursor = text_doc_prev_grapheme(v->doc, ln.start);
	moved(v, false);
}

void vmt_left(struct vm_transcript *v) { horizontal(v, -1); }
void vmt_right(struct vm_transcript *v) { horizontal(v, +1); }

static void
vertical(struct vm_transcript *v, long n)
{
	struct pos c, target;
	int col;

	if (empty(v))
		return;
	c = cursor_pos(v, &col);
	if (v->goal < 0)
		v->goal = col;
	target = walk(v, c, n);
	if (pos_cmp(target, c) == 0 && n != 0) {
		/* already on the first/last line: go to its start/end */
		v->cursor = n < 0 ? 0 : vmt_length(v);
		moved(v, false);
		return;
	}
	v->cursor = text_layout_para_offset_at(v->layout, target.p, target.k,
	    v->goal);
	moved(v, true);
}

void vmt_up(struct vm_transcript *v) { vertical(v, -1); }
void vmt_down(struct vm_transcript *v) { vertical(v, 1); }

void
vmt_page_down(struct vm_transcript *v)
{
	long h = v->height > 1 ? v->height - 1 : 1;
	struct pos t, to;

	if (empty(v))
		return;
	/* scroll the view a page (unless that passes the end), then the
	 * cursor by as much */
	t = top_pos(v);
	to = walk(v, t, h);
	if (dist(v, t, to, (size_t)h) == (size_t)h)
		set_top(v, to);
	vertical(v, h);
}

void
vmt_page_up(struct vm_transcript *v)
{
	long h = v->height > 1 ? v->height - 1 : 1;

	if (empty(v))
		return;
	set_top(v, walk(v, top_pos(v), -h));
	vertical(v, -h);
}

void
vmt_scroll(struct vm_transcript *v, long n)
{
	if (empty(v))
		return;
	set_top(v, walk(v, top_pos(v), n));
}

void
vmt_word_next(struct vm_transcript *v)
{
	if (empty(v))
		return;
	v->cursor = text_doc_next_word(v->doc, v->cursor);
	moved(v, false);
}

void
vmt_word_prev(struct vm_transcript *v)
{
	if (empty(v))
		return;
	v->cursor = text_doc_prev_word(v->doc, v->cursor);
	moved(v, false);
}

void
vmt_para_next(struct vm_transcript *v)
{
	size_t p, s, e, np;

	if (empty(v))
		return;
	np = text_doc_paragraphs(v->doc);
	p = text_doc_paragraph_at(v->doc, v->cursor);
	if (p + 1 < np) {
		text_doc_paragraph(v->doc, p + 1, &s, &e);
		v->cursor = s;
	} else
		v->cursor = vmt_length(v);
	moved(v, false);
}

void
vmt_para_prev(struct vm_transcript *v)
{
	size_t p, s, e;

	if (empty(v))
		return;
	p = text_doc_paragraph_at(v->doc, v->cursor);
	text_doc_paragraph(v->doc, p, &s, &e);
	if (v->cursor == s && p > 0)
		text_doc_paragraph(v->doc, p - 1, &s, &e);
	v->cursor = s;
	moved(v, false);
}

/* The line the cursor is on. */
static void
cursor_line(struct vm_transcript *v, struct text_line *ln)
{
	struct pos c;
	int col;

	c = cursor_pos(v, &col);
	text_layout_para_line(v->layout, c.p, c.k, ln);
}

void
vmt_line_start(struct vm_transcript *v)
{
	struct text_line ln;

	if (empty(v))
		return;
	cursor_line(v, &ln);
	v->cursor = ln.start;
	moved(v, false);
}

void
vmt_line_end(struct vm_transcript *v)
{
	struct text_line ln;

	if (empty(v))
		return;
	cursor_line(v, &ln);
	v->cursor = ln.last ? ln.end :
	    (ln.end > ln.start ? text_doc_prev_grapheme(v->doc, ln.end) : ln.end);
	moved(v, false);
}

void
vmt_doc_start(struct vm_transcript *v)
{
	v->cursor = 0;
	moved(v, false);
}

void
vmt_doc_end(struct vm_transcript *v)
{
	v->cursor = vmt_length(v);
	moved(v, false);
}

size_t
vmt_offset_at(struct vm_transcript *v, int row, int col)
{
	struct pos t, at;
	size_t r = (size_t)(row < 0 ? 0 : row);

	if (empty(v))
		return 0;
	t = top_pos(v);
	at = walk(v, t, (long)r);
	if (dist(v, t, at, r) < r)	/* below the last line */
		return vmt_length(v);
	return text_layout_para_offset_at(v->layout, at.p, at.k, col);
}

void
vmt_set_mark(struct vm_transcript *v)
{
	v->mark = v->cursor;
}

void
vmt_clear_mark(struct vm_transcript *v)
{
	v->mark = VMT_NO_MARK;
}

bool
vmt_selection(const struct vm_transcript *v, size_t *s, size_t *e)
{
	if (v->mark == VMT_NO_MARK || v->mark == v->cursor)
		return false;
	*s = v->mark < v->cursor ? v->mark : v->cursor;
	*e = v->mark < v->cursor ? v->cursor : v->mark;
	return true;
}
