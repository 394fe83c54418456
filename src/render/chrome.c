#include "render/chrome.h"

void chrome_layout(const slide_ctx *sc, const chrome_state *st, draw_list *l) {
    const config_theme *th = &sc->cfg->theme;
    draw_list_clear(l);
    pk_rect dots = sc->fr.dots, button = sc->fr.button;
    if (st->paused) {
        slides_text(sc, l, sc->cfg->feedback.paused_hint, dots, FONT_BOLD, 4.2, 2.8, th->accent,
                    ALIGN_LEFT, true);
    } else if (st->n_slides > 1) {
        /* Dots shrink to fit many slides; the current one is larger and in the accent colour. */
        int n = st->n_slides;
        int pitch = dots.w / n;
        int max_pitch = (int)(sc->m.unit * 4.5);
        if (pitch > max_pitch) pitch = max_pitch;
        int d = pitch * 5 / 10;
        if (d < 4) d = 4;
        for (int i = 0; i < n; i++) {
            bool cur = i == st->current;
            int size = cur ? d + d / 2 : d;
            if (size > pitch - 1) size = pitch - 1 > 2 ? pitch - 1 : 2;
            int cx = dots.x + i * pitch + pitch / 2, cy = dots.y + dots.h / 2;
            draw_item *it = draw_list_add(l, DRAW_CIRCLE,
                                          (pk_rect){cx - size / 2, cy - size / 2, size, size},
                                          cur ? th->accent : th->muted);
            if (it) it->radius = size / 2;
        }
    }
    if (st->language) {
        pk_rect lb = sc->fr.lang_button;
        draw_item *r = draw_list_add(l, DRAW_RECT, lb, th->surface);
        if (r) r->radius = lb.h / 2;
        slides_text(sc, l, st->language, rect_inset(lb, lb.h / 3, lb.h / 8), FONT_BOLD, 5, 3,
                    th->text, ALIGN_CENTER, true);
    }
    draw_item *b = draw_list_add(l, DRAW_RECT, button, th->accent);
    if (b) b->radius = button.h / 2;
    slides_text(sc, l, sc->cfg->feedback.button, rect_inset(button, button.h / 3, button.h / 8),
                FONT_BOLD, 6, 3.5, th->accent_text, ALIGN_CENTER, true);
}
