/* The rank screen: the options as cards; tapping them in turn numbers them 1, 2, 3; tapping
 * a numbered one takes it out. */
#include "render/questions/question_view.h"

void question_screen_rank(const slide_ctx *sc, const journey *j, const question *q, const answer *a,
                          draw_list *l, widget_list *w) {
    int title_px = 0;
    pk_rect box = qview_chrome_px(sc, j, q->title, l, w, qview_skippable(j), true, &title_px);
    box = qview_hint_line(sc, j, q, q->hint, l, box, title_px);
    int mark[CONSULT_MAX_OPTIONS] = {0};
    for (int k = 0; k < a->n_order; k++) mark[(int)a->order[k]] = k + 1;
    qview_option_cards(sc, q, mark, l, w, box);
}
