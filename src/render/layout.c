#include "render/layout.h"

#include <math.h>
#include <stddef.h>

void layout_metrics(int w, int h, double physical_width_mm, screen_metrics *m) {
    m->w = w;
    m->h = h;
    m->portrait = h > w;
    m->unit = (w < h ? w : h) / 100.0;
    m->px_per_mm = physical_width_mm > 0 ? w / physical_width_mm : 3.78;
    int touch = (int)ceil(9.0 * m->px_per_mm);
    m->touch = touch < 44 ? 44 : touch;
    m->margin = (int)round(4 * m->unit);
    m->gap = (int)round(2.5 * m->unit);
}

void layout_unrotate(int rotation, float px, float py, float *lx, float *ly) {
    switch (rotation) {
    case 90: *lx = py, *ly = 1 - px; break;
    case 180: *lx = 1 - px, *ly = 1 - py; break;
    case 270: *lx = 1 - py, *ly = px; break;
    default: *lx = px, *ly = py; break;
    }
}

int layout_px(const screen_metrics *m, double units, int min_px) {
    int px = (int)round(units * m->unit);
    return px < min_px ? min_px : px;
}

frame layout_frame(const screen_metrics *m) {
    frame_opts o = {false};
    return layout_frame_opts(m, &o);
}

/* Lays the settings buttons (text size, motion, listen) side by side from the start of row;
 * returns how much width they take. Square by default; wider (room for a label under the
 * icon) when `wide`. */
static int tools_row(pk_rect row, bool listen, int side, int gap, frame *f) {
    pk_rect *slots[3] = {&f->text_size_button, &f->motion_button, &f->listen_button};
    int x = row.x, n = listen ? 3 : 2;
    f->listen_button = (pk_rect){0};
    for (int i = 0; i < n; i++) {
        *slots[i] = (pk_rect){x, row.y, side, row.h};
        x += side + gap;
    }
    return x - row.x;
}

frame layout_frame_opts(const screen_metrics *m, const frame_opts *o) {
    frame f = {0};
    pk_rect all = {m->margin, m->margin, m->w - 2 * m->margin, m->h - 2 * m->margin};
    /* The footer holds the buttons: tall enough for a comfortable touch, and for its labels.
     * Portrait has height to spare and no width: two rows, the settings above "Have your say". */
    int row_h = (int)round(fmax(m->touch * 1.35, (m->portrait ? 9.5 : 12) * m->unit));
    /* Portrait: the dots get a band of their own over the buttons, so the settings can be wide
     * enough for their labels ("Text size", "Less motion": icons alone were read as Pause). */
    int dots_h = m->portrait ? (int)round(fmax(4.5 * m->unit, 16)) : 0;
    f.footer = rect_cut_bottom(&all, m->portrait ? 2 * row_h + dots_h + 2 * m->gap : row_h, m->gap);
    f.title = rect_cut_top(&all, (int)round((m->portrait ? 11 : 14) * m->unit), m->gap);
    f.content = all;
    pk_rect foot = f.footer;
    int lang_w = (int)round(foot.w * (m->portrait ? 0.3 : 0.18));
    if (m->portrait) {
        f.dots = rect_cut_top(&foot, dots_h, m->gap);
        f.nav = rect_cut_bottom(&foot, row_h, m->gap);
        f.button = f.nav;
    } else {
        f.nav = foot;
        int button_w = (int)round(foot.w * 0.3);
        f.button = (pk_rect){foot.x + foot.w - button_w, foot.y, button_w, foot.h};
        foot.w -= button_w + m->gap;
    }
    /* foot is now the row for the language, the settings and (landscape) the dots. */
    f.lang_button = (pk_rect){foot.x, foot.y, lang_w, foot.h};
    pk_rect row = {foot.x + lang_w + m->gap, foot.y, foot.w - lang_w - m->gap, foot.h};
    if (m->portrait) {
        /* The whole row to the settings, shared equally, as wide as a label wants. */
        int n = o->listen ? 3 : 2, side = (row.w - (n - 1) * m->gap) / n;
        tools_row(row, o->listen, side < row.h * 5 / 2 ? side : row.h * 5 / 2, m->gap, &f);
    } else {
        /* Labelled buttons where the dots keep room enough, icons alone where they would not. */
        int used = tools_row(row, o->listen, row.h * 3 / 2, m->gap, &f);
        if (row.w - used < 22 * m->unit) used = tools_row(row, o->listen, row.h, m->gap, &f);
        f.dots = (pk_rect){row.x + used, row.y, row.w - used, row.h};
    }
    int cta_w = (int)round(f.content.w * (m->portrait ? 0.8 : 0.5));
    int cta_h = (int)round(fmax(m->touch * 1.8, 16 * m->unit));
    f.cta_button = (pk_rect){f.content.x + (f.content.w - cta_w) / 2,
                             f.content.y + f.content.h - cta_h - m->gap, cta_w, cta_h};
    int edge = (int)round(m->w * 0.12);
    f.prev_zone = (pk_rect){0, 0, edge, f.footer.y};
    f.next_zone = (pk_rect){m->w - edge, 0, edge, f.footer.y};
    return f;
}

frame frame_mirror(const frame *f, int w) {
    frame g = *f;
    pk_rect *rs[] = {&g.title, &g.content, &g.footer, &g.dots, &g.button, &g.lang_button,
                     &g.prev_zone, &g.next_zone, &g.cta_button, &g.text_size_button,
                     &g.motion_button, &g.listen_button, &g.nav};
    for (size_t i = 0; i < sizeof rs / sizeof rs[0]; i++)
        if (rs[i]->w > 0) *rs[i] = rect_mirror(*rs[i], w);
    g.rtl = !f->rtl;
    return g;
}

int layout_grid_cols(pk_rect r, int n, double aspect) {
    int best = 1;
    double best_err = 1e9;
    for (int cols = 1; cols <= n; cols++) {
        int rows = (n + cols - 1) / cols;
        double a = ((double)r.w / cols) / ((double)r.h / rows);
        double err = fabs(log(a / aspect)) + 0.35 * (cols * rows - n); /* empty cells cost: a lone card looks lost */
        if (err < best_err) best_err = err, best = cols;
    }
    return best;
}
