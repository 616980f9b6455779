/*
 * analysis-similar.c: similar segments by TF-IDF and cosine similarity
 * (src/stats/similar.h, docs/similar.md).
 *
 * The model keeps, per paragraph, its distinct words as term ids with
 * their counts (one flat array, paragraphs in order), a vocabulary mapping
 * folded words to ids (open addressing on an FNV-1a hash) and df per term.
 * Weights and norms depend on N and df, so they are recomputed lazily
 * after the model changed (one pass over the entries); a query weighs its
 * own words into a dense array and scans every entry once.
 *
 * Invariants: paras[docs[i].first .. + docs[i].n) are document i's
 * paragraphs, the documents in the order they were added; every term id
 * in ent_term is below nterms; df[t] is the number of paragraphs holding
 * t; nunits is the number of paragraphs with at least one word.
 */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "stats/similar.h"
#include "store/coding.h"
#include "store/document.h"
#include "text/searchkey.h"
#include "text/text.h"
#include "base/textin.h"
#include "base/util.h"

struct sim_para {
	size_t off, n;		/* entries ent_*[off .. off + n) */
	int64_t pstart;		/* where the paragraph begins */
	int64_t start, end;	/* less white space at its ends */
	double norm;
};

struct sim_doc {
	int64_t id, position;
	char sha256[65];
	size_t first, n;	/* paras[first .. first + n) */
	bool seen;		/* in the project at the last sync */
};

struct an_similar {
	uint32_t *slot;		/* term id + 1, 0 empty; nslot a power of 2 */
	size_t nslot;
	uint32_t *chars;	/* term t: chars[toff[t] .. toff[t + 1]) */
	size_t nchars, capchars;
	size_t *toff, captoff;
	uint32_t *df;
	double *idf;
	size_t nterms, capdf;
	uint32_t *ent_term, *ent_count;
	double *ent_w;		/* weight of each entry, after reweigh */
	size_t nent, capent, capcount;
	struct sim_para *paras;
	size_t npara, cappara;
	struct sim_doc *docs;
	size_t ndocs, capdocs;
	size_t nunits;
	bool stale;		/* idf and norms are to be recomputed */
};

struct an_similar *
an_similar_new(void)
{
	struct an_similar *m = xcalloc(1, sizeof *m);

	m->nslot = 1024;
	m->slot = xcalloc(m->nslot, sizeof *m->slot);
	m->toff = xgrow(NULL, &m->captoff, 1, sizeof *m->toff);
	m->toff[0] = 0;
	return m;
}

void
an_similar_free(struct an_similar *m)
{
	if (m == NULL)
		return;
	free(m->slot);
	free(m->chars);
	free(m->toff);
	free(m->df);
	free(m->idf);
	free(m->ent_term);
	free(m->ent_count);
	free(m->ent_w);
	free(m->paras);
	free(m->docs);
	free(m);
}

size_t an_similar_units(const struct an_similar *m) { return m->nunits; }
size_t an_similar_terms(const struct an_similar *m) { return m->nterms; }

static uint32_t
hash(const uint32_t *w, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		h = (h ^ (w[i] & 0xff)) * 16777619u;
		h = (h ^ (w[i] >> 8)) * 16777619u;
	}
	return h;
}

static bool
term_is(const struct an_similar *m, uint32_t t, const uint32_t *w, size_t n)
{
	return m->toff[t + 1] - m->toff[t] == n &&
	    memcmp(m->chars + m->toff[t], w, n * sizeof *w) == 0;
}

