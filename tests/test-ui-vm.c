/*
 * test-ui-vm.c: the workbench's view-models without a terminal: code-tree
 * rows (collapse, marks, cursor kept across reloads, target category),
 * transcript cursor motion, selection and scrolling over the text engine,
 * the network view's groups, way back and lines, the key table's names,
 * the theme parser and a name cut to fit inside a line.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "tui/keymap.h"
#include "tui/ui-int.h"
#include "text/text.h"
#include "base/theme.h"
#include "base/util.h"
#include "testutil.h"
#include "vm/vm-network.h"
#include "vm/vm-transcript.h"
#include "vm/vm-tree.h"

/* A small tree: cat 1 { code 2, cat 3 { code 4 } }, code 5 at top. */
static struct node tree_nodes[] = {
	{.id = 1, .parent = 0, .kind = NODE_CATEGORY, .depth = 0, .name = (char *)"A"},
	{.id = 2, .parent = 1, .kind = NODE_CODE, .depth = 1, .name = (char *)"a1"},
	{.id = 3, .parent = 1, .kind = NODE_CATEGORY, .depth = 1, .name = (char *)"B"},
	{.id = 4, .parent = 3, .kind = NODE_CODE, .depth = 2, .name = (char *)"b1"},
	{.id = 5, .parent = 0, .kind = NODE_CODE, .depth = 0, .name = (char *)"top"},
};

static void
test_tree_rows(void **state)
{
	struct vm_tree t;

	(void)state;
	vmtree_init(&t);
	vmtree_set_height(&t, 3);
	vmtree_set_nodes(&t, tree_nodes, 5);
	assert_int_equal(t.nrows, 5);
	assert_int_equal(vmtree_current(&t)->id, 1);
	vmtree_move(&t, 3);
	assert_int_equal(vmtree_current(&t)->id, 4);
	assert_int_equal(t.top, 1);	/* scrolled to keep the cursor shown */
	assert_int_equal(vmtree_target_category(&t), 3);
	/* collapsing B hides b1; the cursor stays on a visible row */
	vmtree_set_collapsed(&t, 3, true);
	assert_int_equal(t.nrows, 4);
	assert_int_equal(vmtree_current(&t)->id, 3);
	/* collapsing A hides everything under it */
	vmtree_set_collapsed(&t, 1, true);
	assert_int_equal(t.nrows, 2);
	assert_int_equal(vmtree_current(&t)->id, 1);
	/* goto_id expands the ancestors */
	assert_true(vmtree_goto_id(&t, 4));
	assert_int_equal(vmtree_current(&t)->id, 4);
	assert_false(vmtree_is_collapsed(&t, 1));
	assert_false(vmtree_is_collapsed(&t, 3));
	assert_false(vmtree_goto_id(&t, 99));
	assert_true(vmtree_has_children(&t, 0));
	assert_false(vmtree_has_children(&t, 1));
	vmtree_done(&t);
}

static void
test_tree_marks_reload(void **state)
{
	struct vm_tree t;
	struct node fewer[4];

	(void)state;
	vmtree_init(&t);
	vmtree_set_height(&t, 10);
	vmtree_set_nodes(&t, tree_nodes, 5);
	vmtree_toggle_mark(&t, 2);
	vmtree_toggle_mark(&t, 5);
	vmtree_toggle_mark(&t, 4);
	vmtree_toggle_mark(&t, 4);
	assert_int_equal(t.nmarked, 2);
	assert_true(vmtree_is_marked(&t, 2));
	assert_false(vmtree_is_marked(&t, 4));
	vmtree_goto_id(&t, 5);
	/* a reload without node 2 (deleted elsewhere): its mark goes, the
	 * cursor stays on node 5 */
	fewer[0] = tree_nodes[0];
	fewer[1] = tree_nodes[2];
	fewer[2] = tree_nodes[3];
	fewer[3] = tree_nodes[4];
	vmtree_set_nodes(&t, fewer, 4);
	assert_int_equal(t.nmarked, 1);
	assert_true(vmtree_is_marked(&t, 5));
	assert_int_equal(vmtree_current(&t)->id, 5);
	assert_int_equal(vmtree_target_category(&t), 0);
	vmtree_clear_marks(&t);
	assert_int_equal(t.nmarked, 0);
	/* an empty tree */
	vmtree_set_nodes(&t, NULL, 0);
	assert_null(vmtree_current(&t));
	vmtree_move(&t, 1);
	vmtree_done(&t);
}

