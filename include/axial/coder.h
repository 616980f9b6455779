/*
 * coder.h: the people who code. A coder's login is the operating-system
 * account name by default; the owner may add coders tied to an account so
 * one researcher can act under both names (testing both roles).
 */
#ifndef AXIAL_CODER_H
#define AXIAL_CODER_H

#include <stddef.h>
#include <stdint.h>

#include "axial/project.h"

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
 * Adds (or updates) coder `login`. Tying it to an OS account other than the
 * caller's own is for the owner only.
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
 * tied to no account, so nobody can act as them; *id is its row id.
 */
enum ax_status coder_import(struct project *p, const char *login,
    const char *name, const char *guid, int64_t *id);

#endif
