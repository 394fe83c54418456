/* Scripted visitors: the real kiosk (SDL's dummy video driver, software renderer) driven by
 * synthetic touch events on the rectangles its screens laid out, exactly where a finger would
 * land. Each journey checks the record on disk is exactly what was entered, or that nothing
 * was written when it should not be. A fake clock lets the idle timeout pass in no time. */
#include <SDL.h>
#include <dirent.h>
#include <jansson.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "journey_test.h"
#include "kiosk_test.h"

static config *cfg;
static char dir[256];

static int taps;

static void tap(kiosk *k, int x, int y) {
    taps++;
    finger_tap(k, x, y);
}

static const widget *find(kiosk *k, widget_kind kind, int index) { return find_widget(k, kind, index); }

/* Where the journey is, for messages: the question's id, or the step's name. */
static const char *where(kiosk *k) {
    const question *q = journey_question(kiosk_journey(k));
    return q ? q->id : journey_step_name(kiosk_journey(k)->step);
}

/* A record's answer to question id (NULL when absent). */
static json_t *answer_of(json_t *r, const char *id) { return json_object_get(json_object_get(r, "answers"), id); }

static bool press(kiosk *k, widget_kind kind, int index) {
    const widget *w = find(k, kind, index);
    if (!w) {
        fprintf(stderr, "no widget %d/%d on %s\n", kind, index, where(k));
        return false;
    }
    tap(k, w->r.x + w->r.w / 2, w->r.y + w->r.h / 2);
    return true;
}

static void tap_widget(kiosk *k, const widget *w) { tap(k, w->r.x + w->r.w / 2, w->r.y + w->r.h / 2); }

static bool key_types(const key_def *kd, const char *s) {
    return (kd->action == KEY_CHAR && kd->text && !strcmp(kd->text, s)) || (kd->action == KEY_SPACE && !strcmp(s, " "));
}

static bool key_offers(const key_def *kd, const char *s) {
    for (int m = 0; m < kd->n_more; m++)
        if (!strcmp(kd->more[m].text, s)) return true;
    return false;
}

/* Turns the keyboard to page `target` as a visitor would: straight there when a page key
 * leads there, otherwise through Shift (an upper page is reached from its lower twin). */
