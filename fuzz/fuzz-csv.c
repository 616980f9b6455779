/*
 * fuzz-csv.c: the RFC 4180 reader (csv.h) behind attribute import and
 * reliability data.
 *
 * Checks: records come with non-decreasing line numbers and NUL-terminated
 * fields; an error comes with a message and ends the input; writing the
 * records back with buf_csv_field (the writer axial's exports use) and
 * reading that again gives the same records.
 */
#include <stdbool.h>
#include <string.h>

#include "exchange/csv.h"
#include "base/util.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv c, c2;
	struct buf out = {0};
	char *err;
	size_t i, line = 0, nrec = 0, nrec2 = 0;
	int r, r2;

	/* A BOM in front: the reader strips exactly one, so a first field
	 * that itself starts with one survives the round trip. */
	buf_add(&out, "\xef\xbb\xbf", 3);
	csv_init(&c, (const char *)data, size);
	while ((r = csv_next(&c, &err)) > 0) {
		FZ_CHECK(err == NULL);
		FZ_CHECK(c.nfields >= 1 && c.line >= line && c.at_line >= c.line);
		line = c.line;
		for (i = 0; i < c.nfields; i++) {
			FZ_CHECK(c.fields[i] != NULL);
			if (i > 0)
				buf_putc(&out, ',');
			buf_csv_field(&out, c.fields[i]);
		}
		if (c.nfields == 1 && c.fields[0][0] == '\0')
			buf_puts(&out, "\"\"");	/* else a blank line, skipped */
		buf_putc(&out, '\n');
		nrec++;
	}
	if (r < 0) {
		FZ_CHECK(err != NULL && err[0] != '\0');
		free(err);
	}
	csv_done(&c);

	/* read it back: the same records, field by field */
	csv_init(&c, (const char *)data, size);
	csv_init(&c2, out.s, out.len);
	for (;;) {
		char *err2;

		r = csv_next(&c, &err);
		r2 = csv_next(&c2, &err2);
		free(err);
		FZ_CHECK(r2 >= 0 && err2 == NULL);
		if (r <= 0) {
			FZ_CHECK(r2 == 0);
			break;
		}
		FZ_CHECK(r2 == 1);
		nrec2++;
		FZ_CHECKF(c2.nfields == c.nfields, "record %zu: %zu fields, %zu written "
		    "back", nrec2, c.nfields, c2.nfields);
		for (i = 0; i < c.nfields; i++)
			FZ_CHECKF(strcmp(c.fields[i], c2.fields[i]) == 0, "record %zu "
			    "field %zu: \"%s\" read back as \"%s\"", nrec2, i,
			    c.fields[i], c2.fields[i]);
	}
	FZ_CHECK(nrec2 == nrec);
	csv_done(&c);
	csv_done(&c2);
	buf_done(&out);
	return 0;
}
