/*
 * db-search.c: the search index and search across documents and memos
 * (search.h, docs/search.md).
 *
 * search_text and search_memos are FTS5 tables over document_text and
 * memos (external content: the text is stored once), kept in step by
 * triggers, so an import, a removal or an undo changes the index in the
 * transaction that changes the text (db-fts.c).
 *
 * The index only chooses which texts to read: each candidate is searched
 * with the search key, one paragraph at a time, so a hit means the same
 * here as in the transcript's own search. A query the index cannot answer
 * (no such table, a damaged one) reads every text instead.
 *
 * Invariants: a hit lies inside its paragraph.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "store/db-int.h"
#include "store/document.h"
#include "store/search.h"
#include "text/searchkey.h"
#include "text/text.h"

/* Tokens of the query whose spellings are tried joined and apart. */
#define JOIN_MAX 5

/* ---- the query ---- */

struct words {
	char **w;
	size_t n, cap;
};

static int
add_word(void *arg, const char *w, size_t wl, size_t bs, size_t be)
{
	struct words *ws = arg;

	(void)bs;
	(void)be;
	ws->w = xgrow(ws->w, &ws->cap, ws->n + 1, sizeof *ws->w);
	ws->w[ws->n++] = xstrndup(w, wl);
	return 0;
}

static void
quote(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '"')
			buf_putc(b, '"');
		buf_putc(b, *s);
	}
}

/*
 * The FTS5 expression that finds every text a hit may lie in: the first
 * JOIN_MAX words as one phrase, each space between them kept or dropped
 * (a space in the query matches none in the text), the last one a prefix
 * unless whole words are asked for and no word is left out.
 */
static char *
match_expr(const struct words *ws, bool whole)
{
	size_t k = ws->n < JOIN_MAX ? ws->n : JOIN_MAX, i;
	unsigned mask, nmask = 1u << (k - 1);
	bool prefix = !whole || ws->n > k;
	struct buf b = {0};

	for (mask = 0; mask < nmask; mask++) {
		buf_puts(&b, mask ? " OR \"" : "\"");
		for (i = 0; i < k; i++) {
			if (i > 0 && !(mask & (1u << (i - 1))))
				buf_putc(&b, ' ');
			quote(&b, ws->w[i]);
		}
		buf_puts(&b, prefix ? "\"*" : "\"");
	}
	return buf_take(&b);
}

/* ---- running it ---- */

struct run {
	struct project *p;
	const struct search_query *q;
	struct searchkey *needle;
	char *speaker;		/* the wanted label's key, or NULL */
	search_fn fn;
	void *arg;
	bool stop;
};

/* A label's key without its spaces, so "P 1" is "P1" and «مصاحبه شونده»
 * is مصاحبه‌شونده; the caller frees it. */
static char *
label_key(const char *s, size_t n)
{
	struct searchkey *k = searchkey_new(s, n, NULL);
	char *u = searchkey_utf8(k), *r, *w;

	searchkey_free(k);
	for (r = w = u; *r != '\0'; r++)
		if (*r != ' ')
			*w++ = *r;
	*w = '\0';
	return u;
}

/* s[0..n) without the white space around it, as a string. */
static char *
trimmed(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return xstrndup(s, n);
}

/* A speaker label at the start of paragraph s[0..n): its byte length
 * before the colon in *lb and the code points up to the text after it
 * (spaces skipped) in *cp_end; false if none. */
