/* keyboard: a visitor can type a name such as "Zażółć" or a price such as "£5" on the touch
 * keyboard, every key is big enough to hit and drawn without missing-glyph boxes, and no key or
 * backspace ever splits a character or overflows the field. */
#include <SDL_ttf.h>

#include <dirent.h>
#include <stdlib.h>

#include "check.h"
#include "journey/keyboard.h"
#include "journey/keyboard_file.h"
#include "journey/ui_text.h"
#include "text/utf8.h"

#define KEYBOARDS TEST_SOURCE_DIR "/assets/keyboards/"

static arena mem; /* every layout read here; freed at the end */
static const char *english[UI_COUNT]; /* the default wording: "Shift", "Space", "Done" */

/* A shipped keyboard file, read once; the test fails (and NULL) if it has problems. */
static const keyboard_layout *shipped(const char *file) {
    static struct { char file[64]; const keyboard_layout *kb; } seen[16];
    static int n_seen;
    for (int i = 0; i < n_seen; i++)
        if (!strcmp(seen[i].file, file)) return seen[i].kb;
    char path[512];
    snprintf(path, sizeof path, "%s%s", KEYBOARDS, file);
    diag_list *d = calloc(1, sizeof *d);
    const keyboard_layout *kb = keyboard_file_load(path, &mem, d);
    diag_print(d, stderr);
    free(d);
    CHECK(kb != NULL);
    if (n_seen < 16) {
        snprintf(seen[n_seen].file, sizeof seen[n_seen].file, "%s", file);
        seen[n_seen++].kb = kb;
    }
    return kb;
}

static const keyboard_layout *keyboard_layout_en_gb(void) { return shipped("en-GB.yaml"); }

static const char *key_label(const key_def *key) { return keyboard_key_label(key, english); }

/* The key labelled `label` on the page the keyboard shows now, or NULL. */
static const key_def *find_key(const keyboard_state *k, const char *label) {
    const keyboard_page *page = &k->layout->pages[k->page];
    for (int r = 0; r < page->n_rows; r++)
        for (int i = 0; i < page->n_keys[r]; i++)
            if (key_label(&page->keys[r][i]) && strcmp(key_label(&page->keys[r][i]), label) == 0)
                return &page->keys[r][i];
    return NULL;
}

/* Taps the key labelled `label` on the current page, as a finger would. */
static keyboard_result tap(keyboard_state *k, const char *label, char *text, int size,
                           int max_chars) {
    const key_def *key = find_key(k, label);
    if (!key) {
        fprintf(stderr, "  no key \"%s\" on page \"%s\"\n", label, k->layout->pages[k->page].name);
        CHECK(key != NULL);
        return KEYBOARD_NOTHING;
    }
    return keyboard_press(k, key, text, size, max_chars);
}

static const char *page_name(const keyboard_state *k) { return k->layout->pages[k->page].name; }

/* ---- The tables ---- */

static void tables_are_complete(void) {
    const keyboard_layout *L = keyboard_layout_en_gb();
    CHECK_STR(L->name, "en-GB");
    CHECK(L->n_pages >= 5);
    CHECK_STR(L->pages[L->lower_page].name, "letters");
    CHECK_STR(L->pages[L->upper_page].name, "LETTERS");
    for (int p = 0; p < L->n_pages; p++) {
        const keyboard_page *page = &L->pages[p];
        CHECK(page->n_rows >= 1 && page->n_rows <= KEYBOARD_MAX_ROWS);
        bool done = false, del = false, back = p == L->lower_page || p == L->upper_page;
        for (int r = 0; r < page->n_rows; r++) {
            CHECK(page->n_keys[r] >= 1 && page->n_keys[r] <= KEYBOARD_MAX_KEYS_PER_ROW);
            for (int i = 0; i < page->n_keys[r]; i++) {
                const key_def *key = &page->keys[r][i];
                CHECK(key_label(key) != NULL);
                if (key->action == KEY_CHAR) CHECK(key->text && key->text[0]);
                if (key->action == KEY_PAGE) CHECK(key->page >= 0 && key->page < L->n_pages);
                if (key->action == KEY_PAGE && key->page == L->lower_page) back = true;
                if (key->action == KEY_DONE) done = true;
                if (key->action == KEY_BACKSPACE) del = true;
            }
            /* Nothing past n_keys: a key left out of the count would be invisible. */
            for (int i = page->n_keys[r]; i < KEYBOARD_MAX_KEYS_PER_ROW; i++)
                CHECK(page->keys[r][i].label == NULL && page->keys[r][i].text == NULL);
        }
        /* Every page can finish, correct a mistake and get back to the letters. */
        CHECK(done);
        CHECK(del);
        CHECK(back);
    }
}

