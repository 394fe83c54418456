/* export: staff pull feedback off two kiosks and a USB copy, and get one file they can open in a
 * spreadsheet with every accent intact, each record once, damaged lines named with FILE:LINE,
 * formula-like cells defused, and the kiosks' files untouched.
 *
 * The fixture (tests/fixtures/export) is two kiosks with two days each (feedback/), plus an
 * older USB copy of some of the same files (usb-copy/plankiosk/), a torn last line, a line that
 * is not JSON, one that is not UTF-8, one without an id, an "abandoned" folder and a Mac "._"
 * file. The CSV is read back with Python's csv module, a real RFC 4180 reader. */
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "export_fixture.h"
#include "python_json.h"
#include "config/config.h"
#include "export/export.h"

#define FIXTURE TEST_SOURCE_DIR "/tests/fixtures/export"
#define WORK TEST_BINARY_DIR "/test_export.d"

static const char *const both_trees[] = {FIXTURE "/feedback", FIXTURE "/usb-copy"};

/* ---- helpers --------------------------------------------------------------------------- */

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0, r;
    char *buf = malloc(cap);
    while (buf && (r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (n + 1 == cap) {
            char *grown = realloc(buf, cap *= 2);
            if (!grown) free(buf);
            buf = grown;
        }
    }
    fclose(f);
    if (!buf) return NULL;
    buf[n] = '\0';
    if (len) *len = n;
    return buf;
}

