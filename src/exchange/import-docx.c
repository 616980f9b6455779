/*
 * import-docx.c: the body text of a Word .docx (word/document.xml), as
 * Word shows it with tracked changes accepted.
 *
 * Paragraphs (w:p, including those in tables, one per cell paragraph) are
 * lines, joined by LF, each after its list number or bullet
 * (docx-numbering.c); w:t is text, w:tab a TAB, w:br / w:cr a LF (a line
 * break the reader sees stays a visible line), w:noBreakHyphen U+2011. A
 * page or column break between words is a LF too, so they stay apart; one
 * at a paragraph's end adds nothing, nor does w:lastRenderedPageBreak.
 * Tracked changes are taken as accepted: insertions and moved-to text are
 * in, deletions and moved-from text out (w:del, w:delText, w:moveFrom, a
 * deleted row), and a paragraph whose mark was deleted or moved away runs
 * on into the next. The text of text boxes (w:txbxContent, in a DrawingML
 * shape or a VML v:textbox) becomes lines after the paragraph it is
 * anchored in; of mc:AlternateContent only the first mc:Choice is read
 * (Word puts the same text box in its mc:Fallback). Field codes
 * (w:instrText) and property blocks are skipped. Pictures, drawn shapes,
 * charts and other embedded objects, headers, footers, footnotes, endnotes
 * and comments are left out and counted for the notice.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "exchange/exchange.h"
#include "base/i18n.h"
#include "exchange/exchange-int.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define VML_NS "urn:schemas-microsoft-com:vml"

struct wctx {
	struct buf out;
	struct buf boxes;	/* text boxes of the current paragraph, as lines */
	size_t para_start;	/* where the current paragraph's line starts */
	size_t text_at;		/* where its text starts, after any label */
	bool any_para;
	bool brk;		/* a page or column break waits for text */
	bool glue;		/* the last paragraph's mark was deleted */
	int nboxes;		/* text boxes seen */
	struct leftout *lo;
	struct docx_num *num;
};

static void docx_walk(struct wctx *w, const xmlNode *n);

/* Before text: the LF of a page or column break that came before it. */
static void
text_out(struct wctx *w)
{
	if (w->brk && w->out.len > w->text_at)
		buf_putc(&w->out, '\n');
	w->brk = false;
}

/* Whether the subtree of n (to a bounded depth) has an element `name`. */
static bool
has_desc(const xmlNode *n, const char *name, int depth)
{
	const xmlNode *c;

	for (c = n->children; c != NULL && depth > 0; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    (strcmp((const char *)c->name, name) == 0 ||
		    has_desc(c, name, depth - 1)))
			return true;
	return false;
}

/* Whether s[0..n) is only white space (an empty text box). */
static bool
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strchr(" \t\n", s[i]) == NULL)
			return false;
	return true;
}

/* Whether a paragraph's mark is a tracked deletion or moved away. */
static bool
mark_deleted(const xmlNode *p)
{
	const xmlNode *ppr = xs_child(p, W_NS, "pPr"), *rpr;

	rpr = ppr != NULL ? xs_child(ppr, W_NS, "rPr") : NULL;
	return rpr != NULL && (xs_child(rpr, W_NS, "del") != NULL ||
	    xs_child(rpr, W_NS, "moveFrom") != NULL);
}

/*
 * The paragraph's list label at the start of its line. A paragraph whose
 * mark is deleted has none: its text runs into the next paragraph, whose
 * mark, and so whose label, the joined paragraph keeps.
 */
static void
docx_label(struct wctx *w, const xmlNode *p)
{
	struct buf lab = {0};
	size_t tail;

	if (mark_deleted(p))
		return;
	docx_num_label(w->num, p, &lab, w->lo);
	if (lab.len > 0) {
		tail = w->out.len - w->para_start;
		buf_add(&w->out, lab.s, lab.len);
		memmove(w->out.s + w->para_start + lab.len, w->out.s + w->para_start,
		    tail);
		memcpy(w->out.s + w->para_start, lab.s, lab.len);
	}
	buf_done(&lab);
}

