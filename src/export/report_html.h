/* report_html: the building blocks of the report's pages, shared by its parts (report_parts.h):
 * escaping, tallies of labelled counts, and bar charts as inline SVG, of counts or of means.
 * Internal to src/export. A tally owns its bars (free t.bars); nothing else here allocates. */
#ifndef PK_REPORT_HTML_H
#define PK_REPORT_HTML_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/date.h"

typedef struct bar {
    char key[256];   /* what is counted: a theme id, a date, a kiosk id */
    char label[256]; /* what the reader sees */
    long count;
    long rated;          /* of those, how many gave a rating, */
    double rating_sum;   /* and its sum: a chart of means draws rating_sum / rated */
    pk_date first, last; /* the first and last day counted (kiosks: where and when) */
} bar;

typedef struct tally {
    bar *bars;
    size_t n, cap;
} tally;

/* Text escaped for HTML/XML text and attribute values (see report.c's header). */
void html_textn(FILE *f, const char *s, size_t n);
void html_text(FILE *f, const char *s);
/* Room for one more in a growing array: *(T **)items holds n of *cap, each size bytes; doubles
 * it (from `first`) when full. False when memory runs out (the array is left as it was). */
bool grow(void *items, size_t *cap, size_t n, size_t size, size_t first);
/* The bar for key, or NULL when t has none. */
bar *tally_find(tally *t, const char *key);
/* The bar for key, added with count 0 if new; NULL when memory runs out. */
bar *tally_bar(tally *t, const char *key, const char *label);
void tally_add(tally *t, const char *key, const char *label);
int by_count_then_label(const void *pa, const void *pb);
int by_key(const void *pa, const void *pb);
void tally_sort(tally *t, int (*cmp)(const void *, const void *));
/* Writes label, cut to a chart's label length with "…". */
void short_label(FILE *f, const char *label);
/* A bar chart <svg id=ID> of t under title, with an optional note under it. Bars whose
 * count is below min_count (but not 0) are drawn as "fewer than min_count" (min_count <= 1:
 * every count is shown). */
void chart(FILE *f, const char *id, const char *title, const tally *t, const char *note);
void chart_min(FILE *f, const char *id, const char *title, const tally *t, const char *note,
               long min_count);
/* A chart of each bar's mean rating (rating_sum / rated) on a scale up to max, printed with one
 * decimal; a mean of fewer than min_count ratings could be one person's and is shown as
 * "fewer than N ratings", without a bar. */
void chart_means(FILE *f, const char *id, const char *title, const tally *t, double max,
                 const char *note, long min_count);
/* A count as a reader writes it: 1234567 -> "1,234,567"; into buf, returned. */
const char *count_str(long n, char *buf, size_t size);
/* n as "N word" or "N words" (count_str's digits): "1 comment", "1,200 comments". */
const char *count_words(long n, const char *one, const char *many, char *buf, size_t size);

#endif
