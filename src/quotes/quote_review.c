/* quote_review: the review sheet, written and read back (the contract is in quote_review.h).
 *
 * Writing: the rows are put in order (undecided first), each quote's cells worked out once
 * (quote_cells), and spelt as an .xlsx (libxlsxwriter, into a private temporary file that
 * export_write_file then copies into place the careful way) or as CSV.
 *
 * Reading: both formats are first turned into the same plain grid of text cells (row, column,
 * text), so finding the columns by their headers and judging each decision is written once,
 * whatever the file was. */
#include "quotes/quote_review.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "export/report_parts.h" /* report_language_name: one list of language names */

enum { COL_DECISION, COL_HELD, COL_WORDS, COL_NAME, COL_AGE, COL_LANG, COL_KIOSK, COL_WHEN,
       COL_CONSULTATION, COL_QUESTION, COL_KEY, N_COLS };

static const char *const col_names[N_COLS] = {
    "Decision", "Held back because", "Words", "First name", "Age band", "Language",
    "Kiosk",    "When",              "Consultation", "Question", "Key"};
static const double col_widths[N_COLS] = {14, 30, 60, 14, 12, 12, 14, 18, 22, 24, 30};

#define DECISION_HELP                                                                          \
    "Type approve or hide (or pick one from the list), or leave it blank to decide later. "   \
    "Then: plankiosk quotes --apply THIS-FILE DIR"
#define KEY_HELP "Names the quote: keep it as it is, or the decision cannot be applied."
#define MAX_PART (64L << 20) /* bytes of one part of an .xlsx read back: more is not a sheet of ours */

/* ---- what each row shows ---------------------------------------------------------------- */

static const consultation *consultation_of(const config *cfg, const char *id) {
    for (int i = 0; cfg && id && i < cfg->n_consultations; i++)
        if (!strcmp(cfg->consultations[i].id, id)) return &cfg->consultations[i];
    return NULL;
}

typedef struct quote_cells {
    const char *text[N_COLS];
    bool has_when; /* when[]: the kiosk's wall clock, for a date-time cell */
    int when[6];
    char when_text[32];
} quote_cells;

static bool parse_when(const char *at, int w[6]) {
    return at && sscanf(at, "%4d-%2d-%2dT%2d:%2d:%2d", &w[0], &w[1], &w[2], &w[3], &w[4], &w[5]) == 6 &&
           w[0] >= 1900 && w[0] <= 9999 && w[1] >= 1 && w[1] <= 12 && w[2] >= 1 && w[2] <= 31 &&
           w[3] >= 0 && w[3] < 24 && w[4] >= 0 && w[4] < 60 && w[5] >= 0 && w[5] < 61;
}

static const char *decision_word(quote_state s) {
    return s == QUOTE_APPROVED ? "approve" : s == QUOTE_HIDDEN ? "hide" : NULL;
}

static void quote_cells_of(const quote_item *q, const config *cfg, quote_cells *c) {
    memset(c, 0, sizeof *c);
    const consultation *k = consultation_of(cfg, q->consultation);
    c->text[COL_DECISION] = decision_word(q->state);
    c->text[COL_HELD] = q->check.flags ? q->check.reason : NULL;
    c->text[COL_WORDS] = q->text;
    c->text[COL_NAME] = q->name;
    c->text[COL_AGE] = q->age_band;
    c->text[COL_LANG] = q->lang ? report_language_name(q->lang) : NULL;
    c->text[COL_KIOSK] = q->kiosk;
    c->text[COL_CONSULTATION] = k && k->title ? k->title : q->consultation;
    c->text[COL_QUESTION] = q->question;
    c->text[COL_KEY] = q->key;
    for (int i = 0; k && i < k->n_questions; i++) {
        const question *qu = &k->questions[i];
        if (q->question && !strcmp(qu->id, q->question))
            c->text[COL_QUESTION] = qu->label ? qu->label : qu->title;
        int o = qu->type == Q_AGE_BAND && q->age_band ? consult_option_index(qu, q->age_band) : -1;
        if (o >= 0) c->text[COL_AGE] = qu->options[o].label; /* the config's own words for it */
    }
    c->has_when = parse_when(q->at, c->when);
    if (c->has_when)
        snprintf(c->when_text, sizeof c->when_text, "%04d-%02d-%02d %02d:%02d:%02d", c->when[0], c->when[1],
                 c->when[2], c->when[3], c->when[4], c->when[5]);
    c->text[COL_WHEN] = c->has_when ? c->when_text : q->at;
}

/* The rows' order: quotes nobody has decided first, then the decided; each newest first as qs
 * holds them. The caller frees the array. */
static size_t *row_order(const quote_set *qs) {
    size_t *order = malloc((qs->n ? qs->n : 1) * sizeof *order), n = 0;
    for (int decided = 0; order && decided < 2; decided++)
        for (size_t i = 0; i < qs->n; i++) {
            quote_state s = qs->items[i].state;
            if ((s == QUOTE_APPROVED || s == QUOTE_HIDDEN) == decided) order[n++] = i;
        }
    return order;
}

