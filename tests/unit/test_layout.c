/* layout: the frame every slide shares, on the screens kiosks really use, and the rectangle
 * helpers the slides build on. A box off screen, two boxes on top of each other or a button too
 * small for a finger would all be plain to see on the kiosk. */
#include <SDL_ttf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "render/layout.h"
#include "render/slides/slides.h"

typedef struct screen {
    int w, h;
    double mm;
    const char *name;
} screen;

static const screen screens[] = {
    {800, 480, 154, "Pi 7\" touchscreen"},
    {1920, 1080, 476, "21.5\" HD monitor"},
    {1080, 1920, 268, "portrait totem"},
    {3840, 2160, 1210, "55\" 4K"},
};
#define N_SCREENS (int)(sizeof screens / sizeof screens[0])

static void say(const char *what, const screen *s, pk_rect r) {
    fprintf(stderr, "    %s on %s %dx%d: %d,%d %dx%d\n", what, s->name, s->w, s->h, r.x, r.y, r.w,
            r.h);
}

#define CHECK_INSIDE(in, out, what)                                                                \
    do {                                                                                           \
        bool ok_ = rect_inside(in, out);                                                           \
        if (!ok_) say(what " not inside", s, in);                                                  \
        CHECK(ok_);                                                                                \
    } while (0)
#define CHECK_APART(a, b, what)                                                                    \
    do {                                                                                           \
        bool ok_ = !rect_overlap(a, b);                                                            \
        if (!ok_) say(what " overlap", s, a);                                                      \
        CHECK(ok_);                                                                                \
    } while (0)

static void metrics(void) {
    for (int i = 0; i < N_SCREENS; i++) {
        const screen *s = &screens[i];
        screen_metrics m;
        layout_metrics(s->w, s->h, s->mm, &m);
        CHECK_INT(m.w, s->w);
        CHECK_INT(m.h, s->h);
        CHECK(m.portrait == (s->h > s->w));
        CHECK(fabs(m.unit - (s->w < s->h ? s->w : s->h) / 100.0) < 1e-9);
        CHECK(fabs(m.px_per_mm - s->w / s->mm) < 1e-9);
        /* A finger needs 9 mm, and never less than 44 px. */
        CHECK(m.touch >= 44);
        CHECK(m.touch >= 9.0 * m.px_per_mm);
        CHECK(m.touch <= 9.0 * m.px_per_mm + 1 || m.touch == 44); /* not needlessly large */
        CHECK(m.margin > 0);
        CHECK(m.gap > 0);
        CHECK(m.margin < s->w / 10 && m.margin < s->h / 10);
    }
    /* The Pi screen: 800 px over 154 mm is 5.19 px/mm, so 9 mm is 47 px. */
    screen_metrics m;
    layout_metrics(800, 480, 154, &m);
    CHECK_INT(m.touch, 47);
    /* An unknown physical width still gives a usable size. */
    layout_metrics(800, 480, 0, &m);
    CHECK(m.px_per_mm > 0);
    CHECK(m.touch >= 44);
}

