/*
 * qexpr.h: the expression language of coding queries, parsed into a tree
 * (docs/queries.md has the grammar and what each operator returns).
 *
 * The parser knows no project: names stay as typed, and the evaluator
 * (stats/query.h) resolves them, pointing at the column the parser kept.
 * Columns count code points from 1 in the expression as given.
 */
#ifndef AXIAL_QEXPR_H
#define AXIAL_QEXPR_H

#include <stddef.h>

/* Nesting deeper than this is refused (the evaluator recurses). */
#define QX_MAX_DEPTH 64
/* WITHIN n PARAGRAPHS: n at most this. */
#define QX_MAX_PARAS 10000

enum qx_kind {
	QX_CODE,	/* name: a code (or a category: its codes) */
	QX_ATTR,	/* name = value, name != value */
	QX_NOT,		/* a */
	QX_AND,		/* a, b */
	QX_OR,
	QX_OVERLAPS,
	QX_SAMEPARA,	/* IN SAME PARAGRAPH: WITHIN 0 PARAGRAPHS */
	QX_WITHIN,	/* n */
	QX_FOLLOWED,
};

struct qx_node {
	enum qx_kind kind;
	struct qx_node *a, *b;
	char *name;		/* QX_CODE, QX_ATTR: as typed, unquoted */
	char *value;		/* QX_ATTR */
	int negated;		/* QX_ATTR: != */
	long n;			/* QX_WITHIN */
	size_t col;		/* of the name, or of the operator */
};

/*
 * The tree of expression s, or NULL with *err (translated, for the caller
 * to free) and *col (the column where it went wrong; one past the end for
 * an expression that stops too early).
 */
struct qx_node *qx_parse(const char *s, size_t *col, char **err);
void qx_free(struct qx_node *n);
/* The tree written back fully parenthesised, names quoted (tests, --json). */
char *qx_format(const struct qx_node *n);

#endif
