/* export_columns: the columns of an export, shared by its writers (the CSV in export.c, the
 * spreadsheet in export_xlsx.c), so a .csv and an .xlsx of the same set have the same columns
 * in the same order holding the same values.
 *
 * The idea: a writer never walks a record itself. It asks for the header's names and, per
 * record, for its cells in order; each cell says what it is (words, a number, the time of the
 * response), so the CSV can keep a visitor's words from running as a formula and a spreadsheet
 * can store a number as a number and words always as text.
 *
 * The columns: the record's own (id, kiosk, location, at, config_title, config_hash,
 * consultation), then a group per question of the config's consultations (its type lays out
 * its columns: question_kind.columns and .cells), then one per answer that no question of the
 * config explains (a config edited since, or none given), then language and seconds_taken, and
 * last, only when the set has a record its kiosk's clock was wrong for, clock_ok (yes/no). A
 * question id two consultations use with different types gets a group of its own for the
 * second, its columns named "<consultation>.<id>". The codebook describes the question
 * columns, a row each (export_codebook_rows).
 *
 * Ownership: export_columns_new returns a table the caller frees with export_columns_free (NULL
 * is fine); it points into the set and its config, which must outlive it. Cells handed to a
 * callback live until the callback returns. */
#ifndef PK_EXPORT_COLUMNS_H
#define PK_EXPORT_COLUMNS_H
#include <stdbool.h>
#include <stddef.h>

#include "export/export.h"

typedef enum export_cell_type {
    EXPORT_CELL_TEXT,   /* words: always text, whatever they look like ("65+", "=SUM(A1)") */
    EXPORT_CELL_NUMBER, /* a number: a rating, a 0/1 option column, a rank, a pin's x, seconds */
    EXPORT_CELL_WHEN,   /* the record's `at`, as recorded: "2026-07-01T10:15:00+01:00" */
} export_cell_type;

typedef struct export_cell {
    const char *text; /* the cell as the CSV writes it; NULL: an empty cell */
    size_t len;
    export_cell_type type;
    /* Written by the kiosk itself (a JSON number, yes or no for true or false), never a
     * visitor's words: the CSV writes it as it is, without defusing a leading '-'. */
    bool as_is;
} export_cell;

typedef void (*export_name_fn)(void *ctx, const char *name);
typedef void (*export_cell_fn)(void *ctx, const export_cell *cell);

typedef struct export_columns export_columns;

/* The columns of set (its cfg's consultations, those of its filter, and the answers its
 * records hold); NULL when memory runs out. */
export_columns *export_columns_new(const export_set *set);
void export_columns_free(export_columns *cols);
/* How many columns there are. */
size_t export_columns_count(const export_columns *cols);
/* Calls fn with each column's name, in order. */
void export_columns_header(const export_columns *cols, export_name_fn fn, void *ctx);
/* Calls fn with each of record r's cells, in the columns' order (an empty cell included). */
void export_columns_row(const export_columns *cols, const export_record *r, export_cell_fn fn, void *ctx);

/* ---- the codebook: what each column means ---------------------------------------------- */

#define EXPORT_CODEBOOK_COLUMNS 10
/* consultation, column, question, type, required, shown_if, words, option, option_words,
 * values */
extern const char *const export_codebook_header[EXPORT_CODEBOOK_COLUMNS];
/* Calls fn with each row of the codebook of cfg's consultations (those in filter, or all): a
 * row per column of the export, and a row per option of a one-answer question (its values are
 * option ids); then a row for clock_ok. A row is EXPORT_CODEBOOK_COLUMNS texts, NULL for an empty
 * cell. cfg may be NULL (no rows). */
void export_codebook_rows(const struct config *cfg, const export_filter *filter,
                          void (*fn)(void *ctx, const char *const *row), void *ctx);

#endif
