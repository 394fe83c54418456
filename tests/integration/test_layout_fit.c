/* Every slide of the shipped config and of the every-type fixture, laid out at the sizes kiosks
 * use (Pi touchscreen, HD, portrait totem, 4K): nothing may leave the screen, no text may be
 * taller or wider than its box, no two texts may overlap, the draw list may not overflow, and
 * body text may not fall below a readable size. Uses the real fonts; needs no display. */
#include <SDL_ttf.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "layout_check.h"
#include "config/config.h"
#include "render/chrome.h"
#include "render/screens/journey_view.h"
#include "render/screens/staff_view.h"
#include "render/slides/slides.h"

static const int sizes[][2] = {{800, 480}, {1920, 1080}, {1080, 1920}, {3840, 2160}};

/* The smallest body text on the shipped config, per size, must still be readable:
 * at least 2.6 % of the screen's shorter side (12 px at 800x480, 28 px at 1080p). */
static void check_readable(const slide_ctx *sc, const draw_list *l, const char *what) {
    int floor_px = (int)(sc->m.unit * 2.6);
    if (floor_px < 12) floor_px = 12;
    for (int i = 0; i < l->count; i++) {
        const draw_item *it = &l->items[i];
        if (it->kind == DRAW_TEXT && it->px < floor_px) {
            fprintf(stderr, "%s: \"%.40s\" is %d px, below %d px\n", what,
                    draw_list_get(l, it->str), it->px, floor_px);
            CHECK(false);
        }
    }
}

/* Every feedback screen: text fits, and every button and key is a real touch target (9 mm,
 * never below 44 px), on screen, and not overlapping another. */
static void check_journey(const slide_ctx *sc, const config *c, draw_list *l) {
    journey *j = calloc(1, sizeof *j);
    widget_list *w = malloc(sizeof *w);
    journey_init(j, c);
    journey_start(j, 0);
    snprintf(j->text, sizeof j->text, "%s", "A long idea that needs several lines in the box, typed "
             "by someone with plenty to say about Rotherham and its future: more to do for children.");
    char what[200];
    for (journey_step st = STEP_CHOICE; st <= STEP_SORRY; st++) {
        /* The keyboard's pages; the consent step's notice page and question page. */
        int pages = st == STEP_TEXT ? j->kb.layout->n_pages : st == STEP_CONSENT ? 2 : 1;
        for (int p = 0; p < pages; p++) {
            j->step = st;
            j->kb.page = st == STEP_TEXT ? p : 0;
            journey_set_notice_apart(j, sc->text_scale > 1);
            j->notice_page = st == STEP_CONSENT && p == 0 && j->notice_apart;
            j->postcode_invalid = st == STEP_POSTCODE;
            snprintf(what, sizeof what, "%dx%d journey %s page %d", sc->m.w, sc->m.h, journey_step_name(st), p);
            journey_view_layout(sc, j, 0, l, w);
            check_list(sc, l, what);
            CHECK(w->count > 0);
            for (int i = 0; i < w->count; i++) {
                pk_rect r = w->items[i].r;
                /* The text box is a keyboard focus stop, not something to tap; on a small
                 * screen under a five-row keyboard it keeps one line of text. */
                bool big = w->items[i].kind == W_FIELD || (r.w >= sc->m.touch && r.h >= sc->m.touch);
                if (!big)
                    fprintf(stderr, "%s: widget %d (kind %d) is %dx%d, below %d px\n", what, i,
                            w->items[i].kind, r.w, r.h, sc->m.touch);
                CHECK(big);
                CHECK(rect_inside(r, (pk_rect){0, 0, sc->m.w, sc->m.h}));
                for (int o = 0; o < i; o++)
                    if (rect_overlap(r, w->items[o].r)) {
                        fprintf(stderr, "%s: widgets %d and %d overlap\n", what, o, i);
                        CHECK(false);
                    }
            }
        }
    }
    /* The long-press popup of every key with variants on the first page: its cells are touch
     * targets on screen, side by side, and the text in them fits. */
    j->step = STEP_TEXT;
    keyboard_init(&j->kb, c->keyboard);
    const keyboard_page *pg = &j->kb.layout->pages[j->kb.layout->lower_page];
    for (int r = 0; r < pg->n_rows; r++)
        for (int i = 0; i < pg->n_keys[r]; i++) {
            if (!pg->keys[r][i].n_more) continue;
            j->kb.popup_key = &pg->keys[r][i];
            snprintf(what, sizeof what, "%dx%d long press on %s", sc->m.w, sc->m.h, pg->keys[r][i].text);
            journey_view_layout(sc, j, 0, l, w);
            check_list(sc, l, what);
            int cells = 0;
            for (int k = 0; k < w->count; k++) {
                pk_rect cr = w->items[k].r;
                CHECK_INT(w->items[k].kind, W_KEY_MORE);
                CHECK(rect_inside(cr, (pk_rect){0, 0, sc->m.w, sc->m.h}));
                if (w->items[k].index < 0) continue;
                cells++;
                if (cr.w < sc->m.touch || cr.h < sc->m.touch)
                    fprintf(stderr, "%s: cell %d is %dx%d\n", what, k, cr.w, cr.h);
                CHECK(cr.w >= sc->m.touch && cr.h >= sc->m.touch);
                for (int o = 0; o < k; o++)
                    if (w->items[o].index >= 0) CHECK(!rect_overlap(cr, w->items[o].r));
            }
            CHECK_INT(cells, pg->keys[r][i].n_more);
        }
    keyboard_popup_close(&j->kb);
    j->still_there = true;
    journey_view_layout(sc, j, 0, l, w);
    check_list(sc, l, "still there");
    journey_clear(j);
    free(j);
    free(w);
}

