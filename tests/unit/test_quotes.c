/* quotes: only a consented answer's words (and first name, and age band when the consultation
 * shows it) ever become a quote, only a person's latest Approve shows one, and a fleet's
 * decisions merge with nothing lost or doubled, survive a torn line and a full disk, and
 * approved.yaml loads back exactly, whatever the words. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <yaml.h>

#include "check.h"
#include "rm_rf.h"
#include "export/export.h"
#include "quotes/quotes.h"

#define T0 ((time_t)1772446272) /* 2026-03-02 10:11:12 UTC */

static diag_list problems; /* 80 KB: kept off the stack */
static char tmp_root[4096];

/* ---- helpers --------------------------------------------------------------------------- */


static void fresh_dir(char *out, size_t size, const char *name) {
    if (snprintf(out, size, "%s/%s", tmp_root, name) >= (int)size) abort();
    rm_rf(out);
    mkdir(out, 0700);
}

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

static void write_file(const char *path, const char *data) {
    FILE *f = fopen(path, "wb");
    if (!f) abort();
    fputs(data, f);
    fclose(f);
}

static void mkdirs(const char *path) {
    char buf[8192];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(buf, 0750);
            *p = '/';
        }
    mkdir(buf, 0750);
}

static long count_lines(const char *s) {
    long n = 0;
    for (; s && *s; s++) n += *s == '\n';
    return n;
}

/* ---- a consultation as the config gives it -------------------------------------------- */

static question park_q[] = {
    {.id = "idea", .type = Q_TEXT},
    {.id = "more", .type = Q_TEXT},
    {.id = "want", .type = Q_CHOICES},
    {.id = "age", .type = Q_AGE_BAND},
    {.id = "where", .type = Q_POSTCODE_DISTRICT},
    {.id = "name", .type = Q_FIRST_NAME},
    {.id = "ok", .type = Q_CONSENT},
};
static consultation cons[2];
static config cfg;

static void setup_config(bool age_band) {
    memset(&cfg, 0, sizeof cfg);
    cons[0] = (consultation){.id = "park",
                             .title = "Riverside Park",
                             .n_questions = 7,
                             .questions = park_q,
                             .quote_age_band = age_band};
    /* A consultation that asks no consent: its words are never quotes. */
    cons[1] = (consultation){.id = "fair", .title = "Fair", .n_questions = 1, .questions = park_q};
    cfg.consultations = cons;
    cfg.n_consultations = 2;
}

/* A record of the park consultation; consent: "true", "false", "null" or NULL (absent). */
static json_t *park_record(const char *id, const char *at, const char *lang, const char *idea,
                           const char *name, const char *consent) {
    char buf[4096];
    snprintf(buf, sizeof buf,
             "{\"id\":\"%s\",\"kiosk\":\"lib-1\",\"at\":\"%s\",\"consultation\":{\"id\":\"park\"},"
             "\"answers\":{\"idea\":%s,\"more\":null,\"want\":[\"trees\"],\"age\":\"25-44\","
             "\"where\":\"S60\",\"name\":%s%s%s},\"language\":\"%s\"}",
             id, at, idea, name, consent ? ",\"ok\":" : "", consent ? consent : "", lang);
    json_error_t e;
    json_t *r = json_loads(buf, 0, &e);
    if (!r) {
        fprintf(stderr, "bad test record: %s\n%s\n", e.text, buf);
        abort();
    }
    return r;
}

static bool add(quote_set *qs, const config *c, json_t *rec) {
    bool ok = quotes_add_record(qs, c, rec, json_object_get(rec, "answers"), NULL);
    json_decref(rec);
    return ok;
}

static const quote_item *find(const quote_set *qs, const char *key) {
    for (size_t i = 0; i < qs->n; i++)
        if (!strcmp(qs->items[i].key, key)) return &qs->items[i];
    return NULL;
}

/* ---- which records give quotes --------------------------------------------------------- */

static void test_without_consent_never_a_quote(void) {
    setup_config(false);
    quote_set qs = {0};
    CHECK(add(&qs, &cfg,
              park_record("r-no", "2026-03-01T10:00:00+00:00", "en", "\"More trees\"", "\"Ann\"",
                          "false")));
    CHECK(add(&qs, &cfg,
              park_record("r-absent", "2026-03-01T10:00:00+00:00", "en", "\"More trees\"",
                          "\"Ann\"", NULL)));
    CHECK(add(&qs, &cfg,
              park_record("r-skipped", "2026-03-01T10:00:00+00:00", "en", "\"More trees\"",
                          "\"Ann\"", "null")));
    CHECK(add(&qs, &cfg,
              park_record("r-word", "2026-03-01T10:00:00+00:00", "en", "\"More trees\"", "\"Ann\"",
                          "\"yes\"")));
    CHECK(add(
        &qs, &cfg,
        park_record("r-one", "2026-03-01T10:00:00+00:00", "en", "\"More trees\"", "\"Ann\"", "1")));
    /* A consultation without a consent question. */
    json_t *fair = json_loads(
        "{\"id\":\"f1\",\"at\":\"2026-03-01T10:00:00+00:00\",\"consultation\":{\"id\":\"fair\"},"
        "\"answers\":{\"idea\":\"Lovely\",\"ok\":true},\"language\":\"en\"}",
        0, NULL);
    CHECK(add(&qs, &cfg, fair));
    CHECK_INT(qs.n, 0);
    CHECK_INT(qs.consented, 0);
    /* The same records with a yes give their quotes. */
    CHECK(add(&qs, &cfg,
              park_record("r-yes", "2026-03-01T10:00:00+00:00", "en", "\"More trees\"", "\"Ann\"",
                          "true")));
    CHECK_INT(qs.n, 1);
    CHECK_INT(qs.consented, 1);
    CHECK_STR(qs.items[0].key, "r-yes:idea");
    CHECK_STR(qs.items[0].text, "More trees");
    CHECK_STR(qs.items[0].name, "Ann");
    CHECK_STR(qs.items[0].lang, "en");
    CHECK_STR(qs.items[0].kiosk, "lib-1");
    CHECK_STR(qs.items[0].consultation, "park");
    CHECK_INT(qs.items[0].utc, 1772359200);
    quote_set_free(&qs);
}

