/*
 * termident.c: the terminal's identity and its known bidi behaviour
 * (src/text/termident.h). One table: each row says how a terminal shows
 * itself (an environment variable it sets, its TERM, its XTVERSION
 * answer) and what it does to right-to-left lines, as tried by hand
 * (docs/doctor.md). The first row that matches wins; the XTVERSION
 * answer, when there is one from the terminal itself, comes first.
 */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "text/termident.h"

/* mlterm's configuration protocol (its doc/en/PROTOCOL): use_ctl is its
 * complex text layout, bidi included, switchable for the session. */
static const char MLTERM_CTL_OFF[] = "\033]5379;use_ctl=false\007";
static const char MLTERM_CTL_ON[] = "\033]5379;use_ctl=true\007";

static const struct known {
	const char *name;
	const char *env;	/* a variable it sets, or NULL */
	int env_version;	/* whether that variable's value is the version */
	const char *program;	/* its TERM_PROGRAM, or NULL */
	const char *term;	/* a TERM prefix of its own, or NULL */
	const char *xt;		/* the start of its XTVERSION answer, or NULL */
	enum termident_bidi bidi;
	const char *hint;
} known[] = {
	{"mlterm", "MLTERM", 1, NULL, "mlterm", "mlterm", TERMIDENT_SWITCHED,
	    N_("mlterm reorders right-to-left text itself: if words look "
	    "reversed, start it with --ctl=false")},
	{"Konsole", "KONSOLE_VERSION", 1, NULL, "konsole", "Konsole",
	    TERMIDENT_REORDERS,
	    N_("Konsole reorders right-to-left text again: untick "
	    "Bi-Directional text rendering in its profile (Advanced)")},
	{"kitty", "KITTY_WINDOW_ID", 0, NULL, "xterm-kitty", "kitty",
	    TERMIDENT_BROKEN,
	    N_("kitty shows right-to-left words or numbers reversed in every "
	    "mode: for Persian use xterm, foot or GNOME Terminal")},
	{"VTE", "VTE_VERSION", 1, NULL, NULL, "VTE", TERMIDENT_FINE, NULL},
	{"WezTerm", NULL, 0, "WezTerm", "wezterm", "WezTerm", TERMIDENT_FINE,
	    NULL},
	{"iTerm2", NULL, 0, "iTerm.app", NULL, "iTerm2", TERMIDENT_FINE, NULL},
	{"Windows Terminal", "WT_SESSION", 0, NULL, NULL, NULL,
	    TERMIDENT_FINE, NULL},
	{"xterm", "XTERM_VERSION", 1, NULL, NULL, "XTerm", TERMIDENT_FINE,
	    NULL},
	{"foot", NULL, 0, NULL, "foot", "foot", TERMIDENT_FINE, NULL},
	{"the Linux console", NULL, 0, NULL, "linux", NULL, TERMIDENT_FINE,
	    NULL},
};

static const char *
env_default(const char *name)
{
	return getenv(name);
}

static int
set(const char *s)
{
	return s != NULL && *s != '\0';
}

/* s (from the environment or the terminal: untrusted) into out->version,
 * printable ASCII only and cut to fit. */
static void
version_copy(struct termident *out, const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n && k + 1 < sizeof out->version; i++)
		if (s[i] > ' ' && s[i] < 0x7f)
			out->version[k++] = s[i];
	out->version[k] = '\0';
}

/* "kitty(0.26.5)", "tmux 3.3a", "XTerm(379)": what follows the name. */
static void
version_from_answer(struct termident *out, const char *answer, size_t skip)
{
	const char *v = answer + skip;

	if (*v == '(' || *v == ' ')
		v++;
	version_copy(out, v, strcspn(v, ")"));
}

static void
use(struct termident *out, const struct known *k, const char *from)
{
	out->name = k->name;
	out->from = from;
	out->bidi = k->bidi;
	out->hint = k->hint != NULL ? _(k->hint) : NULL;
	if (k->bidi == TERMIDENT_SWITCHED) {
		out->enter = MLTERM_CTL_OFF;
		out->leave = MLTERM_CTL_ON;
	}
}

void
termident_detect(const char *(*env)(const char *name), const char *xtversion,
    struct termident *out)
{
	const char *term, *v;
	size_t i, n;
	int tmux;

	if (env == NULL)
		env = env_default;
	memset(out, 0, sizeof *out);
	out->enter = out->leave = "";
	out->bidi = TERMIDENT_FINE;
	tmux = set(env("TMUX"));
	term = env("TERM");
	if (set(xtversion) && !tmux && strncmp(xtversion, "tmux", 4) != 0)
		for (i = 0; i < sizeof known / sizeof known[0]; i++) {
			if (known[i].xt == NULL)
				continue;
			n = strlen(known[i].xt);
			if (strncmp(xtversion, known[i].xt, n) == 0) {
				use(out, &known[i], "XTVERSION");
				version_from_answer(out, xtversion, n);
				goto found;
			}
		}
	for (i = 0; i < sizeof known / sizeof known[0]; i++) {
		if (known[i].env != NULL && set(v = env(known[i].env))) {
			use(out, &known[i], known[i].env);
			if (known[i].env_version)
				version_copy(out, v, strlen(v));
			goto found;
		}
		if (known[i].program != NULL && set(v = env("TERM_PROGRAM")) &&
		    strcmp(v, known[i].program) == 0) {
			use(out, &known[i], "TERM_PROGRAM");
			if (set(v = env("TERM_PROGRAM_VERSION")))
				version_copy(out, v, strlen(v));
			goto found;
		}
		/* inside tmux TERM is tmux's own */
		if (!tmux && known[i].term != NULL && set(term) &&
		    strncmp(term, known[i].term, strlen(known[i].term)) == 0) {
			use(out, &known[i], "TERM");
			goto found;
		}
	}
	return;
found:
	if (tmux)
		out->enter = out->leave = "";
}
