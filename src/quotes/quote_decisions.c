/* quote_decisions: what people decided about quotes, kept as the feedback log keeps records.
 *
 * The idea: a decision is never changed, only followed by a later one, so the file of each
 * writer (a kiosk, or a desk) is append-only and one writer's alone, and a fleet's files can be
 * gathered by Syncthing without conflicts. Appending reuses the feedback log's one durable
 * append (feedback_append_line: one write(), fsync, a torn last line ended first). Reading
 * takes every writer's file under the folders given, drops a decision whose id was read
 * already (the same file synced into two folders, or a USB copy), and keeps for each quote the
 * latest by (time, writer, seq): time first because people decide in time; writer and seq only
 * break ties, so the answer never depends on the order folders were read in. A decision's time
 * is the latest its writer had written up to it (by seq): a Pi has no clock of its own, and
 * after a power cut may restart at an older time, yet one writer's lines are always in the
 * order they were decided, so a later Approve never loses to the same kiosk's earlier Hide.
 *
 * Ownership: a quote_decisions owns every decision's strings and its two indexes. */
#include "quotes/quotes.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/feedback_log.h"
#include "store/json_line.h"
#include "text/utf8.h"

#define MAX_DEPTH 32         /* a folder loop made of symlinks ends here */
#define MAX_LINE (64 * 1024) /* a decision is a few hundred bytes; longer is damage */

typedef struct decision {
    char *id, *quote, *by, *writer;
    quote_verdict verdict;
    long long utc, seq;
    long long when; /* utc, or later: the latest time its writer wrote up to it (settle) */
} decision;

/* Open addressing on a 64-bit FNV-1a hash, finalised; a slot holds index + 1 into items (0: empty).
 */
typedef struct str_index {
    size_t *slot;
    size_t cap, n;
} str_index;

struct quote_decisions {
    decision *items;
    size_t n, cap;
    str_index by_id;    /* every decision, by its id */
    str_index by_quote; /* the latest decision of each quote, by the quote's key */
    feedback_write_fn write_fn;
};

static uint64_t hash_str(const char *s) {
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    /* FNV's low bits mix poorly (the lowest is the parity of the bytes), and the table takes
     * the low bits: fold the high ones in (MurmurHash3's finaliser). */
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

/* The slot of key in ix (its item found, or the empty slot where it would go). name picks the
 * decision's field the index is keyed on. */
static size_t *index_find(const str_index *ix, const decision *items, bool by_quote,
                          const char *key) {
    size_t mask = ix->cap - 1;
    for (size_t i = hash_str(key) & mask;; i = (i + 1) & mask) {
        size_t *s = &ix->slot[i];
        if (!*s) return s;
        const decision *d = &items[*s - 1];
        if (!strcmp(by_quote ? d->quote : d->id, key)) return s;
    }
}

/* Room for one more key (load kept under 1/2). False on out-of-memory. */
static bool index_grow(str_index *ix, const decision *items, bool by_quote) {
    if (ix->n + 1 <= ix->cap / 2) return true;
    size_t cap = ix->cap ? ix->cap * 2 : 64;
    size_t *slot = calloc(cap, sizeof *slot);
    if (!slot) return false;
    str_index grown = {slot, cap, ix->n};
    for (size_t i = 0; i < ix->cap; i++)
        if (ix->slot[i]) {
            const decision *d = &items[ix->slot[i] - 1];
            *index_find(&grown, items, by_quote, by_quote ? d->quote : d->id) = ix->slot[i];
        }
    free(ix->slot);
    *ix = grown;
    return true;
}

quote_decisions *quote_decisions_new(void) { return calloc(1, sizeof(quote_decisions)); }

void quote_decisions_free(quote_decisions *d) {
    if (!d) return;
    for (size_t i = 0; i < d->n; i++) {
        free(d->items[i].id);
        free(d->items[i].quote);
        free(d->items[i].by);
        free(d->items[i].writer);
    }
    free(d->items);
    free(d->by_id.slot);
    free(d->by_quote.slot);
    free(d);
}

void quote_decisions_set_write_fn(quote_decisions *d,
                                  ssize_t (*write_fn)(int, const void *, size_t)) {
    if (d) d->write_fn = write_fn;
}

const char *quote_verdict_name(quote_verdict v) { return v == QUOTE_APPROVE ? "approve" : "hide"; }

size_t quote_decisions_count(const quote_decisions *d) { return d ? d->n : 0; }

/* a is later than b: by time, then writer, then seq. */
static bool later(const decision *a, const decision *b) {
    if (a->when != b->when) return a->when > b->when;
    int w = strcmp(a->writer, b->writer);
    if (w) return w > 0;
    return a->seq > b->seq;
}

/* Takes one decision (its strings are copied). *added false when its id was already there.
 * False on out-of-memory. */
static bool add_decision(quote_decisions *d, const decision *in, bool *added) {
    *added = false;
    if (!index_grow(&d->by_id, d->items, false)) return false;
    size_t *id_slot = index_find(&d->by_id, d->items, false, in->id);
    if (*id_slot) return true;
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 64;
        decision *grown = realloc(d->items, cap * sizeof *grown);
        if (!grown) return false;
        d->items = grown;
        d->cap = cap;
    }
    decision *x = &d->items[d->n];
    *x = *in;
    x->id = strdup(in->id), x->quote = strdup(in->quote);
    x->by = strdup(in->by ? in->by : ""), x->writer = strdup(in->writer);
    if (!x->id || !x->quote || !x->by || !x->writer) {
        free(x->id), free(x->quote), free(x->by), free(x->writer);
        return false;
    }
    x->when = x->utc;
    d->n++;
    *id_slot = d->n;
    d->by_id.n++;
    *added = true;
    return true;
}

