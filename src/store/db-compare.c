/*
 * db-compare.c: disagreements and the consensus coding (compare.h).
 *
 * A unit is (document, paragraph, code). Paragraph boundaries come from the
 * stored text (LF-separated lines; a coding belongs to the paragraph its
 * start is in, as in the test-retest tables). Units are compared by sorting
 * (paragraph, node) keys of each coder's codings per document.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "store/blind.h"
#include "store/codetree.h"
#include "store/coder.h"
#include "store/coding.h"
#include "store/compare.h"
#include "store/document.h"
#include "base/textin.h"
#include "store/db-int.h"

static const char *const choice_names[] = {"a", "b", "both", "neither"};

const char *
compare_choice_name(enum compare_choice c)
{
	return c >= 0 && (size_t)c < AX_ARRAY_LEN(choice_names) ? choice_names[c] : "open";
}

int
compare_choice_parse(const char *s)
{
	int i = str_index(choice_names, AX_ARRAY_LEN(choice_names), s);

	if (i >= 0)
		return i;
	if (strcmp(s, "A") == 0 || strcmp(s, "B") == 0)
		return s[0] == 'A' ? COMPARE_A : COMPARE_B;
	/* in words: only one coder applied the code in a disagreement, so
	 * keeping every coder's spans keeps it and taking none drops it */
	if (strcmp(s, "keep") == 0)
		return COMPARE_BOTH;
	if (strcmp(s, "drop") == 0)
		return COMPARE_NEITHER;
	return -1;
}

bool
compare_keeps(const struct compare_item *it, enum compare_choice c)
{
	assert(it->a != it->b);
	return c == COMPARE_BOTH || (c == COMPARE_A && it->a) ||
	    (c == COMPARE_B && it->b);
}

void
compare_items_free(struct compare_item *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].note);
	free(v);
}

/* Start offsets (code points) of each paragraph of text, plus the end. */
static int64_t *
para_starts(const char *text, size_t len, size_t *npara)
{
	int64_t *v = NULL, cp = 0;
	size_t cap = 0, k = 0, i;

	v = xgrow(v, &cap, 1, sizeof *v);
	v[k++] = 0;
	for (i = 0; i < len; i++) {
		if (((unsigned char)text[i] & 0xc0) != 0x80)
			cp++;
		if (text[i] == '\n') {
			v = xgrow(v, &cap, k + 1, sizeof *v);
			v[k++] = cp;
		}
	}
	v = xgrow(v, &cap, k + 1, sizeof *v);
	v[k] = cp + 1;	/* past the end, as if a final LF followed */
	*npara = k;
	return v;
}

