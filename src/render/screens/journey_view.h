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
#endif