/* Appends every file under dir (path, size, mtime in ns, bytes) to a growing snapshot string. */
static void snapshot(const char *dir, char **acc, size_t *len) {
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        struct stat st;
        if (lstat(path, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) {
            snapshot(path, acc, len);
            continue;
        }
        size_t n = 0;
        char *bytes = slurp(path, &n);
        char head[4300];
        int h = snprintf(head, sizeof head, "%s|%lld|%lld.%09ld|", path, (long long)st.st_size,
                         (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
        char *grown = realloc(*acc, *len + (size_t)h + n + 1);
        if (grown) {
            *acc = grown;
            memcpy(*acc + *len, head, (size_t)h);
            if (bytes) memcpy(*acc + *len + h, bytes, n);
            *len += (size_t)h + n;
            (*acc)[*len] = '\0';
        }
        free(bytes);
    }
    closedir(d);
}

static bool collect(export_set *set, const char *const *dirs, int n, const export_filter *f) {
    pk_error err = {{0}};
    bool ok = export_collect(set, dirs, n, f, &err);
    if (!ok) fprintf(stderr, "export_collect: %s\n", err.msg);
    return ok;
}

static bool write_set(const char *path, const export_set *set, export_format format);

typedef struct job {
    const export_set *set;
    export_format format;
} job;

static bool writer(FILE *out, const void *ctx, pk_error *err) {
    const job *j = ctx;
    return export_write(out, j->set, j->format, err);
}

static bool write_set(const char *path, const export_set *set, export_format format) {
    job j = {set, format};
    pk_error err = {{0}};
    bool ok = export_write_file(path, set, writer, &j, &err);
    if (!ok) fprintf(stderr, "export_write_file: %s\n", err.msg);
    return ok;
}

static const char *rec_id(const export_set *s, size_t i) {
    return i < s->n ? export_field_str(s->records[i].json, "id") : "(none)";
}

/* Runs Python on a file and parses what it prints as JSON. */
static json_t *python_json(const char *script, const char *file) {
    char args[4200];
    snprintf(args, sizeof args, "'%s'", file);
    return python_json_run("python3", WORK, script, args);
}

/* ---- the expected export --------------------------------------------------------------- */

#define CT "The Rotherham Plan"
#define CH "blake2b:3f9a0c7d5e21"
#define Q "feedback" /* records from before consultations are read as this one */
#define LA "Central Library, Rotherham"
#define LB "Riverside House"
#define IDA "5f0c2b1e-7a4d-4c3b-9e21-0000000000a"
#define IDB "9d3e8f70-1c2b-4a5d-8f60-0000000000b"

static const char *const expected_rows[10][16] = {
    {"id", "kiosk", "location", "at", "config_title", "config_hash", "consultation", "themes", "rating",
     "text", "name", "age_band", "postcode_district", "consent_quote", "language", "seconds_taken"},
    {IDA "1", "kiosk-a", LA, "2026-07-01T10:15:00+01:00", CT, CH, Q, "health; town-centre", "4",
     "Więcej ławek w centrum, proszę — \"zielone\" miejsca!\nAnd a café for £2.50, please.",
     "Zofia Łukasiewicz", "25-44", "S60", "yes", "en", "87"},
    {IDA "2", "kiosk-a", LA, "2026-07-01T11:00:00+01:00", CT, CH, Q, "skills", "5", "'=SUM(A1)",
     "'@cmd", "18-24", "S65", "no", "en", "41"},
    {IDA "3", "kiosk-a", LA, "2026-07-01T16:45:30+01:00", CT, CH, Q, "", "", "", "", "", "", "",
     "en", "12"},
    {IDA "4", "kiosk-a", LA, "2026-07-02T09:05:00+01:00", CT, CH, Q, "other", "2",
     "<script>alert(1)</script> & 'single' quotes", "Tom", "65+", "S61", "yes", "en", "63"},
    {IDB "1", "kiosk-b", LB, "2026-07-02T10:00:00+01:00", CT, CH, Q, "communities; health", "5",
     "Ça va? Dziękuję! Żółw, źrebię, „cytat”", "José", "12-17", "S65", "yes", "en", "120"},
    {IDA "5", "kiosk-a", LA, "2026-07-02T12:30:00+01:00", CT, CH, Q, "town-centre", "3",
     "'-5 for parking, +1 for buses", "Ann", "45-64", "S60", "no", "en", "30"},
    {IDB "2", "kiosk-b", LB, "2026-07-02T15:20:00+01:00", CT, CH, Q, "health", "4",
     "'+44 7700 900123 call me", "", "25-44", "", "no", "en", "55"},
    {IDB "3", "kiosk-b", LB, "2026-07-03T09:30:00+01:00", CT, CH, Q, "proud", "1",
     "Line one\r\nline two\n\nline four", "", "65+", "S66", "yes", "en", "200"},
    {IDB "5", "kiosk-b", LB, "2026-07-03T17:00:00+01:00", CT, CH, Q, "communities", "",
     "'\tTabbed start", "Kasia", "", "S60", "no", "en", "18"},
};

static const char csv_reader_py[] =
    "import csv, io, json, sys\n"
    "text = open(sys.argv[1], 'rb').read().decode('utf-8')\n"
    "bom = text.startswith('\\ufeff')\n"
    "rows = list(csv.reader(io.StringIO(text[1:] if bom else text, newline=''), strict=True))\n"
    "print(json.dumps({'bom': bom, 'rows': rows}))\n";

/* ---- tests ----------------------------------------------------------------------------- */

/* Two kiosks and a USB copy of some of the same files: each record once, in time order. */
static void merges_and_drops_duplicates(void) {
    export_set set;
    CHECK(collect(&set, both_trees, 2, NULL));
    CHECK_INT(set.files_read, 6); /* not abandoned/, not the Mac "._" file */
    CHECK_INT(set.read, 13);
    CHECK_INT(set.n, 9);
    CHECK_INT(set.duplicates, 4);
    CHECK_INT(set.unreadable, 4);
    CHECK_INT(set.unreadable_files, 0);
    CHECK_INT(set.sealed, 0);
    for (size_t i = 0; i < 9; i++) CHECK_STR(rec_id(&set, i), expected_rows[i + 1][0]);
    export_set_free(&set);

    /* The same tree given twice, or a kiosk folder on its own, is just as fine. */
    const char *const twice[] = {FIXTURE "/feedback", FIXTURE "/feedback/kiosk-b"};
    CHECK(collect(&set, twice, 2, NULL));
    CHECK_INT(set.n, 9);
    CHECK_INT(set.duplicates, 4); /* kiosk-b's four records again */
    export_set_free(&set);
}

/* Every line that could not be used is named, and the rest is exported anyway. */
static void damaged_lines_are_named(void) {
    export_set set;
    CHECK(collect(&set, both_trees, 2, NULL));
    CHECK(set.problems != NULL);
    if (!set.problems) return;
    CHECK_INT(set.problems->count, 4);
    CHECK_STR(set.problems->items[0],
              FIXTURE "/feedback/kiosk-a/2026-07-01.jsonl:3: not JSON: invalid string in json text at column 2");
    CHECK_STR(set.problems->items[1],
              FIXTURE "/feedback/kiosk-a/2026-07-02.jsonl:3: torn line without a newline (cut "
                      "off by an interrupted write)");
    CHECK_STR(set.problems->items[2],
              FIXTURE "/feedback/kiosk-b/2026-07-02.jsonl:3: not valid UTF-8 text");
    CHECK_STR(set.problems->items[3],
              FIXTURE "/feedback/kiosk-b/2026-07-03.jsonl:2: JSON, but not a feedback record (it "
                      "has no 'id')");
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    export_print_summary(&set, f);
    fclose(f);
    CHECK_CONTAINS(buf, "records read 13, written 9, duplicates dropped 4, unreadable lines 4\n");
    CHECK_CONTAINS(buf, "kiosk-a/2026-07-02.jsonl:3: torn line");
    free(buf);
    export_set_free(&set);
}

/* A record that lost only its final newline is whole, and is kept; a cut-off record that was
 * repaired by the kiosk (a newline appended after it) is named as cut off. */
static void whole_record_without_newline_is_kept(void) {
    mkdir(WORK "/nl", 0700);
    const char *path = WORK "/nl/2026-07-05.jsonl";
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f) return;
    fputs("{\"id\":\"x1\",\"kiosk\":\"k\",\"at\":\"2026-07-05T10:00:00+01:00\",\"text\":\"cut\n"
          "\n"
          "{\"id\":\"x2\",\"kiosk\":\"k\",\"at\":\"2026-07-05T11:00:00+01:00\"}",
          f);
    fclose(f);
    const char *const dirs[] = {WORK "/nl"};
    export_set set;
    CHECK(collect(&set, dirs, 1, NULL));
    CHECK_INT(set.n, 1);
    CHECK_STR(rec_id(&set, 0), "x2");
    CHECK_INT(set.unreadable, 1);
    if (set.problems && set.problems->count == 1)
        CHECK_CONTAINS(set.problems->items[0],
                       "2026-07-05.jsonl:1: record cut off part-way (a write was interrupted; the next line is whole)");
    /* It is not the end of the file: a torn line in the middle is not said to be. */
    if (set.problems && set.problems->count == 1) CHECK(!strstr(set.problems->items[0], "end of file"));
    export_set_free(&set);
}

/* The CSV opens in a spreadsheet exactly as the visitors wrote it, with formulas defused. */
static void csv_reads_back_exactly(void) {
    export_set set;
    CHECK(collect(&set, both_trees, 2, NULL));
    const char *out = WORK "/export.csv";
    CHECK(write_set(out, &set, EXPORT_CSV));
    export_set_free(&set);

    size_t len = 0;
    char *raw = slurp(out, &len);
    CHECK(raw != NULL);
    if (!raw) return;
    CHECK(len > 3 && memcmp(raw,
                            "\xEF\xBB\xBF"
                            "id,kiosk,",
                            12) == 0);
    CHECK_CONTAINS(raw, "seconds_taken\r\n");              /* CRLF line ends */
    CHECK_CONTAINS(raw, "\"Central Library, Rotherham\""); /* quoted for its comma */
    CHECK_CONTAINS(raw, ",4,\"Więcej");                    /* numbers as plain numbers */
    CHECK(raw[len - 2] == '\r' && raw[len - 1] == '\n');
    free(raw);
    struct stat st;
    CHECK(stat(WORK "/export.csv.tmp", &st) != 0); /* renamed into place */

    json_t *parsed = python_json(csv_reader_py, out);
    CHECK(parsed != NULL);
    if (!parsed) return;
    CHECK(json_is_true(json_object_get(parsed, "bom")));
    json_t *rows = json_object_get(parsed, "rows");
    CHECK_INT(json_array_size(rows), 10);
    for (size_t r = 0; r < 10 && r < json_array_size(rows); r++) {
        json_t *row = json_array_get(rows, r);
        CHECK_INT(json_array_size(row), 16);
        for (size_t c = 0; c < 16 && c < json_array_size(row); c++)
            CHECK_STR(json_string_value(json_array_get(row, c)), expected_rows[r][c]);
    }
    json_decref(parsed);
}

/* Each source line, by id, as jansson reads it from the fixture. */
static json_t *fixture_record(const char *id) {
    static const char *const files[] = {
        FIXTURE "/feedback/kiosk-a/2026-07-01.jsonl", FIXTURE "/feedback/kiosk-a/2026-07-02.jsonl",
        FIXTURE "/feedback/kiosk-b/2026-07-02.jsonl", FIXTURE "/feedback/kiosk-b/2026-07-03.jsonl"};
    for (int i = 0; i < 4; i++) {
        char *text = slurp(files[i], NULL);
        for (char *save = NULL, *line = text ? strtok_r(text, "\n", &save) : NULL; line;
             line = strtok_r(NULL, "\n", &save)) {
            json_t *j = json_loads(line, 0, NULL);
            const char *jid = json_string_value(json_object_get(j, "id"));
            if (jid && !strcmp(jid, id)) {
                free(text);
                return j;
            }
            json_decref(j);
        }
        free(text);
    }
    return NULL;
}

/* JSON and JSON Lines give back the very records the kiosks wrote. */
static void json_and_jsonl_round_trip(void) {
    export_set set;
    CHECK(collect(&set, both_trees, 2, NULL));
    CHECK(write_set(WORK "/export.json", &set, EXPORT_JSON));
    CHECK(write_set(WORK "/export.jsonl", &set, EXPORT_JSONL));
    export_set_free(&set);

    char *raw = slurp(WORK "/export.json", NULL);
    CHECK_CONTAINS(raw, "Żółw, źrebię"); /* UTF-8, not \u escapes */
    free(raw);
    json_error_t e;
    json_t *arr = json_load_file(WORK "/export.json", 0, &e);
    CHECK(json_is_array(arr));
    CHECK_INT(json_array_size(arr), 9);
    for (size_t i = 0; i < json_array_size(arr); i++) {
        json_t *got = json_array_get(arr, i);
        CHECK_STR(json_string_value(json_object_get(got, "id")), expected_rows[i + 1][0]);
        json_t *want = fixture_record(expected_rows[i + 1][0]);
        CHECK(want && json_equal(got, want));
        json_decref(want);
    }
    json_t *a3 = json_array_get(arr, 2);
    CHECK(json_is_null(json_object_get(a3, "text")) && json_is_null(json_object_get(a3, "name")));

    raw = slurp(WORK "/export.jsonl", NULL);
    int lines = 0;
    for (char *save = NULL, *line = raw ? strtok_r(raw, "\n", &save) : NULL; line;
         line = strtok_r(NULL, "\n", &save), lines++) {
        json_t *got = json_loads(line, 0, NULL);
        CHECK(got && json_equal(got, json_array_get(arr, (size_t)lines)));
        json_decref(got);
    }
    CHECK_INT(lines, 9);
    free(raw);
    json_decref(arr);
}

static size_t count_with(const char *since, const char *until, const char *kiosk, const char *first,
                         const char *last) {
    export_filter f;
    memset(&f, 0, sizeof f);
    if (since) f.has_since = date_parse(since, &f.since, NULL);
    if (until) f.has_until = date_parse(until, &f.until, NULL);
    if (kiosk) f.kiosks[f.n_kiosks++] = kiosk;
    export_set set;
    CHECK(collect(&set, both_trees, 2, &f));
    if (first) CHECK_STR(rec_id(&set, 0), first);
    if (last && set.n) CHECK_STR(rec_id(&set, set.n - 1), last);
    CHECK_INT((size_t)set.filtered_out + set.n, 9);
    size_t n = set.n;
    export_set_free(&set);
    return n;
}

/* --since and --until include their days (by the kiosk's local date); --kiosk picks one. */
static void filters_by_date_and_kiosk(void) {
    CHECK_INT(count_with("2026-07-02", NULL, NULL, IDA "4", IDB "5"), 6);
    CHECK_INT(count_with(NULL, "2026-07-01", NULL, IDA "1", IDA "3"), 3);
    CHECK_INT(count_with("2026-07-02", "2026-07-02", NULL, IDA "4", IDB "2"), 4);
    CHECK_INT(count_with(NULL, NULL, "kiosk-b", IDB "1", IDB "5"), 4);
    CHECK_INT(count_with("2026-07-02", "2026-07-02", "kiosk-a", IDA "4", IDA "5"), 2);
    CHECK_INT(count_with("2026-08-01", NULL, NULL, NULL, NULL), 0);
    CHECK_INT(count_with(NULL, NULL, "kiosk-z", NULL, NULL), 0);
}

/* Exporting reads the kiosks' files and never changes a byte or a time stamp of them; an --out
 * that names one of them is refused. */
static void inputs_are_never_modified(void) {
    char *before = NULL, *after = NULL;
    size_t nb = 0, na = 0;
    snapshot(FIXTURE, &before, &nb);
    export_set set;
    CHECK(collect(&set, both_trees, 2, NULL));
    CHECK(write_set(WORK "/again.csv", &set, EXPORT_CSV));
    export_set_free(&set);
    snapshot(FIXTURE, &after, &na);
    CHECK(nb > 0 && nb == na && memcmp(before, after, nb) == 0);
    free(before);
    free(after);

    /* On a copy, so a failure of this very check cannot harm the fixture. */
    CHECK(system("rm -rf '" WORK "/copy' && cp -rp '" FIXTURE "' '" WORK "/copy'") == 0);
    const char *const copy[] = {WORK "/copy/feedback"};
    const char *victim = WORK "/copy/feedback/kiosk-a/2026-07-01.jsonl";
    size_t n1 = 0, n2 = 0;
    char *b1 = slurp(victim, &n1);
    CHECK(collect(&set, copy, 1, NULL));
    job j = {&set, EXPORT_JSONL};
    pk_error err = {{0}};
    CHECK(!export_write_file(victim, &set, writer, &j, &err));
    CHECK_CONTAINS(err.msg, "is one of the feedback files being read; choose another --out");
    export_set_free(&set);
    char *b2 = slurp(victim, &n2);
    CHECK(b1 && b2 && n1 == n2 && memcmp(b1, b2, n1) == 0);
    free(b1);
    free(b2);
}

/* A folder that is not there stops the export with its name; an output that cannot be written
 * says why and leaves nothing half-written behind. */
static void errors_are_clear(void) {
    const char *const missing[] = {FIXTURE "/feedback", WORK "/no-such-folder"};
    export_set set;
    pk_error err = {{0}};
    CHECK(!export_collect(&set, missing, 2, NULL, &err));
    CHECK_CONTAINS(err.msg, "no-such-folder: cannot read it: No such file or directory");
    export_set_free(&set);

    CHECK(collect(&set, both_trees, 1, NULL));
    job j = {&set, EXPORT_CSV};
    CHECK(!export_write_file(WORK "/no-such-folder/out.csv", &set, writer, &j, &err));
    /* Named as it was asked for, not as the .tmp written first. */
    CHECK_CONTAINS(err.msg, "cannot write " WORK "/no-such-folder/out.csv: No such file or directory");
    CHECK(!strstr(err.msg, ".tmp"));
    CHECK(!export_write_file(WORK, &set, writer, &j, &err));
    CHECK_CONTAINS(err.msg, "is a folder; --out needs a file name");
    export_set_free(&set);

    /* An empty folder is not an error, but is mentioned. */
    mkdir(WORK "/empty", 0700);
    const char *const empty[] = {WORK "/empty"};
    CHECK(collect(&set, empty, 1, NULL));
    CHECK_INT(set.n, 0);
    CHECK(set.problems && set.problems->count == 1);
    if (set.problems && set.problems->count == 1)
        CHECK_CONTAINS(set.problems->items[0], "no feedback files (*.jsonl) were found here");
    export_set_free(&set);
}

/* ---- consultations ------------------------------------------------------------------- */

#define PARK FIXTURE "/consultations"

static config *park_config(void) { return export_fixture_config(); }

/* The CSV of a cell: row r (0 is the header), the column named col. */
static const char *cell(json_t *rows, size_t r, const char *col) {
    json_t *head = json_array_get(rows, 0);
    for (size_t c = 0; c < json_array_size(head); c++)
        if (!strcmp(json_string_value(json_array_get(head, c)), col))
            return json_string_value(json_array_get(json_array_get(rows, r), c));
    return "(no such column)";
}

/* Each question as its type lays it out: choices as a joined column and 0/1 per option,
 * "Something else" words defused, a rank per option, x and y per pin, numbers as numbers; a
 * question id two consultations share with different types gets its consultation's name. */
static void columns_per_question(void) {
    config *cfg = park_config();
    CHECK(cfg != NULL);
    if (!cfg) return;
    const char *const dirs[] = {PARK "/feedback"};
    export_set set;
    CHECK(collect(&set, dirs, 1, NULL));
    set.cfg = cfg;
    CHECK(write_set(WORK "/park.csv", &set, EXPORT_CSV));
    export_set_free(&set);
    json_t *parsed = python_json(csv_reader_py, WORK "/park.csv");
    json_t *rows = json_object_get(parsed, "rows");
    CHECK_INT(json_array_size(rows), 6);
    static const char *const header[] = {
        "id", "kiosk", "location", "at", "config_title", "config_hash", "consultation", "want", "want.pitches",
        "want.cafe", "want.trees", "want.other", "want_other", "sport", "order", "order.toilets", "order.lights",
        "order.benches", "where.1.x", "where.1.y", "where.2.x", "where.2.y", "visit", "walk", "age", "name", "quote",
        "fair.visit", "language", "seconds_taken"};
    json_t *head = json_array_get(rows, 0);
    CHECK_INT(json_array_size(head), sizeof header / sizeof header[0]);
    for (size_t c = 0; c < sizeof header / sizeof header[0]; c++) CHECK_STR(json_string_value(json_array_get(head, c)), header[c]);
    /* Row 1 is the fair (September), then p1..p4. */
    CHECK_STR(cell(rows, 1, "consultation"), "fair");
    CHECK_STR(cell(rows, 1, "fair.visit"), "5");
    CHECK_STR(cell(rows, 1, "visit"), "");
    CHECK_STR(cell(rows, 2, "want"), "pitches;cafe");
    CHECK_STR(cell(rows, 2, "want.pitches"), "1");
    CHECK_STR(cell(rows, 2, "want.trees"), "0");
    CHECK_STR(cell(rows, 2, "sport"), "Cricket, please");
    CHECK_STR(cell(rows, 2, "order.lights"), "1");
    CHECK_STR(cell(rows, 2, "order.toilets"), "2");
    CHECK_STR(cell(rows, 2, "order.benches"), "");
    CHECK_STR(cell(rows, 2, "where.2.x"), "300");
    CHECK_STR(cell(rows, 2, "where.2.y"), "120");
    CHECK_STR(cell(rows, 2, "quote"), "yes");
    CHECK_STR(cell(rows, 3, "want_other"), "'=A pond");
    CHECK_STR(cell(rows, 3, "where.2.x"), "");
    CHECK_STR(cell(rows, 5, "want.cafe"), ""); /* not answered: empty, not 0 */
    CHECK_STR(cell(rows, 5, "walk"), "120");
    json_decref(parsed);
    config_free(cfg);
}

/* --consultation keeps its records and its columns only; an unknown one is refused with the
 * ids that exist. */
static void consultation_filter(void) {
    config *cfg = park_config();
    if (!cfg) return;
    export_filter f = {.n_consultations = 1};
    f.consultations[0] = "fair";
    const char *const dirs[] = {PARK "/feedback"};
    export_set set;
    CHECK(collect(&set, dirs, 1, &f));
    set.cfg = cfg;
    CHECK_INT(set.n, 1);
    CHECK_INT(set.filtered_out, 4);
    CHECK(write_set(WORK "/fair.csv", &set, EXPORT_CSV));
    export_set_free(&set);
    char *raw = slurp(WORK "/fair.csv", NULL);
    CHECK_CONTAINS(raw, "consultation,visit,language");
    free(raw);
    pk_error err = {{0}};
    f.consultations[0] = "riverside";
    CHECK(!export_check_consultations(cfg, &f, &err));
    CHECK_CONTAINS(err.msg, "no consultation 'riverside'");
    CHECK_CONTAINS(err.msg, "park, fair, feedback");
    config_free(cfg);
}

/* The codebook: a row per column, with the question's words and each option's. */
static void codebook_names_every_column(void) {
    config *cfg = park_config();
    if (!cfg) return;
    FILE *f = fopen(WORK "/codebook.csv", "wb");
    pk_error err = {{0}};
    CHECK(f && export_write_codebook(f, cfg, NULL, &err));
    if (f) fclose(f);
    json_t *parsed = python_json(csv_reader_py, WORK "/codebook.csv");
    json_t *rows = json_object_get(parsed, "rows");
    CHECK_STR(json_string_value(json_array_get(json_array_get(rows, 0), 1)), "column");
    bool pitches = false, pin = false, other = false, band = false, shown = false;
    for (size_t r = 1; r < json_array_size(rows); r++) {
        json_t *row = json_array_get(rows, r);
        const char *col = json_string_value(json_array_get(row, 1));
        const char *opt = json_string_value(json_array_get(row, 7)), *words = json_string_value(json_array_get(row, 8));
        pitches |= !strcmp(col, "want.pitches") && !strcmp(opt, "pitches") && !strcmp(words, "Sports pitches");
        pin |= !strcmp(col, "where.1.x") && strstr(json_string_value(json_array_get(row, 9)), "400 x 200");
        other |= !strcmp(col, "want_other");
        band |= !strcmp(col, "age") && !strcmp(opt, "65+") && !strcmp(words, "65 or over");
        shown |= !strcmp(col, "sport") && !strcmp(json_string_value(json_array_get(row, 5)), "want includes pitches");
    }
    CHECK(pitches && pin && other && band && shown);
    json_decref(parsed);
    config_free(cfg);
}


/* ---- at scale: read twice, never held ---------------------------------------------------- */

static void write_text(const char *path, const char *text) {
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f) return;
    fputs(text, f);
    fclose(f);
}

