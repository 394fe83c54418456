/* report_overview: the overview's numbers, counted in one pass over the records, and its charts:
 * responses by theme, age, day, week, hour of the day, kiosk and language, the ratings, the
 * average rating by theme and by kiosk, and the visits left before the end by the step they
 * were left at. The words for ages and faces come from the config's questions, else from the
 * journey's own table (ui_text), so the report speaks of "45 to 64" and "Hopeful" exactly as
 * the kiosk asked. */
#include <stdlib.h>
#include <string.h>

#include "config/ui_text.h"
#include "export/report_parts.h"

/* The first journey's age codes (journey.c), in order, with the words it showed. */
static const char *const age_codes[] = {"under-12", "12-17", "18-24", "25-44", "45-64", "65+"};
#define N_AGES (sizeof age_codes / sizeof age_codes[0])

static const char *age_label(const report_roles *ro, const char *code) {
    int o = ro->age_q ? consult_option_index(ro->age_q, code) : -1;
    if (o >= 0) return ro->age_q->options[o].label;
    for (size_t i = 0; i < N_AGES; i++)
        if (strcmp(code, age_codes[i]) == 0) return ui_text_default((ui_text_id)(UI_AGE_1 + i));
    return code;
}

/* The bars every report shows, even at 0, in their order: the age bands asked. */
static bool seed_ages(report_ctx *x) {
    bool any = false;
    for (int i = 0; i < x->n_roles; i++) {
        const question *q = x->roles[i].age_q;
        for (int o = 0; q && o < q->n_options; o++, any = true)
            if (!tally_bar(&x->c.ages, q->options[o].id, q->options[o].label)) return false;
    }
    for (size_t i = 0; !any && i < N_AGES; i++)
        if (!tally_bar(&x->c.ages, age_codes[i], ui_text_default((ui_text_id)(UI_AGE_1 + i))))
            return false;
    return true;
}

static void add_rating(bar *b, bool rated, long v) {
    if (!b) return;
    b->count++;
    if (rated) b->rated++, b->rating_sum += (double)v;
}

/* The Monday that starts d's ISO week. */
static pk_date week_start(pk_date d) {
    long n = report_day_number(d);
    long dow = ((n % 7) + 7 + 3) % 7; /* 1970-01-01 was a Thursday: Monday is 0 */
    return report_date_of_day(n - dow);
}

static void week_key(pk_date monday, char *key, size_t ksize, char *label, size_t lsize) {
    char day[32];
    snprintf(key, ksize, "%04d-%02d-%02d", monday.year, monday.month, monday.day);
    snprintf(label, lsize, "Week of %s", date_format_short(monday, day, sizeof day));
}

static void day_key(pk_date d, char *key, size_t ksize, char *label, int lsize) {
    snprintf(key, ksize, "%04d-%02d-%02d", d.year, d.month, d.day);
    date_format_short(d, label, lsize);
}

/* Adds one to the bar for key, remembering it: records come sorted by time, so the day, week
 * and kiosk are nearly always the last one's, and no search is needed. (*last stays valid: only
 * tally_bar on the same tally moves its bars, and then *last is set again.) */
static bar *add_cached(tally *t, bar **last, const char *key, const char *label) {
    bar *b = *last && !strcmp((*last)->key, key) ? *last : tally_bar(t, key, label);
    if (b) b->count++;
    *last = b;
    return b;
}

static void count_themes(report_ctx *x, const report_roles *ro, const export_record *r, bool rated,
                         long rv) {
    report_counts *c = &x->c;
    const json_t *themes = ro->themes ? export_answer(r, ro->themes) : NULL;
    size_t n_themes = 0;
    const json_t *one = json_is_string(themes) ? themes : NULL;
    for (size_t k = 0; k < (one ? 1 : json_array_size(themes)); k++) {
        const char *id = report_nonempty(json_string_value(one ? one : json_array_get(themes, k)));
        bool repeat = false;
        for (size_t m = 0; id && !one && m < k && !repeat; m++) {
            const char *prev = json_string_value(json_array_get(themes, m));
            repeat = prev && strcmp(prev, id) == 0;
        }
        if (!id || repeat) continue;
        char label[256];
        bar *b = tally_find(&c->themes, id); /* its words are looked up once, for a new bar */
        add_rating(b ? b
                     : tally_bar(&c->themes, id,
                                 report_option_label(x, ro->themes_q, id, label, sizeof label)),
                   rated, rv);
        n_themes++;
    }
    if (n_themes == 0)
        add_rating(tally_bar(&c->themes, REPORT_NO_THEME_KEY, REPORT_NO_THEME_LABEL), rated, rv);
}

