/* attract: the slide loop as a state machine, with no SDL and no clock of its own. The app
 * feeds it time and taps; it says which slide shows, how far a transition has got, how long the
 * app may sleep, and when a tap asks for the feedback journey. A day of kiosk life runs in a
 * test in microseconds. */
#ifndef PK_ATTRACT_H
#define PK_ATTRACT_H
#include <stdbool.h>
#include <stdint.h>

#include "config/config.h"
#include "content/live.h"
#include "loop/gesture.h"
#include "render/layout.h"

/* OPEN_FEEDBACK: the footer's "Have your say"; OPEN_SLIDE: a call-to-action slide's button. */
typedef enum { ATTRACT_NONE, ATTRACT_CHANGED, ATTRACT_OPEN_FEEDBACK, ATTRACT_OPEN_SLIDE } attract_action;

typedef struct attract {
    const config *cfg;
    int order[CONFIG_MAX_SLIDES]; /* active slides today, as config indices */
    int n;
    int pos, prev_pos;  /* positions in order; prev_pos is -1 when no transition runs */
    int dir;            /* +1 forward, -1 back: which way a "slide" transition moves */
    uint64_t shown_at;  /* when the current slide started to appear */
    uint64_t due_at;    /* when it gives way to the next */
    bool paused;
    bool held;          /* paused by staff: no auto-resume, taps do not resume */
    uint64_t paused_at, last_input;
    pk_date today;
    bool reduce_motion; /* this visitor asked for less motion: no count-up, no transition */
    /* What the live slides have to show (NULL: nothing yet). A you_said or results slide with
     * nothing to show is left out of the order, never shown empty (content/live.h). */
    const slide_live *live;
} attract;

void attract_init(attract *a, const config *cfg, pk_date today, uint64_t now);
/* Advances time: moves to the next slide when due, ends transitions, resumes a pause left
 * alone for pause_seconds. Returns true if anything visible changed. */
bool attract_tick(attract *a, uint64_t now, pk_date today);
/* The current slide has only now reached the screen (the first frame of a kiosk that took
 * seconds to start): its time, count-up and transition start now, so it is not skipped. */
void attract_start_clock(attract *a, uint64_t now);
/* The live slides' data changed (lv is the kiosk's, kept): the order is made again, the slide
 * shown stays where it is (even one with nothing to show now: it is on its way out). */
void attract_set_live(attract *a, const slide_live *lv);
/* Moves by delta slides (wrapping) and starts the transition. */
void attract_go(attract *a, int delta, uint64_t now);
void attract_set_paused(attract *a, bool paused, uint64_t now);
/* Staff pause: the loop stands until staff resume it (a visitor's tap does not). */
void attract_set_held(attract *a, bool held, uint64_t now);
/* A finished gesture at (x,y) against frame f, as it is on screen. On a right-to-left frame
 * (f->rtl) the next slide comes from the left: a swipe to the right goes forward. */
attract_action attract_input(attract *a, gesture_kind g, int x, int y, const frame *f, uint64_t now);

int attract_slide(const attract *a);      /* config index of the current slide */
int attract_prev_slide(const attract *a); /* config index of the outgoing slide, or -1 */
/* Transition progress 0..1 (1 when none runs). */
double attract_transition(const attract *a, uint64_t now);
/* Milliseconds since the current slide appeared (drives count-up). */
int attract_anim_ms(const attract *a, uint64_t now);
/* True while something moves on screen (transition or count-up): the app draws frames. */
bool attract_animating(const attract *a, uint64_t now);
/* How long the app may sleep before the loop needs attention, in ms. */
int attract_wait_ms(const attract *a, uint64_t now);

#endif