static void frame_fits(void) {
    for (int i = 0; i < N_SCREENS; i++) {
        const screen *s = &screens[i];
        screen_metrics m;
        layout_metrics(s->w, s->h, s->mm, &m);
        frame f = layout_frame(&m);
        pk_rect scr = {0, 0, s->w, s->h};
        CHECK_INSIDE(f.title, scr, "title");
        CHECK_INSIDE(f.content, scr, "content");
        CHECK_INSIDE(f.footer, scr, "footer");
        CHECK_INSIDE(f.prev_zone, scr, "prev zone");
        CHECK_INSIDE(f.next_zone, scr, "next zone");
        CHECK_APART(f.title, f.content, "title and content");
        CHECK_APART(f.title, f.footer, "title and footer");
        CHECK_APART(f.content, f.footer, "content and footer");
        /* Top to bottom: title, content, footer. */
        CHECK(f.title.y + f.title.h <= f.content.y);
        CHECK(f.content.y + f.content.h <= f.footer.y);
        /* Nothing is empty, and the slide's own area is most of the screen. */
        CHECK(f.title.w > 0 && f.title.h > 0);
        CHECK(f.footer.w > 0 && f.footer.h > 0);
        CHECK(f.content.h >= s->h / 2);
        CHECK(f.content.w >= s->w * 8 / 10);
        /* The footer holds the dots and the button side by side. */
        CHECK_INSIDE(f.button, f.footer, "button");
        CHECK_INSIDE(f.dots, f.footer, "dots");
        CHECK_APART(f.button, f.dots, "button and dots");
        CHECK(f.dots.w > 0);
        /* "Have your say" is big enough to hit. */
        CHECK(f.button.w >= m.touch);
        CHECK(f.button.h >= m.touch);
        CHECK(f.button.h >= 9.0 * m.px_per_mm);
        /* The call-to-action button sits in the content and is bigger still. */
        CHECK_INSIDE(f.cta_button, f.content, "cta button");
        CHECK(f.cta_button.w >= m.touch);
        CHECK(f.cta_button.h >= m.touch);
        /* The back/forward edges never swallow a button. */
        CHECK_APART(f.prev_zone, f.next_zone, "prev and next zones");
        CHECK_APART(f.prev_zone, f.button, "prev zone and button");
        CHECK_APART(f.next_zone, f.button, "next zone and button");
        CHECK_APART(f.prev_zone, f.cta_button, "prev zone and cta button");
        CHECK_APART(f.next_zone, f.cta_button, "next zone and cta button");
        CHECK(f.prev_zone.w >= m.touch && f.next_zone.w >= m.touch);
        /* The middle of the content is neither edge: a tap there pauses. */
        int mx = f.content.x + f.content.w / 2, my = f.content.y + f.content.h / 2;
        CHECK(!rect_contains(f.prev_zone, mx, my));
        CHECK(!rect_contains(f.next_zone, mx, my));
    }
}

static void font_px(void) {
    screen_metrics m;
    layout_metrics(1920, 1080, 476, &m); /* unit 10.8 */
    CHECK_INT(layout_px(&m, 5, 10), 54);
    CHECK_INT(layout_px(&m, 1, 20), 20); /* never below the minimum */
    layout_metrics(800, 480, 154, &m);   /* unit 4.8 */
    CHECK_INT(layout_px(&m, 5, 10), 24);
    CHECK_INT(layout_px(&m, 2, 16), 16);
}

