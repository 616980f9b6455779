/*
 * agreement.h: inter-coder agreement, as specified in docs/agreement.md.
 *
 * No UI, no SQLite, no curses. Three layers:
 *
 * 1. Coefficients on counts (agreement.c): a two-coder k x k table
 *    (percent and positive agreement, Cohen's kappa with the
 *    Fleiss-Cohen-Everitt SE, Scott's pi, Brennan-Prediger), Holsti,
 *    Fleiss' kappa from a units x categories count matrix, Krippendorff's
 *    alpha from a units x coders value matrix with a seeded bootstrap.
 * 2. Reliability data (agreement-data.c): a units x coders value matrix,
 *    read from a CSV file (unit,coder,value) or filled by a caller, and
 *    the report of every applicable coefficient as named figures.
 * 3. Unit modes on coded documents (agreement-units.c): struct agree_state
 *    holds the documents' units and the codings, and keeps every per
 *    (document, code) table counted as codings are added and removed.
 *
 * Every figure that can be undefined is a struct agree_fig whose `why` says
 * why (the words of docs/agreement.md §6.1); nothing is ever NaN.
 */
#ifndef AXIAL_AGREEMENT_H
#define AXIAL_AGREEMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;	/* axial/util.h */

/* A number, or undefined with a reason ("no units", "no variation", ...). */
struct agree_fig {
	double v;		/* meaningful only when why == NULL */
	const char *why;	/* NULL when defined; a static string otherwise,
				   English, marked N_() for the workbench's _() */
};

/* A defined figure, and an undefined one with its reason. */
static inline struct agree_fig
agree_fig_v(double v)
{
	return (struct agree_fig){ v, NULL };
}

static inline struct agree_fig
agree_fig_why(const char *why)
{
	return (struct agree_fig){ 0, why };
}

#define AGREE_Z95 1.959964	/* the z of every 95% interval */

/* ---- Two coders, one k x k table (agreement.c) ---- */

/*
 * Figures of one table: cells[i * k + j] = units coder A put in category i
 * and coder B in j. Proportions (po, pos, ...) are in [0, 1]; print them as
 * percentages with one decimal.
 */
struct agree_kappa {
	int64_t n;			/* units in the table */
	int k;				/* categories (rows = columns) */
	int q;				/* categories for Brennan-Prediger */
	struct agree_fig po, po_lo, po_hi;	/* P_o and its Wilson 95% interval */
	struct agree_fig pos, neg;	/* positive / negative agreement (k == 2) */
	struct agree_fig pe, kappa, ase, ci_lo, ci_hi;	/* FCE 1969 ASE, Wald CI */
	struct agree_fig ase0, z;	/* SE under kappa = 0, kappa / ase0 */
	struct agree_fig pi;		/* Scott's pi */
	struct agree_fig bp, bp_se;	/* Brennan-Prediger with q */
	const char *note;		/* e.g. "A never applied this code"; or NULL */
};

/* Every figure of a k x k table; q < 1 means q = k. */
void agree_kappa_table(const int64_t *cells, int k, int q, struct agree_kappa *out);
/*
 * A 2 x 2 presence table for one code: a = both applied it, b = only A,
 * c = only B, d = neither. BP is left undefined ("2 x 2 table": it would be
 * 2 P_o - 1, docs/agreement.md §3.5).
 */
void agree_kappa_2x2(int64_t a, int64_t b, int64_t c, int64_t d,
    struct agree_kappa *out);

/* Holsti's CR = 2M / (N1 + N2) with its approximate Wilson interval. */
struct agree_holsti {
	int64_t m, n1, n2;
	struct agree_fig cr, lo, hi;
};
void agree_holsti(int64_t m, int64_t n1, int64_t n2, struct agree_holsti *out);

/* Wilson 95% interval of x successes out of n; undefined when n == 0. */
void agree_wilson(int64_t x, int64_t n, struct agree_fig *lo, struct agree_fig *hi);

/* ---- Fleiss' kappa (agreement.c) ---- */

struct agree_fleiss {
	int64_t n;		/* units */
	int m;			/* coders per unit (0 when they differ) */
	int k, q;
	struct agree_fig pbar, pe, kappa, se0, z;
	struct agree_fig randolph;	/* free-marginal kappa with q */
};
/*
 * counts[i * k + j] = coders who put unit i in category j. p_j (k doubles)
 * and kappa_j (k figures, per-category kappa) may be NULL. q < 1: q = k.
 */
