/* question_view: what every question screen shares: the frame (the question on top, Close,
 * Back, the step dots, Skip and Next), buttons with their signs, a grid of option cards, the
 * drawn faces, and a text box with its keyboard. The screens themselves are one file per type
 * in this folder (question_screens.c lists them). Reads the journey, never changes it. */
#include "render/questions/question_view.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journey/languages.h"
#include "platform/paths.h"
#include "render/chrome.h"
#include "text/utf8.h"


/* A tick drawn with two thick lines: the font has no check-mark glyph, and colour alone must
 * never be the only sign that something is chosen. */
void qview_tick(const slide_ctx *sc, draw_list *l, pk_rect b, pk_color c, int thick) {
    draw_item *it;
    int from = l->count;
    if ((it = draw_list_add(l, DRAW_LINE, (pk_rect){b.x, b.y + b.h / 2, b.w / 3, b.h / 3}, c))) it->radius = thick;
    if ((it = draw_list_add(l, DRAW_LINE, (pk_rect){b.x + b.w / 3, b.y + b.h * 5 / 6, b.w * 2 / 3, -b.h * 2 / 3}, c)))
        it->radius = thick;
    /* A tick is a sign, not a direction: mirrored now, it comes out upright in right to left. */
    if (sc->rtl) slides_mirror(l, from, b.x, b.w, false);
}

/* A chevron in box b pointing forward (or back), drawn with two strokes. In right to left it
 * is mirrored with the screen, so "forward" points left there, as it should. */
static void chevron(draw_list *l, pk_rect b, bool forward, pk_color c, int thick) {
    int tip = forward ? b.x + b.w * 7 / 10 : b.x + b.w * 3 / 10, tail = forward ? b.x + b.w * 3 / 10 : b.x + b.w * 7 / 10;
    draw_item *it;
    if ((it = draw_list_add(l, DRAW_LINE, (pk_rect){tail, b.y + b.h / 8, tip - tail, b.h / 2 - b.h / 8}, c))) it->radius = thick;
    if ((it = draw_list_add(l, DRAW_LINE, (pk_rect){tip, b.y + b.h / 2, tail - tip, b.h * 3 / 8}, c))) it->radius = thick;
}

/* Back, Next, Skip and Send carry a picture as well as a word, so a child or someone who reads
 * little can go through from pictures alone: ‹ back, › next, » skip, a tick to send. */
static void button_sign(const slide_ctx *sc, draw_list *l, widget_kind kind, pk_rect *inner, pk_color fg) {
    if (kind != W_BACK && kind != W_NEXT && kind != W_MORE && kind != W_SKIP && kind != W_SEND) return;
    int t = inner->h * 3 / 5;
    if (t > (int)(sc->m.unit * 5)) t = (int)(sc->m.unit * 5);
    int thick = (int)(sc->m.unit * 0.5) + 2;
    /* Only where the word keeps most of the button: a narrow button shows the word alone. */
    if (t < 12 || inner->w < t * 4) return;
    pk_rect b = {0, inner->y + (inner->h - t) / 2, t, t};
    if (kind == W_BACK) {
        b.x = inner->x;
        rect_cut_left(inner, t, t / 4);
    } else {
        b.x = inner->x + inner->w - t;
        inner->w -= t + t / 4;
    }
    if (kind == W_SEND) {
        qview_tick(sc, l, b, fg, thick);
    } else if (kind == W_SKIP) {
        pk_rect half = {b.x - t / 6, b.y, t * 2 / 3, t};
        chevron(l, half, true, fg, thick);
        half.x += t / 2;
        chevron(l, half, true, fg, thick);
    } else {
        chevron(l, b, kind != W_BACK, fg, thick);
    }
}

void qview_button(const slide_ctx *sc, draw_list *l, widget_list *w, pk_rect r, const char *label,
                   button_style style, widget_kind kind, int index) {
    const config_theme *th = &sc->cfg->theme;
    pk_color bg = style == BTN_PLAIN ? th->surface : th->accent;
    pk_color fg = style == BTN_PLAIN ? th->text : th->accent_text;
    draw_item *b = draw_list_add(l, DRAW_RECT, r, bg);
    if (b) b->radius = r.h < r.w ? r.h / 4 : r.w / 4;
    pk_rect inner = rect_inset(r, r.h / 5 > 8 ? r.h / 5 : 8, r.h / 10);
    if (style == BTN_SELECTED) {
        int t = inner.h / 2 < 40 * sc->m.unit / 10 ? inner.h / 2 : (int)(4 * sc->m.unit);
        qview_tick(sc, l, (pk_rect){inner.x, inner.y + (inner.h - t) / 2, t, t}, fg, (int)(sc->m.unit * 0.6) + 2);
        rect_cut_left(&inner, t, t / 3);
    }
    button_sign(sc, l, kind, &inner, fg);
    slides_text(sc, l, label, inner, FONT_BOLD, 5.2, 2.8, fg, ALIGN_CENTER, true);
    widget_add(w, r, kind, index, NULL);
}

