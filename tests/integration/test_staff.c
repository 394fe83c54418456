/* Staff mode on the real kiosk (dummy video driver, synthetic events): the kiosk cannot be
 * left by Escape, Alt+F4, Ctrl+C or closing the window; holding the corner for 5 seconds opens
 * the PIN pad; five wrong PINs lock it; the right PIN opens the staff screen, whose export
 * writes the spreadsheet (.xlsx and CSV) and report to a folder standing in for a USB stick,
 * and whose Exit stops the kiosk. */
#include <SDL.h>
#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "kiosk_test.h"
#include "store/feedback_log.h"

static config *cfg;
static char dir[200], mounts[300], media[300], stick[400];

static void tap(kiosk *k, int x, int y) {
    finger(k, SDL_FINGERDOWN, x, y);
    fake_now += 80;
    finger(k, SDL_FINGERUP, x, y);
    fake_now += 200;
}

static bool press(kiosk *k, widget_kind kind, int index) {
    const widget_list *w = kiosk_widgets(k);
    for (int i = 0; i < w->count; i++)
        if (w->items[i].kind == kind && w->items[i].index == index) {
            tap(k, w->items[i].r.x + w->items[i].r.w / 2, w->items[i].r.y + w->items[i].r.h / 2);
            return true;
        }
    fprintf(stderr, "no widget %d/%d\n", kind, index);
    return false;
}

static void type_pin(kiosk *k, const char *pin) {
    for (const char *d = pin; *d; d++) press(k, W_PIN_DIGIT, *d - '0');
    press(k, W_PIN_OK, 0);
}

static void key(kiosk *k, SDL_Keycode sym, Uint16 mod) {
    SDL_Event e = {0};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = sym;
    e.key.keysym.mod = mod;
    SDL_PushEvent(&e);
}

static kiosk *open_kiosk(bool windowed) {
    kiosk_opts o = {.windowed = windowed, .w = 800, .h = 480, .feedback_dir = dir, .now_ms = clock_ms,
                    .wall = wall, .usb_mounts = mounts, .usb_prefix = media};
    pk_error err = {{0}};
    kiosk *k = kiosk_create(cfg, &o, &err);
    if (!k) fprintf(stderr, "kiosk_create: %s\n", err.msg);
    else settle(k);
    return k;
}

static void exit_keys_ignored(void) {
    kiosk *k = open_kiosk(false);
    if (!k) return;
    SDL_Event q = {.type = SDL_QUIT};
    SDL_PushEvent(&q);
    key(k, SDLK_ESCAPE, 0);
    key(k, SDLK_F4, KMOD_LALT);
    key(k, SDLK_c, KMOD_LCTRL);
    key(k, SDLK_q, KMOD_LCTRL);
    CHECK(kiosk_step(k, 0));
    CHECK(kiosk_step(k, 0));
    kiosk_destroy(k);
    /* In a development window, Escape does quit. */
    k = open_kiosk(true);
    if (!k) return;
    key(k, SDLK_ESCAPE, 0);
    CHECK(!kiosk_step(k, 0));
    kiosk_destroy(k);
}

static void hold_corner(kiosk *k, int ms) {
    finger(k, SDL_FINGERDOWN, 5, 5);
    fake_now += (uint64_t)ms;
    settle(k);
    finger(k, SDL_FINGERUP, 5, 5);
}

static void pin_pad_and_lockout(void) {
    kiosk *k = open_kiosk(true); /* an 800x480 window: taps land where the test aims */
    if (!k) return;
    /* A short press on the corner does nothing special. */
    hold_corner(k, 2000);
    CHECK_INT(kiosk_staff_mode(k), STAFF_CLOSED);
    hold_corner(k, cfg->staff.hold_seconds * 1000 + 10);
    CHECK_INT(kiosk_staff_mode(k), STAFF_PIN_PAD);
    for (int i = 0; i < PIN_MAX_ATTEMPTS; i++) type_pin(k, "0000");
    /* Locked: even the right PIN does not open it, nor does closing and opening the pad. */
    type_pin(k, "4321");
    CHECK_INT(kiosk_staff_mode(k), STAFF_PIN_PAD);
    press(k, W_PIN_CANCEL, 0);
    CHECK_INT(kiosk_staff_mode(k), STAFF_CLOSED);
    hold_corner(k, cfg->staff.hold_seconds * 1000 + 10);
    type_pin(k, "4321");
    CHECK_INT(kiosk_staff_mode(k), STAFF_PIN_PAD);
    /* Five minutes on (the pad has long closed itself), the right PIN opens staff mode. */
    fake_now += PIN_LOCKOUT_MS;
    settle(k);
    CHECK_INT(kiosk_staff_mode(k), STAFF_CLOSED);
    hold_corner(k, cfg->staff.hold_seconds * 1000 + 10);
    type_pin(k, "4321");
    CHECK_INT(kiosk_staff_mode(k), STAFF_SCREEN);
    press(k, W_STAFF_BACK, 0);
    CHECK_INT(kiosk_staff_mode(k), STAFF_CLOSED);
    kiosk_destroy(k);
}