static void test_unknown_consultation_gives_nothing(void) {
    setup_config(false);
    quote_set qs = {0};
    json_t *r =
        park_record("r1", "2026-03-01T10:00:00+00:00", "en", "\"More trees\"", "\"Ann\"", "true");
    json_object_set_new(json_object_get(r, "consultation"), "id", json_string("gone"));
    CHECK(add(&qs, &cfg, r));
    /* Without a config nothing tells a consultation's words from its postcode either. */
    CHECK(add(
        &qs, NULL,
        park_record("r2", "2026-03-01T10:00:00+00:00", "en", "\"More trees\"", "\"Ann\"", "true")));
    CHECK_INT(qs.n, 0);
    CHECK_INT(qs.consented, 0);
    quote_set_free(&qs);
}

/* Every string a quote holds, to look for what must never be there. */
static bool item_holds(const quote_item *it, const char *needle) {
    const char *fields[] = {it->key,   it->record_id, it->consultation, it->question,
                            it->kiosk, it->lang,      it->at,           it->text,
                            it->name,  it->age_band,  it->decided_by,   it->check.reason};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i] && strstr(fields[i], needle)) return true;
    return false;
}

static void test_only_words_name_and_age_band(void) {
    setup_config(false);
    quote_set qs = {0};
    json_t *r =
        park_record("r1", "2026-03-01T10:00:00+00:00", "pl", "\"Więcej ławek\"", "\"Ola\"", "true");
    json_object_set_new(json_object_get(r, "answers"), "more", json_string("A café, please"));
    CHECK(add(&qs, &cfg, r));
    /* Each answered quotable question is its own quote; a blank one is none. */
    CHECK_INT(qs.n, 2);
    CHECK(find(&qs, "r1:idea") && find(&qs, "r1:more"));
    /* Consented answers, not records: two here; a yes with no words (a name alone) adds none. */
    CHECK_INT(qs.consented, 2);
    CHECK(add(&qs, &cfg,
              park_record("r0", "2026-03-01T10:00:00+00:00", "en", "null", "\"Ann\"", "true")));
    CHECK_INT(qs.consented, 2);
    CHECK_INT(qs.n, 2);
    for (size_t i = 0; i < qs.n; i++) {
        CHECK(!item_holds(&qs.items[i], "S60"));
        CHECK(!item_holds(&qs.items[i], "trees"));
        CHECK(qs.items[i].age_band == NULL); /* the consultation does not show age bands */
    }
    quote_set_free(&qs);

    setup_config(true);
    r = park_record("r2", "2026-03-01T10:00:00+00:00", "pl", "\"Więcej ławek\"", "null", "true");
    json_object_set_new(json_object_get(r, "answers"), "more",
                        json_string(" \t\xe2\x80\x8b\n")); /* blank */
    CHECK(add(&qs, &cfg, r));
    CHECK_INT(qs.n, 1);
    CHECK_STR(qs.items[0].age_band, "25-44");
    CHECK(qs.items[0].name == NULL);
    CHECK(!item_holds(&qs.items[0], "S60"));
    CHECK_INT(qs.consented, 1);
    quote_set_free(&qs);
}

/* A first name only: a surname typed after it never goes with the quote. */
static void test_first_name_only(void) {
    setup_config(false);
    static const char *const typed[][2] = {
        {"\"Ola Kowalska\"", "Ola"},
        {"\"  Noor\\u00a0Fatima \"", "Noor"},
        {"\"Anne-Marie\"", "Anne-Marie"},
        {"\"فر\\u200cزانہ خان\"", "فر\u200cزانہ"}, /* the joiner inside the Urdu name stays */
        {"\"\\u200b Bea Smith\"", "Bea"},          /* a lone invisible mark is not the name */
        {"\" \"", NULL},
    };
    for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++) {
        quote_set qs = {0};
        CHECK(add(&qs, &cfg,
                  park_record("n1", "2026-03-01T10:00:00+00:00", "en", "\"More trees\"",
                              typed[i][0], "true")));
        CHECK_INT(qs.n, 1);
        if (typed[i][1])
            CHECK_STR(qs.n ? qs.items[0].name : NULL, typed[i][1]);
        else
            CHECK(qs.n && qs.items[0].name == NULL);
        quote_set_free(&qs);
    }
}

static void test_sealed_counted_not_listed(void) {
    setup_config(false);
    quote_set qs = {0};
    json_t *r = park_record("s1", "2026-03-01T10:00:00+00:00", "en", "null", "null", "true");
    json_object_set_new(r, "sealed", json_string("FHtb2rYtdbunt6DrFzVMA7zchfv3xX"));
    CHECK(add(&qs, &cfg, r));
    /* Sealed without consent: not counted at all. */
    r = park_record("s2", "2026-03-01T10:00:00+00:00", "en", "null", "null", "false");
    json_object_set_new(r, "sealed", json_string("8oIcDWsrvqPAjfpv9XeU9aofwa1TABMt"));
    CHECK(add(&qs, &cfg, r));
    /* An answer still a sealed object. */
    CHECK(add(&qs, &cfg,
              park_record("s3", "2026-03-01T10:00:00+00:00", "en", "{\"sealed\":\"abc\"}",
                          "\"Ann\"", "true")));
    CHECK_INT(qs.n, 0);
    CHECK_INT(qs.sealed, 2);
    CHECK_INT(qs.consented, 2);
    quote_set_free(&qs);
}

static void test_first_journey_records(void) {
    const char *line =
        "{\"id\":\"fj1\",\"kiosk\":\"kiosk-a\",\"at\":\"2026-07-01T10:15:00+01:00\",\"themes\":["
        "\"health\"],"
        "\"text\":\"Więcej ławek w centrum\",\"name\":\"Zofia\",\"age_band\":\"25-44\","
        "\"postcode_district\":\"S60\",\"consent_quote\":true,\"language\":\"pl\"}";
    json_t *rec = json_loads(line, 0, NULL);
    /* As export gives them: the answers under today's ids. */
    json_t *answers = json_object();
    const char *ids[] = {"themes",       "text", "name", "age_band", "postcode_district",
                         "consent_quote"};
    for (size_t i = 0; i < 6; i++) json_object_set(answers, ids[i], json_object_get(rec, ids[i]));
    quote_set qs = {0};
    setup_config(true); /* a config whose consultations do not include the first journey's */
    CHECK(quotes_add_record(&qs, NULL, rec, answers, NULL));
    CHECK(quotes_add_record(&qs, &cfg, rec, answers, NULL));
    CHECK_INT(qs.n, 2);
    CHECK_STR(qs.items[0].key, "fj1:text");
    CHECK_STR(qs.items[0].consultation, EXPORT_FIRST_JOURNEY);
    CHECK_STR(qs.items[0].name, "Zofia");
    CHECK(qs.items[0].age_band == NULL); /* only a consultation's quote_age_band shows it */
    CHECK(!item_holds(&qs.items[0], "S60"));
    CHECK_INT(qs.items[0].utc, 1782897300);
    json_object_set_new(answers, "consent_quote", json_false());
    CHECK(quotes_add_record(&qs, NULL, rec, answers, NULL));
    CHECK_INT(qs.n, 2);
    json_decref(answers);
    json_decref(rec);
    quote_set_free(&qs);
}

