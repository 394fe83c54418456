/* report: one self-contained HTML page from an export_set (the contract is in report.h).
 *
 * The page is built in three passes over the records: count (totals and one tally per chart),
 * draw the charts from the tallies, then list the comments theme by theme. Everything that
 * came from a record goes through html_text(), which escapes markup and replaces the few
 * characters XML forbids, so no visitor's words can ever become markup in a reader's browser.
 * The words for ages and faces come from the journey's own table (ui_text), so the report
 * speaks of "45 to 64" and "Hopeful" exactly as the kiosk asked. */
#include "export/report.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "config/ui_text.h"
#include "export/report_html.h"
#include "text/utf8.h"

/* ---- labels ---------------------------------------------------------------------------- */

#define NO_THEME_KEY "\x01none" /* sorts apart from any real theme id */
#define NO_THEME_LABEL "No theme chosen"

const char *report_theme_label(const char *id, char *buf, size_t size) {
    if (!buf || size == 0) return buf;
    if (!id || !*id || strcmp(id, NO_THEME_KEY) == 0) {
        snprintf(buf, size, "%s", NO_THEME_LABEL);
    } else if (strcmp(id, "other") == 0) {
        snprintf(buf, size, "%s", ui_text_default(UI_SOMETHING_ELSE));
    } else {
        snprintf(buf, size, "%s", id);
        for (char *p = buf; *p; p++)
            if (*p == '-' || *p == '_') *p = ' ';
        if (buf[0] >= 'a' && buf[0] <= 'z') buf[0] = (char)(buf[0] - 'a' + 'A');
    }
    return buf;
}

/* The age codes the journey writes (journey.c), in order, with the words it showed. */
static const char *const age_codes[] = {"under-12", "12-17", "18-24", "25-44", "45-64", "65+"};
#define N_AGES (sizeof age_codes / sizeof age_codes[0])

static const char *age_label(const char *code) {
    for (size_t i = 0; i < N_AGES; i++)
        if (strcmp(code, age_codes[i]) == 0) return ui_text_default((ui_text_id)(UI_AGE_1 + i));
    return code;
}

static const char *date_label(pk_date d, char *buf, int size) {
    return date_format_short(d, buf, size);
}

/* ---- counting -------------------------------------------------------------------------- */

typedef struct counts {
    long responses, with_text, quotes, ratings, rating_sum;
    long rating[6]; /* [1..5]; [0] not given */
    long no_age, sealed_age;
    tally themes, ages, days, kiosks, titles;
    pk_date first, last;
} counts;

static const char *nonempty(const char *s) { return s && *s ? s : NULL; }

/* A record's answer to question id, whatever its age (export.h). */
static const json_t *ans(const export_record *r, const char *id) { return export_answer(r, id); }
static const char *ans_str(const export_record *r, const char *id) { return json_string_value(ans(r, id)); }

static bool has_text(const export_record *r) {
    return !r->sealed && nonempty(ans_str(r, "text"));
}

/* A theme by its name in the config ("A place to be proud of"), else its id made readable. */
static const char *theme_name(const export_set *set, const char *id, char *buf, size_t size) {
    const config *cfg = set->cfg;
    for (int i = 0; cfg && i < cfg->n_themes; i++)
        if (!strcmp(cfg->themes[i].id, id)) return cfg->themes[i].name;
    if (cfg && !strcmp(id, "other")) return cfg->feedback.ui[UI_SOMETHING_ELSE];
    return report_theme_label(id, buf, size);
}