/* The nodes cut (x) are kept until pasted (taken) or cleared, and a
 * reload keeps them: the tree is reloaded after every action. */
static void
test_tree_cut(void **state)
{
	struct vm_tree t;
	int64_t *ids = malloc(2 * sizeof *ids), *got;
	size_t n;

	(void)state;
	assert_non_null(ids);
	ids[0] = 5;
	ids[1] = 2;
	vmtree_init(&t);
	vmtree_set_nodes(&t, tree_nodes, 5);
	assert_false(vmtree_is_cut(&t, 5));
	vmtree_set_cut(&t, ids, 2);
	vmtree_set_nodes(&t, tree_nodes, 5);
	assert_true(vmtree_is_cut(&t, 5));
	assert_true(vmtree_is_cut(&t, 2));
	assert_false(vmtree_is_cut(&t, 4));
	got = vmtree_take_cut(&t, &n);
	assert_ptr_equal(got, ids);
	assert_int_equal(n, 2);
	assert_int_equal(got[0], 5);
	assert_false(vmtree_is_cut(&t, 5));
	assert_null(vmtree_take_cut(&t, &n));
	assert_int_equal(n, 0);
	vmtree_set_cut(&t, got, 1);	/* set again, then cleared */
	vmtree_set_cut(&t, NULL, 0);
	assert_false(vmtree_is_cut(&t, 5));
	assert_int_equal(t.ncut, 0);
	vmtree_done(&t);	/* frees what is still cut: none here */
}

struct fixture {
	struct text_doc *d;
	struct text_layout *l;
	struct vm_transcript v;
};

static void
fx_open(struct fixture *f, const char *text, int width, int height)
{
	struct text_opts o;

	text_opts_default(&o);
	f->d = text_doc_new(text, strlen(text));
	f->l = text_layout_new(f->d, &o, width);
	memset(&f->v, 0, sizeof f->v);
	f->v.mark = VMT_NO_MARK;
	vmt_attach(&f->v, f->d, f->l, height);
}

static void
fx_close(struct fixture *f)
{
	text_layout_free(f->l);
	text_doc_free(f->d);
}

static void
test_transcript_motion(void **state)
{
	struct fixture f;
	size_t line;
	int col;

	(void)state;
	fx_open(&f, "one two three\nfour five\nsix\n", 40, 2);
	vmt_right(&f.v);
	assert_int_equal(f.v.cursor, 1);
	vmt_left(&f.v);
	assert_int_equal(f.v.cursor, 0);
	vmt_left(&f.v);			/* clamps at the start */
	assert_int_equal(f.v.cursor, 0);
	vmt_word_next(&f.v);
	assert_int_equal(f.v.cursor, 4);
	vmt_down(&f.v);			/* keeps the column */
	vmt_cursor_pos(&f.v, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 4);
	assert_int_equal(f.v.cursor, 14 + 4);
	vmt_down(&f.v);			/* "six" is shorter: its end */
	assert_int_equal(f.v.cursor, 24 + 3);
	assert_int_equal(f.v.top, 1);	/* scrolled, height 2 */
	vmt_up(&f.v);
	vmt_up(&f.v);
	assert_int_equal(f.v.cursor, 4);	/* the goal column survived */
	assert_int_equal(f.v.top, 0);
	vmt_para_next(&f.v);
	assert_int_equal(f.v.cursor, 14);
	vmt_para_prev(&f.v);
	assert_int_equal(f.v.cursor, 0);
	vmt_line_end(&f.v);
	assert_int_equal(f.v.cursor, 13);
	vmt_line_start(&f.v);
	assert_int_equal(f.v.cursor, 0);
	vmt_doc_end(&f.v);
	assert_int_equal(f.v.cursor, vmt_length(&f.v));
	vmt_doc_start(&f.v);
	/* right across a paragraph end goes to the next paragraph */
	vmt_goto(&f.v, 12);
	vmt_right(&f.v);
	assert_int_equal(f.v.cursor, 13);
	vmt_right(&f.v);
	assert_int_equal(f.v.cursor, 14);
	fx_close(&f);
}

