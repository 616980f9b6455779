/*
 * memo.h: memos on a document, a code or category, a coding, a link
 * (link.h), or none (free-standing), typed as grounded theory uses them. A
 * storyline memo (selective coding) tells the study's story around its
 * core category: memo_add puts one only on a category.
 */
#ifndef AXIAL_MEMO_H
#define AXIAL_MEMO_H

#include <stddef.h>
#include <stdint.h>

#include "store/project.h"

enum memo_target { MEMO_FREE, MEMO_DOCUMENT, MEMO_NODE, MEMO_CODING,
	MEMO_LINK };
enum memo_type { MEMO_TYPE_FREE, MEMO_TYPE_CODE, MEMO_TYPE_THEORETICAL,
	MEMO_TYPE_OPERATIONAL, MEMO_TYPE_STORYLINE };

/* "free", "document", "node", "coding", "link" */
const char *memo_target_name(enum memo_target t);
int memo_target_parse(const char *s);
/* "free", "code", "theoretical", "operational", "storyline" */
const char *memo_type_name(enum memo_type t);
int memo_type_parse(const char *s);

struct memo {
	int64_t id;
	enum memo_target target;
	int64_t target_id;	/* 0 for free memos */
	enum memo_type type;
	char *title, *body, *author, *guid;
	int64_t created, modified;	/* Unix seconds */
};
void memo_done(struct memo *m);
void memo_list_free(struct memo *m, size_t n);

/* A storyline memo goes on a category (MEMO_NODE), else it is refused. */
enum ax_status memo_add(struct project *p, enum memo_target target,
    int64_t target_id, enum memo_type type, const char *title,
    const char *body, int64_t *id);
/*
 * For importers and merge only: memo_add with the author (a coders row id;
 * 0 is the acting coder), creation and modification times (Unix seconds;
 * 0: now) and GUID (NULL: a new one) kept from the other tool; a storyline
 * memo stays on whatever target the other file put it.
 */
struct memo_import_info {
	int64_t author, created, modified;
	const char *guid;
};
enum ax_status memo_add_ex(struct project *p, enum memo_target target,
    int64_t target_id, enum memo_type type, const char *title,
    const char *body, const struct memo_import_info *mi, int64_t *id);
/* By GUID (compared in lower case); AX_ERR_NOTFOUND if none. */
enum ax_status memo_find_guid(struct project *p, const char *guid, int64_t *id);
/* Replaces title (if not NULL) and body (if not NULL). */
enum ax_status memo_update(struct project *p, int64_t id, const char *title,
    const char *body);
enum ax_status memo_remove(struct project *p, int64_t id);
enum ax_status memo_get(struct project *p, int64_t id, struct memo *m);
/* target MEMO_FREE with target_id -1 lists every memo. */
enum ax_status memo_list(struct project *p, enum memo_target target,
    int64_t target_id, struct memo **out, size_t *n);

#endif
