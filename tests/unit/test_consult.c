/* consult: the `consultations:` section loads into questions that can be asked, and every
 * mistake an editor can make in it is reported at its FILE:LINE:COL, in words they can act on;
 * the first journey's `feedback:` form still loads, as one consultation; the pure helpers
 * (dates, postcode patterns, which consultation a button opens) answer as documented. */
#include <stdlib.h>

#include "check.h"
#include "config/config.h"
#include "consult/consult.h"
#include "consult/question_type.h"

static const config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};

/* A minimal valid head with two themes and one slide. Lines 1-12; the consultations list
 * starts on line 13, so a consultation item "  - id: c" has its mapping at column 5, its keys
 * "    key: v" their values at column 5 + len(key) + 2, and a question item "      - id: q"
 * (line 16 in most cases below) its mapping at column 9. */
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
    "slides:\n"                           /* 10 */                                                 \
    "  - {type: title, title: Hello}\n"   /* 11 */                                                 \
    "consultations:\n"                    /* 12 */

/* One consultation's first lines: the questions follow from line 16. */
#define C1                                                                                         \
    "  - id: c1\n"      /* 13 */                                                                   \
    "    title: C\n"    /* 14 */                                                                   \
    "    questions:\n"  /* 15 */

static diag_list diags, warnings; /* large: keep them off the stack */

static void dump(void) {
    for (int i = 0; i < diags.count; i++) fprintf(stderr, "    diag %d: %s\n", i, diags.items[i]);
}

static config *load_text(const char *text) {
    memset(&diags, 0, sizeof diags);
    memset(&warnings, 0, sizeof warnings);
    config_options o = opt;
    o.warnings = &warnings;
    return config_load_string(text, "t.yaml", TEST_SOURCE_DIR "/config", &o, &diags);
}

/* HEAD followed by text (the consultations list, then optionally more sections). */
static config *load_consult(const char *text) {
    static char buf[16384];
    snprintf(buf, sizeof buf, "%s%s", HEAD, text);
    return load_text(buf);
}

/* A diagnostic starting with exactly prefix ("t.yaml:LINE:COL: ...") exists in list and
 * contains each of the (NULL-terminated) words. */
static void expect_in_(diag_list *list, const char *file, int line, const char *const *args) {
    const char *prefix = args[0];
    const char *const *words = args + 1;
    int found = -1;
    for (int i = 0; i < list->count && found < 0; i++)
        if (strncmp(list->items[i], prefix, strlen(prefix)) == 0) found = i;
    check_count++;
    if (found < 0) {
        check_failures++;
        fprintf(stderr, "%s:%d: no message starts with \"%s\"; got %d:\n", file, line, prefix, list->count);
        for (int i = 0; i < list->count; i++) fprintf(stderr, "    %d: %s\n", i, list->items[i]);
        return;
    }
    for (int w = 0; words[w]; w++) {
        check_count++;
        if (!strstr(list->items[found], words[w])) {
            check_failures++;
            fprintf(stderr, "%s:%d: \"%s\" does not contain \"%s\"\n", file, line, list->items[found], words[w]);
        }
    }
}
#define EXPECT_DIAG(...) expect_in_(&diags, __FILE__, __LINE__, (const char *const[]){__VA_ARGS__, NULL})
#define EXPECT_WARNING(...) expect_in_(&warnings, __FILE__, __LINE__, (const char *const[]){__VA_ARGS__, NULL})

/* A failed load returns NULL and exactly n diagnostics. */
#define EXPECT_FAIL(c, n)                                                                          \
    do {                                                                                           \
        CHECK((c) == NULL);                                                                        \
        config_free(c);                                                                            \
        CHECK_INT(diags.count, n);                                                                 \
        if (diags.count != (n)) dump();                                                            \
    } while (0)

/* A load that must succeed, quietly. */
#define EXPECT_OK(c)                                                                               \
    do {                                                                                           \
        CHECK((c) != NULL);                                                                        \
        CHECK_INT(diags.count, 0);                                                                 \
        if (diags.count) dump();                                                                   \
    } while (0)

static const question *q_of(const config *c, int k, const char *id) {
    if (!c || k >= c->n_consultations) return NULL;
    int i = consult_question_index(&c->consultations[k], id);
    return i < 0 ? NULL : &c->consultations[k].questions[i];
}

/* ---- refusals, each at its place -------------------------------------------------------- */

static void unknown_type(void) {
    config *c = load_consult(C1 "      - id: q1\n"       /* 16 */
                                "        type: choises\n" /* 17 */
                                "        title: T\n"      /* 18 */
                                "        options: [{id: a, label: A}]\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:17:15: consultation 1: question 1: unknown question type 'choises'",
                "did you mean 'choices'?");
    /* Nothing close: every type is listed. */
    c = load_consult(C1 "      - id: q1\n"
                        "        type: banana\n" /* 17 */
                        "        title: T\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:17:15: consultation 1: question 1: unknown question type 'banana'", "the types are:",
                "choice, choices, faces, scale, rank, text, number, place, first_name, age_band, "
                "postcode_district, consent");
    /* A later question shown if it was answered a certain way: the unknown type is the one
     * problem, not a crash (fuzz_config found `check` reading the missing type's name). */
    static const char *const tests[] = {"includes: a", "equals: a", "equals: 3"};
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        char text[400];
        snprintf(text, sizeof text,
                 C1 "      - {id: q1, type: banana, options: [{id: a, label: A}]}\n" /* 16 */
                    "      - {id: q2, type: text, title: T, show_if: {question: q1, %s}}\n",
                 tests[i]);
        c = load_consult(text);
        EXPECT_FAIL(c, 1);
        EXPECT_DIAG("t.yaml:16:24: consultation 1: question 1: unknown question type 'banana'");
    }
    /* No type at all. */
    c = load_consult(C1 "      - id: q1\n" /* 16 */
                        "        title: T\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:16:9: consultation 1: question 1: missing required key 'type'");
}