/* The frame of every step: the question on top, Close at the top right, and Back, the step
 * count, Skip and Next (or Send) along the bottom. The language button and the visitor's
 * settings sit beside Close in landscape, and in portrait where the loop has them, in the
 * footer's upper row (which also has room for the step dots). Returns the content box. */
/* A typing screen's keyboard with every key a touch target (for its tallest page), and the
 * least its text box needs to show one line. */
static int keyboard_need(const slide_ctx *sc, const journey *j) {
    int rows = keyboard_max_rows(j->kb.layout);
    return rows > 0 ? rows * sc->m.touch + (rows - 1) * (sc->m.gap / 2) : 0; /* no layout: no keys */
}

static int field_need(const slide_ctx *sc) {
    return text_line_height(sc->text, FONT_REGULAR, layout_px(&sc->m, 4.6, 14)) + 2 * (int)(sc->m.unit * 0.8) +
           sc->m.gap;
}

/* Larger text on a landscape screen: the buttons keep a row of their own at the top and the
 * question gets the full width under it, in a band that grows with the scale (up to 1.2 times
 * the title band at 200 %), as tall as the question needs at its full size; the content gives
 * up the room (the gaps around the band are narrower than the frame's). Above a keyboard the keys keep their touch size and the box one line, so the
 * band may be shorter; too short to be worth it (a five-row keyboard on a small screen), it is
 * 0 and the question stays beside the buttons. */
static int question_band(const slide_ctx *sc, const journey *j, const char *title, bool keys, int row_h) {
    if (sc->text_scale <= 1 || sc->m.portrait) return 0;
    int top_h = sc->fr.title.h;
    double s = sc->text_scale > 2 ? 2 : sc->text_scale;
    int band = (int)(top_h * s * 0.6);
    int need = text_block_height(sc->text, FONT_BOLD, slides_px(sc, 7, 12), title, sc->fr.title.w);
    if (need < band) band = need;
    if (keys) {
        int room = top_h + sc->m.gap + sc->fr.content.h - row_h - sc->m.gap / 4 - sc->m.gap / 2 -
                   keyboard_need(sc, j) - field_need(sc);
        if (band > room) band = room;
    }
    return band >= top_h * 3 / 5 ? band : 0;
}

/* The question flowing around the buttons, when that lets it be at least min_px: its first
 * line beside them (in `beside`), the rest under them, across `all` (the header). A long
 * question over a keyboard on a short screen gets larger so. Returns false when it does not. */
static bool question_flow(const slide_ctx *sc, draw_list *l, const char *title, pk_rect beside, pk_rect all,
                          int min_px) {
    int gap = sc->m.gap / 4;
    char first[256];
    wrap_line lines[TEXT_MAX_LINES];
    for (int px = slides_px(sc, 7, 12); px >= min_px; px--) {
        int n = text_wrap(sc->text, FONT_BOLD, px, title, beside.w, lines, TEXT_MAX_LINES);
        if (n < 2 || lines[0].len >= sizeof first) continue;
        memcpy(first, title + lines[0].start, lines[0].len);
        first[lines[0].len] = '\0';
        int h1 = text_block_height(sc->text, FONT_BOLD, px, first, beside.w);
        if (text_block_width(sc->text, FONT_BOLD, px, first, beside.w) > beside.w || h1 > all.h) continue;
        int r1 = h1 > beside.h ? h1 : beside.h;
        pk_rect rest = {all.x, all.y + r1 + gap, all.w, all.h - r1 - gap};
        const char *tail = title + lines[1].start;
        if (rest.h <= 0 || text_block_height(sc->text, FONT_BOLD, px, tail, rest.w) > rest.h ||
            text_block_width(sc->text, FONT_BOLD, px, tail, rest.w) > rest.w)
            continue;
        const config_theme *th = &sc->cfg->theme;
        slides_text_at(sc, l, first, (pk_rect){beside.x, all.y, beside.w, r1}, FONT_BOLD, px, th->text, ALIGN_LEFT, true);
        slides_text_at(sc, l, tail, rest, FONT_BOLD, px, th->text, ALIGN_LEFT, false);
        return true;
    }
    return false;
}

pk_rect qview_chrome(const slide_ctx *sc, const journey *j, const char *title, draw_list *l, widget_list *w,
                     bool skippable, bool next) {
    return qview_chrome_px(sc, j, title, l, w, skippable, next, NULL);
}

