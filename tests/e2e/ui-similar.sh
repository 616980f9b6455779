#!/bin/sh
# ui-similar.sh: similar segments (s in the transcript). On a coded
# segment s lists the paragraphs most like it, not yet coded with its
# code, in the order and with the scores `axial similar` gives; a applies
# the code to the row's paragraph as one action, u takes it back, Enter
# goes to the paragraph; off a coded segment s says why it does nothing.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

P="$T/sim.axial"
export XDG_CONFIG_HOME="$T/config"	# no user config
"$AXIAL" init "$P" >/dev/null
printf 'staff trust the new portal\nthe weather was fine\nwe had lunch together\n' >"$T/alpha.txt"
printf 'nobody would trust the portal at first\nthe canteen was closed\nthe staff want a portal they trust\n' >"$T/beta.txt"
"$AXIAL" import "$P" "$T/alpha.txt" "$T/beta.txt" >/dev/null
"$AXIAL" code add "$P" trust >/dev/null
"$AXIAL" tag "$P" alpha trust 0 26 >/dev/null
ncodings() { "$AXIAL" codings "$P" --json | json "len(d)"; }
first() { "$AXIAL" similar "$P" --coding 1 --json | json "$1"; }

want_doc=$(first "d[0]['document']")
want_para=$(first "d[0]['paragraph']")
want_score=$(first "'%.2f' % d[0]['score']")

start "TERM=xterm-256color '$AXIAL' '$P'"
check_screen "opens" "codes ("
keys j s
check_screen "off a coded segment" "no coded segment at the caret"
keys g s
check_screen "s lists the paragraphs like the segment" "like this trust segment"
row=$(screen | grep -F "$want_score" | head -1)
case $row in
*"$want_doc"*"¶$want_para"*) ok "the first row is the CLI's first, with its score" ;;
*) notok "the first row is the CLI's first, with its score" "want $want_score $want_doc ¶$want_para" "$(screen)" ;;
esac
check_screen "the foot says the keys" "a applies the code"
check "nothing is coded by listing" 1 "$(ncodings)"

keys a
check_screen "a applies the code to the row's paragraph" "coded $want_doc ¶$want_para as trust (u undoes)"
check "one coding more" 2 "$(ncodings)"
check "its span is the paragraph" "1" "$("$AXIAL" codings "$P" --json | json "len([c for c in d if c['document']=='$want_doc' and c['code']=='trust'])")"
check_screen "the row is marked" "✓$want_score"
keys a
check_screen "a again says it is done" "already coded here as trust"
check "nothing more is coded" 2 "$(ncodings)"
keys u
check_screen "u takes it back" "undone: tag"
check "the coding is gone" 1 "$(ncodings)"
wait_gone "✓$want_score" 5 && ok "the mark is gone" || notok "the mark is gone" "$(screen)"

keys Enter
wait_gone "like this trust segment" 5 && ok "Enter closes the list" || notok "Enter closes the list" "$(screen)"
check_screen "Enter opens the paragraph's document" "2/2  $want_doc"
keys Escape q
check_screen "quits" "AXIAL-EXIT=0"
