/*
 * docx-numbering.c: the list number or bullet Word shows before a
 * paragraph, from word/numbering.xml and the styles in word/styles.xml
 * [OOXML, §17.9].
 *
 * A paragraph's w:numPr, or its style's (through w:basedOn), names a
 * w:num and a level (w:ilvl, 0..8); the w:num names a w:abstractNum,
 * perhaps through w:numStyleLink and a numbering style, and may override a
 * level or its start (w:lvlOverride). Counters are kept per w:num and
 * level: a level starts at its w:start and counts up, and using a level
 * restarts the deeper ones (unless their w:lvlRestart says otherwise).
 * w:lvlText's %1..%9 are the counters of levels 1..9 in their w:numFmt
 * (decimal when the level is w:isLgl); w:suff follows (a TAB unless it
 * says space or nothing). Bullets in the Symbol and Wingdings fonts'
 * private-use code points are shown as the Unicode bullets they draw.
 *
 * All of it is untrusted: links are followed a bounded number of times
 * (a w:numStyleLink cycle ends), a level outside 0..8, a w:num or
 * w:abstractNum that is not there, a level without a definition and an
 * over-long w:lvlText give no label and are counted for the notice.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <unistr.h>

#include "exchange/exchange.h"
#include "exchange/exchange-int.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NLVL 9
#define MAX_HOPS 16		/* w:basedOn and w:numStyleLink steps */
#define MAX_LVLTEXT 256		/* bytes of w:lvlText */
#define MAX_START 1000000000L

struct lvl {
	bool set;
	long start;
	enum listnum_fmt fmt;
	bool bullet;
	char *text;		/* w:lvlText; NULL: none */
	int restart;		/* w:lvlRestart; -1: after any higher level */
	bool legal;
	char suff;		/* '\t', ' ' or '\0' */
};

struct absnum {
	long id;
	char *link;		/* w:numStyleLink, or NULL */
	struct lvl lvl[NLVL];
};

struct num {
	long id, absid;
	struct lvl over[NLVL];
	bool has_start[NLVL];
	long start[NLVL];
	long long cnt[NLVL];
	bool active[NLVL];
	int state;		/* 0 unresolved, 1 resolved, -1 broken */
	const struct absnum *abs;
};

struct style {
	char *id, *based;
	long numid, ilvl;	/* -1: not set */
};

struct docx_num {
	struct absnum *abs;
	size_t nabs;
	struct num *num;
	size_t nnum;
	struct style *sty;
	size_t nsty;
};

/* A w:val as a number, or def when absent or not one. */
static long
val_long(const xmlNode *n, long def)
{
	char *v, *end;
	long r;

	if (n == NULL || (v = xs_attr(n, "val")) == NULL)
		return def;
	r = strtol(v, &end, 10);
	if (end == v || *end != '\0')
		r = def;
	free(v);
	return r;
}

static const struct {
	const char *name;
	enum listnum_fmt fmt;
} fmts[] = {
	{"decimal", LN_DECIMAL}, {"decimalZero", LN_DECIMAL_ZERO},
	{"upperRoman", LN_UPPER_ROMAN}, {"lowerRoman", LN_LOWER_ROMAN},
	{"upperLetter", LN_UPPER_LETTER}, {"lowerLetter", LN_LOWER_LETTER},
	{"ordinal", LN_ORDINAL}, {"hindiNumbers", LN_ARABIC_INDIC},
	{"arabicAlpha", LN_ARABIC_ALPHA}, {"arabicAbjad", LN_ARABIC_ABJAD},
	{"none", LN_NONE},
};