pk_rect qview_chrome_px(const slide_ctx *sc, const journey *j, const char *title, draw_list *l, widget_list *w,
                        bool skippable, bool next, int *title_px) {
    const config_theme *th = &sc->cfg->theme;
    pk_rect top = sc->fr.title, content = sc->fr.content;
    bool keys = journey_typing(j);
    /* Close is as easy to hit as the other buttons: at least a touch target, and in
     * proportion to the screen. */
    int close_h = sc->m.touch > (int)(sc->m.unit * 9) ? sc->m.touch : (int)(sc->m.unit * 9);
    int close_w = close_h * 2 > (int)(sc->m.unit * 22) ? close_h * 2 : (int)(sc->m.unit * 22);
    bool in_footer = sc->fr.nav.y != sc->fr.footer.y; /* portrait: a row of its own */
    int band = in_footer ? 0 : question_band(sc, j, title, keys, close_h);
    int extra;
    if (band > 0) {
        extra = close_h + sc->m.gap / 4 + band + sc->m.gap / 2 - top.h - sc->m.gap;
        top.h = close_h;
    } else {
        /* Larger text: above a keyboard the question's band grows with the text (by half as
         * much on a landscape screen, short of height), the text box giving up the room (it
         * scrolls; the keys keep their size). A portrait screen has height to spare: there
         * the band grows on every step. */
        double grow = (sc->text_scale > 2 ? 2 : sc->text_scale) - 1;
        extra = keys || sc->m.portrait ? (int)(top.h * grow / (sc->m.portrait ? 1 : 2)) : 0;
        /* ...but never so far that the keys or one line of the box would not fit. */
        int spare = keys ? content.h - sc->m.gap - keyboard_need(sc, j) - field_need(sc) : 0;
        if (keys && extra > spare) extra = spare > 0 ? spare : 0;
        top.h += extra;
    }
    content.y += extra, content.h -= extra;
    pk_rect close = {top.x + top.w - close_w, top.y + (top.h - close_h) / 2, close_w, close_h};
    if (close.h > top.h) close.h = top.h, close.y = top.y;
    pk_rect row = top; /* the buttons' row, and the question's place when it has no band */
    row.w -= close_w + sc->m.gap;
    const config_languages *langs = &sc->cfg->languages;
    if (langs->n > 1) {
        /* The language button, beside Close: every screen can change language. */
        pk_rect lang = {close.x - close_w - sc->m.gap, close.y, close_w, close.h};
        if (in_footer) lang = sc->fr.lang_button;
        else row.w -= close_w + sc->m.gap;
        qview_button(sc, l, w, lang, language_own_name(langs->code[sc->cfg->lang]), BTN_PLAIN, W_LANG_OPEN, 0);
    }
    pk_rect ts = sc->fr.text_size_button, mo = sc->fr.motion_button, li = sc->fr.listen_button;
    if (!in_footer) {
        /* Square buttons, as tall as Close, before the language button. */
        pk_rect *set[3] = {&ts, &mo, &li};
        int n = sc->can_listen ? 3 : 2, side = close.h;
        int x = row.x + row.w - n * (side + sc->m.gap) + sc->m.gap;
        li = (pk_rect){0};
        for (int i = 0; i < n; i++) *set[i] = (pk_rect){x + i * (side + sc->m.gap), close.y, side, side};
        row.w = x - sc->m.gap - row.x;
    }
    pk_rect heading = band > 0 ? (pk_rect){top.x, top.y + top.h + sc->m.gap / 4, top.w, band} : row;
    chrome_settings(sc, l, w, ts, mo, li);
    int px = text_fit(sc->text, FONT_BOLD, title, heading.w, heading.h, layout_px(&sc->m, 3.6, 12),
                      slides_px(sc, 7, 12), NULL);
    if (title_px) *title_px = px;
    pk_rect all = {top.x, top.y, top.w, heading.y + heading.h - top.y};
    if (!band || !question_flow(sc, l, title, (pk_rect){row.x, top.y, row.w, top.h}, all, px + px / 10 + 1))
        slides_text_at(sc, l, title, heading, FONT_BOLD, px, th->text, ALIGN_LEFT, true);
    qview_button(sc, l, w, close, qview_ui(sc, UI_CLOSE), BTN_PLAIN, W_CLOSE, 0);

    pk_rect foot = sc->fr.nav;
    int bw = (int)(foot.w * (sc->m.portrait ? 0.3 : 0.22));
    pk_rect back = {foot.x, foot.y, bw, foot.h};
    pk_rect nextb = qview_next_rect(sc);
    pk_rect skip = {nextb.x - bw - sc->m.gap, foot.y, bw, foot.h};
    qview_button(sc, l, w, back, qview_ui(sc, UI_BACK), BTN_PLAIN, W_BACK, 0);
    if (next)
        qview_button(sc, l, w, nextb, qview_ui(sc, j->step == STEP_REVIEW ? UI_SEND : j->step == STEP_INTRO ? UI_START : UI_NEXT), BTN_PRIMARY,
               j->step == STEP_REVIEW ? W_SEND : W_NEXT, 0);
    if (skippable) qview_button(sc, l, w, skip, qview_ui(sc, UI_SKIP), BTN_PLAIN, W_SKIP, 0);
    /* Step count between Back and Skip, as dots: where am I, how far to go. */
    int n = journey_step_count(j), cur = journey_step_number(j) - 1;
    pk_rect dots = {back.x + back.w + sc->m.gap, foot.y, skip.x - back.x - back.w - 2 * sc->m.gap, foot.h};
    if (in_footer) dots = sc->fr.dots;
    int pitch = n ? dots.w / n : 0, max_pitch = (int)(sc->m.unit * 5);
    if (pitch > max_pitch) pitch = max_pitch;
    int d = pitch / 2 > 4 ? pitch / 2 : 4;
    int x0 = dots.x + (dots.w - pitch * n) / 2;
    if (pitch < (int)(sc->m.unit * 1.5)) n = 0; /* no room: the dots would be specks */
    /* Done: filled in the words' colour; here: the accent; to come: a ring in the muted
     * colour, which `check` holds to 3:1 on the background (a filled dot in the card colour
     * did not show on every theme). */
    for (int i = 0; i < n && pitch > 0; i++) {
        pk_rect b = {x0 + i * pitch + (pitch - d) / 2, dots.y + (dots.h - d) / 2, d, d};
        draw_item *it = draw_list_add(l, i > cur ? DRAW_RING : DRAW_CIRCLE, b,
                                      i == cur ? th->accent : i < cur ? th->text : th->muted);
        if (it) it->radius = d / 2, it->px = i > cur ? (d / 6 > 2 ? d / 6 : 2) : 0;
    }
    return content;
}

