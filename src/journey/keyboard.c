/* keyboard: the on-screen keyboard as data, plus the little logic that applies a key to a text.
 *
 * The UK layout below is five tables: lower- and upper-case letters, digits and symbols, and
 * lower- and upper-case accented letters for the Polish, Slovak, Czech and Romanian names people
 * type into feedback. Every label is a word or a character Noto Sans can draw (it has no arrows
 * and no U+232B, so Shift and Delete are words). Rows are sized in key units and stretched to
 * fill the box, so the same tables serve an 800 px Pi screen and a 1920 px monitor.
 *
 * Shift works on pages that come in case pairs: the letters (the layout's lower_page and
 * upper_page) and, in the UK layout, the accents pages (a pairing kept here, because the header's
 * layout only names one pair). Shift shows the upper page for one letter, a second tap locks
 * caps, a third goes back to lower case.
 *
 * All byte walking is text/utf8's: a key or a backspace never splits "ł", "€" or an emoji, and
 * the text never grows past its buffer or its character limit. */
#include "journey/keyboard.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "text/utf8.h"

enum { PAGE_LETTERS, PAGE_LETTERS_UPPER, PAGE_SYMBOLS, PAGE_ACCENTS, PAGE_ACCENTS_UPPER, N_PAGES };

/* The tables are laid out by hand, one line per keyboard row, so they read like the keyboard
 * they describe; clang-format would reflow them by byte count. */
// clang-format off

/* One key of each kind; C(t) types t and shows t. Widths are in key units. */
#define C(t)          {.text = (t), .action = KEY_CHAR, .width = 1.0f}
#define SHIFT         {.label = "Shift", .action = KEY_SHIFT, .width = 1.5f}
#define DELETE(w)     {.label = "Delete", .action = KEY_BACKSPACE, .width = (w)}
#define SPACE(w)      {.label = "Space", .action = KEY_SPACE, .width = (w)}
#define GOTO(l, p, w) {.label = (l), .action = KEY_PAGE, .page = (p), .width = (w)}
#define DONE(w)       {.label = "Done", .action = KEY_DONE, .width = (w)}

