/* keyboard: the little logic that applies a key to a text, lays keys out and runs the long
 * press. The keys themselves are data: assets/keyboards/<language>.yaml, read by keyboard_file.c.
 *
 * Rows are sized in key units and stretched to fill the box, so the same file serves an 800 px
 * Pi screen and a 1920 px monitor. Shift works on pages that come in case pairs (each page
 * names its pair: the letters and, in most layouts, the accents): Shift shows the upper page
 * for one letter, a second tap locks caps, a third goes back to lower case. In the Urdu layout
 * the "upper" page holds the letters a phonetic keyboard puts under Shift, and works the same.
 *
 * All byte walking is text/utf8's: a key or a backspace never splits "ł", "€", "ں" or an emoji,
 * and the text never grows past its buffer or its character limit. Backspace removes the
 * logically last character, which in Urdu is the one drawn leftmost: the text is stored in
 * logical order and only drawn right to left. */
#include "journey/keyboard.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "text/utf8.h"

/* The case pair page belongs to, if any: shift only means something on such pages. */
static bool case_pair_of(const keyboard_layout *layout, int page, int *lower, int *upper) {
    if (!layout || page < 0 || page >= layout->n_pages) return false;
    const keyboard_page *p = &layout->pages[page];
    if (p->lower < 0 || p->upper < 0 || p->lower == p->upper) return false;
    *lower = p->lower;
    *upper = p->upper;
    return true;
}

static const keyboard_page *current_page(const keyboard_state *k) {
    if (!k || !k->layout || !k->layout->pages) return NULL;
    if (k->page < 0 || k->page >= k->layout->n_pages) return NULL;
    return &k->layout->pages[k->page];
}

void keyboard_init(keyboard_state *k, const keyboard_layout *layout) {
    if (!k) return;
    *k = (keyboard_state){.layout = layout, .page = layout ? layout->lower_page : 0, .popup_hot = -1};
}

void keyboard_set_layout(keyboard_state *k, const keyboard_layout *layout) {
    if (k && k->layout != layout) keyboard_init(k, layout);
    else if (k) keyboard_popup_close(k);
}

const char *keyboard_key_label(const key_def *key, const char *const *ui) {
    if (!key) return "";
    if (key->wording >= 0 && ui && ui[key->wording]) return ui[key->wording];
    if (key->label) return key->label;
    return key->text ? key->text : "";
}

int keyboard_max_rows(const keyboard_layout *layout) {
    int rows = 0;
    for (int p = 0; layout && p < layout->n_pages; p++)
        if (layout->pages[p].n_rows > rows) rows = layout->pages[p].n_rows;
    return rows;
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

size_t keyboard_typeable(const char *utf8) {
    size_t n = 0, len = strlen(utf8);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += (size_t)utf8_decode(utf8 + i, len - i, &cp);
        n += !is_control(cp);
    }
    return n;
}

bool keyboard_full(const char *text, int size, int max_chars) {
    size_t len, chars;
    return !text_extent(text, size, &len, &chars) || !fits(len, chars, 4, 1, size, max_chars);
}

bool keyboard_backspace(char *text) {
    if (!text || text[0] == '\0') return false;
    size_t len = strlen(text);
    text[utf8_prev(text, len)] = '\0';
    return true;
}

/* Shift and caps cycle: off -> shift (one upper-case letter) -> caps -> off. */
static keyboard_result press_shift(keyboard_state *k) {
    int lower, upper;
    if (!case_pair_of(k->layout, k->page, &lower, &upper)) return KEYBOARD_NOTHING;
    if (k->caps) {
        k->caps = k->shift = false;
        k->page = lower;
    } else if (k->shift) {
        k->shift = false;
        k->caps = true;
        k->page = upper;
    } else {
        k->shift = true;
        k->page = upper;
    }
    return KEYBOARD_PAGE_CHANGED;
}

/* A page key lands on the case its target should show: the upper half of a pair while shift or
 * caps is on (shift, àé, Ł gives "Ł"), the lower half otherwise. On a page without cases (123)
 * a pending shift is dropped, but caps lock stays, as on phone keyboards, so "ABC" comes back to
 * capitals. */
