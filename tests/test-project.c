/*
 * test-project.c: the project store: opening, identity, bad files,
 * migration, documents and attributes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pwd.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sqlite3.h>

#include "store/check.h"
#include "store/codetree.h"
#include "store/coder.h"
#include "store/coding.h"
#include "store/document.h"
#include "store/history.h"
#include "text/name.h"
#include "store/project.h"
#include "stats/retest.h"
#include "base/util.h"
#include "testutil.h"

static void
test_create_and_reopen(void **state)
{
	struct project *p;
	struct project_summary s;
	char *path, *err = NULL;

	(void)state;
	p = tu_new_project(&path);
	tu_doc(p, "one", "hello\nworld\n");
	project_close(p);
	assert_ok(project_open(path, 0, NULL, &p, &err));
	assert_ok(project_summary(p, &s));
	assert_int_equal(s.documents, 1);
	assert_int_equal(s.chars, 12);
	assert_false(project_readonly(p));
	assert_ok(project_check(p));
	project_close(p);
	/* creating over an existing file is refused and leaves it alone */
	assert_int_equal(project_open(path, PROJECT_CREATE, NULL, &p, &err), AX_ERR_EXISTS);
	assert_null(p);
	assert_non_null(strstr(err, "already exists"));
	free(err);
	assert_ok(project_open(path, 0, NULL, &p, NULL));
	project_summary(p, &s);
	assert_int_equal(s.documents, 1);
	project_close(p);
	free(path);
}

