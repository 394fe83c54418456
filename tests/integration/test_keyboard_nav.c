/* Someone with a USB keyboard or a switch instead of fingers: the real kiosk (dummy video
 * driver) driven by synthetic key events only. Tab, arrows and Enter take them from the loop
 * through the whole journey to a saved record, the "Something else" box and every question
 * type (a place question's picture by arrows and Enter) included; Escape goes back; the
 * language picker and the staff PIN pad work from keys; the focus ring is drawn while keys are
 * used and goes at a touch; "Are you still there?" is answered by any single key or tap; with
 * no consultation running there is no "Have your say" to reach. */
#include <SDL.h>
#include <jansson.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "journey_test.h"
#include "kiosk_test.h"
#include "loop/focus.h"

static config *cfg;
static char dir[256];

/* A key pressed and let go, as SDL reports it. */
static void key(kiosk *k, SDL_Keycode sym, Uint16 mod) {
    SDL_Event e = {0};
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = sym;
    e.key.keysym.mod = mod;
    SDL_PushEvent(&e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    SDL_PushEvent(&e);
    settle(k);
    fake_now += 150;
}

/* Characters from a real keyboard: SDL sends the key, then the text it typed. */
static void type(kiosk *k, SDL_Keycode sym, const char *utf8) {
    SDL_Event e = {0};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = sym;
    SDL_PushEvent(&e);
    SDL_Event t = {0};
    t.type = SDL_TEXTINPUT;
    snprintf(t.text.text, sizeof t.text.text, "%s", utf8);
    SDL_PushEvent(&t);
    settle(k);
    fake_now += 150;
}

static void type_ascii(kiosk *k, const char *s) {
    for (; *s; s++) {
        char c[2] = {*s, 0};
        type(k, *s >= 'A' && *s <= 'Z' ? *s - 'A' + SDLK_a : *s == ' ' ? SDLK_SPACE : (SDL_Keycode)*s, c);
    }
}

static const widget *focused(kiosk *k) { return kiosk_focused(k); }

static bool focused_is(kiosk *k, widget_kind kind, int index) {
    const widget *w = focused(k);
    return w && w->kind == kind && (index < 0 || w->index == index);
}

/* Tab (forward, or Shift+Tab back) until the focus is on kind/index; false after a full round. */
static bool tab_to(kiosk *k, widget_kind kind, int index, bool back) {
    for (int i = 0; i <= WIDGETS_MAX; i++) {
        if (focused_is(k, kind, index)) return true;
        key(k, SDLK_TAB, back ? KMOD_LSHIFT : 0);
    }
    const question *q = journey_question(kiosk_journey(k));
    fprintf(stderr, "Tab never reached widget %d/%d on step %s %s\n", kind, index,
            journey_step_name(kiosk_journey(k)->step), q ? q->id : "");
    return false;
}

/* The ring is in the list drawn last, round the focused widget. */
static bool ring_round_focus(kiosk *k) {
    const draw_list *l = kiosk_focus_ring(k);
    const widget *w = focused(k);
    if (!w || l->count == 0) return false;
    for (int i = 0; i < l->count; i++)
        if (l->items[i].kind != DRAW_RING || !rect_inside(w->r, l->items[i].box)) return false;
    return true;
}

static bool ring_hidden(kiosk *k) { return !focused(k) && kiosk_focus_ring(k)->count == 0; }

static kiosk *open_kiosk(void) { return open_test_kiosk(cfg, dir); }

/* The kiosk, and "Have your say" pressed from the keyboard: the journey's first question. */
static kiosk *start_by_keyboard(void) {
    kiosk *k = open_kiosk();
    if (!k) return NULL;
    CHECK(tab_to(k, W_FEEDBACK_OPEN, 0, false));
    key(k, SDLK_RETURN, 0);
    CHECK(journey_on(kiosk_journey(k), "themes"));
    return k;
}

/* Whether option i of the themes question is ticked. */
static bool theme_picked(const journey *j, int i) {
    const answer *a = jt_answer(j, "themes");
    return a && (a->picked >> i) & 1;
}

/* The answer to question id in a saved record, or NULL. */
static json_t *rec_answer(json_t *r, const char *id) { return json_object_get(json_object_get(r, "answers"), id); }

static json_t *last_record(void) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s/2026-05-28.jsonl", dir, cfg->kiosk.id);
    FILE *f = fopen(path, "r");
    static char line[65536], last[65536];
    last[0] = '\0';
    while (f && fgets(line, sizeof line, f)) snprintf(last, sizeof last, "%s", line);
    if (f) fclose(f);
    json_error_t e;
    return last[0] ? json_loads(last, 0, &e) : NULL;
}

static int lang_index(const char *code) {
    for (int i = 0; i < cfg->languages.n; i++)
        if (!strcmp(cfg->languages.code[i], code)) return i;
    return -1;
}

