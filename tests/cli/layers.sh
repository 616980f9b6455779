#!/bin/sh
# layers.sh: scripts/layers (make check-layers) passes on the real tree and
# fails, naming the file and line, on each kind of breach planted in a copy:
# an include of a higher layer, of another folder's private header, of
# curses outside the workbench, a header not named LAYER/NAME.h, a file
# outside the layer folders, a call into a higher layer, and a circle,
# which --allow-cycle LAYER lets pass only when all its files are in LAYER.
. "$AXIAL_SRC/tests/cli/lib.sh"

L="$SRC/scripts/layers"
command -v nm >/dev/null || { skip "layers" "nm (binutils) is not installed"; exit 0; }

check_rc "the real tree has no breach" 0 python3 "$L" "$SRC/src"
check_match "it counts the files of each layer" "^layers: base [0-9]+, text [0-9]+, store [0-9]+" "$ERR"
if [ -d "$BUILD/obj" ]; then
	check_rc "nor do the build's objects call upward" 0 python3 "$L" --objects "$BUILD/obj" "$SRC/src"
fi

# plant ONE-LINE FILE: a fresh copy of src/ with LINE put first in FILE
plant() {
	rm -rf "$T/src" && cp -r "$SRC/src" "$T/src"
	{ printf '%s\n' "$1"; cat "$T/src/$2"; } >"$T/src/$2.new" && mv "$T/src/$2.new" "$T/src/$2"
}

plant '#include "tui/ui-int.h"' store/db-coding.c
check_rc "an upward include fails" 1 python3 "$L" "$T/src"
check "and names the line and why" \
    "$T/src/store/db-coding.c:1: #include \"tui/ui-int.h\": tui/ is a layer above store/" "$OUT"

plant '#include "text/text-int.h"' cli/cmd-cat.c
check_rc "another folder's private header fails" 1 python3 "$L" "$T/src"
check "and says whose it is" "$T/src/cli/cmd-cat.c:1: #include \"text/text-int.h\": private to text/" "$OUT"

plant '#include <curses.h>' stats/retest.c
check_rc "curses outside the workbench fails" 1 python3 "$L" "$T/src"
check "and says who may include it" "$T/src/stats/retest.c:1: #include <curses.h>: only tui/ may include it" "$OUT"

plant '#include <sqlite3.h>' tui/ui.c
check_rc "sqlite3 outside the store fails" 1 python3 "$L" "$T/src"

plant '#include "util.h"' text/text-doc.c
check_rc "a header without its layer fails" 1 python3 "$L" "$T/src"
check "and says how to name it" "$T/src/text/text-doc.c:1: #include \"util.h\": name a header as LAYER/NAME.h" "$OUT"

plant '#include "store/nothing.h"' cli/cmd.c
check_rc "a header that does not exist fails" 1 python3 "$L" "$T/src"

rm -rf "$T/src" && cp -r "$SRC/src" "$T/src" && : >"$T/src/loose.c"
check_rc "a file outside the layer folders fails" 1 python3 "$L" "$T/src"
check_match "and is named" "src/loose.c: a file outside the layer folders" "$OUT"

# calls, from objects: base/low.c calls a function of tui/high.c, and two
# store files call each other
mkdir -p "$T/c/src/base" "$T/c/src/tui" "$T/c/src/store" \
    "$T/c/obj/base" "$T/c/obj/tui" "$T/c/obj/store"
printf 'int high(void);\nint low(void) { return high(); }\n' >"$T/c/src/base/low.c"
printf 'int high(void);\nint high(void) { return 1; }\n' >"$T/c/src/tui/high.c"
printf 'int pong(void);\nint ping(int n);\nint ping(int n) { return n ? pong() : 0; }\n' >"$T/c/src/store/ping.c"
printf 'int ping(int n);\nint pong(void);\nint pong(void) { return ping(0); }\n' >"$T/c/src/store/pong.c"
for f in base/low tui/high store/ping store/pong; do
	cc -c -o "$T/c/obj/$f.o" "$T/c/src/$f.c" || notok "compiles $f.c"
done
check_rc "a call into a higher layer fails" 1 python3 "$L" --objects "$T/c/obj" "$T/c/src"
check "and names caller, callee and function" \
    "$T/c/src/base/low.c: calls high() of $T/c/src/tui/high.c, a layer above" "$OUT"
rm "$T/c/src/base/low.c" "$T/c/obj/base/low.o"
check_rc "without it, the same objects pass" 0 python3 "$L" --objects "$T/c/obj" "$T/c/src"
check_rc "but --cycles fails on two files that call each other" 1 \
    python3 "$L" --objects "$T/c/obj" --cycles "$T/c/src"
check "and names the circle" "circle: $T/c/src/store/ping.c <-> $T/c/src/store/pong.c" "$OUT"
check_rc "--allow-cycle store lets a circle within store/ pass" 0 \
    python3 "$L" --objects "$T/c/obj" --cycles --allow-cycle store "$T/c/src"
check "and it is no breach" "" "$OUT"
check_match "but a note on stderr naming it" \
    "^layers: note: circle allowed by --allow-cycle store: $T/c/src/store/ping.c <-> $T/c/src/store/pong.c\$" "$ERR"
check_rc "--allow-cycle tui still fails the circle in store/" 1 \
    python3 "$L" --objects "$T/c/obj" --cycles --allow-cycle tui "$T/c/src"
check "and names it" "circle: $T/c/src/store/ping.c <-> $T/c/src/store/pong.c" "$OUT"
check_rc "--allow-cycle takes only a layer's name" 2 \
    python3 "$L" --objects "$T/c/obj" --cycles --allow-cycle store/ "$T/c/src"
