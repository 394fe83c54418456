/* config: the shipped Rotherham content loads as published, and every mistake an editor can make
 * is reported at the right line and column, in words they can act on. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "config/config.h"
#include "content/content.h"
#include "journey/keyboard.h"
#include "staff/pin.h"

static const config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};

/* A minimal valid head. Lines 1-10; anything appended starts on line 11, so the first line of a
 * slides list is line 11, and a slide item "  - key: v" has its mapping at column 5. */
#define HEAD                                                                                       \
    "plankiosk: 1\n"                      /* 1 */                                                  \
    "kiosk:\n"                            /* 2 */                                                  \
    "  id: test-kiosk\n"                  /* 3 */                                                  \
    "  location: Test bench\n"            /* 4 */                                                  \
    "plan:\n"                             /* 5 */                                                  \
    "  title: Test plan\n"                /* 6 */                                                  \
    "themes:\n"                           /* 7 */                                                  \
    "  - {id: town, name: Town centre}\n" /* 8 */                                                  \
    "  - {id: skills, name: Skills}\n"    /* 9 */                                                  \
    "slides:\n"                           /* 10 */

static diag_list diags; /* large: keep it off the stack */

static void dump(void) {
    for (int i = 0; i < diags.count; i++) fprintf(stderr, "    diag %d: %s\n", i, diags.items[i]);
}

static config *load_text(const char *text) {
    memset(&diags, 0, sizeof diags);
    return config_load_string(text, "t.yaml", TEST_SOURCE_DIR "/config", &opt, &diags);
}

/* HEAD followed by text (a slides list, then optionally more top-level sections). */
static config *load_slides(const char *text) {
    static char buf[8192];
    snprintf(buf, sizeof buf, "%s%s", HEAD, text);
    return load_text(buf);
}

/* A diagnostic starting with exactly prefix ("t.yaml:LINE:COL: ...") exists and contains each
 * of the (NULL-terminated) words. */
static void expect_diag_(const char *file, int line, const char *const *args) {
    const char *prefix = args[0];
    const char *const *words = args + 1;
    int found = -1;
    for (int i = 0; i < diags.count && found < 0; i++)
        if (strncmp(diags.items[i], prefix, strlen(prefix)) == 0) found = i;
    check_count++;
    if (found < 0) {
        check_failures++;
        fprintf(stderr, "%s:%d: no diagnostic starts with \"%s\"; got %d:\n", file, line, prefix,
                diags.count);
        dump();
        return;
    }
    for (int w = 0; words[w]; w++) {
        check_count++;
        if (!strstr(diags.items[found], words[w])) {
            check_failures++;
            fprintf(stderr, "%s:%d: \"%s\" does not contain \"%s\"\n", file, line,
                    diags.items[found], words[w]);
        }
    }
}
#define EXPECT_DIAG(...) expect_diag_(__FILE__, __LINE__, (const char *const[]){__VA_ARGS__, NULL})

/* A failed load returns NULL and exactly n diagnostics. */
#define EXPECT_FAIL(c, n)                                                                          \
    do {                                                                                           \
        CHECK((c) == NULL);                                                                        \
        config_free(c);                                                                            \
        CHECK_INT(diags.count, n);                                                                 \
        if (diags.count != (n)) dump();                                                            \
    } while (0)

/* ---- the shipped content ---------------------------------------------------------------- */

