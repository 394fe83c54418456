/* The journey state machine without a screen: which step follows which (steps switched off in
 * the config are passed over), postcode districts, the idle question and the clear after it,
 * and the record built from what was entered. */
#include <stdlib.h>

#include "check.h"
#include "journey/journey.h"

static config *load(const char *feedback) {
    char yaml[2048];
    snprintf(yaml, sizeof yaml,
             "plankiosk: 1\nkiosk: {id: k, location: here}\nplan: {title: T}\n"
             "themes:\n  - {id: a, name: A}\n  - {id: b, name: B}\n"
             "slides:\n  - {type: title, title: Hello}\n%s", feedback);
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    config *c = config_load_string(yaml, "t.yaml", TEST_SOURCE_DIR "/config", &opt, d);
    diag_print(d, stderr);
    free(d);
    return c;
}

static void postcode_districts(void) {
    const char *good[] = {"S60", "s60", " S65 ", "S1", "SW1A", "M1", "EC1A", "DN12", NULL};
    const char *bad[] = {"", "S", "60", "S6OO", "S60 1AB", "SSS1", "S-60", "S60X1", "£60", NULL};
    for (int i = 0; good[i]; i++) CHECK(journey_postcode_valid(good[i]));
    for (int i = 0; bad[i]; i++) {
        if (journey_postcode_valid(bad[i])) fprintf(stderr, "accepted \"%s\"\n", bad[i]);
        CHECK(!journey_postcode_valid(bad[i]));
    }
}

static void steps_switched_off_are_passed_over(void) {
    config *c = load("feedback:\n  steps: {rating: false, name: false, postcode: false}\n");
    CHECK(c != NULL);
    if (!c) return;
    journey j;
    journey_init(&j, c);
    journey_start(&j, 0);
    CHECK_INT(j.step, STEP_CHOICE);
    CHECK_INT(journey_step_count(&j), 5); /* choice, text, age, consent, review */
    journey_press(&j, W_NEXT, 0, NULL, 1);
    CHECK_INT(j.step, STEP_TEXT);
    CHECK(keyboard_type(j.text, sizeof j.text, 500, "Trees"));
    journey_press(&j, W_NEXT, 0, NULL, 2);
    CHECK_INT(j.step, STEP_AGE);
    journey_press(&j, W_AGE, 5, NULL, 3);
    CHECK_INT(j.step, STEP_CONSENT);
    journey_press(&j, W_BACK, 0, NULL, 4);
    CHECK_INT(j.step, STEP_AGE);
    CHECK_INT(j.age_band, 5); /* kept on the way back */
    journey_press(&j, W_NEXT, 0, NULL, 5);
    journey_press(&j, W_CONSENT, 0, NULL, 6);
    CHECK_INT(j.step, STEP_REVIEW);
    CHECK_INT(journey_press(&j, W_SEND, 0, NULL, 7000), JOURNEY_SEND);
    feedback_record rec;
    journey_record(&j, &rec, 1780000000, 7000);
    CHECK_STR(rec.text, "Trees");
    CHECK_STR(rec.age_band, "65+");
    CHECK_INT(rec.consent_quote, 0);
    CHECK_INT(rec.seconds_taken, 7);
    CHECK(rec.name == NULL);
    CHECK_STR(rec.question, c->feedback.question);
    journey_sent(&j, true, NULL, 7001);
    CHECK_INT(j.step, STEP_THANKS);
    CHECK_STR(j.text, ""); /* wiped once it is safe on disk */
    CHECK_INT(journey_tick(&j, 7001 + (uint64_t)c->feedback.thanks_seconds * 1000), JOURNEY_FINISHED);
    CHECK(!journey_active(&j));
    config_free(c);
}

static void themes_and_something_else(void) {
    config *c = load("");
    journey j;
    journey_init(&j, c);
    journey_start(&j, 0);
    journey_press(&j, W_THEME, 1, NULL, 1);
    journey_press(&j, W_THEME, 2, NULL, 2); /* something else: index n_themes */
    journey_press(&j, W_THEME, 0, NULL, 3);
    journey_press(&j, W_THEME, 0, NULL, 4); /* tapped twice: off again */
    feedback_record rec;
    journey_record(&j, &rec, 0, 5);
    CHECK_INT(rec.n_themes, 2);
    CHECK_STR(rec.themes[0], "b");
    CHECK_STR(rec.themes[1], "other");
    CHECK_INT(rec.consent_quote, -1);
    CHECK_INT(rec.rating, 0);
    config_free(c);
}