void quote_review_held_kinds(const quote_set *qs, long by_kind[QUOTE_FLAG_KINDS]) {
    memset(by_kind, 0, QUOTE_FLAG_KINDS * sizeof *by_kind);
    for (size_t i = 0; i < qs->n; i++)
        for (int k = 0; k < QUOTE_FLAG_KINDS; k++)
            by_kind[k] += qs->items[i].state == QUOTE_HELD && (qs->items[i].check.flags & (1u << k));
}

/* ---- CSV --------------------------------------------------------------------------------- */

/* Every field quoted (RFC 4180 allows it, and no field can then be misread), quotes doubled; a
 * field a spreadsheet would run as a formula gets a leading quote, as export's CSV does. */
static void csv_field(FILE *f, const char *s, bool first) {
    if (!first) fputc(',', f);
    if (!s) return;
    fputc('"', f);
    if (strchr("=+-@\t\r", s[0]) && s[0]) fputc('\'', f);
    for (; *s; s++) {
        if (*s == '"') fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

typedef struct review_job {
    const quote_set *qs;
    const config *cfg;
    const char *tmp; /* xlsx: the finished workbook to copy */
} review_job;

static bool write_csv(FILE *out, const void *ctx, pk_error *err) {
    const review_job *job = ctx;
    size_t *order = row_order(job->qs);
    if (!order) return pk_fail(err, "out of memory");
    fputs("\xEF\xBB\xBF", out);
    for (int c = 0; c < N_COLS; c++) csv_field(out, col_names[c], c == 0);
    fputs("\r\n", out);
    for (size_t r = 0; r < job->qs->n; r++) {
        quote_cells cells;
        quote_cells_of(&job->qs->items[order[r]], job->cfg, &cells);
        for (int c = 0; c < N_COLS; c++) csv_field(out, cells.text[c], c == 0);
        fputs("\r\n", out);
    }
    free(order);
    return ferror(out) ? pk_fail(err, "writing the sheet failed: %s", strerror(errno)) : true;
}

/* ---- xlsx -------------------------------------------------------------------------------- */

typedef struct xsheet {
    lxw_worksheet *ws;
    lxw_format *head, *decision_head, *decision, *text, *wrap, *when;
    lxw_error error; /* the first thing libxlsxwriter refused */
} xsheet;

static void note(xsheet *x, lxw_error e) {
    if (e != LXW_NO_ERROR && x->error == LXW_NO_ERROR) x->error = e;
}

static void xlsx_rows(xsheet *x, const quote_set *qs, const config *cfg, const size_t *order) {
    for (size_t r = 0; r < qs->n; r++) {
        lxw_row_t row = (lxw_row_t)(r + 1);
        quote_cells cells;
        quote_cells_of(&qs->items[order[r]], cfg, &cells);
        /* The decision cell is written even when blank: it carries the highlight. */
        if (cells.text[COL_DECISION])
            note(x, worksheet_write_string(x->ws, row, COL_DECISION, cells.text[COL_DECISION], x->decision));
        else
            note(x, worksheet_write_blank(x->ws, row, COL_DECISION, x->decision));
        for (int c = 1; c < N_COLS; c++) {
            if (c == COL_WHEN && cells.has_when) {
                lxw_datetime dt = {cells.when[0], cells.when[1], cells.when[2], cells.when[3], cells.when[4],
                                   cells.when[5]};
                note(x, worksheet_write_datetime(x->ws, row, (lxw_col_t)c, &dt, x->when));
            } else if (cells.text[c] && cells.text[c][0]) {
                /* worksheet_write_string: always a text cell, so "=SUM(A1)" stays words */
                lxw_format *fmt = c == COL_WORDS || c == COL_HELD ? x->wrap : x->text;
                note(x, worksheet_write_string(x->ws, row, (lxw_col_t)c, cells.text[c], fmt));
            }
        }
    }
}

static bool build_workbook(const char *file, const quote_set *qs, const config *cfg, pk_error *err) {
    if (qs->n >= LXW_ROW_MAX) return pk_fail(err, "%zu quotes do not fit on one sheet", qs->n);
    size_t *order = row_order(qs);
    lxw_workbook *wb = order ? workbook_new(file) : NULL;
    xsheet x = {0};
    x.ws = wb ? workbook_add_worksheet(wb, QUOTE_REVIEW_SHEET) : NULL;
    lxw_format **fmts[] = {&x.head, &x.decision_head, &x.decision, &x.text, &x.wrap, &x.when};
    for (size_t i = 0; x.ws && i < sizeof fmts / sizeof fmts[0]; i++)
        if (!(*fmts[i] = workbook_add_format(wb))) x.ws = NULL;
    if (!x.ws) {
        if (wb) workbook_close(wb);
        free(order);
        return pk_fail(err, "cannot start the spreadsheet: out of memory");
    }
    format_set_bold(x.head);
    format_set_bottom(x.head, LXW_BORDER_THIN);
    format_set_text_wrap(x.head);
    format_set_bold(x.decision_head);
    format_set_bottom(x.decision_head, LXW_BORDER_THIN);
    format_set_bg_color(x.decision_head, 0xF6C343);
    format_set_bg_color(x.decision, 0xFFF2CC); /* the column to fill in stands out */
    format_set_bold(x.decision);
    format_set_border(x.decision, LXW_BORDER_THIN);
    format_set_border_color(x.decision, 0xBF9000);
    format_set_unlocked(x.decision);
    lxw_format *top[] = {x.decision, x.text, x.wrap, x.when};
    for (size_t i = 0; i < 4; i++) format_set_align(top[i], LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(x.wrap);
    format_set_num_format(x.when, "yyyy-mm-dd hh:mm");

    for (int c = 0; c < N_COLS; c++) {
        note(&x, worksheet_write_string(x.ws, 0, (lxw_col_t)c, col_names[c], c ? x.head : x.decision_head));
        note(&x, worksheet_set_column(x.ws, (lxw_col_t)c, (lxw_col_t)c, col_widths[c], NULL));
    }
    lxw_comment_options wide = {.width = 300, .height = 90};
    note(&x, worksheet_write_comment_opt(x.ws, 0, COL_DECISION, DECISION_HELP, &wide));
    note(&x, worksheet_write_comment_opt(x.ws, 0, COL_KEY, KEY_HELP, &wide));
    xlsx_rows(&x, qs, cfg, order);
    worksheet_freeze_panes(x.ws, 1, 0);
    /* Printed for a meeting: across the page, every column on it, the header on each page. */
    worksheet_set_landscape(x.ws);
    worksheet_fit_to_pages(x.ws, 1, 0);
    note(&x, worksheet_repeat_rows(x.ws, 0, 0));
    if (qs->n) {
        char *choices[] = {"approve", "hide", NULL};
        lxw_data_validation dv = {.validate = LXW_VALIDATION_TYPE_LIST,
                                  .value_list = choices,
                                  .input_title = "Decision",
                                  .input_message = "approve, hide, or blank to decide later",
                                  .error_title = "Decision",
                                  .error_message = "Type approve or hide, or leave it blank."};
        note(&x, worksheet_data_validation_range(x.ws, 1, COL_DECISION, (lxw_row_t)qs->n, COL_DECISION, &dv));
        note(&x, worksheet_autofilter(x.ws, 0, 0, (lxw_row_t)qs->n, N_COLS - 1));
    }
    free(order);
    lxw_error closed = workbook_close(wb);
    if (x.error != LXW_NO_ERROR) return pk_fail(err, "cannot make the spreadsheet: %s", lxw_strerror(x.error));
    if (closed != LXW_NO_ERROR) return pk_fail(err, "cannot make the spreadsheet: %s", lxw_strerror(closed));
    return true;
}

/* export_write_file's writer for the finished workbook: the whole file, read in one piece (a
 * review sheet is at most a few MB). */
static bool copy_workbook_into(FILE *out, const void *ctx, pk_error *err) {
    const review_job *job = ctx;
    FILE *in = fopen(job->tmp, "rb");
    if (!in) return pk_fail(err, "%s: %s", job->tmp, strerror(errno));
    bool ok = true;
    for (int ch; ok && (ch = getc(in)) != EOF;) ok = putc(ch, out) != EOF;
    ok = ok && !ferror(in);
    fclose(in);
    return ok ? true : pk_fail(err, "copying the spreadsheet failed: %s", strerror(errno));
}

static bool has_ext(const char *path, const char *ext) {
    const char *dot = path ? strrchr(path, '.') : NULL;
    return dot && !strchr(dot, '/') && !strcasecmp(dot + 1, ext);
}

bool quote_review_write(const char *path, const quote_set *qs, const config *cfg, const export_set *set,
                        pk_error *err) {
    review_job job = {qs, cfg, NULL};
    if (!path || !strcmp(path, "-")) return pk_fail(err, "the review sheet needs a file name (.xlsx or .csv)");
    if (has_ext(path, "csv")) return export_write_file(path, set, write_csv, &job, err);
    if (!has_ext(path, "xlsx")) return pk_fail(err, "%s: the review sheet is an .xlsx or a .csv file", path);
    const char *dir = getenv("TMPDIR");
    char tmp[PATH_MAX];
    int len = snprintf(tmp, sizeof tmp, "%s/plankiosk-review-XXXXXX", dir && *dir ? dir : "/tmp");
    if (len < 0 || (size_t)len >= sizeof tmp) return pk_fail(err, "TMPDIR is too long a path");
    int fd = mkstemp(tmp);
    if (fd < 0) return pk_fail(err, "cannot make a temporary file in %s: %s", dir && *dir ? dir : "/tmp", strerror(errno));
    close(fd);
    job.tmp = tmp;
    bool ok = build_workbook(tmp, qs, cfg, err) && export_write_file(path, set, copy_workbook_into, &job, err);
    unlink(tmp);
    return ok;
}

/* ---- reading back: a grid of text cells ---------------------------------------------------- */

typedef struct gcell {
    long row;  /* from 1 */
    int col;   /* from 1 */
    long line; /* csv: the line and character column the field starts at */
    int line_col;
    char *text;
} gcell;

typedef struct grid {
    gcell *c;
    size_t n, cap;
    bool csv;
    char sheet[64]; /* xlsx: the sheet's name */
} grid;

static bool grid_add(grid *g, long row, int col, const char *s, size_t len) {
    if (g->n == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 256;
        gcell *c = realloc(g->c, cap * sizeof *c);
        if (!c) return false;
        g->c = c, g->cap = cap;
    }
    char *text = strndup(s, len);
    if (!text) return false;
    g->c[g->n++] = (gcell){row, col, 0, 0, text};
    return true;
}

static void grid_free(grid *g) {
    for (size_t i = 0; i < g->n; i++) free(g->c[i].text);
    free(g->c);
}

/* "A7" for a 1-based column and row */
static void cell_name(int col, long row, char *buf, size_t size) {
    char letters[8];
    int n = 0;
    for (int c = col; c > 0 && n < 7; c = (c - 1) / 26) letters[n++] = (char)('A' + (c - 1) % 26);
    size_t at = 0;
    while (n > 0 && at + 1 < size) buf[at++] = letters[--n];
    snprintf(buf + at, size - at, "%ld", row);
}

static void where(const grid *g, const gcell *c, char *buf, size_t size) {
    char name[24];
    if (g->csv) {
        snprintf(buf, size, "line %ld", c->line);
        return;
    }
    cell_name(c->col, c->row, name, sizeof name);
    snprintf(buf, size, "%s!%s", g->sheet, name);
}

/* ---- CSV, read ----------------------------------------------------------------------------- */

/* The separator: the sheet may have been saved again by a spreadsheet set for a language that
 * writes ';' (or by one that writes tabs). The most common of them in the first line wins. */
static char csv_separator(const char *s, size_t n) {
    size_t count[3] = {0};
    const char seps[3] = {',', ';', '\t'};
    bool quoted = false;
    for (size_t i = 0; i < n && (quoted || (s[i] != '\n' && s[i] != '\r')); i++) {
        if (s[i] == '"') quoted = !quoted;
        for (int k = 0; k < 3 && !quoted; k++) count[k] += s[i] == seps[k];
    }
    int best = 0;
    for (int k = 1; k < 3; k++)
        if (count[k] > count[best]) best = k;
    return seps[best];
}

static bool csv_read(const char *s, size_t n, grid *g, pk_error *err) {
    if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) s += 3, n -= 3;
    char sep = csv_separator(s, n);
    char *field = malloc(n + 1);
    if (!field) return pk_fail(err, "out of memory");
    long row = 1, line = 1;
    int col = 1;
    size_t i = 0, line_start = 0;
    bool ok = true;
    while (ok && i < n) {
        long f_line = line;
        int f_col = 1;
        for (size_t k = line_start; k < i; k++) f_col += ((unsigned char)s[k] & 0xC0) != 0x80;
        size_t len = 0;
        if (s[i] == '"') {
            for (i++; i < n; i++) {
                if (s[i] == '"' && i + 1 < n && s[i + 1] == '"') field[len++] = '"', i++;
                else if (s[i] == '"') break;
                else {
                    if (s[i] == '\n') line++, line_start = i + 1;
                    field[len++] = s[i];
                }
            }
            if (i >= n) {
                free(field);
                return pk_fail(err, "%ld:%d: a quoted field is not closed", f_line, f_col);
            }
            i++; /* the closing quote; anything up to the separator is kept, as spreadsheets do */
        }
        while (i < n && s[i] != sep && s[i] != '\n' && s[i] != '\r') field[len++] = s[i++];
        if (len) {
            ok = grid_add(g, row, col, field, len);
            if (ok) g->c[g->n - 1].line = f_line, g->c[g->n - 1].line_col = f_col;
        }
        if (i < n && s[i] == sep) {
            col++, i++;
            if (i == n) break;
            continue;
        }
        if (i < n && s[i] == '\r') i++;
        if (i < n && s[i] == '\n') i++;
        line++, line_start = i, row++, col = 1;
    }
    free(field);
    return ok ? true : pk_fail(err, "out of memory");
}

/* ---- xlsx, read ---------------------------------------------------------------------------- */

/* One part of the zip, NUL-terminated, into *out (the caller frees it); false when the part is
 * not there (err says so only when it is there but cannot be read). */
static bool zip_part(zip_t *z, const char *name, char **out, size_t *len, bool *missing, pk_error *err) {
    zip_stat_t st;
    *out = NULL, *missing = false;
    if (zip_stat(z, name, 0, &st) != 0) {
        *missing = true;
        return pk_fail(err, "it has no %s: is it an .xlsx spreadsheet?", name);
    }
    if (!(st.valid & ZIP_STAT_SIZE) || st.size > (zip_uint64_t)MAX_PART)
        return pk_fail(err, "%s is larger than a review sheet can be", name);
    zip_file_t *f = zip_fopen(z, name, 0);
    char *buf = f ? malloc(st.size + 1) : NULL;
    zip_int64_t got = buf ? zip_fread(f, buf, st.size) : -1;
    if (f) zip_fclose(f);
    if (got < 0 || (zip_uint64_t)got != st.size) {
        free(buf);
        return pk_fail(err, "%s cannot be read from the zip: %s", name, zip_strerror(z));
    }
    buf[st.size] = '\0';
    *out = buf, *len = (size_t)st.size;
    return true;
}

static xmlDocPtr xml_part(zip_t *z, const char *name, bool *missing, pk_error *err) {
    char *buf = NULL;
    size_t len = 0;
    if (!zip_part(z, name, &buf, &len, missing, err)) return NULL;
    /* No network, no entities substituted: the file is from outside. */
    xmlDocPtr doc = xmlReadMemory(buf, (int)len, name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    free(buf);
    if (!doc) {
        const xmlError *e = xmlGetLastError();
        pk_fail(err, "%s:%d: not well-formed XML%s%s", name, e ? e->line : 0, e && e->message ? ": " : "",
                e && e->message ? e->message : "");
        if (err) err->msg[strcspn(err->msg, "\n")] = '\0';
    }
    return doc;
}

static bool is(const xmlNode *n, const char *local) {
    return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, local);
}

/* An attribute by its local name, whatever its namespace (r:id is in one of two, by the
 * flavour of OOXML); the caller frees it. */
static char *attr(const xmlNode *n, const char *local) {
    for (xmlAttr *a = n->properties; a; a = a->next)
        if (!strcmp((const char *)a->name, local)) return (char *)xmlNodeGetContent((const xmlNode *)a);
    return NULL;
}

static const xmlNode *child(const xmlNode *n, const char *local) {
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (is(c, local)) return c;
    return NULL;
}

/* The text of a string item (<si>, <is>): every <t>, the runs' too, but not the phonetic
 * guides (<rPh>) Excel adds to East Asian text. */
static void string_item(const xmlNode *n, xmlBufferPtr out) {
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (is(c, "rPh")) continue;
        if (is(c, "t")) {
            xmlChar *t = xmlNodeGetContent(c);
            if (t) xmlBufferCat(out, t);
            xmlFree(t);
        } else if (c->type == XML_ELEMENT_NODE) {
            string_item(c, out);
        }
    }
}

typedef struct strings {
    char **s;
    size_t n;
} strings;

static void strings_free(strings *st) {
    for (size_t i = 0; i < st->n; i++) xmlFree(st->s[i]);
    free(st->s);
}

static bool read_shared_strings(zip_t *z, const char *name, strings *st, pk_error *err) {
    bool missing;
    xmlDocPtr doc = xml_part(z, name, &missing, err);
    if (!doc) return missing; /* a sheet of numbers only has none */
    const xmlNode *root = xmlDocGetRootElement(doc);
    size_t n = 0;
    for (const xmlNode *c = root ? root->children : NULL; c; c = c->next) n += is(c, "si");
    st->s = calloc(n ? n : 1, sizeof *st->s);
    for (const xmlNode *c = root ? root->children : NULL; st->s && c; c = c->next) {
        if (!is(c, "si")) continue;
        xmlBufferPtr b = xmlBufferCreate();
        if (b) string_item(c, b);
        st->s[st->n++] = b ? (char *)xmlStrdup(xmlBufferContent(b)) : NULL;
        xmlBufferFree(b);
    }
    xmlFreeDoc(doc);
    return st->s ? true : pk_fail(err, "out of memory");
}

/* "xl/" + a target of the workbook's relationships ("worksheets/sheet1.xml", or absolute
 * "/xl/worksheets/sheet1.xml" as some writers put it). */
static void part_path(const char *target, char *buf, size_t size) {
    if (target[0] == '/') snprintf(buf, size, "%s", target + 1);
    else snprintf(buf, size, "xl/%s", target);
}

/* The first sheet's name and part, and the shared strings' part. */
static bool find_parts(zip_t *z, char *sheet, size_t sheet_size, char *sheet_part, char *strings_part,
                       size_t part_size, pk_error *err) {
    bool missing;
    xmlDocPtr wb = xml_part(z, "xl/workbook.xml", &missing, err);
    if (!wb) return false;
    char *rid = NULL;
    const xmlNode *sheets = child(xmlDocGetRootElement(wb), "sheets"), *first = child(sheets, "sheet");
    if (first) {
        char *name = attr(first, "name");
        snprintf(sheet, sheet_size, "%s", name ? name : "Sheet1");
        xmlFree(name);
        rid = attr(first, "id");
    }
    xmlFreeDoc(wb);
    if (!rid) return pk_fail(err, "its workbook names no sheet");
    xmlDocPtr rels = xml_part(z, "xl/_rels/workbook.xml.rels", &missing, err);
    snprintf(strings_part, part_size, "xl/sharedStrings.xml");
    sheet_part[0] = '\0';
    for (const xmlNode *r = rels ? xmlDocGetRootElement(rels)->children : NULL; r; r = r->next) {
        if (!is(r, "Relationship")) continue;
        char *id = attr(r, "Id"), *target = attr(r, "Target"), *type = attr(r, "Type");
        if (id && target && !strcmp(id, rid)) part_path(target, sheet_part, part_size);
        size_t tl = type ? strlen(type) : 0;
        if (target && tl >= 14 && !strcmp(type + tl - 14, "/sharedStrings")) part_path(target, strings_part, part_size);
        xmlFree(id), xmlFree(target), xmlFree(type);
    }
    xmlFree(rid);
    if (rels) xmlFreeDoc(rels);
    return sheet_part[0] ? true : pk_fail(err, "the workbook's first sheet (%s) is not in it", sheet);
}

/* "B12" -> column 2, row 12; false for anything else. */
static bool parse_ref(const char *ref, int *col, long *row) {
    int c = 0;
    const char *p = ref;
    for (; *p >= 'A' && *p <= 'Z' && c < 20000; p++) c = c * 26 + (*p - 'A' + 1);
    char *end;
    long r = strtol(p, &end, 10);
    if (!c || p == ref || *end || r < 1) return false;
    *col = c, *row = r;
    return true;
}

/* The cell being read by the worksheet's reader. */
typedef struct sheet_cell {
    long row;
    int col;
    char type[16];     /* its t: "s" shared, "inlineStr", "str"...; "" a number */
    xmlBufferPtr text; /* <v>, or an inline string's <t>s */
    bool open;
} sheet_cell;

static char *reader_attr(xmlTextReaderPtr rd, const char *name) {
    return (char *)xmlTextReaderGetAttribute(rd, (const xmlChar *)name);
}

/* The cell as text into the grid: a shared string looked up, anything else as written. */
static bool cell_done(sheet_cell *c, const strings *st, grid *g) {
    c->open = false;
    const char *v = (const char *)xmlBufferContent(c->text);
    if (!strcmp(c->type, "s")) {
        char *end;
        unsigned long i = strtoul(v, &end, 10);
        v = *v && *end == '\0' && i < st->n ? st->s[i] : NULL;
    }
    return !v || !*v || grid_add(g, c->row, c->col, v, strlen(v));
}

/* The first worksheet's cells, streamed (xmlTextReader): a sheet of 20,000 quotes as a tree
 * would cost some 300 MB; streamed it costs its text. Rows and cells without an r attribute
 * follow the one before, as the format allows. */
static bool read_sheet_cells(const char *buf, size_t len, const char *name, const strings *st, grid *g,
                             pk_error *err) {
    xmlTextReaderPtr rd = xmlReaderForMemory(buf, (int)len, name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                                           XML_PARSE_NOWARNING);
    sheet_cell c = {.text = xmlBufferCreate()};
    if (!rd || !c.text) {
        xmlFreeTextReader(rd), xmlBufferFree(c.text);
        return pk_fail(err, "out of memory");
    }
    bool ok = true, in_value = false;
    int skip_depth = -1; /* inside a phonetic guide (<rPh>): not the cell's text */
    int r;
    while (ok && (r = xmlTextReaderRead(rd)) == 1) {
        int type = xmlTextReaderNodeType(rd), depth = xmlTextReaderDepth(rd);
        const char *local = (const char *)xmlTextReaderConstLocalName(rd);
        bool empty = xmlTextReaderIsEmptyElement(rd);
        if (skip_depth >= 0) {
            if (type == XML_READER_TYPE_END_ELEMENT && depth == skip_depth) skip_depth = -1;
            continue;
        }
        if (type == XML_READER_TYPE_ELEMENT && !strcmp(local, "row")) {
            char *rn = reader_attr(rd, "r");
            c.row = rn ? strtol(rn, NULL, 10) : c.row + 1;
            c.col = 0;
            xmlFree(rn);
        } else if (type == XML_READER_TYPE_ELEMENT && !strcmp(local, "c")) {
            char *ref = reader_attr(rd, "r"), *t = reader_attr(rd, "t");
            long ref_row;
            if (!ref || !parse_ref(ref, &c.col, &ref_row)) c.col++;
            snprintf(c.type, sizeof c.type, "%s", t ? t : "");
            xmlFree(ref), xmlFree(t);
            xmlBufferEmpty(c.text);
            c.open = !empty;
        } else if (type == XML_READER_TYPE_ELEMENT && c.open && !strcmp(local, "rPh") && !empty) {
            skip_depth = depth;
        } else if (type == XML_READER_TYPE_ELEMENT && c.open && (!strcmp(local, "v") || !strcmp(local, "t"))) {
            in_value = !empty;
        } else if (type == XML_READER_TYPE_END_ELEMENT && (!strcmp(local, "v") || !strcmp(local, "t"))) {
            in_value = false;
        } else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                    type == XML_READER_TYPE_CDATA) && in_value) {
            const xmlChar *v = xmlTextReaderConstValue(rd);
            if (v && xmlBufferCat(c.text, v) != 0) ok = pk_fail(err, "out of memory");
        } else if (type == XML_READER_TYPE_END_ELEMENT && c.open && !strcmp(local, "c")) {
            if (!cell_done(&c, st, g)) ok = pk_fail(err, "out of memory");
        }
    }
    if (ok && r != 0) {
        const xmlError *e = xmlGetLastError();
        ok = pk_fail(err, "%s:%d: not well-formed XML", name, e ? e->line : 0);
    }
    xmlFreeTextReader(rd);
    xmlBufferFree(c.text);
    return ok;
}