static config *shipped(void) {
    memset(&diags, 0, sizeof diags);
    config *c = config_load(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", &opt, &diags);
    return c;
}

static void shipped_loads_clean(void) {
    config *c = shipped();
    CHECK(c != NULL);
    CHECK_INT(diags.count, 0);
    CHECK_INT(diags.dropped, 0);
    dump();
    if (!c) return;
    CHECK_STR(c->plan.title, "The Rotherham Plan");
    CHECK_STR(c->plan.subtitle, "A new perspective 2025");
    CHECK_STR(c->plan.publisher, "Rotherham Together Partnership");
    CHECK_STR(c->kiosk.id, "rotherham-town-centre");
    CHECK_STR(c->kiosk.location, "Rotherham town centre");
    CHECK_INT(c->kiosk.width, 1920);
    CHECK_INT(c->kiosk.height, 1080);
    CHECK(c->kiosk.physical_width_mm == 476);
    CHECK(c->loop.slide_seconds == 12);
    CHECK_INT(c->loop.transition, TRANSITION_CROSSFADE);
    CHECK(c->loop.has_as_of);
    CHECK_INT(c->loop.as_of.year, 2017);
    CHECK_INT(c->loop.as_of.month, 10);
    /* What is asked: one consultation, the plan's question in its shipped order. */
    CHECK_INT(c->n_consultations, 1);
    if (c->n_consultations == 1) {
        const consultation *k = &c->consultations[0];
        CHECK_STR(k->id, "plan-2025");
        CHECK_STR(k->title, "What would you like for Rotherham in 2025?");
        CHECK(!k->has_from && !k->has_until);
        CHECK_CONTAINS(k->privacy_notice, "RTPartnership@rotherham.gov.uk");
        static const char *const ids[] = {"themes", "rating", "text", "name", "age_band",
                                          "postcode_district", "consent_quote"};
        CHECK_INT(k->n_questions, 7);
        for (int i = 0; i < 7 && i < k->n_questions; i++) CHECK_STR(k->questions[i].id, ids[i]);
        int text = consult_question_index(k, "text");
        CHECK(text >= 0);
        if (text >= 0) {
            CHECK_STR(k->questions[text].title, "What would you like for Rotherham in 2025?");
            CHECK_INT(k->questions[text].max, 500);
        }
        CHECK_INT(strlen(k->hash), 16);
        /* The same words in Urdu, the same form. */
        int ur = config_language_index(c, "ur");
        CHECK(ur >= 0);
        if (ur >= 0 && c->by_lang[ur] && c->by_lang[ur]->n_consultations == 1) {
            CHECK_CONTAINS(c->by_lang[ur]->consultations[0].title, "Rotherham");
            CHECK(strcmp(c->by_lang[ur]->consultations[0].title, k->title) != 0);
            CHECK_STR(c->by_lang[ur]->consultations[0].hash, k->hash);
        }
    }
    /* Written the new way: nothing is read as the first journey's form. */
    diag_list *warned = calloc(1, sizeof *warned);
    diag_list *more = calloc(1, sizeof *more);
    if (warned && more) {
        config_options wopt = opt;
        wopt.warnings = warned;
        config *again = config_load(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", &wopt, more);
        CHECK(again != NULL);
        for (int i = 0; i < warned->count; i++) CHECK(strstr(warned->items[i], "first journey") == NULL);
        config_free(again);
    }
    free(warned);
    free(more);
    CHECK_INT(strlen(c->hash), 16);
    /* The colours are the file's, not the defaults. */
    CHECK_INT(c->theme.surface.r, 0x16);
    CHECK_INT(c->theme.surface.g, 0x3D);
    CHECK_INT(c->theme.surface.b, 0x66);
    CHECK_INT(c->theme.accent.r, 0xFF);
    CHECK_INT(c->theme.accent.g, 0xC2);
    CHECK_INT(c->theme.accent.b, 0x0E);
    CHECK_CONTAINS(c->theme.font_regular, "NotoSans-Regular.ttf");
    CHECK_CONTAINS(c->theme.font_bold, "NotoSans-Bold.ttf");
    config_free(c);
}

static void shipped_themes(void) {
    config *c = shipped();
    if (!c) {
        CHECK(c != NULL);
        return;
    }
    CHECK_INT(c->n_themes, 5);
    static const char *const ids[] = {"communities", "skills", "health", "proud", "town-centre"};
    static const char *const names[] = {"Building stronger communities", "Skills and employment",
                                        "Integrated health and social care",
                                        "A place to be proud of", "Town centre"};
    for (int i = 0; i < 5 && i < c->n_themes; i++) {
        CHECK_STR(c->themes[i].id, ids[i]);
        CHECK_STR(c->themes[i].name, names[i]);
        CHECK(c->themes[i].summary && *c->themes[i].summary);
        CHECK_CONTAINS(c->themes[i].icon, "icons/");
        CHECK_CONTAINS(c->themes[i].icon, ".svg");
    }
    int themes_slides = 0;
    for (int i = 0; i < c->n_slides; i++) themes_slides += c->slides[i].type == SLIDE_THEMES;
    CHECK_INT(themes_slides, 1);
    config_free(c);
}

static void shipped_milestones(void) {
    config *c = shipped();
    if (!c) {
        CHECK(c != NULL);
        return;
    }
    int total = 0, slides = 0, unordered = 0, done = 0, in_progress = 0, planned = 0;
    pk_date prev = {0, 0, 0};
    pk_date first = {0, 0, 0}, last = {0, 0, 0};
    for (int i = 0; i < c->n_slides; i++) {
        const slide *s = &c->slides[i];
        if (s->type != SLIDE_MILESTONES) continue;
        slides++;
        CHECK(s->title != NULL);
        for (int k = 0; k < s->n_milestones; k++) {
            const milestone *m = &s->milestones[k];
            /* Across slides too: the journey reads forwards from slide to slide. */
            if (total && date_cmp_days(date_first_day(m->date), date_first_day(prev)) < 0)
                unordered++;
            if (!total) first = m->date;
            prev = last = m->date;
            total++;
            CHECK(m->title && *m->title);
            CHECK(m->theme >= 0 && m->theme < c->n_themes);
            switch (content_milestone_status(m, content_as_of(c, (pk_date){2030, 1, 1}))) {
            case STATUS_DONE: done++; break;
            case STATUS_IN_PROGRESS: in_progress++; break;
            case STATUS_PLANNED: planned++; break;
            default: break;
            }
        }
    }
    CHECK(slides >= 1);
    CHECK_INT(total, 10);
    CHECK_INT(unordered, 0);
    CHECK_INT(first.year, 2017);
    CHECK_INT(first.month, 4);
    CHECK_INT(last.year, 2020);
    CHECK_INT(last.month, 9);
    /* as_of 2017-10 (the file's): Apr, May, Jul, Jul, Sep 2017 done; Oct 2017 in progress;
     * Jan 2018, Sep 2018 (twice) and Sep 2020 planned. Today's date does not matter. */
    CHECK_INT(done, 5);
    CHECK_INT(in_progress, 1);
    CHECK_INT(planned, 4);
    config_free(c);
}

static void shipped_indicators(void) {
    config *c = shipped();
    if (!c) {
        CHECK(c != NULL);
        return;
    }
    int total = 0, groups = 0, fewer = 0;
    int per_theme[CONFIG_MAX_THEMES] = {0};
    for (int i = 0; i < c->n_slides; i++) {
        const slide *s = &c->slides[i];
        if (s->type != SLIDE_INDICATORS) continue;
        for (int g = 0; g < s->n_groups; g++) {
            const indicator_group *grp = &s->groups[g];
            groups++;
            CHECK(grp->theme >= 0 && grp->theme < c->n_themes);
            if (grp->theme >= 0 && grp->theme < c->n_themes) {
                per_theme[grp->theme]++;
                CHECK_STR(grp->name, c->themes[grp->theme].name); /* named after its theme */
            }
            for (int k = 0; k < grp->n_items; k++) {
                total++;
                CHECK(grp->items[k].text && *grp->items[k].text);
                fewer += !grp->items[k].more;
            }
        }
    }
    CHECK_INT(total, 16);
    CHECK_INT(groups, 5);
    for (int t = 0; t < c->n_themes; t++) CHECK_INT(per_theme[t], 1); /* each theme once */
    CHECK_INT(fewer, 3); /* benefits, hospital visits, empty units */
    config_free(c);
}

static const highlight *find_highlight(const config *c, double value) {
    for (int i = 0; i < c->n_slides; i++)
        for (int k = 0; k < c->slides[i].n_highlights; k++)
            if (c->slides[i].highlights[k].value == value) return &c->slides[i].highlights[k];
    return NULL;
}

static void shipped_highlights(void) {
    config *c = shipped();
    if (!c) {
        CHECK(c != NULL);
        return;
    }
    static const double values[] = {260800, 110, 50000, 64600, 1400, 8.1, 99, 27300, 20000};
    for (int i = 0; i < 9; i++) {
        const highlight *h = find_highlight(c, values[i]);
        if (!h) fprintf(stderr, "    no highlight with value %g\n", values[i]);
        CHECK(h != NULL);
        if (h) CHECK(h->caption && *h->caption);
    }
    const highlight *h = find_highlight(c, 260800);
    if (h) CHECK_CONTAINS(h->caption, "people live here");
    h = find_highlight(c, 110);
    if (h) CHECK_STR(h->suffix, " sq mi"); /* the space is part of "110 sq mi" */
    h = find_highlight(c, 1400);
    if (h) CHECK_STR(h->prefix, "Almost "); /* not "Almost1,400" */
    h = find_highlight(c, 8.1);
    if (h) {
        CHECK_INT(h->decimals, 1);
        CHECK_STR(h->suffix, "%");
    }
    h = find_highlight(c, 99);
    if (h) {
        CHECK_STR(h->prefix, "£");
        CHECK_STR(h->suffix, "m");
    }
    config_free(c);
}

static void shipped_quotes_and_cta(void) {
    config *c = shipped();
    if (!c) {
        CHECK(c != NULL);
        return;
    }
    int quotes = 0, named = 0, aged = 0, cta = 0, images = 0;
    const char *names[16] = {0};
    int ages[16] = {0};
    for (int i = 0; i < c->n_slides; i++) {
        const slide *s = &c->slides[i];
        for (int k = 0; k < s->n_quotes; k++) {
            if (quotes < 16) {
                names[quotes] = s->quotes[k].name;
                ages[quotes] = s->quotes[k].age;
            }
            quotes++;
            named += s->quotes[k].name != NULL;
            aged += s->quotes[k].age > 0;
        }
        if (s->type == SLIDE_CALL_TO_ACTION) {
            cta++;
            CHECK_STR(s->title, "What would you like for Rotherham in 2025?");
            CHECK_STR(s->button, "Have your say");
        }
        if (s->type == SLIDE_IMAGE) {
            images++;
            CHECK_CONTAINS(s->image, "rotherham-skyline.svg");
            CHECK(s->alt && strlen(s->alt) > 20);
            CHECK_INT(s->fit, FIT_COVER);
        }
    }
    CHECK_INT(quotes, 8);
    CHECK_INT(named, 8);
    CHECK_INT(aged, 8);
    CHECK_STR(names[0], "Maria");
    CHECK_INT(ages[0], 11);
    CHECK_STR(names[1], "Lillie Rose");
    CHECK_INT(ages[1], 6);
    CHECK_STR(names[7], "Darcy");
    CHECK_INT(ages[7], 7);
    CHECK(cta >= 1);
    CHECK_INT(images, 1);
    config_free(c);
}

static void shipped_slides(void) {
    config *c = shipped();
    if (!c) {
        CHECK(c != NULL);
        return;
    }
    CHECK(c->n_slides >= 20);
    CHECK_INT(c->slides[0].type, SLIDE_TITLE);
    CHECK_STR(c->slides[0].title, "The Rotherham Plan");
    int dup = 0;
    for (int i = 0; i < c->n_slides; i++) {
        for (int j = 0; j < i; j++) dup += strcmp(c->slides[i].id, c->slides[j].id) == 0;
        /* Every slide stands a readable time. */
        CHECK(content_slide_ms(c, &c->slides[i]) >= 5000);
        CHECK(c->slides[i].line > 100);
    }
    CHECK_INT(dup, 0);
    /* No dated slides: every slide shows on any day. */
    int order[CONFIG_MAX_SLIDES];
    CHECK_INT(content_active_slides(c, (pk_date){2025, 6, 1}, order, CONFIG_MAX_SLIDES),
              c->n_slides);
    config_free(c);
}

/* The shipped content closes the loop: visitors' words, the themes so far, and what was done,
 * between the children's quotes and the last call to action, in every language. */
static void shipped_answers_back(void) {
    diag_list *missing = calloc(1, sizeof *missing);
    config_options mopt = opt;
    mopt.missing = missing;
    memset(&diags, 0, sizeof diags);
    config *c = config_load(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", &mopt, &diags);
    CHECK(c != NULL);
    CHECK_INT(missing->count, 0);
    if (missing->count) diag_print(missing, stderr);
    free(missing);
    if (!c) return;
    int ys = -1, rs = -1, wd = -1, last_cta = -1;
    for (int i = 0; i < c->n_slides; i++) {
        if (c->slides[i].type == SLIDE_YOU_SAID) ys = i;
        if (c->slides[i].type == SLIDE_RESULTS) rs = i;
        if (c->slides[i].type == SLIDE_WE_DID) wd = i;
        if (c->slides[i].type == SLIDE_CALL_TO_ACTION) last_cta = i;
    }
    CHECK(ys > 0 && rs > ys && wd > rs && last_cta > wd);
    for (int l = 0; l < c->languages.n; l++) CHECK(c->languages.translated[l] == c->languages.strings);
    if (ys > 0 && rs > 0 && wd > 0) {
        const consultation *k = config_consultation(c, "plan-2025");
        CHECK(k != NULL);
        CHECK_INT(c->slides[ys].consultation, 0);
        CHECK_STR(c->slides[ys].title, k ? k->title : "?");
        CHECK_INT(c->slides[rs].question, k ? consult_question_index(k, "themes") : -1);
        CHECK_INT(c->slides[rs].min_responses, 10);
        CHECK_CONTAINS(c->slides[rs].caption, "Rotherham town centre and libraries");
        CHECK_INT(c->slides[wd].n_we_did, 4);
        CHECK_CONTAINS(c->slides[wd].we_did[0].we_did, "first plan");
        CHECK_STR(c->slides[wd].we_did[0].when, "17 March 2016");
        int pl = config_language_index(c, "pl");
        if (pl >= 0) {
            const config *p = c->by_lang[pl];
            CHECK_STR(p->slides[wd].we_did[0].when, "17 marca 2016");
            CHECK_CONTAINS(p->slides[rs].caption, "{people}");
            CHECK_STR(p->feedback.ui[UI_WE_DID], "Zrobiliśmy");
        }
        for (int l = 0; l < c->languages.n; l++)
            for (int w = UI_YOU_SAID; w <= UI_RESULTS_PEOPLE; w++)
                if (l != c->languages.default_lang)
                    CHECK(strcmp(c->by_lang[l]->feedback.ui[w], c->feedback.ui[w]) != 0);
    }
    config_free(c);
    /* The example town's file carries the same three slides. */
    memset(&diags, 0, sizeof diags);
    c = config_load(TEST_SOURCE_DIR "/config/examples/riverside-park.yaml", &opt, &diags);
    CHECK(c != NULL);
    CHECK_INT(diags.count, 0);
    dump();
    if (!c) return;
    int kinds = 0;
    for (int i = 0; i < c->n_slides; i++) {
        const slide *s = &c->slides[i];
        kinds |= s->type == SLIDE_YOU_SAID ? 1 : s->type == SLIDE_RESULTS ? 2 : s->type == SLIDE_WE_DID ? 4 : 0;
        if (s->type == SLIDE_WE_DID) {
            CHECK_CONTAINS(s->we_did[0].image, "riverside-lights.svg");
            CHECK(s->we_did[0].alt != NULL);
        }
    }
    CHECK_INT(kinds, 7);
    CHECK(c->consultations[0].quote_age_band);
    CHECK(c->moderation.n_block >= 1);
    config_free(c);
}

/* ---- a valid config and its defaults ---------------------------------------------------- */

static void minimal_valid(void) {
    config *c = load_slides("  - type: title\n"
                            "    title: Hello\n");
    CHECK(c != NULL);
    CHECK_INT(diags.count, 0);
    dump();
    if (!c) return;
    CHECK_STR(c->kiosk.id, "test-kiosk");
    CHECK_STR(c->kiosk.location, "Test bench");
    CHECK_STR(c->plan.title, "Test plan");
    CHECK_INT(c->n_themes, 2);
    CHECK_INT(c->n_slides, 1);
    CHECK_STR(c->slides[0].title, "Hello");
    CHECK_INT(c->slides[0].line, 11);
    CHECK(c->slides[0].id && *c->slides[0].id); /* generated when not given */
    /* Defaults from config/REFERENCE.md. */
    CHECK(c->loop.slide_seconds == 12);
    CHECK_INT(c->loop.transition, TRANSITION_CROSSFADE);
    CHECK_INT(c->loop.transition_ms, 600);
    CHECK_INT(c->loop.count_up_ms, 1500);
    CHECK(!c->loop.has_as_of);
    CHECK_INT(c->kiosk.width, 1920);
    CHECK_INT(c->kiosk.height, 1080);
    CHECK(c->kiosk.physical_width_mm == 476);
    CHECK_INT(c->kiosk.renderer, RENDERER_AUTO);
    CHECK_STR(c->feedback.button, "Have your say");
    /* No consultations: the first journey's form, as one consultation with the old default. */
    CHECK_INT(c->n_consultations, 1);
    if (c->n_consultations == 1) {
        CHECK_STR(c->consultations[0].id, "feedback");
        CHECK(c->consultations[0].title && *c->consultations[0].title);
        CHECK_INT(c->consultations[0].n_questions, 7);
    }
    CHECK_CONTAINS(c->theme.font_regular, "NotoSans-Regular.ttf");
    CHECK_INT(content_slide_ms(c, &c->slides[0]), 12000);
    config_free(c);
}

static void every_type_valid(void) {
    config *c =
        load_slides("  - {type: title, title: T, subtitle: S, footer: F}\n"
                    "  - {type: text, title: T, body: B}\n"
                    "  - {type: text, title: T, bullets: [a, b]}\n"
                    "  - type: highlights\n"
                    "    title: H\n"
                    "    items:\n"
                    "      - {value: 260800, caption: people}\n"
                    "      - {value: 8.1, decimals: 1, suffix: \"%\", caption: of us}\n"
                    "  - {type: themes, title: Themes}\n"
                    "  - type: milestones\n"
                    "    title: M\n"
                    "    items:\n"
                    "      - {date: \"2025-09\", title: Later}\n"
                    "      - {date: \"2024-02-29\", title: Leap day, theme: town}\n"
                    "      - {date: \"2025-01\", title: Middle, status: delayed}\n"
                    "  - type: indicators\n"
                    "    title: I\n"
                    "    groups:\n"
                    "      - theme: skills\n"
                    "        items:\n"
                    "          - {text: More, direction: more, series: [1, 2.5], "
                    "series_labels: [a, b]}\n"
                    "      - name: Named\n"
                    "        items: [{text: Fewer, direction: fewer}]\n"
                    "  - type: quote\n"
                    "    quotes: [{text: Q, name: Zoë, age: 9}]\n"
                    "  - {type: image, file: images/rotherham-skyline.svg, alt: A town}\n"
                    "  - {type: call_to_action, title: Tell us}\n"
                    "  - {type: title, title: June, from: \"2025-06\", until: \"2025-06\"}\n"
                    "loop:\n"
                    "  slide_seconds: 7.5\n"
                    "  transition: none\n"
                    "  as_of: \"2024-06-15\"\n"
                    "theme:\n"
                    "  accent: \"#aBcDeF\"\n"
                    "feedback:\n"
                    "  question: What next?\n");
    CHECK(c != NULL);
    CHECK_INT(diags.count, 0);
    dump();
    if (!c) return;
    CHECK_INT(c->n_slides, 11);
    CHECK(c->loop.slide_seconds == 7.5);
    CHECK_INT(c->loop.transition, TRANSITION_NONE);
    CHECK_INT(c->theme.accent.r, 0xAB);
    CHECK_INT(c->theme.accent.g, 0xCD);
    CHECK_INT(c->theme.accent.b, 0xEF);
    /* The old feedback.question: the consultation's title and its text question's words. */
    CHECK_INT(c->n_consultations, 1);
    if (c->n_consultations == 1) {
        CHECK_STR(c->consultations[0].title, "What next?");
        int text = consult_question_index(&c->consultations[0], "text");
        CHECK(text >= 0);
        if (text >= 0) CHECK_STR(c->consultations[0].questions[text].title, "What next?");
    }
    /* Milestones are sorted by date whatever the file order. */
    const slide *m = &c->slides[5];
    CHECK_INT(m->type, SLIDE_MILESTONES);
    CHECK_INT(m->n_milestones, 3);
    CHECK_STR(m->milestones[0].title, "Leap day");
    CHECK_INT(m->milestones[0].theme, 0);
    CHECK_INT(m->milestones[1].theme, -1);
    CHECK_STR(m->milestones[1].title, "Middle");
    CHECK_STR(m->milestones[2].title, "Later");
    /* Indicators: a group by theme takes the theme's name. */
    const slide *ind = &c->slides[6];
    CHECK_INT(ind->n_groups, 2);
    CHECK_STR(ind->groups[0].name, "Skills");
    CHECK_INT(ind->groups[0].items[0].n_series, 2);
    CHECK(ind->groups[0].items[0].series[1] == 2.5);
    CHECK_STR(ind->groups[0].items[0].series_labels[1], "b");
    CHECK(ind->groups[0].items[0].more);
    CHECK_STR(ind->groups[1].name, "Named");
    CHECK(!ind->groups[1].items[0].more);
    CHECK_STR(c->slides[7].quotes[0].name, "Zoë");
    CHECK_INT(c->slides[7].quotes[0].age, 9);
    /* The image is found in the assets folder; the button has its default. */
    CHECK_CONTAINS(c->slides[8].image, "/assets/images/rotherham-skyline.svg");
    CHECK_INT(c->slides[8].fit, FIT_CONTAIN);
    CHECK_STR(c->slides[9].button, "Have your say");
    CHECK_INT(content_slide_ms(c, &c->slides[0]), 7500);
    config_free(c);
}

static void milestone_statuses(void) {
    config *c =
        load_slides("  - type: milestones\n"
                    "    title: M\n"
                    "    items:\n"
                    "      - {date: \"2017-09\", title: Last month}\n"
                    "      - {date: \"2017-10\", title: This month}\n"
                    "      - {date: \"2017-10-25\", title: Later this month}\n"
                    "      - {date: \"2017-11\", title: Next month}\n"
                    "      - {date: \"2016-01\", title: Long ago but late, status: delayed}\n"
                    "      - {date: \"2030-01\", title: Done early, status: done}\n"
                    "      - {date: \"2010-01\", title: Still planned, status: planned}\n"
                    "loop:\n"
                    "  as_of: \"2017-10\"\n");
    CHECK(c != NULL);
    dump();
    if (!c) return;
    const slide *s = &c->slides[0];
    CHECK_INT(s->n_milestones, 7);
    pk_date as_of = content_as_of(c, (pk_date){2025, 1, 1});
    CHECK_INT(as_of.year, 2017); /* the file's as_of wins over today */
    CHECK_INT(as_of.month, 10);
    int seen = 0;
    for (int i = 0; i < s->n_milestones; i++) {
        const milestone *m = &s->milestones[i];
        milestone_status st = content_milestone_status(m, as_of);
        const char *t = m->title;
        if (!strcmp(t, "Last month")) {
            CHECK_INT(st, STATUS_DONE);
            seen++;
        }
        if (!strcmp(t, "This month")) {
            CHECK_INT(st, STATUS_IN_PROGRESS);
            seen++;
        }
        if (!strcmp(t, "Later this month")) {
            CHECK_INT(st, STATUS_IN_PROGRESS);
            seen++;
        }
        if (!strcmp(t, "Next month")) {
            CHECK_INT(st, STATUS_PLANNED);
            seen++;
        }
        if (!strcmp(t, "Long ago but late")) {
            CHECK_INT(st, STATUS_DELAYED);
            seen++;
        }
        if (!strcmp(t, "Done early")) {
            CHECK_INT(st, STATUS_DONE);
            seen++;
        }
        if (!strcmp(t, "Still planned")) {
            CHECK_INT(st, STATUS_PLANNED);
            seen++;
        }
    }
    CHECK_INT(seen, 7);
    /* With an exact as_of day. */
    milestone m = {.date = {2017, 10, 5}};
    CHECK_INT(content_milestone_status(&m, (pk_date){2017, 10, 20}), STATUS_DONE);
    CHECK_INT(content_milestone_status(&m, (pk_date){2017, 10, 5}), STATUS_IN_PROGRESS);
    CHECK_INT(content_milestone_status(&m, (pk_date){2017, 9, 30}), STATUS_PLANNED);
    m.date = (pk_date){2017, 10, 0};
    CHECK_INT(content_milestone_status(&m, (pk_date){2017, 10, 31}), STATUS_IN_PROGRESS);
    CHECK_INT(content_milestone_status(&m, (pk_date){2017, 11, 1}), STATUS_DONE);
    CHECK_INT(content_milestone_status(&m, (pk_date){2017, 9, 30}), STATUS_PLANNED);
    CHECK_STR(content_status_label(STATUS_DONE), "Done");
    CHECK_STR(content_status_label(STATUS_IN_PROGRESS), "In progress");
    CHECK_STR(content_status_label(STATUS_PLANNED), "Planned");
    CHECK_STR(content_status_label(STATUS_DELAYED), "Delayed");
    config_free(c);
    /* Without as_of in the file, today decides. */
    c = load_slides("  - {type: title, title: T}\n");
    if (!c) {
        CHECK(c != NULL);
        return;
    }
    pk_date today = {2031, 3, 4};
    CHECK_INT(content_as_of(c, today).year, 2031);
    CHECK_INT(content_as_of(c, today).month, 3);
    CHECK_INT(content_as_of(c, today).day, 4);
    config_free(c);
}

static void active_slides_by_date(void) {
    config *c = load_slides(
        "  - {type: title, title: Always}\n"                                      /* 0 */
        "  - {type: title, title: June, from: \"2025-06\", until: \"2025-06\"}\n" /* 1 */
        "  - {type: title, title: Old, until: \"2024-12-31\"}\n"                  /* 2 */
        "  - {type: title, title: Late, from: \"2025-07-15\"}\n");                /* 3 */
    CHECK(c != NULL);
    dump();
    if (!c) return;
    int order[CONFIG_MAX_SLIDES];
    int n = content_active_slides(c, (pk_date){2025, 5, 31}, order, CONFIG_MAX_SLIDES);
    CHECK_INT(n, 1);
    CHECK_INT(order[0], 0);
    n = content_active_slides(c, (pk_date){2025, 6, 1}, order, CONFIG_MAX_SLIDES);
    CHECK_INT(n, 2);
    CHECK_INT(order[0], 0);
    CHECK_INT(order[1], 1);
    n = content_active_slides(c, (pk_date){2025, 6, 30}, order, CONFIG_MAX_SLIDES);
    CHECK_INT(n, 2); /* a month-only "until" covers the whole month */
    CHECK_INT(order[1], 1);
    n = content_active_slides(c, (pk_date){2025, 7, 1}, order, CONFIG_MAX_SLIDES);
    CHECK_INT(n, 1);
    n = content_active_slides(c, (pk_date){2024, 12, 31}, order, CONFIG_MAX_SLIDES);
    CHECK_INT(n, 2);
    CHECK_INT(order[1], 2);
    n = content_active_slides(c, (pk_date){2025, 1, 1}, order, CONFIG_MAX_SLIDES);
    CHECK_INT(n, 1);
    n = content_active_slides(c, (pk_date){2025, 7, 14}, order, CONFIG_MAX_SLIDES);
    CHECK_INT(n, 1);
    n = content_active_slides(c, (pk_date){2025, 7, 15}, order, CONFIG_MAX_SLIDES);
    CHECK_INT(n, 2);
    CHECK_INT(order[1], 3);
    /* max limits what is written. */
    n = content_active_slides(c, (pk_date){2025, 6, 1}, order, 1);
    CHECK_INT(n, 1);
    config_free(c);

    /* Every slide out of date: all are shown rather than a blank screen. */
    c = load_slides("  - {type: title, title: A, until: \"2020-01\"}\n"
                    "  - {type: title, title: B, from: \"2030-01\"}\n");
    CHECK(c != NULL);
    if (!c) return;
    n = content_active_slides(c, (pk_date){2025, 1, 1}, order, CONFIG_MAX_SLIDES);
    CHECK_INT(n, 2);
    CHECK_INT(order[0], 0);
    CHECK_INT(order[1], 1);
    config_free(c);
}

static void slide_durations(void) {
    config *c = load_slides("  - {type: title, title: A, duration: 8}\n"
                            "  - {type: title, title: B}\n"
                            "  - {type: title, title: C, duration: 2.5}\n"
                            "loop:\n"
                            "  slide_seconds: 20\n");
    CHECK(c != NULL);
    dump();
    if (!c) return;
    CHECK_INT(content_slide_ms(c, &c->slides[0]), 8000);
    CHECK_INT(content_slide_ms(c, &c->slides[1]), 20000);
    CHECK_INT(content_slide_ms(c, &c->slides[2]), 2500);
    config_free(c);
}

static void hash_names_content(void) {
    config *a = load_slides("  - {type: title, title: A}\n");
    config *b = load_slides("  - {type: title, title: A}\n");
    config *c = load_slides("  - {type: title, title: B}\n");
    CHECK(a && b && c);
    if (a && b && c) {
        CHECK_STR(a->hash, b->hash);
        CHECK(strcmp(a->hash, c->hash) != 0);
    }
    config_free(a);
    config_free(b);
    config_free(c);
}

/* ---- every kind of mistake ---------------------------------------------------------------- */

static void yaml_syntax(void) {
    /* Unclosed quote: the scanner runs to the end of the file; the message points back to
     * where the quote opened. */
    config *c = load_text("plankiosk: 1\n"
                          "kiosk:\n"
                          "  id: \"oops\n"
                          "  location: x\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:5:1: YAML syntax:", "quoted scalar", "(see line 3)");
    /* Bad indentation: a key less indented than its siblings. */
    c = load_text("plankiosk: 1\n"
                  "kiosk:\n"
                  "  id: a\n"
                  " location: b\n"
                  "plan:\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:4:2: YAML syntax:", "expected");
    /* A tab for indentation. */
    c = load_text("plankiosk: 1\n"
                  "kiosk:\n"
                  "\tid: a\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:3:", "YAML syntax:");
    /* Not a mapping at all. */
    c = load_text("- just\n- a list\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:1:1: ", "must be a mapping");
    /* Empty file. */
    c = load_text("");
    CHECK(c == NULL);
    config_free(c);
    CHECK(diags.count >= 1);
}

static void unknown_top_level_key(void) {
    config *c = load_text("plankiosk: 1\n"
                          "kiosk:\n"
                          "  id: test-kiosk\n"
                          "  location: Test bench\n"
                          "plan:\n"
                          "  title: Test plan\n"
                          "slidez:\n"
                          "  - {type: title, title: T}\n");
    EXPECT_FAIL(c, 2);
    EXPECT_DIAG("t.yaml:7:1: unknown key 'slidez'", "did you mean 'slides'?");
    EXPECT_DIAG("t.yaml:1:1: missing required key 'slides'");
    /* Nothing close: the known keys are listed. */
    c = load_slides("  - {type: title, title: T}\n"
                    "colours:\n"
                    "  accent: \"#000000\"\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:12:1: unknown key 'colours'", "known keys:", "theme", "slides");
    /* Inside a section other than the slides. */
    c = load_slides("  - {type: title, title: T}\n" /* 11 */
                    "feedback:\n"                   /* 12 */
                    "  questoin: Hi\n");            /* 13 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:13:3: feedback: unknown key 'questoin'", "did you mean 'question'?");
    c = load_slides("  - {type: title, title: T}\n" /* 11 */
                    "loop:\n"                       /* 12 */
                    "  slide_second: 5\n");         /* 13 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:13:3: unknown key 'slide_second'", "did you mean 'slide_seconds'?");
}

static void unknown_slide_key(void) {
    config *c = load_slides("  - type: text\n"    /* 11 */
                            "    titel: Hello\n"  /* 12 */
                            "    body: Words\n"); /* 13 */
    EXPECT_FAIL(c, 2);
    EXPECT_DIAG("t.yaml:12:5: slide 1 (text): unknown key 'titel'", "did you mean 'title'?");
    EXPECT_DIAG("t.yaml:11:5: slide 1 (text): missing required key 'title'");
    /* A key that belongs to another slide type. */
    c = load_slides("  - type: title\n"    /* 11 */
                    "    title: Hi\n"      /* 12 */
                    "    bullets: [a]\n"); /* 13 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:13:5: slide 1 (title): unknown key 'bullets'");
    /* In a nested mapping: a highlight. */
    c = load_slides("  - type: highlights\n"    /* 11 */
                    "    title: H\n"            /* 12 */
                    "    items:\n"              /* 13 */
                    "      - value: 5\n"        /* 14 */
                    "        captoin: five\n"); /* 15 */
    EXPECT_FAIL(c, 2);
    EXPECT_DIAG("t.yaml:15:9: slide 1 (highlights): unknown key 'captoin'",
                "did you mean 'caption'?");
    EXPECT_DIAG("t.yaml:14:9: slide 1 (highlights): missing required key 'caption'");
}

static void wrong_types(void) {
    config *c = load_slides("  - {type: title, title: T}\n" /* 11 */
                            "loop:\n"                       /* 12 */
                            "  slide_seconds: \"fast\"\n"); /* 13 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:13:18: 'slide_seconds' must be a number", "\"fast\"");
    c = load_slides("  - type: highlights\n" /* 11 */
                    "    title: Numbers\n"   /* 12 */
                    "    items: lots\n");    /* 13 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:13:12: slide 1 (highlights): 'items' must be a list", "not a single value");
    /* A mapping where text is wanted. */
    c = load_slides("  - type: title\n"         /* 11 */
                    "    title: {text: Hi}\n"); /* 12 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:12:12: slide 1 (title): 'title' must be text", "not a mapping");
    /* Out of range and not whole. */
    c = load_slides("  - {type: title, title: T}\n" /* 11 */
                    "loop:\n"                       /* 12 */
                    "  slide_seconds: 1\n"          /* 13 */
                    "  transition_ms: 2.5\n");      /* 14 */
    EXPECT_FAIL(c, 2);
    EXPECT_DIAG("t.yaml:13:18: 'slide_seconds' must be between 2 and 600", "not 1");
    EXPECT_DIAG("t.yaml:14:18: 'transition_ms' must be a whole number", "2.5");
    /* "Are you still there?" must give 20 seconds (WCAG 2.2.1); 20 itself is fine. */
    c = load_slides("  - {type: title, title: T}\n" /* 11 */
                    "feedback:\n"                   /* 12 */
                    "  still_there_seconds: 19\n"); /* 13 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:13:24: feedback: 'still_there_seconds' must be at least 20", "not 19", "WCAG 2.2.1");
    c = load_slides("  - {type: title, title: T}\n"
                    "feedback: {still_there_seconds: 5}\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:12:33: feedback: 'still_there_seconds' must be at least 20", "not 5");
    c = load_slides("  - {type: title, title: T}\n"
                    "feedback: {still_there_seconds: 20}\n");
    CHECK(c != NULL);
    if (c) CHECK_INT(c->feedback.still_there_seconds, 20);
    config_free(c);
    /* 'slides' given as a mapping. */
    c = load_text("plankiosk: 1\n"
                  "kiosk: {id: k, location: l}\n"
                  "plan: {title: P}\n"
                  "slides:\n"         /* 4 */
                  "  type: title\n"); /* 5 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:5:3: 'slides' must be a list", "not a mapping of keys");
    /* An empty list. */
    c = load_text("plankiosk: 1\n"
                  "kiosk: {id: k, location: l}\n"
                  "plan: {title: P}\n"
                  "slides: []\n"); /* 4, value at column 9 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:4:9: 'slides' needs at least 1 item", "it has 0");
}

static void missing_required(void) {
    config *c = load_text("plankiosk: 1\n"
                          "kiosk:\n"
                          "  location: Here\n" /* 3: the kiosk mapping starts here */
                          "plan:\n"
                          "  title: P\n"
                          "slides:\n"
                          "  - {type: title, title: Hi}\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:3:3: missing required key 'id'");
    c = load_slides("  - type: highlights\n"    /* 11 */
                    "    title: Numbers\n"      /* 12 */
                    "    items:\n"              /* 13 */
                    "      - value: 5\n"        /* 14 */
                    "        caption: five\n"   /* 15 */
                    "      - value: 6\n"        /* 16: this mapping lacks a caption */
                    "        prefix: \"£\"\n"); /* 17 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:16:9: slide 1 (highlights): missing required key 'caption'");
    /* Required text that is only spaces. */
    c = load_slides("  - type: title\n"     /* 11 */
                    "    title: \"  \"\n"); /* 12 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:12:12: slide 1 (title): 'title' must not be empty");
    /* Missing sections. */
    c = load_text("plankiosk: 1\n"
                  "slides:\n"
                  "  - {type: title, title: Hi}\n");
    EXPECT_FAIL(c, 2);
    EXPECT_DIAG("t.yaml:1:1: missing required section 'kiosk'");
    EXPECT_DIAG("t.yaml:1:1: missing required section 'plan'");
    /* An image slide needs alt text for read-aloud. */
    c = load_slides("  - type: image\n"                          /* 11 */
                    "    file: images/rotherham-skyline.svg\n"); /* 12 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:11:5: slide 1 (image): missing required key 'alt'");
}

/* A text slide whose body and bullets are only spaces has nothing under its heading (spaces
 * wrap to no lines): refused, like one with neither, and said once. */
