/* The choice screen: the options as cards; a tap chooses one and goes on. */
#include "render/questions/question_view.h"

void question_screen_choice(const slide_ctx *sc, const journey *j, const question *q, const answer *a,
                            draw_list *l, widget_list *w) {
    int title_px = 0;
    pk_rect box = qview_chrome_px(sc, j, q->title, l, w, qview_skippable(j), true, &title_px);
    box = qview_hint_line(sc, j, q, q->hint, l, box, title_px);
    int mark[CONSULT_MAX_OPTIONS] = {0};
    if (a->given && a->value >= 0 && a->value < q->n_options) mark[a->value] = -1;
    qview_option_cards(sc, q, mark, l, w, box);
}