static const keyboard_page en_gb_pages[N_PAGES] = {
    /* Each page is {name, rows, keys per row, {rows of keys}}.
     * Letters: every row is 10 units. The apostrophe sits next to l as on a UK keyboard
     * (O'Brien, "don't"); comma and full stop are on the bottom row so a sentence needs no
     * page change. */
    [PAGE_LETTERS] = {"letters", 4, {10, 10, 9, 6}, {
        {C("q"), C("w"), C("e"), C("r"), C("t"), C("y"), C("u"), C("i"), C("o"), C("p")},
        {C("a"), C("s"), C("d"), C("f"), C("g"), C("h"), C("j"), C("k"), C("l"), C("'")},
        {SHIFT, C("z"), C("x"), C("c"), C("v"), C("b"), C("n"), C("m"), DELETE(1.5f)},
        {GOTO("123", PAGE_SYMBOLS, 1.5f), GOTO("àé", PAGE_ACCENTS, 1.5f), C(","),
         SPACE(3.0f), C("."), DONE(2.0f)},
    }},
    /* The same keys in the same places, in capitals. */
    [PAGE_LETTERS_UPPER] = {"LETTERS", 4, {10, 10, 9, 6}, {
        {C("Q"), C("W"), C("E"), C("R"), C("T"), C("Y"), C("U"), C("I"), C("O"), C("P")},
        {C("A"), C("S"), C("D"), C("F"), C("G"), C("H"), C("J"), C("K"), C("L"), C("'")},
        {SHIFT, C("Z"), C("X"), C("C"), C("V"), C("B"), C("N"), C("M"), DELETE(1.5f)},
        {GOTO("123", PAGE_SYMBOLS, 1.5f), GOTO("ÀÉ", PAGE_ACCENTS, 1.5f), C(","),
         SPACE(3.0f), C("."), DONE(2.0f)},
    }},
    /* Digits and the punctuation feedback needs: prices (£ €), percentages, ranges, e-mail
     * addresses (@ _ . -), quotes and hashtags. Every row is 10 units. */
    [PAGE_SYMBOLS] = {"123", 4, {10, 10, 9, 5}, {
        {C("1"), C("2"), C("3"), C("4"), C("5"), C("6"), C("7"), C("8"), C("9"), C("0")},
        {C("-"), C("/"), C(":"), C(";"), C("("), C(")"), C("£"), C("€"), C("&"), C("@")},
        {C("."), C(","), C("?"), C("!"), C("'"), C("\""), C("%"), C("+"), DELETE(2.0f)},
        {GOTO("ABC", PAGE_LETTERS, 1.5f), C("_"), SPACE(4.5f), C("#"), DONE(2.0f)},
    }},
    /* Accented letters of Polish, Slovak, Czech and Romanian names, grouped by base letter in
     * alphabetical order so "ł" is found near "l": 33 letters in three rows of 11 units, and
     * a control row of 11 units. Romanian ș and ț are the comma-below letters U+0219 and
     * U+021B (capitals U+0218, U+021A), not the cedilla ş ţ older fonts substituted; the tests
     * check the code points. */
    [PAGE_ACCENTS] = {"accents", 4, {11, 11, 11, 5}, {
        {C("á"), C("ä"), C("ą"), C("ă"), C("â"), C("ć"), C("č"), C("ď"), C("é"), C("ě"), C("ę")},
        {C("í"), C("î"), C("ł"), C("ľ"), C("ĺ"), C("ń"), C("ň"), C("ó"), C("ô"), C("ŕ"), C("ř")},
        {C("ś"), C("š"), C("ș"), C("ť"), C("ț"), C("ú"), C("ů"), C("ý"), C("ź"), C("ż"), C("ž")},
        {SHIFT, GOTO("ABC", PAGE_LETTERS, 1.5f), SPACE(4.0f), DELETE(2.0f), DONE(2.0f)},
    }},
    [PAGE_ACCENTS_UPPER] = {"ACCENTS", 4, {11, 11, 11, 5}, {
        {C("Á"), C("Ä"), C("Ą"), C("Ă"), C("Â"), C("Ć"), C("Č"), C("Ď"), C("É"), C("Ě"), C("Ę")},
        {C("Í"), C("Î"), C("Ł"), C("Ľ"), C("Ĺ"), C("Ń"), C("Ň"), C("Ó"), C("Ô"), C("Ŕ"), C("Ř")},
        {C("Ś"), C("Š"), C("Ș"), C("Ť"), C("Ț"), C("Ú"), C("Ů"), C("Ý"), C("Ź"), C("Ż"), C("Ž")},
        {SHIFT, GOTO("ABC", PAGE_LETTERS, 1.5f), SPACE(4.0f), DELETE(2.0f), DONE(2.0f)},
    }},
};

#undef C
#undef SHIFT
#undef DELETE
#undef SPACE
#undef GOTO
#undef DONE
// clang-format on

static const keyboard_layout en_gb = {
    .name = "en-GB",
    .n_pages = N_PAGES,
    .pages = en_gb_pages,
    .upper_page = PAGE_LETTERS_UPPER,
    .lower_page = PAGE_LETTERS,
};

/* Case pairs beyond the layout's own lower_page/upper_page. The header's keyboard_layout has
 * room for one pair, so the UK accents pair lives here, next to the tables it describes. */
typedef struct case_pair {
    int lower, upper;
} case_pair;

static const case_pair en_gb_extra_pairs[] = {{PAGE_ACCENTS, PAGE_ACCENTS_UPPER}};

const keyboard_layout *keyboard_layout_en_gb(void) { return &en_gb; }

/* The case pair page belongs to, if any: shift only means something on such pages. */
static bool case_pair_of(const keyboard_layout *layout, int page, case_pair *out) {
    if (page == layout->lower_page || page == layout->upper_page) {
        *out = (case_pair){layout->lower_page, layout->upper_page};
        return layout->lower_page != layout->upper_page;
    }
    if (layout == &en_gb) {
        for (size_t i = 0; i < sizeof en_gb_extra_pairs / sizeof en_gb_extra_pairs[0]; i++) {
            if (page == en_gb_extra_pairs[i].lower || page == en_gb_extra_pairs[i].upper) {
                *out = en_gb_extra_pairs[i];
                return true;
            }
        }
    }
    return false;
}