static void text_slide_of_spaces(void) {
    config *c = load_slides("  - {type: text, title: T, body: \"   \"}\n"); /* 11 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:11:5: slide 1 (text): a text slide needs words", "not only spaces");
    c = load_slides("  - {type: text, title: T, bullets: [\" \", \"  \"]}\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:11:5: slide 1 (text): a text slide needs words");
    c = load_slides("  - {type: text, title: T}\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:11:5: slide 1 (text): a text slide needs a 'body' or 'bullets'");
    /* An empty list is already reported as such; not a second time. */
    c = load_slides("  - {type: text, title: T, bullets: []}\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:11:37: slide 1 (text): 'bullets' needs at least 1 item");
    /* One blank bullet among others is simply left out. */
    c = load_slides("  - {type: text, title: T, bullets: [a, \" \", b]}\n");
    CHECK(c != NULL);
    if (c) CHECK_INT(c->slides[0].n_bullets, 2);
    config_free(c);
}

static void impossible_dates(void) {
    config *c = load_slides("  - type: milestones\n"         /* 11 */
                            "    title: Dates\n"             /* 12 */
                            "    items:\n"                   /* 13 */
                            "      - date: \"2023-02-30\"\n" /* 14 */
                            "        title: Never\n"         /* 15 */
                            "      - date: \"2024-13\"\n"    /* 16 */
                            "        title: Nor this\n"      /* 17 */
                            "      - date: \"2023-02-29\"\n" /* 18 */
                            "        title: Not a leap year\n");
    EXPECT_FAIL(c, 3);
    EXPECT_DIAG("t.yaml:14:15: slide 1 (milestones): 'date': \"2023-02-30\"",
                "not a day of that month");
    EXPECT_DIAG("t.yaml:16:15: slide 1 (milestones): 'date': \"2024-13\"", "month must be 01-12");
    EXPECT_DIAG("t.yaml:18:15: slide 1 (milestones): 'date': \"2023-02-29\"",
                "not a day of that month");
    c = load_slides("  - type: title\n"          /* 11 */
                    "    title: Dated\n"         /* 12 */
                    "    from: \"2023-02-30\"\n" /* 13 */
                    "    until: \"2024-13\"\n"); /* 14 */
    EXPECT_FAIL(c, 2);
    EXPECT_DIAG("t.yaml:13:11: slide 1 (title): 'from': \"2023-02-30\"", "not a day of that month");
    EXPECT_DIAG("t.yaml:14:12: slide 1 (title): 'until': \"2024-13\"", "month must be 01-12");
    /* Wrong shape, and on the loop's as_of. */
    c = load_slides("  - {type: title, title: T}\n" /* 11 */
                    "loop:\n"                       /* 12 */
                    "  as_of: 2024-2-1\n");         /* 13 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:13:10: 'as_of': \"2024-2-1\"", "YYYY-MM");
}

static void until_before_from(void) {
    config *c = load_slides("  - type: title\n"             /* 11 */
                            "    title: Backwards\n"        /* 12 */
                            "    from: \"2025-06\"\n"       /* 13 */
                            "    until: \"2025-05-31\"\n"); /* 14 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:14:12: slide 1 (title): 'until' is before 'from'", "never show");
    /* The same month, or a day inside the from month, is fine. */
    c = load_slides("  - {type: title, title: A, from: \"2025-06\", until: \"2025-06\"}\n"
                    "  - {type: title, title: B, from: \"2025-06-15\", until: \"2025-06\"}\n"
                    "  - {type: title, title: C, from: \"2025-06\", until: \"2025-06-01\"}\n");
    CHECK(c != NULL);
    CHECK_INT(diags.count, 0);
    dump();
    config_free(c);
}

