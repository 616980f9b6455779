/*
 * synth.h: the large synthetic project shared by the benchmarks (a header
 * of static functions, because every bench program is one .c file).
 *
 *   300 interview documents of about 60 KB, Persian with English terms and
 *   numbers; a three-level tree of 400 codes (8 categories, 6 with paradigm
 *   roles, x 5 sub-categories x 10 codes); two coders (coder-a, coder-b,
 *   tied to the running account) with 60,000 random codings each.
 *
 * The generator is deterministic (a fixed xorshift seed), so every run and
 * every benchmark sees the same project.
 *
 * AXIAL_BENCH_SCALE=N (1 to 100) multiplies the documents and the codings
 * by N; the tree stays 400 codes, as a larger study keeps its codebook.
 */
#ifndef AXIAL_BENCH_SYNTH_H
#define AXIAL_BENCH_SYNTH_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/coder.h"
#include "store/codetree.h"
#include "store/coding.h"
#include "store/document.h"
#include "store/project.h"
#include "base/util.h"

/* Each benchmark uses some of these. */
#define SYNTH static __attribute__((unused))

/* The scale factor from AXIAL_BENCH_SCALE; 1 when unset or out of range. */
SYNTH int
synth_scale(void)
{
	const char *s = getenv("AXIAL_BENCH_SCALE");
	long v = s != NULL ? strtol(s, NULL, 10) : 1;

	return v >= 1 && v <= 100 ? (int)v : 1;
}

#define NDOCS ((size_t)300 * (size_t)synth_scale())
#define DOC_BYTES 60000
#define NCODES 400
#define CODINGS_PER_CODER (60000 * synth_scale())

static uint64_t rng = 0x9e3779b97f4a7c15u;

SYNTH uint32_t
rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 11);
}

static const char *const words[] = {
	"سامانه‌ها", "یکپارچه", "نیستند", "شهرداری", "خدمات", "الکترونیک", "مدیران",
	"کارشناسان", "در", "و", "به", "از", "که", "این", "با", "را", "است",
	"می‌شود", "داده", "شهروندان", "پرونده", "فرایند", "ICT", "API", "ERP",
	"G2C", "dashboard", "KPI", "۱۴۰۲", "۳۵٪", "2019", "3.5%", "(مثلاً)", "«پنجره",
	"واحد»", "هماهنگی", "بودجه", "قانون", "نرم‌افزار", "شبکه", "the", "system",
};

/* One document: speaker turns of 200-600 bytes, about `bytes` long. */
SYNTH char *
make_doc(size_t bytes, size_t *len)
{
	struct buf b = {0};
	int turn = 0;

	while (b.len < bytes) {
		size_t end = b.len + 200 + rnd() % 400;

		buf_puts(&b, turn++ % 2 ? "مصاحبه‌شونده: " : "پرسشگر: ");
		while (b.len < end) {
			buf_puts(&b, words[rnd() % AX_ARRAY_LEN(words)]);
			buf_putc(&b, ' ');
		}
		buf_putc(&b, '\n');
	}
	*len = b.len;
	return buf_take(&b);
}

SYNTH int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

SYNTH double
pct(uint64_t *v, size_t n, double q)
{
	qsort(v, n, sizeof *v, cmp_u64);
	return (double)v[(size_t)(q * (double)(n - 1) + 0.5)];
}

SYNTH void
die_if(struct project *p, enum ax_status s, const char *what)
{
	if (s != AX_OK)
		fatal("%s: %s", what, project_errmsg(p));
}

/* Imports docs[0..NDOCS) as interview-0001... in one action. */
SYNTH void
synth_import(struct project *p, char **docs, const size_t *lens,
    int64_t *docid)
{
	size_t i;

	die_if(p, project_begin(p, "import"), "begin");
	for (i = 0; i < NDOCS; i++) {
		char name[32];

		snprintf(name, sizeof name, "interview-%04zu", i + 1);
		die_if(p, doc_import(p, name, docs[i], lens[i], name, &docid[i]),
		    "import");
	}
	die_if(p, project_commit(p), "commit");
}

