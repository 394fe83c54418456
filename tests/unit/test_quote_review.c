/* The desk's review sheet of quotes: what staff fill in comes back as they meant it, from an
 * .xlsx (as plankiosk writes it, with inline strings as other writers use) and from a .csv; a
 * misspelt decision names its cell and nothing at all is taken from that sheet; a visitor's
 * words that look like a formula stay words. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "check.h"
#include "quotes/quote_review.h"

static char dir[] = "/tmp/test_quote_review-XXXXXX";

static void path_of(char *buf, size_t size, const char *name) { snprintf(buf, size, "%s/%s", dir, name); }

/* Three quotes, newest first: an approved one, one held back by the check, and one whose words
 * would run as a formula in a spreadsheet. */
static quote_item items[3];

static quote_set sample(void) {
    memset(items, 0, sizeof items);
    static const struct {
        const char *key, *text, *name, *at;
        quote_state state;
    } rows[3] = {
        {"r3:text", "More buses to Maltby, please", "Ola", "2026-03-03T09:30:00+00:00", QUOTE_APPROVED},
        {"r2:text", "Call me on 07700 900123", NULL, "2026-03-02T10:11:12+01:00", QUOTE_HELD},
        {"r1:text", "=HYPERLINK(\"http://x\",\"y\")", "Sam", "2026-03-01T08:00:00Z", QUOTE_WAITING},
    };
    for (int i = 0; i < 3; i++) {
        quote_item *q = &items[i];
        snprintf(q->key, sizeof q->key, "%s", rows[i].key);
        q->text = (char *)rows[i].text;
        q->name = (char *)rows[i].name;
        q->at = (char *)rows[i].at;
        q->lang = (char *)"en";
        q->kiosk = (char *)"library";
        q->consultation = (char *)"plan-2025";
        q->question = (char *)"text";
        q->state = rows[i].state;
        if (q->state == QUOTE_HELD) {
            q->check.flags = QUOTE_FLAG_PHONE;
            snprintf(q->check.reason, sizeof q->check.reason, "a phone number: 07700 900123");
        }
    }
    return (quote_set){.items = items, .n = 3, .cap = 3, .consented = 3, .approved = 1, .held = 1, .waiting = 1};
}

static const quote_review_row *find(const quote_review *rv, const char *key) {
    for (size_t i = 0; i < rv->n; i++)
        if (!strcmp(rv->rows[i].key, key)) return &rv->rows[i];
    return NULL;
}

static char *zip_text(const char *path, const char *part) {
    zip_t *z = zip_open(path, ZIP_RDONLY, NULL);
    zip_stat_t st;
    char *buf = NULL;
    if (z && zip_stat(z, part, 0, &st) == 0) {
        zip_file_t *f = zip_fopen(z, part, 0);
        buf = calloc(1, st.size + 1);
        if (f && buf) zip_fread(f, buf, st.size);
        if (f) zip_fclose(f);
    }
    if (z) zip_discard(z);
    return buf;
}

static char *file_text(const char *path) {
    FILE *f = fopen(path, "rb");
    static char buf[65536];
    size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    if (f) fclose(f);
    buf[n] = '\0';
    return buf;
}

static void write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "wb");
    fputs(text, f);
    fclose(f);
}

static void test_xlsx_round_trip(void) {
    quote_set qs = sample();
    char path[256];
    path_of(path, sizeof path, "review.xlsx");
    pk_error err = {{0}};
    CHECK(quote_review_write(path, &qs, NULL, NULL, &err));
    /* The undecided come first: the held one (newer), then the formula-like one; the approved last. */
    char *sheet = zip_text(path, "xl/worksheets/sheet1.xml");
    CHECK(sheet != NULL);
    CHECK(sheet && !strstr(sheet, "<f>"));                 /* no formula anywhere */
    CHECK_CONTAINS(sheet, "<dataValidation");               /* the drop-down */
    CHECK_CONTAINS(sheet, "\"approve,hide\"");
    CHECK_CONTAINS(sheet, "<pane ");                        /* the header row stays */
    free(sheet);
    char *strings = zip_text(path, "xl/sharedStrings.xml");
    CHECK_CONTAINS(strings, "<t>=HYPERLINK(\"http://x\",\"y\")</t>");
    CHECK_CONTAINS(strings, "a phone number: 07700 900123");
    free(strings);

    quote_review rv;
    diag_list problems = {0};
    CHECK(quote_review_read(path, &rv, &problems, &err));
    CHECK_INT(problems.count, 0);
    CHECK_INT(rv.n, 3);
    CHECK_INT(rv.approve, 1);
    CHECK_INT(rv.blank, 2);
    CHECK_STR(rv.n ? rv.rows[0].key : NULL, "r2:text");
    CHECK_STR(rv.n > 2 ? rv.rows[2].key : NULL, "r3:text");
    const quote_review_row *r3 = find(&rv, "r3:text");
    CHECK(r3 && r3->choice == QUOTE_REVIEW_APPROVE);
    CHECK_STR(r3 ? r3->cell : NULL, "Quotes!A4");
    quote_review_free(&rv);
}

