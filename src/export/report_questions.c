/* report_questions: a section per consultation of the config, and in it one per question,
 * drawn as its type asks: counts per option as bars (choice, choices, age band, consent), the
 * distribution and mean of faces and scales, the mean rank per option, a number's spread, the
 * pins on the question's own picture as a heat map, postcode districts, and the free text
 * grouped by the answers to the question before it that has options. A count between 1 and
 * min_count - 1 could point at one person: it is shown as "fewer than N". */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "consult/question_type.h"
#include "export/report.h"
#include "export/report_html.h"

typedef struct qctx {
    FILE *f;
    const export_set *set;
    const consultation *k;
    long min_count;
    char id[160]; /* "q-<consultation>-<question>": chart ids */
} qctx;

static bool of_consultation(const export_record *r, const consultation *k) {
    return r->consultation && !strcmp(r->consultation, k->id);
}

static void count_line(FILE *f, const char *what, long n, long min_count) {
    fputs("<p class=\"note\">", f);
    if (n > 0 && n < min_count) fprintf(f, "fewer than %ld", min_count);
    else fprintf(f, "%ld", n);
    fputc(' ', f);
    html_text(f, what);
    fputs("</p>\n", f);
}

/* Bars per option: how many chose each (an array answer counts under each of its ids). */
static void option_chart(qctx *c, const question *q, const char *note) {
    tally t = {0};
    long answered = 0, sealed = 0;
    for (int o = 0; o < q->n_options; o++) tally_bar(&t, q->options[o].id, q->options[o].label);
    for (size_t i = 0; i < c->set->n; i++) {
        const export_record *r = &c->set->records[i];
        if (!of_consultation(r, c->k)) continue;
        const json_t *v = export_answer(r, q->id);
        if (r->sealed && json_is_null(v)) sealed++;
        if (json_is_string(v)) tally_add(&t, json_string_value(v), json_string_value(v)), answered++;
        if (json_is_boolean(v)) tally_add(&t, json_is_true(v) ? "yes" : "no", json_is_true(v) ? "Yes" : "No"), answered++;
        size_t k;
        const json_t *e;
        json_array_foreach(v, k, e) if (json_is_string(e)) tally_add(&t, json_string_value(e), json_string_value(e));
        answered += json_array_size(v) > 0;
    }
    chart_min(c->f, c->id, q->title, &t, note, c->min_count);
    count_line(c->f, "answered this question", answered, c->min_count);
    if (sealed) count_line(c->f, "sealed (make the report again with --key)", sealed, 1);
    free(t.bars);
}

static void points_chart(qctx *c, const question *q) {
    tally t = {0};
    int lo = q->type == Q_FACES ? 1 : q->min_value, hi = q->type == Q_FACES ? q->n_options : q->max_value;
    long n = 0, sum = 0;
    for (int v = lo; v <= hi; v++) {
        char key[16], label[300];
        snprintf(key, sizeof key, "%d", v);
        const char *words = q->type == Q_FACES ? q->options[v - 1].label : v == lo ? q->low_label : v == hi ? q->high_label : NULL;
        if (words) snprintf(label, sizeof label, "%d %s", v, words);
        else snprintf(label, sizeof label, "%d", v);
        tally_bar(&t, key, label);
    }
    for (size_t i = 0; i < c->set->n; i++) {
        const export_record *r = &c->set->records[i];
        const json_t *v = export_answer(r, q->id);
        if (!of_consultation(r, c->k) || !json_is_integer(v)) continue;
        char key[16];
        snprintf(key, sizeof key, "%lld", (long long)json_integer_value(v));
        tally_add(&t, key, key);
        n++, sum += (long)json_integer_value(v);
    }
    char note[96] = "";
    if (n) snprintf(note, sizeof note, "Mean %.1f (from %d to %d).", (double)sum / (double)n, lo, hi);
    chart_min(c->f, c->id, q->title, &t, n ? note : NULL, c->min_count);
    count_line(c->f, "answered this question", n, c->min_count);
    free(t.bars);
}

