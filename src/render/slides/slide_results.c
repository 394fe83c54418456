/* Results: what the town is saying so far, for one question of a running consultation. The big
 * number of people who answered, the question, and its answers as the question asks them:
 * options chosen (choice, choices, age band) as bars, most first, with the share of people who
 * chose each; faces as five bars under the five faces (the faces question's own drawing);
 * a scale as a bar per point with its end labels; a ranking as its order by points. Every bar
 * shows its share as a number too, so colour and length are never the only cue. A caption says
 * how many people, where and since when. Aggregates only (results/results.h); below the slide's
 * min_responses (or with no live data) only the heading is drawn and the loop skips the slide. */
#include <stdio.h>
#include <string.h>

#include "core/numfmt.h"
#include "render/questions/question_view.h"
#include "render/slides/slides.h"

#define MAX_BARS 5 /* options shown as bars: the top five, or fewer when they would not read */

/* Largest px (at most max_u units) at which s fits w x h on one line. */
static int one_line_px(const slide_ctx *sc, const char *s, int w, int h, double max_u) {
    int lo = 10, hi = slides_px(sc, max_u, 12);
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (text_line_height(sc->text, FONT_BOLD, mid) <= h &&
            text_glyphs_width(sc->text, FONT_BOLD, mid, s) <= w)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

/* The big number of people and the words beside it. */
static void people(const slide_ctx *sc, draw_list *l, const results_tally *t, pk_rect box) {
    const config_theme *th = &sc->cfg->theme;
    const char *words = sc->cfg->feedback.ui[UI_RESULTS_PEOPLE];
    pk_rect num = rect_cut_top(&box, box.h * 11 / 20, sc->m.gap / 2);
    char digits[32];
    numfmt_format((double)t->people, 0, NULL, NULL, digits, sizeof digits);
    int px = one_line_px(sc, digits, num.w, num.h, 14);
    int lh = text_line_height(sc->text, FONT_BOLD, px);
    pk_rect nb = {num.x, num.y + num.h - lh, num.w, lh};
    draw_item *it = draw_list_add(l, DRAW_NUMBER, nb, th->accent);
    if (it) {
        it->font = FONT_BOLD;
        it->px = px;
        it->align = ALIGN_LEFT;
        it->value = (double)t->people;
        it->decimals = 0;
        it->str = draw_list_str(l, "");
        it->str2 = draw_list_str(l, "");
        it->text_h = lh;
    }
    slides_text(sc, l, words, box, FONT_REGULAR, 4.4, 2.8, th->text, ALIGN_LEFT, false);
}

static void percent_text(int percent, char *buf, int size) {
    numfmt_with_unit(percent, 0, "%", buf, size);
}

/* A bar of fraction f (0..1) of track, filled from its start. */
static void bar(const slide_ctx *sc, draw_list *l, pk_rect track, double f, bool across) {
    const config_theme *th = &sc->cfg->theme;
    int r = (across ? track.h : track.w) / 4;
    draw_item *it = draw_list_add(l, DRAW_RECT, track, th->surface);
    if (it) it->radius = r;
    if (f <= 0) return;
    pk_rect fill = track;
    if (across) {
        fill.w = (int)(track.w * (f > 1 ? 1 : f));
        if (fill.w < 2 * r) fill.w = 2 * r;
    } else {
        /* Upright bars stand on the track's bottom. */
        fill.h = (int)(track.h * (f > 1 ? 1 : f));
        if (fill.h < 2 * r) fill.h = 2 * r;
        fill.y = track.y + track.h - fill.h;
    }
    if ((it = draw_list_add(l, DRAW_RECT, fill, th->accent))) it->radius = r;
}

/* Options as rows: words at the start, a bar across, the share at the end (rank: the place in a
 * disc before the words, no bar). */
static void rows_chart(const slide_ctx *sc, draw_list *l, const live_result_row *rows, int n,
                       pk_rect box, bool rank) {
    const config_theme *th = &sc->cfg->theme;
    int gap = sc->m.gap;
    /* As many rows as read at the visitor's text size, up to five. */
    int min_row =
        text_line_height(sc->text, FONT_REGULAR, slides_px(sc, 3.0, 12)) * 5 / 4 + gap / 2;
    int k = n < MAX_BARS ? n : MAX_BARS;
    while (k > 1 && box.h / k < min_row) k--;
    pk_rect labels[MAX_BARS], ends[MAX_BARS], tracks[MAX_BARS];
    const char *lt[MAX_BARS], *vt[MAX_BARS];
    char vals[MAX_BARS][32];
    int lw[MAX_BARS], lh[MAX_BARS], vw[MAX_BARS], vh[MAX_BARS];
    int row_h = k > 0 ? (box.h - (k - 1) * gap / 2) / k : 0;
    if (row_h > box.h / 3) row_h = box.h / 3; /* a short list stays compact at the top */
    for (int i = 0; i < k; i++) {
        pk_rect row = {box.x, box.y + i * (row_h + gap / 2), box.w, row_h};
        if (rank) {
            snprintf(vals[i], sizeof vals[i], "%d", i + 1);
            int d = row.h < row.w / 6 ? row.h : row.w / 6;
            ends[i] = rect_cut_left(&row, d, gap);
            ends[i].y += (ends[i].h - d) / 2, ends[i].h = d;
            labels[i] = row;
            tracks[i] = (pk_rect){0};
        } else {
            percent_text(rows[i].percent, vals[i], sizeof vals[i]);
            labels[i] = rect_cut_left(&row, row.w * 2 / 5, gap);
            int ew = row.w / 5;
            ends[i] = (pk_rect){row.x + row.w - ew, row.y, ew, row.h};
            row.w -= ew + gap / 2;
            int bh = row.h / 2;
            tracks[i] = (pk_rect){row.x, row.y + (row.h - bh) / 2, row.w, bh};
        }
        lt[i] = rows[i].label, vt[i] = vals[i];
        lw[i] = labels[i].w, lh[i] = labels[i].h, vw[i] = ends[i].w, vh[i] = ends[i].h;
    }
    int lpx = slides_fit_common(sc, FONT_REGULAR, lt, lw, lh, k, 4.0, 2.6);
    int vpx = slides_fit_common(sc, FONT_BOLD, vt, vw, vh, k, rank ? 4.0 : 3.6, 2.6);
    if (!rank && vpx > lpx) vpx = lpx;
    for (int i = 0; i < k; i++) {
        slides_text_at(sc, l, lt[i], labels[i], FONT_REGULAR, lpx, th->text, ALIGN_LEFT, true);
        if (rank) {
            draw_item *it = draw_list_add(l, DRAW_CIRCLE, ends[i], th->accent);
            if (it) it->radius = ends[i].w / 2;
            slides_text_at(sc, l, vt[i], ends[i], FONT_BOLD, vpx, th->accent_text, ALIGN_CENTER,
                           true);
        } else {
            bar(sc, l, tracks[i], rows[i].percent / 100.0, true);
            slides_text_at(sc, l, vt[i], ends[i], FONT_BOLD, vpx, th->text, ALIGN_RIGHT, true);
        }
    }
}

/* A distribution as upright bars, one per face or point, with its share over it; faces stand
 * above their bars, a scale's points under theirs with the end labels below. */
static void columns_chart(const slide_ctx *sc, draw_list *l, const question *q,
                          const live_result_row *rows, int n, pk_rect box, bool faces) {
    const config_theme *th = &sc->cfg->theme;
    int gap = sc->m.gap;
    if (n <= 0) return;
    pk_rect ends_row = {0};
    if (!faces && (q->low_label || q->high_label)) {
        int h = text_line_height(sc->text, FONT_REGULAR, layout_px(&sc->m, 3.0, 12)) * 2;
        if (h > box.h / 4) h = box.h / 4;
        ends_row = rect_cut_bottom(&box, h, gap / 2);
    }
    enum { MAXC = LIVE_MAX_ROWS };
    pk_rect tops[MAXC], marks[MAXC], tracks[MAXC];
    const char *pt[MAXC], *mt[MAXC];
    char pcts[MAXC][16], nums[MAXC][16];
    int pw[MAXC], ph[MAXC], mw[MAXC], mh[MAXC];
    int most = 0;
    for (int i = 0; i < n; i++) {
        pk_rect col = rect_grid_cell(box, n, 1, gap / 2, i);
        int line = text_line_height(sc->text, FONT_BOLD, layout_px(&sc->m, 3.4, 12)) * 5 / 4;
        if (line > col.h / 5) line = col.h / 5;
        if (faces) {
            int d = col.w < col.h * 2 / 5 ? col.w : col.h * 2 / 5;
            marks[i] = rect_cut_top(&col, d, gap / 3);
            tops[i] = rect_cut_top(&col, line, gap / 4);
        } else {
            marks[i] = rect_cut_bottom(&col, line, gap / 4);
            tops[i] = rect_cut_top(&col, line, gap / 4);
        }
        int bw = col.w * 3 / 5;
        tracks[i] = (pk_rect){col.x + (col.w - bw) / 2, col.y, bw, col.h};
        percent_text(rows[i].percent, pcts[i], sizeof pcts[i]);
        snprintf(nums[i], sizeof nums[i], "%d", rows[i].value);
        pt[i] = pcts[i], mt[i] = faces ? NULL : nums[i];
        pw[i] = tops[i].w, ph[i] = tops[i].h, mw[i] = marks[i].w, mh[i] = marks[i].h;
        if (rows[i].count > rows[most].count) most = i;
    }
    int ppx = slides_fit_common(sc, FONT_BOLD, pt, pw, ph, n, 3.6, 2.4);
    int mpx = slides_fit_common(sc, FONT_BOLD, mt, mw, mh, n, 3.6, 2.4);
    for (int i = 0; i < n; i++) {
        if (faces)
            qview_face(sc, l, marks[i], rows[i].value, i == most);
        else
            slides_text_at(sc, l, mt[i], marks[i], FONT_BOLD, mpx, th->text, ALIGN_CENTER, true);
        slides_text_at(sc, l, pt[i], tops[i], FONT_BOLD, ppx, th->text, ALIGN_CENTER, true);
        bar(sc, l, tracks[i], rows[i].percent / 100.0, false);
    }
    if (ends_row.w > 0) {
        pk_rect lo = rect_grid_cell(ends_row, 2, 1, gap, 0),
                hi = rect_grid_cell(ends_row, 2, 1, gap, 1);
        const char *et[2] = {q->low_label, q->high_label};
        int ew[2] = {lo.w, hi.w}, eh[2] = {lo.h, hi.h};
        int epx = slides_fit_common(sc, FONT_REGULAR, et, ew, eh, 2, 3.2, 2.4);
        slides_text_at(sc, l, et[0], lo, FONT_REGULAR, epx, th->muted, ALIGN_LEFT, false);
        slides_text_at(sc, l, et[1], hi, FONT_REGULAR, epx, th->muted, ALIGN_RIGHT, false);
    }
}

void slide_results_layout(const slide_ctx *sc, const slide *s, draw_list *l) {
    const config *c = sc->cfg;
    const config_theme *th = &c->theme;
    slides_live_heading(sc, l, s);
    const results_tally *t = live_tally(sc->live, c, live_slide_index(c, s));
    const question *q = live_tally_question(c, t);
    live_result_row rows[LIVE_MAX_ROWS];
    int n = t ? live_result_rows(c, t, rows, LIVE_MAX_ROWS) : 0;
    if (!q || n == 0) return;
    pk_rect box = sc->fr.content;
    int gap = sc->m.gap;
    char caption[512];
    live_results_caption(c, s, t, sc->as_of, caption, sizeof caption);
    int cap_h =
        text_block_height(sc->text, FONT_REGULAR, layout_px(&sc->m, 3.0, 12), caption, box.w) * 5 /
        4;
    if (cap_h > box.h / 5) cap_h = box.h / 5;
    slides_text(sc, l, caption, rect_cut_bottom(&box, cap_h, gap), FONT_REGULAR, 3.0, 2.4,
                th->muted, ALIGN_LEFT, true);
    pk_rect who = sc->m.portrait ? rect_cut_top(&box, box.h / 4, gap * 2)
                                 : rect_cut_left(&box, box.w * 3 / 10, gap * 2);
    people(sc, l, t, who);
    /* The question, so the bars read as its answers. */
    const char *asked = q->title ? q->title : q->label;
    int ask_h =
        text_block_height(sc->text, FONT_BOLD, layout_px(&sc->m, 3.6, 12), asked, box.w) * 5 / 4;
    if (ask_h > box.h / 4) ask_h = box.h / 4;
    slides_text(sc, l, asked, rect_cut_top(&box, ask_h, gap), FONT_BOLD, 3.6, 2.6, th->text,
                ALIGN_LEFT, true);
    switch (t->type) {
    case Q_FACES: columns_chart(sc, l, q, rows, n, box, true); break;
    case Q_SCALE: columns_chart(sc, l, q, rows, n, box, false); break;
    case Q_RANK: rows_chart(sc, l, rows, n, box, true); break;
    default: rows_chart(sc, l, rows, n, box, false); break;
    }
}
