/*
 * fuzz-odt.c: the .odt importer's text extraction (odt_extract), on the
 * archive bytes as `axial import` reads them: zipsafe, then xmlsafe, then
 * the body text (the harness and its checks: fuzz-extract.h).
 */
#include "exchange/exchange.h"
#include "fuzz-extract.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fz_extract_one(data, size, "content.xml", odt_extract);
}
