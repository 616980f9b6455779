#include <stdlib.h>
#include "axial/exchange.h"
#include "axial/util.h"
void
refi_stats_done(struct refi_stats *s)
{
	free(s->report);
	s->report = NULL;
}
enum ax_status
refi_import(struct project *p, const char *path, struct refi_stats *st, char **err)
{
	(void)p; (void)path; (void)st;
	*err = xstrdup("not yet");
	return AX_ERR_INPUT;
}
enum ax_status
merge_project(struct project *p, const char *other, struct refi_stats *st, char **err)
{
	(void)p; (void)other; (void)st;
	*err = xstrdup("not yet");
	return AX_ERR_INPUT;
}