/* The same file brought in twice (a USB stick's copy): its damaged lines count once, and the
 * summary says why the count is lower than the lines listed twice would be. */
static void damaged_copy_counts_once(void) {
    mkdir(WORK "/twice", 0700);
    mkdir(WORK "/twice/a", 0700);
    mkdir(WORK "/twice/a/k1", 0700);
    mkdir(WORK "/twice/b", 0700);
    mkdir(WORK "/twice/b/k1", 0700);
    static const char body[] = "{\"id\":\"t1\",\"kiosk\":\"k1\",\"at\":\"2026-07-05T10:00:00+01:00\"}\n"
                               "{\"id\":\"t2\",\"kiosk\":\"k1\",\"at\":\"2026-07-05T10:0";
    write_text(WORK "/twice/a/k1/2026-07-05.jsonl", body);
    write_text(WORK "/twice/b/k1/2026-07-05.jsonl", body);
    const char *const dirs[] = {WORK "/twice/a", WORK "/twice/b"};
    export_set set;
    CHECK(collect(&set, dirs, 2, NULL));
    CHECK_INT(set.n, 1);
    CHECK_INT(set.duplicates, 1);
    CHECK_INT(set.unreadable, 1);
    CHECK_INT(set.damaged_copies, 1);
    CHECK(set.problems && set.problems->count == 1);
    char *out = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&out, &len);
    export_print_summary(&set, m);
    fclose(m);
    CHECK_CONTAINS(out, "1 damaged line was the same as one listed above");
    CHECK_CONTAINS(out, "unreadable lines 1\n");
    free(out);
    export_set_free(&set);
}

