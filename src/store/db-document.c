/*
 * db-document.c: documents, their text and attributes (document.h).
 *
 * The text lives in its own table, document_text, so that listing documents
 * or opening a project never reads it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/document.h"
#include "base/i18n.h"
#include "base/textin.h"
#include "store/db-int.h"

void
doc_info_done(struct doc_info *d)
{
	free(d->name);
	free(d->source);
	free(d->direction);
	free(d->guid);
	memset(d, 0, sizeof *d);
}

void
doc_list_free(struct doc_info *docs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		doc_info_done(&docs[i]);
	free(docs);
}

#define DOC_COLS "id, name, position, source, sha256, nchars, nbytes, direction, guid"

static void
doc_from_row(sqlite3_stmt *st, struct doc_info *d)
{
	const unsigned char *h;

	d->id = sqlite3_column_int64(st, 0);
	d->name = db_col_str(st, 1);
	d->position = sqlite3_column_int64(st, 2);
	d->source = db_col_str(st, 3);
	h = sqlite3_column_text(st, 4);
	snprintf(d->sha256, sizeof d->sha256, "%s", h ? (const char *)h : "");
	d->nchars = sqlite3_column_int64(st, 5);
	d->nbytes = sqlite3_column_int64(st, 6);
	d->direction = db_col_str(st, 7);
	d->guid = db_col_str(st, 8);
}

enum ax_status
doc_import(struct project *p, const char *name, const char *data, size_t len,
    const char *source, int64_t *id)
{
	return doc_import_ex(p, name, data, len, source, NULL, id);
}

enum ax_status
doc_import_ex(struct project *p, const char *name, const char *data,
    size_t len, const char *source, const char *guid, int64_t *id)
{
	char *text = NULL, *err = NULL, *nname = NULL;
	char sha[65];
	size_t tlen;
	sqlite3_stmt *st;
	enum ax_status s;

	if ((nname = db_name(p, NAME_DOCUMENT, name)) == NULL)
		return AX_ERR_INPUT;
	text = textin_decode(data, len, &tlen, &err);
	if (text == NULL) {
		s = db_fail(p, AX_ERR_INPUT, "%s: %s", source && *source ? source : nname, err);
		goto out;
	}
	textin_sha256(text, tlen, sha);
	if ((s = db_action_begin(p, "import")) != AX_OK)
		goto out;
	st = db_stmt(p, "SELECT 1 FROM documents WHERE name = ?");
	sqlite3_bind_text(st, 1, nname, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		s = db_fail(p, AX_ERR_EXISTS, "a document named '%s' already exists",
		    nname);
	sqlite3_reset(st);
	if (s == AX_OK) {
		st = db_stmt(p, "INSERT INTO documents(name, position, source, sha256,"
		    " nchars, nbytes, guid, created) VALUES (?1,"
		    " (SELECT ifnull(max(position), 0) + 1 FROM documents), ?2, ?3,"
		    " ?4, ?5, ifnull(lower(?6), uuid()), strftime('%s','now'))");
		sqlite3_bind_text(st, 1, nname, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, source ? source : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, sha, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, (int64_t)textin_nchars(text, tlen));
		sqlite3_bind_int64(st, 5, (int64_t)tlen);
		if (guid != NULL)
			sqlite3_bind_text(st, 6, guid, -1, SQLITE_STATIC);
		s = db_exec_stmt(p, st);
	}
	if (s == AX_OK) {
		int64_t newid = sqlite3_last_insert_rowid(p->db);

		st = db_stmt(p, "INSERT INTO document_text(id, text) VALUES (?1, ?2)");
		sqlite3_bind_int64(st, 1, newid);
		sqlite3_bind_text(st, 2, text, (int)tlen, SQLITE_STATIC);
		s = db_exec_stmt(p, st);
		if (id != NULL)
			*id = newid;
	}
	s = db_action_end(p, s);
out:
	free(text);
	free(err);
	free(nname);
	return s;
}

enum ax_status
doc_list(struct project *p, struct doc_info **docs, size_t *n)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT " DOC_COLS " FROM documents"
	    " ORDER BY position, id");
	struct doc_info *v = NULL;
	size_t cap = 0, k = 0;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xgrow(v, &cap, k + 1, sizeof *v);
		doc_from_row(st, &v[k++]);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		doc_list_free(v, k);
		return db_sqlite_fail(p, rc);
	}
	*docs = v;
	*n = k;
	return AX_OK;
}

enum ax_status
doc_get(struct project *p, int64_t id, struct doc_info *d)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT " DOC_COLS " FROM documents WHERE id = ?");
	enum ax_status s = AX_OK;

	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		doc_from_row(st, d);
	else
		s = db_fail(p, AX_ERR_NOTFOUND, "no document #%lld", (long long)id);
	sqlite3_reset(st);
	return s;
}

enum ax_status
doc_find(struct project *p, const char *ref, int64_t *id)
{
	sqlite3_stmt *st;
	char *name, *near = NULL;
	bool found;
	int matches;
	enum ax_status s = AX_OK;

	if (ref[0] == '#' || ref[0] == '@') {
		char *end;
		long long v = strtoll(ref + 1, &end, 10);

		if (*end == '\0' && end != ref + 1) {
			*id = db_int(p, ref[0] == '#' ?
			    "SELECT id FROM documents WHERE id = ?" :
			    "SELECT id FROM documents WHERE position = ?", v, 0);
			if (*id != 0)
				return AX_OK;
			return db_fail(p, AX_ERR_NOTFOUND, "no document %s", ref);
		}
	}
	name = name_key(ref);
	st = db_stmt(p, "SELECT id FROM documents WHERE name = ?");
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	if (found)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (found)
		goto out;
	/* Not as typed: folded as the workbench's finder folds (ي/ی, ZWNJ). */
	st = db_stmt(p, "SELECT id, name FROM documents ORDER BY position, id");
	matches = db_name_fold_find(st, ref, id, &near);
	if (matches > 1)
		s = db_fail(p, AX_ERR_INPUT, "'%s' matches more than one document "
		    "once ي/ی, ك/ک, ZWNJ and spaces are set aside; give its exact "
		    "name, its #id or its @position", ref);
	else if (matches == 0 && near != NULL)
		s = db_fail(p, AX_ERR_NOTFOUND, "no document '%s'; did you mean "
		    "«%s»?", name, near);
	else if (matches == 0)
		s = db_fail(p, AX_ERR_NOTFOUND, "no document '%s'", name);
