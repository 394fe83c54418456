/* Call to action: the question asked big, a line of encouragement, and a large button that
 * starts the feedback journey (its place comes from the frame, so taps hit what is drawn). */
#include "render/slides/slides.h"

void slide_call_to_action_layout(const slide_ctx *sc, const slide *s, draw_list *l) {
    const config_theme *th = &sc->cfg->theme;
    pk_rect box = {sc->fr.title.x, sc->fr.title.y, sc->fr.title.w,
                   sc->fr.content.y + sc->fr.content.h - sc->fr.title.y};
    pk_rect button = sc->fr.cta_button;
    pk_rect above = {box.x, box.y, box.w, button.y - box.y - sc->m.gap};
    pk_rect title = rect_cut_top(&above, s->body ? (int)(above.h * 0.62) : above.h, sc->m.gap);
    slides_text(sc, l, s->title, title, FONT_BOLD, 13, 6, th->text, ALIGN_CENTER, true);
    if (s->body) slides_text(sc, l, s->body, above, FONT_REGULAR, 6, 3.6, th->muted, ALIGN_CENTER, true);
    draw_item *b = draw_list_add(l, DRAW_RECT, button, th->accent);
    if (b) b->radius = button.h / 2;
    slides_text(sc, l, s->button, rect_inset(button, button.h / 3, button.h / 8), FONT_BOLD, 8, 4,
                th->accent_text, ALIGN_CENTER, true);
}
