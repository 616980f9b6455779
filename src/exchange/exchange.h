/*
 * exchange.h: taking transcripts and projects in from other tools and
 * giving them back: Word (.docx) and OpenDocument (.odt) text, REFI-QDA
 * projects (.qdpx) and codebooks (.qdc), merging a coder's copy, and the
 * per-unit CSV for recomputing agreement elsewhere.
 *
 * Every file read here is untrusted. Archives go through zs_read (no path
 * may leave the archive, entry count and sizes capped, ZIP64 and encrypted
 * entries refused); XML goes through xs_parse (no network, no DTD loading,
 * no entity substitution, a DOCTYPE declaring entities refused). Importers
 * run inside one action, so any error leaves the project unchanged.
 *
 * Messages returned in *err are one line without the "axial: " prefix and
 * without the file name, which the caller adds: "FILE: " + *err.
 */
#ifndef AXIAL_EXCHANGE_H
#define AXIAL_EXCHANGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/project.h"

/* ---- zipsafe.c: reading an untrusted ZIP archive into memory ---- */

/* Caps on what zs_read accepts; zs_read_max raises the three sizes to the
 * caller's limit. */
#define ZS_MAX_ENTRIES 10000
#define ZS_MAX_ENTRY ((size_t)256 << 20)	/* one entry, uncompressed */
#define ZS_MAX_TOTAL ((size_t)512 << 20)	/* all entries together */
#define ZS_MAX_FILE ((size_t)1 << 30)		/* the archive itself */
/* An entry over ZS_MAX_ENTRY inflates at most this many times its
 * compressed size (XML deflates about 10:1; a bomb, up to 1032:1). */
#define ZS_MAX_RATIO 100

struct zs_entry {
	char *name;
	char *data;		/* NUL-terminated for convenience; NULL in an
				   archive zs_open_max opened, until zs_load */
	size_t len;		/* as its header declares until loaded */
	uint64_t index;		/* in the archive */
};
struct zs_archive {
	struct zs_entry *e;
	size_t n;
	struct zip *z;		/* open until zs_free */
};
/*
 * Reads every file entry of the archive data[0..len) (directories are
 * skipped). Returns 0, or -1 with *err set (the caller frees it), e.g.
 * "entry '../x' leaves the archive". Nothing is written to disk.
 */
int zs_read(const char *data, size_t len, struct zs_archive *a, char **err);
/*
 * zs_read with the caps on one entry, on the total and on the archive
 * raised to max when it is larger (import's --max-size: a large project's
 * project.qde passes 256 MiB); an entry over ZS_MAX_ENTRY must then also
 * keep to ZS_MAX_RATIO.
 */
int zs_read_max(const char *data, size_t len, uint64_t max,
    struct zs_archive *a, char **err);
/*
 * The same checks of every entry, but nothing inflated: zs_load inflates
 * an entry when it is wanted (and zs_unload frees it), or zs_reader_*
 * reads it as it inflates, so a large archive is never held inflated
 * whole. data[0..len) must stay until zs_free. An entry's bytes are
 * checked as they are read (no more than its header declares, its
 * checksum): a damaged entry fails there, with the same messages.
 */
int zs_open_max(const char *data, size_t len, uint64_t max,
    struct zs_archive *a, char **err);
/* The same on the file open at fd, len bytes long (fstat's): read as its
 * entries are, never held whole. fd stays the caller's to close. */
int zs_open_fd_max(int fd, uint64_t len, uint64_t max, struct zs_archive *a,
    char **err);
const char *zs_load(struct zs_archive *a, const struct zs_entry *e,
    char **err);
void zs_unload(struct zs_archive *a, const struct zs_entry *e);
struct zs_reader;
struct zs_reader *zs_reader_open(struct zs_archive *a,
    const struct zs_entry *e, char **err);
/* Up to n bytes into buf: how many, 0 at the entry's end, -1 when it is
 * damaged (zs_reader_close then says how). */
long zs_reader_read(struct zs_reader *r, char *buf, size_t n);
/* 0, or -1 with *err when the entry was damaged. */
int zs_reader_close(struct zs_reader *r, char **err);
void zs_free(struct zs_archive *a);
/* The entry named name (case-insensitively if icase), or NULL. */
const struct zs_entry *zs_find(const struct zs_archive *a, const char *name,
    bool icase);

/* ---- xmlsafe.c: parsing untrusted XML ---- */

/*
 * Parses data[0..len) with libxml2: no network, no external DTD, no
 * entity substitution; a DOCTYPE that declares entities is refused before
 * parsing. `what` names the part in messages ("project.qde"). Returns an
 * xmlDocPtr (as void *, so this header needs no libxml2) or NULL with *err.
 */
void *xs_parse(const char *data, size_t len, const char *what, char **err);
void xs_free(void *doc);

/* ---- import-docx.c, import-odt.c: transcripts from word processors ---- */

/*
 * The body text of a .docx / .odt held in data[0..len): one line per
 * paragraph (LF between paragraphs), tabs as TAB, line breaks inside a
 * paragraph as LF (so they stay visible lines, which axial treats as
 * paragraphs), nothing normalised. Headers, footers, images, footnotes and
 * comments are left out; *notice then says what, e.g. "left out 2 images
 * and the header" (NULL when nothing was). Returns the text (the caller
 * frees it) with *outlen, or NULL with *err.
 */
