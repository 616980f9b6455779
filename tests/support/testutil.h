/* testutil.h: helpers shared by the cmocka suites. */
#ifndef AXIAL_TESTUTIL_H
#define AXIAL_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "store/project.h"

/* A fresh temporary directory for this test program (removed at exit). */
const char *tu_dir(void);
/* A path inside tu_dir(); the caller frees it. */
char *tu_path(const char *name);
/* Creates a new project file with a unique name; asserts success. */
struct project *tu_new_project(char **path);
/* Writes a file; asserts success. */
void tu_write(const char *path, const void *data, size_t len);
/* Imports text as a document named name; returns its id. */
int64_t tu_doc(struct project *p, const char *name, const char *text);
/* The codings the reader may see (coding_list without a filter). */
size_t tu_ncodings(struct project *p);
/* A number in [0, n) from the xorshift sequence in *state (not 0), so
 * each suite's random cases come out the same on every run. */
unsigned tu_rnd(uint64_t *state, unsigned n);

#define assert_ok(expr) assert_int_equal((expr), AX_OK)

#endif
