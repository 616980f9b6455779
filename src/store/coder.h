/*
 * coder.h: the people who code. A coder's login is the operating-system
 * account name by default; the owner may add coders tied to an account so
 * one researcher can act under both names (testing both roles).
 *
 * Who may act as coder LOGIN (--as, the workbench; check_identity):
 *   - LOGIN tied to an account (its `account` column): that account only,
 *     even when another account's name equals LOGIN;
 *   - LOGIN tied to no account (imported, added without --account, or
 *     from a version 1 file), or no such coder yet: only the account named
 *     LOGIN, if there is one (with no row yet, its first action makes one,
 *     tied to it);
 *   - "consensus" (compare.h): nobody; only compare writes its codings.
 * So the account that holds LOGIN is the one it is tied to, else the
 * account of that name here, else (for LOGIN-retest, a second pass) the
 * holder of LOGIN; a name nobody holds is free.
 *
 * Who may tie LOGIN to account X (coder_add with an account; the owner
 * only): allowed when LOGIN is free, already X's, or held by the owner
 * herself (she may give her role names away), never when another account
 * holds it, and an account's own name is that account's for good. Refused
 * with the coder and the account holding it named.
 *
 * Coders are in the change log: a coder added or tied is an action that
 * undo takes back, under the same rule (an undo may also take back a tie
 * the holder has never acted under), and never while the coder has acted
 * or is named anywhere. The first action of an account makes its row in
 * an action of its own, "coder join", that nobody undoes.
 */
#ifndef AXIAL_CODER_H
#define AXIAL_CODER_H

#include <stddef.h>
#include <stdint.h>

#include "store/project.h"

struct coder {
	int64_t id;
	char *login, *name, *color, *account, *guid;
};
void coder_list_free(struct coder *c, size_t n);
/* Frees one element's strings (for callers that filter a list in place). */
void coder_list_free_one(struct coder *c);

enum ax_status coder_list(struct project *p, struct coder **out, size_t *n);
enum ax_status coder_find(struct project *p, const char *login, int64_t *id);
/*
 * Adds (or updates) coder `login`; `account` not NULL ties it ("" unties).
 * The owner only, but for a coder's own name and colour; the tie rule is
 * above. Logged as "coder add", "coder tie" or "coder edit".
 */
enum ax_status coder_add(struct project *p, const char *login, const char *name,
    const char *color, const char *account);

/*
 * Adds a second-pass coder `login` for the acting coder (retest.h), tied to
 * the acting account: allowed to anyone, for their own passes only.
 */
enum ax_status coder_add_pass(struct project *p, const char *login);

/*
 * For importers and merge: the coder with this GUID, or else this login,
 * or else a new coder row (keeping the GUID; name defaults to the login)
 * tied to no account, so only an account of that name may act as them;
 * *id is its row id.
 */
enum ax_status coder_import(struct project *p, const char *login,
    const char *name, const char *guid, int64_t *id);

#endif
