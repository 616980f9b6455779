/*
 * bench-search.c: search across documents (docs/search.md).
 *
 * On the benchmark project's documents (synth.h; AXIAL_BENCH_SCALE=10 makes
 * ten times as many, 3,000 documents of about 60 KB), a one-word search's
 * first screen of results (SCREEN hits, as the results view asks for),
 * median of RUNS, beside `grep -F -c` for the same word over the same
 * text in one file, in the same run. The target (issue 19): under 50 ms
 * at 10x.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "synth.h"
#include "store/search.h"

#define RUNS 15
#define SCREEN 50
#define WORD "شهرداری"

static bool
take(void *arg, const struct search_hit *h)
{
	size_t *n = arg;

	(void)h;
	return ++*n < SCREEN;
}

static bool
count_all(void *arg, const struct search_hit *h)
{
	(void)h;
	++*(size_t *)arg;
	return true;
}

int
main(void)
{
	const char *dir = getenv("AXIAL_BENCH_DIR");
	int scale = synth_scale();
	size_t ndocs = NDOCS, i, bytes = 0, n;
	char *path, *txt, *cmd;
	uint64_t ts[RUNS], tg[RUNS], t0;
	struct search_query q = {0};
	struct project *p;
	FILE *all;
	int r;

	if (dir == NULL)
		dir = "/tmp";
	path = xasprintf("%s/search-%dx.axial", dir, scale);
	txt = xasprintf("%s/search-%dx.txt", dir, scale);
	remove(path);
	if (project_open(path, PROJECT_CREATE, NULL, &p, NULL) != AX_OK ||
	    (all = fopen(txt, "w")) == NULL)
		fatal("create %s", path);
	t0 = clock_ns();
	die_if(p, project_begin(p, "import"), "begin");
	for (i = 0; i < ndocs; i++) {
		char name[32];
		size_t len;
		char *d = make_doc(DOC_BYTES, &len);
		int64_t id;

		snprintf(name, sizeof name, "interview-%04zu", i + 1);
		die_if(p, doc_import(p, name, d, len, name, &id), "import");
		fwrite(d, 1, len, all);
		bytes += len;
		free(d);
	}
	die_if(p, project_commit(p), "commit");
	fclose(all);
	printf("search: %zu documents, %.1f MB imported and indexed in %.1f s "
	    "(setup, not a target)\n", ndocs, (double)bytes / 1e6,
	    (double)(clock_ns() - t0) / 1e9);
	q.text = WORD;
	cmd = xasprintf("grep -F -c '%s' '%s' >/dev/null", WORD, txt);
	for (r = 0; r < RUNS; r++) {
		n = 0;
		t0 = clock_ns();
		die_if(p, search_run(p, &q, take, &n, NULL), "search");
		ts[r] = clock_ns() - t0;
		t0 = clock_ns();
		if (system(cmd) != 0)
			fatal("grep failed");
		tg[r] = clock_ns() - t0;
	}
	n = 0;
	t0 = clock_ns();
	die_if(p, search_run(p, &q, count_all, &n, NULL), "search");
	t0 = clock_ns() - t0;
	printf("search: one word, first screen (%d hits), %dx: median %.1f ms "
	    "(target < 50 ms at 10x); grep -F -c over the same %.1f MB: median "
	    "%.1f ms\n", SCREEN, scale, pct(ts, RUNS, 0.5) / 1e6,
	    (double)bytes / 1e6, pct(tg, RUNS, 0.5) / 1e6);
	printf("search: every hit (%zu), once: %.0f ms\n", n, (double)t0 / 1e6);
	project_close(p);
	remove(path);
	remove(txt);
	free(cmd);
	free(path);
	free(txt);
	return 0;
}
