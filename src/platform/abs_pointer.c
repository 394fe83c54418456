/* abs_pointer: the pure half of placing absolute pointers (see the header for the bug). The
 * classification follows udev's input_id builtin (systemd 252, bookworm), because that is what
 * SDL 2.26 asks udev: ID_INPUT_MOUSE gets the broken path, ID_INPUT_TOUCHSCREEN the touch path
 * that scales, ID_INPUT_TABLET nothing. */
#include "platform/abs_pointer.h"

#include <linux/input.h>
#include <strings.h>

#define LONG_BITS (8 * sizeof(unsigned long))
#define FITS(field, max) (sizeof(((abs_pointer_bits *)0)->field) * 8 > (max))
_Static_assert(FITS(ev, EV_MAX) && FITS(key, KEY_MAX) && FITS(abs, ABS_MAX) && FITS(rel, REL_MAX) &&
                   FITS(prop, INPUT_PROP_MAX),
               "abs_pointer_bits holds every code of these kernel headers");

bool abs_pointer_bit(const unsigned long *bits, unsigned code) {
    return (bits[code / LONG_BITS] >> (code % LONG_BITS)) & 1UL;
}

void abs_pointer_set_bit(unsigned long *bits, unsigned code) {
    bits[code / LONG_BITS] |= 1UL << (code % LONG_BITS);
}

static bool any_bit(const unsigned long *bits, unsigned from, unsigned to) {
    for (unsigned c = from; c < to; c++)
        if (abs_pointer_bit(bits, c)) return true;
    return false;
}

abs_pointer_kind abs_pointer_classify(const abs_pointer_bits *b) {
    if (!abs_pointer_bit(b->ev, EV_ABS) || !abs_pointer_bit(b->abs, ABS_X) ||
        !abs_pointer_bit(b->abs, ABS_Y))
        return ABS_POINTER_NONE;
    /* REL_X and REL_Y: SDL calls it a relative mouse and ignores its ABS_X/ABS_Y, rightly. */
    if (abs_pointer_bit(b->ev, EV_REL) && abs_pointer_bit(b->rel, REL_X) &&
        abs_pointer_bit(b->rel, REL_Y))
        return ABS_POINTER_NONE;
    bool pen = abs_pointer_bit(b->key, BTN_STYLUS) || abs_pointer_bit(b->key, BTN_TOOL_PEN);
    bool finger_no_pen =
        abs_pointer_bit(b->key, BTN_TOOL_FINGER) && !abs_pointer_bit(b->key, BTN_TOOL_PEN);
    bool direct = abs_pointer_bit(b->prop, INPUT_PROP_DIRECT);
    bool touch = abs_pointer_bit(b->key, BTN_TOUCH);
    bool mouse_button = any_bit(b->key, BTN_MOUSE, BTN_JOYSTICK);
    /* udev ignores multi-touch axes on devices that claim every axis (some joysticks). */
    bool mt = abs_pointer_bit(b->abs, ABS_MT_POSITION_X) &&
              abs_pointer_bit(b->abs, ABS_MT_POSITION_Y) &&
              !(abs_pointer_bit(b->abs, ABS_MT_SLOT) && abs_pointer_bit(b->abs, ABS_MT_SLOT - 1));
    bool presses = abs_pointer_bit(b->key, BTN_LEFT) || touch;
    abs_pointer_kind kind = ABS_POINTER_NONE;
    if (pen)
        kind = ABS_POINTER_PEN; /* ID_INPUT_TABLET: SDL 2.26 does not open it */
    else if (finger_no_pen && !direct)
        return ABS_POINTER_NONE; /* a touchpad: SDL's touch path */
    else if (mt && (touch || direct))
        return ABS_POINTER_NONE; /* a touchscreen, even with a mouse button */
    else if (mouse_button)
        kind = ABS_POINTER_MOUSE; /* udev: "VMware's USB mouse" and its kind */
    /* What is left with BTN_TOUCH or INPUT_PROP_DIRECT is a single-touch touchscreen: SDL's touch
     * path scales it by its range. */
    return presses ? kind : ABS_POINTER_NONE;
}

