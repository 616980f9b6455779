/*
 * merge.c: adding a coder's copy of the project (another axial project, or
 * a .qdpx exported from one or from another tool) to this one.
 *
 * Only codings (and the memos written on them) come across, under their
 * own coders. A document is matched by the SHA-256 of its stored text, so
 * renaming does not matter and a changed transcript is never coded by
 * mistake; a code by GUID, then by its path of names from the top, with the
 * same kind. What cannot be matched is reported, not created: the codebook
 * stays the lead's. A coding already present (same GUID, or same document,
 * code, coder and span) is skipped, so a second merge adds nothing.
 *
 * A .qdpx is first imported into a temporary project (with every REFI-QDA
 * check of refi-import.c) and merged from there.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/blind.h"
#include "store/coder.h"
#include "store/codetree.h"
#include "store/coding.h"
#include "store/document.h"
#include "exchange/exchange.h"
#include "base/i18n.h"
#include "store/memo.h"
#include "text/name.h"
#include "base/textin.h"
#include "exchange/exchange-int.h"

/* The node in p matching node id of other, or 0. */
static int64_t
match_node(struct project *p, struct project *other, int64_t id)
{
	struct node n;
	int64_t chain[128], at = 0, found;
	int depth = 0, i;
	enum node_kind kind;

	if (codetree_get(other, id, &n) != AX_OK)
		return 0;
	kind = n.kind;
	if (codetree_find_guid(p, n.guid, &found) == AX_OK) {
		struct node m;
		bool same = codetree_get(p, found, &m) == AX_OK && m.kind == kind;

		if (same) {
			node_done(&m);
			node_done(&n);
			return found;
		}
		node_done(&m);
	}
	/* By path: collect ancestors, then walk down in p. */
	chain[depth++] = id;
	while (n.parent != 0 && depth < (int)AX_ARRAY_LEN(chain)) {
		int64_t parent = n.parent;

		node_done(&n);
		if (codetree_get(other, parent, &n) != AX_OK)
			return 0;
		chain[depth++] = parent;
	}
	node_done(&n);
	for (i = depth - 1; i >= 0; i--) {
		struct node c;

		if (codetree_get(other, chain[i], &c) != AX_OK)
			return 0;
		if (codetree_find_child(p, at, c.name, &found) != AX_OK) {
			node_done(&c);
			return 0;
		}
		node_done(&c);
		at = found;
	}
	if (codetree_get(p, at, &n) != AX_OK)
		return 0;
	found = n.kind == kind ? at : 0;
	node_done(&n);
	return found;
}

struct seen {
	int64_t *v;
	size_t n, cap;
};

static bool
seen_once(struct seen *s, int64_t id)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->v[i] == id)
			return false;
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->v[s->n++] = id;
	return true;
}

static enum ax_status
merge_from(struct project *p, struct project *other, struct refi_stats *st,
    struct buf *rep, char **err)
{
	struct coder *oc = NULL;
	struct coding *v = NULL;
	struct seen bad_docs = {0}, bad_nodes = {0};
	size_t noc = 0, nv = 0, i, j;
	int64_t *coder_map = NULL;
	enum ax_status s = AX_OK;

	{
		/* A copy still in a hidden blind session shows each reader only
		 * their own codings: merging it would silently drop the rest. */
		struct blind_status b;
		bool hidden = blind_status(other, &b) == AX_OK && b.hidden;

		blind_status_done(&b);
		if (hidden) {
			*err = xstrdup(_("a blind session is still open there (not every "
			    "coder has marked their coding done), so its codings cannot "
			    "be read; finish or lift it first"));
			return AX_ERR_PERM;
		}
	}
	if (coder_list(other, &oc, &noc) != AX_OK ||
	    coding_list(other, NULL, &v, &nv) != AX_OK) {
		*err = xstrdup(project_errmsg(other));
		s = AX_ERR_IO;
		goto out;
	}
	coder_map = xcalloc(noc + 1, sizeof *coder_map);
	/* A file from elsewhere (or an older axial) may hold display names this
	 * one refuses: cleaned, as an import cleans them (name.h). */
	for (j = 0; j < noc; j++) {
		char *dn = name_clean(NAME_CODER_NAME, oc[j].name, oc[j].login, 0, NULL);

		free(oc[j].name);
		oc[j].name = dn;
	}
	for (i = 0; i < nv; i++) {
		struct coding *c = &v[i];
		struct doc_info d;
		int64_t doc = 0, node, coder = 0, id = 0;
		struct memo *m = NULL;
		size_t nm = 0;

		if (doc_get(other, c->doc, &d) != AX_OK)
			continue;
		if (doc_find_sha256(p, d.sha256, &doc) != AX_OK) {
			if (seen_once(&bad_docs, c->doc))
				buf_printf(rep, _("document '%s' is not in the project (no "
				    "document has the same text): its codings were not "
				    "merged\n"), d.name);
			doc_info_done(&d);
			continue;
		}
		doc_info_done(&d);
		if ((node = match_node(p, other, c->node)) == 0) {
			if (seen_once(&bad_nodes, c->node)) {
				char *path = codetree_path(other, c->node);

				buf_printf(rep, _("code '%s' matches no code in the project "
				    "(by GUID or path): its codings were not merged\n"),
				    path ? path : "?");
				free(path);
			}
			continue;
		}
		for (j = 0; j < noc; j++) {
			if (oc[j].id != c->coder)
				continue;
			if (coder_map[j] == 0) {
				int64_t before = 0;
				bool existed = coder_find(p, oc[j].login, &before) == AX_OK;

				if (coder_import(p, oc[j].login, oc[j].name, oc[j].guid,
				    &coder_map[j]) != AX_OK) {
					*err = xstrdup(project_errmsg(p));
					s = AX_ERR_INPUT;
					goto out;
				}
				if (!existed && before == 0)
					st->coders++;
			}
			coder = coder_map[j];
		}
		if (coder == 0)
			continue;
		if (coding_find_guid(p, c->guid, &id) == AX_OK ||
		    coding_exists(p, doc, node, coder, c->start, c->end)) {
			st->skipped++;
			continue;
		}
		if (coding_add_as(p, coder, doc, node, c->start, c->end, c->guid,
		    c->created, &id) != AX_OK) {
			*err = xstrdup(project_errmsg(p));
			s = AX_ERR_INPUT;
			goto out;
		}
		st->codings++;
		/* Memos on the coding come with it. */
		memo_list(other, MEMO_CODING, c->id, &m, &nm);
		for (j = 0; j < nm && s == AX_OK; j++) {
			struct memo_import_info mi = {0, m[j].created, m[j].modified,
			    m[j].guid};
			int64_t mid;
			size_t k;
			char *title;

			if (memo_find_guid(p, m[j].guid, &mid) == AX_OK)
				continue;
			for (k = 0; k < noc; k++)
				if (strcmp(oc[k].login, m[j].author) == 0)
					coder_import(p, oc[k].login, oc[k].name, oc[k].guid,
					    &mi.author);
			title = name_clean(NAME_MEMO_TITLE, m[j].title, "", 0, NULL);
			if (memo_add_ex(p, MEMO_CODING, id, m[j].type, title,
			    m[j].body, &mi, NULL) != AX_OK) {
				*err = xstrdup(project_errmsg(p));
				s = AX_ERR_INPUT;
			} else {
				st->memos++;
			}
			free(title);
		}
		memo_list_free(m, nm);
		if (s != AX_OK)
			goto out;
	}
out:
	free(bad_docs.v);
	free(bad_nodes.v);
	free(coder_map);
	free(v);
	coder_list_free(oc, noc);
	return s;
}

