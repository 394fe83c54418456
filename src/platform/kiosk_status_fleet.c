/* kiosk_status_fleet: the staff side of status.json (the contract is in kiosk_status.h): every
 * status.json under the folders Syncthing or a USB stick gathered, one line per kiosk, and what
 * needs a look.
 *
 * The same kiosk can be there twice (its Syncthing folder and a stick's copy): the newest status
 * wins. "Last seen" is the kiosk's own clock at its last write, so a kiosk whose clock is wrong
 * is said to be so beside it rather than trusted quietly. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "platform/kiosk_status.h"
#include "text/utf8.h"

#define MAX_DEPTH 8       /* DIR/<kiosk>/status.json, or a few folders deeper; never a loop */
#define AHEAD_S (10 * 60) /* a status from further in the future: a clock is wrong */

/* ---- finding the files ----------------------------------------------------------------- */

/* A message that already says FILE:LINE:COL, kept as it is. */
static void problem(kiosk_status_fleet *f, const char *msg) {
    diag_list *d = f->problems;
    if (d->count >= DIAG_MAX)
        d->dropped++;
    else
        snprintf(d->items[d->count++], DIAG_LEN, "%s", msg);
}

static bool add_file(kiosk_status_fleet *f, const char *path, int *cap) {
    kiosk_status_entry *e = malloc(sizeof *e);
    if (!e) return false;
    pk_error err = {{0}};
    if (!kiosk_status_load(path, &e->st, &err)) {
        problem(f, err.msg);
        free(e);
        return true;
    }
    snprintf(e->path, sizeof e->path, "%s", path);
    e->flags[0] = '\0';
    e->flagged = false;
    /* One kiosk, two copies: the newer one says more. */
    for (int i = 0; i < f->n; i++)
        if (!strcmp(f->items[i].st.kiosk, e->st.kiosk)) {
            if (e->st.written_at > f->items[i].st.written_at) f->items[i] = *e;
            free(e);
            return true;
        }
    if (f->n == *cap) {
        int ncap = *cap ? *cap * 2 : 16;
        kiosk_status_entry *grown = realloc(f->items, sizeof *grown * (size_t)ncap);
        if (!grown) {
            free(e);
            return false;
        }
        f->items = grown;
        *cap = ncap;
    }
    f->items[f->n++] = *e;
    free(e);
    return true;
}

/* Every status.json below dir; hidden folders (.stversions, .stfolder) are Syncthing's own. */
static bool walk(kiosk_status_fleet *f, const char *dir, int depth, int *cap) {
    DIR *d = opendir(dir);
    if (!d) {
        char msg[DIAG_LEN];
        snprintf(msg, sizeof msg, "%s: cannot be read: %s", dir, strerror(errno));
        problem(f, msg);
        return true;
    }
    bool ok = true;
    struct dirent *e;
    while (ok && (e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char path[PATH_MAX];
        if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path) continue;
        struct stat st;
        if (stat(path, &st) != 0) continue;
        if (S_ISDIR(st.st_mode) && depth < MAX_DEPTH)
            ok = walk(f, path, depth + 1, cap);
        else if (S_ISREG(st.st_mode) && !strcmp(e->d_name, KIOSK_STATUS_FILE))
            ok = add_file(f, path, cap);
    }
    closedir(d);
    return ok;
}

/* ---- what needs a look ----------------------------------------------------------------- */

static void flag(kiosk_status_entry *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void flag(kiosk_status_entry *e, const char *fmt, ...) {
    size_t n = strlen(e->flags);
    if (n) n += (size_t)snprintf(e->flags + n, sizeof e->flags - n, "; ");
    if (n >= sizeof e->flags) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->flags + n, sizeof e->flags - n, fmt, ap);
    va_end(ap);
    e->flagged = true;
}

static const char *bytes(unsigned long long b, char *buf, size_t size) {
    if (b >= 10ull * 1000 * 1000 * 1000)
        snprintf(buf, size, "%.0f GB", b / 1e9);
    else if (b >= 1000ull * 1000 * 1000)
        snprintf(buf, size, "%.1f GB", b / 1e9);
    else
        snprintf(buf, size, "%.0f MB", b / 1e6);
    return buf;
}

static double free_percent(const kiosk_status *s) {
    return s->disk_size ? 100.0 * (double)s->disk_free / (double)s->disk_size : 0;
}

