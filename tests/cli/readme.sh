# readme.sh: every ```sh block in README.md runs as written, from the top of
# a copy of the source tree, with the freshly built axial.
. "$AXIAL_SRC/tests/cli/lib.sh"
W="$T/tree"
mkdir -p "$W/build"
cp -R "$AXIAL_SRC/sample-projects" "$AXIAL_SRC/Makefile" "$AXIAL_SRC/scripts" "$W/"
ln -s "$AXIAL" "$W/build/axial"
for f in "$BUILD"/*.axial; do [ -f "$f" ] && cp "$f" "$W/build/"; done
awk '/^```sh$/ { n++; f = sprintf("'"$T"'/block%02d.sh", n); next }
     /^```/ { f = ""; next }
     f != "" { print > f }' "$AXIAL_SRC/README.md"
nblocks=0
for b in "$T"/block*.sh; do
	nblocks=$((nblocks + 1))
	grep -q '^make \(run\|check\)' "$b" && continue	# the set-up commands themselves
	out=$(cd "$W" && PATH="$(dirname "$AXIAL"):$PATH" BUILD="$W/build" sh -e "$b" 2>&1)
	rc=$?
	if [ $rc = 0 ]; then ok "README block $(basename "$b" .sh) runs"; else
		notok "README block $(basename "$b" .sh) runs" "exit $rc" "$(echo "$out" | tail -5)"; fi
done
check_rc "README has runnable blocks" 0 test "$nblocks" -ge 3
check_match "the walkthrough's agreement table" 'κ' "$(cd "$W" && "$AXIAL" agree rel.axial --coders coder-a,coder-b 2>&1)"
check_match "the walkthrough's retest table" '^total' "$(cd "$W" && "$AXIAL" retest rel.axial --coder coder-a 2>&1)"
