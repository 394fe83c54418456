/* You said: visitors' own words, after a person checked them. The question they answered on
 * top, a small "You said" label, then a page of approved quotes (content/live.h picks it:
 * newest first, turning a page each pass of the loop) as speech cards, each with its first name
 * (and age band) and, when it was written in another language than the one shown, that
 * language's own name; a footnote says they were shared with permission and checked.
 * A quote keeps its own direction: Urdu words read right to left in their card on an English
 * screen, English words left to right on an Urdu one (the text module lays out each text by its
 * first letter). With no live data only the heading is drawn (the loop skips the slide). */
#include <stdio.h>
#include <string.h>

#include "render/slides/slides.h"

#define PAGE 4 /* the most a page holds (slide.per_page 1-4) */

/* The language tag at the top end of a card: a pill sized to its words. */
static pk_rect tag_box(const slide_ctx *sc, pk_rect row, const char *name, int px) {
    int pad = (int)(sc->m.unit * 1.2) + 2;
    int w = text_measure(sc->text, FONT_BOLD, px, name, strlen(name)) + 2 * pad + 2;
    int h = text_line_height_for(sc->text, FONT_BOLD, px, name) + pad / 2;
    if (w > row.w) w = row.w;
    if (h > row.h) h = row.h;
    return (pk_rect){row.x + row.w - w, row.y, w, h};
}

/* The cards of a page of n quotes over box: their words and name rows. */
typedef struct page_boxes {
    pk_rect cells[PAGE], tags[PAGE], words[PAGE], whos[PAGE];
    int ww[PAGE], wh[PAGE];
} page_boxes;

/* tagged[i]: card i names its language in a row of its own over the words. */
static void page_layout(const slide_ctx *sc, pk_rect box, int n, const bool *tagged,
                        page_boxes *b) {
    int gap = sc->m.gap, pad = (int)(sc->m.unit * 2.2);
    int cols = layout_grid_cols(box, n, sc->m.portrait ? 2.4 : 1.6);
    int rows = (n + cols - 1) / cols;
    /* The name and tag rows hold a line at the designed size, with room to grow. */
    int who_h = text_line_height(sc->text, FONT_BOLD, layout_px(&sc->m, 3.4, 12)) * 5 / 4;
    int tag_h = text_line_height(sc->text, FONT_BOLD, layout_px(&sc->m, 2.8, 12)) * 5 / 4;
    for (int i = 0; i < n; i++) {
        b->cells[i] = rect_grid_cell(box, cols, rows, gap, i);
        pk_rect inner = rect_inset(b->cells[i], pad, pad);
        b->whos[i] =
            rect_cut_bottom(&inner, who_h < inner.h * 2 / 5 ? who_h : inner.h * 2 / 5, pad / 3);
        b->tags[i] = tagged[i]
                         ? rect_cut_top(&inner, tag_h < inner.h / 4 ? tag_h : inner.h / 4, pad / 4)
                         : (pk_rect){0};
        b->words[i] = inner;
        b->ww[i] = inner.w, b->wh[i] = inner.h;
    }
}

/* Whether every text fits its box at px (the test layout_check applies). */
static bool all_fit_at(const slide_ctx *sc, const char *const *t, const int *w, const int *h, int n,
                       int px) {
    for (int i = 0; i < n; i++)
        if (text_block_height(sc->text, FONT_BOLD, px, t[i], w[i]) > h[i] ||
            text_block_width(sc->text, FONT_BOLD, px, t[i], w[i]) > w[i])
            return false;
    return true;
}