static keyboard_result press_page(keyboard_state *k, int target) {
    if (target < 0 || target >= k->layout->n_pages) return KEYBOARD_NOTHING;
    int lower, upper;
    if (case_pair_of(k->layout, target, &lower, &upper)) {
        k->page = (k->shift || k->caps) ? upper : lower;
    } else {
        k->page = target;
        k->shift = false;
    }
    return KEYBOARD_PAGE_CHANGED;
}

keyboard_result keyboard_press(keyboard_state *k, const key_def *key, char *text, int size,
                               int max_chars) {
    if (!k || !key || !current_page(k)) return KEYBOARD_NOTHING;
    keyboard_popup_close(k);
    switch (key->action) {
    case KEY_CHAR: {
        const char *t = key->text ? key->text : key->label;
        if (!append_all(text, size, max_chars, t)) return KEYBOARD_NOTHING;
        /* The visible page is already the upper one, so the key typed a capital; a one-shot
         * shift now returns to lower case. A refused key keeps the shift for the next try. */
        if (k->shift) {
            int lower, upper;
            k->shift = false;
            if (!k->caps && case_pair_of(k->layout, k->page, &lower, &upper)) k->page = lower;
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

/* ---- Long press ---- */

void keyboard_hold_start(keyboard_state *k, const key_def *key, uint64_t now) {
    if (!k) return;
    k->held = key && key->n_more > 0 && key->more ? key : NULL;
    k->held_at = now;
}

void keyboard_hold_cancel(keyboard_state *k) {
    if (k) k->held = NULL;
}

bool keyboard_hold_tick(keyboard_state *k, uint64_t now) {
    if (!k || !k->held || now - k->held_at < KEYBOARD_HOLD_MS) return false;
    k->popup_key = k->held;
    k->held = NULL;
    k->popup_hot = -1;
    k->popup_dragging = true;
    return true;
}

int keyboard_hold_wait(const keyboard_state *k, uint64_t now) {
    if (!k || !k->held) return -1;
    uint64_t due = k->held_at + KEYBOARD_HOLD_MS;
    return due > now ? (int)(due - now) : 0;
}

bool keyboard_popup_open(const keyboard_state *k) { return k && k->popup_key; }

bool keyboard_popup_hover(keyboard_state *k, int index) {
    if (!keyboard_popup_open(k)) return false;
    if (index < -1 || index >= k->popup_key->n_more) index = -1;
    if (index == k->popup_hot) return false;
    k->popup_hot = index;
    return true;
}

void keyboard_popup_close(keyboard_state *k) {
    if (!k) return;
    k->popup_key = NULL;
    k->popup_hot = -1;
    k->popup_dragging = false;
    k->held = NULL;
}

int keyboard_popup_layout(const keyboard_state *k, pk_rect anchor, pk_rect bounds, int cell,
                          int gap, key_rect *out) {
    if (!keyboard_popup_open(k) || !out) return 0;
    int n = k->popup_key->n_more;
    if (n > KEYBOARD_MAX_MORE) n = KEYBOARD_MAX_MORE;
    /* Cells as big as the key under the finger, never below a touch target; narrower only if
     * the row would not fit the screen otherwise. */
    int w = anchor.w > cell ? anchor.w : cell, h = anchor.h > cell ? anchor.h : cell;
    if (gap < 0) gap = 0;
    if (n * w + (n - 1) * gap > bounds.w) w = (bounds.w - (n - 1) * gap) / n;
    int row_w = n * w + (n - 1) * gap;
    int x = anchor.x + anchor.w / 2 - row_w / 2;
    if (x + row_w > bounds.x + bounds.w) x = bounds.x + bounds.w - row_w;
    if (x < bounds.x) x = bounds.x;
    /* Above the key, where the finger does not hide it; below only when there is no room. */
    int y = anchor.y - gap - h;
    if (y < bounds.y) y = anchor.y + anchor.h + gap;
    if (y + h > bounds.y + bounds.h) y = bounds.y + bounds.h - h;
    for (int i = 0; i < n; i++) {
        out[i].r = (pk_rect){x + i * (w + gap), y, w, h};
        out[i].key = &k->popup_key->more[i];
    }
    return n;
}
