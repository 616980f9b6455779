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
 * trailing spaces) and a newline to out; u32 and u8 are reused buffers. */
static void
print_line(const struct text_line *ln, struct buf *out, uint32_t **u32,
    size_t *cap32, uint8_t **u8, size_t *cap8)
{
	size_t n = 0, c, g, len;
	uint8_t *r;

	*u32 = xgrow(*u32, cap32, (size_t)ln->x + 8 * ln->ncells + 1,
	    sizeof **u32);
	for (c = 0; c < (size_t)ln->x; c++)
		(*u32)[n++] = ' ';
	for (c = 0; c < ln->ncells; c++) {
		const struct text_cell *cell = &ln->cells[c];

		*u32 = xgrow(*u32, cap32, n + cell->nglyph + 1, sizeof **u32);
		for (g = 0; g < cell->nglyph; g++)
			(*u32)[n++] = ln->glyphs[cell->glyph + g];
	}
	/* a line's trailing spaces would only pad the pipe */
	while (n > 0 && (*u32)[n - 1] == ' ')
		n--;
	len = *cap8;
	r = u32_to_u8(*u32, n, *u8, &len);
	if (r == NULL)
		fatal("cat: out of memory");
	if (r != *u8) {		/* grown: keep the bigger buffer */
		free(*u8);
		*u8 = r;
		*cap8 = len;
	}
	buf_add(out, r, len);
	buf_putc(out, '\n');
}

static void
print_doc(const char *text, size_t len, const struct text_opts *o, int width,
    struct buf *out)
{
	struct text_doc *d = text_doc_new(text, len);
	struct text_layout *l = text_layout_new(d, o, width);
	uint32_t *u32 = NULL;
	uint8_t *u8 = NULL;
	size_t p, k, cap32 = 0, cap8 = 0;

	for (p = 0; p < text_doc_paragraphs(d); p++) {
		size_t nl = text_layout_para_lines(l, p);

		for (k = 0; k < nl; k++) {
			struct text_line ln;

			text_layout_para_line(l, p, k, &ln);
			print_line(&ln, out, &u32, &cap32, &u8, &cap8);
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
	free(u32);
	free(u8);
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
		free(text);
	}
	if (fflush(stdout) != 0)
		rc = cmd_error("stdout: %s", strerror(errno));
out:
	buf_done(&out);
	free(files);
	return rc;
}