/* Shift must not move keys under the finger: each upper page has the lower page's shape. */
static void upper_pages_match_lower(void) {
    const keyboard_layout *L = keyboard_layout_en_gb();
    keyboard_state k;
    keyboard_init(&k, L);
    const char *pairs[][2] = {{"letters", "LETTERS"}, {"accents", "ACCENTS"}};
    for (int n = 0; n < 2; n++) {
        const keyboard_page *lo = NULL, *up = NULL;
        for (int p = 0; p < L->n_pages; p++) {
            if (strcmp(L->pages[p].name, pairs[n][0]) == 0) lo = &L->pages[p];
            if (strcmp(L->pages[p].name, pairs[n][1]) == 0) up = &L->pages[p];
        }
        CHECK(lo && up);
        if (!lo || !up) continue;
        CHECK_INT(up->n_rows, lo->n_rows);
        for (int r = 0; r < lo->n_rows; r++) {
            CHECK_INT(up->n_keys[r], lo->n_keys[r]);
            for (int i = 0; i < lo->n_keys[r]; i++) {
                CHECK(up->keys[r][i].width == lo->keys[r][i].width);
                CHECK_INT(up->keys[r][i].action, lo->keys[r][i].action);
            }
        }
    }
}

/* The Romanian letters are the comma-below ș ț (U+0219, U+021B), never the cedilla ş ţ. */
static void romanian_comma_below(void) {
    const keyboard_layout *L = keyboard_layout_en_gb();
    int comma_below = 0, cedilla = 0;
    for (int p = 0; p < L->n_pages; p++)
        for (int r = 0; r < L->pages[p].n_rows; r++)
            for (int i = 0; i < L->pages[p].n_keys[r]; i++) {
                const char *t = L->pages[p].keys[r][i].text;
                if (!t) continue;
                uint32_t cp = 0;
                utf8_decode(t, strlen(t), &cp);
                if (cp == 0x218 || cp == 0x219 || cp == 0x21A || cp == 0x21B) comma_below++;
                if (cp == 0x15E || cp == 0x15F || cp == 0x162 || cp == 0x163) cedilla++;
            }
    CHECK_INT(comma_below, 4);
    CHECK_INT(cedilla, 0);
}

/* Every letter the header promises is on the accents pages. */
static void accents_cover_the_names(void) {
    const char *letters = "ąćęłńóśźżáčďéěíľĺňôŕřšťúůýžäăâîșț"
                          "ĄĆĘŁŃÓŚŹŻÁČĎÉĚÍĽĹŇÔŔŘŠŤÚŮÝŽÄĂÂÎȘȚ";
    keyboard_state k;
    keyboard_init(&k, keyboard_layout_en_gb());
    size_t n = strlen(letters);
    for (size_t i = 0; i < n;) {
        char one[8] = {0};
        uint32_t cp;
        int len = utf8_decode(letters + i, n - i, &cp);
        memcpy(one, letters + i, (size_t)len);
        i += (size_t)len;
        bool found = false;
        for (int p = 0; p < k.layout->n_pages && !found; p++) {
            k.page = p;
            found = find_key(&k, one) != NULL;
        }
        if (!found) fprintf(stderr, "  missing %s (U+%04X)\n", one, (unsigned)cp);
        CHECK(found);
    }
}

/* ---- Geometry ---- */

