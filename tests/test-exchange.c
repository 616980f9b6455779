/*
 * test-exchange.c: the untrusted-input readers (zipsafe, xmlsafe), the
 * .docx/.odt extractors and REFI-QDA import at the model level: position
 * readings, GUID forms, refusals with the project unchanged, and links:
 * read from the shape other tools write, each one axial cannot take left
 * out with its own report line, and kept through export and import;
 * merging a coder's copy with its links, types, memos, evidence, storyline
 * and core category, again (nothing added), undone, and each link the
 * model refuses once the two projects meet left out and named.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

#include "store/coder.h"
#include "store/codetree.h"
#include "store/coding.h"
#include "store/document.h"
#include "store/history.h"
#include "store/link.h"
#include "exchange/exchange.h"
#include "store/memo.h"
#include "store/project.h"
#include "base/textin.h"
#include "base/util.h"
#include "exchange/exchange-int.h"
#include "testutil.h"

struct ent {
	const char *name;
	const char *data;
	size_t len;		/* 0: strlen(data) */
};

/* Builds a ZIP with libzip; returns its bytes (caller frees). */
static char *
mkzip(const struct ent *e, size_t n, bool encrypt, size_t *len)
{
	static int seq;
	char name[32], *path, *data;
	zip_t *z;
	size_t i;
	int err;

	snprintf(name, sizeof name, "z%d.zip", seq++);
	path = tu_path(name);
	z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	assert_non_null(z);
	for (i = 0; i < n; i++) {
		size_t l = e[i].len ? e[i].len : strlen(e[i].data);
		zip_source_t *s = zip_source_buffer(z, e[i].data, l, 0);
		zip_int64_t idx = zip_file_add(z, e[i].name, s, ZIP_FL_ENC_UTF_8);

		assert_true(idx >= 0);
		if (encrypt)
			assert_int_equal(zip_file_set_encryption(z, (zip_uint64_t)idx,
			    ZIP_EM_AES_256, "secret"), 0);
	}
	assert_int_equal(zip_close(z), 0);
	data = file_read_all(path, len);
	assert_non_null(data);
	free(path);
	return data;
}

static void
expect_zip_error(const char *data, size_t len, const char *want)
{
	struct zs_archive a;
	char *err = NULL;

	char *path = tu_path("refused.zip");
	int fd;

	assert_int_equal(zs_read(data, len, &a, &err), -1);
	assert_non_null(err);
	if (strstr(err, want) == NULL)
		fail_msg("'%s' not in '%s'", want, err);
	assert_int_equal(a.n, 0);
	free(err);
	/* the same refusal from the file, which the import reads that way */
	assert_int_equal(file_write_atomic(path, data, len), 0);
	assert_true((fd = open(path, O_RDONLY)) >= 0);
	assert_int_equal(zs_open_fd_max(fd, len, 0, &a, &err), -1);
	close(fd);
	if (err == NULL || strstr(err, want) == NULL)
		fail_msg("from the file: '%s' not in '%s'", want, err ? err : "");
	assert_int_equal(a.n, 0);
	free(err);
	free(path);
}

static void
test_zip_names(void **state)
{
	static const char *const bad[] = {"../evil", "a/../../evil", "/etc/passwd",
		"C:evil", "a\\..\\evil", ".."};
	size_t i, len;

	(void)state;
	for (i = 0; i < AX_ARRAY_LEN(bad); i++) {
		struct ent e[] = {{"ok.txt", "x", 0}, {bad[i], "y", 0}};
		char *z = mkzip(e, 2, false, &len);

		expect_zip_error(z, len, "leaves the archive");
		free(z);
	}
	{
		/* a name with ".." inside a component is fine */
		struct ent e[] = {{"sources/a..b.txt", "x", 0}, {"dir/", "", 0}};
		struct zs_archive a;
		char *err = NULL, *z = mkzip(e, 1, false, &len);

		assert_int_equal(zs_read(z, len, &a, &err), 0);
		assert_int_equal(a.n, 1);
		assert_non_null(zs_find(&a, "SOURCES/A..B.TXT", true));
		assert_null(zs_find(&a, "SOURCES/A..B.TXT", false));
		assert_string_equal(zs_find(&a, "sources/a..b.txt", false)->data, "x");
		zs_free(&a);
		free(z);
	}
}

static void
test_zip_caps(void **state)
{
	struct ent *many = xcalloc(ZS_MAX_ENTRIES + 1, sizeof *many);
	char (*names)[16] = xcalloc(ZS_MAX_ENTRIES + 1, 16);
	size_t i, len;
	char *z;

	(void)state;
	for (i = 0; i < ZS_MAX_ENTRIES + 1; i++) {
		snprintf(names[i], 16, "f%zu", i);
		many[i].name = names[i];
		many[i].data = "";
		many[i].len = 0;
	}
	z = mkzip(many, ZS_MAX_ENTRIES + 1, false, &len);
	expect_zip_error(z, len, "more than 10000 entries");
	free(z);
	free(many);
	free(names);
	{
		/* an entry just over the cap, mostly zeros so it compresses */
		size_t big = ZS_MAX_ENTRY + 1;
		char *zeros = xcalloc(big, 1);
		struct ent e[] = {{"big.txt", zeros, big}};

		z = mkzip(e, 1, false, &len);
		free(zeros);
		assert_true(len < big / 100);
		expect_zip_error(z, len, "is too large");
		free(z);
	}
}

static void
test_zip_damaged(void **state)
{
	struct ent e[] = {{"project.qde", "<Project/>", 0}, {"sources/a.txt",
	    "hello hello hello hello hello hello hello hello", 0}};
	size_t len;
	char *z = mkzip(e, 2, false, &len), *z64;

	(void)state;
	expect_zip_error(z, len / 2, "not a valid ZIP archive");
	expect_zip_error(z, 10, "not a ZIP archive");
	expect_zip_error("hello, this is no zip at all", 28, "not a ZIP archive");
	/* the ZIP64 locator signature near the end */
	z64 = xmalloc(len + 20);
	memcpy(z64, z, len - 22);
	memcpy(z64 + len - 22, "PK\x06\x07", 4);
	memset(z64 + len - 18, 0, 16);
	memcpy(z64 + len - 2, z + len - 22, 22);
	expect_zip_error(z64, len + 20, "ZIP64");
	free(z64);
	free(z);
	z = mkzip(e, 2, true, &len);
	expect_zip_error(z, len, "is encrypted");
	free(z);
}

static void
test_xml_safety(void **state)
{
	static const char xxe[] = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x "
	    "SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
	static const char lol[] = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a "
	    "\"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><r>&b;</r>";
	static const char ext[] = "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM "
	    "\"http://example.invalid/r.dtd\"><r/>";
	static const char bad[] = "<r><a></r>";
	static const char good[] = "<?xml version=\"1.0\"?><r a=\"&#xDF;\">t</r>";
	char *err = NULL;
	void *d;

	(void)state;
	assert_null(xs_parse(xxe, sizeof xxe - 1, "x.xml", &err));
	assert_non_null(strstr(err, "x.xml declares XML entities in a DOCTYPE"));
	free(err);
	assert_null(xs_parse(lol, sizeof lol - 1, "x.xml", &err));
	assert_non_null(strstr(err, "declares XML entities"));
	free(err);
	/* an external DTD is named but never fetched (no network, no loading) */
	d = xs_parse(ext, sizeof ext - 1, "x.xml", &err);
	assert_non_null(d);
	xs_free(d);
	assert_null(xs_parse(bad, sizeof bad - 1, "x.xml", &err));
	assert_non_null(strstr(err, "x.xml is not well-formed XML (line 1"));
	free(err);
	d = xs_parse(good, sizeof good - 1, "x.xml", &err);
	assert_non_null(d);
	assert_null(err);
	xs_free(d);
}

/* A reader of a string k bytes at a time (xs_stream_io), or failing at
 * byte fail_at when that is not 0. */
struct chunks {
	const char *s;
	size_t len, at, k, fail_at;
};

static long
chunk_read(void *ctx, char *buf, size_t n)
{
	struct chunks *c = ctx;

	if (c->fail_at != 0 && c->at >= c->fail_at)
		return -1;
	if (n > c->k)
		n = c->k;
	if (n > c->len - c->at)
		n = c->len - c->at;
	memcpy(buf, c->s + c->at, n);
	c->at += n;
	return (long)n;
}

/* xs_stream_io of the whole string s in one read. */
static int
stream_mem(const char *s, size_t len, xs_each_fn each, void *ctx,
    void **skel, char **err)
{
	struct chunks c = { s, len, 0, len, 0 };

	return xs_stream_io(chunk_read, &c, "d.xml", "S", each, ctx, skel, err);
}

/* xs_stream_io's each: the names of the children it is given, and their
 * attribute a; "stop" stops the walk with 7. */
static int
stream_each(void *ctx, xmlNode *n)
{
	struct buf *b = ctx;
	char *a = xs_attr(n, "a");

	buf_printf(b, "%s:%s:%d;", (const char *)n->name, a ? a : "-",
	    n->children != NULL && n->children->type == XML_ELEMENT_NODE);
	if (a != NULL && strcmp(a, "stop") == 0) {
		free(a);
		return 7;
	}
	free(a);
	return 0;
}