/* Writer, then seq (then time and id, so a writer whose numbers restarted still sorts the
 * same way every time). */
static int cmp_written(const void *pa, const void *pb) {
    const decision *a = *(const decision *const *)pa, *b = *(const decision *const *)pb;
    int c = strcmp(a->writer, b->writer);
    if (c) return c;
    if (a->seq != b->seq) return a->seq < b->seq ? -1 : 1;
    if (a->utc != b->utc) return a->utc < b->utc ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* Sets every decision's time as its writer wrote it (see the top) and picks each quote's
 * latest. False on out-of-memory (then the index is left empty: no decision found). */
static bool settle(quote_decisions *d) {
    free(d->by_quote.slot);
    d->by_quote = (str_index){0};
    if (!d->n) return true;
    decision **order = malloc(d->n * sizeof *order);
    size_t cap = 64;
    while (cap < 2 * d->n + 2) cap *= 2;
    size_t *slot = calloc(cap, sizeof *slot);
    if (!order || !slot) {
        free(order), free(slot);
        return false;
    }
    for (size_t i = 0; i < d->n; i++) order[i] = &d->items[i];
    qsort(order, d->n, sizeof *order, cmp_written);
    for (size_t i = 0; i < d->n; i++) {
        bool same = i && !strcmp(order[i]->writer, order[i - 1]->writer);
        order[i]->when =
            same && order[i - 1]->when > order[i]->utc ? order[i - 1]->when : order[i]->utc;
    }
    free(order);
    d->by_quote = (str_index){slot, cap, 0};
    for (size_t i = 0; i < d->n; i++) {
        size_t *s = index_find(&d->by_quote, d->items, true, d->items[i].quote);
        if (!*s) d->by_quote.n++;
        if (!*s || later(&d->items[i], &d->items[*s - 1])) *s = i + 1;
    }
    return true;
}

bool quote_decisions_latest(const quote_decisions *d, const char *key, quote_verdict *v,
                            const char **by, long long *utc) {
    if (!d || !key || !d->by_quote.cap) return false;
    size_t s = *index_find(&d->by_quote, d->items, true, key);
    if (!s) return false;
    const decision *x = &d->items[s - 1];
    if (v) *v = x->verdict;
    if (by) *by = x->by;
    if (utc) *utc = x->utc;
    return true;
}

/* ---- reading ---------------------------------------------------------------------------- */

static bool because(const char **why, const char *reason) {
    *why = reason;
    return false;
}

/* One line as a decision (pointing into obj), or false with why. */
static bool parse_decision(const json_t *obj, decision *out, const char **why) {
    if (!json_is_object(obj)) return because(why, "not a decision (not a JSON object)");
    const char *id = json_string_value(json_object_get(obj, "id"));
    const char *qkey = json_string_value(json_object_get(obj, "quote"));
    const char *verdict = json_string_value(json_object_get(obj, "decision"));
    const char *at = json_string_value(json_object_get(obj, "at"));
    const char *writer = json_string_value(json_object_get(obj, "writer"));
    const json_t *by = json_object_get(obj, "by"), *seq = json_object_get(obj, "seq");
    if (!id || !*id) return because(why, "no \"id\"");
    if (!qkey || !*qkey || strlen(qkey) >= QUOTE_KEY_LEN)
        return because(why, "no \"quote\" key, or one too long");
    if (!verdict || (strcmp(verdict, "approve") && strcmp(verdict, "hide")))
        return because(why, "\"decision\" is not \"approve\" or \"hide\"");
    pk_time t;
    if (!date_time_parse(at, &t) || !t.exact) return because(why, "\"at\" is not a time");
    if (!writer || !*writer) return because(why, "no \"writer\"");
    if (by && !json_is_null(by) && !json_is_string(by)) return because(why, "\"by\" is not words");
    if (!json_is_integer(seq) || json_integer_value(seq) < 1)
        return because(why, "\"seq\" is not a number from 1");
    out->id = (char *)id, out->quote = (char *)qkey, out->writer = (char *)writer;
    out->by = (char *)json_string_value(by);
    out->verdict = strcmp(verdict, "approve") ? QUOTE_HIDE : QUOTE_APPROVE;
    out->seq = json_integer_value(seq);
    out->utc = t.utc;
    return true;
}

static void problem(diag_list *problems, const char *path, long line, const char *why) {
    if (problems) diag_add(problems, path, (int)line, 0, "%s; skipped", why);
}

/* Every line of one decisions file. False only on out-of-memory. */
static bool read_file(quote_decisions *d, const char *path, diag_list *problems) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        char why[DIAG_LEN];
        snprintf(why, sizeof why, "cannot read this file: %s", strerror(errno));
        problem(problems, path, 0, why);
        return true;
    }
    char *line = NULL;
    size_t size = 0;
    ssize_t len;
    long lineno = 0;
    bool ok = true;
    while (ok && (len = getline(&line, &size, f)) > 0) {
        lineno++;
        bool torn = line[len - 1] != '\n';
        size_t n = (size_t)len - !torn;
        if (n == 0) continue; /* an empty line (a hand edit) holds no decision */
        if (torn) {
            problem(problems, path, lineno, "a decision cut off by an interrupted write");
            break;
        }
        if (n > MAX_LINE) {
            problem(problems, path, lineno, "a line far longer than any decision");
            continue;
        }
        json_line_error je = {0};
        json_t *obj = json_line_parse(line, n, NULL, &je);
        const char *why = je.text[0] ? je.text : "not JSON";
        decision x = {0};
        bool added;
        if (!obj)
            problem(problems, path, lineno, why);
        else if (!parse_decision(obj, &x, &why))
            problem(problems, path, lineno, why);
        else if (!add_decision(d, &x, &added))
            ok = false;
        json_decref(obj);
    }
    if (ok && ferror(f)) {
        char why[DIAG_LEN];
        snprintf(why, sizeof why, "cannot read on from here: %s", strerror(errno));
        problem(problems, path, lineno + 1, why);
    }
    free(line);
    fclose(f);
    return ok;
}

