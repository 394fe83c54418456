#include "render/screens/journey_view.h"

#include <limits.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "journey/languages.h"
#include "render/chrome.h"
#include "render/questions/question_view.h"
#include "text/utf8.h"

static const char *ui(const slide_ctx *sc, ui_text_id id) { return sc->cfg->feedback.ui[id]; }

void widget_add(widget_list *w, pk_rect r, widget_kind kind, int index, const key_def *key) {
    if (w->count < WIDGETS_MAX) w->items[w->count++] = (widget){r, kind, index, key};
}

void widget_list_mirror(widget_list *w, int from, int x0, int width) {
    for (int i = from; i < w->count; i++) w->items[i].r.x = 2 * x0 + width - w->items[i].r.x - w->items[i].r.w;
}

const widget *widget_hit(const widget_list *w, int x, int y) {
    for (int i = w->count - 1; i >= 0; i--)
        if (rect_contains(w->items[i].r, x, y)) return &w->items[i];
    return NULL;
}

/* The height a review answer takes at px: all its lines, or for a long one (cut with "…") two
 * lines at most, so that larger text stays larger for every other answer. */
static int value_height(const slide_ctx *sc, int px, const char *s, int width, bool long_one) {
    int h = text_block_height(sc->text, FONT_REGULAR, px, s, width);
    int cap = 2 * text_line_height_for(sc->text, FONT_REGULAR, px, s);
    return long_one && h > cap ? cap : h;
}

/* A long consultation's review (more rows than fit one under another at a size that reads
 * from two metres): each answer in a cell of its own, its question's short name over it, in
 * two columns on a landscape screen. An answer too long for its cell ends in "…". */
#define REVIEW_LIST_MAX 7
/* How many answers a page of the review holds: as many cells as keep the label and one line
 * of the answer at their full size (the visitor's text size included). */
/* The height of the tallest label at full size (a label may be a question, over two lines). */
static int review_label_h(const slide_ctx *sc, const journey_review *rv, pk_rect box) {
    int cols = sc->m.portrait ? 1 : 2, cw = (box.w - (cols - 1) * sc->m.gap / 2) / cols, h = 0;
    for (int i = 0; i < rv->n; i++) {
        int b = text_block_height(sc->text, FONT_BOLD, slides_px(sc, 3.2, 12), rv->label[i], cw);
        if (b > h) h = b;
    }
    return h;
}

static int review_per_page(const slide_ctx *sc, const journey_review *rv, pk_rect box) {
    int cols = sc->m.portrait ? 1 : 2;
    int need = review_label_h(sc, rv, box) + text_line_height(sc->text, FONT_REGULAR, slides_px(sc, 4.4, 14)) +
               sc->m.gap / 2;
    int rows = need > 0 ? (box.h + sc->m.gap / 2) / need : 1;
    return (rows > 1 ? rows : 1) * cols;
}

