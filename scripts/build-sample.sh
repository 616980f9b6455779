#!/bin/bash
# build-sample.sh AXIAL DIR OUT: builds a sample project from the reviewable
# text files in DIR (format: sample-projects/README.md) using only axial's
# own commands, into OUT. Builds into a temp file and renames it, so OUT is
# either the complete project or absent.
set -euo pipefail
AX=$1 DIR=$2 OUT=$3
TMP="$OUT.building"
rm -f "$TMP" "$TMP-wal" "$TMP-shm"
trap 'rm -f "$TMP" "$TMP-wal" "$TMP-shm"' EXIT
me=$(id -un)

field() { sed -n "s/^$1:[[:space:]]*//p" "$DIR/project.txt" | head -n 1; }

"$AX" init "$TMP" --title "$(field title)" >/dev/null

# Coders: "login Display Name, login2 Display Name 2", tied to this account
# so that the build can act as each of them.
IFS=',' read -ra coders <<<"$(field coders)"
for c in "${coders[@]}"; do
	c=$(echo "$c" | sed 's/^[[:space:]]*//; s/[[:space:]]*$//')
	[ -n "$c" ] || continue
	login=${c%% *}
	name=${c#* }
	"$AX" coder add "$TMP" "$login" --name "$name" --account "$me"
done

# Documents in interview order (file names sort by their NN- prefix).
docs=()
for f in "$DIR"/docs/*.txt; do docs+=("$f"); done
"$AX" import "$TMP" "${docs[@]}" >/dev/null
if [ -f "$DIR/attributes.csv" ]; then
	"$AX" attr "$TMP" --csv "$DIR/attributes.csv"
fi

# Codebook: two spaces per level; "+ Category [role] :: definition",
# "- code :: definition".
declare -a parent_at
while IFS= read -r line || [ -n "$line" ]; do
	case $line in ''|'#'*) continue ;; esac
	stripped=${line#"${line%%[![:space:]]*}"}
	depth=$(( (${#line} - ${#stripped}) / 2 ))
	kind=${stripped:0:1}
	rest=${stripped:2}
	def=""
	case $rest in *' :: '*) def=${rest#* :: }; rest=${rest%% :: *} ;; esac
	role=""
	if [[ $rest =~ ^(.*)\ \[([a-z]+)\]$ ]]; then
		rest=${BASH_REMATCH[1]}
		role=${BASH_REMATCH[2]}
	fi
	args=("$TMP" "$rest")
	[ "$kind" = "+" ] && args+=(--category)
	[ "$depth" -gt 0 ] && args+=(--in "${parent_at[$((depth - 1))]}")
	[ -n "$def" ] && args+=(--def "$def")
	id=$("$AX" code add "${args[@]}")
	parent_at[$depth]=$id
	[ -n "$role" ] && "$AX" code role "$TMP" "$id" "$role"
done <"$DIR/codebook.txt"

# Codings: document<TAB>code<TAB>quote[<TAB>occurrence], one file per coder.
for f in "$DIR"/codings/*.tsv; do
	[ -f "$f" ] || continue
	coder=$(basename "$f" .tsv)
	case $coder in	# a second pass (test-retest) is its own coder
	*-retest) "$AX" coder add "$TMP" "$coder" --name "$coder" --account "$me" ;;
	esac
	first=1
	while IFS=$'\t' read -r doc code quote nth || [ -n "$doc" ]; do
		if [ $first = 1 ]; then first=0; continue; fi
		[ -n "$doc" ] || continue
		"$AX" tag "$TMP" "$doc" "$code" --quote "$quote" --nth "${nth:-1}" \
		    --as "$coder" >/dev/null
	done <"$f"
done

# Memos: "## code: NAME", "## doc: NAME", "## free: TITLE", then text lines.
if [ -f "$DIR/memos.txt" ]; then
	kind="" ref="" body=""
	flush() {
		[ -n "$kind" ] || return 0
		case $kind in
		code) "$AX" memo add "$TMP" "$body" --on "code:$ref" --type code >/dev/null ;;
		doc) "$AX" memo add "$TMP" "$body" --on "document:$ref" >/dev/null ;;
		free) "$AX" memo add "$TMP" "$body" --title "$ref" --type theoretical >/dev/null ;;
		esac
	}
	while IFS= read -r line || [ -n "$line" ]; do
		if [[ $line =~ ^##\ (code|doc|free):\ (.*)$ ]]; then
			flush
			kind=${BASH_REMATCH[1]} ref=${BASH_REMATCH[2]} body=""
		elif [ -n "$kind" ]; then
			body=${body:+$body$'\n'}$line
		fi
	done <"$DIR/memos.txt"
	flush
fi

mv "$TMP" "$OUT"
rm -f "$TMP-wal" "$TMP-shm"
trap - EXIT
