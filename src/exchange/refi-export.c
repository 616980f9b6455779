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
	struct ref *node_by_id;		/* nodes: (id, index) by id */
	struct ref *memo_by_target;	/* memos: (target, index) by both */
};

/* An index into nodes or memos, sorted by key (then by index, so the
 * memos of one target keep their order). A lookup per coding instead of
 * a scan of every code and every memo: an export of a million codings
 * would otherwise cost codings x (codes + memos). */
struct ref {
	int64_t key, key2;
	size_t i;
};

static int
ref_cmp(const void *a, const void *b)
{
	const struct ref *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	if (x->key2 != y->key2)
		return x->key2 < y->key2 ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* The first ref in v[0..n) with (key, key2), or v + n. */
static const struct ref *
ref_first(const struct ref *v, size_t n, int64_t key, int64_t key2)
{
	struct ref want = {key, key2, 0};
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ref_cmp(&v[mid], &want) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return v + lo;
}

static void
ex_index(struct ex *x)
{
	size_t k;

	x->node_by_id = xcalloc(x->nn + 1, sizeof *x->node_by_id);
	for (k = 0; k < x->nn; k++)
		x->node_by_id[k] = (struct ref){x->nodes[k].id, 0, k};
	qsort(x->node_by_id, x->nn, sizeof *x->node_by_id, ref_cmp);
	x->memo_by_target = xcalloc(x->nm + 1, sizeof *x->memo_by_target);
	for (k = 0; k < x->nm; k++)
		x->memo_by_target[k] = (struct ref){x->memos[k].target,
		    x->memos[k].target_id, k};
	qsort(x->memo_by_target, x->nm, sizeof *x->memo_by_target, ref_cmp);
}

static void
noterefs(struct ex *x, enum memo_target t, int64_t id)
{
	bool *okp = &x->ok;
	size_t *replp = &x->replaced;
	const struct ref *r, *end = x->memo_by_target + x->nm;
	size_t i;

	/* the free memos, whatever their target_id, in their order */
	for (i = 0; t == MEMO_FREE && i < x->nm; i++) {
		if (x->memos[i].target != t)
			continue;
		START(x->w, "NoteRef");
		ATTR(x->w, "targetGUID", x->memos[i].guid);
		END(x->w);
	}
	for (r = ref_first(x->memo_by_target, x->nm, t, id); t != MEMO_FREE &&
	    r < end && r->key == t && r->key2 == id; r++) {
		START(x->w, "NoteRef");
		ATTR(x->w, "targetGUID", x->memos[r->i].guid);
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
	const struct ref *r = ref_first(x->node_by_id, x->nn, id, 0);

	return r < x->node_by_id + x->nn && r->key == id ?
	    x->nodes[r->i].guid : NULL;
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

/* The export's first failure inside a libzip callback, said as the export
 * would have said it had it read the text itself. */
struct zfail {
	char *msg;
	enum ax_status st;
};

/*
 * A libzip source that is either project.qde, from the file it was written
 * to, or one document's text. libzip opens it inside zip_close, which is
 * when the text is read, and closes it when it is written, when the text
 * is freed: one text is in memory at a time rather than every document's.
 * (zip_source_filep would do for project.qde but gives the entry the
 * temporary file's mode; this gives it libzip's default, as every entry.)
 */
struct zsrc {
	FILE *f;		/* project.qde, or NULL for ... */
	size_t size;		/* ... its size */
	struct project *p;	/* ... the document d */
	const struct doc_info *d;
	char *text;
	size_t len, pos;
	zip_error_t error;
	struct zfail *fail;
};

static zip_int64_t
zsrc_open(struct zsrc *s)
{
	char *msg = NULL;
	enum ax_status st = AX_ERR_IO;
	int ze = ZIP_ER_READ, se = 0;

	s->pos = 0;
	if (s->f != NULL) {
		if (fseek(s->f, 0, SEEK_SET) == 0)
			return 0;
		ze = ZIP_ER_SEEK;
		se = errno;
	} else if (doc_text(s->p, s->d->id, &s->text, &s->len) != AX_OK) {
		s->text = NULL;
		msg = xstrdup(project_errmsg(s->p));
	} else if (s->len > 2147483647u) {
		msg = xasprintf(_("document '%s' is over 2 GiB, the REFI-QDA "
		    "limit for one file"), s->d->name);
		st = AX_ERR_INPUT;
		free(s->text);
		s->text = NULL;
	} else {
		return 0;
	}
	if (msg != NULL && s->fail->msg == NULL) {
		s->fail->msg = msg;
		s->fail->st = st;
	} else {
		free(msg);
	}
	zip_error_set(&s->error, ze, se);
	return -1;
}

static zip_int64_t
zsrc_read(struct zsrc *s, void *data, zip_uint64_t len)
{
	size_t n;

	if (s->f != NULL) {
		n = fread(data, 1, (size_t)len, s->f);
		if (n == 0 && ferror(s->f)) {
			zip_error_set(&s->error, ZIP_ER_READ, errno);
			return -1;
		}
		return (zip_int64_t)n;
	}
	n = s->len - s->pos < len ? s->len - s->pos : (size_t)len;
	memcpy(data, s->text + s->pos, n);
	s->pos += n;
	return (zip_int64_t)n;
}

static zip_int64_t
zsrc_cb(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct zsrc *s = ud;
	zip_stat_t *st = data;

	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		return zsrc_open(s);
	case ZIP_SOURCE_READ:
		return zsrc_read(s, data, len);
	case ZIP_SOURCE_CLOSE:
	case ZIP_SOURCE_FREE:
		free(s->text);
		s->text = NULL;
		return 0;
	case ZIP_SOURCE_STAT:
		/* The size must be known before the text is read: without it
		   libzip writes ZIP64 headers, which many readers (axial's
		   own import among them) refuse. Until then it is the size
		   the document table records; the headers get the real one. */
		zip_stat_init(st);
		st->size = s->f != NULL ? s->size : s->text != NULL ? s->len :
		    (zip_uint64_t)s->d->nbytes;
		st->comp_method = ZIP_CM_STORE;
		st->encryption_method = ZIP_EM_NONE;
		st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_METHOD |
		    ZIP_STAT_ENCRYPTION_METHOD;
		return (zip_int64_t)sizeof *st;
	case ZIP_SOURCE_ERROR:
		return zip_error_to_data(&s->error, data, len);
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN,
		    ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
		    ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
	default:
		zip_error_set(&s->error, ZIP_ER_OPNOTSUPP, 0);
		return -1;
	}
}

/* Adds ss[0] (project.qde) and the documents after it, in order. */
static bool
archive_add_all(zip_t *z, struct zsrc *ss, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char *name = i == 0 ? xstrdup("project.qde") :
		    xasprintf("sources/%s.txt", ss[i].d->guid);
		zip_source_t *s = zip_source_function(z, zsrc_cb, &ss[i]);
		bool ok = s != NULL && zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8) >= 0;

		if (s != NULL && !ok)
			zip_source_free(s);	/* libzip did not take it */
		free(name);
		if (!ok)
			return false;
	}
	return true;
}

