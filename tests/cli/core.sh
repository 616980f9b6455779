# core.sh: the command line as a user scripts it: output, exit status,
# messages for bad input, and what ends up in the project.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL

check_rc "version" 0 $A --version
check_match "version text" '^axial [0-9]+\.[0-9]+' "$OUT"
check_rc "help" 0 $A --help
check_match "help lists tag" 'tag +apply a code' "$OUT"
check_rc "no arguments is a usage error" 2 $A
check_rc "unknown option" 2 $A --frobnicate
check_rc "command help" 0 $A tag --help
check_match "tag help shows --quote" -- '--quote' "$OUT"
check_rc "usage error exit 2" 2 $A tag
check_match "usage line" '^usage: axial tag' "$ERR"
check_rc "unknown command option" 2 $A docs p.axial --bogus
# a word that is no command, before a project: said, not a crash
check_rc "unknown command before a project" 2 $A frobnicate p.axial
check_match "unknown command message" "^axial: unknown command 'frobnicate'" "$ERR"

check_rc "init" 0 $A init p.axial --title "Pilot study"
check "init output" "created p.axial" "$OUT"
check_rc "init refuses an existing file" 1 $A init p.axial
check "init message" "axial: p.axial: already exists" "$ERR"

printf 'Interviewer: What held the project back?\nP1: We had no integrated system (ERP) until 2019, about 35%% of cases.\n' >i1.txt
printf '\357\273\277Interviewer: And now?\r\nP2: Still paper forms.\r\n' >i2.txt
printf 'پرسشگر: مشکل اصلی چیست؟\nمصاحبه‌شونده: سامانه‌ها یکپارچه نیستند و API ندارند.\n' >i3.txt
check_rc "import three" 0 $A import p.axial i1.txt i2.txt i3.txt
check_match "import reports characters" 'imported i1 \(#1, 111 characters\)' "$OUT"
check_rc "docs" 0 $A docs p.axial --json
check_match "docs json: CRLF and BOM gone" '"name":"i2","characters":45' "$(echo "$OUT" | tr -d ' ' | sed 's/"id":[0-9]*,"position":[0-9]*,//g')"
check_rc "doc text" 0 $A doc text p.axial i2
check "stored text is LF, no BOM" "$(printf 'Interviewer: And now?\nP2: Still paper forms.')" "$OUT"

# bad input to import: clear message, nothing imported, exit 1
printf 'good line\nbad \300\257 byte\n' >bad.txt
check_rc "invalid UTF-8 refused" 1 $A import p.axial bad.txt
check "invalid UTF-8 message" "axial: bad.txt: invalid UTF-8 at line 2, byte offset 14" "$(echo "$ERR" | head -1)"
printf 'abc\000def' >nul.txt
check_rc "NUL refused" 1 $A import p.axial nul.txt
check_match "NUL message" 'nul.txt: a NUL character at line 1, byte offset 3' "$ERR"
check_rc "missing file" 1 $A import p.axial nothere.txt
check "missing file message" "axial: nothere.txt: No such file or directory" "$(echo "$ERR" | head -1)"
cp i1.txt i4.txt
check_rc "all or nothing" 1 $A import p.axial i4.txt bad.txt
check_match "says nothing imported" 'nothing was imported' "$ERR"
check_rc "duplicate name" 1 $A import p.axial i1.txt
check "duplicate message" "axial: a document named 'i1' already exists" "$ERR"
check "still three documents" 3 "$($A docs p.axial | wc -l)"

# project file problems
echo "not a database at all, just text that is long enough" >junk.axial
check_rc "not a project" 1 $A docs junk.axial
check "not a project message" "axial: junk.axial: not an axial project (not an SQLite database)" "$ERR"
check_rc "missing project" 1 $A docs none.axial
check "missing project message" "axial: none.axial: No such file or directory" "$ERR"
cp p.axial newer.axial
sqlite3 newer.axial 'PRAGMA user_version = 1000'
check_rc "newer version" 1 $A docs newer.axial
check_match "newer version message" 'made by a newer axial \(project format 1000' "$ERR"

