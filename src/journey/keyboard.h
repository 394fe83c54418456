/* keyboard: the on-screen keyboard as data. A layout is pages of rows of keys; each key has a
 * label, what it types, its width in key units and an action. Layouts are tables, not code, so
 * another language's keyboard is a new table (LVGL's keyboard maps are the model). This module
 * also lays the keys out in a rectangle and hit-tests taps against the same rectangles the
 * renderer draws. Pure: no SDL. */
#ifndef PK_KEYBOARD_H
#define PK_KEYBOARD_H
#include <stdbool.h>

#include "render/layout.h"

#define KEYBOARD_MAX_ROWS 5
#define KEYBOARD_MAX_KEYS_PER_ROW 14
#define KEYBOARD_MAX_KEYS (KEYBOARD_MAX_ROWS * KEYBOARD_MAX_KEYS_PER_ROW)

typedef enum {
    KEY_CHAR,      /* types `text` */
    KEY_SHIFT,     /* next letter upper case (twice: caps lock) */
    KEY_BACKSPACE, /* deletes one whole character */
    KEY_SPACE,
    KEY_PAGE,      /* switches to page `page` */
    KEY_DONE       /* finished typing */
} key_action;

typedef struct key_def {
    const char *label; /* shown on the key; NULL = same as text */
    const char *text;  /* typed (UTF-8), for KEY_CHAR */
    key_action action;
    int page;          /* for KEY_PAGE */
    float width;       /* in key units; 0 means 1 */
} key_def;

typedef struct keyboard_page {
    const char *name;  /* "letters", "LETTERS", "123", "accents" */
    int n_rows;
    int n_keys[KEYBOARD_MAX_ROWS];
    key_def keys[KEYBOARD_MAX_ROWS][KEYBOARD_MAX_KEYS_PER_ROW];
} keyboard_page;

typedef struct keyboard_layout {
    const char *name; /* "en-GB" */
    int n_pages;
    const keyboard_page *pages;
    int upper_page;   /* the page shift switches letters to */
    int lower_page;
} keyboard_layout;

/* The UK QWERTY layout with shift/caps, a 123/symbols page (with £ and €) and an accents page
 * with the letters of Polish, Slovak, Czech and Romanian names (ą ć ę ł ń ó ś ź ż, á č ď é ě í
 * ľ ĺ ň ô ŕ š ť ú ů ý ž, ă â î ș ț and their capitals). */
const keyboard_layout *keyboard_layout_en_gb(void);

typedef struct keyboard_state {
    const keyboard_layout *layout;
    int page;
    bool shift;     /* one upper-case letter, then back to lower */
    bool caps;      /* upper case until shift is tapped again */
} keyboard_state;

typedef struct key_rect {
    pk_rect r;
    const key_def *key;
} key_rect;

void keyboard_init(keyboard_state *k, const keyboard_layout *layout);
/* Lays out the current page in box, keys separated by gap, into out (KEYBOARD_MAX_KEYS);
 * returns the number of keys. Each row fills the width; key heights are equal. */
int keyboard_layout_keys(const keyboard_state *k, pk_rect box, int gap, key_rect *out);
/* The key under (x,y) among laid-out keys, or NULL. */
const key_def *keyboard_hit(const key_rect *keys, int n, int x, int y);

/* What a key press did to the text. */
typedef enum { KEYBOARD_NOTHING, KEYBOARD_EDITED, KEYBOARD_PAGE_CHANGED, KEYBOARD_DONE } keyboard_result;

/* Applies key to text (a NUL-terminated UTF-8 buffer of `size` bytes) holding at most
 * max_chars characters: types (respecting shift/caps; shift resets after one character),
 * deletes the last whole character, switches pages. Never splits a character and never
 * overflows the buffer or the character limit. */
keyboard_result keyboard_press(keyboard_state *k, const key_def *key, char *text, int size,
                               int max_chars);
/* Appends typed UTF-8 (from a physical keyboard) within the same limits; false if refused. */
bool keyboard_type(char *text, int size, int max_chars, const char *utf8);
/* Deletes the last whole character; false if text was empty. */
bool keyboard_backspace(char *text);

#endif