/* The id of word w[0..n), or UINT32_MAX when add is false and it is new. */
static uint32_t
term_id(struct an_similar *m, const uint32_t *w, size_t n, bool add)
{
	size_t i = hash(w, n) & (m->nslot - 1), j;
	uint32_t t;

	for (; m->slot[i] != 0; i = (i + 1) & (m->nslot - 1))
		if (term_is(m, m->slot[i] - 1, w, n))
			return m->slot[i] - 1;
	if (!add)
		return UINT32_MAX;
	t = (uint32_t)m->nterms++;
	m->slot[i] = t + 1;
	m->chars = xgrow(m->chars, &m->capchars, m->nchars + n, sizeof *m->chars);
	memcpy(m->chars + m->nchars, w, n * sizeof *w);
	m->nchars += n;
	m->toff = xgrow(m->toff, &m->captoff, m->nterms + 1, sizeof *m->toff);
	m->toff[m->nterms] = m->nchars;
	m->df = xgrow(m->df, &m->capdf, m->nterms, sizeof *m->df);
	m->df[t] = 0;
	if (2 * m->nterms > m->nslot) {	/* keep the table at most half full */
		free(m->slot);
		m->nslot *= 2;
		m->slot = xcalloc(m->nslot, sizeof *m->slot);
		for (t = 0; t < m->nterms; t++) {
			j = hash(m->chars + m->toff[t], m->toff[t + 1] - m->toff[t]) &
			    (m->nslot - 1);
			while (m->slot[j] != 0)
				j = (j + 1) & (m->nslot - 1);
			m->slot[j] = t + 1;
		}
		t = (uint32_t)m->nterms - 1;
	}
	return t;
}

/* The words of one text as (term, count) pairs, sorted by term; u is the
 * word in code points, reused from word to word. */
struct bag {
	struct an_similar *m;
	bool add;
	uint32_t *t, *u;
	size_t n, cap, ucap;
};

