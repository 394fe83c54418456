/* Indicators: how the plan will know it is working, grouped by theme. Each indicator has an
 * arrow for its desired direction (more or fewer) and, when the config gives a series of
 * values, a small line chart with the latest value, so progress can be seen at a glance. */
#include <string.h>

#include "core/numfmt.h"
#include "render/slides/slides.h"

static void chart(const slide_ctx *sc, draw_list *l, const indicator *ind, pk_rect box, int px) {
    const config_theme *th = &sc->cfg->theme;
    char last[64];
    double v = ind->series[ind->n_series - 1];
    /* "22 days", "45%", "£12m": a word, a sign or a currency, each placed as people write it. */
    numfmt_with_unit(v, v == (long long)v ? 0 : 1, ind->unit, last, sizeof last);
    int lw = text_measure(sc->text, FONT_BOLD, px, last, strlen(last));
    int lh = text_line_height(sc->text, FONT_BOLD, px);
    if (lw > box.w / 2) lw = box.w / 2;
    pk_rect label = {box.x + box.w - lw, box.y + (box.h - lh) / 2, lw, lh};
    pk_rect plot = rect_inset((pk_rect){box.x, box.y, box.w - lw - sc->m.gap / 2, box.h}, 0, box.h / 8);
    double lo = ind->series[0], hi = ind->series[0];
    for (int i = 1; i < ind->n_series; i++) {
        if (ind->series[i] < lo) lo = ind->series[i];
        if (ind->series[i] > hi) hi = ind->series[i];
    }
    double span = hi > lo ? hi - lo : 1;
    int thick = (int)(sc->m.unit * 0.5) + 2;
    int px0 = 0, py0 = 0;
    for (int i = 0; i < ind->n_series; i++) {
        int x = plot.x + thick + (plot.w - 2 * thick) * i / (ind->n_series - 1);
        int y = plot.y + thick + (int)((plot.h - 2 * thick) * (1 - (ind->series[i] - lo) / span));
        if (i) {
            draw_item *it = draw_list_add(l, DRAW_LINE, (pk_rect){px0, py0, x - px0, y - py0}, th->accent);
            if (it) it->radius = thick;
        }
        px0 = x, py0 = y;
    }
    draw_item *d = draw_list_add(l, DRAW_CIRCLE, (pk_rect){px0 - thick, py0 - thick, 2 * thick, 2 * thick}, th->accent);
    if (d) d->radius = thick;
    slides_text_at(sc, l, last, label, FONT_BOLD, px, th->accent, ALIGN_RIGHT, true);
}

void slide_indicators_layout(const slide_ctx *sc, const slide *s, draw_list *l) {
    const config_theme *th = &sc->cfg->theme;
    slides_heading(sc, l, s->title);
    pk_rect box = sc->fr.content;
    int gap = sc->m.gap, pad = (int)(sc->m.unit * 2);
    if (s->intro)
        slides_text(sc, l, s->intro, rect_cut_top(&box, (int)(box.h * 0.14), gap), FONT_REGULAR,
                    4.4, 3.0, th->muted, ALIGN_LEFT, true);
    int g = s->n_groups;
    int cols = sc->m.portrait ? 1 : (g < 3 ? g : 3);
    int rows = (g + cols - 1) / cols;
    /* Every indicator of the slide gets one size, fitted to its own row. */
    enum { MAXI = CONFIG_MAX_GROUPS * CONFIG_MAX_INDICATORS };
    const char *texts[MAXI], *names[CONFIG_MAX_GROUPS];
    int tw[MAXI], th_[MAXI], nw[CONFIG_MAX_GROUPS], nh[CONFIG_MAX_GROUPS], n = 0;
    pk_rect cards[CONFIG_MAX_GROUPS], heads[CONFIG_MAX_GROUPS], rowsb[MAXI], charts[MAXI], arrows[MAXI];
    int arrow = (int)(sc->m.unit * 3.2) + 6;
    for (int gi = 0; gi < g; gi++) {
        const indicator_group *grp = &s->groups[gi];
        cards[gi] = rect_grid_cell(box, cols, rows, gap, gi);
        pk_rect inner = rect_inset(cards[gi], pad, pad);
        heads[gi] = rect_cut_top(&inner, (int)(inner.h * (sc->m.portrait ? 0.26 : 0.18)), pad / 2);
        names[gi] = grp->name;
        nw[gi] = heads[gi].w, nh[gi] = heads[gi].h;
        for (int i = 0; i < grp->n_items; i++, n++) {
            pk_rect row = rect_grid_cell(inner, 1, grp->n_items, pad / 2, i);
            arrows[n] = rect_cut_left(&row, arrow, pad / 2);
            arrows[n].h = arrow < arrows[n].h ? arrow : arrows[n].h;
            charts[n] = grp->items[i].n_series ? rect_cut_bottom(&row, row.h * 2 / 5, 0) : (pk_rect){0};
            rowsb[n] = row;
            texts[n] = grp->items[i].text;
            tw[n] = row.w, th_[n] = row.h;
        }
    }
    int hpx = slides_fit_common(sc, FONT_BOLD, names, nw, nh, g, 4.6, 2.8);
    int tpx = slides_fit_common(sc, FONT_REGULAR, texts, tw, th_, n, 4.0, 2.6);
    n = 0;
    for (int gi = 0; gi < g; gi++) {
        const indicator_group *grp = &s->groups[gi];
        slides_card(sc, l, cards[gi]);
        slides_text_at(sc, l, names[gi], heads[gi], FONT_BOLD, hpx, th->accent, ALIGN_LEFT, true);
        for (int i = 0; i < grp->n_items; i++, n++) {
            pk_rect a = arrows[n];
            int lh = text_line_height(sc->text, FONT_REGULAR, tpx);
            a.h = a.w = lh < a.w ? lh : a.w;
            slides_arrow(l, a, grp->items[i].more, th->text, (int)(sc->m.unit * 0.45) + 2);
            slides_text_at(sc, l, texts[n], rowsb[n], FONT_REGULAR, tpx, th->text, ALIGN_LEFT, false);
            if (grp->items[i].n_series >= 2) chart(sc, l, &grp->items[i], charts[n], tpx);
        }
    }
}
