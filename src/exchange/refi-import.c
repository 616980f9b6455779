/*
 * refi-import.c: reading REFI-QDA projects (.qdpx) and codebooks (.qdc)
 * into the caller's open action, per docs/exchange.md §5 (reading rules),
 * docs/exchange.md §4 (positions) and docs/exchange.md §3.8 (GUIDs).
 *
 * Accepted variations: any single .qde at the archive root (project.qde
 * preferred); Sources/ or sources/; internal://x or a bare x; a UTF-8 BOM
 * on the .qde and on every .txt; CRLF; GUIDs in braces or upper case;
 * codebook namespaces 1.0 and 0:4; nested codes with codings on parents.
 *
 * Code tree: a Code with child Codes becomes a category; a leaf Code a code
 * (a leaf with isCodable="false" a category). A Code with children that is
 * also applied to text becomes a category plus a code of the same name
 * inside it, which keeps the Code's GUID. Existing nodes with the same GUID
 * or the same path are reused, so importing a codebook twice adds nothing.
 *
 * Positions: for each source the readings of docs/exchange.md §4.3 (code
 * points with CRLF as two, code points with CRLF as one (ATLAS.ti), UTF-16
 * units (NVivo for Windows)) are tried; a reading must put every selection
 * inside the text, and among those the one whose selection ends fall on
 * the most word boundaries wins, Project@origin breaking ties. The reading
 * used is reported when it is not plain code points.
 *
 * Links: a Link between two Codes becomes a link of the type its name
 * names (a built-in's key or name, else a type of that name, added), kept
 * under its GUID, directed when OneWay, its first NoteRef its memo. Each
 * Link axial cannot take is left out with a line in the report naming it
 * and the import goes on: a link to a GUID the file does not define, one
 * given twice, a type name holding control characters, a link the model
 * refuses (to itself, twice between the same codes with one type, a
 * part-of cycle). Links joining sources, segments or notes are counted.
 *
 * Refused with a message: no or several .qde, a root that is not Project or
 * CodeBook, duplicate GUIDs among codes or sources, a CodeRef to no code,
 * a source with both PlainTextContent and plainTextPath, a missing internal
 * file, text that is not UTF-8, a selection outside every reading.
 * Reported (not refused): external sources, PDF/picture/audio/video
 * sources, Links that join other things than codes, Graphs, other Sets,
 * zero-length selections.
 *
 * Codings are added in batches (coding_add_many), all before the notes,
 * which need their ids; each is skipped or added as coding_add_as one by
 * one would, in file order.
 */
#include <assert.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <strings.h>
#include <time.h>

#include <libxml/tree.h>
#include <unictype.h>
#include <unistr.h>

#include "store/coder.h"
#include "store/codetree.h"
#include "store/coding.h"
#include "store/document.h"
#include "store/link.h"
#include "exchange/exchange.h"
#include "base/i18n.h"
#include "store/memo.h"
#include "text/name.h"
#include "base/textin.h"
#include "exchange/exchange-int.h"

void
refi_stats_done(struct refi_stats *s)
{
	free(s->report);
	s->report = NULL;
}

/* ---- small helpers ---- */

/* Element in a REFI namespace (project or codebook, any version). */
static bool
q_is(const xmlNode *n, const char *name)
{
	if (n == NULL || n->type != XML_ELEMENT_NODE ||
	    strcmp((const char *)n->name, name) != 0)
		return false;
	return n->ns == NULL || n->ns->href == NULL ||
	    strncmp((const char *)n->ns->href, "urn:QDA-XML:", 12) == 0;
}

static xmlNode *
q_child(const xmlNode *n, const char *name)
{
	xmlNode *c;

	for (c = n ? n->children : NULL; c != NULL; c = c->next)
		if (q_is(c, name))
			return c;
	return NULL;
}

static char *
q_text(const xmlNode *n)
{
	xmlChar *s = n ? xmlNodeGetContent(n) : NULL;
	char *r = xstrdup(s ? (const char *)s : "");

	xmlFree(s);
	return r;
}

/*
 * A GUID normalised: braces stripped, lower case, checked against the
 * schema's 8-4-4-4-12 pattern. NULL if absent or malformed.
 */
static char *
q_guid(const xmlNode *n, const char *attr)
{
	char *v = xs_attr(n, attr), *s, *r;
	size_t len, i;

	if (v == NULL)
		return NULL;
	s = v;
	len = strlen(s);
	if (len == 38 && s[0] == '{' && s[37] == '}') {
		s++;
		len = 36;
	}
	if (len != 36) {
		free(v);
		return NULL;
	}
	r = xstrndup(s, 36);
	for (i = 0; i < 36; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;

		if (dash ? r[i] != '-' : !isxdigit((unsigned char)r[i])) {
			free(r);
			free(v);
			return NULL;
		}
		r[i] = (char)tolower((unsigned char)r[i]);
	}
	free(v);
	return r;
}

static int64_t
parse_time(const char *s)
{
	struct tm tm;
	const char *e;

	if (s == NULL)
		return 0;
	memset(&tm, 0, sizeof tm);
	e = strptime(s, "%Y-%m-%dT%H:%M:%S", &tm);
	if (e == NULL)
		return 0;
	return (int64_t)timegm(&tm);
}

/* ---- GUID maps ---- */

/*
 * A GUID (or other string) to what it became, hashed: a codebook of
 * 100,000 codes looks each one up several times. Entries stay in insertion
 * order in v; slot holds 1 + an index into v, 0 for empty, and is never
 * more than half full.
 */
struct gmap {
	struct gent {
		char *guid;
		int64_t id;
		const xmlNode *node;
		int kind;	/* a code's node kind + 1, once read; 0 before */
	} *v;
	size_t n, cap;
	size_t *slot, nslot;
};

/* FNV-1a, its high bits folded into the low ones the mask keeps: GUIDs
 * that differ only in their last hex digits must not share slots. */
static uint64_t
hash_str(const char *s)
{
	uint64_t h = UINT64_C(1469598103934665603);

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
	return h ^ h >> 29 ^ h >> 47;
}

/* The slot of guid: where it is, or the empty one where it would go. */
static size_t
gmap_slot(const struct gmap *m, const char *guid)
{
	size_t j = (size_t)hash_str(guid) & (m->nslot - 1);

	while (m->slot[j] != 0 && strcmp(m->v[m->slot[j] - 1].guid, guid) != 0)
		j = (j + 1) & (m->nslot - 1);
	return j;
}

static struct gent *
gmap_get(const struct gmap *m, const char *guid)
{
	size_t j;

	if (guid == NULL || m->n == 0)
		return NULL;
	j = gmap_slot(m, guid);
	return m->slot[j] != 0 ? &m->v[m->slot[j] - 1] : NULL;
}

/* Adds guid (not there yet). */
static void
gmap_put(struct gmap *m, const char *guid, int64_t id, const xmlNode *node)
{
	size_t i;

	assert(gmap_get(m, guid) == NULL);
	if (2 * (m->n + 1) > m->nslot) {
		free(m->slot);
		m->nslot = m->nslot ? 2 * m->nslot : 64;
		m->slot = xcalloc(m->nslot, sizeof *m->slot);
		for (i = 0; i < m->n; i++)
			m->slot[gmap_slot(m, m->v[i].guid)] = i + 1;
	}
	m->v = xgrow(m->v, &m->cap, m->n + 1, sizeof *m->v);
	m->v[m->n].guid = xstrdup(guid);
	m->v[m->n].id = id;
	m->v[m->n].node = node;
	m->v[m->n].kind = 0;
	m->slot[gmap_slot(m, guid)] = ++m->n;
}

static void
gmap_free(struct gmap *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		free(m->v[i].guid);
	free(m->v);
	free(m->slot);
	memset(m, 0, sizeof *m);
}

/* ---- the import state ---- */

/* Codings wait and go in this many at a time (coding_add_many): one
 * INSERT reused and the maps read once a batch, not a check per coding;
 * the bound keeps the memory of a million codings' import flat. */
#define IMP_BATCH 8192

struct imp {
	struct project *p;
	const char *path;
	struct zs_archive zip;
	const char *origin;
	struct refi_stats *st;
	struct buf rep;		/* report lines */
	char *err;
	struct gmap users, codes, coded, sources, notes, vars;
	/* which node ids this file's Codes became (a bit per id), and per
	 * "parent/kind/name" the " (k)" a taken name goes on from */
	unsigned char *mine;
	size_t capmine;
	struct gmap suffix;
	int64_t default_coder;	/* Project@creatingUserGUID's coder, or 0 */
	/* note GUID -> target, filled while walking */
	struct noteref {
		char *note;
		enum memo_target target;
		int64_t id;
	} *nrefs;
	size_t nnrefs, capnrefs;
	/* note GUID -> its first NoteRef (index into nrefs), and per first
	 * NoteRef how many refer to that note: built once, for import_notes */
	struct gmap nref_first;
	int *nref_count;
	struct gmap anyguid;	/* every guid attribute of the file (links) */
	bool want_guids;	/* the file has Links: fill anyguid */
	const struct zs_entry *qde;	/* project.qde, read as it inflates */
	enum ax_status stream_status;	/* import_source's, when it stopped */
	int64_t left_links;	/* Links joining other things than codes */
	int64_t bidir_links;	/* Bidirectional Links, taken undirected */
	int64_t left_graphs, left_sets, left_media, zero_sel;
	int64_t comments, descriptions;
	int64_t ctl_names;	/* names whose controls became spaces */
	int64_t long_names;	/* names cut to the limit */
	/* codings waiting for flush_codings, each with its GUID (owned) and
	 * its NoteRefs' slots in nrefs, taken in file order and given the
	 * coding's id once it is added */
	struct coding_new *cv;
	struct waiting {
		char *guid;
		size_t nref, endref;
	} *cw;
	size_t ncv;
};