static void
test_transcript_rtl_visual(void **state)
{
	struct fixture f;

	(void)state;
	/* Persian: Left moves forward in logical order */
	fx_open(&f, "سلام دنیا\n", 40, 5);
	vmt_left(&f.v);
	assert_int_equal(f.v.cursor, 1);
	vmt_left(&f.v);
	assert_int_equal(f.v.cursor, 2);
	vmt_right(&f.v);
	assert_int_equal(f.v.cursor, 1);
	fx_close(&f);
}

static void
test_transcript_selection_scroll(void **state)
{
	struct fixture f;
	size_t s, e, i;
	struct buf b = {0};

	(void)state;
	assert_false(vmt_selection(&(struct vm_transcript){.mark = VMT_NO_MARK},
	    &s, &e));
	for (i = 0; i < 100; i++)
		buf_printf(&b, "line %zu of a long transcript\n", i);
	fx_open(&f, b.s, 30, 10);
	vmt_word_next(&f.v);
	vmt_set_mark(&f.v);
	vmt_word_next(&f.v);
	vmt_word_next(&f.v);
	assert_true(vmt_selection(&f.v, &s, &e));
	assert_int_equal(s, 5);
	assert_int_equal(e, 10);
	/* a selection made backwards is the same range */
	f.v.mark = 10;
	f.v.cursor = 5;
	assert_true(vmt_selection(&f.v, &s, &e));
	assert_int_equal(s, 5);
	assert_int_equal(e, 10);
	vmt_clear_mark(&f.v);
	assert_false(vmt_selection(&f.v, &s, &e));
	/* page down moves the view and the caret by a page less one line */
	vmt_page_down(&f.v);
	assert_int_equal(f.v.top, 9);
	{
		size_t line;
		int col;

		vmt_cursor_pos(&f.v, &line, &col);
		assert_true(line >= f.v.top && line < f.v.top + 10);
	}
	vmt_page_up(&f.v);
	assert_int_equal(f.v.top, 0);
	/* scrolling does not move the caret; a resize keeps it */
	vmt_scroll(&f.v, 50);
	assert_int_equal(f.v.top, 50);
	assert_int_equal(f.v.cursor < 40, 1);
	vmt_scroll(&f.v, -1000);
	assert_int_equal(f.v.top, 0);
	vmt_goto(&f.v, 2000);
	text_layout_set_width(f.l, 12);
	vmt_attach(&f.v, f.d, f.l, 5);
	assert_int_equal(f.v.cursor, 2000);
	{
		size_t line;
		int col;

		vmt_cursor_pos(&f.v, &line, &col);
		assert_true(line >= f.v.top && line < f.v.top + 5);
	}
	/* offset_at maps a click back to text */
	assert_int_equal(vmt_offset_at(&f.v, 0, 0) <= 2000, 1);
	buf_done(&b);
	fx_close(&f);
}

static void
test_transcript_jump_scroll(void **state)
{
	struct fixture f;
	struct buf b = {0};
	size_t i;

	(void)state;
	for (i = 0; i < 100; i++)
		buf_printf(&b, "line %zu\n", i);
	fx_open(&f, b.s, 40, 10);
	for (i = 0; i < 9; i++)
		vmt_down(&f.v);
	assert_int_equal(f.v.top, 0);		/* line 9: still in view */
	vmt_down(&f.v);				/* line 10 leaves the view */
	assert_int_equal(f.v.top, 6);		/* half a page at once */
	for (i = 0; i < 4; i++)
		vmt_down(&f.v);
	assert_int_equal(f.v.top, 6);		/* no repaint for 4 more */
	vmt_doc_end(&f.v);			/* a far jump: no overshoot */
	assert_int_equal(f.v.top, 99 - 10 + 1);	/* last line at the bottom */
	vmt_doc_start(&f.v);
	assert_int_equal(f.v.top, 0);
	buf_done(&b);
	fx_close(&f);
}

