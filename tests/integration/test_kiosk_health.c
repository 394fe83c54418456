/* The real kiosk keeps its status.json up to date (dummy video driver, fake clocks): written at
 * start, again as soon as a response is saved or the screen goes dark at closing time, every
 * 5 minutes otherwise and not more often, marked stopped on a clean exit; and the next start
 * says whether the one before was stopped cleanly or crashed. */
#include <jansson.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "kiosk_test.h"

#define THU_NOON ((time_t)1779969600) /* Thursday 2026-05-28 12:00 UTC */

static time_t wall_now = THU_NOON;
static time_t test_wall(void *ud) {
    (void)ud;
    return wall_now;
}

static config *cfg;
static char dir[300], status_path[400];

static json_t *status(void) {
    json_error_t e;
    json_t *s = json_load_file(status_path, 0, &e);
    if (!s) fprintf(stderr, "%s:%d:%d: %s\n", status_path, e.line, e.column, e.text);
    return s;
}

static const char *str_at(json_t *s, const char *a, const char *b) {
    json_t *v = json_object_get(s, a);
    if (b) v = json_object_get(v, b);
    return json_string_value(v) ? json_string_value(v) : "";
}

static long long int_at(json_t *s, const char *a, const char *b) {
    json_t *v = json_object_get(s, a);
    return json_integer_value(b ? json_object_get(v, b) : v);
}

static const char *reason(json_t *s) {
    return json_string_value(
        json_object_get(json_array_get(json_object_get(s, "starts"), 0), "reason"));
}

static kiosk *open_kiosk(void) {
    kiosk_opts o = {.windowed = true,
                    .w = 800,
                    .h = 480,
                    .feedback_dir = dir,
                    .now_ms = clock_ms,
                    .wall = test_wall};
    pk_error err = {{0}};
    kiosk *k = kiosk_create(cfg, &o, &err);
    if (!k)
        fprintf(stderr, "kiosk_create: %s\n", err.msg);
    else
        settle(k);
    return k;
}

static bool press(kiosk *k, widget_kind kind) {
    const widget *w = find_widget(k, kind, -1);
    if (w) finger_tap(k, w->r.x + w->r.w / 2, w->r.y + w->r.h / 2);
    return w != NULL;
}

/* A visitor who skips everything and sends. */
static void respond(kiosk *k) {
    const frame *f = kiosk_frame(k);
    finger_tap(k, f->button.x + f->button.w / 2, f->button.y + f->button.h / 2);
    CHECK(journey_active(kiosk_journey(k)));
    for (int i = 0; i < 10 && kiosk_journey(k)->step != STEP_REVIEW; i++) press(k, W_SKIP);
    CHECK_INT(kiosk_journey(k)->step, STEP_REVIEW);
    press(k, W_SEND);
    CHECK_INT(kiosk_journey(k)->step, STEP_THANKS);
    fake_now += (uint64_t)cfg->feedback.thanks_seconds * 1000 + 10;
    settle(k);
    CHECK(!journey_active(kiosk_journey(k)));
}

