/*
 * bench-agree.c: the agreement engine on a project-sized synthetic input,
 * against scikit-learn's cohen_kappa_score on the same units in the same run.
 *
 *   build/bench/bench-agree [DOCS [CODES [CODINGS_PER_CODER]]]
 *
 * Defaults (times AXIAL_BENCH_SCALE for documents and codings): 300 documents of about 60 KB (Persian and English words in
 * paragraphs), 400 codes, two coders with 60,000 codings each, from a fixed
 * seed. Measures, in paragraph mode (the live default):
 *   - full recompute of every per-code table plus its kappa (median of runs);
 *   - the update after one coding is added or removed (median, p95), and
 *     with alpha_U of its code recomputed (agreement-unitize.h);
 *   - alpha_U of every code and u-alpha of all codes (agreement-ualpha.h),
 *     what the live pane recomputes on a change;
 *   - sklearn.metrics.cohen_kappa_score over the same per-code unit vectors
 *     (written to a temp dir), and the ratio; the kappas are compared too.
 * Then four coders (issue 20): the update after one coding plus the set
 * figures the agreement pane shows (Fleiss, alpha, Light, AC1), and with
 * alpha_U of the coding's code and u-alpha kept live (agreement-ulive.h)
 * against both from scratch. Then the pane on a project
 * (bench_project, issue 22): its first figures, the live update and the
 * process's resident memory (peak: getrusage's ru_maxrss).
 * AXIAL_BENCH_NO_SKLEARN=1 skips scikit-learn; AXIAL_BENCH_PANE_ONLY=1 runs
 * the pane on a project alone; AXIAL_BENCH_NO_FULL=1 leaves out its full
 * build, so that the peak RSS is the lazy pane's.
 * Targets (issue 5): recompute <= 50 ms, update <= 1 ms, >= 20x sklearn.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "stats/agreement-int.h"
#include "stats/agreement.h"
#include "stats/agreement-ualpha.h"
#include "stats/agreement-unitize.h"
#include "stats/agreement-ulive.h"
#include "stats/agree-project.h"
#include "base/util.h"
#include "synth.h"

static uint64_t
ernd(uint64_t *s)
{
	uint64_t z = (*s += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

static const char *const ewords[] = {
	"سازمان", "مدیریت", "کارکنان", "تصمیم‌گیری", "مشارکت", "اعتماد", "بودجه",
	"می‌خواهم", "بنابراین", "شفافیت", "the", "policy", "HR", "team", "budget",
	"meeting", "KPI", "2024", "۱۴۰۲", "درصد", "ERP", "feedback", "و", "در",
};

/* A document of about `bytes` bytes; *ncp gets its length in code points. */
static char *
emake_doc(uint64_t *seed, size_t bytes, uint32_t *ncp)
{
	struct buf b = {0};
	uint32_t n = 0;

	while (b.len < bytes) {
		size_t para = 300 + ernd(seed) % 600, start = b.len;

		while (b.len - start < para) {
			const char *w = ewords[ernd(seed) % AX_ARRAY_LEN(ewords)];

			buf_puts(&b, w);
			buf_putc(&b, ernd(seed) % 12 == 0 ? '.' : ' ');
		}
		buf_putc(&b, '\n');
	}
	for (size_t i = 0; i < b.len; i++)
		n += ((unsigned char)b.s[i] & 0xc0) != 0x80;
	*ncp = n;
	return buf_take(&b);
}

static struct agree_coding
random_coding(uint64_t *seed, uint32_t ndocs, uint32_t ncodes, const uint32_t *ncp,
    uint32_t coder)
{
	struct agree_coding c;
	uint32_t len = 40 + (uint32_t)(ernd(seed) % 1200);

	c.doc = (uint32_t)(ernd(seed) % ndocs);
	c.code = (uint32_t)(ernd(seed) % ncodes);
	c.coder = coder;
	c.start = (uint32_t)(ernd(seed) % (ncp[c.doc] - 1));
	c.end = c.start + len > ncp[c.doc] ? ncp[c.doc] : c.start + len;
	return c;
}