static const char *current_lang(kiosk *k) {
    const config *c = kiosk_config(k);
    return c->languages.code[c->lang];
}

static void whole_journey_by_keyboard(void) {
    kiosk *k = open_kiosk();
    if (!k) return;
    /* Nobody has used a key: no ring. The first Tab shows the focus on "Have your say". */
    CHECK(ring_hidden(k));
    key(k, SDLK_TAB, 0);
    CHECK(focused_is(k, W_FEEDBACK_OPEN, 0));
    CHECK(ring_round_focus(k));
    /* Tab walks the loop's buttons and comes round again. */
    key(k, SDLK_TAB, 0);
    CHECK(!focused_is(k, W_FEEDBACK_OPEN, 0));
    CHECK(tab_to(k, W_FEEDBACK_OPEN, 0, false));
    key(k, SDLK_RETURN, 0);
    const journey *j = kiosk_journey(k);
    CHECK(journey_on(j, "themes"));
    /* A new screen: the focus starts on its first answer. Arrows choose themes, Enter ticks. */
    CHECK(focused_is(k, W_OPTION, 0));
    CHECK(ring_round_focus(k));
    key(k, SDLK_RIGHT, 0);
    CHECK(focused_is(k, W_OPTION, 1));
    key(k, SDLK_RETURN, 0);
    CHECK(theme_picked(j, 1));
    key(k, SDLK_DOWN, 0);
    const widget *w = focused(k);
    CHECK(w && w->kind == W_OPTION && w->index > 1);
    int second = w ? w->index : 0;
    key(k, SDLK_SPACE, 0);
    CHECK(theme_picked(j, second));
    key(k, SDLK_SPACE, 0); /* and off again */
    CHECK(!theme_picked(j, second));
    CHECK(focused_is(k, W_OPTION, second)); /* the tick redrew the screen; the focus stayed */
    CHECK(tab_to(k, W_NEXT, 0, false));
    key(k, SDLK_RETURN, 0);
    CHECK(journey_on(j, "rating"));
    /* Faces: the fourth, by arrows. */
    CHECK(focused_is(k, W_POINT, 1));
    for (int i = 0; i < 3; i++) key(k, SDLK_RIGHT, 0);
    CHECK(focused_is(k, W_POINT, 4));
    /* Enter held down from the last screen: its repeats press nothing. */
    SDL_Event held = {0};
    held.type = SDL_KEYDOWN;
    held.key.repeat = 1;
    held.key.keysym.sym = SDLK_RETURN;
    SDL_PushEvent(&held);
    settle(k);
    CHECK(journey_on(j, "rating"));
    key(k, SDLK_RETURN, 0);
    CHECK(journey_on(j, "text"));
    /* Escape goes back a step, where the answer given is focused again. */
    key(k, SDLK_ESCAPE, 0);
    CHECK(journey_on(j, "rating"));
    CHECK(focused_is(k, W_POINT, 4));
    key(k, SDLK_RETURN, 0);
    CHECK(journey_on(j, "text"));
    /* The text box has the focus: a real keyboard types into it, Space included. */
    CHECK(focused_is(k, W_FIELD, -1));
    const char *words[] = {"M", "o", "r", "e", " ", "t", "r", "e", "e", "s", ",", " ", "Z", "o", "ë", NULL};
    for (int i = 0; words[i]; i++) type(k, words[i][0] == ' ' ? SDLK_SPACE : SDLK_a, words[i]);
    CHECK_STR(jt_text(j, "text"), "More trees, Zoë");
    /* Left and Right are the text's, not the focus's. */
    key(k, SDLK_LEFT, 0);
    CHECK(focused_is(k, W_FIELD, -1));
    /* Down leaves the box for the on-screen keys; Space there presses the key and types no
     * space of its own. */
    key(k, SDLK_DOWN, 0);
    w = focused(k);
    CHECK(w && w->kind == W_KEY);
    while (w && w->kind == W_KEY && w->key && w->key->action != KEY_CHAR) {
        key(k, SDLK_RIGHT, 0);
        w = focused(k);
    }
    static char expect[4096];
    snprintf(expect, sizeof expect, "%s%s", jt_text(j, "text"), w && w->key && w->key->text ? w->key->text : "?");
    type(k, SDLK_SPACE, " ");
    CHECK_STR(jt_text(j, "text"), expect);
    key(k, SDLK_BACKSPACE, 0);
    CHECK_STR(jt_text(j, "text"), "More trees, Zoë");
    /* Typing again brings the focus back to the box; Enter there is Next. */
    type(k, SDLK_PERIOD, ".");
    CHECK(focused_is(k, W_FIELD, -1));
    key(k, SDLK_RETURN, 0);
    CHECK(journey_on(j, "name"));
    type_ascii(k, "Sam");
    key(k, SDLK_KP_ENTER, 0);
    CHECK(journey_on(j, "age_band"));
    key(k, SDLK_RIGHT, 0);
    w = focused(k);
    CHECK(w && w->kind == W_OPTION);
    int band = w ? w->index : -1;
    CHECK(band > 0);
    key(k, SDLK_RETURN, 0);
    CHECK(journey_on(j, "postcode_district"));
    type_ascii(k, "s60");
    key(k, SDLK_RETURN, 0);
    CHECK(journey_on(j, "consent_quote"));
    CHECK(focused_is(k, W_CONSENT, 1)); /* Yes, the first answer */
    key(k, SDLK_RETURN, 0);
    CHECK_INT(j->step, STEP_REVIEW);
    CHECK(focused_is(k, W_SEND, 0));
    key(k, SDLK_RETURN, 0);
    CHECK_INT(j->step, STEP_THANKS);
    json_t *r = last_record();
    CHECK(r != NULL);
    if (r) {
        CHECK_STR(json_string_value(json_object_get(json_object_get(r, "consultation"), "id")), cfg->consultations[0].id);
        json_t *themes = rec_answer(r, "themes");
        CHECK_INT(json_array_size(themes), 1);
        CHECK_STR(json_string_value(json_array_get(themes, 0)), cfg->themes[1].id);
        CHECK(json_is_null(rec_answer(r, "themes_other")));
        CHECK_INT(json_integer_value(rec_answer(r, "rating")), 4);
        CHECK_STR(json_string_value(rec_answer(r, "text")), "More trees, Zoë.");
        CHECK_STR(json_string_value(rec_answer(r, "name")), "Sam");
        CHECK_STR(json_string_value(rec_answer(r, "postcode_district")), "S60");
        const question *age = &cfg->consultations[0].questions[consult_question_index(&cfg->consultations[0], "age_band")];
        CHECK_STR(json_string_value(rec_answer(r, "age_band")), band >= 0 ? age->options[band].id : "?");
        CHECK(json_is_true(rec_answer(r, "consent_quote")));
        CHECK_STR(json_string_value(json_object_get(r, "language")), "en");
        json_decref(r);
    }
    /* Escape on the thank-you closes it: back to the loop. */
    key(k, SDLK_ESCAPE, 0);
    CHECK(!journey_active(j));
    CHECK(focused_is(k, W_FEEDBACK_OPEN, -1));
    kiosk_destroy(k);
}

