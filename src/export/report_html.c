/* report_html: the report's building blocks (see report_html.h). */
#include "export/report_html.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/utf8.h"

/* ---- escaping -------------------------------------------------------------------------- */

/* Writes n bytes of UTF-8 text escaped for HTML/XML text and attribute values. Characters XML
 * 1.0 does not allow (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF) and stray bytes
 * become U+FFFD; CR is dropped (line ends are LF). */
void html_textn(FILE *f, const char *s, size_t n) {
    size_t run = 0; /* s[run..i) is plain text, written in one go when something breaks it */
    for (size_t i = 0; i < n;) {
        unsigned char b = (unsigned char)s[i];
        if (b >= 0x20 && b < 0x80 && b != '&' && b != '<' && b != '>' && b != '"' && b != '\'') {
            i++; /* most of any text: no need to decode */
            continue;
        }
        uint32_t cp;
        int len = utf8_decode(s + i, n - i, &cp);
        if (len <= 0) break;
        const char *instead = NULL;
        switch (cp) {
        case '&': instead = "&amp;"; break;
        case '<': instead = "&lt;"; break;
        case '>': instead = "&gt;"; break;
        case '"': instead = "&quot;"; break;
        case '\'': instead = "&#39;"; break;
        case '\r': instead = ""; break;
        default:
            /* XML's forbidden characters, and U+FFFD (also what a bad byte decodes to), whole */
            if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0xFFFE || cp == 0xFFFF ||
                cp == 0xFFFD)
                instead = "\xEF\xBF\xBD";
        }
        if (instead) {
            fwrite(s + run, 1, i - run, f);
            fputs(instead, f);
            run = i + (size_t)len;
        }
        i += (size_t)len;
    }
    fwrite(s + run, 1, n - run, f);
}

void html_text(FILE *f, const char *s) {
    if (s) html_textn(f, s, strlen(s));
}

/* ---- tallies --------------------------------------------------------------------------- */

bool grow(void *items, size_t *cap, size_t n, size_t size, size_t first) {
    if (n < *cap) return true;
    void *old, *grown;
    memcpy(&old, items, sizeof old); /* items is a T **: copied, not cast, to stay portable */
    size_t ncap = *cap ? *cap * 2 : first;
    if (!(grown = realloc(old, ncap * size))) return false;
    memcpy(items, &grown, sizeof grown);
    *cap = ncap;
    return true;
}

bar *tally_find(tally *t, const char *key) {
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->bars[i].key, key) == 0) return &t->bars[i];
    return NULL;
}

/* The bar for key, added with count 0 if new; NULL when memory runs out. */
bar *tally_bar(tally *t, const char *key, const char *label) {
    bar *found = tally_find(t, key);
    if (found) return found;
    if (!grow(&t->bars, &t->cap, t->n, sizeof *t->bars, 16)) return NULL;
    bar *b = &t->bars[t->n++];
    snprintf(b->key, sizeof b->key, "%s", key);
    snprintf(b->label, sizeof b->label, "%s", label ? label : key);
    b->count = b->rated = 0;
    b->rating_sum = 0;
    b->first = b->last = (pk_date){0};
    return b;
}

void tally_add(tally *t, const char *key, const char *label) {
    bar *b = tally_bar(t, key, label);
    if (b) b->count++;
}

int by_count_then_label(const void *pa, const void *pb) {
    const bar *a = pa, *b = pb;
    if (a->count != b->count) return a->count > b->count ? -1 : 1;
    return strcmp(a->label, b->label);
}

int by_key(const void *pa, const void *pb) {
    return strcmp(((const bar *)pa)->key, ((const bar *)pb)->key);
}

void tally_sort(tally *t, int (*cmp)(const void *, const void *)) {
    if (t->n > 1) qsort(t->bars, t->n, sizeof *t->bars, cmp);
}

/* ---- charts ---------------------------------------------------------------------------- */

#define CHART_W 640
#define LABEL_W 230 /* labels end here, right-aligned */
#define BAR_X 240
#define BAR_MAX 330
#define ROW_H 26
#define BAR_H 18
#define LABEL_CHARS 32 /* longer labels are cut with "…" in the chart; the bar's title has all */

/* Writes label, cut to LABEL_CHARS characters. */
void short_label(FILE *f, const char *label) {
    size_t n = strlen(label);
    if (utf8_count(label, n) <= LABEL_CHARS) {
        html_text(f, label);
        return;
    }
    size_t off = 0;
    for (int k = 0; k < LABEL_CHARS - 1 && off < n; k++) {
        uint32_t cp;
        off += (size_t)utf8_decode(label + off, n - off, &cp);
    }
    html_textn(f, label, off);
    fputs("\xE2\x80\xA6", f);
}

