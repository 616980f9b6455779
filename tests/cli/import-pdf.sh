# import-pdf.sh: `axial import` of PDF transcripts (tests/fixtures/pdf,
# PROVENANCE.md there): a Persian PDF stored as its logical text, a
# three-page one with its headers and footers as their own paragraphs, a
# half-scanned and a reversed one with their notices; a scan, a password,
# a truncated file, garbage and a text file named .pdf refused with one
# line each and the project unchanged, alone or in a batch; the reader
# (axial-pdf) missing, crashing or answering nonsense refused the same way.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
PDF=$AXIAL_SRC/tests/fixtures/pdf
for f in persian multipage half-scan reversed scan encrypted; do
	need_fixture "$PDF/$f.pdf"
done

$A init p.axial >/dev/null
check_rc "import a Persian PDF" 0 $A import p.axial "$PDF/persian.pdf"
check "  ... named after the file, counted" "imported persian (#1, 359 characters)" "$OUT"
check "  ... no notice" "" "$ERR"
persian='این پژوهش در سال ۱۳۹۸ انجام شد و بیست و پنج مصاحبه با کارشناسان را در بر گرفت.
مصاحبه‌شونده گفت که سامانه e-Government در سال 2019 راه‌اندازی شد و 40 درصد کاربران از آن راضی بودند. او افزود که مشکل اصلی «نبود آموزش کافی» برای کارمندان است (نه فناوری) و این موضوع باید در برنامه‌ریزی‌های آینده در نظر گرفته شود تا خدمات بهتری به مردم ارائه شود.
پاسخ کوتاه است.'
check "  ... its logical text, paragraph by paragraph" "$persian" "$($A doc text p.axial persian)"

check_rc "import a three-page PDF" 0 $A import p.axial "$PDF/multipage.pdf"
$A doc text p.axial multipage >mp.txt
check "  ... 15 paragraphs: 3 answers, a header and a footer a page" 15 "$(grep -c '' mp.txt)"
check "  ... the footers alone on their lines" "صفحه 1
صفحه 2
صفحه 3" "$(grep '^صفحه' mp.txt)"
check "  ... the headers too" 3 "$(grep -cx 'طرح پژوهشی دولت الکترونیک' mp.txt)"
check "  ... each answer one paragraph" "1 2 3 4 5 6 7 8 9" "$(grep -o '^پاسخ [0-9]' mp.txt | cut -d' ' -f2 | tr '\n' ' ' | sed 's/ $//')"

check_rc "import a PDF with a scanned page" 0 $A import p.axial "$PDF/half-scan.pdf"
check "  ... says so" "axial: $PDF/half-scan.pdf: 1 page of 2 has no text (an image?) and was left out" "$ERR"
check "  ... the text page's text" "$persian" "$($A doc text p.axial half-scan)"
check_rc "import a PDF whose text reads backwards" 0 $A import p.axial "$PDF/reversed.pdf"
check "  ... says it cannot be trusted" "axial: $PDF/reversed.pdf: the right-to-left text reads backwards (the PDF keeps it in visual order): it cannot be trusted; check it against the PDF" "$ERR"

