/*
 * fuzz-agree-units.c: the unit modes of agreement (agree_state_*): random
 * documents, speaker turns, codebooks and coding edits, counted
 * incrementally and checked against a full recount.
 *
 * Input: a few bytes of configuration (mode, coders, theta, documents,
 * codes, categories), each document (its length, its bytes made valid
 * UTF-8 as the store guarantees, optional turns), then edits: adds (in or
 * out of range), removes of live codings and of codings that are not
 * there. Checks: each add and remove succeeds exactly when the contract
 * says; every table, histogram, overlap count and k x k table equals a
 * full recount's every 16 edits and at the end; reports print in every
 * format; unit counts add up.
 */
#include <stdbool.h>
#include <string.h>
#include <unistr.h>

#include "stats/agreement.h"
#include "base/util.h"
#include "fuzz.h"

#define MAXDOCS 3
#define MAXCODES 8
#define MAXLIVE 256

/* Every count the state reports (as test-agreement.c's snapshot). */
static void
snapshot(const struct agree_state *st, size_t ndocs, size_t ncodes,
    size_t ncats, int m, struct buf *b)
{
	struct agree_cells c;
	struct agree_overlap o;
	int64_t hist[33], cells[(MAXCODES + 1) * (MAXCODES + 1)], left;
	size_t d, x;
	int i, k;

	buf_reset(b);
	buf_add(b, "", 0);
	for (x = 0; x < ncodes; x++) {
		for (d = 0; d < ndocs; d++) {
			agree_state_table(st, (int64_t)x, (int64_t)d, &c, hist);
			buf_printf(b, "%lld %lld %lld %lld|", (long long)c.a, (long long)c.b,
			    (long long)c.c, (long long)c.d);
			for (i = 0; i <= m; i++)
				buf_printf(b, "%lld ", (long long)hist[i]);
			agree_state_overlap(st, (int64_t)x, (int64_t)d, &o);
			buf_printf(b, "o%lld %lld %lld %lld %lld\n", (long long)o.agree,
			    (long long)o.disagree, (long long)o.m, (long long)o.n1,
			    (long long)o.n2);
		}
		agree_state_table(st, (int64_t)x, -1, &c, hist);
		buf_printf(b, "code %lld %lld %lld %lld|", (long long)c.a,
		    (long long)c.b, (long long)c.c, (long long)c.d);
		for (i = 0; i <= m; i++)
			buf_printf(b, "%lld ", (long long)hist[i]);
		agree_state_overlap(st, (int64_t)x, -1, &o);
		buf_printf(b, "o%lld %lld %lld %lld %lld\n", (long long)o.agree,
		    (long long)o.disagree, (long long)o.m, (long long)o.n1,
		    (long long)o.n2);
	}
	for (d = 0; d < ndocs; d++) {
		agree_state_doc_table(st, (int64_t)d, &c, hist);
		buf_printf(b, "doc %lld %lld %lld %lld\n", (long long)c.a,
		    (long long)c.b, (long long)c.c, (long long)c.d);
	}
	for (x = 0; x < ncats; x++) {
		agree_state_category_table(st, (int64_t)x, &c, hist);
		buf_printf(b, "cat %lld %lld %lld %lld\n", (long long)c.a,
		    (long long)c.b, (long long)c.c, (long long)c.d);
	}
	/* the pair counts of three or more coders, per code and pooled */
	for (x = 0; x <= ncodes; x++) {
		int64_t pair[32 * 32];
		int64_t n = agree_state_pairs(st, AGREE_BY_CODE,
		    x == ncodes ? -1 : (int64_t)x, pair);

		buf_printf(b, "pairs %lld|", (long long)n);
		for (i = 0; m >= 3 && i < m * m; i++)
			buf_printf(b, "%lld ", (long long)pair[i]);
		buf_putc(b, '\n');
	}
	agree_state_total_table(st, &c, hist);
	buf_printf(b, "total %lld %lld %lld %lld|", (long long)c.a, (long long)c.b,
	    (long long)c.c, (long long)c.d);
	for (i = 0; i <= m; i++)
		buf_printf(b, "%lld ", (long long)hist[i]);
	agree_state_overlap_total(st, &o);
	buf_printf(b, "\nototal %lld %lld %lld %lld %lld\n", (long long)o.agree,
	    (long long)o.disagree, (long long)o.m, (long long)o.n1, (long long)o.n2);
	if ((k = agree_state_kxk(st, cells, &left)) > 0) {
		FZ_CHECK(k <= MAXCODES + 1);
		for (i = 0; i < k * k; i++)
			buf_printf(b, "%lld ", (long long)cells[i]);
		buf_printf(b, "left %lld\n", (long long)left);
	}
}

