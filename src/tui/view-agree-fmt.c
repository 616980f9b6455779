/*
 * view-agree-fmt.c: how the agreement view writes its figures and names
 * its codes, shared by the rows of two coders (view-agree.c) and of a set
 * (view-agree-many.c). A figure is three decimals or "undefined" (its
 * reason goes beside the row); a percentage never shows 100 or 0 for a
 * value that is not (percent_fmt).
 */
#include <stdio.h>

#include "stats/agree-project.h"
#include "base/i18n.h"
#include "base/util.h"
#include "tui/view-int.h"

void
view_agree_fig(const struct agree_fig *f, char *out, size_t cap)
{
	if (f->why != NULL)
		snprintf(out, cap, "%s", _("undefined"));
	else
		snprintf(out, cap, "%.3f", f->v);
}

void
view_agree_pct(const struct agree_fig *f, char *out, size_t cap)
{
	char pc[PERCENT_MAX];

	if (f->why != NULL)
		snprintf(out, cap, "%s", _("undefined"));
	else
		snprintf(out, cap, "%s%%", percent_fmt(pc, sizeof pc, f->v, 1,
		    1, PERCENT_BOUND));
}

const char *
view_agree_code_name(struct ui *ui, const struct agree_project *ap,
    size_t code)
{
	const struct agree_names *nm = agree_project_names(ap);
	const struct node *n = ui_node(ui, agree_project_code_id(ap, code));

	if (n != NULL)
		return n->name;	/* the code's own name; the path is long */
	if (nm != NULL && nm->code != NULL && nm->code[code] != NULL)
		return nm->code[code];
	return "?";
}
