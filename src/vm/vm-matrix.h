/*
 * vm-matrix.h: the view-model of the matrix view (H), without curses: which
 * matrix is shown (rows, columns, measure, source), its figures as the
 * cells read, how dark each cell is shaded, and the cursor and scrolling
 * over rows and columns. The figures are an_matrix's (analysis.h), so the
 * view shows what `axial matrix` prints.
 *
 * Columns cycle through each attribute in demographics order, then the
 * documents, then the codes (with code rows only). Measures: segments,
 * documents, row percent, column percent; against codes: overlapping
 * segments, paragraphs, documents.
 */
#ifndef AXIAL_VM_MATRIX_H
#define AXIAL_VM_MATRIX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stats/analysis.h"

struct vm_matrix {
	struct an_matrix m;
	enum an_mx_rows rows;
	size_t col_kind;	/* 0..nattrs-1 an attribute, nattrs documents,
				 * nattrs + 1 codes */
	enum an_mx_count count;
	int pct;		/* 0, 'r' or 'c' (not against codes) */
	int64_t coder;		/* the source */
	char **attrs;		/* the attribute keys, owned */
	size_t nattrs;
	size_t r, c;		/* the cursor's cell */
	size_t top, left;	/* first row and column shown */
	bool ready;		/* loaded once: col_kind counts attrs */
};

/* (Re)computes the matrix of a for the current choices, keeping the cursor
 * where it still fits. */
void vm_matrix_load(struct vm_matrix *v, const struct an_project *a);
void vm_matrix_done(struct vm_matrix *v);
/* The next rows, columns or measure (vm_matrix_load it again after). */
void vm_matrix_next_rows(struct vm_matrix *v);
void vm_matrix_next_cols(struct vm_matrix *v);
void vm_matrix_next_measure(struct vm_matrix *v);
/* True when the columns are the codes. */
bool vm_matrix_by_code(const struct vm_matrix *v);
/* The figure of cell (r, c) as shown: "12", or "42.9" for a percent. */
void vm_matrix_cell(const struct vm_matrix *v, size_t r, size_t c,
    char *out, size_t n);
/* Its shade: 0 for nothing, else 1..4 by its share of the largest figure
 * (a percent: of 100), in quarters rounded up. */
int vm_matrix_shade(const struct vm_matrix *v, size_t r, size_t c);
/* The measure's name ("segments", "row %"), untranslated (N_). */
const char *vm_matrix_measure_name(const struct vm_matrix *v);
/* Moves the cursor by dr rows and dc columns, clamped; then scrolls so it
 * shows in nrows rows and ncols columns of cells. */
void vm_matrix_move(struct vm_matrix *v, long dr, long dc, size_t nrows,
    size_t ncols);

#endif
