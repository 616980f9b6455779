/*
 * qexpr.c: the parser of coding-query expressions (qexpr.h), recursive
 * descent over a one-token lookahead, one function per level of the
 * grammar in docs/queries.md:
 *
 *   query = or ; or = and { OR and } ; and = prox { AND prox } ;
 *   prox = unary { proxop unary } ; unary = NOT unary | primary ;
 *   primary = "(" or ")" | name [ ("=" | "!=") value ]
 *
 * Keywords are bare words matched folded (name_fold: any case, ي/ی), so
 * AND, and, و are one keyword; a code named like a keyword, or with spaces
 * or any of ( ) = ! in it, is written in quotes, "…" or «…», which hold
 * anything but their closing quote. The first error stops the parse; its
 * column is a code point count from 1, the same on every terminal.
 */
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "base/i18n.h"
#include "base/util.h"
#include "text/name.h"
#include "text/qexpr.h"

enum tok { T_END, T_LP, T_RP, T_EQ, T_NE, T_WORD, T_QUOTED };

enum kw {
	KW_NONE, KW_AND, KW_OR, KW_NOT, KW_OVERLAPS, KW_IN, KW_SAME,
	KW_PARAGRAPH, KW_PARAGRAPHS, KW_WITHIN, KW_FOLLOWED, KW_BY,
};

static const struct {
	const char *word;
	enum kw kw;
} keywords[] = {
	{"and", KW_AND}, {"و", KW_AND},
	{"or", KW_OR}, {"یا", KW_OR},
	{"not", KW_NOT}, {"نه", KW_NOT},
	{"overlaps", KW_OVERLAPS}, {"in", KW_IN}, {"same", KW_SAME},
	{"paragraph", KW_PARAGRAPH}, {"paragraphs", KW_PARAGRAPHS},
	{"within", KW_WITHIN}, {"followed", KW_FOLLOWED}, {"by", KW_BY},
};

struct parser {
	const uint8_t *s;
	size_t len, pos, col;	/* next byte and its column */
	/* the current token */
	enum tok tok;
	enum kw kw;
	char *text;		/* T_WORD, T_QUOTED */
	size_t tcol;
	int depth;
	char *err;
	size_t errcol;
};

static void
fail(struct parser *ps, size_t col, char *msg)
{
	if (ps->err == NULL) {
		ps->err = msg;
		ps->errcol = col;
	} else {
		free(msg);
	}
}

static enum kw
keyword(const char *w)
{
	char *f = name_fold(w);
	enum kw k = KW_NONE;
	size_t i;

	for (i = 0; i < AX_ARRAY_LEN(keywords) && k == KW_NONE; i++)
		if (strcmp(f, keywords[i].word) == 0)
			k = keywords[i].kw;
	free(f);
	return k;
}

/* Reads the code point at ps->pos into *uc; its length, 0 at the end. */
static int
peek(const struct parser *ps, ucs4_t *uc)
{
	int n;

	if (ps->pos >= ps->len)
		return 0;
	n = u8_mbtouc(uc, ps->s + ps->pos, ps->len - ps->pos);
	return n > 0 ? n : 1;
}

static bool
is_space(ucs4_t uc)
{
	return uc == '\t' || uc == '\n' || uc == '\r' ||
	    (uc_is_property_white_space(uc) && !uc_is_general_category(uc,
	    UC_CATEGORY_Cc));
}

/* Ends a bare word. */
static bool
is_stop(ucs4_t uc)
{
	return is_space(uc) || uc == '(' || uc == ')' || uc == '=' ||
	    uc == '!' || uc == '"' || uc == 0xab || uc == 0xbb;
}

