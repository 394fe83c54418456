/* export: writes a set of feedback records (read by export_read.c) as CSV, JSON or JSON Lines
 * (the contract is in export.h), a record at a time, so a set of any size costs the memory of
 * one record. Writing is deliberately careful: a file is written beside its final name and
 * renamed into place only when it is complete and on disk.
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

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "config/config.h"

/* The problems: all of them when few, or when there is no file to put them in; else the first
 * ones, and all of them in problems_file. */
static void print_problems(const export_set *set, FILE *out, const char *problems_file) {
    const export_problems *p = set->problems;
    if (!p || !p->count) return;
    int shown = p->count;
    FILE *all = NULL;
    if (problems_file && p->count > EXPORT_PROBLEMS_SHOWN) {
        all = fopen(problems_file, "w");
        if (all) shown = EXPORT_PROBLEMS_SHOWN;
    }
    for (int i = 0; i < shown; i++) fprintf(out, "%s\n", p->items[i]);
    if (!all) return;
    for (int i = 0; i < p->count; i++) fprintf(all, "%s\n", p->items[i]);
    bool ok = fclose(all) == 0;
    if (ok)
        fprintf(out, "... and %d more: all %d problems are listed in %s\n", p->count - shown, p->count,
                problems_file);
    else
        for (int i = shown; i < p->count; i++) fprintf(out, "%s\n", p->items[i]);
}

/* Each kiosk whose clock was wrong: how many of its records, why they are not believed, and how
 * they were ordered (export.h). */
static void print_clocks(const export_set *set, FILE *out) {
    char floor[16];
    struct tm tm;
    time_t f = (time_t)EXPORT_CLOCK_FLOOR;
    gmtime_r(&f, &tm);
    strftime(floor, sizeof floor, "%Y-%m-%d", &tm);
    for (int i = 0; i < set->n_clock_kiosks; i++) {
        const export_clock_kiosk *k = &set->clock_kiosks[i];
        long n = k->before_floor + k->went_back;
        if (n) {
            fprintf(out, "kiosk %s: %ld record%s with a wrong clock (", k->kiosk, n,
                    n == 1 ? "" : "s");
            if (k->before_floor && k->went_back) fprintf(out, "%ld ", k->before_floor);
            if (k->before_floor)
                fprintf(out, "dated before any version of plankiosk was built, %s", floor);
            if (k->before_floor && k->went_back) fprintf(out, "; %ld ", k->went_back);
            if (k->went_back) fprintf(out, "earlier than one the kiosk wrote before them");
            if (!k->unnumbered)
                fputs("); kept in the order they were written\n", out);
            else if (k->unnumbered == n)
                fprintf(out,
                        "); %s no boot and seq to show the order %s written in, so %s ordered by "
                        "time\n",
                        n == 1 ? "it has" : "they have", n == 1 ? "it was" : "they were",
                        n == 1 ? "it is" : "they are");
            else
                fprintf(out,
                        "); kept in the order they were written, but for %ld without boot and seq, "
                        "ordered by time\n",
                        k->unnumbered);
        }
        if (k->renumbered)
            fprintf(out,
                    "kiosk %s: two of its starts carry the same numbers (its boot counter was "
                    "lost, or its SD card "
                    "written afresh), so its records are ordered by time\n",
                    k->kiosk);
    }
}

void export_print_summary(const export_set *set, FILE *out) { export_print_summary_to(set, out, NULL); }

void export_print_summary_to(const export_set *set, FILE *out, const char *problems_file) {
    print_problems(set, out, problems_file);
    if (set->damaged_copies)
        fprintf(out, "%ld damaged line%s the same as one listed above (the same file read twice, as from a USB "
                     "stick brought in again): counted once\n",
                set->damaged_copies, set->damaged_copies == 1 ? " was" : "s were");
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
    print_clocks(set, out);
    fprintf(out, "records read %ld, written %zu, duplicates dropped %ld, unreadable lines %ld\n",
            set->read, set->n, set->duplicates, set->unreadable);
}

/* ---- records to text, on both cores ------------------------------------------------------ */

/* Writes record r (number i of the set) to f. False when it cannot. */
typedef bool (*row_fn)(FILE *f, const export_record *r, size_t i, const void *ctx);

/* Reading and parsing a record costs more than writing it, so two threads each turn every other
 * batch of records into text (each with its own files and its own memory: a record is freed by
 * the thread that made it), and the caller's thread writes the batches in order. */