/* alpha_U of one code, as a live view recomputes it after a change. */
static double
unitize_code(const struct agree_state *st, uint32_t code)
{
	struct agree_useg_set us;
	struct agree_unitize u;
	double v;

	agree_state_usegs(st, code, &us);
	agree_unitize(&us, &u);
	v = u.v[0].d_e.why == NULL ? u.v[0].d_e.v : 0;
	agree_unitize_free(&u);
	agree_useg_free(&us);
	return v;
}

/*
 * Four coders (issue 20): coders 2 and 3 repeat 0's and 1's codings on
 * the same documents; the live update is one coding added or removed plus
 * the set figures the pane shows after it (pooled and the coding's code:
 * histogram, pair counts, Fleiss, alpha, Light, AC1).
 */
static void
bench_four(const struct agree_doc *docs, uint32_t ndocs, uint32_t ncodes,
    const uint32_t *ncp, const struct agree_coding *cod, uint32_t per,
    uint64_t *seed)
{
	enum { M = 4, UPDATES = 2000 };
	struct agree_config cfg = { .unit = AGREE_UNIT_PARAGRAPH, .ncoders = M };
	uint64_t *upd = xcalloc(2 * UPDATES, sizeof *upd), t0, b0;
	int64_t hist[M + 1], pair[M * M];
	struct agree_state *st;
	struct agree_ulive *ul;
	struct agree_many f;
	double sink = 0;	/* printed, so the figures are computed */
	uint32_t i;
	int k;

	b0 = clock_ns();
	st = agree_state_new(&cfg, docs, ndocs, ncodes, NULL, 0);
	for (i = 0; i < 2 * per; i++) {
		struct agree_coding c = cod[i];

		agree_state_add_coding(st, &c);
		c.coder += 2;
		agree_state_add_coding(st, &c);
	}
	printf("  four coders, %u codings: build %7.1f ms\n", 4 * per,
	    (double)(clock_ns() - b0) / 1e6);
	for (i = 0; i < UPDATES; i++) {
		struct agree_coding c = random_coding(seed, ndocs, ncodes, ncp,
		    i % M);

		for (k = 0; k < 2; k++) {
			t0 = clock_ns();
			if (k == 0)
				agree_state_add_coding(st, &c);
			else if (agree_state_remove_coding(st, &c) != 0)
				fatal("bench: remove failed");
			agree_state_total_table(st, &(struct agree_cells){0}, hist);
			agree_many_figures(hist, pair, M, agree_state_pairs(st,
			    AGREE_BY_CODE, -1, pair), &f, NULL);
			sink += f.fleiss.v + f.ac1.v;
			agree_state_table(st, c.code, -1, &(struct agree_cells){0}, hist);
			agree_many_figures(hist, pair, M, agree_state_pairs(st,
			    AGREE_BY_CODE, c.code, pair), &f, NULL);
			sink += f.light.v;
			upd[2 * i + (uint32_t)k] = clock_ns() - t0;
		}
	}
	qsort(upd, 2 * UPDATES, sizeof *upd, cmp_u64);
	printf("  four coders, update after one coding + set figures (Fleiss, alpha, "
	    "Light, AC1): median %7.2f us, p95 %7.2f us  (target <= 1 ms; "
	    "checksum %.3g)\n", (double)upd[UPDATES] / 1e3,
	    (double)upd[2 * UPDATES * 95 / 100] / 1e3, sink);

	/* What the pane recomputed before: alpha_U of every code, u-alpha. */
	t0 = clock_ns();
	{
		struct agree_useg_set us;
		struct agree_unitize u;
		struct agree_ualpha ua;

		agree_state_usegs(st, -1, &us);
		agree_unitize(&us, &u);
		agree_ualpha(&us, &ua);
		sink += u.alpha.why == NULL ? u.alpha.v : 0;
		agree_unitize_free(&u);
		agree_useg_free(&us);
	}
	printf("  four coders, alpha_U of every code + u-alpha from scratch: %9.2f ms\n",
	    (double)(clock_ns() - t0) / 1e6);
	t0 = clock_ns();
	ul = agree_ulive_new(st);
	agree_ulive_step(ul, st, 0);
	printf("  four coders, live alpha_U + u-alpha set up: %9.2f ms\n",
	    (double)(clock_ns() - t0) / 1e6);
	/* The pane's live update now: the coding, the set figures with AC1,
	 * alpha_U of its code and u-alpha of its document (agreement-ulive.h). */
	for (i = 0; i < UPDATES; i++) {
		struct agree_coding c = random_coding(seed, ndocs, ncodes, ncp,
		    i % M);
		struct agree_unitize uz;
		struct agree_ualpha ua;

		for (k = 0; k < 2; k++) {
			t0 = clock_ns();
			agree_ulive_change(ul, st, c.doc, c.code, -1);
			if (k == 0)
				agree_state_add_coding(st, &c);
			else if (agree_state_remove_coding(st, &c) != 0)
				fatal("bench: remove failed");
			agree_ulive_change(ul, st, c.doc, c.code, +1);
			agree_ulive_step(ul, st, 0);
			agree_ulive_figures(ul, &uz, &ua);
			agree_state_total_table(st, &(struct agree_cells){0}, hist);
			agree_many_figures(hist, pair, M, agree_state_pairs(st,
			    AGREE_BY_CODE, -1, pair), &f, NULL);
			agree_state_table(st, c.code, -1, &(struct agree_cells){0}, hist);
			agree_many_figures(hist, pair, M, agree_state_pairs(st,
			    AGREE_BY_CODE, c.code, pair), &f, NULL);
			sink += f.ac1.v + (uz.alpha.why == NULL ? uz.alpha.v : 0) +
			    (ua.binary.why == NULL ? ua.binary.v : 0);
			agree_unitize_free(&uz);
			upd[2 * i + (uint32_t)k] = clock_ns() - t0;
		}
	}
	qsort(upd, 2 * UPDATES, sizeof *upd, cmp_u64);
	printf("  four coders, live update with AC1, alpha_U and u-alpha (the pane's "
	    "recompute): median %7.2f us, p95 %7.2f us  (target <= 1 ms; checksum %.3g)\n",
	    (double)upd[UPDATES] / 1e3, (double)upd[2 * UPDATES * 95 / 100] / 1e3, sink);
	agree_ulive_free(ul);
	agree_state_free(st);
	free(upd);
}

