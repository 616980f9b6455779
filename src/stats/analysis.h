/*
 * analysis.h: the analysis outputs of a study, computed from a project
 * snapshot, with no terminal and no files: the tables papers print, the
 * saturation series, demographics, co-occurrence, the codebook and the
 * paradigm model (as a layout a pane can draw, as Graphviz DOT and as SVG).
 * The workbench panes and `axial report` both call these.
 *
 * Usage:
 *
 *     struct an_project a;
 *     if (an_load(p, &a) == AX_OK) {
 *         struct an_saturation s;
 *         an_saturation(&a, 0, &s);          // 0: all coders pooled
 *         ... s.rows[i].nnew, s.point ...
 *         an_saturation_done(&s);
 *         an_done(&a);
 *     }
 *
 * Every result borrows strings (names, definitions) from the an_project it
 * was computed from, so the snapshot must outlive the results. Results own
 * their arrays and are freed with their *_done function. A `coder`
 * argument is a coder id (-1 matches nothing), or 0 for all coders pooled,
 * which counts a segment two coders tagged twice: `axial report` never
 * pools (report.h).
 *
 * Definitions (the numbers papers quote depend on them):
 *
 * - Codings and documents: a code's codings are its coding rows by the
 *   selected coders; its documents are the distinct documents among them.
 * - Paragraph: each LF-separated line of a document is one paragraph
 *   (document.h), numbered from 1. A coding belongs to every paragraph its
 *   span touches.
 * - Saturation (an_saturation): documents are taken in interview order. A
 *   document is "coded" when the selected coders applied at least one code
 *   in it. A code is new in the first document (in interview order) where
 *   it was applied. For each document: nnew, the cumulative number of
 *   distinct codes so far, and since_new, the number of coded documents
 *   since the last one that brought a new code (0 for a document that
 *   brought one). The saturation point is the interview position of the
 *   last document that brought a new code, provided at least one coded
 *   document follows it: "saturation was reached at interview 11" means
 *   that interviews 12.. brought no new code. When the last coded document
 *   still brought new codes (or nothing is coded) saturation is not reached
 *   and point is 0. Uncoded documents count neither way.
 * - Co-occurrence (an_cooc): AN_COOC_OVERLAP counts pairs of codings of
 *   two different codes by the same coder in the same document whose spans
 *   overlap (share at least one code point). AN_COOC_PARAGRAPH counts
 *   units, a unit being one paragraph as coded by one coder, in which both
 *   codes were applied. Pairs across coders never count: two coders
 *   coding the same passage differently is disagreement, not
 *   co-occurrence. The diagonal holds the code's own count (codings for
 *   OVERLAP, units for PARAGRAPH).
 * - Demographics (an_demographics): N is the number of documents. For
 *   each attribute key (in order of first appearance over the documents in
 *   interview order), its levels in order of first appearance, or, when
 *   every level holds a number (age bands, years of experience), ascending
 *   by the first number in each ("25-34", "35-44"; Persian digits too),
 *   each with its count and percent = 100 x count / N; documents without
 *   the key form a last level "(missing)". Whole percents are rounded half up:
 *   an_percent_round(c, n) = floor(100c/n + 1/2), computed exactly in
 *   integers, so 1/8 = 12.5% gives 13 and 9/14 = 64.29% gives 64. Rounded
 *   percents need not sum to 100; the exact values (in CSV) do.
 */
#ifndef AXIAL_ANALYSIS_H
#define AXIAL_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/codetree.h"
#include "store/coder.h"
#include "store/coding.h"
#include "store/document.h"
#include "store/link.h"
#include "store/memo.h"
#include "store/project.h"
#include "base/util.h"

/* A read-only snapshot of everything the analyses use. */
struct an_project {
	char *title;			/* the study's title, or "" */
	struct doc_info *docs;		/* interview order */
	size_t ndocs;
	char **texts;			/* texts[i] of docs[i], NUL-terminated;
					 * NULL when loaded lean */
	size_t *textlens;
	struct doc_attr **attrs;	/* attrs[i][0..nattrs[i]) of docs[i] */
	size_t *nattrs;
	struct node *nodes;		/* codetree_load order */
	size_t nnodes;
	struct coder *coders;
	size_t ncoders;
	int64_t *coded;			/* coded[i]: the codings of coders[i] the
					 * reader may see, read or not */
	struct coding *codings;		/* all coders, by position, start, end, id */
	size_t ncodings;
	struct memo *memos;
	size_t nmemos;
	struct link *links;		/* the links the reader may see, by id */
	size_t nlinks;
	struct an_evidence *evidence;	/* evidence[i]: of links[i] */
	struct link_type *ltypes;	/* built-in types first (link.h) */
	size_t nltypes;
	int64_t core;			/* the core category's node id, or 0 */
	/* id -> index lookups behind an_*_index (sorted by id; private) */
	struct an_id_index *ix_doc, *ix_node, *ix_coder, *ix_coding;
	struct project *p;		/* lean: where the texts are read */
	struct an_lines *lines;		/* the document last quoted (private) */
};