static void review_grid(const slide_ctx *sc, const journey *j, const journey_review *all, int per, draw_list *l,
                        widget_list *w, pk_rect box) {
    const config_theme *th = &sc->cfg->theme;
    /* A review longer than a page at this text size: a page at a time, More to the next one
     * (Back to the one before), Send on the last. */
    int pages = (all->n + per - 1) / per;
    int label_h = review_label_h(sc, all, box);
    int value_h = text_line_height(sc->text, FONT_REGULAR, slides_px(sc, 4.4, 14));
    int page = j->review_page < pages ? j->review_page : pages - 1;
    journey_review part = {0};
    const journey_review *rv = all;
    if (pages > 1) {
        for (int i = page * per; i < all->n && part.n < per; i++) {
            part.q[part.n] = all->q[i], part.label[part.n] = all->label[i], part.none[part.n] = all->none[i];
            part.value[part.n++] = all->value[i];
        }
        rv = &part;
        per = per > rv->n ? per : rv->n;
    }
    /* The frame was drawn without Send: More takes its place until the last page. */
    if (page < pages - 1) qview_button(sc, l, w, qview_next_rect(sc), ui(sc, UI_NEXT), BTN_PRIMARY, W_MORE, page + 1);
    else qview_button(sc, l, w, qview_next_rect(sc), ui(sc, UI_SEND), BTN_PRIMARY, W_SEND, 0);
    int n = rv->n, cols = sc->m.portrait ? 1 : 2, rows = (pages > 1 ? per : n + cols - 1) / cols;
    const char *labels[CONSULT_MAX_QUESTIONS], *values[CONSULT_MAX_QUESTIONS];
    int lw[CONSULT_MAX_QUESTIONS], lh[CONSULT_MAX_QUESTIONS], vw[CONSULT_MAX_QUESTIONS], vh[CONSULT_MAX_QUESTIONS];
    pk_rect lr[CONSULT_MAX_QUESTIONS], vr[CONSULT_MAX_QUESTIONS];
    for (int i = 0; i < n; i++) {
        /* Down the first column, then the second: the order the questions were asked. */
        pk_rect cell = rect_grid_cell(box, cols, rows, sc->m.gap / 2, (i % rows) * cols + i / rows);
        lr[i] = rect_cut_top(&cell, label_h + value_h > 0 ? cell.h * label_h / (label_h + value_h) : cell.h / 2, 0);
        vr[i] = cell;
        labels[i] = rv->label[i];
        values[i] = "";
        lw[i] = lr[i].w, lh[i] = lr[i].h, vw[i] = vr[i].w, vh[i] = vr[i].h;
    }
    int lpx = slides_fit_common(sc, FONT_BOLD, labels, lw, lh, n, 3.6, 2.4);
    /* The answers' size: what the short ones allow (a long one is cut to its cell). */
    for (int i = 0; i < n; i++) values[i] = utf8_count(rv->value[i], strlen(rv->value[i])) > 40 ? "" : rv->value[i];
    int vpx = slides_fit_common(sc, FONT_REGULAR, values, vw, vh, n, 4.4, 2.6);
    for (int i = 0; i < n; i++) {
        slides_text_at(sc, l, labels[i], lr[i], FONT_BOLD, lpx, th->muted, ALIGN_LEFT, false);
        const char *v = rv->value[i];
        char *cut = NULL;
        /* A long answer may go down to its label's size to show whole; below that it is cut. */
        int px = vpx;
        if (text_block_height(sc->text, FONT_REGULAR, px, v, vr[i].w) > vr[i].h ||
            text_block_width(sc->text, FONT_REGULAR, px, v, vr[i].w) > vr[i].w)
            px = text_fit(sc->text, FONT_REGULAR, v, vr[i].w, vr[i].h, lpx, vpx, NULL);
        if (text_block_height(sc->text, FONT_REGULAR, px, v, vr[i].w) > vr[i].h ||
            text_block_width(sc->text, FONT_REGULAR, px, v, vr[i].w) > vr[i].w) {
            size_t size = strlen(v) + 4;
            if ((cut = malloc(size))) v = text_ellipsize(sc->text, FONT_REGULAR, px, v, vr[i].w, vr[i].h, cut, size);
        }
        slides_text_at(sc, l, v, vr[i], FONT_REGULAR, px, rv->none[i] ? th->muted : th->text, ALIGN_LEFT, false);
        free(cut); /* the draw list keeps its own copy */
    }
}

