/* Themes: the plan's game changers as cards, each with its icon, name and a short summary. */
#include "render/slides/slides.h"

void slide_themes_layout(const slide_ctx *sc, const slide *s, draw_list *l) {
    const config *c = sc->cfg;
    const config_theme *th = &c->theme;
    slides_heading(sc, l, s->title);
    pk_rect box = sc->fr.content;
    int gap = sc->m.gap, pad = (int)(sc->m.unit * 2);
    if (s->intro) {
        int h = (int)(box.h * 0.16);
        slides_text(sc, l, s->intro, rect_cut_top(&box, h, gap), FONT_REGULAR, 4.6, 3.2, th->muted,
                    ALIGN_LEFT, true);
    }
    int n = c->n_themes;
    int cols = layout_grid_cols(box, n, sc->m.portrait ? 3.0 : 1.6);
    int rows = (n + cols - 1) / cols;
    pk_rect cells[CONFIG_MAX_THEMES], names[CONFIG_MAX_THEMES], sums[CONFIG_MAX_THEMES],
        icons[CONFIG_MAX_THEMES];
    const char *name_t[CONFIG_MAX_THEMES], *sum_t[CONFIG_MAX_THEMES];
    int nw[CONFIG_MAX_THEMES], nh[CONFIG_MAX_THEMES], sw[CONFIG_MAX_THEMES], sh[CONFIG_MAX_THEMES];
    for (int i = 0; i < n; i++) {
        cells[i] = rect_grid_cell(box, cols, rows, gap, i);
        pk_rect inner = rect_inset(cells[i], pad, pad);
        int icon = inner.h * 0.42 < inner.w * 0.3 ? (int)(inner.h * 0.42) : (int)(inner.w * 0.3);
        pk_rect head = rect_cut_top(&inner, icon, pad / 2);
        icons[i] = rect_cut_left(&head, icon, pad);
        names[i] = head;
        sums[i] = inner;
        name_t[i] = c->themes[i].name;
        sum_t[i] = c->themes[i].summary;
        nw[i] = names[i].w, nh[i] = names[i].h, sw[i] = sums[i].w, sh[i] = sums[i].h;
    }
    int spx = slides_fit_common(sc, FONT_REGULAR, sum_t, sw, sh, n, 4.2, 2.8);
    int npx = slides_fit_common(sc, FONT_BOLD, name_t, nw, nh, n, 5.0, 3.0);
    if (spx < layout_px(&sc->m, 2.8, 12) || npx < layout_px(&sc->m, 2.6, 12)) {
        /* Summaries (or names beside them) too small to read: names only, larger, with the
         * whole card. */
        for (int i = 0; i < n; i++) {
            sum_t[i] = NULL;
            pk_rect inner = rect_inset(cells[i], pad, pad);
            if (inner.h > inner.w) {
                /* A tall narrow card (large text leaves less height): the icon above the name,
                 * so the name has the card's whole width. */
                int icon = inner.w / 2 < inner.h / 3 ? inner.w / 2 : inner.h / 3;
                pk_rect top = rect_cut_top(&inner, icon, pad);
                icons[i] = (pk_rect){top.x + (top.w - icon) / 2, top.y, icon, icon};
            } else {
                int icon = inner.h < inner.w / 3 ? inner.h : inner.w / 3;
                icons[i] = rect_cut_left(&inner, icon, pad);
                icons[i].y += (icons[i].h - icon) / 2, icons[i].h = icon;
            }
            names[i] = inner;
            nw[i] = inner.w, nh[i] = inner.h;
        }
        npx = slides_fit_common(sc, FONT_BOLD, name_t, nw, nh, n, 5.0, 3.0);
    }
    for (int i = 0; i < n; i++) {
        slides_card(sc, l, cells[i]);
        if (c->themes[i].icon) {
            draw_item *it = draw_list_add(l, DRAW_IMAGE, icons[i], th->text);
            if (it) it->str = draw_list_str(l, c->themes[i].icon), it->tint = true;
        }
        slides_text_at(sc, l, name_t[i], names[i], FONT_BOLD, npx, th->accent, ALIGN_LEFT, true);
        if (sum_t[i]) slides_text_at(sc, l, sum_t[i], sums[i], FONT_REGULAR, spx, th->text, ALIGN_LEFT, false);
    }
}