/*
 * A name or label safe for the model (name.h): controls and bidi controls
 * become spaces, invisible characters go, a name over the limit is cut;
 * each change is counted for the report. Empty becomes dflt.
 */
static char *
clean_name(struct imp *im, enum name_field f, const char *s, const char *dflt)
{
	unsigned changed;
	char *r = name_clean(f, s, dflt, 0, &changed);

	im->ctl_names += (changed & NAME_CLEANED) != 0;
	im->long_names += (changed & NAME_CUT) != 0;
	return r;
}

static enum ax_status
fail(struct imp *im, const char *fmt, ...) AX_PRINTF(2, 3);

static enum ax_status
fail(struct imp *im, const char *fmt, ...)
{
	va_list ap;
	char *m;

	va_start(ap, fmt);
	m = xvasprintf(fmt, ap);
	va_end(ap);
	free(im->err);
	im->err = m;
	return AX_ERR_INPUT;
}

static enum ax_status
model_fail(struct imp *im)
{
	return fail(im, "%s", project_errmsg(im->p));
}

/* The NoteRef r attaches its note to (t, id). */
static void
add_noteref_one(struct imp *im, const xmlNode *r, enum memo_target t,
    int64_t id)
{
	char *g = q_guid(r, "targetGUID");

	if (g == NULL)
		return;
	im->nrefs = xgrow(im->nrefs, &im->capnrefs, im->nnrefs + 1,
	    sizeof *im->nrefs);
	im->nrefs[im->nnrefs].note = g;
	im->nrefs[im->nnrefs].target = t;
	im->nrefs[im->nnrefs].id = id;
	im->nnrefs++;
}

/* Every NoteRef child of n. */
static void
add_noteref(struct imp *im, const xmlNode *n, enum memo_target t, int64_t id)
{
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->next)
		if (q_is(c, "NoteRef"))
			add_noteref_one(im, c, t, id);
}

/*
 * The guid of a User or Note, which defines it: valid, and not defined
 * before in m; else NULL and the import's error.
 */
static char *
defining_guid(struct imp *im, const xmlNode *n, const struct gmap *m)
{
	bool note = q_is(n, "Note");
	char *g = q_guid(n, "guid");

	if (g == NULL) {
		fail(im, note ? _("a Note has no valid guid") :
		    _("a User has no valid guid"));
	} else if (gmap_get(m, g) != NULL) {
		fail(im, note ? _("note GUID %s appears twice") :
		    _("User GUID %s appears twice"), g);
		free(g);
		g = NULL;
	}
	return g;
}

/* ---- users ---- */

static enum ax_status
import_users(struct imp *im, const xmlNode *users)
{
	const xmlNode *u;
	enum ax_status s = AX_OK;

	for (u = users ? users->children : NULL; u != NULL && s == AX_OK;
	    u = u->next) {
		char *g, *id, *raw, *name, *login;
		int64_t cid = 0;
		bool existed;

		if (!q_is(u, "User"))
			continue;
		if ((g = defining_guid(im, u, &im->users)) == NULL)
			return AX_ERR_INPUT;
		id = xs_attr(u, "id");
		raw = xs_attr(u, "name");
		login = clean_name(im, NAME_CODER, id != NULL && *id != '\0' ? id : raw, g);
		name = clean_name(im, NAME_CODER_NAME, raw, login);
		free(raw);
		existed = coder_find(im->p, login, &cid) == AX_OK;
		if (coder_import(im->p, login, name, g, &cid) != AX_OK) {
			s = model_fail(im);
		} else {
			im->st->coders += !existed;
			gmap_put(&im->users, g, cid, u);
		}
		free(g);
		free(id);
		free(name);
		free(login);
	}
	return s;
}

static int64_t
user_of(struct imp *im, const xmlNode *n, int64_t dflt)
{
	char *g = q_guid(n, "creatingUser");
	struct gent *e = gmap_get(&im->users, g);

	free(g);
	return e != NULL ? e->id : dflt;
}

/* ---- code tree ---- */

/* Every CodeRef target under n, so coded parents keep a code. */
static void
collect_coded(struct imp *im, const xmlNode *n)
{
	const xmlNode *c;

	if (q_is(n, "CodeRef")) {
		char *g = q_guid(n, "targetGUID");

		if (g != NULL && gmap_get(&im->coded, g) == NULL)
			gmap_put(&im->coded, g, 0, NULL);
		free(g);
	}
	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			collect_coded(im, c);
}

/* Records that a Code of this file became node id. */
static void
mine_put(struct imp *im, int64_t id)
{
	size_t byte = (size_t)id / 8, old = im->capmine;

	assert(id > 0);
	if (byte >= im->capmine) {
		im->mine = xgrow(im->mine, &im->capmine, byte + 1, 1);
		memset(im->mine + old, 0, im->capmine - old);
	}
	im->mine[byte] |= (unsigned char)(1u << (id % 8));
}

static bool
is_mine(const struct imp *im, int64_t id)
{
	size_t byte = (size_t)id / 8;

	return byte < im->capmine && (im->mine[byte] >> (id % 8) & 1) != 0;
}

/*
 * A node `name` of `kind` under parent: the existing one with this GUID or
 * this name and kind, else a new one made with ii (a taken name gets
 * " (2)", ...); *made (if not NULL) says which.
 *
 * The candidates before the one the last search for this parent, kind and
 * name ended on stay unusable (they exist, and are of another kind or this
 * file's), so the next search goes on from there: n Codes of one name cost
 * n lookups, not n * n / 2.
 */
static enum ax_status
get_node(struct imp *im, int64_t parent, enum node_kind kind, const char *name,
    const struct node_import_info *ii, int64_t *id, bool *made)
{
	char *key = NULL, *nm = NULL;
	struct gent *memo = NULL;
	enum ax_status s = AX_OK;
	int64_t k, other = 0;

	if (made != NULL)
		*made = false;
	if (ii->guid != NULL && codetree_find_guid(im->p, ii->guid, id) == AX_OK)
		return AX_OK;	/* imported before */
	for (k = 1; ; k++) {
		struct node n;
		bool same = false;

		if (k == 2) {	/* the name is taken: go on from the last search */
			key = xasprintf("%lld/%d/%s", (long long)parent, (int)kind,
			    name);
			if ((memo = gmap_get(&im->suffix, key)) != NULL)
				k = memo->id;
		}
		free(nm);
		if (k == 1) {
			nm = xstrdup(name);
		} else {	/* the number must fit in the name's limit */
			char sfx[24], *head;

			snprintf(sfx, sizeof sfx, " (%lld)", (long long)k);
			head = name_clean(NAME_CODE, name, "", NAME_MAX_CHARS -
			    strlen(sfx), NULL);
			nm = xasprintf("%s%s", head, sfx);
			free(head);
		}
		if (codetree_find_child(im->p, parent, nm, &other) != AX_OK) {
			other = 0;
			break;
		}
		/* A sibling of the same name from this very file is another
		 * code there: keep them apart. */
		if (codetree_get(im->p, other, &n) == AX_OK) {
			same = n.kind == kind && !is_mine(im, other);
			node_done(&n);
		}
		if (same)
			break;
	}
	if (memo != NULL)
		memo->id = k;
	else if (key != NULL)
		gmap_put(&im->suffix, key, k, NULL);
	if (other != 0) {
		*id = other;
	} else if (codetree_add_ex(im->p, parent, kind, nm, ii, id) != AX_OK) {
		s = model_fail(im);
	} else {
		if (k > 1)
			buf_printf(&im->rep, _("code '%s' imported as '%s' (the name "
			    "was taken)\n"), name, nm);
		if (made != NULL)
			*made = true;
		if (kind == NODE_CODE)
			im->st->codes++;
		else
			im->st->categories++;
	}
	free(key);
	free(nm);
	return s;
}

/* Whether a Code's colour is one axial keeps: "#rrggbb". */
static bool
color_ok(const char *color)
{
	const char *q;

	if (color[0] != '#' || strlen(color) != 7)
		return false;
	for (q = color + 1; *q != '\0'; q++)
		if (!isxdigit((unsigned char)*q))
			return false;
	return true;
}

/* A category GUID derived from a coded parent Code's GUID (stable). */
static void
category_guid(const char *code_guid, char out[37])
{
	char hex[65];
	char *s = xasprintf("axial:category-of:%s", code_guid);

	textin_sha256(s, strlen(s), hex);
	free(s);
	hex[12] = '5';
	hex[16] = "89ab"[hex[16] % 4];
	snprintf(out, 37, "%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12,
	    hex + 16, hex + 20);
}

