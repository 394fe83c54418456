/* slides: one layout function per slide type, each in its own file (slide_milestones.c draws
 * the milestones slide). A layout reads the config model and the screen metrics, fits its text
 * with the text module, and describes the slide in a draw list; it never draws itself, so
 * tests can check every box at any screen size without a renderer.
 * The helpers below are shared by the slide files. */
#ifndef PK_SLIDES_H
#define PK_SLIDES_H
#include "config/config.h"
#include "content/live.h"
#include "render/draw_list.h"
#include "render/layout.h"
#include "text/text.h"

/* What the visitor chose for themselves; reset when they leave (see kiosk.c). */
typedef struct slide_view {
    double text_scale;  /* 1, 1.5 or 2: every font size is multiplied by it */
    bool reduce_motion; /* no count-up numbers, no sliding transitions */
    bool can_listen;    /* offer the Listen button (the kiosk has an audio device) */
} slide_view;

/* Right to left: when the language shown is written right to left (rtl), every layout is
 * made left to right against `fr` and then mirrored (slides_mirror): boxes, markers, cards and
 * timelines flip, pictures are placed but never flipped, and text keeps its own direction
 * (the text module aligns a right-to-left text to the right). `shown` is the frame where it
 * ends up on screen; input hit-tests against that one (or against the widgets).
 *
 * Text size: fonts are text_scale times their designed size, and shrink back toward the
 * designed size only as far as the box needs: a text never clips, and on a slide never gets
 * smaller than it was at scale 1, since the boxes stay as they are. A slide whose text
 * already filled its box at scale 1 stays as it was (best effort, never clipping; theme cards
 * drop their summaries before names would go below a readable size). Journey screens give
 * the question a taller band (journey_view.c). */
typedef struct slide_ctx {
    const config *cfg;
    text_ctx *text;
    screen_metrics m;
    frame fr;    /* left to right, as layouts use it */
    frame shown; /* fr as it is on screen: mirrored when rtl */
    pk_date as_of; /* for milestone status */
    bool rtl;    /* the language shown is written right to left */
    double text_scale;
    bool reduce_motion, can_listen;
    bool speaking; /* Listen is reading (the kiosk sets it): its button is lit */
    /* Approved quotes and results (content/live.h): the kiosk's latest snapshot, borrowed for
     * the layout. NULL: none yet (those slides then show their heading only; the loop skips
     * them, live_slide_ready). */
    const slide_live *live;
} slide_ctx;

/* Sizes the context for w x h and the config's language, with the default view (scale 1). */
void slide_ctx_init(slide_ctx *sc, const config *cfg, text_ctx *text, int w, int h, pk_date today);
/* Applies a visitor's view and redoes the frame for it. */
void slide_ctx_set_view(slide_ctx *sc, const slide_view *v);
/* The font size in px for `units` at the visitor's text size, never below min_px. */
int slides_px(const slide_ctx *sc, double units, int min_px);
/* Mirrors the items [from, count) of l about the vertical middle of the band x0..x0+w. With
 * `align`, text is aligned to the start of a right-to-left screen too (a left-to-right text
 * such as a name or a number goes to the right, like the rest); without, only boxes move (to
 * mirror a part beforehand so that it comes out unmirrored: keyboards, icons, ticks). */
void slides_mirror(draw_list *l, int from, int x0, int w, bool align);
/* Lays out slide s (without the footer chrome) into l, which it clears first. */
void slides_layout(const slide_ctx *sc, const slide *s, draw_list *l);

/* ---- helpers for slide files ---- */
/* Fits s into box at the largest size between min_u and max_u units and adds it; returns the
 * height the block takes. */
int slides_text(const slide_ctx *sc, draw_list *l, const char *s, pk_rect box, font_role role,
                double max_u, double min_u, pk_color color, draw_align align, bool middle);
/* Adds s as a TEXT item at exactly px; returns the block's height. */
int slides_text_at(const slide_ctx *sc, draw_list *l, const char *s, pk_rect box, font_role role,
                   int px, pk_color color, draw_align align, bool middle);
/* The slide heading in the frame's title band. */
void slides_heading(const slide_ctx *sc, draw_list *l, const char *title);
/* The heading of a you_said, results or we_did slide: its title or the one it gets
 * (live_slide_title). */
void slides_live_heading(const slide_ctx *sc, draw_list *l, const slide *s);
/* Largest px (between min_u and max_u units) at which every one of the n texts, wrapped to its
 * width widths[i], fits its height heights[i]. One size for a set of cards keeps them even. */
int slides_fit_common(const slide_ctx *sc, font_role role, const char *const *texts,
                      const int *widths, const int *heights, int n, double max_u, double min_u);
/* Largest px at which all n texts stacked (each wrapped to width) fit in height with gap
 * between them (used for bullet lists). */
int slides_fit_stack(const slide_ctx *sc, font_role role, const char *const *texts, int n,
                     int width, int height, int gap, double max_u, double min_u);
void slides_card(const slide_ctx *sc, draw_list *l, pk_rect box);
/* A filled arrow-like marker pointing up (up=true) or down, drawn with lines. */
void slides_arrow(draw_list *l, pk_rect box, bool up, pk_color color, int thick);
/* The same pointing along the line of reading: to the right as laid out (so to the left once a
 * right-to-left screen is mirrored). */
void slides_arrow_on(draw_list *l, pk_rect box, pk_color color, int thick);

void slide_title_layout(const slide_ctx *sc, const slide *s, draw_list *l);
void slide_text_layout(const slide_ctx *sc, const slide *s, draw_list *l);
void slide_highlights_layout(const slide_ctx *sc, const slide *s, draw_list *l);
void slide_themes_layout(const slide_ctx *sc, const slide *s, draw_list *l);
void slide_milestones_layout(const slide_ctx *sc, const slide *s, draw_list *l);
void slide_indicators_layout(const slide_ctx *sc, const slide *s, draw_list *l);
void slide_quote_layout(const slide_ctx *sc, const slide *s, draw_list *l);
void slide_image_layout(const slide_ctx *sc, const slide *s, draw_list *l);
void slide_call_to_action_layout(const slide_ctx *sc, const slide *s, draw_list *l);
void slide_you_said_layout(const slide_ctx *sc, const slide *s, draw_list *l);
void slide_results_layout(const slide_ctx *sc, const slide *s, draw_list *l);
void slide_we_did_layout(const slide_ctx *sc, const slide *s, draw_list *l);

#endif
