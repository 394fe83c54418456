#include "loop/focus.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int cx(pk_rect r) { return r.x + r.w / 2; }
static int cy(pk_rect r) { return r.y + r.h / 2; }

static bool encloses(pk_rect a, pk_rect b) {
    bool inside = b.x >= a.x && b.y >= a.y && b.x + b.w <= a.x + a.w && b.y + b.h <= a.y + a.h;
    return inside && (a.w > b.w || a.h > b.h);
}

static const char *key_name(const widget *it) {
    if (it->kind != W_KEY || !it->key) return "";
    return it->key->label ? it->key->label : it->key->text ? it->key->text : "";
}

void focus_clear(focus *f) {
    memset(f, 0, sizeof *f);
    f->at = -1;
}

bool focus_can_take(const widget_list *w, int i) {
    if (i < 0 || i >= w->count) return false;
    pk_rect r = w->items[i].r;
    if (r.w <= 0 || r.h <= 0) return false;
    /* A place question's picture holds its pins and is still a thing to press (the arrows
     * move its cursor); other widgets holding widgets are backgrounds that answer a tap
     * anywhere. */
    if (w->items[i].kind == W_PICTURE) return true;
    for (int j = 0; j < w->count; j++)
        if (j != i && encloses(r, w->items[j].r)) return false;
    return true;
}

/* Whether a reads before b within one row: from the start edge. */
static bool row_before(pk_rect a, pk_rect b, bool rtl) {
    return rtl ? a.x + a.w > b.x + b.w : a.x < b.x;
}

int focus_order(const widget_list *w, bool rtl, int *order) {
    int by_top[WIDGETS_MAX], n = 0;
    for (int i = 0; i < w->count; i++)
        if (focus_can_take(w, i)) {
            /* Insertion sort by top edge: a few dozen widgets at most. */
            int k = n++;
            while (k > 0 && w->items[by_top[k - 1]].r.y > w->items[i].r.y) by_top[k] = by_top[k - 1], k--;
            by_top[k] = i;
        }
    /* Rows: the highest widget left opens one, and every widget whose middle lies within that
     * widget's height shares it (a row of keys, Back/Skip/Next, Close beside the language). */
    bool used[WIDGETS_MAX] = {false};
    int out = 0;
    for (int a = 0; a < n; a++) {
        if (used[a]) continue;
        pk_rect band = w->items[by_top[a]].r;
        int start = out;
        for (int b = a; b < n; b++) {
            int y = cy(w->items[by_top[b]].r);
            if (used[b] || y < band.y || y >= band.y + band.h) continue;
            used[b] = true;
            int k = out++;
            while (k > start && row_before(w->items[by_top[b]].r, w->items[order[k - 1]].r, rtl))
                order[k] = order[k - 1], k--;
            order[k] = by_top[b];
        }
    }
    /* The on-screen keyboard's keys go last: from the text box, Tab reaches Next in a few
     * steps rather than forty, and someone on a switch who wants to type still gets there. */
    int keys[WIDGETS_MAX], n_keys = 0, kept = 0;
    for (int i = 0; i < out; i++) {
        if (w->items[order[i]].kind == W_KEY) keys[n_keys++] = order[i];
        else order[kept++] = order[i];
    }
    if (n_keys) memcpy(order + kept, keys, sizeof keys[0] * (size_t)n_keys);
    return out;
}

static void remember(focus *f, const widget_list *w, int i) {
    f->at = i;
    if (i < 0) return;
    f->kind = w->items[i].kind;
    f->index = w->items[i].index;
    snprintf(f->key, sizeof f->key, "%s", key_name(&w->items[i]));
}

static int first(const widget_list *w, bool rtl) {
    int order[WIDGETS_MAX];
    return focus_order(w, rtl, order) > 0 ? order[0] : -1;
}

bool focus_place(focus *f, const widget_list *w, bool rtl, widget_kind kind, int index) {
    int order[WIDGETS_MAX], n = focus_order(w, rtl, order);
    for (int i = 0; i < n; i++) {
        const widget *it = &w->items[order[i]];
        if (it->kind == kind && (index < 0 || it->index == index)) {
            remember(f, w, order[i]);
            return true;
        }
    }
    remember(f, w, n ? order[0] : -1);
    return false;
}

void focus_sync(focus *f, const widget_list *w, bool rtl) {
    /* Best match first: the very same widget; a key by its label wherever it went; the same
     * place (Shift turns the "a" key into "A"); one of its kind (a slide's own button gone). */
    int same = -1, by_key = -1, by_index = -1, by_kind = -1;
    for (int i = 0; i < w->count; i++) {
        const widget *it = &w->items[i];
        if (it->kind != f->kind || !focus_can_take(w, i)) continue;
        bool key = !strcmp(key_name(it), f->key), index = it->index == f->index;
        if (key && index && same < 0) same = i;
        if (key && f->key[0] && by_key < 0) by_key = i;
        if (index && by_index < 0) by_index = i;
        if (by_kind < 0) by_kind = i;
    }
    int i = same >= 0 ? same : by_key >= 0 ? by_key : by_index >= 0 ? by_index : by_kind >= 0 ? by_kind : first(w, rtl);
    remember(f, w, i);
}

