/* Every slide of the shipped config and of the every-type fixture, and every screen of their
 * consultations (every question type, empty, refused and answered in full, its "Something
 * else" box, the review, thank-you and sorry), laid out at the sizes kiosks use (Pi
 * touchscreen, HD, portrait totem, 4K): nothing may leave the screen, no text may be taller or
 * wider than its box, no two texts may overlap, the draw list may not overflow, and body text
 * may not fall below a readable size. Uses the real fonts; needs no display. */
#include <SDL_ttf.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "layout_check.h"
#include "live_fixture.h"
#include "config/config.h"
#include "render/chrome.h"
#include "consult/question_type.h"
#include "render/screens/journey_view.h"
#include "render/screens/staff_view.h"
#include "render/slides/slides.h"

static const int sizes[][2] = {{800, 480}, {1920, 1080}, {1080, 1920}, {3840, 2160}};

/* The live slides' data (tests/live_fixture.h) every slide is laid out with; NULL: none. */
static slide_live *live_data;

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

/* A long string of sentences, more than any box takes (the longest text question holds 5000
 * characters): typed into a box, it fills it to its limit, and the box says it is full. */
static const char *long_words(void) {
    static char buf[24000];
    if (!buf[0]) {
        static const char *const sentence =
            "A long idea that needs several lines in the box, typed by someone with plenty to say about "
            "the town and its future: more to do for children, Zażółć gęślą jaźń. ";
        size_t n = 0, len = strlen(sentence);
        while (n + len < sizeof buf) memcpy(buf + n, sentence, len), n += len;
        buf[n] = '\0';
    }
    return buf;
}

/* Widgets on a journey screen: every button and key a real touch target (the text box is a
 * keyboard focus stop, not something to tap; on a small screen under a five-row keyboard it
 * keeps one line of text), on screen, and none over another; a place question's pins lie on
 * its picture (and where a visitor dropped two close together, on each other): the one on top
 * takes the tap. */
static void check_widgets(const slide_ctx *sc, const widget_list *w, const char *what) {
    CHECK(w->count > 0);
    for (int i = 0; i < w->count; i++) {
        pk_rect r = w->items[i].r;
        widget_kind k = w->items[i].kind;
        bool big = k == W_FIELD || (r.w >= sc->m.touch && r.h >= sc->m.touch);
        if (!big)
            fprintf(stderr, "%s: widget %d (kind %d) is %dx%d, below %d px\n", what, i, k, r.w, r.h, sc->m.touch);
        CHECK(big);
        bool in = rect_inside(r, (pk_rect){0, 0, sc->m.w, sc->m.h});
        if (!in)
            fprintf(stderr, "%s: widget %d (kind %d) at %d,%d %dx%d leaves the screen\n", what, i, k, r.x, r.y, r.w, r.h);
        CHECK(in);
        for (int o = 0; o < i; o++) {
            widget_kind ko = w->items[o].kind;
            if (k == W_PIN && (ko == W_PICTURE || ko == W_PIN)) continue;
            if (rect_overlap(r, w->items[o].r)) {
                fprintf(stderr, "%s: widgets %d (kind %d) and %d (kind %d) overlap\n", what, o, ko, i, k);
                CHECK(false);
            }
        }
    }
}

/* The journey's screen now, laid out and checked; a typing screen answered in full (its box
 * holding the most, with its count) on every keyboard page. */
static void check_now(const slide_ctx *sc, journey *j, draw_list *l, widget_list *w, const char *state) {
    const question *q = journey_question(j);
    bool full = !strncmp(state, "answered", 8) || !strcmp(state, "full");
    int pages = full && journey_typing(j) && j->kb.layout ? j->kb.layout->n_pages : 1;
    int was = j->kb.page;
    char what[300];
    for (int p = 0; p < pages; p++) {
        if (pages > 1) j->kb.page = p;
        snprintf(what, sizeof what, "%s %s %dx%d x%.1f journey %s %s%s%s %s page %d", sc->cfg->path,
                 sc->cfg->languages.code[sc->cfg->lang], sc->m.w, sc->m.h, sc->text_scale,
                 j->consult ? j->consult->id : "-", q ? q->id : journey_step_name(j->step),
                 j->other_page ? " (something else)" : "", j->notice_page ? " (notice)" : "", state, p);
        journey_view_layout(sc, j, 0, l, w);
        check_list(sc, l, what);
        check_widgets(sc, w, what);
    }
    j->kb.page = was;
}