static void
parse_lvl(const xmlNode *l, struct lvl *v)
{
	const xmlNode *c;
	char *s;
	size_t i;

	memset(v, 0, sizeof *v);
	v->set = true;
	v->start = 1;
	v->restart = -1;
	v->suff = '\t';
	for (c = l->children; c != NULL; c = c->next) {
		if (xs_is(c, W_NS, "start")) {
			v->start = val_long(c, 1);
			if (v->start < 0 || v->start > MAX_START)
				v->start = 1;
		} else if (xs_is(c, W_NS, "numFmt") && (s = xs_attr(c, "val")) != NULL) {
			v->bullet = strcmp(s, "bullet") == 0;
			for (i = 0; i < AX_ARRAY_LEN(fmts); i++)
				if (strcmp(s, fmts[i].name) == 0)
					v->fmt = fmts[i].fmt;
			free(s);
		} else if (xs_is(c, W_NS, "lvlText")) {
			free(v->text);
			v->text = xs_attr(c, "val");
		} else if (xs_is(c, W_NS, "lvlRestart")) {
			v->restart = (int)val_long(c, -1);
			if (v->restart < 0 || v->restart > NLVL)
				v->restart = -1;
		} else if (xs_is(c, W_NS, "isLgl")) {
			v->legal = val_long(c, 1) != 0;
		} else if (xs_is(c, W_NS, "suff") && (s = xs_attr(c, "val")) != NULL) {
			v->suff = strcmp(s, "space") == 0 ? ' ' :
			    strcmp(s, "nothing") == 0 ? '\0' : '\t';
			free(s);
		}
	}
}

/* A level element's w:ilvl, or -1 when it is not 0..8. */
static int
ilvl_of(const xmlNode *l)
{
	char *s = xs_attr(l, "ilvl"), *end;
	long k = s != NULL ? strtol(s, &end, 10) : -1;

	if (s != NULL && (end == s || *end != '\0'))
		k = -1;
	free(s);
	return k >= 0 && k < NLVL ? (int)k : -1;
}

static long
attr_long(const xmlNode *n, const char *name)
{
	char *s = xs_attr(n, name), *end;
	long r = s != NULL ? strtol(s, &end, 10) : -1;

	if (s != NULL && (end == s || *end != '\0'))
		r = -1;
	free(s);
	return r;
}

