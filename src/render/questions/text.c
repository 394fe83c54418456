/* The free-text screen: the question over a box of several lines and the keyboard. */
#include "render/questions/question_view.h"

void question_screen_text(const slide_ctx *sc, const journey *j, const question *q, const answer *a,
                        draw_list *l, widget_list *w) {
    char buf[300];
    qview_typing(sc, j, l, w, q->title, q->hint ? q->hint : "", a->text ? a->text : "",
                 question_kind_of(q->type)->text_chars(q), true, qview_message(sc, j, q, buf, sizeof buf));
}
