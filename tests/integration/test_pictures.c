/* Pictures alone: a child or someone who reads little can answer the taps-only questions from
 * what they see. Every theme card shows its own picture (an icon file that exists, a different
 * one per theme, "Something else" too) and every rating is a face, drawn from shapes, each face
 * different, whether chosen or not, at the sizes kiosks use; on every screen of the journey the
 * ways on carry a sign. Uses the real fonts; needs no display. */
#include <stdlib.h>
#include <unistd.h>

#include "app/screen.h"
#include "check.h"
#include "journey_test.h"
#include "config/config.h"
#include "render/screens/journey_view.h"

static const int sizes[][2] = {{800, 480}, {1920, 1080}, {1080, 1920}};

/* The picture items (image, disc, stroke) drawn inside r. */
static int pictures_in(const draw_list *l, pk_rect r, const char **image) {
    int n = 0;
    for (int i = 0; i < l->count; i++) {
        const draw_item *it = &l->items[i];
        bool shape = it->kind == DRAW_IMAGE || it->kind == DRAW_CIRCLE || it->kind == DRAW_LINE;
        pk_rect b = it->box;
        if (it->kind == DRAW_LINE) b = (pk_rect){b.x < b.x + b.w ? b.x : b.x + b.w, b.y < b.y + b.h ? b.y : b.y + b.h,
                                                 abs(b.w) + 1, abs(b.h) + 1};
        if (!shape || !rect_inside(b, r)) continue;
        n++;
        if (it->kind == DRAW_IMAGE && image) *image = draw_list_get(l, it->str);
    }
    return n;
}

static void themes_have_pictures(const journey *j, const draw_list *l, const widget_list *w, const char *what) {
    const char *icons[CONFIG_MAX_THEMES + 1] = {0};
    int n = 0;
    for (int i = 0; i < w->count; i++) {
        if (w->items[i].kind != W_OPTION) continue;
        const char *icon = NULL;
        int pics = pictures_in(l, w->items[i].r, &icon);
        if (!icon) fprintf(stderr, "%s: theme %d has no picture\n", what, w->items[i].index);
        CHECK(pics >= 1 && icon != NULL);
        CHECK(icon && access(icon, R_OK) == 0);
        for (int o = 0; icon && o < n; o++)
            if (icons[o] && !strcmp(icons[o], icon)) {
                fprintf(stderr, "%s: themes share the picture %s\n", what, icon);
                CHECK(false);
            }
        if (n <= CONFIG_MAX_THEMES) icons[n++] = icon;
    }
    CHECK_INT(n, j->cfg->n_themes + 1);
}

/* A face's strokes relative to its card: its expression. */
typedef struct face_sig {
    int n;
    pk_rect lines[16];
} face_sig;

static void faces_are_pictures(const draw_list *l, const widget_list *w, const char *what) {
    face_sig faces[5];
    int n = 0;
    for (int i = 0; i < w->count && n < 5; i++) {
        if (w->items[i].kind != W_POINT) continue;
        pk_rect r = w->items[i].r;
        int pics = pictures_in(l, r, NULL);
        if (pics < 4) fprintf(stderr, "%s: rating %d draws %d shapes\n", what, w->items[i].index, pics);
        CHECK(pics >= 4); /* a disc, two eyes, a mouth */
        face_sig *f = &faces[n++];
        f->n = 0;
        for (int k = 0; k < l->count && f->n < 16; k++)
            if (l->items[k].kind == DRAW_LINE && rect_contains(r, l->items[k].box.x, l->items[k].box.y)) {
                pk_rect b = l->items[k].box;
                f->lines[f->n++] = (pk_rect){b.x - r.x, b.y - r.y, b.w, b.h};
            }
    }
    CHECK_INT(n, 5);
    /* Each expression differs from every other: a frown is not a smile. */
    for (int a = 0; a < n; a++)
        for (int b = 0; b < a; b++) {
            bool same = faces[a].n == faces[b].n &&
                        !memcmp(faces[a].lines, faces[b].lines, sizeof(pk_rect) * (size_t)faces[a].n);
            if (same) fprintf(stderr, "%s: faces %d and %d look the same\n", what, b + 1, a + 1);
            CHECK(!same);
        }
}

/* Back, Next (or Send, or a long review's More) and Skip each carry a sign as well as a word,
 * on every step that has them, so the way through can be followed from pictures too. */
static void moving_on_has_pictures(const draw_list *l, const widget_list *w, const char *what) {
    int signs = 0;
    for (int i = 0; i < w->count; i++) {
        widget_kind k = w->items[i].kind;
        if (k != W_BACK && k != W_NEXT && k != W_SKIP && k != W_SEND && k != W_MORE) continue;
        int n = pictures_in(l, w->items[i].r, NULL);
        if (n < 2) fprintf(stderr, "%s: button %d has no sign\n", what, k);
        CHECK(n >= 2);
        signs++;
    }
    CHECK(signs >= 2); /* at least Back and Next */
}

