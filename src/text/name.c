/*
 * name.c: the one check of names and labels (name.h), and the cleaner for
 * names that come from files.
 *
 * Refused everywhere: invalid UTF-8; the controls (Cc: C0 with TAB, CR and
 * LF, DEL, C1) and the line and paragraph separators U+2028/U+2029, which
 * would drive a terminal or break a line; the bidi embeddings, overrides
 * and isolates U+202A-U+202E and U+2066-U+2069, which reorder what
 * follows them ("Trojan Source"). In names also every other format
 * character (Cf): zero-width spaces, joiners, BOM, tag characters and the
 * direction marks LRM, RLM and ALM, which the display hides, so that two
 * names that look the same are the same; but not ZWNJ and ZWJ, which
 * Persian (and other Arabic-script and Indic) words need. Unassigned and
 * private-use code points pass: the display shows them as their hex code,
 * so they cannot pass for another name, and a newer Unicode than
 * libunistring's may have assigned them.
 */
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>

#include "base/i18n.h"
#include "text/name.h"
#include "text/searchkey.h"
#include "base/theme.h"
#include "base/util.h"

static const struct field {
	const char *what;	/* N_ */
	bool label;		/* one line shown as is, not an identifier */
	bool empty_ok;
	size_t max;
} fields[NAME_FIELD_COUNT] = {
	[NAME_DOCUMENT] = {N_("document name"), false, false, NAME_MAX_CHARS},
	[NAME_CODE] = {N_("code name"), false, false, NAME_MAX_CHARS},
	[NAME_CATEGORY] = {N_("category name"), false, false, NAME_MAX_CHARS},
	[NAME_CODER] = {N_("coder login"), false, false, NAME_MAX_CHARS},
	[NAME_ACCOUNT] = {N_("coder account"), false, false, NAME_MAX_CHARS},
	[NAME_ATTRIBUTE] = {N_("attribute name"), false, false, NAME_MAX_CHARS},
	[NAME_CODER_NAME] = {N_("coder display name"), true, false, NAME_MAX_CHARS},
	[NAME_TITLE] = {N_("project title"), true, true, LABEL_MAX_CHARS},
	[NAME_MEMO_TITLE] = {N_("memo title"), true, true, LABEL_MAX_CHARS},
	[NAME_ATTR_VALUE] = {N_("attribute value"), true, true, LABEL_MAX_CHARS},
	[NAME_LINK_TYPE] = {N_("link type name"), false, false, NAME_MAX_CHARS},
	[NAME_QUERY] = {N_("query name"), false, false, NAME_MAX_CHARS},
};

enum verdict { GOOD, CONTROL, BIDI, INVISIBLE };

static enum verdict
classify(ucs4_t c, bool label)
{
	if (uc_is_general_category(c, UC_CATEGORY_Cc) || c == 0x2028 || c == 0x2029)
		return CONTROL;
	if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
		return BIDI;
	if (!label && c != 0x200c && c != 0x200d &&
	    uc_is_general_category(c, UC_CATEGORY_Cf))
		return INVISIBLE;
	return GOOD;
}

/* Space at either end of a name: trimmed. ZWNJ and ZWJ join nothing there. */
static bool
is_pad(ucs4_t c)
{
	return c == 0x200c || c == 0x200d || uc_is_general_category(c, UC_CATEGORY_Zs);
}

size_t
name_field_max(enum name_field f)
{
	return fields[f].max;
}

/* s[0..n) without the pad at both ends: [*a, *b). Valid UTF-8. */
static void
trim(const uint8_t *s, size_t n, size_t *a, size_t *b)
{
	const uint8_t *p = s, *q = s + n, *prev;
	ucs4_t c;
	int k;

	while (p < q && (k = u8_mbtouc(&c, p, (size_t)(q - p))) > 0 && is_pad(c))
		p += k;
	while (q > p && (prev = u8_prev(&c, q, p)) != NULL && is_pad(c))
		q = prev;
	*a = (size_t)(p - s);
	*b = (size_t)(q - s);
}

