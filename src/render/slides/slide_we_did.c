/* We did: what changed because of what people said, in pairs written by staff (one to four),
 * as a table that reads across: "You said" and "We did" once over their columns, then a row per
 * pair: its picture, what people said, an arrow, what was done and, under it, when. Labels over
 * the columns rather than in every row leave the room to the words, which run long in some
 * languages. The arrow follows the line of reading, so it points left on an Urdu screen; the
 * picture sits at the start of its row, never flipped. Boxes are sized at the designed text
 * size, so a visitor's larger text only grows the words (never shrinks them), and every pair's
 * words share one size so the rows read as a set. */
#include "render/slides/slides.h"

#define MAXP CONFIG_MAX_WE_DID

typedef struct pair_row {
    pk_rect card, pic, you, arrow, we, when;
} pair_row;

/* The columns of row r (inner: the row less its padding); pic_w 0 when no row has a picture. */
static pair_row columns(const slide_ctx *sc, pk_rect card, int pic_w, bool has_when, int when_h) {
    pair_row r = {.card = card};
    int pad = (int)(sc->m.unit * 1.0) + 2, gap = sc->m.gap;
    int arrow = (int)(sc->m.unit * 4) + 8;
    pk_rect inner = rect_inset(card, pad, pad);
    if (pic_w > 0) {
        int side = pic_w < inner.h ? pic_w : inner.h;
        r.pic = rect_cut_left(&inner, pic_w, gap);
        r.pic = (pk_rect){r.pic.x, r.pic.y + (r.pic.h - side) / 2, side, side};
    }
    /* What was done runs longer than what was said: it gets the wider column. */
    r.you = rect_cut_left(&inner, (inner.w - arrow - 2 * gap) * 9 / 25, gap);
    r.arrow = rect_cut_left(&inner, arrow, gap);
    int ah = arrow * 2 / 3 < r.arrow.h ? arrow * 2 / 3 : r.arrow.h;
    r.arrow = (pk_rect){r.arrow.x, r.arrow.y + (r.arrow.h - ah) / 2, r.arrow.w, ah};
    if (has_when) r.when = rect_cut_bottom(&inner, when_h < inner.h / 3 ? when_h : inner.h / 3, 0);
    r.we = inner;
    return r;
}

void slide_we_did_layout(const slide_ctx *sc, const slide *s, draw_list *l) {
    const config *c = sc->cfg;
    const config_theme *th = &c->theme;
    const char *const *ui = c->feedback.ui;
    slides_live_heading(sc, l, s);
    int n = s->n_we_did < MAXP ? s->n_we_did : MAXP;
    if (n <= 0) return;
    pk_rect box = sc->fr.content;
    int gap = sc->m.gap;
    bool pics = false;
    for (int i = 0; i < n; i++) pics |= s->we_did[i].image != NULL;
    /* At the designed size (layout_px): the visitor's text size changes the words, not boxes. */
    int head_h = text_line_height(sc->text, FONT_BOLD, layout_px(&sc->m, 3.2, 12)) * 9 / 8;
    int when_h = text_line_height(sc->text, FONT_REGULAR, layout_px(&sc->m, 2.8, 12)) * 9 / 8;
    pk_rect head = rect_cut_top(&box, head_h, gap / 3);
    pair_row r[MAXP];
    const char *txt[2 * MAXP], *when_t[MAXP];
    int tw[2 * MAXP], thh[2 * MAXP], ww[MAXP], wh[MAXP];
    int row_gap = gap / 3, row_h = (box.h - (n - 1) * row_gap) / n;
    int pic_w = pics ? (sc->m.portrait ? box.w / 5 : box.w / 7) : 0;
    for (int i = 0; i < n; i++) {
        const we_did_item *it = &s->we_did[i];
        pk_rect card = {box.x, box.y + i * (row_h + row_gap), box.w, row_h};
        r[i] = columns(sc, card, pic_w, it->when != NULL, when_h);
        txt[2 * i] = it->you_said, txt[2 * i + 1] = it->we_did;
        tw[2 * i] = r[i].you.w, thh[2 * i] = r[i].you.h;
        tw[2 * i + 1] = r[i].we.w, thh[2 * i + 1] = r[i].we.h;
        when_t[i] = it->when, ww[i] = r[i].when.w, wh[i] = r[i].when.h;
    }
    /* The column labels over the first row's columns. */
    pk_rect you_head = {r[0].you.x, head.y, r[0].you.w, head.h};
    pk_rect we_head = {r[0].we.x, head.y, r[0].we.w, head.h};
    const char *lab_t[2] = {ui[UI_YOU_SAID], ui[UI_WE_DID]};
    int lw[2] = {you_head.w, we_head.w}, lh[2] = {head.h, head.h};
    int lpx = slides_fit_common(sc, FONT_BOLD, lab_t, lw, lh, 2, 3.2, 2.6);
    int tpx = slides_fit_common(sc, FONT_REGULAR, txt, tw, thh, 2 * n, 4.4, 2.6);
    int wpx = slides_fit_common(sc, FONT_REGULAR, when_t, ww, wh, n, 2.8, 2.6);
    if (wpx > tpx) wpx = tpx;
    slides_text_at(sc, l, lab_t[0], you_head, FONT_BOLD, lpx, th->muted, ALIGN_LEFT, true);
    slides_text_at(sc, l, lab_t[1], we_head, FONT_BOLD, lpx, th->accent, ALIGN_LEFT, true);
    int thick = (int)(sc->m.unit * 0.5) + 2;
    for (int i = 0; i < n; i++) {
        const we_did_item *it = &s->we_did[i];
        slides_card(sc, l, r[i].card);
        if (it->image && r[i].pic.w > 0) {
            draw_item *im = draw_list_add(l, DRAW_IMAGE, r[i].pic, th->text);
            if (im) im->str = draw_list_str(l, it->image), im->fit = FIT_COVER;
        }
        slides_text_at(sc, l, txt[2 * i], r[i].you, FONT_REGULAR, tpx, th->text, ALIGN_LEFT, true);
        slides_arrow_on(l, r[i].arrow, th->accent, thick);
        slides_text_at(sc, l, txt[2 * i + 1], r[i].we, FONT_REGULAR, tpx, th->text, ALIGN_LEFT,
                       true);
        if (it->when)
            slides_text_at(sc, l, it->when, r[i].when, FONT_REGULAR, wpx, th->muted, ALIGN_LEFT,
                           true);
    }
}
