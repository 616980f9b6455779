/*
 * refi-export.c: writing a REFI-QDA 1.5 project (.qdpx) or codebook (.qdc).
 *
 * Mapping (see docs/exchange.md §3):
 *   coders          Users/User (guid, name = coder name, id = login)
 *   code tree       CodeBook/Codes/Code nested; categories isCodable="false";
 *                   a definition is the Code's Description
 *   paradigm roles  Sets/Set named "Paradigm: <title>" with Description
 *                   "axial:paradigm-role=<role>" and one MemberCode: other
 *                   tools show a set, axial restores the role
 *   documents       Sources/TextSource, text in sources/<guid>.txt (UTF-8, LF,
 *                   no BOM), plainTextPath only
 *   codings         one PlainTextSelection (code points, end exclusive) with
 *                   one Coding per coding, creatingUser = the coder's GUID
 *   attributes      Variables/Variable (Text) + VariableValue on the source,
 *                   and a Case per document holding the same values
 *   memos           Notes/Note (name = title, PlainTextContent = body, author,
 *                   dates; a type other than free as Description
 *                   "axial:memo-type=<type>") + NoteRef on the target, at the
 *                   project level for free memos
 *   links           Links/Link (guid, name = the type's name, a built-in's
 *                   in English as every name the file holds, direction
 *                   OneWay or Associative, color = the type's, originGUID and
 *                   targetGUID = the nodes'), the link's memo a Note with a
 *                   NoteRef inside the Link
 * Empty containers are left out, as the schema requires. Left out (no REFI
 * element): coder colours and accounts, document direction, undo history,
 * the codings attached to links as evidence, the core category.
 * GUIDs not stored in the project (selections, variables, cases, sets) are
 * derived from stored ones, so repeated exports are identical.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/xmlwriter.h>
#include <zip.h>

#include "store/blind.h"
#include "store/coder.h"
#include "store/codetree.h"
#include "store/coding.h"
#include "store/document.h"
#include "store/link.h"
#include "exchange/exchange.h"
#include "base/i18n.h"
#include "store/memo.h"
#include "base/textin.h"
#include "exchange/exchange-int.h"

#define PROJECT_NS "urn:QDA-XML:project:1.0"
#define CODEBOOK_NS "urn:QDA-XML:codebook:1.0"

/* A stable GUID derived from a tag and a stored GUID (name-based, v5 bits). */
static void
derived_guid(const char *tag, const char *from, char out[37])
{
	char hex[65];
	struct buf b = {0};

	buf_printf(&b, "axial:%s:%s", tag, from);
	textin_sha256(b.s, b.len, hex);
	buf_done(&b);
	hex[12] = '5';
	hex[16] = "89ab"[hex[16] % 4];
	snprintf(out, 37, "%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12,
	    hex + 16, hex + 20);
}

static void
iso_time(int64_t t, char out[32])
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Each writing function has okp (cleared on a failed write) and replp (the
 * count of replaced characters), both pointing into its struct ex. */
#define W(call) do { if ((call) < 0) *okp = false; } while (0)
#define ATTR(w, n, v) W(w_attr((w), (n), (v), replp))
#define START(w, n) W(xmlTextWriterStartElement((w), BAD_CAST (n)))
#define END(w) W(xmlTextWriterEndElement(w))
#define ELEM(w, n, v) W(w_elem((w), (n), (v), replp))

/*
 * XML 1.0 cannot hold C0 controls other than TAB, LF and CR (a memo may
 * contain one): they are written as U+FFFD and counted in *replaced for
 * the report.
 */
static char *
xml_clean(const char *v, size_t *replaced)
{
	struct buf b = {0};
	const char *c;

	for (c = v; *c != '\0'; c++) {
		if ((unsigned char)*c < 0x20 && *c != '\t' && *c != '\n' && *c != '\r') {
			buf_puts(&b, "\xef\xbf\xbd");
			(*replaced)++;
		} else {
			buf_putc(&b, *c);
		}
	}
	buf_puts(&b, "");
	return buf_take(&b);
}