/* ---- decisions ------------------------------------------------------------------------- */

static void gather(quote_set *qs, const char *idea_a, const char *idea_b) {
    setup_config(false);
    memset(qs, 0, sizeof *qs);
    add(qs, &cfg, park_record("a", "2026-03-01T10:00:00+00:00", "en", idea_a, "\"Ann\"", "true"));
    add(qs, &cfg, park_record("b", "2026-03-01T11:00:00+00:00", "en", idea_b, "\"Bo\"", "true"));
    add(qs, &cfg,
        park_record("c", "2026-03-01T12:00:00+00:00", "en", "\"Lights on the path\"", "\"Cy\"",
                    "true"));
    add(qs, &cfg,
        park_record("d", "2026-03-01T13:00:00+00:00", "en", "\"Nothing\"", "null", "false"));
}

static void test_latest_decision_wins(void) {
    char dir[4096];
    fresh_dir(dir, sizeof dir, "latest");
    quote_decisions *d = quote_decisions_new();
    pk_error err = {{0}};
    CHECK(quote_decision_append(d, dir, "lib-1", "a:idea", QUOTE_APPROVE, "staff on lib-1", T0,
                                &err));
    CHECK(quote_decision_append(d, dir, "lib-1", "a:idea", QUOTE_HIDE, "staff on lib-1", T0 + 60,
                                &err));
    CHECK(quote_decision_append(d, dir, "lib-1", "b:idea", QUOTE_HIDE, "staff on lib-1", T0, &err));
    /* The same second: the later line (seq) wins. */
    CHECK(quote_decision_append(d, dir, "lib-1", "b:idea", QUOTE_APPROVE, "Jo", T0, &err));
    quote_verdict v;
    const char *by;
    CHECK(quote_decisions_latest(d, "a:idea", &v, NULL, NULL) && v == QUOTE_HIDE);
    CHECK(quote_decisions_latest(d, "b:idea", &v, &by, NULL) && v == QUOTE_APPROVE);
    CHECK_STR(by, "Jo");
    CHECK(!quote_decisions_latest(d, "c:idea", &v, NULL, NULL));

    /* Read back from disk, the same. */
    quote_decisions *r = quote_decisions_new();
    const char *dirs[] = {dir};
    problems.count = 0;
    CHECK(quote_decisions_read(r, dirs, 1, &problems, &err));
    CHECK_INT(problems.count, 0);
    CHECK_INT(quote_decisions_count(r), 4);
    quote_set qs;
    gather(&qs, "\"More trees\"", "\"A pond\"");
    quotes_apply_decisions(&qs, r);
    CHECK_INT(find(&qs, "a:idea")->state, QUOTE_HIDDEN);
    CHECK_INT(find(&qs, "b:idea")->state, QUOTE_APPROVED);
    CHECK_STR(find(&qs, "b:idea")->decided_by, "Jo");
    CHECK_INT(find(&qs, "b:idea")->decided_utc, T0);
    CHECK_INT(find(&qs, "c:idea")->state, QUOTE_WAITING);
    CHECK_INT(qs.approved, 1);
    CHECK_INT(qs.hidden, 1);
    CHECK_INT(qs.waiting, 1);
    CHECK_INT(qs.held, 0);
    CHECK_INT(qs.consented, 3);
    /* Newest first. */
    CHECK_STR(qs.items[0].key, "c:idea");
    CHECK_STR(qs.items[2].key, "a:idea");
    /* The lines are as quotes.h says, seq counting this writer's lines. */
    char path[4200];
    snprintf(path, sizeof path, "%s/lib-1/%s/%s", dir, QUOTE_DECISIONS_DIR, QUOTE_DECISIONS_FILE);
    const char *text = slurp(path);
    CHECK_INT(count_lines(text), 4);
    CHECK_CONTAINS(
        text, "\"quote\":\"a:idea\",\"decision\":\"approve\",\"by\":\"staff on lib-1\",\"at\":\"");
    CHECK_CONTAINS(text, "\"writer\":\"lib-1\",\"seq\":4}\n");
    /* Approve after hide: approved again. */
    CHECK(quote_decision_append(d, dir, "lib-1", "a:idea", QUOTE_APPROVE, "Jo", T0 + 120, &err));
    quotes_apply_decisions(&qs, d);
    CHECK_INT(find(&qs, "a:idea")->state, QUOTE_APPROVED);
    CHECK_INT(qs.approved, 2);
    CHECK_INT(qs.hidden, 0);
    quote_set_free(&qs);
    quote_decisions_free(r);
    quote_decisions_free(d);
}

/* A kiosk's clock went back after a power cut: its later decision still wins over its own
 * earlier one, and over another writer's decision made before that earlier one. */