/* One switch to move (Tab) and one to press (Enter): every widget of every step is reached,
 * and a whole journey goes through. */
static void switch_reaches_everything(void) {
    kiosk *k = start_by_keyboard();
    if (!k) return;
    const journey *j = kiosk_journey(k);
    /* Consent is not asked: nothing was typed that could be quoted. */
    static const char *const steps[] = {"themes", "rating", "text", "name", "age_band", "postcode_district"};
    for (size_t s = 0; s < sizeof steps / sizeof steps[0]; s++) {
        CHECK(journey_on(j, steps[s]));
        /* A full round of Tab visits each focusable widget once. */
        const widget_list *wl = kiosk_widgets(k);
        int want = 0, visited[WIDGETS_MAX] = {0}, distinct = 0;
        for (int i = 0; i < wl->count; i++) want += focus_can_take(wl, i);
        key(k, SDLK_TAB, 0);
        for (int i = 0; i < want; i++) {
            const widget *w = focused(k);
            if (w && !visited[w - wl->items]++) distinct++;
            key(k, SDLK_TAB, 0);
        }
        CHECK_INT(distinct, want);
        CHECK(want >= 5);
        if (!strcmp(steps[s], "themes")) {
            CHECK(tab_to(k, W_OPTION, 2, false));
            key(k, SDLK_RETURN, 0);
            CHECK(tab_to(k, W_NEXT, 0, false));
        } else if (!strcmp(steps[s], "rating")) {
            CHECK(tab_to(k, W_POINT, 5, false));
        } else {
            CHECK(tab_to(k, W_SKIP, 0, false));
        }
        key(k, SDLK_RETURN, 0);
    }
    CHECK_INT(j->step, STEP_REVIEW);
    CHECK(tab_to(k, W_SEND, 0, false));
    key(k, SDLK_RETURN, 0);
    CHECK_INT(j->step, STEP_THANKS);
    json_t *r = last_record();
    CHECK(r != NULL);
    if (r) {
        CHECK_STR(json_string_value(json_array_get(rec_answer(r, "themes"), 0)), cfg->themes[2].id);
        CHECK_INT(json_integer_value(rec_answer(r, "rating")), 5);
        CHECK(json_is_null(rec_answer(r, "consent_quote")));
        json_decref(r);
    }
    kiosk_destroy(k);
}

