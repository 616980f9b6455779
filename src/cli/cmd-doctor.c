/*
 * cmd-doctor.c: `axial doctor [PROJECT]`, why the screen may look wrong,
 * before the researcher has to ask: the locale, the terminal and what it
 * is known to do to right-to-left text (termident.h), tmux and its
 * passthrough, colours, the mouse, a project's permissions against the
 * sharing recipe (README, docs/security.md §2.4), and the libraries.
 * Each finding is one line: "ok", "note" (worth knowing, nothing wrong)
 * or "fix" with what to do. Exit 0 when nothing needs fixing, else 1.
 *
 * The terminal is asked for its name (XTVERSION, CSI > 0 q) only when
 * both standard input and output are it, followed by DA1 (CSI c), which
 * every VT100-like terminal and tmux answer, in order: once DA1's answer
 * is in, nothing more is coming, so no byte is left for the shell. The
 * wait is bounded (QUERY_MS); a terminal that answers nothing costs that
 * much. docs/doctor.md says why the workbench does not ask.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <fribidi.h>
#include <libxml/xmlversion.h>
#include <unistring/version.h>
#include <zip.h>

#include "base/i18n.h"
#include "text/termident.h"
#include "store/project.h"
#include "cli/cmd.h"
#include "tui/tui.h"

/* How long the terminal gets to answer, in all. */
#define QUERY_MS 1000

enum level { OK, NOTE, FIX };

struct doctor {
	int fixes;
};

/* One finding: "LEVEL  TOPIC: TEXT" on standard output, controls made
 * visible (paths and the environment's values are the user's, not ours). */
static void AX_PRINTF(4, 5)
finding(struct doctor *d, enum level l, const char *topic, const char *fmt, ...)
{
	/* TRANSLATORS: the first word of a line of `axial doctor`, padded */
	const char *word[] = {N_("ok  "), N_("note"), N_("fix ")};
	struct buf b = {0};
	va_list ap;

	buf_printf(&b, "%s  %s: ", _(word[l]), topic);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	buf_putc(&b, '\n');
	cmd_put_text(stdout, b.s, b.len);
	buf_done(&b);
	if (l == FIX)
		d->fixes++;
}

static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * The terminal's XTVERSION answer without its framing into out ("" when
 * it gave none). Returns whether DA1's answer came, i.e. whether the
 * terminal answered at all.
 */
static bool
query_terminal(char *out, size_t outsz)
{
	struct termios before, raw;
	char in[512];
	size_t len = 0;
	long deadline;
	bool done = false;
	char *p, *q;

	out[0] = '\0';
	if (tcgetattr(STDIN_FILENO, &before) != 0)
		return false;
	raw = before;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &raw) != 0)
		return false;
	fflush(stdout);
	if (write(STDOUT_FILENO, "\033[>0q\033[c", 9) != 9)
		goto out;
	deadline = now_ms() + QUERY_MS;
	while (!done && len + 1 < sizeof in) {
		struct pollfd pfd = {STDIN_FILENO, POLLIN, 0};
		long left = deadline - now_ms();
		ssize_t n;

		if (left <= 0 || poll(&pfd, 1, (int)left) <= 0)
			break;
		if ((n = read(STDIN_FILENO, in + len, sizeof in - 1 - len)) <= 0)
			break;
		len += (size_t)n;
		in[len] = '\0';
		/* DA1's answer: ESC [ ? ... c, the last thing to come */
		if ((p = strstr(in, "\033[?")) != NULL &&
		    strchr(p + 3, 'c') != NULL)
			done = true;
	}
	if ((p = strstr(in, "\033P>|")) != NULL &&
	    (q = strstr(p, "\033\\")) != NULL) {
		p += 4;
		snprintf(out, outsz, "%.*s", (int)(q - p), p);
	}
out:
	/* TCSAFLUSH: whatever came without DA1's answer goes too */
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &before);
	return done;
}

/* The first line cmd prints (shell syntax, no input of the user's), or
 * false when it fails. */
static bool
run_line(const char *cmd, char *out, size_t n)
{
	FILE *f = popen(cmd, "r");
	bool ok;

	out[0] = '\0';
	if (f == NULL)
		return false;
	ok = fgets(out, (int)n, f) != NULL;
	out[strcspn(out, "\n")] = '\0';
	ok = pclose(f) == 0 && ok;
	return ok;
}

