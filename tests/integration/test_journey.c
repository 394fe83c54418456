/* Scripted visitors: the real kiosk (SDL's dummy video driver, software renderer) driven by
 * synthetic touch events on the rectangles its screens laid out, exactly where a finger would
 * land. Each journey checks the record on disk is exactly what was entered, or that nothing
 * was written when it should not be. A fake clock lets the idle timeout pass in no time. */
#include <SDL.h>
#include <dirent.h>
#include <jansson.h>
#include <stdlib.h>
#include <unistd.h>

#include "app/kiosk.h"
#include "check.h"

static uint64_t fake_now = 1000;
static uint64_t clock_ms(void *ud) { (void)ud; return fake_now; }
static time_t wall(void *ud) { (void)ud; return 1780000000; /* 2026-05-28 */ }

static config *cfg;
static char dir[256];

static void settle(kiosk *k) {
    for (int i = 0; i < 3; i++) kiosk_step(k, 0);
}

static int taps;

static void tap(kiosk *k, int x, int y) {
    taps++;
    SDL_Event e = {0};
    e.type = SDL_FINGERDOWN;
    e.tfinger.x = (x + 0.5f) / 800.0f, e.tfinger.y = (y + 0.5f) / 480.0f;
    SDL_PushEvent(&e);
    fake_now += 80;
    e.type = SDL_FINGERUP;
    SDL_PushEvent(&e);
    settle(k);
    fake_now += 300;
}

static const widget *find(kiosk *k, widget_kind kind, int index) {
    const widget_list *w = kiosk_widgets(k);
    for (int i = 0; i < w->count; i++)
        if (w->items[i].kind == kind && (kind == W_KEY || w->items[i].index == index)) return &w->items[i];
    return NULL;
}

static bool press(kiosk *k, widget_kind kind, int index) {
    const widget *w = find(k, kind, index);
    if (!w) {
        fprintf(stderr, "no widget %d/%d on step %s\n", kind, index, journey_step_name(kiosk_journey(k)->step));
        return false;
    }
    tap(k, w->r.x + w->r.w / 2, w->r.y + w->r.h / 2);
    return true;
}

static void tap_widget(kiosk *k, const widget *w) { tap(k, w->r.x + w->r.w / 2, w->r.y + w->r.h / 2); }

/* Taps the key that types s, turning keyboard pages as a visitor would: straight to the page
 * that has it when a page key leads there, otherwise through Shift. */
static bool type_char(kiosk *k, const char *s) {
    const keyboard_layout *lay = kiosk_journey(k)->kb.layout;
    int target = -1;
    for (int p = 0; p < lay->n_pages && target < 0; p++)
        for (int r = 0; r < lay->pages[p].n_rows; r++)
            for (int i = 0; i < lay->pages[p].n_keys[r]; i++) {
                const key_def *kd = &lay->pages[p].keys[r][i];
                if ((kd->action == KEY_CHAR && kd->text && !strcmp(kd->text, s)) ||
                    (kd->action == KEY_SPACE && !strcmp(s, " ")))
                    target = p;
            }
    if (target < 0) return false;
    for (int attempt = 0; attempt < 6; attempt++) {
        const widget_list *w = kiosk_widgets(k);
        const widget *to_page = NULL, *to_twin = NULL, *shift = NULL, *any_page = NULL;
        int cur = kiosk_journey(k)->kb.page;
        /* Upper-case pages (LETTERS, ACCENTS) follow their lower-case twin and are reached
         * with Shift from there. */
        int twin = target > 0 && lay->pages[target].name[0] >= 'A' && lay->pages[target].name[0] <= 'Z'
                       ? target - 1 : -1;
        for (int i = 0; i < w->count; i++) {
            const key_def *key = w->items[i].key;
            if (w->items[i].kind != W_KEY || !key) continue;
            if ((key->action == KEY_CHAR && key->text && !strcmp(key->text, s)) ||
                (key->action == KEY_SPACE && !strcmp(s, " "))) {
                tap_widget(k, &w->items[i]);
                return true;
            }
            if (key->action == KEY_PAGE && key->page == target) to_page = &w->items[i];
            if (key->action == KEY_PAGE && key->page == twin) to_twin = &w->items[i];
            if (key->action == KEY_PAGE && !any_page) any_page = &w->items[i];
            if (key->action == KEY_SHIFT) shift = &w->items[i];
        }
        const widget *next = to_page                ? to_page
                             : cur == twin && shift ? shift
                             : to_twin              ? to_twin
                             : (shift && attempt % 2 == 0) ? shift
                                                           : any_page;
        if (!next) break;
        tap_widget(k, next);
    }
    fprintf(stderr, "no key types \"%s\"\n", s);
    return false;
}

