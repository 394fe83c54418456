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
/* Whether slide s has something to show: a you_said slide at least one quote, a results slide a
 * tally at or above its min_responses; every other slide true. lv NULL: live slides false. */
bool live_slide_ready(const slide_live *lv, const config *cfg, int slide_index);

#endif