char *docx_extract(const char *data, size_t len, size_t *outlen, char **notice,
    char **err);
char *odt_extract(const char *data, size_t len, size_t *outlen, char **notice,
    char **err);

/* ---- import-pdf.c, pdf-client.c: transcripts from PDF, through poppler-glib ---- */

#define PDF_MAX_PAGES 20000
#define PDF_MAX_TEXT ((size_t)256 << 20)
#define PDF_SCALE 2.0		/* pixels a point, finding lines */
#define PDF_MAX_PIXELS 8000.0	/* a page's side, finding lines */
/*
 * The text of the PDF held in data[0..len), in logical order: one line per
 * paragraph (LF between them; a page ends a paragraph), the lines of a
 * paragraph joined by a space. Refused with *err: a damaged or
 * password-protected file, more than PDF_MAX_PAGES pages or PDF_MAX_TEXT
 * bytes of text, no text at all (a scan). *notice (NULL if nothing) names
 * pages without text and says when the right-to-left text reads backwards.
 */
char *pdf_extract(const char *data, size_t len, size_t *outlen, char **notice,
    char **err);
/*
 * pdf_extract in the helper program axial-pdf, a process of its own
 * (pdf-client.c): the same answers, and a refusal that says so when the
 * helper cannot be run, breaks on the file or answers nonsense. The one
 * way axial itself reads a PDF: only axial-pdf links poppler.
 */
char *pdf_extract_apart(const char *data, size_t len, size_t *outlen,
    char **notice, char **err);

/* ---- importer.c: the one table of what axial import reads ---- */

enum importer_kind {
	IMPORTER_TEXT,		/* plain text: .txt, .md, .text or any other name */
	IMPORTER_DOCX,
	IMPORTER_ODT,
	IMPORTER_PDF,
	IMPORTER_QDPX,		/* a REFI-QDA project, for refi_import */
	IMPORTER_QDC,		/* a REFI-QDA codebook, for refi_import */
};
/*
 * The format path's extension names, in any case ("One.TXT", "x.QDPX");
 * IMPORTER_TEXT for an extension the table does not know or none.
 * REFI-QDA files are told by this alone (refi_import refuses what is not
 * one); a transcript's own reader is chosen by importer_extract.
 */
enum importer_kind importer_kind(const char *path);
/*
 * A document name for path: its base name without an extension the table
 * knows, in any case ("dir/One.TXT" -> "One"); other extensions stay
 * ("notes.v2"). The caller frees it.
 */
char *importer_name(const char *path);
/*
 * The text of a transcript file read into data[0..len). The bytes decide:
 * a ZIP archive is a .docx or .odt by the part it holds (word/document.xml;
 * content.xml with an OpenDocument text mimetype), whatever its name, a
 * file starting "%PDF-" is a PDF, and anything else is plain text, returned
 * as read (textin_decode then checks it). A file named .docx, .odt or .pdf
 * that is not one, and a ZIP archive that is neither, are refused. NULL with *err on failure.
 */
char *importer_extract(const char *path, const char *data, size_t len,
    size_t *outlen, char **notice, char **err);

/* ---- refi-export.c, refi-import.c: REFI-QDA 1.5 ---- */

/*
 * Writes the project as a .qdpx (project.qde + sources/<guid>.txt) or its
 * code tree as a .qdc codebook, atomically. *report (may be NULL) receives
 * what REFI-QDA cannot carry, one line each ("" if nothing); free it.
 * Returns AX_OK or a status with project_errmsg-like text in *err.
 */
enum ax_status refi_export_qdpx(struct project *p, const char *out,
    char **report, char **err);
enum ax_status refi_export_qdc(struct project *p, const char *out,
    char **report, char **err);

/* What an import or merge did, for the user. */
struct refi_stats {
	int64_t documents, codes, categories, codings, memos, coders, attributes;
	int64_t links;
	int64_t evidence;	/* codings attached to links (merge) */
	int64_t skipped;	/* codings already present (merge) */
	char *report;		/* notes, one line each; "" or NULL if none */
};
void refi_stats_done(struct refi_stats *s);

/*
 * Imports a .qdpx or .qdc into p inside the caller's open action (the
 * caller commits or rolls back). The file is read as textin_read reads it:
 * a regular file of at most max bytes. Positions are converted to code
 * points on the stored text (NVivo for Windows' UTF-16 units and
 * ATLAS.ti's one-unit CRLF detected). Returns AX_OK or a status with *err.
 */
enum ax_status refi_import(struct project *p, const char *path, uint64_t max,
    struct refi_stats *st, char **err);

/*
 * Merges the codings (and the codes, coders and memos they need) of
 * another axial project or .qdpx into p, inside the caller's open action.
 * Either must be a regular file; a .qdpx is read whole, at most max bytes
 * (textin_read), a project through SQLite.
 * Documents are matched by the SHA-256 of their text, codes by GUID, then
 * by category path; a coding already present (same GUID, or same document,
 * code, coder and span) is skipped, so merging twice adds nothing. What
 * could not be matched is listed in st->report.
 */
enum ax_status merge_project(struct project *p, const char *other,
    uint64_t max, struct refi_stats *st, char **err);

#endif
