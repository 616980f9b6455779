/*
 * report-render.c: the rp_table model and its renderers: Markdown, a
 * self-contained HTML page and RFC 4180 CSV, in the style (language,
 * direction, digits) of the run. See src/exchange/report.h.
 */
#include <assert.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "base/i18n.h"
#include "exchange/report.h"

#define RLM "\xe2\x80\x8f"	/* U+200F: a line starts right to left */

/* The report's style, set once per report by the command (rp_style_set)
 * and read by every renderer here and in report-tables.c: global so that
 * the dozens of cell and figure helpers need not carry it. */
static struct rp_style style = { "en", false, false, false };

void
rp_style_set(const struct rp_style *s)
{
	style = *s;
	if (style.lang == NULL)
		style.lang = "en";
}

const struct rp_style *
rp_style(void)
{
	return &style;
}

char *
rp_digits(const char *s)
{
	struct buf b = {0};

	buf_figures(&b, s, style.fa_digits, NULL);
	return buf_take(&b);
}

const char *
rp_int(long long v)
{
	/* A ring of buffers, so one printf may hold several results. */
	static char ring[8][64];
	static size_t next;
	char *out = ring[next++ % AX_ARRAY_LEN(ring)], latin[32], *d;

	snprintf(latin, sizeof latin, "%lld", v);
	d = rp_digits(latin);
	snprintf(out, sizeof ring[0], "%s", d);
	free(d);
	return out;
}

/* A figure: "12", "12.5", ">99", "-0.25"; not a name such as a
 * document's "01-it-director" that heads a numeric column. */
static bool
is_figure(const char *s)
{
	if (*s == '\0')
		return false;
	return s[strspn(s, "0123456789.<>-+%")] == '\0';
}

/* A numeric cell or head as the reader sees it: a figure in the style's
 * digits, anything else as it is. */
static void
put_figure(struct buf *b, const char *s, void (*esc)(struct buf *, const char *))
{
	char *d;

	if (!is_figure(s)) {
		esc(b, s);
		return;
	}
	d = rp_digits(s);
	esc(b, d);
	free(d);
}

void
rp_table_init(struct rp_table *t, const char *name, const char *title,
    size_t ncols, ...)
{
	va_list ap;
	size_t i;

	memset(t, 0, sizeof *t);
	t->name = xstrdup(name);
	t->title = xstrdup(title);
	t->ncols = ncols;
	t->head = xcalloc(ncols + 1, sizeof *t->head);
	t->numeric = xcalloc(ncols + 1, sizeof *t->numeric);
	va_start(ap, ncols);
	for (i = 0; i < ncols; i++) {
		const char *h = va_arg(ap, const char *);

		t->head[i] = xstrdup(h != NULL ? h : "");
	}
	va_end(ap);
}

void
rp_table_done(struct rp_table *t)
{
	size_t i;

	for (i = 0; i < t->nrows * t->ncols; i++) {
		free(t->cell[i]);
		free(t->exact[i]);
	}
	for (i = 0; i < t->ncols; i++)
		free(t->head[i]);
	for (i = 0; i < t->nnotes; i++)
		free(t->notes[i]);
	free(t->notes);
	free(t->head);
	free(t->numeric);
	free(t->cell);
	free(t->exact);
	free(t->name);
	free(t->title);
	free(t->source);
	free(t->source_line);
	free(t->figure);
	free(t->figure_svg);
	memset(t, 0, sizeof *t);
}

void
rp_note(struct rp_table *t, const char *fmt, ...)
{
	va_list ap;

	t->notes = xrealloc(t->notes, (t->nnotes + 1) * sizeof *t->notes);
	va_start(ap, fmt);
	t->notes[t->nnotes++] = xvasprintf(fmt, ap);
	va_end(ap);
}

void
rp_col(struct rp_table *t, const char *head, bool numeric)
{
	assert(t->nrows == 0);
	t->head = xrealloc(t->head, (t->ncols + 1) * sizeof *t->head);
	t->numeric = xrealloc(t->numeric, (t->ncols + 1) * sizeof *t->numeric);
	t->head[t->ncols] = xstrdup(head);
	t->numeric[t->ncols] = numeric;
	t->ncols++;
}

size_t
rp_row(struct rp_table *t)
{
	size_t i, cap = t->caprows;

	t->cell = xgrow(t->cell, &cap, (t->nrows + 1) * t->ncols, sizeof *t->cell);
	cap = t->caprows;
	t->exact = xgrow(t->exact, &cap, (t->nrows + 1) * t->ncols,
	    sizeof *t->exact);
	t->caprows = cap;
	for (i = 0; i < t->ncols; i++) {
		t->cell[t->nrows * t->ncols + i] = xstrdup("");
		t->exact[t->nrows * t->ncols + i] = NULL;
	}
	return t->nrows++;
}