static void test_clock_gone_back(void) {
    char dir[4096];
    fresh_dir(dir, sizeof dir, "clock");
    pk_error err = {{0}};
    CHECK(quote_decision_append(NULL, dir, "lib-1", "a:idea", QUOTE_HIDE, "x", T0 + 100, &err));
    CHECK(quote_decision_append(NULL, dir, "lib-2", "a:idea", QUOTE_HIDE, "y", T0 + 50, &err));
    CHECK(quote_decision_append(NULL, dir, "lib-1", "a:idea", QUOTE_APPROVE, "x", T0 - 86400 * 400,
                                &err));
    quote_decisions *d = quote_decisions_new();
    const char *dirs[] = {dir};
    CHECK(quote_decisions_read(d, dirs, 1, NULL, &err));
    quote_verdict v;
    const char *by;
    long long utc;
    CHECK(quote_decisions_latest(d, "a:idea", &v, &by, &utc) && v == QUOTE_APPROVE);
    CHECK_STR(by, "x");
    CHECK_INT(utc, T0 - 86400 * 400); /* the time as written */
    /* Another writer deciding later still wins. */
    CHECK(quote_decision_append(d, dir, "desk-office", "a:idea", QUOTE_HIDE, "z", T0 + 101, &err));
    CHECK(quote_decisions_latest(d, "a:idea", &v, NULL, NULL) && v == QUOTE_HIDE);
    quote_decisions_free(d);
}

static void copy_file(const char *from, const char *to) { write_file(to, slurp(from)); }

static void test_fleet_merge_nothing_lost_or_doubled(void) {
    char fleet[4096], usb[4096], path[4200], copy[4200];
    fresh_dir(fleet, sizeof fleet, "fleet");
    fresh_dir(usb, sizeof usb, "usb");
    pk_error err = {{0}};
    /* Two kiosks decide, each into its own file. */
    CHECK(quote_decision_append(NULL, fleet, "lib-1", "a:idea", QUOTE_APPROVE, "staff on lib-1", T0,
                                &err));
    CHECK(quote_decision_append(NULL, fleet, "lib-1", "b:idea", QUOTE_HIDE, "staff on lib-1",
                                T0 + 10, &err));
    CHECK(quote_decision_append(NULL, fleet, "lib-2", "c:idea", QUOTE_APPROVE, "staff on lib-2",
                                T0 + 5, &err));
    /* lib-2 changes lib-1's mind later; lib-1's earlier approve of b stays behind it. */
    CHECK(quote_decision_append(NULL, fleet, "lib-2", "a:idea", QUOTE_HIDE, "staff on lib-2",
                                T0 + 30, &err));
    CHECK(quote_decision_append(NULL, fleet, "desk-office", "b:idea", QUOTE_APPROVE, "Sam", T0 + 60,
                                &err));
    /* lib-1's file copied onto a USB stick, which is read too. */
    snprintf(path, sizeof path, "%s/lib-1/%s/%s", fleet, QUOTE_DECISIONS_DIR, QUOTE_DECISIONS_FILE);
    snprintf(copy, sizeof copy, "%s/plankiosk/lib-1/%s", usb, QUOTE_DECISIONS_DIR);
    mkdirs(copy);
    snprintf(copy, sizeof copy, "%s/plankiosk/lib-1/%s/%s", usb, QUOTE_DECISIONS_DIR,
             QUOTE_DECISIONS_FILE);
    copy_file(path, copy);

    quote_decisions *d = quote_decisions_new();
    const char *dirs[] = {fleet, usb};
    problems.count = 0;
    CHECK(quote_decisions_read(d, dirs, 2, &problems, &err));
    CHECK_INT(problems.count, 0);
    CHECK_INT(quote_decisions_count(d), 5);
    /* Read again (the same folders given twice): still five. */
    CHECK(quote_decisions_read(d, dirs, 2, &problems, &err));
    CHECK_INT(quote_decisions_count(d), 5);
    quote_set qs;
    gather(&qs, "\"More trees\"", "\"A pond\"");
    quotes_apply_decisions(&qs, d);
    CHECK_INT(find(&qs, "a:idea")->state, QUOTE_HIDDEN);
    CHECK_INT(find(&qs, "b:idea")->state, QUOTE_APPROVED);
    CHECK_INT(find(&qs, "c:idea")->state, QUOTE_APPROVED);
    CHECK_INT(qs.approved, 2);
    CHECK_INT(qs.hidden, 1);
    /* The folders' order does not change the outcome. */
    quote_decisions *d2 = quote_decisions_new();
    const char *rev[] = {usb, fleet};
    CHECK(quote_decisions_read(d2, rev, 2, &problems, &err));
    CHECK_INT(quote_decisions_count(d2), 5);
    quotes_apply_decisions(&qs, d2);
    CHECK_INT(qs.approved, 2);
    CHECK_INT(qs.hidden, 1);
    /* A folder that is not there is an error; a log file given is simply no decisions. */
    const char *missing[] = {"/nonexistent/plankiosk", fleet};
    quote_decisions *d3 = quote_decisions_new();
    CHECK(!quote_decisions_read(d3, missing, 2, &problems, &err));
    CHECK_CONTAINS(err.msg, "/nonexistent/plankiosk");
    CHECK_INT(quote_decisions_count(d3), 5); /* the folder that could be read still was */
    quote_decisions_free(d3);
    quote_set_free(&qs);
    quote_decisions_free(d);
    quote_decisions_free(d2);
}

