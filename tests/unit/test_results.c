/* results: the figures a `results` slide shows are what visitors answered, each person once:
 * every type that can be tallied adds up as the slide draws it (options as counts, faces and
 * scales as distributions, a ranking as points), nothing shows below min_responses, a USB copy
 * or a file read again counts nothing twice, only complete lines count, the caption's kiosks and
 * "since" are right across time zones, folders without answers are left alone, damaged lines are
 * named once with FILE:LINE, and sealed or unknown answers are never counted. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "config/config.h"
#include "results/results.h"

#define WORK TEST_BINARY_DIR "/test_results.d"

static const config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};

/* Consultation 0 (park) has a question of each kind a results slide can show, and some it
 * cannot; consultation 1 (fair) is another one whose records must be left out. */
static const char *const yaml =
    "plankiosk: 1\n"
    "kiosk: {id: park-kiosk, location: Millbrook Library}\n"
    "plan: {title: Millbrook Together}\n"
    "slides:\n"
    "  - {type: title, title: Millbrook}\n"
    "consultations:\n"
    "  - id: park\n"
    "    title: What should the new Riverside Park have?\n"
    "    questions:\n"
    "      - id: first\n" /* 0 */
    "        type: choice\n"
    "        title: What first?\n"
    "        other: true\n"
    "        options: [{id: pitches, label: Pitches}, {id: cafe, label: A cafe}, {id: trees, label: Trees}]\n"
    "      - id: want\n" /* 1 */
    "        type: choices\n"
    "        title: What should the park have?\n"
    "        max: 3\n"
    "        options: [{id: pitches, label: Pitches}, {id: cafe, label: A cafe}, {id: trees, label: Trees}]\n"
    "      - {id: feel, type: faces, title: How do you feel?}\n" /* 2 */
    "      - {id: visit, type: scale, title: Will you visit?, low: No, high: Yes}\n" /* 3 */
    "      - id: order\n" /* 4 */
    "        type: rank\n"
    "        title: Put these in order\n"
    "        max: 2\n"
    "        options: [{id: toilets, label: Toilets}, {id: lights, label: Lighting}, {id: benches, label: Benches}]\n"
    "      - {id: age, type: age_band}\n" /* 5 */
    "      - {id: walk, type: number, title: Minutes?, min: 0, max: 120}\n" /* 6 */
    "      - {id: idea, type: text, title: Your idea?}\n" /* 7 */
    "  - id: fair\n"
    "    title: Did you enjoy the fair?\n"
    "    questions:\n"
    "      - {id: first, type: choice, title: Best bit?, options: [{id: pitches, label: Pitches}]}\n";

enum { Q_FIRST, Q_WANT, Q_FEEL, Q_VISIT, Q_ORDER, Q_AGE, Q_WALK, Q_IDEA, N_Q };

static diag_list diags, problems; /* large: off the stack */
static config *cfg;                /* loaded once, for every test */

static config *load(void) {
    memset(&diags, 0, sizeof diags);
    config *c = config_load_string(yaml, "t.yaml", TEST_SOURCE_DIR "/config", &opt, &diags);
    for (int i = 0; i < diags.count; i++) fprintf(stderr, "    diag: %s\n", diags.items[i]);
    return c;
}

static void sh(const char *cmd) {
    if (system(cmd) != 0) fprintf(stderr, "failed: %s\n", cmd);
}

/* A fresh empty folder WORK/name; its path in out. */
static const char *fresh(const char *name, char *out, size_t size) {
    char cmd[1024];
    snprintf(out, size, WORK "/%s", name);
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", out, out);
    sh(cmd);
    return out;
}

/* Writes (mode "w") or appends ("a") text to dir/rel, making its folder. */
static void put(const char *dir, const char *rel, const char *mode, const char *text) {
    char path[1024], cmd[1200];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    snprintf(cmd, sizeof cmd, "mkdir -p \"$(dirname '%s')\"", path);
    sh(cmd);
    FILE *f = fopen(path, mode);
    CHECK(f != NULL);
    if (!f) return;
    fputs(text, f);
    fclose(f);
}

/* A record's line (with its "\n") of consultation cons, with answers (a JSON object's
 * members) and extra top-level members (may be ""). */
