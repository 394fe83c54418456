/* seal: someone who takes the SD card out of an encrypting kiosk learns counts and themes but
 * nothing personal; staff with the secret key get every word back; a wrong or missing key is
 * said plainly and never stops an export. */
#include <jansson.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "config/config.h"
#include "export/export.h"
#include "journey_test.h"
#include "export/report.h"
#include "store/feedback_log.h"
#include "store/seal.h"

#define WORK TEST_BINARY_DIR "/test_seal.d"
#define WHEN ((time_t)1784118896) /* 2026-07-15 */

static const char *SECRET_TEXT = "Meet me by the Don at the old weir, ławka przy rzece";
static const char *SECRET_NAME = "Marzena";

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    size_t got = buf ? fread(buf, 1, (size_t)n, f) : 0;
    if (buf) buf[got] = '\0';
    if (len) *len = got;
    fclose(f);
    return buf;
}

static bool contains_bytes(const char *hay, size_t n, const char *needle) {
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(hay + i, needle, m) == 0) return true;
    return false;
}

static unsigned char pk[SEAL_KEY_BYTES], sk[SEAL_KEY_BYTES];
static unsigned char pk2[SEAL_KEY_BYTES], sk2[SEAL_KEY_BYTES];
static char day_file[4096];

/* ---- tests ----------------------------------------------------------------------------- */

/* keygen leaves a public key to give the kiosks and a secret key only its owner can read, and
 * never overwrites either. */
static void keygen_makes_a_pair(void) {
    pk_error err = {{0}};
    CHECK(seal_keygen(WORK "/keys", &err));
    struct stat st;
    CHECK(stat(WORK "/keys/plankiosk.key", &st) == 0 && (st.st_mode & 0777) == 0600);
    CHECK(stat(WORK "/keys/plankiosk.pub", &st) == 0 && (st.st_mode & 0777) == 0644);
    /* Each file says what it is, and the fingerprint of the pair's public key. */
    char *pub = slurp(WORK "/keys/plankiosk.pub", NULL), *sec = slurp(WORK "/keys/plankiosk.key", NULL);
    CHECK(pub && !strncmp(pub, "plankiosk public key v1\nfingerprint ", 36));
    CHECK(sec && !strncmp(sec, "plankiosk secret key v1\nfingerprint ", 36));
    CHECK(pub && sec && !strncmp(pub + 36, sec + 36, 19)); /* the same fingerprint: one pair */

    unsigned char loaded_pk[SEAL_KEY_BYTES];
    seal_key_kind kind = SEAL_KEY_UNTYPED;
    CHECK(seal_load_public_key(WORK "/keys/plankiosk.pub", loaded_pk, &kind, &err));
    CHECK_INT(kind, SEAL_KEY_PUBLIC);
    CHECK(seal_load_secret_key(WORK "/keys/plankiosk.key", pk, sk, &err));
    CHECK(memcmp(loaded_pk, pk, SEAL_KEY_BYTES) == 0); /* the secret key derives its pair */
    char fp[SEAL_FINGERPRINT_LEN];
    seal_fingerprint(pk, fp);
    CHECK(pub && !strncmp(pub + 36, fp, 19));

    /* The secret key where the public one should be is refused, whatever its name. */
    FILE *cp = fopen(WORK "/renamed.pub", "w");
    if (cp) {
        fputs(sec ? sec : "", cp);
        fclose(cp);
    }
    CHECK(!seal_load_public_key(WORK "/renamed.pub", loaded_pk, &kind, &err));
    CHECK_CONTAINS(err.msg, "is the SECRET key: a kiosk must only ever hold the public key");
    /* A damaged key (its fingerprint no longer fits) and an untyped file from before. */
    cp = fopen(WORK "/damaged.pub", "w");
    if (cp && pub) {
        char *bad = strdup(pub);
        bad[60] = bad[60] == 'A' ? 'B' : 'A';
        fputs(bad, cp);
        free(bad);
    }
    if (cp) fclose(cp);
    CHECK(!seal_load_public_key(WORK "/damaged.pub", loaded_pk, &kind, &err));
    CHECK_CONTAINS(err.msg, "is damaged");
    cp = fopen(WORK "/old.pub", "w");
    if (cp && pub) fputs(strrchr(pub, '\n') ? strchr(strchr(pub, '\n') + 1, '\n') + 1 : "", cp);
    if (cp) fclose(cp);
    CHECK(seal_load_public_key(WORK "/old.pub", loaded_pk, &kind, &err));
    CHECK_INT(kind, SEAL_KEY_UNTYPED);
    CHECK(memcmp(loaded_pk, pk, SEAL_KEY_BYTES) == 0);
    free(pub);
    free(sec);

    char *before = slurp(WORK "/keys/plankiosk.key", NULL);
    CHECK(!seal_keygen(WORK "/keys", &err));
    CHECK_CONTAINS(err.msg, "plankiosk.key already exists; keygen never overwrites a key");
    char *after = slurp(WORK "/keys/plankiosk.key", NULL);
    CHECK(before && after && strcmp(before, after) == 0);
    free(before);
    free(after);

    CHECK(seal_keygen(WORK "/keys2", &err));
    CHECK(seal_load_secret_key(WORK "/keys2/plankiosk.key", pk2, sk2, &err));
    CHECK(memcmp(pk, pk2, SEAL_KEY_BYTES) != 0);

    /* the public key is no use for opening, and saying so beats "wrong key" later */
    CHECK(!seal_load_secret_key(WORK "/keys/plankiosk.pub", pk2, sk2, &err));
    CHECK_CONTAINS(err.msg, "is the public key, which can only seal");
    CHECK(seal_load_secret_key(WORK "/keys2/plankiosk.key", pk2, sk2, &err));
    FILE *f = fopen(WORK "/junk.key", "w");
    if (f) {
        fputs("not a key at all\n", f);
        fclose(f);
    }
    CHECK(!seal_load_secret_key(WORK "/junk.key", pk2, sk2, &err));
    CHECK_CONTAINS(err.msg, "junk.key is not a plankiosk key file");
    CHECK(seal_load_secret_key(WORK "/keys2/plankiosk.key", pk2, sk2, &err));
}

