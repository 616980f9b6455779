/*
 * bench-store.c: the project store on a large synthetic project.
 *
 *   300 interview documents of about 60 KB, Persian with English terms and
 *   numbers; a three-level tree of 400 codes; two coders with 60,000
 *   codings each. Measures import throughput, open time, listing one
 *   document's codings, one coding committed in its own transaction, the
 *   same commit while 8 processes commit at once, and peak memory. Reports
 *   medians (and p95 or p99 where the issue asks), because the machines are
 *   shared and noisy.
 *
 * usage: bench-store [DIR]   (default: $AXIAL_BENCH_DIR/store, else a temp
 * dir; the project is left in DIR as import2.axial)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/coder.h"
#include "store/codetree.h"
#include "store/coding.h"
#include "store/document.h"
#include "store/project.h"
#include "base/util.h"
#include "synth.h"

#ifndef NWRITERS
#define NWRITERS 8
#endif
#define LOAD_COMMITS 300	/* per writer */

/*
 * One writer of the load: its own coder and connection, ready on a pipe,
 * then LOAD_COMMITS codings back to back, each its own action, the clock
 * before and after each into t[2k], t[2k + 1] (shared with the parent).
 */
static int
load_writer(const char *path, int w, const int64_t *docid, const int64_t *nchars,
    const int64_t *codes, int ready, int go, uint64_t *t)
{
	struct project *p;
	char as[32], c = 0;
	int k;

	snprintf(as, sizeof as, "writer-%d", w);
	if (project_open(path, 0, as, &p, NULL) != AX_OK)
		return 10;
	rng += (uint64_t)w * 0x9e3779b97f4a7c15u;
	if (write(ready, &c, 1) != 1 || read(go, &c, 1) != 0)
		return 11;
	for (k = 0; k < LOAD_COMMITS; k++) {
		size_t d = rnd() % NDOCS;
		int64_t start = rnd() % (uint32_t)(nchars[d] - 200), id;

		t[2 * k] = clock_ns();
		if (coding_add(p, docid[d], codes[rnd() % NCODES], start, start + 40,
		    &id) != AX_OK) {
			fprintf(stderr, "%s: commit %d: %s\n", as, k, project_errmsg(p));
			return 12;
		}
		t[2 * k + 1] = clock_ns();
	}
	project_close(p);
	return 0;
}

/* How many of the sorted ends[0..n) fall before t. */
static size_t
count_before(const uint64_t *ends, size_t n, uint64_t t)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ends[mid] < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Commit latency under load: NWRITERS processes (a research team's coders
 * on one host) start together and each commits LOAD_COMMITS codings back
 * to back, the worst case of everyone coding at once. Every commit's time,
 * lock wait included: median and p99 over all of them. And the turns each
 * waited (commits of others that ended while it waited), which does not
 * depend on the disk: served in order, each waits NWRITERS - 1 turns.
 */