static enum ax_status
import_code(struct imp *im, const xmlNode *c, int64_t parent, int depth)
{
	char *g = q_guid(c, "guid"), *raw = xs_attr(c, "name"), *name,
	    *codable = xs_attr(c, "isCodable"), *desc = NULL, *color;
	bool has_children = q_child(c, "Code") != NULL;
	bool is_codable = codable == NULL || strcmp(codable, "true") == 0 ||
	    strcmp(codable, "1") == 0;
	bool coded = g != NULL && gmap_get(&im->coded, g) != NULL;
	const xmlNode *k, *d;
	int64_t id = 0, cat = 0;
	enum ax_status s = AX_OK;
	struct node_import_info own;
	bool made;
	char cg[37];

	name = clean_name(im, NAME_CODE, raw, "(unnamed code)");
	if (g == NULL) {
		s = fail(im, _("code '%s' has no valid guid"), name);
		goto out;
	}
	if (gmap_get(&im->codes, g) != NULL) {
		s = fail(im, _("code GUID %s appears twice in the codebook"), g);
		goto out;
	}
	if (depth > 64) {
		s = fail(im, _("codes nested deeper than 64 levels"));
		goto out;
	}
	if ((d = q_child(c, "Description")) != NULL)
		desc = q_text(d);
	color = xs_attr(c, "color");
	/* The Code's own node (its category, when it has sub-codes) takes the
	 * description and colour: in its row when new, else the description
	 * only where it has none. */
	own.guid = g;
	own.definition = desc != NULL && desc[0] != '\0' ? desc : NULL;
	own.color = color != NULL && color_ok(color) ? color : NULL;
	if (has_children) {
		if (coded) {
			struct node_import_info inner = {g, NULL, NULL};

			category_guid(g, cg);
			own.guid = cg;
			if ((s = get_node(im, parent, NODE_CATEGORY, name, &own, &cat,
			    &made)) != AX_OK ||
			    (s = get_node(im, cat, NODE_CODE, name, &inner, &id,
			    NULL)) != AX_OK)
				goto out2;
			buf_printf(&im->rep, _("code '%s' has sub-codes and is applied to "
			    "text: imported as a category with a code of the same name "
			    "inside\n"), name);
		} else {
			if ((s = get_node(im, parent, NODE_CATEGORY, name, &own, &cat,
			    &made)) != AX_OK)
				goto out2;
			id = cat;
		}
	} else {
		if (!is_codable && coded)
			buf_printf(&im->rep, _("code '%s' is marked not codable but is "
			    "applied to text: imported as a code\n"), name);
		if ((s = get_node(im, parent, !is_codable && !coded ? NODE_CATEGORY :
		    NODE_CODE, name, &own, &id, &made)) != AX_OK)
			goto out2;
	}
	gmap_put(&im->codes, g, id, c);
	mine_put(im, id);
	if (!made && own.definition != NULL) {
		struct node n;

		if (codetree_get(im->p, cat != 0 ? cat : id, &n) == AX_OK) {
			if (n.definition[0] == '\0' && codetree_set_definition(im->p,
			    n.id, own.definition) != AX_OK)
				s = model_fail(im);
			node_done(&n);
		}
	}
	if (s == AX_OK && !made && own.color != NULL &&
	    codetree_set_color(im->p, cat != 0 ? cat : id, own.color) != AX_OK)
		s = model_fail(im);
	add_noteref(im, c, MEMO_NODE, cat != 0 && !coded ? cat : id);
	for (k = c->children; s == AX_OK && k != NULL; k = k->next)
		if (q_is(k, "Code"))
			s = import_code(im, k, cat, depth + 1);
out2:
	free(color);
out:
	free(desc);
	free(g);
	free(raw);
	free(name);
	free(codable);
	return s;
}

static enum ax_status
import_codes(struct imp *im, const xmlNode *codes)
{
	const xmlNode *c;
	enum ax_status s = AX_OK;

	for (c = codes ? codes->children : NULL; s == AX_OK && c != NULL; c = c->next)
		if (q_is(c, "Code"))
			s = import_code(im, c, 0, 0);
	return s;
}

/* Sets: paradigm roles written by axial; anything else is reported. */
static enum ax_status
import_sets(struct imp *im, const xmlNode *sets)
{
	const xmlNode *set;

	for (set = sets ? sets->children : NULL; set != NULL; set = set->next) {
		const xmlNode *d = q_child(set, "Description"), *m = q_child(set, "MemberCode");
		char *desc, *g;
		struct gent *e;
		int role = -1;

		if (!q_is(set, "Set"))
			continue;
		desc = d ? q_text(d) : xstrdup("");
		if (strncmp(desc, "axial:paradigm-role=", 20) == 0)
			role = paradigm_role_parse(desc + 20);
		free(desc);
		g = m ? q_guid(m, "targetGUID") : NULL;
		if (g == NULL && m != NULL)
			g = q_guid(m, "guid");
		e = gmap_get(&im->codes, g);
		free(g);
		if (role > 0 && e != NULL) {
			struct node n;

			if (codetree_get(im->p, e->id, &n) == AX_OK) {
				bool top = n.parent == 0 && n.kind == NODE_CATEGORY;

				node_done(&n);
				if (top && codetree_set_role(im->p, e->id,
				    (enum paradigm_role)role) != AX_OK)
					return model_fail(im);
				if (top)
					continue;
			}
		}
		im->left_sets++;
	}
	return AX_OK;
}

/* ---- positions ---- */

enum reading { READ_CP, READ_CP_CRLF1, READ_UTF16, READ_COUNT };
static const char *const reading_names[READ_COUNT] = {
	N_("code points"), N_("code points with CRLF counted as one"),
	N_("UTF-16 code units"),
};

/*
 * Converting positions without a table per character: the selections'
 * positions (start and end of each, in file order) are sorted once and
 * converted in one pass over the raw text (BOM stripped, line ends as in
 * the file) per reading, which also notes the characters either side of
 * each position in the stored text for the word-boundary score. Memory is
 * proportional to the number of selections, not to the text.
 */
struct pos {
	int64_t unit;		/* the position as the file gives it */
	size_t i;		/* 2 * selection + (0 start, 1 end) */
};

struct conv {
	int64_t *cp;		/* [2 * nsel]: code point in the stored text, -1 if out of range */
	bool *boundary;		/* [2 * nsel] */
	int64_t total;		/* the text's length in this reading's units */
};

static int
pos_cmp(const void *a, const void *b)
{
	const struct pos *x = a, *y = b;

	return (x->unit > y->unit) - (x->unit < y->unit);
}

static bool
is_wordch(ucs4_t c)
{
	return uc_is_alnum(c) || uc_is_general_category(c, UC_CATEGORY_M) ||
	    c == 0x200c || c == 0x200d;
}

/* A boundary: the text's ends, or not between two word characters. */
static bool
boundary(ucs4_t prev, ucs4_t next)
{
	return prev == 0 || next == 0 || !is_wordch(prev) || !is_wordch(next);
}

static void
convert(const char *raw, size_t n, int r, const struct pos *ps, size_t k,
    struct conv *out)
{
	const uint8_t *q = (const uint8_t *)raw, *end = q + n;
	int64_t u = 0, lf = 0;
	ucs4_t prev = 0;
	size_t idx = 0;

	while (q < end) {
		ucs4_t c;
		int len = u8_mbtouc(&c, q, (size_t)(end - q));
		bool crlf = c == '\r' && q + 1 < end && q[1] == '\n';
		int64_t m = r == READ_CP ? 1 : r == READ_CP_CRLF1 ? (crlf ? 0 : 1) :
		    (c > 0xffff ? 2 : 1);
		ucs4_t shown = c == '\r' ? '\n' : c;	/* as stored: LF only */

		/* Positions at this character, or inside it (a surrogate pair,
		 * the CR of a CRLF), are before it in the stored text. */
		for (; idx < k && ps[idx].unit < u + (m > 0 ? m : 1) &&
		    (m > 0 || ps[idx].unit <= u); idx++) {
			out->cp[ps[idx].i] = lf;
			out->boundary[ps[idx].i] = boundary(prev, shown);
		}
		if (!crlf) {
			lf++;
			prev = shown;
		}
		u += m;
		q += len;
	}
	for (; idx < k; idx++) {
		out->cp[ps[idx].i] = ps[idx].unit == u ? lf : -1;
		out->boundary[ps[idx].i] = true;
	}
	out->total = u;
}

/* ---- variables (document attributes) ---- */

static void
import_variables(struct imp *im, const xmlNode *vars)
{
	const xmlNode *v;

	for (v = vars ? vars->children : NULL; v != NULL; v = v->next) {
		char *g;

		if (!q_is(v, "Variable") || (g = q_guid(v, "guid")) == NULL)
			continue;
		if (gmap_get(&im->vars, g) == NULL)
			gmap_put(&im->vars, g, 0, v);
		free(g);
	}
}

