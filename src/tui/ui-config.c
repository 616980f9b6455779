/*
 * ui-config.c: the user's settings file, ~/.config/axial/config (or under
 * $XDG_CONFIG_HOME): one setting per line, "theme NAME", "mouse on|off",
 * "layout rtl|ltr", "bidi app", "shaping app|terminal|off",
 * "quick-code paragraph|selection" (what the digit keys and . code
 * without a selection) and "bind ACTION KEY..."; blank lines and lines
 * starting with # are skipped. A bad line is reported with its file and
 * line number and the rest still applies.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"
#include "base/i18n.h"
#include "base/util.h"
#include "tui/ui-int.h"

static char *
config_path(void)
{
	const char *x = getenv("XDG_CONFIG_HOME"), *h = getenv("HOME");

	if (x != NULL && x[0] == '/')
		return xasprintf("%s/axial/config", x);
	if (h != NULL && h[0] != '\0')
		return xasprintf("%s/.config/axial/config", h);
	return NULL;
}

/*
 * Calls fn(arg, path, lineno, word, rest) for each setting of the config
 * file: word is the line's first word, rest what follows it without its
 * leading blanks (NULL when nothing does). Line numbers count every line,
 * blank ones too, so a message points where an editor does.
 */
static void
config_each(void (*fn)(void *arg, const char *path, int lineno, char *word,
    char *rest), void *arg)
{
	char *path = config_path(), *text, *line, *next;
	size_t len;
	int lineno = 0;

	if (path == NULL || (text = file_read_all(path, &len)) == NULL) {
		free(path);
		return;
	}
	for (line = text; line != NULL; line = next) {
		char *word, *rest, *save = NULL;

		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		lineno++;
		line[strcspn(line, "\r")] = '\0';
		word = strtok_r(line, " \t", &save);
		if (word == NULL || word[0] == '#')
			continue;
		rest = save != NULL ? save + strspn(save, " \t") : NULL;
		fn(arg, path, lineno, word, rest != NULL && *rest ? rest : NULL);
	}
	free(text);
	free(path);
}

struct settings {
	struct ui *ui;
	char **theme;
	bool *mouse_off;
};

static void
setting(void *arg, const char *path, int lineno, char *w, char *rest)
{
	struct settings *st = arg;
	struct ui *ui = st->ui;
	char *save = NULL;

	if (strcmp(w, "theme") == 0 && rest) {
		free(*st->theme);
		*st->theme = xstrdup(strtok_r(rest, " \t", &save));
	} else if (strcmp(w, "mouse") == 0 && rest) {
		*st->mouse_off = strncmp(rest, "off", 3) == 0;
	} else if (strcmp(w, "layout") == 0 && rest) {
		if (ui->opt.layout_rtl < 0 || ui->opt.layout_rtl == 2)
			ui->opt.layout_rtl = strncmp(rest, "rtl", 3) == 0 ? 1 :
			    strncmp(rest, "ltr", 3) == 0 ? 0 : -1;
	} else if (strcmp(w, "bidi") == 0 && rest) {
		/* only app: see --bidi in cmd-project.c */
		if (strncmp(rest, "app", 3) != 0)
			ui_err(ui, _("%s:%d: only 'bidi app' works in the "
			    "workbench (docs/bidi.md)"), path, lineno);
	} else if (strcmp(w, "shaping") == 0 && rest) {
		if (text_shaping_parse(rest, &ui->opt.text.shaping) != 0)
			ui_err(ui, _("%s:%d: shaping app, terminal or off"), path,
			    lineno);
	} else if (strcmp(w, "quick-code") == 0 && rest) {
		if (strncmp(rest, "paragraph", 9) == 0)
			ui->quick_refuse = false;
		else if (strncmp(rest, "selection", 9) == 0)
			ui->quick_refuse = true;
		else
			ui_err(ui, _("%s:%d: quick-code paragraph or selection"),
			    path, lineno);
	} else if (strcmp(w, "bind") != 0) {	/* bindings: binding() */
		ui_err(ui, _("%s:%d: unknown setting '%s'"), path, lineno, w);
	}
}

struct bindings {
	struct keymap *k;
	FILE *err;		/* NULL: the status line of ui */
	struct ui *ui;
};

static void
binding(void *arg, const char *path, int lineno, char *w, char *rest)
{
	struct bindings *b = arg;
	char *name, *keys = NULL, *save = NULL;
	const char *e = NULL;

	if (strcmp(w, "bind") != 0)
		return;
	name = rest != NULL ? strtok_r(rest, " \t", &save) : NULL;
	if (save != NULL)
		keys = save + strspn(save, " \t");
	/* no keys would unbind the action without a word: refused */
	if (name != NULL && keys != NULL && *keys != '\0' &&
	    keymap_bind(b->k, name, keys, &e) == 0)
		return;
	if (b->err != NULL)
		fprintf(b->err, "axial: %s:%d: %s\n", path, lineno,
		    e ? e : _("bind ACTION KEY..."));
	else
		ui_err(b->ui, "%s:%d: %s", path, lineno,
		    e ? e : _("bind ACTION KEY..."));
}

void
ui_config_load(struct ui *ui, char **theme, bool *mouse_off)
{
	struct settings st = {ui, theme, mouse_off};
	struct bindings b = {ui->keys, NULL, ui};

	config_each(setting, &st);
	config_each(binding, &b);
}

void
ui_load_bindings(struct keymap *k, FILE *err)
{
	struct bindings b = {k, err, NULL};

	config_each(binding, &b);
}
