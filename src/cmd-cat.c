/*
 * cmd-cat.c: `axial cat`, text laid out exactly as the transcript pane
 * shows it: visual order, wrapped, right-to-left paragraphs right-aligned,
 * placeholders instead of controls. Streams one paragraph at a time.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "axial/text.h"
#include "cmd.h"
#include "text-int.h"	/* text_doc_adopt */

static int cat_main(const struct cmd *self, int argc, char **argv);

const struct cmd cmd_cat = {
	.name = "cat",
	.args = "[--width N] [--dir auto|auto-rtl|rtl|ltr] "
	    "[--shaping app|terminal|off] [--bidi app|terminal] FILE...",
	.summary = "print text laid out as the transcript pane shows it",
	.help =
	    "  -w, --width N      wrap at N columns (default $COLUMNS, else 80)\n"
	    "      --dir D        paragraph direction: auto (first strong\n"
	    "                     character, else LTR), auto-rtl, rtl, ltr\n"
	    "      --shaping S    app: join Arabic letters here; terminal, off:\n"
	    "                     leave base letters\n"
	    "      --bidi B       app: visual order; terminal: logical order for\n"
	    "                     a terminal that does bidi itself\n"
	    "FILE '-' reads standard input.\n",
	.fn = cat_main,
};

static char *
read_stdin(size_t *len)
{
	struct buf b = { 0 };
	char tmp[65536];
	size_t n;

	while ((n = fread(tmp, 1, sizeof tmp, stdin)) > 0)
		buf_add(&b, tmp, n);
	if (ferror(stdin)) {
		buf_done(&b);
		return NULL;
	}
	*len = b.len;
	if (b.s == NULL)
		return xstrdup("");
	return buf_take(&b);
}

/* Appends the UTF-8 of line ln (padding, then its cells' glyphs, without
 * trailing spaces) and a newline to out, encoding straight into it. */
static void
print_line(const struct text_line *ln, struct buf *out)
{
	size_t c, g, n, start = out->len;
	uint8_t *p;

	out->s = xgrow(out->s, &out->cap, start + (size_t)ln->x + 2, 1);
	memset(out->s + start, ' ', (size_t)ln->x);
	n = start + (size_t)ln->x;
	for (c = 0; c < ln->ncells; c++) {
		const struct text_cell *cell = &ln->cells[c];
		const uint32_t *gl = ln->glyphs + cell->glyph;

		if (n + 6 * (size_t)cell->nglyph + 2 > out->cap)
			out->s = xgrow(out->s, &out->cap,
			    n + 6 * (size_t)cell->nglyph + 2, 1);
		p = (uint8_t *)out->s;
		for (g = 0; g < cell->nglyph; g++) {
			int m = u8_uctomb(p + n, gl[g], 6);

			if (m <= 0)
				fatal("cat: glyph U+%04X has no UTF-8", gl[g]);
			n += (size_t)m;
		}
	}
	/* a line's trailing spaces would only pad the pipe (a space byte is
	 * never part of a longer UTF-8 sequence) */
	while (n > start && out->s[n - 1] == ' ')
		n--;
	out->s[n++] = '\n';
	out->s[n] = '\0';
	out->len = n;
}

/* Prints text[0..len) (malloc'd, len + 1 bytes), which it takes. */
static void
print_doc(char *text, size_t len, const struct text_opts *o, int width,
    struct buf *out)
{
	struct text_doc *d = text_doc_adopt(text, len);
	struct text_layout *l = text_layout_new(d, o, width);
	size_t p, k;

	for (p = 0; p < text_doc_paragraphs(d); p++) {
		size_t nl = text_layout_para_lines(l, p);

		for (k = 0; k < nl; k++) {
			struct text_line ln;

			text_layout_para_line(l, p, k, &ln);
			print_line(&ln, out);
		}
		text_layout_forget(l, p);
		if (out->len > 65536) {
			fwrite(out->s, 1, out->len, stdout);
			buf_reset(out);
		}
	}
	if (out->len > 0)
		fwrite(out->s, 1, out->len, stdout);
	buf_reset(out);
	text_layout_free(l);
	text_doc_free(d);
}

static int
cat_main(const struct cmd *self, int argc, char **argv)
{
	const char *width_s = NULL, *dir_s = NULL, *shaping_s = NULL;
	const char *bidi_s = NULL;
	const struct cmd_opt opts[] = {
		{ "width", 'w', true, &width_s },
		{ "dir", 0, true, &dir_s },
		{ "shaping", 0, true, &shaping_s },
		{ "bidi", 0, true, &bidi_s },
		{ NULL, 0, false, NULL },
	};
	struct text_opts o;
	struct buf out = { 0 };
	char **files = NULL, *end;
	int nfiles, i, rc, width = 80;
	const char *cols = getenv("COLUMNS");

	if ((rc = cmd_parse(self, argc, argv, opts, &files, &nfiles)) != 0)
		return rc;
	text_opts_default(&o);
	if (cols != NULL && *cols != '\0') {
		long v = strtol(cols, &end, 10);

		if (*end == '\0' && v > 0 && v < 100000)
			width = (int)v;
	}
	if (width_s != NULL) {
		long v = strtol(width_s, &end, 10);

		if (*end != '\0' || v < 1 || v > 100000) {
			rc = cmd_usage(self, "bad width '%s'", width_s);
			goto out;
		}
		width = (int)v;
	}
	if ((dir_s != NULL && text_dir_parse(dir_s, &o.dir) < 0) ||
	    (shaping_s != NULL && text_shaping_parse(shaping_s, &o.shaping) < 0) ||
	    (bidi_s != NULL && text_bidi_parse(bidi_s, &o.bidi) < 0)) {
		rc = cmd_usage(self, "bad value for --dir, --shaping or --bidi");
		goto out;
	}
	if (nfiles == 0) {
		rc = cmd_usage(self, "no FILE given");
		goto out;
	}
	for (i = 0; i < nfiles; i++) {
		size_t len = 0;
		bool in = strcmp(files[i], "-") == 0;
		char *text = in ? read_stdin(&len) : file_read_all(files[i], &len);

		if (text == NULL) {
			rc = cmd_error("%s: %s", in ? "stdin" : files[i],
			    strerror(errno));
			continue;
		}
		print_doc(text, len, &o, width, &out);
	}
	if (fflush(stdout) != 0)
		rc = cmd_error("stdout: %s", strerror(errno));
out:
	buf_done(&out);
	free(files);
	return rc;
}
