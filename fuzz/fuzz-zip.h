/*
 * fuzz-zip.h: a one-entry ZIP archive (stored, not compressed) around
 * fuzz bytes, so the docx/odt harnesses reach the XML: byte mutations of
 * a real archive nearly always break its CRC, and zipsafe rightly refuses.
 */
#ifndef AXIAL_FUZZ_ZIP_H
#define AXIAL_FUZZ_ZIP_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint32_t
fz_crc32(const uint8_t *p, size_t n)
{
	uint32_t c = 0xffffffffu;
	size_t i;
	int k;

	for (i = 0; i < n; i++) {
		c ^= p[i];
		for (k = 0; k < 8; k++)
			c = c & 1 ? (c >> 1) ^ 0xedb88320u : c >> 1;
	}
	return ~c;
}

static uint8_t *
fz_put16(uint8_t *q, uint32_t v)
{
	q[0] = (uint8_t)v;
	q[1] = (uint8_t)(v >> 8);
	return q + 2;
}

static uint8_t *
fz_put32(uint8_t *q, uint32_t v)
{
	return fz_put16(fz_put16(q, v & 0xffff), v >> 16);
}

/* A ZIP holding name = data[0..n), stored; *len its size; free() it. */
static uint8_t *
fz_zip_one(const char *name, const uint8_t *data, size_t n, size_t *len)
{
	size_t nl = strlen(name), local = 30 + nl + n, central = 46 + nl;
	uint8_t *z = malloc(local + central + 22), *q = z;
	uint32_t crc = fz_crc32(data, n);

	q = fz_put32(q, 0x04034b50);		/* local file header */
	q = fz_put16(q, 20);
	q = fz_put16(q, 0);
	q = fz_put16(q, 0);			/* stored */
	q = fz_put16(q, 0);
	q = fz_put16(q, 0x21);			/* 1980-01-01 */
	q = fz_put32(q, crc);
	q = fz_put32(q, (uint32_t)n);
	q = fz_put32(q, (uint32_t)n);
	q = fz_put16(q, (uint32_t)nl);
	q = fz_put16(q, 0);
	memcpy(q, name, nl);
	q += nl;
	if (n > 0)
		memcpy(q, data, n);
	q += n;
	q = fz_put32(q, 0x02014b50);		/* central directory */
	q = fz_put16(q, 20);
	q = fz_put16(q, 20);
	q = fz_put16(q, 0);
	q = fz_put16(q, 0);
	q = fz_put16(q, 0);
	q = fz_put16(q, 0x21);
	q = fz_put32(q, crc);
	q = fz_put32(q, (uint32_t)n);
	q = fz_put32(q, (uint32_t)n);
	q = fz_put16(q, (uint32_t)nl);
	q = fz_put16(q, 0);
	q = fz_put16(q, 0);
	q = fz_put16(q, 0);
	q = fz_put16(q, 0);
	q = fz_put32(q, 0);
	q = fz_put32(q, 0);			/* local header at 0 */
	memcpy(q, name, nl);
	q += nl;
	q = fz_put32(q, 0x06054b50);		/* end of central directory */
	q = fz_put16(q, 0);
	q = fz_put16(q, 0);
	q = fz_put16(q, 1);
	q = fz_put16(q, 1);
	q = fz_put32(q, (uint32_t)central);
	q = fz_put32(q, (uint32_t)local);
	q = fz_put16(q, 0);
	*len = (size_t)(q - z);
	return z;
}

#endif
