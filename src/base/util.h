/*
 * util.h: the one allocation policy and small helpers shared by every module.
 *
 * x*alloc never return NULL: on failure they call fatal(), which runs the
 * registered fatal hook first (the UI uses it to restore the terminal) and
 * then exits with status 3. Nothing else in axial checks for NULL from an
 * allocator.
 */
#ifndef AXIAL_UTIL_H
#define AXIAL_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* printf-like: f is the format's argument, a the first checked one (0 for
 * a va_list); every such function carries it, so calls are checked. */
#define AX_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define AX_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* A list index moved by delta rows and kept inside [0, n); n > 0. */
static inline size_t
index_step(size_t cur, long delta, size_t n)
{
	long c = (long)cur + delta;

	return c < 0 ? 0 : (size_t)c >= n ? n - 1 : (size_t)c;
}

/* The first index of sorted v[0..n) whose value is at least x (n if none):
 * i64_lower_bound on int64_t, u32_lower_bound on uint32_t. */
#define AX_LOWER_BOUND(name, type)					\
static inline size_t							\
name(const type *v, size_t n, int64_t x)				\
{									\
	size_t lo = 0, hi = n;						\
									\
	while (lo < hi) {						\
		size_t mid = lo + (hi - lo) / 2;			\
									\
		if (v[mid] < x)						\
			lo = mid + 1;					\
		else							\
			hi = mid;					\
	}								\
	return lo;							\
}
AX_LOWER_BOUND(i64_lower_bound, int64_t)
AX_LOWER_BOUND(u32_lower_bound, uint32_t)
#undef AX_LOWER_BOUND

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
/* xmalloc for a large buffer filled at once (a document's text): aligned
 * and advised for the kernel's huge pages where it has them, so tens of
 * megabytes cost tens of page faults, not thousands; freed with free(). */
void *xmalloc_bulk(size_t n);
void *xrealloc(void *p, size_t n);
/* Grows an array of *cap elements of `size` bytes to hold at least `need`. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) AX_PRINTF(1, 2);
char *xvasprintf(const char *fmt, va_list ap) AX_PRINTF(1, 0);

/* The index of s in names[0..n), or -1: how a word the user types becomes
 * the enum value whose name it is (roles, units, formats). */
int str_index(const char *const *names, size_t n, const char *s);

/* Prints "axial: MESSAGE" to stderr after running the fatal hook; exits 3. */
_Noreturn void fatal(const char *fmt, ...) AX_PRINTF(1, 2);
/* The hook runs once, before fatal() prints: e.g. endwin(). */
void fatal_set_hook(void (*hook)(void));

/*
 * A growable byte buffer. buf.s is always NUL-terminated once anything has
 * been added; buf_done frees it, buf_take hands the string to the caller.
 */
struct buf {
	char *s;
	size_t len, cap;
};
void buf_add(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) AX_PRINTF(2, 3);
void buf_vprintf(struct buf *b, const char *fmt, va_list ap) AX_PRINTF(2, 0);
void buf_reset(struct buf *b);
char *buf_take(struct buf *b);
void buf_done(struct buf *b);

/* JSON string literal of the UTF-8 text s[0..n), quotes included. */
void buf_json_str(struct buf *b, const char *s, size_t n);
/* CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF. */
void buf_csv_field(struct buf *b, const char *s);
/* The same for the n bytes at s (no NUL among them). */
void buf_csv_field_n(struct buf *b, const char *s, size_t n);
/*
 * XML text (HTML's too) of s: & < > " ' as entities, the controls dropped
 * but tab and line breaks. With br, a tab stays and a line break becomes br
 * ("<br>" in HTML); without, a label on one line: tab, LF and CR become a
 * space each.
 */
void buf_xml_text(struct buf *b, const char *s, const char *br);

/*
 * Appends s to b, its figures in Persian digits when fa: Latin digits as
 * U+06F0-U+06F9 and a '.' between two digits as the Persian decimal
 * separator U+066B, but for digits that end a Latin word, which are part
 * of a label ("N1", "p_2"); without fa, s as it is. Each BUF_NAME0, BUF_NAME1 ...
 * byte in s stands for names[0], names[1] ... (a NULL-terminated array, or
 * NULL), put in unchanged: a name's digits ("02-it-director") are not
 * figures. Distinct stand-ins keep their names when a translation
 * reorders them.
 */
#define BUF_NAME0 "\x01"
#define BUF_NAME1 "\x02"
void buf_figures(struct buf *b, const char *s, bool fa,
    const char *const *names);

/*
 * Reads a whole file into memory (NUL-terminated, *len without the NUL).
 * Returns NULL with errno set on failure.
 */
char *file_read_all(const char *path, size_t *len);
/*
 * Writes data to path atomically: a temp file in the same directory, fsync,
 * rename. Created 0664 & ~umask: never world-writable. Returns 0, or -1
 * with errno set.
 */
int file_write_atomic(const char *path, const void *data, size_t len);
/*
 * The same, written as it is produced, so that nothing holds the whole
 * output: open makes the temp file (path is kept, not copied), write
 * appends to it, commit fsyncs and renames it over path. abort (after a
 * failed write too) removes it and leaves path as it was; a failed commit
 * has done so already. Each returns 0, or -1 with errno set.
 */
struct file_atomic {
	const char *path;
	char *tmp;
	int fd;
};
int file_atomic_open(struct file_atomic *fa, const char *path);
int file_atomic_write(struct file_atomic *fa, const void *data, size_t len);
int file_atomic_commit(struct file_atomic *fa);
void file_atomic_abort(struct file_atomic *fa);

/* The directory of the running binary (caller frees), or NULL: data that
 * ships beside it (themes, catalogues) is found there when uninstalled. */
char *exe_dir(void);

/*
 * A percentage, the one way every figure in percent is written:
 * 100 x part / whole with `decimals` decimals (0 to 3), rounded half up,
 * never showing a value that is not 100 as 100 or one that is not 0 as 0.
 * PERCENT_BOUND (tables for people) writes those as ">99.9" and "<0.1" (as
 * many decimals as asked); PERCENT_DIGITS (CSV, JSON) adds decimals, up to
 * six, until the number is honest ("99.95"), and only then bounds it.
 * Exact in integers when part and whole are whole numbers (counts); a
 * fraction is passed as (fraction, 1). "" when whole is not positive.
 * Returns out; PERCENT_MAX bytes always suffice.
 */
enum percent_style { PERCENT_BOUND, PERCENT_DIGITS };
enum { PERCENT_MAX = 32 };
char *percent_fmt(char *out, size_t cap, double part, double whole,
    int decimals, enum percent_style style);

/* Monotonic clock in nanoseconds, for benchmarks and timeouts. */
uint64_t clock_ns(void);

#endif
