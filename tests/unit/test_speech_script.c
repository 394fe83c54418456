/* speech_script: what "Listen" says is what the screen shows, in the screen's language: every
 * slide's heading and words, and each feedback step's question with all its choices. Checked on
 * the shipped Rotherham config in English and in Polish. */
#include <stdlib.h>

#include "check.h"
#include "config/config.h"
#include "content/content.h"
#include "core/numfmt.h"
#include "journey_test.h"
#include "live_fixture.h"
#include "speech/speech_script.h"
#include "text/utf8.h"

static const config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
static char buf[SPEECH_SCRIPT_MAX];

static config *shipped(void) {
    static diag_list d;
    config *c = config_load(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", &opt, &d);
    if (!c) diag_print(&d, stderr);
    return c;
}

static const config *in(const config *c, const char *code) {
    int li = config_language_index(c, code);
    CHECK(li >= 0);
    return li >= 0 ? c->by_lang[li] : c;
}

static const slide *first_of(const config *c, slide_type t) {
    for (int i = 0; i < c->n_slides; i++)
        if (c->slides[i].type == t) return &c->slides[i];
    return NULL;
}

/* Every slide says something, starting with its heading (an image: its description). */
static void every_slide_in(const config *c) {
    pk_date as_of = content_as_of(c, (pk_date){2026, 1, 1});
    for (int i = 0; i < c->n_slides; i++) {
        const slide *s = &c->slides[i];
        size_t n = speech_script_slide(c, s, NULL, as_of, buf, sizeof buf);
        CHECK(n > 0);
        CHECK_INT(n, strlen(buf));
        const char *head = s->type == SLIDE_IMAGE ? s->alt : s->title;
        if (head) {
            CHECK_CONTAINS(buf, head);
            CHECK(strncmp(buf, head, strlen(head)) == 0); /* the heading comes first */
        }
    }
}

static void slides_english_and_polish(void) {
    config *c = shipped();
    CHECK(c != NULL);
    if (!c) return;
    every_slide_in(in(c, "en"));
    every_slide_in(in(c, "pl"));
    config_free(c);
}

/* The words of each kind of slide, as its layout shows them. */
static void slide_contents(void) {
    config *c = shipped();
    if (!c) return;
    const config *pl = in(c, "pl");
    pk_date as_of = content_as_of(pl, (pk_date){2026, 1, 1});
    char num[64];

    const slide *s = first_of(pl, SLIDE_THEMES);
    CHECK(s != NULL);
    speech_script_slide(pl, s, NULL, as_of, buf, sizeof buf);
    for (int i = 0; i < pl->n_themes; i++) CHECK_CONTAINS(buf, pl->themes[i].name);
    CHECK_CONTAINS(buf, "Silniejsze społeczności"); /* Polish, not the English fallback */

    s = first_of(pl, SLIDE_HIGHLIGHTS);
    speech_script_slide(pl, s, NULL, as_of, buf, sizeof buf);
    for (int i = 0; i < s->n_highlights; i++) {
        const highlight *h = &s->highlights[i];
        CHECK_CONTAINS(buf,
                       numfmt_format(h->value, h->decimals, h->prefix, h->suffix, num, sizeof num));
        CHECK_CONTAINS(buf, h->caption);
    }

    s = first_of(pl, SLIDE_MILESTONES);
    speech_script_slide(pl, s, NULL, as_of, buf, sizeof buf);
    for (int i = 0; i < s->n_milestones; i++) {
        const milestone *m = &s->milestones[i];
        CHECK_CONTAINS(buf, m->title);
        CHECK_CONTAINS(buf,
                       date_format_months(m->date, pl->feedback.ui + UI_MONTH_LONG_1, num, sizeof num));
        CHECK_CONTAINS(buf, pl->feedback.ui[UI_STATUS_DONE + content_milestone_status(m, as_of)]);
    }
    CHECK_CONTAINS(buf, "Zakończone"); /* as_of 2017-10: the first milestones are done */
    CHECK_CONTAINS(buf, "wrzesień 2017"); /* months read in full, not "wrz" as on screen */

    s = first_of(pl, SLIDE_INDICATORS);
    speech_script_slide(pl, s, NULL, as_of, buf, sizeof buf);
    for (int g = 0; g < s->n_groups; g++) {
        CHECK_CONTAINS(buf, s->groups[g].name);
        for (int i = 0; i < s->groups[g].n_items; i++)
            CHECK_CONTAINS(buf, s->groups[g].items[i].text);
    }

    s = first_of(pl, SLIDE_QUOTE);
    speech_script_slide(pl, s, NULL, as_of, buf, sizeof buf);
    CHECK_CONTAINS(buf, s->intro);
    for (int i = 0; i < s->n_quotes; i++) {
        CHECK_CONTAINS(buf, s->quotes[i].text);
        CHECK_CONTAINS(buf, content_quote_who(pl, &s->quotes[i], num, sizeof num));
    }
    CHECK_CONTAINS(buf, "Lillie Rose, wiek 6"); /* the age in Polish wording */

    s = first_of(pl, SLIDE_CALL_TO_ACTION);
    speech_script_slide(pl, s, NULL, as_of, buf, sizeof buf);
    CHECK_CONTAINS(buf, s->button ? s->button : pl->feedback.button);

    s = first_of(pl, SLIDE_IMAGE);
    speech_script_slide(pl, s, NULL, as_of, buf, sizeof buf);
    CHECK_CONTAINS(buf, s->alt);
    if (s->caption) CHECK_CONTAINS(buf, s->caption);
    config_free(c);
}

/* Parts become sentences: the voice pauses between a heading and what follows. */
static void sentences(void) {
    config *c = shipped();
    if (!c) return;
    const config *en = in(c, "en");
    const slide *s = first_of(en, SLIDE_TITLE);
    speech_script_slide(en, s, NULL, en->loop.as_of, buf, sizeof buf);
    char want[400];
    snprintf(want, sizeof want, "%s.\n%s", s->title, s->subtitle);
    CHECK_CONTAINS(buf, want);
    CHECK(buf[strlen(buf) - 1] == '\n');
    CHECK(strstr(buf, "..") == NULL && strstr(buf, "?.") == NULL);
    /* A small buffer is cut at a whole character, never inside one, and still ends. */
    const config *ur = in(c, "ur");
    char small[21];
    for (size_t size = 2; size <= sizeof small; size++) {
        size_t n = speech_script_slide(ur, first_of(ur, SLIDE_TITLE), NULL, ur->loop.as_of, small, size);
        CHECK(n < size);
        CHECK_INT(n, strlen(small));
        CHECK(utf8_valid(small, n));
    }
    config_free(c);
}

static journey jr; /* large: off the stack */

/* The journey is on question `id` and its script holds each of the (NULL-terminated) words. */
static void says_(const char *file, int line, const char *id, const char *const *words) {
    if (!journey_on(&jr, id)) {
        const question *q = journey_question(&jr);
        fprintf(stderr, "%s:%d: on %s, not %s\n", file, line, q ? q->id : journey_step_name(jr.step), id);
    }
    CHECK(journey_on(&jr, id));
    speech_script_step(&jr, 0, buf, sizeof buf);
    for (int i = 0; words[i]; i++) CHECK_CONTAINS(buf, words[i]);
}
#define SAYS(id, ...) says_(__FILE__, __LINE__, id, (const char *const[]){__VA_ARGS__, NULL})

/* Each of the (NULL-terminated) words is in buf, in this order. */
static void in_order_(const char *file, int line, const char *const *words) {
    const char *at = buf;
    for (int i = 0; words[i]; i++) {
        const char *found = strstr(at, words[i]);
        if (!found) fprintf(stderr, "%s:%d: \"%s\" not after \"%s\"\n", file, line, words[i], i ? words[i - 1] : "the start");
        CHECK(found != NULL);
        if (found) at = found + strlen(words[i]);
    }
}
#define IN_ORDER(...) in_order_(__FILE__, __LINE__, (const char *const[]){__VA_ARGS__, NULL})

static void steps_in(const config *c) {
    const char *const *ui = c->feedback.ui;
    const consultation *k = &c->consultations[0];
    journey_init(&jr, c);
    CHECK_INT(speech_script_step(&jr, 0, buf, sizeof buf), 0); /* no journey: nothing to say */
    jt_start(&jr, 0);
    CHECK(journey_on(&jr, "themes"));
    speech_script_step(&jr, 0, buf, sizeof buf);
    CHECK(strncmp(buf, ui[UI_CHOICE_TITLE], strlen(ui[UI_CHOICE_TITLE])) == 0);
    for (int i = 0; i < c->n_themes; i++) CHECK_CONTAINS(buf, c->themes[i].name);
    CHECK_CONTAINS(buf, ui[UI_SOMETHING_ELSE]);
    /* The options in the order they are shown, "Something else" last. */
    for (int i = 0; i < c->n_themes; i++) {
        const char *a = strstr(buf, c->themes[i].name), *b = strstr(buf, ui[UI_SOMETHING_ELSE]);
        CHECK(a && b && a < b);
        if (i > 0) CHECK(strstr(buf, c->themes[i - 1].name) < a);
    }
    journey_press(&jr, W_OPTION, 1, NULL, 0);
    /* "Something else": its box asks what, and reads back what was typed. */
    journey_press(&jr, W_OPTION, c->n_themes, NULL, 0);
    journey_press(&jr, W_NEXT, 0, NULL, 0);
    CHECK(jr.other_page);
    SAYS("themes", ui[UI_OTHER_TITLE]);
    journey_type(&jr, "Lodowisko", 0);
    SAYS("themes", ui[UI_OTHER_TITLE], "Lodowisko");
    journey_press(&jr, W_BACK, 0, NULL, 0);
    journey_press(&jr, W_OPTION, c->n_themes, NULL, 0); /* not after all */
    journey_press(&jr, W_NEXT, 0, NULL, 0);

    SAYS("rating", ui[UI_RATING_TITLE], ui[UI_RATING_1], ui[UI_RATING_2], ui[UI_RATING_3],
         ui[UI_RATING_4], ui[UI_RATING_5]);
    IN_ORDER(ui[UI_RATING_TITLE], ui[UI_RATING_1], ui[UI_RATING_2], ui[UI_RATING_3], ui[UI_RATING_4], ui[UI_RATING_5]);
    journey_press(&jr, W_POINT, 4, NULL, 0); /* a face moves on by itself */

    SAYS("text", k->title, ui[UI_TEXT_HINT]);
    journey_type(&jr, "Więcej drzew", 0);
    speech_script_step(&jr, 0, buf, sizeof buf);
    CHECK_CONTAINS(buf, "Więcej drzew"); /* what was typed is read back, as shown */
    CHECK(strstr(buf, ui[UI_TEXT_HINT]) == NULL);
    journey_press(&jr, W_NEXT, 0, NULL, 0);

    SAYS("name", ui[UI_NAME_TITLE]);
    journey_press(&jr, W_SKIP, 0, NULL, 0);
    SAYS("age_band", ui[UI_AGE_TITLE], ui[UI_AGE_1], ui[UI_AGE_2], ui[UI_AGE_3], ui[UI_AGE_4],
         ui[UI_AGE_5], ui[UI_AGE_6]);
    IN_ORDER(ui[UI_AGE_TITLE], ui[UI_AGE_1], ui[UI_AGE_2], ui[UI_AGE_3], ui[UI_AGE_4], ui[UI_AGE_5], ui[UI_AGE_6]);
    journey_press(&jr, W_OPTION, 2, NULL, 0);
    SAYS("postcode_district", ui[UI_POSTCODE_TITLE], ui[UI_POSTCODE_HINT]);
    /* A postcode that is not a district: the message is read too. */
    journey_type(&jr, "ZZZZ", 0);
    journey_press(&jr, W_NEXT, 0, NULL, 0);
    CHECK(jr.invalid);
    SAYS("postcode_district", ui[UI_POSTCODE_INVALID]);
    journey_press(&jr, W_SKIP, 0, NULL, 0);
    SAYS("consent_quote", ui[UI_CONSENT_TITLE], k->privacy_notice, ui[UI_CONSENT_QUESTION],
         ui[UI_YES], ui[UI_NO]);
    journey_press(&jr, W_CONSENT, 0, NULL, 0);

    CHECK_INT(jr.step, STEP_REVIEW);
    speech_script_step(&jr, 0, buf, sizeof buf);
    CHECK_CONTAINS(buf, ui[UI_REVIEW_TITLE]);
    /* Each row as "label: what was entered", the skipped ones with the screen's "none". */
    const char *const rows[][2] = {{ui[UI_REVIEW_THEMES], c->themes[1].name},
                                   {ui[UI_REVIEW_RATING], ui[UI_RATING_4]},
                                   {ui[UI_REVIEW_TEXT], "Więcej drzew"},
                                   {ui[UI_REVIEW_AGE], ui[UI_AGE_3]},
                                   {ui[UI_REVIEW_NAME], ui[UI_REVIEW_NONE]},
                                   {ui[UI_REVIEW_POSTCODE], ui[UI_REVIEW_NONE]},
                                   {ui[UI_REVIEW_QUOTE], ui[UI_NO]}};
    char row[300];
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        snprintf(row, sizeof row, "%s: %s", rows[i][0], rows[i][1]);
        CHECK_CONTAINS(buf, row);
    }
    CHECK(strstr(buf, "Lodowisko") == NULL); /* "Something else" was unticked: its words are not read */

    /* Left alone: "Are you still there?" is what the screen says now. */
    uint64_t idle = (uint64_t)c->feedback.idle_seconds * 1000 + 1;
    journey_tick(&jr, idle);
    CHECK(jr.still_there);
    speech_script_step(&jr, idle, buf, sizeof buf);
    CHECK(strncmp(buf, ui[UI_STILL_TITLE], strlen(ui[UI_STILL_TITLE])) == 0);
    CHECK_CONTAINS(buf, ui[UI_STILL_CONTINUE]);
    snprintf(row, sizeof row, "%d", c->feedback.still_there_seconds);
    CHECK_CONTAINS(buf, row);
    journey_press(&jr, W_CONTINUE, 0, NULL, idle);

    journey_press(&jr, W_SEND, 0, NULL, idle);
    journey_sent(&jr, true, NULL, idle);
    CHECK_INT(jr.step, STEP_THANKS);
    speech_script_step(&jr, idle, buf, sizeof buf);
    CHECK_CONTAINS(buf, k->thanks_title);
    CHECK_CONTAINS(buf, k->thanks_body);
    CHECK_CONTAINS(buf, ui[UI_THANKS_TITLE]); /* the shipped consultation keeps the kiosk's words */
    CHECK_CONTAINS(buf, ui[UI_THANKS_BODY]);
    journey_clear(&jr);
}