static bool go_to_page(kiosk *k, int target) {
    const keyboard_layout *lay = kiosk_journey(k)->kb.layout;
    for (int attempt = 0; attempt < 6; attempt++) {
        int cur = kiosk_journey(k)->kb.page;
        if (cur == target) return true;
        const keyboard_page *tp = &lay->pages[target];
        int twin = tp->upper == target ? tp->lower : -1;
        const widget_list *w = kiosk_widgets(k);
        const widget *to_page = NULL, *to_twin = NULL, *shift = NULL, *any_page = NULL;
        for (int i = 0; i < w->count; i++) {
            const key_def *key = w->items[i].key;
            if (w->items[i].kind != W_KEY || !key) continue;
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
    return kiosk_journey(k)->kb.page == target;
}

/* The page of the current keyboard with a key that types s (or, with more, offers it on a long
 * press), or -1. */
static int page_with(kiosk *k, const char *s, bool more) {
    const keyboard_layout *lay = kiosk_journey(k)->kb.layout;
    for (int p = 0; p < lay->n_pages; p++)
        for (int r = 0; r < lay->pages[p].n_rows; r++)
            for (int i = 0; i < lay->pages[p].n_keys[r]; i++)
                if (more ? key_offers(&lay->pages[p].keys[r][i], s) : key_types(&lay->pages[p].keys[r][i], s))
                    return p;
    return -1;
}

/* The laid-out key on screen that types s (more: offers s), or NULL. */
static const widget *key_widget(kiosk *k, const char *s, bool more) {
    const widget_list *w = kiosk_widgets(k);
    for (int i = 0; i < w->count; i++)
        if (w->items[i].kind == W_KEY && w->items[i].key &&
            (more ? key_offers(w->items[i].key, s) : key_types(w->items[i].key, s)))
            return &w->items[i];
    return NULL;
}

/* Taps the key that types s, turning keyboard pages as a visitor would. */
static bool type_char(kiosk *k, const char *s) {
    int target = page_with(k, s, false);
    const widget *key = target >= 0 && go_to_page(k, target) ? key_widget(k, s, false) : NULL;
    if (!key) {
        fprintf(stderr, "no key types \"%s\"\n", s);
        return false;
    }
    tap_widget(k, key);
    return true;
}

static const widget *variant_widget(kiosk *k, const char *s) {
    const widget_list *w = kiosk_widgets(k);
    for (int i = 0; i < w->count; i++)
        if (w->items[i].kind == W_KEY_MORE && w->items[i].key && !strcmp(w->items[i].key->text, s))
            return &w->items[i];
    return NULL;
}

/* Types s with a long press on the key that offers it: the finger held on the key until the
 * popup shows, then either slid onto s and lifted there, or lifted and s tapped. With shift,
 * Shift is tapped first, so the upper-case page's key offers the capital. */
typedef enum { HOLD_SLIDE, HOLD_LIFT_TAP } hold_way;

static bool long_press(kiosk *k, const char *s, hold_way way) {
    int target = page_with(k, s, true);
    const widget *key = target >= 0 && go_to_page(k, target) ? key_widget(k, s, true) : NULL;
    if (!key) {
        fprintf(stderr, "no key offers \"%s\"\n", s);
        return false;
    }
    int x = key->r.x + key->r.w / 2, y = key->r.y + key->r.h / 2;
    finger(k, SDL_FINGERDOWN, x, y);
    CHECK(!keyboard_popup_open(&kiosk_journey(k)->kb)); /* not yet */
    fake_now += KEYBOARD_HOLD_MS + 20;
    settle(k);
    CHECK(keyboard_popup_open(&kiosk_journey(k)->kb));
    const widget *v = variant_widget(k, s);
    CHECK(v != NULL);
    if (!v) return false;
    int vx = v->r.x + v->r.w / 2, vy = v->r.y + v->r.h / 2;
    if (way == HOLD_SLIDE) {
        finger(k, SDL_FINGERMOTION, vx, vy);
        CHECK(kiosk_journey(k)->kb.popup_hot >= 0);
        finger(k, SDL_FINGERUP, vx, vy);
    } else {
        finger(k, SDL_FINGERUP, x, y); /* lifted on the key: the popup waits for a tap */
        CHECK(keyboard_popup_open(&kiosk_journey(k)->kb));
        v = variant_widget(k, s);
        CHECK(v != NULL);
        if (v) tap_widget(k, v);
    }
    fake_now += 300;
    CHECK(!keyboard_popup_open(&kiosk_journey(k)->kb));
    return true;
}

static bool type_text(kiosk *k, const char *const *chars) {
    for (int i = 0; chars[i]; i++)
        if (!type_char(k, chars[i])) return false;
    return true;
}

static bool press_key_action(kiosk *k, key_action a) {
    const widget *w = find_key_action(k, a);
    if (w) tap_widget(k, w);
    return w != NULL;
}

static kiosk *open_kiosk(void) { return open_test_kiosk(cfg, dir); }

static void start(kiosk *k) {
    const frame *f = kiosk_frame(k);
    tap(k, f->button.x + f->button.w / 2, f->button.y + f->button.h / 2);
    CHECK(journey_on(kiosk_journey(k), "themes"));
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

/* A kiosk whose first frame comes long after it was created (fonts, pictures and a software GPU
 * under emulation took 9 s) still shows its first slide for the slide's full time. */
static void slow_start_keeps_first_slide(void) {
    kiosk_opts o = {.windowed = true, .w = 800, .h = 480, .feedback_dir = dir, .now_ms = clock_ms, .wall = wall};
    pk_error err = {{0}};
    kiosk *k = kiosk_create(cfg, &o, &err);
    CHECK(k != NULL);
    if (!k) return;
    int first = kiosk_slide(k);
    int ms = (cfg->slides[first].duration > 0 ? cfg->slides[first].duration : cfg->loop.slide_seconds) * 1000;
    fake_now += 20000; /* the slow start */
    settle(k);
    CHECK_INT(kiosk_slide(k), first);
    fake_now += (uint64_t)ms - 500;
    settle(k);
    CHECK_INT(kiosk_slide(k), first);
    fake_now += 1000;
    settle(k);
    CHECK(kiosk_slide(k) != first);
    kiosk_destroy(k);
}

static void taps_only(void) {
    kiosk *k = open_kiosk();
    taps = 0;
    start(k);
    press(k, W_OPTION, 0);
    press(k, W_NEXT, 0); /* themes only: straight on, no "Something else" box */
    CHECK(journey_on(kiosk_journey(k), "rating"));
    press(k, W_POINT, 4); /* a face answers and moves on */
    CHECK(journey_on(kiosk_journey(k), "text"));
    press(k, W_SKIP, 0); /* text */
    press(k, W_SKIP, 0); /* name */
    CHECK(journey_on(kiosk_journey(k), "age_band"));
    press(k, W_OPTION, 3); /* an age band answers and moves on */
    CHECK(journey_on(kiosk_journey(k), "postcode_district"));
    press(k, W_SKIP, 0);
    /* Nothing typed, nothing to quote: no consent question. */
    CHECK_INT(kiosk_journey(k)->step, STEP_REVIEW);
    size_t before = record_count();
    press(k, W_SEND, 0);
    CHECK_INT(taps, 9); /* the taps-only path, Have your say to Send, in nine taps */
    CHECK_INT(kiosk_journey(k)->step, STEP_THANKS);
    CHECK_INT(record_count(), before + 1);
    json_t *r = last_record();
    CHECK(r != NULL);
    if (r) {
        json_t *themes = answer_of(r, "themes");
        CHECK_INT(json_array_size(themes), 1);
        CHECK_STR(json_string_value(json_array_get(themes, 0)), cfg->themes[0].id);
        CHECK(json_is_null(answer_of(r, "themes_other")));
        CHECK_INT(json_integer_value(answer_of(r, "rating")), 4);
        CHECK(json_is_integer(answer_of(r, "rating")));
        CHECK(json_is_null(answer_of(r, "text")));
        CHECK(json_is_null(answer_of(r, "name")));
        CHECK_STR(json_string_value(answer_of(r, "age_band")), "25-44");
        CHECK(json_is_null(answer_of(r, "postcode_district")));
        CHECK(json_is_null(answer_of(r, "consent_quote")));
        CHECK(json_object_get(r, "themes") == NULL); /* no answers at the top any more */
        CHECK_STR(json_string_value(json_object_get(r, "kiosk")), cfg->kiosk.id);
        const consultation *c = &cfg->consultations[0];
        json_t *form = json_object_get(r, "consultation");
        CHECK_STR(json_string_value(json_object_get(form, "id")), c->id);
        CHECK_STR(json_string_value(json_object_get(form, "questions")), c->hash);
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
    CHECK(journey_on(kiosk_journey(k), "text"));
    static const char *const text[] = {"C", "a", "f", "é", " ", "£", "5", " ", "ż", "ł", NULL};
    CHECK(type_text(k, text));
    CHECK_STR(jt_text(kiosk_journey(k), "text"), "Café £5 żł");
    /* Backspace over multi-byte letters removes one whole letter each time. */
    CHECK(press_key_action(k, KEY_BACKSPACE));
    CHECK_STR(jt_text(kiosk_journey(k), "text"), "Café £5 ż");
    CHECK(press_key_action(k, KEY_BACKSPACE));
    CHECK(press_key_action(k, KEY_BACKSPACE));
    CHECK_STR(jt_text(kiosk_journey(k), "text"), "Café £5");
    static const char *const more[] = {" ", "ș", "ă", NULL};
    CHECK(type_text(k, more));
    press(k, W_NEXT, 0);
    CHECK(journey_on(kiosk_journey(k), "name"));
    static const char *const name[] = {"Ł", "u", "c", "j", "a", NULL};
    CHECK(type_text(k, name));
    press(k, W_NEXT, 0);
    CHECK(journey_on(kiosk_journey(k), "age_band"));
    press(k, W_OPTION, 0);
    CHECK(journey_on(kiosk_journey(k), "postcode_district"));
    static const char *const bad[] = {"x", "x", NULL};
    CHECK(type_text(k, bad));
    press(k, W_NEXT, 0);
    /* Not a district: the visitor stays and is told why. */
    CHECK(journey_on(kiosk_journey(k), "postcode_district"));
    CHECK(kiosk_journey(k)->invalid);
    press_key_action(k, KEY_BACKSPACE);
    press_key_action(k, KEY_BACKSPACE);
    static const char *const pc[] = {"s", "6", "0", NULL};
    CHECK(type_text(k, pc));
    press(k, W_NEXT, 0);
    CHECK(journey_on(kiosk_journey(k), "consent_quote"));
    press(k, W_CONSENT, 1);
    CHECK_INT(kiosk_journey(k)->step, STEP_REVIEW);
    /* Back keeps what was entered. */
    press(k, W_BACK, 0);
    press(k, W_BACK, 0);
    CHECK(journey_on(kiosk_journey(k), "postcode_district"));
    CHECK_STR(jt_text(kiosk_journey(k), "postcode_district"), "S60");
    press(k, W_NEXT, 0);
    CHECK(journey_on(kiosk_journey(k), "consent_quote"));
    CHECK(jt_answer(kiosk_journey(k), "consent_quote")->given);
    CHECK_INT(jt_answer(kiosk_journey(k), "consent_quote")->value, 1);
    press(k, W_NEXT, 0);
    CHECK_INT(kiosk_journey(k)->step, STEP_REVIEW);
    press(k, W_SEND, 0);
    json_t *r = last_record();
    CHECK(r != NULL);
    if (r) {
        CHECK_STR(json_string_value(answer_of(r, "text")), "Café £5 șă");
        CHECK_STR(json_string_value(answer_of(r, "name")), "Łucja");
        CHECK_STR(json_string_value(answer_of(r, "age_band")), "under-12");
        CHECK_STR(json_string_value(answer_of(r, "postcode_district")), "S60");
        CHECK(json_is_true(answer_of(r, "consent_quote")));
        CHECK(json_is_null(answer_of(r, "themes")));
        CHECK(json_is_null(answer_of(r, "rating")));
        json_decref(r);
    }
    kiosk_destroy(k);
}

/* Whether the n bytes at p hold the string s anywhere. */
static bool holds(const char *p, size_t n, const char *s) {
    size_t len = strlen(s);
    for (size_t i = 0; i + len <= n; i++)
        if (!memcmp(p + i, s, len)) return true;
    return false;
}

/* "Something else" and Next: its box first (a typing page, Back to the choices), then the
 * rating; its words are kept as themes_other, and are words to quote, so consent is asked. */
static void something_else_box(void) {
    kiosk *k = open_kiosk();
    start(k);
    press(k, W_OPTION, 0);
    press(k, W_OPTION, cfg->n_themes); /* something else: the last option */
    press(k, W_NEXT, 0);
    CHECK(journey_on(kiosk_journey(k), "themes"));
    CHECK(kiosk_journey(k)->other_page);
    CHECK(find(k, W_FIELD, 0) != NULL); /* a box, with its keyboard */
    CHECK(find(k, W_SKIP, 0) != NULL);
    CHECK(find(k, W_OPTION, 0) == NULL);
    static const char *const words[] = {"S", "k", "a", "t", "e", " ", "p", "a", "r", "k", NULL};
    CHECK(type_text(k, words));
    CHECK_STR(jt_text(kiosk_journey(k), "themes"), "Skate park");
    press(k, W_BACK, 0); /* the choices again, as chosen */
    CHECK(journey_on(kiosk_journey(k), "themes"));
    CHECK(!kiosk_journey(k)->other_page);
    CHECK(find(k, W_OPTION, cfg->n_themes) != NULL);
    CHECK(find(k, W_FIELD, 0) == NULL);
    press(k, W_NEXT, 0);
    CHECK(kiosk_journey(k)->other_page);
    CHECK_STR(jt_text(kiosk_journey(k), "themes"), "Skate park");
    press(k, W_NEXT, 0);
    CHECK(journey_on(kiosk_journey(k), "rating"));
    press(k, W_POINT, 5);
    press(k, W_SKIP, 0); /* text */
    press(k, W_SKIP, 0); /* name */
    press(k, W_OPTION, 1);
    press(k, W_SKIP, 0); /* postcode */
    CHECK(journey_on(kiosk_journey(k), "consent_quote"));
    while (kiosk_journey(k)->notice_page) press(k, W_NEXT, 0);
    press(k, W_CONSENT, 0);
    CHECK_INT(kiosk_journey(k)->step, STEP_REVIEW);
    size_t before = record_count();
    press(k, W_SEND, 0);
    CHECK_INT(kiosk_journey(k)->step, STEP_THANKS);
    CHECK_INT(record_count(), before + 1);
    json_t *r = last_record();
    CHECK(r != NULL);
    if (r) {
        json_t *themes = answer_of(r, "themes");
        CHECK_INT(json_array_size(themes), 2);
        CHECK_STR(json_string_value(json_array_get(themes, 0)), cfg->themes[0].id);
        CHECK_STR(json_string_value(json_array_get(themes, 1)), "other");
        CHECK_STR(json_string_value(answer_of(r, "themes_other")), "Skate park");
        CHECK_INT(json_integer_value(answer_of(r, "rating")), 5);
        CHECK_STR(json_string_value(answer_of(r, "age_band")), "12-17");
        CHECK(json_is_false(answer_of(r, "consent_quote")));
        bool sealed_later = false;
        size_t i;
        json_t *e;
        json_array_foreach(json_object_get(r, "personal"), i, e) sealed_later |= !strcmp(json_string_value(e), "themes_other");
        CHECK(sealed_later);
        json_decref(r);
    }
    kiosk_destroy(k);
}

/* A journey left alone is counted in the abandoned log with the question it stood on and the
 * seconds it took, nothing more. */
static void abandoned_log_says_where(void) {
    kiosk *k = open_kiosk();
    uint64_t t0 = fake_now;
    start(k);
    press(k, W_NEXT, 0);
    press(k, W_POINT, 3);
    CHECK(journey_on(kiosk_journey(k), "text"));
    fake_now += (uint64_t)cfg->feedback.idle_seconds * 1000 + 10;
    settle(k);
    fake_now += (uint64_t)cfg->feedback.still_there_seconds * 1000 + 10;
    settle(k);
    CHECK(!journey_active(kiosk_journey(k)));
    int secs = (int)((fake_now - t0) / 1000);
    kiosk_destroy(k);
    char path[512], line[4096], last[4096] = "";
    snprintf(path, sizeof path, "%s/%s/abandoned/2026-05-28.jsonl", dir, cfg->kiosk.id);
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    while (f && fgets(line, sizeof line, f)) snprintf(last, sizeof last, "%s", line);
    if (f) fclose(f);
    json_error_t e;
    json_t *r = json_loads(last, 0, &e);
    CHECK(r != NULL);
    if (!r) return;
    CHECK_STR(json_string_value(json_object_get(r, "step")), "text");
    int got = (int)json_integer_value(json_object_get(r, "seconds_taken"));
    if (got < secs - 1 || got > secs) fprintf(stderr, "abandoned after %d s, logged as %d s\n", secs, got);
    CHECK(got >= secs - 1 && got <= secs);
    CHECK(json_object_get(r, "answers") == NULL);
    json_decref(r);
}

static void idle_timeout_clears_everything(void) {
    kiosk *k = open_kiosk();
    size_t before = record_count();
    start(k);
    press(k, W_OPTION, 1);
    press(k, W_NEXT, 0);
    press(k, W_NEXT, 0);
    CHECK(journey_on(kiosk_journey(k), "text"));
    static const char *const text[] = {"s", "e", "c", "r", "e", "t", NULL};
    CHECK(type_text(k, text));
    CHECK_STR(jt_text(kiosk_journey(k), "text"), "secret");
    fake_now += (uint64_t)cfg->feedback.idle_seconds * 1000 + 10;
    settle(k);
    CHECK(kiosk_journey(k)->still_there);
    fake_now += (uint64_t)cfg->feedback.still_there_seconds * 1000 + 10;
    settle(k);
    CHECK(!journey_active(kiosk_journey(k)));
    /* Wiped from memory, not only forgotten. */
    CHECK(!holds(kiosk_journey(k)->texts, sizeof kiosk_journey(k)->texts, "secret"));
    CHECK_INT(kiosk_journey(k)->answers[0].picked, 0);
    CHECK_INT(kiosk_abandoned(k), 1);
    CHECK_INT(record_count(), before);
    /* The next visitor starts from nothing. */
    start(k);
    CHECK_INT(jt_answer(kiosk_journey(k), "themes")->picked, 0);
    CHECK_STR(jt_text(kiosk_journey(k), "text"), "");
    press(k, W_CLOSE, 0);
    CHECK_INT(kiosk_abandoned(k), 2);
    kiosk_destroy(k);
}

static void still_there_continue_keeps_entry(void) {
    kiosk *k = open_kiosk();
    start(k);
    press(k, W_OPTION, 2);
    fake_now += (uint64_t)cfg->feedback.idle_seconds * 1000 + 10;
    settle(k);
    CHECK(kiosk_journey(k)->still_there);
    press(k, W_CONTINUE, 0);
    CHECK(!kiosk_journey(k)->still_there);
    CHECK(jt_answer(kiosk_journey(k), "themes")->picked & 4);
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
    const widget *w = find(k, W_OPTION, 1);
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
    CHECK(jt_answer(kiosk_journey(k), "themes")->picked & 2);
    /* A real mouse click (not from touch) acts too, once. */
    m.button.which = 0;
    m.type = SDL_MOUSEBUTTONDOWN;
    SDL_PushEvent(&m);
    m.type = SDL_MOUSEBUTTONUP;
    SDL_PushEvent(&m);
    settle(k);
    CHECK(!(jt_answer(kiosk_journey(k), "themes")->picked & 2));
    kiosk_destroy(k);
}


/* Picks language `code` with the language button, as a visitor would. */
static bool choose_language(kiosk *k, const char *code) {
    int li = config_language_index(cfg, code);
    if (li < 0 || !press(k, W_LANG_OPEN, 0)) return false;
    if (!press(k, W_LANG_PICK, li)) return false;
    return !strcmp(kiosk_config(k)->languages.code[kiosk_config(k)->lang], code);
}

/* From the text step (text typed), on through the other steps to Send; the record written. */
static json_t *send_from_text(kiosk *k) {
    press(k, W_NEXT, 0);
    for (int s = 0; s < 8 && kiosk_journey(k)->step != STEP_REVIEW; s++)
        press(k, journey_on(kiosk_journey(k), "consent_quote") ? W_CONSENT : W_SKIP, 0);
    CHECK_INT(kiosk_journey(k)->step, STEP_REVIEW);
    size_t before = record_count();
    press(k, W_SEND, 0);
    CHECK_INT(kiosk_journey(k)->step, STEP_THANKS);
    CHECK_INT(record_count(), before + 1);
    return last_record();
}

/* Starts a journey in language code and goes to the text step. */
static kiosk *text_step_in(const char *code) {
    kiosk *k = open_kiosk();
    start(k);
    CHECK(choose_language(k, code));
    press(k, W_NEXT, 0);
    press(k, W_SKIP, 0);
    CHECK(journey_on(kiosk_journey(k), "text"));
    CHECK_STR(kiosk_journey(k)->kb.layout->name, kiosk_config(k)->keyboard->name);
    return k;
}

static void check_record(json_t *r, const char *lang, const char *text) {
    CHECK(r != NULL);
    if (!r) return;
    CHECK_STR(json_string_value(json_object_get(r, "language")), lang);
    const char *got = json_string_value(answer_of(r, "text"));
    CHECK(got != NULL);
    if (got) {
        CHECK_INT(strlen(got), strlen(text));
        CHECK(memcmp(got, text, strlen(text)) == 0); /* byte for byte */
    }
    json_decref(r);
}

/* A Polish visitor types "Żółć gęślą jaźń" on the Polish keyboard: capitals with Shift, the
 * Polish letters by a long press (slid onto, or lifted and tapped) and from their own page. */
static void polish_journey(void) {
    kiosk *k = text_step_in("pl");
    CHECK_STR(kiosk_journey(k)->kb.layout->name, "pl");
    const widget *shift = NULL;
    const widget_list *w = kiosk_widgets(k);
    for (int i = 0; i < w->count; i++)
        if (w->items[i].kind == W_KEY && w->items[i].key->action == KEY_SHIFT) shift = &w->items[i];
    CHECK(shift != NULL);
    if (shift) tap_widget(k, shift);
    CHECK(long_press(k, "Ż", HOLD_SLIDE));   /* Shift, then z held: Ż */
    CHECK(long_press(k, "ó", HOLD_SLIDE));   /* back in lower case after one capital */
    CHECK(long_press(k, "ł", HOLD_LIFT_TAP));
    CHECK(type_char(k, "ć"));                /* from the Polish letters' page */
    static const char *const rest[] = {" ", "g", NULL};
    CHECK(type_text(k, rest));
    CHECK(long_press(k, "ę", HOLD_SLIDE));
    CHECK(long_press(k, "ś", HOLD_SLIDE));
    CHECK(type_char(k, "l"));
    CHECK(long_press(k, "ą", HOLD_LIFT_TAP));
    static const char *const more[] = {" ", "j", "a", NULL};
    CHECK(type_text(k, more));
    CHECK(long_press(k, "ź", HOLD_SLIDE));   /* on x, as with AltGr+x */
    CHECK(long_press(k, "ń", HOLD_SLIDE));
    CHECK_STR(jt_text(kiosk_journey(k), "text"), "Żółć gęślą jaźń");
    /* A short tap on a key with variants types the letter itself. */
    CHECK(type_char(k, "l"));
    CHECK_STR(jt_text(kiosk_journey(k), "text"), "Żółć gęślą jaźńl");
    CHECK(press_key_action(k, KEY_BACKSPACE));
    check_record(send_from_text(k), "pl", "Żółć gęślą jaźń");
    kiosk_destroy(k);
}

/* An Urdu visitor types on the Urdu phonetic keyboard, Urdu digits included; the box is right
 * to left, backspace takes the logically last character, the record is what was typed. */
static void urdu_journey(void) {
    kiosk *k = text_step_in("ur");
    CHECK_STR(kiosk_journey(k)->kb.layout->name, "ur");
    static const char *const phrase[] = {"م", "ی", "ں", " ", "ر", "و", "ت", "ھ", "ر", "ہ", "م", " ",
                                         "س", "ے", " ", "پ", "ی", "ا", "ر", " ", "ک", "ر", "ت", "ا", " ",
                                         "ہ", "و", "ں", " ", "۲", "۰", "۲", "۵", "9", NULL};
    CHECK(type_text(k, phrase));
    /* Backspace removes the last typed character (the Latin 9), then an Urdu digit. */
    CHECK(press_key_action(k, KEY_BACKSPACE));
    CHECK_STR(jt_text(kiosk_journey(k), "text"), "میں روتھرہم سے پیار کرتا ہوں ۲۰۲۵");
    CHECK(press_key_action(k, KEY_BACKSPACE));
    CHECK_STR(jt_text(kiosk_journey(k), "text"), "میں روتھرہم سے پیار کرتا ہوں ۲۰۲");
    CHECK(type_char(k, "۵"));
    /* ں also by a long press on ن. */
    CHECK(type_char(k, " "));
    CHECK(long_press(k, "ں", HOLD_SLIDE));
    CHECK(press_key_action(k, KEY_BACKSPACE));
    CHECK(press_key_action(k, KEY_BACKSPACE));
    /* The box is drawn right to left: the text at the right, the caret at its left. */
    check_record(send_from_text(k), "ur", "میں روتھرہم سے پیار کرتا ہوں ۲۰۲۵");
    kiosk_destroy(k);
}

/* Czech, Slovak and Romanian: a few letters each, on their own keyboards. */
static void czech_slovak_romanian(void) {
    struct { const char *lang; const char *const keys[8]; const char *text; } cases[] = {
        {"cs", {"ř", "e", "k", "a", " ", "ů", NULL}, "řeka ů"},
        {"sk", {"ľ", "a", "d", " ", "ô", "ň", NULL}, "ľad ôň"},
        {"ro", {"ș", "i", " ", "ț", "a", "r", "ă", NULL}, "și țară"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        kiosk *k = text_step_in(cases[c].lang);
        CHECK_STR(kiosk_journey(k)->kb.layout->name, cases[c].lang);
        CHECK(type_text(k, cases[c].keys));
        check_record(send_from_text(k), cases[c].lang, cases[c].text);
        kiosk_destroy(k);
    }
    /* Romanian's comma-below letters by a long press too. */
    kiosk *k = text_step_in("ro");
    CHECK(long_press(k, "ș", HOLD_SLIDE));
    CHECK(long_press(k, "ț", HOLD_LIFT_TAP));
    CHECK_STR(jt_text(kiosk_journey(k), "text"), "\xC8\x99\xC8\x9B");
    kiosk_destroy(k);
}

/* Changing language while typing brings that language's keyboard and keeps the words; the
 * postcode is typed on the UK keyboard whatever the language; a tap beside an open popup
 * closes it without typing. */
static void language_switch_swaps_keyboard(void) {
    kiosk *k = text_step_in("en");
    CHECK_STR(kiosk_journey(k)->kb.layout->name, "en-GB");
    static const char *const ab[] = {"a", "b", NULL};
    CHECK(type_text(k, ab));
    CHECK(choose_language(k, "ur"));
    CHECK_STR(kiosk_journey(k)->kb.layout->name, "ur");
    CHECK_STR(jt_text(kiosk_journey(k), "text"), "ab");
    static const char *const urdu[] = {" ", "ب", NULL};
    CHECK(type_text(k, urdu));
    CHECK(choose_language(k, "pl"));
    CHECK_STR(kiosk_journey(k)->kb.layout->name, "pl");
    CHECK_STR(jt_text(kiosk_journey(k), "text"), "ab ب");
    /* A popup, then a tap on the text box beside it: closed, nothing typed. */
    const widget *l = key_widget(k, "ł", true);
    CHECK(l != NULL);
    if (l) {
        finger(k, SDL_FINGERDOWN, l->r.x + l->r.w / 2, l->r.y + l->r.h / 2);
        fake_now += KEYBOARD_HOLD_MS + 20;
        settle(k);
        finger(k, SDL_FINGERUP, l->r.x + l->r.w / 2, l->r.y + l->r.h / 2);
        CHECK(keyboard_popup_open(&kiosk_journey(k)->kb));
        tap(k, 400, kiosk_frame(k)->content.y + 5);
        CHECK(!keyboard_popup_open(&kiosk_journey(k)->kb));
        CHECK_STR(jt_text(kiosk_journey(k), "text"), "ab ب");
    }
    press(k, W_NEXT, 0);
    for (int s = 0; s < 4 && !journey_on(kiosk_journey(k), "postcode_district"); s++) press(k, W_SKIP, 0);
    CHECK(journey_on(kiosk_journey(k), "postcode_district"));
    CHECK_STR(kiosk_journey(k)->kb.layout->name, "en-GB");
    CHECK(choose_language(k, "ur"));
    CHECK_STR(kiosk_journey(k)->kb.layout->name, "en-GB");
    kiosk_destroy(k);
}

/* The visitor's own settings, on the loop (its footer's buttons are widgets now) and on a
 * journey screen: "A A" steps 150 %, 200 %, 100 %; less motion toggles; Listen shows only
 * where the kiosk can speak. A journey's end, or the kiosk left alone, forgets them. */
static void visitor_settings(void) {
    kiosk *k = open_kiosk();
    settle(k);
    CHECK(find(k, W_FEEDBACK_OPEN, 0) != NULL);
    kiosk_set_can_listen(k, false); /* as on a kiosk with no audio device */
    settle(k);
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
    CHECK(journey_on(kiosk_journey(k), "themes"));
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
    const widget *lang = find(k, W_LANG_OPEN, 0), *say = find(k, W_FEEDBACK_OPEN, 0);
    CHECK(lang && say && lang->r.x > say->r.x);
    CHECK(press(k, W_FEEDBACK_OPEN, 0));
    CHECK(journey_on(kiosk_journey(k), "themes"));
    const widget *back = find(k, W_BACK, 0), *next = find(k, W_NEXT, 0);
    CHECK(back && next && back->r.x > next->r.x);
    CHECK(press(k, W_NEXT, 0));
    CHECK(journey_on(kiosk_journey(k), "rating"));
    press(k, W_CLOSE, 0);
    CHECK(!kiosk_frame(k)->rtl); /* back to the default language, left to right */
    kiosk_destroy(k);
}

/* Listen, on SDL's dummy audio device: the button is there once the kiosk has drawn; it reads
 * the slide or the question, pressed again it stops, and touching anything else, changing
 * language or moving on stops it too. With read_aloud off there is no button. */
static void listen_reads_aloud(void) {
    kiosk *k = open_kiosk();
    settle(k);
    CHECK(find(k, W_LISTEN, 0) != NULL);
    CHECK(!kiosk_speaking(k));
    CHECK(press(k, W_LISTEN, 0));
    CHECK(kiosk_speaking(k));
    CHECK(press(k, W_LISTEN, 0)); /* again: silence */
    CHECK(!kiosk_speaking(k));
    CHECK(press(k, W_LISTEN, 0));
    CHECK(kiosk_speaking(k));
    const frame *f = kiosk_frame(k);
    tap(k, f->content.x + f->content.w / 2, f->content.y + f->content.h / 2); /* the slide itself */
    CHECK(!kiosk_speaking(k));
    /* In the journey: the question and its choices; an answer stops it. */
    start(k);
    CHECK(press(k, W_LISTEN, 0));
    CHECK(kiosk_speaking(k));
    CHECK(press(k, W_OPTION, 0));
    CHECK(!kiosk_speaking(k));
    CHECK(press(k, W_LISTEN, 0));
    CHECK(kiosk_speaking(k));
    CHECK(press(k, W_LANG_OPEN, 0));
    CHECK(!kiosk_speaking(k));
    CHECK(press(k, W_LANG_PICK, config_language_index(cfg, "ur")));
    CHECK(press(k, W_LISTEN, 0)); /* now in Urdu */
    CHECK(kiosk_speaking(k));
    /* Closing the journey (the visitor leaving) silences it. */
    press(k, W_CLOSE, 0);
    CHECK(!kiosk_speaking(k));
    kiosk_destroy(k);

    cfg->accessibility.read_aloud = false;
    k = open_kiosk();
    settle(k);
    settle(k);
    CHECK(find(k, W_LISTEN, 0) == NULL);
    kiosk_destroy(k);
    cfg->accessibility.read_aloud = true;
}


/* Issue 11, found by random taps: Have your say, Next, Skip, then Space as the first key of
 * the free text crashed the kiosk (a text of white space wraps to no lines). The same for a
 * postcode of one space and a name of spaces. The kiosk must draw the box with the caret at
 * its start, and a text of only spaces is no answer: no consent question, nothing saved. */
static void lone_space_does_not_crash(void) {
    kiosk *k = open_kiosk();
    start(k);
    CHECK(press(k, W_NEXT, 0));
    CHECK(press(k, W_SKIP, 0));
    CHECK(journey_on(kiosk_journey(k), "text"));
    CHECK(press_key_action(k, KEY_SPACE)); /* the fourth tap */
    CHECK_STR(jt_text(kiosk_journey(k), "text"), " ");
    CHECK(press_key_action(k, KEY_SPACE));
    CHECK(find(k, W_FIELD, 0) != NULL); /* the screen was laid out again, with the box */
    CHECK(press(k, W_NEXT, 0));
    CHECK(journey_on(kiosk_journey(k), "name"));
    CHECK(press_key_action(k, KEY_SPACE));
    CHECK_STR(jt_text(kiosk_journey(k), "name"), " ");
    CHECK(press(k, W_NEXT, 0));
    CHECK(press(k, W_SKIP, 0)); /* age */
    CHECK(journey_on(kiosk_journey(k), "postcode_district"));
    CHECK(press_key_action(k, KEY_SPACE));
    CHECK_STR(jt_text(kiosk_journey(k), "postcode_district"), " ");
    CHECK(press(k, W_NEXT, 0));
    /* Spaces are not words: nothing to quote, so no consent question. */
    CHECK_INT(kiosk_journey(k)->step, STEP_REVIEW);
    size_t before = record_count();
    CHECK(press(k, W_SEND, 0));
    CHECK_INT(kiosk_journey(k)->step, STEP_THANKS);
    CHECK_INT(record_count(), before + 1);
    json_t *r = last_record();
    CHECK(r != NULL);
    if (r) {
        CHECK(json_is_null(answer_of(r, "text")));
        CHECK(json_is_null(answer_of(r, "name")));
        CHECK(json_is_null(answer_of(r, "postcode_district")));
        json_decref(r);
    }
    kiosk_destroy(k);
}

int main(void) {
    snprintf(dir, sizeof dir, "%s/journey-test-XXXXXX", TEST_BINARY_DIR);
    if (!mkdtemp(dir)) return 1;
    cfg = shipped_config();
    if (!cfg) return 1;
    RUN(slow_start_keeps_first_slide);
    RUN(taps_only);
    RUN(lone_space_does_not_crash);
    RUN(something_else_box);
    RUN(abandoned_log_says_where);
    RUN(typed_text_with_accents);
    RUN(idle_timeout_clears_everything);
    RUN(still_there_continue_keeps_entry);
    RUN(save_failure_is_honest);
    RUN(touch_acts_once);
    RUN(polish_journey);
    RUN(urdu_journey);
    RUN(czech_slovak_romanian);
    RUN(language_switch_swaps_keyboard);
    RUN(visitor_settings);
    RUN(listen_reads_aloud);
    RUN(urdu_mirrors);
    config_free(cfg);
    return check_report();
}
