/* keyboard_layout: an on-screen keyboard as data: pages of rows of keys, each key with a label,
 * what it types, its width in key units, an action and the variants a long press offers ("ł"
 * on "l"). One file per language (assets/keyboards/<lang>.yaml) is read into it by
 * keyboard_file.h when the config loads; journey/keyboard.h types with it. Pure data. */
#ifndef PK_KEYBOARD_LAYOUT_H
#define PK_KEYBOARD_LAYOUT_H

#define KEYBOARD_MAX_ROWS 5
#define KEYBOARD_MAX_KEYS_PER_ROW 14
#define KEYBOARD_MAX_KEYS (KEYBOARD_MAX_ROWS * KEYBOARD_MAX_KEYS_PER_ROW)
#define KEYBOARD_MAX_PAGES 8
#define KEYBOARD_MAX_MORE 8      /* long-press variants of one key */
#define KEYBOARD_MAX_UNITS 12.0f /* widest row, in key units: more and keys get too narrow */

typedef enum {
    KEY_CHAR,      /* types `text` */
    KEY_SHIFT,     /* next letter upper case (twice: caps lock) */
    KEY_BACKSPACE, /* deletes one whole character */
    KEY_SPACE,
    KEY_PAGE,      /* switches to page `page` */
    KEY_DONE       /* finished typing */
} key_action;

#define KEY_NO_WORDING (-1)

typedef struct key_def {
    const char *label; /* shown on the key; NULL = the wording, else the text */
    const char *text;  /* typed (UTF-8), for KEY_CHAR */
    key_action action;
    int page;          /* for KEY_PAGE */
    float width;       /* in key units; 0 means 1 */
    int wording;       /* a ui_text_id whose words label the key (Space, Done), or KEY_NO_WORDING */
    int n_more;        /* long-press variants, each a KEY_CHAR */
    const struct key_def *more;
} key_def;

typedef struct keyboard_page {
    const char *name;  /* "letters", "LETTERS", "123", "accents" */
    int n_rows;
    int n_keys[KEYBOARD_MAX_ROWS];
    key_def keys[KEYBOARD_MAX_ROWS][KEYBOARD_MAX_KEYS_PER_ROW];
    /* The case pair this page belongs to (its lower- and upper-case pages), -1 when it has
     * none: Shift only works on pages that come in pairs. */
    int lower, upper;
} keyboard_page;

typedef struct keyboard_layout {
    const char *name; /* "en-GB", "pl", "ur" */
    const char *path; /* the file it was read from */
    int n_pages;
    const keyboard_page *pages;
    int upper_page;   /* the letters' upper-case page (= lower_page when there is none) */
    int lower_page;   /* the page a keyboard opens on */
} keyboard_layout;

#endif