static void idle_question_then_clear(void) {
    config *c = load("feedback: {idle_seconds: 30, still_there_seconds: 25}\n");
    journey j;
    journey_init(&j, c);
    journey_start(&j, 1000);
    journey_press(&j, W_THEME, 0, NULL, 1000);
    CHECK_INT(journey_wait_ms(&j, 1000), 30000); /* sleeps until the question is due */
    CHECK_INT(journey_tick(&j, 30999), JOURNEY_IDLE);
    CHECK_INT(journey_tick(&j, 31000), JOURNEY_REDRAW);
    CHECK(j.still_there);
    CHECK_INT(journey_still_there_left(&j, 31000), 25);
    CHECK_INT(journey_still_there_left(&j, 35500), 21);
    /* Answering keeps everything. */
    journey_press(&j, W_CONTINUE, 0, NULL, 36000);
    CHECK(!j.still_there);
    CHECK(j.themes[0]);
    /* Unanswered, the journey is cleared and counted as abandoned where it stood. */
    CHECK_INT(journey_tick(&j, 36000 + 30000), JOURNEY_REDRAW);
    CHECK_INT(journey_tick(&j, 36000 + 54999), JOURNEY_REDRAW);
    CHECK_INT(journey_tick(&j, 36000 + 55000), JOURNEY_ABANDONED);
    CHECK(!journey_active(&j));
    CHECK(!j.themes[0]);
    CHECK_INT(j.abandoned_at, STEP_CHOICE);
    config_free(c);
}

static void failed_save_is_not_thanked(void) {
    config *c = load("");
    journey j;
    journey_init(&j, c);
    journey_start(&j, 0);
    journey_sent(&j, false, "the disk is full", 10);
    CHECK_INT(j.step, STEP_SORRY);
    CHECK_STR(j.save_error, "the disk is full");
    config_free(c);
}

/* Larger text: the consent step opens on the privacy notice, Next shows the question, Back
 * from the review lands on the question and Back again on the notice; a visitor who goes
 * back to 100 % on the notice page sees the whole step. */
static void notice_on_its_own_page(void) {
    config *c = load("feedback:\n  steps: {choice: false, rating: false, name: false, age: false, postcode: false}\n");
    CHECK(c != NULL);
    if (!c) return;
    journey *j = calloc(1, sizeof *j);
    journey_init(j, c);
    journey_set_notice_apart(j, true);
    journey_start(j, 0); /* kept across the clear a start does */
    CHECK(j->notice_apart);
    CHECK_INT(j->step, STEP_TEXT);
    CHECK(keyboard_type(j->text, sizeof j->text, 500, "Trees"));
    journey_press(j, W_NEXT, 0, NULL, 1);
    CHECK_INT(j->step, STEP_CONSENT);
    CHECK(j->notice_page);
    CHECK_INT(journey_press(j, W_CONSENT, 1, NULL, 2), JOURNEY_IDLE); /* not on this page */
    CHECK_INT(j->consent, -1);
    journey_press(j, W_NEXT, 0, NULL, 3);
    CHECK_INT(j->step, STEP_CONSENT);
    CHECK(!j->notice_page);
    journey_press(j, W_CONSENT, 1, NULL, 4);
    CHECK_INT(j->step, STEP_REVIEW);
    journey_press(j, W_BACK, 0, NULL, 5);
    CHECK_INT(j->step, STEP_CONSENT);
    CHECK(!j->notice_page);
    journey_press(j, W_BACK, 0, NULL, 6);
    CHECK_INT(j->step, STEP_CONSENT);
    CHECK(j->notice_page);
    journey_set_notice_apart(j, false);
    CHECK(!j->notice_page);
    journey_press(j, W_BACK, 0, NULL, 7);
    CHECK_INT(j->step, STEP_TEXT);
    journey_press(j, W_NEXT, 0, NULL, 8);
    CHECK_INT(j->step, STEP_CONSENT);
    CHECK(!j->notice_page); /* at 100 % the step is one page, as before */
    free(j);
    config_free(c);
}

int main(void) {
    RUN(notice_on_its_own_page);
    RUN(postcode_districts);
    RUN(steps_switched_off_are_passed_over);
    RUN(themes_and_something_else);
    RUN(idle_question_then_clear);
    RUN(failed_save_is_not_thanked);
    return check_report();
}