static void
test_xml_stream(void **state)
{
	static const char doc[] = "<?xml version=\"1.0\"?>\n<r xmlns=\"urn:x\" t=\"1\">"
	    "<head><h a=\"1\"/></head><S><x a=\"1\"><y/></x> <z a=\"2\"/>"
	    "<!-- c --></S><tail><q a=\"3\">t</q></tail></r>";
	static const char late[] = "<r><S><x a=\"1\"/><z a=\"2\"/></S>"
	    "<tail><q></tail></r>";
	static const char stop[] = "<r><S><x a=\"stop\"/><z a=\"2\"/></S></r>";
	static const char xxe[] = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x "
	    "SYSTEM \"file:///etc/passwd\">]><r><S><x a=\"&x;\"/></S></r>";
	struct buf b = {0};
	char *err = NULL;
	void *skel = NULL;
	xmlNode *root, *c;

	(void)state;
	/* the section's children one at a time, in order, each whole */
	assert_int_equal(stream_mem(doc, sizeof doc - 1, stream_each, &b, &skel,
	    &err), 0);
	assert_null(err);
	assert_string_equal(b.s, "x:1:1;z:2:0;");
	/* the rest whole: root with its attribute and namespace, head and
	 * tail with their children, S there but empty */
	root = xmlDocGetRootElement(skel);
	assert_string_equal((const char *)root->name, "r");
	assert_true(xs_is(root, "urn:x", "r"));
	err = xs_attr(root, "t");
	assert_string_equal(err, "1");
	free(err);
	c = xs_child(root, "urn:x", "head");
	assert_non_null(xs_child(c, "urn:x", "h"));
	assert_non_null(c = xs_child(root, "urn:x", "S"));
	assert_null(c->children);
	c = xs_child(xs_child(root, "urn:x", "tail"), "urn:x", "q");
	assert_non_null(c);
	err = xs_attr(c, "a");
	assert_string_equal(err, "3");
	free(err);
	err = NULL;
	xs_free(skel);
	/* without a skeleton: each alone */
	b.len = 0;
	assert_int_equal(stream_mem(doc, sizeof doc - 1, stream_each, &b, NULL,
	    &err), 0);
	assert_string_equal(b.s, "x:1:1;z:2:0;");
	/* broken after the section: each has seen it, the walk fails */
	b.len = 0;
	assert_int_equal(stream_mem(late, sizeof late - 1, stream_each, &b, &skel,
	    &err), -1);
	assert_null(skel);
	assert_non_null(strstr(err, "d.xml is not well-formed XML (line 1"));
	free(err);
	/* each stops it: its value, no message */
	b.len = 0;
	assert_int_equal(stream_mem(stop, sizeof stop - 1, stream_each, &b, &skel,
	    &err), 7);
	assert_null(err);
	assert_null(skel);
	assert_string_equal(b.s, "x:stop:0;");
	/* refused as xs_parse refuses it, before each sees anything */
	b.len = 0;
	assert_int_equal(stream_mem(xxe, sizeof xxe - 1, stream_each, &b, &skel,
	    &err), -1);
	assert_non_null(strstr(err, "d.xml declares XML entities in a DOCTYPE"));
	assert_int_equal(b.len, 0);
	free(err);
	buf_done(&b);
}

static void
test_xml_stream_io(void **state)
{
	static const char doc[] = "<?xml version=\"1.0\"?>\n<r xmlns=\"urn:x\">"
	    "<head/><S><x a=\"1\"><y/></x><z a=\"2\"/></S><tail/></r>";
	static const char xxe[] = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x "
	    "SYSTEM \"file:///etc/passwd\">]><r><S><x a=\"&x;\"/></S></r>";
	static const char dtd[] = "<?xml version=\"1.0\"?><!DOCTYPE r><r><S>"
	    "<x a=\"1\"/></S></r>";
	struct buf b = {0};
	char *err = NULL;
	void *skel = NULL;
	size_t k;

	(void)state;
	/* any read size, the needles of the DOCTYPE check straddling reads:
	 * the same walk as from memory */
	for (k = 1; k <= 17; k += (k < 10 ? 1 : 7)) {
		struct chunks c = { doc, sizeof doc - 1, 0, k, 0 };
		struct chunks x = { xxe, sizeof xxe - 1, 0, k, 0 };
		struct chunks d = { dtd, sizeof dtd - 1, 0, k, 0 };

		b.len = 0;
		assert_int_equal(xs_stream_io(chunk_read, &c, "d.xml", "S",
		    stream_each, &b, &skel, &err), 0);
		assert_null(err);
		assert_string_equal(b.s, "x:1:1;z:2:0;");
		assert_non_null(xs_child(xmlDocGetRootElement(skel), "urn:x", "tail"));
		xs_free(skel);
		/* entities refused before libxml2 sees them, whatever the
		 * reads; a DOCTYPE without them is read */
		b.len = 0;
		assert_int_equal(xs_stream_io(chunk_read, &x, "d.xml", "S",
		    stream_each, &b, &skel, &err), -1);
		assert_null(skel);
		assert_non_null(strstr(err, "d.xml declares XML entities in a DOCTYPE"));
		assert_int_equal(b.len, 0);
		free(err);
		b.len = 0;
		assert_int_equal(xs_stream_io(chunk_read, &d, "d.xml", "S",
		    stream_each, &b, NULL, &err), 0);
		assert_string_equal(b.s, "x:1:0;");
	}
	/* the reader fails: -2, the message is the caller's */
	{
		struct chunks c = { doc, sizeof doc - 1, 0, 8, 40 };

		assert_int_equal(xs_stream_io(chunk_read, &c, "d.xml", "S",
		    stream_each, &b, &skel, &err), -2);
		assert_null(err);
		assert_null(skel);
	}
	buf_done(&b);
}

/* zs_open_max checks every entry but inflates one only when asked, and
 * reads it as zs_read would have. */
static void
test_zip_lazy(void **state)
{
	struct ent e[] = {{"project.qde", "<Project/>", 0}, {"sources/a.txt",
	    "hello hello hello hello hello hello hello hello", 0}, {"../evil", "x", 0}};
	struct zs_archive a;
	struct zs_reader *r;
	const struct zs_entry *t;
	char *z, *err = NULL, buf[8];
	size_t len, at = 0;
	long got;

	(void)state;
	z = mkzip(e, 2, false, &len);
	assert_int_equal(zs_open_max(z, len, 0, &a, &err), 0);
	assert_int_equal(a.n, 2);
	assert_non_null(t = zs_find(&a, "sources/a.txt", false));
	assert_null(t->data);
	assert_int_equal(t->len, strlen(e[1].data));
	assert_string_equal(zs_load(&a, t, &err), e[1].data);
	zs_unload(&a, t);
	assert_null(t->data);
	/* streamed in small reads, to the byte */
	assert_non_null(r = zs_reader_open(&a, t, &err));
	while ((got = zs_reader_read(r, buf, sizeof buf)) > 0) {
		assert_memory_equal(buf, e[1].data + at, (size_t)got);
		at += (size_t)got;
	}
	assert_int_equal(got, 0);
	assert_int_equal(at, strlen(e[1].data));
	assert_int_equal(zs_reader_close(r, &err), 0);
	zs_free(&a);
	free(z);
	/* the same from the file, read as its entries are */
	{
		char *path = tu_path("lazy.zip");
		int fd;

		z = mkzip(e, 2, false, &len);
		assert_int_equal(file_write_atomic(path, z, len), 0);
		assert_true((fd = open(path, O_RDONLY)) >= 0);
		assert_int_equal(zs_open_fd_max(fd, len, 0, &a, &err), 0);
		close(fd);	/* the archive keeps its own */
		assert_non_null(t = zs_find(&a, "project.qde", false));
		assert_string_equal(zs_load(&a, t, &err), e[0].data);
		assert_non_null(t = zs_find(&a, "sources/a.txt", false));
		assert_string_equal(zs_load(&a, t, &err), e[1].data);
		zs_free(&a);
		free(z);
		free(path);
	}
	/* a bad name is refused by the open, before anything is read */
	z = mkzip(e, 3, false, &len);
	assert_int_equal(zs_open_max(z, len, 0, &a, &err), -1);
	assert_non_null(strstr(err, "leaves the archive"));
	assert_int_equal(a.n, 0);
	free(err);
	free(z);
}

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

static void
test_docx(void **state)
{
	const char *doc = "<?xml version=\"1.0\"?><w:document " W_NS "><w:body>"
	    "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\"/></w:tabs></w:pPr>"
	    "<w:r><w:t>a</w:t><w:tab/><w:t xml:space=\"preserve\"> b </w:t></w:r></w:p>"
	    "<w:p><w:r><w:t>c</w:t><w:br/><w:t>d</w:t><w:br w:type=\"page\"/>"
	    "<w:delText>gone</w:delText><w:instrText>PAGE</w:instrText></w:r>"
	    "<w:ins><w:r><w:t>e</w:t></w:r></w:ins></w:p>"
	    "<w:p/><w:p><w:r><w:t>\xd9\xbe\xe2\x80\x8c\xd8\xb3</w:t>"
	    "<w:drawing/><w:footnoteReference w:id=\"1\"/></w:r></w:p>"
	    "</w:body></w:document>";
	const char *hdr = "<w:hdr " W_NS "><w:p><w:r><w:t>H</w:t></w:r></w:p></w:hdr>";
	const char *ftr = "<w:ftr " W_NS "><w:p/></w:ftr>";	/* empty: not reported */
	struct ent e[] = {{"word/document.xml", doc, 0}, {"word/header1.xml", hdr, 0},
	    {"word/footer1.xml", ftr, 0}};
	size_t len, tl;
	char *z = mkzip(e, 3, false, &len), *notice = NULL, *err = NULL, *t;

	(void)state;
	t = docx_extract(z, len, &tl, &notice, &err);
	assert_non_null(t);
	/* the page break keeps d and e apart */
	assert_string_equal(t, "a\t b \nc\nd\ne\n\n\xd9\xbe\xe2\x80\x8c\xd8\xb3");
	assert_int_equal(tl, strlen(t));
	assert_string_equal(notice, "left out 1 image, the header and 1 footnote");
	free(t);
	free(notice);
	free(z);
	{
		struct ent e2[] = {{"content.xml", "<x/>", 0}};

		z = mkzip(e2, 1, false, &len);
		assert_null(docx_extract(z, len, &tl, &notice, &err));
		assert_string_equal(err, "not a Word document (no word/document.xml)");
		free(err);
		free(z);
	}
}

