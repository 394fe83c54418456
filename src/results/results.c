/* results: tallies of the questions `results` slides name, read incrementally from feedback
 * folders (the contract is in results.h).
 *
 * The idea: a kiosk's log only ever grows by whole lines appended at its end, so a file read up
 * to the end of its last complete line need never be read again below that point. Per file the
 * feed keeps where it stopped (device, inode, offset, line number) and a fingerprint of its
 * first bytes; an update stats each file and reads only what came after. A file that shrank,
 * or whose first bytes changed (replaced in place by a copy), is read again from the start; the
 * set of ids already counted (16 bytes each) keeps that, and a USB copy of a file elsewhere,
 * from counting anything twice. Nothing of a record is kept but its id's fingerprint: the
 * tallies are numbers.
 *
 * Lines are parsed with json_line's shapes: only the fields a tally needs are built (unless the
 * caller asks for whole records). A damaged line, an unreadable folder and an answer naming an
 * option the config no longer has are each reported once for the feed's life, by a fingerprint
 * of what was said, so a kiosk logging its problems at every slide is not flooded. */
#include "results/results.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/date.h"
#include "core/hash_set.h"
#include "export/export.h"
#include "quotes/quotes.h"
#include "store/json_line.h"
#include "store/seal.h"

#define HASH_BYTES HASH_SET_BYTES
#define MAX_DEPTH 32             /* a folder loop made of symlinks ends here */
#define READ_CHUNK (256 * 1024)  /* read at a time: a file is read in a few calls */
#define LINE_LIMIT (8 << 20)     /* a line longer than this is no record (records are < 100 KB) */
#define HEAD_BYTES 256           /* the first bytes fingerprinted to tell a file replaced in place */
#define MAX_KIOSKS 1024          /* distinct kiosks counted per consultation; a fleet has a few */
#define ABANDONED_DIR "abandoned"

/* A fingerprint of a (na bytes) that says what it is of, so an id and a problem never meet. */
static void fingerprint(unsigned char out[HASH_BYTES], const char *kind, const void *a, size_t na) {
    hash_set_digest(out, kind, strlen(kind) + 1, a, na);
}

/* ---- tallies (pure) -------------------------------------------------------------------- */

static bool by_option(question_type t) {
    return t == Q_CHOICE || t == Q_CHOICES || t == Q_RANK || t == Q_AGE_BAND;
}

void results_tally_init(results_tally *t, const question *qn, int c, int q) {
    memset(t, 0, sizeof *t);
    t->consultation = c, t->question = q, t->type = qn->type;
    if (by_option(qn->type))
        t->n = qn->n_options;
    else if (qn->type == Q_FACES)
        t->n = 5;
    else if (qn->type == Q_SCALE)
        t->n = qn->max_value - qn->min_value + 1;
    if (t->n < 0) t->n = 0;
    if (t->n > CONSULT_MAX_OPTIONS) t->n = CONSULT_MAX_OPTIONS;
    for (int i = 0; i < t->n; i++) t->order[i] = i;
}

/* The counted index of an option id, or -1 (not a string, or not one of qn's options). */
static int option_of(const results_tally *t, const question *qn, const json_t *v) {
    const char *id = json_string_value(v);
    int i = id ? consult_option_index(qn, id) : -1;
    return i < t->n ? i : -1;
}

/* What an uncounted value was, for the one message about it. */
static void describe_bad(const json_t *v, char *bad, size_t size) {
    if (!bad || bad[0]) return; /* the first one names them */
    if (json_is_string(v))
        snprintf(bad, size, "'%.60s'", json_string_value(v));
    else if (json_is_integer(v))
        snprintf(bad, size, "%lld", (long long)json_integer_value(v));
    else
        snprintf(bad, size, "a value of the wrong kind");
}

/* Options of a list answer (choices, rank): each counted once; rank also gives points by place
 * (first of max places gets max). Returns whether any was counted. */
