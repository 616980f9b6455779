/*
 * importer.c: which reader takes a transcript file. Kept apart from the
 * readers themselves so that none of them calls another.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "exchange/exchange.h"
#include "base/util.h"

char *
importer_extract(const char *path, const char *data, size_t len,
    size_t *outlen, char **notice, char **err)
{
	const char *dot = strrchr(path, '.');

	*notice = NULL;
	*err = NULL;
	if (dot != NULL && strcasecmp(dot, ".docx") == 0)
		return docx_extract(data, len, outlen, notice, err);
	if (dot != NULL && strcasecmp(dot, ".odt") == 0)
		return odt_extract(data, len, outlen, notice, err);
	{
		char *copy = xmalloc(len + 1);	/* NULs and all: textin checks */

		memcpy(copy, data, len);
		copy[len] = '\0';
		*outlen = len;
		return copy;
	}
}