/* The codings attached to a link as evidence, in document order; ids of
 * codings the snapshot does not hold (a hidden coder's, a second pass's)
 * are left out. */
struct an_evidence {
	int64_t *codings;
	size_t n;
};

struct an_id_index {
	int64_t id;
	long index;
};

/* Loads the snapshot, texts included. On failure a is zeroed and the
 * message is project_errmsg(p). */
enum ax_status an_load(struct project *p, struct an_project *a);
/*
 * The snapshot without the texts: an_coding_quote and an_paragraph_of read
 * a document's text when asked and hold that one only, so p must stay open
 * while a is used. A text that cannot be read quotes as "" and its
 * paragraphs as 1; an_text_status then says why.
 */
enum ax_status an_load_lean(struct project *p, struct an_project *a);
/*
 * an_load_lean with no coding read yet (ncodings 0, no link): coded[]
 * says who has codings, so a reader can choose whose to count before it
 * holds any; an_load_codings then reads the codings of coders[0..n) (all
 * the snapshot's coders when coders is NULL), a document at a time, and
 * the links. On its failure a is done (an_done).
 */
enum ax_status an_load_lean_uncoded(struct project *p, struct an_project *a);
enum ax_status an_load_codings(struct an_project *a, const int64_t *coders,
    size_t n);
/* AX_OK, or the error of the first text a lean snapshot could not read. */
enum ax_status an_text_status(const struct an_project *a);
/* Drops the codings of every coder but coders[0..n) (the coders stay):
 * for a reader that counts those alone. */
void an_keep_codings(struct an_project *a, const int64_t *coders, size_t n);
void an_done(struct an_project *a);

/* Index in a->docs / a->nodes / a->coders of an id, or -1 (O(log n)). */
long an_doc_index(const struct an_project *a, int64_t doc);
long an_node_index(const struct an_project *a, int64_t node);
long an_coder_index(const struct an_project *a, int64_t coder);
/* Index in a->codings of a coding id, or -1 (O(log n)). */
long an_coding_index(const struct an_project *a, int64_t coding);
/* The link type or memo with this id, or NULL. */
const struct link_type *an_link_type(const struct an_project *a, int64_t type);
const struct memo *an_memo(const struct an_project *a, int64_t memo);
/* Node index of the top-level ancestor of node index i (i itself at top). */
size_t an_node_top(const struct an_project *a, size_t i);
/* The coding's text (owned by the caller). */
char *an_coding_quote(const struct an_project *a, const struct coding *c);
/* 1-based paragraph (line) of code-point offset cp in document index d
 * (O(log lines) after the document's first call). */
long an_paragraph_of(const struct an_project *a, size_t d, int64_t cp);

/* ---- Per-code counts (analysis-tables.c) ---- */

/*
 * counts[i] for node index i (codes only; categories 0): codings, and
 * documents with at least one coding, by the selected coder(s).
 */
struct an_count {
	int64_t ncodings, ndocs;
};
/* Returns an array of a->nnodes counts; the caller frees it. */
struct an_count *an_code_counts(const struct an_project *a, int64_t coder);

/* ---- Coding table per paradigm slot ---- */

/*
 * One row per code under a top-level category with the given role (or with
 * no role, for ROLE_NONE), in tree order: main category | sub-category |
 * initial code | codings | documents. sub is the chain of categories
 * between main and the code joined by " / " ("" when the code sits
 * directly under the main category).
 */
struct an_slot_row {
	size_t main, code;	/* node indexes */
	char *sub;		/* owned */
	int64_t ncodings, ndocs;
};
struct an_slot_table {
	enum paradigm_role role;
	struct an_slot_row *rows;
	size_t nrows;
	size_t ncategories;	/* top-level categories with this role */
};
void an_slot_table(const struct an_project *a, enum paradigm_role role,
    int64_t coder, struct an_slot_table *t);
void an_slot_table_done(struct an_slot_table *t);

/* ---- Open-coding sample ---- */