static bool count_all(const export_set *set, counts *c) {
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < N_AGES; i++)
        if (!tally_bar(&c->ages, age_codes[i], age_label(age_codes[i]))) return false;
    for (size_t i = 0; i < set->n; i++) {
        const export_record *r = &set->records[i];
        const json_t *j = r->json;
        c->responses++;
        if (i == 0 || date_cmp_days(r->day, c->first) < 0) c->first = r->day;
        if (i == 0 || date_cmp_days(r->day, c->last) > 0) c->last = r->day;

        const char *title = nonempty(export_field_str(j, "config.title"));
        if (title) tally_add(&c->titles, title, title);

        if (has_text(r)) c->with_text++;
        if (has_text(r) && json_is_true(ans(r, "consent_quote"))) c->quotes++;

        const json_t *rating = ans(r, "rating");
        json_int_t rv = json_is_integer(rating) ? json_integer_value(rating) : 0;
        if (rv >= 1 && rv <= 5) {
            c->rating[rv]++;
            c->ratings++;
            c->rating_sum += (long)rv;
        } else {
            c->rating[0]++;
        }

        const json_t *themes = ans(r, "themes");
        size_t n_themes = 0;
        for (size_t k = 0; k < json_array_size(themes); k++) {
            const char *id = nonempty(json_string_value(json_array_get(themes, k)));
            bool repeat = false;
            for (size_t m = 0; id && m < k && !repeat; m++) {
                const char *prev = json_string_value(json_array_get(themes, m));
                repeat = prev && strcmp(prev, id) == 0;
            }
            if (!id || repeat) continue;
            char label[256];
            tally_add(&c->themes, id, theme_name(set, id, label, sizeof label));
            n_themes++;
        }
        if (n_themes == 0) tally_add(&c->themes, NO_THEME_KEY, NO_THEME_LABEL);

        const char *age = nonempty(ans_str(r, "age_band"));
        if (r->sealed)
            c->sealed_age++;
        else if (!age)
            c->no_age++;
        else
            tally_add(&c->ages, age, age_label(age));

        char key[11], label[32];
        snprintf(key, sizeof key, "%04d-%02d-%02d", r->day.year, r->day.month, r->day.day);
        tally_add(&c->days, key, date_label(r->day, label, sizeof label));

        const char *kiosk = nonempty(export_field_str(j, "kiosk"));
        const char *where = nonempty(export_field_str(j, "location"));
        tally_add(&c->kiosks, kiosk ? kiosk : "(no kiosk id)", where ? where : kiosk);
    }
    /* "No theme chosen" goes last, after the real themes by count. */
    tally_sort(&c->themes, by_count_then_label);
    for (size_t i = 0; i + 1 < c->themes.n; i++)
        if (strcmp(c->themes.bars[i].key, NO_THEME_KEY) == 0) {
            bar none = c->themes.bars[i];
            memmove(&c->themes.bars[i], &c->themes.bars[i + 1],
                    (c->themes.n - i - 1) * sizeof(bar));
            c->themes.bars[c->themes.n - 1] = none;
            break;
        }
    bar *b;
    if (c->no_age && (b = tally_bar(&c->ages, "\x01not-given", "Not given"))) b->count = c->no_age;
    if (c->sealed_age && (b = tally_bar(&c->ages, "\x02sealed", "Sealed (no key given)")))
        b->count = c->sealed_age;
    tally_sort(&c->days, by_key);
    tally_sort(&c->kiosks, by_count_then_label);
    tally_sort(&c->titles, by_count_then_label);
    return true;
}

/* Every day from the first to the last gets a bar (a day without responses is news too),
 * unless that would be more than about three months of bars. */
static void fill_days(counts *c) {
    if (c->days.n < 2) return;
    pk_date d = c->first;
    for (int guard = 0; guard < 92 && date_cmp_days(d, c->last) < 0; guard++) {
        if (++d.day > date_days_in_month(d.year, d.month)) {
            d.day = 1;
            if (++d.month > 12) {
                d.month = 1;
                d.year++;
            }
        }
    }
    if (date_cmp_days(d, c->last) < 0) return; /* too long a span */
    for (d = c->first; date_cmp_days(d, c->last) <= 0;) {
        char key[11], label[32];
        snprintf(key, sizeof key, "%04d-%02d-%02d", d.year, d.month, d.day);
        tally_bar(&c->days, key, date_label(d, label, sizeof label));
        if (++d.day > date_days_in_month(d.year, d.month)) {
            d.day = 1;
            if (++d.month > 12) {
                d.month = 1;
                d.year++;
            }
        }
    }
    tally_sort(&c->days, by_key);
}

