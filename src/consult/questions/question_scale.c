/* scale: points from min_value to max_value (0-10 "how likely to recommend"), the ends with
 * their words. A tap answers and moves on. Recorded as the point. */
#include <stdio.h>

#include "consult/questions/questions.h"

static tap_result tap(const question *q, answer *a, int v) {
    if (v < q->min_value || v > q->max_value) return TAP_NOTHING;
    a->value = v;
    a->given = true;
    return TAP_ANSWERED;
}

static bool answered(const question *q, const answer *a) {
    return a->given && a->value >= q->min_value && a->value <= q->max_value;
}

static json_t *encode(const question *q, const answer *a) {
    (void)q;
    return json_integer(a->value);
}

/* "7 of 0 to 10"; an end also says its words: "10 of 0 to 10 (Very likely)". */
static void describe(const question *q, const answer *a, const char *const *ui, char *buf, size_t size) {
    const char *end = a->value == q->min_value ? q->low_label : a->value == q->max_value ? q->high_label : NULL;
    int n = snprintf(buf, size, "%d (%d-%d)", a->value, q->min_value, q->max_value);
    (void)ui;
    if (end && n > 0 && (size_t)n < size) snprintf(buf + n, size - (size_t)n, ": %s", end);
}

const question_kind question_scale = {
    .name = "scale", .tap = tap, .answered = answered, .encode = encode, .describe = describe,
    .columns = question_one_column, .cells = question_integer_cell, .numbers = COLUMNS_NUMBERS,
};
