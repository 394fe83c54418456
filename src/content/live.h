/* live: what the "You said" and "results" slides show that is not in the config: the quotes a
 * person approved and the results gathered so far. The kiosk gathers them away from the loop
 * (app/kiosk_live.c) and hands the slides a snapshot at a slide boundary; `shoot` makes one from
 * a fixture log. A slide with nothing to show is skipped by the loop, never shown empty.
 *
 * Ownership: a slide_live belongs to whoever filled it (the kiosk's snapshot, shoot's); slides
 * only read it, during one layout. Pure data: no SDL. */
#ifndef PK_LIVE_H
#define PK_LIVE_H
#include <stdbool.h>

#include "config/config.h"
#include "results/results.h"

#define LIVE_MAX_QUOTES 48 /* approved quotes kept for the slide, newest first */

typedef struct live_quote {
    const char *key;          /* "<record id>:<question id>" */
    const char *consultation; /* its id */
    const char *lang;         /* the code it was written in ("pl") */
    const char *text, *name;  /* name may be NULL */
    const char *age_band;     /* option id of the consultation's age band question, or NULL */
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
/* Whether slide s has something to show: a you_said slide at least one quote, a results slide a
 * tally at or above its min_responses; every other slide true. lv NULL: live slides false. */
bool live_slide_ready(const slide_live *lv, const config *cfg, int slide_index);

#endif