static void rank_table(qctx *c, const question *q) {
    long times[CONSULT_MAX_OPTIONS] = {0}, first[CONSULT_MAX_OPTIONS] = {0}, sum[CONSULT_MAX_OPTIONS] = {0}, n = 0;
    for (size_t i = 0; i < c->set->n; i++) {
        const export_record *r = &c->set->records[i];
        const json_t *v = export_answer(r, q->id), *e;
        if (!of_consultation(r, c->k) || !json_array_size(v)) continue;
        n++;
        size_t k;
        json_array_foreach(v, k, e) {
            int o = json_is_string(e) ? consult_option_index(q, json_string_value(e)) : -1;
            if (o < 0) continue;
            times[o]++, sum[o] += (long)k + 1, first[o] += k == 0;
        }
    }
    int order[CONSULT_MAX_OPTIONS] = {0};
    for (int o = 0; o < q->n_options; o++) order[o] = o;
    /* Best mean rank first; options nobody ranked last. */
    for (int a = 0; a < q->n_options; a++)
        for (int b = a + 1; b < q->n_options; b++) {
            int x = order[a], y = order[b];
            double mx = times[x] ? (double)sum[x] / times[x] : 1e9, my = times[y] ? (double)sum[y] / times[y] : 1e9;
            if (my < mx) order[a] = y, order[b] = x;
        }
    fprintf(c->f, "<table class=\"rank\" id=\"%s\"><caption>", c->id);
    html_text(c->f, q->title);
    fputs("</caption>\n<tr><th>Option</th><th>Mean rank (1 is first)</th><th>Ranked first</th><th>Ranked at all</th></tr>\n", c->f);
    for (int a = 0; a < q->n_options; a++) {
        int o = order[a];
        fputs("<tr><td>", c->f);
        html_text(c->f, q->options[o].label);
        if (times[o]) fprintf(c->f, "</td><td>%.1f</td>", (double)sum[o] / (double)times[o]);
        else fputs("</td><td>not ranked</td>", c->f);
        for (int k = 0; k < 2; k++) {
            long v = k ? times[o] : first[o];
            if (v > 0 && v < c->min_count) fprintf(c->f, "<td>fewer than %ld</td>", c->min_count);
            else fprintf(c->f, "<td>%ld</td>", v);
        }
        fputs("</tr>\n", c->f);
    }
    fputs("</table>\n", c->f);
    count_line(c->f, "answered this question", n, c->min_count);
}

static int cmp_long(const void *a, const void *b) {
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

static void number_summary(qctx *c, const question *q) {
    long *v = malloc(sizeof *v * (c->set->n + 1)), n = 0;
    if (!v) return;
    for (size_t i = 0; i < c->set->n; i++) {
        const json_t *a = export_answer(&c->set->records[i], q->id);
        if (of_consultation(&c->set->records[i], c->k) && json_is_integer(a)) v[n++] = (long)json_integer_value(a);
    }
    qsort(v, (size_t)n, sizeof *v, cmp_long);
    fprintf(c->f, "<table class=\"number\" id=\"%s\"><caption>", c->id);
    html_text(c->f, q->title);
    fputs("</caption>\n", c->f);
    if (n >= c->min_count) {
        double mean = 0;
        for (long i = 0; i < n; i++) mean += (double)v[i];
        fprintf(c->f, "<tr><th>Smallest</th><td>%ld</td></tr><tr><th>Median</th><td>%ld</td></tr>"
                      "<tr><th>Mean</th><td>%.1f</td></tr><tr><th>Largest</th><td>%ld</td></tr>\n",
                v[0], v[n / 2], mean / (double)n, v[n - 1]);
    }
    fputs("</table>\n", c->f);
    count_line(c->f, "answered this question", n, c->min_count);
    free(v);
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
                           : ext && (!strcasecmp(ext, ".jpg") || !strcasecmp(ext, ".jpeg")) ? "image/jpeg"
                                                                                             : "image/png";
        fprintf(f, "data:%s;base64,%s", mime, b64);
    }
    free(b64);
    free(bin);
}

/* Every pin on the picture as a translucent disc: where many fall, the colour deepens. */
static void heat_map(qctx *c, const question *q) {
    long pins = 0, people = 0;
    int r = q->image_w / 40 > 3 ? q->image_w / 40 : 3;
    fprintf(c->f, "<figure class=\"chart\">\n<figcaption>");
    html_text(c->f, q->title);
    fprintf(c->f, "</figcaption>\n<svg id=\"%s\" role=\"img\" width=\"100%%\" viewBox=\"0 0 %d %d\" aria-label=\"", c->id,
            q->image_w, q->image_h);
    html_text(c->f, q->title);
    fputs("\"><title>", c->f);
    html_text(c->f, q->title);
    fprintf(c->f, "</title>\n<image x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" href=\"", q->image_w, q->image_h);
    embed_picture(c->f, q->image);
    fputs("\"/>\n", c->f);
    for (size_t i = 0; i < c->set->n; i++) {
        const json_t *v = export_answer(&c->set->records[i], q->id), *pin;
        if (!of_consultation(&c->set->records[i], c->k) || !json_array_size(v)) continue;
        people++;
        size_t k;
        json_array_foreach(v, k, pin) {
            const json_t *x = json_array_get(pin, 0), *y = json_array_get(pin, 1);
            if (!json_is_integer(x) || !json_is_integer(y)) continue;
            fprintf(c->f, "<circle class=\"pin\" cx=\"%lld\" cy=\"%lld\" r=\"%d\"/>\n", (long long)json_integer_value(x),
                    (long long)json_integer_value(y), r);
            pins++;
        }
    }
    fputs("</svg>\n</figure>\n", c->f);
    count_line(c->f, "people dropped pins", people, c->min_count);
    count_line(c->f, "pins in all", pins, 1);
}

/* The question before q that has options: free text is grouped by its answers. */
static const question *group_by(const consultation *k, const question *q) {
    const question *best = NULL;
    for (const question *p = k->questions; p < q; p++)
        if (p->type == Q_CHOICE || p->type == Q_CHOICES || p->type == Q_AGE_BAND) best = p;
    return best;
}