/* A name NFC-normalised and trimmed; valid UTF-8 in. */
static char *
normal_name(const char *s)
{
	size_t len, a, b;
	uint8_t *norm = u8_normalize(UNINORM_NFC, (const uint8_t *)s, strlen(s),
	    NULL, &len);
	char *out;

	if (norm == NULL)
		fatal("out of memory normalising a name");
	trim(norm, len, &a, &b);
	out = xstrndup((const char *)norm + a, b - a);
	free(norm);
	return out;
}

/* Only pad (or nothing)? Valid UTF-8. */
static bool
blank(const char *s)
{
	size_t a, b;

	trim((const uint8_t *)s, strlen(s), &a, &b);
	return a == b;
}

char *
name_check(enum name_field f, const char *s)
{
	const struct field *fd = &fields[f];
	const uint8_t *u = (const uint8_t *)s, *bad, *p, *end = u + strlen(s);
	char *norm = NULL, *msg = NULL;
	size_t pos = 1, n;
	ucs4_t c;
	int k;

	if ((bad = u8_check(u, (size_t)(end - u))) != NULL)
		return xasprintf(_("%s: is not valid UTF-8 at position %zu; names "
		    "and titles must be UTF-8 text"), _(fd->what),
		    u8_mbsnlen(u, (size_t)(bad - u)) + 1);
	for (p = u; p < end; p += k, pos++) {
		k = u8_mbtouc(&c, p, (size_t)(end - p));
		switch (classify(c, fd->label)) {
		case CONTROL:
			return xasprintf(_("%s: contains a control character "
			    "(U+%04X) at position %zu; names and titles may not "
			    "contain control characters, tabs or line breaks"),
			    _(fd->what), (unsigned)c, pos);
		case BIDI:
			return xasprintf(_("%s: contains a bidi control (U+%04X) at "
			    "position %zu; names and titles may not contain bidi "
			    "embeddings, overrides or isolates"), _(fd->what),
			    (unsigned)c, pos);
		case INVISIBLE:
			return xasprintf(_("%s: contains an invisible character "
			    "(U+%04X) at position %zu; names may not contain "
			    "invisible formatting characters (ZWNJ and ZWJ aside)"),
			    _(fd->what), (unsigned)c, pos);
		case GOOD:
			break;
		}
	}
	if (!fd->label)
		s = norm = normal_name(s);
	if (fd->label ? (*s == '\0' ? !fd->empty_ok : blank(s)) : *s == '\0')
		msg = xasprintf(_("%s: is empty or only spaces"), _(fd->what));
	else if ((n = u8_mbsnlen((const uint8_t *)s, strlen(s))) > fd->max)
		msg = xasprintf(_("%s: is %zu characters long; the limit is %zu"),
		    _(fd->what), n, fd->max);
	free(norm);
	return msg;
}

char *
name_normal(enum name_field f, const char *s)
{
	char *msg = name_check(f, s);

	if (msg != NULL) {
		free(msg);
		return NULL;
	}
	return fields[f].label ? xstrdup(s) : normal_name(s);
}

char *
name_key(const char *s)
{
	if (u8_check((const uint8_t *)s, strlen(s)) != NULL)
		return xstrdup(s);
	return normal_name(s);
}

char *
name_fold(const char *s)
{
	char *key = name_key(s), *out, *p, *q;
	struct searchkey *k = searchkey_new(key, strlen(key), NULL);

	out = searchkey_utf8(k);
	searchkey_free(k);
	free(key);
	for (p = q = out; *p != '\0'; p++)	/* the key's spaces are all ' ' */
		if (*p != ' ')
			*q++ = *p;
	*q = '\0';
	return out;
}