/* Moves to the next token; false (and the error set) on a bad one. */
static bool
next(struct parser *ps)
{
	ucs4_t uc, close;
	size_t start;
	int n;

	free(ps->text);
	ps->text = NULL;
	ps->kw = KW_NONE;
	while ((n = peek(ps, &uc)) > 0 && is_space(uc)) {
		ps->pos += (size_t)n;
		ps->col++;
	}
	ps->tcol = ps->col;
	if (n == 0) {
		ps->tok = T_END;
		return true;
	}
	if (uc_is_general_category(uc, UC_CATEGORY_Cc)) {
		fail(ps, ps->col, xasprintf(_("a control character (U+%04X) "
		    "cannot be part of a query"), (unsigned)uc));
		return false;
	}
	ps->pos += (size_t)n;
	ps->col++;
	switch (uc) {
	case '(':
		ps->tok = T_LP;
		return true;
	case ')':
		ps->tok = T_RP;
		return true;
	case '=':
		ps->tok = T_EQ;
		return true;
	case '!':
		if (peek(ps, &uc) == 1 && uc == '=') {
			ps->pos++;
			ps->col++;
			ps->tok = T_NE;
			return true;
		}
		fail(ps, ps->tcol, xasprintf(_("'!' is only part of '!=' "
		    "(not equal)")));
		return false;
	case '"':
	case 0xab:
	case 0xbb:
		/* «…», or »…« as a right-to-left keyboard may type it */
		close = uc == '"' ? '"' : uc == 0xab ? 0xbb : 0xab;
		start = ps->pos;
		while ((n = peek(ps, &uc)) > 0 && uc != close) {
			if (uc_is_general_category(uc, UC_CATEGORY_Cc)) {
				fail(ps, ps->col, xasprintf(_("a control character "
				    "(U+%04X) cannot be part of a query"),
				    (unsigned)uc));
				return false;
			}
			ps->pos += (size_t)n;
			ps->col++;
		}
		if (n == 0) {
			fail(ps, ps->tcol, xasprintf(_("this quote is never "
			    "closed")));
			return false;
		}
		ps->text = xstrndup((const char *)ps->s + start, ps->pos - start);
		ps->pos += (size_t)n;
		ps->col++;
		if (ps->text[strspn(ps->text, " ")] == '\0') {
			fail(ps, ps->tcol, xasprintf(_("a name in quotes is "
			    "empty")));
			return false;
		}
		ps->tok = T_QUOTED;
		return true;
	}
	start = ps->pos - (size_t)n;
	while ((n = peek(ps, &uc)) > 0 && !is_stop(uc) &&
	    !uc_is_general_category(uc, UC_CATEGORY_Cc)) {
		ps->pos += (size_t)n;
		ps->col++;
	}
	ps->text = xstrndup((const char *)ps->s + start, ps->pos - start);
	ps->kw = keyword(ps->text);
	ps->tok = T_WORD;
	return true;
}

/* The current token for a message: «word», '(' or "the end". */
static char *
tok_what(const struct parser *ps)
{
	switch (ps->tok) {
	case T_END:
		return xstrdup(_("the end of the query"));
	case T_LP:
		return xstrdup("'('");
	case T_RP:
		return xstrdup("')'");
	case T_EQ:
		return xstrdup("'='");
	case T_NE:
		return xstrdup("'!='");
	default:
		return xasprintf("«%s»", ps->text);
	}
}

/* Fails with fmt, whose one %s is the current token (a macro, so the
 * compiler checks each format). */
#define fail_here(ps, fmt) do {						\
	char *what_ = tok_what(ps);					\
	fail((ps), (ps)->tcol, xasprintf((fmt), what_));		\
	free(what_);							\
} while (0)

static struct qx_node *
node_new(enum qx_kind kind, size_t col)
{
	struct qx_node *n = xcalloc(1, sizeof *n);

	n->kind = kind;
	n->col = col;
	return n;
}

static struct qx_node *parse_or(struct parser *ps);

