#include "render/screens/staff_view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A button's look: a rounded box and its words. */
static void button_face(const slide_ctx *sc, draw_list *l, pk_rect r, const char *label, pk_color bg, pk_color fg) {
    draw_item *b = draw_list_add(l, DRAW_RECT, r, bg);
    if (b) b->radius = (r.h < r.w ? r.h : r.w) / 4;
    slides_text(sc, l, label, rect_inset(r, r.h / 5 > 6 ? r.h / 5 : 6, r.h / 10), FONT_BOLD, 5.5, 2.8, fg,
                ALIGN_CENTER, true);
}

static void button(const slide_ctx *sc, draw_list *l, widget_list *w, pk_rect r, const char *label,
                   bool primary, widget_kind kind, int index) {
    const config_theme *th = &sc->cfg->theme;
    button_face(sc, l, r, label, primary ? th->accent : th->surface, primary ? th->accent_text : th->text);
    widget_add(w, r, kind, index, NULL);
}

static void pin_pad_screen(const slide_ctx *sc, const staff_view_state *st, draw_list *l, widget_list *w) {
    const config_theme *th = &sc->cfg->theme;
    pk_rect top = sc->fr.title;
    int cancel_w = (int)(top.w * 0.25);
    pk_rect cancel = {top.x + top.w - cancel_w, top.y, cancel_w, top.h};
    slides_text(sc, l, "Staff: enter the PIN", (pk_rect){top.x, top.y, top.w - cancel_w - sc->m.gap, top.h},
                FONT_BOLD, 7, 3.6, th->text, ALIGN_LEFT, true);
    button(sc, l, w, cancel, "Cancel", false, W_PIN_CANCEL, 0);
    pk_rect box = {sc->fr.content.x, sc->fr.content.y, sc->fr.content.w,
                   sc->fr.footer.y + sc->fr.footer.h - sc->fr.content.y};
    /* The pad sits centred, no wider than it is tall: thumbs reach it and digits stay big. */
    int pad_w = box.w < box.h ? box.w : box.h * 4 / 5;
    pk_rect pad = {box.x + (box.w - pad_w) / 2, box.y, pad_w, box.h};
    pk_rect status = rect_cut_top(&pad, pad.h / 5, sc->m.gap);
    int typed = (int)strlen(st->pad->digits);
    if (pin_pad_locked(st->pad, st->now)) {
        char msg[120];
        int s = pin_pad_lock_seconds(st->pad, st->now);
        snprintf(msg, sizeof msg, "Too many wrong PINs. Try again in %d:%02d.", s / 60, s % 60);
        slides_text(sc, l, msg, status, FONT_BOLD, 4.5, 2.6, th->status[STATUS_DELAYED], ALIGN_CENTER, true);
    } else if (typed) {
        int d = status.h / 3;
        if (d * 2 * typed > status.w) d = status.w / (2 * typed); /* twelve digits still fit */
        int pitch = d * 2, x0 = status.x + (status.w - pitch * typed) / 2;
        for (int i = 0; i < typed; i++) {
            draw_item *c = draw_list_add(l, DRAW_CIRCLE, (pk_rect){x0 + i * pitch + d / 2, status.y + d, d, d}, th->text);
            if (c) c->radius = d / 2;
        }
    } else {
        slides_text(sc, l, st->pin_message ? st->pin_message : "Type the staff PIN, then OK", status,
                    FONT_REGULAR, 4.5, 2.6, st->pin_message ? th->status[STATUS_DELAYED] : th->muted,
                    ALIGN_CENTER, true);
    }
    static const char *const labels[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "Delete", "0", "OK"};
    for (int i = 0; i < 12; i++) {
        pk_rect r = rect_grid_cell(pad, 3, 4, sc->m.gap / 2, i);
        if (i == 9) button(sc, l, w, r, labels[i], false, W_PIN_DELETE, 0);
        else if (i == 11) button(sc, l, w, r, labels[i], true, W_PIN_OK, 0);
        else button(sc, l, w, r, labels[i], false, W_PIN_DIGIT, i == 10 ? 0 : i + 1);
    }
}

static const char *human_bytes(unsigned long long b, char *buf, size_t size) {
    if (b >= 10ull << 30) snprintf(buf, size, "%.0f GB", b / 1073741824.0);
    else if (b >= 1ull << 30) snprintf(buf, size, "%.1f GB", b / 1073741824.0);
    else snprintf(buf, size, "%.0f MB", b / 1048576.0);
    return buf;
}

