/*
 * bench-import.c: importing a REFI-QDA codebook of 100,000 codes.
 *
 *   500 categories of 100 codes each (every other code with a description,
 *   each category with a colour), then 50,000 codes at the top level, as
 *   flat codebooks (Taguette's) have them: 100,000 codes, 500 categories,
 *   written here as a .qdc. Each run imports it into a fresh project the
 *   way `axial import P FILE.qdc` does (one action, committed durably) and
 *   the median of five is reported, with the median CPU time beside it
 *   (the machines are shared). Before the import became linear,
 *   20,000 codes took 23 to 70 s and 100,000 did not finish in 25 minutes.
 *
 * usage: bench-import [DIR]   (default: $AXIAL_BENCH_DIR/import, else a
 * temp dir)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exchange/exchange.h"
#include "store/project.h"
#include "base/textin.h"
#include "base/util.h"
#include "synth.h"

#define NCATS 500
#define PER_CAT 100
#define NFLAT 50000
#define NRUNS 5

/* User and system time of this process: on a shared machine the wall
 * clock also counts the other processes' turns. */
static uint64_t
cpu_ns(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (uint64_t)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000000u +
	    (uint64_t)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1000u;
}

/* GUIDs from a counter: distinct, and stable from run to run. */
static void
guid(struct buf *b, unsigned long n)
{
	buf_printf(b, "%08lx-%04lx-4%03lx-8%03lx-%012lx", n * 2654435761ul &
	    0xfffffffful, n & 0xffff, (n >> 16) & 0xfff, n & 0xfff, n);
}

static char *
make_qdc(size_t *len)
{
	struct buf b = {0};
	unsigned long n = 0;
	int c, k;

	buf_puts(&b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<CodeBook "
	    "xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"bench-import\"><Codes>\n");
	for (c = 0; c < NCATS; c++) {
		buf_puts(&b, "<Code guid=\"");
		guid(&b, ++n);
		buf_printf(&b, "\" name=\"category %d\" isCodable=\"false\" "
		    "color=\"#%06x\">\n", c, (unsigned)(rnd() & 0xffffff));
		for (k = 0; k < PER_CAT; k++) {
			buf_puts(&b, "<Code guid=\"");
			guid(&b, ++n);
			buf_printf(&b, "\" name=\"%s %d.%d\" isCodable=\"true\">",
			    words[rnd() % AX_ARRAY_LEN(words)], c, k);
			if (k % 2)
				buf_printf(&b, "<Description>%s %s, as coded in "
				    "interview %d</Description>", words[rnd() %
				    AX_ARRAY_LEN(words)], words[rnd() %
				    AX_ARRAY_LEN(words)], k);
			buf_puts(&b, "</Code>\n");
		}
		buf_puts(&b, "</Code>\n");
	}
	for (k = 0; k < NFLAT; k++) {
		buf_puts(&b, "<Code guid=\"");
		guid(&b, ++n);
		buf_printf(&b, "\" name=\"%s %d\" isCodable=\"true\"/>\n",
		    words[rnd() % AX_ARRAY_LEN(words)], k);
	}
	buf_puts(&b, "</Codes></CodeBook>\n");
	*len = b.len;
	return buf_take(&b);
}

int
main(int argc, char **argv)
{
	char *dir, *qdc, *data, *err = NULL;
	size_t len;
	uint64_t t0, c0, runs[NRUNS], cpu[NRUNS];
	struct refi_stats st;
	struct project *p;
	struct rusage ru;
	double median;
	int run;

	if (argc > 1 || getenv("AXIAL_BENCH_DIR") != NULL) {
		dir = argc > 1 ? xstrdup(argv[1]) :
		    xasprintf("%s/import", getenv("AXIAL_BENCH_DIR"));
		mkdir(dir, 0777);	/* may exist */
	} else {
		dir = xstrdup("/tmp/axial-bench.XXXXXX");
		if (mkdtemp(dir) == NULL)
			fatal("mkdtemp");
	}
	qdc = xasprintf("%s/codebook.qdc", dir);
	data = make_qdc(&len);
	if (file_write_atomic(qdc, data, len) != 0)
		fatal("%s: cannot write", qdc);
	free(data);

	for (run = 0; run < NRUNS; run++) {
		char *path = xasprintf("%s/qdc%d.axial", dir, run);

		unlink(path);
		if (project_open(path, PROJECT_CREATE, NULL, &p, NULL) != AX_OK)
			fatal("create %s", path);
		c0 = cpu_ns();
		t0 = clock_ns();
		die_if(p, project_begin(p, "import"), "begin");
		if (refi_import(p, qdc, TEXTIN_MAX_SIZE, &st, &err) != AX_OK)
			fatal("%s: %s", qdc, err);
		die_if(p, project_commit(p), "commit");
		runs[run] = clock_ns() - t0;
		cpu[run] = cpu_ns() - c0;
		if (st.codes != NCATS * PER_CAT + NFLAT || st.categories != NCATS)
			fatal("imported %lld codes and %lld categories",
			    (long long)st.codes, (long long)st.categories);
		refi_stats_done(&st);
		project_close(p);
		unlink(path);
		free(path);
	}
	median = pct(runs, NRUNS, 0.5);	/* sorts runs */
	printf("import: .qdc of 100,000 codes (%d in %d categories, %d flat; "
	    "%.1f MB): median %.2f s, fastest %.2f s, slowest %.2f s (target "
	    "< 3 s); CPU median %.2f s\n", NCATS * PER_CAT, NCATS, NFLAT,
	    (double)len / 1e6, median / 1e9, (double)runs[0] / 1e9,
	    (double)runs[NRUNS - 1] / 1e9, pct(cpu, NRUNS, 0.5) / 1e9);
	getrusage(RUSAGE_SELF, &ru);
	printf("import: peak memory %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
	unlink(qdc);
	rmdir(dir);
	free(qdc);
	free(dir);
	return 0;
}
