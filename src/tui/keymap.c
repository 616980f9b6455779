/*
 * keymap.c: key names, the default bindings of an action table and user
 * rebinding by action name. The table itself (actions with their help and
 * functions) lives with the UI (ui-actions.c); this file only maps keys.
 */
#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/i18n.h"
#include "tui/keymap.h"
#include "base/util.h"

struct keymap {
	const struct keymap_action *actions;
	size_t nactions;
	int (*keys)[KEYMAP_MAXKEYS];	/* per action, 0-terminated */
};

static const struct {
	const char *name;
	int key;
} named[] = {
	{"Esc", 27}, {"Enter", '\r'}, {"Tab", '\t'}, {"Space", ' '},
	{"Backspace", KEYMAP_FN | KEY_BACKSPACE}, {"Del", KEYMAP_FN | KEY_DC},
	{"Up", KEYMAP_FN | KEY_UP}, {"Down", KEYMAP_FN | KEY_DOWN},
	{"Left", KEYMAP_FN | KEY_LEFT}, {"Right", KEYMAP_FN | KEY_RIGHT},
	{"S-Left", KEYMAP_FN | KEY_SLEFT}, {"S-Right", KEYMAP_FN | KEY_SRIGHT},
	{"S-Up", KEYMAP_FN | KEY_SR}, {"S-Down", KEYMAP_FN | KEY_SF},
	{"PgUp", KEYMAP_FN | KEY_PPAGE}, {"PgDn", KEYMAP_FN | KEY_NPAGE},
	{"Home", KEYMAP_FN | KEY_HOME}, {"End", KEYMAP_FN | KEY_END},
	{"S-Tab", KEYMAP_FN | KEY_BTAB}, {"Ins", KEYMAP_FN | KEY_IC},
};

int
keymap_parse(const char *s)
{
	size_t i;
	int fn;

	for (i = 0; i < AX_ARRAY_LEN(named); i++)
		if (strcasecmp(s, named[i].name) == 0)
			return named[i].key;
	if ((s[0] == 'C' || s[0] == 'c') && s[1] == '-' && s[2] != '\0' &&
	    s[3] == '\0') {
		int c = s[2];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c >= 'a' && c <= 'z')
			return c - 'a' + 1;
		return -1;
	}
	if ((s[0] == 'F' || s[0] == 'f') && s[1] >= '1' && s[1] <= '9' &&
	    (fn = atoi(s + 1)) >= 1 && fn <= 12)
		return KEYMAP_FN | KEY_F(fn);
	/* one character, UTF-8 */
	{
		wchar_t wc;
		int n = mbtowc(&wc, s, strlen(s));

		if (n > 0 && s[n] == '\0' && wc > ' ')
			return (int)wc;
	}
	return -1;
}

void
keymap_name(int key, char *out, size_t cap)
{
	size_t i;

	for (i = 0; i < AX_ARRAY_LEN(named); i++)
		if (named[i].key == key) {
			snprintf(out, cap, "%s", named[i].name);
			return;
		}
	if (key & KEYMAP_FN) {
		int k = key & ~KEYMAP_FN;

		if (k >= KEY_F(1) && k <= KEY_F(12))
			snprintf(out, cap, "F%d", k - KEY_F0);
		else
			snprintf(out, cap, "key%d", k);
		return;
	}
	if (key >= 1 && key <= 26) {
		snprintf(out, cap, "C-%c", 'a' + key - 1);
		return;
	}
	{
		char mb[MB_LEN_MAX + 1];
		int n = wctomb(mb, (wchar_t)key);

		if (n <= 0)
			n = snprintf(mb, sizeof mb, "?");
		mb[n] = '\0';
		snprintf(out, cap, "%s", mb);
	}
}

static int
parse_list(const char *keys, int out[KEYMAP_MAXKEYS], const char **err)
{
	char *copy = xstrdup(keys), *save = NULL, *w;
	int n = 0;

	for (w = strtok_r(copy, " \t", &save); w != NULL;
	    w = strtok_r(NULL, " \t", &save)) {
		int k = keymap_parse(w);

		if (k < 0) {
			free(copy);
			if (err)
				*err = _("unknown key name");
			return -1;
		}
		if (n < KEYMAP_MAXKEYS - 1)
			out[n++] = k;
	}
	out[n] = 0;
	free(copy);
	return 0;
}

struct keymap *
keymap_new(const struct keymap_action *actions)
{
	struct keymap *k = xcalloc(1, sizeof *k);
	size_t i;

	k->actions = actions;
	while (actions[k->nactions].name != NULL)
		k->nactions++;
	k->keys = xcalloc(k->nactions ? k->nactions : 1, sizeof *k->keys);
	for (i = 0; i < k->nactions; i++)
		if (parse_list(actions[i].keys, k->keys[i], NULL) != 0)
			fatal("bad default key in action %s", actions[i].name);
	return k;
}

const struct keymap_action *
keymap_actions(const struct keymap *k)
{
	return k->actions;
}

void
keymap_free(struct keymap *k)
{
	if (k == NULL)
		return;
	free(k->keys);
	free(k);
}

const struct keymap_action *
keymap_lookup(const struct keymap *k, int scope, int key)
{
	size_t i;
	int j, pass;

	for (pass = 0; pass < 2; pass++) {
		int want = pass == 0 ? scope : 0;

		if (pass == 1 && scope == 0)
			break;
		for (i = 0; i < k->nactions; i++) {
			if (k->actions[i].scope != want)
				continue;
			for (j = 0; k->keys[i][j] != 0; j++)
				if (k->keys[i][j] == key)
					return &k->actions[i];
		}
	}
	return NULL;
}

int
keymap_bind(struct keymap *k, const char *name, const char *keys,
    const char **err)
{
	size_t i;
	bool any = false;

	for (i = 0; i < k->nactions; i++) {
		if (strcmp(k->actions[i].name, name) != 0)
			continue;
		if (parse_list(keys, k->keys[i], err) != 0)
			return -1;
		any = true;
	}
	if (!any) {
		if (err)
			*err = _("unknown action");
		return -1;
	}
	return 0;
}

void
keymap_keys_text(const struct keymap *k, size_t i, char *out, size_t cap)
{
	size_t len = 0;
	int j;

	out[0] = '\0';
	for (j = 0; k->keys[i][j] != 0 && len + 1 < cap; j++) {
		char nm[32];

		keymap_name(k->keys[i][j], nm, sizeof nm);
		len += (size_t)snprintf(out + len, cap - len, "%s%s",
		    j ? " " : "", nm);
		if (len >= cap)
			len = cap - 1;
	}
}