static int
bag_word(void *arg, const char *w, size_t wl, size_t bstart, size_t bend)
{
	struct bag *b = arg;
	size_t n = b->ucap;
	uint32_t *u = u8_to_u32((const uint8_t *)w, wl, b->u, &n), t;

	(void)bstart;
	(void)bend;
	if (u == NULL)
		fatal("similar: out of memory");
	if (u != b->u) {
		free(b->u);
		b->u = u;
		b->ucap = n;
	}
	t = term_id(b->m, u, n, b->add);
	if (t == UINT32_MAX)
		return 0;
	b->t = xgrow(b->t, &b->cap, b->n + 1, sizeof *b->t);
	b->t[b->n++] = t;
	return 0;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Fills b with the words of text[0..len); returns how many words. */
static size_t
bag_fill(struct bag *b, const char *text, size_t len)
{
	b->n = 0;
	searchkey_words(text, len, NULL, bag_word, b);
	if (b->n > 1)	/* no words: no array, which qsort may not take */
		qsort(b->t, b->n, sizeof *b->t, cmp_u32);
	return b->n;
}

static bool
blank(uint32_t c)
{
	return uc_is_property_white_space(c) || c == 0x200c || c == 0x200e ||
	    c == 0x200f;
}

/* Paragraph p of d as a unit of the model. */
static void
add_para(struct an_similar *m, struct bag *b, const struct text_doc *d,
    size_t p)
{
	struct sim_para *u;
	size_t s, e, nb, i, j;
	const char *t = text_doc_paragraph_utf8(d, p, &nb);

	text_doc_paragraph(d, p, &s, &e);
	m->paras = xgrow(m->paras, &m->cappara, m->npara + 1, sizeof *m->paras);
	u = &m->paras[m->npara++];
	memset(u, 0, sizeof *u);
	u->pstart = (int64_t)s;
	while (s < e && blank(text_doc_char(d, s)))
		s++;
	while (e > s && blank(text_doc_char(d, e - 1)))
		e--;
	u->start = (int64_t)s;
	u->end = (int64_t)e;
	u->off = m->nent;
	bag_fill(b, t, nb);
	for (i = 0; i < b->n; i = j) {
		for (j = i + 1; j < b->n && b->t[j] == b->t[i]; j++)
			;
		m->ent_term = xgrow(m->ent_term, &m->capent, m->nent + 1,
		    sizeof *m->ent_term);
		m->ent_count = xgrow(m->ent_count, &m->capcount, m->nent + 1,
		    sizeof *m->ent_count);
		m->ent_term[m->nent] = b->t[i];
		m->ent_count[m->nent] = (uint32_t)(j - i);
		m->nent++;
		m->df[b->t[i]]++;
	}
	u->n = m->nent - u->off;
	if (u->n > 0)
		m->nunits++;
}

static enum ax_status
add_doc(struct an_similar *m, struct project *p, const struct doc_info *di)
{
	struct bag b = { .m = m, .add = true };
	struct sim_doc *sd;
	struct text_doc *d;
	enum ax_status st;
	char *text;
	size_t len, i;

	if ((st = doc_text(p, di->id, &text, &len)) != AX_OK)
		return st;
	d = text_doc_new(text, len);
	free(text);
	m->docs = xgrow(m->docs, &m->capdocs, m->ndocs + 1, sizeof *m->docs);
	sd = &m->docs[m->ndocs++];
	sd->id = di->id;
	sd->position = di->position;
	memcpy(sd->sha256, di->sha256, sizeof sd->sha256);
	sd->first = m->npara;
	sd->seen = true;
	for (i = 0; i < text_doc_paragraphs(d); i++)
		add_para(m, &b, d, i);
	sd->n = m->npara - sd->first;
	text_doc_free(d);
	free(b.t);
	free(b.u);
	m->stale = true;
	return AX_OK;
}

/* Forgets every document, keeping the allocations. */
static void
clear(struct an_similar *m)
{
	memset(m->slot, 0, m->nslot * sizeof *m->slot);
	m->nchars = m->nterms = m->nent = m->npara = m->ndocs = m->nunits = 0;
	m->stale = true;
}

static struct sim_doc *
find_doc(struct an_similar *m, int64_t id)
{
	size_t i;

	for (i = 0; i < m->ndocs; i++)
		if (m->docs[i].id == id)
			return &m->docs[i];
	return NULL;
}

enum ax_status
an_similar_sync(struct an_similar *m, struct project *p)
{
	struct doc_info *dl = NULL;
	enum ax_status st;
	size_t n = 0, i;
	bool gone = false;

	if ((st = doc_list(p, &dl, &n)) != AX_OK)
		return st;
	for (i = 0; i < m->ndocs; i++)
		m->docs[i].seen = false;
	for (i = 0; i < n; i++) {
		struct sim_doc *sd = find_doc(m, dl[i].id);

		if (sd != NULL && strcmp(sd->sha256, dl[i].sha256) == 0) {
			sd->seen = true;
			sd->position = dl[i].position;
		}
	}
	for (i = 0; i < m->ndocs; i++)
		gone |= !m->docs[i].seen;
	if (gone)	/* df of every term may change: start again */
		clear(m);
	for (i = 0; i < n && st == AX_OK; i++)
		if (find_doc(m, dl[i].id) == NULL)
			st = add_doc(m, p, &dl[i]);
	doc_list_free(dl, n);
	if (st != AX_OK)	/* a half-added document must not stay */
		clear(m);
	return st;
}

/* ln(N / df) per term and each paragraph's norm, after a change. */
static void
reweigh(struct an_similar *m)
{
	size_t t, i, k;

	if (!m->stale)
		return;
	free(m->idf);
	free(m->ent_w);
	m->idf = xcalloc(m->nterms + 1, sizeof *m->idf);
	m->ent_w = xcalloc(m->nent + 1, sizeof *m->ent_w);
	for (t = 0; t < m->nterms; t++)
		if (m->df[t] > 0)
			m->idf[t] = log((double)m->nunits / (double)m->df[t]);
	for (i = 0; i < m->npara; i++) {
		struct sim_para *u = &m->paras[i];
		double s = 0;

		for (k = u->off; k < u->off + u->n; k++) {
			double w = (1 + log((double)m->ent_count[k])) *
			    m->idf[m->ent_term[k]];

			m->ent_w[k] = w;
			s += w * w;
		}
		u->norm = sqrt(s);
	}
	m->stale = false;
}

/* Marks the paragraphs of sd that code points [s, e) meet. */
static void
mark_span(const struct an_similar *m, const struct sim_doc *sd, int64_t s,
    int64_t e, unsigned char *skip)
{
	size_t lo = 0, hi = sd->n, i;
	int64_t last = e > s ? e - 1 : s;

	while (lo < hi) {	/* the first paragraph beginning after s */
		size_t mid = lo + (hi - lo) / 2;

		if (m->paras[sd->first + mid].pstart <= s)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo > 0 ? lo - 1 : 0; i < sd->n &&
	    m->paras[sd->first + i].pstart <= last; i++)
		skip[sd->first + i] = 1;
}

struct cand {
	size_t unit;
	double score;
	int64_t position;
};

static int
cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->position != y->position)
		return x->position < y->position ? -1 : 1;
	return x->unit < y->unit ? -1 : x->unit > y->unit;
}

