# fixtures.sh: the repository stands alone. Every file under tests/fixtures
# is listed in its folder's PROVENANCE.md with its true size and SHA-256;
# nothing tracked points outside the repository; every design document a
# comment or page cites exists, and so does the section it names.
. "$AXIAL_SRC/tests/cli/lib.sh"
# FIXTURES_ROOT: the tree to check (the test checks a planted one too)
cd "${FIXTURES_ROOT:-$SRC}" || exit 1

# files: the tracked files when this is a git checkout, else all of them
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	git ls-files >"$T/files"
else
	find . -type f ! -path './build*' ! -path './.git/*' | sed 's|^\./||' >"$T/files"
fi
check_match "the file list is not empty" 'Makefile' "$(cat "$T/files")"

# ---- provenance: one PROVENANCE.md per folder, one row per file
python3 - "$T/files" >"$T/prov" <<'PY'
import hashlib, os, re, sys
files = [l.rstrip("\n") for l in open(sys.argv[1]) if l.startswith("tests/fixtures/")]
folders = sorted({os.path.dirname(f) for f in files})
for d in folders:
    p = os.path.join(d, "PROVENANCE.md")
    if not os.path.isfile(p):
        print("no PROVENANCE.md in %s" % d); continue
    rows = {}
    for line in open(p, encoding="utf-8"):
        m = re.match(r"\| `([^`/]+)` \| ([0-9]+) \| `([0-9a-f]{64})` \|", line)
        if m:
            rows[m.group(1)] = (int(m.group(2)), m.group(3))
    for f in files:
        if os.path.dirname(f) != d or os.path.basename(f) == "PROVENANCE.md":
            continue
        n = os.path.basename(f)
        if n not in rows:
            print("%s: not listed in %s" % (f, p)); continue
        b = open(f, "rb").read()
        if rows[n] != (len(b), hashlib.sha256(b).hexdigest()):
            print("%s: %d bytes, SHA-256 %s; %s says %d, %s" % (f, len(b),
                  hashlib.sha256(b).hexdigest(), p, rows[n][0], rows[n][1]))
    for n in rows:
        if not os.path.isfile(os.path.join(d, n)):
            print("%s lists %s, which is not there" % (p, n))
PY
check "every fixture listed with its size and checksum" "" "$(cat "$T/prov")"
check_match "the REFI-QDA schemas are among them" 'Project-mrt2019.xsd' "$(grep '^tests/fixtures/' "$T/files")"

# ---- nothing points outside the repository
outside=$(tr '\n' '\0' <"$T/files" | xargs -0 grep -In -e '\.\./shared' 2>/dev/null | head -5)
check "no tracked file refers to a folder beside the repository" "" "$outside"

# ---- every cited document and section exists
python3 - "$T/files" >"$T/refs" <<'PY'
import os, re, sys
files = [l.rstrip("\n") for l in open(sys.argv[1])]
text_ext = (".c", ".h", ".sh", ".py", ".md", ".1", ".mk", "Makefile", "run")
heads = {}
def sections(doc):
    if doc not in heads:
        s = set()
        if os.path.isfile(doc):
            for line in open(doc, encoding="utf-8"):
                m = re.match(r"#{2,4} ([0-9]+(?:\.[0-9]+)*)\.? ", line)
                if m:
                    s.add(m.group(1))
        heads[doc] = s if os.path.isfile(doc) else None
    return heads[doc]
cite = re.compile(r"(docs/[A-Za-z0-9_-]+\.md)((?:,? ?§[0-9]+(?:\.[0-9]+)*)*)")
bare = re.compile(r"(?<![/%\w-])([a-z][a-z-]*\.md) (?:§|section )[0-9]")
for f in files:
    if not f.endswith(text_ext) or f.startswith("tests/fixtures/"):
        continue
    try:
        lines = open(f, encoding="utf-8").read().split("\n")
    except (UnicodeDecodeError, FileNotFoundError):
        continue
    for i, line in enumerate(lines, 1):
        for m in cite.finditer(line):
            doc, secs = m.group(1), m.group(2)
            have = sections(doc)
            if have is None:
                print("%s:%d: %s does not exist" % (f, i, doc)); continue
            for n in re.findall(r"§([0-9]+(?:\.[0-9]+)*)", secs):
                if n not in have:
                    print("%s:%d: %s has no section %s" % (f, i, doc, n))
        for m in bare.finditer(line):
            print("%s:%d: cites %s without its path under docs/" % (f, i, m.group(1)))
PY
check "every cited document and section exists" "" "$(cat "$T/refs")"
for d in architecture bidi agreement exchange security theory; do
	check_rc "docs/$d.md exists" 0 test -s "docs/$d.md"
	check_match "README links docs/$d.md" "docs/$d\.md" "$(cat README.md)"
done

# ---- the checker itself fails on what it must catch (once, not inside itself)
[ -n "${FIXTURES_INNER:-}" ] && exit 0
mkdir -p "$T/bad/docs" "$T/bad/tests/fixtures/x"
printf '# t\n## 1. One\n' >"$T/bad/docs/"a.md
printf '/* see docs/%s.md §1, docs/%s.md §2, %s.md §3 and ../%s/x */\n' a a bidi shared >"$T/bad/x.c"
printf 'data' >"$T/bad/tests/fixtures/x/f.txt"
(cd "$T/bad" && git init -q . && git add -A) >/dev/null 2>&1
bad=$(cd "$T/bad" && FIXTURES_INNER=1 FIXTURES_ROOT="$T/bad" sh "$SRC/tests/cli/fixtures.sh" 2>&1)
check_match "a planted missing section fails" 'x\.c:1: docs/a\.md has no section 2' "$bad"
check "an existing section passes" "" "$(printf '%s\n' "$bad" | grep 'no section 1')"
check_match "a citation without its path fails" 'x\.c:1: cites bidi\.md without its path' "$bad"
check_match "a path beside the repository fails" 'not ok - no tracked file refers' "$bad"
check_match "a fixture folder without PROVENANCE.md fails" 'no PROVENANCE.md in tests/fixtures/x' "$bad"
