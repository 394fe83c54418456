/* The journey state machine without a screen: an interpreter of consultations. Which question
 * follows which (steps switched off in the first journey's `feedback:` form are passed over,
 * show_if hides questions, consent is asked only after words that could be quoted), the
 * "Something else" box, what each type of question takes (required answers, choices up to
 * `max`, a rank in order, a number in range, pins on a picture), postcode districts, the idle
 * question and the clear after it, and the record built from what was entered. */
#include <stdlib.h>

#include "check.h"
#include "journey/journey.h"
#include "journey/number_pad.h"
#include "journey_test.h"
#include "render/questions/question_view.h"

static config *load_w(const char *tail, diag_list *warnings) {
    char yaml[8192];
    snprintf(yaml, sizeof yaml,
             "plankiosk: 1\nkiosk: {id: k, location: here}\nplan: {title: T}\n"
             "themes:\n  - {id: a, name: A}\n  - {id: b, name: B}\n"
             "slides:\n  - {type: title, title: Hello}\n%s", tail);
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets", .warnings = warnings};
    diag_list *d = calloc(1, sizeof *d);
    config *c = config_load_string(yaml, "t.yaml", TEST_SOURCE_DIR "/config", &opt, d);
    diag_print(d, stderr);
    free(d);
    return c;
}

static config *load(const char *tail) { return load_w(tail, NULL); }

