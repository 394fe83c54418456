/* attract: the slide loop driven by a fake clock, and touched on the real 800x480 frame. */
#include "check.h"
#include "config/config.h"
#include "content/content.h"
#include "loop/attract.h"
#include "render/layout.h"

static const config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
static diag_list diags;

static config *load(const char *text) {
    memset(&diags, 0, sizeof diags);
    config *c = config_load_string(text, "attract.yaml", TEST_SOURCE_DIR "/config", &opt, &diags);
    if (!c) diag_print(&diags, stderr);
    return c;
}

#define HEAD                                                                                       \
    "plankiosk: 1\n"                                                                               \
    "kiosk: {id: t, location: l}\n"                                                                \
    "plan: {title: P}\n"

/* Slides 0-3 show in June 2025; slide 4 only from 2030. */
static const char *const LOOP4 =
    HEAD "loop:\n"
         "  slide_seconds: 10\n"
         "  transition_ms: 600\n"
         "  count_up_ms: 1500\n"
         "  pause_seconds: 30\n"
         "slides:\n"
         "  - {type: title, title: Zero, duration: 5}\n"
         "  - {type: text, title: One, body: B, duration: 7}\n"
         "  - {type: highlights, title: Two, items: [{value: 260800, caption: people}]}\n"
         "  - {type: call_to_action, title: Three, duration: 6}\n"
         "  - {type: title, title: Future, from: \"2030-01\"}\n";

static const pk_date JUNE = {2025, 6, 1};

static frame small_frame(void) {
    screen_metrics m;
    layout_metrics(800, 480, 154, &m);
    return layout_frame(&m);
}

static int cx(pk_rect r) { return r.x + r.w / 2; }
static int cy(pk_rect r) { return r.y + r.h / 2; }

static void advances_and_wraps(void) {
    config *c = load(LOOP4);
    if (!c) {
        CHECK(c != NULL);
        return;
    }
    attract a;
    uint64_t t = 1000;
    attract_init(&a, c, JUNE, t);
    CHECK_INT(a.n, 4); /* the 2030 slide is not in today's loop */
    CHECK_INT(attract_slide(&a), 0);
    CHECK_INT(attract_prev_slide(&a), -1);
    CHECK(attract_transition(&a, t) == 1.0);
    /* Idle on slide 0 (5 s): no change until its time is up. */
    CHECK(!attract_tick(&a, 5999, JUNE));
    CHECK_INT(attract_slide(&a), 0);
    CHECK(attract_tick(&a, 6000, JUNE));
    CHECK_INT(attract_slide(&a), 1);
    CHECK_INT(attract_prev_slide(&a), 0);
    /* Slide 1 stands 7 s from 6000. */
    CHECK(attract_tick(&a, 6600, JUNE)); /* the transition ends */
    CHECK(!attract_tick(&a, 12999, JUNE));
    CHECK_INT(attract_slide(&a), 1);
    CHECK(attract_tick(&a, 13000, JUNE));
    CHECK_INT(attract_slide(&a), 2);
    /* Slide 2 uses the loop default, 10 s. */
    attract_tick(&a, 13600, JUNE);
    CHECK(!attract_tick(&a, 22999, JUNE));
    CHECK_INT(attract_slide(&a), 2);
    CHECK(attract_tick(&a, 23000, JUNE));
    CHECK_INT(attract_slide(&a), 3);
    attract_tick(&a, 23600, JUNE);
    CHECK(attract_tick(&a, 29000, JUNE));
    CHECK_INT(attract_slide(&a), 0); /* wrapped, skipping the 2030 slide */
    CHECK_INT(attract_prev_slide(&a), 3);
    config_free(c);
}

