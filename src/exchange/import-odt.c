/*
 * import-odt.c: the body text of an OpenDocument .odt (content.xml).
 *
 * text:p and text:h are lines joined by LF (list items and table cells
 * included); text:s is that many spaces, text:tab a TAB, text:line-break a
 * LF. Other white space follows ODF [ODF12, §6.1.2]: only text inside a
 * paragraph counts (the indentation of a pretty-printed file between
 * elements is none), runs of space, TAB, CR and LF collapse into one
 * space, and white space at the start or end of a paragraph or next to a
 * line break goes. A list item's first paragraph starts with its number
 * or bullet as the list style says (text:list-level-style-number with
 * style:num-format, num-prefix, num-suffix, text:start-value and
 * text:display-levels; text:list-level-style-bullet's text:bullet-char),
 * then a TAB, or a space or nothing as the style's label-followed-by says.
 * Frames (images, text boxes), footnotes (text:note), comments
 * (office:annotation) and tracked deletions are left out and counted;
 * headers and footers live in styles.xml and are reported if they hold text.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "exchange/exchange.h"
#include "base/i18n.h"
#include "exchange/exchange-int.h"

#define TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define DRAW_NS "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define STYLE_NS "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NLEVEL 10		/* list levels ODF styles define */

/* One level of a list style. */
struct olevel {
	bool number;		/* else a bullet (or an image, shown as one) */
	enum listnum_fmt fmt;
	char *prefix, *suffix, *bullet;
	long start;
	int display;		/* text:display-levels */
	char follow;		/* '\t', ' ' or '\0' */
};

struct ostyle {
	char *name;
	bool set[NLEVEL];
	struct olevel lvl[NLEVEL];
};

struct octx {
	struct buf out;
	bool any_para;
	bool in_para;		/* text nodes here are paragraph text */
	bool space;		/* white space waits: out only before more text */
	bool line_start;	/* nothing out yet on this line */
	struct leftout lo;
	struct ostyle *sty;	/* list styles */
	size_t nsty;
	/* The list being walked: its style, depth, counters per level. */
	const struct ostyle *list;
	int depth;
	long long cnt[NLEVEL];
	bool active[NLEVEL];
	bool label_due;		/* the item's first paragraph is still to come */
	/* Where the last top-level lists with an xml:id ended, for
	 * continue-list (which names a recent one; a bounded search). */
	struct olist {
		char *id;
		long long cnt[NLEVEL];
		bool active[NLEVEL];
	} ended[64];
	size_t nended;
};

static void
odt_text(struct octx *o, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			o->space = !o->line_start;
		} else {
			if (o->space)
				buf_putc(&o->out, ' ');
			buf_putc(&o->out, *s);
			o->space = o->line_start = false;
		}
	}
}

/* Before text:s or text:tab: the white space waiting before it. */
static void
odt_hard(struct octx *o)
{
	if (o->space)
		buf_putc(&o->out, ' ');
	o->space = o->line_start = false;
}

static const struct {
	const char *name;
	enum listnum_fmt fmt;
} odt_fmts[] = {
	{"1", LN_DECIMAL}, {"a", LN_LOWER_ALPHA}, {"A", LN_UPPER_ALPHA},
	{"i", LN_LOWER_ROMAN}, {"I", LN_UPPER_ROMAN}, {"", LN_NONE},
	{"\xd9\xa1, \xd9\xa2, \xd9\xa3", LN_ARABIC_INDIC},
	{"\xdb\xb1, \xdb\xb2, \xdb\xb3", LN_PERSIAN},
	{"\xd8\xa3, \xd8\xa8, \xd8\xaa, ...", LN_ARABIC_ALPHA},
	{"\xd8\xa3, \xd8\xa8, \xd8\xac, ...", LN_ARABIC_ABJAD},
};

/* A level's attribute as a number in [lo, hi], or def. */
static long
attr_num(const xmlNode *n, const char *name, long def, long lo, long hi)
{
	char *s = xs_attr(n, name), *end;
	long v = s != NULL ? strtol(s, &end, 10) : def;

	if (s != NULL && (end == s || *end != '\0'))
		v = def;
	free(s);
	return v >= lo && v <= hi ? v : def;
}

