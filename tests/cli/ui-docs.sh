# ui-docs.sh: the man page and the README list exactly the workbench's key
# table (axial keys), so documentation cannot drift from the bindings.
. "$AXIAL_SRC/tests/cli/lib.sh"
export XDG_CONFIG_HOME="$T/config"	# no user rebindings

gen=$("$AXIAL" keys --man)
doc=$(sed -n '/^\.\\" keys-begin/,/^\.\\" keys-end/p' "$AXIAL_SRC/man/axial.1" | sed '1d;$d')
check "man page key bindings match 'axial keys --man'" "$gen" "$doc"
gen=$("$AXIAL" keys --markdown)
doc=$(sed -n '/^<!-- keys-begin/,/^<!-- keys-end/p' "$AXIAL_SRC/README.md" | sed '1d;$d')
check "README key bindings match 'axial keys --markdown'" "$gen" "$doc"
check_match "keys lists the actions" "code-invivo" "$("$AXIAL" keys)"

# rebinding by action name, read from the user's own config dir
mkdir -p "$T/config/axial"
printf 'bind code-apply A\nbind nonsense x\n' >"$T/config/axial/config"
check_rc "keys with a config" 0 "$AXIAL" keys
check_match "a rebinding shows in axial keys" '^  A +code-apply' "$OUT"
check_match "a bad binding is reported with its line" 'config:2: unknown action' "$ERR"
# a line number counts blank lines and comments, as an editor does
printf '# my settings\n\ntheme default\r\n\n  bind nonsense x\nbind code-apply\n' \
    >"$T/config/axial/config"
check_rc "keys with blank lines in the config" 0 "$AXIAL" keys
check_match "the bad binding's own line, past blank ones" 'config:5: unknown action' "$ERR"
check_match "a bind without keys is named on its line" 'config:6: bind ACTION KEY' "$ERR"
printf 'bind code-apply A\n' >"$T/config/axial/config"
check_rc "--defaults ignores the config" 0 "$AXIAL" keys --defaults
check_match "defaults" '^  a Enter +code-apply' "$OUT"

# the README's walkthrough names keys as `KEY` (action): each must be one of
# that action's default keys, so the prose cannot drift from the bindings
"$AXIAL" keys --defaults >"$T/keys.txt"
sed -n '/^## Five minutes/,/^## The workbench/p' "$AXIAL_SRC/README.md" |
    tr '\n' ' ' | grep -o '`[^`]*` *([a-z-]*)' >"$T/walk.txt"
check_match "the walkthrough names keys with their actions" '.' "$(cat "$T/walk.txt")"
bad=""
while IFS= read -r pair; do
	key=$(printf '%s' "$pair" | sed 's/^`\([^`]*\)`.*/\1/')
	act=$(printf '%s' "$pair" | sed 's/.*(\([a-z-]*\))$/\1/')
	keys=$(awk -v a="$act" '{ n = split($0, f, "  +"); if (f[3] == a) print " " f[2] " " }' "$T/keys.txt")
	case $keys in *" $key "*) ;; *) bad="$bad $key($act)" ;; esac
done <"$T/walk.txt"
check "every key in the walkthrough is bound to its action" "" "$bad"