/* The start of the line the view-model shows at the top. */
static size_t
top_start(struct fixture *f)
{
	struct text_line ln;
	size_t p, k;

	vmt_top_pos(&f->v, &p, &k);
	text_layout_para_line(f->l, p, k, &ln);
	return ln.start;
}

/*
 * A document whose line counts the layout's byte estimates get wrong both
 * ways (long runs of one letter take more lines than their bytes suggest,
 * letters under many combining marks fewer): G and paging land on the
 * same lines as an exactly counted layout's, and the caret stays shown.
 */
static void
test_transcript_estimates(void **state)
{
	struct fixture f;
	struct text_layout *ref;
	struct text_line ln;
	struct text_opts o;
	struct buf b = {0};
	size_t i, k, total, top;
	int row, col;

	(void)state;
	for (i = 0; i < 300; i++) {
		buf_printf(&b, "P%03zu ", i);
		for (k = 0; k < (i % 3 == 0 ? 200u : i % 3 == 1 ? 4u : 0u); k++)
			buf_putc(&b, 'x');
		if (i % 3 == 2)
			for (k = 0; k < 60; k++)
				buf_puts(&b, "a\u0301\u0301");
		buf_putc(&b, '\n');
	}
	fx_open(&f, b.s, 20, 6);
	text_opts_default(&o);
	ref = text_layout_new(f.d, &o, 20);
	total = text_layout_lines(ref);	/* exact */
	vmt_doc_end(&f.v);
	assert_true(vmt_cursor_row(&f.v, &row, &col));
	assert_int_equal(row, 5);	/* the last line at the bottom */
	top = total - 6;
	text_layout_line(ref, top, &ln);
	assert_int_equal(top_start(&f), ln.start);
	for (i = 0; i < 30; i++) {
		vmt_page_up(&f.v);
		top = top > 5 ? top - 5 : 0;
		text_layout_line(ref, top, &ln);
		assert_int_equal(top_start(&f), ln.start);
		assert_true(vmt_cursor_row(&f.v, &row, &col));
	}
	/* a jump into the middle shows the caret, on its text */
	vmt_goto(&f.v, text_doc_length(f.d) / 2);
	assert_true(vmt_cursor_row(&f.v, &row, &col));
	/* once every line is counted, the numbers are the exact ones */
	assert_int_equal(text_layout_lines(f.l), total);
	vmt_scroll(&f.v, 0);
	text_layout_locate(ref, top_start(&f), &top, &col);
	assert_int_equal(f.v.top, top);
	text_layout_free(ref);
	buf_done(&b);
	fx_close(&f);
}

static void
test_empty_document(void **state)
{
	struct fixture f;

	(void)state;
	fx_open(&f, "", 40, 5);
	vmt_down(&f.v);
	vmt_right(&f.v);
	vmt_page_down(&f.v);
	vmt_word_next(&f.v);
	assert_int_equal(f.v.cursor, 0);
	fx_close(&f);
}

