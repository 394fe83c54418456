/* faces: five drawn faces from a frown (1) to a smile (5), each with its words (the options).
 * A tap answers and moves on. Recorded as 1-5. */
#include <stdio.h>

#include "consult/questions/questions.h"

static tap_result tap(const question *q, answer *a, int i) {
    if (i < 1 || i > q->n_options) return TAP_NOTHING;
    a->value = i;
    a->given = true;
    return TAP_ANSWERED;
}

static bool answered(const question *q, const answer *a) { return a->given && a->value >= 1 && a->value <= q->n_options; }

static json_t *encode(const question *q, const answer *a) {
    (void)q;
    return json_integer(a->value);
}

static void describe(const question *q, const answer *a, const char *const *ui, char *buf, size_t size) {
    (void)ui;
    snprintf(buf, size, "%s", q->options[a->value - 1].label);
}

const question_kind question_faces = {
    .name = "faces", .tap = tap, .answered = answered, .encode = encode, .describe = describe,
    .columns = question_one_column, .cells = question_integer_cell, .numbers = COLUMNS_NUMBERS,
};