/* The staff screens: the same rules as the visitors' (staff are people with fingers too). */
static void check_staff(const slide_ctx *sc, const config *c, draw_list *l) {
    widget_list *w = malloc(sizeof *w);
    pin_pad pad = {.digits = "123456"};
    staff_stats stats = {.today = 3, .total = 12345, .last_at = "2026-11-24T15:42:10+00:00", .disk_known = true,
                         .disk_free = 1ull << 33, .disk_size = 1ull << 35};
    staff_view_state st = {.pin_pad_open = true, .pad = &pad, .stats = &stats, .config_path = c->path,
                           .config_title = c->plan.title, .config_hash = c->hash,
                           .feedback_dir = "/var/lib/plankiosk", .storage_error = "the disk is full",
                           .export_message = "Saved 12345 responses (spreadsheet and report) to /media/pi/KINGSTON. It is safe to remove the stick.",
                           .pin_message = "Wrong PIN: 4 tries left before a 5-minute lock"};
    for (int screen = 0; screen < 3; screen++) {
        st.pin_pad_open = screen < 2;
        pad.locked_until = screen == 1 ? 300000 : 0;
        staff_view_layout(sc, &st, l, w);
        check_list(sc, l, screen == 2 ? "staff screen" : "pin pad");
        for (int i = 0; i < w->count; i++) {
            CHECK(w->items[i].r.w >= sc->m.touch && w->items[i].r.h >= sc->m.touch);
            CHECK(rect_inside(w->items[i].r, (pk_rect){0, 0, sc->m.w, sc->m.h}));
            for (int o = 0; o < i; o++) CHECK(!rect_overlap(w->items[i].r, w->items[o].r));
        }
    }
    free(w);
}

/* The loop's footer: everything drawn inside the footer, every button a real touch target,
 * apart from the others, and each widget exactly a button that was drawn. */