static void duplicate_ids(void) {
    config *c = load_consult(C1 "      - {id: q1, type: text, title: One}\n" /* 16 */
                                "      - {id: q2, type: text, title: Two}\n" /* 17 */
                                "      - {id: q1, type: faces}\n");          /* 18 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:18:14: consultation 1: question 3: question id 'q1' is used twice in consultation 'c1'");
    /* Options. */
    c = load_consult(C1 "      - id: q1\n"             /* 16 */
                        "        type: choices\n"      /* 17 */
                        "        title: T\n"           /* 18 */
                        "        options:\n"           /* 19 */
                        "          - {id: a, label: A}\n" /* 20 */
                        "          - {id: b, label: B}\n" /* 21 */
                        "          - {id: a, label: C}\n"); /* 22 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:22:18: consultation 1: question 1: option id 'a' is used twice in question 'q1'");
    /* The id `other: true` adds. */
    c = load_consult(C1 "      - id: q1\n"
                        "        type: choice\n"
                        "        title: T\n"
                        "        other: true\n"          /* 19 */
                        "        options:\n"             /* 20 */
                        "          - {id: other, label: Other}\n"); /* 21 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:21:18: consultation 1: question 1: option id 'other' is the one 'other: true' adds");
    /* Consultations. */
    c = load_consult(C1 "      - {id: q1, type: faces}\n"
                        "  - id: c1\n" /* 17 */
                        "    title: D\n"
                        "    questions: [{id: q1, type: faces}]\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:17:9: consultation 2: consultation id 'c1' is used twice");
    /* An id that cannot name a column. */
    c = load_consult(C1 "      - {id: Your Name, type: first_name}\n"); /* 16 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:16:14: consultation 1: question 1: a question id must be 1-40 lowercase letters",
                "\"Your Name\"");
}

static void show_if_refusals(void) {
    /* A later question. */
    config *c = load_consult(C1 "      - id: q1\n"                                     /* 16 */
                                "        type: text\n"                                /* 17 */
                                "        title: T\n"                                  /* 18 */
                                "        show_if: {question: q2, answered: true}\n"   /* 19 */
                                "      - {id: q2, type: faces}\n");                   /* 20 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:19:29: consultation 1: question 1: 'show_if' names question 'q2', which comes later",
                "only depend on the ones before it");
    /* A question that is not there at all. */
    c = load_consult(C1 "      - {id: q1, type: faces}\n"                /* 16 */
                        "      - id: q2\n"                               /* 17 */
                        "        type: text\n"                           /* 18 */
                        "        title: T\n"                             /* 19 */
                        "        show_if:\n"                             /* 20 */
                        "          question: nope\n"                     /* 21 */
                        "          answered: true\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:21:21: consultation 1: question 2: 'show_if' names question 'nope', which this "
                "consultation does not have");
    /* An option the question does not have: the ones it has are listed. */
    c = load_consult(C1 "      - id: q1\n"                                  /* 16 */
                        "        type: choice\n"                           /* 17 */
                        "        title: T\n"                               /* 18 */
                        "        options: [{id: a, label: A}, {id: c, label: C}]\n" /* 19 */
                        "      - id: q2\n"                                 /* 20 */
                        "        type: text\n"                             /* 21 */
                        "        title: T\n"                               /* 22 */
                        "        show_if: {question: q1, equals: b}\n");  /* 23 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:23:41: consultation 1: question 2: question 'q1' has no option 'b' (it has: a, c)");
    /* `includes` on a question with one answer. */
    c = load_consult(C1 "      - id: q1\n"
                        "        type: choice\n"
                        "        title: T\n"
                        "        options: [{id: a, label: A}, {id: c, label: C}]\n"
                        "      - id: q2\n"
                        "        type: text\n"
                        "        title: T\n"
                        "        show_if: {question: q1, includes: a}\n"); /* 23 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:23:43: consultation 1: question 2: 'includes' is for 'choices' and 'rank' questions",
                "'q1' is a 'choice' question (use 'equals')");
    /* ...and on a choices question it is right; nested all/any load too. */
    c = load_consult(C1 "      - id: q1\n"                                             /* 16 */
                        "        type: choices\n"
                        "        title: T\n"
                        "        options: [{id: a, label: A}, {id: c, label: C}]\n"
                        "      - {id: q2, type: faces}\n"                               /* 20 */
                        "      - id: q3\n"
                        "        type: text\n"
                        "        title: T\n"
                        "        show_if:\n"
                        "          any:\n"
                        "            - {question: q1, includes: c}\n"
                        "            - all: [{question: q2, equals: 5}, {question: q1, answered: false}]\n");
    EXPECT_OK(c);
    const question *q3 = q_of(c, 0, "q3");
    CHECK(q3 && q3->show_if);
    if (q3 && q3->show_if) {
        const q_cond *any = q3->show_if;
        CHECK_INT(any->kind, COND_ANY);
        CHECK_INT(any->n, 2);
        CHECK_INT(any->items[0].kind, COND_INCLUDES);
        CHECK_INT(any->items[0].question, 0);
        CHECK_INT(any->items[0].option, 1);
        CHECK_INT(any->items[1].kind, COND_ALL);
        CHECK_INT(any->items[1].n, 2);
        CHECK_INT(any->items[1].items[0].kind, COND_EQUALS);
        CHECK_INT(any->items[1].items[0].question, 1);
        CHECK_INT(any->items[1].items[0].value, 5);
        CHECK_INT(any->items[1].items[1].kind, COND_NOT_ANSWERED);
    }
    config_free(c);
}

