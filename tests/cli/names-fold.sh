# names-fold.sh: code, category and document names given to any command
# are found as typed, else as the workbench's finder folds them (Arabic
# ي/ك for Persian ی/ک, ZWNJ, spaces inside a name, case); a folded name
# that fits two codes is refused; an unknown name gets "did you mean «…»?"
# naming the closest one. Every refusal exits 1 and changes nothing.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL

DOC='مصاحبه‌یک'		# with ZWNJ (U+200C)
$A init p.axial >/dev/null
printf 'P1: سلام دنیا. کار کردن سخت است.\n' >"$DOC.txt"
$A import p.axial "$DOC.txt" >/dev/null
$A code add p.axial 'مقوله' --category >/dev/null
$A code add p.axial 'یکی' >/dev/null
$A code add p.axial 'کار‌کردن' --in 'مقوله' >/dev/null
$A code add p.axial 'Coping' >/dev/null
snap() { $A codes p.axial --json; $A docs p.axial --json; $A codings p.axial --json; }

# Arabic yeh and kaf for the Persian ones, in a code and a document name
check_rc "tag: Arabic ي and ك find یکی" 0 $A tag p.axial "$DOC" 'يكي' 0 3
check "tag: the coding is on یکی" "$(printf '#1\tمصاحبه‌یک\t0-3\troot\tیکی\tP1:')" \
	"$($A codings p.axial --code 'یکی')"
check_rc "tag: a space for the ZWNJ in the document name" 0 \
	$A tag p.axial 'مصاحبه یک' 'کارکردن' 4 8
check_rc "tag: no ZWNJ at all, and a category path folded" 0 \
	$A tag p.axial 'مصاحبهیک' 'مقوله/کار كردن' 9 13
check "tag: both on کار‌کردن" 2 "$($A codings p.axial --code 'کار‌کردن' | wc -l | tr -d ' ')"
check_rc "tag: Latin case folds" 0 $A tag p.axial "$DOC" coping 0 3
check "tag: on Coping" 1 "$($A codings p.axial --code Coping | wc -l | tr -d ' ')"

# rename, memo and rm take folded names too
check_rc "code rename: a folded name" 0 $A code rename p.axial 'يكي' 'یکی‌ها'
check_match "code rename: renamed" 'یکی‌ها' "$($A codes p.axial)"
check_rc "doc rename: a folded name" 0 $A doc rename p.axial 'مصاحبه يك' 'مصاحبه ۱'
check_match "doc rename: renamed" 'مصاحبه ۱' "$($A docs p.axial)"
check_rc "memo add on a folded code" 0 $A memo add p.axial 'یادداشت' --on 'code:یكی ها'

# a folded name that fits two codes is refused, naming the way out
$A code add p.axial 'دو تا' >/dev/null
$A code add p.axial 'دوتا' --in 'مقوله' >/dev/null
before=$(snap)
check_rc "two folded matches: refused" 1 $A tag p.axial 'مصاحبه ۱' 'دو‌تا' 0 3
check "two folded matches: message" "axial: 'دو‌تا' matches more than one code once ي/ی, ك/ک, ZWNJ and spaces are set aside; give its exact name, its path or its #id" "$ERR"
check "two folded matches: nothing changed" "$before" "$(snap)"
check_rc "the exact name still wins" 0 $A tag p.axial 'مصاحبه ۱' 'دو تا' 0 3

# unknown names: did you mean the closest one
before=$(snap)
check_rc "unknown code: refused" 1 $A tag p.axial 'مصاحبه ۱' 'یکیها‌ی' 0 3
check "unknown code: did you mean" "axial: no code or category 'یکیها‌ی'; did you mean «یکی‌ها»?" "$ERR"
check_rc "unknown code, Latin: refused" 1 $A code rename p.axial Copign Coping2
check "unknown code, Latin: did you mean" "axial: no code or category 'Copign'; did you mean «Coping»?" "$ERR"
check_rc "unknown document: refused" 1 $A tag p.axial 'مصاحبه ۲۱' 'Coping' 0 3
check "unknown document: did you mean" "axial: no document 'مصاحبه ۲۱'; did you mean «مصاحبه ۱»?" "$ERR"
check_rc "unknown document, doc rm: refused" 1 $A doc rm p.axial 'مصاحبه ۲۱'
check "unknown document, doc rm: did you mean" "axial: no document 'مصاحبه ۲۱'; did you mean «مصاحبه ۱»?" "$ERR"
check_rc "nothing close: refused" 1 $A tag p.axial 'مصاحبه ۱' 'بی‌ربط کامل' 0 3
check "nothing close: no guess" "axial: no code or category 'بی‌ربط کامل'" "$ERR"
check "unknown names: nothing changed" "$before" "$(snap)"
