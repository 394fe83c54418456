/* The table of question screens, and what comes before any of them: the "Something else"
 * box (a typing page of its own after the choice). */
#include "render/questions/question_view.h"

#include <string.h>

static const question_screen_fn screens[Q_TYPE_COUNT] = {
    [Q_CHOICE] = question_screen_choice,         [Q_CHOICES] = question_screen_choices,
    [Q_FACES] = question_screen_faces,           [Q_SCALE] = question_screen_scale,
    [Q_RANK] = question_screen_rank,             [Q_TEXT] = question_screen_text,
    [Q_NUMBER] = question_screen_number,         [Q_PLACE] = question_screen_place,
    [Q_FIRST_NAME] = question_screen_first_name, [Q_AGE_BAND] = question_screen_age_band,
    [Q_POSTCODE_DISTRICT] = question_screen_postcode_district, [Q_CONSENT] = question_screen_consent,
};

void question_view_layout(const slide_ctx *sc, const journey *j, draw_list *l, widget_list *w) {
    const question *q = journey_question(j);
    const answer *a = journey_answer(j);
    if (!q || q->type >= Q_TYPE_COUNT) return;
    if (j->other_page) {
        char buf[300];
        qview_typing(sc, j, l, w, q->other_title ? q->other_title : qview_ui(sc, UI_OTHER_TITLE), "",
                     a->text ? a->text : "", question_kind_of(q->type)->text_chars(q), true,
                     qview_message(sc, j, q, buf, sizeof buf));
        return;
    }
    screens[q->type](sc, j, q, a, l, w);
}
