/*
 * db-int.h: what the db-*.c files share and nobody else sees.
 * No sqlite3 type appears outside the files that include this header.
 */
#ifndef AXIAL_DB_INT_H
#define AXIAL_DB_INT_H

#include <sqlite3.h>
#include <stdbool.h>

#include "text/name.h"
#include "store/project.h"
#include "base/util.h"

/* 'AXQD': PRAGMA application_id of every axial project. */
#define DB_APPLICATION_ID 0x41585144

struct db_stmt_cache {
	const char *sql;	/* identity is the pointer: callers pass literals */
	sqlite3_stmt *stmt;
};

/* db-file.c: which file the path named when the project was opened. */
struct db_file {
	uint64_t dev, ino;
	int64_t size, mtime_ns;	/* immutable opens: to notice a writer */
	bool immutable;		/* opened with immutable=1 (readonly_uri) */
	bool moved;		/* the path named another file or none: for good */
	bool stale;		/* immutable, and the file changed since */
	bool hold;		/* project_hold: on a move, go on in memory */
	bool in_memory;		/* db is that copy in memory */
	int64_t held_after;	/* the last action the copy had when made */
};

struct project {
	sqlite3 *db;
	char *path;
	char *errmsg;
	char *login;		/* acting coder */
	char *account;		/* OS account */
	char *owner;
	bool readonly;
	int depth;		/* action nesting; 0 = none open */
	bool failed;		/* a nested step failed: the action must roll back */
	bool rebuilding;	/* db_counts_rebuild: its action may open while
				 * the counts' triggers lack their table */
	int64_t coder_id;	/* acting coder's row, 0 until it exists */
	int busy_ms;		/* how long to wait for another writer */
	uint64_t busy_since;	/* when the current wait began */
	unsigned busy_jitter;	/* a cheap random sequence for the waits */
	struct db_queue *queue;	/* writers' order (db-queue.c); NULL: none */
	struct db_stmt_cache *stmts;
	size_t nstmts, capstmts;
	struct db_file file;	/* db-file.c */
	int version;		/* the file's format (PRAGMA user_version) */
	bool schema_ok;		/* its schema is what this axial makes */
};

/* db-fts.c: the search index's tables and triggers (a migration step),
 * and its tokenizer, registered on every connection. */
extern const char db_search_schema[];
/* Whether a schema object is one of the search index's as made here: a
 * table or trigger whose SQL is one statement of db_search_schema, or an
 * FTS5 shadow table of it. The schema comparison leaves those out. */
bool db_search_object(const char *type, const char *name, const char *sql);
void db_search_register(sqlite3 *db);

/* db-counts.c: the codings per code and coder kept by triggers, and the
 * covering index of one document's codings (the step to
 * DB_COUNTS_VERSION); whether the file holds the aggregate as made here
 * (else its readers count the codings); `axial check`'s comparison of it
 * with the codings and --repair's rebuild, as one action. */
#define DB_COUNTS_VERSION 9
extern const char db_counts_schema[];
bool db_counts_ready(struct project *p);

/* Whether the schema object name with sql is one of the aggregate's, as
 * made here: the schema comparison leaves those to db_counts_check. */
bool db_counts_object(const char *name, const char *sql);
enum ax_status db_counts_check(struct project *p);
enum ax_status db_counts_rebuild(struct project *p);

/*
 * db-sql.c: the statement helpers every db-*.c file uses; they call nothing
 * else in the store.
 */
/* Sets the message (fmt translated: xgettext extracts db_fail's third
 * argument) and returns st; printf-style. */
enum ax_status db_fail(struct project *p, enum ax_status st, const char *fmt, ...)
    AX_PRINTF(3, 4);
/* Maps a SQLite result code to a status and message. */
enum ax_status db_sqlite_fail(struct project *p, int rc);

/*
 * A prepared statement for a literal SQL string, cached for the connection's
 * life and reset before it is returned. Never finalize it.
 */
sqlite3_stmt *db_stmt(struct project *p, const char *sql);
/* Steps a statement expected to finish (no rows); resets it. */
enum ax_status db_exec_stmt(struct project *p, sqlite3_stmt *st);
/* Runs one or more statements with no parameters. */
enum ax_status db_exec(struct project *p, const char *sql);
/* Runs the literal sql (db_stmt) with ?1 bound to id: a change to the rows
 * of one id. */
