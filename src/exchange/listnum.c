/*
 * listnum.c: a list number in the style a word processor shows it (1, 01,
 * iv, C, cc, ٣, ۳, ب), shared by the .docx and .odt readers, which each
 * map their own format names onto enum listnum_fmt.
 *
 * Numbers come from untrusted files: whatever n is, the result is short.
 * Roman numerals stop at 3999 and letter labels at 64 letters; past those,
 * and for n < 1 where a style has no zero, the number is written in
 * decimal, as Word and LibreOffice fall back themselves.
 */
#include <limits.h>
#include <stdint.h>

#include <unistr.h>

#include "base/util.h"
#include "exchange/exchange-int.h"

/* Letters of the Arabic alphabet in the two orders lists use. */
static const uint16_t arabic_alpha[] = {
	0x0623, 0x0628, 0x062a, 0x062b, 0x062c, 0x062d, 0x062e, 0x062f, 0x0630,
	0x0631, 0x0632, 0x0633, 0x0634, 0x0635, 0x0636, 0x0637, 0x0638, 0x0639,
	0x063a, 0x0641, 0x0642, 0x0643, 0x0644, 0x0645, 0x0646, 0x0647, 0x0648,
	0x064a,
};
static const uint16_t arabic_abjad[] = {
	0x0623, 0x0628, 0x062c, 0x062f, 0x0647, 0x0648, 0x0632, 0x062d, 0x0637,
	0x064a, 0x0643, 0x0644, 0x0645, 0x0646, 0x0633, 0x0639, 0x0641, 0x0635,
	0x0642, 0x0631, 0x0634, 0x062a, 0x062b, 0x062e, 0x0630, 0x0636, 0x0638,
	0x063a,
};

#define MAX_LETTERS 64

static void
put_uc(struct buf *b, ucs4_t c)
{
	uint8_t u[6];
	int k = u8_uctomb(u, c, sizeof u);

	if (k > 0)
		buf_add(b, u, (size_t)k);
}

/* Decimal digits from zero (U+0030, U+0660, U+06F0). */
static void
put_digits(struct buf *b, long long n, ucs4_t zero)
{
	char d[24];
	int k = 0;

	if (n < 0) {
		buf_putc(b, '-');
		n = n == LLONG_MIN ? LLONG_MAX : -n;
	}
	do {
		d[k++] = (char)(n % 10);
		n /= 10;
	} while (n > 0);
	while (k > 0)
		put_uc(b, zero + (ucs4_t)d[--k]);
}

static void
put_roman(struct buf *b, long long n, bool upper)
{
	static const struct { int v; const char *s; } r[] = {
		{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
		{90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"},
		{4, "iv"}, {1, "i"},
	};
	size_t i;
	const char *s;

	for (i = 0; i < AX_ARRAY_LEN(r); i++)
		for (; n >= r[i].v; n -= r[i].v)
			for (s = r[i].s; *s != '\0'; s++)
				buf_putc(b, upper ? (char)(*s - 'a' + 'A') : *s);
}

void
listnum_put(struct buf *b, long long n, enum listnum_fmt f)
{
	long long k;
	const uint16_t *set = arabic_alpha;

	switch (f) {
	case LN_NONE:
		break;
	case LN_DECIMAL_ZERO:
		if (n >= 0 && n < 10)
			buf_putc(b, '0');
		put_digits(b, n, '0');
		break;
	case LN_UPPER_ROMAN:
	case LN_LOWER_ROMAN:
		if (n >= 1 && n <= 3999)
			put_roman(b, n, f == LN_UPPER_ROMAN);
		else
			put_digits(b, n, '0');
		break;
	case LN_UPPER_LETTER:
	case LN_LOWER_LETTER:
		/* Word: a..z, then aa, bb, .. zz, aaa */
		if (n >= 1 && (n - 1) / 26 < MAX_LETTERS)
			for (k = 0; k <= (n - 1) / 26; k++)
				buf_putc(b, (char)((f == LN_UPPER_LETTER ? 'A' : 'a') +
				    (n - 1) % 26));
		else
			put_digits(b, n, '0');
		break;
	case LN_UPPER_ALPHA:
	case LN_LOWER_ALPHA: {
		/* ODF: a..z, then aa, ab, .. az, ba (bijective base 26) */
		char s[MAX_LETTERS];
		int i = 0;

		if (n < 1 || n > 1000000000) {
			put_digits(b, n, '0');
			break;
		}
		for (k = n; k > 0; k = (k - 1) / 26)
			s[i++] = (char)((f == LN_UPPER_ALPHA ? 'A' : 'a') + (k - 1) % 26);
		while (i > 0)
			buf_putc(b, s[--i]);
		break;
	}
	case LN_ORDINAL:
		put_digits(b, n, '0');
		k = n < 0 ? -n : n;
		buf_puts(b, k % 100 >= 11 && k % 100 <= 13 ? "th" : k % 10 == 1 ?
		    "st" : k % 10 == 2 ? "nd" : k % 10 == 3 ? "rd" : "th");
		break;
	case LN_ARABIC_INDIC:
		put_digits(b, n, 0x0660);
		break;
	case LN_PERSIAN:
		put_digits(b, n, 0x06f0);
		break;
	case LN_ARABIC_ABJAD:
		set = arabic_abjad;
		/* FALLTHROUGH */
	case LN_ARABIC_ALPHA:
		if (n >= 1 && (n - 1) / 28 < MAX_LETTERS)
			for (k = 0; k <= (n - 1) / 28; k++)
				put_uc(b, set[(n - 1) % 28]);
		else
			put_digits(b, n, '0');
		break;
	case LN_DECIMAL:
	default:
		put_digits(b, n, '0');
		break;
	}
}
