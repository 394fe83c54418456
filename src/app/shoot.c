#include "app/shoot.h"

#include <SDL_image.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "app/screen.h"
#include "content/content.h"
#include "journey/journey.h"
#include "loop/focus.h"
#include "render/focus_ring.h"
#include "journey/languages.h"
#include "render/chrome.h"
#include "render/screens/journey_view.h"
#include "render/screens/staff_view.h"

static int make_dir(const char *path) {
    if (mkdir(path, 0755) == 0 || errno == EEXIST) return 0;
    fprintf(stderr, "plankiosk shoot: cannot create %s: %s\n", path, strerror(errno));
    return 1;
}

static int save(screen *s, const char *dir, const char *name) {
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s.png", dir, name);
    if (IMG_SavePNG(s->surface, path) != 0) {
        fprintf(stderr, "plankiosk shoot: cannot write %s: %s\n", path, IMG_GetError());
        return 1;
    }
    printf("%s\n", path);
    return 0;
}

/* A feedback screen; with focus_kind other than W_NONE, as a keyboard user sees it: the focus
 * ring on the first widget of that kind (and index, unless -1). */
static int shoot_focused(screen *s, journey *j, const char *dir, const char *name, draw_list *l,
                         widget_kind focus_kind, int focus_index) {
    /* Shown as if the visitor had just stopped touching: the countdown reads its full length. */
    uint64_t now = j->still_there ? (uint64_t)j->cfg->feedback.idle_seconds * 1000 : j->last_touch_ms;
    widget_list *w = malloc(sizeof *w);
    if (!w) return 1;
    journey_view_layout(&s->sc, j, now, l, w);
    focus f;
    focus_clear(&f);
    if (focus_kind != W_NONE && focus_place(&f, w, false, focus_kind, focus_index))
        focus_ring_layout(&s->sc.m, focus_widget(&f, w)->r, l); /* last in the list: drawn on top */
    screen_draw_frame(s, l, NULL, 1, 1, 1 << 20, NULL);
    free(w);
    return save(s, dir, name);
}

static int shoot_screen(screen *s, journey *j, const char *dir, const char *name, draw_list *l) {
    return shoot_focused(s, j, dir, name, l, W_NONE, -1);
}

/* A visitor's answer to q, as one might give it; invalid: a postcode that is not one. */
static void example_answer(const config *cfg, const question *q, answer *a, bool invalid) {
    bool ur = !strcmp(cfg->languages.code[cfg->lang], "ur");
    a->given = true;
    switch (q->type) {
    case Q_CHOICE:
    case Q_AGE_BAND: a->value = q->n_options > 3 ? 3 : q->n_options - 1; break;
    case Q_CHOICES:
        a->picked = 1u | (q->n_options > 2 ? 4u : 0u);
        if (q->other) a->picked |= 1u << (q->n_options - 1);
        if (q->max && __builtin_popcount(a->picked) > q->max) a->picked = 1u;
        break;
    case Q_FACES: a->value = 4; break;
    case Q_SCALE: a->value = q->max_value - 2 > q->min_value ? q->max_value - 2 : q->max_value; break;
    case Q_RANK: {
        static const int pick[] = {2, 0, 1, 3};
        int lim = q->max > 0 && q->max < q->n_options ? q->max : q->n_options;
        for (int k = 0; k < 4 && a->n_order < lim; k++)
            if (pick[k] < q->n_options) a->order[a->n_order++] = (signed char)pick[k];
        break;
    }
    case Q_PLACE:
        for (int k = 0; k < q->max && k < 3; k++) a->pins[a->n_pins++] = (answer_pin){q->image_w * (k + 1) / 4, q->image_h * (2 + k % 2) / 5};
        break;
    case Q_CONSENT: a->value = 1; break;
    default: break;
    }
    if (!a->text) return;
    const char *t = "";
    switch (q->type) {
    case Q_TEXT:
        /* Urdu is typed right to left: its box shows Urdu, with digits, and the caret. */
        t = ur ? "میں روتھرہم سے پیار کرتا ہوں، اور 2025 میں بچوں کے لیے مزید پارک چاہتا ہوں ۲۰۲۵"
               : "More trees and benches by the river, a café open in winter, and safe cycle paths "
                 "for families. Zażółć gęślą jaźń; £5 bus fares too.";
        break;
    case Q_FIRST_NAME: t = "Zoë"; break;
    case Q_POSTCODE_DISTRICT: t = invalid ? "SSS" : "S60"; break;
    case Q_NUMBER: {
        char num[16];
        snprintf(num, sizeof num, "%d", invalid ? q->max_value + 1 : q->min_value + (q->max_value - q->min_value) / 3);
        snprintf(a->text, (size_t)a->text_size, "%s", num);
        return;
    }
    default: t = q->other ? (ur ? "کھیل کا میدان" : "A skate park by the river") : ""; break;
    }
    snprintf(a->text, (size_t)a->text_size, "%s", t);
}

