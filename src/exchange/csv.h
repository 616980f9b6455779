/*
 * csv.h: reading RFC 4180 CSV from memory (attribute tables, reliability
 * data). Quoted fields may hold commas, quotes ("") and line breaks; CRLF
 * and LF both end a record; a UTF-8 BOM at the start is skipped.
 */
#ifndef AXIAL_CSV_H
#define AXIAL_CSV_H

#include <stddef.h>

struct csv {
	const char *p, *end;
	size_t line;		/* line where the current record starts, from 1 */
	size_t at_line;		/* line of c->p */
	char **fields;
	size_t nfields, cap;
};

void csv_init(struct csv *c, const char *data, size_t len);
/*
 * Reads the next record into c->fields[0..c->nfields) (owned by c, valid
 * until the next call). Returns 1 for a record, 0 at the end, -1 on a
 * malformed record with *err set ("unterminated quoted field"), which the
 * caller frees. Blank lines are skipped.
 */
int csv_next(struct csv *c, char **err);
void csv_done(struct csv *c);

#endif
