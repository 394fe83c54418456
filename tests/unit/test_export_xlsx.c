/* export_xlsx: what a council officer sees when they double-click the spreadsheet. Every word a
 * visitor typed comes back exactly as typed, as text ("65+", "12-17", "=SUM(A1)", never a
 * formula, never a date, without the CSV's defusing quote); ratings, 0/1 option columns, ranks
 * and pins are numbers; `at` is a date-time in the kiosk's local time; the header is frozen and
 * filtered; the codebook and a summary come along; and the columns are the CSV's, cell for cell.
 *
 * The workbook is read back with Python's openpyxl (python3-openpyxl), a reader independent of
 * the library that wrote it. With LibreOffice installed (soffice), one workbook is also
 * converted to CSV by it, as a spreadsheet program opens it; without it that check is
 * skipped. */
#include <dirent.h>
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
#define PARK EXPORT_FIXTURE_PARK
#define WORK TEST_BINARY_DIR "/test_export_xlsx.d"

/* Prints the workbook (argv[1]) as JSON: each sheet's name, frozen pane, filter, column widths
 * and cells (type, value, number format, bold, wrap), every formula found; and with argv[2], a
 * CSV read as rows, to compare with. */
static const char reader_py[] =
    "import csv, datetime, json, sys\n"
    "import openpyxl\n"
    "wb = openpyxl.load_workbook(sys.argv[1])\n"
    "out = {'sheets': [], 'formulas': []}\n"
    "for ws in wb.worksheets:\n"
    "    rows = []\n"
    "    for row in ws.iter_rows():\n"
    "        cells = []\n"
    "        for c in row:\n"
    "            v = c.value\n"
    "            if c.data_type == 'f' or (isinstance(v, str) and v.startswith('=') and c.data_type != 's'):\n"
    "                out['formulas'].append('%s!%s' % (ws.title, c.coordinate))\n"
    "            if isinstance(v, datetime.datetime): v = v.isoformat()\n"
    "            cells.append({'t': c.data_type, 'v': v, 'fmt': c.number_format,\n"
    "                          'bold': bool(c.font and c.font.b), 'wrap': bool(c.alignment and c.alignment.wrap_text)})\n"
    "        rows.append(cells)\n"
    "    widths = {k: d.width for k, d in ws.column_dimensions.items()}\n"
    "    out['sheets'].append({'name': ws.title, 'freeze': ws.freeze_panes, 'filter': ws.auto_filter.ref,\n"
    "                          'rows': rows, 'widths': widths})\n"
    "if len(sys.argv) > 2:\n"
    "    out['csv'] = list(csv.reader(open(sys.argv[2], encoding='utf-8-sig', newline='')))\n"
    "print(json.dumps(out))\n";

/* ---- helpers --------------------------------------------------------------------------- */

/* The Python that has openpyxl: python3 on the PATH, else Debian's own (a PATH may put another
 * Python first, without Debian's packages). NULL when there is none. */
static const char *python(void) {
    static const char *found;
    if (!found) {
        if (system("python3 -c 'import openpyxl' 2>/dev/null") == 0) found = "python3";
        else if (system("/usr/bin/python3 -c 'import openpyxl' 2>/dev/null") == 0) found = "/usr/bin/python3";
        else fprintf(stderr, "openpyxl is missing: install python3-openpyxl (packaging/install-deps)\n");
    }
    return found;
}

/* The workbook xlsx as reader_py prints it, with the CSV file csv (may be NULL) as rows. */
static json_t *read_back(const char *xlsx, const char *csv) {
    const char *py = python();
    CHECK(py != NULL);
    if (!py) return NULL;
    char args[9000];
    snprintf(args, sizeof args, "'%s' %s%s%s", xlsx, csv ? "'" : "", csv ? csv : "", csv ? "'" : "");
    return python_json_run(py, WORK, reader_py, args);
}

static bool collect(export_set *set, const char *const *dirs, int n) {
    pk_error err = {{0}};
    bool ok = export_collect(set, dirs, n, NULL, &err);
    if (!ok) fprintf(stderr, "export_collect: %s\n", err.msg);
    return ok;
}