/* A tap on option or point `index` as a visitor gives it. A one-tap answer moves on (or opens
 * its "Something else" box): Back brings the question again, answered, as the visitor sees it
 * on the way back. */
static void tap_answer(journey *j, widget_kind kind, int index) {
    int q = j->q;
    journey_press(j, kind, index, NULL, 0);
    for (int i = 0; i < 3 && (j->step != STEP_QUESTION || j->q != q || j->other_page || j->notice_page); i++)
        journey_press(j, W_BACK, 0, NULL, 0);
}

/* Types s into the box showing, emptied first. */
static void retype(journey *j, const char *s) {
    while (journey_backspace(j, 0) != JOURNEY_IDLE) {}
    journey_type(j, s, 0);
}

/* Question q answered as fully as it can be, and the refusal it can show on screen: every
 * option it allows and one more (the "up to" message), the longest words, pins at the
 * picture's corners (and one more), a box typed full (the count says 0 characters left). */
static void answer_fully(journey *j, const question *q) {
    switch (q->type) {
    case Q_CHOICE:
    case Q_AGE_BAND: {
        /* "Something else" when there is one (its box comes next), else the longest words. */
        int pick = 0;
        for (int i = 0; i < q->n_options; i++)
            if (strlen(q->options[i].label) > strlen(q->options[pick].label)) pick = i;
        tap_answer(j, W_OPTION, q->other ? q->n_options - 1 : pick);
        break;
    }
    case Q_CHOICES:
    case Q_RANK:
        /* "Something else" first, then from the top, until one is refused. */
        if (q->other) journey_press(j, W_OPTION, q->n_options - 1, NULL, 0);
        for (int i = 0; i < q->n_options - (q->other ? 1 : 0) && !j->full; i++) journey_press(j, W_OPTION, i, NULL, 0);
        break;
    case Q_FACES: tap_answer(j, W_POINT, 3); break; /* the middle face: the longest words */
    case Q_SCALE: tap_answer(j, W_POINT, q->max_value); break;
    case Q_PLACE:
        journey_place(j, 0, 0, 0);
        journey_place(j, q->image_w - 1, q->image_h - 1, 0);
        journey_place(j, q->image_w - 1, 0, 0);
        journey_place(j, 0, q->image_h - 1, 0);
        for (int i = 0; i < CONSULT_MAX_PINS + 1 && !j->full; i++)
            journey_place(j, q->image_w * (i + 1) / (CONSULT_MAX_PINS + 2), q->image_h / 2, 0);
        /* By keyboard: the cursor pin at a corner. */
        journey_place_move(j, 40, 40, 0);
        break;
    case Q_CONSENT: tap_answer(j, W_CONSENT, 1); break;
    case Q_NUMBER: journey_type(j, "-9999999", 0); break;
    case Q_POSTCODE_DISTRICT: journey_type(j, "WWWWWWWW", 0); break;
    default: journey_type(j, long_words(), 0); break;
    }
}

/* The review, every page of it: a review too long for one page has More (to the next page)
 * instead of Send, and Send on its last. */
static void check_review(const slide_ctx *sc, journey *j, draw_list *l, widget_list *w, const char *state) {
    char what[100];
    int pages = 0;
    for (bool more = true; more && pages < CONSULT_MAX_QUESTIONS; pages++) {
        snprintf(what, sizeof what, "%s, review page %d", state, pages + 1);
        check_now(sc, j, l, w, what);
        int next = -1;
        bool send = false;
        for (int i = 0; i < w->count; i++) {
            if (w->items[i].kind == W_MORE) next = w->items[i].index;
            send |= w->items[i].kind == W_SEND;
        }
        CHECK(send != (next >= 0)); /* More, or Send on the last page */
        more = next >= 0 && journey_press(j, W_MORE, next, NULL, 0) == JOURNEY_REDRAW;
    }
    /* Back goes through the pages again to the first. */
    for (int p = 1; p < pages; p++) journey_press(j, W_BACK, 0, NULL, 0);
    CHECK_INT(j->step, STEP_REVIEW);
}

