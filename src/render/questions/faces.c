/* The faces screen: five faces from a frown to a smile, each with its words; a tap answers. */
#include "render/questions/question_view.h"

void question_screen_faces(const slide_ctx *sc, const journey *j, const question *q, const answer *a,
                           draw_list *l, widget_list *w) {
    const config_theme *th = &sc->cfg->theme;
    int title_px = 0;
    pk_rect box = qview_chrome_px(sc, j, q->title, l, w, qview_skippable(j), true, &title_px);
    box = qview_hint_line(sc, j, q, q->hint, l, box, title_px);
    int n = q->n_options;
    int cols = sc->m.portrait ? 1 : n, rows = sc->m.portrait ? n : 1;
    for (int i = 0; i < n; i++) {
        pk_rect cell = rect_grid_cell(box, cols, rows, sc->m.gap, i);
        bool on = a->given && a->value == i + 1;
        draw_item *b = draw_list_add(l, DRAW_RECT, cell, on ? th->surface : th->background);
        if (b) b->radius = (int)(sc->m.unit * 1.5);
        pk_rect inner = rect_inset(cell, sc->m.gap / 2, sc->m.gap / 2);
        pk_rect label = sc->m.portrait ? inner : rect_cut_bottom(&inner, (int)(inner.h * 0.3), sc->m.gap / 2);
        pk_rect fb = sc->m.portrait ? rect_cut_left(&label, inner.h, sc->m.gap) : inner;
        qview_face(sc, l, fb, i + 1, on);
        slides_text(sc, l, q->options[i].label, label, FONT_BOLD, 4.4, 2.6, on ? th->accent : th->text,
                    sc->m.portrait ? ALIGN_LEFT : ALIGN_CENTER, true);
        widget_add(w, cell, W_POINT, i + 1, NULL);
    }
}