/* A rating's bar: its key sorts as a number; its words are the faces' or the scale's ends. */
static void rating_bar(const report_roles *ro, long v, char *key, size_t ksize, char *label,
                       size_t lsize) {
    const question *q = ro->rating_q;
    const char *words = NULL;
    if (q && q->type == Q_FACES && v >= 1 && v <= q->n_options)
        words = q->options[v - 1].label;
    else if (q && q->type == Q_SCALE)
        words = v == ro->rating_lo ? q->low_label : v == ro->rating_hi ? q->high_label : NULL;
    else if (!q && v >= 1 && v <= 5)
        words = ui_text_default((ui_text_id)(UI_RATING_1 + v - 1));
    snprintf(key, ksize, "%06ld", v + 100000);
    if (words)
        snprintf(label, lsize, "%ld %s", v, words);
    else
        snprintf(label, lsize, "%ld", v);
}

static void count_rating(report_counts *c, const report_roles *ro, const json_t *rating,
                         bool *rated, long *rv) {
    json_int_t v = json_is_integer(rating) ? json_integer_value(rating) : 0;
    *rated = ro->rating && json_is_integer(rating) && v >= ro->rating_lo && v <= ro->rating_hi;
    *rv = (long)v;
    if (!*rated) {
        c->no_rating++;
        return;
    }
    char key[24], label[300];
    rating_bar(ro, (long)v, key, sizeof key, label, sizeof label);
    bar *b = tally_bar(&c->ratings_by_value, key, label);
    if (b) b->count++;
    if (!c->ratings) c->rating_roles = ro;
    c->ratings++;
    c->rating_sum += (double)v;
}

/* Every point of the rating's scale gets a bar, in order, even at 0: the first rated
 * response's question's, else the first consultation's with a rating. */
static void seed_ratings(report_ctx *x) {
    const report_roles *ro = x->c.rating_roles;
    for (int i = 0; !ro && i < x->n_roles; i++)
        if (x->roles[i].rating) ro = &x->roles[i];
    for (long v = ro ? ro->rating_lo : 1;
         ro && v <= ro->rating_hi && ro->rating_hi - ro->rating_lo <= 10; v++) {
        char key[24], label[300];
        rating_bar(ro, v, key, sizeof key, label, sizeof label);
        tally_bar(&x->c.ratings_by_value, key, label);
    }
    x->c.rating_roles = ro;
    tally_sort(&x->c.ratings_by_value, by_key);
}

static void sort_themes(tally *t) {
    /* "No theme chosen" goes last, after the real themes by count. */
    tally_sort(t, by_count_then_label);
    for (size_t i = 0; i + 1 < t->n; i++)
        if (strcmp(t->bars[i].key, REPORT_NO_THEME_KEY) == 0) {
            bar none = t->bars[i];
            memmove(&t->bars[i], &t->bars[i + 1], (t->n - i - 1) * sizeof(bar));
            t->bars[t->n - 1] = none;
            break;
        }
}

/* Every day (or week) from the first to the last gets a bar, a gap is news too, unless that
 * would be more than max bars. */
static void fill_span(tally *t, pk_date first, pk_date last, int step, int max) {
    if (t->n < 2) return;
    long a = report_day_number(first), b = report_day_number(last);
    if ((b - a) / step + 1 > max) return;
    for (long d = a; d <= b; d += step) {
        char key[16], label[64];
        if (step == 7)
            week_key(report_date_of_day(d), key, sizeof key, label, sizeof label);
        else
            day_key(report_date_of_day(d), key, sizeof key, label, sizeof label);
        tally_bar(t, key, label);
    }
    tally_sort(t, by_key);
}

bool report_overview_begin(report_ctx *x) {
    memset(&x->c, 0, sizeof x->c);
    return seed_ages(x);
}

