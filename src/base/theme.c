/*
 * theme.c: semantic elements -> colours, parsed from themes/NAME.theme. The
 * built-in default is the same as themes/default.theme, so the UI works
 * with no theme files installed.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/theme.h"
#include "base/util.h"

static const char *const elem_names[TH_COUNT_ELEMS] = {
	"normal", "title", "title-focus", "border", "status", "status-error",
	"hint", "selection", "placeholder", "memo-mark", "search-hit",
	"coded-a", "coded-b", "coded-both", "overlap", "cursor-row",
	"category", "code", "marked", "count", "dim",
	"role-central", "role-causal", "role-contextual", "role-intervening",
	"role-strategies", "role-consequences",
	"finder", "finder-selected", "help", "help-key", "warning",
	"matrix-1", "matrix-2", "matrix-3", "matrix-4",
};

static const char builtin[] =
    "normal = default default\n"
    "title = white blue\n"
    "title-focus = black cyan bold\n"
    "border = blue default\n"
    "status = black white\n"
    "status-error = white red bold\n"
    "hint = black white dim\n"
    "selection = default default reverse\n"
    "placeholder = yellow default bold\n"
    "memo-mark = magenta default bold\n"
    "search-hit = black yellow\n"
    "coded-a = default 24\n"
    "coded-b = default 94\n"
    "coded-both = default 30\n"
    "overlap = default default underline bold\n"
    "cursor-row = default default reverse\n"
    "category = cyan default bold\n"
    "code = default default\n"
    "marked = yellow default bold\n"
    "count = bright-black default\n"
    "dim = bright-black default\n"
    "role-central = bright-red default bold\n"
    "role-causal = bright-yellow default bold\n"
    "role-contextual = bright-green default bold\n"
    "role-intervening = bright-cyan default bold\n"
    "role-strategies = bright-blue default bold\n"
    "role-consequences = bright-magenta default bold\n"
    "finder = default default\n"
    "finder-selected = black cyan\n"
    "help = default default\n"
    "help-key = yellow default bold\n"
    "warning = black yellow\n"
    "matrix-1 = default 236\n"
    "matrix-2 = default 24\n"
    "matrix-3 = white 31\n"
    "matrix-4 = black 117 bold\n";

int
theme_elem_parse(const char *name)
{
	return str_index(elem_names, TH_COUNT_ELEMS, name);
}

const char *
theme_elem_name(enum theme_elem e)
{
	return elem_names[e];
}

int
theme_hex(const char *s)
{
	int v = 0, i;

	if (s == NULL || s[0] != '#' || strlen(s) != 7)
		return -1;
	for (i = 1; i < 7; i++) {
		if (!isxdigit((unsigned char)s[i]))
			return -1;
		v = v * 16 + (isdigit((unsigned char)s[i]) ? s[i] - '0' :
		    tolower((unsigned char)s[i]) - 'a' + 10);
	}
	return v;
}

bool
theme_color_parse(const char *w, int *out)
{
	static const char *const base[] = {"black", "red", "green", "yellow",
	    "blue", "magenta", "cyan", "white"};
	int i, h;

	if (strcmp(w, "default") == 0) {
		*out = THEME_DEFAULT;
		return true;
	}
	for (i = 0; i < 8; i++) {
		if (strcmp(w, base[i]) == 0) {
			*out = i;
			return true;
		}
		if (strncmp(w, "bright-", 7) == 0 && strcmp(w + 7, base[i]) == 0) {
			*out = i + 8;
			return true;
		}
	}
	if ((h = theme_hex(w)) >= 0) {
		*out = THEME_RGB | h;
		return true;
	}
	if (isdigit((unsigned char)w[0])) {
		char *end;
		long n = strtol(w, &end, 10);

		if (*end == '\0' && n >= 0 && n <= 255) {
			*out = (int)n;
			return true;
		}
	}
	return false;
}

static bool
attr_parse(const char *w, unsigned *a)
{
	static const struct { const char *n; unsigned v; } t[] = {
		{"bold", THEME_BOLD}, {"underline", THEME_UNDERLINE},
		{"reverse", THEME_REVERSE}, {"dim", THEME_DIM},
		{"italic", THEME_ITALIC}, {"standout", THEME_STANDOUT},
		{"none", 0},
	};
	size_t i;

	for (i = 0; i < AX_ARRAY_LEN(t); i++)
		if (strcmp(w, t[i].n) == 0) {
			*a |= t[i].v;
			return true;
		}
	return false;
}

void
theme_parse(struct theme *t, const char *text, int *bad)
{
	char *copy = xstrdup(text), *line, *save = NULL;
	int lineno = 0;

	if (bad)
		*bad = 0;
	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		char *eq, *w, *s2 = NULL, *hash, name[64];
		struct theme_style st = {THEME_DEFAULT, THEME_DEFAULT, 0};
		int e, ncol = 0, lineok = 1;
		size_t n;

		lineno++;
		/* '#' starts a comment unless it begins a #rrggbb colour */
		for (hash = line; (hash = strchr(hash, '#')) != NULL; hash++) {
			char tmp[8];

			snprintf(tmp, sizeof tmp, "%.7s", hash);
			if (theme_hex(tmp) < 0 || isxdigit((unsigned char)hash[7])) {
				*hash = '\0';
				break;
			}
		}
		if ((eq = strchr(line, '=')) == NULL) {
			for (w = line; isspace((unsigned char)*w); w++)
				;
			if (*w != '\0' && bad && !*bad)
				*bad = lineno;
			continue;
		}
		*eq = '\0';
		for (w = line; isspace((unsigned char)*w); w++)
			;
		n = strlen(w);
		while (n > 0 && isspace((unsigned char)w[n - 1]))
			n--;
		snprintf(name, sizeof name, "%.*s", (int)n, w);
		if ((e = theme_elem_parse(name)) < 0) {
			if (bad && !*bad)
				*bad = lineno;
			continue;
		}
		for (w = strtok_r(eq + 1, " \t", &s2); w != NULL;
		    w = strtok_r(NULL, " \t", &s2)) {
			int c;

			if (ncol < 2 && theme_color_parse(w, &c)) {
				if (ncol++ == 0)
					st.fg = c;
				else
					st.bg = c;
			} else if (!attr_parse(w, &st.attrs))
				lineok = 0;
		}
		if (!lineok && bad && !*bad)
			*bad = lineno;
		t->s[e] = st;
	}
	free(copy);
}

