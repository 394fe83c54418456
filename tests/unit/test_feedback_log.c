/* feedback_log: what a visitor said is stored exactly, one record a line, and survives a full
 * disk, a short write and a torn last line without ever losing or merging a saved record. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "rm_rf.h"
#include "store/feedback_log.h"

#define SUMMER ((time_t)1784118896) /* 2026-07-15 12:34:56 UTC = 13:34:56 BST */
#define WINTER ((time_t)1795528987) /* 2026-11-24 14:03:07 UTC = GMT */
#define LATE ((time_t)1785627000)   /* 2026-08-01 23:30:00 UTC = 00:30 BST on 2 August */

static diag_list diags; /* 80 KB: kept off the stack */

/* ---- helpers --------------------------------------------------------------------------- */


static char tmp_root[4096];

/* A fresh empty folder for one test, under the build tree. */
static void fresh_dir(char *out, size_t size, const char *name) {
    if (snprintf(out, size, "%s/%s", tmp_root, name) >= (int)size) abort(); /* path too long */
    rm_rf(out);
    mkdir(out, 0700);
}

/* The whole file, NUL-terminated (len without the NUL); NULL if it cannot be read. */
static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t r;
    while (buf && (r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (cap - n - 1 == 0) {
            char *grown = realloc(buf, cap * 2);
            if (!grown) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf) return NULL;
    buf[n] = '\0';
    if (len) *len = n;
    return buf;
}

static void spill(const char *path, const char *buf, size_t len) {
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f) return;
    CHECK_INT(fwrite(buf, 1, len, f), len);
    fclose(f);
}

static int count_char(const char *s, size_t n, char c) {
    int k = 0;
    for (size_t i = 0; i < n; i++) k += s[i] == c;
    return k;
}

/* Line i (0-based) of content, without its '\n'; NULL if there is no such line. */
static const char *line_at(const char *content, size_t len, int i, size_t *line_len) {
    size_t start = 0;
    for (int k = 0; k < i; k++) {
        const char *nl = memchr(content + start, '\n', len - start);
        if (!nl) return NULL;
        start = (size_t)(nl - content) + 1;
    }
    if (start >= len) return NULL;
    const char *nl = memchr(content + start, '\n', len - start);
    *line_len = nl ? (size_t)(nl - content) - start : len - start;
    return content + start;
}

/* Parses one line as exactly one JSON object (trailing bytes make it fail: no merged lines). */
static json_t *parse_line(const char *line, size_t n) {
    json_error_t e;
    json_t *j = json_loadb(line, n, 0, &e);
    if (j && !json_is_object(j)) {
        json_decref(j);
        return NULL;
    }
    return j;
}

static const char *jstr(json_t *o, const char *key) {
    return json_string_value(json_object_get(o, key));
}

static bool is_uuid4(const char *s) {
    if (!s || strlen(s) != 36) return false;
    for (int i = 0; i < 36; i++) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (s[i] != '-') return false;
        } else if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) {
            return false;
        }
    }
    return s[14] == '4' && strchr("89ab", s[19]) != NULL;
}

static const char *TEXT = "Zażółć gęślą jaźń — £5 a \"week\", commas, too,\na new line\tand a tab";

/* The answers of the shipped consultation's questions (journey_test.h), every one given. */
static json_t *full_answers(void) {
    return json_pack("{s:[ss],s:s,s:i,s:s,s:s,s:s,s:s,s:b}", "themes", "homes", "other",
                     "themes_other", "a skate park", "rating", 4, "text", TEXT, "name",
                     "Ann O'Neill", "age_band", "25-44", "postcode_district", "LS6",
                     "consent_quote", 1);
}

/* What journey_record lists as personal for those questions. */
static json_t *personal_ids(void) {
    return json_pack("[sssss]", "themes_other", "text", "name", "age_band", "postcode_district");
}

/* A record the caller owns: release it with feedback_record_release. */
static feedback_record full_record(time_t at) {
    feedback_record r;
    memset(&r, 0, sizeof r);
    r.kiosk = "kiosk-01";
    r.location = "Town Hall foyer, Leeds";
    r.at = at;
    r.config_title = "Our Town Plan 2040";
    r.config_hash = "sha256:0f3a9c";
    r.consultation = "plan-2040";
    r.questions_hash = "3f9a0c11d2e4b5a6";
    r.answers = full_answers();
    r.personal = personal_ids();
    r.language = "en";
    r.seconds_taken = 87;
    if (!r.answers || !r.personal) abort(); /* json_pack refused: a mistake in this file */
    return r;
}

/* A visitor who skipped everything optional: every question there, answered null. */
static feedback_record skipped_record(time_t at) {
    feedback_record r = full_record(at);
    json_decref(r.answers);
    r.answers = json_pack("{s:n,s:n,s:n,s:n,s:n,s:n,s:n,s:n}", "themes", "themes_other", "rating",
                          "text", "name", "age_band", "postcode_district", "consent_quote");
    if (!r.answers) abort();
    return r;
}

/* The answer to question id in a parsed line. */
static json_t *answer(json_t *line, const char *id) {
    return json_object_get(json_object_get(line, "answers"), id);
}

static bool open_log(feedback_log *log, const char *base, const char *kiosk, pk_error *err) {
    memset(&diags, 0, sizeof diags);
    return feedback_log_open(log, base, kiosk, &diags, err);
}

/* ---- tests ----------------------------------------------------------------------------- */

