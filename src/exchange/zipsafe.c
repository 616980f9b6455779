/*
 * zipsafe.c: reading an untrusted ZIP archive (a .qdpx, .docx or .odt)
 * into memory with libzip, refusing anything a hostile archive could use:
 * entry names that are absolute or climb out with "..", more than
 * ZS_MAX_ENTRIES entries, entries or totals beyond the size caps (checked
 * against the declared size first and while inflating, so a lying header
 * gains nothing), ZIP64 archives and encrypted entries. Nothing is
 * extracted to disk. The caps are the fixed ones, or the caller's limit
 * when larger (zs_read_max); past ZS_MAX_ENTRY an entry must also keep to
 * ZS_MAX_RATIO, so a small archive cannot ask for gigabytes. zs_open_max
 * makes every check on the directory and inflates nothing: an entry is
 * then inflated when asked (zs_load) or read as it inflates (zs_reader),
 * never yielding more than its header declares, so a large project is
 * never held inflated whole.
 */
#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <zip.h>

#include "exchange/exchange.h"
#include "base/i18n.h"
#include "base/util.h"

void
zs_free(struct zs_archive *a)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		free(a->e[i].name);
		free(a->e[i].data);
	}
	free(a->e);
	if (a->z != NULL)
		zip_discard(a->z);
	memset(a, 0, sizeof *a);
}

const struct zs_entry *
zs_find(const struct zs_archive *a, const char *name, bool icase)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		if ((icase ? strcasecmp(a->e[i].name, name) :
		    strcmp(a->e[i].name, name)) == 0)
			return &a->e[i];
	return NULL;
}

/* A name that stays inside the archive: relative, no "..", no NUL/controls. */
static bool
safe_name(const char *name)
{
	const char *c = name;

	if (name[0] == '\0' || name[0] == '/' || name[0] == '\\')
		return false;
	if (((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' &&
	    name[0] <= 'z')) && name[1] == ':')
		return false;	/* C:foo */
	for (; *c != '\0'; c++)
		if ((unsigned char)*c < 0x20 || *c == '\\')
			return false;
	for (c = name; c != NULL; c = strchr(c, '/')) {
		if (*c == '/')
			c++;
		if (c[0] == '.' && c[1] == '.' && (c[2] == '/' || c[2] == '\0'))
			return false;
	}
	return true;
}

/* The end record is at most 22 + 65535 bytes from the end, and a ZIP64
 * locator 20 before it: how much of the end has_zip64 looks through. */
#define ZS_TAIL (65535 + 22 + 20)

/* Whether the archive has a ZIP64 end-of-central-directory locator. */
static bool
has_zip64(const char *data, size_t len)
{
	size_t lo = len > ZS_TAIL ? len - ZS_TAIL : 0, i;

	if (len < 4)
		return false;
	for (i = len - 3; i-- > lo;)
		if (memcmp(data + i, "PK\x06\x07", 4) == 0)
			return true;
	return false;
}

static char *
printable(const char *s)
{
	char *r = xstrdup(s), *c;

	for (c = r; *c != '\0'; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f)
			*c = '?';
	return r;
}

int
zs_read(const char *data, size_t len, struct zs_archive *a, char **err)
{
	return zs_read_max(data, len, 0, a, err);
}

/* Whether entry zs inflates more than ZS_MAX_RATIO times (only asked of
 * one over ZS_MAX_ENTRY). */
static bool
too_inflated(const zip_stat_t *zs)
{
	return !(zs->valid & ZIP_STAT_COMP_SIZE) ||
	    zs->size / ZS_MAX_RATIO > zs->comp_size;
}

/* A damaged entry's message: "entry 'NAME' is damaged (WHY)". */
static char *
damaged(const char *name, const char *why)
{
	char *pn = printable(name), *r;

	r = xasprintf(_("entry '%s' is damaged (%s)"), pn, why);
	free(pn);
	return r;
}

/* The checks every entry passes before anything is inflated. */
static char *
entry_refusal(const zip_stat_t *zs, uint64_t max_entry, uint64_t max_total,
    size_t total)
{
	char *name, *err;

	name = printable(zs->name);
	if (!safe_name(zs->name))
		err = xasprintf(_("entry '%s' leaves the archive (absolute or "
		    "'..' path)"), name);
	else if ((zs->valid & ZIP_STAT_ENCRYPTION_METHOD) &&
	    zs->encryption_method != ZIP_EM_NONE)
		err = xasprintf(_("entry '%s' is encrypted"), name);
	else if (zs->size > max_entry || total + zs->size > max_total)
		err = xasprintf(zs->size > max_entry ? _("entry '%s' is too "
		    "large (over %zu MiB uncompressed)") : _("entry '%s' takes "
		    "the archive over %zu MiB uncompressed"), name,
		    (size_t)((zs->size > max_entry ? max_entry : max_total) >> 20));
	else if (zs->size > ZS_MAX_ENTRY && too_inflated(zs))
		err = xasprintf(_("entry '%s' inflates more than %d times "
		    "(a ZIP bomb?)"), name, ZS_MAX_RATIO);
	else
		err = NULL;
	free(name);
	return err;
}

