/* report: the collected feedback as one HTML page for a partnership board: page one for a
 * councillor (what was asked, where and when, how many answered by kiosk, language and age, the
 * headline of each question, the filters used and when it was made), a table of contents, the
 * charts, a section per question, and the comments by theme with their most frequent words and
 * two-word phrases, each a click away from the comments it comes from.
 *
 * The page stands alone: no scripts, no links to anything outside it, charts drawn as inline
 * SVG, the shipped fonts embedded (cut to the characters used) so Urdu prints on a laptop
 * without them. It opens from a USB stick on a locked-down council laptop and prints on A4,
 * page one on a page of its own, with "Page N of M" at the foot of each. It is written as
 * well-formed XHTML-style markup (every tag closed, attributes quoted, only XML's own entities)
 * so that an XML parser can check it. Everything taken from a record is escaped; a first name
 * is shown only where the visitor agreed to be quoted.
 *
 * At scale the page stays small: each theme shows its first REPORT_COMMENTS_INLINE comments;
 * the rest go to pages of REPORT_COMMENTS_PER_PAGE in a folder beside it
 * (report_options.appendix_path: board-comments/1.html, 2.html...), each quick to open, or,
 * without one, into a collapsed <details> at the end of the theme.
 *
 * Each chart is an <svg id="chart-..." role="img" aria-label=...> with a <title>; each bar is a
 * <rect class="bar"> whose <title> is "LABEL: COUNT", and the count is also printed as
 * <text class="count"> beside it.
 *
 * Ownership: reads the set, filter and options (all the caller's); writes only to out (and the
 * appendix folder's pages when one is named). */
#ifndef PK_REPORT_H
#define PK_REPORT_H
#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "core/diag.h"
#include "export/export.h"

#define REPORT_MIN_COUNT 5
#define REPORT_COMMENTS_INLINE 50 /* comments of a theme shown in the page */
#define REPORT_COMMENTS_PER_PAGE                                                                   \
    2000 /* comments on a page of the appendix: a 40 MB page of                                    \
          * 140,000 took Chromium 38 s to show, 2,000 take 1 s */

typedef struct report_options {
    const export_filter *filter; /* the filters used, shown on page one (may be NULL) */
    long min_count;              /* counts from 1 to min_count - 1 read "fewer than N"; 0: 5 */
    time_t made;                 /* when the report was made, shown on page one; 0: not shown */
    /* Where the comments past the first comments_inline of each theme go: a folder (made if
     * need be, only when there are such comments) of pages 1.html, 2.html... of
     * comments_per_page each, every page written like export_write_file (whole or not at all);
     * the report links to it as appendix_href (its name beside the report) and the pages link
     * back to report_href ("../board.html"; NULL: no link back). appendix_path NULL: into a
     * collapsed <details> in the page. */
    const char *appendix_path, *appendix_href, *report_href;
    const char *assets_dir; /* fonts/ and stopwords/ under it; NULL: paths_assets_dir() */
    int comments_inline;    /* 0: REPORT_COMMENTS_INLINE */
    int comments_per_page;  /* 0: REPORT_COMMENTS_PER_PAGE */
    /* The kiosks' own status (status.json beside their records), shown on page one as
     * `plankiosk fleet` shows it; NULL or no kiosks: not shown. */
    const struct kiosk_status_fleet *fleet;
    /* The folders the records were read from: the decisions on quotes made there
     * (quotes/quotes.h) for the Quotes section; none: every quote counts as waiting. */
    const char *const *dirs;
    int n_dirs;
} report_options;

/* Writes the report of set to out as opt asks. False with err filled when out (or the
 * appendix) reports a write error or memory runs out. */
bool report_write_with(FILE *out, const export_set *set, const report_options *opt, pk_error *err);

/* Writes the report of set to out. filter (may be NULL) gives the date range shown when
 * --since/--until were used. False with err filled when out reports a write error. */
bool report_write(FILE *out, const export_set *set, const export_filter *filter, pk_error *err);
/* The same, small counts in the question sections shown as "fewer than min_count". */
bool report_write_min(FILE *out, const export_set *set, const export_filter *filter, long min_count,
                      pk_error *err);

/* report_write as an export_writer_fn for export_write_file: ctx is a report_job. */
typedef struct report_job {
    const export_set *set;
    const export_filter *filter;
    long min_count; /* 0: REPORT_MIN_COUNT */
    time_t made;    /* 0: now (the job runs at the edge, where the clock is read) */
    /* The report's own path: the comments that do not fit go to pages in the folder
     * report_appendix_path() of it. NULL or "-": into the page, collapsed. */
    const char *out_path;
    /* The folders the records were read from: their kiosks' status.json files are shown on
     * page one (n_dirs 0: not looked for). */
    const char *const *dirs;
    int n_dirs;
} report_job;
/* The appendix folder's path for a report at out_path ("out/board.html" -> "out/board-comments")
 * into buf, and its name alone (what the page links to) into name. */
void report_appendix_path(const char *out_path, char *buf, size_t size, char *name,
                          size_t name_size);
bool report_write_job(FILE *out, const void *ctx, pk_error *err);

/* "town-centre" -> "Town centre", "other" -> "Something else": a theme id as a reader's label,
 * into buf; returns buf. */
const char *report_theme_label(const char *id, char *buf, size_t size);

#endif