static void counts_free(counts *c) {
    free(c->themes.bars);
    free(c->ages.bars);
    free(c->days.bars);
    free(c->kiosks.bars);
    free(c->titles.bars);
}

/* ---- comments -------------------------------------------------------------------------- */

/* The theme a comment is listed under: its first (one comment, one place). */
static const char *first_theme(const export_record *r) {
    const json_t *themes = ans(r, "themes");
    for (size_t k = 0; k < json_array_size(themes); k++) {
        const char *id = nonempty(json_string_value(json_array_get(themes, k)));
        if (id) return id;
    }
    return NO_THEME_KEY;
}

/* Who said it, as a board may use it: a first name (its first word) and "may be quoted" only
 * where the visitor agreed to be quoted; "Anonymous" where they agreed but gave no name; and
 * otherwise "not to be quoted", with no name at all. */
static void who(FILE *f, const export_record *r) {
    const char *name = ans_str(r, "name");
    if (!json_is_true(ans(r, "consent_quote"))) {
        fputs("<span class=\"noquote\">not to be quoted</span>", f);
        return;
    }
    while (name && (*name == ' ' || *name == '\t' || *name == '\n')) name++;
    size_t n = name ? strcspn(name, " \t\r\n") : 0;
    if (n == 0)
        fputs("Anonymous", f);
    else
        html_textn(f, name, n);
    fputs(" \xC2\xB7 <span class=\"quote\">may be quoted</span>", f);
}

/* The label of theme id in the tally (its name in the config). */
static const char *theme_label_of(const counts *c, const char *id) {
    for (size_t t = 0; t < c->themes.n; t++)
        if (!strcmp(c->themes.bars[t].key, id)) return c->themes.bars[t].label;
    return id;
}

static void comments(FILE *f, const export_set *set, const counts *c) {
    fputs("<section class=\"comments\">\n<h2>What people said</h2>\n", f);
    if (c->with_text == 0) fputs("<p>No comments were written.</p>\n", f);
    for (size_t t = 0; t < c->themes.n; t++) {
        const bar *theme = &c->themes.bars[t];
        long n = 0;
        for (size_t i = 0; i < set->n; i++)
            n += has_text(&set->records[i]) && !strcmp(first_theme(&set->records[i]), theme->key);
        if (n == 0) continue;
        fputs("<section class=\"theme\">\n<h3>", f);
        html_text(f, theme->label);
        fprintf(f, " <span class=\"n\">(%ld comment%s)</span></h3>\n", n, n == 1 ? "" : "s");
        for (size_t i = 0; i < set->n; i++) {
            const export_record *r = &set->records[i];
            if (!has_text(r) || strcmp(first_theme(r), theme->key)) continue;
            char day[32];
            /* dir="auto": a comment in Urdu is set right to left, whatever the page's language. */
            fputs("<blockquote class=\"comment\"><p class=\"text\" dir=\"auto\">", f);
            html_text(f, ans_str(r, "text"));
            fputs("</p>", f);
            /* Its other themes, named: each comment is listed once, under its first. */
            const json_t *themes = ans(r, "themes");
            bool also = false;
            for (size_t k = 1; k < json_array_size(themes); k++) {
                const char *id = nonempty(json_string_value(json_array_get(themes, k)));
                if (!id) continue;
                fputs(also ? ", " : "<p class=\"also\">Also: ", f);
                html_text(f, theme_label_of(c, id));
                also = true;
            }
            if (also) fputs("</p>", f);
            fputs("<p class=\"who\">", f);
            who(f, r);
            fputs(" \xC2\xB7 ", f);
            html_text(f, date_label(r->day, day, sizeof day));
            const char *where = nonempty(export_field_str(r->json, "location"));
            if (!where) where = nonempty(export_field_str(r->json, "kiosk"));
            if (where) {
                fputs(" \xC2\xB7 ", f);
                html_text(f, where);
            }
            fputs("</p></blockquote>\n", f);
        }
        fputs("</section>\n", f);
    }
    fputs("</section>\n", f);
}