static const keyboard_page *current_page(const keyboard_state *k) {
    if (!k || !k->layout || !k->layout->pages) return NULL;
    if (k->page < 0 || k->page >= k->layout->n_pages) return NULL;
    return &k->layout->pages[k->page];
}

void keyboard_init(keyboard_state *k, const keyboard_layout *layout) {
    if (!k) return;
    if (!layout) layout = &en_gb;
    *k = (keyboard_state){.layout = layout, .page = layout->lower_page};
}

/* ---- Layout and hit-testing ---- */

static double key_units(const key_def *key) { return key->width > 0 ? (double)key->width : 1.0; }

/* Offset of the edge after `units` of `total` units across `span` px, rounded to a pixel. The
 * same arithmetic for a key's right edge and the next key's left edge keeps keys flush. */
static int edge(int span, double units, double total) {
    if (units >= total) return span; /* the last key ends exactly at the box's edge */
    return (int)(span * units / total + 0.5);
}

int keyboard_layout_keys(const keyboard_state *k, pk_rect box, int gap, key_rect *out) {
    const keyboard_page *page = current_page(k);
    if (!page || !out) return 0;
    int rows = page->n_rows;
    if (rows > KEYBOARD_MAX_ROWS) rows = KEYBOARD_MAX_ROWS;
    if (rows <= 0) return 0;
    if (gap < 0) gap = 0;
    int row_h = (box.h - gap * (rows - 1)) / rows;
    if (row_h < 0) row_h = 0;

    int n = 0;
    for (int r = 0; r < rows; r++) {
        int keys = page->n_keys[r];
        if (keys > KEYBOARD_MAX_KEYS_PER_ROW) keys = KEYBOARD_MAX_KEYS_PER_ROW;
        if (keys <= 0) continue;
        double total = 0;
        for (int i = 0; i < keys; i++) total += key_units(&page->keys[r][i]);
        /* The px left for keys once the gaps are taken out; each key gets its share. */
        int span = box.w - gap * (keys - 1);
        if (span < 0) span = 0;
        double before = 0;
        for (int i = 0; i < keys; i++) {
            const key_def *key = &page->keys[r][i];
            int x0 = edge(span, before, total);
            before += key_units(key);
            int x1 = edge(span, before, total);
            out[n].r = (pk_rect){box.x + x0 + i * gap, box.y + r * (row_h + gap), x1 - x0, row_h};
            out[n].key = key;
            n++;
        }
    }
    return n;
}

const key_def *keyboard_hit(const key_rect *keys, int n, int x, int y) {
    if (!keys) return NULL;
    for (int i = 0; i < n; i++)
        if (rect_contains(keys[i].r, x, y)) return keys[i].key;
    return NULL;
}

/* ---- Editing ---- */

/* Length in bytes and characters of text within a buffer of size bytes; false if the buffer
 * cannot be used (no room, or no NUL inside it). */
static bool text_extent(const char *text, int size, size_t *len, size_t *chars) {
    if (!text || size <= 0) return false;
    const char *nul = memchr(text, '\0', (size_t)size);
    if (!nul) return false;
    *len = (size_t)(nul - text);
    *chars = utf8_count(text, *len);
    return true;
}

/* Whether `bytes` more bytes forming `chars` more characters fit the buffer and the limit. */
static bool fits(size_t len, size_t chars, size_t bytes, size_t add_chars, int size,
                 int max_chars) {
    return max_chars >= 0 && len + bytes <= (size_t)size - 1 &&
           chars + add_chars <= (size_t)max_chars;
}

/* Characters a kiosk text never holds: C0 and C1 controls and DEL. A physical keyboard's Tab or
 * a pasted newline would otherwise end up in a one-line feedback field or the export. */
static bool is_control(uint32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp < 0xA0); }