/* A visitor's answers to the shipped questions, with every personal one given. */
static json_t *visitor_answers(void) {
    return json_pack("{s:[ss],s:s,s:i,s:s,s:s,s:s,s:s,s:b}", "themes", "health", "other", "themes_other",
                     "a bench by the weir", "rating", 4, "text", SECRET_TEXT, "name", SECRET_NAME, "age_band",
                     "45-64", "postcode_district", "S66", "consent_quote", 1);
}

/* What the journey lists as personal for them. */
static json_t *visitor_personal(void) {
    return json_pack("[sssss]", "themes_other", "text", "name", "age_band", "postcode_district");
}

/* A kiosk with the public key writes records whose personal answers cannot be read from disk. */
static void sealed_log_hides_personal_fields(void) {
    feedback_log log;
    pk_error err = {{0}};
    static diag_list diags;
    CHECK(feedback_log_open(&log, WORK "/feedback", "kiosk-s", &diags, &err));
    log.seal = true;
    memcpy(log.seal_pk, pk, SEAL_KEY_BYTES);
    feedback_record r;
    memset(&r, 0, sizeof r);
    r.kiosk = "kiosk-s";
    r.location = "Clifton Park Museum";
    r.at = WHEN;
    r.config_title = "The Rotherham Plan";
    r.consultation = "plan-2025";
    r.questions_hash = "00112233aabbccdd";
    r.answers = visitor_answers();
    r.personal = visitor_personal();
    r.language = "en";
    r.seconds_taken = 77;
    CHECK(r.answers && r.personal);
    CHECK(feedback_log_append(&log, &r, &err));
    /* The caller's answers are its own: sealing works on the copy that is written. */
    CHECK_STR(json_string_value(json_object_get(r.answers, "name")), SECRET_NAME);
    feedback_record_release(&r);
    feedback_log_close(&log);

    pk_date d = date_from_time(WHEN);
    snprintf(day_file, sizeof day_file, WORK "/feedback/kiosk-s/%04d-%02d-%02d.jsonl", d.year,
             d.month, d.day);
    size_t n = 0;
    char *bytes = slurp(day_file, &n);
    CHECK(bytes != NULL);
    if (!bytes) return;
    /* The seal's base64 may spell anything short ("S66" now and then): look past it. */
    char *seal_at = strstr(bytes, "\"sealed\":\"");
    CHECK(seal_at != NULL);
    for (char *p = seal_at ? seal_at + 10 : NULL; p && *p && *p != '"'; p++) *p = '.';
    CHECK(!contains_bytes(bytes, n, SECRET_NAME));
    CHECK(!contains_bytes(bytes, n, "weir"));
    CHECK(!contains_bytes(bytes, n, "ławka"));
    CHECK(!contains_bytes(bytes, n, "45-64"));
    CHECK(!contains_bytes(bytes, n, "S66"));
    json_t *j = json_loads(bytes, 0, NULL);
    CHECK(j != NULL);
    json_t *answers = json_object_get(j, "answers");
    CHECK(json_is_object(answers));
    /* Each personal answer keeps its place, as null. */
    static const char *const hidden[] = {"themes_other", "text", "name", "age_band", "postcode_district"};
    for (int i = 0; i < 5; i++) {
        CHECK(json_object_get(answers, hidden[i]) != NULL);
        CHECK(json_is_null(json_object_get(answers, hidden[i])));
    }
    CHECK_INT(json_object_size(answers), 8);
    CHECK(json_string_length(json_object_get(j, "sealed")) > 80); /* dotted, but still there */
    CHECK_INT(json_array_size(json_object_get(j, "personal")), 5); /* the list stays readable */
    /* what the charts need stays readable */
    CHECK_STR(json_string_value(json_array_get(json_object_get(answers, "themes"), 0)), "health");
    CHECK_STR(json_string_value(json_array_get(json_object_get(answers, "themes"), 1)), "other");
    CHECK_INT(json_integer_value(json_object_get(answers, "rating")), 4);
    CHECK(json_is_true(json_object_get(answers, "consent_quote")));
    json_decref(j);
    free(bytes);
}