static bool type_text(kiosk *k, const char *const *chars) {
    for (int i = 0; chars[i]; i++)
        if (!type_char(k, chars[i])) return false;
    return true;
}

static bool press_key_action(kiosk *k, key_action a) {
    const widget_list *w = kiosk_widgets(k);
    for (int i = 0; i < w->count; i++)
        if (w->items[i].kind == W_KEY && w->items[i].key && w->items[i].key->action == a) {
            tap(k, w->items[i].r.x + w->items[i].r.w / 2, w->items[i].r.y + w->items[i].r.h / 2);
            return true;
        }
    return false;
}

static kiosk *open_kiosk(void) {
    kiosk_opts o = {.windowed = true, .w = 800, .h = 480, .feedback_dir = dir, .now_ms = clock_ms,
                    .wall = wall};
    pk_error err = {{0}};
    kiosk *k = kiosk_create(cfg, &o, &err);
    if (!k) fprintf(stderr, "kiosk_create: %s\n", err.msg);
    settle(k);
    return k;
}

static void start(kiosk *k) {
    const frame *f = kiosk_frame(k);
    tap(k, f->button.x + f->button.w / 2, f->button.y + f->button.h / 2);
    CHECK_INT(kiosk_journey(k)->step, STEP_CHOICE);
}

/* All records written so far, in order. */
static json_t *records(void) {
    json_t *all = json_array();
    char path[512];
    snprintf(path, sizeof path, "%s/%s/2026-05-28.jsonl", dir, cfg->kiosk.id);
    FILE *f = fopen(path, "r");
    char line[65536];
    while (f && fgets(line, sizeof line, f)) {
        json_error_t e;
        json_t *r = json_loads(line, 0, &e);
        CHECK(r != NULL);
        if (r) json_array_append_new(all, r);
    }
    if (f) fclose(f);
    return all;
}

static json_t *last_record(void) {
    json_t *all = records();
    size_t n = json_array_size(all);
    json_t *r = n ? json_incref(json_array_get(all, n - 1)) : NULL;
    json_decref(all);
    return r;
}

static size_t record_count(void) {
    json_t *all = records();
    size_t n = json_array_size(all);
    json_decref(all);
    return n;
}

static void taps_only(void) {
    kiosk *k = open_kiosk();
    taps = 0;
    start(k);
    press(k, W_THEME, 0);
    press(k, W_THEME, cfg->n_themes); /* something else */
    press(k, W_NEXT, 0);
    CHECK_INT(kiosk_journey(k)->step, STEP_RATING);
    press(k, W_RATING, 4); /* a face answers and moves on */
    CHECK_INT(kiosk_journey(k)->step, STEP_TEXT);
    for (int s = 0; s < 4; s++) press(k, W_SKIP, 0); /* text, name, age, postcode */
    /* Nothing typed, nothing to quote: no consent question. */
    CHECK_INT(kiosk_journey(k)->step, STEP_REVIEW);
    CHECK(taps <= 9); /* the taps-only path, Have your say to Send, in at most nine taps */
    size_t before = record_count();
    press(k, W_SEND, 0);
    CHECK_INT(kiosk_journey(k)->step, STEP_THANKS);
    CHECK_INT(record_count(), before + 1);
    json_t *r = last_record();
    CHECK(r != NULL);
    if (r) {
        json_t *themes = json_object_get(r, "themes");
        CHECK_INT(json_array_size(themes), 2);
        CHECK_STR(json_string_value(json_array_get(themes, 0)), cfg->themes[0].id);
        CHECK_STR(json_string_value(json_array_get(themes, 1)), "other");
        CHECK_INT(json_integer_value(json_object_get(r, "rating")), 4);
        CHECK(json_is_null(json_object_get(r, "text")));
        CHECK(json_is_null(json_object_get(r, "name")));
        CHECK(json_is_null(json_object_get(r, "age_band")));
        CHECK(json_is_null(json_object_get(r, "consent_quote")));
        CHECK_STR(json_string_value(json_object_get(r, "kiosk")), cfg->kiosk.id);
        CHECK_STR(json_string_value(json_object_get(r, "question")), cfg->feedback.question);
        json_decref(r);
    }
    /* The thank-you gives way to the loop by itself. */
    fake_now += (uint64_t)cfg->feedback.thanks_seconds * 1000 + 10;
    settle(k);
    CHECK(!journey_active(kiosk_journey(k)));
    kiosk_destroy(k);
}

