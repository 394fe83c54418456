/* Right-to-left layouts, with the real fonts and the shipped config in Urdu against the same
 * screens in English: the journey's Back is on the right and Next on the left, the progress
 * dots run from the right, the footer mirrors, bullets and ticks sit where an Urdu reader
 * expects them while ticks, keys and numbers keep their own shape and order, and every widget
 * is exactly a rectangle that was drawn. */
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "journey_test.h"
#include "live_fixture.h"
#include "config/config.h"
#include "render/chrome.h"
#include "render/screens/journey_view.h"
#include "render/slides/slides.h"

static config *root;
static text_ctx *text;
static draw_list *l;
static widget_list *w;
static journey *j;

static const config *lang(const char *code) { return root->by_lang[config_language_index(root, code)]; }

static void ctx(slide_ctx *sc, const char *code, int width, int height) {
    slide_ctx_init(sc, lang(code), text, width, height, (pk_date){2024, 6, 1});
    slide_view v = {1.0, false, true};
    slide_ctx_set_view(sc, &v);
}

static const widget *find(widget_kind kind, int index) {
    for (int i = 0; i < w->count; i++)
        if (w->items[i].kind == kind && w->items[i].index == index) return &w->items[i];
    return NULL;
}

/* Every widget is a rectangle that was drawn (a button, a card, a key, or the veil). */
static void widgets_are_drawn(const char *what) {
    for (int i = 0; i < w->count; i++) {
        bool drawn = false;
        for (int k = 0; k < l->count && !drawn; k++)
            drawn = l->items[k].kind == DRAW_RECT && !memcmp(&l->items[k].box, &w->items[i].r, sizeof(pk_rect));
        if (!drawn) fprintf(stderr, "%s: widget %d (kind %d) matches nothing drawn\n", what, i, w->items[i].kind);
        CHECK(drawn);
    }
}

/* The centre x of the accent-coloured dot among the progress dots: the circles inside band
 * that are not part of a button (the text size button has pips of its own). */
static int current_dot_x(const slide_ctx *sc, pk_rect band, int *min_x, int *max_x) {
    int cur = -1;
    *min_x = 1 << 20, *max_x = -1;
    for (int i = 0; i < l->count; i++) {
        const draw_item *it = &l->items[i];
        if ((it->kind != DRAW_CIRCLE && it->kind != DRAW_RING) || !rect_inside(it->box, band)) continue;
        bool in_button = false;
        for (int k = 0; k < w->count; k++) in_button |= rect_inside(it->box, w->items[k].r);
        if (in_button) continue;
        int x = it->box.x + it->box.w / 2;
        if (x < *min_x) *min_x = x;
        if (x > *max_x) *max_x = x;
        if (!memcmp(&it->color, &sc->cfg->theme.accent, sizeof it->color)) cur = x;
    }
    return cur;
}

static void journey_mirrors(void) {
    static const int sizes[][2] = {{800, 480}, {1920, 1080}, {1080, 1920}};
    for (int s = 0; s < 3; s++) {
        slide_ctx en, ur;
        ctx(&en, "en", sizes[s][0], sizes[s][1]);
        ctx(&ur, "ur", sizes[s][0], sizes[s][1]);
        CHECK(!en.rtl && ur.rtl);
        for (int k = 0; k < 2; k++) {
            const slide_ctx *sc = k ? &ur : &en;
            journey_init(j, sc->cfg);
            jt_start(j, 0);
            CHECK(journey_on(j, "themes"));
            journey_view_layout(sc, j, 0, l, w);
            widgets_are_drawn(k ? "ur themes" : "en themes");
            const widget *back = find(W_BACK, 0), *next = find(W_NEXT, 0), *skip = find(W_SKIP, 0);
            const widget *close = find(W_CLOSE, 0), *size = find(W_TEXT_SIZE, 0), *listen = find(W_LISTEN, 0);
            CHECK(back && next && skip && close && size && listen);
            if (!back || !next || !skip || !close || !size || !listen) continue;
            int mid = sc->m.w / 2;
            /* Urdu: Back on the right, Next on the left, Skip beside Next, Close at the top left. */
            CHECK((back->r.x > mid) == sc->rtl);
            CHECK((next->r.x < mid) == sc->rtl);
            CHECK((skip->r.x > back->r.x) != sc->rtl);
            CHECK((close->r.x < mid) == sc->rtl);
            /* First step: the current dot is the first, at the right in Urdu. */
            int lo, hi, cur = current_dot_x(sc, sc->shown.footer, &lo, &hi);
            CHECK(hi > lo);
            CHECK_INT(cur, sc->rtl ? hi : lo);
            /* The themes' cards read from the right: the first card is the rightmost on its row. */
            const widget *t0 = find(W_OPTION, 0), *t1 = find(W_OPTION, 1);
            CHECK(t0 && t1);
            if (t0 && t1 && t0->r.y == t1->r.y) CHECK((t0->r.x > t1->r.x) == sc->rtl);
        }
        CHECK(!memcmp(&ur.shown.footer, &en.shown.footer, sizeof(pk_rect)));
    }
}