/* Many records over many files, some in the same second, one answer only a late file has:
 * written a record at a time after export_scan, the CSV and JSON are byte for byte those of the
 * set held in memory (which is how every export was written before), and the columns of
 * answers no config explains come in the order of the first record holding each. */
static void scan_writes_what_collect_writes(void) {
    mkdir(WORK "/many", 0700);
    for (int k = 0; k < 3; k++) {
        char dir[256];
        snprintf(dir, sizeof dir, WORK "/many/kiosk-%d", k);
        mkdir(dir, 0700);
        for (int d = 1; d <= 4; d++) {
            char path[300];
            snprintf(path, sizeof path, "%s/2026-07-0%d.jsonl", dir, d);
            FILE *f = fopen(path, "wb");
            CHECK(f != NULL);
            if (!f) return;
            /* Lines are appended out of time order, and every kiosk has records at the same
             * seconds, so ties are decided by `at` as written, then id. */
            for (int i = 299; i >= 0; i--)
                fprintf(f,
                        "{\"id\":\"r%d-%d-%03d\",\"kiosk\":\"kiosk-%d\",\"at\":\"2026-07-0%dT%02d:%02d:00%s\","
                        "\"answers\":{\"%s\":%d,\"words\":\"=x%d, \\\"q\\\"\"},\"language\":\"en\"}\n",
                        k, d, i, k, d, 9 + i / 60, i % 60, k == 1 ? "Z" : "+00:00", k == 2 && d == 1 && i == 0 ? "alpha" : "zeta", i,
                        i);
            fclose(f);
        }
    }
    const char *const dirs[] = {WORK "/many"};
    export_set held, scanned;
    pk_error err = {{0}};
    CHECK(collect(&held, dirs, 1, NULL));
    CHECK(export_scan(&scanned, dirs, 1, NULL, &err));
    CHECK_INT(held.n, 3600);
    CHECK_INT(scanned.n, 3600);
    CHECK(scanned.records == NULL); /* nothing but where each record is */
    for (int f = 0; f < 3; f++) {
        static const export_format formats[] = {EXPORT_CSV, EXPORT_JSON, EXPORT_JSONL};
        CHECK(write_set(WORK "/many-held.out", &held, formats[f]));
        CHECK(write_set(WORK "/many-scanned.out", &scanned, formats[f]));
        size_t a = 0, b = 0;
        char *x = slurp(WORK "/many-held.out", &a), *y = slurp(WORK "/many-scanned.out", &b);
        CHECK(x && y && a == b && a > 100000 && memcmp(x, y, a) == 0);
        if (f == 0 && x) {
            /* The first record in order is kiosk-0's at 09:00 on the 1st (zeta, words); kiosk-2's
             * at the same instant, written the same, is next by id and alone has "alpha". Read
             * order (kiosk-2's file last) would have put alpha elsewhere. */
            char *header_end = strstr(x, "\r\n");
            if (header_end) *header_end = '\0';
            CHECK_CONTAINS(x, ",zeta,words,alpha,");
        }
        free(x);
        free(y);
    }
    /* In order: by time, then `at` as written ("Z" after "+00:00"), then id. */
    export_record r0, r1, r2;
    CHECK(export_record_get(&scanned, 0, &r0, &err) && export_record_get(&scanned, 1, &r1, &err) &&
          export_record_get(&scanned, 2, &r2, &err));
    CHECK_STR(export_field_str(r0.json, "id"), "r0-1-000");
    CHECK_STR(export_field_str(r1.json, "id"), "r2-1-000");
    CHECK_STR(export_field_str(r2.json, "id"), "r1-1-000");
    export_record_release(&scanned, &r0);
    export_record_release(&scanned, &r1);
    export_record_release(&scanned, &r2);
    /* A file changed between reading and writing is said, not written wrong. */
    FILE *f = fopen(WORK "/many/kiosk-1/2026-07-04.jsonl", "wb");
    if (f) fclose(f);
    CHECK(!export_write_file(WORK "/many-changed.csv", &scanned, writer, &(job){&scanned, EXPORT_CSV}, &err));
    CHECK_CONTAINS(err.msg, "kiosk-1/2026-07-04.jsonl:");
    CHECK_CONTAINS(err.msg, "changed while it was being read");
    CHECK(access(WORK "/many-changed.csv", F_OK) != 0);
    export_set_free(&held);
    export_set_free(&scanned);
}

