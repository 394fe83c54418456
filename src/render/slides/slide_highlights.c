/* Highlights: big numbers on cards, counting up when the slide appears, each with a caption.
 * All numbers on a slide share one size, all captions another, so the cards read as a set. */
#include "render/slides/slides.h"

#include "core/numfmt.h"

/* Largest px at which every formatted number fits w x h on one line. */
static int number_px(const slide_ctx *sc, const slide *s, int w, int h) {
    int lo = 10, hi = slides_px(sc, 16, 12);
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        bool ok = text_line_height(sc->text, FONT_BOLD, mid) <= h;
        for (int i = 0; ok && i < s->n_highlights; i++) {
            const highlight *hl = &s->highlights[i];
            char buf[96];
            numfmt_format(hl->value, hl->decimals, hl->prefix, hl->suffix, buf, sizeof buf);
            ok = text_glyphs_width(sc->text, FONT_BOLD, mid, buf) <= w;
        }
        if (ok)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

void slide_highlights_layout(const slide_ctx *sc, const slide *s, draw_list *l) {
    const config_theme *th = &sc->cfg->theme;
    slides_heading(sc, l, s->title);
    pk_rect box = sc->fr.content;
    int n = s->n_highlights, gap = sc->m.gap;
    int cols = layout_grid_cols(box, n, sc->m.portrait ? 2.2 : 1.25);
    int rows = (n + cols - 1) / cols;
    int pad = (int)(sc->m.unit * 2.5);
    pk_rect cells[CONFIG_MAX_HIGHLIGHTS] = {{0}}, nums[CONFIG_MAX_HIGHLIGHTS] = {{0}}, caps[CONFIG_MAX_HIGHLIGHTS] = {{0}};
    const char *texts[CONFIG_MAX_HIGHLIGHTS];
    int widths[CONFIG_MAX_HIGHLIGHTS] = {0}, heights[CONFIG_MAX_HIGHLIGHTS] = {0};
    for (int i = 0; i < n; i++) {
        cells[i] = rect_grid_cell(box, cols, rows, gap, i);
        pk_rect inner = rect_inset(cells[i], pad, pad);
        nums[i] = rect_cut_top(&inner, (int)(inner.h * 0.46), sc->m.gap / 2);
        caps[i] = inner;
        texts[i] = s->highlights[i].caption;
        widths[i] = caps[i].w;
        heights[i] = caps[i].h;
    }
    int npx = number_px(sc, s, nums[0].w, nums[0].h);
    int cpx = slides_fit_common(sc, FONT_REGULAR, texts, widths, heights, n, 5.5, 3.4);
    for (int i = 0; i < n; i++) {
        const highlight *hl = &s->highlights[i];
        slides_card(sc, l, cells[i]);
        int lh = text_line_height(sc->text, FONT_BOLD, npx);
        pk_rect nb = {nums[i].x, nums[i].y + nums[i].h - lh, nums[i].w, lh};
        draw_item *it = draw_list_add(l, DRAW_NUMBER, nb, th->accent);
        if (it) {
            it->font = FONT_BOLD;
            it->px = npx;
            it->align = ALIGN_LEFT;
            it->value = hl->value;
            it->decimals = hl->decimals;
            it->str = draw_list_str(l, hl->prefix);
            it->str2 = draw_list_str(l, hl->suffix);
            it->text_h = lh;
        }
        slides_text_at(sc, l, hl->caption, caps[i], FONT_REGULAR, cpx, th->text, ALIGN_LEFT, false);
    }
}
