#include "content/contrast.h"

#include <math.h>
#include <string.h>

static double channel(unsigned char v) {
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double contrast_luminance(pk_color c) {
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double contrast_ratio(pk_color a, pk_color b) {
    double la = contrast_luminance(a), lb = contrast_luminance(b);
    if (la < lb) {
        double t = la;
        la = lb, lb = t;
    }
    return (la + 0.05) / (lb + 0.05);
}

const contrast_pair *contrast_pairs(void) {
    /* Where each pair appears: body text and headings on the background; card text and key
     * labels on the surface; numbers, names and the chosen answer in the accent; button labels
     * on the accent; milestone states and warnings in the status colours. */
    static const contrast_pair pairs[] = {
        {"text", "background", false},   {"text", "surface", false},
        {"muted", "background", false},  {"muted", "surface", false},
        {"accent", "background", false}, {"accent", "surface", false},
        {"accent_text", "accent", false},
        {"done", "background", false},   {"in_progress", "background", false},
        {"planned", "background", false}, {"delayed", "background", false},
        {"delayed", "surface", false},
        {NULL, NULL, false},
    };
    return pairs;
}

pk_color contrast_theme_color(const config_theme *t, const char *key) {
    if (!strcmp(key, "background")) return t->background;
    if (!strcmp(key, "surface")) return t->surface;
    if (!strcmp(key, "text")) return t->text;
    if (!strcmp(key, "muted")) return t->muted;
    if (!strcmp(key, "accent")) return t->accent;
    if (!strcmp(key, "accent_text")) return t->accent_text;
    if (!strcmp(key, "done")) return t->status[STATUS_DONE];
    if (!strcmp(key, "in_progress")) return t->status[STATUS_IN_PROGRESS];
    if (!strcmp(key, "planned")) return t->status[STATUS_PLANNED];
    return t->status[STATUS_DELAYED];
}
