/* journey_view: the feedback journey's screens. Like the slides, each step is described in a
 * draw list; alongside it comes the list of widgets (buttons, keys) with the very rectangles
 * that were drawn, so a tap is matched against what the visitor sees. Reads the journey, never
 * changes it. */
#ifndef PK_JOURNEY_VIEW_H
#define PK_JOURNEY_VIEW_H
#include "journey/journey.h"
#include "render/slides/slides.h"
#include "render/widget.h"

/* Lays out the journey's current step (and the "still there?" question over it), mirrored
 * for a right-to-left language except the on-screen keyboard, whose keys stay where the
 * layout file puts them. */
void journey_view_layout(const slide_ctx *sc, const journey *j, uint64_t now, draw_list *l,
                         widget_list *w);
/* The language picker over whatever is on screen: every available language by its own name.
 * Appends to l and replaces the widgets (only the picker answers while it is open). */
void language_picker_layout(const slide_ctx *sc, draw_list *l, widget_list *w);
/* Appends a widget (dropped when the list is full). */
void widget_add(widget_list *w, pk_rect r, widget_kind kind, int index, const key_def *key);
/* Mirrors the rectangles of widgets [from, count) about the middle of the band x0..x0+width,
 * as slides_mirror does the drawing. */
void widget_list_mirror(widget_list *w, int from, int x0, int width);
/* The widget under (x,y), or NULL. Later widgets (drawn on top) win. */
const widget *widget_hit(const widget_list *w, int x, int y);

#endif
