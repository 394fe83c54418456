/* export_xlsx: the export as a real spreadsheet (.xlsx), for council staff who double-click
 * what they are given (the contract is in export.h).
 *
 * Three sheets: "Responses" (the CSV's columns, from export_columns, so the two never
 * disagree), "Codebook" (what each column means, the rows of export_write_codebook) and
 * "Summary" (responses per kiosk, day, language and consultation).
 *
 * The idea: every cell has the type it means, decided by the column and never guessed from the
 * words. A visitor's words are always written as text, so "65+" stays "65+", "12-17" is not
 * taken for a date and "=SUM(A1)" is the words =SUM(A1), never a formula (the CSV needs a
 * leading quote for that; a text cell of a workbook does not). Numbers are number cells, and
 * `at` is a date-time cell in the kiosk's own local time (the record's offset: "10:15+01:00"
 * reads 10:15), so staff can sort, filter and chart without converting anything.
 *
 * libxlsxwriter writes to a file name, not a stream: the workbook is made in a private
 * temporary file, then copied through export_write_file, which puts it in place the careful
 * way (path.tmp, flushed, fsynced, renamed), so the real name only ever holds a whole file. */
#include "export/export.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "config/config.h"
#include "export/export_columns.h"
#include "text/utf8.h"

#define MAX_WIDTH 50       /* characters: a wider column wraps its text instead */
#define MIN_WIDTH 8
#define XLSX_TEXT_MAX 32767 /* characters a cell may hold (Excel's limit) */

typedef struct xlsx {
    lxw_workbook *wb;
    lxw_format *head, *heading, *text, *wrap, *number, *when, *day;
    lxw_error error; /* the first thing libxlsxwriter refused */
} xlsx;

static void note(xlsx *x, lxw_error e) {
    if (e != LXW_NO_ERROR && x->error == LXW_NO_ERROR) x->error = e;
}

/* A text cell, never a formula. Line ends become LF, a cell's line break (a CR shows as
 * "_x000D_" in some readers), and a text longer than a cell may hold is cut at a character and
 * ends with "…", so the cut shows, rather than the workbook being lost. */
static void put_text(xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s, size_t len,
                     lxw_format *fmt) {
    len = s ? strnlen(s, len) : 0; /* a NUL ends the words */
    if (!len) return;
    char *copy = NULL;
    if (memchr(s, '\r', len) || s[len] != '\0' || utf8_count(s, len) > XLSX_TEXT_MAX) {
        if (!(copy = malloc(len + 4))) {
            note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
            return;
        }
        size_t n = 0, chars = 0;
        for (size_t i = 0; i < len;) {
            if (s[i] == '\r') {
                copy[n++] = '\n';
                i += i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
            } else {
                uint32_t cp;
                int step = utf8_decode(s + i, len - i, &cp);
                memcpy(copy + n, s + i, (size_t)step);
                n += (size_t)step, i += (size_t)step;
            }
            if (++chars == XLSX_TEXT_MAX - 1 && i < len) {
                memcpy(copy + n, "\xE2\x80\xA6", 3);
                n += 3;
                break;
            }
        }
        copy[n] = '\0';
        s = copy;
    }
    note(x, worksheet_write_string(ws, row, col, s, fmt));
    free(copy);
}

static void put_str(xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s, lxw_format *fmt) {
    if (s) put_text(x, ws, row, col, s, strlen(s), fmt);
}

static void put_number(xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double v) {
    note(x, worksheet_write_number(ws, row, col, v, x->number));
}

/* A day and a time of day (seconds since midnight) as a spreadsheet's date-time; false for one
 * a spreadsheet cannot hold (before 1900) or a time that is not one. */
static bool date_time(pk_date day, int clock, lxw_datetime *dt) {
    *dt = (lxw_datetime){day.year, day.month, day.day, clock / 3600, clock / 60 % 60, clock % 60};
    return day.year >= 1900 && day.year <= 9999 && day.day >= 1 && clock >= 0 && clock < 86400;
}

/* ---- Responses ------------------------------------------------------------------------- */

/* Display widths, measured over the header and every row before anything is written. */
typedef struct measure {
    size_t n, col;
    int *width;
    bool *wrap; /* holds long or multi-line words */
} measure;

static void widen(measure *m, const char *s, size_t len, bool words) {
    if (m->col >= m->n) return;
    int longest = 0;
    for (size_t start = 0; start < len;) {
        const char *nl = memchr(s + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - s) : len;
        int w = (int)utf8_count(s + start, end - start);
        if (w > longest) longest = w;
        start = end + 1;
        if (nl && words) m->wrap[m->col] = true;
    }
    if (longest > MAX_WIDTH && words) m->wrap[m->col] = true;
    if (longest > m->width[m->col]) m->width[m->col] = longest;
}