static void typed_text_with_accents(void) {
    kiosk *k = open_kiosk();
    start(k);
    press(k, W_NEXT, 0);
    press(k, W_SKIP, 0); /* rating */
    CHECK_INT(kiosk_journey(k)->step, STEP_TEXT);
    static const char *const text[] = {"C", "a", "f", "é", " ", "£", "5", " ", "ż", "ł", NULL};
    CHECK(type_text(k, text));
    CHECK_STR(kiosk_journey(k)->text, "Café £5 żł");
    /* Backspace over multi-byte letters removes one whole letter each time. */
    CHECK(press_key_action(k, KEY_BACKSPACE));
    CHECK_STR(kiosk_journey(k)->text, "Café £5 ż");
    CHECK(press_key_action(k, KEY_BACKSPACE));
    CHECK(press_key_action(k, KEY_BACKSPACE));
    CHECK_STR(kiosk_journey(k)->text, "Café £5");
    static const char *const more[] = {" ", "ș", "ă", NULL};
    CHECK(type_text(k, more));
    press(k, W_NEXT, 0);
    CHECK_INT(kiosk_journey(k)->step, STEP_NAME);
    static const char *const name[] = {"Ł", "u", "c", "j", "a", NULL};
    CHECK(type_text(k, name));
    press(k, W_NEXT, 0);
    press(k, W_AGE, 0);
    CHECK_INT(kiosk_journey(k)->step, STEP_POSTCODE);
    static const char *const bad[] = {"x", "x", NULL};
    CHECK(type_text(k, bad));
    press(k, W_NEXT, 0);
    /* Not a district: the visitor stays and is told why. */
    CHECK_INT(kiosk_journey(k)->step, STEP_POSTCODE);
    CHECK(kiosk_journey(k)->postcode_invalid);
    press_key_action(k, KEY_BACKSPACE);
    press_key_action(k, KEY_BACKSPACE);
    static const char *const pc[] = {"s", "6", "0", NULL};
    CHECK(type_text(k, pc));
    press(k, W_NEXT, 0);
    CHECK_INT(kiosk_journey(k)->step, STEP_CONSENT);
    press(k, W_CONSENT, 1);
    CHECK_INT(kiosk_journey(k)->step, STEP_REVIEW);
    /* Back keeps what was entered. */
    press(k, W_BACK, 0);
    press(k, W_BACK, 0);
    CHECK_INT(kiosk_journey(k)->step, STEP_POSTCODE);
    CHECK_STR(kiosk_journey(k)->postcode, "S60");
    press(k, W_NEXT, 0);
    CHECK_INT(kiosk_journey(k)->consent, 1);
    press(k, W_NEXT, 0);
    press(k, W_SEND, 0);
    json_t *r = last_record();
    CHECK(r != NULL);
    if (r) {
        CHECK_STR(json_string_value(json_object_get(r, "text")), "Café £5 șă");
        CHECK_STR(json_string_value(json_object_get(r, "name")), "Łucja");
        CHECK_STR(json_string_value(json_object_get(r, "age_band")), "under-12");
        CHECK_STR(json_string_value(json_object_get(r, "postcode_district")), "S60");
        CHECK(json_is_true(json_object_get(r, "consent_quote")));
        CHECK_INT(json_array_size(json_object_get(r, "themes")), 0);
        CHECK(json_is_null(json_object_get(r, "rating")));
        json_decref(r);
    }
    kiosk_destroy(k);
}

