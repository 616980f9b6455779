/*
 * textin.h: reading the files import and merge take in, and turning
 * imported bytes into a document's stored text.
 *
 * Stored text is UTF-8 with LF line endings and nothing else changed (no
 * normalisation: codings address code points). This is the one place that
 * decides what import accepts, for plain text and for every importer.
 */
#ifndef AXIAL_TEXTIN_H
#define AXIAL_TEXTIN_H

#include <stddef.h>
#include <stdint.h>

/* The largest file import and merge read unless --max-size says otherwise. */
#define TEXTIN_MAX_SIZE ((uint64_t)256 << 20)

/* Which command reads, for the refusal of what is not a regular file. */
enum textin_use { TEXTIN_IMPORT, TEXTIN_MERGE };

/*
 * Opens path for reading: with O_NONBLOCK and O_NOCTTY, so a FIFO or a
 * terminal never blocks, and only if the opened descriptor is a regular
 * file (a symlink to one is; checking the descriptor, not the name, leaves
 * nothing to swap in between). Returns the descriptor (blocking again; the
 * caller closes it) with its *size, or -1 with *err (the caller frees it)
 * set to "not a regular file; import reads ordinary files only" or the
 * system's reason.
 */
int textin_open(const char *path, enum textin_use use, uint64_t *size,
    char **err);
/* textin_open, refusing a file over max bytes as textin_read does: for a
 * reader that takes the file a piece at a time (a .qdpx's entries). */
int textin_open_max(const char *path, enum textin_use use, uint64_t max,
    uint64_t *size, char **err);

/*
 * Reads a file import or merge takes in, whole: opened by textin_open, and
 * at most max bytes, so memory stays bounded whatever the file claims or
 * does while being read. Returns the bytes NUL-terminated (the caller frees
 * them) with *len, or NULL with *err, e.g. "300 MiB is over the import
 * limit of 256 MiB; raise it with --max-size".
 */
char *textin_read(const char *path, enum textin_use use, uint64_t max,
    size_t *len, char **err);

/*
 * A size as --max-size takes it: a positive whole number of bytes, or of
 * KiB, MiB, GiB or TiB with the suffix K, M, G or T (either case, "B" or
 * "iB" may follow: 500M, 2G, 1MiB). Returns 0, or -1 if s is none of these.
 */
int textin_size_parse(const char *s, uint64_t *out);

/*
 * Decodes data[0..len): a UTF-8 BOM is stripped, UTF-16 with a BOM (LE or
 * BE) is decoded, CRLF and lone CR become LF. Returns the new text (the
 * caller frees it) with *outlen, or NULL with *err set to a message such as
 * "invalid UTF-8 at line 3, byte offset 117" (the caller frees it). A NUL
 * byte is refused the same way.
 */
char *textin_decode(const char *data, size_t len, size_t *outlen, char **err);

/*
 * What import tells about valid UTF-8 s[0..n) that is kept but shows as
 * placeholders: control characters (TAB and LF aside; ESC starts terminal
 * escapes) and bidi overrides, embeddings and isolates (which can make a
 * line read other than it is stored). A message such as "2 control
 * characters (the first on line 3) ..." (the caller frees it), or NULL.
 */
char *textin_controls_notice(const char *s, size_t n);

/* Number of code points in valid UTF-8 s[0..n). */
size_t textin_nchars(const char *s, size_t n);

/* Byte offset of code point cp in valid UTF-8 s[0..len) (len if past the end). */
size_t textin_cp_to_byte(const char *s, size_t len, size_t cp);
/* The bytes s[*a..*b) of code points [start, end) of valid UTF-8
 * s[0..len): a coding's quote. An end before start (a damaged file) runs
 * to the end of s. */
void textin_cp_span(const char *s, size_t len, size_t start, size_t end,
    size_t *a, size_t *b);
/*
 * The same for spans taken in order of start (a document's codings): each
 * start is walked to from the last one, kept in *at (zeroed before the
 * first), not from the start of s, which makes a document's quotes cost
 * its length rather than its length times its codings.
 */
struct textin_at {
	size_t cp, byte;
};
void textin_cp_span_at(const char *s, size_t len, struct textin_at *at,
    size_t start, size_t end, size_t *a, size_t *b);

/* SHA-256 of data as 64 lower-case hex digits and a NUL. */
void textin_sha256(const void *data, size_t len, char hex[65]);

#endif
