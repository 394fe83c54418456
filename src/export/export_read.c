/* export_read: reads feedback trees into one merged, de-duplicated, filtered and sorted set
 * (the contract is in export.h).
 *
 * Reading is deliberately forgiving and loud: every line stands alone, and a line that cannot
 * be used (cut off by a power cut, not JSON, not UTF-8, not a record, sealed for another key)
 * is listed with its FILE:LINE and skipped.
 *
 * It reads in two passes so that memory does not grow with the records' size. The scan parses
 * each line only as far as it needs (id, time, kiosk, consultation, which answers; json_line's
 * shapes), and keeps per record only what de-duplication and order need: a 16-byte hash of its
 * id, its time, and where its line is (an export_slot, 40 bytes). Records are then sorted, and
 * read again one at a time, in order, as they are written (export_record_get); export_collect
 * reads them all for those (the report, the kiosk's own USB export) that want them at once. */
#include "export/export.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/json_line.h"
#include "text/utf8.h"

#define ABANDONED_DIR "abandoned"
#define MAX_DEPTH 32       /* a folder loop made of symlinks ends here */
#define MAX_OPEN_FILES 16  /* files kept open while records are read again in time order */
#define WINDOW (128 * 1024) /* read ahead in each: a syscall per record was a tenth of the time */
#define OFFSET_BITS 40     /* a line's offset in its file: up to 1 TB */
#define HASH_BYTES 16

struct export_slot {
    long long utc;   /* `at` as seconds since 1970 UTC */
    uint64_t where;  /* file index << OFFSET_BITS | offset of the line */
    uint32_t len;    /* the line's length, without its line end */
    uint32_t lineno; /* for messages */
    unsigned char id[HASH_BYTES]; /* SipHash-128 of the id: two ids colliding is a 1-in-10^38 chance */
};

/* An open file and the part of it read last. */
typedef struct window {
    int file, fd; /* file -1: unused */
    char *data;
    size_t cap, len;
    off_t off;
    unsigned long used;
} window;

/* Files open for reading records again; one per thread that reads. */
struct export_reader {
    const export_set *set;
    window win[MAX_OPEN_FILES];
    unsigned long tick;
};

struct export_files {
    char **paths;
    int n, cap;
    export_reader *own; /* export_record_get's */
};

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

static void hash_bytes(unsigned char out[HASH_BYTES], const void *a, size_t na, const void *b, size_t nb) {
    static const unsigned char key[crypto_shorthash_siphashx24_KEYBYTES]; /* a fixed key: ids are not secrets */
    if (!b) {
        crypto_shorthash_siphashx24(out, a, na, key);
        return;
    }
    /* Two parts: hash the second, then both the first and that hash. */
    unsigned char inner[HASH_BYTES], both[512 + HASH_BYTES];
    crypto_shorthash_siphashx24(inner, b, nb, key);
    if (na > 512) na = 512;
    memcpy(both, a, na);
    memcpy(both + na, inner, HASH_BYTES);
    crypto_shorthash_siphashx24(out, both, na + HASH_BYTES, key);
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

/* ---- a table of 16-byte hashes, by index into an array the caller keeps ------------------ */

typedef struct hash_table {
    uint32_t *slot; /* index + 1; 0 is empty */
    size_t cap, n;
} hash_table;

static const unsigned char *key_at(const unsigned char *base, size_t stride, uint32_t i) {
    return base + (size_t)i * stride;
}

/* The index of h among the keys (key i at base + i * stride), or -1. */
static long table_find(const hash_table *t, const unsigned char *base, size_t stride, const unsigned char *h) {
    if (!t->cap) return -1;
    uint64_t start;
    memcpy(&start, h, sizeof start);
    for (size_t i = start & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
        uint32_t s = t->slot[i];
        if (!s) return -1;
        if (!memcmp(key_at(base, stride, s - 1), h, HASH_BYTES)) return (long)(s - 1);
    }
}

static void table_put(hash_table *t, const unsigned char *base, size_t stride, uint32_t idx) {
    uint64_t start;
    memcpy(&start, key_at(base, stride, idx), sizeof start);
    size_t i = start & (t->cap - 1);
    while (t->slot[i]) i = (i + 1) & (t->cap - 1);
    t->slot[i] = idx + 1;
    t->n++;
}

/* Adds index idx (whose key is already in the array); false when memory runs out. */
static bool table_add(hash_table *t, const unsigned char *base, size_t stride, uint32_t idx) {
    if ((t->n + 1) * 2 > t->cap) { /* at most half full: probes stay short */
        size_t cap = t->cap ? t->cap * 2 : 1024;
        hash_table grown = {calloc(cap, sizeof *grown.slot), cap, 0};
        if (!grown.slot) return false;
        for (size_t i = 0; i < t->cap; i++)
            if (t->slot[i]) table_put(&grown, base, stride, t->slot[i] - 1);
        free(t->slot);
        *t = grown;
    }
    table_put(t, base, stride, idx);
    return true;
}

/* A set of hashes of its own (abandoned visits' ids, damaged lines). */
typedef struct hash_set {
    unsigned char (*keys)[HASH_BYTES];
    size_t n, cap;
    hash_table t;
} hash_set;

/* Adds h; true if it was new. *oom set when memory runs out. */
static bool hash_set_add(hash_set *s, const unsigned char h[HASH_BYTES], bool *oom) {
    if (table_find(&s->t, (const unsigned char *)s->keys, HASH_BYTES, h) >= 0) return false;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        void *grown = realloc(s->keys, cap * HASH_BYTES);
        if (!grown) {
            *oom = true;
            return false;
        }
        s->keys = grown, s->cap = cap;
    }
    memcpy(s->keys[s->n], h, HASH_BYTES);
    if (!table_add(&s->t, (const unsigned char *)s->keys, HASH_BYTES, (uint32_t)s->n)) {
        *oom = true;
        return false;
    }
    s->n++;
    return true;
}