static void check_chrome(const slide_ctx *sc, const config *c, draw_list *l) {
    widget_list *w = malloc(sizeof *w);
    for (int paused = 0; paused < 2; paused++) {
        chrome_state cs = {c->n_slides, c->n_slides - 1, paused, "Slovenčina"};
        chrome_layout(sc, &cs, l, w);
        char what[96];
        snprintf(what, sizeof what, "%dx%d x%.1f chrome", sc->m.w, sc->m.h, sc->text_scale);
        check_list(sc, l, what);
        for (int j = 0; j < l->count; j++) CHECK(rect_inside(l->items[j].box, sc->fr.footer));
        /* Language, text size, less motion, "Have your say", and Listen when offered. */
        CHECK_INT(w->count, 4 + sc->can_listen);
        for (int i = 0; i < w->count; i++) {
            pk_rect r = w->items[i].r;
            if (r.w < sc->m.touch || r.h < sc->m.touch)
                fprintf(stderr, "%s: widget %d (kind %d) is %dx%d, below %d px\n", what, i,
                        w->items[i].kind, r.w, r.h, sc->m.touch);
            CHECK(r.w >= sc->m.touch && r.h >= sc->m.touch);
            CHECK(rect_inside(r, sc->shown.footer));
            for (int o = 0; o < i; o++) CHECK(!rect_overlap(r, w->items[o].r));
            bool drawn = false;
            for (int j = 0; j < l->count; j++)
                drawn |= l->items[j].kind == DRAW_RECT && !memcmp(&l->items[j].box, &r, sizeof r);
            CHECK(drawn);
            /* On a portrait totem the settings are named, not icons alone: two bars alone
             * were read as the loop's Pause. */
            widget_kind k = w->items[i].kind;
            if (sc->m.portrait && sc->text_scale == 1 && (k == W_TEXT_SIZE || k == W_MOTION || k == W_LISTEN)) {
                ui_text_id id = k == W_TEXT_SIZE ? UI_TEXT_SIZE : k == W_MOTION ? UI_LESS_MOTION : UI_LISTEN;
                bool named = false;
                for (int j = 0; j < l->count; j++)
                    named |= l->items[j].kind == DRAW_TEXT && rect_inside(l->items[j].box, r) &&
                             !strcmp(draw_list_get(l, l->items[j].str), c->feedback.ui[id]);
                if (!named) fprintf(stderr, "%s: the %s button has no label\n", what, c->feedback.ui[id]);
                CHECK(named);
            }
        }
    }
    free(w);
}

/* Every slide, every journey screen and the footer of config c at w x h as a visitor with
 * view v sees them. */
static void check_screens(const config *c, text_ctx *t, int w, int h, const slide_view *v, bool shipped) {
    draw_list *l = malloc(sizeof *l);
    slide_ctx sc;
    slide_ctx_init(&sc, c, t, w, h, (pk_date){2024, 6, 1});
    slide_ctx_set_view(&sc, v);
    for (int i = 0; i < c->n_slides; i++) {
        char what[200];
        snprintf(what, sizeof what, "%s %s %dx%d x%.1f slide %s", c->path, c->languages.code[c->lang], w,
                 h, v->text_scale, c->slides[i].id);
        slides_layout(&sc, &c->slides[i], l);
        CHECK(l->count > 0);
        check_list(&sc, l, what);
        if (shipped) check_readable(&sc, l, what);
        /* Nothing a slide draws may sit under the footer, where the button is. */
        for (int j = 0; j < l->count; j++)
            if (l->items[j].kind != DRAW_LINE && rect_overlap(l->items[j].box, sc.fr.footer)) {
                fprintf(stderr, "%s: item %d overlaps the footer\n", what, j);
                CHECK(false);
            }
    }
    check_journey(&sc, c, l);
    check_chrome(&sc, c, l);
    if (v->text_scale == 1) check_staff(&sc, c, l);
    free(l);
}