static void max_above_options(void) {
    config *c = load_consult(C1 "      - id: r\n"                 /* 16 */
                                "        type: rank\n"            /* 17 */
                                "        title: T\n"              /* 18 */
                                "        max: 3\n"                /* 19 */
                                "        options: [{id: a, label: A}, {id: b, label: B}]\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:19:14: consultation 1: question 1: 'max' is 3, but question 'r' has only 2 options");
    c = load_consult(C1 "      - id: ch\n"
                        "        type: choices\n"
                        "        title: T\n"
                        "        max: 4\n"                        /* 19 */
                        "        other: true\n"
                        "        options: [{id: a, label: A}, {id: b, label: B}]\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:19:14: consultation 1: question 1: 'max' is 4, but question 'ch' has only 3 options");
    /* "Something else" counts as an option: three of three is fine. */
    c = load_consult(C1 "      - id: ch\n"
                        "        type: choices\n"
                        "        title: T\n"
                        "        max: 3\n"
                        "        other: true\n"
                        "        options: [{id: a, label: A}, {id: b, label: B}]\n"
                        "      - {id: ok, type: consent}\n");
    EXPECT_OK(c);
    const question *ch = q_of(c, 0, "ch");
    CHECK(ch != NULL);
    if (ch) {
        CHECK_INT(ch->max, 3);
        CHECK_INT(ch->n_options, 3);
    }
    config_free(c);
    /* With options from the themes (two here). */
    c = load_consult(C1 "      - {id: t, type: rank, options_from: themes, max: 3}\n"); /* 16 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:16:56: consultation 1: question 1: 'max' is 3, but question 't' has only 2 options");
}

static void place_without_image(void) {
    config *c = load_consult(C1 "      - id: where\n" /* 16 */
                                "        type: place\n"
                                "        title: Where?\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:16:9: consultation 1: question 1: question 'where' is a 'place' question: it needs an 'image'");
    /* With one: its own size is known. */
    c = load_consult(C1 "      - id: where\n"
                        "        type: place\n"
                        "        title: Where?\n"
                        "        image: images/rotherham-skyline.svg\n"
                        "        max: 3\n");
    EXPECT_OK(c);
    const question *q = q_of(c, 0, "where");
    CHECK(q != NULL);
    if (q) {
        CHECK_CONTAINS(q->image, "rotherham-skyline.svg");
        CHECK(q->image_w > 0 && q->image_h > 0);
        CHECK_INT(q->max, 3);
    }
    config_free(c);
    /* A picture that is not there. */
    c = load_consult(C1 "      - id: where\n"
                        "        type: place\n"
                        "        title: Where?\n"
                        "        image: images/nowhere.png\n"); /* 19 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:19:16: consultation 1: question 1: 'image'", "nowhere.png");
}

static void never_runs(void) {
    config *c = load_consult("  - id: c1\n"            /* 13 */
                             "    title: C\n"          /* 14 */
                             "    from: \"2025-06\"\n" /* 15 */
                             "    until: 2025-05-31\n" /* 16 */
                             "    questions: [{id: q, type: faces}]\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:16:12: consultation 1: consultation 'c1' never runs: it ends (31 May 2025) before it "
                "starts (Jun 2025)");
    /* A month is all of its days: from and until in the same month is a month. */
    c = load_consult("  - id: c1\n"
                     "    title: C\n"
                     "    from: \"2025-06\"\n"
                     "    until: \"2025-06\"\n"
                     "    questions: [{id: q, type: faces}]\n");
    EXPECT_OK(c);
    if (c) {
        CHECK(c->consultations[0].has_from && c->consultations[0].has_until);
        CHECK_INT(c->consultations[0].from.month, 6);
        CHECK_INT(c->consultations[0].from.day, 0);
    }
    config_free(c);
    /* Not a day at all. */
    c = load_consult("  - id: c1\n"
                     "    title: C\n"
                     "    until: \"2025-02-30\"\n" /* 15 */
                     "    questions: [{id: q, type: faces}]\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:15:12: consultation 1:", "2025-02-30");
}

static void required_with_show_if(void) {
    config *c = load_consult(C1 "      - {id: q1, type: faces}\n"                  /* 16 */
                                "      - id: q2\n"                                 /* 17 */
                                "        type: text\n"                             /* 18 */
                                "        title: T\n"                               /* 19 */
                                "        show_if: {question: q1, equals: 1}\n"     /* 20 */
                                "        required: true\n");                       /* 21 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:21:9: consultation 1: question 'q2' is required but has a 'show_if'",
                "drop 'required' or 'show_if'");
    /* Required alone is fine. */
    c = load_consult(C1 "      - {id: q1, type: faces, required: true}\n");
    EXPECT_OK(c);
    if (c) CHECK(c->consultations[0].questions[0].required);
    config_free(c);
}

static void consent_before_quotable(void) {
    config *c = load_consult(C1 "      - {id: ok, type: consent}\n" /* 16 */
                                "      - {id: words, type: text, title: T}\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:16:9: consultation 1: the 'consent' question 'ok' comes before anything that could be "
                "quoted", "put it after them");
    /* Nothing quotable at all: the same. */
    c = load_consult(C1 "      - {id: rating, type: faces}\n"
                        "      - {id: ok, type: consent}\n"); /* 17 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:17:9: consultation 1: the 'consent' question 'ok' comes before anything");
    /* Asked twice. */
    c = load_consult(C1 "      - {id: words, type: text, title: T}\n"
                        "      - {id: ok, type: consent}\n"
                        "      - {id: ok2, type: consent}\n"); /* 18 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:18:9: consultation 1: a consultation asks for consent once; question 'ok2' is a second");
    /* After a first name, or a "Something else" box: both can be quoted. */
    c = load_consult(C1 "      - {id: name, type: first_name}\n"
                        "      - {id: ok, type: consent}\n");
    EXPECT_OK(c);
    config_free(c);
    c = load_consult(C1 "      - {id: t, type: choice, options_from: themes, other: true}\n"
                        "      - {id: ok, type: consent}\n");
    EXPECT_OK(c);
    config_free(c);
}

static void keys_a_type_does_not_use(void) {
    config *c = load_consult(C1 "      - id: rating\n" /* 16 */
                                "        type: faces\n"
                                "        max: 3\n");   /* 18 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:18:9: consultation 1: question 1: 'max' means nothing to a 'faces' question");
    c = load_consult(C1 "      - {id: words, type: text, title: T, options: [{id: a, label: A}], pattern: A9}\n");
    EXPECT_FAIL(c, 2);
    EXPECT_DIAG("t.yaml:16:43: consultation 1: question 1: 'options' means nothing to a 'text' question");
    EXPECT_DIAG("t.yaml:16:73: consultation 1: question 1: 'pattern' means nothing to a 'text' question");
    /* A key no question has: the usual "did you mean". */
    c = load_consult(C1 "      - {id: words, type: text, titel: T}\n");
    EXPECT_FAIL(c, 2);
    EXPECT_DIAG("t.yaml:16:33: consultation 1: question 1: unknown key 'titel'", "did you mean 'title'?");
    EXPECT_DIAG("t.yaml:16:9: consultation 1: question 1: question 'words' needs a 'title'");
    /* And on the consultation itself. */
    c = load_consult("  - id: c1\n"
                     "    title: C\n"
                     "    intro_text: Hi\n" /* 15 */
                     "    questions: [{id: q, type: faces}]\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:15:5: consultation 1: unknown key 'intro_text'");
}

