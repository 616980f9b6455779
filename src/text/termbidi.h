/*
 * termbidi.h: which bytes switch the terminal's own bidi off and back on
 * (docs/bidi.md §2.2, docs/bidi.md §2.3). A pure function of the mode and
 * the environment; the UI writes `enter` at start-up and after every resume
 * (SIGCONT, reset_prog_mode) and `leave` at exit and before suspend. No
 * curses here.
 */
#ifndef AXIAL_TERMBIDI_H
#define AXIAL_TERMBIDI_H

#include <stdbool.h>

#include "text/text.h"

struct termbidi {
	const char *enter;	/* static strings, possibly "" */
	const char *leave;
	const char *warning;	/* one line for the status bar, or NULL */
};

/*
 * With TEXT_BIDI_APP (axial sends visual order): explicit mode and LTR path
 * on enter (CSI 8 l, CSI 1 SP k), implicit mode and the default path on
 * leave (CSI 8 h, CSI SP k). Inside tmux, which swallows these, only the
 * DCS passthrough form and only if tmux_passthrough (the user enabled
 * allow-passthrough); otherwise nothing and a warning. TERM=linux gets
 * BDSM alone; a dumb or unset TERM nothing. With TEXT_BIDI_TERMINAL
 * nothing is sent: the terminal stays in its own (implicit) mode.
 * env looks up environment variables (NULL: getenv).
 */
void termbidi_sequences(enum text_bidi mode, bool tmux_passthrough,
    const char *(*env)(const char *name), struct termbidi *out);

#endif