/* Sealing refuses what it cannot seal and leaves it as it was; an answer that happens to be
 * called "sealed" cannot pass for a seal. */
static void awkward_records(void) {
    feedback_log log;
    pk_error err = {{0}};
    static diag_list diags;
    CHECK(feedback_log_open(&log, WORK "/feedback-fail", "kiosk-f", &diags, &err));
    log.seal = true;
    memcpy(log.seal_pk, pk, SEAL_KEY_BYTES);
    feedback_record r;
    memset(&r, 0, sizeof r);
    r.kiosk = "kiosk-f";
    r.at = WHEN;
    r.consultation = "plan-2025";
    r.answers = visitor_answers();
    r.personal = visitor_personal();
    /* An answer that names its own field "sealed" cannot make the record look sealed already:
     * the answers are one level down. */
    json_object_set_new(r.answers, "sealed", json_string("not really"));
    CHECK(feedback_log_append(&log, &r, &err));
    feedback_log_close(&log);
    char path[4096];
    pk_date d = date_from_time(WHEN);
    snprintf(path, sizeof path, WORK "/feedback-fail/kiosk-f/%04d-%02d-%02d.jsonl", d.year, d.month, d.day);
    size_t n = 0;
    char *bytes = slurp(path, &n);
    CHECK(bytes && !contains_bytes(bytes, n, SECRET_NAME));
    free(bytes);
    feedback_record_release(&r);

    /* A record that is not an object, or already sealed, is refused and left as it was. */
    json_t *arr = json_array();
    CHECK(!seal_record_json(arr, pk, &err));
    CHECK_CONTAINS(err.msg, "not a JSON object");
    json_decref(arr);
    json_t *rec = json_pack("{s:s,s:o,s:o,s:s}", "id", "r0", "answers", visitor_answers(), "personal",
                            visitor_personal(), "sealed", "AAAA");
    CHECK(!seal_record_json(rec, pk, &err));
    CHECK_CONTAINS(err.msg, "already sealed");
    CHECK_STR(json_string_value(json_object_get(json_object_get(rec, "answers"), "name")), SECRET_NAME);
    json_decref(rec);
}

