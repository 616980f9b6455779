# untrusted.sh: a project file that arrives from elsewhere, made by anything
# (here: a real project edited with the sqlite3 tool). A bad format version,
# a schema axial did not make (a planted trigger, a view, a table of another
# shape) or a damaged code tree is refused on opening with one sentence
# naming the file, exit status 1, and the file unchanged; nothing hangs or
# ends on a signal. `axial check` lists what is wrong and --repair fixes
# what can be fixed safely, each fix one undoable action.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
# a hang is a failure too: timeout's 124 (or 128+signal) is not the 1 wanted
TO="timeout 60"

sha() { sha256sum "$1" | cut -d' ' -f1; }
# refused NAME FILE PATTERN COMMAND...: COMMAND exits 1 with a message that
# matches PATTERN and leaves FILE byte for byte as it was
refused() {
	_name=$1 _f=$2 _pat=$3; shift 3
	_before=$(sha "$_f")
	check_rc "$_name: refused" 1 $TO "$@"
	check_match "$_name: message" "$_pat" "$ERR"
	check "$_name: one line" 1 "$(printf '%s\n' "$ERR" | wc -l)"
	check "$_name: file unchanged" "$_before" "$(sha "$_f")"
}

printf 'hello world\nsecond line here\n' >a.txt
printf 'another interview\n' >b.txt
$A init base.axial >/dev/null
$A import base.axial a.txt b.txt >/dev/null
$A code add base.axial Cat --category >/dev/null
$A code add base.axial trust --in Cat >/dev/null
$A code add base.axial delay >/dev/null
$A tag base.axial a trust 0 5 >/dev/null
$A tag base.axial a delay 6 11 >/dev/null
$A tag base.axial b delay 0 7 >/dev/null
$A memo add base.axial 'a memo' --on code:trust >/dev/null
# craft NAME SQL: a copy of the base project edited by sqlite3
craft() { cp base.axial "$1"; sqlite3 "$1" "$2"; }

# -- the format version --------------------------------------------------
for v in -1 -2147483648 0; do
	craft "v$v.axial" "PRAGMA user_version = $v"
	refused "user_version $v" "v$v.axial" \
	    "^axial: v$v.axial: not an axial project \\(unknown format $v\\)" $A info "v$v.axial"
	refused "user_version $v, tag" "v$v.axial" "not an axial project" \
	    $A tag "v$v.axial" a delay 0 3
done
craft v99.axial "PRAGMA user_version = 99"
refused "user_version 99" v99.axial \
    "v99.axial: made by a newer axial \\(project format 99; this axial reads up to [0-9]+\\)" \
    $A codings v99.axial

# -- objects axial does not make -----------------------------------------
# a trigger that rewrites every coding once it is stored
craft trig.axial "CREATE TRIGGER evil AFTER INSERT ON codings BEGIN
    UPDATE codings SET start = 0, end = 1 WHERE id = new.id; END;"
refused "planted trigger" trig.axial \
    "^axial: trig.axial: not a file this axial made: unexpected trigger 'evil'" \
    $A tag trig.axial a delay 12 18
refused "planted trigger, read" trig.axial "unexpected trigger 'evil'" $A codings trig.axial
refused "planted trigger, the workbench" trig.axial "unexpected trigger 'evil'" \
    sh -c "$A trig.axial </dev/null"
# a coder's copy with a planted trigger is refused before anything merges
cp base.axial into.axial
before_into=$(sha into.axial)
refused "merging a copy with a planted trigger" trig.axial \
    "^axial: trig.axial: not a file this axial made: unexpected trigger 'evil'" \
    $A merge into.axial trig.axial
check "the project merged into is unchanged" "$before_into" "$(sha into.axial)"
# axial's own change-log trigger, rewritten
craft logt.axial "DROP TRIGGER log_codings_insert;
    CREATE TRIGGER log_codings_insert AFTER INSERT ON codings BEGIN
    UPDATE codings SET end = end + 1 WHERE id = new.id; END;"
refused "rewritten log trigger" logt.axial \
    "not a file this axial made: trigger 'log_codings_insert' is not the one axial makes" \
    $A tag logt.axial a delay 12 18
craft nolog.axial "DROP TRIGGER log_codings_delete"
refused "missing log trigger" nolog.axial "missing trigger 'log_codings_delete'" \
    $A untag nolog.axial 1