static bool write_xlsx(const char *path, const export_set *set) {
    pk_error err = {{0}};
    bool ok = export_write_xlsx(path, set, &err);
    if (!ok) fprintf(stderr, "export_write_xlsx: %s\n", err.msg);
    return ok;
}

static bool csv_writer(FILE *out, const void *ctx, pk_error *err) { return export_write(out, ctx, EXPORT_CSV, err); }

static bool write_csv(const char *path, const export_set *set) {
    pk_error err = {{0}};
    return export_write_file(path, set, csv_writer, set, &err);
}

static json_t *sheet(json_t *book, const char *name) {
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(book, "sheets"), i, s) if (!strcmp(json_string_value(json_object_get(s, "name")), name)) return s;
    return NULL;
}

static json_t *rows_of(json_t *book, const char *name) { return json_object_get(sheet(book, name), "rows"); }

/* Cell (r, c) of a sheet's rows: NULL past the end of a row. */
static json_t *at(json_t *rows, size_t r, size_t c) { return json_array_get(json_array_get(rows, r), c); }

/* The column named name in row 0. */
static size_t column(json_t *rows, const char *name) {
    json_t *head = json_array_get(rows, 0);
    for (size_t c = 0; c < json_array_size(head); c++)
        if (!strcmp(json_string_value(json_object_get(json_array_get(head, c), "v")), name)) return c;
    fprintf(stderr, "no column %s\n", name);
    return (size_t)-1;
}

/* The row whose first cell is id. */
static size_t row_of(json_t *rows, const char *id) {
    for (size_t r = 1; r < json_array_size(rows); r++) {
        const char *v = json_string_value(json_object_get(at(rows, r, 0), "v"));
        if (v && !strcmp(v, id)) return r;
    }
    fprintf(stderr, "no row %s\n", id);
    return (size_t)-1;
}

static const char *type_of(json_t *cell) { return cell ? json_string_value(json_object_get(cell, "t")) : "(no cell)"; }
static const char *text_of(json_t *cell) { return cell ? json_string_value(json_object_get(cell, "v")) : NULL; }

#define CHECK_TEXT(rows, id, col, want)                                                          \
    do {                                                                                         \
        json_t *c_ = at(rows, row_of(rows, id), column(rows, col));                              \
        CHECK_STR(type_of(c_), "s");                                                             \
        CHECK_STR(text_of(c_), want);                                                            \
    } while (0)

#define CHECK_NUMBER(rows, id, col, want)                                                        \
    do {                                                                                         \
        json_t *c_ = at(rows, row_of(rows, id), column(rows, col));                              \
        CHECK_STR(type_of(c_), "n");                                                             \
        CHECK(json_is_number(json_object_get(c_, "v")));                                         \
        CHECK_INT(json_number_value(json_object_get(c_, "v")), want);                            \
    } while (0)

#define CHECK_EMPTY(rows, id, col)                                                               \
    do {                                                                                         \
        json_t *c_ = at(rows, row_of(rows, id), column(rows, col));                              \
        CHECK(json_is_null(json_object_get(c_, "v")));                                           \
    } while (0)

/* Each CSV cell is the workbook's cell as words: text without the CSV's defusing quote, a
 * number as its digits, `at` as the local time it was recorded. */
