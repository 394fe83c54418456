/* The consent screen: the consultation's privacy notice, then "May we quote you?" with Yes and
 * No. At larger text the notice has a page of its own first (journey.notice_page). */
#include "render/questions/question_view.h"

void question_screen_consent(const slide_ctx *sc, const journey *j, const question *q, const answer *a,
                             draw_list *l, widget_list *w) {
    const config_theme *th = &sc->cfg->theme;
    const char *notice = j->consult->privacy_notice;
    pk_rect box = qview_chrome(sc, j, q->title, l, w, qview_skippable(j), true);
    pk_rect inset = {(int)(sc->m.unit * 2), (int)(sc->m.unit * 1.2), 0, 0};
    if (j->notice_page) {
        /* Larger text: the notice alone, as large as the whole box lets it be; Next goes on. */
        slides_card(sc, l, box);
        slides_text(sc, l, notice, rect_inset(box, inset.x, inset.y), FONT_REGULAR, 4.2, 2.6, th->text, ALIGN_LEFT, true);
        return;
    }
    if (!j->notice_apart) {
        pk_rect card = rect_cut_top(&box, (int)(box.h * 0.5), sc->m.gap);
        slides_card(sc, l, card);
        slides_text(sc, l, notice, rect_inset(card, inset.x, inset.y), FONT_REGULAR, 4.2, 2.6, th->text, ALIGN_LEFT, true);
    }
    /* The question over the Yes and No buttons (the whole box once the notice had its page). */
    pk_rect ask = rect_cut_top(&box, (int)(box.h * (j->notice_apart ? 0.5 : 0.4)), sc->m.gap / 2);
    slides_text(sc, l, q->hint, ask, FONT_BOLD, 5, 3, th->text, ALIGN_LEFT, true);
    pk_rect yes = rect_grid_cell(box, 2, 1, sc->m.gap, 0), no = rect_grid_cell(box, 2, 1, sc->m.gap, 1);
    int v = a->given ? a->value : -1;
    qview_button(sc, l, w, yes, qview_ui(sc, UI_YES), v == 1 ? BTN_SELECTED : BTN_PLAIN, W_CONSENT, 1);
    qview_button(sc, l, w, no, qview_ui(sc, UI_NO), v == 0 ? BTN_SELECTED : BTN_PLAIN, W_CONSENT, 0);
}
