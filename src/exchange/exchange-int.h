/*
 * exchange-int.h: what the import/export modules (leftout.c, xmlsafe.c,
 * import-docx.c, import-odt.c, refi-*.c, merge.c) share and nobody else
 * sees.
 */
#ifndef AXIAL_EXCHANGE_INT_H
#define AXIAL_EXCHANGE_INT_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "store/project.h"
#include "base/util.h"

/* ---- leftout.c ---- */

/* Things an extractor left out, for the notice "left out 2 images and the header". */
struct leftout {
	int images, headers, footers, notes, comments, other;
};
/* "left out ..." or NULL when nothing was. */
char *leftout_notice(const struct leftout *l);

/* ---- xmlsafe.c: walking a tree xs_parse returned ---- */

/* Whether n is an element named `name` in namespace `ns` (any if NULL). */
bool xs_is(const xmlNode *n, const char *ns, const char *name);
/* An attribute's value by local name (any namespace) or NULL; caller frees. */
char *xs_attr(const xmlNode *n, const char *name);
/* The first child element named name in ns, or NULL. */
xmlNode *xs_child(const xmlNode *n, const char *ns, const char *name);

/* ---- import-docx.c, import-odt.c: from an archive already read ---- */

/* docx_extract and odt_extract on an archive zs_read has read. */
struct zs_archive;
char *docx_extract_zip(const struct zs_archive *a, size_t *outlen,
    char **notice, char **err);
char *odt_extract_zip(const struct zs_archive *a, size_t *outlen,
    char **notice, char **err);

/* ---- refi-import.c ---- */

/* A .qdpx (qdc false) or .qdc already read into memory. */
struct project;
struct refi_stats;
enum ax_status refi_import_data(struct project *p, const char *path,
    const char *data, size_t len, bool qdc, struct refi_stats *st, char **err);

#endif