void agree_fleiss(const int64_t *counts, int64_t nunits, int k, int q,
    struct agree_fleiss *out, double *p_j, struct agree_fig *kappa_j);

/* ---- Krippendorff's alpha (agreement.c) ---- */

enum agree_level { AGREE_NOMINAL, AGREE_ORDINAL, AGREE_INTERVAL, AGREE_RATIO };
extern const char *const agree_level_names[4];	/* "nominal", ... */
/* Parses a level name; returns -1 if unknown. */
int agree_level_parse(const char *s);

#define AGREE_BOOT_DEFAULT 2000
#define AGREE_SEED_DEFAULT UINT64_C(20260522)

struct agree_alpha {
	enum agree_level level;
	int64_t units;			/* pairable units */
	int64_t n;			/* pairable values */
	struct agree_fig alpha, d_o, d_e;
	struct agree_fig pairwise;	/* share of agreeing value pairs (1 - nominal D_o) */
	/* Bootstrap over units (docs/agreement.md §4.5); boot == 0: not run. */
	int boot;			/* replicates drawn, B */
	int boot_discarded;		/* replicates with alpha undefined */
	uint64_t seed;
	struct agree_fig lo, hi;	/* percentile 95% interval */
};
/*
 * val[u * ncoders + c] = category index (0..k-1) coder c gave unit u, or -1
 * for missing. catnum (k numbers, ascending) gives the categories' values for
 * ordinal/interval/ratio; NULL means the values are labels only, and those
 * levels are then undefined ("values are not numbers"). boot = 0 skips the
 * bootstrap; otherwise boot replicates are drawn from seed.
 */
void agree_alpha(const int32_t *val, int64_t nunits, int ncoders, int k,
    const double *catnum, enum agree_level level, int boot, uint64_t seed,
    struct agree_alpha *out);

/*
 * Ordinal and ratio alpha pair every two distinct values for D_e: beyond
 * these many values alpha, or its bootstrap interval, is undefined ("too many
 * distinct values"). Nominal and interval have no limit.
 */
#define AGREE_ALPHA_MAX_VALUES 20000
#define AGREE_BOOT_MAX_VALUES 1000

/* ---- Gwet's AC1 and AC2 (agreement-gwet.c, docs/agreement.md §3.13) ---- */

struct agree_gwet {
	int64_t n;		/* units with a value (two coders: in the table) */
	int64_t n2;		/* of them, units with two values or more */
	int q;			/* categories */
	struct agree_fig pa, pe, ac;	/* percent agreement, chance agreement, AC */
	struct agree_fig se, lo, hi;	/* SE; AC +- t(.975, n - 1) SE, hi at most 1 */
};
/*
 * w is a q x q weight matrix, w[k * q + l] (1 on the diagonal, symmetric):
 * NULL gives AC1, a matrix from agree_gwet_weights AC2.
 * Two coders: cells[k * q + l] = units A put in k and B in l (Gwet 2008).
 * Any number of coders per unit (missing values allowed): counts[i * q + k]
 * = coders who put unit i in k; units with no value are skipped. Values:
 * val[u * ncoders + c] = category or -1, as agree_alpha takes them.
 * A presence histogram (hist[c] = units c of m coders marked, as
 * agree_state_table fills it): AC1 of present/absent over m coders.
 */
void agree_gwet_table(const int64_t *cells, int q, const double *w,
    struct agree_gwet *out);
void agree_gwet_counts(const int64_t *counts, int64_t nunits, int q,
    const double *w, struct agree_gwet *out);
void agree_gwet_values(const int32_t *val, int64_t nunits, int ncoders, int q,
    const double *w, struct agree_gwet *out);
void agree_gwet_hist(const int64_t *hist, int m, struct agree_gwet *out);
/*
 * Gwet's (2014, ch. 3) weights for a level into w (q * q): nominal the
 * identity, ordinal 1 - C(|k - l| + 1, 2) / C(q, 2), interval quadratic on
 * the values, ratio on the values. catnum (ascending) is needed beyond
 * nominal. Returns NULL, or why AC2 is undefined (w then the identity).
 */
const char *agree_gwet_weights(enum agree_level level, const double *catnum,
    int q, double *w);
/* The 97.5% point of Student's t with df >= 1 degrees of freedom. */
double agree_t975(int64_t df);

/*
 * Test-retest percent 2A/T x 100 in tenths (shown as tenths / 10), rounded
 * half up in integers; -1 when T = 0 ("undefined (no units)").
 */
int64_t agree_retest_tenths(int64_t a, int64_t t);