static void
test_bad_files(void **state)
{
	struct project *p;
	char *path = tu_path("not-a-project.axial"), *err = NULL;
	char *missing = tu_path("missing.axial");
	char *other = tu_path("other.sqlite");
	sqlite3 *db;

	(void)state;
	tu_write(path, "just some text, long enough to look like a file\n", 49);
	assert_int_equal(project_open(path, 0, NULL, &p, &err), AX_ERR_NOTPROJECT);
	assert_non_null(strstr(err, "not an axial project"));
	free(err);
	/* the file is untouched */
	{
		size_t len;
		char *data = file_read_all(path, &len);

		assert_int_equal(len, 49);
		assert_memory_equal(data, "just some text", 14);
		free(data);
	}
	assert_int_equal(project_open(missing, 0, NULL, &p, &err), AX_ERR_NOTFOUND);
	assert_non_null(strstr(err, "No such file"));
	free(err);
	/* an SQLite database of another program */
	assert_int_equal(sqlite3_open(other, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(project_open(other, 0, NULL, &p, &err), AX_ERR_NOTPROJECT);
	assert_non_null(strstr(err, "another program"));
	free(err);
	free(path);
	free(missing);
	free(other);
}

static void
test_truncated_file(void **state)
{
	struct project *p;
	char *path, *err = NULL, *data;
	size_t len;
	int i;

	(void)state;
	p = tu_new_project(&path);
	for (i = 0; i < 50; i++) {
		char name[16];

		snprintf(name, sizeof name, "d%d", i);
		tu_doc(p, name, "some text that fills pages of the database file\n");
	}
	project_close(p);
	data = file_read_all(path, &len);
	assert_true(len > 8192);
	tu_write(path, data, len / 3);
	free(data);
	{
		enum ax_status s = project_open(path, 0, NULL, &p, &err);

		if (s == AX_OK) {
			/* the header survived: the damage shows on reading */
			s = project_check(p);
			project_close(p);
			assert_int_not_equal(s, AX_OK);
		} else {
			assert_int_equal(s, AX_ERR_NOTPROJECT);
			assert_non_null(strstr(err, "damaged"));
			free(err);
		}
	}
	free(path);
}

static void
test_newer_version(void **state)
{
	struct project *p;
	char *path, *err = NULL;
	sqlite3 *db;

	(void)state;
	p = tu_new_project(&path);
	project_close(p);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(project_open(path, 0, NULL, &p, &err), AX_ERR_VERSION);
	assert_non_null(strstr(err, "newer axial"));
	assert_non_null(strstr(err, "99"));
	free(err);
	free(path);
}

/* A format version axial never wrote is no index into the migrations. */
static void
test_bad_versions(void **state)
{
	static const char *const versions[] = {"-1", "-2147483648", "0"};
	struct project *p;
	struct check_finding *f;
	char *path, *err = NULL, *sql, *before, *after;
	size_t i, n, len, len2;
	sqlite3 *db;

	(void)state;
	p = tu_new_project(&path);
	tu_doc(p, "d", "text\n");
	/* what axial makes passes its own check */
	assert_ok(check_project(p, false, &f, &n));
	assert_int_equal(n, 0);
	check_findings_free(f, n);
	project_close(p);
	for (i = 0; i < AX_ARRAY_LEN(versions); i++) {
		assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
		sql = xasprintf("PRAGMA user_version = %s", versions[i]);
		assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
		free(sql);
		sqlite3_close(db);
		before = file_read_all(path, &len);
		assert_int_equal(project_open(path, 0, NULL, &p, &err), AX_ERR_NOTPROJECT);
		assert_null(p);
		assert_non_null(strstr(err, "unknown format"));
		assert_non_null(strstr(err, versions[i]));
		free(err);
		after = file_read_all(path, &len2);
		assert_int_equal(len, len2);
		assert_memory_equal(before, after, len);
		free(before);
		free(after);
	}
	free(path);
}

/* Opens a 0444 project as an account without write access. */
static int
readonly_child(const char *path)
{
	struct project *p;
	int64_t id;

	if (project_open(path, 0, NULL, &p, NULL) != AX_OK)
		return 10;
	if (!project_readonly(p))
		return 11;
	if (doc_import(p, "b", "x", 1, "", &id) != AX_ERR_READONLY)
		return 12;
	if (strstr(project_errmsg(p), "read-only") == NULL)
		return 13;
	project_close(p);
	return 0;
}

static void
test_readonly(void **state)
{
	struct project *p;
	struct project_summary s;
	char *path;
	int status;
	pid_t pid;

	(void)state;
	p = tu_new_project(&path);
	tu_doc(p, "a", "text\n");
	project_close(p);
	assert_int_equal(chmod(path, 0444), 0);
	if (geteuid() != 0) {
		assert_int_equal(readonly_child(path), 0);
	} else {
		/* root writes through file modes: check as nobody instead */
		struct passwd *pw = getpwnam("nobody");

		assert_non_null(pw);
		assert_int_equal(chmod(tu_dir(), 0755), 0);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			if (setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0)
				_exit(20);
			_exit(readonly_child(path));
		}
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
		chmod(tu_dir(), 0700);
	}
	chmod(path, 0644);
	assert_ok(project_open(path, 0, NULL, &p, NULL));
	assert_ok(project_summary(p, &s));
	assert_int_equal(s.documents, 1);
	project_close(p);
	free(path);
}

static void
test_readonly_flag(void **state)
{
	struct project *p;
	char *path;
	int64_t id;
	struct project_summary s;

	(void)state;
	p = tu_new_project(&path);
	tu_doc(p, "a", "text\n");
	project_close(p);
	assert_ok(project_open(path, PROJECT_READONLY, NULL, &p, NULL));
	assert_true(project_readonly(p));
	assert_int_equal(doc_import(p, "b", "x", 1, "", &id), AX_ERR_READONLY);
	assert_ok(project_summary(p, &s));
	assert_int_equal(s.documents, 1);
	project_close(p);
	free(path);
}

/* A file made at schema version 1 opens, migrates, and keeps its data. */
static void
test_migration_from_v1(void **state)
{
	char *path = tu_path("v1.axial");
	struct project *p;
	struct doc_info d;
	sqlite3 *db;
	FILE *f;
	char *sql, *fixture = xasprintf("%s/tests/fixtures/schema-v1.sql",
	    getenv("AXIAL_SRC") ? getenv("AXIAL_SRC") : ".");
	size_t len;

	(void)state;
	f = fopen(fixture, "r");
	if (f == NULL)
		fail_msg("%s: %s", fixture, strerror(errno));
	fclose(f);
	sql = file_read_all(fixture, &len);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "INSERT INTO meta VALUES('title', 'Old')",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	free(sql);
	assert_ok(project_open(path, 0, NULL, &p, NULL));
	/* v4 made meta again: its rows are all there */
	assert_string_equal(project_owner(p), "someone");
	{
		char *t = project_setting(p, "title");

		assert_string_equal(t, "Old");
		free(t);
	}
	assert_ok(doc_get(p, 1, &d));
	assert_string_equal(d.name, "interview-1");
	assert_string_equal(d.direction, "auto");	/* added by v2 */
	assert_int_equal(d.nchars, 11);
	doc_info_done(&d);
	assert_ok(project_check(p));
	/* and it now takes v2 writes, logged for undo */
	assert_ok(doc_set_direction(p, 1, "rtl"));
	assert_ok(doc_get(p, 1, &d));
	assert_string_equal(d.direction, "rtl");
	doc_info_done(&d);
	/* v4: settings are logged, and so is the account that acted */
	assert_ok(project_set_setting(p, "title", "New"));
	{
		struct history_entry *e;
		size_t n;
		char *t;

		assert_ok(history_log(p, 1, &e, &n));
		assert_string_equal(e[0].label, "title");
		assert_string_equal(e[0].account, project_account(p));
		history_log_free(e, n);
		assert_ok(history_undo(p, NULL));
		t = project_setting(p, "title");
		assert_string_equal(t, "Old");
		free(t);
	}
	project_close(p);
	db = NULL;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	{
		sqlite3_stmt *st;

		sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), PROJECT_SCHEMA_VERSION);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	free(path);
	free(fixture);
}