static void rect_helpers(void) {
    pk_rect r = {10, 20, 100, 50};
    pk_rect in = rect_inset(r, 5, 10);
    CHECK_INT(in.x, 15);
    CHECK_INT(in.y, 30);
    CHECK_INT(in.w, 90);
    CHECK_INT(in.h, 30);
    in = rect_inset(r, 60, 30); /* more than it has: empty, not negative */
    CHECK_INT(in.w, 0);
    CHECK_INT(in.h, 0);

    CHECK(rect_contains(r, 10, 20));
    CHECK(rect_contains(r, 109, 69));
    CHECK(!rect_contains(r, 110, 20)); /* right and bottom edges are outside */
    CHECK(!rect_contains(r, 10, 70));
    CHECK(!rect_contains(r, 9, 20));
    CHECK(!rect_contains(r, 10, 19));
    CHECK(!rect_contains((pk_rect){0, 0, 0, 0}, 0, 0));

    CHECK(rect_inside(r, r));
    CHECK(rect_inside((pk_rect){20, 30, 10, 10}, r));
    CHECK(!rect_inside((pk_rect){11, 20, 100, 50}, r));
    CHECK(!rect_inside((pk_rect){10, 20, 100, 51}, r));
    CHECK(!rect_inside((pk_rect){0, 0, 5, 5}, r));

    CHECK(rect_overlap(r, r));
    CHECK(rect_overlap(r, (pk_rect){109, 69, 10, 10}));  /* one pixel */
    CHECK(!rect_overlap(r, (pk_rect){110, 20, 10, 10})); /* touching edges */
    CHECK(!rect_overlap(r, (pk_rect){10, 70, 10, 10}));
    CHECK(rect_overlap(r, (pk_rect){20, 30, 5, 5}));   /* contained */
    CHECK(rect_overlap((pk_rect){0, 0, 500, 500}, r)); /* containing */

    pk_rect a = {0, 0, 100, 100};
    pk_rect top = rect_cut_top(&a, 30, 10);
    CHECK_INT(top.y, 0);
    CHECK_INT(top.h, 30);
    CHECK_INT(top.w, 100);
    CHECK_INT(a.y, 40);
    CHECK_INT(a.h, 60);
    pk_rect bottom = rect_cut_bottom(&a, 20, 5);
    CHECK_INT(bottom.y, 80);
    CHECK_INT(bottom.h, 20);
    CHECK_INT(a.y, 40);
    CHECK_INT(a.h, 35);
    CHECK(!rect_overlap(top, a) && !rect_overlap(bottom, a) && !rect_overlap(top, bottom));
    pk_rect left = rect_cut_left(&a, 25, 5);
    CHECK_INT(left.x, 0);
    CHECK_INT(left.w, 25);
    CHECK_INT(left.h, 35);
    CHECK_INT(a.x, 30);
    CHECK_INT(a.w, 70);
    /* Asking for more than there is takes all of it and leaves nothing. */
    pk_rect b = {0, 0, 100, 50};
    pk_rect all = rect_cut_top(&b, 80, 10);
    CHECK_INT(all.h, 50);
    CHECK_INT(b.h, 0);
    CHECK(b.y <= 50);
    b = (pk_rect){0, 0, 100, 50};
    all = rect_cut_bottom(&b, 80, 10);
    CHECK_INT(all.y, 0);
    CHECK_INT(all.h, 50);
    CHECK_INT(b.h, 0);
    b = (pk_rect){0, 0, 100, 50};
    all = rect_cut_left(&b, 180, 10);
    CHECK_INT(all.w, 100);
    CHECK_INT(b.w, 0);

    pk_rect g = {0, 0, 100, 100};
    pk_rect cell = rect_grid_cell(g, 2, 2, 10, 3);
    CHECK_INT(cell.x, 55);
    CHECK_INT(cell.y, 55);
    CHECK_INT(cell.w, 45);
    CHECK_INT(cell.h, 45);
    cell = rect_grid_cell(g, 2, 2, 10, 0);
    CHECK_INT(cell.x, 0);
    CHECK_INT(cell.y, 0);
}

/* Cells of the grid layout_grid_cols picks are inside the box and apart from each other. */
static void check_grid(pk_rect box, int n, double aspect) {
    int cols = layout_grid_cols(box, n, aspect);
    CHECK(cols >= 1 && cols <= n);
    if (cols < 1 || cols > n) return;
    int rows = (n + cols - 1) / cols;
    int bad_inside = 0, bad_overlap = 0, bad_size = 0;
    for (int i = 0; i < n; i++) {
        pk_rect c = rect_grid_cell(box, cols, rows, 12, i);
        if (!rect_inside(c, box)) bad_inside++;
        if (c.w <= 0 || c.h <= 0) bad_size++;
        for (int j = 0; j < i; j++)
            if (rect_overlap(c, rect_grid_cell(box, cols, rows, 12, j))) bad_overlap++;
    }
    CHECK_INT(bad_inside, 0);
    CHECK_INT(bad_overlap, 0);
    CHECK_INT(bad_size, 0);
}