# the search index's and the coding counts' objects are left to `check`
# only as axial makes them: another trigger under one of their names is
# planted, and refused like any other
craft srch.axial "CREATE TRIGGER search_evil AFTER INSERT ON codings BEGIN
    DELETE FROM memos; END;"
refused "planted trigger named like the search index's" srch.axial \
    "unexpected trigger 'search_evil'" $A tag srch.axial a delay 12 18
craft srch2.axial "DROP TRIGGER search_memos_delete;
    CREATE TRIGGER search_memos_delete AFTER DELETE ON memos BEGIN
    DELETE FROM codings; END;"
refused "the search index's trigger rewritten" srch2.axial \
    "unexpected trigger 'search_memos_delete'" $A memo list srch2.axial
craft cnt.axial "DROP TRIGGER coding_counts_insert;
    CREATE TRIGGER coding_counts_insert AFTER INSERT ON codings BEGIN
    DELETE FROM codings; END;"
refused "the counts' trigger rewritten" cnt.axial \
    "unexpected trigger 'coding_counts_insert'" $A tag cnt.axial a delay 12 18
# the counts' table gone, its triggers left: every coding write would
# fail inside SQLite, so writing is refused with what to do, and
# check --repair builds them again
craft cnt2.axial "DROP TABLE coding_counts"
refused "the counts' table gone: a write" cnt2.axial \
    "cnt2.axial: the coding counts are damaged \\(their table is gone\\); 'axial check --repair cnt2.axial' builds them again; nothing was changed" \
    $A tag cnt2.axial a delay 12 18
check_rc "the counts' table gone: reads still work" 0 $A codings cnt2.axial
check "the counts' table gone: the tree's counts from the codings" \
    "$($A codes base.axial)" "$($A codes cnt2.axial)"
check_rc "the counts' table gone: check --repair" 0 $TO $A check --repair cnt2.axial
check_rc "repaired: the write goes in" 0 $TO $A tag cnt2.axial a delay 12 18
check_rc "repaired: check finds nothing" 0 $TO $A check cnt2.axial
# a view in place of the code tree: endless rows
craft view.axial "PRAGMA foreign_keys = OFF; DROP TABLE nodes;
    CREATE VIEW nodes AS WITH RECURSIVE r(id) AS (SELECT 1 UNION ALL
    SELECT id + 1 FROM r) SELECT id, NULL AS parent_id, 'code' AS kind,
    'x' || id AS name, '' AS color, '' AS definition, NULL AS role,
    0 AS position, 'g' || id AS guid, 0 AS created FROM r;"
refused "view in place of a table" view.axial "unexpected view 'nodes'" $A codes view.axial
craft view2.axial "CREATE VIEW v AS SELECT 1"
refused "an extra view" view2.axial "unexpected view 'v'" $A info view2.axial
# tables of another shape
# (the search index's triggers name its tokenizer, which the sqlite3
# shell lacks: ALTER TABLE checks every trigger)
craft drop.axial "DROP TRIGGER search_text_insert; DROP TRIGGER search_text_delete;
    DROP TRIGGER search_text_update; DROP TRIGGER search_memos_insert;
    DROP TRIGGER search_memos_delete; DROP TRIGGER search_memos_update;
    DROP TRIGGER log_memos_insert; DROP TRIGGER log_memos_update;
    DROP TRIGGER log_memos_delete; ALTER TABLE memos DROP COLUMN title"
refused "a column missing" drop.axial "missing column 'memos.title'" $A memo list drop.axial
craft addcol.axial "ALTER TABLE nodes ADD COLUMN evil TEXT"
refused "an extra column" addcol.axial "unexpected column 'nodes.evil'" $A codes addcol.axial
craft table.axial "CREATE TABLE extra(x)"
refused "an extra table" table.axial "unexpected table 'extra'" $A info table.axial
craft notable.axial "PRAGMA foreign_keys = OFF; DROP TABLE decisions"
refused "a table missing" notable.axial "missing table 'decisions'" $A info notable.axial
craft idx.axial "CREATE INDEX evil_idx ON codings(end)"
refused "an extra index" idx.axial "unexpected index 'evil_idx'" $A info idx.axial
craft noidx.axial "DROP INDEX codings_node"
refused "an index missing" noidx.axial "missing index 'codings_node'" $A info noidx.axial
# a code name that may be NULL (NOT NULL taken off the column), then a NULL one
craft nul.axial "PRAGMA writable_schema = ON;
    UPDATE sqlite_schema SET sql = replace(sql, 'name TEXT NOT NULL,', 'name TEXT,')
    WHERE name = 'nodes';"
