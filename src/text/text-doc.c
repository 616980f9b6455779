/*
 * text-doc.c: documents (UTF-8 text + paragraph index) and caret motion.
 *
 * A paragraph is the text between LFs (a CR right before the LF is part of
 * the separator). Offsets are logical code point indexes into the whole
 * text, separators included; a paragraph records its byte range and its
 * logical [start, start + n). UTF-8 is decoded with u8_mbtouc, which turns
 * each maximal invalid subsequence into one U+FFFD, and counted with
 * u8_mbsnlen, which counts the same way, so offsets agree everywhere.
 * Offsets are counted lazily (doc_index), and only as far as a caller
 * asks (cover): the whole text is counted when its length is asked.
 */
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unigbrk.h>
#include <unistr.h>
#include <uniwbrk.h>

#include "base/util.h"
#include "text/text-int.h"

struct text_doc *
text_doc_new(const char *text, size_t len)
{
	char *copy = xmalloc(len + 1);

	memcpy(copy, text, len);
	return text_doc_adopt(copy, len);
}

/*
 * Where to end a segment of an over-long paragraph that starts at byte pos
 * and ends at end: at most TEXT_SEGMENT_MAX bytes on, before a space if one
 * is in the last 4 KiB (a word boundary, and a grapheme boundary, since a
 * space extends no cluster), else at the last grapheme boundary.
 */
static size_t
segment_end(const char *t, size_t pos, size_t end)
{
	const uint8_t *s = (const uint8_t *)t;
	size_t cut = pos + TEXT_SEGMENT_MAX, i;

	if (cut >= end)
		return end;
	for (i = cut; i > cut - 4096; i--)
		if (t[i] == ' ')
			return i;
	for (i = cut; i > pos + 4; i--) {
		ucs4_t before, at;

		if ((s[i] & 0xc0) == 0x80)
			continue;	/* inside a code point */
		if (u8_prev(&before, s + i, s + pos) == NULL)
			continue;
		u8_mbtouc(&at, s + i, end - i);
		if (uc_is_grapheme_break(before, at))
			return i;
	}
	return cut;	/* no boundary at all: keep memory bounded anyway */
}

struct text_doc *
text_doc_adopt(char *text, size_t len)
{
	struct text_doc *d = xcalloc(1, sizeof *d);
	size_t cap = 0, pos = 0;

	d->text = text;
	d->text[len] = '\0';
	d->len = len;
	while (pos < len) {
		const char *nl = memchr(d->text + pos, '\n', len - pos);
		size_t end = nl != NULL ? (size_t)(nl - d->text) : len;
		size_t cend = end;
		struct text_doc_para *p;

		if (nl != NULL && cend > pos && d->text[cend - 1] == '\r')
			cend--;
		/* An over-long line becomes several segments with no separator
		 * between them (see TEXT_SEGMENT_MAX). */
		while (cend - pos > TEXT_SEGMENT_MAX) {
			size_t cut = segment_end(d->text, pos, cend);

			d->paras = xgrow(d->paras, &cap, d->npara + 1, sizeof *d->paras);
			p = &d->paras[d->npara++];
			p->byte = pos;
			p->nbyte = cut - pos;
			p->sep = 0;
			pos = cut;
		}
		d->paras = xgrow(d->paras, &cap, d->npara + 1, sizeof *d->paras);
		p = &d->paras[d->npara++];
		p->byte = pos;
		p->nbyte = cend - pos;
		p->sep = (end - cend) + (nl != NULL);
		pos = end + (nl != NULL);
	}
	return d;
}

/*
 * Code point offsets are counted lazily, in paragraph order: a layout that
 * streams through the text counts each paragraph while decoding it, so the
 * text is read once. The index is a cache inside a const doc.
 */
static void
doc_index(const struct text_doc *cd, size_t upto)
{
	struct text_doc *d = (struct text_doc *)cd;

	while (d->nindexed < d->npara && d->nindexed <= upto) {
		struct text_doc_para *p = &d->paras[d->nindexed];

		p->start = d->nindexed == 0 ? 0 :
		    p[-1].start + p[-1].n + p[-1].sep;
		p->n = u8_mbsnlen((const uint8_t *)d->text + p->byte, p->nbyte);
		d->nindexed++;
	}
	if (d->nindexed == d->npara && d->npara > 0)
		d->ncp = d->paras[d->npara - 1].start + d->paras[d->npara - 1].n +
		    d->paras[d->npara - 1].sep;
}

