/* The scale screen: a row of numbered points (0 to 10, 1 to 5...) with the words for the two
 * ends under them; a tap answers. Two rows on a portrait screen, so each stays a touch target. */
#include <stdio.h>

#include "render/questions/question_view.h"

void question_screen_scale(const slide_ctx *sc, const journey *j, const question *q, const answer *a,
                           draw_list *l, widget_list *w) {
    const config_theme *th = &sc->cfg->theme;
    int title_px = 0;
    pk_rect box = qview_chrome_px(sc, j, q->title, l, w, qview_skippable(j), true, &title_px);
    box = qview_hint_line(sc, j, q, q->hint, l, box, title_px);
    int n = q->max_value - q->min_value + 1;
    bool labels = q->low_label || q->high_label;
    pk_rect ends = labels ? rect_cut_bottom(&box, (int)(box.h * 0.3), sc->m.gap / 2) : (pk_rect){0};
    int rows = sc->m.portrait && n > 6 ? 2 : 1, cols = (n + rows - 1) / rows;
    int side = (box.w - (cols - 1) * sc->m.gap / 2) / cols;
    int cell_h = (box.h - (rows - 1) * sc->m.gap) / rows;
    if (cell_h > side * 3 / 2) cell_h = side * 3 / 2;
    int top = box.y + (box.h - (rows * cell_h + (rows - 1) * sc->m.gap)) / 2;
    int px = 0;
    for (int i = 0; i < n; i++) {
        int r = i / cols, c = i % cols;
        pk_rect cell = {box.x + c * (side + sc->m.gap / 2), top + r * (cell_h + sc->m.gap), side, cell_h};
        int v = q->min_value + i;
        bool on = a->given && a->value == v;
        draw_item *b = draw_list_add(l, DRAW_RECT, cell, on ? th->accent : th->surface);
        if (b) b->radius = (int)(sc->m.unit * 1.2);
        char num[12];
        snprintf(num, sizeof num, "%d", v);
        if (!px) px = text_fit(sc->text, FONT_BOLD, "10", cell.w * 3 / 4, cell.h * 2 / 3, 12, slides_px(sc, 8, 14), NULL);
        slides_text_at(sc, l, num, cell, FONT_BOLD, px, on ? th->accent_text : th->text, ALIGN_CENTER, true);
        widget_add(w, cell, W_POINT, v, NULL);
    }
    if (labels) {
        pk_rect lo = {ends.x, ends.y, ends.w / 2 - sc->m.gap / 2, ends.h};
        pk_rect hi = {ends.x + ends.w / 2 + sc->m.gap / 2, ends.y, ends.w / 2 - sc->m.gap / 2, ends.h};
        char buf[300];
        if (q->low_label) {
            snprintf(buf, sizeof buf, "%d: %s", q->min_value, q->low_label);
            slides_text(sc, l, buf, lo, FONT_REGULAR, 4.2, 2.4, th->text, ALIGN_LEFT, false);
        }
        if (q->high_label) {
            snprintf(buf, sizeof buf, "%d: %s", q->max_value, q->high_label);
            slides_text(sc, l, buf, hi, FONT_REGULAR, 4.2, 2.4, th->text, ALIGN_RIGHT, false);
        }
    }
}
