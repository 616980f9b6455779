/*
 * ui-term.c: the terminal under the workbench: curses on and off, the
 * bidi mode sequences, the mouse, and the signals that must restore the
 * terminal however axial ends.
 *
 * The terminal is restored on every way out: normal quit, SIGTERM, SIGHUP
 * (a dropped SSH connection), fatal() through its hook, and a crash
 * (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT) through on_crash(), which uses
 * only async-signal-safe calls on strings prepared in ui_term_open. Signal
 * handlers only set flags, which the main loop reads (ui_term_quit,
 * ui_term_continued). This file calls nothing else of the workbench but
 * ui_colors_init, so every other file may call it.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "text/termbidi.h"
#include "text/termident.h"
#include "base/i18n.h"
#include "base/util.h"
#include "tui/ui-int.h"

/*
 * Process-wide state, global for a reason each: the signal flags are all a
 * handler may set; the terminal's state (curses_on, bidi_seq, mouse_on) is
 * read by ui_suspend_curses, which the fatal hook calls with no struct ui
 * at hand, and there is one terminal per process as there is one curses.
 */
static volatile sig_atomic_t got_term, got_cont;
static bool curses_on;
static struct termbidi bidi_seq;
static struct termident ident;	/* its enter/leave follow bidi_seq's */
static bool mouse_on;

/* For on_crash(), a signal handler, so global: the terminal's modes before
 * curses, the bytes that undo what curses and axial turned on, and the
 * handlers that were there before (a sanitizer's report must still run). */
static struct termios tty_before;
static bool tty_before_ok;
static char crash_seq[256];
static const int crash_sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
#define NCRASH (sizeof crash_sigs / sizeof crash_sigs[0])
static struct sigaction crash_old[NCRASH];

static void
on_term(int sig)
{
	(void)sig;
	got_term = 1;
}

static void
on_cont(int sig)
{
	(void)sig;
	got_cont = 1;
}

static void
write_all(const char *s)
{
	size_t n = strlen(s);

	while (n > 0) {
		ssize_t w = write(STDOUT_FILENO, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		s += w;
		n -= (size_t)w;
	}
}

/* Button-event mouse tracking (1002) on top of what curses enables, so a
 * drag reports motion with the button held. */
static void
mouse_extra(bool on)
{
	write_all(on ? "\033[?1002h" : "\033[?1002l");
}

void
ui_suspend_curses(void)
{
	if (!curses_on)
		return;
	if (mouse_on)
		mouse_extra(false);
	endwin();
	write_all(bidi_seq.leave);
	write_all(ident.leave);
	curses_on = false;
}

void
ui_resume_curses(struct ui *ui)
{
	write_all(bidi_seq.enter);
	write_all(ident.enter);
	reset_prog_mode();
	if (mouse_on)
		mouse_extra(true);
	curses_on = true;
	clearok(curscr, TRUE);
	ui_dirty(ui, DIRTY_ALL | DIRTY_LAYOUT);
}

static void
fatal_hook(void)
{
	ui_suspend_curses();
}

static void
write_fd(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);

		if (w <= 0 && errno != EINTR)
			return;
		if (w > 0) {
			s += w;
			n -= (size_t)w;
		}
	}
}