sqlite3 nul.axial "INSERT INTO nodes(kind, name, guid, created) VALUES ('code', NULL, 'g', 0)"
refused "a NULL code name" nul.axial "column 'nodes.name' is not as axial makes it \\(may be NULL\\)" \
    $A codes nul.axial
craft type.axial "PRAGMA writable_schema = ON;
    UPDATE sqlite_schema SET sql = replace(sql, 'start INTEGER NOT NULL', 'start TEXT NOT NULL')
    WHERE name = 'codings';"
refused "a column of another type" type.axial \
    "column 'codings.start' is not as axial makes it \\(type TEXT, not INTEGER\\)" $A codings type.axial

# -- files of an older format ---------------------------------------------
v1sql=$SRC/tests/fixtures/schema-v1.sql
if need_fixture "$v1sql"; then
	sqlite3 v1.axial <"$v1sql"
	cp v1.axial v1evil.axial
	sqlite3 v1evil.axial "CREATE TRIGGER evil AFTER INSERT ON documents BEGIN SELECT 1; END;"
	refused "v1 with a planted trigger" v1evil.axial "unexpected trigger 'evil'" $A info v1evil.axial
	check "v1 with a planted trigger: not migrated" 1 "$(sqlite3 v1evil.axial 'PRAGMA user_version')"
	cp v1.axial v1view.axial
	sqlite3 v1view.axial "CREATE VIEW v AS SELECT 1"
	refused "v1 with a view" v1view.axial "unexpected view 'v'" $A info v1view.axial
	cp v1.axial v1table.axial
	sqlite3 v1table.axial "CREATE TABLE decisions(x)"
	refused "v1 with a table of a later version" v1table.axial "unexpected table 'decisions'" \
	    $A info v1table.axial
	# a trigger with the name of one of axial's: replaced by the migration
	cp v1.axial v1log.axial
	sqlite3 v1log.axial "CREATE TRIGGER log_documents_insert AFTER INSERT ON documents
	    BEGIN SELECT 1; END;"
	check_rc "v1 with a log trigger migrates" 0 $A info v1log.axial
	check "v1 migrated" "$(sqlite3 "$T/base.axial" 'PRAGMA user_version')" "$(sqlite3 v1log.axial 'PRAGMA user_version')"
	check_match "its log trigger is axial's now" "INSERT INTO changes" \
	    "$(sqlite3 v1log.axial "SELECT sql FROM sqlite_schema WHERE name = 'log_documents_insert'")"
	check_rc "v1 migrates" 0 $A info v1.axial
	check_rc "a migrated v1 file passes check" 0 $A check v1.axial
	check "check says so" "v1.axial: no problems found" "$OUT"
fi

# -- axial check on files of another shape: every difference, no repair ---
refused "check lists the planted trigger" trig.axial "1 problem that axial cannot repair" \
    $A check trig.axial
check "check: the finding" "trig.axial: schema: unexpected trigger 'evil'" "$OUT"
refused "check --repair leaves a schema alone" trig.axial "cannot repair" \
    $A check trig.axial --repair
check_rc "check of a table of another shape" 1 $A check drop.axial
check_match "check: the column" "^drop.axial: schema: missing column 'memos.title'$" "$OUT"
check_match "check: the triggers too" "^drop.axial: schema: missing trigger 'log_memos_delete'$" "$OUT"
check_rc "check --json" 1 $A check view.axial --json
check_match "check --json: the view" '"check":"schema","message":"unexpected view '"'"'nodes'"'"'","repair":null,"repaired":false' "$OUT"
check_match "check --json: not clean" '^\{"project":"view.axial","clean":false,' "$OUT"
refused "check of a bad version" v-1.axial "not an axial project \(unknown format -1\)" \
    $A check v-1.axial

