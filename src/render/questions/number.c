/* The number screen: a one-line box on the number pad, refused out of its range. */
#include "render/questions/question_view.h"

void question_screen_number(const slide_ctx *sc, const journey *j, const question *q, const answer *a,
                        draw_list *l, widget_list *w) {
    char buf[300];
    qview_typing(sc, j, l, w, q->title, q->hint ? q->hint : "", a->text ? a->text : "",
                 question_kind_of(q->type)->text_chars(q), false, qview_message(sc, j, q, buf, sizeof buf));
}
