/* live: what the you_said and results slides are given to show (content/live.h), on the shipped
 * config: a you_said slide with no quote, and a results slide below its minimum or not yet
 * gathered, are not ready (the loop skips them); quotes are those of the slide's consultation,
 * newest first, a page at a time, another page on the next turn, every quote in turn; who said
 * it carries the age band in the language shown; a quote in another language is named in its
 * own; bars come most first, faces in order, a ranking by points; the caption fills its
 * number, kiosks and date in the language shown. Pure: no fonts, no screen. */
#include <stdlib.h>

#include "check.h"
#include "config/config.h"
#include "content/live.h"
#include "live_fixture.h"

static config *root;
static slide_live *lv;
static int added; /* the first slide the fixture added */

static const config *lang(const char *code) { return root->by_lang[config_language_index(root, code)]; }

static int first_of(const config *c, slide_type t) {
    for (int i = added; i < c->n_slides; i++)
        if (c->slides[i].type == t) return i;
    return -1;
}

/* The results slide of question id, or -1. */
static int results_of(const config *c, const char *id) {
    for (int i = added; i < c->n_slides; i++) {
        const slide *s = &c->slides[i];
        if (s->type == SLIDE_RESULTS && !strcmp(c->consultations[s->consultation].questions[s->question].id, id))
            return i;
    }
    return -1;
}

static void nothing_to_show_is_skipped(void) {
    const config *c = lang("en");
    int ys = first_of(c, SLIDE_YOU_SAID), rs = results_of(c, "themes"), wd = first_of(c, SLIDE_WE_DID);
    CHECK(ys >= 0 && rs >= 0 && wd >= 0);
    CHECK(live_slide_ready(lv, c, ys));
    CHECK(live_slide_ready(lv, c, rs));
    CHECK(live_slide_ready(lv, c, wd));
    CHECK(live_slide_ready(lv, c, 0)); /* any other slide */
    /* No live data yet: neither live slide shows; the others do. */
    CHECK(!live_slide_ready(NULL, c, ys));
    CHECK(!live_slide_ready(NULL, c, rs));
    CHECK(live_slide_ready(NULL, c, wd));
    slide_live *none = calloc(1, sizeof *none);
    CHECK(!live_slide_ready(none, c, ys));
    CHECK(!live_slide_ready(none, c, rs)); /* not gathered yet */
    /* Below the minimum: 9 of 10 people. At it: shown. */
    none->has_results[rs] = true;
    live_fixture_tally(&none->results[rs], c, c->slides[rs].consultation, c->slides[rs].question, 9);
    CHECK(!live_slide_ready(none, c, rs));
    CHECK(live_tally(none, c, rs) == NULL);
    live_fixture_tally(&none->results[rs], c, c->slides[rs].consultation, c->slides[rs].question, 10);
    CHECK(live_slide_ready(none, c, rs));
    /* Quotes of another consultation only: a slide naming its own has none. */
    live_fixture_quotes(none, "another-consultation", false);
    slide own = c->slides[ys];
    own.consultation = 0;
    const live_quote *q[LIVE_MAX_QUOTES];
    CHECK_INT(live_quotes_for(none, c, &own, q, LIVE_MAX_QUOTES), 0);
    own.consultation = -1; /* every consultation's */
    CHECK_INT(live_quotes_for(none, c, &own, q, LIVE_MAX_QUOTES), none->n_quotes);
    free(none);
}