/* The process's peak resident memory so far, in MB. */
static double
peak_mb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_maxrss / 1024.0;
}

/* Its resident memory now, in MB (Linux's /proc; -1 elsewhere). */
static double
rss_mb(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	long size, res = -1;

	if (f == NULL)
		return -1;
	if (fscanf(f, "%ld %ld", &size, &res) != 2)
		res = -1;
	fclose(f);
	return res < 0 ? -1 : (double)res * (double)sysconf(_SC_PAGESIZE) / 1048576.0;
}

/* What the pane draws: the pooled row, each category's, one code's, with
 * kappa and AC1, and the unitizing figures; returns a checksum. */
static double
pane_figures(const struct agree_project *ap, int64_t code)
{
	const struct agree_state *st = agree_project_state(ap);
	struct agree_unitize uz;
	struct agree_ualpha ua;
	struct agree_cells c;
	struct agree_kappa k;
	struct agree_gwet g;
	size_t nd, nc, ncat, i;
	double sum = 0;

	agree_state_size(st, &nd, &nc, &ncat);
	for (i = 0; i < ncat + 2; i++) {
		if (i < ncat)
			agree_state_category_table(st, (int64_t)i, &c, NULL);
		else if (i == ncat)
			agree_state_total_table(st, &c, NULL);
		else
			agree_state_table(st, code, -1, &c, NULL);
		agree_kappa_2x2(c.a, c.b, c.c, c.d, &k);
		agree_gwet_table((int64_t[4]){ c.a, c.b, c.c, c.d }, 2, NULL, &g);
		sum += (k.kappa.why ? 0 : k.kappa.v) + (g.ac.why ? 0 : g.ac.v);
	}
	agree_project_unitize(ap, &uz, &ua);
	sum += uz.alpha.why ? 0 : uz.alpha.v;
	agree_unitize_free(&uz);
	return sum;
}