void qview_face(const slide_ctx *sc, draw_list *l, pk_rect b, int rating, bool on) {
    const config_theme *th = &sc->cfg->theme;
    pk_color skin = on ? th->accent : th->muted, ink = th->accent_text;
    int d = b.w < b.h ? b.w : b.h;
    pk_rect disc = {b.x + (b.w - d) / 2, b.y + (b.h - d) / 2, d, d};
    draw_item *it = draw_list_add(l, DRAW_CIRCLE, disc, skin);
    if (it) it->radius = d / 2;
    int eye = d / 9 > 2 ? d / 9 : 2;
    for (int e = -1; e <= 1; e += 2) {
        pk_rect er = {disc.x + d / 2 + e * d / 5 - eye / 2, disc.y + d * 3 / 8 - eye / 2, eye, eye};
        if ((it = draw_list_add(l, DRAW_CIRCLE, er, ink))) it->radius = eye / 2;
    }
    double curve = (rating - 3) * 0.09 * d; /* mouth ends rise for a smile */
    int thick = d / 16 > 2 ? d / 16 : 2, segs = 6, cy = disc.y + d * 2 / 3;
    int px = 0, py = 0;
    for (int k = 0; k <= segs; k++) {
        double t = (double)k / segs * 2 - 1; /* -1..1 across the mouth */
        int x = disc.x + d / 2 + (int)(t * d * 0.24);
        int y = cy + (int)(curve * (1 - t * t)) - (int)(curve / 2);
        if (k && (it = draw_list_add(l, DRAW_LINE, (pk_rect){px, py, x - px, y - py}, ink))) it->radius = thick;
        px = x, py = y;
    }
}

static void key_face(const slide_ctx *sc, draw_list *l, pk_rect r, const char *label, int max_px,
                     bool special, bool lit) {
    const config_theme *th = &sc->cfg->theme;
    draw_item *b = draw_list_add(l, DRAW_RECT, r, lit ? th->accent : special ? th->background : th->surface);
    if (b) b->radius = (int)(sc->m.unit * 0.8);
    if (special && !lit) {
        /* Function keys are outlined, so letters stand out. */
        draw_item *o = draw_list_add(l, DRAW_RECT, r, th->surface);
        if (o) o->radius = b ? b->radius : 0;
        draw_item *in = draw_list_add(l, DRAW_RECT, rect_inset(r, 2, 2), th->background);
        if (in) in->radius = b ? b->radius : 0;
    }
    pk_rect lr = rect_inset(r, 2, 2);
    int px = text_fit(sc->text, FONT_BOLD, label, lr.w, lr.h, 10, max_px, NULL);
    slides_text_at(sc, l, label, lr, FONT_BOLD, px, lit ? th->accent_text : th->text, ALIGN_CENTER, true);
}

