/* fuzz_keyboard: on-screen keyboard files (keyboard_file_load_string) on any bytes, then the
 * keyboard module at work on every layout that loads.
 *
 * A council can add a language by writing a keyboard file, so the reader must turn any bytes
 * into a layout or messages at FILE:LINE:COLUMN, never a crash or a leak. A layout it accepts
 * is promised to be safe to type on: every page is laid out at a wide and a narrow screen,
 * every key is hit-tested and pressed (with Shift and Caps Lock), every long press opens its
 * popup, and the text typed never overflows its buffer or its character limit. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/keyboard_file.h"
#include "journey/keyboard.h"
#include "text/utf8.h"

#define NAME "fuzz.yaml"
#define TEXT_SIZE 64
#define MAX_CHARS 20

static void fail(const char *why) {
    fprintf(stderr, "fuzz_keyboard: %s\n", why);
    abort();
}

static void check_text(const char *text) {
    size_t n = strlen(text);
    if (n >= TEXT_SIZE) fail("typed text overflowed its buffer");
    if (utf8_count(text, n) > MAX_CHARS) fail("typed text went past its character limit");
    if (!utf8_valid(text, n)) fail("typing produced invalid UTF-8");
}

/* Lays the current page out in box, presses each key once, opens each key's variants. */
static void type_on_page(keyboard_state *k, pk_rect box, char *text) {
    key_rect keys[KEYBOARD_MAX_KEYS], cells[KEYBOARD_MAX_MORE];
    int n = keyboard_layout_keys(k, box, 6, keys);
    if (n < 0 || n > KEYBOARD_MAX_KEYS) fail("key count out of range");
    for (int i = 0; i < n; i++) {
        const key_def *hit =
            keyboard_hit(keys, n, keys[i].r.x + keys[i].r.w / 2, keys[i].r.y + keys[i].r.h / 2);
        (void)hit;
        const key_def *key = keys[i].key;
        if (!key) fail("a laid-out key without its definition");
        if (!keyboard_key_label(key, NULL)) fail("a key without a label");
        int page = k->page;
        keyboard_press(k, key, text, TEXT_SIZE, MAX_CHARS);
        check_text(text);
        if (k->page < 0 || k->page >= k->layout->n_pages)
            fail("pressing a key left the layout's pages");
        k->page = page; /* stay on this page for the next key */
        keyboard_hold_start(k, key, 1000);
        if (keyboard_hold_tick(k, 1000 + KEYBOARD_HOLD_MS)) {
            int m = keyboard_popup_layout(k, keys[i].r, box, 40, 4, cells);
            if (m < 0 || m > KEYBOARD_MAX_MORE) fail("popup cell count out of range");
            for (int j = 0; j < m; j++) keyboard_popup_hover(k, j);
            if (m > 0) {
                keyboard_press(k, cells[m - 1].key, text, TEXT_SIZE, MAX_CHARS);
                check_text(text);
            }
            keyboard_popup_close(k);
        }
        keyboard_hold_cancel(k);
        if (strlen(text) > TEXT_SIZE / 2) keyboard_backspace(text);
    }
}

static void type_everywhere(const keyboard_layout *layout) {
    static const pk_rect boxes[] = {{0, 600, 1920, 480}, {0, 1400, 1080, 520}, {0, 300, 320, 180}};
    char text[TEXT_SIZE] = "";
    keyboard_state k;
    keyboard_init(&k, layout);
    if (keyboard_max_rows(layout) > KEYBOARD_MAX_ROWS) fail("more rows than a page holds");
    for (int p = 0; p < layout->n_pages; p++) {
        for (size_t b = 0; b < sizeof boxes / sizeof boxes[0]; b++) {
            for (int mode = 0; mode < 3; mode++) { /* plain, shift, caps lock */
                k.page = p;
                k.shift = mode == 1;
                k.caps = mode == 2;
                type_on_page(&k, boxes[b], text);
            }
        }
    }
    while (keyboard_backspace(text)) check_text(text);
    if (text[0]) fail("backspace left text behind");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static diag_list diags;
    diags.count = diags.dropped = 0;
    char *text = malloc(size + 1);
    if (!text) return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    arena mem = {0};
    const keyboard_layout *layout = keyboard_file_load_string(text, NAME, &mem, &diags);
    if (!layout && diags.count == 0) fail("no layout and no message saying why");
    if (layout && diags.count + diags.dropped) fail("a layout returned with problems");
    for (int i = 0; i < diags.count; i++) {
        int line = 0, col = 0;
        if ((sscanf(diags.items[i], NAME ":%d:%d:", &line, &col) != 2 || line < 1 || col < 1) &&
            !strstr(diags.items[i], ", not empty")) { /* an empty file has nowhere to point */
            fprintf(stderr, "fuzz_keyboard: a message without LINE:COLUMN: %s\n", diags.items[i]);
            abort();
        }
    }
    if (layout) {
        if (layout->n_pages < 1 || layout->n_pages > KEYBOARD_MAX_PAGES)
            fail("page count out of range");
        type_everywhere(layout);
    }
    arena_free(&mem);
    free(text);
    return 0;
}
