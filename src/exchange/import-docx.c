/*
 * import-docx.c: the body text of a Word .docx (word/document.xml).
 *
 * Paragraphs (w:p, including those in tables, one per cell paragraph) are
 * lines, joined by LF; w:t is text, w:tab a TAB, w:br / w:cr a LF (a line
 * break the reader sees stays a visible line; page and column breaks add
 * nothing), w:noBreakHyphen U+2011. Deleted text (w:delText), field codes
 * (w:instrText) and property blocks are skipped. Images and drawings
 * (with any text box inside), headers, footers, footnotes, endnotes and
 * comments are left out and counted for the notice.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "exchange/exchange.h"
#include "base/i18n.h"
#include "base/textin.h"
#include "exchange/exchange-int.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

bool
xml_is(const xmlNode *n, const char *ns, const char *name)
{
	if (n == NULL || n->type != XML_ELEMENT_NODE ||
	    strcmp((const char *)n->name, name) != 0)
		return false;
	if (ns == NULL)
		return true;
	return n->ns != NULL && n->ns->href != NULL &&
	    strcmp((const char *)n->ns->href, ns) == 0;
}

char *
xml_attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	for (a = n->properties; a != NULL; a = a->next) {
		if (strcmp((const char *)a->name, name) == 0) {
			xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
			char *r = xstrdup(v ? (const char *)v : "");

			xmlFree(v);
			return r;
		}
	}
	return NULL;
}

xmlNode *
xml_child(const xmlNode *n, const char *ns, const char *name)
{
	xmlNode *c;

	for (c = n->children; c != NULL; c = c->next)
		if (xml_is(c, ns, name))
			return c;
	return NULL;
}

/* One item of the notice's list (s is taken), joined to those before it. */
static void
add_item(struct buf *b, int *k, int total, char *s)
{
	if (*k > 0)
		/* TRANSLATORS: list joiners, "2 images, the header and 1 comment" */
		buf_puts(b, *k + 1 == total ? _(" and ") : _(", "));
	buf_puts(b, s);
	free(s);
	(*k)++;
}

/*
 * "%d images" in the plural form for n (xgettext knows countf's two
 * formats). A macro, so that the compiler checks both formats against n
 * through ngettext's format_arg, as it checks any printf.
 */
#define countf(n, one, many) \
	xasprintf(ngettext((one), (many), (unsigned long)(n)), (n))

char *
leftout_notice(const struct leftout *l)
{
	struct buf b = {0};
	int total = (l->images > 0) + (l->headers > 0) + (l->footers > 0) +
	    (l->notes > 0) + (l->comments > 0) + (l->other > 0), k = 0;
	char *r;

	if (total == 0)
		return NULL;
	if (l->images > 0)
		add_item(&b, &k, total, countf(l->images, "%d image", "%d images"));
	if (l->headers > 0)
		add_item(&b, &k, total, l->headers == 1 ? xstrdup(_("the header")) :
		    countf(l->headers, "%d header", "%d headers"));
	if (l->footers > 0)
		add_item(&b, &k, total, l->footers == 1 ? xstrdup(_("the footer")) :
		    countf(l->footers, "%d footer", "%d footers"));
	if (l->notes > 0)
		add_item(&b, &k, total, countf(l->notes, "%d footnote", "%d footnotes"));
	if (l->comments > 0)
		add_item(&b, &k, total, countf(l->comments, "%d comment", "%d comments"));
	if (l->other > 0)
		add_item(&b, &k, total, countf(l->other, "%d embedded object",
		    "%d embedded objects"));
	/* TRANSLATORS: %s is the list, e.g. "2 images and the header" */
	r = xasprintf(_("left out %s"), b.s);
	buf_done(&b);
	return r;
}

struct wctx {
	struct buf out;
	bool any_para;
	struct leftout lo;
};

