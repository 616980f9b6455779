/*
 * test-text-conformance.c: Unicode's BidiCharacterTest.txt and BidiTest.txt
 * (Debian unicode-data) through the engine's paragraph bidi wrapper,
 * text_bidi_line (docs/bidi.md §9.1). Every case must pass; the counts
 * are printed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <fribidi.h>

#include "text/text.h"
#include "base/util.h"

#define UNIDIR "/usr/share/unicode/"
#define MAXN 512

/* Parses space-separated levels ("x" = -1) into lv; returns the count. */
static size_t
parse_levels(const char *s, int *lv)
{
	size_t n = 0;

	while (*s != '\0' && n < MAXN) {
		char *end;

		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\0')
			break;
		if (*s == 'x') {
			lv[n++] = -1;
			s++;
			continue;
		}
		lv[n++] = (int)strtol(s, &end, 10);
		if (end == s)
			break;
		s = end;
	}
	return n;
}

static size_t
parse_order(const char *s, size_t *ord)
{
	size_t n = 0;

	while (*s != '\0' && n < MAXN) {
		char *end;
		long v = strtol(s, &end, 10);

		if (end == s)
			break;
		ord[n++] = (size_t)v;
		s = end;
	}
	return n;
}

/* Runs one case; true when levels and order match. */
static bool
run_case(const uint32_t *cp, size_t n, enum text_dir dir, int par_level,
    const int *want_lv, const size_t *want_ord, size_t want_n)
{
	int8_t lv[MAXN];
	size_t ord[MAXN], nord, i;
	bool rtl;

	if (text_bidi_line(cp, n, dir, &rtl, lv, ord, &nord) != 0)
		return false;
	if (par_level >= 0 && rtl != (par_level == 1))
		return false;
	for (i = 0; i < n; i++)
		if (want_lv[i] >= 0 && want_lv[i] != lv[i])
			return false;
	if (nord != want_n)
		return false;
	for (i = 0; i < nord; i++)
		if (ord[i] != want_ord[i])
			return false;
	return true;
}

static char *
field(char **p)
{
	char *s = *p, *semi = strchr(s, ';');

	if (semi != NULL) {
		*semi = '\0';
		*p = semi + 1;
	} else {
		*p = s + strlen(s);
	}
	return s;
}

static void
test_bidi_character(void **state)
{
	FILE *f = fopen(UNIDIR "BidiCharacterTest.txt", "r");
	char line[8192];
	size_t pass = 0, fail = 0;

	(void)state;
	assert_non_null(f);
	while (fgets(line, sizeof line, f) != NULL) {
		char *p = line, *f0, *f1, *f2, *f3, *f4, *s;
		uint32_t cp[MAXN];
		int lv[MAXN];
		size_t ord[MAXN], n = 0, nl, no;
		enum text_dir dir;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		line[strcspn(line, "\n")] = '\0';
		f0 = field(&p);
		f1 = field(&p);
		f2 = field(&p);
		f3 = field(&p);
		f4 = field(&p);
		for (s = f0; *s != '\0' && n < MAXN;) {
			char *end;
			unsigned long v = strtoul(s, &end, 16);

			if (end == s)
				break;
			cp[n++] = (uint32_t)v;
			s = end;
		}
		dir = f1[0] == '0' ? TEXT_DIR_LTR : f1[0] == '1' ? TEXT_DIR_RTL :
		    TEXT_DIR_AUTO;
		nl = parse_levels(f3, lv);
		no = parse_order(f4, ord);
		if (nl != n || !run_case(cp, n, dir, atoi(f2), lv, ord, no)) {
			if (fail < 5)
				print_message("FAIL: %s;%s\n", f0, f1);
			fail++;
		} else {
			pass++;
		}
	}
	fclose(f);
	print_message("[==========] BidiCharacterTest.txt: %zu passed, %zu failed\n", pass, fail);
	assert_true(pass > 90000);
	assert_int_equal(fail, 0);
}