# -- values that break the invariants --------------------------------------
# a loop in the code tree: Cat -> Sub -> Cat
craft loop.axial "INSERT INTO nodes(parent_id, kind, name, guid, created)
    SELECT id, 'category', 'Sub', 'g-sub', 0 FROM nodes WHERE name = 'Cat';
    UPDATE nodes SET parent_id = (SELECT id FROM nodes WHERE name = 'Sub')
    WHERE name = 'Cat';"
for c in codes codings "export csv" info; do
	refused "a loop in the tree: $c" loop.axial \
	    "^axial: loop.axial: the code tree goes round in a loop: 'Cat' \(#1\) is inside itself; 'axial check --repair loop.axial' repairs it$" \
	    $A $c loop.axial
done
refused "check finds the loop" loop.axial \
    "^axial: loop.axial: 1 problem; 'axial check --repair loop.axial' repairs 1$" $A check loop.axial
check "check: the loop" "loop.axial: tree: the code tree goes round in a loop: 'Cat' (#1) is inside itself (--repair: move it to the top level)" "$OUT"
check_rc "check --repair repairs the loop" 0 $TO $A check loop.axial --repair
check_match "repaired" "\(repaired: move it to the top level\)$" "$OUT"
check_match "repair is undoable" "1 repair, each one action 'axial undo' takes back" "$ERR"
check_rc "codes after the repair" 0 $TO $A codes loop.axial
check_match "Cat at the top again" "^\+ Cat  #1" "$OUT"
check_rc "codings after the repair" 0 $TO $A codings loop.axial
check_match "with its path" "Cat/trust" "$OUT"
check_rc "clean after the repair" 0 $A check loop.axial
check_match "the repair in the log" "check repair" "$($A log loop.axial | head -1)"
check_rc "the repair undone" 0 $A undo loop.axial
check_rc "the loop is back" 1 $A check loop.axial
# (the file is refused again, so no redo: the repair once more)
check_rc "repaired again" 0 $A check loop.axial --repair
check_rc "and gone" 0 $A check loop.axial

# a node whose parent is a code, one whose parent does not exist
craft undercode.axial "PRAGMA foreign_keys = OFF;
    UPDATE nodes SET parent_id = (SELECT id FROM nodes WHERE name = 'delay')
    WHERE name = 'trust';
    INSERT INTO nodes(parent_id, kind, name, guid, created) VALUES (999, 'code', 'orphan', 'g-o', 0);"
refused "a node under a code" undercode.axial \
    "in the code tree, 'trust' \(#2\) is under the code 'delay'; only categories hold codes" \
    $A codes undercode.axial
check_rc "check: both" 1 $A check undercode.axial
check_match "check: the orphan" "^undercode.axial: tree: in the code tree, 'orphan' \(#[0-9]+\) is under #999, which does not exist \(--repair: move it to the top level\)$" "$OUT"
check_rc "check --repair: both" 0 $A check undercode.axial --repair
check_match "two repairs" "2 repairs" "$ERR"
check_rc "codes afterwards" 0 $A codes undercode.axial
check_match "orphan at the top" "^- orphan" "$OUT"
check_match "trust at the top" "^- trust \(1\)" "$OUT"
# a name taken at the top level: the one moved up gets its #id
craft clash.axial "INSERT INTO nodes(parent_id, kind, name, guid, created)
    SELECT id, 'category', 'Sub', 'g-sub', 0 FROM nodes WHERE name = 'Cat';
    UPDATE nodes SET parent_id = (SELECT id FROM nodes WHERE guid = 'g-sub')
    WHERE name = 'Cat';
    INSERT INTO nodes(kind, name, guid, created) VALUES ('code', 'Cat', 'g-top', 0);"
check_rc "repair when the name is taken" 0 $A check clash.axial --repair
check_rc "both listed" 0 $A codes clash.axial
check_match "the moved one renamed" "^\\+ Cat \\(#1\\)  #1$" "$OUT"
check_match "the other kept" "^- Cat \\(0\\)  #[0-9]+$" "$OUT"

# a tree 200,000 levels deep: refused at once, no stack overflow
craft deep.axial "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c
    WHERE i < 200000) INSERT INTO nodes(id, parent_id, kind, name, guid, created)
    SELECT 1000 + i, CASE WHEN i = 1 THEN NULL ELSE 999 + i END, 'category',
    'n' || i, 'g' || i, 0 FROM c"