const widget *focus_widget(const focus *f, const widget_list *w) {
    return f->at >= 0 && f->at < w->count ? &w->items[f->at] : NULL;
}

/* r as seen when d points right: moving up or down swaps the axes, moving back mirrors. */
static pk_rect turn(pk_rect r, focus_dir d) {
    if (d == FOCUS_UP || d == FOCUS_DOWN) r = (pk_rect){r.y, r.x, r.h, r.w};
    if (d == FOCUS_LEFT || d == FOCUS_UP) r.x = -(r.x + r.w);
    return r;
}

/* How far b is from a going in direction d, or -1 if b is not that way at all. Along the
 * direction counts the gap between the edges; across it, how far b's span misses a's (nothing
 * if they overlap), weighted so the next key in the same row beats a nearer one a row off. */
static int64_t distance(pk_rect a, pk_rect b, focus_dir d) {
    a = turn(a, d), b = turn(b, d);
    /* b's middle must lie beyond a's far edge: what overlaps a is beside it, not past it. */
    if (cx(b) < a.x + a.w) return -1;
    int along = b.x - (a.x + a.w);
    int lo = a.y > b.y ? a.y : b.y, hi = a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h;
    int across_gap = lo > hi ? lo - hi : 0;
    int across_mid = cy(a) > cy(b) ? cy(a) - cy(b) : cy(b) - cy(a);
    if (along < 0) along = 0;
    /* The middles' offset only breaks ties (it is far smaller than one pixel of the rest). */
    return ((int64_t)along + 2 * (int64_t)across_gap) * 100000 + across_mid;
}

bool focus_move(focus *f, const widget_list *w, bool rtl, focus_dir d) {
    int order[WIDGETS_MAX], n = focus_order(w, rtl, order);
    if (n == 0) return false;
    int pos = -1;
    for (int i = 0; i < n; i++)
        if (order[i] == f->at) pos = i;
    if (pos < 0) {
        /* Nothing focused yet: Tab starts at the first, Shift+Tab at the last, arrows at the first. */
        remember(f, w, d == FOCUS_PREV ? order[n - 1] : order[0]);
        return true;
    }
    if (d == FOCUS_NEXT || d == FOCUS_PREV) {
        if (n == 1) return false;
        remember(f, w, order[(pos + (d == FOCUS_NEXT ? 1 : n - 1)) % n]);
        return true;
    }
    int best = -1;
    int64_t best_d = 0;
    for (int i = 0; i < n; i++) {
        if (order[i] == f->at) continue;
        int64_t dist = distance(w->items[f->at].r, w->items[order[i]].r, d);
        if (dist >= 0 && (best < 0 || dist < best_d)) best = order[i], best_d = dist;
    }
    if (best < 0) return false;
    remember(f, w, best);
    return true;
}

focus_action focus_on_key(const focus *f, const widget_list *w, focus_key key, bool typing) {
    const widget *it = focus_widget(f, w);
    bool on_field = it && it->kind == W_FIELD;
    focus_action a = {FOCUS_DO_NOTHING, FOCUS_NEXT};
    switch (key) {
    case FOCUS_KEY_ESCAPE: a.what = FOCUS_DO_BACK; break;
    case FOCUS_KEY_TAB:
    case FOCUS_KEY_BACKTAB:
    case FOCUS_KEY_LEFT:
    case FOCUS_KEY_RIGHT:
    case FOCUS_KEY_UP:
    case FOCUS_KEY_DOWN: {
        static const focus_dir dirs[] = {
            [FOCUS_KEY_TAB] = FOCUS_NEXT, [FOCUS_KEY_BACKTAB] = FOCUS_PREV, [FOCUS_KEY_LEFT] = FOCUS_LEFT,
            [FOCUS_KEY_RIGHT] = FOCUS_RIGHT, [FOCUS_KEY_UP] = FOCUS_UP, [FOCUS_KEY_DOWN] = FOCUS_DOWN};
        /* In the text box Left and Right are caret keys: they leave it alone. */
        if (on_field && f->shown && (key == FOCUS_KEY_LEFT || key == FOCUS_KEY_RIGHT)) break;
        a.what = f->shown ? FOCUS_DO_MOVE : FOCUS_DO_SHOW;
        a.dir = dirs[key];
        break;
    }
    case FOCUS_KEY_ENTER:
        /* Someone typing on a real keyboard ends with Enter, as Done does on the screen's. */
        if (on_field || (typing && !f->shown)) a.what = FOCUS_DO_SUBMIT;
        else a.what = !it ? FOCUS_DO_NOTHING : f->shown ? FOCUS_DO_PRESS : FOCUS_DO_SHOW;
        break;
    case FOCUS_KEY_SPACE:
        /* A space is a character for the text box, and presses everything else. */
        if (f->shown && it && !on_field) a.what = FOCUS_DO_PRESS;
        else if (!typing && it) a.what = FOCUS_DO_SHOW;
        break;
    case FOCUS_KEY_OTHER: break;
    }
    return a;
}
