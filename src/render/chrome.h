/* chrome: the furniture drawn over every slide: progress dots, the language button, the
 * visitor's settings (text size, less motion, Listen) and the "Have your say" button and,
 * when the loop is paused, a note saying how to carry on. Drawn from the same frame rectangles
 * that input hit-tests against, and listed as widgets with those very rectangles. */
#ifndef PK_CHROME_H
#define PK_CHROME_H
#include <stdbool.h>

#include "render/screens/journey_view.h"
#include "render/slides/slides.h"

typedef struct chrome_state {
    int n_slides, current;
    bool paused;
    const char *language; /* the language button's label (the language's own name); NULL: none */
    bool no_consultation; /* none is running today: no "Have your say" button */
} chrome_state;

/* Lays out the footer into l (cleared first) and, when w is not NULL, its buttons into w
 * (cleared first): language, text size, less motion, Listen (when sc->can_listen), "Have your
 * say", at the rectangles drawn, mirrored on a right-to-left screen (sc->shown). */
void chrome_layout(const slide_ctx *sc, const chrome_state *st, draw_list *l, widget_list *w);
/* The settings buttons in the given rectangles (left to right; the caller mirrors the whole
 * screen for rtl): "A A" with the text size step shown as three pips, the less-motion toggle
 * (filled while on), and Listen when listen.w > 0. Each shows its icon, and its label under
 * the icon where the label fits at a readable size. Adds W_TEXT_SIZE, W_MOTION, W_LISTEN to w
 * (may be NULL). Used by the loop's footer and by every journey screen. */
void chrome_settings(const slide_ctx *sc, draw_list *l, widget_list *w, pk_rect text_size,
                     pk_rect motion, pk_rect listen);

#endif
