/*
 * test-import-pdf.c: PDF transcripts (import-pdf.c) on the PDFs of
 * tests/fixtures/pdf (PROVENANCE.md there says how each was made): the
 * exact logical text of a justified Persian page with English words,
 * Latin and Persian digits, ZWNJ, guillemets and brackets; an English
 * page; paragraphs over three pages with their headers and footers apart;
 * a scan, half a scan, reversed (visual-order) text, a password; every
 * truncation and many damaged copies refused with one line or read, never
 * a crash; and the importer telling a PDF by its bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "exchange/exchange.h"
#include "base/util.h"
#include "testutil.h"

/* The fixture's bytes; asserts it is there. */
static char *
fixture(const char *name, size_t *len)
{
	char *path = xasprintf("%s/tests/fixtures/pdf/%s",
	    getenv("AXIAL_SRC") ? getenv("AXIAL_SRC") : ".", name);
	FILE *f = fopen(path, "rb");
	char *data;
	long n;

	if (f == NULL)
		fail_msg("missing fixture %s (see tests/fixtures/pdf/PROVENANCE.md)",
		    path);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	rewind(f);
	data = xmalloc((size_t)n + 1);
	assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	free(path);
	*len = (size_t)n;
	return data;
}

/* pdf_extract on a fixture: the text, else "!" + the error; *notice kept. */
static char *
extract(const char *name, char **notice)
{
	size_t len, tl = 0;
	char *data = fixture(name, &len), *err = NULL, *text;

	text = pdf_extract(data, len, &tl, notice, &err);
	free(data);
	if (text == NULL) {
		assert_non_null(err);
		assert_null(*notice);
		text = xasprintf("!%s", err);
		free(err);
		return text;
	}
	assert_null(err);
	assert_int_equal(strlen(text), tl);
	assert_null(u8_check((const uint8_t *)text, tl));
	return text;
}

static void
test_pdf_persian(void **state)
{
	char *notice = NULL, *t = extract("persian.pdf", &notice);

	(void)state;
	/* what persian.fodt holds, paragraph by paragraph */
	assert_string_equal(t,
	    "این پژوهش در سال ۱۳۹۸ انجام شد و بیست و پنج مصاحبه با "
	    "کارشناسان را در بر گرفت.\n"
	    "مصاحبه‌شونده گفت که سامانه e-Government در سال 2019 "
	    "راه‌اندازی شد و 40 درصد کاربران از آن راضی بودند. او افزود که "
	    "مشکل اصلی «نبود آموزش کافی» برای کارمندان است (نه فناوری) و "
	    "این موضوع باید در برنامه‌ریزی‌های آینده در نظر گرفته شود تا "
	    "خدمات بهتری به مردم ارائه شود.\n"
	    "پاسخ کوتاه است.");
	assert_null(notice);
	free(t);
}

static void
test_pdf_english(void **state)
{
	char *notice = NULL, *t = extract("english.pdf", &notice);

	(void)state;
	assert_string_equal(t,
	    "Interviewer: How long have you worked with the e-government "
	    "portal?\n"
	    "P3: Since 2017, about six years. At first only 12 of our 40 "
	    "services were online, and most citizens still came to the office, "
	    "because nobody had explained the new system to them and the forms "
	    "were hard to find.");
	assert_null(notice);
	free(t);
}

