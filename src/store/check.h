/*
 * check.h: `axial check`: whether a project file is what axial makes, and
 * whether its values keep axial's invariants.
 *
 * Opening a project already refuses a schema axial did not make and a
 * damaged code tree (project.h); check_project lists every such finding
 * one by one, and the ones opening does not look for because they cost a
 * pass over the whole file: SQLite's own integrity and foreign-key checks,
 * the documents' stored lengths against their text, codings whose span
 * lies outside their document, and links that break the rules of link.h
 * (a node linked to itself, two links that are one, "is part of" without
 * direction or in a loop, a built-in type gone, a core category that is
 * none), the search index and the coding counts kept per code and coder
 * (db-counts.c) against what they are built from. Open with PROJECT_CHECKING so a file that opening would refuse can
 * still be examined.
 */
#ifndef AXIAL_CHECK_H
#define AXIAL_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/project.h"

struct check_finding {
	const char *what;	/* "integrity", "foreign-key", "schema", "tree",
				 * "document", "coding", "link",
				 * "link-evidence", "core", "search-index",
				 * "coding-counts": not translated */
	char *text;		/* one sentence, translated */
	char *fix;		/* what --repair does (translated); NULL: nothing safe */
	int64_t row;		/* the coding, node or document it is about, or 0 */
	bool repaired;
};

/*
 * Runs every check. With repair, each finding that can be repaired safely
 * (a node out of a loop or from under a code or a missing parent to the
 * top level, a tree too deep cut into pieces, a coding outside its
 * document deleted, a document's stored length set from its text, a link
 * to a node or type not there or to itself deleted, two links that are
 * one folded, an "is part of" given its direction, a built-in link type
 * put back, a core category that is none unmarked, the search index and
 * the coding counts built again) is
 * repaired as one undoable action, and marked so; nothing is repaired in a
 * file whose schema or SQLite structure is damaged. Findings come in the
 * order above; *out is freed with check_findings_free.
 */
enum ax_status check_project(struct project *p, bool repair,
    struct check_finding **out, size_t *n);
void check_findings_free(struct check_finding *f, size_t n);

#endif
