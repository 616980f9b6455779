/*
 * vm-transcript.h: the transcript view-model. No curses: a cursor, an
 * optional mark (selection anchor) and a scroll position over a text_layout.
 *
 * Offsets (cursor, mark, selections) are logical code-point offsets into
 * the document, the unit codings use; lines and columns are visual (screen
 * lines of the layout, columns from the pane's left edge). The view-model
 * borrows the layout; vmt_attach must be called again when the layout is
 * replaced or its width changes (the cursor is kept, the top re-derived).
 *
 * The first line shown is held by its text (top_off), not by its number:
 * the layout estimates the lines of paragraphs it has not laid out, and
 * laying one out renumbers the lines after it (text.h). Motions count
 * lines by walking paragraphs from the caret or the top, so they cost
 * what the screen shows, whatever the document's size. top is the line
 * number of top_off after the last motion: for a scroll position only.
 */
#ifndef AXIAL_VM_TRANSCRIPT_H
#define AXIAL_VM_TRANSCRIPT_H

#include <stdbool.h>
#include <stddef.h>

#include "text/text.h"

#define VMT_NO_MARK ((size_t)-1)

struct vm_transcript {
	struct text_layout *layout;	/* borrowed */
	const struct text_doc *doc;	/* borrowed */
	size_t cursor;		/* logical offset, 0..length */
	size_t mark;		/* VMT_NO_MARK or the selection anchor */
	size_t top_off;		/* logical start of the first line shown */
	size_t top;		/* its screen line, as the layout numbers it now */
	int height;		/* screen lines shown */
	int goal;		/* column kept by up/down, -1 none */
};

/* Attaches a (new) layout of doc; keeps cursor/mark (clamped) and top
 * (re-derived from the first offset shown before, when keep_top). */
void vmt_attach(struct vm_transcript *v, const struct text_doc *doc,
    struct text_layout *layout, int height);
size_t vmt_length(const struct vm_transcript *v);

/* Motions; each keeps the cursor visible. visual left/right move one cell
 * in screen order (so Left goes forward in a right-to-left paragraph). */
void vmt_left(struct vm_transcript *v);
void vmt_right(struct vm_transcript *v);
void vmt_up(struct vm_transcript *v);
void vmt_down(struct vm_transcript *v);
void vmt_word_next(struct vm_transcript *v);
void vmt_word_prev(struct vm_transcript *v);
void vmt_para_next(struct vm_transcript *v);
void vmt_para_prev(struct vm_transcript *v);
void vmt_page_down(struct vm_transcript *v);
void vmt_page_up(struct vm_transcript *v);
void vmt_line_start(struct vm_transcript *v);
void vmt_line_end(struct vm_transcript *v);
void vmt_doc_start(struct vm_transcript *v);
void vmt_doc_end(struct vm_transcript *v);
/* Puts the cursor at off (clamped, snapped to a grapheme start). */
void vmt_goto(struct vm_transcript *v, size_t off);
/* The offset at a screen position relative to the pane's text area. */
size_t vmt_offset_at(struct vm_transcript *v, int row, int col);
/* Scrolls by n lines (negative: up) without moving the cursor. */
void vmt_scroll(struct vm_transcript *v, long n);

void vmt_set_mark(struct vm_transcript *v);
void vmt_clear_mark(struct vm_transcript *v);
/* The selection [*s, *e): mark..cursor extended to whole graphemes; false
 * when there is no mark or it is empty. */
bool vmt_selection(const struct vm_transcript *v, size_t *s, size_t *e);
/* Cursor (line, col) on screen. */
void vmt_cursor_pos(struct vm_transcript *v, size_t *line, int *col);
/* The cursor's row from the top line shown and its column: false if it
 * is not within height rows. */
bool vmt_cursor_row(struct vm_transcript *v, int *row, int *col);
/* The first line shown: paragraph *p, line *k of it. */
void vmt_top_pos(struct vm_transcript *v, size_t *p, size_t *k);

#endif
