/* abs_pointer_reader: reads the absolute pointers SDL 2.26 gets wrong under KMSDRM (see
 * abs_pointer.h) from evdev itself and hands the kiosk their taps, placed right.
 *
 * A thread finds the /dev/input/event* devices abs_pointer_classify takes (at start, and as
 * they appear: inotify on the folder, since udev's hotplug news does not reach a service with
 * PrivateNetwork=yes), opens them read-only and non-blocking, and pushes each press, move and
 * release as an SDL event of a type of its own (SDL_RegisterEvents), which wakes the kiosk.
 * On the kiosk's thread abs_pointer_reader_touch turns it into an SDL_FINGERDOWN,
 * SDL_FINGERMOTION or SDL_FINGERUP (touchId ABS_POINTER_TOUCH_ID) that the kiosk handles like
 * any touch: positions as fractions of the screen as mounted (the thread needs no window size,
 * the kiosk turns them by its rotation), and no mouse cursor (a touch panel has none to show).
 * Not pushed as touch events themselves: SDL 2.26's renderer rescales every touch event pushed
 * while a render target is set (a rotated kiosk draws into one) by the target's size over the
 * window's, which puts a quarter-turned tap in the wrong place; its own event type it leaves
 * alone.
 *
 * SDL opens the same devices and would still send its own, misplaced mouse events for them.
 * Two things stop that, chosen from SDL 2.26's code: (1) each device is grabbed (EVIOCGRAB),
 * so its events reach this reader only and SDL's copy stays silent; a device that also has
 * keyboard keys is not grabbed, as SDL needs it for those. (2) In SDL 2.26's evdev code, the
 * `which` of every mouse event is the file descriptor SDL read the device through
 * ((SDL_MouseID)item->fd), so abs_pointer_reader_owns() tells the kiosk that an SDL mouse
 * event came from one of these devices when that descriptor is open on the same device node:
 * this covers the events SDL read before the grab, and the devices not grabbed. Relative mice
 * read by SDL keep working (their `which` is their own descriptor). SDL's made-up events with
 * `which` 0 (the mouse "leaving" the window after a raw position) cannot happen for a grabbed
 * device; for one that is not grabbed the kiosk ignores them as well while such a device is
 * open, since a kiosk's real mouse sends its own `which`. */
#ifndef PK_ABS_POINTER_READER_H
#define PK_ABS_POINTER_READER_H
#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "platform/abs_pointer.h"

/* The touchId of the touch events abs_pointer_reader_touch makes ("pkab"). */
#define ABS_POINTER_TOUCH_ID 0x706b6162
/* Devices read at once, at most; more are ignored (and said so on stderr). */
#define ABS_POINTER_MAX 8

typedef struct abs_pointer_reader abs_pointer_reader;

/* Starts reading absolute pointers when the kiosk needs it: dir NULL reads /dev/input, and
 * only under KMSDRM with an SDL older than 2.30 (abs_pointer_needed; $PLANKIOSK_ABS_POINTER
 * "off" never, "on" always, for a site to override); a dir (tests) reads that folder's event*
 * entries (links to devices will do) whatever the driver. Call after SDL_Init; returns NULL
 * when not needed, or when it cannot start (said on stderr: taps then go through SDL). The
 * reader owns its thread, descriptors and devices; abs_pointer_reader_stop ends them. */
abs_pointer_reader *abs_pointer_reader_open(const char *dir);
/* Stops the thread, lets go of the devices. Accepts NULL. Call before SDL_Quit. */
void abs_pointer_reader_stop(abs_pointer_reader *r);
/* True if an SDL mouse event whose `which` is this came from a device the reader places
 * itself (so the kiosk must ignore it). False for NULL. Called on the kiosk's thread. */
bool abs_pointer_reader_owns(abs_pointer_reader *r, uint32_t which);
/* If e is the reader's own event (a press, move or release it read), fills *touch with the
 * SDL_FINGERDOWN, SDL_FINGERMOTION or SDL_FINGERUP it stands for and returns true. False for
 * any other event, and for NULL. Called on the kiosk's thread. */
bool abs_pointer_reader_touch(abs_pointer_reader *r, const SDL_Event *e, SDL_Event *touch);
/* How many devices are being read. */
int abs_pointer_reader_count(abs_pointer_reader *r);
/* Reads fd (which the reader then owns) as a device with these ranges, as though it had been
 * found: for tests that write input_events into a pipe instead of making a device. False
 * (fd closed) when full. */
bool abs_pointer_reader_add_fd(abs_pointer_reader *r, int fd, abs_pointer_axis ax,
                               abs_pointer_axis ay);

#endif