static struct qx_node *
parse_primary(struct parser *ps)
{
	struct qx_node *n;
	size_t col = ps->tcol;
	bool ne;

	if (ps->tok == T_LP) {
		if (++ps->depth > QX_MAX_DEPTH) {
			fail(ps, col, xasprintf(_("too deeply nested (at most "
			    "%d levels of parentheses)"), QX_MAX_DEPTH));
			return NULL;
		}
		if (!next(ps) || (n = parse_or(ps)) == NULL)
			return NULL;
		if (ps->tok != T_RP) {
			if (ps->tok == T_END)
				fail(ps, col, xasprintf(_("this '(' is never "
				    "closed")));
			else
				fail_here(ps, _("expected AND, OR, an operator or "
				    "')', found %s (a name with spaces goes in "
				    "quotes: \"two words\")"));
			qx_free(n);
			return NULL;
		}
		ps->depth--;
		if (!next(ps)) {
			qx_free(n);
			return NULL;
		}
		return n;
	}
	if (ps->tok == T_QUOTED || (ps->tok == T_WORD && ps->kw == KW_NONE)) {
		n = node_new(QX_CODE, col);
		n->name = ps->text;
		ps->text = NULL;
		if (!next(ps))
			goto bad;
		if (ps->tok != T_EQ && ps->tok != T_NE)
			return n;
		ne = ps->tok == T_NE;
		if (!next(ps))
			goto bad;
		if (ps->tok != T_WORD && ps->tok != T_QUOTED) {
			fail_here(ps, ne ? _("expected a value after '!=', found "
			    "%s") : _("expected a value after '=', found %s"));
			goto bad;
		}
		n->kind = QX_ATTR;
		n->negated = ne;
		n->value = ps->text;
		ps->text = NULL;
		if (!next(ps))
			goto bad;
		return n;
	bad:
		qx_free(n);
		return NULL;
	}
	if (ps->tok == T_RP)
		fail_here(ps, _("expected a code name or '(', found %s without "
		    "its '('"));
	else if (ps->tok == T_WORD)
		fail_here(ps, _("expected a code name or '(', found the keyword "
		    "%s (a code of that name goes in quotes)"));
	else
		fail_here(ps, _("expected a code name or '(', found %s"));
	return NULL;
}

static struct qx_node *
parse_unary(struct parser *ps)
{
	struct qx_node *n, *a;
	size_t col = ps->tcol;

	if (ps->tok != T_WORD || ps->kw != KW_NOT)
		return parse_primary(ps);
	if (++ps->depth > QX_MAX_DEPTH) {
		fail(ps, col, xasprintf(_("too deeply nested (at most %d NOTs "
		    "in a row)"), QX_MAX_DEPTH));
		return NULL;
	}
	if (!next(ps) || (a = parse_unary(ps)) == NULL)
		return NULL;
	ps->depth--;
	n = node_new(QX_NOT, col);
	n->a = a;
	return n;
}

/* A proximity operator at the current token: its kind, the tokens read
 * past it; false if the current token starts none. */
static bool
parse_proxop(struct parser *ps, struct qx_node *op)
{
	if (ps->tok != T_WORD)
		return false;
	switch (ps->kw) {
	case KW_OVERLAPS:
		op->kind = QX_OVERLAPS;
		return next(ps);
	case KW_IN:
		if (!next(ps))
			return true;
		if (ps->tok != T_WORD || ps->kw != KW_SAME) {
			fail_here(ps, _("expected SAME PARAGRAPH after IN, found "
			    "%s"));
			return true;
		}
		if (!next(ps))
			return true;
		if (ps->tok != T_WORD || ps->kw != KW_PARAGRAPH) {
			fail_here(ps, _("expected PARAGRAPH after IN SAME, found "
			    "%s"));
			return true;
		}
		op->kind = QX_SAMEPARA;
		next(ps);
		return true;
	case KW_WITHIN: {
		char *f, *end;

		if (!next(ps))
			return true;
		f = ps->tok == T_WORD ? name_fold(ps->text) : xstrdup("");
		op->n = f[0] >= '0' && f[0] <= '9' ? strtol(f, &end, 10) : -1;
		if (op->n < 0 || *end != '\0') {
			free(f);
			fail_here(ps, _("expected a number of paragraphs after "
			    "WITHIN, found %s"));
			return true;
		}
		free(f);
		if (op->n > QX_MAX_PARAS || strlen(ps->text) > 6) {
			fail(ps, ps->tcol, xasprintf(_("WITHIN takes at most %d "
			    "paragraphs"), QX_MAX_PARAS));
			return true;
		}
		if (!next(ps))
			return true;
		if (ps->tok != T_WORD || (ps->kw != KW_PARAGRAPHS &&
		    ps->kw != KW_PARAGRAPH)) {
			fail_here(ps, _("expected PARAGRAPHS after the number, "
			    "found %s"));
			return true;
		}
		op->kind = QX_WITHIN;
		next(ps);
		return true;
	}
	case KW_FOLLOWED:
		if (!next(ps))
			return true;
		if (ps->tok != T_WORD || ps->kw != KW_BY) {
			fail_here(ps, _("expected BY after FOLLOWED, found %s"));
			return true;
		}
		op->kind = QX_FOLLOWED;
		next(ps);
		return true;
	default:
		return false;
	}
}

