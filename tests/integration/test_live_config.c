/* Live config: the running kiosk watches its file (inotify). A good edit is taken at the next
 * slide boundary; a broken one is refused with FILE:LINE:COLUMN and the content stays; an edit
 * waits while a visitor is in the middle of a journey. Real file changes, real inotify; only
 * the slide clock is faked. */
#include <SDL.h>
#include <stdlib.h>
#include <unistd.h>

#include "app/kiosk.h"
#include "check.h"

static uint64_t fake_now = 1000;
static uint64_t clock_ms(void *ud) { (void)ud; return fake_now; }
static time_t wall(void *ud) { (void)ud; return 1780000000; }
static char dir[200], path[300];

static void write_config(const char *title_line) {
    /* Written as editors do: a new file renamed over the old. */
    char tmp[320];
    snprintf(tmp, sizeof tmp, "%s.new", path);
    FILE *f = fopen(tmp, "w");
    fprintf(f, "plankiosk: 1\nkiosk: {id: live, location: Test}\nloop: {slide_seconds: 5}\n"
               "plan:\n  title: %s"
               "slides:\n  - {type: title, title: One}\n  - {type: text, title: Two, body: Words}\n",
            title_line);
    fclose(f);
    rename(tmp, path);
}

/* Lets the watch thread see the change and the kiosk take it in (real time, up to 3 s). */
static void let_it_notice(kiosk *k, bool (*done)(kiosk *)) {
    for (int i = 0; i < 60 && !done(k); i++) kiosk_step(k, 50);
}

static bool has_error(kiosk *k) { return kiosk_config_error(k)[0] != '\0'; }

static void next_slide(kiosk *k) {
    fake_now += 60000; /* past any slide's time */
    kiosk_step(k, 0);
    kiosk_step(k, 0);
}

static void edits_taken_and_refused(void) {
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    config *cfg = config_load(path, &opt, d);
    free(d);
    CHECK(cfg != NULL);
    if (!cfg) return;
    kiosk_opts o = {.windowed = true, .w = 800, .h = 480, .feedback_dir = dir, .now_ms = clock_ms,
                    .wall = wall, .config_path = path};
    pk_error err = {{0}};
    kiosk *k = kiosk_create(cfg, &o, &err);
    CHECK(k != NULL);
    if (!k) return;
    kiosk_step(k, 0);
    CHECK_STR(kiosk_config(k)->plan.title, "The Rotherham Plan");

    write_config("The Rotherham Plan, updated\n");
    for (int i = 0; i < 20; i++) kiosk_step(k, 50); /* a second for the watch to see it... */
    CHECK_STR(kiosk_config(k)->plan.title, "The Rotherham Plan"); /* ...but shown at the next slide */
    next_slide(k);
    CHECK_STR(kiosk_config(k)->plan.title, "The Rotherham Plan, updated");

    /* A broken edit: refused, with its place, and the content shown stays. */
    write_config("\"an unclosed quote\n");
    let_it_notice(k, has_error);
    CHECK_CONTAINS(kiosk_config_error(k), path);
    CHECK_CONTAINS(kiosk_config_error(k), "YAML syntax");
    next_slide(k);
    CHECK_STR(kiosk_config(k)->plan.title, "The Rotherham Plan, updated");

    /* Mended while a visitor is mid-journey: the journey is not disturbed. */
    const frame *f = kiosk_frame(k);
    SDL_Event e = {0};
    e.type = SDL_FINGERDOWN;
    e.tfinger.x = (f->button.x + f->button.w / 2) / 800.0f, e.tfinger.y = (f->button.y + f->button.h / 2) / 480.0f;
    SDL_PushEvent(&e);
    e.type = SDL_FINGERUP;
    SDL_PushEvent(&e);
    kiosk_step(k, 0);
    CHECK(journey_active(kiosk_journey(k)));
    write_config("Mended\n");
    for (int i = 0; i < 60 && has_error(k); i++) kiosk_step(k, 50);
    CHECK(!has_error(k));
    fake_now += 1000;
    kiosk_step(k, 0);
    CHECK(journey_active(kiosk_journey(k)));
    CHECK_STR(kiosk_config(k)->plan.title, "The Rotherham Plan, updated");
    kiosk_destroy(k);
    config_free(cfg);
}

int main(void) {
    snprintf(dir, sizeof dir, "%s/live-XXXXXX", TEST_BINARY_DIR);
    if (!mkdtemp(dir)) return 1;
    snprintf(path, sizeof path, "%s/config.yaml", dir);
    write_config("The Rotherham Plan\n");
    RUN(edits_taken_and_refused);
    return check_report();
}
