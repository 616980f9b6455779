/*
 * pane-status.c: two lines at the bottom. The first names the codes of the
 * segment under the caret (with their coders) or shows the latest message,
 * and at the right which test-retest pass is active and the caret's
 * position; the second lists key hints, generated from the key table for
 * the pane that has the keyboard.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"
#include "tui/ui-int.h"
#include "vm/vm-views.h"

/* Action names, shown translated (N_: the names stay the key table's). */
static const char *const hints_transcript[] = {
	N_("help"), N_("select"), N_("code-apply"), N_("code-new"),
	N_("code-invivo"), N_("code-again"), N_("coding-remove"), N_("search"),
	N_("undo"), N_("focus-next"), N_("quit"), NULL,
};
static const char *const hints_tree[] = {
	N_("help"), N_("tree-mark"), N_("tree-cut"), N_("tree-paste"),
	N_("tree-move-to"), N_("tree-new-code"), N_("tree-rename"),
	N_("tree-segments"), N_("tree-link"), N_("undo"), N_("quit"), NULL,
};
static const char *const hints_list[] = {
	N_("help"), N_("list-open"), N_("review"), N_("focus-next"),
	N_("quit"), NULL,
};
static const char *const hints_agree[] = {
	N_("help"), N_("view-close"), N_("view-open"), N_("view-coders"),
	N_("set-add"), N_("view-down"), N_("quit"), NULL,
};
static const char *const hints_compare[] = {
	N_("help"), N_("view-close"), N_("disagreement-next"),
	N_("disagreement-prev"), N_("take-a"), N_("take-b"), N_("take-both"),
	N_("take-neither"), N_("view-coders"), N_("quit"), NULL,
};
static const char *const hints_paradigm[] = {
	N_("help"), N_("view-close"), N_("view-codes"), N_("view-saturation"),
	N_("quit"), NULL,
};
static const char *const hints_network[] = {
	N_("help"), N_("view-close"), N_("network-follow"), N_("network-back"),
	N_("view-open"), N_("network-link"), N_("undo"), N_("quit"), NULL,
};
static const char *const hints_matrix[] = {
	N_("help"), N_("view-close"), N_("matrix-rows"), N_("matrix-cols"),
	N_("matrix-measure"), N_("view-open"), N_("view-coders"), N_("quit"),
	NULL,
};
static const char *const hints_retest[] = {
	N_("help"), N_("view-close"), N_("second-pass"), N_("view-coders"),
	N_("view-down"), N_("quit"), NULL,
};
static const char *const hints_search[] = {
	N_("help"), N_("view-close"), N_("view-open"), N_("search-code"),
	N_("search-scope"), N_("search-word"), N_("search-speaker"),
	N_("search-docs"), N_("search-memos"), N_("search-view"), N_("undo"),
	N_("quit"), NULL,
};

static void
hints(struct ui *ui, int y, int w)
{
	const char *const *h = ui->view == VIEW_AGREE ? hints_agree :
	    ui->view == VIEW_COMPARE ? hints_compare :
	    ui->view == VIEW_PARADIGM ? hints_paradigm :
	    ui->view == VIEW_RETEST ? hints_retest :
	    ui->view == VIEW_NETWORK ? hints_network :
	    ui->view == VIEW_MATRIX ? hints_matrix :
	    ui->view == VIEW_SEARCH ? hints_search :
	    ui->focus == PANE_TREE ? hints_tree :
	    ui->focus == PANE_TRANSCRIPT ? hints_transcript : hints_list;
	struct buf b = {0};
	size_t i, j;

	/* the file went: the way out comes first */
	if (project_moved(ui->p)) {
		char key[64];

		ui_action_key(ui, "save-as", key, sizeof key);
		buf_printf(&b, " %s %s", key, _("save-as"));
	}
	for (i = 0; h[i] != NULL; i++)
		for (j = 0; keymap_actions(ui->keys)[j].name != NULL; j++) {
			char keys[64], *sp;

			if (strcmp(keymap_actions(ui->keys)[j].name, h[i]) != 0)
				continue;
			keymap_keys_text(ui->keys, j, keys, sizeof keys);
			if ((sp = strchr(keys, ' ')) != NULL)
				*sp = '\0';
			buf_printf(&b, "%s%s %s", b.len ? "  " : " ", keys, _(h[i]));
			break;
		}
	ui_fill(y, 0, w, ui_attr(ui, TH_HINT));
	if (b.s)
		ui_put_plain(y, 0, w, b.s, ui_attr(ui, TH_HINT));
	buf_done(&b);
}

/* Test-retest: which coding pass the acting coder is in, or "". */
static void
pass_label(struct ui *ui, char *out, size_t cap)
{
	const char **l = xcalloc(ui->ncoders + 1, sizeof *l);
	const char *me = project_coder_login(ui->p);
	size_t i;
	int pass;

	for (i = 0; i < ui->ncoders; i++)
		l[i] = ui->coders[i].login;
	pass = vm_retest_pass(l, ui->ncoders, me);
	free(l);
	if (pass == 0)
		out[0] = '\0';
	else
		snprintf(out, cap, pass == 2 ? _(" second pass: %s ") :
		    _(" first pass: %s "), me);
}

/* The labels at the right of a status line w wide: the coding pass
 * (unless it takes half of w) and the caret's position, each "" when not
 * shown. */
