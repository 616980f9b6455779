/*
 * db-schema.c: the project file's schema and its forward migrations.
 *
 * The version is PRAGMA user_version; PRAGMA application_id marks the file
 * as axial's. migrations[i] takes a file from version i to i + 1, inside
 * the caller's transaction, and is never edited once released: a new
 * version appends a step. A file newer than PROJECT_SCHEMA_VERSION is
 * refused, never downgraded.
 *
 *   v1  meta, coders, documents, document_text, attributes, nodes, codings,
 *       memos, actions, changes
 *   v2  documents.direction (bidi base direction per document),
 *       coders.account (the OS account allowed to act as the coder)
 *   v3  decisions: how a disagreement between two coders was settled
 *       into the consensus coding (compare.h)
 *   v4  meta gets an integer id, so coders and meta (the owner, the title,
 *       the blind session) join the change log: ties, coders added and
 *       blind sessions are actions that undo takes back;
 *       actions.account: the OS account that did the action
 *   v5  indexes on nodes: sibling positions, so adding a node (after
 *       max(position) of its siblings) does not read them all; parent_id,
 *       so deleting one (undo of an import) finds its children without a
 *       scan of the tree (the sibling-name index is on an expression the
 *       foreign-key check cannot use)
 *   v6  links between nodes (axial coding, link.h): link_types (the
 *       paradigm model's seven built in at ids 1..7, then the project's
 *       own), links and link_evidence (the codings behind a link), all
 *       three in the change log; memos made again (as meta in v4, ids and
 *       AUTOINCREMENT counter kept) so their CHECKs take the target 'link'
 *       and the type 'storyline'. The core category is a meta row
 *       (key 'core_node').
 *   v7  the search index (db-search.c): FTS5 tables over document_text
 *       and memos with their triggers, filled from the text.
 *   v8  queries: coding queries saved by name (savedquery.h), in the
 *       change log
 *   v9  coding_counts: codings per code and coder kept by triggers, and
 *       codings_doc made a covering index (db-counts.c)
 *
 * The change log. `actions` has one row per user action; `changes` one row
 * per row the action inserted, updated or deleted, with JSON images of the
 * row before and after (document_text's after-image is left out on insert:
 * it is the imported text again). Triggers write `changes`, so no model
 * function can forget to log; they attribute each change to the newest
 * action, which is the writer's own because writers are serialised (BEGIN
 * IMMEDIATE) and every action inserts its row first. The triggers are
 * derived from db_tables[] and recreated after every migration.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "store/db-int.h"

static const char *const migrations[] = {
	/* 0 -> 1 */
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;"
	"CREATE TABLE coders("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  login TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  color TEXT NOT NULL DEFAULT '',"
	"  guid TEXT NOT NULL UNIQUE,"
	"  created INTEGER NOT NULL) STRICT;"
	"CREATE TABLE documents("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  name TEXT NOT NULL UNIQUE,"
	"  position INTEGER NOT NULL,"
	"  source TEXT NOT NULL DEFAULT '',"
	"  sha256 TEXT NOT NULL,"
	"  nchars INTEGER NOT NULL,"
	"  nbytes INTEGER NOT NULL,"
	"  guid TEXT NOT NULL UNIQUE,"
	"  created INTEGER NOT NULL) STRICT;"
	"CREATE INDEX documents_position ON documents(position);"
	"CREATE TABLE document_text("
	"  id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,"
	"  text TEXT NOT NULL) STRICT;"
	"CREATE TABLE attributes("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	"  key TEXT NOT NULL,"
	"  value TEXT NOT NULL,"
	"  UNIQUE(doc_id, key)) STRICT;"
	"CREATE TABLE nodes("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  parent_id INTEGER REFERENCES nodes(id) ON DELETE CASCADE,"
	"  kind TEXT NOT NULL CHECK(kind IN ('code', 'category')),"
	"  name TEXT NOT NULL,"
	"  color TEXT NOT NULL DEFAULT '',"
	"  definition TEXT NOT NULL DEFAULT '',"
	"  role TEXT CHECK(role IS NULL OR (parent_id IS NULL AND kind = 'category')),"
	"  position INTEGER NOT NULL DEFAULT 0,"
	"  guid TEXT NOT NULL UNIQUE,"
	"  created INTEGER NOT NULL) STRICT;"
	"CREATE UNIQUE INDEX nodes_sibling_name ON nodes(ifnull(parent_id, 0), name);"
	"CREATE TABLE codings("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	"  node_id INTEGER NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,"
	"  coder_id INTEGER NOT NULL REFERENCES coders(id),"
	"  start INTEGER NOT NULL,"
	"  end INTEGER NOT NULL,"
	"  guid TEXT NOT NULL UNIQUE,"
	"  created INTEGER NOT NULL,"
	"  CHECK(start >= 0 AND end > start)) STRICT;"
	"CREATE INDEX codings_doc ON codings(doc_id, start);"
	"CREATE INDEX codings_node ON codings(node_id);"
	"CREATE INDEX codings_coder ON codings(coder_id);"
	"CREATE TABLE memos("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  target TEXT NOT NULL CHECK(target IN ('free','document','node','coding')),"
	"  target_id INTEGER NOT NULL DEFAULT 0,"
	"  type TEXT NOT NULL DEFAULT 'free'"
	"    CHECK(type IN ('free','code','theoretical','operational')),"
	"  title TEXT NOT NULL DEFAULT '',"
	"  body TEXT NOT NULL,"
	"  author_id INTEGER NOT NULL REFERENCES coders(id),"
	"  created INTEGER NOT NULL,"
	"  modified INTEGER NOT NULL,"
	"  guid TEXT NOT NULL UNIQUE) STRICT;"
	"CREATE INDEX memos_target ON memos(target, target_id);"
	"CREATE TABLE actions("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  coder_id INTEGER REFERENCES coders(id),"
	"  time INTEGER NOT NULL,"
	"  label TEXT NOT NULL,"
	"  kind TEXT NOT NULL DEFAULT 'do' CHECK(kind IN ('do','undo','redo')),"
	"  target INTEGER REFERENCES actions(id),"
	"  state TEXT NOT NULL DEFAULT 'done'"
	"    CHECK(state IN ('done','undone','dead','meta'))) STRICT;"
	"CREATE INDEX actions_coder ON actions(coder_id, state, id);"
	"CREATE INDEX actions_target ON actions(target);"
	"CREATE TABLE changes("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  action_id INTEGER NOT NULL REFERENCES actions(id),"
	"  tbl TEXT NOT NULL,"
	"  row_id INTEGER NOT NULL,"
	"  op TEXT NOT NULL CHECK(op IN ('insert','update','delete')),"
	"  before TEXT,"
	"  after TEXT) STRICT;"
	"CREATE INDEX changes_action ON changes(action_id);",

	/* 1 -> 2 */
	"ALTER TABLE documents ADD COLUMN direction TEXT NOT NULL DEFAULT 'auto'"
	"  CHECK(direction IN ('auto','rtl','ltr'));"
	"ALTER TABLE coders ADD COLUMN account TEXT NOT NULL DEFAULT '';",

	/* 2 -> 3 */
	"CREATE TABLE decisions("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	"  para INTEGER NOT NULL,"
	"  node_id INTEGER NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,"
	"  coder_a INTEGER NOT NULL REFERENCES coders(id),"
	"  coder_b INTEGER NOT NULL REFERENCES coders(id),"
	"  choice TEXT NOT NULL CHECK(choice IN ('a','b','both','neither')),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  decided_by INTEGER NOT NULL REFERENCES coders(id),"
	"  time INTEGER NOT NULL,"
	"  UNIQUE(doc_id, para, node_id, coder_a, coder_b)) STRICT;",

	/* 3 -> 4: a logged table needs an integer id; meta is made again with
	 * one (not renamed, so its CREATE reads the same in every file) */
	"ALTER TABLE actions ADD COLUMN account TEXT NOT NULL DEFAULT '';"
	"CREATE TEMP TABLE meta_v3 AS SELECT rowid AS r, key, value FROM meta;"
	"DROP TABLE meta;"
	"CREATE TABLE meta("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  key TEXT NOT NULL UNIQUE,"
	"  value TEXT NOT NULL) STRICT;"
	"INSERT INTO meta(key, value) SELECT key, value FROM temp.meta_v3 ORDER BY r;"
	"DROP TABLE temp.meta_v3;",

	/* 4 -> 5 (parenthesised: one element of two statements) */
	("CREATE INDEX nodes_sibling_position ON nodes(ifnull(parent_id, 0), position);"
	"CREATE INDEX nodes_parent ON nodes(parent_id);"),

	/* 5 -> 6: links. The built-in types' ids are enum link_builtin's.
	 * memos is made again, not altered (SQLite cannot change a CHECK),
	 * keeping every id and the AUTOINCREMENT counter (a memo deleted
	 * before the upgrade may come back by undo under its id); DROP TABLE
	 * drops its sqlite_sequence row, which is put back. */
	("CREATE TABLE link_types("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  key TEXT UNIQUE,"
	"  name TEXT NOT NULL,"
	"  color TEXT NOT NULL DEFAULT '',"
	"  created INTEGER NOT NULL) STRICT;"
	"INSERT INTO link_types(id, key, name, created) VALUES"
	"  (1, 'causes', 'causes', strftime('%s','now')),"
	"  (2, 'context', 'is the context of', strftime('%s','now')),"
	"  (3, 'intervenes', 'intervenes in', strftime('%s','now')),"
	"  (4, 'strategy', 'is a strategy for', strftime('%s','now')),"
	"  (5, 'leads-to', 'leads to', strftime('%s','now')),"
	"  (6, 'part-of', 'is part of', strftime('%s','now')),"
	"  (7, 'contradicts', 'contradicts', strftime('%s','now'));"
	"CREATE TABLE links("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  from_id INTEGER NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,"
	"  to_id INTEGER NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,"
	"  type_id INTEGER NOT NULL REFERENCES link_types(id) ON DELETE CASCADE,"
	"  directed INTEGER NOT NULL DEFAULT 1 CHECK(directed IN (0, 1)),"
	"  author_id INTEGER NOT NULL REFERENCES coders(id),"
	"  guid TEXT NOT NULL UNIQUE,"
	"  created INTEGER NOT NULL,"
	"  UNIQUE(from_id, to_id, type_id),"
	"  CHECK(from_id <> to_id)) STRICT;"
	"CREATE INDEX links_to ON links(to_id);"
	"CREATE INDEX links_type ON links(type_id);"
	"CREATE INDEX links_author ON links(author_id);"
	"CREATE TABLE link_evidence("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  link_id INTEGER NOT NULL REFERENCES links(id) ON DELETE CASCADE,"
	"  coding_id INTEGER NOT NULL REFERENCES codings(id) ON DELETE CASCADE,"
	"  UNIQUE(link_id, coding_id)) STRICT;"
	"CREATE INDEX link_evidence_coding ON link_evidence(coding_id);"
	"CREATE TEMP TABLE memos_v5 AS SELECT * FROM memos;"
	"CREATE TEMP TABLE memos_v5_seq AS SELECT seq FROM sqlite_sequence"
	"  WHERE name = 'memos';"
	"DROP TABLE memos;"
	"CREATE TABLE memos("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  target TEXT NOT NULL"
	"    CHECK(target IN ('free','document','node','coding','link')),"
	"  target_id INTEGER NOT NULL DEFAULT 0,"
	"  type TEXT NOT NULL DEFAULT 'free'"
	"    CHECK(type IN ('free','code','theoretical','operational','storyline')),"
	"  title TEXT NOT NULL DEFAULT '',"
	"  body TEXT NOT NULL,"
	"  author_id INTEGER NOT NULL REFERENCES coders(id),"
	"  created INTEGER NOT NULL,"
	"  modified INTEGER NOT NULL,"
	"  guid TEXT NOT NULL UNIQUE) STRICT;"
	"CREATE INDEX memos_target ON memos(target, target_id);"
	"INSERT INTO memos(id, target, target_id, type, title, body, author_id,"
	"  created, modified, guid) SELECT id, target, target_id, type, title,"
	"  body, author_id, created, modified, guid FROM temp.memos_v5 ORDER BY id;"
	"DELETE FROM sqlite_sequence WHERE name = 'memos';"
	"INSERT INTO sqlite_sequence(name, seq) SELECT 'memos', max(ifnull((SELECT"
	"  max(seq) FROM temp.memos_v5_seq), 0), ifnull((SELECT max(id) FROM memos), 0));"
	"DROP TABLE temp.memos_v5;"
	"DROP TABLE temp.memos_v5_seq;"),

	/* 6 -> 7 */
	db_search_schema,
	/* 7 -> 8 */
	"CREATE TABLE queries("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  name TEXT NOT NULL UNIQUE,"
	"  expr TEXT NOT NULL,"
	"  source TEXT NOT NULL DEFAULT '',"
	"  filters TEXT NOT NULL DEFAULT '',"
	"  docs TEXT NOT NULL DEFAULT '',"
	"  author_id INTEGER NOT NULL REFERENCES coders(id),"
	"  created INTEGER NOT NULL) STRICT;",
	/* 8 -> 9 */
	db_counts_schema,
};

