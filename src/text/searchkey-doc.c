/*
 * searchkey-doc.c: searching a whole document with bounded memory
 * (src/text/searchkey.h).
 *
 * A key costs about 20 bytes a character (the character and its source
 * range), so one key of a hostile 50 MB document would take most of a
 * gigabyte. The document is searched in windows instead: window k holds
 * the paragraphs whose UTF-8 starts in [k WINDOW, (k + 1) WINDOW) bytes
 * (the text engine cuts paragraphs at 64 KiB, so none is empty but past
 * the end), and its key runs on over whole paragraphs for OVERLAP bytes
 * more, so a hit that starts in the window and ends in the next is found.
 * A hit belongs to the window its start is in, so each is seen once. The
 * last window's key is kept: a transcript under WINDOW is one window,
 * keyed once, and n and N walk it without building anything.
 */
#include <stdlib.h>

#include "text/searchkey.h"
#include "text/text.h"
#include "base/util.h"

#define WINDOW ((size_t)512 << 10)
#define OVERLAP ((size_t)64 << 10)

struct searchkey_doc {
	const struct text_doc *d;
	struct searchkey_opts o;
	struct searchkey *key;	/* of window win up to paragraph tail, or NULL */
	size_t win, tail;
	size_t base;		/* logical offset of the key's first character */
	size_t core_e;		/* hits starting before this count */
};

struct searchkey_doc *
searchkey_doc_new(const struct text_doc *d, const struct searchkey_opts *o)
{
	struct searchkey_doc *s = xcalloc(1, sizeof *s);

	s->d = d;
	if (o != NULL)
		s->o = *o;
	else
		searchkey_opts_default(&s->o);
	return s;
}

void
searchkey_doc_free(struct searchkey_doc *s)
{
	if (s == NULL)
		return;
	searchkey_free(s->key);
	free(s);
}

/* Byte offset of paragraph p in the document's UTF-8, and of its end. */
static size_t
byte_of(const struct text_doc *d, size_t p, size_t *end)
{
	size_t n, n0;
	size_t b = (size_t)(text_doc_paragraph_utf8(d, p, &n) -
	    text_doc_paragraph_utf8(d, 0, &n0));

	if (end != NULL)
		*end = b + n;
	return b;
}

/* The first paragraph starting at or after byte b (npara if none). */
static size_t
para_from_byte(const struct text_doc *d, size_t b)
{
	size_t lo = 0, hi = text_doc_paragraphs(d);

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (byte_of(d, mid, NULL) < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static size_t
windows(const struct text_doc *d)
{
	size_t np = text_doc_paragraphs(d), end;

	if (np == 0)
		return 0;
	byte_of(d, np - 1, &end);
	return end / WINDOW + 1;
}

static size_t
window_of(const struct text_doc *d, size_t off)
{
	if (text_doc_paragraphs(d) == 0)
		return 0;
	return byte_of(d, text_doc_paragraph_at(d, off), NULL) / WINDOW;
}

/* Keys window k for a needle of nb bytes; false if it holds no paragraph. */
static bool
load(struct searchkey_doc *s, size_t k, size_t nb)
{
	const struct text_doc *d = s->d;
	size_t np = text_doc_paragraphs(d), p0, p1, p2, b0, e1, e2, st, en, n;
	size_t ov = nb * 4 > OVERLAP ? nb * 4 : OVERLAP;

	p0 = para_from_byte(d, k * WINDOW);
	p1 = para_from_byte(d, (k + 1) * WINDOW);
	if (p0 >= p1)
		return false;
	byte_of(d, p1 - 1, &e1);
	for (p2 = p1; p2 < np && byte_of(d, p2, NULL) < e1 + ov; p2++)
		;
	if (s->key != NULL && s->win == k && s->tail == p2)
		return true;
	searchkey_free(s->key);
	b0 = byte_of(d, p0, NULL);
	byte_of(d, p2 - 1, &e2);
	s->key = searchkey_new(text_doc_paragraph_utf8(d, p0, &n), e2 - b0,
	    &s->o);
	s->win = k;
	s->tail = p2;
	text_doc_paragraph(d, p0, &st, &en);
	s->base = st;
	if (p1 < np)
		text_doc_paragraph(d, p1, &s->core_e, &en);
	else
		s->core_e = text_doc_length(d);
	return true;
}

/* The first hit of window k starting at or after from. */
static bool
first_in(struct searchkey_doc *s, size_t k, const struct searchkey *needle,
    size_t nb, size_t from, size_t *start, size_t *end)
{
	size_t a, b;

	if (!load(s, k, nb) || !searchkey_find(s->key, needle,
	    from > s->base ? from - s->base : 0, &a, &b) ||
	    s->base + a >= s->core_e)
		return false;
	*start = s->base + a;
	*end = s->base + b;
	return true;
}

/* The last hit of window k starting before limit. */
static bool
last_in(struct searchkey_doc *s, size_t k, const struct searchkey *needle,
    size_t nb, size_t limit, size_t *start, size_t *end)
{
	size_t a, b, pos = 0;
	bool any = false;

	if (!load(s, k, nb))
		return false;
	if (limit > s->core_e)
		limit = s->core_e;
	while (searchkey_find(s->key, needle, pos, &a, &b) &&
	    s->base + a < limit) {
		*start = s->base + a;
		*end = s->base + b;
		any = true;
		pos = a + 1;
	}
	return any;
}

bool
searchkey_doc_find(struct searchkey_doc *s, const struct searchkey *needle,
    size_t from, bool backward, size_t *start, size_t *end, bool *wrapped)
{
	size_t nw = windows(s->d), nb = searchkey_length(needle) * 4, k;

	*wrapped = false;
	if (nw == 0)
		return false;
	if (!backward) {
		for (k = window_of(s->d, from); k < nw; k++)
			if (first_in(s, k, needle, nb, from, start, end))
				return true;
		*wrapped = true;
		for (k = 0; k < nw; k++)
			if (first_in(s, k, needle, nb, 0, start, end))
				return true;
		return false;
	}
	for (k = window_of(s->d, from) + 1; k-- > 0;)
		if (last_in(s, k, needle, nb, from, start, end))
			return true;
	*wrapped = true;
	for (k = nw; k-- > 0;)
		if (last_in(s, k, needle, nb, (size_t)-1, start, end))
			return true;
	return false;
}