static void idle_timeout_clears_everything(void) {
    kiosk *k = open_kiosk();
    size_t before = record_count();
    start(k);
    press(k, W_THEME, 1);
    press(k, W_NEXT, 0);
    press(k, W_NEXT, 0);
    static const char *const text[] = {"s", "e", "c", "r", "e", "t", NULL};
    CHECK(type_text(k, text));
    fake_now += (uint64_t)cfg->feedback.idle_seconds * 1000 + 10;
    settle(k);
    CHECK(kiosk_journey(k)->still_there);
    fake_now += (uint64_t)cfg->feedback.still_there_seconds * 1000 + 10;
    settle(k);
    CHECK(!journey_active(kiosk_journey(k)));
    CHECK_STR(kiosk_journey(k)->text, "");
    CHECK_INT(kiosk_abandoned(k), 1);
    CHECK_INT(record_count(), before);
    /* The next visitor starts from nothing. */
    start(k);
    CHECK(!kiosk_journey(k)->themes[1]);
    press(k, W_CLOSE, 0);
    CHECK_INT(kiosk_abandoned(k), 2);
    kiosk_destroy(k);
}

static void still_there_continue_keeps_entry(void) {
    kiosk *k = open_kiosk();
    start(k);
    press(k, W_THEME, 2);
    fake_now += (uint64_t)cfg->feedback.idle_seconds * 1000 + 10;
    settle(k);
    CHECK(kiosk_journey(k)->still_there);
    press(k, W_CONTINUE, 0);
    CHECK(!kiosk_journey(k)->still_there);
    CHECK(kiosk_journey(k)->themes[2]);
    kiosk_destroy(k);
}

static void save_failure_is_honest(void) {
    /* A feedback folder that cannot exist (its parent is a file): no false thank-you. */
    char blocked[300];
    snprintf(blocked, sizeof blocked, "%s/file", dir);
    FILE *f = fopen(blocked, "w");
    if (f) fclose(f);
    kiosk_opts o = {.windowed = true, .w = 800, .h = 480, .feedback_dir = blocked, .now_ms = clock_ms, .wall = wall};
    pk_error err = {{0}};
    snprintf(blocked + strlen(blocked), sizeof blocked - strlen(blocked), "/sub");
    kiosk *k = kiosk_create(cfg, &o, &err);
    CHECK(k != NULL);
    if (!k) return;
    CHECK(kiosk_storage_error(k)[0] != '\0');
    settle(k);
    start(k);
    for (int s = 0; s < 7 && kiosk_journey(k)->step != STEP_REVIEW; s++) press(k, W_SKIP, 0);
    CHECK_INT(kiosk_journey(k)->step, STEP_REVIEW);
    press(k, W_SEND, 0);
    CHECK_INT(kiosk_journey(k)->step, STEP_SORRY);
    kiosk_destroy(k);
}

/* A touch screen under X also sends mouse events SDL made up from the touch; one tap must
 * act once, or a choice would toggle on and straight off again. */
static void touch_acts_once(void) {
    kiosk *k = open_kiosk();
    start(k);
    const widget *w = find(k, W_THEME, 1);
    CHECK(w != NULL);
    if (!w) return;
    int x = w->r.x + w->r.w / 2, y = w->r.y + w->r.h / 2;
    SDL_Event e = {0};
    e.type = SDL_FINGERDOWN;
    e.tfinger.x = (x + 0.5f) / 800.0f, e.tfinger.y = (y + 0.5f) / 480.0f;
    SDL_PushEvent(&e);
    SDL_Event m = {0};
    m.type = SDL_MOUSEBUTTONDOWN;
    m.button.which = SDL_TOUCH_MOUSEID, m.button.button = SDL_BUTTON_LEFT, m.button.x = x, m.button.y = y;
    SDL_PushEvent(&m);
    e.type = SDL_FINGERUP;
    SDL_PushEvent(&e);
    m.type = SDL_MOUSEBUTTONUP;
    SDL_PushEvent(&m);
    settle(k);
    CHECK(kiosk_journey(k)->themes[1]);
    /* A real mouse click (not from touch) acts too, once. */
    m.button.which = 0;
    m.type = SDL_MOUSEBUTTONDOWN;
    SDL_PushEvent(&m);
    m.type = SDL_MOUSEBUTTONUP;
    SDL_PushEvent(&m);
    settle(k);
    CHECK(!kiosk_journey(k)->themes[1]);
    kiosk_destroy(k);
}