static void
on_crash(int sig, siginfo_t *si, void *ctx)
{
	static const char msg1[] = "axial: crashed (signal ";
	static const char msg2[] = "); every action shown as done is saved "
	    "in the project\n";
	char num[4] = {0};
	size_t i, nd = 0;

	write_fd(STDOUT_FILENO, crash_seq, strlen(crash_seq));
	if (tty_before_ok)
		(void)tcsetattr(STDIN_FILENO, TCSANOW, &tty_before);
	if (sig >= 10)
		num[nd++] = (char)('0' + sig / 10 % 10);
	num[nd++] = (char)('0' + sig % 10);
	write_fd(STDERR_FILENO, msg1, sizeof msg1 - 1);
	write_fd(STDERR_FILENO, num, nd);
	write_fd(STDERR_FILENO, msg2, sizeof msg2 - 1);
	for (i = 0; i < NCRASH; i++) {
		if (crash_sigs[i] != sig)
			continue;
		if ((crash_old[i].sa_flags & SA_SIGINFO) &&
		    crash_old[i].sa_sigaction != NULL)
			crash_old[i].sa_sigaction(sig, si, ctx);
		else if (crash_old[i].sa_handler != SIG_DFL &&
		    crash_old[i].sa_handler != SIG_IGN)
			crash_old[i].sa_handler(sig);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Called once curses has read the terminal's description: what to write
 * to leave the screen as it was if axial crashes. */
static void
crash_handlers_install(void)
{
	const char *caps[] = {"rmcup", "cnorm", "sgr0", "rmkx"};
	struct sigaction sa;
	size_t i, len;

	(void)snprintf(crash_seq, sizeof crash_seq, "%s",
	    "\033[?1002l\033[?1006l\033[?1000l");
	for (i = 0; i < sizeof caps / sizeof caps[0]; i++) {
		const char *v = tigetstr(caps[i]);

		len = strlen(crash_seq);
		if (v != NULL && v != (char *)-1 &&
		    len + strlen(v) < sizeof crash_seq)
			memcpy(crash_seq + len, v, strlen(v) + 1);
	}
	len = strlen(crash_seq);
	if (len + strlen(bidi_seq.leave) < sizeof crash_seq)
		memcpy(crash_seq + len, bidi_seq.leave, strlen(bidi_seq.leave) + 1);
	len = strlen(crash_seq);
	if (len + strlen(ident.leave) < sizeof crash_seq)
		memcpy(crash_seq + len, ident.leave, strlen(ident.leave) + 1);
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_crash;
	sa.sa_flags = SA_SIGINFO | SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < NCRASH; i++)
		sigaction(crash_sigs[i], &sa, &crash_old[i]);
}


void
ui_term_mouse(struct ui *ui, bool on)
{
	if (on) {
		mousemask(ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION, NULL);
		mouseinterval(0);
		mouse_extra(true);
	} else {
		mouse_extra(false);
		mousemask(0, NULL);
	}
	mouse_on = ui->mouse = on;
}

void
ui_term_beep(void)
{
	if (curses_on)
		beep();
}

bool
ui_term_quit(void)
{
	return got_term != 0;
}

bool
ui_term_continued(void)
{
	bool c = got_cont != 0;

	got_cont = 0;
	return c;
}

/*
 * The one line the status bar shows at start: a locale that is not UTF-8
 * first (nothing Persian is readable then), then what the terminal is
 * known to do to right-to-left text, then tmux swallowing the mode switch.
 */
const char *
ui_term_warning(void)
{
	const char *w = i18n_locale_warning();

	if (w == NULL && ident.hint != NULL)
		w = ident.hint;
	return w != NULL ? w : bidi_seq.warning;
}

void
ui_term_open(struct ui *ui, bool mouse)
{
	const char *tp = getenv("AXIAL_TMUX_PASSTHROUGH");
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_term;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = on_cont;
	sigaction(SIGCONT, &sa, NULL);

	termbidi_sequences(ui->opt.text.bidi, ui->opt.tmux_passthrough ||
	    (tp != NULL && *tp == '1'), NULL, &bidi_seq);
	/* the terminal's own switch and hint serve axial's bidi only; a
	 * terminal that is wrong in every mode is named in any */
	termident_detect(NULL, NULL, &ident);
	if (ui->opt.text.bidi != TEXT_BIDI_APP) {
		ident.enter = ident.leave = "";
		if (ident.bidi != TERMIDENT_BROKEN)
			ident.hint = NULL;
	}
	fatal_set_hook(fatal_hook);
	if (getenv("ESCDELAY") == NULL)
		set_escdelay(25);
	tty_before_ok = tcgetattr(STDIN_FILENO, &tty_before) == 0;
	if (initscr() == NULL)
		fatal("%s", _("cannot initialise the terminal"));
	curses_on = true;
	crash_handlers_install();
	write_all(bidi_seq.enter);
	write_all(ident.enter);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	timeout(UI_TICK_MS);
	ui_colors_init(ui);
	if (mouse)
		ui_term_mouse(ui, true);
}

void
ui_term_close(struct ui *ui)
{
	if (ui->mouse)
		ui_term_mouse(ui, false);
	ui_suspend_curses();
	fatal_set_hook(NULL);
}