static bool tally_list(results_tally *t, const question *qn, const json_t *v, char *bad, size_t size) {
    int places = qn->max > 0 && qn->max < t->n ? qn->max : t->n;
    uint32_t seen = 0;
    bool any = false;
    size_t k;
    const json_t *e;
    json_array_foreach(v, k, e) {
        int i = option_of(t, qn, e);
        if (i < 0) {
            describe_bad(e, bad, size);
            t->unknown++;
            continue;
        }
        if (seen & (1u << i)) continue; /* listed twice: one person, one count */
        seen |= 1u << i;
        t->counts[i]++;
        if (qn->type == Q_RANK && (long)k < places) t->points[i] += places - (long)k;
        any = true;
    }
    return any;
}

/* Adds one value v (NULL or null: not answered). Returns whether it was counted; bad (may be
 * NULL) gets what was not, when an answer names something qn does not have. */
static bool tally_value(results_tally *t, const question *qn, const json_t *v, char *bad, size_t size) {
    if (!v || json_is_null(v)) return false;
    int i = -1;
    switch (qn->type) {
    case Q_CHOICE:
    case Q_AGE_BAND:
        i = option_of(t, qn, v);
        break;
    case Q_CHOICES:
    case Q_RANK:
        if (json_is_array(v)) {
            if (json_array_size(v) == 0) return false;
            return tally_list(t, qn, v, bad, size);
        }
        break;
    case Q_FACES:
    case Q_SCALE: {
        long long lo = qn->type == Q_FACES ? 1 : qn->min_value, x = json_integer_value(v);
        if (json_is_integer(v) && x >= lo && x - lo < t->n) i = (int)(x - lo);
        break;
    }
    case Q_NUMBER: {
        long long x = json_integer_value(v);
        if (json_is_integer(v) && x >= qn->min_value && x <= qn->max_value) return true;
        break;
    }
    default: /* counted as answered, never by what was said */
        return !(json_is_string(v) && !json_string_length(v)) && !(json_is_array(v) && !json_array_size(v));
    }
    if (i < 0) {
        describe_bad(v, bad, size);
        t->unknown++;
        return false;
    }
    t->counts[i]++;
    return true;
}

/* One record of the consultation: v its answer to qn (NULL: none). */
static void tally_record(results_tally *t, const question *qn, const json_t *v, char *bad, size_t size) {
    t->responses++;
    if (tally_value(t, qn, v, bad, size)) t->people++;
}

void results_tally_add(results_tally *t, const question *qn, const json_t *answers) {
    tally_record(t, qn, json_object_get(answers, qn->id), NULL, 0);
}

void results_tally_sort(results_tally *t) {
    for (int i = 0; i < t->n; i++) t->order[i] = i;
    if (!by_option(t->type)) return; /* a distribution reads low to high */
    const long *key = t->type == Q_RANK ? t->points : t->counts;
    for (int i = 1; i < t->n; i++) { /* insertion sort: stable, so ties keep the config's order */
        int o = t->order[i], j = i;
        for (; j > 0 && key[t->order[j - 1]] < key[o]; j--) t->order[j] = t->order[j - 1];
        t->order[j] = o;
    }
}

bool results_tally_shown(const results_tally *t, int min_responses) {
    return t->people >= (min_responses > 0 ? min_responses : RESULTS_MIN_RESPONSES);
}

/* ---- the feed -------------------------------------------------------------------------- */

typedef struct tracked {
    results_tally t;
} tracked;

typedef struct consult_state {
    int n_questions;                       /* tracked questions of this consultation */
    unsigned char (*kiosks)[HASH_BYTES];   /* fingerprints of the kiosk ids counted */
    int n_kiosks, cap_kiosks;
    char last_kiosk[64];                   /* the id of the kiosk counted last */
    bool has_since;
    long long since_utc;
    pk_date since;
} consult_state;

typedef struct feed_file {
    char *path;
    dev_t dev;
    ino_t ino;
    off_t offset;  /* the end of the last complete line read */
    long lineno;   /* lines up to offset */
    off_t size;    /* as last seen */
    struct timespec mtime;
    unsigned char head[HASH_BYTES]; /* of the first min(offset, HEAD_BYTES) bytes */
    bool seen;     /* found by this update's walk */
} feed_file;

