/* Milestones: a timeline in date order. Each stop shows its date, its status as a coloured dot
 * and a word (colour is never the only cue), and what happens. Landscape screens split the
 * timeline into two columns; portrait screens read top to bottom. */
#include <stdio.h>

#include "content/content.h"
#include "render/slides/slides.h"

void slide_milestones_layout(const slide_ctx *sc, const slide *s, draw_list *l) {
    const config_theme *th = &sc->cfg->theme;
    slides_heading(sc, l, s->title);
    pk_rect box = sc->fr.content;
    int gap = sc->m.gap;
    if (s->intro)
        slides_text(sc, l, s->intro, rect_cut_top(&box, (int)(box.h * 0.14), gap), FONT_REGULAR,
                    4.4, 3.0, th->muted, ALIGN_LEFT, true);
    int n = s->n_milestones;
    int cols = (!sc->m.portrait && n > 4) ? 2 : 1;
    int rows = (n + cols - 1) / cols;
    int dot = (int)(sc->m.unit * 2.4) + 4, rail = dot * 2;
    int line_w = (int)(sc->m.unit * 0.5) + 2;
    pk_rect col_box[2], rowb[CONFIG_MAX_MILESTONES], heads[CONFIG_MAX_MILESTONES],
        titles[CONFIG_MAX_MILESTONES];
    const char *head_t[CONFIG_MAX_MILESTONES], *title_t[CONFIG_MAX_MILESTONES];
    char head_buf[CONFIG_MAX_MILESTONES][64];
    int hw[CONFIG_MAX_MILESTONES], hh[CONFIG_MAX_MILESTONES], tw[CONFIG_MAX_MILESTONES],
        thh[CONFIG_MAX_MILESTONES];
    for (int c = 0; c < cols; c++) col_box[c] = rect_grid_cell(box, cols, 1, gap * 2, c);
    for (int i = 0; i < n; i++) {
        const milestone *m = &s->milestones[i];
        pk_rect cb = col_box[i / rows];
        int r = i % rows;
        rowb[i] = rect_grid_cell(cb, 1, rows, gap / 2, r);
        pk_rect inner = rowb[i];
        rect_cut_left(&inner, rail, 0);
        heads[i] = rect_cut_top(&inner, (int)(inner.h * 0.42), 0);
        titles[i] = inner;
        char date[32];
        milestone_status st = content_milestone_status(m, sc->as_of);
        snprintf(head_buf[i], sizeof head_buf[i], "%s  ·  %s", date_format_short(m->date, date, sizeof date),
                 content_status_label(st));
        head_t[i] = head_buf[i];
        title_t[i] = m->title;
        hw[i] = heads[i].w, hh[i] = heads[i].h, tw[i] = titles[i].w, thh[i] = titles[i].h;
    }
    int hpx = slides_fit_common(sc, FONT_BOLD, head_t, hw, hh, n, 4.2, 2.8);
    int tpx = slides_fit_common(sc, FONT_REGULAR, title_t, tw, thh, n, 4.6, 2.8);
    for (int c = 0; c < cols; c++) {
        /* The rail runs from the first dot of the column to its last. */
        int first = c * rows, last = first + rows - 1 < n - 1 ? first + rows - 1 : n - 1;
        int x = col_box[c].x + rail / 2 - line_w / 2;
        int y0 = rowb[first].y + hh[first] / 2, y1 = rowb[last].y + hh[last] / 2;
        if (last > first) draw_list_add(l, DRAW_RECT, (pk_rect){x, y0, line_w, y1 - y0}, th->surface);
    }
    for (int i = 0; i < n; i++) {
        milestone_status st = content_milestone_status(&s->milestones[i], sc->as_of);
        pk_color col = th->status[st];
        int cx = rowb[i].x + rail / 2, cy = heads[i].y + heads[i].h / 2;
        draw_item *d = draw_list_add(l, DRAW_CIRCLE, (pk_rect){cx - dot / 2, cy - dot / 2, dot, dot}, col);
        if (d) d->radius = dot / 2;
        slides_text_at(sc, l, head_t[i], heads[i], FONT_BOLD, hpx, col, ALIGN_LEFT, true);
        slides_text_at(sc, l, title_t[i], titles[i], FONT_REGULAR, tpx, th->text, ALIGN_LEFT, false);
    }
}