/* A record's answer to id is the JSON `want` ("null" for null). */
static void check_json_(const char *file, int line, const feedback_record *r, const char *id, const char *want) {
    check_count++;
    json_error_t e;
    json_t *w = json_loads(want, JSON_DECODE_ANY, &e);
    const json_t *got = jt_rec(r, id);
    if (!w || !got || !json_equal(got, w)) {
        check_failures++;
        char *g = got ? json_dumps(got, JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
        fprintf(stderr, "%s:%d: answers.%s == %s, expected %s\n", file, line, id, g ? g : "(absent)", want);
        free(g);
    }
    json_decref(w);
}
#define CHECK_JSON(rec, id, want) check_json_(__FILE__, __LINE__, rec, id, want)

/* Whether the record's "personal" list names id. */
static bool personal(const feedback_record *r, const char *id) {
    size_t k;
    json_t *e;
    json_array_foreach(r->personal, k, e) if (json_is_string(e) && !strcmp(json_string_value(e), id)) return true;
    return false;
}

/* Sends from the review and builds the record (the caller releases it). */
static void send(journey *j, feedback_record *rec, uint64_t now) {
    CHECK_INT(j->step, STEP_REVIEW);
    CHECK_INT(journey_press(j, W_SEND, 0, NULL, now), JOURNEY_SEND);
    journey_record(j, rec, 1780000000, now);
}

/* The review row of question id, or -1. */
static int review_row(const journey_review *r, const char *id) {
    for (int i = 0; i < r->n; i++)
        if (!strcmp(r->q[i]->id, id)) return i;
    return -1;
}

static void postcode_districts(void) {
    const char *good[] = {"S60", "s60", " S65 ", "S1", "SW1A", "M1", "EC1A", "DN12", NULL};
    const char *bad[] = {"", "S", "60", "S6OO", "S60 1AB", "SSS1", "S-60", "S60X1", "£60", NULL};
    for (int i = 0; good[i]; i++) {
        if (!consult_pattern_match(CONSULT_UK_DISTRICT, good[i])) fprintf(stderr, "refused \"%s\"\n", good[i]);
        CHECK(consult_pattern_match(CONSULT_UK_DISTRICT, good[i]));
    }
    for (int i = 0; bad[i]; i++) {
        if (consult_pattern_match(CONSULT_UK_DISTRICT, bad[i])) fprintf(stderr, "accepted \"%s\"\n", bad[i]);
        CHECK(!consult_pattern_match(CONSULT_UK_DISTRICT, bad[i]));
    }
}

/* In the journey: a postcode that is not a district is refused (j.invalid) until it is
 * mended or skipped; one that is is kept in capitals without spaces. */
static void postcode_in_the_journey(void) {
    config *c = load("feedback:\n  steps: {choice: false, rating: false, text: false, name: false, age: false}\n");
    CHECK(c != NULL);
    if (!c) return;
    journey j;
    journey_init(&j, c);
    jt_start(&j, 0);
    CHECK(journey_on(&j, "postcode_district"));
    CHECK(journey_typing(&j));
    journey_type(&j, "s6OO", 1);
    CHECK_INT(journey_press(&j, W_NEXT, 0, NULL, 2), JOURNEY_REDRAW);
    CHECK(journey_on(&j, "postcode_district"));
    CHECK(j.invalid);
    journey_backspace(&j, 3); /* mending it clears the message */
    CHECK(!j.invalid);
    journey_backspace(&j, 3);
    journey_type(&j, "0 ", 4);
    CHECK_STR(jt_text(&j, "postcode_district"), "s60 ");
    journey_press(&j, W_NEXT, 0, NULL, 5);
    CHECK_INT(j.step, STEP_REVIEW); /* nothing quotable: no consent question */
    CHECK_STR(jt_text(&j, "postcode_district"), "S60");
    feedback_record rec;
    send(&j, &rec, 6);
    CHECK_JSON(&rec, "postcode_district", "\"S60\"");
    CHECK_JSON(&rec, "consent_quote", "null");
    feedback_record_release(&rec);
    /* Refused, then skipped: nothing kept. */
    jt_start(&j, 10);
    journey_type(&j, "60", 11);
    journey_press(&j, W_NEXT, 0, NULL, 12);
    CHECK(j.invalid);
    journey_press(&j, W_SKIP, 0, NULL, 13);
    CHECK_INT(j.step, STEP_REVIEW);
    CHECK(!j.invalid);
    CHECK_STR(jt_text(&j, "postcode_district"), "");
    journey_clear(&j);
    config_free(c);
}

static void steps_switched_off_are_passed_over(void) {
    diag_list *warn = calloc(1, sizeof *warn);
    config *c = load_w("feedback:\n  steps: {rating: false, name: false, postcode: false}\n", warn);
    CHECK(c != NULL);
    if (!c) {
        free(warn);
        return;
    }
    /* The first journey's form still works, read as one consultation, with a warning. */
    bool warned = false;
    for (int i = 0; i < warn->count; i++) warned |= strstr(warn->items[i], "'steps'") != NULL;
    if (!warned) diag_print(warn, stderr);
    CHECK(warned);
    free(warn);
    CHECK_INT(c->n_consultations, 1);
    CHECK_STR(c->consultations[0].id, "feedback");
    CHECK_INT(c->consultations[0].n_questions, 4); /* themes, text, age_band, consent_quote */
    journey j;
    journey_init(&j, c);
    jt_start(&j, 0);
    CHECK_INT(j.step, STEP_QUESTION);
    CHECK(journey_on(&j, "themes"));
    CHECK_INT(journey_step_number(&j), 1);
    /* themes, text, age, review: consent comes only once there are words to quote */
    CHECK_INT(journey_step_count(&j), 4);
    journey_press(&j, W_NEXT, 0, NULL, 1);
    CHECK(journey_on(&j, "text"));
    int size, max;
    char *field = journey_field(&j, &size, &max);
    CHECK(field != NULL);
    CHECK_INT(max, 500);
    if (field) CHECK(keyboard_type(field, size, max, "Trees"));
    CHECK_INT(journey_step_count(&j), 5); /* choice, text, age, consent, review */
    journey_press(&j, W_NEXT, 0, NULL, 2);
    CHECK(journey_on(&j, "age_band"));
    journey_press(&j, W_OPTION, 5, NULL, 3); /* a band answers and moves on */
    CHECK(journey_on(&j, "consent_quote"));
    CHECK_INT(journey_step_number(&j), 4);
    journey_press(&j, W_BACK, 0, NULL, 4);
    CHECK(journey_on(&j, "age_band"));
    CHECK(jt_answer(&j, "age_band")->given);
    CHECK_INT(jt_answer(&j, "age_band")->value, 5); /* kept on the way back */
    journey_press(&j, W_NEXT, 0, NULL, 5);
    CHECK(journey_on(&j, "consent_quote"));
    journey_press(&j, W_CONSENT, 0, NULL, 6);
    CHECK_INT(j.step, STEP_REVIEW);
    CHECK_INT(journey_step_number(&j), 5);
    feedback_record rec;
    send(&j, &rec, 7000);
    CHECK_STR(rec.consultation, "feedback");
    CHECK_STR(rec.questions_hash, c->consultations[0].hash);
    CHECK_JSON(&rec, "text", "\"Trees\"");
    CHECK_JSON(&rec, "age_band", "\"65+\"");
    CHECK_JSON(&rec, "consent_quote", "false");
    CHECK_JSON(&rec, "themes", "null");
    CHECK_JSON(&rec, "themes_other", "null");
    CHECK_INT(rec.seconds_taken, 7);
    CHECK(jt_rec(&rec, "name") == NULL); /* switched off: not a question of this form at all */
    CHECK(jt_rec(&rec, "rating") == NULL);
    CHECK(personal(&rec, "age_band"));
    CHECK(!personal(&rec, "consent_quote"));
    /* The form's own question is the text question's title. */
    CHECK_STR(c->consultations[0].questions[consult_question_index(&c->consultations[0], "text")].title,
              c->consultations[0].title);
    feedback_record_release(&rec);
    CHECK(rec.answers == NULL && rec.personal == NULL);
    journey_sent(&j, true, NULL, 7001);
    CHECK_INT(j.step, STEP_THANKS);
    CHECK_STR(jt_text(&j, "text"), ""); /* wiped once it is safe on disk */
    CHECK_INT(journey_tick(&j, 7001 + (uint64_t)c->feedback.thanks_seconds * 1000), JOURNEY_FINISHED);
    CHECK(!journey_active(&j));
    config_free(c);
}

/* Themes are a choices question from the plan's themes with "Something else" last; choosing it
 * and Next opens its box, whose words are kept as themes_other; only themes: straight on. */
static void themes_and_something_else(void) {
    config *c = load("");
    CHECK(c != NULL);
    if (!c) return;
    const consultation *k = &c->consultations[0];
    const question *tq = &k->questions[0];
    CHECK_STR(tq->id, "themes");
    CHECK_INT(tq->n_options, c->n_themes + 1);
    CHECK_STR(tq->options[c->n_themes].id, CONSULT_OTHER_ID);
    journey j;
    journey_init(&j, c);
    jt_start(&j, 0);
    journey_press(&j, W_OPTION, 1, NULL, 1);
    journey_press(&j, W_OPTION, 2, NULL, 2); /* something else: index n_themes */
    journey_press(&j, W_OPTION, 0, NULL, 3);
    journey_press(&j, W_OPTION, 0, NULL, 4); /* tapped twice: off again */
    CHECK(journey_on(&j, "themes"));
    CHECK(!j.other_page);
    CHECK(!journey_typing(&j)); /* taps only on the choices themselves */
    feedback_record rec;
    journey_record(&j, &rec, 0, 5);
    CHECK_JSON(&rec, "themes", "[\"b\", \"other\"]");
    CHECK_JSON(&rec, "consent_quote", "null");
    CHECK_JSON(&rec, "rating", "null");
    feedback_record_release(&rec);
    /* Next: the "Something else" box, a typing page, before the rating. */
    CHECK_INT(journey_press(&j, W_NEXT, 0, NULL, 6), JOURNEY_REDRAW);
    CHECK(journey_on(&j, "themes"));
    CHECK(j.other_page);
    CHECK(journey_typing(&j));
    CHECK(qview_skippable(&j));
    int size, max;
    char *field = journey_field(&j, &size, &max);
    CHECK(field != NULL);
    CHECK(max > 0);
    CHECK_INT(journey_type(&j, "A skate park", 7), JOURNEY_REDRAW);
    CHECK_STR(jt_text(&j, "themes"), "A skate park");
    /* Back shows the choices again, the words kept; Next opens the box again. */
    journey_press(&j, W_BACK, 0, NULL, 8);
    CHECK(journey_on(&j, "themes"));
    CHECK(!j.other_page);
    CHECK(!journey_typing(&j));
    journey_press(&j, W_NEXT, 0, NULL, 9);
    CHECK(j.other_page);
    CHECK_STR(jt_text(&j, "themes"), "A skate park");
    journey_press(&j, W_NEXT, 0, NULL, 10);
    CHECK(journey_on(&j, "rating"));
    CHECK(!j.other_page);
    journey_press(&j, W_POINT, 4, NULL, 11); /* a face answers and moves on */
    CHECK(journey_on(&j, "text"));
    for (int s = 0; s < 4; s++) journey_press(&j, W_SKIP, 0, NULL, 12); /* text, name, age, postcode */
    /* The box's words could be quoted: consent is asked. */
    CHECK(journey_on(&j, "consent_quote"));
    journey_press(&j, W_CONSENT, 1, NULL, 13);
    CHECK_INT(j.step, STEP_REVIEW);
    journey_review rv;
    journey_review_rows(&j, &rv);
    int row = review_row(&rv, "themes");
    CHECK(row >= 0);
    if (row >= 0) {
        CHECK_STR(rv.label[row], c->feedback.ui[UI_REVIEW_THEMES]);
        CHECK_CONTAINS(rv.value[row], "B");
        CHECK_CONTAINS(rv.value[row], c->feedback.ui[UI_SOMETHING_ELSE]);
        CHECK_CONTAINS(rv.value[row], "A skate park");
    }
    send(&j, &rec, 14);
    CHECK_JSON(&rec, "themes", "[\"b\", \"other\"]");
    CHECK_JSON(&rec, "themes_other", "\"A skate park\"");
    CHECK_JSON(&rec, "rating", "4");
    CHECK_JSON(&rec, "consent_quote", "true");
    CHECK(personal(&rec, "themes_other"));
    CHECK(!personal(&rec, "themes"));
    feedback_record_release(&rec);

    /* Only themes: Next goes straight to the rating. */
    jt_start(&j, 100);
    journey_press(&j, W_OPTION, 0, NULL, 101);
    journey_press(&j, W_NEXT, 0, NULL, 102);
    CHECK(journey_on(&j, "rating"));
    CHECK(!j.other_page);

    /* Skip on the box: no words, "Something else" stays chosen, on to the rating. */
    jt_start(&j, 200);
    journey_press(&j, W_OPTION, c->n_themes, NULL, 201);
    journey_press(&j, W_NEXT, 0, NULL, 202);
    CHECK(j.other_page);
    journey_type(&j, "Half a thought", 203);
    journey_press(&j, W_SKIP, 0, NULL, 204);
    CHECK(journey_on(&j, "rating"));
    CHECK_STR(jt_text(&j, "themes"), "");
    for (int s = 0; s < 6 && j.step != STEP_REVIEW; s++) journey_press(&j, W_SKIP, 0, NULL, 205);
    send(&j, &rec, 206);
    CHECK_JSON(&rec, "themes", "[\"other\"]");
    CHECK_JSON(&rec, "themes_other", "null");
    CHECK_JSON(&rec, "consent_quote", "null"); /* nothing quotable was kept */
    feedback_record_release(&rec);

    /* Words typed, then "Something else" unticked: the words are not kept. */
    jt_start(&j, 300);
    journey_press(&j, W_OPTION, c->n_themes, NULL, 301);
    journey_press(&j, W_NEXT, 0, NULL, 302);
    journey_type(&j, "Ice rink", 303);
    journey_press(&j, W_BACK, 0, NULL, 304);
    journey_press(&j, W_OPTION, c->n_themes, NULL, 305);
    journey_press(&j, W_OPTION, 1, NULL, 306);
    journey_press(&j, W_NEXT, 0, NULL, 307);
    CHECK(journey_on(&j, "rating"));
    for (int s = 0; s < 6 && j.step != STEP_REVIEW; s++) journey_press(&j, W_SKIP, 0, NULL, 308);
    send(&j, &rec, 309);
    CHECK_JSON(&rec, "themes", "[\"b\"]");
    CHECK_JSON(&rec, "themes_other", "null");
    feedback_record_release(&rec);
    journey_clear(&j);
    config_free(c);
}

static void idle_question_then_clear(void) {
    config *c = load("feedback: {idle_seconds: 30, still_there_seconds: 25}\n");
    CHECK(c != NULL);
    if (!c) return;
    journey j;
    journey_init(&j, c);
    jt_start(&j, 1000);
    journey_press(&j, W_OPTION, 0, NULL, 1000);
    CHECK_INT(journey_wait_ms(&j, 1000), 30000); /* sleeps until the question is due */
    CHECK_INT(journey_tick(&j, 30999), JOURNEY_IDLE);
    CHECK_INT(journey_tick(&j, 31000), JOURNEY_REDRAW);
    CHECK(j.still_there);
    CHECK_INT(journey_still_there_left(&j, 31000), 25);
    CHECK_INT(journey_still_there_left(&j, 35500), 21);
    /* Answering keeps everything. */
    journey_press(&j, W_CONTINUE, 0, NULL, 36000);
    CHECK(!j.still_there);
    CHECK(jt_answer(&j, "themes")->picked & 1);
    /* Unanswered, the journey is cleared and counted as abandoned where it stood. */
    CHECK_INT(journey_tick(&j, 36000 + 30000), JOURNEY_REDRAW);
    CHECK_INT(journey_tick(&j, 36000 + 54999), JOURNEY_REDRAW);
    CHECK_INT(journey_tick(&j, 36000 + 55000), JOURNEY_ABANDONED);
    CHECK(!journey_active(&j));
    CHECK(j.consult == NULL);
    CHECK_INT(j.answers[0].picked, 0);
    CHECK_INT(j.abandoned_at, STEP_QUESTION);
    CHECK_STR(journey_where(&j), "themes");
    /* Abandoned further on, the log says that question. */
    jt_start(&j, 100000);
    journey_press(&j, W_NEXT, 0, NULL, 100001);
    CHECK(journey_on(&j, "rating"));
    CHECK_INT(journey_press(&j, W_CLOSE, 0, NULL, 100002), JOURNEY_ABANDONED);
    CHECK_STR(journey_where(&j), "rating");
    config_free(c);
}

static void failed_save_is_not_thanked(void) {
    config *c = load("");
    CHECK(c != NULL);
    if (!c) return;
    journey j;
    journey_init(&j, c);
    jt_start(&j, 0);
    journey_press(&j, W_OPTION, 1, NULL, 1);
    journey_sent(&j, false, "the disk is full", 10);
    CHECK_INT(j.step, STEP_SORRY);
    CHECK_STR(j.save_error, "the disk is full");
    CHECK(jt_answer(&j, "themes")->picked & 2); /* kept until the sorry times out */
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
    jt_start(j, 0); /* kept across the clear a start does */
    CHECK(j->notice_apart);
    CHECK(journey_on(j, "text"));
    int size, max;
    char *field = journey_field(j, &size, &max);
    CHECK(field != NULL);
    if (field) CHECK(keyboard_type(field, size, max, "Trees"));
    journey_press(j, W_NEXT, 0, NULL, 1);
    CHECK(journey_on(j, "consent_quote"));
    CHECK(j->notice_page);
    CHECK_INT(journey_press(j, W_CONSENT, 1, NULL, 2), JOURNEY_IDLE); /* not on this page */
    CHECK(!jt_answer(j, "consent_quote")->given);
    journey_press(j, W_NEXT, 0, NULL, 3);
    CHECK(journey_on(j, "consent_quote"));
    CHECK(!j->notice_page);
    journey_press(j, W_CONSENT, 1, NULL, 4);
    CHECK_INT(j->step, STEP_REVIEW);
    journey_press(j, W_BACK, 0, NULL, 5);
    CHECK(journey_on(j, "consent_quote"));
    CHECK(!j->notice_page);
    journey_press(j, W_BACK, 0, NULL, 6);
    CHECK(journey_on(j, "consent_quote"));
    CHECK(j->notice_page);
    journey_set_notice_apart(j, false);
    CHECK(!j->notice_page);
    journey_press(j, W_BACK, 0, NULL, 7);
    CHECK(journey_on(j, "text"));
    journey_press(j, W_NEXT, 0, NULL, 8);
    CHECK(journey_on(j, "consent_quote"));
    CHECK(!j->notice_page); /* at 100 % the step is one page, as before */
    free(j);
    config_free(c);
}

/* ---- What the interpreter does with consultations written in YAML ---- */

static const char show_if_yaml[] =
    "consultations:\n"
    "  - id: park\n"
    "    title: New park\n"
    "    questions:\n"
    "      - {id: sport, type: choices, title: Which sports?, options: [{id: pitches, label: Pitches}, "
    "{id: courts, label: Courts}, {id: track, label: Track}]}\n"
    "      - {id: which, type: text, title: Which sport?, show_if: {question: sport, includes: pitches}}\n"
    "      - {id: visit, type: choice, title: How often?, options: [{id: daily, label: Daily}, {id: weekly, label: Weekly}]}\n"
    "      - {id: when, type: text, title: What time?, show_if: {question: visit, equals: daily}}\n"
    "      - {id: mood, type: faces}\n"
    "      - {id: why, type: text, title: Why so sad?, show_if: {question: mood, equals: 1}}\n"
    "      - {id: more, type: text, title: Anything more about it?, show_if: {question: which, answered: true}}\n"
    "      - {id: both, type: text, title: Courts every week?, show_if: {all: [{question: sport, includes: courts}, "
    "{question: visit, equals: weekly}]}}\n"
    "      - {id: either, type: text, title: Track or happy?, show_if: {any: [{question: sport, includes: track}, "
    "{question: mood, equals: 5}]}}\n"
    "      - {id: none, type: text, title: No sport named?, show_if: {question: which, answered: false}}\n";

/* show_if: equals (an option, a face), includes, answered (true and false), all and any. */
static void show_if_skips_questions(void) {
    config *c = load(show_if_yaml);
    CHECK(c != NULL);
    if (!c) return;
    CHECK_INT(c->n_consultations, 1);
    journey j;
    journey_init(&j, c);
    jt_start(&j, 0);
    CHECK(journey_on(&j, "sport"));
    /* Asked so far: sport, visit, mood, none; and the review. */
    CHECK_INT(journey_step_count(&j), 5);
    journey_press(&j, W_OPTION, 1, NULL, 1); /* courts */
    journey_press(&j, W_NEXT, 0, NULL, 2);
    CHECK(journey_on(&j, "visit")); /* which: only for pitches */
    CHECK_INT(journey_step_number(&j), 2);
    journey_press(&j, W_OPTION, 1, NULL, 3); /* weekly: a choice answers and moves on */
    CHECK(journey_on(&j, "mood"));           /* when: only for daily */
    journey_press(&j, W_POINT, 5, NULL, 4);
    CHECK(journey_on(&j, "both")); /* why: only for 1; more: which was not answered */
    journey_press(&j, W_NEXT, 0, NULL, 5);
    CHECK(journey_on(&j, "either")); /* any: the face was 5 */
    journey_press(&j, W_NEXT, 0, NULL, 6);
    CHECK(journey_on(&j, "none")); /* which not answered */
    journey_press(&j, W_NEXT, 0, NULL, 7);
    CHECK_INT(j.step, STEP_REVIEW);
    CHECK_INT(journey_step_count(&j), 7); /* sport, visit, mood, both, either, none, review */
    journey_review rv;
    journey_review_rows(&j, &rv);
    CHECK_INT(rv.n, 6);
    CHECK(review_row(&rv, "which") < 0 && review_row(&rv, "why") < 0);
    /* Back through the questions asked; a sad face brings "why" and drops "either". */
    journey_press(&j, W_BACK, 0, NULL, 8);
    CHECK(journey_on(&j, "none"));
    journey_press(&j, W_BACK, 0, NULL, 9);
    journey_press(&j, W_BACK, 0, NULL, 10);
    journey_press(&j, W_BACK, 0, NULL, 11);
    CHECK(journey_on(&j, "mood"));
    journey_press(&j, W_POINT, 1, NULL, 12);
    CHECK(journey_on(&j, "why"));
    journey_type(&j, "Too far", 13);
    journey_press(&j, W_NEXT, 0, NULL, 14);
    CHECK(journey_on(&j, "both"));
    journey_press(&j, W_NEXT, 0, NULL, 15);
    CHECK(journey_on(&j, "none")); /* either: no track, no happy face */
    journey_press(&j, W_NEXT, 0, NULL, 16);
    feedback_record rec;
    send(&j, &rec, 17);
    CHECK_JSON(&rec, "sport", "[\"courts\"]");
    CHECK_JSON(&rec, "visit", "\"weekly\"");
    CHECK_JSON(&rec, "mood", "1");
    CHECK_JSON(&rec, "why", "\"Too far\"");
    CHECK_JSON(&rec, "which", "null");
    CHECK_JSON(&rec, "either", "null");
    feedback_record_release(&rec);

    /* Pitches and daily: which, when and more are asked; none is not. */
    jt_start(&j, 100);
    journey_press(&j, W_OPTION, 0, NULL, 101);
    journey_press(&j, W_OPTION, 2, NULL, 102);
    journey_press(&j, W_NEXT, 0, NULL, 103);
    CHECK(journey_on(&j, "which"));
    journey_type(&j, "Football", 104);
    journey_press(&j, W_NEXT, 0, NULL, 105);
    CHECK(journey_on(&j, "visit"));
    journey_press(&j, W_OPTION, 0, NULL, 106);
    CHECK(journey_on(&j, "when"));
    journey_press(&j, W_SKIP, 0, NULL, 107);
    CHECK(journey_on(&j, "mood"));
    journey_press(&j, W_POINT, 3, NULL, 108);
    CHECK(journey_on(&j, "more"));
    journey_press(&j, W_NEXT, 0, NULL, 109);
    CHECK(journey_on(&j, "either")); /* track */
    journey_press(&j, W_NEXT, 0, NULL, 110);
    CHECK_INT(j.step, STEP_REVIEW);
    send(&j, &rec, 111);
    CHECK_JSON(&rec, "which", "\"Football\"");
    CHECK_JSON(&rec, "sport", "[\"pitches\", \"track\"]");
    CHECK_JSON(&rec, "none", "null");
    feedback_record_release(&rec);
    journey_clear(&j);
    config_free(c);
}

/* Answered, then hidden by a change further back: the record says null, and the review
 * leaves it out, whatever was left in it. */
static void hidden_answer_records_null(void) {
    config *c = load(show_if_yaml);
    CHECK(c != NULL);
    if (!c) return;
    journey j;
    journey_init(&j, c);
    jt_start(&j, 0);
    journey_press(&j, W_OPTION, 0, NULL, 1); /* pitches */
    journey_press(&j, W_NEXT, 0, NULL, 2);
    CHECK(journey_on(&j, "which"));
    journey_type(&j, "Football", 3);
    journey_press(&j, W_NEXT, 0, NULL, 4);
    journey_press(&j, W_OPTION, 1, NULL, 5); /* weekly */
    CHECK(journey_on(&j, "mood"));
    /* A detour: back to the first question, pitches off, courts on. */
    journey_press(&j, W_BACK, 0, NULL, 6);
    journey_press(&j, W_BACK, 0, NULL, 7);
    journey_press(&j, W_BACK, 0, NULL, 8);
    CHECK(journey_on(&j, "sport"));
    journey_press(&j, W_OPTION, 0, NULL, 9);
    journey_press(&j, W_OPTION, 1, NULL, 10);
    journey_press(&j, W_NEXT, 0, NULL, 11);
    CHECK(journey_on(&j, "visit"));
    CHECK(!journey_asks(&j, consult_question_index(j.consult, "which")));
    journey_press(&j, W_OPTION, 1, NULL, 12);
    journey_press(&j, W_POINT, 2, NULL, 13);
    for (int s = 0; s < 8 && j.step != STEP_REVIEW; s++) journey_press(&j, W_NEXT, 0, NULL, 14);
    CHECK_INT(j.step, STEP_REVIEW);
    journey_review rv;
    journey_review_rows(&j, &rv);
    CHECK(review_row(&rv, "which") < 0);
    feedback_record rec;
    send(&j, &rec, 15);
    CHECK_JSON(&rec, "sport", "[\"courts\"]");
    CHECK_JSON(&rec, "which", "null"); /* "Football" was typed, then the question was hidden */
    feedback_record_release(&rec);
    journey_clear(&j);
    config_free(c);
}

/* A question hidden by show_if is not answered, whatever was left in it on a detour: the
 * questions that depend on it, and consent, go by what is asked. */
static void show_if_on_a_hidden_question(void) {
    config *c = load(show_if_yaml);
    CHECK(c != NULL);
    if (!c) return;
    journey j;
    journey_init(&j, c);
    jt_start(&j, 0);
    journey_press(&j, W_OPTION, 0, NULL, 1); /* pitches */
    journey_press(&j, W_NEXT, 0, NULL, 2);
    journey_type(&j, "Football", 3);
    journey_press(&j, W_NEXT, 0, NULL, 4);
    CHECK(journey_on(&j, "visit"));
    journey_press(&j, W_BACK, 0, NULL, 5);
    journey_press(&j, W_BACK, 0, NULL, 6);
    CHECK(journey_on(&j, "sport"));
    journey_press(&j, W_OPTION, 0, NULL, 7); /* pitches off: "which" is hidden */
    journey_press(&j, W_OPTION, 2, NULL, 8);
    journey_press(&j, W_NEXT, 0, NULL, 9);
    journey_press(&j, W_OPTION, 1, NULL, 10);
    journey_press(&j, W_POINT, 3, NULL, 11);
    /* "more" asks about "which" when it was answered; it was not asked, so neither is this. */
    if (journey_on(&j, "more")) fprintf(stderr, "\"more\" asked after \"which\" was hidden\n");
    CHECK(!journey_on(&j, "more"));
    CHECK(journey_on(&j, "either"));
    journey_press(&j, W_NEXT, 0, NULL, 12);
    CHECK(journey_on(&j, "none")); /* "which" was not answered: asked */
    journey_clear(&j);
    config_free(c);

    /* Consent follows words that are asked, not words left in a hidden question. */
    c = load("consultations:\n"
             "  - id: c\n"
             "    title: C\n"
             "    questions:\n"
             "      - {id: say, type: choice, title: Say more?, options: [{id: yes, label: Yes}, {id: no, label: No}]}\n"
             "      - {id: words, type: text, title: Go on, show_if: {question: say, equals: yes}}\n"
             "      - {id: quote, type: consent}\n");
    CHECK(c != NULL);
    if (!c) return;
    journey_init(&j, c);
    jt_start(&j, 0);
    journey_press(&j, W_OPTION, 0, NULL, 1);
    CHECK(journey_on(&j, "words"));
    journey_type(&j, "Lots", 2);
    journey_press(&j, W_NEXT, 0, NULL, 3);
    CHECK(journey_on(&j, "quote"));
    journey_press(&j, W_BACK, 0, NULL, 4);
    journey_press(&j, W_BACK, 0, NULL, 5);
    CHECK(journey_on(&j, "say"));
    journey_press(&j, W_OPTION, 1, NULL, 6); /* no: "words" hidden, nothing left to quote */
    if (j.step != STEP_REVIEW) fprintf(stderr, "consent asked for words in a hidden question\n");
    CHECK_INT(j.step, STEP_REVIEW);
    journey_clear(&j);
    config_free(c);
}

/* A required question: Next is refused without an answer (j.required_hit, said on screen),
 * there is no Skip; its "Something else" box may still be left empty. */
static void required_refuses_next(void) {
    config *c = load("consultations:\n"
                     "  - id: r\n"
                     "    title: R\n"
                     "    questions:\n"
                     "      - {id: pick, type: choices, title: Pick, required: true, other: true, "
                     "options: [{id: x, label: X}, {id: y, label: Y}]}\n"
                     "      - {id: say, type: text, title: Say, required: true}\n"
                     "      - {id: maybe, type: text, title: Maybe}\n");
    CHECK(c != NULL);
    if (!c) return;
    journey j;
    journey_init(&j, c);
    jt_start(&j, 0);
    CHECK(journey_on(&j, "pick"));
    CHECK(!qview_skippable(&j)); /* no Skip on screen */
    CHECK_INT(journey_press(&j, W_NEXT, 0, NULL, 1), JOURNEY_REDRAW);
    CHECK(journey_on(&j, "pick"));
    CHECK(j.required_hit);
    CHECK_INT(journey_press(&j, W_SKIP, 0, NULL, 2), JOURNEY_IDLE);
    CHECK(journey_on(&j, "pick"));
    journey_press(&j, W_OPTION, 0, NULL, 3);
    CHECK(!j.required_hit); /* answering clears the message */
    journey_press(&j, W_OPTION, 2, NULL, 4); /* something else */
    journey_press(&j, W_NEXT, 0, NULL, 5);
    CHECK(j.other_page);
    CHECK(qview_skippable(&j)); /* the box is not the required answer */
    journey_press(&j, W_SKIP, 0, NULL, 6);
    CHECK(journey_on(&j, "say"));
    CHECK(!qview_skippable(&j));
    journey_type(&j, "   ", 7); /* spaces are no answer */
    journey_press(&j, W_NEXT, 0, NULL, 8);
    CHECK(journey_on(&j, "say"));
    CHECK(j.required_hit);
    CHECK_STR(jt_text(&j, "say"), "");
    journey_type(&j, "Hi", 9);
    CHECK(!j.required_hit);
    journey_press(&j, W_NEXT, 0, NULL, 10);
    CHECK(journey_on(&j, "maybe"));
    CHECK(qview_skippable(&j));
    CHECK(!j.required_hit);
    journey_press(&j, W_SKIP, 0, NULL, 11);
    feedback_record rec;
    send(&j, &rec, 12);
    CHECK_JSON(&rec, "pick", "[\"x\", \"other\"]");
    CHECK_JSON(&rec, "pick_other", "null");
    CHECK_JSON(&rec, "say", "\"Hi\"");
    CHECK_JSON(&rec, "maybe", "null");
    feedback_record_release(&rec);
    journey_clear(&j);
    config_free(c);
}

/* choices with `max`: a tap beyond it is refused (j.full, said on screen); unpicking one makes
 * room again. */
static void choices_up_to_max(void) {
    config *c = load("consultations:\n"
                     "  - id: m\n"
                     "    title: M\n"
                     "    questions:\n"
                     "      - {id: two, type: choices, title: Two at most, max: 2, "
                     "options: [{id: a, label: A}, {id: b, label: B}, {id: c, label: C}]}\n");
    CHECK(c != NULL);
    if (!c) return;
    journey j;
    journey_init(&j, c);
    jt_start(&j, 0);
    CHECK_INT(journey_press(&j, W_OPTION, 0, NULL, 1), JOURNEY_REDRAW);
    CHECK_INT(journey_press(&j, W_OPTION, 1, NULL, 2), JOURNEY_REDRAW);
    CHECK(!j.full);
    CHECK_INT(journey_press(&j, W_OPTION, 2, NULL, 3), JOURNEY_REDRAW);
    CHECK(j.full);
    CHECK_INT(jt_answer(&j, "two")->picked, 3); /* unchanged */
    CHECK(journey_on(&j, "two"));
    CHECK_INT(journey_press(&j, W_OPTION, 7, NULL, 4), JOURNEY_IDLE); /* no such option */
    journey_press(&j, W_OPTION, 0, NULL, 5);
    CHECK(!j.full);
    journey_press(&j, W_OPTION, 2, NULL, 6);
    CHECK(!j.full);
    CHECK_INT(jt_answer(&j, "two")->picked, 6);
    journey_press(&j, W_NEXT, 0, NULL, 7);
    journey_review rv;
    journey_review_rows(&j, &rv);
    CHECK_INT(rv.n, 1);
    CHECK_STR(rv.value[0], "B, C");
    feedback_record rec;
    send(&j, &rec, 8);
    CHECK_JSON(&rec, "two", "[\"b\", \"c\"]");
    feedback_record_release(&rec);
    journey_clear(&j);
    config_free(c);
}

/* rank: options tapped in order; a tap on a ranked one takes it out and those after it move
 * up; up to `max`. Recorded as the ids in order. */
static void rank_in_order(void) {
    config *c = load("consultations:\n"
                     "  - id: r\n"
                     "    title: R\n"
                     "    questions:\n"
                     "      - {id: order, type: rank, title: Most important first, max: 3, "
                     "options: [{id: a, label: A}, {id: b, label: B}, {id: c, label: C}, {id: d, label: D}]}\n"
                     "      - {id: whyb, type: text, title: Why B?, show_if: {question: order, includes: b}}\n");
    CHECK(c != NULL);
    if (!c) return;
    journey j;
    journey_init(&j, c);
    jt_start(&j, 0);
    journey_press(&j, W_OPTION, 2, NULL, 1);
    journey_press(&j, W_OPTION, 0, NULL, 2);
    journey_press(&j, W_OPTION, 3, NULL, 3);
    const answer *a = jt_answer(&j, "order");
    CHECK_INT(a->n_order, 3);
    CHECK(a->order[0] == 2 && a->order[1] == 0 && a->order[2] == 3);
    journey_press(&j, W_OPTION, 1, NULL, 4); /* a fourth: refused */
    CHECK(j.full);
    CHECK_INT(a->n_order, 3);
    journey_press(&j, W_OPTION, 0, NULL, 5); /* A again: out, D moves up */
    CHECK(!j.full);
    CHECK_INT(a->n_order, 2);
    CHECK(a->order[0] == 2 && a->order[1] == 3);
    journey_press(&j, W_OPTION, 1, NULL, 6);
    CHECK_INT(a->n_order, 3);
    CHECK(a->order[2] == 1);
    CHECK(journey_on(&j, "order")); /* taps stay on the question */
    journey_press(&j, W_NEXT, 0, NULL, 7);
    CHECK(journey_on(&j, "whyb")); /* includes on a rank */
    journey_press(&j, W_SKIP, 0, NULL, 8);
    journey_review rv;
    journey_review_rows(&j, &rv);
    CHECK_STR(rv.value[0], "1 C, 2 D, 3 B");
    feedback_record rec;
    send(&j, &rec, 9);
    CHECK_JSON(&rec, "order", "[\"c\", \"d\", \"b\"]");
    feedback_record_release(&rec);
    journey_clear(&j);
    config_free(c);
}

/* number: typed on the number pad; out of its range (or not a number) refused with
 * j.invalid; in range, recorded as an integer. */
static void number_in_range(void) {
    config *c = load("consultations:\n"
                     "  - id: n\n"
                     "    title: N\n"
                     "    questions:\n"
                     "      - {id: age, type: number, title: How old are you?, min: 16, max: 120}\n"
                     "      - {id: answer, type: text, title: The answer?, show_if: {question: age, equals: 42}}\n");
    CHECK(c != NULL);
    if (!c) return;
    journey j;
    journey_init(&j, c);
    jt_start(&j, 0);
    CHECK(journey_on(&j, "age"));
    CHECK(journey_typing(&j));
    CHECK(j.kb.layout == number_pad(false)); /* digits, and no minus for 16 to 120 */
    journey_type(&j, "7", 1);
    CHECK_INT(journey_press(&j, W_NEXT, 0, NULL, 2), JOURNEY_REDRAW);
    CHECK(journey_on(&j, "age"));
    CHECK(j.invalid); /* below 16 */
    journey_type(&j, "21", 3); /* 721: the box holds three digits */
    CHECK(!j.invalid);
    CHECK_STR(jt_text(&j, "age"), "721");
    journey_press(&j, W_NEXT, 0, NULL, 4);
    CHECK(j.invalid); /* above 120 */
    for (int i = 0; i < 3; i++) journey_backspace(&j, 5);
    CHECK_STR(jt_text(&j, "age"), "");
    journey_type(&j, "4x", 6); /* from a real keyboard: only the digit goes in */
    CHECK_STR(jt_text(&j, "age"), "4");
    CHECK_INT(journey_type(&j, "x", 7), JOURNEY_IDLE);
    journey_type(&j, "2", 9);
    journey_press(&j, W_NEXT, 0, NULL, 10);
    CHECK(!j.invalid);
    CHECK(journey_on(&j, "answer")); /* equals on a number */
    journey_press(&j, W_BACK, 0, NULL, 11);
    CHECK(journey_on(&j, "age"));
    CHECK_STR(jt_text(&j, "age"), "42");
    journey_press(&j, W_NEXT, 0, NULL, 12);
    journey_press(&j, W_SKIP, 0, NULL, 13);
    feedback_record rec;
    send(&j, &rec, 14);
    CHECK(json_is_integer(jt_rec(&rec, "age")));
    CHECK_JSON(&rec, "age", "42");
    feedback_record_release(&rec);
    /* 100: in range; "answer" is not asked. */
    jt_start(&j, 100);
    journey_type(&j, "100", 101);
    journey_press(&j, W_NEXT, 0, NULL, 102);
    CHECK_INT(j.step, STEP_REVIEW);
    send(&j, &rec, 103);
    CHECK_JSON(&rec, "age", "100");
    feedback_record_release(&rec);
    journey_clear(&j);
    config_free(c);
}

/* place: pins dropped on the picture up to `max` (one more is refused with j.full), a pin
 * tapped is taken away; by keyboard the cursor moves in twentieths of the picture and drops
 * a pin where it is. Recorded as [[x, y], ...] in the picture's own pixels. */
static void place_pins(void) {
    config *c = load("consultations:\n"
                     "  - id: p\n"
                     "    title: P\n"
                     "    questions:\n"
                     "      - {id: spot, type: place, title: Where?, image: ../tests/fixtures/every-type/pixel.png, max: 2}\n");
    CHECK(c != NULL);
    if (!c) return;
    const question *q = &c->consultations[0].questions[0];
    CHECK_INT(q->image_w, 40);
    CHECK_INT(q->image_h, 30);
    journey j;
    journey_init(&j, c);
    jt_start(&j, 0);
    CHECK(journey_on(&j, "spot"));
    CHECK(!journey_typing(&j));
    CHECK_INT(j.cursor_x, 20);
    CHECK_INT(j.cursor_y, 15);
    const answer *a = jt_answer(&j, "spot");
    CHECK_INT(journey_place(&j, 5, 6, 1), JOURNEY_REDRAW);
    CHECK_INT(a->n_pins, 1);
    CHECK_INT(journey_place(&j, 40, 6, 2), JOURNEY_IDLE); /* beside the picture */
    CHECK_INT(a->n_pins, 1);
    journey_place(&j, 10, 12, 3);
    CHECK_INT(a->n_pins, 2);
    CHECK(!j.full);
    CHECK_INT(journey_place(&j, 1, 1, 4), JOURNEY_REDRAW);
    CHECK(j.full);
    CHECK_INT(a->n_pins, 2);
    /* A pin tapped: taken away. */
    CHECK_INT(journey_press(&j, W_PIN, 0, NULL, 5), JOURNEY_REDRAW);
    CHECK(!j.full);
    CHECK_INT(a->n_pins, 1);
    CHECK(a->pins[0].x == 10 && a->pins[0].y == 12);
    CHECK_INT(journey_press(&j, W_PIN, 3, NULL, 6), JOURNEY_IDLE); /* no such pin */
    CHECK_INT(journey_press(&j, W_OPTION, 0, NULL, 6), JOURNEY_IDLE);
    /* By keyboard: from the last tap, one step right and one up, then dropped. */
    CHECK_INT(journey_place_move(&j, 1, -1, 7), JOURNEY_REDRAW);
    CHECK(j.cursor_shown);
    CHECK_INT(j.cursor_x, 3);
    CHECK_INT(j.cursor_y, 0);
    journey_place_move(&j, 2, -3, 8); /* held at the edge */
    CHECK_INT(j.cursor_x, 7);
    CHECK_INT(j.cursor_y, 0);
    journey_place_move(&j, 100, 100, 8);
    CHECK_INT(j.cursor_x, 39);
    CHECK_INT(j.cursor_y, 29);
    CHECK_INT(journey_place_drop(&j, 9), JOURNEY_REDRAW);
    CHECK_INT(a->n_pins, 2);
    CHECK(a->pins[1].x == 39 && a->pins[1].y == 29);
    journey_press(&j, W_NEXT, 0, NULL, 10);
    feedback_record rec;
    send(&j, &rec, 11);
    CHECK_JSON(&rec, "spot", "[[10, 12], [39, 29]]");
    feedback_record_release(&rec);
    journey_clear(&j);
    config_free(c);
}

/* Consent is asked only when something that could be quoted was typed: free text, a first
 * name, or words for "Something else". */
static void consent_only_after_words(void) {
    config *c = load("");
    CHECK(c != NULL);
    if (!c) return;
    journey j;
    journey_init(&j, c);
    jt_start(&j, 0);
    for (int s = 0; s < 8 && j.step != STEP_REVIEW; s++) journey_press(&j, W_SKIP, 0, NULL, 1);
    CHECK_INT(j.step, STEP_REVIEW);
    CHECK_INT(journey_step_count(&j), 7); /* themes, rating, text, name, age, postcode, review */
    journey_press(&j, W_BACK, 0, NULL, 2);
    CHECK(journey_on(&j, "postcode_district"));
    /* A first name is quotable. */
    journey_press(&j, W_BACK, 0, NULL, 3);
    journey_press(&j, W_BACK, 0, NULL, 4);
    CHECK(journey_on(&j, "name"));
    journey_type(&j, "Ann", 5);
    CHECK_INT(journey_step_count(&j), 8);
    journey_press(&j, W_NEXT, 0, NULL, 6);
    journey_press(&j, W_SKIP, 0, NULL, 7);
    journey_press(&j, W_SKIP, 0, NULL, 8);
    CHECK(journey_on(&j, "consent_quote"));
    journey_clear(&j);
    config_free(c);

    c = load("consultations:\n"
             "  - id: q\n"
             "    title: Q\n"
             "    questions:\n"
             "      - {id: topic, type: choices, title: Topic, other: true, options: [{id: a, label: A}]}\n"
             "      - {id: words, type: text, title: Words}\n"
             "      - {id: ok, type: consent}\n");
    CHECK(c != NULL);
    if (!c) return;
    journey_init(&j, c);
    jt_start(&j, 0);
    journey_press(&j, W_OPTION, 1, NULL, 1);
    journey_press(&j, W_NEXT, 0, NULL, 2);
    CHECK(j.other_page);
    journey_press(&j, W_NEXT, 0, NULL, 3); /* the box left empty */
    CHECK(journey_on(&j, "words"));
    journey_type(&j, "  ", 4);
    journey_press(&j, W_NEXT, 0, NULL, 5);
    CHECK_INT(j.step, STEP_REVIEW); /* spaces are not words: no consent */
    journey_press(&j, W_BACK, 0, NULL, 6);
    journey_press(&j, W_BACK, 0, NULL, 7);
    CHECK(journey_on(&j, "topic"));
    CHECK(!j.other_page);
    journey_press(&j, W_NEXT, 0, NULL, 8);
    CHECK(j.other_page);
    journey_type(&j, "Bins", 9);
    journey_press(&j, W_NEXT, 0, NULL, 10);
    journey_press(&j, W_SKIP, 0, NULL, 11);
    CHECK(journey_on(&j, "ok")); /* the box's words could be quoted */
    journey_press(&j, W_CONSENT, 1, NULL, 12);
    feedback_record rec;
    send(&j, &rec, 13);
    CHECK_JSON(&rec, "ok", "true");
    CHECK_JSON(&rec, "topic_other", "\"Bins\"");
    CHECK_JSON(&rec, "words", "null");
    feedback_record_release(&rec);
    journey_clear(&j);
    config_free(c);
}

/* The record's "personal" list names what is sealed: first names, age bands, postcode
 * districts, free text and "Something else" words; not choices, faces or consent. */
static void personal_answers(void) {
    config *c = load("");
    CHECK(c != NULL);
    if (!c) return;
    journey j;
    journey_init(&j, c);
    jt_start(&j, 0);
    journey_press(&j, W_OPTION, c->n_themes, NULL, 1);
    journey_press(&j, W_NEXT, 0, NULL, 2);
    journey_type(&j, "Trams", 3);
    journey_press(&j, W_NEXT, 0, NULL, 4);
    journey_press(&j, W_POINT, 3, NULL, 5);
    journey_type(&j, "More trees", 6);
    journey_press(&j, W_NEXT, 0, NULL, 7);
    journey_type(&j, "Ann", 8);
    journey_press(&j, W_NEXT, 0, NULL, 9);
    journey_press(&j, W_OPTION, 2, NULL, 10);
    journey_type(&j, "S60", 11);
    journey_press(&j, W_NEXT, 0, NULL, 12);
    journey_press(&j, W_CONSENT, 0, NULL, 13);
    feedback_record rec;
    send(&j, &rec, 14);
    CHECK_JSON(&rec, "text", "\"More trees\"");
    CHECK_JSON(&rec, "name", "\"Ann\"");
    CHECK_JSON(&rec, "age_band", "\"18-24\"");
    CHECK_JSON(&rec, "postcode_district", "\"S60\"");
    CHECK_JSON(&rec, "themes_other", "\"Trams\"");
    CHECK(personal(&rec, "name"));
    CHECK(personal(&rec, "age_band"));
    CHECK(personal(&rec, "postcode_district"));
    CHECK(personal(&rec, "themes_other"));
    if (!personal(&rec, "text")) fprintf(stderr, "free text is not in the record's personal list: it would not be sealed\n");
    CHECK(personal(&rec, "text"));
    CHECK(!personal(&rec, "themes") && !personal(&rec, "rating") && !personal(&rec, "consent_quote"));
    feedback_record_release(&rec);
    journey_clear(&j);
    config_free(c);
}

/* journey_init on a journey that was used (the kiosk does it when staff change the config;
 * a screen test does it between inputs), as it did before consultations: what was typed is
 * gone, and the next visitor's boxes start empty. */
static void init_after_use_starts_empty(void) {
    config *c = load("");
    CHECK(c != NULL);
    if (!c) return;
    journey *j = calloc(1, sizeof *j);
    journey_init(j, c);
    jt_start(j, 0);
    journey_press(j, W_NEXT, 0, NULL, 1);
    journey_press(j, W_NEXT, 0, NULL, 2);
    CHECK(journey_on(j, "text"));
    journey_type(j, "Private words", 3);
    journey_init(j, c);
    bool left = false;
    for (size_t i = 0; i + 7 <= sizeof j->texts; i++) left |= !memcmp(j->texts + i, "Private", 7);
    if (left) fprintf(stderr, "journey_init left the last visitor's words in memory\n");
    CHECK(!left);
    jt_start(j, 10);
    journey_press(j, W_NEXT, 0, NULL, 11);
    journey_press(j, W_NEXT, 0, NULL, 12);
    CHECK(journey_on(j, "text"));
    CHECK_STR(jt_text(j, "text"), "");
    journey_clear(j);
    free(j);
    config_free(c);
}

/* A long review's pages: More goes to the page it names, Back comes back a page before it
 * leaves the review, and arriving at the review again starts on its first page. */
static void review_pages(void) {
    config *c = load("feedback:\n  steps: {rating: false}\n");
    CHECK(c != NULL);
    if (!c) return;
    journey j;
    journey_init(&j, c);
    jt_start(&j, 0);
    for (int i = 0; i < 8 && j.step != STEP_REVIEW; i++) journey_press(&j, W_SKIP, 0, NULL, 1);
    CHECK_INT(j.step, STEP_REVIEW);
    CHECK_INT(journey_press(&j, W_MORE, 1, NULL, 2), JOURNEY_REDRAW);
    CHECK_INT(j.review_page, 1);
    CHECK_INT(journey_press(&j, W_MORE, -1, NULL, 3), JOURNEY_IDLE);
    CHECK_INT(journey_press(&j, W_BACK, 0, NULL, 4), JOURNEY_REDRAW);
    CHECK_INT(j.step, STEP_REVIEW);
    CHECK_INT(j.review_page, 0);
    journey_press(&j, W_BACK, 0, NULL, 5); /* off the review, to the last question */
    CHECK(j.step == STEP_QUESTION);
    journey_press(&j, W_MORE, 1, NULL, 6); /* only the review has pages */
    CHECK_INT(j.review_page, 0);
    journey_press(&j, W_SKIP, 0, NULL, 7);
    CHECK_INT(j.step, STEP_REVIEW);
    CHECK_INT(j.review_page, 0);
    journey_clear(&j);
    config_free(c);
}

int main(void) {
    RUN(notice_on_its_own_page);
    RUN(postcode_districts);
    RUN(postcode_in_the_journey);
    RUN(steps_switched_off_are_passed_over);
    RUN(themes_and_something_else);
    RUN(idle_question_then_clear);
    RUN(failed_save_is_not_thanked);
    RUN(show_if_skips_questions);
    RUN(hidden_answer_records_null);
    RUN(show_if_on_a_hidden_question);
    RUN(required_refuses_next);
    RUN(choices_up_to_max);
    RUN(rank_in_order);
    RUN(number_in_range);
    RUN(place_pins);
    RUN(consent_only_after_words);
    RUN(personal_answers);
    RUN(init_after_use_starts_empty);
    RUN(review_pages);
    return check_report();
}