struct results_feed {
    const config *cfg;
    char *dirs[RESULTS_MAX_DIRS];
    int n_dirs;
    tracked *tracked;
    int n_tracked, cap_tracked;
    consult_state consults[CONSULT_MAX];
    feed_file *files;
    size_t n_files, cap_files;
    hash_set ids;      /* records counted, by a fingerprint of their id */
    hash_set reported; /* problems already reported */
    hash_set delivered; /* during a recount: records on_record was given */
    bool recount;      /* a question was tracked after an update: read everything again */
    bool read_once;
    char *buf;
    size_t cap_buf;
    /* This update's. */
    results_record_fn on_record;
    void *ud;
    diag_list *problems;
    long n_new;
    bool oom;
};

results_feed *results_feed_new(const config *cfg) {
    if (sodium_init() < 0) return NULL;
    results_feed *f = calloc(1, sizeof *f);
    if (!f) return NULL;
    f->cfg = cfg;
    for (int i = 0; i < cfg->n_slides; i++) {
        const slide *s = &cfg->slides[i];
        int c = s->consultation, q = s->question;
        if (s->type != SLIDE_RESULTS || c < 0 || c >= cfg->n_consultations || q < 0 ||
            q >= cfg->consultations[c].n_questions)
            continue; /* config_load refuses those; a test's config may have them */
        if (!results_feed_track(f, c, q)) {
            results_feed_free(f); /* out of memory */
            return NULL;
        }
    }
    return f;
}

void results_feed_free(results_feed *f) {
    if (!f) return;
    for (int i = 0; i < f->n_dirs; i++) free(f->dirs[i]);
    for (size_t i = 0; i < f->n_files; i++) free(f->files[i].path);
    for (int i = 0; i < CONSULT_MAX; i++) free(f->consults[i].kiosks);
    free(f->files);
    free(f->tracked);
    hash_set_free(&f->ids);
    hash_set_free(&f->reported);
    hash_set_free(&f->delivered);
    free(f->buf);
    free(f);
}

bool results_feed_add_dir(results_feed *f, const char *dir) {
    if (!dir || !*dir || f->n_dirs == RESULTS_MAX_DIRS) return false;
    for (int i = 0; i < f->n_dirs; i++)
        if (!strcmp(f->dirs[i], dir)) return true;
    if (!(f->dirs[f->n_dirs] = strdup(dir))) return false;
    f->n_dirs++;
    return true;
}

static tracked *find_tracked(const results_feed *f, int c, int q) {
    for (int i = 0; i < f->n_tracked; i++)
        if (f->tracked[i].t.consultation == c && f->tracked[i].t.question == q) return &f->tracked[i];
    return NULL;
}

bool results_feed_track(results_feed *f, int c, int q) {
    const config *cfg = f->cfg;
    if (c < 0 || c >= cfg->n_consultations || c >= CONSULT_MAX || q < 0 || q >= cfg->consultations[c].n_questions)
        return false;
    if (find_tracked(f, c, q)) return true;
    if (f->n_tracked == f->cap_tracked) {
        int cap = f->cap_tracked ? f->cap_tracked * 2 : 8;
        tracked *grown = realloc(f->tracked, (size_t)cap * sizeof *grown);
        if (!grown) return false;
        f->tracked = grown, f->cap_tracked = cap;
    }
    results_tally_init(&f->tracked[f->n_tracked++].t, &cfg->consultations[c].questions[q], c, q);
    f->consults[c].n_questions++;
    if (f->read_once) f->recount = true; /* its answers so far are in files already read */
    return true;
}

bool results_feed_get(const results_feed *f, int c, int q, results_tally *out) {
    const tracked *tr = find_tracked(f, c, q);
    if (!tr) return false;
    const consult_state *cs = &f->consults[c];
    *out = tr->t;
    out->kiosks = cs->n_kiosks;
    out->has_since = cs->has_since;
    out->since = cs->since;
    return true;
}