/* Visits left part-way are counted from the kiosks' "abandoned" folders, once each, by step,
 * and never become responses. */
static void abandoned_visits_are_counted(void) {
    export_set set;
    CHECK(collect(&set, both_trees, 2, NULL));
    CHECK(set.abandoned >= 1);
    long by_step = 0;
    const char *step;
    json_t *v;
    json_object_foreach(set.abandoned_steps, step, v) by_step += (long)json_integer_value(v);
    CHECK_INT(by_step, set.abandoned);
    CHECK(json_integer_value(json_object_get(set.abandoned_steps, "rating")) >= 1);
    export_set_free(&set);
}

/* A long list of problems is never cut: past the first ones it goes whole into a file. */
static void long_problem_lists_go_to_a_file(void) {
    mkdir(WORK "/bad", 0700);
    FILE *f = fopen(WORK "/bad/2026-07-05.jsonl", "wb");
    CHECK(f != NULL);
    if (!f) return;
    for (int i = 0; i < 60; i++) fprintf(f, "not a record %d\n", i);
    fputs("{\"id\":\"ok\",\"kiosk\":\"k\",\"at\":\"2026-07-05T10:00:00+01:00\"}\n", f);
    fclose(f);
    const char *const dirs[] = {WORK "/bad"};
    export_set set;
    CHECK(collect(&set, dirs, 1, NULL));
    CHECK_INT(set.unreadable, 60);
    CHECK(set.problems && set.problems->count == 60);
    char *out = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&out, &len);
    unlink(WORK "/bad-problems.txt");
    export_print_summary_to(&set, m, WORK "/bad-problems.txt");
    fclose(m);
    CHECK_CONTAINS(out, "... and 40 more: all 60 problems are listed in " WORK "/bad-problems.txt");
    CHECK(!strstr(out, "2026-07-05.jsonl:60:")); /* the 60th is in the file, not here */
    free(out);
    size_t n = 0;
    char *all = slurp(WORK "/bad-problems.txt", &n);
    CHECK(all && strstr(all, "2026-07-05.jsonl:1: not JSON") && strstr(all, "2026-07-05.jsonl:60: not JSON"));
    free(all);
    export_set_free(&set);
}

