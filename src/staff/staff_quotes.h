/* staff_quotes: the queue of visitors' quotes that staff check on the kiosk, behind the PIN,
 * one at a time ("Quotes to check (12)"): which quotes wait (or were held back by the
 * automatic check), where staff are in the queue, and the decisions they make here.
 *
 * The queue is read afresh each time staff open it (nothing stale is shown): every record
 * under the folders given (the kiosk's own feedback folder, and the fleet's when the config
 * names one), checked against the block lists (assets/moderation/<lang>.txt and the config's
 * moderation.block words), with the decisions already in those folders applied. It holds the
 * quotes no person has decided yet, oldest first, and keeps them in place as staff decide, so
 * Back can return to one and change its decision (a new line is appended; the latest wins).
 *
 * Each decision is appended durably (quotes.h: quote_decision_append) before the queue moves
 * on; a failed write leaves the quote where it is, with the reason in `error`.
 *
 * Reads and writes files, never draws: no SDL. kiosk_staff.c drives it, staff_view.c draws a
 * staff_quotes_page. Ownership: a staff_quotes owns its quote set, decisions and queue
 * (staff_quotes_clear frees them; a zeroed one is empty and safe to clear). */
#ifndef PK_STAFF_QUOTES_H
#define PK_STAFF_QUOTES_H
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "config/config.h"
#include "core/diag.h"
#include "quotes/quotes.h"

#define STAFF_QUOTES_MAX_DIRS 4

typedef struct staff_quotes {
    quote_set set;             /* every readable quote in the folders */
    quote_decisions *dec;      /* the decisions read, and those made here */
    size_t *queue;             /* indices into set.items: undecided when read, oldest first */
    int n, pos;                /* queue length; the one shown (n: past the last one) */
    int part;                  /* a quote too long for one screen: the part shown (counts up from 0
                                * with More; the screen takes it modulo its number of parts) */
    char error[DIAG_LEN + 64]; /* why the last decision could not be saved ("" if it was) */
    char problem[DIAG_LEN + 80]; /* what reading found wrong but could live with ("" if nothing) */
} staff_quotes;

/* Reads the queue from dirs (NULL and "" entries skipped; a folder that does not exist yet
 * holds nothing). cfg names the quotable questions and the age bands; assets_dir holds
 * moderation/<lang>.txt. Replaces what q held. False with err (and q empty) when a folder
 * cannot be read at all, a block list is broken, or memory runs out. */
bool staff_quotes_read(staff_quotes *q, const config *cfg, const char *const *dirs, int n_dirs,
                       const char *assets_dir, pk_error *err);
void staff_quotes_clear(staff_quotes *q);

/* Quotes no person has decided yet (waiting or held back), in the set: the staff button's
 * count. It drops as staff decide. */
int staff_quotes_to_check(const staff_quotes *q);
/* The quote shown, or NULL past the last one. */
const quote_item *staff_quotes_current(const staff_quotes *q);

/* Approve or hide the quote shown: appended to <base_dir>/<writer>/quote-decisions/ with by,
 * at time at; then the next one is shown. False (q->error and err filled, the same quote
 * still shown) when it could not be saved. */
bool staff_quotes_decide(staff_quotes *q, quote_verdict v, const char *base_dir, const char *writer,
                         const char *by, time_t at, pk_error *err);
/* "Later": on to the next without deciding. */
void staff_quotes_later(staff_quotes *q);
/* "Back": the previous one (its decision, if made, may be changed). */
void staff_quotes_back(staff_quotes *q);
/* "More": the next part of a quote too long for one screen. */
void staff_quotes_more(staff_quotes *q);

/* What the quotes screen says about the quote shown, in staff's English. */
typedef struct staff_quotes_page {
    const quote_item *item; /* NULL: past the last one: `summary` says what was done */
    char heading[64];       /* "Quote 3 of 12", "All checked" */
    char about[512]; /* "Ola, aged 25 to 34 · Polski (pl) · kiosk rotherham-library · 2 March 2026,
                        10:11" */
    char held[400];    /* "Held back: a phone number: 07700 900123", or "" */
    char note[160];    /* "Too long for the slide (over 300 characters): ...", or "" */
    char decided[120]; /* "Approved: Hide changes it", or "" */
    char summary[300]; /* past the last one: what was done, what is left */
    bool can_back;
    int left;       /* past the last one: how many of the queue are still undecided */
    int decided_as; /* -1 none, else the quote_verdict made (the button it lit) */
} staff_quotes_page;

/* Fills page for the quote shown. cfg (may be NULL) gives age bands their words. */
void staff_quotes_page_get(const staff_quotes *q, const config *cfg, staff_quotes_page *page);

#endif
