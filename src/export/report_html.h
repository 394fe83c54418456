/* report_html: the building blocks of the report's page, shared by report.c (the overview
 * and the comments) and report_questions.c (a section per question): escaping, tallies of
 * labelled counts, and bar charts as inline SVG. Internal to src/export. */
#ifndef PK_REPORT_HTML_H
#define PK_REPORT_HTML_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct bar {
    char key[256];   /* what is counted: a theme id, a date, a kiosk id */
    char label[256]; /* what the reader sees */
    long count;
} bar;

typedef struct tally {
    bar *bars;
    size_t n, cap;
} tally;

/* Text escaped for HTML/XML text and attribute values (see report.c's header). */
void html_textn(FILE *f, const char *s, size_t n);
void html_text(FILE *f, const char *s);
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
void chart_min(FILE *f, const char *id, const char *title, const tally *t, const char *note, long min_count);

#endif
