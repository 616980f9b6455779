# export-csv.sh: `axial export csv` writes its rows as it makes them. The
# bytes are those the export wrote when it built the whole file in memory
# (tests/golden/export, written by that export); its memory does not grow
# with the output; a failure (a folder it cannot write, a disk that fills
# up mid-way, a closed standard output) leaves no partial file and an
# existing output as it was.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
G=$AXIAL_SRC/tests/golden/export
B=${BUILD:-$AXIAL_SRC/build}
me=$(id -un)

# no_temp DIR: no temporary output left in DIR
no_temp() {
	check "no temporary file left in $1" "" "$(find "$1" -name '*.tmp.*')"
}

# names and text a CSV must quote: commas, quotes, line breaks, Persian;
# codings nested two categories deep, overlapping, by two coders
$A init p.axial >/dev/null
printf 'He said "yes, no"\r\nپرسش، پاسخ\nline three\n' >'i,1.txt'
$A import p.axial 'i,1.txt' >/dev/null
$A code add p.axial 'Cat "A"' --category >/dev/null
$A code add p.axial 'Sub, x' --in 'Cat "A"' --category >/dev/null
$A code add p.axial 'code,1' --in 'Sub, x' >/dev/null
$A code add p.axial 'کد' >/dev/null
$A coder add p.axial B --account "$me"
$A tag p.axial 'i,1' 'کد' 18 28 >/dev/null
$A tag p.axial 'i,1' 'code,1' 0 17 >/dev/null
$A tag p.axial 'i,1' 'code,1' 8 40 --as B >/dev/null
$A tag p.axial 'i,1' 'کد' 2 5 >/dev/null
printf 'coding,document,position,code,coder,start,end,text\r
2,"i,1",1,"Cat ""A""/Sub, x/code,1",%s,0,17,"He said ""yes, no"""\r
4,"i,1",1,کد,%s,2,5, sa\r
3,"i,1",1,"Cat ""A""/Sub, x/code,1",B,8,40,"""yes, no""\nپرسش، پاسخ\nline three\n"\r
1,"i,1",1,کد,%s,18,28,پرسش، پاسخ\r
' "$me" "$me" "$me" >want.csv
check_rc "quoted names and text" 0 $A export csv p.axial out.csv
if cmp -s want.csv out.csv; then ok "quoted names and text: the bytes"; else
	notok "quoted names and text: the bytes" "$(diff want.csv out.csv | head -10)"; fi
$A export csv p.axial >stdout.csv
if cmp -s want.csv stdout.csv; then ok "standard output: the same bytes"; else
	notok "standard output: the same bytes" "$(diff want.csv stdout.csv | head -10)"; fi
$A export csv p.axial - >dash.csv
if cmp -s want.csv dash.csv; then ok "'-': the same bytes"; else
	notok "'-': the same bytes" "$(diff want.csv dash.csv | head -10)"; fi
no_temp "$T"

# the samples, byte for byte as before, per coding and per unit
for s in egov-fa remote-work-en; do
	need_fixture "$B/$s.axial" || continue
	check_rc "$s: export" 0 $A export csv "$B/$s.axial" "$s.csv"
	if cmp -s "$G/$s.csv" "$s.csv"; then ok "$s: the bytes of before"; else
		notok "$s: the bytes of before" "$(diff "$G/$s.csv" "$s.csv" | head -10)"; fi
	$A export csv "$B/$s.axial" --units >"$s-units.csv"
	$A export csv "$B/$s.axial" --unit document "$s-document.csv"
done
if [ -f "$B/egov-fa.axial" ] && [ -f "$B/remote-work-en.axial" ]; then
	check "units: the bytes of before" "" \
	    "$(sha256sum -c "$G/SHA256SUMS" 2>&1 | grep -v ': OK$')"
fi

# memory: one document coded 400 times over nearly all its 100 KB, a 40
# MB CSV; the export holds a row at a time, not the rows, so it takes
# about what the same export of one coding takes
python3 -c 'print("\n".join("line %05d of the interview" % i for i in range(4000)))' >long.txt
$A init big.axial >/dev/null
$A import big.axial long.txt >/dev/null
$A code add big.axial x >/dev/null
$A tag big.axial long x 0 100000 >/dev/null
cp big.axial one.axial
sqlite3 big.axial "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 399)
  INSERT INTO codings(doc_id, node_id, coder_id, start, \"end\", guid, created)
  SELECT 1, (SELECT id FROM nodes), (SELECT coder_id FROM codings), i, 100000 - i, 'g' || i, 0 FROM n"
# peak RSS in KB of a command
peak() {
	python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@"
}
one=$(peak $A export csv one.axial one.csv)
big=$(peak $A export csv big.axial big.csv)
check "big: 400 rows and the header" 401 "$(grep -c "$(printf '\r$')" big.csv)"
size=$(wc -c <big.csv)
if [ "$size" -gt 30000000 ] && [ $((big - one)) -lt 8192 ]; then
	ok "memory: a $size-byte export takes $((big - one)) KB more than one row"
else
	notok "memory: a $size-byte export takes less than 8 MB more than one row" \
	    "one coding: $one KB, 400 codings: $big KB"
fi
# and so does standard output
big=$(peak sh -c "exec $A export csv big.axial >/dev/null")
if [ $((big - one)) -lt 8192 ]; then ok "memory: standard output streams too"; else
	notok "memory: standard output streams too" "one coding: $one KB, to standard output: $big KB"; fi

# a disk that fills up mid-way (a file-size limit, 1 MB or more of 40):
# the export fails, and the old output and the folder are as they were
mkdir full
echo old >full/out.csv
check_rc "disk full mid-way" 1 sh -c "trap '' XFSZ; ulimit -f 2048; exec $A export csv big.axial full/out.csv"
check_match "disk full message" '^axial: full/out.csv: File too large' "$ERR"
check "disk full: the old output untouched" old "$(cat full/out.csv)"
check "disk full: nothing else in the folder" out.csv "$(ls -A full)"
rm full/out.csv
check_rc "disk full, no old output" 1 sh -c "trap '' XFSZ; ulimit -f 2048; exec $A export csv big.axial full/out.csv"
check "disk full, no old output: nothing left" "" "$(ls -A full)"

# a folder that is not there
check_rc "no such folder" 1 $A export csv p.axial nowhere/out.csv
check_match "no such folder: message" '^axial: nowhere/out.csv: No such file or directory' "$ERR"
check "no such folder: nothing made" "" "$(ls -d nowhere 2>/dev/null)"

# a closed or full standard output is an error, not a silent success
if [ -w /dev/full ]; then
	check_rc "standard output full" 1 sh -c "exec $A export csv big.axial >/dev/full"
	check_match "standard output full: message" 'writing output failed' "$ERR"
else
	skip "standard output full" "no /dev/full here"
fi

# a folder the exporting account cannot write (as root, nobody's)
mkdir ro
echo old >ro/out.csv
run="" bin=$A
if [ "$(id -u)" = 0 ]; then
	if command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
		run="setpriv --reuid=nobody --regid=$(id -g nobody) --clear-groups"
		chmod 755 "$T"
		cp "$A" "$T/axial-ro" && chmod 755 "$T/axial-ro"
		chmod 644 p.axial
		bin=$T/axial-ro
	else
		run=none
	fi
fi
if [ "$run" = none ]; then
	skip "read-only folder" "as root, nothing is read-only, and there is no setpriv or nobody"
else
	chmod 555 ro
	# shellcheck disable=SC2086
	check_rc "read-only folder" 1 $run "$bin" export csv p.axial ro/out.csv
	check_match "read-only folder: message" '^axial: ro/out.csv: Permission denied' "$ERR"
	check "read-only folder: the old output untouched" old "$(cat ro/out.csv)"
	check "read-only folder: nothing else in it" out.csv "$(ls -A ro)"
	chmod 755 ro
fi
