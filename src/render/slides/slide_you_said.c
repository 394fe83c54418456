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

/* The language tag at the end of a card's name row: a pill sized to its words. */
static pk_rect tag_box(const slide_ctx *sc, pk_rect row, const char *name, int px) {
    int pad = (int)(sc->m.unit * 1.2) + 2;
    int w = text_measure(sc->text, FONT_BOLD, px, name, strlen(name)) + 2 * pad + 2;
    int h = text_line_height_for(sc->text, FONT_BOLD, px, name) + pad / 2;
    if (w > row.w / 2) w = row.w / 2;
    if (h > row.h) h = row.h;
    return (pk_rect){row.x + row.w - w, row.y + (row.h - h) / 2, w, h};
}

void slide_you_said_layout(const slide_ctx *sc, const slide *s, draw_list *l) {
    const config *c = sc->cfg;
    const config_theme *th = &c->theme;
    char title[256];
    slides_heading(sc, l, live_slide_title(c, s, sc->as_of, title, sizeof title));
    const live_quote *q[PAGE];
    int n = live_quotes_page(sc->live, c, s, q, PAGE);
    if (n == 0) return;
    pk_rect box = sc->fr.content;
    int gap = sc->m.gap, pad = (int)(sc->m.unit * 2.2);
    /* The label above and the footnote below take a line each, sized to the visitor's text. */
    int label_h = text_line_height(sc->text, FONT_BOLD, slides_px(sc, 3.4, 12)) + gap / 4;
    int note_h = text_block_height(sc->text, FONT_REGULAR, slides_px(sc, 2.8, 12),
                                   c->feedback.ui[UI_YOU_SAID_CHECKED], box.w) +
                 gap / 4;
    if (label_h > box.h / 6) label_h = box.h / 6;
    if (note_h > box.h / 5) note_h = box.h / 5;
    pk_rect label = rect_cut_top(&box, label_h, gap / 2);
    pk_rect note = rect_cut_bottom(&box, note_h, gap / 2);
    slides_text(sc, l, c->feedback.ui[UI_YOU_SAID], label, FONT_BOLD, 3.4, 2.6, th->accent,
                ALIGN_LEFT, true);
    slides_text(sc, l, c->feedback.ui[UI_YOU_SAID_CHECKED], note, FONT_REGULAR, 2.8, 2.2, th->muted,
                ALIGN_LEFT, true);

    int cols = layout_grid_cols(box, n, sc->m.portrait ? 2.4 : 1.6);
    int rows = (n + cols - 1) / cols;
    pk_rect cells[PAGE], words[PAGE], whos[PAGE];
    const char *wt[PAGE], *nt[PAGE], *lang[PAGE];
    char quoted[PAGE][LIVE_QUOTE_MAX_CHARS * 4 + 16], who[PAGE][200];
    int ww[PAGE], wh[PAGE], nw[PAGE], nh[PAGE];
    /* The name row is one line of the name's size: tall enough for it at the visitor's text. */
    int who_h = text_line_height(sc->text, FONT_BOLD, slides_px(sc, 3.4, 12)) + pad / 2;
    for (int i = 0; i < n; i++) {
        cells[i] = rect_grid_cell(box, cols, rows, gap, i);
        pk_rect inner = rect_inset(cells[i], pad, pad);
        int h = who_h < inner.h * 2 / 5 ? who_h : inner.h * 2 / 5;
        whos[i] = rect_cut_bottom(&inner, h, pad / 3);
        words[i] = inner;
        snprintf(quoted[i], sizeof quoted[i], "\u201C%s\u201D", q[i]->text);
        wt[i] = quoted[i];
        nt[i] = live_quote_who(c, q[i], who[i], sizeof who[i]);
        lang[i] = live_quote_language(c, q[i]);
        ww[i] = words[i].w, wh[i] = words[i].h, nh[i] = whos[i].h, nw[i] = whos[i].w;
    }
    int wpx = slides_fit_common(sc, FONT_BOLD, wt, ww, wh, n, n == 1 ? 7 : 5, 2.8);
    /* Names and tags share one size; the tag takes the end of the row, the name the rest. */
    const char *tag_t[PAGE];
    int tw[PAGE], tph[PAGE];
    for (int i = 0; i < n; i++) {
        tag_t[i] = lang[i];
        tw[i] = whos[i].w / 2 - pad, tph[i] = whos[i].h;
    }
    int npx = slides_fit_common(sc, FONT_BOLD, nt, nw, nh, n, 3.4, 2.4);
    int tpx = slides_fit_common(sc, FONT_BOLD, tag_t, tw, tph, n, 3.0, 2.2);
    if (tpx > npx) tpx = npx;
    pk_rect tags[PAGE] = {{0}};
    for (int i = 0; i < n; i++) {
        if (!lang[i]) continue;
        tags[i] = tag_box(sc, whos[i], lang[i], tpx);
        nw[i] = whos[i].w - tags[i].w - pad / 2;
    }
    npx = slides_fit_common(sc, FONT_BOLD, nt, nw, nh, n, npx / (sc->m.unit * sc->text_scale), 2.4);
    for (int i = 0; i < n; i++) {
        slides_card(sc, l, cells[i]);
        slides_text_at(sc, l, wt[i], words[i], FONT_BOLD, wpx, th->text, ALIGN_LEFT, true);
        pk_rect name = {whos[i].x, whos[i].y, nw[i], whos[i].h};
        slides_text_at(sc, l, nt[i], name, FONT_BOLD, npx, th->accent, ALIGN_LEFT, true);
        if (lang[i]) {
            draw_item *it = draw_list_add(l, DRAW_RECT, tags[i], th->background);
            if (it) it->radius = tags[i].h / 2;
            slides_text_at(sc, l, lang[i], tags[i], FONT_BOLD, tpx, th->muted, ALIGN_CENTER, true);
        }
    }
}