/* A VariableValue on document doc becomes the attribute name=value. */
static enum ax_status
var_value(struct imp *im, const xmlNode *vv, int64_t doc)
{
	const xmlNode *ref = q_child(vv, "VariableRef"), *c;
	char *g = ref ? q_guid(ref, "targetGUID") : NULL, *raw, *key, *val = NULL;
	struct gent *e = gmap_get(&im->vars, g);
	enum ax_status s = AX_OK;

	free(g);
	if (e == NULL)
		return fail(im, _("a VariableValue refers to no Variable"));
	for (c = vv->children; c != NULL && val == NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !q_is(c, "VariableRef"))
			val = q_text(c);
	raw = xs_attr(e->node, "name");
	key = clean_name(im, NAME_ATTRIBUTE, raw, "variable");
	if (val != NULL) {
		char *v = clean_name(im, NAME_ATTR_VALUE, val, "");

		free(val);
		val = v;
		if (doc_attr_set(im->p, doc, key, val) != AX_OK)
			s = model_fail(im);
		else
			im->st->attributes++;
	}
	free(raw);
	free(key);
	free(val);
	return s;
}

/* Cases: the values of a Case apply to each source it refers to. */
static enum ax_status
import_cases(struct imp *im, const xmlNode *cases)
{
	const xmlNode *cs, *c, *r;
	enum ax_status s = AX_OK;

	for (cs = cases ? cases->children : NULL; cs != NULL; cs = cs->next) {
		if (!q_is(cs, "Case"))
			continue;
		for (r = cs->children; r != NULL; r = r->next) {
			char *g;
			struct gent *e;

			if (!q_is(r, "SourceRef"))
				continue;
			g = q_guid(r, "targetGUID");
			e = gmap_get(&im->sources, g);
			free(g);
			if (e == NULL)
				continue;
			for (c = cs->children; c != NULL; c = c->next)
				if (q_is(c, "VariableValue") &&
				    (s = var_value(im, c, e->id)) != AX_OK)
					return s;
		}
	}
	return s;
}

/* ---- sources ---- */

/* The archive entry an internal path names: sources/x, Sources/x, or x. */
static const struct zs_entry *
internal_file(struct imp *im, const char *path, bool *external)
{
	const char *f = path;
	char *name;
	const struct zs_entry *e;

	*external = false;
	if (strncmp(path, "internal://", 11) == 0) {
		f = path + 11;
	} else if (strstr(path, "://") != NULL) {
		*external = true;
		return NULL;
	}
	if (strchr(f, '/') != NULL || strstr(f, "..") != NULL || *f == '\0')
		return NULL;
	name = xasprintf("sources/%s", f);
	e = zs_find(&im->zip, name, true);
	free(name);
	if (e == NULL)
		e = zs_find(&im->zip, f, false);
	return e;
}

/* The bytes of entry e, inflated now (zs_load); NULL when it is damaged,
 * with the import failed. */
static const char *
load_entry(struct imp *im, const struct zs_entry *e, const char *name)
{
	char *zerr = NULL;
	const char *d = zs_load(&im->zip, e, &zerr);

	if (d == NULL) {
		fail(im, _("source '%s': %s"), name, zerr);
		free(zerr);
	}
	return d;
}

struct sel {
	const xmlNode *node;
	long long start, end;
};

static enum ax_status
source_text(struct imp *im, const xmlNode *src, const char *name, char **raw,
    size_t *rawlen, bool *skip)
{
	const xmlNode *ptc = q_child(src, "PlainTextContent");
	char *ptp = xs_attr(src, "plainTextPath"), *rtp = xs_attr(src, "richTextPath");
	const struct zs_entry *e = NULL;
	bool ext = false;
	enum ax_status s = AX_OK;

	*skip = false;
	*raw = NULL;
	if (ptc != NULL && ptp != NULL && *ptp != '\0') {
		s = fail(im, _("source '%s' has both PlainTextContent and plainTextPath"),
		    name);
		goto out;
	}
	if (ptc != NULL) {
		*raw = q_text(ptc);
		*rawlen = strlen(*raw);
		goto out;
	}
	if (ptp == NULL || *ptp == '\0') {
		s = fail(im, _("source '%s' has neither PlainTextContent nor "
		    "plainTextPath"), name);
		goto out;
	}
	if ((e = internal_file(im, ptp, &ext)) == NULL) {
		if (ext) {
			buf_printf(&im->rep, _("source '%s' left out: its text is an "
			    "external file (%s), which axial does not read\n"), name, ptp);
			*skip = true;
		} else {
			s = fail(im, _("source '%s': %s is not in the archive"), name, ptp);
		}
		goto out;
	}
	if (load_entry(im, e, name) == NULL) {
		s = AX_ERR_INPUT;
		goto out;
	}
	*raw = xmalloc(e->len + 1);	/* the text is the import's now */
	memcpy(*raw, e->data, e->len);
	(*raw)[e->len] = '\0';
	*rawlen = e->len;
	zs_unload(&im->zip, e);
	/* NVivo for Mac: a one-byte .txt, the text only in the .docx. */
	if (rtp != NULL && strlen(rtp) > 5 && strcasecmp(rtp + strlen(rtp) - 5,
	    ".docx") == 0) {
		size_t i;
		bool blank = true;

		for (i = 0; i < *rawlen && blank; i++)
			blank = strchr(" \t\r\n", (*raw)[i]) != NULL;
		if (blank && (e = internal_file(im, rtp, &ext)) != NULL) {
			char *notice = NULL, *derr = NULL, *d = NULL;
			size_t dl = 0;

			if (load_entry(im, e, name) == NULL) {
				s = AX_ERR_INPUT;
				goto out;
			}
			d = docx_extract(e->data, e->len, &dl, &notice, &derr);
			zs_unload(&im->zip, e);

			if (d != NULL && dl > 0) {
				free(*raw);
				*raw = d;
				*rawlen = dl;
				buf_printf(&im->rep, _("source '%s': its plain text is empty; "
				    "text taken from %s\n"), name, rtp);
			} else {
				free(d);
			}
			free(notice);
			free(derr);
		}
	}
out:
	free(ptp);
	free(rtp);
	return s;
}

static enum ax_status
selection_comment(struct imp *im, const xmlNode *sel,
    int64_t doc, long long a, long long b)
{
	/* A selection with no Coding but a Description: a comment on text. */
	const xmlNode *d = q_child(sel, "Description");
	char *body, *title;
	struct memo_import_info mi = {0, 0, 0, NULL};

	if (d == NULL)
		return AX_OK;
	body = q_text(d);
	title = xasprintf("Comment on characters %lld-%lld", a, b);
	mi.author = user_of(im, sel, im->default_coder);
	if (*body != '\0') {
		if (memo_add_ex(im->p, MEMO_DOCUMENT, doc, MEMO_TYPE_FREE, title, body,
		    &mi, NULL) != AX_OK) {
			free(body);
			free(title);
			return model_fail(im);
		}
		im->st->memos++;
		im->comments++;
	}
	free(body);
	free(title);
	return AX_OK;
}

/*
 * Adds the waiting codings. One already here is skipped (coding_add_many):
 * its NoteRefs go to the coding with its GUID, or to none (id 0) when it
 * matched by span, as before codings were batched.
 */
static enum ax_status
flush_codings(struct imp *im)
{
	enum ax_status s = AX_OK;
	size_t i, j;

	if (im->ncv > 0 && coding_add_many(im->p, im->cv, im->ncv) != AX_OK)
		s = model_fail(im);
	for (i = 0; i < im->ncv; i++) {
		if (s == AX_OK) {
			if (im->cv[i].fate == CODING_ADDED)
				im->st->codings++;
			else
				im->st->skipped++;
			for (j = im->cw[i].nref; j < im->cw[i].endref; j++)
				im->nrefs[j].id = im->cv[i].id;
		}
		free(im->cw[i].guid);
	}
	im->ncv = 0;
	return s;
}

/* Checks a Coding and puts it in the batch (flush_codings adds it). */
static enum ax_status
add_coding(struct imp *im, const xmlNode *coding, int64_t coder, int64_t doc,
    int64_t a, int64_t b, const char *sname)
{
	const xmlNode *ref = q_child(coding, "CodeRef");
	char *cg = ref ? q_guid(ref, "targetGUID") : NULL, *g, *t;
	struct gent *code = gmap_get(&im->codes, cg);
	int64_t who = user_of(im, coding, coder);
	struct node n;
	enum ax_status s = AX_OK;

	if (code == NULL) {
		s = fail(im, _("source '%s': a Coding refers to code %s, which is not "
		    "in the codebook"), sname, cg ? cg : _("(none)"));
		free(cg);
		return s;
	}
	free(cg);
	/* read once per code, not per coding: a node's kind does not change
	 * during the import */
	if (code->kind != NODE_CODE + 1) {
		if (codetree_get(im->p, code->id, &n) != AX_OK)
			return model_fail(im);
		if (n.kind != NODE_CODE) {
			s = fail(im, _("source '%s': a Coding applies category '%s'"),
			    sname, n.name);
			node_done(&n);
			return s;
		}
		node_done(&n);
		code->kind = NODE_CODE + 1;
	}
	g = q_guid(coding, "guid");
	if (who == 0) {
		int64_t me = 0;

		/* No known user: the acting coder. */
		if (coder_import(im->p, project_coder_login(im->p), NULL, NULL, &me) != AX_OK) {
			free(g);
			return model_fail(im);
		}
		who = me;
	}
	t = xs_attr(coding, "creationDateTime");
	if (im->cv == NULL) {
		im->cv = xcalloc(IMP_BATCH, sizeof *im->cv);
		im->cw = xcalloc(IMP_BATCH, sizeof *im->cw);
	}
	im->cv[im->ncv] = (struct coding_new){who, doc, code->id, a, b,
	    parse_time(t), g, CODING_ADDED, 0};
	free(t);
	im->cw[im->ncv].guid = g;
	im->cw[im->ncv].nref = im->nnrefs;
	add_noteref(im, coding, MEMO_CODING, 0);
	im->cw[im->ncv].endref = im->nnrefs;
	return ++im->ncv == IMP_BATCH ? flush_codings(im) : AX_OK;
}