/* A sheet as another writer makes it: inline strings (libxlsxwriter's constant-memory mode
 * writes them, as some tools do), columns moved, a title row above the header. */
static void make_sheet(const char *path, const char *const cells[][3], int rows) {
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
    lxw_workbook *wb = workbook_new_opt(path, &opt);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Checked");
    worksheet_write_string(ws, 0, 0, "Quotes checked by Pat", NULL);
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < 3; c++)
            if (cells[r][c]) worksheet_write_string(ws, (lxw_row_t)(r + 1), (lxw_col_t)c, cells[r][c], NULL);
    workbook_close(wb);
}

static void test_xlsx_inline_strings(void) {
    static const char *const cells[][3] = {
        {"Key", "Notes", "DECISION "}, {"r1:text", "fine", " Approved"}, {"r2:text", NULL, "no"}, {"r3:text", "later", NULL},
    };
    char path[256];
    path_of(path, sizeof path, "inline.xlsx");
    make_sheet(path, cells, 4);
    char *sheet = zip_text(path, "xl/worksheets/sheet1.xml");
    CHECK_CONTAINS(sheet, "inlineStr");
    free(sheet);
    quote_review rv;
    diag_list problems = {0};
    pk_error err = {{0}};
    CHECK(quote_review_read(path, &rv, &problems, &err));
    CHECK_INT(rv.n, 3);
    CHECK_INT(rv.approve, 1);
    CHECK_INT(rv.hide, 1);
    CHECK_INT(rv.blank, 1);
    const quote_review_row *r2 = find(&rv, "r2:text");
    CHECK(r2 && r2->choice == QUOTE_REVIEW_HIDE);
    CHECK_STR(r2 ? r2->cell : NULL, "Checked!C4");
    quote_review_free(&rv);
}

static void test_misspelt_names_cell_applies_nothing(void) {
    static const char *const cells[][3] = {
        {"Key", "Notes", "Decision"}, {"r1:text", NULL, "approve"}, {"r2:text", NULL, "aprove"}, {"r3:text", NULL, "hide"},
    };
    char path[256];
    path_of(path, sizeof path, "misspelt.xlsx");
    make_sheet(path, cells, 4);
    quote_review rv;
    diag_list problems = {0};
    pk_error err = {{0}};
    CHECK(!quote_review_read(path, &rv, &problems, &err));
    CHECK_INT(rv.n, 0); /* not even the good rows */
    CHECK_INT(problems.count, 1);
    char want[400];
    snprintf(want, sizeof want, "%s: Checked!C4: \"aprove\" is not approve or hide", path);
    CHECK_STR(problems.items[0], want);
    CHECK_STR(err.msg, want);

    /* The same in a CSV: FILE:LINE:COL, the line counted across a quoted line break. */
    path_of(path, sizeof path, "misspelt.csv");
    write_file(path, "\xEF\xBB\xBF\"Decision\",\"Words\",\"Key\"\r\n"
                     "\"approve\",\"two\r\nlines\",\"r1:text\"\r\n"
                     "\"maybe\",\"x\",\"r2:text\"\r\n");
    memset(&problems, 0, sizeof problems);
    CHECK(!quote_review_read(path, &rv, &problems, &err));
    CHECK_INT(rv.n, 0);
    snprintf(want, sizeof want, "%s:4:1: \"maybe\" is not approve or hide", path);
    CHECK_STR(problems.count ? problems.items[0] : NULL, want);

    /* The same quote twice (rows copied), decided two ways: which one was meant? Refused. */
    path_of(path, sizeof path, "twice.csv");
    write_file(path, "Decision,Key\r\napprove,r1:text\r\n,r1:text\r\nhide,r1:text\r\n");
    memset(&problems, 0, sizeof problems);
    CHECK(!quote_review_read(path, &rv, &problems, &err));
    CHECK_CONTAINS(problems.count ? problems.items[0] : NULL, "twice.csv:4:1: the same quote as line 2, with a different decision");

    /* A decision on a row whose key was deleted names nothing: refused too. */
    path_of(path, sizeof path, "nokey.csv");
    write_file(path, "Decision,Key\r\nhide,\r\n");
    memset(&problems, 0, sizeof problems);
    CHECK(!quote_review_read(path, &rv, &problems, &err));
    CHECK_CONTAINS(problems.count ? problems.items[0] : NULL, "nokey.csv:2:1: a decision, but the row's Key is empty");
}