/* The refusals made from the archive's size, first bytes and last 64 KiB
 * (tail, the whole archive's when it is that small). */
static char *
head_refusal(uint64_t len, uint64_t max_file, const char *head,
    const char *tail, size_t ntail)
{
	if (len > max_file)
		return xasprintf(_("archive larger than %zu MiB"),
		    (size_t)(max_file >> 20));
	if (len < 22 || memcmp(head, "PK", 2) != 0)
		return xstrdup(_("not a ZIP archive"));
	if (has_zip64(tail, ntail))
		return xstrdup(_("ZIP64 archives are not accepted"));
	return NULL;
}

/* Opens the archive src (taken over) and checks every entry. */
static int
open_source(zip_source_t *src, uint64_t max, struct zs_archive *a,
    char **err)
{
	uint64_t max_entry = max > ZS_MAX_ENTRY ? max : ZS_MAX_ENTRY;
	uint64_t max_total = max > ZS_MAX_TOTAL ? max : ZS_MAX_TOTAL;
	zip_error_t ze;
	zip_int64_t count, i;
	size_t total = 0, cap = 0, nl;

	zip_error_init(&ze);
	if ((a->z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS,
	    &ze)) == NULL) {
		*err = xasprintf(_("not a valid ZIP archive (truncated or damaged: %s)"),
		    zip_error_strerror(&ze));
		zip_source_free(src);
		zip_error_fini(&ze);
		return -1;
	}
	zip_error_fini(&ze);
	count = zip_get_num_entries(a->z, 0);
	if (count < 0 || count > ZS_MAX_ENTRIES) {
		*err = xasprintf(_("more than %d entries"), ZS_MAX_ENTRIES);
		goto fail;
	}
	for (i = 0; i < count; i++) {
		zip_stat_t zs;

		if (zip_stat_index(a->z, (zip_uint64_t)i, 0, &zs) != 0 ||
		    !(zs.valid & ZIP_STAT_NAME) || !(zs.valid & ZIP_STAT_SIZE)) {
			*err = xasprintf(_("entry %lld is unreadable: %s"), (long long)i,
			    zip_strerror(a->z));
			goto fail;
		}
		if ((*err = entry_refusal(&zs, max_entry, max_total, total)) != NULL)
			goto fail;
		nl = strlen(zs.name);
		if (nl > 0 && zs.name[nl - 1] == '/')
			continue;	/* a directory */
		total += zs.size;
		a->e = xgrow(a->e, &cap, a->n + 1, sizeof *a->e);
		a->e[a->n] = (struct zs_entry){ xstrdup(zs.name), NULL,
		    (size_t)zs.size, (uint64_t)i };
		a->n++;
	}
	return 0;
fail:
	zs_free(a);
	return -1;
}