/* Whether n has a Description with text: an empty one, which some tools
 * write for every selection, leaves nothing out. */
static bool
has_description(const xmlNode *n)
{
	const xmlNode *d = q_child(n, "Description");
	char *t = d != NULL ? q_text(d) : NULL;
	const char *q;
	bool any = false;

	for (q = t; q != NULL && *q != '\0' && !any; q++)
		any = strchr(" \t\r\n", *q) == NULL;
	free(t);
	return any;
}

static bool
origin_has(const struct imp *im, const char *s)
{
	return im->origin != NULL && strstr(im->origin, s) != NULL;
}

/*
 * Picks the reading for a source's selections: every position in range,
 * then the most selection ends on word boundaries; Project@origin orders
 * the candidates, so it decides ties. Returns -1 if none fits.
 */
static int
choose_reading(struct imp *im, const char *raw, size_t n, const struct sel *sel,
    size_t nsel, struct conv conv[READ_COUNT])
{
	int r, best = -1, order[READ_COUNT] = {READ_CP, READ_CP_CRLF1, READ_UTF16};
	long score[READ_COUNT];
	struct pos *ps = xcalloc(2 * nsel, sizeof *ps);
	size_t i;

	for (i = 0; i < nsel; i++) {
		ps[2 * i].unit = sel[i].start;
		ps[2 * i].i = 2 * i;
		ps[2 * i + 1].unit = sel[i].end;
		ps[2 * i + 1].i = 2 * i + 1;
	}
	qsort(ps, 2 * nsel, sizeof *ps, pos_cmp);
	if (origin_has(im, "ATLAS")) {
		order[0] = READ_CP_CRLF1;
		order[1] = READ_CP;
	} else if (origin_has(im, "NVivo") && !origin_has(im, "Mac")) {
		order[0] = READ_UTF16;
		order[2] = READ_CP;
	}
	for (r = 0; r < READ_COUNT; r++) {
		conv[r].cp = xcalloc(2 * nsel, sizeof *conv[r].cp);
		conv[r].boundary = xcalloc(2 * nsel, sizeof *conv[r].boundary);
		convert(raw, n, r, ps, 2 * nsel, &conv[r]);
		score[r] = 0;
		for (i = 0; i < 2 * nsel && score[r] >= 0; i++)
			score[r] = conv[r].cp[i] < 0 ? -1 : score[r] + conv[r].boundary[i];
	}
	for (i = 0; i < READ_COUNT; i++) {
		r = order[i];
		if (score[r] >= 0 && (best < 0 || score[r] > score[best]))
			best = r;
	}
	free(ps);
	return best;
}

static enum ax_status
import_source(struct imp *im, const xmlNode *src)
{
	char *g = q_guid(src, "guid"), *rawname = xs_attr(src, "name"), *name,
	    *raw = NULL, *text = NULL, *derr = NULL, *docname = NULL;
	size_t rawlen = 0, tlen = 0, nsel = 0, capsel = 0, i, tn = 0, pn = 0;
	struct sel *sel = NULL;
	struct conv conv[READ_COUNT] = {{NULL, NULL, 0}};
	const char *praw = NULL;
	const xmlNode *c;
	int64_t doc = 0, coder;
	enum ax_status s = AX_OK;
	bool skip = false, reused = false;
	int reading = READ_CP;
	char sha[65];

	if (rawname == NULL || *rawname == '\0') {
		free(rawname);
		rawname = NULL;
	}
	name = clean_name(im, NAME_DOCUMENT, rawname, g ? g : "(unnamed source)");
	if (g == NULL) {
		s = fail(im, _("source '%s' has no valid guid"), name);
		goto out;
	}
	if (gmap_get(&im->sources, g) != NULL) {
		s = fail(im, _("source GUID %s appears twice"), g);
		goto out;
	}
	if ((s = source_text(im, src, name, &raw, &rawlen, &skip)) != AX_OK || skip)
		goto out;
	if ((text = textin_decode(raw, rawlen, &tlen, &derr)) == NULL) {
		s = fail(im, _("source '%s': %s"), name, derr);
		goto out;
	}
	/* Raw text for positions: BOM stripped, line ends as written. */
	praw = raw;
	pn = rawlen;
	if (pn >= 3 && memcmp(praw, "\xef\xbb\xbf", 3) == 0) {
		praw += 3;
		pn -= 3;
	}
	if (u8_check((const uint8_t *)praw, pn) != NULL) {
		/* UTF-16 text: positions read on the decoded text. */
		praw = text;
		pn = tlen;
	}
	tn = textin_nchars(text, tlen);
	/* The document: by GUID or same text and name already here, else new. */
	textin_sha256(text, tlen, sha);
	if (doc_find_guid(im->p, g, &doc) == AX_OK) {
		struct doc_info d;

		if (doc_get(im->p, doc, &d) == AX_OK) {
			reused = strcmp(d.sha256, sha) == 0;
			doc_info_done(&d);
		}
		if (!reused) {
			s = fail(im, _("source '%s': the project already has a document "
			    "with GUID %s and different text"), name, g);
			goto out;
		}
	} else {
		int k;

		docname = xstrdup(name);
		for (k = 2; doc_find_name(im->p, docname, &doc) == AX_OK; k++) {
			free(docname);
			docname = xasprintf("%s (%d)", name, k);
		}
		if (k > 2)
			buf_printf(&im->rep, _("source '%s' imported as '%s' (the name was "
			    "taken)\n"), name, docname);
		if (doc_import_ex(im->p, docname, text, tlen, im->path, g, &doc) != AX_OK) {
			s = model_fail(im);
			goto out;
		}
		im->st->documents++;
		{
			char *ctl = textin_controls_notice(text, tlen);

			if (ctl != NULL)
				buf_printf(&im->rep, _("source %s: %s\n"), docname, ctl);
			free(ctl);
		}
	}
	gmap_put(&im->sources, g, doc, src);
	coder = user_of(im, src, im->default_coder);

	/* Selections and their readings. */
	for (c = src->children; c != NULL; c = c->next) {
		char *a, *b, *e1 = NULL, *e2 = NULL;

		if (!q_is(c, "PlainTextSelection"))
			continue;
		a = xs_attr(c, "startPosition");
		b = xs_attr(c, "endPosition");
		sel = xgrow(sel, &capsel, nsel + 1, sizeof *sel);
		sel[nsel].node = c;
		sel[nsel].start = a ? strtoll(a, &e1, 10) : -1;
		sel[nsel].end = b ? strtoll(b, &e2, 10) : -1;
		if (a == NULL || b == NULL || *e1 != '\0' || *e2 != '\0' ||
		    sel[nsel].start < 0 || sel[nsel].end < sel[nsel].start) {
			s = fail(im, _("source '%s': a PlainTextSelection has bad positions "
			    "'%s'..'%s'"), name, a ? a : "", b ? b : "");
			free(a);
			free(b);
			goto out;
		}
		free(a);
		free(b);
		nsel++;
	}
	if (nsel > 0) {
		reading = choose_reading(im, praw, pn, sel, nsel, conv);
		if (reading < 0) {
			long long mx = 0;

			for (i = 0; i < nsel; i++)
				if (sel[i].end > mx)
					mx = sel[i].end;
			s = fail(im, _("source '%s': selection end %lld is beyond its text "
			    "(%zu characters) in every reading"), name, mx, tn);
			goto out;
		}
		/* The tool the file names, not one guessed from the reading,
		 * which named NVivo for Windows for an NVivo for Mac file. */
		if (reading != READ_CP && conv[reading].total != conv[READ_CP].total &&
		    im->origin != NULL && *im->origin != '\0')
			/* TRANSLATORS: the last %s is the tool, "NVivo for Mac 15.0.0" */
			buf_printf(&im->rep, _("source '%s': positions read as %s, as "
			    "the file's writer (%s) counts them\n"), name,
			    _(reading_names[reading]), im->origin);
		else if (reading != READ_CP && conv[reading].total != conv[READ_CP].total)
			buf_printf(&im->rep, _("source '%s': positions read as %s\n"), name,
			    _(reading_names[reading]));
	}
	for (i = 0; i < nsel; i++) {
		const xmlNode *sn = sel[i].node, *k;
		int64_t a = conv[reading].cp[2 * i], b = conv[reading].cp[2 * i + 1];
		int64_t who = user_of(im, sn, coder);
		bool any = false;

		if (b <= a) {
			im->zero_sel++;
			continue;
		}
		for (k = sn->children; s == AX_OK && k != NULL; k = k->next) {
			if (q_is(k, "Coding")) {
				any = true;
				s = add_coding(im, k, who, doc, a, b, name);
			}
		}
		if (s != AX_OK)
			goto out;
		if (!any && (s = selection_comment(im, sn, doc,
		    (long long)a, (long long)b)) != AX_OK)
			goto out;
		if (any && has_description(sn))
			im->descriptions++;
		add_noteref(im, sn, MEMO_DOCUMENT, doc);
	}
	/* Codes applied to the whole source. */
	for (c = src->children; s == AX_OK && c != NULL; c = c->next)
		if (q_is(c, "Coding") && tn > 0)
			s = add_coding(im, c, coder, doc, 0, (int64_t)tn, name);
	if (s != AX_OK)
		goto out;
	add_noteref(im, src, MEMO_DOCUMENT, doc);
	if (has_description(src))
		im->descriptions++;
	/* Attributes on the source. */
	for (c = src->children; c != NULL; c = c->next) {
		if (q_is(c, "VariableValue") && (s = var_value(im, c, doc)) != AX_OK)
			goto out;
	}
out:
	for (i = 0; i < READ_COUNT; i++) {
		free(conv[i].cp);
		free(conv[i].boundary);
	}
	free(sel);
	free(g);
	free(rawname);
	free(name);
	free(raw);
	free(text);
	free(derr);
	free(docname);
	return s;
}

