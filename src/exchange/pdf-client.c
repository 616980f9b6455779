/*
 * pdf-client.c: a PDF's text from axial-pdf, the helper program that
 * links poppler (import-pdf.c, src/cli/pdf-main.c), run as a process of
 * its own for each file. So the parser of an untrusted file shares no
 * memory with the project, a crash in it is a refusal rather than the end
 * of axial, and the workbench does not map poppler and the libraries it
 * pulls in (cairo, glib, NSS, X11: 6 MB of resident memory each session).
 *
 * The helper reads the PDF on its standard input (an unlinked temporary
 * file holding the bytes) and answers on its standard output with one
 * header line and the bytes it announces:
 *   "T TEXTLEN NOTICELEN\n" TEXT NOTICE   the text, and a notice (may be 0)
 *   "E MSGLEN\n" MSG                      refused, with pdf_extract's message
 * Anything else, a signal or a nonzero exit is a refusal that says so.
 * The helper is $AXIAL_PDF_HELPER, else axial-pdf beside the running
 * program (the build directory) or in its ../libexec/axial (installed),
 * else in the compiled-in AXIAL_LIBEXECDIR.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "exchange/exchange.h"
#include "base/i18n.h"
#include "base/util.h"

#ifndef AXIAL_LIBEXECDIR
#define AXIAL_LIBEXECDIR "/usr/local/libexec/axial"
#endif

extern char **environ;

/* The helper's path (malloc'd): as i18n.c finds the catalogues, so a
 * `make install` with another PREFIX (or a DESTDIR) needs no rebuild. */
static char *
helper_path(void)
{
	const char *env = getenv("AXIAL_PDF_HELPER");
	char *dir, *cand[2], *p = NULL;
	size_t i;

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if ((dir = exe_dir()) == NULL)
		return xstrdup(AXIAL_LIBEXECDIR "/axial-pdf");
	cand[0] = xasprintf("%s/axial-pdf", dir);
	cand[1] = xasprintf("%s/../libexec/axial/axial-pdf", dir);
	for (i = 0; i < 2; i++)
		if (p == NULL && access(cand[i], X_OK) == 0)
			p = cand[i];
		else
			free(cand[i]);
	free(dir);
	return p != NULL ? p : xstrdup(AXIAL_LIBEXECDIR "/axial-pdf");
}

/* data[0..len) into an unlinked temporary file, at its start; -1 on error. */
static int
input_file(const char *data, size_t len)
{
	FILE *f = tmpfile();
	int fd;

	if (f == NULL)
		return -1;
	if ((len > 0 && fwrite(data, 1, len, f) != len) || fflush(f) != 0 ||
	    (fd = fcntl(fileno(f), F_DUPFD_CLOEXEC, 0)) < 0) {
		fclose(f);
		return -1;
	}
	fclose(f);
	if (lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Parses the helper's answer out[0..n); false when it is not one. */
static bool
answer(struct buf *out, size_t *outlen, char **text, char **notice,
    char **err)
{
	char kind = 0, *nl = memchr(out->s, '\n', out->len);
	unsigned long long a = 0, b = 0;
	size_t head;
	int used = 0;

	if (out->len == 0 || nl == NULL)
		return false;
	*nl = '\0';
	head = (size_t)(nl - out->s) + 1;
	if (sscanf(out->s, "%c %llu %llu%n", &kind, &a, &b, &used) == 3 &&
	    kind == 'T' && out->s[used] == '\0' && a <= out->len - head &&
	    b == out->len - head - a) {
		*text = xmalloc(a + 1);
		memcpy(*text, out->s + head, a);
		(*text)[a] = '\0';
		*outlen = a;
		if (b > 0) {
			*notice = xmalloc(b + 1);
			memcpy(*notice, out->s + head + a, b);
			(*notice)[b] = '\0';
		}
		return true;
	}
	if (sscanf(out->s, "%c %llu%n", &kind, &a, &used) == 2 && kind == 'E' &&
	    out->s[used] == '\0' && a > 0 && a == out->len - head) {
		*err = xmalloc(a + 1);
		memcpy(*err, out->s + head, a);
		(*err)[a] = '\0';
		return true;
	}
	return false;
}

char *
pdf_extract_apart(const char *data, size_t len, size_t *outlen,
    char **notice, char **err)
{
	char *path = helper_path(), *argv[2], *text = NULL, chunk[65536];
	posix_spawn_file_actions_t fa;
	struct buf out = {0};
	int in = -1, pipefd[2] = {-1, -1}, status = 0, rc;
	pid_t pid = -1;
	ssize_t n;

	*notice = NULL;
	*err = NULL;
	*outlen = 0;
	argv[0] = path;
	argv[1] = NULL;
	/* close-on-exec: the helper gets them as its 0 and 1 alone */
	if ((in = input_file(data, len)) < 0 || pipe(pipefd) != 0 ||
	    fcntl(pipefd[0], F_SETFD, FD_CLOEXEC) != 0 ||
	    fcntl(pipefd[1], F_SETFD, FD_CLOEXEC) != 0) {
		*err = xasprintf(_("the PDF could not be handed to its reader: %s"),
		    strerror(errno));
		goto out;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in, 0);
	posix_spawn_file_actions_adddup2(&fa, pipefd[1], 1);
	/* poppler's warnings about the file are not axial's to print */
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	rc = posix_spawn(&pid, path, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(pipefd[1]);
	pipefd[1] = -1;
	if (rc != 0) {
		pid = -1;
		*err = xasprintf(_("the PDF reader %s cannot be run (%s): "
		    "reinstall axial, or set AXIAL_PDF_HELPER to it"), path,
		    strerror(rc));
		goto out;
	}
	while ((n = read(pipefd[0], chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		buf_add(&out, chunk, (size_t)n);
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	pid = -1;
	if (WIFSIGNALED(status))
		*err = xasprintf(_("the PDF reader stopped on signal %d (%s) "
		    "reading this file: it is damaged or made to break readers"),
		    WTERMSIG(status), strsignal(WTERMSIG(status)));
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
	    !answer(&out, outlen, &text, notice, err))
		*err = xasprintf(_("the PDF reader %s gave no answer axial reads "
		    "(exit status %d): reinstall axial"), path,
		    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
out:
	if (*err != NULL) {
		free(text);
		free(*notice);
		text = *notice = NULL;
	}
	if (in >= 0)
		close(in);
	if (pipefd[0] >= 0)
		close(pipefd[0]);
	buf_done(&out);
	free(path);
	return text;
}