# code tree
check_rc "category" 0 $A code add p.axial "Causal conditions" --category
check_rc "role" 0 $A code role p.axial "Causal conditions" causal
check_rc "bad role" 1 $A code role p.axial "Causal conditions" sideways
check_match "bad role message" "unknown role 'sideways'" "$ERR"
check_rc "sub-category" 0 $A code add p.axial "Technical" --category --in "Causal conditions"
check_rc "code" 0 $A code add p.axial "no integrated system" --in Technical --def "No shared system across units"
check_rc "second code" 0 $A code add p.axial "paper forms"
check_rc "Persian code" 0 $A code add p.axial "نبود یکپارچگی" --in Technical
check_rc "duplicate code" 1 $A code add p.axial "paper forms"
check "duplicate code message" "axial: 'paper forms' already exists in the top level" "$ERR"
check_rc "code with an escape" 1 $A code add p.axial "$(printf 'evil\033]0;title\007')"
check_match "escape message" 'control character' "$ERR"
check_rc "move" 0 $A code move p.axial "paper forms" Technical
check_rc "cycle" 1 $A code move p.axial "Causal conditions" Technical
check "cycle message" "axial: cannot move 'Causal conditions' under 'Causal conditions/Technical': it would be inside itself" "$ERR"
check_rc "move under a code" 1 $A code move p.axial Technical "paper forms"
check_match "move under a code message" 'is a code, not a category' "$ERR"
check_rc "codes" 0 $A codes p.axial
check "tree" "+ Causal conditions [causal]  #1
  + Technical  #2
    - no integrated system (0)  #3
    - نبود یکپارچگی (0)  #5
    - paper forms (0)  #4" "$OUT"

# the simple tree commands
check_rc "code rename" 0 $A code add p.axial "temp code"
check_rc "rename" 0 $A code rename p.axial "temp code" "renamed code"
check_match "renamed" '^- renamed code \(0\)' "$($A codes p.axial)"
check_rc "colour" 0 $A code color p.axial "renamed code" "#AA3300"
check_rc "bad colour" 1 $A code color p.axial "renamed code" red
check "bad colour message" "axial: colour must be #rrggbb, not 'red'" "$ERR"
check_rc "define" 0 $A code define p.axial "renamed code" "A code made to be merged"
check_match "colour and definition stored" '"name":"renamed code".*"color":"#aa3300".*"definition":"A code made to be merged"' "$($A codes p.axial --json)"
check_rc "merge into itself refused" 1 $A code merge p.axial "renamed code" "renamed code"
check_rc "rm" 0 $A code rm p.axial "renamed code"
check_rc "gone" 1 $A code rename p.axial "renamed code" x
check "rm'd code not found" "axial: no code or category 'renamed code'" "$ERR"
check_rc "rm undone" 0 $A undo p.axial
check_match "back after undo" 'renamed code' "$($A codes p.axial)"
check_rc "rm it again" 0 $A code rm p.axial "renamed code"

# coding
check_rc "tag by offsets" 0 $A tag p.axial i1 "no integrated system" 55 78
check "tag output" "#1 55 78" "$OUT"
check_rc "tag by quote" 0 $A tag p.axial i3 "نبود یکپارچگی" --quote "یکپارچه نیستند"
check "quote offsets are code points" "#2 48 62" "$OUT"
check_rc "tag by path" 0 $A tag p.axial i2 "Causal conditions/Technical/paper forms" --quote "paper forms"
check_rc "out of range" 1 $A tag p.axial i1 "paper forms" 100 200
check "out of range message" "axial: span 100..200 is out of range (the document has 111 characters; offsets are 0-based, end exclusive)" "$ERR"
check_rc "empty span" 1 $A tag p.axial i1 "paper forms" 5 5
check_match "empty span message" 'is empty' "$ERR"
check_rc "a category is applied like a code" 0 $A tag p.axial i1 Technical 0 3
check_rc "and untagged" 0 $A untag p.axial "$(echo "$OUT" | cut -d' ' -f1 | tr -d '#')"
check_rc "unknown code" 1 $A tag p.axial i1 nothing 0 3
check "unknown code message" "axial: no code or category 'nothing'" "$ERR"
check_rc "unknown document" 1 $A tag p.axial i9 "paper forms" 0 3
check "unknown document message" "axial: no document 'i9'; did you mean «i1»?" "$ERR"
check_rc "non-numeric offsets" 2 $A tag p.axial i1 "paper forms" a b
check_rc "codings json" 0 $A codings p.axial --json
check_match "coding text in json" '"text":"integrated system \(ERP\)"' "$OUT"
check_match "Persian coding text" '"text":"یکپارچه نیستند"' "$OUT"
check_rc "codings by code" 0 $A codings p.axial --code "paper forms"
check "one coding of paper forms" 1 "$(echo "$OUT" | wc -l)"

# acting as another coder needs the owner's say
check_rc "act as unknown coder" 1 $A tag p.axial i1 "paper forms" 0 3 --as coder-b
check_match "act as message" "cannot act as coder 'coder-b'" "$ERR"
check_rc "owner ties coder-b" 0 $A coder add p.axial coder-b --name "Coder B" --account "$(id -un)"
check_rc "tag as coder-b" 0 $A tag p.axial i1 "paper forms" 0 11 --as coder-b
check_rc "untag another's coding" 1 $A untag p.axial 1 --as coder-b
check_match "untag message" "only they can change it" "$ERR"
check_rc "coders" 0 $A coders p.axial --json
check_match "coder-b listed" '"login":"coder-b","name":"Coder B"' "$OUT"

