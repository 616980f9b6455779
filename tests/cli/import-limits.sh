# import-limits.sh: import and merge read ordinary files only, up to a size
# limit (--max-size, 256 MiB by default), in bounded memory. /dev/zero, a
# FIFO, a directory and a symlink to a device are refused at once, naming
# the file, with exit 1 and the project unchanged; a FIFO never blocks.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL

python3 "$AXIAL_SRC/tests/fixtures/mkexchange.py" fx
check "fixtures generated" 0 "$?"
printf 'First interview.\nA second paragraph.\n' >one.txt
printf 'document,key,value\none,site,north\none,role,manager\none,years,12\n' >attrs.csv	# 64 bytes
check_rc "init" 0 $A init p.axial
check_rc "import one document" 0 $A import p.axial one.txt
info() { $A info p.axial --json; }
sum() { sha256sum p.axial | cut -d' ' -f1; }
before=$(info)
sum0=$(sum)

# refused NAME PATTERN COMMAND...: exit 1 within 10 s (timeout's 124 is a
# hang), the message on stderr, and the project as it was
refused() {
	name=$1 pat=$2; shift 2
	check_rc "$name: refused" 1 timeout 10 "$@"
	check_match "$name: says why" "$pat" "$ERR"
	check "$name: project unchanged" "$before" "$(info)"
	check "$name: project file unchanged" "$sum0" "$(sum)"
}
NOTREG='not a regular file; import reads ordinary files only'

refused "/dev/zero" "^axial: /dev/zero: $NOTREG\$" $A import p.axial /dev/zero
mkfifo fifo.txt fifo.docx fifo.odt fifo.qdpx fifo.qdc fifo.csv
refused "a FIFO" "^axial: fifo.txt: $NOTREG\$" $A import p.axial fifo.txt
refused "a FIFO named .docx" "fifo.docx: $NOTREG" $A import p.axial fifo.docx
refused "a FIFO named .odt" "fifo.odt: $NOTREG" $A import p.axial fifo.odt
refused "a FIFO named .qdpx" "fifo.qdpx: $NOTREG" $A import p.axial fifo.qdpx
refused "a FIFO named .qdc" "fifo.qdc: $NOTREG" $A import p.axial fifo.qdc
refused "attributes from a FIFO" "fifo.csv: $NOTREG" $A import p.axial one.txt --name two --attrs fifo.csv
refused "attributes from /dev/zero" "/dev/zero: $NOTREG" $A import p.axial one.txt --name two --attrs /dev/zero
mkdir dir.txt
refused "a directory" "^axial: dir.txt: $NOTREG\$" $A import p.axial dir.txt
ln -s /dev/zero zero.txt
refused "a symlink to /dev/zero" "^axial: zero.txt: $NOTREG\$" $A import p.axial zero.txt
refused "one bad file among good ones" "fifo.txt: $NOTREG" $A import p.axial fx/interview.docx fifo.txt
check_match "  ... and says nothing was imported" "nothing was imported" "$ERR"

# the size limit: refused from the file's size before anything is read
truncate -s 300M huge.txt
refused "300 MiB over the default limit" \
	'^axial: huge.txt: 300 MiB is over the import limit of 256 MiB; raise it with --max-size$' \
	$A import p.axial huge.txt
m=$(/usr/bin/time -f %M $A import p.axial huge.txt 2>&1 >/dev/null | tail -1)
check "  ... without reading it (${m} KB)" 1 "$([ "${m:-999999}" -lt 100000 ] && echo 1 || echo "$m KB")"
head -c 2000 /dev/urandom | od -An -x >big.txt	# about 5 KB of text
refused "a file over --max-size 1K" \
	'^axial: big.txt: [0-9.]+ KiB is over the import limit of 1 KiB; raise it with --max-size$' \
	$A import p.axial big.txt --max-size 1K
refused "a .docx over --max-size" "interview.docx: [0-9.]+ (bytes|KiB) is over the import limit of 1000 bytes" \
	$A import p.axial fx/interview.docx --max-size 1000
refused "an .odt over --max-size" "notes.odt: [0-9]+ bytes is over the import limit of 500 bytes" \
	$A import p.axial fx/notes.odt --max-size 500
refused "a .qdpx over --max-size" "full.qdpx: [0-9]+ bytes is over the import limit of 100 bytes" \
	$A import p.axial fx/full.qdpx --max-size 100
refused "a .qdc over --max-size" "lol.qdc: [0-9]+ bytes is over the import limit of 512 bytes" \
	$A import p.axial fx/lol.qdc --max-size 512
refused "attributes over --max-size" "^axial: attrs.csv: 64 bytes is over the import limit of 50 bytes; raise it with --max-size" \
	$A import p.axial one.txt --name two --attrs attrs.csv --max-size 50
n=$(wc -c <big.txt)
refused "one byte over" "big.txt: $n bytes is over the import limit of $((n - 1)) bytes" \
	$A import p.axial big.txt --max-size $((n - 1))
for bad in 0 -5 abc 5X 1.5G 99999999999999999999; do
	check_rc "--max-size $bad is a usage error" 2 $A import p.axial big.txt --max-size "$bad"
	check_match "  ... saying what it takes" "--max-size needs a size such as 500M or 2G" "$ERR"
done

# attr --csv reads attributes the same way
refused "attr --csv from a FIFO" "^axial: fifo.csv: $NOTREG\$" $A attr p.axial --csv fifo.csv
refused "attr --csv over --max-size" "attrs.csv: 64 bytes is over the import limit of 50 bytes" \
	$A attr p.axial --csv attrs.csv --max-size 50
check "project still unchanged" "$before" "$(info)"
check "project file still unchanged" "$sum0" "$(sum)"

# merge reads the same way
refused "merge /dev/zero" '^axial: /dev/zero: not a regular file; merge reads ordinary files only$' \
	$A merge p.axial /dev/zero
refused "merge a FIFO" 'fifo.txt: not a regular file; merge reads ordinary files only' $A merge p.axial fifo.txt
refused "merge a FIFO named .qdpx" 'fifo.qdpx: not a regular file; merge reads ordinary files only' $A merge p.axial fifo.qdpx
refused "merge a directory" 'dir.txt: not a regular file; merge reads ordinary files only' $A merge p.axial dir.txt
refused "merge a .qdpx over --max-size" "full.qdpx: [0-9]+ bytes is over the import limit of 100 bytes" \
	$A merge p.axial fx/full.qdpx --max-size 100

# what is allowed: a symlink to a regular file, a file within a raised limit
ln -s one.txt link.txt
check_rc "a symlink to a regular file imports" 0 $A import p.axial link.txt
check_rc "big.txt within --max-size 1M" 0 $A import p.axial big.txt --max-size 1M
check_rc "a .docx within --max-size 2k" 0 $A import p.axial fx/interview.docx --max-size 2k
check_rc "a .qdpx merges within --max-size 1MiB" 0 $A merge p.axial fx/full.qdpx --max-size 1MiB
check_rc "attr --csv within --max-size 64" 0 $A attr p.axial --csv attrs.csv --max-size 64
check "three more documents" 4 "$($A info p.axial --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["documents"])')"