static bool
label_of(const char *s, size_t n, size_t *lb, size_t *cp_end)
{
	size_t i = 0, cp = 0, spaces = 0;

	while (i < n && cp <= SEARCH_LABEL_MAX) {
		unsigned char c = (unsigned char)s[i];

		if (c == ':') {
			if (cp == 0)
				return false;
			*lb = i;
			for (i++, cp++; i < n && s[i] == ' '; i++)
				cp++;
			*cp_end = cp;
			return true;
		}
		if (c == '\t' || c == '.' || c == '?' || c == '!' ||
		    (c == ' ' && ++spaces > SEARCH_LABEL_SPACES))
			return false;
		i++;
		while (i < n && ((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		cp++;
	}
	return false;
}

/* The end of the turn that paragraph i is in: the end of the last
 * paragraph before the next one with a label. */
static size_t
turn_end(const struct text_doc *d, size_t i)
{
	size_t np = text_doc_paragraphs(d), lb, ce, s, e, n;

	for (i++; i < np; i++) {
		const char *t = text_doc_paragraph_utf8(d, i, &n);

		if (label_of(t, n, &lb, &ce))
			break;
	}
	text_doc_paragraph(d, i - 1, &s, &e);
	return e;
}

/* Every hit in one text (a document's or a memo's). */
static void
search_text(struct run *r, struct search_hit *h, const struct text_doc *d)
{
	size_t np = text_doc_paragraphs(d), i, lb = 0, ce = 0;
	int flags = SEARCHKEY_WORD_START |
	    ((r->q->flags & SEARCH_WORD) ? SEARCHKEY_WORD_END : 0);
	char *cur = xstrdup(""), *cur_key = xstrdup("");
	bool have_label = false;

	for (i = 0; i < np && !r->stop; i++) {
		size_t n, ps, pe, pos = 0, a, b, body = 0, tend = 0;
		const char *t = text_doc_paragraph_utf8(d, i, &n);
		struct searchkey *k;
		char *brk;

		text_doc_paragraph(d, i, &ps, &pe);
		if (h->doc_id != 0 && label_of(t, n, &lb, &ce)) {
			free(cur);
			free(cur_key);
			cur = trimmed(t, lb);
			cur_key = label_key(t, lb);
			have_label = true;
			body = ce;
			h->turn_start = ps + ce;
		} else if (!have_label) {
			h->turn_start = ps;
		}
		if (r->speaker != NULL && strcmp(cur_key, r->speaker) != 0)
			continue;
		k = searchkey_new(t, n, NULL);
		brk = searchkey_wordbreaks(k);
		while (!r->stop && searchkey_next(k, r->needle, brk, flags, &pos,
		    &a, &b)) {
			assert(a < b && b <= pe - ps);
			if (a < body && r->speaker != NULL)
				continue;	/* the label is no speech */
			if (tend == 0)
				tend = have_label ? turn_end(d, i) : pe;
			h->para = i;
			h->para_start = ps;
			h->para_end = pe;
			h->para_text = t;
			h->para_len = n;
			h->hit_start = a;
			h->hit_end = b;
			h->start = ps + a;
			h->end = ps + b;
			h->turn_end = tend;
			h->speaker = cur;
			r->stop = !r->fn(r->arg, h);
		}
		free(brk);
		searchkey_free(k);
	}
	free(cur);
	free(cur_key);
}

/* The ids (and positions) of the texts to read, from the index if it
 * answers; *used false if it did not. */
static void
candidates(struct run *r, const char *sql_idx, const char *sql_all,
    const char *expr, int64_t only, int64_t **ids, size_t *n, bool *used)
{
	sqlite3_stmt *st = NULL;
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	*used = expr != NULL &&
	    sqlite3_prepare_v2(r->p->db, sql_idx, -1, &st, NULL) == SQLITE_OK;
	if (!*used && sqlite3_prepare_v2(r->p->db, sql_all, -1, &st, NULL) !=
	    SQLITE_OK)
		return;
	if (*used)
		sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":q"), expr,
		    -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":only"), only);
	db_blind_bind(r->p, st);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*ids = xgrow(*ids, &cap, *n + 1, sizeof **ids);
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && *used) {	/* a damaged index: read all */
		free(*ids);
		candidates(r, sql_idx, sql_all, NULL, only, ids, n, used);
	}
}

/* Whether document id is among q's chosen set (any, without one). */
static bool
in_set(const struct search_query *q, int64_t id)
{
	size_t i;

	for (i = 0; i < q->ndocs; i++)
		if (q->docs[i] == id)
			return true;
	return q->ndocs == 0;
}