/* Everything a visitor gave comes back exactly, in a file staff can read. */
static void record_round_trips(void) {
    char dir[4096], path[4200];
    fresh_dir(dir, sizeof dir, "round_trip");
    feedback_log log;
    pk_error err = {{0}};
    CHECK(open_log(&log, dir, "kiosk-01", &err));
    CHECK_INT(diags.count, 0);
    CHECK_STR(log.last_error, "");

    feedback_record a = full_record(SUMMER);
    CHECK(feedback_log_append(&log, &a, &err));
    CHECK(is_uuid4(a.id));
    snprintf(path, sizeof path, "%s/kiosk-01/2026-07-15.jsonl", dir);
    size_t len = 0;
    char *content = slurp(path, &len);
    CHECK(content != NULL);
    if (!content) return;
    CHECK_INT(count_char(content, len, '\n'), 1); /* one line, even with a newline in the text */
    CHECK(len > 0 && content[len - 1] == '\n');
    CHECK_CONTAINS(content, "Zażółć gęślą jaźń — £5"); /* readable UTF-8, not \u escapes */
    CHECK_CONTAINS(content, "too,\\na new line\\tand");

    /* Keys in the documented order, so files diff and read the same everywhere; the answers
     * keep the order the caller gave them (the consultation's question order). */
    static const char *keys[] = {"{\"id\":",
                                 ",\"kiosk\":",
                                 ",\"location\":",
                                 ",\"at\":",
                                 ",\"config\":{\"title\":",
                                 ",\"hash\":",
                                 "},\"consultation\":{\"id\":",
                                 ",\"questions\":",
                                 "},\"answers\":{\"themes\":[",
                                 ",\"themes_other\":",
                                 ",\"rating\":",
                                 ",\"text\":",
                                 ",\"name\":",
                                 ",\"age_band\":",
                                 ",\"postcode_district\":",
                                 ",\"consent_quote\":",
                                 "},\"personal\":[",
                                 "],\"language\":",
                                 ",\"seconds_taken\":"};
    const char *at = content;
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        const char *found = strstr(at, keys[i]);
        CHECK(found != NULL);
        if (!found)
            fprintf(stderr, "  key %s missing or out of order\n", keys[i]);
        else
            at = found;
    }

    json_t *j = parse_line(content, len - 1);
    CHECK(j != NULL);
    if (j) {
        CHECK_STR(jstr(j, "id"), a.id);
        CHECK_STR(jstr(j, "kiosk"), "kiosk-01");
        CHECK_STR(jstr(j, "location"), "Town Hall foyer, Leeds");
        CHECK_STR(jstr(j, "at"), "2026-07-15T13:34:56+01:00");
        json_t *config = json_object_get(j, "config");
        CHECK_STR(jstr(config, "title"), "Our Town Plan 2040");
        CHECK_STR(jstr(config, "hash"), "sha256:0f3a9c");
        json_t *consult = json_object_get(j, "consultation");
        CHECK_STR(jstr(consult, "id"), "plan-2040");
        CHECK_STR(jstr(consult, "questions"), "3f9a0c11d2e4b5a6");
        CHECK_INT(json_object_size(consult), 2);
        json_t *themes = answer(j, "themes");
        CHECK(json_is_array(themes));
        CHECK_INT(json_array_size(themes), 2);
        CHECK_STR(json_string_value(json_array_get(themes, 0)), "homes");
        CHECK_STR(json_string_value(json_array_get(themes, 1)), "other");
        CHECK_STR(json_string_value(answer(j, "themes_other")), "a skate park");
        CHECK(json_is_integer(answer(j, "rating")));
        CHECK_INT(json_integer_value(answer(j, "rating")), 4);
        CHECK_STR(json_string_value(answer(j, "text")), TEXT); /* byte for byte */
        CHECK_STR(json_string_value(answer(j, "name")), "Ann O'Neill");
        CHECK_STR(json_string_value(answer(j, "age_band")), "25-44");
        CHECK_STR(json_string_value(answer(j, "postcode_district")), "LS6");
        CHECK(json_is_true(answer(j, "consent_quote")));
        CHECK_INT(json_object_size(json_object_get(j, "answers")), 8);
        /* The personal list exactly as given: the ids a sealing kiosk would seal. */
        CHECK(json_equal(json_object_get(j, "personal"), a.personal));
        CHECK(json_equal(json_object_get(j, "answers"), a.answers));
        CHECK_STR(jstr(j, "language"), "en");
        CHECK_INT(json_integer_value(json_object_get(j, "seconds_taken")), 87);
        /* The first start of this kiosk, its first line. */
        CHECK_INT(json_integer_value(json_object_get(j, "boot")), 1);
        CHECK_INT(json_integer_value(json_object_get(j, "seq")), 1);
        CHECK_INT(json_object_size(j), 12);
        /* Nothing of the first journey's shape is left at the top. */
        CHECK(json_object_get(j, "text") == NULL);
        CHECK(json_object_get(j, "themes") == NULL);
        CHECK(json_object_get(j, "question") == NULL);
        json_decref(j);
    }
    /* The line is exactly what feedback_record_to_json gives for the record. */
    char *expect = feedback_record_to_json(&a);
    CHECK_STR(content, expect);
    free(expect);
    free(content);

    /* A second visitor who skipped everything optional: nulls, not empty strings or zeros. */
    feedback_record b = skipped_record(SUMMER);
    CHECK(feedback_log_append(&log, &b, &err));
    CHECK(is_uuid4(b.id));
    CHECK(strcmp(a.id, b.id) != 0);
    content = slurp(path, &len);
    CHECK(content != NULL);
    if (!content) return;
    CHECK_INT(count_char(content, len, '\n'), 2);
    size_t n0 = 0, n1 = 0;
    const char *l0 = line_at(content, len, 0, &n0), *l1 = line_at(content, len, 1, &n1);
    CHECK(l0 && l1);
    json_t *j0 = l0 ? parse_line(l0, n0) : NULL, *j1 = l1 ? parse_line(l1, n1) : NULL;
    CHECK(j0 && j1);
    if (j0 && j1) {
        CHECK_STR(jstr(j0, "id"), a.id);
        CHECK_STR(jstr(j1, "id"), b.id);
        static const char *const ids[] = {"themes", "themes_other", "rating", "text", "name",
                                          "age_band", "postcode_district", "consent_quote"};
        for (int i = 0; i < 8; i++) {
            CHECK(json_is_null(answer(j1, ids[i])));
            if (!json_is_null(answer(j1, ids[i]))) fprintf(stderr, "  answer %s\n", ids[i]);
        }
        CHECK_INT(json_object_size(json_object_get(j1, "answers")), 8);
    }
    json_decref(j0);
    json_decref(j1);
    free(content);

    /* "No" to quoting is stored as false; a record without answers or personal list (no
     * consultation) still has both, empty. */
    feedback_record c = skipped_record(SUMMER);
    json_object_set_new(c.answers, "consent_quote", json_false());
    char *line = feedback_record_to_json(&c);
    CHECK(line != NULL);
    json_t *jc = line ? parse_line(line, strlen(line) - 1) : NULL;
    CHECK(jc && json_is_false(answer(jc, "consent_quote")));
    CHECK(jc && json_is_null(answer(jc, "text")));
    json_decref(jc);
    free(line);
    feedback_record_release(&c);
    CHECK(c.answers == NULL && c.personal == NULL);
    feedback_record_release(&c); /* twice is harmless */
    c.consultation = NULL;
    c.questions_hash = NULL;
    line = feedback_record_to_json(&c);
    CHECK(line != NULL);
    jc = line ? parse_line(line, strlen(line) - 1) : NULL;
    CHECK(jc != NULL);
    if (jc) {
        CHECK(json_is_object(json_object_get(jc, "answers")));
        CHECK_INT(json_object_size(json_object_get(jc, "answers")), 0);
        CHECK(json_is_array(json_object_get(jc, "personal")));
        CHECK_INT(json_array_size(json_object_get(jc, "personal")), 0);
        json_t *consult = json_object_get(jc, "consultation");
        CHECK(json_is_null(json_object_get(consult, "id")));
        CHECK(json_is_null(json_object_get(consult, "questions")));
    }
    json_decref(jc);
    free(line);
    feedback_record_release(&a);
    feedback_record_release(&b);
    feedback_log_close(&log);
}