/* Lays out question id of a fresh journey in Urdu at 800x480, reached as a visitor reaches it
 * (an idea typed on the way, so that consent is asked), with consent answered as given (-1:
 * not answered). */
static void urdu_question(const char *id, int consent) {
    slide_ctx ur;
    ctx(&ur, "ur", 800, 480);
    journey_init(j, ur.cfg);
    jt_start(j, 0);
    for (int guard = 0; guard < CONSULT_MAX_QUESTIONS && j->step == STEP_QUESTION && !journey_on(j, id); guard++) {
        if (journey_on(j, "text")) journey_type(j, "\xD9\xBE\xD8\xA7\xD8\xB1\xDA\xA9", 0);
        journey_press(j, journey_on(j, "text") ? W_NEXT : W_SKIP, 0, NULL, 0);
    }
    CHECK(journey_on(j, id));
    if (consent >= 0) {
        journey_press(j, W_CONSENT, consent, NULL, 0); /* a tap answers and moves on */
        journey_press(j, W_BACK, 0, NULL, 0);
        CHECK(journey_on(j, id));
    }
    journey_view_layout(&ur, j, 0, l, w);
}

/* Consent answered "yes": the tick on its button is upright in Urdu too: a short stroke down
 * to the right, then a long one up to the right. */
static void ticks_stay_upright(void) {
    urdu_question("consent_quote", 1);
    /* The "yes" button is on the right: the first answer. */
    const widget *yes = find(W_CONSENT, 1), *no = find(W_CONSENT, 0);
    CHECK(yes && no && yes->r.x > no->r.x);
    if (!yes) return;
    int lines = 0;
    for (int i = 0; i < l->count; i++)
        if (l->items[i].kind == DRAW_LINE && rect_contains(yes->r, l->items[i].box.x, l->items[i].box.y)) {
            const pk_rect b = l->items[i].box;
            CHECK(b.w > 0);
            CHECK(lines == 0 ? b.h > 0 : b.h < 0);
            lines++;
        }
    CHECK_INT(lines, 2);
}

/* The keyboard is not mirrored: its keys keep the order of the layout file, under the idea
 * and in the "Something else" box alike. */
static void keys_in_order(const char *what) {
    widgets_are_drawn(what);
    const widget *k0 = NULL, *k1 = NULL;
    for (int i = 0; i < w->count; i++)
        if (w->items[i].kind == W_KEY) {
            if (!k0) k0 = &w->items[i];
            else if (!k1) k1 = &w->items[i];
        }
    CHECK(k0 && k1 && k0->r.y == k1->r.y && k0->r.x < k1->r.x);
}

static void keys_keep_their_order(void) {
    urdu_question("text", -1);
    keys_in_order("ur text");
    urdu_question("themes", -1);
    const question *q = journey_question(j);
    journey_press(j, W_OPTION, q ? q->n_options - 1 : 0, NULL, 0); /* "Something else" */
    journey_press(j, W_NEXT, 0, NULL, 0);
    CHECK(j->other_page);
    slide_ctx ur;
    ctx(&ur, "ur", 800, 480);
    journey_view_layout(&ur, j, 0, l, w);
    keys_in_order("ur something else");
}

/* The loop's footer in Urdu: the language button at the right (the footer's start), "Have your
 * say" at the left, the first slide's dot at the right, and the widgets drawn where they are. */
static void footer_mirrors(void) {
    for (int k = 0; k < 2; k++) {
        slide_ctx sc;
        ctx(&sc, k ? "ur" : "en", 800, 480);
        chrome_state cs = {10, 0, false, "x", false};
        chrome_layout(&sc, &cs, l, w);
        widgets_are_drawn("footer");
        const widget *lb = find(W_LANG_OPEN, 0), *say = find(W_FEEDBACK_OPEN, 0);
        const widget *size = find(W_TEXT_SIZE, 0), *motion = find(W_MOTION, 0);
        CHECK(lb && say && size && motion);
        if (!lb || !say || !size || !motion) continue;
        CHECK((lb->r.x > say->r.x) == sc.rtl);
        CHECK((size->r.x > motion->r.x) == sc.rtl);
        CHECK(!memcmp(&say->r, &sc.shown.button, sizeof(pk_rect)));
        CHECK(!memcmp(&lb->r, &sc.shown.lang_button, sizeof(pk_rect)));
        int lo, hi, cur = current_dot_x(&sc, sc.shown.dots, &lo, &hi);
        CHECK_INT(cur, sc.rtl ? hi : lo);
    }
}

