/*
 * project.h: one axial project is one SQLite file.
 *
 * A struct project is an open connection plus the identity of the coder
 * acting through it. Every mutation a user makes goes through one action:
 *
 *     project_begin(p, "tag") -> mutations -> project_commit(p)
 *
 * which is one SQLite transaction (BEGIN IMMEDIATE, so two coders in two
 * processes queue on the busy timeout instead of failing) and one row in the
 * change log; history.h undoes and redoes whole actions. Model functions in
 * document.h, codetree.h, coding.h, memo.h and coder.h begin and commit their
 * own action unless one is already open, so a caller can group several calls
 * into one undoable action.
 *
 * Errors: every fallible function returns an enum ax_status; the message for
 * the user (naming the file and position where there is one) is then
 * project_errmsg(p), valid until the next call on p.
 */
#ifndef AXIAL_PROJECT_H
#define AXIAL_PROJECT_H

#include <stdbool.h>
#include <stdint.h>

struct project;

enum ax_status {
	AX_OK = 0,
	AX_ERR_INPUT,		/* bad input: invalid UTF-8, NUL, range, name */
	AX_ERR_NOTFOUND,	/* no such document, code, coding, memo, coder */
	AX_ERR_EXISTS,		/* a name already taken */
	AX_ERR_CYCLE,		/* a move that would put a node under itself */
	AX_ERR_READONLY,	/* the project file cannot be written */
	AX_ERR_VERSION,		/* made by a newer axial */
	AX_ERR_NOTPROJECT,	/* not an axial project (or not SQLite at all) */
	AX_ERR_BUSY,		/* locked by another process beyond the timeout */
	AX_ERR_PERM,		/* not allowed for this coder */
	AX_ERR_CONFLICT,	/* undo/redo refused: others changed it since */
	AX_ERR_NOTHING,		/* nothing to undo or redo */
	AX_ERR_IO,		/* disk full, I/O error, anything else from SQLite */
	AX_ERR_MOVED,		/* the file was moved, deleted or replaced while open */
};

/* The schema version this build writes; older files are migrated on open. */
#define PROJECT_SCHEMA_VERSION 9

enum {
	PROJECT_CREATE = 1 << 0,	/* create a new project; fail if it exists */
	PROJECT_READONLY = 1 << 1,	/* never write, even if the file allows */
	PROJECT_CHECKING = 1 << 2,	/* open what opening would refuse for
					 * its schema or tree: check.h */
};

/*
 * Opens (or with PROJECT_CREATE creates) the project at path, acting as
 * coder `as` (NULL: the operating-system account's login name). Acting as a
 * name other than the account's own is allowed only when the project's owner
 * has tied that coder to this account (coder_add with an account). A file
 * that cannot be written is opened read-only, and project_readonly() says
 * so. On failure *pp is NULL and *errmsg (if errmsg is not NULL) is a
 * message the caller frees. Opening reads no document text.
 *
 * The file is untrusted input: it is opened with SQLite's defences on
 * (defensive mode, an untrusted schema, triggers and views off), its
 * format version must be one axial wrote, and its schema must be exactly
 * the one this axial makes (tables, columns, indexes, axial's own change-
 * log triggers, no views) before any statement touches a table, and
 * again after a migration, which is rolled back otherwise. Only then are
 * triggers turned on. A code tree with a loop, a missing parent, a node
 * under a code or more than CODETREE_MAX_DEPTH levels is refused too. A
 * refused file is left as it was (AX_ERR_NOTPROJECT); `axial check`
 * (check.h) says everything that is wrong with it.
 */
/*
 * The SQLite library axial runs on ("3.40.1") for `axial doctor`; *ok says
 * whether it is new enough (3.35: MATERIALIZED) and has FTS5 (search).
 */
#define PROJECT_SQLITE_MIN "3.35.0"
const char *project_sqlite_version(bool *ok);
enum ax_status project_open(const char *path, unsigned flags, const char *as,
    struct project **pp, char **errmsg);
void project_close(struct project *p);

const char *project_errmsg(const struct project *p);
const char *project_path(const struct project *p);
bool project_readonly(const struct project *p);
/* The acting coder's login; their row is created on their first action. */
const char *project_coder_login(const struct project *p);
/*
 * Acts as coder `as` from now on (NULL: the account's own login), under
 * the same rule as project_open: another name only when the owner tied it
 * to this account. Not inside an action. On failure the acting coder is
 * unchanged.
 */
enum ax_status project_act_as(struct project *p, const char *as);
/* The OS account this process runs as. */
const char *project_account(const struct project *p);
/* The project's owner (the account that created it). */
const char *project_owner(const struct project *p);

/*
 * Actions. project_begin opens an action labelled `label` (e.g. "tag",
 * "code move"); nested begins join the outer action. project_commit ends it;
 * project_rollback discards it and every change made in it.
 */
enum ax_status project_begin(struct project *p, const char *label);
enum ax_status project_commit(struct project *p);
void project_rollback(struct project *p);

/*
 * A counter that changes whenever another connection (another process, the
 * other coder) commits to the project: poll it to refresh views.
 */
int64_t project_data_version(struct project *p);

/*
 * The file behind the path. Opening remembers which file the path named
 * (device and inode). If the path is later deleted, renamed or replaced by
 * another file while the project is open, the project is *moved*, for
 * good: nothing is written to the file again. The committed write-ahead
 * log is first moved into the file this connection holds (so a file moved
 * away is whole by itself and the log at the old name holds nothing the
 * next file there would take for its own), and every action is refused
 * with AX_ERR_MOVED, whose message names the file.
 *
 * Every action checks before it begins; project_file_check checks now
 * (the workbench polls it): AX_OK, AX_ERR_MOVED, or AX_ERR_READONLY for a
 * read-only view that cannot follow changes made since it was opened (a
 * file in a folder it cannot write, opened immutable). The message is in
 * project_errmsg.
 */
enum ax_status project_file_check(struct project *p);
bool project_moved(const struct project *p);
/*
 * For the workbench: when the move is found, copy the project into memory
 * and let the file go, and let one more action happen in that copy instead
 * of refusing it, so the change the user just made is not lost. It is
 * held there (project_unsaved) until project_save_as.
 */
void project_hold(struct project *p);
bool project_unsaved(struct project *p);
/*
 * Writes the whole project, as this connection sees it (an action held in
 * memory included), to a new file at path (refused if anything exists
 * there), and goes on working in that file: the project is no longer
 * moved, and its path is the new one. Not inside an action.
 */
enum ax_status project_save_as(struct project *p, const char *path);

/* Project settings (key/value), e.g. "blind" = "1". NULL when unset. */
char *project_setting(struct project *p, const char *key);
enum ax_status project_set_setting(struct project *p, const char *key,
    const char *value);

/* Counts for a one-screen summary. */
struct project_summary {
	int64_t documents, codes, categories, codings, coders, memos, chars;
};
enum ax_status project_summary(struct project *p, struct project_summary *s);

/* SQLite's own integrity check; AX_OK when it says "ok". */
enum ax_status project_check(struct project *p);

#endif
