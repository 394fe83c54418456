/* abs_pointer: which input devices are absolute pointers that SDL 2.26 under KMSDRM places
 * wrong, and the pure logic that places their taps right. No SDL and no devices here: the
 * reader (abs_pointer_reader.h) opens the devices and feeds their events in, tests feed made-up
 * ones.
 *
 * The bug. Under KMSDRM, SDL reads /dev/input/event* itself (src/core/linux/SDL_evdev.c). In
 * SDL 2.26 (Debian and Raspberry Pi OS bookworm) a device that udev calls a mouse but that
 * reports ABS_X/ABS_Y instead of REL_X/REL_Y (a USB touch panel in mouse mode, QEMU's
 * usb-tablet and virtio-tablet, a KVM's absolute mouse) has its raw axis values sent as window
 * pixels: "FIXME: Normalize to input device's reported input range (EVIOCGABS)". A tap at the
 * middle of a 0-32767 panel is at (16383, 16383), far outside the window: SDL clamps the first
 * such motion to the bottom-right pixel, then decides the mouse has left the window and
 * reports later positions raw. The press itself is sent as soon as BTN_LEFT is read, before
 * the report's motion, so it lands where the pointer was before; and an axis that did not
 * change in a report is sent as 0. Upstream scaled the range to the display in "Added support
 * for absolute mice with evdev" (libsdl-org/SDL pull request 7899), which first shipped in
 * 2.30.0: SDL 2.28.x still has the 2.26 code. Real touchscreens (ABS_MT_* or BTN_TOUCH without a
 * mouse button, as udev's ID_INPUT_TOUCHSCREEN) take SDL's touch path, which scales correctly; pen
 * digitizers (BTN_TOOL_PEN, udev's ID_INPUT_TABLET) SDL does not read at all. Both kinds this
 * module takes, ABS_POINTER_MOUSE and ABS_POINTER_PEN, are placed by the kiosk itself. */
#ifndef PK_ABS_POINTER_H
#define PK_ABS_POINTER_H
#include <stdbool.h>
#include <stdint.h>

/* Codes are <linux/input.h>'s (EV_ABS, ABS_X, BTN_LEFT...), but this header does not include
 * it: its KEY_* macros would rename the on-screen keyboard's KEY_* actions in every file that
 * includes both. Callers that feed events include it themselves. */

/* A device's capabilities as EVIOCGBIT and EVIOCGPROP report them: one bit per code, up to the
 * kernel's EV_MAX, KEY_MAX, ABS_MAX, REL_MAX and INPUT_PROP_MAX (checked in abs_pointer.c). */
#define ABS_POINTER_LONGS(max) ((max) / (8 * sizeof(unsigned long)) + 1)
typedef struct abs_pointer_bits {
    unsigned long ev[ABS_POINTER_LONGS(0x1f)];
    unsigned long key[ABS_POINTER_LONGS(0x2ff)];
    unsigned long abs[ABS_POINTER_LONGS(0x3f)];
    unsigned long rel[ABS_POINTER_LONGS(0x0f)];
    unsigned long prop[ABS_POINTER_LONGS(0x1f)];
} abs_pointer_bits;

bool abs_pointer_bit(const unsigned long *bits, unsigned code);
void abs_pointer_set_bit(unsigned long *bits, unsigned code);

typedef enum {
    ABS_POINTER_NONE,  /* not ours: SDL handles it right (or it is no pointer at all) */
    ABS_POINTER_MOUSE, /* an absolute mouse: SDL 2.26 sends its raw values as pixels */
    ABS_POINTER_PEN    /* a pen digitizer (tablet, pen display): SDL 2.26 ignores it */
} abs_pointer_kind;

/* What a device is, by the rules udev's input_id (systemd 252) and SDL 2.26 apply, so the
 * kiosk takes exactly the devices SDL gets wrong and leaves the ones it gets right. A device
 * must have a button that presses (BTN_LEFT or BTN_TOUCH) to be taken. */
abs_pointer_kind abs_pointer_classify(const abs_pointer_bits *b);
/* Whether the device also has keyboard keys (as udev's ID_INPUT_KEY): then SDL needs it for
 * those, and it must not be grabbed away from SDL. */
bool abs_pointer_has_keys(const abs_pointer_bits *b);

/* Whether the kiosk must place absolute pointers itself: under SDL's KMSDRM driver (named
 * "KMSDRM"; compared without case) with an SDL older than 2.30 (the run-time version, from
 * SDL_GetVersion: the library the package was built against may have been upgraded since).
 * Other drivers (X11, Wayland) get positions from their display server and are right. */
bool abs_pointer_needed(const char *video_driver, int major, int minor);

/* An axis's range as EVIOCGABS reports it (both ends included). */
typedef struct abs_pointer_axis {
    int32_t min, max;
} abs_pointer_axis;

/* value as a fraction of the axis, 0 at min and 1 at max (the way SDL 2.30 and the touch path
 * scale: QEMU sends pixel x of a w-wide screen as x * 32767 / w). Clamped to 0..1; an axis
 * reported backwards (min > max) comes out the right way; an empty range (min == max) gives 0. */
float abs_pointer_scale(int32_t value, abs_pointer_axis a);

typedef enum {
    ABS_POINTER_IDLE,
    ABS_POINTER_DOWN,
    ABS_POINTER_MOVE,
    ABS_POINTER_UP
} abs_pointer_act;

/* What one report (the events up to SYN_REPORT) means to the kiosk: a press, a move while
 * pressed, a release, or nothing. x, y are fractions of the screen as it is mounted (0..1, as
 * SDL's touch events are): the kiosk turns them by its rotation like any touch. */
typedef struct abs_pointer_out {
    abs_pointer_act act;
    float x, y;
} abs_pointer_out;

/* One device's state between reports. Pressed is BTN_LEFT or BTN_TOUCH (a panel in mouse mode
 * may send either or both; a pen's tip is BTN_TOUCH); other buttons are not taps. */
typedef struct abs_pointer_track {
    abs_pointer_axis ax, ay;
    int32_t x, y;   /* the last values reported: an axis that did not change keeps its value */
    unsigned held;  /* bit 0 BTN_LEFT, bit 1 BTN_TOUCH */
    bool down;      /* the kiosk was told of a press and not yet of its release */
    bool moved;     /* an axis changed in the report being read */
    bool stale;     /* pressed before we started: ignored until everything is let go */
    bool dropped;   /* SYN_DROPPED: events are ignored up to the next SYN_REPORT */
    bool need_sync; /* after a drop: the reader must read the device's state (abs_pointer_sync) */
} abs_pointer_track;

/* Starts tracking from the device's state now (EVIOCGABS values, and whether BTN_LEFT or
 * BTN_TOUCH is held: a press already under way is not a tap). */
void abs_pointer_track_init(abs_pointer_track *t, abs_pointer_axis ax, abs_pointer_axis ay,
                            int32_t x, int32_t y, bool held);
/* Feeds one input_event. At SYN_REPORT returns what the report meant (IDLE otherwise); other
 * event types and codes are ignored. */
abs_pointer_out abs_pointer_feed(abs_pointer_track *t, uint16_t type, uint16_t code, int32_t value);
/* After SYN_DROPPED (t->need_sync): the device's state read again with EVIOCGABS/EVIOCGKEY,
 * told as one report (a release lost in the drop still ends the press). */
abs_pointer_out abs_pointer_sync(abs_pointer_track *t, int32_t x, int32_t y, bool held);

#endif