/* Files are named for the record's LOCAL date, and times carry the offset in force then. */
static void local_dates_and_offsets(void) {
    char dir[4096], path[4200];
    fresh_dir(dir, sizeof dir, "dates");
    feedback_log log;
    pk_error err = {{0}};
    CHECK(open_log(&log, dir, "k", &err));
    struct {
        time_t at;
        const char *file, *iso;
    } cases[] = {
        {SUMMER, "2026-07-15", "2026-07-15T13:34:56+01:00"},
        {WINTER, "2026-11-24", "2026-11-24T14:03:07+00:00"},
        {LATE, "2026-08-02", "2026-08-02T00:30:00+01:00"}, /* still 1 August in UTC */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        feedback_record r = skipped_record(cases[i].at);
        CHECK(feedback_log_append(&log, &r, &err));
        feedback_record_release(&r);
        snprintf(path, sizeof path, "%s/k/%s.jsonl", dir, cases[i].file);
        size_t len = 0;
        char *content = slurp(path, &len);
        CHECK(content != NULL);
        if (!content) continue;
        json_t *j = parse_line(content, len);
        CHECK(j != NULL);
        CHECK_STR(j ? jstr(j, "at") : NULL, cases[i].iso);
        CHECK_STR(j ? jstr(j, "id") : NULL, r.id);
        json_decref(j);
        free(content);
    }
    snprintf(path, sizeof path, "%s/k/2026-08-01.jsonl", dir);
    CHECK(access(path, F_OK) != 0);

    /* A negative offset with minutes keeps its colon: Newfoundland in November. */
    const char *saved = getenv("TZ");
    char keep[128];
    snprintf(keep, sizeof keep, "%s", saved ? saved : "");
    setenv("TZ", "NST3:30NDT,M3.2.0,M11.1.0", 1);
    tzset();
    feedback_record r = skipped_record(WINTER);
    char *line = feedback_record_to_json(&r);
    CHECK_CONTAINS(line, "\"at\":\"2026-11-24T10:33:07-03:30\"");
    free(line);
    feedback_record_release(&r);
    setenv("TZ", keep, 1);
    tzset();
    feedback_log_close(&log);
}

static ssize_t counted_calls;
static ssize_t counting_write(int fd, const void *buf, size_t n) {
    counted_calls++;
    return write(fd, buf, n);
}

/* The whole record goes to the kernel in one write, so it cannot interleave or half-land in
 * more than one piece. */
static void one_write_per_record(void) {
    char dir[4096];
    fresh_dir(dir, sizeof dir, "one_write");
    feedback_log log;
    pk_error err = {{0}};
    CHECK(open_log(&log, dir, "k", &err));
    log.write_fn = counting_write;
    counted_calls = 0;
    for (int i = 0; i < 3; i++) {
        feedback_record r = full_record(WINTER);
        CHECK(feedback_log_append(&log, &r, &err));
        feedback_record_release(&r);
    }
    CHECK_INT(counted_calls, 3);
    CHECK(feedback_log_abandoned(&log, WINTER, "themes", 12, &err));
    CHECK_INT(counted_calls, 4);
    feedback_log_close(&log);
}

