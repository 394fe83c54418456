/* kiosk: the running program: a window, the slide loop and input, event-driven. Between
 * animations it sleeps in SDL_WaitEventTimeout until the next slide is due, so a slide that
 * stands still costs no CPU and draws no frames. */
#ifndef PK_KIOSK_H
#define PK_KIOSK_H
#include <stdbool.h>

#include "config/config.h"

typedef struct kiosk_opts {
    bool windowed;     /* a window (Escape quits) instead of the locked full screen */
    int w, h;          /* windowed size */
    double exit_after; /* seconds; 0 runs until stopped (benchmarks and tests set it) */
    bool stats;        /* print first-frame time and frame count to stderr */
} kiosk_opts;

/* Runs until stopped; returns the process exit status. */
int kiosk_run(const config *cfg, const kiosk_opts *o);

#endif
