/* gesture: a finger on the touchscreen becomes a tap, a swipe, or nothing. */
#include "check.h"
#include "loop/gesture.h"

#define SWIPE 80

static gesture_kind run(int x0, int y0, int x1, int y1, uint64_t ms) {
    gesture g;
    gesture_down(&g, x0, y0, 1000);
    return gesture_up(&g, x1, y1, 1000 + ms, SWIPE);
}

static void taps(void) {
    CHECK_INT(run(400, 240, 400, 240, 100), GESTURE_TAP);
    CHECK_INT(run(400, 240, 420, 255, 100), GESTURE_TAP); /* a little wobble */
    CHECK_INT(run(400, 240, 400 + SWIPE / 2 - 1, 240, 100), GESTURE_TAP);
    CHECK_INT(run(400, 240, 400, 240, 5000), GESTURE_TAP); /* a long press still taps */
    /* Moving half a swipe is no longer a tap, and not yet a swipe. */
    CHECK_INT(run(400, 240, 400 + SWIPE / 2, 240, 100), GESTURE_NONE);
    CHECK_INT(run(400, 240, 400, 240 + SWIPE / 2, 100), GESTURE_NONE);
}

static void swipes(void) {
    /* Finger moves left: the next slide comes in from the right. */
    CHECK_INT(run(600, 240, 600 - SWIPE, 240, 200), GESTURE_SWIPE_LEFT);
    CHECK_INT(run(200, 240, 200 + SWIPE, 240, 200), GESTURE_SWIPE_RIGHT);
    CHECK_INT(run(700, 240, 100, 260, 300), GESTURE_SWIPE_LEFT);
    CHECK_INT(run(100, 240, 700, 220, 300), GESTURE_SWIPE_RIGHT);
    /* Just short of the threshold. */
    CHECK_INT(run(600, 240, 600 - SWIPE + 1, 240, 200), GESTURE_NONE);
    CHECK_INT(run(200, 240, 200 + SWIPE - 1, 240, 200), GESTURE_NONE);
    /* Mostly horizontal is enough: 100 across, 40 down. */
    CHECK_INT(run(300, 200, 400, 240, 200), GESTURE_SWIPE_RIGHT);
}

static void vertical_is_not_swipe(void) {
    CHECK_INT(run(400, 100, 400, 400, 200), GESTURE_NONE);
    CHECK_INT(run(400, 400, 400, 100, 200), GESTURE_NONE);
    /* Diagonal: as much down as across, or only somewhat less. */
    CHECK_INT(run(300, 100, 450, 250, 200), GESTURE_NONE);
    CHECK_INT(run(300, 100, 420, 170, 200), GESTURE_NONE);
    CHECK_INT(run(420, 170, 300, 100, 200), GESTURE_NONE);
}

static void slow_drag(void) {
    CHECK_INT(run(600, 240, 300, 240, 999), GESTURE_SWIPE_LEFT);
    CHECK_INT(run(600, 240, 300, 240, 1000), GESTURE_NONE);
    CHECK_INT(run(300, 240, 600, 240, 2500), GESTURE_NONE);
}

static void up_without_down(void) {
    gesture g = {0};
    CHECK_INT(gesture_up(&g, 10, 10, 5, SWIPE), GESTURE_NONE);
    /* A release is consumed: a second up gives nothing. */
    gesture_down(&g, 10, 10, 0);
    CHECK_INT(gesture_up(&g, 10, 10, 50, SWIPE), GESTURE_TAP);
    CHECK_INT(gesture_up(&g, 10, 10, 60, SWIPE), GESTURE_NONE);
    /* A cancelled press (the finger left the window) gives nothing. */
    gesture_down(&g, 10, 10, 0);
    gesture_cancel(&g);
    CHECK_INT(gesture_up(&g, 10, 10, 50, SWIPE), GESTURE_NONE);
}

static void new_press_restarts(void) {
    gesture g;
    gesture_down(&g, 100, 100, 0);
    gesture_down(&g, 500, 100, 5000); /* a second finger-down replaces the first */
    CHECK_INT(gesture_up(&g, 500, 100, 5050, SWIPE), GESTURE_TAP);
}

int main(void) {
    RUN(taps);
    RUN(swipes);
    RUN(vertical_is_not_swipe);
    RUN(slow_drag);
    RUN(up_without_down);
    RUN(new_press_restarts);
    return check_report();
}