static void day_long_run(void) {
    /* A whole day at a 10 ms tick would be slow; step by what wait_ms says, like the app. */
    config *c = load(LOOP4);
    if (!c) {
        CHECK(c != NULL);
        return;
    }
    attract a;
    uint64_t t = 0;
    attract_init(&a, c, JUNE, t);
    int shown[5] = {0}, steps = 0, zero_waits = 0, last = attract_slide(&a);
    shown[last]++;
    while (t < 24ull * 3600 * 1000 && steps < 1000000) {
        int w = attract_wait_ms(&a, t);
        if (w == 0) zero_waits++;
        t += w > 0 ? (uint64_t)w : 16; /* a frame while animating */
        attract_tick(&a, t, JUNE);
        if (attract_slide(&a) != last) shown[last = attract_slide(&a)]++;
        steps++;
    }
    /* One pass is 5 + 7 + 10 + 6 = 28 s, so about 3086 passes a day. */
    CHECK(shown[0] >= 3080 && shown[0] <= 3090);
    CHECK(shown[1] >= 3080 && shown[1] <= 3090);
    CHECK(shown[2] >= 3080 && shown[2] <= 3090);
    CHECK(shown[3] >= 3080 && shown[3] <= 3090);
    CHECK_INT(shown[4], 0);
    /* The app sleeps between slides instead of spinning: frames are drawn only while
     * something moves, about 3.3 s of each 28 s pass. */
    CHECK(zero_waits * 16 < 3100 * 3500); /* per 28 s pass: 4 x 0.6 s fades + 0.9 s more count-up */
    CHECK(steps - zero_waits < 3100 * 4 * 3); /* about one sleep per slide */
    config_free(c);
}

static void transition_progress(void) {
    config *c = load(LOOP4);
    if (!c) {
        CHECK(c != NULL);
        return;
    }
    attract a;
    attract_init(&a, c, JUNE, 0);
    attract_tick(&a, 5000, JUNE);
    CHECK_INT(attract_slide(&a), 1);
    CHECK(attract_transition(&a, 5000) == 0.0);
    double half = attract_transition(&a, 5300);
    CHECK(half > 0.49 && half < 0.51);
    double prev = -1;
    int backwards = 0, out_of_range = 0;
    for (uint64_t t = 5000; t <= 5700; t += 10) {
        double p = attract_transition(&a, t);
        if (p < prev) backwards++;
        if (p < 0 || p > 1) out_of_range++;
        prev = p;
    }
    CHECK_INT(backwards, 0);
    CHECK_INT(out_of_range, 0);
    CHECK(attract_transition(&a, 5600) == 1.0);
    CHECK(attract_animating(&a, 5300));
    CHECK_INT(attract_wait_ms(&a, 5300), 0);
    /* At its end a tick clears it: no outgoing slide, progress stays 1. */
    CHECK(attract_tick(&a, 5600, JUNE));
    CHECK_INT(attract_prev_slide(&a), -1);
    CHECK(attract_transition(&a, 5601) == 1.0);
    CHECK(!attract_animating(&a, 5601));
    config_free(c);
}

static void wait_when_idle(void) {
    config *c = load(LOOP4);
    if (!c) {
        CHECK(c != NULL);
        return;
    }
    attract a;
    attract_init(&a, c, JUNE, 1000);
    /* Slide 0 is due at 6000: sleep exactly until then, never 0 (a busy loop). */
    CHECK_INT(attract_wait_ms(&a, 1000), 5000);
    CHECK_INT(attract_wait_ms(&a, 3500), 2500);
    CHECK_INT(attract_wait_ms(&a, 5999), 1);
    CHECK_INT(attract_wait_ms(&a, 6000), 0);
    /* During the transition to slide 1: draw frames. */
    attract_tick(&a, 6000, JUNE);
    CHECK_INT(attract_wait_ms(&a, 6100), 0);
    attract_tick(&a, 6600, JUNE);
    CHECK_INT(attract_wait_ms(&a, 6600), 6400); /* slide 1 is due at 13000 */
    /* Slide 2 counts its number up for 1.5 s after appearing: frames until then. */
    attract_tick(&a, 13000, JUNE);
    attract_tick(&a, 13600, JUNE);
    CHECK_INT(attract_prev_slide(&a), -1);
    CHECK(attract_animating(&a, 14000));
    CHECK_INT(attract_wait_ms(&a, 14000), 0);
    CHECK_INT(attract_anim_ms(&a, 14000), 1000);
    CHECK(!attract_animating(&a, 14500));
    CHECK_INT(attract_wait_ms(&a, 14500), 23000 - 14500);
    config_free(c);
}