/* A problem, said once for the feed's life (key: what makes two reports the same). */
static void report_once(results_feed *f, const char *key, size_t key_len, const char *file, long line,
                        int col, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
static void report_once(results_feed *f, const char *key, size_t key_len, const char *file, long line,
                        int col, const char *fmt, ...) {
    unsigned char h[HASH_BYTES];
    fingerprint(h, "problem", key, key_len);
    int added = hash_set_add(&f->reported, h);
    if (added < 0) f->oom = true;
    if (added <= 0 || !f->problems) return;
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(f->problems, file, line > INT_MAX ? 0 : (int)line, col, fmt, ap);
    va_end(ap);
}

/* The two last parts of path ("kiosk-a/2026-07-01.jsonl"): a USB copy of a file has the same,
 * so its damaged lines are reported once. */
static const char *file_tail(const char *path) {
    const char *p = path + strlen(path);
    int slashes = 0;
    while (p > path && slashes < 2)
        if (*--p == '/') slashes++;
    return slashes == 2 ? p + 1 : path;
}

static void damaged(results_feed *f, const char *path, long lineno, int col, const char *line, size_t len,
                    const char *why) {
    const char *tail = file_tail(path);
    size_t n = strlen(tail);
    char *key = malloc(n + 1 + len);
    if (!key) {
        f->oom = true;
        return;
    }
    memcpy(key, tail, n + 1);
    memcpy(key + n + 1, line, len);
    report_once(f, key, n + 1 + len, path, lineno, col, "%s; not counted", why);
    free(key);
}

static void count_kiosk(results_feed *f, consult_state *cs, const char *kiosk) {
    if (!kiosk || !*kiosk) return; /* names no kiosk */
    /* A file is one kiosk's: most records are the last one's, known without a hash. */
    bool fits = strlen(kiosk) < sizeof cs->last_kiosk;
    if (cs->n_kiosks && fits && !strcmp(kiosk, cs->last_kiosk)) return;
    snprintf(cs->last_kiosk, sizeof cs->last_kiosk, "%s", fits ? kiosk : ""); /* never a cut one */
    unsigned char h[HASH_BYTES];
    fingerprint(h, "kiosk", kiosk, strlen(kiosk));
    for (int i = 0; i < cs->n_kiosks; i++)
        if (!memcmp(cs->kiosks[i], h, HASH_BYTES)) return;
    if (cs->n_kiosks == MAX_KIOSKS) return;
    if (cs->n_kiosks == cs->cap_kiosks) {
        int cap = cs->cap_kiosks ? cs->cap_kiosks * 2 : 8;
        void *grown = realloc(cs->kiosks, (size_t)cap * HASH_BYTES);
        if (!grown) {
            f->oom = true;
            return;
        }
        cs->kiosks = grown, cs->cap_kiosks = cap;
    }
    memcpy(cs->kiosks[cs->n_kiosks++], h, HASH_BYTES);
}

/* Whether answer id was sealed in rec (its words moved into "sealed", null here): never counted
 * whatever the line says. */
static bool sealed_answer(const json_t *rec, const char *id) {
    if (!seal_record_is_sealed(rec)) return false;
    size_t k;
    const json_t *e;
    json_array_foreach(json_object_get(rec, "personal"), k, e) {
        if (json_is_string(e) && !strcmp(json_string_value(e), id)) return true;
    }
    return false;
}

/* Counts record rec of consultation c into its tracked questions. */
static void count_record(results_feed *f, int c, const json_t *rec, const json_t *answers, pk_date day,
                         long long utc, const char *path, long lineno) {
    consult_state *cs = &f->consults[c];
    const consultation *k = &f->cfg->consultations[c];
    for (int i = 0; i < f->n_tracked; i++) {
        results_tally *t = &f->tracked[i].t;
        if (t->consultation != c) continue;
        const question *qn = &k->questions[t->question];
        const json_t *v = sealed_answer(rec, qn->id) ? NULL : json_object_get(answers, qn->id);
        char bad[96] = "";
        tally_record(t, qn, v, bad, sizeof bad);
        if (bad[0]) {
            char key[256];
            int n = snprintf(key, sizeof key, "%s\n%s\n%s", k->id, qn->id, bad);
            report_once(f, key, n > 0 ? (size_t)n : 0, path, lineno, 0,
                        "question '%s' of consultation '%s': %s is not one of its answers (the config "
                        "changed since?); not counted",
                        qn->id, k->id, bad);
        }
    }
    count_kiosk(f, cs, json_string_value(json_object_get(rec, "kiosk")));
    if (!cs->has_since || utc < cs->since_utc) cs->has_since = true, cs->since_utc = utc, cs->since = day;
}

/* The consultation a record answered, as an index in the config, or -1. Records of the first
 * journey have no "answers" object and answered "feedback" (export.h). */
static int record_consultation(const results_feed *f, const json_t *rec) {
    const char *id = json_is_object(json_object_get(rec, "answers"))
                         ? json_string_value(json_object_get(json_object_get(rec, "consultation"), "id"))
                         : EXPORT_FIRST_JOURNEY;
    const consultation *k = id ? config_consultation(f->cfg, id) : NULL;
    return k ? (int)(k - f->cfg->consultations) : -1;
}

static const char *const shape_keys[] = {"id", "at", "kiosk", "consultation", "answers", "personal", SEAL_FIELD, NULL};
static const json_line_shape tally_shape = {shape_keys, NULL, false};

/* One complete line (its end cut off). */
static void take_line(results_feed *f, const char *path, long lineno, const char *line, size_t len) {
    if (len && line[len - 1] == '\r') len--; /* edited on Windows */
    size_t i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t')) i++;
    if (i == len) return; /* a blank line holds nothing (a torn line's repair leaves one) */
    json_line_error je = {0};
    json_t *rec = json_line_parse(line, len, f->on_record ? NULL : &tally_shape, &je);
    if (!rec) {
        if (je.status == JSON_LINE_CUT_OFF)
            damaged(f, path, lineno, 0, line, len, "record cut off part-way (a write was interrupted)");
        else {
            char why[240];
            snprintf(why, sizeof why, "not JSON: %s", je.text);
            damaged(f, path, lineno, je.column, line, len, why);
        }
        return;
    }
    const char *id = json_string_value(json_object_get(rec, "id"));
    pk_time at;
    if (!json_is_object(rec) || !id || !*id || !date_time_parse(json_string_value(json_object_get(rec, "at")), &at)) {
        damaged(f, path, lineno, 0, line, len, "JSON, but not a feedback record (no 'id', or no date in 'at')");
        json_decref(rec);
        return;
    }
    unsigned char h[HASH_BYTES];
    fingerprint(h, "id", id, strlen(id));
    int added = hash_set_add(&f->ids, h);
    if (added < 0) f->oom = true;
    if (added <= 0) { /* counted already (a USB copy, a file read again), or no memory */
        json_decref(rec);
        return;
    }
    int c = record_consultation(f, rec);
    if (c >= 0 && f->consults[c].n_questions > 0) {
        const json_t *answers = json_object_get(rec, "answers");
        json_t *whole = NULL;
        if (!json_is_object(answers)) { /* the first journey's answers are its top-level fields */
            whole = f->on_record ? json_incref(rec) : json_line_parse(line, len, NULL, NULL);
            answers = whole;
        }
        count_record(f, c, rec, answers, at.day, at.utc, path, lineno);
        json_decref(whole);
    }
    bool tell = true;
    if (f->recount) { /* on_record saw it before the recount unless it is new */
        int d = hash_set_add(&f->delivered, h);
        if (d < 0) f->oom = true;
        tell = d > 0;
    }
    if (tell) {
        f->n_new++;
        if (f->on_record) f->on_record(f->ud, rec);
    }
    json_decref(rec);
}

/* The fingerprint of file fd's first min(upto, HEAD_BYTES) bytes. False when it cannot be read. */
static bool head_of(int fd, off_t upto, unsigned char out[HASH_BYTES]) {
    char head[HEAD_BYTES];
    size_t want = upto < HEAD_BYTES ? (size_t)upto : HEAD_BYTES;
    ssize_t got = pread(fd, head, want, 0);
    if (got != (ssize_t)want) return false;
    fingerprint(out, "head", head, want);
    return true;
}

static bool grow_buf(results_feed *f, size_t need) {
    if (need <= f->cap_buf) return true;
    size_t cap = f->cap_buf ? f->cap_buf : READ_CHUNK;
    while (cap < need) cap *= 2;
    char *grown = realloc(f->buf, cap);
    if (!grown) return false;
    f->buf = grown, f->cap_buf = cap;
    return true;
}

/* Reads the complete lines of e's file after e->offset; a last line without its "\n" stays. */
static void read_file(results_feed *f, feed_file *e, const struct stat *st) {
    int fd = open(e->path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        report_once(f, e->path, strlen(e->path), e->path, 0, 0, "cannot read this file: %s", strerror(errno));
        return;
    }
    unsigned char head[HASH_BYTES];
    bool replaced = e->dev != st->st_dev || e->ino != st->st_ino || st->st_size < e->offset ||
                    (e->offset > 0 && (!head_of(fd, e->offset, head) || memcmp(head, e->head, HASH_BYTES)));
    if (replaced) /* read again from the start: the ids counted keep it from counting twice */
        e->offset = 0, e->lineno = 0;
    e->dev = st->st_dev, e->ino = st->st_ino;
    size_t len = 0;     /* bytes in f->buf, from e->offset on */
    off_t skipped = 0;  /* of a line too long to keep, bytes passed over so far */
    bool eof = false;
    while (!eof && !f->oom) {
        if (len == f->cap_buf && f->cap_buf >= LINE_LIMIT) { /* no "\n" in LINE_LIMIT bytes */
            skipped += (off_t)len;
            len = 0;
        }
        if (!grow_buf(f, len + READ_CHUNK)) {
            f->oom = true;
            break;
        }
        ssize_t n = pread(fd, f->buf + len, f->cap_buf - len, e->offset + skipped + (off_t)len);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            report_once(f, e->path, strlen(e->path), e->path, e->lineno + 1, 0, "reading stopped here: %s",
                        strerror(errno));
            break;
        }
        eof = n == 0;
        len += (size_t)n;
        size_t start = 0;
        for (char *nl; (nl = memchr(f->buf + start, '\n', len - start)) != NULL;) {
            size_t end = (size_t)(nl - f->buf);
            e->lineno++;
            if (skipped) {
                report_once(f, e->path, strlen(e->path), e->path, e->lineno, 0,
                            "a line of more than %d MB: no record; not counted", LINE_LIMIT >> 20);
                e->offset += skipped;
                skipped = 0;
            } else {
                take_line(f, e->path, e->lineno, f->buf + start, end - start);
            }
            e->offset += (off_t)(end + 1 - start);
            start = end + 1;
        }
        memmove(f->buf, f->buf + start, len - start);
        len -= start;
    }
    if (e->offset > 0 && !head_of(fd, e->offset, e->head)) memset(e->head, 0, sizeof e->head);
    e->size = st->st_size, e->mtime = st->st_mtim;
    close(fd);
}

