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
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int len = utf8_decode(s + i, n - i, &cp);
        if (len <= 0) break;
        switch (cp) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        case '\r': break;
        default:
            if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0xFFFE || cp == 0xFFFF)
                fputs("\xEF\xBF\xBD", f);
            else if (cp == 0xFFFD) /* also what a bad byte decodes to: write it whole */
                fputs("\xEF\xBF\xBD", f);
            else
                fwrite(s + i, 1, (size_t)len, f);
        }
        i += (size_t)len;
    }
}

void html_text(FILE *f, const char *s) {
    if (s) html_textn(f, s, strlen(s));
}

/* ---- tallies --------------------------------------------------------------------------- */



/* The bar for key, added with count 0 if new; NULL when memory runs out. */
bar *tally_bar(tally *t, const char *key, const char *label) {
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->bars[i].key, key) == 0) return &t->bars[i];
    if (t->n == t->cap) {
        size_t ncap = t->cap ? t->cap * 2 : 16;
        bar *grown = realloc(t->bars, ncap * sizeof *grown);
        if (!grown) return NULL;
        t->bars = grown;
        t->cap = ncap;
    }
    bar *b = &t->bars[t->n++];
    snprintf(b->key, sizeof b->key, "%s", key);
    snprintf(b->label, sizeof b->label, "%s", label ? label : key);
    b->count = 0;
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

void chart(FILE *f, const char *id, const char *title, const tally *t, const char *note) {
    chart_min(f, id, title, t, note, 0);
}

/* A count a reader may see: small ones (that could point at one person) as "fewer than N". */
static void count_text(FILE *f, long count, long min_count) {
    if (count > 0 && count < min_count) fprintf(f, "fewer than %ld", min_count);
    else fprintf(f, "%ld", count);
}

void chart_min(FILE *f, const char *id, const char *title, const tally *t, const char *note, long min_count) {
    long max = 0;
    for (size_t i = 0; i < t->n; i++)
        if (t->bars[i].count > max) max = t->bars[i].count;
    size_t rows = t->n ? t->n : 1;
    int height = (int)(rows * ROW_H) + 12;

    fputs("<figure class=\"chart\">\n<figcaption>", f);
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
        count_text(f, t->bars[i].count, min_count);
    }
    fputs("\">\n<title>", f);
    html_text(f, title);
    fputs("</title>\n", f);
    if (t->n == 0)
        fprintf(f, "<text x=\"%d\" y=\"%d\" class=\"empty\">No responses</text>\n", BAR_X,
                ROW_H / 2 + 6);
    for (size_t i = 0; i < t->n; i++) {
        const bar *b = &t->bars[i];
        int y = 6 + (int)i * ROW_H;
        /* A small count's bar does not give it away either: drawn as the threshold's. */
        long shown = b->count > 0 && b->count < min_count ? min_count - 1 : b->count;
        int w = max ? (int)((double)shown * BAR_MAX / (double)(max > shown ? max : shown) + 0.5) : 0;
        if (b->count > 0 && w < 2) w = 2;
        int mid = y + BAR_H / 2;
        fputs("<g>", f);
        fprintf(f, "<text x=\"%d\" y=\"%d\" dy=\"0.35em\" text-anchor=\"end\" class=\"label\">",
                LABEL_W, mid);
        short_label(f, b->label);
        fprintf(f, "</text><rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\">",
                BAR_X, y, w, BAR_H);
        fputs("<title>", f);
        html_text(f, b->label);
        fputs(": ", f);
        count_text(f, b->count, min_count);
        fprintf(f, "</title></rect><text x=\"%d\" y=\"%d\" dy=\"0.35em\" class=\"count\">", BAR_X + w + 6, mid);
        count_text(f, b->count, min_count);
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

