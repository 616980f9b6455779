#!/bin/sh
# text-cat.sh: golden outputs of `axial cat` (the transcript pane's layout
# as text) on mixed Persian/English and hostile fixtures.
. "$AXIAL_SRC/tests/cli/lib.sh"
F=$SRC/tests/fixtures/text

# golden NAME REF ARGS...: output of `axial cat ARGS` equals REF byte for byte
golden() {
	name=$1 ref=$2; shift 2
	"$AXIAL" cat "$@" >"$T/out" 2>"$T/err"
	if cmp -s "$T/out" "$F/$ref"; then ok "$name"; else
		notok "$name" "$(diff "$F/$ref" "$T/out" | head -10)"; fi
}
golden "mixed at 40" mixed-w40.ref --width 40 "$F/mixed.txt"
golden "mixed at 40, no shaping" mixed-w40-noshape.ref --width 40 --shaping off "$F/mixed.txt"
golden "mixed at 30, forced rtl" mixed-w30-rtl.ref --width 30 --dir rtl "$F/mixed.txt"
golden "mixed at 40, logical order" mixed-w40-logical.ref --width 40 --bidi terminal "$F/mixed.txt"
golden "mixed at 40, logical, terminal shapes" mixed-w40-termshape.ref --width 40 --bidi terminal --shaping terminal "$F/mixed.txt"
golden "hostile at 40" hostile-w40.ref -w 40 "$F/hostile.txt"

# docs/bidi.md §8.5: no raw control bytes reach the output
for f in hostile mixed; do
	"$AXIAL" cat --width 40 "$F/$f.txt" >"$T/out"
	hits=$(LC_ALL=C grep -caP '[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f]|\x1b|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$T/out")
	check "no control bytes in $f output" 0 "$hits"
done

"$AXIAL" cat --width 40 --shaping terminal "$F/mixed.txt" >"$T/out"
check "ZWNJ kept for a terminal that shapes" 5 "$(grep -c "$(printf '\342\200\214')" "$T/out")"
"$AXIAL" cat --width 40 - <"$F/mixed.txt" >"$T/out"
if cmp -s "$T/out" "$F/mixed-w40.ref"; then ok "stdin as -"; else notok "stdin as -"; fi
COLUMNS=40 "$AXIAL" cat "$F/mixed.txt" >"$T/out"
if cmp -s "$T/out" "$F/mixed-w40.ref"; then ok "width from COLUMNS"; else notok "width from COLUMNS"; fi

check_rc "missing file fails" 1 "$AXIAL" cat nope.txt
check "missing file message" "axial: nope.txt: No such file or directory" "$ERR"
check_rc "bad --dir is a usage error" 2 "$AXIAL" cat --dir up "$F/mixed.txt"
check_rc "no file is a usage error" 2 "$AXIAL" cat
printf '' >"$T/empty"
check_rc "empty file" 0 "$AXIAL" cat "$T/empty"
check "empty file prints nothing" "" "$OUT"
