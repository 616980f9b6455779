/*
 * fuzz-textin.c: import decoding (textin.h), the gate every importer's
 * text passes through.
 *
 * Checks: a refusal comes with a message; accepted text is valid UTF-8
 * with no CR and no NUL, NUL-terminated; valid UTF-8 without BOM or CR
 * comes back unchanged; decoding the result again changes nothing (but a
 * further BOM); code-point counts and byte offsets agree.
 */
#include <stdbool.h>
#include <string.h>
#include <unistr.h>

#include "base/textin.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *out, *again, *err = NULL, hex[65];
	size_t outlen, againlen, n, k, b, prev = 0;

	out = textin_decode((const char *)data, size, &outlen, &err);
	if (out == NULL) {
		FZ_CHECK(err != NULL && err[0] != '\0');
		/* refused only for invalid UTF-8 or a NUL somewhere */
		FZ_CHECK(u8_check(data, size) != NULL || memchr(data, 0, size) != NULL ||
		    (size >= 2 && ((data[0] == 0xff && data[1] == 0xfe) ||
		    (data[0] == 0xfe && data[1] == 0xff))));
		free(err);
		return 0;
	}
	FZ_CHECK(err == NULL);
	FZ_CHECK(out[outlen] == '\0');
	FZ_CHECK(u8_check((const uint8_t *)out, outlen) == NULL);
	FZ_CHECK(memchr(out, '\r', outlen) == NULL);
	FZ_CHECK(memchr(out, '\0', outlen) == NULL);
	if (size > 0 && memchr(data, '\r', size) == NULL &&
	    !(size >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) &&
	    u8_check(data, size) == NULL) {
		FZ_CHECK(outlen == size && memcmp(out, data, size) == 0);
	}
	again = textin_decode(out, outlen, &againlen, &err);
	FZ_CHECK(again != NULL);
	if (outlen >= 3 && memcmp(out, "\xef\xbb\xbf", 3) == 0)
		FZ_CHECK(againlen == outlen - 3 && memcmp(again, out + 3, againlen) == 0);
	else
		FZ_CHECK(againlen == outlen && memcmp(again, out, outlen) == 0);
	free(again);

	n = textin_nchars(out, outlen);
	FZ_CHECK(n == u8_mbsnlen((const uint8_t *)out, outlen));
	FZ_CHECK(textin_cp_to_byte(out, outlen, n) == outlen);
	FZ_CHECK(textin_cp_to_byte(out, outlen, n + 7) == outlen);
	for (k = 0; k < n; k += 1 + k / 4) {
		b = textin_cp_to_byte(out, outlen, k);
		FZ_CHECK(b < outlen && (k == 0 ? b == 0 : b > prev));
		FZ_CHECK(((unsigned char)out[b] & 0xc0) != 0x80);
		FZ_CHECK(textin_nchars(out, b) == k);
		prev = b;
	}
	textin_sha256(out, outlen, hex);
	FZ_CHECK(strlen(hex) == 64);
	free(out);
	return 0;
}
