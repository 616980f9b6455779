/*
 * bench-ui.c: the workbench on the large synthetic project (synth.h), run
 * for real on a pseudo-terminal: forkpty, the axial binary in the child
 * (TERM=xterm-256color, 120x40), keys written to the master, everything the
 * UI writes read back and counted.
 *
 *   - time to the first full frame: inside the UI (from ui_run's start to
 *     the end of the first refresh, reported through AXIAL_UI_STATS) and
 *     from the outside (fork to the last byte of the first frame);
 *   - time per keystroke for cursor down, page down and apply-a-code
 *     (the UI's own key-to-refreshed-screen time per key; median, p95);
 *   - bytes written to the terminal per cursor-down and per page-down;
 *   - the workbench's peak resident memory (the child's rusage, wait4).
 *
 * Targets (issue 4): first frame <= 100 ms; cursor movement <= 1 ms and
 * apply-a-code <= 5 ms at p95; a cursor move writes <= 100 bytes.
 *
 * usage: bench-ui   (uses $AXIAL, and $AXIAL_BENCH_DIR/store/import2.axial
 * when bench-store left it there, else generates the project)
 */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/util.h"
#include "synth.h"

static int master = -1;
static size_t nsent;	/* keys sent so far = index of the UI's next timing */
static uint64_t rows_addressed;	/* screen rows the last drain() moved to */

/* Notes the rows of the cursor addresses (CSI row;col H) in the output, so
 * that a cursor move which scrolled the pane (a rewrite of every row of
 * it) is told apart from one that did not. */
static void
note_rows(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i + 3 < n; i++) {
		size_t j = i + 2;
		unsigned row = 0;

		if (p[i] != '\033' || p[i + 1] != '[')
			continue;
		while (j < n && p[j] >= '0' && p[j] <= '9')
			row = row * 10 + (unsigned)(p[j++] - '0');
		if (j < n && (p[j] == ';' || p[j] == 'H') && row > 0 && row <= 64)
			rows_addressed |= 1ull << (row - 1);
	}
}

/* Reads what the UI writes until it has been quiet for quiet_ms (after at
 * least one byte, or max_ms without any). Returns the bytes read. */
