/* New content from a USB stick on the real kiosk (dummy video driver, injected taps, a folder
 * standing in for the stick): the staff screen offers it; a broken config is refused with its
 * plankiosk/config.yaml:LINE:COL and nothing changes; a good one is previewed slide by slide
 * (Next and Back move, the kiosk's own content stays until "Use this content"), then used: the
 * kiosk shows its title and the store holds it; one tap goes back. On the next start the
 * stick's content is shown, unless the kiosk's own --config file's content was edited since. The
 * stick's config is another kiosk's: its id, place, feedback folder and PIN are never taken; a
 * stick without staff: is content too; a live edit of the own file's place keeps the stick's
 * content, one of its content brings the own content back and says so. */
#include <SDL.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "kiosk_test.h"
#include "staff/content_store.h"

static char dir[200], fb[260], mounts[300], media[300], stick[400], content[450], stick_cfg[480], base[300];
static char pin_hash_text[PIN_HASH_MAX], stick_pin_hash[PIN_HASH_MAX];

static bool press(kiosk *k, widget_kind kind) {
    const widget *w = find_widget(k, kind, -1);
    if (!w) {
        fprintf(stderr, "no widget %d\n", kind);
        return false;
    }
    finger_tap(k, w->r.x + w->r.w / 2, w->r.y + w->r.h / 2);
    return true;
}

/* Written as editors do: a new file renamed over the old (the kiosk watches its own file). */
static void write_yaml(const char *path, const char *head, const char *title, const char *slides) {
    char tmp[600];
    snprintf(tmp, sizeof tmp, "%s.new", path);
    FILE *f = fopen(tmp, "w");
    if (!f) return;
    fprintf(f, "plankiosk: 1\n%splan:\n  title: %s\nslides:\n%s", head, title, slides);
    fclose(f);
    rename(tmp, path);
}

/* The kiosk's own file: its id, place, feedback folder and PIN 4321 (lines 2-4). */
static void write_base(const char *location, const char *title, const char *slides) {
    char head[800];
    snprintf(head, sizeof head, "kiosk: {id: town-centre, location: \"%s\"}\nfeedback: {dir: \"%s\"}\nstaff: {pin_hash: \"%s\"}\n",
             location, fb, pin_hash_text);
    write_yaml(base, head, title, slides);
}

/* The stick's: another kiosk's id, place, folder and PIN (9999), as if copied from one (lines 2-4). */
static void write_config(const char *path, const char *title, const char *slides) {
    char head[800];
    snprintf(head, sizeof head, "kiosk: {id: other-kiosk, location: Somewhere else, screen: {rotation: 90}}\n"
                                "feedback: {dir: \"%s/wrong\"}\nstaff: {pin_hash: \"%s\", corner: bottom-right}\n",
             dir, stick_pin_hash);
    write_yaml(path, head, title, slides);
}

static const char *const three_slides = "  - {type: title, title: One}\n"
                                        "  - {type: text, title: Two, body: Words}\n"
                                        "  - {type: image, file: pictures/sky.svg, caption: Three, alt: A skyline}\n";

static const char *const base_slides = "  - {type: title, title: Base}\n  - {type: text, title: B, body: Words}\n";

static config *base_cfg; /* the caller's config: the kiosk never frees it */

static kiosk *start(void) {
    config_free(base_cfg);
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    config *c = base_cfg = d ? config_load(base, &opt, d) : NULL;
    if (d) diag_print(d, stderr);
    free(d);
    if (!c) return NULL;
    /* No --feedback-dir: the config's feedback.dir says where records go. */
    kiosk_opts o = {.windowed = true, .w = 800, .h = 480, .now_ms = clock_ms, .wall = wall,
                    .usb_mounts = mounts, .usb_prefix = media, .config_path = base};
    pk_error err = {{0}};
    kiosk *k = kiosk_create(c, &o, &err);
    if (!k) fprintf(stderr, "kiosk_create: %s\n", err.msg);
    else settle(k);
    return k;
}

