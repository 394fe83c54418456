/* widget: a thing on a screen that answers a press (button, key, card), as a plain rectangle
 * with an id. Screens lay widgets out next to the draw list that shows them, with the very same
 * rectangles, so a tap and a keyboard's focus both work on what the visitor sees. No SDL: input
 * logic (hit-testing, keyboard focus) is tested on these without a screen. */
#ifndef PK_WIDGET_H
#define PK_WIDGET_H
#include "journey/journey.h"
#include "render/layout.h"

#define WIDGETS_MAX 128

typedef struct widget {
    pk_rect r;
    widget_kind kind;
    int index;
    const key_def *key;
} widget;

typedef struct widget_list {
    int count;
    widget items[WIDGETS_MAX];
} widget_list;

/* Appends a widget (dropped when the list is full). */
void widget_add(widget_list *w, pk_rect r, widget_kind kind, int index, const key_def *key);
/* Mirrors the rectangles of widgets [from, count) about the middle of the band x0..x0+width,
 * as slides_mirror does the drawing. */
void widget_list_mirror(widget_list *w, int from, int x0, int width);
/* The widget under (x,y), or NULL. Later widgets (drawn on top) win. */
const widget *widget_hit(const widget_list *w, int x, int y);

#endif