static void language_by_keyboard(void) {
    kiosk *k = open_kiosk();
    if (!k) return;
    int pl = lang_index("pl"), ur = lang_index("ur");
    CHECK(pl >= 0 && ur >= 0);
    /* On the loop: to the language button, open, Escape closes without a change. */
    CHECK(tab_to(k, W_LANG_OPEN, 0, true));
    key(k, SDLK_RETURN, 0);
    CHECK_INT(kiosk_widgets(k)->items[0].kind, W_LANG_PICK);
    CHECK(focused_is(k, W_LANG_PICK, lang_index("en"))); /* on the language in use */
    key(k, SDLK_ESCAPE, 0);
    CHECK(focused_is(k, W_LANG_OPEN, 0)); /* back where it was */
    CHECK_STR(current_lang(k), "en");
    /* Open again and choose Polish with Tab. */
    key(k, SDLK_SPACE, 0);
    CHECK(tab_to(k, W_LANG_PICK, pl, false));
    key(k, SDLK_RETURN, 0);
    CHECK_STR(current_lang(k), "pl");
    CHECK(focused_is(k, W_LANG_OPEN, 0));
    /* In the journey: the picker from the keyboard again, now Urdu, by arrows. */
    CHECK(tab_to(k, W_FEEDBACK_OPEN, 0, false));
    key(k, SDLK_RETURN, 0);
    CHECK(journey_on(kiosk_journey(k), "themes"));
    CHECK(tab_to(k, W_LANG_OPEN, 0, true));
    key(k, SDLK_RETURN, 0);
    CHECK(focused_is(k, W_LANG_PICK, pl)); /* on Polish, in use: left, second row */
    key(k, SDLK_UP, 0);
    CHECK(focused_is(k, W_LANG_PICK, lang_index("en")));
    key(k, SDLK_RIGHT, 0);
    CHECK(focused_is(k, W_LANG_PICK, ur));
    key(k, SDLK_RETURN, 0);
    CHECK_STR(current_lang(k), "ur");
    CHECK(journey_on(kiosk_journey(k), "themes"));
    /* Urdu reads from the right: Tab from the top row reaches the right-hand theme of the first
     * row first, then goes leftwards along it. */
    CHECK(focused_is(k, W_LANG_OPEN, 0));
    for (int i = 0; i < 4 && !focused_is(k, W_OPTION, -1); i++) key(k, SDLK_TAB, 0);
    const widget *w = focused(k);
    CHECK(w && w->kind == W_OPTION);
    const widget_list *wl = kiosk_widgets(k);
    int row = 0;
    for (int i = 0; w && i < wl->count; i++)
        if (wl->items[i].kind == W_OPTION && wl->items[i].r.y == w->r.y) {
            row++;
            CHECK(wl->items[i].r.x <= w->r.x);
        }
    CHECK(row >= 2);
    pk_rect before = w ? w->r : (pk_rect){0, 0, 0, 0};
    key(k, SDLK_TAB, 0);
    w = focused(k);
    CHECK(w && w->kind == W_OPTION && w->r.y == before.y && w->r.x < before.x);
    /* Escape from the first step leaves the journey, and the language goes back to the default. */
    key(k, SDLK_ESCAPE, 0);
    CHECK(!journey_active(kiosk_journey(k)));
    CHECK_STR(current_lang(k), "en");
    kiosk_destroy(k);
}

static void ring_shown_by_keys_hidden_by_touch(void) {
    kiosk *k = start_by_keyboard();
    if (!k) return;
    CHECK(ring_round_focus(k));
    /* A finger on a theme: it acts, and the ring goes. */
    const widget_list *wl = kiosk_widgets(k);
    const widget *t = NULL;
    for (int i = 0; i < wl->count && !t; i++)
        if (wl->items[i].kind == W_OPTION && wl->items[i].index == 3) t = &wl->items[i];
    CHECK(t != NULL);
    if (t) finger_tap(k, t->r.x + t->r.w / 2, t->r.y + t->r.h / 2);
    CHECK(theme_picked(kiosk_journey(k), 3));
    CHECK(ring_hidden(k));
    /* The next key shows it again, where the focus was, without moving it or pressing. */
    key(k, SDLK_RETURN, 0);
    CHECK(focused_is(k, W_OPTION, 0));
    CHECK(!theme_picked(kiosk_journey(k), 0));
    CHECK(ring_round_focus(k));
    kiosk_destroy(k);
}

