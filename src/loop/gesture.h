/* gesture: one pointer (a finger or the mouse) from press to release, classified as a tap or a
 * horizontal swipe. Pure: the caller feeds positions and times in. */
#ifndef PK_GESTURE_H
#define PK_GESTURE_H
#include <stdbool.h>
#include <stdint.h>

typedef enum { GESTURE_NONE, GESTURE_TAP, GESTURE_SWIPE_LEFT, GESTURE_SWIPE_RIGHT } gesture_kind;

typedef struct gesture {
    bool down;
    int x0, y0;
    uint64_t t0;
} gesture;

void gesture_down(gesture *g, int x, int y, uint64_t now_ms);
/* Releases the pointer at x,y. A swipe moves at least swipe_px sideways, mostly horizontally,
 * within a second; a tap moves less than swipe_px / 2. Anything else is NONE (a wobble). */
gesture_kind gesture_up(gesture *g, int x, int y, uint64_t now_ms, int swipe_px);
void gesture_cancel(gesture *g);

#endif
