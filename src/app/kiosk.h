/* kiosk: the running program: a window, the slide loop and input, event-driven. Between
 * animations it sleeps in SDL_WaitEventTimeout until the next slide is due, so a slide that
 * stands still costs no CPU and draws no frames. */
#ifndef PK_KIOSK_H
#define PK_KIOSK_H
#include <stdbool.h>

#include <stdint.h>
#include <time.h>

#include "config/config.h"
#include "content/live.h"
#include "render/draw_list.h"
#include "core/diag.h"
#include "journey/journey.h"
#include "render/screens/journey_view.h"

typedef struct kiosk_opts {
    bool windowed;     /* a window (Escape quits) instead of the locked full screen */
    int w, h;          /* windowed size */
    double exit_after; /* seconds; 0 runs until stopped (benchmarks and tests set it) */
    bool stats;        /* print first-frame time and frame count to stderr */
    const char *feedback_dir; /* overrides the config's feedback.dir */
    /* Clocks: monotonic ms and wall time. NULL uses SDL_GetTicks64 and time(); tests pass
     * their own to live through idle timeouts in no time. */
    uint64_t (*now_ms)(void *ud);
    time_t (*wall)(void *ud);
    void *clock_ud;
    /* Where USB sticks are found: mount points listed in usb_mounts (default
     * /proc/self/mounts) under usb_prefix (default /media/ and /run/media/). Tests point these
     * at a folder standing in for a stick. */
    const char *usb_mounts, *usb_prefix;
    /* The config's file: watched, and reloaded when it changes (NULL: no live reload). */
    const char *config_path;
    /* Absolute pointers (abs_pointer_reader.h): NULL reads /dev/input when SDL needs the help
     * (KMSDRM, SDL older than 2.30); tests name a folder of their own, read whatever the driver. */
    const char *abs_pointer_dir;
} kiosk_opts;

typedef struct kiosk kiosk;

/* Opens the display and the feedback log. NULL with err filled if the kiosk cannot start; a
 * feedback folder that cannot be written is not fatal: the loop runs, and a journey ends in
 * an honest "could not be saved" with the reason kept for staff. */
kiosk *kiosk_create(const config *cfg, const kiosk_opts *o, pk_error *err);
/* Handles pending input and time, draws if anything changed, then waits at most wait_ms for
 * more (0: do not wait). Returns false once the kiosk should stop. */
bool kiosk_step(kiosk *k, int wait_ms);
void kiosk_destroy(kiosk *k);
/* The exit status when staff chose "Exit the kiosk" (the service then stays stopped). */
#define KIOSK_EXIT_STAFF 4
/* Runs until stopped; returns the process exit status: 0, KIOSK_EXIT_STAFF, or 1 on failure. */
int kiosk_run(const config *cfg, const kiosk_opts *o);

/* For tests and tools that drive the kiosk as a visitor would. */
const widget_list *kiosk_widgets(const kiosk *k);
const journey *kiosk_journey(const kiosk *k);
/* The frame as it is on screen (mirrored for a right-to-left language). */
const frame *kiosk_frame(const kiosk *k);
/* Offer the Listen button (the kiosk has an audio device to speak with) or not. */
void kiosk_set_can_listen(kiosk *k, bool on);
/* The current visitor's text size and motion choice (and whether Listen is offered). */
const slide_view *kiosk_view(const kiosk *k);
/* True while Listen is reading the screen aloud. */
bool kiosk_speaking(const kiosk *k);
int kiosk_frames(const kiosk *k);
/* The config index of the slide the loop shows. */
int kiosk_slide(const kiosk *k);
/* What the live slides show now (approved quotes, results), as the loop last took it; NULL when
 * the config has none. */
const slide_live *kiosk_live(const kiosk *k);
/* The current slide as laid out for the screen (its texts are what a visitor reads). */
const draw_list *kiosk_slide_list(kiosk *k);
/* Asks the live slides' worker to gather again now (staff decided on a quote; tests). */
void kiosk_live_poke(kiosk *k);
int kiosk_abandoned(const kiosk *k);
const char *kiosk_storage_error(const kiosk *k);
/* STAFF_PREVIEW: a USB stick's content shown slide by slide before staff use it; STAFF_QUOTES:
 * visitors' quotes checked one at a time (kiosk_staff.c). */
typedef enum { STAFF_CLOSED, STAFF_PIN_PAD, STAFF_SCREEN, STAFF_PREVIEW, STAFF_QUOTES } staff_mode;
staff_mode kiosk_staff_mode(const kiosk *k);
/* The PIN pad refuses PINs for a while after too many wrong ones. */
bool kiosk_pin_locked(const kiosk *k);
/* The slide loop stands on one slide (a tap paused it, or staff held it). */
bool kiosk_loop_paused(const kiosk *k);
const char *kiosk_export_message(const kiosk *k);
/* What the last check, use or go back of a stick's content said ("" if nothing), the slide the
 * preview shows (-1: none), and the version of stick content in use ("" the own config file). */
const char *kiosk_content_message(const kiosk *k);
int kiosk_preview_slide(const kiosk *k);
const char *kiosk_content_in_use(const kiosk *k);
/* Under a preview, the line saying what stays the kiosk's own ("Stays this kiosk's own: id
 * ..., location, ..."); "" when no preview is shown. */
const char *kiosk_preview_keeps(const kiosk *k);
/* The config in use (it changes when a live edit is taken), and why the last edit was refused
 * ("" if it was not). */
const config *kiosk_config(const kiosk *k);
const char *kiosk_config_error(const kiosk *k);
/* Keyboard access: the widget with the focus while its ring shows (NULL: hidden, as it is
 * after a touch), and the ring as last drawn (empty when hidden). */
const widget *kiosk_focused(const kiosk *k);
const draw_list *kiosk_focus_ring(const kiosk *k);
/* The reader of absolute pointers, NULL when there is none (tests feed it a pipe). */
struct abs_pointer_reader *kiosk_abs_pointer(kiosk *k);

#endif