static void
test_import_encodings(void **state)
{
	struct project *p;
	char *path, *text;
	size_t len;
	int64_t id;
	struct doc_info d;
	/* "Hé\r\nok\r" as UTF-16LE with a BOM */
	static const char u16le[] = "\xff\xfeH\0\xe9\0\r\0\n\0o\0k\0\r\0";
	static const char u16be[] = "\xfe\xff\0H\0\xe9\0\n";

	(void)state;
	p = tu_new_project(&path);
	assert_ok(doc_import(p, "bom", "\xef\xbb\xbfsalam\r\nx\r\n", 13, "bom.txt", &id));
	assert_ok(doc_text(p, id, &text, &len));
	assert_string_equal(text, "salam\nx\n");
	free(text);
	assert_ok(doc_import(p, "u16le", u16le, sizeof u16le - 1, "", &id));
	assert_ok(doc_text(p, id, &text, &len));
	assert_string_equal(text, "H\xc3\xa9\nok\n");
	free(text);
	assert_ok(doc_get(p, id, &d));
	assert_int_equal(d.nchars, 6);
	assert_int_equal(d.nbytes, 7);
	doc_info_done(&d);
	assert_ok(doc_import(p, "u16be", u16be, sizeof u16be - 1, "", &id));
	assert_ok(doc_text(p, id, &text, &len));
	assert_string_equal(text, "H\xc3\xa9\n");
	free(text);
	/* Persian with ZWNJ is stored exactly, never normalised */
	assert_ok(doc_import(p, "fa", "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85", 17, "", &id));
	assert_ok(doc_get(p, id, &d));
	assert_int_equal(d.nchars, 8);
	assert_string_equal(d.sha256,
	    "1c359cc6522a0ecf576a3b4a3c40cc2c923715dcfdf76e540e353e3c3903b27f");
	doc_info_done(&d);
	project_close(p);
	free(path);
}

