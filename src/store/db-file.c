/*
 * db-file.c: the file behind a project's path (project.h, "The file behind
 * the path"; docs/security.md §2.5).
 *
 * A connection holds the file it opened, whatever later happens to the
 * name. If the path is deleted, renamed or replaced (another project moved
 * onto it) while the project is open, SQLite goes on writing: into a file
 * nobody will open again, or, since the -wal and -shm files go by the
 * path's name, into the log the file now at the path will read as its own,
 * a documented way to corrupt a database [SQLITE-CORRUPT]. So the device
 * and inode are remembered at open and compared with the path's before
 * every action and on every poll of the workbench. Once they differ the
 * project is moved for good:
 *
 *  - the log is folded into the file this connection holds and emptied (a
 *    TRUNCATE checkpoint): a file moved away is then whole by itself, and
 *    the log at the old name holds nothing for the next file there;
 *  - with a hold (the workbench), the project is first copied into memory
 *    (the backup API, through this still-open connection) and the file let
 *    go; one action may then be made in the copy, held until
 *    project_save_as() writes everything to a new file;
 *  - every other action is refused with AX_ERR_MOVED.
 *
 * Read-only opens. In a folder this process cannot write, with no -shm,
 * the file is opened immutable (readonly_uri() in db-project.c), which
 * reads the main file only: a non-empty -wal then holds changes it would
 * not show, so that open is refused with the reason. An immutable view
 * also cannot follow a writer who comes later; the poll notices the file
 * or its -wal changing and says so.
 */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "store/db-int.h"

static int64_t
mtime_ns(const struct stat *sb)
{
	return (int64_t)sb->st_mtim.tv_sec * 1000000000 + sb->st_mtim.tv_nsec;
}

/* The size of PATH-wal, -1 when there is none. */
static int64_t
wal_size(const char *path)
{
	char *wal = xasprintf("%s-wal", path);
	struct stat sb;
	int64_t n = stat(wal, &sb) == 0 ? (int64_t)sb.st_size : -1;

	free(wal);
	return n;
}

/* Whether the path still names the file this connection opened. */
static bool
same_file(struct project *p)
{
	struct stat sb;
	int moved = 0;

	if (stat(p->path, &sb) != 0 || (uint64_t)sb.st_dev != p->file.dev ||
	    (uint64_t)sb.st_ino != p->file.ino)
		return false;
	/* SQLite's own view: the inode it took with fstat when it opened the
	 * file (which closes the gap between its open and our stat) */
	if (sqlite3_file_control(p->db, "main", SQLITE_FCNTL_HAS_MOVED,
	    &moved) == SQLITE_OK && moved)
		return false;
	return true;
}

/* Copies the main database of `from` into `to`, all in one step. */
static int
copy_db(sqlite3 *from, sqlite3 *to)
{
	sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
	int rc, fin;

	if (b == NULL)
		return sqlite3_errcode(to);
	rc = sqlite3_backup_step(b, -1);
	fin = sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		return rc;
	return fin;
}

/* Makes db the project's connection, set up as project_open sets up its
 * own (db-conn.c), and closes the old one. Only between actions. */
static void
use_db(struct project *p, sqlite3 *db)
{
	size_t i;

	assert(p->depth == 0);
	for (i = 0; i < p->nstmts; i++)
		sqlite3_finalize(p->stmts[i].stmt);
	p->nstmts = 0;
	sqlite3_close_v2(p->db);
	p->db = db;
	db_conn_setup(p, db);
	sqlite3_exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;",
	    NULL, NULL, NULL);
}

static int64_t
last_action(struct project *p)
{
	return db_int(p, "SELECT ifnull(max(id), 0) FROM actions", 0, 0);
}

/* Whether a statement is part way through its rows: the connection
 * cannot be swapped under it. */
static bool
stepping(struct project *p)
{
	sqlite3_stmt *st = NULL;

	while ((st = sqlite3_next_stmt(p->db, st)) != NULL)
		if (sqlite3_stmt_busy(st))
			return true;
	return false;
}

