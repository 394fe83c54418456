/* keyboard: the on-screen keyboard at work. Its layouts are data (config/keyboard_layout.h:
 * pages of rows of keys, one file per language, read by config/keyboard_file.h), not code, so
 * another language's keyboard is a new file (LVGL's keyboard maps are the model). This module
 * lays the keys out in a rectangle, hit-tests taps against
 * the same rectangles the renderer draws, applies a key to a text, and runs the long-press
 * popup of variants. Pure: no SDL, no clock of its own (times are passed in). */
#ifndef PK_KEYBOARD_H
#define PK_KEYBOARD_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config/keyboard_layout.h"
#include "core/geometry.h"

#define KEYBOARD_HOLD_MS 500 /* a press held this long on a key with variants shows them */

typedef struct keyboard_state {
    const keyboard_layout *layout;
    int page;
    bool shift;     /* one upper-case letter, then back to lower */
    bool caps;      /* upper case until shift is tapped again */
    /* Long press: a key with variants held down since held_at, then the popup of its variants
     * (popup_key), the variant under the finger (popup_hot, -1 none), and whether the finger
     * that opened it is still down (popup_dragging: lifting it on a variant types that). */
    const key_def *held;
    uint64_t held_at;
    const key_def *popup_key;
    int popup_hot;
    bool popup_dragging;
} keyboard_state;

typedef struct key_rect {
    pk_rect r;
    const key_def *key;
} key_rect;

/* Starts on the layout's first page (layout may be NULL: no keys). */
void keyboard_init(keyboard_state *k, const keyboard_layout *layout);
/* Shows another layout (the visitor changed language): back to its first page, shift off, any
 * popup closed. The text being typed is not the keyboard's and is untouched. */
void keyboard_set_layout(keyboard_state *k, const keyboard_layout *layout);
/* Lays out the current page in box, keys separated by gap, into out (KEYBOARD_MAX_KEYS);
 * returns the number of keys. Each row fills the width; key heights are equal. */
int keyboard_layout_keys(const keyboard_state *k, pk_rect box, int gap, key_rect *out);
/* The key under (x,y) among laid-out keys, or NULL. */
const key_def *keyboard_hit(const key_rect *keys, int n, int x, int y);
/* The words on a key: its wording in the current language (ui: UI_COUNT strings, may be NULL
 * for none), else its label, else its text. Never NULL. */
const char *keyboard_key_label(const key_def *key, const char *const *ui);
/* The number of rows of the tallest page: a keyboard box sized for it never changes height
 * when the page changes. */
int keyboard_max_rows(const keyboard_layout *layout);

/* What a key press did to the text. */
typedef enum { KEYBOARD_NOTHING, KEYBOARD_EDITED, KEYBOARD_PAGE_CHANGED, KEYBOARD_DONE } keyboard_result;

/* Applies key to text (a NUL-terminated UTF-8 buffer of `size` bytes) holding at most
 * max_chars characters: types (respecting shift/caps; shift resets after one character),
 * deletes the last whole character, switches pages. Never splits a character and never
 * overflows the buffer or the character limit. Closes a long-press popup. */
keyboard_result keyboard_press(keyboard_state *k, const key_def *key, char *text, int size,
                               int max_chars);
/* Appends typed UTF-8 (from a physical keyboard) within the same limits; false if refused. */
bool keyboard_type(char *text, int size, int max_chars, const char *utf8);
/* How many characters of utf8 a text would take: controls (a pasted newline, a Tab) are
 * dropped by keyboard_type. */
size_t keyboard_typeable(const char *utf8);
/* True when text holds max_chars characters (or its buffer has no room for one more): what is
 * typed next is refused, and the screen should say so. */
bool keyboard_full(const char *text, int size, int max_chars);
/* Deletes the last whole character (the logically previous one, also in right-to-left text);
 * false if text was empty. */
bool keyboard_backspace(char *text);

/* ---- Long press ----
 * The finger goes down on a key: keyboard_hold_start remembers it if it has variants. When
 * KEYBOARD_HOLD_MS have passed with the finger still there, keyboard_hold_tick opens the popup.
 * The finger then slides over the variants (keyboard_popup_hover) and lifting it on one types it;
 * lifting it elsewhere leaves the popup open for a tap on a variant, and a tap anywhere else
 * closes it. A finger lifted before the time is an ordinary tap (keyboard_hold_cancel). */
void keyboard_hold_start(keyboard_state *k, const key_def *key, uint64_t now);
void keyboard_hold_cancel(keyboard_state *k);
/* True when the popup has just opened (the caller redraws). */
bool keyboard_hold_tick(keyboard_state *k, uint64_t now);
/* Milliseconds until keyboard_hold_tick has something to do, or -1 when nothing is held. */
int keyboard_hold_wait(const keyboard_state *k, uint64_t now);
bool keyboard_popup_open(const keyboard_state *k);
/* Marks the variant under the finger (index, or -1); true if that changed. */
bool keyboard_popup_hover(keyboard_state *k, int index);
void keyboard_popup_close(keyboard_state *k);
/* The popup's cells above `anchor` (the held key's rectangle): one per variant, each at least
 * `cell` px square and as big as the key, in a row centred over the key and kept inside
 * `bounds` (the screen), `gap` px above the key. Returns the number of cells (out holds
 * KEYBOARD_MAX_MORE), each with its variant. */
int keyboard_popup_layout(const keyboard_state *k, pk_rect anchor, pk_rect bounds, int cell,
                          int gap, key_rect *out);

#endif