static void staff_screen(const slide_ctx *sc, const staff_view_state *st, draw_list *l, widget_list *w) {
    const config_theme *th = &sc->cfg->theme;
    const staff_stats *s = st->stats;
    slides_heading(sc, l, "Staff");
    pk_rect box = {sc->fr.content.x, sc->fr.content.y, sc->fr.content.w,
                   sc->fr.footer.y + sc->fr.footer.h - sc->fr.content.y};
    pk_rect buttons = sc->m.portrait ? rect_cut_bottom(&box, box.h * 2 / 5, sc->m.gap)
                                     : rect_cut_left(&box, box.w * 2 / 5, sc->m.gap);
    char today[64], total[64], last[64], aband[96], disk[96], cfg[1100];
    snprintf(today, sizeof today, "%d", s->today);
    snprintf(total, sizeof total, "%d", s->total);
    snprintf(last, sizeof last, "%s", s->last_at[0] ? s->last_at : "none yet");
    snprintf(aband, sizeof aband, "%d today, %d in all", s->abandoned_today, s->abandoned_total);
    char f1[32], f2[32];
    if (s->disk_known)
        snprintf(disk, sizeof disk, "%s free of %s", human_bytes(s->disk_free, f1, sizeof f1),
                 human_bytes(s->disk_size, f2, sizeof f2));
    else
        snprintf(disk, sizeof disk, "unknown");
    if (st->config_error && st->config_error[0])
        snprintf(cfg, sizeof cfg, "%s\nAn edit was refused: %s", st->config_path, st->config_error);
    else
        snprintf(cfg, sizeof cfg, "%s\n\"%s\", content %s", st->config_path, st->config_title, st->config_hash);
    const char *labels[] = {"Responses today", "Responses in all", "Last response", "Abandoned", "Free space",
                            "Feedback folder", "Config", "Storage"};
    const char *values[] = {today, total, last, aband, disk, st->feedback_dir, cfg,
                            st->storage_error[0] ? st->storage_error : "working"};
    int n = 8;
    pk_rect figures = box;
    int label_w = box.w * 2 / 7;
    int rows_h[8] = {1, 1, 1, 1, 1, 1, 2, 2}, units = 10;
    int y = box.y, unit = (box.h - sc->m.gap / 2 * (n - 1)) / units;
    const char *vt[8], *lt[8];
    int lw[8], lh[8], vw[8], vh[8];
    pk_rect lr[8], vr[8];
    for (int i = 0; i < n; i++) {
        pk_rect row = {box.x, y, box.w, unit * rows_h[i]};
        lr[i] = rect_cut_left(&row, label_w, sc->m.gap / 2);
        vr[i] = row;
        lt[i] = labels[i], vt[i] = values[i];
        lw[i] = lr[i].w, lh[i] = lr[i].h, vw[i] = vr[i].w, vh[i] = vr[i].h;
        y += row.h + sc->m.gap / 2;
    }
    if (st->content_message) {
        /* What the stick's content check, use or go back said: in place of the figures, large. */
        slides_text(sc, l, st->content_message, figures, FONT_BOLD, 4.6, 2.2,
                    st->content_ok ? th->status[STATUS_DONE] : th->status[STATUS_DELAYED], ALIGN_LEFT, false);
    } else {
        int lpx = slides_fit_common(sc, FONT_BOLD, lt, lw, lh, n, 3.6, 2.2);
        int vpx = slides_fit_common(sc, FONT_REGULAR, vt, vw, vh, n, 3.8, 2.2);
        for (int i = 0; i < n; i++) {
            slides_text_at(sc, l, lt[i], lr[i], FONT_BOLD, lpx, th->muted, ALIGN_LEFT, false);
            bool bad = (i == 7 && st->storage_error[0]) || (i == 6 && st->config_error && st->config_error[0]);
            slides_text_at(sc, l, vt[i], vr[i], FONT_REGULAR, vpx, bad ? th->status[STATUS_DELAYED] : th->text, ALIGN_LEFT, false);
        }
    }
    /* One cell a button, Exit and Back side by side in the last; the export's message first. */
    int cells = 3 + (st->export_message != NULL) + (st->usb_content_label != NULL) + st->can_go_back +
                (st->quotes_label != NULL);
    int i = 0, gap = sc->m.gap / 2;
    if (st->export_message) {
        pk_rect r = rect_grid_cell(buttons, 1, cells, gap, i++);
        slides_text(sc, l, st->export_message, r, FONT_BOLD, 4, 2.2,
                    st->export_ok ? th->status[STATUS_DONE] : th->status[STATUS_DELAYED], ALIGN_LEFT, true);
    }
    button(sc, l, w, rect_grid_cell(buttons, 1, cells, gap, i++), "Export to USB stick", true, W_STAFF_EXPORT, 0);
    if (st->usb_content_label)
        button(sc, l, w, rect_grid_cell(buttons, 1, cells, gap, i++), st->usb_content_label, true, W_STAFF_CONTENT, 0);
    if (st->can_go_back)
        button(sc, l, w, rect_grid_cell(buttons, 1, cells, gap, i++), "Go back to the previous content", false, W_STAFF_GO_BACK, 0);
    if (st->quotes_label) {
        pk_rect r = rect_grid_cell(buttons, 1, cells, gap, i++);
        if (st->quotes_enabled) button(sc, l, w, r, st->quotes_label, true, W_STAFF_QUOTES, 0);
        else button_face(sc, l, r, st->quotes_label, th->background, th->muted); /* no box: no button */
    }
    button(sc, l, w, rect_grid_cell(buttons, 1, cells, gap, i++), st->loop_paused ? "Resume the loop" : "Pause the loop", false, W_STAFF_PAUSE, 0);
    pk_rect pair = rect_grid_cell(buttons, 1, cells, gap, i++);
    button(sc, l, w, rect_grid_cell(pair, 2, 1, gap, 0), "Exit the kiosk", false, W_STAFF_EXIT, 0);
    button(sc, l, w, rect_grid_cell(pair, 2, 1, gap, 1), "Back", false, W_STAFF_BACK, 0);
}

