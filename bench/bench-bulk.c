/*
 * bench-bulk.c: bulk writes and the memory of whole-project commands on
 * the synthetic project (synth.h) at its scale (AXIAL_BENCH_SCALE):
 *
 *   - `axial merge` of a coder's copy (the full project) into the lead's
 *     project (the same documents and tree, no codings): codings added per
 *     second; then the same merge again, where every coding is present;
 *   - `axial export qdpx` of the full project, and `axial import` of that
 *     .qdpx into a new project: codings per second of the import (at 10x
 *     its project.qde passes REFI-QDA's 256 MiB safety limit and the
 *     import is refused: said, not fatal);
 *   - `axial export csv` and `axial report`, which read the whole project.
 *
 * Each command runs as the axial binary in a child process; its wall time
 * and its peak resident memory (wait4's ru_maxrss) are reported. Target
 * (issue 22): merge and import at >= 100,000 codings/s at 10x.
 *
 * The two projects are kept in $AXIAL_BENCH_DIR/bulk (named for the scale)
 * and reused when present, since the 10x one takes minutes to generate.
 *
 * usage: bench-bulk [DIR]   (default: $AXIAL_BENCH_DIR/bulk, else a temp
 * dir, removed at the end)
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "base/util.h"
#include "synth.h"

static const char *axial;
static char *dir, *log_path;

/* Copies a file in chunks (a 10x project is larger than memory wants). */
static void
copy_file(const char *from, const char *to)
{
	char buf[1 << 16];
	int in, out;
	ssize_t n;

	if ((in = open(from, O_RDONLY)) < 0 ||
	    (out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0666)) < 0)
		fatal("copy %s to %s: %s", from, to, strerror(errno));
	while ((n = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)n) != n)
			fatal("write %s: %s", to, strerror(errno));
	if (n < 0 || close(out) != 0)
		fatal("copy %s: %s", from, strerror(errno));
	close(in);
}

/* Removes a project file with its WAL and shared-memory files. */
static void
remove_project(const char *path)
{
	char *wal = xasprintf("%s-wal", path), *shm = xasprintf("%s-shm", path);

	unlink(path);
	unlink(wal);
	unlink(shm);
	free(wal);
	free(shm);
}

static double rss, cpu;	/* of the last run(): MB, seconds */
static int may_fail;	/* run() returns -1 on failure, its output kept */

/* Runs axial with args (NULL-terminated) in a child, its output to
 * log_path; rss and cpu get the child's peak resident memory and its user
 * plus system time (the machines are shared: the wall clock also counts
 * the other processes' turns). Returns the wall time in seconds; a
 * failure ends the benchmark with the output. */
static double
run(const char *arg, ...)
{
	const char *argv[16];
	struct rusage ru;
	uint64_t t0;
	va_list ap;
	pid_t pid;
	int status, n = 0, fd;

	argv[n++] = axial;
	va_start(ap, arg);
	for (; arg != NULL && n < 15; arg = va_arg(ap, const char *))
		argv[n++] = arg;
	va_end(ap);
	argv[n] = NULL;
	t0 = clock_ns();
	if ((pid = fork()) < 0)
		fatal("fork: %s", strerror(errno));
	if (pid == 0) {
		if ((fd = open(log_path, O_WRONLY | O_CREAT | O_TRUNC, 0666)) < 0)
			_exit(126);
		dup2(fd, 1);
		dup2(fd, 2);
		setenv("LC_ALL", "C.UTF-8", 1);
		execv(axial, (char *const *)argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0)
		fatal("wait4: %s", strerror(errno));
	if ((!WIFEXITED(status) || WEXITSTATUS(status) != 0) && may_fail)
		return -1;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		size_t len;
		char *out = file_read_all(log_path, &len);

		fatal("axial %s failed (status %d):\n%s", argv[1], status,
		    out ? out : "");
	}
	rss = (double)ru.ru_maxrss / 1024.0;
	cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
	return (double)(clock_ns() - t0) / 1e9;
}

/* The number of codings in the project at path, read directly. */
static long long
count_codings(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	long long n = -1;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		fatal("open %s", path);
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM codings", -1, &st,
	    NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	if (n < 0)
		fatal("%s: cannot count the codings", path);
	return n;
}

static double
file_mb(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (double)sb.st_size / 1e6 : 0;
}

/* The lead's start (documents and tree) at base, the coder's copy (with
 * every coding) at full. */
static void
generate(void *paths)
{
	char **bf = paths;
	int64_t *docid = xcalloc(NDOCS, sizeof *docid);
	int64_t *nchars = xcalloc(NDOCS, sizeof *nchars), codes[NCODES];

	synth_base(bf[0], docid, nchars, codes);
	copy_file(bf[0], bf[1]);
	synth_codings(bf[1], docid, nchars, codes, NULL);
	free(docid);
	free(nchars);
}