int
cmd_tmux_passthrough(void)
{
	char v[32];
	const char *t = getenv("TMUX");

	if (t == NULL || *t == '\0')
		return -1;
	if (!run_line("tmux show-options -gv allow-passthrough 2>/dev/null",
	    v, sizeof v))
		return -1;
	return strcmp(v, "on") == 0 || strcmp(v, "all") == 0;
}

static void
check_locale(struct doctor *d)
{
	const char *w = i18n_locale_warning();

	if (w != NULL)
		finding(d, FIX, _("locale"), "%s", w);
	else
		finding(d, OK, _("locale"), _("characters are UTF-8"));
}

static void
check_terminal(struct doctor *d, bool ask)
{
	const char *term = getenv("TERM");
	struct termident t;
	char answer[128] = "";
	bool answered = false;

	if (term == NULL || *term == '\0' || strcmp(term, "dumb") == 0) {
		finding(d, FIX, _("terminal"), _("TERM is %s: the workbench "
		    "needs a terminal type; set TERM=xterm-256color, or the "
		    "one your terminal names"), term && *term ? term : _("not set"));
		return;
	}
	if (ask)
		answered = query_terminal(answer, sizeof answer);
	termident_detect(NULL, answered ? answer : NULL, &t);
	if (answered && answer[0] != '\0') {
		char clean[sizeof answer];
		size_t i;

		for (i = 0; answer[i] != '\0'; i++)
			clean[i] = answer[i] >= ' ' && answer[i] < 0x7f ?
			    answer[i] : '?';
		clean[i] = '\0';
		finding(d, OK, _("terminal"), _("it calls itself %s"), clean);
	} else if (ask && !answered)
		finding(d, NOTE, _("terminal"), _("it did not answer a "
		    "device-attributes query within a second; judged from the "
		    "environment only"));
	if (t.name == NULL) {
		finding(d, OK, _("terminal"), _("TERM=%s; no terminal with known "
		    "trouble over right-to-left text found"), term);
		return;
	}
	switch (t.bidi) {
	case TERMIDENT_FINE:
		finding(d, OK, _("terminal"), _("%s%s%s (from %s) shows what "
		    "axial lays out as it is"), t.name, t.version[0] ? " " : "",
		    t.version, t.from);
		break;
	case TERMIDENT_SWITCHED:
	case TERMIDENT_REORDERS:
	case TERMIDENT_BROKEN:
		/* inside tmux mlterm's switch cannot reach it: a fix then */
		if (t.enter[0] != '\0') {
			finding(d, NOTE, _("terminal"), _("%s%s%s (from %s): axial "
			    "switches its bidi off while it runs. %s"), t.name,
			    t.version[0] ? " " : "", t.version, t.from, t.hint);
			break;
		}
		finding(d, FIX, _("terminal"), "%s%s%s (%s): %s", t.name,
		    t.version[0] ? " " : "", t.version, t.from, t.hint);
		break;
	}
}

static void
check_tmux(struct doctor *d)
{
	const char *tmux = getenv("TMUX");
	char ver[64];
	int pt;

	if (tmux == NULL || *tmux == '\0') {
		finding(d, OK, "tmux", _("not inside tmux"));
		return;
	}
	if (!run_line("tmux -V 2>/dev/null", ver, sizeof ver))
		snprintf(ver, sizeof ver, "tmux");
	pt = cmd_tmux_passthrough();
	if (pt == 1)
		finding(d, OK, "tmux", _("%s with allow-passthrough on: axial "
		    "passes its bidi switch through to the outer terminal"), ver);
	else if (pt == 0)
		finding(d, FIX, "tmux", _("%s swallows axial's bidi switch, so "
		    "the outer terminal may reorder the text again: add 'set -g "
		    "allow-passthrough on' to ~/.tmux.conf, or switch bidi off "
		    "in the outer terminal"), ver);
	else
		finding(d, FIX, "tmux", _("%s did not say whether "
		    "allow-passthrough is on (it needs tmux 3.3 or later): "
		    "switch bidi off in the outer terminal"), ver);
}