static struct qx_node *
parse_prox(struct parser *ps)
{
	struct qx_node *n, *b, op;

	if ((n = parse_unary(ps)) == NULL)
		return NULL;
	for (;;) {
		memset(&op, 0, sizeof op);
		op.col = ps->tcol;
		if (!parse_proxop(ps, &op))
			return n;
		if (ps->err != NULL || (b = parse_unary(ps)) == NULL) {
			qx_free(n);
			return NULL;
		}
		op.a = n;
		op.b = b;
		n = node_new(op.kind, op.col);
		*n = op;
	}
}

/* One level of binary operators: the AND or the OR chain. */
static struct qx_node *
parse_chain(struct parser *ps, enum kw kw, enum qx_kind kind,
    struct qx_node *(*sub)(struct parser *))
{
	struct qx_node *n, *b, *op;
	size_t col;

	if ((n = sub(ps)) == NULL)
		return NULL;
	while (ps->tok == T_WORD && ps->kw == kw) {
		col = ps->tcol;
		if (!next(ps) || (b = sub(ps)) == NULL) {
			qx_free(n);
			return NULL;
		}
		op = node_new(kind, col);
		op->a = n;
		op->b = b;
		n = op;
	}
	return n;
}

static struct qx_node *
parse_and(struct parser *ps)
{
	return parse_chain(ps, KW_AND, QX_AND, parse_prox);
}

static struct qx_node *
parse_or(struct parser *ps)
{
	return parse_chain(ps, KW_OR, QX_OR, parse_and);
}

struct qx_node *
qx_parse(const char *s, size_t *col, char **err)
{
	struct parser ps;
	struct qx_node *n = NULL;
	const uint8_t *bad;

	memset(&ps, 0, sizeof ps);
	ps.s = (const uint8_t *)s;
	ps.len = strlen(s);
	ps.col = 1;
	if ((bad = u8_check(ps.s, ps.len)) != NULL)
		fail(&ps, u8_mbsnlen(ps.s, (size_t)(bad - ps.s)) + 1,
		    xasprintf(_("the query is not valid UTF-8")));
	else if (next(&ps)) {
		if (ps.tok == T_END)
			fail(&ps, 1, xasprintf(_("the query is empty: write a "
			    "code name, or codes joined by AND, OR, NOT")));
		else if ((n = parse_or(&ps)) != NULL && ps.tok != T_END) {
			if (ps.tok == T_RP)
				fail_here(&ps, _("%s without its '('"));
			else
				fail_here(&ps, _("expected AND, OR or an operator, "
				    "found %s (a name with spaces goes in quotes: "
				    "\"two words\")"));
		}
	}
	free(ps.text);
	if (ps.err != NULL) {
		qx_free(n);
		*err = ps.err;
		*col = ps.errcol;
		return NULL;
	}
	*err = NULL;
	*col = 0;
	return n;
}

void
qx_free(struct qx_node *n)
{
	if (n == NULL)
		return;
	qx_free(n->a);
	qx_free(n->b);
	free(n->name);
	free(n->value);
	free(n);
}

static void
format(struct buf *b, const struct qx_node *n)
{
	static const char *const ops[] = {
		[QX_AND] = "AND", [QX_OR] = "OR", [QX_OVERLAPS] = "OVERLAPS",
		[QX_SAMEPARA] = "IN SAME PARAGRAPH", [QX_FOLLOWED] = "FOLLOWED BY",
	};

	switch (n->kind) {
	case QX_CODE:
		buf_printf(b, "«%s»", n->name);
		return;
	case QX_ATTR:
		buf_printf(b, "«%s» %s «%s»", n->name, n->negated ? "!=" : "=",
		    n->value);
		return;
	case QX_NOT:
		buf_puts(b, "(NOT ");
		format(b, n->a);
		buf_putc(b, ')');
		return;
	default:
		buf_putc(b, '(');
		format(b, n->a);
		if (n->kind == QX_WITHIN)
			buf_printf(b, " WITHIN %ld PARAGRAPHS ", n->n);
		else
			buf_printf(b, " %s ", ops[n->kind]);
		format(b, n->b);
		buf_putc(b, ')');
	}
}

char *
qx_format(const struct qx_node *n)
{
	struct buf b = {0};

	format(&b, n);
	return buf_take(&b);
}