static void
search_docs(struct run *r, const char *expr, bool *degraded)
{
	int64_t *ids;
	size_t n, i;
	bool used;

	candidates(r, "SELECT d.id FROM documents d WHERE (:only = 0 OR d.id ="
	    " :only) AND d.id IN (SELECT rowid FROM search_text WHERE search_text"
	    " MATCH :q) ORDER BY d.position",
	    "SELECT d.id FROM documents d WHERE (:only = 0 OR d.id = :only)"
	    " ORDER BY d.position", expr, r->q->doc_id, &ids, &n, &used);
	*degraded = !used;
	for (i = 0; i < n && !r->stop; i++) {
		struct search_hit h = {0};
		struct doc_info di = {0};
		struct text_doc *d;
		char *text;
		size_t len;

		/* a document removed since the list was read is passed over */
		if (!in_set(r->q, ids[i]) || doc_get(r->p, ids[i], &di) != AX_OK)
			continue;
		if (doc_text(r->p, ids[i], &text, &len) == AX_OK) {
			d = text_doc_adopt(text, len);
			h.doc_id = di.id;
			h.doc_pos = di.position;
			h.name = di.name;
			search_text(r, &h, d);
			text_doc_free(d);
		}
		doc_info_done(&di);
	}
	free(ids);
}

static void
search_memos(struct run *r, const char *expr, bool *degraded)
{
	int64_t *ids;
	size_t n, i;
	bool used;

	candidates(r, "SELECT m.id FROM memos m WHERE :only = 0 AND "
	    DB_BLIND_MEMO("m") " AND m.id IN (SELECT rowid FROM search_memos"
	    " WHERE search_memos MATCH :q) ORDER BY m.id",
	    "SELECT m.id FROM memos m WHERE :only = 0 AND " DB_BLIND_MEMO("m")
	    " ORDER BY m.id", expr, r->q->ndocs > 0 ? -1 : r->q->doc_id, &ids,
	    &n, &used);
	*degraded = *degraded || !used;
	for (i = 0; i < n && !r->stop; i++) {
		sqlite3_stmt *st = db_stmt(r->p,
		    "SELECT title, body FROM memos WHERE id = ?1");
		struct search_hit h = {0};
		struct text_doc *d = NULL;
		char *title = NULL;

		sqlite3_bind_int64(st, 1, ids[i]);
		if (sqlite3_step(st) == SQLITE_ROW) {
			const char *body = (const char *)sqlite3_column_text(st, 1);

			title = db_col_str(st, 0);
			d = text_doc_new(body != NULL ? body : "",
			    (size_t)sqlite3_column_bytes(st, 1));
		}
		sqlite3_reset(st);
		if (d != NULL) {
			h.memo_id = ids[i];
			h.name = title;
			search_text(r, &h, d);
			text_doc_free(d);
		}
		free(title);
	}
	free(ids);
}

enum ax_status
search_run(struct project *p, const struct search_query *q, search_fn fn,
    void *arg, bool *degraded)
{
	struct run r = {p, q, NULL, NULL, fn, arg, false};
	struct words ws = {0};
	enum ax_status s = AX_OK;
	char *expr = NULL;
	bool deg = false;
	size_t i;

	if (q->text == NULL || q->text[0] == '\0')
		return db_fail(p, AX_ERR_INPUT, "the query is empty");
	if (!db_valid_utf8(q->text))
		return db_fail(p, AX_ERR_INPUT, "the query is not valid UTF-8");
	searchkey_words(q->text, strlen(q->text), NULL, add_word, &ws);
	if (ws.n == 0) {
		s = db_fail(p, AX_ERR_INPUT, "the query has no letter or digit "
		    "to search for");
		goto out;
	}
	if (q->speaker != NULL) {
		r.speaker = label_key(q->speaker, strlen(q->speaker));
		if (r.speaker[0] == '\0') {
			s = db_fail(p, AX_ERR_INPUT, "the speaker is empty");
			goto out;
		}
	}
	r.needle = searchkey_new(q->text, strlen(q->text), NULL);
	expr = match_expr(&ws, (q->flags & SEARCH_WORD) != 0);
	search_docs(&r, expr, &deg);
	if ((q->flags & SEARCH_MEMOS) && q->speaker == NULL && !r.stop)
		search_memos(&r, expr, &deg);
	if (degraded != NULL)
		*degraded = deg;
out:
	for (i = 0; i < ws.n; i++)
		free(ws.w[i]);
	free(ws.w);
	free(expr);
	free(r.speaker);
	searchkey_free(r.needle);
	return s;
}

