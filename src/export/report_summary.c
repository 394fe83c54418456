/* report_summary: page one, for a councillor who reads nothing else: what was asked, where and
 * when, how many answered (by kiosk, language and age band), the headline of each question,
 * the filters used and when the report was made. It prints on one A4 page (report.c's style
 * breaks the page after it), so long lists are cut to their largest rows with the rest summed
 * in one line; the charts and sections after it have them all. Every number here comes from
 * the counts already made (report_parts.h): nothing is counted again. */
#include <stdlib.h>
#include <string.h>

#include "export/report_parts.h"
#include "platform/kiosk_status.h"

#define MAX_ROWS 8 /* kiosks or languages on page one; the rest in one row */

static void cell_text(FILE *f, const char *tag, const char *text) {
    fprintf(f, "<%s>", tag);
    html_text(f, text);
    fprintf(f, "</%s>", tag);
}

static void cell_count(FILE *f, long n) {
    char num[48];
    cell_text(f, "td", count_str(n, num, sizeof num));
}

static void cell_share(FILE *f, long n, long of) {
    fprintf(f, "<td class=\"share\">%.0f%%</td>", of ? 100.0 * (double)n / (double)of : 0.0);
}

static void asked(report_ctx *x) {
    FILE *f = x->f;
    bool any = false;
    fputs("<h2>What was asked</h2>\n", f);
    for (int ci = 0; x->cs && ci < x->set->cfg->n_consultations; ci++) {
        const consultation *k = x->cs[ci].k;
        if (!x->cs[ci].responses) continue;
        any = true;
        fputs("<p class=\"asked\"><strong>", f);
        html_text(f, k->title);
        fputs("</strong>: ", f);
        for (int qi = 0; qi < k->n_questions; qi++) {
            fputs(qi ? " \xC2\xB7 " : "", f);
            html_text(f, k->questions[qi].label ? k->questions[qi].label : k->questions[qi].title);
        }
        fputs("</p>\n", f);
    }
    if (!any) {
        fputs("<p class=\"asked\">", f);
        html_text(f, x->first_question[0] ? x->first_question : "The kiosk's questions");
        fputs(": themes, how people feel about the future, their idea, and their age.</p>\n", f);
    }
}

static void totals(report_ctx *x) {
    FILE *f = x->f;
    const report_counts *c = &x->c;
    char avg[64];
    fputs("<table class=\"totals\"><caption>In all</caption>\n", f);
    static const char *const what[] = {"Responses", "With a comment",
                                       "Comments that may be quoted"};
    const long n[] = {c->responses, c->with_text, c->quotes};
    for (int i = 0; i < 3; i++) {
        fputs("<tr>", f);
        cell_text(f, "th", what[i]);
        cell_count(f, n[i]);
        fputs("</tr>\n", f);
    }
    int hi = c->rating_roles ? c->rating_roles->rating_hi : 5;
    if (c->ratings)
        snprintf(avg, sizeof avg, "%.1f out of %d", c->rating_sum / (double)c->ratings, hi);
    else
        snprintf(avg, sizeof avg, "no ratings given");
    fputs("<tr>", f);
    cell_text(f, "th", "Average rating");
    cell_text(f, "td", avg);
    fputs("</tr>\n</table>\n", f);
}

/* A table of a tally's largest rows (up to max), the rest summed in one. */
static void count_table(FILE *f, const char *cls, const char *heading, const tally *t, long of,
                        size_t max, const char *rest) {
    fprintf(f, "<table class=\"%s\"><caption>", cls);
    html_text(f, heading);
    fputs("</caption>\n", f);
    long others = 0;
    size_t n_others = 0;
    for (size_t i = 0; i < t->n; i++) {
        if (i >= max && t->n > max + 1) {
            others += t->bars[i].count, n_others++;
            continue;
        }
        fputs("<tr>", f);
        cell_text(f, "th", t->bars[i].label);
        cell_count(f, t->bars[i].count);
        cell_share(f, t->bars[i].count, of);
        fputs("</tr>\n", f);
    }
    if (n_others) {
        char label[96];
        snprintf(label, sizeof label, "%zu other %s", n_others, rest);
        fputs("<tr>", f);
        cell_text(f, "th", label);
        cell_count(f, others);
        cell_share(f, others, of);
        fputs("</tr>\n", f);
    }
    fputs("</table>\n", f);
}