/* The preview of a stick's content: its slide full screen as visitors would see it, and over
 * the footer band a bar that cannot be taken for the kiosk's own: where staff are, Back, Next,
 * "Use this content" and Cancel. A button with nowhere to go shows greyed and takes no tap. */
static void preview_screen(const slide_ctx *sc, const staff_view_state *st, draw_list *l, widget_list *w) {
    const config_theme *th = &sc->cfg->theme;
    slides_layout(sc, st->preview_slide, l);
    int gap = sc->m.gap / 2;
    pk_rect band = {0, sc->fr.footer.y, sc->m.w, sc->m.h - sc->fr.footer.y};
    bool keeps = st->preview_keeps && st->preview_keeps[0];
    int keeps_h = keeps ? (int)(sc->m.unit * 2.6 * 1.5) + gap : 0;
    band.y -= keeps_h; /* a line above the buttons, at the smallest size text takes */
    band.h += keeps_h;
    draw_list_add(l, DRAW_RECT, (pk_rect){0, band.y - gap / 2 - 3, band.w, gap / 2 + 3}, th->accent);
    draw_list_add(l, DRAW_RECT, band, th->background); /* buttons (surface) stand out on it */
    pk_rect inner = rect_inset(band, sc->m.gap, gap / 2);
    if (keeps) /* the stick brings content; the kiosk's id, place and PIN stay: said where staff look */
        slides_text(sc, l, st->preview_keeps, rect_cut_top(&inner, keeps_h - gap / 2, 0), FONT_REGULAR, 2.6, 2.6,
                    th->muted, ALIGN_LEFT, true);
    pk_rect label = sc->m.portrait ? rect_cut_top(&inner, inner.h * 2 / 5, gap)
                                   : rect_cut_left(&inner, inner.w * 3 / 10, gap);
    slides_text(sc, l, st->preview_label, label, FONT_BOLD, 4.2, 2.2, th->text, ALIGN_LEFT, true);
    static const char *const words[4] = {"Back", "Next", "Use this content", "Cancel"};
    static const widget_kind kinds[4] = {W_PREVIEW_BACK, W_PREVIEW_NEXT, W_PREVIEW_USE, W_PREVIEW_CANCEL};
    for (int b = 0; b < 4; b++) {
        pk_rect r = rect_grid_cell(inner, 4, 1, gap, b);
        bool off = (b == 0 && st->preview_first) || (b == 1 && st->preview_last);
        if (off) button_face(sc, l, r, words[b], th->background, th->muted); /* no box: no button */
        else button(sc, l, w, r, words[b], b == 2, kinds[b], 0);
    }
}

/* ---- the quotes screen ------------------------------------------------------------------ */

#define QUOTE_LINES_MAX 1024 /* a quote's lines at the smallest size: more than any box shows */

/* A visitor's words in box, as large as fits between max_u and min_u units; a quote too long
 * for the box even at min_u is cut between lines into parts, and part (modulo their number) is
 * drawn. Returns how many parts there are (1: it fits whole). */