/* ---- Deterministic generator (agreement.c): xoshiro256** seeded by splitmix64 ---- */

struct agree_rng {
	uint64_t s[4];
};
void agree_rng_seed(struct agree_rng *r, uint64_t seed);
uint64_t agree_rng_next(struct agree_rng *r);
/* Uniform in [0, n), n > 0, without modulo bias. */
uint64_t agree_rng_below(struct agree_rng *r, uint64_t n);

/* ---- Reliability data (agreement-data.c) ---- */

/*
 * A units x coders matrix of category indices; names are owned by the
 * struct. Categories are sorted: numerically when every value parses as a
 * number (catnum then holds them), bytewise otherwise (catnum NULL).
 */
struct agree_data {
	int64_t nunits;
	int ncoders, ncats;
	int32_t *val;		/* nunits * ncoders; -1 = missing */
	char **unit, **coder, **cat;
	double *catnum;
};
/*
 * Parses reliability data in CSV: a header naming columns unit, coder and
 * value (any order, other columns ignored), then one row per value; an empty
 * value is missing. Accepts a UTF-8 BOM, CRLF and RFC 4180 quoting. Returns 0,
 * or -1 with *line (1-based) and *err set: static English text, marked
 * for translation, which a person sees through _().
 */
int agree_data_parse(const char *text, size_t len, struct agree_data *out,
    long *line, const char **err);
void agree_data_free(struct agree_data *d);

enum agree_kind { AGREE_PROP, AGREE_COEF, AGREE_SE, AGREE_COUNT, AGREE_NUM };

/* One named figure of a report: key for machines, label for people. */
struct agree_item {
	char *key;		/* e.g. "kappa", "alpha_ordinal_ci_lower" */
	char *label;		/* e.g. "Cohen's kappa" */
	enum agree_kind kind;
	struct agree_fig f;
};
struct agree_report {
	struct agree_item *item;
	size_t n, cap;
	char **notes;		/* lines shown with the figures */
	size_t nnotes, capnotes;
};
struct agree_opts {
	int levels;		/* bit mask of 1 << enum agree_level; 0 = every applicable */
	int boot;		/* bootstrap replicates; 0 = none */
	uint64_t seed;
	int q;			/* BP categories; < 1: the categories in the data */
};
/*
 * Every coefficient applicable to d: two coders -> the k x k table figures
 * (over units both coded; the rest counted as left out); three or more ->
 * pairwise agreement, Fleiss (when every unit has the same coders) and
 * Randolph; always Krippendorff's alpha at the requested levels.
 */
void agree_data_report(const struct agree_data *d, const struct agree_opts *o,
    struct agree_report *r);
/* The two-coder table of d (k * k cells, caller frees); units left out in *missing. */
int64_t *agree_data_table(const struct agree_data *d, int64_t *missing);
/* Looks a figure up by key; NULL if absent. */
const struct agree_item *agree_data_report_get(const struct agree_report *r,
    const char *key);
void agree_data_report_free(struct agree_report *r);

/* ---- Unit modes on coded documents (agreement-units.c) ---- */

enum agree_unit {
	AGREE_UNIT_PARAGRAPH,	/* (a) paragraph, or speaker turn when turns are given */
	AGREE_UNIT_SENTENCE,	/* (b) */
	AGREE_UNIT_CHAR,	/* (c) non-whitespace grapheme */
	AGREE_UNIT_DOCUMENT,	/* (d) */
	AGREE_UNIT_OVERLAP,	/* (e) segments matched with threshold theta */
	AGREE_UNIT_KXK,		/* (f) pre-segmented units, one code each */
};
extern const char *const agree_unit_names[6];	/* "paragraph", ... */
/*
 * Version of the unit boundaries (sentence rules, grapheme clusters of the
 * linked libunistring): store it with figures so N never changes silently.
 */
#define AGREE_SEGMENTER_VERSION 1
int agree_unit_parse(const char *s);

/* A half-open range of Unicode code points [start, end). */
struct agree_span {
	uint32_t start, end;
};

/*
 * One document: its UTF-8 text (paragraphs separated by LF, CRLF or U+2029;
 * the text must be valid UTF-8, as the store guarantees: invalid text is a
 * fatal error) and, when it has speaker markup, its turns
 * (code-point ranges without the speaker labels, ascending, disjoint); the
 * turns then replace paragraphs as units in modes (a), (b) and (f); leave
 * out interviewer turns when they should not count as units. The engine
 * copies what it needs: nothing here is kept after agree_state_new returns.
 */
