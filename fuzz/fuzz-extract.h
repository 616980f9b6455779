/*
 * fuzz-extract.h: the one harness body behind fuzz-docx.c and fuzz-odt.c,
 * which differ only in the archive member and the extractor. An input
 * whose first byte is odd is the rest taken as MEMBER in a stored ZIP
 * (fuzz-zip.h), so mutations reach the XML; an even first byte: the rest
 * is the archive itself.
 *
 * Checks: a refusal comes with a one-line message; extracted text is
 * NUL-terminated valid UTF-8 without NUL (XML cannot carry one), so the
 * store's gate (textin_decode) accepts it; a notice, when there is one, is
 * one line.
 */
#ifndef AXIAL_FUZZ_EXTRACT_H
#define AXIAL_FUZZ_EXTRACT_H

#include <string.h>
#include <unistr.h>

#include "base/textin.h"
#include "fuzz.h"
#include "fuzz-zip.h"

typedef char *fz_extract_fn(const char *data, size_t len, size_t *outlen,
    char **notice, char **err);

static int
fz_extract_one(const uint8_t *data, size_t size, const char *member,
    fz_extract_fn *extract)
{
	char *text, *notice = NULL, *err = NULL, *dec, *derr = NULL;
	size_t len = 0, dlen, zlen;
	uint8_t *zip = NULL;

	if (size == 0)
		return 0;
	if (data[0] & 1) {
		zip = fz_zip_one(member, data + 1, size - 1, &zlen);
		text = extract((const char *)zip, zlen, &len, &notice, &err);
	} else {
		text = extract((const char *)data + 1, size - 1, &len, &notice,
		    &err);
	}
	free(zip);
	if (text == NULL) {
		FZ_CHECK(err != NULL && err[0] != '\0' && strchr(err, '\n') == NULL);
		free(err);
		free(notice);
		return 0;
	}
	FZ_CHECK(err == NULL);
	FZ_CHECK(text[len] == '\0' && strlen(text) == len);
	FZ_CHECK(u8_check((const uint8_t *)text, len) == NULL);
	if (notice != NULL)
		FZ_CHECK(strchr(notice, '\n') == NULL);
	dec = textin_decode(text, len, &dlen, &derr);
	FZ_CHECKF(dec != NULL, "extracted text refused by textin_decode: %s", derr);
	free(dec);
	free(text);
	free(notice);
	return 0;
}

#endif