static void where_and_when(report_ctx *x) {
    FILE *f = x->f;
    const tally *k = &x->c.kiosks;
    char day[32];
    fputs("<h2>Where and when</h2>\n<table class=\"kiosks\">\n<tr><th>Kiosk</th><th>Where</th>"
          "<th>Responses</th><th>First</th><th>Last</th></tr>\n",
          f);
    long others = 0;
    for (size_t i = 0; i < k->n; i++) {
        const bar *b = &k->bars[i];
        if (i >= MAX_ROWS && k->n > MAX_ROWS + 1) {
            others += b->count;
            continue;
        }
        fputs("<tr>", f);
        cell_text(f, "th", b->key);
        cell_text(f, "td", b->label);
        cell_count(f, b->count);
        cell_text(f, "td", date_format_short(b->first, day, sizeof day));
        cell_text(f, "td", date_format_short(b->last, day, sizeof day));
        fputs("</tr>\n", f);
    }
    if (others) {
        char label[64];
        snprintf(label, sizeof label, "%zu other kiosks", k->n - MAX_ROWS);
        fputs("<tr>", f);
        cell_text(f, "th", label);
        cell_text(f, "td", "");
        cell_count(f, others);
        fputs("<td></td><td></td></tr>\n", f);
    }
    if (!k->n) fputs("<tr><td>No responses</td></tr>\n", f);
    fputs("</table>\n", f);
}

static void headline_row(FILE *f, const char *what, long answered) {
    fputs("<tr>", f);
    cell_text(f, "th", what);
    cell_count(f, answered);
    fputs("<td>", f);
}

/* The first journey's records without a config: the themes most chosen and the rating. */
static void overview_headlines(report_ctx *x) {
    FILE *f = x->f;
    const report_counts *c = &x->c;
    long themed = c->responses;
    for (size_t i = 0; i < c->themes.n; i++)
        if (!strcmp(c->themes.bars[i].key, REPORT_NO_THEME_KEY)) themed -= c->themes.bars[i].count;
    headline_row(f, "Themes", themed);
    for (size_t i = 0, shown = 0; i < c->themes.n && shown < 3; i++) {
        const bar *b = &c->themes.bars[i];
        if (!strcmp(b->key, REPORT_NO_THEME_KEY) || !b->count) continue;
        fputs(shown++ ? " \xC2\xB7 " : "", f);
        html_text(f, b->label);
        if (b->count < x->min_count)
            fprintf(f, " fewer than %ld", x->min_count);
        else
            fprintf(f, " %.0f%%", 100.0 * (double)b->count / (double)(themed ? themed : 1));
    }
    fputs("</td></tr>\n", f);
    headline_row(f, "Rating", c->ratings);
    if (c->ratings)
        fprintf(f, "Mean %.1f from 1 to 5", c->rating_sum / (double)c->ratings);
    else
        fputs("No answers", f);
    fputs("</td></tr>\n", f);
}