static void test_torn_line_skipped_then_appended_after(void) {
    char dir[4096], folder[4200], path[4300];
    fresh_dir(dir, sizeof dir, "torn");
    pk_error err = {{0}};
    CHECK(quote_decision_append(NULL, dir, "lib-1", "a:idea", QUOTE_APPROVE, "x", T0, &err));
    snprintf(folder, sizeof folder, "%s/lib-1/%s", dir, QUOTE_DECISIONS_DIR);
    snprintf(path, sizeof path, "%s/%s", folder, QUOTE_DECISIONS_FILE);
    /* A power cut mid-write: half a line, no newline. */
    FILE *f = fopen(path, "ab");
    fputs("{\"id\":\"7d3c\",\"quote\":\"b:idea\",\"decis", f);
    fclose(f);
    quote_decisions *d = quote_decisions_new();
    const char *dirs[] = {dir};
    problems.count = 0;
    CHECK(quote_decisions_read(d, dirs, 1, &problems, &err));
    CHECK_INT(quote_decisions_count(d), 1);
    CHECK_INT(problems.count, 1);
    CHECK_CONTAINS(problems.items[0], QUOTE_DECISIONS_FILE ":2:");
    /* The next decision goes on a line of its own, after the torn one, which stays. */
    CHECK(quote_decision_append(d, dir, "lib-1", "b:idea", QUOTE_HIDE, "x", T0 + 1, &err));
    const char *text = slurp(path);
    CHECK_CONTAINS(text, "\"decis\n{\"id\":");
    CHECK_CONTAINS(text, "\"seq\":3}\n");
    quote_decisions *again = quote_decisions_new();
    problems.count = 0;
    CHECK(quote_decisions_read(again, dirs, 1, &problems, &err));
    CHECK_INT(quote_decisions_count(again), 2);
    CHECK_INT(problems.count, 1); /* the torn line, now ended, is still reported and skipped */
    CHECK_CONTAINS(problems.items[0], ":2: ");
    quote_verdict v;
    CHECK(quote_decisions_latest(again, "b:idea", &v, NULL, NULL) && v == QUOTE_HIDE);
    /* Damaged lines of every kind: each named and skipped, the good ones kept. */
    snprintf(path, sizeof path, "%s/other.jsonl", folder);
    write_file(path, "not json\n"
                     "[1,2]\n"
                     "{\"id\":\"x1\",\"quote\":\"c:idea\",\"decision\":\"maybe\",\"at\":\"2026-03-"
                     "02T10:00:00Z\",\"writer\":\"w\",\"seq\":1}\n"
                     "{\"id\":\"x2\",\"quote\":\"c:idea\",\"decision\":\"hide\",\"at\":"
                     "\"yesterday\",\"writer\":\"w\",\"seq\":2}\n"
                     "\n"
                     "{\"id\":\"x3\",\"quote\":\"c:idea\",\"decision\":\"approve\",\"by\":null,"
                     "\"at\":\"2026-03-02T10:00:00Z\",\"writer\":\"w\",\"seq\":5}\n");
    quote_decisions *mixed = quote_decisions_new();
    problems.count = 0;
    CHECK(quote_decisions_read(mixed, dirs, 1, &problems, &err));
    CHECK_INT(quote_decisions_count(mixed), 3);
    CHECK_INT(problems.count, 5);
    char want[4400];
    snprintf(want, sizeof want, "%s:3: \"decision\" is not", path);
    CHECK(problems.count >= 5 && strstr(problems.items[3], want));
    CHECK(quote_decisions_latest(mixed, "c:idea", &v, NULL, NULL) && v == QUOTE_APPROVE);
    quote_decisions_free(d);
    quote_decisions_free(again);
    quote_decisions_free(mixed);
}

static int full_after; /* bytes the fake disk still takes */

static ssize_t full_disk_write(int fd, const void *buf, size_t n) {
    if (full_after <= 0) {
        errno = ENOSPC;
        return -1;
    }
    size_t take = n < (size_t)full_after ? n : (size_t)full_after;
    full_after -= (int)take;
    return write(fd, buf, take);
}

static void test_full_disk_keeps_earlier_lines(void) {
    char dir[4096], path[4300];
    fresh_dir(dir, sizeof dir, "full");
    snprintf(path, sizeof path, "%s/lib-1/%s/%s", dir, QUOTE_DECISIONS_DIR, QUOTE_DECISIONS_FILE);
    quote_decisions *d = quote_decisions_new();
    pk_error err = {{0}};
    CHECK(quote_decision_append(d, dir, "lib-1", "a:idea", QUOTE_APPROVE, "x", T0, &err));
    char before[4096];
    snprintf(before, sizeof before, "%s", slurp(path));

    quote_decisions_set_write_fn(d, full_disk_write);
    full_after = 0;
    CHECK(!quote_decision_append(d, dir, "lib-1", "b:idea", QUOTE_HIDE, "x", T0 + 1, &err));
    CHECK_CONTAINS(err.msg, "the disk is full");
    CHECK_CONTAINS(err.msg, QUOTE_DECISIONS_FILE);
    CHECK_STR(slurp(path), before);
    /* A short write: some bytes, then the disk fills. */
    full_after = 20;
    CHECK(!quote_decision_append(d, dir, "lib-1", "b:idea", QUOTE_HIDE, "x", T0 + 2, &err));
    CHECK_CONTAINS(err.msg, "the disk is probably full");
    CHECK(!strncmp(slurp(path), before, strlen(before)));
    CHECK_INT(quote_decisions_count(d), 1); /* nothing half-saved is counted as saved */
    quote_verdict v;
    CHECK(!quote_decisions_latest(d, "b:idea", &v, NULL, NULL));
    /* Room again: the next line starts clean, and every saved one reads back. */
    quote_decisions_set_write_fn(d, NULL);
    CHECK(quote_decision_append(d, dir, "lib-1", "b:idea", QUOTE_HIDE, "x", T0 + 3, &err));
    quote_decisions *r = quote_decisions_new();
    const char *dirs[] = {dir};
    problems.count = 0;
    CHECK(quote_decisions_read(r, dirs, 1, &problems, &err));
    CHECK_INT(quote_decisions_count(r), 2);
    CHECK_INT(problems.count, 1); /* the 20 torn bytes */
    CHECK(quote_decisions_latest(r, "b:idea", &v, NULL, NULL) && v == QUOTE_HIDE);
    /* A folder that cannot be written (only when not root: root writes anywhere). */
    if (geteuid() != 0) {
        char folder[4200];
        snprintf(folder, sizeof folder, "%s/lib-1/%s", dir, QUOTE_DECISIONS_DIR);
        chmod(folder, 0500);
        chmod(path, 0400);
        CHECK(!quote_decision_append(d, dir, "lib-1", "c:idea", QUOTE_HIDE, "x", T0 + 4, &err));
        CHECK_CONTAINS(err.msg, "no permission");
        chmod(path, 0640);
        chmod(folder, 0750);
    }
    /* A writer that cannot name a folder is refused before anything is written. */
    CHECK(!quote_decision_append(d, dir, "../evil", "b:idea", QUOTE_HIDE, "x", T0, &err));
    CHECK_CONTAINS(err.msg, "cannot name a folder");
    /* A folder that cannot be made: a file stands where it would go. */
    char blocked[4300];
    snprintf(blocked, sizeof blocked, "%s/lib-9", dir);
    write_file(blocked, "x");
    CHECK(!quote_decision_append(d, dir, "lib-9", "b:idea", QUOTE_HIDE, "x", T0, &err));
    CHECK_CONTAINS(err.msg, "cannot save the decision");
    quote_decisions_free(r);
    quote_decisions_free(d);
}

/* Writers killed at any moment: every decision a writer was told was saved reads back, and
 * at most one more per kill (written whole, but killed before it heard so); a line cut off is
 * skipped, never merged with the next. */
