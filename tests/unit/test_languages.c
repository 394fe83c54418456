/* Languages in the config: a text may be one string or one per language; each language gets
 * its own view of the config, a missing translation falls back to the default, coverage is
 * counted, missing translations are listed with their place, and mistakes are reported. */
#include <stdlib.h>

#include "check.h"
#include "config/config.h"
#include "journey/languages.h"

static diag_list diags, missing;

static config *load(const char *yaml) {
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets", .missing = &missing};
    memset(&diags, 0, sizeof diags);
    memset(&missing, 0, sizeof missing);
    config *c = config_load_string(yaml, "t.yaml", TEST_SOURCE_DIR "/config", &opt, &diags);
    diag_print(&diags, stderr);
    return c;
}

static const char *base =
    "plankiosk: 1\n"                                                    /* 1 */
    "languages: {default: en, available: [en, ur, pl], unreviewed: [ur]}\n" /* 2 */
    "kiosk: {id: k, location: here}\n"                                   /* 3 */
    "plan:\n"                                                            /* 4 */
    "  title: {en: The Rotherham Plan, ur: \"روتھرہم کا منصوبہ\", pl: Plan Rotherham}\n" /* 5 */
    "slides:\n"                                                          /* 6 */
    "  - type: text\n"                                                   /* 7 */
    "    title: {en: Our vision, pl: Nasza wizja}\n"                     /* 8 */
    "    bullets: [{en: Clean streets, ur: \"صاف گلیاں\"}, Trees]\n"      /* 9 */
    "feedback:\n"                                                        /* 10 */
    "  wording: {next: {en: Next, ur: \"اگلا\", pl: Dalej}}\n";          /* 11 */

static void each_language_has_its_words(void) {
    config *c = load(base);
    CHECK(c != NULL);
    if (!c) return;
    CHECK_INT(c->languages.n, 3);
    CHECK_INT(c->lang, 0);
    CHECK(c->languages.unreviewed[1]);
    CHECK(!c->languages.unreviewed[2]);
    const config *ur = c->by_lang[1], *pl = c->by_lang[2];
    CHECK(ur && pl);
    CHECK_STR(c->plan.title, "The Rotherham Plan");
    CHECK_STR(ur->plan.title, "روتھرہم کا منصوبہ");
    CHECK_STR(pl->plan.title, "Plan Rotherham");
    CHECK_STR(ur->slides[0].title, "Our vision"); /* no Urdu: the default language's words */
    CHECK_STR(pl->slides[0].title, "Nasza wizja");
    CHECK_STR(ur->slides[0].bullets[0], "صاف گلیاں");
    CHECK_STR(pl->slides[0].bullets[0], "Clean streets");
    CHECK_STR(ur->slides[0].bullets[1], "Trees"); /* a plain string is the same everywhere */
    CHECK_STR(ur->feedback.ui[UI_NEXT], "اگلا");
    CHECK_STR(pl->feedback.ui[UI_BACK], "Back"); /* built-in wording where the file says nothing */
    CHECK_INT(config_language_index(c, "pl"), 2);
    CHECK_INT(config_language_index(c, "de"), -1);
    CHECK(ur->by_lang[0] == c && pl->by_lang[2] == pl);
    /* Coverage: title, slide title, two bullets, "next". */
    CHECK_INT(c->languages.strings, 5);
    CHECK_INT(c->languages.translated[0], 5);
    CHECK_INT(c->languages.translated[1], 3);
    CHECK_INT(c->languages.translated[2], 3);
    /* Missing translations with their place. */
    int found = 0;
    for (int i = 0; i < missing.count; i++) {
        if (strstr(missing.items[i], "t.yaml:8:12: slide 1 (text): 'title' has no ur text")) found++;
        if (strstr(missing.items[i], "t.yaml:9:15: slide 1 (text): 'bullets' has no pl text")) found++;
    }
    if (found != 2) diag_print(&missing, stderr);
    CHECK_INT(found, 2);
    config_free(c);
}

