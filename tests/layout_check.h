/* layout_check: what every laid-out screen must satisfy, for the tests that lay screens out
 * (the layout-fit and edge-input tests): nothing leaves the screen, no text is taller or wider
 * than its box or below 10 px, no two texts overlap (above a full-screen veil), the draw list
 * did not overflow. Failures print `what` and the item. */
#ifndef PK_LAYOUT_CHECK_H
#define PK_LAYOUT_CHECK_H
#include <stdio.h>

#include "check.h"
#include "render/slides/slides.h"

static inline pk_rect text_area(const draw_item *it) {
    pk_rect r = it->box;
    if (it->middle && it->text_h < r.h) r.y += (r.h - it->text_h) / 2;
    r.h = it->text_h;
    return r;
}

static inline void check_list(const slide_ctx *sc, const draw_list *l, const char *what) {
    pk_rect screen = {0, 0, sc->m.w, sc->m.h};
    char where[200];
    CHECK(!l->overflow);
    /* An overlay (a full-screen veil) hides what is under it: overlaps count from there. */
    int top = 0;
    for (int i = 0; i < l->count; i++)
        if (l->items[i].kind == DRAW_RECT && l->items[i].box.w == sc->m.w && l->items[i].box.h == sc->m.h) top = i;
    for (int i = 0; i < l->count; i++) {
        const draw_item *it = &l->items[i];
        snprintf(where, sizeof where, "%s item %d", what, i);
        if (it->kind == DRAW_LINE) {
            bool in = rect_contains(screen, it->box.x, it->box.y) &&
                      rect_contains(screen, it->box.x + it->box.w, it->box.y + it->box.h);
            if (!in) fprintf(stderr, "%s: line leaves the screen\n", where);
            CHECK(in);
            continue;
        }
        bool inside = rect_inside(it->box, screen);
        if (!inside)
            fprintf(stderr, "%s: box %d,%d %dx%d leaves the %dx%d screen\n", where, it->box.x,
                    it->box.y, it->box.w, it->box.h, sc->m.w, sc->m.h);
        CHECK(inside);
        if (it->kind == DRAW_TEXT) {
            const char *s = draw_list_get(l, it->str);
            int h = text_block_height(sc->text, it->font, it->px, s, it->box.w);
            int w = text_block_width(sc->text, it->font, it->px, s, it->box.w);
            if (h > it->box.h || w > it->box.w)
                fprintf(stderr, "%s: \"%.40s\" at %d px is %dx%d in a %dx%d box\n", where, s,
                        it->px, w, h, it->box.w, it->box.h);
            CHECK(h <= it->box.h);
            CHECK(w <= it->box.w);
            CHECK_INT(it->text_h, h);
            /* 10 px is the floor text_fit may go to; the shipped content must stay readable. */
            if (it->px < 10) fprintf(stderr, "%s: \"%.30s\" at %d px\n", where, s, it->px);
            CHECK(it->px >= 10);
            for (int j = top; j < i; j++) {
                const draw_item *o = &l->items[j];
                if (o->kind != DRAW_TEXT) continue;
                if (rect_overlap(text_area(it), text_area(o))) {
                    fprintf(stderr, "%s: \"%.30s\" overlaps \"%.30s\"\n", where, s,
                            draw_list_get(l, o->str));
                    CHECK(false);
                }
            }
        }
        if (it->kind == DRAW_NUMBER) {
            char buf[128];
            snprintf(buf, sizeof buf, "%s%.0f%s", draw_list_get(l, it->str), it->value,
                     draw_list_get(l, it->str2));
            CHECK(text_line_height(sc->text, it->font, it->px) <= it->box.h);
        }
    }
}

#endif
