/* age_band: one of the configured bands (the UK's six unless the config says). A tap answers
 * and moves on. Recorded as the band's id ("25-44"); personal (sealed). */
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
}

const question_kind question_age_band = {
    .name = "age_band", .personal = true, .tap = tap, .answered = answered, .encode = encode,
    .describe = describe, .columns = question_one_column, .cells = question_string_cell,
};
