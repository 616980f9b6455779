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

#define assert_ok(expr) assert_int_equal((expr), AX_OK)

#endif