void
rp_set(struct rp_table *t, size_t col, const char *text)
{
	char **c = &t->cell[(t->nrows - 1) * t->ncols + col];

	free(*c);
	*c = xstrdup(text != NULL ? text : "");
}

void
rp_setf(struct rp_table *t, size_t col, const char *fmt, ...)
{
	va_list ap;
	char **c = &t->cell[(t->nrows - 1) * t->ncols + col], *v;

	va_start(ap, fmt);
	v = xvasprintf(fmt, ap);
	va_end(ap);
	free(*c);
	*c = v;
}

void
rp_set_exact(struct rp_table *t, size_t col, const char *text)
{
	char **c = &t->exact[(t->nrows - 1) * t->ncols + col];

	free(*c);
	*c = xstrdup(text);
}

char *
rp_decimal(double v)
{
	char *s = xasprintf("%.6f", v), *e;

	e = s + strlen(s);
	while (e > s && e[-1] == '0')
		*--e = '\0';
	if (e > s && e[-1] == '.')
		*--e = '\0';
	if (strcmp(s, "-0") == 0)
		strcpy(s, "0");
	return s;
}

/* ---- Markdown ---- */

void
rp_md_escape(struct buf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\n') {
			buf_puts(b, "<br>");
		} else if (c == '\r' || c == '\t') {
			buf_putc(b, ' ');
		} else if (strchr("\\`*_[]<>|", c) != NULL) {
			buf_putc(b, '\\');
			buf_putc(b, (char)c);
		} else if (c >= 0x20 && c != 0x7f) {
			buf_putc(b, (char)c);
		}
	}
}

void
rp_markdown(const struct rp_table *t, struct buf *b)
{
	const char *rlm = style.rtl ? RLM : "";
	size_t i, r;

	/* GitHub and pandoc honour the div's direction; the marks keep a line
	 * that starts with Latin letters or digits right to left elsewhere */
	if (style.rtl)
		buf_printf(b, "<div dir=\"rtl\" lang=\"%s\">\n\n", style.lang);
	buf_printf(b, "# %s", rlm);
	rp_md_escape(b, t->title);
	buf_puts(b, "\n\n");
	if (t->source_line != NULL) {
		buf_puts(b, rlm);
		rp_md_escape(b, t->source_line);
		buf_puts(b, "\n\n");
	}
	for (i = 0; i < t->nnotes; i++) {
		buf_puts(b, rlm);
		rp_md_escape(b, t->notes[i]);
		buf_puts(b, "\n\n");
	}
	if (t->figure != NULL) {
		buf_puts(b, "![");
		rp_md_escape(b, t->title);
		buf_printf(b, "](%s)\n\n", t->figure);
	}
	if (t->ncols == 0)
		goto done;
	buf_putc(b, '|');
	for (i = 0; i < t->ncols; i++) {
		buf_putc(b, ' ');
		if (t->numeric[i])
			put_figure(b, t->head[i], rp_md_escape);
		else
			rp_md_escape(b, t->head[i]);
		buf_puts(b, " |");
	}
	buf_puts(b, "\n|");
	for (i = 0; i < t->ncols; i++)
		buf_puts(b, t->numeric[i] ? " ---: |" : " --- |");
	buf_putc(b, '\n');
	for (r = 0; r < t->nrows; r++) {
		buf_putc(b, '|');
		for (i = 0; i < t->ncols; i++) {
			buf_putc(b, ' ');
			if (t->numeric[i])
				put_figure(b, t->cell[r * t->ncols + i], rp_md_escape);
			else
				rp_md_escape(b, t->cell[r * t->ncols + i]);
			buf_puts(b, " |");
		}
		buf_putc(b, '\n');
	}
	if (t->nrows == 0)
		buf_printf(b, "\n%s\n", _("(no rows)"));
done:
	if (style.rtl)
		buf_puts(b, "\n</div>\n");
}

/* ---- HTML ---- */

void
rp_html_escape(struct buf *b, const char *s)
{
	buf_xml_text(b, s, "<br>");
}

void
rp_html_head(struct buf *b, const char *title)
{
	buf_puts(b, "<!DOCTYPE html>\n");
	if (style.rtl)
		buf_printf(b, "<html dir=\"rtl\" lang=\"%s\">\n", style.lang);
	else if (strcmp(style.lang, "en") != 0)
		buf_printf(b, "<html lang=\"%s\">\n", style.lang);
	else
		buf_puts(b, "<html>\n");
	buf_puts(b, "<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width\">\n<title>");
	rp_html_escape(b, title);
	buf_puts(b, "</title>\n<style>\n"
	    "body { font-family: Vazirmatn, \"Noto Sans Arabic\", \"Noto Naskh Arabic\","
	    " Tahoma, \"DejaVu Sans\", sans-serif; margin: 2em; color: #222; }\n"
	    "h1 { font-size: 1.4em; } h2 { font-size: 1.1em; color: #555; }\n"
	    "table { border-collapse: collapse; margin: 1em 0; }\n"
	    "th, td { border: 1px solid #bbb; padding: 0.25em 0.6em;"
	    " vertical-align: top; text-align: start; }\n"
	    "th { background: #f0f0ec; }\n"
	    "td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }\n"
	    "tr:nth-child(even) td { background: #fafaf7; }\n"
	    "p.note { max-width: 60em; }\n"
	    "p.source { font-weight: bold; }\n"
	    "</style>\n</head>\n<body>\n");
}