static void options_from_without_themes(void) {
    config *c = load_text("plankiosk: 1\n"
                          "kiosk: {id: k, location: l}\n"
                          "plan: {title: P}\n"
                          "slides: [{type: title, title: T}]\n"
                          "consultations:\n"                /* 5 */
                          "  - id: c1\n"                    /* 6 */
                          "    title: C\n"                  /* 7 */
                          "    questions:\n"                /* 8 */
                          "      - id: t\n"                 /* 9 */
                          "        type: choices\n"         /* 10 */
                          "        title: Which?\n"         /* 11 */
                          "        options_from: themes\n"); /* 12 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:12:23: consultation 1: question 1: 'options_from: themes', but the file has no 'themes:'");
    /* Something other than themes, and both at once. */
    c = load_consult(C1 "      - {id: t, type: choice, title: T, options_from: places}\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:16:55: consultation 1: question 1: 'options_from' can only be 'themes'", "\"places\"");
    c = load_consult(C1 "      - id: t\n"
                        "        type: choice\n"
                        "        title: T\n"
                        "        options_from: themes\n"
                        "        options: [{id: a, label: A}]\n"); /* 20 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:20:18: consultation 1: question 1: give 'options' or 'options_from', not both");
    /* Neither. */
    c = load_consult(C1 "      - {id: t, type: choice, title: T}\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:16:9: consultation 1: question 1: question 't' needs 'options'");
}

static void slide_names_unknown_consultation(void) {
    config *c = load_text("plankiosk: 1\n"
                          "kiosk: {id: k, location: l}\n"
                          "plan: {title: P}\n"
                          "slides:\n"                                                    /* 4 */
                          "  - {type: call_to_action, title: Tell us, consultation: parks}\n" /* 5 */
                          "consultations:\n"
                          "  - {id: roads, title: R, questions: [{id: q, type: faces}]}\n");
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:5:58: slide 1 (call_to_action): there is no consultation 'parks'");
    /* A slide other than a call to action cannot open one. */
    c = load_text("plankiosk: 1\n"
                  "kiosk: {id: k, location: l}\n"
                  "plan: {title: P}\n"
                  "slides:\n"
                  "  - {type: title, title: T, consultation: roads}\n" /* 5 */
                  "consultations:\n"
                  "  - {id: roads, title: R, questions: [{id: q, type: faces}]}\n");
    CHECK(c == NULL);
    config_free(c);
    EXPECT_DIAG("t.yaml:5:29: slide 1", "'consultation'");
}

static void old_keys_with_consultations(void) {
    config *c = load_consult(C1 "      - {id: q, type: faces}\n"
                                "feedback:\n"                 /* 17 */
                                "  question: What next?\n"    /* 18 */
                                "  text_limit: 300\n"         /* 19 */
                                "  steps: {rating: false}\n"  /* 20 */
                                "  button: Tell us\n");
    EXPECT_FAIL(c, 3);
    EXPECT_DIAG("t.yaml:18:3: feedback: 'question' belongs to a consultation now");
    EXPECT_DIAG("t.yaml:19:3: feedback: 'text_limit' belongs to a consultation now");
    EXPECT_DIAG("t.yaml:20:3: feedback: 'steps' belongs to a consultation now");
    /* An empty list is not "no consultations". */
    c = load_consult("  []\n");
    CHECK(c == NULL);
    config_free(c);
    CHECK(diags.count >= 1);
}

/* Everything wrong at once: every problem, each at its place, in one go. */
static void many_at_once(void) {
    config *c = load_consult(C1 "      - {id: a, type: faces, max: 2}\n"                 /* 16 */
                                "      - {id: a, type: text, title: T}\n"                /* 17 */
                                "      - {id: b, type: sacle}\n"                         /* 18 */
                                "  - id: c2\n"                                           /* 19 */
                                "    title: D\n"
                                "    from: \"2026-01\"\n"
                                "    until: \"2025-12\"\n"                               /* 22 */
                                "    questions:\n"
                                "      - {id: p, type: place, title: Where}\n");         /* 24 */
    EXPECT_FAIL(c, 5);
    EXPECT_DIAG("t.yaml:16:30: consultation 1: question 1: 'max' means nothing");
    EXPECT_DIAG("t.yaml:17:14: consultation 1: question 2: question id 'a' is used twice");
    EXPECT_DIAG("t.yaml:18:23: consultation 1: question 3: unknown question type 'sacle'", "did you mean 'scale'?");
    EXPECT_DIAG("t.yaml:22:12: consultation 2: consultation 'c2' never runs");
    EXPECT_DIAG("t.yaml:24:9: consultation 2: question 1: question 'p' is a 'place' question");
}

/* ---- what loads ------------------------------------------------------------------------- */