#define ROWS_BATCH 1024
#define ROWS_WORKERS 2
#define ROWS_AHEAD 4 /* batches made and not yet written, at most */

typedef struct rows_batch {
    char *text;
    size_t len;
    bool done, failed;
    pk_error err;
} rows_batch;

typedef struct rows_job {
    const export_set *set;
    row_fn fn;
    const void *ctx;
    size_t n_batches, written;
    bool stop;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    rows_batch slot[ROWS_AHEAD];
} rows_job;

typedef struct rows_worker {
    rows_job *job;
    size_t first;
} rows_worker;

static void *rows_work(void *arg) {
    const rows_worker *w = arg;
    rows_job *j = w->job;
    export_reader *rd = export_reader_new(j->set);
    for (size_t b = w->first; b < j->n_batches; b += ROWS_WORKERS) {
        pthread_mutex_lock(&j->mu);
        while (!j->stop && b >= j->written + ROWS_AHEAD) pthread_cond_wait(&j->cv, &j->mu);
        bool stop = j->stop;
        pthread_mutex_unlock(&j->mu);
        if (stop) break;
        rows_batch out = {0};
        FILE *m = open_memstream(&out.text, &out.len);
        bool ok = rd && m;
        if (!ok) pk_fail(&out.err, "out of memory");
        size_t end = (b + 1) * ROWS_BATCH < j->set->n ? (b + 1) * ROWS_BATCH : j->set->n;
        for (size_t i = b * ROWS_BATCH; ok && i < end; i++) {
            export_record r;
            if (!(ok = export_reader_get(rd, i, &r, &out.err))) break;
            if (!(ok = j->fn(m, &r, i, j->ctx))) pk_fail(&out.err, "out of memory");
            export_record_release(j->set, &r);
        }
        if (m && fclose(m) != 0 && ok) ok = pk_fail(&out.err, "out of memory");
        out.failed = !ok;
        out.done = true;
        pthread_mutex_lock(&j->mu);
        j->slot[b % ROWS_AHEAD] = out;
        pthread_cond_broadcast(&j->cv);
        pthread_mutex_unlock(&j->mu);
    }
    export_reader_free(rd);
    return NULL;
}

