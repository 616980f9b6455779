/*
 * editor.c: memos and definitions in the user's editor. The text goes to a
 * private temp file; $VISUAL, else $EDITOR, else vi is split on blanks into
 * argv and run with execvp (no shell, so nothing in the variable or the
 * file name is interpreted); the file is read back when the editor exits
 * with status 0. The caller suspends curses around the call.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/util.h"
#include "tui/ui-int.h"

int
editor_edit(const char *text, char **out, char *err, size_t errcap)
{
	const char *ed = getenv("VISUAL");
	const char *tmpdir = getenv("TMPDIR");
	char path[4096], *copy, *argv[34], *save = NULL, *w;
	int fd, argc = 0, status;
	size_t len;
	pid_t pid;

	*out = NULL;
	if (ed == NULL || *ed == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || *ed == '\0')
		ed = "vi";
	snprintf(path, sizeof path, "%s/axial-memo.XXXXXX.md",
	    tmpdir && *tmpdir ? tmpdir : "/tmp");
	if ((fd = mkstemps(path, 3)) < 0) {
		snprintf(err, errcap, _("cannot create a temp file: %s"), strerror(errno));
		return -1;
	}
	len = strlen(text);
	if (write(fd, text, len) != (ssize_t)len) {
		snprintf(err, errcap, _("cannot write %s"), path);
		close(fd);
		unlink(path);
		return -1;
	}
	close(fd);
	copy = xstrdup(ed);
	for (w = strtok_r(copy, " \t", &save); w != NULL && argc < 32;
	    w = strtok_r(NULL, " \t", &save))
		argv[argc++] = w;
	argv[argc++] = path;
	argv[argc] = NULL;
	pid = fork();
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	free(copy);
	if (pid < 0) {
		snprintf(err, errcap, _("cannot start %s"), ed);
		unlink(path);
		return -1;
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		snprintf(err, errcap, _("%s failed (status %d); memo unchanged"), ed,
		    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		unlink(path);
		return -1;
	}
	*out = file_read_all(path, &len);
	unlink(path);
	if (*out == NULL) {
		snprintf(err, errcap, "%s", _("cannot read the edited memo back"));
		return -1;
	}
	return 0;
}