static void taps_open_feedback(void) {
    config *c = load(LOOP4);
    if (!c) {
        CHECK(c != NULL);
        return;
    }
    frame f = small_frame();
    attract a;
    attract_init(&a, c, JUNE, 0);
    /* "Have your say" in the footer, on any slide. */
    CHECK_INT(attract_input(&a, GESTURE_TAP, cx(f.button), cy(f.button), &f, 100),
              ATTRACT_OPEN_FEEDBACK);
    CHECK_INT(attract_slide(&a), 0);
    CHECK(!a.paused);
    /* Its corners count too. */
    CHECK_INT(attract_input(&a, GESTURE_TAP, f.button.x, f.button.y, &f, 200),
              ATTRACT_OPEN_FEEDBACK);
    CHECK_INT(attract_input(&a, GESTURE_TAP, f.button.x + f.button.w - 1,
                            f.button.y + f.button.h - 1, &f, 300),
              ATTRACT_OPEN_FEEDBACK);
    /* The call-to-action slide's big button opens its own consultation... */
    attract_go(&a, 3, 400);
    CHECK_INT(attract_slide(&a), 3);
    CHECK_INT(c->slides[3].type, SLIDE_CALL_TO_ACTION);
    CHECK_INT(attract_input(&a, GESTURE_TAP, cx(f.cta_button), cy(f.cta_button), &f, 500),
              ATTRACT_OPEN_SLIDE);
    /* ...but where there is no such button, the same spot just pauses. */
    attract_go(&a, 1, 600);
    CHECK_INT(attract_slide(&a), 0);
    CHECK_INT(attract_input(&a, GESTURE_TAP, cx(f.cta_button), cy(f.cta_button), &f, 700),
              ATTRACT_CHANGED);
    CHECK(a.paused);
    config_free(c);
}

static void tap_zones_and_swipes(void) {
    config *c = load(LOOP4);
    if (!c) {
        CHECK(c != NULL);
        return;
    }
    frame f = small_frame();
    attract a;
    attract_init(&a, c, JUNE, 0);
    CHECK_INT(attract_input(&a, GESTURE_TAP, cx(f.next_zone), cy(f.next_zone), &f, 100),
              ATTRACT_CHANGED);
    CHECK_INT(attract_slide(&a), 1);
    CHECK_INT(attract_prev_slide(&a), 0);
    CHECK_INT(a.dir, 1);
    CHECK_INT(attract_input(&a, GESTURE_TAP, cx(f.prev_zone), cy(f.prev_zone), &f, 200),
              ATTRACT_CHANGED);
    CHECK_INT(attract_slide(&a), 0);
    CHECK_INT(a.dir, -1);
    /* Back from the first slide wraps to the last one shown today. */
    CHECK_INT(attract_input(&a, GESTURE_TAP, 5, 5, &f, 300), ATTRACT_CHANGED);
    CHECK_INT(attract_slide(&a), 3);
    /* Swiping left brings the next slide; right, the previous. */
    CHECK_INT(attract_input(&a, GESTURE_SWIPE_LEFT, 400, 240, &f, 400), ATTRACT_CHANGED);
    CHECK_INT(attract_slide(&a), 0);
    CHECK_INT(a.dir, 1);
    CHECK_INT(attract_input(&a, GESTURE_SWIPE_LEFT, 400, 240, &f, 500), ATTRACT_CHANGED);
    CHECK_INT(attract_slide(&a), 1);
    CHECK_INT(attract_input(&a, GESTURE_SWIPE_RIGHT, 400, 240, &f, 600), ATTRACT_CHANGED);
    CHECK_INT(attract_slide(&a), 0);
    CHECK_INT(a.dir, -1);
    CHECK(!a.paused);
    /* A wobble does nothing. */
    CHECK_INT(attract_input(&a, GESTURE_NONE, 400, 240, &f, 700), ATTRACT_NONE);
    CHECK_INT(attract_slide(&a), 0);
    CHECK(!a.paused);
    /* A slide reached by hand gets its full time: slide 0 stands 5 s from the swipe. */
    attract_tick(&a, 1300, JUNE);
    CHECK(!attract_tick(&a, 5599, JUNE));
    CHECK_INT(attract_slide(&a), 0);
    CHECK(attract_tick(&a, 5600, JUNE));
    CHECK_INT(attract_slide(&a), 1);
    config_free(c);
}