static void grid(void) {
    /* Four cards in a landscape box of 2.5:1 make a 2 x 2 grid at the card shapes slides use. */
    pk_rect wide = {40, 100, 1000, 400};
    CHECK_INT(layout_grid_cols(wide, 4, 1.6), 2);
    CHECK_INT(layout_grid_cols(wide, 4, 1.8), 2);
    CHECK_INT(layout_grid_cols(wide, 4, 2.2), 2);
    /* A tall box stacks them instead, never using more columns than the wide box. */
    pk_rect tall = {0, 0, 400, 1000};
    CHECK_INT(layout_grid_cols(tall, 4, 1.6), 1);
    CHECK(layout_grid_cols(tall, 4, 3.0) <= layout_grid_cols(wide, 4, 3.0));
    /* One card is one column. */
    CHECK_INT(layout_grid_cols(wide, 1, 1.6), 1);
    CHECK_INT(layout_grid_cols(tall, 1, 1.6), 1);

    static const double aspects[] = {1.25, 1.6, 1.8, 2.2, 2.4, 2.6, 2.8, 3.0};
    int three_over_one = 0;
    for (int a = 0; a < 8; a++) {
        for (int n = 1; n <= 12; n++) {
            /* As the box widens, columns never drop. */
            int prev = 0, drops = 0;
            for (int w = 200; w <= 4000; w += 50) {
                pk_rect box = {0, 0, w, 400};
                int cols = layout_grid_cols(box, n, aspects[a]);
                if (cols < prev) drops++;
                prev = cols;
                check_grid(box, n, aspects[a]);
                if (n == 4 && cols == 3) three_over_one++;
            }
            CHECK_INT(drops, 0);
        }
    }
    /* Four cards never sit three over one, a lone card in its row. */
    CHECK_INT(three_over_one, 0);
    /* The frames' real content boxes. */
    for (int i = 0; i < N_SCREENS; i++) {
        screen_metrics m;
        layout_metrics(screens[i].w, screens[i].h, screens[i].mm, &m);
        frame f = layout_frame(&m);
        for (int n = 1; n <= 6; n++) check_grid(f.content, n, m.portrait ? 3.0 : 1.6);
    }
}

/* The footer's buttons with the visitor's settings, with and without Listen: each a touch
 * target inside the footer, none on another, room left for the dots, and a row for the
 * journey's Back and Next. */
static void footer_buttons(void) {
    for (int i = 0; i < N_SCREENS; i++) {
        const screen *s = &screens[i];
        screen_metrics m;
        layout_metrics(s->w, s->h, s->mm, &m);
        for (int listen = 0; listen < 2; listen++) {
            frame_opts o = {listen != 0};
            frame f = layout_frame_opts(&m, &o);
            pk_rect b[] = {f.lang_button, f.text_size_button, f.motion_button, f.button, f.listen_button};
            CHECK_INT(f.listen_button.w > 0, listen); /* no audio, no Listen button */
            for (int k = 0; k < 4 + listen; k++) {
                CHECK_INSIDE(b[k], f.footer, "footer button");
                CHECK(b[k].w >= m.touch && b[k].h >= m.touch);
                for (int o2 = 0; o2 < k; o2++) CHECK_APART(b[k], b[o2], "footer buttons");
                CHECK_APART(b[k], f.dots, "footer button and dots");
            }
            CHECK_INSIDE(f.dots, f.footer, "dots");
            CHECK(f.dots.w >= 10 * m.unit); /* room left for the progress */
            CHECK_INSIDE(f.nav, f.footer, "nav row");
            CHECK(f.nav.h >= m.touch);
            CHECK(f.content.h >= s->h / 2);
        }
    }
}

/* Mirroring: x' = w - x - width, twice is the identity, and a mirrored frame has its back
 * zone on the right, "Have your say" on the left, the language button on the right. */
static void mirror(void) {
    pk_rect r = rect_mirror((pk_rect){10, 20, 100, 50}, 800);
    CHECK_INT(r.x, 690);
    CHECK_INT(r.y, 20);
    CHECK_INT(r.w, 100);
    screen_metrics m;
    layout_metrics(800, 480, 154, &m);
    frame f = layout_frame(&m), g = frame_mirror(&f, 800), back = frame_mirror(&g, 800);
    CHECK(!f.rtl && g.rtl && !back.rtl);
    CHECK(!memcmp(&back.button, &f.button, sizeof f.button));
    CHECK(!memcmp(&back.prev_zone, &f.prev_zone, sizeof f.prev_zone));
    CHECK(g.prev_zone.x + g.prev_zone.w == 800 && g.next_zone.x == 0);
    CHECK(g.button.x < 400 && f.button.x > 400);
    CHECK(g.lang_button.x > 400 && f.lang_button.x < 400);
    CHECK(g.text_size_button.x > g.motion_button.x); /* the settings read right to left too */
    CHECK_INT(g.content.x, f.content.x); /* the content is centred: the same either way */
    CHECK_INT(g.footer.x, f.footer.x);
}