/* The long-press popup over the key held: the variants in big cells, the one under the finger
 * lit. While it shows it is all that answers: a tap beside it closes it (W_KEY_MORE -1). */
static void key_popup(const slide_ctx *sc, const journey *j, draw_list *l, widget_list *w,
                      const key_rect *keys, int nk, int max_px) {
    const config_theme *th = &sc->cfg->theme;
    pk_rect anchor = {0, 0, 0, 0};
    for (int i = 0; i < nk; i++)
        if (keys[i].key == j->kb.popup_key) anchor = keys[i].r;
    if (anchor.w <= 0) return; /* its key is not on this page */
    key_rect cells[KEYBOARD_MAX_MORE];
    int gap = sc->m.gap / 2;
    int n = keyboard_popup_layout(&j->kb, anchor, (pk_rect){0, 0, sc->m.w, sc->m.h}, sc->m.touch, gap, cells);
    if (n <= 0) return;
    w->count = 0;
    widget_add(w, (pk_rect){0, 0, sc->m.w, sc->m.h}, W_KEY_MORE, -1, NULL);
    /* A light veil: the keys under it still show, but only the popup answers now. */
    pk_color veil = th->background;
    veil.a = 140;
    draw_list_add(l, DRAW_RECT, (pk_rect){0, 0, sc->m.w, sc->m.h}, veil);
    pk_rect card = {cells[0].r.x - gap, cells[0].r.y - gap, cells[n - 1].r.x + cells[n - 1].r.w - cells[0].r.x + 2 * gap,
                    cells[0].r.h + 2 * gap};
    if (card.x < 0) card.w += card.x, card.x = 0;
    if (card.y < 0) card.h += card.y, card.y = 0;
    if (card.x + card.w > sc->m.w) card.w = sc->m.w - card.x;
    if (card.y + card.h > sc->m.h) card.h = sc->m.h - card.y;
    draw_item *c = draw_list_add(l, DRAW_RECT, card, th->text);
    if (c) c->radius = (int)(sc->m.unit * 1.0);
    for (int i = 0; i < n; i++) {
        key_face(sc, l, cells[i].r, keyboard_key_label(cells[i].key, sc->cfg->feedback.ui), max_px, false,
                 i == j->kb.popup_hot);
        widget_add(w, cells[i].r, W_KEY_MORE, i, cells[i].key);
    }
}

static void keyboard_keys(const slide_ctx *sc, const journey *j, draw_list *l, widget_list *w, pk_rect kb_box) {
    /* A page with fewer rows than the tallest keeps the same row height, at the bottom: keys
     * do not grow or jump when the page changes. */
    int gap = sc->m.gap / 2, max_rows = keyboard_max_rows(j->kb.layout);
    int rows = j->kb.layout ? j->kb.layout->pages[j->kb.page].n_rows : 0;
    if (rows > 0 && rows < max_rows) {
        int row_h = (kb_box.h - gap * (max_rows - 1)) / max_rows;
        int h = rows * row_h + (rows - 1) * gap;
        kb_box.y += kb_box.h - h;
        kb_box.h = h;
    }
    key_rect keys[KEYBOARD_MAX_KEYS];
    int nk = keyboard_layout_keys(&j->kb, kb_box, gap, keys);
    int kb_items = l->count, kb_widgets = w->count;
    int kpx = 0;
    for (int i = 0; i < nk; i++) {
        const key_def *k = keys[i].key;
        bool special = k->action != KEY_CHAR && k->action != KEY_SPACE;
        bool lit = k->action == KEY_SHIFT && (j->kb.shift || j->kb.caps);
        if (!kpx) kpx = text_fit(sc->text, FONT_BOLD, "W", keys[i].r.w, keys[i].r.h * 3 / 4, 10,
                                 slides_px(sc, 6, 14), NULL);
        key_face(sc, l, keys[i].r, keyboard_key_label(k, sc->cfg->feedback.ui), kpx, special, lit);
        widget_add(w, keys[i].r, W_KEY, i, k);
    }
    if (keyboard_popup_open(&j->kb)) key_popup(sc, j, l, w, keys, nk, kpx);
    /* Keys stay where the layout file puts them, as on a real keyboard of that language:
     * mirrored here, they come out unmirrored when the screen is. An open popup replaced the
     * widgets with its own, which are mirrored with it. */
    if (sc->rtl) {
        slides_mirror(l, kb_items, kb_box.x, kb_box.w, false);
        widget_list_mirror(w, w->count < kb_widgets ? 0 : kb_widgets, kb_box.x, kb_box.w);
    }
}