static void several_consultations(void) {
    config *c = load_consult("  - id: parks\n"                          /* 13 */
                             "    title: Our parks\n"
                             "    intro: A few questions about parks.\n"
                             "    privacy_notice: We keep it a year.\n"
                             "    thanks_title: Cheers\n"
                             "    from: \"2025-01\"\n"
                             "    until: 2025-03-15\n"
                             "    questions:\n"
                             "      - id: visit\n"                      /* 21 */
                             "        type: choice\n"
                             "        title: How often do you visit?\n"
                             "        options:\n"
                             "          - {id: weekly, label: Every week}\n"
                             "          - {id: never, label: Never}\n"
                             "      - {id: why, type: text, title: Why not?, max: 200, show_if: {question: visit, equals: never}}\n"
                             "      - {id: score, type: scale, title: Score them, min: 1, max: 5, low: Poor, high: Great}\n"
                             "      - {id: trees, type: number, title: How many trees?, min: 0, max: 1000}\n"
                             "      - {id: name, type: first_name}\n"
                             "      - {id: ok, type: consent}\n"
                             "  - id: roads\n"                          /* 32 */
                             "    title: Our roads\n"
                             "    questions:\n"
                             "      - {id: mood, type: faces, labels: [Awful, Bad, Meh, Good, Great]}\n"
                             "      - {id: fix, type: rank, title: Fix first, options_from: themes, max: 2}\n"
                             "      - {id: age, type: age_band}\n"
                             "      - {id: where, type: postcode_district, pattern: \"S9|S99\"}\n");
    EXPECT_OK(c);
    if (!c) return;
    CHECK_INT(c->n_consultations, 2);
    const consultation *parks = config_consultation(c, "parks"), *roads = config_consultation(c, "roads");
    CHECK(parks == &c->consultations[0]);
    CHECK(roads == &c->consultations[1]);
    CHECK(config_consultation(c, "feedback") == NULL);
    if (!parks || !roads) {
        config_free(c);
        return;
    }
    CHECK_STR(parks->title, "Our parks");
    CHECK_STR(parks->intro, "A few questions about parks.");
    CHECK_STR(parks->privacy_notice, "We keep it a year.");
    CHECK_STR(parks->thanks_title, "Cheers");
    CHECK(parks->thanks_body && *parks->thanks_body); /* the default words */
    CHECK(parks->has_from && parks->has_until);
    CHECK_INT(parks->until.day, 15);
    CHECK_INT(parks->line, 13);
    CHECK_INT(parks->n_questions, 6);
    CHECK_STR(parks->questions[0].id, "visit");
    CHECK_INT(parks->questions[0].type, Q_CHOICE);
    CHECK_INT(parks->questions[0].line, 21);
    CHECK_INT(parks->questions[0].col, 9);
    CHECK_INT(parks->questions[0].n_options, 2);
    CHECK_STR(parks->questions[0].options[1].id, "never");
    CHECK_STR(parks->questions[0].options[1].label, "Never");
    CHECK_STR(parks->questions[0].label, "How often do you visit?"); /* the title, by default */
    CHECK_INT(parks->questions[1].type, Q_TEXT);
    CHECK_INT(parks->questions[1].max, 200);
    CHECK(parks->questions[1].show_if != NULL);
    if (parks->questions[1].show_if) {
        CHECK_INT(parks->questions[1].show_if->kind, COND_EQUALS);
        CHECK_INT(parks->questions[1].show_if->question, 0);
        CHECK_INT(parks->questions[1].show_if->option, 1);
    }
    CHECK_INT(parks->questions[2].min_value, 1);
    CHECK_INT(parks->questions[2].max_value, 5);
    CHECK_STR(parks->questions[2].low_label, "Poor");
    CHECK_STR(parks->questions[2].high_label, "Great");
    CHECK_INT(parks->questions[3].type, Q_NUMBER);
    CHECK_INT(parks->questions[3].max_value, 1000);
    CHECK_INT(parks->questions[4].type, Q_FIRST_NAME);
    CHECK(parks->questions[4].title && *parks->questions[4].title);
    CHECK_INT(parks->questions[5].type, Q_CONSENT);

    CHECK(!roads->has_from && !roads->has_until);
    CHECK(roads->privacy_notice && *roads->privacy_notice); /* the default notice */
    CHECK(strcmp(roads->privacy_notice, parks->privacy_notice) != 0);
    CHECK(roads->intro == NULL);
    CHECK_INT(roads->n_questions, 4);
    CHECK_STR(roads->questions[0].options[0].label, "Awful");
    CHECK_STR(roads->questions[0].options[4].label, "Great");
    CHECK_INT(roads->questions[1].type, Q_RANK);
    CHECK(roads->questions[1].from_themes);
    CHECK_INT(roads->questions[1].n_options, 2); /* no "Something else" unless asked */
    CHECK_STR(roads->questions[1].options[1].id, "skills");
    CHECK_INT(roads->questions[1].max, 2);
    CHECK_STR(roads->questions[3].pattern, "S9|S99");
    CHECK(strcmp(parks->hash, roads->hash) != 0);
    CHECK_INT(strlen(parks->hash), 16);
    config_free(c);
}

static void themes_with_other(void) {
    config *c = load_consult(C1 "      - {id: themes, type: choices, options_from: themes, other: true}\n");
    EXPECT_OK(c);
    const question *q = q_of(c, 0, "themes");
    CHECK(q != NULL);
    if (q) {
        CHECK(q->from_themes);
        CHECK(q->other);
        CHECK_INT(q->n_options, 3);
        CHECK_STR(q->options[0].id, "town");
        CHECK_STR(q->options[0].label, "Town centre");
        CHECK_STR(q->options[1].id, "skills");
        CHECK_STR(q->options[2].id, CONSULT_OTHER_ID); /* last */
        CHECK_STR(q->options[2].label, c->feedback.ui[UI_SOMETHING_ELSE]);
        CHECK_STR(q->options[2].label, "Something else");
        CHECK_STR(q->other_title, c->feedback.ui[UI_OTHER_TITLE]);
        CHECK_STR(q->title, c->feedback.ui[UI_CHOICE_TITLE]); /* the first journey's words */
        CHECK_STR(q->hint, c->feedback.ui[UI_CHOICE_HINT]);
        CHECK_STR(q->label, c->feedback.ui[UI_REVIEW_THEMES]);
        CHECK_INT(consult_option_index(q, "other"), 2);
        CHECK_INT(consult_option_index(q, "skills"), 1);
        CHECK_INT(consult_option_index(q, "nope"), -1);
    }
    config_free(c);
    /* The words of "Something else" follow the file's wording, and its box's question can be
     * the question's own. */
    c = load_consult(C1 "      - {id: t, type: choice, options_from: themes, other: true, other_title: Which?}\n"
                        "feedback:\n"
                        "  wording: {something_else: Anything else}\n");
    EXPECT_OK(c);
    q = q_of(c, 0, "t");
    CHECK(q && q->n_options == 3);
    if (q && q->n_options == 3) {
        CHECK_STR(q->options[2].label, "Anything else");
        CHECK_STR(q->other_title, "Which?");
    }
    config_free(c);
}