/* Right to left: the frame is mirrored, so the right edge goes back and the left goes on, and
 * the next slide comes from the left: a swipe to the right brings it. */
/* LOOP4 loaded and started at time 0 into a (NULL, checked, if it cannot be loaded). */
static config *loop4_started(attract *a) {
    config *c = load(LOOP4);
    CHECK(c != NULL);
    if (c) attract_init(a, c, JUNE, 0);
    return c;
}

static void right_to_left(void) {
    attract a;
    config *c = loop4_started(&a);
    if (!c) return;
    frame ltr = small_frame(), f = frame_mirror(&ltr, 800);
    CHECK(f.rtl);
    CHECK(f.prev_zone.x > 400 && f.next_zone.x < 400);
    CHECK_INT(attract_input(&a, GESTURE_TAP, 790, 200, &f, 100), ATTRACT_CHANGED); /* right edge */
    CHECK_INT(attract_slide(&a), 3);
    CHECK_INT(attract_input(&a, GESTURE_TAP, 10, 200, &f, 200), ATTRACT_CHANGED); /* left edge */
    CHECK_INT(attract_slide(&a), 0);
    CHECK_INT(attract_input(&a, GESTURE_SWIPE_RIGHT, 400, 240, &f, 300), ATTRACT_CHANGED);
    CHECK_INT(attract_slide(&a), 1);
    CHECK_INT(a.dir, 1);
    CHECK_INT(attract_input(&a, GESTURE_SWIPE_LEFT, 400, 240, &f, 400), ATTRACT_CHANGED);
    CHECK_INT(attract_slide(&a), 0);
    CHECK_INT(a.dir, -1);
    /* "Have your say" is wherever the mirrored frame puts it. */
    CHECK_INT(attract_input(&a, GESTURE_TAP, cx(f.button), cy(f.button), &f, 500), ATTRACT_OPEN_FEEDBACK);
    config_free(c);
}

/* A visitor's "less motion": slides change in place and numbers do not count up. */
static void visitor_less_motion(void) {
    attract a;
    config *c = loop4_started(&a);
    if (!c) return;
    a.reduce_motion = true;
    attract_go(&a, 1, 100);
    CHECK_INT(attract_prev_slide(&a), -1);
    CHECK(attract_transition(&a, 100) == 1.0);
    attract_go(&a, 1, 200); /* the highlights slide */
    CHECK_INT(c->slides[attract_slide(&a)].type, SLIDE_HIGHLIGHTS);
    CHECK(!attract_animating(&a, 300));
    a.reduce_motion = false; /* the same slide counts up for the next visitor */
    CHECK(attract_animating(&a, 300));
    config_free(c);
}

static void pause_and_resume(void) {
    config *c = load(LOOP4);
    if (!c) {
        CHECK(c != NULL);
        return;
    }
    frame f = small_frame();
    attract a;
    attract_init(&a, c, JUNE, 0);
    attract_tick(&a, 5000, JUNE);
    attract_tick(&a, 5600, JUNE);
    CHECK_INT(attract_slide(&a), 1); /* due at 12000 */
    int mx = cx(f.content), my = cy(f.content);
    CHECK(!rect_contains(f.prev_zone, mx, my) && !rect_contains(f.next_zone, mx, my));
    CHECK_INT(attract_input(&a, GESTURE_TAP, mx, my, &f, 8000), ATTRACT_CHANGED);
    CHECK(a.paused);
    CHECK_INT(attract_slide(&a), 1);
    /* Paused: the slide stays however long it is past due, and the app may sleep until the
     * pause would end by itself (30 s after the tap). */
    CHECK(!attract_tick(&a, 12000, JUNE));
    CHECK(!attract_tick(&a, 20000, JUNE));
    CHECK_INT(attract_slide(&a), 1);
    CHECK_INT(attract_wait_ms(&a, 20000), 18000);
    /* A second tap resumes with the 4 s it had left. */
    CHECK_INT(attract_input(&a, GESTURE_TAP, mx, my, &f, 20000), ATTRACT_CHANGED);
    CHECK(!a.paused);
    CHECK_INT(attract_wait_ms(&a, 20000), 4000);
    CHECK(!attract_tick(&a, 23999, JUNE));
    CHECK_INT(attract_slide(&a), 1);
    CHECK(attract_tick(&a, 24000, JUNE));
    CHECK_INT(attract_slide(&a), 2);
    config_free(c);
}

