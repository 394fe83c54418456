/* export_columns: the columns of an export and what each holds (the contract is in
 * export_columns.h). The CSV and the spreadsheet writers both walk these, so the two files of
 * one export never disagree about a column. */
#include "export/export_columns.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "consult/question_type.h"

/* The record's own columns, before its answers and after them. */
static const struct {
    const char *name, *key;
} head_columns[] = {
    {"id", "id"},
    {"kiosk", "kiosk"},
    {"location", "location"},
    {"at", "at"},
    {"config_title", "config.title"},
    {"config_hash", "config.hash"},
    {"consultation", "consultation.id"},
}, tail_columns[] = {
    {"language", "language"},
    {"seconds_taken", "seconds_taken"},
};
/* Last, when some record's clock was wrong: whether this one's was right. */
#define CLOCK_COLUMN "clock_ok"
#define N_HEAD (sizeof head_columns / sizeof head_columns[0])
#define N_TAIL (sizeof tail_columns / sizeof tail_columns[0])

/* A group of answer columns: a question's (its type lays them out), or an answer no question
 * explains, `key`, in one column as recorded. */
typedef struct answer_group {
    const question *q; /* NULL: a raw answer, `key` */
    const char *key;
    const char *only;  /* the consultation whose records it takes; NULL: any */
    char prefix[96];   /* before each column name */
    size_t first;      /* its first column's index in `numbers` */
} answer_group;

struct export_columns {
    answer_group *g;
    int n, cap;
    bool oom;
    bool clock_ok; /* the last column: some record's clock was wrong */
    size_t n_columns;
    bool *numbers; /* per column: holds numbers (only the question groups' entries are read) */
};

/* The value at key, where key may be "config.title"; NULL if missing. */
static json_t *field(const json_t *rec, const char *key) {
    const char *dot = strchr(key, '.');
    if (!dot) return json_object_get(rec, key);
    char head[64];
    snprintf(head, sizeof head, "%.*s", (int)(dot - key), key);
    return json_object_get(json_object_get(rec, head), dot + 1);
}

static answer_group *add_group(export_columns *cs) {
    if (cs->n == cs->cap) {
        int cap = cs->cap ? cs->cap * 2 : 32;
        answer_group *g = realloc(cs->g, sizeof *g * (size_t)cap);
        if (!g) {
            cs->oom = true;
            return NULL;
        }
        cs->g = g, cs->cap = cap;
    }
    answer_group *g = &cs->g[cs->n++];
    memset(g, 0, sizeof *g);
    return g;
}

static bool wanted_id(const export_filter *f, const char *id) {
    if (!f || !f->n_consultations) return true;
    for (int i = 0; i < f->n_consultations; i++)
        if (f->consultations[i] && !strcmp(f->consultations[i], id)) return true;
    return false;
}

/* Whether key is one the question groups already write ("themes", "themes_other"). */
static bool covered(const export_columns *cs, const char *key) {
    for (int i = 0; i < cs->n; i++) {
        const question *q = cs->g[i].q;
        if (!q) continue;
        size_t n = strlen(q->id);
        if (!strcmp(q->id, key) || (q->other && !strncmp(key, q->id, n) && !strcmp(key + n, "_other"))) return true;
    }
    return false;
}

static void build_groups(export_columns *cs, const config *cfg, const export_filter *f, const export_set *set) {
    for (int c = 0; cfg && c < cfg->n_consultations; c++) {
        const consultation *k = &cfg->consultations[c];
        if (!wanted_id(f, k->id)) continue;
        for (int i = 0; i < k->n_questions; i++) {
            const question *q = &k->questions[i];
            int same = -1;
            for (int g = 0; g < cs->n && same < 0; g++)
                if (cs->g[g].q && !strcmp(cs->g[g].q->id, q->id)) same = g;
            if (same >= 0 && cs->g[same].q->type == q->type) continue; /* one column for both */
            answer_group *g = add_group(cs);
            if (!g) return;
            g->q = q;
            g->key = q->id;
            if (same >= 0) {
                g->only = k->id;
                snprintf(g->prefix, sizeof g->prefix, "%s.", k->id);
            }
        }
    }
    size_t i;
    json_t *k;
    json_array_foreach(set ? set->answer_keys : NULL, i, k) {
        const char *key = json_string_value(k);
        bool seen = covered(cs, key);
        for (int g = 0; g < cs->n && !seen; g++) seen = !cs->g[g].q && !strcmp(cs->g[g].key, key);
        if (seen) continue;
        answer_group *g = add_group(cs);
        if (!g) return;
        g->key = key;
    }
}