static int quote_words(const slide_ctx *sc, draw_list *l, const char *s, pk_rect box, double max_u, double min_u,
                       int part) {
    const config_theme *th = &sc->cfg->theme;
    bool fits = false;
    int min_px = slides_px(sc, min_u, 10);
    int px = text_fit(sc->text, FONT_REGULAR, s, box.w, box.h, min_px, slides_px(sc, max_u, 10), &fits);
    if (fits && px >= min_px) { /* below min_px it would fit, but nobody could read it */
        slides_text_at(sc, l, s, box, FONT_REGULAR, px, th->text, ALIGN_LEFT, true);
        return 1;
    }
    px = min_px;
    wrap_line *lines = malloc(QUOTE_LINES_MAX * sizeof *lines);
    int n = lines ? text_wrap(sc->text, FONT_REGULAR, px, s, box.w, lines, QUOTE_LINES_MAX) : 0;
    if (n > QUOTE_LINES_MAX) n = QUOTE_LINES_MAX;
    int line_h = text_line_height_for(sc->text, FONT_REGULAR, px, s);
    int per = line_h > 0 ? box.h / line_h : 1;
    if (per < 1) per = 1;
    int parts = n > 0 ? (n + per - 1) / per : 1, first = (part % parts) * per;
    if (n > 0) {
        int last = first + per < n ? first + per - 1 : n - 1;
        size_t from = lines[first].start, len = lines[last].start + lines[last].len - from;
        char *piece = malloc(len + 1);
        if (piece) {
            memcpy(piece, s + from, len);
            piece[len] = '\0';
            slides_text_at(sc, l, piece, box, FONT_REGULAR, px, th->text, ALIGN_LEFT, false);
        }
        free(piece);
    }
    free(lines);
    return parts;
}

/* One of the bottom row's buttons, or (off) its words greyed, taking no tap. */
static void quote_button(const slide_ctx *sc, draw_list *l, widget_list *w, pk_rect r, const char *label, bool primary,
                         bool off, widget_kind kind) {
    if (off) button_face(sc, l, r, label, sc->cfg->theme.background, sc->cfg->theme.muted);
    else button(sc, l, w, r, label, primary, kind, 0);
}

/* One quote at a time, its words as large as the box allows (staff read it from where they
 * stand), what the automatic check found above it in the warning colour, who, where and when
 * below it, and the decisions in a row at the bottom. Past the last: what was done. */