void report_overview_add(report_ctx *x, const export_record *r, const report_roles *ro) {
    report_counts *c = &x->c;
    bar *b;
    const json_t *j = r->json;
    bool first = c->responses++ == 0;
    {
        if (first || date_cmp_days(r->day, c->first) < 0) c->first = r->day;
        if (first || date_cmp_days(r->day, c->last) > 0) c->last = r->day;

        const char *title = report_nonempty(export_field_str(j, "config.title"));
        if (title) tally_add(&c->titles, title, title);

        bool has_text = !r->sealed && ro->text &&
                        report_nonempty(json_string_value(export_answer(r, ro->text)));
        if (has_text) c->with_text++;
        if (has_text && ro->consent && json_is_true(export_answer(r, ro->consent))) c->quotes++;

        bool rated;
        long rv;
        count_rating(c, ro, ro->rating ? export_answer(r, ro->rating) : NULL, &rated, &rv);
        count_themes(x, ro, r, rated, rv);

        const char *age =
            ro->age ? report_nonempty(json_string_value(export_answer(r, ro->age))) : NULL;
        if (r->sealed)
            c->sealed_age++;
        else if (!age)
            c->no_age++;
        else if ((b = tally_find(&c->ages, age)) ||
                 (b = tally_bar(&c->ages, age, age_label(ro, age))))
            b->count++;

        /* records come by time: a day (and its week) is looked up when it changes */
        if (!c->last_day || date_cmp_days(r->day, c->last_date) != 0) {
            char key[16], label[64];
            day_key(r->day, key, sizeof key, label, sizeof label);
            c->last_day = tally_bar(&c->days, key, label);
            week_key(week_start(r->day), key, sizeof key, label, sizeof label);
            c->last_week = tally_bar(&c->weeks, key, label);
            c->last_date = r->day;
        }
        if (c->last_day) c->last_day->count++;
        if (c->last_week) c->last_week->count++;
        if (r->clock >= 0 && r->clock < 24 * 3600) c->hours[r->clock / 3600]++;

        const char *lang = report_nonempty(export_field_str(j, "language"));
        add_cached(&c->languages, &c->last_lang, lang ? lang : "\x01",
                   lang ? report_language_name(lang) : "Not recorded");

        const char *kiosk = report_nonempty(export_field_str(j, "kiosk"));
        const char *where = report_nonempty(export_field_str(j, "location"));
        bar *k = add_cached(&c->kiosks, &c->last_kiosk, kiosk ? kiosk : "(no kiosk id)",
                            where ? where : kiosk);
        if (k) {
            k->count--; /* add_rating counts it */
            add_rating(k, rated, rv);
            if (k->count == 1 || date_cmp_days(r->day, k->first) < 0) k->first = r->day;
            if (k->count == 1 || date_cmp_days(r->day, k->last) > 0) k->last = r->day;
        }
    }
}

void report_overview_end(report_ctx *x) {
    report_counts *c = &x->c;
    bar *b;
    sort_themes(&c->themes);
    if (c->no_age && (b = tally_bar(&c->ages, "\x01not-given", "Not given"))) b->count = c->no_age;
    if (c->sealed_age && (b = tally_bar(&c->ages, "\x02sealed", "Sealed (no key given)")))
        b->count = c->sealed_age;
    seed_ratings(x);
    fill_span(&c->days, c->first, c->last, 1, 92);
    fill_span(&c->weeks, week_start(c->first), week_start(c->last), 7, 106);
    tally_sort(&c->days, by_key);
    tally_sort(&c->weeks, by_key);
    tally_sort(&c->kiosks, by_count_then_label);
    tally_sort(&c->titles, by_count_then_label);
    tally_sort(&c->languages, by_count_then_label);
}

void report_overview_free(report_counts *c) {
    tally *all[] = {&c->themes, &c->ratings_by_value, &c->ages,   &c->days,
                    &c->weeks,  &c->kiosks,           &c->titles, &c->languages};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) free(all[i]->bars);
}

/* ---- charts ---------------------------------------------------------------------------- */

/* A chart with its entry in the table of contents. */
static void chart_in_toc(report_ctx *x, const char *id, const char *title, const tally *t,
                         const char *note) {
    char anchor[64];
    snprintf(anchor, sizeof anchor, "fig-%s", id);
    report_toc_add(&x->toc, 2, anchor, title);
    chart(x->f, id, title, t, note);
}

static void hours_chart(report_ctx *x) {
    int lo = 0, hi = 23;
    while (lo < 23 && !x->c.hours[lo]) lo++;
    while (hi > lo && !x->c.hours[hi]) hi--;
    tally t = {0};
    for (int h = lo; x->c.responses && h <= hi; h++) {
        char key[8], label[32];
        snprintf(key, sizeof key, "%02d", h);
        snprintf(label, sizeof label, "%02d:00 to %02d:00", h, (h + 1) % 24);
        bar *b = tally_bar(&t, key, label);
        if (b) b->count = x->c.hours[h];
    }
    chart_in_toc(x, "chart-hour", "Responses by time of day", &t,
                 "By the hour on the kiosk's own clock.");
    free(t.bars);
}