static void
check_cells(const struct agree_state *st, int64_t code, int64_t doc, int m)
{
	struct agree_cells c;
	int64_t hist[33], n = 0;
	int i;

	agree_state_table(st, code, doc, &c, hist);
	FZ_CHECK(c.a >= 0 && c.b >= 0 && c.c >= 0 && c.d >= 0);
	for (i = 0; i <= m; i++) {
		FZ_CHECK(hist[i] >= 0);
		n += hist[i];
	}
	FZ_CHECKF(c.a + c.b + c.c + c.d == agree_state_units(st, doc) &&
	    (m < 3 || n == c.a + c.b + c.c + c.d), "code %lld doc %lld: %lld %lld "
	    "%lld %lld, hist %lld, units %lld", (long long)code, (long long)doc,
	    (long long)c.a, (long long)c.b, (long long)c.c, (long long)c.d,
	    (long long)n, (long long)agree_state_units(st, doc));
}

static void
compare(struct agree_state *st, size_t ndocs, size_t ncodes, size_t ncats,
    int m, struct buf *before, struct buf *after)
{
	snapshot(st, ndocs, ncodes, ncats, m, before);
	agree_state_recount(st);
	snapshot(st, ndocs, ncodes, ncats, m, after);
	FZ_CHECKF(strcmp(before->s, after->s) == 0, "incremental:\n%s\nrecount:\n%s",
	    before->s, after->s);
}

/* The document's bytes as valid UTF-8: each invalid byte becomes '?'. */
static char *
valid_text(const uint8_t *p, size_t n, uint32_t *ncp)
{
	char *s = xmalloc(n + 1);
	size_t i = 0;

	*ncp = 0;
	while (i < n) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p + i, n - i);

		if (c == 0xfffd && !(k == 3 && p[i] == 0xef && p[i + 1] == 0xbf &&
		    p[i + 2] == 0xbd)) {
			k = 1;
			s[i] = '?';
		} else if (c == 0) {
			s[i] = ' ';
		} else {
			memcpy(s + i, p + i, (size_t)k);
		}
		i += (size_t)k;
		(*ncp)++;
	}
	s[n] = '\0';
	FZ_CHECK(u8_check((const uint8_t *)s, n) == NULL);
	return s;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

