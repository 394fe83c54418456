#include "render/focus_ring.h"

const pk_color focus_ring_light = {255, 255, 255, 255}, focus_ring_dark = {0, 0, 0, 255};

int focus_ring_thickness(const screen_metrics *m) {
    int t = (int)(m->unit * 1.2 + 0.5);
    return t < 4 ? 4 : t;
}

void focus_ring_layout(const screen_metrics *m, pk_rect r, draw_list *l) {
    int t = focus_ring_thickness(m), d = t / 2 > 2 ? t / 2 : 2;
    /* The innermost dark band lies on the widget's own edge, the rest outside it, so the label
     * is never covered; a neighbour's edge may be, which is how a focus ring should look. */
    pk_rect outer = rect_inset(r, -(t + d), -(t + d));
    pk_rect screen = {0, 0, m->w, m->h};
    if (outer.x < 0) outer.w += outer.x, outer.x = 0;
    if (outer.y < 0) outer.h += outer.y, outer.y = 0;
    if (outer.x + outer.w > screen.w) outer.w = screen.w - outer.x;
    if (outer.y + outer.h > screen.h) outer.h = screen.h - outer.y;
    int radius = (r.w < r.h ? r.w : r.h) / 4 + t + d;
    draw_item *it = draw_list_add(l, DRAW_RING, outer, focus_ring_dark);
    if (it) it->radius = radius, it->px = t + 2 * d;
    it = draw_list_add(l, DRAW_RING, rect_inset(outer, d, d), focus_ring_light);
    if (it) it->radius = radius - d, it->px = t;
}
