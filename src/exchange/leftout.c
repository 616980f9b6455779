/*
 * leftout.c: the one-line notice an extractor gives for what it did not
 * take ("left out 2 images, the header and 1 comment"), shared by the
 * .docx and .odt readers so both say it the same way, plural forms and
 * all.
 */
#include <stdlib.h>

#include "base/i18n.h"
#include "base/util.h"
#include "exchange/exchange-int.h"

/* One item of the notice's list (s is taken), joined to those before it. */
static void
add_item(struct buf *b, int *k, int total, char *s)
{
	if (*k > 0)
		/* TRANSLATORS: list joiners, "2 images, the header and 1 comment" */
		buf_puts(b, *k + 1 == total ? _(" and ") : _(", "));
	buf_puts(b, s);
	free(s);
	(*k)++;
}

/*
 * "%d images" in the plural form for n (xgettext knows countf's two
 * formats). A macro, so that the compiler checks both formats against n
 * through ngettext's format_arg, as it checks any printf.
 */
#define countf(n, one, many) \
	xasprintf(ngettext((one), (many), (unsigned long)(n)), (n))

char *
leftout_notice(const struct leftout *l)
{
	struct buf b = {0};
	int total = (l->images > 0) + (l->headers > 0) + (l->footers > 0) +
	    (l->notes > 0) + (l->comments > 0) + (l->other > 0) +
	    (l->shapes > 0) + (l->charts > 0) + (l->lists > 0), k = 0;
	char *r;

	if (total == 0)
		return NULL;
	if (l->images > 0)
		add_item(&b, &k, total, countf(l->images, "%d image", "%d images"));
	if (l->shapes > 0)
		add_item(&b, &k, total, countf(l->shapes, "%d drawn shape",
		    "%d drawn shapes"));
	if (l->charts > 0)
		add_item(&b, &k, total, countf(l->charts, "%d chart", "%d charts"));
	if (l->headers > 0)
		add_item(&b, &k, total, l->headers == 1 ? xstrdup(_("the header")) :
		    countf(l->headers, "%d header", "%d headers"));
	if (l->footers > 0)
		add_item(&b, &k, total, l->footers == 1 ? xstrdup(_("the footer")) :
		    countf(l->footers, "%d footer", "%d footers"));
	if (l->notes > 0)
		add_item(&b, &k, total, countf(l->notes, "%d footnote", "%d footnotes"));
	if (l->comments > 0)
		add_item(&b, &k, total, countf(l->comments, "%d comment", "%d comments"));
	if (l->other > 0)
		add_item(&b, &k, total, countf(l->other, "%d embedded object",
		    "%d embedded objects"));
	if (l->lists > 0)
		add_item(&b, &k, total, countf(l->lists, "%d list number whose "
		    "numbering definition is missing or broken", "%d list numbers "
		    "whose numbering definitions are missing or broken"));
	/* TRANSLATORS: %s is the list, e.g. "2 images and the header" */
	r = xasprintf(_("left out %s"), b.s);
	buf_done(&b);
	return r;
}
