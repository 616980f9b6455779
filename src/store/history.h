/*
 * history.h: undo, redo and the audit trail, per coder, across restarts.
 *
 * Every action (project_begin .. project_commit) is logged with the before
 * and after image of each row it touched, the coder it was done as and the
 * OS account that did it. Undo inverts the acting coder's latest action that
 * is still done; redo inverts the undo. Either is refused (AX_ERR_CONFLICT)
 * when another action has changed those rows since, or when inverting would
 * take other coders' work with it; and (AX_ERR_PERM) when another account
 * did the action, when it would take a coder name from the account holding
 * it (coder.h), or would hide again what a blind session has shown, unless
 * the owner asks (blind.h).
 */
#ifndef AXIAL_HISTORY_H
#define AXIAL_HISTORY_H

#include <stddef.h>
#include <stdint.h>

#include "store/project.h"

/* On success *label (if not NULL) is the undone action's label; free it. */
enum ax_status history_undo(struct project *p, char **label);
enum ax_status history_redo(struct project *p, char **label);

struct history_entry {
	int64_t id, time, nchanges;
	char *coder, *label, *kind, *state;	/* kind do|undo|redo */
	char *account;		/* the OS account that did it ("" before v4) */
	char *detail;		/* what it touched, by name ("" for nothing):
				 * "«code» in «doc» [12,40)", "«old» → «new»" */
};
/* The newest `limit` actions, newest first. */
enum ax_status history_log(struct project *p, size_t limit,
    struct history_entry **out, size_t *n);
void history_log_free(struct history_entry *e, size_t n);

#endif