static void pause_times_out(void) {
    config *c = load(LOOP4);
    if (!c) {
        CHECK(c != NULL);
        return;
    }
    frame f = small_frame();
    attract a;
    attract_init(&a, c, JUNE, 0);
    /* Pause on slide 0 with 3 s left; nobody comes back. */
    attract_input(&a, GESTURE_TAP, cx(f.content), cy(f.content), &f, 2000);
    CHECK(a.paused);
    CHECK(!attract_tick(&a, 31999, JUNE));
    CHECK(a.paused);
    CHECK(attract_tick(&a, 32000, JUNE)); /* 30 s after the last touch */
    CHECK(!a.paused);
    CHECK_INT(attract_slide(&a), 0);
    CHECK_INT(attract_wait_ms(&a, 32000), 3000); /* the time left when paused */
    CHECK(attract_tick(&a, 35000, JUNE));
    CHECK_INT(attract_slide(&a), 1);
    /* Touching while paused (a swipe to read on) keeps the pause alive. */
    attract_input(&a, GESTURE_TAP, cx(f.content), cy(f.content), &f, 40000);
    CHECK(a.paused);
    attract_input(&a, GESTURE_SWIPE_LEFT, 400, 240, &f, 60000);
    CHECK(a.paused);
    CHECK_INT(attract_slide(&a), 2);
    attract_tick(&a, 60600, JUNE);         /* the swipe's transition ends */
    CHECK(!attract_tick(&a, 70000, JUNE)); /* 30 s after the tap, but only 10 s after the swipe */
    CHECK(a.paused);
    CHECK(attract_tick(&a, 90000, JUNE));
    CHECK(!a.paused);
    CHECK_INT(attract_slide(&a), 2);
    config_free(c);
}

static void swipe_while_paused_then_resume(void) {
    config *c = load(LOOP4);
    if (!c) {
        CHECK(c != NULL);
        return;
    }
    frame f = small_frame();
    attract a;
    attract_init(&a, c, JUNE, 0);
    attract_input(&a, GESTURE_TAP, cx(f.content), cy(f.content), &f, 1000); /* pause */
    attract_input(&a, GESTURE_SWIPE_LEFT, 400, 240, &f, 26000);             /* to slide 1 */
    attract_tick(&a, 26600, JUNE);
    CHECK_INT(attract_slide(&a), 1);
    attract_input(&a, GESTURE_TAP, cx(f.content), cy(f.content), &f, 27000); /* resume */
    CHECK(!a.paused);
    /* Slide 1 (7 s) appeared while paused; once the loop resumes it gets its whole 7 s, not
     * 7 s plus the 25 s the loop had been paused before the swipe. */
    CHECK_INT(attract_wait_ms(&a, 27000), 7000);
    CHECK(!attract_tick(&a, 33999, JUNE));
    CHECK_INT(attract_slide(&a), 1);
    CHECK(attract_tick(&a, 34000, JUNE));
    CHECK_INT(attract_slide(&a), 2);
    config_free(c);
}