/* Found by fuzzing (tests/fuzz/fuzz_log_line): a file that starts with a blank line, and a
 * record nested deeper than any is: the scan and the second read agree on both, so the deep
 * one is a damaged line, not "the file changed" stopping the whole export. */
static void blank_first_line_and_deep_nesting(void) {
    mkdir(WORK "/deep", 0700);
    FILE *f = fopen(WORK "/deep/2026-07-05.jsonl", "wb");
    CHECK(f != NULL);
    if (!f) return;
    fputs("\n{\"id\":\"d1\",\"kiosk\":\"k\",\"at\":\"2026-07-05T10:00:00+01:00\",\"x\":", f);
    for (int i = 0; i < 70; i++) fputc('[', f);
    for (int i = 0; i < 70; i++) fputc(']', f);
    fputs("}\n{\"id\":\"d2\",\"kiosk\":\"k\",\"at\":\"2026-07-05T11:00:00+01:00\"}\n", f);
    fclose(f);
    const char *const dirs[] = {WORK "/deep"};
    export_set set;
    pk_error err = {{0}};
    CHECK(export_scan(&set, dirs, 1, NULL, &err));
    CHECK_INT(set.n, 1);
    CHECK_INT(set.unreadable, 1);
    if (set.problems && set.problems->count == 1)
        CHECK_CONTAINS(set.problems->items[0], "2026-07-05.jsonl:2: not JSON: nested too deeply");
    CHECK(write_set(WORK "/deep.csv", &set, EXPORT_CSV));
    export_set_free(&set);
}

/* ---- a wrong clock: the order the kiosks wrote, and said -------------------------------- */

/* A record as a kiosk writes it: boot 0 means one from before records carried boot and seq. */
typedef struct clock_rec {
    const char *kiosk, *file, *id, *at;
    int boot, seq;
} clock_rec;

