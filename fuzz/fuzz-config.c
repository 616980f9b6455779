/*
 * fuzz-config.c: the key bindings of the user's config file
 * ($XDG_CONFIG_HOME/axial/config, "bind ACTION KEY..." lines) applied to
 * the workbench's key table.
 *
 * The input becomes the config file in a private directory; the harness
 * loads it over a fresh key table. Checks: a refused line is reported with
 * its file and line; afterwards every action's keys still print, and every
 * key name the config could mention still looks up to an action of its
 * scope or to nothing.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tui/keymap.h"
#include "base/util.h"
#include "fuzz.h"
#include "tui/ui-int.h"

static char *dir, *cfg;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char templ[] = "/dev/shm/axial-fuzz-config.XXXXXX";
	char *sub;

	(void)argc;
	(void)argv;
	if (mkdtemp(templ) == NULL)
		fatal("mkdtemp");
	dir = xstrdup(templ);
	sub = xasprintf("%s/axial", dir);
	mkdir(sub, 0700);
	cfg = xasprintf("%s/config", sub);
	free(sub);
	setenv("XDG_CONFIG_HOME", dir, 1);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct keymap *k = keymap_new(ui_actions);
	FILE *f = fopen(cfg, "wb"), *err;
	char *report = NULL, keys[256];
	size_t n = 0, i;
	int key;

	FZ_CHECK(f != NULL);
	fwrite(data, 1, size, f);
	fclose(f);
	err = open_memstream(&report, &n);
	ui_load_bindings(k, err);
	fclose(err);
	/* every complaint names the file and a line: "axial: PATH:N: ..." */
	if (n > 0) {
		char *line, *save = NULL;

		for (line = strtok_r(report, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save))
			FZ_CHECKF(strncmp(line, "axial: ", 7) == 0 &&
			    strstr(line, "/config:") != NULL, "report '%s'", line);
	}
	free(report);
	for (i = 0; ui_actions[i].name != NULL; i++) {
		keymap_keys_text(k, i, keys, sizeof keys);
		FZ_CHECK(memchr(keys, '\0', sizeof keys) != NULL);
	}
	for (key = 0; key < 512; key++) {
		int scope;

		for (scope = SCOPE_GLOBAL; scope <= SCOPE_LIST; scope++) {
			const struct keymap_action *a = keymap_lookup(k, scope, key);

			FZ_CHECK(a == NULL || a->name != NULL);
		}
	}
	keymap_free(k);
	return 0;
}
