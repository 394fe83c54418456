#include "render/chrome.h"

#include <stdio.h>

#include "config/ui_text.h"

/* The text size steps the "A A" button goes through, and the one shown now. */
static const double text_steps[] = {1.0, 1.5, 2.0};

static int text_step(const slide_ctx *sc) {
    int best = 0;
    for (int i = 0; i < 3; i++)
        if (sc->text_scale >= text_steps[i] - 0.01) best = i;
    return best;
}

/* "A A", the second larger, and under it three pips: as many filled as the size step. */
static void icon_text_size(const slide_ctx *sc, draw_list *l, pk_rect b, pk_color fg, pk_color dim) {
    int pip = b.h / 9 > 3 ? b.h / 9 : 3;
    int lw = b.w < b.h * 3 / 2 ? b.w : b.h * 3 / 2; /* not stretched across a wide button */
    pk_rect letters = {b.x + (b.w - lw) / 2, b.y, lw, b.h - pip * 2};
    int big = text_fit(sc->text, FONT_BOLD, "A", letters.w * 11 / 20, letters.h, 10, letters.h, NULL);
    int small = big * 13 / 20 > 10 ? big * 13 / 20 : 10;
    int hb = text_line_height(sc->text, FONT_BOLD, big), hs = text_line_height(sc->text, FONT_BOLD, small);
    int half = letters.w * 9 / 20;
    int gap = text_measure(sc->text, FONT_BOLD, small, " ", 1) / 2; /* a thin space between */
    /* Both letters stand on one line: their boxes share a bottom edge. */
    int base = letters.y + (letters.h + hb) / 2;
    slides_text_at(sc, l, "A", (pk_rect){letters.x, base - hs, half - gap, hs}, FONT_BOLD, small, fg, ALIGN_RIGHT,
                   false);
    slides_text_at(sc, l, "A", (pk_rect){letters.x + half, base - hb, letters.w - half, hb}, FONT_BOLD, big, fg,
                   ALIGN_LEFT, false);
    int step = text_step(sc);
    int pitch = pip * 2, x0 = b.x + (b.w - pitch * 3 + pip) / 2, y = b.y + b.h - pip - pip / 2;
    for (int i = 0; i < 3; i++) {
        draw_item *d = draw_list_add(l, DRAW_CIRCLE, (pk_rect){x0 + i * pitch, y, pip, pip}, i <= step ? fg : dim);
        if (d) d->radius = pip / 2;
    }
}

/* Less motion: three speed lines, struck through. (Two bars read as the loop's Pause.) */
static void icon_motion(draw_list *l, pk_rect b, pk_color fg) {
    int side = b.w < b.h ? b.w : b.h, x = b.x + (b.w - side) / 2, y = b.y + (b.h - side) / 2;
    int thick = side / 9 > 2 ? side / 9 : 2;
    draw_item *it;
    static const int from[3] = {30, 12, 30}; /* in % of the side: the middle line the longest */
    for (int i = 0; i < 3; i++) {
        int ly = y + side * (28 + 22 * i) / 100, lx = x + side * from[i] / 100;
        if ((it = draw_list_add(l, DRAW_LINE, (pk_rect){lx, ly, x + side * 88 / 100 - lx, 0}, fg))) it->radius = thick;
    }
    if ((it = draw_list_add(l, DRAW_LINE, (pk_rect){x + side / 8, y + side * 7 / 8, side * 3 / 4, -side * 3 / 4}, fg)))
        it->radius = thick;
}