static void open_staff_with(kiosk *k, const char *pin) {
    finger(k, SDL_FINGERDOWN, 5, 5);
    fake_now += 6000;
    settle(k);
    finger(k, SDL_FINGERUP, 5, 5);
    for (const char *d = pin; *d; d++) {
        const widget *w = find_widget(k, W_PIN_DIGIT, *d - '0');
        if (w) finger_tap(k, w->r.x + w->r.w / 2, w->r.y + w->r.h / 2);
    }
    press(k, W_PIN_OK);
}

static void open_staff(kiosk *k) { open_staff_with(k, "4321"); }

static bool has_file(const char *path, const char *needle) {
    char buf[8192] = "";
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    if (f) fclose(f);
    buf[n] = '\0';
    return f && strstr(buf, needle) != NULL;
}

/* What is the kiosk's own stays its own, whatever the stick's config says. */
static void check_own(kiosk *k) {
    const config *c = kiosk_config(k);
    CHECK_STR(c->kiosk.id, "town-centre");
    CHECK_STR(c->kiosk.location, "Town Centre Library");
    CHECK_INT(c->kiosk.rotation, 0);
    CHECK_STR(c->feedback.dir ? c->feedback.dir : "", fb);
    CHECK_STR(c->staff.pin_hash ? c->staff.pin_hash : "", pin_hash_text);
    CHECK_INT(c->staff.corner, 0);
}

