#include "consult/question_type.h"

#include <string.h>

#include "consult/questions/questions.h"
#include "text/utf8.h"

static const question_kind *const kinds[Q_TYPE_COUNT] = {
    [Q_CHOICE] = &question_choice,         [Q_CHOICES] = &question_choices,
    [Q_FACES] = &question_faces,           [Q_SCALE] = &question_scale,
    [Q_RANK] = &question_rank,             [Q_TEXT] = &question_text,
    [Q_NUMBER] = &question_number,         [Q_PLACE] = &question_place,
    [Q_FIRST_NAME] = &question_first_name, [Q_AGE_BAND] = &question_age_band,
    [Q_POSTCODE_DISTRICT] = &question_postcode_district, [Q_CONSENT] = &question_consent,
};

static const char *const names[Q_TYPE_COUNT + 1] = {
    "choice", "choices", "faces", "scale", "rank", "text", "number", "place",
    "first_name", "age_band", "postcode_district", "consent", NULL};

const question_kind *question_kind_of(question_type t) { return t < Q_TYPE_COUNT ? kinds[t] : NULL; }

question_type question_type_named(const char *name) {
    for (int t = 0; t < Q_TYPE_COUNT; t++)
        if (!strcmp(names[t], name)) return (question_type)t;
    return Q_TYPE_COUNT;
}

const char *const *question_type_names(void) { return names; }

void question_one_column(const question *q, column_fn col, void *ctx) {
    (void)q;
    col(ctx, "");
}

void question_string_cell(const question *q, const json_t *answers, cell_fn cell, void *ctx) {
    cell(ctx, json_string_value(json_object_get(answers, q->id)));
}

bool question_has_words(const answer *a) { return a->text && !utf8_is_blank(a->text, strlen(a->text)); }

bool question_other_chosen(const question *q, const answer *a) {
    if (!q->other || !q->n_options) return false;
    int other = q->n_options - 1;
    if (q->type == Q_CHOICE) return a->given && a->value == other;
    if (q->type == Q_CHOICES) return (a->picked >> other) & 1;
    return false;
}

/* Options' ids as a JSON array, in the order given. */
json_t *question_option_ids(const question *q, const int *idx, int n) {
    json_t *arr = json_array();
    for (int i = 0; arr && i < n; i++) json_array_append_new(arr, json_string(q->options[idx[i]].id));
    return arr;
}
