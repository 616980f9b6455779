#!/bin/sh
# ui-paradigm-narrow.sh: the paradigm view (T) on terminals too narrow for
# its boxes draws the model as a list. An English study made through the
# command line (six slots, 23 categories, 14 links of every built-in type,
# one undirected, one of the study's own with a long name, one category
# name longer than the terminal) is paged through at 80x24 and 50x16 with
# PgDn: every slot title, every category name and every link, its type,
# both ends and the way it goes, is on screen in full somewhere (a text
# wider than the pane wrapped onto the next rows, never cut: no "…" on any
# row), the slots in the model's reading order, the unexplained slot
# flagged and named on the last line, and the title row says which rows
# show. j, k, PgUp, g and G move it; c adds the codes; a 200x50
# terminal still gets the boxes. The Persian seeds' study (seeds_study) at
# 80x24 pages to its end with its flags, and in the Persian interface the
# list is mirrored: titles and link heads on the right.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"
export XDG_CONFIG_HOME="$T/config"	# no user rebindings

P="$T/p.axial"
A=$AXIAL
$A init "$P" >/dev/null
printf 'P1: hello.\n' >"$T/doc.txt"
$A import "$P" "$T/doc.txt" >/dev/null
LONG="Negotiating with family members about quiet hours, shared rooms and the use of the only laptop in the household"
MINE="is a necessary precondition for"
# slot|main category|its sub-categories (;-separated)
cat >"$T/cats" <<EOF
causal|Pandemic lockdown orders|Office closures;Childcare disruption;Employer cost-cutting pressure
central|Abrupt shift to remote work|Blurred boundaries between work and home life;Loss of informal contact with colleagues
contextual|Household and housing conditions|Shared living space;Unreliable home broadband;Caring responsibilities at home
intervening|Organisational support|Manager trust and autonomy;Provision of equipment and stipends;National labour regulations on telework
strategies|Boundary management tactics|Fixed working hours;Dedicated workspace;$LONG
consequences|Outcomes for workers|Improved work-life balance for some;Isolation and loneliness;Intention to stay remote after the pandemic
EOF
: >"$T/names"
while IFS='|' read -r role main subs; do
	$A code add "$P" "$main" --category >/dev/null &&
	    $A code role "$P" "$main" "$role" >/dev/null || notok "category $main"
	echo "$main" >>"$T/names"
	echo "$subs" | tr ';' '\n' | while IFS= read -r sub; do
		$A code add "$P" "$sub" --in "$main" --category >/dev/null ||
		    notok "sub-category $sub"
		echo "$sub" >>"$T/names"
	done
done <"$T/cats"
for c in "Building shut without notice" "Desk clearing weekend"; do
	$A code add "$P" "$c" --in "Office closures" >/dev/null || notok "code $c"
done
$A link type add "$P" "$MINE" >/dev/null || notok "link type $MINE"
# from|type as the CLI takes it|to|type as shown|undirected
cat >"$T/links" <<EOF
Pandemic lockdown orders|causes|Abrupt shift to remote work|causes|
Office closures|causes|Abrupt shift to remote work|causes|
Childcare disruption|causes|Blurred boundaries between work and home life|causes|
Shared living space|context|Boundary management tactics|is the context of|
Unreliable home broadband|context|Loss of informal contact with colleagues|is the context of|
Manager trust and autonomy|intervenes|Fixed working hours|intervenes in|
Provision of equipment and stipends|intervenes|Dedicated workspace|intervenes in|
Boundary management tactics|strategy|Abrupt shift to remote work|is a strategy for|
Fixed working hours|strategy|Blurred boundaries between work and home life|is a strategy for|
Abrupt shift to remote work|leads-to|Outcomes for workers|leads to|
Dedicated workspace|leads-to|Improved work-life balance for some|leads to|
Isolation and loneliness|contradicts|Improved work-life balance for some|contradicts|u
Office closures|part-of|Pandemic lockdown orders|is part of|
Caring responsibilities at home|$MINE|$LONG|$MINE|
EOF
while IFS='|' read -r from type to shown und; do
	if [ -n "$und" ]; then
		$A link add "$P" "$from" "$to" --type "$type" --undirected >/dev/null
	else
		$A link add "$P" "$from" "$to" --type "$type" >/dev/null
	fi || notok "link $from $type $to"
