/*
 * report.h: the analyses of analysis.h as plain tables (title, notes,
 * header, rows of text cells), and those tables as Markdown, HTML and CSV.
 * A pane can draw any rp_table the same way; `axial report` writes them.
 *
 * A cell has display text and, optionally, an exact text for CSV: the
 * demographics percent shows "64" but exports "64.285714", and grouped
 * columns (the main category of a coding table) show their value once per
 * group but repeat it in CSV so every CSV row stands alone.
 */
#ifndef AXIAL_REPORT_H
#define AXIAL_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "axial/analysis.h"
#include "axial/util.h"

struct rp_table {
	char *name;		/* file stem: "saturation", "coding-causal" */
	char *title;
	char **notes;		/* paragraphs shown under the title (not in CSV) */
	size_t nnotes;
	size_t ncols, nrows, caprows;
	char **head;		/* ncols; owned */
	bool *numeric;		/* ncols: right-aligned numbers */
	char **cell;		/* nrows * ncols; owned */
	char **exact;		/* nrows * ncols; NULL entries: same as cell */
};

/* A table with ncols columns named by the NULL-terminated varargs. */
void rp_table_init(struct rp_table *t, const char *name, const char *title,
    size_t ncols, ...);
void rp_table_done(struct rp_table *t);
void rp_note(struct rp_table *t, const char *fmt, ...) AX_PRINTF(2, 3);
/* Starts a row (all cells ""); returns its index. */
size_t rp_row(struct rp_table *t);
/* Sets the cell of the last row. */
void rp_set(struct rp_table *t, size_t col, const char *text);
void rp_setf(struct rp_table *t, size_t col, const char *fmt, ...)
    AX_PRINTF(3, 4);
void rp_set_exact(struct rp_table *t, size_t col, const char *text);

/* ---- Tables of the analyses (report-tables.c) ---- */

void rp_slot_table(const struct an_project *a, enum paradigm_role role,
    int64_t coder, struct rp_table *t);
void rp_sample_table(const struct an_project *a, int64_t coder,
    size_t per_code, struct rp_table *t);
void rp_freq_table(const struct an_project *a, enum an_freq_by by,
    int64_t coder, struct rp_table *t);
void rp_cooc_table(const struct an_project *a, enum an_cooc_unit unit,
    int64_t coder, struct rp_table *t);
/* name is the file stem ("saturation", "saturation-coder-a"). */
void rp_saturation_table(const struct an_project *a, int64_t coder,
    const char *name, struct rp_table *t);
void rp_demographics_table(const struct an_project *a, struct rp_table *t);
void rp_codebook_table(const struct an_project *a, int64_t coder,
    struct rp_table *t);

/* ---- Renderers (report-render.c) ---- */

/* A Markdown document: "# title", the notes, a pipe table (| and line
 * breaks escaped). */
void rp_markdown(const struct rp_table *t, struct buf *b);
/* A self-contained HTML page (inline CSS, dir="auto" on text). */
void rp_html(const struct rp_table *t, const char *study, struct buf *b);
/* RFC 4180 CSV: header and rows, exact values, CRLF line ends. */
void rp_csv(const struct rp_table *t, struct buf *b);

/* Escapes for the renderers, shared with the report's index pages. */
void rp_md_escape(struct buf *b, const char *s);
void rp_html_escape(struct buf *b, const char *s);
/* The opening of an HTML page up to <body> with the report's CSS. */
void rp_html_head(struct buf *b, const char *title);
/* "6" or "12.5" or "64.285714": at most six decimals, no trailing zeros. */
char *rp_decimal(double v);

#endif
