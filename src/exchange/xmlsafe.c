/*
 * xmlsafe.c: parsing untrusted XML (project.qde, .qdc, document.xml,
 * content.xml) with libxml2 so that nothing in the file can reach the
 * network or the file system or blow up in memory: XML_PARSE_NONET, no
 * XML_PARSE_NOENT (entities are never substituted), no DTD loading or
 * validation, and a DOCTYPE that declares entities (XXE, "billion laughs")
 * is refused before libxml2 sees it. libxml2 prints nothing: its first
 * error becomes the message. The tree it returns is then walked with
 * xs_is, xs_attr and xs_child, which every reader here shares.
 * xs_stream_io applies the same rules to a document read with
 * xmlTextReader as it arrives, one child of its large section at a time (a
 * REFI-QDA project's sources).
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include "exchange/exchange.h"
#include "base/i18n.h"
#include "base/util.h"
#include "exchange/exchange-int.h"

/* The first occurrence of needle in h[0..n), or NULL. */
static const char *
find(const char *h, size_t n, const char *needle)
{
	size_t k = strlen(needle), i;

	for (i = 0; i + k <= n; i++)
		if (h[i] == needle[0] && memcmp(h + i, needle, k) == 0)
			return h + i;
	return NULL;
}

static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

void
xs_quiet(void)
{
	xmlSetGenericErrorFunc(NULL, quiet);
}

static char *
refused_entities(const char *what)
{
	return xasprintf(_("%s declares XML entities in a DOCTYPE (refused: "
	    "external entities and entity expansion are unsafe)"), what);
}

/* The refusals made before libxml2 sees data, as xs_parse describes
 * them; NULL when it may be parsed. */
static char *
precheck(const char *data, size_t len, const char *what)
{
	const char *dt;

	if (len > INT32_MAX)
		return xasprintf(_("%s is too large"), what);
	dt = find(data, len, "<!DOCTYPE");
	if (dt != NULL && find(dt, len - (size_t)(dt - data), "<!ENTITY") != NULL)
		return refused_entities(what);
	return NULL;
}

/* The message of libxml2's last error (a parse that failed). */
static char *
parse_error(const char *what)
{
	const xmlError *e = xmlGetLastError();
	char *err;

	if (e != NULL && e->message != NULL &&
	    strstr(e->message, "Excessive depth") != NULL) {
		/* libxml2's limit on nesting (256), which keeps every walk of
		 * the tree shallow; its message names a parser option the user
		 * has no use for. */
		err = xasprintf(_("%s nests elements too deeply (line %d; "
		    "refused)"), what, e->line);
	} else if (e != NULL && e->message != NULL) {
		char *m = xstrdup(e->message);
		size_t n = strlen(m);

		while (n > 0 && (m[n - 1] == '\n' || m[n - 1] == ' '))
			m[--n] = '\0';
		for (n = 0; m[n] != '\0'; n++)	/* one line */
			if (m[n] == '\n' || m[n] == '\r' || m[n] == '\t')
				m[n] = ' ';
		err = xasprintf(_("%s is not well-formed XML (line %d: %s)"),
		    what, e->line, m);
		free(m);
	} else {
		err = xasprintf(_("%s is not well-formed XML"), what);
	}
	xmlResetLastError();
	return err;
}

/* Belt and braces: no entity declarations survive either subset. */
static char *
subset_error(const xmlDoc *doc, const char *what)
{
	if ((doc->intSubset != NULL && doc->intSubset->entities != NULL) ||
	    doc->extSubset != NULL)
		return xasprintf(_("%s has a DOCTYPE with entities or an external "
		    "DTD (refused)"), what);
	return NULL;
}

#define XS_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | \
	XML_PARSE_NOWARNING | XML_PARSE_NOCDATA)