static void
load_commits(const char *path, const int64_t *docid, const int64_t *nchars,
    const int64_t *codes)
{
	size_t n = (size_t)NWRITERS * LOAD_COMMITS, i;
	uint64_t *t, *lat = xcalloc(n, sizeof *lat), *ends = xcalloc(n, sizeof *ends);
	uint64_t *turns = xcalloc(n, sizeof *turns), t0;
	double med;
	struct project *p;
	pid_t pids[NWRITERS];
	int ready[2], go[2], w, st, failed = 0;
	char c;

	if (project_open(path, 0, NULL, &p, NULL) != AX_OK)
		fatal("open");
	for (w = 0; w < NWRITERS; w++) {
		char as[32];

		snprintf(as, sizeof as, "writer-%d", w);
		die_if(p, coder_add(p, as, NULL, NULL, project_account(p)), "coder");
	}
	project_close(p);
	t = mmap(NULL, 2 * n * sizeof *t, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (t == MAP_FAILED || pipe(ready) != 0 || pipe(go) != 0)
		fatal("mmap or pipe");
	for (w = 0; w < NWRITERS; w++) {
		if ((pids[w] = fork()) < 0)
			fatal("fork");
		if (pids[w] == 0) {
			close(ready[0]);
			close(go[1]);
			_exit(load_writer(path, w, docid, nchars, codes, ready[1], go[0],
			    t + 2 * (size_t)w * LOAD_COMMITS));
		}
	}
	close(ready[1]);
	close(go[0]);
	for (w = 0; w < NWRITERS && read(ready[0], &c, 1) == 1; w++)
		;
	t0 = clock_ns();
	close(go[1]);		/* all open: go */
	close(ready[0]);
	for (w = 0; w < NWRITERS; w++)
		if (waitpid(pids[w], &st, 0) != pids[w] || !WIFEXITED(st) ||
		    WEXITSTATUS(st) != 0)
			failed++;
	t0 = clock_ns() - t0;
	if (failed)
		fatal("commit latency: %d of %d writers failed", failed, NWRITERS);
	for (i = 0; i < n; i++) {
		lat[i] = t[2 * i + 1] - t[2 * i];
		ends[i] = t[2 * i + 1];
	}
	qsort(ends, n, sizeof *ends, cmp_u64);
	for (i = 0; i < n; i++)	/* ends after its start, before its own */
		turns[i] = count_before(ends, n, t[2 * i + 1]) -
		    count_before(ends, n, t[2 * i] + 1);
	med = pct(lat, n, 0.5);		/* sorts lat */
	printf("store: commit latency, %d writers: median %.1f ms, p99 %.1f ms, "
	    "max %.0f ms (target p99 <= 50 ms); %d x %d commits in %.1f s\n",
	    NWRITERS, med / 1e6, pct(lat, n, 0.99) / 1e6, (double)lat[n - 1] / 1e6,
	    NWRITERS, LOAD_COMMITS, (double)t0 / 1e9);
	med = pct(turns, n, 0.5);
	printf("store: turns a commit waited, %d writers: median %.0f, p99 %.0f, "
	    "max %.0f (%d: first come, first served)\n", NWRITERS, med,
	    pct(turns, n, 0.99), (double)turns[n - 1], NWRITERS - 1);
	munmap(t, 2 * n * sizeof *t);
	free(turns);
	free(ends);
	free(lat);
}

int
main(int argc, char **argv)
{
	char *dir, *path, **docs;
	size_t *lens, total = 0, i;
	struct project *p;
	int64_t docid[NDOCS], nchars[NDOCS], codes[NCODES], coder_ids[2];
	uint64_t t0, imp[3], opens[21], lists[200], commits[200];
	int run;
	struct rusage ru;

	if (argc > 1 || getenv("AXIAL_BENCH_DIR") != NULL) {
		dir = argc > 1 ? xstrdup(argv[1]) :
		    xasprintf("%s/store", getenv("AXIAL_BENCH_DIR"));
		mkdir(dir, 0777);	/* may exist */
	} else {
		dir = xstrdup("/tmp/axial-bench.XXXXXX");
		if (mkdtemp(dir) == NULL)
			fatal("mkdtemp");
	}
	docs = xcalloc(NDOCS, sizeof *docs);
	lens = xcalloc(NDOCS, sizeof *lens);
	for (i = 0; i < NDOCS; i++) {
		docs[i] = make_doc(DOC_BYTES, &lens[i]);
		total += lens[i];
	}

	/* 1. import throughput: all documents in one action, as `axial import
	 * p *.txt` does; three fresh projects, median */
	for (run = 0; run < 3; run++) {
		path = xasprintf("%s/import%d.axial", dir, run);
		unlink(path);
		if (project_open(path, PROJECT_CREATE, NULL, &p, NULL) != AX_OK)
			fatal("create %s", path);
		t0 = clock_ns();
		synth_import(p, docs, lens, docid);
		imp[run] = clock_ns() - t0;
		if (run < 2) {
			project_close(p);
			unlink(path);
		}
		free(path);
	}
	qsort(imp, 3, sizeof *imp, cmp_u64);
	printf("store: import %zu documents, %.1f MB: median %.0f ms = %.1f MB/s "
	    "(target >= 20 MB/s)\n", (size_t)NDOCS, (double)total / 1e6,
	    (double)imp[1] / 1e6, (double)total / 1e6 / ((double)imp[1] / 1e9));

	/* the tree: 8 main categories (6 with roles) x 5 sub-categories x 10 codes */
	synth_tree(p, codes);
	synth_nchars(p, docid, nchars);
	path = xstrdup(project_path(p));
	project_close(p);

	/* the codings, each coder through their own connection */
	t0 = clock_ns();
	synth_codings(path, docid, nchars, codes, coder_ids);
	printf("store: generated 2 x %d codings in %.1f s (setup, not a target)\n",
	    CODINGS_PER_CODER, (double)(clock_ns() - t0) / 1e9);

	/* 2. open time, whatever the size: open + first query of the tree's
	 * roots is what the UI needs before its first frame */
	for (run = 0; run < 21; run++) {
		t0 = clock_ns();
		if (project_open(path, 0, NULL, &p, NULL) != AX_OK)
			fatal("open");
		opens[run] = clock_ns() - t0;
		project_close(p);
	}
	printf("store: open a %zu-document, %d-coding project: median %.2f ms, "
	    "p95 %.2f ms (target <= 20 ms)\n", NDOCS, 2 * CODINGS_PER_CODER,
	    pct(opens, 21, 0.5) / 1e6, pct(opens, 21, 0.95) / 1e6);

	/* 3. one document's codings */
	if (project_open(path, 0, "coder-a", &p, NULL) != AX_OK)
		fatal("open");
	for (run = 0; run < 200; run++) {
		struct coding_filter f = {docid[rnd() % NDOCS], 0, 0};
		struct coding *v;
		size_t n;

		t0 = clock_ns();
		die_if(p, coding_list(p, &f, &v, &n), "list");
		lists[run] = clock_ns() - t0;
		free(v);
	}
	printf("store: list one document's codings (~%zu): median %.3f ms, p95 %.3f ms "
	    "(target <= 1 ms)\n", 2 * CODINGS_PER_CODER / NDOCS,
	    pct(lists, 200, 0.5) / 1e6, pct(lists, 200, 0.95) / 1e6);

	/* 4. one coding, its own transaction (synchronous=FULL: durable) */
	for (run = 0; run < 200; run++) {
		size_t d = rnd() % NDOCS;
		int64_t start = rnd() % (uint32_t)(nchars[d] - 200), id;

		t0 = clock_ns();
		die_if(p, coding_add(p, docid[d], codes[rnd() % NCODES], start, start + 40,
		    &id), "commit one");
		commits[run] = clock_ns() - t0;
	}
	printf("store: commit one coding: median %.3f ms, p95 %.3f ms "
	    "(target median <= 2 ms)\n", pct(commits, 200, 0.5) / 1e6,
	    pct(commits, 200, 0.95) / 1e6);
	project_close(p);

	/* 5. the same commit, 8 processes committing at once */
	load_commits(path, docid, nchars, codes);

	getrusage(RUSAGE_SELF, &ru);
	printf("store: peak memory %.1f MB (the benchmark holds all %.1f MB of "
	    "generated text itself)\n", (double)ru.ru_maxrss / 1024.0,
	    (double)total / 1e6);
	for (i = 0; i < NDOCS; i++)
		free(docs[i]);
	free(docs);
	free(lens);
	free(path);
	free(dir);
	return 0;
}
