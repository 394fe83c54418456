/* screen: a place to draw (a window, or an off-screen surface for `shoot` and tests) with the
 * renderer, text and image caches and the metrics of its size. It also draws one loop frame:
 * background, the outgoing and incoming slides mid-transition, and the chrome on top.
 *
 * Renderer choice (see CONVENTIONS.md): on KMSDRM (a Pi without a desktop) the GLES2 renderer is
 * the hardware path; everywhere else the software renderer with framebuffer acceleration off,
 * which avoids loading Mesa's llvmpipe (90 MB -> 19 MB, 540 ms -> 200 ms to first frame). The
 * config's screen.renderer overrides "auto". */
#ifndef PK_SCREEN_H
#define PK_SCREEN_H
#include <SDL.h>
#include <stdbool.h>

#include "config/config.h"
#include "core/diag.h"
#include "render/draw.h"
#include "render/slides/slides.h"

typedef struct screen {
    SDL_Window *window;      /* NULL for an off-screen surface */
    SDL_Surface *surface;    /* the off-screen target, NULL for a window */
    SDL_Renderer *renderer;
    text_ctx *text;
    images *images;
    const config *cfg;
    slide_ctx sc;
    draw_ctx dc;
    const char *renderer_name;
    /* A rotated screen draws into this texture (the drawing's size) and shows it turned. */
    SDL_Texture *rotated;
    int rotation;
    slide_view view; /* the visitor's view, kept across language and config changes */
} screen;

typedef struct screen_opts {
    bool windowed;
    int w, h; /* windowed size; 0 uses the config's screen hint */
} screen_opts;

/* SDL hints that must be set before SDL_Init (touch without synthetic mouse, etc). */
void screen_set_hints(void);
bool screen_open_window(screen *s, const config *cfg, const screen_opts *o, pk_date today, pk_error *err);
bool screen_open_surface(screen *s, const config *cfg, int w, int h, pk_date today, pk_error *err);
/* Switches to another config (a live edit): fonts reopened if they changed, pictures reloaded,
 * rotation and layout redone. False with err if the new fonts cannot be used (the old stay). */
bool screen_set_config(screen *s, const config *cfg, pk_date today, pk_error *err);
/* The visitor's text size, less motion and Listen button, from now on (layouts must be redone). */
void screen_set_view(screen *s, const slide_view *v);
/* Re-reads the output size (after a resize); drops caches if it changed. */
void screen_update_size(screen *s, pk_date today);
void screen_close(screen *s);
/* Shows what was drawn (turned when the screen is rotated). */
void screen_present(screen *s);

/* Draws one loop frame. prev may be NULL (no transition); t is the transition progress. */
void screen_draw_frame(screen *s, const draw_list *cur, const draw_list *prev, double t, int dir,
                       int anim_ms, const draw_list *chrome);

#endif
