/* report_questions: every question of the config's consultations, counted once (one pass over
 * the records for all of them) into a report_qstats that both its section and its headline on
 * page one draw from. A section per consultation, and in it one per question, drawn as its
 * type asks: counts per option as bars (choice, choices, age band, consent, postcode
 * districts), the distribution and mean of faces and scales, the mean rank per option, a
 * number's spread, and the pins on the question's own picture as a heat map. Free text is
 * listed once, with the comments (report_comments.c); its section links there. A count between
 * 1 and min_count - 1 could point at one person: it is shown as "fewer than N". */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "consult/question_type.h"
#include "export/report_parts.h"

/* ---- counting: one pass over the records for all the questions ------------------------ */

static void count_line(FILE *f, const char *what, long n, long min_count) {
    char num[48];
    fputs("<p class=\"note\">", f);
    if (n > 0 && n < min_count)
        fprintf(f, "fewer than %ld", min_count);
    else
        fputs(count_str(n, num, sizeof num), f);
    fputc(' ', f);
    html_text(f, what);
    fputs("</p>\n", f);
}

static bool stats_init(report_qstats *s, const consultation *k, const question *q) {
    s->q = q;
    snprintf(s->id, sizeof s->id, "q-%s-%s", k->id, q->id);
    if (q->type == Q_FACES || q->type == Q_SCALE) {
        int lo = q->type == Q_FACES ? 1 : q->min_value,
            hi = q->type == Q_FACES ? q->n_options : q->max_value;
        for (int v = lo; v <= hi; v++) {
            char key[16], label[300];
            snprintf(key, sizeof key, "%d", v);
            const char *words = q->type == Q_FACES ? q->options[v - 1].label
                                : v == lo          ? q->low_label
                                : v == hi          ? q->high_label
                                                   : NULL;
            if (words)
                snprintf(label, sizeof label, "%d %s", v, words);
            else
                snprintf(label, sizeof label, "%d", v);
            if (!tally_bar(&s->options, key, label)) return false;
        }
    } else if (q->type != Q_RANK) {
        for (int o = 0; o < q->n_options; o++)
            if (!tally_bar(&s->options, q->options[o].id, q->options[o].label)) return false;
    }
    if (q->type == Q_PLACE) {
        /* cells of a third of a disc's radius: close pins merge, a heat map keeps its shape */
        int r = q->image_w / 40 > 3 ? q->image_w / 40 : 3;
        s->cell = r / 3 > 1 ? r / 3 : 1;
        s->cols = q->image_w / s->cell + 1;
        s->rows = q->image_h / s->cell + 1;
        s->cells = calloc((size_t)s->cols * (size_t)s->rows, sizeof *s->cells);
        if (!s->cells) return false;
    }
    return true;
}

static void count_options(report_qstats *s, const export_record *r, const json_t *v) {
    if (r->sealed && json_is_null(v)) s->sealed++;
    if (json_is_string(v))
        tally_add(&s->options, json_string_value(v), json_string_value(v)), s->answered++;
    if (json_is_boolean(v))
        tally_add(&s->options, json_is_true(v) ? "yes" : "no", json_is_true(v) ? "Yes" : "No"),
            s->answered++;
    size_t k;
    const json_t *e;
    json_array_foreach(v, k, e) if (json_is_string(e))
        tally_add(&s->options, json_string_value(e), json_string_value(e));
    s->answered += json_array_size(v) > 0;
}

static void count_points(report_qstats *s, const json_t *v) {
    if (!json_is_integer(v)) return;
    char key[24];
    snprintf(key, sizeof key, "%lld", (long long)json_integer_value(v));
    tally_add(&s->options, key, key);
    s->answered++, s->sum += (double)json_integer_value(v);
}

static void count_rank(report_qstats *s, const json_t *v) {
    if (!json_array_size(v)) return;
    s->answered++;
    size_t k;
    const json_t *e;
    json_array_foreach(v, k, e) {
        int o = json_is_string(e) ? consult_option_index(s->q, json_string_value(e)) : -1;
        if (o < 0) continue;
        s->rank_times[o]++, s->rank_sum[o] += (long)k + 1, s->rank_first[o] += k == 0;
    }
}

static bool count_number(report_qstats *s, const json_t *v) {
    if (!json_is_integer(v)) return true;
    if (!grow(&s->values, &s->cap_values, s->n_values, sizeof *s->values, 64)) return false;
    s->values[s->n_values++] = (long)json_integer_value(v);
    s->answered++, s->sum += (double)json_integer_value(v);
    return true;
}

