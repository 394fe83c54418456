/* draw: the executor that turns a draw list into SDL calls. It is the only code that calls
 * SDL's drawing functions; layouts only describe. `alpha` fades a whole list (crossfade),
 * `dx` shifts it (slide transition), `anim_ms` is the time since the list's slide appeared
 * (count-up numbers). */
#ifndef PK_DRAW_H
#define PK_DRAW_H
#include <SDL.h>

#include "render/draw_list.h"
#include "render/images.h"
#include "text/text.h"

typedef struct draw_ctx {
    SDL_Renderer *renderer;
    text_ctx *text;
    images *images;
    int count_up_ms; /* 0: numbers appear at once */
} draw_ctx;

void draw_execute(draw_ctx *d, const draw_list *l, Uint8 alpha, int dx, int anim_ms);
/* Filled rectangle with rounded corners (radius 0: square). */
void draw_rounded_rect(SDL_Renderer *r, pk_rect box, int radius, pk_color c, Uint8 alpha);

#endif
