/*
 * retest.h: test-retest (intra-coder) reliability, the table papers print.
 *
 * A coder's second coding pass is the coder "LOGIN-retest", tied to the
 * same account. For each document the second pass coded:
 *
 *   total          codings of both passes in the document
 *   agreements     codings of pass 1 matched by one of pass 2
 *   disagreements  total - 2 x agreements (unmatched codings of either pass)
 *   percent        2 x agreements / total x 100, one decimal, half up
 *
 * Two codings count as the same when they carry the same code and start in
 * the same paragraph of the same document; each matches at most one coding
 * of the other pass (a multiset intersection of (paragraph, code) pairs).
 * The total row sums the columns and applies the same formula; a row with
 * total 0 (no codings in either pass) has no percent: it is undefined,
 * with RETEST_WHY as the reason. While a blind session hides the other
 * coders' codings the table is refused, like every agreement figure.
 */
#ifndef AXIAL_RETEST_H
#define AXIAL_RETEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/i18n.h"
#include "store/project.h"

struct retest_row {
	int64_t doc;		/* 0 in the total row */
	char *name;		/* document name, or "total" */
	int64_t total, agreements, disagreements;
	int64_t tenths;		/* percent x 10; -1 when total is 0 */
};
void retest_rows_free(struct retest_row *rows, size_t n);

/* Why a row with total 0 has no percent (English; _() shows it to people). */
#define RETEST_WHY N_("no codings")
/* Columns of the printed table: the document name in RETEST_NAME_COLS,
 * then these. */
#define RETEST_NAME_COLS 32
/* The column titles after "document": " total agreements ..." */
void retest_heading(char *out, size_t cap);
/* One row's columns after its name, as the table prints them. */
void retest_cells(const struct retest_row *r, char *out, size_t cap);
/* The percent as printed for people: "88.3", ">99.9" for what rounds to
 * but is not 100 (percent_fmt), or "undefined" in the user's language. */
void retest_percent(const struct retest_row *r, char *out, size_t cap);
/* The percent for CSV and JSON: "88.3", or as many decimals as it takes
 * not to say 100.0 or 0.0 for what is not ("99.95"); "" when undefined. */
void retest_percent_digits(const struct retest_row *r, char *out, size_t cap);

/* The second-pass coder's login for `login` ("LOGIN-retest"); caller frees. */
char *retest_login(const char *login);
/* True for a second-pass coder's login: analyses leave such passes out of
 * "all coders" (they are reliability checks, not another researcher). */
bool retest_is_pass(const char *login);
/* The first pass's login of a second-pass login ("ann-retest" -> "ann"),
 * or NULL when login is not a second pass; caller frees. */
char *retest_first_login(const char *login);
/* Creates the acting coder's second-pass coder (tied to this account). */
enum ax_status retest_start(struct project *p, char **login);
/*
 * The table of coder `first` against `second` (NULL: first's -retest coder):
 * one row per document the second pass coded, in interview order, then the
 * total row. *n counts every row, the total included.
 */
enum ax_status retest_table(struct project *p, const char *first,
    const char *second, struct retest_row **rows, size_t *n);

#endif