static void measure_name(void *ctx, const char *name) {
    measure *m = ctx;
    widen(m, name, strlen(name), false);
    if (m->col < m->n) m->width[m->col] += 2; /* the header is bold, with a filter button */
    m->col++;
}

static void measure_cell(void *ctx, const export_cell *c) {
    measure *m = ctx;
    if (c->type == EXPORT_CELL_WHEN) widen(m, "2026-07-01 10:15:00", 19, false);
    else if (c->text) widen(m, c->text, c->len, c->type == EXPORT_CELL_TEXT);
    m->col++;
}

typedef struct row_writer {
    xlsx *x;
    lxw_worksheet *ws;
    const export_record *rec;
    lxw_row_t row;
    lxw_col_t col;
    const bool *wrap;
} row_writer;

static void write_name(void *ctx, const char *name) {
    row_writer *w = ctx;
    put_str(w->x, w->ws, 0, w->col++, name, w->x->head);
}

static void write_cell(void *ctx, const export_cell *c) {
    row_writer *w = ctx;
    xlsx *x = w->x;
    lxw_col_t col = w->col++;
    if (!c->text || !c->len) return;
    if (c->type == EXPORT_CELL_NUMBER) {
        char *end = NULL;
        double v = strtod(c->text, &end);
        if (end == c->text + c->len) {
            put_number(x, w->ws, w->row, col, v);
            return;
        }
    } else if (c->type == EXPORT_CELL_WHEN) {
        /* The kiosk's wall clock (10:15 at +01:00 is 10:15): the offset says where, not when,
         * for a reader in the same place. */
        lxw_datetime dt;
        if (date_time(w->rec->day, w->rec->clock, &dt)) {
            note(x, worksheet_write_datetime(w->ws, w->row, col, &dt, x->when));
            return;
        }
    }
    put_text(x, w->ws, w->row, col, c->text, c->len, w->wrap[col] ? x->wrap : x->text);
}

static void write_responses(xlsx *x, const export_set *set) {
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Responses");
    export_columns *cols = export_columns_new(set);
    size_t n = cols ? export_columns_count(cols) : 0;
    measure m = {n, 0, calloc(n ? n : 1, sizeof(int)), calloc(n ? n : 1, sizeof(bool))};
    if (!ws || !cols || !m.width || !m.wrap) {
        note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
        goto done;
    }
    export_columns_header(cols, measure_name, &m);
    for (size_t r = 0; r < set->n; r++) {
        m.col = 0;
        export_columns_row(cols, &set->records[r], measure_cell, &m);
    }
    row_writer w = {x, ws, NULL, 0, 0, m.wrap};
    export_columns_header(cols, write_name, &w);
    for (size_t r = 0; r < set->n; r++) {
        w.rec = &set->records[r], w.row = (lxw_row_t)(r + 1), w.col = 0;
        export_columns_row(cols, &set->records[r], write_cell, &w);
    }
    for (size_t c = 0; c < n; c++) {
        int width = m.width[c] + 1;
        width = width < MIN_WIDTH ? MIN_WIDTH : width > MAX_WIDTH ? MAX_WIDTH : width;
        note(x, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, width, NULL));
    }
    worksheet_freeze_panes(ws, 1, 0);
    if (n) note(x, worksheet_autofilter(ws, 0, 0, (lxw_row_t)set->n, (lxw_col_t)(n - 1)));
done:
    free(m.width);
    free(m.wrap);
    export_columns_free(cols);
}

/* ---- Codebook -------------------------------------------------------------------------- */

typedef struct codebook_writer {
    xlsx *x;
    lxw_worksheet *ws;
    lxw_row_t row;
} codebook_writer;

static void codebook_row(void *ctx, const char *const *row) {
    codebook_writer *w = ctx;
    w->row++;
    for (int c = 0; c < EXPORT_CODEBOOK_COLUMNS; c++)
        if (row[c]) put_str(w->x, w->ws, w->row, (lxw_col_t)c, row[c], c == 6 ? w->x->wrap : w->x->text);
}

static void write_codebook(xlsx *x, const export_set *set) {
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Codebook");
    if (!ws) {
        note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    /* consultation, column, question, type, required, shown_if, words, option, option_words, values */
    static const double widths[EXPORT_CODEBOOK_COLUMNS] = {16, 22, 16, 16, 10, 26, 40, 14, 30, 30};
    for (int c = 0; c < EXPORT_CODEBOOK_COLUMNS; c++) {
        put_str(x, ws, 0, (lxw_col_t)c, export_codebook_header[c], x->head);
        note(x, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL));
    }
    worksheet_freeze_panes(ws, 1, 0);
    codebook_writer w = {x, ws, 0};
    if (set->cfg) export_codebook_rows(set->cfg, set->filter, codebook_row, &w);
    else put_str(x, ws, 1, 0, "No config was given, so the answers' columns are as recorded (give --config FILE).", x->text);
}