static const char *rec(const char *id, const char *kiosk, const char *at, const char *cons, const char *answers,
                       const char *extra) {
    static char buf[8][2048];
    static int turn;
    char *b = buf[turn++ % 8];
    snprintf(b, sizeof buf[0],
             "{\"id\":\"%s\",\"kiosk\":\"%s\",\"location\":\"Millbrook Library\",\"consultation\":{\"id\":\"%s\","
             "\"questions\":\"0123456789abcdef\"},\"at\":\"%s\",\"answers\":{%s},\"personal\":[\"age\",\"idea\"],"
             "\"language\":\"en\",\"seconds_taken\":60%s%s}\n",
             id, kiosk, cons, at, answers, extra[0] ? "," : "", extra);
    return b;
}

/* A park record with these answers, by kiosk-a on 1 March. */
static const char *park(const char *id, const char *answers) {
    return rec(id, "kiosk-a", "2026-03-01T10:00:00+00:00", "park", answers, "");
}

/* A feed over the folders given (NULL-terminated) tallying every question of park. */
static results_feed *feed_over(const config *c, ...) {
    results_feed *f = results_feed_new(c);
    CHECK(f != NULL);
    for (int q = 0; q < N_Q; q++) CHECK(results_feed_track(f, 0, q));
    va_list ap;
    va_start(ap, c);
    for (const char *d; (d = va_arg(ap, const char *)) != NULL;) CHECK(results_feed_add_dir(f, d));
    va_end(ap);
    return f;
}

static long update(results_feed *f) {
    memset(&problems, 0, sizeof problems);
    return results_feed_update(f, NULL, NULL, &problems);
}

static results_tally get(const results_feed *f, int q) {
    results_tally t;
    memset(&t, 0, sizeof t);
    CHECK(results_feed_get(f, 0, q, &t));
    return t;
}

static bool has_problem(const char *prefix, const char *words) {
    for (int i = 0; i < problems.count; i++)
        if (!strncmp(problems.items[i], prefix, strlen(prefix)) && strstr(problems.items[i], words)) return true;
    for (int i = 0; i < problems.count; i++) fprintf(stderr, "    problem: %s\n", problems.items[i]);
    return false;
}

/* ---- what each type adds up to ---------------------------------------------------------- */

static void test_every_type(void) {
    const config *c = cfg;
    char dir[512];
    fresh("types", dir, sizeof dir);
    char body[8192] = "";
    strcat(body, park("r1", "\"first\":\"cafe\",\"first_other\":null,\"want\":[\"pitches\",\"trees\"],\"feel\":5,"
                            "\"visit\":10,\"order\":[\"lights\",\"toilets\"],\"age\":\"25-44\",\"walk\":15,\"idea\":\"A pond\""));
    strcat(body, park("r2", "\"first\":\"other\",\"first_other\":\"A lido\",\"want\":[\"trees\"],\"feel\":5,"
                            "\"visit\":0,\"order\":[\"benches\"],\"age\":\"65+\",\"walk\":40,\"idea\":null"));
    strcat(body, park("r3", "\"first\":\"cafe\",\"want\":[\"cafe\",\"trees\",\"trees\"],\"feel\":1,\"visit\":10,"
                            "\"order\":[\"lights\",\"benches\"],\"age\":\"25-44\",\"walk\":null"));
    strcat(body, park("r4", "\"first\":null,\"want\":[],\"feel\":null")); /* answered nothing */
    put(dir, "kiosk-a/2026-03-01.jsonl", "w", body);
    results_feed *f = feed_over(c, dir, NULL);
    CHECK_INT(update(f), 4);
    CHECK_INT(problems.count, 0);

    results_tally t = get(f, Q_FIRST); /* choice with "Something else" (its words never counted) */
    CHECK_INT(t.type, Q_CHOICE);
    CHECK_INT(t.responses, 4);
    CHECK_INT(t.people, 3);
    CHECK_INT(t.n, 4);
    CHECK_INT(t.counts[0], 0);
    CHECK_INT(t.counts[1], 2);
    CHECK_INT(t.counts[3], 1); /* other */
    CHECK_INT(t.order[0], 1);  /* cafe first */
    CHECK_INT(t.order[1], 3);  /* then other; pitches and trees tie at 0, in the config's order */
    CHECK_INT(t.order[2], 0);
    CHECK_INT(t.order[3], 2);

    t = get(f, Q_WANT); /* choices: each option once per person */
    CHECK_INT(t.people, 3);
    CHECK_INT(t.counts[0], 1);
    CHECK_INT(t.counts[1], 1);
    CHECK_INT(t.counts[2], 3);
    CHECK_INT(t.order[0], 2);

    t = get(f, Q_FEEL); /* faces: a distribution 1..5, in its own order */
    CHECK_INT(t.n, 5);
    CHECK_INT(t.people, 3);
    CHECK_INT(t.counts[0], 1);
    CHECK_INT(t.counts[4], 2);
    CHECK_INT(t.order[0], 0);
    CHECK_INT(t.order[4], 4);

    t = get(f, Q_VISIT); /* scale 0..10 */
    CHECK_INT(t.n, 11);
    CHECK_INT(t.counts[0], 1);
    CHECK_INT(t.counts[10], 2);

    t = get(f, Q_ORDER); /* rank, 2 places: first 2 points, second 1 */
    CHECK_INT(t.people, 3);
    CHECK_INT(t.points[0], 1); /* toilets: second once */
    CHECK_INT(t.points[1], 4); /* lights: first twice */
    CHECK_INT(t.points[2], 3); /* benches: first once, second once */
    CHECK_INT(t.counts[2], 2);
    CHECK_INT(t.order[0], 1);
    CHECK_INT(t.order[1], 2);
    CHECK_INT(t.order[2], 0);

    t = get(f, Q_AGE); /* age bands: by option id */
    CHECK_INT(t.people, 3);
    int band = -1;
    const question *age = &c->consultations[0].questions[Q_AGE];
    for (int i = 0; i < age->n_options; i++)
        if (!strcmp(age->options[i].id, "25-44")) band = i;
    CHECK(band >= 0);
    if (band >= 0) CHECK_INT(t.counts[band], 2);
    CHECK_INT(t.order[0], band);

    t = get(f, Q_WALK); /* a number: people only, never a distribution */
    CHECK_INT(t.people, 2);
    CHECK_INT(t.n, 0);
    t = get(f, Q_IDEA); /* free text: people only */
    CHECK_INT(t.people, 1);
    CHECK_INT(t.n, 0);

    results_tally none;
    CHECK(!results_feed_get(f, 1, 0, &none)); /* not tallied */
    CHECK(!results_feed_track(f, 0, N_Q));   /* no such question */
    CHECK(!results_feed_track(f, 2, 0));     /* no such consultation */
    results_feed_free(f);
}

