/* export: reads feedback trees into one merged, de-duplicated, filtered and sorted set, and
 * writes it as CSV, JSON or JSON Lines (the contract is in export.h).
 *
 * Reading is deliberately forgiving and loud: every line stands alone, and a line that cannot
 * be used (cut off by a power cut, not JSON, not UTF-8, not a record, sealed for another key)
 * is listed with its FILE:LINE and skipped. Writing is deliberately careful: a file is written
 * beside its final name and renamed into place only when it is complete and on disk.
 *
 * The CSV is for Excel and LibreOffice: a UTF-8 byte-order mark (without it Excel reads the
 * file as Windows-1252 and mangles "ł" and "£"), CRLF line ends, quotes where RFC 4180 needs
 * them, and any text cell that a spreadsheet would run as a formula (it starts with = + - @,
 * tab or CR) prefixed with a single quote, so a visitor cannot plant "=HYPERLINK(...)" in a
 * council officer's spreadsheet. Which columns there are, and what each cell holds, is
 * export_columns' (shared with the .xlsx writer, export_xlsx.c); this file only spells them
 * as CSV. */
#include "export/export.h"
#include "export/export_columns.h"
#include "platform/paths.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/config.h"
#include "text/utf8.h"

#define ABANDONED_DIR "abandoned"
#define MAX_DEPTH 32 /* a folder loop made of symlinks ends here */

/* ---- small helpers --------------------------------------------------------------------- */

static bool ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

