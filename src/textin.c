/*
 * textin.c: import decoding (see textin.h). UTF-16 goes through
 * libunistring's u16_to_u8; validity through u8_check; SHA-256 through
 * OpenSSL's EVP interface.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <unistr.h>

#include "axial/i18n.h"
#include "axial/textin.h"
#include "axial/util.h"

/* Line (1-based) of byte offset off in s. */
static size_t
line_of(const char *s, size_t off)
{
	size_t line = 1, i;

	for (i = 0; i < off; i++)
		if (s[i] == '\n')
			line++;
	return line;
}

static char *
from_utf16(const unsigned char *d, size_t len, int big_endian, size_t *outlen,
    char **err)
{
	size_t n = len / 2, i, u8len;
	uint16_t *u = xmalloc((n ? n : 1) * sizeof *u);
	uint8_t *r;

	if (len % 2 != 0) {
		free(u);
		*err = xstrdup(_("UTF-16 text with an odd number of bytes (truncated?)"));
		return NULL;
	}
	for (i = 0; i < n; i++)
		u[i] = big_endian ? (uint16_t)(d[2 * i] << 8 | d[2 * i + 1]) :
		    (uint16_t)(d[2 * i + 1] << 8 | d[2 * i]);
	if (u16_check(u, n) != NULL) {
		size_t at = (size_t)(u16_check(u, n) - u);

		free(u);
		*err = xasprintf(_("invalid UTF-16 (an unpaired surrogate) at byte "
		    "offset %zu"), 2 + 2 * at);
		return NULL;
	}
	r = u16_to_u8(u, n, NULL, &u8len);
	free(u);
	if (r == NULL)
		fatal("out of memory decoding UTF-16");
	r = xrealloc(r, u8len + 1);
	r[u8len] = '\0';
	*outlen = u8len;
	return (char *)r;
}

char *
textin_decode(const char *data, size_t len, size_t *outlen, char **err)
{
	const unsigned char *d = (const unsigned char *)data;
	char *utf8 = NULL, *out;
	const char *src = data;
	size_t srclen = len, i, o;
	const uint8_t *bad;

	*err = NULL;
	if (len >= 2 && ((d[0] == 0xff && d[1] == 0xfe) || (d[0] == 0xfe && d[1] == 0xff))) {
		utf8 = from_utf16(d + 2, len - 2, d[0] == 0xfe, &srclen, err);
		if (utf8 == NULL)
			return NULL;
		src = utf8;
	} else if (len >= 3 && d[0] == 0xef && d[1] == 0xbb && d[2] == 0xbf) {
		src += 3;
		srclen -= 3;
	}
	bad = u8_check((const uint8_t *)src, srclen);
	if (bad != NULL) {
		size_t off = (size_t)((const char *)bad - src);

		*err = xasprintf(_("invalid UTF-8 at line %zu, byte offset %zu"),
		    line_of(src, off), off + (size_t)(src - data) * (utf8 == NULL));
		free(utf8);
		return NULL;
	}
	{
		const char *nul = memchr(src, '\0', srclen);

		if (nul != NULL) {
			size_t off = (size_t)(nul - src);

			*err = xasprintf(_("a NUL character at line %zu, byte offset %zu:"
			    " this is not a text file"), line_of(src, off), off);
			free(utf8);
			return NULL;
		}
	}
	out = xmalloc(srclen + 1);
	for (i = o = 0; i < srclen; i++) {
		if (src[i] == '\r') {
			out[o++] = '\n';
			if (i + 1 < srclen && src[i + 1] == '\n')
				i++;
		} else {
			out[o++] = src[i];
		}
	}
	out[o] = '\0';
	free(utf8);
	*outlen = o;
	return out;
}

char *
textin_controls_notice(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	size_t nctl = 0, nbidi = 0, lctl = 0, lbidi = 0, line = 1;
	struct buf b = {0};

	while (p < end) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, (size_t)(end - p));

		if (c == '\n')
			line++;
		else if ((c < 0x20 && c != '\t') || (c >= 0x7f && c < 0xa0)) {
			if (nctl++ == 0)
				lctl = line;
		} else if ((c >= 0x202a && c <= 0x202e) ||
		    (c >= 0x2066 && c <= 0x2069)) {
			if (nbidi++ == 0)
				lbidi = line;
		}
		p += k;
	}
	if (nctl == 0 && nbidi == 0)
		return NULL;
	if (nctl > 0)
		buf_printf(&b, ngettext("%zu control character (the first on line %zu)",
		    "%zu control characters (the first on line %zu)",
		    (unsigned long)nctl), nctl, lctl);
	if (nbidi > 0) {
		if (nctl > 0)
			buf_puts(&b, _(" and "));
		buf_printf(&b, ngettext("%zu bidi override or isolate (the first "
		    "on line %zu)", "%zu bidi overrides or isolates (the first on "
		    "line %zu)", (unsigned long)nbidi), nbidi, lbidi);
	}
	buf_puts(&b, _(": kept as they are, shown as placeholders, never sent to "
	    "a terminal"));
	return buf_take(&b);
}

size_t
textin_nchars(const char *s, size_t n)
{
	return u8_mbsnlen((const uint8_t *)s, n);
}

size_t
textin_cp_to_byte(const char *s, size_t len, size_t cp)
{
	const uint8_t *q = (const uint8_t *)s, *end = q + len;
	ucs4_t c;

	while (cp > 0 && q < end) {
		q += u8_mbtouc(&c, q, (size_t)(end - q));
		cp--;
	}
	return (size_t)(q - (const uint8_t *)s);
}

void
textin_sha256(const void *data, size_t len, char hex[65])
{
	static const char digits[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0, i;

	if (!EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL))
		fatal("SHA-256 failed");
	for (i = 0; i < mdlen && i < 32; i++) {
		hex[2 * i] = digits[md[i] >> 4];
		hex[2 * i + 1] = digits[md[i] & 15];
	}
	hex[64] = '\0';
}
