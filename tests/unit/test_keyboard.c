/* keyboard: a visitor can type a name such as "Zażółć" or a price such as "£5" on the touch
 * keyboard, every key is big enough to hit and drawn without missing-glyph boxes, and no key or
 * backspace ever splits a character or overflows the field. */
#include <SDL_ttf.h>

#include <dirent.h>
#include <stdlib.h>

#include "check.h"
#include "config/config.h"
#include "journey/keyboard.h"
#include "config/keyboard_file.h"
#include "config/ui_text.h"
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


/* ---- The shipped files ---- */

static const char *const shipped_files[] = {"en-GB.yaml", "pl.yaml", "cs.yaml", "sk.yaml", "ro.yaml", "ur.yaml"};
#define N_FILES (int)(sizeof shipped_files / sizeof shipped_files[0])

/* Every keyboard in assets/keyboards is one of the six, and each loads without a problem. */
static void every_shipped_file_loads(void) {
    DIR *d = opendir(KEYBOARDS);
    CHECK(d != NULL);
    int yaml = 0;
    for (struct dirent *e; d && (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        if (n < 6 || strcmp(e->d_name + n - 5, ".yaml")) continue;
        yaml++;
        bool listed = false;
        for (int i = 0; i < N_FILES; i++) listed |= !strcmp(shipped_files[i], e->d_name);
        if (!listed) fprintf(stderr, "  %s is not tested here\n", e->d_name);
        CHECK(listed);
    }
    if (d) closedir(d);
    CHECK_INT(yaml, N_FILES);
    for (int i = 0; i < N_FILES; i++) {
        const keyboard_layout *L = shipped(shipped_files[i]);
        if (!L) continue;
        CHECK(L->n_pages >= 3);
        /* The name says which language: "pl.yaml" is name pl. */
        CHECK(!strncmp(shipped_files[i], L->name, strlen(L->name)));
    }
}

/* Every page of every keyboard can finish, correct a mistake and get back to the letters,
 * every key says something, and an upper page has its lower page's shape. */
static void every_page_is_usable(void) {
    for (int f = 0; f < N_FILES; f++) {
        const keyboard_layout *L = shipped(shipped_files[f]);
        for (int p = 0; L && p < L->n_pages; p++) {
            const keyboard_page *page = &L->pages[p];
            bool done = false, del = false, back = p == L->lower_page || p == L->upper_page;
            for (int r = 0; r < page->n_rows; r++)
                for (int i = 0; i < page->n_keys[r]; i++) {
                    const key_def *key = &page->keys[r][i];
                    CHECK(key_label(key)[0] != '\0');
                    if (key->action == KEY_PAGE && (key->page == L->lower_page || key->page == L->upper_page)) back = true;
                    done |= key->action == KEY_DONE;
                    del |= key->action == KEY_BACKSPACE;
                    for (int m = 0; m < key->n_more; m++) CHECK(key->more[m].text && key->more[m].text[0]);
                }
            if (!done || !del || !back)
                fprintf(stderr, "  %s page %s: done %d, delete %d, back %d\n", shipped_files[f], page->name, done, del, back);
            CHECK(done && del && back);
        }
    }
}

/* The letters each keyboard promises, typed by a key or offered by a long press. */
static bool offers(const keyboard_layout *L, const char *letter, bool on_key, bool on_more) {
    for (int p = 0; p < L->n_pages; p++)
        for (int r = 0; r < L->pages[p].n_rows; r++)
            for (int i = 0; i < L->pages[p].n_keys[r]; i++) {
                const key_def *key = &L->pages[p].keys[r][i];
                if (on_key && key->text && !strcmp(key->text, letter)) return true;
                for (int m = 0; on_more && m < key->n_more; m++)
                    if (!strcmp(key->more[m].text, letter)) return true;
            }
    return false;
}

static void each_language_has_its_letters(void) {
    struct { const char *file, *letters; } want[] = {
        {"pl.yaml", "ą ć ę ł ń ó ś ź ż Ą Ć Ę Ł Ń Ó Ś Ź Ż"},
        {"cs.yaml", "ě š č ř ž ý á í é ú ů ď ť ň ó Ě Š Č Ř Ž Ý Á Í É Ú Ů Ď Ť Ň Ó"},
        {"sk.yaml", "ľ š č ť ž ý á í é ô ä ň ú ď ĺ ŕ ó Ľ Š Č Ť Ž Ý Á Í É Ô Ä Ň Ú"},
        {"ro.yaml", "ă â î ș ț Ă Â Î Ș Ț"},
        {"ur.yaml", "ا ب پ ت ٹ ث ج چ ح خ د ڈ ذ ر ڑ ز ژ س ش ص ض ط ظ ع غ ف ق ک گ ل م ن ں و ہ ھ ء ی ے آ ئ ۃ ؤ ، ؟ ۔ ۰ ۱ ۲ ۳ ۴ ۵ ۶ ۷ ۸ ۹"},
        {"en-GB.yaml", "£ € ' ą ł ș ț ř ů ľ ô"},
    };
    for (size_t w = 0; w < sizeof want / sizeof want[0]; w++) {
        const keyboard_layout *L = shipped(want[w].file);
        char copy[512];
        snprintf(copy, sizeof copy, "%s", want[w].letters);
        for (char *save, *tok = strtok_r(copy, " ", &save); L && tok; tok = strtok_r(NULL, " ", &save)) {
            bool ok = offers(L, tok, true, true);
            if (!ok) fprintf(stderr, "  %s has no %s\n", want[w].file, tok);
            CHECK(ok);
        }
    }
    /* Polish: the AltGr letters are on a long press of their base letters, and on a page. */
    const keyboard_layout *pl = shipped("pl.yaml");
    const char *base[][2] = {{"a", "ą"}, {"c", "ć"}, {"e", "ę"}, {"l", "ł"}, {"n", "ń"}, {"o", "ó"},
                             {"s", "ś"}, {"z", "ż"}, {"x", "ź"}, {"z", "ź"}};
    for (size_t i = 0; pl && i < sizeof base / sizeof base[0]; i++) {
        const keyboard_page *page = &pl->pages[pl->lower_page];
        bool found = false;
        for (int r = 0; r < page->n_rows; r++)
            for (int k = 0; k < page->n_keys[r]; k++)
                if (page->keys[r][k].text && !strcmp(page->keys[r][k].text, base[i][0]))
                    for (int m = 0; m < page->keys[r][k].n_more; m++)
                        found |= !strcmp(page->keys[r][k].more[m].text, base[i][1]);
        if (!found) fprintf(stderr, "  pl: no %s on a long press of %s\n", base[i][1], base[i][0]);
        CHECK(found);
        CHECK(offers(pl, base[i][1], true, false));
    }
    /* Czech and Slovak: the háček and čárka letters on the top row, as on their keyboards. */
    const char *top[][2] = {{"cs.yaml", "ěščřžýáíé"}, {"sk.yaml", "ľščťžýáíé"}};
    for (int t = 0; t < 2; t++) {
        const keyboard_layout *L = shipped(top[t][0]);
        if (!L) continue;
        const keyboard_page *page = &L->pages[L->lower_page];
        char row[128] = "";
        for (int i = 0; i < page->n_keys[0] && i < 9; i++) strncat(row, page->keys[0][i].text, sizeof row - strlen(row) - 1);
        CHECK_STR(row, top[t][1]);
        /* QWERTZ: z where English has y. */
        CHECK_STR(page->keys[1][5].text, "z");
    }
}

/* Romanian is typed with the comma-below ș ț, never the cedilla ş ţ, on every keyboard. */
static void no_cedilla_anywhere(void) {
    for (int f = 0; f < N_FILES; f++) {
        const keyboard_layout *L = shipped(shipped_files[f]);
        for (int p = 0; L && p < L->n_pages; p++)
            for (int r = 0; r < L->pages[p].n_rows; r++)
                for (int i = 0; i < L->pages[p].n_keys[r]; i++) {
                    const key_def *key = &L->pages[p].keys[r][i];
                    for (int m = -1; m < key->n_more; m++) {
                        const char *t = m < 0 ? key->text : key->more[m].text;
                        for (size_t b = 0, n = t ? strlen(t) : 0; b < n;) {
                            uint32_t cp;
                            b += (size_t)utf8_decode(t + b, n - b, &cp);
                            CHECK(cp != 0x15E && cp != 0x15F && cp != 0x162 && cp != 0x163);
                        }
                    }
                }
    }
    CHECK(offers(shipped("ro.yaml"), "\xC8\x99", true, true)); /* U+0219 ș */
    CHECK(offers(shipped("ro.yaml"), "\xC8\x9B", true, true)); /* U+021B ț */
}

/* Every page of every keyboard at the sizes kiosks use: keys inside the box, flush, never
 * overlapping, and at least 44 px each way where the box is the size the journey gives it. */
static void every_page_fits(void) {
    for (int f = 0; f < N_FILES; f++) {
        keyboard_state k;
        keyboard_init(&k, shipped(shipped_files[f]));
        for (int p = 0; k.layout && p < k.layout->n_pages; p++) {
            k.page = p;
            check_page_geometry(&k, (pk_rect){0, 230, 800, 250}, 6, 44);
            check_page_geometry(&k, (pk_rect){0, 580, 1920, 500}, 8, 44);
            check_page_geometry(&k, (pk_rect){0, 1220, 1080, 700}, 8, 44);
        }
    }
}

/* ---- Mistakes in a keyboard file, each at its place ---- */

static void broken_files_are_located(void) {
    struct { const char *text, *want; } cases[] = {
        {"name: x\npages:\n  - name: a\n    rows:\n      - [q, {text: w, colour: red}]\n",
         "k.yaml:5:23: page 1 (a): unknown key 'colour' (known keys: text, label, width, action, page, more, wording)"},
        {"name: x\npages:\n  - name: a\n    rows:\n      - [q, {action: jump}]\n",
         "k.yaml:5:22: page 1 (a): 'action' cannot be \"jump\" (one of: char, shift, backspace, space, page, done)"},
        {"name: x\npages:\n  - name: a\n    rows:\n      - [q, {action: shfit}]\n",
         "did you mean 'shift'?"},
        {"name: x\npages:\n  - name: a\n    rows:\n      - [q, w, e, r, t, y, u, i, o, p, a, s, d, f, g]\n",
         "k.yaml:5:9: page 1 (a): row 1 is too long: 15 keys, at most 14 fit"},
        {"name: x\npages:\n  - name: a\n    rows:\n      - [q, w, e, r, t, y, u, i, o, p, a, s, {text: d, width: 2}]\n",
         "k.yaml:5:9: page 1 (a): row 1 is too long: 14 key widths, at most 12 fit"},
        {"name: x\npages:\n  - name: a\n    rows:\n      - [q, {action: page, page: b, label: B}]\n",
         "k.yaml:5:34: there is no page named 'b' (pages: a)"},
        {"name: x\npages:\n  - name: a\n    upper: A\n    rows:\n      - [q]\n",
         "k.yaml:4:12: 'upper' must name another page (pages: a), not 'A'"},
        {"name: x\npages:\n  - name: a\n    rows:\n      - [q, \"\xC5\"]\n",
         "k.yaml:5:14: invalid UTF-8"},
        {"name: x\npages:\n  - name: a\n    rows:\n      - [q, {text: w, more: [\"\"]}]\n",
         "k.yaml:5:30: page 1 (a): 'more' must not be empty"},
        {"name: x\npages:\n  - name: a\n    upper: b\n    rows:\n      - [q, w]\n  - name: b\n    rows:\n      - [Q]\n",
         "k.yaml:4:12: page 'b' must have the same rows, keys and widths as 'a'"},
        {"name: x\npages:\n  - name: a\n    rows:\n      - [{action: space, wording: key_spcae}]\n",
         "did you mean 'key_space'?"},
        {"name: x\n", "k.yaml:1:1: missing required key 'pages'"},
        /* Layout and drawing count on a key in every row, a row on every page, a page. */
        {"name: x\npages:\n  - name: a\n    rows:\n      - [q]\n      - []\n",
         "k.yaml:6:9: page 1 (a): a row needs at least one key"},
        {"name: x\npages:\n  - name: a\n    rows: []\n",
         "k.yaml:4:11: page 1 (a): 'rows' needs at least 1 item"},
        {"name: x\npages: []\n", "k.yaml:2:8: 'pages' needs at least 1 item"},
        {"name: x\npages:\n  - name: a\n    rows:\n      - [q, {action: page, label: B}]\n",
         "k.yaml:5:13: page 1 (a): a page key needs 'page'"},
        {"name: x\npages: [\n", "k.yaml:3:1: YAML syntax"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        diag_list *d = calloc(1, sizeof *d);
        arena a = {0};
        const keyboard_layout *L = keyboard_file_load_string(cases[i].text, "k.yaml", &a, d);
        CHECK(L == NULL);
        CHECK(d->count >= 1);
        bool found = false;
        for (int m = 0; m < d->count; m++) found |= strstr(d->items[m], cases[i].want) != NULL;
        if (!found) {
            fprintf(stderr, "  case %zu: wanted \"%s\", got:\n", i, cases[i].want);
            diag_print(d, stderr);
        }
        CHECK(found);
        arena_free(&a);
        free(d);
    }
    /* A good file in the same form loads, with its wording and variants. */
    diag_list *d = calloc(1, sizeof *d);
    arena a = {0};
    const keyboard_layout *L = keyboard_file_load_string(
        "name: x\npages:\n  - name: a\n    upper: A\n    rows:\n      - [{text: l, more: [ł, ľ]}, {action: space, width: 2}]\n"
        "  - name: A\n    rows:\n      - [L, {action: space, width: 2, label: \"___\"}]\n", "k.yaml", &a, d);
    diag_print(d, stderr);
    CHECK(L != NULL);
    if (L) {
        CHECK_INT(L->n_pages, 2);
        CHECK_INT(L->upper_page, 1);
        CHECK_INT(L->pages[0].keys[0][0].n_more, 2);
        CHECK_STR(L->pages[0].keys[0][0].more[1].text, "ľ");
        CHECK_STR(key_label(&L->pages[0].keys[0][1]), "Space");
        CHECK_STR(key_label(&L->pages[1].keys[0][1]), "___");
        const char *polish[UI_COUNT] = {0};
        polish[UI_KEY_SPACE] = "Spacja";
        CHECK_STR(keyboard_key_label(&L->pages[0].keys[0][1], polish), "Spacja");
    }
    arena_free(&a);
    free(d);
}

/* `plankiosk check` reads the keyboards a config's languages use: a broken one fails the
 * config, with the problem at its place in the keyboard file. */
static void config_reports_a_broken_keyboard(void) {
    const char *head = "plankiosk: 1\nkiosk: {id: k, location: here}\nplan: {title: T}\n"
                       "slides:\n  - {type: title, title: Hello}\n"
                       "languages:\n  default: en\n  available: [en, pl, hu]\n";
    char yaml[1024];
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d), *w = calloc(1, sizeof *w);
    snprintf(yaml, sizeof yaml, "%s  keyboards: {pl: ../tests/fixtures/unit/keyboard-broken.yaml}\n", head);
    config *c = config_load_string(yaml, "t.yaml", TEST_SOURCE_DIR "/config", &opt, d);
    CHECK(c == NULL);
    CHECK_INT(d->count, 1);
    CHECK_CONTAINS(d->items[0], "keyboard-broken.yaml:6:37: there is no page named 'digits'");
    config_free(c);
    memset(d, 0, sizeof *d);
    snprintf(yaml, sizeof yaml, "%s  keyboards: {pl: no-such.yaml, de: x.yaml}\n", head);
    c = config_load_string(yaml, "t.yaml", TEST_SOURCE_DIR "/config", &opt, d);
    CHECK(c == NULL);
    CHECK_INT(d->count, 2);
    CHECK_CONTAINS(d->items[0], "t.yaml:9:33: languages: keyboards: 'de' is not in 'available'");
    CHECK_CONTAINS(d->items[1], "t.yaml:9:19: languages: keyboards: 'pl': file \"no-such.yaml\" not found");
    config_free(c);
    /* Without an override each language has its own keyboard; one with none (hu) types on the
     * UK keyboard, with a warning; postcodes are typed on the UK keyboard in every language. */
    memset(d, 0, sizeof *d);
    c = config_load_string(head, "t.yaml", TEST_SOURCE_DIR "/config", &(config_options){
        .assets_dir = TEST_SOURCE_DIR "/assets", .warnings = w}, d);
    diag_print(d, stderr);
    CHECK(c != NULL);
    if (c) {
        CHECK_STR(c->by_lang[0]->keyboard->name, "en-GB");
        CHECK_STR(c->by_lang[1]->keyboard->name, "pl");
        CHECK_STR(c->by_lang[2]->keyboard->name, "en-GB");
        CHECK(c->by_lang[1]->keyboard_latin == c->by_lang[0]->keyboard);
        CHECK_INT(w->count, 1);
        CHECK_CONTAINS(w->items[0], "'hu' has no keyboard of its own");
    }
    config_free(c);
    free(d);
    free(w);
}

/* ---- Long press ---- */

static const key_def *key_typing(const keyboard_layout *L, int page, const char *text) {
    const keyboard_page *p = &L->pages[page];
    for (int r = 0; r < p->n_rows; r++)
        for (int i = 0; i < p->n_keys[r]; i++)
            if (p->keys[r][i].text && !strcmp(p->keys[r][i].text, text)) return &p->keys[r][i];
    return NULL;
}

static void long_press_state(void) {
    const keyboard_layout *L = shipped("pl.yaml");
    if (!L) return;
    keyboard_state k;
    keyboard_init(&k, L);
    const key_def *l = key_typing(L, L->lower_page, "l"), *q = key_typing(L, L->lower_page, "q");
    CHECK(l && q && l->n_more >= 1 && q->n_more == 0);
    if (!l || !q) return;
    /* A key without variants never holds. */
    keyboard_hold_start(&k, q, 1000);
    CHECK_INT(keyboard_hold_wait(&k, 1000), -1);
    CHECK(!keyboard_hold_tick(&k, 5000));
    /* Held on l: nothing before the time, the popup at it, and only once. */
    keyboard_hold_start(&k, l, 1000);
    CHECK_INT(keyboard_hold_wait(&k, 1200), KEYBOARD_HOLD_MS - 200);
    CHECK(!keyboard_hold_tick(&k, 1000 + KEYBOARD_HOLD_MS - 1));
    CHECK(!keyboard_popup_open(&k));
    CHECK(keyboard_hold_tick(&k, 1000 + KEYBOARD_HOLD_MS));
    CHECK(keyboard_popup_open(&k));
    CHECK(k.popup_dragging);
    CHECK(!keyboard_hold_tick(&k, 9000));
    CHECK_INT(keyboard_hold_wait(&k, 9000), -1);
    /* Sliding over the variants lights them. */
    CHECK(keyboard_popup_hover(&k, 0));
    CHECK(!keyboard_popup_hover(&k, 0));
    CHECK_INT(k.popup_hot, 0);
    CHECK(keyboard_popup_hover(&k, 99)); /* off the end: none */
    CHECK_INT(k.popup_hot, -1);
    /* The popup's cells: above the key, each a touch target, inside the screen. */
    pk_rect anchor = {700, 400, 70, 50}, screen = {0, 0, 800, 480};
    key_rect cells[KEYBOARD_MAX_MORE];
    int n = keyboard_popup_layout(&k, anchor, screen, 60, 4, cells);
    CHECK_INT(n, l->n_more);
    CHECK_STR(cells[0].key->text, "ł");
    for (int i = 0; i < n; i++) {
        CHECK(rect_inside(cells[i].r, screen));
        CHECK(cells[i].r.w >= 70 && cells[i].r.h >= 60);
        CHECK(cells[i].r.y + cells[i].r.h <= anchor.y);
    }
    /* Typing a variant closes the popup and honours shift like any key. */
    char text[32] = "";
    CHECK_INT(keyboard_press(&k, cells[0].key, text, sizeof text, 20), KEYBOARD_EDITED);
    CHECK_STR(text, "ł");
    CHECK(!keyboard_popup_open(&k));
    /* A tap before the time is an ordinary tap: the hold is cancelled. */
    keyboard_hold_start(&k, l, 20000);
    keyboard_hold_cancel(&k);
    CHECK(!keyboard_hold_tick(&k, 30000));
    /* Near the screen's top-left corner the popup goes below and stays on screen. */
    keyboard_hold_start(&k, key_typing(L, L->lower_page, "a"), 0);
    CHECK(keyboard_hold_tick(&k, KEYBOARD_HOLD_MS));
    n = keyboard_popup_layout(&k, (pk_rect){0, 10, 60, 50}, screen, 60, 4, cells);
    CHECK(n >= 2);
    for (int i = 0; i < n; i++) CHECK(rect_inside(cells[i].r, screen) && cells[i].r.y >= 60);
    /* Another layout (a language change) closes it and starts on the new first page. */
    keyboard_set_layout(&k, shipped("ur.yaml"));
    CHECK(!keyboard_popup_open(&k));
    CHECK_STR(page_name(&k), "letters");
    CHECK_STR(k.layout->name, "ur");
}

/* Urdu: typed in logical order, backspace takes the logically last character, digits too. */
static void urdu_typing_and_backspace(void) {
    const keyboard_layout *L = shipped("ur.yaml");
    if (!L) return;
    keyboard_state k;
    keyboard_init(&k, L);
    char text[64] = "";
    tap(&k, "م", text, sizeof text, 40);
    tap(&k, "ی", text, sizeof text, 40);
    tap(&k, "Shift", text, sizeof text, 40);
    tap(&k, "ں", text, sizeof text, 40);
    CHECK_STR(page_name(&k), "letters"); /* shift is for one letter */
    tap(&k, "Space", text, sizeof text, 40);
    tap(&k, "۱۲۳", text, sizeof text, 40);
    tap(&k, "۲", text, sizeof text, 40);
    tap(&k, "5", text, sizeof text, 40);
    CHECK_STR(text, "میں ۲5");
    CHECK_INT(tap(&k, "Delete", text, sizeof text, 40), KEYBOARD_EDITED);
    CHECK_STR(text, "میں ۲");
    tap(&k, "Delete", text, sizeof text, 40);
    tap(&k, "Delete", text, sizeof text, 40);
    CHECK_STR(text, "میں");
    tap(&k, "Delete", text, sizeof text, 40);
    CHECK_STR(text, "می");
    CHECK(utf8_valid(text, strlen(text)));
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

/* Full: the next letter would be refused, by the character limit or by the buffer. */
static void full_boxes(void) {
    char t[16] = "S60";
    CHECK(!keyboard_full(t, sizeof t, 4));
    strcpy(t, "SW1A");
    CHECK(keyboard_full(t, sizeof t, 4));
    CHECK(!keyboard_type(t, sizeof t, 4, "X"));
    CHECK_STR(t, "SW1A");
    char small[6] = "\xC5\x82\xC5\x82"; /* "łł": 4 of 5 usable bytes: a letter of up to 4 bytes may not fit */
    CHECK(keyboard_full(small, sizeof small, 30));
    CHECK(!keyboard_full("", 8, 30));
}

int main(void) {
    RUN(full_boxes);
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
    RUN(every_shipped_file_loads);
    RUN(every_page_is_usable);
    RUN(each_language_has_its_letters);
    RUN(no_cedilla_anywhere);
    RUN(every_page_fits);
    RUN(broken_files_are_located);
    RUN(config_reports_a_broken_keyboard);
    RUN(long_press_state);
    RUN(urdu_typing_and_backspace);
    arena_free(&mem);
    return check_report();
}