static void headlines(report_ctx *x) {
    FILE *f = x->f;
    bool any = false;
    fputs("<h2>Headlines</h2>\n<table class=\"headlines\">\n"
          "<tr><th>Question</th><th>Answered</th><th>What most said</th></tr>\n",
          f);
    for (int ci = 0; x->cs && ci < x->set->cfg->n_consultations; ci++) {
        const report_cstats *c = &x->cs[ci];
        if (!c->responses) continue;
        any = true;
        for (int qi = 0; qi < c->k->n_questions; qi++) {
            const report_qstats *s = &c->qs[qi];
            if (s->q->type == Q_FIRST_NAME) continue; /* personal: nothing to say in one line */
            fprintf(f, "<tr id=\"h-%s\">", s->id);
            cell_text(f, "th", s->q->label ? s->q->label : s->q->title);
            if (s->answered > 0 && s->answered < x->min_count)
                fprintf(f, "<td>fewer than %ld</td>", x->min_count);
            else
                cell_count(f, s->answered);
            fputs("<td>", f);
            report_question_headline(f, s, x->min_count);
            fputs("</td></tr>\n", f);
        }
    }
    if (!any) overview_headlines(x);
    fputs("</table>\n", f);
    fputs("<p class=\"note\">A percentage is of those who answered the question; where several "
          "could be "
          "chosen they add up to more than 100%.</p>\n",
          f);
}

static void filters_and_date(report_ctx *x) {
    FILE *f = x->f;
    const export_filter *flt = x->opt->filter;
    char day[32];
    bool any = false;
    fputs("<p class=\"made\">Filters: ", f);
    if (flt && flt->has_since) {
        fprintf(f, "since %s", date_format_short(flt->since, day, sizeof day));
        any = true;
    }
    if (flt && flt->has_until) {
        fprintf(f, "%suntil %s", any ? ", " : "", date_format_short(flt->until, day, sizeof day));
        any = true;
    }
    for (int i = 0; flt && i < flt->n_kiosks; i++, any = true) {
        fputs(any ? (i ? ", " : "; kiosk ") : "kiosk ", f);
        html_text(f, flt->kiosks[i]);
    }
    for (int i = 0; flt && i < flt->n_consultations; i++, any = true) {
        fputs(any ? (i ? ", " : "; consultation ") : "consultation ", f);
        html_text(f, flt->consultations[i]);
    }
    if (!any) fputs("none (every response found)", f);
    fputs(".", f);
    if (x->opt->made) {
        struct tm tm;
        time_t t = x->opt->made;
        localtime_r(&t, &tm);
        char at[16];
        strftime(at, sizeof at, "%H:%M", &tm);
        fprintf(f, " Made on %s at %s.", date_format_short(date_from_time(t), day, sizeof day), at);
    }
    fputs("</p>\n", f);
}

static void notes(report_ctx *x) {
    FILE *f = x->f;
    const export_set *set = x->set;
    if (set->sealed)
        fprintf(f,
                "<p class=\"note\">%ld response%s sealed: %s comments, names, ages and postcode "
                "districts are not in this report. Make the report again with --key to include "
                "them.</p>\n",
                set->sealed, set->sealed == 1 ? " is" : "s are",
                set->sealed == 1 ? "its" : "their");
    if (set->unreadable)
        fprintf(f,
                "<p class=\"note\">%ld line%s in the feedback files could not be read and %s not "
                "counted; the command that made this report listed %s.</p>\n",
                set->unreadable, set->unreadable == 1 ? "" : "s",
                set->unreadable == 1 ? "is" : "are", set->unreadable == 1 ? "it" : "them");
}

void report_summary(report_ctx *x) {
    FILE *f = x->f;
    const report_counts *c = &x->c;
    fputs("<section class=\"page-one\" id=\"summary\">\n", f);
    asked(x);
    fputs("<h2>How many answered</h2>\n<div class=\"columns\">\n", f);
    totals(x);
    count_table(f, "by-language", "By language", &c->languages, c->responses, MAX_ROWS - 2,
                "languages");
    count_table(f, "by-age", "By age", &c->ages, c->responses, 12, "age bands");
    fputs("</div>\n", f);
    report_quotes_summary_line(x);
    where_and_when(x);
    if (x->opt->fleet && x->opt->fleet->n > 0) {
        /* The same table as `plankiosk fleet`: a board sees at once a kiosk that has gone quiet. */
        fputs("<h2>The kiosks now</h2>\n", x->f);
        kiosk_status_fleet_html(x->f, x->opt->fleet, html_text);
    }
    headlines(x);
    notes(x);
    filters_and_date(x);
    fputs("</section>\n", f);
}
