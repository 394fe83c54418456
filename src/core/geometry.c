#include "core/geometry.h"

pk_rect rect_mirror(pk_rect r, int w) {
    r.x = w - r.x - r.w;
    return r;
}

pk_rect rect_inset(pk_rect r, int dx, int dy) {
    r.x += dx, r.y += dy, r.w -= 2 * dx, r.h -= 2 * dy;
    if (r.w < 0) r.w = 0;
    if (r.h < 0) r.h = 0;
    return r;
}

bool rect_contains(pk_rect r, int x, int y) {
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

bool rect_inside(pk_rect in, pk_rect out) {
    return in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w &&
           in.y + in.h <= out.y + out.h;
}

bool rect_overlap(pk_rect a, pk_rect b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

pk_rect rect_cut_top(pk_rect *r, int h, int gap) {
    if (h > r->h) h = r->h;
    pk_rect band = {r->x, r->y, r->w, h};
    int used = h + gap > r->h ? r->h : h + gap;
    r->y += used, r->h -= used;
    return band;
}

pk_rect rect_cut_bottom(pk_rect *r, int h, int gap) {
    if (h > r->h) h = r->h;
    pk_rect band = {r->x, r->y + r->h - h, r->w, h};
    int used = h + gap > r->h ? r->h : h + gap;
    r->h -= used;
    return band;
}

pk_rect rect_cut_left(pk_rect *r, int w, int gap) {
    if (w > r->w) w = r->w;
    pk_rect band = {r->x, r->y, w, r->h};
    int used = w + gap > r->w ? r->w : w + gap;
    r->x += used, r->w -= used;
    return band;
}

pk_rect rect_grid_cell(pk_rect r, int cols, int rows, int gap, int i) {
    int cw = (r.w - gap * (cols - 1)) / cols, ch = (r.h - gap * (rows - 1)) / rows;
    int c = i % cols, row = i / cols;
    return (pk_rect){r.x + c * (cw + gap), r.y + row * (ch + gap), cw, ch};
}