static size_t
drain(int quiet_ms, int max_ms)
{
	char buf[65536];
	size_t total = 0;
	uint64_t start = clock_ns();

	rows_addressed = 0;
	for (;;) {
		struct pollfd pf = {master, POLLIN, 0};
		int wait = total ? quiet_ms : max_ms -
		    (int)((clock_ns() - start) / 1000000);
		ssize_t n;

		if (wait <= 0)
			break;
		if (poll(&pf, 1, wait) <= 0)
			break;
		n = read(master, buf, sizeof buf);
		if (n <= 0)
			break;
		total += (size_t)n;
		note_rows(buf, (size_t)n);
	}
	return total;
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
q(const uint64_t *v, size_t n, double f)
{
	uint64_t *c = xmalloc(n * sizeof *c);
	double r;

	memcpy(c, v, n * sizeof *c);
	qsort(c, n, sizeof *c, cmp_u64s);
	r = (double)c[(size_t)(f * (double)(n - 1) + 0.5)];
	free(c);
	return r;
}

static void
copy_file(const char *from, const char *to)
{
	size_t len;
	char *data = file_read_all(from, &len);

	if (data == NULL || file_write_atomic(to, data, len) != 0)
		fatal("copy %s to %s", from, to);
	free(data);
}

/* A memory figure of process pid, in KiB: its peak resident memory so
 * far (VmHWM) or now (VmRSS). */
static double
vm_kib(pid_t pid, const char *field)
{
	char path[64], *text, *at;
	size_t len;
	double kb;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	if ((text = file_read_all(path, &len)) == NULL ||
	    (at = strstr(text, field)) == NULL)
		fatal("no %s in %s", field, path);
	kb = strtod(at + strlen(field), NULL);
	free(text);
	return kb;
}

static void
generate(void *path)
{
	synth_project(path);
}

#define NDOWN 200
#define NPAGE 60
#define NAPPLY 60

int
main(void)
{
	const char *axial = getenv("AXIAL"), *bd = getenv("AXIAL_BENCH_DIR");
	char *dir, *path, *stats, *store, *text, *line, *save = NULL;
	struct winsize ws = {40, 120, 0, 0};
	uint64_t t_fork, t_first, first_ui = 0, *keys = NULL, *commits = NULL;
	double hwm_closed, hwm_open, rss_open;
	size_t nkeys = 0, ncommits = 0, kc = 0, i, down_bytes[NDOWN], page_bytes[NPAGE], len, k = 0;
	uint64_t down_ns[NDOWN], page_ns[NPAGE], apply_ns[NAPPLY], b64[NDOWN];
	size_t idx_down[NDOWN], idx_page[NPAGE], idx_apply[NAPPLY], nstill = 0;
	bool down_scrolled[NDOWN];
	struct rusage ru;
	pid_t pid;
	int status;

	if (axial == NULL)
		axial = "build/axial";
	if (bd != NULL) {
		dir = xasprintf("%s/ui", bd);
		mkdir(dir, 0777);
	} else {
		dir = xstrdup("/tmp/axial-bench-ui.XXXXXX");
		if (mkdtemp(dir) == NULL)
			fatal("mkdtemp");
	}
	path = xasprintf("%s/large.axial", dir);
	stats = xasprintf("%s/stats.txt", dir);
	unlink(path);
	store = bd ? xasprintf("%s/store/import2.axial", bd) : NULL;
	if (store != NULL && access(store, R_OK) == 0) {
		copy_file(store, path);
		printf("ui: using bench-store's project (%zu documents, 2 x %d codings)\n",
		    NDOCS, CODINGS_PER_CODER);
	} else {
		uint64_t t0 = clock_ns();

		synth_in_child(generate, path);
		printf("ui: generated the project in %.1f s (%zu documents, 2 x %d "
		    "codings)\n", (double)(clock_ns() - t0) / 1e9, NDOCS,
		    CODINGS_PER_CODER);
	}
	fflush(stdout);

	t_fork = clock_ns();
	pid = forkpty(&master, NULL, NULL, &ws);
	if (pid < 0)
		fatal("forkpty: %s", strerror(errno));
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		setenv("LC_ALL", "C.UTF-8", 1);
		setenv("AXIAL_UI_STATS", stats, 1);
		unsetenv("TMUX");
		execl(axial, axial, path, "--as", "coder-a", "--no-mouse", (char *)NULL);
		_exit(127);
	}
	/* the first frame: the first burst of output */
	drain(150, 5000);
	t_first = clock_ns();
	/* let the deferred work (per-coder counts) finish */
	drain(800, 3000);

	/* cursor down: bytes per key */
	for (i = 0; i < NDOWN; i++) {
		idx_down[i] = nsent;
		send_key("j");
		down_bytes[i] = drain(25, 1000);
		down_scrolled[i] = __builtin_popcountll(rows_addressed) > 8;
	}
	/* page down, from the top of a document every 10 pages */
	for (i = 0; i < NPAGE; i++) {
		if (i % 10 == 0) {
			send_key(i % 20 == 0 ? "\x0e" : "g");	/* C-n: next document */
			drain(40, 1000);
		}
		idx_page[i] = nsent;
		send_key("\033[6~");
		page_bytes[i] = drain(40, 1000);
	}
	/* apply a code: pick the first through the finder once, then select
	 * a word and apply the last code again (".") */
	send_key("g");
	drain(25, 1000);
	send_key("v");
	drain(25, 1000);
	send_key("w");
	drain(25, 1000);
	send_key("a");
	drain(40, 1000);
	send_key("\r");
	drain(40, 1000);
	for (i = 0; i < NAPPLY; i++) {
		send_key("j");
		drain(20, 1000);
		send_key("v");
		drain(20, 1000);
		send_key("w");
		drain(20, 1000);
		idx_apply[i] = nsent;
		send_key(".");
		drain(40, 1000);
	}
	/* the peak so far, the agreement pane closed; then the pane opened
	 * (=) and left to count every document in its idle slices, until
	 * the screen is quiet; closed again (=) */
	hwm_closed = vm_kib(pid, "VmHWM:");
	send_key("=");
	drain(3000, 600000);
	hwm_open = vm_kib(pid, "VmHWM:");
	rss_open = vm_kib(pid, "VmRSS:");
	send_key("=");
	drain(100, 3000);
	send_key("q");
	nsent--;	/* quitting records no timing */
	drain(100, 3000);
	/* the child's rusage: its peak resident memory over the session */
	if (wait4(pid, &status, 0, &ru) < 0)
		fatal("wait4: %s", strerror(errno));

	/* the UI's own timings: one per key, in the order sent */
	if ((text = file_read_all(stats, &len)) == NULL)
		fatal("no stats from the UI (%s)", stats);
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (strncmp(line, "first_frame_ns ", 15) == 0)
			first_ui = strtoull(line + 15, NULL, 10);
		else if (strncmp(line, "keys", 4) == 0 ||
		    strncmp(line, "commits", 7) == 0) {
			bool is_keys = line[0] == 'k';
			char *p = line + (is_keys ? 4 : 7), *end;

			for (;;) {
				unsigned long long v = strtoull(p, &end, 10);

				if (end == p)
					break;
				if (is_keys) {
					keys = xgrow(keys, &k, nkeys + 1, sizeof *keys);
					keys[nkeys++] = v;
				} else {
					commits = xgrow(commits, &kc, ncommits + 1,
					    sizeof *commits);
					commits[ncommits++] = v;
				}
				p = end;
			}
		}
	}
	free(text);
	if (nkeys < nsent)
		fatal("the UI reported %zu key timings for %zu keys", nkeys, nsent);
	for (i = 0; i < NDOWN; i++) {
		down_ns[i] = keys[idx_down[i]];
		b64[i] = down_bytes[i];
	}
	for (i = 0; i < NPAGE; i++)
		page_ns[i] = keys[idx_page[i]];
	for (i = 0; i < NAPPLY; i++)
		apply_ns[i] = keys[idx_apply[i]];

	printf("ui: first full frame: %.1f ms inside the UI (open, load, lay out, "
	    "draw); %.1f ms from fork to the frame's last byte (target <= 100 ms)\n",
	    (double)first_ui / 1e6, (double)(t_first - t_fork) / 1e6 - 150.0);
	printf("ui: cursor down:  median %.3f ms, p95 %.3f ms per key (target p95 <= 1 ms)\n",
	    q(down_ns, NDOWN, 0.5) / 1e6, q(down_ns, NDOWN, 0.95) / 1e6);
	printf("ui: page down:    median %.3f ms, p95 %.3f ms per key\n",
	    q(page_ns, NPAGE, 0.5) / 1e6, q(page_ns, NPAGE, 0.95) / 1e6);
	printf("ui: apply a code: median %.3f ms, p95 %.3f ms per key (target p95 <= 5 ms)\n",
	    q(apply_ns, NAPPLY, 0.5) / 1e6, q(apply_ns, NAPPLY, 0.95) / 1e6);
	if (ncommits > 0)
		printf("ui:   of which the store's durable commit (coding_add): median "
		    "%.3f ms, p95 %.3f ms\n", q(commits, ncommits, 0.5) / 1e6,
		    q(commits, ncommits, 0.95) / 1e6);
	printf("ui: bytes to the terminal per cursor down: median %.0f, p95 %.0f, "
	    "max %.0f (target <= 100)\n", q(b64, NDOWN, 0.5), q(b64, NDOWN, 0.95),
	    q(b64, NDOWN, 1.0));
	/* the same split: moves inside the pane, and moves past its last row,
	 * which scroll it by half a page and so rewrite the pane */
	for (i = 0; i < NDOWN; i++)
		if (!down_scrolled[i])
			b64[nstill++] = down_bytes[i];
	printf("ui:   %zu moves inside the pane: median %.0f, p95 %.0f, max %.0f\n",
	    nstill, q(b64, nstill, 0.5), q(b64, nstill, 0.95), q(b64, nstill, 1.0));
	for (i = 0, nstill = 0; i < NDOWN; i++)
		if (down_scrolled[i])
			b64[nstill++] = down_bytes[i];
	if (nstill > 0)
		printf("ui:   %zu moves that scrolled the pane half a page: median "
		    "%.0f\n", nstill, q(b64, nstill, 0.5));
	for (i = 0; i < NPAGE; i++)
		b64[i] = page_bytes[i];
	printf("ui: bytes to the terminal per page down: median %.0f, p95 %.0f\n",
	    q(b64, NPAGE, 0.5), q(b64, NPAGE, 0.95));
	printf("ui: peak memory (RSS) of the workbench: %.1f MB (target at 10x: "
	    "< 64 MB beyond the text on screen)\n", hwm_closed / 1024.0);
	printf("ui: peak memory (RSS) with the agreement pane open and complete: "
	    "%.1f MB (the session's: %.1f MB); resident once complete: %.1f "
	    "MB\n", hwm_open / 1024.0, (double)ru.ru_maxrss / 1024.0,
	    rss_open / 1024.0);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		printf("ui: the UI exited with status %d\n",
		    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	unlink(path);
	unlink(stats);
	free(keys);
	free(commits);
	free(path);
	free(stats);
	free(store);
	free(dir);
	return 0;
}
