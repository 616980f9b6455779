#!/bin/sh
# fuzz/project-seeds.sh AXIAL OUTDIR: the seeds of fuzz-project.c, small
# projects made by axial's own commands (and a few edited with the sqlite3
# tool into files axial refuses or check repairs), their pages shrunk to
# 512 bytes so a whole file is a few kilobytes.
set -eu
A=$1 OUT=$2
SRC=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"
shrink() {	# FILE NAME [wal]: 512-byte pages, into OUT/NAME
	sqlite3 "$1" "PRAGMA journal_mode = DELETE; PRAGMA page_size = 512; VACUUM;" >/dev/null
	[ "${3:-}" = wal ] && sqlite3 "$1" "PRAGMA journal_mode = WAL" >/dev/null
	cp "$1" "$OUT/$2"
}
printf 'hello world\nsecond line here\n' >a.txt
printf 'مدیران گفتند سامانه‌ها یکپارچه نیستند.\nAPI و ICT\n' >fa.txt
$A init p.axial >/dev/null
$A import p.axial a.txt fa.txt >/dev/null
$A attr p.axial a gender=f >/dev/null
$A code add p.axial Cat --category >/dev/null
$A code role p.axial Cat causal >/dev/null
$A code add p.axial Sub --category --in Cat >/dev/null
$A code add p.axial trust --in Cat/Sub >/dev/null
$A code add p.axial delay >/dev/null
$A tag p.axial a trust 0 5 >/dev/null
$A tag p.axial a delay 6 11 >/dev/null
$A tag p.axial fa delay 0 6 >/dev/null
$A memo add p.axial 'a memo' --on code:trust >/dev/null
$A untag p.axial 2 >/dev/null
$A undo p.axial >/dev/null
cp p.axial base.axial
shrink p.axial small-wal wal
cp base.axial q.axial; shrink q.axial small
# older format: the v1 fixture, migrated on opening
sqlite3 v1.axial <"$SRC/tests/fixtures/schema-v1.sql"
shrink v1.axial schema-v1
# what check repairs: a loop, a node under a code, spans outside, lengths
cp base.axial loop.axial
sqlite3 loop.axial "UPDATE nodes SET role = NULL;
    UPDATE nodes SET parent_id = (SELECT id FROM nodes WHERE name = 'Sub') WHERE name = 'Cat'"
shrink loop.axial loop
cp base.axial bad.axial
sqlite3 bad.axial "PRAGMA foreign_keys = OFF;
    UPDATE nodes SET parent_id = (SELECT id FROM nodes WHERE name = 'delay') WHERE name = 'trust';
    UPDATE codings SET end = 500 WHERE id = 1; UPDATE documents SET nchars = 2 WHERE id = 2;
    INSERT INTO codings(doc_id, node_id, coder_id, start, end, guid, created) VALUES (1, 99, 1, 0, 1, 'g', 0)"
shrink bad.axial invariants
cp base.axial deep.axial
sqlite3 deep.axial "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 105)
    INSERT INTO nodes(id, parent_id, kind, name, guid, created) SELECT 100 + i,
    CASE WHEN i = 1 THEN NULL ELSE 99 + i END, 'category', 'n' || i, 'g' || i, 0 FROM c"
shrink deep.axial deep
# what opening refuses: a planted trigger, a view
cp base.axial trig.axial
sqlite3 trig.axial "CREATE TRIGGER evil AFTER INSERT ON codings BEGIN UPDATE codings SET end = end + 1 WHERE id = new.id; END;
    CREATE VIEW v AS SELECT 1"
shrink trig.axial planted