/* Byte offset of code point cp of s[0..n) (n if past the end). */
static size_t
byte_at(const char *s, size_t n, size_t cp)
{
	size_t i = 0;

	while (i < n && cp-- > 0) {
		ucs4_t uc;

		i += (size_t)u8_mbtouc(&uc, (const uint8_t *)s + i, n - i);
	}
	return i;
}

void
search_hit_kwic(const struct search_hit *h, size_t context, size_t *bl,
    size_t *bs, size_t *be, size_t *br)
{
	const char *t = h->para_text;
	size_t n = h->para_len;
	size_t l0 = h->hit_start > context ? h->hit_start - context : 0;

	*bl = byte_at(t, n, l0);
	*bs = byte_at(t, n, h->hit_start);
	*be = byte_at(t, n, h->hit_end);
	*br = *be + byte_at(t + *be, n - *be, context);
	assert(*bl <= *bs && *bs <= *be && *be <= *br && *br <= n);
}

enum ax_status
search_speakers(struct project *p, const struct search_query *q,
    void (*fn)(void *arg, const char *label), void *arg)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT id FROM documents ORDER BY"
	    " position");
	int64_t *ids = NULL;
	size_t n = 0, cap = 0, i, k, lb, ce;
	int rc;

	/* the ids first: no statement is open while the texts are read */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ids = xgrow(ids, &cap, n + 1, sizeof *ids);
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	for (i = 0; rc == SQLITE_DONE && i < n; i++) {
		struct text_doc *d;
		char *text;
		size_t len;

		if (!in_set(q, ids[i]) || doc_text(p, ids[i], &text, &len) != AX_OK)
			continue;
		d = text_doc_adopt(text, len);
		for (k = 0; k < text_doc_paragraphs(d); k++) {
			const char *t = text_doc_paragraph_utf8(d, k, &len);

			if (label_of(t, len, &lb, &ce)) {
				char *label = trimmed(t, lb);

				fn(arg, label);
				free(label);
			}
		}
		text_doc_free(d);
	}
	free(ids);
	return rc == SQLITE_DONE ? AX_OK : db_sqlite_fail(p, rc);
}

/* ---- keeping the index whole ---- */

enum ax_status
search_index_check(struct project *p)
{
	int rc;

	if (db_int(p, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
	    " AND name IN ('search_text', 'search_memos') AND ?1", 1, 0) != 2)
		return db_fail(p, AX_ERR_IO, "the search index is missing");
	rc = sqlite3_exec(p->db, "INSERT INTO search_text(search_text, rank)"
	    " VALUES('integrity-check', 1);"
	    "INSERT INTO search_memos(search_memos, rank)"
	    " VALUES('integrity-check', 1);", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return db_fail(p, AX_ERR_IO, "the search index does not match "
		    "the text");
	return AX_OK;
}

enum ax_status
search_index_rebuild(struct project *p)
{
	enum ax_status s;

	if ((s = db_action_begin(p, "search index rebuild")) != AX_OK)
		return s;
	s = db_exec(p, "DROP TABLE IF EXISTS search_text;"
	    "DROP TABLE IF EXISTS search_memos;"
	    "DROP TRIGGER IF EXISTS search_text_insert;"
	    "DROP TRIGGER IF EXISTS search_text_delete;"
	    "DROP TRIGGER IF EXISTS search_text_update;"
	    "DROP TRIGGER IF EXISTS search_memos_insert;"
	    "DROP TRIGGER IF EXISTS search_memos_delete;"
	    "DROP TRIGGER IF EXISTS search_memos_update;");
	if (s == AX_OK)
		s = db_exec(p, db_search_schema);
	return db_action_end(p, s);
}
