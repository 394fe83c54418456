/* A text slide: an optional paragraph, then bullets, all at one size chosen to fill the box. */
#include "render/slides/slides.h"

void slide_text_layout(const slide_ctx *sc, const slide *s, draw_list *l) {
    const config_theme *th = &sc->cfg->theme;
    slides_heading(sc, l, s->title);
    pk_rect box = sc->fr.content;
    int dot = (int)(sc->m.unit * 1.6) + 2, indent = dot * 3;
    int gap = sc->m.gap;
    const char *texts[CONFIG_MAX_BULLETS + 1];
    int n = 0;
    if (s->body) texts[n++] = s->body;
    for (int i = 0; i < s->n_bullets; i++) texts[n++] = s->bullets[i];
    /* Fit at the narrower bullet width so the paragraph and bullets share one size. */
    int width = s->n_bullets ? box.w - indent : box.w;
    int px = slides_fit_stack(sc, FONT_REGULAR, texts, n, width, box.h, gap, 6.2, 3.6);
    int y = box.y;
    if (s->body) {
        int h = text_block_height(sc->text, FONT_REGULAR, px, s->body, box.w);
        slides_text_at(sc, l, s->body, (pk_rect){box.x, y, box.w, h}, FONT_REGULAR, px, th->text,
                       ALIGN_LEFT, false);
        y += h + gap;
    }
    int line_h = text_line_height(sc->text, FONT_REGULAR, px);
    for (int i = 0; i < s->n_bullets; i++) {
        int h = text_block_height(sc->text, FONT_REGULAR, px, s->bullets[i], width);
        draw_item *c = draw_list_add(l, DRAW_CIRCLE,
                                     (pk_rect){box.x + dot / 2, y + line_h / 2 - dot / 2, dot, dot},
                                     th->accent);
        if (c) c->radius = dot / 2;
        slides_text_at(sc, l, s->bullets[i], (pk_rect){box.x + indent, y, width, h}, FONT_REGULAR,
                       px, th->text, ALIGN_LEFT, false);
        y += h + gap;
    }
}
