/* kiosk_test: what the scripted-visitor tests of the real kiosk share: a fake clock it reads
 * (idle time-outs pass in no time), letting queued events settle, a finger tap at a pixel of
 * the 800x480 test window, and the shipped content with a known staff PIN. */
#ifndef PK_KIOSK_TEST_H
#define PK_KIOSK_TEST_H
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/kiosk.h"
#include "staff/pin.h"

static uint64_t fake_now = 1000;
static inline uint64_t clock_ms(void *ud) { (void)ud; return fake_now; }
static inline time_t wall(void *ud) { (void)ud; return 1780000000; /* 2026-05-28 */ }

static inline void settle(kiosk *k) {
    for (int i = 0; i < 3; i++) kiosk_step(k, 0);
}

/* One finger event (SDL_FINGERDOWN, MOTION or UP) at (x,y) in the 800x480 window, settled. */
static inline void finger(kiosk *k, Uint32 type, int x, int y) {
    SDL_Event e = {0};
    e.type = type;
    e.tfinger.x = (x + 0.5f) / 800.0f, e.tfinger.y = (y + 0.5f) / 480.0f;
    SDL_PushEvent(&e);
    settle(k);
}

/* A finger down and up at (x,y) in a w x h window, a tap's length apart. */
static inline void finger_tap_in(kiosk *k, int x, int y, int w, int h) {
    SDL_Event e = {0};
    e.type = SDL_FINGERDOWN;
    e.tfinger.x = (x + 0.5f) / (float)w, e.tfinger.y = (y + 0.5f) / (float)h;
    SDL_PushEvent(&e);
    fake_now += 80;
    e.type = SDL_FINGERUP;
    SDL_PushEvent(&e);
    settle(k);
    fake_now += 300;
}

/* A finger down and up at (x,y) in the 800x480 test window. */
static inline void finger_tap(kiosk *k, int x, int y) { finger_tap_in(k, x, y, 800, 480); }

/* The widget of kind (and index; any key for W_KEY, any index for -1) laid out now, or NULL. */
static inline const widget *find_widget(const kiosk *k, widget_kind kind, int index) {
    const widget_list *w = kiosk_widgets(k);
    for (int i = 0; i < w->count; i++)
        if (w->items[i].kind == kind && (kind == W_KEY || index == -1 || w->items[i].index == index))
            return &w->items[i];
    return NULL;
}

/* The on-screen key laid out now that does action a (Space, Delete, Shift...), or NULL. */
static inline const widget *find_key_action(const kiosk *k, key_action a) {
    const widget_list *w = kiosk_widgets(k);
    for (int i = 0; i < w->count; i++)
        if (w->items[i].kind == W_KEY && w->items[i].key && w->items[i].key->action == a) return &w->items[i];
    return NULL;
}

/* One SDL event, settled. */
static inline void push_event(kiosk *k, SDL_Event *e) {
    SDL_PushEvent(e);
    settle(k);
}

/* A key pressed and let go on a real keyboard, as SDL reports it: down (then the text it types,
 * if any, as SDL_TEXTINPUT does), up. */
static inline void key_press(kiosk *k, SDL_Keycode sym, Uint16 mod, const char *text) {
    SDL_Event e = {0};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = sym;
    e.key.keysym.mod = mod;
    push_event(k, &e);
    if (text) {
        SDL_Event t = {0};
        t.type = SDL_TEXTINPUT;
        snprintf(t.text.text, sizeof t.text.text, "%s", text);
        push_event(k, &t);
    }
    e.type = SDL_KEYUP;
    push_event(k, &e);
}

/* Text typed on a plugged-in keyboard: SDL_TEXTINPUT events of at most 31 bytes, cut between
 * characters as SDL does. */
static inline void type_on_keyboard(kiosk *k, const char *s) {
    size_t n = strlen(s);
    for (size_t at = 0; at < n;) {
        size_t take = n - at < 31 ? n - at : 31;
        while (take < n - at && ((unsigned char)s[at + take] & 0xC0) == 0x80) take--;
        SDL_Event t = {0};
        t.type = SDL_TEXTINPUT;
        memcpy(t.text.text, s + at, take);
        push_event(k, &t);
        at += take;
    }
}

/* The kiosk in an 800x480 window on the fake clock, saving to feedback_dir; NULL (said why)
 * if it cannot start. */
static inline kiosk *open_test_kiosk(const config *c, const char *feedback_dir) {
    kiosk_opts o = {.windowed = true, .w = 800, .h = 480, .feedback_dir = feedback_dir,
                    .now_ms = clock_ms, .wall = wall};
    pk_error err = {{0}};
    kiosk *k = kiosk_create(c, &o, &err);
    if (!k) fprintf(stderr, "kiosk_create: %s\n", err.msg);
    else settle(k);
    return k;
}

/* The shipped Rotherham content as it is; NULL (problems printed) if it cannot load. */
static inline config *shipped_config(void) {
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    config *c = d ? config_load(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", &opt, d) : NULL;
    if (d) diag_print(d, stderr);
    free(d);
    return c;
}

/* The shipped Rotherham content with staff.pin_hash set to hash; NULL if it cannot load. */
static inline config *shipped_config_with_hash(const char *hash) {
    FILE *f = fopen(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", "r");
    static char text[1 << 20];
    size_t n = f ? fread(text, 1, sizeof text - 300, f) : 0;
    if (f) fclose(f);
    snprintf(text + n, sizeof text - n, "\nstaff:\n  pin_hash: \"%s\"\n", hash);
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    config *c = d ? config_load_string(text, "rotherham-2025.yaml", TEST_SOURCE_DIR "/config", &opt, d) : NULL;
    if (d) diag_print(d, stderr);
    free(d);
    return c;
}

/* The shipped Rotherham content with staff.pin_hash set for pin; NULL if it cannot load. */
static inline config *shipped_config_with_pin(const char *pin) {
    char hash[PIN_HASH_MAX];
    pk_error err = {{0}};
    return pin_hash(pin, hash, &err) ? shipped_config_with_hash(hash) : NULL;
}

#endif