static bool reject_all(const char *path, char *why, int why_len) {
    (void)path;
    snprintf(why, (size_t)why_len, "it does not decode");
    return false;
}

static void image_files(void) {
    config *c = load_slides("  - type: image\n"       /* 11 */
                            "    file: nothere.png\n" /* 12 */
                            "    alt: Nothing\n");    /* 13 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:12:11: slide 1 (image): 'file': file \"nothere.png\" not found",
                TEST_SOURCE_DIR "/config", "assets");
    /* A real file of the wrong kind. */
    c = load_slides("  - type: image\n"                              /* 11 */
                    "    file: ../tests/fixtures/unit/picture.gif\n" /* 12 */
                    "    alt: A GIF\n");                             /* 13 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:12:11: slide 1 (image): 'file': \"../tests/fixtures/unit/picture.gif\"",
                "must be a PNG, JPEG or SVG file");
    /* The caller's decoder check is consulted and its reason shown. */
    config_options strict = {.assets_dir = TEST_SOURCE_DIR "/assets", .check_image = reject_all};
    memset(&diags, 0, sizeof diags);
    c = config_load_string(HEAD "  - type: image\n"                        /* 11 */
                                "    file: images/rotherham-skyline.svg\n" /* 12 */
                                "    alt: Skyline\n",
                           "t.yaml", TEST_SOURCE_DIR "/config", &strict, &diags);
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG(
        "t.yaml:12:11: slide 1 (image): 'file': \"images/rotherham-skyline.svg\" cannot be used",
        "it does not decode");
    /* A theme icon that is missing. */
    c = load_text("plankiosk: 1\n"
                  "kiosk: {id: k, location: l}\n"
                  "plan: {title: P}\n"
                  "themes:\n"
                  "  - id: a\n"                   /* 5 */
                  "    name: A\n"                 /* 6 */
                  "    icon: icons/nothere.svg\n" /* 7 */
                  "slides:\n"
                  "  - {type: themes, title: T}\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:7:11: theme 1: 'icon': file \"icons/nothere.svg\" not found");
}