static const char *const cols_meta[] = {"id", "key", "value", NULL};
static const char *const cols_coders[] = {"id", "login", "name", "color",
	"guid", "created", "account", NULL};
static const char *const cols_documents[] = {"id", "name", "position", "source",
	"sha256", "nchars", "nbytes", "guid", "created", "direction", NULL};
static const char *const cols_document_text[] = {"id", "text", NULL};
static const char *const cols_attributes[] = {"id", "doc_id", "key", "value", NULL};
static const char *const cols_nodes[] = {"id", "parent_id", "kind", "name",
	"color", "definition", "role", "position", "guid", "created", NULL};
static const char *const cols_codings[] = {"id", "doc_id", "node_id",
	"coder_id", "start", "end", "guid", "created", NULL};
static const char *const cols_decisions[] = {"id", "doc_id", "para", "node_id",
	"coder_a", "coder_b", "choice", "note", "decided_by", "time", NULL};
static const char *const cols_memos[] = {"id", "target", "target_id", "type",
	"title", "body", "author_id", "created", "modified", "guid", NULL};
static const char *const cols_link_types[] = {"id", "key", "name", "color",
	"created", NULL};
static const char *const cols_links[] = {"id", "from_id", "to_id", "type_id",
	"directed", "author_id", "guid", "created", NULL};
