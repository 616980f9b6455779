/*
 * importer.c: the one table of the formats `axial import` reads, and the
 * choice of a reader for a file. The name says which REFI-QDA file it is
 * and what to cut from the document name; for a transcript the bytes
 * decide, so a .docx saved as "x.txt" or without an extension still
 * imports as one, and a text file named ".docx" is refused rather than
 * read as an archive. Kept apart from the readers so that none of them
 * calls another.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "exchange/exchange.h"
#include "base/i18n.h"
#include "base/util.h"
#include "exchange/exchange-int.h"

struct importer {
	enum importer_kind kind;
	const char *ext[4];	/* with the dot, any case; NULL-terminated */
	/* A ZIP transcript: its name in messages, the entry that marks it,
	 * what a "mimetype" entry, if the archive has one, must start with,
	 * and its reader. */
	const char *what;
	const char *part;
	const char *mimetype;
	char *(*extract)(const struct zs_archive *a, size_t *outlen,
	    char **notice, char **err);
};

/* A new format is a row here (docs/architecture.md §9.4). */
static const struct importer importers[] = {
	{IMPORTER_TEXT, {".txt", ".md", ".text", NULL}, NULL, NULL, NULL, NULL},
	{IMPORTER_DOCX, {".docx", NULL}, N_("a Word document"),
	    "word/document.xml", NULL, docx_extract_zip},
	{IMPORTER_ODT, {".odt", NULL}, N_("an OpenDocument text"),
	    "content.xml", "application/vnd.oasis.opendocument.text",
	    odt_extract_zip},
	{IMPORTER_PDF, {".pdf", NULL}, NULL, NULL, NULL, NULL},
	{IMPORTER_QDPX, {".qdpx", NULL}, NULL, NULL, NULL, NULL},
	{IMPORTER_QDC, {".qdc", NULL}, NULL, NULL, NULL, NULL},
};

/* The extension of path's base name ("." and all), or NULL: a leading dot
 * (".txt") names a file, not its format. */
static const char *
extension(const char *path)
{
	const char *base = strrchr(path, '/'), *dot;

	base = base != NULL ? base + 1 : path;
	dot = strrchr(base, '.');
	return dot != NULL && dot != base ? dot : NULL;
}

/* The row path's extension names, or NULL. */
static const struct importer *
by_name(const char *path)
{
	const char *dot = extension(path);
	size_t i, k;

	for (i = 0; dot != NULL && i < AX_ARRAY_LEN(importers); i++)
		for (k = 0; importers[i].ext[k] != NULL; k++)
			if (strcasecmp(dot, importers[i].ext[k]) == 0)
				return &importers[i];
	return NULL;
}

enum importer_kind
importer_kind(const char *path)
{
	const struct importer *r = by_name(path);

	return r != NULL ? r->kind : IMPORTER_TEXT;
}

char *
importer_name(const char *path)
{
	const char *base = strrchr(path, '/');
	char *name = xstrdup(base != NULL ? base + 1 : path);

	if (by_name(name) != NULL)
		*strrchr(name, '.') = '\0';
	return name;
}

/* Whether the archive holds row r's marking part (and no other mimetype). */
static bool
sniff(const struct importer *r, const struct zs_archive *a)
{
	const struct zs_entry *m = zs_find(a, "mimetype", false);

	return r->extract != NULL && zs_find(a, r->part, false) != NULL &&
	    (r->mimetype == NULL || m == NULL ||
	    strncmp(m->data, r->mimetype, strlen(r->mimetype)) == 0);
}

/*
 * A ZIP transcript: the named row if the archive is one, else the first
 * that matches; failing both, the named row's own reader says what is
 * missing, or the archive is no transcript at all.
 */
static char *
from_zip(const struct importer *named, const char *data, size_t len,
    size_t *outlen, char **notice, char **err)
{
	const struct importer *r = NULL;
	struct zs_archive a;
	struct buf exts = {0};
	char *text = NULL;
	size_t i;

	if (zs_read(data, len, &a, err) != 0)
		return NULL;
	if (named != NULL && sniff(named, &a))
		r = named;
	for (i = 0; r == NULL && i < AX_ARRAY_LEN(importers); i++)
		if (sniff(&importers[i], &a))
			r = &importers[i];
	if (r == NULL && named != NULL && named->extract != NULL)
		r = named;
	if (r != NULL) {
		text = r->extract(&a, outlen, notice, err);
	} else {
		for (i = 0; i < AX_ARRAY_LEN(importers); i++)
			if (importers[i].extract != NULL)
				buf_printf(&exts, "%s%s", exts.len > 0 ? ", " : "",
				    importers[i].ext[0]);
		/* TRANSLATORS: %s lists extensions: ".docx, .odt" */
		*err = xasprintf(_("a ZIP archive, but not a transcript axial reads "
		    "(%s)"), exts.s);
		buf_done(&exts);
	}
	zs_free(&a);
	return text;
}

char *
importer_extract(const char *path, const char *data, size_t len,
    size_t *outlen, char **notice, char **err)
{
	const struct importer *named = by_name(path);
	char *copy;

	*notice = NULL;
	*err = NULL;
	/* A local file header, or the end record of an empty archive; "PK"
	 * alone starts ordinary words. */
	if (len >= 4 && (memcmp(data, "PK\x03\x04", 4) == 0 ||
	    memcmp(data, "PK\x05\x06", 4) == 0))
		return from_zip(named, data, len, outlen, notice, err);
	if (len >= 5 && memcmp(data, "%PDF-", 5) == 0)
		return pdf_extract_apart(data, len, outlen, notice, err);
	if (named != NULL && named->kind == IMPORTER_PDF) {
		/* TRANSLATORS: the last %s is an extension, ".txt" */
		*err = xasprintf(_("not a PDF: it does not start with %%PDF-; "
		    "plain text imports under a name ending in %s"),
		    importers[0].ext[0]);
		return NULL;
	}
	if (named != NULL && named->extract != NULL) {
		/* TRANSLATORS: "not a Word document (.docx): ...";
		   the last %s is an extension, ".txt" */
		*err = xasprintf(_("not %s (%s): it is not a ZIP archive; plain "
		    "text imports under a name ending in %s"), _(named->what),
		    extension(path), importers[0].ext[0]);
		return NULL;
	}
	copy = xmalloc(len + 1);	/* NULs and all: textin checks */
	memcpy(copy, data, len);
	copy[len] = '\0';
	*outlen = len;
	return copy;
}