static int cmp_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcmp(s + n - m, suffix);
}

/* The entries of dir (hidden ones left out: a Mac's "._" copies), sorted, so problems come in
 * the same order every time. NULL with *n 0 when it cannot be read (errno set). */
static char **list_dir(const char *dir, size_t *n) {
    *n = 0;
    DIR *dh = opendir(dir);
    if (!dh) return NULL;
    char **names = NULL;
    size_t cap = 0;
    struct dirent *de;
    while ((de = readdir(dh)) != NULL) {
        if (de->d_name[0] == '.') continue;
        if (*n == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            char **grown = realloc(names, ncap * sizeof *names);
            if (!grown) break;
            names = grown;
            cap = ncap;
        }
        if (!(names[*n] = strdup(de->d_name))) break;
        (*n)++;
    }
    closedir(dh);
    if (*n > 1) qsort(names, *n, sizeof *names, cmp_names);
    if (!names) names = calloc(1, sizeof *names);
    return names;
}

/* Reads the decisions under dir: the *.jsonl of a quote-decisions folder, and every folder's
 * below. False only on out-of-memory. */
static bool walk(quote_decisions *d, const char *dir, int depth, bool decisions_dir,
                 diag_list *problems) {
    if (depth > MAX_DEPTH) {
        problem(problems, dir, 0, "folders nested too deeply (a loop of links?)");
        return true;
    }
    size_t n;
    char **names = list_dir(dir, &n);
    if (!names) {
        char why[DIAG_LEN];
        snprintf(why, sizeof why, "cannot read this folder: %s", strerror(errno));
        problem(problems, dir, 0, why);
        return true;
    }
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        char path[PATH_MAX];
        int len =
            snprintf(path, sizeof path, "%s%s%s", dir, ends_with(dir, "/") ? "" : "/", names[i]);
        struct stat st;
        if (ok && len > 0 && (size_t)len < sizeof path && stat(path, &st) == 0) {
            if (decisions_dir && S_ISREG(st.st_mode) && ends_with(names[i], ".jsonl"))
                ok = read_file(d, path, problems);
            else if (!decisions_dir && S_ISDIR(st.st_mode))
                ok = walk(d, path, depth + 1, !strcmp(names[i], QUOTE_DECISIONS_DIR), problems);
        }
        free(names[i]);
    }
    free(names);
    return ok;
}

