/*
 * blind.h: blind coding, a project setting for reliability sessions.
 *
 *     off --blind_start(coders)--> blind --every coder blind_done--> revealed
 *      ^                             |                                  |
 *      +----------- blind_lift (owner) ---------------------------------+
 *
 * While blind, every coder sees only their own codings: lists, counts,
 * exports and live updates leave the others' out, and agreement figures are
 * refused. Nor do they see what the session's other coders made: the codes
 * and categories they created since it started (unless the reader applied
 * one too), their memos and memos on their codings, their log entries.
 * The owner and others outside the session see those (the log is their
 * audit trail) but, like the coders, only their own codings and no
 * figures. This is enforced in the model (one filter, db-int.h), so the UI
 * and the command line behave alike. (Anyone who can read the file with sqlite3 can still read
 * it: blind mode keeps coders honest, it is not encryption.)
 *
 * Start, done and lift are actions in the log (with the account that did
 * them) and undo takes them back, by whoever did them: the owner's undo of
 * a start or a lift, a coder's of their done. An undo or redo that would
 * hide again codings every coder has seen (a done taken back after the
 * reveal) is the owner's alone, as starting a session is.
 */
#ifndef AXIAL_BLIND_H
#define AXIAL_BLIND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/project.h"

struct blind_status {
	bool on;		/* a blind session exists (hidden or revealed) */
	bool hidden;		/* on, and not every coder is done */
	size_t ncoders;
	char **coders;		/* the session's coders */
	bool *done;		/* whether each has marked their coding done */
};
void blind_status_done(struct blind_status *b);
enum ax_status blind_status(struct project *p, struct blind_status *b);

/* Owner only: starts a blind session for these coders (existing logins). */
enum ax_status blind_start(struct project *p, const char *const *coders,
    size_t n);
/* The acting coder, one of the session's, marks their coding done. */
enum ax_status blind_done(struct project *p);
/* AX_OK when agreement figures may be shown; AX_ERR_PERM with the reason
 * while a blind session hides them. */
enum ax_status blind_check_figures(struct project *p);
/* 0 when nothing is hidden; while a session hides the others' work, the
 * one coder id whose codings the acting coder may see (-1: none yet). The
 * data layer filters by it (and by who made codes, memos and log entries:
 * db-int.h); analyses ask it to count no other coder. */
int64_t blind_visible_coder(struct project *p);
/* Owner only: ends the session; everything is visible again. */
enum ax_status blind_lift(struct project *p);

#endif
