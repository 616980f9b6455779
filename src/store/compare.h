/*
 * compare.h: walking two coders' disagreements and settling each into a
 * consensus coding.
 *
 * The unit is the default agreement unit: a paragraph (speaker turn) and a
 * code. A and B disagree on a unit when exactly one of them applied the code
 * somewhere in that paragraph. Settling it records a decision (choice and
 * note) and rewrites the consensus coder's codings of that code in that
 * paragraph:
 *
 *   a        a copy of A's codings there      b     a copy of B's
 *   both     A's and B's (the same span once) neither  none
 *
 * The consensus coder is a coder named "consensus" that no account can act
 * as directly; only these functions write its codings. compare_seed copies
 * every unit both coders agreed on, so the consensus coding is the agreed
 * units plus the settled ones; the first decision of a pair does it too.
 * Decisions are actions: undoable, logged under what they did, in words
 * ("keep «CODE» in DOC ¶N", "drop ...", "keep both coders' spans of ...").
 * Allowed to coders A and B and to the owner, and only once blind coding
 * (blind.h) no longer hides the figures.
 */
#ifndef AXIAL_COMPARE_H
#define AXIAL_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/project.h"

#define CONSENSUS_CODER "consensus"

enum compare_choice { COMPARE_NONE = -1, COMPARE_A, COMPARE_B, COMPARE_BOTH,
	COMPARE_NEITHER };
const char *compare_choice_name(enum compare_choice c);	/* "a", "b", ... */
/* "a", "b", "both", "neither", and in words "keep" (both) and "drop"
 * (neither); -1 for anything else. */
int compare_choice_parse(const char *s);

struct compare_item {
	int64_t doc;			/* document id */
	int64_t para;			/* paragraph index in the document, from 0 */
	int64_t para_start, para_end;	/* its code-point range */
	int64_t node;			/* the code */
	bool a, b;			/* who applied it here (exactly one) */
	int64_t span_start, span_end;	/* the first such coding's span */
	enum compare_choice decided;	/* COMPARE_NONE while open */
	char *note;			/* the decision's note, or NULL */
};
void compare_items_free(struct compare_item *v, size_t n);

/*
 * Every disagreement of coders a and b (logins), in interview order, then
 * paragraph, then code id; doc 0 means every document.
 */
enum ax_status compare_list(struct project *p, const char *a, const char *b,
    int64_t doc, struct compare_item **out, size_t *n);
/* Whether choice keeps the code in the item's paragraph (the one coder's
 * spans) or drops it: "a" for a code only B applied drops it. */
bool compare_keeps(const struct compare_item *it, enum compare_choice c);

struct compare_outcome {
	bool kept;		/* the code stays in that paragraph */
	bool first;		/* the pair's first decision ... */
	size_t seeded;		/* ... which copied this many agreed codings */
};
/*
 * Settles one unit (doc, para, node) of a and b; note may be NULL; out
 * (may be NULL) says what it did. Refused unless exactly one of them
 * applied the code there. The pair's first decision also seeds the
 * consensus coding (compare_seed), in the same action.
 */
enum ax_status compare_decide(struct project *p, const char *a, const char *b,
    int64_t doc, int64_t para, int64_t node, enum compare_choice choice,
    const char *note, struct compare_outcome *out);
/* Copies every unit both agreed on into the consensus coding (A's spans).
 * *added (may be NULL) counts the codings added; running it again adds none. */
enum ax_status compare_seed(struct project *p, const char *a, const char *b,
    size_t *added);

#endif
