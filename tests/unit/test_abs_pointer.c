/* Absolute pointers under KMSDRM (abs_pointer.h): the devices the kiosk reads itself are
 * exactly those SDL 2.26 misplaces, and a tap on one lands where it was pressed, whatever the
 * device's range, which button it presses with, and how the screen is turned. */
#include <linux/input.h>

#include "check.h"
#include "platform/abs_pointer.h"
#include "render/layout.h"

static abs_pointer_bits device(const unsigned *ev, const unsigned *key, const unsigned *abs,
                               const unsigned *rel, const unsigned *prop) {
    abs_pointer_bits b;
    memset(&b, 0, sizeof b);
    /* Each list ends with ~0u. */
    for (; ev && *ev != ~0u; ev++) abs_pointer_set_bit(b.ev, *ev);
    for (; key && *key != ~0u; key++) abs_pointer_set_bit(b.key, *key);
    for (; abs && *abs != ~0u; abs++) abs_pointer_set_bit(b.abs, *abs);
    for (; rel && *rel != ~0u; rel++) abs_pointer_set_bit(b.rel, *rel);
    for (; prop && *prop != ~0u; prop++) abs_pointer_set_bit(b.prop, *prop);
    return b;
}
#define L(...) ((const unsigned[]){__VA_ARGS__, ~0u})

static void takes_the_devices_sdl_misplaces(void) {
    /* QEMU's usb-tablet (and virtio-tablet): absolute axes, mouse buttons and a wheel. */
    abs_pointer_bits qemu =
        device(L(EV_SYN, EV_KEY, EV_REL, EV_ABS), L(BTN_LEFT, BTN_RIGHT, BTN_MIDDLE),
               L(ABS_X, ABS_Y), L(REL_WHEEL), NULL);
    CHECK_INT(abs_pointer_classify(&qemu), ABS_POINTER_MOUSE);
    CHECK(!abs_pointer_has_keys(&qemu));
    /* A USB touch panel in mouse mode, marked direct and with BTN_TOUCH too: udev still calls
     * it a mouse (the mouse button is asked first), so SDL 2.26 misplaces it. */
    abs_pointer_bits panel = device(L(EV_SYN, EV_KEY, EV_ABS), L(BTN_LEFT, BTN_TOUCH),
                                    L(ABS_X, ABS_Y), NULL, L(INPUT_PROP_DIRECT));
    CHECK_INT(abs_pointer_classify(&panel), ABS_POINTER_MOUSE);
    /* A pen digitizer: SDL 2.26 does not read it at all. */
    abs_pointer_bits pen = device(L(EV_SYN, EV_KEY, EV_ABS), L(BTN_TOOL_PEN, BTN_TOUCH, BTN_STYLUS),
                                  L(ABS_X, ABS_Y, ABS_PRESSURE), NULL, NULL);
    CHECK_INT(abs_pointer_classify(&pen), ABS_POINTER_PEN);
    /* A keyboard with an absolute pointer on the same node (a KVM): taken, never grabbed. */
    abs_pointer_bits kvm = device(L(EV_SYN, EV_KEY, EV_ABS), L(KEY_ESC, KEY_A, KEY_ENTER, BTN_LEFT),
                                  L(ABS_X, ABS_Y), NULL, NULL);
    CHECK_INT(abs_pointer_classify(&kvm), ABS_POINTER_MOUSE);
    CHECK(abs_pointer_has_keys(&kvm));
}