/* An abandoned journey is counted with no trace of what was typed. */
static void abandoned_counted_without_content(void) {
    char dir[4096], path[4200];
    fresh_dir(dir, sizeof dir, "abandoned");
    feedback_log log;
    pk_error err = {{0}};
    CHECK(open_log(&log, dir, "kiosk-07", &err));
    CHECK(feedback_log_abandoned(&log, WINTER, "text", 64, &err));
    CHECK(feedback_log_abandoned(&log, WINTER, "rating", 9, &err));
    snprintf(path, sizeof path, "%s/kiosk-07/abandoned/2026-11-24.jsonl", dir);
    size_t len = 0;
    char *content = slurp(path, &len);
    CHECK(content != NULL);
    if (!content) return;
    CHECK_INT(count_char(content, len, '\n'), 2);
    size_t n = 0;
    const char *l = line_at(content, len, 0, &n);
    json_t *j = l ? parse_line(l, n) : NULL;
    CHECK(j != NULL);
    if (j) {
        CHECK_STR(jstr(j, "at"), "2026-11-24T14:03:07+00:00");
        CHECK_STR(jstr(j, "step"), "text");
        CHECK_STR(jstr(j, "kiosk"), "kiosk-07");
        CHECK(is_uuid4(jstr(j, "id")));
        CHECK_INT(json_integer_value(json_object_get(j, "seconds_taken")), 64);
        CHECK(json_object_get(j, "text") == NULL);
        CHECK(json_object_get(j, "name") == NULL);
        CHECK(json_object_get(j, "postcode_district") == NULL);
        CHECK(json_object_get(j, "themes") == NULL);
        CHECK(json_object_get(j, "answers") == NULL);
        CHECK(json_object_get(j, "personal") == NULL);
        CHECK(json_object_get(j, "consultation") == NULL);
        CHECK_INT(json_integer_value(json_object_get(j, "boot")), 1);
        CHECK_INT(json_integer_value(json_object_get(j, "seq")), 1);
        CHECK_INT(json_object_size(j), 7);
        json_decref(j);
    }
    free(content);
    /* ... and nothing in the feedback file itself. */
    snprintf(path, sizeof path, "%s/kiosk-07/2026-11-24.jsonl", dir);
    CHECK(access(path, F_OK) != 0);
    feedback_log_close(&log);
}

/* A power cut mid-record: open finds the torn line, says where, keeps it, and the next record
 * starts on a line of its own. */
static void torn_line_repaired_on_open(void) {
    char dir[4096], path[4200], expect_msg[4400];
    fresh_dir(dir, sizeof dir, "torn");
    feedback_log log;
    pk_error err = {{0}};
    CHECK(open_log(&log, dir, "k", &err));
    feedback_record a = full_record(WINTER), b = skipped_record(WINTER);
    CHECK(feedback_log_append(&log, &a, &err));
    CHECK(feedback_log_append(&log, &b, &err));
    feedback_log_close(&log);
    snprintf(path, sizeof path, "%s/k/2026-11-24.jsonl", dir);
    size_t good_len = 0;
    char *good = slurp(path, &good_len);
    CHECK(good != NULL);
    if (!good) return;

    /* The third record got 50 bytes onto the disk before the power went. */
    feedback_record c = full_record(WINTER);
    feedback_uuid4(c.id);
    char *third = feedback_record_to_json(&c);
    feedback_record_release(&c);
    int fd = open(path, O_WRONLY | O_APPEND);
    CHECK(fd >= 0);
    CHECK_INT(write(fd, third, 50), 50);
    close(fd);

    CHECK(open_log(&log, dir, "k", &err));
    CHECK_INT(log.torn_lines_found, 1);
    CHECK_INT(diags.count, 1);
    snprintf(expect_msg, sizeof expect_msg,
             "%s:3: torn record left by an interrupted write (50 bytes); kept as it is", path);
    CHECK_STR(diags.items[0], expect_msg);

    size_t len = 0;
    char *content = slurp(path, &len);
    CHECK(content != NULL);
    if (!content) return;
    CHECK_INT(len, good_len + 51);
    CHECK(memcmp(content, good, good_len) == 0);       /* earlier records untouched */
    CHECK(memcmp(content + good_len, third, 50) == 0); /* torn bytes kept as they were */
    CHECK(content[len - 1] == '\n');
    free(content);

    /* Opening again finds nothing more to repair. */
    CHECK(open_log(&log, dir, "k", &err));
    CHECK_INT(log.torn_lines_found, 0);
    CHECK_INT(diags.count, 0);

    feedback_record d = full_record(WINTER);
    CHECK(feedback_log_append(&log, &d, &err));
    content = slurp(path, &len);
    CHECK(content != NULL);
    if (!content) return;
    CHECK_INT(count_char(content, len, '\n'), 4);
    for (int i = 0; i < 4; i++) {
        size_t n = 0;
        const char *l = line_at(content, len, i, &n);
        json_t *j = l ? parse_line(l, n) : NULL;
        if (i == 2) {
            CHECK(j == NULL); /* the torn line is not JSON... */
            CHECK_INT(n, 50); /* ...and nothing was merged into it */
        } else {
            CHECK(j != NULL);
            const char *want = i == 0 ? a.id : i == 1 ? b.id : d.id;
            CHECK_STR(j ? jstr(j, "id") : NULL, want);
        }
        json_decref(j);
    }
    free(content);
    free(third);
    free(good);
    feedback_record_release(&a);
    feedback_record_release(&b);
    feedback_record_release(&d);
    feedback_log_close(&log);
}

