/*
 * import-odt.c: the body text of an OpenDocument .odt (content.xml).
 *
 * text:p and text:h are lines joined by LF (list items and table cells
 * included); text:s is that many spaces, text:tab a TAB, text:line-break a
 * LF. Other white space in text follows ODF: runs of space, TAB, CR, LF
 * collapse into one space, and leading white space in a paragraph goes.
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

struct octx {
	struct buf out;
	bool any_para;
	bool space;		/* the last character out was collapsible space */
	struct leftout lo;
};

static void
odt_text(struct octx *o, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			if (!o->space)
				buf_putc(&o->out, ' ');
			o->space = true;
		} else {
			buf_putc(&o->out, *s);
			o->space = false;
		}
	}
}

static void
odt_walk(struct octx *o, const xmlNode *n)
{
	const xmlNode *c;

	for (c = n; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			/* Text directly in a paragraph or span. */
			if (c->parent != NULL && c->parent->ns != NULL &&
			    strcmp((const char *)c->parent->ns->href, TEXT_NS) == 0)
				odt_text(o, (const char *)c->content);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xs_is(c, TEXT_NS, "p") || xs_is(c, TEXT_NS, "h")) {
			if (o->any_para)
				buf_putc(&o->out, '\n');
			o->any_para = true;
			o->space = true;	/* drop leading white space */
			odt_walk(o, c->children);
		} else if (xs_is(c, TEXT_NS, "s")) {
			char *cnt = xs_attr(c, "c");
			long k = cnt ? strtol(cnt, NULL, 10) : 1;

			if (k < 1)
				k = 1;
			if (k > 10000)
				k = 10000;
			while (k-- > 0)
				buf_putc(&o->out, ' ');
			o->space = false;
			free(cnt);
		} else if (xs_is(c, TEXT_NS, "tab")) {
			buf_putc(&o->out, '\t');
			o->space = false;
		} else if (xs_is(c, TEXT_NS, "line-break")) {
			buf_putc(&o->out, '\n');
			o->space = true;
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

/* Counts master-page headers and footers with text in styles.xml. */
static void
odt_headers(const struct zs_archive *a, struct leftout *lo)
{
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
	odt_walk(&o, text->children);
	xs_free(d);
	odt_headers(a, &o.lo);
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