static int
w_attr(xmlTextWriterPtr w, const char *name, const char *v, size_t *replaced)
{
	char *c = xml_clean(v, replaced);
	int r = xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST c);

	free(c);
	return r;
}

static int
w_elem(xmlTextWriterPtr w, const char *name, const char *v, size_t *replaced)
{
	char *c = xml_clean(v, replaced);
	int r = xmlTextWriterWriteElement(w, BAD_CAST name, BAD_CAST c);

	free(c);
	return r;
}

struct ex {
	struct project *p;
	xmlTextWriterPtr w;
	bool ok;
	size_t replaced;	/* characters xml_clean replaced */
	bool codebook;		/* writing a .qdc: no NoteRef */
	struct node *nodes;
	size_t nn;
	struct memo *memos;
	size_t nm;
};

static void
noterefs(struct ex *x, enum memo_target t, int64_t id)
{
	bool *okp = &x->ok;
	size_t *replp = &x->replaced;
	size_t i;

	for (i = 0; i < x->nm; i++) {
		if (x->memos[i].target != t || (t != MEMO_FREE && x->memos[i].target_id != id))
			continue;
		START(x->w, "NoteRef");
		ATTR(x->w, "targetGUID", x->memos[i].guid);
		END(x->w);
	}
}

/* Writes node k and its subtree; returns the index after the subtree. */
static size_t
write_code(struct ex *x, size_t k)
{
	const struct node *n = &x->nodes[k];
	bool *okp = &x->ok;
	size_t *replp = &x->replaced;
	size_t j = k + 1;

	START(x->w, "Code");
	ATTR(x->w, "guid", n->guid);
	ATTR(x->w, "name", n->name);
	/* a category that was applied to text is codable too */
	ATTR(x->w, "isCodable", n->kind == NODE_CODE || n->ncodings > 0 ?
	    "true" : "false");
	if (n->color[0] == '#' && (strlen(n->color) == 7 || strlen(n->color) == 4))
		ATTR(x->w, "color", n->color);
	if (n->definition[0] != '\0')
		ELEM(x->w, "Description", n->definition);
	if (!x->codebook)
		noterefs(x, MEMO_NODE, n->id);
	while (j < x->nn && x->nodes[j].depth > n->depth)
		j = write_code(x, j);
	END(x->w);
	return j;
}

static void
write_codes(struct ex *x)
{
	bool *okp = &x->ok;
	size_t k = 0;

	START(x->w, "Codes");
	while (k < x->nn)
		k = write_code(x, k);
	END(x->w);
}

static void
write_role_sets(struct ex *x, const char *member_attr)
{
	bool *okp = &x->ok, any = false;
	size_t *replp = &x->replaced;
	size_t k;
	char g[37];

	for (k = 0; k < x->nn; k++) {
		const struct node *n = &x->nodes[k];
		char *name, *desc;

		if (n->role == ROLE_NONE)
			continue;
		if (!any)
			START(x->w, "Sets");
		any = true;
		derived_guid("role-set", n->guid, g);
		name = xasprintf("Paradigm: %s", paradigm_role_title(n->role));
		desc = xasprintf("axial:paradigm-role=%s", paradigm_role_name(n->role));
		START(x->w, "Set");
		ATTR(x->w, "guid", g);
		ATTR(x->w, "name", name);
		ELEM(x->w, "Description", desc);
		START(x->w, "MemberCode");
		ATTR(x->w, member_attr, n->guid);
		END(x->w);
		END(x->w);
		free(name);
		free(desc);
	}
	if (any)
		END(x->w);
}

static const char *
node_guid(const struct ex *x, int64_t id)
{
	size_t k;

	for (k = 0; k < x->nn; k++)
		if (x->nodes[k].id == id)
			return x->nodes[k].guid;
	return NULL;
}

/*
 * Links/Link, after Notes as the schema's sequence wants: the type by its
 * name, the memo by NoteRef. Evidence has no REFI element: *evidence
 * counts the links that had some, for the report.
 */