static int64_t
para_index(const int64_t *starts, size_t npara, int64_t off)
{
	size_t lo = 0, hi = npara;

	while (hi - lo > 1) {	/* last start <= off */
		size_t mid = (lo + hi) / 2;

		if (starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return (int64_t)lo;
}

struct unit {
	int64_t para, node, start, end;
	int who;	/* 1 = A, 2 = B */
};

static int
unit_cmp(const void *x, const void *y)
{
	const struct unit *a = x, *b = y;

	if (a->para != b->para)
		return a->para < b->para ? -1 : 1;
	if (a->node != b->node)
		return a->node < b->node ? -1 : 1;
	if (a->who != b->who)
		return a->who - b->who;
	return (a->start > b->start) - (a->start < b->start);
}

/* Both coders' codings of one document as sorted units. */
static enum ax_status
doc_units(struct project *p, int64_t doc, int64_t ca, int64_t cb,
    const int64_t *starts, size_t npara, struct unit **out, size_t *n)
{
	struct coding_filter f = {doc, 0, 0};
	struct coding *v;
	size_t nv, i, k = 0;
	struct unit *u;
	enum ax_status s;

	if ((s = coding_list(p, &f, &v, &nv)) != AX_OK)
		return s;
	u = xcalloc(nv + 1, sizeof *u);
	for (i = 0; i < nv; i++) {
		if (v[i].coder != ca && v[i].coder != cb)
			continue;
		u[k].para = para_index(starts, npara, v[i].start);
		u[k].node = v[i].node;
		u[k].start = v[i].start;
		u[k].end = v[i].end;
		u[k].who = v[i].coder == ca ? 1 : 2;
		k++;
	}
	free(v);
	qsort(u, k, sizeof *u, unit_cmp);
	*out = u;
	*n = k;
	return AX_OK;
}

/* One document's paragraphs and its units of two coders, as the walks over
 * every document read them. */
struct doc_walk {
	int64_t *starts;	/* para_starts */
	size_t npara;
	struct unit *u;		/* doc_units */
	size_t nu;
};

static enum ax_status
walk_load(struct project *p, int64_t doc, int64_t ca, int64_t cb,
    struct doc_walk *w)
{
	char *text;
	size_t len;
	enum ax_status s;

	memset(w, 0, sizeof *w);
	if ((s = doc_text(p, doc, &text, &len)) != AX_OK)
		return s;
	w->starts = para_starts(text, len, &w->npara);
	free(text);
	return doc_units(p, doc, ca, cb, w->starts, w->npara, &w->u, &w->nu);
}

static void
walk_done(struct doc_walk *w)
{
	free(w->u);
	free(w->starts);
}

/* The end of the unit (one paragraph, one code) whose codings start at
 * u[j], and whether A and B applied the code there. */
static size_t
unit_end(const struct doc_walk *w, size_t j, bool *has_a, bool *has_b)
{
	size_t e = j;

	*has_a = *has_b = false;
	while (e < w->nu && w->u[e].para == w->u[j].para &&
	    w->u[e].node == w->u[j].node) {
		*has_a |= w->u[e].who == 1;
		*has_b |= w->u[e].who == 2;
		e++;
	}
	return e;
}

static enum ax_status
coders_of(struct project *p, const char *a, const char *b, int64_t *ca, int64_t *cb)
{
	enum ax_status s;

	if ((s = blind_check_figures(p)) != AX_OK)
		return s;
	if ((s = coder_find(p, a, ca)) != AX_OK || (s = coder_find(p, b, cb)) != AX_OK)
		return s;
	if (*ca == *cb)
		return db_fail(p, AX_ERR_INPUT, "compare two different coders");
	return AX_OK;
}

static void
load_decision(struct project *p, struct compare_item *it, int64_t ca, int64_t cb)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT choice, note FROM decisions WHERE"
	    " doc_id = ?1 AND para = ?2 AND node_id = ?3 AND coder_a = ?4 AND coder_b = ?5");

	sqlite3_bind_int64(st, 1, it->doc);
	sqlite3_bind_int64(st, 2, it->para);
	sqlite3_bind_int64(st, 3, it->node);
	sqlite3_bind_int64(st, 4, ca);
	sqlite3_bind_int64(st, 5, cb);
	it->decided = COMPARE_NONE;
	it->note = NULL;
	if (sqlite3_step(st) == SQLITE_ROW) {
		it->decided = (enum compare_choice)compare_choice_parse(
		    (const char *)sqlite3_column_text(st, 0));
		it->note = db_col_str(st, 1);
	}
	sqlite3_reset(st);
}

enum ax_status
compare_list(struct project *p, const char *a, const char *b, int64_t doc,
    struct compare_item **out, size_t *n)
{
	struct doc_info *docs = NULL;
	struct compare_item *v = NULL;
	size_t nd = 0, cap = 0, k = 0, i;
	int64_t ca, cb;
	enum ax_status s;