static void same_as_csv(json_t *rows, json_t *csv) {
    CHECK_INT(json_array_size(rows), json_array_size(csv));
    size_t at_col = column(rows, "at");
    for (size_t r = 0; r < json_array_size(csv); r++) {
        json_t *line = json_array_get(csv, r);
        for (size_t c = 0; c < json_array_size(line); c++) {
            const char *want = json_string_value(json_array_get(line, c));
            json_t *cell = at(rows, r, c), *v = json_object_get(cell, "v");
            char got[64] = "";
            const char *g = got;
            if (json_is_string(v)) g = json_string_value(v);
            else if (json_is_number(v)) snprintf(got, sizeof got, "%.15g", json_number_value(v));
            if (r > 0 && c == at_col) {
                /* "2026-07-01T10:15:00+01:00" in the CSV; 2026-07-01T10:15:00 in the workbook */
                CHECK_STR(type_of(cell), "d");
                CHECK(g && !strncmp(want, g, 19));
                continue;
            }
            if (want[0] == '\'' && strchr("=+-@\t\r", want[1])) want++; /* the CSV's defusing */
            if (strcmp(g ? g : "", want) != 0 && !strchr(want, '\r')) {
                fprintf(stderr, "row %zu column %zu: workbook \"%s\", CSV \"%s\"\n", r, c, g ? g : "", want);
                CHECK(false);
            }
        }
        CHECK_INT(json_array_size(json_array_get(rows, r)) <= json_array_size(line), 1);
    }
}

static int files_in(const char *dir) {
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (e->d_name[0] != '.') n++;
    if (d) closedir(d);
    return n;
}

/* ---- the tests ------------------------------------------------------------------------- */