/*
 * Writes the archive to OUT.tmp-PID and renames it over out. The texts are
 * read while libzip writes them, inside zip_close, with p still open.
 */
static enum ax_status
write_zip(struct project *p, const char *out, FILE *qde, size_t qdelen,
    const struct doc_info *docs, size_t nd, char **err)
{
	char *tmp = xasprintf("%s.tmp-%ld", out, (long)getpid());
	struct zsrc *ss = xcalloc(nd + 1, sizeof *ss);
	struct zfail fail = {NULL, AX_ERR_IO};
	zip_t *z;
	int ze = 0;
	size_t i;

	for (i = 0; i <= nd; i++) {
		ss[i].p = p;
		ss[i].d = i > 0 ? &docs[i - 1] : NULL;
		zip_error_init(&ss[i].error);
		ss[i].fail = &fail;
	}
	ss[0].f = qde;
	ss[0].size = qdelen;
	if ((z = zip_open(tmp, ZIP_CREATE | ZIP_TRUNCATE, &ze)) == NULL) {
		zip_error_t e;

		zip_error_init_with_code(&e, ze);
		fail.msg = xasprintf("%s: %s", out, zip_error_strerror(&e));
		zip_error_fini(&e);
	} else if (!archive_add_all(z, ss, nd + 1) || zip_close(z) != 0) {
		if (fail.msg == NULL)
			fail.msg = xasprintf("%s: %s", out, zip_strerror(z));
		zip_discard(z);
		unlink(tmp);
	} else if (rename(tmp, out) != 0) {
		fail.msg = xasprintf("%s: %s", out, strerror(errno));
		unlink(tmp);
	}
	for (i = 0; i <= nd; i++)
		zip_error_fini(&ss[i].error);
	free(ss);
	free(tmp);
	*err = fail.msg;
	return fail.msg != NULL ? fail.st : AX_OK;
}

/* libxml2 writes project.qde through this into a file, keeping the size
 * for libzip and errno for the message. */
struct qdeout {
	FILE *f;
	size_t len;
	int errnum;
};

static int
qde_write(void *ctx, const char *b, int len)
{
	struct qdeout *q = ctx;

	if (q->errnum == 0 && fwrite(b, 1, (size_t)len, q->f) != (size_t)len)
		q->errnum = errno != 0 ? errno : EIO;
	q->len += (size_t)len;
	return q->errnum == 0 ? len : -1;
}