/* The text box and the keyboard under it, for the free text, the name and the postcode. */
void qview_typing(const slide_ctx *sc, const journey *j, draw_list *l, widget_list *w,
                  const char *title, const char *hint, const char *text, int max_chars,
                  bool multiline, const char *message) {
    const config_theme *th = &sc->cfg->theme;
    pk_rect box = qview_chrome(sc, j, title, l, w, qview_skippable(j), true);
    /* Keys first: every key at least a touch target tall; the text box takes what is left. */
    /* Sized for the tallest page, so the box does not jump when the page changes. */
    int kb_h = keyboard_need(sc, j);
    /* The keys keep the height they have at 100 % text: a taller question (larger text) takes
     * its room from the text box, which scrolls, not from the keys. */
    int want = (int)(sc->fr.content.h * (multiline ? 0.62 : 0.7));
    /* A five-row keyboard (Czech, Slovak) on a small screen may take more than four fifths:
     * its keys stay touch targets, the box keeps one line of text. */
    int need = kb_h, field_min = field_need(sc);
    if (kb_h < want) kb_h = want;
    /* Keys before the box: a key is never under a touch target, and the box keeps a line when
     * there is room for one; at 200 % text on a small screen it may keep less (its text then
     * shrinks to fit). */
    int cap = box.h * 4 / 5;
    if (cap < need) cap = need;
    if (cap > box.h - field_min) cap = box.h - field_min > need ? box.h - field_min : need;
    if (cap > box.h - sc->m.gap - 8) cap = box.h - sc->m.gap - 8;
    if (kb_h > cap) kb_h = cap;
    pk_rect kb_box = rect_cut_bottom(&box, kb_h, sc->m.gap);
    pk_rect field = box;
    slides_card(sc, l, field);
    widget_add(w, field, W_FIELD, 0, NULL); /* where a keyboard's focus types */
    pk_rect inner = rect_inset(field, (int)(sc->m.unit * 1.5), (int)(sc->m.unit * 0.8));
    if (message) {
        pk_rect msg = rect_cut_bottom(&inner, inner.h / 2, 0);
        slides_text(sc, l, message, msg, FONT_BOLD, 4, 2.4, th->status[STATUS_DELAYED], ALIGN_LEFT, true);
    }
    int px = slides_px(sc, multiline ? 4.6 : 5.5, 14);
    int lh = text_line_height(sc->text, FONT_REGULAR, px);
    if (lh > inner.h) px = text_fit(sc->text, FONT_REGULAR, "Ag", inner.w, inner.h, 10, px, NULL), lh = text_line_height(sc->text, FONT_REGULAR, px);
    int chars = (int)utf8_count(text, strlen(text));
    int left = max_chars - chars;
    /* The count near the end of a long text, and in any box the moment it refuses a letter. */
    if ((multiline && left <= (max_chars / 10 > 50 ? 50 : max_chars / 10 + 5)) || j->limit_hit) {
        char buf[96], num[16];
        const char *tmpl = qview_ui(sc, UI_CHARS_LEFT), *pct = strstr(tmpl, "%d");
        snprintf(num, sizeof num, "%d", left);
        if (pct) snprintf(buf, sizeof buf, "%.*s%s%s", (int)(pct - tmpl), tmpl, num, pct + 2);
        else snprintf(buf, sizeof buf, "%s %s", num, tmpl);
        /* Under a text of several lines; beside a one-line box's text, which has no line to
         * spare (the text there scrolls to its end), in at most half the box. A box of several
         * lines squeezed to fewer than two (larger text on a small screen) is a one-line box. */
        int cpx = px * 4 / 5;
        pk_rect cl;
        bool under = multiline && inner.h >= 2 * lh;
        if (under) {
            cl = rect_cut_bottom(&inner, lh, 0);
        } else {
            cpx = text_fit(sc->text, FONT_BOLD, buf, inner.w / 2, lh, 10, cpx, NULL);
            int beside = text_measure(sc->text, FONT_BOLD, cpx, buf, strlen(buf)) + sc->m.gap;
            cl = (pk_rect){inner.x + inner.w - beside, inner.y, beside, inner.h};
            inner.w -= beside;
        }
        slides_text_at(sc, l, buf, cl, FONT_BOLD, cpx, left <= 10 ? th->status[STATUS_DELAYED] : th->accent, ALIGN_RIGHT,
                       under);
    }
    int caret_x = inner.x, caret_y = inner.y, cw = (int)(sc->m.unit * 0.4) + 2;
    if (!text[0]) {
        /* The hint wraps, and shrinks where large text would not fit (only the hint). */
        int hpx = text_fit(sc->text, FONT_REGULAR, hint, inner.w, inner.h, 10, px, NULL);
        slides_text_at(sc, l, hint, inner, FONT_REGULAR, hpx, th->muted, ALIGN_LEFT, false);
    } else {
        /* Show the end of the text: the lines that fit, counted back from the last. A text of
         * spaces has no lines; the caret still moves on with each one. */
        int fit = inner.h / lh > 0 ? inner.h / lh : 1;
        text_tail tail;
        text_tail_of(sc->text, FONT_REGULAR, px, text, inner.w - 4, fit, &tail);
        if (tail.lines > 0)
            slides_text_at(sc, l, text + tail.start, (pk_rect){inner.x, inner.y, inner.w - 4, inner.h},
                           FONT_REGULAR, px, th->text, ALIGN_LEFT, false);
        int line_w = tail.line_w, off = tail.caret_x;
        caret_y = inner.y + (tail.caret_line < fit ? tail.caret_line : fit - 1) * lh;
        /* The caret follows the text's own direction. Positions here are before the screen is
         * mirrored: a text running the screen's way ends `off` from the start; one running
         * against it (Urdu typed on an English screen, a postcode on an Urdu one) is aligned to
         * the far side and ends `off` back from its own start there. Spaces alone run the
         * screen's way. */
        if (tail.lines == 0 || text_is_rtl(text) == sc->rtl) caret_x = inner.x + off;
        else if (sc->rtl) caret_x = inner.x + line_w - off - cw;
        else caret_x = inner.x + inner.w - 4 - off - cw;
        if (caret_x > inner.x + inner.w - 3) caret_x = inner.x + inner.w - 3;
        if (caret_x < inner.x) caret_x = inner.x;
    }
    draw_list_add(l, DRAW_RECT, (pk_rect){caret_x, caret_y + lh / 8, cw, lh * 3 / 4}, th->accent);
    keyboard_keys(sc, j, l, w, kb_box);
}