static void stick_content_checked_previewed_used_and_undone(void) {
    kiosk *k = start();
    CHECK(k != NULL);
    if (!k) return;
    CHECK_STR(kiosk_config(k)->plan.title, "Base Plan");
    write_config(stick_cfg, "Stick Plan", "  - {type: title, title: One}\n  - {type: nosuch, title: Two}\n");
    open_staff(k);
    CHECK_INT(kiosk_staff_mode(k), STAFF_SCREEN);
    CHECK(find_widget(k, W_STAFF_CONTENT, -1) != NULL); /* the stick has plankiosk/config.yaml */
    CHECK(find_widget(k, W_STAFF_GO_BACK, -1) == NULL);  /* nothing to go back to yet */

    /* Broken: refused with its place on the stick, and nothing changes. */
    press(k, W_STAFF_CONTENT);
    CHECK_INT(kiosk_staff_mode(k), STAFF_SCREEN);
    CHECK_CONTAINS(kiosk_content_message(k), "1 problem");
    CHECK_CONTAINS(kiosk_content_message(k), "plankiosk/config.yaml:9:12: slide 2: 'type'");
    CHECK(strstr(kiosk_content_message(k), media) == NULL); /* the stick's path, not the kiosk's */
    CHECK_STR(kiosk_config(k)->plan.title, "Base Plan");

    /* Good: previewed slide by slide; the kiosk's own content is still what it uses. */
    write_config(stick_cfg, "Stick Plan", three_slides);
    press(k, W_STAFF_CONTENT);
    CHECK_INT(kiosk_staff_mode(k), STAFF_PREVIEW);
    CHECK_INT(kiosk_preview_slide(k), 0);
    /* The preview says what stays, and its config already is the kiosk's own in those. */
    CHECK_CONTAINS(kiosk_preview_keeps(k), "Stays this kiosk's own: id town-centre, location");
    CHECK_CONTAINS(kiosk_preview_keeps(k), "staff PIN");
    CHECK(find_widget(k, W_PREVIEW_BACK, -1) == NULL); /* greyed on the first slide */
    press(k, W_PREVIEW_NEXT);
    CHECK_INT(kiosk_preview_slide(k), 1);
    press(k, W_PREVIEW_NEXT);
    CHECK_INT(kiosk_preview_slide(k), 2);
    CHECK(find_widget(k, W_PREVIEW_NEXT, -1) == NULL); /* the last */
    press(k, W_PREVIEW_BACK);
    CHECK_INT(kiosk_preview_slide(k), 1);
    CHECK_STR(kiosk_config(k)->plan.title, "Base Plan");
    /* Cancel: back on the staff screen, the button now names the content. */
    press(k, W_PREVIEW_CANCEL);
    CHECK_INT(kiosk_staff_mode(k), STAFF_SCREEN);
    CHECK_INT(kiosk_preview_slide(k), -1);
    CHECK_STR(kiosk_config(k)->plan.title, "Base Plan");

    /* Used: the kiosk shows it, from its own disk. */
    press(k, W_STAFF_CONTENT);
    press(k, W_PREVIEW_USE);
    settle(k);
    CHECK_INT(kiosk_staff_mode(k), STAFF_SCREEN);
    CHECK_STR(kiosk_config(k)->plan.title, "Stick Plan");
    CHECK_CONTAINS(kiosk_content_message(k), "Now showing");
    CHECK(kiosk_content_in_use(k)[0] != '\0');
    char p[800];
    snprintf(p, sizeof p, "%s/content/%s/pictures/sky.svg", fb, kiosk_content_in_use(k));
    CHECK(access(p, R_OK) == 0);
    CHECK_CONTAINS(kiosk_config(k)->path, "/content/");
    check_own(k);
    /* Its records and status stay in its own folder, under its own id. */
    char status[800];
    snprintf(status, sizeof status, "%s/town-centre/status.json", fb);
    CHECK(has_file(status, "Stick Plan"));
    snprintf(status, sizeof status, "%s/other-kiosk", fb);
    CHECK(access(status, F_OK) != 0);
    snprintf(status, sizeof status, "%s/wrong", dir);
    CHECK(access(status, F_OK) != 0);
    /* The kiosk's PIN still opens staff mode; the stick's does not. */
    press(k, W_STAFF_BACK);
    CHECK_INT(kiosk_staff_mode(k), STAFF_CLOSED);
    open_staff_with(k, "9999");
    CHECK_INT(kiosk_staff_mode(k), STAFF_PIN_PAD);
    press(k, W_PIN_CANCEL);
    open_staff(k);
    CHECK_INT(kiosk_staff_mode(k), STAFF_SCREEN);

    /* One tap back: the kiosk's own file again. */
    CHECK(press(k, W_STAFF_GO_BACK));
    settle(k);
    CHECK_STR(kiosk_config(k)->plan.title, "Base Plan");
    CHECK_STR(kiosk_content_in_use(k), "");
    CHECK(find_widget(k, W_STAFF_GO_BACK, -1) == NULL);

    /* Used again, for the restart below. */
    press(k, W_STAFF_CONTENT);
    press(k, W_PREVIEW_USE);
    settle(k);
    CHECK_STR(kiosk_config(k)->plan.title, "Stick Plan");
    kiosk_destroy(k);
}

static void which_config_wins_at_start(void) {
    kiosk *k = start();
    CHECK(k != NULL);
    if (!k) return;
    CHECK_STR(kiosk_config(k)->plan.title, "Stick Plan"); /* the own file is as it was */
    check_own(k);
    kiosk_destroy(k);
    /* Staff gave the kiosk a new place on the card: the content stays the stick's. */
    write_base("Town Centre Library, first floor", "Base Plan", base_slides);
    k = start();
    CHECK(k != NULL);
    if (!k) return;
    CHECK_STR(kiosk_config(k)->plan.title, "Stick Plan");
    CHECK_STR(kiosk_config(k)->kiosk.location, "Town Centre Library, first floor");
    kiosk_destroy(k);
    /* Staff edited the card's content on a laptop: it wins. */
    write_base("Town Centre Library", "Base Plan, edited", "  - {type: title, title: Edited}\n");
    k = start();
    CHECK(k != NULL);
    if (!k) return;
    CHECK_STR(kiosk_config(k)->plan.title, "Base Plan, edited");
    kiosk_destroy(k);
}

