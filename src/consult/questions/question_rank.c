/* rank: up to `max` options put in order by tapping them in turn; tapping a ranked one takes
 * it out (those after it move up). Recorded as the ids in order; exported as each option's
 * rank (1 = first), empty when it was not ranked, and one joined column. */
#include <stdio.h>
#include <string.h>

#include "consult/questions/questions.h"

static int limit(const question *q) { return q->max > 0 && q->max < q->n_options ? q->max : q->n_options; }

static tap_result tap(const question *q, answer *a, int i) {
    if (i < 0 || i >= q->n_options) return TAP_NOTHING;
    for (int k = 0; k < a->n_order; k++)
        if (a->order[k] == i) {
            memmove(&a->order[k], &a->order[k + 1], (size_t)(a->n_order - k - 1));
            a->n_order--;
            return TAP_CHANGED;
        }
    if (a->n_order >= limit(q)) return TAP_FULL;
    a->order[a->n_order++] = (signed char)i;
    return TAP_CHANGED;
}

static bool answered(const question *q, const answer *a) {
    (void)q;
    return a->n_order > 0;
}

static void order(const answer *a, int *idx) {
    for (int k = 0; k < a->n_order; k++) idx[k] = a->order[k];
}

static json_t *encode(const question *q, const answer *a) {
    int idx[CONSULT_MAX_OPTIONS];
    order(a, idx);
    return question_option_ids(q, idx, a->n_order);
}

static void describe(const question *q, const answer *a, const char *const *ui, char *buf, size_t size) {
    (void)ui;
    buf[0] = '\0';
    for (int k = 0; k < a->n_order; k++) {
        size_t len = strlen(buf);
        snprintf(buf + len, size - len, "%s%d %s", k ? ", " : "", k + 1, q->options[(int)a->order[k]].label);
    }
}

static void cells(const question *q, const json_t *answers, cell_fn cell, void *ctx) {
    const json_t *v = json_object_get(answers, q->id), *e;
    char joined[1024] = "", num[16];
    size_t k;
    json_array_foreach(v, k, e) {
        size_t len = strlen(joined);
        snprintf(joined + len, sizeof joined - len, "%s%s", k ? ">" : "", json_string_value(e) ? json_string_value(e) : "");
    }
    cell(ctx, json_is_array(v) ? joined : NULL);
    for (int i = 0; i < q->n_options; i++) {
        int rank = 0;
        json_array_foreach(v, k, e) if (!rank && json_is_string(e) && !strcmp(json_string_value(e), q->options[i].id)) rank = (int)k + 1;
        snprintf(num, sizeof num, "%d", rank);
        cell(ctx, rank ? num : NULL);
    }
}

const question_kind question_rank = {
    .name = "rank", .tap = tap, .answered = answered, .encode = encode, .describe = describe,
    .columns = question_option_columns, .cells = cells, .numbers = COLUMNS_OPTION_NUMBERS,
};