static void check_page_geometry(keyboard_state *k, pk_rect box, int gap, int min_side) {
    key_rect keys[KEYBOARD_MAX_KEYS];
    const keyboard_page *page = &k->layout->pages[k->page];
    int n = keyboard_layout_keys(k, box, gap, keys);
    int expected = 0;
    for (int r = 0; r < page->n_rows; r++) expected += page->n_keys[r];
    CHECK_INT(n, expected);
    for (int i = 0; i < n; i++) {
        pk_rect r = keys[i].r;
        CHECK(rect_inside(r, box));
        CHECK_INT(r.h, keys[0].r.h); /* equal rows */
        if (min_side) {
            if (r.w < min_side || r.h < min_side)
                fprintf(stderr, "  %s \"%s\" is %dx%d in %dx%d\n", page_name(k),
                        key_label(keys[i].key), r.w, r.h, box.w, box.h);
            CHECK(r.w >= min_side);
            CHECK(r.h >= min_side);
        }
        for (int j = i + 1; j < n; j++) CHECK(!rect_overlap(r, keys[j].r));
        /* The centre of a key types that key. */
        CHECK(keyboard_hit(keys, n, r.x + r.w / 2, r.y + r.h / 2) == keys[i].key);
        /* Corners are inside too: the key is exactly what is drawn. */
        CHECK(keyboard_hit(keys, n, r.x, r.y) == keys[i].key);
        CHECK(keyboard_hit(keys, n, r.x + r.w - 1, r.y + r.h - 1) == keys[i].key);
        bool row_end = i + 1 == n || keys[i + 1].r.y != r.y;
        bool row_start = i == 0 || keys[i - 1].r.y != r.y;
        if (row_start) CHECK_INT(r.x, box.x);
        if (row_end) {
            CHECK_INT(r.x + r.w, box.x + box.w); /* rows fill the width exactly */
        } else {
            /* Exactly one gap to the next key, and a tap in it hits nothing. */
            CHECK_INT(keys[i + 1].r.x, r.x + r.w + gap);
            for (int g = 0; g < gap; g++)
                CHECK(keyboard_hit(keys, n, r.x + r.w + g, r.y + r.h / 2) == NULL);
        }
        /* The gap below a row hits nothing either. */
        if (row_end && i + 1 < n) {
            CHECK_INT(keys[i + 1].r.y, r.y + r.h + gap);
            for (int g = 0; g < gap; g++)
                CHECK(keyboard_hit(keys, n, r.x + r.w / 2, r.y + r.h + g) == NULL);
        }
    }
    /* Outside the box hits nothing. */
    CHECK(keyboard_hit(keys, n, box.x - 1, box.y + box.h / 2) == NULL);
    CHECK(keyboard_hit(keys, n, box.x + box.w, box.y + box.h / 2) == NULL);
    CHECK(keyboard_hit(keys, n, box.x + box.w / 2, box.y - 1) == NULL);
}

static void layout_every_page(void) {
    keyboard_state k;
    keyboard_init(&k, keyboard_layout_en_gb());
    for (int p = 0; p < k.layout->n_pages; p++) {
        k.page = p;
        /* The 800x480 Pi screen, keyboard in the bottom 220 px: a one-unit key is about 67 px
         * (11-unit accents rows) to 75 px (10-unit rows) wide and 50 px tall. The 44 px floor
         * is not asserted here because this box's height is the screen's choice, not ours. */
        check_page_geometry(&k, (pk_rect){0, 260, 800, 220}, 6, 0);
        /* 1920x1080 monitor and 1080x1920 totem: every key at least 44 px each way. */
        check_page_geometry(&k, (pk_rect){0, 580, 1920, 500}, 8, 44);
        check_page_geometry(&k, (pk_rect){0, 1220, 1080, 700}, 8, 44);
        check_page_geometry(&k, (pk_rect){37, 11, 1003, 401}, 7, 44); /* odd sizes and offsets */
    }
    /* On the Pi a letter key is still comfortably wide. */
    k.page = k.layout->lower_page;
    key_rect keys[KEYBOARD_MAX_KEYS];
    int n = keyboard_layout_keys(&k, (pk_rect){0, 260, 800, 220}, 6, keys);
    CHECK(n > 0);
    CHECK(keys[0].r.w >= 70 && keys[0].r.w <= 80);
    CHECK_INT(keys[0].r.h, 50);
}

