/* kiosk_staff: staff mode on the kiosk: the hidden corner, the PIN pad (also from a real
 * keyboard), the staff screen's figures, pause, exit and the export to a USB stick. */
#include <stdio.h>

#include "app/kiosk_internal.h"
#include "app/staff_export.h"

/* The hidden staff corner: a touch-target square in the configured corner. */
pk_rect kiosk_staff_corner(const kiosk *k) {
    const screen_metrics *m = &k->scr.sc.m;
    int side = m->touch * 3 / 2;
    int c = k->cfg->staff.corner;
    return (pk_rect){c & 1 ? m->w - side : 0, c & 2 ? m->h - side : 0, side, side};
}

void kiosk_open_staff(kiosk *k, staff_mode mode, uint64_t now) {
    kiosk_stop_speaking(k);
    k->staff = mode;
    k->staff_since = now;
    if (mode == STAFF_SCREEN) {
        char kdir[1200];
        snprintf(kdir, sizeof kdir, "%s/%s", k->feedback_dir, k->cfg->kiosk.id);
        staff_stats_read(kdir, kiosk_today(k), &k->stats);
    }
    if (mode == STAFF_CLOSED) {
        pin_pad_clear(&k->pad);
        k->pin_message[0] = k->export_message[0] = '\0';
    }
    k->dirty = true;
}

static void export_to_usb(kiosk *k, uint64_t now) {
    static const char *const default_prefixes[] = {"/media/", "/run/media/", NULL};
    const char *test_prefix[] = {k->opts.usb_prefix, NULL};
    const char *const *prefixes = k->opts.usb_prefix ? test_prefix : default_prefixes;
    char sticks[STAFF_USB_MAX][PATH_MAX];
    int n = staff_find_usb(k->opts.usb_mounts ? k->opts.usb_mounts : "/proc/self/mounts", prefixes, sticks);
    if (n == 0) {
        k->export_ok = false;
        snprintf(k->export_message, sizeof k->export_message,
                 "No USB stick found. Plug one in, wait a few seconds, then try again.");
    } else {
        pk_error err = {{0}};
        int written = 0;
        k->export_ok = staff_export(k->feedback_dir, k->cfg, sticks[0], kiosk_wall(k), &written, &err);
        if (k->export_ok)
            snprintf(k->export_message, sizeof k->export_message,
                     "Saved %d response%s (spreadsheet (.xlsx), CSV and report) to %s. It is safe to remove the stick.",
                     written, written == 1 ? "" : "s", sticks[0]);
        else
            snprintf(k->export_message, sizeof k->export_message, "Export failed: %s", err.msg);
    }
    fprintf(stderr, "plankiosk: staff export: %s\n", k->export_message);
    kiosk_open_staff(k, STAFF_SCREEN, now); /* re-read the figures */
}

void kiosk_staff_press(kiosk *k, const widget *w, uint64_t now) {
    k->staff_since = now;
    switch (w->kind) {
    case W_PIN_DIGIT: pin_pad_digit(&k->pad, w->index, now); break;
    case W_PIN_DELETE: pin_pad_backspace(&k->pad); break;
    case W_PIN_CANCEL: kiosk_open_staff(k, STAFF_CLOSED, now); break;
    case W_PIN_OK:
        switch (pin_pad_submit(&k->pad, k->cfg->staff.pin_hash, now)) {
        case PIN_ACCEPTED: kiosk_open_staff(k, STAFF_SCREEN, now); break;
        case PIN_WRONG:
            snprintf(k->pin_message, sizeof k->pin_message, "Wrong PIN: %d %s left before a 5-minute lock",
                     PIN_MAX_ATTEMPTS - k->pad.failures, PIN_MAX_ATTEMPTS - k->pad.failures == 1 ? "try" : "tries");
            break;
        default: k->pin_message[0] = '\0'; break;
        }
        break;
    case W_STAFF_EXPORT: export_to_usb(k, now); break;
    case W_STAFF_PAUSE: attract_set_held(&k->loop, !k->loop.held, now); break;
    case W_STAFF_EXIT:
        k->quit = true;
        k->staff_exit = true;
        break;
    case W_STAFF_BACK: kiosk_open_staff(k, STAFF_CLOSED, now); break;
    default: break;
    }
    k->dirty = true;
}

/* The PIN pad from a real keyboard: digits and Backspace as on the pad; then the focus waits
 * on OK, so "1234 Enter" opens it. */
bool kiosk_pin_key(kiosk *k, SDL_Keycode sym, bool key_repeat, uint64_t now) {
    int digit = sym >= SDLK_0 && sym <= SDLK_9         ? (int)(sym - SDLK_0)
                : sym >= SDLK_KP_1 && sym <= SDLK_KP_9 ? (int)(sym - SDLK_KP_1) + 1
                : sym == SDLK_KP_0                     ? 0
                                                       : -1;
    if (digit < 0 && sym != SDLK_BACKSPACE) return false;
    if (key_repeat) return true;
    widget w = {{0, 0, 0, 0}, digit >= 0 ? W_PIN_DIGIT : W_PIN_DELETE, digit, NULL};
    kiosk_staff_press(k, &w, now);
    focus_place(&k->focus, &k->widgets, false, W_PIN_OK, -1);
    k->focus.shown = true;
    return true;
}

