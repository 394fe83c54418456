/* choice: one option. A tap answers and moves on (Back shows it again if it was a slip);
 * "Something else" then asks what, in a box. Recorded as the option's id. */
#include <stdio.h>

#include "consult/questions/questions.h"

static tap_result tap(const question *q, answer *a, int i) {
    if (i < 0 || i >= q->n_options) return TAP_NOTHING;
    a->value = i;
    a->given = true;
    return TAP_ANSWERED;
}

static bool answered(const question *q, const answer *a) { return a->given && a->value < q->n_options; }

static json_t *encode(const question *q, const answer *a) { return json_string(q->options[a->value].id); }

static void describe(const question *q, const answer *a, const char *const *ui, char *buf, size_t size) {
    (void)ui;
    snprintf(buf, size, "%s", q->options[a->value].label);
    question_append_other(q, a, buf, size);
}

static void columns(const question *q, column_fn col, void *ctx) {
    col(ctx, "");
    question_other_column(q, col, ctx);
}

static void cells(const question *q, const json_t *answers, cell_fn cell, void *ctx) {
    question_string_cell(q, answers, cell, ctx);
    question_other_cell(q, answers, cell, ctx);
}

const question_kind question_choice = {
    .name = "choice", .text_chars = question_other_chars, .tap = tap, .answered = answered,
    .encode = encode, .describe = describe, .columns = columns, .cells = cells,
};
