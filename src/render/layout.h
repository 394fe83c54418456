/* layout: screen geometry in plain integers, no SDL. Sizes derive from one unit (1/100 of the
 * screen's shorter side) so a slide designed once reads the same on the 800x480 Pi touchscreen,
 * a 1920x1080 monitor and a 1080x1920 totem. Touch targets are sized in millimetres from the
 * configured physical width: at least 9 mm, never below 44 px.
 *
 * The frame is the furniture every slide shares: title band, content box, footer with progress
 * dots and the "Have your say" button. Hit-testing uses the same rectangles the renderer draws. */
#ifndef PK_LAYOUT_H
#define PK_LAYOUT_H
#include <stdbool.h>

#include "core/geometry.h"

typedef struct screen_metrics {
    int w, h;
    double unit;       /* 1 % of the shorter side, in px */
    double px_per_mm;
    int touch;         /* smallest touch target side, px */
    int margin;        /* outer margin, px */
    int gap;           /* space between boxes, px */
    bool portrait;
} screen_metrics;

typedef struct frame {
    pk_rect title;   /* slide heading */
    pk_rect content; /* the slide's own area */
    pk_rect footer;  /* band at the bottom */
    pk_rect dots;    /* progress dots, inside footer */
    pk_rect button;  /* "Have your say", inside footer */
    pk_rect lang_button; /* the language button, at the footer's start */
    pk_rect prev_zone, next_zone; /* edges a tap moves back / forward with */
    pk_rect cta_button; /* the big button of a call_to_action slide */
    /* The visitor's own settings, beside the language button: text size, less motion, and
     * Listen (w = 0 when there is no way to speak). */
    pk_rect text_size_button, motion_button, listen_button;
    /* The row journey screens put Back, Skip and Next in: the footer in landscape, its lower
     * row in portrait (the upper row holds the language and settings buttons). */
    pk_rect nav;
    bool rtl; /* mirrored for a right-to-left language (see frame_mirror) */
} frame;

/* What the frame makes room for beyond the screen's size. */
typedef struct frame_opts {
    bool listen; /* a Listen button */
} frame_opts;

void layout_metrics(int w, int h, double physical_width_mm, screen_metrics *out);
/* A point on the physical screen (normalised 0..1) to the same point on the drawing, when the
 * drawing is shown rotated by `rotation` degrees clockwise (0, 90, 180, 270). */
void layout_unrotate(int rotation, float px, float py, float *lx, float *ly);
frame layout_frame(const screen_metrics *m);
/* The frame with room for the Listen button; layout_frame is this without it. Always left to
 * right: a right-to-left screen is laid out so and mirrored. */
frame layout_frame_opts(const screen_metrics *m, const frame_opts *o);
/* Every rectangle of f mirrored for a screen w wide, with rtl set: where a right-to-left
 * screen shows what f lays out left to right (prev_zone lands on the right edge, so a tap
 * there goes back, as the reader's "before" is on the right). */
frame frame_mirror(const frame *f, int w);
/* Font size in px for a size given in units, never below min_px. */
int layout_px(const screen_metrics *m, double units, int min_px);

/* Best columns for n cards in r, preferring cards near the given aspect (w/h). */
int layout_grid_cols(pk_rect r, int n, double aspect);

#endif
