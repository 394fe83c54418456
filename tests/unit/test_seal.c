/* seal: someone who takes the SD card out of an encrypting kiosk learns counts and themes but
 * nothing personal; staff with the secret key get every word back; a wrong or missing key is
 * said plainly and never stops an export. */
#include <jansson.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "export/export.h"
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
    size_t n = 0;
    char *pub = slurp(WORK "/keys/plankiosk.pub", &n);
    CHECK(pub && n == 45 && pub[44] == '\n'); /* 32 bytes as one base64 line */
    free(pub);

    unsigned char loaded_pk[SEAL_KEY_BYTES];
    CHECK(seal_load_public_key(WORK "/keys/plankiosk.pub", loaded_pk, &err));
    CHECK(seal_load_secret_key(WORK "/keys/plankiosk.key", pk, sk, &err));
    CHECK(memcmp(loaded_pk, pk, SEAL_KEY_BYTES) == 0); /* the secret key derives its pair */

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

/* A kiosk with the public key writes records whose personal fields cannot be read from disk. */
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
    r.question = "What would you like?";
    r.n_themes = 1;
    r.themes[0] = "health";
    r.rating = 4;
    r.text = SECRET_TEXT;
    r.name = SECRET_NAME;
    r.age_band = "45-64";
    r.postcode_district = "S66";
    r.consent_quote = 1;
    r.language = "en";
    r.seconds_taken = 77;
    CHECK(feedback_log_append(&log, &r, &err));
    feedback_log_close(&log);

    pk_date d = date_from_time(WHEN);
    snprintf(day_file, sizeof day_file, WORK "/feedback/kiosk-s/%04d-%02d-%02d.jsonl", d.year,
             d.month, d.day);
    size_t n = 0;
    char *bytes = slurp(day_file, &n);
    CHECK(bytes != NULL);
    if (!bytes) return;
    CHECK(!contains_bytes(bytes, n, SECRET_NAME));
    CHECK(!contains_bytes(bytes, n, "weir"));
    CHECK(!contains_bytes(bytes, n, "ławka"));
    CHECK(!contains_bytes(bytes, n, "45-64"));
    CHECK(!contains_bytes(bytes, n, "S66"));
    json_t *j = json_loads(bytes, 0, NULL);
    CHECK(j != NULL);
    CHECK(json_is_null(json_object_get(j, "text")) && json_is_null(json_object_get(j, "name")));
    CHECK(json_is_null(json_object_get(j, "age_band")));
    CHECK(json_is_null(json_object_get(j, "postcode_district")));
    CHECK(json_string_length(json_object_get(j, "sealed")) > 80);
    /* what the charts need stays readable */
    CHECK_STR(json_string_value(json_array_get(json_object_get(j, "themes"), 0)), "health");
    CHECK_INT(json_integer_value(json_object_get(j, "rating")), 4);
    CHECK(json_is_true(json_object_get(j, "consent_quote")));
    json_decref(j);
    free(bytes);
}

