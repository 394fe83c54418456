/* results: what the town is saying so far, for the `results` slide: per question of a running
 * consultation, how many people answered and how their answers add up (options as counts, faces
 * and scales as a distribution, a ranking as points), from the kiosk's own log and, when the
 * config names one (feedback.fleet_dir), every kiosk's in the folder a fleet gathers into.
 *
 * results_feed reads incrementally: it remembers how far it read each *.jsonl file (by device,
 * inode and offset) and on results_feed_update reads only complete lines appended since, and
 * files that are new. A record whose id was already counted (a USB copy of the same file) is
 * skipped. Folders named "abandoned" and "quote-decisions" hold no answers and are not read.
 * Sealed answers are not counted (only an option id, a number or an order is ever tallied; free
 * text never is). A damaged line is skipped (and counted), never stops the rest.
 *
 * Aggregates only: nothing here keeps a record or any text of one. The slide shows nothing until
 * at least the slide's min_responses people answered (results_tally_shown).
 *
 * Pure: no SDL, no threads (the kiosk runs updates on its own worker, see app/kiosk_live.c).
 * Ownership: a feed owns its tallies and its file list; the config must outlive it. */
#ifndef PK_RESULTS_H
#define PK_RESULTS_H
#include <jansson.h>
#include <stdbool.h>

#include "config/config.h"
#include "core/date.h"
#include "core/diag.h"

#define RESULTS_MAX_DIRS 4
/* Nothing shows below this many people (a slide's min_responses of 0 or less means this): one
 * answer on a screen is one person's. */
#define RESULTS_MIN_RESPONSES 10

typedef struct results_tally {
    int consultation, question; /* indices in the config */
    question_type type;
    long people;                /* records of the consultation that answered this question */
    long responses;             /* records of the consultation, answered or not */
    int kiosks;                 /* distinct kiosk ids among those records */
    bool has_since;
    pk_date since;              /* the local day of the earliest of them */
    int n;                      /* options (choice, choices, rank, age_band), 5 (faces),
                                 * points (scale); 0 for other types */
    long counts[CONSULT_MAX_OPTIONS]; /* per option index, or per value (faces 1..5 at 0..4,
                                       * scale min..max at 0..) */
    long points[CONSULT_MAX_OPTIONS]; /* rank: n_max - position for each time an option is
                                       * ranked (first gets most) */
    int order[CONSULT_MAX_OPTIONS];   /* option indices, most counts (rank: points) first; ties in
                                       * the config's order. Distributions keep their own order. */
    long unknown; /* answers naming an option (or a value) the question does not have (the
                   * config changed since): not counted, not shown; each such value is reported
                   * once by results_feed_update */
} results_tally;

typedef struct results_feed results_feed;

/* A feed for cfg: it tallies every question a `results` slide of cfg names. NULL on
 * out-of-memory. A feed is used by one thread at a time. */
results_feed *results_feed_new(const config *cfg);
/* Tallies question q of consultation c too (indices in cfg), whether or not a slide names it.
 * True when it is tallied (already was, or now); false for indices cfg does not have or out of
 * memory. Called after an update, the next update reads every file again from the start to
 * count it (on_record still sees each record once). */
bool results_feed_track(results_feed *f, int consultation, int question);
void results_feed_free(results_feed *f);
/* Adds a folder (searched recursively) or a single .jsonl file; up to RESULTS_MAX_DIRS. */
bool results_feed_add_dir(results_feed *f, const char *dir);
/* Called with each new record read (its parsed object; borrowed for the call). */
typedef void (*results_record_fn)(void *ud, const json_t *record);
/* Reads what is new since the last update; calls on_record (may be NULL) for each record not
 * seen before (the whole record; of any consultation). Returns the number of new records, -1
 * when memory ran out (what was counted stays). Damaged lines go to problems (may be NULL) as
 * "FILE:LINE:COL: reason", each once for the feed's life (a USB copy's too), as do unreadable
 * folders and answers naming an option the question does not have. A last line without its
 * "\n" is left until it is whole. */
long results_feed_update(results_feed *f, results_record_fn on_record, void *ud, diag_list *problems);
/* The tally of question q of consultation c (indices); false if the feed does not tally it. */
bool results_feed_get(const results_feed *f, int c, int q, results_tally *out);
/* Whether a tally may be shown: at least min_responses (<= 0: RESULTS_MIN_RESPONSES) people
 * answered. */
bool results_tally_shown(const results_tally *t, int min_responses);
/* Prepares t for question qn (indices c, q): zero counts, its type and n. */
void results_tally_init(results_tally *t, const question *qn, int c, int q);
/* Adds one record's answers (the "answers" object) to t, for question qn: responses always,
 * people and counts when it answered qn with something the question has (unknown otherwise).
 * kiosks and since are the feed's. */
void results_tally_add(results_tally *t, const question *qn, const json_t *answers);
/* Recomputes t->order from the counts. */
void results_tally_sort(results_tally *t);

#endif