static void
odt_level(const xmlNode *l, struct olevel *v)
{
	const xmlNode *c, *a;
	char *f, *sync;
	size_t i;

	v->number = xs_is(l, TEXT_NS, "list-level-style-number");
	v->fmt = LN_DECIMAL;
	if ((f = xs_attr(l, "num-format")) != NULL) {
		v->fmt = LN_DECIMAL;
		for (i = 0; i < AX_ARRAY_LEN(odt_fmts); i++)
			if (strcmp(f, odt_fmts[i].name) == 0)
				v->fmt = odt_fmts[i].fmt;
		free(f);
	} else if (v->number) {
		v->fmt = LN_NONE;	/* the attribute's absence: no number */
	}
	if ((sync = xs_attr(l, "num-letter-sync")) != NULL) {
		if (strcmp(sync, "true") == 0 && v->fmt == LN_LOWER_ALPHA)
			v->fmt = LN_LOWER_LETTER;
		else if (strcmp(sync, "true") == 0 && v->fmt == LN_UPPER_ALPHA)
			v->fmt = LN_UPPER_LETTER;
		free(sync);
	}
	v->prefix = xs_attr(l, "num-prefix");
	v->suffix = xs_attr(l, "num-suffix");
	v->bullet = v->number ? NULL : xs_attr(l, "bullet-char");
	if (v->bullet == NULL && !v->number)
		v->bullet = xstrdup("\xe2\x80\xa2");	/* an image bullet */
	v->start = attr_num(l, "start-value", 1, 0, 1000000000L);
	v->display = (int)attr_num(l, "display-levels", 1, 1, NLEVEL);
	v->follow = '\t';
	for (c = l->children; c != NULL; c = c->next) {
		if (!xs_is(c, STYLE_NS, "list-level-properties"))
			continue;
		for (a = c->children; a != NULL; a = a->next) {
			if (xs_is(a, STYLE_NS, "list-level-label-alignment") &&
			    (f = xs_attr(a, "label-followed-by")) != NULL) {
				v->follow = strcmp(f, "space") == 0 ? ' ' :
				    strcmp(f, "nothing") == 0 ? '\0' : '\t';
				free(f);
			}
		}
	}
}

/* Collects the text:list-style elements under n (office:automatic-styles
 * or office:styles). */
static void
odt_list_styles(struct octx *o, const xmlNode *n, size_t *cap)
{
	const xmlNode *c, *l;

	for (c = n != NULL ? n->children : NULL; c != NULL; c = c->next) {
		struct ostyle *s;
		char *name;

		if (!xs_is(c, TEXT_NS, "list-style") ||
		    (name = xs_attr(c, "name")) == NULL)
			continue;
		o->sty = xgrow(o->sty, cap, o->nsty + 1, sizeof *o->sty);
		s = &o->sty[o->nsty++];
		memset(s, 0, sizeof *s);
		s->name = name;
		for (l = c->children; l != NULL; l = l->next) {
			long k;

			if (!xs_is(l, TEXT_NS, "list-level-style-number") &&
			    !xs_is(l, TEXT_NS, "list-level-style-bullet") &&
			    !xs_is(l, TEXT_NS, "list-level-style-image"))
				continue;
			k = attr_num(l, "level", 0, 1, NLEVEL) - 1;
			if (k < 0 || s->set[k])
				continue;
			s->set[k] = true;
			odt_level(l, &s->lvl[k]);
		}
	}
}

static void
odt_styles_free(struct octx *o)
{
	size_t i;
	int k;

	for (i = 0; i < o->nsty; i++) {
		for (k = 0; k < NLEVEL; k++) {
			free(o->sty[i].lvl[k].prefix);
			free(o->sty[i].lvl[k].suffix);
			free(o->sty[i].lvl[k].bullet);
		}
		free(o->sty[i].name);
	}
	free(o->sty);
	for (i = 0; i < AX_ARRAY_LEN(o->ended); i++)
		free(o->ended[i].id);
}

static const struct ostyle *
odt_find_style(const struct octx *o, const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < o->nsty; i++)
		if (strcmp(o->sty[i].name, name) == 0)
			return &o->sty[i];
	return NULL;
}

