/*
 * db-fts.c: the search index's tables and its tokenizer (search.h,
 * docs/search.md §4).
 *
 * db_search_schema is a migration step: FTS5 tables over document_text and
 * memos with external content (the text is stored once), the triggers
 * that keep them in step in the transaction that changes the text, and
 * their first filling. The tokenizer "axial" gives the words of
 * searchkey_words with their byte ranges in the original text; it is
 * registered on every connection (db_conn_setup) and on the reference
 * schema's (db_schema_build). This file calls nothing else in the store.
 */
#include <stdlib.h>
#include <string.h>

#include "store/db-int.h"
#include "text/searchkey.h"

const char db_search_schema[] =
    "CREATE VIRTUAL TABLE search_text USING fts5(text,"
    "  content='document_text', content_rowid='id', tokenize='axial',"
    "  columnsize=0);"
    "CREATE VIRTUAL TABLE search_memos USING fts5(body,"
    "  content='memos', content_rowid='id', tokenize='axial', columnsize=0);"
    "CREATE TRIGGER search_text_insert AFTER INSERT ON document_text BEGIN"
    "  INSERT INTO search_text(rowid, text) VALUES(new.id, new.text); END;"
    "CREATE TRIGGER search_text_delete AFTER DELETE ON document_text BEGIN"
    "  INSERT INTO search_text(search_text, rowid, text)"
    "  VALUES('delete', old.id, old.text); END;"
    "CREATE TRIGGER search_text_update AFTER UPDATE ON document_text BEGIN"
    "  INSERT INTO search_text(search_text, rowid, text)"
    "  VALUES('delete', old.id, old.text);"
    "  INSERT INTO search_text(rowid, text) VALUES(new.id, new.text); END;"
    "CREATE TRIGGER search_memos_insert AFTER INSERT ON memos BEGIN"
    "  INSERT INTO search_memos(rowid, body) VALUES(new.id, new.body); END;"
    "CREATE TRIGGER search_memos_delete AFTER DELETE ON memos BEGIN"
    "  INSERT INTO search_memos(search_memos, rowid, body)"
    "  VALUES('delete', old.id, old.body); END;"
    "CREATE TRIGGER search_memos_update AFTER UPDATE OF body ON memos BEGIN"
    "  INSERT INTO search_memos(search_memos, rowid, body)"
    "  VALUES('delete', old.id, old.body);"
    "  INSERT INTO search_memos(rowid, body) VALUES(new.id, new.body); END;"
    "INSERT INTO search_text(search_text) VALUES('rebuild');"
    "INSERT INTO search_memos(search_memos) VALUES('rebuild');";

bool
db_search_object(const char *type, const char *name, const char *sql)
{
	static const char *const shadow[] = {
		"search_text_data", "search_text_idx", "search_text_config",
		"search_text_docsize", "search_text_content",
		"search_memos_data", "search_memos_idx", "search_memos_config",
		"search_memos_docsize", "search_memos_content",
	};
	const char *at;
	size_t i, n = strlen(sql);

	if (strcmp(type, "table") == 0)
		for (i = 0; i < AX_ARRAY_LEN(shadow); i++)
			if (strcmp(name, shadow[i]) == 0)
				return true;	/* FTS5's own, by name */
	/* one whole statement of the schema: from its start to its ';' */
	for (at = db_search_schema; n > 0 && (at = strstr(at, sql)) != NULL;
	    at++)
		if ((at == db_search_schema || at[-1] == ';') && at[n] == ';')
			return strcmp(type, "table") == 0 ||
			    strcmp(type, "trigger") == 0;
	return false;
}

/* ---- the tokenizer ---- */

struct tok_call {
	void *ctx;
	int (*token)(void *, int, const char *, int, int, int);
};

static int
tok_word(void *arg, const char *w, size_t wl, size_t bs, size_t be)
{
	struct tok_call *t = arg;

	/* FTS5 hands over at most INT_MAX bytes, so the ranges fit */
	return t->token(t->ctx, 0, w, (int)wl, (int)bs, (int)be);
}

static int
tok_create(void *ctx, const char **arg, int narg, Fts5Tokenizer **out)
{
	(void)ctx;
	(void)arg;
	(void)narg;
	*out = xcalloc(1, 1);	/* stateless: any non-NULL handle */
	return SQLITE_OK;
}

static void
tok_delete(Fts5Tokenizer *t)
{
	free(t);
}

static int
tok_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text,
    int len, int (*token)(void *, int, const char *, int, int, int))
{
	struct tok_call c = {ctx, token};

	(void)t;
	(void)flags;
	if (len <= 0)
		return SQLITE_OK;
	return searchkey_words(text, (size_t)len, NULL, tok_word, &c);
}

void
db_search_register(sqlite3 *db)
{
	fts5_tokenizer tok = {tok_create, tok_delete, tok_tokenize};
	fts5_api *api = NULL;
	sqlite3_stmt *st;

	/* without FTS5 the index tables cannot be opened: search reads all */
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (api != NULL)
		api->xCreateTokenizer(api, "axial", NULL, &tok, NULL);
}