/*
 * Up to per_code codings of each code (the first ones in interview order,
 * then text order), codes in tree order: code beside its quote, with the
 * document, its interview position and the paragraph.
 */
struct an_sample_row {
	size_t code, doc;	/* node and document indexes */
	const struct coding *coding;	/* in a->codings */
	char *quote;		/* owned */
	long paragraph;
};
struct an_sample {
	struct an_sample_row *rows;
	size_t nrows;
};
void an_sample(const struct an_project *a, int64_t coder, size_t per_code,
    struct an_sample *s);
void an_sample_done(struct an_sample *s);

/* ---- Frequencies ---- */

/*
 * A codes x columns matrix of coding counts: columns are the documents in
 * interview order (AN_FREQ_DOCUMENT) or the coders (AN_FREQ_CODER; only
 * coders with codings, unless there are none). Rows are every code in tree
 * order. cell[r * ncols + c]; row_total[r], col_total[c], total.
 */
enum an_freq_by { AN_FREQ_DOCUMENT, AN_FREQ_CODER };
struct an_freq {
	enum an_freq_by by;
	size_t *row_node;	/* nrows node indexes */
	size_t *col;		/* ncols doc or coder indexes */
	size_t nrows, ncols;
	int64_t *cell, *row_total, *col_total, total;
};
void an_freq(const struct an_project *a, enum an_freq_by by, int64_t coder,
    struct an_freq *f);
void an_freq_done(struct an_freq *f);

/* ---- Co-occurrence ---- */

enum an_cooc_unit { AN_COOC_OVERLAP, AN_COOC_PARAGRAPH };
/*
 * A symmetric matrix over the codes that the selected coders applied at
 * least once, in tree order: m[i * n + j]. See the definitions above.
 */
struct an_cooc {
	enum an_cooc_unit unit;
	size_t *node;		/* n node indexes */
	size_t n;
	int64_t *m;
};
void an_cooc(const struct an_project *a, enum an_cooc_unit unit,
    int64_t coder, struct an_cooc *c);
void an_cooc_done(struct an_cooc *c);

/* ---- Matrices (analysis-matrix.c) ---- */

/*
 * Codes or categories against attribute values, documents or codes, from
 * one source (a coder id; 0 pools every coder, which `axial matrix` never
 * does). docs/matrices.md gives the definitions; in short:
 *
 * - Rows: every code in tree order (AN_MX_CODES), or every category, at
 *   any level, in tree order (AN_MX_CATEGORIES). A category's segments are
 *   the codings of any code anywhere under it.
 * - Columns: the levels of one attribute as an_demographics orders them,
 *   documents without it in a last column (none, label NULL); or every
 *   document in interview order; or (codes rows only) the codes the source
 *   applied, as an_cooc lists them, which are then the rows too.
 * - AN_MX_SEGMENTS: a cell counts the row's codings in the column's
 *   documents; AN_MX_DOCUMENTS the column's documents holding at least one
 *   of them. Against codes: AN_MX_SEGMENTS is an_cooc's AN_COOC_OVERLAP,
 *   AN_MX_PARAGRAPHS its AN_COOC_PARAGRAPH, AN_MX_DOCUMENTS the documents
 *   where both codes were applied (diagonal: where the code was).
 * - Totals (not against codes, where has_totals is false): row_total[r]
 *   counts the row over every document; col_total[c] counts the segments
 *   of the column in any row, each coding once (segments), or the
 *   column's documents, coded or not (documents); total likewise over
 *   every document. Row percent = 100 cell / row_total, column percent =
 *   100 cell / col_total (an_percent).
 */
enum an_mx_rows { AN_MX_CODES, AN_MX_CATEGORIES };
enum an_mx_cols { AN_MX_BY_ATTR, AN_MX_BY_DOC, AN_MX_BY_CODE };
enum an_mx_count { AN_MX_SEGMENTS, AN_MX_DOCUMENTS, AN_MX_PARAGRAPHS };
enum an_mx_status { AN_MX_OK, AN_MX_NO_ATTR, AN_MX_BAD_SHAPE };

struct an_matrix_spec {
	enum an_mx_rows rows;
	enum an_mx_cols cols;
	enum an_mx_count count;
	const char *attr;	/* AN_MX_BY_ATTR: the key, matched as typed,
				 * then folded (name_fold) */
	int64_t coder;
};