static void leaves_the_devices_sdl_places_right(void) {
    abs_pointer_bits mouse = device(L(EV_SYN, EV_KEY, EV_REL), L(BTN_LEFT, BTN_RIGHT), NULL,
                                    L(REL_X, REL_Y, REL_WHEEL), NULL);
    CHECK_INT(abs_pointer_classify(&mouse), ABS_POINTER_NONE);
    /* Relative axes win over absolute ones, in SDL as here. */
    abs_pointer_bits both = device(L(EV_SYN, EV_KEY, EV_REL, EV_ABS), L(BTN_LEFT), L(ABS_X, ABS_Y),
                                   L(REL_X, REL_Y), NULL);
    CHECK_INT(abs_pointer_classify(&both), ABS_POINTER_NONE);
    /* Multi-touch screens, with or without a mouse button: SDL's touch path. */
    abs_pointer_bits mt = device(
        L(EV_SYN, EV_KEY, EV_ABS), L(BTN_TOUCH),
        L(ABS_X, ABS_Y, ABS_MT_SLOT, ABS_MT_POSITION_X, ABS_MT_POSITION_Y, ABS_MT_TRACKING_ID),
        NULL, L(INPUT_PROP_DIRECT));
    CHECK_INT(abs_pointer_classify(&mt), ABS_POINTER_NONE);
    abs_pointer_set_bit(mt.key, BTN_LEFT);
    CHECK_INT(abs_pointer_classify(&mt), ABS_POINTER_NONE);
    /* A single-touch screen (BTN_TOUCH, no mouse button): SDL scales it by its range. */
    abs_pointer_bits st =
        device(L(EV_SYN, EV_KEY, EV_ABS), L(BTN_TOUCH), L(ABS_X, ABS_Y), NULL, NULL);
    CHECK_INT(abs_pointer_classify(&st), ABS_POINTER_NONE);
    /* A touchpad. */
    abs_pointer_bits pad =
        device(L(EV_SYN, EV_KEY, EV_ABS), L(BTN_LEFT, BTN_TOUCH, BTN_TOOL_FINGER),
               L(ABS_X, ABS_Y, ABS_MT_SLOT, ABS_MT_POSITION_X, ABS_MT_POSITION_Y), NULL,
               L(INPUT_PROP_POINTER));
    CHECK_INT(abs_pointer_classify(&pad), ABS_POINTER_NONE);
    /* No button that presses: nothing to tap with. */
    abs_pointer_bits right =
        device(L(EV_SYN, EV_KEY, EV_ABS), L(BTN_RIGHT), L(ABS_X, ABS_Y), NULL, NULL);
    CHECK_INT(abs_pointer_classify(&right), ABS_POINTER_NONE);
    /* An accelerometer, a joystick, a keyboard. */
    abs_pointer_bits accel =
        device(L(EV_SYN, EV_ABS), NULL, L(ABS_X, ABS_Y, ABS_Z), NULL, L(INPUT_PROP_ACCELEROMETER));
    CHECK_INT(abs_pointer_classify(&accel), ABS_POINTER_NONE);
    abs_pointer_bits stick = device(L(EV_SYN, EV_KEY, EV_ABS), L(BTN_TRIGGER, BTN_THUMB),
                                    L(ABS_X, ABS_Y, ABS_RZ), NULL, NULL);
    CHECK_INT(abs_pointer_classify(&stick), ABS_POINTER_NONE);
    abs_pointer_bits keyboard = device(L(EV_SYN, EV_KEY), L(KEY_ESC, KEY_A), NULL, NULL, NULL);
    CHECK_INT(abs_pointer_classify(&keyboard), ABS_POINTER_NONE);
    CHECK(abs_pointer_has_keys(&keyboard));
}

static void only_kmsdrm_before_sdl_2_30(void) {
    CHECK(abs_pointer_needed("KMSDRM", 2, 26)); /* bookworm's 2.26.5 */
    CHECK(abs_pointer_needed("kmsdrm", 2, 28)); /* 2.28.x still has the 2.26 code */
    CHECK(!abs_pointer_needed("KMSDRM", 2, 30));
    CHECK(!abs_pointer_needed("KMSDRM", 2, 32));
    CHECK(!abs_pointer_needed("KMSDRM", 3, 0)); /* SDL_VERSIONNUM would call 3.0 older than 2.30 */
    CHECK(!abs_pointer_needed("x11", 2, 26));
    CHECK(!abs_pointer_needed("wayland", 2, 26));
    CHECK(!abs_pointer_needed("dummy", 2, 26));
    CHECK(!abs_pointer_needed(NULL, 2, 26));
}

/* A fraction of the screen as the kiosk's to_pixels makes it a pixel. */
static int px(float f, int size) { return (int)(f * size); }

static void ranges_become_the_screen(void) {
    abs_pointer_axis qemu = {0, 32767};
    /* The VM test's tap on "Have your say" at 1065,720 of 1280x800, as QEMU sends it; SDL 2.26
     * put it at 27264,29490. QEMU rounds down on its way in (720 * 32767 / 800 = 29490.3), so
     * a pixel less is the device's own rounding. */
    CHECK_INT(px(abs_pointer_scale(27264, qemu), 1280), 1065);
    int y = px(abs_pointer_scale(29490, qemu), 800);
    CHECK(y == 719 || y == 720);
    CHECK_INT(px(abs_pointer_scale(0, qemu), 1280), 0);
    CHECK(abs_pointer_scale(32767, qemu) == 1.0f);
    /* A resistive panel whose range starts above 0. */
    abs_pointer_axis panel = {200, 3900};
    CHECK(abs_pointer_scale(200, panel) == 0.0f);
    CHECK(abs_pointer_scale(3900, panel) == 1.0f);
    CHECK_INT(px(abs_pointer_scale(2050, panel), 1000), 500);
    CHECK(abs_pointer_scale(150, panel) == 0.0f); /* past the ends: the edge, not off screen */
    CHECK(abs_pointer_scale(4095, panel) == 1.0f);
    /* Negative ranges (some digitizers centre on 0). */
    abs_pointer_axis centred = {-1000, 1000};
    CHECK_INT(px(abs_pointer_scale(0, centred), 800), 400);
    /* An axis reported backwards. */
    abs_pointer_axis backwards = {4095, 0};
    CHECK(abs_pointer_scale(4095, backwards) == 0.0f);
    CHECK(abs_pointer_scale(0, backwards) == 1.0f);
    CHECK_INT(px(abs_pointer_scale(1024, backwards), 800), 599);
    /* No range at all: no division by zero. */
    abs_pointer_axis none = {5, 5};
    CHECK(abs_pointer_scale(5, none) == 0.0f);
}