void
theme_default(struct theme *t)
{
	memset(t, 0, sizeof *t);
	snprintf(t->name, sizeof t->name, "default");
	theme_parse(t, builtin, NULL);
}

bool
theme_load(struct theme *t, const char *name)
{
	char *dirs[5] = {0}, *text = NULL;
	const char *e;
	size_t len, i, nd = 0;
	bool ok = false;

	theme_default(t);
	if (name == NULL || *name == '\0' || strchr(name, '/') != NULL ||
	    name[0] == '.')
		return strcmp(name ? name : "", "default") == 0;
	if ((e = getenv("AXIAL_THEMES")) != NULL && *e)
		dirs[nd++] = xstrdup(e);
	if ((e = getenv("XDG_CONFIG_HOME")) != NULL && *e == '/')
		dirs[nd++] = xasprintf("%s/axial/themes", e);
	else if ((e = getenv("HOME")) != NULL && *e)
		dirs[nd++] = xasprintf("%s/.config/axial/themes", e);
	{
		char *x = exe_dir();

		if (x != NULL) {
			dirs[nd++] = xasprintf("%s/../themes", x);
			free(x);
		}
	}
	dirs[nd++] = xstrdup(AXIAL_DATADIR "/themes");
	for (i = 0; i < nd && !ok; i++) {
		char *path = xasprintf("%s/%s.theme", dirs[i], name);

		if ((text = file_read_all(path, &len)) != NULL) {
			theme_parse(t, text, NULL);
			snprintf(t->name, sizeof t->name, "%s", name);
			free(text);
			ok = true;
		}
		free(path);
	}
	for (i = 0; i < nd; i++)
		free(dirs[i]);
	return ok || strcmp(name, "default") == 0;
}

static const int ansi_rgb[8] = {
	0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd,
	0xe5e5e5,
};

static int
dist(int a, int b)
{
	int dr = ((a >> 16) & 255) - ((b >> 16) & 255);
	int dg = ((a >> 8) & 255) - ((b >> 8) & 255);
	int db = (a & 255) - (b & 255);

	return dr * dr * 3 + dg * dg * 4 + db * db * 2;
}

int
theme_rgb_to_8(int rgb)
{
	int i, best = 0;

	for (i = 1; i < 8; i++)
		if (dist(rgb, ansi_rgb[i]) < dist(rgb, ansi_rgb[best]))
			best = i;
	return best;
}

int
theme_rgb_to_256(int rgb)
{
	static const int lv[6] = {0, 95, 135, 175, 215, 255};
	int r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
	int ri = 0, gi = 0, bi = 0, i, cube, gray, gl;

	for (i = 0; i < 6; i++) {
		if (abs(lv[i] - r) < abs(lv[ri] - r)) ri = i;
		if (abs(lv[i] - g) < abs(lv[gi] - g)) gi = i;
		if (abs(lv[i] - b) < abs(lv[bi] - b)) bi = i;
	}
	cube = 16 + 36 * ri + 6 * gi + bi;
	gl = (r + g + b) / 3;
	gray = gl < 8 ? 0 : gl > 238 ? 23 : (gl - 8) / 10;
	if (dist(rgb, (lv[ri] << 16) | (lv[gi] << 8) | lv[bi]) <=
	    dist(rgb, ((8 + gray * 10) * 0x010101)))
		return cube;
	return 232 + gray;
}
