/* abs_pointer_test: what the kiosk tests of absolute pointers share: evdev events written to a
 * device (a uinput device, or a pipe standing in for one), a tap at a widget as a 0-32767
 * device sends it, and waiting in real time for the reader's thread to deliver it. */
#ifndef PK_ABS_POINTER_TEST_H
#define PK_ABS_POINTER_TEST_H
#include <SDL.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#include "kiosk_test.h"
#include "platform/abs_pointer_reader.h"
/* After the kiosk's headers: its KEY_* macros would rename the on-screen keyboard's actions
 * declared there (nothing below uses them). */
#include <linux/input.h>

static inline bool ev_write(int fd, uint16_t type, uint16_t code, int32_t value) {
    struct input_event e;
    memset(&e, 0, sizeof e);
    e.type = type, e.code = code, e.value = value;
    return write(fd, &e, sizeof e) == (ssize_t)sizeof e;
}

/* A press and a release at (x, y) of a 0-32767 device, each its own report. */
static inline bool device_tap(int fd, int32_t x, int32_t y) {
    return ev_write(fd, EV_ABS, ABS_X, x) && ev_write(fd, EV_ABS, ABS_Y, y) &&
           ev_write(fd, EV_KEY, BTN_LEFT, 1) && ev_write(fd, EV_SYN, SYN_REPORT, 0) &&
           ev_write(fd, EV_KEY, BTN_LEFT, 0) && ev_write(fd, EV_SYN, SYN_REPORT, 0);
}

/* Where a 0-32767 device reports a fraction of the screen as mounted (as QEMU rounds). */
static inline int32_t device_value(float fraction) { return (int32_t)(fraction * 32767); }

/* The middle of widget w (laid out in the drawing, width x height) as fractions of the screen as
 * mounted, the drawing turned clockwise by rotation (the inverse of layout_unrotate). */
static inline void widget_on_screen(const widget *w, int width, int height, int rotation, float *sx,
                                    float *sy) {
    float lx = (w->r.x + w->r.w / 2 + 0.5f) / width, ly = (w->r.y + w->r.h / 2 + 0.5f) / height;
    switch (rotation) {
    case 90: *sx = 1 - ly, *sy = lx; break;
    case 180: *sx = 1 - lx, *sy = 1 - ly; break;
    case 270: *sx = ly, *sy = 1 - lx; break;
    default: *sx = lx, *sy = ly; break;
    }
}

/* The shipped content turned by rotation (an 800x480 drawing) on the fake clock, saving to
 * feedback_dir and reading absolute pointers from input_dir whatever the video driver. NULL
 * (said why) if it cannot start; *c is then NULL or the config, to be freed after the kiosk. */
static inline kiosk *open_abs_kiosk(config **c, int rotation, const char *feedback_dir,
                                    const char *input_dir) {
    *c = shipped_config();
    if (!*c) return NULL;
    (*c)->kiosk.rotation = rotation;
    kiosk_opts o = {.windowed = true,
                    .w = 800,
                    .h = 480,
                    .feedback_dir = feedback_dir,
                    .now_ms = clock_ms,
                    .wall = wall,
                    .abs_pointer_dir = input_dir};
    pk_error err = {{0}};
    kiosk *k = kiosk_create(*c, &o, &err);
    if (!k)
        fprintf(stderr, "kiosk_create: %s\n", err.msg);
    else
        settle(k);
    return k;
}

/* A device of 0-32767 on both axes, as QEMU's tablets are. */
#define QEMU_AXIS ((abs_pointer_axis){0, 32767})

/* Steps the kiosk until the journey has started, for at most two seconds of real time (the
 * reader's thread delivers the tap in its own time). */
static inline bool journey_opens(kiosk *k) {
    for (Uint64 until = SDL_GetTicks64() + 2000; SDL_GetTicks64() < until;) {
        kiosk_step(k, 5);
        if (journey_active(kiosk_journey(k))) return true;
    }
    return false;
}

/* An SDL mouse click at window pixel (x, y) from the mouse `which`, as SDL 2.26 sends one. */
static inline void sdl_click(kiosk *k, uint32_t which, int x, int y) {
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.which = which, e.button.button = SDL_BUTTON_LEFT, e.button.state = SDL_PRESSED;
    e.button.x = x, e.button.y = y;
    SDL_PushEvent(&e);
    e.type = SDL_MOUSEBUTTONUP, e.button.state = SDL_RELEASED;
    SDL_PushEvent(&e);
    settle(k);
}

#endif