static void wider_keys_are_wider(void) {
    keyboard_state k;
    keyboard_init(&k, keyboard_layout_en_gb());
    key_rect keys[KEYBOARD_MAX_KEYS];
    int n = keyboard_layout_keys(&k, (pk_rect){0, 0, 1000, 400}, 0, keys);
    const key_def *space = find_key(&k, "Space"), *q = find_key(&k, "q");
    int space_w = 0, q_w = 0;
    for (int i = 0; i < n; i++) {
        if (keys[i].key == space) space_w = keys[i].r.w;
        if (keys[i].key == q) q_w = keys[i].r.w;
    }
    CHECK_INT(q_w, 100);
    CHECK_INT(space_w, (int)(space->width * 100));
}

static void layout_degenerate(void) {
    keyboard_state k;
    keyboard_init(&k, keyboard_layout_en_gb());
    key_rect keys[KEYBOARD_MAX_KEYS];
    /* A box too small for its gaps makes empty keys that nothing can hit, not a crash. */
    int n = keyboard_layout_keys(&k, (pk_rect){0, 0, 5, 5}, 6, keys);
    CHECK(n > 0);
    for (int i = 0; i < n; i++) CHECK(keys[i].r.w >= 0 && keys[i].r.h >= 0);
    k.page = 99;
    CHECK_INT(keyboard_layout_keys(&k, (pk_rect){0, 0, 800, 220}, 6, keys), 0);
    CHECK(keyboard_hit(keys, 0, 1, 1) == NULL);
    CHECK(keyboard_hit(NULL, 3, 1, 1) == NULL);
}

/* ---- Typing ---- */

static void type_hello_with_shift(void) {
    keyboard_state k;
    keyboard_init(&k, keyboard_layout_en_gb());
    char text[64] = "";
    CHECK_STR(page_name(&k), "letters");
    CHECK_INT(tap(&k, "Shift", text, sizeof text, 40), KEYBOARD_PAGE_CHANGED);
    CHECK(k.shift && !k.caps);
    CHECK_STR(page_name(&k), "LETTERS");
    CHECK_INT(tap(&k, "H", text, sizeof text, 40), KEYBOARD_EDITED);
    /* One capital, then lower case again. */
    CHECK(!k.shift);
    CHECK_STR(page_name(&k), "letters");
    tap(&k, "e", text, sizeof text, 40);
    tap(&k, "l", text, sizeof text, 40);
    tap(&k, "l", text, sizeof text, 40);
    tap(&k, "o", text, sizeof text, 40);
    CHECK_STR(text, "Hello");
    CHECK_INT(tap(&k, ",", text, sizeof text, 40), KEYBOARD_EDITED);
    CHECK_INT(tap(&k, "Space", text, sizeof text, 40), KEYBOARD_EDITED);
    CHECK_STR(text, "Hello, ");
    CHECK_INT(tap(&k, "Done", text, sizeof text, 40), KEYBOARD_DONE);
    CHECK_STR(text, "Hello, ");
}

static void caps_lock(void) {
    keyboard_state k;
    keyboard_init(&k, keyboard_layout_en_gb());
    char text[64] = "";
    tap(&k, "Shift", text, sizeof text, 40);
    CHECK_INT(tap(&k, "Shift", text, sizeof text, 40), KEYBOARD_PAGE_CHANGED);
    CHECK(k.caps && !k.shift);
    tap(&k, "A", text, sizeof text, 40);
    tap(&k, "B", text, sizeof text, 40);
    tap(&k, "C", text, sizeof text, 40);
    CHECK_STR(text, "ABC");
    CHECK_STR(page_name(&k), "LETTERS");
    /* Caps survives a trip to the digits and back. */
    tap(&k, "123", text, sizeof text, 40);
    CHECK_STR(page_name(&k), "123");
    tap(&k, "1", text, sizeof text, 40);
    tap(&k, "ABC", text, sizeof text, 40);
    CHECK_STR(page_name(&k), "LETTERS");
    CHECK(k.caps);
    /* A third tap turns it off. */
    tap(&k, "Shift", text, sizeof text, 40);
    CHECK(!k.caps && !k.shift);
    CHECK_STR(page_name(&k), "letters");
    tap(&k, "d", text, sizeof text, 40);
    CHECK_STR(text, "ABC1d");
}