/* An SVG document as an image inside the page, as a data: URI in base64
 * (EVP_EncodeBlock): the page stays one file, and an HTML parser that
 * knows no SVG (xmllint --html) still reads it. */
static void
html_figure(struct buf *b, const char *alt, const char *svg)
{
	size_t n = strlen(svg);
	unsigned char *enc = xmalloc(4 * ((n + 2) / 3) + 1);
	int len = EVP_EncodeBlock(enc, (const unsigned char *)svg, (int)n);

	buf_puts(b, "<p class=\"figure\"><img alt=\"");
	rp_html_escape(b, alt);
	buf_puts(b, "\" src=\"data:image/svg+xml;base64,");
	buf_add(b, enc, len > 0 ? (size_t)len : 0);
	buf_puts(b, "\"></p>\n");
	free(enc);
}

void
rp_html(const struct rp_table *t, const char *study, struct buf *b)
{
	size_t i, r;

	if (t->source != NULL) {	/* browser tabs tell the coders apart */
		char *title = xasprintf(_("%s (source: %s)"), t->title, t->source);

		rp_html_head(b, title);
		free(title);
	} else {
		rp_html_head(b, t->title);
	}
	buf_puts(b, "<h1 dir=\"auto\">");
	rp_html_escape(b, t->title);
	buf_puts(b, "</h1>\n");
	if (study != NULL && *study) {
		buf_puts(b, "<h2 dir=\"auto\">");
		rp_html_escape(b, study);
		buf_puts(b, "</h2>\n");
	}
	if (t->source_line != NULL) {
		buf_puts(b, "<p class=\"source\" dir=\"auto\">");
		rp_html_escape(b, t->source_line);
		buf_puts(b, "</p>\n");
	}
	for (i = 0; i < t->nnotes; i++) {
		buf_puts(b, "<p class=\"note\" dir=\"auto\">");
		rp_html_escape(b, t->notes[i]);
		buf_puts(b, "</p>\n");
	}
	if (t->figure_svg != NULL)
		html_figure(b, t->title, t->figure_svg);
	buf_puts(b, "<table>\n<thead><tr>");
	for (i = 0; i < t->ncols; i++) {
		buf_puts(b, t->numeric[i] ? "<th class=\"n\">" : "<th dir=\"auto\">");
		if (t->numeric[i])
			put_figure(b, t->head[i], rp_html_escape);
		else
			rp_html_escape(b, t->head[i]);
		buf_puts(b, "</th>");
	}
	buf_puts(b, "</tr></thead>\n<tbody>\n");
	for (r = 0; r < t->nrows; r++) {
		buf_puts(b, "<tr>");
		for (i = 0; i < t->ncols; i++) {
			buf_puts(b, t->numeric[i] ? "<td class=\"n\">" : "<td dir=\"auto\">");
			if (t->numeric[i])
				put_figure(b, t->cell[r * t->ncols + i],
				    rp_html_escape);
			else
				rp_html_escape(b, t->cell[r * t->ncols + i]);
			buf_puts(b, "</td>");
		}
		buf_puts(b, "</tr>\n");
	}
	buf_puts(b, "</tbody>\n</table>\n</body>\n</html>\n");
}

/* ---- CSV ---- */

void
rp_csv(const struct rp_table *t, struct buf *b)
{
	size_t i, r;
	bool src = t->source_column && t->source != NULL;

	if (style.bom)
		buf_puts(b, "\xef\xbb\xbf");
	if (src)
		buf_csv_field(b, _("Source"));
	for (i = 0; i < t->ncols; i++) {
		if (i > 0 || src)
			buf_putc(b, ',');
		buf_csv_field(b, t->head[i]);
	}
	buf_puts(b, "\r\n");
	for (r = 0; r < t->nrows; r++) {
		if (src)
			buf_csv_field(b, t->source);
		for (i = 0; i < t->ncols; i++) {
			const char *x = t->exact[r * t->ncols + i];

			if (i > 0 || src)
				buf_putc(b, ',');
			buf_csv_field(b, x != NULL ? x : t->cell[r * t->ncols + i]);
		}
		buf_puts(b, "\r\n");
	}
}
