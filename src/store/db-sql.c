/*
 * db-sql.c: what every db-*.c file uses to talk SQL: the statement cache,
 * running statements, reading a value, and the message of a failure.
 *
 * It calls nothing else in the store, so any store file may call it
 * without the store's files calling each other in a circle
 * (docs/architecture.md §2.2).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "base/i18n.h"
#include "store/db-int.h"

enum ax_status
db_fail(struct project *p, enum ax_status st, const char *fmt, ...)
{
	va_list ap;
	char *m;

	va_start(ap, fmt);
	m = xvasprintf(_(fmt), ap);	/* xgettext knows db_fail's format */
	va_end(ap);
	free(p->errmsg);
	p->errmsg = m;
	return st;
}

enum ax_status
db_sqlite_fail(struct project *p, int rc)
{
	const char *path = p->path;

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return db_fail(p, AX_ERR_BUSY, "%s: locked by another process for "
		    "too long; try again", path);
	case SQLITE_READONLY:
		return db_fail(p, AX_ERR_READONLY, "%s: the project is read-only",
		    path);
	case SQLITE_FULL:
		return db_fail(p, AX_ERR_IO, "%s: the disk is full; nothing was "
		    "changed", path);
	case SQLITE_IOERR:
		return db_fail(p, AX_ERR_IO, "%s: I/O error (%s); nothing was "
		    "changed", path, sqlite3_errmsg(p->db));
	case SQLITE_NOTADB:
		return db_fail(p, AX_ERR_NOTPROJECT, "%s: not an axial project "
		    "(not an SQLite database)", path);
	case SQLITE_CORRUPT:
		return db_fail(p, AX_ERR_NOTPROJECT, "%s: the project file is "
		    "damaged or truncated", path);
	case SQLITE_CANTOPEN:
		return db_fail(p, AX_ERR_IO, "%s: cannot open: %s", path,
		    strerror(errno ? errno : EACCES));
	case SQLITE_CONSTRAINT:
		return db_fail(p, AX_ERR_INPUT, "%s: refused: %s", path,
		    sqlite3_errmsg(p->db));
	default:
		return db_fail(p, AX_ERR_IO, "%s: %s", path, sqlite3_errmsg(p->db));
	}
}

sqlite3_stmt *
db_stmt(struct project *p, const char *sql)
{
	sqlite3_stmt *st;
	size_t i;

	for (i = 0; i < p->nstmts; i++) {
		if (p->stmts[i].sql == sql) {
			st = p->stmts[i].stmt;
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return st;
		}
	}
	if (sqlite3_prepare_v3(p->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
	    NULL) != SQLITE_OK)
		fatal("internal SQL error: %s\n%s", sqlite3_errmsg(p->db), sql);
	p->stmts = xgrow(p->stmts, &p->capstmts, p->nstmts + 1, sizeof *p->stmts);
	p->stmts[p->nstmts].sql = sql;
	p->stmts[p->nstmts].stmt = st;
	p->nstmts++;
	return st;
}

enum ax_status
db_exec_stmt(struct project *p, sqlite3_stmt *st)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? AX_OK : db_sqlite_fail(p, rc);
}

enum ax_status
db_exec(struct project *p, const char *sql)
{
	int rc = sqlite3_exec(p->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? AX_OK : db_sqlite_fail(p, rc);
}

/* SQLite's largest mapping (SQLITE_MAX_MMAP_SIZE's default; it clamps a
 * larger request to its compiled limit) */
#define DB_PASS_MMAP "2147418112"

enum ax_status
db_pass_begin(struct project *p, unsigned how)
{
	enum ax_status s = AX_OK;

	if (how & DB_PASS_SMALL)
		s = db_exec(p, "PRAGMA cache_size = -2048");
	if (s == AX_OK && (how & DB_PASS_MAP))
		s = db_exec(p, "PRAGMA mmap_size = " DB_PASS_MMAP);
	return s;
}

void
db_pass_end(struct project *p, unsigned how)
{
	if (how & DB_PASS_MAP)
		(void)db_exec(p, "PRAGMA mmap_size = 0");
	if (how & DB_PASS_SMALL)
		(void)db_exec(p, "PRAGMA cache_size = " DB_CACHE_SIZE);
}

enum ax_status
db_exec_id(struct project *p, const char *sql, int64_t id)
{
	sqlite3_stmt *st = db_stmt(p, sql);

	sqlite3_bind_int64(st, 1, id);
	return db_exec_stmt(p, st);
}

int64_t
db_int(struct project *p, const char *sql, int64_t arg, int64_t def)
{
	sqlite3_stmt *st = db_stmt(p, sql);
	int64_t v = def;

	if (sqlite3_bind_parameter_count(st) > 0)
		sqlite3_bind_int64(st, 1, arg);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return v;
}

char *
db_col_str(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);

	return xstrndup(s ? (const char *)s : "", s ? (size_t)sqlite3_column_bytes(st, col) : 0);
}

bool
db_valid_utf8(const char *s)
{
	return u8_check((const uint8_t *)s, strlen(s)) == NULL;
}