/* results_tally_add on its own, as a test or another module would use it. */
static void test_tally_add(void) {
    const config *c = cfg;
    const question *qn = &c->consultations[0].questions[Q_FIRST];
    results_tally t;
    results_tally_init(&t, qn, 0, Q_FIRST);
    json_t *a = json_pack("{s:s}", "first", "trees"), *b = json_pack("{s:s}", "first", "nope"), *e = json_object();
    results_tally_add(&t, qn, a);
    results_tally_add(&t, qn, b);
    results_tally_add(&t, qn, e);
    results_tally_sort(&t);
    CHECK_INT(t.responses, 3);
    CHECK_INT(t.people, 1);
    CHECK_INT(t.unknown, 1);
    CHECK_INT(t.order[0], 2);
    json_decref(a), json_decref(b), json_decref(e);
}

/* ---- nothing shown below the minimum --------------------------------------------------- */

static void test_min_responses(void) {
    results_tally t;
    memset(&t, 0, sizeof t);
    t.people = 9;
    t.responses = 40; /* people who did not answer this question do not make it showable */
    CHECK(!results_tally_shown(&t, 10));
    CHECK(!results_tally_shown(&t, 0)); /* default 10 */
    CHECK(results_tally_shown(&t, 9));
    t.people = 10;
    CHECK(results_tally_shown(&t, 10));
    CHECK(results_tally_shown(&t, 0));
    CHECK(results_tally_shown(&t, -1));
    CHECK(!results_tally_shown(&t, 11));
}

/* ---- each record once -------------------------------------------------------------------- */

static void test_usb_copy_counts_once(void) {
    const config *c = cfg;
    char dir[512], stick[512];
    fresh("fleet", dir, sizeof dir);
    fresh("stick", stick, sizeof stick);
    char body[4096] = "";
    strcat(body, park("u1", "\"feel\":4"));
    strcat(body, park("u2", "\"feel\":4"));
    put(dir, "kiosk-a/2026-03-01.jsonl", "w", body);
    put(stick, "plankiosk/kiosk-a/2026-03-01.jsonl", "w", body);
    put(dir, "copies/kiosk-a/2026-03-01.jsonl", "w", body); /* and a copy in the same tree */
    results_feed *f = feed_over(c, dir, stick, NULL);
    CHECK_INT(update(f), 2);
    results_tally t = get(f, Q_FEEL);
    CHECK_INT(t.responses, 2);
    CHECK_INT(t.counts[3], 2);
    CHECK_INT(t.kiosks, 1);
    results_feed_free(f);
}