static abs_pointer_track qemu_track(void) {
    abs_pointer_track t;
    abs_pointer_track_init(&t, (abs_pointer_axis){0, 32767}, (abs_pointer_axis){0, 32767}, 0, 0,
                           false);
    return t;
}

static abs_pointer_out report(abs_pointer_track *t) {
    return abs_pointer_feed(t, EV_SYN, SYN_REPORT, 0);
}

static void a_tap_is_a_press_and_a_release_in_place(void) {
    abs_pointer_track t = qemu_track();
    CHECK_INT(abs_pointer_feed(&t, EV_ABS, ABS_X, 16384).act, ABS_POINTER_IDLE);
    abs_pointer_feed(&t, EV_ABS, ABS_Y, 8192);
    abs_pointer_feed(&t, EV_KEY, BTN_LEFT, 1);
    abs_pointer_out o = report(&t);
    CHECK_INT(o.act, ABS_POINTER_DOWN);
    CHECK_INT(px(o.x, 1000), 500);
    CHECK_INT(px(o.y, 1000), 250);
    /* The release reports no axis: the place stays (SDL 2.26 sent an unchanged axis as 0). */
    abs_pointer_feed(&t, EV_KEY, BTN_LEFT, 0);
    o = report(&t);
    CHECK_INT(o.act, ABS_POINTER_UP);
    CHECK_INT(px(o.x, 1000), 500);
    CHECK_INT(px(o.y, 1000), 250);
    /* Hovering (moving with nothing pressed) tells the kiosk nothing. */
    abs_pointer_feed(&t, EV_ABS, ABS_X, 0);
    CHECK_INT(report(&t).act, ABS_POINTER_IDLE);
    /* A drag: press, moves (one axis at a time), release where it ended. */
    abs_pointer_feed(&t, EV_KEY, BTN_LEFT, 1);
    CHECK_INT(report(&t).act, ABS_POINTER_DOWN);
    abs_pointer_feed(&t, EV_ABS, ABS_X, 32767);
    o = report(&t);
    CHECK_INT(o.act, ABS_POINTER_MOVE);
    CHECK(o.x == 1.0f);
    CHECK_INT(px(o.y, 1000), 250);
    CHECK_INT(report(&t).act, ABS_POINTER_IDLE); /* a report that changes nothing */
    abs_pointer_feed(&t, EV_ABS, ABS_Y, 32767);
    abs_pointer_feed(&t, EV_KEY, BTN_LEFT, 0);
    o = report(&t);
    CHECK_INT(o.act, ABS_POINTER_UP);
    CHECK(o.y == 1.0f);
    /* Other buttons and events are not taps. */
    abs_pointer_feed(&t, EV_KEY, BTN_RIGHT, 1);
    abs_pointer_feed(&t, EV_REL, REL_WHEEL, 1);
    abs_pointer_feed(&t, EV_MSC, MSC_SCAN, 90001);
    CHECK_INT(report(&t).act, ABS_POINTER_IDLE);
}

static void a_pen_presses_with_its_tip(void) {
    /* No BTN_LEFT: the tip is BTN_TOUCH; hovering in range moves nothing. */
    abs_pointer_track t;
    abs_pointer_track_init(&t, (abs_pointer_axis){0, 15360}, (abs_pointer_axis){0, 9600}, 0, 0,
                           false);
    abs_pointer_feed(&t, EV_KEY, BTN_TOOL_PEN, 1);
    abs_pointer_feed(&t, EV_ABS, ABS_X, 7680);
    abs_pointer_feed(&t, EV_ABS, ABS_Y, 4800);
    CHECK_INT(report(&t).act, ABS_POINTER_IDLE);
    abs_pointer_feed(&t, EV_KEY, BTN_TOUCH, 1);
    abs_pointer_out o = report(&t);
    CHECK_INT(o.act, ABS_POINTER_DOWN);
    CHECK_INT(px(o.x, 1920), 960);
    CHECK_INT(px(o.y, 1080), 540);
    abs_pointer_feed(&t, EV_KEY, BTN_TOUCH, 0);
    abs_pointer_feed(&t, EV_KEY, BTN_TOOL_PEN, 0);
    CHECK_INT(report(&t).act, ABS_POINTER_UP);
}