/* Two kiosks and a USB copy, without a config: the CSV's columns, as typed. */
static void feedback_reads_back_exactly(void) {
    static const char *const trees[] = {FIXTURE "/feedback", FIXTURE "/usb-copy"};
    export_set set;
    CHECK(collect(&set, trees, 2));
    CHECK(write_xlsx(WORK "/feedback.xlsx", &set));
    CHECK(write_csv(WORK "/feedback.csv", &set));
    export_set_free(&set);
    struct stat st;
    CHECK(stat(WORK "/feedback.xlsx.tmp", &st) != 0);

    json_t *book = read_back(WORK "/feedback.xlsx", WORK "/feedback.csv");
    CHECK(book != NULL);
    if (!book) return;
    json_t *sheets = json_object_get(book, "sheets");
    CHECK_INT(json_array_size(sheets), 3);
    CHECK_STR(json_string_value(json_object_get(json_array_get(sheets, 0), "name")), "Responses");
    CHECK_STR(json_string_value(json_object_get(json_array_get(sheets, 1), "name")), "Codebook");
    CHECK_STR(json_string_value(json_object_get(json_array_get(sheets, 2), "name")), "Summary");
    CHECK_INT(json_array_size(json_object_get(book, "formulas")), 0); /* not one formula anywhere */

    json_t *resp = sheet(book, "Responses"), *rows = json_object_get(resp, "rows");
    CHECK_STR(json_string_value(json_object_get(resp, "freeze")), "A2");
    CHECK_STR(json_string_value(json_object_get(resp, "filter")), "A1:P10"); /* 16 columns, 9 responses */
    same_as_csv(rows, json_object_get(book, "csv"));
    CHECK(json_is_true(json_object_get(at(rows, 0, 0), "bold")));

    const char *a1 = "5f0c2b1e-7a4d-4c3b-9e21-0000000000a1", *a2 = "5f0c2b1e-7a4d-4c3b-9e21-0000000000a2",
               *a4 = "5f0c2b1e-7a4d-4c3b-9e21-0000000000a4", *a5 = "5f0c2b1e-7a4d-4c3b-9e21-0000000000a5",
               *b1 = "9d3e8f70-1c2b-4a5d-8f60-0000000000b1", *b3 = "9d3e8f70-1c2b-4a5d-8f60-0000000000b3",
               *b5 = "9d3e8f70-1c2b-4a5d-8f60-0000000000b5";
    CHECK_TEXT(rows, a2, "text", "=SUM(A1)"); /* words, not a formula, and no quote added */
    CHECK_TEXT(rows, a2, "name", "@cmd");
    CHECK_TEXT(rows, a4, "age_band", "65+");
    CHECK_TEXT(rows, b1, "age_band", "12-17"); /* not the 17th of December */
    CHECK_TEXT(rows, a5, "text", "-5 for parking, +1 for buses");
    CHECK_TEXT(rows, b5, "text", "\tTabbed start");
    CHECK_TEXT(rows, b1, "text", "Ça va? Dziękuję! Żółw, źrebię, „cytat”");
    CHECK_TEXT(rows, b3, "text", "Line one\nline two\n\nline four"); /* a cell's line breaks */
    CHECK_TEXT(rows, a1, "postcode_district", "S60");
    CHECK_TEXT(rows, a1, "consent_quote", "yes");
    CHECK_TEXT(rows, a1, "themes", "health; town-centre");
    CHECK_NUMBER(rows, a1, "rating", 4);
    CHECK_NUMBER(rows, a1, "seconds_taken", 87);
    CHECK_EMPTY(rows, b5, "rating");

    /* 10:15 at +01:00 is 10:15 on the kiosk's clock, as a date-time cell. */
    json_t *when = at(rows, row_of(rows, a1), column(rows, "at"));
    CHECK_STR(type_of(when), "d");
    CHECK_STR(text_of(when), "2026-07-01T10:15:00");
    CHECK_STR(json_string_value(json_object_get(when, "fmt")), "yyyy-mm-dd hh:mm:ss");

    /* Free text wraps in a capped column; short columns are as wide as their header. */
    json_t *text = at(rows, row_of(rows, a1), column(rows, "text"));
    CHECK(json_is_true(json_object_get(text, "wrap")));
    json_t *widths = json_object_get(resp, "widths");
    double text_w = json_number_value(json_object_get(widths, "J")), id_w = json_number_value(json_object_get(widths, "A"));
    CHECK(text_w > 40 && text_w < 52);
    CHECK(id_w > 36 && id_w < 40); /* a UUID, whole */

    /* Without a config the codebook says where the meaning is. */
    json_t *cb = rows_of(book, "Codebook");
    CHECK_STR(text_of(at(cb, 0, 1)), "column");
    CHECK_CONTAINS(text_of(at(cb, 1, 0)), "No config was given");

    /* The summary: small tables under headings. */
    json_t *sum = rows_of(book, "Summary");
    CHECK_STR(text_of(at(sum, 0, 0)), "Responses");
    CHECK_INT(json_number_value(json_object_get(at(sum, 0, 1), "v")), 9);
    static const struct {
        size_t row;
        const char *name, *words;
        int count;
    } want[] = {
        {2, "By kiosk", NULL, -1},
        {4, "kiosk-a", "Central Library, Rotherham", 5},
        {5, "kiosk-b", "Riverside House", 4},
        {7, "By day", NULL, -1},
        {9, "2026-07-01T00:00:00", NULL, 3},
        {10, "2026-07-02T00:00:00", NULL, 4},
        {11, "2026-07-03T00:00:00", NULL, 2},
        {13, "By language", NULL, -1},
        {15, "en", NULL, 9},
        {17, "By consultation", NULL, -1},
        {19, "feedback", "Records from before consultations", 9},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        CHECK_STR(text_of(at(sum, want[i].row, 0)), want[i].name);
        if (want[i].count < 0) {
            CHECK(json_is_true(json_object_get(at(sum, want[i].row, 0), "bold")));
            continue;
        }
        if (want[i].words) CHECK_STR(text_of(at(sum, want[i].row, 1)), want[i].words);
        json_t *n = at(sum, want[i].row, want[i].words ? 2 : 1);
        CHECK_STR(type_of(n), "n");
        CHECK_INT(json_number_value(json_object_get(n, "v")), want[i].count);
    }
    CHECK_STR(type_of(at(sum, 9, 0)), "d"); /* days are dates */
    json_decref(book);
}

/* Every question type as its columns, numbers as numbers; the codebook is the CSV codebook's
 * rows; the summary counts each consultation under its title. */