/* Cut the last record at every byte: the two before it never change, the cut part is reported
 * and kept, and the next record always lands whole on its own line. */
static void truncation_at_every_offset(void) {
    char dir[4096], path[4200];
    fresh_dir(dir, sizeof dir, "truncate");
    feedback_log log;
    pk_error err = {{0}};
    CHECK(open_log(&log, dir, "ref", &err));
    feedback_record r1 = full_record(WINTER), r2 = skipped_record(WINTER), r3 = full_record(WINTER);
    /* multi-byte letters, so some cuts split a character */
    json_object_set_new(r3.answers, "text", json_string("ąę £ \"q\"\n€"));
    json_object_set_new(r3.answers, "name", json_string("Zoë"));
    CHECK(feedback_log_append(&log, &r1, &err));
    CHECK(feedback_log_append(&log, &r2, &err));
    CHECK(feedback_log_append(&log, &r3, &err));
    feedback_record_release(&r1);
    feedback_record_release(&r2);
    feedback_record_release(&r3);
    feedback_log_close(&log);
    snprintf(path, sizeof path, "%s/ref/2026-11-24.jsonl", dir);
    size_t ref_len = 0;
    char *ref = slurp(path, &ref_len);
    CHECK(ref != NULL);
    if (!ref) return;
    size_t n0 = 0, n1 = 0;
    line_at(ref, ref_len, 0, &n0);
    line_at(ref, ref_len, 1, &n1);
    size_t start3 = n0 + 1 + n1 + 1;

    int failures_before = check_failures;
    for (size_t k = start3; k <= ref_len; k++) {
        char kiosk[32], kdir[4200], kpath[4300];
        snprintf(kiosk, sizeof kiosk, "cut%zu", k);
        snprintf(kdir, sizeof kdir, "%s/%s", dir, kiosk);
        snprintf(kpath, sizeof kpath, "%s/2026-11-24.jsonl", kdir);
        mkdir(kdir, 0750);
        spill(kpath, ref, k);

        bool torn = k > start3 && k < ref_len;
        CHECK(open_log(&log, dir, kiosk, &err));
        CHECK_INT(log.torn_lines_found, torn ? 1 : 0);
        CHECK_INT(diags.count, torn ? 1 : 0);
        if (torn) {
            char want[128];
            snprintf(want, sizeof want, "(%zu bytes); kept as it is", k - start3);
            CHECK_CONTAINS(diags.items[0], ":3: torn record left by an interrupted write");
            CHECK_CONTAINS(diags.items[0], want);
            CHECK_CONTAINS(diags.items[0], kpath);
        }
        feedback_record fresh = skipped_record(WINTER);
        CHECK(feedback_log_append(&log, &fresh, &err));
        feedback_log_close(&log);

        size_t len = 0;
        char *content = slurp(kpath, &len);
        char *fresh_line = feedback_record_to_json(&fresh);
        size_t fresh_len = strlen(fresh_line);
        feedback_record_release(&fresh);
        size_t kept = torn ? k + 1 : k; /* what was there, plus the repair's "\n" */
        CHECK(content != NULL);
        if (content) {
            CHECK_INT(len, kept + fresh_len);
            CHECK(memcmp(content, ref, start3) == 0);        /* first two records byte-identical */
            CHECK(len >= k && memcmp(content, ref, k) == 0); /* the cut part is kept as it was */
            if (torn) CHECK(content[k] == '\n');
            CHECK(len >= fresh_len &&
                  memcmp(content + len - fresh_len, fresh_line, fresh_len) == 0);
            CHECK(len > fresh_len && content[len - fresh_len - 1] == '\n'); /* on its own line */
            int lines = count_char(content, len, '\n');
            CHECK_INT(lines, torn || k == ref_len ? 4 : 3);
            size_t n = 0;
            const char *last = line_at(content, len, lines - 1, &n);
            json_t *j = last ? parse_line(last, n) : NULL;
            CHECK_STR(j ? jstr(j, "id") : NULL, fresh.id);
            json_decref(j);
        }
        free(content);
        free(fresh_line);
        rm_rf(kdir);
        if (check_failures != failures_before) {
            fprintf(stderr, "  (first failure with the last record cut at byte %zu)\n", k);
            break;
        }
    }
    free(ref);
}

static ssize_t disk_full_write(int fd, const void *buf, size_t n) {
    errno = ENOSPC;
    return -1;
}

static ssize_t half_write(int fd, const void *buf, size_t n) {
    ssize_t w = write(fd, buf, n / 2);
    return w;
}