static void test_killed_writers_lose_nothing_acknowledged(void) {
    char dir[4096];
    fresh_dir(dir, sizeof dir, "killed");
    enum { ROUNDS = 30, ACK = 32 };
    static char acked[ROUNDS * 400][ACK];
    int n_acked = 0;
    srand(20261207);
    for (int round = 0; round < ROUNDS; round++) {
        int fds[2];
        if (pipe(fds) != 0) abort();
        pid_t pid = fork();
        if (pid == 0) {
            close(fds[0]);
            for (int i = 0; i < 400; i++) {
                char key[ACK] = {0};
                pk_error err = {{0}};
                snprintf(key, sizeof key, "r%d-%d:idea", round, i);
                if (!quote_decision_append(NULL, dir, "lib-1", key,
                                           i % 3 ? QUOTE_APPROVE : QUOTE_HIDE, "x",
                                           T0 + round * 1000 + i, &err))
                    _exit(2);
                if (write(fds[1], key, ACK) != ACK) _exit(3);
            }
            _exit(0);
        }
        close(fds[1]);
        usleep((useconds_t)(rand() % 20000));
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
        while (n_acked < ROUNDS * 400 && read(fds[0], acked[n_acked], ACK) == ACK) n_acked++;
        close(fds[0]);
    }
    quote_decisions *d = quote_decisions_new();
    const char *dirs[] = {dir};
    pk_error err = {{0}};
    problems.count = 0;
    CHECK(quote_decisions_read(d, dirs, 1, &problems, &err));
    long n = (long)quote_decisions_count(d);
    CHECK(n >= n_acked && n <= n_acked + ROUNDS);
    CHECK(problems.count <= ROUNDS);
    int lost = 0;
    for (int i = 0; i < n_acked; i++) {
        quote_verdict v;
        int r, k;
        sscanf(acked[i], "r%d-%d", &r, &k);
        if (!quote_decisions_latest(d, acked[i], &v, NULL, NULL) ||
            v != (k % 3 ? QUOTE_APPROVE : QUOTE_HIDE))
            lost++;
    }
    CHECK_INT(lost, 0);
    fprintf(stderr,
            "  killed writers: %d rounds, %d acknowledged, %ld read back, %d lines skipped\n",
            ROUNDS, n_acked, n, problems.count);
    quote_decisions_free(d);
}

/* ---- the automatic check holds, a person decides --------------------------------------- */

static void test_held_until_a_person_approves(void) {
    char dir[4096];
    fresh_dir(dir, sizeof dir, "held");
    quote_set qs;
    gather(&qs, "\"Ring me on 07700 900123 about the park\"", "\"A pond\"");
    const quote_item *a = find(&qs, "a:idea");
    CHECK(a && a->state == QUOTE_HELD);
    CHECK(a && (a->check.flags & QUOTE_FLAG_PHONE));
    CHECK(a && a->check.reason[0]);
    CHECK_INT(qs.held, 1);
    CHECK_INT(qs.waiting, 2);
    /* No decisions: still held, and never approved by itself. */
    quote_decisions *d = quote_decisions_new();
    quotes_apply_decisions(&qs, d);
    CHECK_INT(find(&qs, "a:idea")->state, QUOTE_HELD);
    CHECK_INT(qs.approved, 0);
    pk_error err = {{0}};
    CHECK(quote_decision_append(d, dir, "lib-1", "a:idea", QUOTE_APPROVE, "Jo", T0, &err));
    quotes_apply_decisions(&qs, d);
    CHECK_INT(find(&qs, "a:idea")->state, QUOTE_APPROVED);
    CHECK(find(&qs, "a:idea")->check.flags &
          QUOTE_FLAG_PHONE); /* the reason stays for the report */
    CHECK_INT(qs.held, 0);
    CHECK_INT(qs.approved, 1);
    CHECK_INT(qs.waiting, 2);
    CHECK_INT(qs.consented, 3);
    quote_set_free(&qs);
    quote_decisions_free(d);
}

/* ---- approved.yaml --------------------------------------------------------------------- */

/* The value of key in the i-th item of approved_quotes in doc, or NULL. */
static const char *yaml_item_value(yaml_document_t *doc, int i, const char *key) {
    yaml_node_t *root = yaml_document_get_root_node(doc);
    if (!root || root->type != YAML_MAPPING_NODE) return NULL;
    yaml_node_pair_t *p = root->data.mapping.pairs.start;
    yaml_node_t *list = yaml_document_get_node(doc, p->value);
    if (!list || list->type != YAML_SEQUENCE_NODE ||
        list->data.sequence.items.start + i >= list->data.sequence.items.top)
        return NULL;
    yaml_node_t *item = yaml_document_get_node(doc, list->data.sequence.items.start[i]);
    for (yaml_node_pair_t *q = item->data.mapping.pairs.start; q < item->data.mapping.pairs.top;
         q++) {
        yaml_node_t *k = yaml_document_get_node(doc, q->key),
                    *v = yaml_document_get_node(doc, q->value);
        if (!strcmp((const char *)k->data.scalar.value, key))
            return (const char *)v->data.scalar.value;
    }
    return NULL;
}