	*out = NULL;
	*n = 0;
	if ((s = coders_of(p, a, b, &ca, &cb)) != AX_OK || (s = doc_list(p, &docs, &nd)) != AX_OK)
		return s;
	for (i = 0; i < nd && s == AX_OK; i++) {
		struct doc_walk w;
		size_t j, e;
		bool has_a, has_b;

		if (doc != 0 && docs[i].id != doc)
			continue;
		s = walk_load(p, docs[i].id, ca, cb, &w);
		for (j = 0; s == AX_OK && j < w.nu; j = e) {
			const struct unit *u = &w.u[j];
			struct compare_item *it;

			e = unit_end(&w, j, &has_a, &has_b);
			if (has_a == has_b)
				continue;
			v = xgrow(v, &cap, k + 1, sizeof *v);
			it = &v[k++];
			it->doc = docs[i].id;
			it->para = u->para;
			it->para_start = w.starts[u->para];
			it->para_end = w.starts[u->para + 1] - 1;
			it->node = u->node;
			it->a = has_a;
			it->b = has_b;
			it->span_start = u->start;
			it->span_end = u->end;
			load_decision(p, it, ca, cb);
		}
		walk_done(&w);
	}
	doc_list_free(docs, nd);
	if (s != AX_OK) {
		compare_items_free(v, k);
		return s;
	}
	*out = v;
	*n = k;
	return AX_OK;
}

/* The consensus coder's id, created on first use with no account. */
static enum ax_status
consensus_id(struct project *p, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(p, "INSERT INTO coders(login, name, guid, created)"
	    " VALUES ('" CONSENSUS_CODER "', 'Consensus', uuid(), strftime('%s','now'))"
	    " ON CONFLICT(login) DO NOTHING");
	enum ax_status s = db_exec_stmt(p, st);

	if (s == AX_OK)
		s = coder_find(p, CONSENSUS_CODER, id);
	return s;
}

static enum ax_status
may_decide(struct project *p, const char *a, const char *b)
{
	if (strcmp(p->login, a) == 0 || strcmp(p->login, b) == 0 ||
	    strcmp(p->account, p->owner) == 0)
		return AX_OK;
	return db_fail(p, AX_ERR_PERM, "only %s, %s or the project's owner can "
	    "settle their disagreements", a, b);
}

/* Adds a consensus coding unless the same span of the code is there. */
static enum ax_status
add_consensus(struct project *p, int64_t cons, int64_t doc, int64_t node,
    int64_t start, int64_t end, size_t *added)
{
	sqlite3_stmt *st = db_stmt(p, "INSERT INTO codings(doc_id, node_id, coder_id,"
	    " start, end, guid, created) SELECT ?1, ?2, ?3, ?4, ?5, uuid(),"
	    " strftime('%s','now') WHERE NOT EXISTS (SELECT 1 FROM codings WHERE"
	    " doc_id = ?1 AND node_id = ?2 AND coder_id = ?3 AND start = ?4 AND end = ?5)");
	enum ax_status s;

	sqlite3_bind_int64(st, 1, doc);
	sqlite3_bind_int64(st, 2, node);
	sqlite3_bind_int64(st, 3, cons);
	sqlite3_bind_int64(st, 4, start);
	sqlite3_bind_int64(st, 5, end);
	s = db_exec_stmt(p, st);
	if (s == AX_OK && added != NULL)
		*added += (size_t)sqlite3_changes(p->db);
	return s;
}

/* Copies the units a (ca) and b (cb) agree on into the consensus coding
 * (A's spans), inside the caller's action; *count grows by those added. */
static enum ax_status
seed_units(struct project *p, int64_t ca, int64_t cb, int64_t cons, size_t *count)
{
	struct doc_info *docs = NULL;
	size_t nd = 0, i;
	enum ax_status s;

	if ((s = doc_list(p, &docs, &nd)) != AX_OK)
		return s;
	for (i = 0; i < nd && s == AX_OK; i++) {
		struct doc_walk w;
		size_t j, e, x;
		bool has_a, has_b;

		s = walk_load(p, docs[i].id, ca, cb, &w);
		for (j = 0; s == AX_OK && j < w.nu; j = e) {
			e = unit_end(&w, j, &has_a, &has_b);
			for (x = j; has_a && has_b && x < e && s == AX_OK; x++)
				if (w.u[x].who == 1)
					s = add_consensus(p, cons, docs[i].id, w.u[x].node,
					    w.u[x].start, w.u[x].end, count);
		}
		walk_done(&w);
	}
	doc_list_free(docs, nd);
	return s;
}