static void judge(kiosk_status_entry *e, time_t now) {
    const kiosk_status *s = &e->st;
    char span[40], b[32];
    long long age = (long long)(now - s->written_at);
    kiosk_status_duration(age, span, sizeof span);
    if (!s->running)
        flag(e, "stopped %s ago", span);
    else if (age > KIOSK_STATUS_SILENT_S)
        flag(e, "silent for %s", span);
    if (!strncmp(s->clock, "wrong", 5))
        flag(e, "clock %s", s->clock);
    else if (age < -AHEAD_S)
        flag(e, "clock wrong: %s ahead of this computer", span);
    if (s->storage_error[0])
        flag(e, "cannot save: %s", s->storage_error);
    else if (s->storage_errors)
        flag(e, "%d storage error%s since it started (saving works again)", s->storage_errors,
             s->storage_errors == 1 ? "" : "s");
    if (s->disk_known &&
        (s->disk_free < KIOSK_STATUS_LOW_BYTES || free_percent(s) < KIOSK_STATUS_LOW_PERCENT))
        flag(e, "low on space: %s free (%.0f %%)", bytes(s->disk_free, b, sizeof b),
             free_percent(s));
    if (s->temp_known && s->temp_c > KIOSK_STATUS_HOT_C) flag(e, "hot: %.0f °C", s->temp_c);
    if (s->undervolt_now == 1)
        flag(e, "undervoltage now: the power supply is too weak");
    else if (s->undervolt_since_boot == 1)
        flag(e, "undervoltage since the Pi started: check the power supply");
}

static int by_kiosk(const void *a, const void *b) {
    return strcmp(((const kiosk_status_entry *)a)->st.kiosk,
                  ((const kiosk_status_entry *)b)->st.kiosk);
}

bool kiosk_status_fleet_read(kiosk_status_fleet *f, const char *const *dirs, int n, time_t now,
                             pk_error *err) {
    memset(f, 0, sizeof *f);
    f->now = now;
    f->problems = calloc(1, sizeof *f->problems);
    if (!f->problems) return pk_fail(err, "out of memory");
    int cap = 0;
    bool ok = true;
    for (int i = 0; i < n && ok; i++) {
        struct stat st;
        char msg[DIAG_LEN];
        if (stat(dirs[i], &st) != 0) {
            snprintf(msg, sizeof msg, "%s: %s", dirs[i], strerror(errno));
            problem(f, msg);
        } else if (S_ISDIR(st.st_mode)) {
            ok = walk(f, dirs[i], 0, &cap);
        } else {
            ok = add_file(f, dirs[i], &cap);
        }
    }
    if (!ok) {
        kiosk_status_fleet_free(f);
        return pk_fail(err, "out of memory");
    }
    if (f->n > 1) qsort(f->items, (size_t)f->n, sizeof *f->items, by_kiosk);
    for (int i = 0; i < f->n; i++) {
        judge(&f->items[i], now);
        f->n_flagged += f->items[i].flagged;
    }
    return true;
}

void kiosk_status_fleet_free(kiosk_status_fleet *f) {
    if (!f) return;
    free(f->items);
    free(f->problems);
    memset(f, 0, sizeof *f);
}

/* ---- the table ------------------------------------------------------------------------- */

enum {
    COL_KIOSK,
    COL_LOCATION,
    COL_SEEN,
    COL_TODAY,
    COL_TOTAL,
    COL_FREE,
    COL_TEMP,
    COL_VERSION,
    COL_STATE,
    N_COLS
};
static const char *const heads[N_COLS] = {"kiosk",      "location", "last seen", "today", "in all",
                                          "free space", "temp",     "version",   "status"};
#define CELL 640

/* The cells of one kiosk's row. */
static void row_cells(const kiosk_status_entry *e, time_t now, char cells[N_COLS][CELL]) {
    const kiosk_status *s = &e->st;
    char when[32], span[40], b[32];
    struct tm tm;
    localtime_r(&s->written_at, &tm);
    strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    long long age = (long long)(now - s->written_at);
    kiosk_status_duration(age, span, sizeof span);
    snprintf(cells[COL_KIOSK], CELL, "%s", s->kiosk);
    /* Long locations are cut, so every row stays on one line of a terminal. */
    size_t len = strlen(s->location), cut = len;
    while (utf8_count(s->location, cut) > 28) cut = utf8_prev(s->location, cut);
    snprintf(cells[COL_LOCATION], CELL, "%.*s%s", (int)cut, s->location, cut < len ? "…" : "");
    snprintf(cells[COL_SEEN], CELL, "%s (%s %s)", when, span, age < 0 ? "ahead" : "ago");
    snprintf(cells[COL_TODAY], CELL, "%d", s->responses_today);
    snprintf(cells[COL_TOTAL], CELL, "%d", s->responses_total);
    if (s->disk_known)
        snprintf(cells[COL_FREE], CELL, "%s (%.0f %%)", bytes(s->disk_free, b, sizeof b),
                 free_percent(s));
    else
        snprintf(cells[COL_FREE], CELL, "-");
    if (s->temp_known)
        snprintf(cells[COL_TEMP], CELL, "%.0f °C", s->temp_c);
    else
        snprintf(cells[COL_TEMP], CELL, "-");
    snprintf(cells[COL_VERSION], CELL, "%s", s->version);
    snprintf(cells[COL_STATE], CELL, "%s%s", e->flagged ? "! " : "OK", e->flags);
}