static void test_append_counts_only_new(void) {
    const config *c = cfg;
    char dir[512];
    fresh("append", dir, sizeof dir);
    put(dir, "kiosk-a/2026-03-01.jsonl", "w", park("a1", "\"feel\":3"));
    results_feed *f = feed_over(c, dir, NULL);
    CHECK_INT(update(f), 1);
    CHECK_INT(update(f), 0); /* nothing new: nothing counted again */
    put(dir, "kiosk-a/2026-03-01.jsonl", "a", park("a2", "\"feel\":3"));
    put(dir, "kiosk-a/2026-03-01.jsonl", "a", park("a3", "\"feel\":2"));
    put(dir, "kiosk-a/2026-03-02.jsonl", "w", park("a4", "\"feel\":2")); /* a new day's file */
    CHECK_INT(update(f), 3);
    results_tally t = get(f, Q_FEEL);
    CHECK_INT(t.people, 4);
    CHECK_INT(t.counts[2], 2);
    CHECK_INT(t.counts[1], 2);
    CHECK_INT(update(f), 0);
    CHECK_INT(get(f, Q_FEEL).people, 4);
    results_feed_free(f);
}

static void test_torn_line_counts_once_complete(void) {
    const config *c = cfg;
    char dir[512];
    fresh("torn", dir, sizeof dir);
    const char *line = park("t1", "\"feel\":5");
    size_t len = strlen(line);
    char first[2048], rest[2048];
    snprintf(first, sizeof first, "%.*s", (int)(len / 2), line); /* a write half done */
    snprintf(rest, sizeof rest, "%s", line + len / 2);
    put(dir, "kiosk-a/2026-03-01.jsonl", "w", park("t0", "\"feel\":5"));
    put(dir, "kiosk-a/2026-03-01.jsonl", "a", first);
    results_feed *f = feed_over(c, dir, NULL);
    CHECK_INT(update(f), 1);
    CHECK_INT(problems.count, 0); /* not whole yet: neither counted nor damaged */
    char whole_but_newline[2048];
    snprintf(whole_but_newline, sizeof whole_but_newline, "%.*s", (int)(strlen(rest) - 1), rest);
    put(dir, "kiosk-a/2026-03-01.jsonl", "a", whole_but_newline); /* all but its "\n" */
    CHECK_INT(update(f), 0);
    put(dir, "kiosk-a/2026-03-01.jsonl", "a", "\n");
    CHECK_INT(update(f), 1);
    CHECK_INT(update(f), 0);
    CHECK_INT(get(f, Q_FEEL).counts[4], 2);
    CHECK_INT(problems.count, 0);
    results_feed_free(f);
}

static void test_truncated_or_replaced_file(void) {
    const config *c = cfg;
    char dir[512], path[600], tmp[600];
    fresh("replaced", dir, sizeof dir);
    snprintf(path, sizeof path, "%s/kiosk-a/2026-03-01.jsonl", dir);
    snprintf(tmp, sizeof tmp, "%s/kiosk-a/new.tmp", dir);
    char body[4096] = "";
    strcat(body, park("x1", "\"feel\":1"));
    strcat(body, park("x2", "\"feel\":1"));
    strcat(body, park("x3", "\"feel\":1"));
    put(dir, "kiosk-a/2026-03-01.jsonl", "w", body);
    results_feed *f = feed_over(c, dir, NULL);
    CHECK_INT(update(f), 3);

    /* Cut short in place, then one new record: only that one counts. */
    CHECK(truncate(path, (off_t)strlen(park("x1", "\"feel\":1"))) == 0);
    put(dir, "kiosk-a/2026-03-01.jsonl", "a", park("x4", "\"feel\":2"));
    CHECK_INT(update(f), 1);
    CHECK_INT(get(f, Q_FEEL).people, 4);

    /* Replaced by a longer file (a new inode, renamed over it) holding the old ones and more. */
    char longer[4096] = "";
    strcat(longer, park("x0", "\"feel\":3"));
    strcat(longer, body);
    strcat(longer, park("x5", "\"feel\":3"));
    put(dir, "kiosk-a/new.tmp", "w", longer);
    CHECK(rename(tmp, path) == 0);
    CHECK_INT(update(f), 2);

    /* Rewritten in place (same inode, larger, other first bytes): a copy tool overwriting it. */
    char rewritten[6144] = "";
    strcat(rewritten, park("x6", "\"feel\":4"));
    strcat(rewritten, longer);
    put(dir, "kiosk-a/2026-03-01.jsonl", "w", rewritten);
    CHECK_INT(update(f), 1);
    results_tally t = get(f, Q_FEEL);
    CHECK_INT(t.people, 7);
    CHECK_INT(t.counts[0], 3);
    CHECK_INT(t.counts[1], 1);
    CHECK_INT(t.counts[2], 2);
    CHECK_INT(t.counts[3], 1);

    /* A file removed keeps what it counted. */
    CHECK(unlink(path) == 0);
    CHECK_INT(update(f), 0);
    CHECK_INT(get(f, Q_FEEL).people, 7);
    results_feed_free(f);
}