static void
test_import_bad_input(void **state)
{
	struct project *p;
	char *path;
	int64_t id;
	struct project_summary s;

	(void)state;
	p = tu_new_project(&path);
	assert_int_equal(doc_import(p, "bad", "line one\nab\xc3(x\n", 15, "bad.txt", &id),
	    AX_ERR_INPUT);
	assert_non_null(strstr(project_errmsg(p), "bad.txt"));
	assert_non_null(strstr(project_errmsg(p), "invalid UTF-8 at line 2, byte offset 11"));
	assert_int_equal(doc_import(p, "nul", "abc\0def", 7, "nul.txt", &id), AX_ERR_INPUT);
	assert_non_null(strstr(project_errmsg(p), "NUL"));
	assert_non_null(strstr(project_errmsg(p), "byte offset 3"));
	assert_int_equal(doc_import(p, "odd", "\xff\xfe" "a", 3, "odd.txt", &id), AX_ERR_INPUT);
	assert_int_equal(doc_import(p, "", "x", 1, "", &id), AX_ERR_INPUT);
	assert_int_equal(doc_import(p, "esc\x1b[2J", "x", 1, "", &id), AX_ERR_INPUT);
	assert_non_null(strstr(project_errmsg(p), "control character"));
	tu_doc(p, "dup", "x");
	assert_int_equal(doc_import(p, "dup", "y", 1, "", &id), AX_ERR_EXISTS);
	/* nothing half done */
	project_summary(p, &s);
	assert_int_equal(s.documents, 1);
	project_close(p);
	free(path);
}

static void
test_names_nfc(void **state)
{
	struct project *p;
	char *path;
	int64_t id, found;

	(void)state;
	p = tu_new_project(&path);
	/* "é" precomposed, then as e + combining acute: the same name */
	tu_doc(p, "caf\xc3\xa9", "x");
	assert_int_equal(doc_import(p, "cafe\xcc\x81", "y", 1, "", &id), AX_ERR_EXISTS);
	assert_ok(doc_find(p, "cafe\xcc\x81", &found));
	assert_ok(doc_find(p, "@1", &id));
	assert_int_equal(id, found);
	assert_ok(doc_find(p, "#1", &id));
	assert_int_equal(doc_find(p, "@9", &id), AX_ERR_NOTFOUND);
	assert_int_equal(doc_find(p, "nope", &id), AX_ERR_NOTFOUND);
	project_close(p);
	free(path);
}

/* n copies of the UTF-8 character c (caller frees) */
static char *
rep(const char *c, size_t n)
{
	struct buf b = {0};

	buf_puts(&b, "");
	while (n-- > 0)
		buf_puts(&b, c);
	return buf_take(&b);
}

static void
assert_refused(enum name_field f, const char *s, const char *why)
{
	char *m = name_check(f, s);

	assert_non_null(m);
	if (strstr(m, why) == NULL)
		fail_msg("'%s' does not say '%s'", m, why);
	free(m);
}

/* A text past the bulk read's threshold (4 MiB) comes back byte for byte,
 * and documents.nbytes, which only picks the read, cannot change what is
 * read when the file lies about it. */
static void
test_large_text(void **state)
{
	const char unit[] = "\xd9\x85\xd8\xb5\xd8\xa7\xd8\xad\xd8\xa8\xd9\x87 "
	    "interview 42 ";		/* "interview" in Persian, English, digits */
	size_t ulen = sizeof unit - 1, n = 0, len;
	struct project *p;
	sqlite3 *db;
	char *path, *big, *text, *err = NULL;
	int64_t large, small;

	(void)state;
	big = xmalloc(((size_t)5 << 20) + ulen);
	while (n < (size_t)5 << 20) {
		memcpy(big + n, unit, ulen);
		n += ulen;
		big[n - 1] = (char)('a' + n % 26);	/* no two screens alike */
	}
	p = tu_new_project(&path);
	assert_ok(doc_import(p, "large", big, n, "", &large));
	assert_ok(doc_import(p, "small", "one line", 8, "", &small));
	assert_ok(doc_text(p, large, &text, &len));
	assert_int_equal(len, n);
	assert_memory_equal(text, big, n);
	assert_int_equal(text[len], '\0');
	free(text);
	project_close(p);
	/* the file lies both ways */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE documents SET nbytes = 0 "
	    "WHERE name = 'large'; UPDATE documents SET nbytes = 1000000000 "
	    "WHERE name = 'small'", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_ok(project_open(path, 0, NULL, &p, &err));
	assert_ok(doc_text(p, large, &text, &len));
	assert_int_equal(len, n);
	assert_memory_equal(text, big, n);
	free(text);
	assert_ok(doc_text(p, small, &text, &len));
	assert_int_equal(len, 8);
	assert_string_equal(text, "one line");
	free(text);
	assert_int_equal(doc_text(p, 999, &text, &len), AX_ERR_NOTFOUND);
	project_close(p);
	free(big);
	free(path);
}