for c in codes codings "export csv"; do
	refused "a tree 200,000 levels deep: $c" deep.axial \
	    "^axial: deep.axial: the code tree is 200000 levels deep at 'n200000' \(#201000\); axial allows 100; 'axial check --repair deep.axial' repairs it$" \
	    $A $c deep.axial
done
check_rc "check --repair cuts it" 0 $TO $A check deep.axial --repair
check_match "cut" "repaired: move the nodes at levels 101, 201, \.\.\. to the top level" "$OUT"
check_rc "codes afterwards" 0 $TO $A codes deep.axial
check "every node listed" 200003 "$(printf '%s\n' "$OUT" | wc -l)"
check_rc "clean afterwards" 0 $TO $A check deep.axial

# codings whose span lies outside the document, a document whose length lies
craft span.axial "UPDATE codings SET end = 5000 WHERE id = 2;
    UPDATE codings SET start = 40, end = 45 WHERE id = 3;
    UPDATE documents SET nchars = 3 WHERE name = 'b'"
for c in codings "export csv"; do
	check_rc "spans outside: $c" 0 $TO $A $c span.axial
done
check_rc "spans outside: export qdpx" 0 $TO $A export qdpx span.axial span.qdpx
check_rc "spans outside: report" 0 $TO $A report span.axial --out rep
check_rc "check finds them" 1 $A check span.axial
check_match "the first" "^span.axial: coding: coding #2 \[6, 5000\) lies outside its document 'a' \(29 characters\) \(--repair: delete the coding\)$" "$OUT"
check_match "the second" "^span.axial: coding: coding #3 \[40, 45\) lies outside its document 'b' \(18 characters\)" "$OUT"
check_match "the length" "^span.axial: document: document 'b' \(#2\) says it has 3 characters and 18 bytes; its text has 18 and 18 \(--repair: set them from the text\)$" "$OUT"
check_rc "check --repair" 0 $A check span.axial --repair
check "two codings left" 1 "$($A codings span.axial | wc -l)"
check_rc "clean afterwards" 0 $A check span.axial
check_rc "each repair undoable" 0 $A undo span.axial
check "the last repair undone" 2 "$($A codings span.axial | wc -l)"
check_rc "the others stay" 1 $A check span.axial
check "one finding left" 1 "$(printf '%s\n' "$OUT" | wc -l)"

# SQLite's own checks: a coding of a code that is gone (foreign keys off)
craft fk.axial "PRAGMA foreign_keys = OFF; DELETE FROM nodes WHERE name = 'delay'"
check_rc "check: a dangling coding" 1 $A check fk.axial
check_match "named" "^fk.axial: coding: coding #2 refers to a nodes row that does not exist \(--repair: delete the coding\)$" "$OUT"
check_rc "check --repair" 0 $A check fk.axial --repair
check_rc "clean" 0 $A check fk.axial
check "one coding left" 1 "$($A codings fk.axial | wc -l)"

# a file SQLite finds damaged: refused; check lists SQLite's findings one
# per line and repairs nothing (it would write into the damage)
cp base.axial dmg.axial
sqlite3 dmg.axial "PRAGMA journal_mode = DELETE" >/dev/null
# the root page of the codings table overwritten
root=$(sqlite3 dmg.axial "SELECT rootpage FROM sqlite_schema WHERE name = 'codings'")
awk 'BEGIN { for (i = 0; i < 4096; i++) printf "g" }' |
    dd of=dmg.axial bs=4096 seek=$((root - 1)) conv=notrunc 2>/dev/null
refused "a damaged file" dmg.axial "dmg.axial: the project file is damaged or truncated" \
    $A codings dmg.axial
before=$(sha dmg.axial)
check_rc "check of a damaged file" 1 $TO $A check dmg.axial --repair
check_match "SQLite's findings" "^dmg.axial: integrity: " "$OUT"
check "one line each, all named" "" "$(printf '%s\n' "$OUT" | grep -v '^dmg.axial: [a-z-]*: ')"
check_match "nothing repaired" "problems? that axial cannot repair" "$ERR"
check "damaged file unchanged" "$before" "$(sha dmg.axial)"

# every project axial makes passes
check_rc "the base project passes" 0 $A check base.axial
for f in "$BUILD"/*.axial; do
	[ -f "$f" ] || continue
	cp "$f" sample.axial
	check_rc "check ${f##*/}" 0 $A check sample.axial
done