static const char *const cols_link_evidence[] = {"id", "link_id", "coding_id",
	NULL};
static const char *const cols_queries[] = {"id", "name", "expr", "source",
	"filters", "docs", "author_id", "created", NULL};

const struct db_table db_tables[] = {
	{"meta", cols_meta, true},
	{"coders", cols_coders, true},
	{"documents", cols_documents, true},
	{"document_text", cols_document_text, false},
	{"attributes", cols_attributes, true},
	{"nodes", cols_nodes, true},
	{"codings", cols_codings, true},
	{"memos", cols_memos, true},
	{"decisions", cols_decisions, true},
	{"link_types", cols_link_types, true},
	{"links", cols_links, true},
	{"link_evidence", cols_link_evidence, true},
	{"queries", cols_queries, true},
	{NULL, NULL, false},
};

const struct db_table *
db_table_find(const char *name)
{
	const struct db_table *t;

	for (t = db_tables; t->name != NULL; t++)
		if (strcmp(t->name, name) == 0)
			return t;
	return NULL;
}

/* json_object('id', PREFIX.id, ...) for a table's row image. */
static void
row_image(struct buf *b, const struct db_table *t, const char *prefix)
{
	const char *const *c;

	buf_puts(b, "json_object(");
	for (c = t->cols; *c != NULL; c++)
		buf_printf(b, "%s'%s',%s.\"%s\"", c == t->cols ? "" : ",", *c,
		    prefix, *c);
	buf_putc(b, ')');
}

