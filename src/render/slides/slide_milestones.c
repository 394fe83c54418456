/* Milestones: a timeline in date order. Each stop shows its date and status (a coloured dot and
 * a word: colour is never the only cue) in a column on the left and what happens on the right.
 * Long timelines on landscape screens split into two columns; portrait reads top to bottom. */
#include <stdio.h>

#include "content/content.h"
#include "render/slides/slides.h"

#define MAXM CONFIG_MAX_MILESTONES

void slide_milestones_layout(const slide_ctx *sc, const slide *s, draw_list *l) {
    const config_theme *th = &sc->cfg->theme;
    slides_heading(sc, l, s->title);
    pk_rect box = sc->fr.content;
    int gap = sc->m.gap;
    int n = s->n_milestones;
    int cols = (!sc->m.portrait && n > 6) ? 2 : 1;
    int rows = (n + cols - 1) / cols;
    /* The intro is a nicety: it goes when the timeline needs the room. */
    if (s->intro && (sc->m.portrait || rows <= 4))
        slides_text(sc, l, s->intro, rect_cut_top(&box, (int)(box.h * 0.14), gap), FONT_REGULAR,
                    4.4, 3.0, th->muted, ALIGN_LEFT, true);
    int dot = (int)(sc->m.unit * 2.2) + 4, rail = dot * 2;
    int line_w = (int)(sc->m.unit * 0.5) + 2;
    pk_rect col_box[2] = {{0}}, rowb[MAXM] = {{0}}, dates[MAXM], states[MAXM], titles[MAXM];
    const char *date_t[MAXM], *state_t[MAXM], *title_t[MAXM];
    char date_buf[MAXM][32];
    int dw[MAXM], dh[MAXM], sw[MAXM], sh[MAXM], tw[MAXM], thh[MAXM];
    for (int c = 0; c < cols; c++) col_box[c] = rect_grid_cell(box, cols, 1, gap * 2, c);
    int date_w = (int)(col_box[0].w * (cols == 2 ? 0.27 : 0.2));
    for (int i = 0; i < n; i++) {
        const milestone *m = &s->milestones[i];
        rowb[i] = rect_grid_cell(col_box[i / rows], 1, rows, gap / 2, i % rows);
        pk_rect inner = rowb[i];
        rect_cut_left(&inner, rail, 0);
        pk_rect left = rect_cut_left(&inner, date_w, gap / 2);
        dates[i] = rect_cut_top(&left, left.h / 2, 0);
        states[i] = left;
        titles[i] = inner;
        /* Month names and states are wording, so they come out in the language shown. */
        const char *const *ui = sc->cfg->feedback.ui;
        date_t[i] = date_format_months(m->date, ui + UI_MONTH_1, date_buf[i], sizeof date_buf[i]);
        state_t[i] = ui[UI_STATUS_DONE + content_milestone_status(m, sc->as_of)];
        title_t[i] = m->title;
        dw[i] = dates[i].w, dh[i] = dates[i].h, sw[i] = states[i].w, sh[i] = states[i].h;
        tw[i] = titles[i].w, thh[i] = titles[i].h;
    }
    int dpx = slides_fit_common(sc, FONT_BOLD, date_t, dw, dh, n, 4.4, 2.8);
    int spx = slides_fit_common(sc, FONT_BOLD, state_t, sw, sh, n, dpx / sc->m.unit, 2.6);
    int tpx = slides_fit_common(sc, FONT_REGULAR, title_t, tw, thh, n, 4.8, 3.0);
    /* Date and status are stacked as single lines: shrink until neither wraps. */
    for (int i = 0; i < n; i++) {
        while (dpx > 10 && text_block_height(sc->text, FONT_BOLD, dpx, date_t[i], dw[i]) >
                               text_line_height(sc->text, FONT_BOLD, dpx))
            dpx--;
        while (spx > 10 && text_block_height(sc->text, FONT_BOLD, spx, state_t[i], sw[i]) >
                               text_line_height(sc->text, FONT_BOLD, spx))
            spx--;
    }
    if (spx > dpx) spx = dpx;
    for (int c = 0; c < cols; c++) {
        /* The rail runs from the first dot of the column to its last. */
        int first = c * rows, last = first + rows - 1 < n - 1 ? first + rows - 1 : n - 1;
        int x = col_box[c].x + rail / 2 - line_w / 2;
        int y0 = rowb[first].y + rowb[first].h / 2, y1 = rowb[last].y + rowb[last].h / 2;
        if (last > first) draw_list_add(l, DRAW_RECT, (pk_rect){x, y0, line_w, y1 - y0}, th->surface);
    }
    for (int i = 0; i < n; i++) {
        milestone_status st = content_milestone_status(&s->milestones[i], sc->as_of);
        pk_color col = th->status[st];
        int cx = rowb[i].x + rail / 2, cy = rowb[i].y + rowb[i].h / 2;
        draw_item *d = draw_list_add(l, DRAW_CIRCLE, (pk_rect){cx - dot / 2, cy - dot / 2, dot, dot}, col);
        if (d) d->radius = dot / 2;
        int dh_ = text_line_height(sc->text, FONT_BOLD, dpx), sh_ = text_line_height(sc->text, FONT_BOLD, spx);
        /* Date and status sit together in the middle of the row. */
        int top = rowb[i].y + (rowb[i].h - dh_ - sh_) / 2;
        if (top < rowb[i].y) top = rowb[i].y;
        pk_rect db = {dates[i].x, top, dates[i].w, dh_}, sb = {states[i].x, top + dh_, states[i].w, sh_};
        if (db.y + db.h > rowb[i].y + rowb[i].h) db = dates[i];
        if (sb.y + sb.h > rowb[i].y + rowb[i].h) sb = states[i];
        slides_text_at(sc, l, date_t[i], db, FONT_BOLD, dpx, th->text, ALIGN_LEFT, false);
        slides_text_at(sc, l, state_t[i], sb, FONT_BOLD, spx, col, ALIGN_LEFT, false);
        slides_text_at(sc, l, title_t[i], titles[i], FONT_REGULAR, tpx, th->text, ALIGN_LEFT, true);
    }
}
