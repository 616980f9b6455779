/*
 * i18n.c: the locale and the message catalogue, set up once at start.
 *
 * The catalogue is looked up beside the binary first: build/axial finds
 * build/locale/ (make builds the .mo files there), an installed
 * PREFIX/bin/axial finds PREFIX/share/locale/ (also under a DESTDIR), and
 * only then the compiled-in AXIAL_LOCALEDIR. So an uninstalled build is
 * translated, and a `make install` with another PREFIX needs no rebuild.
 *
 * A locale the system lacks: setlocale(LC_ALL, "") fails for
 * LANG=fa_IR.UTF-8 where only C.UTF-8 is compiled (Debian's default). Then
 * characters are handled as C.UTF-8 (all axial needs of LC_CTYPE) and the
 * language goes to LANGUAGE, which gettext honours whenever the messages
 * locale is not plain "C", so the interface is still Persian.
 */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "base/util.h"

#ifndef AXIAL_LOCALEDIR
#define AXIAL_LOCALEDIR "/usr/local/share/locale"
#endif

static bool
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Where the catalogues are looked up (the build tree's when uninstalled);
 * the caller frees it. */
static char *
localedir_find(void)
{
	char *x, *cand[2], *dir = NULL;
	size_t i;

	if ((x = exe_dir()) == NULL)
		return xstrdup(AXIAL_LOCALEDIR);
	cand[0] = xasprintf("%s/locale", x);
	cand[1] = xasprintf("%s/../share/locale", x);
	for (i = 0; i < 2 && dir == NULL; i++)
		if (is_dir(cand[i]))
			dir = xstrdup(cand[i]);
	free(cand[0]);
	free(cand[1]);
	free(x);
	return dir != NULL ? dir : xstrdup(AXIAL_LOCALEDIR);
}

/* The first set, non-empty variable of LC_ALL, LC_MESSAGES, LANG. */
static const char *
env_locale(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	const char *v;
	size_t i;

	for (i = 0; i < AX_ARRAY_LEN(vars); i++)
		if ((v = getenv(vars[i])) != NULL && *v != '\0')
			return v;
	return NULL;
}

void
i18n_init(void)
{
	char *dir;

	if (setlocale(LC_ALL, "") == NULL) {
		const char *name = env_locale(), *lang = getenv("LANGUAGE");

		if (setlocale(LC_ALL, "C.UTF-8") == NULL)
			setlocale(LC_ALL, "");	/* each category that exists */
		if (name != NULL && (lang == NULL || *lang == '\0') &&
		    strcmp(name, "C") != 0 && strcmp(name, "POSIX") != 0) {
			char *l = xstrdup(name);

			l[strcspn(l, ".@")] = '\0';	/* "fa_IR.UTF-8" -> "fa_IR" */
			if (*l != '\0')
				setenv("LANGUAGE", l, 1);
			free(l);
		}
	}
	dir = localedir_find();
	bindtextdomain("axial", dir);	/* copies it */
	free(dir);
	bind_textdomain_codeset("axial", "UTF-8");
	textdomain("axial");
}

/* The language of the messages ("fa_IR", "en"...); "C" when none. */
static const char *
language(void)
{
	const char *m = setlocale(LC_MESSAGES, NULL), *lang, *env;

	/* gettext's order: LANGUAGE unless the locale is "C", then the
	 * environment that setlocale read */
	if (m != NULL && strcmp(m, "C") != 0 && strcmp(m, "POSIX") != 0 &&
	    (lang = getenv("LANGUAGE")) != NULL && *lang != '\0')
		return lang;
	env = env_locale();
	return env != NULL ? env : "C";
}

bool
i18n_rtl(void)
{
	static const char *const rtl[] = {"fa", "ar", "he", "ur"};
	const char *l = language();
	size_t i;

	for (i = 0; i < AX_ARRAY_LEN(rtl); i++)
		if (strncmp(l, rtl[i], 2) == 0 && (l[2] == '\0' ||
		    strchr("_.@:", l[2]) != NULL))
			return true;
	return false;
}

int
i18n_set_language(const char *lang)
{
	const char *m;

	if (strcmp(lang, "fa") != 0 && strcmp(lang, "en") != 0)
		return -1;
	/* gettext ignores LANGUAGE under the "C" locale; C.UTF-8 is not "C" */
	m = setlocale(LC_MESSAGES, NULL);
	if (m == NULL || strcmp(m, "C") == 0 || strcmp(m, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	setenv("LANGUAGE", lang, 1);
	textdomain("axial");	/* forgets the translations looked up so far */
	return 0;
}

const char *
i18n_lang_code(void)
{
	const char *l = language();

	/* Persian is the one catalogue; other languages read English */
	return strncmp(l, "fa", 2) == 0 && (l[2] == '\0' ||
	    strchr("_.@:", l[2]) != NULL) ? "fa" : "en";
}

const char *
i18n_locale_warning(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
	static char msg[256];
	const char *cs = nl_langinfo(CODESET), *v = NULL;
	char val[41];
	size_t i, k;

	if (cs != NULL && strcmp(cs, "UTF-8") == 0)
		return NULL;
	for (i = 0; i < AX_ARRAY_LEN(vars) && v == NULL; i++)
		if ((v = getenv(vars[i])) != NULL && *v == '\0')
			v = NULL;
	if (v == NULL)
		snprintf(msg, sizeof msg, "%s", _("no UTF-8 locale is set, so "
		    "Persian shows as blank cells: start axial with "
		    "LANG=C.UTF-8 (or fa_IR.UTF-8)"));
	else {
		/* the value as printable ASCII: it is shown on the terminal */
		for (k = 0; v[k] != '\0' && k + 1 < sizeof val; k++)
			val[k] = v[k] > ' ' && v[k] < 0x7f ? v[k] : '?';
		val[k] = '\0';
		/* TRANSLATORS: a variable and its value, "LC_ALL=C" */
		snprintf(msg, sizeof msg, _("the locale %s=%s is not UTF-8, so "
		    "Persian shows as blank cells: start axial with %s=C.UTF-8 "
		    "(or fa_IR.UTF-8)"), vars[i - 1], val, vars[i - 1]);
	}
	return msg;
}