void qview_button_grid(const slide_ctx *sc, draw_list *l, widget_list *w, pk_rect box, int n,
                       const char *const *labels, int selected, widget_kind kind) {
    int cols = layout_grid_cols(box, n, 2.8);
    int rows = (n + cols - 1) / cols;
    for (int i = 0; i < n; i++)
        qview_button(sc, l, w, rect_grid_cell(box, cols, rows, sc->m.gap, i), labels[i],
                     selected == i ? BTN_SELECTED : BTN_PLAIN, kind, i);
}


pk_rect qview_next_rect(const slide_ctx *sc) {
    pk_rect foot = sc->fr.nav;
    int bw = (int)(foot.w * (sc->m.portrait ? 0.3 : 0.22));
    return (pk_rect){foot.x + foot.w - bw, foot.y, bw, foot.h};
}

bool qview_skippable(const journey *j) {
    const question *q = journey_question(j);
    return q && (!q->required || j->other_page);
}

const char *qview_message(const slide_ctx *sc, const journey *j, const question *q, char *buf, size_t size) {
    if (j->char_refused) return qview_ui(sc, UI_CHAR_UNSUPPORTED);
    if (j->required_hit) return qview_ui(sc, UI_REQUIRED);
    if (j->invalid && q->type == Q_NUMBER)
        return ui_text_fill(buf, size, qview_ui(sc, UI_NUMBER_INVALID), q->min_value, q->max_value);
    if (j->invalid) return qview_ui(sc, UI_POSTCODE_INVALID);
    if (j->full && q->type == Q_PLACE) return qview_ui(sc, UI_PLACE_FULL);
    if (j->full) return ui_text_fill(buf, size, qview_ui(sc, UI_CHOICES_FULL), q->max, 0);
    return NULL;
}

pk_rect qview_hint_line(const slide_ctx *sc, const journey *j, const question *q, const char *hint, draw_list *l,
                        pk_rect box, int title_px) {
    const config_theme *th = &sc->cfg->theme;
    char buf[300];
    const char *msg = qview_message(sc, j, q, buf, sizeof buf);
    if (!msg && !hint) return box;
    pk_rect line = rect_cut_top(&box, (int)(box.h * 0.12), sc->m.gap / 2);
    /* Under the question, never larger than it (a long question on a narrow screen shrinks). */
    int max_px = slides_px(sc, 4.2, 12), min_px = layout_px(&sc->m, 2.4, 10);
    if (title_px && max_px > title_px * 4 / 5) max_px = title_px * 4 / 5 > min_px ? title_px * 4 / 5 : min_px;
    const char *s = msg ? msg : hint;
    font_role role = msg ? FONT_BOLD : FONT_REGULAR;
    int px = text_fit(sc->text, role, s, line.w, line.h, min_px, max_px, NULL);
    slides_text_at(sc, l, s, line, role, px, msg ? th->status[STATUS_DELAYED] : th->muted, ALIGN_LEFT, true);
    return box;
}