static void
test_pdf_multipage(void **state)
{
	static const char answer[] =
	    "کارشناس گفت که سامانه‌های دولت الکترونیک در این سازمان به هم "
	    "پیوسته نیستند و هر اداره داده‌های خود را جداگانه نگه می‌دارد. "
	    "به همین دلیل شهروند باید برای یک خدمت چند بار به اداره‌های "
	    "مختلف مراجعه کند و این کار زمان و هزینه زیادی دارد.";
	char *notice = NULL, *t = extract("multipage.pdf", &notice), *line, *save;
	struct buf want = {0};
	int page, i, n;

	(void)state;
	/* per page: the header, three answers (the odd ones said twice), the
	 * footer with the page number; each its own paragraph */
	for (page = 1, n = 1; page <= 3; page++) {
		buf_puts(&want, "طرح پژوهشی دولت الکترونیک\n");
		for (i = 0; i < 3; i++, n++) {
			buf_printf(&want, "پاسخ %d: %s", n, answer);
			if (n % 2 == 1)
				buf_printf(&want, " %s", answer);
			buf_putc(&want, '\n');
		}
		buf_printf(&want, "صفحه %d%s", page, page < 3 ? "\n" : "");
	}
	assert_string_equal(t, want.s);
	assert_null(notice);
	for (n = 0, line = strtok_r(t, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		n++;
	assert_int_equal(n, 15);
	buf_done(&want);
	free(t);
}

static void
test_pdf_refused(void **state)
{
	char *notice = NULL, *t;

	(void)state;
	t = extract("scan.pdf", &notice);
	assert_string_equal(t, "!the PDF has no text, only images (a scan?): "
	    "run text recognition (OCR) on it first");
	free(t);
	t = extract("encrypted.pdf", &notice);
	assert_string_equal(t, "!the PDF is password-protected: save a copy "
	    "without a password and import that");
	free(t);
}

static void
test_pdf_notices(void **state)
{
	char *notice = NULL, *t;

	(void)state;
	/* the text page is read, the image page named */
	t = extract("half-scan.pdf", &notice);
	assert_non_null(strstr(t, "پاسخ کوتاه است."));
	assert_string_equal(notice, "1 page of 2 has no text (an image?) and "
	    "was left out");
	free(t);
	free(notice);
	/* kept as the page has it, but said to read backwards */
	t = extract("reversed.pdf", &notice);
	assert_non_null(strstr(t, "ناسانشراک اب هبحاصم"));
	assert_string_equal(notice, "the right-to-left text reads backwards "
	    "(the PDF keeps it in visual order): it cannot be trusted; check it "
	    "against the PDF");
	free(t);
	free(notice);
}

/* Every prefix (every 211th byte) and damaged copies: text or one line. */
static void
test_pdf_damaged(void **state)
{
	size_t len, cut, tl, i;
	char *data = fixture("persian.pdf", &len), *copy, *t, *notice, *err;
	int refused = 0;

	(void)state;
	for (cut = 0; cut < len; cut += 211) {
		err = notice = NULL;
		t = pdf_extract(data, cut, &tl, &notice, &err);
		if (t == NULL) {
			assert_non_null(err);
			assert_null(strchr(err, '\n'));
			refused++;
		} else {
			assert_null(u8_check((const uint8_t *)t, tl));
		}
		free(t);
		free(err);
		free(notice);
	}
	assert_true(refused > 0);
	err = notice = NULL;
	assert_null(pdf_extract(data, len / 2, &tl, &notice, &err));
	assert_string_equal(err, "not a readable PDF: the file is damaged or "
	    "truncated");
	free(err);
	/* bytes overwritten through the file, 64 at a time */
	copy = xmalloc(len);
	for (i = 0; i + 64 < len; i += 397) {
		memcpy(copy, data, len);
		memset(copy + i, 'x', 64);
		err = notice = NULL;
		t = pdf_extract(copy, len, &tl, &notice, &err);
		assert_true((t == NULL) != (err == NULL));
		if (t != NULL)
			assert_null(u8_check((const uint8_t *)t, tl));
		free(t);
		free(err);
		free(notice);
	}
	free(copy);
	free(data);
}

static void
test_pdf_importer(void **state)
{
	size_t len, tl = 0;
	char *data = fixture("persian.pdf", &len), *notice = NULL, *err = NULL;
	char *t, *name;

	(void)state;
	assert_int_equal(importer_kind("A.PDF"), IMPORTER_PDF);
	name = importer_name("dir/One.Pdf");
	assert_string_equal(name, "One");
	free(name);
	/* the bytes decide: a PDF under any name */
	t = importer_extract("notes.txt", data, len, &tl, &notice, &err);
	assert_non_null(t);
	assert_non_null(strstr(t, "پاسخ کوتاه است."));
	free(t);
	/* a .pdf that is not one */
	assert_null(importer_extract("a.pdf", "hello", 5, &tl, &notice, &err));
	assert_string_equal(err, "not a PDF: it does not start with %PDF-; plain "
	    "text imports under a name ending in .txt");
	free(err);
	free(data);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pdf_persian),
		cmocka_unit_test(test_pdf_english),
		cmocka_unit_test(test_pdf_multipage),
		cmocka_unit_test(test_pdf_refused),
		cmocka_unit_test(test_pdf_notices),
		cmocka_unit_test(test_pdf_damaged),
		cmocka_unit_test(test_pdf_importer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