static bool xlsx_read(const char *path, grid *g, pk_error *err) {
    int zerr = 0;
    zip_t *z = zip_open(path, ZIP_RDONLY, &zerr);
    if (!z) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, zerr);
        pk_fail(err, "cannot open it as an .xlsx spreadsheet: %s", zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return false;
    }
    char sheet_part[512], strings_part[512], *sheet = NULL;
    size_t len = 0;
    strings st = {0};
    bool missing, ok = find_parts(z, g->sheet, sizeof g->sheet, sheet_part, strings_part, sizeof sheet_part, err) &&
                       read_shared_strings(z, strings_part, &st, err) &&
                       zip_part(z, sheet_part, &sheet, &len, &missing, err) &&
                       read_sheet_cells(sheet, len, sheet_part, &st, g, err);
    free(sheet);
    strings_free(&st);
    zip_discard(z);
    return ok;
}

/* ---- decisions ------------------------------------------------------------------------- */

static void trim(const char *s, const char **start, size_t *len) {
    while (*s && isspace((unsigned char)*s)) s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1])) n--;
    *start = s, *len = n;
}

static bool word_is(const char *s, size_t n, const char *const *words) {
    for (; *words; words++)
        if (strlen(*words) == n && !strncasecmp(s, *words, n)) return true;
    return false;
}

