/* What the question types share: option lists in words and in ids, and "Something else". */
#include <stdio.h>
#include <string.h>

#include "consult/questions/questions.h"

void question_join_labels(const question *q, const int *idx, int n, char *buf, size_t size) {
    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        size_t len = strlen(buf);
        snprintf(buf + len, size - len, "%s%s", i ? ", " : "", q->options[idx[i]].label);
    }
}

void question_append_other(const question *q, const answer *a, char *buf, size_t size) {
    if (!question_other_chosen(q, a) || !question_has_words(a)) return;
    size_t len = strlen(buf);
    snprintf(buf + len, size - len, ": %s", a->text);
}

int question_other_chars(const question *q) { return q->other ? QUESTION_OTHER_CHARS : 0; }

void question_other_column(const question *q, column_fn col, void *ctx) {
    if (q->other) col(ctx, "_other");
}

void question_other_cell(const question *q, const json_t *answers, cell_fn cell, void *ctx) {
    if (!q->other) return;
    char key[160];
    snprintf(key, sizeof key, "%s_other", q->id);
    cell(ctx, json_string_value(json_object_get(answers, key)));
}

void question_integer_cell(const question *q, const json_t *answers, cell_fn cell, void *ctx) {
    const json_t *v = json_object_get(answers, q->id);
    char num[32];
    if (json_is_integer(v)) snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
    cell(ctx, json_is_integer(v) ? num : NULL);
}

bool question_typed_answered(const question *q, const answer *a) {
    (void)q;
    return question_has_words(a);
}

json_t *question_typed_encode(const question *q, const answer *a) {
    (void)q;
    return json_string_nocheck(a->text); /* the log repairs any stray byte (store/feedback_log.c) */
}

void question_typed_describe(const question *q, const answer *a, const char *const *ui, char *buf, size_t size) {
    (void)q, (void)ui;
    snprintf(buf, size, "%s", a->text);
}

tap_result question_one_option_tap(const question *q, answer *a, int i) {
    if (i < 0 || i >= q->n_options) return TAP_NOTHING;
    a->value = i;
    a->given = true;
    return TAP_ANSWERED;
}

bool question_one_option_answered(const question *q, const answer *a) { return a->given && a->value < q->n_options; }

json_t *question_one_option_encode(const question *q, const answer *a) { return json_string(q->options[a->value].id); }

void question_one_option_describe(const question *q, const answer *a, const char *const *ui, char *buf, size_t size) {
    (void)ui;
    snprintf(buf, size, "%s", q->options[a->value].label);
    question_append_other(q, a, buf, size);
}

void question_one_option_columns(const question *q, column_fn col, void *ctx) {
    col(ctx, "");
    question_other_column(q, col, ctx);
}

void question_one_option_cells(const question *q, const json_t *answers, cell_fn cell, void *ctx) {
    question_string_cell(q, answers, cell, ctx);
    question_other_cell(q, answers, cell, ctx);
}

void question_option_columns(const question *q, column_fn col, void *ctx) {
    col(ctx, "");
    char name[96];
    for (int i = 0; i < q->n_options; i++) {
        snprintf(name, sizeof name, ".%s", q->options[i].id);
        col(ctx, name);
    }
    question_other_column(q, col, ctx);
}