static void
test_keymap(void **state)
{
	static const struct keymap_action acts[] = {
		{"quit", "q C-c", 0, "quit", NULL},
		{"down", "j Down", 1, "down", NULL},
		{"tree-down", "j", 2, "down", NULL},
		{"help", "? F1", 0, "help", NULL},
		{NULL, NULL, 0, NULL, NULL},
	};
	struct keymap *k = keymap_new(acts);
	const char *err = NULL;
	char buf[64];

	(void)state;
	assert_int_equal(keymap_parse("C-c"), 3);
	assert_int_equal(keymap_parse("q"), 'q');
	assert_int_equal(keymap_parse("nonsense"), -1);
	keymap_name(keymap_parse("F1"), buf, sizeof buf);
	assert_string_equal(buf, "F1");
	keymap_name(keymap_parse("PgDn"), buf, sizeof buf);
	assert_string_equal(buf, "PgDn");
	assert_string_equal(keymap_lookup(k, 1, 'j')->name, "down");
	assert_string_equal(keymap_lookup(k, 2, 'j')->name, "tree-down");
	/* pane scopes fall back to the global one */
	assert_string_equal(keymap_lookup(k, 2, 'q')->name, "quit");
	assert_null(keymap_lookup(k, 0, 'j'));
	assert_int_equal(keymap_bind(k, "quit", "Q", &err), 0);
	assert_null(keymap_lookup(k, 1, 'q'));
	assert_string_equal(keymap_lookup(k, 1, 'Q')->name, "quit");
	keymap_keys_text(k, 3, buf, sizeof buf);
	assert_string_equal(buf, "? F1");
	assert_int_equal(keymap_bind(k, "nope", "x", &err), -1);
	assert_int_equal(keymap_bind(k, "quit", "C-", &err), -1);
	keymap_free(k);
}

/* "keep «name» here: note?" */
static void
compose_keep(const void *arg, const char *name, char *buf, size_t cap)
{
	(void)arg;
	snprintf(buf, cap, "keep \u00ab%s\u00bb here: note?", name);
}

/* ui_text_fit(s, w) is want. */
static void
fit_is(const char *s, int w, const char *want)
{
	char *got = ui_text_fit(s, w);

	assert_string_equal(got, want);
	free(got);
}

/* A name cut for a part of a line: "…" at its reading end, held there by
 * a mark of its direction; in a line, only the name is cut, and never a
 * character in two for the bytes. */
static void
test_text_fit_in(void **state)
{
	/* "work from home in the pandemic" */
	static const char fa[] = "\u06a9\u0627\u0631 \u0627\u0632 "
	    "\u062e\u0627\u0646\u0647 \u062f\u0631 \u062f\u0648\u0631\u0627"
	    "\u0646 \u0647\u0645\u0647\u200c\u06af\u06cc\u0631\u06cc";
	char buf[64];

	(void)state;
	setlocale(LC_ALL, "C.UTF-8");	/* the ellipsis is "…" */
	fit_is("Pressures toward remote work", 20,
	    "Pressures toward\u2026\u200e");
	/* 14 columns, 13 beside "…": "in the" does not fit whole */
	fit_is(fa, 14, "\u06a9\u0627\u0631 \u0627\u0632 "
	    "\u062e\u0627\u0646\u0647\u2026\u200f");
	/* a name that fits once its trailing blank goes has no ellipsis */
	fit_is("home ", 4, "home");
	fit_is("home", 4, "home");
	/* 30 columns: 20 for the words around it, 10 for the name */
	ui_text_fit_in(compose_keep, NULL, "Pressures toward remote work", 30,
	    buf, sizeof buf);
	assert_string_equal(buf, "keep \u00abPressures\u2026\u200e\u00bb "
	    "here: note?");
	ui_text_fit_in(compose_keep, NULL, "home", 30, buf, sizeof buf);
	assert_string_equal(buf, "keep \u00abhome\u00bb here: note?");
	/* room for all of it, but not 64 bytes: the name is cut shorter
	 * until the line fits them whole */
	ui_text_fit_in(compose_keep, NULL, fa, 200, buf, sizeof buf);
	assert_true(strlen(buf) < sizeof buf - 1);
	assert_non_null(strstr(buf, "\u2026\u200f\u00bb here: note?"));
	assert_int_equal(strncmp(buf + 7, fa, 8), 0);
}

