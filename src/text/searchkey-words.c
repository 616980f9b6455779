/*
 * searchkey-words.c: the words of a search key (src/text/searchkey.h), for
 * what counts words rather than finds strings (similar segments,
 * analysis-similar.c).
 *
 * The boundaries are UAX #29's, from libunistring (u32_wordbreaks), run
 * over the key, so a word is already folded: ZWNJ is gone (می‌خواهم is one
 * word, میخواهم), ي is ی, ۱۴۰۲ is 1402. A word is a run between two
 * boundaries that holds a letter or a digit; punctuation, symbols and
 * spaces between words are not words.
 */
#include <stdlib.h>

#include <unictype.h>
#include <uniwbrk.h>

#include "text/searchkey.h"
#include "base/util.h"

static bool
wordish(uint32_t c)
{
	return uc_is_general_category_withtable(c, UC_CATEGORY_MASK_L |
	    UC_CATEGORY_MASK_N);
}

void
searchkey_words(const struct searchkey *k, searchkey_word_fn *fn, void *arg)
{
	const uint32_t *ch = searchkey_chars(k);
	size_t n = searchkey_length(k), a, b, s, e, x;
	char *brk;

	if (n == 0)
		return;
	brk = xmalloc(n);
	u32_wordbreaks(ch, n, brk);
	for (a = 0; a < n; a = b) {
		bool word = false;

		for (b = a + 1; b < n && !brk[b]; b++)
			;
		for (x = a; x < b && !word; x++)
			word = wordish(ch[x]);
		if (!word)
			continue;
		searchkey_source(k, a, &s, &x);
		searchkey_source(k, b - 1, &x, &e);
		fn(arg, ch + a, b - a, s, e);
	}
	free(brk);
}