static void default_options(void) {
    config *c = load_consult(C1 "      - {id: rating, type: faces}\n"
                                "      - {id: age, type: age_band}\n"
                                "      - {id: area, type: postcode_district}\n"
                                "      - {id: ages, type: age_band, options: [{id: young, label: Young}, {id: old, label: Old}]}\n");
    EXPECT_OK(c);
    const question *f = q_of(c, 0, "rating"), *a = q_of(c, 0, "age"), *p = q_of(c, 0, "area");
    const question *own = q_of(c, 0, "ages");
    CHECK(f && a && p && own);
    if (f) {
        CHECK_INT(f->n_options, 5);
        static const char *const words[] = {"Very worried", "Worried", "Not sure", "Hopeful", "Very hopeful"};
        for (int i = 0; i < 5 && i < f->n_options; i++) {
            char id[4];
            snprintf(id, sizeof id, "%d", i + 1);
            CHECK_STR(f->options[i].id, id);
            CHECK_STR(f->options[i].label, words[i]);
            CHECK_STR(f->options[i].label, c->feedback.ui[UI_RATING_1 + i]);
        }
        CHECK_STR(f->title, c->feedback.ui[UI_RATING_TITLE]);
        CHECK_STR(f->label, c->feedback.ui[UI_REVIEW_RATING]);
    }
    if (a) {
        static const char *const ids[] = {"under-12", "12-17", "18-24", "25-44", "45-64", "65+"};
        CHECK_INT(a->n_options, 6);
        for (int i = 0; i < 6 && i < a->n_options; i++) {
            CHECK_STR(a->options[i].id, ids[i]);
            CHECK_STR(a->options[i].label, c->feedback.ui[UI_AGE_1 + i]);
        }
        CHECK_STR(a->options[0].label, "Under 12");
        CHECK_STR(a->title, c->feedback.ui[UI_AGE_TITLE]);
    }
    if (p) {
        CHECK(p->pattern == NULL); /* the UK default */
        CHECK_STR(p->title, c->feedback.ui[UI_POSTCODE_TITLE]);
    }
    if (own) {
        CHECK_INT(own->n_options, 2);
        CHECK_STR(own->options[1].id, "old");
    }
    config_free(c);
    /* Faces' own words: five of them, no fewer. */
    c = load_consult(C1 "      - {id: rating, type: faces, labels: [A, B, C]}\n"); /* 16 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:16:43: consultation 1: question 1: 'labels' needs at least 5 items");
}

/* The questions' hash names the form: the same in every language, different when an answer
 * would land in a different column. */
static void questions_hash(void) {
    static const char *const form =
        "plankiosk: 1\n"
        "languages: {default: en, available: [en, pl]}\n"
        "kiosk: {id: k, location: l}\n"
        "plan: {title: P}\n"
        "slides: [{type: title, title: T}]\n"
        "consultations:\n"
        "  - id: c\n"
        "    title: {en: Parks, pl: Parki}\n"
        "    questions:\n"
        "      - id: q\n"
        "        type: choice\n"
        "        title: {en: Which?, pl: Który?}\n"
        "        options:\n"
        "          - {id: %s, label: {en: %s, pl: Park}}\n"
        "          - {id: b, label: {en: B, pl: Be}}\n";
    char text[2048];
    snprintf(text, sizeof text, form, "a", "A park");
    config *c = load_text(text);
    EXPECT_OK(c);
    char hash[17] = "";
    int pl = c ? config_language_index(c, "pl") : -1;
    CHECK(pl >= 0);
    if (c && pl >= 0) {
        snprintf(hash, sizeof hash, "%s", c->consultations[0].hash);
        CHECK_INT(strlen(hash), 16);
        const config *cpl = c->by_lang[pl];
        CHECK(cpl != NULL);
        if (cpl) {
            CHECK_STR(cpl->consultations[0].title, "Parki");
            CHECK_STR(cpl->consultations[0].questions[0].options[0].label, "Park");
            CHECK_STR(cpl->consultations[0].hash, hash);
        }
    }
    config_free(c);
    /* New words for the same option: the same form. */
    snprintf(text, sizeof text, form, "a", "Another park");
    c = load_text(text);
    EXPECT_OK(c);
    if (c) CHECK_STR(c->consultations[0].hash, hash);
    config_free(c);
    /* Another option id: another form. */
    snprintf(text, sizeof text, form, "parks", "A park");
    c = load_text(text);
    EXPECT_OK(c);
    if (c) CHECK(strcmp(c->consultations[0].hash, hash) != 0);
    config_free(c);
    /* The same file loaded twice: the same hash. */
    snprintf(text, sizeof text, form, "a", "A park");
    c = load_text(text);
    EXPECT_OK(c);
    if (c) CHECK_STR(c->consultations[0].hash, hash);
    config_free(c);
    /* Another type with the same ids: another form. */
    c = load_consult(C1 "      - {id: q, type: text, title: T}\n");
    config *d = NULL;
    EXPECT_OK(c);
    d = load_consult(C1 "      - {id: q, type: first_name, title: T}\n");
    EXPECT_OK(d);
    if (c && d) CHECK(strcmp(c->consultations[0].hash, d->consultations[0].hash) != 0);
    config_free(c);
    config_free(d);
}

static consultation dated(bool has_from, pk_date from, bool has_until, pk_date until) {
    consultation k;
    memset(&k, 0, sizeof k);
    k.id = "k";
    k.has_from = has_from, k.from = from;
    k.has_until = has_until, k.until = until;
    return k;
}

static void running_dates(void) {
    consultation always = dated(false, (pk_date){0}, false, (pk_date){0});
    CHECK(consult_running(&always, (pk_date){1999, 1, 1}));
    CHECK(consult_running(&always, (pk_date){2099, 12, 31}));
    /* Month-only dates cover the whole month, both ends. */
    consultation june = dated(true, (pk_date){2025, 6, 0}, true, (pk_date){2025, 6, 0});
    CHECK(!consult_running(&june, (pk_date){2025, 5, 31}));
    CHECK(consult_running(&june, (pk_date){2025, 6, 1}));
    CHECK(consult_running(&june, (pk_date){2025, 6, 30}));
    CHECK(!consult_running(&june, (pk_date){2025, 7, 1}));
    consultation feb = dated(false, (pk_date){0}, true, (pk_date){2024, 2, 0});
    CHECK(consult_running(&feb, (pk_date){2024, 2, 29})); /* a leap year */
    CHECK(!consult_running(&feb, (pk_date){2024, 3, 1}));
    consultation from = dated(true, (pk_date){2025, 9, 15}, false, (pk_date){0});
    CHECK(!consult_running(&from, (pk_date){2025, 9, 14}));
    CHECK(consult_running(&from, (pk_date){2025, 9, 15}));
    CHECK(consult_running(&from, (pk_date){2030, 1, 1}));
    consultation days = dated(true, (pk_date){2025, 1, 10}, true, (pk_date){2025, 1, 10});
    CHECK(!consult_running(&days, (pk_date){2025, 1, 9}));
    CHECK(consult_running(&days, (pk_date){2025, 1, 10}));
    CHECK(!consult_running(&days, (pk_date){2025, 1, 11}));
    /* From a file: the month-only until of the file covers its last day. */
    config *c = load_consult("  - {id: c1, title: C, from: \"2025-11\", until: \"2025-12\", questions: [{id: q, type: faces}]}\n");
    EXPECT_OK(c);
    if (c) {
        CHECK(!consult_running(&c->consultations[0], (pk_date){2025, 10, 31}));
        CHECK(consult_running(&c->consultations[0], (pk_date){2025, 11, 1}));
        CHECK(consult_running(&c->consultations[0], (pk_date){2025, 12, 31}));
        CHECK(!consult_running(&c->consultations[0], (pk_date){2026, 1, 1}));
    }
    config_free(c);
}

static void pattern_match(void) {
    static const char *const good[] = {"S60", "s60", " S65 ", "S1", "SW1A", "M1", "EC1A", "DN12", "ls6", "W1A", "B33"};
    static const char *const bad[] = {"", "S", "60", "S6OO", "S60 1AB", "SSS1", "S-60", "S60X1", "£60", " ", "S6 0",
                                      "S600", "1S", "Ś60", "S60\t"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        bool ok = consult_pattern_match(CONSULT_UK_DISTRICT, good[i]);
        if (!ok) fprintf(stderr, "  \"%s\" should be a district\n", good[i]);
        CHECK(ok);
    }
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        bool ok = consult_pattern_match(CONSULT_UK_DISTRICT, bad[i]);
        if (ok) fprintf(stderr, "  \"%s\" should not be a district\n", bad[i]);
        CHECK(!ok);
    }
    /* A pattern of one's own: literal letters, optional signs. */
    CHECK(consult_pattern_match("S9|S99", "S6"));
    CHECK(consult_pattern_match("S9|S99", "s60"));
    CHECK(!consult_pattern_match("S9|S99", "LS6"));
    CHECK(!consult_pattern_match("S9|S99", "S600"));
    CHECK(consult_pattern_match("A9?9", "S6"));
    CHECK(consult_pattern_match("A9?9", "S60"));
    CHECK(!consult_pattern_match("A9?9", "S"));
    CHECK(consult_pattern_match("AA?9X?", "DN1"));
    CHECK(consult_pattern_match("AA?9X?", "DN12"));
    CHECK(consult_pattern_match("AA?9X?", "S1A"));
    CHECK(!consult_pattern_match("AA?9X?", "S1AB"));
    CHECK(consult_pattern_match("X", "7"));
    CHECK(consult_pattern_match("X", "q"));
    CHECK(!consult_pattern_match("X", "-"));
    /* A config's pattern is checked when it loads. */
    config *c = load_consult(C1 "      - {id: where, type: postcode_district, pattern: \"S9?9\"}\n");
    EXPECT_OK(c);
    const question *q = q_of(c, 0, "where");
    if (q) {
        CHECK_STR(q->pattern, "S9?9");
        CHECK(consult_pattern_match(q->pattern, "s66"));
    }
    config_free(c);
    c = load_consult(C1 "      - {id: where, type: postcode_district, pattern: \"a9\"}\n"); /* 16 */
    EXPECT_FAIL(c, 1);
    EXPECT_DIAG("t.yaml:16:55: consultation 1: question 1: 'pattern' is letters A (a letter)", "not \"a9\"");
    c = load_consult(C1 "      - {id: where, type: postcode_district, pattern: \"?A9\"}\n");
    EXPECT_FAIL(c, 1);
    c = load_consult(C1 "      - {id: where, type: postcode_district, pattern: \"A9||A99\"}\n");
    EXPECT_FAIL(c, 1);
    c = load_consult(C1 "      - {id: where, type: postcode_district, pattern: \"A9 9AA\"}\n");
    EXPECT_FAIL(c, 1);
}

