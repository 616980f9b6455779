/*
 * report.h: the analyses of analysis.h as plain tables (title, notes,
 * header, rows of text cells), and those tables as Markdown, HTML and CSV.
 * A pane can draw any rp_table the same way; `axial report` writes them.
 *
 * A cell has display text and, optionally, an exact text for CSV: the
 * demographics percent shows "64" but exports "64.285714", and grouped
 * columns (the main category of a coding table) show their value once per
 * group but repeat it in CSV so every CSV row stands alone.
 *
 * Every table that counts codings counts one source (struct rp_source):
 * one coder's codings, the consensus coding's, or each coder's in columns
 * side by side; never the sum of coders, in which a segment two coders
 * tagged would count twice. The table names its source: a "Source:" line
 * under the title (Markdown, HTML) and, in CSV, a first column "Source"
 * when the whole table counts one source, or the login in the head of each
 * column when the sources stand side by side.
 */
#ifndef AXIAL_REPORT_H
#define AXIAL_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "stats/analysis.h"
#include "base/util.h"

/*
 * The codings a table counts: coder ids (a coder, or the consensus coder;
 * -1 counts nothing). A table of several sources shows them side by side;
 * the tables that cannot (a matrix, a series) take one coder.
 */
struct rp_source {
	const int64_t *coder;
	size_t n;
};

struct rp_table {
	char *name;		/* file stem: "saturation", "coding-causal" */
	char *title;
	char *source;		/* "coder-a", "consensus", "each coder"; NULL:
				 * the table counts no codings */
	char *source_line;	/* the sentence under the title naming it */
	bool source_column;	/* CSV: a first column "Source" = source */
	char **notes;		/* paragraphs shown under the title (not in CSV) */
	size_t nnotes;
	char *figure;		/* an image file shown under the notes (Markdown
				 * links it), or NULL; not in CSV */
	char *figure_svg;	/* that image as an SVG document (HTML holds it
				 * as a data: URI, so the page stays one file) */
	size_t ncols, nrows, caprows;
	char **head;		/* ncols; owned */
	bool *numeric;		/* ncols: right-aligned numbers */
	char **cell;		/* nrows * ncols; owned */
	char **exact;		/* nrows * ncols; NULL entries: same as cell */
};

/* Whether coder has codings the snapshot may read (a->coded: read yet or
 * not). */
bool rp_coder_has_codings(const struct an_project *a, int64_t coder);
/* The source a report counts unless told: the consensus coder when it has
 * codings, else fallback (`axial report` and the saturation chart). */
int64_t rp_default_source(const struct an_project *a, int64_t fallback);

/* Names the one coder t counts (its source, source line, CSV column). */
void rp_source_name(struct rp_table *t, const struct an_project *a,
    int64_t coder);

/* A table with ncols columns named by the NULL-terminated varargs. */
void rp_table_init(struct rp_table *t, const char *name, const char *title,
    size_t ncols, ...);
void rp_table_done(struct rp_table *t);
void rp_note(struct rp_table *t, const char *fmt, ...) AX_PRINTF(2, 3);
/* Adds a column at the end; only before the first row. */
void rp_col(struct rp_table *t, const char *head, bool numeric);
/* Starts a row (all cells ""); returns its index. */
size_t rp_row(struct rp_table *t);
/* Sets the cell of the last row. */
void rp_set(struct rp_table *t, size_t col, const char *text);
void rp_setf(struct rp_table *t, size_t col, const char *fmt, ...)
    AX_PRINTF(3, 4);
void rp_set_exact(struct rp_table *t, size_t col, const char *text);

/* ---- Tables of the analyses (report-tables.c) ---- */

/* Tables of one or more sources side by side: one pair of count columns
 * (codings, documents) or one column (frequency by coder) per source. */
void rp_slot_table(const struct an_project *a, enum paradigm_role role,
    const struct rp_source *src, struct rp_table *t);
void rp_codebook_table(const struct an_project *a, const struct rp_source *src,
    struct rp_table *t);
void rp_freq_coder_table(const struct an_project *a,
    const struct rp_source *src, struct rp_table *t);