static void unknown_slide_type(void) {
    config *c = load_slides("  - type: milestone\n" /* 11 */
                            "    title: X\n");      /* 12 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:11:11: slide 1: 'type' cannot be \"milestone\"",
                "did you mean 'milestones'?", "call_to_action");
    c = load_slides("  - type: carousel\n" /* 11 */
                    "    title: X\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:11:11: slide 1: 'type' cannot be \"carousel\"", "one of:", "highlights");
    /* No type at all. */
    c = load_slides("  - {type: title, title: A}\n" /* 11 */
                    "  - title: X\n");              /* 12 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:12:5: slide 2: missing required key 'type'");
}

static void unknown_theme(void) {
    config *c = load_slides("  - type: milestones\n"      /* 11 */
                            "    title: M\n"              /* 12 */
                            "    items:\n"                /* 13 */
                            "      - date: \"2025-01\"\n" /* 14 */
                            "        title: A\n"          /* 15 */
                            "        theme: twon\n"       /* 16 */
                            "      - date: \"2025-02\"\n" /* 17 */
                            "        title: B\n"          /* 18 */
                            "        theme: nowhere\n");  /* 19 */
    EXPECT_FAIL(c, 2);
    EXPECT_DIAG("t.yaml:16:16: slide 1 (milestones): 'theme': no theme has the id 'twon'",
                "did you mean 'town'?");
    EXPECT_DIAG("t.yaml:19:16: slide 1 (milestones): 'theme': no theme has the id 'nowhere'",
                "'themes'");
    c = load_slides("  - type: indicators\n" /* 11 */
                    "    title: I\n"         /* 12 */
                    "    groups:\n"          /* 13 */
                    "      - theme: skils\n" /* 14 */
                    "        items: [{text: T, direction: more}]\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:14:16: slide 1 (indicators): 'theme': no theme has the id 'skils'",
                "did you mean 'skills'?");
}

static void duplicates(void) {
    config *c = load_slides("  - type: title\n"  /* 11 */
                            "    title: One\n"   /* 12 */
                            "    title: Two\n"); /* 13 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:13:5: slide 1 (title): 'title' is given twice", "first on line 12");
    c = load_slides("  - {type: title, title: T}\n" /* 11 */
                    "plan:\n"                       /* 12 */
                    "  title: Again\n");            /* 13 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:12:1: 'plan' is given twice", "first on line 5");
    c = load_slides("  - {type: title, id: intro, title: A}\n"   /* 11 */
                    "  - {type: title, id: intro, title: B}\n"); /* 12, id at column 23 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:12:23: slide 2 (title): slide id 'intro' is used twice", "slide 1");
    c = load_text("plankiosk: 1\n"
                  "kiosk: {id: k, location: l}\n"
                  "plan: {title: P}\n"
                  "themes:\n"
                  "  - {id: a, name: A}\n"
                  "  - {id: a, name: B}\n" /* 6, id at column 10 */
                  "slides:\n"
                  "  - {type: title, title: T}\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:6:10: theme 2: theme id 'a' is used twice");
}

static void bad_colour(void) {
    config *c = load_slides("  - {type: title, title: T}\n" /* 11 */
                            "theme:\n"                      /* 12 */
                            "  accent: \"#12345\"\n"        /* 13 */
                            "  text: \"#GGGGGG\"\n"         /* 14 */
                            "  done: red\n");               /* 15 */
    EXPECT_FAIL(c, 3);
    EXPECT_DIAG("t.yaml:13:11: 'accent' must be a colour written \"#RRGGBB\"", "\"#12345\"");
    EXPECT_DIAG("t.yaml:14:9: 'text' must be a colour", "\"#GGGGGG\"");
    EXPECT_DIAG("t.yaml:15:9: 'done' must be a colour", "\"red\"");
}

static void bad_kiosk_id(void) {
    static const char *const bad[] = {"Town Centre",
                                      "TownCentre",
                                      "town centre",
                                      "town_centre",
                                      "../etc",
                                      "a/b",
                                      "a-very-long-kiosk-identifier-of-41-chars0"};
    for (int i = 0; i < 7; i++) {
        char text[512];
        snprintf(text, sizeof text,
                 "plankiosk: 1\n"
                 "kiosk:\n"
                 "  id: \"%s\"\n" /* 3, value at column 7 */
                 "  location: Here\n"
                 "plan:\n"
                 "  title: P\n"
                 "slides:\n"
                 "  - {type: title, title: Hi}\n",
                 bad[i]);
        config *c = load_text(text);
        EXPECT_FAIL(c, 1);
        char want[128];
        snprintf(want, sizeof want, "not \"%s\"", bad[i]);
        EXPECT_DIAG("t.yaml:3:7: 'id' must be 1-40 lowercase letters, digits or '-'", want);
    }
    /* 40 characters is the limit, and is fine. */
    config *c = load_text("plankiosk: 1\n"
                          "kiosk: {id: a-very-long-kiosk-identifier-of-40-chars, location: l}\n"
                          "plan: {title: P}\n"
                          "slides: [{type: title, title: T}]\n");
    CHECK_INT(strlen("a-very-long-kiosk-identifier-of-40-chars"), 40);
    CHECK(c != NULL);
    dump();
    config_free(c);
}

static void format_version(void) {
    config *c = load_text("plankiosk: 2\n"
                          "kiosk: {id: k, location: l}\n"
                          "plan: {title: P}\n"
                          "slides: [{type: title, title: T}]\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:1:12: this file is format version 2", "reads version 1");
    c = load_text("kiosk: {id: k, location: l}\n"
                  "plan: {title: P}\n"
                  "slides: [{type: title, title: T}]\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:1:1: missing required key 'plankiosk'");
}

static void many_errors_at_once(void) {
    config *c = load_slides("  - type: text\n"            /* 11: missing title */
                            "    titel: Hello\n"          /* 12: unknown key */
                            "    body: Words\n"           /* 13 */
                            "  - type: milestones\n"      /* 14 */
                            "    title: M\n"              /* 15 */
                            "    items:\n"                /* 16 */
                            "      - date: \"2024-13\"\n" /* 17: bad month */
                            "        title: A\n"          /* 18 */
                            "  - type: image\n"           /* 19 */
                            "    file: nothere.png\n"     /* 20: missing file */
                            "    alt: x\n"                /* 21 */
                            "loop:\n"                     /* 22 */
                            "  transition: fade\n"        /* 23: not a transition */
                            "theme:\n"                    /* 24 */
                            "  accent: \"#12345\"\n");    /* 25: bad colour */
    EXPECT_FAIL(c, 6);
    EXPECT_DIAG("t.yaml:23:15: 'transition' cannot be \"fade\"", "crossfade, slide, none");
    EXPECT_DIAG("t.yaml:25:11: 'accent' must be a colour");
    EXPECT_DIAG("t.yaml:12:5: slide 1 (text): unknown key 'titel'");
    EXPECT_DIAG("t.yaml:11:5: slide 1 (text): missing required key 'title'");
    EXPECT_DIAG("t.yaml:17:15: slide 2 (milestones): 'date': \"2024-13\"");
    EXPECT_DIAG("t.yaml:20:11: slide 3 (image): 'file': file \"nothere.png\" not found");
}

