/* csv.c: a small RFC 4180 reader over a buffer (csv.h). */
#include <stdlib.h>
#include <string.h>

#include "exchange/csv.h"
#include "base/i18n.h"
#include "base/util.h"

void
csv_init(struct csv *c, const char *data, size_t len)
{
	memset(c, 0, sizeof *c);
	c->p = data;
	c->end = data + len;
	c->line = c->at_line = 1;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		c->p += 3;
}

static void
clear_fields(struct csv *c)
{
	size_t i;

	for (i = 0; i < c->nfields; i++)
		free(c->fields[i]);
	c->nfields = 0;
}

int
csv_next(struct csv *c, char **err)
{
	struct buf f = {0};
	size_t line;

	*err = NULL;
	clear_fields(c);
	/* skip blank lines */
	while (c->p < c->end && (*c->p == '\n' || *c->p == '\r')) {
		if (*c->p == '\n')
			c->at_line++;
		c->p++;
	}
	if (c->p >= c->end)
		return 0;
	line = c->line = c->at_line;
	for (;;) {
		buf_reset(&f);
		buf_add(&f, "", 0);
		if (c->p < c->end && *c->p == '"') {
			c->p++;
			for (;;) {
				if (c->p >= c->end) {
					buf_done(&f);
					*err = xasprintf(_("unterminated quoted field "
					    "(opened on line %zu)"), line);
					return -1;
				}
				if (*c->p == '"') {
					if (c->p + 1 < c->end && c->p[1] == '"') {
						buf_putc(&f, '"');
						c->p += 2;
						continue;
					}
					c->p++;
					break;
				}
				if (*c->p == '\n')
					c->at_line++;
				buf_putc(&f, *c->p++);
			}
			if (c->p < c->end && *c->p != ',' && *c->p != '\n' && *c->p != '\r') {
				buf_done(&f);
				*err = xasprintf(_("text after a closing quote on line %zu"),
				    c->at_line);
				return -1;
			}
		} else {
			while (c->p < c->end && *c->p != ',' && *c->p != '\n' &&
			    *c->p != '\r') {
				if (*c->p == '"') {
					buf_done(&f);
					*err = xasprintf(_("a quote inside an unquoted field on "
					    "line %zu"), c->at_line);
					return -1;
				}
				buf_putc(&f, *c->p++);
			}
		}
		c->fields = xgrow(c->fields, &c->cap, c->nfields + 1, sizeof *c->fields);
		c->fields[c->nfields++] = buf_take(&f);
		if (c->p < c->end && *c->p == ',') {
			c->p++;
			continue;
		}
		if (c->p < c->end && *c->p == '\r')
			c->p++;
		if (c->p < c->end && *c->p == '\n') {
			c->p++;
			c->at_line++;
		}
		return 1;
	}
}

void
csv_done(struct csv *c)
{
	clear_fields(c);
	free(c->fields);
	memset(c, 0, sizeof *c);
}