static void run_config(const char *path, bool shipped) {
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    config *c = config_load(path, &opt, d);
    diag_print(d, stderr);
    CHECK(c != NULL);
    if (!c) return;
    pk_error err;
    text_ctx *t = text_create(c->theme.font_regular, c->theme.font_bold, &err);
    CHECK(t != NULL);
    for (size_t k = 0; t && k < sizeof sizes / sizeof sizes[0]; k++) {
        slide_view v = {1.0, false, false};
        check_screens(c, t, sizes[k][0], sizes[k][1], &v, shipped);
    }
    /* A visitor who chose bigger text, with the Listen button too, on the three kiosk screens. */
    static const double scales[] = {1.5, 2.0};
    for (size_t k = 0; t && k < 3; k++)
        for (int s = 0; s < 2; s++) {
            slide_view v = {scales[s], true, true};
            check_screens(c, t, sizes[k][0], sizes[k][1], &v, shipped);
        }
    text_free(t);
    config_free(c);
    free(d);
}

/* The shipped config (every language) and its fonts. */
typedef struct shipped {
    config *c;
    text_ctx *t;
    diag_list *d;
} shipped;

static shipped shipped_open(void) {
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    shipped sh = {NULL, NULL, calloc(1, sizeof(diag_list))};
    sh.c = config_load(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", &opt, sh.d);
    CHECK(sh.c != NULL);
    pk_error err;
    sh.t = sh.c ? text_create(sh.c->theme.font_regular, sh.c->theme.font_bold, &err) : NULL;
    CHECK(sh.t != NULL);
    return sh;
}

static void shipped_close(shipped *sh) {
    text_free(sh->t);
    config_free(sh->c);
    free(sh->d);
}

static void shipped_config_fits(void) { run_config(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", true); }

/* Every language of the shipped config at the two tightest screens: translations run longer
 * than English, and nothing may clip or overlap in any of them. */
static void every_language_fits(void) {
    shipped sh = shipped_open();
    config *c = sh.c;
    text_ctx *t = sh.t;
    draw_list *l = malloc(sizeof *l);
    static const int tight[][2] = {{800, 480}, {1080, 1920}};
    for (int lang = 0; t && lang < c->languages.n; lang++) {
        const config *lc = c->by_lang[lang];
        for (int k = 0; k < 2; k++) {
            slide_ctx sc;
            slide_ctx_init(&sc, lc, t, tight[k][0], tight[k][1], (pk_date){2024, 6, 1});
            for (int i = 0; i < lc->n_slides; i++) {
                char what[160];
                snprintf(what, sizeof what, "%s %dx%d slide %s", lc->languages.code[lang], tight[k][0],
                         tight[k][1], lc->slides[i].id);
                slides_layout(&sc, &lc->slides[i], l);
                check_list(&sc, l, what);
            }
            check_journey(&sc, lc, l);
            check_chrome(&sc, lc, l);
            /* The largest text a visitor can ask for, in every language, Urdu mirrored. */
            slide_view big = {2.0, false, true};
            check_screens(lc, t, tight[k][0], tight[k][1], &big, false);
        }
    }
    free(l);
    shipped_close(&sh);
}
static void every_type_fits(void) { run_config(TEST_SOURCE_DIR "/tests/fixtures/every-type/config.yaml", false); }

/* The size of the text item showing exactly s in l, 0 if none does. */
static int px_of_text(const draw_list *l, const char *s) {
    for (int i = 0; i < l->count; i++)
        if (l->items[i].kind == DRAW_TEXT && !strcmp(draw_list_get(l, l->items[i].str), s)) return l->items[i].px;
    return 0;
}

/* Every text of big that was also in small is at least as large. */
static void no_text_smaller(const draw_list *small, const draw_list *big, const char *what) {
    for (int n = 0; n < big->count; n++) {
        if (big->items[n].kind != DRAW_TEXT) continue;
        const char *s = draw_list_get(big, big->items[n].str);
        int was = px_of_text(small, s);
        if (was > big->items[n].px)
            fprintf(stderr, "    %s: \"%.30s\" %d px at 200 %%, %d px at 100 %%\n", what, s, big->items[n].px, was);
        CHECK(big->items[n].px >= was);
    }
}

/* The size of the question s: one text, or its first line beside the buttons and the rest
 * under them (a text that is a beginning of s). */
static int px_of_question(const draw_list *l, const char *s) {
    int px = px_of_text(l, s);
    for (int i = 0; !px && i < l->count; i++) {
        const char *t = draw_list_get(l, l->items[i].str);
        if (l->items[i].kind == DRAW_TEXT && *t && !strncmp(s, t, strlen(t))) px = l->items[i].px;
    }
    return px;
}

/* The question a journey step shows at its top. */
static const char *step_title(const config *c, journey_step st) {
    static const ui_text_id ids[STEP_COUNT] = {[STEP_CHOICE] = UI_CHOICE_TITLE, [STEP_RATING] = UI_RATING_TITLE,
                                               [STEP_NAME] = UI_NAME_TITLE,     [STEP_AGE] = UI_AGE_TITLE,
                                               [STEP_POSTCODE] = UI_POSTCODE_TITLE, [STEP_CONSENT] = UI_CONSENT_TITLE,
                                               [STEP_REVIEW] = UI_REVIEW_TITLE};
    return st == STEP_TEXT ? c->feedback.question : c->feedback.ui[ids[st]];
}

/* "A A" really makes text bigger where there is room: the journey's question at 200 % on an HD
 * screen is drawn larger than at 100 %, each journey screen's text is larger as a whole, and
 * where the boxes stay (slides, screens without a keyboard) no text is smaller. */
static void bigger_text_is_bigger(void) {
    shipped sh = shipped_open();
    config *c = sh.c;
    text_ctx *t = sh.t;
    draw_list *l = malloc(sizeof *l);
    widget_list *w = malloc(sizeof *w);
    journey *j = calloc(1, sizeof *j);
    draw_list *l1 = malloc(sizeof *l1);
    for (int step = STEP_CHOICE; t && step <= STEP_REVIEW; step++) {
        int px[2] = {0, 0}, notice[2] = {0, 0}, card[2] = {0, 0};
        long total[2] = {0, 0};
        for (int big = 0; big < 2; big++) {
            /* As the kiosk does: larger text puts the privacy notice on a page of its own. */
            journey_init(j, c);
            journey_set_notice_apart(j, big);
            journey_start(j, 0);
            j->step = (journey_step)step;
            slide_ctx sc;
            slide_ctx_init(&sc, c, t, 1920, 1080, (pk_date){2024, 6, 1});
            slide_view v = {big ? 2.0 : 1.0, false, false};
            slide_ctx_set_view(&sc, &v);
            if (step == STEP_CONSENT) {
                j->notice_page = big;
                journey_view_layout(&sc, j, 0, l, w);
                notice[big] = px_of_text(l, c->feedback.privacy_notice);
                j->notice_page = false;
            }
            journey_view_layout(&sc, j, 0, l, w);
            px[big] = px_of_question(l, step_title(c, (journey_step)step));
            for (int i = 0; i < l->count; i++)
                if (l->items[i].kind == DRAW_TEXT) total[big] += l->items[i].px;
            if (step == STEP_CHOICE) {
                /* The theme cards share one size, so they look even. */
                card[big] = px_of_text(l, c->themes[0].name);
                for (int i = 0; i < c->n_themes; i++) CHECK_INT(px_of_text(l, c->themes[i].name), card[big]);
                CHECK_INT(px_of_text(l, c->feedback.ui[UI_SOMETHING_ELSE]), card[big]);
            }
            if (big) continue;
            memcpy(l1, l, sizeof *l);
        }
        /* Without a keyboard, what the step shows is no smaller at 200 % (the consent
         * question's page leaves the notice out: it had a page of its own). */
        if (step != STEP_TEXT && step != STEP_NAME && step != STEP_POSTCODE && step != STEP_CONSENT)
            no_text_smaller(l1, l, journey_step_name(j->step));
        fprintf(stderr, "    %s question: %d px at 100 %%, %d px at 200 %%\n", journey_step_name(j->step), px[0], px[1]);
        CHECK(px[0] > 0);
        CHECK(px[1] * 2 >= px[0] * 3);
        if (step == STEP_CHOICE) {
            fprintf(stderr, "    theme cards: %d px at 100 %%, %d px at 200 %%\n", card[0], card[1]);
            CHECK(card[1] > card[0]);
        }
        if (step == STEP_CONSENT) {
            fprintf(stderr, "    privacy notice: %d px at 100 %%, %d px at 200 %%\n", notice[0], notice[1]);
            CHECK(notice[0] > 0);
            CHECK(notice[1] > notice[0]);
            continue;
        }
        /* Over a keyboard the question's band takes room from the keys too (they stay touch
         * targets, their letters a little smaller): the totals are the other steps'. */
        if (step == STEP_TEXT || step == STEP_NAME || step == STEP_POSTCODE) continue;
        if (total[1] <= total[0]) fprintf(stderr, "    %s: text totals %ld px at 100 %%, %ld px at 200 %%\n", journey_step_name(j->step), total[0], total[1]);
        CHECK(total[1] > total[0]);
    }
    /* On the slides the boxes stay: no text is smaller at 200 % than at 100 %. */
    for (int k = 0; t && k < 3; k++)
        for (int i = 0; i < c->n_slides; i++) {
            slide_ctx sc;
            slide_ctx_init(&sc, c, t, sizes[k][0], sizes[k][1], (pk_date){2024, 6, 1});
            slides_layout(&sc, &c->slides[i], l1);
            slide_view v = {2.0, false, false};
            slide_ctx_set_view(&sc, &v);
            slides_layout(&sc, &c->slides[i], l);
            no_text_smaller(l1, l, c->slides[i].id);
        }
    free(l1);
    free(j);
    free(w);
    free(l);
    shipped_close(&sh);
}

/* A visitor who cannot read small text must be able to answer: on the Pi touchscreen and an
 * HD screen, every step's question is drawn at least half as large again at 200 % as at
 * 100 % (it gets a full-width band under the buttons), in English and Polish. */
static void question_grows(void) {
    shipped sh = shipped_open();
    draw_list *l = malloc(sizeof *l);
    widget_list *w = malloc(sizeof *w);
    journey *j = calloc(1, sizeof *j);
    static const int screens[][2] = {{800, 480}, {1920, 1080}};
    static const char *const langs[] = {"en", "pl"};
    for (int li = 0; sh.t && li < 2; li++) {
        int lang = 0;
        while (lang < sh.c->languages.n && strcmp(sh.c->languages.code[lang], langs[li])) lang++;
        CHECK(lang < sh.c->languages.n);
        if (lang >= sh.c->languages.n) continue;
        const config *c = sh.c->by_lang[lang];
        for (int k = 0; k < 2; k++)
            for (journey_step st = STEP_CHOICE; st <= STEP_REVIEW; st++) {
                int px[2];
                for (int big = 0; big < 2; big++) {
                    journey_init(j, c);
                    journey_start(j, 0);
                    j->step = st;
                    j->kb.layout = st == STEP_POSTCODE && c->keyboard_latin ? c->keyboard_latin : c->keyboard;
                    slide_ctx sc;
                    slide_ctx_init(&sc, c, sh.t, screens[k][0], screens[k][1], (pk_date){2024, 6, 1});
                    slide_view v = {big ? 2.0 : 1.0, false, true};
                    slide_ctx_set_view(&sc, &v);
                    journey_view_layout(&sc, j, 0, l, w);
                    px[big] = px_of_question(l, step_title(c, st));
                }
                fprintf(stderr, "    %s %dx%d %s: question %d px at 100 %%, %d px at 200 %%\n", langs[li],
                        screens[k][0], screens[k][1], journey_step_name(st), px[0], px[1]);
                CHECK(px[0] > 0);
                CHECK(px[1] * 2 >= px[0] * 3);
            }
    }
    free(j);
    free(w);
    free(l);
    shipped_close(&sh);
}

int main(void) {
    if (TTF_Init() != 0) return 1;
    RUN(shipped_config_fits);
    RUN(every_language_fits);
    RUN(every_type_fits);
    RUN(bigger_text_is_bigger);
    RUN(question_grows);
    TTF_Quit();
    return check_report();
}