/* ---- notes (memos) ---- */

/* A Note's text: its PlainTextContent, else its source file decoded. */
static enum ax_status
note_body(struct imp *im, const xmlNode *n, const char *g, char **body)
{
	char *raw = NULL, *derr = NULL;
	size_t rl = 0, bl;
	bool skip;
	enum ax_status s = AX_OK;

	*body = NULL;
	if (q_child(n, "PlainTextContent") != NULL)
		*body = q_text(q_child(n, "PlainTextContent"));
	else if (source_text(im, n, "note", &raw, &rl, &skip) != AX_OK)
		s = AX_ERR_INPUT;
	else if (raw != NULL && (*body = textin_decode(raw, rl, &bl, &derr)) == NULL)
		s = fail(im, _("note %s: %s"), g, derr);
	else if (*body == NULL)
		*body = xstrdup("");
	free(raw);
	free(derr);
	return s;
}

/* Note n, whose guid g was not imported before: a memo on the first
 * object a NoteRef names. */
static enum ax_status
import_note(struct imp *im, const xmlNode *n, const char *g)
{
	char *title = NULL, *body = NULL, *t1 = NULL, *t2 = NULL, *desc = NULL;
	struct memo_import_info mi = {0, 0, 0, NULL};
	enum memo_target target = MEMO_FREE;
	enum memo_type type = MEMO_TYPE_FREE;
	const xmlNode *d;
	struct gent *e;
	int64_t tid = 0;
	int refs = 0;
	enum ax_status s;

	if ((e = gmap_get(&im->nref_first, g)) != NULL) {
		const struct noteref *r = &im->nrefs[e->id];

		refs = im->nref_count[e->id];
		if (r->id != 0 || r->target == MEMO_FREE) {
			target = r->target;
			tid = r->id;
		}
	}
	if (refs > 1)
		buf_printf(&im->rep, _("note %s is attached to %d objects; axial "
		    "keeps it on the first\n"), g, refs);
	if ((d = q_child(n, "Description")) != NULL) {
		desc = q_text(d);
		if (strncmp(desc, "axial:memo-type=", 16) == 0 &&
		    memo_type_parse(desc + 16) >= 0)
			type = (enum memo_type)memo_type_parse(desc + 16);
	}
	if ((s = note_body(im, n, g, &body)) != AX_OK)
		goto out;
	if (desc != NULL && type == MEMO_TYPE_FREE && desc[0] != '\0' &&
	    strncmp(desc, "axial:", 6) != 0 && body[0] == '\0') {
		free(body);	/* ATLAS.ti 26: the memo is the Description */
		body = desc;
		desc = NULL;
	}
	t1 = xs_attr(n, "creationDateTime");
	t2 = xs_attr(n, "modifiedDateTime");
	mi.created = parse_time(t1);
	mi.modified = parse_time(t2);
	mi.author = user_of(im, n, im->default_coder);
	mi.guid = g;
	if ((title = xs_attr(n, "name")) != NULL) {
		char *c2 = clean_name(im, NAME_MEMO_TITLE, title, "");

		free(title);
		title = c2;
	}
	if (memo_add_ex(im->p, target, tid, type, title ? title : "", body,
	    &mi, NULL) != AX_OK)
		s = model_fail(im);
	else
		im->st->memos++;
out:
	free(t1);
	free(t2);
	free(title);
	free(body);
	free(desc);
	return s;
}

static enum ax_status
import_notes(struct imp *im, const xmlNode *notes)
{
	const xmlNode *n;
	struct gent *e;
	size_t i;
	enum ax_status s = AX_OK;

	im->nref_count = xcalloc(im->nnrefs, sizeof *im->nref_count);
	for (i = 0; i < im->nnrefs; i++) {
		if ((e = gmap_get(&im->nref_first, im->nrefs[i].note)) == NULL) {
			gmap_put(&im->nref_first, im->nrefs[i].note, (int64_t)i, NULL);
			im->nref_count[i] = 1;
		} else {
			im->nref_count[e->id]++;
		}
	}
	for (n = notes ? notes->children : NULL; n != NULL && s == AX_OK;
	    n = n->next) {
		char *g;
		int64_t mid;

		if (!q_is(n, "Note"))
			continue;
		if ((g = defining_guid(im, n, &im->notes)) == NULL)
			return AX_ERR_INPUT;
		gmap_put(&im->notes, g, 0, n);
		if (memo_find_guid(im->p, g, &mid) != AX_OK)	/* else imported before */
			s = import_note(im, n, g);
		free(g);
	}
	return s;
}

/* ---- links ---- */

/* Every guid attribute of n and the tree under it, so a link end can be
 * told to be another kind of thing rather than nothing. */
static void
collect_guids(struct imp *im, const xmlNode *n)
{
	const xmlNode *c;
	char *g;

	if ((g = q_guid(n, "guid")) != NULL && gmap_get(&im->anyguid, g) == NULL)
		gmap_put(&im->anyguid, g, 0, NULL);
	free(g);
	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			collect_guids(im, c);
}

/* A link end: the node of a Code of this file, else one the project had
 * that the reader may see; 0 if g is something else of the file (*other)
 * or nothing. */
static int64_t
link_end(struct imp *im, const char *g, bool *other)
{
	struct gent *e = gmap_get(&im->codes, g);
	struct node n;
	int64_t id = 0;

	*other = false;
	if (e != NULL)
		return e->id;
	if (g != NULL && codetree_find_guid(im->p, g, &id) == AX_OK &&
	    codetree_get(im->p, id, &n) == AX_OK) {
		node_done(&n);
		return id;
	}
	*other = gmap_get(&im->anyguid, g) != NULL;
	return 0;
}

/* "link 'causes' from 'A' to 'B' (GUID)", for the report; names from the
 * file's Codes, which link_end found (or the project's nodes). */
static char *
link_desc(struct imp *im, const char *g, const char *type, int64_t from,
    int64_t to)
{
	struct node a = {0}, b = {0};
	bool ha = from != 0 && codetree_get(im->p, from, &a) == AX_OK;
	bool hb = to != 0 && codetree_get(im->p, to, &b) == AX_OK;
	char *r = xasprintf(_("link '%s' from '%s' to '%s' (%s)"), type,
	    ha ? a.name : "?", hb ? b.name : "?", g);

	if (ha)
		node_done(&a);
	if (hb)
		node_done(&b);
	return r;
}

/*
 * The type named name: a built-in's key or name, or the project's type of
 * that name, else a new one with the Link's colour (reported). A name that
 * starts with '#' is a name here, never a "#ID". NULL, or why not (a name
 * that holds control characters, one that names two types).
 */
static char *
link_type_of(struct imp *im, const char *name, const char *color,
    int64_t *type)
{
	char *why;

	if ((why = name_check(NAME_LINK_TYPE, name)) != NULL)
		return why;
	if (name[0] != '#') {
		enum ax_status s = link_type_find(im->p, name, type);

		if (s == AX_OK)
			return NULL;
		if (s != AX_ERR_NOTFOUND)
			return xstrdup(project_errmsg(im->p));
	}
	if (link_type_add(im->p, name, color != NULL && color_ok(color) ?
	    color : "", type) != AX_OK)
		return xstrdup(project_errmsg(im->p));
	buf_printf(&im->rep, _("link type '%s' added (a link's name in the "
	    "file)\n"), name);
	return NULL;
}

/* Whether node `to` is part of node `from` already, through "is part of"
 * links (visited: the nodes walked, so a damaged file's loop ends). */