void qview_option_cards(const slide_ctx *sc, const question *q, const int *mark, draw_list *l, widget_list *w,
                        pk_rect box) {
    const config_theme *th = &sc->cfg->theme;
    int n = q->n_options;
    /* Larger text on a portrait screen: wider cards (one column), for names on fewer lines. */
    int cols = layout_grid_cols(box, n, sc->m.portrait ? 2.6 * sc->text_scale : 2.2);
    int rows = (n + cols - 1) / cols;
    char other_icon[PATH_MAX];
    bool have_other = paths_find(NULL, paths_assets_dir(), NULL, "icons/other.svg", other_icon, sizeof other_icon);
    const char *icon[CONSULT_MAX_OPTIONS];
    bool any_icon = false;
    for (int i = 0; i < n; i++) {
        icon[i] = q->options[i].icon;
        if (!icon[i] && q->other && i == n - 1 && have_other) icon[i] = other_icon;
        any_icon |= icon[i] != NULL;
    }
    /* Every card's words at one size, so the cards look even (the longest sets it), with room
     * for the mark kept on every card so words do not reflow when it is chosen. At larger text
     * the icons give the words some of their room; options without icons get it all. */
    const char *names[CONSULT_MAX_OPTIONS];
    int tw[CONSULT_MAX_OPTIONS], tht[CONSULT_MAX_OPTIONS];
    pk_rect texts[CONSULT_MAX_OPTIONS], icons[CONSULT_MAX_OPTIONS], marks[CONSULT_MAX_OPTIONS];
    for (int i = 0; i < n; i++) {
        pk_rect inner = rect_inset(rect_grid_cell(box, cols, rows, sc->m.gap, i), (int)(sc->m.unit * 1.5),
                                   (int)(sc->m.unit * 1.5));
        /* Four or more to a row (many options on a wide screen): smaller icons, so the words
         * keep a size that reads from two metres. */
        double share = (cols >= 4 ? 3.2 : 2) + (sc->text_scale > 2 ? 2 : sc->text_scale);
        int ic = (int)(inner.w / share);
        if (ic > inner.h) ic = inner.h;
        int t = any_icon ? ic / 2 : inner.h / 2;
        if (t > inner.w / 6) t = inner.w / 6;
        if (t > (int)(sc->m.unit * 5)) t = (int)(sc->m.unit * 5);
        marks[i] = (pk_rect){inner.x + inner.w - t, inner.y + (any_icon ? 0 : (inner.h - t) / 2), t, t};
        inner.w -= t + sc->m.gap / 2;
        if (any_icon) {
            icons[i] = rect_cut_left(&inner, ic, sc->m.gap / 2);
            icons[i].y += (icons[i].h - ic) / 2, icons[i].h = ic;
        }
        texts[i] = inner;
        names[i] = q->options[i].label;
        tw[i] = inner.w, tht[i] = inner.h;
    }
    int px = slides_fit_common(sc, FONT_BOLD, names, tw, tht, n, 4.8, 2.8);
    for (int i = 0; i < n; i++) {
        pk_rect cell = rect_grid_cell(box, cols, rows, sc->m.gap, i);
        bool on = mark[i] != 0;
        pk_color fg = on ? th->accent_text : th->text;
        draw_item *b = draw_list_add(l, DRAW_RECT, cell, on ? th->accent : th->surface);
        if (b) b->radius = (int)(sc->m.unit * 1.5);
        if (mark[i] < 0) {
            qview_tick(sc, l, marks[i], fg, (int)(sc->m.unit * 0.6) + 2);
        } else if (mark[i] > 0) {
            /* The rank, large, where the tick would be: "1" is the first choice. */
            char num[12];
            snprintf(num, sizeof num, "%d", mark[i]);
            int npx = text_fit(sc->text, FONT_BOLD, num, marks[i].w, marks[i].h, 10, marks[i].h, NULL);
            slides_text_at(sc, l, num, marks[i], FONT_BOLD, npx, fg, ALIGN_CENTER, true);
        }
        if (any_icon && icon[i]) {
            /* In the colour of the card's words, so it shows on any theme, chosen or not. */
            draw_item *it = draw_list_add(l, DRAW_IMAGE, icons[i], fg);
            if (it) it->str = draw_list_str(l, icon[i]), it->tint = true;
        }
        slides_text_at(sc, l, names[i], texts[i], FONT_BOLD, px, fg, ALIGN_LEFT, true);
        widget_add(w, cell, W_OPTION, i, NULL);
    }
}
