/*
 * document.h: interview transcripts and their attributes.
 *
 * A document's text is UTF-8 with LF line endings, otherwise exactly as
 * imported: it is never normalised, because codings address it by Unicode
 * code-point offsets (0-based, end exclusive, the REFI-QDA unit) and any
 * rewrite would move them. Each LF-separated line is one paragraph.
 * Documents keep the interview order (position 1, 2, ...), which saturation
 * analysis depends on.
 */
#ifndef AXIAL_DOCUMENT_H
#define AXIAL_DOCUMENT_H

#include <stddef.h>
#include <stdint.h>

#include "store/project.h"

struct doc_info {
	int64_t id;
	char *name;
	int64_t position;	/* interview order, from 1 */
	char *source;		/* file name it was imported from, or "" */
	char sha256[65];	/* of the stored text, lower-case hex */
	int64_t nchars;		/* code points */
	int64_t nbytes;
	char *direction;	/* "auto", "rtl" or "ltr" */
	char *guid;
};
void doc_info_done(struct doc_info *d);
void doc_list_free(struct doc_info *docs, size_t n);

/*
 * Imports data[0..len) as a new document named `name` (NFC-normalised; must
 * be unique) at the end of the interview order. Accepts UTF-8 (a BOM is
 * stripped) and UTF-16 with a BOM; CRLF and lone CR become LF. Invalid
 * UTF-8 or a NUL is refused with the line and byte offset in the message.
 */
enum ax_status doc_import(struct project *p, const char *name,
    const char *data, size_t len, const char *source, int64_t *id);

/*
 * For importers (REFI-QDA, merge): as doc_import, keeping the document's
 * GUID from the other tool (lower-case 8-4-4-4-12; NULL makes a new one).
 * A GUID the project already has is refused (AX_ERR_IO from the unique
 * index), so importers look it up first with doc_find_guid.
 */
enum ax_status doc_import_ex(struct project *p, const char *name,
    const char *data, size_t len, const char *source, const char *guid,
    int64_t *id);
/* The first document whose stored text has this SHA-256 (lower-case hex). */
enum ax_status doc_find_sha256(struct project *p, const char *sha256, int64_t *id);
/* By GUID (compared in lower case); AX_ERR_NOTFOUND if none. */
enum ax_status doc_find_guid(struct project *p, const char *guid, int64_t *id);

/* All documents in interview order; free with doc_list_free. */
enum ax_status doc_list(struct project *p, struct doc_info **docs, size_t *n);
enum ax_status doc_get(struct project *p, int64_t id, struct doc_info *d);
/* By exact (NFC) name, else folded as codetree_find folds it (one match
 * only; the message of a miss names the closest document), or "#ID", or
 * the interview position as "@N". */
enum ax_status doc_find(struct project *p, const char *ref, int64_t *id);
/* By exact name only (whether an importer's name is taken). */
enum ax_status doc_find_name(struct project *p, const char *name, int64_t *id);
/* The stored text; the caller frees *text. */
enum ax_status doc_text(struct project *p, int64_t id, char **text, size_t *len);
/* doc_text for a pass that reads every document once (the agreement
 * pane's): through a small page cache, so that the pass does not leave
 * the connection's filled with text nobody reads again. */
enum ax_status doc_text_pass(struct project *p, int64_t id, char **text,
    size_t *len);
/* Bytes [off, off + n) of the stored text (fewer at its end, none past
 * it; n may be SIZE_MAX), read alone: the agreement pane's look at a few
 * code points around a coding, in a document of any size. */
enum ax_status doc_text_range(struct project *p, int64_t id, size_t off,
    size_t n, char **text, size_t *len);
enum ax_status doc_rename(struct project *p, int64_t id, const char *name);
/* Moves the document to interview position pos (1-based), shifting others. */
enum ax_status doc_set_position(struct project *p, int64_t id, int64_t pos);
enum ax_status doc_set_direction(struct project *p, int64_t id, const char *dir);
/* Removes the document with its codings, attributes and memos. */
enum ax_status doc_remove(struct project *p, int64_t id);

struct doc_attr {
	char *key, *value;
};
/* value NULL removes the attribute. Keys are NFC-normalised. */
enum ax_status doc_attr_set(struct project *p, int64_t id, const char *key,
    const char *value);
enum ax_status doc_attr_list(struct project *p, int64_t id,
    struct doc_attr **attrs, size_t *n);
void doc_attr_list_free(struct doc_attr *attrs, size_t n);

#endif