static void steps_english_and_polish(void) {
    config *c = shipped();
    if (!c) return;
    steps_in(in(c, "en"));
    steps_in(in(c, "pl"));
    /* The Polish journey speaks Polish. */
    journey_init(&jr, in(c, "pl"));
    jt_start(&jr, 0);
    speech_script_step(&jr, 0, buf, sizeof buf);
    CHECK_CONTAINS(buf, "Co jest dla ciebie najważniejsze?");
    journey_clear(&jr);
    config_free(c);
}

/* The other kinds of question: the intro page, a choice's options in order, a scale with its
 * ends, a rank's hint, and what was refused just now (a required answer, a number out of
 * range, one choice too many) is read too. */
static void other_questions(void) {
    const char *yaml =
        "plankiosk: 1\nkiosk: {id: k, location: here}\nplan: {title: T}\n"
        "slides:\n  - {type: title, title: Hello}\n"
        "consultations:\n"
        "  - id: bus\n"
        "    title: Buses\n"
        "    intro: A few questions about the buses.\n"
        "    thanks_title: Ta very much\n"
        "    thanks_body: We will read every answer.\n"
        "    questions:\n"
        "      - {id: how, type: choice, title: How do you travel?, required: true, "
        "options: [{id: walk, label: Walking}, {id: bus, label: By bus}, {id: car, label: By car}]}\n"
        "      - {id: likely, type: scale, title: Would you take the bus?, low: Never, high: Every day}\n"
        "      - {id: stops, type: choices, title: Which stops?, max: 1, "
        "options: [{id: a, label: Market stop}, {id: b, label: Station stop}]}\n"
        "      - {id: age, type: number, title: How old are you?, min: 16, max: 99}\n"
        "      - {id: order, type: rank, title: Most important first, "
        "options: [{id: price, label: Price}, {id: time, label: Time}]}\n";
    diag_list d = {0};
    config *c = config_load_string(yaml, "t.yaml", TEST_SOURCE_DIR "/config", &opt, &d);
    diag_print(&d, stderr);
    CHECK(c != NULL);
    if (!c) return;
    const char *const *ui = c->feedback.ui;
    journey_init(&jr, c);
    jt_start(&jr, 0);
    CHECK_INT(jr.step, STEP_INTRO);
    speech_script_step(&jr, 0, buf, sizeof buf);
    IN_ORDER("Buses", "A few questions about the buses.");
    journey_press(&jr, W_NEXT, 0, NULL, 0);
    SAYS("how", "How do you travel?", "Walking", "By bus", "By car");
    IN_ORDER("How do you travel?", "Walking", "By bus", "By car");
    CHECK(strstr(buf, ui[UI_REQUIRED]) == NULL);
    journey_press(&jr, W_NEXT, 0, NULL, 0);
    SAYS("how", ui[UI_REQUIRED]); /* Next without an answer: said why */
    journey_press(&jr, W_OPTION, 1, NULL, 0);
    SAYS("likely", "Would you take the bus?", "0", "Never", "10", "Every day");
    IN_ORDER("Would you take the bus?", "0", "Never", "10", "Every day");
    journey_press(&jr, W_POINT, 7, NULL, 0);
    journey_press(&jr, W_OPTION, 0, NULL, 0);
    journey_press(&jr, W_OPTION, 1, NULL, 0); /* one too many */
    CHECK(jr.full);
    char want[300];
    const char *tmpl = ui[UI_CHOICES_FULL], *pct = strstr(tmpl, "%d");
    if (pct) snprintf(want, sizeof want, "%.*s1%s", (int)(pct - tmpl), tmpl, pct + 2);
    else snprintf(want, sizeof want, "%s", tmpl);
    SAYS("stops", "Market stop", "Station stop", want);
    journey_press(&jr, W_NEXT, 0, NULL, 0);
    journey_type(&jr, "12", 0);
    journey_press(&jr, W_NEXT, 0, NULL, 0);
    CHECK(jr.invalid);
    SAYS("age", "How old are you?", "12", "16", "99"); /* the range, in the message */
    CHECK(strstr(buf, ui[UI_POSTCODE_INVALID]) == NULL);
    journey_backspace(&jr, 0);
    journey_backspace(&jr, 0);
    journey_type(&jr, "61", 0);
    journey_press(&jr, W_NEXT, 0, NULL, 0);
    SAYS("order", "Most important first", ui[UI_RANK_HINT], "Price", "Time");
    journey_press(&jr, W_OPTION, 1, NULL, 0);
    journey_press(&jr, W_OPTION, 0, NULL, 0);
    journey_press(&jr, W_NEXT, 0, NULL, 0);
    CHECK_INT(jr.step, STEP_REVIEW);
    speech_script_step(&jr, 0, buf, sizeof buf);
    CHECK_CONTAINS(buf, "By bus");
    CHECK_CONTAINS(buf, "Market stop");
    CHECK_CONTAINS(buf, "61");
    CHECK_CONTAINS(buf, "1 Time, 2 Price");
    journey_press(&jr, W_SEND, 0, NULL, 0);
    journey_sent(&jr, true, NULL, 0);
    speech_script_step(&jr, 0, buf, sizeof buf);
    IN_ORDER("Ta very much", "We will read every answer.");
    journey_clear(&jr);
    config_free(c);
}

