/* report_parts: what the parts of the report share. The report is made in two steps: first
 * everything is counted, in one pass over the records per part (report_overview.c for the
 * overview, report_questions.c per question of the config), into a report_ctx; then each part
 * draws from those numbers. Page one's headlines (report_summary.c) and the question sections
 * read the same report_qstats, so nothing is counted twice and the two cannot disagree.
 *
 * Which question is "the rating", "the themes" or "the comment" is found per consultation in the
 * config by type (report_roles), not by id; records of a consultation the config does not have
 * (the first journey's, or any without a config) use the first journey's ids.
 *
 * The records are read once, in order (export_record_get: read again from their files when the
 * set was only scanned), and let go as soon as each part has taken what it needs: the comments
 * keep their own copy. So the report never needs the whole set in memory.
 *
 * Internal to src/export. Ownership: a report_ctx owns its tallies, stats, comments and table
 * of contents (freed by report.c); it points at the caller's set, filter and options. */
#ifndef PK_REPORT_PARTS_H
#define PK_REPORT_PARTS_H
#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "config/config.h"
#include "export/report.h"
#include "export/report_html.h"

#define REPORT_NO_THEME_KEY "\x01none" /* sorts apart from any real theme id */
#define REPORT_NO_THEME_LABEL "No theme chosen"

/* The questions of one consultation that play a part in the overview and the comments. */
typedef struct report_roles {
    const consultation *k; /* NULL: records of a consultation the config does not have */
    const question *themes_q, *rating_q, *text_q, *age_q;      /* NULL: none (or no config) */
    const char *themes, *rating, *text, *age, *name, *consent; /* answer ids; NULL: none */
    int rating_lo, rating_hi;
} report_roles;

typedef struct report_toc_entry {
    char id[64];
    char label[200];
    int level; /* 1: a section, 2: a part of one */
} report_toc_entry;

typedef struct report_toc {
    report_toc_entry *e;
    size_t n, cap;
} report_toc;

/* The overview's counts (report_overview.c). */
typedef struct report_counts {
    long responses, with_text, quotes, ratings;
    double rating_sum;
    long no_rating, no_age, sealed_age;
    tally themes; /* each with its responses' rating sum (average rating by theme) */
    tally ratings_by_value;
    tally ages, days, weeks, kiosks, titles, languages; /* kiosks: first and last day, ratings */
    long hours[24];                                     /* by the hour of the kiosk's clock */
    const report_roles *rating_roles;                   /* whose scale the ratings chart draws */
    /* the last record's bars: records come sorted by time, so the next is nearly always the same */
    bar *last_day, *last_week, *last_kiosk, *last_lang;
    pk_date last_date;
    pk_date first, last;
} report_counts;

/* One question's numbers (report_questions.c), counted once for its section and page one. */
typedef struct report_qstats {
    const question *q;
    char id[160];  /* "q-<consultation>-<question>": its chart's or table's id */
    long answered; /* responses that answered it */
    long sealed;   /* responses whose answer is sealed (no key given) */
    tally options; /* choice, choices, age band, consent, postcode district, faces, scale */
    double sum;    /* faces, scale, number: the sum of the answers */
    long rank_times[CONSULT_MAX_OPTIONS], rank_first[CONSULT_MAX_OPTIONS],
        rank_sum[CONSULT_MAX_OPTIONS];
    long *values; /* number: every answer, sorted once counted */
    size_t n_values, cap_values;
    long pins;   /* place: pins in all (answered is the people who dropped them) */
    long *cells; /* place: pins per cell of a grid over the picture, so that a heat map of
                  * 200,000 pins is a few thousand discs, not 200,000 */
    int cell, cols, rows;
} report_qstats;

typedef struct report_cstats {
    const consultation *k;
    long responses;
    report_qstats *qs; /* k->n_questions */
} report_cstats;

typedef struct report_ctx {
    FILE *f; /* where the part being written goes */
    const export_set *set;
    const report_options *opt;
    long min_count;
    int comments_inline;
    char assets_dir[1024];
    report_roles *roles; /* one per consultation of the config, then the first journey's */
    int n_roles;
    report_counts c;
    report_cstats *cs; /* one per consultation of the config */
    report_toc toc;
    struct said *said;        /* the comments, by list and theme (report_comments.c) */
    char first_question[256]; /* the first journey's records' own question, for page one */
    /* Comments past the first page of each theme go to pages beside the report (paged), in
     * the folder linked as appendix_href; else into a <details> of the page. */
    bool paged;
    int per_page;
    const char *appendix_href;
    struct report_pages *pages; /* the pages' text until they are written (report.c) */
    struct report_quotes *quotes; /* the Quotes section's (report_quotes.c) */
} report_ctx;