static void
test_theme(void **state)
{
	struct theme t;
	int bad, c;

	(void)state;
	theme_default(&t);
	assert_int_equal(t.s[TH_SELECTION].attrs & THEME_REVERSE, THEME_REVERSE);
	theme_parse(&t, "# comment\nselection = #ff0000 blue bold # red\n"
	    "coded-a = 24 default\nnonsense = red\n", &bad);
	assert_int_equal(bad, 4);
	assert_int_equal(t.s[TH_SELECTION].fg, THEME_RGB | 0xff0000);
	assert_int_equal(t.s[TH_SELECTION].bg, 4);
	assert_int_equal(t.s[TH_SELECTION].attrs, THEME_BOLD);
	assert_int_equal(t.s[TH_CODED_A].fg, 24);
	assert_true(theme_color_parse("bright-red", &c));
	assert_int_equal(c, 9);
	assert_false(theme_color_parse("#12345", &c));
	assert_int_equal(theme_rgb_to_256(0xff0000), 196);
	assert_int_equal(theme_rgb_to_256(0x808080), 244);
	assert_int_equal(theme_rgb_to_8(0xff0000), 1);
	assert_int_equal(theme_rgb_to_8(0x0000ff), 4);
	assert_int_equal(theme_elem_parse("role-causal"), TH_ROLE_CAUSAL);
	assert_false(theme_load(&t, "../etc/passwd"));
}

/*
 * The links of centre 10: 1 (11 causes 10), 2 (10 leads to 12), 3 (13
 * causes 10, "Alpha" before "Zed"), 4 (10 contradicts 14, undirected), 5
 * (12 -> 13: not the centre's), 6 (15 context of 10: a later type).
 */
static const struct link net_links[] = {
	{.id = 1, .from = 11, .to = 10, .type = LINK_TYPE_CAUSES, .directed = true},
	{.id = 2, .from = 10, .to = 12, .type = LINK_TYPE_LEADS_TO, .directed = true,
	    .nevidence = 2, .memo = 7},
	{.id = 3, .from = 13, .to = 10, .type = LINK_TYPE_CAUSES, .directed = true},
	{.id = 4, .from = 14, .to = 10, .type = LINK_TYPE_CONTRADICTS,
	    .directed = false},
	{.id = 5, .from = 12, .to = 13, .type = LINK_TYPE_CAUSES, .directed = true},
	{.id = 6, .from = 15, .to = 10, .type = LINK_TYPE_CONTEXT, .directed = true},
};
static const char *const net_names[] = {"Zed", "Out", "Alpha", "Und", "x",
    "Ctx"};

static void
test_network_groups(void **state)
{
	struct vm_network n;
	const struct vm_net_row *r;

	(void)state;
	vm_net_init(&n);
	assert_null(vm_net_current(&n));
	vm_net_set(&n, 10, net_links, net_names, 6);
	assert_int_equal(n.nrows, 5);	/* link 5 is not the centre's */
	assert_int_equal(n.n[VM_NET_IN], 3);
	assert_int_equal(n.n[VM_NET_OUT], 1);
	assert_int_equal(n.n[VM_NET_UNDIRECTED], 1);
	/* incoming by type, then name: causes Alpha, causes Zed, context */
	assert_int_equal(n.rows[0].link, 3);
	assert_int_equal(n.rows[0].other, 13);
	assert_int_equal(n.rows[1].link, 1);
	assert_int_equal(n.rows[2].link, 6);
	r = &n.rows[3];
	assert_int_equal(r->link, 2);
	assert_int_equal(r->group, VM_NET_OUT);
	assert_int_equal(r->other, 12);
	assert_int_equal(r->nevidence, 2);
	assert_true(r->memo);
	assert_false(n.rows[0].memo);
	/* an undirected link is in its group whichever end the centre is */
	assert_int_equal(n.rows[4].link, 4);
	assert_int_equal(n.rows[4].group, VM_NET_UNDIRECTED);
	assert_int_equal(n.rows[4].other, 14);
	/* the other end's view: 13 has link 3 outgoing and 5 incoming */
	vm_net_set(&n, 13, net_links, (const char *const[]){"", "", "C", "",
	    "D", ""}, 6);
	assert_int_equal(n.nrows, 2);
	assert_int_equal(n.rows[0].link, 5);
	assert_int_equal(n.rows[0].group, VM_NET_IN);
	assert_int_equal(n.rows[0].other, 12);
	assert_int_equal(n.rows[1].link, 3);
	assert_int_equal(n.rows[1].other, 10);
	vm_net_done(&n);
}