struct agree_doc {
	const char *text;
	size_t len;			/* bytes */
	const struct agree_span *turns;	/* NULL: paragraphs */
	size_t nturns;
};

/*
 * One coding; doc, code and coder are indices into the caller's arrays (the
 * project layer maps its ids to 0..n-1). Modes a-d count every coder (the
 * 2x2 tables use coders 0 and 1, the histogram all m); modes e and f
 * compare coders 0 and 1 (f keeps the others' values for alpha).
 */
struct agree_coding {
	uint32_t doc, code, coder;
	uint32_t start, end;		/* code points, 0-based, end exclusive */
};

struct agree_config {
	enum agree_unit unit;
	int ncoders;		/* 2..32; coders 0 and 1 are "A" and "B" of the 2x2 tables */
	bool whitespace;	/* mode (c): whitespace graphemes are units too */
	double theta;		/* mode (e): 0 < theta <= 1 in steps of 0.001; 0 means 0.9 */
	bool allow_none;	/* mode (f): "none" is a category (index ncodes) */
	enum agree_unit base;	/* mode (f): PARAGRAPH or SENTENCE units */
};

struct agree_state;

/*
 * Segments the documents into the units of the mode. code_category[i] is the
 * category index of code i (-1 for none; may be NULL when ncategories is 0).
 * Codings are added afterwards. A state keeps scratch buffers: use it from
 * one thread at a time, even for reading.
 */
struct agree_state *agree_state_new(const struct agree_config *cfg,
    const struct agree_doc *docs, size_t ndocs, size_t ncodes,
    const int32_t *code_category, size_t ncategories);
void agree_state_free(struct agree_state *st);
/*
 * The same with no document cut yet: agree_state_add_doc cuts document
 * doc (each once; -1 when out of range, already there, or mode f, which
 * agree_state_new builds whole). Codings of a document are taken once it
 * is there; until every one is, the figures are those of the documents
 * added (a partial count: say so where it is shown).
 */
struct agree_state *agree_state_new_lazy(const struct agree_config *cfg,
    size_t ndocs, size_t ncodes, const int32_t *code_category,
    size_t ncategories);
int agree_state_add_doc(struct agree_state *st, size_t doc,
    const struct agree_doc *d);
bool agree_state_doc_ready(const struct agree_state *st, size_t doc);
/*
 * Where the state may read a document's text again: fn gives bytes [off,
 * off + n) of document doc's text, as given to agree_state_add_doc (fewer
 * at its end; n is SIZE_MAX for the rest), as a malloc'd copy in *text
 * and *len, and returns 0, or -1. With one, the state keeps the bitmap of
 * significant code points (a bit per code point, the modes a, b and f)
 * of the newest document only, and reads around a coding added later to
 * another one when it ends inside a unit; agree_state_add_coding then
 * returns -2 when fn failed (nothing changed). Without one, every bitmap
 * is kept.
 */
typedef int (*agree_text_fn)(void *ctx, size_t doc, size_t off, size_t n,
    char **text, size_t *len);
void agree_state_text_source(struct agree_state *st, agree_text_fn fn,
    void *ctx);

/*
 * Adds or removes one coding and counts again only the units it touches
 * (mode e: the segments of its document and code).
 * Returns 0, or -1 for an index or range out of bounds or a document not
 * yet added (add), or a coding
 * that is not there (remove; matched on all five fields), or -2 (add)
 * when the text source failed.
 */
int agree_state_add_coding(struct agree_state *st, const struct agree_coding *c);
int agree_state_remove_coding(struct agree_state *st, const struct agree_coding *c);
/*
 * Adds c[0..n) as agree_state_add_coding adds each, with the same
 * figures after, but a cell's new codings in one step: a document's
 * codings at once (a lazy state's new document, a whole build) cost no
 * more than their count. Returns how many were refused.
 */
size_t agree_state_add_codings(struct agree_state *st,
    const struct agree_coding *c, size_t n);
/* Counts every table again from the stored codings (the reference path). */
void agree_state_recount(struct agree_state *st);

/* Units of the mode in one document, and in all (N of a per-code table). */
int64_t agree_state_units(const struct agree_state *st, int64_t doc);

/*
 * A pooled 2x2 table (modes a-d) for coders 0 and 1, and the histogram of
 * units by how many of the m coders applied the code (hist[0..m], for
 * Fleiss and alpha with m >= 3; may be NULL).
 */
