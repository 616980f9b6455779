/*
 * db-project.c: opening and closing a project file, and what is asked of
 * the project as a whole (project.h). Statements are run through db-sql.c,
 * actions through db-action.c, settings through db-setting.c.
 *
 * Concurrency. The file is in WAL mode, so readers never block the writer;
 * every write is an action (db-action.c). synchronous=FULL: an
 * acknowledged action survives a power cut.
 *
 * Identity. The coder is the OS account (getpwuid on the effective uid, not
 * an environment variable). Acting under another coder name is allowed only
 * when that coder's `account` is this account, which only the owner sets
 * (check_identity; the rules are in coder.h). Every action records the
 * account that did it, whatever name it acted under.
 */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "store/compare.h"
#include "base/i18n.h"
#include "store/db-int.h"

static char *
os_account(void)
{
	struct passwd *pw = getpwuid(geteuid());

	if (pw != NULL && pw->pw_name != NULL && pw->pw_name[0] != '\0')
		return xstrdup(pw->pw_name);
	return xasprintf("uid%ld", (long)geteuid());
}

/*
 * The rule for acting as coder LOGIN (coder.h): a coder tied to an account
 * is that account's alone; one tied to none is the account of the same name,
 * if any; the consensus coder is nobody's.
 */
static enum ax_status
check_identity(struct project *p, const char *as)
{
	sqlite3_stmt *st;
	enum ax_status s = AX_OK;
	char *tied = NULL;

	p->login = xstrdup(as != NULL ? as : p->account);
	st = db_stmt(p, "SELECT id, account FROM coders WHERE login = ?");
	sqlite3_bind_text(st, 1, p->login, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		p->coder_id = sqlite3_column_int64(st, 0);
		tied = db_col_str(st, 1);
	}
	sqlite3_reset(st);
	if (strcmp(p->login, CONSENSUS_CODER) == 0)
		s = db_fail(p, AX_ERR_PERM, "cannot act as coder '%s': the "
		    "consensus coding is made by 'axial consensus', never acted as",
		    p->login);
	else if (tied != NULL && *tied != '\0' && strcmp(tied, p->account) != 0)
		s = db_fail(p, AX_ERR_PERM, "cannot act as coder '%s': it is tied "
		    "to account '%s'", p->login, tied);
	else if ((tied == NULL || *tied == '\0') &&
	    strcmp(p->login, p->account) != 0)
		s = db_fail(p, AX_ERR_PERM, "cannot act as coder '%s': no such "
		    "coder tied to account '%s' (the owner adds one with "
		    "'axial coder add PROJECT %s --account %s')", p->login,
		    p->account, p->login, p->account);
	free(tied);
	return s;
}

enum ax_status
project_act_as(struct project *p, const char *as)
{
	char *was = p->login;
	int64_t was_id = p->coder_id;
	enum ax_status s;

	if (p->depth > 0)
		return db_fail(p, AX_ERR_INPUT, "cannot change the acting coder "
		    "inside an action");
	p->coder_id = 0;
	if ((s = check_identity(p, as)) != AX_OK) {
		free(p->login);
		p->login = was;
		p->coder_id = was_id;
		return s;
	}
	free(was);
	return AX_OK;
}

/*
 * A read-only WAL database opens only if its -shm file exists or can be
 * created; in a directory we cannot write, with no -shm, open it as
 * immutable instead (SQLite's documented way for read-only media).
 */
static char *
readonly_uri(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/'), *shm;
	struct buf b = {0};
	const char *c;
	bool immutable;

	if (slash != NULL)
		slash[slash == dir ? 1 : 0] = '\0';
	shm = xasprintf("%s-shm", path);
	immutable = access(slash ? dir : ".", W_OK) != 0 && access(shm, F_OK) != 0;
	free(shm);
	free(dir);
	if (!immutable)
		return NULL;
	buf_puts(&b, "file:");
	for (c = path; *c; c++) {
		if (*c == '?' || *c == '#' || *c == '%')
			buf_printf(&b, "%%%02X", (unsigned char)*c);
		else
			buf_putc(&b, *c);
	}
	buf_puts(&b, "?immutable=1");
	return buf_take(&b);
}