out:
	free(near);
	free(name);
	return s;
}

/* The first document (in interview order) whose column equals value. */
static enum ax_status
doc_find_by(struct project *p, const char *sql, const char *what,
    const char *value, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(p, sql);
	enum ax_status s = AX_OK;

	sqlite3_bind_text(st, 1, value, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else
		s = db_fail(p, AX_ERR_NOTFOUND, "no document with %s %s", what, value);
	sqlite3_reset(st);
	return s;
}

enum ax_status
doc_find_sha256(struct project *p, const char *sha256, int64_t *id)
{
	return doc_find_by(p, "SELECT id FROM documents WHERE sha256 = ?"
	    " ORDER BY position, id LIMIT 1", "content SHA-256", sha256, id);
}

enum ax_status
doc_find_name(struct project *p, const char *name, int64_t *id)
{
	return doc_find_by(p, "SELECT id FROM documents WHERE name = ?",
	    "name", name, id);
}

enum ax_status
doc_find_guid(struct project *p, const char *guid, int64_t *id)
{
	return doc_find_by(p, "SELECT id FROM documents WHERE guid = lower(?)",
	    "GUID", guid, id);
}

/* Texts from this size on are read by doc_text_bulk. */
#define DOC_TEXT_BULK ((int64_t)4 << 20)

/* A large text read straight into its final buffer (incremental blob I/O):
 * the statement path would hold it twice, SQLite's copy and ours, and on
 * fresh memory each copy costs a page fault per 4 KiB. Its overflow pages
 * pass through once (db_pass_begin), from the file memory-mapped (12,000
 * preads for 50 MB were a third of the read's time). False when the row
 * cannot be read so (doc_text's statement then says why). */
static bool
doc_text_bulk(struct project *p, int64_t id, char **text, size_t *len)
{
	sqlite3_blob *b = NULL;
	char *buf = NULL;
	int n;
	bool ok = false;

	if (db_pass_begin(p, DB_PASS_SMALL | DB_PASS_MAP) != AX_OK)
		return false;
	if (sqlite3_blob_open(p->db, "main", "document_text", "text", id, 0,
	    &b) != SQLITE_OK)
		goto out;
	n = sqlite3_blob_bytes(b);
	buf = xmalloc_bulk((size_t)n + 1);
	if (sqlite3_blob_read(b, buf, n, 0) != SQLITE_OK)
		goto out;
	buf[n] = '\0';
	*text = buf;
	*len = (size_t)n;
	buf = NULL;
	ok = true;
out:
	sqlite3_blob_close(b);	/* a no-op on NULL */
	free(buf);
	db_pass_end(p, DB_PASS_SMALL | DB_PASS_MAP);
	return ok;
}

enum ax_status
doc_text(struct project *p, int64_t id, char **text, size_t *len)
{
	sqlite3_stmt *st;
	enum ax_status s = AX_OK;

	/* documents.nbytes only picks the path (the file may lie about it):
	   either path reads the text's real length */
	if (db_int(p, "SELECT nbytes FROM documents WHERE id = ?", id, 0) >=
	    DOC_TEXT_BULK && doc_text_bulk(p, id, text, len))
		return AX_OK;
	st = db_stmt(p, "SELECT text FROM document_text WHERE id = ?");
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*len = (size_t)sqlite3_column_bytes(st, 0);
		*text = db_col_str(st, 0);
	} else {
		s = db_fail(p, AX_ERR_NOTFOUND, "no document #%lld", (long long)id);
	}
	sqlite3_reset(st);
	return s;
}

