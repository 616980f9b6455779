/*
 * bench-huge.c: the workbench on the two hostile documents of
 * tests/e2e/ui-hostile-size.sh, run for real on a pseudo-terminal (as
 * bench-ui.c does): a 50 MB single-paragraph document of mixed Persian
 * and English, and a million tiny paragraphs coded by two coders.
 *
 *   - the first frame with the 50 MB document open, inside the UI
 *     (AXIAL_UI_STATS: ui_run's start to the first refresh);
 *   - a resize of the terminal to a width not laid out before, from the
 *     window-size change to the redrawn screen's last byte;
 *   - a redraw of the compare view (X) on the million-paragraph document,
 *     per key that scrolls it (j), the UI's own key-to-refreshed-screen
 *     time.
 *
 * The first frame also reads the 50 MB from the project file, which no
 * layout makes cheaper; so the layout's own share is measured in-process
 * as well, the way the workbench does it: the document indexed, a layout
 * made and the caret's screen laid out (open), then the same at a new
 * width (resize), then the jump to the end (G).
 *
 * Medians over BENCH_RUNS processes (3) and, per process, NRESIZE resizes
 * and NSCROLL scrolls. Targets (issue 22): first frame <= 100 ms, compare
 * view redraw <= 5 ms.
 *
 * usage: bench-huge   ($AXIAL, default build/axial; the project is built
 * once into $AXIAL_BENCH_DIR/huge, else a temporary folder)
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/util.h"
#include "text/text.h"
#include "vm/vm-transcript.h"

#define NRESIZE 4
#define NSCROLL 40

static int master = -1;
static size_t nsent;	/* keys sent so far = index of the UI's next timing */
static uint64_t last_byte;	/* when drain() last read something */

/* Reads until the UI has been quiet for quiet_ms after some output (or
 * max_ms without any). Returns the bytes read. */
static size_t
drain(int quiet_ms, int max_ms)
{
	char buf[65536];
	size_t total = 0;
	uint64_t start = clock_ns();

	for (;;) {
		struct pollfd pf = {master, POLLIN, 0};
		int wait = total ? quiet_ms : max_ms -
		    (int)((clock_ns() - start) / 1000000);
		ssize_t n;

		if (wait <= 0 || poll(&pf, 1, wait) <= 0)
			break;
		if ((n = read(master, buf, sizeof buf)) <= 0)
			break;
		total += (size_t)n;
		last_byte = clock_ns();
	}
	return total;
}

/* Reads until the output holds marker (or max_ms pass), then until the
 * UI has been quiet for quiet_ms. */
static void
drain_for(const char *marker, int quiet_ms, int max_ms)
{
	char buf[65536 + 64];
	size_t keep = 0, m = strlen(marker), total;
	uint64_t start = clock_ns();

	for (;;) {
		struct pollfd pf = {master, POLLIN, 0};
		int wait = max_ms - (int)((clock_ns() - start) / 1000000);
		ssize_t n;

		if (wait <= 0 || poll(&pf, 1, wait) <= 0)
			return;
		if ((n = read(master, buf + keep, sizeof buf - keep - 1)) <= 0)
			return;
		last_byte = clock_ns();
		buf[keep + (size_t)n] = '\0';
		if (strstr(buf, marker) != NULL)
			break;
		/* a marker split over two reads: keep the tail */
		total = keep + (size_t)n;
		keep = total < m ? total : m - 1;
		memmove(buf, buf + total - keep, keep);
	}
	drain(quiet_ms, quiet_ms);
}

static void
send_key(const char *k)
{
	size_t n = strlen(k);

	if (write(master, k, n) != (ssize_t)n)
		fatal("write to the pty: %s", strerror(errno));
	nsent++;
}

static int
cmp_u64s(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static double
median_ms(uint64_t *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_u64s);
	return (n % 2 ? (double)v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0) / 1e6;
}

static void
sh(const char *cmd)
{
	if (system(cmd) != 0)
		fatal("failed: %s", cmd);
}

/* The project: the two documents of ui-hostile-size.sh, two coders who
 * disagree on a code in paragraphs spread over the million. */
