# docs.sh: the man page covers every command `axial --help` lists, and
# make install / uninstall honour PREFIX and DESTDIR.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
MAN="$AXIAL_SRC/man/axial.1"

cmds=$($A --help | sed -n '/^commands:/,/^$/p' | sed '1d;$d' | awk '{ if ($1 == "link" && $2 == "type") print $1" "$2" "$3; else if ($1 == "query" && $2 !~ /^(list|run|rm|code)$/) print $1; else if ($2 ~ /^[a-z]+$/ && $1 ~ /^(code|doc|memo|coder|export|link|query)$/) print $1" "$2; else print $1 }')
check_match "help lists commands" 'tag' "$cmds"
missing=""
for c in $(echo "$cmds" | tr ' ' '_'); do
	c=$(echo "$c" | tr '_' ' ')
	grep -q "^\.BI \"$c " "$MAN" || missing="$missing [$c]"
done
check "every command is in the man page" "" "$missing"

# every option a command's --help names is in the man page too
(man -l "$MAN" 2>/dev/null || groff -man -Tutf8 "$MAN" 2>/dev/null) | col -b >"$T/man.txt"
missing=""
for c in $(echo "$cmds" | tr ' ' '_'); do
	c=$(echo "$c" | tr '_' ' ')
	for o in $($A $c --help 2>&1 | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		grep -q -- "$o" "$T/man.txt" || missing="$missing [$c $o]"
	done
done
for o in $($A --help 2>&1 | grep -o -- '--[a-z][a-z-]*' | sort -u); do
	grep -q -- "$o" "$T/man.txt" || missing="$missing [$o]"
done
check "every option of every command's --help is in the man page" "" "$missing"
check_rc "man page renders" 0 sh -c "man -l '$MAN' >/dev/null 2>&1 || groff -man -Tutf8 '$MAN' >/dev/null"

root="$T/root"
check_rc "make install" 0 make -C "$AXIAL_SRC" --no-print-directory BUILD="$BUILD" install DESTDIR="$root" PREFIX=/usr
check_rc "binary installed" 0 test -x "$root/usr/bin/axial"
check_rc "man page installed" 0 test -f "$root/usr/share/man/man1/axial.1"
check_rc "sample projects installed" 0 test -f "$root/usr/share/axial/sample-projects/egov-fa/codebook.txt"
check_rc "installed binary runs" 0 "$root/usr/bin/axial" --version
check_rc "PDF reader installed" 0 test -x "$root/usr/libexec/axial/axial-pdf"
"$root/usr/bin/axial" init "$T/pdf.axial" >/dev/null
check_rc "the installed binary finds it under PREFIX/libexec/axial" 0 \
    env -u AXIAL_PDF_HELPER "$root/usr/bin/axial" import "$T/pdf.axial" \
    "$AXIAL_SRC/tests/fixtures/pdf/persian.pdf"
check_rc "Persian catalogue installed" 0 test -f "$root/usr/share/locale/fa/LC_MESSAGES/axial.mo"
check_match "the installed binary finds it under PREFIX/share/locale" 'فرمان‌ها:' \
    "$(env -u LC_ALL -u LANGUAGE LANG=fa_IR.UTF-8 "$root/usr/bin/axial" --help)"
check_rc "make uninstall" 0 make -C "$AXIAL_SRC" --no-print-directory BUILD="$BUILD" uninstall DESTDIR="$root" PREFIX=/usr
check "nothing left" "" "$(find "$root" -type f)"

# the workbench's own options: in axial --help, and axial PROJECT --help
check_rc "axial PROJECT --help" 0 $A some.axial --help
check_match "it lists the workbench's options" '--layout L' "$OUT"
check_match "axial --help lists them too" 'workbench options' "$($A --help)"
