/*
 * pdf-main.c: axial-pdf, the helper that reads one PDF for axial import
 * (pdf_extract, import-pdf.c) in a process of its own; the protocol is
 * pdf-client.c's. It is the one program that links poppler.
 *
 *   axial-pdf < FILE.pdf
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exchange/exchange.h"
#include "base/i18n.h"
#include "base/util.h"

/* Writes b[0..n) whole; false on an error. */
static bool
put(const char *b, size_t n)
{
	while (n > 0) {
		ssize_t w = write(1, b, n);

		if (w <= 0)
			return false;
		b += w;
		n -= (size_t)w;
	}
	return true;
}

int
main(int argc, char **argv)
{
	struct buf in = {0};
	char chunk[65536], *text, *notice = NULL, *err = NULL, *head;
	size_t tl = 0;
	ssize_t n;
	bool ok;

	(void)argv;
	if (argc != 1 || isatty(0)) {
		fprintf(stderr, "usage: axial-pdf < FILE.pdf (run by axial import)\n");
		return 2;
	}
	i18n_init();
	while ((n = read(0, chunk, sizeof chunk)) > 0)
		buf_add(&in, chunk, (size_t)n);
	if (n < 0)
		return 1;
	text = pdf_extract(in.s != NULL ? in.s : "", in.len, &tl, &notice, &err);
	if (text == NULL) {
		head = xasprintf("E %zu\n", strlen(err));
		ok = put(head, strlen(head)) && put(err, strlen(err));
	} else {
		size_t nl = notice != NULL ? strlen(notice) : 0;

		head = xasprintf("T %zu %zu\n", tl, nl);
		ok = put(head, strlen(head)) && put(text, tl) &&
		    put(notice != NULL ? notice : "", nl);
	}
	free(head);
	free(text);
	free(notice);
	free(err);
	buf_done(&in);
	return ok ? 0 : 1;
}
