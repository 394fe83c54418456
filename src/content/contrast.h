/* contrast: WCAG 2.2 contrast between the colours the renderer puts text on, so `plankiosk
 * check` can warn before a council's colour scheme makes the kiosk hard to read (1.4.3: at
 * least 4.5:1 for text, 3:1 for large text). Pure arithmetic. */
#ifndef PK_CONTRAST_H
#define PK_CONTRAST_H
#include <stdbool.h>

#include "config/config.h"

/* WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white). */
double contrast_luminance(pk_color c);
/* Contrast ratio of two colours, 1 to 21, whichever is lighter. */
double contrast_ratio(pk_color a, pk_color b);

/* The text-on-background pairs the renderer draws, by the theme keys that name them. */
typedef struct contrast_pair {
    const char *fg, *bg; /* theme keys, e.g. "muted" on "surface" */
    bool large;          /* only ever used for large text (3:1 suffices) */
} contrast_pair;

/* The pairs, NULL-terminated by fg == NULL. */
const contrast_pair *contrast_pairs(void);
/* The colour of a theme key ("text", "accent", "done", ...). */
pk_color contrast_theme_color(const config_theme *t, const char *key);

#endif