/* A loudspeaker with two sound waves, facing right. */
static void icon_listen(draw_list *l, pk_rect b, pk_color fg) {
    int s = b.w < b.h ? b.w : b.h;
    int x = b.x + (b.w - s) / 2, cy = b.y + b.h / 2, thick = s / 14 > 2 ? s / 14 : 2;
    draw_item *it = draw_list_add(l, DRAW_RECT, (pk_rect){x + s / 10, cy - s / 8, s / 5, s / 4}, fg);
    if (it) it->radius = 0;
    /* The cone: a fan of lines from the body out to the mouth. */
    int cx0 = x + s * 3 / 10, cx1 = x + s * 11 / 20;
    for (int k = -3; k <= 3; k++) {
        int y0 = cy + k * s / 8 / 3, y1 = cy + k * s * 3 / 10 / 3;
        if ((it = draw_list_add(l, DRAW_LINE, (pk_rect){cx0, y0, cx1 - cx0, y1 - y0}, fg))) it->radius = thick;
    }
    for (int wv = 1; wv <= 2; wv++) {
        int wx = cx1 + wv * s / 7, r = wv * s / 7;
        if ((it = draw_list_add(l, DRAW_LINE, (pk_rect){wx, cy - r, r / 2, r}, fg))) it->radius = thick;
        if ((it = draw_list_add(l, DRAW_LINE, (pk_rect){wx + r / 2, cy, -r / 2, r}, fg))) it->radius = thick;
    }
}

typedef enum { ICON_TEXT_SIZE, ICON_MOTION, ICON_LISTEN } icon_kind;

/* Where a button's label goes: under the icon, in a button wider than tall. */
static pk_rect inner_of(pk_rect r) { return rect_inset(r, r.h / 10, r.h / 12); }
static pk_rect label_of(pk_rect r) {
    pk_rect in = inner_of(r);
    return (pk_rect){in.x, in.y + in.h * 64 / 100, in.w, in.h - in.h * 64 / 100};
}

/* One settings button: its icon, and under it its label at label_px (0: no label). */
static void setting(const slide_ctx *sc, draw_list *l, widget_list *w, pk_rect r, icon_kind icon,
                    bool on, const char *label, int label_px, widget_kind kind) {
    const config_theme *th = &sc->cfg->theme;
    pk_color bg = on ? th->accent : th->surface, fg = on ? th->accent_text : th->text;
    draw_item *b = draw_list_add(l, DRAW_RECT, r, bg);
    if (b) b->radius = (r.w < r.h ? r.w : r.h) / 4;
    pk_rect inner = inner_of(r);
    if (label_px) {
        pk_rect lab = label_of(r);
        slides_text_at(sc, l, label, lab, FONT_BOLD, label_px, fg, ALIGN_CENTER, true);
        inner.h = lab.y - inner.y;
    }
    int side = inner.w < inner.h ? inner.w : inner.h;
    pk_rect ib = {inner.x + (inner.w - side) / 2, inner.y + (inner.h - side) / 2, side, side};
    int from = l->count;
    switch (icon) {
    case ICON_TEXT_SIZE: {
        pk_color dim = fg;
        dim.a = 110; /* the steps not taken, faint on either background */
        icon_text_size(sc, l, inner, fg, dim);
        break;
    }
    case ICON_MOTION: icon_motion(l, ib, fg); break;
    case ICON_LISTEN:
        icon_listen(l, ib, fg);
        /* The loudspeaker is a picture, not a direction: it stays as it is in right to left. */
        if (sc->rtl) slides_mirror(l, from, ib.x, ib.w, false);
        break;
    }
    if (w) widget_add(w, r, kind, 0, NULL);
}

void chrome_settings(const slide_ctx *sc, draw_list *l, widget_list *w, pk_rect text_size,
                     pk_rect motion, pk_rect listen) {
    pk_rect r[3] = {text_size, motion, listen};
    const char *label[3] = {sc->cfg->feedback.ui[UI_TEXT_SIZE], sc->cfg->feedback.ui[UI_LESS_MOTION],
                            sc->cfg->feedback.ui[UI_LISTEN]};
    int n = listen.w > 0 ? 3 : 2;
    /* Labels where the buttons are wide enough for all of them at one readable size; icons
     * alone otherwise (the labels still name the buttons for speech and focus). */
    int floor_px = (int)(sc->m.unit * 2.2) > 12 ? (int)(sc->m.unit * 2.2) : 12;
    int px = slides_px(sc, 3.4, 12);
    for (int i = 0; i < n && px; i++) {
        pk_rect lab = label_of(r[i]);
        bool fits = r[i].w > r[i].h && label[i] && *label[i];
        if (fits) px = text_fit(sc->text, FONT_BOLD, label[i], lab.w, lab.h, floor_px, px, &fits);
        if (!fits || px < floor_px || text_block_height(sc->text, FONT_BOLD, px, label[i], lab.w) > lab.h) px = 0;
    }
    setting(sc, l, w, r[0], ICON_TEXT_SIZE, sc->text_scale > 1.01, label[0], px, W_TEXT_SIZE);
    /* Shown on when the config already keeps everything still, too. */
    bool still = sc->reduce_motion || sc->cfg->loop.reduce_motion;
    setting(sc, l, w, r[1], ICON_MOTION, still, label[1], px, W_MOTION);
    if (n == 3) setting(sc, l, w, r[2], ICON_LISTEN, sc->speaking, label[2], px, W_LISTEN);
}

