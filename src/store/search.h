/*
 * search.h: search across the project's documents and memos
 * (docs/search.md).
 *
 * The text is indexed with SQLite FTS5 and axial's own tokenizer, whose
 * words are folded as every search in axial folds (searchkey.h), so the
 * index finds the documents and memos that may hold a hit. Every hit is
 * then found in the stored text itself with the search key, so what
 * search reports is what the transcript's own search (/) would find there;
 * the index only saves reading the rest. A missing or damaged index (the
 * project file is untrusted) makes search read every text instead and say
 * so in *degraded; it never gives wrong hits.
 *
 * A query matches at the start of a word (a prefix: «شفاف» finds شفافیت),
 * or with SEARCH_WORD only whole words; a space in the query matches zero
 * or one space in the text (docs/bidi.md §7.3), so «می شود» finds می شود,
 * میشود and می‌شود, while «میشود» finds the last two only.
 */
#ifndef AXIAL_SEARCH_H
#define AXIAL_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/project.h"

enum {
	SEARCH_WORD = 1 << 0,	/* whole words only */
	SEARCH_MEMOS = 1 << 1,	/* memos' bodies too, after the documents */
};

struct search_query {
	const char *text;	/* the query, UTF-8 */
	int flags;
	int64_t doc_id;		/* 0: every document */
	const int64_t *docs;	/* ndocs > 0: only these documents (and */
	size_t ndocs;		/* doc_id, if set); no memos then */
	const char *speaker;	/* NULL: any; else the turns of this label */
};

/* Speaker labels: a paragraph that begins with up to SEARCH_LABEL_MAX code
 * points of at most SEARCH_LABEL_SPACES + 1 words and a colon ("P1: ...",
 * "مصاحبه‌شونده: ...") starts a turn of that speaker; the paragraphs after
 * it without a label continue the turn. */
#define SEARCH_LABEL_MAX 40
#define SEARCH_LABEL_SPACES 2

struct search_hit {
	int64_t doc_id;		/* 0 for a memo */
	int64_t memo_id;	/* 0 for a document */
	int64_t doc_pos;	/* interview position, 0 for a memo */
	const char *name;	/* document name or memo title (borrowed) */
	size_t para;		/* paragraph index, from 0 */
	size_t start, end;	/* the hit, code points into the whole text */
	size_t para_start, para_end; /* paragraph para's range */
	const char *para_text;	/* its UTF-8 (borrowed), para_len bytes */
	size_t para_len;
	size_t hit_start, hit_end; /* the hit, code points into para_text */
	size_t turn_start, turn_end; /* the speaker turn around it, without
				 * the label (the paragraph if none) */
	const char *speaker;	/* the turn's label, "" if none (borrowed) */
};

/* A hit's keyword in context: byte offsets into h->para_text of up to
 * `context` code points left of the hit (*bl), the hit [*bs, *be), and up
 * to `context` code points right of it (*br). */
void search_hit_kwic(const struct search_hit *h, size_t context, size_t *bl,
    size_t *bs, size_t *be, size_t *br);

/* Returns false to stop the search (search_run then returns AX_OK). */
typedef bool (*search_fn)(void *arg, const struct search_hit *h);

/*
 * Calls fn for every hit, documents in interview order, each in text
 * order, then memos by id. Only one document's text is held at a time,
 * whatever the number of hits. An empty query, or one with no letter or
 * digit (only ZWNJ or punctuation, say), is AX_ERR_INPUT with a message.
 * *degraded (may be NULL) is set when the index could not be used.
 */
enum ax_status search_run(struct project *p, const struct search_query *q,
    search_fn fn, void *arg, bool *degraded);

/* Calls fn with the label of every turn in the documents (ndocs > 0 in
 * q: only those), documents in interview order, each in text order; the
 * same label comes again at each of its turns. */
enum ax_status search_speakers(struct project *p, const struct search_query *q,
    void (*fn)(void *arg, const char *label), void *arg);

/* The index against the stored text: AX_OK when whole, else
 * AX_ERR_IO with what is wrong in project_errmsg. */
enum ax_status search_index_check(struct project *p);
/* Builds the index again from the stored text (one action). */
enum ax_status search_index_rebuild(struct project *p);

#endif