enum ax_status db_exec_id(struct project *p, const char *sql, int64_t id);
/* A single integer from a one-parameter query, or def when no row. */
/* The connection's page cache, as PRAGMA cache_size takes it: 32 MiB
 * (db-project.c says why). */
#define DB_CACHE_SIZE "-32768"
/*
 * A read that passes through once (a document's text, a page of every
 * coding), between db_pass_begin and db_pass_end with the same flags:
 * DB_PASS_SMALL cuts SQLite's page cache to its default 2 MiB, so the
 * pages read do not fill the 32 MiB one with fresh memory (which empties
 * it: the indexes it held are read again after); DB_PASS_MAP memory-maps
 * the file, so each page is taken from the mapping, with no pread and no
 * buffer of its own. The mapping goes at the end: SQLite's memory-mapped
 * I/O is not on for every query, since an I/O error inside a mapping is a
 * signal.
 */
#define DB_PASS_SMALL 1u
#define DB_PASS_MAP 2u
enum ax_status db_pass_begin(struct project *p, unsigned how);
void db_pass_end(struct project *p, unsigned how);

int64_t db_int(struct project *p, const char *sql, int64_t arg, int64_t def);
/* sqlite3_column_text copied (never NULL). */
char *db_col_str(sqlite3_stmt *st, int col);
/* True when s is valid UTF-8 with no NUL (free text: memos, values). */
bool db_valid_utf8(const char *s);

/*
 * db-action.c. Actions from inside the model: begin an action unless one
 * is open. Every
 * model mutation has the shape
 *	if ((st = db_action_begin(p, "label")) != AX_OK) return st;
 *	... st = ...;
 *	return db_action_end(p, st);
 * db_action_end commits when st is AX_OK, otherwise rolls back (an outer
 * action then rolls back at its end too).
 */
enum ax_status db_action_begin(struct project *p, const char *label);
enum ax_status db_action_end(struct project *p, enum ax_status st);
/* Names the open action `label` (in English, as every stored label) when
 * it is the caller's own, not an enclosing action begun elsewhere: for a
 * label that names what the action found inside its transaction. */
enum ax_status db_action_relabel(struct project *p, const char *label);
/* kind "do", "undo" or "redo"; target: the action undone or redone. */
enum ax_status db_action_open(struct project *p, const char *label,
    const char *kind, int64_t target);
/* The acting coder's row id, inside an action (db_action_open makes the
 * row on the coder's first action, as a "coder join" action of its own). */
enum ax_status db_coder_id(struct project *p, int64_t *id);

/*
 * db-coder.c: whether an undo or redo may invert the logged change `op`
 * ("insert", "update", "delete") of coder row `row`, whose before-image is
 * `before`: it may not take a name from the account holding it (coder.h),
 * nor remove a coder that anything names. label: the action, for messages.
 */
enum ax_status db_coder_check_undo(struct project *p, int64_t row,
    const char *op, const char *before, const char *label);

/*
 * db-codetree.c: whether node `id`, as an undo or redo has just put it
 * back, still sits in a tree: no loop through or above it, at most
 * CODETREE_MAX_DEPTH levels with its subtree. label: the action, for
 * messages.
 */
enum ax_status db_codetree_check_undo(struct project *p, int64_t id,
    const char *label);

/* db-name.c: every name and label a setter stores passes one of these
 * (name.h). A name checked and normalised, or NULL + message. */
char *db_name(struct project *p, enum name_field f, const char *name);
/* AX_OK when s may be stored in field f as it is, else AX_ERR_INPUT +
 * message. */
enum ax_status db_label(struct project *p, enum name_field f, const char *s);
/*
 * A name not found as typed, looked up again by its folded form
 * (name_fold) among the (id, name) rows of st, which is stepped and reset:
 * returns how many row ids match (2: two or more; rows of the first
 * match's id count once), the match in *id. With
 * none, *near gets the name closest to ref, at most 2 edits away (1 for a
 * name of 3 letters or fewer) as the unknown-command guess is, or NULL;
 * the caller frees it.
 */
int db_name_fold_find(sqlite3_stmt *st, const char *ref, int64_t *id,
    char **near);
/* AX_OK for a colour "#rrggbb", "" or NULL (none: the theme's), else
 * AX_ERR_INPUT + message (codes and link types). */
enum ax_status db_color(struct project *p, const char *color);
/* coder_add's and coder_import's fields (name, color and account may be
 * NULL: unchanged): the login normalised, or NULL + message. */