/* The whole way from a visitor: what the journey records on a sealing kiosk for the shipped
 * questions leaves no typed word, name, age or postcode district readable on the card. */
static void journey_records_seal_what_was_typed(void) {
    static const config_options copt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    static diag_list cdiags;
    config *cfg = config_load(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", &copt, &cdiags);
    CHECK(cfg != NULL);
    if (!cfg) return;
    static journey j; /* large: kept off the stack */
    journey_init(&j, cfg);
    jt_start(&j, 1000);
    CHECK(j.consult != NULL);
    if (!j.consult) {
        config_free(cfg);
        return;
    }
    static const struct {
        const char *id, *typed;
    } typed[] = {{"text", "Meet me by the old weir at nine"}, {"name", "Marzena"}, {"postcode_district", "S66"}};
    for (size_t i = 0; i < sizeof typed / sizeof *typed; i++) {
        int q = consult_question_index(j.consult, typed[i].id);
        CHECK(q >= 0);
        if (q < 0) continue;
        journey_goto(&j, STEP_QUESTION, q);
        journey_type(&j, typed[i].typed, 2000);
        CHECK_STR(jt_text(&j, typed[i].id), typed[i].typed);
    }
    int age = consult_question_index(j.consult, "age_band");
    CHECK(age >= 0);
    if (age >= 0) {
        journey_goto(&j, STEP_QUESTION, age);
        journey_press(&j, W_OPTION, 4, NULL, 3000); /* 45-64 */
    }
    feedback_record rec;
    journey_record(&j, &rec, WHEN, 4000);
    CHECK_STR(jt_rec_str(&rec, "text"), "Meet me by the old weir at nine");
    CHECK_STR(jt_rec_str(&rec, "age_band"), "45-64");

    feedback_log log;
    pk_error err = {{0}};
    static diag_list diags;
    CHECK(feedback_log_open(&log, WORK "/journey", "kiosk-j", &diags, &err));
    log.seal = true;
    memcpy(log.seal_pk, pk, SEAL_KEY_BYTES);
    CHECK(feedback_log_append(&log, &rec, &err));
    feedback_log_close(&log);
    feedback_record_release(&rec);
    journey_clear(&j);
    config_free(cfg);

    char path[4096];
    pk_date d = date_from_time(WHEN);
    snprintf(path, sizeof path, WORK "/journey/kiosk-j/%04d-%02d-%02d.jsonl", d.year, d.month, d.day);
    size_t n = 0;
    char *bytes = slurp(path, &n);
    CHECK(bytes != NULL);
    if (!bytes) return;
    char *seal_at = strstr(bytes, "\"sealed\":\"");
    CHECK(seal_at != NULL);
    for (char *p = seal_at ? seal_at + 10 : NULL; p && *p && *p != '"'; p++) *p = '.';
    static const char *const secrets[] = {"weir", "Marzena", "S66", "45-64"};
    for (int i = 0; i < 4; i++) {
        bool found = contains_bytes(bytes, n, secrets[i]);
        if (found) fprintf(stderr, "  \"%s\" is readable in the sealed record\n", secrets[i]);
        CHECK(!found);
    }
    free(bytes);
}

/* With the secret key, export gives back every word as the visitor typed it. */
static void export_with_key_opens_them(void) {
    export_filter f;
    memset(&f, 0, sizeof f);
    f.n_keys = 1;
    memcpy(f.pk[0], pk, SEAL_KEY_BYTES);
    memcpy(f.sk[0], sk, SEAL_KEY_BYTES);
    const char *const dirs[] = {WORK "/feedback"};
    export_set set;
    pk_error err = {{0}};
    CHECK(export_collect(&set, dirs, 1, &f, &err));
    CHECK_INT(set.n, 1);
    CHECK_INT(set.sealed, 0);
    CHECK_INT(set.unreadable, 0);
    if (set.n == 1) {
        json_t *r = set.records[0].json;
        CHECK_STR(export_field_str(r, "answers.text"), SECRET_TEXT);
        CHECK_STR(export_field_str(r, "answers.name"), SECRET_NAME);
        CHECK_STR(export_field_str(r, "answers.age_band"), "45-64");
        CHECK_STR(export_field_str(r, "answers.postcode_district"), "S66");
        CHECK_STR(export_field_str(r, "answers.themes_other"), "a bench by the weir");
        CHECK_INT(json_integer_value(json_object_get(json_object_get(r, "answers"), "rating")), 4);
        CHECK(json_object_get(r, "sealed") == NULL);
    }
    char *csv = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&csv, &len);
    CHECK(export_write(out, &set, EXPORT_CSV, &err));
    fclose(out);
    CHECK_CONTAINS(csv, SECRET_TEXT);
    CHECK_CONTAINS(csv, SECRET_NAME);
    CHECK(csv && strstr(csv, "sealed") == NULL);
    free(csv);
    export_set_free(&set);

    /* the same, straight through the record API */
    json_t *rec = json_pack("{s:s, s:{s:[s], s:s, s:s, s:n, s:s, s:i}, s:[ssss]}", "id", "r1", "answers", "themes",
                            "skills", "text", "£5 — tak", "name", "Zoë", "age_band", "postcode_district", "S60",
                            "rating", 2, "personal", "text", "name", "age_band", "postcode_district");
    CHECK(rec != NULL);
    json_t *orig = json_deep_copy(rec);
    CHECK(seal_record_json(rec, pk, &err));
    CHECK(seal_record_is_sealed(rec));
    json_t *answers = json_object_get(rec, "answers");
    CHECK(json_is_null(json_object_get(answers, "text")));
    CHECK(json_is_null(json_object_get(answers, "name")));
    CHECK(json_is_null(json_object_get(answers, "postcode_district")));
    CHECK_INT(json_integer_value(json_object_get(answers, "rating")), 2); /* not personal: as it was */
    CHECK_STR(json_string_value(json_array_get(json_object_get(answers, "themes"), 0)), "skills");
    json_t *plain = json_deep_copy(rec); /* all but the seal, whose base64 may hold any letters */
    json_object_del(plain, "sealed");
    char *dumped = json_dumps(plain, JSON_COMPACT);
    json_decref(plain);
    CHECK(dumped && !strstr(dumped, "Zo") && !strstr(dumped, "S60") && !strstr(dumped, "tak"));
    free(dumped);
    CHECK(!seal_record_json(rec, pk, &err)); /* never sealed twice */
    CHECK(open_record_json(rec, pk, sk, &err));
    answers = json_object_get(rec, "answers");
    CHECK_STR(export_field_str(rec, "answers.text"), "£5 — tak");
    CHECK_STR(export_field_str(rec, "answers.name"), "Zoë");
    CHECK(json_is_null(json_object_get(answers, "age_band")));
    CHECK_STR(export_field_str(rec, "answers.postcode_district"), "S60");
    CHECK(!seal_record_is_sealed(rec));
    CHECK(json_equal(rec, orig)); /* exactly what was sealed */
    json_decref(orig);
    json_decref(rec);

    /* Only what "personal" names is sealed; an id it names that was not asked is no trouble. */
    rec = json_pack("{s:s, s:{s:s, s:s}, s:[ss]}", "id", "r3", "answers", "text", "open words", "name", "Ian",
                    "personal", "name", "never_asked");
    CHECK(seal_record_json(rec, pk, &err));
    CHECK_STR(export_field_str(rec, "answers.text"), "open words");
    CHECK(json_is_null(json_object_get(json_object_get(rec, "answers"), "name")));
    CHECK(json_object_get(json_object_get(rec, "answers"), "never_asked") == NULL);
    CHECK(open_record_json(rec, pk, sk, &err));
    CHECK_STR(export_field_str(rec, "answers.name"), "Ian");
    CHECK(json_object_get(json_object_get(rec, "answers"), "never_asked") == NULL);
    json_decref(rec);

    /* Records of the first journey (fields at the top) still seal and open as before. */
    rec = json_pack("{s:s, s:s, s:s, s:n, s:s, s:[s], s:i}", "id", "r0", "text", "£5 — tak", "name", "Zoë",
                    "age_band", "postcode_district", "S60", "themes", "homes", "rating", 3);
    CHECK(seal_record_json(rec, pk, &err));
    CHECK(seal_record_is_sealed(rec));
    CHECK(json_is_null(json_object_get(rec, "text")));
    CHECK(json_is_null(json_object_get(rec, "name")));
    CHECK(json_is_null(json_object_get(rec, "postcode_district")));
    CHECK_INT(json_integer_value(json_object_get(rec, "rating")), 3);
    CHECK(json_object_get(rec, "answers") == NULL); /* no answers made up */
    CHECK(open_record_json(rec, pk, sk, &err));
    CHECK_STR(export_field_str(rec, "text"), "£5 — tak");
    CHECK_STR(export_field_str(rec, "name"), "Zoë");
    CHECK(json_is_null(json_object_get(rec, "age_band")));
    CHECK_STR(export_field_str(rec, "postcode_district"), "S60");
    CHECK(!seal_record_is_sealed(rec));
    json_decref(rec);
}

