/*
 * retest.c: test-retest tables (retest.h). Paragraphs are found by
 * counting LFs before a coding's start in the document's text. The
 * table's columns are printed here, for the command line and the
 * workbench's view alike.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/agreement.h"
#include "store/blind.h"
#include "base/i18n.h"
#include "store/coder.h"
#include "store/coding.h"
#include "store/document.h"
#include "stats/retest.h"
#include "base/textin.h"
#include "base/util.h"

void
retest_rows_free(struct retest_row *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(rows[i].name);
	free(rows);
}

char *
retest_login(const char *login)
{
	return xasprintf("%s-retest", login);
}

bool
retest_is_pass(const char *login)
{
	size_t n = strlen(login), k = strlen("-retest");

	return n > k && strcmp(login + n - k, "-retest") == 0;
}

char *
retest_first_login(const char *login)
{
	if (!retest_is_pass(login))
		return NULL;
	return xstrndup(login, strlen(login) - strlen("-retest"));
}

/* 2A/T x 100 rounds half up like agree_retest_tenths (docs/agreement.md
 * §7.3), and percent_fmt keeps it from saying 100.0 or 0.0 falsely. */
void
retest_percent(const struct retest_row *r, char *out, size_t cap)
{
	if (r->tenths < 0)
		snprintf(out, cap, "%s", _("undefined"));
	else
		percent_fmt(out, cap, 2.0 * (double)r->agreements, (double)r->total,
		    1, PERCENT_BOUND);
}

void
retest_percent_digits(const struct retest_row *r, char *out, size_t cap)
{
	if (r->tenths < 0)
		snprintf(out, cap, "%s", "");
	else
		percent_fmt(out, cap, 2.0 * (double)r->agreements, (double)r->total,
		    1, PERCENT_DIGITS);
}

void
retest_heading(char *out, size_t cap)
{
	snprintf(out, cap, "%6s %10s %13s %8s", "total", "agreements",
	    "disagreements", "percent");
}

void
retest_cells(const struct retest_row *r, char *out, size_t cap)
{
	char pct[PERCENT_MAX];

	retest_percent(r, pct, sizeof pct);
	snprintf(out, cap, "%6lld %10lld %13lld %7s%s", (long long)r->total,
	    (long long)r->agreements, (long long)r->disagreements, pct,
	    r->tenths < 0 ? "" : "%");
}

enum ax_status
retest_start(struct project *p, char **login)
{
	char *l = retest_login(project_coder_login(p));
	enum ax_status s = coder_add_pass(p, l);

	if (s == AX_OK)
		*login = l;
	else
		free(l);
	return s;
}

/* (paragraph, code) of a coding, as one sortable key. */
struct key {
	int64_t para, node;
};

static int
key_cmp(const void *a, const void *b)
{
	const struct key *x = a, *y = b;

	if (x->para != y->para)
		return x->para < y->para ? -1 : 1;
	return (x->node > y->node) - (x->node < y->node);
}

/* Paragraph index of code point off in text. */
static int64_t
para_of(const char *text, size_t len, int64_t off)
{
	size_t end = textin_cp_to_byte(text, len, (size_t)off), i;
	int64_t para = 0;

	for (i = 0; i < end; i++)
		para += text[i] == '\n';
	return para;
}

static struct key *
keys_of(struct project *p, int64_t doc, int64_t coder, const char *text, size_t len,
    size_t *n)
{
	struct coding_filter f = {doc, 0, coder};
	struct coding *v;
	struct key *k;
	size_t i;

	if (coding_list(p, &f, &v, n) != AX_OK) {
		*n = 0;
		return NULL;
	}
	k = xcalloc(*n + 1, sizeof *k);
	for (i = 0; i < *n; i++) {
		k[i].para = para_of(text, len, v[i].start);
		k[i].node = v[i].node;
	}
	free(v);
	qsort(k, *n, sizeof *k, key_cmp);
	return k;
}

static void
finish_row(struct retest_row *r)
{
	r->disagreements = r->total - 2 * r->agreements;
	r->tenths = agree_retest_tenths(r->agreements, r->total);
}

enum ax_status
retest_table(struct project *p, const char *first, const char *second,
    struct retest_row **rows, size_t *n)
{
	struct doc_info *docs = NULL;
	struct retest_row *out = NULL, tot = {0, NULL, 0, 0, 0, 0};
	char *second_login = second ? xstrdup(second) : retest_login(first);
	size_t nd = 0, cap = 0, k = 0, i;
	int64_t c1, c2;
	enum ax_status s;

	*rows = NULL;
	*n = 0;
	if ((s = blind_check_figures(p)) != AX_OK ||
	    (s = coder_find(p, first, &c1)) != AX_OK ||
	    (s = coder_find(p, second_login, &c2)) != AX_OK ||
	    (s = doc_list(p, &docs, &nd)) != AX_OK)
		goto out;
	for (i = 0; i < nd; i++) {
		struct key *a, *b;
		size_t na, nb, x = 0, y = 0, len;
		char *text;
		struct retest_row r = {docs[i].id, NULL, 0, 0, 0, 0};

		if ((s = doc_text(p, docs[i].id, &text, &len)) != AX_OK)
			goto out;
		b = keys_of(p, docs[i].id, c2, text, len, &nb);
		if (nb == 0) {	/* the second pass did not code it */
			free(b);
			free(text);
			continue;
		}
		a = keys_of(p, docs[i].id, c1, text, len, &na);
		free(text);
		while (x < na && y < nb) {	/* sorted merge = multiset intersection */
			int c = key_cmp(&a[x], &b[y]);

			r.agreements += c == 0;
			x += c <= 0;
			y += c >= 0;
		}
		free(a);
		free(b);
		r.total = (int64_t)(na + nb);
		r.name = xstrdup(docs[i].name);
		finish_row(&r);
		tot.total += r.total;
		tot.agreements += r.agreements;
		out = xgrow(out, &cap, k + 2, sizeof *out);
		out[k++] = r;
	}
	tot.name = xstrdup("total");
	finish_row(&tot);
	out = xgrow(out, &cap, k + 1, sizeof *out);
	out[k++] = tot;
	*rows = out;
	*n = k;
	out = NULL;
out:
	free(second_login);
	doc_list_free(docs, nd);
	free(out);
	return s;
}