static bool
part_of_reaches(struct imp *im, int64_t to, int64_t from)
{
	int64_t *todo = xmalloc(sizeof *todo);
	struct gmap seen = {0};
	size_t n = 1, cap = 1, i;
	bool found = false;

	todo[0] = to;
	while (n > 0 && !found) {
		int64_t at = todo[--n];
		struct link *v = NULL;
		size_t nv = 0;
		char key[24];

		snprintf(key, sizeof key, "%lld", (long long)at);
		if (gmap_get(&seen, key) != NULL)
			continue;
		gmap_put(&seen, key, at, NULL);
		found = at == from;
		if (link_list(im->p, at, &v, &nv) != AX_OK)
			break;
		for (i = 0; i < nv; i++)
			if (v[i].type == LINK_TYPE_PART_OF && v[i].from == at) {
				todo = xgrow(todo, &cap, n + 1, sizeof *todo);
				todo[n++] = v[i].to;
			}
		link_list_free(v, nv);
	}
	free(todo);
	gmap_free(&seen);
	return found;
}

/*
 * Why the model would refuse the link (link.h's invariants), found before
 * link_add_ex is called: a refusal inside the import's action would roll
 * the whole import back, and one link axial cannot take must not cost the
 * rest of the file. NULL when it may be added.
 */
static char *
link_refusal(struct imp *im, int64_t from, int64_t to, int64_t type,
    bool directed)
{
	struct link *v = NULL;
	size_t n = 0, i;
	char *why = NULL;

	if (from == to)
		return xstrdup(_("it joins a code to itself"));
	if (type == LINK_TYPE_PART_OF && !directed)
		return xstrdup(_("\"is part of\" goes one way, and this link has "
		    "no direction (OneWay)"));
	if (link_list(im->p, from, &v, &n) != AX_OK)
		return xstrdup(project_errmsg(im->p));
	for (i = 0; i < n && why == NULL; i++)
		if (v[i].type == type && ((v[i].from == from && v[i].to == to) ||
		    (v[i].from == to && v[i].to == from && (!v[i].directed ||
		    !directed))))
			why = xasprintf(_("the two are already linked so (link "
			    "#%lld)"), (long long)v[i].id);
	link_list_free(v, n);
	if (why == NULL && type == LINK_TYPE_PART_OF &&
	    part_of_reaches(im, to, from))
		why = xstrdup(_("\"is part of\" would go round in a loop: a part "
		    "would contain itself"));
	return why;
}

/*
 * Links/Link between Codes, before the Notes so that a Link's NoteRef
 * finds its link. A Link axial cannot take is left out with a report line
 * naming it; the rest of the file goes on.
 */
static enum ax_status
import_links(struct imp *im, const xmlNode *links)
{
	const xmlNode *l;
	struct gmap seen = {0};
	enum ax_status s = AX_OK;

	for (l = links ? links->children : NULL; l != NULL && s == AX_OK;
	    l = l->next) {
		char *g, *og, *tg, *raw, *dir, *color, *name = NULL, *why = NULL,
		    *desc = NULL;
		int64_t from, to, type, id;
		bool ofrom, oto, directed;
		const xmlNode *c;

		if (!q_is(l, "Link"))
			continue;
		g = q_guid(l, "guid");
		og = q_guid(l, "originGUID");
		tg = q_guid(l, "targetGUID");
		raw = xs_attr(l, "name");
		dir = xs_attr(l, "direction");
		color = xs_attr(l, "color");
		from = link_end(im, og, &ofrom);
		to = link_end(im, tg, &oto);
		/* no name: the file says only that the two are related */
		name = xstrdup(raw != NULL && *raw != '\0' ? raw : "related");
		if (g == NULL) {
			why = xstrdup(_("it has no valid guid"));
		} else if (gmap_get(&seen, g) != NULL) {
			why = xstrdup(_("its GUID appears twice in the file; the "
			    "first is kept"));
		} else if (link_find_guid(im->p, g, &id) == AX_OK) {
			gmap_put(&seen, g, id, l);	/* imported before */
			goto next;
		} else if ((from == 0 && ofrom) || (to == 0 && oto)) {
			im->left_links++;	/* a source, a segment, a note */
			gmap_put(&seen, g, 0, l);
			goto next;
		} else if (from == 0 || to == 0) {
			why = xasprintf(_("its %s %s is nothing in the file"),
			    from == 0 ? "originGUID" : "targetGUID",
			    from == 0 ? (og ? og : "(none)") : (tg ? tg : "(none)"));
		}
		if (g != NULL && gmap_get(&seen, g) == NULL)
			gmap_put(&seen, g, 0, l);
		directed = dir != NULL && strcmp(dir, "OneWay") == 0;
		if (why == NULL && (why = link_type_of(im, name, color,
		    &type)) == NULL && (why = link_refusal(im, from, to, type,
		    directed)) == NULL) {
			struct link_import_info li = {g, 0, 0};

			im->bidir_links += dir != NULL &&
			    strcmp(dir, "Bidirectional") == 0;
			if (link_add_ex(im->p, from, to, type, directed, NULL, &li,
			    &id) != AX_OK) {	/* the action is lost: stop */
				s = model_fail(im);
			} else {
				im->st->links++;
				/* its memo: the first note it refers to */
				for (c = l->children; c != NULL; c = c->next)
					if (q_is(c, "NoteRef"))
						break;
				if (c != NULL)
					add_noteref_one(im, c, MEMO_LINK, id);
			}
		}
		if (why != NULL && s == AX_OK) {
			desc = link_desc(im, g != NULL ? g : "?", name, from, to);
			/* TRANSLATORS: %s is "link 'TYPE' from 'A' to 'B' (GUID)" */
			buf_printf(&im->rep, _("%s left out: %s\n"), desc, why);
		}
next:
		free(g);
		free(og);
		free(tg);
		free(raw);
		free(dir);
		free(color);
		free(name);
		free(why);
		free(desc);
	}
	gmap_free(&seen);
	return s;
}

/* ---- the whole file ---- */

static void
count_children(const xmlNode *n, const char *name, int64_t *k)
{
	const xmlNode *c;

	for (c = n ? n->children : NULL; c != NULL; c = c->next)
		if (q_is(c, name))
			(*k)++;
}

static long
qde_read(void *r, char *buf, size_t n)
{
	return zs_reader_read(r, buf, n);
}

/*
 * One walk of project.qde as it inflates (xs_stream_io), each given its
 * sources: returns as xs_stream_io does, with the archive's message when the
 * entry is damaged. A walk that ends reads the entry to its end, so its
 * size and checksum are checked.
 */
static int
qde_walk(struct imp *im, xs_each_fn each, void **skel, char **err)
{
	struct zs_reader *r = zs_reader_open(&im->zip, im->qde, err);
	char *zerr = NULL, rest[256];
	int rc;

	if (r == NULL)
		return -1;
	rc = xs_stream_io(qde_read, r, "project.qde", "Sources", each, im,
	    skel, err);
	while (rc == 0 && zs_reader_read(r, rest, sizeof rest) > 0)
		;
	if (zs_reader_close(r, &zerr) != 0 && (rc == 0 || rc == -2)) {
		if (skel != NULL) {
			xs_free(*skel);
			*skel = NULL;
		}
		free(*err);
		*err = zerr;
		return -1;
	}
	free(zerr);
	if (rc == -2) {	/* the reader failed but said nothing: not expected */
		*err = xstrdup(_("project.qde could not be read"));
		return -1;
	}
	return rc;
}

/* xs_stream_io's first walk of project.qde: which codes are coded, before
 * the codebook goes in. */
static int
scan_source(void *ctx, xmlNode *src)
{
	collect_coded(ctx, src);
	return 0;
}

/* Its second: a source at a time, freed once it is in. */
static int
stream_source(void *ctx, xmlNode *src)
{
	struct imp *im = ctx;

	if (im->want_guids)
		collect_guids(im, src);
	if (!q_is(src, "TextSource")) {
		im->left_media++;
		return 0;
	}
	im->stream_status = import_source(im, src);
	return im->stream_status != AX_OK;
}

/* root: project.qde without its sources' children, which are read from
 * im->qde a source at a time (xs_stream_io). */
static enum ax_status
import_project(struct imp *im, const xmlNode *root)
{
	const xmlNode *cb;
	char *g, *raw, *title, *cur, *xerr = NULL;
	struct gent *e;
	enum ax_status s;
	int rc;

	if ((s = import_users(im, q_child(root, "Users"))) != AX_OK)
		return s;
	g = q_guid(root, "creatingUserGUID");
	if ((e = gmap_get(&im->users, g)) != NULL)
		im->default_coder = e->id;
	free(g);
	cb = q_child(root, "CodeBook");
	if ((s = import_codes(im, q_child(cb, "Codes"))) != AX_OK)
		return s;
	import_variables(im, q_child(root, "Variables"));
	/* only a link end asks for every GUID (a walk of every element: a
	 * twentieth of a large import's time) */
	im->want_guids = q_child(root, "Links") != NULL;
	rc = qde_walk(im, stream_source, NULL, &xerr);
	if (rc < 0) {
		s = fail(im, "%s", xerr);
		free(xerr);
		return s;
	}
	if (rc > 0)
		return im->stream_status;
	/* the rest of the codings; the notes need their ids */
	if ((s = flush_codings(im)) != AX_OK)
		return s;
	if ((s = import_cases(im, q_child(root, "Cases"))) != AX_OK)
		return s;
	if (im->want_guids)
		collect_guids(im, root);	/* the Sources' are in */
	if ((s = import_links(im, q_child(root, "Links"))) != AX_OK)
		return s;
	add_noteref(im, root, MEMO_FREE, 0);
	if ((s = import_notes(im, q_child(root, "Notes"))) != AX_OK)
		return s;
	if ((s = import_sets(im, q_child(root, "Sets"))) != AX_OK)
		return s;
	count_children(q_child(root, "Graphs"), "Graph", &im->left_graphs);
	raw = xs_attr(root, "name");
	title = raw != NULL ? clean_name(im, NAME_TITLE, raw, "") : NULL;
	cur = project_setting(im->p, "title");
	if (title != NULL && *title != '\0' && (cur == NULL || *cur == '\0'))
		project_set_setting(im->p, "title", title);
	free(raw);
	free(title);
	free(cur);
	return AX_OK;
}

