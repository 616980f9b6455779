/*
 * test-util.c: the base layer's file helpers against what a shared folder
 * can hold: file_write_atomic must never follow a file or symbolic link
 * someone planted at its temporary name. And the small helpers the layers
 * above share instead of writing them again.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "base/textin.h"
#include "base/util.h"

static char *
slurp(const char *path)
{
	size_t n;
	char *s = file_read_all(path, &n);

	assert_non_null(s);
	return s;
}

static void
test_write_atomic_planted_link(void **state)
{
	char dir[] = "/tmp/axial-util.XXXXXX", *out, *victim, *link0, *link1, *s;
	int fd;

	(void)state;
	assert_non_null(mkdtemp(dir));
	out = xasprintf("%s/export.csv", dir);
	victim = xasprintf("%s/victim", dir);
	/* the names a writer with this pid tries first (and the one it used
	 * to use), planted as links */
	link0 = xasprintf("%s.tmp.%ld.0", out, (long)getpid());
	link1 = xasprintf("%s.tmp.%ld", out, (long)getpid());
	fd = open(victim, O_WRONLY | O_CREAT | O_EXCL, 0644);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "keep", 4), 4);
	close(fd);
	assert_int_equal(symlink(victim, link0), 0);
	assert_int_equal(symlink(victim, link1), 0);

	assert_int_equal(file_write_atomic(out, "a,b\n", 4), 0);
	s = slurp(victim);
	assert_string_equal(s, "keep");	/* not followed */
	free(s);
	s = slurp(out);
	assert_string_equal(s, "a,b\n");
	free(s);

	unlink(link0);
	unlink(link1);
	unlink(victim);
	unlink(out);
	assert_int_equal(rmdir(dir), 0);	/* no temporary left behind */
	free(out);
	free(victim);
	free(link0);
	free(link1);
}