static feed_file *find_file(results_feed *f, const struct stat *st) {
    for (size_t i = 0; i < f->n_files; i++)
        if (f->files[i].dev == st->st_dev && f->files[i].ino == st->st_ino) return &f->files[i];
    return NULL;
}

/* A *.jsonl file found at path: read what is new in it. */
static void found_file(results_feed *f, const char *path, const struct stat *st) {
    feed_file *e = find_file(f, st);
    if (e && e->seen) return; /* the same file twice under the folders (a link, a folder inside another) */
    if (!e) {
        if (f->n_files == f->cap_files) {
            size_t cap = f->cap_files ? f->cap_files * 2 : 64;
            feed_file *grown = realloc(f->files, cap * sizeof *grown);
            if (!grown) {
                f->oom = true;
                return;
            }
            f->files = grown, f->cap_files = cap;
        }
        e = &f->files[f->n_files];
        memset(e, 0, sizeof *e);
        if (!(e->path = strdup(path))) {
            f->oom = true;
            return;
        }
        e->dev = st->st_dev, e->ino = st->st_ino, e->size = -1;
        f->n_files++;
    } else if (strcmp(e->path, path)) { /* renamed: the same file, read on from where it was */
        char *p = strdup(path);
        if (!p) {
            f->oom = true;
            return;
        }
        free(e->path);
        e->path = p;
    }
    e->seen = true;
    if (st->st_size == e->size && st->st_mtim.tv_sec == e->mtime.tv_sec && st->st_mtim.tv_nsec == e->mtime.tv_nsec)
        return; /* nothing new: not even opened */
    read_file(f, e, st);
}