char *db_coder_fields(struct project *p, const char *login, const char *name,
    const char *color, const char *account);

/*
 * Blind mode (db-blind.c): 0 when every coding is visible, else the only
 * coder id whose codings the acting coder may see (-1: none yet).
 */
int64_t db_visible_coder(struct project *p);
/* Whether a blind session hides other coders' codings now. */
bool db_blind_hidden(struct project *p);

/*
 * The blind filter: what a reader may see of the other coders' work while a
 * session hides it (blind.h). Every reading path puts one of these in its
 * WHERE and calls db_blind_bind() on the statement; nothing else decides.
 * They name :bvis (0 = everything visible: no session hides anything, or
 * the reader is not one of its coders; else the reader's coder id),
 * :bothers (",ID,ID,": the session's coders other than the reader) and
 * :bstart (the action that started the session). The owner and others
 * outside the session see these (the log is their audit trail), though not
 * the session's codings (db_visible_coder) nor figures.
 *
 * DB_BLIND_BY(col): a row whose author (coder id col: memos, actions) the
 * reader may see: theirs, the owner's, any coder's outside the session.
 * DB_BLIND_NODE(col): a code or category (node id col) the reader may see:
 * made before the session started, or by someone outside it, or by the
 * reader, or one the reader has applied. A code another coder of the
 * session made since (its in-vivo name is their reading) stays hidden; the
 * change log tells who made it (its insert in a "do" action).
 */
#define DB_BLIND_BY(col) \
	"(:bvis = 0 OR instr(:bothers, ',' || ifnull(" col ", 0) || ',') = 0)"
#define DB_BLIND_NODE(col) \
	"(:bvis = 0 OR " col " NOT IN (SELECT bc.row_id FROM changes bc" \
	" JOIN actions ba ON ba.id = bc.action_id WHERE bc.action_id > :bstart" \
	" AND bc.tbl = 'nodes' AND bc.op = 'insert' AND ba.kind = 'do' AND" \
	" instr(:bothers, ',' || ba.coder_id || ',') > 0) OR EXISTS(SELECT 1" \
	" FROM codings bu WHERE bu.node_id = " col " AND bu.coder_id = :bvis))"
/* DB_BLIND_MEMO(m): a memo (table alias m) the reader may see: by an author
 * they may see, and not on a coding nor on a link they may not. */
#define DB_BLIND_MEMO(m) \
	"(" DB_BLIND_BY(m ".author_id") " AND (:bvis = 0 OR " m ".target <> 'coding'" \
	" OR EXISTS(SELECT 1 FROM codings bm WHERE bm.id = " m ".target_id AND" \
	" bm.coder_id = :bvis)) AND (:bvis = 0 OR " m ".target <> 'link' OR" \
	" EXISTS(SELECT 1 FROM links bl WHERE bl.id = " m ".target_id AND" \
	" " DB_BLIND_BY("bl.author_id") ")))"
/* DB_BLIND_LINK(l): a link (table alias l) the reader may see: made by an
 * author they may see, between two nodes they may see. */
#define DB_BLIND_LINK(l) \
	"(" DB_BLIND_BY(l ".author_id") " AND " DB_BLIND_NODE(l ".from_id") \
	" AND " DB_BLIND_NODE(l ".to_id") ")"
/* Binds those of :vis (db_visible_coder), :bvis, :bothers and :bstart
 * that st names. */
void db_blind_bind(struct project *p, sqlite3_stmt *st);
/* Whether node (code or category) id, or coding id, exists and the reader
 * may see it: what a lookup by id asks before it answers. */
bool db_blind_node_visible(struct project *p, int64_t id);
/* Whether the SELECT sql (naming :id and the blind parameters) finds row
 * id: the one shape of every lookup above. */
bool db_blind_row_visible(struct project *p, const char *sql, int64_t id);
bool db_blind_coding_visible(struct project *p, int64_t id);
bool db_blind_link_visible(struct project *p, int64_t id);
/* AX_OK when the acting coder may change node id (rename, move, merge
 * away, remove, role, colour, definition); inside the action. A coder of a
 * hidden session changes only what they made in it: a change to a code the
 * others see would show them this coder's reading, and removing it would
 * take their hidden codings along. AX_ERR_PERM with the reason otherwise. */
enum ax_status db_blind_may_change_node(struct project *p, int64_t id);

/* db-coding.c: how many codings the reader may see (project_summary). */
int64_t db_coding_count(struct project *p);
/* Deletes coding id, the memos on it and its use as a link's evidence,
 * inside the caller's action (coding_remove, and check's repair of a span
 * outside its text). */