int
main(int argc, char **argv)
{
	char *base, *full, *lead, *qdpx, *imp, *csv, *rep, *cmd;
	double t;
	long long want = 2LL * CODINGS_PER_CODER, n;
	int scale = synth_scale(), temp = 0;

	if ((axial = getenv("AXIAL")) == NULL)
		axial = "build/axial";
	if (argc > 1 || getenv("AXIAL_BENCH_DIR") != NULL) {
		dir = argc > 1 ? xstrdup(argv[1]) :
		    xasprintf("%s/bulk", getenv("AXIAL_BENCH_DIR"));
		mkdir(dir, 0777);	/* may exist */
	} else {
		dir = xstrdup("/tmp/axial-bench-bulk.XXXXXX");
		if (mkdtemp(dir) == NULL)
			fatal("mkdtemp");
		temp = 1;
	}
	log_path = xasprintf("%s/out.txt", dir);
	base = xasprintf("%s/base-%dx.axial", dir, scale);
	full = xasprintf("%s/full-%dx.axial", dir, scale);
	lead = xasprintf("%s/lead.axial", dir);
	qdpx = xasprintf("%s/full.qdpx", dir);
	imp = xasprintf("%s/imported.axial", dir);
	csv = xasprintf("%s/codings.csv", dir);
	rep = xasprintf("%s/report", dir);

	if (access(base, R_OK) != 0 || access(full, R_OK) != 0) {
		char *bf[2] = {base, full};
		uint64_t t0 = clock_ns();

		remove_project(base);
		remove_project(full);
		synth_in_child(generate, bf);
		printf("bulk: generated the project in %.1f s\n",
		    (double)(clock_ns() - t0) / 1e9);
	}
	printf("bulk: %zu documents, 2 x %d codings, %.0f MB\n", NDOCS,
	    CODINGS_PER_CODER, file_mb(full));
	fflush(stdout);

	/* the lead's project has the documents and the tree; the coder's
	 * copy has their codings too */
	remove_project(lead);
	copy_file(base, lead);
	t = run("merge", lead, full, (char *)NULL);
	if ((n = count_codings(lead)) != want)
		fatal("the merge left %lld codings, not %lld", n, want);
	printf("bulk: merge a coder's copy: %lld codings in %.2f s (CPU %.2f s) "
	    "= %.0f codings/s, %.0f per CPU second (target >= 100000/s); peak "
	    "RSS %.1f MB\n", n, t, cpu, (double)n / t, (double)n / cpu, rss);
	fflush(stdout);
	t = run("merge", lead, full, (char *)NULL);
	if ((n = count_codings(lead)) != want)
		fatal("the second merge left %lld codings, not %lld", n, want);
	printf("bulk: merge it again (every coding present): %.2f s (CPU %.2f "
	    "s) = %.0f codings/s, %.0f per CPU second; peak RSS %.1f MB\n", t,
	    cpu, (double)n / t, (double)n / cpu, rss);
	fflush(stdout);
	remove_project(lead);

	unlink(qdpx);
	t = run("export", "qdpx", full, qdpx, (char *)NULL);
	printf("bulk: export qdpx: %.2f s (CPU %.2f s), %.1f MB file; peak RSS "
	    "%.1f MB\n", t, cpu, file_mb(qdpx), rss);
	fflush(stdout);
	remove_project(imp);
	run("init", imp, (char *)NULL);
	/* refused past REFI-QDA's safety limits (zipsafe.c: a project.qde
	 * over 256 MiB, which about a million codings make): said, and the
	 * other figures still taken */
	may_fail = 1;
	t = run("import", imp, qdpx, "--max-size", "16G", (char *)NULL);
	may_fail = 0;
	if (t < 0) {
		size_t len;
		char *out = file_read_all(log_path, &len), *nl;

		if (out != NULL && (nl = strchr(out, '\n')) != NULL)
			*nl = '\0';
		printf("bulk: import that qdpx into a new project: refused (%s)\n",
		    out ? out : "?");
		free(out);
	} else if ((n = count_codings(imp)) != want)
		fatal("the import left %lld codings, not %lld", n, want);
	else
		printf("bulk: import that qdpx into a new project: %lld codings "
		    "(and the documents) in %.2f s (CPU %.2f s) = %.0f codings/s, "
		    "%.0f per CPU second (target >= 100000/s); peak RSS %.1f MB\n",
		    n, t, cpu, (double)n / t, (double)n / cpu, rss);
	fflush(stdout);
	remove_project(imp);
	unlink(qdpx);

	t = run("export", "csv", full, csv, (char *)NULL);
	printf("bulk: export csv: %.2f s (CPU %.2f s), %.1f MB file; peak RSS "
	    "%.1f MB\n", t, cpu, file_mb(csv), rss);
	unlink(csv);
	t = run("report", full, "--out", rep, "--source", "coder-a",
	    (char *)NULL);
	printf("bulk: report (Markdown, coder-a's codings): %.2f s (CPU %.2f "
	    "s); peak RSS %.1f MB\n", t, cpu, rss);
	cmd = xasprintf("rm -rf '%s'", rep);
	if (system(cmd) != 0)
		fprintf(stderr, "bench-bulk: could not remove %s\n", rep);
	free(cmd);
	unlink(log_path);
	if (temp) {
		remove_project(base);
		remove_project(full);
		rmdir(dir);
	}
	free(base);
	free(full);
	free(lead);
	free(qdpx);
	free(imp);
	free(csv);
	free(rep);
	free(log_path);
	free(dir);
	return 0;
}
