/* The place screen: the question's picture (a map), as large as the box allows and never
 * stretched, with the pins dropped so far; a tap on the picture drops one, a tap on a pin takes
 * it away. By keyboard or switch the arrows move a cursor ring and Enter drops a pin there.
 * The picture is a picture: in right to left it is not mirrored, and neither are its pins. */
#include <stdio.h>

#include "render/questions/question_view.h"

/* The picture's rectangle in box: contained, centred. */
static pk_rect fit(pk_rect box, int iw, int ih) {
    pk_rect r = box;
    if ((long)box.w * ih > (long)box.h * iw) r.w = (int)((long)box.h * iw / ih);
    else r.h = (int)((long)box.w * ih / iw);
    r.x = box.x + (box.w - r.w) / 2, r.y = box.y + (box.h - r.h) / 2;
    return r;
}

static pk_rect at(pk_rect pic, const question *q, int x, int y, int d) {
    return (pk_rect){pic.x + (int)((long)x * pic.w / q->image_w) - d / 2, pic.y + (int)((long)y * pic.h / q->image_h) - d / 2, d, d};
}

void question_screen_place(const slide_ctx *sc, const journey *j, const question *q, const answer *a,
                           draw_list *l, widget_list *w) {
    const config_theme *th = &sc->cfg->theme;
    int title_px = 0;
    pk_rect box = qview_chrome_px(sc, j, q->title, l, w, qview_skippable(j), true, &title_px);
    box = qview_hint_line(sc, j, q, q->hint, l, box, title_px);
    if (q->image_w <= 0 || q->image_h <= 0) return;
    /* Inset by half a pin's touch target: a pin at the picture's edge stays inside the box,
     * clear of the buttons. */
    pk_rect pic = fit(rect_inset(box, sc->m.touch / 2, sc->m.touch / 2), q->image_w, q->image_h);
    int from = l->count, wfrom = w->count;
    draw_item *it = draw_list_add(l, DRAW_IMAGE, pic, th->text);
    if (it) it->str = draw_list_str(l, q->image), it->fit = FIT_CONTAIN;
    widget_add(w, pic, W_PICTURE, 0, NULL);
    /* A pin: a disc in the accent with a ring in the words' colour, so it shows on any picture,
     * numbered when there may be several; smaller than the touch target around it (the map
     * under it stays readable), which is as big as any button, so it can be taken away. */
    int d = sc->m.touch, pin = d * 3 / 5;
    for (int i = 0; i < a->n_pins; i++) {
        pk_rect p = at(pic, q, a->pins[i].x, a->pins[i].y, d), disc = at(pic, q, a->pins[i].x, a->pins[i].y, pin);
        draw_item *ring = draw_list_add(l, DRAW_CIRCLE, rect_inset(disc, -2, -2), th->text);
        if (ring) ring->radius = disc.w / 2 + 2;
        draw_item *c = draw_list_add(l, DRAW_CIRCLE, disc, th->accent);
        if (c) c->radius = disc.w / 2;
        if (q->max > 1) {
            char num[12];
            snprintf(num, sizeof num, "%d", i + 1);
            int npx = text_fit(sc->text, FONT_BOLD, num, disc.w * 3 / 4, disc.h * 3 / 4, 8, disc.h, NULL);
            slides_text_at(sc, l, num, disc, FONT_BOLD, npx, th->accent_text, ALIGN_CENTER, true);
        }
        widget_add(w, p, W_PIN, i, NULL);
    }
    if (j->cursor_shown) {
        pk_rect p = at(pic, q, j->cursor_x, j->cursor_y, d);
        draw_item *ring = draw_list_add(l, DRAW_RING, p, th->accent);
        if (ring) ring->radius = d / 2, ring->px = d / 8 > 2 ? d / 8 : 2;
    }
    /* Mirrored now, the picture and its pins come out where they are when the screen is. */
    if (sc->rtl) {
        slides_mirror(l, from, pic.x, pic.w, false);
        widget_list_mirror(w, wfrom, pic.x, pic.w);
    }
}
