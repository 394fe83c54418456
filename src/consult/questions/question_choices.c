/* choices: several options, up to `max`; each tap picks or unpicks one, Next goes on.
 * Recorded as the chosen ids in the options' order; exported as one joined column and one
 * 0/1 column per option. */
#include <stdio.h>
#include <string.h>

#include "consult/questions/questions.h"

static int chosen(const question *q, const answer *a, int *idx) {
    int n = 0;
    for (int i = 0; i < q->n_options; i++)
        if ((a->picked >> i) & 1) idx[n++] = i;
    return n;
}

static tap_result tap(const question *q, answer *a, int i) {
    if (i < 0 || i >= q->n_options) return TAP_NOTHING;
    unsigned bit = 1u << i;
    if (!(a->picked & bit) && q->max > 0 && __builtin_popcount(a->picked) >= q->max) return TAP_FULL;
    a->picked ^= bit;
    return TAP_CHANGED;
}

static bool answered(const question *q, const answer *a) {
    (void)q;
    return a->picked != 0;
}

static json_t *encode(const question *q, const answer *a) {
    int idx[CONSULT_MAX_OPTIONS];
    return question_option_ids(q, idx, chosen(q, a, idx));
}

static void describe(const question *q, const answer *a, const char *const *ui, char *buf, size_t size) {
    (void)ui;
    int idx[CONSULT_MAX_OPTIONS];
    question_join_labels(q, idx, chosen(q, a, idx), buf, size);
    question_append_other(q, a, buf, size);
}

static void cells(const question *q, const json_t *answers, cell_fn cell, void *ctx) {
    const json_t *v = json_object_get(answers, q->id);
    char joined[1024] = "";
    size_t k;
    const json_t *e;
    json_array_foreach(v, k, e) {
        size_t len = strlen(joined);
        snprintf(joined + len, sizeof joined - len, "%s%s", k ? ";" : "", json_string_value(e) ? json_string_value(e) : "");
    }
    cell(ctx, json_is_array(v) ? joined : NULL);
    for (int i = 0; i < q->n_options; i++) {
        bool on = false;
        json_array_foreach(v, k, e) on |= json_is_string(e) && !strcmp(json_string_value(e), q->options[i].id);
        cell(ctx, json_is_array(v) ? (on ? "1" : "0") : NULL);
    }
    question_other_cell(q, answers, cell, ctx);
}

const question_kind question_choices = {
    .name = "choices", .text_chars = question_other_chars, .tap = tap, .answered = answered,
    .encode = encode, .describe = describe, .columns = question_option_columns, .cells = cells,
    .numbers = COLUMNS_OPTION_NUMBERS,
};