static void dated_slides_skipped(void) {
    config *c = load(HEAD "loop: {slide_seconds: 10, transition: none}\n"
                          "slides:\n"
                          "  - {type: title, title: Always}\n"
                          "  - {type: title, title: First of June only, from: \"2025-06-01\", "
                          "until: \"2025-06-01\"}\n"
                          "  - {type: title, title: From the second, from: \"2025-06-02\"}\n"
                          "  - {type: title, title: Also always}\n");
    if (!c) {
        CHECK(c != NULL);
        return;
    }
    attract a;
    attract_init(&a, c, JUNE, 0);
    CHECK_INT(a.n, 3);
    int seen[4] = {0};
    uint64_t t = 0;
    pk_date day = JUNE;
    seen[attract_slide(&a)]++;
    for (int i = 0; i < 6; i++) { /* two passes on 1 June */
        t += 10000;
        attract_tick(&a, t, day);
        seen[attract_slide(&a)]++;
    }
    CHECK(seen[1] > 0);
    CHECK_INT(seen[2], 0);
    /* Midnight passes: from the next pass on, the loop follows the new day. */
    day = (pk_date){2025, 6, 2};
    int seen2[4] = {0};
    for (int i = 0; i < 9; i++) {
        t += 10000;
        attract_tick(&a, t, day);
        seen2[attract_slide(&a)]++;
    }
    CHECK(seen2[2] >= 2);
    CHECK(seen2[0] >= 2 && seen2[3] >= 2);
    /* The last pass on this day never showed the 1 June slide again after wrapping. */
    int after_wrap = 0;
    for (int i = 0; i < 6; i++) {
        t += 10000;
        attract_tick(&a, t, day);
        after_wrap += attract_slide(&a) == 1;
    }
    CHECK_INT(after_wrap, 0);
    /* No transitions with 'none': nothing animates, the app sleeps the whole slide. */
    CHECK_INT(attract_prev_slide(&a), -1);
    CHECK(!attract_animating(&a, t));
    CHECK(attract_wait_ms(&a, t) > 0);
    config_free(c);
}

static void wrap_after_midnight(void) {
    /* Slide 1 shows on 1 June only. The loop passes midnight while on the last slide; the next
     * pass must start with the first slide, as every pass does. */
    config *c = load(HEAD "loop: {slide_seconds: 10, transition: none}\n"
                          "slides:\n"
                          "  - {type: title, title: Welcome}\n"
                          "  - {type: title, title: Today only, from: \"2025-06-01\", "
                          "until: \"2025-06-01\"}\n"
                          "  - {type: title, title: Goodbye}\n");
    if (!c) {
        CHECK(c != NULL);
        return;
    }
    attract a;
    attract_init(&a, c, JUNE, 0);
    CHECK_INT(a.n, 3);
    attract_tick(&a, 10000, JUNE);
    CHECK_INT(attract_slide(&a), 1);
    attract_tick(&a, 20000, JUNE);
    CHECK_INT(attract_slide(&a), 2);
    pk_date june2 = {2025, 6, 2};
    attract_tick(&a, 30000, june2);
    CHECK_INT(a.n, 2);
    /* A wrap re-reads the calendar; the new pass starts at the first slide, not at
     * (pos + 1) % new_n, which would show "Goodbye" twice and skip "Welcome". */
    CHECK_INT(attract_slide(&a), 0);
    attract_tick(&a, 40000, june2);
    CHECK_INT(attract_slide(&a), 2);
    config_free(c);
}

static void single_slide(void) {
    config *c = load(HEAD "slides:\n  - {type: title, title: Only, duration: 4}\n");
    if (!c) {
        CHECK(c != NULL);
        return;
    }
    attract a;
    attract_init(&a, c, JUNE, 0);
    CHECK_INT(a.n, 1);
    /* Nothing to move to: it stays, nothing changes, and the app still sleeps. */
    CHECK(!attract_tick(&a, 4000, JUNE));
    CHECK_INT(attract_slide(&a), 0);
    CHECK(attract_wait_ms(&a, 4000) > 0);
    CHECK_INT(attract_wait_ms(&a, 4000), 4000);
    frame f = small_frame();
    attract_input(&a, GESTURE_SWIPE_LEFT, 400, 240, &f, 5000);
    CHECK_INT(attract_slide(&a), 0);
    CHECK_INT(attract_prev_slide(&a), -1); /* no transition from a slide to itself */
    config_free(c);
}

int main(void) {
    RUN(advances_and_wraps);
    RUN(day_long_run);
    RUN(transition_progress);
    RUN(wait_when_idle);
    RUN(taps_open_feedback);
    RUN(tap_zones_and_swipes);
    RUN(right_to_left);
    RUN(visitor_less_motion);
    RUN(pause_and_resume);
    RUN(pause_times_out);
    RUN(swipe_while_paused_then_resume);
    RUN(dated_slides_skipped);
    RUN(wrap_after_midnight);
    RUN(single_slide);
    return check_report();
}