/* An indicator's value is read with its unit as it is shown: "22 days", "45%". */
static void indicator_units(void) {
    const char *yaml = "plankiosk: 1\nkiosk: {id: k, location: here}\nplan: {title: T}\n"
                       "slides:\n  - type: indicators\n    title: How we are doing\n    groups:\n"
                       "      - name: Waiting\n        items:\n"
                       "          - {text: Days to a first appointment, direction: fewer, unit: days, series: [30, 22]}\n"
                       "          - {text: People who feel safe, direction: more, unit: \"%\", series: [40, 45]}\n";
    diag_list d = {0};
    config *c = config_load_string(yaml, "t.yaml", TEST_SOURCE_DIR "/config", &opt, &d);
    diag_print(&d, stderr);
    CHECK(c != NULL);
    if (!c) return;
    speech_script_slide(c, &c->slides[0], NULL, (pk_date){2026, 5, 1}, buf, sizeof buf);
    CHECK_CONTAINS(buf, "22 days");
    CHECK_CONTAINS(buf, "45%");
    config_free(c);
}

/* The live slides read what they show: the page of quotes with who said them and, where it
 * differs, the language's own name; the people, the question and each bar as "label: share"
 * (a ranking as its order) and the caption; each pair. Without live data: the heading alone. */
static void live_slides(void) {
    config *c = shipped();
    CHECK(c != NULL);
    if (!c) return;
    slide_live *lv = calloc(1, sizeof *lv);
    int first = live_fixture_add(c, lv, 1204);
    live_fixture_quotes(lv, c->consultations[0].id, false);
    const config *en = in(c, "en");
    pk_date day = {2026, 6, 1};
    const slide *ys = &en->slides[first];
    lv->quote_turn = 0;
    speech_script_slide(en, ys, lv, day, buf, sizeof buf);
    CHECK(!strncmp(buf, en->consultations[0].title, strlen(en->consultations[0].title)));
    CHECK_CONTAINS(buf, "More benches in the town centre, please");
    CHECK_CONTAINS(buf, "Margaret, 65 or over.");
    CHECK_CONTAINS(buf, "بچوں کے لیے");
    CHECK_CONTAINS(buf, "Noor, 25 to 44.");
    CHECK_CONTAINS(buf, "\nاردو.\n"); /* the tag, as on the card */
    CHECK_CONTAINS(buf, "Zofia");
    CHECK(!strstr(buf, "Marek")); /* the next page's */
    CHECK_CONTAINS(buf, en->feedback.ui[UI_YOU_SAID_CHECKED]);
    /* The next turn reads the next page, as the slide shows it. */
    lv->quote_turn = 3;
    speech_script_slide(en, ys, lv, day, buf, sizeof buf);
    CHECK_CONTAINS(buf, "Marek");
    CHECK(!strstr(buf, "Margaret"));
    /* Results: the people, the question, the bars most first, the caption. */
    const slide *rs = &en->slides[first + 1];
    CHECK_INT(rs->type, SLIDE_RESULTS);
    speech_script_slide(en, rs, lv, day, buf, sizeof buf);
    CHECK_CONTAINS(buf, "1,204 people have had their say.");
    const results_tally *t = &lv->results[first + 1];
    const question *q = &en->consultations[t->consultation].questions[t->question];
    char line[300];
    snprintf(line, sizeof line, "%s: %d%%.", q->options[t->order[0]].label,
             (int)((t->counts[t->order[0]] * 100 + t->people / 2) / t->people));
    CHECK_CONTAINS(buf, line);
    CHECK_CONTAINS(buf, "1,204 people at 3 kiosks since 1 March.");
    /* Below the minimum, or no data: the heading alone. */
    speech_script_slide(en, rs, NULL, day, buf, sizeof buf);
    CHECK_STR(buf, "What people are saying so far.\n");
    speech_script_slide(en, ys, NULL, day, buf, sizeof buf);
    CHECK(strchr(buf, '\n') == buf + strlen(buf) - 1);
    /* We did: each pair, when, the picture described. */
    const slide *wd = &en->slides[en->n_slides - 1];
    CHECK_INT(wd->type, SLIDE_WE_DID);
    speech_script_slide(en, wd, NULL, day, buf, sizeof buf);
    CHECK_CONTAINS(buf, "You said \u00B7 We did.\nYou said: More benches in the town centre.\n"
                        "We did: Twelve new benches on All Saints' Square and Howard Street.\nMarch 2026.\n");
    /* In Polish: the Polish quote has no tag, the English one is named in English. */
    const config *pl = in(c, "pl");
    lv->quote_turn = 0;
    speech_script_slide(pl, &pl->slides[first], lv, day, buf, sizeof buf);
    CHECK_CONTAINS(buf, "\nEnglish.\n");
    CHECK(!strstr(buf, "Polski"));
    free(lv);
    config_free(c);
}

int main(void) {
    RUN(slides_english_and_polish);
    RUN(indicator_units);
    RUN(slide_contents);
    RUN(sentences);
    RUN(steps_english_and_polish);
    RUN(other_questions);
    RUN(live_slides);
    return check_report();
}