static void consultations_as_typed_cells(void) {
    config *cfg = export_fixture_config();
    CHECK(cfg != NULL);
    if (!cfg) return;
    static const char *const dirs[] = {PARK "/feedback"};
    export_set set;
    CHECK(collect(&set, dirs, 1));
    set.cfg = cfg;
    CHECK(write_xlsx(WORK "/park.xlsx", &set));
    CHECK(write_csv(WORK "/park.csv", &set));
    export_set_free(&set);
    FILE *f = fopen(WORK "/codebook.csv", "wb");
    pk_error err = {{0}};
    CHECK(f && export_write_codebook(f, cfg, NULL, &err));
    if (f) fclose(f);

    json_t *book = read_back(WORK "/park.xlsx", WORK "/park.csv");
    CHECK(book != NULL);
    if (!book) {
        config_free(cfg);
        return;
    }
    CHECK_INT(json_array_size(json_object_get(book, "formulas")), 0);
    json_t *resp = sheet(book, "Responses"), *rows = json_object_get(resp, "rows");
    CHECK_STR(json_string_value(json_object_get(resp, "filter")), "A1:AD6"); /* 30 columns, 5 responses */
    CHECK_STR(json_string_value(json_object_get(resp, "freeze")), "A2");
    same_as_csv(rows, json_object_get(book, "csv"));

    CHECK_TEXT(rows, "p1", "want", "pitches;cafe");
    CHECK_NUMBER(rows, "p1", "want.pitches", 1);
    CHECK_NUMBER(rows, "p1", "want.trees", 0);
    CHECK_TEXT(rows, "p2", "want_other", "=A pond"); /* a visitor's "Something else", as typed */
    CHECK_TEXT(rows, "p1", "sport", "Cricket, please");
    CHECK_TEXT(rows, "p1", "order", "lights>toilets");
    CHECK_NUMBER(rows, "p1", "order.toilets", 2);
    CHECK_NUMBER(rows, "p1", "order.lights", 1);
    CHECK_EMPTY(rows, "p1", "order.benches");
    CHECK_NUMBER(rows, "p1", "where.2.x", 300);
    CHECK_NUMBER(rows, "p1", "where.2.y", 120);
    CHECK_NUMBER(rows, "p1", "visit", 9);
    CHECK_NUMBER(rows, "p4", "walk", 120);
    CHECK_TEXT(rows, "p2", "age", "65+");
    CHECK_TEXT(rows, "p4", "age", "12-17");
    CHECK_TEXT(rows, "p1", "quote", "yes");
    CHECK_NUMBER(rows, "f1", "fair.visit", 5);
    CHECK_EMPTY(rows, "f1", "visit");
    CHECK_EMPTY(rows, "p4", "want.cafe"); /* not answered: empty, not 0 */
    CHECK_NUMBER(rows, "p1", "seconds_taken", 60);
    json_t *when = at(rows, row_of(rows, "f1"), column(rows, "at"));
    CHECK_STR(type_of(when), "d");
    CHECK_STR(text_of(when), "2026-09-01T09:00:00"); /* 09:00+01:00: nine o'clock at the fair */

    /* The codebook sheet holds the CSV codebook's rows, cell for cell. */
    json_t *cb = rows_of(book, "Codebook"), *cb_csv = read_back(WORK "/park.xlsx", WORK "/codebook.csv");
    json_t *want = json_object_get(cb_csv, "csv");
    CHECK(json_array_size(want) > 20);
    CHECK_INT(json_array_size(cb), json_array_size(want));
    for (size_t r = 0; r < json_array_size(want); r++)
        for (size_t c = 0; c < json_array_size(json_array_get(want, r)); c++) {
            const char *w = json_string_value(json_array_get(json_array_get(want, r), c)), *g = text_of(at(cb, r, c));
            if (strcmp(w, g ? g : "")) {
                fprintf(stderr, "codebook row %zu column %zu: \"%s\", expected \"%s\"\n", r, c, g ? g : "", w);
                CHECK(false);
            }
        }
    json_decref(cb_csv);
    CHECK(json_is_true(json_object_get(at(cb, 0, 0), "bold")));
    CHECK_STR(json_string_value(json_object_get(sheet(book, "Codebook"), "freeze")), "A2");

    json_t *sum = rows_of(book, "Summary");
    bool fair = false, park = false;
    for (size_t r = 0; r < json_array_size(sum); r++) {
        const char *name = text_of(at(sum, r, 0)), *title = text_of(at(sum, r, 1));
        double n = json_number_value(json_object_get(at(sum, r, 2), "v"));
        fair |= name && title && !strcmp(name, "fair") && !strcmp(title, "Did you enjoy the summer fair?") && n == 1;
        park |= name && title && !strcmp(name, "park") && !strcmp(title, "What should the new Riverside Park have?") && n == 4;
    }
    CHECK(fair && park);
    json_decref(book);
    config_free(cfg);
}