static void test_csv_round_trip(void) {
    quote_set qs = sample();
    items[2].state = QUOTE_HIDDEN; /* decided: goes after the held one */
    char path[256];
    path_of(path, sizeof path, "review.csv");
    pk_error err = {{0}};
    CHECK(quote_review_write(path, &qs, NULL, NULL, &err));
    const char *text = file_text(path);
    CHECK(!strncmp(text, "\xEF\xBB\xBF\"Decision\",", 13));
    CHECK_CONTAINS(text, "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""); /* neutralised, quotes doubled */
    CHECK_CONTAINS(text, "\"2026-03-02 10:11:12\"");                     /* the kiosk's own clock */
    CHECK_CONTAINS(text, "\"r1:text\"\r\n");
    CHECK(strstr(text, "r2:text") < strstr(text, "r3:text")); /* undecided first */

    quote_review rv;
    diag_list problems = {0};
    CHECK(quote_review_read(path, &rv, &problems, &err));
    CHECK_INT(rv.n, 3);
    CHECK_INT(rv.approve, 1);
    CHECK_INT(rv.hide, 1);
    CHECK_INT(rv.blank, 1);
    quote_review_free(&rv);

    /* Saved again by a spreadsheet set for a language that separates with ';'. */
    path_of(path, sizeof path, "semicolon.csv");
    write_file(path, "Decision;Words;Key\nYES;\"a; b\";r1:text\nHidden;c;r2:text\n");
    CHECK(quote_review_read(path, &rv, &problems, &err));
    CHECK_INT(rv.approve, 1);
    CHECK_INT(rv.hide, 1);
    quote_review_free(&rv);
}

static void test_choice_words(void) {
    quote_review_choice c;
    CHECK(quote_review_parse_choice("  SHOW ", &c) && c == QUOTE_REVIEW_APPROVE);
    CHECK(quote_review_parse_choice("hidden", &c) && c == QUOTE_REVIEW_HIDE);
    CHECK(quote_review_parse_choice(" \t", &c) && c == QUOTE_REVIEW_BLANK);
    CHECK(!quote_review_parse_choice("approve!", &c));
    CHECK(!quote_review_parse_choice("ok", &c));
}

static void test_bad_files(void) {
    char path[256];
    quote_review rv;
    pk_error err = {{0}};
    path_of(path, sizeof path, "not-a-zip.xlsx");
    write_file(path, "Decision,Key\r\n");
    CHECK(!quote_review_read(path, &rv, NULL, &err));
    CHECK_CONTAINS(err.msg, "cannot open it as an .xlsx spreadsheet");
    path_of(path, sizeof path, "other.csv");
    write_file(path, "a,b\r\n1,2\r\n");
    diag_list problems = {0};
    CHECK(!quote_review_read(path, &rv, &problems, &err));
    CHECK_CONTAINS(err.msg, "no row has both a \"Decision\" and a \"Key\" column");
    quote_set qs = sample();
    CHECK(!quote_review_write("/tmp/x.ods", &qs, NULL, NULL, &err));
    CHECK_CONTAINS(err.msg, ".xlsx or a .csv");
}

int main(void) {
    if (!mkdtemp(dir)) return 1;
    RUN(test_xlsx_round_trip);
    RUN(test_xlsx_inline_strings);
    RUN(test_misspelt_names_cell_applies_nothing);
    RUN(test_csv_round_trip);
    RUN(test_choice_words);
    RUN(test_bad_files);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (!check_failures && system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    return check_report();
}