#define ODT_NS "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
	"xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " \
	"xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""

static void
test_odt(void **state)
{
	const char *content = "<office:document-content " ODT_NS "><office:body>"
	    "<office:text><text:h>  Title   here </text:h>"
	    "<text:p>x<text:s text:c=\"2\"/>y<text:tab/>z<text:line-break/>w"
	    "<office:annotation><text:p>comment</text:p></office:annotation></text:p>"
	    "<text:p><draw:frame><draw:image/></draw:frame>q</text:p>"
	    "</office:text></office:body></office:document-content>";
	struct ent e[] = {{"mimetype", "application/vnd.oasis.opendocument.text", 0},
	    {"content.xml", content, 0}};
	size_t len, tl;
	char *z = mkzip(e, 2, false, &len), *notice = NULL, *err = NULL, *t;

	(void)state;
	t = odt_extract(z, len, &tl, &notice, &err);
	assert_non_null(t);
	assert_string_equal(t, "Title here\nx  y\tz\nw\nq");
	assert_string_equal(notice, "left out 1 image and 1 comment");
	free(t);
	free(notice);
	free(z);
}

/* docx_extract of a document.xml (and numbering.xml if given): the text,
 * and the notice in *notice ("" if none). */
static char *
docx_of(const char *body, const char *numbering, char **notice)
{
	char *doc = xasprintf("<?xml version=\"1.0\"?><w:document " W_NS " "
	    "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
	    "xmlns:v=\"urn:schemas-microsoft-com:vml\" "
	    "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
	    "<w:body>%s</w:body></w:document>", body);
	char *num = numbering != NULL ? xasprintf("<w:numbering " W_NS ">%s"
	    "</w:numbering>", numbering) : NULL;
	struct ent e[] = {{"word/document.xml", doc, 0},
	    {"word/numbering.xml", num != NULL ? num : "", 0}};
	size_t len, tl;
	char *z = mkzip(e, num != NULL ? 2 : 1, false, &len), *err = NULL, *t;

	t = docx_extract(z, len, &tl, notice, &err);
	assert_non_null(t);
	assert_null(err);
	if (*notice == NULL)
		*notice = xstrdup("");
	free(z);
	free(doc);
	free(num);
	return t;
}

#define NP(id, lvl, text) "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" lvl "\"/>" \
	"<w:numId w:val=\"" id "\"/></w:numPr></w:pPr><w:r><w:t>" text \
	"</w:t></w:r></w:p>"

static void
test_docx_fidelity(void **state)
{
	/* A text box in mc:Choice and again in mc:Fallback: its text once,
	 * after the paragraph it is anchored in; nothing called an image. */
	const char *box = "<w:p><w:r><w:t>a</w:t></w:r><w:r><mc:AlternateContent>"
	    "<mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>"
	    "<w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>"
	    "</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
	    "<w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent>"
	    "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
	    "<w:r><w:t>b</w:t></w:r></w:p><w:p><w:r><w:t>c</w:t></w:r></w:p>";
	/* Tracked changes accepted: moved-from out, moved-to in. */
	const char *moved = "<w:p><w:pPr><w:rPr><w:moveFrom/></w:rPr></w:pPr>"
	    "<w:moveFrom><w:r><w:t>m</w:t></w:r></w:moveFrom></w:p>"
	    "<w:p><w:r><w:t>x</w:t><w:br w:type=\"column\"/><w:t>y</w:t>"
	    "<w:lastRenderedPageBreak/><w:t>z</w:t></w:r></w:p>"
	    "<w:p><w:moveTo><w:r><w:t>m</w:t></w:r></w:moveTo></w:p>";
	const char *num = "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\">"
	    "<w:start w:val=\"3\"/><w:numFmt w:val=\"upperRoman\"/><w:lvlText "
	    "w:val=\"%1.\"/><w:suff w:val=\"space\"/></w:lvl><w:lvl w:ilvl=\"1\">"
	    "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.%2\"/>"
	    "<w:suff w:val=\"nothing\"/></w:lvl></w:abstractNum>"
	    "<w:abstractNum w:abstractNumId=\"1\"><w:numStyleLink w:val=\"S\"/>"
	    "</w:abstractNum>"
	    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
	    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>";
	/* The first paragraph's mark is deleted: it joins the next, which
	 * keeps its label; the deleted one counts nothing. */
	const char *lists = "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId "
	    "w:val=\"1\"/></w:numPr><w:rPr><w:del/></w:rPr></w:pPr><w:r><w:t "
	    "xml:space=\"preserve\">k </w:t></w:r></w:p>" NP("1", "0", "q") NP("1", "1", "r") NP("1", "1", "s")
	    NP("1", "0", "t") NP("1", "1", "u") NP("9", "0", "nowhere")
	    NP("1", "4000000000", "deep") NP("2", "0", "link to nothing");
	char *t, *notice = NULL;

	(void)state;
	t = docx_of(box, NULL, &notice);
	assert_string_equal(t, "ab\nbox\nc");
	assert_string_equal(notice, "");
	free(t);
	free(notice);
	notice = NULL;
	t = docx_of(moved, NULL, &notice);
	assert_string_equal(t, "x\nyz\nm");
	free(t);
	free(notice);
	notice = NULL;
	/* A list with no numbering.xml at all (a fuzz finding) */
	t = docx_of(NP("1", "0", "q"), NULL, &notice);
	assert_string_equal(t, "q");
	assert_string_equal(notice, "left out 1 list number whose numbering "
	    "definition is missing or broken");
	free(t);
	free(notice);
	notice = NULL;
	t = docx_of(lists, num, &notice);
	assert_string_equal(t, "III. k q\nIII.1r\nIII.2s\nIV. t\nIV.1u\nnowhere\n"
	    "deep\nlink to nothing");
	assert_string_equal(notice, "left out 3 list numbers whose numbering "
	    "definitions are missing or broken");
	free(t);
	free(notice);
}