/* One code point per bidi class, for BidiTest.txt's class names. */
static const struct {
	const char *name;
	uint32_t cp;
	FriBidiCharType type;
} classes[] = {
	{ "L", 'a', FRIBIDI_TYPE_LTR }, { "R", 0x05d0, FRIBIDI_TYPE_RTL },
	{ "AL", 0x0627, FRIBIDI_TYPE_AL }, { "EN", '1', FRIBIDI_TYPE_EN },
	{ "ES", '+', FRIBIDI_TYPE_ES }, { "ET", '$', FRIBIDI_TYPE_ET },
	{ "AN", 0x0660, FRIBIDI_TYPE_AN }, { "CS", ',', FRIBIDI_TYPE_CS },
	{ "NSM", 0x0300, FRIBIDI_TYPE_NSM }, { "BN", 0x00ad, FRIBIDI_TYPE_BN },
	{ "B", 0x2029, FRIBIDI_TYPE_BS }, { "S", '\t', FRIBIDI_TYPE_SS },
	{ "WS", ' ', FRIBIDI_TYPE_WS }, { "ON", '!', FRIBIDI_TYPE_ON },
	{ "LRE", 0x202a, FRIBIDI_TYPE_LRE }, { "LRO", 0x202d, FRIBIDI_TYPE_LRO },
	{ "RLE", 0x202b, FRIBIDI_TYPE_RLE }, { "RLO", 0x202e, FRIBIDI_TYPE_RLO },
	{ "PDF", 0x202c, FRIBIDI_TYPE_PDF }, { "LRI", 0x2066, FRIBIDI_TYPE_LRI },
	{ "RLI", 0x2067, FRIBIDI_TYPE_RLI }, { "FSI", 0x2068, FRIBIDI_TYPE_FSI },
	{ "PDI", 0x2069, FRIBIDI_TYPE_PDI },
};

static uint32_t
class_cp(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < AX_ARRAY_LEN(classes); i++)
		if (strlen(classes[i].name) == len &&
		    strncmp(classes[i].name, name, len) == 0)
			return classes[i].cp;
	return 0;
}

static void
test_class_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < AX_ARRAY_LEN(classes); i++)
		assert_int_equal(fribidi_get_bidi_type(classes[i].cp),
		    classes[i].type);
}

static void
test_bidi_test(void **state)
{
	FILE *f = fopen(UNIDIR "BidiTest.txt", "r");
	char line[4096];
	int lv[MAXN];
	size_t ord[MAXN], nl = 0, no = 0, pass = 0, fail = 0;

	(void)state;
	assert_non_null(f);
	while (fgets(line, sizeof line, f) != NULL) {
		char *semi, *s;
		uint32_t cp[MAXN];
		size_t n = 0;
		long bits;
		int b;

		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, "@Levels:", 8) == 0) {
			nl = parse_levels(line + 8, lv);
			continue;
		}
		if (strncmp(line, "@Reorder:", 9) == 0) {
			no = parse_order(line + 9, ord);
			continue;
		}
		if (line[0] == '#' || line[0] == '@' || line[0] == '\0' ||
		    (semi = strchr(line, ';')) == NULL)
			continue;
		for (s = line; s < semi && n < MAXN;) {
			size_t len;

			while (*s == ' ')
				s++;
			len = strcspn(s, " ;");
			if (len == 0)
				break;
			cp[n] = class_cp(s, len);
			assert_true(cp[n] != 0);
			n++;
			s += len;
		}
		bits = strtol(semi + 1, NULL, 16);
		for (b = 0; b < 3; b++) {
			static const enum text_dir dirs[] = {
				TEXT_DIR_AUTO, TEXT_DIR_LTR, TEXT_DIR_RTL,
			};

			if (!(bits & (1L << b)))
				continue;
			if (nl == n && run_case(cp, n, dirs[b], -1, lv, ord, no)) {
				pass++;
			} else {
				if (fail < 5)
					print_message("FAIL: %s (mode %d)\n", line, 1 << b);
				fail++;
			}
		}
	}
	fclose(f);
	print_message("[==========] BidiTest.txt: %zu passed, %zu failed\n", pass, fail);
	assert_true(pass > 700000);
	assert_int_equal(fail, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_class_table),
		cmocka_unit_test(test_bidi_character),
		cmocka_unit_test(test_bidi_test),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
