/* live: what the "You said" and "results" slides show that is not in the config: the quotes a
 * person approved and the results gathered so far. The kiosk gathers them away from the loop
 * (content/live_source.h, on app/kiosk_live.c's worker) and hands the slides a snapshot at a
 * slide boundary; `shoot` makes one from a fixture log. A slide with nothing to show is skipped
 * by the loop, never shown empty.
 *
 * Ownership: a slide_live is a value: every string is held in it (so a snapshot is copied whole
 * from the worker, and nothing in it points into the worker's memory). Slides only read it,
 * during one layout. Pure data: no SDL. */
#ifndef PK_LIVE_H
#define PK_LIVE_H
#include <stdbool.h>
#include <stddef.h>

#include "config/config.h"
#include "results/results.h"

#define LIVE_MAX_QUOTES 48 /* approved quotes kept for the slide, newest first */
/* Longer words do not go on a slide (unreadable from two metres in a card); they stay in the
 * review and the report, and the staff screen says so. */
#define LIVE_QUOTE_MAX_CHARS 300

typedef struct live_quote {
    char key[112];          /* "<record id>:<question id>" */
    char consultation[64];  /* its id */
    char lang[8];           /* the code it was written in ("pl") */
    char text[LIVE_QUOTE_MAX_CHARS * 4 + 1];
    char name[128];         /* "" when not given */
    char age_band[64];      /* option id of the consultation's age band question, or "" */
    long long utc;
} live_quote;

typedef struct slide_live {
    int n_quotes;
    live_quote quotes[LIVE_MAX_QUOTES]; /* approved (by a person, or in approved_file), newest first */
    int quote_turn;  /* rotation: the you_said slide starts this many quotes on (it grows by a
                      * page at each pass of the loop) */
    /* Per config slide index: the results slide's tally, has_results false until gathered. */
    bool has_results[CONFIG_MAX_SLIDES];
    results_tally results[CONFIG_MAX_SLIDES];
} slide_live;

/* The approved quotes a you_said slide s shows: those of its consultation (all when it names
 * none), newest first, into out (max); returns how many. */
int live_quotes_for(const slide_live *lv, const config *cfg, const slide *s, const live_quote **out,
                    int max);
/* The page of quotes slide s shows on this pass of the loop: up to its per_page (1-4, default
 * 3) of live_quotes_for, starting lv->quote_turn quotes on and wrapping round, so every
 * approved quote comes in turn; all of them, newest first, when they fit on one page. The
 * slide and read-aloud both take their quotes from here, so a listener hears what is shown.
 * Returns how many went into out (max); 0 with lv NULL. */
int live_quotes_page(const slide_live *lv, const config *cfg, const slide *s, const live_quote **out,
                     int max);
/* "Ola, 25 to 44": the quote's first name and, when its consultation shows age bands
 * (consultation.quote_age_band), the band's label in cfg's language; "" when neither is given.
 * Writes into buf (size bytes) and returns it. */
const char *live_quote_who(const config *cfg, const live_quote *q, char *buf, size_t size);
/* The name of the language a quote was written in, in that language ("Polski"), when it is not
 * the language cfg shows; NULL when it is the same. */
const char *live_quote_language(const config *cfg, const live_quote *q);

/* The heading of a you_said, results or we_did slide: its title, else for you_said the
 * question people answered (its consultation's title, or the one running on today's), for
 * results the wording's results_title, for we_did "You said · We did" in the wording. Any other
 * slide: its title. Points into cfg, or into buf (size bytes) when it had to be composed. */
const char *live_slide_title(const config *cfg, const slide *s, pk_date today, char *buf, size_t size);

/* The index of s among cfg's slides, or -1 when s is not one of them (a preview's). */
int live_slide_index(const config *cfg, const slide *s);
/* The tally slide s (index slide_index of cfg) shows, or NULL: lv NULL, not gathered yet, not a
 * results slide, or below its min_responses. */
const results_tally *live_tally(const slide_live *lv, const config *cfg, int slide_index);
/* The question a tally counts, or NULL when its indices do not name one in cfg. */
const question *live_tally_question(const config *cfg, const results_tally *t);

/* One bar (or place) of a results slide, in the order it is shown. */
typedef struct live_result_row {
    const char *label; /* the option's words in cfg's language; NULL for a scale's point */
    int value;         /* a face's 1..5, a scale's point; the option index otherwise */
    long count;        /* people who chose it (rank: its points) */
    int percent;       /* count as a whole percentage of the tally's people (rank: of the most
                        * points) */
} live_result_row;
#define LIVE_MAX_ROWS CONSULT_MAX_OPTIONS
/* What a results slide shows of t: choice, choices and age_band the options chosen, most first
 * (those nobody chose left out); faces the five faces in order; scale every point in order;
 * rank the options ranked, most points first. At most max rows; returns how many. */
int live_result_rows(const config *cfg, const results_tally *t, live_result_row *rows, int max);
/* The caption under the results: s->caption, else the wording's results_caption (or
 * results_caption_one for one kiosk), with {people} (a number with separators, "1,204"),
 * {kiosks} and {since} ("1 March": the day and month in cfg's language, the year too when it
 * is not today's year) filled in. Writes into buf and returns it. */
const char *live_results_caption(const config *cfg, const slide *s, const results_tally *t, pk_date today,
                                 char *buf, size_t size);

/* Whether slide s has something to show: a you_said slide at least one quote, a results slide a
 * tally at or above its min_responses; every other slide true. lv NULL: live slides false. */
bool live_slide_ready(const slide_live *lv, const config *cfg, int slide_index);

#endif