static void show_question(journey *j, int i) {
    journey_goto(j, STEP_QUESTION, i);
    j->notice_page = false; /* shown on its own below */
}

/* Every screen of consultation k, empty and answered, then its review: files named by the
 * consultation and question ids, and marked when the consultation is not running today
 * (riverside-park.expired-03-sport.png). */
static int shoot_consultation(screen *s, journey *j, const consultation *k, pk_date today, const char *dir,
                              draw_list *l) {
    const config *cfg = j->cfg;
    journey_start(j, k, 0);
    const char *mark = consult_running(k, today) ? ""
                       : k->has_from && date_cmp_days(today, date_first_day(k->from)) < 0 ? ".upcoming"
                                                                                           : ".expired";
    char name[160];
    int st = 0;
    if (k->intro) {
        j->step = STEP_INTRO;
        snprintf(name, sizeof name, "%s%s-00-intro", k->id, mark);
        st = shoot_screen(s, j, dir, name, l);
    }
    for (int i = 0; i < k->n_questions && !st; i++) {
        const question *q = &k->questions[i];
        show_question(j, i);
        if (q->type == Q_CONSENT && j->notice_apart) {
            /* Larger text: the privacy notice on its own page, before the question. */
            j->notice_page = true;
            snprintf(name, sizeof name, "%s%s-%02d-%s-notice", k->id, mark, i + 1, q->id);
            st = shoot_screen(s, j, dir, name, l);
            j->notice_page = false;
        }
        snprintf(name, sizeof name, "%s%s-%02d-%s", k->id, mark, i + 1, q->id);
        if (!st) st = shoot_screen(s, j, dir, name, l);
        /* Then answered, as the visitor sees it on the way (a refused postcode or number
         * first, with its message). */
        bool refusable = q->type == Q_POSTCODE_DISTRICT || q->type == Q_NUMBER;
        example_answer(cfg, q, &j->answers[i], refusable);
        j->invalid = refusable;
        snprintf(name, sizeof name, "%s%s-%02d-%s-filled", k->id, mark, i + 1, q->id);
        if (!st) st = shoot_screen(s, j, dir, name, l);
        if (refusable) example_answer(cfg, q, &j->answers[i], false), j->invalid = false;
        if (q->other && !st) {
            /* "Something else" chosen, then Next: its box. */
            answer keep = j->answers[i];
            if (q->type == Q_CHOICE) j->answers[i].value = q->n_options - 1;
            else j->answers[i].picked |= 1u << (q->n_options - 1);
            journey_press(j, W_NEXT, 0, NULL, 0);
            snprintf(name, sizeof name, "%s%s-%02d-%s-other", k->id, mark, i + 1, q->id);
            st = shoot_screen(s, j, dir, name, l);
            j->answers[i] = keep;
            journey_goto(j, STEP_QUESTION, i);
        }
    }
    journey_goto(j, STEP_REVIEW, 0);
    snprintf(name, sizeof name, "%s%s-review", k->id, mark);
    if (!st) st = shoot_screen(s, j, dir, name, l);
    /* A review longer than a page: each page, as More shows it. */
    widget_list *w = malloc(sizeof *w);
    for (int page = 1; w && !st && page < 8; page++) {
        journey_view_layout(&s->sc, j, 0, l, w);
        bool more = false;
        for (int i = 0; i < w->count; i++) more |= w->items[i].kind == W_MORE;
        if (!more) break;
        j->review_page = page;
        snprintf(name, sizeof name, "%s%s-review-%d", k->id, mark, page + 1);
        st = shoot_screen(s, j, dir, name, l);
    }
    free(w);
    return st;
}