/* ---- the caption: kiosks and since -------------------------------------------------------- */

static void test_kiosks_and_since(void) {
    const config *c = cfg;
    char dir[512];
    fresh("two", dir, sizeof dir);
    /* 00:30 on 2 March at +01:00 is 23:30 UTC on 1 March, before 23:45 UTC on 1 March: the
     * earliest counted is the first, and its day as its kiosk wrote it is 2 March. */
    put(dir, "kiosk-a/2026-03-02.jsonl", "w", rec("k1", "kiosk-a", "2026-03-02T00:30:00+01:00", "park", "\"feel\":2", ""));
    put(dir, "kiosk-b/2026-03-01.jsonl", "w", rec("k2", "kiosk-b", "2026-03-01T23:45:00+00:00", "park", "\"feel\":2", ""));
    put(dir, "kiosk-b/2026-03-01.jsonl", "a", rec("k3", "kiosk-b", "2026-03-03T09:00:00+00:00", "park", "", ""));
    /* Another consultation's records: not counted, not in the caption. */
    put(dir, "kiosk-c/2026-02-01.jsonl", "w", rec("k4", "kiosk-c", "2026-02-01T09:00:00+00:00", "fair", "\"first\":\"pitches\"", ""));
    results_feed *f = feed_over(c, dir, NULL);
    CHECK_INT(update(f), 4);
    results_tally t = get(f, Q_FEEL);
    CHECK_INT(t.kiosks, 2);
    CHECK_INT(t.responses, 3); /* k3 answered nothing, and still had their say */
    CHECK_INT(t.people, 2);
    CHECK(t.has_since);
    CHECK_INT(t.since.year, 2026);
    CHECK_INT(t.since.month, 3);
    CHECK_INT(t.since.day, 2);
    CHECK_INT(get(f, Q_FIRST).responses, 3);
    CHECK_INT(get(f, Q_FIRST).counts[0], 0);
    results_feed_free(f);

    /* Nothing read: nothing to say since when. */
    char empty[512];
    fresh("empty", empty, sizeof empty);
    f = feed_over(c, empty, NULL);
    CHECK_INT(update(f), 0);
    t = get(f, Q_FEEL);
    CHECK(!t.has_since);
    CHECK_INT(t.kiosks, 0);
    CHECK(!results_tally_shown(&t, 1));
    results_feed_free(f);
}

/* ---- what is not read, and what is not counted -------------------------------------------- */

static void test_folders_without_answers(void) {
    const config *c = cfg;
    char dir[512];
    fresh("skip", dir, sizeof dir);
    put(dir, "kiosk-a/2026-03-01.jsonl", "w", park("s1", "\"feel\":5"));
    put(dir, "kiosk-a/abandoned/2026-03-01.jsonl", "w", park("s2", "\"feel\":1"));
    put(dir, "kiosk-a/quote-decisions/decisions.jsonl", "w", park("s3", "\"feel\":1"));
    put(dir, "kiosk-a/._2026-03-01.jsonl", "w", park("s4", "\"feel\":1")); /* a Mac's copy */
    put(dir, "kiosk-a/notes.txt", "w", park("s5", "\"feel\":1"));
    results_feed *f = feed_over(c, dir, NULL);
    CHECK_INT(update(f), 1);
    CHECK_INT(get(f, Q_FEEL).people, 1);
    CHECK_INT(get(f, Q_FEEL).counts[4], 1);
    results_feed_free(f);

    /* A single file given as a folder is read; a folder that is not there is said once. */
    char file[600];
    snprintf(file, sizeof file, "%s/kiosk-a/2026-03-01.jsonl", dir);
    f = feed_over(c, file, WORK "/not-there", NULL);
    CHECK_INT(update(f), 1);
    CHECK(has_problem(WORK "/not-there: ", "cannot read this folder"));
    CHECK_INT(update(f), 0);
    CHECK_INT(problems.count, 0);
    results_feed_free(f);
}

