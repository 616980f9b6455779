/*
 * termident.h: which terminal axial runs in and what it is known to do to
 * right-to-left text, from the environment and, where the caller asked
 * the terminal, its XTVERSION answer (docs/doctor.md). A pure function:
 * the workbench calls it at start for its status line and the mlterm
 * switch, `axial doctor` for its report. No curses, no terminal I/O here.
 */
#ifndef AXIAL_TERMIDENT_H
#define AXIAL_TERMIDENT_H

enum termident_bidi {
	TERMIDENT_FINE,		/* no bidi of its own, or it obeys CSI 8 l */
	TERMIDENT_SWITCHED,	/* reorders, but takes its own switch (enter) */
	TERMIDENT_REORDERS,	/* reorders; only its settings switch it off */
	TERMIDENT_BROKEN,	/* shows RTL lines wrong whatever axial sends */
};

struct termident {
	const char *name;	/* "mlterm", "Konsole"...; NULL: not known */
	const char *from;	/* what told: "MLTERM", "XTVERSION"... */
	char version[48];	/* "" when nothing says */
	enum termident_bidi bidi;
	const char *enter;	/* bytes that switch its bidi off, or "" */
	const char *leave;	/* and back on at exit, or "" */
	const char *hint;	/* what the user should change (translated), or NULL */
};

/*
 * Fills out from env (NULL: getenv) and xtversion, the terminal's answer
 * to CSI > 0 q without its framing ("kitty(0.26.5)"; NULL: not asked or
 * no answer). Inside tmux (TMUX set) the answer is tmux's, so only the
 * environment names the outer terminal, and no enter bytes are given:
 * tmux would swallow them.
 */
void termident_detect(const char *(*env)(const char *name),
    const char *xtversion, struct termident *out);

#endif
