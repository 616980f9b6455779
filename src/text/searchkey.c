/*
 * searchkey.c: search keys (src/text/searchkey.h).
 *
 * The text is decoded, then cut into normalisation segments (a starter and
 * the non-starters after it, by canonical combining class); each segment is
 * case folded and NFKC-normalised on its own by libunistring, so every key
 * character can name the original segment it came from. Per segment NFKC
 * equals NFKC of the whole text except for compositions across starters
 * (Hangul LV + T and a few others), which do not occur in Persian.
 * The Persian folding then runs over the segment's output.
 *
 * Offsets: src[2i], src[2i+1] are the original code point range of key
 * character i; the key itself has its own indexes, used only inside find.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwbrk.h>

#include "text/searchkey.h"
#include "base/util.h"

struct searchkey {
	uint32_t *ch;
	size_t *src;		/* 2 per key character: [start, end) */
	size_t n, cap, scap;
};

void
searchkey_opts_default(struct searchkey_opts *o)
{
	memset(o, 0, sizeof *o);
}

static void
push(struct searchkey *k, uint32_t c, size_t start, size_t end)
{
	/* white space runs collapse into the first space */
	if (c == ' ' && k->n > 0 && k->ch[k->n - 1] == ' ') {
		k->src[2 * k->n - 1] = end;
		return;
	}
	k->ch = xgrow(k->ch, &k->cap, k->n + 1, sizeof *k->ch);
	k->src = xgrow(k->src, &k->scap, k->n + 1, 2 * sizeof *k->src);
	k->ch[k->n] = c;
	k->src[2 * k->n] = start;
	k->src[2 * k->n + 1] = end;
	k->n++;
}

static bool
removed(uint32_t c)
{
	return c == 0x200c || c == 0x200d || c == 0x200e || c == 0x200f ||
	    c == 0x061c || c == 0x00ad || c == 0x0640 ||
	    (c >= 0x064b && c <= 0x0652) || c == 0x0670 || c == 0x0654 ||
	    c == 0x0655 || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069) || c == 0x200b || c == 0x2060 ||
	    c == 0xfeff;
}

/* Persian folding of one character (after NFKC and case folding). */
static uint32_t
fold(uint32_t c, const struct searchkey_opts *o)
{
	switch (c) {
	case 0x064a: case 0x0649: case 0x06d2:
		return 0x06cc;
	case 0x0643:
		return 0x06a9;
	case 0x06c1: case 0x06d5:
		return 0x0647;
	case 0x06c0:
		return o->fold_heh_hamza ? 0x0647 : c;
	case 0x0629:
		return o->fold_teh_marbuta ? 0x0647 : c;
	case 0x0622: case 0x0623: case 0x0625: case 0x0671:
		return o->fold_alef ? 0x0627 : c;
	case '\t': case '\n': case '\r': case '\v': case '\f':
		return ' ';
	}
	if (c >= 0x0660 && c <= 0x0669)
		return '0' + (c - 0x0660);
	if (c >= 0x06f0 && c <= 0x06f9)
		return '0' + (c - 0x06f0);
	if (c > 0x7f && uc_is_general_category_withtable(c, UC_CATEGORY_MASK_Zs))
		return ' ';
	return c;
}

/* Folds s[0..n) (one normalised segment) from original [a, b) into k. */
static void
fold_segment(struct searchkey *k, const uint32_t *s, size_t n, size_t a,
    size_t b, const struct searchkey_opts *o)
{
	size_t i;

	for (i = 0; i < n; i++) {
		uint32_t c = s[i];

		/* ه + hamza above is ۀ; NFC composes only U+06D5 + U+0654 */
		if (c == 0x0647 && i + 1 < n && s[i + 1] == 0x0654) {
			c = 0x06c0;
			i++;
		}
		if (removed(c))
			continue;
		push(k, fold(c, o), a, b);
	}
}

/* Segments that NFKC and case folding leave alone, without calling them. */
static bool
fast_char(uint32_t c)
{
	return (c >= 0x20 && c < 0x7f) || (c >= 0x0621 && c <= 0x064a) ||
	    (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9) ||
	    c == 0x067e || c == 0x0686 || c == 0x0698 || c == 0x06a9 ||
	    c == 0x06af || c == 0x06cc || c == 0x200c;
}