enum ax_status db_coding_drop(struct project *p, int64_t id);

/*
 * db-link.c, inside the caller's action. db_link_drop deletes link id with
 * its evidence and memos (link_remove, check's repair of a link whose end
 * is gone). db_link_merge_node makes node `from`'s links `into`'s before
 * `from` is deleted (codetree_merge): a link that would join `into` to
 * itself is dropped, its memos going to `into`; one that would repeat
 * another folds into it (evidence united, memos kept); refused, with the
 * message, when the "is part of" links would go round in a loop.
 * db_link_fold folds link `drop` into link `keep` so.
 */
enum ax_status db_link_drop(struct project *p, int64_t id);
enum ax_status db_link_merge_node(struct project *p, int64_t from,
    int64_t into);
enum ax_status db_link_fold(struct project *p, int64_t keep, int64_t drop);
/* A node's name for messages, or "#ID" when there is no such node; the
 * caller frees it. */
char *db_node_label(struct project *p, int64_t id);
/* "«A» causes «B»": a relation in words, its type in English for the log
 * (shown false) or translated for a message; the caller frees it. */
char *db_link_relation(struct project *p, int64_t from, int64_t to,
    int64_t type, bool shown);

/*
 * db-queue.c: writers take the write lock in the order they asked for it.
 * db_action_open brackets its BEGIN IMMEDIATE with enter and leave (enter
 * starts the wait: p->busy_since); db_queue_turn says whether this process
 * may try the lock now, busy when it has found the lock taken. Without a
 * queue (none could be made) every call is a no-op and it is always the
 * process's turn.
 */
void db_queue_open(struct project *p);
void db_queue_close(struct project *p);
void db_queue_enter(struct project *p);
bool db_queue_active(const struct project *p);
bool db_queue_turn(struct project *p, bool busy);
void db_queue_leave(struct project *p);

/* db-conn.c: what every connection of p gets, its file's or a copy's: the
 * SQL function uuid() and the busy handler (which waits in turn, db-queue.c,
 * up to p->busy_ms). */
void db_conn_setup(struct project *p, sqlite3 *db);
/* Waits as the busy handler does until it is this process's turn at the
 * write lock; false when the busy timeout passed first. */
bool db_conn_wait(struct project *p);

/* db-file.c (project.h, "The file behind the path") */
/* Right after the file is opened: remembers it; refuses an immutable open
 * whose -wal holds changes it would not show. */
enum ax_status db_file_open(struct project *p);
/* At the start of an action (depth 0): AX_ERR_MOVED once the path names
 * another file or none, but for the one action a hold keeps in memory. */
enum ax_status db_file_check(struct project *p);
/* Removes a project file and its -wal and -shm, ignoring what is not there. */
void db_file_remove(const char *path);

/* db-schema.c */
/* Creates or migrates the schema up to PROJECT_SCHEMA_VERSION. */
enum ax_status db_schema_upgrade(struct project *p, int from);
/* A new in-memory database holding the schema of `version` (1 to
 * PROJECT_SCHEMA_VERSION); the caller closes it. */
sqlite3 *db_schema_build(int version);

/* db-check.c */
/* Called with each finding (one phrase, translated). */
typedef void db_finding_fn(void *arg, const char *text);
/*
 * Compares the file's schema with the one this axial makes at `version`
 * (1 to PROJECT_SCHEMA_VERSION; below the current one, triggers by name
 * only: the migration remakes axial's own), calling fn with each
 * difference, unexpected objects first; *nfound says how many. Fails
 * only when the schema cannot be read.
 */
enum ax_status db_schema_diff(struct project *p, int version, db_finding_fn *fn,
    void *arg, int *nfound);
/* AX_OK when every node is reachable from the top level through categories
 * within CODETREE_MAX_DEPTH levels; else a message naming the culprit. */
enum ax_status db_tree_verify(struct project *p);
/* The label of each action a repair makes (undo may bring the damage back). */
#define DB_REPAIR_LABEL "check repair"

/*
 * The logged tables and their columns, in order, as the change log's JSON
 * row images and undo use them. `id` is always the first column.
 */
struct db_table {
	const char *name;
	const char *const *cols;
	bool log_after_insert;	/* false: a huge row (document text) */
};
extern const struct db_table db_tables[];
const struct db_table *db_table_find(const char *name);

#endif
