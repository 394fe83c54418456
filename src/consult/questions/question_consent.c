/* consent: may we quote your words and first name in public? Shown with the consultation's
 * privacy notice, and only asked when something quotable was typed. Yes (1) or No (0), a
 * tap answers and moves on. Recorded as true or false. */
#include <stdio.h>

#include "consult/questions/questions.h"

static tap_result tap(const question *q, answer *a, int i) {
    (void)q;
    if (i != 0 && i != 1) return TAP_NOTHING;
    a->value = i;
    a->given = true;
    return TAP_ANSWERED;
}

static bool answered(const question *q, const answer *a) {
    (void)q;
    return a->given;
}

static json_t *encode(const question *q, const answer *a) {
    (void)q;
    return json_boolean(a->value == 1);
}

static void describe(const question *q, const answer *a, const char *const *ui, char *buf, size_t size) {
    (void)q;
    snprintf(buf, size, "%s", ui[a->value == 1 ? UI_YES : UI_NO]);
}

static void yes_no_cell(const question *q, const json_t *answers, cell_fn cell, void *ctx) {
    const json_t *v = json_object_get(answers, q->id);
    cell(ctx, json_is_boolean(v) ? (json_is_true(v) ? "yes" : "no") : NULL);
}

const question_kind question_consent = {
    .name = "consent", .tap = tap, .answered = answered, .encode = encode, .describe = describe,
    .columns = question_one_column, .cells = yes_no_cell,
};