bool abs_pointer_has_keys(const abs_pointer_bits *b) {
    /* udev's ID_INPUT_KEY: a key below BTN_MISC, or in the two blocks of keys above the buttons. */
    return any_bit(b->key, 1, BTN_MISC) || any_bit(b->key, KEY_OK, BTN_DPAD_UP) ||
           any_bit(b->key, KEY_ALS_TOGGLE, BTN_TRIGGER_HAPPY);
}

bool abs_pointer_needed(const char *video_driver, int major, int minor) {
    if (!video_driver || strcasecmp(video_driver, "KMSDRM") != 0) return false;
    /* Compared by parts: SDL 2's SDL_VERSIONNUM gives 2.30 (5000) more than 3.0 (3000). */
    return major < 2 || (major == 2 && minor < 30);
}

float abs_pointer_scale(int32_t value, abs_pointer_axis a) {
    if (a.min == a.max) return 0;
    double f = ((double)value - a.min) / ((double)a.max - a.min);
    return f < 0 ? 0.0f : f > 1 ? 1.0f : (float)f;
}

void abs_pointer_track_init(abs_pointer_track *t, abs_pointer_axis ax, abs_pointer_axis ay,
                            int32_t x, int32_t y, bool held) {
    *t = (abs_pointer_track){
        .ax = ax, .ay = ay, .x = x, .y = y, .held = held ? 1u : 0u, .stale = held};
}

/* The end of a report: a press, a release, a move while pressed, or nothing. */
static abs_pointer_out report(abs_pointer_track *t) {
    abs_pointer_out o = {ABS_POINTER_IDLE, abs_pointer_scale(t->x, t->ax),
                         abs_pointer_scale(t->y, t->ay)};
    bool pressed = t->held != 0, moved = t->moved;
    t->moved = false;
    if (t->stale) {
        if (!pressed) t->stale = false;
        return o;
    }
    if (pressed && !t->down)
        o.act = ABS_POINTER_DOWN;
    else if (!pressed && t->down)
        o.act = ABS_POINTER_UP;
    else if (pressed && moved)
        o.act = ABS_POINTER_MOVE;
    t->down = pressed;
    return o;
}

static void set_held(abs_pointer_track *t, unsigned bit, int32_t value) {
    if (value)
        t->held |= bit; /* 1 pressed, 2 autorepeat */
    else
        t->held &= ~bit;
}

abs_pointer_out abs_pointer_feed(abs_pointer_track *t, uint16_t type, uint16_t code,
                                 int32_t value) {
    abs_pointer_out idle = {ABS_POINTER_IDLE, 0, 0};
    if (type == EV_SYN && code == SYN_DROPPED) {
        t->dropped = true; /* the kernel's buffer overflowed: what follows is incomplete */
        return idle;
    }
    if (t->dropped) {
        if (type == EV_SYN && code == SYN_REPORT) t->dropped = false, t->need_sync = true;
        return idle;
    }
    switch (type) {
    case EV_ABS:
        if (code == ABS_X && value != t->x) t->x = value, t->moved = true;
        if (code == ABS_Y && value != t->y) t->y = value, t->moved = true;
        break;
    case EV_KEY:
        if (code == BTN_LEFT) set_held(t, 1u, value);
        if (code == BTN_TOUCH) set_held(t, 2u, value);
        break;
    case EV_SYN:
        if (code == SYN_REPORT) return report(t);
        break;
    default: break;
    }
    return idle;
}

abs_pointer_out abs_pointer_sync(abs_pointer_track *t, int32_t x, int32_t y, bool held) {
    t->need_sync = false;
    t->moved = x != t->x || y != t->y;
    t->x = x, t->y = y;
    /* Which of the two buttons is down is unknown here (the caller may read both): one will do. */
    t->held = held ? (t->held ? t->held : 1u) : 0u;
    return report(t);
}