/* Every feedback screen, filled in as a visitor might, so editors see them all. */
static int shoot_journey(screen *s, const config *cfg, pk_date today, const char *dir, draw_list *l) {
    journey *j = malloc(sizeof *j);
    if (!j) return 1;
    journey_init(j, cfg);
    journey_set_notice_apart(j, s->view.text_scale > 1);
    int st = 0;
    /* Last first, so the first consultation is the one left answered. */
    for (int c = cfg->n_consultations - 1; c >= 0 && !st; c--) st = shoot_consultation(s, j, &cfg->consultations[c], today, dir, l);
    /* The first consultation stays answered for what follows. Every keyboard page, over its
     * first typed question. */
    int typed = -1;
    for (int i = 0; j->consult && i < j->consult->n_questions && typed < 0; i++)
        if (j->consult->questions[i].type == Q_TEXT) typed = i;
    char name[64];
    if (typed >= 0) {
        show_question(j, typed);
        for (int p = 0; p < j->kb.layout->n_pages && !st; p++) {
            j->kb.page = p;
            snprintf(name, sizeof name, "feedback-keyboard-%d-%s", p, j->kb.layout->pages[p].name);
            st = shoot_screen(s, j, dir, name, l);
        }
        j->kb.page = j->kb.layout ? j->kb.layout->lower_page : 0;
        /* A long press: the variants of the first letter that has some, the first one lit. */
        const keyboard_page *pg = j->kb.layout ? &j->kb.layout->pages[j->kb.page] : NULL;
        for (int r = 0; pg && r < pg->n_rows && !j->kb.popup_key; r++)
            for (int i = 0; i < pg->n_keys[r] && !j->kb.popup_key; i++)
                if (pg->keys[r][i].n_more > 1) j->kb.popup_key = &pg->keys[r][i], j->kb.popup_hot = 0;
        if (!st && j->kb.popup_key) st = shoot_screen(s, j, dir, "feedback-keyboard-long-press", l);
        keyboard_popup_close(&j->kb);
        /* The keyboard's focus ring: on Next, on a key. */
        if (!st) st = shoot_focused(s, j, dir, "focus-next", l, W_NEXT, -1);
        if (!st) st = shoot_focused(s, j, dir, "focus-key", l, W_KEY, 12);
    }
    /* ... and on a chosen option card. */
    if (j->consult && j->consult->n_questions) {
        show_question(j, 0);
        if (!st) st = shoot_focused(s, j, dir, "focus-option", l, W_OPTION, 0);
    }
    j->still_there = true;
    j->last_touch_ms = 0;
    if (!st) st = shoot_screen(s, j, dir, "feedback-still-there", l);
    j->still_there = false;
    j->step = STEP_THANKS;
    if (!st) st = shoot_screen(s, j, dir, "feedback-thanks", l);
    j->step = STEP_SORRY;
    if (!st) st = shoot_screen(s, j, dir, "feedback-sorry", l);
    journey_clear(j);
    free(j);
    return st;
}

/* The staff screens, with figures as a busy day might leave them. */
static int shoot_staff(screen *s, const config *cfg, const char *dir, draw_list *l) {
    widget_list *w = malloc(sizeof *w);
    if (!w) return 1;
    pin_pad pad = {.digits = "12"};
    staff_stats stats = {.today = 14, .total = 312, .abandoned_today = 3, .abandoned_total = 41,
                         .last_at = "2026-11-24T15:42:10+00:00", .disk_known = true,
                         .disk_free = 27ull << 30, .disk_size = 29ull << 30};
    staff_view_state st = {.pin_pad_open = true, .pad = &pad, .stats = &stats,
                           .config_path = cfg->path, .config_title = cfg->plan.title,
                           .config_hash = cfg->hash, .feedback_dir = "/var/lib/plankiosk",
                           .storage_error = ""};
    staff_view_layout(&s->sc, &st, l, w);
    screen_draw_frame(s, l, NULL, 1, 1, 1 << 20, NULL);
    int status = save(s, dir, "staff-pin");
    pad = (pin_pad){.locked_until = 200000};
    st.now = 1000;
    staff_view_layout(&s->sc, &st, l, w);
    screen_draw_frame(s, l, NULL, 1, 1, 1 << 20, NULL);
    if (!status) status = save(s, dir, "staff-pin-locked");
    st.pin_pad_open = false;
    st.export_message = "Saved 312 responses (spreadsheet (.xlsx), CSV and report) to /media/STICK. It is safe to remove the stick.";
    st.export_ok = true;
    staff_view_layout(&s->sc, &st, l, w);
    screen_draw_frame(s, l, NULL, 1, 1, 1 << 20, NULL);
    if (!status) status = save(s, dir, "staff-screen");
    /* New content from a USB stick: offered, refused with its problems, previewed, used. */
    st.export_message = NULL;
    st.usb_content_label = "New content on the USB stick: \"Rotherham Plan, summer\"";
    st.can_go_back = true;
    st.content_message = "The USB stick's content has 3 problems; nothing was changed.\n"
                         "plankiosk/config.yaml:42:7: slide 3: 'date' must be YYYY-MM or YYYY-MM-DD\n"
                         "plankiosk/config.yaml:57:13: slide 5 (image): 'file': file \"pictures/park.png\" not found\n"
                         "plankiosk/config.yaml:80:3: unknown key 'slidez'\n";
    staff_view_layout(&s->sc, &st, l, w);
    screen_draw_frame(s, l, NULL, 1, 1, 1 << 20, NULL);
    if (!status) status = save(s, dir, "staff-content-problems");
    st.content_ok = true;
    st.content_message = "Now showing the USB stick's content, kept on the kiosk (the stick can be removed): "
                         "\"Rotherham Plan, summer\".";
    staff_view_layout(&s->sc, &st, l, w);
    screen_draw_frame(s, l, NULL, 1, 1, 1 << 20, NULL);
    if (!status) status = save(s, dir, "staff-content-used");
    st.preview_slide = &cfg->slides[cfg->n_slides > 2 ? 2 : 0];
    st.preview_label = "Preview: slide 3 of 12";
    char keeps[200];
    st.preview_keeps = config_kiosk_own_line(cfg, keeps, sizeof keeps);
    staff_view_layout(&s->sc, &st, l, w);
    screen_draw_frame(s, l, NULL, 1, 1, 1 << 20, NULL);
    if (!status) status = save(s, dir, "staff-content-preview");
    st.preview_slide = &cfg->slides[0];
    st.preview_label = "Preview: slide 1 of 12";
    st.preview_first = true;
    staff_view_layout(&s->sc, &st, l, w);
    screen_draw_frame(s, l, NULL, 1, 1, 1 << 20, NULL);
    if (!status) status = save(s, dir, "staff-content-preview-first");
    free(w);
    return status;
}

