/*
 * similar.h: similar segments (analysis-similar.c). Given a span of a
 * document (a coded segment, or a paragraph), the paragraphs of the
 * project whose words are most like its words, by TF-IDF and cosine
 * similarity, computed here and nowhere else: nothing leaves the machine.
 *
 * Definitions (docs/similar.md says why):
 *
 * - Unit: a paragraph (an LF-separated line, numbered from 1, as in
 *   analysis.h). N is the number of paragraphs in the project that hold
 *   at least one word.
 * - Word: searchkey_words over the search key of the paragraph
 *   (searchkey.h: the folding search uses, so ي and ی, ZWNJ or none,
 *   ۱۴۰۲ and 1402 are one word). No stop-word list: the weight of a word
 *   found in every paragraph is 0, and a word found in most is near it.
 * - df(t): the paragraphs holding word t. tf(t, u): how often unit u holds it.
 * - Weight: w(t, u) = (1 + ln tf(t, u)) x ln(N / df(t)), for tf > 0.
 * - Score: cos(q, u) = sum_t w(t, q) w(t, u) / (|w(., q)| |w(., u)|), the
 *   query q being the span's words weighed with the project's df and N.
 *   Paragraphs scoring 0 are never listed.
 * - Candidates: every paragraph but those the query span touches and, when
 *   a code is given, those a coding of that code by the given coder
 *   touches (a coding touches every paragraph its span meets). So a coder
 *   sees where else the segment's code might go and they have not put it.
 * - Order: score descending, then interview order, then paragraph.
 *
 * The model holds the words of every paragraph, built once and brought up
 * to date with an_similar_sync (a new document is added alone; a removed
 * one rebuilds the model); codings are read at each query.
 */
#ifndef AXIAL_SIMILAR_H
#define AXIAL_SIMILAR_H

#include <stddef.h>
#include <stdint.h>

#include "store/project.h"

struct an_similar;

struct an_similar_hit {
	int64_t doc;		/* document id */
	size_t para;		/* paragraph number, from 1 */
	int64_t start, end;	/* the paragraph less white space at its ends */
	double score;		/* cosine similarity, in (0, 1] */
};

/* An empty model; an_similar_sync fills it. */
struct an_similar *an_similar_new(void);
void an_similar_free(struct an_similar *m);
/* Brings the model up to the project's documents (AX_OK, or the store's
 * failure with project_errmsg). */
enum ax_status an_similar_sync(struct an_similar *m, struct project *p);
/* Paragraphs and distinct words in the model (for the benchmark). */
size_t an_similar_units(const struct an_similar *m);
size_t an_similar_terms(const struct an_similar *m);

/*
 * The at most top paragraphs most like code points [start, end) of
 * document doc, best first, into *hits (the caller frees it), *n of them.
 * node (0: none) and coder (0: nobody) leave out the paragraphs coder
 * coded with node. *nwords gets how many words the span holds (0: there
 * was nothing to compare). The model must have been synced since doc was
 * imported. Returns AX_OK or the store's failure.
 */
enum ax_status an_similar_query(struct an_similar *m, struct project *p,
    int64_t doc, int64_t start, int64_t end, int64_t node, int64_t coder,
    size_t top, struct an_similar_hit **hits, size_t *n, size_t *nwords);

#endif