/*
 * The agreement pane on the synthetic project of synth.h (at
 * AXIAL_BENCH_SCALE), kept in $AXIAL_BENCH_DIR/agree (made once): the
 * full build it did when opened before (every document, then alpha_U of
 * every code and u-alpha); its first figures now (no document read, one
 * slice of PANE_SLICE_MS, the rows it draws) and the slices to
 * completion; the live update after one coding of coder-a committed
 * (refresh, alpha_U of its code, the figures; the commit not counted).
 */
#define PANE_SLICE_MS 20
static void
bench_project(void)
{
	const char *bd = getenv("AXIAL_BENCH_DIR");
	static const char *const ab[] = { "coder-a", "coder-b" };
	struct agree_config cfg = { .unit = AGREE_UNIT_PARAGRAPH, .ncoders = 2 };
	enum { LIVE = 200 };
	uint64_t slice = PANE_SLICE_MS * UINT64_C(1000000), t0, t1, live[LIVE];
	struct agree_project *ap;
	struct project *p;
	struct doc_info *docs = NULL;
	struct node *tree = NULL;
	size_t ndocs = 0, nt = 0, done, total, slices = 0, i, n = 0;
	int64_t *codes, id = 0;
	double sink = 0;
	char *dir, *path;
	bool changed;

	if (bd == NULL) {
		printf("  pane on a project: skipped (set AXIAL_BENCH_DIR)\n");
		return;
	}
	dir = xasprintf("%s/agree", bd);
	path = xasprintf("%s/large-x%d.axial", dir, synth_scale());
	mkdir(dir, 0777);
	if (access(path, R_OK) != 0) {
		t0 = clock_ns();
		synth_project(path);
		printf("  pane: generated %s in %.1f s\n", path,
		    (double)(clock_ns() - t0) / 1e9);
	}
	if (project_open(path, 0, "coder-a", &p, NULL) != AX_OK)
		fatal("bench: open %s", path);
	die_if(p, doc_list(p, &docs, &ndocs), "documents");
	die_if(p, codetree_load(p, &tree, &nt), "tree");
	codes = xcalloc(nt + 1, sizeof *codes);
	for (i = 0; i < nt; i++)
		if (tree[i].kind == NODE_CODE)
			codes[n++] = tree[i].id;
	printf("  pane: project open, %.1f MB resident before the pane\n", rss_mb());

	/* AXIAL_BENCH_NO_FULL: the peak RSS is then the lazy pane's, as the
	   workbench opens it */
	if (getenv("AXIAL_BENCH_NO_FULL") == NULL) {
		t0 = clock_ns();
		die_if(p, agree_project_new(p, ab, 2, &cfg, AGREE_PROJECT_UNITIZE,
		    &ap), "agree");
		sink += pane_figures(ap, 0);
		printf("  pane, %zu documents: full build + alpha_U of every code + "
		    "u-alpha (how it opened before) %9.1f ms\n", ndocs,
		    (double)(clock_ns() - t0) / 1e6);
		printf("  pane, full build: peak RSS %.1f MB, %.1f MB resident\n",
		    peak_mb(), rss_mb());
		agree_project_free(ap);
	}

	t0 = clock_ns();
	/* the workbench passes the tree it loaded at start */
	die_if(p, agree_project_new_tree(p, ab, 2, &cfg, AGREE_PROJECT_LAZY |
	    AGREE_PROJECT_UNITIZE, tree, nt, &ap), "agree");
	die_if(p, agree_project_step(ap, slice, &changed), "step");
	sink += pane_figures(ap, 0);
	t1 = clock_ns();
	agree_project_progress(ap, &done, &total);
	while (!agree_project_progress(ap, NULL, NULL)) {
		die_if(p, agree_project_step(ap, slice, &changed), "step");
		slices++;
	}
	sink += pane_figures(ap, 0);
	printf("  pane open, first figures (partial, %zu of %zu documents): %7.1f ms  "
	    "(target <= 100 ms); complete after %zu more slices of %d ms: %9.1f ms\n",
	    done, total, (double)(t1 - t0) / 1e6, slices, PANE_SLICE_MS,
	    (double)(clock_ns() - t0) / 1e6);
	printf("  pane complete: %.1f MB resident (peak RSS so far %.1f MB; "
	    "target < 64 MB beyond the text)\n", rss_mb(), peak_mb());

	for (i = 0; i < LIVE; i++) {
		size_t d = rnd() % ndocs;
		int64_t start = rnd() % (uint32_t)(docs[d].nchars - 200);

		/* add one, then take it away: the project stays as made */
		if (i % 2 == 0)
			die_if(p, coding_add(p, docs[d].id, codes[rnd() % n],
			    start, start + 10 + rnd() % 150, &id), "coding");
		else
			die_if(p, coding_remove(p, id), "remove");
		t0 = clock_ns();
		die_if(p, agree_project_refresh(ap, &changed), "refresh");
		die_if(p, agree_project_step(ap, slice, &changed), "step");
		sink += pane_figures(ap, 1);
		live[i] = clock_ns() - t0;
	}
	qsort(live, LIVE, sizeof *live, cmp_u64);
	printf("  pane live update after one coding (refresh, alpha_U of its code, "
	    "u-alpha, the figures): median %7.2f us, p95 %7.2f us  (target <= 1 ms; "
	    "checksum %.3g)\n", (double)live[LIVE / 2] / 1e3,
	    (double)live[LIVE * 95 / 100] / 1e3, sink);
	printf("  pane after the live updates: %.1f MB resident, peak RSS %.1f MB\n",
	    rss_mb(), peak_mb());
	agree_project_free(ap);
	doc_list_free(docs, ndocs);
	codetree_free(tree, nt);
	free(codes);
	project_close(p);
	free(path);
	free(dir);
}

