/* question_type: what every question type does with its answer, behind one small table, as
 * render/slides/ does for slides. A type is one file in consult/questions/ (its answer: taps,
 * checks, the record's JSON, the words for review and read-aloud, the export's columns) and
 * one in render/questions/ (its screen). Adding a type touches those two files and the tables.
 *
 * The journey, export and report know questions only through this interface. Pure: no SDL, no
 * clock; jansson for the record's values. */
#ifndef PK_QUESTION_TYPE_H
#define PK_QUESTION_TYPE_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "consult/answer.h"
#include "consult/consult.h"
#include "config/ui_text.h"

/* What a tap did to an answer. */
typedef enum {
    TAP_NOTHING, /* not for this type, or out of range */
    TAP_CHANGED, /* the answer changed; stay on the question */
    TAP_FULL,    /* refused: as many chosen (or pins dropped) as the question allows */
    TAP_ANSWERED /* a one-tap answer: the journey moves on */
} tap_result;

/* One export column of a question: its name (after the question id) and a cell maker. */
typedef void (*column_fn)(void *ctx, const char *name);
typedef void (*cell_fn)(void *ctx, const char *value); /* NULL value: an empty cell */
/* Which of a question's export columns hold numbers, so a spreadsheet gets number cells there
 * (words are always text cells, whatever they look like). */
typedef enum column_numbers {
    COLUMNS_TEXT,           /* none: option ids, words, yes or no */
    COLUMNS_NUMBERS,        /* every column: a face, a scale, a number, a pin's x and y */
    COLUMNS_OPTION_NUMBERS, /* the options' columns (".parks": 0/1 or a rank), not the others */
} column_numbers;

typedef struct question_kind {
    const char *name;   /* the `type:` in YAML */
    bool personal;      /* sealed in records (store/seal.h) and never shown on the loop */
    bool typed;         /* answered on a keyboard into answer.text */
    bool quotable;      /* words someone might quote (consent is asked only after these) */
    /* Characters the answer's text holds (typed types and `other`); 0: none. */
    int (*text_chars)(const question *q);
    /* A tap on option or point `index` (W_OPTION, W_POINT). */
    tap_result (*tap)(const question *q, answer *a, int index);
    bool (*answered)(const question *q, const answer *a);
    /* Leaving forwards: tidies the answer (a postcode to upper case) and says whether it may be
     * kept; false keeps the visitor on the question with the type's message. NULL: always. */
    bool (*accept)(const question *q, answer *a);
    /* The record's value (a new reference); only called when answered. */
    json_t *(*encode)(const question *q, const answer *a);
    /* The answer in words, for the review and read-aloud ("Hopeful"; "1 Parks, 2 Shops"). */
    void (*describe)(const question *q, const answer *a, const char *const *ui, char *buf, size_t size);
    /* Export: the columns (each name goes after the question id: "" is the id itself,
     * ".parks" an option's) and their cells for a record's `answers` object (its keys are
     * question ids; absent or null: not answered). Cells come in the columns' order. */
    void (*columns)(const question *q, column_fn col, void *ctx);
    void (*cells)(const question *q, const json_t *answers, cell_fn cell, void *ctx);
    column_numbers numbers;
    /* place: a tap at (x, y) in the picture's own pixels. NULL for other types. */
    tap_result (*tap_at)(const question *q, answer *a, int x, int y);
} question_kind;

/* The kind of type t; NULL for Q_TYPE_COUNT. */
const question_kind *question_kind_of(question_type t);
/* The type named name ("choice"), or Q_TYPE_COUNT. */
question_type question_type_named(const char *name);
/* The names of every type, NULL-terminated (for "did you mean"). */
const char *const *question_type_names(void);

/* Shared by the type files: one column named by the question id, holding a string. */
void question_one_column(const question *q, column_fn col, void *ctx);
void question_string_cell(const question *q, const json_t *answers, cell_fn cell, void *ctx);
/* The question has `other` and "Something else" is chosen: its words go in answer.text. */
bool question_other_chosen(const question *q, const answer *a);
/* Whether answer a's text holds words (not only spaces or invisible marks). */
bool question_has_words(const answer *a);

#endif
