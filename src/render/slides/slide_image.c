/* Image: a picture filling the slide (fit inside, or cover and crop), with a caption band. */
#include "render/slides/slides.h"

void slide_image_layout(const slide_ctx *sc, const slide *s, draw_list *l) {
    const config_theme *th = &sc->cfg->theme;
    pk_rect box = {sc->fr.title.x, sc->fr.title.y, sc->fr.title.w,
                   sc->fr.content.y + sc->fr.content.h - sc->fr.title.y};
    pk_rect cap = s->caption ? rect_cut_bottom(&box, (int)(box.h * 0.15), sc->m.gap) : (pk_rect){0};
    draw_item *it = draw_list_add(l, DRAW_IMAGE, box, th->text);
    if (it) {
        it->str = draw_list_str(l, s->image);
        it->fit = s->fit;
    }
    if (s->caption) slides_text(sc, l, s->caption, cap, FONT_REGULAR, 5, 3.2, th->text, ALIGN_LEFT, true);
}