/* Counting a group's columns, and noting which of them hold numbers. */
typedef struct number_ctx {
    export_columns *cs;
    column_numbers rule;
} number_ctx;

static void note_column(void *ctx, const char *name) {
    number_ctx *c = ctx;
    export_columns *cs = c->cs;
    bool number = c->rule == COLUMNS_NUMBERS || (c->rule == COLUMNS_OPTION_NUMBERS && name[0] == '.');
    if (cs->numbers) cs->numbers[cs->n_columns] = number;
    cs->n_columns++;
}

/* Two passes over the groups' columns: the first counts them, the second notes their kinds. */
static void number_columns(export_columns *cs) {
    for (int pass = 0; pass < 2; pass++) {
        cs->n_columns = N_HEAD;
        for (int g = 0; g < cs->n; g++) {
            answer_group *gr = &cs->g[g];
            gr->first = cs->n_columns;
            if (!gr->q) {
                cs->n_columns++;
                continue;
            }
            const question_kind *kind = question_kind_of(gr->q->type);
            number_ctx c = {cs, kind->numbers};
            kind->columns(gr->q, note_column, &c);
        }
        cs->n_columns += N_TAIL + cs->clock_ok;
        if (pass == 0 && !(cs->numbers = calloc(cs->n_columns, sizeof *cs->numbers))) {
            cs->oom = true;
            return;
        }
    }
}

export_columns *export_columns_new(const export_set *set) {
    export_columns *cs = calloc(1, sizeof *cs);
    if (!cs) return NULL;
    build_groups(cs, set->cfg, set->filter, set);
    /* Only then: an export whose clocks were all right has the columns it always had. */
    cs->clock_ok = set->clock_suspect > 0;
    if (!cs->oom) number_columns(cs);
    if (cs->oom) {
        export_columns_free(cs);
        return NULL;
    }
    return cs;
}

void export_columns_free(export_columns *cs) {
    if (!cs) return;
    free(cs->g);
    free(cs->numbers);
    free(cs);
}

size_t export_columns_count(const export_columns *cs) { return cs->n_columns; }

/* ---- the header ------------------------------------------------------------------------ */

typedef struct name_ctx {
    export_name_fn fn;
    void *ctx;
    const char *prefix;
} name_ctx;

static void prefixed_name(void *ctx, const char *name) {
    name_ctx *c = ctx;
    char full[300];
    snprintf(full, sizeof full, "%s%s", c->prefix, name);
    c->fn(c->ctx, full);
}

void export_columns_header(const export_columns *cs, export_name_fn fn, void *ctx) {
    for (size_t i = 0; i < N_HEAD; i++) fn(ctx, head_columns[i].name);
    for (int g = 0; g < cs->n; g++) {
        char prefix[200];
        snprintf(prefix, sizeof prefix, "%s%s", cs->g[g].prefix, cs->g[g].key);
        name_ctx c = {fn, ctx, prefix};
        if (cs->g[g].q) question_kind_of(cs->g[g].q->type)->columns(cs->g[g].q, prefixed_name, &c);
        else fn(ctx, prefix);
    }
    for (size_t i = 0; i < N_TAIL; i++) fn(ctx, tail_columns[i].name);
    if (cs->clock_ok) fn(ctx, CLOCK_COLUMN);
}

/* ---- a record's cells ------------------------------------------------------------------ */

/* A growing string, for list cells. */
typedef struct strbuf {
    char *s;
    size_t n, cap;
    bool oom;
} strbuf;

