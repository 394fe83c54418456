/* Quotes: what people said, in their words, with first name and age. Up to four on a slide as
 * speech cards; one quote alone gets the whole screen. */
#include <stdio.h>
#include <string.h>

#include "content/content.h"
#include "render/slides/slides.h"

void slide_quote_layout(const slide_ctx *sc, const slide *s, draw_list *l) {
    const config_theme *th = &sc->cfg->theme;
    pk_rect box = sc->fr.content;
    if (s->title)
        slides_heading(sc, l, s->title);
    else
        box = (pk_rect){box.x, sc->fr.title.y, box.w, box.y + box.h - sc->fr.title.y};
    int gap = sc->m.gap, pad = (int)(sc->m.unit * 2.5);
    if (s->intro)
        slides_text(sc, l, s->intro, rect_cut_top(&box, (int)(box.h * 0.14), gap), FONT_REGULAR,
                    4.4, 3.0, th->muted, ALIGN_LEFT, true);
    int n = s->n_quotes;
    int cols = layout_grid_cols(box, n, sc->m.portrait ? 2.4 : 1.8);
    int rows = (n + cols - 1) / cols;
    pk_rect cells[CONFIG_MAX_QUOTES], quotes[CONFIG_MAX_QUOTES], whos[CONFIG_MAX_QUOTES];
    const char *qt[CONFIG_MAX_QUOTES], *wt[CONFIG_MAX_QUOTES];
    char quoted[CONFIG_MAX_QUOTES][600], who[CONFIG_MAX_QUOTES][160];
    int qw[CONFIG_MAX_QUOTES], qh[CONFIG_MAX_QUOTES], ww[CONFIG_MAX_QUOTES], wh[CONFIG_MAX_QUOTES];
    for (int i = 0; i < n; i++) {
        const quote *q = &s->quotes[i];
        cells[i] = rect_grid_cell(box, cols, rows, gap, i);
        pk_rect inner = rect_inset(cells[i], pad, pad);
        whos[i] = rect_cut_bottom(&inner, (int)(inner.h * 0.28), pad / 4);
        quotes[i] = inner;
        snprintf(quoted[i], sizeof quoted[i], "\u201C%s\u201D", q->text);
        content_quote_who(sc->cfg, q, who[i], sizeof who[i]);
        qt[i] = quoted[i], wt[i] = who[i];
        qw[i] = quotes[i].w, qh[i] = quotes[i].h, ww[i] = whos[i].w, wh[i] = whos[i].h;
    }
    int qpx = slides_fit_common(sc, FONT_BOLD, qt, qw, qh, n, n == 1 ? 9 : 6, 3.2);
    int wpx = slides_fit_common(sc, FONT_REGULAR, wt, ww, wh, n, 4.2, 2.8);
    for (int i = 0; i < n; i++) {
        slides_card(sc, l, cells[i]);
        slides_text_at(sc, l, qt[i], quotes[i], FONT_BOLD, qpx, th->text, ALIGN_LEFT, true);
        slides_text_at(sc, l, wt[i], whos[i], FONT_REGULAR, wpx, th->accent, ALIGN_LEFT, true);
    }
}