static void
test_write_atomic_mode(void **state)
{
	char dir[] = "/tmp/axial-util.XXXXXX", *out;
	struct stat sb;
	mode_t old = umask(007);

	(void)state;
	assert_non_null(mkdtemp(dir));
	out = xasprintf("%s/report.md", dir);
	assert_int_equal(file_write_atomic(out, "x", 1), 0);
	assert_int_equal(stat(out, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0660);
	umask(old);
	unlink(out);
	assert_int_equal(rmdir(dir), 0);
	free(out);
}

/* str_index: the parsers of roles, units and formats rest on it */
static void
test_str_index(void **state)
{
	static const char *const names[] = { "auto", "auto-rtl", "rtl" };

	(void)state;
	assert_int_equal(str_index(names, 3, "auto"), 0);
	assert_int_equal(str_index(names, 3, "auto-rtl"), 1);
	assert_int_equal(str_index(names, 3, "rtl"), 2);
	/* whole words only, in any case as written, within n */
	assert_int_equal(str_index(names, 3, "aut"), -1);
	assert_int_equal(str_index(names, 3, "RTL"), -1);
	assert_int_equal(str_index(names, 3, ""), -1);
	assert_int_equal(str_index(names, 2, "rtl"), -1);
	assert_int_equal(str_index(names, 0, "auto"), -1);
}

/* buf_xml_text: the report's HTML and the paradigm model's DOT and SVG */
static void
test_buf_xml_text(void **state)
{
	struct buf b = {0};

	(void)state;
	buf_xml_text(&b, "a<b>&\"c'\x01\x7f", "<br>");
	assert_string_equal(b.s, "a&lt;b&gt;&amp;&quot;c&#39;\x7f");
	buf_reset(&b);
	/* HTML: a tab stays, a line break is br, a CR goes */
	buf_xml_text(&b, "x\ty\r\nz", "<br>");
	assert_string_equal(b.s, "x\ty<br>z");
	buf_reset(&b);
	/* a label on one line: each of them a space */
	buf_xml_text(&b, "x\ty\r\nz", NULL);
	assert_string_equal(b.s, "x y  z");
	buf_done(&b);
}

/* textin_cp_span: a coding's quote, in code points over UTF-8 */
static void
test_cp_span(void **state)
{
	const char *s = "a \xd9\xbe\xd8\xb1\xd8\xb3\xd8\xb4 b";	/* "a پرسش b" */
	size_t n = strlen(s), a, b;

	(void)state;
	textin_cp_span(s, n, 2, 6, &a, &b);
	assert_int_equal(a, 2);
	assert_int_equal(b, 10);	/* four letters of two bytes */
	textin_cp_span(s, n, 7, 8, &a, &b);
	assert_int_equal(a, 11);
	assert_int_equal(b, 12);
	textin_cp_span(s, n, 5, 99, &a, &b);	/* past the end: the end */
	assert_int_equal(a, 8);
	assert_int_equal(b, n);
	textin_cp_span(s, n, 3, 3, &a, &b);
	assert_int_equal(a, b);
}

/* textin_cp_span_at: the spans textin_cp_span finds, walked to in order
 * (a document's codings), back again, past the end, over invalid UTF-8 */
static void
test_cp_span_at(void **state)
{
	const char *s = "a \xd9\xbe\xd8\xb1\xd8\xb3\xd8\xb4 b\xff\xd9 c\xd8";
	static const size_t spans[][2] = {
		{0, 1}, {2, 6}, {2, 3}, {5, 99}, {7, 8}, {1, 4}, {9, 12},
		{12, 13}, {14, 14}, {30, 31}, {3, 2}, {0, 0},
	};
	struct textin_at at = {0, 0};
	size_t n = strlen(s), i, a, b, a2, b2;

	(void)state;
	for (i = 0; i < AX_ARRAY_LEN(spans); i++) {
		textin_cp_span(s, n, spans[i][0], spans[i][1], &a, &b);
		textin_cp_span_at(s, n, &at, spans[i][0], spans[i][1], &a2, &b2);
		assert_int_equal(a2, a);
		assert_int_equal(b2, b);
	}
}

/* buf_csv_field_n: RFC 4180 quoting of a counted field, as buf_csv_field
 * quotes the string */
static void
test_csv_field_n(void **state)
{
	static const char *const fields[] = {
		"", "plain", "a,b", "say \"hi\"", "\"", "\"\"", "cr\rlf\n",
		"end\"", "\xd9\xbe\xd8\xb1\xd8\xb3\xd8\xb4\xd8\x8c x",
	};
	struct buf b = {0}, c = {0};
	size_t i;

	(void)state;
	for (i = 0; i < AX_ARRAY_LEN(fields); i++) {
		buf_reset(&b);
		buf_reset(&c);
		buf_csv_field(&b, fields[i]);
		buf_csv_field_n(&c, fields[i], strlen(fields[i]));
		assert_string_equal(c.s != NULL ? c.s : "", b.s != NULL ? b.s : "");
	}
	buf_reset(&b);
	buf_csv_field(&b, "say \"hi, you\"\"");
	assert_string_equal(b.s, "\"say \"\"hi, you\"\"\"\"\"");
	buf_reset(&b);
	buf_csv_field_n(&b, "a,b,c", 3);	/* only the n bytes */
	assert_string_equal(b.s, "\"a,b\"");
	buf_done(&b);
	buf_done(&c);
}

/* buf_printf: into the room left, or grown and printed again */
static void
test_buf_printf_room(void **state)
{
	struct buf b = {0};
	char big[200];

	(void)state;
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	buf_printf(&b, "%d,", 12);
	buf_printf(&b, "%s|%d", big, 34);	/* longer than the room */
	assert_int_equal(b.len, 3 + 199 + 3);
	assert_int_equal(strncmp(b.s, "12,xx", 5), 0);
	assert_string_equal(b.s + 3 + 199, "|34");
	buf_printf(&b, "%s", "");
	assert_int_equal(b.len, 3 + 199 + 3);
	buf_done(&b);
}

/* file_atomic_*: written in parts, committed over the old file; aborted,
 * the old file as it was and no temporary left */
static void
test_file_atomic_parts(void **state)
{
	char dir[] = "/tmp/axial-util.XXXXXX", *out, *s;
	struct file_atomic fa;

	(void)state;
	assert_non_null(mkdtemp(dir));
	out = xasprintf("%s/export.csv", dir);
	assert_int_equal(file_write_atomic(out, "old\n", 4), 0);

	assert_int_equal(file_atomic_open(&fa, out), 0);
	assert_int_equal(file_atomic_write(&fa, "a,", 2), 0);
	s = slurp(out);
	assert_string_equal(s, "old\n");	/* untouched until the commit */
	free(s);
	assert_int_equal(file_atomic_write(&fa, "b\n", 2), 0);
	file_atomic_abort(&fa);
	s = slurp(out);
	assert_string_equal(s, "old\n");
	free(s);

	assert_int_equal(file_atomic_open(&fa, out), 0);
	assert_int_equal(file_atomic_write(&fa, "a,", 2), 0);
	assert_int_equal(file_atomic_write(&fa, "b\n", 2), 0);
	assert_int_equal(file_atomic_commit(&fa), 0);
	s = slurp(out);
	assert_string_equal(s, "a,b\n");
	free(s);

	/* a folder that is not there: nothing to abort, errno says why */
	free(out);
	out = xasprintf("%s/none/export.csv", dir);
	assert_int_equal(file_atomic_open(&fa, out), -1);
	assert_int_equal(errno, ENOENT);
	free(out);

	out = xasprintf("%s/export.csv", dir);
	unlink(out);
	assert_int_equal(rmdir(dir), 0);	/* no temporary left behind */
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_atomic_planted_link),
		cmocka_unit_test(test_write_atomic_mode),
		cmocka_unit_test(test_str_index),
		cmocka_unit_test(test_buf_xml_text),
		cmocka_unit_test(test_cp_span),
		cmocka_unit_test(test_cp_span_at),
		cmocka_unit_test(test_csv_field_n),
		cmocka_unit_test(test_buf_printf_room),
		cmocka_unit_test(test_file_atomic_parts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