static void
right_labels(struct ui *ui, int w, char *pass, size_t passcap, char *pos,
    size_t poscap)
{
	pass_label(ui, pass, passcap);
	if (ui_text_width(pass) >= w / 2)
		pass[0] = '\0';
	pos[0] = '\0';
	if (ui->tdoc != NULL) {
		size_t s, e;

		if (vmt_selection(&ui->vt, &s, &e))
			snprintf(pos, poscap, _(" sel %zu-%zu "), s, e);
		else
			snprintf(pos, poscap, " @%zu ", ui->vt.cursor);
	}
}

int
pane_status_room(struct ui *ui)
{
	char pos[64], pass[160];

	right_labels(ui, COLS - 2, pass, sizeof pass, pos, sizeof pos);
	return COLS - 2 - ui_text_width(pass) - ui_text_width(pos);
}

static void
status_draw(struct ui *ui, void *data, const struct rect *r, bool focused)
{
	int a = ui_attr(ui, ui->msg_err ? TH_STATUS_ERR : TH_STATUS);
	int x = r->x + 1, w = r->w - 2, right = r->x + r->w, pw;
	size_t i;
	char pos[64], pass[160];

	(void)data;
	(void)focused;
	ui_fill(r->y, r->x, r->w, ui_attr(ui, TH_STATUS));
	/* right: the coding pass, then the position */
	right_labels(ui, w, pass, sizeof pass, pos, sizeof pos);
	if (pass[0] != '\0') {
		pw = ui_text_width(pass);
		right -= pw;
		ui_put_text(ui, r->y, right, pw, pass,
		    ui_attr(ui, TH_STATUS) | A_BOLD);
		w -= pw;
	}
	if (pos[0] != '\0') {
		/* numbers read left to right in any interface language */
		pw = ui_text_width(pos);
		right -= pw;
		ui_put_text(ui, r->y, right, pw, pos, ui_attr(ui, TH_STATUS));
		w -= pw;
	}
	if (ui->msg[0] != '\0') {
		int used = ui_put_plain(r->y, x, w, ui->msg, a);

		x += used + 2;
		w -= used + 2;
	}
	/* in the document list: the document's attributes */
	if (ui->focus == PANE_DOCS && ui->msg[0] == '\0' &&
	    pane_docs_current(ui) < ui->ndocs) {
		struct doc_attr *at;
		size_t n, k;
		struct buf b = {0};

		if (doc_attr_list(ui->p, ui->docs[pane_docs_current(ui)].id, &at, &n) ==
		    AX_OK) {
			for (k = 0; k < n; k++)
				buf_printf(&b, "%s%s=%s", k ? ", " : _("attributes: "),
				    at[k].key, at[k].value);
			doc_attr_list_free(at, n);
		}
		if (b.s != NULL)
			ui_put_text(ui, r->y, x, w, b.s, ui_attr(ui, TH_STATUS));
		buf_done(&b);
		if (r->h > 1)
			hints(ui, r->y + 1, r->w);
		return;
	}
	/* in the tree: the current code's definition */
	if (ui->focus == PANE_TREE && ui->msg[0] == '\0') {
		const struct node *n = vmtree_current(&ui->tree);

		if (n != NULL && n->definition != NULL && n->definition[0]) {
			int used = ui_put_plain(r->y, x, w, _("definition: "),
			    ui_attr(ui, TH_STATUS));

			ui_put_text(ui, r->y, x + used, w - used, n->definition,
			    ui_attr(ui, TH_STATUS));
		}
		if (r->h > 1)
			hints(ui, r->y + 1, r->w);
		return;
	}
	/* codes at the caret */
	for (i = 0; i < ui->ncodings && w > 4; i++) {
		const struct coding *c = &ui->codings[i];
		const struct node *n;
		int used;

		if ((size_t)c->start > ui->vt.cursor)
			break;
		if ((size_t)c->end <= ui->vt.cursor)
			continue;
		if (ui->only_mine && c->coder != ui->me)
			continue;
		n = ui_node(ui, c->node);
		used = ui_put_plain(r->y, x, w, "[", ui_attr(ui, TH_STATUS));
		/* the name in its code's colour, not bold: every attribute
		 * change costs bytes on each cursor move (bench-ui) */
		used += ui_put_text(ui, r->y, x + used, w - used, n ? n->name : "?",
		    n && n->color && n->color[0] ?
		    (int)(ui_fg_attr(ui, n->color) & ~A_BOLD) :
		    ui_attr(ui, TH_STATUS));
		/* the coder, unless it is the one running the UI */
		if (ui->ncoders > 1 && c->coder != ui->me) {
			size_t k;

			for (k = 0; k < ui->ncoders; k++)
				if (ui->coders[k].id == c->coder) {
					used += ui_put_plain(r->y, x + used, w - used, " ",
					    ui_attr(ui, TH_STATUS));
					used += ui_put_text(ui, r->y, x + used, w - used,
					    ui->coders[k].login, ui_attr(ui, TH_STATUS));
				}
		}
		used += ui_put_plain(r->y, x + used, w - used, "] ",
		    ui_attr(ui, TH_STATUS));
		x += used;
		w -= used;
	}
	if (r->h > 1)
		hints(ui, r->y + 1, r->w);
}

const struct screen_ops pane_status_ops = {
	.name = "status",
	.scope = SCOPE_GLOBAL,
	.draw = status_draw,
};
