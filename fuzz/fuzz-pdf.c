/*
 * fuzz-pdf.c: the PDF importer (pdf_extract) on the bytes as `axial import`
 * reads them. Poppler is not instrumented: what is fuzzed is axial's side,
 * the ink bands, the probes, the boxes paired with the text and the
 * paragraphs, on whatever poppler makes of a mutated file.
 *
 * Checks: a refusal comes with a one-line message and no notice; the text
 * is NUL-terminated valid UTF-8 without NUL or bidi embedding marks (they
 * are dropped), so the store's gate (textin_decode) accepts it.
 */
#include <string.h>
#include <unistr.h>

#include "base/textin.h"
#include "exchange/exchange.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text, *notice = NULL, *err = NULL, *dec, *derr = NULL;
	size_t len = 0, dlen;

	text = pdf_extract((const char *)data, size, &len, &notice, &err);
	if (text == NULL) {
		FZ_CHECK(err != NULL && err[0] != '\0' && strchr(err, '\n') == NULL);
		FZ_CHECK(notice == NULL);
		free(err);
		return 0;
	}
	FZ_CHECK(err == NULL);
	FZ_CHECK(text[len] == '\0' && strlen(text) == len);
	FZ_CHECK(u8_check((const uint8_t *)text, len) == NULL);
	FZ_CHECK(strstr(text, "\xe2\x80\xab") == NULL &&
	    strstr(text, "\xe2\x80\xac") == NULL);
	dec = textin_decode(text, len, &dlen, &derr);
	FZ_CHECKF(dec != NULL, "extracted text refused by textin_decode: %s", derr);
	free(dec);
	free(text);
	free(notice);
	return 0;
}
