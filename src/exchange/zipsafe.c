/*
 * zipsafe.c: reading an untrusted ZIP archive (a .qdpx, .docx or .odt)
 * into memory with libzip, refusing anything a hostile archive could use:
 * entry names that are absolute or climb out with "..", more than
 * ZS_MAX_ENTRIES entries, entries or totals beyond the size caps (checked
 * against the declared size first and while inflating, so a lying header
 * gains nothing), ZIP64 archives and encrypted entries. Nothing is
 * extracted to disk. The caps are the fixed ones, or the caller's limit
 * when larger (zs_read_max); past ZS_MAX_ENTRY an entry must also keep to
 * ZS_MAX_RATIO, so a small archive cannot ask for gigabytes.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
	a->e = NULL;
	a->n = 0;
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

/* Whether the archive has a ZIP64 end-of-central-directory locator. */
static bool
has_zip64(const char *data, size_t len)
{
	/* The locator sits just before the end record, which is at most
	 * 22 + 65535 bytes from the end. */
	size_t lo = len > 65535 + 22 + 20 ? len - (65535 + 22 + 20) : 0, i;

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

int
zs_read_max(const char *data, size_t len, uint64_t max, struct zs_archive *a,
    char **err)
{
	uint64_t max_entry = max > ZS_MAX_ENTRY ? max : ZS_MAX_ENTRY;
	uint64_t max_total = max > ZS_MAX_TOTAL ? max : ZS_MAX_TOTAL;
	uint64_t max_file = max > ZS_MAX_FILE ? max : ZS_MAX_FILE;
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z = NULL;
	zip_int64_t count, i;
	size_t total = 0, cap = 0;
	char *name;

	a->e = NULL;
	a->n = 0;
	*err = NULL;
	if (len > max_file) {
		*err = xasprintf(_("archive larger than %zu MiB"),
		    (size_t)(max_file >> 20));
		return -1;
	}
	if (len < 22 || memcmp(data, "PK", 2) != 0) {
		*err = xstrdup(_("not a ZIP archive"));
		return -1;
	}
	if (has_zip64(data, len)) {
		*err = xstrdup(_("ZIP64 archives are not accepted"));
		return -1;
	}
	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(data, len, 0, &ze)) == NULL ||
	    (z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze)) == NULL) {
		*err = xasprintf(_("not a valid ZIP archive (truncated or damaged: %s)"),
		    zip_error_strerror(&ze));
		if (src != NULL)
			zip_source_free(src);
		zip_error_fini(&ze);
		return -1;
	}
	zip_error_fini(&ze);
	count = zip_get_num_entries(z, 0);
	if (count < 0 || count > ZS_MAX_ENTRIES) {
		*err = xasprintf(_("more than %d entries"), ZS_MAX_ENTRIES);
		goto fail;
	}
	for (i = 0; i < count; i++) {
		zip_stat_t zs;
		zip_file_t *f;
		char *buf;
		zip_int64_t got;
		size_t nl;

		if (zip_stat_index(z, (zip_uint64_t)i, 0, &zs) != 0 ||
		    !(zs.valid & ZIP_STAT_NAME) || !(zs.valid & ZIP_STAT_SIZE)) {
			*err = xasprintf(_("entry %lld is unreadable: %s"), (long long)i,
			    zip_strerror(z));
			goto fail;
		}
		if (!safe_name(zs.name)) {
			name = printable(zs.name);
			*err = xasprintf(_("entry '%s' leaves the archive (absolute or "
			    "'..' path)"), name);
			free(name);
			goto fail;
		}
		if ((zs.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
		    zs.encryption_method != ZIP_EM_NONE) {
			name = printable(zs.name);
			*err = xasprintf(_("entry '%s' is encrypted"), name);
			free(name);
			goto fail;
		}
		nl = strlen(zs.name);
		if (nl > 0 && zs.name[nl - 1] == '/')
			continue;	/* a directory */
		if (zs.size > max_entry || total + zs.size > max_total) {
			name = printable(zs.name);
			*err = xasprintf(zs.size > max_entry ? _("entry '%s' is too "
			    "large (over %zu MiB uncompressed)") : _("entry '%s' takes "
			    "the archive over %zu MiB uncompressed"), name,
			    (size_t)((zs.size > max_entry ? max_entry : max_total) >> 20));
			free(name);
			goto fail;
		}
		if (zs.size > ZS_MAX_ENTRY && too_inflated(&zs)) {
			name = printable(zs.name);
			*err = xasprintf(_("entry '%s' inflates more than %d times "
			    "(a ZIP bomb?)"), name, ZS_MAX_RATIO);
			free(name);
			goto fail;
		}
		if ((f = zip_fopen_index(z, (zip_uint64_t)i, 0)) == NULL) {
			name = printable(zs.name);
			*err = xasprintf(_("entry '%s': %s"), name, zip_strerror(z));
			free(name);
			goto fail;
		}
		/* One byte more than declared, to catch a lying header. */
		buf = xmalloc((size_t)zs.size + 2);
		got = zip_fread(f, buf, zs.size + 1);
		if (got < 0 || (zip_uint64_t)got != zs.size) {
			name = printable(zs.name);
			*err = xasprintf(_("entry '%s' is damaged (%s)"), name,
			    got < 0 ? zip_file_strerror(f) : _("size differs from its header"));
			free(name);
			free(buf);
			zip_fclose(f);
			goto fail;
		}
		if (zip_fclose(f) != 0) {
			name = printable(zs.name);
			*err = xasprintf(_("entry '%s' is damaged (checksum)"), name);
			free(name);
			free(buf);
			goto fail;
		}
		buf[zs.size] = '\0';
		total += zs.size;
		a->e = xgrow(a->e, &cap, a->n + 1, sizeof *a->e);
		a->e[a->n].name = xstrdup(zs.name);
		a->e[a->n].data = buf;
		a->e[a->n].len = (size_t)zs.size;
		a->n++;
	}
	zip_discard(z);
	return 0;
fail:
	zip_discard(z);
	zs_free(a);
	return -1;
}