static void review(const slide_ctx *sc, const journey *j, draw_list *l, widget_list *w) {
    const config *c = sc->cfg;
    const config_theme *th = &c->theme;
    journey_review rv;
    journey_review_rows(j, &rv);
    int n = rv.n;
    if (n > REVIEW_LIST_MAX) {
        /* Send only on the review's last page (review_grid). */
        pk_rect box = qview_chrome(sc, j, ui(sc, UI_REVIEW_TITLE), l, w, false, false);
        review_grid(sc, j, &rv, review_per_page(sc, &rv, box), l, w, box);
        return;
    }
    pk_rect box = qview_chrome(sc, j, ui(sc, UI_REVIEW_TITLE), l, w, false, true);
    /* Free text gets three rows' worth of room. */
    int texts = 0;
    for (int i = 0; i < n; i++) texts += rv.q[i]->type == Q_TEXT;
    int units = n + 2 * texts, unit_h = units ? (box.h - sc->m.gap * (n - 1)) / units : 0;
    int label_w = (int)(box.w * (sc->m.portrait ? 0.32 : 0.25));
    const char *labels[CONSULT_MAX_QUESTIONS], *values[CONSULT_MAX_QUESTIONS];
    int lw[CONSULT_MAX_QUESTIONS], lh[CONSULT_MAX_QUESTIONS], vw[CONSULT_MAX_QUESTIONS], vh[CONSULT_MAX_QUESTIONS], k = 0;
    pk_rect lr[CONSULT_MAX_QUESTIONS], vr[CONSULT_MAX_QUESTIONS];
    int y = box.y;
    for (int i = 0; i < n; i++) {
        int h = unit_h * (rv.q[i]->type == Q_TEXT ? 3 : 1);
        pk_rect row = {box.x, y, box.w, h};
        lr[k] = rect_cut_left(&row, label_w, sc->m.gap);
        vr[k] = row;
        labels[k] = rv.label[i], values[k] = rv.value[i];
        lw[k] = lr[k].w, lh[k] = lr[k].h, vw[k] = vr[k].w, vh[k] = vr[k].h;
        k++;
        y += h + sc->m.gap;
    }
    /* An answer too long for its row (a 500-character idea) must not drag every row down to
     * the smallest size: the rows get the size the other answers allow, and the long one shows
     * its start and "…" at that size. The visitor has just typed it; this is to confirm it. */
    const char *probe[CONSULT_MAX_QUESTIONS];
    /* Long answers of any kind (several options with "Something else" words) are cut the
     * same way, so they do not set the size either. */
    for (int i = 0; i < k; i++) probe[i] = rv.q[i]->type == Q_TEXT || utf8_count(values[i], strlen(values[i])) > 60 ? "" : values[i];
    int target = slides_fit_common(sc, FONT_REGULAR, probe, vw, vh, k, 4.4, 2.6);
    char *clipped[CONSULT_MAX_QUESTIONS] = {0};
    const char *whole[CONSULT_MAX_QUESTIONS];
    for (int i = 0; i < k; i++) {
        whole[i] = values[i];
        if (text_block_height(sc->text, FONT_REGULAR, target, values[i], vw[i]) <= vh[i] &&
            text_block_width(sc->text, FONT_REGULAR, target, values[i], vw[i]) <= vw[i])
            continue;
        size_t size = strlen(values[i]) + 4;
        if (!(clipped[i] = malloc(size))) continue;
        values[i] = text_ellipsize(sc->text, FONT_REGULAR, target, values[i], vw[i], vh[i], clipped[i], size);
    }
    int lpx = slides_fit_common(sc, FONT_BOLD, labels, lw, lh, k, 4, 2.6);
    int vpx = slides_fit_common(sc, FONT_REGULAR, values, vw, vh, k, 4.4, 2.6);
    if (vpx < target) vpx = target; /* a clipped answer may end inside a word: it fits all the same */
    if (sc->text_scale > 1) {
        /* Larger text: each row as tall as its label and value need (values wrap), at the
         * largest size that lets them all fit, when that is larger than equal rows allow. */
        int gap = sc->m.gap / 2, best = 0;
        for (int px = slides_px(sc, 4.4, 12); px > vpx && !best; px--) {
            int total = -gap;
            for (int i = 0; i < k; i++) {
                int a = text_block_height(sc->text, FONT_BOLD, px * 10 / 11, labels[i], lw[i]);
                int b = value_height(sc, px, clipped[i] ? whole[i] : values[i], vw[i], !!clipped[i]);
                bool wide = text_block_width(sc->text, FONT_BOLD, px * 10 / 11, labels[i], lw[i]) <= lw[i] &&
                            (clipped[i] || text_block_width(sc->text, FONT_REGULAR, px, values[i], vw[i]) <= vw[i]);
                total += (a > b ? a : b) + gap + (wide ? 0 : box.h);
            }
            if (total <= box.h) best = px;
        }
        if (best) {
            vpx = best, lpx = best * 10 / 11, y = box.y;
            for (int i = 0; i < k; i++) {
                int a = text_block_height(sc->text, FONT_BOLD, lpx, labels[i], lw[i]);
                int b = value_height(sc, vpx, clipped[i] ? whole[i] : values[i], vw[i], !!clipped[i]);
                lr[i].y = vr[i].y = y;
                lr[i].h = vr[i].h = a > b ? a : b;
                y += lr[i].h + gap;
                /* A long answer is cut again, to its lines at this size. */
                if (clipped[i])
                    values[i] = text_ellipsize(sc->text, FONT_REGULAR, vpx, whole[i], vw[i], vr[i].h, clipped[i],
                                               strlen(whole[i]) + 4);
            }
        }
    }
    for (int i = 0; i < k; i++) {
        slides_text_at(sc, l, labels[i], lr[i], FONT_BOLD, lpx, th->muted, ALIGN_LEFT, false);
        slides_text_at(sc, l, values[i], vr[i], FONT_REGULAR, vpx, rv.none[i] ? th->muted : th->text, ALIGN_LEFT, false);
        free(clipped[i]); /* the draw list keeps its own copy */
    }
}