/* Files saved by Notepad: a byte-order mark and CRLF line ends change nothing. */
static void notepad_files(void) {
    static const char body[] = HEAD "  - type: text\n"   /* 11 */
                                    "    titel: Hello\n" /* 12 */
                                    "    body: Words\n";
    char crlf[4096] = "\xEF\xBB\xBF";
    size_t k = strlen(crlf);
    for (const char *p = body; *p && k < sizeof crlf - 3; p++) {
        if (*p == '\n') crlf[k++] = '\r';
        crlf[k++] = *p;
    }
    crlf[k] = '\0';
    config *c = load_text(crlf);
    EXPECT_FAIL(c, 2);
    EXPECT_DIAG("t.yaml:12:5: slide 1 (text): unknown key 'titel'");
    EXPECT_DIAG("t.yaml:11:5: slide 1 (text): missing required key 'title'");
    /* And a good file loads, with no stray '\r' in its text. */
    char good[4096] = "\xEF\xBB\xBF";
    k = strlen(good);
    static const char ok[] = HEAD "  - type: title\n    title: Hello\n";
    for (const char *p = ok; *p && k < sizeof good - 3; p++) {
        if (*p == '\n') good[k++] = '\r';
        good[k++] = *p;
    }
    good[k] = '\0';
    c = load_text(good);
    CHECK(c != NULL);
    dump();
    if (c) {
        CHECK_STR(c->slides[0].title, "Hello");
        CHECK_STR(c->kiosk.location, "Test bench");
        CHECK_STR(c->plan.title, "Test plan");
    }
    config_free(c);
}

static void generated_id_collision(void) {
    /* Slide 2 has no id, so it is named "title-2", which slide 1 already uses. */
    config *c = load_slides("  - {type: title, id: title-2, title: A}\n" /* 11 */
                            "  - {type: title, title: B}\n");            /* 12 */
    if (c) {
        /* Acceptable: the loader names slide 2 something unused. */
        CHECK(strcmp(c->slides[0].id, c->slides[1].id) != 0);
        config_free(c);
    } else {
        /* Otherwise the clash must be reported where slide 2 is, not without a place. */
        EXPECT_DIAG("t.yaml:12:", "title-2");
    }
}

/* Read-aloud is on at 80 % unless the config says otherwise; a volume outside 0..1 is refused
 * where it is written. */
static void accessibility(void) {
    config *c = load_slides("  - {type: title, title: T}\n");
    CHECK(c != NULL);
    if (c) {
        CHECK(c->accessibility.read_aloud);
        CHECK(c->accessibility.volume > 0.79 && c->accessibility.volume < 0.81);
    }
    config_free(c);
    c = load_slides("  - {type: title, title: T}\n" /* 11 */
                    "accessibility:\n"               /* 12 */
                    "  read_aloud: false\n"          /* 13 */
                    "  volume: 0.25\n");             /* 14 */
    CHECK(c != NULL);
    if (c) {
        CHECK(!c->accessibility.read_aloud);
        CHECK(c->accessibility.volume == 0.25);
    }
    config_free(c);
    c = load_slides("  - {type: title, title: T}\n" /* 11 */
                    "accessibility:\n"               /* 12 */
                    "  volume: 1.5\n"                /* 13 */
                    "  read_aloud: maybe\n"          /* 14 */
                    "  volum: 1\n");                 /* 15 */
    EXPECT_FAIL(c, 3);
    EXPECT_DIAG("t.yaml:13:11: accessibility: 'volume' must be between 0 and 1", "not 1.5");
    EXPECT_DIAG("t.yaml:14:15: accessibility: 'read_aloud' must be true or false");
    EXPECT_DIAG("t.yaml:15:3: accessibility: unknown key 'volum'", "did you mean 'volume'");
}

static void load_missing_file(void) {
    memset(&diags, 0, sizeof diags);
    config *c =
        config_load(TEST_SOURCE_DIR "/tests/fixtures/unit/no-such-config.yaml", &opt, &diags);
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG(TEST_SOURCE_DIR "/tests/fixtures/unit/no-such-config.yaml: cannot open");
}

/* A language with no keyboard file (de, fr) is typed on the UK keyboard: a warning at its
 * code in 'available' naming the file looked for, never counted with the colours `check`
 * refuses (it was: "1 text colour is below the WCAG AA contrast", with no colour to see). */
static void language_without_keyboard(void) {
    diag_list *w = calloc(1, sizeof *w), *low = calloc(1, sizeof *low);
    config_options o = {.assets_dir = TEST_SOURCE_DIR "/assets", .warnings = w, .contrast = low};
    memset(&diags, 0, sizeof diags);
    config *c = config_load(TEST_SOURCE_DIR "/tests/fixtures/languages/no-keyboard.yaml", &o, &diags);
    dump();
    CHECK(c != NULL);
    CHECK_INT(diags.count, 0);
    CHECK_INT(low->count, 0);
    CHECK_INT(w->count, 2);
    CHECK_CONTAINS(w->items[0], "no-keyboard.yaml:7:19: languages: 'de' has no keyboard of its own (looked for "
                                TEST_SOURCE_DIR "/assets/keyboards/de.yaml): it is typed on the UK keyboard");
    CHECK_CONTAINS(w->items[1], "no-keyboard.yaml:7:23: languages: 'fr' has no keyboard of its own");
    if (c) {
        CHECK_STR(c->by_lang[1]->keyboard->name, "en-GB");
        CHECK_STR(c->by_lang[2]->plan.title, "Notre plan");
    }
    config_free(c);

    /* With pale colours too: the colours in one list, the keyboards in the other. */
    memset(w, 0, sizeof *w);
    memset(&diags, 0, sizeof diags);
    c = config_load_string("plankiosk: 1\nlanguages: {default: en, available: [en, de]}\n"
                           "kiosk: {id: k, location: l}\nplan: {title: P}\n"
                           "theme: {background: \"#FFFFFF\", text: \"#BBBBBB\"}\n"
                           "slides: [{type: title, title: T}]\n",
                           "t.yaml", TEST_SOURCE_DIR "/config", &o, &diags);
    dump();
    CHECK(c != NULL);
    CHECK_INT(w->count, 1);
    CHECK_CONTAINS(w->items[0], "t.yaml:2:42: languages: 'de' has no keyboard of its own");
    CHECK(low->count > 0);
    for (int i = 0; i < low->count; i++) CHECK_CONTAINS(low->items[i], "has a contrast of");
    config_free(c);

    /* Without a list for colours (the running kiosk), they are warnings like the rest. */
    diag_list *all = calloc(1, sizeof *all);
    int colours = low->count;
    memset(&diags, 0, sizeof diags);
    c = config_load_string("plankiosk: 1\nlanguages: {default: en, available: [en, de]}\n"
                           "kiosk: {id: k, location: l}\nplan: {title: P}\n"
                           "theme: {background: \"#FFFFFF\", text: \"#BBBBBB\"}\n"
                           "slides: [{type: title, title: T}]\n",
                           "t.yaml", TEST_SOURCE_DIR "/config",
                           &(config_options){.assets_dir = TEST_SOURCE_DIR "/assets", .warnings = all}, &diags);
    CHECK(c != NULL);
    CHECK_INT(all->count, colours + 1);
    config_free(c);
    free(all);
    free(w);
    free(low);
}

/* staff.pin_hash_file: the hash in a file beside the config (a Raspberry Pi card's, written at
 * boot): read with a BOM and CR LF; not there yet is a warning and staff mode off; anything but
 * the hash, or a file that cannot be read, an error at the key; never both keys. */
static void write_pin_file(const char *path, const char *text) {
    FILE *f = fopen(path, "wb");
    if (!f) return;
    fputs(text, f);
    fclose(f);
}

static config *load_pin(const char *dir, const char *staff, diag_list *w) {
    char text[600];
    snprintf(text, sizeof text, "plankiosk: 1\nkiosk: {id: k, location: l}\nplan: {title: P}\n"
                                "slides: [{type: title, title: T}]\nstaff:\n%s", staff);
    memset(&diags, 0, sizeof diags);
    memset(w, 0, sizeof *w);
    config_options o = {.assets_dir = TEST_SOURCE_DIR "/assets", .warnings = w};
    return config_load_string(text, "t.yaml", dir, &o, &diags);
}

static void pin_hash_file(void) {
    char dir[300], path[400], hash[PIN_HASH_MAX], text[2 * PIN_HASH_MAX + 16];
    snprintf(dir, sizeof dir, "%s/pin-hash-file-XXXXXX", TEST_BINARY_DIR);
    CHECK(mkdtemp(dir) != NULL);
    pk_error err = {{0}};
    CHECK(pin_hash("2468", hash, &err));
    snprintf(path, sizeof path, "%s/staff-pin.hash", dir);
    diag_list *w = calloc(1, sizeof *w);
    const char *key = "  pin_hash_file: staff-pin.hash\n"; /* line 6, the value at column 18 */

    /* Saved by Notepad: a byte-order mark and CR LF. */
    snprintf(text, sizeof text, "\xEF\xBB\xBF%s\r\n", hash);
    write_pin_file(path, text);
    config *c = load_pin(dir, key, w);
    dump();
    CHECK(c != NULL);
    CHECK_INT(w->count, 0);
    if (c) {
        CHECK_STR(c->staff.pin_hash ? c->staff.pin_hash : "", hash);
        CHECK(pin_verify(c->staff.pin_hash, "2468"));
        CHECK_STR(c->staff.pin_hash_file ? c->staff.pin_hash_file : "", path);
    }
    config_free(c);
    /* As hash-pin printed it, one line with its newline. */
    snprintf(text, sizeof text, "%s\n", hash);
    write_pin_file(path, text);
    c = load_pin(dir, key, w);
    CHECK(c != NULL && c->staff.pin_hash && pin_verify(c->staff.pin_hash, "2468"));
    config_free(c);

    /* Not made yet: the kiosk runs, staff mode is off, and the warning names the file. */
    remove(path);
    c = load_pin(dir, key, w);
    CHECK(c != NULL);
    CHECK_INT(diags.count, 0);
    CHECK_INT(w->count, 1);
    if (c) CHECK(c->staff.pin_hash == NULL);
    if (w->count) {
        CHECK_CONTAINS(w->items[0], "t.yaml:6:18: staff: 'pin_hash_file': ");
        CHECK_CONTAINS(w->items[0], path);
        CHECK_CONTAINS(w->items[0], "staff mode stays off until it does");
    }
    config_free(c);

    /* The PIN itself, two hashes, nothing: refused at the key, the file's words never shown. */
    const char *garbage[] = {"2468\n", "", "PIN: 2468\r\n", NULL};
    for (int i = 0; garbage[i]; i++) {
        write_pin_file(path, garbage[i]);
        c = load_pin(dir, key, w);
        EXPECT_FAIL(c, 1);
        EXPECT_DIAG("t.yaml:6:18: staff: 'pin_hash_file': ", path, "must hold one line, the one printed by `plankiosk hash-pin`");
        CHECK(diags.count == 0 || strstr(diags.items[0], "2468\n") == NULL);
    }
    snprintf(text, sizeof text, "%s\n%s\n", hash, hash);
    write_pin_file(path, text);
    c = load_pin(dir, key, w);
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:6:18: staff: 'pin_hash_file': ", "must hold one line");

    /* Cannot be read (a folder of that name). */
    remove(path);
    mkdir(path, 0755);
    c = load_pin(dir, key, w);
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:6:18: staff: 'pin_hash_file': cannot read ", path);
    rmdir(path);

    /* Both keys: which one would count? Neither: an error. */
    snprintf(text, sizeof text, "%s\n", hash);
    write_pin_file(path, text);
    char both[400];
    snprintf(both, sizeof both, "  pin_hash: \"%s\"\n  pin_hash_file: staff-pin.hash\n", hash);
    c = load_pin(dir, both, w);
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:7:18: staff: give the PIN's hash once: 'pin_hash' or 'pin_hash_file', not both");
    remove(path);
    rmdir(dir);
    free(w);
}