done <"$T/links"
check "23 categories" 23 "$(wc -l <"$T/names" | tr -d ' ')"
check "14 links" 14 "$($A links "$P" --json | json 'len(d)')"

# indicator: the title row's "FIRST–LAST/ROWS", or "" when all rows show
indicator() { screen | head -1 | grep -o '[0-9]*–[0-9]*/[0-9]*' | tail -1; }
# wait_indicator OLD: until the indicator is not OLD; prints the new one
wait_indicator() {
	_n=0
	while [ "$(indicator)" = "$1" ] && [ $_n -lt 50 ]; do sleep 0.1; _n=$((_n + 1)); done
	indicator
}
# wait_top: until the list shows its first row; prints the indicator
wait_top() {
	_n=0
	while ! indicator | grep -q '^1–' && [ $_n -lt 50 ]; do sleep 0.1; _n=$((_n + 1)); done
	indicator
}
# pages FILE: from the top, every page of the list, each screen after a
# line "=== FIRST LAST ROWS"; stops on the page that shows the last row
pages() {
	: >"$1"
	keys g
	_ind=$(wait_top)
	_n=0
	while [ $_n -lt 60 ]; do
		case $_ind in *–*/*) ;; *) notok "a page has its indicator" "$(screen)"; return ;; esac
		_a=${_ind%%–*}; _rest=${_ind#*–}; _b=${_rest%/*}; _all=${_rest#*/}
		echo "=== $_a $_b $_all" >>"$1"
		screen >>"$1"
		[ "$_b" = "$_all" ] && return
		keys NPage
		_ind=$(wait_indicator "$_ind")
		_n=$((_n + 1))
	done
	notok "paging reaches the end" "still at $_ind after 60 pages"
}
# The rows of the list put together from the pages, then each check (the
# python below) as "ok"/"not ok" lines: row r of the list is screen line
# 2 + r - FIRST of a page that shows it.
cat >"$T/figure.py" <<'EOF'
import sys
pages, names, links, width = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
rows, screens, cur = {}, [], None
for line in open(pages, encoding="utf-8").read().rstrip("\n").split("\n"):
    if line.startswith("=== "):
        a, b, n = map(int, line.split()[1:])
        cur = {"a": a, "b": b, "lines": []}
        screens.append(cur)
    elif cur is not None:
        cur["lines"].append(line)
total = screens[-1]["b"] if screens else 0
for s in screens:
    for r in range(s["a"], s["b"] + 1):
        rows[r] = s["lines"][1 + r - s["a"]]
def check(name, good, *evidence):
    print(("ok - " if good else "not ok - ") + name)
    if not good:
        for e in evidence:
            print("    " + str(e))
check("the pages show every row once put together (%d rows)" % total,
      total > 0 and sorted(rows) == list(range(1, total + 1)), sorted(rows))
fig = [rows[r] for r in sorted(rows)]
# the rows' lines (the title row and the foot are labels, cut to fit)
cut = [l for s in screens for l in s["lines"][1:2 + s["b"] - s["a"]]
       if "\u2026" in l]
check("no row is cut with \u2026", not cut, *cut)
wide = [l for l in fig if len(l) > width]
check("no row is wider than the terminal", not wide, *wide)
flat = " ".join(" ".join(l.split()) for l in fig)
order = ["Causal conditions", "Central phenomenon", "Contextual conditions",
         "\u26a0 Intervening conditions", "Strategies", "Consequences"]
