/*
 * coding.h: a code applied to a span of a document by a coder.
 *
 * start and end are Unicode code-point offsets into the document's text,
 * 0-based, end exclusive (the REFI-QDA unit); an empty or out-of-range span
 * is refused. Overlapping codings, of one code or many, are allowed. A coder
 * changes and removes only their own codings.
 */
#ifndef AXIAL_CODING_H
#define AXIAL_CODING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/project.h"

struct coding {
	int64_t id, doc, node, coder;
	int64_t start, end;
	int64_t created;	/* Unix seconds */
	char guid[37];
};

/* A filter: 0 in a field matches any value. */
struct coding_filter {
	int64_t doc, node, coder;
};

enum ax_status coding_add(struct project *p, int64_t doc, int64_t node,
    int64_t start, int64_t end, int64_t *id);
/*
 * For importers and merge only: a coding attributed to coder as_coder (a
 * coders row id; 0 is the acting coder), keeping the other tool's GUID
 * (NULL: a new one) and creation time (Unix seconds; 0: now). Everything
 * else is checked as in coding_add. Nothing else may write codings in
 * another coder's name: a coder changes only their own codings.
 */
enum ax_status coding_add_as(struct project *p, int64_t as_coder, int64_t doc,
    int64_t node, int64_t start, int64_t end, const char *guid,
    int64_t created, int64_t *id);
/* By GUID (compared in lower case); AX_ERR_NOTFOUND if none. */
enum ax_status coding_find_guid(struct project *p, const char *guid, int64_t *id);
/* Whether this exact coding (document, code, coder, span) exists. */
bool coding_exists(struct project *p, int64_t doc, int64_t node, int64_t coder,
    int64_t start, int64_t end);
enum ax_status coding_remove(struct project *p, int64_t id);
enum ax_status coding_set_range(struct project *p, int64_t id, int64_t start,
    int64_t end);
enum ax_status coding_get(struct project *p, int64_t id, struct coding *c);
/* Sorted by document position, start, end, id. The caller frees *out. */
enum ax_status coding_list(struct project *p, const struct coding_filter *f,
    struct coding **out, size_t *n);
/* How many codings each (code, coder) has, as the reader may see them. */
struct coding_count {
	int64_t node, coder, n;
};
/* Unsorted; the caller frees *out. One row per pair with codings, so its
 * size follows the codebook and the coders, not the codings. */
enum ax_status coding_counts(struct project *p, struct coding_count **out,
    size_t *n);
/*
 * The code-point offset of the nth (1-based) occurrence of quote in the
 * document, for `axial tag --quote`; AX_ERR_NOTFOUND if there is none.
 */
enum ax_status coding_find_quote(struct project *p, int64_t doc,
    const char *quote, int nth, int64_t *start, int64_t *end);

/*
 * Coding changes committed by anyone (this process or another) after
 * *cursor, oldest first, from the change log: what live views apply to stay
 * current without reloading everything. A view takes coding_changes_cursor()
 * before it loads, then calls coding_changes_since(), which advances *cursor
 * past what it returned (all read in one snapshot, so nothing slips between).
 */
int64_t coding_changes_cursor(struct project *p);
struct coding_change {
	bool removed;		/* true: `old` is gone; false: `now` is new */
	struct coding c;
};
/* *structure (may be NULL) is set when documents or the code tree changed
 * too: views that index them must reload. */
enum ax_status coding_changes_since(struct project *p, int64_t *cursor,
    struct coding_change **out, size_t *n, bool *structure);

#endif