static int files_with(const char *folder, const char *suffix) {
    DIR *d = opendir(folder);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d))) {
        size_t len = strlen(e->d_name), sl = strlen(suffix);
        if (len > sl && strcmp(e->d_name + len - sl, suffix) == 0) n++;
    }
    if (d) closedir(d);
    return n;
}

static bool file_contains(const char *folder, const char *suffix, const char *needle) {
    DIR *d = opendir(folder);
    struct dirent *e;
    bool found = false;
    while (d && (e = readdir(d)) && !found) {
        size_t len = strlen(e->d_name), sl = strlen(suffix);
        if (len <= sl || strcmp(e->d_name + len - sl, suffix) != 0) continue;
        char path[700], buf[65536];
        snprintf(path, sizeof path, "%s/%s", folder, e->d_name);
        FILE *f = fopen(path, "r");
        size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
        if (f) fclose(f);
        buf[n] = '\0';
        found = strstr(buf, needle) != NULL;
    }
    if (d) closedir(d);
    return found;
}

static void staff_export_and_exit(void) {
    /* One response on disk, as a visitor left it. */
    feedback_log log;
    pk_error err = {{0}};
    CHECK(feedback_log_open(&log, dir, cfg->kiosk.id, NULL, &err));
    const consultation *plan = &cfg->consultations[0];
    feedback_record rec = {.kiosk = cfg->kiosk.id, .location = cfg->kiosk.location, .at = 1780000000,
                           .config_title = cfg->plan.title, .config_hash = cfg->hash,
                           .consultation = plan->id, .questions_hash = plan->hash,
                           .answers = json_pack("{s:s, s:b}", "text", "Więcej drzew, proszę", "consent_quote", 1),
                           .personal = json_pack("[s]", "text"), .language = "en", .seconds_taken = 30};
    CHECK(feedback_log_append(&log, &rec, &err));
    feedback_record_release(&rec);
    feedback_log_close(&log);
    kiosk *k = open_kiosk(true);
    if (!k) return;
    hold_corner(k, cfg->staff.hold_seconds * 1000 + 10);
    type_pin(k, "4321");
    CHECK_INT(kiosk_staff_mode(k), STAFF_SCREEN);
    press(k, W_STAFF_EXPORT, 0);
    CHECK_CONTAINS(kiosk_export_message(k), "safe to remove");
    CHECK_INT(files_with(stick, ".csv"), 1);
    CHECK_INT(files_with(stick, ".html"), 1);
    CHECK_INT(files_with(stick, ".xlsx"), 1); /* the spreadsheet staff double-click */
    CHECK_INT(files_with(stick, ".tmp"), 0);
    CHECK(file_contains(stick, ".csv", "Więcej drzew, proszę"));
    CHECK(file_contains(stick, ".html", "Więcej drzew, proszę"));
    CHECK_CONTAINS(kiosk_export_message(k), "Saved 1 response (spreadsheet (.xlsx), CSV and report)");
    press(k, W_STAFF_PAUSE, 0);
    press(k, W_STAFF_EXIT, 0);
    CHECK(!kiosk_step(k, 0));
    kiosk_destroy(k);
}

int main(void) {
    snprintf(dir, sizeof dir, "%s/staff-test-XXXXXX", TEST_BINARY_DIR);
    if (!mkdtemp(dir)) return 1;
    snprintf(media, sizeof media, "%s/media/", dir);
    snprintf(stick, sizeof stick, "%sSTICK", media);
    mkdir(media, 0755);
    mkdir(stick, 0755);
    snprintf(mounts, sizeof mounts, "%s/mounts", dir);
    FILE *m = fopen(mounts, "w");
    fprintf(m, "proc /proc proc rw 0 0\n/dev/sdz1 %s vfat rw 0 0\n", stick);
    fclose(m);
    cfg = shipped_config_with_pin("4321"); /* the shipped content, staff PIN 4321 */
    if (!cfg) return 1;
    RUN(exit_keys_ignored);
    RUN(pin_pad_and_lockout);
    RUN(staff_export_and_exit);
    config_free(cfg);
    return check_report();
}