/* With the secret key, export gives back every word as the visitor typed it. */
static void export_with_key_opens_them(void) {
    export_filter f;
    memset(&f, 0, sizeof f);
    f.has_key = true;
    memcpy(f.pk, pk, SEAL_KEY_BYTES);
    memcpy(f.sk, sk, SEAL_KEY_BYTES);
    const char *const dirs[] = {WORK "/feedback"};
    export_set set;
    pk_error err = {{0}};
    CHECK(export_collect(&set, dirs, 1, &f, &err));
    CHECK_INT(set.n, 1);
    CHECK_INT(set.sealed, 0);
    CHECK_INT(set.unreadable, 0);
    if (set.n == 1) {
        json_t *r = set.records[0].json;
        CHECK_STR(export_field_str(r, "text"), SECRET_TEXT);
        CHECK_STR(export_field_str(r, "name"), SECRET_NAME);
        CHECK_STR(export_field_str(r, "age_band"), "45-64");
        CHECK_STR(export_field_str(r, "postcode_district"), "S66");
        CHECK(json_object_get(r, "sealed") == NULL);
    }
    char *csv = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&csv, &len);
    CHECK(export_write(out, &set, EXPORT_CSV, &err));
    fclose(out);
    CHECK_CONTAINS(csv, SECRET_TEXT);
    CHECK(csv && strstr(csv, "sealed") == NULL);
    free(csv);
    export_set_free(&set);

    /* the same, straight through the record API */
    json_t *rec = json_pack("{s:s, s:s, s:s, s:n, s:s}", "id", "r1", "text", "£5 — tak", "name",
                            "Zoë", "age_band", "postcode_district", "S60");
    CHECK(seal_record_json(rec, pk, &err));
    CHECK(seal_record_is_sealed(rec));
    CHECK(json_is_null(json_object_get(rec, "text")));
    CHECK(!seal_record_json(rec, pk, &err)); /* never sealed twice */
    CHECK(open_record_json(rec, pk, sk, &err));
    CHECK_STR(export_field_str(rec, "text"), "£5 — tak");
    CHECK_STR(export_field_str(rec, "name"), "Zoë");
    CHECK(json_is_null(json_object_get(rec, "age_band")));
    CHECK_STR(export_field_str(rec, "postcode_district"), "S60");
    CHECK(!seal_record_is_sealed(rec));
    json_decref(rec);
}

/* The wrong key: the record is named as unreadable with the reason, and the export goes on. */
static void wrong_key_is_said_clearly(void) {
    export_filter f;
    memset(&f, 0, sizeof f);
    f.has_key = true;
    memcpy(f.pk, pk2, SEAL_KEY_BYTES);
    memcpy(f.sk, sk2, SEAL_KEY_BYTES);
    const char *const dirs[] = {WORK "/feedback"};
    export_set set;
    pk_error err = {{0}};
    CHECK(export_collect(&set, dirs, 1, &f, &err));
    CHECK_INT(set.n, 0);
    CHECK_INT(set.unreadable, 1);
    if (set.problems && set.problems->count == 1) {
        char want[4200];
        snprintf(want, sizeof want, "%s:1: this record was sealed for a different key", day_file);
        CHECK_STR(set.problems->items[0], want);
    }
    export_set_free(&set);

    json_t *rec = json_pack("{s:s, s:s}", "id", "r2", "text", "hello");
    CHECK(seal_record_json(rec, pk, &err));
    CHECK(!open_record_json(rec, pk2, sk2, &err));
    CHECK_STR(err.msg, SEAL_WRONG_KEY);
    CHECK(seal_record_is_sealed(rec)); /* left as it was */
    json_object_set_new(rec, "sealed", json_string("bm90IGEgYm94"));
    CHECK(!open_record_json(rec, pk, sk, &err));
    CHECK_CONTAINS(err.msg, "the sealed fields are damaged");
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
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    export_print_summary(&set, out);
    fclose(out);
    CHECK_CONTAINS(buf, "1 record is sealed: give --key to read their personal fields\n");
    CHECK_CONTAINS(buf, "records read 1, written 1, duplicates dropped 0, unreadable lines 0");
    free(buf);

    out = open_memstream(&buf, &len);
    CHECK(export_write(out, &set, EXPORT_CSV, &err));
    fclose(out);
    CHECK_CONTAINS(buf, ",health,4,,,,,yes,en,77\r\n"); /* sealed cells empty */
    free(buf);

    out = open_memstream(&buf, &len);
    CHECK(report_write(out, &set, NULL, &err));
    fclose(out);
    CHECK_CONTAINS(buf, "1 response is sealed: its comments, names, ages and postcode districts");
    CHECK_CONTAINS(buf, "<title>Sealed (no key given): 1</title>");
    CHECK_CONTAINS(buf, "<title>Health: 1</title>");
    CHECK(strstr(buf, "weir") == NULL);
    free(buf);
    export_set_free(&set);
}

int main(void) {
    if (system("rm -rf '" WORK "' && mkdir -p '" WORK "'") != 0) return 1;
    umask(022);
    RUN(keygen_makes_a_pair);
    RUN(sealed_log_hides_personal_fields);
    RUN(export_with_key_opens_them);
    RUN(wrong_key_is_said_clearly);
    RUN(without_key_counts_still_work);
    return check_report();
}
