/*
 * textin.c: reading what import and merge take in, and import decoding
 * (see textin.h). UTF-16 goes through iconv; validity through
 * libunistring's u8_check; SHA-256 through OpenSSL's EVP interface.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/stat.h>

#include <openssl/evp.h>
#include <unistr.h>

#include "base/i18n.h"
#include "base/textin.h"
#include "base/util.h"

static const char *const size_units[] = {N_("KiB"), N_("MiB"), N_("GiB"), N_("TiB")};

int
textin_size_parse(const char *s, uint64_t *out)
{
	static const char letters[] = "KMGT";
	uint64_t v = 0;
	const char *c = s, *u;
	int shift = 0;

	if (*c < '0' || *c > '9')
		return -1;
	for (; *c >= '0' && *c <= '9'; c++) {
		if (v > (UINT64_MAX - (uint64_t)(*c - '0')) / 10)
			return -1;
		v = v * 10 + (uint64_t)(*c - '0');
	}
	if (*c != '\0' && (u = strchr(letters, toupper((unsigned char)*c))) != NULL) {
		shift = 10 * (int)(u - letters + 1);
		c++;
		if (strcasecmp(c, "iB") == 0 || strcasecmp(c, "B") == 0)
			c += strlen(c);
	}
	if (*c != '\0' || v == 0 || v > UINT64_MAX >> shift)
		return -1;
	*out = v << shift;
	return 0;
}

/*
 * n for a message: "800 bytes", "256 MiB", or with one decimal rounded up
 * ("5.1 KiB"), so a size over a limit never reads as the limit itself.
 */
static char *
size_str(uint64_t n)
{
	uint64_t unit = 1024, q, tenths;
	size_t k = 0;

	if (n < 1024)
		return xasprintf(ngettext("%llu byte", "%llu bytes",
		    (unsigned long)n), (unsigned long long)n);
	while (k + 1 < AX_ARRAY_LEN(size_units) && n / unit >= 1024) {
		unit <<= 10;
		k++;
	}
	q = n / unit;
	tenths = (n % unit * 10 + unit - 1) / unit;
	if (tenths == 10) {
		q++;
		tenths = 0;
	}
	if (tenths == 0)
		return xasprintf("%llu %s", (unsigned long long)q, _(size_units[k]));
	return xasprintf("%llu.%llu %s", (unsigned long long)q,
	    (unsigned long long)tenths, _(size_units[k]));
}

static char *
too_big(uint64_t size, uint64_t max)
{
	char *a = size_str(size), *b = size_str(max), *r;

	if (strcmp(a, b) == 0) {	/* rounded alike: in bytes, then */
		free(a);
		free(b);
		a = xasprintf("%llu", (unsigned long long)size);
		b = xasprintf("%llu", (unsigned long long)max);
		r = xasprintf(_("%s bytes is over the import limit of %s bytes; "
		    "raise it with --max-size"), a, b);
	} else {
		r = xasprintf(_("%s is over the import limit of %s; raise it with "
		    "--max-size"), a, b);
	}
	free(a);
	free(b);
	return r;
}

int
textin_open(const char *path, enum textin_use use, uint64_t *size, char **err)
{
	struct stat st;
	int fd, fl;

	*err = NULL;
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd >= 0 && fstat(fd, &st) != 0) {
		int saved = errno;

		close(fd);
		fd = -1;
		errno = saved;
	}
	/* ENXIO: a socket, or a device with nothing behind it */
	if ((fd >= 0 && !S_ISREG(st.st_mode)) || (fd < 0 && errno == ENXIO)) {
		*err = xstrdup(use == TEXTIN_MERGE ? _("not a regular file; merge "
		    "reads ordinary files only") : _("not a regular file; import "
		    "reads ordinary files only"));
	} else if (fd < 0 || (fl = fcntl(fd, F_GETFL)) < 0 ||
	    fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0) {
		*err = xstrdup(strerror(errno));
	} else {
		*size = (uint64_t)st.st_size;
		return fd;
	}
	if (fd >= 0)
		close(fd);
	return -1;
}