/* The visitor's own settings, on the loop (its footer's buttons are widgets now) and on a
 * journey screen: "A A" steps 150 %, 200 %, 100 %; less motion toggles; Listen shows only
 * where the kiosk can speak. A journey's end, or the kiosk left alone, forgets them. */
static void visitor_settings(void) {
    kiosk *k = open_kiosk();
    CHECK(find(k, W_HAVE_YOUR_SAY, 0) != NULL);
    CHECK(find(k, W_LISTEN, 0) == NULL);
    static const double steps[] = {1.5, 2.0, 1.0, 1.5};
    for (int i = 0; i < 4; i++) {
        CHECK(press(k, W_TEXT_SIZE, 0));
        CHECK(kiosk_view(k)->text_scale == steps[i]);
    }
    CHECK(press(k, W_MOTION, 0));
    CHECK(kiosk_view(k)->reduce_motion);
    CHECK(!journey_active(kiosk_journey(k)));
    kiosk_set_can_listen(k, true);
    settle(k);
    CHECK(press(k, W_LISTEN, 0));
    CHECK(!journey_active(kiosk_journey(k)));
    /* Left alone: the next visitor starts at 100 % with motion; Listen stays offered. */
    fake_now += (uint64_t)cfg->feedback.idle_seconds * 1000 + 10;
    settle(k);
    CHECK(kiosk_view(k)->text_scale == 1.0);
    CHECK(!kiosk_view(k)->reduce_motion);
    CHECK(kiosk_view(k)->can_listen);
    /* In the journey: the same buttons, the step stays, Close forgets them. */
    start(k);
    CHECK(press(k, W_TEXT_SIZE, 0));
    CHECK(press(k, W_MOTION, 0));
    CHECK(kiosk_view(k)->text_scale == 1.5 && kiosk_view(k)->reduce_motion);
    CHECK_INT(kiosk_journey(k)->step, STEP_CHOICE);
    CHECK(find(k, W_LISTEN, 0) != NULL);
    press(k, W_CLOSE, 0);
    CHECK(!journey_active(kiosk_journey(k)));
    CHECK(kiosk_view(k)->text_scale == 1.0 && !kiosk_view(k)->reduce_motion);
    kiosk_destroy(k);
}

/* Urdu mirrors the kiosk: "Have your say" on the left, the language button on the right, and
 * in the journey Back on the right, Next on the left; taps land on what is drawn. */
static void urdu_mirrors(void) {
    kiosk *k = open_kiosk();
    int ur = config_language_index(cfg, "ur");
    CHECK(ur >= 0);
    CHECK(press(k, W_LANG_OPEN, 0));
    CHECK(press(k, W_LANG_PICK, ur));
    CHECK(kiosk_frame(k)->rtl);
    const widget *lang = find(k, W_LANG_OPEN, 0), *say = find(k, W_HAVE_YOUR_SAY, 0);
    CHECK(lang && say && lang->r.x > say->r.x);
    CHECK(press(k, W_HAVE_YOUR_SAY, 0));
    CHECK_INT(kiosk_journey(k)->step, STEP_CHOICE);
    const widget *back = find(k, W_BACK, 0), *next = find(k, W_NEXT, 0);
    CHECK(back && next && back->r.x > next->r.x);
    CHECK(press(k, W_NEXT, 0));
    CHECK_INT(kiosk_journey(k)->step, STEP_RATING);
    press(k, W_CLOSE, 0);
    CHECK(!kiosk_frame(k)->rtl); /* back to the default language, left to right */
    kiosk_destroy(k);
}

int main(void) {
    snprintf(dir, sizeof dir, "%s/journey-test-XXXXXX", TEST_BINARY_DIR);
    if (!mkdtemp(dir)) return 1;
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    cfg = config_load(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", &opt, d);
    free(d);
    if (!cfg) return 1;
    RUN(taps_only);
    RUN(typed_text_with_accents);
    RUN(idle_timeout_clears_everything);
    RUN(still_there_continue_keeps_entry);
    RUN(save_failure_is_honest);
    RUN(touch_acts_once);
    RUN(visitor_settings);
    RUN(urdu_mirrors);
    config_free(cfg);
    return check_report();
}