static void
test_network_keep_cursor(void **state)
{
	struct vm_network n;

	(void)state;
	vm_net_init(&n);
	vm_net_set(&n, 10, net_links, net_names, 6);
	assert_true(vm_net_goto_link(&n, 6));
	assert_int_equal(n.cur, 2);
	assert_false(vm_net_goto_link(&n, 5));	/* not the centre's */
	assert_int_equal(n.cur, 2);
	/* read again with link 3 gone: the cursor stays on link 6 */
	vm_net_set(&n, 10, net_links + 3, net_names + 3, 3);
	assert_int_equal(vm_net_current(&n)->link, 6);
	assert_int_equal(n.cur, 0);
	/* link 6 gone too: the same place, clamped */
	assert_true(vm_net_goto_link(&n, 4));
	assert_int_equal(n.cur, 1);
	vm_net_set(&n, 10, net_links, net_names, 1);
	assert_int_equal(vm_net_current(&n)->link, 1);
	/* no links left: no row */
	vm_net_set(&n, 10, net_links, net_names, 0);
	assert_null(vm_net_current(&n));
	assert_int_equal(n.cur, 0);
	/* another centre starts at its first row */
	vm_net_set(&n, 10, net_links, net_names, 6);
	n.cur = 4;
	vm_net_set(&n, 12, net_links, net_names, 6);
	assert_int_equal(n.cur, 0);
	assert_int_equal(n.top, 0);
	vm_net_done(&n);
}

static void
test_network_follow_back(void **state)
{
	struct vm_network n;
	int64_t to, centre, link;

	(void)state;
	vm_net_init(&n);
	assert_false(vm_net_follow(&n, &to));
	assert_false(vm_net_back(&n, &centre, &link));
	vm_net_set(&n, 10, net_links, net_names, 6);
	vm_net_goto_link(&n, 2);
	assert_true(vm_net_follow(&n, &to));
	assert_int_equal(to, 12);
	vm_net_set(&n, to, net_links, net_names, 6);
	vm_net_goto_link(&n, 5);
	assert_true(vm_net_follow(&n, &to));
	assert_int_equal(to, 13);
	vm_net_set(&n, to, net_links, net_names, 6);
	/* back: 12 with link 5, then 10 with link 2 */
	assert_true(vm_net_back(&n, &centre, &link));
	assert_int_equal(centre, 12);
	assert_int_equal(link, 5);
	assert_true(vm_net_back(&n, &centre, &link));
	assert_int_equal(centre, 10);
	assert_int_equal(link, 2);
	vm_net_set(&n, centre, net_links, net_names, 6);
	assert_true(vm_net_goto_link(&n, link));
	assert_int_equal(vm_net_current(&n)->other, 12);
	assert_false(vm_net_back(&n, &centre, &link));
	/* the oldest centres drop past VM_NET_BACK_MAX */
	for (to = 0; to < VM_NET_BACK_MAX + 5; to++) {
		n.centre = 1000 + to;
		assert_true(vm_net_follow(&n, &centre));
	}
	assert_int_equal(n.nback, VM_NET_BACK_MAX);
	assert_true(vm_net_back(&n, &centre, &link));
	assert_int_equal(centre, 1000 + VM_NET_BACK_MAX + 4);
	assert_int_equal(n.back[0].centre, 1005);
	vm_net_forget(&n);
	assert_false(vm_net_back(&n, &centre, &link));
	vm_net_done(&n);
}

