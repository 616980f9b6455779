/*
 * termbidi.c: terminal bidi mode switching (src/text/termbidi.h).
 * The sequences are the terminal-wg recommendation (BDSM, SCP); terminals
 * that do not know them ignore them, but tmux drops them, hence the
 * passthrough form. Detection is a heuristic on the environment only.
 */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "text/termbidi.h"

static const char BIDI_ENTER[] = "\033[8l" "\033[1 k";	/* explicit, LTR path */
static const char BIDI_LEAVE[] = "\033[8h" "\033[ k";	/* implicit, default path */
static const char BDSM_ENTER[] = "\033[8l";
static const char BDSM_LEAVE[] = "\033[8h";
static const char BIDI_ENTER_TMUX[] = "\033Ptmux;\033\033[8l\033\\";
static const char BIDI_LEAVE_TMUX[] = "\033Ptmux;\033\033[8h\033\\";

static const char *
env_default(const char *name)
{
	return getenv(name);
}

void
termbidi_sequences(enum text_bidi mode, bool tmux_passthrough,
    const char *(*env)(const char *name), struct termbidi *out)
{
	const char *term, *tmux;

	if (env == NULL)
		env = env_default;
	term = env("TERM");
	tmux = env("TMUX");
	out->enter = out->leave = "";
	out->warning = NULL;
	if (mode == TEXT_BIDI_TERMINAL || term == NULL || *term == '\0' ||
	    strcmp(term, "dumb") == 0)
		return;
	if (tmux != NULL && *tmux != '\0') {
		if (tmux_passthrough) {
			out->enter = BIDI_ENTER_TMUX;
			out->leave = BIDI_LEAVE_TMUX;
		} else {
			out->warning = _("inside tmux the outer terminal may "
			    "reorder text again: switch its bidi off, or set "
			    "allow-passthrough on and enable the tmux passthrough");
		}
		return;
	}
	if (strncmp(term, "linux", 5) == 0) {
		out->enter = BDSM_ENTER;
		out->leave = BDSM_LEAVE;
		return;
	}
	out->enter = BIDI_ENTER;
	out->leave = BIDI_LEAVE;
}