static void consultation_for(void) {
    config *c = load_text("plankiosk: 1\n"
                          "kiosk: {id: k, location: l}\n"
                          "plan: {title: P}\n"
                          "slides:\n"
                          "  - {type: call_to_action, title: Parks, consultation: parks}\n"
                          "  - {type: call_to_action, title: Any}\n"
                          "  - {type: title, title: T}\n"
                          "consultations:\n"
                          "  - {id: roads, title: R, from: \"2025-01\", until: \"2025-03\", questions: [{id: q, type: faces}]}\n"
                          "  - {id: parks, title: P, from: \"2025-02\", questions: [{id: q, type: faces}]}\n");
    EXPECT_OK(c);
    if (!c) return;
    const slide *cta_parks = &c->slides[0], *cta_any = &c->slides[1], *title = &c->slides[2];
    const consultation *roads = &c->consultations[0], *parks = &c->consultations[1];
    CHECK_INT(cta_parks->consultation, 1);
    CHECK_INT(cta_any->consultation, -1);
    CHECK_INT(title->consultation, -1);
    pk_date jan = {2025, 1, 15}, feb = {2025, 2, 10}, apr = {2025, 4, 1}, before = {2024, 12, 31};
    /* The slide's own, when it runs; not another one when it does not. */
    CHECK(config_consultation_for(c, cta_parks, feb) == parks);
    CHECK(config_consultation_for(c, cta_parks, jan) == NULL);
    CHECK(config_consultation_for(c, cta_parks, apr) == parks);
    /* Else the first running in the file. */
    CHECK(config_consultation_for(c, cta_any, jan) == roads);
    CHECK(config_consultation_for(c, cta_any, feb) == roads);
    CHECK(config_consultation_for(c, cta_any, apr) == parks);
    CHECK(config_consultation_for(c, NULL, feb) == roads);
    CHECK(config_consultation_for(c, title, apr) == parks);
    /* None running. */
    CHECK(config_consultation_for(c, NULL, before) == NULL);
    CHECK(config_consultation_for(c, cta_any, before) == NULL);
    CHECK(config_consultation_for(c, cta_parks, before) == NULL);
    config_free(c);
}

/* The first journey's `feedback:` form: one consultation "feedback" with the shipped questions,
 * steps switched off left out, and a warning at each old key saying how to write it now. */
