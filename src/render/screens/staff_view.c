#include "render/screens/staff_view.h"

#include <stdio.h>
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
    int cells = 3 + (st->export_message != NULL) + (st->usb_content_label != NULL) + st->can_go_back;
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

void staff_view_layout(const slide_ctx *sc, const staff_view_state *st, draw_list *l, widget_list *w) {
    draw_list_clear(l);
    w->count = 0;
    if (st->preview_slide)
        preview_screen(sc, st, l, w);
    else if (st->pin_pad_open)
        pin_pad_screen(sc, st, l, w);
    else
        staff_screen(sc, st, l, w);
}
