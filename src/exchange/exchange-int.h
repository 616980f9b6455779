/*
 * exchange-int.h: what the import/export modules (leftout.c, xmlsafe.c,
 * import-docx.c, import-odt.c, refi-*.c, merge.c) share and nobody else
 * sees.
 */
#ifndef AXIAL_EXCHANGE_INT_H
#define AXIAL_EXCHANGE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "store/project.h"
#include "base/util.h"

/* ---- leftout.c ---- */

/* Things an extractor left out, for the notice "left out 2 images and the
 * header"; lists: list numbers whose definition is missing or broken. */
struct leftout {
	int images, headers, footers, notes, comments, other;
	int shapes, charts, lists;
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
/* libxml2's messages to standard error off: axial says what failed. */
void xs_quiet(void);
/*
 * A document too large to hold as a tree (a REFI-QDA project.qde with a
 * million codings, 5.5 GB as libxml2's tree), read with libxml2's
 * xmlTextReader under xs_parse's rules: each child element of the root's
 * child `section` is handed to each whole (node and subtree) and freed
 * once each returns, so memory follows the largest of them. With
 * skeleton, *skeleton is the rest: the root and its other children whole,
 * section there but empty (free it with xs_free). Returns 0; -1 with
 * *err when data is refused or not well-formed (found only when the
 * reader gets there: each may have seen part of the document); or the
 * nonzero value each returned to stop.
 */
typedef int (*xs_each_fn)(void *ctx, xmlNode *n);
/*
 * The document comes from rd (up to n bytes into buf: how many, 0 at the
 * end, -1 on failure), so it is never held whole either (project.qde
 * inflated from its archive as it is parsed); the DOCTYPE refusal is made
 * on the bytes as they pass. Returns as above, or -2 when rd failed (no
 * *err: rd's message is the caller's).
 */
typedef long (*xs_read_fn)(void *ctx, char *buf, size_t n);
int xs_stream_io(xs_read_fn rd, void *rctx, const char *what,
    const char *section, xs_each_fn each, void *ctx, void **skeleton,
    char **err);

/* ---- listnum.c: a list number as word processors show it ---- */

enum listnum_fmt {
	LN_DECIMAL, LN_DECIMAL_ZERO, LN_UPPER_ROMAN, LN_LOWER_ROMAN,
	LN_UPPER_LETTER, LN_LOWER_LETTER,	/* Word: y, z, aa, bb */
	LN_UPPER_ALPHA, LN_LOWER_ALPHA,		/* ODF: y, z, aa, ab */
	LN_ORDINAL, LN_ARABIC_INDIC, LN_PERSIAN, LN_ARABIC_ALPHA,
	LN_ARABIC_ABJAD, LN_NONE,
};
/* Appends n in format f; out-of-range numbers fall back to decimal. */
void listnum_put(struct buf *b, long long n, enum listnum_fmt f);

/* ---- docx-numbering.c: Word's list numbers (word/numbering.xml) ---- */

struct zs_archive;
struct docx_num;
/* The numbering of the archive's numbering.xml and styles.xml (never NULL;
 * a part that is missing or broken numbers nothing). */
struct docx_num *docx_num_load(const struct zs_archive *a);
void docx_num_free(struct docx_num *n);
/* Appends the label (number or bullet and its suffix) of paragraph p (a
 * w:p) to b, counting it; a numbering it names but that is missing or
 * broken adds nothing and counts in lo->lists. */
void docx_num_label(struct docx_num *n, const xmlNode *p, struct buf *b,
    struct leftout *lo);

/* ---- import-docx.c, import-odt.c: from an archive already read ---- */

/* docx_extract and odt_extract on an archive zs_read has read. */
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
/* The same with the archive's caps raised to max (zs_read_max). */
enum ax_status refi_import_data_max(struct project *p, const char *path,
    const char *data, size_t len, uint64_t max, bool qdc,
    struct refi_stats *st, char **err);

#endif