/* A full disk: the visitor is not thanked, staff are told why, earlier records stand. */
static void disk_full_reported(void) {
    char dir[4096], path[4200], other[4200];
    fresh_dir(dir, sizeof dir, "disk_full");
    feedback_log log;
    pk_error err = {{0}};
    CHECK(open_log(&log, dir, "k", &err));
    feedback_record a = full_record(WINTER), b = skipped_record(WINTER);
    CHECK(feedback_log_append(&log, &a, &err));
    CHECK(feedback_log_append(&log, &b, &err));
    snprintf(path, sizeof path, "%s/k/2026-11-24.jsonl", dir);
    size_t before_len = 0, len = 0;
    char *before = slurp(path, &before_len);

    log.write_fn = disk_full_write;
    feedback_record c = full_record(WINTER);
    memset(&err, 0, sizeof err);
    CHECK(!feedback_log_append(&log, &c, &err));
    CHECK_CONTAINS(err.msg, "the disk is full");
    CHECK_CONTAINS(err.msg, path);
    CHECK_STR(log.last_error, err.msg);
    char *after = slurp(path, &len);
    CHECK_INT(len, before_len);
    CHECK(after && before && memcmp(after, before, len) == 0);
    free(after);

    /* A record for a new day while the disk is full leaves no line at all. */
    feedback_record d = full_record(SUMMER);
    CHECK(!feedback_log_append(&log, &d, &err));
    snprintf(other, sizeof other, "%s/k/2026-07-15.jsonl", dir);
    struct stat st;
    CHECK(stat(other, &st) != 0 || st.st_size == 0);
    CHECK(!feedback_log_abandoned(&log, WINTER, "rating", 5, &err));
    CHECK_CONTAINS(err.msg, "the disk is full");

    /* Space freed: the next record saves and the staff warning clears. */
    log.write_fn = write;
    feedback_record e = full_record(WINTER);
    CHECK(feedback_log_append(&log, &e, &err));
    CHECK_STR(log.last_error, "");
    after = slurp(path, &len);
    CHECK(after != NULL);
    if (after && before) {
        CHECK(memcmp(after, before, before_len) == 0);
        CHECK_INT(count_char(after, len, '\n'), 3);
        size_t n = 0;
        const char *l = line_at(after, len, 2, &n);
        json_t *j = l ? parse_line(l, n) : NULL;
        CHECK_STR(j ? jstr(j, "id") : NULL, e.id);
        json_decref(j);
    }
    free(after);
    free(before);
    feedback_record_release(&a);
    feedback_record_release(&b);
    feedback_record_release(&c);
    feedback_record_release(&d);
    feedback_record_release(&e);
    feedback_log_close(&log);
}

/* The disk fills up halfway through a record: the half stays, is never merged, and the next
 * record is whole on its own line. */
static void short_write_never_merges(void) {
    char dir[4096], path[4200];
    fresh_dir(dir, sizeof dir, "short_write");
    feedback_log log;
    pk_error err = {{0}};
    CHECK(open_log(&log, dir, "k", &err));
    feedback_record a = full_record(WINTER), b = skipped_record(WINTER);
    CHECK(feedback_log_append(&log, &a, &err));
    CHECK(feedback_log_append(&log, &b, &err));
    snprintf(path, sizeof path, "%s/k/2026-11-24.jsonl", dir);
    size_t before_len = 0, len = 0;
    char *before = slurp(path, &before_len);

    log.write_fn = half_write;
    feedback_record c = full_record(WINTER);
    CHECK(!feedback_log_append(&log, &c, &err));
    CHECK_CONTAINS(err.msg, path);
    CHECK_CONTAINS(err.msg, "bytes were written");
    char *c_line = feedback_record_to_json(&c); /* c.id was filled: this is what was cut */
    size_t half = strlen(c_line) / 2;

    log.write_fn = write;
    feedback_record d = full_record(WINTER);
    CHECK(feedback_log_append(&log, &d, &err));
    char *after = slurp(path, &len);
    char *d_line = feedback_record_to_json(&d);
    size_t d_len = strlen(d_line);
    CHECK(after && before);
    if (after && before) {
        CHECK_INT(len, before_len + half + 1 + d_len);
        CHECK(memcmp(after, before, before_len) == 0);
        CHECK(memcmp(after + before_len, c_line, half) == 0);
        CHECK(after[before_len + half] == '\n');
        CHECK(memcmp(after + before_len + half + 1, d_line, d_len) == 0);
        CHECK_INT(count_char(after, len, '\n'), 4);
        for (int i = 0; i < 4; i++) {
            size_t n = 0;
            const char *l = line_at(after, len, i, &n);
            json_t *j = l ? parse_line(l, n) : NULL;
            CHECK(i == 2 ? j == NULL : j != NULL);
            json_decref(j);
        }
    }
    /* Already separated, so a restart has nothing to report. */
    CHECK(open_log(&log, dir, "k", &err));
    CHECK_INT(log.torn_lines_found, 0);
    free(after);
    free(before);
    free(c_line);
    free(d_line);
    feedback_record_release(&a);
    feedback_record_release(&b);
    feedback_record_release(&c);
    feedback_record_release(&d);
    feedback_log_close(&log);
}

/* Staff move the kiosk's folder away to collect the files while it runs: the next visitor's
 * answer is still saved, in a folder made afresh. */
static void folder_moved_away_while_running(void) {
    char dir[4096], kdir[4200], moved[4200], path[4300];
    fresh_dir(dir, sizeof dir, "moved_away");
    feedback_log log;
    pk_error err = {{0}};
    CHECK(open_log(&log, dir, "k", &err));
    feedback_record a = full_record(WINTER);
    CHECK(feedback_log_append(&log, &a, &err));
    snprintf(kdir, sizeof kdir, "%s/k", dir);
    snprintf(moved, sizeof moved, "%s/collected", dir);
    CHECK(rename(kdir, moved) == 0);
    feedback_record b = full_record(WINTER);
    CHECK(feedback_log_append(&log, &b, &err));
    CHECK(feedback_log_abandoned(&log, WINTER, "text", 3, &err));
    snprintf(path, sizeof path, "%s/2026-11-24.jsonl", kdir);
    size_t len = 0;
    char *content = slurp(path, &len);
    CHECK(content != NULL);
    json_t *j = content ? parse_line(content, len) : NULL;
    CHECK_STR(j ? jstr(j, "id") : NULL, b.id);
    json_decref(j);
    free(content);
    snprintf(path, sizeof path, "%s/abandoned/2026-11-24.jsonl", kdir);
    CHECK(access(path, F_OK) == 0);
    feedback_record_release(&a);
    feedback_record_release(&b);
    feedback_log_close(&log);
}