enum ax_status
doc_text_pass(struct project *p, int64_t id, char **text, size_t *len)
{
	enum ax_status s;

	/* at 10x the agreement pane's pass held 17 MB of text pages */
	if ((s = db_pass_begin(p, DB_PASS_SMALL)) != AX_OK)
		return s;
	s = doc_text(p, id, text, len);
	db_pass_end(p, DB_PASS_SMALL);
	return s;
}

enum ax_status
doc_text_range(struct project *p, int64_t id, size_t off, size_t n,
    char **text, size_t *len)
{
	sqlite3_blob *b = NULL;
	enum ax_status s = AX_OK;
	size_t total;
	unsigned how;
	int rc;

	*text = NULL;
	*len = 0;
	/* the overflow chain up to off is walked page by page: through once,
	   and from the mapping for a large text (12,000 pages for 50 MB) */
	how = DB_PASS_SMALL | (db_int(p, "SELECT nbytes FROM documents WHERE"
	    " id = ?", id, 0) >= DOC_TEXT_BULK ? DB_PASS_MAP : 0);
	if ((s = db_pass_begin(p, how)) != AX_OK)
		return s;
	if ((rc = sqlite3_blob_open(p->db, "main", "document_text", "text", id,
	    0, &b)) != SQLITE_OK) {
		s = rc == SQLITE_ERROR ? db_fail(p, AX_ERR_NOTFOUND,
		    "no document #%lld", (long long)id) : db_sqlite_fail(p, rc);
		goto out;
	}
	total = (size_t)sqlite3_blob_bytes(b);
	if (off > total)
		off = total;
	if (n > total - off)
		n = total - off;
	*text = xmalloc(n + 1);
	if (n > 0 && (rc = sqlite3_blob_read(b, *text, (int)n, (int)off)) !=
	    SQLITE_OK) {
		s = db_sqlite_fail(p, rc);
		free(*text);
		*text = NULL;
		goto out;
	}
	(*text)[n] = '\0';
	*len = n;
out:
	sqlite3_blob_close(b);	/* a no-op on NULL */
	db_pass_end(p, how);
	return s;
}