int
zs_open_max(const char *data, size_t len, uint64_t max, struct zs_archive *a,
    char **err)
{
	uint64_t max_file = max > ZS_MAX_FILE ? max : ZS_MAX_FILE;
	zip_error_t ze;
	zip_source_t *src;

	memset(a, 0, sizeof *a);
	if ((*err = head_refusal(len, max_file, data, data, len)) != NULL)
		return -1;
	zip_error_init(&ze);
	src = zip_source_buffer_create(data, len, 0, &ze);
	if (src == NULL) {
		*err = xasprintf(_("not a valid ZIP archive (truncated or damaged: %s)"),
		    zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return -1;
	}
	zip_error_fini(&ze);
	return open_source(src, max, a, err);
}

int
zs_open_fd_max(int fd, uint64_t len, uint64_t max, struct zs_archive *a,
    char **err)
{
	uint64_t max_file = max > ZS_MAX_FILE ? max : ZS_MAX_FILE;
	size_t ntail = len < ZS_TAIL ? (size_t)len : ZS_TAIL;
	char head[2] = {0, 0}, *tail = xmalloc(ntail + 1);
	zip_error_t ze;
	zip_source_t *src = NULL;
	FILE *f = NULL;
	int dfd = -1;

	memset(a, 0, sizeof *a);
	*err = NULL;
	errno = 0;
	if ((len >= 2 && pread(fd, head, 2, 0) != 2) || pread(fd, tail, ntail,
	    (off_t)(len - ntail)) != (ssize_t)ntail) {
		*err = xstrdup(strerror(errno != 0 ? errno : EIO));
		goto out;
	}
	if ((*err = head_refusal(len, max_file, head, tail, ntail)) != NULL)
		goto out;
	zip_error_init(&ze);
	if ((dfd = dup(fd)) < 0 || (f = fdopen(dfd, "rb")) == NULL ||
	    (src = zip_source_filep_create(f, 0, (zip_int64_t)len, &ze)) == NULL) {
		*err = dfd < 0 || f == NULL ? xstrdup(strerror(errno)) :
		    xasprintf(_("not a valid ZIP archive (truncated or damaged: "
		    "%s)"), zip_error_strerror(&ze));
		if (f != NULL)
			fclose(f);
		else if (dfd >= 0)
			close(dfd);
		zip_error_fini(&ze);
		goto out;
	}
	zip_error_fini(&ze);
	free(tail);
	return open_source(src, max, a, err);	/* src holds f now */
out:
	free(tail);
	return -1;
}

/*
 * A reader of one entry, which never yields more than the entry's header
 * declares (a lying header gains nothing) and at its end checks that it
 * yielded exactly that and that the checksum holds.
 */
struct zs_reader {
	zip_file_t *f;
	const struct zs_entry *e;
	size_t got;
	char *err;
};

struct zs_reader *
zs_reader_open(struct zs_archive *a, const struct zs_entry *e, char **err)
{
	struct zs_reader *r;
	zip_file_t *f;

	*err = NULL;
	if ((f = zip_fopen_index(a->z, e->index, 0)) == NULL) {
		char *pn = printable(e->name);

		*err = xasprintf(_("entry '%s': %s"), pn, zip_strerror(a->z));
		free(pn);
		return NULL;
	}
	r = xcalloc(1, sizeof *r);
	r->f = f;
	r->e = e;
	return r;
}

long
zs_reader_read(struct zs_reader *r, char *buf, size_t n)
{
	zip_int64_t got;
	char extra;

	if (r->err != NULL)
		return -1;
	if (n > r->e->len - r->got)
		n = r->e->len - r->got;
	if (n > LONG_MAX)
		n = LONG_MAX;
	if (n == 0) {
		/* the end the header declares: one byte more, or a bad
		 * checksum, is a damaged entry */
		got = zip_fread(r->f, &extra, 1);
		if (got != 0)
			r->err = damaged(r->e->name, got < 0 ?
			    zip_file_strerror(r->f) :
			    _("size differs from its header"));
		return got == 0 ? 0 : -1;
	}
	got = zip_fread(r->f, buf, n);
	if (got <= 0) {
		r->err = damaged(r->e->name, got < 0 ?
		    zip_file_strerror(r->f) : _("size differs from its header"));
		return -1;
	}
	r->got += (size_t)got;
	return (long)got;
}

int
zs_reader_close(struct zs_reader *r, char **err)
{
	int rc = 0;

	*err = NULL;
	if (r == NULL)
		return 0;
	if (zip_fclose(r->f) != 0 && r->err == NULL && r->got == r->e->len)
		r->err = damaged(r->e->name, _("checksum"));
	if (r->err != NULL) {
		*err = r->err;
		rc = -1;
	}
	free(r);
	return rc;
}

const char *
zs_load(struct zs_archive *a, const struct zs_entry *ce, char **err)
{
	struct zs_entry *e = &a->e[ce - a->e];	/* ce is one of a's */
	struct zs_reader *r;
	long got;
	size_t at = 0;

	assert(ce >= a->e && ce < a->e + a->n);
	*err = NULL;
	if (e->data != NULL)
		return e->data;
	if ((r = zs_reader_open(a, e, err)) == NULL)
		return NULL;
	e->data = xmalloc(e->len + 1);
	while ((got = zs_reader_read(r, e->data + at, e->len - at)) > 0)
		at += (size_t)got;
	if (zs_reader_close(r, err) != 0 || got < 0 || at != e->len) {
		if (*err == NULL)
			*err = damaged(e->name, _("size differs from its header"));
		free(e->data);
		e->data = NULL;
		return NULL;
	}
	e->data[e->len] = '\0';
	return e->data;
}

void
zs_unload(struct zs_archive *a, const struct zs_entry *ce)
{
	struct zs_entry *e = &a->e[ce - a->e];

	assert(ce >= a->e && ce < a->e + a->n);
	free(e->data);
	e->data = NULL;
}

int
zs_read_max(const char *data, size_t len, uint64_t max, struct zs_archive *a,
    char **err)
{
	size_t i;

	if (zs_open_max(data, len, max, a, err) != 0)
		return -1;
	for (i = 0; i < a->n; i++)
		if (zs_load(a, &a->e[i], err) == NULL) {
			zs_free(a);
			return -1;
		}
	return 0;
}
