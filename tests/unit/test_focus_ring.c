/* focus_ring: the keyboard's focus is plain to see on every background, thick enough to spot
 * from a step back, and never cut off at the screen's edge. */
#include "check.h"
#include "content/contrast.h"
#include "render/focus_ring.h"

static void thick_and_growing(void) {
    screen_metrics small, big;
    layout_metrics(800, 480, 155, &small);
    layout_metrics(1920, 1080, 520, &big);
    CHECK(focus_ring_thickness(&small) >= 4);
    CHECK(focus_ring_thickness(&big) >= 2 * focus_ring_thickness(&small));
}

static void surrounds_the_widget(void) {
    screen_metrics m;
    layout_metrics(800, 480, 155, &m);
    draw_list l;
    draw_list_clear(&l);
    pk_rect r = {300, 200, 170, 60};
    focus_ring_layout(&m, r, &l);
    CHECK_INT(l.count, 2);
    CHECK_INT(l.items[0].kind, DRAW_RING);
    CHECK_INT(l.items[1].kind, DRAW_RING);
    /* The light band lies wholly outside the widget, so its label is never covered... */
    pk_rect light = l.items[1].box, light_inner = rect_inset(light, l.items[1].px, l.items[1].px);
    CHECK(rect_inside(r, light_inner));
    CHECK(l.items[1].px >= 4);
    /* ...and dark bands of at least 2 px lie on both sides of it. */
    pk_rect dark = l.items[0].box, dark_inner = rect_inset(dark, l.items[0].px, l.items[0].px);
    CHECK(light.x - dark.x >= 2 && light.y - dark.y >= 2);
    CHECK(dark_inner.x - light_inner.x >= 2 && dark_inner.y - light_inner.y >= 2);
    CHECK(light_inner.x + light_inner.w - (dark_inner.x + dark_inner.w) >= 2);
    CHECK(rect_inside(light, dark));
}

static void never_off_screen(void) {
    screen_metrics m;
    layout_metrics(800, 480, 155, &m);
    pk_rect corners[] = {{0, 0, 100, 60}, {700, 420, 100, 60}, {2, 400, 90, 78}, {0, 0, 800, 480}};
    for (int i = 0; i < 4; i++) {
        draw_list l;
        draw_list_clear(&l);
        focus_ring_layout(&m, corners[i], &l);
        CHECK_INT(l.count, 2);
        for (int k = 0; k < l.count; k++) {
            CHECK(rect_inside(l.items[k].box, (pk_rect){0, 0, 800, 480}));
            CHECK(l.items[k].box.w > 2 * l.items[k].px && l.items[k].box.h > 2 * l.items[k].px);
        }
    }
}

static void stands_out_from_any_colour(void) {
    /* Every sRGB colour in steps of 15: one of the ring's two colours differs from it by 3:1. */
    double worst = 21;
    for (int r = 0; r <= 255; r += 15)
        for (int g = 0; g <= 255; g += 15)
            for (int b = 0; b <= 255; b += 15) {
                pk_color bg = {(unsigned char)r, (unsigned char)g, (unsigned char)b, 255};
                double a = contrast_ratio(focus_ring_light, bg), d = contrast_ratio(focus_ring_dark, bg);
                double best = a > d ? a : d;
                if (best < worst) worst = best;
            }
    CHECK(worst >= 3.0);
    CHECK(contrast_ratio(focus_ring_light, focus_ring_dark) >= 3.0);
    fprintf(stderr, "    worst background: %.2f:1\n", worst);
}

int main(void) {
    RUN(thick_and_growing);
    RUN(surrounds_the_widget);
    RUN(never_off_screen);
    RUN(stands_out_from_any_colour);
    return check_report();
}
