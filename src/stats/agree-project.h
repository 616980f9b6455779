/*
 * agree-project.h: agreement on a project's codings, kept current.
 *
 * The bridge between the project store and the agreement engine
 * (agreement.h): it maps documents, codes and coders to the engine's
 * indices, loads the codings of the chosen coders, and afterwards applies
 * only the codings changed since (by this process or another coder's), so
 * a live view recounts just the units they touch. No curses.
 *
 * Categories for pooling are the codes' main categories (top-level
 * ancestors, the paradigm slots) or, with AGREE_PROJECT_SUBCATEGORY, their
 * direct parents. Units are paragraphs (LF-separated lines; in axial's
 * transcripts one paragraph is one speaker turn) unless the mode says
 * otherwise.
 */
#ifndef AXIAL_AGREE_PROJECT_H
#define AXIAL_AGREE_PROJECT_H

#include <stdbool.h>

#include "stats/agreement.h"
#include "stats/agreement-ualpha.h"
#include "store/codetree.h"
#include "store/project.h"

struct agree_project;

/*
 * AGREE_PROJECT_LAZY: agree_project_new reads no document; the caller
 * adds them with agree_project_step (from a loop's idle time) and shows
 * the figures as partial until agree_project_progress says all are in
 * (mode f is built whole all the same). AGREE_PROJECT_UNITIZE: alpha_U
 * of every code and u-alpha are kept too (agreement-ulive.h).
 */
enum {
	AGREE_PROJECT_SUBCATEGORY = 1 << 0,
	AGREE_PROJECT_LAZY = 1 << 1,
	AGREE_PROJECT_UNITIZE = 1 << 2,
};

/*
 * Builds the state for coders[0..ncoders) (logins; coder 0 is A, 1 is B)
 * with cfg (cfg->ncoders is set from ncoders). Unknown coders are an error.
 */
enum ax_status agree_project_new(struct project *p, const char *const *coders,
    int ncoders, const struct agree_config *cfg, unsigned flags,
    struct agree_project **out);
/*
 * The same with the code tree as codetree_load gave it to the caller (the
 * workbench has it): a large study's per-code counts are not read again.
 * Only the first build uses it; a rebuild after the tree changed reads
 * the tree itself.
 */
enum ax_status agree_project_new_tree(struct project *p,
    const char *const *coders, int ncoders, const struct agree_config *cfg,
    unsigned flags, const struct node *tree, size_t nt,
    struct agree_project **out);
void agree_project_free(struct agree_project *ap);

/*
 * Applies what was committed since the last build or refresh. *changed says
 * whether any figure may have moved. A change to the documents or the tree
 * rebuilds the state.
 */
enum ax_status agree_project_refresh(struct agree_project *ap, bool *changed);

/*
 * Lazy: adds documents in order, with their codings, until budget_ns has
 * passed (0: no limit; at least one document per call), then computes
 * alpha_U of the codes changes marked. *changed says whether a figure
 * may have moved. Without AGREE_PROJECT_LAZY only the marked codes.
 */
enum ax_status agree_project_step(struct agree_project *ap, uint64_t budget_ns,
    bool *changed);
/* Documents in the state and in the project; true when every figure is
 * complete (every document in, no alpha_U left to compute). */
bool agree_project_progress(const struct agree_project *ap, size_t *done,
    size_t *total);
/*
 * alpha_U (free uz with agree_unitize_free) and u-alpha with
 * AGREE_PROJECT_UNITIZE; false while they are partial or stale (and
 * always without the flag: nothing is filled in then).
 */
bool agree_project_unitize(const struct agree_project *ap,
    struct agree_unitize *uz, struct agree_ualpha *ua);

const struct agree_state *agree_project_state(const struct agree_project *ap);
const struct agree_names *agree_project_names(const struct agree_project *ap);
/* Code index -> node id, and the number of codes. */
int64_t agree_project_code_id(const struct agree_project *ap, size_t code);

#endif