at = []
for t in order:
    hit = [i for i, l in enumerate(fig) if l.strip().startswith(t + " \u2500")]
    check("the slot title " + t + " with its rule", len(hit) == 1, hit)
    at.append(hit[0] if hit else -1)
check("the slots in the model's reading order", at == sorted(at) and -1 not in at, at)
for n in open(names, encoding="utf-8").read().splitlines():
    if len(n) <= width - 6:
        check("the category in full on a row: " + n,
              any(l.strip() == n for l in fig))
    else:
        check("the long category in full, wrapped over rows: " + n[:30],
              n in flat and not any(n in l for l in fig))
slot = {}
for t, n in zip(order, [l.split("|") for l in open(sys.argv[5], encoding="utf-8").read().splitlines()]):
    for c in [n[1]] + n[2].split(";"):
        slot[c] = t.replace("\u26a0 ", "")
for l in open(links, encoding="utf-8").read().splitlines():
    f, _, t, shown, und = l.split("|")
    far = lambda a, b: "" if slot[a] == slot[b] else " (%s)" % slot[b]
    if und:
        outs = ["\u2014 %s \u2014 %s%s" % (shown, t, far(f, t)),
                "\u2014 %s \u2014 %s%s" % (shown, f, far(t, f))]
    else:
        outs = ["\u25b6 %s \u2192 %s%s" % (shown, t, far(f, t)),
                "\u25c0 %s \u2190 %s%s" % (shown, f, far(t, f))]
    for o in outs:
        check("the link in full: " + o, o in flat)
    check("its type label whole at the head of a row: " + shown,
          any(l.strip().startswith(outs[0][:2] + shown + " ") for l in fig))
EOF
figure() {	# figure PAGES WIDTH: the checks above
	python3 "$T/figure.py" "$1" "$T/names" "$T/links" "$2" "$T/cats"
}

start "TERM=xterm-256color '$A' '$P'"
$TM resize-window -t t -x 80 -y 24
check_screen "the workbench opens" "codes ("
check "the terminal is 80x24" "80x24" "$($TM display -p -t t '#{window_width}x#{window_height}')"
keys T
check_screen "T at 80x24 shows the model as a list" "Causal conditions ──"
check_screen "its title row names the keys" "j/k scroll"
screen >"$T/first-page"
check "the title row says rows 1 to 20 show" "1–20" "$(indicator | cut -d/ -f1)"
check_screen "the first slot's category under its title" "  Pandemic lockdown orders"
check_screen "a link under it in full" "▶ causes → Abrupt shift to remote work (Central phenomenon)"
check_screen "the unexplained slot named on the last line" \
    "Unexplained: Intervening conditions (no link to the central phenomenon)."
check "no box is drawn" "" "$(screen | grep -F '┌')"

pages "$T/p80"
figure "$T/p80" 80
last=$(indicator)
keys k
up=$(wait_indicator "$last")
check "k scrolls up a row" "$(( ${last%%–*} - 1 ))" "${up%%–*}"
keys G
check "G shows the last rows again" "$last" "$(wait_indicator "$up")"
keys g
top=$(wait_indicator "$last")
check "g goes back to the top" "1–20/${last#*/}" "$top"
keys j
down=$(wait_indicator "$top")
check "j scrolls down a row" "2–21/${last#*/}" "$down"
keys NPage
pg=$(wait_indicator "$down")
keys PPage
check "PgUp goes back a page" "$down" "$(wait_indicator "$pg")"

# c: the codes under their categories, the list longer
keys g c
check_screen "c lists the codes" "Building shut without notice"
check "the list has the two codes more" "$(( ${last#*/} + 2 ))" "$(indicator | cut -d/ -f2)"
keys c
wait_gone "Building shut without notice" 5
check "c again hides them" "${last#*/}" "$(indicator | cut -d/ -f2)"