/* Never a half file under the real name, never an input replaced, never a workbook on a
 * terminal; the temporary workbook is cleaned away. */
static void written_safely(void) {
    static const char *const dirs[] = {FIXTURE "/feedback"};
    export_set set;
    CHECK(collect(&set, dirs, 1));
    pk_error err = {{0}};
    CHECK(!export_write_xlsx(NULL, &set, &err));
    CHECK_CONTAINS(err.msg, "standard output");
    CHECK(!export_write_xlsx("-", &set, &err));
    CHECK(!export_write_xlsx(FIXTURE "/feedback/kiosk-a/2026-07-01.jsonl", &set, &err));
    CHECK_CONTAINS(err.msg, "is one of the feedback files being read");
    CHECK(!export_write_xlsx(WORK "/no-such-folder/x.xlsx", &set, &err));
    CHECK_CONTAINS(err.msg, "cannot write " WORK "/no-such-folder/x.xlsx: No such file or directory");
    CHECK(!export_write_xlsx(WORK, &set, &err));
    CHECK_CONTAINS(err.msg, "is a folder");
    CHECK_INT(files_in(WORK "/tmp"), 0); /* TMPDIR: each temporary workbook removed */

    /* Over an old file: the old one stays whole until the new one is in place. */
    FILE *old = fopen(WORK "/old.xlsx", "w");
    if (old) fclose(old);
    CHECK(write_xlsx(WORK "/old.xlsx", &set));
    struct stat st;
    CHECK(stat(WORK "/old.xlsx", &st) == 0 && st.st_size > 1000);
    CHECK(stat(WORK "/old.xlsx.tmp", &st) != 0);
    CHECK_INT(files_in(WORK "/tmp"), 0);
    export_set_free(&set);
}

/* No responses: a header and its filter, nothing else; a text longer than a cell may hold is
 * cut at a character with "…" rather than losing the workbook. */
static void empty_and_long(void) {
    mkdir(WORK "/long", 0700);
    mkdir(WORK "/long/k", 0700);
    FILE *f = fopen(WORK "/long/k/2026-07-05.jsonl", "w");
    CHECK(f != NULL);
    if (!f) return;
    fputs("{\"id\":\"x\",\"kiosk\":\"k\",\"at\":\"2026-07-05T23:59:59.5-05:00\",\"answers\":{\"idea\":\"", f);
    for (int i = 0; i < 20000; i++) fputs("ł", f); /* 20,000 characters: fits */
    fputs("\",\"essay\":\"", f);
    for (int i = 0; i < 40000; i++) fputs("ż", f); /* 40,000: more than a cell holds */
    fputs("\"},\"language\":\"pl\",\"seconds_taken\":3}\n", f);
    fclose(f);
    static const char *const dirs[] = {WORK "/long"};
    export_set set;
    CHECK(collect(&set, dirs, 1));
    CHECK(write_xlsx(WORK "/long.xlsx", &set));
    export_filter none = {.has_since = true, .since = {2030, 1, 1}};
    export_set_free(&set);
    pk_error err = {{0}};
    CHECK(export_collect(&set, dirs, 1, &none, &err));
    CHECK_INT(set.n, 0);
    CHECK(write_xlsx(WORK "/empty.xlsx", &set));
    export_set_free(&set);

    json_t *book = read_back(WORK "/long.xlsx", NULL);
    json_t *rows = rows_of(book, "Responses");
    const char *idea = text_of(at(rows, 1, column(rows, "idea")));
    const char *essay = text_of(at(rows, 1, column(rows, "essay")));
    CHECK(idea && strlen(idea) == 40000);
    CHECK(essay && strlen(essay) == 32766 * 2 + 3 && !strcmp(essay + strlen(essay) - 3, "…"));
    json_t *when = at(rows, 1, column(rows, "at"));
    CHECK_STR(type_of(when), "d");
    CHECK_STR(text_of(when), "2026-07-05T23:59:59"); /* its own clock, not UTC's next day */
    json_decref(book);

    book = read_back(WORK "/empty.xlsx", NULL);
    json_t *resp = sheet(book, "Responses");
    CHECK_INT(json_array_size(json_object_get(resp, "rows")), 1);
    CHECK_STR(json_string_value(json_object_get(resp, "filter")), "A1:I1");
    CHECK_INT(json_number_value(json_object_get(at(rows_of(book, "Summary"), 0, 1), "v")), 0);
    json_decref(book);
}

