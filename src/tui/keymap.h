/*
 * keymap.h: key names and the binding table's lookup, no curses.
 *
 * A key is an int: a Unicode character (printable keys, control keys
 * 1..31), or KEYMAP_FN | the curses KEY_* code for function keys. Names are
 * "a", "A", "C-z", "Esc", "Enter", "Tab", "Space", "Up", "PgDn", "F1",
 * "S-Left" ...; keymap_parse accepts the names keymap_name prints.
 */
#ifndef AXIAL_KEYMAP_H
#define AXIAL_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

#define KEYMAP_FN (1 << 24)
#define KEYMAP_MAXKEYS 12

/* The workbench, which the actions run on; the keymap never looks inside. */
struct ui;
typedef void keymap_fn(struct ui *ui);

/* One action: its name (what a config binds), the keys (space-separated
 * names, the defaults), the scope (an index the caller defines: 0 = global),
 * the help line and the function the key runs (the keymap only stores it). */
struct keymap_action {
	const char *name;
	const char *keys;
	int scope;
	const char *help;
	keymap_fn *fn;
};

struct keymap;

/* A keymap over a caller-owned, NULL-name-terminated action table. */
struct keymap *keymap_new(const struct keymap_action *actions);
void keymap_free(struct keymap *k);
/* The action bound to key in scope, falling back to scope 0; NULL none. */
const struct keymap_action *keymap_lookup(const struct keymap *k, int scope,
    int key);
/* Rebinds action `name` to the space-separated key names (replacing its
 * defaults). Returns 0, or -1 with *err (static) for an unknown action or
 * key name. */
int keymap_bind(struct keymap *k, const char *name, const char *keys,
    const char **err);
/* The action table k was made over. */
const struct keymap_action *keymap_actions(const struct keymap *k);
/* The current keys of action i, as names joined by " " into out. */
void keymap_keys_text(const struct keymap *k, size_t i, char *out, size_t cap);

/* -1 for an unknown name. */
int keymap_parse(const char *name);
/* Writes the key's name into out (cap >= 16). */
void keymap_name(int key, char *out, size_t cap);

#endif