/*
 * project.qde goes to a file, not memory (at 10x it is over half a
 * gigabyte). The file is beside out, where out will need the room, and is
 * unlinked as soon as it is made, so nothing is left of it whatever happens.
 */
static FILE *
qde_file(const char *out, char **err)
{
	char *path = xasprintf("%s.qde-XXXXXX", out);
	FILE *f = NULL;
	int fd;

	if ((fd = mkstemp(path)) >= 0) {
		unlink(path);
		if ((f = fdopen(fd, "w+")) == NULL)
			close(fd);
	}
	if (f == NULL)
		*err = xasprintf("%s: %s", out, strerror(errno));
	free(path);
	return f;
}

static xmlTextWriterPtr
writer_start(xmlTextWriterPtr w)
{
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, BAD_CAST "  ");
	xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
	return w;
}

static xmlTextWriterPtr
writer(xmlBufferPtr *xb)
{
	*xb = xmlBufferCreate();
	return writer_start(xmlNewTextWriterMemory(*xb, 0));
}

enum ax_status
refi_export_qdpx(struct project *p, const char *out, char **report, char **err)
{
	struct ex x = {p, NULL, true, 0, false, NULL, 0, NULL, 0, NULL, NULL};
	struct doc_info *docs = NULL;
	struct coder *coders = NULL;
	struct keys ks = {NULL, 0, 0};
	struct doc_attr **attrs = NULL;
	size_t *nattrs = NULL;
	size_t nd = 0, nc = 0, i, j, nevidence = 0;
	struct qdeout qo = {NULL, 0, 0};
	struct buf rep = {0}, lost = {0};
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
	ex_index(&x);
	{
		struct blind_status b;

		if (blind_status(p, &b) == AX_OK && b.hidden)
			buf_puts(&rep, _("a blind session is open: only your own codings "
			    "are exported\n"));
		blind_status_done(&b);
	}
	attrs = xcalloc(nd + 1, sizeof *attrs);
	nattrs = xcalloc(nd + 1, sizeof *nattrs);
	for (i = 0; i < nd; i++) {
		doc_attr_list(p, docs[i].id, &attrs[i], &nattrs[i]);
		for (j = 0; j < nattrs[i]; j++)
			keys_add(&ks, attrs[i][j].key);
	}
	if ((qo.f = qde_file(out, err)) == NULL) {
		st = AX_ERR_IO;
		goto out;
	}
	xs_quiet();	/* a failed write is said once, below */
	x.w = writer_start(xmlNewTextWriter(xmlOutputBufferCreateIO(qde_write,
	    NULL, &qo, NULL)));
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
				const char *cg = coder_guid(coders, nc, v[j].coder), *ng;

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
				if ((ng = node_guid(&x, v[j].node)) != NULL)
					ATTR(x.w, "targetGUID", ng);
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
	xmlFreeTextWriter(x.w);	/* flushes into qo */
	x.w = NULL;
	if (qo.errnum == 0 && fflush(qo.f) != 0)
		qo.errnum = errno;
	if (x.replaced > 0)
		buf_printf(&rep, _("%zu control characters in names, memos or values "
		    "cannot be written in XML and became U+FFFD\n"), x.replaced);
	if (qo.errnum != 0) {
		*err = xasprintf("%s: %s", out, strerror(qo.errnum));
		st = AX_ERR_IO;
		goto out;
	}
	if (!x.ok) {
		*err = xstrdup(_("could not write the project XML"));
		st = AX_ERR_IO;
		goto out;
	}
	st = write_zip(p, out, qo.f, qo.len, docs, nd, err);
out:
	if (report != NULL)
		*report = rep.s != NULL ? buf_take(&rep) : xstrdup("");
	buf_done(&rep);
	if (qo.f != NULL)
		fclose(qo.f);
	for (i = 0; i < nd && attrs != NULL; i++)
		doc_attr_list_free(attrs[i], nattrs[i]);
	free(attrs);
	free(nattrs);
	for (i = 0; i < ks.n; i++)
		free(ks.k[i]);
	free(ks.k);
	free(title);
	doc_list_free(docs, nd);
	coder_list_free(coders, nc);
	codetree_free(x.nodes, x.nn);
	memo_list_free(x.memos, x.nm);
	free(x.node_by_id);
	free(x.memo_by_target);
	return st;
}

enum ax_status
refi_export_qdc(struct project *p, const char *out, char **report, char **err)
{
	struct ex x = {p, NULL, true, 0, true, NULL, 0, NULL, 0, NULL, NULL};
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
	ex_index(&x);
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
	free(x.node_by_id);
	free(x.memo_by_target);
	return st;
}