static enum ax_status
open_file(struct project *p, unsigned flags)
{
	char *uri = NULL;
	int oflags = SQLITE_OPEN_NOMUTEX;
	struct stat sb;
	int rc;

	if (flags & PROJECT_CREATE) {
		int fd;

		if (lstat(p->path, &sb) == 0)
			return db_fail(p, AX_ERR_EXISTS, "%s: already exists", p->path);
		/* Made here, not by SQLite (which uses 0644): 0664 & ~umask lets a
		 * group share the project under umask 007, and SQLite gives the
		 * -wal and -shm files the same mode. */
		fd = open(p->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0664);
		if (fd < 0)
			return db_fail(p, errno == EEXIST ? AX_ERR_EXISTS : AX_ERR_IO,
			    "%s: %s", p->path, strerror(errno));
		close(fd);
		oflags |= SQLITE_OPEN_READWRITE;
	} else {
		if (stat(p->path, &sb) != 0)
			return db_fail(p, AX_ERR_NOTFOUND, "%s: %s", p->path,
			    strerror(errno));
		if (!S_ISREG(sb.st_mode))
			return db_fail(p, AX_ERR_NOTPROJECT, "%s: not a project file",
			    p->path);
		if ((flags & PROJECT_READONLY) || access(p->path, W_OK) != 0)
			p->readonly = true;
		oflags |= p->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	}
	if (p->readonly && (uri = readonly_uri(p->path)) != NULL)
		oflags |= SQLITE_OPEN_URI;
	rc = sqlite3_open_v2(uri ? uri : p->path, &p->db, oflags, NULL);
	free(uri);
	if (rc != SQLITE_OK)
		return db_sqlite_fail(p, rc);
	/* The file is untrusted (project.h): no SQL in its schema runs with
	 * more than innocuous functions, no write can corrupt it through the
	 * schema, and neither its triggers nor its views run until the
	 * schema has been checked (check_and_migrate). */
	sqlite3_db_config(p->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(p->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(p->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
	sqlite3_db_config(p->db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
	{
		const char *ms = getenv("AXIAL_BUSY_TIMEOUT_MS");

		p->busy_ms = ms != NULL && atoi(ms) > 0 ? atoi(ms) : 10000;
		p->busy_jitter = (unsigned)getpid();
	}
	db_conn_setup(p, p->db);
	return AX_OK;
}

/*
 * The owner and the creation time are meta rows, and meta is logged: they
 * go in an action of their own, "project create", with no coder (nobody's
 * undo reaches it) and the creating account.
 */
static enum ax_status
create_schema(struct project *p)
{
	sqlite3_stmt *st;
	enum ax_status s;

	if ((s = db_exec(p, "PRAGMA journal_mode = WAL; BEGIN IMMEDIATE")) != AX_OK)
		return s;
	s = db_schema_upgrade(p, 0);
	if (s == AX_OK) {
		/* the schema is the one just made: its log triggers record the
		 * creation as the first action */
		sqlite3_db_config(p->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 1, NULL);
		sqlite3_db_config(p->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, NULL);
		st = db_stmt(p, "INSERT INTO actions(coder_id, time, label, kind,"
		    " state, account) VALUES (NULL, strftime('%s','now'),"
		    " 'project create', 'do', 'meta', ?1)");
		sqlite3_bind_text(st, 1, p->account, -1, SQLITE_STATIC);
		s = db_exec_stmt(p, st);
	}
	if (s == AX_OK) {
		st = db_stmt(p, "INSERT INTO meta(key, value) VALUES ('owner', ?1),"
		    " ('created', strftime('%s','now'))");
		sqlite3_bind_text(st, 1, p->account, -1, SQLITE_STATIC);
		s = db_exec_stmt(p, st);
	}
	if (s == AX_OK)
		s = db_exec(p, "COMMIT");
	if (s != AX_OK)
		sqlite3_exec(p->db, "ROLLBACK", NULL, NULL, NULL);
	return s;
}

/* Collects the first schema difference for the message. */
static void
first_finding(void *arg, const char *text)
{
	char **first = arg;

	if (*first == NULL)
		*first = xstrdup(text);
}

/*
 * The schema against the one this axial makes at `version`. A difference
 * refuses the file, unless it is opened for `axial check`, which lists
 * them all (p->schema_ok says which).
 */
static enum ax_status
check_schema(struct project *p, int version, unsigned flags)
{
	char *first = NULL;
	enum ax_status s;
	int n;

	if ((s = db_schema_diff(p, version, first_finding, &first, &n)) != AX_OK)
		return s;
	p->schema_ok = n == 0;
	if (n > 0 && !(flags & PROJECT_CHECKING))
		s = db_fail(p, AX_ERR_NOTPROJECT, "%s: not a file this axial made: "
		    "%s; another program changed it ('axial check %s' lists what "
		    "differs)", p->path, first, p->path);
	free(first);
	return s;
}

static enum ax_status
check_and_migrate(struct project *p, unsigned flags)
{
	sqlite3_stmt *st;
	int64_t appid, version;
	int rc;
	enum ax_status s;

	rc = sqlite3_prepare_v2(p->db, "PRAGMA application_id", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_sqlite_fail(p, rc);
	rc = sqlite3_step(st);
	appid = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_sqlite_fail(p, rc);
	if (appid != DB_APPLICATION_ID)
		return db_fail(p, AX_ERR_NOTPROJECT, "%s: not an axial project "
		    "(an SQLite database of another program)", p->path);
	/* From the file: no use as an index before it is in range. Axial
	 * never commits a file at version 0. */
	version = db_int(p, "PRAGMA user_version", 0, 0);
	if (version > PROJECT_SCHEMA_VERSION)
		return db_fail(p, AX_ERR_VERSION, "%s: made by a newer axial "
		    "(project format %lld; this axial reads up to %d); upgrade "
		    "axial to open it", p->path, (long long)version,
		    PROJECT_SCHEMA_VERSION);
	if (version < 1)
		return db_fail(p, AX_ERR_NOTPROJECT, "%s: not an axial project "
		    "(unknown format %lld)", p->path, (long long)version);
	p->version = (int)version;
	if ((s = check_schema(p, p->version, flags)) != AX_OK || !p->schema_ok ||
	    version == PROJECT_SCHEMA_VERSION)
		return s;
	if (p->readonly)
		return db_fail(p, AX_ERR_READONLY, "%s: read-only, and its format "
		    "(%lld) needs an upgrade to %d first", p->path,
		    (long long)version, PROJECT_SCHEMA_VERSION);
	if ((s = db_exec(p, "BEGIN IMMEDIATE")) != AX_OK)
		return s;
	/* Another process may have migrated it while we waited. */
	version = db_int(p, "PRAGMA user_version", 0, 0);
	if (version < p->version || version > PROJECT_SCHEMA_VERSION)
		s = db_fail(p, AX_ERR_NOTPROJECT, "%s: not an axial project "
		    "(unknown format %lld)", p->path, (long long)version);
	else if (version < PROJECT_SCHEMA_VERSION)
		s = db_schema_upgrade(p, (int)version);
	p->version = PROJECT_SCHEMA_VERSION;
	/* The migrated schema, in the same transaction: a file that is not
	 * as this axial makes it is rolled back, as it came. */
	if (s == AX_OK && (s = check_schema(p, p->version, flags)) == AX_OK &&
	    !p->schema_ok)
		s = db_fail(p, AX_ERR_NOTPROJECT, "%s: cannot upgrade the project's "
		    "format", p->path);
	if (s == AX_OK)
		s = db_exec(p, "COMMIT");
	if (s != AX_OK)
		sqlite3_exec(p->db, "ROLLBACK", NULL, NULL, NULL);
	return s;
}

enum ax_status
project_open(const char *path, unsigned flags, const char *as,
    struct project **pp, char **errmsg)
{
	struct project *p = xcalloc(1, sizeof *p);
	enum ax_status s;

	*pp = NULL;
	p->path = xstrdup(path);
	p->account = os_account();
	if ((s = open_file(p, flags)) != AX_OK || (s = db_file_open(p)) != AX_OK)
		goto err;
	if (flags & PROJECT_CREATE) {
		s = create_schema(p);
		p->version = PROJECT_SCHEMA_VERSION;
		p->schema_ok = true;
	} else {
		s = check_and_migrate(p, flags);
	}
	if (s != AX_OK)
		goto err;
	/* Statement journals in memory (temp_store): each statement of an
	 * action journals the pages it changes, and in a temporary file (once
	 * one statement outgrew 64 KiB, for the rest of the action) importing
	 * a 100,000-code codebook took 1.5 million write calls; one
	 * statement's pages is all the memory this takes. A 32 MiB page
	 * cache (SQLite's default is 2 MiB) holds the indexes such an import
	 * inserts into at random (GUIDs), instead of spilling and rereading
	 * them; it fills only as far as the project needs. */
	if ((s = db_exec(p, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;"
	    " PRAGMA temp_store = MEMORY; PRAGMA cache_size = " DB_CACHE_SIZE
	    ";")) != AX_OK)
		goto err;
	if (!p->schema_ok) {	/* PROJECT_CHECKING: no table is axial's */
		p->owner = xstrdup("");
		p->login = xstrdup(as != NULL ? as : p->account);
		*pp = p;
		return AX_OK;
	}
	/*
	 * The schema is axial's, every expression in it axial's own: its
	 * change-log triggers may run now, and they call json_object(),
	 * which SQLite (3.40) does not mark innocuous.
	 */
	sqlite3_db_config(p->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 1, NULL);
	sqlite3_db_config(p->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, NULL);
	if (!(flags & PROJECT_CHECKING) && (s = db_tree_verify(p)) != AX_OK)
		goto err;
	{
		sqlite3_stmt *st = db_stmt(p, "SELECT value FROM meta WHERE key = 'owner'");

		p->owner = sqlite3_step(st) == SQLITE_ROW ? db_col_str(st, 0) :
		    xstrdup("");
		sqlite3_reset(st);
	}
	if ((s = check_identity(p, as)) != AX_OK)
		goto err;
	if (!p->readonly)
		db_queue_open(p);
	*pp = p;
	return AX_OK;
err:
	if (errmsg != NULL)
		*errmsg = xstrdup(p->errmsg ? p->errmsg : _("cannot open project"));
	if (s == AX_ERR_EXISTS || s == AX_ERR_NOTFOUND) {
		project_close(p);
		return s;
	}
	{
		bool created = (flags & PROJECT_CREATE) && s != AX_ERR_EXISTS;
		char *path_copy = xstrdup(path);

		project_close(p);
		if (created)	/* leave nothing half made behind */
			db_file_remove(path_copy);
		free(path_copy);
	}
	return s;
}

void
project_close(struct project *p)
{
	size_t i;

	if (p == NULL)
		return;
	if (p->depth > 0)
		sqlite3_exec(p->db, "ROLLBACK", NULL, NULL, NULL);
	db_queue_close(p);
	for (i = 0; i < p->nstmts; i++)
		sqlite3_finalize(p->stmts[i].stmt);
	free(p->stmts);
	if (p->db != NULL)
		sqlite3_close(p->db);
	free(p->path);
	free(p->errmsg);
	free(p->login);
	free(p->account);
	free(p->owner);
	free(p);
}

const char *project_errmsg(const struct project *p) { return p->errmsg ? p->errmsg : ""; }
const char *project_path(const struct project *p) { return p->path; }
bool project_readonly(const struct project *p) { return p->readonly; }
const char *project_coder_login(const struct project *p) { return p->login; }
const char *project_account(const struct project *p) { return p->account; }
const char *project_owner(const struct project *p) { return p->owner; }

int64_t
project_data_version(struct project *p)
{
	return db_int(p, "PRAGMA data_version", 0, -1);
}

static int64_t
summary_count(struct project *p, const char *sql)
{
	sqlite3_stmt *st = db_stmt(p, sql);
	int64_t n = 0;

	db_blind_bind(p, st);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

enum ax_status
project_summary(struct project *p, struct project_summary *s)
{
	s->documents = db_int(p, "SELECT count(*) FROM documents", 0, 0);
	s->chars = db_int(p, "SELECT total(nchars) FROM documents", 0, 0);
	s->codes = summary_count(p, "SELECT count(*) FROM nodes n WHERE"
	    " kind = 'code' AND " DB_BLIND_NODE("n.id"));
	s->categories = summary_count(p, "SELECT count(*) FROM nodes n WHERE"
	    " kind = 'category' AND " DB_BLIND_NODE("n.id"));
	s->codings = db_coding_count(p);
	s->coders = db_int(p, "SELECT count(*) FROM coders", 0, 0);
	s->memos = summary_count(p, "SELECT count(*) FROM memos m WHERE "
	    DB_BLIND_MEMO("m"));
	return AX_OK;
}

enum ax_status
project_check(struct project *p)
{
	sqlite3_stmt *st = db_stmt(p, "PRAGMA integrity_check");
	enum ax_status s = AX_OK;
	int rc = sqlite3_step(st);

	if (rc != SQLITE_ROW)
		s = db_sqlite_fail(p, rc);
	else if (strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0)
		s = db_fail(p, AX_ERR_NOTPROJECT, "%s: integrity check: %s", p->path,
		    sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return s;
}
