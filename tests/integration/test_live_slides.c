/* The live slides in the real kiosk: what the town said and chose reaches the loop only when it
 * should. A you_said slide stays out of the loop until a person approves a quote, then shows that
 * quote and never a hidden one or one given without consent; a results slide stays out until
 * min_responses people answered; staff's decisions and new records arrive at a slide boundary,
 * gathered on the kiosk's worker, not in the loop. */
#include <SDL.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "kiosk_test.h"
#include "quotes/quotes.h"
#include "store/feedback_log.h"

static const char *const config_text =
    "plankiosk: 1\n"
    "kiosk: {id: kiosk-a, location: Test library}\n"
    "loop: {slide_seconds: 5, transition: none}\n"
    "plan: {title: Test town}\n"
    /* Syncthing has not made the fleet's folder yet: approvals here must still show. */
    "feedback: {fleet_dir: /nonexistent/pk-fleet-not-made-yet}\n"
    "slides:\n"
    "  - {type: title, title: Hello from the test town}\n"
    "  - {type: you_said, per_page: 2}\n"
    "  - {type: results, consultation: c1, question: colour, min_responses: 3}\n"
    "consultations:\n"
    "  - id: c1\n"
    "    title: What should the town do next?\n"
    "    privacy_notice: The test town keeps what you say for a year.\n"
    "    questions:\n"
    "      - {id: colour, type: choice, title: Which colour for the benches?, options: [{id: red, label: Red}, {id: blue, label: Blue}]}\n"
    "      - {id: idea, type: text, title: Your idea}\n"
    "      - {id: name, type: first_name}\n"
    "      - {id: ok, type: consent}\n";

static char dir[] = "/tmp/pk-live-slides-XXXXXX";
static char keys[8][QUOTE_KEY_LEN];

/* Saves a response the way the kiosk does; consent: 1 yes, 0 no, -1 not answered. */
static void save(feedback_log *log, int i, const char *colour, const char *idea, const char *name, int consent) {
    feedback_record r = {.kiosk = "kiosk-a", .location = "Test library", .at = 1779900000 + i * 60,
                         .config_title = "Test town", .config_hash = "0123456789abcdef",
                         .consultation = "c1", .questions_hash = "0123456789abcdef", .language = "en",
                         .seconds_taken = 40};
    r.answers = json_object();
    json_object_set_new(r.answers, "colour", json_string(colour));
    if (idea) json_object_set_new(r.answers, "idea", json_string(idea));
    if (name) json_object_set_new(r.answers, "name", json_string(name));
    if (consent >= 0) json_object_set_new(r.answers, "ok", json_boolean(consent));
    r.personal = json_array();
    pk_error err = {{0}};
    CHECK(feedback_log_append(log, &r, &err));
    snprintf(keys[i], sizeof keys[i], "%s:idea", r.id);
    json_decref(r.answers);
    json_decref(r.personal);
}

/* Every text of the slide on screen, one after another. */
static void slide_texts(kiosk *k, char *out, size_t size) {
    const draw_list *l = kiosk_slide_list(k);
    out[0] = '\0';
    size_t at = 0;
    for (int i = 0; l && i < l->count; i++)
        if (l->items[i].kind == DRAW_TEXT || l->items[i].kind == DRAW_NUMBER) {
            int n = snprintf(out + at, size - at, "%s|", draw_list_get(l, l->items[i].str));
            if (n > 0 && (size_t)n < size - at) at += (size_t)n;
        }
}

/* Goes round the loop once from where it is, noting which slides showed. */
static void one_pass(kiosk *k, bool shown[3]) {
    shown[0] = shown[1] = shown[2] = false;
    for (int i = 0; i < 4; i++) {
        int s = kiosk_slide(k);
        if (s >= 0 && s < 3) shown[s] = true;
        fake_now += 5100;
        settle(k);
    }
}

/* The worker gathers on its own thread: waits (in real time, bounded) until what it gathered
 * has been taken at a boundary and shows quotes (or results) as wanted. */
static bool wait_for(kiosk *k, int quotes, bool results) {
    for (int tries = 0; tries < 400; tries++) {
        const slide_live *lv = kiosk_live(k);
        if (lv && lv->n_quotes == quotes && lv->has_results[2] == results &&
            (!results || lv->results[2].people >= 3))
            return true;
        SDL_Delay(10);
        fake_now += 5100; /* slide boundaries, where the kiosk takes what the worker gathered */
        settle(k);
    }
    return false;
}

