/* live_fixture: the live slides as the tests lay them out: a slide_live as the kiosk hands one
 * to the slides (approved quotes in all six languages, one of the longest a slide takes, and a
 * results tally for every question a results slide can show), and a you_said, a results slide
 * per question and a we_did slide (four pairs, with pictures) added to a loaded config in every
 * one of its languages. The quotes are those of tests/fixtures/live (the fixture log's approved
 * ones); the tallies add up as a fleet's answers would. Until configs carry these slides
 * themselves, this is how the layout, right-to-left, glyph and read-aloud tests get them. */
#ifndef PK_LIVE_FIXTURE_H
#define PK_LIVE_FIXTURE_H
#include <stdio.h>
#include <string.h>

#include "config/config.h"
#include "content/live.h"

static const struct {
    const char *lang, *text, *name, *age_band;
} live_fixture_quote_rows[] = {
    {"en", "More benches in the town centre, please, so older people can rest on the way to the market.",
     "Margaret", "65+"},
    {"ur", "بچوں کے لیے کھیل کا محفوظ میدان اور شام کو روشنی چاہیے۔", "Noor", "25-44"},
    {"pl", "Więcej zieleni i ławek w centrum. Autobusy do szpitala powinny jeździć częściej.", "Zofia",
     "45-64"},
    {"sk", "Viac podujatí pre rodiny v centre mesta a lepšie autobusy večer.", "Marek", "25-44"},
    {"cs", "Chtěla bych, aby knihovna byla otevřená i v neděli.", "Lucie", "18-24"},
    {"ro", "Mai multe locuri de muncă pentru tineri și cursuri de engleză gratuite.", "Ioana", "25-44"},
    {"ur", "شہر کے مرکز میں مزید بینچ اور صاف ستھرے بیت الخلا ہونے چاہئیں", "Bilal", ""},
    {"en", "Clean up the river walk and put some lights along it.", "", ""},
};

/* A quote of exactly LIVE_QUOTE_MAX_CHARS characters: the most a slide is given. */
static inline const char *live_fixture_longest(void) {
    static char buf[LIVE_QUOTE_MAX_CHARS + 1];
    static const char *const words = "Keep the library open late, with classes and events for everyone in town. ";
    size_t n = 0, len = strlen(words);
    while (n < LIVE_QUOTE_MAX_CHARS) buf[n] = words[n % len], n++;
    buf[LIVE_QUOTE_MAX_CHARS] = '\0';
    return buf;
}

/* Approved quotes, newest first, of consultation `cons`; the longest one first when `longest`. */
static inline void live_fixture_quotes(slide_live *lv, const char *cons, bool longest) {
    int n = 0;
    if (longest) {
        live_quote *q = &lv->quotes[n++];
        *q = (live_quote){.utc = 1773000000};
        snprintf(q->key, sizeof q->key, "long:text");
        snprintf(q->consultation, sizeof q->consultation, "%s", cons);
        snprintf(q->lang, sizeof q->lang, "en");
        snprintf(q->text, sizeof q->text, "%s", live_fixture_longest());
        snprintf(q->name, sizeof q->name, "Amina");
        snprintf(q->age_band, sizeof q->age_band, "25-44");
    }
    for (size_t i = 0; i < sizeof live_fixture_quote_rows / sizeof live_fixture_quote_rows[0]; i++) {
        live_quote *q = &lv->quotes[n++];
        *q = (live_quote){.utc = 1772900000 - (long long)i * 3600};
        snprintf(q->key, sizeof q->key, "live-%zu:text", i);
        snprintf(q->consultation, sizeof q->consultation, "%s", cons);
        snprintf(q->lang, sizeof q->lang, "%s", live_fixture_quote_rows[i].lang);
        snprintf(q->text, sizeof q->text, "%s", live_fixture_quote_rows[i].text);
        snprintf(q->name, sizeof q->name, "%s", live_fixture_quote_rows[i].name);
        snprintf(q->age_band, sizeof q->age_band, "%s", live_fixture_quote_rows[i].age_band);
    }
    lv->n_quotes = n;
}

/* A tally of question qi of consultation k as `people` answers would give it. */
static inline void live_fixture_tally(results_tally *t, const config *c, int k, int qi, long people) {
    const question *q = &c->consultations[k].questions[qi];
    *t = (results_tally){.consultation = k, .question = qi, .type = q->type, .people = people,
                         .responses = people + 3, .kiosks = 3, .has_since = true, .since = {2026, 3, 1}};
    t->n = q->type == Q_FACES ? 5 : q->type == Q_SCALE ? q->max_value - q->min_value + 1 : q->n_options;
    if (t->n > CONSULT_MAX_OPTIONS) t->n = CONSULT_MAX_OPTIONS;
    for (int i = 0; i < t->n; i++) {
        /* Uneven, some ties, one nobody chose: as real answers come. */
        t->counts[i] = i == 2 ? 0 : people * (t->n - i) / (t->n + 1) + (i % 3);
        t->points[i] = i == 1 ? 0 : t->counts[i] * 2 + i;
        t->order[i] = i;
    }
    /* Most first (rank: by points), ties in the config's order. */
    const long *by = q->type == Q_RANK ? t->points : t->counts;
    for (int i = 1; i < t->n; i++)
        for (int j = i; j > 0 && by[t->order[j]] > by[t->order[j - 1]]; j--) {
            int x = t->order[j];
            t->order[j] = t->order[j - 1], t->order[j - 1] = x;
        }
}

