/* questions: the question types' tables (one file each in this folder) and what they share.
 * Internal to src/consult; everyone else goes through question_type.h. */
#ifndef PK_QUESTIONS_H
#define PK_QUESTIONS_H
#include "consult/question_type.h"

extern const question_kind question_choice, question_choices, question_faces, question_scale,
    question_rank, question_text, question_number, question_place, question_first_name,
    question_age_band, question_postcode_district, question_consent;

/* The ids of options idx[0..n-1] as a new JSON array. */
json_t *question_option_ids(const question *q, const int *idx, int n);
/* "a, b, c" into buf: the labels of options idx[0..n-1]. */
void question_join_labels(const question *q, const int *idx, int n, char *buf, size_t size);
/* The words of "Something else" (answer text) after the option's own label: "Something
 * else: a skate park". */
void question_append_other(const question *q, const answer *a, char *buf, size_t size);
/* Columns and cells of the "Something else" words, "<id>_other", when the question has it. */
void question_other_column(const question *q, column_fn col, void *ctx);
void question_other_cell(const question *q, const json_t *answers, cell_fn cell, void *ctx);
/* One column holding a whole number (or the empty cell). */
void question_integer_cell(const question *q, const json_t *answers, cell_fn cell, void *ctx);
/* Typed answers: words given, the words as the record's string and as their description. */
bool question_typed_answered(const question *q, const answer *a);
json_t *question_typed_encode(const question *q, const answer *a);
void question_typed_describe(const question *q, const answer *a, const char *const *ui, char *buf, size_t size);
/* One option of the question's (choice, age_band): a tap answers and moves on; recorded as
 * the option's id, described by its words (and the "Something else" words, when it has them);
 * exported as one column (and the "Something else" words' column). */
tap_result question_one_option_tap(const question *q, answer *a, int i);
bool question_one_option_answered(const question *q, const answer *a);
json_t *question_one_option_encode(const question *q, const answer *a);
void question_one_option_describe(const question *q, const answer *a, const char *const *ui, char *buf, size_t size);
void question_one_option_columns(const question *q, column_fn col, void *ctx);
void question_one_option_cells(const question *q, const json_t *answers, cell_fn cell, void *ctx);
/* A joined column, then one per option (".parks"), then the "Something else" words' column
 * when the question has it (choices, rank). */
void question_option_columns(const question *q, column_fn col, void *ctx);
/* The "Something else" box holds this many characters. */
#define QUESTION_OTHER_CHARS 200
int question_other_chars(const question *q);

#endif