static bool ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcmp(s + n - m, suffix);
}

/* Every *.jsonl under dir, but not in an "abandoned" or quote-decisions folder (no answers
 * there) nor hidden (Syncthing's temporary files, a Mac's "._" copies). */
static void walk(results_feed *f, const char *dir, int depth) {
    DIR *d = depth > MAX_DEPTH ? NULL : opendir(dir);
    if (!d) {
        const char *why = depth > MAX_DEPTH ? "folders nested too deeply (a loop of links?)" : strerror(errno);
        report_once(f, dir, strlen(dir), dir, 0, 0, "cannot read this folder: %s; its records are not counted", why);
        return;
    }
    struct dirent *de;
    while ((de = readdir(d)) != NULL && !f->oom) {
        if (de->d_name[0] == '.') continue;
        char path[PATH_MAX];
        int n = snprintf(path, sizeof path, "%s%s%s", dir, ends_with(dir, "/") ? "" : "/", de->d_name);
        struct stat st;
        if (n < 0 || (size_t)n >= sizeof path || stat(path, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) {
            if (strcmp(de->d_name, ABANDONED_DIR) && strcmp(de->d_name, QUOTE_DECISIONS_DIR)) walk(f, path, depth + 1);
        } else if (S_ISREG(st.st_mode) && ends_with(de->d_name, ".jsonl")) {
            found_file(f, path, &st);
        }
    }
    closedir(d);
}

/* Starts counting again from nothing (a question tracked late): every file from its start. */
static void start_recount(results_feed *f) {
    for (int i = 0; i < f->n_tracked; i++) {
        results_tally *t = &f->tracked[i].t;
        results_tally_init(t, &f->cfg->consultations[t->consultation].questions[t->question], t->consultation,
                           t->question);
    }
    for (int c = 0; c < CONSULT_MAX; c++) {
        consult_state *cs = &f->consults[c];
        cs->n_kiosks = 0, cs->has_since = false, cs->last_kiosk[0] = '\0';
    }
    for (size_t i = 0; i < f->n_files; i++) f->files[i].offset = 0, f->files[i].lineno = 0, f->files[i].size = -1;
    if (f->delivered.n) { /* a recount that ran out of memory: delivered is still right */
        hash_set_free(&f->ids);
    } else {
        f->delivered = f->ids; /* what on_record has been given */
        memset(&f->ids, 0, sizeof f->ids);
    }
}

long results_feed_update(results_feed *f, results_record_fn on_record, void *ud, diag_list *problems) {
    f->on_record = on_record, f->ud = ud, f->problems = problems;
    f->n_new = 0;
    f->oom = false;
    if (f->recount) start_recount(f);
    for (size_t i = 0; i < f->n_files; i++) f->files[i].seen = false;
    for (int i = 0; i < f->n_dirs && !f->oom; i++) {
        struct stat st;
        if (stat(f->dirs[i], &st) == 0 && S_ISREG(st.st_mode))
            found_file(f, f->dirs[i], &st);
        else
            walk(f, f->dirs[i], 0);
    }
    /* Files gone since: their records stay counted; forget where they were read to. */
    size_t kept = 0;
    for (size_t i = 0; i < f->n_files; i++) {
        if (f->files[i].seen || f->oom)
            f->files[kept++] = f->files[i];
        else
            free(f->files[i].path);
    }
    f->n_files = kept;
    if (f->recount && !f->oom) {
        /* Keep the ids counted: a record of a file gone since may count again if it returns. */
        hash_set_free(&f->delivered);
        f->recount = false;
    }
    for (int i = 0; i < f->n_tracked; i++) results_tally_sort(&f->tracked[i].t);
    f->read_once = true;
    free(f->buf); /* half a megabyte, for the few seconds between slides that read */
    f->buf = NULL, f->cap_buf = 0;
    f->on_record = NULL, f->ud = NULL, f->problems = NULL;
    if (f->oom) {
        if (problems) diag_add(problems, NULL, 0, 0, "results: out of memory; the figures may be short");
        return -1;
    }
    return f->n_new;
}
