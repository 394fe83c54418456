#include "loop/gesture.h"

#include <stdlib.h>

void gesture_down(gesture *g, int x, int y, uint64_t now_ms) {
    *g = (gesture){true, x, y, now_ms};
}

gesture_kind gesture_up(gesture *g, int x, int y, uint64_t now_ms, int swipe_px) {
    if (!g->down) return GESTURE_NONE;
    g->down = false;
    int dx = x - g->x0, dy = y - g->y0;
    if (abs(dx) >= swipe_px && abs(dx) > 2 * abs(dy) && now_ms - g->t0 < 1000)
        return dx < 0 ? GESTURE_SWIPE_LEFT : GESTURE_SWIPE_RIGHT;
    if (abs(dx) < swipe_px / 2 && abs(dy) < swipe_px / 2) return GESTURE_TAP;
    return GESTURE_NONE;
}

void gesture_cancel(gesture *g) { g->down = false; }
