# log-names.sh: `axial log` says what each action touched by name, not by
# id: the code and document of a coding with its range, the name of a code
# or document added, renamed or removed; a row deleted since is named from
# its logged before-image. --json carries the same as "detail".
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL

$A init p.axial >/dev/null
printf 'P1: سلام دنیا. کار کردن سخت است.\n' >'مصاحبه.txt'
$A import p.axial 'مصاحبه.txt' >/dev/null
$A code add p.axial 'یکی' >/dev/null
$A code add p.axial 'کار' >/dev/null
$A tag p.axial 'مصاحبه' 'یکی' 4 8 >/dev/null
$A tag p.axial 'مصاحبه' 'کار' 15 23 >/dev/null
$A code rename p.axial 'یکی' 'دو' >/dev/null

# line WHAT: the log's line whose action is WHAT, from the action on
line() { $A log p.axial | sed -n "s/^[0-9]* *[0-9-]* [0-9:]*  [^ ]*  //p" | grep -m1 "^$1"; }

check "log: a tag names its code, document and range" \
	"tag «کار» in «مصاحبه» [15,23)  (1 changes)" "$(line 'tag «کار»')"
check "log: the code renamed since goes by its name now" \
	"tag «دو» in «مصاحبه» [4,8)  (1 changes)" "$(line 'tag «دو»')"
check "log: a rename says from what to what" \
	"code rename «یکی» → «دو»  (1 changes)" "$(line 'code rename')"
check "log: an import names its document" \
	"import «مصاحبه»  (2 changes)" "$(line 'import')"

# removed since: the names come from the logged before-images
$A code rm p.axial 'کار' >/dev/null
$A doc rm p.axial 'مصاحبه' >/dev/null
check "log: a removed code's coding still names it" \
	"tag «کار» in «مصاحبه» [15,23)  (1 changes)" "$(line 'tag «کار»')"
check_match "log: code remove names the code" '^code remove «کار»' "$(line 'code remove')"
check_match "log: doc remove names the document" '^document remove «مصاحبه»' "$(line 'document remove')"
check_match "log --json: detail" '"action":"tag","detail":"«کار» in «مصاحبه» \[15,23\)"' \
	"$($A log p.axial --json)"