static int
abs_cmp(const void *a, const void *b)
{
	const struct absnum *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

static int
num_cmp(const void *a, const void *b)
{
	const struct num *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

static int
sty_cmp(const void *a, const void *b)
{
	return strcmp(((const struct style *)a)->id, ((const struct style *)b)->id);
}

static void
load_numbering(struct docx_num *n, const xmlNode *root)
{
	const xmlNode *c, *l;
	size_t cabs = 0, cnum = 0;
	int k;

	for (c = root->children; c != NULL; c = c->next) {
		if (xs_is(c, W_NS, "abstractNum")) {
			struct absnum *a;

			n->abs = xgrow(n->abs, &cabs, n->nabs + 1, sizeof *n->abs);
			a = &n->abs[n->nabs++];
			memset(a, 0, sizeof *a);
			a->id = attr_long(c, "abstractNumId");
			for (l = c->children; l != NULL; l = l->next) {
				if (xs_is(l, W_NS, "lvl") && (k = ilvl_of(l)) >= 0) {
					free(a->lvl[k].text);
					parse_lvl(l, &a->lvl[k]);
				} else if (xs_is(l, W_NS, "numStyleLink")) {
					free(a->link);
					a->link = xs_attr(l, "val");
				}
			}
		} else if (xs_is(c, W_NS, "num")) {
			struct num *m;

			n->num = xgrow(n->num, &cnum, n->nnum + 1, sizeof *n->num);
			m = &n->num[n->nnum++];
			memset(m, 0, sizeof *m);
			m->id = attr_long(c, "numId");
			m->absid = val_long(xs_child(c, W_NS, "abstractNumId"), -1);
			for (l = c->children; l != NULL; l = l->next) {
				const xmlNode *o;

				if (!xs_is(l, W_NS, "lvlOverride") || (k = ilvl_of(l)) < 0)
					continue;
				if ((o = xs_child(l, W_NS, "startOverride")) != NULL) {
					m->has_start[k] = true;
					m->start[k] = val_long(o, 1);
					if (m->start[k] < 0 || m->start[k] > MAX_START)
						m->start[k] = 1;
				}
				if ((o = xs_child(l, W_NS, "lvl")) != NULL) {
					free(m->over[k].text);
					parse_lvl(o, &m->over[k]);
				}
			}
		}
	}
	if (n->nabs > 0)	/* no qsort of a NULL array, even empty */
		qsort(n->abs, n->nabs, sizeof *n->abs, abs_cmp);
	if (n->nnum > 0)
		qsort(n->num, n->nnum, sizeof *n->num, num_cmp);
}

static void
load_styles(struct docx_num *n, const xmlNode *root)
{
	const xmlNode *c, *ppr, *npr;
	size_t cap = 0;
	char *id;

	for (c = root->children; c != NULL; c = c->next) {
		struct style *s;

		if (!xs_is(c, W_NS, "style") || (id = xs_attr(c, "styleId")) == NULL)
			continue;
		n->sty = xgrow(n->sty, &cap, n->nsty + 1, sizeof *n->sty);
		s = &n->sty[n->nsty++];
		s->id = id;
		s->based = xs_child(c, W_NS, "basedOn") != NULL ?
		    xs_attr(xs_child(c, W_NS, "basedOn"), "val") : NULL;
		s->numid = s->ilvl = -1;
		ppr = xs_child(c, W_NS, "pPr");
		npr = ppr != NULL ? xs_child(ppr, W_NS, "numPr") : NULL;
		if (npr != NULL) {
			s->numid = val_long(xs_child(npr, W_NS, "numId"), -1);
			s->ilvl = val_long(xs_child(npr, W_NS, "ilvl"), -1);
		}
	}
	if (n->nsty > 0)
		qsort(n->sty, n->nsty, sizeof *n->sty, sty_cmp);
}

/* Parses an archive part and hands its root to fn; nothing if absent or
 * broken (the body's own text does not depend on it). */
static void
load_part(struct docx_num *n, const struct zs_archive *a, const char *name,
    void (*fn)(struct docx_num *, const xmlNode *))
{
	const struct zs_entry *e = zs_find(a, name, false);
	char *err = NULL;
	xmlDoc *d;

	if (e == NULL || (d = xs_parse(e->data, e->len, name, &err)) == NULL) {
		free(err);
		return;
	}
	fn(n, xmlDocGetRootElement(d));
	xs_free(d);
}

struct docx_num *
docx_num_load(const struct zs_archive *a)
{
	struct docx_num *n = xcalloc(1, sizeof *n);

	load_part(n, a, "word/numbering.xml", load_numbering);
	load_part(n, a, "word/styles.xml", load_styles);
	return n;
}

void
docx_num_free(struct docx_num *n)
{
	size_t i;
	int k;

	if (n == NULL)
		return;
	for (i = 0; i < n->nabs; i++) {
		free(n->abs[i].link);
		for (k = 0; k < NLVL; k++)
			free(n->abs[i].lvl[k].text);
	}
	for (i = 0; i < n->nnum; i++)
		for (k = 0; k < NLVL; k++)
			free(n->num[i].over[k].text);
	for (i = 0; i < n->nsty; i++) {
		free(n->sty[i].id);
		free(n->sty[i].based);
	}
	free(n->abs);
	free(n->num);
	free(n->sty);
	free(n);
}

static struct num *
find_num(struct docx_num *n, long id)
{
	struct num key;

	key.id = id;
	return n->nnum == 0 ? NULL :
	    bsearch(&key, n->num, n->nnum, sizeof *n->num, num_cmp);
}

static const struct absnum *
find_abs(const struct docx_num *n, long id)
{
	struct absnum key;

	key.id = id;
	return n->nabs == 0 ? NULL :
	    bsearch(&key, n->abs, n->nabs, sizeof *n->abs, abs_cmp);
}

static const struct style *
find_style(const struct docx_num *n, const char *id)
{
	struct style key;

	if (id == NULL || n->nsty == 0)
		return NULL;
	key.id = (char *)id;
	return bsearch(&key, n->sty, n->nsty, sizeof *n->sty, sty_cmp);
}

/* The abstract numbering a w:num uses, through numbering styles; NULL
 * when a link leads nowhere or goes round. */
static const struct absnum *
resolve(struct docx_num *n, struct num *m)
{
	const struct absnum *a;
	const struct style *s;
	const struct num *via;
	int hops;

	if (m->state != 0)
		return m->abs;
	a = find_abs(n, m->absid);
	for (hops = 0; a != NULL && a->link != NULL && hops < MAX_HOPS; hops++) {
		s = find_style(n, a->link);
		via = s != NULL ? find_num(n, s->numid) : NULL;
		a = via != NULL ? find_abs(n, via->absid) : NULL;
	}
	if (a != NULL && a->link != NULL)
		a = NULL;	/* still a link after MAX_HOPS: a cycle */
	m->abs = a;
	m->state = a != NULL ? 1 : -1;
	return a;
}

static const struct lvl *
level(const struct num *m, int k)
{
	return m->over[k].set ? &m->over[k] : &m->abs->lvl[k];
}

static long
start_of(const struct num *m, int k)
{
	return m->has_start[k] ? m->start[k] : level(m, k)->start;
}

/* Appends s with the Symbol and Wingdings bullets (private use) as the
 * Unicode characters they draw. */
static void
put_bullet_text(struct buf *b, const char *s)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
	uint8_t u[6];

	while (p < end) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, (size_t)(end - p)), m;

		if (c >= 0xf000 && c <= 0xf0ff) {
			c = c == 0xf0a7 ? 0x25aa : c == 0xf0d8 ? 0x27a2 :
			    c == 0xf0fc ? 0x2713 : c == 0xf076 ? 0x2756 :
			    c == 0xf0a8 ? 0x25a1 : 0x2022;
			if ((m = u8_uctomb(u, c, sizeof u)) > 0)
				buf_add(b, u, (size_t)m);
		} else {
			buf_add(b, p, (size_t)k);
		}
		p += k;
	}
}

