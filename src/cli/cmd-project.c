/*
 * cmd-project.c: axial init, axial info, and `axial PROJECT`, which opens
 * the full-screen workbench (ui.c).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/document.h"
#include "base/i18n.h"
#include "text/name.h"
#include "store/project.h"
#include "cli/cmd.h"
#include "tui/tui.h"

static int
init_main(const struct cmd *self, int argc, char **argv)
{
	const char *title = NULL;
	struct cmd_opt opts[] = {
		{"title", 't', true, &title},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	char **ops, *bad;
	int n, rc;

	if ((rc = cmd_operands(self, argc, argv, opts, 1, 1,
	    _("expected one project file"), &ops, &n)) != 0)
		goto out;
	/* Checked before the file exists: a refused title leaves nothing. */
	if (title != NULL && (bad = name_check(NAME_TITLE, title)) != NULL) {
		rc = cmd_error("%s", bad);
		free(bad);
		goto out;
	}
	rc = cmd_project_open(ops[0], NULL, PROJECT_CREATE, &p);
	if (rc == CMD_OK && title != NULL && project_set_setting(p, "title", title) != AX_OK)
		rc = cmd_project_error(p);
	if (rc == CMD_OK)
		printf(_("created %s\n"), ops[0]);
out:
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_init = {
	"init", "PROJECT [--title TITLE]",
	N_("create an empty project file (suggested extension .axial)"),
	N_("  -t, --title TITLE   the study's title\n"), init_main,
};

static int
print_info(struct project *p, bool json)
{
	struct project_summary s;
	char *title = project_setting(p, "title");
	struct buf b = {0};

	project_summary(p, &s);
	if (json) {
		buf_puts(&b, "{\"path\":");
		buf_json_str(&b, project_path(p), strlen(project_path(p)));
		buf_puts(&b, ",\"title\":");
		buf_json_str(&b, title ? title : "", title ? strlen(title) : 0);
		buf_printf(&b, ",\"schema\":%d,\"documents\":%lld,\"characters\":%lld,"
		    "\"codes\":%lld,\"categories\":%lld,\"codings\":%lld,"
		    "\"coders\":%lld,\"memos\":%lld,\"readonly\":%s}\n",
		    PROJECT_SCHEMA_VERSION, (long long)s.documents,
		    (long long)s.chars, (long long)s.codes, (long long)s.categories,
		    (long long)s.codings, (long long)s.coders, (long long)s.memos,
		    project_readonly(p) ? "true" : "false");
		fputs(b.s, stdout);
	} else {
		printf(_("project:    %s%s\n"), project_path(p),
		    project_readonly(p) ? _(" (read-only)") : "");
		if (title != NULL) {
			fputs(_("title:      "), stdout);
			cmd_put_text(stdout, title, strlen(title));
			fputc('\n', stdout);
		}
		printf(_("documents:  %lld (%lld characters)\n"), (long long)s.documents,
		    (long long)s.chars);
		printf(_("codes:      %lld in %lld categories\n"), (long long)s.codes,
		    (long long)s.categories);
		printf(_("codings:    %lld by %lld coders\n"), (long long)s.codings,
		    (long long)s.coders);
		printf(_("memos:      %lld\n"), (long long)s.memos);
		printf(_("you:        %s\n"), project_coder_login(p));
	}
	buf_done(&b);
	free(title);
	return CMD_OK;
}