int
textin_open_max(const char *path, enum textin_use use, uint64_t max,
    uint64_t *size, char **err)
{
	int fd;

	if ((fd = textin_open(path, use, size, err)) < 0)
		return -1;
	if (max > SIZE_MAX - 2)
		max = SIZE_MAX - 2;	/* what a buffer can hold, on 32 bits */
	if (*size > max) {
		*err = too_big(*size, max);
		close(fd);
		return -1;
	}
	return fd;
}

char *
textin_read(const char *path, enum textin_use use, uint64_t max, size_t *len,
    char **err)
{
	struct buf b = {0};
	uint64_t size;
	ssize_t n;
	int fd;

	if ((fd = textin_open_max(path, use, max, &size, err)) < 0)
		return NULL;
	if (max > SIZE_MAX - 2)
		max = SIZE_MAX - 2;
	/* Room for the size fstat gave and one byte more, to see growth. */
	b.s = xgrow(NULL, &b.cap, (size_t)size + 2, 1);
	for (;;) {
		if (b.cap - b.len < 2)
			b.s = xgrow(b.s, &b.cap, b.len + 65536, 1);
		n = read(fd, b.s + b.len, b.cap - b.len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		b.len += (size_t)n;
		if (b.len > max)
			break;	/* it grew past the limit while we read */
	}
	if (n < 0)
		*err = xstrdup(strerror(errno));
	else if (b.len > max)
		*err = too_big(b.len, max);
	close(fd);
	if (*err != NULL) {
		buf_done(&b);
		return NULL;
	}
	b.s[b.len] = '\0';
	*len = b.len;
	return buf_take(&b);
}

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

/*
 * UTF-16 (the BOM already skipped) to UTF-8 with iconv, which stops at the
 * first unit that is no character (an unpaired surrogate) and says where.
 */
static char *
from_utf16(const char *d, size_t len, int big_endian, size_t *outlen,
    char **err)
{
	iconv_t cd;
	char *in = (char *)d, *out, *r;
	size_t inleft = len, cap = len / 2 * 3 + 1, outleft = cap, n;

	if (len % 2 != 0) {
		*err = xstrdup(_("UTF-16 text with an odd number of bytes (truncated?)"));
		return NULL;
	}
	if ((cd = iconv_open("UTF-8", big_endian ? "UTF-16BE" : "UTF-16LE")) ==
	    (iconv_t)-1)
		fatal("iconv cannot convert UTF-16: %s", strerror(errno));
	r = out = xmalloc(cap);
	n = iconv(cd, &in, &inleft, &out, &outleft);
	iconv_close(cd);
	if (n == (size_t)-1) {
		free(r);
		*err = xasprintf(_("invalid UTF-16 (an unpaired surrogate) at byte "
		    "offset %zu"), 2 + (size_t)(in - d));
		return NULL;
	}
	*outlen = cap - outleft;
	r[*outlen] = '\0';	/* 3 bytes a unit at most, 4 a pair: room left */
	return r;
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
		utf8 = from_utf16(data + 2, len - 2, d[0] == 0xfe, &srclen, err);
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
textin_cp_span(const char *s, size_t len, size_t start, size_t end,
    size_t *a, size_t *b)
{
	struct textin_at at = {0, 0};

	textin_cp_span_at(s, len, &at, start, end, a, b);
}

void
textin_cp_span_at(const char *s, size_t len, struct textin_at *at,
    size_t start, size_t end, size_t *a, size_t *b)
{
	if (start < at->cp)	/* out of order: from the top again */
		at->cp = at->byte = 0;
	at->byte += textin_cp_to_byte(s + at->byte, len - at->byte,
	    start - at->cp);
	at->cp = start;
	*a = at->byte;
	*b = *a + textin_cp_to_byte(s + *a, len - *a, end - start);
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