struct agree_cells {
	int64_t a, b, c, d;
};
/*
 * The table of one code (doc = -1: over every document), of one category's
 * codes pooled, of one document (every code pooled), of everything pooled.
 * The pooled tables (category, document, everything) count only the codes
 * some coder used (agree_state_code_used): a code nobody applied would add
 * an agreement on absence for every unit and nothing else, raising
 * percent agreement with no coding behind it (docs/agreement.md §5.1).
 */
void agree_state_table(const struct agree_state *st, int64_t code, int64_t doc,
    struct agree_cells *out, int64_t *hist);
void agree_state_category_table(const struct agree_state *st, int64_t cat,
    struct agree_cells *out, int64_t *hist);
void agree_state_doc_table(const struct agree_state *st, int64_t doc,
    struct agree_cells *out, int64_t *hist);
void agree_state_total_table(const struct agree_state *st,
    struct agree_cells *out, int64_t *hist);

/* Mode (e): segment counts of one code (doc = -1: every document), pooled like the tables. */
struct agree_overlap {
	int64_t agree, disagree;	/* matched / unmatched segments of A and B */
	int64_t m, n1, n2;		/* Holsti pairs, segments of A, of B */
};
void agree_state_overlap(const struct agree_state *st, int64_t code, int64_t doc,
    struct agree_overlap *out);
void agree_state_overlap_total(const struct agree_state *st, struct agree_overlap *out);
/* Percent agreement, Holsti and BP (q = codes in the codebook) of overlap counts. */
void agree_overlap_figures(const struct agree_overlap *o, int q,
    struct agree_fig *po, struct agree_holsti *h, struct agree_fig *bp);

/*
 * Mode (f): the (k x k) table of coders 0 and 1, k = ncodes (+1 with none);
 * cells must hold k * k counts. *left_out = units a coder gave no single
 * value. agree_state_values fills reliability data (every unit, every coder)
 * for alpha and Fleiss; the caller frees it with agree_data_free.
 */
int agree_state_kxk(const struct agree_state *st, int64_t *cells, int64_t *left_out);
void agree_state_values(const struct agree_state *st, struct agree_data *out);

/*
 * Fleiss' kappa and nominal alpha (no bootstrap) of a presence histogram:
 * hist[c] = units where c of the m coders applied the code, c = 0..m (as
 * agree_state_table fills it). With m = 2, hist = {d, b + c, a}.
 */
void agree_hist_fleiss(const int64_t *hist, int m, struct agree_fleiss *out);
void agree_hist_alpha(const int64_t *hist, int m, struct agree_alpha *out);

/*
 * Whether some coder applied the code: a unit marked by any of the m coders
 * (modes a-d), a segment of A or B (mode e), a coding (mode f). A code's
 * row is undefined when no coder used it.
 */
bool agree_state_code_used(const struct agree_state *st, int64_t code);
size_t agree_state_codes_used(const struct agree_state *st);

/* The configuration the state was made with, and its sizes. */
const struct agree_config *agree_state_config(const struct agree_state *st);
void agree_state_size(const struct agree_state *st, size_t *ndocs, size_t *ncodes,
    size_t *ncategories);
/* The category index of a code, or -1. */
int64_t agree_state_code_category(const struct agree_state *st, int64_t code);

/* ---- Cluster bootstrap by document (agreement-cluster.c) ---- */

/*
 * Intervals for the pooled figures that resample documents, not units
 * (docs/agreement.md §4.6). Below AGREE_MIN_CLUSTERS documents with units
 * the intervals are undefined ("too few documents"): n documents give
 * only C(2n - 1, n) distinct resamples (35 for 4, 126 for 5), too few
 * for a 2.5th percentile to mean anything.
 */
#define AGREE_MIN_CLUSTERS 5
enum { AGREE_CL_KAPPA, AGREE_CL_ALPHA, AGREE_CL_FLEISS, AGREE_CL_N };
struct agree_cluster {
	size_t clusters;		/* documents resampled, n */
	int boot;			/* replicates drawn, B */
	uint64_t seed;
	int discarded[AGREE_CL_N];	/* replicates with the figure undefined */
	struct agree_fig lo[AGREE_CL_N], hi[AGREE_CL_N];	/* percentile 95% */
};
/*
 * cells[i] and hist[i * (m + 1) .. + m] are cluster i's pooled table and
 * histogram (as agree_state_doc_table fills them), i < n.
 */
void agree_cluster_boot(const struct agree_cells *cells, const int64_t *hist,
    int m, size_t n, int boot, uint64_t seed, struct agree_cluster *out);
