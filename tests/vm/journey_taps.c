/* vm_journey_taps: where to tap, for packaging/vm-test to send to the emulated kiosk. Runs the
 * real kiosk off screen at the VM's size with the image's config, walks a path on the widgets it
 * lays out, and prints one line per tap: "NAME X Y" with X and Y as fractions of the screen
 * (0..1), the centre of the widget ("hold X Y SECONDS" for a press held that long). Exits 1 if
 * the path cannot be walked (the config asks something else), so the VM test never taps blind.
 *
 *   vm_journey_taps CONFIG WIDTH HEIGHT            the taps-only journey: Have your say, a
 *                                                  theme, Next, a face, Skip, Skip, an age band,
 *                                                  Skip, Send
 *   vm_journey_taps CONFIG WIDTH HEIGHT staff PIN  the staff corner held, the PIN, OK, and the
 *                                                  staff screen's "Export to USB stick" and
 *                                                  its Back
 *   vm_journey_taps ... staff PIN STICK            the same with STICK (a folder holding
 *                                                  plankiosk/config.yaml) plugged in: new content
 *                                                  checked, previewed a slide on, used, one tap
 *                                                  back to the previous, Back */
#include <SDL.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/config_file.h"
#include "app/kiosk.h"
#include "app/kiosk_internal.h" /* the staff corner */
#include "journey/journey.h"
#include "kiosk_test.h"

static int W, H;

static void tap_at(kiosk *k, const char *name, int x, int y) {
    printf("%s %.5f %.5f\n", name, (x + 0.5) / W, (y + 0.5) / H);
    finger_tap_in(k, x, y, W, H);
}

static int tap(kiosk *k, const char *name, widget_kind kind, int index) {
    const widget_list *w = kiosk_widgets(k);
    for (int i = 0; i < w->count; i++)
        if (w->items[i].kind == kind && (index < 0 || w->items[i].index == index)) {
            const pk_rect *r = &w->items[i].r;
            tap_at(k, name, r->x + r->w / 2, r->y + r->h / 2);
            return 0;
        }
    const journey *j = kiosk_journey(k);
    const question *q = journey_question(j);
    fprintf(stderr, "vm_journey_taps: no %s on %s\n", name, q ? q->id : journey_step_name(j->step));
    return 1;
}

/* The staff corner held down (the fake clock jumps the hold), the PIN typed, OK. */
/* Prints where widget `kind` is, without tapping it. */
static int show(kiosk *k, const char *name, widget_kind kind) {
    const widget_list *w = kiosk_widgets(k);
    for (int i = 0; i < w->count; i++)
        if (w->items[i].kind == kind) {
            const pk_rect *r = &w->items[i].r;
            printf("%s %.5f %.5f\n", name, (r->x + r->w / 2 + 0.5) / W, (r->y + r->h / 2 + 0.5) / H);
            return 0;
        }
    fprintf(stderr, "vm_journey_taps: no %s on the staff screen\n", name);
    return 1;
}

/* stick: a folder standing in for a USB stick with plankiosk/config.yaml, or NULL. */
static int staff_path(kiosk *k, const config *cfg, const char *pin, bool stick) {
    pk_rect c = kiosk_staff_corner(k);
    int x = c.x + c.w / 2, y = c.y + c.h / 2;
    printf("hold %.5f %.5f %d\n", (x + 0.5) / W, (y + 0.5) / H, cfg->staff.hold_seconds);
    SDL_Event e = {0};
    e.type = SDL_FINGERDOWN;
    e.tfinger.x = (float)((x + 0.5) / W), e.tfinger.y = (float)((y + 0.5) / H);
    SDL_PushEvent(&e);
    settle(k);
    fake_now += (uint64_t)cfg->staff.hold_seconds * 1000 + 200;
    settle(k);
    e.type = SDL_FINGERUP;
    SDL_PushEvent(&e);
    settle(k);
    fake_now += 300;
    int bad = 0;
    for (const char *d = pin; *d && !bad; d++) {
        char name[16];
        snprintf(name, sizeof name, "pin-%c", *d);
        bad = tap(k, name, W_PIN_DIGIT, *d - '0');
    }
    if (!bad) bad = tap(k, "pin-ok", W_PIN_OK, -1);
    if (bad || kiosk_staff_mode(k) != STAFF_SCREEN) {
        fprintf(stderr, "vm_journey_taps: the PIN did not open the staff screen\n");
        return 1;
    }
    if (!stick) return show(k, "export", W_STAFF_EXPORT) || show(k, "staff-back", W_STAFF_BACK);
    /* New content from the stick: checked, one slide on in the preview, used; then one tap
     * back to the previous content, and Back out of the staff screen. */
    bad = tap(k, "content", W_STAFF_CONTENT, -1) || tap(k, "preview-next", W_PREVIEW_NEXT, -1) ||
          tap(k, "preview-use", W_PREVIEW_USE, -1) || tap(k, "go-back", W_STAFF_GO_BACK, -1) ||
          tap(k, "staff-back", W_STAFF_BACK, -1);
    return bad;
}