struct an_matrix {
	struct an_matrix_spec spec;
	const char *attr;	/* the key as stored (borrowed), or NULL */
	size_t *row_node;	/* nrows node indexes */
	size_t nrows, ncols;
	const char **col_label;	/* borrowed; NULL: the documents without the
				 * attribute */
	size_t *col_ref;	/* document or node index (by doc, by code) */
	int64_t *cell;		/* cell[r * ncols + c] */
	int64_t *row_total, *col_total, total, max;	/* max: largest cell */
	bool has_totals;
	/* private: the column of each document (-1 none) */
	long *doc_col;
	struct an_demographics *demo;
};

/*
 * Fills m. AN_MX_NO_ATTR: no attribute has that key; *near (may be NULL)
 * gets the closest key within two edits, or NULL. AN_MX_BAD_SHAPE:
 * categories against codes, or AN_MX_PARAGRAPHS not against codes. On
 * either m is empty but may be given to an_matrix_done.
 */
enum an_mx_status an_matrix(const struct an_project *a,
    const struct an_matrix_spec *s, struct an_matrix *m, const char **near);
void an_matrix_done(struct an_matrix *m);
/*
 * The codings behind cell (r, c), as indexes into a->codings in document
 * then text order (the row's codings in the column's documents; against a
 * code, the row code's codings that co-occur with it by the count's
 * unit). *n gets how many; the caller frees the array.
 */
size_t *an_matrix_codings(const struct an_project *a,
    const struct an_matrix *m, size_t r, size_t c, size_t *n);

/* ---- Saturation (analysis-saturation.c; the GNC rule: analysis-gnc.c) ---- */

/*
 * The saturation series from a plain list of (document, code) pairs, for
 * callers and tests that have no project: pairs[k] = {document position
 * index 0..ndocs-1, code id}, in any order. Fills rows[0..ndocs).
 */
struct an_sat_row {
	size_t doc;		/* document index (interview order) */
	bool coded;		/* the selected coders coded it */
	int64_t ncodings;	/* codings in it */
	int64_t nnew;		/* codes applied here for the first time */
	int64_t cumulative;	/* distinct codes so far */
	int64_t since_new;	/* coded documents since the last new code */
};
struct an_saturation {
	struct an_sat_row *rows;	/* one per document */
	size_t nrows;
	int64_t point;		/* interview position, or 0: not reached */
	size_t point_row;	/* its row when point > 0 */
	int64_t confirming;	/* coded documents after the point */
	int64_t ncodes;		/* distinct codes in all */
};
struct an_sat_pair {
	size_t doc;
	int64_t code;
};
void an_saturation_pairs(size_t ndocs, const int64_t *positions,
    const struct an_sat_pair *pairs, size_t npairs, struct an_saturation *s);
/* The (document, code) pairs of coder's codings (0: every coder's), in
 * a->codings order, *npairs of them; the caller frees the array. */
struct an_sat_pair *an_sat_pairs(const struct an_project *a, int64_t coder,
    size_t *npairs);
void an_saturation(const struct an_project *a, int64_t coder,
    struct an_saturation *s);
void an_saturation_done(struct an_saturation *s);

/*
 * The stopping rule of Guest, Namey & Chen (2020, PLoS ONE 15(5):
 * e0232076; docs/theory.md, "Saturation"). Interviews are the coded
 * documents in interview order (an uncoded one is not analysed yet and
 * counts neither way). The base is the first `base` interviews; a run is
 * `run` consecutive interviews after it, and runs slide one interview at a
 * time (5-6, then 6-7, ...). A run's new codes are the codes first applied
 * in it; saturation is reached at the first run whose new codes, relative
 * to the distinct codes of the base, are at or under `threshold` percent:
 * new * 100 <= threshold * base codes, in integers. It is reported as the
 * interviews before that run (point), the run confirming it. Order
 * sensitivity: the same over `orders` random orders of the interviews
 * (Fisher-Yates from the last position down, j = agree_rng_below(p + 1),
 * on agree_rng seeded with `seed`): in how many saturation is
 * reached, and the median point among those.
 */