static void pages_turn(void) {
    const config *c = lang("en");
    const slide *s = &c->slides[first_of(c, SLIDE_YOU_SAID)];
    const live_quote *all[LIVE_MAX_QUOTES], *page[4], *next[4];
    int n = live_quotes_for(lv, c, s, all, LIVE_MAX_QUOTES);
    CHECK_INT(n, lv->n_quotes);
    for (int i = 1; i < n; i++) CHECK(all[i]->utc <= all[i - 1]->utc); /* newest first */
    lv->quote_turn = 0;
    CHECK_INT(live_quotes_page(lv, c, s, page, 4), 3); /* per_page */
    CHECK(page[0] == all[0] && page[2] == all[2]);
    lv->quote_turn = 3;
    CHECK_INT(live_quotes_page(lv, c, s, next, 4), 3);
    for (int i = 0; i < 3; i++)
        for (int k = 0; k < 3; k++) CHECK(next[i] != page[k]);
    /* Round the end: the last quotes, then the first again. */
    lv->quote_turn = n - 1;
    CHECK_INT(live_quotes_page(lv, c, s, next, 4), 3);
    CHECK(next[0] == all[n - 1] && next[1] == all[0] && next[2] == all[1]);
    /* Every quote comes in turn as the loop turns a page each pass. */
    bool seen[LIVE_MAX_QUOTES] = {false};
    for (int turn = 0; turn < n; turn++) {
        lv->quote_turn = turn * 3;
        int k = live_quotes_page(lv, c, s, next, 4);
        for (int i = 0; i < k; i++) seen[next[i] - lv->quotes] = true;
    }
    for (int i = 0; i < n; i++) CHECK(seen[i]);
    /* Fewer than a page: all of them, each once. */
    slide_live *two = calloc(1, sizeof *two);
    *two = *lv;
    two->n_quotes = 2;
    two->quote_turn = 5;
    CHECK_INT(live_quotes_page(two, c, s, next, 4), 2);
    CHECK(next[0] == &two->quotes[0] && next[1] == &two->quotes[1]);
    free(two);
    lv->quote_turn = 0;
}

static void who_and_language(void) {
    char who[200];
    live_quote q = {.consultation = "plan-2025", .lang = "pl", .name = "Zofia", .age_band = "45-64"};
    CHECK_STR(live_quote_who(lang("en"), &q, who, sizeof who), "Zofia, 45 to 64");
    CHECK_STR(live_quote_language(lang("en"), &q), "Polski");
    CHECK(live_quote_language(lang("pl"), &q) == NULL); /* shown in its own language: no tag */
    /* The band in the language shown, from its consultation's age band question. */
    const config *pl = lang("pl");
    const question *band = NULL;
    for (int i = 0; i < pl->consultations[0].n_questions; i++)
        if (pl->consultations[0].questions[i].type == Q_AGE_BAND) band = &pl->consultations[0].questions[i];
    CHECK(band != NULL);
    if (band) {
        char want[200];
        snprintf(want, sizeof want, "Zofia, %s", band->options[consult_option_index(band, "45-64")].label);
        CHECK_STR(live_quote_who(pl, &q, who, sizeof who), want);
    }
    q.name[0] = '\0';
    snprintf(q.lang, sizeof q.lang, "ur");
    CHECK_STR(live_quote_who(lang("en"), &q, who, sizeof who), "45 to 64");
    CHECK_STR(live_quote_language(lang("en"), &q), "اردو");
    q.age_band[0] = '\0';
    CHECK_STR(live_quote_who(lang("en"), &q, who, sizeof who), "");
    /* A consultation that does not show age bands: the name alone. */
    snprintf(q.name, sizeof q.name, "Noor");
    snprintf(q.age_band, sizeof q.age_band, "25-44");
    root->by_lang[0]->consultations[0].quote_age_band = false;
    CHECK_STR(live_quote_who(root->by_lang[0], &q, who, sizeof who), "Noor");
    root->by_lang[0]->consultations[0].quote_age_band = true;
}

static void rows_by_type(void) {
    const config *c = lang("en");
    live_result_row rows[LIVE_MAX_ROWS];
    /* Choices: most chosen first, nobody's left out, shares of the people who answered. */
    int rs = results_of(c, "themes");
    const results_tally *t = live_tally(lv, c, rs);
    CHECK(t != NULL);
    if (!t) return;
    int n = live_result_rows(c, t, rows, LIVE_MAX_ROWS);
    CHECK(n > 0 && n < t->n); /* one option nobody chose */
    for (int i = 1; i < n; i++) CHECK(rows[i].count <= rows[i - 1].count);
    for (int i = 0; i < n; i++) {
        CHECK(rows[i].count > 0 && rows[i].label != NULL);
        CHECK_INT(rows[i].percent, (rows[i].count * 100 + t->people / 2) / t->people);
    }
    CHECK_INT(live_result_rows(c, t, rows, 2), 2);
    /* Faces: all five in their order, even one nobody chose. */
    t = live_tally(lv, c, results_of(c, "rating"));
    CHECK(t != NULL);
    if (t) {
        CHECK_INT(live_result_rows(c, t, rows, LIVE_MAX_ROWS), 5);
        for (int i = 0; i < 5; i++) CHECK_INT(rows[i].value, i + 1);
        CHECK_STR(rows[0].label, c->consultations[0].questions[t->question].options[0].label);
    }
}

