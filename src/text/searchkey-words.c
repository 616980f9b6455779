/*
 * searchkey-words.c: the words the project's search index holds
 * (src/text/searchkey.h, docs/search.md).
 *
 * A line is keyed with searchkey_new, so its words are folded exactly as
 * every other search in axial folds; word boundaries are UAX #29's, from
 * libunistring, computed on the key (ZWNJ is gone from it, so می‌شود is one
 * word, as میشود is). A word's byte range is that of the original code
 * points its first and last key characters came from.
 *
 * Invariants: ranges lie inside text[0..len) and grow along it.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "text/searchkey.h"
#include "base/util.h"

#define PIECE ((size_t)64 << 10)

static bool
word_char(uint32_t c)
{
	return uc_is_general_category_withtable(c, UC_CATEGORY_MASK_L |
	    UC_CATEGORY_MASK_N | UC_CATEGORY_MASK_M);
}

/* The words of one piece text[0..len) found at byte base. */
static int
piece(const char *text, size_t len, size_t base,
    const struct searchkey_opts *o, searchkey_word_fn fn, void *arg)
{
	struct searchkey *k = searchkey_new(text, len, o);
	const uint32_t *ch = searchkey_chars(k);
	size_t n = searchkey_length(k), *boff, ncp = 0, i = 0, a, b, s, e;
	char *brk = searchkey_wordbreaks(k), *w = NULL;
	size_t wcap = 0;
	int rc = 0;

	/* byte offset of every code point, as searchkey_new counted them */
	boff = xmalloc((len + 1) * sizeof *boff);
	while (i < len) {
		ucs4_t uc;

		boff[ncp++] = i;
		i += (size_t)u8_mbtouc(&uc, (const uint8_t *)text + i, len - i);
	}
	boff[ncp] = len;
	for (a = 0; a < n && rc == 0; a = b) {
		bool any = false;
		size_t wl, j;

		for (b = a + 1; b < n && !brk[b]; b++)
			;
		for (j = a; j < b && !any; j++)
			any = word_char(ch[j]);
		if (!any)
			continue;
		wl = 0;
		for (j = a; j < b; j++) {
			w = xgrow(w, &wcap, wl + 5, 1);
			wl += (size_t)u8_uctomb((uint8_t *)w + wl, ch[j], 4);
		}
		searchkey_source(k, a, &s, &e);
		searchkey_source(k, b - 1, &i, &e);
		assert(s < e && e <= ncp);
		rc = fn(arg, w, wl, base + boff[s], base + boff[e]);
	}
	free(w);
	free(boff);
	free(brk);
	searchkey_free(k);
	return rc;
}

int
searchkey_words(const char *text, size_t len, const struct searchkey_opts *o,
    searchkey_word_fn fn, void *arg)
{
	size_t a = 0, b;
	int rc = 0;

	while (a < len && rc == 0) {
		const char *nl = memchr(text + a, '\n', len - a);

		b = nl != NULL ? (size_t)(nl - text) : len;
		if (b - a > PIECE) {
			/* cut on a code point's first byte */
			b = a + PIECE;
			while (b > a + 1 && ((unsigned char)text[b] & 0xc0) == 0x80)
				b--;
		}
		if (b > a)
			rc = piece(text + a, b - a, a, o, fn, arg);
		a = b < len && text[b] == '\n' ? b + 1 : b;
	}
	return rc;
}
