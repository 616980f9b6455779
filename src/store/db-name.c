/*
 * db-name.c: the store's door for names and labels. Every setter passes
 * what it was given through one of these before it writes, so nothing the
 * checks of name.c refuse is ever stored by axial (a file written by another
 * program may still hold anything: readers escape it, docs/security.md §7).
 */
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "base/i18n.h"
#include "store/db-int.h"

char *
db_name(struct project *p, enum name_field f, const char *name)
{
	char *msg = name_check(f, name);

	if (msg != NULL) {
		db_fail(p, AX_ERR_INPUT, "%s", msg);
		free(msg);
		return NULL;
	}
	return name_normal(f, name);
}

int
db_name_fold_find(sqlite3_stmt *st, const char *ref, int64_t *id, char **near)
{
	char *want = name_fold(ref), *key;
	const char *name;
	size_t len = u8_mbsnlen((const uint8_t *)want, strlen(want));
	size_t d, bestd = (len <= 3 ? 1 : 2) + 1;
	int matches = 0;

	*near = NULL;
	while (sqlite3_step(st) == SQLITE_ROW) {
		name = (const char *)sqlite3_column_text(st, 1);
		if (name == NULL)
			continue;
		key = name_fold(name);
		if (strcmp(key, want) == 0) {
			/* two names of one row id (a link type's name and
			 * short name) are one match */
			if (matches == 0)
				*id = sqlite3_column_int64(st, 0);
			if (matches == 0 || sqlite3_column_int64(st, 0) != *id)
				matches++;
		} else if (matches == 0 &&
		    (d = name_distance(key, want, bestd - 1)) < bestd) {
			bestd = d;
			free(*near);
			*near = xstrdup(name);
		}
		free(key);
	}
	sqlite3_reset(st);
	free(want);
	if (matches > 0) {
		free(*near);
		*near = NULL;
	}
	return matches > 2 ? 2 : matches;
}

/* Any field: a name is checked as such, not normalised (an account is
 * compared with the OS's bytes). */
enum ax_status
db_label(struct project *p, enum name_field f, const char *s)
{
	char *msg = name_check(f, s);
	enum ax_status st = AX_OK;

	if (msg != NULL) {
		st = db_fail(p, AX_ERR_INPUT, "%s", msg);
		free(msg);
	}
	return st;
}

char *
db_coder_fields(struct project *p, const char *login, const char *name,
    const char *color, const char *account)
{
	char *nlogin;

	if ((nlogin = db_name(p, NAME_CODER, login)) == NULL)
		return NULL;
	if ((name != NULL && db_label(p, NAME_CODER_NAME, name) != AX_OK) ||
	    (account != NULL && *account != '\0' &&
	    db_label(p, NAME_ACCOUNT, account) != AX_OK)) {
		free(nlogin);
		return NULL;
	}
	if (color != NULL && !name_color_ok(color)) {
		db_fail(p, AX_ERR_INPUT, "coder colour: is not a colour; give "
		    "#rrggbb, a name such as red or bright-blue, or a number 0-255");
		free(nlogin);
		return NULL;
	}
	return nlogin;
}

enum ax_status
db_color(struct project *p, const char *color)
{
	size_t i;

	if (color == NULL || color[0] == '\0')
		return AX_OK;
	if (color[0] != '#' || strlen(color) != 7)
		return db_fail(p, AX_ERR_INPUT, "colour must be #rrggbb, not '%s'",
		    color);
	for (i = 1; i < 7; i++)
		if (!strchr("0123456789abcdefABCDEF", color[i]))
			return db_fail(p, AX_ERR_INPUT, "colour must be #rrggbb, "
			    "not '%s'", color);
	return AX_OK;
}