/* The index of r's consultation in the config, or -1. */
int report_consultation_of(const report_ctx *x, const export_record *r);
/* A string answer that is not empty, else NULL. */
const char *report_nonempty(const char *s);
/* A theme (or other option) by its words: the question's option label, the config's theme
 * name, else the id made readable; into buf when it has to be made. */
const char *report_option_label(const report_ctx *x, const question *q, const char *id, char *buf,
                                size_t size);
/* A language by its English name ("Urdu"), else its own name, else its code. */
const char *report_language_name(const char *code);
/* The day number of d (days since 1970-01-01), for weeks and spans. */
long report_day_number(pk_date d);
pk_date report_date_of_day(long day);
/* The id of the comments list for question text_id of consultation k (NULL: the first
 * journey's), the same for the question's section link and the list itself. */
void report_said_id(const consultation *k, const char *text_id, char *buf, size_t size);

void report_toc_add(report_toc *t, int level, const char *id, const char *label);

/* report_overview.c: the overview's counts (begin, add each record with its roles, end), and
 * its charts (with their TOC entries). */
bool report_overview_begin(report_ctx *x);
void report_overview_add(report_ctx *x, const export_record *r, const report_roles *ro);
void report_overview_end(report_ctx *x);
void report_overview_charts(report_ctx *x);
void report_overview_free(report_counts *c);

/* report_questions.c: every question's numbers; a section per consultation and question; a
 * question's headline in one line of text (page one). */
bool report_questions_begin(report_ctx *x);
bool report_questions_add(report_ctx *x, const export_record *r, int ci); /* ci: its consultation */
void report_questions_end(report_ctx *x);
void report_questions_write(report_ctx *x);
void report_question_headline(FILE *f, const report_qstats *s, long min_count);
void report_questions_free(report_ctx *x);

/* report_summary.c: page one. */
void report_summary(report_ctx *x);

/* report_comments.c: every comment, grouped by theme with its most frequent words and
 * phrases; the first comments_inline of each theme in the page, the rest on the appendix's
 * pages (report_page_open) or collapsed.
 * Begin makes the lists, add puts record i (of consultation ci) in its group, report_comments
 * writes them; report_comments_free (also after a failed begin) lets them go. */
bool report_comments_begin(report_ctx *x);
bool report_comments_add(report_ctx *x, const export_record *r, int ci);
bool report_comments(report_ctx *x, pk_error *err);
void report_comments_free(report_ctx *x);

/* report_quotes.c: the quotes that may go on the "You said" slide and what people decided:
 * begin (block lists, the decisions under opt->dirs), add each record, end; a section (only
 * approved words are shown), and a line for page one. Free also after a failed begin. */
typedef struct report_quotes report_quotes;
bool report_quotes_begin(report_ctx *x);
bool report_quotes_add(report_ctx *x, const export_record *r);
void report_quotes_end(report_ctx *x);
void report_quotes_write(report_ctx *x);
void report_quotes_summary_line(report_ctx *x);
void report_quotes_free(report_ctx *x);

/* A new page of the appendix (report.c), numbered from 1 in the order opened: its body is
 * written to the FILE returned (NULL when memory runs out); label names it ("Health, comments 51
 * to 2,050") and back_id is the theme's section in the report that it continues. */
FILE *report_page_open(report_ctx *x, const char *label, const char *back_id);

/* report_fonts.c: the set of characters a page uses, and the fonts cut to it. */
typedef struct report_charset report_charset;
report_charset *report_charset_new(void);
void report_charset_free(report_charset *cs);
void report_charset_add(report_charset *cs, const char *utf8, size_t n);
bool report_charset_has_arabic(const report_charset *cs);
/* Writes @font-face rules (inside a <style>) with the shipped fonts in fonts_dir as data: URIs,
 * cut to the characters in cs; the Arabic-script font only when cs has Arabic-script text.
 * A font that cannot be read is left out, with a CSS comment saying so. */
void report_fonts_write(FILE *f, const report_charset *cs, const char *fonts_dir);

#endif