/* The tree and the two coders; codes[] gets the NCODES code ids. */
SYNTH void
synth_tree(struct project *p, int64_t *codes)
{
	int c, ncodes = 0;

	die_if(p, project_begin(p, "tree"), "begin");
	for (c = 0; c < 8 && ncodes < NCODES; c++) {
		int64_t main_id, sub;
		char name[64];
		int s, k;

		snprintf(name, sizeof name, "مقوله اصلی %d", c + 1);
		die_if(p, codetree_add(p, 0, NODE_CATEGORY, name, &main_id), "cat");
		if (c < 6)
			die_if(p, codetree_set_role(p, main_id, (enum paradigm_role)(c + 1)), "role");
		for (s = 0; s < 5; s++) {
			snprintf(name, sizeof name, "زیرمقوله %d.%d", c + 1, s + 1);
			die_if(p, codetree_add(p, main_id, NODE_CATEGORY, name, &sub), "sub");
			for (k = 0; k < 10 && ncodes < NCODES; k++) {
				snprintf(name, sizeof name, "کد %d.%d.%d", c + 1, s + 1, k + 1);
				die_if(p, codetree_add(p, sub, NODE_CODE, name, &codes[ncodes++]),
				    "code");
			}
		}
	}
	die_if(p, coder_add(p, "coder-a", NULL, NULL, project_account(p)), "coder");
	die_if(p, coder_add(p, "coder-b", NULL, NULL, project_account(p)), "coder");
	die_if(p, project_commit(p), "commit");
}

/* CODINGS_PER_CODER random codings per coder, each coder through their
 * own connection to the project at path. */
SYNTH void
synth_codings(const char *path, const int64_t *docid, const int64_t *nchars,
    const int64_t *codes, int64_t *coder_ids)
{
	struct project *p;
	int c, k;

	for (c = 0; c < 2; c++) {
		if (project_open(path, 0, c ? "coder-b" : "coder-a", &p, NULL) != AX_OK)
			fatal("open %s as a coder", path);
		die_if(p, project_begin(p, "bulk"), "begin");
		for (k = 0; k < CODINGS_PER_CODER; k++) {
			size_t d = rnd() % NDOCS;
			int64_t start = rnd() % (uint32_t)(nchars[d] - 200);
			int64_t id;

			die_if(p, coding_add(p, docid[d], codes[rnd() % NCODES], start,
			    start + 10 + rnd() % 150, &id), "coding");
		}
		die_if(p, project_commit(p), "commit");
		if (coder_ids != NULL)
			coder_find(p, c ? "coder-b" : "coder-a", &coder_ids[c]);
		project_close(p);
	}
}

/* The character counts of the imported documents. */
SYNTH void
synth_nchars(struct project *p, const int64_t *docid, int64_t *nchars)
{
	size_t i;

	for (i = 0; i < NDOCS; i++) {
		struct doc_info d;

		die_if(p, doc_get(p, docid[i], &d), "doc");
		nchars[i] = d.nchars;
		doc_info_done(&d);
	}
}

/* The project without its codings, created at path (which must not
 * exist): the documents, the tree and the coders. docid and nchars get
 * NDOCS entries, codes NCODES; synth_codings then adds the codings (the
 * generator's state carries on, so base then codings is synth_project). */
SYNTH void
synth_base(const char *path, int64_t *docid, int64_t *nchars, int64_t *codes)
{
	char **docs = xcalloc(NDOCS, sizeof *docs);
	size_t *lens = xcalloc(NDOCS, sizeof *lens), i;
	struct project *p;

	for (i = 0; i < NDOCS; i++)
		docs[i] = make_doc(DOC_BYTES, &lens[i]);
	if (project_open(path, PROJECT_CREATE, NULL, &p, NULL) != AX_OK)
		fatal("create %s", path);
	synth_import(p, docs, lens, docid);
	synth_tree(p, codes);
	synth_nchars(p, docid, nchars);
	project_close(p);
	for (i = 0; i < NDOCS; i++)
		free(docs[i]);
	free(docs);
	free(lens);
}

/* The whole project, created at path (which must not exist). */
SYNTH void
synth_project(const char *path)
{
	int64_t *docid = xcalloc(NDOCS, sizeof *docid);
	int64_t *nchars = xcalloc(NDOCS, sizeof *nchars), codes[NCODES];

	synth_base(path, docid, nchars, codes);
	synth_codings(path, docid, nchars, codes, NULL);
	free(docid);
	free(nchars);
}

/* Runs fn(arg) in a child process and waits for it to succeed. A child's
 * peak RSS (wait4's ru_maxrss) starts at its parent's resident size at
 * the fork and outlives exec, so a benchmark that generated its project
 * in its own process would charge the generator's memory to the axial it
 * runs next (bench-ui once printed 216 MB for a workbench of 22 MB). */
SYNTH void
synth_in_child(void (*fn)(void *), void *arg)
{
	pid_t pid;
	int status;

	fflush(NULL);
	if ((pid = fork()) < 0)
		fatal("fork");
	if (pid == 0) {
		fn(arg);
		fflush(NULL);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		fatal("generating the synthetic project failed");
}

#endif