static void old_feedback_form(void) {
    config *c = load_text("plankiosk: 1\n"
                          "kiosk: {id: k, location: l}\n"
                          "plan: {title: P}\n"
                          "themes:\n"
                          "  - {id: town, name: Town centre}\n"
                          "slides: [{type: title, title: T}]\n"
                          "feedback:\n"                    /* 7 */
                          "  question: What next?\n"       /* 8 */
                          "  privacy_notice: We keep it.\n" /* 9 */
                          "  text_limit: 300\n"            /* 10 */
                          "  steps:\n"                     /* 11 */
                          "    rating: false\n"
                          "    name: false\n"
                          "  button: Tell us\n");
    EXPECT_OK(c);
    CHECK_INT(warnings.count, 4);
    EXPECT_WARNING("t.yaml:8:3: feedback: 'question' is the first journey's form, read as one consultation "
                   "'feedback'", "under 'consultations:'");
    EXPECT_WARNING("t.yaml:9:3: feedback: 'privacy_notice'");
    EXPECT_WARNING("t.yaml:10:3: feedback: 'text_limit'");
    EXPECT_WARNING("t.yaml:11:3: feedback: 'steps'");
    if (!c) return;
    CHECK_STR(c->feedback.button, "Tell us");
    CHECK_INT(c->n_consultations, 1);
    const consultation *k = &c->consultations[0];
    CHECK_STR(k->id, "feedback");
    CHECK_STR(k->title, "What next?");
    CHECK_STR(k->privacy_notice, "We keep it.");
    CHECK(!k->has_from && !k->has_until);
    static const char *const ids[] = {"themes", "text", "age_band", "postcode_district", "consent_quote"};
    static const question_type types[] = {Q_CHOICES, Q_TEXT, Q_AGE_BAND, Q_POSTCODE_DISTRICT, Q_CONSENT};
    CHECK_INT(k->n_questions, 5); /* rating and name switched off */
    for (int i = 0; i < 5 && i < k->n_questions; i++) {
        CHECK_STR(k->questions[i].id, ids[i]);
        CHECK_INT(k->questions[i].type, types[i]);
        CHECK(k->questions[i].title && *k->questions[i].title);
        CHECK(k->questions[i].label && *k->questions[i].label);
    }
    CHECK(consult_question_index(k, "rating") < 0);
    CHECK(consult_question_index(k, "name") < 0);
    const question *themes = q_of(c, 0, "themes"), *text = q_of(c, 0, "text");
    if (themes) {
        CHECK(themes->from_themes && themes->other);
        CHECK_INT(themes->n_options, 2);
        CHECK_STR(themes->options[1].id, CONSULT_OTHER_ID);
    }
    if (text) {
        CHECK_INT(text->max, 300);
        CHECK_STR(text->title, "What next?");
    }
    config_free(c);

    /* No feedback section at all: every step, no warning. Without themes there is nothing to
     * choose from, so no themes question. */
    c = load_text("plankiosk: 1\n"
                  "kiosk: {id: k, location: l}\n"
                  "plan: {title: P}\n"
                  "slides: [{type: title, title: T}]\n");
    EXPECT_OK(c);
    CHECK_INT(warnings.count, 0);
    if (c) {
        const consultation *f = &c->consultations[0];
        CHECK_INT(c->n_consultations, 1);
        CHECK_STR(f->id, "feedback");
        CHECK(f->title && *f->title);
        CHECK(f->privacy_notice && *f->privacy_notice);
        CHECK_INT(f->n_questions, 6);
        CHECK_STR(f->questions[0].id, "rating");
        CHECK_INT(q_of(c, 0, "text") ? q_of(c, 0, "text")->max : 0, 500);
    }
    config_free(c);

    /* The same questions written under consultations: the same form, so old and new records
     * line up in one export. */
    c = load_text("plankiosk: 1\n"
                  "kiosk: {id: k, location: l}\n"
                  "plan: {title: P}\n"
                  "themes: [{id: town, name: Town centre}, {id: skills, name: Skills}]\n"
                  "slides: [{type: title, title: T}]\n");
    EXPECT_OK(c);
    config *d = load_text("plankiosk: 1\n"
                          "kiosk: {id: k, location: l}\n"
                          "plan: {title: P}\n"
                          "themes: [{id: town, name: Town centre}, {id: skills, name: Skills}]\n"
                          "slides: [{type: title, title: T}]\n"
                          "consultations:\n"
                          "  - id: feedback\n"
                          "    title: What would you like for your town?\n"
                          "    questions:\n"
                          "      - {id: themes, type: choices, options_from: themes, other: true}\n"
                          "      - {id: rating, type: faces}\n"
                          "      - {id: text, type: text, title: What would you like for your town?}\n"
                          "      - {id: name, type: first_name}\n"
                          "      - {id: age_band, type: age_band}\n"
                          "      - {id: postcode_district, type: postcode_district}\n"
                          "      - {id: consent_quote, type: consent}\n");
    EXPECT_OK(d);
    if (c && d) {
        CHECK_INT(c->consultations[0].n_questions, 7);
        CHECK_STR(c->consultations[0].hash, d->consultations[0].hash);
        for (int i = 0; i < 7 && i < d->consultations[0].n_questions; i++) {
            const question *o = &c->consultations[0].questions[i], *n = &d->consultations[0].questions[i];
            CHECK_STR(o->id, n->id);
            CHECK_INT(o->type, n->type);
            CHECK_INT(o->n_options, n->n_options);
            CHECK_STR(o->title, n->title);
            /* Labels: the review's words, the question's own title where the file gives one. */
            if (strcmp(o->id, "text")) CHECK_STR(o->label, n->label);
        }
    }
    config_free(c);
    config_free(d);

    /* The old keys are still checked. */
    c = load_text("plankiosk: 1\n"
                  "kiosk: {id: k, location: l}\n"
                  "plan: {title: P}\n"
                  "slides: [{type: title, title: T}]\n"
                  "feedback:\n"
                  "  text_limit: 10\n"     /* 6 */
                  "  steps: {ratin: no}\n"); /* 7 */
    EXPECT_FAIL(c, 2);
    EXPECT_DIAG("t.yaml:6:15:", "'text_limit' must be between 20 and 5000");
    EXPECT_DIAG("t.yaml:7:11:", "unknown key 'ratin'", "did you mean 'rating'?");
}

int main(void) {
    RUN(unknown_type);
    RUN(duplicate_ids);
    RUN(show_if_refusals);
    RUN(max_above_options);
    RUN(place_without_image);
    RUN(never_runs);
    RUN(required_with_show_if);
    RUN(consent_before_quotable);
    RUN(keys_a_type_does_not_use);
    RUN(options_from_without_themes);
    RUN(slide_names_unknown_consultation);
    RUN(old_keys_with_consultations);
    RUN(many_at_once);
    RUN(several_consultations);
    RUN(themes_with_other);
    RUN(default_options);
    RUN(questions_hash);
    RUN(running_dates);
    RUN(pattern_match);
    RUN(consultation_for);
    RUN(old_feedback_form);
    return check_report();
}