static void test_damaged_lines(void) {
    const config *c = cfg;
    char dir[512], stick[512];
    fresh("damaged", dir, sizeof dir);
    fresh("damaged-stick", stick, sizeof stick);
    char body[8192] = "";
    strcat(body, park("d1", "\"feel\":5"));
    strcat(body, "this is not JSON\n");                              /* line 2 */
    strcat(body, "{\"id\":\"d2\",\"kiosk\":\"kiosk-a\",\"at\":\"2026-03\n"); /* 3: cut off, next is whole */
    strcat(body, "{\"kiosk\":\"kiosk-a\",\"at\":\"2026-03-01\"}\n");   /* 4: no id */
    strcat(body, "\n");                                              /* 5: blank: nothing lost */
    strcat(body, park("d3", "\"feel\":5"));
    put(dir, "kiosk-a/2026-03-01.jsonl", "w", body);
    put(stick, "kiosk-a/2026-03-01.jsonl", "w", body); /* the same damage on a USB copy */
    results_feed *f = feed_over(c, dir, NULL);
    CHECK_INT(update(f), 2);
    char where[700];
    snprintf(where, sizeof where, "%s/kiosk-a/2026-03-01.jsonl:2:", dir); /* and its column */
    CHECK(has_problem(where, "not JSON"));
    snprintf(where, sizeof where, "%s/kiosk-a/2026-03-01.jsonl:3: ", dir);
    CHECK(has_problem(where, "cut off"));
    snprintf(where, sizeof where, "%s/kiosk-a/2026-03-01.jsonl:4: ", dir);
    CHECK(has_problem(where, "not a feedback record"));
    CHECK_INT(problems.count, 3);
    CHECK_INT(get(f, Q_FEEL).people, 2);
    CHECK_INT(update(f), 0);
    CHECK_INT(problems.count, 0); /* said once, not at every slide */
    CHECK(results_feed_add_dir(f, stick));
    CHECK_INT(update(f), 0);
    CHECK_INT(problems.count, 0); /* nor again for the copy */
    CHECK_INT(get(f, Q_FEEL).people, 2);
    results_feed_free(f);
}

static void test_sealed_answers_not_counted(void) {
    const config *c = cfg;
    char dir[512];
    fresh("sealed", dir, sizeof dir);
    const char *seal = "\"sealed\":\"AAAA\",\"sealed_for\":\"3f9a-0c7d-5e21-ab34\"";
    char body[4096] = "";
    strcat(body, rec("e1", "kiosk-a", "2026-03-01T10:00:00+00:00", "park", "\"age\":null,\"idea\":null,\"feel\":4", seal));
    /* A line that says it is sealed but still holds the words: the seal is what counts. */
    strcat(body, rec("e2", "kiosk-a", "2026-03-01T10:00:00+00:00", "park", "\"age\":\"25-44\",\"idea\":\"Hi\",\"feel\":4", seal));
    strcat(body, rec("e3", "kiosk-a", "2026-03-01T10:00:00+00:00", "park", "\"age\":\"25-44\"", ""));
    put(dir, "kiosk-a/2026-03-01.jsonl", "w", body);
    results_feed *f = feed_over(c, dir, NULL);
    CHECK_INT(update(f), 3);
    results_tally t = get(f, Q_AGE);
    CHECK_INT(t.responses, 3);
    CHECK_INT(t.people, 1);
    CHECK_INT(get(f, Q_IDEA).people, 0);
    CHECK_INT(get(f, Q_FEEL).people, 2); /* what was not sealed still counts */
    results_feed_free(f);
}

