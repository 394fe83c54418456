/* report: the collected feedback as one HTML page for people who would rather look than read,
 * e.g. a partnership board: totals, bar charts, and every comment grouped by theme.
 *
 * The page stands alone: no scripts, no web fonts, no links to anything, charts drawn as inline
 * SVG, so it opens from a USB stick on a locked-down council laptop and prints on A4. It is
 * written as well-formed XHTML-style markup (every tag closed, attributes quoted, only XML's
 * own entities) so that an XML parser can check it. Everything taken from a record is escaped;
 * a first name is shown only where the visitor agreed to be quoted.
 *
 * Each chart is an <svg id="chart-theme|chart-age|chart-day|chart-kiosk|chart-rating"
 * role="img" aria-label=...> with a <title>; each bar is a <rect class="bar"> whose <title> is
 * "LABEL: COUNT", and the count is also printed as <text class="count"> beside it.
 *
 * Ownership: reads the set and filter (both the caller's); writes only to out. */
#ifndef PK_REPORT_H
#define PK_REPORT_H
#include <stdbool.h>
#include <stdio.h>

#include "core/diag.h"
#include "export/export.h"

/* Writes the report of set to out. filter (may be NULL) gives the date range shown when
 * --since/--until were used. False with err filled when out reports a write error. */
bool report_write(FILE *out, const export_set *set, const export_filter *filter, pk_error *err);
/* The same, small counts in the question sections shown as "fewer than min_count". */
bool report_write_min(FILE *out, const export_set *set, const export_filter *filter, long min_count, pk_error *err);

/* The sections per consultation and question of set->cfg (report_questions.c); counts from 1
 * to min_count - 1 are shown as "fewer than min_count". */
void report_questions(FILE *f, const export_set *set, long min_count);
#define REPORT_MIN_COUNT 5

/* report_write as an export_writer_fn for export_write_file: ctx is a report_job. */
typedef struct report_job {
    const export_set *set;
    const export_filter *filter;
    long min_count; /* 0: REPORT_MIN_COUNT */
} report_job;
bool report_write_job(FILE *out, const void *ctx, pk_error *err);

/* "town-centre" -> "Town centre", "other" -> "Something else": a theme id as a reader's label,
 * into buf; returns buf. */
const char *report_theme_label(const char *id, char *buf, size_t size);

#endif