/* Tables of one coder; name is the file stem ("saturation",
 * "saturation-coder-a" when a report writes one per coder). */
void rp_sample_table(const struct an_project *a, int64_t coder,
    size_t per_code, const char *name, struct rp_table *t);
void rp_freq_doc_table(const struct an_project *a, int64_t coder,
    const char *name, struct rp_table *t);
void rp_cooc_table(const struct an_project *a, enum an_cooc_unit unit,
    int64_t coder, const char *name, struct rp_table *t);
/* o: the Guest, Namey & Chen rule's parameters; NULL: the defaults. */
void rp_saturation_table(const struct an_project *a, int64_t coder,
    const struct an_gnc_opts *o, const char *name, struct rp_table *t);
void rp_demographics_table(const struct an_project *a, struct rp_table *t);
/*
 * A matrix (an_matrix) as a table: the row's name, a column per matrix
 * column (the documents without the attribute headed "(none)"), then,
 * when it has totals, a Total column and a Total row. pct 'r' or 'c' sets
 * the cells (not the totals) to the row or column percent, one decimal
 * (exact in CSV); 0 to the counts. name is the file stem.
 */
void rp_matrix_table(const struct an_project *a, const struct an_matrix *m,
    int pct, const char *name, struct rp_table *t);
/* A matrix's title ("Categories by gender: documents"); the caller frees it. */
char *rp_matrix_title(const struct an_matrix *m);

/*
 * The theory page (selective coding): the core category, its storyline,
 * whether every slot of m is linked to the central phenomenon, then one
 * row per link (type, from, to, direction, memo, the segments attached as
 * evidence counted per source, and up to two of them quoted, from the
 * sources' codings only). When the project has neither a core category
 * nor links, a note says so and the table has no rows.
 */
void rp_theory_table(const struct an_project *a, const struct an_paradigm *m,
    const struct rp_source *src, struct rp_table *t);
/* s as a quote in a table: controls and line breaks as spaces, runs of
 * spaces as one, cut after about max characters at a space, "…" marking
 * the cut; the caller frees it. */
char *rp_quote(const char *s, size_t max);

/*
 * The agreement table (report-agree.c): per code and pooled, the figures
 * `axial agree PROJECT --coders ... --format csv` prints for coders[0..n)
 * (two: prevalence, kappa and AC1 with intervals and their method, alpha;
 * three or more: Fleiss, alpha, Light, AC1 and the pairwise kappas), and
 * alpha for unitizing from --unit segments; the coders named in each row.
 * *hidden: the codes no coder used, left out. AX_OK or the project's error.
 */
enum ax_status rp_agree_table(struct project *p, const char *const *coders,
    int n, struct rp_table *t, size_t *hidden);
/* The coders the agreement table compares unless told: those who coded,
 * not the consensus coder nor a second pass (LOGIN-retest); at most cap. */
size_t rp_agree_coders(const struct an_project *a, const char **out,
    size_t cap);

/* ---- Renderers (report-render.c) ---- */

/*
 * How a report is written for its readers, set once before the tables are
 * made: the language of the messages (i18n.h) gives the titles, heads and
 * notes; rtl wraps Markdown in <div dir="rtl"> and gives HTML dir="rtl";
 * fa_digits writes the figures (numeric cells and the numbers in notes)
 * with Persian digits and decimal separator. CSV keeps Latin digits and
 * exact values, which spreadsheets read as numbers; bom starts it with a
 * UTF-8 byte-order mark for those that need one to see UTF-8.
 */
struct rp_style {
	const char *lang;	/* "en", "fa": HTML lang */
	bool rtl;
	bool fa_digits;
	bool bom;
};
void rp_style_set(const struct rp_style *s);
const struct rp_style *rp_style(void);
/* s with its Latin digits as the style's digits (a '.' between digits as
 * the Persian decimal separator); newly allocated. */
char *rp_digits(const char *s);
/* v in the style's digits, in one of a few rotating buffers: for the
 * arguments of a note's format. */
const char *rp_int(long long v);

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