static void message(const slide_ctx *sc, draw_list *l, widget_list *w, const char *title,
                    const char *body, pk_color title_color) {
    const config_theme *th = &sc->cfg->theme;
    pk_rect box = {sc->fr.title.x, sc->fr.title.y, sc->fr.title.w,
                   sc->fr.content.y + sc->fr.content.h - sc->fr.title.y};
    pk_rect t = rect_cut_top(&box, box.h / 2, sc->m.gap);
    slides_text(sc, l, title, t, FONT_BOLD, 12, 6, title_color, ALIGN_CENTER, true);
    slides_text(sc, l, body, box, FONT_REGULAR, 6, 3.4, th->text, ALIGN_CENTER, false);
    qview_button(sc, l, w, sc->fr.button, ui(sc, UI_CLOSE), BTN_PRIMARY, W_CLOSE, 0);
}

static void still_there(const slide_ctx *sc, const journey *j, uint64_t now, draw_list *l, widget_list *w) {
    const config_theme *th = &sc->cfg->theme;
    /* Dim what is behind; the question is the only thing that answers now. */
    pk_color veil = th->background;
    veil.a = 225;
    draw_list_add(l, DRAW_RECT, (pk_rect){0, 0, sc->m.w, sc->m.h}, veil);
    w->count = 0;
    pk_rect card = rect_inset((pk_rect){0, 0, sc->m.w, sc->m.h}, sc->m.w / 10, sc->m.h / 8);
    slides_card(sc, l, card);
    pk_rect inner = rect_inset(card, sc->m.margin, sc->m.margin);
    int bh = sc->m.touch * 3 / 2 > (int)(sc->m.unit * 13) ? sc->m.touch * 3 / 2 : (int)(sc->m.unit * 13);
    pk_rect btn = rect_cut_bottom(&inner, bh, sc->m.gap);
    btn = rect_inset(btn, btn.w / 5, 0);
    pk_rect title = rect_cut_top(&inner, inner.h * 2 / 5, sc->m.gap);
    slides_text(sc, l, ui(sc, UI_STILL_TITLE), title, FONT_BOLD, 10, 5, th->accent, ALIGN_CENTER, true);
    char body[400], num[16];
    const char *tmpl = ui(sc, UI_STILL_BODY), *pct = strstr(tmpl, "%d");
    snprintf(num, sizeof num, "%d", journey_still_there_left(j, now));
    if (pct) snprintf(body, sizeof body, "%.*s%s%s", (int)(pct - tmpl), tmpl, num, pct + 2);
    else snprintf(body, sizeof body, "%s", tmpl);
    slides_text(sc, l, body, inner, FONT_REGULAR, 5.5, 3.2, th->text, ALIGN_CENTER, true);
    /* Anywhere on the screen answers too; the button is what people look for. */
    widget_add(w, (pk_rect){0, 0, sc->m.w, sc->m.h}, W_CONTINUE, 0, NULL);
    qview_button(sc, l, w, btn, ui(sc, UI_STILL_CONTINUE), BTN_PRIMARY, W_CONTINUE, 0);
}