const char *export_field_str(const json_t *rec, const char *key) {
    const char *dot = strchr(key, '.');
    if (!dot) return json_string_value(json_object_get(rec, key));
    char head[64];
    snprintf(head, sizeof head, "%.*s", (int)(dot - key), key);
    return json_string_value(json_object_get(json_object_get(rec, head), dot + 1));
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
static long long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static bool digits(const char *s, int n) {
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

static int num(const char *s, int n) {
    int v = 0;
    for (int i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
    return v;
}

/* "2026-07-15T13:34:56+01:00": the local date and time of day (seconds since its midnight),
 * and the instant in UTC. The date must be there and real; the time and offset are read when
 * present (a missing time counts as midnight). */
static bool parse_at(const char *s, pk_date *day, int *clock, long long *utc) {
    if (!s || strlen(s) < 10 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-' ||
        !digits(s + 8, 2))
        return false;
    char date[11];
    memcpy(date, s, 10);
    date[10] = '\0';
    if (!date_parse(date, day, NULL) || day->day == 0) return false;
    int h = 0, mi = 0, se = 0, off = 0;
    const char *p = s + 10;
    if ((*p == 'T' || *p == ' ') && digits(p + 1, 2) && p[3] == ':' && digits(p + 4, 2)) {
        h = num(p + 1, 2);
        mi = num(p + 4, 2);
        p += 6;
        if (*p == ':' && digits(p + 1, 2)) {
            se = num(p + 1, 2);
            p += 3;
        }
        if (*p == '.')
            for (p++; *p >= '0' && *p <= '9'; p++) {
            }
        if ((*p == '+' || *p == '-') && digits(p + 1, 2)) {
            int oh = num(p + 1, 2), om = 0;
            if (p[3] == ':' && digits(p + 4, 2))
                om = num(p + 4, 2);
            else if (digits(p + 3, 2))
                om = num(p + 3, 2);
            off = (*p == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        }
    }
    *clock = h * 3600 + mi * 60 + se;
    *utc = days_from_civil(day->year, day->month, day->day) * 86400LL + *clock - off;
    return true;
}

/* ---- the set --------------------------------------------------------------------------- */

void export_set_free(export_set *set) {
    if (!set) return;
    for (size_t i = 0; i < set->n; i++) {
        json_decref(set->records[i].json);
        json_decref(set->records[i].answers);
    }
    json_decref(set->kiosks_seen);
    free(set->records);
    free(set->problems);
    free(set->inputs);
    memset(set, 0, sizeof *set);
}

static bool push_record(export_set *set, export_record r) {
    if (set->n == set->cap) {
        size_t ncap = set->cap ? set->cap * 2 : 256;
        export_record *grown = realloc(set->records, ncap * sizeof *grown);
        if (!grown) return false;
        set->records = grown;
        set->cap = ncap;
    }
    set->records[set->n++] = r;
    return true;
}

static void remember_input(export_set *set, const struct stat *st) {
    if (set->n_inputs == set->cap_inputs) {
        size_t ncap = set->cap_inputs ? set->cap_inputs * 2 : 64;
        export_input *grown = realloc(set->inputs, ncap * sizeof *grown);
        if (!grown) return; /* only a safety check is lost */
        set->inputs = grown;
        set->cap_inputs = ncap;
    }
    set->inputs[set->n_inputs++] = (export_input){st->st_dev, st->st_ino};
}

/* What collecting needs besides the set: the filter and the ids seen so far. */
typedef struct collector {
    export_set *set;
    const export_filter *filter;
    json_t *seen; /* object used as a set of ids */
    bool oom;
} collector;

static void problem(collector *c, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void problem(collector *c, const char *file, long line, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(c->set->problems, file, (int)line, 0, fmt, ap);
    va_end(ap);
}

static bool kiosk_wanted(const export_filter *f, const json_t *rec) {
    if (!f || f->n_kiosks == 0) return true;
    const char *k = json_string_value(json_object_get(rec, "kiosk"));
    if (!k) return false;
    for (int i = 0; i < f->n_kiosks; i++)
        if (f->kiosks[i] && strcmp(f->kiosks[i], k) == 0) return true;
    return false;
}

/* The consultation a record answered; the first journey's records have none of their own. */
static const char *record_consultation(const json_t *rec) {
    if (!json_is_object(json_object_get(rec, "answers"))) return EXPORT_FIRST_JOURNEY;
    return json_string_value(json_object_get(json_object_get(rec, "consultation"), "id"));
}

static bool consultation_wanted(const export_filter *f, const json_t *rec) {
    if (!f || f->n_consultations == 0) return true;
    const char *id = record_consultation(rec);
    for (int i = 0; id && i < f->n_consultations; i++)
        if (f->consultations[i] && strcmp(f->consultations[i], id) == 0) return true;
    return false;
}

/* The answers of a record, by question id: its own, or a first-journey record's fields under
 * the shipped question ids (a new reference either way). */
static json_t *answers_view(const json_t *rec) {
    json_t *own = json_object_get(rec, "answers");
    if (json_is_object(own)) return json_incref(own);
    static const char *const fields[] = {"themes", "rating", "text", "name", "age_band", "postcode_district",
                                         "consent_quote"};
    json_t *answers = json_object();
    for (size_t i = 0; answers && i < sizeof fields / sizeof fields[0]; i++) {
        json_t *v = json_object_get(rec, fields[i]);
        json_object_set(answers, fields[i], v ? v : json_null());
    }
    return answers;
}

const json_t *export_answer(const export_record *r, const char *id) { return json_object_get(r->answers, id); }

static bool date_wanted(const export_filter *f, pk_date day) {
    if (!f) return true;
    if (f->has_since && date_cmp_days(day, f->since) < 0) return false;
    if (f->has_until && date_cmp_days(day, f->until) > 0) return false;
    return true;
}

/* jansson's words for input that simply stops, which is what a cut-off record looks like. */
static bool cut_off(const json_error_t *e) {
    return strstr(e->text, "near end of file") || strstr(e->text, "premature end of input");
}

/* Opens a sealed record with the key given for it: the one whose fingerprint it names, else
 * (a record from before fingerprints) each in turn. False, with the record left sealed, when
 * none opens it: counted by fingerprint, and a damaged seal listed. */
static bool open_sealed(collector *c, const char *path, long lineno, json_t *rec) {
    export_set *set = c->set;
    const export_filter *f = c->filter;
    if (!f || f->n_keys == 0) return false;
    const char *want = json_string_value(json_object_get(rec, SEAL_FINGERPRINT_FIELD));
    pk_error err = {{0}};
    for (int k = 0; k < f->n_keys; k++) {
        char fp[SEAL_FINGERPRINT_LEN];
        seal_fingerprint(f->pk[k], fp);
        if (want && strcmp(want, fp)) continue;
        if (open_record_json(rec, f->pk[k], f->sk[k], &err)) return true;
        if (strcmp(err.msg, SEAL_WRONG_KEY)) {
            problem(c, path, lineno, "%s; kept sealed", err.msg);
            return false;
        }
    }
    set->wrong_key++;
    const char *name = want ? want : "(not named)"; /* sealed before records named their key */
    int i = 0;
    while (i < set->n_other_keys && strcmp(set->other_keys[i].fingerprint, name)) i++;
    if (i == set->n_other_keys && i < EXPORT_MAX_KEYS)
        snprintf(set->other_keys[set->n_other_keys++].fingerprint, SEAL_FINGERPRINT_LEN, "%s", name);
    if (i < set->n_other_keys) set->other_keys[i].records++;
    return false;
}

/* Takes one line (without its '\n'); torn: it is the file's last line and has no '\n'. A line
 * that cannot be used is counted and listed with its reason; a blank line is passed over. */
static void take_line(collector *c, const char *path, long lineno, char *line, size_t len,
                      bool torn) {
    if (len > 0 && line[len - 1] == '\r') line[--len] = '\0'; /* edited on Windows */
    size_t i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t')) i++;
    if (i == len) return; /* a blank line holds nothing to lose */

    static const char torn_why[] = "torn line without a newline (cut off by an interrupted write)";
    export_set *set = c->set;
    if (!utf8_valid(line, len)) {
        set->unreadable++;
        problem(c, path, lineno, "%s", torn ? torn_why : "not valid UTF-8 text");
        return;
    }
    json_error_t jerr;
    json_t *rec = json_loadb(line, len, 0, &jerr);
    if (!rec) {
        set->unreadable++;
        if (torn)
            problem(c, path, lineno, "%s", torn_why);
        else if (cut_off(&jerr))
            problem(c, path, lineno, "record cut off by an interrupted write (%s)", jerr.text);
        else
            problem(c, path, lineno, "not JSON: %s", jerr.text);
        return;
    }
    const char *id = json_string_value(json_object_get(rec, "id"));
    const char *at = json_string_value(json_object_get(rec, "at"));
    export_record r = {rec, {0, 0, 0}, 0, false, NULL, NULL, 0};
    const char *why = NULL;
    if (!json_is_object(rec))
        why = "JSON, but not a feedback record (not an object)";
    else if (!id || !*id)
        why = "JSON, but not a feedback record (it has no 'id')";
    else if (!parse_at(at, &r.day, &r.clock, &r.utc))
        why = "JSON, but not a feedback record (its 'at' is missing or not a date)";
    if (why) {
        set->unreadable++;
        problem(c, path, lineno, "%s", torn ? torn_why : why);
        json_decref(rec);
        return;
    }
    /* A complete record whose '\n' alone was lost is whole: keep it. */
    set->read++;

    if (json_object_get(c->seen, id)) {
        set->duplicates++;
        json_decref(rec);
        return;
    }
    if (json_object_set_new(c->seen, id, json_true()) != 0) c->oom = true;
    const char *kiosk = json_string_value(json_object_get(rec, "kiosk"));
    if (kiosk && set->kiosks_seen) json_object_set_new(set->kiosks_seen, kiosk, json_true());
    if (!date_wanted(c->filter, r.day) || !kiosk_wanted(c->filter, rec) || !consultation_wanted(c->filter, rec)) {
        set->filtered_out++;
        json_decref(rec);
        return;
    }
    if (seal_record_is_sealed(rec) && !open_sealed(c, path, lineno, rec)) {
        /* Never dropped: a record no key given opens is kept as without a key, sealed. */
        r.sealed = true;
        set->sealed++;
    }
    r.answers = answers_view(rec);
    r.consultation = record_consultation(rec);
    if (!r.answers || !push_record(set, r)) {
        c->oom = true;
        json_decref(r.answers);
        json_decref(rec);
    }
}

static void read_file(collector *c, const char *path) {
    FILE *f = fopen(path, "rb");
    struct stat st;
    if (!f || fstat(fileno(f), &st) != 0) {
        c->set->unreadable_files++;
        problem(c, path, 0, "cannot read this file: %s", strerror(errno));
        if (f) fclose(f);
        return;
    }
    remember_input(c->set, &st);
    c->set->files++;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    while (!c->oom && (n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        bool has_nl = n > 0 && line[n - 1] == '\n';
        if (has_nl) line[--n] = '\0';
        take_line(c, path, lineno, line, (size_t)n, !has_nl);
    }
    if (ferror(f)) {
        c->set->unreadable_files++;
        problem(c, path, lineno + 1, "reading stopped here: %s", strerror(errno));
    }
    free(line);
    fclose(f);
}

static int cmp_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.jsonl under dir, in name order, skipping hidden files (a Mac leaves "._" copies on a
 * USB stick) and "abandoned" folders. */
static void walk(collector *c, const char *dir, int depth) {
    if (depth > MAX_DEPTH) {
        problem(c, dir, 0, "folders nested too deeply (a loop of links?); not read");
        c->set->unreadable_files++;
        return;
    }
    DIR *d = opendir(dir);
    if (!d) {
        c->set->unreadable_files++;
        problem(c, dir, 0, "cannot read this folder: %s", strerror(errno));
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.') continue;
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 32;
            char **grown = realloc(names, ncap * sizeof *names);
            if (!grown) break;
            names = grown;
            cap = ncap;
        }
        if (!(names[n] = strdup(de->d_name))) break;
        n++;
    }
    closedir(d);
    if (n > 1) qsort(names, n, sizeof *names, cmp_names);
    for (size_t i = 0; i < n; i++) {
        char path[PATH_MAX];
        int len =
            snprintf(path, sizeof path, "%s%s%s", dir, ends_with(dir, "/") ? "" : "/", names[i]);
        struct stat st;
        if (len < 0 || (size_t)len >= sizeof path || stat(path, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) {
            if (strcmp(names[i], ABANDONED_DIR) != 0) walk(c, path, depth + 1);
        } else if (S_ISREG(st.st_mode) && ends_with(names[i], ".jsonl")) {
            read_file(c, path);
        }
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
}

static int cmp_records(const void *pa, const void *pb) {
    const export_record *a = pa, *b = pb;
    if (a->utc != b->utc) return a->utc < b->utc ? -1 : 1;
    const char *ata = export_field_str(a->json, "at"), *atb = export_field_str(b->json, "at");
    int k = strcmp(ata ? ata : "", atb ? atb : "");
    if (k) return k;
    return strcmp(export_field_str(a->json, "id"), export_field_str(b->json, "id"));
}

bool export_collect(export_set *set, const char *const *dirs, int n_dirs,
                    const export_filter *filter, pk_error *err) {
    memset(set, 0, sizeof *set);
    set->filter = filter;
    set->kiosks_seen = json_object();
    if (n_dirs <= 0) return pk_fail(err, "no feedback folder was given");
    /* Check every input first: a typo in one folder name must not give a quietly short file. */
    for (int i = 0; i < n_dirs; i++) {
        struct stat st;
        if (stat(dirs[i], &st) != 0)
            return pk_fail(err, "%s: cannot read it: %s", dirs[i], strerror(errno));
        if (!S_ISDIR(st.st_mode) && !(S_ISREG(st.st_mode) && ends_with(dirs[i], ".jsonl")))
            return pk_fail(err, "%s: not a feedback folder or .jsonl file", dirs[i]);
    }
    set->problems = calloc(1, sizeof *set->problems);
    collector c = {set, filter, json_object(), false};
    if (!set->problems || !c.seen) {
        json_decref(c.seen);
        export_set_free(set);
        return pk_fail(err, "out of memory");
    }
    for (int i = 0; i < n_dirs && !c.oom; i++) {
        struct stat st;
        long before = set->files;
        if (stat(dirs[i], &st) == 0 && S_ISDIR(st.st_mode))
            walk(&c, dirs[i], 0);
        else
            read_file(&c, dirs[i]);
        if (set->files == before)
            problem(&c, dirs[i], 0, "no feedback files (*.jsonl) were found here");
    }
    json_decref(c.seen);
    if (c.oom) {
        export_set_free(set);
        return pk_fail(err, "out of memory while reading the feedback");
    }
    if (set->n > 1) qsort(set->records, set->n, sizeof *set->records, cmp_records);
    return true;
}

void export_print_summary(const export_set *set, FILE *out) {
    if (set->problems) diag_print(set->problems, out);
    if (set->filtered_out)
        fprintf(out, "%ld record%s left out by --since, --until, --kiosk or --consultation\n", set->filtered_out,
                set->filtered_out == 1 ? " was" : "s were");
    if (set->unreadable_files)
        fprintf(out, "%ld file%s or folder%s could not be read\n", set->unreadable_files,
                set->unreadable_files == 1 ? "" : "s", set->unreadable_files == 1 ? "" : "s");
    for (int i = 0; i < set->n_other_keys; i++) {
        const export_other_key *o = &set->other_keys[i];
        bool named = o->fingerprint[0] != '(';
        fprintf(out,
                "%ld record%s sealed for %s%s, which no --key given opens: kept sealed, nothing "
                "dropped; give that key's secret file too (--key A.key,B.key)\n",
                o->records, o->records == 1 ? " is" : "s are", named ? "key " : "a key (sealed before records named it)",
                named ? o->fingerprint : "");
    }
    if (set->sealed > set->wrong_key)
        fprintf(out, "%ld record%s sealed: give --key to read their personal fields\n", set->sealed - set->wrong_key,
                set->sealed - set->wrong_key == 1 ? " is" : "s are");
    fprintf(out, "records read %ld, written %zu, duplicates dropped %ld, unreadable lines %ld\n",
            set->read, set->n, set->duplicates, set->unreadable);
}

/* ---- CSV ------------------------------------------------------------------------------- */

/* A text cell: neutralised if a spreadsheet would take it for a formula, quoted if it holds a
 * comma, quote, CR or LF (quotes doubled). */
static void csv_text(FILE *f, const char *s, size_t n) {
    bool formula = n > 0 && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
                             s[0] == '\t' || s[0] == '\r');
    bool quoted = false;
    for (size_t i = 0; i < n && !quoted; i++)
        quoted = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (quoted) fputc('"', f);
    if (formula) fputc('\'', f);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') fputc('"', f);
        fputc(s[i], f);
    }
    if (quoted) fputc('"', f);
}

/* Cells of one CSV line, with a comma before all but the first. */
typedef struct csv_line {
    FILE *f;
    bool first;
} csv_line;

static void csv_name(void *ctx, const char *name) {
    csv_line *l = ctx;
    if (!l->first) fputc(',', l->f);
    l->first = false;
    fputs(name, l->f);
}

static void csv_cell(void *ctx, const export_cell *c) {
    csv_line *l = ctx;
    if (!l->first) fputc(',', l->f);
    l->first = false;
    if (!c->text) return;
    if (c->as_is) fwrite(c->text, 1, c->len, l->f);
    else csv_text(l->f, c->text, c->len);
}

static bool write_csv(FILE *f, const export_set *set) {
    export_columns *cols = export_columns_new(set);
    if (!cols) return false;
    fputs("\xEF\xBB\xBF", f); /* the byte-order mark Excel needs to read UTF-8 */
    csv_line l = {f, true};
    export_columns_header(cols, csv_name, &l);
    fputs("\r\n", f);
    for (size_t r = 0; r < set->n; r++) {
        l.first = true;
        export_columns_row(cols, &set->records[r], csv_cell, &l);
        fputs("\r\n", f);
    }
    export_columns_free(cols);
    return true;
}

/* ---- the codebook ---------------------------------------------------------------------- */

static void codebook_line(void *ctx, const char *const *row) {
    FILE *f = ctx;
    for (int i = 0; i < EXPORT_CODEBOOK_COLUMNS; i++) {
        if (i) fputc(',', f);
        if (row[i]) csv_text(f, row[i], strlen(row[i]));
    }
    fputs("\r\n", f);
}

bool export_write_codebook(FILE *out, const config *cfg, const export_filter *filter, pk_error *err) {
    fputs("\xEF\xBB\xBF", out);
    csv_line head = {out, true};
    for (int i = 0; i < EXPORT_CODEBOOK_COLUMNS; i++) csv_name(&head, export_codebook_header[i]);
    fputs("\r\n", out);
    export_codebook_rows(cfg, filter, codebook_line, out);
    if (ferror(out)) return pk_fail(err, "writing the codebook failed: %s", errno ? strerror(errno) : "error");
    return true;
}

bool export_check_kiosks(const export_set *set, const export_filter *filter, pk_error *err) {
    for (int i = 0; filter && i < filter->n_kiosks; i++) {
        if (json_object_get(set->kiosks_seen, filter->kiosks[i])) continue;
        char list[600] = "";
        const char *id;
        json_t *v;
        json_object_foreach(set->kiosks_seen, id, v) snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", list[0] ? ", " : "", id);
        return pk_fail(err, "no record is from a kiosk '%s'; the records are from: %s", filter->kiosks[i],
                       list[0] ? list : "(no kiosk at all)");
    }
    return true;
}

bool export_check_consultations(const config *cfg, const export_filter *filter, pk_error *err) {
    for (int i = 0; filter && i < filter->n_consultations; i++) {
        bool known = !strcmp(filter->consultations[i], EXPORT_FIRST_JOURNEY);
        for (int c = 0; cfg && c < cfg->n_consultations && !known; c++)
            known = !strcmp(cfg->consultations[c].id, filter->consultations[i]);
        if (known) continue;
        char list[600] = "";
        for (int c = 0; cfg && c < cfg->n_consultations; c++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", c ? ", " : "", cfg->consultations[c].id);
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s (records from before consultations)",
                 list[0] ? ", " : "", EXPORT_FIRST_JOURNEY);
        return pk_fail(err, "there is no consultation '%s' in %s; it has: %s", filter->consultations[i],
                       cfg ? cfg->path : "the config", list);
    }
    return true;
}

/* ---- writing --------------------------------------------------------------------------- */

bool export_write(FILE *out, const export_set *set, export_format format, pk_error *err) {
    /* No JSON_ENSURE_ASCII: "Zażółć" stays readable rather than becoming \u escapes. */
    bool ok = true;
    if (format == EXPORT_CSV) {
        ok = write_csv(out, set);
    } else if (format == EXPORT_JSON) {
        json_t *arr = json_array();
        for (size_t i = 0; arr && i < set->n && ok; i++)
            ok = json_array_append(arr, set->records[i].json) == 0;
        ok = ok && arr && json_dumpf(arr, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0;
        json_decref(arr);
        fputc('\n', out);
    } else {
        for (size_t i = 0; i < set->n && ok; i++) {
            ok = json_dumpf(set->records[i].json, out, JSON_COMPACT | JSON_PRESERVE_ORDER) == 0;
            fputc('\n', out);
        }
    }
    if (!ok || ferror(out))
        return pk_fail(err, "writing the export failed: %s", errno ? strerror(errno) : "error");
    return true;
}

static bool same_as_input(const export_set *set, const char *path) {
    struct stat st;
    if (!set || stat(path, &st) != 0) return false;
    for (size_t i = 0; i < set->n_inputs; i++)
        if (set->inputs[i].dev == st.st_dev && set->inputs[i].ino == st.st_ino) return true;
    return false;
}

bool export_write_file(const char *path, const export_set *set, export_writer_fn fn,
                       const void *ctx, pk_error *err) {
    if (!path || strcmp(path, "-") == 0) {
        if (!fn(stdout, ctx, err)) return false;
        if (fflush(stdout) != 0 || ferror(stdout))
            return pk_fail(err, "cannot write to standard output: %s", strerror(errno));
        return true;
    }
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return pk_fail(err, "%s is a folder; --out needs a file name", path);
    if (same_as_input(set, path))
        return pk_fail(err, "%s is one of the feedback files being read; choose another --out",
                       path);
    char tmp[PATH_MAX], dir[PATH_MAX];
    int n = snprintf(tmp, sizeof tmp, "%s.tmp", path);
    if (n < 0 || (size_t)n >= sizeof tmp) return pk_fail(err, "%s: the path is too long", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
    if (fd < 0) return pk_fail(err, "cannot write %s: %s", tmp, strerror(errno));
    FILE *f = fdopen(fd, "wb");
    if (!f) {
        int e = errno;
        close(fd);
        unlink(tmp);
        return pk_fail(err, "cannot write %s: %s", tmp, strerror(e));
    }
    bool ok = fn(f, ctx, err);
    if (ok && (fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0))
        ok = pk_fail(err, "cannot write %s: %s", tmp, strerror(errno));
    if (fclose(f) != 0 && ok) ok = pk_fail(err, "cannot write %s: %s", tmp, strerror(errno));
    if (ok && rename(tmp, path) != 0)
        ok = pk_fail(err, "cannot put %s in place: %s", path, strerror(errno));
    if (!ok) {
        unlink(tmp);
        return false;
    }
    paths_dirname(path, dir, sizeof dir); /* the folder to fsync so the rename lasts */
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) { /* some USB file systems cannot sync a folder; the file itself is synced */
        (void)fsync(dfd);
        close(dfd);
    }
    return true;
}