static void
test_name_check(void **state)
{
	char *s, *m;
	unsigned ch;

	(void)state;
	assert_refused(NAME_CODE, "ab\x1b[2J", "code name: contains a control "
	    "character (U+001B) at position 3");
	assert_refused(NAME_CODE, "a\tb", "(U+0009) at position 2");
	assert_refused(NAME_MEMO_TITLE, "a\nb", "(U+000A)");
	assert_refused(NAME_TITLE, "\xc2\x9b" "2J", "(U+009B) at position 1");
	assert_refused(NAME_CODE, "a\x7f", "(U+007F)");
	assert_refused(NAME_CODE, "a\xe2\x80\xa8", "(U+2028)");
	assert_refused(NAME_CODE, "\xe2\x81\xa6x", "bidi control (U+2066)");
	assert_refused(NAME_TITLE, "x\xe2\x80\xae", "bidi control (U+202E) at "
	    "position 2");
	assert_refused(NAME_DOCUMENT, "a\xef\xbb\xbf", "invisible character "
	    "(U+FEFF)");
	assert_refused(NAME_CODER, "a\xe2\x80\x8e", "(U+200E)");
	assert_refused(NAME_ATTRIBUTE, "\xd8\xa8\xd8\x9c", "(U+061C)");
	assert_refused(NAME_CODE, "\xd8\xa8\xff", "not valid UTF-8 at position 2");
	assert_refused(NAME_CODE, " \xe2\x80\x8c ", "is empty or only spaces");
	assert_refused(NAME_CODER_NAME, "", "is empty");
	assert_refused(NAME_MEMO_TITLE, "   ", "is empty or only spaces");
	/* labels keep direction marks and may be empty; names keep ZWNJ */
	assert_null(name_check(NAME_TITLE, "\xd9\xbe API\xe2\x80\x8f"));
	assert_null(name_check(NAME_MEMO_TITLE, ""));
	assert_null(name_check(NAME_CODE, "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae"));
	/* a name is trimmed (ZWNJ at its ends too) and NFC-normalised */
	s = name_normal(NAME_CODE, "\xe2\x80\x8c cafe\xcc\x81 ");
	assert_string_equal(s, "caf\xc3\xa9");
	free(s);
	/* limits count code points, after normalisation */
	s = rep("\xd8\xa8", NAME_MAX_CHARS);
	assert_null(name_check(NAME_CODE, s));
	free(s);
	s = rep("e\xcc\x81", NAME_MAX_CHARS);	/* 400 code points, 200 in NFC */
	assert_null(name_check(NAME_CODE, s));
	free(s);
	s = rep("\xd8\xa8", NAME_MAX_CHARS + 1);
	assert_refused(NAME_CODE, s, "is 201 characters long; the limit is 200");
	free(s);
	s = rep("x", LABEL_MAX_CHARS);
	assert_null(name_check(NAME_ATTR_VALUE, s));
	free(s);
	s = rep("x", LABEL_MAX_CHARS + 1);
	assert_refused(NAME_TITLE, s, "the limit is 1000");
	free(s);
	/* cleaning: controls become spaces, invisibles go, cut at graphemes */
	s = name_clean(NAME_CODE, "a\x1b]0;X\x07" "b\xe2\x80\x8b" "c", "d", 0, &ch);
	assert_string_equal(s, "a ]0;X bc");
	assert_int_equal(ch, NAME_CLEANED);
	free(s);
	s = name_clean(NAME_DOCUMENT, "\xff\x1b", "d", 0, &ch);
	assert_string_equal(s, "\xef\xbf\xbd");
	free(s);
	s = name_clean(NAME_CODE, "\x1b\t", "dflt", 0, &ch);
	assert_string_equal(s, "dflt");
	free(s);
	m = rep("x", NAME_MAX_CHARS - 1);
	s = xasprintf("%s\xd8\xa8\xd9\x8e", m);	/* beh + fatha: one grapheme */
	free(m);
	m = name_clean(NAME_CODE, s, "d", 0, &ch);
	assert_int_equal(ch, NAME_CUT);
	assert_int_equal(strlen(m), NAME_MAX_CHARS - 1);
	assert_null(name_check(NAME_CODE, m));
	free(m);
	m = name_clean(NAME_MEMO_TITLE, s, "", 60, &ch);
	assert_int_equal(strlen(m), 60);
	free(m);
	free(s);
	/* colours: what a theme accepts */
	assert_true(name_color_ok("#aa00FF"));
	assert_true(name_color_ok("bright-blue"));
	assert_true(name_color_ok("214"));
	assert_true(name_color_ok(""));
	assert_false(name_color_ok("x\"\x1b]0;PWN\x07"));
	assert_false(name_color_ok("256"));
}

