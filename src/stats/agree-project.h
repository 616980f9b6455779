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
#include "store/project.h"

struct agree_project;

enum { AGREE_PROJECT_SUBCATEGORY = 1 << 0 };

/*
 * Builds the state for coders[0..ncoders) (logins; coder 0 is A, 1 is B)
 * with cfg (cfg->ncoders is set from ncoders). Unknown coders are an error.
 */
enum ax_status agree_project_new(struct project *p, const char *const *coders,
    int ncoders, const struct agree_config *cfg, unsigned flags,
    struct agree_project **out);
void agree_project_free(struct agree_project *ap);

/*
 * Applies what was committed since the last build or refresh. *changed says
 * whether any figure may have moved. A change to the documents or the tree
 * rebuilds the state.
 */
enum ax_status agree_project_refresh(struct agree_project *ap, bool *changed);

const struct agree_state *agree_project_state(const struct agree_project *ap);
const struct agree_names *agree_project_names(const struct agree_project *ap);
/* Code index -> node id, and the number of codes. */
int64_t agree_project_code_id(const struct agree_project *ap, size_t code);

#endif