/* The label of the list item whose first paragraph starts now. */
static void
odt_label(struct octx *o)
{
	int k = o->depth - 1, j, from;
	const struct olevel *v;

	o->label_due = false;
	if (o->list == NULL)
		return;		/* a list without a style shows no labels */
	if (k >= NLEVEL || !o->list->set[k]) {
		o->lo.lists++;
		return;
	}
	v = &o->list->lvl[k];
	if (v->prefix != NULL)
		buf_puts(&o->out, v->prefix);
	if (!v->number) {
		buf_puts(&o->out, v->bullet);
	} else {
		from = k - v->display + 1 < 0 ? 0 : k - v->display + 1;
		for (j = from; j <= k; j++) {
			const struct olevel *u = o->list->set[j] ? &o->list->lvl[j] : v;

			if (j > from)
				buf_putc(&o->out, '.');
			listnum_put(&o->out, o->active[j] ? o->cnt[j] : u->start,
			    u->number ? u->fmt : LN_DECIMAL);
		}
	}
	if (v->suffix != NULL)
		buf_puts(&o->out, v->suffix);
	if (v->follow != '\0')
		buf_putc(&o->out, v->follow);
}

/* A list item: counted at its level, deeper levels start again. */
static void odt_walk(struct octx *o, const xmlNode *n);

static void
odt_item(struct octx *o, const xmlNode *c, bool header)
{
	int k = o->depth - 1, j;

	if (!header && k < NLEVEL) {
		const struct olevel *v = o->list != NULL && o->list->set[k] ?
		    &o->list->lvl[k] : NULL;
		long sv = attr_num(c, "start-value", -1, 0, 1000000000L);

		if (sv >= 0)
			o->cnt[k] = sv;
		else if (o->active[k])
			o->cnt[k] += o->cnt[k] < 4000000000LL;
		else
			o->cnt[k] = v != NULL ? v->start : 1;
		o->active[k] = true;
		for (j = k + 1; j < NLEVEL; j++)
			o->active[j] = false;
	}
	o->label_due = !header;
	odt_walk(o, c->children);
	o->label_due = false;
}

static void
odt_list(struct octx *o, const xmlNode *c)
{
	const struct ostyle *saved = o->list;
	char *name = xs_attr(c, "style-name"), *cont;
	int k;

	if (name != NULL) {
		o->list = odt_find_style(o, name);
		if (o->list == NULL)
			o->lo.lists++;	/* named, but not there */
	}
	free(name);
	if (o->depth == 0) {
		/* A new list counts from its start unless it continues the one
		 * before (continue-numbering) or one named by its xml:id. */
		bool goes_on;
		size_t i;

		cont = xs_attr(c, "continue-numbering");
		goes_on = cont != NULL && strcmp(cont, "true") == 0;
		free(cont);
		for (k = 0; k < NLEVEL && !goes_on; k++)
			o->active[k] = false;
		cont = xs_attr(c, "continue-list");
		for (i = 0; cont != NULL && i < o->nended &&
		    i < AX_ARRAY_LEN(o->ended); i++) {
			if (strcmp(o->ended[i].id, cont) == 0) {
				memcpy(o->cnt, o->ended[i].cnt, sizeof o->cnt);
				memcpy(o->active, o->ended[i].active, sizeof o->active);
			}
		}
		free(cont);
	}
	o->depth++;
	odt_walk(o, c->children);
	o->depth--;
	o->list = saved;
	if (o->depth == 0 && (name = xs_attr(c, "id")) != NULL) {
		struct olist *e = &o->ended[o->nended++ % AX_ARRAY_LEN(o->ended)];

		free(e->id);
		e->id = name;
		memcpy(e->cnt, o->cnt, sizeof e->cnt);
		memcpy(e->active, o->active, sizeof e->active);
	}
}

static void
odt_walk(struct octx *o, const xmlNode *n)
{
	const xmlNode *c;

	for (c = n; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (o->in_para)
				odt_text(o, (const char *)c->content);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xs_is(c, TEXT_NS, "p") || xs_is(c, TEXT_NS, "h")) {
			bool was = o->in_para;

			if (o->any_para)
				buf_putc(&o->out, '\n');
			o->any_para = true;
			o->space = false;
			o->line_start = true;
			if (o->label_due)
				odt_label(o);
			o->in_para = true;
			odt_walk(o, c->children);
			o->in_para = was;
			o->space = false;	/* trailing white space goes */
		} else if (xs_is(c, TEXT_NS, "list")) {
			odt_list(o, c);
		} else if (xs_is(c, TEXT_NS, "list-item") ||
		    xs_is(c, TEXT_NS, "list-header")) {
			odt_item(o, c, xs_is(c, TEXT_NS, "list-header"));
		} else if (xs_is(c, TEXT_NS, "s")) {
			long k = attr_num(c, "c", 1, 1, 10000);

			odt_hard(o);
			while (k-- > 0)
				buf_putc(&o->out, ' ');
		} else if (xs_is(c, TEXT_NS, "tab")) {
			odt_hard(o);
			buf_putc(&o->out, '\t');
		} else if (xs_is(c, TEXT_NS, "line-break")) {
			buf_putc(&o->out, '\n');
			o->space = false;
			o->line_start = true;
		} else if (xs_is(c, TEXT_NS, "note")) {
			o->lo.notes++;
		} else if (xs_is(c, OFFICE_NS, "annotation")) {
			o->lo.comments++;
		} else if (xs_is(c, OFFICE_NS, "annotation-end") ||
		    xs_is(c, TEXT_NS, "tracked-changes") ||
		    xs_is(c, TEXT_NS, "sequence-decls") ||
		    xs_is(c, TEXT_NS, "variable-decls")) {
			continue;
		} else if (xs_is(c, DRAW_NS, "frame") || xs_is(c, DRAW_NS, "image")) {
			o->lo.images++;
		} else if (c->ns != NULL && strcmp((const char *)c->ns->href, DRAW_NS) == 0) {
			o->lo.other++;	/* shapes, charts */
		} else {
			odt_walk(o, c->children);
		}
	}
}

