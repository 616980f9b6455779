/*
 * bench-similar.c: similar segments (stats/similar.h) on the benchmark
 * project's documents (bench/synth.h: 300 documents, about 18 MB):
 *
 *   1. building the model from every document (what the workbench does
 *      on the first s of a session, and `axial similar` on every run):
 *      median of 3;
 *   2. one query: a random span of 50-200 code points, the paragraphs
 *      coded with its code left out, top 10: median and p95 of 50;
 *   3. bringing the model up to date after one more document is imported.
 *
 * usage: bench-similar [DIR]  (default: $AXIAL_BENCH_DIR/similar, else a
 * temporary directory). Targets: build <= 3 s, query <= 100 ms median.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "stats/similar.h"
#include "store/coder.h"
#include "store/codetree.h"
#include "store/coding.h"
#include "store/document.h"
#include "store/project.h"
#include "base/util.h"
#include "synth.h"

int
main(int argc, char **argv)
{
	char **docs = xcalloc(NDOCS, sizeof *docs), *dir, *path, *extra;
	size_t *lens = xcalloc(NDOCS, sizeof *lens), i, total = 0, n, nw, elen;
	int64_t docid[NDOCS], nchars[NDOCS], codes[NCODES], me, id, x;
	uint64_t builds[3], q[50], t0;
	clock_t c0, cpu = 0;
	struct an_similar *m = NULL;
	struct an_similar_hit *h;
	struct project *p;

	if (argc > 1 || getenv("AXIAL_BENCH_DIR") != NULL) {
		dir = argc > 1 ? xstrdup(argv[1]) :
		    xasprintf("%s/similar", getenv("AXIAL_BENCH_DIR"));
		mkdir(dir, 0777);	/* may exist */
	} else {
		dir = xstrdup("/tmp/axial-bench.XXXXXX");
		if (mkdtemp(dir) == NULL)
			fatal("mkdtemp");
	}
	for (i = 0; i < NDOCS; i++) {
		docs[i] = make_doc(DOC_BYTES, &lens[i]);
		total += lens[i];
	}
	path = xasprintf("%s/similar.axial", dir);
	unlink(path);
	if (project_open(path, PROJECT_CREATE, NULL, &p, NULL) != AX_OK)
		fatal("create %s", path);
	synth_import(p, docs, lens, docid);
	synth_tree(p, codes);
	synth_nchars(p, docid, nchars);
	/* 1,000 codings of the first code: the paragraphs to leave out */
	die_if(p, project_begin(p, "bulk"), "begin");
	for (i = 0; i < 1000; i++) {
		size_t d = rnd() % NDOCS;
		int64_t s = rnd() % (uint32_t)(nchars[d] - 200);

		die_if(p, coding_add(p, docid[d], codes[0], s, s + 50, &id), "tag");
	}
	die_if(p, project_commit(p), "commit");
	die_if(p, coder_find(p, project_coder_login(p), &me), "coder");

	for (i = 0; i < 3; i++) {
		an_similar_free(m);
		t0 = clock_ns();
		c0 = clock();
		m = an_similar_new();
		die_if(p, an_similar_sync(m, p), "sync");
		builds[i] = clock_ns() - t0;
		cpu += clock() - c0;
	}
	printf("similar: build the model of %zu documents, %.1f MB (%zu "
	    "paragraphs, %zu words): median %.0f ms, CPU %.0f ms a build "
	    "(target <= 3000 ms)\n", NDOCS, (double)total / 1e6,
	    an_similar_units(m), an_similar_terms(m), pct(builds, 3, 0.5) / 1e6,
	    (double)cpu / CLOCKS_PER_SEC * 1e3 / 3);

	for (i = 0; i < 50; i++) {
		size_t d = rnd() % NDOCS;
		int64_t s = rnd() % (uint32_t)(nchars[d] - 250);

		x = s + 50 + rnd() % 150;
		t0 = clock_ns();
		die_if(p, an_similar_query(m, p, docid[d], s, x, codes[0], me, 10,
		    &h, &n, &nw), "query");
		q[i] = clock_ns() - t0;
		free(h);
	}
	printf("similar: one query, top 10, coded paragraphs left out: median "
	    "%.1f ms, p95 %.1f ms (target <= 100 ms median)\n",
	    pct(q, 50, 0.5) / 1e6, pct(q, 50, 0.95) / 1e6);

	extra = make_doc(DOC_BYTES, &elen);
	die_if(p, doc_import(p, "interview-extra", extra, elen, "extra", &id),
	    "import");
	t0 = clock_ns();
	die_if(p, an_similar_sync(m, p), "sync");
	printf("similar: bring the model up to date after one import: %.1f ms\n",
	    (double)(clock_ns() - t0) / 1e6);

	an_similar_free(m);
	project_close(p);
	unlink(path);
	for (i = 0; i < NDOCS; i++)
		free(docs[i]);
	free(docs);
	free(lens);
	free(extra);
	free(path);
	if (argc < 2 && getenv("AXIAL_BENCH_DIR") == NULL)
		rmdir(dir);
	free(dir);
	return 0;
}
