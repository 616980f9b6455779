/*
 * util.c: allocation that cannot fail, byte buffers, file helpers.
 * See src/base/util.h for the contracts.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <unistr.h>

#include "base/util.h"

/* The fatal hook: global because fatal() is reached from any depth, from
 * code that has no handle to pass it (xmalloc failing included). */
static void (*fatal_hook)(void);

void
fatal_set_hook(void (*hook)(void))
{
	fatal_hook = hook;
}

void
fatal(const char *fmt, ...)
{
	va_list ap;
	void (*hook)(void) = fatal_hook;

	fatal_hook = NULL;	/* a failing hook must not recurse */
	if (hook != NULL)
		hook();
	fputs("axial: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(3);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		fatal("out of memory (%zu bytes)", n);
	return p;
}

/* One huge page on x86-64 and arm64 (4 KiB base pages): below two of
 * them the advice buys nothing. */
#define BULK_ALIGN ((size_t)2 << 20)

void *
xmalloc_bulk(size_t n)
{
	void *p;

	if (n < 2 * BULK_ALIGN)
		return xmalloc(n);
	if (posix_memalign(&p, BULK_ALIGN, n) != 0)
		fatal("out of memory (%zu bytes)", n);
#ifdef MADV_HUGEPAGE
	/* only advice: a kernel without transparent huge pages ignores it */
	(void)madvise(p, n & ~(BULK_ALIGN - 1), MADV_HUGEPAGE);
#endif
	return p;
}

void *
xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (p == NULL)
		fatal("out of memory (%zu x %zu bytes)", count, size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		fatal("out of memory (%zu bytes)", n);
	return q;
}

void *
xgrow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap;

	if (need <= c)
		return p;
	if (c < 16)
		c = 16;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			fatal("array too large");
		c *= 2;
	}
	if (size != 0 && c > SIZE_MAX / size)
		fatal("array too large");
	*cap = c;
	return xrealloc(p, c * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

int
str_index(const char *const *names, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return (int)i;
	return -1;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	struct buf b = {0};

	buf_vprintf(&b, fmt, ap);
	return buf_take(&b);
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	b->s = xgrow(b->s, &b->cap, b->len + n + 1, 1);
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_putc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	size_t room = b->s != NULL ? b->cap - b->len : 0;
	int n;

	/* into the room left, printed again only when it was too short: one
	 * pass for the many short rows of an export, not two */
	va_copy(ap2, ap);
	n = vsnprintf(room > 0 ? b->s + b->len : NULL, room, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		fatal("bad format string");
	if ((size_t)n >= room) {
		b->s = xgrow(b->s, &b->cap, b->len + (size_t)n + 1, 1);
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->s != NULL)
		b->s[0] = '\0';
}

char *
buf_take(struct buf *b)
{
	char *s = b->s != NULL ? b->s : xstrdup("");

	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void
buf_done(struct buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

void
buf_json_str(struct buf *b, const char *s, size_t n)
{
	const uint8_t *q = (const uint8_t *)s, *end = q + n;

	buf_putc(b, '"');
	while (q < end) {
		ucs4_t c;
		int k = u8_mbtouc(&c, q, (size_t)(end - q));

		switch (c) {
		case '"': buf_puts(b, "\\\""); break;
		case '\\': buf_puts(b, "\\\\"); break;
		case '\n': buf_puts(b, "\\n"); break;
		case '\r': buf_puts(b, "\\r"); break;
		case '\t': buf_puts(b, "\\t"); break;
		default:
			/* escaped, so JSON shown on a terminal cannot drive it:
			 * controls (C1 too), bidi overrides and isolates, the
			 * line separators JavaScript rejects; invalid UTF-8
			 * becomes U+FFFD, as everywhere else */
			if (c < 0x20 || (c >= 0x7f && c < 0xa0) ||
			    (c >= 0x2028 && c <= 0x202e) ||
			    (c >= 0x2066 && c <= 0x2069) ||
			    (c == 0xfffd && !(k == 3 && q[0] == 0xef)))
				buf_printf(b, "\\u%04x", (unsigned)c);
			else
				buf_add(b, q, (size_t)k);
		}
		q += k;
	}
	buf_putc(b, '"');
}

void
buf_csv_field(struct buf *b, const char *s)
{
	buf_csv_field_n(b, s, strlen(s));
}

void
buf_csv_field_n(struct buf *b, const char *s, size_t n)
{
	const char *end = s + n, *q;

	for (q = s; q < end; q++)
		if (*q == ',' || *q == '"' || *q == '\r' || *q == '\n')
			break;
	if (q == end) {
		buf_add(b, s, n);
		return;
	}
	/* runs between quotes at once, each quote doubled */
	buf_putc(b, '"');
	while ((q = memchr(s, '"', (size_t)(end - s))) != NULL) {
		buf_add(b, s, (size_t)(q - s) + 1);
		buf_putc(b, '"');
		s = q + 1;
	}
	buf_add(b, s, (size_t)(end - s));
	buf_putc(b, '"');
}

/* names[k], or NULL past their end. */
void
buf_xml_text(struct buf *b, const char *s, const char *br)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;"); break;
		case '\n': buf_puts(b, br != NULL ? br : " "); break;
		case '\t': buf_putc(b, br != NULL ? '\t' : ' '); break;
		case '\r':
			if (br == NULL)
				buf_putc(b, ' ');
			break;
		default:
			if (c >= 0x20)
				buf_putc(b, (char)c);
		}
	}
}

static const char *
nth_name(const char *const *names, size_t k)
{
	size_t i;

	for (i = 0; names != NULL && names[i] != NULL; i++)
		if (i == k)
			return names[i];
	return NULL;
}

void
buf_figures(struct buf *b, const char *s, bool fa, const char *const *names)
{
	const char *p, *name;
	bool word = false;	/* in a Latin word: "N1" is a label, not a figure */

	for (p = s; *p; p++) {
		name = *p >= BUF_NAME0[0] && *p <= BUF_NAME1[0] ?
		    nth_name(names, (size_t)(*p - BUF_NAME0[0])) : NULL;
		word = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    *p == '_' || (word && *p >= '0' && *p <= '9');
		if (name != NULL) {
			buf_puts(b, name);
		} else if (fa && !word && *p >= '0' && *p <= '9') {
			/* U+06F0..U+06F9, EXTENDED ARABIC-INDIC DIGIT ZERO.. */
			buf_putc(b, '\xdb');
			buf_putc(b, (char)(0xb0 + (*p - '0')));
		} else if (fa && *p == '.' && p > s && p[-1] >= '0' &&
		    p[-1] <= '9' && p[1] >= '0' && p[1] <= '9') {
			buf_puts(b, "\xd9\xab");	/* U+066B ARABIC DECIMAL SEPARATOR */
		} else {
			buf_putc(b, *p);
		}
	}
}

char *
file_read_all(const char *path, size_t *len)
{
	struct buf b = {0};
	const size_t chunk = 65536;
	ssize_t n;
	struct stat st;
	int fd, saved;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		errno = EISDIR;
		return NULL;
	}
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		b.s = xgrow(NULL, &b.cap, (size_t)st.st_size + 1, 1);
	/* straight into the buffer (sized for a regular file: one pass) */
	for (;;) {
		if (b.cap - b.len < 2)
			b.s = xgrow(b.s, &b.cap, b.len + chunk + 1, 1);
		n = read(fd, b.s + b.len, b.cap - b.len - 1);
		if (n == 0) {
			b.s[b.len] = '\0';
			break;
		}
		if (n < 0) {
			if (errno == EINTR)
				continue;
			saved = errno;
			close(fd);
			buf_done(&b);
			errno = saved;
			return NULL;
		}
		b.len += (size_t)n;
		b.s[b.len] = '\0';
	}
	close(fd);
	if (b.s == NULL)
		buf_add(&b, "", 0);
	*len = b.len;
	return buf_take(&b);
}