# 50 columns: more rows, still nothing cut
$TM resize-window -t t -x 50 -y 16
check "the terminal is 50x16" "50x16" "$($TM display -p -t t '#{window_width}x#{window_height}')"
check_screen "at 50x16 the list again" "Causal conditions ──"
pages "$T/p50"
figure "$T/p50" 50

# a wide terminal: the boxes, their arrows, no list
$TM resize-window -t t -x 200 -y 50
check_screen "at 200x50 the boxes" "│Causal conditions"
check_screen "with the arrows between them" "──▶│"
check_screen "a link under its category" "▶ causes: Abrupt shift to remote work"
check "no rows indicator over the boxes" "" "$(indicator)"
check "no list rule" "" "$(screen | grep -F 'Causal conditions ──')"
$TM resize-window -t t -x 80 -y 24
check_screen "back at 80x24, the list where it was" "Consequences ──"
keys Escape
check_screen "Esc goes back to the workbench" "codes ("
keys q
check_screen "quits" "AXIAL-EXIT=0" 5

# ---- the Persian seeds' study at 80x24
S="$T/seeds.axial"
if seeds_study "$S"; then
	start "TERM=xterm-256color '$A' '$S'"
	$TM resize-window -t t -x 80 -y 24
	check_screen "the seeds' study opens" "codes ("
	keys T
	check_screen "its model as a list" "Causal conditions ──"
	check_screen "the unexplained slot named" \
	    "Unexplained: Intervening conditions (no link to the central phenomenon)."
	pages "$T/pfa"
	if grep -q '⚠ Intervening conditions ──' "$T/pfa"; then
		ok "paging shows the intervening conditions flagged"
	else notok "paging shows the intervening conditions flagged" "$(cat "$T/pfa")"; fi
	check "and no other slot" "" "$(grep -F '⚠' "$T/pfa" | grep -vF 'Intervening conditions')"
	check "nothing is cut" "" "$(grep -F '…' "$T/pfa" | grep -vF 'Unexplained')"
	ind=$(tail -n +1 "$T/pfa" | grep '^===' | tail -1)
	set -- $ind
	check "paging reaches the last row" "$4" "$3"
	check "the last page holds the last slot" 1 \
	    "$(sed -n "/^=== $2 $3 $4/,\$p" "$T/pfa" | grep -c 'Consequences ──' | tr -d ' ')"
	for t in 'causes' 'is the context of' 'intervenes in' 'is a strategy for' \
	    'leads to' 'is part of' 'contradicts'; do
		if grep -qF -- "▶ $t → " "$T/pfa" || grep -qF -- "— $t — " "$T/pfa"; then
			ok "the type $t whole at a link's head"
		else notok "the type $t whole at a link's head" "$(cat "$T/pfa")"; fi
	done
	keys q
	check_screen "quits" "AXIAL-EXIT=0" 5

	# the Persian interface: mirrored, titles and link heads on the right
	visual() { printf '%s\n' "$1" | "$A" cat --dir rtl --width 400 - | sed 's/^ *//'; }
	start "env -u LC_ALL -u LANGUAGE LANG=fa_IR.UTF-8 TERM=xterm-256color '$A' '$S'"
	$TM resize-window -t t -x 80 -y 24
	keys T
	causal=$(visual "شرایط علی")
	check_screen "the Persian list" "$causal"
	row=$(screen | grep -F -- "$causal" | head -1)
	check_match "a slot's title on the right, its rule on its left" "^ ─+ $causal\$" "$row"
	check_match "a link's head on the right" '◀$' "$(screen | grep -F '◀' | head -1)"
	pages "$T/pfa2"
	flag=$(grep -F -- "$(visual "شرایط مداخله‌گر")" "$T/pfa2" | grep -F '⚠' | head -1)
	check_match "the unexplained slot flagged on the right" "^ ─+ .*⚠\$" "$flag"
	keys q
	check_screen "quits" "AXIAL-EXIT=0" 5
fi