static void hash_set_free(hash_set *s) {
    free(s->keys);
    free(s->t.slot);
}

/* ---- the set --------------------------------------------------------------------------- */

export_reader *export_reader_new(const export_set *set) {
    export_reader *rd = calloc(1, sizeof *rd);
    if (!rd) return NULL;
    rd->set = set;
    for (int i = 0; i < MAX_OPEN_FILES; i++) rd->win[i] = (window){.file = -1, .fd = -1};
    return rd;
}

void export_reader_free(export_reader *rd) {
    if (!rd) return;
    for (int i = 0; i < MAX_OPEN_FILES; i++) {
        if (rd->win[i].fd >= 0) close(rd->win[i].fd);
        free(rd->win[i].data);
    }
    free(rd);
}

static void files_free(export_files *f) {
    if (!f) return;
    export_reader_free(f->own);
    for (int i = 0; i < f->n; i++) free(f->paths[i]);
    free(f->paths);
    free(f);
}

void export_set_free(export_set *set) {
    if (!set) return;
    for (size_t i = 0; set->records && i < set->n; i++) {
        json_decref(set->records[i].json);
        json_decref(set->records[i].answers);
    }
    json_decref(set->kiosks_seen);
    json_decref(set->answer_keys);
    json_decref(set->abandoned_steps);
    free(set->records);
    free(set->slots);
    files_free(set->files);
    if (set->problems) {
        for (int i = 0; i < set->problems->count; i++) free(set->problems->items[i]);
        free(set->problems->items);
        free(set->problems);
    }
    free(set->inputs);
    memset(set, 0, sizeof *set);
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

/* Where an answer id was first met: the record (by its place in the order) and the answer's
 * place in it. */
typedef struct key_first {
    char *key;
    long long utc;
    char *at, *id;
    int index;
} key_first;

/* What collecting needs besides the set. */
typedef struct collector {
    export_set *set;
    const export_filter *filter;
    hash_table ids;    /* over set->slots */
    hash_set damaged;  /* damaged lines already counted, by folder, file name and content */
    hash_set left;     /* abandoned visits counted, by id */
    key_first *keys;
    int n_keys, cap_keys;
    json_t *key_index; /* answer id -> its index in keys */
    int file;          /* the file being read, in set->files */
    bool oom;
} collector;

static void problem(collector *c, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void problem(collector *c, const char *file, long line, const char *fmt, ...) {
    export_problems *p = c->set->problems;
    if (p->count == p->cap) {
        int cap = p->cap ? p->cap * 2 : 32;
        char **grown = realloc(p->items, (size_t)cap * sizeof *grown);
        if (!grown) {
            c->oom = true;
            return;
        }
        p->items = grown, p->cap = cap;
    }
    char where[PATH_MAX + 32], what[600];
    if (line > 0)
        snprintf(where, sizeof where, "%s:%ld: ", file, line);
    else
        snprintf(where, sizeof where, "%s: ", file);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    size_t n = strlen(where) + strlen(what) + 1;
    char *s = malloc(n);
    if (!s) {
        c->oom = true;
        return;
    }
    snprintf(s, n, "%s%s", where, what);
    p->items[p->count++] = s;
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

/* Opens a sealed record with the key given for it: the one whose fingerprint it names, else
 * (a record from before fingerprints) each in turn. *damaged gets why a key that should open
 * it did not; false when none opens it. */
static bool try_open(const export_filter *f, json_t *rec, char *damaged, size_t size) {
    if (!f || f->n_keys == 0) return false;
    const char *want = json_string_value(json_object_get(rec, SEAL_FINGERPRINT_FIELD));
    pk_error err = {{0}};
    for (int k = 0; k < f->n_keys; k++) {
        char fp[SEAL_FINGERPRINT_LEN];
        seal_fingerprint(f->pk[k], fp);
        if (want && strcmp(want, fp)) continue;
        if (open_record_json(rec, f->pk[k], f->sk[k], &err)) return true;
        if (strcmp(err.msg, SEAL_WRONG_KEY)) {
            snprintf(damaged, size, "%s", err.msg);
            return false;
        }
    }
    return false;
}

/* Counts a sealed record that stays sealed: listed when its seal is damaged, counted by
 * fingerprint when no key given is its key. */
static void count_sealed(collector *c, const char *path, long lineno, const json_t *rec, const char *damaged) {
    export_set *set = c->set;
    set->sealed++;
    if (damaged[0]) {
        problem(c, path, lineno, "%s; kept sealed", damaged);
        return;
    }
    if (!c->filter || c->filter->n_keys == 0) return;
    set->wrong_key++;
    const char *want = json_string_value(json_object_get(rec, SEAL_FINGERPRINT_FIELD));
    const char *name = want ? want : "(not named)"; /* sealed before records named their key */
    int i = 0;
    while (i < set->n_other_keys && strcmp(set->other_keys[i].fingerprint, name)) i++;
    if (i == set->n_other_keys && i < EXPORT_MAX_KEYS)
        snprintf(set->other_keys[set->n_other_keys++].fingerprint, SEAL_FINGERPRINT_LEN, "%s", name);
    if (i < set->n_other_keys) set->other_keys[i].records++;
}

/* Whether record (utc, at, id) comes before the one a key was first met in. */
static bool earlier(long long utc, const char *at, const char *id, const key_first *k) {
    if (utc != k->utc) return utc < k->utc;
    int c = strcmp(at, k->at);
    return c ? c < 0 : strcmp(id, k->id) < 0;
}

/* Notes the answer ids of a kept record, so the columns can be laid out as if every record
 * had been read in order (see export_set.answer_keys). */
static void note_keys(collector *c, const json_t *answers, long long utc, const char *at, const char *id) {
    const char *key;
    json_t *v;
    int index = 0;
    json_object_foreach((json_t *)answers, key, v) {
        json_t *known = json_object_get(c->key_index, key);
        key_first *k;
        if (known) {
            k = &c->keys[json_integer_value(known)];
            if (!earlier(utc, at, id, k)) {
                index++;
                continue;
            }
            free(k->at);
            free(k->id);
        } else {
            if (c->n_keys == c->cap_keys) {
                int cap = c->cap_keys ? c->cap_keys * 2 : 32;
                key_first *grown = realloc(c->keys, (size_t)cap * sizeof *grown);
                if (!grown) {
                    c->oom = true;
                    return;
                }
                c->keys = grown, c->cap_keys = cap;
            }
            k = &c->keys[c->n_keys];
            k->key = strdup(key);
            if (!k->key || json_object_set_new(c->key_index, key, json_integer(c->n_keys)) != 0) {
                free(k->key);
                c->oom = true;
                return;
            }
            c->n_keys++;
        }
        k->utc = utc, k->index = index++;
        k->at = strdup(at), k->id = strdup(id);
        if (!k->at || !k->id) c->oom = true;
    }
}

static int cmp_key_first(const void *pa, const void *pb) {
    const key_first *a = pa, *b = pb;
    if (earlier(a->utc, a->at, a->id, b)) return -1;
    if (earlier(b->utc, b->at, b->id, a)) return 1;
    return a->index - b->index;
}

static bool push_slot(export_set *set, const export_slot *s) {
    if (set->n == set->cap_slots) {
        size_t ncap = set->cap_slots ? set->cap_slots * 2 : 1024;
        export_slot *grown = realloc(set->slots, ncap * sizeof *grown);
        if (!grown) return false;
        set->slots = grown;
        set->cap_slots = ncap;
    }
    set->slots[set->n++] = *s;
    return true;
}

/* The two last parts of path ("kiosk-a/2026-07-01.jsonl"): the same file on a USB stick and in
 * a kiosk's folder has the same. */
static const char *file_tail(const char *path) {
    const char *end = path + strlen(path), *p = end;
    int slashes = 0;
    while (p > path && slashes < 2)
        if (*--p == '/') slashes++;
    return slashes == 2 ? p + 1 : path;
}

/* A damaged line: counted and listed, once however many copies of its file are read. */
static void damaged_line(collector *c, const char *path, long lineno, const char *line, size_t len,
                         const char *fmt, const char *detail) {
    const char *tail = file_tail(path);
    unsigned char h[HASH_BYTES];
    hash_bytes(h, tail, strlen(tail) + 1, line, len);
    if (!hash_set_add(&c->damaged, h, &c->oom)) {
        if (!c->oom) c->set->damaged_copies++;
        return;
    }
    c->set->unreadable++;
    problem(c, path, lineno, fmt, detail);
}

static const char *const scan_keys[] = {"id", "at", "kiosk", "consultation", "answers", SEAL_FIELD,
                                        SEAL_FINGERPRINT_FIELD, NULL};
static const json_line_shape scan_shape = {scan_keys, "answers"};

/* Takes one line (without its line end) at offset in the file being read; torn: it is the
 * file's last line and has no '\n'. A line that cannot be used is counted and listed with its
 * reason; a blank line is passed over. */
static void take_line(collector *c, const char *path, long lineno, const char *line, size_t len, off_t offset,
                      bool torn) {
    size_t i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t')) i++;
    if (i == len) return; /* a blank line holds nothing to lose */

    static const char torn_why[] = "torn line without a newline (cut off by an interrupted write)";
    export_set *set = c->set;
    if (!utf8_valid(line, len)) {
        damaged_line(c, path, lineno, line, len, "%s", torn ? torn_why : "not valid UTF-8 text");
        return;
    }
    json_line_error jerr;
    json_t *rec = json_line_parse(line, len, &scan_shape, &jerr);
    if (!rec) {
        char why[240];
        if (torn)
            snprintf(why, sizeof why, "%s", torn_why);
        else if (jerr.status == JSON_LINE_CUT_OFF) /* and the next line starts afresh */
            snprintf(why, sizeof why, "record cut off part-way (a write was interrupted; the next line is whole)");
        else
            snprintf(why, sizeof why, "not JSON: %s at column %d", jerr.text, jerr.column);
        damaged_line(c, path, lineno, line, len, "%s", why);
        return;
    }
    const char *id = json_string_value(json_object_get(rec, "id"));
    const char *at = json_string_value(json_object_get(rec, "at"));
    pk_date day;
    int clock;
    export_slot s = {0};
    const char *why = NULL;
    if (!json_is_object(rec))
        why = "JSON, but not a feedback record (not an object)";
    else if (!id || !*id)
        why = "JSON, but not a feedback record (it has no 'id')";
    else if (!parse_at(at, &day, &clock, &s.utc))
        why = "JSON, but not a feedback record (its 'at' is missing or not a date)";
    if (why) {
        damaged_line(c, path, lineno, line, len, "%s", torn ? torn_why : why);
        json_decref(rec);
        return;
    }
    /* A complete record whose '\n' alone was lost is whole: keep it. */
    set->read++;
    hash_bytes(s.id, id, strlen(id), NULL, 0);
    if (table_find(&c->ids, (const unsigned char *)set->slots + offsetof(export_slot, id), sizeof(export_slot), s.id) >= 0) {
        set->duplicates++;
        json_decref(rec);
        return;
    }
    if ((unsigned long long)offset >> OFFSET_BITS || (unsigned)c->file >> (64 - OFFSET_BITS) || len > UINT32_MAX) {
        problem(c, path, lineno, "a file this large cannot be read (over 1 TB, or a line over 4 GB)");
        set->unreadable++;
        json_decref(rec);
        return;
    }
    s.where = (uint64_t)c->file << OFFSET_BITS | (uint64_t)offset;
    s.len = (uint32_t)len;
    s.lineno = (uint32_t)lineno;
    if (!push_slot(set, &s) ||
        !table_add(&c->ids, (const unsigned char *)set->slots + offsetof(export_slot, id), sizeof(export_slot),
                   (uint32_t)(set->n - 1))) {
        c->oom = true;
        json_decref(rec);
        return;
    }
    const char *kiosk = json_string_value(json_object_get(rec, "kiosk"));
    if (kiosk && set->kiosks_seen) json_object_set_new(set->kiosks_seen, kiosk, json_true());
    if (!date_wanted(c->filter, day) || !kiosk_wanted(c->filter, rec) || !consultation_wanted(c->filter, rec)) {
        set->filtered_out++;
        set->slots[set->n - 1].lineno = 0; /* left out: dropped once the scan is over */
        json_decref(rec);
        return;
    }
    if (seal_record_is_sealed(rec)) {
        /* Opening needs the whole record; it is rare enough to parse such a line twice. */
        char damaged[DIAG_LEN] = "";
        json_t *whole = c->filter && c->filter->n_keys ? json_line_parse(line, len, NULL, NULL) : NULL;
        if (whole && try_open(c->filter, whole, damaged, sizeof damaged)) {
            json_decref(rec);
            rec = whole;
        } else {
            count_sealed(c, path, lineno, whole ? whole : rec, damaged);
            json_decref(whole);
        }
    }
    json_t *answers = answers_view(rec);
    if (!answers) c->oom = true;
    note_keys(c, answers, s.utc, at, id);
    json_decref(answers);
    json_decref(rec);
}

/* One line of an "abandoned" folder: a visit left before its end, counted once by id. Damaged
 * lines there are passed over quietly: they hold no answers, only one count of a chart. */
static void take_abandoned(collector *c, const char *line, size_t len) {
    static const char *const keep[] = {"id", "at", "kiosk", "step", NULL};
    static const json_line_shape shape = {keep, NULL};
    json_t *rec = json_line_parse(line, len, &shape, NULL);
    const char *id = json_string_value(json_object_get(rec, "id"));
    pk_date day;
    int clock;
    long long utc;
    if (id && parse_at(json_string_value(json_object_get(rec, "at")), &day, &clock, &utc) &&
        date_wanted(c->filter, day) && kiosk_wanted(c->filter, rec)) {
        unsigned char h[HASH_BYTES];
        hash_bytes(h, id, strlen(id), NULL, 0);
        if (hash_set_add(&c->left, h, &c->oom)) {
            const char *step = json_string_value(json_object_get(rec, "step"));
            if (!step) step = "(not known)";
            json_t *n = json_object_get(c->set->abandoned_steps, step);
            json_object_set_new(c->set->abandoned_steps, step, json_integer(json_integer_value(n) + 1));
            c->set->abandoned++;
        }
    }
    json_decref(rec);
}

static int add_file(collector *c, const char *path) {
    export_files *f = c->set->files;
    if (f->n == f->cap) {
        int cap = f->cap ? f->cap * 2 : 64;
        char **paths = realloc(f->paths, (size_t)cap * sizeof *paths);
        if (!paths) return -1;
        f->paths = paths;
        f->cap = cap;
    }
    if (!(f->paths[f->n] = strdup(path))) return -1;
    return f->n++;
}

static void read_file(collector *c, const char *path, bool abandoned) {
    FILE *f = fopen(path, "rb");
    struct stat st;
    if (!f || fstat(fileno(f), &st) != 0) {
        if (!abandoned) {
            c->set->unreadable_files++;
            problem(c, path, 0, "cannot read this file: %s", strerror(errno));
        }
        if (f) fclose(f);
        return;
    }
    remember_input(c->set, &st);
    if (!abandoned) {
        c->set->files_read++;
        if ((c->file = add_file(c, path)) < 0) {
            c->oom = true;
            fclose(f);
            return;
        }
    }
    setvbuf(f, NULL, _IOFBF, 1 << 16);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    off_t offset = 0;
    while (!c->oom && (n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        off_t at = offset;
        offset += n;
        bool has_nl = n > 0 && line[n - 1] == '\n';
        if (has_nl) line[--n] = '\0';
        if (n > 0 && line[n - 1] == '\r') line[--n] = '\0'; /* edited on Windows */
        if (abandoned)
            take_abandoned(c, line, (size_t)n);
        else
            take_line(c, path, lineno, line, (size_t)n, at, !has_nl);
    }
    if (ferror(f) && !abandoned) {
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
 * USB stick); those under an "abandoned" folder count visits left part-way. */
static void walk(collector *c, const char *dir, int depth, bool abandoned) {
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
            if (!abandoned) walk(c, path, depth + 1, strcmp(names[i], ABANDONED_DIR) == 0);
        } else if (S_ISREG(st.st_mode) && ends_with(names[i], ".jsonl")) {
            read_file(c, path, abandoned);
        }
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
}

/* ---- reading a record again ------------------------------------------------------------ */

/* The window on file: its own, else the one used least lately, opened on it. NULL with err
 * filled when the file cannot be opened. */
static window *file_window(export_reader *f, int file, pk_error *err) {
    window *w = NULL;
    for (int i = 0; i < MAX_OPEN_FILES; i++) {
        if (f->win[i].file == file) {
            w = &f->win[i];
            break;
        }
        if (!w || f->win[i].used < w->used) w = &f->win[i];
    }
    w->used = ++f->tick;
    if (w->file == file) return w;
    if (w->fd >= 0) close(w->fd);
    w->file = -1, w->len = 0;
    const char *path = f->set->files->paths[file];
    w->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (w->fd < 0) return pk_fail(err, "%s: cannot read it again: %s", path, strerror(errno)), NULL;
    w->file = file;
    return w;
}

/* The line of slot s (s->len bytes, not NUL-terminated), valid until the next call; NULL with
 * err filled when it cannot be read as it was. Records go mostly in each file's order, so the
 * window read around one usually holds the next. */
static const char *slot_line(export_reader *f, const export_slot *s, pk_error *err) {
    int file = (int)(s->where >> OFFSET_BITS);
    off_t offset = (off_t)(s->where & (((uint64_t)1 << OFFSET_BITS) - 1));
    window *w = file_window(f, file, err);
    if (!w) return NULL;
    if (offset >= w->off && (size_t)(offset - w->off) + s->len <= w->len) return w->data + (offset - w->off);
    size_t want = s->len > WINDOW ? s->len : WINDOW;
    if (want > w->cap) {
        char *grown = realloc(w->data, want);
        if (!grown) return pk_fail(err, "out of memory"), NULL;
        w->data = grown, w->cap = want;
    }
    w->off = offset, w->len = 0;
    while (w->len < want) {
        ssize_t r = pread(w->fd, w->data + w->len, want - w->len, offset + (off_t)w->len);
        if (r < 0) break;
        if (r == 0) break; /* the end of the file */
        w->len += (size_t)r;
    }
    if (w->len < s->len) {
        pk_fail(err, "%s:%u: the file changed while it was being read (it is shorter now)",
                f->set->files->paths[file], s->lineno);
        w->len = 0;
        return NULL;
    }
    return w->data;
}

/* Fills r from its line: the whole record, opened when a key given opens it. */
static bool load_slot(export_reader *rd, const export_slot *s, export_record *r, pk_error *err) {
    const export_set *set = rd->set;
    memset(r, 0, sizeof *r);
    const char *line = slot_line(rd, s, err);
    if (!line) return false;
    r->json = json_line_parse(line, s->len, NULL, NULL);
    const char *at = export_field_str(r->json, "at");
    if (!r->json || !at || !parse_at(at, &r->day, &r->clock, &r->utc) || r->utc != s->utc) {
        json_decref(r->json);
        r->json = NULL;
        int file = (int)(s->where >> OFFSET_BITS);
        return pk_fail(err, "%s:%u: the file changed while it was being read", set->files->paths[file], s->lineno);
    }
    if (seal_record_is_sealed(r->json)) {
        char damaged[DIAG_LEN] = "";
        r->sealed = !try_open(set->filter, r->json, damaged, sizeof damaged);
    }
    r->answers = answers_view(r->json);
    r->consultation = record_consultation(r->json);
    if (!r->answers) {
        json_decref(r->json);
        r->json = NULL;
        return pk_fail(err, "out of memory");
    }
    return true;
}

bool export_record_get(const export_set *set, size_t i, export_record *r, pk_error *err) {
    if (set->records) {
        *r = set->records[i];
        return true;
    }
    return load_slot(set->files->own, &set->slots[i], r, err);
}

bool export_reader_get(export_reader *rd, size_t i, export_record *r, pk_error *err) {
    if (rd->set->records) return export_record_get(rd->set, i, r, err);
    return load_slot(rd, &rd->set->slots[i], r, err);
}

void export_record_release(const export_set *set, export_record *r) {
    if (!set->records) {
        json_decref(r->json);
        json_decref(r->answers);
    }
    memset(r, 0, sizeof *r);
}

/* ---- order ------------------------------------------------------------------------------ */

static int cmp_slots(const void *pa, const void *pb) {
    const export_slot *a = pa, *b = pb;
    if (a->utc != b->utc) return a->utc < b->utc ? -1 : 1;
    return a->where < b->where ? -1 : a->where > b->where;
}

typedef struct tie {
    export_slot s;
    char *at, *id;
} tie;

static int cmp_ties(const void *pa, const void *pb) {
    const tie *a = pa, *b = pb;
    int k = strcmp(a->at, b->at);
    return k ? k : strcmp(a->id, b->id);
}

/* Records of the same second are ordered by `at` as written, then `id`, which means reading
 * those few again. */
static bool order_ties(export_set *set, size_t from, size_t to, pk_error *err) {
    static const char *const keep[] = {"id", "at", NULL};
    static const json_line_shape shape = {keep, NULL};
    size_t n = to - from;
    tie *t = calloc(n, sizeof *t);
    if (!t) return pk_fail(err, "out of memory");
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        t[i].s = set->slots[from + i];
        const char *line = slot_line(set->files->own, &t[i].s, err);
        json_t *j = line ? json_line_parse(line, t[i].s.len, &shape, NULL) : NULL;
        const char *at = export_field_str(j, "at"), *id = export_field_str(j, "id");
        ok = at && id && (t[i].at = strdup(at)) && (t[i].id = strdup(id));
        if (!ok && line) pk_fail(err, "a feedback file changed while it was being read");
        json_decref(j);
    }
    if (ok) {
        qsort(t, n, sizeof *t, cmp_ties);
        for (size_t i = 0; i < n; i++) set->slots[from + i] = t[i].s;
    }
    for (size_t i = 0; i < n; i++) free(t[i].at), free(t[i].id);
    free(t);
    return ok;
}

static bool put_in_order(export_set *set, pk_error *err) {
    size_t kept = 0;
    for (size_t i = 0; i < set->n; i++)
        if (set->slots[i].lineno) set->slots[kept++] = set->slots[i];
    set->n = kept;
    if (set->n > 1) qsort(set->slots, set->n, sizeof *set->slots, cmp_slots);
    for (size_t i = 0; i < set->n;) {
        size_t j = i + 1;
        while (j < set->n && set->slots[j].utc == set->slots[i].utc) j++;
        if (j - i > 1 && !order_ties(set, i, j, err)) return false;
        i = j;
    }
    return true;
}

/* ---- collecting ------------------------------------------------------------------------ */

static void collector_free(collector *c) {
    free(c->ids.slot);
    hash_set_free(&c->damaged);
    hash_set_free(&c->left);
    for (int i = 0; i < c->n_keys; i++) free(c->keys[i].key), free(c->keys[i].at), free(c->keys[i].id);
    free(c->keys);
    json_decref(c->key_index);
}

bool export_scan(export_set *set, const char *const *dirs, int n_dirs, const export_filter *filter,
                 pk_error *err) {
    memset(set, 0, sizeof *set);
    set->filter = filter;
    if (n_dirs <= 0) return pk_fail(err, "no feedback folder was given");
    /* Check every input first: a typo in one folder name must not give a quietly short file. */
    for (int i = 0; i < n_dirs; i++) {
        struct stat st;
        if (stat(dirs[i], &st) != 0)
            return pk_fail(err, "%s: cannot read it: %s", dirs[i], strerror(errno));
        if (!S_ISDIR(st.st_mode) && !(S_ISREG(st.st_mode) && ends_with(dirs[i], ".jsonl")))
            return pk_fail(err, "%s: not a feedback folder or .jsonl file", dirs[i]);
    }
    set->kiosks_seen = json_object();
    set->abandoned_steps = json_object();
    set->answer_keys = json_array();
    set->problems = calloc(1, sizeof *set->problems);
    set->files = calloc(1, sizeof *set->files);
    if (set->files) set->files->own = export_reader_new(set);
    collector c = {.set = set, .filter = filter, .key_index = json_object()};
    if (sodium_init() < 0) {
        collector_free(&c);
        return pk_fail(err, "the cryptography library could not start");
    }
    if (!set->kiosks_seen || !set->abandoned_steps || !set->answer_keys || !set->problems || !set->files || !set->files->own ||
        !c.key_index) {
        collector_free(&c);
        export_set_free(set);
        return pk_fail(err, "out of memory");
    }
    for (int i = 0; i < n_dirs && !c.oom; i++) {
        struct stat st;
        long before = set->files_read;
        if (stat(dirs[i], &st) == 0 && S_ISDIR(st.st_mode))
            walk(&c, dirs[i], 0, false);
        else
            read_file(&c, dirs[i], false);
        if (set->files_read == before)
            problem(&c, dirs[i], 0, "no feedback files (*.jsonl) were found here");
    }
    if (!c.oom && c.n_keys > 1) qsort(c.keys, (size_t)c.n_keys, sizeof *c.keys, cmp_key_first);
    for (int i = 0; i < c.n_keys && !c.oom; i++)
        if (json_array_append_new(set->answer_keys, json_string(c.keys[i].key)) != 0) c.oom = true;
    collector_free(&c);
    if (c.oom) {
        export_set_free(set);
        return pk_fail(err, "out of memory while reading the feedback");
    }
    if (!put_in_order(set, err)) {
        export_set_free(set);
        return false;
    }
    return true;
}

bool export_collect(export_set *set, const char *const *dirs, int n_dirs,
                    const export_filter *filter, pk_error *err) {
    if (!export_scan(set, dirs, n_dirs, filter, err)) return false;
    set->records = calloc(set->n ? set->n : 1, sizeof *set->records);
    if (!set->records) {
        export_set_free(set);
        return pk_fail(err, "out of memory while reading the feedback");
    }
    for (size_t i = 0; i < set->n; i++)
        if (!load_slot(set->files->own, &set->slots[i], &set->records[i], err)) {
            set->n = i; /* those loaded are freed with the set */
            export_set_free(set);
            return false;
        }
    export_reader_free(set->files->own); /* closes the files: everything is in memory now */
    set->files->own = export_reader_new(set);
    return true;
}
