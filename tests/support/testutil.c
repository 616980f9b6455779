/* testutil.c: see testutil.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/coding.h"
#include "store/document.h"
#include "base/util.h"
#include "testutil.h"

static char *dir;

static void
cleanup(void)
{
	char *cmd;

	if (dir == NULL || getenv("AXIAL_KEEP_TEST_FILES") != NULL)
		return;
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
}

const char *
tu_dir(void)
{
	if (dir == NULL) {
		const char *tmp = getenv("TMPDIR");
		char *templ = xasprintf("%s/axial-unit.XXXXXX", tmp ? tmp : "/tmp");

		if (mkdtemp(templ) == NULL)
			fatal("mkdtemp failed");
		dir = templ;
		atexit(cleanup);
	}
	return dir;
}

char *
tu_path(const char *name)
{
	return xasprintf("%s/%s", tu_dir(), name);
}

struct project *
tu_new_project(char **path)
{
	static int n;
	struct project *p = NULL;
	char *name = xasprintf("p%d.axial", ++n);
	char *err = NULL;

	*path = tu_path(name);
	free(name);
	if (project_open(*path, PROJECT_CREATE, NULL, &p, &err) != AX_OK)
		fail_msg("cannot create %s: %s", *path, err);
	return p;
}

void
tu_write(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

int64_t
tu_doc(struct project *p, const char *name, const char *text)
{
	int64_t id = 0;

	if (doc_import(p, name, text, strlen(text), "", &id) != AX_OK)
		fail_msg("import %s: %s", name, project_errmsg(p));
	return id;
}

size_t
tu_ncodings(struct project *p)
{
	struct coding *v;
	size_t n;

	assert_ok(coding_list(p, NULL, &v, &n));
	free(v);
	return n;
}

unsigned
tu_rnd(uint64_t *state, unsigned n)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return (unsigned)(*state % n);
}