static void mistakes_reported(void) {
    config *c = load("plankiosk: 1\n"
                     "languages: {default: de, available: [en, UR]}\n"
                     "kiosk: {id: k, location: here}\n"
                     "plan: {title: {en: T, fr: Le plan}}\n"
                     "slides:\n  - {type: title, title: Hello}\n");
    CHECK(c == NULL);
    const char *want[] = {"t.yaml:2:42: languages: 'UR' is not a language code",
                          "t.yaml:2:22: languages: 'default' is \"de\", which is not in 'available'",
                          "t.yaml:4:23: 'title': 'fr' is not one of the languages"};
    for (int k = 0; k < 3; k++) {
        bool seen = false;
        for (int i = 0; i < diags.count; i++) seen |= strstr(diags.items[i], want[k]) != NULL;
        if (!seen) fprintf(stderr, "missing: %s\n", want[k]);
        CHECK(seen);
    }
}

static void default_language_required(void) {
    config *c = load("plankiosk: 1\nlanguages: {default: en, available: [en, ur]}\n"
                     "kiosk: {id: k, location: here}\nplan: {title: T}\n"
                     "slides:\n  - {type: title, title: {ur: \"صرف اردو\"}}\n");
    CHECK(c == NULL);
    CHECK_INT(diags.count, 1);
    CHECK_CONTAINS(diags.items[0], "t.yaml:6:26: slide 1 (title): 'title' has no text in the default language 'en'");
}

/* A translation of spaces is no translation: that language shows the default's words (not an
 * empty quote card or a text slide without its bullet), and --languages lists it as missing. */
static void blank_translation_falls_back(void) {
    config *c =
        load("plankiosk: 1\n"
             "languages: {default: en, available: [en, pl]}\n"
             "kiosk: {id: k, location: here}\n"
             "plan: {title: {en: T, pl: \"  \"}}\n"
             "slides:\n"
             "  - {type: text, title: {en: Vision, pl: Wizja}, bullets: [{en: Trees, pl: \" \"}]}\n"
             "  - type: quote\n"
             "    quotes: [{text: {en: Parks please, pl: \"   \"}, name: Ann}]\n");
    CHECK(c != NULL);
    if (!c) return;
    const config *pl = c->by_lang[1];
    CHECK_STR(pl->plan.title, "T");
    CHECK_STR(pl->slides[0].title, "Wizja");
    CHECK_INT(pl->slides[0].n_bullets, 1);
    CHECK_STR(pl->slides[0].bullets[0], "Trees");
    CHECK_STR(pl->slides[1].quotes[0].text, "Parks please");
    /* Coverage: plan title, slide title, bullet, quote and its (plain) name; Polish has its own
     * words for one of them. */
    CHECK_INT(c->languages.strings, 5);
    CHECK_INT(c->languages.translated[1], 1);
    bool listed = false;
    for (int i = 0; i < missing.count; i++)
        listed |=
            strstr(missing.items[i], "t.yaml:8:21: slide 2 (quote): 'text' has no pl text") != NULL;
    if (!listed) diag_print(&missing, stderr);
    CHECK(listed);
    config_free(c);
}

/* A name or someone's own words written {all: ...}, and a text with no letters ("%", "£",
 * "2025"), read the same in every language and are not listed as missing translations; a
 * plain text with words still is. `all` beside a language code gives way to it. */