static int width(const char *s) { return (int)utf8_count(s, strlen(s)); }

/* A cell padded to w characters (not bytes: "°C" and "Łódź" are narrower than they are long). */
static void cell_out(FILE *out, const char *s, int w, bool right) {
    int pad = w - width(s);
    if (right)
        fprintf(out, "%*s%s", pad > 0 ? pad : 0, "", s);
    else
        fprintf(out, "%s%*s", s, pad > 0 ? pad : 0, "");
}

void kiosk_status_fleet_print(FILE *out, const kiosk_status_fleet *f) {
    if (!f->n) return;
    char(*cells)[N_COLS][CELL] = malloc(sizeof *cells * (size_t)f->n);
    if (!cells) return;
    int w[N_COLS];
    for (int c = 0; c < N_COLS; c++) w[c] = width(heads[c]);
    for (int i = 0; i < f->n; i++) {
        row_cells(&f->items[i], f->now, cells[i]);
        for (int c = 0; c < N_COLS; c++)
            if (width(cells[i][c]) > w[c]) w[c] = width(cells[i][c]);
    }
    for (int c = 0; c < N_COLS; c++) {
        bool right = c == COL_TODAY || c == COL_TOTAL;
        cell_out(out, heads[c], c == COL_STATE ? 0 : w[c], right);
        fputs(c == COL_STATE ? "\n" : "  ", out);
    }
    for (int i = 0; i < f->n; i++)
        for (int c = 0; c < N_COLS; c++) {
            cell_out(out, cells[i][c], c == COL_STATE ? 0 : w[c], c == COL_TODAY || c == COL_TOTAL);
            fputs(c == COL_STATE ? "\n" : "  ", out);
        }
    free(cells);
    fprintf(out, "%d kiosk%s, %d need%s a look\n", f->n, f->n == 1 ? "" : "s", f->n_flagged,
            f->n_flagged == 1 ? "s" : "");
}

int kiosk_status_fleet_verdict(const kiosk_status_fleet *f) {
    return f->n_flagged || f->problems->count || f->problems->dropped || !f->n ? 1 : 0;
}

void kiosk_status_fleet_html(FILE *out, const kiosk_status_fleet *f,
                             void (*text_out)(FILE *, const char *)) {
    static const char *const html_heads[N_COLS] = {"Kiosk",       "Location", "Last seen",
                                                   "Today",       "In all",   "Free space",
                                                   "Temperature", "Version",  "Status"};
    char cells[N_COLS][CELL];
    fputs("<table class=\"fleet\">\n<thead><tr>", out);
    for (int c = 0; c < N_COLS; c++) {
        fputs("<th>", out);
        text_out(out, html_heads[c]);
        fputs("</th>", out);
    }
    fputs("</tr></thead>\n<tbody>\n", out);
    for (int i = 0; i < f->n; i++) {
        row_cells(&f->items[i], f->now, cells);
        if (!f->items[i].flagged) snprintf(cells[COL_STATE], CELL, "OK");
        fprintf(out, "<tr%s>", f->items[i].flagged ? " class=\"flagged\"" : "");
        for (int c = 0; c < N_COLS; c++) {
            fputs("<td>", out);
            text_out(out, c == COL_STATE && f->items[i].flagged ? f->items[i].flags : cells[c]);
            fputs("</td>", out);
        }
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n", out);
}

int kiosk_status_table(FILE *out, const char *const *dirs, int n, time_t now) {
    kiosk_status_fleet f;
    pk_error err = {{0}};
    if (!kiosk_status_fleet_read(&f, dirs, n, now, &err)) {
        fprintf(out, "%s\n", err.msg);
        return -1;
    }
    kiosk_status_fleet_print(out, &f);
    diag_print(f.problems, out);
    if (!f.n)
        fprintf(out, "no %s was found under %s%s\n", KIOSK_STATUS_FILE, n ? dirs[0] : "",
                n > 1 ? " or the other folders" : "");
    int status = kiosk_status_fleet_verdict(&f);
    kiosk_status_fleet_free(&f);
    return status;
}