static void both_buttons_make_one_press(void) {
    /* A panel sending BTN_TOUCH and BTN_LEFT: one press until both are let go. */
    abs_pointer_track t = qemu_track();
    abs_pointer_feed(&t, EV_KEY, BTN_TOUCH, 1);
    abs_pointer_feed(&t, EV_KEY, BTN_LEFT, 1);
    CHECK_INT(report(&t).act, ABS_POINTER_DOWN);
    abs_pointer_feed(&t, EV_KEY, BTN_TOUCH, 0);
    CHECK_INT(report(&t).act, ABS_POINTER_IDLE);
    abs_pointer_feed(&t, EV_KEY, BTN_LEFT, 0);
    CHECK_INT(report(&t).act, ABS_POINTER_UP);
}

static void a_press_before_the_start_is_not_a_tap(void) {
    abs_pointer_track t;
    abs_pointer_track_init(&t, (abs_pointer_axis){0, 32767}, (abs_pointer_axis){0, 32767}, 100, 100,
                           true);
    abs_pointer_feed(&t, EV_ABS, ABS_X, 20000);
    CHECK_INT(report(&t).act, ABS_POINTER_IDLE);
    abs_pointer_feed(&t, EV_KEY, BTN_LEFT, 0);
    CHECK_INT(report(&t).act, ABS_POINTER_IDLE);
    abs_pointer_feed(&t, EV_KEY, BTN_LEFT, 1);
    CHECK_INT(report(&t).act, ABS_POINTER_DOWN);
}

static void a_dropped_buffer_is_read_again(void) {
    abs_pointer_track t = qemu_track();
    abs_pointer_feed(&t, EV_KEY, BTN_LEFT, 1);
    CHECK_INT(report(&t).act, ABS_POINTER_DOWN);
    /* The kernel's buffer overflowed: everything to the next SYN_REPORT is ignored... */
    abs_pointer_feed(&t, EV_SYN, SYN_DROPPED, 0);
    abs_pointer_feed(&t, EV_ABS, ABS_X, 9999);
    abs_pointer_feed(&t, EV_KEY, BTN_LEFT, 0);
    CHECK_INT(report(&t).act, ABS_POINTER_IDLE);
    CHECK(t.need_sync);
    CHECK_INT(t.x, 0);
    /* ...and the device's state, read again, ends the press where it really is. */
    abs_pointer_out o = abs_pointer_sync(&t, 32767, 0, false);
    CHECK(!t.need_sync);
    CHECK_INT(o.act, ABS_POINTER_UP);
    CHECK(o.x == 1.0f);
    /* A press that began in the drop starts with the sync. */
    abs_pointer_feed(&t, EV_SYN, SYN_DROPPED, 0);
    report(&t);
    CHECK_INT(abs_pointer_sync(&t, 16384, 16384, true).act, ABS_POINTER_DOWN);
}

static void a_turned_screen_is_tapped_where_it_shows(void) {
    /* The device covers the screen as mounted; the kiosk turns its fractions like a touch's.
     * A button drawn at (0.8, 0.9) of the drawing shows, on a screen turned clockwise by each
     * rotation, at these fractions of the screen as mounted (see test_rotation.c). Pressed
     * there, it is hit: within a pixel of its point on a 1080x1920 drawing. */
    static const struct {
        int rotation;
        float sx, sy;
    } shown[] = {{0, 0.8f, 0.9f}, {90, 0.1f, 0.8f}, {180, 0.2f, 0.1f}, {270, 0.9f, 0.2f}};
    for (int i = 0; i < 4; i++) {
        abs_pointer_track t = qemu_track();
        abs_pointer_feed(&t, EV_ABS, ABS_X, (int32_t)(shown[i].sx * 32767 + 0.5f));
        abs_pointer_feed(&t, EV_ABS, ABS_Y, (int32_t)(shown[i].sy * 32767 + 0.5f));
        abs_pointer_feed(&t, EV_KEY, BTN_LEFT, 1);
        abs_pointer_out o = report(&t);
        float lx, ly;
        layout_unrotate(shown[i].rotation, o.x, o.y, &lx, &ly);
        CHECK(lx * 1080 > 863 && lx * 1080 < 865);
        CHECK(ly * 1920 > 1727 && ly * 1920 < 1729);
    }
}

int main(void) {
    RUN(takes_the_devices_sdl_misplaces);
    RUN(leaves_the_devices_sdl_places_right);
    RUN(only_kmsdrm_before_sdl_2_30);
    RUN(ranges_become_the_screen);
    RUN(a_tap_is_a_press_and_a_release_in_place);
    RUN(a_pen_presses_with_its_tip);
    RUN(both_buttons_make_one_press);
    RUN(a_press_before_the_start_is_not_a_tap);
    RUN(a_dropped_buffer_is_read_again);
    RUN(a_turned_screen_is_tapped_where_it_shows);
    return check_report();
}
