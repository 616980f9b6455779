/*
 * codetree.h: codes and categories in one tree.
 *
 * A node is a code (applied to text) or a category (groups nodes). Nodes
 * nest under categories, up to CODETREE_MAX_DEPTH levels; codes have no
 * children. A top-level category may carry a paradigm role. Names are
 * NFC-normalised and unique among siblings; a node is found by its path
 * ("Main/Sub/code"), by its bare name when that is unique in the tree, or
 * by "#ID".
 */
#ifndef AXIAL_CODETREE_H
#define AXIAL_CODETREE_H

#include <stddef.h>
#include <stdint.h>

#include "store/project.h"

enum node_kind { NODE_CODE, NODE_CATEGORY };

/* Levels of the tree at most (a top-level node is level 1): adding or
 * moving past it is refused, and a file deeper than it is not opened. */
#define CODETREE_MAX_DEPTH 100

/* In paradigm-model order; the tree lists role categories in this order. */
enum paradigm_role {
	ROLE_NONE,
	ROLE_CENTRAL,
	ROLE_CAUSAL,
	ROLE_CONTEXTUAL,
	ROLE_INTERVENING,
	ROLE_STRATEGIES,
	ROLE_CONSEQUENCES,
};
#define ROLE_COUNT 7

/* "central", "causal", ...; "none" for ROLE_NONE. */
const char *paradigm_role_name(enum paradigm_role r);
/* "Central phenomenon", "Causal conditions", ... */
const char *paradigm_role_title(enum paradigm_role r);
/* Accepts the short names above; -1 if unknown. */
int paradigm_role_parse(const char *s);

struct node {
	int64_t id;
	int64_t parent;		/* 0 at the top level */
	enum node_kind kind;
	enum paradigm_role role;
	int depth;		/* 0 at the top level */
	char *name, *color, *definition, *guid;
	int64_t ncodings;	/* codings of this node (codes only) */
};
void node_done(struct node *n);
void codetree_free(struct node *nodes, size_t n);

/*
 * The whole tree depth first: role categories in paradigm order, then the
 * other top-level nodes; siblings by position, then name.
 */
enum ax_status codetree_load(struct project *p, struct node **nodes, size_t *n);
enum ax_status codetree_get(struct project *p, int64_t id, struct node *out);
/*
 * By "#ID", by name when one node has it, or by path ("Cat/Sub/code"); a
 * name or path segment not found as typed is looked up folded (name_fold:
 * ي/ی, ك/ک, ZWNJ, spaces, case). Not found: the message names the closest
 * node ("did you mean «…»?") when one is near.
 */
enum ax_status codetree_find(struct project *p, const char *ref, int64_t *id);
/* "Main/Sub/code"; the caller frees it. */
char *codetree_path(struct project *p, int64_t id);
/*
 * codetree_path for a caller that names many codings, from one read of the
 * nodes (a query per coding cost more than the rest of an export):
 * codetree_paths_get gives the path of node id, "" for none, as
 * codetree_path does; made when first asked for, it stays valid until
 * codetree_paths_free.
 */
struct codetree_paths {
	struct codetree_pathent {
		int64_t id, parent;
		char *name, *path;
	} *v;			/* by id */
	size_t n;
};
enum ax_status codetree_paths_load(struct project *p, struct codetree_paths *cp);
const char *codetree_paths_get(struct codetree_paths *cp, int64_t id);
void codetree_paths_free(struct codetree_paths *cp);

/* parent 0 is the top level; a parent must be a category. */
enum ax_status codetree_add(struct project *p, int64_t parent,
    enum node_kind kind, const char *name, int64_t *id);
/*
 * For importers: codetree_add with what the other tool kept, set in the
 * same row (one change in the log, not one per field). NULL fields (or
 * ii NULL) are a new GUID, no definition, the theme's colour.
 */
struct node_import_info {
	const char *guid;
	const char *definition;
	const char *color;	/* "#rrggbb" */
};
enum ax_status codetree_add_ex(struct project *p, int64_t parent,
    enum node_kind kind, const char *name, const struct node_import_info *ii,
    int64_t *id);
/* The child of parent (0: top level) named name (NFC), if any. */
enum ax_status codetree_find_child(struct project *p, int64_t parent,
    const char *name, int64_t *id);
/* By GUID (compared in lower case); AX_ERR_NOTFOUND if none. */
enum ax_status codetree_find_guid(struct project *p, const char *guid, int64_t *id);
enum ax_status codetree_rename(struct project *p, int64_t id, const char *name);
/* Refuses a move under a code or under the node itself or its descendants.
 * A category that leaves the top level loses its paradigm role. */
enum ax_status codetree_move(struct project *p, int64_t id, int64_t parent);
/* Codings, memos and links of `from` move to `into`; `from` is deleted.
 * Codes only. A link of the two to each other is dropped (its memos go to
 * `into`), two links that become one fold (link.h); refused when the "is
 * part of" links would go round in a loop. */
enum ax_status codetree_merge(struct project *p, int64_t from, int64_t into);
/* Deletes the node, its descendants, their codings and memos, and the
 * links at any of them (with their evidence and memos); unmarks the core
 * category if it is among them. */
enum ax_status codetree_remove(struct project *p, int64_t id);
/* Top-level categories only. */
enum ax_status codetree_set_role(struct project *p, int64_t id,
    enum paradigm_role role);
/* "#rrggbb" or "" for the theme's default. */
enum ax_status codetree_set_color(struct project *p, int64_t id, const char *color);
enum ax_status codetree_set_definition(struct project *p, int64_t id,
    const char *text);

#endif