static void same_in_every_language(void) {
    config *c = load("plankiosk: 1\n"                                                 /* 1 */
                     "languages: {default: en, available: [en, ur, pl]}\n"            /* 2 */
                     "kiosk: {id: k, location: here}\n"                               /* 3 */
                     "plan: {title: {all: Rotherham, ur: \"روتھرہم\"}, publisher: {all: Rotherham Together Partnership}}\n"
                     "slides:\n"                                                       /* 5 */
                     "  - {type: title, title: Trees, footer: \"2025\"}\n"            /* 6 */
                     "  - type: highlights\n"                                          /* 7 */
                     "    title: {en: Numbers, ur: \"اعداد\", pl: Liczby}\n"          /* 8 */
                     "    items: [{value: 5, prefix: \"£\", suffix: \"%\", caption: {en: Up, ur: \"اوپر\", pl: W górę}},\n"
                     "            {value: 7, suffix: {en: \"–\"}, caption: {all: GCSE}}]\n" /* 10 */
                     "  - type: quote\n"                                               /* 11 */
                     "    quotes: [{text: {all: \"More play areas, please\"}, name: {all: Lillie Rose}}]\n");
    CHECK(c != NULL);
    if (!c) return;
    const config *ur = c->by_lang[1], *pl = c->by_lang[2];
    CHECK_STR(c->plan.title, "Rotherham");
    CHECK_STR(ur->plan.title, "روتھرہم"); /* its own words win over `all` */
    CHECK_STR(pl->plan.title, "Rotherham");
    CHECK_STR(ur->plan.publisher, "Rotherham Together Partnership");
    CHECK_STR(pl->slides[2].quotes[0].text, "More play areas, please");
    CHECK_STR(ur->slides[2].quotes[0].name, "Lillie Rose");
    CHECK_STR(pl->slides[1].highlights[0].prefix, "£");
    CHECK_STR(ur->slides[1].highlights[1].suffix, "–");
    /* Twelve texts; only "Trees" has letters and no words of its own in ur and pl. */
    CHECK_INT(c->languages.strings, 12);
    CHECK_INT(c->languages.translated[0], 12);
    CHECK_INT(c->languages.translated[1], 11);
    CHECK_INT(c->languages.translated[2], 11);
    CHECK_INT(missing.count, 2);
    for (int i = 0; i < missing.count; i++)
        CHECK_CONTAINS(missing.items[i], "t.yaml:6:26: slide 1 (title): 'title' has no ");
    config_free(c);
}

/* `all` marks a text, so it cannot be a language's code. */
static void all_is_not_a_language(void) {
    config *c = load("plankiosk: 1\nlanguages: {default: en, available: [en, all]}\n"
                     "kiosk: {id: k, location: here}\nplan: {title: T}\n"
                     "slides:\n  - {type: title, title: Hello}\n");
    CHECK(c == NULL);
    CHECK_INT(diags.count, 1);
    CHECK_CONTAINS(diags.items[0], "t.yaml:2:42: languages: 'all' cannot be a language: {all: ...} marks a text");
    config_free(c);
}

static void single_language_files_unchanged(void) {
    config *c = load("plankiosk: 1\nkiosk: {id: k, location: here}\nplan: {title: T}\n"
                     "slides:\n  - {type: title, title: Hello}\n");
    CHECK(c != NULL);
    if (!c) return;
    CHECK_INT(c->languages.n, 1);
    CHECK_STR(c->languages.code[0], "en");
    CHECK(c->by_lang[0] == c);
    CHECK_INT(missing.count, 0);
    config_free(c);
}

/* Which languages mirror their screens. */
static void right_to_left_languages(void) {
    CHECK(language_is_rtl("ur"));
    CHECK(language_is_rtl("ar"));
    CHECK(language_is_rtl("fa"));
    CHECK(language_is_rtl("he"));
    CHECK(!language_is_rtl("en"));
    CHECK(!language_is_rtl("pl"));
    CHECK(!language_is_rtl("ku")); /* Kurmanji is written in Latin letters */
    CHECK(!language_is_rtl("xx"));
    CHECK(!language_is_rtl(NULL));
}

int main(void) {
    RUN(right_to_left_languages);
    RUN(each_language_has_its_words);
    RUN(mistakes_reported);
    RUN(default_language_required);
    RUN(blank_translation_falls_back);
    RUN(same_in_every_language);
    RUN(all_is_not_a_language);
    RUN(single_language_files_unchanged);
    return check_report();
}