static void
write_links(struct ex *x, size_t *evidence)
{
	bool *okp = &x->ok;
	size_t *replp = &x->replaced;
	struct link *l = NULL;
	struct link_type *t = NULL;
	size_t nl = 0, nt = 0, i, j;

	*evidence = 0;
	if (link_list(x->p, 0, &l, &nl) != AX_OK ||
	    link_type_list(x->p, &t, &nt) != AX_OK) {
		*okp = false;
		goto out;
	}
	if (nl > 0)
		START(x->w, "Links");
	for (i = 0; i < nl; i++) {
		const char *from = node_guid(x, l[i].from), *to = node_guid(x, l[i].to);

		for (j = 0; j < nt && t[j].id != l[i].type; j++)
			;
		START(x->w, "Link");
		ATTR(x->w, "guid", l[i].guid);
		if (j < nt)	/* a built-in in English, as the file is */
			ATTR(x->w, "name", t[j].key != NULL &&
			    link_builtin_name(t[j].id) != NULL ?
			    link_builtin_name(t[j].id) : t[j].name);
		ATTR(x->w, "direction", l[i].directed ? "OneWay" : "Associative");
		if (j < nt && t[j].color != NULL && strlen(t[j].color) == 7 &&
		    t[j].color[0] == '#')
			ATTR(x->w, "color", t[j].color);
		if (from != NULL)
			ATTR(x->w, "originGUID", from);
		if (to != NULL)
			ATTR(x->w, "targetGUID", to);
		noterefs(x, MEMO_LINK, l[i].id);
		END(x->w);
		*evidence += l[i].nevidence > 0;
	}
	if (nl > 0)
		END(x->w);
out:
	link_list_free(l, nl);
	link_type_list_free(t, nt);
}

static const char *
coder_guid(const struct coder *c, size_t nc, int64_t id)
{
	size_t i;

	for (i = 0; i < nc; i++)
		if (c[i].id == id)
			return c[i].guid;
	return NULL;
}

static int64_t
coder_by_login(const struct coder *c, size_t nc, const char *login)
{
	size_t i;

	for (i = 0; i < nc; i++)
		if (strcmp(c[i].login, login) == 0)
			return c[i].id;
	return 0;
}

/* Sorted unique attribute keys of every document. */
struct keys {
	char **k;
	size_t n, cap;
};

static void
keys_add(struct keys *ks, const char *key)
{
	size_t i;

	for (i = 0; i < ks->n; i++)
		if (strcmp(ks->k[i], key) == 0)
			return;
	ks->k = xgrow(ks->k, &ks->cap, ks->n + 1, sizeof *ks->k);
	ks->k[ks->n++] = xstrdup(key);
}

static void
variable_values(struct ex *x, const struct doc_attr *a, size_t na)
{
	bool *okp = &x->ok;
	size_t *replp = &x->replaced;
	size_t i;
	char g[37];

	for (i = 0; i < na; i++) {
		derived_guid("variable", a[i].key, g);
		START(x->w, "VariableValue");
		START(x->w, "VariableRef");
		ATTR(x->w, "targetGUID", g);
		END(x->w);
		ELEM(x->w, "TextValue", a[i].value);
		END(x->w);
	}
}

static enum ax_status
write_zip(const char *out, struct buf *qde, struct doc_info *docs, size_t nd,
    char **texts, size_t *lens, char **err)
{
	char *tmp = xasprintf("%s.tmp-%ld", out, (long)getpid());
	zip_t *z;
	int ze = 0;
	size_t i;

	if ((z = zip_open(tmp, ZIP_CREATE | ZIP_TRUNCATE, &ze)) == NULL) {
		zip_error_t e;

		zip_error_init_with_code(&e, ze);
		*err = xasprintf("%s: %s", out, zip_error_strerror(&e));
		zip_error_fini(&e);
		free(tmp);
		return AX_ERR_IO;
	}
	zip_source_t *s = zip_source_buffer(z, qde->s, qde->len, 0);

	if (s == NULL || zip_file_add(z, "project.qde", s, ZIP_FL_ENC_UTF_8) < 0)
		goto fail;
	for (i = 0; i < nd; i++) {
		char *name = xasprintf("sources/%s.txt", docs[i].guid);

		s = zip_source_buffer(z, texts[i], lens[i], 0);
		if (s == NULL || zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8) < 0) {
			free(name);
			goto fail;
		}
		free(name);
	}
	if (zip_close(z) != 0) {
		*err = xasprintf("%s: %s", out, zip_strerror(z));
		zip_discard(z);
		unlink(tmp);
		free(tmp);
		return AX_ERR_IO;
	}
	if (rename(tmp, out) != 0) {
		*err = xasprintf("%s: %s", out, strerror(errno));
		unlink(tmp);
		free(tmp);
		return AX_ERR_IO;
	}
	free(tmp);
	return AX_OK;
