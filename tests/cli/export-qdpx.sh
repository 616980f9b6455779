# export-qdpx.sh: `axial export qdpx` streams (docs/scale.md): its peak
# memory does not grow with the documents' text, and an export that fails,
# before, while or after libzip writes, says why and leaves nothing behind.
# Schema validity and the round trip are in exchange.sh.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
BUILD=${BUILD:-$AXIAL_SRC/build}
P=$BUILD/egov-fa.axial
if [ ! -f "$P" ]; then notok "sample project" "missing $P (make samples)"; exit 0; fi
cp "$P" p.axial

# ---- memory: six texts of 4.4 MB (SQLite's page cache passes texts this
# big through a small cache of their own, db-document.c) cost no more at
# the peak than one; holding them all would cost 22 MB more
python3 -c 'import random, sys
for k in range(6):
    r = random.Random(k)
    with open("d%d.txt" % k, "w") as f:
        while f.tell() < 4400000:
            f.write(" ".join("w%d" % r.randrange(100000) for _ in range(12)) + "\n")'
$A init one.axial >/dev/null
$A import one.axial d0.txt >/dev/null
$A init six.axial >/dev/null
$A import six.axial d0.txt d1.txt d2.txt d3.txt d4.txt d5.txt >/dev/null
rss() { /usr/bin/time -f %M -o "$1.rss" $A export qdpx "$1.axial" "$1.qdpx" >/dev/null 2>&1; tail -1 "$1.rss"; }
one=$(rss one) six=$(rss six)
check_match "peak memory measured ($one KB, $six KB)" '^[0-9]+ [0-9]+$' "$one $six"
if [ -n "${AXIAL_ASAN:-}" ]; then
	skip "six texts' peak within 11 MB of one's" "ASan's quarantine keeps freed texts"
else
	check "six texts' peak within 11 MB of one's" 1 \
		"$([ $((${six:-999999} - ${one:-0})) -lt 11000 ] && echo 1 || echo "$one KB, then $six KB")"
fi
check "every text in the archive, byte for byte" "ok" "$(python3 -c 'import sys, zipfile
z = zipfile.ZipFile("six.qdpx")
texts = sorted(z.read(n) for n in z.namelist() if n.startswith("sources/"))
want = sorted(open("d%d.txt" % k, "rb").read() for k in range(6))
print("ok" if texts == want else "differ")')"
# project.qde comes from a temporary file: its entry is like the others, not
# that file's (mode 0600), and the archive needs no ZIP64
check "entries alike: mode, method, no ZIP64" "1" "$(python3 -c 'import zipfile
z = zipfile.ZipFile("six.qdpx")
print(len({(i.external_attr, i.compress_type, i.extract_version, i.extra) for i in z.infolist()}))')"
check "project.qde first" "project.qde" "$(python3 -c 'import zipfile
print(zipfile.ZipFile("six.qdpx").namelist()[0])')"

# ---- failures: the reason, exit 1, and the folder as it was
mkdir out
# left FOLDER: what the failed export left in FOLDER, "" for nothing
left() { ls -A "$1" | tr '\n' ' '; }
check_rc "into a missing folder" 1 $A export qdpx p.axial nodir/x.qdpx
check "missing folder: why" "axial: p.axial: nodir/x.qdpx: No such file or directory" "$ERR"
check "missing folder: not made" "" "$(ls -d nodir 2>/dev/null)"

# the whole archive is written, then cannot take the name
mkdir out/x.qdpx
check_rc "a folder in the way of the name" 1 $A export qdpx p.axial out/x.qdpx
check "folder in the way: why" "axial: p.axial: out/x.qdpx: Is a directory" "$ERR"
check "folder in the way: nothing left" "x.qdpx " "$(left out)"
check "folder in the way: the folder untouched" "" "$(left out/x.qdpx)"
rmdir out/x.qdpx

# the disk fills (a file-size limit, 50 or 100 KB as sh counts blocks;
# SIGXFSZ ignored, so writes fail) while project.qde (265 KB) is written,
# and while libzip writes six.axial's texts (its project.qde is small)
check_rc "disk full in project.qde" 1 sh -c "trap '' XFSZ; ulimit -f 100; exec $A export qdpx p.axial out/x.qdpx"
check "disk full in project.qde: why" "axial: p.axial: out/x.qdpx: File too large" "$ERR"
check "disk full in project.qde: nothing left" "" "$(left out)"
check_rc "disk full in the texts" 1 sh -c "trap '' XFSZ; ulimit -f 4000; exec $A export qdpx six.axial out/x.qdpx"
check_match "disk full in the texts: why" '^axial: six.axial: out/x.qdpx: .*File too large$' "$ERR"
check "disk full in the texts: nothing left" "" "$(left out)"

# a text that cannot be read when libzip asks for it (its row removed
# behind axial's back, the triggers put back so the file still opens)
cp p.axial gone.axial
tr=$(sqlite3 gone.axial "SELECT group_concat(sql, '; ') FROM sqlite_master
	WHERE type = 'trigger' AND tbl_name = 'document_text' AND name LIKE '%delete'")
sqlite3 gone.axial "BEGIN; DROP TRIGGER search_text_delete; DROP TRIGGER log_document_text_delete;
	DELETE FROM document_text WHERE id = 2; $tr; COMMIT"
check_rc "a text gone" 1 $A export qdpx gone.axial out/x.qdpx
check "a text gone: why" "axial: gone.axial: no document #2" "$ERR"
check "a text gone: nothing left" "" "$(left out)"
check_rc "and with every text there, the export is written" 0 $A export qdpx p.axial out/x.qdpx
check "only the export" "x.qdpx " "$(left out)"