void slide_you_said_layout(const slide_ctx *sc, const slide *s, draw_list *l) {
    const config *c = sc->cfg;
    const config_theme *th = &c->theme;
    slides_live_heading(sc, l, s);
    const live_quote *q[PAGE];
    int n = live_quotes_page(sc->live, c, s, q, PAGE);
    if (n == 0) return;
    pk_rect box = sc->fr.content;
    int gap = sc->m.gap, pad = (int)(sc->m.unit * 2.2);
    /* The label above and the footnote below take a line each at the designed size (boxes do
     * not change with the visitor's text size; the words grow into them). */
    const char *note_t = c->feedback.ui[UI_YOU_SAID_CHECKED];
    int label_h = text_line_height(sc->text, FONT_BOLD, layout_px(&sc->m, 3.4, 12)) * 5 / 4;
    int note_h =
        text_block_height(sc->text, FONT_REGULAR, layout_px(&sc->m, 2.8, 12), note_t, box.w) * 5 /
        4;
    if (label_h > box.h / 6) label_h = box.h / 6;
    if (note_h > box.h / 5) note_h = box.h / 5;
    pk_rect label = rect_cut_top(&box, label_h, gap / 2);
    pk_rect note = rect_cut_bottom(&box, note_h, gap / 2);
    slides_text(sc, l, c->feedback.ui[UI_YOU_SAID], label, FONT_BOLD, 3.4, 2.6, th->accent,
                ALIGN_LEFT, true);
    slides_text(sc, l, note_t, note, FONT_REGULAR, 2.8, 2.2, th->muted, ALIGN_LEFT, true);

    const char *wt[PAGE], *nt[PAGE], *lang[PAGE];
    char quoted[PAGE][LIVE_QUOTE_MAX_CHARS * 4 + 16], who[PAGE][200];
    for (int i = 0; i < n; i++) {
        snprintf(quoted[i], sizeof quoted[i], "\u201C%s\u201D", q[i]->text);
        wt[i] = quoted[i];
        nt[i] = live_quote_who(c, q[i], who[i], sizeof who[i]);
        lang[i] = live_quote_language(c, q[i]);
    }
    /* A page of long quotes that cannot be read on a small screen shows fewer cards (the rest
     * come on the next turns), rather than words too small or cut. */
    page_boxes b;
    bool tagged[PAGE];
    for (int i = 0; i < n; i++) tagged[i] = lang[i] != NULL;
    int floor_px = layout_px(&sc->m, 2.6, 12), wpx = 0;
    for (int k = n; k >= 1; k--) {
        page_layout(sc, box, k, tagged, &b);
        wpx = slides_fit_common(sc, FONT_BOLD, wt, b.ww, b.wh, k, k == 1 ? 7 : 5, 2.8);
        n = k;
        if (wpx >= floor_px && all_fit_at(sc, wt, b.ww, b.wh, k, wpx)) break;
    }
    /* Names share one size, tags another (never larger than the names). */
    int nw[PAGE], nh[PAGE], tw[PAGE], tph[PAGE];
    for (int i = 0; i < n; i++) {
        nw[i] = b.whos[i].w, nh[i] = b.whos[i].h;
        tw[i] = b.tags[i].w - 2 * pad, tph[i] = b.tags[i].h;
    }
    int npx = slides_fit_common(sc, FONT_BOLD, nt, nw, nh, n, 3.4, 2.6);
    int tpx = slides_fit_common(sc, FONT_BOLD, lang, tw, tph, n, 2.8, 2.6);
    if (tpx > npx) tpx = npx;
    for (int i = 0; i < n; i++) {
        slides_card(sc, l, b.cells[i]);
        slides_text_at(sc, l, wt[i], b.words[i], FONT_BOLD, wpx, th->text, ALIGN_LEFT, true);
        slides_text_at(sc, l, nt[i], b.whos[i], FONT_BOLD, npx, th->accent, ALIGN_LEFT, true);
        if (lang[i]) {
            pk_rect tag = tag_box(sc, b.tags[i], lang[i], tpx);
            draw_item *it = draw_list_add(l, DRAW_RECT, tag, th->background);
            if (it) it->radius = tag.h / 2;
            slides_text_at(sc, l, lang[i], tag, FONT_BOLD, tpx, th->muted, ALIGN_CENTER, true);
        }
    }
}