/* the store refuses through the same check, and changes nothing */
static void
test_name_setters(void **state)
{
	struct project *p;
	char *path, *t, *big;
	int64_t id;

	(void)state;
	p = tu_new_project(&path);
	id = tu_doc(p, "d", "x");
	big = rep("y", NAME_MAX_CHARS + 1);
	assert_int_equal(doc_rename(p, id, big), AX_ERR_INPUT);
	assert_int_equal(codetree_add(p, 0, NODE_CATEGORY, big, &id), AX_ERR_INPUT);
	assert_non_null(strstr(project_errmsg(p), "category name: is 201"));
	assert_int_equal(coder_add(p, "c", big, NULL, NULL), AX_ERR_INPUT);
	assert_int_equal(coder_add(p, "c", NULL, "\x1b]0;x", NULL), AX_ERR_INPUT);
	assert_non_null(strstr(project_errmsg(p), "coder colour"));
	assert_int_equal(project_set_setting(p, "title", "a\x1b"), AX_ERR_INPUT);
	assert_non_null(strstr(project_errmsg(p), "project title"));
	assert_int_equal(doc_attr_set(p, 1, "k", "a\tb"), AX_ERR_INPUT);
	t = project_setting(p, "title");
	assert_null(t);
	assert_int_equal(coder_find(p, "c", &id), AX_ERR_NOTFOUND);
	free(big);
	project_close(p);
	free(path);
}

static void
test_documents_order_and_attrs(void **state)
{
	struct project *p;
	char *path;
	struct doc_info *d;
	struct doc_attr *a;
	size_t n, na;
	int64_t i1, i2, i3;

	(void)state;
	p = tu_new_project(&path);
	i1 = tu_doc(p, "i1", "a");
	i2 = tu_doc(p, "i2", "b");
	i3 = tu_doc(p, "i3", "c");
	assert_ok(doc_set_position(p, i3, 1));
	assert_ok(doc_list(p, &d, &n));
	assert_int_equal(n, 3);
	assert_string_equal(d[0].name, "i3");
	assert_string_equal(d[1].name, "i1");
	assert_string_equal(d[2].name, "i2");
	assert_int_equal(d[2].position, 3);
	doc_list_free(d, n);
	assert_int_equal(doc_set_position(p, i1, 7), AX_ERR_INPUT);
	assert_ok(doc_attr_set(p, i2, "gender", "female"));
	assert_ok(doc_attr_set(p, i2, "education", "PhD"));
	assert_ok(doc_attr_set(p, i2, "gender", "male"));
	assert_ok(doc_attr_list(p, i2, &a, &na));
	assert_int_equal(na, 2);
	assert_string_equal(a[0].key, "education");
	assert_string_equal(a[1].value, "male");
	doc_attr_list_free(a, na);
	assert_ok(doc_attr_set(p, i2, "gender", NULL));
	assert_ok(doc_attr_list(p, i2, &a, &na));
	assert_int_equal(na, 1);
	doc_attr_list_free(a, na);
	assert_ok(doc_rename(p, i2, "interview 2"));
	assert_int_equal(doc_rename(p, i2, "i1"), AX_ERR_EXISTS);
	assert_ok(doc_remove(p, i1));
	assert_int_equal(doc_remove(p, i1), AX_ERR_NOTFOUND);
	assert_ok(doc_list(p, &d, &n));
	assert_int_equal(n, 2);
	doc_list_free(d, n);
	assert_int_equal(doc_set_direction(p, i2, "up"), AX_ERR_INPUT);
	project_close(p);
	free(path);
}

