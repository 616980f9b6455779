/*
 * fuzz-searchkey.c: the search key (searchkey.h) and its matcher.
 *
 * Input: one byte of options (the three optional foldings), one byte for
 * the needle's length, the needle, then the haystack (any bytes).
 * Checks: every key character maps back to a non-empty range of original
 * code points; the key's UTF-8 is valid and as long as the key; every hit
 * lies in the haystack at or after `from`, and repeated searches advance.
 */
#include <stdbool.h>
#include <string.h>
#include <unistr.h>

#include "text/searchkey.h"
#include "fuzz.h"

/* Code points as text.h counts them: one per maximal invalid subsequence. */
static size_t
ncodepoints(const uint8_t *s, size_t n)
{
	size_t k = 0;

	while (n > 0) {
		ucs4_t c;
		int m = u8_mbtouc(&c, s, n);

		s += m;
		n -= (size_t)m;
		k++;
	}
	return k;
}

static void
check_key(const struct searchkey *k, size_t ncp)
{
	size_t n = searchkey_length(k), i, s, e;
	const uint32_t *ch = searchkey_chars(k);
	char *u8 = searchkey_utf8(k);

	FZ_CHECK(u8 != NULL);
	FZ_CHECK(u8_check((const uint8_t *)u8, strlen(u8)) == NULL);
	/* a NUL of the text (never in stored text) ends the C string */
	for (i = 0; i < n && ch[i] != 0; i++)
		;
	FZ_CHECK(u8_mbsnlen((const uint8_t *)u8, strlen(u8)) == i);
	free(u8);
	for (i = 0; i < n; i++) {
		FZ_CHECK(ch[i] <= 0x10ffff && (ch[i] < 0xd800 || ch[i] > 0xdfff));
		searchkey_source(k, i, &s, &e);
		FZ_CHECKF(s < e && e <= ncp, "key char %zu of %zu from [%zu, %zu), %zu "
		    "code points", i, n, s, e, ncp);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz f;
	struct searchkey_opts o;
	struct searchkey *hay, *needle;
	const uint8_t *nd, *hd;
	size_t nlen, hlen, hcp, from, s, e, hits = 0;
	uint8_t b;

	fz_init(&f, data, size);
	b = fz_u8(&f);
	searchkey_opts_default(&o);
	o.fold_alef = b & 1;
	o.fold_teh_marbuta = b & 2;
	o.fold_heh_hamza = b & 4;
	nd = fz_bytes(&f, fz_u8(&f) % 64, &nlen);
	hd = fz_bytes(&f, f.n, &hlen);
	hcp = ncodepoints(hd, hlen);

	hay = searchkey_new((const char *)hd, hlen, b & 8 ? NULL : &o);
	needle = searchkey_new((const char *)nd, nlen, &o);
	check_key(hay, hcp);
	check_key(needle, ncodepoints(nd, nlen));
	for (from = 0; from <= hcp && searchkey_find(hay, needle, from, &s, &e);
	    from = s + 1) {
		FZ_CHECKF(s >= from && s < e && e <= hcp, "hit [%zu, %zu) from %zu "
		    "in %zu code points", s, e, from, hcp);
		FZ_CHECK(++hits <= hcp);
	}
	/* the haystack's own key finds itself at 0 when it is not blank */
	if (searchkey_length(hay) > 0) {
		char *u8 = searchkey_utf8(hay);
		struct searchkey *self = searchkey_new(u8, strlen(u8), &o);

		if (b & 16 && searchkey_length(self) > 0 &&
		    searchkey_find(hay, self, 0, &s, &e))
			FZ_CHECK(e <= hcp);
		searchkey_free(self);
		free(u8);
	}
	searchkey_free(needle);
	searchkey_free(hay);
	return 0;
}
