/* keyboard_file: reads an on-screen keyboard from its data file (assets/keyboards/<lang>.yaml)
 * into the keyboard_layout the keyboard module runs. The format (see assets/keyboards/README.md):
 *
 *   name: pl
 *   pages:
 *     - name: letters
 *       upper: LETTERS              # the page Shift shows (same shape)
 *       rows:
 *         - [q, w, {text: e, more: [ę, é]}, r, t, y, u, i, {text: o, more: [ó]}, p]
 *         - [{action: shift, width: 1.5}, z, x, c, v, b, n, m, {action: backspace, width: 1.5}]
 *         - [{action: page, page: "123", label: "123"}, {action: space, width: 4}, {action: done}]
 *
 * A plain value types itself; a mapping has text, label, width, action (char, shift,
 * backspace, space, page, done), page, more (the long-press variants) and wording (a
 * feedback.wording name whose words label the key in the visitor's language; Shift, Delete,
 * Space and Done get key_shift, key_delete, key_space and key_done unless given a label).
 *
 * Every problem is reported as FILE:LINE:COLUMN, all at once, like the config's: unknown keys,
 * bad actions, rows too long for a screen, invalid UTF-8, a page key or `upper` naming a page
 * that does not exist, an upper page that does not match its lower page key for key.
 *
 * Ownership: the layout and every string in it are allocated from the arena the caller passes
 * and live until that arena is freed (a config owns the keyboards of its languages). No SDL. */
#ifndef PK_KEYBOARD_FILE_H
#define PK_KEYBOARD_FILE_H
#include <stddef.h>

#include "core/arena.h"
#include "core/diag.h"
#include "config/keyboard_layout.h"

/* Reads path. Returns the layout (in mem), or NULL with every problem added to diags. */
const keyboard_layout *keyboard_file_load(const char *path, arena *mem, diag_list *diags);
/* The same from text in memory; name is used in messages and as the layout's path. */
const keyboard_layout *keyboard_file_load_string(const char *text, const char *name, arena *mem,
                                                 diag_list *diags);
/* The shipped keyboard file for a language code, relative to the assets folder:
 * "keyboards/en-GB.yaml" for en, "keyboards/<code>.yaml" otherwise. Returns out. */
const char *keyboard_file_default(const char *code, char *out, size_t size);
/* The keyboard a language without a file of its own falls back to, and the one postcodes are
 * typed on (UK postcodes are Latin letters and digits in every language). */
#define KEYBOARD_FILE_LATIN "keyboards/en-GB.yaml"

#endif