/* The same over the documents of st that have units (modes a-d). */
void agree_state_cluster(const struct agree_state *st, int boot, uint64_t seed,
    struct agree_cluster *out);

/*
 * A code's interval needs at least AGREE_MIN_POSITIVE units some coder
 * marked with it: below that the Wald interval rests on a handful of
 * units (and collapses to [1, 1] when they all agree, since the SE is
 * then 0); the normal approximation wants about ten events (the np >= 10
 * rule of thumb for binomial intervals; Brown, Cai & DasGupta 2001).
 * hist as agree_state_table fills it.
 */
#define AGREE_MIN_POSITIVE 10
bool agree_too_few_units(const int64_t *hist, int m);
/* Method labels written next to intervals (English, marked N_()). */
extern const char agree_ci_wald[], agree_ci_cluster[], agree_ci_too_few[];

/* ---- Reports of a state (agreement-report.c) ---- */

enum agree_by { AGREE_BY_CODE, AGREE_BY_CATEGORY, AGREE_BY_DOCUMENT };
enum agree_format { AGREE_FMT_TABLE, AGREE_FMT_CSV, AGREE_FMT_JSON };

/* Display names by index; a NULL array (or entry) prints "#INDEX". */
struct agree_names {
	const char *const *code, *const *category, *const *doc;
	const char *const *coder;	/* the set's logins, in coder order */
};

/*
 * Appends the figures of st to out: one row per code, category or document
 * (as `by` says) and one pooled row, each with the mode, theta, q, scope, N
 * and its table next to the coefficients of the mode (docs/agreement.md §2.9,
 * docs/agreement.md §5.1).
 * CSV: one line per row, undefined figures empty with the reason in the
 * status column. Numbers always use '.' whatever the locale; percentages in
 * the table never show 100.0 or 0.0 for what is not (percent_fmt).
 * Rows in which no coder used a code (undefined for want of codings) are
 * left out unless flags has AGREE_PRINT_ALL; returns how many (JSON says
 * it as "hidden"; the caller tells people). AGREE_PRINT_FA_DIGITS writes
 * the table's figures in Persian digits (buf_figures), its names as they
 * are; CSV and JSON keep Latin digits for programs.
 */
enum { AGREE_PRINT_ALL = 1, AGREE_PRINT_FA_DIGITS = 2 };
size_t agree_state_print(const struct agree_state *st, enum agree_by by,
    enum agree_format fmt, const struct agree_names *names, unsigned flags,
    struct buf *out);
/*
 * The same with the pooled row's cluster bootstrap drawn boot times from
 * seed (agree_state_print: AGREE_BOOT_DEFAULT, AGREE_SEED_DEFAULT); every
 * interval says its method (table: beside it; CSV and JSON: ci_method).
 */
size_t agree_state_print_boot(const struct agree_state *st, enum agree_by by,
    enum agree_format fmt, const struct agree_names *names, unsigned flags,
    int boot, uint64_t seed, struct buf *out);

/* ---- Three or more coders (agreement-many.c) ---- */

/*
 * The pair counts of one row with m >= 3 coders, as agree_state_print
 * pools it (by code, category or document; i < 0: every code some coder
 * used): pair[x * m + y], x <= y, units coders x and y both marked
 * (x == y: units x marked); pair holds m * m counts. Returns the row's
 * units N; 0 with pair zeroed for m < 3 or an index out of range.
 */
int64_t agree_state_pairs(const struct agree_state *st, enum agree_by by,
    int64_t i, int64_t *pair);

/* The 2x2 table of coders x and y (x != y) from pair counts over n units. */
void agree_pair_cells(const int64_t *pair, int m, int64_t n, int x, int y,
    struct agree_cells *out);

/*
 * Figures of a set of m >= 3 coders on a presence row, each covering the
 * whole set: the mean pairwise agreement (Fleiss' P-bar), Fleiss' kappa,
 * nominal Krippendorff's alpha, Light's kappa (the mean of the m(m-1)/2
 * pairwise Cohen's kappas; undefined when one of them is) and Gwet's AC1
 * (agree_gwet_hist). kappa, when
 * not NULL, gets the pairwise Cohen's kappas: kappa[x * m + y], x < y.
 */
struct agree_many {
	int m;
	int64_t n;
	struct agree_fig pbar, fleiss, alpha, light, ac1;
};
void agree_many_figures(const int64_t *hist, const int64_t *pair, int m,
    int64_t n, struct agree_many *out, struct agree_fig *kappa);

#endif