/* Every screen of the shipped consultation at one size, unanswered, then answered (a chosen
 * card keeps its picture). */
static void every_screen(const slide_ctx *sc, journey *j, draw_list *l, widget_list *w, int chosen) {
    char what[120], size_name[32];
    snprintf(size_name, sizeof size_name, "%dx%d", sc->m.w, sc->m.h);
    int screens = 0;
    journey_init(j, sc->cfg);
    jt_start(j, 0);
    for (int guard = 0; guard < 3 * CONSULT_MAX_QUESTIONS && j->step == STEP_QUESTION; guard++) {
        const question *q = journey_question(j);
        snprintf(what, sizeof what, "%s %s%s%s", size_name, q->id, j->other_page ? " (something else)" : "",
                 chosen ? " chosen" : "");
        screens++;
        if (j->other_page) {
            journey_view_layout(sc, j, 0, l, w);
            moving_on_has_pictures(l, w, what);
            journey_press(j, W_NEXT, 0, NULL, 0);
            continue;
        }
        if (!strcmp(q->id, "themes") && chosen) {
            /* Every other theme, and "Something else" (its box comes next). */
            for (int i = 0; i < q->n_options - 1; i += 2) journey_press(j, W_OPTION, i, NULL, 0);
            journey_press(j, W_OPTION, q->n_options - 1, NULL, 0);
            CHECK(jt_answer(j, "themes")->picked != 0);
        }
        if (!strcmp(q->id, "rating") && chosen) {
            journey_press(j, W_POINT, 2, NULL, 0); /* a tap answers and moves on; Back shows it again */
            journey_press(j, W_BACK, 0, NULL, 0);
            CHECK(journey_on(j, "rating"));
            CHECK_INT(jt_answer(j, "rating")->value, 2);
        }
        journey_view_layout(sc, j, 0, l, w);
        if (!strcmp(q->id, "themes")) themes_have_pictures(j, l, w, what);
        if (!strcmp(q->id, "rating")) faces_are_pictures(l, w, what);
        moving_on_has_pictures(l, w, what);
        /* Words typed for the idea, so that the consent question comes too. */
        if (!strcmp(q->id, "text")) journey_type(j, "More trees", 0);
        journey_press(j, j->notice_page || !strcmp(q->id, "text") || (!strcmp(q->id, "themes") && chosen) ? W_NEXT : W_SKIP, 0,
                      NULL, 0);
    }
    CHECK_INT(j->step, STEP_REVIEW);
    /* Seven questions (consent too: an idea was typed), and "Something else" when chosen. */
    CHECK_INT(screens, 7 + chosen);
    snprintf(what, sizeof what, "%s review%s", size_name, chosen ? " chosen" : "");
    journey_view_layout(sc, j, 0, l, w);
    moving_on_has_pictures(l, w, what);
}