/* Whether dir is itself a quote-decisions folder ("…/quote-decisions/" too). */
static bool is_decisions_dir(const char *dir) {
    size_t len = strlen(dir), m = strlen(QUOTE_DECISIONS_DIR);
    while (len > 1 && dir[len - 1] == '/') len--;
    return len >= m && !strncmp(dir + len - m, QUOTE_DECISIONS_DIR, m) &&
           (len == m || dir[len - m - 1] == '/');
}

bool quote_decisions_read(quote_decisions *d, const char *const *dirs, int n_dirs,
                          diag_list *problems, pk_error *err) {
    /* A folder that cannot be read fails the call, but only after the others are read: the
     * caller may still use what was found, knowing it is not everything. */
    bool all = true;
    for (int i = 0; i < n_dirs; i++) {
        struct stat st;
        DIR *probe = NULL;
        if (stat(dirs[i], &st) != 0 || (S_ISDIR(st.st_mode) && !(probe = opendir(dirs[i])))) {
            if (all) pk_fail(err, "%s: cannot read this folder: %s", dirs[i], strerror(errno));
            all = false;
            continue;
        }
        if (!probe) continue; /* a single log file given: it holds no decisions */
        closedir(probe);
        if (!walk(d, dirs[i], 0, is_decisions_dir(dirs[i]), problems)) {
            settle(d);
            return pk_fail(err, "out of memory reading decisions");
        }
    }
    if (!settle(d)) return pk_fail(err, "out of memory reading decisions");
    return all;
}

/* ---- appending -------------------------------------------------------------------------- */

/* Lines already in path (a torn last line counts: it is a line), 0 when there is no file yet;
 * -1 with errno when it cannot be read. */
static long count_lines(const char *path) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return errno == ENOENT ? 0 : -1;
    long lines = 0;
    char buf[65536], last = '\n';
    ssize_t r;
    while ((r = read(fd, buf, sizeof buf)) != 0) {
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            int e = errno;
            close(fd);
            errno = e;
            return -1;
        }
        for (ssize_t i = 0; i < r; i++) lines += buf[i] == '\n';
        last = buf[r - 1];
    }
    close(fd);
    return lines + (last != '\n');
}

/* A writer names a folder of its own: not empty, no '/', not hidden. */
static bool valid_writer(const char *w) {
    return w && *w && w[0] != '.' && !strchr(w, '/') && strlen(w) < 128;
}

/* One decision as its JSON line (with its '\n'), into out. False when out fails (memory). */
static bool put_line(FILE *out, const decision *x, const char *iso) {
    json_t *obj = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:I}", "id", x->id, "quote", x->quote,
                            "decision", quote_verdict_name(x->verdict), "by", x->by, "at", iso,
                            "writer", x->writer, "seq", (json_int_t)x->seq);
    bool ok = obj && json_dumpf(obj, out, JSON_COMPACT) == 0 && fputc('\n', out) != EOF;
    json_decref(obj);
    return ok;
}