static void test_approved_yaml_loads_back_exactly(void) {
    static const char *const words[] = {
        "Więcej ławek \"w centrum\" — proszę!\nA second line\twith a tab and a back\\slash",
        "پارک میں مزید درخت لگائیں 🌳👍🏽",
        "no", /* YAML would read it as false unquoted */
        "- [a]: {b} # c & *d !e %f @g `h` 'i'",
        "line\xe2\x80\xa8separator, next\xc2\x85line, bom\xef\xbb\xbf, bell\x07, del\x7f end  ",
    };
    const int n = (int)(sizeof words / sizeof words[0]);
    char dir[4096];
    fresh_dir(dir, sizeof dir, "yaml");
    setup_config(true);
    quote_set qs = {0};
    quote_decisions *d = quote_decisions_new();
    pk_error err = {{0}};
    for (int i = 0; i < n; i++) {
        char id[16], at[40];
        snprintf(id, sizeof id, "y%d", i);
        snprintf(at, sizeof at, "2026-03-0%dT10:00:00+01:00", i + 1);
        json_t *r = park_record(id, at, i == 1 ? "ur" : "pl", "null",
                                i == 1 ? "\"عائشہ\"" : "\"O'Hara\\\"\\\\\"", "true");
        json_object_set_new(json_object_get(r, "answers"), "idea", json_string(words[i]));
        add(&qs, &cfg, r);
        char key[64];
        snprintf(key, sizeof key, "%s:idea", id);
        quote_decision_append(d, dir, "lib-1", key, QUOTE_APPROVE, "Jo", T0 + i, &err);
    }
    /* One hidden and one waiting: neither goes in the file. */
    add(&qs, &cfg,
        park_record("hid", "2026-03-09T10:00:00+00:00", "en", "\"Hidden words\"", "null", "true"));
    add(&qs, &cfg,
        park_record("wait", "2026-03-09T10:00:00+00:00", "en", "\"Waiting words\"", "null",
                    "true"));
    quote_decision_append(d, dir, "lib-1", "hid:idea", QUOTE_HIDE, "Jo", T0, &err);
    quotes_apply_decisions(&qs, d);
    CHECK_INT(qs.approved, n);

    char path[4200];
    snprintf(path, sizeof path, "%s/approved.yaml", dir);
    FILE *f = fopen(path, "wb");
    const char *from[] = {"/media/usb/plankiosk", "/srv/fleet\nwith a newline"};
    CHECK(quotes_write_approved_from(f, &qs, from, 2, T0, &err));
    fclose(f);
    const char *text = slurp(path);
    CHECK_CONTAINS(text, "# Approved quotes: 5, made by plankiosk quotes on 2026-03-02 from "
                         "/media/usb/plankiosk and "
                         "/srv/fleet?with a newline. A person approved each one.\n");
    CHECK(!strstr(text, "Hidden words") && !strstr(text, "Waiting words") && !strstr(text, "S60"));

    f = fopen(path, "rb");
    yaml_parser_t parser;
    yaml_document_t doc;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_file(&parser, f);
    bool loaded = yaml_parser_load(&parser, &doc);
    CHECK(loaded);
    if (!loaded)
        fprintf(stderr, "yaml: %s at line %zu\n", parser.problem, parser.problem_mark.line + 1);
    for (int i = 0; loaded && i < n; i++) {
        /* Newest first: the last word is the first item. */
        int item = n - 1 - i;
        CHECK_STR(yaml_item_value(&doc, item, "text"), words[i]);
        CHECK_STR(yaml_item_value(&doc, item, "name"), i == 1 ? "عائشہ" : "O'Hara\"\\");
        CHECK_STR(yaml_item_value(&doc, item, "age_band"), "25-44");
        CHECK_STR(yaml_item_value(&doc, item, "consultation"), "park");
        CHECK_STR(yaml_item_value(&doc, item, "language"), i == 1 ? "ur" : "pl");
        char key[64], at[40];
        snprintf(key, sizeof key, "y%d:idea", i);
        snprintf(at, sizeof at, "2026-03-0%dT10:00:00+01:00", i + 1);
        CHECK_STR(yaml_item_value(&doc, item, "key"), key);
        CHECK_STR(yaml_item_value(&doc, item, "at"), at);
    }
    if (loaded) yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
    fclose(f);

    /* None approved: still a file a config can include. */
    quote_set none = {0};
    f = fopen(path, "wb");
    CHECK(quotes_write_approved_from(f, &none, NULL, 0, T0, &err));
    fclose(f);
    CHECK_CONTAINS(slurp(path), "approved_quotes: []\n");
    quote_set_free(&qs);
    quote_decisions_free(d);
}

/* ---- export never reads decisions as records ------------------------------------------- */

static void test_export_skips_decisions(void) {
    char dir[4096], path[4300];
    fresh_dir(dir, sizeof dir, "export");
    snprintf(path, sizeof path, "%s/park-kiosk", dir);
    mkdir(path, 0750);
    snprintf(path, sizeof path, "%s/park-kiosk/2026-12-01.jsonl", dir);
    copy_file(TEST_SOURCE_DIR
              "/tests/fixtures/export/consultations/feedback/park-kiosk/2026-12-01.jsonl",
              path);
    pk_error err = {{0}};
    CHECK(quote_decision_append(NULL, dir, "park-kiosk", "p1:sport", QUOTE_APPROVE, "x", T0, &err));
    CHECK(
        quote_decision_append(NULL, dir, "desk-office", "p1:sport", QUOTE_HIDE, "x", T0 + 1, &err));
    export_set set;
    const char *dirs[] = {dir};
    CHECK(export_collect(&set, dirs, 1, NULL, &err));
    CHECK_INT(set.files_read, 1);
    CHECK_INT(set.unreadable, 0);
    CHECK_INT(set.problems ? set.problems->count : 0, 0);
    /* The fixture's park consultation: p1 said yes to being quoted, p2 no, p3 did not answer. */
    quote_set qs = {0};
    quote_decisions *d = quote_decisions_new();
    CHECK(quote_decisions_read(d, dirs, 1, NULL, &err));
    static question park[] = {{.id = "want", .type = Q_CHOICES},
                              {.id = "sport", .type = Q_TEXT},
                              {.id = "age", .type = Q_AGE_BAND},
                              {.id = "name", .type = Q_FIRST_NAME},
                              {.id = "quote", .type = Q_CONSENT}};
    static consultation k = {.id = "park", .n_questions = 5, .questions = park};
    static config c;
    c.consultations = &k, c.n_consultations = 1;
    CHECK(quotes_collect(&qs, &set, &c, NULL, d, &err));
    CHECK_INT(qs.consented, 1);
    CHECK_INT(qs.n, 1);
    CHECK_STR(qs.n ? qs.items[0].text : NULL, "Cricket, please");
    CHECK_INT(qs.hidden, 1);
    quote_set_free(&qs);
    quote_decisions_free(d);
    export_set_free(&set);
}

static int writes; /* write() calls the counting disk was asked for */

static ssize_t counting_write(int fd, const void *buf, size_t n) {
    writes++;
    return write(fd, buf, n);
}

