/*
 * xmlsafe.c: parsing untrusted XML (project.qde, .qdc, document.xml,
 * content.xml) with libxml2 so that nothing in the file can reach the
 * network or the file system or blow up in memory: XML_PARSE_NONET, no
 * XML_PARSE_NOENT (entities are never substituted), no DTD loading or
 * validation, and a DOCTYPE that declares entities (XXE, "billion laughs")
 * is refused before libxml2 sees it. libxml2 prints nothing: its first
 * error becomes the message. The tree it returns is then walked with
 * xs_is, xs_attr and xs_child, which every reader here shares.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

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

void *
xs_parse(const char *data, size_t len, const char *what, char **err)
{
	const char *dt;
	xmlDocPtr doc;
	const xmlError *e;

	*err = NULL;
	if (len > INT32_MAX) {
		*err = xasprintf(_("%s is too large"), what);
		return NULL;
	}
	dt = find(data, len, "<!DOCTYPE");
	if (dt != NULL && find(dt, len - (size_t)(dt - data), "<!ENTITY") != NULL) {
		*err = xasprintf(_("%s declares XML entities in a DOCTYPE (refused: "
		    "external entities and entity expansion are unsafe)"), what);
		return NULL;
	}
	xs_quiet();
	xmlResetLastError();
	doc = xmlReadMemory(data, (int)len, NULL, NULL, XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	if (doc == NULL) {
		e = xmlGetLastError();
		if (e != NULL && e->message != NULL &&
		    strstr(e->message, "Excessive depth") != NULL) {
			/* libxml2's limit on nesting (256), which keeps every
			 * walk of the tree shallow; its message names a parser
			 * option the user has no use for. */
			*err = xasprintf(_("%s nests elements too deeply (line %d; "
			    "refused)"), what, e->line);
		} else if (e != NULL && e->message != NULL) {
			char *m = xstrdup(e->message);
			size_t n = strlen(m);

			while (n > 0 && (m[n - 1] == '\n' || m[n - 1] == ' '))
				m[--n] = '\0';
			for (n = 0; m[n] != '\0'; n++)	/* one line */
				if (m[n] == '\n' || m[n] == '\r' || m[n] == '\t')
					m[n] = ' ';
			*err = xasprintf(_("%s is not well-formed XML (line %d: %s)"),
			    what, e->line, m);
			free(m);
		} else {
			*err = xasprintf(_("%s is not well-formed XML"), what);
		}
		xmlResetLastError();
		return NULL;
	}
	/* Belt and braces: no entity declarations survive either subset. */
	if ((doc->intSubset != NULL && doc->intSubset->entities != NULL) ||
	    (doc->extSubset != NULL)) {
		xmlFreeDoc(doc);
		*err = xasprintf(_("%s has a DOCTYPE with entities or an external DTD "
		    "(refused)"), what);
		return NULL;
	}
	if (xmlDocGetRootElement(doc) == NULL) {
		xmlFreeDoc(doc);
		*err = xasprintf(_("%s has no root element"), what);
		return NULL;
	}
	return doc;
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
