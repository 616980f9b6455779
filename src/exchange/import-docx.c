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

#include <libxml/tree.h>

#include "exchange/exchange.h"
#include "base/i18n.h"
#include "exchange/exchange-int.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

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
		if (xs_is(c, W_NS, "p")) {
			if (w->any_para)
				buf_putc(&w->out, '\n');
			w->any_para = true;
			docx_walk(w, c->children);
		} else if (xs_is(c, W_NS, "t")) {
			xmlChar *s = xmlNodeGetContent(c);

			if (s != NULL)
				buf_puts(&w->out, (const char *)s);
			xmlFree(s);
		} else if (xs_is(c, W_NS, "tab")) {
			buf_putc(&w->out, '\t');
		} else if (xs_is(c, W_NS, "br") || xs_is(c, W_NS, "cr")) {
			char *type = xs_attr(c, "type");

			if (type == NULL || strcmp(type, "textWrapping") == 0)
				buf_putc(&w->out, '\n');
			free(type);
		} else if (xs_is(c, W_NS, "noBreakHyphen")) {
			buf_puts(&w->out, "\xe2\x80\x91");
		} else if (xs_is(c, W_NS, "drawing") || xs_is(c, W_NS, "pict")) {
			w->lo.images++;
		} else if (xs_is(c, W_NS, "object")) {
			w->lo.other++;
		} else if (xs_is(c, W_NS, "footnoteReference") ||
		    xs_is(c, W_NS, "endnoteReference")) {
			w->lo.notes++;
		} else if (xs_is(c, W_NS, "commentReference")) {
			w->lo.comments++;
		} else if (xs_is(c, W_NS, "delText") || xs_is(c, W_NS, "instrText") ||
		    xs_is(c, W_NS, "pPr") || xs_is(c, W_NS, "rPr") ||
		    xs_is(c, W_NS, "sectPr") || xs_is(c, W_NS, "tblPr") ||
		    xs_is(c, W_NS, "tblGrid") || xs_is(c, W_NS, "trPr") ||
		    xs_is(c, W_NS, "tcPr") || xs_is(c, W_NS, "del") ||
		    xs_is(c, W_NS, "softHyphen") || xs_is(c, W_NS, "sym")) {
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
docx_extract_zip(const struct zs_archive *a, size_t *outlen, char **notice,
    char **err)
{
	const struct zs_entry *doc;
	struct wctx w;
	xmlDoc *d;
	xmlNode *body;
	size_t i;

	*notice = NULL;
	*err = NULL;
	memset(&w, 0, sizeof w);
	if ((doc = zs_find(a, "word/document.xml", false)) == NULL) {
		*err = xstrdup(_("not a Word document (no word/document.xml)"));
		return NULL;
	}
	if ((d = xs_parse(doc->data, doc->len, "word/document.xml", err)) == NULL)
		return NULL;
	body = xs_child(xmlDocGetRootElement(d), W_NS, "body");
	if (!xs_is(xmlDocGetRootElement(d), W_NS, "document") || body == NULL) {
		xs_free(d);
		*err = xstrdup(_("word/document.xml has no w:document/w:body"));
		return NULL;
	}
	docx_walk(&w, body->children);
	xs_free(d);
	for (i = 0; i < a->n; i++) {
		const char *nm = a->e[i].name;

		if (strncmp(nm, "word/header", 11) == 0 && part_has_text(&a->e[i]))
			w.lo.headers++;
		else if (strncmp(nm, "word/footer", 11) == 0 && part_has_text(&a->e[i]))
			w.lo.footers++;
	}
	*notice = leftout_notice(&w.lo);
	buf_puts(&w.out, "");
	*outlen = w.out.len;
	return buf_take(&w.out);
}

char *
docx_extract(const char *data, size_t len, size_t *outlen, char **notice,
    char **err)
{
	struct zs_archive a;
	char *text;

	*notice = NULL;
	if (zs_read(data, len, &a, err) != 0)
		return NULL;
	text = docx_extract_zip(&a, outlen, notice, err);
	zs_free(&a);
	return text;
}
