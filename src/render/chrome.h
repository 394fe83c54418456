/* chrome: the furniture drawn over every slide: progress dots, the "Have your say" button and,
 * when the loop is paused, a note saying how to carry on. Drawn from the same frame rectangles
 * that input hit-tests against. */
#ifndef PK_CHROME_H
#define PK_CHROME_H
#include <stdbool.h>

#include "render/slides/slides.h"

typedef struct chrome_state {
    int n_slides, current;
    bool paused;
    const char *language; /* the language button's label (the language's own name); NULL: none */
} chrome_state;

void chrome_layout(const slide_ctx *sc, const chrome_state *st, draw_list *l);

#endif