/* Lets the watch thread see the change and the kiosk take it in (real time, up to 3 s). */
static void let_it_notice(kiosk *k, const char *field_is, bool location) {
    for (int i = 0; i < 60; i++) {
        const config *c = kiosk_config(k);
        if (!strcmp(location ? c->kiosk.location : c->plan.title, field_is)) break;
        kiosk_step(k, 50);
        fake_now += 20000; /* an edit is taken at the next slide */
    }
}

/* A stick with no staff: and no kiosk: section is content all the same; while it is shown, an
 * edit of the kiosk's own file that changes only what is the kiosk's (its place) is taken and
 * the stick's content stays; one that changes its content wins, as at a restart, and says so. */
static void stick_without_staff_and_live_edits(void) {
    kiosk *k = start();
    CHECK(k != NULL);
    if (!k) return;
    CHECK_STR(kiosk_config(k)->plan.title, "Base Plan, edited");
    write_yaml(stick_cfg, "", "Stick Plan, bare", three_slides);
    open_staff(k);
    press(k, W_STAFF_CONTENT);
    CHECK_INT(kiosk_staff_mode(k), STAFF_PREVIEW);
    press(k, W_PREVIEW_USE);
    settle(k);
    CHECK_STR(kiosk_config(k)->plan.title, "Stick Plan, bare");
    check_own(k);
    press(k, W_STAFF_BACK);

    write_base("Town Centre Library, ground floor", "Base Plan, edited", "  - {type: title, title: Edited}\n");
    let_it_notice(k, "Town Centre Library, ground floor", true);
    CHECK_STR(kiosk_config(k)->kiosk.location, "Town Centre Library, ground floor");
    CHECK_STR(kiosk_config(k)->plan.title, "Stick Plan, bare");
    CHECK(kiosk_content_in_use(k)[0] != '\0');

    write_base("Town Centre Library, ground floor", "Base Plan, edited live", "  - {type: title, title: Live}\n");
    let_it_notice(k, "Base Plan, edited live", false);
    CHECK_STR(kiosk_config(k)->plan.title, "Base Plan, edited live");
    CHECK_STR(kiosk_content_in_use(k), "");
    CHECK_CONTAINS(kiosk_content_message(k), "own config file was edited after the USB stick's content was chosen");
    kiosk_destroy(k);
}

int main(void) {
    snprintf(dir, sizeof dir, "%s/stick-content-XXXXXX", TEST_BINARY_DIR);
    if (!mkdtemp(dir)) return 1;
    snprintf(fb, sizeof fb, "%s/feedback", dir);
    mkdir(fb, 0755);
    snprintf(media, sizeof media, "%s/media/", dir);
    snprintf(stick, sizeof stick, "%sSTICK", media);
    snprintf(content, sizeof content, "%s/plankiosk", stick);
    mkdir(media, 0755);
    mkdir(stick, 0755);
    mkdir(content, 0755);
    snprintf(stick_cfg, sizeof stick_cfg, "%s/config.yaml", content);
    char pics[1000];
    snprintf(pics, sizeof pics, "%s/pictures", content);
    mkdir(pics, 0755);
    snprintf(pics, sizeof pics, "cp %s/assets/images/rotherham-skyline.svg %s/pictures/sky.svg", TEST_SOURCE_DIR, content);
    if (system(pics) != 0) return 1;
    snprintf(mounts, sizeof mounts, "%s/mounts", dir);
    FILE *m = fopen(mounts, "w");
    fprintf(m, "proc /proc proc rw 0 0\n/dev/sdz1 %s vfat rw 0 0\n", stick);
    fclose(m);
    pk_error err = {{0}};
    if (!pin_hash("4321", pin_hash_text, &err)) return 1;
    if (!pin_hash("9999", stick_pin_hash, &err)) return 1;
    snprintf(base, sizeof base, "%s/base.yaml", dir);
    write_base("Town Centre Library", "Base Plan", base_slides);
    RUN(stick_content_checked_previewed_used_and_undone);
    RUN(which_config_wins_at_start);
    RUN(stick_without_staff_and_live_edits);
    config_free(base_cfg);
    return check_report();
}