static enum ax_status
need_doc(struct project *p, int64_t id)
{
	if (db_int(p, "SELECT count(*) FROM documents WHERE id = ?", id, 0) == 0)
		return db_fail(p, AX_ERR_NOTFOUND, "no document #%lld", (long long)id);
	return AX_OK;
}

enum ax_status
doc_rename(struct project *p, int64_t id, const char *name)
{
	char *nname;
	sqlite3_stmt *st;
	enum ax_status s;

	if ((nname = db_name(p, NAME_DOCUMENT, name)) == NULL)
		return AX_ERR_INPUT;
	if ((s = db_action_begin(p, "document rename")) != AX_OK)
		goto out;
	if ((s = need_doc(p, id)) == AX_OK) {
		st = db_stmt(p, "SELECT 1 FROM documents WHERE name = ?1 AND id <> ?2");
		sqlite3_bind_text(st, 1, nname, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			s = db_fail(p, AX_ERR_EXISTS, "a document named '%s' already "
			    "exists", nname);
		sqlite3_reset(st);
	}
	if (s == AX_OK) {
		st = db_stmt(p, "UPDATE documents SET name = ?1 WHERE id = ?2 AND name <> ?1");
		sqlite3_bind_text(st, 1, nname, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, id);
		s = db_exec_stmt(p, st);
	}
	s = db_action_end(p, s);
out:
	free(nname);
	return s;
}

enum ax_status
doc_set_position(struct project *p, int64_t id, int64_t pos)
{
	sqlite3_stmt *st;
	enum ax_status s;
	int64_t old, count;

	if ((s = db_action_begin(p, "document reorder")) != AX_OK)
		return s;
	if ((s = need_doc(p, id)) != AX_OK)
		return db_action_end(p, s);
	count = db_int(p, "SELECT count(*) FROM documents", 0, 0);
	if (pos < 1 || pos > count)
		return db_action_end(p, db_fail(p, AX_ERR_INPUT, "position %lld is "
		    "out of range 1..%lld", (long long)pos, (long long)count));
	/* Renumber densely first so positions stay 1..n after any history. */
	s = db_exec(p, "UPDATE documents SET position = (SELECT count(*) FROM"
	    " documents d2 WHERE d2.position < documents.position OR"
	    " (d2.position = documents.position AND d2.id <= documents.id))"
	    " WHERE position <> (SELECT count(*) FROM documents d2 WHERE"
	    " d2.position < documents.position OR (d2.position ="
	    " documents.position AND d2.id <= documents.id))");
	old = db_int(p, "SELECT position FROM documents WHERE id = ?", id, 0);
	if (s == AX_OK && old != pos) {
		st = db_stmt(p, "UPDATE documents SET position = CASE"
		    " WHEN id = ?1 THEN ?3"
		    " WHEN ?3 < ?2 AND position >= ?3 AND position < ?2 THEN position + 1"
		    " WHEN ?3 > ?2 AND position <= ?3 AND position > ?2 THEN position - 1"
		    " ELSE position END"
		    " WHERE id = ?1 OR position BETWEEN min(?2, ?3) AND max(?2, ?3)");
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, old);
		sqlite3_bind_int64(st, 3, pos);
		s = db_exec_stmt(p, st);
	}
	return db_action_end(p, s);
}

