/* We did: what changed because of what people said, in pairs written by staff (one to four):
 * "You said" and its words, an arrow, "We did" and what happened, when, and its picture. Each
 * pair is a card; a wide card reads across (picture, you said, arrow, we did), a narrow one top
 * to bottom. The arrow follows the line of reading, so it points left on an Urdu screen; the
 * picture is placed on the mirrored side but never flipped. Every pair's words share one size,
 * so the cards read as a set. */
#include "render/slides/slides.h"

#define MAXP CONFIG_MAX_WE_DID

typedef struct pair_boxes {
    pk_rect card, pic, arrow, you_label, you_text, we_label, we_text, when;
    bool across; /* the arrow points along the line, else down */
} pair_boxes;

static pair_boxes pair_layout(const slide_ctx *sc, const we_did_item *it, pk_rect card, int label_h,
                              int when_h) {
    pair_boxes b = {.card = card};
    int pad = (int)(sc->m.unit * 2), gap = sc->m.gap;
    int arrow = (int)(sc->m.unit * 5) + 8;
    pk_rect inner = rect_inset(card, pad, pad);
    b.across = inner.w >= inner.h * 2;
    pk_rect you, we;
    if (b.across) {
        if (it->image)
            b.pic = rect_cut_left(&inner, inner.h < inner.w / 4 ? inner.h : inner.w / 4, pad);
        int col = (inner.w - arrow - 2 * gap) / 2;
        you = rect_cut_left(&inner, col, gap);
        b.arrow = rect_cut_left(&inner, arrow, gap);
        int ah = arrow * 2 / 3;
        b.arrow = (pk_rect){b.arrow.x, b.arrow.y + (b.arrow.h - ah) / 2, b.arrow.w, ah};
        we = inner;
    } else {
        if (it->image) b.pic = rect_cut_top(&inner, inner.h / 4, pad / 2);
        int ah = arrow * 2 / 3;
        int col = (inner.h - ah - gap) * 2 / 5;
        you = rect_cut_top(&inner, col, gap / 2);
        b.arrow = rect_cut_top(&inner, ah, gap / 2);
        b.arrow = (pk_rect){b.arrow.x, b.arrow.y, ah, ah};
        we = inner;
    }
    b.you_label = rect_cut_top(&you, label_h < you.h / 2 ? label_h : you.h / 2, gap / 4);
    b.you_text = you;
    b.we_label = rect_cut_top(&we, label_h < we.h / 3 ? label_h : we.h / 3, gap / 4);
    if (it->when) b.when = rect_cut_bottom(&we, when_h < we.h / 3 ? when_h : we.h / 3, gap / 4);
    b.we_text = we;
    return b;
}

void slide_we_did_layout(const slide_ctx *sc, const slide *s, draw_list *l) {
    const config *c = sc->cfg;
    const config_theme *th = &c->theme;
    const char *const *ui = c->feedback.ui;
    char title[256];
    slides_heading(sc, l, live_slide_title(c, s, sc->as_of, title, sizeof title));
    int n = s->n_we_did < MAXP ? s->n_we_did : MAXP;
    if (n <= 0) return;
    pk_rect box = sc->fr.content;
    int gap = sc->m.gap;
    int cols = layout_grid_cols(box, n, sc->m.portrait ? 2.2 : 3.0);
    int rows = (n + cols - 1) / cols;
    int label_h = text_line_height(sc->text, FONT_BOLD, slides_px(sc, 3.2, 12));
    int when_h = text_line_height(sc->text, FONT_REGULAR, slides_px(sc, 2.8, 12));
    pair_boxes b[MAXP];
    /* Labels, words and times each share one size over every card. */
    const char *lab_t[2 * MAXP], *txt_t[2 * MAXP], *when_t[MAXP];
    int lw[2 * MAXP], lh[2 * MAXP], tw[2 * MAXP], tht[2 * MAXP], ww[MAXP], wh[MAXP];
    for (int i = 0; i < n; i++) {
        const we_did_item *it = &s->we_did[i];
        b[i] = pair_layout(sc, it, rect_grid_cell(box, cols, rows, gap, i), label_h, when_h);
        lab_t[2 * i] = ui[UI_YOU_SAID], lab_t[2 * i + 1] = ui[UI_WE_DID];
        lw[2 * i] = b[i].you_label.w, lh[2 * i] = b[i].you_label.h;
        lw[2 * i + 1] = b[i].we_label.w, lh[2 * i + 1] = b[i].we_label.h;
        txt_t[2 * i] = it->you_said, txt_t[2 * i + 1] = it->we_did;
        tw[2 * i] = b[i].you_text.w, tht[2 * i] = b[i].you_text.h;
        tw[2 * i + 1] = b[i].we_text.w, tht[2 * i + 1] = b[i].we_text.h;
        when_t[i] = it->when, ww[i] = b[i].when.w, wh[i] = b[i].when.h;
    }
    int lpx = slides_fit_common(sc, FONT_BOLD, lab_t, lw, lh, 2 * n, 3.2, 2.4);
    int tpx = slides_fit_common(sc, FONT_REGULAR, txt_t, tw, tht, 2 * n, 4.4, 2.6);
    int wpx = slides_fit_common(sc, FONT_REGULAR, when_t, ww, wh, n, 2.8, 2.2);
    int thick = (int)(sc->m.unit * 0.5) + 2;
    for (int i = 0; i < n; i++) {
        const we_did_item *it = &s->we_did[i];
        slides_card(sc, l, b[i].card);
        if (it->image && b[i].pic.w > 0 && b[i].pic.h > 0) {
            draw_item *im = draw_list_add(l, DRAW_IMAGE, b[i].pic, th->text);
            if (im) im->str = draw_list_str(l, it->image), im->fit = FIT_COVER;
        }
        slides_text_at(sc, l, lab_t[2 * i], b[i].you_label, FONT_BOLD, lpx, th->muted, ALIGN_LEFT,
                       false);
        slides_text_at(sc, l, txt_t[2 * i], b[i].you_text, FONT_REGULAR, tpx, th->text, ALIGN_LEFT,
                       false);
        if (b[i].across)
            slides_arrow_on(l, b[i].arrow, th->accent, thick);
        else
            slides_arrow(l, b[i].arrow, false, th->accent, thick);
        slides_text_at(sc, l, lab_t[2 * i + 1], b[i].we_label, FONT_BOLD, lpx, th->accent,
                       ALIGN_LEFT, false);
        slides_text_at(sc, l, txt_t[2 * i + 1], b[i].we_text, FONT_REGULAR, tpx, th->text,
                       ALIGN_LEFT, false);
        if (it->when)
            slides_text_at(sc, l, it->when, b[i].when, FONT_REGULAR, wpx, th->muted, ALIGN_LEFT,
                           false);
    }
}