/* The we_did pairs in c's language (English where the fixture has no words of its own). */
static inline void live_fixture_pairs(slide *s, const char *lang, const char *image) {
    static const struct {
        const char *lang, *you[4], *we[4], *when[4];
    } words[] = {
        {"en",
         {"More benches in the town centre", "The library should open on Sundays",
          "Buses to the hospital, more often and later into the evening", "Safer walks by the river"},
         {"Twelve new benches on All Saints' Square and Howard Street",
          "Central Library now opens 10 to 4 on Sundays", "The X1 runs every 15 minutes until 11 at night",
          "Lights along the river walk from the station to Rotherham Minster"},
         {"March 2026", "April 2026", NULL, "May 2026"}},
        {"ur",
         {"شہر کے مرکز میں مزید بینچ", "لائبریری اتوار کو کھلنی چاہیے", "ہسپتال کے لیے زیادہ بسیں",
          "دریا کے کنارے محفوظ راستہ"},
         {"آل سینٹس اسکوائر پر بارہ نئے بینچ", "سینٹرل لائبریری اب اتوار کو 10 سے 4 بجے تک کھلتی ہے",
          "X1 بس اب رات 11 بجے تک ہر 15 منٹ بعد چلتی ہے", "اسٹیشن سے دریا کے کنارے روشنیاں"},
         {"مارچ 2026", "اپریل 2026", NULL, "مئی 2026"}},
        {"pl",
         {"Więcej ławek w centrum", "Biblioteka powinna być otwarta w niedziele",
          "Częstsze autobusy do szpitala", "Bezpieczniejsze spacery nad rzeką"},
         {"Dwanaście nowych ławek na All Saints' Square", "Biblioteka Centralna jest otwarta w niedziele 10–16",
          "Autobus X1 jeździ co 15 minut do 23:00", "Oświetlenie wzdłuż rzeki od dworca"},
         {"marzec 2026", "kwiecień 2026", NULL, "maj 2026"}},
    };
    int w = 0;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (!strcmp(words[i].lang, lang)) w = (int)i;
    s->n_we_did = 4;
    for (int i = 0; i < 4; i++)
        s->we_did[i] = (we_did_item){words[w].you[i], words[w].we[i], words[w].when[i], i % 2 ? NULL : image,
                                     i % 2 ? NULL : "A picture of what was done"};
}

/* Adds to every language of c (the config loaded, owning its languages): a you_said slide, a
 * results slide per question a results slide can show (choice, choices, faces, scale, rank,
 * age band) of every consultation, and a we_did slide; fills lv for them (quotes of the first
 * consultation, every tally at `people`). Returns the index of the first slide added. */
static inline int live_fixture_add(config *c, slide_live *lv, long people) {
    int first = c->n_slides;
    const char *image = NULL;
    for (int i = 0; i < c->n_slides && !image; i++)
        if (c->slides[i].type == SLIDE_IMAGE) image = c->slides[i].image;
    *lv = (slide_live){0};
    live_fixture_quotes(lv, c->n_consultations ? c->consultations[0].id : "", true);
    for (int li = 0; li < c->languages.n; li++) {
        config *lc = c->by_lang[li] ? c->by_lang[li] : c;
        int n = first;
        for (int k = 0; k < lc->n_consultations; k++) lc->consultations[k].quote_age_band = true;
        slide *s = &lc->slides[n++];
        *s = (slide){.type = SLIDE_YOU_SAID, .id = "fixture-you-said", .consultation = -1, .per_page = 3};
        for (int k = 0; k < lc->n_consultations; k++)
            for (int qi = 0; qi < lc->consultations[k].n_questions && n < CONFIG_MAX_SLIDES - 1; qi++) {
                question_type t = lc->consultations[k].questions[qi].type;
                if (t != Q_CHOICE && t != Q_CHOICES && t != Q_FACES && t != Q_SCALE && t != Q_RANK &&
                    t != Q_AGE_BAND)
                    continue;
                s = &lc->slides[n];
                *s = (slide){.type = SLIDE_RESULTS, .id = "fixture-results", .consultation = k, .question = qi,
                             .min_responses = 10};
                if (li == 0) {
                    live_fixture_tally(&lv->results[n], lc, k, qi, people);
                    lv->has_results[n] = true;
                }
                n++;
            }
        s = &lc->slides[n++];
        *s = (slide){.type = SLIDE_WE_DID, .id = "fixture-we-did", .consultation = -1};
        live_fixture_pairs(s, lc->languages.code[li], image);
        lc->n_slides = n;
    }
    /* The config's own results slides get their tallies too. */
    for (int i = 0; i < first; i++) {
        const slide *s = &c->slides[i];
        if (s->type != SLIDE_RESULTS || s->consultation < 0 || s->consultation >= c->n_consultations ||
            s->question < 0 || s->question >= c->consultations[s->consultation].n_questions)
            continue;
        live_fixture_tally(&lv->results[i], c, s->consultation, s->question, people);
        lv->has_results[i] = true;
    }
    return first;
}

#endif
