/*
 * fuzz-refi.c: REFI-QDA import (refi_import) of a .qdpx project or a .qdc
 * codebook, end to end into a real project: zipsafe, xmlsafe, the
 * project.qde / codebook, sources, position conversion, codings.
 *
 * refi_import takes a path: the bytes are written to a file on tmpfs
 * (/dev/shm, else $TMPDIR) in a directory made once, named .qdpx or .qdc
 * by the input's first byte. Each input runs in one action rolled back at
 * the end, on one project opened once.
 *
 * Checks: a refusal comes with a message and a status other than AX_OK;
 * after an import every coding lies in its document (0 <= start < end <=
 * characters) and the stored texts are valid UTF-8 of the stated length;
 * the counts reported are not negative.
 */
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <unistr.h>

#include "store/coding.h"
#include "store/document.h"
#include "exchange/exchange.h"
#include "store/project.h"
#include "base/textin.h"
#include "fuzz.h"

static struct project *proj;
static char dir[256], ppath[300], qdpx[300], qdc[300];

static void
cleanup(void)
{
	if (proj != NULL)
		project_close(proj);
	proj = NULL;
	unlink(ppath);
	unlink(qdpx);
	unlink(qdc);
	rmdir(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" :
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp";
	char *err = NULL;

	(void)argc;
	(void)argv;
	snprintf(dir, sizeof dir, "%s/axial-fuzz.XXXXXX", base);
	if (mkdtemp(dir) == NULL) {
		perror(dir);
		exit(1);
	}
	snprintf(ppath, sizeof ppath, "%s/fuzz.axial", dir);
	snprintf(qdpx, sizeof qdpx, "%s/in.qdpx", dir);
	snprintf(qdc, sizeof qdc, "%s/in.qdc", dir);
	if (project_open(ppath, PROJECT_CREATE, NULL, &proj, &err) != AX_OK) {
		fprintf(stderr, "fuzz-refi: %s\n", err);
		exit(1);
	}
	atexit(cleanup);
	return 0;
}

static void
write_file(const char *path, const uint8_t *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	FZ_CHECK(fd >= 0);
	FZ_CHECK(size == 0 || write(fd, data, size) == (ssize_t)size);
	close(fd);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct refi_stats st;
	struct doc_info *docs = NULL;
	struct coding *cods = NULL;
	struct coding_filter flt = {0};
	const char *path;
	char *err = NULL;
	size_t ndocs = 0, ncod = 0, i, j;
	enum ax_status rc;

	if (size < 1)
		return 0;
	path = data[0] & 1 ? qdc : qdpx;
	write_file(path, data + 1, size - 1);
	memset(&st, 0, sizeof st);
	FZ_CHECK(project_begin(proj, "fuzz") == AX_OK);
	rc = refi_import(proj, path, TEXTIN_MAX_SIZE, &st, &err);
	if (rc != AX_OK) {
		FZ_CHECK(err != NULL && err[0] != '\0');
		goto out;
	}
	FZ_CHECK(st.documents >= 0 && st.codes >= 0 && st.categories >= 0 &&
	    st.codings >= 0 && st.memos >= 0 && st.coders >= 0 &&
	    st.attributes >= 0 && st.skipped >= 0);
	FZ_CHECK(doc_list(proj, &docs, &ndocs) == AX_OK);
	for (i = 0; i < ndocs; i++) {
		char *text;
		size_t len;

		FZ_CHECK(doc_text(proj, docs[i].id, &text, &len) == AX_OK);
		FZ_CHECK(u8_check((const uint8_t *)text, len) == NULL);
		FZ_CHECK((int64_t)len == docs[i].nbytes &&
		    (int64_t)textin_nchars(text, len) == docs[i].nchars);
		free(text);
		flt.doc = docs[i].id;
		FZ_CHECK(coding_list(proj, &flt, &cods, &ncod) == AX_OK);
		for (j = 0; j < ncod; j++)
			FZ_CHECKF(cods[j].start >= 0 && cods[j].start < cods[j].end &&
			    cods[j].end <= docs[i].nchars, "coding [%lld, %lld) in a "
			    "document of %lld characters", (long long)cods[j].start,
			    (long long)cods[j].end, (long long)docs[i].nchars);
		free(cods);
	}
	doc_list_free(docs, ndocs);
out:
	project_rollback(proj);
	refi_stats_done(&st);
	free(err);
	return 0;
}