static void captions(void) {
    const config *en = lang("en");
    int rs = results_of(en, "themes");
    results_tally t = lv->results[rs];
    t.people = 1204, t.kiosks = 3, t.since = (pk_date){2026, 3, 1};
    char buf[300];
    CHECK_STR(live_results_caption(en, &en->slides[rs], &t, (pk_date){2026, 6, 1}, buf, sizeof buf),
              "1,204 people at 3 kiosks since 1 March");
    t.kiosks = 1;
    CHECK_STR(live_results_caption(en, &en->slides[rs], &t, (pk_date){2027, 1, 2}, buf, sizeof buf),
              "1,204 people at this kiosk since 1 March 2026");
    /* The month in the language shown, the slide's own caption with its placeholders. */
    const config *pl = lang("pl");
    live_results_caption(pl, &pl->slides[rs], &t, (pk_date){2026, 6, 1}, buf, sizeof buf);
    CHECK(strstr(buf, pl->feedback.ui[UI_MONTH_LONG_3]) != NULL);
    CHECK(strstr(buf, "1,204") != NULL);
    slide own = en->slides[rs];
    own.caption = "{people} in {kiosks} libraries since {since}: {unknown} stays";
    t.kiosks = 4;
    CHECK_STR(live_results_caption(en, &own, &t, (pk_date){2026, 6, 1}, buf, sizeof buf),
              "1,204 in 4 libraries since 1 March: {unknown} stays");
    /* Cut short in a small buffer: never inside a character. */
    own.caption = "żżżżżżżżżż {people}";
    live_results_caption(en, &own, &t, (pk_date){2026, 6, 1}, buf, 8);
    CHECK_STR(buf, "żżż");
}

static void headings(void) {
    char buf[200];
    const config *en = lang("en");
    /* you_said without a title: the question people answered; results and we_did the wording. */
    const slide *ys = &en->slides[first_of(en, SLIDE_YOU_SAID)];
    CHECK_STR(live_slide_title(en, ys, (pk_date){2026, 3, 1}, buf, sizeof buf), en->consultations[0].title);
    CHECK_STR(live_slide_title(en, &en->slides[results_of(en, "themes")], (pk_date){2026, 3, 1}, buf, sizeof buf),
              en->feedback.ui[UI_RESULTS_TITLE]);
    CHECK_STR(live_slide_title(en, &en->slides[first_of(en, SLIDE_WE_DID)], (pk_date){2026, 3, 1}, buf, sizeof buf),
              "You said \u00B7 We did");
    /* A slide's own title wins. */
    slide own = *ys;
    own.title = "What you told us";
    CHECK_STR(live_slide_title(en, &own, (pk_date){2026, 3, 1}, buf, sizeof buf), "What you told us");
    CHECK_INT(live_slide_index(en, ys), first_of(en, SLIDE_YOU_SAID));
    CHECK_INT(live_slide_index(en, &own), -1);
}

int main(void) {
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    root = config_load(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", &opt, d);
    diag_print(d, stderr);
    free(d);
    CHECK(root != NULL);
    lv = calloc(1, sizeof *lv);
    if (root) {
        added = live_fixture_add(root, lv, 412);
        RUN(nothing_to_show_is_skipped);
        RUN(pages_turn);
        RUN(who_and_language);
        RUN(rows_by_type);
        RUN(captions);
        RUN(headings);
    }
    free(lv);
    config_free(root);
    return check_report();
}
