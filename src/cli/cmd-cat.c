/*
 * cmd-cat.c: `axial cat`, text laid out exactly as the transcript pane
 * shows it: visual order, wrapped, right-to-left paragraphs right-aligned,
 * placeholders instead of controls. Streams one paragraph at a time.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "base/i18n.h"
#include "text/text.h"
#include "cli/cmd.h"

static int cat_main(const struct cmd *self, int argc, char **argv);

const struct cmd cmd_cat = {
	.name = "cat",
	.args = "[--width N] [--dir auto|auto-rtl|rtl|ltr] "
	    "[--shaping app|terminal|off] [--bidi app|terminal] FILE...",
	.summary = N_("print text laid out as the transcript pane shows it"),
	.help =
	    N_("  -w, --width N      wrap at N columns (default $COLUMNS, else 80)\n"
	    "      --dir D        paragraph direction: auto (first strong\n"
	    "                     character, else LTR), auto-rtl, rtl, ltr\n"
	    "      --shaping S    app: join Arabic letters here; terminal, off:\n"
	    "                     leave base letters\n"
	    "      --bidi B       app: visual order; terminal: logical order for\n"
	    "                     a terminal that does bidi itself\n"
	    "FILE '-' reads standard input.\n"),
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

/*
 * UTF-8 of recent non-ASCII glyphs, as u8_uctomb made it: a transcript
 * shows a few hundred distinct letters (presentation forms, digits,
 * punctuation), so nearly every glyph is a hit and costs a compare and a
 * 4-byte copy instead of a libunistring call.
 */
#define MEMO_SIZE 1024
struct u8memo {
	uint32_t glyph[MEMO_SIZE];	/* 0: empty (never non-ASCII) */
	uint8_t len[MEMO_SIZE];
	uint8_t bytes[MEMO_SIZE][4];
};

/* Fills memo slot k with c. */
static void
memo_fill(struct u8memo *m, size_t k, uint32_t c)
{
	int n = u8_uctomb(m->bytes[k], c, 4);

	if (n <= 0)
		fatal("cat: glyph U+%04X has no UTF-8", c);
	m->glyph[k] = c;
	m->len[k] = (uint8_t)n;
}

/* Writes the UTF-8 of non-ASCII glyph c at p (room for 4 bytes); returns
 * its length. */
static inline size_t
memo_put(struct u8memo *m, uint32_t c, uint8_t *p)
{
	size_t k = c % MEMO_SIZE;

	if (m->glyph[k] != c)
		memo_fill(m, k, c);
	memcpy(p, m->bytes[k], 4);
	return m->len[k];
}

/* Appends the UTF-8 of line ln (padding, then its cells' glyphs, without
 * trailing spaces) and a newline to out, encoding straight into it. */
static void
print_line(const struct text_line *ln, struct buf *out, struct u8memo *m)
{
	size_t c, g, n, start = out->len;
	uint8_t *p;

	/* room for TEXT_CELL_MARKS + 1 glyphs of 4 bytes a cell: a cell with
	 * more (a tab, a placeholder) makes room for itself */
	out->s = xgrow(out->s, &out->cap, start + (size_t)ln->x +
	    4 * (TEXT_CELL_MARKS + 1) * ln->ncells + 2, 1);
	memset(out->s + start, ' ', (size_t)ln->x);
	n = start + (size_t)ln->x;
	p = (uint8_t *)out->s;
	for (c = 0; c < ln->ncells; c++) {
		const struct text_cell *cell = &ln->cells[c];
		const uint32_t *gl = ln->glyphs + cell->glyph;
		size_t ng = cell->nglyph;

		if (ng == 1) {		/* the usual cell */
			if (gl[0] < 0x80)
				p[n++] = (uint8_t)gl[0];
			else
				n += memo_put(m, gl[0], p + n);
			continue;
		}
		if (ng > TEXT_CELL_MARKS + 1) {
			out->s = xgrow(out->s, &out->cap, n + 4 * ng +
			    4 * (TEXT_CELL_MARKS + 1) * (ln->ncells - c) + 2, 1);
			p = (uint8_t *)out->s;
		}
		for (g = 0; g < ng; g++) {
			if (gl[g] < 0x80)
				p[n++] = (uint8_t)gl[g];
			else
				n += memo_put(m, gl[g], p + n);
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
	struct u8memo *m = xcalloc(1, sizeof *m);
	size_t p, k;

	for (p = 0; p < text_doc_paragraphs(d); p++) {
		size_t nl = text_layout_para_lines(l, p);

		for (k = 0; k < nl; k++) {
			struct text_line ln;

			text_layout_para_line(l, p, k, &ln);
			print_line(&ln, out, m);
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
	free(m);
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
			rc = cmd_usage(self, _("bad width '%s'"), width_s);
			goto out;
		}
		width = (int)v;
	}
	if ((dir_s != NULL && text_dir_parse(dir_s, &o.dir) < 0) ||
	    (shaping_s != NULL && text_shaping_parse(shaping_s, &o.shaping) < 0) ||
	    (bidi_s != NULL && text_bidi_parse(bidi_s, &o.bidi) < 0)) {
		rc = cmd_usage(self, _("bad value for --dir, --shaping or --bidi"));
		goto out;
	}
	if (nfiles == 0) {
		rc = cmd_usage(self, _("no FILE given"));
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
		rc = cmd_error(_("stdout: %s"), strerror(errno));
out:
	buf_done(&out);
	free(files);
	return rc;
}