static bool
same(const struct agree_coding *a, const struct agree_coding *b)
{
	return a->doc == b->doc && a->code == b->code && a->coder == b->coder &&
	    a->start == b->start && a->end == b->end;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz f;
	struct agree_config cfg = {0};
	struct agree_doc docs[MAXDOCS];
	struct agree_span turns[MAXDOCS][4];
	char *text[MAXDOCS];
	uint32_t ncp[MAXDOCS];
	int32_t cat[MAXCODES];
	struct agree_coding live[MAXLIVE];
	struct agree_state *st;
	struct buf before = {0}, after = {0}, out = {0};
	size_t ndocs, ncodes, ncats, nlive = 0, d, i, len, ops;
	uint8_t b;
	int m, by, fmt;
	int64_t units = 0;

	fz_init(&f, data, size);
	b = fz_u8(&f);
	cfg.unit = (enum agree_unit)(b % 6);
	cfg.ncoders = m = 2 + (b >> 3) % 4;
	b = fz_u8(&f);
	cfg.whitespace = b & 1;
	cfg.allow_none = b & 2;
	cfg.base = b & 4 ? AGREE_UNIT_SENTENCE : AGREE_UNIT_PARAGRAPH;
	ndocs = 1 + (b >> 3) % MAXDOCS;
	ncodes = 1 + (b >> 5) % MAXCODES;
	b = fz_u8(&f);
	cfg.theta = b == 0 ? 0 : b / 255.0;
	ncats = fz_u8(&f) % 3;
	for (i = 0; i < ncodes; i++)
		cat[i] = (int32_t)fz_below(&f, (uint32_t)ncats + 1) - 1;
	for (d = 0; d < ndocs; d++) {
		const uint8_t *p = fz_bytes(&f, fz_u8(&f), &len);
		size_t nt;

		text[d] = valid_text(p, len, &ncp[d]);
		docs[d].text = text[d];
		docs[d].len = len;
		docs[d].turns = NULL;
		docs[d].nturns = 0;
		b = fz_u8(&f);
		if (b & 1 && ncp[d] > 0) {	/* speaker turns: ascending, disjoint */
			uint32_t pt[8];

			nt = 1 + (b >> 1) % 4;
			for (i = 0; i < 2 * nt; i++)
				pt[i] = fz_below(&f, ncp[d] + 1);
			qsort(pt, 2 * nt, sizeof *pt, cmp_u32);
			for (i = 0; i < nt; i++) {
				turns[d][i].start = pt[2 * i];
				turns[d][i].end = pt[2 * i + 1];
			}
			docs[d].turns = turns[d];
			docs[d].nturns = nt;
		}
	}

	st = agree_state_new(&cfg, docs, ndocs, ncodes, ncats ? cat : NULL, ncats);
	for (d = 0; d < ndocs; d++) {
		FZ_CHECK(agree_state_units(st, (int64_t)d) >= 0);
		units += agree_state_units(st, (int64_t)d);
	}
	FZ_CHECK(agree_state_units(st, -1) == units);

	for (ops = 0; f.n > 0 && ops < 400; ops++) {
		struct agree_coding c;
		size_t j;

		b = fz_u8(&f);
		if (b % 4 == 0 && nlive > 0) {
			j = fz_below(&f, (uint32_t)nlive);
			FZ_CHECK(agree_state_remove_coding(st, &live[j]) == 0);
			live[j] = live[--nlive];
			continue;
		}
		c.doc = fz_below(&f, (uint32_t)ndocs + (b & 16 ? 1 : 0));
		c.code = fz_below(&f, (uint32_t)ncodes + (b & 32 ? 1 : 0));
		c.coder = fz_below(&f, (uint32_t)m + (b & 64 ? 1 : 0));
		d = c.doc < ndocs ? c.doc : 0;
		c.start = fz_below(&f, ncp[d] + 2);
		c.end = c.start + fz_below(&f, (b & 128 ? ncp[d] : 16) + 2);
		if (b % 4 == 1) {	/* remove what may not be there */
			for (j = 0; j < nlive && !same(&live[j], &c); j++)
				;
			FZ_CHECK(agree_state_remove_coding(st, &c) == (j < nlive ? 0 : -1));
			if (j < nlive)
				live[j] = live[--nlive];
		} else {
			bool ok = c.doc < ndocs && c.code < ncodes && (int)c.coder < m &&
			    c.start < c.end && c.end <= ncp[c.doc];

			if (ok && nlive == MAXLIVE)
				continue;
			FZ_CHECKF(agree_state_add_coding(st, &c) == (ok ? 0 : -1),
			    "doc %u code %u coder %u [%u, %u)", c.doc, c.code, c.coder,
			    c.start, c.end);
			if (ok)
				live[nlive++] = c;
		}
		if (ops % 16 == 15)
			compare(st, ndocs, ncodes, ncats, m, &before, &after);
	}
	compare(st, ndocs, ncodes, ncats, m, &before, &after);
	for (i = 0; i < ncodes; i++) {
		check_cells(st, (int64_t)i, -1, m);
		for (d = 0; d < ndocs; d++)
			check_cells(st, (int64_t)i, (int64_t)d, m);
	}

	/* the reports of `axial agree` on the state, in every form */
	by = (int)(size % 3);
	for (fmt = 0; fmt < 3; fmt++) {
		buf_reset(&out);
		agree_state_print(st, (enum agree_by)by, (enum agree_format)fmt, NULL,
		    size & 8 ? AGREE_PRINT_ALL : 0, &out);
		FZ_CHECK(out.s == NULL || strlen(out.s) == out.len);
	}
	if (cfg.unit == AGREE_UNIT_KXK) {
		struct agree_data v;
		struct agree_report r = {0};
		struct agree_opts o = {0};
		int64_t u;

		agree_state_values(st, &v);
		FZ_CHECK(v.nunits == agree_state_units(st, -1) && v.ncoders == m);
		for (u = 0; u < v.nunits * v.ncoders; u++)
			FZ_CHECK(v.val[u] >= -1 && v.val[u] < v.ncats);
		agree_data_report(&v, &o, &r);
		agree_data_report_free(&r);
		agree_data_free(&v);
	}
	agree_state_free(st);
	for (d = 0; d < ndocs; d++)
		free(text[d]);
	buf_done(&before);
	buf_done(&after);
	buf_done(&out);
	return 0;
}
