/* live_source: gathers what the live slides show (content/live.h) from feedback folders: the
 * results of every question a `results` slide names, and the quotes a person approved, from
 * this kiosk's folder and the fleet's (feedback.fleet_dir). It reads incrementally (a
 * results_feed remembers how far it read each file), keeps every consented quote it has seen
 * and the decisions staff made (quotes/quotes.h), and makes a snapshot on request.
 *
 * A quote reaches a snapshot only when the latest decision on it, by a person, is Approve (on
 * any kiosk or desk whose decisions are in these folders), or when the config's approved_file
 * lists it and no later decision here hid it. Nothing else: not a quote that waits, not one the
 * check held back, never one without consent (quotes_add_record never takes those).
 *
 * Pure and single-threaded: the kiosk calls update and snapshot on its worker (app/kiosk_live.c);
 * `shoot --feedback DIR` calls them once. Ownership: the source owns its feed, quotes and
 * decisions; the config (the one loaded, any language) must outlive it; snapshot fills the
 * caller's slide_live (a value) and keeps its quote_turn. */
#ifndef PK_LIVE_SOURCE_H
#define PK_LIVE_SOURCE_H
#include <stdbool.h>

#include "config/config.h"
#include "content/live.h"
#include "core/diag.h"

typedef struct live_source live_source;

/* A source over dirs (folders or .jsonl files; NULL entries and "" are skipped; at most
 * RESULTS_MAX_DIRS). NULL on out-of-memory. */
live_source *live_source_new(const config *cfg, const char *const *dirs, int n_dirs);
void live_source_free(live_source *s);
/* Whether cfg has a slide that needs a source at all (you_said or results). */
bool live_source_needed(const config *cfg);
/* Reads what is new in the folders and the decisions as they are now. Problems (damaged lines,
 * unreadable folders) go to problems (may be NULL). Returns the number of new records. */
long live_source_update(live_source *s, diag_list *problems);
/* The slides' data as of the last update into out (quote_turn kept as it is in out). */
void live_source_snapshot(const live_source *s, slide_live *out);

#endif
