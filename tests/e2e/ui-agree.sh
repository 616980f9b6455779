#!/bin/sh
# ui-agree.sh: the agreement (I), compare (X) and paradigm (T) views of the
# real binary in tmux, on copies of the sample project: the pooled kappa
# shown is axial agree's; it follows another process's coding live; blind
# coding hides the figures (the test-retest view's too, E); settling a
# disagreement in the compare view writes the consensus coding; the
# paradigm view shows the six slots and the saturation chart.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

P="$T/fa.axial"
cp "$BUILD/egov-fa.axial" "$P"
export XDG_CONFIG_HOME="$T/config"	# no user rebindings

# the pooled kappa of `axial agree`'s CSV, as shown: three decimals
pooled() {
	"$AXIAL" agree "$1" --coders coder-a,coder-b --format csv |
	    awk -F, '$2 == "pooled" { printf "%.3f\n", $21 }'
}
expect=$(pooled "$P")
[ -n "$expect" ] || notok "axial agree gives a pooled kappa" "$(pooled "$P")"

# the pooled AC1 of the same CSV (Gwet 2008), to d decimals
pooled_ac1() {
	"$AXIAL" agree "$P" --coders coder-a,coder-b --format csv |
	    awk -F, -v d="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "ac1") c = i }
		$2 == "pooled" { printf "%.*f\n", d, $c }'
}
ac1=$(pooled_ac1 3)

start "TERM=xterm-256color '$AXIAL' '$P' --as coder-a"
check_screen "opens" "codes ("
keys =
check_screen "the agreement pane has AC1 beside kappa ($(pooled_ac1 2))" "AC1  $(pooled_ac1 2)"
keys =
keys I
check_screen "I opens the agreement view on coder-a and coder-b" "agreement: A coder-a, B coder-b"
check_screen "pooled kappa as axial agree has it ($expect)" "kappa $expect  95% CI ["
check_screen "the interval names its method" "] bootstrap by document"
check_screen "its Landis & Koch band" "band: substantial (Landis & Koch 1977)"
check_screen "the unit and N" "unit paragraph  N 13400"
check_screen "percent and positive agreement" "agreement 99.3%  positive agreement 72.0%"
check_screen "a per-code table, worst first" "worst first"
check_screen "pooled AC1 as axial agree has it ($ac1)" "Gwet's AC1 $ac1  95% t interval ["
check_screen "prevalence and AC1 columns beside kappa" "kappa    prev      AC1  %agr"
# the worst code comes first: its kappa is the smallest on screen
first=$(screen | awk '/worst first/ { getline; print $5; exit }')
min=$(screen | awk '/worst first/ { on = 1; next } on && $5 ~ /^-?[0-9]\.[0-9]+$/ { print $5 }' | sort -g | head -1)
check "the first row has the lowest kappa" "$min" "$first"

# the help screen lists the views' keys under their own heading
keys '?'
check_screen "the help screen opens" "axial workbench: keys"
i=0 heading=no
while [ $i -lt 12 ]; do
	screen | grep -qF "Agreement, compare, paradigm and test-retest views" && heading=yes
	screen | grep -qF "take-a" && break
	top=$(screen | sed -n 3p)
	keys Space
	wait_gone "$top" 2; i=$((i + 1))	# the next page is drawn
done
check "the help screen has the views' heading" yes "$heading"
check_screen "the help screen has the views' keys" "take-a"
keys q
check_screen "q leaves the help, back in the view" "worst first"

# another process codes as coder-b: the figures move, to axial agree's
"$AXIAL" tag "$P" 01-it-director-metro '#3' 0 10 --as coder-b >/dev/null
t0=$(now_ms)
if wait_gone "kappa $expect  95%" 5; then
	ok "the view follows coder-b's coding in another process ($(( $(now_ms) - t0 )) ms)"
else
	notok "the view follows coder-b's coding in another process" "$(screen | grep kappa)"
fi
after=$(pooled "$P")
check_screen "and shows what a fresh axial agree shows ($after)" "kappa $after  95% CI ["