static int shoot_size_run(const config *cfg, shoot_size sz, const char *dir, draw_list *list,
                          draw_list *chrome, const slide_view *view, const slide_live *live) {
    screen s;
    pk_error err = {{0}};
    pk_date today = date_from_time(time(NULL));
    if (!screen_open_surface(&s, cfg, sz.w, sz.h, today, &err)) {
        fprintf(stderr, "plankiosk shoot: %s\n", err.msg);
        screen_close(&s);
        return 1;
    }
    if (view) screen_set_view(&s, view);
    /* The footer as the kiosk shows it: with the language button when there is a choice. */
    const char *lang = cfg->languages.n > 1 ? language_own_name(cfg->languages.code[cfg->lang]) : NULL;
    int status = 0;
    for (int i = 0; i < cfg->n_slides && !status; i++) {
        s.sc.live = live;
        slides_layout(&s.sc, &cfg->slides[i], list);
        chrome_state cs = {cfg->n_slides, i, false, lang, !config_consultation_for(cfg, NULL, today)};
        chrome_layout(&s.sc, &cs, chrome, NULL);
        screen_draw_frame(&s, list, NULL, 1, 1, 1 << 20, chrome);
        /* A slide outside its dates today says so in its name, so a reviewer does not take it
         * for one the kiosk is showing: 09-summer-fair.expired.png, 10-winter.upcoming.png. */
        static const char *const when[] = {".upcoming", "", ".expired"};
        char name[128];
        snprintf(name, sizeof name, "%02d-%s%s%s", i + 1, cfg->slides[i].id,
                 when[content_slide_when(&cfg->slides[i], today) + 1],
                 live_slide_ready(live, cfg, i) ? "" : ".skipped");
        status = save(&s, dir, name);
    }
    if (!status) {
        /* The paused state shows its own hint in the footer. */
        slides_layout(&s.sc, &cfg->slides[0], list);
        chrome_state cs = {cfg->n_slides, 0, true, lang, !config_consultation_for(cfg, NULL, today)};
        chrome_layout(&s.sc, &cs, chrome, NULL);
        screen_draw_frame(&s, list, NULL, 1, 1, 1 << 20, chrome);
        status = save(&s, dir, "loop-paused");
    }
    if (!status) status = shoot_journey(&s, cfg, today, dir, list);
    if (!status) status = shoot_staff(&s, cfg, dir, list);
    screen_close(&s);
    return status;
}

int shoot_run(const config *cfg, const shoot_size *sizes, int n_sizes, const char *out_dir,
              const slide_view *view, const slide_live *live) {
    if (make_dir(out_dir)) return 1;
    draw_list *list = malloc(sizeof *list), *chrome = malloc(sizeof *chrome);
    int status = !list || !chrome;
    for (int i = 0; i < n_sizes && !status; i++) {
        char dir[PATH_MAX];
        if (n_sizes > 1) {
            snprintf(dir, sizeof dir, "%s/%dx%d", out_dir, sizes[i].w, sizes[i].h);
            if (make_dir(dir)) {
                status = 1;
                break;
            }
        } else {
            snprintf(dir, sizeof dir, "%s", out_dir);
        }
        status = shoot_size_run(cfg, sizes[i], dir, list, chrome, view, live);
    }
    free(list);
    free(chrome);
    return status;
}