static void
test_identity(void **state)
{
	struct project *p, *q;
	char *path, *err = NULL;
	struct coder *c;
	size_t n;

	(void)state;
	p = tu_new_project(&path);
	assert_string_equal(project_coder_login(p), project_account(p));
	assert_string_equal(project_owner(p), project_account(p));
	/* acting as a name nobody tied to this account is refused */
	assert_int_equal(project_open(path, 0, "mallory", &q, &err), AX_ERR_PERM);
	assert_non_null(strstr(err, "mallory"));
	free(err);
	/* the owner ties coder-b to the account; then it works */
	assert_ok(coder_add(p, "coder-b", "Coder B", NULL, project_account(p)));
	assert_ok(project_open(path, 0, "coder-b", &q, NULL));
	assert_string_equal(project_coder_login(q), "coder-b");
	tu_doc(q, "by-b", "text");
	project_close(q);
	assert_ok(coder_list(p, &c, &n));
	assert_int_equal(n, 2);	/* the owner, created by their first action, and B */
	assert_string_equal(c[0].login, project_account(p));
	assert_string_equal(c[1].login, "coder-b");
	assert_string_equal(c[1].account, project_account(p));
	coder_list_free(c, n);
	project_close(p);
	free(path);
}

/*
 * Switching the acting coder in an open project (the workbench's second
 * pass) keeps project_open's rule, and a refused switch changes nothing.
 */
static void
test_act_as(void **state)
{
	struct project *p;
	struct coding_filter f = {0, 0, 0};
	struct coding *c;
	char *path, *pass = NULL, *me;
	int64_t doc, code, id, pass_id;
	size_t n;

	(void)state;
	p = tu_new_project(&path);
	me = xstrdup(project_coder_login(p));
	doc = tu_doc(p, "d", "one\ntwo");
	assert_ok(codetree_add(p, 0, NODE_CODE, "k", &code));
	assert_int_equal(project_act_as(p, "mallory"), AX_ERR_PERM);
	assert_non_null(strstr(project_errmsg(p), "mallory"));
	assert_string_equal(project_coder_login(p), me);
	/* the second pass: created by retest_start, tied to this account */
	assert_ok(retest_start(p, &pass));
	assert_ok(project_act_as(p, pass));
	assert_string_equal(project_coder_login(p), pass);
	assert_ok(coding_add(p, doc, code, 0, 3, &id));
	assert_ok(coder_find(p, pass, &pass_id));
	f.coder = pass_id;
	assert_ok(coding_list(p, &f, &c, &n));
	assert_int_equal(n, 1);	/* the coding is the pass's */
	free(c);
	/* not inside an action */
	assert_ok(project_begin(p, "test"));
	assert_int_equal(project_act_as(p, NULL), AX_ERR_INPUT);
	assert_string_equal(project_coder_login(p), pass);
	project_rollback(p);
	/* NULL: back to the account's own login */
	assert_ok(project_act_as(p, NULL));
	assert_string_equal(project_coder_login(p), me);
	assert_ok(coding_add(p, doc, code, 4, 7, &id));
	f.coder = pass_id;
	assert_ok(coding_list(p, &f, &c, &n));
	assert_int_equal(n, 1);	/* the new one is not the pass's */
	free(c);
	free(pass);
	free(me);
	project_close(p);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_and_reopen),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_truncated_file),
		cmocka_unit_test(test_newer_version),
		cmocka_unit_test(test_bad_versions),
		cmocka_unit_test(test_readonly),
		cmocka_unit_test(test_readonly_flag),
		cmocka_unit_test(test_migration_from_v1),
		cmocka_unit_test(test_import_encodings),
		cmocka_unit_test(test_import_bad_input),
		cmocka_unit_test(test_names_nfc),
		cmocka_unit_test(test_large_text),
		cmocka_unit_test(test_name_check),
		cmocka_unit_test(test_name_setters),
		cmocka_unit_test(test_documents_order_and_attrs),
		cmocka_unit_test(test_identity),
		cmocka_unit_test(test_act_as),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