static void shift_space_and_refusal(void) {
    keyboard_state k;
    keyboard_init(&k, keyboard_layout_en_gb());
    char text[8] = "abcdef"; /* room for one more byte */
    tap(&k, "Shift", text, sizeof text, 40);
    /* Space does not use up the shift: it is for the next letter. */
    CHECK_INT(tap(&k, "Space", text, sizeof text, 40), KEYBOARD_EDITED);
    CHECK(k.shift);
    /* A refused letter keeps the shift too. */
    CHECK_INT(tap(&k, "Q", text, sizeof text, 40), KEYBOARD_NOTHING);
    CHECK(k.shift);
    CHECK_STR(page_name(&k), "LETTERS");
    CHECK_STR(text, "abcdef ");
    tap(&k, "Delete", text, sizeof text, 40);
    CHECK_INT(tap(&k, "Q", text, sizeof text, 40), KEYBOARD_EDITED);
    CHECK_STR(text, "abcdefQ");
    CHECK(!k.shift);
    /* The digits page has no cases: shift is dropped on the way there. */
    tap(&k, "Shift", text, sizeof text, 40);
    tap(&k, "123", text, sizeof text, 40);
    CHECK(!k.shift && !k.caps);
    CHECK(find_key(&k, "Shift") == NULL);
}

static void type_polish_and_pounds(void) {
    keyboard_state k;
    keyboard_init(&k, keyboard_layout_en_gb());
    char text[64] = "";
    const int size = sizeof text, max = 40;
    tap(&k, "Shift", text, size, max);
    tap(&k, "Z", text, size, max);
    tap(&k, "a", text, size, max);
    CHECK_INT(tap(&k, "àé", text, size, max), KEYBOARD_PAGE_CHANGED);
    CHECK_STR(page_name(&k), "accents");
    tap(&k, "ż", text, size, max);
    tap(&k, "ó", text, size, max);
    tap(&k, "ł", text, size, max);
    tap(&k, "ć", text, size, max);
    tap(&k, "Space", text, size, max);
    tap(&k, "ABC", text, size, max);
    tap(&k, "123", text, size, max);
    tap(&k, "£", text, size, max);
    tap(&k, "5", text, size, max);
    CHECK_STR(text, "Za\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87 \xC2\xA3"
                    "5");
    CHECK_INT(utf8_count(text, strlen(text)), 9);
    tap(&k, "€", text, size, max);
    CHECK_STR(text + strlen(text) - 3, "\xE2\x82\xAC");
}

static void romanian_and_capital_accents(void) {
    keyboard_state k;
    keyboard_init(&k, keyboard_layout_en_gb());
    char text[64] = "";
    const int size = sizeof text, max = 40;
    tap(&k, "àé", text, size, max);
    tap(&k, "ș", text, size, max);
    CHECK_STR(text, "\xC8\x99"); /* U+0219 */
    /* Shift on the accents page gives the capitals, for one letter. */
    tap(&k, "Shift", text, size, max);
    CHECK_STR(page_name(&k), "ACCENTS");
    tap(&k, "Ț", text, size, max);
    CHECK_STR(page_name(&k), "accents");
    tap(&k, "ț", text, size, max);
    CHECK_STR(text, "\xC8\x99\xC8\x9A\xC8\x9B");
    /* Shift on the letters page carries over to the accents: Shift, ÀÉ, Ł types "Ł". */
    tap(&k, "ABC", text, size, max);
    CHECK_STR(page_name(&k), "letters");
    tap(&k, "Shift", text, size, max);
    tap(&k, "ÀÉ", text, size, max);
    CHECK_STR(page_name(&k), "ACCENTS");
    tap(&k, "Ł", text, size, max);
    CHECK_STR(page_name(&k), "accents");
    tap(&k, "ó", text, size, max);
    CHECK_STR(text, "\xC8\x99\xC8\x9A\xC8\x9B\xC5\x81\xC3\xB3");
    /* Caps lock on the accents page. */
    tap(&k, "Shift", text, size, max);
    tap(&k, "Shift", text, size, max);
    tap(&k, "Ž", text, size, max);
    tap(&k, "Ř", text, size, max);
    CHECK(k.caps);
    CHECK_STR(page_name(&k), "ACCENTS");
    CHECK_STR(text + strlen(text) - 4, "ŽŘ");
}