void language_picker_layout(const slide_ctx *sc, draw_list *l, widget_list *w) {
    const config_theme *th = &sc->cfg->theme;
    const config_languages *langs = &sc->cfg->languages;
    pk_color veil = th->background;
    veil.a = 250; /* the screen behind only just shows: nothing competes with the names */
    int from = l->count;
    draw_list_add(l, DRAW_RECT, (pk_rect){0, 0, sc->m.w, sc->m.h}, veil);
    w->count = 0;
    /* Tapping outside the buttons closes the picker: the whole screen is its background. */
    widget_add(w, (pk_rect){0, 0, sc->m.w, sc->m.h}, W_LANG_PICK, -1, NULL);
    pk_rect box = rect_inset((pk_rect){0, 0, sc->m.w, sc->m.h}, sc->m.margin * 2, sc->m.margin);
    int cols = sc->m.portrait ? 1 : 2, rows = (langs->n + cols - 1) / cols;
    for (int i = 0; i < langs->n; i++) {
        pk_rect r = rect_grid_cell(box, cols, rows, sc->m.gap, i);
        if (r.h > sc->m.touch * 2) r = (pk_rect){r.x, r.y + (r.h - sc->m.touch * 2) / 2, r.w, sc->m.touch * 2};
        qview_button(sc, l, w, r, language_own_name(langs->code[i]), i == sc->cfg->lang ? BTN_SELECTED : BTN_PLAIN,
               W_LANG_PICK, i);
    }
    if (sc->rtl) {
        slides_mirror(l, from, 0, sc->m.w, true);
        widget_list_mirror(w, 0, 0, sc->m.w);
    }
}

/* The consultation's intro: its title, its words, and Next to begin. */
static void intro(const slide_ctx *sc, const journey *j, draw_list *l, widget_list *w) {
    const config_theme *th = &sc->cfg->theme;
    pk_rect box = qview_chrome(sc, j, j->consult->title, l, w, false, true);
    slides_card(sc, l, box);
    pk_rect inset = rect_inset(box, (int)(sc->m.unit * 2), (int)(sc->m.unit * 1.2));
    slides_text(sc, l, j->consult->intro, inset, FONT_REGULAR, 5, 2.6, th->text, ALIGN_LEFT, true);
}

void journey_view_layout(const slide_ctx *sc, const journey *j, uint64_t now, draw_list *l, widget_list *w) {
    draw_list_clear(l);
    w->count = 0;
    const config *c = sc->cfg;
    switch (j->step) {
    case STEP_INTRO: intro(sc, j, l, w); break;
    case STEP_QUESTION: question_view_layout(sc, j, l, w); break;
    case STEP_REVIEW: review(sc, j, l, w); break;
    case STEP_THANKS:
        message(sc, l, w, j->consult ? j->consult->thanks_title : ui(sc, UI_THANKS_TITLE),
                j->consult ? j->consult->thanks_body : ui(sc, UI_THANKS_BODY), c->theme.accent);
        break;
    case STEP_SORRY:
        message(sc, l, w, ui(sc, UI_SORRY_TITLE), ui(sc, UI_SORRY_BODY), c->theme.status[STATUS_DELAYED]);
        break;
    default: break;
    }
    if (j->still_there && j->step != STEP_THANKS && j->step != STEP_SORRY) still_there(sc, j, now, l, w);
    if (sc->rtl) {
        slides_mirror(l, 0, 0, sc->m.w, true);
        widget_list_mirror(w, 0, 0, sc->m.w);
    }
}
