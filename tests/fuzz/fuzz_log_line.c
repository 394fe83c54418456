/* fuzz_log_line: a feedback log as export reads it, from any bytes.
 *
 * Logs come back from kiosks on USB sticks after power cuts, disk errors and hand edits, so
 * export must take any bytes: damaged lines are counted and listed, never a crash, a leak or
 * undefined behaviour. Two layers are driven:
 *  - json_line_parse, the parser every log line goes through, whole and with the shapes export
 *    reads with (a scan's, an abandoned visit's, an id alone). Beyond not crashing: a line it
 *    parses is the tree jansson's own parser makes, and a shaped parse is that tree cut to
 *    the shape (the promise json_line.h makes, on which export's byte-for-byte output rests);
 *  - export itself: the input is written as the one log file of a kiosk (and again as its
 *    abandoned visits), scanned with export_scan (with the test key, so sealed records are
 *    opened) and written as CSV, once with the columns found in the records and once with the
 *    columns of the export fixtures' consultations (a question of each type).
 * The tree is made in a temporary folder for each input and removed after it (libFuzzer ends
 * with _Exit, so nothing would clean up at exit); one that crashed is left for a look. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/config.h"
#include "export/export.h"
#include "store/json_line.h"
#include "text/utf8.h"

#define KEY_DIR FUZZ_SOURCE_DIR "/tests/fixtures/export/sealed/test-key"
#define PARK_CONFIG FUZZ_SOURCE_DIR "/tests/fixtures/export/consultations/config.yaml"

static char root[64], feedback[96], kiosk[128], abandoned[160], log_file[192], abandoned_file[224];
static FILE *sink;
static config *park;
static export_filter keyed;

static void fail(const char *why) {
    fprintf(stderr, "fuzz_log_line: %s\n", why);
    abort();
}

static void setup(void) {
    sink = fopen("/dev/null", "w");
    if (!sink) fail("cannot open /dev/null");
    pk_error err = {{0}};
    if (!seal_load_secret_key(KEY_DIR "/plankiosk.key", keyed.pk[0], keyed.sk[0], &err))
        fail(err.msg);
    keyed.n_keys = 1;
    config_options opt = {.assets_dir = FUZZ_SOURCE_DIR "/assets"};
    static diag_list d;
    park = config_load(PARK_CONFIG, &opt, &d);
    if (!park) {
        diag_print(&d, stderr);
        fail("the export fixtures' config does not load");
    }
}

/* A kiosk's folder with one log file and one file of abandoned visits, in a new folder. */
static void make_tree(void) {
    const char *tmp = getenv("TMPDIR");
    snprintf(root, sizeof root, "%s/pk-fuzz-XXXXXX", tmp && strlen(tmp) < 40 ? tmp : "/tmp");
    if (!mkdtemp(root)) fail("cannot make a temporary folder");
    snprintf(feedback, sizeof feedback, "%s/feedback", root);
    snprintf(kiosk, sizeof kiosk, "%s/kiosk-f", feedback);
    snprintf(abandoned, sizeof abandoned, "%s/abandoned", kiosk);
    snprintf(log_file, sizeof log_file, "%s/2026-07-01.jsonl", kiosk);
    snprintf(abandoned_file, sizeof abandoned_file, "%s/2026-07-01.jsonl", abandoned);
    if (mkdir(feedback, 0700) || mkdir(kiosk, 0700) || mkdir(abandoned, 0700))
        fail("cannot make the feedback tree");
}

static void remove_tree(void) {
    if (unlink(abandoned_file) || unlink(log_file) || rmdir(abandoned) || rmdir(kiosk) ||
        rmdir(feedback) || rmdir(root))
        fail("cannot remove the feedback tree");
}

static void write_file(const char *path, const uint8_t *data, size_t size) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) fail("cannot write the log file");
    for (size_t done = 0; done < size;) {
        ssize_t n = write(fd, data + done, size - done);
        if (n <= 0) fail("cannot write the log file");
        done += (size_t)n;
    }
    close(fd);
}