/* Every screen of consultation k as a visitor goes through it: its intro; each question empty,
 * refused where it can be (a required one without its answer, a postcode or a number it does
 * not take), answered in full, and its "Something else" box empty and full; the privacy
 * notice's own page at larger text; the review; the thank-you and sorry. */
static void walk_consultation(const slide_ctx *sc, journey *j, const consultation *k, draw_list *l, widget_list *w,
                              int *questions_seen) {
    journey_set_notice_apart(j, sc->text_scale > 1);
    journey_start(j, k, 0);
    if (k->intro) {
        CHECK_INT(j->step, STEP_INTRO);
        check_now(sc, j, l, w, "intro");
        journey_press(j, W_NEXT, 0, NULL, 0);
    }
    for (int guard = 0; j->step == STEP_QUESTION && guard < 4 * CONSULT_MAX_QUESTIONS; guard++) {
        const question *q = journey_question(j);
        int at = j->q;
        questions_seen[at]++;
        if (j->notice_page) {
            check_now(sc, j, l, w, "notice");
            journey_press(j, W_NEXT, 0, NULL, 0);
            CHECK(!j->notice_page);
        }
        check_now(sc, j, l, w, "empty");
        if (q->required) {
            journey_press(j, W_NEXT, 0, NULL, 0);
            CHECK(j->required_hit);
            CHECK(journey_on(j, q->id));
            check_now(sc, j, l, w, "required");
        }
        answer_fully(j, q);
        CHECK(journey_on(j, q->id));
        check_now(sc, j, l, w, "answered");
        if (q->type == Q_POSTCODE_DISTRICT || q->type == Q_NUMBER) {
            /* Refused, with its message under the words typed; then one it takes. */
            retype(j, q->type == Q_NUMBER ? "12-345" : "SSS");
            journey_press(j, W_NEXT, 0, NULL, 0);
            CHECK(j->invalid);
            CHECK(journey_on(j, q->id));
            check_now(sc, j, l, w, "refused");
            retype(j, q->type == Q_NUMBER ? "-99999" : "S60");
        }
        journey_press(j, W_NEXT, 0, NULL, 0);
        if (q->other && j->other_page) {
            check_now(sc, j, l, w, "empty");
            journey_type(j, long_words(), 0);
            CHECK(j->limit_hit);
            check_now(sc, j, l, w, "full");
            journey_press(j, W_NEXT, 0, NULL, 0);
        }
        CHECK(j->step != STEP_QUESTION || j->q > at);
    }
    CHECK_INT(j->step, STEP_REVIEW);
    check_review(sc, j, l, w, "answered");
    /* Sent: the consultation's own thank-you; or the sorry. */
    journey_sent(j, false, "the disk is full", 0);
    check_now(sc, j, l, w, "");
    journey_sent(j, true, NULL, 0);
    CHECK_INT(j->step, STEP_THANKS);
    check_now(sc, j, l, w, "");
    /* The review with as little as a visitor can give: every question skipped that may be. */
    journey_start(j, k, 0);
    if (k->intro) journey_press(j, W_NEXT, 0, NULL, 0);
    for (int guard = 0; j->step == STEP_QUESTION && guard < 4 * CONSULT_MAX_QUESTIONS; guard++) {
        if (j->notice_page) journey_press(j, W_NEXT, 0, NULL, 0);
        const question *q = journey_question(j);
        if (q->required) answer_fully(j, q);
        journey_press(j, q->required ? W_NEXT : W_SKIP, 0, NULL, 0);
        if (j->other_page) journey_press(j, W_SKIP, 0, NULL, 0);
    }
    CHECK_INT(j->step, STEP_REVIEW);
    check_review(sc, j, l, w, "skipped");
}

/* Every feedback screen of every consultation of c: text fits, and every button and key is a
 * real touch target (9 mm, never below 44 px), on screen, and not overlapping another. Every
 * question of every consultation is reached. */