const char *count_str(long n, char *buf, size_t size) {
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%ld", n < 0 ? -n : n), o = 0;
    char out[48];
    if (n < 0) out[o++] = '-';
    for (int i = 0; i < len; i++) {
        if (i && (len - i) % 3 == 0) out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = '\0';
    snprintf(buf, size, "%s", out);
    return buf;
}

const char *count_words(long n, const char *one, const char *many, char *buf, size_t size) {
    char num[48];
    snprintf(buf, size, "%s %s", count_str(n, num, sizeof num), n == 1 ? one : many);
    return buf;
}

void chart(FILE *f, const char *id, const char *title, const tally *t, const char *note) {
    chart_min(f, id, title, t, note, 0);
}

/* What a bar says, into buf: its count, a small one (that could point at one person) as "fewer
 * than N"; or, for a chart of means, the mean with one decimal. */
static const char *bar_value(const bar *b, bool means, long min_count, char *buf, size_t size) {
    if (means && b->rated >= (min_count > 1 ? min_count : 1))
        snprintf(buf, size, "%.1f", b->rating_sum / (double)b->rated);
    else if (means && b->rated == 0)
        snprintf(buf, size, "no ratings");
    else if (means)
        snprintf(buf, size, "fewer than %ld ratings", min_count > 1 ? min_count : 1);
    else if (b->count > 0 && b->count < min_count)
        snprintf(buf, size, "fewer than %ld", min_count);
    else
        count_str(b->count, buf, size);
    return buf;
}

/* The bars of t, of counts or (max > 0) of means up to max, as one accessible SVG. */
static void bars_svg(FILE *f, const char *id, const char *title, const tally *t, const char *note,
                     long min_count, double max_mean) {
    bool means = max_mean > 0;
    long max = 0;
    for (size_t i = 0; i < t->n; i++)
        if (t->bars[i].count > max) max = t->bars[i].count;
    size_t rows = t->n ? t->n : 1;
    int height = (int)(rows * ROW_H) + 12;
    char value[64];

    fprintf(f, "<figure class=\"chart\" id=\"fig-%s\">\n<figcaption>", id);
    html_text(f, title);
    fputs("</figcaption>\n", f);
    fprintf(f,
            "<svg id=\"%s\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
            "aria-label=\"",
            id, CHART_W, height, CHART_W, height);
    html_text(f, title);
    for (size_t i = 0; i < t->n; i++) {
        fputs(i ? ", " : ": ", f);
        html_text(f, t->bars[i].label);
        fputc(' ', f);
        html_text(f, bar_value(&t->bars[i], means, min_count, value, sizeof value));
    }
    fputs("\">\n<title>", f);
    html_text(f, title);
    fputs("</title>\n", f);
    if (t->n == 0)
        fprintf(f, "<text x=\"%d\" y=\"%d\" class=\"empty\">No responses</text>\n", BAR_X,
                ROW_H / 2 + 6);
    for (size_t i = 0; i < t->n; i++) {
        const bar *b = &t->bars[i];
        int y = 6 + (int)i * ROW_H, w;
        if (means) {
            bool shown = b->rated >= (min_count > 1 ? min_count : 1);
            w = shown ? (int)(b->rating_sum / (double)b->rated * BAR_MAX / max_mean + 0.5) : 0;
        } else {
            /* A small count's bar does not give it away either: drawn as the threshold's. */
            long shown = b->count > 0 && b->count < min_count ? min_count - 1 : b->count;
            w = max ? (int)((double)shown * BAR_MAX / (double)(max > shown ? max : shown) + 0.5)
                    : 0;
            if (b->count > 0 && w < 2) w = 2;
        }
        int mid = y + BAR_H / 2;
        bar_value(b, means, min_count, value, sizeof value);
        fputs("<g>", f);
        fprintf(f, "<text x=\"%d\" y=\"%d\" dy=\"0.35em\" text-anchor=\"end\" class=\"label\">",
                LABEL_W, mid);
        short_label(f, b->label);
        fprintf(f, "</text><rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\">",
                BAR_X, y, w, BAR_H);
        fputs("<title>", f);
        html_text(f, b->label);
        fputs(": ", f);
        html_text(f, value);
        fprintf(f, "</title></rect><text x=\"%d\" y=\"%d\" dy=\"0.35em\" class=\"count\">",
                BAR_X + w + 6, mid);
        html_text(f, value);
        fputs("</text></g>\n", f);
    }
    fputs("</svg>\n", f);
    if (note) {
        fputs("<p class=\"note\">", f);
        html_text(f, note);
        fputs("</p>\n", f);
    }
    fputs("</figure>\n", f);
}

void chart_min(FILE *f, const char *id, const char *title, const tally *t, const char *note,
               long min_count) {
    bars_svg(f, id, title, t, note, min_count, 0);
}

void chart_means(FILE *f, const char *id, const char *title, const tally *t, double max,
                 const char *note, long min_count) {
    bars_svg(f, id, title, t, note, min_count, max > 0 ? max : 1);
}