static void
index_all(const struct text_doc *d)
{
	if (d->nindexed < d->npara)
		doc_index(d, d->npara);
}

/* Indexes paragraphs until one holds off or all are: a caret near the
 * start of a 50 MB document costs no count of the rest. */
static void
cover(const struct text_doc *d, size_t off)
{
	const struct text_doc_para *p;

	while (d->nindexed < d->npara) {
		if (d->nindexed > 0) {
			p = &d->paras[d->nindexed - 1];
			if (p->start + p->n + p->sep > off)
				break;
		}
		doc_index(d, d->nindexed);
	}
}

/* The length once known; until then more than any covered offset. */
static size_t
known_len(const struct text_doc *d)
{
	return d->nindexed == d->npara ? d->ncp : (size_t)-1;
}

size_t
text_doc_clamp(const struct text_doc *d, size_t off)
{
	cover(d, off);
	return off > known_len(d) ? d->ncp : off;
}

size_t
text_doc_para_start(const struct text_doc *d, size_t p)
{
	if (p >= d->nindexed)
		doc_index(d, p);
	return d->paras[p].start;
}

void
text_doc_free(struct text_doc *d)
{
	if (d == NULL)
		return;
	free(d->paras);
	free(d->text);
	free(d);
}

size_t
text_doc_length(const struct text_doc *d)
{
	index_all(d);
	return d->ncp;
}

size_t
text_doc_paragraphs(const struct text_doc *d)
{
	return d->npara;
}

void
text_doc_paragraph(const struct text_doc *d, size_t p, size_t *start,
    size_t *end)
{
	if (p >= d->nindexed)
		doc_index(d, p);
	*start = d->paras[p].start;
	*end = d->paras[p].start + d->paras[p].n;
}

const char *
text_doc_paragraph_utf8(const struct text_doc *d, size_t p, size_t *nbyte)
{
	*nbyte = d->paras[p].nbyte;
	return d->text + d->paras[p].byte;
}