bool quote_review_parse_choice(const char *s, quote_review_choice *out) {
    static const char *const approve[] = {"approve", "approved", "yes", "show", NULL},
                             *const hide[] = {"hide", "hidden", "no", NULL};
    const char *w;
    size_t n;
    trim(s ? s : "", &w, &n);
    if (!n) *out = QUOTE_REVIEW_BLANK;
    else if (word_is(w, n, approve)) *out = QUOTE_REVIEW_APPROVE;
    else if (word_is(w, n, hide)) *out = QUOTE_REVIEW_HIDE;
    else return false;
    return true;
}

static bool header_is(const char *s, const char *name) {
    const char *w;
    size_t n;
    trim(s, &w, &n);
    return n == strlen(name) && !strncasecmp(w, name, n);
}

static int by_row_col(const void *pa, const void *pb) {
    const gcell *a = pa, *b = pb;
    return a->row != b->row ? (a->row < b->row ? -1 : 1) : (a->col > b->col) - (a->col < b->col);
}

static bool add_row(quote_review *rv, const char *key, size_t key_len, quote_review_choice choice, const char *cell,
                    const gcell *at) {
    if (rv->n == rv->cap) {
        size_t cap = rv->cap ? rv->cap * 2 : 64;
        quote_review_row *r = realloc(rv->rows, cap * sizeof *r);
        if (!r) return false;
        rv->rows = r, rv->cap = cap;
    }
    quote_review_row *r = &rv->rows[rv->n++];
    snprintf(r->key, sizeof r->key, "%.*s", (int)key_len, key);
    r->choice = choice;
    snprintf(r->cell, sizeof r->cell, "%s", cell);
    r->line = (int)at->line, r->col = at->line_col;
    return true;
}