static void test_live_slides(void) {
    CHECK(mkdtemp(dir) != NULL);
    feedback_log log;
    pk_error err = {{0}};
    CHECK(feedback_log_open(&log, dir, "kiosk-a", NULL, &err));
    save(&log, 0, "red", "More benches by the river, please", "Ann", 1);
    save(&log, 1, "blue", "Call me on 07700 900123 about the park", "Bob", 1);
    save(&log, 2, "red", "A secret I did not want shared", "Cy", 0);
    save(&log, 3, "red", "Nobody asked me", NULL, -1);

    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    config *c = config_load_string(config_text, "live.yaml", TEST_SOURCE_DIR "/config", &opt, d);
    diag_print(d, stderr);
    free(d);
    CHECK(c != NULL);
    if (!c) return;
    kiosk *k = open_test_kiosk(c, dir);
    CHECK(k != NULL);
    if (!k) return;
    fake_now += 100, settle(k);

    /* Nothing approved, 4 answers of 3 needed: results show, You said does not. */
    CHECK(wait_for(k, 0, true));
    bool shown[3];
    one_pass(k, shown);
    CHECK(shown[0]);
    CHECK(!shown[1]); /* no approved quote: skipped, never shown empty */
    CHECK(shown[2]);

    /* Staff approve Ann's and hide Bob's (the phone number); the one without consent and the
     * one never asked cannot even be decided on: they are not quotes. */
    quote_decisions *dec = quote_decisions_new();
    CHECK(quote_decision_append(dec, dir, "kiosk-a", keys[0], QUOTE_APPROVE, "staff on kiosk-a", 1779990000, &err));
    CHECK(quote_decision_append(dec, dir, "kiosk-a", keys[1], QUOTE_HIDE, "staff on kiosk-a", 1779990001, &err));
    quote_decisions_free(dec);
    kiosk_live_poke(k);
    CHECK(wait_for(k, 1, true));
    char texts[8192];
    bool saw_you_said = false;
    for (int i = 0; i < 4; i++) {
        if (kiosk_slide(k) == 1) {
            saw_you_said = true;
            slide_texts(k, texts, sizeof texts);
            CHECK_CONTAINS(texts, "More benches by the river, please");
            CHECK_CONTAINS(texts, "Ann");
            CHECK(!strstr(texts, "07700"));
            CHECK(!strstr(texts, "secret"));
            CHECK(!strstr(texts, "Nobody asked"));
        }
        fake_now += 5100;
        settle(k);
    }
    CHECK(saw_you_said);

    /* Hidden later: gone again at the next boundary, and the slide with it. */
    dec = quote_decisions_new();
    CHECK(quote_decision_append(dec, dir, "kiosk-a", keys[0], QUOTE_HIDE, "staff on kiosk-a", 1779990100, &err));
    quote_decisions_free(dec);
    kiosk_live_poke(k);
    CHECK(wait_for(k, 0, true));
    one_pass(k, shown);
    CHECK(!shown[1]);
    kiosk_destroy(k);
    config_free(c);
    feedback_log_close(&log);
}

/* Below the minimum: 2 answers of 3 needed: the results slide never shows. */
static void test_results_below_minimum(void) {
    char below[] = "/tmp/pk-live-below-XXXXXX";
    CHECK(mkdtemp(below) != NULL);
    feedback_log log;
    pk_error err = {{0}};
    CHECK(feedback_log_open(&log, below, "kiosk-a", NULL, &err));
    save(&log, 5, "red", NULL, NULL, -1);
    save(&log, 6, "blue", NULL, NULL, -1);
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    config *c = config_load_string(config_text, "live.yaml", TEST_SOURCE_DIR "/config", &opt, d);
    free(d);
    kiosk *k = c ? open_test_kiosk(c, below) : NULL;
    CHECK(k != NULL);
    if (!k) return;
    for (int tries = 0; tries < 100 && !kiosk_live(k)->has_results[2]; tries++) {
        SDL_Delay(10);
        fake_now += 5100;
        settle(k);
    }
    CHECK(kiosk_live(k)->has_results[2]);
    CHECK_INT(kiosk_live(k)->results[2].people, 2);
    bool shown[3];
    one_pass(k, shown);
    CHECK(shown[0]);
    CHECK(!shown[2]);
    kiosk_destroy(k);
    config_free(c);
    feedback_log_close(&log);
}

int main(void) {
    RUN(test_live_slides);
    RUN(test_results_below_minimum);
    return check_report();
}
