/* export_read: reads feedback trees into one merged, de-duplicated, filtered and sorted set
 * (the contract is in export.h).
 *
 * Reading is deliberately forgiving and loud: every line stands alone, and a line that cannot
 * be used (cut off by a power cut, not JSON, not UTF-8, not a record, sealed for another key)
 * is listed with its FILE:LINE and skipped.
 *
 * It reads in two passes so that memory does not grow with the records' size. The scan parses
 * each line only as far as it needs (id, time, kiosk, consultation, which answers; json_line's
 * shapes), and keeps per record only what de-duplication and order need: a hash of its id, its
 * kiosk, time, boot and seq, and where its line is (an export_slot, 30 bytes). Records are then
 * put in order (see "order" below, and export.h for the rule), and read again one at a time, in
 * order, as they are written (export_record_get); export_collect reads them all for those (the
 * report, the kiosk's own USB export) that want them at once. */
#define _GNU_SOURCE /* mremap: the slots grow in place (see "mapped arrays") */
#include "export/export.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/date.h"
#include "core/hash_set.h"
#include "platform/clock_judge.h"
#include "quotes/quotes.h"
#include "store/json_line.h"
#include "text/utf8.h"

#define ABANDONED_DIR "abandoned"
#define MAX_DEPTH 32       /* a folder loop made of symlinks ends here */
#define MAX_OPEN_FILES 8  /* files kept open while records are read again in time order */
#define WINDOW (128 * 1024) /* read ahead in each: a syscall per record was a tenth of the time */
#define OFFSET_BITS 40     /* a line's offset in its file: up to 1 TB */
#define HASH_BYTES HASH_SET_BYTES

/* 30 bytes, packed: a million records in 30 MB (28 before they were kept in the order their
 * kiosk wrote them, which needs the kiosk, boot and seq). One word holds two fields: the boot
 * beside the time (read them with slot_utc and slot_boot). */
struct __attribute__((packed)) export_slot {
    uint64_t where; /* file index << OFFSET_BITS | offset of the line */
    uint32_t len;   /* the line's length, without its line end, and the SLOT_ flags */
    uint32_t seq;   /* its `seq` (0: none) */
    uint32_t id;    /* a SipHash of its id: equal hashes (a hundred pairs in a million records)
                     * are told apart by reading both ids */
    uint16_t kiosk; /* its kiosk's index (kiosk_number) */
    uint64_t when;  /* (`at` as seconds since 1970 UTC + UTC_BIAS) << BOOT_BITS | its `boot` */
};
_Static_assert(sizeof(struct export_slot) == 30, "a slot per record: keep it small");
#define SLOT_OUT 0x80000000u   /* left out by a filter */
#define SLOT_CLOCK 0x40000000u /* its kiosk's clock was wrong */
#define SLOT_LEN(s) ((s)->len & ~(SLOT_OUT | SLOT_CLOCK))
#define LINE_MAX_LEN SLOT_CLOCK /* 1 GB */
#define KIOSK_MAX UINT16_MAX    /* kiosk indices 1..KIOSK_MAX; 0: none, or one too many */
#define BOOT_BITS 24
#define BOOT_MAX ((1LL << BOOT_BITS) - 1)
#define UTC_BIAS (1LL << 39)  /* years 0000 to 9999 (date_time_parse reads 1900-2200) fit in 40 bits */
#define SLOTS_MAX 0x7FFFFFFFu /* the order's permutation marks an index with its top bit */

static uint32_t slot_hash(const export_slot *s) { return s->id; }
static int slot_kiosk(const export_slot *s) { return s->kiosk; }
static long long slot_utc(const export_slot *s) {
    return (long long)(s->when >> BOOT_BITS) - UTC_BIAS;
}
static long long slot_boot(const export_slot *s) { return (long long)(s->when & BOOT_MAX); }

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

/* ---- mapped arrays --------------------------------------------------------------------- */

/* The two arrays that grow with the records (the slots and the ids table) are mapped on their
 * own, not taken from malloc. malloc carves a block from its heap, not a mapping, when it is
 * smaller than a threshold that rises to the largest block freed so far; loading the config
 * frees a 5.8 MB one (an SVG drawn to check it), so these arrays, doubling as they grow, were
 * carved from the heap up to that size, and each block they grew out of stayed there as a hole:
 * 8 MB of the 66 MB a million records peaked at. A mapping goes back whole when it is let go,
 * and the slots grow in place (mremap), without a copy. */

static size_t map_bytes(size_t bytes) {
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    return (bytes + page - 1) / page * page;
}