void *
xs_parse(const char *data, size_t len, const char *what, char **err)
{
	xmlDocPtr doc;

	if ((*err = precheck(data, len, what)) != NULL)
		return NULL;
	xs_quiet();
	xmlResetLastError();
	doc = xmlReadMemory(data, (int)len, NULL, NULL, XS_OPTIONS);
	if (doc == NULL) {
		*err = parse_error(what);
		return NULL;
	}
	if ((*err = subset_error(doc, what)) != NULL) {
		xmlFreeDoc(doc);
		return NULL;
	}
	if (xmlDocGetRootElement(doc) == NULL) {
		xmlFreeDoc(doc);
		*err = xasprintf(_("%s has no root element"), what);
		return NULL;
	}
	return doc;
}

static bool
named(xmlTextReaderPtr r, const char *name)
{
	const xmlChar *n = xmlTextReaderConstLocalName(r);

	return n != NULL && strcmp((const char *)n, name) == 0;
}

/*
 * One walk of the reader r (xs_stream_io): returns 1 at the end, -1 on a
 * parse error, or each's nonzero value in *stop.
 */
static int
stream_walk(xmlTextReaderPtr r, const char *section, xs_each_fn each,
    void *ctx, xmlDoc *skel, int *stop)
{
	xmlNode *root = NULL, *n;
	bool in = false;	/* inside section */
	int ret = xmlTextReaderRead(r), depth;

	while (ret == 1) {
		depth = xmlTextReaderDepth(r);
		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT ||
		    depth > 2 || (depth == 2 && !in)) {
			ret = xmlTextReaderRead(r);
		} else if (depth == 0) {
			if (skel != NULL) {
				root = xmlDocCopyNode(xmlTextReaderCurrentNode(r),
				    skel, 2);
				xmlDocSetRootElement(skel, root);
			}
			ret = xmlTextReaderRead(r);
		} else if (depth == 1 && named(r, section)) {
			/* the section stays, empty: its children go to each */
			in = true;
			if (skel != NULL)
				xmlAddChild(root, xmlDocCopyNode(
				    xmlTextReaderCurrentNode(r), skel, 2));
			ret = xmlTextReaderRead(r);
		} else if (depth == 1) {
			in = false;
			if (skel != NULL) {
				if ((n = xmlTextReaderExpand(r)) == NULL)
					return -1;
				xmlAddChild(root, xmlDocCopyNode(n, skel, 1));
			}
			ret = xmlTextReaderNext(r);
		} else {
			/* a child of section: whole while each has it, freed
			 * when the reader moves on */
			if ((n = xmlTextReaderExpand(r)) == NULL)
				return -1;
			if (each != NULL && (*stop = each(ctx, n)) != 0)
				return 1;
			ret = xmlTextReaderNext(r);
		}
	}
	return ret == 0 ? 1 : -1;
}

/* The end of a walk: its messages, and the skeleton handed over. */
static int
stream_end(xmlTextReaderPtr r, int ret, int stop, const char *what,
    xmlDoc *skel, void **skeleton, char **err)
{
	xmlDoc *rd;

	if (ret < 0 && *err == NULL)
		*err = parse_error(what);
	/* the reader's document, handed over: its subsets say whether a
	 * DOCTYPE declared entities after all */
	rd = xmlTextReaderCurrentDoc(r);
	xmlFreeTextReader(r);
	if (*err == NULL && stop == 0 && rd != NULL)
		*err = subset_error(rd, what);
	if (rd != NULL)
		xmlFreeDoc(rd);
	if (*err == NULL && stop == 0 && skel != NULL &&
	    xmlDocGetRootElement(skel) == NULL)
		*err = xasprintf(_("%s has no root element"), what);
	if (*err != NULL || stop != 0) {
		xs_free(skel);
		return *err != NULL ? -1 : stop;
	}
	if (skeleton != NULL)
		*skeleton = skel;
	return 0;
}

