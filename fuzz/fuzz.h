/*
 * fuzz.h: what every libFuzzer harness (fuzz/fuzz-NAME.c) shares.
 *
 * A harness defines LLVMFuzzerTestOneInput (and, if it needs set-up, the
 * optional LLVMFuzzerInitialize), checks the invariants of the API it drives
 * with FZ_CHECK, and leaves memory errors, undefined behaviour and leaks to
 * the sanitizers it is built with (see fuzz/README.md).
 *
 * struct fz cuts one input into typed choices, in the spirit of LLVM's
 * FuzzedDataProvider: small numbers from the front, the rest as data. An
 * exhausted input yields zeros, so every byte string is a valid input.
 */
#ifndef AXIAL_FUZZ_H
#define AXIAL_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* An invariant that must hold: on failure, say which and abort (libFuzzer
 * then saves the input as a crash). */
#define FZ_CHECK(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, \
		    __LINE__, #cond); \
		abort(); \
	} \
} while (0)

/* The same with the values that explain it. */
#define FZ_CHECKF(cond, ...) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: invariant failed: %s: ", __FILE__, \
		    __LINE__, #cond); \
		fprintf(stderr, __VA_ARGS__); \
		fputc('\n', stderr); \
		abort(); \
	} \
} while (0)

struct fz {
	const uint8_t *p;
	size_t n;
};

static inline void
fz_init(struct fz *f, const uint8_t *data, size_t size)
{
	f->p = data;
	f->n = size;
}

static inline uint8_t
fz_u8(struct fz *f)
{
	uint8_t v = 0;

	if (f->n > 0) {
		v = *f->p++;
		f->n--;
	}
	return v;
}

static inline uint16_t
fz_u16(struct fz *f)
{
	uint16_t hi = fz_u8(f);

	return (uint16_t)(hi << 8 | fz_u8(f));
}

/* A number in [0, n), n > 0 (one or two bytes' worth). */
static inline uint32_t
fz_below(struct fz *f, uint32_t n)
{
	return (n <= 256 ? fz_u8(f) : fz_u16(f)) % n;
}

static inline int
fz_bool(struct fz *f)
{
	return fz_u8(f) & 1;
}

/* Up to max bytes (fewer if the input runs out); *len says how many. */
static inline const uint8_t *
fz_bytes(struct fz *f, size_t max, size_t *len)
{
	const uint8_t *p = f->p;

	*len = max < f->n ? max : f->n;
	f->p += *len;
	f->n -= *len;
	return p;
}

#endif