struct searchkey *
searchkey_new(const char *text, size_t len, const struct searchkey_opts *o)
{
	struct searchkey *k = xcalloc(1, sizeof *k);
	struct searchkey_opts def;
	uint32_t *cp = xmalloc((len + 1) * sizeof *cp), *norm = NULL;
	size_t n = 0, i = 0, a, b, nn;

	if (o == NULL) {
		searchkey_opts_default(&def);
		o = &def;
	}
	while (i < len) {
		ucs4_t uc;

		i += (size_t)u8_mbtouc(&uc, (const uint8_t *)text + i, len - i);
		cp[n++] = uc;
	}
	for (a = 0; a < n; a = b) {
		for (b = a + 1; b < n && uc_combining_class(cp[b]) != 0; b++)
			;
		if (b == a + 1 && fast_char(cp[a])) {
			uint32_t c = cp[a];

			if (c >= 'A' && c <= 'Z')
				c += 'a' - 'A';
			fold_segment(k, &c, 1, a, b, o);
			continue;
		}
		nn = 0;
		norm = u32_casefold(cp + a, b - a, "en", UNINORM_NFKC, NULL, &nn);
		if (norm == NULL) {	/* only on ENOMEM: keep the segment as is */
			fold_segment(k, cp + a, b - a, a, b, o);
			continue;
		}
		fold_segment(k, norm, nn, a, b, o);
		free(norm);
	}
	free(cp);
	return k;
}

void
searchkey_free(struct searchkey *k)
{
	if (k == NULL)
		return;
	free(k->ch);
	free(k->src);
	free(k);
}

size_t
searchkey_length(const struct searchkey *k)
{
	return k->n;
}

const uint32_t *
searchkey_chars(const struct searchkey *k)
{
	return k->ch;
}

char *
searchkey_utf8(const struct searchkey *k)
{
	size_t n = 0;
	uint8_t *s = u32_to_u8(k->ch, k->n, NULL, &n);
	char *out;

	if (s == NULL)
		fatal("searchkey: out of memory");
	out = xmalloc(n + 1);
	memcpy(out, s, n);
	out[n] = '\0';
	free(s);
	return out;
}

void
searchkey_source(const struct searchkey *k, size_t i, size_t *start,
    size_t *end)
{
	*start = k->src[2 * i];
	*end = k->src[2 * i + 1];
}

/* Matches needle[j..m) at hay position i; returns the end, or -1. */
static long
match(const struct searchkey *hay, size_t i, const uint32_t *nd, size_t j,
    size_t m)
{
	while (j < m) {
		if (nd[j] == ' ') {
			j++;
			if (i < hay->n && hay->ch[i] == ' ') {
				long r = match(hay, i + 1, nd, j, m);

				if (r >= 0)
					return r;
			}
			continue;
		}
		if (i >= hay->n || hay->ch[i] != nd[j])
			return -1;
		i++;
		j++;
	}
	return (long)i;
}

/* The first hit at key index i or later; brk and flags as in
 * searchkey_next (flags 0 without brk). */
static bool
find_key(const struct searchkey *hay, const struct searchkey *needle,
    const char *brk, int flags, size_t i, size_t *ks, size_t *ke)
{
	const uint32_t *nd = needle->ch;
	size_t m = needle->n;

	while (m > 0 && nd[0] == ' ') {
		nd++;
		m--;
	}
	while (m > 0 && nd[m - 1] == ' ')
		m--;
	if (m == 0)
		return false;
	for (; i < hay->n; i++) {
		long e;

		if (hay->ch[i] != nd[0] ||
		    ((flags & SEARCHKEY_WORD_START) && !brk[i]))
			continue;
		if ((e = match(hay, i, nd, 0, m)) > (long)i &&
		    (!(flags & SEARCHKEY_WORD_END) || brk[e])) {
			*ks = i;
			*ke = (size_t)e;
			return true;
		}
	}
	return false;
}

bool
searchkey_find(const struct searchkey *hay, const struct searchkey *needle,
    size_t from, size_t *start, size_t *end)
{
	size_t lo = 0, hi = hay->n, ks, ke;

	/* sources only grow along the key: skip to from at once, so walking
	 * every hit of a long text stays linear */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (hay->src[2 * mid] < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!find_key(hay, needle, NULL, 0, lo, &ks, &ke))
		return false;
	*start = hay->src[2 * ks];
	*end = hay->src[2 * (ke - 1) + 1];
	return true;
}

char *
searchkey_wordbreaks(const struct searchkey *k)
{
	char *brk = xcalloc(k->n + 1, 1);

	if (k->n > 0)
		u32_wordbreaks(k->ch, k->n, brk);
	brk[0] = 1;
	brk[k->n] = 1;
	return brk;
}

bool
searchkey_next(const struct searchkey *hay, const struct searchkey *needle,
    const char *brk, int flags, size_t *pos, size_t *start, size_t *end)
{
	size_t ks, ke;

	assert(brk != NULL || flags == 0);
	if (!find_key(hay, needle, brk, flags, *pos, &ks, &ke))
		return false;
	*start = hay->src[2 * ks];
	*end = hay->src[2 * (ke - 1) + 1];
	*pos = ke;
	return true;
}