static void
docx_walk(struct wctx *w, const xmlNode *n)
{
	const xmlNode *c;

	for (c = n; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (c->ns == NULL || c->ns->href == NULL ||
		    strcmp((const char *)c->ns->href, W_NS) != 0) {
			/* Markup compatibility (mc:AlternateContent) and other
			 * vocabularies: look inside for w: content, except
			 * drawings, which are counted below. */
			if (strcmp((const char *)c->name, "Fallback") == 0)
				continue;	/* the Choice already holds it */
			docx_walk(w, c->children);
			continue;
		}
		if (xml_is(c, W_NS, "p")) {
			if (w->any_para)
				buf_putc(&w->out, '\n');
			w->any_para = true;
			docx_walk(w, c->children);
		} else if (xml_is(c, W_NS, "t")) {
			xmlChar *s = xmlNodeGetContent(c);

			if (s != NULL)
				buf_puts(&w->out, (const char *)s);
			xmlFree(s);
		} else if (xml_is(c, W_NS, "tab")) {
			buf_putc(&w->out, '\t');
		} else if (xml_is(c, W_NS, "br") || xml_is(c, W_NS, "cr")) {
			char *type = xml_attr(c, "type");

			if (type == NULL || strcmp(type, "textWrapping") == 0)
				buf_putc(&w->out, '\n');
			free(type);
		} else if (xml_is(c, W_NS, "noBreakHyphen")) {
			buf_puts(&w->out, "\xe2\x80\x91");
		} else if (xml_is(c, W_NS, "drawing") || xml_is(c, W_NS, "pict")) {
			w->lo.images++;
		} else if (xml_is(c, W_NS, "object")) {
			w->lo.other++;
		} else if (xml_is(c, W_NS, "footnoteReference") ||
		    xml_is(c, W_NS, "endnoteReference")) {
			w->lo.notes++;
		} else if (xml_is(c, W_NS, "commentReference")) {
			w->lo.comments++;
		} else if (xml_is(c, W_NS, "delText") || xml_is(c, W_NS, "instrText") ||
		    xml_is(c, W_NS, "pPr") || xml_is(c, W_NS, "rPr") ||
		    xml_is(c, W_NS, "sectPr") || xml_is(c, W_NS, "tblPr") ||
		    xml_is(c, W_NS, "tblGrid") || xml_is(c, W_NS, "trPr") ||
		    xml_is(c, W_NS, "tcPr") || xml_is(c, W_NS, "del") ||
		    xml_is(c, W_NS, "softHyphen") || xml_is(c, W_NS, "sym")) {
			continue;
		} else {
			docx_walk(w, c->children);
		}
	}
}

/* Whether a header/footer part holds any text. */
static bool
part_has_text(const struct zs_entry *e)
{
	char *err = NULL;
	xmlDoc *d = xs_parse(e->data, e->len, e->name, &err);
	xmlChar *s;
	bool any = false;

	free(err);
	if (d == NULL)
		return false;
	s = xmlNodeGetContent(xmlDocGetRootElement(d));
	if (s != NULL) {
		const xmlChar *q;

		for (q = s; *q != '\0' && !any; q++)
			any = *q != ' ' && *q != '\t' && *q != '\n' && *q != '\r';
	}
	xmlFree(s);
	xs_free(d);
	return any;
}

char *
docx_extract(const char *data, size_t len, size_t *outlen, char **notice,
    char **err)
{
	struct zs_archive a;
	const struct zs_entry *doc;
	struct wctx w;
	xmlDoc *d;
	xmlNode *body;
	size_t i;

	*notice = NULL;
	memset(&w, 0, sizeof w);
	if (zs_read(data, len, &a, err) != 0)
		return NULL;
	if ((doc = zs_find(&a, "word/document.xml", false)) == NULL) {
		zs_free(&a);
		*err = xstrdup(_("not a Word document (no word/document.xml)"));
		return NULL;
	}
	if ((d = xs_parse(doc->data, doc->len, "word/document.xml", err)) == NULL) {
		zs_free(&a);
		return NULL;
	}
	body = xml_child(xmlDocGetRootElement(d), W_NS, "body");
	if (!xml_is(xmlDocGetRootElement(d), W_NS, "document") || body == NULL) {
		xs_free(d);
		zs_free(&a);
		*err = xstrdup(_("word/document.xml has no w:document/w:body"));
		return NULL;
	}
	docx_walk(&w, body->children);
	xs_free(d);
	for (i = 0; i < a.n; i++) {
		const char *nm = a.e[i].name;

		if (strncmp(nm, "word/header", 11) == 0 && part_has_text(&a.e[i]))
			w.lo.headers++;
		else if (strncmp(nm, "word/footer", 11) == 0 && part_has_text(&a.e[i]))
			w.lo.footers++;
	}
	zs_free(&a);
	*notice = leftout_notice(&w.lo);
	buf_puts(&w.out, "");
	*outlen = w.out.len;
	return buf_take(&w.out);
}

char *
transcript_extract(const char *path, const char *data, size_t len,
    size_t *outlen, char **notice, char **err)
{
	const char *dot = strrchr(path, '.');

	*notice = NULL;
	*err = NULL;
	if (dot != NULL && strcasecmp(dot, ".docx") == 0)
		return docx_extract(data, len, outlen, notice, err);
	if (dot != NULL && strcasecmp(dot, ".odt") == 0)
		return odt_extract(data, len, outlen, notice, err);
	{
		char *copy = xmalloc(len + 1);	/* NULs and all: textin checks */

		memcpy(copy, data, len);
		copy[len] = '\0';
		*outlen = len;
		return copy;
	}
}