# compare: walk to the first disagreement only coder-a coded and take A's
m=$("$AXIAL" compare "$P" --coders coder-a,coder-b --json | grep -o "\"document\":" | wc -l)
keys X
check_screen "X opens the compare view" "disagreement 1 of $m"
k=$("$AXIAL" compare "$P" --coders coder-a,coder-b | grep -n "only coder-a" | head -1 | cut -d: -f1)
line=$("$AXIAL" compare "$P" --coders coder-a,coder-b | sed -n "${k}p")
code=$(printf '%s\n' "$line" | sed 's/.*only coder-a applied //; s/:  «.*//; s|.*/||')
i=1
while [ "$i" -lt "$k" ]; do keys n; i=$((i + 1)); done
check_screen "n walks to disagreement $k" "disagreement $k of $m: open"
keys a
check_screen "a asks for a note, saying it keeps the code" "here: note? Enter decides, Esc cancels"
literal "coder-b missed it"
keys Enter
check_screen "the first decision seeds the agreed units" "the consensus coding starts with"
check_screen "the counter counts it" "disagreement $k of $m   1 settled, $((m - 1)) left"
line=$("$AXIAL" compare "$P" --coders coder-a,coder-b | sed -n "${k}p")
check_match "axial compare lists it as kept" "only coder-a.*settled: kept" "$line"
"$AXIAL" codings "$P" --coder consensus --json >"$T/cons.json"
check_match "the consensus coding holds A's code" "$code" "$(cat "$T/cons.json")"
check_match "in A's document" "01-it-director-metro" "$(cat "$T/cons.json")"
keys n
check_screen "n goes on to the next one" "disagreement $((k + 1)) of $m"
keys p
check_screen "p comes back" "disagreement $k of $m: settled, kept"

# Enter on the worst code lists just its disagreements (b + c of its row)
keys Escape I
check_screen "back in the agreement view" "worst first"
nd=$(screen | awk '/worst first/ { getline; print $2 + $3; exit }')
keys Enter
check_screen "Enter on a code row compares that code's $nd disagreements" "disagreement 1 of $nd"
keys Escape

# the paradigm model and saturation
keys T
for slot in "Causal conditions" "Central phenomenon" "Contextual conditions" \
    "Intervening conditions" "Strategies" "Consequences"; do
	check_screen "T shows the slot $slot" "$slot"
done
keys s
# one source, never the coders pooled: the consensus the walk above began
check_screen "s shows the saturation chart of the consensus" "source: consensus,"
# the consensus holds the agreed units the first decision seeded plus the
# kept code: as many codes as axial report's saturation table ends with
"$AXIAL" report "$P" --out "$T/sat" --only saturation --format csv --source consensus >/dev/null
ncodes=$(awk -F, 'NR > 1 { n = $6 } END { print n }' "$T/sat/saturation.csv")
check_screen "counting the codes axial report counts ($ncodes)" "codes in all"
check_match "the same number of codes" "; $ncodes codes in all" "$(screen | grep -F 'codes in all')"
keys W
check_screen "W counts the next coder who coded" "source: coder-a,"
check_screen "coder-a's saturation, as axial report --source coder-a has it" \
    "saturation reached at interview 11"
check_screen "with the point marked" "saturation point"
keys Escape
check_screen "Esc goes back to the workbench" "codes ("
keys q
check_screen "quits" "AXIAL-EXIT=0" 5

# blind coding: the views say why, and no figures reach the screen
B="$T/blind.axial"
cp "$BUILD/egov-fa.axial" "$B"
"$AXIAL" blind "$B" start coder-a,coder-b >/dev/null
start "TERM=xterm-256color '$AXIAL' '$B' --as coder-a"
check_screen "blind: opens" "codes ("
keys I
check_screen "blind: the agreement view shows the message" "agreement figures are hidden"
check_screen "blind: the model's reason" "blind coding is on"
if screen | grep -q "kappa [0-9-]"; then notok "blind: no kappa on screen" "$(screen)"
else ok "blind: no kappa on screen"; fi
keys X
check_screen "blind: the compare view is hidden too" "the comparison is hidden"
keys E
check_screen "blind: the test-retest view is hidden too" "test-retest figures are hidden"
if screen | grep -q "[0-9]\.[0-9]%"; then notok "blind: no test-retest percent on screen" "$(screen)"
else ok "blind: no test-retest percent on screen"; fi
keys q
check_screen "blind: quits" "AXIAL-EXIT=0" 5

# three coders with codings: the view asks which two, with the finder
C="$T/three.axial"
cp "$BUILD/egov-fa.axial" "$C"
"$AXIAL" coder add "$C" coder-c --account "$(id -un)" >/dev/null
"$AXIAL" tag "$C" 01-it-director-metro '#3' 0 10 --as coder-c >/dev/null
start "TERM=xterm-256color '$AXIAL' '$C' --as coder-a"
check_screen "three coders: opens" "codes ("
keys I
check_screen "three coders: the finder asks for coder A" "coder A"
literal "coder-b"
keys Enter
check_screen "then for coder B" "coder B"
literal "coder-c"
keys Enter
check_screen "the view compares the two chosen" "agreement: A coder-b, B coder-c"
keys q
check_screen "three coders: quits" "AXIAL-EXIT=0" 5