enum ax_status
an_similar_query(struct an_similar *m, struct project *p, int64_t doc,
    int64_t start, int64_t end, int64_t node, int64_t coder, size_t top,
    struct an_similar_hit **hits, size_t *n, size_t *nwords)
{
	struct bag b = { .m = m, .add = false };
	struct coding_filter f = {0, node, coder};
	struct coding *cv = NULL;
	struct sim_doc *sd;
	struct cand *cand = NULL;
	unsigned char *skip = NULL;
	double *qw = NULL, qnorm = 0;
	enum ax_status st;
	char *text = NULL;
	size_t len, a, z, i, j, k, ncv = 0, ncand = 0;

	*hits = NULL;
	*n = *nwords = 0;
	if ((st = doc_text(p, doc, &text, &len)) != AX_OK)
		return st;
	if ((sd = find_doc(m, doc)) == NULL) {	/* not synced: nothing known */
		free(text);
		return AX_OK;
	}
	textin_cp_span(text, len, (size_t)start, (size_t)end, &a, &z);
	*nwords = bag_fill(&b, text + a, z - a);
	free(text);
	reweigh(m);
	qw = xcalloc(m->nterms + 1, sizeof *qw);
	for (i = 0; i < b.n; i = j) {
		double w;

		for (j = i + 1; j < b.n && b.t[j] == b.t[i]; j++)
			;
		w = (1 + log((double)(j - i))) * m->idf[b.t[i]];
		qw[b.t[i]] = w;
		qnorm += w * w;
	}
	free(b.t);
	free(b.u);
	qnorm = sqrt(qnorm);
	if (qnorm == 0)
		goto out;
	skip = xcalloc(m->npara + 1, 1);
	mark_span(m, sd, start, end, skip);
	if (node != 0 && coder != 0) {
		if ((st = coding_list(p, &f, &cv, &ncv)) != AX_OK)
			goto out;
		for (i = 0; i < ncv; i++)
			if ((sd = find_doc(m, cv[i].doc)) != NULL)
				mark_span(m, sd, cv[i].start, cv[i].end, skip);
	}
	cand = xcalloc(m->npara + 1, sizeof *cand);
	for (i = 0; i < m->ndocs; i++) {
		sd = &m->docs[i];
		for (j = sd->first; j < sd->first + sd->n; j++) {
			const struct sim_para *u = &m->paras[j];
			double dot = 0;

			if (skip[j] || u->norm == 0)
				continue;
			for (k = u->off; k < u->off + u->n; k++)
				dot += qw[m->ent_term[k]] * m->ent_w[k];
			if (dot <= 0)
				continue;
			cand[ncand].unit = j;
			cand[ncand].score = dot / (qnorm * u->norm);
			cand[ncand].position = sd->position;
			ncand++;
		}
	}
	qsort(cand, ncand, sizeof *cand, cmp_cand);
	*n = ncand < top ? ncand : top;
	*hits = xcalloc(*n + 1, sizeof **hits);
	for (i = 0; i < *n; i++) {
		const struct sim_para *u = &m->paras[cand[i].unit];
		struct an_similar_hit *h = &(*hits)[i];

		for (j = 0; j < m->ndocs; j++)
			if (cand[i].unit >= m->docs[j].first &&
			    cand[i].unit < m->docs[j].first + m->docs[j].n)
				break;
		assert(j < m->ndocs);
		h->doc = m->docs[j].id;
		h->para = cand[i].unit - m->docs[j].first + 1;
		h->start = u->start;
		h->end = u->end;
		h->score = cand[i].score > 1 ? 1 : cand[i].score;
	}
out:
	free(cand);
	free(cv);
	free(skip);
	free(qw);
	return st;
}