/* Counts master-page headers and footers with text in styles.xml, and
 * takes its list styles. */
static void
odt_styles(const struct zs_archive *a, struct octx *o, size_t *cap)
{
	struct leftout *lo = &o->lo;
	const struct zs_entry *e = zs_find(a, "styles.xml", false);
	xmlDoc *d;
	char *err = NULL;
	xmlNode *stack[64];
	int sp = 0;

	if (e == NULL || (d = xs_parse(e->data, e->len, "styles.xml", &err)) == NULL) {
		free(err);
		return;
	}
	stack[sp++] = xmlDocGetRootElement(d);
	odt_list_styles(o, xs_child(stack[0], OFFICE_NS, "styles"), cap);
	while (sp > 0) {
		xmlNode *n = stack[--sp], *c;

		for (c = n->children; c != NULL; c = c->next) {
			if (c->type != XML_ELEMENT_NODE)
				continue;
			if (xs_is(c, STYLE_NS, "header") || xs_is(c, STYLE_NS, "footer")) {
				xmlChar *s = xmlNodeGetContent(c);
				bool any = false;
				const xmlChar *q;

				for (q = s; q != NULL && *q != '\0' && !any; q++)
					any = *q != ' ' && *q != '\t' && *q != '\n';
				xmlFree(s);
				if (any && c->name[0] == 'h')
					lo->headers++;
				else if (any)
					lo->footers++;
			} else if (sp < (int)AX_ARRAY_LEN(stack)) {
				stack[sp++] = c;
			}
		}
	}
	xs_free(d);
}

char *
odt_extract_zip(const struct zs_archive *a, size_t *outlen, char **notice,
    char **err)
{
	const struct zs_entry *ce;
	struct octx o;
	xmlDoc *d;
	xmlNode *root, *body, *text;
	size_t cap = 0;

	*notice = NULL;
	*err = NULL;
	memset(&o, 0, sizeof o);
	if ((ce = zs_find(a, "content.xml", false)) == NULL) {
		*err = xstrdup(_("not an OpenDocument text (no content.xml)"));
		return NULL;
	}
	if ((d = xs_parse(ce->data, ce->len, "content.xml", err)) == NULL)
		return NULL;
	root = xmlDocGetRootElement(d);
	body = xs_child(root, OFFICE_NS, "body");
	text = body ? xs_child(body, OFFICE_NS, "text") : NULL;
	if (text == NULL) {
		xs_free(d);
		*err = xstrdup(_("content.xml has no office:body/office:text (not a "
		    "text document)"));
		return NULL;
	}
	odt_list_styles(&o, xs_child(root, OFFICE_NS, "automatic-styles"), &cap);
	odt_styles(a, &o, &cap);
	odt_walk(&o, text->children);
	xs_free(d);
	odt_styles_free(&o);
	*notice = leftout_notice(&o.lo);
	buf_puts(&o.out, "");
	*outlen = o.out.len;
	return buf_take(&o.out);
}

char *
odt_extract(const char *data, size_t len, size_t *outlen, char **notice,
    char **err)
{
	struct zs_archive a;
	char *text;

	*notice = NULL;
	if (zs_read(data, len, &a, err) != 0)
		return NULL;
	text = odt_extract_zip(&a, outlen, notice, err);
	zs_free(&a);
	return text;
}