/* The path no longer names our file: nothing is written to it again. */
static void
let_go(struct project *p)
{
	sqlite3 *mem = NULL;

	assert(p->depth == 0);
	p->file.moved = true;
	if (p->file.hold && !stepping(p) && (sqlite3_open_v2(":memory:", &mem,
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
	    copy_db(p->db, mem) != SQLITE_OK)) {
		sqlite3_close(mem);	/* out of memory: refuse, as without a hold */
		mem = NULL;
	}
	/* Fold the log into the file we hold and empty it. Best effort: it
	 * fails only if another process keeps reading the old file. */
	if (!p->readonly && !p->file.immutable)
		(void)sqlite3_wal_checkpoint_v2(p->db, "main",
		    SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	if (mem != NULL) {
		use_db(p, mem);
		p->file.in_memory = true;
		p->file.held_after = last_action(p);
	}
}

enum ax_status
db_file_open(struct project *p)
{
	struct stat sb;
	char *wal;
	enum ax_status s = AX_OK;

	if (stat(p->path, &sb) != 0)
		return db_fail(p, AX_ERR_NOTFOUND, "%s: %s", p->path,
		    strerror(errno));
	p->file.dev = (uint64_t)sb.st_dev;
	p->file.ino = (uint64_t)sb.st_ino;
	p->file.size = (int64_t)sb.st_size;
	p->file.mtime_ns = mtime_ns(&sb);
	p->file.immutable = sqlite3_uri_boolean(sqlite3_db_filename(p->db,
	    "main"), "immutable", 0) != 0;
	if (p->file.immutable && wal_size(p->path) > 0) {
		wal = xasprintf("%s-wal", p->path);
		s = db_fail(p, AX_ERR_READONLY, "%s: its folder is read-only and "
		    "the latest changes are still in %s; ask the owner to open "
		    "it once, or copy the folder", p->path, wal);
		free(wal);
	}
	return s;
}

bool
project_unsaved(struct project *p)
{
	return p->file.in_memory && last_action(p) > p->file.held_after;
}

enum ax_status
db_file_check(struct project *p)
{
	if (!p->file.moved && !same_file(p))
		let_go(p);
	if (!p->file.moved || (p->file.in_memory && !project_unsaved(p)))
		return AX_OK;
	return db_fail(p, AX_ERR_MOVED, "%s was moved, deleted or replaced "
	    "while open; nothing was written", p->path);
}

enum ax_status
project_file_check(struct project *p)
{
	struct stat sb;

	if (!p->file.moved && p->depth == 0 && !same_file(p))
		let_go(p);
	if (p->file.moved)
		return db_fail(p, AX_ERR_MOVED, "%s was moved, deleted or "
		    "replaced while open; nothing more is written to it", p->path);
	if (p->file.immutable && !p->file.stale &&
	    (stat(p->path, &sb) != 0 || (int64_t)sb.st_size != p->file.size ||
	    mtime_ns(&sb) != p->file.mtime_ns || wal_size(p->path) > 0))
		p->file.stale = true;
	if (p->file.stale)
		return db_fail(p, AX_ERR_READONLY, "%s has changed since it was "
		    "opened, and this read-only view cannot follow it (its folder "
		    "is read-only); open it again to see the changes", p->path);
	return AX_OK;
}

bool
project_moved(const struct project *p)
{
	return p->file.moved;
}

void
project_hold(struct project *p)
{
	p->file.hold = true;
}

enum ax_status
project_save_as(struct project *p, const char *path)
{
	sqlite3 *db = NULL;
	struct stat sb;
	bool hold = p->file.hold;
	enum ax_status s;
	int fd, rc;

	if (p->depth > 0)
		return db_fail(p, AX_ERR_INPUT, "cannot save to a new file inside "
		    "an action");
	if (path[0] == '\0')
		return db_fail(p, AX_ERR_INPUT, "no file name given");
	if (lstat(path, &sb) == 0)
		return db_fail(p, AX_ERR_EXISTS, "%s: already exists; choose a new "
		    "name", path);
	/* made here with 0664 & ~umask, as a new project is (db-project.c) */
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0664);
	if (fd < 0)
		return db_fail(p, errno == EEXIST ? AX_ERR_EXISTS : AX_ERR_IO,
		    "%s: %s", path, strerror(errno));
	close(fd);
	rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK)
		rc = copy_db(p->db, db);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		s = db_fail(p, AX_ERR_IO, "%s: cannot save the project there (%s); "
		    "nothing was changed", path, sqlite3_errstr(rc));
		sqlite3_close(db);
		db_file_remove(path);
		return s;
	}
	use_db(p, db);
	free(p->path);
	p->path = xstrdup(path);
	p->readonly = false;
	memset(&p->file, 0, sizeof p->file);
	p->file.hold = hold;
	return db_file_open(p);
}

void
db_file_remove(const char *path)
{
	char *side;

	unlink(path);
	side = xasprintf("%s-wal", path);
	unlink(side);
	free(side);
	side = xasprintf("%s-shm", path);
	unlink(side);
	free(side);
}