static void still_there_one_key_or_tap(void) {
    kiosk *k = start_by_keyboard();
    if (!k) return;
    const journey *j = kiosk_journey(k);
    CHECK(tab_to(k, W_NEXT, 0, false));
    key(k, SDLK_RETURN, 0);
    key(k, SDLK_RETURN, 0); /* the first face */
    CHECK(journey_on(j, "text"));
    type(k, SDLK_h, "h");
    /* Left alone: the question, with at least 20 seconds to answer. */
    fake_now += (uint64_t)cfg->feedback.idle_seconds * 1000 + 10;
    settle(k);
    CHECK(j->still_there);
    CHECK(journey_still_there_left(j, fake_now) >= 20);
    CHECK(focused_is(k, W_CONTINUE, 0)); /* a key was used before: the ring is on Continue */
    /* Any key answers it, once: the letter is not typed as well. */
    type(k, SDLK_x, "x");
    CHECK(!j->still_there);
    CHECK_STR(jt_text(j, "text"), "h");
    CHECK(journey_on(j, "text"));
    CHECK(focused_is(k, W_FIELD, -1)); /* back where it was */
    /* A Tab answers it too, without moving anything. */
    fake_now += (uint64_t)cfg->feedback.idle_seconds * 1000 + 10;
    settle(k);
    CHECK(j->still_there);
    key(k, SDLK_TAB, 0);
    CHECK(!j->still_there);
    CHECK(focused_is(k, W_FIELD, -1));
    /* A tap anywhere, even far from the button, answers it too. */
    fake_now += (uint64_t)cfg->feedback.idle_seconds * 1000 + 10;
    settle(k);
    CHECK(j->still_there);
    finger_tap(k, 790, 10);
    CHECK(!j->still_there);
    CHECK(journey_on(j, "text"));
    /* A picker left open: the question closes it, so it is seen and can be answered. */
    CHECK(tab_to(k, W_LANG_OPEN, 0, false));
    key(k, SDLK_RETURN, 0);
    CHECK_INT(kiosk_widgets(k)->items[0].kind, W_LANG_PICK);
    fake_now += (uint64_t)cfg->feedback.idle_seconds * 1000 + 10;
    settle(k);
    CHECK(j->still_there);
    CHECK(focused_is(k, W_CONTINUE, 0));
    key(k, SDLK_RETURN, 0);
    CHECK(!j->still_there);
    CHECK_STR(jt_text(j, "text"), "h");
    kiosk_destroy(k);
}

/* "Something else" chosen by keyboard opens its box: the focus is in it, a keyboard types
 * there, Enter goes on; Escape from the box comes back to the options, the words kept. */
static void something_else_by_keyboard(void) {
    kiosk *k = start_by_keyboard();
    if (!k) return;
    const journey *j = kiosk_journey(k);
    int other = cfg->n_themes; /* the last option */
    CHECK(tab_to(k, W_OPTION, other, false));
    key(k, SDLK_RETURN, 0);
    CHECK(theme_picked(j, other));
    CHECK(tab_to(k, W_NEXT, 0, false));
    key(k, SDLK_RETURN, 0);
    CHECK(journey_on(j, "themes"));
    CHECK(j->other_page);
    CHECK(focused_is(k, W_FIELD, -1)); /* a typing page: the focus starts in its box */
    CHECK(ring_round_focus(k));
    type_ascii(k, "A skate");
    CHECK_STR(jt_text(j, "themes"), "A skate");
    /* Escape: back to the options, not out of the journey; Next opens the box again, as it was. */
    key(k, SDLK_ESCAPE, 0);
    CHECK(journey_on(j, "themes"));
    CHECK(!j->other_page);
    CHECK(focused_is(k, W_OPTION, -1));
    CHECK(theme_picked(j, other));
    CHECK(tab_to(k, W_NEXT, 0, false));
    key(k, SDLK_RETURN, 0);
    CHECK(j->other_page);
    CHECK(focused_is(k, W_FIELD, -1));
    type_ascii(k, " park");
    CHECK_STR(jt_text(j, "themes"), "A skate park");
    key(k, SDLK_RETURN, 0);
    CHECK(journey_on(j, "rating"));
    CHECK(!j->other_page);
    CHECK(focused_is(k, W_POINT, 1));
    /* The rest skipped by Tab and Enter; consent is asked (the box's words could be quoted). */
    for (int guard = 0; guard < 10 && j->step == STEP_QUESTION; guard++) {
        if (journey_on(j, "consent_quote")) {
            CHECK(focused_is(k, W_CONSENT, 1));
            key(k, SDLK_RIGHT, 0); /* No */
            CHECK(focused_is(k, W_CONSENT, 0));
            key(k, SDLK_RETURN, 0);
            continue;
        }
        CHECK(tab_to(k, W_SKIP, 0, false));
        key(k, SDLK_RETURN, 0);
    }
    CHECK_INT(j->step, STEP_REVIEW);
    CHECK(tab_to(k, W_SEND, 0, false));
    key(k, SDLK_RETURN, 0);
    CHECK_INT(j->step, STEP_THANKS);
    json_t *r = last_record();
    CHECK(r != NULL);
    if (r) {
        json_t *themes = rec_answer(r, "themes");
        CHECK_INT(json_array_size(themes), 1);
        CHECK_STR(json_string_value(json_array_get(themes, 0)), "other");
        CHECK_STR(json_string_value(rec_answer(r, "themes_other")), "A skate park");
        CHECK(json_is_false(rec_answer(r, "consent_quote")));
        json_decref(r);
    }
    kiosk_destroy(k);
}

