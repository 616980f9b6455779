/*
 * link.h: relations between codes and categories (axial coding), their
 * types, the evidence behind each, and the core category (selective
 * coding).
 *
 * A link joins two nodes (codes or categories), from -> to when directed,
 * with a type. The paradigm model's types are built in (LINK_TYPE_*, their
 * names translated when shown); a project adds its own, named in the
 * study's language with an optional colour. A link carries an optional
 * memo (a memo whose target is MEMO_LINK: memo.h) and evidence: codings
 * that show the relation. Every change is an action in the log that undo
 * takes back; a link is dropped with either end (codetree_remove) and
 * follows a merged code (codetree_merge: the merged code's links move to
 * the code kept, a link that would then join a node to itself is
 * dropped, and two links that become the same fold into one with the
 * evidence of both). While a blind session hides the other coders' work
 * (blind.h), links they made are not listed, like their codes.
 *
 * Invariants: from != to; both ends exist; no two links share (from, to,
 * type), nor, undirected, (to, from, type); the "is part of" links form no
 * cycle (a part never contains itself).
 */
#ifndef AXIAL_LINK_H
#define AXIAL_LINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/project.h"

/* The built-in types, by their row id in every project (schema v6). */
enum link_builtin {
	LINK_TYPE_CAUSES = 1,	/* "causes": a causal condition -> phenomenon */
	LINK_TYPE_CONTEXT,	/* "context": is the context of */
	LINK_TYPE_INTERVENES,	/* "intervenes": intervenes in */
	LINK_TYPE_STRATEGY,	/* "strategy": is a strategy for */
	LINK_TYPE_LEADS_TO,	/* "leads-to": leads to (consequences) */
	LINK_TYPE_PART_OF,	/* "part-of": is part of (acyclic) */
	LINK_TYPE_CONTRADICTS,	/* "contradicts" */
};
#define LINK_BUILTIN_COUNT 7
/* A built-in type's English name ("causes", "is the context of", ...), as
 * the log and machine-readable output give it (translate it with _() to
 * show it), or NULL for any other id. */
const char *link_builtin_name(int64_t id);
/* A built-in type's short name ("causes", "context", ...), or NULL. */
const char *link_builtin_key(int64_t id);

struct link_type {
	int64_t id;
	char *key;		/* a built-in's short name ("causes"), or NULL */
	char *name;		/* as shown: translated built-in, or the user's */
	char *color;		/* "#rrggbb" or "" */
};
void link_type_list_free(struct link_type *t, size_t n);
/* Built-in types first (in enum order), then the project's by name. */
enum ax_status link_type_list(struct project *p, struct link_type **out,
    size_t *n);
/* A new type; refuses an empty name, control characters, and a name that
 * folds (name_fold) like an existing type's. */
enum ax_status link_type_add(struct project *p, const char *name,
    const char *color, int64_t *id);
/* By a built-in's short name, its translated or English name, a user
 * type's name (folded), or "#ID"; not found names the closest. */
enum ax_status link_type_find(struct project *p, const char *name, int64_t *id);

struct link {
	int64_t id;
	int64_t from, to;	/* node ids */
	int64_t type;		/* link_types row id */
	bool directed;
	int64_t author;		/* coders row id */
	int64_t created;	/* Unix seconds */
	char *guid;
	size_t nevidence;	/* codings attached */
	int64_t memo;		/* the link's memo id, 0 if none */
};
void link_done(struct link *l);
void link_list_free(struct link *l, size_t n);

/*
 * Adds a link with an optional memo (NULL or "": none), one action.
 * Refused, with nothing changed: from == to, an end that does not exist,
 * a link that already joins the two with that type, a "part-of" that
 * closes a cycle.
 */
enum ax_status link_add(struct project *p, int64_t from, int64_t to,
    int64_t type, bool directed, const char *memo, int64_t *id);
/* For importers and merge: link_add keeping the other tool's GUID (NULL: a
 * new one), author (0: the acting coder) and creation time (0: now). */
struct link_import_info {
	const char *guid;
	int64_t author, created;
};
enum ax_status link_add_ex(struct project *p, int64_t from, int64_t to,
    int64_t type, bool directed, const char *memo,
    const struct link_import_info *li, int64_t *id);
/*
 * What link_add, link_evidence_add and link_core_set would refuse, checked
 * without changing anything: AX_OK, or the status they would return with
 * the same message (project_errmsg). For importers and merge, which check
 * first: a refusal inside their one action would roll all of it back.
 */
enum ax_status link_check(struct project *p, int64_t from, int64_t to,
    int64_t type, bool directed);
enum ax_status link_evidence_check(struct project *p, int64_t link,
    int64_t coding);
enum ax_status link_core_check(struct project *p, int64_t node);
enum ax_status link_get(struct project *p, int64_t id, struct link *out);
/* By GUID (compared in lower case); AX_ERR_NOTFOUND if none. */
enum ax_status link_find_guid(struct project *p, const char *guid,
    int64_t *id);
/* Every link the acting coder may see (node 0), or those with node at
 * either end; ordered by id. */
enum ax_status link_list(struct project *p, int64_t node, struct link **out,
    size_t *n);
enum ax_status link_remove(struct project *p, int64_t id);
enum ax_status link_set_type(struct project *p, int64_t id, int64_t type);
/* Sets, replaces or (NULL or "") removes the link's memo. */
enum ax_status link_set_memo(struct project *p, int64_t id, const char *text);
/* Attaches a coding as evidence (refused twice, or a coding that does not
 * exist), or detaches it. */
enum ax_status link_evidence_add(struct project *p, int64_t link,
    int64_t coding);
enum ax_status link_evidence_remove(struct project *p, int64_t link,
    int64_t coding);
/* The codings attached to link, by document order (doc position, start). */
enum ax_status link_evidence_list(struct project *p, int64_t link,
    int64_t **codings, size_t *n);

/* Selective coding: marks a category as the project's core category (0
 * clears it), one action; a code is refused. */
enum ax_status link_core_set(struct project *p, int64_t node);
/* The core category's node id, 0 if none is marked. */
enum ax_status link_core_get(struct project *p, int64_t *node);

#endif