static void
test_network_lines(void **state)
{
	struct vm_network n;
	struct link many[12];
	const char *names[12];
	size_t i;

	(void)state;
	vm_net_init(&n);
	/* 3 incoming and 1 outgoing side by side, a blank line, the header
	 * of the undirected ones, then link 4 */
	vm_net_set(&n, 10, net_links, net_names, 6);
	assert_int_equal(vm_net_lines(&n), 6);
	assert_int_equal(vm_net_line(&n, 0), 0);
	assert_int_equal(vm_net_line(&n, 2), 2);
	assert_int_equal(vm_net_line(&n, 3), 0);	/* outgoing beside */
	assert_int_equal(vm_net_line(&n, 4), 5);
	assert_int_equal(vm_net_at(&n, 0, false), 0);
	assert_int_equal(vm_net_at(&n, 0, true), 3);
	assert_int_equal(vm_net_at(&n, 1, true), SIZE_MAX);
	assert_int_equal(vm_net_at(&n, 2, false), 2);
	assert_int_equal(vm_net_at(&n, 3, false), SIZE_MAX);	/* blank */
	assert_int_equal(vm_net_at(&n, 4, true), SIZE_MAX);	/* header */
	assert_int_equal(vm_net_at(&n, 5, false), 4);
	assert_int_equal(vm_net_at(&n, 5, true), 4);
	assert_int_equal(vm_net_at(&n, 6, false), SIZE_MAX);
	/* only undirected: their header is line 0 */
	vm_net_set(&n, 14, net_links, net_names, 6);
	assert_int_equal(vm_net_lines(&n), 2);
	assert_int_equal(vm_net_line(&n, 0), 1);
	assert_int_equal(vm_net_at(&n, 0, false), SIZE_MAX);
	assert_int_equal(vm_net_at(&n, 1, false), 0);
	/* 12 incoming in 4 lines: the scroll follows the cursor */
	for (i = 0; i < 12; i++) {
		memset(&many[i], 0, sizeof many[i]);
		many[i].id = (int64_t)i + 1;
		many[i].from = 100 + (int64_t)i;
		many[i].to = 10;
		many[i].type = LINK_TYPE_CAUSES;
		many[i].directed = true;
		names[i] = "n";
	}
	vm_net_set(&n, 10, many, names, 12);
	assert_int_equal(vm_net_lines(&n), 12);
	vm_net_scroll(&n, 4);
	assert_int_equal(n.top, 0);
	n.cur = 9;
	vm_net_scroll(&n, 4);
	assert_int_equal(n.top, 6);
	n.cur = 2;
	vm_net_scroll(&n, 4);
	assert_int_equal(n.top, 2);
	/* fewer links than before: no empty lines below the last */
	vm_net_set(&n, 10, many, names, 5);
	n.top = 4;
	vm_net_scroll(&n, 4);
	assert_int_equal(n.top, 1);
	vm_net_scroll(&n, 8);
	assert_int_equal(n.top, 0);
	/* the first undirected row brings its header into sight: 1
	 * incoming, a blank line, the header (line 2), 5 undirected */
	for (i = 1; i < 6; i++)
		many[i].directed = false;
	vm_net_set(&n, 10, many, names, 6);
	assert_int_equal(vm_net_lines(&n), 8);
	n.top = 5;
	n.cur = 1;
	vm_net_scroll(&n, 3);
	assert_int_equal(n.top, 2);
	n.top = 5;
	vm_net_scroll(&n, 1);
	assert_int_equal(n.top, 3);	/* one line: the row itself */
	vm_net_done(&n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tree_rows),
		cmocka_unit_test(test_tree_marks_reload),
		cmocka_unit_test(test_tree_cut),
		cmocka_unit_test(test_transcript_motion),
		cmocka_unit_test(test_transcript_rtl_visual),
		cmocka_unit_test(test_transcript_selection_scroll),
		cmocka_unit_test(test_transcript_jump_scroll),
		cmocka_unit_test(test_transcript_estimates),
		cmocka_unit_test(test_empty_document),
		cmocka_unit_test(test_network_groups),
		cmocka_unit_test(test_network_keep_cursor),
		cmocka_unit_test(test_network_follow_back),
		cmocka_unit_test(test_network_lines),
		cmocka_unit_test(test_keymap),
		cmocka_unit_test(test_theme),
		cmocka_unit_test(test_text_fit_in),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
