/*
 * name.h: what a name or a one-line label may hold, checked in one place
 * (docs/security.md §6.8). The store checks every field it is given with
 * name_check() and refuses what fails; what a user did not type (a file
 * name, a REFI-QDA project's names) goes through name_clean() first, which
 * makes any string pass and says what it changed.
 *
 * Names (documents, codes, categories, coder logins and accounts,
 * attribute keys, link types) are identifiers: they are looked up, compared and shown
 * side by side, so besides controls they refuse invisible formatting
 * characters (ZWNJ and ZWJ, which Persian words need, aside), are stored
 * NFC-normalised with surrounding spaces trimmed, and may not be empty.
 * Labels (display names, the project title, memo titles, attribute values)
 * are one line of text shown as is: they refuse controls, line breaks and
 * bidi controls but keep direction marks (LRM, RLM, ALM), which Persian
 * titles mixing in English need.
 */
#ifndef AXIAL_NAME_H
#define AXIAL_NAME_H

#include <stdbool.h>
#include <stddef.h>

/* Limits in code points, after normalisation: what no researcher types
 * by accident, small enough that no list pays for a huge one. */
#define NAME_MAX_CHARS	200	/* names and display names */
#define LABEL_MAX_CHARS	1000	/* titles, memo titles, attribute values */

enum name_field {
	NAME_DOCUMENT,
	NAME_CODE,
	NAME_CATEGORY,
	NAME_CODER,		/* a coder's login */
	NAME_ACCOUNT,		/* the OS account a coder is tied to */
	NAME_ATTRIBUTE,		/* an attribute's key */
	NAME_CODER_NAME,	/* a coder's display name (a label) */
	NAME_TITLE,		/* the project's title */
	NAME_MEMO_TITLE,
	NAME_ATTR_VALUE,
	NAME_LINK_TYPE,		/* a link type's name (link.h) */
	NAME_QUERY,		/* a saved query's name (savedquery.h) */
	NAME_FIELD_COUNT
};

/* What name_clean() changed (bits). */
#define NAME_CLEANED	0x1	/* controls became spaces, invisibles went */
#define NAME_CUT	0x2	/* cut to the limit at a grapheme boundary */

/* Its length limit in code points. */
size_t name_field_max(enum name_field f);

/*
 * NULL when s may be stored in field f; otherwise the reason, translated
 * and naming the field ("code name: contains a control character (U+001B)
 * at position 3; ..."), for the caller to free. Positions count code points
 * from 1 in s as given.
 */
char *name_check(enum name_field f, const char *s);

/*
 * s as field f stores it: a name NFC-normalised with surrounding spaces,
 * ZWNJ and ZWJ trimmed; a label unchanged. NULL unless name_check passes.
 */
char *name_normal(enum name_field f, const char *s);

/* s as a name is looked up: NFC-normalised and trimmed when valid UTF-8,
 * else as is; never refused (a file from elsewhere may hold any name). */
char *name_key(const char *s);

/*
 * s made acceptable for field f: invalid UTF-8 becomes U+FFFD, controls,
 * line breaks and bidi controls spaces, invisible characters a name may
 * not hold are dropped; then (a name normalised and trimmed) cut to max
 * code points (0: the field's limit) at a grapheme boundary. Empty (or only
 * spaces) becomes dflt. *changed (if not NULL) gets NAME_CLEANED and
 * NAME_CUT as they apply. The result passes name_check when dflt does.
 */
char *name_clean(enum name_field f, const char *s, const char *dflt,
    size_t max, unsigned *changed);

/*
 * s as a name is matched when it is not found as typed: its search key
 * (searchkey.h, the workbench's finder folding: ي/ی, ك/ک, case, digits,
 * harakat) with ZWNJ and spaces gone, so "کار کردن", "کارکردن" and
 * "کار‌کردن" meet. The caller frees it.
 */
char *name_fold(const char *s);

/*
 * The edit distance of a and b in code points (insertions, deletions,
 * substitutions and swaps of neighbours), or max + 1 when it is more than
 * max. Names longer than NAME_MAX_CHARS are max + 1 from everything.
 */
size_t name_distance(const char *a, const char *b, size_t max);

/* A colour as themes accept it (#rrggbb, red, bright-blue, 0-255,
 * default), or "" for none. */
bool name_color_ok(const char *s);

#endif
