/* The title slide: the plan's name large, its subtitle, who made it. */
#include "render/slides/slides.h"

void slide_title_layout(const slide_ctx *sc, const slide *s, draw_list *l) {
    const config_theme *th = &sc->cfg->theme;
    pk_rect area = {sc->fr.title.x, sc->fr.title.y, sc->fr.title.w,
                    sc->fr.content.y + sc->fr.content.h - sc->fr.title.y};
    area = rect_inset(area, (int)(sc->m.unit * 4), 0);
    int gap = sc->m.gap;
    pk_rect footer = s->footer ? rect_cut_bottom(&area, (int)(area.h * 0.16), gap) : (pk_rect){0};
    pk_rect title = rect_cut_top(&area, (int)(area.h * (s->subtitle ? 0.58 : 1.0)), gap);
    int bar = (int)(sc->m.unit * 1.2) + 1;
    pk_rect rule = rect_cut_top(&area, bar, gap);
    rule.w = (int)(sc->m.unit * 20);
    slides_text(sc, l, s->title, title, FONT_BOLD, 16, 7, th->text, ALIGN_LEFT, true);
    if (s->subtitle) {
        draw_item *r = draw_list_add(l, DRAW_RECT, rule, th->accent);
        if (r) r->radius = bar / 2;
        slides_text(sc, l, s->subtitle, area, FONT_REGULAR, 9, 4.5, th->accent, ALIGN_LEFT, false);
    }
    if (s->footer) slides_text(sc, l, s->footer, footer, FONT_REGULAR, 4.5, 3.2, th->muted, ALIGN_LEFT, true);
}
