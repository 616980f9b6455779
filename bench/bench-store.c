/*
 * bench-store.c: the project store on a large synthetic project.
 *
 *   300 interview documents of about 60 KB, Persian with English terms and
 *   numbers; a three-level tree of 400 codes; two coders with 60,000
 *   codings each. Measures import throughput, open time, listing one
 *   document's codings, one coding committed in its own transaction, and
 *   peak memory. Reports medians (and p95 where the issue asks), because
 *   the machines are shared and noisy.
 *
 * usage: bench-store [DIR]   (default: $AXIAL_BENCH_DIR/store, else a temp
 * dir; the project is left in DIR as import2.axial)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "axial/coder.h"
#include "axial/codetree.h"
#include "axial/coding.h"
#include "axial/document.h"
#include "axial/project.h"
#include "axial/util.h"
#include "synth.h"

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
	printf("store: open a %d-document, %d-coding project: median %.2f ms, "
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
	printf("store: list one document's codings (~%d): median %.3f ms, p95 %.3f ms "
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