#define AN_GNC_BASE 4
#define AN_GNC_RUN 2
#define AN_GNC_THRESHOLD 5
#define AN_GNC_ORDERS 1000
struct an_gnc_opts {
	int base, run;		/* interviews, >= 1 */
	int threshold;		/* percent, 0..100 */
	int orders;		/* random orders, 0: none */
	uint64_t seed;
};
struct an_gnc {
	struct an_gnc_opts o;
	size_t ninterviews;	/* coded interviews */
	int64_t base_codes;	/* distinct codes in the base (interview order) */
	const char *why;	/* not assessable, or NULL: static English, N_() */
	bool reached;		/* in interview order */
	size_t point;		/* interviews before the run that reached it */
	size_t point_row;	/* document index of the point-th interview */
	int64_t run_new;	/* new codes in that run */
	int64_t *run_new_at;	/* per document: new codes in the run starting
				   there (interview order), -1 where none starts */
	int reached_orders;	/* random orders that reached saturation */
	double median_point;	/* median point over those; 0 when none */
};
void an_gnc_opts_default(struct an_gnc_opts *o);
/* pairs as an_saturation_pairs takes them; rows in interview order. */
void an_gnc_pairs(size_t ndocs, const struct an_sat_pair *pairs, size_t npairs,
    const struct an_gnc_opts *o, struct an_gnc *g);
void an_gnc(const struct an_project *a, int64_t coder,
    const struct an_gnc_opts *o, struct an_gnc *g);
void an_gnc_done(struct an_gnc *g);

/* ---- Demographics ---- */

/* Round half up of 100 * count / n, exactly; 0 when n is 0. */
int64_t an_percent_round(int64_t count, int64_t n);
/* 100 * count / n as a double (0 when n is 0). */
double an_percent(int64_t count, int64_t n);

struct an_level {
	const char *value;	/* borrowed; "(missing)" for the missing level */
	bool missing;
	int64_t count;
};
struct an_attribute {
	const char *key;	/* borrowed */
	struct an_level *levels;
	size_t nlevels;
};
struct an_demographics {
	int64_t n;		/* documents */
	struct an_attribute *attrs;
	size_t nattrs;
};
/* From explicit values: values[d * nkeys + k] (NULL when missing). */
void an_demographics_from(size_t ndocs, const char *const *keys, size_t nkeys,
    const char *const *values, struct an_demographics *d);
void an_demographics(const struct an_project *a, struct an_demographics *d);
void an_demographics_done(struct an_demographics *d);

/* ---- Codebook ---- */

struct an_codebook_row {
	size_t node;		/* node index (codes only) */
	char *path;		/* category path "Main/Sub" (owned) */
	char *memos;		/* memo texts joined by blank lines (owned) */
	size_t nmemos;
	int64_t ncodings, ndocs, ncoders;
};
struct an_codebook {
	struct an_codebook_row *rows;
	size_t nrows;
};
void an_codebook(const struct an_project *a, int64_t coder,
    struct an_codebook *c);
void an_codebook_done(struct an_codebook *c);

/* ---- Paradigm model (analysis-paradigm.c) ---- */

/* The six slots in figure order. */
extern const enum paradigm_role an_slots[6];

/* A slot's content: one line per category and (with codes) per code. */
struct an_pline {
	const char *text;	/* borrowed node name */
	size_t node;		/* node index */
	int level;		/* 0 main category, 1 sub-category, 2 code ... */
	bool is_code;
};
struct an_pslot {
	enum paradigm_role role;
	struct an_pline *lines;
	size_t nlines;
};
/*
 * An edge of the figure: one or more links drawn between two lines of the
 * slots. A link is drawn when both its ends lie in slots (a node lies in
 * the slot of its top-level category's role); an end is drawn at its own
 * line, or, for a code the figure does not list (with_codes false), at
 * its category's. Links that land on the same two lines with the same
 * type and direction are one edge; a link whose ends land on one line
 * (a code and its own category, codes not listed) is not drawn.
 */
struct an_pedge {
	size_t from_slot, from_line;	/* an_slots index; line of that slot */
	size_t to_slot, to_line;
	int64_t type;		/* link_types row id */
	const char *label;	/* the type's name as shown (borrowed) */
	const char *color;	/* the type's "#rrggbb", or "" (borrowed) */
	bool directed;		/* from -> to; else no arrowhead */
	size_t link;		/* index in a->links of the first link */
	size_t nlinks;		/* links drawn as this edge */
};

/* The six slots (in an_slots order), with codes when with_codes. */
struct an_paradigm {
	struct an_pslot slot[6];
	bool with_codes;
	bool rtl;		/* SVG: the figure mirrored, read from the right */
	struct an_pedge *edges;	/* an_paradigm_links */
	size_t nedges;
	bool unexplained[6];	/* an_paradigm_links */
	size_t nunexplained;
};
/* The slots' content, then an_paradigm_links on it. */
void an_paradigm(const struct an_project *a, bool with_codes,
    struct an_paradigm *m);
void an_paradigm_done(struct an_paradigm *m);