static long long file_size(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

/* What a decisions file holds: its lines, how many of the first n carry seq 1..n and keys[i]
 * in that order, its distinct ids, and the last line's seq. */
typedef struct batch_lines {
    long lines, in_order, ids;
    long long last_seq;
} batch_lines;

static batch_lines read_batch_lines(const char *path, char (*keys)[32], long n) {
    batch_lines b = {0};
    FILE *f = fopen(path, "rb");
    json_t *ids = json_object();
    char *line = NULL;
    size_t cap = 0;
    while (f && getline(&line, &cap, f) > 0) {
        json_t *o = json_loads(line, 0, NULL);
        const char *id = json_string_value(json_object_get(o, "id"));
        const char *key = json_string_value(json_object_get(o, "quote"));
        b.last_seq = json_integer_value(json_object_get(o, "seq"));
        b.in_order +=
            b.lines < n && b.last_seq == b.lines + 1 && key && !strcmp(key, keys[b.lines]);
        if (id) json_object_set_new(ids, id, json_true());
        json_decref(o);
        b.lines++;
    }
    b.ids = (long)json_object_size(ids);
    json_decref(ids);
    free(line);
    if (f) fclose(f);
    return b;
}

/* A sheet's decisions as one batch: one write; every one reads back, numbered on from 1 in the
 * sheet's order, each with an id of its own; a full disk or a bad key leaves the file as it
 * was and says why. */
static void test_batch_append(void) {
    enum { N = 1000 };
    static char keys[N][32];
    static quote_decision_item items[N];
    char dir[4096], path[4300];
    fresh_dir(dir, sizeof dir, "batch");
    snprintf(path, sizeof path, "%s/desk-a/%s/%s", dir, QUOTE_DECISIONS_DIR, QUOTE_DECISIONS_FILE);
    for (int i = 0; i < N; i++) {
        snprintf(keys[i], sizeof keys[i], "r%d:idea", i);
        items[i] = (quote_decision_item){keys[i], i % 3 ? QUOTE_APPROVE : QUOTE_HIDE};
    }
    quote_decisions *d = quote_decisions_new();
    pk_error err = {{0}};
    quote_decisions_set_write_fn(d, counting_write);
    writes = 0;
    CHECK(quote_decisions_append_many(d, dir, "desk-a", items, N, "Ann", T0, &err));
    CHECK_INT(writes, 1);
    CHECK_INT(quote_decisions_count(d), N);

    /* On disk: seq 1..N in the sheet's order, ids unique. */
    batch_lines b = read_batch_lines(path, keys, N);
    CHECK_INT(b.lines, N);
    CHECK_INT(b.in_order, N);
    CHECK_INT(b.ids, N);

    /* Read back as any reader would. */
    quote_decisions *r = quote_decisions_new();
    const char *dirs[] = {dir};
    problems.count = 0;
    CHECK(quote_decisions_read(r, dirs, 1, &problems, &err));
    CHECK_INT(problems.count, 0);
    CHECK_INT(quote_decisions_count(r), N);
    quote_verdict v;
    const char *by;
    CHECK(quote_decisions_latest(r, "r0:idea", &v, &by, NULL) && v == QUOTE_HIDE);
    CHECK_STR(by, "Ann");
    CHECK(quote_decisions_latest(r, "r998:idea", &v, NULL, NULL) && v == QUOTE_APPROVE);
    quote_decisions_free(r);

    /* One more, alone (the staff screen's way): numbered on. */
    CHECK(quote_decision_append(d, dir, "desk-a", "late:idea", QUOTE_HIDE, "Ann", T0 + 1, &err));
    b = read_batch_lines(path, keys, N);
    CHECK_INT(b.lines, N + 1);
    CHECK_INT(b.last_seq, N + 1);
    CHECK_INT(b.ids, N + 1);
    long long size = file_size(path);

    /* A full disk: nothing of the batch is written, nothing added to d, and it says so. */
    quote_decisions_set_write_fn(d, full_disk_write);
    full_after = 0;
    CHECK(!quote_decisions_append_many(d, dir, "desk-a", items, N, "Ann", T0 + 2, &err));
    CHECK_CONTAINS(err.msg, "the disk is full");
    CHECK_CONTAINS(err.msg, "cannot save the decisions");
    CHECK_CONTAINS(err.msg, QUOTE_DECISIONS_FILE);
    CHECK_INT(file_size(path), size);
    CHECK_INT(quote_decisions_count(d), N + 1);

    /* A bad key anywhere in the batch: refused before anything is written. */
    quote_decisions_set_write_fn(d, NULL);
    items[500].key = "";
    CHECK(!quote_decisions_append_many(d, dir, "desk-a", items, N, "Ann", T0 + 3, &err));
    CHECK_CONTAINS(err.msg, "decision 501 of 1000");
    CHECK_INT(file_size(path), size);
    items[500].key = keys[500];
    CHECK(quote_decisions_append_many(d, dir, "desk-a", items, 0, "Ann", T0 + 3, &err));
    CHECK_INT(file_size(path), size);

    r = quote_decisions_new();
    problems.count = 0;
    CHECK(quote_decisions_read(r, dirs, 1, &problems, &err));
    CHECK_INT(problems.count, 0);
    CHECK_INT(quote_decisions_count(r), N + 1);
    CHECK(quote_decisions_latest(r, "late:idea", &v, NULL, NULL) && v == QUOTE_HIDE);
    quote_decisions_free(r);
    quote_decisions_free(d);
}

int main(void) {
    snprintf(tmp_root, sizeof tmp_root, "%s/test_quotes.tmp", TEST_BINARY_DIR);
    rm_rf(tmp_root);
    mkdir(tmp_root, 0700);
    RUN(test_without_consent_never_a_quote);
    RUN(test_unknown_consultation_gives_nothing);
    RUN(test_only_words_name_and_age_band);
    RUN(test_first_name_only);
    RUN(test_sealed_counted_not_listed);
    RUN(test_first_journey_records);
    RUN(test_latest_decision_wins);
    RUN(test_clock_gone_back);
    RUN(test_fleet_merge_nothing_lost_or_doubled);
    RUN(test_torn_line_skipped_then_appended_after);
    RUN(test_full_disk_keeps_earlier_lines);
    RUN(test_batch_append);
    RUN(test_killed_writers_lose_nothing_acknowledged);
    RUN(test_held_until_a_person_approves);
    RUN(test_approved_yaml_loads_back_exactly);
    RUN(test_export_skips_decisions);
    if (!check_failures) rm_rf(tmp_root);
    return check_report();
}