/* Every question type by keyboard alone, on the every-type fixture's consultation: the focus
 * starts on each screen's first answer (an option, a point, Yes, the picture, or the box of a
 * typing page), and the answers go into the record. On a place question's picture the arrows
 * move a cursor pin and Enter drops a pin where it is; Tab still moves on. */
static void every_type_by_keyboard(void) {
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    config *c = config_load(TEST_SOURCE_DIR "/tests/fixtures/every-type/config.yaml", &opt, d);
    diag_print(d, stderr);
    free(d);
    CHECK(c != NULL);
    if (!c) return;
    char fdir[300];
    snprintf(fdir, sizeof fdir, "%s/every-type", dir);
    kiosk *k = open_test_kiosk(c, fdir);
    if (!k) {
        config_free(c);
        return;
    }
    const journey *j = kiosk_journey(k);
    CHECK(tab_to(k, W_FEEDBACK_OPEN, 0, false));
    key(k, SDLK_RETURN, 0);
    /* Its intro first: Next has the focus. */
    CHECK_INT(j->step, STEP_INTRO);
    CHECK(focused_is(k, W_NEXT, 0));
    key(k, SDLK_RETURN, 0);
    int place_x = -1, place_y = -1, reached = 0;
    for (int guard = 0; guard < 3 * CONSULT_MAX_QUESTIONS && j->step == STEP_QUESTION; guard++) {
        const question *q = journey_question(j);
        const answer *a = journey_answer(j);
        reached++;
        switch (q->type) {
        case Q_CHOICE: /* one tap answers: the first option, by Enter */
        case Q_AGE_BAND:
            CHECK(focused_is(k, W_OPTION, 0));
            key(k, SDLK_RIGHT, 0);
            CHECK(focused_is(k, W_OPTION, 1));
            key(k, SDLK_RETURN, 0);
            break;
        case Q_CHOICES: /* ticks, then Next */
        case Q_RANK:
            CHECK(focused_is(k, W_OPTION, 0));
            key(k, SDLK_SPACE, 0);
            key(k, SDLK_RIGHT, 0);
            key(k, SDLK_RETURN, 0);
            CHECK(q->type == Q_RANK ? a->n_order == 2 : __builtin_popcount(a->picked) == 2);
            CHECK(tab_to(k, W_NEXT, 0, false));
            key(k, SDLK_RETURN, 0);
            break;
        case Q_FACES:
        case Q_SCALE:
            CHECK(focused_is(k, W_POINT, q->type == Q_FACES ? 1 : q->min_value));
            key(k, SDLK_RIGHT, 0);
            key(k, SDLK_RETURN, 0);
            break;
        case Q_CONSENT:
            CHECK(focused_is(k, W_CONSENT, 1));
            key(k, SDLK_RETURN, 0);
            break;
        case Q_PLACE: {
            CHECK(focused_is(k, W_PICTURE, 0));
            /* The cursor starts in the middle; two steps right and one down (a twentieth of the
             * picture each), then Enter drops a pin there. Right is right: no mirroring. */
            int x0 = j->cursor_x, y0 = j->cursor_y;
            CHECK_INT(x0, q->image_w / 2);
            CHECK_INT(y0, q->image_h / 2);
            CHECK(!j->cursor_shown);
            key(k, SDLK_RIGHT, 0);
            key(k, SDLK_RIGHT, 0);
            key(k, SDLK_DOWN, 0);
            CHECK(j->cursor_shown);
            CHECK(focused_is(k, W_PICTURE, 0)); /* the arrows moved the pin, not the focus */
            int sx = q->image_w / 20 > 0 ? q->image_w / 20 : 1, sy = q->image_h / 20 > 0 ? q->image_h / 20 : 1;
            place_x = x0 + 2 * sx, place_y = y0 + sy;
            CHECK_INT(j->cursor_x, place_x);
            CHECK_INT(j->cursor_y, place_y);
            key(k, SDLK_RETURN, 0);
            CHECK_INT(a->n_pins, 1);
            CHECK(journey_on(j, q->id)); /* a pin does not move on: there may be more */
            CHECK(focused_is(k, W_PICTURE, 0)); /* and the focus stays on the picture, for the next */
            /* Space drops one too, and types nothing. */
            key(k, SDLK_LEFT, 0);
            key(k, SDLK_SPACE, 0);
            CHECK_INT(a->n_pins, 2);
            CHECK(tab_to(k, W_NEXT, 0, false));
            key(k, SDLK_RETURN, 0);
            break;
        }
        default: /* a typing page: the focus is in its box, Enter is Next */
            CHECK(journey_typing(j));
            CHECK(focused_is(k, W_FIELD, -1));
            type_ascii(k, q->type == Q_NUMBER ? "42" : q->type == Q_POSTCODE_DISTRICT ? "s60" : "Sam");
            key(k, SDLK_RETURN, 0);
            break;
        }
        if (j->other_page) {
            /* "Something else" is not what was chosen here: no box. */
            CHECK(false);
            break;
        }
        if (j->step == STEP_QUESTION && journey_question(j) == q) {
            fprintf(stderr, "every type by keyboard: still on %s\n", q->id);
            CHECK(false);
            break;
        }
    }
    CHECK_INT(reached, 12);
    CHECK_INT(j->step, STEP_REVIEW);
    /* Twelve answers take more than a page (at 200 % text if not at 100 %): the focus starts
     * on the way on, More, Enter turns the page, and Send is on the last, focused there. */
    if (!find_widget(k, W_MORE, -1)) {
        CHECK(tab_to(k, W_TEXT_SIZE, 0, false));
        key(k, SDLK_RETURN, 0);
        key(k, SDLK_RETURN, 0);
        CHECK(kiosk_view(k)->text_scale > 1.9);
        key(k, SDLK_ESCAPE, 0); /* back to the last question, and on to the review anew */
        CHECK_INT(j->step, STEP_QUESTION);
        key(k, SDLK_RETURN, 0);
        CHECK_INT(j->step, STEP_REVIEW);
    }
    CHECK(find_widget(k, W_MORE, -1) != NULL);
    int pages = 1;
    for (; pages < 8 && find_widget(k, W_MORE, -1); pages++) {
        CHECK(find_widget(k, W_SEND, -1) == NULL);
        CHECK(focused_is(k, W_MORE, -1));
        if (!focused_is(k, W_MORE, -1)) tab_to(k, W_MORE, -1, false);
        key(k, SDLK_RETURN, 0);
    }
    CHECK(pages > 1);
    CHECK(focused_is(k, W_SEND, 0));
    if (!focused_is(k, W_SEND, 0)) tab_to(k, W_SEND, 0, false);
    key(k, SDLK_RETURN, 0);
    CHECK_INT(j->step, STEP_THANKS);
    char path[512];
    snprintf(path, sizeof path, "%s/%s/2026-05-28.jsonl", fdir, c->kiosk.id);
    FILE *f = fopen(path, "r");
    static char line[65536];
    json_error_t e;
    json_t *r = f && fgets(line, sizeof line, f) ? json_loads(line, 0, &e) : NULL;
    if (f) fclose(f);
    CHECK(r != NULL);
    if (r) {
        CHECK_STR(json_string_value(json_object_get(json_object_get(r, "consultation"), "id")), "every-question");
        CHECK_STR(json_string_value(rec_answer(r, "choice")), "market");
        CHECK_INT(json_array_size(rec_answer(r, "choices")), 2);
        CHECK_INT(json_integer_value(rec_answer(r, "faces")), 2);
        CHECK_INT(json_integer_value(rec_answer(r, "scale")), 1);
        CHECK_STR(json_string_value(json_array_get(rec_answer(r, "rank"), 0)), "parks");
        CHECK_STR(json_string_value(json_array_get(rec_answer(r, "rank"), 1)), "buses");
        CHECK_STR(json_string_value(rec_answer(r, "text")), "Sam");
        CHECK_INT(json_integer_value(rec_answer(r, "number")), 42);
        json_t *pins = rec_answer(r, "place");
        CHECK_INT(json_array_size(pins), 2);
        CHECK_INT(json_integer_value(json_array_get(json_array_get(pins, 0), 0)), place_x);
        CHECK_INT(json_integer_value(json_array_get(json_array_get(pins, 0), 1)), place_y);
        CHECK_STR(json_string_value(rec_answer(r, "first_name")), "Sam");
        CHECK_STR(json_string_value(rec_answer(r, "age_band")), "12-17");
        CHECK_STR(json_string_value(rec_answer(r, "postcode")), "S60");
        CHECK(json_is_true(rec_answer(r, "consent")));
        json_decref(r);
    }
    kiosk_destroy(k);
    config_free(c);
}