static void
report_left_out(struct imp *im)
{
	if (im->left_media > 0)
		buf_printf(&im->rep, _("left out %lld picture, PDF, audio or video "
		    "sources (axial holds text only)\n"), (long long)im->left_media);
	if (im->left_links > 0)
		buf_printf(&im->rep, _("left out %lld links that join sources, "
		    "segments or notes (axial links codes and categories only)\n"),
		    (long long)im->left_links);
	if (im->bidir_links > 0)
		buf_printf(&im->rep, _("%lld Bidirectional links came in "
		    "undirected (an axial link runs one way or has no "
		    "direction)\n"), (long long)im->bidir_links);
	if (im->left_graphs > 0)
		buf_printf(&im->rep, _("left out %lld graphs\n"), (long long)im->left_graphs);
	if (im->left_sets > 0)
		buf_printf(&im->rep, _("left out %lld sets\n"), (long long)im->left_sets);
	if (im->zero_sel > 0)
		buf_printf(&im->rep, _("left out %lld empty selections\n"),
		    (long long)im->zero_sel);
	if (im->ctl_names > 0)
		buf_printf(&im->rep, ngettext("%lld name had control characters, "
		    "bidi controls or invisible characters: the controls became "
		    "spaces, the invisible characters were removed\n", "%lld names "
		    "had control characters, bidi controls or invisible characters: "
		    "the controls became spaces, the invisible characters were "
		    "removed\n", (unsigned long)im->ctl_names),
		    (long long)im->ctl_names);
	if (im->long_names > 0)
		buf_printf(&im->rep, ngettext("%lld name longer than the limit was "
		    "cut to it (%d characters for names, %d for titles and values)\n",
		    "%lld names longer than the limit were cut to it (%d characters "
		    "for names, %d for titles and values)\n",
		    (unsigned long)im->long_names), (long long)im->long_names,
		    NAME_MAX_CHARS, LABEL_MAX_CHARS);
	if (im->descriptions > 0)
		buf_printf(&im->rep, _("left out %lld descriptions of sources or coded "
		    "selections\n"), (long long)im->descriptions);
	if (im->comments > 0)
		buf_printf(&im->rep, _("%lld uncoded selections with comments became "
		    "document memos\n"), (long long)im->comments);
	if (im->st->skipped > 0)
		buf_printf(&im->rep, _("%lld codings were already in the project\n"),
		    (long long)im->st->skipped);
}

/* The .qde of a .qdpx: project.qde, else the only *.qde at the root. */
static const struct zs_entry *
find_qde(struct imp *im)
{
	const struct zs_entry *e = zs_find(&im->zip, "project.qde", true), *one = NULL;
	size_t i, n = 0;

	if (e != NULL)
		return e;
	for (i = 0; i < im->zip.n; i++) {
		const char *nm = im->zip.e[i].name;
		size_t l = strlen(nm);

		if (strchr(nm, '/') == NULL && l > 4 && strcasecmp(nm + l - 4, ".qde") == 0) {
			one = &im->zip.e[i];
			n++;
		}
	}
	if (n > 1) {
		fail(im, _("holds %zu .qde files at its root; expected one"), n);
		return NULL;
	}
	if (n == 0)
		fail(im, _("has no project.qde (not a REFI-QDA project)"));
	return one;
}

static void
imp_done(struct imp *im)
{
	size_t i;

	zs_free(&im->zip);
	gmap_free(&im->users);
	gmap_free(&im->codes);
	gmap_free(&im->coded);
	gmap_free(&im->sources);
	gmap_free(&im->notes);
	gmap_free(&im->vars);
	gmap_free(&im->anyguid);
	free(im->mine);
	gmap_free(&im->suffix);
	for (i = 0; i < im->nnrefs; i++)
		free(im->nrefs[i].note);
	free(im->nrefs);
	for (i = 0; i < im->ncv; i++)
		free(im->cw[i].guid);
	free(im->cv);
	free(im->cw);
	gmap_free(&im->nref_first);
	free(im->nref_count);
	buf_done(&im->rep);
	free(im->err);
}

enum ax_status
refi_import_data(struct project *p, const char *path, const char *data,
    size_t len, bool qdc, struct refi_stats *st, char **err)
{
	return refi_import_data_max(p, path, data, len, 0, qdc, st, err);
}

/*
 * The import itself: of the archive im->zip already opened (a .qdpx), or
 * of the codebook x[0..xl) (qdc). Returns with *err set on failure and
 * st->report on success.
 */
static enum ax_status
import_opened(struct imp *im, const char *x, size_t xl, bool qdc,
    char **err)
{
	xmlDoc *doc = NULL;
	xmlNode *root;
	enum ax_status s = AX_OK;
	char *origin = NULL, *xerr = NULL;
	void *skel = NULL;

	if (!qdc && (im->qde = find_qde(im)) == NULL) {
		s = AX_ERR_INPUT;
		goto out;
	}
	if (qdc && xl >= 3 && memcmp(x, "\xef\xbb\xbf", 3) == 0) {
		x += 3;
		xl -= 3;
	}
	/* project.qde is read twice as it inflates, a source at a time: here
	 * for the coded codes, then to import them */
	if (qdc)
		doc = xs_parse(x, xl, _("the codebook"), &xerr);
	else if (qde_walk(im, scan_source, &skel, &xerr) == 0)
		doc = skel;
	if (doc == NULL) {
		s = fail(im, "%s", xerr);
		free(xerr);
		goto out;
	}
	root = xmlDocGetRootElement(doc);
	origin = xs_attr(root, "origin");
	im->origin = origin;
	if (qdc) {
		if (!q_is(root, "CodeBook")) {
			s = fail(im, _("the root element is <%s>, not a REFI-QDA "
			    "<CodeBook>"), (const char *)root->name);
			goto out;
		}
		if ((s = import_codes(im, q_child(root, "Codes"))) == AX_OK)
			s = import_sets(im, q_child(root, "Sets"));
	} else {
		if (!q_is(root, "Project")) {
			s = fail(im, _("project.qde's root element is <%s>, not a "
			    "REFI-QDA <Project>"), (const char *)root->name);
			goto out;
		}
		s = import_project(im, root);
	}
	if (s == AX_OK)
		report_left_out(im);
out:
	if (s != AX_OK)
		*err = im->err != NULL ? xstrdup(im->err) : xstrdup(_("import failed"));
	else
		im->st->report = im->rep.s != NULL ? xstrdup(im->rep.s) : NULL;
	im->origin = NULL;
	free(origin);
	xs_free(doc);
	imp_done(im);
	return s;
}

static void
imp_init(struct imp *im, struct project *p, const char *path,
    struct refi_stats *st)
{
	memset(im, 0, sizeof *im);
	memset(st, 0, sizeof *st);
	im->p = p;
	im->path = path;
	im->st = st;
}

enum ax_status
refi_import_data_max(struct project *p, const char *path, const char *data,
    size_t len, uint64_t max, bool qdc, struct refi_stats *st, char **err)
{
	struct imp im;

	imp_init(&im, p, path, st);
	*err = NULL;
	if (!qdc && zs_open_max(data, len, max, &im.zip, err) != 0) {
		imp_done(&im);
		return AX_ERR_INPUT;
	}
	return import_opened(&im, data, len, qdc, err);
}

enum ax_status
refi_import(struct project *p, const char *path, uint64_t max,
    struct refi_stats *st, char **err)
{
	struct imp im;
	uint64_t size;
	size_t len;
	char *data;
	enum ax_status s;
	int fd, rc;

	memset(st, 0, sizeof *st);
	*err = NULL;
	if (importer_kind(path) == IMPORTER_QDC) {
		if ((data = textin_read(path, TEXTIN_IMPORT, max, &len, err)) == NULL)
			return AX_ERR_IO;
		s = refi_import_data_max(p, path, data, len, max, true, st, err);
		free(data);
		return s;
	}
	/* a .qdpx is read from the file as its entries are wanted */
	if ((fd = textin_open_max(path, TEXTIN_IMPORT, max, &size, err)) < 0)
		return AX_ERR_IO;
	imp_init(&im, p, path, st);
	rc = zs_open_fd_max(fd, size, max, &im.zip, err);
	close(fd);
	if (rc != 0) {
		imp_done(&im);
		return AX_ERR_INPUT;
	}
	return import_opened(&im, NULL, 0, false, err);
}
