/*
 * fuzz-import.c: the plain-text importer end to end: fuzz bytes imported as
 * a document into a real project (SQLite, on tmpfs), then codings on
 * random spans, a quote search, and the stored text read back.
 *
 * One project is created per process, in /dev/shm when it exists (else
 * $TMPDIR); each input runs inside one action that is rolled back at the
 * end, so every input meets the same empty project (as a fresh one would)
 * without paying for a new schema each time.
 *
 * Input: one byte for the name's length, the name, then the file's bytes.
 * Checks: import succeeds exactly when textin_decode accepts the bytes and
 * the name is acceptable; the stored text is what textin_decode made of
 * them, with its length and SHA-256; a coding is accepted exactly when
 * 0 <= start < end <= characters; a quote taken from the text is found at
 * or before its place; listing finds every coding added.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <unictype.h>
#include <unistr.h>

#include "store/codetree.h"
#include "store/coding.h"
#include "store/document.h"
#include "store/project.h"
#include "base/textin.h"
#include "base/util.h"
#include "fuzz.h"

static struct project *proj;
static int64_t code_id;
static char dir[256], path[300];

static void
cleanup(void)
{
	if (proj != NULL)
		project_close(proj);
	proj = NULL;
	unlink(path);
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
	snprintf(path, sizeof path, "%s/fuzz.axial", dir);
	if (project_open(path, PROJECT_CREATE, NULL, &proj, &err) != AX_OK) {
		fprintf(stderr, "fuzz-import: %s\n", err);
		exit(1);
	}
	atexit(cleanup);
	if (codetree_add(proj, 0, NODE_CODE, "fuzz", &code_id) != AX_OK) {
		fprintf(stderr, "fuzz-import: %s\n", project_errmsg(proj));
		exit(1);
	}
	return 0;
}

/* What document names may be (docs/security.md §6.8), written out apart
 * from name.c: valid UTF-8; no control, line or paragraph separator, bidi
 * control or other format character but ZWNJ and ZWJ; not only spaces,
 * ZWNJ and ZWJ. (Never over the length limit at 48 bytes.) */
static bool
name_acceptable(const char *name)
{
	const uint8_t *q = (const uint8_t *)name, *end = q + strlen(name);
	bool blank = true;
	ucs4_t c;

	if (u8_check(q, (size_t)(end - q)) != NULL)
		return false;
	while (q < end) {
		q += u8_mbtouc(&c, q, (size_t)(end - q));
		if (uc_is_general_category(c, UC_CATEGORY_Cc) || c == 0x2028 ||
		    c == 0x2029 || (uc_is_general_category(c, UC_CATEGORY_Cf) &&
		    c != 0x200c && c != 0x200d))
			return false;
		blank = blank && (c == 0x200c || c == 0x200d ||
		    uc_is_general_category(c, UC_CATEGORY_Zs));
	}
	return !blank;
}

static uint64_t
mix(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz f;
	const uint8_t *nm, *body;
	size_t nlen, blen, dlen = 0, slen, ncp, i, nadded = 0, ncod;
	char *name, *dec, *derr = NULL, *stored, hex[65];
	int64_t id, cid, s, e;
	enum ax_status rc;
	struct doc_info info;
	struct coding_filter flt = {0};
	struct coding *cods;
	uint64_t seed = 0x9e3779b97f4a7c15u ^ size;
	bool name_ok;

	fz_init(&f, data, size);
	nm = fz_bytes(&f, fz_u8(&f) % 48, &nlen);
	body = fz_bytes(&f, f.n, &blen);
	name = xstrndup((const char *)nm, nlen);
	name_ok = name_acceptable(name);

	FZ_CHECK(project_begin(proj, "fuzz") == AX_OK);
	dec = textin_decode((const char *)body, blen, &dlen, &derr);
	rc = doc_import(proj, name, (const char *)body, blen, "fuzz.txt", &id);
	if (dec == NULL || !name_ok)
		FZ_CHECKF(rc == AX_ERR_INPUT, "refused by textin (%s) or a bad name, "
		    "import says %d", derr, rc);
	else
		FZ_CHECKF(rc == AX_OK, "import: %d: %s", rc, project_errmsg(proj));
	free(derr);
	if (rc != AX_OK)
		goto out;

	/* stored exactly as decoded */
	FZ_CHECK(doc_text(proj, id, &stored, &slen) == AX_OK);
	FZ_CHECK(slen == dlen && memcmp(stored, dec, dlen) == 0);
	FZ_CHECK(doc_get(proj, id, &info) == AX_OK);
	ncp = textin_nchars(dec, dlen);
	FZ_CHECK(info.nchars == (int64_t)ncp && info.nbytes == (int64_t)dlen);
	textin_sha256(dec, dlen, hex);
	FZ_CHECK(strcmp(hex, info.sha256) == 0);
	doc_info_done(&info);

	/* codings on random spans, some out of range */
	for (i = 0; i < 6; i++) {
		s = (int64_t)(mix(&seed) % (ncp + 3)) - 1;
		e = s + (int64_t)(mix(&seed) % 40) - 2;
		rc = coding_add(proj, id, code_id, s, e, &cid);
		FZ_CHECKF(rc == (s >= 0 && s < e && e <= (int64_t)ncp ? AX_OK :
		    AX_ERR_INPUT), "coding [%lld, %lld) of %zu: %d %s", (long long)s,
		    (long long)e, ncp, rc, project_errmsg(proj));
		nadded += rc == AX_OK;
	}
	flt.doc = id;
	FZ_CHECK(coding_list(proj, &flt, &cods, &ncod) == AX_OK);
	FZ_CHECK(ncod == nadded);
	for (i = 0; i < ncod; i++)
		FZ_CHECK(cods[i].doc == id && cods[i].start < cods[i].end &&
		    cods[i].end <= (int64_t)ncp);
	free(cods);

	/* a quote cut from the text (whole code points) is found */
	if (ncp > 0) {
		size_t qs = (size_t)(mix(&seed) % ncp), qe = qs + 1 + mix(&seed) % 12;
		size_t bs, be;
		char *quote;

		if (qe > ncp)
			qe = ncp;
		bs = textin_cp_to_byte(dec, dlen, qs);
		be = textin_cp_to_byte(dec, dlen, qe);
		quote = xstrndup(dec + bs, be - bs);
		rc = coding_find_quote(proj, id, quote, 1, &s, &e);
		if (strspn(quote, " \t\n") != strlen(quote))
			FZ_CHECKF(rc == AX_OK && s <= (int64_t)qs && s < e &&
			    e <= (int64_t)ncp, "quote [%zu, %zu): rc %d, [%lld, %lld)",
			    qs, qe, rc, (long long)s, (long long)e);
		free(quote);
	}
	free(stored);
out:
	project_rollback(proj);
	free(dec);
	free(name);
	return 0;
}
