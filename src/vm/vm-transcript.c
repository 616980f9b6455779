/*
 * vm-transcript.c: cursor, mark and scrolling over a text_layout.
 *
 * Invariants: cursor <= length; top < max(1, lines); after every motion the
 * cursor's screen line is in [top, top + height). Selections are logical
 * ranges [min(mark, cursor), max(mark, cursor)): the cursor sits *before*
 * the character it is on, as a bar caret would, so moving a word forward
 * from the mark selects that word (and the space after it, which coding
 * trims).
 */
#include "vm/vm-transcript.h"

static size_t
nlines(const struct vm_transcript *v)
{
	size_t n = text_layout_lines(v->layout);

	return n ? n : 1;
}

size_t
vmt_length(const struct vm_transcript *v)
{
	return v->doc ? text_doc_length(v->doc) : 0;
}

void
vmt_cursor_pos(struct vm_transcript *v, size_t *line, int *col)
{
	if (vmt_length(v) == 0) {
		*line = 0;
		*col = 0;
		return;
	}
	text_layout_locate(v->layout, v->cursor, line, col);
}

/*
 * Keeps the caret's line in view. When it leaves the view the view jumps by
 * half a page (as less and vim's scrolljump do) rather than one line, so a
 * run of cursor-down keys repaints the pane once per half page instead of
 * on every key: far fewer bytes to a remote terminal.
 */
static void
scroll_to_cursor(struct vm_transcript *v)
{
	size_t line, total = nlines(v);
	int col;
	size_t h = v->height > 0 ? (size_t)v->height : 1;

	vmt_cursor_pos(v, &line, &col);
	if (line < v->top)
		v->top = line + 1 == v->top ? (line > h / 2 ? line - h / 2 : 0) : line;
	else if (line >= v->top + h) {
		v->top = line == v->top + h ? line - h + 1 + h / 2 : line - h + 1;
		if (v->top > line)
			v->top = line;
		if (v->top + h > total)
			v->top = total > h ? total - h : 0;
		if (line >= v->top + h)
			v->top = line - h + 1;
	}
	if (v->top >= total)
		v->top = total - 1;
}

void
vmt_attach(struct vm_transcript *v, const struct text_doc *doc,
    struct text_layout *layout, int height)
{
	size_t len;

	v->doc = doc;
	v->layout = layout;
	v->height = height;
	len = vmt_length(v);
	if (v->cursor > len)
		v->cursor = len;
	if (v->mark != VMT_NO_MARK && v->mark > len)
		v->mark = len;
	if (v->top >= nlines(v))
		v->top = nlines(v) - 1;
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
	size_t len = vmt_length(v);

	if (off > len)
		off = len;
	if (len > 0 && off < len)
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
	size_t line, i, len = vmt_length(v);
	int col;
	bool forward;

	if (len == 0)
		return;
	vmt_cursor_pos(v, &line, &col);
	text_layout_line(v->layout, line, &ln);
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
	size_t line, total = nlines(v);
	int col;
	long target;

	if (vmt_length(v) == 0)
		return;
	vmt_cursor_pos(v, &line, &col);
	if (v->goal < 0)
		v->goal = col;
	target = (long)line + n;
	if (target < 0)
		target = 0;
	if ((size_t)target >= total)
		target = (long)total - 1;
	if ((size_t)target == line && n != 0) {
		/* already on the first/last line: go to its start/end */
		v->cursor = n < 0 ? 0 : vmt_length(v);
		moved(v, false);
		return;
	}
	v->cursor = text_layout_offset_at(v->layout, (size_t)target, v->goal);
	moved(v, true);
}

void vmt_up(struct vm_transcript *v) { vertical(v, -1); }
void vmt_down(struct vm_transcript *v) { vertical(v, 1); }

void
vmt_page_down(struct vm_transcript *v)
{
	long h = v->height > 1 ? v->height - 1 : 1;
	size_t total = nlines(v);

	/* scroll the view a page, then the cursor by as much */
	v->top = v->top + (size_t)h < total ? v->top + (size_t)h : v->top;
	vertical(v, h);
}

void
vmt_page_up(struct vm_transcript *v)
{
	long h = v->height > 1 ? v->height - 1 : 1;

	v->top = v->top > (size_t)h ? v->top - (size_t)h : 0;
	vertical(v, -h);
}

void
vmt_scroll(struct vm_transcript *v, long n)
{
	long t = (long)v->top + n;

	if (t < 0)
		t = 0;
	if ((size_t)t >= nlines(v))
		t = (long)nlines(v) - 1;
	v->top = (size_t)t;
}

void
vmt_word_next(struct vm_transcript *v)
{
	if (vmt_length(v) == 0)
		return;
	v->cursor = text_doc_next_word(v->doc, v->cursor);
	moved(v, false);
}

void
vmt_word_prev(struct vm_transcript *v)
{
	if (vmt_length(v) == 0)
		return;
	v->cursor = text_doc_prev_word(v->doc, v->cursor);
	moved(v, false);
}

void
vmt_para_next(struct vm_transcript *v)
{
	size_t p, s, e, np;

	if (vmt_length(v) == 0)
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

	if (vmt_length(v) == 0)
		return;
	p = text_doc_paragraph_at(v->doc, v->cursor);
	text_doc_paragraph(v->doc, p, &s, &e);
	if (v->cursor == s && p > 0)
		text_doc_paragraph(v->doc, p - 1, &s, &e);
	v->cursor = s;
	moved(v, false);
}

void
vmt_line_start(struct vm_transcript *v)
{
	struct text_line ln;
	size_t line;
	int col;

	if (vmt_length(v) == 0)
		return;
	vmt_cursor_pos(v, &line, &col);
	text_layout_line(v->layout, line, &ln);
	v->cursor = ln.start;
	moved(v, false);
}

void
vmt_line_end(struct vm_transcript *v)
{
	struct text_line ln;
	size_t line;
	int col;

	if (vmt_length(v) == 0)
		return;
	vmt_cursor_pos(v, &line, &col);
	text_layout_line(v->layout, line, &ln);
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
	size_t line = v->top + (size_t)(row < 0 ? 0 : row);

	if (vmt_length(v) == 0)
		return 0;
	if (line >= nlines(v))
		return vmt_length(v);
	return text_layout_offset_at(v->layout, line, col);
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