/* Appends all of piece or nothing; piece must be valid UTF-8. */
static bool append_all(char *text, int size, int max_chars, const char *piece) {
    size_t len, chars;
    if (!piece || !text_extent(text, size, &len, &chars)) return false;
    size_t n = strlen(piece);
    if (n == 0 || !utf8_valid(piece, n)) return false;
    if (!fits(len, chars, n, utf8_count(piece, n), size, max_chars)) return false;
    memcpy(text + len, piece, n);
    text[len + n] = '\0';
    return true;
}

bool keyboard_type(char *text, int size, int max_chars, const char *utf8) {
    size_t len, chars;
    if (!utf8 || !text_extent(text, size, &len, &chars)) return false;
    size_t n = strlen(utf8);
    if (n == 0 || !utf8_valid(utf8, n)) return false;
    bool added = false;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = (size_t)utf8_decode(utf8 + i, n - i, &cp);
        if (!is_control(cp)) {
            /* Stop at the first character that does not fit rather than skip it: a shorter
             * character after it would make a different word. */
            if (!fits(len, chars, k, 1, size, max_chars)) break;
            memcpy(text + len, utf8 + i, k);
            len += k;
            chars++;
            text[len] = '\0';
            added = true;
        }
        i += k;
    }
    return added;
}

bool keyboard_backspace(char *text) {
    if (!text || text[0] == '\0') return false;
    size_t len = strlen(text);
    text[utf8_prev(text, len)] = '\0';
    return true;
}

/* Shift and caps cycle: off -> shift (one upper-case letter) -> caps -> off. */
static keyboard_result press_shift(keyboard_state *k) {
    case_pair pair;
    if (!case_pair_of(k->layout, k->page, &pair)) return KEYBOARD_NOTHING;
    if (k->caps) {
        k->caps = k->shift = false;
        k->page = pair.lower;
    } else if (k->shift) {
        k->shift = false;
        k->caps = true;
        k->page = pair.upper;
    } else {
        k->shift = true;
        k->page = pair.upper;
    }
    return KEYBOARD_PAGE_CHANGED;
}

/* A page key lands on the case its target should show: the upper half of a pair while shift or
 * caps is on (shift, àé, Ł gives "Ł"), the lower half otherwise. On a page without cases (123)
 * a pending shift is dropped, but caps lock stays, as on phone keyboards, so "ABC" comes back to
 * capitals. */
static keyboard_result press_page(keyboard_state *k, int target) {
    if (target < 0 || target >= k->layout->n_pages) return KEYBOARD_NOTHING;
    case_pair pair;
    if (case_pair_of(k->layout, target, &pair)) {
        k->page = (k->shift || k->caps) ? pair.upper : pair.lower;
    } else {
        k->page = target;
        k->shift = false;
    }
    return KEYBOARD_PAGE_CHANGED;
}

keyboard_result keyboard_press(keyboard_state *k, const key_def *key, char *text, int size,
                               int max_chars) {
    if (!k || !key || !current_page(k)) return KEYBOARD_NOTHING;
    switch (key->action) {
    case KEY_CHAR: {
        const char *t = key->text ? key->text : key->label;
        if (!append_all(text, size, max_chars, t)) return KEYBOARD_NOTHING;
        /* The visible page is already the upper one, so the key typed a capital; a one-shot
         * shift now returns to lower case. A refused key keeps the shift for the next try. */
        if (k->shift) {
            case_pair pair;
            k->shift = false;
            if (!k->caps && case_pair_of(k->layout, k->page, &pair)) k->page = pair.lower;
        }
        return KEYBOARD_EDITED;
    }
    /* Space does not use up a pending shift: shift is for the next letter. */
    case KEY_SPACE:
        return append_all(text, size, max_chars, " ") ? KEYBOARD_EDITED : KEYBOARD_NOTHING;
    case KEY_BACKSPACE: return keyboard_backspace(text) ? KEYBOARD_EDITED : KEYBOARD_NOTHING;
    case KEY_SHIFT: return press_shift(k);
    case KEY_PAGE: return press_page(k, key->page);
    case KEY_DONE: return KEYBOARD_DONE;
    }
    return KEYBOARD_NOTHING;
}
