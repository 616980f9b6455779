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
 * Walking every hit of one key: *pos is a key index (0 to start); on a hit
 * returns the original range and moves *pos past it, so hits do not
 * overlap. With flags, brk is hay's searchkey_wordbreaks and only hits
 * that begin (SEARCHKEY_WORD_START) or end (SEARCHKEY_WORD_END) on a word
 * boundary count; both: whole words.
 */
enum { SEARCHKEY_WORD_START = 1, SEARCHKEY_WORD_END = 2 };
bool searchkey_next(const struct searchkey *hay, const struct searchkey *needle,
    const char *brk, int flags, size_t *pos, size_t *start, size_t *end);
/* length + 1 flags: brk[i] != 0 when a word boundary (UAX #29, on the key,
 * so a ZWNJ inside a word joins it) lies before key character i; brk[0]
 * and brk[length] are set. The caller frees it. */
char *searchkey_wordbreaks(const struct searchkey *k);

/*
 * The words of text[0..len) as the project search index holds them
 * (searchkey-words.c): each is the key of a run between UAX #29 word
 * boundaries of the key that holds a letter or a digit, in UTF-8, with the
 * byte range [bstart, bend) of the original text it came from. Lines are
 * keyed one at a time (over-long ones in pieces of 64 KiB), so memory
 * stays bounded. fn returns nonzero to stop; that value is returned.
 */
typedef int (*searchkey_word_fn)(void *arg, const char *word, size_t wlen,
    size_t bstart, size_t bend);
int searchkey_words(const char *text, size_t len,
    const struct searchkey_opts *o, searchkey_word_fn fn, void *arg);

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

#endif