/* Whether a and b (ca, cb) have settled none of their disagreements yet. */
static enum ax_status
first_decision(struct project *p, int64_t ca, int64_t cb, bool *first)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT 1 FROM decisions WHERE coder_a = ?1"
	    " AND coder_b = ?2 LIMIT 1");
	int rc;

	sqlite3_bind_int64(st, 1, ca);
	sqlite3_bind_int64(st, 2, cb);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_sqlite_fail(p, rc);
	*first = rc == SQLITE_DONE;
	return AX_OK;
}

/*
 * Names the open action after the decision, in words, for the history
 * and the workbench's "undone: ...": "keep «CODE» in DOC ¶N", "drop «CODE»
 * in DOC ¶N" or "keep both coders' spans of «CODE» in DOC ¶N". Both ways
 * to decide, axial consensus and the compare view, come through
 * compare_decide and so log the same words; English, as every label the
 * shared project stores. Renamed once the unit says whether the choice
 * keeps the code; a caller's enclosing action keeps its own label.
 */
static enum ax_status
label_decision(struct project *p, int64_t doc, int64_t para, int64_t node,
    enum compare_choice choice, bool kept)
{
	sqlite3_stmt *st;
	char *code = NULL, *name = NULL, *label;
	enum ax_status s;

	if (p->depth != 1)
		return AX_OK;
	st = db_stmt(p, "SELECT (SELECT name FROM nodes WHERE id = ?1),"
	    " (SELECT name FROM documents WHERE id = ?2)");
	sqlite3_bind_int64(st, 1, node);
	sqlite3_bind_int64(st, 2, doc);
	if (sqlite3_step(st) == SQLITE_ROW) {
		code = db_col_str(st, 0);
		name = db_col_str(st, 1);
	}
	sqlite3_reset(st);
	label = xasprintf(choice == COMPARE_BOTH ? "keep both coders' spans of "
	    "«%s» in %s ¶%lld" : kept ? "keep «%s» in %s ¶%lld" :
	    "drop «%s» in %s ¶%lld", code ? code : "?", name ? name : "?",
	    (long long)para + 1);
	s = db_action_relabel(p, label);
	free(label);
	free(code);
	free(name);
	return s;
}

enum ax_status
compare_decide(struct project *p, const char *a, const char *b, int64_t doc,
    int64_t para, int64_t node, enum compare_choice choice, const char *note,
    struct compare_outcome *out)
{
	int64_t ca, cb, cons, me, *starts = NULL;
	struct unit *u = NULL;
	size_t nu = 0, npara = 0, i, seeded = 0, kept = 0;
	bool has_a = false, has_b = false, first = false, keep = false;
	sqlite3_stmt *st;
	char *text = NULL;
	size_t len;
	enum ax_status s;