int
main(int argc, char **argv)
{
	uint32_t ndocs = argc > 1 ? (uint32_t)atoi(argv[1]) : (uint32_t)NDOCS;
	uint32_t ncodes = argc > 2 ? (uint32_t)atoi(argv[2]) : NCODES;
	uint32_t per = argc > 3 ? (uint32_t)atoi(argv[3]) : (uint32_t)CODINGS_PER_CODER;
	enum { RUNS = 11, UPDATES = 2000 };
	struct agree_config cfg = { .unit = AGREE_UNIT_PARAGRAPH, .ncoders = 2 };
	struct agree_doc *docs = xcalloc(ndocs, sizeof *docs);
	uint32_t *ncp = xcalloc(ndocs, sizeof *ncp);
	struct agree_coding *cod = xcalloc(2 * (size_t)per, sizeof *cod);
	uint64_t seed = 20260522, t0, runs[RUNS], *upd = xcalloc(2 * UPDATES, sizeof *upd);
	double *kap = xcalloc(ncodes, sizeof *kap), bytes = 0, sk_s = -1, maxdiff = 0, ac1sum = 0;
	int64_t units;
	struct agree_state *st;
	char dir[] = "/tmp/axial-bench-agree.XXXXXX", *path, *cmd;
	const char *py = access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" : "python3";
	uint32_t i, x, ndef = 0, compared = 0;
	FILE *f;
	int r;

	/* the pane alone, for profiling it at 10x without the minutes the
	   engine's figures take there */
	if (getenv("AXIAL_BENCH_PANE_ONLY") != NULL) {
		bench_project();
		return 0;
	}
	for (i = 0; i < ndocs; i++) {
		docs[i].text = emake_doc(&seed, 60000, &ncp[i]);
		docs[i].len = strlen(docs[i].text);
		bytes += (double)docs[i].len;
	}
	/* Coder A at random; B repeats 70% of A's codings with moved ends. */
	for (i = 0; i < per; i++) {
		cod[i] = random_coding(&seed, ndocs, ncodes, ncp, 0);
		if (ernd(&seed) % 10 < 7) {
			struct agree_coding c = cod[i];
			int64_t s = (int64_t)c.start + (int64_t)(ernd(&seed) % 121) - 60;
			int64_t e = (int64_t)c.end + (int64_t)(ernd(&seed) % 121) - 60;

			c.coder = 1;
			c.start = s < 0 ? 0 : s >= ncp[c.doc] ? ncp[c.doc] - 1 : (uint32_t)s;
			c.end = e > ncp[c.doc] ? ncp[c.doc] : (uint32_t)e;
			if (c.end <= c.start)
				c.end = c.start + 1;
			cod[per + i] = c;
		} else {
			cod[per + i] = random_coding(&seed, ndocs, ncodes, ncp, 1);
		}
	}

	t0 = clock_ns();
	st = agree_state_new(&cfg, docs, ndocs, ncodes, NULL, 0);
	for (i = 0; i < 2 * per; i++)
		if (agree_state_add_coding(st, &cod[i]) != 0)
			fatal("bench: bad coding %u", i);
	units = agree_state_units(st, -1);
	printf("bench-agree: %u documents, %.1f MB, %lld units (paragraphs), %u codes, "
	    "%u codings (2 coders)\n", ndocs, bytes / 1e6, (long long)units, ncodes, 2 * per);
	printf("  build: segment and add every coding         %9.1f ms\n",
	    (double)(clock_ns() - t0) / 1e6);

	/* Full recompute of every per-code table, and its kappa. */
	for (r = 0; r < RUNS; r++) {
		t0 = clock_ns();
		agree_state_recount(st);
		for (x = 0; x < ncodes; x++) {
			struct agree_cells c;
			struct agree_kappa k;
			struct agree_gwet g;

			agree_state_table(st, x, -1, &c, NULL);
			agree_kappa_2x2(c.a, c.b, c.c, c.d, &k);
			kap[x] = k.kappa.why == NULL ? k.kappa.v : NAN;
			/* AC1 beside kappa, as the rows and the view show it */
			agree_gwet_table((int64_t[4]){ c.a, c.b, c.c, c.d }, 2, NULL, &g);
			ac1sum += g.ac.why == NULL ? g.ac.v : 0;
		}
		runs[r] = clock_ns() - t0;
	}
	qsort(runs, RUNS, sizeof *runs, cmp_u64);
	printf("  full recompute, %u tables + kappa + AC1: median %9.2f ms  (%d runs; target <= 50 ms; AC1 sum %.3f)\n",
	    ncodes, (double)runs[RUNS / 2] / 1e6, RUNS, ac1sum / RUNS);

	/* The update after one coding: add a new one, then remove it. */
	for (i = 0; i < UPDATES; i++) {
		struct agree_coding c = random_coding(&seed, ndocs, ncodes, ncp, i % 2);

		t0 = clock_ns();
		agree_state_add_coding(st, &c);
		upd[2 * i] = clock_ns() - t0;
		t0 = clock_ns();
		if (agree_state_remove_coding(st, &c) != 0)
			fatal("bench: remove failed");
		upd[2 * i + 1] = clock_ns() - t0;
	}
	qsort(upd, 2 * UPDATES, sizeof *upd, cmp_u64);
	printf("  update after one coding: median %7.2f us, p95 %7.2f us  (%d adds + %d removes; "
	    "target <= 1 ms)\n", (double)upd[UPDATES] / 1e3,
	    (double)upd[2 * UPDATES * 95 / 100] / 1e3, UPDATES, UPDATES);

	/* The same with alpha_U of the changed code recomputed, and all of it once. */
	for (i = 0; i < UPDATES; i++) {
		struct agree_coding c = random_coding(&seed, ndocs, ncodes, ncp, i % 2);

		t0 = clock_ns();
		agree_state_add_coding(st, &c);
		unitize_code(st, c.code);
		upd[2 * i] = clock_ns() - t0;
		t0 = clock_ns();
		if (agree_state_remove_coding(st, &c) != 0)
			fatal("bench: remove failed");
		unitize_code(st, c.code);
		upd[2 * i + 1] = clock_ns() - t0;
	}
	qsort(upd, 2 * UPDATES, sizeof *upd, cmp_u64);
	printf("  update + alpha_U of its code: median %7.2f us, p95 %7.2f us  "
	    "(target <= 1 ms)\n", (double)upd[UPDATES] / 1e3,
	    (double)upd[2 * UPDATES * 95 / 100] / 1e3);
	t0 = clock_ns();
	{
		struct agree_useg_set us;
		struct agree_unitize u;

		agree_state_usegs(st, -1, &us);
		agree_unitize(&us, &u);
		printf("  alpha_U of every code: %9.2f ms (overall %.3f)\n",
		    (double)(clock_ns() - t0) / 1e6, u.alpha.why ? NAN : u.alpha.v);
		agree_unitize_free(&u);
		{
			struct agree_ualpha ua;

			t0 = clock_ns();
			agree_ualpha(&us, &ua);
			printf("  u-alpha of all codes: %9.2f ms (%s)\n",
			    (double)(clock_ns() - t0) / 1e6, ua.u.why ? ua.u.why : "defined");
		}
		agree_useg_free(&us);
	}

	/* The same units for scikit-learn: per code, A's and B's presence vectors. */
	if (mkdtemp(dir) == NULL)
		fatal("bench: mkdtemp failed");
	path = xasprintf("%s/units.bin", dir);
	f = fopen(path, "wb");
	if (f == NULL)
		fatal("bench: cannot write %s", path);
	{
		uint8_t *v = xcalloc(2 * (size_t)units * ncodes, 1);
		int64_t *off = xcalloc(ndocs + 1, sizeof *off);

		for (i = 0; i < ndocs; i++)
			off[i + 1] = off[i] + agree_state_units(st, i);
		/* The engine's own segmenter, so both sides see the same units. */
		struct agree_seg *sg = xcalloc(ndocs, sizeof *sg);

		for (i = 0; i < ndocs; i++)
			agree_seg_build(&docs[i], AGREE_UNIT_PARAGRAPH, false, &sg[i]);
		for (i = 0; i < 2 * per; i++) {
			uint32_t lo, hi, u;

			agree_seg_range(&sg[cod[i].doc], AGREE_UNIT_PARAGRAPH, cod[i].start,
			    cod[i].end, &lo, &hi);
			for (u = lo; u < hi; u++)
				v[((size_t)cod[i].code * 2 + cod[i].coder) * (size_t)units +
				    (size_t)(off[cod[i].doc] + u)] = 1;
		}
		for (i = 0; i < ndocs; i++)
			agree_seg_free(&sg[i]);
		free(sg);
		fwrite(v, 1, 2 * (size_t)units * ncodes, f);
		free(v);
		free(off);
	}
	fclose(f);
	cmd = xasprintf("%s - '%s' %lld %u <<'EOF'\n"
	    "import sys, time, warnings\n"
	    "import numpy as np\n"
	    "from sklearn.metrics import cohen_kappa_score\n"
	    "warnings.simplefilter('ignore')\n"
	    "d, n, k = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])\n"
	    "v = np.fromfile(d + '/units.bin', dtype=np.uint8).reshape(k, 2, n)\n"
	    "t = time.perf_counter()\n"
	    "out = [cohen_kappa_score(v[x, 0], v[x, 1]) for x in range(k)]\n"
	    "t = time.perf_counter() - t\n"
	    "with open(d + '/kappa.txt', 'w') as f:\n"
	    "    f.write('%%r\\n' %% t)\n"
	    "    f.writelines('%%r\\n' %% x for x in out)\n"
	    "EOF\n", py, dir, (long long)units, ncodes);
	/* AXIAL_BENCH_NO_SKLEARN: minutes at 10x, and not what is measured */
	r = getenv("AXIAL_BENCH_NO_SKLEARN") != NULL ? -1 : system(cmd);
	free(cmd);
	free(path);
	path = xasprintf("%s/kappa.txt", dir);
	if (r == 0 && (f = fopen(path, "r")) != NULL) {
		if (fscanf(f, "%lf", &sk_s) != 1)
			sk_s = -1;
		for (x = 0; x < ncodes; x++) {
			double k;

			if (fscanf(f, "%lf", &k) != 1)
				break;
			compared++;
			if (isnan(k) != isnan(kap[x]))
				maxdiff = INFINITY;
			else if (!isnan(k)) {
				ndef++;
				if (fabs(k - kap[x]) > maxdiff)
					maxdiff = fabs(k - kap[x]);
			}
		}
		fclose(f);
	}
	if (sk_s > 0) {
		printf("  scikit-learn cohen_kappa_score, same %u x %lld units: %9.1f ms\n",
		    ncodes, (long long)units, sk_s * 1e3);
		printf("  ratio: axial %.0fx faster than scikit-learn  (target >= 20x)\n",
		    sk_s * 1e9 / (double)runs[RUNS / 2]);
		printf("  kappas compared: %u codes (%u defined), max |axial - sklearn| = %.3g\n",
		    compared, ndef, maxdiff);
	} else if (getenv("AXIAL_BENCH_NO_SKLEARN") != NULL) {
		printf("  scikit-learn: skipped (AXIAL_BENCH_NO_SKLEARN); no ratio\n");
	} else {
		printf("  scikit-learn: not available (%s with sklearn); no ratio\n", py);
	}
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "bench-agree: could not remove %s\n", dir);
	free(cmd);
	free(path);
	agree_state_free(st);
	bench_four(docs, ndocs, ncodes, ncp, cod, per, &seed);
	bench_project();

	/* The other per-code modes on the same input: build and recompute. */
	{
		static const enum agree_unit modes[] = { AGREE_UNIT_SENTENCE,
		    AGREE_UNIT_CHAR, AGREE_UNIT_DOCUMENT, AGREE_UNIT_OVERLAP };
		size_t mi;

		for (mi = 0; mi < AX_ARRAY_LEN(modes); mi++) {
			struct agree_config c2 = { .unit = modes[mi], .ncoders = 2 };
			uint64_t b0 = clock_ns(), b1;

			st = agree_state_new(&c2, docs, ndocs, ncodes, NULL, 0);
			for (i = 0; i < 2 * per; i++)
				agree_state_add_coding(st, &cod[i]);
			b1 = clock_ns();
			for (r = 0; r < 5; r++) {
				t0 = clock_ns();
				agree_state_recount(st);
				runs[r] = clock_ns() - t0;
			}
			qsort(runs, 5, sizeof *runs, cmp_u64);
			printf("  %-9s %10lld units: build %7.1f ms, full recompute median %7.2f ms\n",
			    agree_unit_names[modes[mi]], (long long)agree_state_units(st, -1),
			    (double)(b1 - b0) / 1e6, (double)runs[2] / 1e6);
			agree_state_free(st);
		}
	}
	for (i = 0; i < ndocs; i++)
		free((char *)docs[i].text);
	free(docs);
	free(ncp);
	free(cod);
	free(kap);
	free(upd);
	return 0;
}