/* The wrong key drops nothing: the record is kept sealed, as without a key, and counted under
 * the fingerprint it was sealed for; given both keys (a key changed), each record opens. */
static void wrong_key_is_said_clearly(void) {
    export_filter f;
    memset(&f, 0, sizeof f);
    f.n_keys = 1;
    memcpy(f.pk[0], pk2, SEAL_KEY_BYTES);
    memcpy(f.sk[0], sk2, SEAL_KEY_BYTES);
    const char *const dirs[] = {WORK "/feedback"};
    export_set set;
    pk_error err = {{0}};
    CHECK(export_collect(&set, dirs, 1, &f, &err));
    CHECK_INT(set.n, 1);
    CHECK_INT(set.unreadable, 0);
    CHECK_INT(set.sealed, 1);
    CHECK_INT(set.wrong_key, 1);
    char fp[SEAL_FINGERPRINT_LEN];
    seal_fingerprint(pk, fp);
    CHECK_INT(set.n_other_keys, 1);
    CHECK_STR(set.other_keys[0].fingerprint, fp);
    CHECK(set.n == 1 && set.records[0].sealed && seal_record_is_sealed(set.records[0].json));
    CHECK_STR(json_string_value(json_object_get(set.n ? set.records[0].json : NULL, SEAL_FINGERPRINT_FIELD)), fp);
    export_set_free(&set);
    f.n_keys = 2;
    memcpy(f.pk[1], pk, SEAL_KEY_BYTES);
    memcpy(f.sk[1], sk, SEAL_KEY_BYTES);
    CHECK(export_collect(&set, dirs, 1, &f, &err));
    CHECK_INT(set.sealed, 0);
    CHECK_INT(set.wrong_key, 0);
    export_set_free(&set);

    json_t *rec = json_pack("{s:s, s:{s:s, s:i}, s:[s]}", "id", "r2", "answers", "text", "hello", "rating", 5,
                            "personal", "text");
    CHECK(seal_record_json(rec, pk, &err));
    json_t *sealed_copy = json_deep_copy(rec);
    CHECK(!open_record_json(rec, pk2, sk2, &err));
    CHECK_STR(err.msg, SEAL_WRONG_KEY);
    CHECK(seal_record_is_sealed(rec)); /* left as it was */
    CHECK(json_equal(rec, sealed_copy));
    json_decref(sealed_copy);
    json_object_set_new(rec, "sealed", json_string("bm90IGEgYm94"));
    CHECK(!open_record_json(rec, pk, sk, &err));
    CHECK_CONTAINS(err.msg, "the sealed fields are damaged");
    json_object_set_new(rec, "sealed", json_integer(7));
    CHECK(!open_record_json(rec, pk, sk, &err));
    CHECK_CONTAINS(err.msg, "the sealed fields are damaged");
    json_decref(rec);

    /* Sealed answers, but the answers object has gone from the record: said, not guessed. */
    rec = json_pack("{s:s, s:{s:s}, s:[s]}", "id", "r4", "answers", "name", "Ann", "personal", "name");
    CHECK(seal_record_json(rec, pk, &err));
    json_object_del(rec, "answers");
    CHECK(!open_record_json(rec, pk, sk, &err));
    CHECK_CONTAINS(err.msg, "the sealed fields are damaged");
    CHECK(seal_record_is_sealed(rec));
    json_decref(rec);

    /* The first journey's shape: the wrong key is said the same way. */
    rec = json_pack("{s:s, s:s}", "id", "r2", "text", "hello");
    CHECK(seal_record_json(rec, pk, &err));
    CHECK(!open_record_json(rec, pk2, sk2, &err));
    CHECK_STR(err.msg, SEAL_WRONG_KEY);
    CHECK(seal_record_is_sealed(rec));
    json_decref(rec);
}