int
file_atomic_open(struct file_atomic *fa, const char *path)
{
	int i, saved;

	fa->tmp = NULL;
	fa->path = path;
	fa->fd = -1;
	/* A fresh name that no one could have planted: O_EXCL fails on any
	 * file or symbolic link already there (exports go to shared folders),
	 * so the next name is tried instead of following it. */
	for (i = 0; i < 100 && fa->fd < 0; i++) {
		free(fa->tmp);
		fa->tmp = xasprintf("%s.tmp.%ld.%d", path, (long)getpid(), i);
		fa->fd = open(fa->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0664);
		if (fa->fd < 0 && errno != EEXIST)
			break;
	}
	if (fa->fd >= 0)
		return 0;
	saved = errno;
	free(fa->tmp);
	fa->tmp = NULL;
	errno = saved;
	return -1;
}

int
file_atomic_write(struct file_atomic *fa, const void *data, size_t len)
{
	const char *p = data;
	ssize_t n;

	while (len > 0) {
		if ((n = write(fa->fd, p, len)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int
file_atomic_commit(struct file_atomic *fa)
{
	int rc;

	if (fsync(fa->fd) != 0)
		goto fail;
	rc = close(fa->fd);
	fa->fd = -1;	/* closed, failed or not: abort must not close it */
	if (rc != 0 || rename(fa->tmp, fa->path) != 0)
		goto fail;
	free(fa->tmp);
	fa->tmp = NULL;
	return 0;
fail:
	file_atomic_abort(fa);	/* keeps errno */
	return -1;
}

void
file_atomic_abort(struct file_atomic *fa)
{
	int saved = errno;

	if (fa->fd >= 0)
		close(fa->fd);
	if (fa->tmp != NULL)
		unlink(fa->tmp);
	free(fa->tmp);
	fa->tmp = NULL;
	fa->fd = -1;
	errno = saved;
}

int
file_write_atomic(const char *path, const void *data, size_t len)
{
	struct file_atomic fa;

	if (file_atomic_open(&fa, path) != 0)
		return -1;
	if (file_atomic_write(&fa, data, len) != 0) {
		file_atomic_abort(&fa);
		return -1;
	}
	return file_atomic_commit(&fa);
}

/* 2 x full x part reaches 2e20, past 64 bits; __int128 is a GCC and Clang
 * extension, which __extension__ declares as intended under -Wpedantic. */
__extension__ typedef unsigned __int128 u128;

/* 100 x part / whole x 10^decimals, rounded half up. */
static int64_t
percent_scaled(double part, double whole, int decimals)
{
	int64_t full = 100;
	int i;

	for (i = 0; i < decimals; i++)
		full *= 10;
	if (part >= 0 && part <= 1e15 && whole <= 1e15 && part == floor(part) &&
	    whole == floor(whole)) {	/* floor(x + 1/2), exactly */
		u128 p = (u128)part, w = (u128)whole;

		return (int64_t)((2 * (u128)full * p + w) / (2 * w));
	}
	return (int64_t)floor((double)full * part / whole + 0.5);
}

char *
percent_fmt(char *out, size_t cap, double part, double whole, int decimals,
    enum percent_style style)
{
	int64_t scale, full, r;
	const char *sign = "";
	int i;

	if (decimals < 0)
		decimals = 0;
	if (decimals > 3)
		decimals = 3;
	if (!(whole > 0) || !isfinite(part) || !isfinite(whole) || part < 0) {
		snprintf(out, cap, "%s", "");
		return out;
	}
	for (;;) {
		for (scale = 1, i = 0; i < decimals; i++)
			scale *= 10;
		full = 100 * scale;
		r = percent_scaled(part, whole, decimals);
		if (style != PERCENT_DIGITS || decimals == 6 ||
		    !((r >= full && part < whole) || (r <= 0 && part > 0)))
			break;
		decimals++;	/* CSV, JSON: more decimals while they lie */
	}
	if (r >= full && part < whole) {	/* not 100: never shown as 100 */
		r = full - 1;
		sign = ">";
	} else if (r <= 0 && part > 0) {	/* not 0: never shown as 0 */
		r = 1;
		sign = "<";
	}
	if (decimals > 0) {
		char frac[24];	/* scale + r % scale: "1005" gives ".005" */

		snprintf(frac, sizeof frac, "%lld", (long long)(scale + r % scale));
		snprintf(out, cap, "%s%lld.%s", sign, (long long)(r / scale),
		    frac + 1);
	} else {
		snprintf(out, cap, "%s%lld", sign, (long long)r);
	}
	return out;
}

uint64_t
clock_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

char *
exe_dir(void)
{
	char buf[4096];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	char *slash;

	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	if ((slash = strrchr(buf, '/')) == NULL)
		return NULL;
	*slash = '\0';
	return xstrdup(buf);
}