/* Where visits were left: the step's words (a question's short name) where the step is one. */
static const char *step_label(const report_ctx *x, const char *step, char *buf, size_t size) {
    const config *cfg = x->set->cfg;
    for (int i = 0; cfg && i < cfg->n_consultations; i++) {
        int q = consult_question_index(&cfg->consultations[i], step);
        if (q >= 0) return cfg->consultations[i].questions[q].label;
    }
    static const struct {
        const char *step, *words;
    } steps[] = {{"intro", "The introduction"},
                 {"review", "The review, before sending"},
                 {"language", "Choosing a language"},
                 {"privacy", "The privacy notice"}};
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        if (!strcmp(step, steps[i].step)) return steps[i].words;
    return report_theme_label(step, buf, size);
}

static void abandoned_chart(report_ctx *x) {
    const export_set *set = x->set;
    if (set->abandoned <= 0) return; /* the kiosks' abandoned/ folders were not read, or empty */
    tally t = {0};
    const char *step;
    const json_t *n;
    json_object_foreach((json_t *)set->abandoned_steps, step, n) {
        char buf[256];
        bar *b = tally_bar(&t, step, step_label(x, step, buf, sizeof buf));
        if (b && json_is_integer(n)) b->count += (long)json_integer_value(n);
    }
    char note[300], left[64], visits[64], sent[64];
    long all = set->abandoned + (long)set->n;
    snprintf(note, sizeof note, "%s left before the end: %.0f%% of %s; %s sent.",
             count_words(set->abandoned, "visit was", "visits were", left, sizeof left),
             all ? 100.0 * (double)set->abandoned / (double)all : 0.0,
             count_words(all, "visit", "visits", visits, sizeof visits),
             count_words((long)set->n, "response was", "responses were", sent, sizeof sent));
    chart_in_toc(x, "chart-abandoned", "Visits left before the end, by the step they were left at",
                 &t, note);
    free(t.bars);
}

void report_overview_charts(report_ctx *x) {
    FILE *f = x->f;
    report_counts *c = &x->c;
    report_toc_add(&x->toc, 1, "charts", "Charts");
    fputs("<section class=\"charts\" id=\"charts\">\n<h2>Charts</h2>\n", f);
    chart_in_toc(x, "chart-theme", "Responses by theme", &c->themes,
                 "A response that chose several themes counts under each.");
    chart_in_toc(x, "chart-age", "Responses by age", &c->ages, NULL);
    chart_in_toc(x, "chart-language", "Responses by language", &c->languages,
                 "The language each visitor chose on the kiosk.");
    chart_in_toc(x, "chart-day", "Responses by day", &c->days, NULL);
    chart_in_toc(x, "chart-week", "Responses week by week", &c->weeks, "Weeks start on Monday.");
    hours_chart(x);
    chart_in_toc(x, "chart-kiosk", "Responses by kiosk", &c->kiosks, NULL);

    const report_roles *ro = c->rating_roles;
    int hi = ro ? ro->rating_hi : 5;
    char note[96], title[300];
    snprintf(note, sizeof note, "%ld response%s gave no rating.", c->no_rating,
             c->no_rating == 1 ? "" : "s");
    if (ro && ro->rating_q)
        snprintf(title, sizeof title, "%s (%d to %d)", ro->rating_q->title, ro->rating_lo, hi);
    else
        snprintf(title, sizeof title, "How people feel about the future (1 to 5)");
    chart_in_toc(x, "chart-rating", title, &c->ratings_by_value, c->no_rating ? note : NULL);
    char scale[200];
    snprintf(scale, sizeof scale,
             "The mean of the ratings given, out of %d; a response that chose several "
             "themes counts under each.",
             hi);
    report_toc_add(&x->toc, 2, "fig-chart-rating-theme", "Average rating by theme");
    chart_means(f, "chart-rating-theme", "Average rating by theme", &c->themes, hi, scale,
                x->min_count);
    snprintf(scale, sizeof scale, "The mean of the ratings given, out of %d.", hi);
    report_toc_add(&x->toc, 2, "fig-chart-rating-kiosk", "Average rating by kiosk");
    chart_means(f, "chart-rating-kiosk", "Average rating by kiosk", &c->kiosks, hi, scale,
                x->min_count);
    abandoned_chart(x);
    fputs("</section>\n", f);
}