/* The paragraph's numbering: its own w:numPr, else its style's. */
static void
para_numpr(const struct docx_num *n, const xmlNode *p, long *numid, long *ilvl)
{
	const xmlNode *ppr = xs_child(p, W_NS, "pPr"), *npr;
	const struct style *s;
	char *sid;
	int hops;

	*numid = *ilvl = -1;
	if (ppr == NULL)
		return;
	if ((npr = xs_child(ppr, W_NS, "numPr")) != NULL) {
		*numid = val_long(xs_child(npr, W_NS, "numId"), -1);
		*ilvl = val_long(xs_child(npr, W_NS, "ilvl"), -1);
	}
	sid = xs_child(ppr, W_NS, "pStyle") != NULL ?
	    xs_attr(xs_child(ppr, W_NS, "pStyle"), "val") : NULL;
	s = find_style(n, sid);
	free(sid);
	for (hops = 0; s != NULL && hops < MAX_HOPS && (*numid < 0 || *ilvl < 0);
	    hops++) {
		if (*numid < 0)
			*numid = s->numid;
		if (*ilvl < 0)
			*ilvl = s->ilvl;
		s = find_style(n, s->based);
	}
	if (*ilvl < 0)
		*ilvl = 0;
}

void
docx_num_label(struct docx_num *n, const xmlNode *p, struct buf *b,
    struct leftout *lo)
{
	long numid, ilvl;
	struct num *m;
	const struct lvl *v;
	const char *t;
	int k, j;

	para_numpr(n, p, &numid, &ilvl);
	if (numid <= 0)
		return;		/* none, or w:numId 0: numbering removed */
	m = find_num(n, numid);
	if (m == NULL || ilvl >= NLVL || resolve(n, m) == NULL ||
	    !level(m, (int)ilvl)->set || (level(m, (int)ilvl)->text != NULL &&
	    strlen(level(m, (int)ilvl)->text) > MAX_LVLTEXT)) {
		lo->lists++;
		return;
	}
	k = (int)ilvl;
	v = level(m, k);
	if (!m->active[k]) {
		m->cnt[k] = start_of(m, k);
		m->active[k] = true;
	} else if (m->cnt[k] < MAX_START * 4LL) {
		m->cnt[k]++;
	}
	for (j = k + 1; j < NLVL; j++) {
		int r = level(m, j)->set ? level(m, j)->restart : -1;

		if (r < 0 || k < r)
			m->active[j] = false;
	}
	if (v->text == NULL || v->fmt == LN_NONE)
		return;
	if (v->bullet) {
		put_bullet_text(b, v->text);
	} else {
		for (t = v->text; *t != '\0'; t++) {
			if (t[0] == '%' && t[1] >= '1' && t[1] <= '9') {
				int d = t[1] - '1';
				const struct lvl *dl = level(m, d);
				enum listnum_fmt f = v->legal || !dl->set || dl->bullet ?
				    LN_DECIMAL : dl->fmt;

				listnum_put(b, m->active[d] ? m->cnt[d] :
				    dl->set ? start_of(m, d) : 1, f);
				t++;
			} else {
				buf_putc(b, *t);
			}
		}
	}
	if (v->suff != '\0')
		buf_putc(b, v->suff);
}