/* On a day no consultation runs, the loop has no "Have your say": Tab never lands on it, and
 * Enter on what it does land on opens no journey. */
static void no_consultation_no_button(void) {
    FILE *f = fopen(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", "r");
    static char text[1 << 20];
    size_t n = f ? fread(text, 1, sizeof text - 100, f) : 0;
    if (f) fclose(f);
    text[n] = '\0';
    /* The shipped consultation, over since 2020. */
    char *at = strstr(text, "  - id: plan-2025\n");
    CHECK(at != NULL);
    if (!at) return;
    at += strlen("  - id: plan-2025\n");
    static const char until[] = "    until: \"2020-12\"\n";
    memmove(at + strlen(until), at, strlen(at) + 1);
    memcpy(at, until, strlen(until));
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    config *c = config_load_string(text, "rotherham-2025.yaml", TEST_SOURCE_DIR "/config", &opt, d);
    diag_print(d, stderr);
    free(d);
    CHECK(c != NULL);
    if (!c) return;
    kiosk *k = open_test_kiosk(c, dir);
    if (k) {
        CHECK(find_widget(k, W_FEEDBACK_OPEN, -1) == NULL);
        key(k, SDLK_TAB, 0);
        for (int i = 0; i < WIDGETS_MAX && focused(k); i++) {
            CHECK(!focused_is(k, W_FEEDBACK_OPEN, -1));
            key(k, SDLK_TAB, 0);
        }
        /* Round the slides, a call-to-action slide too: never a button into a journey. */
        for (int s = 0; s < c->n_slides; s++) {
            CHECK(find_widget(k, W_FEEDBACK_OPEN, -1) == NULL);
            key(k, SDLK_RIGHT, 0);
        }
        CHECK(!journey_active(kiosk_journey(k)));
        kiosk_destroy(k);
    }
    config_free(c);
}

/* A finger held on the staff corner long enough for the PIN pad. */
static void hold_staff_corner(kiosk *k) {
    SDL_Event e = {0};
    e.type = SDL_FINGERDOWN;
    e.tfinger.x = 5.5f / 800, e.tfinger.y = 5.5f / 480;
    SDL_PushEvent(&e);
    settle(k);
    fake_now += (uint64_t)cfg->staff.hold_seconds * 1000 + 10;
    settle(k);
    e.type = SDL_FINGERUP;
    SDL_PushEvent(&e);
    settle(k);
}

static void staff_pad_by_keys(void) {
    kiosk *k = open_kiosk();
    if (!k) return;
    /* The pad opens by holding the corner (staff only); then the keyboard works it. */
    hold_staff_corner(k);
    CHECK_INT(kiosk_staff_mode(k), STAFF_PIN_PAD);
    CHECK(ring_hidden(k));
    /* A wrong digit, deleted with Backspace; the first digit by focus and Enter (1 -> 4 is one
     * row down on the pad), the rest typed; Enter then presses OK. */
    type(k, SDLK_9, "9");
    key(k, SDLK_BACKSPACE, 0);
    CHECK(tab_to(k, W_PIN_DIGIT, 1, false));
    key(k, SDLK_DOWN, 0);
    CHECK(focused_is(k, W_PIN_DIGIT, 4));
    key(k, SDLK_RETURN, 0);
    key(k, SDLK_3, 0);
    key(k, SDLK_KP_2, 0);
    key(k, SDLK_1, 0);
    CHECK(focused_is(k, W_PIN_OK, 0));
    key(k, SDLK_RETURN, 0);
    CHECK_INT(kiosk_staff_mode(k), STAFF_SCREEN);
    CHECK(focused_is(k, W_STAFF_EXPORT, 0));
    CHECK(tab_to(k, W_STAFF_BACK, 0, false));
    key(k, SDLK_ESCAPE, 0);
    CHECK_INT(kiosk_staff_mode(k), STAFF_CLOSED);
    /* The pad again: Escape leaves it. */
    hold_staff_corner(k);
    CHECK_INT(kiosk_staff_mode(k), STAFF_PIN_PAD);
    key(k, SDLK_ESCAPE, 0);
    CHECK_INT(kiosk_staff_mode(k), STAFF_CLOSED);
    CHECK(kiosk_step(k, 0)); /* and the kiosk runs on */
    kiosk_destroy(k);
}

int main(void) {
    snprintf(dir, sizeof dir, "%s/keyboard-test-XXXXXX", TEST_BINARY_DIR);
    if (!mkdtemp(dir)) return 1;
    cfg = shipped_config_with_pin("4321"); /* the shipped content, staff PIN 4321 */
    if (!cfg) return 1;
    RUN(whole_journey_by_keyboard);
    RUN(switch_reaches_everything);
    RUN(something_else_by_keyboard);
    RUN(every_type_by_keyboard);
    RUN(no_consultation_no_button);
    RUN(language_by_keyboard);
    RUN(ring_shown_by_keys_hidden_by_touch);
    RUN(still_there_one_key_or_tap);
    RUN(staff_pad_by_keys);
    config_free(cfg);
    return check_report();
}
