/*
 * textin.h: turning imported bytes into a document's stored text.
 *
 * Stored text is UTF-8 with LF line endings and nothing else changed (no
 * normalisation: codings address code points). This is the one place that
 * decides what import accepts, for plain text and for every importer.
 */
#ifndef AXIAL_TEXTIN_H
#define AXIAL_TEXTIN_H

#include <stddef.h>

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

/* SHA-256 of data as 64 lower-case hex digits and a NUL. */
void textin_sha256(const void *data, size_t len, char hex[65]);

#endif