static void
make_project(const char *axial, const char *dir, const char *path)
{
	char *cmd;
	const char *me = getenv("USER") ? getenv("USER") : "root";
	int i;

	cmd = xasprintf("cd '%s' && awk 'BEGIN { s = \"(سامانه‌ها) یکپارچه ICT "
	    "API ۱۴۰۲ 35%% the system شهرداری \"; while (n < 50000000) { printf "
	    "\"%%s\", s; n += length(s) } print \"\" }' >one.txt && awk 'BEGIN "
	    "{ for (i = 0; i < 1000000; i++) print \"p\" i }' >million.txt && "
	    "'%s' init '%s' >/dev/null && '%s' import '%s' one.txt million.txt "
	    ">/dev/null && '%s' code add '%s' k >/dev/null && '%s' coder add "
	    "'%s' coder-a --account '%s' && '%s' coder add '%s' coder-b "
	    "--account '%s'", dir, axial, path, axial, path, axial, path, axial,
	    path, me, axial, path, me);
	sh(cmd);
	free(cmd);
	for (i = 0; i < 20; i++) {
		cmd = xasprintf("'%s' tag '%s' million k --quote p%d --as %s "
		    ">/dev/null", axial, path, 999000 + i * 50 + (i % 2),
		    i % 2 ? "coder-b" : "coder-a");
		sh(cmd);
		free(cmd);
	}
}

/* The pane's screen from the top line, as pane-transcript.c draws it. */
static size_t
screen(struct vm_transcript *v, int rows)
{
	size_t p, k, np = text_doc_paragraphs(v->doc), cells = 0;
	int row;

	vmt_top_pos(v, &p, &k);
	for (row = 0; row < rows && p < np; row++) {
		struct text_line ln;

		text_layout_para_line(v->layout, p, k, &ln);
		cells += ln.ncells;
		if (ln.last) {
			p++;
			k = 0;
		} else
			k++;
	}
	return cells;
}

/* The layout's share, in-process: open, resize, G; medians in ms. */
static void
in_process(const char *dir, int runs, double *open, double *resize,
    double *end)
{
	uint64_t *to = xcalloc((size_t)runs, sizeof *to);
	uint64_t *tr = xcalloc((size_t)runs, sizeof *tr);
	uint64_t *te = xcalloc((size_t)runs, sizeof *te);
	char *path = xasprintf("%s/one.txt", dir);
	size_t len;
	char *text = file_read_all(path, &len);
	volatile size_t sink = 0;
	int r;

	if (text == NULL)
		fatal("%s: cannot read", path);
	for (r = 0; r < runs; r++) {
		struct vm_transcript v = {0};
		struct text_opts o;
		struct text_doc *d;
		struct text_layout *l;
		char *copy = xmalloc(len + 1);
		uint64_t t0;

		memcpy(copy, text, len);	/* the read is not the layout's */
		v.mark = VMT_NO_MARK;
		text_opts_default(&o);
		t0 = clock_ns();
		d = text_doc_adopt(copy, len);
		l = text_layout_new(d, &o, 117);
		vmt_attach(&v, d, l, 38);
		sink += screen(&v, 38);
		to[r] = clock_ns() - t0;
		t0 = clock_ns();
		text_layout_set_width(l, 97);
		vmt_attach(&v, d, l, 38);
		sink += screen(&v, 38);
		tr[r] = clock_ns() - t0;
		t0 = clock_ns();
		vmt_doc_end(&v);
		sink += screen(&v, 38);
		te[r] = clock_ns() - t0;
		text_layout_free(l);
		text_doc_free(d);
	}
	*open = median_ms(to, (size_t)runs);
	*resize = median_ms(tr, (size_t)runs);
	*end = median_ms(te, (size_t)runs);
	free(to);
	free(tr);
	free(te);
	free(text);
	free(path);
	(void)sink;
}

struct run {
	uint64_t first_ui, resize[NRESIZE], scroll[NSCROLL];
};

static void
one_run(const char *axial, const char *path, const char *stats,
    struct run *out)
{
	struct winsize ws = {40, 120, 0, 0};
	uint64_t *keys = NULL;
	size_t idx[NSCROLL], nkeys = 0, cap = 0, len, i;
	char *text, *line, *save = NULL;
	pid_t pid;
	int status;