/* Writes recs under dir/<kiosk>/<file>.jsonl, each file's lines in the order given. */
static void write_clock_tree(const char *dir, const clock_rec *recs, size_t n) {
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
    for (size_t i = 0; i < n; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, recs[i].kiosk);
        snprintf(cmd, sizeof cmd, "mkdir -p '%s'", path);
        CHECK(system(cmd) == 0);
        snprintf(path + strlen(path), sizeof path - strlen(path), "/%s.jsonl", recs[i].file);
        FILE *f = fopen(path, "ab");
        CHECK(f != NULL);
        if (!f) return;
        fprintf(f,
                "{\"id\":\"%s\",\"kiosk\":\"%s\",\"at\":\"%s\",\"answers\":{\"rating\":3},"
                "\"language\":\"en\"",
                recs[i].id, recs[i].kiosk, recs[i].at);
        if (recs[i].boot) fprintf(f, ",\"boot\":%d,\"seq\":%d", recs[i].boot, recs[i].seq);
        fputs("}\n", f);
        fclose(f);
    }
}

/* The ids of a set in its order, joined with spaces; export_record_get works for both paths. */
static char *ids_in_order(const export_set *set) {
    char *out = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&out, &len);
    for (size_t i = 0; m && i < set->n; i++) {
        export_record r;
        pk_error err = {{0}};
        if (!export_record_get(set, i, &r, &err)) {
            fprintf(m, "(%s)", err.msg);
            break;
        }
        fprintf(m, "%s%s%s", i ? " " : "", export_field_str(r.json, "id"),
                r.clock_suspect ? "!" : "");
        export_record_release(set, &r);
    }
    if (m) fclose(m);
    return out;
}

static char *summary_of(const export_set *set) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (f) {
        export_print_summary(set, f);
        fclose(f);
    }
    return buf;
}

/* Scans and collects dirs, checks both give want (ids in order, "!" after a record whose clock
 * was wrong) and write the same CSV and JSON Lines, and returns the held set's summary. */
static char *check_order(const char *const *dirs, int n_dirs, const char *want, const char *name) {
    export_set held, scanned;
    pk_error err = {{0}};
    CHECK(collect(&held, dirs, n_dirs, NULL));
    CHECK(export_scan(&scanned, dirs, n_dirs, NULL, &err));
    char *a = ids_in_order(&held), *b = ids_in_order(&scanned);
    CHECK_STR(a, want);
    CHECK_STR(b, want);
    free(a), free(b);
    for (int f = 0; f < 2; f++) {
        char ph[300], ps[300];
        snprintf(ph, sizeof ph, WORK "/%s-held.%d", name, f);
        snprintf(ps, sizeof ps, WORK "/%s-scanned.%d", name, f);
        CHECK(write_set(ph, &held, f ? EXPORT_JSONL : EXPORT_CSV));
        CHECK(write_set(ps, &scanned, f ? EXPORT_JSONL : EXPORT_CSV));
        size_t x = 0, y = 0;
        char *hx = slurp(ph, &x), *sy = slurp(ps, &y);
        CHECK(hx && sy && x == y && memcmp(hx, sy, x) == 0);
        free(hx), free(sy);
    }
    CHECK_INT(scanned.clock_suspect, held.clock_suspect);
    char *summary = summary_of(&held);
    export_set_free(&held);
    export_set_free(&scanned);
    return summary;
}

/* lib-1's second start began at 1970 (no saved time), then the network set it right; lib-2's
 * clock was right all day; lib-7's first record, in its very first start, is at 1970. lib-1's
 * records stay in the order it wrote them, the 1970 ones where its clock was last right (after
 * 11:00), lib-7's just before the first time it had right (not first of all), and the kiosks
 * interleave by time. A USB copy of
 * lib-1 brings every record again: each is kept once, and the order is the same. */
static void clock_reset_at_start(void) {
    static const clock_rec recs[] = {
        {"lib-1", "2026-07-01", "a1", "2026-07-01T10:00:00+00:00", 1, 1},
        {"lib-1", "2026-07-01", "a2", "2026-07-01T10:30:00+00:00", 1, 2},
        {"lib-1", "2026-07-01", "a3", "2026-07-01T11:00:00+00:00", 1, 3},
        {"lib-1", "1970-01-01", "a4", "1970-01-01T00:00:05+00:00", 2, 1},
        {"lib-1", "1970-01-01", "a5", "1970-01-01T00:10:00+00:00", 2, 2},
        {"lib-1", "2026-07-01", "a6", "2026-07-01T12:00:00+00:00", 2, 4}, /* seq 3: a visit left */
        {"lib-2", "2026-07-01", "b1", "2026-07-01T10:15:00+00:00", 4, 1},
        {"lib-2", "2026-07-01", "b2", "2026-07-01T11:05:00+00:00", 4, 2},
        {"lib-2", "2026-07-01", "b3", "2026-07-01T11:30:00+00:00", 4, 3},
        {"lib-2", "2026-07-01", "b4", "2026-07-01T12:30:00+00:00", 4, 4},
        {"lib-7", "1970-01-01", "e1", "1970-01-01T00:00:01+00:00", 1, 1},
        {"lib-7", "2026-07-01", "e2", "2026-07-01T10:20:00+00:00", 1, 2},
    };
    write_clock_tree(WORK "/reset", recs, sizeof recs / sizeof recs[0]);
    write_clock_tree(WORK "/reset-usb", recs, 6); /* lib-1's again */
    const char *const one[] = {WORK "/reset"}, *const both[] = {WORK "/reset", WORK "/reset-usb"};
    static const char want[] = "a1 b1 e1! e2 a2 a3 a4! a5! b2 b3 a6 b4";
    char *summary = check_order(one, 1, want, "reset");
    CHECK_CONTAINS(
        summary,
        "kiosk lib-1: 2 records with a wrong clock (dated before any version of plankiosk was "
        "built, 2025-01-01); kept in the order they were written\n");
    CHECK_CONTAINS(summary, "kiosk lib-7: 1 record with a wrong clock (dated before");
    CHECK(!strstr(summary, "lib-2"));
    free(summary);
    summary = check_order(both, 2, want, "reset-usb");
    CHECK_CONTAINS(summary, "records read 18, written 12, duplicates dropped 6");
    CHECK_CONTAINS(summary, "kiosk lib-1: 2 records with a wrong clock");
    free(summary);

    /* The CSV says which, last; the JSON Lines are the lines as written, times untouched. */
    char *csv = slurp(WORK "/reset-held.0", NULL), *jsonl = slurp(WORK "/reset-held.1", NULL);
    CHECK_CONTAINS(csv, "language,seconds_taken,clock_ok\r\n");
    CHECK_CONTAINS(csv, "a3,lib-1,,2026-07-01T11:00:00+00:00,,,,3,en,,yes\r\n"
                        "a4,lib-1,,1970-01-01T00:00:05+00:00,,,,3,en,,no\r\na5,");
    CHECK_CONTAINS(jsonl, "{\"id\":\"a4\",\"kiosk\":\"lib-1\",\"at\":\"1970-01-01T00:00:05+00:00\","
                          "\"answers\":{\"rating\":3},"
                          "\"language\":\"en\",\"boot\":2,\"seq\":1}\n");
    free(csv), free(jsonl);
}