static void status_follows_the_kiosk(void) {
    kiosk *k = open_kiosk();
    CHECK(k != NULL);
    if (!k) return;
    json_t *s = status();
    CHECK(s != NULL);
    CHECK_STR(str_at(s, "kiosk", NULL), cfg->kiosk.id);
    CHECK_STR(str_at(s, "config", "title"), cfg->plan.title);
    CHECK_STR(str_at(s, "config", "hash"), cfg->hash);
    CHECK_STR(reason(s), "first start");
    CHECK(json_is_true(json_object_get(s, "running")));
    CHECK_STR(str_at(s, "screen", NULL), "on");
    CHECK_INT(int_at(s, "boot", NULL), 1);
    CHECK_INT(int_at(s, "responses", "total"), 0);
    CHECK_STR(str_at(s, "up_since", NULL), "2026-05-28T12:00:00+00:00");
    json_decref(s);

    /* A response is in the status as soon as it is saved. */
    wall_now += 30;
    respond(k);
    s = status();
    CHECK_INT(int_at(s, "responses", "today"), 1);
    CHECK_INT(int_at(s, "responses", "total"), 1);
    CHECK_STR(str_at(s, "responses", "last"), "2026-05-28T12:00:30+00:00");
    CHECK_STR(str_at(s, "written_at", NULL), "2026-05-28T12:00:30+00:00");
    json_decref(s);

    /* Nothing new: not written again before 5 minutes, then written. */
    wall_now += 120;
    fake_now += 120000;
    settle(k);
    s = status();
    CHECK_STR(str_at(s, "written_at", NULL), "2026-05-28T12:00:30+00:00");
    json_decref(s);
    wall_now += 200;
    fake_now += 200000;
    settle(k);
    s = status();
    CHECK_STR(str_at(s, "written_at", NULL), "2026-05-28T12:05:50+00:00");
    json_decref(s);

    /* Closing time: the screen goes dark, and the status says so at once. */
    wall_now = THU_NOON + 6 * 3600;
    fake_now += 1000;
    settle(k);
    s = status();
    CHECK_STR(str_at(s, "screen", NULL), "off");
    CHECK_STR(str_at(s, "written_at", NULL), "2026-05-28T18:00:00+00:00");
    json_decref(s);

    /* A clean stop is marked, and the next start is a clean restart that knows the counts. */
    kiosk_destroy(k);
    s = status();
    CHECK(json_is_false(json_object_get(s, "running")));
    json_decref(s);
    wall_now = THU_NOON + 86400; /* Friday noon: open all day */
    k = open_kiosk();
    CHECK(k != NULL);
    if (!k) return;
    s = status();
    CHECK_STR(reason(s), "clean restart");
    CHECK_INT(int_at(s, "boot", NULL), 2);
    CHECK_INT(int_at(s, "responses", "today"), 0);
    CHECK_INT(int_at(s, "responses", "total"), 1);
    CHECK_STR(str_at(s, "screen", NULL), "on");
    json_decref(s);

    /* Killed: the status it leaves still says it runs, so the next start is after a crash. */
    char kept[500], cmd[1000];
    snprintf(kept, sizeof kept, "%s.running", status_path);
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", status_path, kept);
    CHECK(system(cmd) == 0);
    kiosk_destroy(k);
    CHECK(rename(kept, status_path) == 0);
    k = open_kiosk();
    s = status();
    CHECK_STR(reason(s), "after a crash");
    CHECK_INT(int_at(s, "restarts", "after_crash"), 1);
    CHECK_INT(int_at(s, "boot", NULL), 3);
    json_decref(s);
    kiosk_destroy(k);
}

int main(void) {
    setenv("TZ", "UTC", 1);
    tzset();
    snprintf(dir, sizeof dir, "%s/kiosk-health-XXXXXX", TEST_BINARY_DIR);
    if (!mkdtemp(dir)) return 1;
    /* The shipped content, closed on Thursdays from 17:00. */
    FILE *f = fopen(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", "r");
    static char text[1 << 20];
    size_t n = f ? fread(text, 1, sizeof text - 100, f) : 0;
    if (f) fclose(f);
    snprintf(text + n, sizeof text - n, "\nhours:\n  thursday: \"09:00-17:00\"\n");
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    cfg = d ? config_load_string(text, "rotherham-2025.yaml", TEST_SOURCE_DIR "/config", &opt, d)
            : NULL;
    if (d) diag_print(d, stderr);
    free(d);
    if (!cfg) return 1;
    snprintf(status_path, sizeof status_path, "%s/%s/status.json", dir, cfg->kiosk.id);
    RUN(status_follows_the_kiosk);
    config_free(cfg);
    if (check_failures == 0) {
        char cmd[400];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0) return 1;
    }
    return check_report();
}