/* shaped must be full cut to shape: only kept top-level keys, the keys_only object's values
 * null, everything else equal. (json_line.h: "The tree is exactly the one json_loadb makes".) */
static void check_shaped(const json_t *full, const json_t *shaped, const json_line_shape *shape) {
    if (!json_is_object(full)) {
        if (!json_equal(full, shaped))
            fail("a shaped parse of a non-object differs from the whole one");
        return;
    }
    size_t kept = 0;
    for (const char *const *k = shape->keep; *k; k++) {
        const json_t *f = json_object_get(full, *k), *s = json_object_get(shaped, *k);
        if (!f != !s) fail("a shaped parse lost or invented a kept key");
        if (!f) continue;
        kept++;
        if (shape->keys_only && strcmp(*k, shape->keys_only) == 0 && json_is_object(f)) {
            if (!json_is_object(s) || json_object_size(s) != json_object_size(f))
                fail("a shaped parse's keys-only object has other keys");
            const char *key;
            json_t *v;
            json_object_foreach((json_t *)s, key, v) {
                if (!json_is_null(v) || !json_object_get(f, key))
                    fail("a keys-only value is not null");
            }
        } else if (!json_equal(f, s)) {
            fail("a shaped parse's kept value differs from the whole one");
        }
    }
    if (json_object_size(shaped) != kept) fail("a shaped parse kept a key it should drop");
}

static void parse_line(const uint8_t *data, size_t size) {
    static const char *const scan_keys[] = {
        "id", "at", "kiosk", "consultation", "answers", SEAL_FIELD, SEAL_FINGERPRINT_FIELD, NULL};
    static const char *const abandoned_keys[] = {"id", "at", "kiosk", "step", NULL};
    static const char *const id_keys[] = {"id", NULL};
    const json_line_shape shapes[] = {
        {scan_keys, "answers", true}, {abandoned_keys, NULL, true}, {id_keys, NULL, false}};
    const char *s = (const char *)data;
    json_line_error e;
    json_t *full = json_line_parse(s, size, NULL, &e);
    if (!full && e.status == JSON_LINE_OK) fail("no tree and no reason");
    if (full) {
        json_error_t jerr;
        json_t *jansson = json_loadb(s, size, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
        if (jansson && !json_equal(full, jansson))
            fail("json_line's tree differs from json_loadb's");
        json_decref(jansson);
    }
    bool valid = utf8_valid(s, size); /* the scan checks UTF-8 before it parses with its shapes */
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
        if (shapes[i].utf8_checked && !valid) continue;
        json_t *shaped = json_line_parse(s, size, &shapes[i], &e);
        if (!full != !shaped) fail("a shaped parse disagrees with the whole one about the line");
        if (full) check_shaped(full, shaped, &shapes[i]);
        json_decref(shaped);
    }
    json_decref(full);
}

static void export_tree(const export_filter *filter) {
    export_set set;
    pk_error err = {{0}};
    const char *dirs[] = {feedback};
    if (!export_scan(&set, dirs, 1, filter, &err)) {
        fprintf(stderr, "fuzz_log_line: export_scan: %s\n", err.msg);
        fail("export_scan failed on a readable tree");
    }
    for (int with_config = 0; with_config < 2; with_config++) {
        set.cfg = with_config ? park : NULL;
        if (!export_write(sink, &set, EXPORT_CSV, &err)) {
            fprintf(stderr, "fuzz_log_line: export_write: %s\n", err.msg);
            fail("export_write failed into /dev/null");
        }
    }
    export_set_free(&set);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!sink) setup();
    parse_line(data, size);
    make_tree();
    write_file(log_file, data, size);
    write_file(abandoned_file, data, size);
    static const export_filter plain;
    export_tree(&plain);
    export_tree(&keyed);
    remove_tree();
    return 0;
}