static void backspace_whole_characters(void) {
    char text[32] = "z\xC5\x82\xE2\x82\xAC\xF0\x9F\x98\x80"; /* zł€😀 */
    CHECK(keyboard_backspace(text));
    CHECK_STR(text, "zł€");
    CHECK(keyboard_backspace(text));
    CHECK_STR(text, "zł");
    CHECK(keyboard_backspace(text));
    CHECK_STR(text, "z");
    CHECK(keyboard_backspace(text));
    CHECK_STR(text, "");
    CHECK(!keyboard_backspace(text));
    CHECK_STR(text, "");
    CHECK(!keyboard_backspace(NULL));

    /* The same through the Delete key. */
    keyboard_state k;
    keyboard_init(&k, keyboard_layout_en_gb());
    strcpy(text, "ść");
    CHECK_INT(tap(&k, "Delete", text, sizeof text, 40), KEYBOARD_EDITED);
    CHECK_STR(text, "ś");
    CHECK(utf8_valid(text, strlen(text)));
    CHECK_INT(tap(&k, "Delete", text, sizeof text, 40), KEYBOARD_EDITED);
    CHECK_INT(tap(&k, "Delete", text, sizeof text, 40), KEYBOARD_NOTHING);
    CHECK_STR(text, "");
}

static void limits(void) {
    keyboard_state k;
    keyboard_init(&k, keyboard_layout_en_gb());
    k.page = 3; /* accents */
    CHECK_STR(page_name(&k), "accents");
    char text[64] = "";
    int edited = 0;
    for (int i = 0; i < 8; i++)
        if (tap(&k, "ż", text, sizeof text, 5) == KEYBOARD_EDITED) edited++;
    CHECK_INT(edited, 5);
    CHECK_INT(utf8_count(text, strlen(text)), 5);
    CHECK_INT(strlen(text), 10);
    CHECK_INT(tap(&k, "Space", text, sizeof text, 5), KEYBOARD_NOTHING);
    CHECK(!keyboard_type(text, sizeof text, 5, "a"));

    /* A buffer with one byte left cannot take "ż": the text stays whole. */
    char small[3] = "a";
    CHECK_INT(tap(&k, "ż", small, sizeof small, 40), KEYBOARD_NOTHING);
    CHECK_STR(small, "a");
    CHECK(utf8_valid(small, strlen(small)));
    CHECK(!keyboard_type(small, sizeof small, 40, "ż"));
    CHECK_STR(small, "a");
    char exact[4] = "a"; /* exactly room for it */
    CHECK_INT(tap(&k, "ż", exact, sizeof exact, 40), KEYBOARD_EDITED);
    CHECK_STR(exact, "aż");
    /* A typed emoji with three bytes of room is refused whole. */
    char room[8] = "abcd";
    CHECK(!keyboard_type(room, sizeof room, 40, "😀"));
    CHECK_STR(room, "abcd");
    /* A buffer with no NUL or no size is never written. */
    char full[4] = {'a', 'b', 'c', 'd'};
    CHECK(!keyboard_type(full, sizeof full, 40, "e"));
    CHECK_INT(tap(&k, "ż", full, sizeof full, 40), KEYBOARD_NOTHING);
    CHECK(memcmp(full, "abcd", 4) == 0);
    CHECK(!keyboard_type(room, 0, 40, "e"));
    CHECK_INT(keyboard_press(&k, NULL, room, sizeof room, 40), KEYBOARD_NOTHING);
}

