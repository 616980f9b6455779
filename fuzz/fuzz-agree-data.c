/*
 * fuzz-agree-data.c: reliability data in CSV (agree_data_parse) and the
 * report of every coefficient on it (agree_data_report), as `axial agree
 * FILE.csv` runs them.
 *
 * Checks: a refusal names a line and a reason; parsed data is in range
 * (values index the categories, numeric categories strictly ascending);
 * every figure of the report is a finite number or undefined with a
 * reason ("nothing is ever NaN", agreement.h); proportions lie in [0, 1];
 * the two-coder table counts every unit once.
 */
#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "stats/agreement.h"
#include "base/util.h"
#include "fuzz.h"

static bool
ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);

	return n >= k && strcmp(s + n - k, tail) == 0;
}

static void
check_report(const struct agree_report *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		const struct agree_item *it = &r->item[i];

		FZ_CHECK(it->key != NULL && it->label != NULL);
		if (it->f.why != NULL)
			continue;
		FZ_CHECKF(isfinite(it->f.v), "%s = %g", it->key, it->f.v);
		if (it->kind == AGREE_PROP)
			FZ_CHECKF(it->f.v >= -1e-9 && it->f.v <= 1 + 1e-9, "%s = %g",
			    it->key, it->f.v);
		if (it->kind == AGREE_COUNT || it->kind == AGREE_SE)
			FZ_CHECKF(it->f.v >= 0, "%s = %g", it->key, it->f.v);
		if (it->kind == AGREE_COEF && !ends_with(it->key, "_do") &&
		    !ends_with(it->key, "_de"))	/* D_o, D_e: any size */
			FZ_CHECKF(it->f.v <= 1 + 1e-9, "%s = %g", it->key, it->f.v);
	}
	for (i = 0; i < r->nnotes; i++)
		FZ_CHECK(r->notes[i] != NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct agree_data d;
	struct agree_report r = {0};
	struct agree_opts o = {0};
	const char *err = NULL;
	long line = 0;
	int64_t u, *cells, missing = 0, sum = 0;
	int c, k;

	if (agree_data_parse((const char *)data, size, &d, &line, &err) != 0) {
		FZ_CHECK(err != NULL && err[0] != '\0' && line >= 1);
		return 0;
	}
	FZ_CHECK(d.nunits >= 1 && d.ncoders >= 1 && d.ncats >= 0);
	for (u = 0; u < d.nunits; u++) {
		FZ_CHECK(d.unit[u] != NULL);
		for (c = 0; c < d.ncoders; c++) {
			int32_t v = d.val[u * d.ncoders + c];

			FZ_CHECK(v >= -1 && v < d.ncats);
		}
	}
	for (c = 0; c < d.ncoders; c++)
		FZ_CHECK(d.coder[c] != NULL);
	for (k = 0; k < d.ncats; k++) {
		FZ_CHECK(d.cat[k] != NULL);
		if (d.catnum != NULL && k > 0)
			FZ_CHECKF(d.catnum[k - 1] < d.catnum[k], "categories %s, %s",
			    d.cat[k - 1], d.cat[k]);
	}

	/* every applicable coefficient at every level, a short bootstrap */
	o.levels = 0;
	o.boot = size % 3 == 0 ? 0 : 40;
	o.seed = AGREE_SEED_DEFAULT;
	o.q = (int)(size % 5);
	agree_data_report(&d, &o, &r);
	check_report(&r);
	agree_data_report_free(&r);

	if (d.ncoders == 2) {
		cells = agree_data_table(&d, &missing);
		for (k = 0; k < d.ncats * d.ncats; k++) {
			FZ_CHECK(cells[k] >= 0);
			sum += cells[k];
		}
		FZ_CHECK(missing >= 0 && sum + missing == d.nunits);
		free(cells);
	}
	agree_data_free(&d);
	return 0;
}