static bool in_group(const json_t *v, const char *option) {
    if (json_is_string(v)) return !strcmp(json_string_value(v), option);
    size_t k;
    const json_t *e;
    json_array_foreach(v, k, e) if (json_is_string(e) && !strcmp(json_string_value(e), option)) return true;
    return false;
}

/* The first name, with consent only; "Anonymous" otherwise. */
static void who(FILE *f, const consultation *k, const export_record *rec) {
    const char *name = NULL;
    bool consent = false;
    for (int i = 0; i < k->n_questions; i++) {
        const json_t *v = export_answer(rec, k->questions[i].id);
        if (k->questions[i].type == Q_FIRST_NAME && json_is_string(v)) name = json_string_value(v);
        if (k->questions[i].type == Q_CONSENT) consent = json_is_true(v);
    }
    if (consent && name && *name) html_text(f, name);
    else fputs("Anonymous", f);
}

static void text_list(qctx *c, const question *q) {
    const question *g = group_by(c->k, q);
    int groups = g ? g->n_options + 1 : 1;
    long total = 0;
    for (int gi = 0; gi < groups; gi++) {
        const char *option = g && gi < g->n_options ? g->options[gi].id : NULL;
        long n = 0;
        for (int pass = 0; pass < 2; pass++) {
            if (pass && !n) break;
            if (pass) {
                fputs("<section class=\"group\"><h4>", c->f);
                html_text(c->f, !g ? "All answers" : option ? g->options[gi].label : "No answer to that question");
                if (n < c->min_count) fprintf(c->f, " <span class=\"n\">(fewer than %ld)</span></h4>\n", c->min_count);
                else fprintf(c->f, " <span class=\"n\">(%ld)</span></h4>\n", n);
            }
            for (size_t i = 0; i < c->set->n; i++) {
                const export_record *r = &c->set->records[i];
                const json_t *v = export_answer(r, q->id);
                if (!of_consultation(r, c->k) || !json_is_string(v) || !*json_string_value(v)) continue;
                const json_t *gv = g ? export_answer(r, g->id) : NULL;
                bool here = !g || (option ? in_group(gv, option) : !json_is_string(gv) && !json_array_size(gv));
                if (!here) continue;
                if (!pass) {
                    n++;
                    continue;
                }
                fputs("<blockquote class=\"comment\"><p class=\"text\" dir=\"auto\">", c->f);
                html_text(c->f, json_string_value(v));
                fputs("</p><p class=\"who\">", c->f);
                who(c->f, c->k, r);
                fputs("</p></blockquote>\n", c->f);
            }
        }
        if (n) fputs("</section>\n", c->f);
        total += n;
    }
    if (g) {
        fputs("<p class=\"note\">Grouped by the answers to \"", c->f);
        html_text(c->f, g->title);
        fputs("\"; an answer under several of them is shown under each.</p>\n", c->f);
    }
    if (!total) fputs("<p>No answers were written.</p>\n", c->f);
}

void report_questions(FILE *f, const export_set *set, long min_count) {
    const config *cfg = set->cfg;
    for (int ci = 0; cfg && ci < cfg->n_consultations; ci++) {
        const consultation *k = &cfg->consultations[ci];
        long n = 0;
        for (size_t i = 0; i < set->n; i++) n += of_consultation(&set->records[i], k);
        if (!n) continue;
        qctx c = {f, set, k, min_count > 1 ? min_count : 1, ""};
        fprintf(f, "<section class=\"consultation\" id=\"c-%s\">\n<h2>", k->id);
        html_text(f, k->title);
        fputs("</h2>\n", f);
        count_line(f, n == 1 ? "response" : "responses", n, 1);
        for (int qi = 0; qi < k->n_questions; qi++) {
            const question *q = &k->questions[qi];
            snprintf(c.id, sizeof c.id, "q-%s-%s", k->id, q->id);
            fprintf(f, "<section class=\"question\">\n<h3>");
            html_text(f, q->label ? q->label : q->title);
            fprintf(f, " <span class=\"n\">(%s)</span></h3>\n", question_kind_of(q->type)->name);
            switch (q->type) {
            case Q_CHOICE:
            case Q_AGE_BAND: option_chart(&c, q, NULL); break;
            case Q_CHOICES: option_chart(&c, q, "A response may choose several."); break;
            case Q_CONSENT: option_chart(&c, q, NULL); break;
            case Q_FACES:
            case Q_SCALE: points_chart(&c, q); break;
            case Q_RANK: rank_table(&c, q); break;
            case Q_NUMBER: number_summary(&c, q); break;
            case Q_PLACE: heat_map(&c, q); break;
            case Q_TEXT: text_list(&c, q); break;
            case Q_POSTCODE_DISTRICT: option_chart(&c, q, "The first part of the postcode only."); break;
            case Q_FIRST_NAME: fputs("<p class=\"note\">First names are personal: they are shown only beside words "
                                     "their writers agreed may be quoted.</p>\n", f);
                break;
            case Q_TYPE_COUNT: break;
            }
            fputs("</section>\n", f);
        }
        fputs("</section>\n", f);
    }
}