static void sb_add(strbuf *b, const char *s, size_t n) {
    if (b->oom) return;
    if (b->n + n + 1 > b->cap) {
        size_t ncap = b->cap ? b->cap : 64;
        while (ncap < b->n + n + 1) ncap *= 2;
        char *grown = realloc(b->s, ncap);
        if (!grown) {
            b->oom = true;
            return;
        }
        b->s = grown;
        b->cap = ncap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

/* A value as recorded, in one cell: numbers as numbers, true and false as yes and no, a list
 * joined with "; ", anything else as its JSON. */
static void value_cell(const json_t *v, export_cell_fn fn, void *ctx) {
    export_cell c = {NULL, 0, EXPORT_CELL_TEXT, false};
    char num[64];
    strbuf b = {0};
    char *dumped = NULL;
    if (!v || json_is_null(v)) {
        /* empty */
    } else if (json_is_boolean(v)) {
        c.text = json_is_true(v) ? "yes" : "no";
        c.as_is = true;
    } else if (json_is_integer(v) || json_is_real(v)) {
        if (json_is_integer(v)) snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        else snprintf(num, sizeof num, "%.15g", json_real_value(v));
        c.text = num;
        c.type = EXPORT_CELL_NUMBER;
        c.as_is = true;
    } else if (json_is_string(v)) {
        c.text = json_string_value(v);
        c.len = json_string_length(v);
    } else if (json_is_array(v)) {
        size_t i;
        json_t *item;
        json_array_foreach(v, i, item) {
            if (i) sb_add(&b, "; ", 2);
            if (json_is_string(item)) {
                sb_add(&b, json_string_value(item), json_string_length(item));
            } else {
                char *j = json_dumps(item, JSON_COMPACT | JSON_ENCODE_ANY);
                if (j) sb_add(&b, j, strlen(j));
                free(j);
            }
        }
        c.text = b.s, c.len = b.n;
    } else {
        c.text = dumped = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER);
    }
    if (c.text && !c.len) c.len = strlen(c.text);
    fn(ctx, &c);
    free(b.s);
    free(dumped);
}

/* Whether group g takes the answers of a record of consultation id: a shared group leaves a
 * record to its consultation's own group when it has one. */
static bool group_takes(const export_columns *cs, const answer_group *g, const char *id) {
    if (g->only) return id && !strcmp(g->only, id);
    for (int i = 0; g->q && i < cs->n; i++)
        if (cs->g[i].only && id && !strcmp(cs->g[i].only, id) && !strcmp(cs->g[i].key, g->key)) return false;
    return true;
}

/* A question type's cells, told apart as words or numbers by the column they fall in. */
typedef struct answer_ctx {
    const export_columns *cs;
    size_t column;
    export_cell_fn fn;
    void *ctx;
} answer_ctx;

static void answer_cell(void *ctx, const char *value) {
    answer_ctx *a = ctx;
    bool number = a->column < a->cs->n_columns && a->cs->numbers[a->column];
    a->column++;
    export_cell c = {value, value ? strlen(value) : 0, number ? EXPORT_CELL_NUMBER : EXPORT_CELL_TEXT, false};
    a->fn(a->ctx, &c);
}

void export_columns_row(const export_columns *cs, const export_record *r, export_cell_fn fn, void *ctx) {
    const json_t *rec = r->json;
    for (size_t i = 0; i < N_HEAD; i++) {
        const char *key = head_columns[i].key;
        const json_t *v = field(rec, key);
        if (!strcmp(key, "consultation.id")) {
            export_cell c = {r->consultation, r->consultation ? strlen(r->consultation) : 0, EXPORT_CELL_TEXT, false};
            fn(ctx, &c);
        } else if (!strcmp(key, "at") && json_is_string(v)) {
            export_cell c = {json_string_value(v), json_string_length(v), EXPORT_CELL_WHEN, false};
            fn(ctx, &c);
        } else {
            value_cell(v, fn, ctx);
        }
    }
    json_t *none = NULL;
    for (int g = 0; g < cs->n; g++) {
        const answer_group *gr = &cs->g[g];
        bool takes = group_takes(cs, gr, r->consultation);
        if (!gr->q) {
            value_cell(takes ? json_object_get(r->answers, gr->key) : NULL, fn, ctx);
            continue;
        }
        /* Not its consultation's: the same number of empty cells. */
        if (!takes && !none) none = json_object();
        answer_ctx a = {cs, gr->first, fn, ctx};
        question_kind_of(gr->q->type)->cells(gr->q, takes ? r->answers : none, answer_cell, &a);
    }
    json_decref(none);
    for (size_t i = 0; i < N_TAIL; i++) value_cell(field(rec, tail_columns[i].key), fn, ctx);
    if (cs->clock_ok) {
        export_cell c = {r->clock_suspect ? "no" : "yes", r->clock_suspect ? 2 : 3,
                         EXPORT_CELL_TEXT, true};
        fn(ctx, &c);
    }
}

/* ---- the codebook ---------------------------------------------------------------------- */

const char *const export_codebook_header[EXPORT_CODEBOOK_COLUMNS] = {
    "consultation", "column", "question", "type", "required", "shown_if", "words", "option", "option_words", "values"};

typedef struct codebook_ctx {
    const consultation *k;
    const question *q;
    void (*fn)(void *ctx, const char *const *row);
    void *ctx;
} codebook_ctx;

/* The option a column is about: ".parks" names option parks. */
static const q_option *column_option(const question *q, const char *name) {
    if (name[0] != '.') return NULL;
    int i = consult_option_index(q, name + 1);
    return i >= 0 ? &q->options[i] : NULL;
}

static const char *const cond_names[] = {"equals", "includes", "answered", "not answered", "all", "any"};

static void codebook_row(void *ctx, const char *name) {
    codebook_ctx *c = ctx;
    const question *q = c->q;
    char column[200];
    snprintf(column, sizeof column, "%s%s", q->id, name);
    char shown[200] = "";
    if (q->show_if) {
        const q_cond *sc = q->show_if;
        if (sc->kind >= COND_ALL) snprintf(shown, sizeof shown, "%s of %d conditions", cond_names[sc->kind], sc->n);
        else if (sc->option >= 0)
            snprintf(shown, sizeof shown, "%s %s %s", c->k->questions[sc->question].id, cond_names[sc->kind],
                     c->k->questions[sc->question].options[sc->option].id);
        else if (sc->kind == COND_EQUALS) snprintf(shown, sizeof shown, "%s equals %d", c->k->questions[sc->question].id, sc->value);
        else snprintf(shown, sizeof shown, "%s %s", c->k->questions[sc->question].id, cond_names[sc->kind]);
    }
    const q_option *o = column_option(q, name);
    bool other = q->other && !strcmp(name, "_other");
    char values[120] = "";
    if (q->type == Q_CHOICES && o) snprintf(values, sizeof values, "1 chosen, 0 not");
    else if (q->type == Q_RANK && o) snprintf(values, sizeof values, "rank, 1 first; empty: not ranked");
    else if (q->type == Q_SCALE || q->type == Q_NUMBER) snprintf(values, sizeof values, "%d to %d", q->min_value, q->max_value);
    else if (q->type == Q_FACES) snprintf(values, sizeof values, "1 to %d", q->n_options);
    else if (q->type == Q_PLACE) snprintf(values, sizeof values, "pixels of the picture, %d x %d", q->image_w, q->image_h);
    else if (q->type == Q_CONSENT) snprintf(values, sizeof values, "yes, no");
    const char *const row[EXPORT_CODEBOOK_COLUMNS] = {
        c->k->id, column, q->id, question_kind_of(q->type)->name, q->required ? "yes" : "no", shown, q->title,
        o ? o->id : NULL, o ? o->label : other ? q->other_title : NULL, values};
    c->fn(c->ctx, row);
}

void export_codebook_rows(const config *cfg, const export_filter *filter, void (*fn)(void *ctx, const char *const *row),
                          void *ctx) {
    for (int c = 0; cfg && c < cfg->n_consultations; c++) {
        const consultation *k = &cfg->consultations[c];
        if (!wanted_id(filter, k->id)) continue;
        codebook_ctx cb = {k, NULL, fn, ctx};
        for (int i = 0; i < k->n_questions; i++) {
            const question *q = cb.q = &k->questions[i];
            question_kind_of(q->type)->columns(q, codebook_row, &cb);
            /* A one-answer question's values are option ids: each gets a row with its words. */
            bool ids = q->type == Q_CHOICE || q->type == Q_AGE_BAND || q->type == Q_FACES;
            for (int o = 0; ids && o < q->n_options; o++) {
                const q_option *op = &q->options[o];
                char idbuf[16];
                snprintf(idbuf, sizeof idbuf, "%d", o + 1);
                const char *const row[EXPORT_CODEBOOK_COLUMNS] = {
                    k->id, q->id, q->id, question_kind_of(q->type)->name, q->required ? "yes" : "no", NULL, q->title,
                    q->type == Q_FACES ? idbuf : op->id, op->label, NULL};
                fn(ctx, row);
            }
        }
    }
    if (!cfg) return;
    char words[400];
    snprintf(words, sizeof words,
             "Whether the kiosk's clock was right when it wrote the response: no when its time is "
             "before any "
             "version of plankiosk was built or earlier than one the same kiosk wrote before it "
             "(its time is "
             "kept as written; the responses are in the order the kiosk wrote them). Only in an "
             "export with "
             "such a response.");
    const char *const row[EXPORT_CODEBOOK_COLUMNS] = {NULL, CLOCK_COLUMN, NULL, "clock", NULL,
                                                      NULL, words,        NULL, NULL,    "yes, no"};
    fn(ctx, row);
}