static void quotes_screen(const slide_ctx *sc, const staff_view_state *st, draw_list *l, widget_list *w) {
    const config_theme *th = &sc->cfg->theme;
    const staff_quotes_page *p = st->quote_page;
    pk_color warn = th->status[STATUS_DELAYED];
    int gap = sc->m.gap / 2;
    pk_rect top = sc->fr.title;
    int done_w = (int)(top.w * 0.22);
    pk_rect done = {top.x + top.w - done_w, top.y, done_w, top.h};
    slides_text(sc, l, p->heading, (pk_rect){top.x, top.y, top.w - done_w - sc->m.gap, top.h}, FONT_BOLD, 7, 3.6,
                th->text, ALIGN_LEFT, true);
    button(sc, l, w, done, "Done", !p->item, W_QUOTE_DONE, 0);
    pk_rect box = {sc->fr.content.x, sc->fr.content.y, sc->fr.content.w,
                   sc->fr.footer.y + sc->fr.footer.h - sc->fr.content.y};
    /* The decisions as big as a thumb wants them, bigger on a tall screen. */
    int row_h = sc->m.touch * 3 / 2;
    if (row_h < box.h / 7) row_h = box.h / 7;
    if (row_h > box.h / 4) row_h = box.h / 4;
    pk_rect row = rect_cut_bottom(&box, row_h, sc->m.gap);
    /* On a tall screen the five buttons would be too narrow for their words: two rows, the
     * decision on top. */
    pk_rect row2 = sc->m.portrait ? rect_cut_bottom(&box, row_h, gap) : row;
    if (sc->m.portrait) {
        pk_rect swap = row;
        row = row2, row2 = swap;
    }
    /* Lines above and below the words, each a band of its own at a readable small size. */
    double small_u = 3.2, min_u = 2.4, loud_u = 4.2;
    int line = text_line_height(sc->text, FONT_BOLD, slides_px(sc, small_u, 10));
    int loud = text_line_height(sc->text, FONT_BOLD, slides_px(sc, loud_u, 10));
    const char *error = st->quote_error && st->quote_error[0] ? st->quote_error : NULL;
    if (error) slides_text(sc, l, error, rect_cut_top(&box, loud * 2, gap), FONT_BOLD, loud_u, min_u, warn, ALIGN_LEFT, true);
    if (!p->item) {
        const char *problem = st->quote_problem && st->quote_problem[0] ? st->quote_problem : NULL;
        if (problem) slides_text(sc, l, problem, rect_cut_bottom(&box, line * 2, gap), FONT_REGULAR, small_u, min_u,
                                 th->muted, ALIGN_LEFT, true);
        slides_text(sc, l, p->summary, box, FONT_BOLD, 6, 3.6, th->text, ALIGN_LEFT, true);
        quote_button(sc, l, w, rect_grid_cell(row, 2, 1, gap, 0), "Back", false, !p->can_back, W_QUOTE_BACK);
        if (p->left) {
            char again[64];
            snprintf(again, sizeof again, "Check the ones left (%d)", p->left);
            button(sc, l, w, rect_grid_cell(row, 2, 1, gap, 1), again, false, W_STAFF_QUOTES, 0);
        }
        return;
    }
    /* Why the check held it back: first, in the warning colour, larger than the other lines. */
    if (p->held[0]) {
        int h = text_block_height(sc->text, FONT_BOLD, slides_px(sc, loud_u, 10), p->held, box.w);
        int most = loud * (sc->m.portrait ? 4 : 2); /* the words keep most of the screen */
        slides_text(sc, l, p->held, rect_cut_top(&box, h < most ? h : most, gap), FONT_BOLD, loud_u, min_u, warn,
                    ALIGN_LEFT, true);
    }
    pk_rect about = rect_cut_bottom(&box, line * 2, gap);
    /* Under the words: the decision made, too long for the slide, letters the fonts lack. */
    uint32_t missing = 0;
    char glyphs[160] = "";
    if (!text_glyphs_provided(sc->text, FONT_REGULAR, p->item->text, &missing, NULL))
        snprintf(glyphs, sizeof glyphs, "The kiosk's fonts cannot draw some of these characters (the first U+%04X): "
                 "boxes here, and on the slide", (unsigned)missing);
    const char *under[3] = {p->decided, p->note, glyphs};
    int small_px = slides_px(sc, small_u, 10);
    for (int i = 2; i >= 0; i--) {
        if (!under[i][0]) continue;
        int h = text_block_height(sc->text, FONT_BOLD, small_px, under[i], box.w); /* one line, or two */
        slides_text(sc, l, under[i], rect_cut_bottom(&box, h > line ? line * 2 : line, gap), FONT_BOLD, small_u, min_u,
                    i == 0 ? th->status[STATUS_DONE] : warn, ALIGN_LEFT, true);
    }
    slides_text(sc, l, p->about, about, FONT_REGULAR, small_u, min_u, th->muted, ALIGN_LEFT, true);
    /* The words in a card, as a slide would frame them. */
    slides_card(sc, l, box);
    pk_rect words = rect_inset(box, sc->m.gap, sc->m.gap / 2);
    int parts = quote_words(sc, l, p->item->text, words, 8, 3.2, st->quote_part);
    int part = st->quote_part % parts;
    /* Back, Later, Hide, Approve (and More for a long quote): Approve only once the last part
     * has been read, so nothing is approved unseen. */
    char more[48];
    snprintf(more, sizeof more, "More (%d of %d)", part + 1, parts);
    bool tall = sc->m.portrait;
    int cols = tall ? 2 + (parts > 1) : 4 + (parts > 1), at = tall ? 0 : 2; /* where Hide and Approve go */
    quote_button(sc, l, w, rect_grid_cell(row2, cols, 1, gap, 0), "Back", false, !p->can_back, W_QUOTE_BACK);
    quote_button(sc, l, w, rect_grid_cell(row2, cols, 1, gap, 1), "Later", false, false, W_QUOTE_LATER);
    if (parts > 1) quote_button(sc, l, w, rect_grid_cell(row2, cols, 1, gap, cols - 1), more, false, false, W_QUOTE_MORE);
    int dcols = tall ? 2 : cols;
    quote_button(sc, l, w, rect_grid_cell(row, dcols, 1, gap, at), "Hide", false, false, W_QUOTE_HIDE);
    quote_button(sc, l, w, rect_grid_cell(row, dcols, 1, gap, at + 1), "Approve", true, part + 1 < parts, W_QUOTE_APPROVE);
}

void staff_view_layout(const slide_ctx *sc, const staff_view_state *st, draw_list *l, widget_list *w) {
    draw_list_clear(l);
    w->count = 0;
    if (st->preview_slide)
        preview_screen(sc, st, l, w);
    else if (st->pin_pad_open)
        pin_pad_screen(sc, st, l, w);
    else if (st->quote_page)
        quotes_screen(sc, st, l, w);
    else
        staff_screen(sc, st, l, w);
}