	if (choice < COMPARE_A || choice > COMPARE_NEITHER)
		return db_fail(p, AX_ERR_INPUT, "choose a, b, both or neither");
	if (note != NULL && !db_valid_utf8(note))
		return db_fail(p, AX_ERR_INPUT, "the note is not valid UTF-8");
	if ((s = coders_of(p, a, b, &ca, &cb)) != AX_OK || (s = may_decide(p, a, b)) != AX_OK)
		return s;
	if ((s = doc_text(p, doc, &text, &len)) != AX_OK)
		return s;
	starts = para_starts(text, len, &npara);
	free(text);
	if (para < 0 || (size_t)para >= npara) {
		free(starts);
		return db_fail(p, AX_ERR_INPUT, "the document has no paragraph %lld",
		    (long long)para + 1);
	}
	if ((s = db_action_begin(p, "consensus")) != AX_OK)
		goto out;
	if ((s = consensus_id(p, &cons)) != AX_OK || (s = db_coder_id(p, &me)) != AX_OK ||
	    (s = doc_units(p, doc, ca, cb, starts, npara, &u, &nu)) != AX_OK ||
	    (s = first_decision(p, ca, cb, &first)) != AX_OK)
		goto end;
	for (i = 0; i < nu; i++)
		if (u[i].para == para && u[i].node == node) {
			has_a |= u[i].who == 1;
			has_b |= u[i].who == 2;
		}
	/* a unit both or neither applied has nothing to settle: a decision
	 * there would silently rewrite an agreed unit of the consensus */
	if (has_a == has_b) {
		s = db_fail(p, AX_ERR_INPUT, "%s and %s do not disagree on this code "
		    "in paragraph %lld; axial compare lists their disagreements", a, b,
		    (long long)para + 1);
		goto end;
	}
	keep = choice == COMPARE_BOTH || (choice == COMPARE_A && has_a) ||
	    (choice == COMPARE_B && has_b);
	if ((s = label_decision(p, doc, para, node, choice, keep)) != AX_OK)
		goto end;
	/* the walk's first decision starts the consensus coding from the
	 * agreed units, in the same action: one undo takes both back */
	if (first && (s = seed_units(p, ca, cb, cons, &seeded)) != AX_OK)
		goto end;
	/* the consensus coder's codings of this unit are replaced */
	st = db_stmt(p, "DELETE FROM codings WHERE coder_id = ?1 AND doc_id = ?2 AND"
	    " node_id = ?3 AND start >= ?4 AND start < ?5");
	sqlite3_bind_int64(st, 1, cons);
	sqlite3_bind_int64(st, 2, doc);
	sqlite3_bind_int64(st, 3, node);
	sqlite3_bind_int64(st, 4, starts[para]);
	sqlite3_bind_int64(st, 5, starts[para + 1]);
	if ((s = db_exec_stmt(p, st)) != AX_OK)
		goto end;
	for (i = 0; i < nu && s == AX_OK; i++) {
		if (u[i].para != para || u[i].node != node)
			continue;
		if ((u[i].who == 1 && (choice == COMPARE_A || choice == COMPARE_BOTH)) ||
		    (u[i].who == 2 && (choice == COMPARE_B || choice == COMPARE_BOTH)))
			s = add_consensus(p, cons, doc, node, u[i].start, u[i].end, &kept);
	}
	if (s != AX_OK)
		goto end;
	st = db_stmt(p, "INSERT INTO decisions(doc_id, para, node_id, coder_a, coder_b,"
	    " choice, note, decided_by, time) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
	    " strftime('%s','now')) ON CONFLICT(doc_id, para, node_id, coder_a, coder_b)"
	    " DO UPDATE SET choice = excluded.choice, note = excluded.note,"
	    " decided_by = excluded.decided_by, time = excluded.time");
	sqlite3_bind_int64(st, 1, doc);
	sqlite3_bind_int64(st, 2, para);
	sqlite3_bind_int64(st, 3, node);
	sqlite3_bind_int64(st, 4, ca);
	sqlite3_bind_int64(st, 5, cb);
	sqlite3_bind_text(st, 6, compare_choice_name(choice), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, note ? note : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, me);
	s = db_exec_stmt(p, st);
end:
	s = db_action_end(p, s);
out:
	if (s == AX_OK && out != NULL) {
		out->kept = keep;
		assert(out->kept == (kept > 0));
		out->first = first;
		out->seeded = seeded;
	}
	free(u);
	free(starts);
	return s;
}

enum ax_status
compare_seed(struct project *p, const char *a, const char *b, size_t *added)
{
	size_t count = 0;
	int64_t ca, cb, cons;
	enum ax_status s;

	if ((s = coders_of(p, a, b, &ca, &cb)) != AX_OK || (s = may_decide(p, a, b)) != AX_OK)
		return s;
	if ((s = db_action_begin(p, "consensus seed")) != AX_OK)
		return s;
	if ((s = consensus_id(p, &cons)) == AX_OK)
		s = seed_units(p, ca, cb, cons, &count);
	s = db_action_end(p, s);
	if (s == AX_OK && added != NULL)
		*added = count;
	return s;
}
