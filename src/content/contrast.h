/* contrast: WCAG 2.2 contrast between the colours the renderer draws with, so `plankiosk check`
 * can warn before a council's colour scheme makes the kiosk hard to read or to follow: at least
 * 4.5:1 for text (1.4.3), and 3:1 for the marks that carry meaning without words, such as the
 * progress dots, milestone dots, chart lines and the faces' features (1.4.11). Pure arithmetic;
 * the list of pairs says where each one is drawn. */
#ifndef PK_CONTRAST_H
#define PK_CONTRAST_H
#include <stdbool.h>
#include <stddef.h>

#include "config/config.h"

/* WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white). */
double contrast_luminance(pk_color c);
/* Contrast ratio of two colours, 1 to 21, whichever is lighter. */
double contrast_ratio(pk_color a, pk_color b);

/* A colour drawn on another, by the theme keys that name them. */
typedef struct contrast_pair {
    const char *fg, *bg; /* theme keys, e.g. "muted" on "background" */
    bool text;           /* text is drawn in fg on bg: 4.5:1 */
    const char *marks;   /* the marks drawn in fg on bg, for the message (3:1), or NULL */
} contrast_pair;

/* The pairs the renderer draws, NULL-terminated by fg == NULL. */
const contrast_pair *contrast_pairs(void);
/* The colour of a theme key ("text", "accent", "done", ...). */
pk_color contrast_theme_color(const config_theme *t, const char *key);

/* Whether theme t gives pair p enough contrast for all it draws. If not, returns false and
 * writes into msg (always NUL-terminated) what falls short, without a location: "'muted' on
 * 'background' has a contrast of 1.61:1, below the 4.5:1 that WCAG asks for text; ...". A pair
 * that fails for text names its marks too when they also fall below 3:1. */
bool contrast_check(const config_theme *t, const contrast_pair *p, char *msg, size_t size);

#endif