static void test_unknown_option(void) {
    const config *c = cfg;
    char dir[512];
    fresh("unknown", dir, sizeof dir);
    char body[4096] = "";
    strcat(body, park("n1", "\"first\":\"pond\",\"feel\":9,\"want\":[\"pond\",\"cafe\"]"));
    strcat(body, park("n2", "\"first\":\"pond\""));
    strcat(body, park("n3", "\"first\":\"cafe\""));
    put(dir, "kiosk-a/2026-03-01.jsonl", "w", body);
    results_feed *f = feed_over(c, dir, NULL);
    CHECK_INT(update(f), 3);
    results_tally t = get(f, Q_FIRST);
    CHECK_INT(t.people, 1);
    CHECK_INT(t.unknown, 2);
    CHECK_INT(t.counts[1], 1);
    t = get(f, Q_WANT); /* the known option of the list still counts */
    CHECK_INT(t.people, 1);
    CHECK_INT(t.unknown, 1);
    CHECK_INT(t.counts[1], 1);
    CHECK_INT(get(f, Q_FEEL).people, 0);
    CHECK_INT(get(f, Q_FEEL).unknown, 1);
    char where[700];
    snprintf(where, sizeof where, "%s/kiosk-a/2026-03-01.jsonl:1: ", dir);
    CHECK(has_problem(where, "question 'first' of consultation 'park': 'pond' is not one of its answers"));
    CHECK(has_problem(where, "question 'feel' of consultation 'park': 9"));
    CHECK_INT(problems.count, 3); /* 'pond' of first once (not again for n2), of want, 9 of feel */
    results_feed_free(f);
}

/* ---- on_record, and a question tallied late ----------------------------------------------- */

static void count_call(void *ud, const json_t *record) {
    CHECK(json_string_value(json_object_get(record, "language")) != NULL); /* the whole record */
    (*(int *)ud)++;
}

static void test_on_record_and_late_track(void) {
    const config *c = cfg;
    char dir[512];
    fresh("late", dir, sizeof dir);
    char body[4096] = "";
    strcat(body, park("l1", "\"feel\":4,\"visit\":3"));
    strcat(body, rec("l2", "kiosk-c", "2026-02-01T09:00:00+00:00", "fair", "\"first\":\"pitches\"", ""));
    put(dir, "kiosk-a/2026-03-01.jsonl", "w", body);
    results_feed *f = results_feed_new(c);
    CHECK(results_feed_track(f, 0, Q_FEEL));
    CHECK(results_feed_add_dir(f, dir));
    int calls = 0;
    memset(&problems, 0, sizeof problems);
    CHECK_INT(results_feed_update(f, count_call, &calls, &problems), 2);
    CHECK_INT(calls, 2); /* every record, of any consultation */
    results_tally t;
    CHECK(!results_feed_get(f, 0, Q_VISIT, &t));
    CHECK(results_feed_track(f, 0, Q_VISIT)); /* after records were read: they are read again */
    put(dir, "kiosk-a/2026-03-01.jsonl", "a", park("l3", "\"feel\":4,\"visit\":3"));
    CHECK_INT(results_feed_update(f, count_call, &calls, &problems), 1);
    CHECK_INT(calls, 3); /* each record given once */
    CHECK(results_feed_get(f, 0, Q_VISIT, &t));
    CHECK_INT(t.people, 2);
    CHECK_INT(t.counts[3], 2);
    CHECK_INT(get(f, Q_FEEL).people, 2); /* not doubled by the second reading */
    CHECK_INT(get(f, Q_FEEL).responses, 2);
    CHECK_INT(results_feed_update(f, count_call, &calls, &problems), 0);
    CHECK_INT(calls, 3);
    results_feed_free(f);
    results_feed_free(NULL);
}

int main(void) {
    sh("rm -rf '" WORK "' && mkdir -p '" WORK "'");
    cfg = load();
    CHECK(cfg != NULL);
    if (!cfg) return check_report();
    RUN(test_every_type);
    RUN(test_tally_add);
    RUN(test_min_responses);
    RUN(test_usb_copy_counts_once);
    RUN(test_append_counts_only_new);
    RUN(test_torn_line_counts_once_complete);
    RUN(test_truncated_or_replaced_file);
    RUN(test_kiosks_and_since);
    RUN(test_folders_without_answers);
    RUN(test_damaged_lines);
    RUN(test_sealed_answers_not_counted);
    RUN(test_unknown_option);
    RUN(test_on_record_and_late_track);
    config_free(cfg);
    return check_report();
}
