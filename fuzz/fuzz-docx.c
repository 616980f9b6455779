/*
 * fuzz-docx.c: the .docx importer's text extraction (docx_extract), on the
 * archive bytes as `axial import` reads them: zipsafe, then xmlsafe, then
 * the body text (the harness and its checks: fuzz-extract.h).
 */
#include "exchange/exchange.h"
#include "fuzz-extract.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fz_extract_one(data, size, "word/document.xml", docx_extract);
}