static void taps_only_steps_have_pictures(void) {
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    config *c = config_load(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", &opt, d);
    free(d);
    CHECK(c != NULL);
    if (!c) return;
    pk_error err;
    text_ctx *t = text_create(c->theme.font_regular, c->theme.font_bold, &err);
    CHECK(t != NULL);
    draw_list *l = malloc(sizeof *l);
    widget_list *w = malloc(sizeof *w);
    journey *j = calloc(1, sizeof *j);
    for (size_t s = 0; t && s < sizeof sizes / sizeof sizes[0]; s++) {
        slide_ctx sc;
        slide_ctx_init(&sc, c, t, sizes[s][0], sizes[s][1], (pk_date){2026, 5, 28});
        for (int chosen = 0; chosen < 2; chosen++) every_screen(&sc, j, l, w, chosen);
        journey_clear(j);
    }
    free(j);
    free(w);
    free(l);
    text_free(t);
    config_free(c);
}

/* A review too long for one page (the every-type fixture's twelve questions, at larger text on
 * the Pi's screen): More, on every page but the last, carries Next's sign, Send its tick. */
static void long_review_has_signs(void) {
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    config *c = config_load(TEST_SOURCE_DIR "/tests/fixtures/every-type/config.yaml", &opt, d);
    free(d);
    CHECK(c != NULL);
    if (!c) return;
    pk_error err;
    text_ctx *t = text_create(c->theme.font_regular, c->theme.font_bold, &err);
    CHECK(t != NULL);
    draw_list *l = malloc(sizeof *l);
    widget_list *w = malloc(sizeof *w);
    journey *j = calloc(1, sizeof *j);
    int paged = 0;
    for (int s = 0; t && s < 2; s++) {
        slide_ctx sc;
        slide_ctx_init(&sc, c, t, 800, 480, (pk_date){2026, 5, 28});
        slide_view v = {s ? 2.0 : 1.5, false, false};
        slide_ctx_set_view(&sc, &v);
        journey_init(j, c);
        jt_start(j, 0);
        journey_press(j, W_NEXT, 0, NULL, 0); /* its intro */
        for (int guard = 0; guard < 3 * CONSULT_MAX_QUESTIONS && j->step == STEP_QUESTION; guard++) {
            const question *q = journey_question(j);
            if (q->required) journey_press(j, W_POINT, q->max_value, NULL, 0); /* a tap answers */
            else journey_press(j, W_SKIP, 0, NULL, 0);
        }
        CHECK_INT(j->step, STEP_REVIEW);
        for (int page = 0; page < CONSULT_MAX_QUESTIONS; page++) {
            char what[80];
            snprintf(what, sizeof what, "800x480 x%.1f review page %d", v.text_scale, page + 1);
            journey_view_layout(&sc, j, 0, l, w);
            moving_on_has_pictures(l, w, what);
            const widget *more = NULL;
            for (int i = 0; i < w->count; i++)
                if (w->items[i].kind == W_MORE) more = &w->items[i];
            if (!more) break;
            paged++;
            journey_press(j, W_MORE, more->index, NULL, 0);
        }
        journey_clear(j);
    }
    CHECK(paged > 0);
    free(j);
    free(w);
    free(l);
    text_free(t);
    config_free(c);
}

/* Shares of the pixels in r near colour a and near colour b (within 40 in each channel). */
static void shares(SDL_Surface *s, pk_rect r, pk_color a, pk_color b, double *near_a, double *near_b) {
    int na = 0, nb = 0, all = 0;
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++) {
            Uint8 cr, cg, cb;
            SDL_GetRGB(((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x], s->format, &cr, &cg, &cb);
            na += abs(cr - a.r) < 40 && abs(cg - a.g) < 40 && abs(cb - a.b) < 40;
            nb += abs(cr - b.r) < 40 && abs(cg - b.g) < 40 && abs(cb - b.b) < 40;
            all++;
        }
    *near_a = all ? (double)na / all : 0, *near_b = all ? (double)nb / all : 0;
}

/* A town with light colours and the shipped white icons: every icon on the choice step is drawn
 * in the colour of its card's words, so its shape shows on the card, chosen or not (a white
 * icon on a pale card vanished, and a chosen card showed an empty dark disc). Measured on the
 * pixels: in the middle of each icon's box some pixels are the card's colour and some the
 * words' colour. */
static void icons_show_on_a_light_theme(void) {
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    config *c = config_load(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", &opt, d);
    free(d);
    CHECK(c != NULL);
    if (!c || SDL_Init(SDL_INIT_VIDEO) != 0) return;
    config_theme *th = &c->theme;
    th->background = (pk_color){250, 248, 240, 255}, th->surface = (pk_color){255, 255, 255, 255};
    th->text = (pk_color){30, 40, 50, 255}, th->muted = (pk_color){90, 90, 90, 255};
    th->accent = (pk_color){0, 110, 90, 255}, th->accent_text = (pk_color){255, 255, 255, 255};
    screen scr;
    pk_error err = {{0}};
    CHECK(screen_open_surface(&scr, c, 800, 480, (pk_date){2026, 5, 28}, &err));
    draw_list *l = malloc(sizeof *l);
    widget_list *w = malloc(sizeof *w);
    journey *j = calloc(1, sizeof *j);
    journey_init(j, c);
    jt_start(j, 0);
    CHECK(journey_on(j, "themes"));
    /* One theme and "Something else" chosen. */
    journey_press(j, W_OPTION, 0, NULL, 0);
    journey_press(j, W_OPTION, c->n_themes, NULL, 0);
    const answer *themes = jt_answer(j, "themes");
    CHECK(themes && themes->picked == (1u | 1u << c->n_themes));
    journey_view_layout(&scr.sc, j, 0, l, w);
    screen_draw_frame(&scr, l, NULL, 1, 1, 1 << 20, NULL);
    int icons = 0;
    for (int i = 0; i < l->count; i++) {
        const draw_item *it = &l->items[i];
        if (it->kind != DRAW_IMAGE) continue;
        bool chosen = false;
        for (int k = 0; k < w->count; k++)
            if (w->items[k].kind == W_OPTION && rect_inside(it->box, w->items[k].r))
                chosen = (themes->picked >> w->items[k].index) & 1;
        pk_color card = chosen ? th->accent : th->surface, words = chosen ? th->accent_text : th->text;
        double on_card, inked;
        shares(scr.surface, rect_inset(it->box, it->box.w / 8, it->box.h / 8), card, words, &on_card, &inked);
        if (on_card < 0.1 || inked < 0.1)
            fprintf(stderr, "icon %s (%s): %.0f %% card, %.0f %% icon colour\n", draw_list_get(l, it->str),
                    chosen ? "chosen" : "not chosen", on_card * 100, inked * 100);
        CHECK(on_card >= 0.1 && inked >= 0.1);
        icons++;
    }
    CHECK_INT(icons, c->n_themes + 1);
    free(j);
    free(w);
    free(l);
    screen_close(&scr);
    config_free(c);
}

int main(void) {
    RUN(taps_only_steps_have_pictures);
    RUN(long_review_has_signs);
    RUN(icons_show_on_a_light_theme);
    return check_report();
}