void chrome_layout(const slide_ctx *sc, const chrome_state *st, draw_list *l, widget_list *w) {
    const config_theme *th = &sc->cfg->theme;
    draw_list_clear(l);
    if (w) w->count = 0;
    pk_rect dots = sc->fr.dots, button = sc->fr.button;
    if (st->paused) {
        slides_text(sc, l, sc->cfg->feedback.paused_hint, dots, FONT_BOLD, 4.2, 2.8, th->accent,
                    ALIGN_LEFT, true);
    } else if (st->n_slides > 1 && dots.w / st->n_slides < 7) {
        /* Too many slides for dots anyone could see (a small screen with every button): where
         * we are, in figures. */
        char where[24];
        snprintf(where, sizeof where, "%d / %d", st->current + 1, st->n_slides);
        slides_text(sc, l, where, dots, FONT_BOLD, 4.2, 2.8, th->text, ALIGN_CENTER, true);
    } else if (st->n_slides > 1) {
        /* Dots shrink to fit many slides; the current one is larger and in the accent colour. */
        int n = st->n_slides;
        int pitch = dots.w / n;
        int max_pitch = (int)(sc->m.unit * 4.5);
        if (pitch > max_pitch) pitch = max_pitch;
        int d = pitch * 5 / 10;
        if (d < 4) d = 4;
        for (int i = 0; i < n; i++) {
            bool cur = i == st->current;
            int size = cur ? d + d / 2 : d;
            if (size > pitch - 1) size = pitch - 1 > 2 ? pitch - 1 : 2;
            int cx = dots.x + i * pitch + pitch / 2, cy = dots.y + dots.h / 2;
            draw_item *it = draw_list_add(l, DRAW_CIRCLE,
                                          (pk_rect){cx - size / 2, cy - size / 2, size, size},
                                          cur ? th->accent : th->muted);
            if (it) it->radius = size / 2;
        }
    }
    if (st->language) {
        pk_rect lb = sc->fr.lang_button;
        draw_item *r = draw_list_add(l, DRAW_RECT, lb, th->surface);
        if (r) r->radius = lb.h / 2;
        slides_text(sc, l, st->language, rect_inset(lb, lb.h / 3, lb.h / 8), FONT_BOLD, 5, 3,
                    th->text, ALIGN_CENTER, true);
        if (w) widget_add(w, lb, W_LANG_OPEN, 0, NULL);
    }
    chrome_settings(sc, l, w, sc->fr.text_size_button, sc->fr.motion_button, sc->fr.listen_button);
    if (!st->no_consultation) {
        draw_item *b = draw_list_add(l, DRAW_RECT, button, th->accent);
        if (b) b->radius = button.h / 2;
        slides_text(sc, l, sc->cfg->feedback.button, rect_inset(button, button.h / 3, button.h / 8),
                    FONT_BOLD, 6, 3.5, th->accent_text, ALIGN_CENTER, true);
        if (w) widget_add(w, button, W_FEEDBACK_OPEN, 0, NULL);
    }
    if (sc->rtl) {
        slides_mirror(l, 0, 0, sc->m.w, true);
        if (w) widget_list_mirror(w, 0, 0, sc->m.w);
    }
}
