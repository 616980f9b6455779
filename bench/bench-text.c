/*
 * bench-text.c: the text engine against GNU FriBidi's command-line tool.
 *
 *   1. writes a deterministic ~20 MB mixed Persian/English corpus;
 *   2. lays it out at width 80 with the engine in-process (every paragraph
 *      wrapped, reordered and turned into cells), with `axial cat --width
 *      80` as a process, and with `fribidi --width 80` on the same file,
 *      side by side; medians of several runs and the ratios, in wall
 *      time and in CPU time (steadier on a shared machine);
 *   3. the time to redraw one 50-line screen of a document already laid
 *      out: fetch each line's cells, copy glyphs as a UI would into
 *      cchar_t-like buffers, and compute a selection's runs (median).
 *
 * Environment: AXIAL (binary, default build/axial), BENCH_MB (size, 20),
 * BENCH_RUNS (5); BENCH_CORPUS=FILE only writes the corpus to FILE.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "text/text.h"
#include "base/util.h"

static uint32_t seed = 20261122;

static uint32_t
rnd(uint32_t n)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 8) % n;
}

static const char *const fa[] = {
	"من", "در", "این", "که", "را", "با", "از", "به", "هم", "یک", "ما",
	"مصاحبه", "پژوهش", "کیفی", "خانواده", "مدرسه", "بچه‌ها", "می‌خواهم",
	"نمی‌دانم", "گفتم", "کار", "سال", "شهر", "روستا", "آموزش", "معلم",
	"تجربه", "احساس", "زندگی", "سخت", "خیلی", "همیشه", "گاهی", "دوباره",
	"پدرم", "مادرم", "دانشگاه", "کلاس‌های", "آنلاین", "مشارکت", "بودجه",
	"داشتیم", "می‌کردیم", "نوشتم", "خواندم", "فکر", "حرف", "وقت", "اول",
};
static const char *const en[] = {
	"NGO", "UNICEF", "online", "workshop", "the", "project", "manager",
	"feedback", "WhatsApp", "Zoom", "COVID-19", "e-learning", "OK",
};
static const char *const num[] = {
	"۱۴۰۲", "۱۳۹۸", "۲۵٪", "۱۲٫۵", "3", "35%", "2020", "12/05", "٤٥", "۷",
};
static const char *const punct[] = {
	"،", ".", ":", "؟", "!", "؛",
};

static void
word(struct buf *b)
{
	uint32_t r = rnd(100);

	if (r < 72)
		buf_puts(b, fa[rnd(AX_ARRAY_LEN(fa))]);
	else if (r < 86)
		buf_puts(b, en[rnd(AX_ARRAY_LEN(en))]);
	else if (r < 94)
		buf_puts(b, num[rnd(AX_ARRAY_LEN(num))]);
	else if (r < 97) {
		buf_puts(b, "«");
		buf_puts(b, fa[rnd(AX_ARRAY_LEN(fa))]);
		buf_puts(b, "»");
	} else {
		buf_puts(b, "(");
		buf_puts(b, en[rnd(AX_ARRAY_LEN(en))]);
		buf_puts(b, ")");
	}
}

static char *
corpus(size_t bytes, size_t *len)
{
	struct buf b = { 0 };

	while (b.len < bytes) {
		size_t k, n = 20 + rnd(180);
		bool english = rnd(10) == 0;

		if (rnd(4) == 0)
			buf_puts(&b, english ? "Interviewer: " : "مصاحبه‌گر: ");
		for (k = 0; k < n; k++) {
			if (k > 0)
				buf_putc(&b, ' ');
			if (english)
				buf_puts(&b, en[rnd(AX_ARRAY_LEN(en))]);
			else
				word(&b);
			if (rnd(12) == 0)
				buf_puts(&b, punct[rnd(AX_ARRAY_LEN(punct))]);
		}
		buf_puts(&b, ".\n");
	}
	*len = b.len;
	return buf_take(&b);
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static double
median_ms(uint64_t *t, int n)
{
	qsort(t, (size_t)n, sizeof *t, cmp_u64);
	return (n % 2 ? (double)t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2.0) / 1e6;
}

static uint64_t
cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Runs argv with stdout to /dev/null; wall time in ns (0 on error) and its
 * CPU time in *cpu. */
static uint64_t
run(char *const argv[], uint64_t *cpu)
{
	uint64_t t0 = clock_ns();
	struct rusage ru;
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return 0;
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);

		dup2(fd, 1);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		return 0;
	*cpu = (uint64_t)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000000u +
	    (uint64_t)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1000u;
	return clock_ns() - t0;
}

/* The whole corpus through the engine, streaming as `axial cat` does. */
static uint64_t
engine(const char *text, size_t len, size_t *lines, uint64_t *cpu)
{
	uint64_t t0 = clock_ns(), c0 = cpu_ns();
	struct text_doc *d = text_doc_new(text, len);
	struct text_opts o;
	struct text_layout *l;
	size_t p, k, n = 0, sum = 0;

	text_opts_default(&o);
	l = text_layout_new(d, &o, 80);
	for (p = 0; p < text_doc_paragraphs(d); p++) {
		size_t nl = text_layout_para_lines(l, p);

		for (k = 0; k < nl; k++) {
			struct text_line ln;

			text_layout_para_line(l, p, k, &ln);
			sum += ln.ncells;
		}
		n += nl;
		text_layout_forget(l, p);
	}
	text_layout_free(l);
	text_doc_free(d);
	*lines = n + (sum == 0);
	*cpu = cpu_ns() - c0;
	return clock_ns() - t0;
}