static void physical_typing(void) {
    char text[16] = "ab";
    CHECK(!keyboard_type(text, sizeof text, 40, "\xC5"));         /* truncated ł */
    CHECK(!keyboard_type(text, sizeof text, 40, "x\xE2\x82"));    /* valid start, bad end */
    CHECK(!keyboard_type(text, sizeof text, 40, "\xC0\xAF"));     /* overlong "/" */
    CHECK(!keyboard_type(text, sizeof text, 40, "\xED\xA0\x80")); /* surrogate */
    CHECK(!keyboard_type(text, sizeof text, 40, ""));
    CHECK(!keyboard_type(text, sizeof text, 40, NULL));
    CHECK_STR(text, "ab");
    /* Several characters at once: those that fit go in, in order. */
    CHECK(keyboard_type(text, sizeof text, 5, "cdefg"));
    CHECK_STR(text, "abcde");
    strcpy(text, "ab");
    /* 6 bytes of room: ł fits, € does not, and "x" after it is not typed in its place. */
    CHECK(keyboard_type(text, 7, 40, "ł€x"));
    CHECK_STR(text, "abł");
    /* Control characters (Tab, newline, DEL) never reach the text. */
    strcpy(text, "");
    CHECK(keyboard_type(text, sizeof text, 40,
                        "a\tb\nc\x7F"
                        "d"));
    CHECK_STR(text, "abcd");
    CHECK(!keyboard_type(text, sizeof text, 40, "\r\n"));
    CHECK_STR(text, "abcd");
    CHECK(keyboard_type(text, sizeof text, 40, "ș£"));
    CHECK_STR(text, "abcdș£");
}

/* ---- Fonts ---- */

static void check_glyphs(TTF_Font *font, const char *font_name, const char *s) {
    size_t n = strlen(s);
    CHECK(utf8_valid(s, n));
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, n - i, &cp);
        int ok = TTF_GlyphIsProvided32(font, cp);
        if (!ok)
            fprintf(stderr, "  %s has no glyph U+%04X in \"%s\"\n", font_name, (unsigned)cp, s);
        CHECK(ok);
    }
}

static void every_label_has_glyphs(void) {
    CHECK_INT(TTF_Init(), 0);
    const char *files[] = {TEST_SOURCE_DIR "/assets/fonts/NotoSans-Regular.ttf",
                           TEST_SOURCE_DIR "/assets/fonts/NotoSans-Bold.ttf"};
    const keyboard_layout *L = keyboard_layout_en_gb();
    for (int f = 0; f < 2; f++) {
        TTF_Font *font = TTF_OpenFont(files[f], 20);
        CHECK(font != NULL);
        if (!font) continue;
        /* Sanity: the check can fail (Noto Sans has no U+232B "⌫"). */
        CHECK(!TTF_GlyphIsProvided32(font, 0x232B));
        for (int p = 0; p < L->n_pages; p++)
            for (int r = 0; r < L->pages[p].n_rows; r++)
                for (int i = 0; i < L->pages[p].n_keys[r]; i++) {
                    const key_def *key = &L->pages[p].keys[r][i];
                    check_glyphs(font, files[f], key_label(key));
                    if (key->text) check_glyphs(font, files[f], key->text);
                }
        TTF_CloseFont(font);
    }
    TTF_Quit();
}

int main(void) {
    for (int i = 0; i < UI_COUNT; i++) english[i] = ui_text_default((ui_text_id)i);
    RUN(tables_are_complete);
    RUN(upper_pages_match_lower);
    RUN(romanian_comma_below);
    RUN(accents_cover_the_names);
    RUN(layout_every_page);
    RUN(wider_keys_are_wider);
    RUN(layout_degenerate);
    RUN(type_hello_with_shift);
    RUN(caps_lock);
    RUN(shift_space_and_refusal);
    RUN(type_polish_and_pounds);
    RUN(romanian_and_capital_accents);
    RUN(backspace_whole_characters);
    RUN(limits);
    RUN(physical_typing);
    RUN(every_label_has_glyphs);
    arena_free(&mem);
    return check_report();
}