/*
 * Which links join which slots, and which slots are unexplained: fills
 * m->edges (see struct an_pedge) and m->unexplained from a's links for the
 * slots of m (an_paradigm calls it; a pane that keeps its an_paradigm
 * calls it again after reloading a), replacing what it held.
 *
 * A slot other than the central phenomenon is unexplained when it holds a
 * category and no link joins it to the central phenomenon: none of the
 * links, whatever their type or direction, has one end in the slot (its
 * main categories, their sub-categories or codes) and the other in the
 * central phenomenon's slot. A link through another slot does not count
 * (contextual -> strategies -> central leaves contextual unexplained); an
 * empty slot is not flagged; with no central category, every slot that
 * holds one is.
 */
void an_paradigm_links(const struct an_project *a, struct an_paradigm *m);
/* The an_slots index of the slot node index i lies in, or -1. */
int an_node_slot(const struct an_project *a, size_t i);

/*
 * The arrows of the pane's layout (an_paradigm_layout), as (from, to)
 * roles: causal -> central -> strategies -> consequences; contextual ->
 * strategies; intervening -> strategies. DOT and SVG draw the links
 * instead (an_pedge) and keep this only as the figure's skeleton.
 */
struct an_arrow {
	enum paradigm_role from, to;
};
extern const struct an_arrow an_arrows[5];

/*
 * A layout in character cells for a width x height pane. Boxes are
 * rectangles with a one-cell border (x, y top left; w, h including the
 * border); a box shows title then lines[first .. first + nshown) of its
 * slot, and `more` says how many lines did not fit (draw "+N more").
 *
 * Wide panes get the figure papers print: causal, central, strategies and
 * consequences in a row, contextual above and intervening below
 * strategies (needs width >= 4 x 12 + 9 and height >= 11). Narrower panes
 * stack the boxes in a column (causal, central, contextual, intervening,
 * strategies, consequences) with only the arrows between neighbours
 * (causal -> central, intervening -> strategies, strategies ->
 * consequences). When even that does not fit (fewer than 3 rows per box,
 * or width < 12), fits is false and nothing should be drawn but a "too
 * small" note. Rows are shared out so that every box gets 3, then one
 * more at a time to the boxes still short of their content.
 *
 * An arrow runs from (x1, y1) to (x2, y2), horizontal or vertical, the
 * head at (x2, y2); both ends are in the gap between boxes.
 */
struct an_lbox {
	enum paradigm_role role;
	int x, y, w, h;
	size_t nshown, more;
};
struct an_larrow {
	enum paradigm_role from, to;
	int x1, y1, x2, y2;
};
struct an_layout {
	bool fits, stacked;
	struct an_lbox box[6];	/* an_slots order */
	struct an_larrow arrow[5];
	size_t narrows;
};
void an_paradigm_layout(const struct an_paradigm *m, int width, int height,
    struct an_layout *l);

/*
 * Graphviz DOT of the model (UTF-8), appended to b: each slot a node whose
 * lines are ports, each edge from port to port labelled with its type (no
 * arrowhead when undirected), the slots' order kept by invisible edges;
 * an unexplained slot dashed and marked, and named in a note under the
 * title.
 */
void an_paradigm_dot(const struct an_paradigm *m, const char *title,
    struct buf *b);
/*
 * A standalone SVG 1.1 document of the model, appended to b: the slots'
 * boxes, the edges routed through the gaps between them, each labelled
 * with its type, the unexplained slots marked and named in a note at the
 * foot. Its width and height are in millimetres, at a scale that fits the
 * figure to a landscape page of AN_PAGE_W_MM x AN_PAGE_H_MM (A4 and Letter
 * both, with 10 mm margins) without enlarging it, and never below
 * AN_PAGE_MIN_SCALE (a figure that would need more, say one listing
 * hundreds of codes, is larger than a page rather than unreadable).
 */
#define AN_PAGE_W_MM 259
#define AN_PAGE_H_MM 190
#define AN_PAGE_MIN_SCALE 0.5
void an_paradigm_svg(const struct an_paradigm *m, const char *title,
    struct buf *b);
/* The note naming m's unexplained slots ("" when none), for the figure's
 * foot and the commands' text output; the caller frees it. */
char *an_paradigm_note(const struct an_paradigm *m);

/* ---- Text helpers shared with the renderers ---- */

/* True when the first strong character of s is right-to-left. */
bool an_text_rtl(const char *s);
/* Terminal columns of UTF-8 s. */
int an_text_width(const char *s);

#endif
