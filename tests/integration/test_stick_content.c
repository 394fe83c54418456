/* New content from a USB stick on the real kiosk (dummy video driver, injected taps, a folder
 * standing in for the stick): the staff screen offers it; a broken config is refused with its
 * plankiosk/config.yaml:LINE:COL and nothing changes; a good one is previewed slide by slide
 * (Next and Back move, the kiosk's own content stays until "Use this content"), then used: the
 * kiosk shows its title and the store holds it; one tap goes back. On the next start the
 * stick's content is shown, unless the kiosk's own --config file was edited since. */
#include <SDL.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "kiosk_test.h"
#include "staff/content_store.h"

static char dir[200], fb[260], mounts[300], media[300], stick[400], content[450], stick_cfg[480], base[300];
static char pin_hash_text[PIN_HASH_MAX];

static bool press(kiosk *k, widget_kind kind) {
    const widget *w = find_widget(k, kind, -1);
    if (!w) {
        fprintf(stderr, "no widget %d\n", kind);
        return false;
    }
    finger_tap(k, w->r.x + w->r.w / 2, w->r.y + w->r.h / 2);
    return true;
}

static void write_config(const char *path, const char *title, const char *slides) {
    FILE *f = fopen(path, "w");
    if (!f) return;
    fprintf(f, "plankiosk: 1\nkiosk: {id: stick-test, location: Test}\nstaff:\n  pin_hash: \"%s\"\n"
               "plan:\n  title: %s\nslides:\n%s",
            pin_hash_text, title, slides);
    fclose(f);
}

static const char *const three_slides = "  - {type: title, title: One}\n"
                                        "  - {type: text, title: Two, body: Words}\n"
                                        "  - {type: image, file: pictures/sky.svg, caption: Three, alt: A skyline}\n";

static config *base_cfg; /* the caller's config: the kiosk never frees it */

static kiosk *start(void) {
    config_free(base_cfg);
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    config *c = base_cfg = d ? config_load(base, &opt, d) : NULL;
    if (d) diag_print(d, stderr);
    free(d);
    if (!c) return NULL;
    kiosk_opts o = {.windowed = true, .w = 800, .h = 480, .feedback_dir = fb, .now_ms = clock_ms, .wall = wall,
                    .usb_mounts = mounts, .usb_prefix = media, .config_path = base};
    pk_error err = {{0}};
    kiosk *k = kiosk_create(c, &o, &err);
    if (!k) fprintf(stderr, "kiosk_create: %s\n", err.msg);
    else settle(k);
    return k;
}

static void open_staff(kiosk *k) {
    finger(k, SDL_FINGERDOWN, 5, 5);
    fake_now += 6000;
    settle(k);
    finger(k, SDL_FINGERUP, 5, 5);
    for (const char *d = "4321"; *d; d++) {
        const widget *w = find_widget(k, W_PIN_DIGIT, *d - '0');
        if (w) finger_tap(k, w->r.x + w->r.w / 2, w->r.y + w->r.h / 2);
    }
    press(k, W_PIN_OK);
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
    kiosk_destroy(k);
    /* Staff edited the card's file on a laptop: it wins. */
    write_config(base, "Base Plan, edited", "  - {type: title, title: Edited}\n");
    k = start();
    CHECK(k != NULL);
    if (!k) return;
    CHECK_STR(kiosk_config(k)->plan.title, "Base Plan, edited");
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
    char pics[500];
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
    snprintf(base, sizeof base, "%s/base.yaml", dir);
    write_config(base, "Base Plan", "  - {type: title, title: Base}\n  - {type: text, title: B, body: Words}\n");
    RUN(stick_content_checked_previewed_used_and_undone);
    RUN(which_config_wins_at_start);
    config_free(base_cfg);
    return check_report();
}