/* Folders that cannot hold feedback are refused at start-up with words that say where. */
static void unusable_folders_refused(void) {
    char dir[4096], file[4200], base[4300];
    fresh_dir(dir, sizeof dir, "bad_folder");
    snprintf(file, sizeof file, "%s/not-a-folder", dir);
    spill(file, "x", 1);
    snprintf(base, sizeof base, "%s/feedback", file);
    feedback_log log;
    pk_error err = {{0}};
    CHECK(!open_log(&log, base, "k", &err));
    CHECK_CONTAINS(err.msg, file);
    CHECK_CONTAINS(err.msg, "not a folder");
    CHECK_STR(log.last_error, err.msg);
    feedback_record r = full_record(WINTER);
    CHECK(!feedback_log_append(&log, &r, &err));
    CHECK_CONTAINS(err.msg, "not open");
    feedback_record_release(&r);

    /* Kiosk ids become folder names and must stay inside the feedback folder. */
    CHECK(!open_log(&log, dir, "../escape", &err));
    CHECK_CONTAINS(err.msg, "kiosk id");
    CHECK(!open_log(&log, dir, "", &err));
    CHECK(!open_log(&log, dir, ".", &err));
    CHECK(!open_log(&log, NULL, "k", &err));

    /* A real read-only file system: even root cannot make folders there. */
    const char *ro[] = {"/proc/sys/plankiosk-test", "/sys/plankiosk-test"};
    for (int i = 0; i < 2; i++) {
        memset(&err, 0, sizeof err);
        if (open_log(&log, ro[i], "k", &err)) {
            fprintf(stderr, "  note: %s was writable here; read-only check skipped\n", ro[i]);
            continue;
        }
        CHECK_CONTAINS(err.msg, "cannot create the feedback folder");
        CHECK_CONTAINS(err.msg, ro[i]);
    }
}

/* A stray invalid byte in typed text must not cost the visitor their whole answer: every
 * string answer (the text, a name, "Something else" words) is repaired as it is written, and
 * the caller's answers are left as they were. */
static void invalid_utf8_still_saved(void) {
    feedback_record r = full_record(WINTER);
    /* json_string refuses bad UTF-8; a caller holding such bytes gets them in with _nocheck. */
    json_object_set_new(r.answers, "text", json_string_nocheck("caf\xe9 ok"));
    json_object_set_new(r.answers, "name", json_string_nocheck("Zo\xc3"));
    json_object_set_new(r.answers, "themes_other", json_string_nocheck("\xff\xfe park"));
    char *line = feedback_record_to_json(&r);
    CHECK(line != NULL);
    CHECK_CONTAINS(line, "\"text\":\"caf\xef\xbf\xbd ok\"");
    CHECK_CONTAINS(line, "\"name\":\"Zo\xef\xbf\xbd\"");
    CHECK_CONTAINS(line, "\"themes_other\":\"\xef\xbf\xbd\xef\xbf\xbd park\"");
    json_t *j = line ? parse_line(line, strlen(line) - 1) : NULL; /* the line is valid JSON */
    CHECK(j != NULL);
    CHECK_INT(json_integer_value(answer(j, "rating")), 4); /* the rest as given */
    json_decref(j);
    free(line);
    CHECK_STR(json_string_value(json_object_get(r.answers, "text")), "caf\xe9 ok");

    /* ...and through the log too. */
    char dir[4096], path[4200];
    fresh_dir(dir, sizeof dir, "bad_utf8");
    feedback_log log;
    pk_error err = {{0}};
    CHECK(open_log(&log, dir, "k", &err));
    CHECK(feedback_log_append(&log, &r, &err));
    snprintf(path, sizeof path, "%s/k/2026-11-24.jsonl", dir);
    size_t len = 0;
    char *content = slurp(path, &len);
    CHECK_CONTAINS(content, "\"text\":\"caf\xef\xbf\xbd ok\"");
    free(content);
    feedback_log_close(&log);
    feedback_record_release(&r);
}

static int cmp_id(const void *a, const void *b) { return strcmp(a, b); }

static void uuids_are_v4_and_distinct(void) {
    enum { N = 2000 };
    static char ids[N][37];
    for (int i = 0; i < N; i++) {
        CHECK(feedback_uuid4(ids[i]));
        if (!is_uuid4(ids[i])) {
            CHECK(is_uuid4(ids[i]));
            break;
        }
    }
    qsort(ids, N, sizeof ids[0], cmp_id);
    int dups = 0;
    for (int i = 1; i < N; i++) dups += strcmp(ids[i - 1], ids[i]) == 0;
    CHECK_INT(dups, 0);
}