int main(int argc, char **argv) {
    if (argc != 4 && !(argc >= 6 && argc <= 7 && !strcmp(argv[4], "staff"))) {
        fprintf(stderr, "usage: vm_journey_taps CONFIG WIDTH HEIGHT [staff PIN [STICK]]\n");
        return 2;
    }
    W = atoi(argv[2]), H = atoi(argv[3]);
    config *cfg = app_load_config(argv[1]);
    if (!cfg) return 1;
    char dir[] = "/tmp/vm-journey-taps-XXXXXX";
    if (!mkdtemp(dir)) return 1;
    kiosk_opts o = {.windowed = true, .w = W, .h = H, .feedback_dir = dir, .now_ms = clock_ms};
    /* A stick: its folder, listed in a mounts file of our own. */
    char mounts[PATH_MAX + 32], prefix[PATH_MAX];
    if (argc == 7) {
        snprintf(mounts, sizeof mounts, "%s/mounts", dir);
        FILE *m = fopen(mounts, "w");
        if (!m) return 1;
        fprintf(m, "stick %s vfat rw 0 0\n", argv[6]);
        fclose(m);
        snprintf(prefix, sizeof prefix, "%s", argv[6]);
        char *slash = strrchr(prefix, '/');
        if (slash) slash[1] = '\0';
        o.usb_mounts = mounts, o.usb_prefix = prefix;
    }
    pk_error err = {{0}};
    kiosk *k = kiosk_create(cfg, &o, &err);
    if (!k) {
        fprintf(stderr, "vm_journey_taps: %s\n", err.msg);
        return 1;
    }
    kiosk_set_can_listen(k, false); /* the VM has no sound card: no Listen button */
    settle(k);
    const frame *f = kiosk_frame(k);
    int bad = 0;
    if (argc >= 6) {
        bad = staff_path(k, cfg, argv[5], argc == 7);
        goto done;
    }
    tap_at(k, "have-your-say", f->button.x + f->button.w / 2, f->button.y + f->button.h / 2);
    bad = tap(k, "theme", W_OPTION, 0) || tap(k, "next", W_NEXT, -1) || tap(k, "face", W_POINT, 4) ||
              tap(k, "skip-text", W_SKIP, -1) || tap(k, "skip-name", W_SKIP, -1) ||
              tap(k, "age-band", W_OPTION, 3) || tap(k, "skip-postcode", W_SKIP, -1);
    if (!bad && kiosk_journey(k)->step != STEP_REVIEW) {
        fprintf(stderr, "vm_journey_taps: the path did not reach the review (%s)\n",
                journey_step_name(kiosk_journey(k)->step));
        bad = 1;
    }
    if (!bad) bad = tap(k, "send", W_SEND, -1);
    if (!bad && kiosk_journey(k)->step != STEP_THANKS) {
        fprintf(stderr, "vm_journey_taps: Send did not thank the visitor\n");
        bad = 1;
    }
done:
    kiosk_destroy(k);
    config_free(cfg);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "vm_journey_taps: could not remove %s\n", dir);
    return bad;
}
