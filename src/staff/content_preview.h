/* content_preview: where staff are in the preview of a USB stick's content, slide by slide,
 * before they choose to use it. Plain data and arithmetic, no SDL: the kiosk turns taps into
 * these calls, the staff view draws the slide at `pos` and the bar from the label. */
#ifndef PK_CONTENT_PREVIEW_H
#define PK_CONTENT_PREVIEW_H
#include <stdbool.h>
#include <stdio.h>

typedef struct content_preview {
    int n;   /* slides in the stick's content (may be 0) */
    int pos; /* the one shown, 0..n-1 (0 when n is 0) */
} content_preview;

static inline content_preview content_preview_start(int n_slides) {
    return (content_preview){n_slides > 0 ? n_slides : 0, 0};
}

/* A slide on (dir 1) or back (-1); false (and no move) at either end. */
static inline bool content_preview_step(content_preview *p, int dir) {
    int to = p->pos + dir;
    if (to < 0 || to >= p->n) return false;
    p->pos = to;
    return true;
}

/* "Preview: slide 3 of 12" (or "has no slides") into buf. */
static inline const char *content_preview_label(const content_preview *p, char *buf, size_t size) {
    if (p->n == 0) snprintf(buf, size, "Preview: this content has no slides");
    else snprintf(buf, size, "Preview: slide %d of %d", p->pos + 1, p->n);
    return buf;
}

#endif