/* Without a key, counts and themes still export and report; the summary says what is missing. */
static void without_key_counts_still_work(void) {
    const char *const dirs[] = {WORK "/feedback"};
    export_set set;
    pk_error err = {{0}};
    CHECK(export_collect(&set, dirs, 1, NULL, &err));
    CHECK_INT(set.n, 1);
    CHECK_INT(set.sealed, 1);
    if (set.n == 1) {
        CHECK(set.records[0].sealed);
        json_t *answers = json_object_get(set.records[0].json, "answers");
        CHECK(json_is_null(json_object_get(answers, "name")));
        CHECK_INT(json_integer_value(json_object_get(answers, "rating")), 4);
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    export_print_summary(&set, out);
    fclose(out);
    CHECK_CONTAINS(buf, "1 record is sealed: give --key to read their personal fields\n");
    CHECK_CONTAINS(buf, "records read 1, written 1, duplicates dropped 0, unreadable lines 0");
    free(buf);

    /* The CSV's columns are export's business (test_export); here: what is readable is there,
     * what is sealed is not, and nothing says "sealed" in a cell of its own. */
    out = open_memstream(&buf, &len);
    CHECK(export_write(out, &set, EXPORT_CSV, &err));
    fclose(out);
    CHECK_CONTAINS(buf, "health");
    CHECK_CONTAINS(buf, ",en,77");
    CHECK(buf && !strstr(buf, "weir") && !strstr(buf, SECRET_NAME) && !strstr(buf, "S66") && !strstr(buf, "45-64"));
    free(buf);

    out = open_memstream(&buf, &len);
    CHECK(export_write(out, &set, EXPORT_JSONL, &err));
    fclose(out);
    CHECK(buf && !strstr(buf, "weir") && !strstr(buf, SECRET_NAME) && !strstr(buf, "S66"));
    CHECK_CONTAINS(buf, "\"sealed\":"); /* kept sealed, so a later export with the key opens it */
    free(buf);

    out = open_memstream(&buf, &len);
    CHECK(report_write(out, &set, NULL, &err));
    fclose(out);
    CHECK_CONTAINS(buf, "1 response is sealed");
    CHECK_CONTAINS(buf, "Health: 1"); /* the theme counted, from the answers */
    CHECK(strstr(buf, "weir") == NULL);
    CHECK(strstr(buf, SECRET_NAME) == NULL);
    free(buf);
    export_set_free(&set);
}

int main(void) {
    if (system("rm -rf '" WORK "' && mkdir -p '" WORK "'") != 0) return 1;
    umask(022);
    RUN(keygen_makes_a_pair);
    RUN(sealed_log_hides_personal_fields);
    RUN(awkward_records);
    RUN(journey_records_seal_what_was_typed);
    RUN(export_with_key_opens_them);
    RUN(wrong_key_is_said_clearly);
    RUN(without_key_counts_still_work);
    return check_report();
}