static void
docx_para(struct wctx *w, const xmlNode *p)
{
	struct buf saved = w->boxes;

	if (w->any_para && !w->glue)
		buf_putc(&w->out, '\n');
	if (!w->glue)
		w->para_start = w->out.len;
	w->any_para = true;
	w->brk = false;
	docx_label(w, p);
	w->text_at = w->glue ? w->para_start : w->out.len;
	w->glue = mark_deleted(p);
	memset(&w->boxes, 0, sizeof w->boxes);
	docx_walk(w, p->children);
	if (w->boxes.len > 0) {
		buf_putc(&w->out, '\n');
		buf_add(&w->out, w->boxes.s, w->boxes.len);
		w->para_start = w->out.len;
		w->glue = false;
	}
	buf_done(&w->boxes);
	w->boxes = saved;
	w->brk = false;
}

/* A text box's paragraphs, as lines for after the anchoring paragraph. */
static void
docx_box(struct wctx *w, const xmlNode *box)
{
	struct wctx sub;

	memset(&sub, 0, sizeof sub);
	sub.lo = w->lo;
	sub.num = w->num;
	w->nboxes++;
	docx_walk(&sub, box->children);
	if (!blank(sub.out.s, sub.out.len)) {
		if (w->boxes.len > 0)
			buf_putc(&w->boxes, '\n');
		buf_add(&w->boxes, sub.out.s, sub.out.len);
	}
	buf_done(&sub.out);
	buf_done(&sub.boxes);
	w->nboxes += sub.nboxes;
}

/* VML's shapes [OOXML Part 4, §14.1]; its other elements (fills, paths,
 * formulas) are parts of a shape. */
static const char *const vml_shapes[] = {"shape", "rect", "roundrect",
	"oval", "line", "polyline", "arc", "curve"};

static bool
vml_shape(const char *nm)
{
	size_t i;

	for (i = 0; i < AX_ARRAY_LEN(vml_shapes); i++)
		if (strcmp(nm, vml_shapes[i]) == 0)
			return true;
	return false;
}

/* Elements of other vocabularies: drawings, shapes, markup compatibility. */
static void
docx_foreign(struct wctx *w, const xmlNode *c)
{
	const char *nm = (const char *)c->name;
	const xmlNode *k;
	bool vml = c->ns != NULL && strcmp((const char *)c->ns->href, VML_NS) == 0;

	if (strcmp(nm, "AlternateContent") == 0) {
		/* The first Choice, or the Fallback when there is none. */
		for (k = c->children; k != NULL; k = k->next)
			if (xs_is(k, NULL, "Choice"))
				break;
		if (k == NULL)
			for (k = c->children; k != NULL; k = k->next)
				if (xs_is(k, NULL, "Fallback"))
					break;
		if (k != NULL)
			docx_walk(w, k->children);
	} else if (strcmp(nm, "pic") == 0 || (vml && (strcmp(nm, "imagedata") == 0 ||
	    strcmp(nm, "image") == 0))) {
		w->lo->images++;
	} else if (strcmp(nm, "chart") == 0) {
		w->lo->charts++;
	} else if (strcmp(nm, "relIds") == 0) {
		w->lo->other++;		/* a SmartArt diagram */
	} else if ((strcmp(nm, "wsp") == 0 || strcmp(nm, "cxnSp") == 0 ||
	    (vml && vml_shape(nm))) && !has_desc(c, "txbxContent", 8) &&
	    !has_desc(c, "imagedata", 2)) {
		w->lo->shapes++;	/* drawn, with no text or picture in it */
	} else if (!vml || vml_shape(nm) || strcmp(nm, "group") == 0 ||
	    strcmp(nm, "textbox") == 0) {
		docx_walk(w, c->children);
	}
}

/* A w:drawing or w:pict: what is inside it; with nothing known inside, a
 * picture, which is what most are. */
static void
docx_drawing(struct wctx *w, const xmlNode *c)
{
	const struct leftout *l = w->lo;
	int before = l->images + l->shapes + l->charts + l->other + w->nboxes;

	docx_walk(w, c->children);
	if (l->images + l->shapes + l->charts + l->other + w->nboxes == before)
		w->lo->images++;
}

