/* geometry: rectangles in whole pixels, and the few operations every layer cuts screens with
 * (inset, cut a band, grid cells, mirror). Core, so the keyboard's hit-testing (journey/) and
 * the text module use it without reaching up into render/. Plain values; nothing is owned. */
#ifndef PK_GEOMETRY_H
#define PK_GEOMETRY_H
#include <stdbool.h>

typedef struct pk_rect {
    int x, y, w, h;
} pk_rect;

/* r reflected about the vertical middle of a screen w wide: x' = w - x - r.w. */
pk_rect rect_mirror(pk_rect r, int w);
pk_rect rect_inset(pk_rect r, int dx, int dy);
bool rect_contains(pk_rect r, int x, int y);
bool rect_inside(pk_rect inner, pk_rect outer);
bool rect_overlap(pk_rect a, pk_rect b);
/* Cuts a band off the top (or bottom, with negative h) of r; r keeps the rest minus gap. */
pk_rect rect_cut_top(pk_rect *r, int h, int gap);
pk_rect rect_cut_bottom(pk_rect *r, int h, int gap);
pk_rect rect_cut_left(pk_rect *r, int w, int gap);
/* Cell i of a cols x rows grid over r with gap between cells. */
pk_rect rect_grid_cell(pk_rect r, int cols, int rows, int gap, int i);

#endif