static int
info_main(const struct cmd *self, int argc, char **argv)
{
	const char *json = NULL;
	struct cmd_opt opts[] = {
		{"json", 0, false, &json},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	char **ops;
	int n, rc;

	if ((rc = cmd_operands(self, argc, argv, opts, 1, 1,
	    _("expected one project file"), &ops, &n)) == 0 &&
	    (rc = cmd_project_open(ops[0], NULL, 0, &p)) == CMD_OK)
		rc = print_info(p, json != NULL);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_info = {
	"info", "PROJECT [--json]",
	N_("summarise a project: documents, codes, codings, coders, memos"),
	N_("  --json   machine-readable output\n"), info_main,
};

/*
 * `axial PROJECT [OPTIONS]`: the full-screen workbench (ui.c). argv[1] on
 * is the project and its options, which may come before it too (cmd_parse
 * gathers operands anywhere).
 */
static int
workbench_main(const struct cmd *self, int argc, char **argv)
{
	const char *theme = NULL, *bidi = NULL, *shaping = NULL, *dir = NULL;
	const char *nomouse = NULL, *as = NULL, *passthrough = NULL, *layout = NULL;
	struct cmd_opt opts[] = {
		{"theme", 0, true, &theme},
		{"bidi", 0, true, &bidi},
		{"shaping", 0, true, &shaping},
		{"dir", 0, true, &dir},
		{"no-mouse", 0, false, &nomouse},
		{"layout", 0, true, &layout},
		{"tmux-passthrough", 0, false, &passthrough},
		{"as", 0, true, &as},
		{NULL, 0, false, NULL},
	};
	struct ui_options o;
	struct project *p = NULL;
	char **ops;
	int n, rc, i;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			cmd_help(self, stdout);
			return CMD_OK;
		}
	if ((rc = cmd_parse(self, argc, argv, opts, &ops, &n)) != 0)
		return rc;
	if (n != 1) {
		/* `axial FILE WORD`: FILE opens the workbench, WORD is too many */
		rc = n == 0 ? cmd_usage(self, NULL) :
		    cmd_usage(self, _("unexpected argument '%s'"), ops[1]);
		goto out;
	}
	memset(&o, 0, sizeof o);
	o.project = ops[0];
	o.as = as;
	o.theme = theme;
	o.no_mouse = nomouse != NULL;
	/* tmux lets it through when its allow-passthrough is on */
	o.tmux_passthrough = passthrough != NULL ||
	    (isatty(STDOUT_FILENO) && cmd_tmux_passthrough() == 1);
	o.stats = getenv("AXIAL_UI_STATS");
	/* 2: not given (the config may set it); then -1: from the locale */
	o.layout_rtl = layout == NULL ? 2 : strcmp(layout, "rtl") == 0 ? 1 :
	    strcmp(layout, "ltr") == 0 ? 0 : strcmp(layout, "auto") == 0 ? -1 : 3;
	if (o.layout_rtl == 3) {
		rc = cmd_usage(self, _("--layout takes rtl, ltr or auto"));
		goto out;
	}
	text_opts_default(&o.text);
	/* logical order cannot work on a screen of panes: the terminal takes
	 * each row, across panes, as one paragraph (docs/bidi.md §2.6) */
	if (bidi != NULL && strcmp(bidi, "terminal") == 0) {
		rc = cmd_usage(self, _("--bidi terminal is not available in the "
		    "workbench: a terminal that reorders takes each screen row, "
		    "across the panes, as one paragraph. Use --bidi app (the "
		    "default) with the terminal's own bidi off, or 'axial cat "
		    "--bidi terminal FILE' for logical order (docs/bidi.md)"));
		goto out;
	}
	if ((bidi && text_bidi_parse(bidi, &o.text.bidi) != 0) ||
	    (shaping && text_shaping_parse(shaping, &o.text.shaping) != 0) ||
	    (dir && text_dir_parse(dir, &o.text.dir) != 0)) {
		rc = cmd_usage(self, _("bad --bidi, --shaping or --dir value"));
		goto out;
	}
	/* not a terminal (a script, a pipe): the summary, as `axial info` */
	if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
		rc = ui_run(&o);
	else if ((rc = cmd_project_open(o.project, as, 0, &p)) == CMD_OK)
		rc = print_info(p, false);
out:
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_workbench = {
	"PROJECT", "[--theme NAME] [--bidi app] "
	"[--shaping app|terminal|off] [--dir auto|auto-rtl|rtl|ltr] [--no-mouse] "
	"[--layout rtl|ltr|auto] "
	"[--as CODER]",
	N_("open the full-screen workbench"),
	N_("  --theme NAME      colours: default, dark, light, high-contrast, monochrome\n"
	"  --bidi app        axial reorders right-to-left text and switches the\n"
	"                    terminal's bidi off (the only mode; docs/bidi.md)\n"
	"  --shaping MODE    Arabic-script shaping by app (default), terminal or off\n"
	"  --dir DIR         paragraph direction: auto (the document's), auto-rtl,\n"
	"                    rtl, ltr\n"
	"  --no-mouse        leave the mouse to the terminal (select and paste)\n"
	"  --layout L        rtl mirrors the panes, ltr does not, auto follows the\n"
	"                    locale (default)\n"
	"  --tmux-passthrough  inside tmux, pass the bidi-mode sequences through\n"
	"  --as CODER        code as CODER (a name the owner tied to your account)\n"
	"Keys: 'axial keys'; in the workbench, ? or F1.\n"),
	workbench_main,
};