static void
check_caps(struct doctor *d, const struct ui_termcaps *c)
{
	const char *term = getenv("TERM");

	if (term == NULL || *term == '\0')
		return;
	if (c->colors < 0)
		finding(d, FIX, _("colours"), _("TERM=%s has no terminfo entry "
		    "here: set TERM to one 'infocmp' knows, such as "
		    "xterm-256color"), term);
	else if (c->colors < 8)
		finding(d, FIX, _("colours"), _("TERM=%s has no colours, so "
		    "codes differ only by their margin bars: if the terminal "
		    "has colours, set TERM=xterm-256color"), term);
	else if (c->colors < 256)
		finding(d, NOTE, _("colours"), _("TERM=%s has %d colours; code "
		    "colours are approximated (TERM=xterm-256color gives 256)"),
		    term, c->colors);
	else
		finding(d, OK, _("colours"), "%d", c->colors);
	if (c->colors < 0)
		return;
	if (c->mouse)
		finding(d, OK, _("mouse"), _("reported by TERM=%s (--no-mouse "
		    "leaves it to the terminal's own selection)"), term);
	else
		finding(d, NOTE, _("mouse"), _("TERM=%s reports no mouse: select "
		    "and drag with the keys (v, x, p)"), term);
}

static const char *
group_name(gid_t g, char *buf, size_t n)
{
	struct group *gr = getgrgid(g);

	if (gr != NULL)
		snprintf(buf, n, "%s", gr->gr_name);
	else
		snprintf(buf, n, "%lu", (unsigned long)g);
	return buf;
}

static bool
in_group(gid_t g)
{
	gid_t *list;
	int i, n;
	bool in = getegid() == g;

	if (in || (n = getgroups(0, NULL)) <= 0)
		return in;
	list = xcalloc((size_t)n, sizeof *list);
	n = getgroups(n, list);
	for (i = 0; i < n && !in; i++)
		in = list[i] == g;
	free(list);
	return in;
}

/* SQLite's -wal and -shm of path, which it gives the project's modes: any
 * that lost the group's access or group locks the other coder out. */
static int
check_side_files(struct doctor *d, const char *path, const struct stat *st)
{
	static const char *const sfx[] = {"-wal", "-shm"};
	char gn[64], side[PATH_MAX];
	struct stat ss;
	size_t i;
	int bad = 0;

	for (i = 0; i < 2; i++) {
		snprintf(side, sizeof side, "%s%s", path, sfx[i]);
		if (lstat(side, &ss) != 0)
			continue;
		if (ss.st_gid != st->st_gid) {
			finding(d, FIX, _("project"), _("%s belongs to group %s, "
			    "not the project's: chgrp %s %s"), side,
			    group_name(ss.st_gid, gn, sizeof gn), gn, side);
			bad++;
		}
		if ((ss.st_mode & st->st_mode & 060) != (st->st_mode & 060)) {
			finding(d, FIX, _("project"), _("%s is mode %03o, so the "
			    "group cannot write it while the project says %03o: "
			    "chmod g+rw %s"), side, (unsigned)(ss.st_mode & 0777),
			    (unsigned)(st->st_mode & 0777), side);
			bad++;
		}
	}
	return bad;
}

/* The project file and its folder against the sharing recipe: 660 files,
 * a 2770 folder of the study's group, umask 007; a private project is
 * nobody else's. */