/* Where dots would be specks (24 slides beside every button at 800x480) the footer says where
 * we are in figures instead; with room, or fewer slides, the dots stay. */
static void many_slides_counted(void) {
    static const struct { int w, h, n; bool counter; } cases[] = {
        {800, 480, 24, true}, {800, 480, 10, false}, {1920, 1080, 24, false}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++)
        for (int k = 0; k < 2; k++) {
            slide_ctx sc;
            ctx(&sc, k ? "ur" : "en", cases[c].w, cases[c].h);
            slide_view v = {1.0, false, true};
            slide_ctx_set_view(&sc, &v);
            chrome_state cs = {cases[c].n, 4, false, "x", false};
            chrome_layout(&sc, &cs, l, w);
            char want[16];
            snprintf(want, sizeof want, "5 / %d", cases[c].n);
            bool counted = false;
            int circles = 0;
            for (int i = 0; i < l->count; i++) {
                if (l->items[i].kind == DRAW_TEXT && !strcmp(draw_list_get(l, l->items[i].str), want)) counted = true;
                if (l->items[i].kind == DRAW_CIRCLE && rect_inside(l->items[i].box, sc.shown.dots)) circles++;
            }
            if (counted != cases[c].counter || circles != (cases[c].counter ? 0 : cases[c].n))
                fprintf(stderr, "  %dx%d %d slides (%s): dots band %d px, counter %d, %d circles\n", cases[c].w,
                        cases[c].h, cases[c].n, k ? "ur" : "en", sc.fr.dots.w, counted, circles);
            CHECK(counted == cases[c].counter);
            CHECK_INT(circles, cases[c].counter ? 0 : cases[c].n);
        }
}

/* Slides: a text slide's bullets sit at the right of their lines in Urdu, and highlight
 * numbers are aligned to the right of their cards. */
static void slides_mirror_content(void) {
    for (int k = 0; k < 2; k++) {
        slide_ctx sc;
        ctx(&sc, k ? "ur" : "en", 1920, 1080);
        int bullets = 0, numbers = 0;
        for (int s = 0; s < sc.cfg->n_slides; s++) {
            const slide *sl = &sc.cfg->slides[s];
            slides_layout(&sc, sl, l);
            for (int i = 0; i < l->count; i++) {
                const draw_item *it = &l->items[i];
                if (sl->type == SLIDE_TEXT && it->kind == DRAW_CIRCLE) {
                    CHECK((it->box.x > sc.m.w / 2) == sc.rtl);
                    bullets++;
                }
                if (it->kind == DRAW_NUMBER) {
                    CHECK_INT(it->align, sc.rtl ? ALIGN_RIGHT : ALIGN_LEFT);
                    numbers++;
                }
                if (it->kind == DRAW_TEXT) CHECK(rect_inside(it->box, (pk_rect){0, 0, sc.m.w, sc.m.h}));
            }
        }
        CHECK(bullets > 0);
        CHECK(numbers > 0);
    }
}

/* The live slides in Urdu are their left-to-right layout mirrored, box for box (bars grow
 * from the right, the we_did arrows point left, the language tag sits at the left of its card),
 * pictures placed but not flipped; each quote keeps its own direction: an English quote on the
 * Urdu screen reads left to right from the right edge, an Urdu quote on the English screen sits
 * at the right of its card. */
static slide_live *live;
static int live_first;

static int text_item(const char *s) {
    for (int i = 0; i < l->count; i++)
        if (l->items[i].kind == DRAW_TEXT && strstr(draw_list_get(l, l->items[i].str), s)) return i;
    return -1;
}