static void
triggers_sql(struct buf *b)
{
	const struct db_table *t;
	static const char head[] =
	    "INSERT INTO changes(action_id,tbl,row_id,op,before,after) VALUES("
	    "(SELECT max(id) FROM actions),";

	for (t = db_tables; t->name != NULL; t++) {
		buf_printf(b, "DROP TRIGGER IF EXISTS log_%s_insert;"
		    "DROP TRIGGER IF EXISTS log_%s_update;"
		    "DROP TRIGGER IF EXISTS log_%s_delete;",
		    t->name, t->name, t->name);
		buf_printf(b, "CREATE TRIGGER log_%s_insert AFTER INSERT ON %s BEGIN "
		    "%s'%s',new.id,'insert',NULL,", t->name, t->name, head, t->name);
		if (t->log_after_insert)
			row_image(b, t, "new");
		else
			buf_puts(b, "NULL");
		buf_puts(b, "); END;");
		buf_printf(b, "CREATE TRIGGER log_%s_update AFTER UPDATE ON %s BEGIN "
		    "%s'%s',new.id,'update',", t->name, t->name, head, t->name);
		row_image(b, t, "old");
		buf_putc(b, ',');
		row_image(b, t, "new");
		buf_puts(b, "); END;");
		buf_printf(b, "CREATE TRIGGER log_%s_delete AFTER DELETE ON %s BEGIN "
		    "%s'%s',old.id,'delete',", t->name, t->name, head, t->name);
		row_image(b, t, "old");
		buf_puts(b, ",NULL); END;");
	}
}