static void
docx_walk(struct wctx *w, const xmlNode *n)
{
	const xmlNode *c;

	for (c = n; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (c->ns == NULL || c->ns->href == NULL ||
		    strcmp((const char *)c->ns->href, W_NS) != 0) {
			docx_foreign(w, c);
		} else if (xs_is(c, W_NS, "p")) {
			docx_para(w, c);
		} else if (xs_is(c, W_NS, "t")) {
			xmlChar *s = xmlNodeGetContent(c);

			text_out(w);
			if (s != NULL)
				buf_puts(&w->out, (const char *)s);
			xmlFree(s);
		} else if (xs_is(c, W_NS, "tab")) {
			text_out(w);
			buf_putc(&w->out, '\t');
		} else if (xs_is(c, W_NS, "br") || xs_is(c, W_NS, "cr")) {
			char *type = xs_attr(c, "type");

			if (type == NULL || strcmp(type, "textWrapping") == 0) {
				text_out(w);
				buf_putc(&w->out, '\n');
			} else {
				w->brk = true;	/* page, column */
			}
			free(type);
		} else if (xs_is(c, W_NS, "noBreakHyphen")) {
			text_out(w);
			buf_puts(&w->out, "\xe2\x80\x91");
		} else if (xs_is(c, W_NS, "txbxContent")) {
			docx_box(w, c);
		} else if (xs_is(c, W_NS, "drawing") || xs_is(c, W_NS, "pict")) {
			docx_drawing(w, c);
		} else if (xs_is(c, W_NS, "object")) {
			w->lo->other++;
		} else if (xs_is(c, W_NS, "footnoteReference") ||
		    xs_is(c, W_NS, "endnoteReference")) {
			w->lo->notes++;
		} else if (xs_is(c, W_NS, "commentReference")) {
			w->lo->comments++;
		} else if (xs_is(c, W_NS, "tr")) {
			const xmlNode *pr = xs_child(c, W_NS, "trPr");

			if (pr == NULL || xs_child(pr, W_NS, "del") == NULL)
				docx_walk(w, c->children);	/* else a deleted row */
		} else if (xs_is(c, W_NS, "delText") || xs_is(c, W_NS, "instrText") ||
		    xs_is(c, W_NS, "delInstrText") || xs_is(c, W_NS, "moveFrom") ||
		    xs_is(c, W_NS, "pPr") || xs_is(c, W_NS, "rPr") ||
		    xs_is(c, W_NS, "sectPr") || xs_is(c, W_NS, "tblPr") ||
		    xs_is(c, W_NS, "tblGrid") || xs_is(c, W_NS, "trPr") ||
		    xs_is(c, W_NS, "tcPr") || xs_is(c, W_NS, "del") ||
		    xs_is(c, W_NS, "softHyphen") || xs_is(c, W_NS, "sym")) {
			continue;
		} else {
			docx_walk(w, c->children);	/* w:ins, w:moveTo, w:r, ... */
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
	struct leftout lo;
	xmlDoc *d;
	xmlNode *body;
	size_t i;

	*notice = NULL;
	*err = NULL;
	memset(&w, 0, sizeof w);
	memset(&lo, 0, sizeof lo);
	w.lo = &lo;
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
	w.num = docx_num_load(a);
	docx_walk(&w, body->children);
	if (w.boxes.len > 0) {	/* boxes outside any paragraph */
		if (w.any_para)
			buf_putc(&w.out, '\n');
		buf_add(&w.out, w.boxes.s, w.boxes.len);
	}
	buf_done(&w.boxes);
	docx_num_free(w.num);
	xs_free(d);
	for (i = 0; i < a->n; i++) {
		const char *nm = a->e[i].name;

		if (strncmp(nm, "word/header", 11) == 0 && part_has_text(&a->e[i]))
			lo.headers++;
		else if (strncmp(nm, "word/footer", 11) == 0 && part_has_text(&a->e[i]))
			lo.footers++;
	}
	*notice = leftout_notice(&lo);
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