size_t
name_distance(const char *a, const char *b, size_t max)
{
	uint32_t *ua = NULL, *ub = NULL;
	size_t *d = NULL, la = 0, lb = 0, i, j, v, out = max + 1;

	ua = u8_to_u32((const uint8_t *)a, strlen(a), NULL, &la);
	ub = u8_to_u32((const uint8_t *)b, strlen(b), NULL, &lb);
	if (ua == NULL || ub == NULL || la > NAME_MAX_CHARS ||
	    lb > NAME_MAX_CHARS)
		goto out;
	/* three rows of lb + 1: row i is d[(i % 3) * (lb + 1)] */
	d = xcalloc(3 * (lb + 1), sizeof *d);
#define D(i, j) d[((i) % 3) * (lb + 1) + (j)]
	for (i = 0; i <= la; i++)
		for (j = 0; j <= lb; j++) {
			if (i == 0 || j == 0) {
				D(i, j) = i + j;
				continue;
			}
			v = D(i - 1, j - 1) + (ua[i - 1] != ub[j - 1]);
			if (D(i - 1, j) + 1 < v)
				v = D(i - 1, j) + 1;
			if (D(i, j - 1) + 1 < v)
				v = D(i, j - 1) + 1;
			if (i > 1 && j > 1 && ua[i - 1] == ub[j - 2] &&
			    ua[i - 2] == ub[j - 1] && D(i - 2, j - 2) + 1 < v)
				v = D(i - 2, j - 2) + 1;
			D(i, j) = v;
		}
	if (D(la, lb) <= max)
		out = D(la, lb);
#undef D
out:
	free(d);
	free(ua);
	free(ub);
	return out;
}

/* The first bytes of s holding at most max code points, ending at a
 * grapheme boundary. */
static size_t
cut_len(const char *s, size_t max)
{
	const uint8_t *u = (const uint8_t *)s, *end = u + strlen(s), *p = u, *q;
	size_t n = 0;

	while (p < end) {
		q = u8_grapheme_next(p, end);
		n += u8_mbsnlen(p, (size_t)(q - p));
		if (n > max)
			break;
		p = q;
	}
	return (size_t)(p - u);
}

char *
name_clean(enum name_field f, const char *s, const char *dflt, size_t max,
    unsigned *changed)
{
	const struct field *fd = &fields[f];
	const uint8_t *p = (const uint8_t *)(s != NULL ? s : ""), *end;
	struct buf b = {0};
	unsigned ch = 0;
	char *out;
	size_t keep, a, z;

	if (max == 0 || max > fd->max)
		max = fd->max;
	buf_puts(&b, "");
	for (end = p + strlen((const char *)p); p < end;) {
		ucs4_t c;
		int k = u8_mbtoucr(&c, p, (size_t)(end - p));

		if (k < 0) {
			buf_puts(&b, "\xef\xbf\xbd");
			ch |= NAME_CLEANED;
			p++;
			continue;
		}
		switch (classify(c, fd->label)) {
		case GOOD:
			buf_add(&b, p, (size_t)k);
			break;
		case INVISIBLE:
			ch |= NAME_CLEANED;
			break;
		case CONTROL:
		case BIDI:
			buf_putc(&b, ' ');
			ch |= NAME_CLEANED;
			break;
		}
		p += k;
	}
	out = fd->label ? buf_take(&b) : normal_name(b.s);
	buf_done(&b);
	if ((keep = cut_len(out, max)) < strlen(out)) {
		out[keep] = '\0';
		ch |= NAME_CUT;
		if (!fd->label) {	/* the cut may leave a space at the end */
			trim((const uint8_t *)out, keep, &a, &z);
			out[z] = '\0';
		}
	}
	if (blank(out) && (*out != '\0' || !fd->empty_ok)) {
		free(out);
		out = xstrdup(dflt != NULL ? dflt : "");
	}
	if (changed != NULL)
		*changed = ch;
	return out;
}

bool
name_color_ok(const char *s)
{
	int v;

	return s[0] == '\0' || theme_color_parse(s, &v);
}
