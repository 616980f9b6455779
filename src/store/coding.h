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
/*
 * Many codings for importers and merge, each as coding_add_as would add
 * it, in one action (the caller's, when one is open): the documents' lengths,
 * the codes and the coders are read once, an INSERT adds 32 codings at a
 * time, and the change log and the counts' triggers fire per row as for
 * coding_add_as.
 * A coding already here is skipped, as the callers of coding_add_as skip it:
 * one with the same GUID (id: that coding) or, failing that, with the same
 * document, code, coder and span (id: 0). A refused coding fails the lot.
 */
enum coding_fate { CODING_ADDED, CODING_SAME_GUID, CODING_SAME_SPAN };
struct coding_new {
	int64_t coder;		/* a coders row id; 0 is the acting coder */
	int64_t doc, node, start, end;
	int64_t created;	/* Unix seconds; 0: now */
	const char *guid;	/* NULL: a new one */
	enum coding_fate fate;	/* out */
	int64_t id;		/* out: the new coding, or the one with its GUID */
};
enum ax_status coding_add_many(struct project *p, struct coding_new *v,
    size_t n);
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
/*
 * The codings per code and coder the reader may see (blind.h), one entry
 * per pair with at least one, by node then coder: kept as codings change
 * (db-counts.c), so this reads no coding. The caller frees *out.
 */
struct coding_count {
	int64_t node, coder, n;
};
enum ax_status coding_counts(struct project *p, struct coding_count **out,
    size_t *n);

/*
 * A large study read a page at a time: at most limit codings with
 * after < id <= upto, in id order (coding_list's visibility), so a loop
 * reads a million codings in slices between keys; coding_max_id gives
 * the upto of a reading begun now. The pages are separate snapshots:
 * the reader applies the changes committed meanwhile by id
 * (coding_changes_since). A page is read through a small page cache
 * (doc_text_pass says why).
 */
int64_t coding_max_id(struct project *p);
enum ax_status coding_list_page(struct project *p, int64_t after,
    int64_t upto, size_t limit, struct coding **out, size_t *n);

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