# undo and redo, per coder
check_rc "undo as coder-b" 0 $A undo p.axial --as coder-b
check "undo says what" "undid tag" "$OUT"
check "coder-b's coding gone" 3 "$($A codings p.axial | wc -l)"
check_rc "redo" 0 $A redo p.axial --as coder-b
check "back" 4 "$($A codings p.axial | wc -l)"
check_rc "nothing more to redo" 1 $A redo p.axial --as coder-b
check "nothing message" "axial: nothing to redo" "$ERR"
check_rc "undo move" 0 $A code move p.axial "paper forms" --top
check_rc "undo it" 0 $A undo p.axial
check_match "paper forms back in Technical" '^    - paper forms' "$($A codes p.axial)"
check_rc "log" 0 $A log p.axial --json --limit 3
check_match "log shows the undo" '"kind":"undo"' "$OUT"

# attributes and memos
printf 'document,key,value\ni1,gender,female\ni1,education,"MSc, public admin"\ni2,gender,male\n' >attrs.csv
check_rc "attributes from CSV" 0 $A attr p.axial --csv attrs.csv
check_rc "attr list" 0 $A attr p.axial i1
check "attributes" "education=MSc, public admin
gender=female" "$OUT"
printf 'document,key,value\ni1,gender\n' >badattrs.csv
check_rc "ragged CSV" 1 $A attr p.axial --csv badattrs.csv
check "ragged CSV message" "axial: badattrs.csv:2: expected 3 fields (document,key,value), found 2" "$ERR"
printf 'document,key,value\ni7,gender,x\n' >badattrs2.csv
check_rc "CSV names a missing document" 1 $A attr p.axial --csv badattrs2.csv
check "missing document message" "axial: badattrs2.csv:2: no document 'i7'; did you mean «i1»?" "$ERR"
# import with bad attributes: all or nothing, and no "imported" line for
# the document that was rolled back
printf 'i9 text\n' >i9.txt
n0=$($A docs p.axial | wc -l)
check_rc "import with a bad attributes file" 1 $A import p.axial i9.txt --attrs badattrs.csv
check "no 'imported' line for what was rolled back" "" "$OUT"
check "it says nothing was imported" "axial: badattrs.csv:2: expected 3 fields (document,key,value), found 2
axial: nothing was imported" "$ERR"
check "the document is not in the project" "$n0" "$($A docs p.axial | wc -l)"
check_rc "memo on a code" 0 $A memo add p.axial "Appears in every interview." --on "code:paper forms" --type code
check_rc "free memo from stdin" 0 sh -c "echo 'Storyline draft' | $A memo add p.axial - --type theoretical --title Storyline"
check_rc "memo list" 0 $A memo list p.axial --json
check_match "memo json" '"on":"node".*"type":"code"' "$OUT"
check_match "stdin memo" '"title":"Storyline","text":"Storyline draft\\n"' "$OUT"
check_rc "bad memo type" 2 $A memo add p.axial x --type weird

# export csv: one row per coding with its text
check_rc "export csv" 0 $A export csv p.axial out.csv
check "csv header" "coding,document,position,code,coder,start,end,text" "$(head -1 out.csv | tr -d '\r')"
check_match "csv row" '^1,i1,1,Causal conditions/Technical/no integrated system,[^,]+,55,78,integrated system \(ERP\)' "$(tr -d '\r' <out.csv)"
check "csv rows" 5 "$(wc -l <out.csv)"

# names are compared after NFC
$A code add p.axial "$(printf 'caf\303\251')" --in Technical >/dev/null
check_rc "NFC duplicate (decomposed)" 1 $A code add p.axial "$(printf 'cafe\314\201')" --in Technical
check_match "NFC message" 'already exists' "$ERR"

# a terminal never sees raw controls from the project
printf 'text with \033]52;c;ZXZpbA==\007 and \033[2J inside\n' >hostile.txt
$A import p.axial hostile.txt >/dev/null
out=$(script -qc "$A doc text p.axial hostile" /dev/null | tr -d '\r')
case $out in *"$(printf '\033]52')"*) notok "escapes inert on a terminal" "$out" ;; *) ok "escapes inert on a terminal" ;; esac
check_match "placeholder shown" '\^\[\]52;c;ZXZpbA==\^G' "$out"

check_rc "integrity" 0 sqlite3 p.axial 'PRAGMA integrity_check'
check "integrity ok" ok "$OUT"