size_t
text_doc_paragraph_at(const struct text_doc *d, size_t off)
{
	size_t lo = 0, hi;

	cover(d, off);
	hi = d->nindexed;
	/* the last paragraph whose start <= off */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->paras[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

size_t
text_doc_decode(const struct text_doc *cd, size_t p, uint32_t **buf,
    size_t *cap)
{
	struct text_doc *d = (struct text_doc *)cd;
	const uint8_t *s = (const uint8_t *)d->text + d->paras[p].byte;
	size_t nb = d->paras[p].nbyte, i = 0, k = 0;

	*buf = xgrow(*buf, cap, nb + 1, sizeof **buf);	/* n <= bytes */
	while (i < nb) {
		ucs4_t uc;
		int m;

		if (s[i] < 0x80) {	/* ASCII: no call */
			(*buf)[k++] = s[i++];
			continue;
		}
		m = u8_mbtouc(&uc, s + i, nb - i);
		(*buf)[k++] = uc;
		i += (size_t)m;
	}
	/* u8_mbtouc and u8_mbsnlen count invalid input alike: the decoded
	 * length indexes the next paragraph in order */
	if (p > 0 && p > d->nindexed)
		doc_index(d, p - 1);
	if (p == d->nindexed) {
		d->paras[p].start = p == 0 ? 0 : d->paras[p - 1].start +
		    d->paras[p - 1].n + d->paras[p - 1].sep;
		d->paras[p].n = k;
		d->nindexed++;
		if (d->nindexed == d->npara)
			doc_index(d, p);
	}
	return k;
}

uint32_t
text_doc_char(const struct text_doc *d, size_t off)
{
	const uint8_t *s, *end;
	size_t p, rel;
	ucs4_t uc = '\n';

	cover(d, off);
	if (off >= known_len(d) || d->npara == 0)
		return '\n';
	p = text_doc_paragraph_at(d, off);
	if (off >= d->paras[p].start + d->paras[p].n)
		return '\n';
	s = (const uint8_t *)d->text + d->paras[p].byte;
	end = s + d->paras[p].nbyte;
	for (rel = off - d->paras[p].start; s < end; rel--) {
		int m = u8_mbtouc(&uc, s, (size_t)(end - s));

		if (rel == 0)
			break;
		s += m;
	}
	return uc;
}

/* Break flags of paragraph p: grapheme (words false) or word boundaries. */
static size_t
para_breaks(const struct text_doc *d, size_t p, bool words, uint32_t **cp,
    char **brk)
{
	size_t cap = 0, n = text_doc_decode(d, p, cp, &cap);

	*brk = xmalloc(n + 1);
	if (words)
		u32_wordbreaks(*cp, n, *brk);
	else
		u32_grapheme_breaks(*cp, n, *brk);
	if (n > 0)
		(*brk)[0] = 1;
	(*brk)[n] = 1;
	return n;
}

size_t
text_doc_next_grapheme(const struct text_doc *d, size_t off)
{
	uint32_t *cp = NULL;
	char *brk = NULL;
	size_t p, rel, n, r;

	cover(d, off);
	if (off >= known_len(d) || d->npara == 0)
		return d->ncp;
	p = text_doc_paragraph_at(d, off);
	if (off >= d->paras[p].start + d->paras[p].n)
		return p + 1 < d->npara ? text_doc_para_start(d, p + 1) :
		    text_doc_length(d);
	rel = off - d->paras[p].start;
	n = para_breaks(d, p, false, &cp, &brk);
	for (r = rel + 1; r < n && !brk[r]; r++)
		;
	free(cp);
	free(brk);
	return d->paras[p].start + r;
}

size_t
text_doc_prev_grapheme(const struct text_doc *d, size_t off)
{
	uint32_t *cp = NULL;
	char *brk = NULL;
	size_t p, rel, r, end;

	if (off == 0 || d->npara == 0)
		return 0;
	off = text_doc_clamp(d, off);
	p = text_doc_paragraph_at(d, off);
	end = d->paras[p].start + d->paras[p].n;
	if (off > end)			/* inside a CR LF separator */
		return end;
	if (off == d->paras[p].start)
		return p > 0 ? d->paras[p - 1].start + d->paras[p - 1].n : 0;
	rel = off - d->paras[p].start;
	para_breaks(d, p, false, &cp, &brk);
	for (r = rel - 1; r > 0 && !brk[r]; r--)
		;
	free(cp);
	free(brk);
	return d->paras[p].start + r;
}

size_t
text_doc_grapheme_start(const struct text_doc *d, size_t off)
{
	uint32_t *cp = NULL;
	char *brk = NULL;
	size_t p, r;

	if (d->npara == 0)
		return 0;
	p = text_doc_paragraph_at(d, off);
	if (off < d->paras[p].start || off >= d->paras[p].start + d->paras[p].n)
		return text_doc_clamp(d, off);
	para_breaks(d, p, false, &cp, &brk);
	for (r = off - d->paras[p].start; r > 0 && !brk[r]; r--)
		;
	free(cp);
	free(brk);
	return d->paras[p].start + r;
}

static bool
is_word_char(uint32_t c)
{
	return uc_is_general_category_withtable(c, UC_CATEGORY_MASK_L |
	    UC_CATEGORY_MASK_N);
}

/* Word starts of paragraph p: ws[r] true when a word begins at r. */
static size_t
word_starts(const struct text_doc *d, size_t p, char **ws)
{
	uint32_t *cp = NULL;
	size_t n = para_breaks(d, p, true, &cp, ws), r;

	for (r = 0; r < n; r++)
		(*ws)[r] = (*ws)[r] && is_word_char(cp[r]);
	free(cp);
	return n;
}

size_t
text_doc_next_word(const struct text_doc *d, size_t off)
{
	size_t p;

	cover(d, off);
	if (d->npara == 0 || off >= known_len(d))
		return d->ncp;
	for (p = text_doc_paragraph_at(d, off); p < d->npara; p++) {
		char *ws;
		size_t n = word_starts(d, p, &ws), r;

		for (r = 0; r < n; r++)
			if (ws[r] && d->paras[p].start + r > off)
				break;
		free(ws);
		if (r < n)
			return d->paras[p].start + r;
	}
	return text_doc_length(d);
}

size_t
text_doc_prev_word(const struct text_doc *d, size_t off)
{
	size_t p;

	if (d->npara == 0 || off == 0)
		return 0;
	off = text_doc_clamp(d, off);
	for (p = text_doc_paragraph_at(d, off) + 1; p-- > 0;) {
		char *ws;
		size_t n = word_starts(d, p, &ws), r;

		for (r = n; r-- > 0;)
			if (ws[r] && d->paras[p].start + r < off)
				break;
		free(ws);
		if (r != (size_t)-1)
			return d->paras[p].start + r;
	}
	return 0;
}