/* The row of a key already read (index: key -> its row, a jansson object as a hash), or NULL. */
static quote_review_row *row_of(quote_review *rv, const json_t *index, const char *key, size_t len) {
    json_t *i = json_object_getn(index, key, len);
    return i ? &rv->rows[json_integer_value(i)] : NULL;
}

/* A problem at cell c: "FILE:LINE:COL: ..." for a CSV, "FILE: Quotes!A7: ..." for a sheet. */
static void problem(diag_list *p, const char *file, const grid *g, const gcell *c, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void problem(diag_list *p, const char *file, const grid *g, const gcell *c, const char *fmt, ...) {
    char msg[DIAG_LEN], at[96];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (g->csv) {
        diag_add(p, file, (int)c->line, c->line_col, "%s", msg);
    } else {
        where(g, c, at, sizeof at);
        diag_add(p, file, 0, 0, "%s: %s", at, msg);
    }
}

static void decide(const char *file, grid *g, quote_review *rv, diag_list *problems) {
    qsort(g->c, g->n, sizeof *g->c, by_row_col);
    /* The header row: the first that has both a Decision and a Key cell. */
    long head = 0;
    int dcol = 0, kcol = 0;
    for (size_t i = 0; i < g->n && !head; i++) {
        size_t j = i;
        int d = 0, k = 0;
        for (; j < g->n && g->c[j].row == g->c[i].row; j++) {
            if (!d && header_is(g->c[j].text, col_names[COL_DECISION])) d = g->c[j].col;
            if (!k && header_is(g->c[j].text, col_names[COL_KEY])) k = g->c[j].col;
        }
        if (d && k) head = g->c[i].row, dcol = d, kcol = k;
        i = j - 1;
    }
    if (!head) {
        diag_add(problems, file, 0, 0, "no row has both a \"Decision\" and a \"Key\" column: is it a review sheet "
                                       "made by plankiosk quotes --review?");
        return;
    }
    json_t *index = json_object();
    if (!index) {
        diag_add(problems, file, 0, 0, "out of memory");
        return;
    }
    for (size_t i = 0; i < g->n; i++) {
        if (g->c[i].row <= head) continue;
        const gcell *dc = NULL, *kc = NULL;
        size_t j = i;
        for (; j < g->n && g->c[j].row == g->c[i].row; j++) {
            if (g->c[j].col == dcol) dc = &g->c[j];
            if (g->c[j].col == kcol) kc = &g->c[j];
        }
        i = j - 1;
        quote_review_choice choice = QUOTE_REVIEW_BLANK;
        if (dc && !quote_review_parse_choice(dc->text, &choice)) {
            problem(problems, file, g, dc, "\"%.60s\" is not approve or hide", dc->text);
            continue;
        }
        const char *key = "";
        size_t key_len = 0;
        if (kc) trim(kc->text, &key, &key_len);
        if (!key_len) {
            if (choice != QUOTE_REVIEW_BLANK)
                problem(problems, file, g, dc, "a decision, but the row's Key is empty, so it names no quote");
            continue;
        }
        if (key_len >= QUOTE_KEY_LEN || !memchr(key, ':', key_len)) {
            problem(problems, file, g, kc, "\"%.60s\" is not a quote's key (was it changed?)", key);
            continue;
        }
        char at[sizeof rv->rows[0].cell];
        where(g, dc ? dc : kc, at, sizeof at);
        quote_review_row *seen = row_of(rv, index, key, key_len);
        if (seen && seen->choice != choice && seen->choice != QUOTE_REVIEW_BLANK && choice != QUOTE_REVIEW_BLANK) {
            problem(problems, file, g, dc, "the same quote as %s, with a different decision", seen->cell);
            continue;
        }
        if (seen) {
            if (choice != QUOTE_REVIEW_BLANK) {
                seen->choice = choice, seen->line = (int)dc->line, seen->col = dc->line_col;
                snprintf(seen->cell, sizeof seen->cell, "%s", at);
            }
            continue;
        }
        if (!add_row(rv, key, key_len, choice, at, dc ? dc : kc) ||
            json_object_setn_new(index, key, key_len, json_integer((json_int_t)rv->n - 1))) {
            diag_add(problems, file, 0, 0, "out of memory");
            break;
        }
    }
    json_decref(index);
}

void quote_review_free(quote_review *rv) {
    if (!rv) return;
    free(rv->rows);
    memset(rv, 0, sizeof *rv);
}

static bool read_whole(const char *path, char **out, size_t *len, pk_error *err) {
    FILE *f = fopen(path, "rb");
    if (!f) return pk_fail(err, "%s: %s", path, strerror(errno));
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (cap - n < 65536) {
            if (cap > (size_t)MAX_PART) break;
            char *b = realloc(buf, cap = cap * 2 + 65536);
            if (!b) break;
            buf = b;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) break;
    }
    bool ok = !ferror(f) && feof(f);
    fclose(f);
    if (!ok) {
        free(buf);
        return pk_fail(err, "%s: cannot be read whole (too large, or a read error)", path);
    }
    buf[n] = '\0';
    *out = buf, *len = n;
    return true;
}