/*
 * xs_stream_io's source: the caller's reader, its bytes looked through for
 * a DOCTYPE and an entity declaration before libxml2 sees them (precheck's
 * refusal, made on a stream; the needles may straddle two reads).
 */
struct xs_io {
	xs_read_fn rd;
	void *ctx;
	bool doctype, entity, failed;
	char tail[16];		/* the last bytes of the previous read */
	size_t ntail;
};

#define XS_NEEDLE 9	/* strlen("<!DOCTYPE"): "<!ENTITY" is shorter */

static void
io_look(struct xs_io *io, const char *b, size_t n)
{
	if (!io->doctype && find(b, n, "<!DOCTYPE") != NULL)
		io->doctype = true;
	if (io->doctype && find(b, n, "<!ENTITY") != NULL)
		io->entity = true;
}

static int
io_read(void *c, char *buf, int len)
{
	struct xs_io *io = c;
	char seam[2 * XS_NEEDLE];
	long got = len > 0 ? io->rd(io->ctx, buf, (size_t)len) : 0;
	size_t k;

	if (got < 0) {
		io->failed = true;
		return -1;
	}
	/* the seam between the previous read and this one, then this one */
	k = (size_t)got < XS_NEEDLE - 1 ? (size_t)got : XS_NEEDLE - 1;
	memcpy(seam, io->tail, io->ntail);
	memcpy(seam + io->ntail, buf, k);
	io_look(io, seam, io->ntail + k);
	io_look(io, buf, (size_t)got);
	if (io->entity)
		return -1;	/* refused before libxml2 sees it */
	if ((size_t)got >= XS_NEEDLE - 1) {
		io->ntail = XS_NEEDLE - 1;
		memcpy(io->tail, buf + got - (XS_NEEDLE - 1), io->ntail);
	} else {
		/* a short read: keep the last XS_NEEDLE - 1 bytes of both */
		memcpy(seam, io->tail, io->ntail);
		memcpy(seam + io->ntail, buf, (size_t)got);
		k = io->ntail + (size_t)got;
		io->ntail = k < XS_NEEDLE - 1 ? k : XS_NEEDLE - 1;
		memcpy(io->tail, seam + k - io->ntail, io->ntail);
	}
	return (int)got;
}

int
xs_stream_io(xs_read_fn rd, void *rctx, const char *what,
    const char *section, xs_each_fn each, void *ctx, void **skeleton,
    char **err)
{
	struct xs_io io = { .rd = rd, .ctx = rctx };
	xmlTextReaderPtr r;
	xmlDoc *skel = NULL;
	int stop = 0, ret;

	*err = NULL;
	if (skeleton != NULL)
		*skeleton = NULL;
	xs_quiet();
	xmlResetLastError();
	if ((r = xmlReaderForIO(io_read, NULL, &io, NULL, NULL,
	    XS_OPTIONS)) == NULL) {
		*err = io.entity ? refused_entities(what) : io.failed ?
		    NULL : parse_error(what);
		return io.failed && !io.entity ? -2 : -1;
	}
	if (skeleton != NULL)
		skel = xmlNewDoc((const xmlChar *)"1.0");
	ret = stream_walk(r, section, each, ctx, skel, &stop);
	if (ret < 0 && io.entity)
		*err = refused_entities(what);
	else if (ret < 0 && io.failed) {
		xmlResetLastError();
		xmlFreeTextReader(r);
		xs_free(skel);
		return -2;
	}
	return stream_end(r, ret, stop, what, skel, skeleton, err);
}

void
xs_free(void *doc)
{
	if (doc != NULL)
		xmlFreeDoc(doc);
}

bool
xs_is(const xmlNode *n, const char *ns, const char *name)
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
xs_attr(const xmlNode *n, const char *name)
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
xs_child(const xmlNode *n, const char *ns, const char *name)
{
	xmlNode *c;

	for (c = n->children; c != NULL; c = c->next)
		if (xs_is(c, ns, name))
			return c;
	return NULL;
}