static void count_pins(report_qstats *s, const json_t *v) {
    if (!json_array_size(v)) return;
    s->answered++;
    size_t k;
    const json_t *pin;
    json_array_foreach(v, k, pin) {
        const json_t *x = json_array_get(pin, 0), *y = json_array_get(pin, 1);
        if (!json_is_integer(x) || !json_is_integer(y)) continue;
        json_int_t cx = json_integer_value(x) / s->cell, cy = json_integer_value(y) / s->cell;
        if (cx < 0 || cy < 0 || cx >= s->cols || cy >= s->rows) continue;
        s->cells[cy * s->cols + cx]++;
        s->pins++;
    }
}

static int cmp_long(const void *a, const void *b) {
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

static bool count_answer(report_qstats *s, const export_record *r) {
    const json_t *v = export_answer(r, s->q->id);
    switch (s->q->type) {
    case Q_CHOICE:
    case Q_CHOICES:
    case Q_AGE_BAND:
    case Q_CONSENT:
    case Q_POSTCODE_DISTRICT: count_options(s, r, v); break;
    case Q_FACES:
    case Q_SCALE: count_points(s, v); break;
    case Q_RANK: count_rank(s, v); break;
    case Q_NUMBER: return count_number(s, v);
    case Q_PLACE: count_pins(s, v); break;
    case Q_TEXT:
    case Q_FIRST_NAME: s->answered += json_is_string(v) && *json_string_value(v); break;
    case Q_TYPE_COUNT: break;
    }
    return true;
}

bool report_questions_begin(report_ctx *x) {
    const config *cfg = x->set->cfg;
    int n = cfg ? cfg->n_consultations : 0;
    x->cs = n ? calloc((size_t)n, sizeof *x->cs) : NULL;
    if (n && !x->cs) return false;
    for (int ci = 0; ci < n; ci++) {
        const consultation *k = &cfg->consultations[ci];
        x->cs[ci].k = k;
        x->cs[ci].qs = k->n_questions ? calloc((size_t)k->n_questions, sizeof *x->cs[ci].qs) : NULL;
        if (k->n_questions && !x->cs[ci].qs) return false;
        for (int qi = 0; qi < k->n_questions; qi++)
            if (!stats_init(&x->cs[ci].qs[qi], k, &k->questions[qi])) return false;
    }
    return true;
}

bool report_questions_add(report_ctx *x, const export_record *r, int ci) {
    if (ci < 0) return true;
    report_cstats *c = &x->cs[ci];
    c->responses++;
    for (int qi = 0; qi < c->k->n_questions; qi++)
        if (!count_answer(&c->qs[qi], r)) return false;
    return true;
}

void report_questions_end(report_ctx *x) {
    for (int ci = 0; x->cs && ci < x->set->cfg->n_consultations; ci++)
        for (int qi = 0; qi < x->cs[ci].k->n_questions; qi++) {
            report_qstats *s = &x->cs[ci].qs[qi];
            if (s->n_values > 1) qsort(s->values, s->n_values, sizeof *s->values, cmp_long);
        }
}

void report_questions_free(report_ctx *x) {
    const config *cfg = x->set->cfg;
    for (int ci = 0; x->cs && ci < cfg->n_consultations; ci++) {
        for (int qi = 0; x->cs[ci].qs && qi < x->cs[ci].k->n_questions; qi++) {
            report_qstats *s = &x->cs[ci].qs[qi];
            free(s->options.bars);
            free(s->values);
            free(s->cells);
        }
        free(x->cs[ci].qs);
    }
    free(x->cs);
    x->cs = NULL;
}

/* ---- the headline: one line of page one ------------------------------------------------ */

/* "42%" of n, or "fewer than N" where the count could point at one person. */
static void percent(FILE *f, long count, long of, long min_count) {
    if (count > 0 && count < min_count)
        fprintf(f, "fewer than %ld", min_count);
    else
        fprintf(f, "%.0f%%", of ? 100.0 * (double)count / (double)of : 0.0);
}

/* The options most chosen (up to three, those at the top's count first), with their share of
 * those who answered. */
static void top_options(FILE *f, const report_qstats *s, long min_count) {
    tally t = s->options;
    bar *copy = malloc(t.n * sizeof *copy + 1);
    if (!copy) return;
    memcpy(copy, t.bars, t.n * sizeof *copy);
    t.bars = copy;
    tally_sort(&t, by_count_then_label);
    int shown = s->q->type == Q_CHOICES ? 3 : 1;
    for (size_t i = 0; i < t.n && t.bars[i].count > 0; i++) {
        if ((int)i >= shown && t.bars[i].count < t.bars[0].count) break;
        if (i >= 3) break;
        fputs(i ? " \xC2\xB7 " : "", f);
        html_text(f, t.bars[i].label);
        fputc(' ', f);
        percent(f, t.bars[i].count, s->answered, min_count);
    }
    free(copy);
}

static int rank_best(const report_qstats *s) {
    int best = -1;
    for (int o = 0; o < s->q->n_options; o++)
        if (s->rank_times[o] &&
            (best < 0 || (double)s->rank_sum[o] / (double)s->rank_times[o] <
                             (double)s->rank_sum[best] / (double)s->rank_times[best]))
            best = o;
    return best;
}

void report_question_headline(FILE *f, const report_qstats *s, long min_count) {
    const question *q = s->q;
    char num[48], num2[48];
    if (s->answered == 0) {
        fputs("No answers", f);
        return;
    }
    if (s->answered < min_count) {
        fprintf(f, "Fewer than %ld answered", min_count);
        return;
    }
    switch (q->type) {
    case Q_CHOICE:
    case Q_CHOICES:
    case Q_AGE_BAND:
    case Q_CONSENT:
    case Q_POSTCODE_DISTRICT: top_options(f, s, min_count); break;
    case Q_FACES:
    case Q_SCALE: {
        int lo = q->type == Q_FACES ? 1 : q->min_value,
            hi = q->type == Q_FACES ? q->n_options : q->max_value;
        fprintf(f, "Mean %.1f from %d to %d", s->sum / (double)s->answered, lo, hi);
        /* the spread in one line where it is short enough to read: five faces, a short scale */
        for (size_t i = 0; hi - lo <= 6 && i < s->options.n; i++) {
            fprintf(f, "%s%s: ", i ? " \xC2\xB7 " : " \xE2\x80\x94 ", s->options.bars[i].key);
            percent(f, s->options.bars[i].count, s->answered, min_count);
        }
        break;
    }
    case Q_RANK: {
        int best = rank_best(s);
        fputs("First overall: ", f);
        html_text(f, best >= 0 ? q->options[best].label : "none");
        if (best >= 0)
            fprintf(f, " (mean rank %.1f)",
                    (double)s->rank_sum[best] / (double)s->rank_times[best]);
        break;
    }
    case Q_NUMBER:
        fprintf(f, "Median %ld, from %ld to %ld", s->values[s->n_values / 2], s->values[0],
                s->values[s->n_values - 1]);
        break;
    case Q_PLACE:
        fprintf(f, "%s pins dropped by %s people", count_str(s->pins, num, sizeof num),
                count_str(s->answered, num2, sizeof num2));
        break;
    case Q_TEXT:
        fprintf(f, "%s written", count_words(s->answered, "answer", "answers", num, sizeof num));
        break;
    case Q_FIRST_NAME: fputs("Personal: shown only beside words that may be quoted", f); break;
    case Q_TYPE_COUNT: break;
    }
}

/* ---- the sections ---------------------------------------------------------------------- */

static void option_chart(FILE *f, const report_qstats *s, const char *note, long min_count) {
    chart_min(f, s->id, s->q->title, &s->options, note, min_count);
    count_line(f, "answered this question", s->answered, min_count);
    if (s->sealed) count_line(f, "sealed (make the report again with --key)", s->sealed, 1);
}

static void points_chart(FILE *f, const report_qstats *s, long min_count) {
    const question *q = s->q;
    int lo = q->type == Q_FACES ? 1 : q->min_value,
        hi = q->type == Q_FACES ? q->n_options : q->max_value;
    char note[96] = "";
    if (s->answered)
        snprintf(note, sizeof note, "Mean %.1f (from %d to %d).", s->sum / (double)s->answered, lo,
                 hi);
    chart_min(f, s->id, q->title, &s->options, s->answered ? note : NULL, min_count);
    count_line(f, "answered this question", s->answered, min_count);
}

static void rank_table(FILE *f, const report_qstats *s, long min_count) {
    const question *q = s->q;
    const long *times = s->rank_times, *first = s->rank_first, *sum = s->rank_sum;
    int order[CONSULT_MAX_OPTIONS] = {0};
    for (int o = 0; o < q->n_options; o++) order[o] = o;
    /* Best mean rank first; options nobody ranked last. */
    for (int a = 0; a < q->n_options; a++)
        for (int b = a + 1; b < q->n_options; b++) {
            int x = order[a], y = order[b];
            double mx = times[x] ? (double)sum[x] / times[x] : 1e9,
                   my = times[y] ? (double)sum[y] / times[y] : 1e9;
            if (my < mx) order[a] = y, order[b] = x;
        }
    fprintf(f, "<table class=\"rank\" id=\"%s\"><caption>", s->id);
    html_text(f, q->title);
    fputs("</caption>\n<tr><th>Option</th><th>Mean rank (1 is first)</th><th>Ranked "
          "first</th><th>Ranked at all</th></tr>\n",
          f);
    for (int a = 0; a < q->n_options; a++) {
        int o = order[a];
        fputs("<tr><td>", f);
        html_text(f, q->options[o].label);
        if (times[o])
            fprintf(f, "</td><td>%.1f</td>", (double)sum[o] / (double)times[o]);
        else
            fputs("</td><td>not ranked</td>", f);
        for (int k = 0; k < 2; k++) {
            long v = k ? times[o] : first[o];
            if (v > 0 && v < min_count)
                fprintf(f, "<td>fewer than %ld</td>", min_count);
            else
                fprintf(f, "<td>%ld</td>", v);
        }
        fputs("</tr>\n", f);
    }
    fputs("</table>\n", f);
    count_line(f, "answered this question", s->answered, min_count);
}

static void number_summary(FILE *f, const report_qstats *s, long min_count) {
    long n = (long)s->n_values;
    const long *v = s->values;
    fprintf(f, "<table class=\"number\" id=\"%s\"><caption>", s->id);
    html_text(f, s->q->title);
    fputs("</caption>\n", f);
    if (n >= min_count && n > 0)
        fprintf(f,
                "<tr><th>Smallest</th><td>%ld</td></tr><tr><th>Median</th><td>%ld</td></tr>"
                "<tr><th>Mean</th><td>%.1f</td></tr><tr><th>Largest</th><td>%ld</td></tr>\n",
                v[0], v[n / 2], s->sum / (double)n, v[n - 1]);
    fputs("</table>\n", f);
    count_line(f, "answered this question", n, min_count);
}

/* The picture itself inside the page (the report stands alone), as a data: URL. */
static void embed_picture(FILE *f, const char *path) {
    FILE *in = fopen(path, "rb");
    if (!in) return;
    fseek(in, 0, SEEK_END);
    long size = ftell(in);
    fseek(in, 0, SEEK_SET);
    unsigned char *bin = size > 0 && size < (16 << 20) ? malloc((size_t)size) : NULL;
    size_t got = bin ? fread(bin, 1, (size_t)size, in) : 0;
    fclose(in);
    size_t b64_len = sodium_base64_ENCODED_LEN(got, sodium_base64_VARIANT_ORIGINAL);
    char *b64 = got ? malloc(b64_len) : NULL;
    if (b64) {
        sodium_bin2base64(b64, b64_len, bin, got, sodium_base64_VARIANT_ORIGINAL);
        const char *ext = strrchr(path, '.');
        const char *mime = ext && !strcasecmp(ext, ".svg") ? "image/svg+xml"
                           : ext && (!strcasecmp(ext, ".jpg") || !strcasecmp(ext, ".jpeg"))
                               ? "image/jpeg"
                               : "image/png";
        fprintf(f, "data:%s;base64,%s", mime, b64);
    }
    free(b64);
    free(bin);
}

/* The pins on the picture as translucent discs, one per cell of the grid they were counted in:
 * where many fall, the colour deepens (a cell's disc is as opaque as its pins would be). */
static void heat_map(FILE *f, const report_qstats *s, long min_count) {
    const question *q = s->q;
    int r = q->image_w / 40 > 3 ? q->image_w / 40 : 3;
    fprintf(f, "<figure class=\"chart\">\n<figcaption>");
    html_text(f, q->title);
    fprintf(f,
            "</figcaption>\n<svg id=\"%s\" role=\"img\" width=\"100%%\" viewBox=\"0 0 %d %d\" "
            "aria-label=\"",
            s->id, q->image_w, q->image_h);
    html_text(f, q->title);
    fputs("\"><title>", f);
    html_text(f, q->title);
    fprintf(f, "</title>\n<image x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" href=\"", q->image_w,
            q->image_h);
    embed_picture(f, q->image);
    fputs("\"/>\n", f);
    for (int cy = 0; s->cells && cy < s->rows; cy++)
        for (int cx = 0; cx < s->cols; cx++) {
            long n = s->cells[cy * s->cols + cx];
            if (!n) continue;
            /* n discs at 0.3 each would cover 1 - 0.7^n */
            double a = 1.0;
            for (long k = 0; k < n && k < 20; k++) a *= 0.7;
            fprintf(f, "<circle class=\"pin\" cx=\"%d\" cy=\"%d\" r=\"%d\"",
                    cx * s->cell + s->cell / 2, cy * s->cell + s->cell / 2, r);
            if (n > 1) fprintf(f, " style=\"fill-opacity: %.2f\"", 1.0 - a);
            fputs("/>\n", f);
        }
    fputs("</svg>\n</figure>\n", f);
    count_line(f, "people dropped pins", s->answered, min_count);
    count_line(f, "pins in all", s->pins, 1);
}

/* A text question's answers are listed once, under "What people said" (report_comments.c). */
static void text_link(FILE *f, const consultation *k, const report_qstats *s, long min_count) {
    char id[160], num[64];
    report_said_id(k, s->q->id, id, sizeof id);
    fputs("<p class=\"note\">", f);
    if (s->answered > 0 && s->answered < min_count)
        fprintf(f, "fewer than %ld answers", min_count);
    else
        fputs(count_words(s->answered, "answer", "answers", num, sizeof num), f);
    if (s->answered)
        fprintf(
            f,
            " written: see <a href=\"#%s\">what people said</a>, with the words used most.</p>\n",
            id);
    else
        fputs(" written.</p>\n", f);
}

void report_questions_write(report_ctx *x) {
    FILE *f = x->f;
    const config *cfg = x->set->cfg;
    long min = x->min_count;
    for (int ci = 0; cfg && ci < cfg->n_consultations; ci++) {
        const report_cstats *c = &x->cs[ci];
        const consultation *k = c->k;
        if (!c->responses) continue;
        char id[160];
        snprintf(id, sizeof id, "c-%s", k->id);
        report_toc_add(&x->toc, 1, id, k->title);
        fprintf(f, "<section class=\"consultation\" id=\"%s\">\n<h2>", id);
        html_text(f, k->title);
        fputs("</h2>\n", f);
        count_line(f, c->responses == 1 ? "response" : "responses", c->responses, 1);
        for (int qi = 0; qi < k->n_questions; qi++) {
            const report_qstats *s = &c->qs[qi];
            const question *q = s->q;
            snprintf(id, sizeof id, "s-%s-%s", k->id, q->id);
            report_toc_add(&x->toc, 2, id, q->label ? q->label : q->title);
            fprintf(f, "<section class=\"question\" id=\"%s\">\n<h3>", id);
            html_text(f, q->label ? q->label : q->title);
            fprintf(f, " <span class=\"n\">(%s)</span></h3>\n", question_kind_of(q->type)->name);
            switch (q->type) {
            case Q_CHOICE:
            case Q_AGE_BAND:
            case Q_CONSENT: option_chart(f, s, NULL, min); break;
            case Q_CHOICES: option_chart(f, s, "A response may choose several.", min); break;
            case Q_FACES:
            case Q_SCALE: points_chart(f, s, min); break;
            case Q_RANK: rank_table(f, s, min); break;
            case Q_NUMBER: number_summary(f, s, min); break;
            case Q_PLACE: heat_map(f, s, min); break;
            case Q_TEXT: text_link(f, k, s, min); break;
            case Q_POSTCODE_DISTRICT:
                option_chart(f, s, "The first part of the postcode only.", min);
                break;
            case Q_FIRST_NAME:
                fputs(
                    "<p class=\"note\">First names are personal: they are shown only beside words "
                    "their writers agreed may be quoted.</p>\n",
                    f);
                break;
            case Q_TYPE_COUNT: break;
            }
            fputs("</section>\n", f);
        }
        fputs("</section>\n", f);
    }
}