/* Runs fn over every record of set in order, writing to out. */
static bool write_rows(FILE *out, const export_set *set, row_fn fn, const void *ctx, pk_error *err) {
    rows_job j = {.set = set, .fn = fn, .ctx = ctx, .n_batches = (set->n + ROWS_BATCH - 1) / ROWS_BATCH};
    pthread_t thread[ROWS_WORKERS];
    rows_worker worker[ROWS_WORKERS];
    int started = 0;
    if (!set->records && j.n_batches > 1 && sysconf(_SC_NPROCESSORS_ONLN) > 1) {
        pthread_mutex_init(&j.mu, NULL);
        pthread_cond_init(&j.cv, NULL);
        for (int k = 0; k < ROWS_WORKERS && started == k; k++) {
            worker[k] = (rows_worker){&j, (size_t)k};
            if (pthread_create(&thread[k], NULL, rows_work, &worker[k]) == 0) started++;
        }
    }
    bool ok = true;
    if (started == ROWS_WORKERS) {
        for (size_t b = 0; b < j.n_batches && ok; b++) {
            pthread_mutex_lock(&j.mu);
            while (!j.slot[b % ROWS_AHEAD].done) pthread_cond_wait(&j.cv, &j.mu);
            rows_batch got = j.slot[b % ROWS_AHEAD];
            j.slot[b % ROWS_AHEAD] = (rows_batch){0};
            pthread_mutex_unlock(&j.mu);
            if (got.failed)
                ok = pk_fail(err, "%s", got.err.msg);
            else
                ok = fwrite(got.text, 1, got.len, out) == got.len;
            free(got.text);
            pthread_mutex_lock(&j.mu);
            j.written++;
            pthread_cond_broadcast(&j.cv);
            pthread_mutex_unlock(&j.mu);
        }
    }
    if (started) {
        pthread_mutex_lock(&j.mu);
        j.stop = true;
        pthread_cond_broadcast(&j.cv);
        pthread_mutex_unlock(&j.mu);
        for (int k = 0; k < started; k++) pthread_join(thread[k], NULL);
        for (int s = 0; s < ROWS_AHEAD; s++) free(j.slot[s].text);
        pthread_mutex_destroy(&j.mu);
        pthread_cond_destroy(&j.cv);
        if (started == ROWS_WORKERS) return ok;
    }
    /* A set held in memory, a small one, one core, or no thread to be had: one at a time. */
    for (size_t i = 0; i < set->n && ok; i++) {
        export_record r;
        if (!(ok = export_record_get(set, i, &r, err))) break;
        ok = fn(out, &r, i, ctx);
        export_record_release(set, &r);
    }
    return ok;
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
    if (!quoted) {
        fwrite(s, 1, n, f);
        return;
    }
    for (const char *p = s, *end = s + n; p < end;) {
        const char *q = memchr(p, '"', (size_t)(end - p));
        size_t run = q ? (size_t)(q - p) + 1 : (size_t)(end - p);
        fwrite(p, 1, run, f);
        if (q) fputc('"', f); /* a quote is doubled */
        p += run;
    }
    fputc('"', f);
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

static bool csv_row(FILE *f, const export_record *r, size_t i, const void *cols) {
    (void)i;
    csv_line l = {f, true};
    export_columns_row(cols, r, csv_cell, &l);
    fputs("\r\n", f);
    return !ferror(f);
}

static bool write_csv(FILE *f, const export_set *set, pk_error *err) {
    export_columns *cols = export_columns_new(set);
    if (!cols) return pk_fail(err, "out of memory");
    fputs("\xEF\xBB\xBF", f); /* the byte-order mark Excel needs to read UTF-8 */
    csv_line l = {f, true};
    export_columns_header(cols, csv_name, &l);
    fputs("\r\n", f);
    bool ok = write_rows(f, set, csv_row, cols, err);
    export_columns_free(cols);
    return ok;
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

/* One record as JSON_INDENT(2) puts it inside an array: every line indented two more. */
static bool write_indented(FILE *out, const json_t *rec) {
    char *text = json_dumps(rec, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (!text) return false;
    /* Strings never hold a raw new line (JSON escapes it), so every one starts a line. */
    for (const char *p = text; *p;) {
        size_t run = strcspn(p, "\n");
        fputs("  ", out);
        fwrite(p, 1, run + (p[run] == '\n'), out);
        p += run + (p[run] == '\n');
    }
    free(text);
    return true;
}

static bool json_row(FILE *f, const export_record *r, size_t i, const void *set) {
    bool ok = write_indented(f, r->json);
    fputs(i + 1 < ((const export_set *)set)->n ? ",\n" : "\n]", f);
    return ok && !ferror(f);
}

static bool jsonl_row(FILE *f, const export_record *r, size_t i, const void *set) {
    (void)i, (void)set;
    bool ok = json_dumpf(r->json, f, JSON_COMPACT | JSON_PRESERVE_ORDER) == 0;
    fputc('\n', f);
    return ok && !ferror(f);
}

bool export_write(FILE *out, const export_set *set, export_format format, pk_error *err) {
    /* No JSON_ENSURE_ASCII: "Zażółć" stays readable rather than becoming \u escapes. */
    pk_error why = {{0}};
    bool ok = true;
    if (format == EXPORT_CSV) {
        ok = write_csv(out, set, &why);
    } else {
        /* The bytes json_dumpf gives for the whole array, a record at a time. */
        if (format == EXPORT_JSON) fputs(set->n ? "[\n" : "[]", out);
        ok = write_rows(out, set, format == EXPORT_JSON ? json_row : jsonl_row, set, &why);
        if (format == EXPORT_JSON) fputc('\n', out);
    }
    if (why.msg[0]) return pk_fail(err, "%s", why.msg);
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
    /* Messages name the file as it was asked for: the .tmp beside it is ours, not the user's. */
    if (fd < 0) return pk_fail(err, "cannot write %s: %s", path, strerror(errno));
    FILE *f = fdopen(fd, "wb");
    if (!f) {
        int e = errno;
        close(fd);
        unlink(tmp);
        return pk_fail(err, "cannot write %s: %s", path, strerror(e));
    }
    bool ok = fn(f, ctx, err);
    if (ok && (fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0))
        ok = pk_fail(err, "cannot write %s: %s", path, strerror(errno));
    if (fclose(f) != 0 && ok) ok = pk_fail(err, "cannot write %s: %s", path, strerror(errno));
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
