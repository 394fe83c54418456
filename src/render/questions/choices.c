/* The choices screen: the options as cards, each tap ticks or unticks one, then Next. */
#include "render/questions/question_view.h"

void question_screen_choices(const slide_ctx *sc, const journey *j, const question *q, const answer *a,
                             draw_list *l, widget_list *w) {
    int title_px = 0;
    pk_rect box = qview_chrome_px(sc, j, q->title, l, w, qview_skippable(j), true, &title_px);
    char hint[200];
    const char *h = q->hint;
    if (!h) h = q->max > 0 ? ui_text_fill(hint, sizeof hint, qview_ui(sc, UI_CHOICES_HINT), q->max, 0)
                           : qview_ui(sc, UI_CHOICE_HINT);
    box = qview_hint_line(sc, j, q, h, l, box, title_px);
    int mark[CONSULT_MAX_OPTIONS] = {0};
    for (int i = 0; i < q->n_options; i++) mark[i] = (a->picked >> i) & 1 ? -1 : 0;
    qview_option_cards(sc, q, mark, l, w, box);
}