/* Imports a .qdpx into a new temporary project; *dir to remove after. */
static enum ax_status
qdpx_to_project(const char *qdpx, uint64_t max, struct project **tp,
    char **dir, char **tpath, char **err)
{
	const char *tmp = getenv("TMPDIR");
	char *d, *data, *oerr = NULL;
	struct refi_stats ist;
	size_t len;
	enum ax_status s;

	*tp = NULL;
	*tpath = NULL;
	*dir = NULL;
	if ((data = textin_read(qdpx, TEXTIN_MERGE, max, &len, err)) == NULL)
		return AX_ERR_IO;
	d = xasprintf("%s/axial-merge-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(d) == NULL) {
		*err = xasprintf(_("cannot make a temporary directory: %s"), strerror(errno));
		free(d);
		free(data);
		return AX_ERR_IO;
	}
	*dir = d;
	*tpath = xasprintf("%s/other.axial", d);
	if (project_open(*tpath, PROJECT_CREATE, NULL, tp, &oerr) != AX_OK) {
		*err = oerr;
		free(data);
		return AX_ERR_IO;
	}
	if ((s = project_begin(*tp, "import")) != AX_OK) {
		*err = xstrdup(project_errmsg(*tp));
		free(data);
		return s;
	}
	s = refi_import_data(*tp, qdpx, data, len, false, &ist, err);
	free(data);
	refi_stats_done(&ist);
	if (s != AX_OK) {
		project_rollback(*tp);
		return s;
	}
	if ((s = project_commit(*tp)) != AX_OK)
		*err = xstrdup(project_errmsg(*tp));
	return s;
}

enum ax_status
merge_project(struct project *p, const char *other, uint64_t max,
    struct refi_stats *st, char **err)
{
	struct project *op = NULL;
	char *dir = NULL, *tpath = NULL, *oerr = NULL;
	struct buf rep = {0};
	enum importer_kind kind = importer_kind(other);
	uint64_t size;
	enum ax_status s;
	int fd;

	memset(st, 0, sizeof *st);
	*err = NULL;
	if (kind == IMPORTER_QDC) {
		*err = xstrdup(_("a codebook holds no codings to merge; use axial "
		    "import for a .qdc"));
		return AX_ERR_INPUT;
	}
	if (kind == IMPORTER_QDPX) {
		s = qdpx_to_project(other, max, &op, &dir, &tpath, err);
	} else if ((fd = textin_open(other, TEXTIN_MERGE, &size, err)) < 0) {
		/* A FIFO or a device, refused before SQLite opens it (and
		 * blocks on it); what is swapped in after this gets SQLite's
		 * own checks. */
		s = AX_ERR_INPUT;
	} else {
		close(fd);
		s = project_open(other, PROJECT_READONLY, NULL, &op, &oerr);
		if (s != AX_OK) {
			/* project_open's message already names the file. */
			const char *m = oerr ? oerr : "cannot open";
			size_t ol = strlen(other);

			if (strncmp(m, other, ol) == 0 && m[ol] == ':' && m[ol + 1] == ' ')
				m += ol + 2;
			*err = xstrdup(m);
			free(oerr);
		}
	}
	if (s == AX_OK)
		s = merge_from(p, op, st, &rep, err);
	project_close(op);
	if (tpath != NULL) {
		char *wal = xasprintf("%s-wal", tpath), *shm = xasprintf("%s-shm", tpath);

		unlink(tpath);
		unlink(wal);
		unlink(shm);
		free(wal);
		free(shm);
		free(tpath);
	}
	if (dir != NULL) {
		rmdir(dir);
		free(dir);
	}
	st->report = rep.s != NULL ? buf_take(&rep) : NULL;
	buf_done(&rep);
	return s;
}