static void live_slides_mirror(void) {
    static const int sizes[][2] = {{800, 480}, {1920, 1080}, {1080, 1920}};
    draw_list *ltr = malloc(sizeof *ltr);
    for (int z = 0; z < 3; z++) {
        slide_ctx ur;
        ctx(&ur, "ur", sizes[z][0], sizes[z][1]);
        ur.live = live;
        for (int i = live_first; i < ur.cfg->n_slides; i++) {
            const slide *s = &ur.cfg->slides[i];
            slide_ctx flat = ur;
            flat.rtl = false;
            slides_layout(&flat, s, ltr);
            slides_layout(&ur, s, l);
            CHECK_INT(l->count, ltr->count);
            int bars = 0, pictures = 0, arrows = 0;
            for (int k = 0; k < l->count && k < ltr->count; k++) {
                const draw_item *a = &ltr->items[k], *b = &l->items[k];
                if (a->kind == DRAW_LINE) {
                    CHECK_INT(b->box.x, ur.m.w - a->box.x);
                    CHECK_INT(b->box.w, -a->box.w);
                } else {
                    CHECK_INT(b->box.x, ur.m.w - a->box.x - a->box.w);
                }
                CHECK_INT(b->box.y, a->box.y);
                /* A bar's fill starts where its track does: at the right in Urdu. */
                if (k > 0 && s->type == SLIDE_RESULTS && a->kind == DRAW_RECT && ltr->items[k - 1].kind == DRAW_RECT &&
                    a->box.y == ltr->items[k - 1].box.y && a->box.x == ltr->items[k - 1].box.x && a->box.w < ltr->items[k - 1].box.w) {
                    CHECK_INT(b->box.x + b->box.w, l->items[k - 1].box.x + l->items[k - 1].box.w);
                    bars++;
                }
                if (b->kind == DRAW_IMAGE) {
                    pictures++;
                    CHECK(!b->tint);
                }
                if (s->type == SLIDE_WE_DID && b->kind == DRAW_LINE && b->box.h != 0) {
                    /* The arrow's head opens to the right of its tip: it points left. */
                    CHECK(b->box.w > 0);
                    arrows++;
                }
            }
            if (s->type == SLIDE_RESULTS && s->question == 0) CHECK(bars > 0);
            if (s->type == SLIDE_WE_DID) CHECK(pictures > 0 && arrows > 0);
        }
        /* Each quote in its own direction (the fixture's quotes without the longest: an
         * English, an Urdu and a Polish one on the first page). */
        const slide *ys = &ur.cfg->slides[live_first];
        CHECK_INT(ys->type, SLIDE_YOU_SAID);
        live_fixture_quotes(live, ur.cfg->consultations[0].id, false);
        live->quote_turn = 0;
        slides_layout(&ur, ys, l);
        int en_q = text_item("More benches"), ur_q = text_item("بچوں");
        CHECK(en_q >= 0 && ur_q >= 0);
        if (en_q >= 0) CHECK_INT(l->items[en_q].align, ALIGN_RIGHT); /* at the start of an Urdu screen's line */
        if (ur_q >= 0) CHECK_INT(l->items[ur_q].align, ALIGN_LEFT);  /* its own start: the right */
        /* "English" names the English quote, at the left of its card (the end of an Urdu line). */
        int tag = text_item("English");
        CHECK(tag >= 0 && en_q >= 0);
        if (tag >= 0 && en_q >= 0) CHECK(l->items[tag].box.x <= l->items[en_q].box.x);
        slide_ctx en;
        ctx(&en, "en", sizes[z][0], sizes[z][1]);
        en.live = live;
        slides_layout(&en, &en.cfg->slides[live_first], l);
        ur_q = text_item("بچوں");
        CHECK(ur_q >= 0 && text_is_rtl(draw_list_get(l, l->items[ur_q].str)));
        int ur_tag = text_item("اردو");
        CHECK(ur_tag >= 0 && ur_q >= 0);
        if (ur_tag >= 0 && ur_q >= 0)
            CHECK(l->items[ur_tag].box.x + l->items[ur_tag].box.w == l->items[ur_q].box.x + l->items[ur_q].box.w);
        live_fixture_quotes(live, ur.cfg->consultations[0].id, true);
    }
    free(ltr);
}

int main(void) {
    if (TTF_Init() != 0) return 1;
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    root = config_load(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", &opt, d);
    free(d);
    pk_error err;
    text = root ? text_create(root->theme.font_regular, root->theme.font_bold, &err) : NULL;
    CHECK(text != NULL);
    l = malloc(sizeof *l);
    w = malloc(sizeof *w);
    live = calloc(1, sizeof *live);
    if (root) live_first = live_fixture_add(root, live, 412);
    j = calloc(1, sizeof *j);
    if (text) {
        RUN(journey_mirrors);
        RUN(ticks_stay_upright);
        RUN(keys_keep_their_order);
        RUN(footer_mirrors);
        RUN(many_slides_counted);
        RUN(slides_mirror_content);
        RUN(live_slides_mirror);
    }
    free(live);
    journey_clear(j);
    free(j);
    free(w);
    free(l);
    text_free(text);
    config_free(root);
    TTF_Quit();
    return check_report();
}