/* Issue 12: an indicator's latest value reads "22 days", not "22days", in English and in Urdu,
 * and "68%" and "£12m" keep their signs against the number. */
static void indicator_units(void) {
    static const char yaml[] =
        "plankiosk: 1\n"
        "languages: {default: en, available: [en, ur]}\n"
        "kiosk: {id: k, location: here}\n"
        "plan: {title: T}\n"
        "slides:\n"
        "  - type: indicators\n"
        "    title: How we will know\n"
        "    groups:\n"
        "      - name: Streets\n"
        "        items:\n"
        "          - {text: Days to mend a pothole, direction: fewer, unit: {en: days, ur: \"دن\"},"
        " series: [30, 22]}\n"
        "          - {text: Feeling safe, direction: more, unit: \"%\", series: [61, 68]}\n"
        "          - {text: Invested in parks, direction: more, unit: \"£m\", series: [8, 12]}\n";
    diag_list *d = calloc(1, sizeof *d);
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    config *c = config_load_string(yaml, "t.yaml", TEST_SOURCE_DIR "/config", &opt, d);
    diag_print(d, stderr);
    free(d);
    CHECK(c != NULL);
    pk_error err;
    bool ttf = TTF_Init() == 0;
    text_ctx *text = c && ttf ? text_create(c->theme.font_regular, c->theme.font_bold, &err) : NULL;
    CHECK(text != NULL);
    draw_list *l = malloc(sizeof *l);
    static const char *const want[2][3] = {{"22 days", "68%", "£12m"}, {"22 دن", "68%", "£12m"}};
    static const char *const code[2] = {"en", "ur"};
    for (int k = 0; text && l && k < 2; k++) {
        const config *lc = c->by_lang[config_language_index(c, code[k])];
        slide_ctx sc;
        slide_ctx_init(&sc, lc, text, 1920, 1080, (pk_date){2025, 6, 1});
        slides_layout(&sc, &lc->slides[0], l);
        for (int v = 0; v < 3; v++) {
            bool shown = false;
            for (int i = 0; i < l->count && !shown; i++)
                shown = l->items[i].kind == DRAW_TEXT &&
                        !strcmp(draw_list_get(l, l->items[i].str), want[k][v]);
            if (!shown) fprintf(stderr, "    %s: no \"%s\" on the slide\n", code[k], want[k][v]);
            CHECK(shown);
        }
    }
    free(l);
    text_free(text);
    config_free(c);
}

/* The we_did slide's arrow points along the line of reading: its tip at the right of its box,
 * both strokes of its head going back from the tip, everything inside the box; mirrored for an
 * Urdu screen it points left. */
static void arrow_along_the_line(void) {
    draw_list *l = calloc(1, sizeof *l);
    pk_rect b = {100, 50, 60, 40};
    pk_color c = {255, 255, 255, 255};
    slides_arrow_on(l, b, c, 4);
    CHECK_INT(l->count, 3);
    int tip = l->items[1].box.x;
    CHECK_INT(l->items[0].box.x + l->items[0].box.w, tip); /* the shaft ends at the tip */
    CHECK(tip > b.x + b.w / 2);
    for (int i = 0; i < l->count; i++) {
        const pk_rect r = l->items[i].box;
        CHECK(rect_contains(b, r.x, r.y) && rect_contains(b, r.x + r.w, r.y + r.h));
        if (i) CHECK(r.w < 0); /* the head's strokes go back from the tip */
    }
    slides_mirror(l, 0, 0, 800, false);
    for (int i = 1; i < l->count; i++) CHECK(l->items[i].box.w > 0);
    CHECK(l->items[1].box.x < 800 - (b.x + b.w / 2));
    free(l);
}

int main(void) {
    RUN(metrics);
    RUN(frame_fits);
    RUN(font_px);
    RUN(rect_helpers);
    RUN(grid);
    RUN(footer_buttons);
    RUN(mirror);
    RUN(indicator_units);
    RUN(arrow_along_the_line);
    return check_report();
}
