/*
 * db-setting.c: project settings (project.h), the key/value rows of the
 * meta table. meta is in the change log, so setting one is an action undo
 * takes back; the title is checked as every stored label is (db-name.c).
 */
#include <string.h>

#include "store/db-int.h"

char *
project_setting(struct project *p, const char *key)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT value FROM meta WHERE key = ?");
	char *v = NULL;

	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = db_col_str(st, 0);
	sqlite3_reset(st);
	return v;
}

enum ax_status
project_set_setting(struct project *p, const char *key, const char *value)
{
	sqlite3_stmt *st;
	enum ax_status s;

	if (value != NULL && strcmp(key, "title") == 0 &&
	    (s = db_label(p, NAME_TITLE, value)) != AX_OK)
		return s;
	if ((s = db_action_begin(p, strcmp(key, "title") == 0 ? "title" :
	    "setting")) != AX_OK)
		return s;
	if (value != NULL) {
		st = db_stmt(p, "INSERT INTO meta(key, value) VALUES (?1, ?2)"
		    " ON CONFLICT(key) DO UPDATE SET value = excluded.value");
		sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	} else {
		st = db_stmt(p, "DELETE FROM meta WHERE key = ?1");
	}
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	s = db_exec_stmt(p, st);
	return db_action_end(p, s);
}
