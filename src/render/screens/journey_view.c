#include "render/screens/journey_view.h"

#include <limits.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "journey/languages.h"
#include "render/chrome.h"
#include "platform/paths.h"
#include "text/utf8.h"

typedef enum { BTN_PRIMARY, BTN_PLAIN, BTN_SELECTED } button_style;

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

static const char *ui(const slide_ctx *sc, ui_text_id id) { return sc->cfg->feedback.ui[id]; }

/* A tick drawn with two thick lines: the font has no check-mark glyph, and colour alone must
 * never be the only sign that something is chosen. */
static void tick(const slide_ctx *sc, draw_list *l, pk_rect b, pk_color c, int thick) {
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
    if (kind != W_BACK && kind != W_NEXT && kind != W_SKIP && kind != W_SEND) return;
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
        tick(sc, l, b, fg, thick);
    } else if (kind == W_SKIP) {
        pk_rect half = {b.x - t / 6, b.y, t * 2 / 3, t};
        chevron(l, half, true, fg, thick);
        half.x += t / 2;
        chevron(l, half, true, fg, thick);
    } else {
        chevron(l, b, kind == W_NEXT, fg, thick);
    }
}

static void button(const slide_ctx *sc, draw_list *l, widget_list *w, pk_rect r, const char *label,
                   button_style style, widget_kind kind, int index) {
    const config_theme *th = &sc->cfg->theme;
    pk_color bg = style == BTN_PLAIN ? th->surface : th->accent;
    pk_color fg = style == BTN_PLAIN ? th->text : th->accent_text;
    draw_item *b = draw_list_add(l, DRAW_RECT, r, bg);
    if (b) b->radius = r.h < r.w ? r.h / 4 : r.w / 4;
    pk_rect inner = rect_inset(r, r.h / 5 > 8 ? r.h / 5 : 8, r.h / 10);
    if (style == BTN_SELECTED) {
        int t = inner.h / 2 < 40 * sc->m.unit / 10 ? inner.h / 2 : (int)(4 * sc->m.unit);
        tick(sc, l, (pk_rect){inner.x, inner.y + (inner.h - t) / 2, t, t}, fg, (int)(sc->m.unit * 0.6) + 2);
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

static pk_rect chrome(const slide_ctx *sc, const journey *j, const char *title, draw_list *l,
                      widget_list *w, bool skippable, bool next) {
    const config_theme *th = &sc->cfg->theme;
    pk_rect top = sc->fr.title, content = sc->fr.content;
    bool keys = j->step == STEP_TEXT || j->step == STEP_NAME || j->step == STEP_POSTCODE;
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
        button(sc, l, w, lang, language_own_name(langs->code[sc->cfg->lang]), BTN_PLAIN, W_LANG_OPEN, 0);
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
    pk_rect all = {top.x, top.y, top.w, heading.y + heading.h - top.y};
    if (!band || !question_flow(sc, l, title, (pk_rect){row.x, top.y, row.w, top.h}, all, px + px / 10 + 1))
        slides_text_at(sc, l, title, heading, FONT_BOLD, px, th->text, ALIGN_LEFT, true);
    button(sc, l, w, close, ui(sc, UI_CLOSE), BTN_PLAIN, W_CLOSE, 0);

    pk_rect foot = sc->fr.nav;
    int bw = (int)(foot.w * (sc->m.portrait ? 0.3 : 0.22));
    pk_rect back = {foot.x, foot.y, bw, foot.h};
    pk_rect nextb = {foot.x + foot.w - bw, foot.y, bw, foot.h};
    pk_rect skip = {nextb.x - bw - sc->m.gap, foot.y, bw, foot.h};
    button(sc, l, w, back, ui(sc, UI_BACK), BTN_PLAIN, W_BACK, 0);
    if (next)
        button(sc, l, w, nextb, ui(sc, j->step == STEP_REVIEW ? UI_SEND : UI_NEXT), BTN_PRIMARY,
               j->step == STEP_REVIEW ? W_SEND : W_NEXT, 0);
    if (skippable) button(sc, l, w, skip, ui(sc, UI_SKIP), BTN_PLAIN, W_SKIP, 0);
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

static void choice(const slide_ctx *sc, const journey *j, draw_list *l, widget_list *w) {
    const config *c = sc->cfg;
    const config_theme *th = &c->theme;
    pk_rect box = chrome(sc, j, ui(sc, UI_CHOICE_TITLE), l, w, true, true);
    pk_rect hint = rect_cut_top(&box, (int)(box.h * 0.12), sc->m.gap / 2);
    slides_text(sc, l, ui(sc, UI_CHOICE_HINT), hint, FONT_REGULAR, 4.2, 2.8, th->muted, ALIGN_LEFT, true);
    int n = c->n_themes + 1;
    /* Larger text on a portrait screen: wider cards (one column), for names on fewer lines. */
    int cols = layout_grid_cols(box, n, sc->m.portrait ? 2.6 * sc->text_scale : 2.2);
    int rows = (n + cols - 1) / cols;
    char other_icon[PATH_MAX];
    bool have_other = paths_find(NULL, paths_assets_dir(), NULL, "icons/other.svg", other_icon, sizeof other_icon);
    /* Every card's name at one size, so the cards look even (the longest name sets it), with
     * room for the tick kept on every card so a name does not reflow when it is chosen. At
     * larger text the icons give the names some of their room. */
    const char *names[CONFIG_MAX_THEMES + 1];
    int tw[CONFIG_MAX_THEMES + 1], tht[CONFIG_MAX_THEMES + 1];
    pk_rect texts[CONFIG_MAX_THEMES + 1], icons[CONFIG_MAX_THEMES + 1], ticks[CONFIG_MAX_THEMES + 1];
    for (int i = 0; i < n; i++) {
        pk_rect inner = rect_inset(rect_grid_cell(box, cols, rows, sc->m.gap, i), (int)(sc->m.unit * 1.5),
                                   (int)(sc->m.unit * 1.5));
        int ic = (int)(inner.w / (2 + (sc->text_scale > 2 ? 2 : sc->text_scale)));
        if (ic > inner.h) ic = inner.h;
        int t = ic / 2;
        ticks[i] = (pk_rect){inner.x + inner.w - t, inner.y, t, t};
        inner.w -= t + sc->m.gap / 2;
        icons[i] = rect_cut_left(&inner, ic, sc->m.gap / 2);
        icons[i].y += (icons[i].h - ic) / 2, icons[i].h = ic;
        texts[i] = inner;
        names[i] = i < c->n_themes ? c->themes[i].name : ui(sc, UI_SOMETHING_ELSE);
        tw[i] = inner.w, tht[i] = inner.h;
    }
    int px = slides_fit_common(sc, FONT_BOLD, names, tw, tht, n, 4.8, 2.8);
    for (int i = 0; i < n; i++) {
        pk_rect cell = rect_grid_cell(box, cols, rows, sc->m.gap, i);
        bool on = j->themes[i];
        const char *icon = i < c->n_themes ? c->themes[i].icon : have_other ? other_icon : NULL;
        draw_item *b = draw_list_add(l, DRAW_RECT, cell, on ? th->accent : th->surface);
        if (b) b->radius = (int)(sc->m.unit * 1.5);
        if (on) tick(sc, l, ticks[i], th->accent_text, (int)(sc->m.unit * 0.6) + 2);
        if (icon) {
            /* In the colour of the card's words, so it shows on any theme, chosen or not. */
            draw_item *it = draw_list_add(l, DRAW_IMAGE, icons[i], on ? th->accent_text : th->text);
            if (it) it->str = draw_list_str(l, icon), it->tint = true;
        }
        slides_text_at(sc, l, names[i], texts[i], FONT_BOLD, px, on ? th->accent_text : th->text, ALIGN_LEFT, true);
        widget_add(w, cell, W_THEME, i, NULL);
    }
}

/* A face: a disc, two eyes and a mouth whose curve goes from a frown (1) to a smile (5). */
static void face(const slide_ctx *sc, draw_list *l, pk_rect b, int rating, bool on) {
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

static void rating(const slide_ctx *sc, const journey *j, draw_list *l, widget_list *w) {
    const config_theme *th = &sc->cfg->theme;
    pk_rect box = chrome(sc, j, ui(sc, UI_RATING_TITLE), l, w, true, true);
    int cols = sc->m.portrait ? 1 : 5, rows = sc->m.portrait ? 5 : 1;
    for (int i = 0; i < 5; i++) {
        pk_rect cell = rect_grid_cell(box, cols, rows, sc->m.gap, i);
        bool on = j->rating == i + 1;
        draw_item *b = draw_list_add(l, DRAW_RECT, cell, on ? th->surface : th->background);
        if (b) b->radius = (int)(sc->m.unit * 1.5);
        pk_rect inner = rect_inset(cell, sc->m.gap / 2, sc->m.gap / 2);
        pk_rect label = sc->m.portrait ? inner : rect_cut_bottom(&inner, (int)(inner.h * 0.3), sc->m.gap / 2);
        pk_rect fb = sc->m.portrait ? rect_cut_left(&label, inner.h, sc->m.gap) : inner;
        face(sc, l, fb, i + 1, on);
        slides_text(sc, l, ui(sc, (ui_text_id)(UI_RATING_1 + i)), label, FONT_BOLD, 4.4, 2.6,
                    on ? th->accent : th->text, sc->m.portrait ? ALIGN_LEFT : ALIGN_CENTER, true);
        widget_add(w, cell, W_RATING, i + 1, NULL);
    }
}

/* One key: letters on the surface colour, function keys outlined, Shift lit while on. */
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
static void typing(const slide_ctx *sc, const journey *j, draw_list *l, widget_list *w,
                   const char *title, const char *hint, const char *text, int max_chars,
                   bool multiline) {
    const config_theme *th = &sc->cfg->theme;
    pk_rect box = chrome(sc, j, title, l, w, true, true);
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
    if (j->postcode_invalid || j->char_refused) {
        pk_rect msg = rect_cut_bottom(&inner, inner.h / 2, 0);
        slides_text(sc, l, ui(sc, j->char_refused ? UI_CHAR_UNSUPPORTED : UI_POSTCODE_INVALID), msg,
                    FONT_BOLD, 4, 2.4, th->status[STATUS_DELAYED], ALIGN_LEFT, true);
    }
    int px = slides_px(sc, multiline ? 4.6 : 5.5, 14);
    int lh = text_line_height(sc->text, FONT_REGULAR, px);
    if (lh > inner.h) px = text_fit(sc->text, FONT_REGULAR, "Ag", inner.w, inner.h, 10, px, NULL), lh = text_line_height(sc->text, FONT_REGULAR, px);
    int chars = (int)utf8_count(text, strlen(text));
    int left = max_chars - chars;
    /* The count near the end of a long text, and in any box the moment it refuses a letter. */
    if ((multiline && left <= (max_chars / 10 > 50 ? 50 : max_chars / 10 + 5)) || j->limit_hit) {
        char buf[96], num[16];
        const char *tmpl = ui(sc, UI_CHARS_LEFT), *pct = strstr(tmpl, "%d");
        snprintf(num, sizeof num, "%d", left);
        if (pct) snprintf(buf, sizeof buf, "%.*s%s%s", (int)(pct - tmpl), tmpl, num, pct + 2);
        else snprintf(buf, sizeof buf, "%s %s", num, tmpl);
        /* Under a text of several lines; beside a one-line box's text, which has no line to
         * spare (the text there scrolls to its end), in at most half the box. */
        int cpx = px * 4 / 5;
        pk_rect cl;
        if (multiline) {
            cl = rect_cut_bottom(&inner, lh, 0);
        } else {
            cpx = text_fit(sc->text, FONT_BOLD, buf, inner.w / 2, lh, 10, cpx, NULL);
            int beside = text_measure(sc->text, FONT_BOLD, cpx, buf, strlen(buf)) + sc->m.gap;
            cl = (pk_rect){inner.x + inner.w - beside, inner.y, beside, inner.h};
            inner.w -= beside;
        }
        slides_text_at(sc, l, buf, cl, FONT_BOLD, cpx, left <= 10 ? th->status[STATUS_DELAYED] : th->accent, ALIGN_RIGHT,
                       multiline);
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

static void choices(const slide_ctx *sc, draw_list *l, widget_list *w, pk_rect box, int n,
                    ui_text_id first, int selected, widget_kind kind) {
    int cols = layout_grid_cols(box, n, 2.8);
    int rows = (n + cols - 1) / cols;
    for (int i = 0; i < n; i++)
        button(sc, l, w, rect_grid_cell(box, cols, rows, sc->m.gap, i), ui(sc, (ui_text_id)(first + i)),
               selected == i ? BTN_SELECTED : BTN_PLAIN, kind, i);
}

static void consent(const slide_ctx *sc, const journey *j, draw_list *l, widget_list *w) {
    const config_theme *th = &sc->cfg->theme;
    pk_rect box = chrome(sc, j, ui(sc, UI_CONSENT_TITLE), l, w, true, true);
    pk_rect inset = {(int)(sc->m.unit * 2), (int)(sc->m.unit * 1.2), 0, 0};
    if (j->notice_page) {
        /* Larger text: the notice alone, as large as the whole box lets it be; Next goes on. */
        slides_card(sc, l, box);
        slides_text(sc, l, sc->cfg->feedback.privacy_notice, rect_inset(box, inset.x, inset.y), FONT_REGULAR,
                    4.2, 2.6, th->text, ALIGN_LEFT, true);
        return;
    }
    if (!j->notice_apart) {
        pk_rect notice = rect_cut_top(&box, (int)(box.h * 0.5), sc->m.gap);
        slides_card(sc, l, notice);
        slides_text(sc, l, sc->cfg->feedback.privacy_notice, rect_inset(notice, inset.x, inset.y),
                    FONT_REGULAR, 4.2, 2.6, th->text, ALIGN_LEFT, true);
    }
    /* The question over the Yes and No buttons (the whole box once the notice had its page). */
    pk_rect q = rect_cut_top(&box, (int)(box.h * (j->notice_apart ? 0.5 : 0.4)), sc->m.gap / 2);
    slides_text(sc, l, ui(sc, UI_CONSENT_QUESTION), q, FONT_BOLD, 5, 3, th->text, ALIGN_LEFT, true);
    pk_rect yes = rect_grid_cell(box, 2, 1, sc->m.gap, 0), no = rect_grid_cell(box, 2, 1, sc->m.gap, 1);
    button(sc, l, w, yes, ui(sc, UI_YES), j->consent == 1 ? BTN_SELECTED : BTN_PLAIN, W_CONSENT, 1);
    button(sc, l, w, no, ui(sc, UI_NO), j->consent == 0 ? BTN_SELECTED : BTN_PLAIN, W_CONSENT, 0);
}

/* The height a review answer takes at px: all its lines, or for a long one (cut with "…") two
 * lines at most, so that larger text stays larger for every other answer. */
static int value_height(const slide_ctx *sc, int px, const char *s, int width, bool long_one) {
    int h = text_block_height(sc->text, FONT_REGULAR, px, s, width);
    int cap = 2 * text_line_height_for(sc->text, FONT_REGULAR, px, s);
    return long_one && h > cap ? cap : h;
}

static void review(const slide_ctx *sc, const journey *j, draw_list *l, widget_list *w) {
    const config *c = sc->cfg;
    const config_theme *th = &c->theme;
    pk_rect box = chrome(sc, j, ui(sc, UI_REVIEW_TITLE), l, w, false, true);
    journey_review rv;
    journey_review_rows(j, &rv);
    int n = rv.n;
    /* The idea itself gets three rows' worth of room. */
    int units = n + (c->feedback.step_text ? 2 : 0), unit_h = units ? (box.h - sc->m.gap * (n - 1)) / units : 0;
    int label_w = (int)(box.w * (sc->m.portrait ? 0.32 : 0.25));
    const char *labels[JOURNEY_REVIEW_ROWS], *values[JOURNEY_REVIEW_ROWS];
    int lw[JOURNEY_REVIEW_ROWS], lh[JOURNEY_REVIEW_ROWS], vw[JOURNEY_REVIEW_ROWS], vh[JOURNEY_REVIEW_ROWS], k = 0;
    pk_rect lr[JOURNEY_REVIEW_ROWS], vr[JOURNEY_REVIEW_ROWS];
    int y = box.y;
    for (int i = 0; i < n; i++) {
        int h = unit_h * (rv.label[i] == UI_REVIEW_TEXT ? 3 : 1);
        pk_rect row = {box.x, y, box.w, h};
        lr[k] = rect_cut_left(&row, label_w, sc->m.gap);
        vr[k] = row;
        labels[k] = ui(sc, rv.label[i]), values[k] = rv.value[i];
        lw[k] = lr[k].w, lh[k] = lr[k].h, vw[k] = vr[k].w, vh[k] = vr[k].h;
        k++;
        y += h + sc->m.gap;
    }
    /* An answer too long for its row (a 500-character idea) must not drag every row down to
     * the smallest size: the rows get the size the other answers allow, and the long one shows
     * its start and "…" at that size. The visitor has just typed it; this is to confirm it. */
    const char *probe[JOURNEY_REVIEW_ROWS];
    for (int i = 0; i < k; i++) probe[i] = rv.label[i] == UI_REVIEW_TEXT ? "" : values[i];
    int target = slides_fit_common(sc, FONT_REGULAR, probe, vw, vh, k, 4.4, 2.6);
    char *clipped[JOURNEY_REVIEW_ROWS] = {0};
    const char *whole[JOURNEY_REVIEW_ROWS];
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
    button(sc, l, w, sc->fr.button, ui(sc, UI_CLOSE), BTN_PRIMARY, W_CLOSE, 0);
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
    button(sc, l, w, btn, ui(sc, UI_STILL_CONTINUE), BTN_PRIMARY, W_CONTINUE, 0);
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
        button(sc, l, w, r, language_own_name(langs->code[i]), i == sc->cfg->lang ? BTN_SELECTED : BTN_PLAIN,
               W_LANG_PICK, i);
    }
    if (sc->rtl) {
        slides_mirror(l, from, 0, sc->m.w, true);
        widget_list_mirror(w, 0, 0, sc->m.w);
    }
}

void journey_view_layout(const slide_ctx *sc, const journey *j, uint64_t now, draw_list *l, widget_list *w) {
    draw_list_clear(l);
    w->count = 0;
    const config *c = sc->cfg;
    switch (j->step) {
    case STEP_CHOICE: choice(sc, j, l, w); break;
    case STEP_RATING: rating(sc, j, l, w); break;
    case STEP_TEXT:
        typing(sc, j, l, w, c->feedback.question, ui(sc, UI_TEXT_HINT), j->text, c->feedback.text_limit, true);
        break;
    case STEP_NAME: typing(sc, j, l, w, ui(sc, UI_NAME_TITLE), "", j->name, JOURNEY_NAME_CHARS, false); break;
    case STEP_AGE: {
        pk_rect box = chrome(sc, j, ui(sc, UI_AGE_TITLE), l, w, true, true);
        choices(sc, l, w, box, JOURNEY_AGE_BANDS, UI_AGE_1, j->age_band, W_AGE);
        break;
    }
    case STEP_POSTCODE:
        typing(sc, j, l, w, ui(sc, UI_POSTCODE_TITLE), ui(sc, UI_POSTCODE_HINT), j->postcode,
               JOURNEY_POSTCODE_CHARS, false);
        break;
    case STEP_CONSENT: consent(sc, j, l, w); break;
    case STEP_REVIEW: review(sc, j, l, w); break;
    case STEP_THANKS:
        message(sc, l, w, ui(sc, UI_THANKS_TITLE), ui(sc, UI_THANKS_BODY), c->theme.accent);
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
