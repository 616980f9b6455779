/*
 * text-int.h: what the text-*.c files share privately. The public contract
 * is src/text/text.h.
 */
#ifndef AXIAL_TEXT_INT_H
#define AXIAL_TEXT_INT_H

#include <fribidi.h>

#include "text/text.h"

/* ---- text-filter.c: what each logical code point becomes on screen ---- */

enum tf_kind {
	TF_BASE,	/* spacing character, its own cell */
	TF_MARK,	/* zero-width, drawn on the preceding cell (combining) */
	TF_HIDDEN,	/* zero-width, in the UBA and shaping input, never drawn */
	TF_PLACEHOLDER,	/* a control: drawn as visible text, warning colour */
	TF_TAB,		/* spaces up to the next tab stop */
};
#define TF_PH_MAX 8	/* longest placeholder, "<10FFFF>" */
#define TF_TABSTOP 8

/*
 * Kind, width and white-space flag of every code point below TF_FAST_MAX,
 * memoised from text_filter_class and libunistring on first use (ASCII,
 * Latin, Arabic script: nearly all of a transcript). Packed as
 * kind | cols << 3 | TF_FAST_SPACE.
 */
#define TF_FAST_MAX 0x800
#define TF_FAST_SPACE 0x80
extern uint8_t text_filter_fast[TF_FAST_MAX];
void text_filter_init(void);
/* Kind of c; *cols = its width for TF_BASE and TF_PLACEHOLDER. */
enum tf_kind text_filter_class(uint32_t c, int *cols);
/* The placeholder glyphs of a TF_PLACEHOLDER c into out; returns the count. */
int text_filter_placeholder(uint32_t c, uint32_t out[TF_PH_MAX]);

/* ---- text-doc.c ---- */

/*
 * A paragraph (line) longer than this many bytes is laid out as several
 * segments, each a paragraph of its own to the engine, split at a space (or
 * a grapheme boundary) with no separator between them. No transcript turn
 * is that long; a 50 MB single line is a hostile input, and whole-line bidi
 * over it would need gigabytes and overflows FriBidi 1.0.8's stack (it
 * recurses once per bracket pair). Embedding levels restart at each segment.
 */
#define TEXT_SEGMENT_MAX 65536

struct text_doc_para {
	size_t byte, nbyte;	/* UTF-8 of the paragraph, separator excluded */
	size_t start, n;	/* logical start and length in code points */
	size_t sep;		/* code points of the separator after it: 0-2 */
};
struct text_doc {
	char *text;
	size_t len;		/* bytes */
	size_t ncp;		/* code points, once all are indexed */
	struct text_doc_para *paras;
	size_t npara;
	size_t nindexed;	/* paras[0..nindexed) have start and n */
};
/* Logical start of paragraph p (indexing up to it). */
size_t text_doc_para_start(const struct text_doc *d, size_t p);
/* Decodes paragraph p into *buf (grown as needed); returns its length.
 * Indexes p as a side effect. */
size_t text_doc_decode(const struct text_doc *d, size_t p, uint32_t **buf,
    size_t *cap);

/* ---- text-layout.c ---- */

/* Bytes of laid-out cells a layout keeps per width (see text-layout.c). */
#define TEXT_CACHE_BUDGET ((size_t)32 << 20)
/* What the current width's cache holds now: for tests. */
struct text_layout;
size_t text_layout_cache_bytes(const struct text_layout *l);

/* ---- text-para.c: one paragraph at one width ---- */

struct text_para_line {
	size_t start, end;	/* paragraph-relative code points */
	uint32_t cell, ncells;	/* into text_para.cells */
	int cols;
};
struct text_para {
	size_t nlines;
	struct text_para_line *lines;
	struct text_cell *cells;	/* document offsets */
	uint32_t *glyphs;		/* all lines' glyphs */
	uint32_t *l2c;			/* code point -> cell: text_para_l2c */
	size_t ncells;
	size_t base;			/* document offset of the paragraph */
	size_t n;			/* code points */
	size_t cap;			/* bytes of the block at lines */
	bool rtl;
};
/* Scratch arrays reused across paragraphs so layout does not allocate per
 * call beyond its results. */
#define TP_NOUNIT UINT32_MAX
#define TP_COMPLEX 0x80000000u	/* in cu[]: the unit is not one TF_BASE alone */
enum {
	UF_BREAK = 1,		/* UAX #14 break opportunity before the unit */
	UF_MANDATORY = 2,	/* mandatory break after it */
	UF_SPACE = 4,		/* white space: may hang past the line end */
	UF_TAB = 8,
};
struct text_para_scratch {
	size_t cap;
	const uint32_t *src;	/* the paragraph being laid out (borrowed) */
	uint32_t *shaped;	/* display copy when shaped or mirrored */
	const uint32_t *disp;	/* src or shaped: what the cells show */
	FriBidiCharType *bt;
	FriBidiBracketType *br;
	FriBidiLevel *lv;
	FriBidiArabicProp *jt;
	FriBidiStrIndex *map;
	FriBidiStrIndex *ident;	/* ident[i] = i, to reset map with memcpy */
	char *lbrk, *gbrk;
	uint8_t *kind;		/* tf_kind of each code point */
	uint32_t *unit;		/* unit starts; unit u is [unit[u], unit[u+1]) */
	uint8_t *uw;		/* columns of unit u's base (a tab: see UF_TAB) */
	uint8_t *uflag;		/* UF_* of unit u */
	uint32_t *ubase;	/* the spacing character of unit u */
	uint32_t *cu;		/* code point -> its unit (| TP_COMPLEX) if it
				 * is the unit's base, else TP_NOUNIT */
	uint8_t *ucols;		/* columns of unit u where it was placed */
	uint32_t *lstart;	/* first unit of each line */
	size_t n;		/* code points of the paragraph in cp */
	bool have_gbrk;		/* gbrk is computed */
	bool keep_joiners;	/* ZWNJ/ZWJ drawn for a terminal that shapes */
};
void text_para_scratch_done(struct text_para_scratch *s);
/* Lays out cp[0..n) (paragraph starting at document offset base) into out,
 * reusing out's block when it is big enough (out zeroed or a forgotten
 * paragraph). */
void text_para_layout(struct text_para *out, struct text_para_scratch *s,
    const uint32_t *cp, size_t n, size_t base, const struct text_opts *o,
    int width);
/* Paragraph code point -> index of its cell, built on first use. */
const uint32_t *text_para_l2c(struct text_para *p);
void text_para_free(struct text_para *p);

#endif