/* A whole text file, NUL-terminated, for the caller to free; NULL if it cannot be read. */
static char *read_text(const char *path) {
    FILE *f = fopen(path, "rb");
    char *buf = f ? calloc(1, 1 << 20) : NULL;
    if (buf) fread(buf, 1, (1 << 20) - 1, f);
    if (f) fclose(f);
    return buf;
}

/* Council staff read REFERENCE.md, not the C: every wording name is there with its English
 * default (char_unsupported too), and nothing sends them to a source file or an issue. The
 * shipped file's header names files that exist. */
/* ---- the town answers back: you_said, results, we_did ------------------------------------ */

/* Without `consultations:` the file has one, the first journey's "feedback": themes (choices),
 * rating (faces), text, name, age_band, postcode_district, consent_quote. */
static void answers_back_valid(void) {
    config *c = load_slides("  - type: you_said\n"                      /* 11 */
                            "  - type: results\n"                       /* 12 */
                            "    question: rating\n"                    /* 13 */
                            "  - type: we_did\n"                        /* 14 */
                            "    items:\n"                              /* 15 */
                            "      - {you_said: More trees, we_did: We planted forty, when: March 2026}\n"
                            "  - type: you_said\n"
                            "    title: In your words\n"
                            "    per_page: 1\n"
                            "  - type: results\n"
                            "    question: themes\n"
                            "    min_responses: 25\n"
                            "    caption: \"{people} people since {since}\"\n");
    CHECK(c != NULL);
    CHECK_INT(diags.count, 0);
    dump();
    if (!c) return;
    CHECK_INT(c->n_slides, 5);
    const slide *ys = &c->slides[0], *rs = &c->slides[1], *wd = &c->slides[2];
    CHECK_INT(ys->type, SLIDE_YOU_SAID);
    CHECK_INT(ys->per_page, 3);
    CHECK_INT(ys->consultation, -1);
    CHECK_INT(ys->n_approved, 0);
    CHECK_STR(ys->title, c->consultations[0].title); /* the question people answered */
    CHECK_INT(rs->type, SLIDE_RESULTS);
    CHECK_INT(rs->consultation, 0); /* the only one: no need to name it */
    CHECK_INT(rs->question, consult_question_index(&c->consultations[0], "rating"));
    CHECK_INT(rs->min_responses, 10);
    CHECK_STR(rs->title, "What people are saying so far");
    CHECK(rs->caption == NULL);
    CHECK_INT(wd->type, SLIDE_WE_DID);
    CHECK_INT(wd->n_we_did, 1);
    CHECK_STR(wd->we_did[0].you_said, "More trees");
    CHECK_STR(wd->we_did[0].we_did, "We planted forty");
    CHECK_STR(wd->we_did[0].when, "March 2026");
    CHECK(wd->we_did[0].image == NULL && wd->we_did[0].alt == NULL);
    CHECK(wd->title == NULL);
    CHECK_STR(c->slides[3].title, "In your words");
    CHECK_INT(c->slides[3].per_page, 1);
    CHECK_INT(c->slides[4].min_responses, 25);
    CHECK_STR(c->slides[4].caption, "{people} people since {since}");
    CHECK_STR(config_slide_type_name(SLIDE_YOU_SAID), "you_said");
    CHECK_STR(config_slide_type_name(SLIDE_RESULTS), "results");
    CHECK_STR(config_slide_type_name(SLIDE_WE_DID), "we_did");
    config_free(c);
    /* A slip in the type is caught like any other. */
    c = load_slides("  - type: you_sed\n"); /* 11 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:11:11: slide 1: 'type' cannot be \"you_sed\"", "did you mean 'you_said'?");
}

static void you_said_keys(void) {
    config *c = load_slides("  - type: you_said\n" /* 11 */
                            "    per_page: 5\n");  /* 12 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:12:15: slide 1 (you_said): 'per_page' must be between 1 and 4, not 5");
    c = load_slides("  - type: you_said\n"
                    "    per_page: 0\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:12:15: slide 1 (you_said): 'per_page' must be between 1 and 4, not 0");
    c = load_slides("  - type: you_said\n"
                    "    consultation: feedbak\n"); /* 12 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:12:19: slide 1 (you_said): there is no consultation 'feedbak'", "did you mean 'feedback'?");
    c = load_slides("  - type: you_said\n"
                    "    per_pages: 2\n"); /* 12 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:12:5: slide 1 (you_said): unknown key 'per_pages' (did you mean 'per_page'?)");
    c = load_slides("  - type: you_said\n"
                    "    consultation: feedback\n"
                    "    per_page: 4\n");
    CHECK(c != NULL);
    if (c) {
        CHECK_INT(c->slides[0].consultation, 0);
        CHECK_INT(c->slides[0].per_page, 4);
    }
    config_free(c);
}

static void results_keys(void) {
    /* Words and personal answers never add up to a figure: refused, saying why. */
    config *c = load_slides("  - type: results\n"  /* 11 */
                            "    question: text\n"); /* 12 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:12:15: slide 1 (results): question 'text' is a 'text' question",
                "never anyone's words or personal answers");
    c = load_slides("  - type: results\n"
                    "    question: postcode_district\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:12:15: slide 1 (results): question 'postcode_district' is a 'postcode_district' question");
    c = load_slides("  - type: results\n"
                    "    question: age_band\n");
    CHECK(c != NULL);
    config_free(c);
    c = load_slides("  - type: results\n"
                    "    question: ratin\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:12:15: slide 1 (results): consultation 'feedback' has no question 'ratin'",
                "did you mean 'rating'?");
    c = load_slides("  - type: results\n"); /* 11 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:11:5: slide 1 (results): missing required key 'question'");
    c = load_slides("  - type: results\n"
                    "    question: rating\n"
                    "    min_responses: 0\n"); /* 13 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:13:20: slide 1 (results): 'min_responses' must be between 1 and 1000000, not 0");
    c = load_slides("  - type: results\n"
                    "    question: rating\n"
                    "    caption: \"{peple} at {kiosks} kiosks since {since}\"\n"); /* 13 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:13:14: slide 1 (results): 'caption': unknown placeholder {peple} (did you mean {people}?)");
    c = load_slides("  - type: results\n"
                    "    question: rating\n"
                    "    caption: \"{people} people {since\"\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:13:14: slide 1 (results): 'caption': a '{' without its '}'");
    /* Under five people, a figure can point at someone: a warning, not a refusal. */
    diag_list *warned = calloc(1, sizeof *warned);
    config_options wopt = opt;
    wopt.warnings = warned;
    memset(&diags, 0, sizeof diags);
    c = config_load_string(HEAD "  - type: results\n"
                                "    question: rating\n"
                                "    min_responses: 3\n", /* 13 */
                           "t.yaml", TEST_SOURCE_DIR "/config", &wopt, &diags);
    CHECK(c != NULL);
    CHECK_INT(warned->count, 1);
    if (warned->count == 1) {
        CHECK_CONTAINS(warned->items[0], "t.yaml:13:20: slide 1 (results): 'min_responses' is 3");
        CHECK_CONTAINS(warned->items[0], "can tell what someone chose");
    }
    if (c) CHECK_INT(c->slides[0].min_responses, 3);
    config_free(c);
    free(warned);
    /* Several consultations: the slide names one. */
    static const char *const two =
        "  - type: results\n"                                        /* 11 */
        "    question: q\n"                                          /* 12 */
        "consultations:\n"                                           /* 13 */
        "  - {id: a, title: A, questions: [{id: q, type: faces}]}\n" /* 14 */
        "  - {id: b, title: B, questions: [{id: q, type: scale, title: Q}]}\n";
    c = load_slides(two);
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:11:5: slide 1 (results): missing required key 'consultation'", "2 consultations");
    c = load_slides("  - type: results\n"
                    "    consultation: b\n"
                    "    question: q\n"
                    "  - type: you_said\n"
                    "    consultation: b\n"
                    "  - type: you_said\n"
                    "consultations:\n"
                    "  - {id: a, title: A, questions: [{id: q, type: faces}]}\n"
                    "  - {id: b, title: B, questions: [{id: q, type: scale, title: Q}]}\n");
    CHECK(c != NULL);
    dump();
    if (c) {
        CHECK_INT(c->slides[0].consultation, 1);
        CHECK_INT(c->slides[0].question, 0);
        CHECK_STR(c->slides[1].title, "B");
        CHECK(c->slides[2].title == NULL); /* the running one's, on the day */
        CHECK_INT(c->slides[2].consultation, -1);
    }
    config_free(c);
}

static void we_did_keys(void) {
    config *c = load_slides("  - type: we_did\n"                                        /* 11 */
                            "    items:\n"                                              /* 12 */
                            "      - you_said: Dark paths\n"                            /* 13 */
                            "        we_did: New lights\n"                              /* 14 */
                            "        image: images/rotherham-skyline.svg\n");           /* 15 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:13:9: slide 1 (we_did): missing required key 'alt'");
    c = load_slides("  - type: we_did\n"
                    "    items:\n"
                    "      - you_said: Dark paths\n"
                    "        we_did: New lights\n"
                    "        alt: A lamp\n"); /* 15 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:15:9: slide 1 (we_did): 'alt' describes the 'image', and this item has none");
    c = load_slides("  - type: we_did\n"
                    "    items:\n"
                    "      - you_said: Dark paths\n"); /* 13 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:13:9: slide 1 (we_did): missing required key 'we_did'");
    c = load_slides("  - type: we_did\n"
                    "    items:\n"
                    "      - {you_said: a, we_did: b}\n"
                    "      - {you_said: a, we_did: b}\n"
                    "      - {you_said: a, we_did: b}\n"
                    "      - {you_said: a, we_did: b}\n"
                    "      - {you_said: a, we_did: b}\n"); /* 17 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:17:9: slide 1 (we_did): 'items' can hold at most 4 items, it has 5");
    c = load_slides("  - type: we_did\n"
                    "    items:\n"
                    "      - {you_said: a, we_didd: b}\n"); /* 13 */
    EXPECT_FAIL(c, 2);
    EXPECT_DIAG("t.yaml:13:23: slide 1 (we_did): unknown key 'we_didd' (did you mean 'we_did'?)");
    c = load_slides("  - type: we_did\n"
                    "    title: You said, we did\n"
                    "    items:\n"
                    "      - you_said: Dark paths\n"
                    "        we_did: New lights\n"
                    "        image: images/rotherham-skyline.svg\n"
                    "        alt: A lamp on a path\n");
    CHECK(c != NULL);
    dump();
    if (c) {
        CHECK_CONTAINS(c->slides[0].we_did[0].image, "rotherham-skyline.svg");
        CHECK_STR(c->slides[0].we_did[0].alt, "A lamp on a path");
        CHECK_STR(c->slides[0].title, "You said, we did");
    }
    config_free(c);
}