static void
check_project(struct doctor *d, const char *path)
{
	char dir[PATH_MAX], gn[64], dn[64], *slash;
	struct stat st, ds;
	mode_t um, m;
	int bad = 0;

	if (stat(path, &st) != 0) {
		/* not a finding: the command could not do what it was asked */
		cmd_error("%s: %s", path, strerror(errno));
		d->fixes++;
		return;
	}
	snprintf(dir, sizeof dir, "%s", path);
	if ((slash = strrchr(dir, '/')) == NULL)
		snprintf(dir, sizeof dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	if (stat(dir, &ds) != 0) {
		finding(d, FIX, _("project"), _("%s: %s"), dir, strerror(errno));
		return;
	}
	m = st.st_mode & 0777;
	um = umask(0);
	umask(um);
	if (m & 007) {
		finding(d, FIX, _("project"), _("%s is mode %03o: other accounts "
		    "can read it, blind codings included: chmod o-rwx %s"),
		    path, (unsigned)m, path);
		bad++;
	}
	if (access(path, R_OK | W_OK) != 0) {
		finding(d, NOTE, _("project"), _("you can only read %s: the "
		    "workbench opens it read-only"), path);
	}
	if (access(dir, W_OK | X_OK) != 0) {
		finding(d, FIX, _("project"), _("you cannot write the folder "
		    "%s, where SQLite keeps the %s-wal and -shm files: ask its "
		    "owner for write access (chmod g+rwx %s for a shared study)"),
		    dir, path, dir);
		bad++;
	}
	/* shared: the group may write the file or the folder */
	if ((m & 020) || (ds.st_mode & 020)) {
		group_name(st.st_gid, gn, sizeof gn);
		group_name(ds.st_gid, dn, sizeof dn);
		if (!(ds.st_mode & S_ISGID)) {
			finding(d, FIX, _("project"), _("the shared folder %s has "
			    "no setgid bit, so the -wal and -shm files SQLite "
			    "makes take each coder's own group: chmod g+s %s"),
			    dir, dir);
			bad++;
		}
		if ((ds.st_mode & 070) != 070) {
			finding(d, FIX, _("project"), _("the shared folder %s is "
			    "mode %04o; the recipe's is 2770: chmod g+rwx %s"),
			    dir, (unsigned)(ds.st_mode & 07777), dir);
			bad++;
		}
		if (st.st_gid != ds.st_gid) {
			finding(d, FIX, _("project"), _("%s belongs to group %s, its "
			    "folder to %s: chgrp %s %s"), path, gn, dn, dn, path);
			bad++;
		}
		if ((m & 060) != 060) {
			finding(d, FIX, _("project"), _("%s is mode %03o: the group "
			    "cannot write it: chmod g+rw %s"), path, (unsigned)m,
			    path);
			bad++;
		}
		if (!in_group(st.st_gid)) {
			finding(d, FIX, _("project"), _("you are not in group %s, "
			    "which shares %s: ask the administrator (usermod -aG "
			    "%s YOU, then log in again)"), gn, path, gn);
			bad++;
		}
		if (um & 060) {
			finding(d, FIX, _("project"), _("your umask %03o takes the "
			    "group's access from new files (SQLite's -wal and "
			    "-shm, exports): umask 007 in your shell and "
			    "~/.profile"), (unsigned)um);
			bad++;
		}
	}
	bad += check_side_files(d, path, &st);
	if (bad == 0 && ((m & 020) || (ds.st_mode & 020)))
		finding(d, OK, _("project"), _("%s: mode %03o, group %s, folder "
		    "%04o: as the sharing recipe sets them"), path, (unsigned)m,
		    group_name(st.st_gid, gn, sizeof gn),
		    (unsigned)(ds.st_mode & 07777));
	else if (bad == 0)
		finding(d, OK, _("project"), _("%s: mode %03o, yours and no "
		    "other account's"), path, (unsigned)m);
}

static void
check_libraries(struct doctor *d, const struct ui_termcaps *c)
{
	bool ok;
	const char *v = project_sqlite_version(&ok);
	int u = _libunistring_version;

	if (ok)
		finding(d, OK, "SQLite", "%s", v);
	else
		finding(d, FIX, "SQLite", _("%s: axial needs %s or later, with "
		    "FTS5: install your system's current libsqlite3"), v,
		    PROJECT_SQLITE_MIN);
	finding(d, OK, _("libraries"), "%s, FriBidi %s, libxml2 %s, libzip %s, "
	    "libunistring %d.%d.%d", c->curses, FRIBIDI_VERSION,
	    LIBXML_DOTTED_VERSION, zip_libzip_version(), u >> 16, (u >> 8) & 0xff,
	    u & 0xff);
}

static int
doctor_main(const struct cmd *self, int argc, char **argv)
{
	const char *noquery = NULL;
	struct cmd_opt opts[] = {
		{"no-query", 0, false, &noquery},
		{NULL, 0, false, NULL},
	};
	struct doctor d = {0};
	struct ui_termcaps caps;
	char **ops;
	int n, rc;

	if ((rc = cmd_operands(self, argc, argv, opts, 0, 1,
	    _("expected at most one project file"), &ops, &n)) != 0)
		return cmd_end(NULL, ops, rc);
	ui_termcaps(getenv("TERM"), &caps);
	check_locale(&d);
	check_terminal(&d, noquery == NULL && isatty(STDIN_FILENO) &&
	    isatty(STDOUT_FILENO));
	check_tmux(&d);
	check_caps(&d, &caps);
	if (n == 1)
		check_project(&d, ops[0]);
	check_libraries(&d, &caps);
	return cmd_end(NULL, ops, d.fixes > 0 ? CMD_ERROR : CMD_OK);
}

const struct cmd cmd_doctor = {
	"doctor", "[PROJECT] [--no-query]",
	N_("say why the screen may look wrong, and what to change"),
	N_("  --no-query   do not ask the terminal its name (the environment\n"
	"               alone then tells which terminal it is)\n"
	"Each finding is one line: ok, note, or fix with what to do. Exit\n"
	"status 0 when nothing needs fixing, 1 otherwise.\n"),
	doctor_main,
};
