/*
 * text-filter.c: the display filter (docs/bidi.md §8.2). Decides, per logical
 * code point, what reaches the terminal. Nothing here changes the text the
 * UBA sees: a control keeps its bidi class (RLO still overrides, ESC is
 * still BN); only its *display* becomes a placeholder, so no C0, DEL, C1,
 * ESC or bidi format character is ever sent to the terminal.
 *
 *   TAB                         spaces to the next tab stop
 *   C0 (but TAB), DEL           one Control Pictures glyph (U+2400 + c, U+2421)
 *   C1 U+0080-009F              "<9B>"
 *   LRE RLE PDF LRO RLO         "<LRE>" ... in the warning colour
 *   LRI RLI FSI PDI             "<LRI>" ...
 *   U+2028, U+2029              "<LS>", "<PS>"
 *   unassigned, private use     "<E000>" (hex)
 *   other zero-width Cf         hidden (ZWNJ, ZWJ, LRM, RLM, ALM, ZWSP, BOM...);
 *                               ZWNJ/ZWJ are drawn, attached, when the
 *                               terminal shapes (text-para.c)
 *   zero-width marks            combining glyphs on the preceding cell
 */
#include <pthread.h>

#include <unictype.h>
#include <uniwidth.h>

#include "text/text-int.h"

/* A cache: built once by text_filter_init (pthread_once, so fuzzers and
 * tests on threads agree), read-only after; the layout's inner loop reads
 * it directly (text-layout.c), hence not behind a function. */
uint8_t text_filter_fast[TF_FAST_MAX];
static pthread_once_t fast_once = PTHREAD_ONCE_INIT;

static void
fast_build(void)
{
	uint32_t c;

	for (c = 0; c < TF_FAST_MAX; c++) {
		int cols;
		enum tf_kind k = text_filter_class(c, &cols);
		uint8_t v = (uint8_t)(k | (cols & 15) << 3);

		if (k == TF_TAB || (k == TF_BASE &&
		    uc_is_general_category_withtable(c, UC_CATEGORY_MASK_Zs)))
			v |= TF_FAST_SPACE;
		text_filter_fast[c] = v;
	}
}

void
text_filter_init(void)
{
	pthread_once(&fast_once, fast_build);
}

enum tf_kind
text_filter_class(uint32_t c, int *cols)
{
	int w;

	*cols = 1;
	if (c >= 0x20 && c < 0x7f)
		return TF_BASE;
	if (c == '\t')
		return TF_TAB;
	if (c < 0x20 || c == 0x7f)
		return TF_PLACEHOLDER;
	if (c < 0xa0 || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029) {
		uint32_t tmp[TF_PH_MAX];

		*cols = text_filter_placeholder(c, tmp);
		return TF_PLACEHOLDER;
	}
	if (c == 0xad)
		return TF_HIDDEN;
	/* Latin-1, Arabic-script letters, digits and punctuation: the common
	 * cases, all one column, no table lookups. */
	if ((c >= 0xa0 && c <= 0xff) || (c >= 0x0621 && c <= 0x064a) ||
	    (c >= 0x0660 && c <= 0x066d) || (c >= 0x0671 && c <= 0x06d3) ||
	    (c >= 0x06f0 && c <= 0x06f9) || c == 0x060c || c == 0x061b ||
	    c == 0x061f)
		return TF_BASE;
	if (uc_is_general_category_withtable(c, UC_CATEGORY_MASK_Cf)) {
		if ((w = uc_width(c, "UTF-8")) <= 0)
			return TF_HIDDEN;
		*cols = w;
		return TF_BASE;
	}
	if (uc_is_general_category_withtable(c, UC_CATEGORY_MASK_Cn |
	    UC_CATEGORY_MASK_Co | UC_CATEGORY_MASK_Cs | UC_CATEGORY_MASK_Cc)) {
		uint32_t tmp[TF_PH_MAX];

		*cols = text_filter_placeholder(c, tmp);
		return TF_PLACEHOLDER;
	}
	w = uc_width(c, "UTF-8");
	if (w == 0)
		return TF_MARK;
	if (w < 0) {
		uint32_t tmp[TF_PH_MAX];

		*cols = text_filter_placeholder(c, tmp);
		return TF_PLACEHOLDER;
	}
	*cols = w > 2 ? 2 : w;
	return TF_BASE;
}

static int
put_ascii(uint32_t out[TF_PH_MAX], const char *s)
{
	int n = 0;

	while (s[n] != '\0' && n < TF_PH_MAX) {
		out[n] = (unsigned char)s[n];
		n++;
	}
	return n;
}

int
text_filter_placeholder(uint32_t c, uint32_t out[TF_PH_MAX])
{
	static const char *const fmt[] = {	/* U+202A..202E */
		"<LRE>", "<RLE>", "<PDF>", "<LRO>", "<RLO>",
	};
	static const char *const iso[] = {	/* U+2066..2069 */
		"<LRI>", "<RLI>", "<FSI>", "<PDI>",
	};
	static const char hex[] = "0123456789ABCDEF";
	char tmp[TF_PH_MAX + 1];
	int i, n, digits;

	if (c < 0x20) {
		out[0] = 0x2400 + c;
		return 1;
	}
	if (c == 0x7f) {
		out[0] = 0x2421;
		return 1;
	}
	if (c >= 0x202a && c <= 0x202e)
		return put_ascii(out, fmt[c - 0x202a]);
	if (c >= 0x2066 && c <= 0x2069)
		return put_ascii(out, iso[c - 0x2066]);
	if (c == 0x2028)
		return put_ascii(out, "<LS>");
	if (c == 0x2029)
		return put_ascii(out, "<PS>");
	digits = c > 0xfffff ? 6 : c > 0xffff ? 5 : c > 0xff ? 4 : 2;
	tmp[0] = '<';
	for (i = 0; i < digits; i++)
		tmp[1 + i] = hex[(c >> (4 * (digits - 1 - i))) & 0xf];
	tmp[1 + digits] = '>';
	tmp[2 + digits] = '\0';
	n = put_ascii(out, tmp);
	return n;
}
