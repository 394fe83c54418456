/* content: what the loop shows today, derived from the config model. Pure and clock-free: the
 * caller passes today's date, so a test can ask what a kiosk shows on any day. */
#ifndef PK_CONTENT_H
#define PK_CONTENT_H
#include <stdbool.h>

#include <time.h>

#include "config/config.h"

/* True if slide s is inside its from/until dates on day today (both inclusive; a month-only
 * date covers the whole month). */
bool content_slide_active(const slide *s, pk_date today);
/* Where today falls against s's dates: before them, within them, or after them. */
typedef enum { SLIDE_UPCOMING = -1, SLIDE_RUNNING = 0, SLIDE_EXPIRED = 1 } slide_when;
slide_when content_slide_when(const slide *s, pk_date today);
/* Fills order[] with the indices of slides active today, in file order; returns how many.
 * When none is active (all out of date), all slides are used so the screen is never empty. */
int content_active_slides(const config *c, pk_date today, int *order, int max);
/* How long slide s stands, in milliseconds. */
int content_slide_ms(const config *c, const slide *s);
/* The status to show: the given one, else derived from the date and as_of (see REFERENCE.md). */
milestone_status content_milestone_status(const milestone *m, pk_date as_of);
/* The as_of date for status: the config's, else today. */
pk_date content_as_of(const config *c, pk_date today);
/* True when the kiosk is within its opening hours at local time tm (always, without `hours`). */
bool content_is_open(const config *c, const struct tm *local);
/* When a closed kiosk opens next, from local time tm: the day (0 Sunday ... 6 Saturday, as
 * struct tm), the minute of that day, and how many days from today (0 today, 1 tomorrow...).
 * False when it never opens (every day closed) or is open now. */
bool content_next_opening(const config *c, const struct tm *local, int *wday, int *minute, int *days);
/* The closed screen's line in the config's language: "Opens again 09:00" (later today) or
 * "Opens again Tuesday 09:00" (the wording closed_opens and day_1..7); "" when it never opens
 * or is open. */
void content_opens_again(const config *c, const struct tm *local, char *out, size_t size);
/* The human label of a status ("Done", "In progress", ...). */
const char *content_status_label(milestone_status s);
/* Who said quote q, as the slide shows it and read-aloud says it: "Amelia, age 6, pupil",
 * with the config's wording for the age (feedback.wording.quote_age). Returns buf ("" when
 * the quote names nobody). */
const char *content_quote_who(const config *c, const quote *q, char *buf, int size);

#endif