/* bytes of zeroes, or NULL when memory runs out. Let go with map_free(p, bytes). */
static void *map_new(size_t bytes) {
    void *p = mmap(NULL, map_bytes(bytes), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

/* p (old_bytes, or NULL) grown to bytes, the rest zeroes; NULL (p kept) when memory runs out. */
static void *map_grow(void *p, size_t old_bytes, size_t bytes) {
    if (!p) return map_new(bytes);
    void *q = mremap(p, map_bytes(old_bytes), map_bytes(bytes), MREMAP_MAYMOVE);
    return q == MAP_FAILED ? NULL : q;
}

static void map_free(void *p, size_t bytes) {
    if (p) munmap(p, map_bytes(bytes));
}

/* ---- the records' ids: indices into set->slots, by their id hash ------------------------ */

typedef struct hash_table {
    uint32_t *slot; /* index + 1; 0 is empty */
    size_t cap, n;
} hash_table;

static void ids_put(hash_table *t, const export_slot *slots, uint32_t idx) {
    size_t i = slot_hash(&slots[idx]) & (t->cap - 1);
    while (t->slot[i]) i = (i + 1) & (t->cap - 1);
    t->slot[i] = idx + 1;
    t->n++;
}

static void ids_free(hash_table *t) {
    map_free(t->slot, t->cap * sizeof *t->slot);
    *t = (hash_table){0};
}

/* Adds slots[idx] (already in the array); false when memory runs out. */
static bool ids_add(hash_table *t, const export_slot *slots, uint32_t idx) {
    if ((t->n + 1) * 2 > t->cap) { /* at most half full: probes stay short */
        size_t cap = t->cap ? t->cap * 2 : 1024;
        hash_table grown = {map_new(cap * sizeof *grown.slot), cap, 0};
        if (!grown.slot) return false;
        for (size_t i = 0; i < t->cap; i++)
            if (t->slot[i]) ids_put(&grown, slots, t->slot[i] - 1);
        ids_free(t);
        *t = grown;
    }
    ids_put(t, slots, idx);
    return true;
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
    map_free(set->slots, set->cap_slots * sizeof *set->slots);
    for (int i = 0; i < set->n_clock_kiosks; i++) free(set->clock_kiosks[i].kiosk);
    free(set->clock_kiosks);
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

static uint32_t id_hash(const char *id) {
    static const unsigned char key[crypto_shorthash_KEYBYTES]; /* a fixed key: ids are not secrets */
    unsigned char h[crypto_shorthash_BYTES];
    crypto_shorthash(h, (const unsigned char *)id, strlen(id), key);
    uint32_t v;
    memcpy(&v, h, sizeof v);
    return v;
}

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
    json_t *kiosk_index; /* kiosk id -> its index in slots (1...) */
    char **kiosks;       /* kiosk index - 1 -> its id */
    int n_kiosks, cap_kiosks;
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

/* The index slots know kiosk id by (1, 2...; 0: no id, or more kiosks than an index holds, whose
 * records are then ordered by time alone). */
static int kiosk_number(collector *c, const char *kiosk) {
    if (!kiosk) return 0;
    json_t *known = json_object_get(c->kiosk_index, kiosk);
    if (known) return (int)json_integer_value(known);
    if (c->n_kiosks >= KIOSK_MAX) return 0;
    if (c->n_kiosks == c->cap_kiosks) {
        int cap = c->cap_kiosks ? c->cap_kiosks * 2 : 16;
        char **grown = realloc(c->kiosks, (size_t)cap * sizeof *grown);
        if (!grown) return c->oom = true, 0;
        c->kiosks = grown, c->cap_kiosks = cap;
    }
    if (!(c->kiosks[c->n_kiosks] = strdup(kiosk))) return c->oom = true, 0;
    c->n_kiosks++;
    if (json_object_set_new(c->kiosk_index, kiosk, json_integer(c->n_kiosks)) != 0) c->oom = true;
    return c->n_kiosks;
}

static bool push_slot(export_set *set, const export_slot *s) {
    if (set->n == set->cap_slots) {
        size_t ncap = set->cap_slots ? set->cap_slots * 2 : 1024;
        export_slot *grown = map_grow(set->slots, set->cap_slots * sizeof *grown, ncap * sizeof *grown);
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
    hash_set_digest(h, tail, strlen(tail) + 1, line, len);
    int added = hash_set_add(&c->damaged, h);
    if (added < 0) c->oom = true;
    if (added <= 0) {
        if (added == 0) c->set->damaged_copies++;
        return;
    }
    c->set->unreadable++;
    problem(c, path, lineno, fmt, detail);
}

static const char *slot_line(export_reader *f, const export_slot *s, pk_error *err);

/* Whether a record with this id (hash h) was read already. Equal hashes of different ids (about
 * a hundred pairs among a million records) are told apart by reading the earlier one's id. */
static bool seen_before(collector *c, uint32_t h, const char *id) {
    static const char *const keep[] = {"id", NULL};
    static const json_line_shape shape = {keep, NULL, false};
    const hash_table *t = &c->ids;
    for (size_t i = t->cap ? h & (t->cap - 1) : 0; t->cap && t->slot[i]; i = (i + 1) & (t->cap - 1)) {
        const export_slot *s = &c->set->slots[t->slot[i] - 1];
        if (slot_hash(s) != h) continue;
        pk_error err;
        const char *line = slot_line(c->set->files->own, s, &err);
        json_t *earlier = line ? json_line_parse(line, SLOT_LEN(s), &shape, NULL) : NULL;
        bool same = !earlier || !strcmp(export_field_str(earlier, "id"), id); /* unreadable: trust the hash */
        json_decref(earlier);
        if (same) return true;
    }
    return false;
}

static const char *const scan_keys[] = {
    "id",   "at",  "kiosk",    "consultation",         "answers",
    "boot", "seq", SEAL_FIELD, SEAL_FINGERPRINT_FIELD, NULL};
/* UTF-8 is checked before the scan parses a line, so yajl need not check it again. */
static const json_line_shape scan_shape = {scan_keys, "answers", true};

/* A line as the reading thread hands it over: parsed (or why not), its bytes kept for what
 * needs them (a damaged line's fingerprint, a sealed record opened with a key). */
typedef struct scan_line {
    json_t *rec; /* NULL: blank, not UTF-8, or not JSON (jerr says why) */
    json_line_error jerr;
    size_t start, len; /* its bytes in the batch, without the line end */
    off_t offset;      /* in its file */
    long lineno;
    bool torn, blank, bad_utf8;
} scan_line;

/* Takes one line; torn: it is the file's last line and has no '\n'. A line that cannot be used
 * is counted and listed with its reason; a blank line is passed over. */
static void take_line(collector *c, const char *path, const char *line, const scan_line *l) {
    if (l->blank) return; /* a blank line holds nothing to lose */
    static const char torn_why[] = "torn line without a newline (cut off by an interrupted write)";
    export_set *set = c->set;
    size_t len = l->len;
    long lineno = l->lineno;
    off_t offset = l->offset;
    bool torn = l->torn;
    if (l->bad_utf8) {
        damaged_line(c, path, lineno, line, len, "%s", torn ? torn_why : "not valid UTF-8 text");
        return;
    }
    json_t *rec = json_incref(l->rec);
    if (!rec) {
        char why[240];
        if (torn)
            snprintf(why, sizeof why, "%s", torn_why);
        else if (l->jerr.status == JSON_LINE_CUT_OFF) /* and the next line starts afresh */
            snprintf(why, sizeof why, "record cut off part-way (a write was interrupted; the next line is whole)");
        else
            snprintf(why, sizeof why, "not JSON: %s at column %d", l->jerr.text, l->jerr.column);
        damaged_line(c, path, lineno, line, len, "%s", why);
        return;
    }
    const char *id = json_string_value(json_object_get(rec, "id"));
    const char *at = json_string_value(json_object_get(rec, "at"));
    pk_time t = {0};
    export_slot s = {0};
    const char *why = NULL;
    if (!json_is_object(rec))
        why = "JSON, but not a feedback record (not an object)";
    else if (!id || !*id)
        why = "JSON, but not a feedback record (it has no 'id')";
    else if (!date_time_parse(at, &t))
        why = "JSON, but not a feedback record (its 'at' is missing or not a date)";
    if (why) {
        damaged_line(c, path, lineno, line, len, "%s", torn ? torn_why : why);
        json_decref(rec);
        return;
    }
    /* A complete record whose '\n' alone was lost is whole: keep it. */
    set->read++;
    uint32_t h = id_hash(id);
    if (seen_before(c, h, id)) {
        set->duplicates++;
        json_decref(rec);
        return;
    }
    if ((unsigned long long)offset >> OFFSET_BITS || (unsigned)c->file >> (64 - OFFSET_BITS) ||
        len >= LINE_MAX_LEN || set->n >= SLOTS_MAX) {
        problem(c, path, lineno,
                "a file this large cannot be read (over 1 TB, a line over 1 GB, or over 2 billion "
                "records)");
        set->unreadable++;
        json_decref(rec);
        return;
    }
    const char *kiosk = json_string_value(json_object_get(rec, "kiosk"));
    /* Its place among what its kiosk wrote; out of range (not the kiosk's): none. */
    json_t *jboot = json_object_get(rec, "boot"), *jseq = json_object_get(rec, "seq");
    long long boot = json_integer_value(jboot), seq = json_integer_value(jseq);
    bool numbered = json_is_integer(jboot) && json_is_integer(jseq) && boot >= 1 &&
                    boot <= BOOT_MAX && seq >= 1 && seq <= (long long)UINT32_MAX;
    s.where = (uint64_t)c->file << OFFSET_BITS | (uint64_t)offset;
    s.len = (uint32_t)len;
    s.seq = numbered ? (uint32_t)seq : 0;
    s.id = h;
    s.kiosk = (uint16_t)kiosk_number(c, kiosk);
    s.when = (uint64_t)(t.utc + UTC_BIAS) << BOOT_BITS | (uint64_t)(numbered ? boot : 0);
    if (!push_slot(set, &s) || !ids_add(&c->ids, set->slots, (uint32_t)(set->n - 1))) {
        c->oom = true;
        json_decref(rec);
        return;
    }
    if (kiosk && set->kiosks_seen) json_object_set_new(set->kiosks_seen, kiosk, json_true());
    if (!date_wanted(c->filter, t.day) || !kiosk_wanted(c->filter, rec) || !consultation_wanted(c->filter, rec)) {
        set->filtered_out++;
        set->slots[set->n - 1].len |= SLOT_OUT; /* dropped once the scan is over */
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
            /* id and at pointed into the record just let go */
            id = json_string_value(json_object_get(rec, "id"));
            at = json_string_value(json_object_get(rec, "at"));
        } else {
            count_sealed(c, path, lineno, whole ? whole : rec, damaged);
            json_decref(whole);
        }
    }
    json_t *answers = answers_view(rec);
    if (!answers) c->oom = true;
    note_keys(c, answers, t.utc, at, id);
    json_decref(answers);
    json_decref(rec);
}

/* One line of an "abandoned" folder: a visit left before its end, counted once by id. Damaged
 * lines there are passed over quietly: they hold no answers, only one count of a chart. */
static const char *const abandoned_keys[] = {"id", "at", "kiosk", "step", NULL};
static const json_line_shape abandoned_shape = {abandoned_keys, NULL, true};

static void take_abandoned(collector *c, const json_t *rec) {
    const char *id = json_string_value(json_object_get(rec, "id"));
    pk_time t;
    if (id && date_time_parse(json_string_value(json_object_get(rec, "at")), &t) &&
        date_wanted(c->filter, t.day) && kiosk_wanted(c->filter, rec)) {
        unsigned char h[HASH_BYTES];
        hash_set_digest(h, id, strlen(id), NULL, 0);
        int added = hash_set_add(&c->left, h);
        if (added < 0) c->oom = true;
        if (added > 0) {
            const char *step = json_string_value(json_object_get(rec, "step"));
            if (!step) step = "(not known)";
            json_t *n = json_object_get(c->set->abandoned_steps, step);
            json_object_set_new(c->set->abandoned_steps, step, json_integer(json_integer_value(n) + 1));
            c->set->abandoned++;
        }
    }
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

static int cmp_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files to read, in the order they are read. */
typedef struct scan_entry {
    char *path;
    bool abandoned;
} scan_entry;

typedef struct scan_list {
    scan_entry *e;
    size_t n, cap;
} scan_list;

static void list_add(collector *c, scan_list *l, const char *path, bool abandoned) {
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        scan_entry *grown = realloc(l->e, cap * sizeof *grown);
        if (!grown) {
            c->oom = true;
            return;
        }
        l->e = grown, l->cap = cap;
    }
    if (!(l->e[l->n].path = strdup(path))) {
        c->oom = true;
        return;
    }
    l->e[l->n++].abandoned = abandoned;
}

/* Every *.jsonl under dir, in name order, skipping hidden files (a Mac leaves "._" copies on a
 * USB stick); those under an "abandoned" folder count visits left part-way. A folder that
 * cannot be read is listed now, before the lines of the files that can. */
static void walk(collector *c, scan_list *l, const char *dir, int depth, bool abandoned) {
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
            /* Quotes' decisions are not records (quotes/quotes.h). */
            if (!abandoned && strcmp(names[i], QUOTE_DECISIONS_DIR) != 0)
                walk(c, l, path, depth + 1, strcmp(names[i], ABANDONED_DIR) == 0);
        } else if (S_ISREG(st.st_mode) && ends_with(names[i], ".jsonl")) {
            list_add(c, l, path, abandoned);
        }
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
}

/* ---- reading the files: one thread parses, the other keeps count ----------------------- */

/* A batch of lines: an eighth of a megabyte, and the line that crosses it. Up to three are alive
 * at once (one read, two handed over) with the records they parse to, about 1.5 MB each at a
 * quarter of a megabyte, which the reading thread's heap keeps to the end; an eighth is as fast. */
#define SCAN_BYTES (128 * 1024)
#define SCAN_SLACK (32 * 1024) /* room for the line that crosses SCAN_BYTES, without doubling */
#define SCAN_LINES 1024
#define SCAN_AHEAD 2 /* batches parsed and not yet counted, at most */

typedef struct scan_batch {
    size_t entry;
    bool first, last;   /* the file's first batch (opened, st set, or open_errno) and last */
    int open_errno, read_errno;
    struct stat st;
    char *bytes;
    size_t n_bytes, cap_bytes;
    scan_line *lines;
    size_t n_lines, cap_lines;
    long lines_read; /* at the end of this batch, for "reading stopped here" */
} scan_batch;

typedef struct scanner {
    const scan_list *list;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    scan_batch *ring[SCAN_AHEAD];
    size_t made, taken;
    bool done, stop;
    /* Without a thread, each batch is counted as soon as it is made. */
    collector *c;
    bool threaded;
} scanner;

static void batch_free(scan_batch *b) {
    if (!b) return;
    for (size_t i = 0; i < b->n_lines; i++) json_decref(b->lines[i].rec);
    free(b->lines);
    free(b->bytes);
    free(b);
}

static void take_batch(collector *c, const scan_list *l, const scan_batch *b);

/* Hands a batch over; false when the scan is to stop. */
static bool hand_over(scanner *s, scan_batch *b) {
    if (!s->threaded) {
        take_batch(s->c, s->list, b);
        batch_free(b);
        return !s->c->oom;
    }
    pthread_mutex_lock(&s->mu);
    while (s->made - s->taken == SCAN_AHEAD && !s->stop) pthread_cond_wait(&s->cv, &s->mu);
    bool go = !s->stop;
    if (go) s->ring[s->made++ % SCAN_AHEAD] = b;
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
    if (!go) batch_free(b);
    return go;
}

static scan_batch *new_batch(size_t entry) {
    scan_batch *b = calloc(1, sizeof *b);
    if (b) b->entry = entry;
    return b;
}

/* Keeps line[0..n) (its end already cut) and what it parses to. False when memory runs out. */
static bool add_line(scan_batch *b, const char *line, size_t n, off_t offset, long lineno, bool torn,
                     bool abandoned) {
    if (b->n_lines == b->cap_lines) {
        size_t cap = b->cap_lines ? b->cap_lines * 2 : 256;
        scan_line *grown = realloc(b->lines, cap * sizeof *grown);
        if (!grown) return false;
        b->lines = grown, b->cap_lines = cap;
    }
    if (!b->bytes || b->n_bytes + n > b->cap_bytes) { /* never NULL, even for a blank line */
        size_t cap = b->cap_bytes ? b->cap_bytes : SCAN_BYTES + SCAN_SLACK;
        while (cap < b->n_bytes + n) cap *= 2;
        char *grown = realloc(b->bytes, cap);
        if (!grown) return false;
        b->bytes = grown, b->cap_bytes = cap;
    }
    scan_line *l = &b->lines[b->n_lines++];
    memset(l, 0, sizeof *l);
    memcpy(b->bytes + b->n_bytes, line, n);
    l->start = b->n_bytes, l->len = n, l->offset = offset, l->lineno = lineno, l->torn = torn;
    b->n_bytes += n;
    size_t i = 0;
    while (i < n && (line[i] == ' ' || line[i] == '\t')) i++;
    if (i == n)
        l->blank = true;
    else if (!utf8_valid(line, n))
        l->bad_utf8 = true;
    else
        l->rec = json_line_parse(line, n, abandoned ? &abandoned_shape : &scan_shape, &l->jerr);
    return true;
}

/* Reads and parses every file of the list, in order, into batches. */
static void *read_files(void *arg) {
    scanner *s = arg;
    bool go = true;
    char *line = NULL;
    size_t cap = 0;
    for (size_t e = 0; e < s->list->n && go; e++) {
        const scan_entry *entry = &s->list->e[e];
        scan_batch *b = new_batch(e);
        if (!b) break;
        b->first = true;
        FILE *f = fopen(entry->path, "rb");
        if (!f || fstat(fileno(f), &b->st) != 0) {
            b->open_errno = errno ? errno : EIO;
            b->last = true;
            if (f) fclose(f);
            go = hand_over(s, b);
            continue;
        }
        setvbuf(f, NULL, _IOFBF, 1 << 16);
        ssize_t n;
        long lineno = 0;
        off_t offset = 0;
        while (b && (n = getline(&line, &cap, f)) >= 0) {
            lineno++;
            off_t at = offset;
            offset += n;
            bool has_nl = n > 0 && line[n - 1] == '\n';
            if (has_nl) line[--n] = '\0';
            if (n > 0 && line[n - 1] == '\r') line[--n] = '\0'; /* edited on Windows */
            if (!add_line(b, line, (size_t)n, at, lineno, !has_nl, entry->abandoned)) {
                batch_free(b);
                b = NULL;
                break;
            }
            if (b->n_bytes >= SCAN_BYTES || b->n_lines >= SCAN_LINES) {
                b->lines_read = lineno;
                if (!(go = hand_over(s, b))) {
                    b = NULL;
                    break;
                }
                b = new_batch(e);
            }
        }
        if (b) {
            b->last = true;
            b->lines_read = lineno;
            if (ferror(f)) b->read_errno = errno ? errno : EIO;
            go = hand_over(s, b);
        } else {
            go = false; /* out of memory: the counting side says so */
        }
        fclose(f);
    }
    free(line);
    if (s->threaded) {
        pthread_mutex_lock(&s->mu);
        s->done = true;
        pthread_cond_broadcast(&s->cv);
        pthread_mutex_unlock(&s->mu);
    } else if (!go && !s->c->oom) {
        s->c->oom = true;
    }
    return NULL;
}

/* Counts a batch: the file it starts, its lines, how it ended. */
static void take_batch(collector *c, const scan_list *list, const scan_batch *b) {
    const scan_entry *e = &list->e[b->entry];
    if (b->first) {
        if (b->open_errno) {
            if (!e->abandoned) {
                c->set->unreadable_files++;
                problem(c, e->path, 0, "cannot read this file: %s", strerror(b->open_errno));
            }
            return;
        }
        remember_input(c->set, &b->st);
        if (!e->abandoned) {
            c->set->files_read++;
            if ((c->file = add_file(c, e->path)) < 0) c->oom = true;
        }
    }
    for (size_t i = 0; i < b->n_lines && !c->oom; i++) {
        const scan_line *l = &b->lines[i];
        if (e->abandoned) {
            if (l->rec) take_abandoned(c, l->rec); /* damaged: passed over quietly, see there */
        } else {
            take_line(c, e->path, b->bytes + l->start, l);
        }
    }
    if (b->last && b->read_errno && !e->abandoned) {
        c->set->unreadable_files++;
        problem(c, e->path, b->lines_read + 1, "reading stopped here: %s", strerror(b->read_errno));
    }
}

/* Reads the list's files: parsed on a second thread while this one counts, or (no thread to
 * be had) one after the other. */
static void scan_files(collector *c, const scan_list *list) {
    scanner s = {.list = list, .c = c};
    pthread_t thread;
    pthread_mutex_init(&s.mu, NULL);
    pthread_cond_init(&s.cv, NULL);
    /* Set before the thread starts: it reads the flag to know where its batches go. */
    s.threaded = true;
    if (pthread_create(&thread, NULL, read_files, &s) != 0) {
        s.threaded = false;
        read_files(&s);
    } else {
        for (;;) {
            pthread_mutex_lock(&s.mu);
            while (s.made == s.taken && !s.done) pthread_cond_wait(&s.cv, &s.mu);
            if (s.made == s.taken) {
                pthread_mutex_unlock(&s.mu);
                break;
            }
            scan_batch *b = s.ring[s.taken % SCAN_AHEAD];
            pthread_mutex_unlock(&s.mu);
            take_batch(c, list, b);
            batch_free(b);
            pthread_mutex_lock(&s.mu);
            s.taken++;
            if (c->oom) s.stop = true;
            pthread_cond_broadcast(&s.cv);
            pthread_mutex_unlock(&s.mu);
        }
        pthread_join(thread, NULL);
        for (size_t i = s.taken; i < s.made; i++) batch_free(s.ring[i % SCAN_AHEAD]);
    }
    pthread_mutex_destroy(&s.mu);
    pthread_cond_destroy(&s.cv);
}

/* ---- reading a record again ------------------------------------------------------------ */

/* The line number of offset in path, for a message: records do not carry theirs. */
static long line_of(const char *path, off_t offset) {
    FILE *f = fopen(path, "rb");
    long line = 1;
    for (off_t i = 0; f && i < offset; i++) {
        int ch = fgetc(f);
        if (ch == EOF) break;
        line += ch == '\n';
    }
    if (f) fclose(f);
    return line;
}

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

/* The line of slot s (SLOT_LEN(s) bytes, not NUL-terminated), valid until the next call; NULL with
 * err filled when it cannot be read as it was. Records go mostly in each file's order, so the
 * window read around one usually holds the next. */
static const char *slot_line(export_reader *f, const export_slot *s, pk_error *err) {
    int file = (int)(s->where >> OFFSET_BITS);
    off_t offset = (off_t)(s->where & (((uint64_t)1 << OFFSET_BITS) - 1));
    window *w = file_window(f, file, err);
    if (!w) return NULL;
    if (offset >= w->off && (size_t)(offset - w->off) + SLOT_LEN(s) <= w->len) return w->data + (offset - w->off);
    size_t want = SLOT_LEN(s) > WINDOW ? SLOT_LEN(s) : WINDOW;
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
    if (w->len < SLOT_LEN(s)) {
        pk_fail(err, "%s:%ld: the file changed while it was being read (it is shorter now)",
                f->set->files->paths[file], line_of(f->set->files->paths[file], offset));
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
    r->json = json_line_parse(line, SLOT_LEN(s), NULL, NULL);
    const char *at = export_field_str(r->json, "at");
    pk_time t = {0};
    bool read = r->json && at && date_time_parse(at, &t);
    r->day = t.day, r->clock = t.clock, r->utc = t.utc;
    if (!read || r->utc != slot_utc(s)) {
        json_decref(r->json);
        r->json = NULL;
        const char *path = set->files->paths[s->where >> OFFSET_BITS];
        return pk_fail(err, "%s:%ld: the file changed while it was being read", path,
                       line_of(path, (off_t)(s->where & (((uint64_t)1 << OFFSET_BITS) - 1))));
    }
    if (seal_record_is_sealed(r->json)) {
        char damaged[DIAG_LEN] = "";
        r->sealed = !try_open(set->filter, r->json, damaged, sizeof damaged);
    }
    r->answers = answers_view(r->json);
    r->consultation = record_consultation(r->json);
    r->clock_suspect = (s->len & SLOT_CLOCK) != 0;
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

/* ---- order ------------------------------------------------------------------------------
 *
 * The rule is export.h's. It is done in place, in three steps, so that memory stays the slots'
 * and 4 bytes more per record for a moment:
 * 1. sort the slots into each kiosk's records in the order it wrote them (its stream): by
 *    kiosk, then those without boot/seq by time (the same second by `at` as written, then id),
 *    then the numbered ones by boot, then seq;
 * 2. merge the streams, a k-way merge on the heads' times: each stream's records are judged in
 *    order as they come to its head (clock_judge, as a kiosk judges its own clock), and a
 *    record's time for the merge is the latest believable time its kiosk wrote up to it, so
 *    that a stream's times never go down and a wrong clock's records stay together, where
 *    the kiosk was last right. The merge gives a permutation;
 * 3. move the slots into that order, a cycle at a time. */

/* Whether a record is ordered among its kiosk's by boot and seq: it has them, and they are its
 * kiosk's to trust (by_time: per kiosk index, numbers that cannot be trusted). */
static bool by_number(const export_slot *s, const bool *by_time) {
    return slot_boot(s) && !by_time[slot_kiosk(s)];
}

/* Stream order: by kiosk; in a kiosk, records without numbers by time first, then by boot and
 * seq; then time and read order, so keys are distinct. */
static bool slot_before(const export_slot *a, const export_slot *b, const bool *by_time) {
    int ka = slot_kiosk(a), kb = slot_kiosk(b);
    if (ka != kb) return ka < kb;
    bool na = by_number(a, by_time), nb = by_number(b, by_time);
    if (na != nb) return nb;
    if (na && slot_boot(a) != slot_boot(b)) return slot_boot(a) < slot_boot(b);
    if (na && a->seq != b->seq) return a->seq < b->seq;
    long long ua = slot_utc(a), ub = slot_utc(b);
    return ua != ub ? ua < ub : a->where < b->where;
}

static void swap_slots(export_slot *a, export_slot *b) {
    export_slot t = *a;
    *a = *b;
    *b = t;
}

/* Sorts slots[0..n) into stream order, in place. glibc's qsort merges through a copy as large
 * as what it sorts (30 MB more for a million records), so this is a quicksort of our own:
 * median of three, insertion sort for short runs, the shorter side first so the stack stays
 * shallow. Keys are distinct (read order breaks ties), so no run of equal keys degrades it. */
static void sort_slots(export_slot *s, size_t n, const bool *by_time) {
    while (n > 16) {
        size_t mid = n / 2;
        if (slot_before(&s[mid], &s[0], by_time)) swap_slots(&s[mid], &s[0]);
        if (slot_before(&s[n - 1], &s[0], by_time)) swap_slots(&s[n - 1], &s[0]);
        if (slot_before(&s[n - 1], &s[mid], by_time)) swap_slots(&s[n - 1], &s[mid]);
        export_slot pivot = s[mid];
        size_t i = 0, j = n - 1;
        for (;;) {
            while (slot_before(&s[i], &pivot, by_time)) i++;
            while (slot_before(&pivot, &s[j], by_time)) j--;
            if (i >= j) break;
            swap_slots(&s[i], &s[j]);
            i++, j--;
        }
        /* s[0..j] <= pivot <= s[j+1..n) */
        size_t left = j + 1, right = n - left;
        if (left < right) {
            sort_slots(s, left, by_time);
            s += left, n = right;
        } else {
            sort_slots(s + left, right, by_time);
            n = left;
        }
    }
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && slot_before(&s[j], &s[j - 1], by_time); j--)
            swap_slots(&s[j], &s[j - 1]);
}

/* A record's `at` as written and its id, read again from its line (malloc'ed). False with err
 * filled when the line is no longer what it was. */
static bool read_at_id(const export_set *set, const export_slot *s, char **at, char **id,
                       pk_error *err) {
    static const char *const keep[] = {"id", "at", NULL};
    static const json_line_shape shape = {keep, NULL, false};
    const char *line = slot_line(set->files->own, s, err);
    json_t *j = line ? json_line_parse(line, SLOT_LEN(s), &shape, NULL) : NULL;
    const char *a = export_field_str(j, "at"), *i = export_field_str(j, "id");
    bool ok = a && i && (*at = strdup(a)) && (*id = strdup(i));
    if (!ok && line) pk_fail(err, "a feedback file changed while it was being read");
    json_decref(j);
    return ok;
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

/* Records of one kiosk in the same second, without numbers, are ordered by `at` as written,
 * then `id`, which means reading those few again. */
static bool order_ties(export_set *set, size_t from, size_t to, pk_error *err) {
    size_t n = to - from;
    tie *t = calloc(n, sizeof *t);
    if (!t) return pk_fail(err, "out of memory");
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        t[i].s = set->slots[from + i];
        ok = read_at_id(set, &t[i].s, &t[i].at, &t[i].id, err);
    }
    if (ok) {
        qsort(t, n, sizeof *t, cmp_ties);
        for (size_t i = 0; i < n; i++) set->slots[from + i] = t[i].s;
    }
    for (size_t i = 0; i < n; i++) free(t[i].at), free(t[i].id);
    free(t);
    return ok;
}

/* One kiosk's stream in the merge. */
typedef struct stream {
    size_t pos, end;    /* its next record (its head) and past its last, in set->slots */
    long long latest;   /* the latest believable time it wrote up to its head (clock_judge) */
    long long first_ok; /* its first time after the floor: where records before it go; 0: none */
    long long raw_max;  /* the latest time it wrote at all, for a stream with no believable one */
    long long key;      /* its head's time for the merge */
    char *at, *id;      /* its head's `at` and id, read when a tie needs them; NULL: not yet */
} stream;

/* What a kiosk's clock did, counted as its records are judged. */
typedef struct clock_count {
    long before_floor, went_back, unnumbered;
} clock_count;

typedef struct merge {
    export_set *set;
    const bool *by_time;
    stream *st;
    size_t *heap; /* stream indices, earliest head first */
    size_t n_heap;
    clock_count *counts; /* by kiosk index */
    bool failed;
    pk_error *err;
} merge;

/* Judges stream st's head as it comes up, and sets its time for the merge. */
static void head_up(merge *m, stream *st) {
    free(st->at), free(st->id);
    st->at = st->id = NULL;
    export_slot *s = &m->set->slots[st->pos];
    long long utc = slot_utc(s);
    if (utc > st->raw_max) st->raw_max = utc;
    clock_verdict v = clock_judge(utc, EXPORT_CLOCK_FLOOR, CLOCK_JUDGE_SLACK_S, &st->latest);
    if (v != CLOCK_OK) {
        s->len |= SLOT_CLOCK;
        clock_count *c = &m->counts[slot_kiosk(s)];
        if (v == CLOCK_BEFORE_FLOOR)
            c->before_floor++;
        else
            c->went_back++;
        if (!by_number(s, m->by_time)) c->unnumbered++;
    }
    st->key = st->latest ? st->latest : st->first_ok ? st->first_ok : st->raw_max;
}

/* Whether stream a's head goes before stream b's: the earlier time, then `at` as written, then
 * id (read only when the times are the same). */
static bool head_before(merge *m, size_t ia, size_t ib) {
    stream *a = &m->st[ia], *b = &m->st[ib];
    if (a->key != b->key) return a->key < b->key;
    if (m->failed) return ia < ib;
    for (stream *x = a; x; x = x == a ? b : NULL)
        if (!x->at && !read_at_id(m->set, &m->set->slots[x->pos], &x->at, &x->id, m->err)) {
            m->failed = true;
            return ia < ib;
        }
    int k = strcmp(a->at, b->at);
    if (!k) k = strcmp(a->id, b->id);
    return k ? k < 0 : ia < ib;
}

static void sift_down(merge *m, size_t i) {
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, least = i;
        if (l < m->n_heap && head_before(m, m->heap[l], m->heap[least])) least = l;
        if (r < m->n_heap && head_before(m, m->heap[r], m->heap[least])) least = r;
        if (least == i) return;
        size_t t = m->heap[i];
        m->heap[i] = m->heap[least];
        m->heap[least] = t;
        i = least;
    }
}

/* Moves slots into the order perm gives (perm[j]: the slot that goes to j), a cycle at a time;
 * perm's top bits mark the places done. */
static void apply_order(export_slot *slots, uint32_t *perm, size_t n) {
    const uint32_t done = 0x80000000u;
    for (size_t i = 0; i < n; i++) {
        if (perm[i] & done) continue;
        export_slot held = slots[i];
        size_t j = i;
        for (;;) {
            size_t from = perm[j];
            perm[j] |= done;
            if (from == i) {
                slots[j] = held;
                break;
            }
            slots[j] = slots[from];
            j = from;
        }
    }
}

/* The kiosks whose clocks were wrong, or whose numbers repeat, for the summary. */
static bool note_clocks(export_set *set, const clock_count *counts, const bool *by_time,
                        char *const *kiosks, int n_kiosks) {
    for (int k = 0; k <= n_kiosks; k++) {
        const clock_count *c = &counts[k];
        bool renumbered = k > 0 && by_time[k];
        if (!c->before_floor && !c->went_back && !renumbered) continue;
        export_clock_kiosk *grown =
            realloc(set->clock_kiosks, (size_t)(set->n_clock_kiosks + 1) * sizeof *grown);
        if (!grown) return false;
        set->clock_kiosks = grown;
        export_clock_kiosk *ck = &set->clock_kiosks[set->n_clock_kiosks];
        *ck = (export_clock_kiosk){NULL, c->before_floor, c->went_back, c->unnumbered, renumbered};
        if (!(ck->kiosk = strdup(k ? kiosks[k - 1] : "(no kiosk)"))) return false;
        set->n_clock_kiosks++;
        set->clock_suspect += c->before_floor + c->went_back;
    }
    return true;
}

/* Puts the kept slots in order (kiosks: the ids of kiosk indices 1..n_kiosks). */
static bool put_in_order(export_set *set, char *const *kiosks, int n_kiosks, pk_error *err) {
    size_t kept = 0;
    for (size_t i = 0; i < set->n; i++)
        if (!(set->slots[i].len & SLOT_OUT)) set->slots[kept++] = set->slots[i];
    set->n = kept;
    bool *by_time = calloc((size_t)n_kiosks + 1, sizeof *by_time);
    clock_count *counts = calloc((size_t)n_kiosks + 1, sizeof *counts);
    if (!by_time || !counts) {
        free(by_time), free(counts);
        return pk_fail(err, "out of memory");
    }
    by_time[0] = true; /* records without a kiosk, or of one kiosk too many, are not one stream */
    export_slot *sl = set->slots;
    size_t n = set->n;
    sort_slots(sl, n, by_time);
    /* A kiosk whose numbers repeat wrote two starts numbered alike: order it by time. */
    bool again = false;
    for (size_t i = 1; i < n; i++)
        if (slot_kiosk(&sl[i]) == slot_kiosk(&sl[i - 1]) && by_number(&sl[i], by_time) &&
            by_number(&sl[i - 1], by_time) && slot_boot(&sl[i]) == slot_boot(&sl[i - 1]) &&
            sl[i].seq == sl[i - 1].seq)
            by_time[slot_kiosk(&sl[i])] = again = true;
    if (again) sort_slots(sl, n, by_time);
    /* The streams: their bounds, and the same second among records ordered by time. */
    size_t n_streams = 0;
    bool ok = true;
    for (size_t i = 0; i < n && ok;) {
        size_t j = i + 1;
        while (j < n && slot_kiosk(&sl[j]) == slot_kiosk(&sl[i])) j++;
        n_streams++;
        for (size_t a = i; a < j && ok && !by_number(&sl[a], by_time);) {
            size_t b = a + 1;
            while (b < j && !by_number(&sl[b], by_time) && slot_utc(&sl[b]) == slot_utc(&sl[a]))
                b++;
            if (b - a > 1) ok = order_ties(set, a, b, err);
            a = b;
        }
        i = j;
    }
    merge m = {.set = set, .by_time = by_time, .counts = counts, .err = err};
    m.st = calloc(n_streams ? n_streams : 1, sizeof *m.st);
    m.heap = calloc(n_streams ? n_streams : 1, sizeof *m.heap);
    uint32_t *perm = malloc((n ? n : 1) * sizeof *perm);
    if (ok && (!m.st || !m.heap || !perm)) ok = pk_fail(err, "out of memory");
    for (size_t i = 0, k = 0; ok && i < n; k++) {
        stream *st = &m.st[k];
        st->pos = i;
        st->raw_max = LLONG_MIN;
        while (++i < n && slot_kiosk(&sl[i]) == slot_kiosk(&sl[st->pos])) {
        }
        st->end = i;
        for (size_t a = st->pos; a < st->end && !st->first_ok; a++)
            if (slot_utc(&sl[a]) >= EXPORT_CLOCK_FLOOR) st->first_ok = slot_utc(&sl[a]);
        head_up(&m, st);
        m.heap[m.n_heap++] = k;
    }
    for (size_t i = m.n_heap; ok && i-- > 0;) sift_down(&m, i);
    for (size_t out = 0; ok && m.n_heap; out++) {
        stream *st = &m.st[m.heap[0]];
        perm[out] = (uint32_t)st->pos;
        if (++st->pos < st->end) {
            head_up(&m, st);
        } else {
            free(st->at), free(st->id);
            st->at = st->id = NULL;
            m.heap[0] = m.heap[--m.n_heap];
        }
        sift_down(&m, 0);
        if (m.failed) ok = false;
    }
    if (ok) apply_order(sl, perm, n);
    if (ok && !note_clocks(set, counts, by_time, kiosks, n_kiosks))
        ok = pk_fail(err, "out of memory");
    for (size_t k = 0; m.st && k < n_streams; k++) free(m.st[k].at), free(m.st[k].id);
    free(m.st), free(m.heap), free(perm), free(by_time), free(counts);
    return ok;
}

/* ---- collecting ------------------------------------------------------------------------ */

static void collector_free(collector *c) {
    ids_free(&c->ids);
    hash_set_free(&c->damaged);
    hash_set_free(&c->left);
    for (int i = 0; i < c->n_keys; i++) free(c->keys[i].key), free(c->keys[i].at), free(c->keys[i].id);
    free(c->keys);
    json_decref(c->key_index);
    for (int i = 0; i < c->n_kiosks; i++) free(c->kiosks[i]);
    free(c->kiosks);
    json_decref(c->kiosk_index);
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
    collector c = {
        .set = set, .filter = filter, .key_index = json_object(), .kiosk_index = json_object()};
    if (sodium_init() < 0) {
        collector_free(&c);
        return pk_fail(err, "the cryptography library could not start");
    }
    if (!set->kiosks_seen || !set->abandoned_steps || !set->answer_keys || !set->problems ||
        !set->files || !set->files->own || !c.key_index || !c.kiosk_index) {
        collector_free(&c);
        export_set_free(set);
        return pk_fail(err, "out of memory");
    }
    scan_list list = {0};
    for (int i = 0; i < n_dirs && !c.oom; i++) {
        struct stat st;
        size_t before = list.n, records = 0;
        if (stat(dirs[i], &st) == 0 && S_ISDIR(st.st_mode))
            walk(&c, &list, dirs[i], 0, false);
        else
            list_add(&c, &list, dirs[i], false);
        for (size_t k = before; k < list.n; k++) records += !list.e[k].abandoned;
        if (!records) problem(&c, dirs[i], 0, "no feedback files (*.jsonl) were found here");
    }
    if (!c.oom) scan_files(&c, &list);
    for (size_t k = 0; k < list.n; k++) free(list.e[k].path);
    free(list.e);
    if (!c.oom && c.n_keys > 1) qsort(c.keys, (size_t)c.n_keys, sizeof *c.keys, cmp_key_first);
    for (int i = 0; i < c.n_keys && !c.oom; i++)
        if (json_array_append_new(set->answer_keys, json_string(c.keys[i].key)) != 0) c.oom = true;
    ids_free(&c.ids); /* not needed now, and as large as a quarter of the slots */
    bool ordered = !c.oom && put_in_order(set, c.kiosks, c.n_kiosks, err);
    bool oom = c.oom;
    collector_free(&c);
    if (oom) {
        export_set_free(set);
        return pk_fail(err, "out of memory while reading the feedback");
    }
    if (!ordered) {
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