/* LibreOffice opens it as a spreadsheet program does: its CSV of the Responses sheet has the
 * words as typed and the numbers as numbers. Skipped without soffice. */
static void libreoffice_opens_it(void) {
    if (system("command -v soffice >/dev/null 2>&1") != 0) {
        fprintf(stderr, "skip: no soffice (LibreOffice) here\n");
        return;
    }
    char cmd[2000];
    snprintf(cmd, sizeof cmd,
             "cd '" WORK "' && HOME='" WORK "' timeout 120 soffice --headless --norestore "
             "-env:UserInstallation=file://" WORK "/lo --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' "
             "--outdir '" WORK "/lo-out' '" WORK "/park.xlsx' >/dev/null 2>&1");
    CHECK(system(cmd) == 0);
    json_t *book = read_back(WORK "/park.xlsx", WORK "/lo-out/park.csv");
    json_t *csv = json_object_get(book, "csv");
    CHECK_INT(json_array_size(csv), 6);
    json_t *head = json_array_get(csv, 0);
    const char *want[] = {"id", "want", "want_other", "age", "want.pitches", "where.2.x", "at"};
    size_t col[7];
    for (size_t i = 0; i < 7; i++) {
        col[i] = (size_t)-1;
        for (size_t c = 0; c < json_array_size(head); c++)
            if (!strcmp(json_string_value(json_array_get(head, c)), want[i])) col[i] = c;
        CHECK(col[i] != (size_t)-1);
    }
    for (size_t r = 1; r < json_array_size(csv); r++) {
        json_t *line = json_array_get(csv, r);
        const char *id = json_string_value(json_array_get(line, col[0]));
        if (!id || strcmp(id, "p2")) continue;
        CHECK_STR(json_string_value(json_array_get(line, col[1])), "trees;other");
        CHECK_STR(json_string_value(json_array_get(line, col[2])), "=A pond");
        CHECK_STR(json_string_value(json_array_get(line, col[3])), "65+");
        CHECK_STR(json_string_value(json_array_get(line, col[4])), "0");
        CHECK_STR(json_string_value(json_array_get(line, col[6])), "2026-12-01 11:00:00");
    }
    json_decref(book);
    /* LibreOffice quotes the cells it holds as text and not the numbers or the date-times. */
    char raw[8192] = "";
    FILE *f = fopen(WORK "/lo-out/park.csv", "r");
    size_t n = f ? fread(raw, 1, sizeof raw - 1, f) : 0;
    raw[n] = '\0';
    if (f) fclose(f);
    CHECK_CONTAINS(raw, "\"p2\",\"park-kiosk\",\"Millbrook Library\",2026-12-01 11:00:00,");
    CHECK_CONTAINS(raw, ",\"trees;other\",0,0,1,1,\"=A pond\",");
    CHECK_CONTAINS(raw, ",4,40,\"65+\",\"Bo\",\"no\",");
}

int main(void) {
    if (system("rm -rf '" WORK "' && mkdir -p '" WORK "/tmp'") != 0) return 1;
    setenv("TMPDIR", WORK "/tmp", 1); /* where the workbook is made before it is copied */
    RUN(feedback_reads_back_exactly);
    RUN(consultations_as_typed_cells);
    RUN(written_safely);
    RUN(empty_and_long);
    RUN(libreoffice_opens_it);
    return check_report();
}