enum ax_status
doc_set_direction(struct project *p, int64_t id, const char *dir)
{
	sqlite3_stmt *st;
	enum ax_status s;

	if (strcmp(dir, "auto") != 0 && strcmp(dir, "rtl") != 0 && strcmp(dir, "ltr") != 0)
		return db_fail(p, AX_ERR_INPUT, "direction must be auto, rtl or ltr, "
		    "not '%s'", dir);
	if ((s = db_action_begin(p, "document direction")) != AX_OK)
		return s;
	if ((s = need_doc(p, id)) == AX_OK) {
		st = db_stmt(p, "UPDATE documents SET direction = ?1 WHERE id = ?2"
		    " AND direction <> ?1");
		sqlite3_bind_text(st, 1, dir, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, id);
		s = db_exec_stmt(p, st);
	}
	return db_action_end(p, s);
}

enum ax_status
doc_remove(struct project *p, int64_t id)
{
	/* Children first, so that undo can restore them in reverse. */
	static const char *const sql[] = {
		("DELETE FROM memos WHERE (target = 'document' AND target_id = ?1)"
		" OR (target = 'coding' AND target_id IN"
		" (SELECT id FROM codings WHERE doc_id = ?1))"),
		("DELETE FROM link_evidence WHERE coding_id IN"
		" (SELECT id FROM codings WHERE doc_id = ?1)"),
		"DELETE FROM codings WHERE doc_id = ?1",
		"DELETE FROM attributes WHERE doc_id = ?1",
		"DELETE FROM document_text WHERE id = ?1",
		"DELETE FROM documents WHERE id = ?1",
	};
	enum ax_status s;
	size_t i;

	if ((s = db_action_begin(p, "document remove")) != AX_OK)
		return s;
	s = need_doc(p, id);
	for (i = 0; s == AX_OK && i < AX_ARRAY_LEN(sql); i++)
		s = db_exec_id(p, sql[i], id);
	return db_action_end(p, s);
}

enum ax_status
doc_attr_set(struct project *p, int64_t id, const char *key, const char *value)
{
	char *nkey;
	sqlite3_stmt *st;
	enum ax_status s;

	/* removing looks the key up: one from elsewhere may hold anything */
	if ((nkey = value == NULL ? name_key(key) :
	    db_name(p, NAME_ATTRIBUTE, key)) == NULL)
		return AX_ERR_INPUT;
	if (value != NULL && (s = db_label(p, NAME_ATTR_VALUE, value)) != AX_OK) {
		free(nkey);
		return s;
	}
	if ((s = db_action_begin(p, "attribute")) != AX_OK)
		goto out;
	if ((s = need_doc(p, id)) != AX_OK)
		goto end;
	if (value == NULL) {
		st = db_stmt(p, "DELETE FROM attributes WHERE doc_id = ?1 AND key = ?2");
	} else {
		st = db_stmt(p, "INSERT INTO attributes(doc_id, key, value)"
		    " VALUES (?1, ?2, ?3) ON CONFLICT(doc_id, key) DO UPDATE"
		    " SET value = excluded.value WHERE value <> excluded.value");
		sqlite3_bind_text(st, 3, value, -1, SQLITE_STATIC);
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, nkey, -1, SQLITE_STATIC);
	s = db_exec_stmt(p, st);
end:
	s = db_action_end(p, s);
out:
	free(nkey);
	return s;
}

enum ax_status
doc_attr_list(struct project *p, int64_t id, struct doc_attr **attrs, size_t *n)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT key, value FROM attributes"
	    " WHERE doc_id = ? ORDER BY key");
	struct doc_attr *v = NULL;
	size_t cap = 0, k = 0;

	sqlite3_bind_int64(st, 1, id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		v = xgrow(v, &cap, k + 1, sizeof *v);
		v[k].key = db_col_str(st, 0);
		v[k].value = db_col_str(st, 1);
		k++;
	}
	sqlite3_reset(st);
	*attrs = v;
	*n = k;
	return AX_OK;
}

void
doc_attr_list_free(struct doc_attr *attrs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(attrs[i].key);
		free(attrs[i].value);
	}
	free(attrs);
}
