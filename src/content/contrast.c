#include "content/contrast.h"

#include <math.h>
#include <stdio.h>
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
     * on the accent; milestone states and warnings in the status colours. The marks are what
     * src/render draws in the same colours without words (chrome.c, slide_milestones.c,
     * slide_indicators.c, journey_view.c). Most share a pair with text, whose 4.5:1 covers
     * their 3:1; they are named so a failing colour says what else it hides. Left out, as
     * WCAG 1.4.11 allows: card and key edges (surface on background), whose words say what they
     * are, the milestone rail, which only joins dots in date order, and the focus ring, which
     * has fixed colours of its own (focus_ring.c). */
    static const contrast_pair pairs[] = {
        {"text", "background", true, "the feedback journey's dots for steps done"},
        {"text", "surface", true, "the indicators' arrows and the icons on cards and buttons"},
        {"muted", "background", true, "the slide loop's progress dots and the faces not chosen"},
        {"muted", "surface", true, NULL},
        {"accent", "background", true,
         "the current slide's and step's dots, bullets and settings switched on"},
        {"accent", "surface", true, "the indicators' charts, the chosen face and the text caret"},
        {"accent_text", "accent", true,
         "the ticks, arrows and icons on chosen cards and Next buttons"},
        {"done", "background", true, "the milestone dots"},
        {"in_progress", "background", true, "the milestone dots"},
        {"planned", "background", true, "the milestone dots"},
        {"delayed", "background", true, "the milestone dots"},
        {"delayed", "surface", true, NULL},
        /* The rating's faces not chosen: their expression is the answer, drawn without words. */
        {"accent_text", "muted", false, "the eyes and mouths of the faces not chosen"},
        {NULL, NULL, false, NULL},
    };
    return pairs;
}

bool contrast_check(const config_theme *t, const contrast_pair *p, char *msg, size_t size) {
    double ratio = contrast_ratio(contrast_theme_color(t, p->fg), contrast_theme_color(t, p->bg));
    bool marks_fail = p->marks && ratio < 3.0;
    if (size) msg[0] = '\0';
    if (p->text && ratio < 4.5) {
        snprintf(msg, size,
                 "'%s' on '%s' has a contrast of %.2f:1, below the 4.5:1 that WCAG asks for text; "
                 "some visitors will not be able to read it%s%s%s",
                 p->fg, p->bg, ratio, marks_fail ? ", nor see " : "", marks_fail ? p->marks : "",
                 marks_fail ? " (3:1)" : "");
        return false;
    }
    if (marks_fail) {
        snprintf(msg, size,
                 "'%s' on '%s' has a contrast of %.2f:1, below the 3.0:1 that WCAG asks for marks "
                 "that carry meaning; some visitors will not see %s",
                 p->fg, p->bg, ratio, p->marks);
        return false;
    }
    return true;
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