/* Migrates from version `from` up to `to` (db_schema_build stops early). */
static enum ax_status
upgrade_to(struct project *p, int from, int to)
{
	struct buf b = {0};
	enum ax_status st = AX_OK;
	int v;

	/* Versions come from the file: the caller has checked them. */
	assert(from >= 0 && from <= to && to <= PROJECT_SCHEMA_VERSION);
	for (v = from; v < to && st == AX_OK; v++)
		st = db_exec(p, migrations[v]);
	if (st == AX_OK && to == PROJECT_SCHEMA_VERSION) {
		triggers_sql(&b);
		st = db_exec(p, b.s);
	}
	if (st == AX_OK) {
		buf_reset(&b);
		buf_printf(&b, "PRAGMA user_version = %d; PRAGMA application_id = %d;",
		    to, DB_APPLICATION_ID);
		st = db_exec(p, b.s);
	}
	buf_done(&b);
	return st;
}

enum ax_status
db_schema_upgrade(struct project *p, int from)
{
	_Static_assert(AX_ARRAY_LEN(migrations) == PROJECT_SCHEMA_VERSION,
	    "one migration per schema version");
	return upgrade_to(p, from, PROJECT_SCHEMA_VERSION);
}

/*
 * The schema this axial makes at `version`, built in a private in-memory
 * database: what a file's schema is compared with (db-check.c). Only the
 * current version has the change-log triggers.
 */
sqlite3 *
db_schema_build(int version)
{
	struct project mem = {0};
	enum ax_status st;

	mem.path = (char *)":memory:";
	if (sqlite3_open_v2(":memory:", &mem.db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		fatal("out of memory building the reference schema");
	db_search_register(mem.db);
	st = upgrade_to(&mem, 0, version);
	if (st != AX_OK)	/* our own SQL on an empty database */
		fatal("internal SQL error: %s", mem.errmsg);
	return mem.db;
}