/* lib-3's clock went back 3 hours mid-start, and its second start began at a build date a month
 * early; NTP set it back a minute once, which is no wrong clock. lib-4 was right, and one of its
 * records has the very second lib-3's next does: `at` as written decides ("+" before "Z"). */
static void clock_jumps_back(void) {
    static const clock_rec recs[] = {
        {"lib-3", "2026-07-02", "c1", "2026-07-02T14:00:00Z", 7, 1},
        {"lib-3", "2026-07-02", "c2", "2026-07-02T15:00:00Z", 7, 2},
        {"lib-3", "2026-07-02", "c3", "2026-07-02T12:10:00Z", 7, 3},
        {"lib-3", "2026-07-02", "c4", "2026-07-02T12:20:00Z", 7, 4},
        {"lib-3", "2026-07-02", "c5", "2026-07-02T15:30:00Z", 7, 5},
        {"lib-3", "2026-06-01", "c6", "2026-06-01T00:00:30Z", 8, 1},
        {"lib-3", "2026-06-01", "c7", "2026-06-01T00:05:00Z", 8, 2},
        {"lib-3", "2026-07-02", "c8", "2026-07-02T16:00:00Z", 8, 3},
        {"lib-3", "2026-07-02", "c9", "2026-07-02T15:59:00Z", 8, 4},
        {"lib-4", "2026-07-02", "d1", "2026-07-02T15:10:00+00:00", 1, 1},
        {"lib-4", "2026-07-02", "d2", "2026-07-02T16:00:00+00:00", 1, 2},
    };
    write_clock_tree(WORK "/back", recs, sizeof recs / sizeof recs[0]);
    const char *const dirs[] = {WORK "/back"};
    char *summary = check_order(dirs, 1, "c1 c2 c3! c4! d1 c5 c6! c7! d2 c8 c9", "back");
    CHECK_CONTAINS(
        summary,
        "kiosk lib-3: 4 records with a wrong clock (earlier than one the kiosk wrote before "
        "them); kept in the order they were written\n");
    CHECK(!strstr(summary, "lib-4"));
    free(summary);
}

/* lib-5 wrote records before kiosks numbered them (one at 1970, one out of time order in its
 * file), then numbered ones after an update, the first of them 10 minutes behind. Records without
 * numbers go by time, before the numbered ones; lib-6's numbers repeat (its boot counter was
 * lost), so it goes by time and is said to. */
static void old_records_and_repeated_numbers(void) {
    static const clock_rec recs[] = {
        {"lib-5", "2026-07-03", "o1", "2026-07-03T09:00:00Z", 0, 0},
        {"lib-5", "2026-07-03", "o2", "2026-07-03T09:30:00Z", 0, 0},
        {"lib-5", "2026-07-03", "o3", "2026-07-03T09:15:00Z", 0, 0},
        {"lib-5", "1970-01-01", "o4", "1970-01-01T00:00:00Z", 0, 0},
        {"lib-5", "2026-07-03", "n1", "2026-07-03T09:20:00Z", 1, 1},
        {"lib-5", "2026-07-03", "n2", "2026-07-03T09:50:00Z", 1, 2},
        {"lib-6", "2026-07-03", "r1", "2026-07-03T10:00:00Z", 1, 1},
        {"lib-6", "2026-07-03", "r2", "2026-07-03T09:10:00Z", 1, 1},
        {"lib-6", "2026-07-03", "r3", "2026-07-03T09:40:00Z", 1, 2},
    };
    write_clock_tree(WORK "/old", recs, sizeof recs / sizeof recs[0]);
    const char *const dirs[] = {WORK "/old"};
    char *summary = check_order(dirs, 1, "o4! o1 r2 o3 o2 n1! r3 n2 r1", "old");
    CHECK_CONTAINS(
        summary,
        "kiosk lib-5: 2 records with a wrong clock (1 dated before any version of plankiosk was "
        "built, 2025-01-01; 1 earlier than one the kiosk wrote before them); kept in the order "
        "they were written, but for 1 without boot and seq, ordered by time\n");
    CHECK_CONTAINS(
        summary,
        "kiosk lib-6: two of its starts carry the same numbers (its boot counter was lost, or its "
        "SD card written afresh), so its records are ordered by time\n");
    free(summary);
    /* With every clock right, the fixture's summary says nothing of clocks, and no column. */
    export_set set;
    CHECK(collect(&set, both_trees, 2, NULL));
    CHECK_INT(set.clock_suspect, 0);
    summary = summary_of(&set);
    CHECK(summary && !strstr(summary, "clock"));
    free(summary);
    export_set_free(&set);
}

int main(void) {
    if (system("rm -rf '" WORK "' && mkdir -p '" WORK "'") != 0) return 1;
    RUN(merges_and_drops_duplicates);
    RUN(damaged_lines_are_named);
    RUN(whole_record_without_newline_is_kept);
    RUN(csv_reads_back_exactly);
    RUN(json_and_jsonl_round_trip);
    RUN(filters_by_date_and_kiosk);
    RUN(inputs_are_never_modified);
    RUN(errors_are_clear);
    RUN(columns_per_question);
    RUN(consultation_filter);
    RUN(codebook_names_every_column);
    RUN(damaged_copy_counts_once);
    RUN(scan_writes_what_collect_writes);
    RUN(abandoned_visits_are_counted);
    RUN(long_problem_lists_go_to_a_file);
    RUN(blank_first_line_and_deep_nesting);
    RUN(clock_reset_at_start);
    RUN(clock_jumps_back);
    RUN(old_records_and_repeated_numbers);
    return check_report();
}
