/* The age screen: the bands as buttons; a tap answers. */
#include "render/questions/question_view.h"

void question_screen_age_band(const slide_ctx *sc, const journey *j, const question *q, const answer *a,
                              draw_list *l, widget_list *w) {
    int title_px = 0;
    pk_rect box = qview_chrome_px(sc, j, q->title, l, w, qview_skippable(j), true, &title_px);
    box = qview_hint_line(sc, j, q, q->hint, l, box, title_px);
    const char *labels[CONSULT_MAX_OPTIONS];
    for (int i = 0; i < q->n_options; i++) labels[i] = q->options[i].label;
    qview_button_grid(sc, l, w, box, q->n_options, labels, a->given ? a->value : -1, W_OPTION);
}
