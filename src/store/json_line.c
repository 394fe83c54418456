/* json_line: one JSON line into a jansson tree through yajl's callbacks (see json_line.h). */
#include "store/json_line.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_parse.h>

/* Records nest three deep (a pin is [x, y] in a list in "answers"); anything far deeper is not a
 * record, and a fixed stack keeps a hostile line from costing more than this. */
#define MAX_DEPTH 64

typedef struct builder {
    const json_line_shape *shape;
    json_t *root;
    json_t *stack[MAX_DEPTH];
    bool keys_mode[MAX_DEPTH]; /* an object whose values are dropped, its keys kept as null */
    int depth;
    long skip;      /* >0: inside a value being checked but not built */
    bool drop_next; /* the value about to start is not built */
    char *key;      /* the key the next value goes under (yajl's copy lives only in its call) */
    size_t key_len, key_cap;
    const char *fail; /* why a callback stopped the parse */
} builder;

static bool kept(const json_line_shape *s, const char *k, size_t n) {
    for (const char *const *p = s->keep; *p; p++)
        if (strlen(*p) == n && memcmp(*p, k, n) == 0) return true;
    return false;
}

static int add(builder *b, json_t *v) {
    if (!v) {
        b->fail = "out of memory";
        return 0;
    }
    if (b->depth == 0) {
        b->root = v;
        return 1;
    }
    json_t *parent = b->stack[b->depth - 1];
    int rc = json_is_object(parent) ? json_object_setn_new_nocheck(parent, b->key, b->key_len, v)
                                    : json_array_append_new(parent, v);
    if (rc != 0) b->fail = "out of memory";
    return rc == 0;
}

/* Whether the value starting now is built; false consumes it as checked-only. */
static bool building(builder *b) {
    if (b->skip > 0) return false;
    if (b->drop_next) {
        b->drop_next = false;
        return false;
    }
    return true;
}

static int on_null(void *ctx) { return building(ctx) ? add(ctx, json_null()) : 1; }
static int on_bool(void *ctx, int v) { return building(ctx) ? add(ctx, json_boolean(v)) : 1; }
static int on_integer(void *ctx, long long v) { return building(ctx) ? add(ctx, json_integer(v)) : 1; }
static int on_double(void *ctx, double v) { return building(ctx) ? add(ctx, json_real(v)) : 1; }
static int on_string(void *ctx, const unsigned char *s, size_t n) {
    /* yajl has checked the UTF-8 already, so jansson need not again. */
    return building(ctx) ? add(ctx, json_stringn_nocheck((const char *)s, n)) : 1;
}

static int open_container(builder *b, json_t *v) {
    /* Counted whether built or skipped: a shape must refuse what the whole parse refuses. */
    if (b->depth + b->skip >= MAX_DEPTH) {
        json_decref(v);
        b->fail = "nested too deeply";
        return 0;
    }
    if (!building(b)) {
        b->skip++;
        json_decref(v);
        return 1;
    }
    bool keys = b->depth == 1 && b->shape && b->shape->keys_only && json_is_object(v) &&
                strlen(b->shape->keys_only) == b->key_len && !memcmp(b->shape->keys_only, b->key, b->key_len);
    if (!add(b, json_incref(v))) {
        json_decref(v);
        return 0;
    }
    b->keys_mode[b->depth] = keys;
    b->stack[b->depth++] = v;
    json_decref(v); /* the parent holds it */
    return 1;
}

static int on_start_map(void *ctx) { return open_container(ctx, json_object()); }
static int on_start_array(void *ctx) { return open_container(ctx, json_array()); }

static int on_end(void *ctx) {
    builder *b = ctx;
    if (b->skip > 0)
        b->skip--;
    else
        b->depth--;
    return 1;
}

static int on_key(void *ctx, const unsigned char *k, size_t n) {
    builder *b = ctx;
    if (b->skip > 0) return 1;
    if (n + 1 > b->key_cap) {
        size_t cap = n + 64;
        char *grown = realloc(b->key, cap);
        if (!grown) {
            b->fail = "out of memory";
            return 0;
        }
        b->key = grown, b->key_cap = cap;
    }
    memcpy(b->key, k, n);
    b->key[n] = '\0';
    b->key_len = n;
    if (b->depth == 1 && b->shape && !kept(b->shape, b->key, n)) {
        b->drop_next = true;
    } else if (b->keys_mode[b->depth - 1]) {
        if (!add(b, json_null())) return 0;
        b->drop_next = true;
    }
    return 1;
}

static const yajl_callbacks callbacks = {
    on_null, on_bool, on_integer, on_double, NULL, on_string, on_start_map, on_key, on_end, on_start_array, on_end,
};

/* yajl's message, first line, without its "parse error: " or "lexical error: " lead. */
static void yajl_words(yajl_handle h, json_line_error *e) {
    unsigned char *msg = yajl_get_error(h, 0, NULL, 0);
    const char *m = msg ? (const char *)msg : "not JSON";
    const char *colon = strstr(m, "error: ");
    if (colon) m = colon + 7;
    snprintf(e->text, sizeof e->text, "%.*s", (int)strcspn(m, "\n"), m);
    size_t n = strlen(e->text);
    if (n && e->text[n - 1] == '.') e->text[n - 1] = '\0';
    if (msg) yajl_free_error(h, msg);
}

json_t *json_line_parse(const char *s, size_t len, const json_line_shape *shape, json_line_error *e) {
    json_line_error scratch;
    if (!e) e = &scratch;
    memset(e, 0, sizeof *e);
    builder b = {.shape = shape};
    yajl_handle h = yajl_alloc(&callbacks, NULL, &b);
    if (!h) {
        e->status = JSON_LINE_BAD;
        snprintf(e->text, sizeof e->text, "out of memory");
        return NULL;
    }
    if (shape && shape->utf8_checked) yajl_config(h, yajl_dont_validate_strings, 1);
    yajl_status st = yajl_parse(h, (const unsigned char *)s, len);
    if (st == yajl_status_ok) {
        st = yajl_complete_parse(h);
        if (st == yajl_status_error) { /* everything read was right: the value just stops */
            e->status = JSON_LINE_CUT_OFF;
            yajl_words(h, e);
        }
    } else {
        e->status = JSON_LINE_BAD;
        e->column = (int)yajl_get_bytes_consumed(h) + 1;
        if (st == yajl_status_client_canceled)
            snprintf(e->text, sizeof e->text, "%s", b.fail ? b.fail : "stopped");
        else
            yajl_words(h, e);
    }
    yajl_free(h);
    free(b.key);
    if (st != yajl_status_ok || !b.root) {
        if (st == yajl_status_ok) { /* nothing but white space */
            e->status = JSON_LINE_CUT_OFF;
            snprintf(e->text, sizeof e->text, "no value");
        }
        json_decref(b.root);
        return NULL;
    }
    return b.root;
}
