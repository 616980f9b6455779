/*
 * analysis-demographics.c: interviewee attributes as the frequency/percent
 * table papers print. Percent of N (the number of documents), whole
 * percents rounded half up in exact integer arithmetic.
 */
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "stats/analysis.h"

int64_t
an_percent_round(int64_t count, int64_t n)
{
	if (n <= 0)
		return 0;
	/* floor(100c/n + 1/2) = floor((200c + n) / 2n) for c, n >= 0 */
	return (200 * count + n) / (2 * n);
}

double
an_percent(int64_t count, int64_t n)
{
	return n > 0 ? 100.0 * (double)count / (double)n : 0.0;
}

static const char missing_level[] = "(missing)";

/*
 * The first number in s (ASCII, Persian or Arabic-Indic digits), or -1 if
 * there is none: "45-54" 45, "۵۰ سال و بیشتر" 50, "بیش از ۲۰ سال" 20.
 */
static long long
first_number(const char *s)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t n = strlen(s);
	long long v = -1;

	while (n > 0) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, n), d = -1;

		if (c >= '0' && c <= '9')
			d = (int)(c - '0');
		else if (c >= 0x06F0 && c <= 0x06F9)
			d = (int)(c - 0x06F0);
		else if (c >= 0x0660 && c <= 0x0669)
			d = (int)(c - 0x0660);
		if (d >= 0)
			v = (v < 0 ? 0 : v) * 10 + d;
		else if (v >= 0)
			break;
		if (v > 1000000000LL)
			break;
		p += k;
		n -= (size_t)k;
	}
	return v;
}

/*
 * Levels in order of first appearance; but when every level holds a
 * number (age bands, years of experience), ascending by that number, the
 * order papers print. Stable: equal numbers keep their order.
 */
static void
order_levels(struct an_level *lv, size_t n)
{
	long long *key = xcalloc(n + 1, sizeof *key);
	size_t i, j;

	for (i = 0; i < n; i++)
		if ((key[i] = first_number(lv[i].value)) < 0)
			goto out;
	for (i = 1; i < n; i++) {	/* insertion sort: few levels, stable */
		struct an_level x = lv[i];
		long long kx = key[i];

		for (j = i; j > 0 && key[j - 1] > kx; j--) {
			lv[j] = lv[j - 1];
			key[j] = key[j - 1];
		}
		lv[j] = x;
		key[j] = kx;
	}
out:
	free(key);
}

void
an_demographics_from(size_t ndocs, const char *const *keys, size_t nkeys,
    const char *const *values, struct an_demographics *d)
{
	size_t k, i, j;

	memset(d, 0, sizeof *d);
	d->n = (int64_t)ndocs;
	d->attrs = xcalloc(nkeys + 1, sizeof *d->attrs);
	d->nattrs = nkeys;
	for (k = 0; k < nkeys; k++) {
		struct an_attribute *at = &d->attrs[k];
		size_t cap = 0;
		int64_t nmissing = 0;

		at->key = keys[k];
		for (i = 0; i < ndocs; i++) {
			const char *v = values[i * nkeys + k];

			if (v == NULL) {
				nmissing++;
				continue;
			}
			for (j = 0; j < at->nlevels; j++)
				if (strcmp(at->levels[j].value, v) == 0)
					break;
			if (j == at->nlevels) {
				at->levels = xgrow(at->levels, &cap, j + 1,
				    sizeof *at->levels);
				at->levels[j].value = v;
				at->levels[j].missing = false;
				at->levels[j].count = 0;
				at->nlevels++;
			}
			at->levels[j].count++;
		}
		order_levels(at->levels, at->nlevels);
		if (nmissing > 0) {
			at->levels = xgrow(at->levels, &cap, at->nlevels + 1,
			    sizeof *at->levels);
			at->levels[at->nlevels].value = missing_level;
			at->levels[at->nlevels].missing = true;
			at->levels[at->nlevels].count = nmissing;
			at->nlevels++;
		}
	}
}

void
an_demographics(const struct an_project *a, struct an_demographics *d)
{
	const char **keys = NULL, **values;
	size_t nkeys = 0, cap = 0, i, j, k;

	for (i = 0; i < a->ndocs; i++)
		for (j = 0; j < a->nattrs[i]; j++) {
			for (k = 0; k < nkeys; k++)
				if (strcmp(keys[k], a->attrs[i][j].key) == 0)
					break;
			if (k == nkeys) {
				keys = xgrow(keys, &cap, nkeys + 1, sizeof *keys);
				keys[nkeys++] = a->attrs[i][j].key;
			}
		}
	values = xcalloc(a->ndocs * nkeys + 1, sizeof *values);
	for (i = 0; i < a->ndocs; i++)
		for (j = 0; j < a->nattrs[i]; j++)
			for (k = 0; k < nkeys; k++)
				if (strcmp(keys[k], a->attrs[i][j].key) == 0)
					values[i * nkeys + k] = a->attrs[i][j].value;
	an_demographics_from(a->ndocs, keys, nkeys, values, d);
	free(keys);
	free(values);
}

void
an_demographics_done(struct an_demographics *d)
{
	size_t k;

	for (k = 0; k < d->nattrs; k++)
		free(d->attrs[k].levels);
	free(d->attrs);
	memset(d, 0, sizeof *d);
}