	unlink(stats);
	nsent = 0;
	if ((pid = forkpty(&master, NULL, NULL, &ws)) < 0)
		fatal("forkpty: %s", strerror(errno));
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		setenv("LC_ALL", "C.UTF-8", 1);
		setenv("AXIAL_UI_STATS", stats, 1);
		unsetenv("TMUX");
		execl(axial, axial, path, "--as", "coder-a", "--no-mouse",
		    (char *)NULL);
		_exit(127);
	}
	/* the first frame (the UI times it), then the deferred counts */
	drain_for("1/2", 1000, 600000);
	for (i = 0; i < NRESIZE; i++) {
		uint64_t t0;

		ws.ws_col = (unsigned short)(100 + i);	/* a width not seen */
		t0 = clock_ns();
		ioctl(master, TIOCSWINSZ, &ws);
		drain(300, 120000);
		out->resize[i] = last_byte - t0;
	}
	send_key("\x0e");	/* C-n: the million paragraphs */
	drain(300, 120000);
	send_key("X");
	drain(300, 120000);
	for (i = 0; i < NSCROLL; i++) {
		idx[i] = nsent;
		send_key(i < NSCROLL / 2 ? "k" : "j");
		drain(50, 5000);
	}
	send_key("\033");
	drain(100, 5000);
	send_key("q");
	nsent--;	/* quitting records no timing */
	drain(200, 10000);
	waitpid(pid, &status, 0);
	close(master);
	if ((text = file_read_all(stats, &len)) == NULL)
		fatal("no stats from the UI (%s)", stats);
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		char *p, *end;

		if (strncmp(line, "first_frame_ns ", 15) == 0)
			out->first_ui = strtoull(line + 15, NULL, 10);
		if (strncmp(line, "keys", 4) != 0)
			continue;
		for (p = line + 4;; p = end) {
			unsigned long long v = strtoull(p, &end, 10);

			if (end == p)
				break;
			keys = xgrow(keys, &cap, nkeys + 1, sizeof *keys);
			keys[nkeys++] = v;
		}
	}
	free(text);
	if (nkeys < nsent)
		fatal("the UI reported %zu key timings for %zu keys", nkeys, nsent);
	for (i = 0; i < NSCROLL; i++)
		out->scroll[i] = keys[idx[i]];
	free(keys);
}

int
main(void)
{
	const char *axial = getenv("AXIAL"), *bd = getenv("AXIAL_BENCH_DIR");
	int runs = getenv("BENCH_RUNS") ? atoi(getenv("BENCH_RUNS")) : 3, r;
	char *dir, *path, *stats, abs[4096];
	uint64_t *fu, *rs, *sc;
	struct run one;

	if (axial == NULL)
		axial = "build/axial";
	if (realpath(axial, abs) == NULL)
		fatal("%s: %s", axial, strerror(errno));
	if (runs < 1)
		runs = 1;
	if (bd != NULL) {
		dir = xasprintf("%s/huge", bd);
		mkdir(dir, 0777);
	} else {
		dir = xstrdup("/tmp/axial-bench-huge.XXXXXX");
		if (mkdtemp(dir) == NULL)
			fatal("mkdtemp");
	}
	path = xasprintf("%s/huge.axial", dir);
	stats = xasprintf("%s/stats.txt", dir);
	if (access(path, R_OK) != 0) {
		uint64_t t0 = clock_ns();

		make_project(abs, dir, path);
		printf("huge: built the project in %.1f s\n",
		    (double)(clock_ns() - t0) / 1e9);
	}
	fu = xcalloc((size_t)runs, sizeof *fu);
	rs = xcalloc((size_t)runs * NRESIZE, sizeof *rs);
	sc = xcalloc((size_t)runs * NSCROLL, sizeof *sc);
	for (r = 0; r < runs; r++) {
		one_run(abs, path, stats, &one);
		fu[r] = one.first_ui;
		memcpy(rs + (size_t)r * NRESIZE, one.resize, sizeof one.resize);
		memcpy(sc + (size_t)r * NSCROLL, one.scroll, sizeof one.scroll);
	}
	{
		double o, rz, e;

		in_process(dir, runs, &o, &rz, &e);
		printf("huge: in-process layout of the 50 MB single paragraph, %d "
		    "runs (medians): open %.1f ms, resize %.1f ms, jump to the end "
		    "(G) %.1f ms\n", runs, o, rz, e);
	}
	printf("huge: %s, %d runs (medians)\n", abs, runs);
	printf("huge: first frame, 50 MB single-paragraph document: %.1f ms inside "
	    "the UI (target <= 100 ms)\n", median_ms(fu, (size_t)runs));
	printf("huge: resize to a new width: %.1f ms to the redrawn screen's last "
	    "byte\n", median_ms(rs, (size_t)runs * NRESIZE));
	printf("huge: compare view redraw, million-paragraph document: %.2f ms "
	    "per scroll key (target <= 5 ms)\n",
	    median_ms(sc, (size_t)runs * NSCROLL));
	if (bd == NULL) {
		char *cmd = xasprintf("rm -rf '%s'", dir);

		sh(cmd);
		free(cmd);
	}
	free(fu);
	free(rs);
	free(sc);
	free(path);
	free(stats);
	free(dir);
	return 0;
}