static void approved_file(void) {
    char dir[] = "/tmp/pk-approved-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[300], name[600];
    snprintf(path, sizeof path, "%s/approved.yaml", dir);
    static const char *const cfg = HEAD "  - type: you_said\n"      /* 11 */
                                        "    approved_file: approved.yaml\n"; /* 12 */
    write_pin_file(path, "# from plankiosk quotes --out\n"
                     "approved_quotes:\n"
                     "  - key: \"r1:text\"\n"
                     "    consultation: feedback\n"
                     "    language: pl\n"
                     "    at: \"2026-03-02T10:11:12+01:00\"\n"
                     "    text: Więcej drzew\n"
                     "    name: Ola\n"
                     "  - key: \"r2:text\"\n"
                     "    consultation: feedback\n"
                     "    language: en\n"
                     "    at: \"2026-03-05T09:00:00Z\"\n"
                     "    text: A bench by the river\n"
                     "    age_band: 65+\n");
    memset(&diags, 0, sizeof diags);
    config *c = config_load_string(cfg, "t.yaml", dir, &opt, &diags);
    CHECK(c != NULL);
    dump();
    if (c) {
        const slide *s = &c->slides[0];
        CHECK_INT(s->n_approved, 2);
        if (s->n_approved == 2) {
            /* Newest first, whatever the file's order. */
            CHECK_STR(s->approved[0].key, "r2:text");
            CHECK_STR(s->approved[0].age_band, "65+");
            CHECK(s->approved[0].name == NULL);
            CHECK(s->approved[0].utc == 1772701200LL);
            CHECK_STR(s->approved[1].lang, "pl");
            CHECK_STR(s->approved[1].text, "Więcej drzew");
            CHECK_STR(s->approved[1].name, "Ola");
            CHECK(s->approved[1].utc == 1772442672LL);
        }
    }
    config_free(c);
    /* A mistake in the approved file is reported at its own line and column. */
    write_pin_file(path, "approved_quotes:\n"
                     "  - key: \"r1:text\"\n"
                     "    consultation: feedback\n"
                     "    language: pl\n"
                     "    at: yesterday\n" /* 5 */
                     "    txt: Więcej drzew\n");     /* 6 */
    memset(&diags, 0, sizeof diags);
    c = config_load_string(cfg, "t.yaml", dir, &opt, &diags);
    EXPECT_FAIL(c, 3);
    snprintf(name, sizeof name, "%s:6:5: slide 1 (you_said): approved quote 1: unknown key 'txt' (did you mean 'text'?)", path);
    EXPECT_DIAG(name);
    snprintf(name, sizeof name, "%s:5:9: slide 1 (you_said): approved quote 1: 'at' must be a time", path);
    EXPECT_DIAG(name);
    snprintf(name, sizeof name, "%s:2:5: slide 1 (you_said): approved quote 1: missing required key 'text'", path);
    EXPECT_DIAG(name);
    write_pin_file(path, "approved_quotes:\n  - key: [broken\n");
    memset(&diags, 0, sizeof diags);
    c = config_load_string(cfg, "t.yaml", dir, &opt, &diags);
    CHECK(c == NULL);
    CHECK(diags.count >= 1);
    if (diags.count) CHECK(strncmp(diags.items[0], path, strlen(path)) == 0);
    config_free(c);
    /* Not there: named at the config's line, with how to make it. */
    unlink(path);
    memset(&diags, 0, sizeof diags);
    c = config_load_string(cfg, "t.yaml", dir, &opt, &diags);
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:12:20: slide 1 (you_said): 'approved_file': cannot read", "plankiosk quotes");
    rmdir(dir);
}

static void fleet_dir_and_moderation(void) {
    config *c = load_slides("  - {type: title, title: T}\n" /* 11 */
                            "feedback:\n"                   /* 12 */
                            "  fleet_dir: fleet\n"          /* 13 */
                            "moderation:\n"                 /* 14 */
                            "  block:\n"                    /* 15 */
                            "    en: [darn, \"two words\"]\n" /* 16 */
                            "    pl: [kurde]\n");
    CHECK(c != NULL);
    dump();
    if (c) {
        CHECK_STR(c->feedback.fleet_dir, TEST_SOURCE_DIR "/config/fleet");
        CHECK_INT(c->moderation.n_block, 3);
        if (c->moderation.n_block == 3) {
            CHECK_STR(c->moderation.block[1], "two words");
            CHECK_STR(c->moderation.block_lang[1], "en");
            CHECK_STR(c->moderation.block_lang[2], "pl");
        }
    }
    /* A stick's content never moves a kiosk's fleet folder. */
    config_options sopt = opt;
    sopt.kiosk_own = c;
    memset(&diags, 0, sizeof diags);
    config *stick = c ? config_load_string(HEAD "  - {type: title, title: S}\nfeedback:\n  fleet_dir: /elsewhere\n",
                                           "stick.yaml", "/media/stick", &sopt, &diags)
                      : NULL;
    CHECK(stick != NULL);
    if (stick) CHECK_STR(stick->feedback.fleet_dir, TEST_SOURCE_DIR "/config/fleet");
    char line[300];
    if (c) CHECK_CONTAINS(config_kiosk_own_line(c, line, sizeof line), "fleet folder");
    config_free(stick);
    config_free(c);
    c = load_slides("  - {type: title, title: T}\n"
                    "moderation:\n"
                    "  block:\n"
                    "    eng: [darn]\n"          /* 14 */
                    "    pl: [\"  \"]\n"         /* 15 */
                    "    ro: darn\n"             /* 16 */
                    "  blocks: {}\n");           /* 17 */
    EXPECT_FAIL(c, 4);
    EXPECT_DIAG("t.yaml:14:5: moderation: 'block': 'eng' is not a language code (did you mean 'en'?)");
    EXPECT_DIAG("t.yaml:15:10: moderation: 'block': an empty word in the 'pl' list");
    EXPECT_DIAG("t.yaml:16:9: moderation: 'block': 'ro' must be a list of words");
    EXPECT_DIAG("t.yaml:17:3: moderation: unknown key 'blocks' (did you mean 'block'?)");
    /* fleet_dir and dir the same folder: said, not refused. */
    diag_list *warned = calloc(1, sizeof *warned);
    config_options wopt = opt;
    wopt.warnings = warned;
    memset(&diags, 0, sizeof diags);
    c = config_load_string(HEAD "  - {type: title, title: T}\nfeedback:\n  dir: /tmp/pk-same\n  fleet_dir: /tmp/pk-same/\n",
                           "t.yaml", TEST_SOURCE_DIR "/config", &wopt, &diags);
    CHECK(c != NULL);
    CHECK_INT(warned->count, 1);
    if (warned->count) CHECK_CONTAINS(warned->items[0], "t.yaml:14:14: feedback: 'fleet_dir' is the same folder as 'dir'");
    config_free(c);
    free(warned);
}

static void quotes_age_band(void) {
    config *c = load_slides("  - {type: title, title: T}\n"
                            "consultations:\n"
                            "  - id: a\n"
                            "    title: A\n"
                            "    quotes: {age_band: true}\n"
                            "    questions: [{id: t, type: text, title: T}, {id: n, type: age_band}, {id: c, type: consent}]\n"
                            "  - id: b\n"
                            "    title: B\n"
                            "    questions: [{id: t, type: text, title: T}]\n");
    CHECK(c != NULL);
    dump();
    if (c) {
        CHECK(c->consultations[0].quote_age_band);
        CHECK(!c->consultations[1].quote_age_band);
    }
    config_free(c);
    c = load_slides("  - {type: title, title: T}\n" /* 11 */
                    "consultations:\n"              /* 12 */
                    "  - id: a\n"                   /* 13 */
                    "    title: A\n"                /* 14 */
                    "    quotes: {age_bands: true}\n" /* 15 */
                    "    questions: [{id: t, type: text, title: T}]\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:15:14: consultation 1: unknown key 'age_bands' (did you mean 'age_band'?)");
}

static void reference_for_staff(void) {
    char *ref = read_text(TEST_SOURCE_DIR "/config/REFERENCE.md");
    CHECK(ref != NULL);
    if (!ref) return;
    for (int i = 0; i < UI_COUNT; i++) {
        char row[300];
        snprintf(row, sizeof row, "| `%s` | %s |", ui_text_name((ui_text_id)i), ui_text_default((ui_text_id)i));
        CHECK_CONTAINS(ref, row);
    }
    CHECK(strstr(ref, "src/") == NULL);
    CHECK(strstr(ref, ".c`") == NULL);
    CHECK(strstr(ref, " issue") == NULL);
    free(ref);
    char *yaml = read_text(TEST_SOURCE_DIR "/config/rotherham-2025.yaml");
    CHECK(yaml != NULL);
    int named = 0;
    for (const char *p = yaml; p && (p = strstr(p, "config/")) != NULL; p += 7) {
        char name[200], path[400];
        size_t n = strspn(p + 7, "abcdefghijklmnopqrstuvwxyz0123456789-_.");
        snprintf(name, sizeof name, "%.*s", (int)n, p + 7);
        while (n && name[n - 1] == '.') name[--n] = '\0'; /* the end of a sentence */
        snprintf(path, sizeof path, TEST_SOURCE_DIR "/config/%s", name);
        FILE *f = fopen(path, "r");
        if (!f) fprintf(stderr, "    the header names config/%s, which does not exist\n", name);
        CHECK(f != NULL);
        if (f) fclose(f);
        named++;
    }
    CHECK(named >= 2);
    free(yaml);
}

int main(void) {
    RUN(shipped_loads_clean);
    RUN(shipped_themes);
    RUN(shipped_milestones);
    RUN(shipped_indicators);
    RUN(shipped_highlights);
    RUN(shipped_quotes_and_cta);
    RUN(shipped_slides);
    RUN(shipped_answers_back);
    RUN(minimal_valid);
    RUN(every_type_valid);
    RUN(milestone_statuses);
    RUN(active_slides_by_date);
    RUN(slide_durations);
    RUN(hash_names_content);
    RUN(yaml_syntax);
    RUN(unknown_top_level_key);
    RUN(unknown_slide_key);
    RUN(wrong_types);
    RUN(missing_required);
    RUN(text_slide_of_spaces);
    RUN(impossible_dates);
    RUN(until_before_from);
    RUN(image_files);
    RUN(unknown_slide_type);
    RUN(unknown_theme);
    RUN(duplicates);
    RUN(bad_colour);
    RUN(bad_kiosk_id);
    RUN(format_version);
    RUN(many_errors_at_once);
    RUN(notepad_files);
    RUN(generated_id_collision);
    RUN(load_missing_file);
    RUN(accessibility);
    RUN(language_without_keyboard);
    RUN(pin_hash_file);
    RUN(answers_back_valid);
    RUN(you_said_keys);
    RUN(results_keys);
    RUN(we_did_keys);
    RUN(approved_file);
    RUN(fleet_dir_and_moderation);
    RUN(quotes_age_band);
    RUN(reference_for_staff);
    return check_report();
}
