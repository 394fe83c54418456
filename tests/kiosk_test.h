/* kiosk_test: what the scripted-visitor tests of the real kiosk share: a fake clock it reads
 * (idle time-outs pass in no time), letting queued events settle, a finger tap at a pixel of
 * the 800x480 test window, and the shipped content with a known staff PIN. */
#ifndef PK_KIOSK_TEST_H
#define PK_KIOSK_TEST_H
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>

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

/* A finger down and up at (x,y) in the 800x480 window, a tap's length apart. */
static inline void finger_tap(kiosk *k, int x, int y) {
    SDL_Event e = {0};
    e.type = SDL_FINGERDOWN;
    e.tfinger.x = (x + 0.5f) / 800.0f, e.tfinger.y = (y + 0.5f) / 480.0f;
    SDL_PushEvent(&e);
    fake_now += 80;
    e.type = SDL_FINGERUP;
    SDL_PushEvent(&e);
    settle(k);
    fake_now += 300;
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

/* The shipped Rotherham content with staff.pin_hash set for pin; NULL if it cannot load. */
static inline config *shipped_config_with_pin(const char *pin) {
    char hash[PIN_HASH_MAX];
    pk_error err = {{0}};
    if (!pin_hash(pin, hash, &err)) return NULL;
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

#endif
