/*
 * fuzz-project.c: a project file as untrusted input. The input is the
 * whole file (an SQLite database): it is written to a private directory on
 * tmpfs and opened with project_open, which must refuse it with a message
 * or open it; an open project is then read the way the commands read it
 * (the code tree, paths, codings with their quotes, documents and their
 * text, the log, the summary), checked with check_project, repaired, and
 * checked again.
 *
 * Checks: a refusal has a message; the loaded tree is no deeper than
 * CODETREE_MAX_DEPTH and lists each node once; a repair leaves nothing
 * repairable behind. Anything that ends the process (fatal()'s exit from
 * "internal SQL error", a crash) or runs past the timeout is a finding.
 *
 * Seeds: small projects made by axial's commands, their pages shrunk to
 * 512 bytes, made by fuzz/project-seeds.sh.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/check.h"
#include "store/codetree.h"
#include "store/coding.h"
#include "store/document.h"
#include "store/history.h"
#include "store/project.h"
#include "base/util.h"
#include "fuzz.h"

static char dir[256], path[300], wal[310], shm[310];

static void
clean_files(void)
{
	unlink(path);
	unlink(wal);
	unlink(shm);
}

static void
cleanup(void)
{
	clean_files();
	rmdir(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" :
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp";

	(void)argc;
	(void)argv;
	snprintf(dir, sizeof dir, "%s/axial-fuzz-project.XXXXXX", base);
	if (mkdtemp(dir) == NULL) {
		perror(dir);
		exit(1);
	}
	snprintf(path, sizeof path, "%s/p.axial", dir);
	snprintf(wal, sizeof wal, "%s-wal", path);
	snprintf(shm, sizeof shm, "%s-shm", path);
	atexit(cleanup);
	return 0;
}

/* What the commands read: none of it may crash, hang or exit. */
static void
read_all(struct project *p)
{
	struct project_summary sum;
	struct node *t;
	struct coding *c;
	struct doc_info *d;
	struct history_entry *h;
	size_t n, nc, nd, nh, i, j;
	char *s;

	if (codetree_load(p, &t, &n) == AX_OK) {
		for (i = 0; i < n; i++) {
			FZ_CHECK(t[i].depth >= 0 && t[i].depth < CODETREE_MAX_DEPTH);
			for (j = i + 1; j < n && j < i + 64; j++)
				FZ_CHECK(t[i].id != t[j].id);
			free(codetree_path(p, t[i].id));
		}
		codetree_free(t, n);
	}
	if (coding_list(p, NULL, &c, &nc) == AX_OK) {
		for (i = 0; i < nc && i < 64; i++)
			free(codetree_path(p, c[i].node));
		free(c);
	}
	if (doc_list(p, &d, &nd) == AX_OK) {
		for (i = 0; i < nd && i < 8; i++) {
			size_t len;

			if (doc_text(p, d[i].id, &s, &len) == AX_OK)
				free(s);
		}
		doc_list_free(d, nd);
	}
	if (history_log(p, 20, &h, &nh) == AX_OK)
		history_log_free(h, nh);
	project_summary(p, &sum);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct project *p = NULL;
	struct check_finding *f;
	char *err = NULL;
	size_t n, i;
	bool opened = false;
	FILE *out;

	clean_files();
	out = fopen(path, "wb");
	FZ_CHECK(out != NULL);
	FZ_CHECK(fwrite(data, 1, size, out) == size || size == 0);
	fclose(out);

	if (project_open(path, 0, NULL, &p, &err) != AX_OK) {
		FZ_CHECK(p == NULL && err != NULL && err[0] != '\0');
		free(err);
	} else {
		read_all(p);
		project_close(p);
		opened = true;
	}

	/* axial check, then --repair: afterwards nothing repairable is left */
	p = NULL;
	if (project_open(path, PROJECT_CHECKING, NULL, &p, &err) != AX_OK) {
		free(err);
		return 0;
	}
	if (check_project(p, false, &f, &n) == AX_OK)
		check_findings_free(f, n);
	if (check_project(p, true, &f, &n) == AX_OK) {
		check_findings_free(f, n);
		if (check_project(p, false, &f, &n) == AX_OK) {
			bool damaged = false;

			/* nothing is repaired in a damaged file or schema */
			for (i = 0; i < n; i++)
				damaged = damaged || strcmp(f[i].what, "integrity") == 0 ||
				    strcmp(f[i].what, "schema") == 0;
			for (i = 0; i < n && !damaged; i++)
				FZ_CHECKF(f[i].fix == NULL, "left after --repair: %s: %s",
				    f[i].what, f[i].text);
			check_findings_free(f, n);
		}
	}
	if (opened)	/* else the tables need not be axial's */
		read_all(p);
	project_close(p);
	return 0;
}
