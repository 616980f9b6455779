/*
 * text-fit.c: one line of text fitted to a number of columns, the one way
 * a name, label or message is cut to fit a column (text_fit in text.h).
 *
 * Invariants: widths are the engine's own cell widths (the display filter,
 * wide characters, placeholders for controls), so what is measured here is
 * what a pane draws; a cut falls on a UAX #29 grapheme cluster boundary, so
 * no base loses its marks and no emoji ZWJ sequence is split; the result is
 * a logical prefix of the text plus the ellipsis, so laid out in the text's
 * own paragraph direction the ellipsis lands at its reading end; blanks at
 * the end are padding, dropped before anything else is cut.
 */
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unigbrk.h>
#include <unistr.h>
#include <uniwbrk.h>
#include <uniwidth.h>

#include "base/util.h"
#include "text/text-int.h"

/* The widest line laid out to measure it; wider text wraps, and its
 * widths are summed over the lines. */
#define FIT_MEASURE 4000
/* A word end is preferred to a grapheme cut when it loses at most this
 * many columns, and at most a quarter of the room. */
#define FIT_WORD_SLACK 3

/* Columns of the UTF-8 string s as the ellipsis, code point by code point. */
static int
ell_width(const char *s)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
	int w = 0;

	while (p < end) {
		ucs4_t c;
		int m = u8_mbtouc(&c, p, (size_t)(end - p)), cw;

		cw = uc_width(c, "UTF-8");
		w += cw > 0 ? cw : 0;
		p += m;
	}
	return w;
}

/* The longest prefix of ell no wider than room: for a column narrower
 * than the ellipsis itself. */
static char *
ell_cut(const char *ell, int room)
{
	const uint8_t *p = (const uint8_t *)ell, *end = p + strlen(ell);
	int w = 0;

	while (p < end) {
		ucs4_t c;
		int m = u8_mbtouc(&c, p, (size_t)(end - p)), cw;

		cw = uc_width(c, "UTF-8");
		if (w + (cw > 0 ? cw : 0) > room)
			break;
		w += cw > 0 ? cw : 0;
		p += m;
	}
	return xstrndup(ell, (size_t)(p - (const uint8_t *)ell));
}

/* Is k (0 < k < n) the end of a word: a word and cluster boundary with
 * no blank before it and a blank or punctuation after it? */
static bool
word_end(const uint32_t *cp, size_t k, const char *gb, const char *wb)
{
	if (!wb[k] || !gb[k] || uc_is_property_white_space(cp[k - 1]))
		return false;
	return uc_is_property_white_space(cp[k]) ||
	    uc_is_general_category(cp[k], UC_CATEGORY_P);
}

/* Byte offset of code point k in s[0, len), counted as text_doc counts. */
static size_t
byte_at(const char *s, size_t len, size_t k)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;

	while (k-- > 0 && p < end) {
		ucs4_t c;

		p += u8_mbtouc(&c, p, (size_t)(end - p));
	}
	return (size_t)(p - (const uint8_t *)s);
}

char *
text_fit(const char *s, int width, enum text_dir dir, const char *ell,
    bool *rtl)
{
	char *line = xstrdup(s), *q, *out;
	size_t len = strlen(line), n, i, k, kw, cap = 0;
	struct text_doc *d;
	struct text_layout *l;
	struct text_opts o;
	struct text_line ln;
	uint32_t *cp = NULL;
	int *pw, room, slack;
	char *gb, *wb;

	for (q = line; *q != '\0'; q++)
		if (*q == '\n' || *q == '\r')
			*q = ' ';
	d = text_doc_new(line, len);
	text_opts_default(&o);
	o.dir = dir;
	l = text_layout_new(d, &o, FIT_MEASURE);
	n = text_doc_paragraphs(d) > 0 ? text_doc_decode(d, 0, &cp, &cap) : 0;
	/* pw[k]: columns of the cells that start before code point k */
	pw = xcalloc(n + 1, sizeof *pw);
	if (rtl != NULL)
		*rtl = false;
	for (i = 0; i < text_layout_lines(l); i++) {
		size_t c;

		text_layout_line(l, i, &ln);
		if (rtl != NULL)
			*rtl = ln.rtl;
		for (c = 0; c < ln.ncells; c++)
			if (ln.cells[c].start < n)
				pw[ln.cells[c].start + 1] += ln.cells[c].cols;
	}
	for (k = 1; k <= n; k++)
		pw[k] += pw[k - 1];
	text_layout_free(l);
	text_doc_free(d);
	if (pw[n] <= width) {
		out = line;
		line = NULL;
		goto done;
	}
	/* trailing blanks are padding: a line that fits without them is
	   shown whole, without them, and with no ellipsis */
	for (k = n; k > 0 && uc_is_property_white_space(cp[k - 1]); k--)
		;
	if (k < n && pw[k] <= width) {
		out = xstrndup(line, byte_at(line, len, k));
		goto done;
	}
	room = width - ell_width(ell);
	if (room < 0) {
		out = ell_cut(ell, width);
		goto done;
	}
	gb = xmalloc(n + 1);
	wb = xmalloc(n + 1);
	u32_grapheme_breaks(cp, n, gb);
	u32_wordbreaks(cp, n, wb);
	gb[0] = wb[0] = gb[n] = wb[n] = 1;	/* both ends are boundaries */
	/* the longest prefix on a cluster boundary that leaves the room */
	for (k = n; k > 0 && (!gb[k] || pw[k] > room); k--)
		;
	/* a word's end nearby reads better than half a word */
	slack = room / 4 < FIT_WORD_SLACK ? room / 4 : FIT_WORD_SLACK;
	for (kw = k; kw > 0 && pw[k] - pw[kw] <= slack; kw--)
		if (word_end(cp, kw, gb, wb))
			break;
	if (kw > 0 && pw[k] - pw[kw] <= slack)
		k = kw;
	/* no blank before the ellipsis */
	while (k > 0 && uc_is_property_white_space(cp[k - 1]))
		k--;
	free(gb);
	free(wb);
	i = byte_at(line, len, k);
	out = xasprintf("%.*s%s", (int)i, line, ell);
done:
	free(line);
	free(pw);
	free(cp);
	return out;
}