/* ---- the page -------------------------------------------------------------------------- */

static const char style[] =
    "@page { size: A4; margin: 15mm; }\n"
    "body { font-family: \"Noto Sans\", \"Segoe UI\", Arial, sans-serif; color: #1a1a1a;\n"
    "  max-width: 52em; margin: 2em auto; padding: 0 1em; line-height: 1.45; }\n"
    "h1 { font-size: 1.9em; margin: 0 0 0.2em; }\n"
    "h2 { font-size: 1.35em; margin-top: 1.6em; border-bottom: 2px solid #2b6cb0; }\n"
    "h3 { font-size: 1.1em; margin-bottom: 0.3em; }\n"
    "p.range { color: #444; margin-top: 0; }\n"
    "table.totals { border-collapse: collapse; }\n"
    "table.totals th { text-align: left; font-weight: normal; padding: 0.2em 2em 0.2em 0; }\n"
    "table.totals td { text-align: right; font-weight: bold; }\n"
    "figure.chart { margin: 1.2em 0; }\n"
    "figure.chart figcaption { font-weight: bold; margin-bottom: 0.3em; }\n"
    "figure.chart svg { max-width: 100%; height: auto; }\n"
    "svg text { font-size: 13px; fill: #1a1a1a; }\n"
    "svg rect.bar { fill: #2b6cb0; }\n"
    "p.note { color: #555; font-size: 0.9em; }\n"
    "blockquote.comment { margin: 0.7em 0; padding: 0.5em 1em; border-left: 4px solid #2b6cb0;\n"
    "  background: #f3f6fa; }\n"
    "blockquote.comment p { margin: 0; }\n"
    "blockquote.comment p.text { white-space: pre-line; margin-bottom: 0.3em; }\n"
    "blockquote.comment p.who { color: #555; font-size: 0.9em; }\n"
    "span.n { font-weight: normal; color: #555; }\n"
    "blockquote.comment p.also { color: #555; font-size: 0.9em; margin-bottom: 0.2em; }\n"
    "span.quote { color: #276749; font-weight: bold; }\n"
    "span.noquote { color: #555; font-style: italic; }\n"
    "table.rank, table.number { border-collapse: collapse; margin: 0.6em 0; }\n"
    "table.rank th, table.rank td, table.number th, table.number td { padding: 0.2em 0.8em;\n"
    "  border-bottom: 1px solid #ccd; text-align: left; }\n"
    "table caption { font-weight: bold; text-align: left; }\n"
    "svg circle.pin { fill: #c53030; fill-opacity: 0.3; }\n"
    "@media print {\n"
    "  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }\n"
    "  figure.chart, blockquote.comment, table.totals { page-break-inside: avoid;\n"
    "    break-inside: avoid; }\n"
    "  h2, h3 { page-break-after: avoid; break-after: avoid; }\n"
    "  blockquote.comment { background: none; }\n"
    "}\n";

static void total_row(FILE *f, const char *what, const char *value) {
    fputs("<tr><th>", f);
    html_text(f, what);
    fputs("</th><td>", f);
    html_text(f, value);
    fputs("</td></tr>\n", f);
}

static void total_long(FILE *f, const char *what, long v) {
    char buf[32];
    snprintf(buf, sizeof buf, "%ld", v);
    total_row(f, what, buf);
}

bool report_write(FILE *out, const export_set *set, const export_filter *filter, pk_error *err) {
    return report_write_min(out, set, filter, REPORT_MIN_COUNT, err);
}