static void check_journey(const slide_ctx *sc, const config *c, draw_list *l) {
    journey *j = calloc(1, sizeof *j);
    widget_list *w = malloc(sizeof *w);
    journey_init(j, c);
    char what[200];
    CHECK(c->n_consultations > 0);
    for (int k = 0; k < c->n_consultations; k++) {
        int seen[CONSULT_MAX_QUESTIONS] = {0};
        walk_consultation(sc, j, &c->consultations[k], l, w, seen);
        for (int i = 0; i < c->consultations[k].n_questions; i++) {
            if (!seen[i]) fprintf(stderr, "%s: question %s was never reached\n", c->consultations[k].id,
                                  c->consultations[k].questions[i].id);
            CHECK(seen[i] > 0);
        }
    }
    /* The long-press popup of every key with variants on the first page, over the first typed
     * question on the language's keyboard: its cells are touch targets on screen, side by
     * side, and the text in them fits. */
    const consultation *k = &c->consultations[0];
    journey_start(j, k, 0);
    if (k->intro) journey_press(j, W_NEXT, 0, NULL, 0);
    for (int guard = 0; j->step == STEP_QUESTION && guard < 4 * CONSULT_MAX_QUESTIONS &&
                        !(journey_typing(j) && j->kb.layout == c->keyboard);
         guard++) {
        const question *q = journey_question(j);
        if (q->required) answer_fully(j, q);
        journey_press(j, q->required ? W_NEXT : W_SKIP, 0, NULL, 0);
    }
    CHECK(journey_typing(j) && j->kb.layout == c->keyboard);
    const keyboard_page *pg = j->kb.layout ? &j->kb.layout->pages[j->kb.layout->lower_page] : NULL;
    for (int r = 0; pg && r < pg->n_rows; r++)
        for (int i = 0; i < pg->n_keys[r]; i++) {
            if (!pg->keys[r][i].n_more) continue;
            j->kb.popup_key = &pg->keys[r][i];
            snprintf(what, sizeof what, "%dx%d long press on %s", sc->m.w, sc->m.h, pg->keys[r][i].text);
            journey_view_layout(sc, j, 0, l, w);
            check_list(sc, l, what);
            int cells = 0;
            for (int n = 0; n < w->count; n++) {
                pk_rect cr = w->items[n].r;
                CHECK_INT(w->items[n].kind, W_KEY_MORE);
                CHECK(rect_inside(cr, (pk_rect){0, 0, sc->m.w, sc->m.h}));
                if (w->items[n].index < 0) continue;
                cells++;
                if (cr.w < sc->m.touch || cr.h < sc->m.touch)
                    fprintf(stderr, "%s: cell %d is %dx%d\n", what, n, cr.w, cr.h);
                CHECK(cr.w >= sc->m.touch && cr.h >= sc->m.touch);
                for (int o = 0; o < n; o++)
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
                           .export_message = "Saved 12345 responses (spreadsheet (.xlsx), CSV and report) to /media/pi/KINGSTON. It is safe to remove the stick.",
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
    /* Paused or not; and on a day no consultation runs, without "Have your say". */
    for (int state = 0; state < 3; state++) {
        bool paused = state == 1, none = state == 2;
        chrome_state cs = {c->n_slides, c->n_slides - 1, paused, "Slovenčina", none};
        chrome_layout(sc, &cs, l, w);
        char what[96];
        snprintf(what, sizeof what, "%dx%d x%.1f chrome%s", sc->m.w, sc->m.h, sc->text_scale, none ? " (no consultation)" : "");
        check_list(sc, l, what);
        for (int j = 0; j < l->count; j++) CHECK(rect_inside(l->items[j].box, sc->fr.footer));
        /* Language, text size, less motion, "Have your say", and Listen when offered. */
        CHECK_INT(w->count, 4 + sc->can_listen - none);
        bool say = false;
        for (int i = 0; i < w->count; i++) say |= w->items[i].kind == W_FEEDBACK_OPEN;
        CHECK(say == !none);
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

/* Nothing a slide draws may sit under the footer, where the button is. */
static void check_clear_of_footer(const slide_ctx *sc, const draw_list *l, const char *what) {
    for (int j = 0; j < l->count; j++)
        if (l->items[j].kind != DRAW_LINE && rect_overlap(l->items[j].box, sc->fr.footer)) {
            fprintf(stderr, "%s: item %d overlaps the footer\n", what, j);
            CHECK(false);
        }
}

/* Every slide, every journey screen and the footer of config c at w x h as a visitor with
 * view v sees them. */
static void check_screens(const config *c, text_ctx *t, int w, int h, const slide_view *v, bool shipped) {
    draw_list *l = malloc(sizeof *l);
    slide_ctx sc;
    slide_ctx_init(&sc, c, t, w, h, (pk_date){2024, 6, 1});
    slide_ctx_set_view(&sc, v);
    sc.live = live_data;
    for (int i = 0; i < c->n_slides; i++) {
        char what[200];
        snprintf(what, sizeof what, "%s %s %dx%d x%.1f slide %s", c->path, c->languages.code[c->lang], w,
                 h, v->text_scale, c->slides[i].id);
        slides_layout(&sc, &c->slides[i], l);
        CHECK(l->count > 0);
        check_list(&sc, l, what);
        if (shipped) check_readable(&sc, l, what);
        check_clear_of_footer(&sc, l, what);
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
    /* With the live slides, each with what it shows (quotes, results, pairs). */
    live_data = calloc(1, sizeof *live_data);
    live_fixture_add(c, live_data, 412);
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
    free(live_data);
    live_data = NULL;
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
/* PLANKIOSK_LAYOUT_LANGS ("en ur pl") limits the every-language loops to those codes: the
 * sanitizer run sets it, since memory errors show in a Latin, a right-to-left and an accented
 * language alike, and all six under ASan cost minutes. Unset: every language. */
static bool lang_wanted(const config *c, int lang) {
    const char *only = getenv("PLANKIOSK_LAYOUT_LANGS");
    if (!only || !*only) return true;
    const char *code = c->languages.code[lang];
    size_t n = strlen(code);
    for (const char *p = only; (p = strstr(p, code)) != NULL; p += n)
        if ((p == only || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) return true;
    return false;
}

static void every_language_fits(void) {
    shipped sh = shipped_open();
    config *c = sh.c;
    text_ctx *t = sh.t;
    draw_list *l = malloc(sizeof *l);
    static const int tight[][2] = {{800, 480}, {1080, 1920}};
    live_data = calloc(1, sizeof *live_data);
    if (c) live_fixture_add(c, live_data, 412);
    for (int lang = 0; t && lang < c->languages.n; lang++) {
        if (!lang_wanted(c, lang)) continue;
        const config *lc = c->by_lang[lang];
        for (int k = 0; k < 2; k++) {
            slide_ctx sc;
            slide_ctx_init(&sc, lc, t, tight[k][0], tight[k][1], (pk_date){2024, 6, 1});
            sc.live = live_data;
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
    free(live_data);
    live_data = NULL;
    free(l);
    shipped_close(&sh);
}

/* The live slides in all six languages at the three kiosk screens, at 100 % and 200 % text:
 * every page of quotes as the loop turns them (the longest a slide takes among them; Urdu
 * quotes on English screens and English on Urdu ones), every kind of result, the pairs; each
 * checked as every slide is (nothing off screen, clipped, overlapping or unreadable, nothing
 * under the footer). With no data, or results below the minimum, only the heading. */
static void live_slides_fit(void) {
    shipped sh = shipped_open();
    config *c = sh.c;
    text_ctx *t = sh.t;
    draw_list *l = malloc(sizeof *l);
    slide_live *lv = calloc(1, sizeof *lv);
    if (c) live_fixture_add(c, lv, 412);
    static const double scales[] = {1.0, 2.0};
    for (int lang = 0; t && lang < c->languages.n; lang++) {
        if (!lang_wanted(c, lang)) continue;
        const config *lc = c->by_lang[lang];
        for (int k = 0; k < 3; k++)
            for (int z = 0; z < 2; z++) {
                slide_ctx sc;
                slide_ctx_init(&sc, lc, t, sizes[k][0], sizes[k][1], (pk_date){2026, 3, 9});
                slide_view v = {scales[z], false, true};
                slide_ctx_set_view(&sc, &v);
                for (int i = 0; i < lc->n_slides; i++) {
                    const slide *s = &lc->slides[i];
                    if (s->type != SLIDE_YOU_SAID && s->type != SLIDE_RESULTS && s->type != SLIDE_WE_DID) continue;
                    int pages = s->type == SLIDE_YOU_SAID ? (lv->n_quotes + 2) / 3 : 1;
                    for (int p = 0; p < pages; p++) {
                        char what[200];
                        snprintf(what, sizeof what, "%s %dx%d x%.0f slide %d %s page %d", lc->languages.code[lang],
                                 sizes[k][0], sizes[k][1], scales[z], i, s->id, p);
                        lv->quote_turn = p * 3;
                        sc.live = lv;
                        slides_layout(&sc, s, l);
                        check_list(&sc, l, what);
                        /* The longest quote may go small; everything else reads from two metres. */
                        if (!(s->type == SLIDE_YOU_SAID && p == 0)) check_readable(&sc, l, what);
                        check_clear_of_footer(&sc, l, what);
                        int texts = 0;
                        for (int j = 0; j < l->count; j++) texts += l->items[j].kind == DRAW_TEXT;
                        CHECK(texts > (s->type == SLIDE_WE_DID ? 8 : 3));
                        /* Nothing to show: the heading alone. */
                        if (s->type == SLIDE_WE_DID) continue;
                        sc.live = NULL;
                        slides_layout(&sc, s, l);
                        texts = 0;
                        for (int j = 0; j < l->count; j++) texts += l->items[j].kind == DRAW_TEXT;
                        CHECK_INT(texts, 1);
                    }
                }
            }
    }
    free(lv);
    free(l);
    shipped_close(&sh);
}
/* A whole file's text (caller frees), NULL if unreadable. */
static char *read_all(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = n > 0 ? calloc(1, (size_t)n + 1) : NULL;
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) buf[0] = '\0';
    fclose(f);
    return buf;
}

/* Every question type in all six languages: the shipped config (its words for every type's
 * hints, messages and buttons in each language, Urdu right to left) asking the every-type
 * fixture's consultations before its own (which its live slides name), at the two tightest
 * screens, at 100 % and 200 % text. The questions' own words stay English; everything around
 * them is the language's. */
static void every_type_in_every_language(void) {
    char *own = read_all(TEST_SOURCE_DIR "/config/rotherham-2025.yaml");
    char *fixture = read_all(TEST_SOURCE_DIR "/tests/fixtures/every-type/config.yaml");
    CHECK(own && fixture);
    char *cut = own ? strstr(own, "\nconsultations:") : NULL;
    char *from = fixture ? strstr(fixture, "\nconsultations:") : NULL;
    CHECK(cut && from);
    if (!cut || !from) {
        free(own);
        free(fixture);
        return;
    }
    /* The fixture's block ends at its next top-level key. */
    char *end = from + 1;
    while ((end = strchr(end, '\n')) && end[1] && (end[1] == ' ' || end[1] == '#' || end[1] == '\n')) end++;
    /* The fixture's consultations go first in the shipped list: its own stay for its slides. */
    cut = strchr(cut + 1, '\n');
    from = strchr(from + 1, '\n');
    CHECK(cut && from);
    if (!cut || !from || (end && end < from)) {
        free(own);
        free(fixture);
        return;
    }
    size_t keep = (size_t)(cut - own), take = end ? (size_t)(end - from) : strlen(from), rest = strlen(cut);
    char *merged = malloc(keep + take + rest + 1);
    memcpy(merged, own, keep);
    memcpy(merged + keep, from, take);
    memcpy(merged + keep + take, cut, rest + 1);
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    config *c = config_load_string(merged, "own+every-type.yaml", TEST_SOURCE_DIR "/tests/fixtures/every-type", &opt, d);
    diag_print(d, stderr);
    CHECK(c != NULL);
    CHECK(c && c->languages.n == 6 && c->n_consultations >= 1);
    pk_error err;
    text_ctx *t = c ? text_create(c->theme.font_regular, c->theme.font_bold, &err) : NULL;
    draw_list *l = malloc(sizeof *l);
    static const int tight[][2] = {{800, 480}, {1080, 1920}};
    for (int lang = 0; t && lang < c->languages.n; lang++)
        for (int k = 0; k < 2 && lang_wanted(c, lang); k++)
            for (int big = 0; big < 2; big++) {
                slide_ctx sc;
                slide_ctx_init(&sc, c->by_lang[lang], t, tight[k][0], tight[k][1], (pk_date){2024, 6, 1});
                slide_view v = {big ? 2.0 : 1.0, false, true};
                slide_ctx_set_view(&sc, &v);
                check_journey(&sc, c->by_lang[lang], l);
            }
    free(l);
    text_free(t);
    config_free(c);
    free(d);
    free(merged);
    free(own);
    free(fixture);
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

/* The journey on the screen `i` of consultation k, as a visitor gets there: question i (the
 * questions before it skipped, an idea typed into a text question so that consent is asked, a
 * required one answered), its "Something else" box when `other`, or the review when i is
 * k->n_questions. The privacy notice's own page, when the consent question has one, shows.
 * False if the journey never got there. */
static bool go_to(journey *j, const consultation *k, int i, bool other) {
    journey_start(j, k, 0);
    if (k->intro) journey_press(j, W_NEXT, 0, NULL, 0);
    for (int guard = 0; j->step == STEP_QUESTION && j->q < i && guard < 4 * CONSULT_MAX_QUESTIONS; guard++) {
        const question *q = journey_question(j);
        if (j->notice_page) {
            journey_press(j, W_NEXT, 0, NULL, 0);
        } else if (q->type == Q_TEXT) {
            journey_type(j, "More trees", 0);
            journey_press(j, W_NEXT, 0, NULL, 0);
        } else if (q->required) {
            answer_fully(j, q);
            journey_press(j, W_NEXT, 0, NULL, 0);
            if (j->other_page) journey_press(j, W_SKIP, 0, NULL, 0);
        } else {
            journey_press(j, W_SKIP, 0, NULL, 0);
        }
    }
    if (i >= k->n_questions) return j->step == STEP_REVIEW;
    if (!(j->step == STEP_QUESTION && j->q == i)) return false;
    if (other) {
        journey_press(j, W_OPTION, k->questions[i].n_options - 1, NULL, 0); /* "Something else" */
        if (!j->other_page) journey_press(j, W_NEXT, 0, NULL, 0);
        return j->other_page;
    }
    return true;
}

/* The screens of a consultation, one after another: each question, its "Something else" box,
 * the review. */
typedef struct screen_ref {
    int q;      /* question index; n_questions: the review */
    bool other; /* its "Something else" box */
} screen_ref;

static int consultation_screens(const consultation *k, screen_ref *out) {
    int n = 0;
    for (int i = 0; i < k->n_questions; i++) {
        out[n++] = (screen_ref){i, false};
        if (k->questions[i].other) out[n++] = (screen_ref){i, true};
    }
    out[n++] = (screen_ref){k->n_questions, false};
    return n;
}

/* The question screen s shows at its top, and its name in messages. */
static const char *screen_title(const config *c, const consultation *k, screen_ref s) {
    if (s.q >= k->n_questions) return c->feedback.ui[UI_REVIEW_TITLE];
    const question *q = &k->questions[s.q];
    return s.other ? q->other_title : q->title;
}

static const char *screen_name(const consultation *k, screen_ref s, char *buf, size_t size) {
    if (s.q >= k->n_questions) snprintf(buf, size, "review");
    else snprintf(buf, size, "%s%s", k->questions[s.q].id, s.other ? " (something else)" : "");
    return buf;
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
    const consultation *k = c && c->n_consultations ? &c->consultations[0] : NULL;
    screen_ref screens[2 * CONSULT_MAX_QUESTIONS + 1];
    int n_screens = k ? consultation_screens(k, screens) : 0;
    CHECK_INT(n_screens, 9); /* seven questions, the themes' "Something else" box, the review */
    for (int s = 0; t && s < n_screens; s++) {
        const question *q = screens[s].q < k->n_questions ? &k->questions[screens[s].q] : NULL;
        bool typed = screens[s].other || (q && question_kind_of(q->type)->typed);
        bool consent = q && q->type == Q_CONSENT;
        char name[100];
        screen_name(k, screens[s], name, sizeof name);
        int px[2] = {0, 0}, notice[2] = {0, 0}, card[2] = {0, 0};
        long total[2] = {0, 0};
        for (int big = 0; big < 2; big++) {
            /* As the kiosk does: larger text puts the privacy notice on a page of its own. */
            journey_init(j, c);
            journey_set_notice_apart(j, big);
            CHECK(go_to(j, k, screens[s].q, screens[s].other));
            slide_ctx sc;
            slide_ctx_init(&sc, c, t, 1920, 1080, (pk_date){2024, 6, 1});
            slide_view v = {big ? 2.0 : 1.0, false, false};
            slide_ctx_set_view(&sc, &v);
            if (consent) {
                CHECK(j->notice_page == big);
                if (j->notice_page) {
                    journey_view_layout(&sc, j, 0, l, w);
                    notice[big] = px_of_text(l, k->privacy_notice);
                    journey_press(j, W_NEXT, 0, NULL, 0);
                } else {
                    journey_view_layout(&sc, j, 0, l, w);
                    notice[big] = px_of_text(l, k->privacy_notice);
                }
            }
            journey_view_layout(&sc, j, 0, l, w);
            px[big] = px_of_question(l, screen_title(c, k, screens[s]));
            for (int i = 0; i < l->count; i++)
                if (l->items[i].kind == DRAW_TEXT) total[big] += l->items[i].px;
            if (q && q->from_themes && !screens[s].other) {
                /* The theme cards share one size, so they look even, "Something else" too. */
                card[big] = px_of_text(l, q->options[0].label);
                for (int i = 0; i < q->n_options; i++) CHECK_INT(px_of_text(l, q->options[i].label), card[big]);
                CHECK_INT(px_of_text(l, c->feedback.ui[UI_SOMETHING_ELSE]), card[big]);
            }
            if (big) continue;
            memcpy(l1, l, sizeof *l);
        }
        /* Without a keyboard, what the screen shows is no smaller at 200 % (the consent
         * question's page leaves the notice out: it had a page of its own). */
        if (!typed && !consent) no_text_smaller(l1, l, name);
        fprintf(stderr, "    %s question: %d px at 100 %%, %d px at 200 %%\n", name, px[0], px[1]);
        CHECK(px[0] > 0);
        CHECK(px[1] * 2 >= px[0] * 3);
        if (q && q->from_themes && !screens[s].other) {
            fprintf(stderr, "    theme cards: %d px at 100 %%, %d px at 200 %%\n", card[0], card[1]);
            CHECK(card[1] > card[0]);
        }
        if (consent) {
            fprintf(stderr, "    privacy notice: %d px at 100 %%, %d px at 200 %%\n", notice[0], notice[1]);
            CHECK(notice[0] > 0);
            CHECK(notice[1] > notice[0]);
            continue;
        }
        /* Over a keyboard the question's band takes room from the keys too (they stay touch
         * targets, their letters a little smaller): the totals are the other screens'. */
        if (typed) continue;
        if (total[1] <= total[0]) fprintf(stderr, "    %s: text totals %ld px at 100 %%, %ld px at 200 %%\n", name, total[0], total[1]);
        CHECK(total[1] > total[0]);
    }
    /* On the slides the boxes stay: no text is smaller at 200 % than at 100 %. */
    for (int s = 0; t && s < 3; s++)
        for (int i = 0; i < c->n_slides; i++) {
            slide_ctx sc;
            slide_ctx_init(&sc, c, t, sizes[s][0], sizes[s][1], (pk_date){2024, 6, 1});
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
 * HD screen, every screen's question (the "Something else" box's too) is drawn at least half as
 * large again at 200 % as at 100 % (it gets a full-width band under the buttons), in English
 * and Polish. */
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
        const consultation *k = &c->consultations[0];
        screen_ref refs[2 * CONSULT_MAX_QUESTIONS + 1];
        int n = consultation_screens(k, refs);
        for (int s = 0; s < 2; s++)
            for (int r = 0; r < n; r++) {
                int px[2];
                char name[100];
                for (int big = 0; big < 2; big++) {
                    journey_init(j, c);
                    CHECK(go_to(j, k, refs[r].q, refs[r].other));
                    slide_ctx sc;
                    slide_ctx_init(&sc, c, sh.t, screens[s][0], screens[s][1], (pk_date){2024, 6, 1});
                    slide_view v = {big ? 2.0 : 1.0, false, true};
                    slide_ctx_set_view(&sc, &v);
                    journey_view_layout(&sc, j, 0, l, w);
                    px[big] = px_of_question(l, screen_title(c, k, refs[r]));
                }
                fprintf(stderr, "    %s %dx%d %s: question %d px at 100 %%, %d px at 200 %%\n", langs[li],
                        screens[s][0], screens[s][1], screen_name(k, refs[r], name, sizeof name), px[0], px[1]);
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
    RUN(live_slides_fit);
    RUN(every_type_fits);
    RUN(every_type_in_every_language);
    RUN(bigger_text_is_bigger);
    RUN(question_grows);
    TTF_Quit();
    return check_report();
}
