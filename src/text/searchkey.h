/*
 * searchkey.h: the search key used everywhere in axial (docs/bidi.md §7).
 *
 * A key is a lossy copy of a text for matching only: NFKC, Latin case
 * folding, then Persian folding:
 *   Arabic yeh, alef maksura, yeh barree -> Farsi yeh (U+06CC)
 *   Arabic kaf -> keheh (U+06A9); heh goal, ae -> heh (U+0647)
 *   heh + hamza above -> U+06C0 (as NFC leaves it), so both spellings of ۀ meet
 *   Persian, Arabic-Indic and ASCII digits -> ASCII digits
 *   removed: ZWNJ, ZWJ, LRM, RLM, ALM, soft hyphen, tatweel, harakat
 *   U+064B-0652, superscript alef, hamza above/below, bidi format
 *   characters, ZWSP, WJ, BOM
 *   every run of white space -> one space
 * and, as project settings, alef forms -> alef, teh marbuta -> heh, ۀ -> heh.
 *
 * Every key character remembers the range of *original* code points it came
 * from, so a hit maps back to offsets in the stored text (the offsets codings
 * use). Stored text is never changed.
 */
#ifndef AXIAL_SEARCHKEY_H
#define AXIAL_SEARCHKEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct searchkey_opts {
	bool fold_alef;		/* أ إ آ ٱ -> ا (many readers keep آ apart) */
	bool fold_teh_marbuta;	/* ة -> ه */
	bool fold_heh_hamza;	/* ۀ, ه + hamza -> ه */
};
/* All optional foldings off. */
void searchkey_opts_default(struct searchkey_opts *o);

struct searchkey;

/* The key of UTF-8 text[0..len) (invalid sequences count as one code point
 * each, as in text.h). o may be NULL for the defaults. */
struct searchkey *searchkey_new(const char *text, size_t len,
    const struct searchkey_opts *o);
void searchkey_free(struct searchkey *k);
/* Key length and characters (UCS-4, borrowed). */
size_t searchkey_length(const struct searchkey *k);
const uint32_t *searchkey_chars(const struct searchkey *k);
/* The key as UTF-8, for tests and debugging; the caller frees it. */
char *searchkey_utf8(const struct searchkey *k);
/* Key character i came from original code points [*start, *end). */
void searchkey_source(const struct searchkey *k, size_t i, size_t *start,
    size_t *end);

/*
 * Finds needle (a key built with the same options) in hay, starting at the
 * first key character whose source begins at or after original offset
 * from. A space in the needle matches zero or one space in hay (ZWNJ is
 * already gone from both), so "می خواهم" finds می‌خواهم, میخواهم and
 * می خواهم; the needle's leading and trailing spaces are ignored. On a
 * hit, returns true with the original range [*start, *end).
 */
bool searchkey_find(const struct searchkey *hay, const struct searchkey *needle,
    size_t from, size_t *start, size_t *end);

/*
 * Search over a whole document (a text_doc, borrowed) in windows, so memory
 * stays bounded whatever its size (searchkey-doc.c). A hit is found unless
 * it runs more than 64 KiB past the 512 KiB window it starts in.
 */
struct text_doc;
struct searchkey_doc;
struct searchkey_doc *searchkey_doc_new(const struct text_doc *d,
    const struct searchkey_opts *o);
void searchkey_doc_free(struct searchkey_doc *s);
/*
 * Forward: the first hit starting at or after offset from, else the first
 * of all. Backward: the last hit starting before from, else the last of
 * all. *wrapped says it came from the other end. Offsets are logical, as
 * in text.h.
 */
bool searchkey_doc_find(struct searchkey_doc *s, const struct searchkey *needle,
    size_t from, bool backward, size_t *start, size_t *end, bool *wrapped);

/*
 * The words of a key (searchkey-words.c): runs between the word boundaries
 * of UAX #29 that hold a letter or a digit, folded as the key is. fn gets
 * each word as key characters w[0..n) (borrowed for the call) and the
 * original code points [start, end) it came from, in text order.
 */
typedef void searchkey_word_fn(void *arg, const uint32_t *w, size_t n,
    size_t start, size_t end);
void searchkey_words(const struct searchkey *k, searchkey_word_fn *fn,
    void *arg);

#endif