bool report_write_min(FILE *out, const export_set *set, const export_filter *filter, long min_count, pk_error *err) {
    counts c;
    if (!count_all(set, &c)) {
        counts_free(&c);
        return pk_fail(err, "out of memory while counting the feedback");
    }
    fill_days(&c);
    const char *title = c.titles.n ? c.titles.bars[0].key : "Feedback";

    /* The range: what was asked for, else what the records span. */
    char from[32] = "", to[32] = "";
    if (filter && filter->has_since)
        date_label(filter->since, from, sizeof from);
    else if (set->n)
        date_label(c.first, from, sizeof from);
    if (filter && filter->has_until)
        date_label(filter->until, to, sizeof to);
    else if (set->n)
        date_label(c.last, to, sizeof to);

    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>",
          out);
    html_text(out, title);
    fputs(": what visitors said</title>\n<style>\n", out);
    fputs(style, out);
    fputs("</style>\n</head>\n<body>\n<header>\n<h1>", out);
    html_text(out, title);
    fputs("</h1>\n<p class=\"range\">What visitors said", out);
    if (from[0] && to[0] && strcmp(from, to) == 0) {
        fputs(" on ", out);
        html_text(out, from);
    } else {
        if (from[0]) {
            fputs(" from ", out);
            html_text(out, from);
        }
        if (to[0]) {
            fputs(from[0] ? " to " : " until ", out);
            html_text(out, to);
        }
    }
    fputs("</p>\n</header>\n", out);

    /* Totals. */
    fputs("<section class=\"totals\">\n<h2>In numbers</h2>\n<table class=\"totals\">\n", out);
    total_long(out, "Responses", c.responses);
    total_long(out, "Kiosks", (long)c.kiosks.n);
    total_long(out, "With a comment", c.with_text);
    total_long(out, "Comments that may be quoted", c.quotes);
    char avg[64];
    if (c.ratings)
        snprintf(avg, sizeof avg, "%.1f out of 5", (double)c.rating_sum / (double)c.ratings);
    else
        snprintf(avg, sizeof avg, "no ratings given");
    total_row(out, "Average rating", avg);
    fputs("</table>\n", out);
    if (set->sealed) {
        fprintf(out,
                "<p class=\"note\">%ld response%s sealed: %s comments, names, ages and postcode "
                "districts are not in this report. Make the report again with --key to include "
                "them.</p>\n",
                set->sealed, set->sealed == 1 ? " is" : "s are",
                set->sealed == 1 ? "its" : "their");
    }
    if (set->unreadable)
        fprintf(out,
                "<p class=\"note\">%ld line%s in the feedback files could not be read and %s not "
                "counted; the command that made this report listed %s.</p>\n",
                set->unreadable, set->unreadable == 1 ? "" : "s",
                set->unreadable == 1 ? "is" : "are", set->unreadable == 1 ? "it" : "them");
    fputs("</section>\n", out);

    /* Charts. */
    fputs("<section class=\"charts\">\n<h2>Charts</h2>\n", out);
    chart(out, "chart-theme", "Responses by theme", &c.themes,
          "A response that chose several themes counts under each.");
    chart(out, "chart-age", "Responses by age", &c.ages, NULL);
    chart(out, "chart-day", "Responses by day", &c.days, NULL);
    chart(out, "chart-kiosk", "Responses by kiosk", &c.kiosks, NULL);
    tally faces = {0};
    for (int i = 1; i <= 5; i++) {
        char key[2] = {(char)('0' + i), '\0'}, label[96];
        snprintf(label, sizeof label, "%d %s", i,
                 ui_text_default((ui_text_id)(UI_RATING_1 + i - 1)));
        bar *b = tally_bar(&faces, key, label);
        if (b) b->count = c.rating[i];
    }
    char note[96];
    snprintf(note, sizeof note, "%ld response%s gave no rating.", c.rating[0],
             c.rating[0] == 1 ? "" : "s");
    chart(out, "chart-rating", "How people feel about the future (1 to 5)", &faces,
          c.rating[0] ? note : NULL);
    free(faces.bars);
    fputs("</section>\n", out);

    report_questions(out, set, min_count);
    comments(out, set, &c);
    fputs("</body>\n</html>\n", out);
    counts_free(&c);
    if (ferror(out))
        return pk_fail(err, "writing the report failed: %s", errno ? strerror(errno) : "error");
    return true;
}

bool report_write_job(FILE *out, const void *ctx, pk_error *err) {
    const report_job *job = ctx;
    return report_write_min(out, job->set, job->filter, job->min_count ? job->min_count : REPORT_MIN_COUNT, err);
}