/* ---- Summary --------------------------------------------------------------------------- */

/* Responses counted by a name (a kiosk id, a day, a language code): a JSON object of counts. */
static void count(json_t *counts, const char *name) {
    if (!name || !*name) name = "(none)";
    json_t *n = json_object_get(counts, name);
    json_object_set_new(counts, name, json_integer(json_integer_value(n) + 1));
}

static int cmp_keys(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* The names of counts, sorted; the caller frees the array (not the names). */
static const char **sorted_names(const json_t *counts, size_t *n) {
    *n = json_object_size(counts);
    const char **names = calloc(*n ? *n : 1, sizeof *names);
    const char *key;
    json_t *v;
    size_t i = 0;
    if (names) json_object_foreach((json_t *)counts, key, v) names[i++] = key;
    if (names && *n > 1) qsort(names, *n, sizeof *names, cmp_keys);
    return names;
}

typedef struct summary {
    xlsx *x;
    lxw_worksheet *ws;
    lxw_row_t row;
} summary;

/* A heading, then a table's header row. */
static void table_head(summary *s, const char *heading, const char *const *cols, int n) {
    s->row += 1; /* a blank row before each table */
    put_str(s->x, s->ws, s->row++, 0, heading, s->x->heading);
    for (int c = 0; c < n; c++) put_str(s->x, s->ws, s->row, (lxw_col_t)c, cols[c], s->x->head);
    s->row++;
}

/* A table of counts: name, then (with words) what words(ctx, name) says, then the count. */
static void count_table(summary *s, const char *heading, const char *const *cols, const json_t *counts,
                        const char *(*words)(const void *ctx, const char *name), const void *ctx) {
    table_head(s, heading, cols, words ? 3 : 2);
    size_t n = 0;
    const char **names = sorted_names(counts, &n);
    for (size_t i = 0; names && i < n; i++, s->row++) {
        put_str(s->x, s->ws, s->row, 0, names[i], s->x->text);
        const char *w = words ? words(ctx, names[i]) : NULL;
        if (w) put_str(s->x, s->ws, s->row, 1, w, s->x->text);
        put_number(s->x, s->ws, s->row, words ? 2 : 1, (double)json_integer_value(json_object_get(counts, names[i])));
    }
    free(names);
}

static const char *location_of(const void *ctx, const char *kiosk) {
    return json_string_value(json_object_get(ctx, kiosk));
}

static const char *consultation_title(const void *ctx, const char *id) {
    const config *cfg = ctx;
    for (int c = 0; cfg && c < cfg->n_consultations; c++)
        if (!strcmp(cfg->consultations[c].id, id)) return cfg->consultations[c].title;
    return !strcmp(id, EXPORT_FIRST_JOURNEY) ? "Records from before consultations" : NULL;
}

static void write_summary(xlsx *x, const export_set *set) {
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Summary");
    json_t *kiosks = json_object(), *where = json_object(), *days = json_object(), *languages = json_object(),
           *consultations = json_object();
    if (!ws || !kiosks || !where || !days || !languages || !consultations) {
        note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
        goto done;
    }
    for (size_t i = 0; i < set->n; i++) {
        const export_record *r = &set->records[i];
        const char *kiosk = export_field_str(r->json, "kiosk"), *location = export_field_str(r->json, "location");
        count(kiosks, kiosk);
        if (kiosk && location && !json_object_get(where, kiosk)) json_object_set_new(where, kiosk, json_string(location));
        char day[16];
        snprintf(day, sizeof day, "%04d-%02d-%02d", r->day.year, r->day.month, r->day.day);
        count(days, day);
        count(languages, export_field_str(r->json, "language"));
        count(consultations, r->consultation);
    }
    summary s = {x, ws, 0};
    put_str(x, ws, 0, 0, "Responses", x->heading);
    put_number(x, ws, 0, 1, (double)set->n);
    s.row = 1;
    static const char *const by_kiosk[] = {"kiosk", "location", "responses"},
                             *const by_day[] = {"day", "responses"},
                             *const by_language[] = {"language", "responses"},
                             *const by_consultation[] = {"consultation", "title", "responses"};
    count_table(&s, "By kiosk", by_kiosk, kiosks, location_of, where);
    /* Days as date cells, so they sort and chart as days. */
    table_head(&s, "By day", by_day, 2);
    size_t n = 0;
    const char **names = sorted_names(days, &n);
    for (size_t i = 0; names && i < n; i++, s.row++) {
        lxw_datetime dt;
        pk_date day;
        if (date_parse(names[i], &day, NULL) && date_time(day, 0, &dt))
            note(x, worksheet_write_datetime(ws, s.row, 0, &dt, x->day));
        else put_str(x, ws, s.row, 0, names[i], x->text);
        put_number(x, ws, s.row, 1, (double)json_integer_value(json_object_get(days, names[i])));
    }
    free(names);
    count_table(&s, "By language", by_language, languages, NULL, NULL);
    count_table(&s, "By consultation", by_consultation, consultations, consultation_title, set->cfg);
    note(x, worksheet_set_column(ws, 0, 0, 22, NULL));
    note(x, worksheet_set_column(ws, 1, 1, 36, NULL));
    note(x, worksheet_set_column(ws, 2, 2, 12, NULL));
done:
    json_decref(kiosks);
    json_decref(where);
    json_decref(days);
    json_decref(languages);
    json_decref(consultations);
}

/* ---- the workbook ---------------------------------------------------------------------- */

static bool build_workbook(const char *file, const export_set *set, pk_error *err) {
    if (set->n >= LXW_ROW_MAX)
        return pk_fail(err, "%zu responses do not fit on one sheet (at most %d); export fewer with --since and --until",
                       set->n, LXW_ROW_MAX - 1);
    xlsx x = {0};
    x.wb = workbook_new(file);
    if (!x.wb) return pk_fail(err, "cannot start the spreadsheet: out of memory");
    lxw_format **fmts[] = {&x.head, &x.heading, &x.text, &x.wrap, &x.number, &x.when, &x.day};
    for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
        *fmts[i] = workbook_add_format(x.wb);
        if (!*fmts[i]) {
            workbook_close(x.wb); /* frees it; the half file is removed by the caller */
            return pk_fail(err, "cannot start the spreadsheet: out of memory");
        }
    }
    format_set_bold(x.head);
    format_set_bottom(x.head, LXW_BORDER_THIN);
    format_set_bold(x.heading);
    format_set_align(x.text, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(x.wrap, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(x.wrap);
    format_set_align(x.number, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(x.when, LXW_ALIGN_VERTICAL_TOP);
    format_set_num_format(x.when, "yyyy-mm-dd hh:mm:ss");
    format_set_num_format(x.day, "ddd d mmm yyyy");

    write_responses(&x, set);
    write_codebook(&x, set);
    write_summary(&x, set);
    lxw_error closed = workbook_close(x.wb);
    if (x.error != LXW_NO_ERROR) return pk_fail(err, "cannot make the spreadsheet: %s", lxw_strerror(x.error));
    if (closed != LXW_NO_ERROR) return pk_fail(err, "cannot make the spreadsheet: %s", lxw_strerror(closed));
    return true;
}

/* Copies the finished workbook (ctx: its file name) into export_write_file's stream. */
static bool copy_workbook(FILE *out, const void *ctx, pk_error *err) {
    const char *file = ctx;
    FILE *in = fopen(file, "rb");
    if (!in) return pk_fail(err, "cannot read the spreadsheet made in %s: %s", file, strerror(errno));
    char buf[65536];
    size_t n;
    bool ok = true;
    while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0) ok = fwrite(buf, 1, n, out) == n;
    if (ferror(in)) ok = pk_fail(err, "cannot read the spreadsheet made in %s: %s", file, strerror(errno));
    else if (!ok) pk_fail(err, "writing the spreadsheet failed: %s", strerror(errno));
    fclose(in);
    return ok;
}

bool export_write_xlsx(const char *path, const export_set *set, pk_error *err) {
    if (!path || !strcmp(path, "-"))
        return pk_fail(err, "a spreadsheet (.xlsx) cannot go to standard output; give --out FILE.xlsx");
    if (!set->records) return pk_fail(err, "a spreadsheet is written from records read with export_collect");
    /* A sheet holds 1,048,576 rows (the header is one): more would be cut off in Excel. */
    if (set->n > 1048575)
        return pk_fail(err, "%zu responses are more than a spreadsheet holds (1,048,575 rows): use --format csv, "
                            "or export part at a time with --since and --until", set->n);
    const char *dir = getenv("TMPDIR");
    char file[PATH_MAX];
    int len = snprintf(file, sizeof file, "%s/plankiosk-xlsx-XXXXXX", dir && *dir ? dir : "/tmp");
    if (len < 0 || (size_t)len >= sizeof file) return pk_fail(err, "TMPDIR is too long a path");
    int fd = mkstemp(file);
    if (fd < 0) return pk_fail(err, "cannot make a temporary file in %s: %s", dir && *dir ? dir : "/tmp", strerror(errno));
    close(fd);
    bool ok = build_workbook(file, set, err) && export_write_file(path, set, copy_workbook, file, err);
    unlink(file);
    return ok;
}