static void default_dir_follows_xdg(void) {
    char keep_xdg[4096] = "", keep_home[4096] = "", buf[4096];
    const char *x = getenv("XDG_DATA_HOME"), *h = getenv("HOME");
    bool had_xdg = x != NULL, had_home = h != NULL;
    if (x) snprintf(keep_xdg, sizeof keep_xdg, "%s", x);
    if (h) snprintf(keep_home, sizeof keep_home, "%s", h);

    setenv("XDG_DATA_HOME", "/srv/data", 1);
    CHECK_STR(feedback_log_default_dir(buf, sizeof buf), "/srv/data/plankiosk");
    setenv("XDG_DATA_HOME", "relative/ignored", 1);
    setenv("HOME", "/home/kiosk", 1);
    struct stat st;
    bool var_lib = stat("/var/lib/plankiosk", &st) == 0 && S_ISDIR(st.st_mode) &&
                   access("/var/lib/plankiosk", W_OK) == 0;
    CHECK_STR(feedback_log_default_dir(buf, sizeof buf),
              var_lib ? "/var/lib/plankiosk" : "/home/kiosk/.local/share/plankiosk");
    unsetenv("XDG_DATA_HOME");
    CHECK_STR(feedback_log_default_dir(buf, sizeof buf),
              var_lib ? "/var/lib/plankiosk" : "/home/kiosk/.local/share/plankiosk");
    char tiny[8];
    setenv("XDG_DATA_HOME", "/srv/data", 1);
    CHECK(feedback_log_default_dir(tiny, sizeof tiny) == NULL); /* never a cut-off path */

    if (had_xdg)
        setenv("XDG_DATA_HOME", keep_xdg, 1);
    else
        unsetenv("XDG_DATA_HOME");
    if (had_home)
        setenv("HOME", keep_home, 1);
    else
        unsetenv("HOME");
}

/* Lines from a kiosk whose clock is wrong can still be put in order: each start has a higher
 * boot number than the last, and seq counts records and abandoned visits alike within it. */
static void boot_and_seq_order_lines(void) {
    char dir[4096], path[4200];
    fresh_dir(dir, sizeof dir, "boot_seq");
    feedback_log log;
    pk_error err = {{0}};
    long long seen_boot[6] = {0}, seen_seq[6] = {0};
    int n = 0;
    for (int start = 1; start <= 3; start++) {
        CHECK(open_log(&log, dir, "kiosk-b", &err));
        CHECK_INT(log.boot, start);
        feedback_record r = full_record(WINTER - start * 86400L * 30); /* the clock going back */
        CHECK(feedback_log_append(&log, &r, &err));
        CHECK_INT(r.boot, start);
        CHECK_INT(r.seq, 1);
        CHECK(feedback_log_abandoned(&log, WINTER, "text", 5, &err));
        CHECK_INT(log.seq, 2);
        feedback_record_release(&r);
        feedback_log_close(&log);
    }
    snprintf(path, sizeof path, "%s/kiosk-b/boot_count", dir);
    size_t len = 0;
    char *count = slurp(path, &len);
    CHECK_STR(count ? count : "", "3\n");
    free(count);
    snprintf(path, sizeof path, "%s/kiosk-b/boot_count.tmp", dir);
    CHECK(access(path, F_OK) != 0); /* replaced whole, nothing left beside it */
    /* The abandoned visits of each start come after its record. */
    snprintf(path, sizeof path, "%s/kiosk-b/abandoned/2026-11-24.jsonl", dir);
    char *content = slurp(path, &len);
    CHECK(content != NULL);
    for (int i = 0; content && i < 3; i++) {
        size_t ln = 0;
        const char *l = line_at(content, len, i, &ln);
        json_t *j = l ? parse_line(l, ln) : NULL;
        CHECK(j != NULL);
        if (j && n < 6) {
            seen_boot[n] = json_integer_value(json_object_get(j, "boot"));
            seen_seq[n++] = json_integer_value(json_object_get(j, "seq"));
        }
        json_decref(j);
    }
    free(content);
    CHECK_INT(n, 3);
    for (int i = 0; i < n; i++) {
        CHECK_INT(seen_boot[i], i + 1);
        CHECK_INT(seen_seq[i], 2);
    }
    /* A damaged counter is said, and counting goes on with a number. */
    snprintf(path, sizeof path, "%s/kiosk-b/boot_count", dir);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs("garbage", f);
        fclose(f);
    }
    CHECK(open_log(&log, dir, "kiosk-b", &err));
    CHECK_INT(diags.count, 1);
    CHECK_CONTAINS(diags.count ? diags.items[0] : "", "boot counter is damaged");
    CHECK_INT(log.boot, 1);
    feedback_log_close(&log);
    /* A record that never went through a log has neither. */
    feedback_record r = full_record(WINTER);
    char *line = feedback_record_to_json(&r);
    CHECK(line && !strstr(line, "\"boot\"") && !strstr(line, "\"seq\""));
    free(line);
    feedback_record_release(&r);
}

int main(void) {
    /* British time, as at the kiosks; the POSIX rule is the same when tzdata is absent. */
    setenv("TZ",
           access("/usr/share/zoneinfo/Europe/London", R_OK) == 0 ? "Europe/London"
                                                                  : "GMT0BST,M3.5.0/1,M10.5.0",
           1);
    tzset();
    snprintf(tmp_root, sizeof tmp_root, "%s/test_feedback_log.tmp", TEST_BINARY_DIR);
    rm_rf(tmp_root);
    mkdir(tmp_root, 0700);

    RUN(record_round_trips);
    RUN(local_dates_and_offsets);
    RUN(one_write_per_record);
    RUN(abandoned_counted_without_content);
    RUN(boot_and_seq_order_lines);
    RUN(torn_line_repaired_on_open);
    RUN(truncation_at_every_offset);
    RUN(disk_full_reported);
    RUN(short_write_never_merges);
    RUN(folder_moved_away_while_running);
    RUN(unusable_folders_refused);
    RUN(invalid_utf8_still_saved);
    RUN(uuids_are_v4_and_distinct);
    RUN(default_dir_follows_xdg);

    if (check_failures == 0) rm_rf(tmp_root); /* kept after a failure, to look at */
    return check_report();
}