bool quote_decisions_append_many(quote_decisions *d, const char *base_dir, const char *writer,
                                 const quote_decision_item *items, size_t n, const char *by,
                                 time_t at, pk_error *err) {
    const char *what = n == 1 ? "the decision" : "the decisions";
    if (n == 0) return true;
    if (!base_dir || !*base_dir) return pk_fail(err, "cannot save %s: no feedback folder", what);
    if (!valid_writer(writer))
        return pk_fail(err, "cannot save %s: '%s' cannot name a folder", what,
                       writer ? writer : "");
    for (size_t i = 0; i < n; i++) {
        const char *key = items[i].key;
        if (!key || !*key || strlen(key) >= QUOTE_KEY_LEN || !utf8_valid(key, strlen(key)))
            return n == 1 ? pk_fail(err, "cannot save the decision: no quote key, or one too long")
                          : pk_fail(err,
                                    "cannot save the decisions: decision %zu of %zu has no quote "
                                    "key, or one too long; none was saved",
                                    i + 1, n);
    }
    if (by && !utf8_valid(by, strlen(by)))
        return pk_fail(err, "cannot save %s: the name of who decided is not UTF-8 text", what);
    char folder[PATH_MAX], path[PATH_MAX];
    int fl = snprintf(folder, sizeof folder, "%s/%s/%s", base_dir, writer, QUOTE_DECISIONS_DIR);
    int pl = snprintf(path, sizeof path, "%s/%s", folder, QUOTE_DECISIONS_FILE);
    if (fl < 0 || pl < 0 || (size_t)pl >= sizeof path)
        return pk_fail(err, "cannot save %s: the path %s is too long", what, folder);

    /* Counted once for the whole batch: counting per decision made a sheet's apply quadratic. */
    long lines = count_lines(path);
    if (lines < 0) return pk_fail(err, "cannot save %s to %s: %s", what, path, strerror(errno));
    char(*ids)[37] = calloc(n, sizeof *ids);
    decision *xs = calloc(n, sizeof *xs);
    char *text = NULL, iso[32];
    size_t len = 0;
    FILE *out = ids && xs ? open_memstream(&text, &len) : NULL;
    if (!out) {
        free(ids), free(xs);
        return pk_fail(err, "cannot save %s: out of memory", what);
    }
    feedback_time_iso(at, iso);
    bool ok = true, random_ok = true;
    for (size_t i = 0; ok && i < n; i++) {
        xs[i] = (decision){.id = ids[i],
                           .quote = (char *)items[i].key,
                           .by = (char *)(by ? by : ""),
                           .writer = (char *)writer,
                           .verdict = items[i].verdict,
                           .utc = (long long)at,
                           .seq = lines + 1 + (long long)i};
        ok = (random_ok = feedback_uuid4(ids[i])) && put_line(out, &xs[i], iso);
    }
    ok = fclose(out) == 0 && ok;
    if (ok) {
        char to[48];
        snprintf(to, sizeof to, "cannot save %s to", what);
        /* One write, one fsync: the batch is on disk whole, or (a disk filled part-way) its
         * first whole lines are, and the torn rest is ended by the next append. */
        ok = feedback_append_line(folder, QUOTE_DECISIONS_FILE, text, d ? d->write_fn : NULL, to,
                                  err);
    } else if (random_ok) {
        pk_fail(err, "cannot save %s: out of memory", what);
    } else {
        pk_fail(err, "cannot save %s: the system's random source failed", what);
    }
    free(text);
    /* On disk now: were memory to run out here, the next read would still find them. */
    bool added, any = false;
    for (size_t i = 0; ok && d && i < n && add_decision(d, &xs[i], &added); i++) any = true;
    if (any) settle(d);
    free(ids), free(xs);
    return ok;
}

bool quote_decision_append(quote_decisions *d, const char *base_dir, const char *writer,
                           const char *key, quote_verdict v, const char *by, time_t at,
                           pk_error *err) {
    quote_decision_item one = {key, v};
    return quote_decisions_append_many(d, base_dir, writer, &one, 1, by, at, err);
}