/* One 50-line screen from line top, as the transcript pane would draw it. */
static size_t
redraw(struct text_layout *l, size_t top, size_t sel)
{
	wchar_t cell[8];
	struct text_run runs[16];
	size_t i, k, g, drawn = 0;

	for (i = top; i < top + 50; i++) {
		struct text_line ln;

		text_layout_line(l, i, &ln);
		for (k = 0; k < ln.ncells; k++) {
			const struct text_cell *c = &ln.cells[k];

			for (g = 0; g < c->nglyph && g < 7; g++)
				cell[g] = (wchar_t)ln.glyphs[c->glyph + g];
			cell[g] = 0;
			drawn += (size_t)cell[0] != 0;
		}
		drawn += text_layout_runs(l, i, sel, sel + 300, runs, 16);
	}
	return drawn;
}

int
main(void)
{
	const char *axial = getenv("AXIAL") ? getenv("AXIAL") : "build/axial";
	const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	int runs = getenv("BENCH_RUNS") ? atoi(getenv("BENCH_RUNS")) : 5;
	size_t mb = getenv("BENCH_MB") ? (size_t)atol(getenv("BENCH_MB")) : 20;
	uint64_t *te, *tc, *tf, *tr, *ce, *cc, *cf;
	size_t len, lines = 0, i, nl, small;
	char *text = corpus(mb << 20, &len), path[4096];
	struct text_doc *d;
	struct text_layout *l;
	struct text_opts o;
	FILE *f;
	int fd, r;
	volatile size_t sink = 0;

	if (runs < 1)
		runs = 1;
	if (getenv("BENCH_CORPUS") != NULL) {
		if ((f = fopen(getenv("BENCH_CORPUS"), "w")) == NULL ||
		    fwrite(text, 1, len, f) != len || fclose(f) != 0) {
			perror(getenv("BENCH_CORPUS"));
			return 1;
		}
		free(text);
		return 0;
	}
	snprintf(path, sizeof path, "%s/axial-bench-text.XXXXXX", tmp);
	if ((fd = mkstemp(path)) < 0 || (f = fdopen(fd, "w")) == NULL ||
	    fwrite(text, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		return 1;
	}
	te = xcalloc((size_t)runs, sizeof *te);
	tc = xcalloc((size_t)runs, sizeof *tc);
	tf = xcalloc((size_t)runs, sizeof *tf);
	ce = xcalloc((size_t)runs, sizeof *ce);
	cc = xcalloc((size_t)runs, sizeof *cc);
	cf = xcalloc((size_t)runs, sizeof *cf);
	for (r = 0; r < runs; r++) {
		char *cat[] = { (char *)axial, (char *)"cat", (char *)"--width",
		    (char *)"80", path, NULL };
		char *fri[] = { (char *)"fribidi", (char *)"--width", (char *)"80",
		    path, NULL };

		te[r] = engine(text, len, &lines, &ce[r]);
		tc[r] = run(cat, &cc[r]);
		tf[r] = run(fri, &cf[r]);
		if (tc[r] == 0 || tf[r] == 0) {
			fprintf(stderr, "bench-text: %s failed\n",
			    tc[r] == 0 ? axial : "fribidi");
			unlink(path);
			return 1;
		}
	}
	unlink(path);
	printf("corpus: %.1f MB, %zu lines at width 80, %d runs (medians)\n",
	    len / 1048576.0, lines, runs);
	{
		double e = median_ms(te, runs), c = median_ms(tc, runs);
		double fr = median_ms(tf, runs), ec = median_ms(ce, runs);
		double xc = median_ms(cc, runs), fc = median_ms(cf, runs);

		printf("                          wall ms  ratio    cpu ms  ratio\n");
		printf("  engine in-process      %8.1f  %5.2f  %8.1f  %5.2f\n",
		    e, e / fr, ec, ec / fc);
		printf("  axial cat --width 80   %8.1f  %5.2f  %8.1f  %5.2f\n",
		    c, c / fr, xc, xc / fc);
		printf("  fribidi --width 80     %8.1f  %5.2f  %8.1f  %5.2f\n",
		    fr, 1.0, fc, 1.0);
	}

	/* redraw: a 2 MB transcript, laid out once, then screens at random */
	for (small = 2 << 20; small < len && text[small] != '\n'; small++)
		;
	d = text_doc_new(text, small);
	text_opts_default(&o);
	l = text_layout_new(d, &o, 80);
	nl = text_layout_lines(l);
	tr = xcalloc(1000, sizeof *tr);
	for (i = 0; i < 1000; i++) {
		size_t top = rnd((uint32_t)(nl - 50));
		uint64_t t0 = clock_ns();
		struct text_line ln;

		text_layout_line(l, top, &ln);
		sink += redraw(l, top, ln.start);
		tr[i] = clock_ns() - t0;
	}
	printf("redraw of a 50-line screen (%zu-line document, laid out): "
	    "median %.4f ms (target <= 0.2 ms)\n", nl, median_ms(tr, 1000));
	text_layout_free(l);
	text_doc_free(d);
	free(te);
	free(tc);
	free(tf);
	free(ce);
	free(cc);
	free(cf);
	free(tr);
	free(text);
	return sink == 0;
}