fail:
	*err = xasprintf("%s: %s", out, zip_strerror(z));
	zip_discard(z);
	unlink(tmp);
	free(tmp);
	return AX_ERR_IO;
}

static xmlTextWriterPtr
writer(xmlBufferPtr *xb)
{
	xmlTextWriterPtr w;

	*xb = xmlBufferCreate();
	w = xmlNewTextWriterMemory(*xb, 0);
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, BAD_CAST "  ");
	xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
	return w;
}

enum ax_status
refi_export_qdpx(struct project *p, const char *out, char **report, char **err)
{
	struct ex x = {p, NULL, true, 0, false, NULL, 0, NULL, 0};
	struct doc_info *docs = NULL;
	struct coder *coders = NULL;
	struct keys ks = {NULL, 0, 0};
	struct doc_attr **attrs = NULL;
	size_t *nattrs = NULL, *lens = NULL;
	char **texts = NULL;
	size_t nd = 0, nc = 0, i, j, nevidence = 0;
	xmlBufferPtr xb = NULL;
	struct buf qde = {0}, rep = {0}, lost = {0};
	char *title = project_setting(p, "title"), g[37], ts[32];
	enum ax_status st = AX_OK;
	bool *okp = &x.ok;
	size_t *replp = &x.replaced;

	*err = NULL;
	if (doc_list(p, &docs, &nd) != AX_OK || coder_list(p, &coders, &nc) != AX_OK ||
	    codetree_load(p, &x.nodes, &x.nn) != AX_OK ||
	    memo_list(p, MEMO_FREE, -1, &x.memos, &x.nm) != AX_OK) {
		*err = xstrdup(project_errmsg(p));
		st = AX_ERR_IO;
		goto out;
	}
	{
		struct blind_status b;

		if (blind_status(p, &b) == AX_OK && b.hidden)
			buf_puts(&rep, _("a blind session is open: only your own codings "
			    "are exported\n"));
		blind_status_done(&b);
	}
	attrs = xcalloc(nd + 1, sizeof *attrs);
	nattrs = xcalloc(nd + 1, sizeof *nattrs);
	texts = xcalloc(nd + 1, sizeof *texts);
	lens = xcalloc(nd + 1, sizeof *lens);
	for (i = 0; i < nd; i++) {
		doc_attr_list(p, docs[i].id, &attrs[i], &nattrs[i]);
		for (j = 0; j < nattrs[i]; j++)
			keys_add(&ks, attrs[i][j].key);
		if (doc_text(p, docs[i].id, &texts[i], &lens[i]) != AX_OK) {
			*err = xstrdup(project_errmsg(p));
			st = AX_ERR_IO;
			goto out;
		}
		if (lens[i] > 2147483647u) {
			*err = xasprintf(_("document '%s' is over 2 GiB, the REFI-QDA "
			    "limit for one file"), docs[i].name);
			st = AX_ERR_INPUT;
			goto out;
		}
	}

	x.w = writer(&xb);
	START(x.w, "Project");
	ATTR(x.w, "xmlns", PROJECT_NS);
	ATTR(x.w, "name", title != NULL && title[0] != '\0' ? title :
	    "axial project");
	ATTR(x.w, "origin", "axial " AXIAL_VERSION);
	if (nc > 0) {
		START(x.w, "Users");
		for (i = 0; i < nc; i++) {
			START(x.w, "User");
			ATTR(x.w, "guid", coders[i].guid);
			ATTR(x.w, "name", coders[i].name);
			ATTR(x.w, "id", coders[i].login);
			END(x.w);
			if (coders[i].color[0] != '\0' || coders[i].account[0] != '\0') {
				buf_puts(&lost, lost.len ? ", " : "");
				buf_puts(&lost, coders[i].login);
			}
		}
		END(x.w);
		if (lost.len > 0)
			buf_printf(&rep, _("coder colours and accounts are not exported "
			    "(REFI-QDA has no field for them): %s\n"), lost.s);
		buf_done(&lost);
	}
	if (x.nn > 0) {
		START(x.w, "CodeBook");
		write_codes(&x);
		END(x.w);
	}
	if (ks.n > 0) {
		START(x.w, "Variables");
		for (i = 0; i < ks.n; i++) {
			derived_guid("variable", ks.k[i], g);
			START(x.w, "Variable");
			ATTR(x.w, "guid", g);
			ATTR(x.w, "name", ks.k[i]);
			ATTR(x.w, "typeOfVariable", "Text");
			END(x.w);
		}
		END(x.w);
		START(x.w, "Cases");
		for (i = 0; i < nd; i++) {
			if (nattrs[i] == 0)
				continue;
			derived_guid("case", docs[i].guid, g);
			START(x.w, "Case");
			ATTR(x.w, "guid", g);
			ATTR(x.w, "name", docs[i].name);
			variable_values(&x, attrs[i], nattrs[i]);
			START(x.w, "SourceRef");
			ATTR(x.w, "targetGUID", docs[i].guid);
			END(x.w);
			END(x.w);
		}
		END(x.w);
	}
	if (nd > 0) {
		START(x.w, "Sources");
		for (i = 0; i < nd; i++) {
			struct coding_filter f = {docs[i].id, 0, 0};
			struct coding *v = NULL;
			size_t nv = 0;
			char *path = xasprintf("internal://%s.txt", docs[i].guid);

			START(x.w, "TextSource");
			ATTR(x.w, "guid", docs[i].guid);
			ATTR(x.w, "name", docs[i].name);
			ATTR(x.w, "plainTextPath", path);
			free(path);
			if (strcmp(docs[i].direction, "auto") != 0)
				buf_printf(&rep, _("document %s: text direction '%s' is not "
				    "exported\n"), docs[i].name, docs[i].direction);
			coding_list(p, &f, &v, &nv);
			for (j = 0; j < nv; j++) {
				const char *cg = coder_guid(coders, nc, v[j].coder);

				derived_guid("selection", v[j].guid, g);
				START(x.w, "PlainTextSelection");
				ATTR(x.w, "guid", g);
				W(xmlTextWriterWriteFormatAttribute(x.w, BAD_CAST "startPosition",
				    "%lld", (long long)v[j].start));
				W(xmlTextWriterWriteFormatAttribute(x.w, BAD_CAST "endPosition",
				    "%lld", (long long)v[j].end));
				if (cg != NULL)
					ATTR(x.w, "creatingUser", cg);
				iso_time(v[j].created, ts);
				ATTR(x.w, "creationDateTime", ts);
				START(x.w, "Coding");
				ATTR(x.w, "guid", v[j].guid);
				if (cg != NULL)
					ATTR(x.w, "creatingUser", cg);
				ATTR(x.w, "creationDateTime", ts);
				START(x.w, "CodeRef");
				for (size_t k = 0; k < x.nn; k++)
					if (x.nodes[k].id == v[j].node)
						ATTR(x.w, "targetGUID", x.nodes[k].guid);
				END(x.w);
				noterefs(&x, MEMO_CODING, v[j].id);
				END(x.w);	/* Coding */
				END(x.w);	/* PlainTextSelection */
			}
			free(v);
			noterefs(&x, MEMO_DOCUMENT, docs[i].id);
			variable_values(&x, attrs[i], nattrs[i]);
			END(x.w);
		}
		END(x.w);
	}
	if (x.nm > 0) {
		START(x.w, "Notes");
		for (i = 0; i < x.nm; i++) {
			const struct memo *m = &x.memos[i];
			int64_t author = coder_by_login(coders, nc, m->author);

			START(x.w, "Note");
			ATTR(x.w, "guid", m->guid);
			if (m->title[0] != '\0')
				ATTR(x.w, "name", m->title);
			if (author != 0)
				ATTR(x.w, "creatingUser", coder_guid(coders, nc, author));
			iso_time(m->created, ts);
			ATTR(x.w, "creationDateTime", ts);
			iso_time(m->modified, ts);
			ATTR(x.w, "modifiedDateTime", ts);
			if (m->type != MEMO_TYPE_FREE) {
				char *d = xasprintf("axial:memo-type=%s", memo_type_name(m->type));

				ELEM(x.w, "Description", d);
				free(d);
			}
			ELEM(x.w, "PlainTextContent", m->body);
			END(x.w);
		}
		END(x.w);
	}
	write_links(&x, &nevidence);
	if (nevidence > 0)
		buf_printf(&rep, ngettext("the evidence of %zu link (the codings "
		    "attached to it) is not exported: REFI-QDA has no element for "
		    "it\n", "the evidence of %zu links (the codings attached to "
		    "them) is not exported: REFI-QDA has no element for it\n",
		    (unsigned long)nevidence), nevidence);
	write_role_sets(&x, "targetGUID");
	noterefs(&x, MEMO_FREE, 0);
	END(x.w);
	W(xmlTextWriterEndDocument(x.w));
	xmlFreeTextWriter(x.w);
	x.w = NULL;
	if (x.replaced > 0)
		buf_printf(&rep, _("%zu control characters in names, memos or values "
		    "cannot be written in XML and became U+FFFD\n"), x.replaced);
	if (!x.ok) {
		*err = xstrdup(_("could not write the project XML"));
		st = AX_ERR_IO;
		goto out;
	}
	buf_add(&qde, xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
	st = write_zip(out, &qde, docs, nd, texts, lens, err);
out:
	if (report != NULL)
		*report = rep.s != NULL ? buf_take(&rep) : xstrdup("");
	buf_done(&rep);
	buf_done(&qde);
	if (xb != NULL)
		xmlBufferFree(xb);
	for (i = 0; i < nd; i++) {
		if (attrs != NULL)
			doc_attr_list_free(attrs[i], nattrs[i]);
		if (texts != NULL)
			free(texts[i]);
	}
	free(attrs);
	free(nattrs);
	free(texts);
	free(lens);
	for (i = 0; i < ks.n; i++)
		free(ks.k[i]);
	free(ks.k);
	free(title);
	doc_list_free(docs, nd);
	coder_list_free(coders, nc);
	codetree_free(x.nodes, x.nn);
	memo_list_free(x.memos, x.nm);
	return st;
}

enum ax_status
refi_export_qdc(struct project *p, const char *out, char **report, char **err)
{
	struct ex x = {p, NULL, true, 0, true, NULL, 0, NULL, 0};
	xmlBufferPtr xb = NULL;
	enum ax_status st = AX_OK;
	bool *okp = &x.ok;
	size_t *replp = &x.replaced;

	*err = NULL;
	if (report != NULL)
		*report = xstrdup("");
	if (codetree_load(p, &x.nodes, &x.nn) != AX_OK) {
		*err = xstrdup(project_errmsg(p));
		return AX_ERR_IO;
	}
	if (x.nn == 0) {
		*err = xstrdup(_("the project has no codes, and a REFI-QDA codebook "
		    "needs at least one"));
		return AX_ERR_INPUT;
	}
	x.w = writer(&xb);
	START(x.w, "CodeBook");
	ATTR(x.w, "xmlns", CODEBOOK_NS);
	ATTR(x.w, "origin", "axial " AXIAL_VERSION);
	write_codes(&x);
	write_role_sets(&x, "guid");
	END(x.w);
	W(xmlTextWriterEndDocument(x.w));
	xmlFreeTextWriter(x.w);
	if (!x.ok) {
		*err = xstrdup(_("could not write the codebook XML"));
		st = AX_ERR_IO;
	} else if (file_write_atomic(out, xmlBufferContent(xb),
	    (size_t)xmlBufferLength(xb)) != 0) {
		*err = xasprintf("%s: %s", out, strerror(errno));
		st = AX_ERR_IO;
	}
	xmlBufferFree(xb);
	codetree_free(x.nodes, x.nn);
	return st;
}