bool quote_review_read(const char *path, quote_review *rv, diag_list *problems, pk_error *err) {
    memset(rv, 0, sizeof *rv);
    grid g = {.csv = has_ext(path, "csv")};
    pk_error why = {{0}};
    bool ok;
    if (g.csv) {
        char *buf = NULL;
        size_t len = 0;
        ok = read_whole(path, &buf, &len, err);
        if (ok && !(ok = csv_read(buf, len, &g, &why))) pk_fail(err, "%s:%s", path, why.msg);
        free(buf);
    } else if (has_ext(path, "xlsx")) {
        xmlInitParser();
        if (!(ok = xlsx_read(path, &g, &why))) pk_fail(err, "%s: %s", path, why.msg);
    } else {
        ok = pk_fail(err, "%s: give the review sheet as an .xlsx or a .csv file", path);
    }
    diag_list *mine = NULL;
    if (ok && !problems) problems = mine = calloc(1, sizeof *mine);
    int before = problems ? problems->count + problems->dropped : 0;
    if (ok && problems) decide(path, &g, rv, problems);
    grid_free(&g);
    if (ok && problems && problems->count + problems->dropped > before) {
        pk_fail(err, "%s", problems->count > before ? problems->items[before] : "too many problems");
        ok = false;
    } else if (ok && !problems) {
        ok = pk_fail(err, "out of memory");
    }
    free(mine);
    if (!ok) quote_review_free(rv);
    for (size_t i = 0; ok && i < rv->n; i++) {
        if (rv->rows[i].choice == QUOTE_REVIEW_APPROVE) rv->approve++;
        else if (rv->rows[i].choice == QUOTE_REVIEW_HIDE) rv->hide++;
        else rv->blank++;
    }
    return ok;
}