# refused NAME MESSAGE FILE...: exit 1, the message, the project as it was
before=$($A info p.axial --json)
sum0=$(sha256sum p.axial | cut -d' ' -f1)
refused() {
	name=$1 msg=$2; shift 2
	check_rc "$name: refused" 1 $A import p.axial "$@"
	check_match "$name: says why" "$msg" "$ERR"
	check "$name: project unchanged" "$before" "$($A info p.axial --json)"
	check "$name: project file unchanged" "$sum0" "$(sha256sum p.axial | cut -d' ' -f1)"
}
refused "a scan" "^axial: $PDF/scan.pdf: the PDF has no text, only images \(a scan\?\): run text recognition \(OCR\) on it first\$" "$PDF/scan.pdf"
refused "a password" "^axial: $PDF/encrypted.pdf: the PDF is password-protected: save a copy without a password and import that\$" "$PDF/encrypted.pdf"
head -c 8000 "$PDF/persian.pdf" >cut.pdf
refused "a truncated PDF" '^axial: cut.pdf: not a readable PDF: the file is damaged or truncated$' cut.pdf
printf '%%PDF-1.7\n1 0 obj << /Type /Catalog >>\n' >junk.pdf
refused "garbage after %PDF-" '^axial: junk.pdf: not a readable PDF: the file is damaged or truncated$' junk.pdf
printf 'an interview\n' >notes.pdf
refused "a text file named .pdf" '^axial: notes.pdf: not a PDF: it does not start with %PDF-; plain text imports under a name ending in .txt$' notes.pdf
cp "$PDF/persian.pdf" fresh.pdf
refused "a scan in a batch" "^axial: $PDF/scan.pdf: the PDF has no text" fresh.pdf "$PDF/scan.pdf"
check_match "  ... nothing imported" '^axial: nothing was imported$' "$ERR"

# the bytes decide: a PDF named .txt is read as a PDF
cp "$PDF/persian.pdf" interview.txt
check_rc "a PDF named .txt imports" 0 $A import p.axial interview.txt
check "  ... as a PDF" "$persian" "$($A doc text p.axial interview)"

# The reader is a process of its own (axial-pdf): when it is missing, breaks
# on the file or answers nonsense, the file is refused with one line and
# axial goes on; the workbench's binary maps no poppler.
before=$($A info p.axial --json)
sum0=$(sha256sum p.axial | cut -d' ' -f1)
helper_refused() {
	name=$1 helper=$2 msg=$3
	check_rc "$name: refused" 1 env AXIAL_PDF_HELPER="$helper" $A import p.axial "$PDF/persian.pdf"
	check_match "$name: says why" "$msg" "$ERR"
	check "$name: project file unchanged" "$sum0" "$(sha256sum p.axial | cut -d' ' -f1)"
}
helper_refused "no reader" "$PWD/none/axial-pdf" \
	"^axial: $PDF/persian.pdf: the PDF reader $PWD/none/axial-pdf cannot be run \(No such file or directory\): reinstall axial, or set AXIAL_PDF_HELPER to it\$"
printf '#!/bin/sh\nkill -SEGV $$\n' >crash.sh
chmod +x crash.sh
helper_refused "a reader that crashes" "$PWD/crash.sh" \
	"^axial: $PDF/persian.pdf: the PDF reader stopped on signal 11 \(Segmentation fault\) reading this file: it is damaged or made to break readers\$"
printf '#!/bin/sh\ncat >/dev/null\necho hello\n' >chatty.sh
chmod +x chatty.sh
helper_refused "a reader that answers nonsense" "$PWD/chatty.sh" \
	"^axial: $PDF/persian.pdf: the PDF reader $PWD/chatty.sh gave no answer axial reads \(exit status 0\): reinstall axial\$"
printf '#!/bin/sh\ncat >/dev/null\nprintf "T 100 0\\nabc"\n' >short.sh
chmod +x short.sh
helper_refused "a reader whose answer is cut short" "$PWD/short.sh" \
	"gave no answer axial reads \(exit status 0\)"
printf '#!/bin/sh\ncat >/dev/null\nprintf "T 3 2\\nabcok"\n' >fake.sh
chmod +x fake.sh
check_rc "the reader's answer is what is imported" 0 \
	env AXIAL_PDF_HELPER="$PWD/fake.sh" $A import p.axial --name fake "$PDF/persian.pdf"
check "  ... its text" "abc" "$($A doc text p.axial fake)"
check "  ... its notice" "axial: $PDF/persian.pdf: ok" "$ERR"
check "axial links no poppler" "" "$(objdump -p "$A" | grep -i 'NEEDED.*poppler')"