static void
test_listnum(void **state)
{
	static const struct {
		long long n;
		enum listnum_fmt f;
		const char *want;
	} cases[] = {
		{4, LN_LOWER_ROMAN, "iv"}, {3999, LN_UPPER_ROMAN, "MMMCMXCIX"},
		{4000, LN_UPPER_ROMAN, "4000"}, {0, LN_LOWER_ROMAN, "0"},
		{27, LN_LOWER_LETTER, "aa"}, {28, LN_UPPER_LETTER, "BB"},
		{27, LN_LOWER_ALPHA, "aa"}, {28, LN_UPPER_ALPHA, "AB"},
		{702, LN_LOWER_ALPHA, "zz"}, {703, LN_LOWER_ALPHA, "aaa"},
		{7, LN_DECIMAL_ZERO, "07"}, {12, LN_DECIMAL_ZERO, "12"},
		{11, LN_ORDINAL, "11th"}, {22, LN_ORDINAL, "22nd"},
		{12, LN_ARABIC_INDIC, "\xd9\xa1\xd9\xa2"},
		{30, LN_PERSIAN, "\xdb\xb3\xdb\xb0"},
		{2, LN_ARABIC_ABJAD, "\xd8\xa8"}, {3, LN_ARABIC_ABJAD, "\xd8\xac"},
		{3, LN_ARABIC_ALPHA, "\xd8\xaa"}, {5, LN_NONE, ""},
		{1000000000000LL, LN_LOWER_LETTER, "1000000000000"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < AX_ARRAY_LEN(cases); i++) {
		struct buf b = {0};

		listnum_put(&b, cases[i].n, cases[i].f);
		buf_puts(&b, "");
		assert_string_equal(b.s, cases[i].want);
		buf_done(&b);
	}
}

static void
test_notice(void **state)
{
	struct leftout l = {0, 0, 0, 0, 0, 0, 0, 0, 0};
	char *s;

	(void)state;
	assert_null(leftout_notice(&l));
	l.images = 2;
	l.headers = 1;
	s = leftout_notice(&l);
	assert_string_equal(s, "left out 2 images and the header");
	free(s);
	l.footers = 2;
	s = leftout_notice(&l);
	assert_string_equal(s, "left out 2 images, the header and 2 footers");
	free(s);
}

/* importer_extract on zip bytes as if from path: the text, or "!" + err. */
static char *
extract_as(const char *path, const struct ent *e, size_t n)
{
	size_t len, tl;
	char *z = mkzip(e, n, false, &len), *notice = NULL, *err = NULL, *t;

	t = importer_extract(path, z, len, &tl, &notice, &err);
	if (t == NULL) {
		t = xasprintf("!%s", err);
		free(err);
	}
	free(notice);
	free(z);
	return t;
}

static void
test_importer(void **state)
{
	const char *doc = "<w:document " W_NS "><w:body><w:p><w:r><w:t>docx"
	    "</w:t></w:r></w:p></w:body></w:document>";
	const char *content = "<office:document-content " ODT_NS "><office:body>"
	    "<office:text><text:p>odt</text:p></office:text></office:body>"
	    "</office:document-content>";
	struct ent both[] = {{"word/document.xml", doc, 0}, {"content.xml", content, 0}};
	struct ent odt[] = {{"content.xml", content, 0}};
	const char *cells = "<office:document-content " ODT_NS "><office:body>"
	    "<office:spreadsheet/></office:body></office:document-content>";
	struct ent sheet[] = {{"mimetype", "application/vnd.oasis.opendocument."
	    "spreadsheet", 0}, {"content.xml", cells, 0}};
	const char *names[][2] = {{"dir/One.TXT", "One"}, {"a.b/x.Md", "x"},
	    {"ONE.DOCX", "ONE"}, {"n.OdT", "n"}, {"t.text", "t"}, {"p.qdpx", "p"},
	    {".txt", ".txt"}, {"d.txt/notes", "notes"}, {"notes.v2", "notes.v2"},
	    {"x.txt.bak", "x.txt.bak"}};
	size_t i, tl;
	char *s, *notice, *err;

	(void)state;
	for (i = 0; i < AX_ARRAY_LEN(names); i++) {
		s = importer_name(names[i][0]);
		assert_string_equal(s, names[i][1]);
		free(s);
	}
	assert_int_equal(importer_kind("X.QDPX"), IMPORTER_QDPX);
	assert_int_equal(importer_kind("c.Qdc"), IMPORTER_QDC);
	assert_int_equal(importer_kind("d.qdc/x"), IMPORTER_TEXT);
	assert_int_equal(importer_kind("a.DocX"), IMPORTER_DOCX);
	assert_int_equal(importer_kind("a.txt"), IMPORTER_TEXT);
	/* The bytes choose: the named format when the archive is one, else
	 * the first that fits; no mimetype is no objection. */
	s = extract_as("x.odt", both, 2);
	assert_string_equal(s, "odt");
	free(s);
	s = extract_as("x.txt", both, 2);
	assert_string_equal(s, "docx");
	free(s);
	s = extract_as("x.docx", odt, 1);
	assert_string_equal(s, "odt");
	free(s);
	/* A spreadsheet is no text, under any name. */
	s = extract_as("x", sheet, 2);
	assert_string_equal(s, "!a ZIP archive, but not a transcript axial reads "
	    "(.docx, .odt)");
	free(s);
	s = extract_as("x.odt", sheet, 2);
	assert_string_equal(s, "!content.xml has no office:body/office:text (not "
	    "a text document)");
	free(s);
	/* Not a ZIP: plain text as read, unless named as an archive. */
	s = importer_extract("PK.txt", "PK\x03", 3, &tl, &notice, &err);
	assert_non_null(s);
	assert_int_equal(tl, 3);
	assert_memory_equal(s, "PK\x03", 4);
	free(s);
	assert_null(importer_extract("a/b.c/y.Docx", "PK\x03", 3, &tl, &notice, &err));
	assert_string_equal(err, "not a Word document (.Docx): it is not a ZIP "
	    "archive; plain text imports under a name ending in .txt");
	free(err);
}

/* ---- REFI-QDA import ---- */

#define U1 "{AAAAAAAA-1111-4111-8111-111111111111}"
#define C1 "BBBBBBBB-2222-4222-8222-222222222222"
#define S1 "cccccccc-3333-4333-8333-333333333333"

static char *
qde(const char *origin, const char *sels, const char *extra)
{
	return xasprintf("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
	    "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"t\" origin=\"%s\">"
	    "<Users><User guid=\"" U1 "\" name=\"Reza\"/></Users>"
	    "<CodeBook><Codes><Code guid=\"" C1 "\" name=\"c\" isCodable=\"true\"/>"
	    "</Codes></CodeBook>"
	    "<Sources><TextSource guid=\"" S1 "\" name=\"fa\" plainTextPath="
	    "\"internal://" S1 ".txt\">%s</TextSource></Sources>%s</Project>",
	    origin, sels, extra);
}

static char *
sel(int i, long a, long b)
{
	return xasprintf("<PlainTextSelection guid=\"0000000%d-4444-4444-8444-444444444444\""
	    " startPosition=\"%ld\" endPosition=\"%ld\" creatingUser=\"" U1 "\">"
	    "<Coding guid=\"0000000%d-5555-4555-8555-555555555555\">"
	    "<CodeRef targetGUID=\"" C1 "\"/></Coding></PlainTextSelection>", i, a, b, i);
}

static struct project *
new_project(void)
{
	char *path;
	struct project *p = tu_new_project(&path);

	free(path);
	return p;
}

/* Imports a qdpx built from a .qde and one source text in an action. */
static enum ax_status
import(struct project *p, const char *q, const char *txt, size_t tlen,
    const char *folder, char **err, struct refi_stats *st)
{
	char srcname[128];
	struct ent e[] = {{"project.qde", q, 0}, {srcname, txt, tlen}};
	size_t len;
	char *z;
	enum ax_status s;

	snprintf(srcname, sizeof srcname, "%s/" S1 ".txt", folder);
	z = mkzip(e, 2, false, &len);
	assert_ok(project_begin(p, "import"));
	s = refi_import_data(p, "t.qdpx", z, len, false, st, err);
	if (s == AX_OK)
		assert_ok(project_commit(p));
	else
		project_rollback(p);
	free(z);
	return s;
}

static char *
coded_text(struct project *p, size_t k)
{
	struct coding *v;
	size_t n, len;
	char *text, *r;
	size_t a, b;

	assert_ok(coding_list(p, NULL, &v, &n));
	assert_true(k < n);
	assert_ok(doc_text(p, v[k].doc, &text, &len));
	a = textin_cp_to_byte(text, len, (size_t)v[k].start);
	b = textin_cp_to_byte(text, len, (size_t)v[k].end);
	r = xstrndup(text + a, b - a);
	free(text);
	free(v);
	return r;
}

static void
test_refi_nvivo_windows(void **state)
{
	/* BOM, CRLF, an emoji (2 UTF-16 units) before each coded word */
	const char *txt = "\xef\xbb\xbf" "ab \xf0\x9f\x98\x80 cd\r\n"
	    "\xd9\xbe\xd8\xb1\xd8\xb3\xd8\xb4 \xf0\x9f\x98\x80 word\r\n";
	char *s1 = sel(1, 6, 8), *s2 = sel(2, 18, 22), *both, *q, *err = NULL, *t;
	struct refi_stats st;
	struct project *p = new_project();
	struct doc_info d;
	int64_t id;

	(void)state;
	/* UTF-16 units: a b sp 😀(2) sp c d CR LF: "cd" is 6..8; line 2 starts
	 * at 10: پرسش(4) sp 😀(2) sp, so "word" is 18..22 */
	both = xasprintf("%s%s", s1, s2);
	q = qde("NVivo for Windows 12.6", both, "");
	assert_ok(import(p, q, txt, 0, "Sources", &err, &st));
	assert_int_equal(st.codings, 2);
	assert_non_null(strstr(st.report, "UTF-16 code units"));
	t = coded_text(p, 0);
	assert_string_equal(t, "cd");
	free(t);
	t = coded_text(p, 1);
	assert_string_equal(t, "word");
	free(t);
	/* the GUIDs are kept, normalised: braces gone, lower case */
	assert_ok(doc_find_guid(p, S1, &id));
	assert_ok(doc_get(p, id, &d));
	assert_string_equal(d.guid, S1);
	assert_int_equal(d.nchars, 20);
	doc_info_done(&d);
	assert_ok(codetree_find_guid(p, "bbbbbbbb-2222-4222-8222-222222222222", &id));
	refi_stats_done(&st);
	free(s1);
	free(s2);
	free(both);
	free(q);
	project_close(p);
}

static void
test_refi_atlas_crlf(void **state)
{
	const char *txt = "one two\r\nthree four\r\n";
	char *s1 = sel(1, 8, 13), *q, *err = NULL, *t;	/* "three" with CRLF = 1 */
	struct refi_stats st;
	struct project *p = new_project();

	(void)state;
	q = qde("ATLAS.ti 23", s1, "");
	assert_ok(import(p, q, txt, 0, "sources", &err, &st));
	t = coded_text(p, 0);
	assert_string_equal(t, "three");
	free(t);
	refi_stats_done(&st);
	free(s1);
	free(q);
	project_close(p);
}

static void
test_refi_no_normalisation(void **state)
{
	/* ALEF + combining HAMZA ABOVE (NFC would make it one code point),
	 * ZWNJ, Persian digits: positions count them as they are. */
	const char *txt = "\xd8\xa7\xd9\x94 \xd9\x85\xe2\x80\x8c\xdb\xb1\xdb\xb2 word";
	char *s1 = sel(1, 8, 12), *q, *err = NULL, *t;
	struct refi_stats st;
	struct project *p = new_project();
	struct doc_info d;
	int64_t id;

	(void)state;
	q = qde("QualCoder", s1, "");
	assert_ok(import(p, q, txt, 0, "sources", &err, &st));
	t = coded_text(p, 0);
	assert_string_equal(t, "word");
	free(t);
	assert_ok(doc_find(p, "fa", &id));
	assert_ok(doc_get(p, id, &d));
	assert_int_equal(d.nchars, 12);
	assert_int_equal(d.nbytes, (int64_t)strlen(txt));
	doc_info_done(&d);
	refi_stats_done(&st);
	free(s1);
	free(q);
	project_close(p);
}

static void
summary(struct project *p, struct project_summary *s)
{
	assert_ok(project_summary(p, s));
}

static void
test_refi_refusals(void **state)
{
	static const struct {
		const char *origin, *sels, *extra, *txt, *want;
	} cases[] = {
		{"x", "<PlainTextSelection guid=\"00000001-4444-4444-8444-444444444444\""
		    " startPosition=\"0\" endPosition=\"2\"><Coding guid=\"00000001-5555-"
		    "4555-8555-555555555555\"><CodeRef targetGUID=\"dddddddd-2222-4222-"
		    "8222-222222222222\"/></Coding></PlainTextSelection>", "", "abc",
		    "which is not in the codebook"},
		{"x", "", "", "ab\xff", "invalid UTF-8 at line 1, byte offset 2"},
		{"x", "<PlainTextSelection guid=\"00000001-4444-4444-8444-444444444444\""
		    " startPosition=\"0\" endPosition=\"99\"/>", "", "abc",
		    "beyond its text"},
		{"x", "<PlainTextContent>abc</PlainTextContent>", "", "abc",
		    "both PlainTextContent and plainTextPath"},
		{"x", "<PlainTextSelection guid=\"00000001-4444-4444-8444-444444444444\""
		    " startPosition=\"a\" endPosition=\"2\"/>", "", "abc", "bad positions"},
	};
	struct project *p = new_project();
	struct project_summary before, after;
	size_t i;

	(void)state;
	tu_doc(p, "existing", "some text");
	summary(p, &before);
	for (i = 0; i < AX_ARRAY_LEN(cases); i++) {
		char *q = qde(cases[i].origin, cases[i].sels, cases[i].extra), *err = NULL;
		struct refi_stats st;

		assert_int_not_equal(import(p, q, cases[i].txt, 0, "sources", &err, &st),
		    AX_OK);
		if (err == NULL || strstr(err, cases[i].want) == NULL)
			fail_msg("case %zu: '%s' not in '%s'", i, cases[i].want, err);
		summary(p, &after);
		assert_memory_equal(&before, &after, sizeof before);
		free(err);
		free(q);
	}
	project_close(p);
}

/* s with the first occurrence of a replaced by b (caller frees). */
static char *
replace1(const char *s, const char *a, const char *b)
{
	const char *at = strstr(s, a);

	assert_non_null(at);
	return xasprintf("%.*s%s%s", (int)(at - s), s, b, at + strlen(a));
}

/* A User or Note defines its GUID: one missing or given twice refuses the
 * file, and the message names which kind of element it was. */
static void
test_refi_guid_refusals(void **state)
{
	static const char note[] = "<Notes><Note guid=\"eeeeeeee-0000-4000-8000-"
	    "000000000001\"><PlainTextContent>x</PlainTextContent></Note>";
	static const struct {
		const char *a, *b, *want;
	} cases[] = {
		{"<User guid=\"" U1 "\"", "<User guid=\"nope\"",
		    "a User has no valid guid"},
		{"</Users>", "<User guid=\"" U1 "\" name=\"Again\"/></Users>",
		    "User GUID aaaaaaaa-1111-4111-8111-111111111111 appears twice"},
		{"</Project>", "<Notes><Note><PlainTextContent>x</PlainTextContent>"
		    "</Note></Notes></Project>", "a Note has no valid guid"},
		{"</Project>", "PAIR", "note GUID eeeeeeee-0000-4000-8000-000000000001 "
		    "appears twice"},
	};
	struct project *p = new_project();
	struct project_summary before, after;
	size_t i;

	(void)state;
	summary(p, &before);
	for (i = 0; i < AX_ARRAY_LEN(cases); i++) {
		char *q0 = qde("x", "", ""), *pair, *q, *err = NULL;
		struct refi_stats st;

		pair = xasprintf("%s%s</Notes></Project>", note, note + 7);
		q = replace1(q0, cases[i].a, strcmp(cases[i].b, "PAIR") == 0 ?
		    pair : cases[i].b);
		assert_int_not_equal(import(p, q, "text", 0, "sources", &err, &st),
		    AX_OK);
		if (err == NULL || strstr(err, cases[i].want) == NULL)
			fail_msg("case %zu: '%s' not in '%s'", i, cases[i].want, err);
		summary(p, &after);
		assert_memory_equal(&before, &after, sizeof before);
		free(err);
		free(q);
		free(pair);
		free(q0);
	}
	project_close(p);
}

static void
test_refi_notes_cases_sets(void **state)
{
	const char *extra = "<Notes><Note guid=\"eeeeeeee-0000-4000-8000-000000000001\""
	    " name=\"On c\" creatingUser=\"" U1 "\" creationDateTime=\"2024-01-02T03:04:05Z\">"
	    "<Description>axial:memo-type=theoretical</Description>"
	    "<PlainTextContent>why c</PlainTextContent></Note>"
	    "<Note guid=\"eeeeeeee-0000-4000-8000-000000000002\"><PlainTextContent>free"
	    "</PlainTextContent></Note></Notes>"
	    "<Sets><Set guid=\"ffffffff-0000-4000-8000-000000000001\" name=\"other\"/></Sets>";
	const char *vars = "<Variables><Variable guid=\"99999999-0000-4000-8000-000000000001\""
	    " name=\"gender\" typeOfVariable=\"Text\"/></Variables>"
	    "<Cases><Case guid=\"99999999-0000-4000-8000-000000000002\">"
	    "<VariableValue><VariableRef targetGUID=\"99999999-0000-4000-8000-000000000001\"/>"
	    "<TextValue>female</TextValue></VariableValue>"
	    "<SourceRef targetGUID=\"" S1 "\"/></Case></Cases><Sources>";
	char *q0, *q1, *q, *err = NULL;
	struct refi_stats st;
	struct project *p = new_project();
	struct doc_attr *a;
	struct memo *m;
	size_t n;
	int64_t code, doc;

	(void)state;
	q0 = qde("x", "", extra);
	q1 = replace1(q0, "isCodable=\"true\"/>", "isCodable=\"true\"><NoteRef "
	    "targetGUID=\"EEEEEEEE-0000-4000-8000-000000000001\"/></Code>");
	q = replace1(q1, "<Sources>", vars);
	assert_ok(import(p, q, "text", 0, "sources", &err, &st));
	assert_ok(codetree_find_guid(p, C1, &code));
	assert_ok(memo_list(p, MEMO_FREE, -1, &m, &n));
	assert_int_equal(n, 2);
	assert_int_equal(m[0].target, MEMO_NODE);
	assert_int_equal(m[0].target_id, code);
	assert_string_equal(m[0].title, "On c");
	assert_string_equal(m[0].author, "Reza");
	assert_int_equal(m[0].type, MEMO_TYPE_THEORETICAL);
	assert_int_equal(m[0].created, 1704164645);
	assert_string_equal(m[0].body, "why c");
	assert_string_equal(m[0].guid, "eeeeeeee-0000-4000-8000-000000000001");
	assert_int_equal(m[1].target, MEMO_FREE);
	memo_list_free(m, n);
	assert_ok(doc_find(p, "fa", &doc));
	assert_ok(doc_attr_list(p, doc, &a, &n));
	assert_int_equal(n, 1);
	assert_string_equal(a[0].key, "gender");
	assert_string_equal(a[0].value, "female");
	doc_attr_list_free(a, n);
	assert_non_null(strstr(st.report, "left out 1 sets"));
	refi_stats_done(&st);
	free(q0);
	free(q1);
	free(q);
	project_close(p);
}

static void
test_refi_qdc(void **state)
{
	const char *qdc = "\xef\xbb\xbf<?xml version=\"1.0\"?>"
	    "<CodeBook xmlns=\"urn:QDA-XML:codebook:0:4\"><Codes>"
	    "<Code guid=\"{11111111-0000-4000-8000-000000000001}\" name=\"Parent\""
	    " isCodable=\"false\"><Description>def</Description>"
	    "<Code guid=\"11111111-0000-4000-8000-000000000002\" name=\"child\""
	    " isCodable=\"true\" color=\"#ff0000\"/></Code>"
	    "<Code guid=\"11111111-0000-4000-8000-000000000003\" name=\"tab\there\""
	    " isCodable=\"true\"/></Codes><Sets><Set guid=\"11111111-0000-4000-8000-"
	    "000000000009\" name=\"Paradigm\"><Description>axial:paradigm-role=causal"
	    "</Description><MemberCode guid=\"11111111-0000-4000-8000-000000000001\"/>"
	    "</Set></Sets></CodeBook>";
	struct project *p = new_project();
	struct refi_stats st;
	struct node *t;
	size_t n;
	char *err = NULL;

	(void)state;
	assert_ok(project_begin(p, "import"));
	assert_ok(refi_import_data(p, "c.qdc", qdc, strlen(qdc), true, &st, &err));
	assert_ok(project_commit(p));
	assert_int_equal(st.codes, 2);
	assert_int_equal(st.categories, 1);
	refi_stats_done(&st);
	assert_ok(codetree_load(p, &t, &n));
	assert_int_equal(n, 3);
	assert_string_equal(t[0].name, "Parent");
	assert_int_equal(t[0].role, ROLE_CAUSAL);
	assert_string_equal(t[0].definition, "def");
	assert_string_equal(t[1].color, "#ff0000");
	assert_string_equal(t[2].name, "tab here");
	codetree_free(t, n);
	/* again: nothing new */
	assert_ok(project_begin(p, "import"));
	assert_ok(refi_import_data(p, "c.qdc", qdc, strlen(qdc), true, &st, &err));
	assert_ok(project_commit(p));
	assert_int_equal(st.codes + st.categories, 0);
	refi_stats_done(&st);
	project_close(p);
}

/* ---- REFI-QDA links ---- */

#define LA "a0000000-0000-4000-8000-00000000000a"
#define LB "a0000000-0000-4000-8000-00000000000b"
#define LC "a0000000-0000-4000-8000-00000000000c"
#define LD "a0000000-0000-4000-8000-00000000000d"
#define LSEL "a0000000-0000-4000-8000-0000000000e1"
#define LN1 "a0000000-0000-4000-8000-0000000000f1"
#define LK(n) "b0000000-0000-4000-8000-0000000000" #n

/* A Link element. */
#define LINK(g, name, dir, from, to, inner) "<Link guid=\"" g "\" name=\"" \
	name "\" direction=\"" dir "\" originGUID=\"" from "\" targetGUID=\"" \
	to "\">" inner "</Link>"

/* Codes Cause, Phen, Strat with sub; a selection coded Cause; a note; and
 * the Links given. */
static char *
link_qde(const char *links)
{
	return xasprintf("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
	    "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"t\" "
	    "origin=\"ATLAS.ti for Windows 23.2\">"
	    "<Users><User guid=\"" U1 "\" name=\"Reza\"/></Users>"
	    "<CodeBook><Codes><Code guid=\"" LA "\" name=\"Cause\" isCodable=\"true\"/>"
	    "<Code guid=\"" LB "\" name=\"Phen\" isCodable=\"true\"/>"
	    "<Code guid=\"" LC "\" name=\"Strat\" isCodable=\"false\">"
	    "<Code guid=\"" LD "\" name=\"sub\" isCodable=\"true\"/></Code>"
	    "</Codes></CodeBook>"
	    "<Sources><TextSource guid=\"" S1 "\" name=\"fa\" plainTextPath="
	    "\"internal://" S1 ".txt\"><PlainTextSelection guid=\"" LSEL "\" "
	    "startPosition=\"0\" endPosition=\"2\" creatingUser=\"" U1 "\">"
	    "<Coding guid=\"a0000000-0000-4000-8000-0000000000e2\"><CodeRef "
	    "targetGUID=\"" LA "\"/></Coding></PlainTextSelection></TextSource>"
	    "</Sources><Notes><Note guid=\"" LN1 "\"><PlainTextContent>why it "
	    "causes</PlainTextContent></Note></Notes><Links>%s</Links></Project>",
	    links);
}

/* The link with this GUID in p, or a failure. */
static void
link_by_guid(struct project *p, const char *guid, struct link *l)
{
	int64_t id;

	if (link_find_guid(p, guid, &id) != AX_OK)
		fail_msg("no link %s: %s", guid, project_errmsg(p));
	assert_ok(link_get(p, id, l));
}

static int64_t
type_named(struct project *p, const char *name)
{
	int64_t id = 0;

	if (link_type_find(p, name, &id) != AX_OK)
		fail_msg("no link type %s: %s", name, project_errmsg(p));
	return id;
}

static void
want_line(const char *report, const char *line)
{
	if (report == NULL || strstr(report, line) == NULL)
		fail_msg("'%s' not in the report:\n%s", line, report);
}

static void
test_refi_links(void **state)
{
	char *q = link_qde(
	    LINK(LK(01), "is cause of", "OneWay", LA, LB,
	    "<NoteRef targetGUID=\"" LN1 "\"/>")
	    LINK(LK(02), "contradicts", "Associative", LB, LC, "")
	    LINK(LK(03), "is part of", "OneWay", LD, LC, "")
	    LINK(LK(04), "strategy", "OneWay", LC, LB, "")
	    LINK(LK(05), "is associated with", "Bidirectional", LA, LC, "")
	    LINK(LK(06), "#1", "OneWay", LA, LD, "")
	    /* what axial cannot take, each named and left out */
	    LINK(LK(11), "discusses", "OneWay", LSEL, S1, "")
	    LINK(LK(12), "causes", "OneWay", LA,
	    "a0000000-0000-4000-8000-000000000999", "")
	    LINK(LK(13), "bad&#9;name", "OneWay", LA, LC, "")
	    LINK(LK(01), "causes", "OneWay", LB, LD, "")
	    LINK(LK(14), "contradicts", "Associative", LC, LB, "")
	    LINK(LK(15), "causes", "OneWay", LA, LA, "")
	    LINK(LK(16), "is part of", "OneWay", LC, LD, "")
	    LINK(LK(17), "is part of", "Associative", LA, LB, ""));
	char *err = NULL;
	struct refi_stats st;
	struct project *p = new_project();
	struct link l;
	struct memo mo;
	int64_t a, b, c, d;
	struct link *all;
	size_t n;

	(void)state;
	assert_ok(import(p, q, "abc", 0, "sources", &err, &st));
	assert_int_equal(st.links, 6);
	assert_int_equal(st.codes + st.categories, 4);
	assert_int_equal(st.codings, 1);
	assert_ok(codetree_find_guid(p, LA, &a));
	assert_ok(codetree_find_guid(p, LB, &b));
	assert_ok(codetree_find_guid(p, LC, &c));
	assert_ok(codetree_find_guid(p, LD, &d));
	/* a name no type has: a type of that name; the memo by NoteRef */
	link_by_guid(p, LK(01), &l);
	assert_int_equal(l.from, a);
	assert_int_equal(l.to, b);
	assert_true(l.directed);
	assert_int_equal(l.type, type_named(p, "is cause of"));
	assert_true(l.type > LINK_BUILTIN_COUNT);
	assert_ok(memo_get(p, l.memo, &mo));
	assert_int_equal(mo.target, MEMO_LINK);
	assert_string_equal(mo.body, "why it causes");
	assert_string_equal(mo.guid, LN1);
	memo_done(&mo);
	link_done(&l);
	/* built-ins by English name and by short name; Associative is
	 * undirected, and so is Bidirectional (reported) */
	link_by_guid(p, LK(02), &l);
	assert_int_equal(l.type, LINK_TYPE_CONTRADICTS);
	assert_false(l.directed);
	link_done(&l);
	link_by_guid(p, LK(03), &l);
	assert_int_equal(l.type, LINK_TYPE_PART_OF);
	assert_int_equal(l.from, d);
	link_done(&l);
	link_by_guid(p, LK(04), &l);
	assert_int_equal(l.type, LINK_TYPE_STRATEGY);
	link_done(&l);
	link_by_guid(p, LK(05), &l);
	assert_false(l.directed);
	link_done(&l);
	/* "#1" is a name, not the type #1 */
	link_by_guid(p, LK(06), &l);
	assert_true(l.type > LINK_BUILTIN_COUNT);
	assert_int_not_equal(l.type, LINK_TYPE_CAUSES);
	link_done(&l);
	want_line(st.report, "link type 'is cause of' added (a link's name in "
	    "the file)\n");
	want_line(st.report, "left out 1 links that join sources, segments or "
	    "notes (axial links codes and categories only)\n");
	want_line(st.report, "1 Bidirectional links came in undirected");
	want_line(st.report, "link 'causes' from 'Cause' to '?' (" LK(12) ") left "
	    "out: its targetGUID a0000000-0000-4000-8000-000000000999 is nothing "
	    "in the file\n");
	want_line(st.report, "link 'bad\tname' from 'Cause' to 'Strat' (" LK(13)
	    ") left out: link type name: contains a control character (U+0009)");
	want_line(st.report, "link 'causes' from 'Phen' to 'sub' (" LK(01) ") "
	    "left out: its GUID appears twice in the file; the first is kept\n");
	want_line(st.report, "link 'contradicts' from 'Strat' to 'Phen' (" LK(14)
	    ") left out: the two are already linked so (link #2)\n");
	want_line(st.report, "link 'causes' from 'Cause' to 'Cause' (" LK(15)
	    ") left out: it joins a code to itself\n");
	want_line(st.report, "link 'is part of' from 'Strat' to 'sub' (" LK(16)
	    ") left out: \"is part of\" would go round in a loop: a part would "
	    "contain itself\n");
	want_line(st.report, "link 'is part of' from 'Cause' to 'Phen' (" LK(17)
	    ") left out: \"is part of\" goes one way, and this link has no "
	    "direction (OneWay)\n");
	assert_ok(link_list(p, 0, &all, &n));
	assert_int_equal(n, 6);
	link_list_free(all, n);
	refi_stats_done(&st);

	/* again: every link is there already, nothing added */
	assert_ok(import(p, q, "abc", 0, "sources", &err, &st));
	assert_int_equal(st.links, 0);
	assert_ok(link_list(p, 0, &all, &n));
	assert_int_equal(n, 6);
	link_list_free(all, n);
	refi_stats_done(&st);
	free(q);
	project_close(p);
}

/* The links of p as "FROM-GUID TYPE DIR TO-GUID MEMO" lines by link GUID,
 * a type by its short name or its name: what a round trip must keep. */
static char *
links_summary(struct project *p)
{
	struct link *v;
	struct link_type *t;
	struct buf b = {0};
	size_t n, nt, i, j;

	assert_ok(link_list(p, 0, &v, &n));
	assert_ok(link_type_list(p, &t, &nt));
	buf_puts(&b, "");
	for (i = 0; i < n; i++) {
		struct node f, g;
		struct memo mo;

		for (j = 0; j < nt && t[j].id != v[i].type; j++)
			;
		assert_true(j < nt);
		assert_ok(codetree_get(p, v[i].from, &f));
		assert_ok(codetree_get(p, v[i].to, &g));
		buf_printf(&b, "%s %s %s %s %s %s", v[i].guid, f.guid,
		    t[j].key != NULL ? t[j].key : t[j].name,
		    t[j].color, v[i].directed ? "->" : "--", g.guid);
		if (v[i].memo != 0) {
			assert_ok(memo_get(p, v[i].memo, &mo));
			buf_printf(&b, " [%s %s]", mo.guid, mo.body);
			memo_done(&mo);
		}
		buf_putc(&b, '\n');
		node_done(&f);
		node_done(&g);
	}
	link_list_free(v, n);
	link_type_list_free(t, nt);
	return buf_take(&b);
}

static void
test_refi_links_round_trip(void **state)
{
	struct project *p = new_project(), *q = new_project();
	int64_t cat, sub, code, phen, strat, mine, l1, l2, l3, doc, coding;
	char *out = tu_path("links.qdpx"), *report = NULL, *err = NULL, *data,
	    *before, *after, *qde_text;
	struct refi_stats st;
	struct zs_archive z;
	const struct zs_entry *e;
	size_t len;

	(void)state;
	doc = tu_doc(p, "i1", "some words here");
	assert_ok(codetree_add(p, 0, NODE_CATEGORY, "Cause", &cat));
	assert_ok(codetree_add(p, cat, NODE_CATEGORY, "Sub", &sub));
	assert_ok(codetree_add(p, sub, NODE_CODE, "code", &code));
	assert_ok(codetree_add(p, 0, NODE_CATEGORY, "Phen", &phen));
	assert_ok(codetree_add(p, 0, NODE_CATEGORY, "Strat", &strat));
	assert_ok(link_type_add(p, "enables", "#336699", &mine));
	assert_ok(link_add(p, cat, phen, LINK_TYPE_CAUSES, true, "the cause",
	    &l1));
	assert_ok(link_add(p, strat, sub, LINK_TYPE_CONTRADICTS, false, NULL,
	    &l2));
	assert_ok(link_add(p, code, strat, mine, true, "multi\nline <memo> &",
	    &l3));
	assert_ok(link_add(p, sub, cat, LINK_TYPE_PART_OF, true, NULL, NULL));
	assert_ok(coding_add(p, doc, code, 0, 4, &coding));
	assert_ok(link_evidence_add(p, l3, coding));
	assert_ok(refi_export_qdpx(p, out, &report, &err));
	/* evidence has no REFI element: said so */
	want_line(report, "\nthe evidence of 1 link (the codings attached to "
	    "it) is not exported: REFI-QDA has no element for it\n");
	data = file_read_all(out, &len);
	assert_non_null(data);
	assert_int_equal(zs_read(data, len, &z, &err), 0);
	e = zs_find(&z, "project.qde", false);
	assert_non_null(e);
	qde_text = e->data;
	/* the type as its English name; the memo a Note referred to inside */
	assert_non_null(strstr(qde_text, "name=\"causes\" direction=\"OneWay\""));
	assert_non_null(strstr(qde_text, "name=\"contradicts\" "
	    "direction=\"Associative\""));
	assert_non_null(strstr(qde_text, "name=\"enables\" direction=\"OneWay\" "
	    "color=\"#336699\""));
	assert_non_null(strstr(qde_text, "</Notes>\n  <Links>\n    <Link "));
	assert_non_null(strstr(qde_text, "\">\n      <NoteRef targetGUID=\""));

	assert_ok(project_begin(q, "import"));
	assert_ok(refi_import_data(q, "links.qdpx", data, len, false, &st, &err));
	assert_ok(project_commit(q));
	assert_int_equal(st.links, 4);
	before = links_summary(p);
	after = links_summary(q);
	assert_string_equal(before, after);
	assert_non_null(strstr(before, "enables #336699 -> "));
	assert_non_null(strstr(before, " part-of  -> "));
	assert_non_null(strstr(before, " [")); /* memos came along */
	refi_stats_done(&st);
	zs_free(&z);
	free(before);
	free(after);
	free(data);
	free(report);
	free(out);
	project_close(p);
	project_close(q);
}

/* ---- merging a coder's copy: links ---- */

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Every link of p as a line with all merge keeps, by GUID, sorted: its
 * ends' GUIDs, type (a built-in's key, or name and colour), direction,
 * author, time, memos (GUID, type, body) and evidence (codings' GUIDs).
 * A link whose GUID is skip is left out.
 */
static char *
merge_summary(struct project *p, const char *skip)
{
	struct link *v;
	struct link_type *t;
	struct coder *cd;
	struct buf b = {0};
	char **lines;
	size_t n, nt, nc, nl = 0, i, j, k, ne, nm;

	assert_ok(link_list(p, 0, &v, &n));
	assert_ok(link_type_list(p, &t, &nt));
	assert_ok(coder_list(p, &cd, &nc));
	lines = xcalloc(n + 1, sizeof *lines);
	for (i = 0; i < n; i++) {
		struct buf l = {0};
		struct node f, g;
		struct memo *mo;
		struct coding c;
		int64_t *ev;

		if (skip != NULL && strcmp(v[i].guid, skip) == 0)
			continue;
		for (j = 0; j < nt && t[j].id != v[i].type; j++)
			;
		for (k = 0; k < nc && cd[k].id != v[i].author; k++)
			;
		assert_true(j < nt && k < nc);
		assert_ok(codetree_get(p, v[i].from, &f));
		assert_ok(codetree_get(p, v[i].to, &g));
		buf_printf(&l, "%s %s %s %s %s %s by %s at %lld", v[i].guid, f.guid,
		    v[i].directed ? "->" : "--", g.guid, t[j].key != NULL ?
		    t[j].key : t[j].name, t[j].color, cd[k].login,
		    (long long)v[i].created);
		node_done(&f);
		node_done(&g);
		assert_ok(memo_list(p, MEMO_LINK, v[i].id, &mo, &nm));
		for (j = 0; j < nm; j++)
			buf_printf(&l, " [%s %s %s by %s]", mo[j].guid,
			    memo_type_name(mo[j].type), mo[j].body, mo[j].author);
		memo_list_free(mo, nm);
		assert_ok(link_evidence_list(p, v[i].id, &ev, &ne));
		for (j = 0; j < ne; j++) {
			assert_ok(coding_get(p, ev[j], &c));
			buf_printf(&l, " <%s>", c.guid);
		}
		free(ev);
		lines[nl++] = buf_take(&l);
	}
	qsort(lines, nl, sizeof *lines, cmp_str);
	buf_puts(&b, "");
	for (i = 0; i < nl; i++) {
		buf_printf(&b, "%s\n", lines[i]);
		free(lines[i]);
	}
	free(lines);
	link_list_free(v, n);
	link_type_list_free(t, nt);
	coder_list_free(cd, nc);
	return buf_take(&b);
}

/* Copies a closed project file to a new name; the caller frees it. */
static char *
copy_project(const char *path, const char *name)
{
	char *to = tu_path(name), *data;
	size_t len;

	data = file_read_all(path, &len);
	assert_non_null(data);
	tu_write(to, data, len);
	free(data);
	return to;
}

/* Merges the project at other into p in one action, as axial merge does. */
static enum ax_status
merge(struct project *p, const char *other, struct refi_stats *st, char **err)
{
	enum ax_status s;

	assert_ok(project_begin(p, "merge"));
	if ((s = merge_project(p, other, 1 << 20, st, err)) == AX_OK)
		assert_ok(project_commit(p));
	else
		project_rollback(p);
	return s;
}

/* Opens path acting as login, a coder tied to this account. */
static struct project *
open_as(const char *path, const char *login)
{
	struct project *p = NULL;

	if (project_open(path, 0, login, &p, NULL) != AX_OK)
		fail_msg("cannot open %s as %s", path, login ? login : "you");
	return p;
}

/* The lead's project for the merge tests, left open: document d,
 * categories A, B, C, codes x, y, z in A, and coder-c tied to this
 * account (to act in the copy). */
struct lead {
	struct project *p;
	char *path;
	int64_t doc, a, b, c, x, y, z;
};

static void
lead_project(struct lead *l)
{
	struct project *p = l->p = tu_new_project(&l->path);

	l->doc = tu_doc(p, "d", "one two three four five\n");
	assert_ok(codetree_add(p, 0, NODE_CATEGORY, "A", &l->a));
	assert_ok(codetree_add(p, 0, NODE_CATEGORY, "B", &l->b));
	assert_ok(codetree_add(p, 0, NODE_CATEGORY, "C", &l->c));
	assert_ok(codetree_add(p, l->a, NODE_CODE, "x", &l->x));
	assert_ok(codetree_add(p, l->a, NODE_CODE, "y", &l->y));
	assert_ok(codetree_add(p, l->a, NODE_CODE, "z", &l->z));
	assert_ok(coder_add(p, "coder-c", NULL, NULL, project_account(p)));
}

/*
 * The case: a coder's copy with new links, a type of its own,
 * evidence, a link memo, a storyline and the core category merges into
 * the lead's project with every one intact (all but the link to a code
 * the lead does not have, reported); merging again adds nothing; one undo
 * takes the merge back.
 */
static void
test_merge_links(void **state)
{
	struct link_import_info li = {NULL, 0, 1500000000};
	struct project *p, *c;
	struct lead ld;
	struct refi_stats st;
	struct link l;
	struct memo *mo;
	char *cpath, *err = NULL, *want, *got, *before, *g;
	int64_t mine, l1, l2, lx, extra, cc, core;
	size_t n;

	(void)state;
	lead_project(&ld);
	p = ld.p;
	assert_ok(coding_add(p, ld.doc, ld.x, 0, 3, NULL));
	assert_ok(link_add(p, ld.a, ld.b, LINK_TYPE_CAUSES, true, "the lead's",
	    NULL));
	project_close(p);
	cpath = copy_project(ld.path, "copy.axial");

	/* the coder's work in the copy */
	c = open_as(cpath, "coder-c");
	assert_ok(coding_add(c, ld.doc, ld.y, 4, 7, &cc));
	assert_ok(link_type_add(c, "enables", "#336699", &mine));
	/* made long ago: the time must come across, not the merge's */
	assert_ok(link_add_ex(c, ld.c, ld.b, mine, true, "why it enables", &li,
	    &l1));
	assert_ok(link_evidence_add(c, l1, cc));
	assert_ok(link_add(c, ld.x, ld.y, LINK_TYPE_CONTRADICTS, false, NULL, &l2));
	assert_ok(link_evidence_add(c, l2, 1));
	assert_ok(link_evidence_add(c, l2, cc));
	assert_ok(link_evidence_add(c, 1, cc));	/* on the lead's link */
	assert_ok(codetree_add(c, 0, NODE_CODE, "extra", &extra));
	assert_ok(link_add(c, extra, ld.b, LINK_TYPE_LEADS_TO, true, NULL,
	    &lx));
	assert_ok(link_core_set(c, ld.b));
	assert_ok(memo_add(c, MEMO_NODE, ld.b, MEMO_TYPE_STORYLINE, "Story",
	    "It turns on B.", NULL));
	assert_ok(link_get(c, lx, &l));
	want = merge_summary(c, l.guid);
	g = xasprintf("link 'leads to' from 'extra' to 'B' (%s) left out: "
	    "'extra' matches no code or category in the project (by GUID or "
	    "path)\n", l.guid);
	link_done(&l);
	project_close(c);

	p = open_as(ld.path, NULL);
	before = merge_summary(p, NULL);
	assert_ok(merge(p, cpath, &st, &err));
	assert_int_equal(st.codings, 1);
	assert_int_equal(st.skipped, 1);
	assert_int_equal(st.links, 2);
	assert_int_equal(st.evidence, 4);
	assert_int_equal(st.memos, 2);	/* the link's and the storyline */
	want_line(st.report, g);
	want_line(st.report, "link type 'enables' added (the copy's)\n");
	/* every link as in the copy: ends, type and colour, direction,
	 * author, time, memo with its GUID, evidence */
	got = merge_summary(p, NULL);
	assert_string_equal(got, want);
	assert_non_null(strstr(got, " enables #336699 by coder-c at 1500000000 "));
	assert_non_null(strstr(got, " contradicts  by coder-c at "));
	free(got);
	free(g);
	assert_ok(link_core_get(p, &core));
	assert_int_equal(core, ld.b);
	assert_ok(memo_list(p, MEMO_NODE, ld.b, &mo, &n));
	assert_int_equal(n, 1);
	assert_int_equal(mo[0].type, MEMO_TYPE_STORYLINE);
	assert_string_equal(mo[0].body, "It turns on B.");
	assert_string_equal(mo[0].author, "coder-c");
	memo_list_free(mo, n);
	refi_stats_done(&st);

	/* again: nothing added, and no action (the undo below takes the
	 * first merge back) */
	assert_ok(merge(p, cpath, &st, &err));
	assert_int_equal(st.codings + st.links + st.evidence + st.memos +
	    st.coders, 0);
	got = merge_summary(p, NULL);
	assert_string_equal(got, want);
	free(got);
	refi_stats_done(&st);

	/* one undo takes the whole merge back */
	assert_ok(history_undo(p, NULL));
	got = merge_summary(p, NULL);
	assert_string_equal(got, before);
	free(got);
	assert_int_equal(link_type_find(p, "enables", &mine), AX_ERR_NOTFOUND);
	assert_ok(link_core_get(p, &core));
	assert_int_equal(core, 0);
	assert_ok(memo_list(p, MEMO_NODE, ld.b, &mo, &n));
	assert_int_equal(n, 0);
	memo_list_free(mo, n);
	free(before);
	free(want);
	free(ld.path);
	free(cpath);
	project_close(p);
}

/* Expects the line "HEAD (GUID)TAIL" in report, GUID that of link id of
 * the copy c. */
static void
want_link_line(const char *report, struct project *c, int64_t id,
    const char *head, const char *tail)
{
	struct link l;
	char *line;

	assert_ok(link_get(c, id, &l));
	line = xasprintf("%s (%s)%s", head, l.guid, tail);
	want_line(report, line);
	free(line);
	link_done(&l);
}

/*
 * What the model refuses once the two projects meet, each left out with
 * a line naming both ends, and the rest of the copy merged: the same
 * relation made in both under two GUIDs, an "is part of" loop the two
 * make together, a self link once a renamed code and a new code of its
 * new name map to one node; evidence on a coding whose document is not
 * here; the copy's core category when the lead has another.
 */
static void
test_merge_link_refusals(void **state)
{
	struct project *p, *c;
	struct refi_stats st;
	struct lead ld;
	struct link l, *v;
	char *cpath, *err = NULL, *g;
	int64_t w, good, dup, loop, self, od, cy, co, id, core;
	size_t n;

	(void)state;
	lead_project(&ld);
	p = ld.p;
	assert_ok(link_add(p, ld.x, ld.y, LINK_TYPE_PART_OF, true, NULL, NULL));
	project_close(p);
	cpath = copy_project(ld.path, "copy2.axial");

	c = open_as(cpath, "coder-c");
	od = tu_doc(c, "only here", "text the lead does not have\n");
	assert_ok(coding_add(c, ld.doc, ld.y, 0, 3, &cy));
	assert_ok(coding_add(c, od, ld.y, 0, 4, &co));
	assert_ok(link_add(c, ld.b, ld.c, LINK_TYPE_CONTRADICTS, false, "B and C",
	    &good));
	assert_ok(link_evidence_add(c, good, cy));
	assert_ok(link_evidence_add(c, good, co));
	assert_ok(link_add(c, ld.a, ld.b, LINK_TYPE_CAUSES, true, NULL, &dup));
	assert_ok(link_add(c, ld.y, ld.z, LINK_TYPE_PART_OF, true, NULL, &loop));
	assert_ok(codetree_add(c, ld.a, NODE_CODE, "w", &w));
	assert_ok(link_add(c, ld.x, w, LINK_TYPE_LEADS_TO, true, NULL, &self));
	assert_ok(link_core_set(c, ld.b));
	project_close(c);

	/* meanwhile the lead: the same relation, the other half of a loop,
	 * x renamed to the copy's new code's name, another core */
	p = open_as(ld.path, NULL);
	assert_ok(link_add(p, ld.a, ld.b, LINK_TYPE_CAUSES, true, NULL, NULL));
	assert_ok(link_add(p, ld.z, ld.x, LINK_TYPE_PART_OF, true, NULL, NULL));
	assert_ok(codetree_rename(p, ld.x, "w"));
	assert_ok(link_core_set(p, ld.a));
	assert_ok(merge(p, cpath, &st, &err));
	assert_int_equal(st.links, 1);
	assert_int_equal(st.codings, 1);
	assert_int_equal(st.evidence, 1);
	want_line(st.report, "document 'only here' is not in the project");

	c = open_as(cpath, NULL);
	want_link_line(st.report, c, dup, "link 'causes' from 'A' to 'B'",
	    " left out: «A» and «B» are already linked so: «A» causes «B» "
	    "(link #2)\n");
	want_link_line(st.report, c, loop, "link 'is part of' from 'A/y' to "
	    "'A/z'", " left out: «y» is part of «z» would go round in a loop: "
	    "«z» is already part of «y»\n");
	want_link_line(st.report, c, self, "link 'leads to' from 'A/x' to 'A/w'",
	    " left out: cannot link «w» to itself\n");
	want_link_line(st.report, c, good, "link 'contradicts' from 'B' to 'C'",
	    ": 1 coding of its evidence left out: it did not come across\n");
	assert_ok(link_get(c, good, &l));
	g = xstrdup(l.guid);
	link_done(&l);
	want_line(st.report, "the copy's core category is 'B', this project's "
	    "is 'A': 'A' stays the core category\n");
	project_close(c);

	/* nothing else lost: the good link with its memo and the evidence
	 * that came; the lead's links as they were; the lead's core */
	assert_ok(link_find_guid(p, g, &id));
	assert_ok(link_get(p, id, &l));
	assert_int_equal(l.from, ld.b);
	assert_int_equal(l.to, ld.c);
	assert_false(l.directed);
	assert_int_equal(l.nevidence, 1);
	assert_true(l.memo != 0);
	link_done(&l);
	assert_ok(link_list(p, 0, &v, &n));
	assert_int_equal(n, 4);
	link_list_free(v, n);
	assert_ok(link_core_get(p, &core));
	assert_int_equal(core, ld.a);
	refi_stats_done(&st);
	free(g);
	free(ld.path);
	free(cpath);
	project_close(p);
}
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zip_names),
		cmocka_unit_test(test_zip_caps),
		cmocka_unit_test(test_zip_damaged),
		cmocka_unit_test(test_xml_safety),
		cmocka_unit_test(test_xml_stream),
		cmocka_unit_test(test_xml_stream_io),
		cmocka_unit_test(test_zip_lazy),
		cmocka_unit_test(test_docx),
		cmocka_unit_test(test_odt),
		cmocka_unit_test(test_docx_fidelity),
		cmocka_unit_test(test_listnum),
		cmocka_unit_test(test_notice),
		cmocka_unit_test(test_importer),
		cmocka_unit_test(test_refi_nvivo_windows),
		cmocka_unit_test(test_refi_atlas_crlf),
		cmocka_unit_test(test_refi_no_normalisation),
		cmocka_unit_test(test_refi_refusals),
		cmocka_unit_test(test_refi_guid_refusals),
		cmocka_unit_test(test_refi_notes_cases_sets),
		cmocka_unit_test(test_refi_qdc),
		cmocka_unit_test(test_refi_links),
		cmocka_unit_test(test_refi_links_round_trip),
		cmocka_unit_test(test_merge_links),
		cmocka_unit_test(test_merge_link_refusals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
