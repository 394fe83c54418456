#include "loop/attract.h"

#include <string.h>

#include "content/content.h"

static int slide_ms(const attract *a) {
    return content_slide_ms(a->cfg, &a->cfg->slides[a->order[a->pos]]);
}

static bool has_numbers(const attract *a) {
    return a->cfg->slides[a->order[a->pos]].type == SLIDE_HIGHLIGHTS && a->cfg->loop.count_up_ms > 0 &&
           !a->reduce_motion;
}

static int transition_ms(const attract *a) {
    return a->cfg->loop.transition == TRANSITION_NONE || a->reduce_motion ? 0 : a->cfg->loop.transition_ms;
}

/* Today's slides, less the live ones with nothing to show. Were every slide left out (a loop
 * of live slides alone, before anything arrived), the loop keeps them: an empty order has no
 * slide to stand on. */
static int make_order(const attract *a, int *order) {
    int n = content_active_slides(a->cfg, a->today, order, CONFIG_MAX_SLIDES), kept = 0;
    for (int i = 0; i < n; i++)
        if (live_slide_ready(a->live, a->cfg, order[i])) order[kept++] = order[i];
    return kept > 0 ? kept : content_active_slides(a->cfg, a->today, order, CONFIG_MAX_SLIDES);
}

void attract_init(attract *a, const config *cfg, pk_date today, uint64_t now) {
    *a = (attract){.cfg = cfg, .prev_pos = -1, .dir = 1, .today = today};
    a->n = make_order(a, a->order);
    a->shown_at = now;
    a->due_at = now + (uint64_t)slide_ms(a);
}

void attract_start_clock(attract *a, uint64_t now) {
    a->shown_at = now;
    a->due_at = now + (uint64_t)slide_ms(a);
}

void attract_go(attract *a, int delta, uint64_t now) {
    int current = a->order[a->pos];
    bool wrapped = (a->pos + delta >= a->n) || (a->pos + delta < 0);
    a->prev_pos = transition_ms(a) > 0 ? a->pos : -1;
    int prev_config_index = current;
    if (wrapped) {
        /* Each pass of the loop re-reads the calendar, so dated slides come and go by day. */
        a->n = make_order(a, a->order);
    }
    /* Past either end the loop starts again from that end, whatever today's slides are. */
    if (wrapped)
        a->pos = delta > 0 ? 0 : a->n - 1;
    else
        a->pos += delta;
    if (a->prev_pos >= 0) {
        /* The order may have changed under a wrap: find the outgoing slide again. */
        a->prev_pos = -1;
        for (int i = 0; i < a->n; i++)
            if (a->order[i] == prev_config_index) a->prev_pos = i;
        if (a->prev_pos < 0) a->prev_pos = a->pos == 0 ? a->n - 1 : 0;
        if (a->prev_pos == a->pos) a->prev_pos = -1;
    }
    a->dir = delta >= 0 ? 1 : -1;
    a->shown_at = now;
    a->due_at = now + (uint64_t)slide_ms(a);
    /* Moving while paused: the new slide gets its whole time once the loop resumes. */
    if (a->paused) a->paused_at = now;
}

void attract_set_live(attract *a, const slide_live *lv) {
    a->live = lv;
    int cur = a->order[a->pos], prev = a->prev_pos >= 0 ? a->order[a->prev_pos] : -1;
    int order[CONFIG_MAX_SLIDES];
    int n = make_order(a, order);
    /* The slide shown keeps its place: were it left out now, it stays in until it has gone. */
    int pos = -1;
    for (int i = 0; i < n; i++)
        if (order[i] == cur) pos = i;
    if (pos < 0) {
        int at = 0;
        while (at < n && order[at] < cur) at++;
        if (n < CONFIG_MAX_SLIDES) {
            memmove(order + at + 1, order + at, (size_t)(n - at) * sizeof order[0]);
            order[at] = cur;
            n++;
        }
        pos = at;
    }
    memcpy(a->order, order, sizeof order);
    a->n = n;
    a->pos = pos;
    a->prev_pos = -1;
    for (int i = 0; prev >= 0 && i < n; i++)
        if (order[i] == prev && i != pos) a->prev_pos = i;
}

void attract_set_paused(attract *a, bool paused, uint64_t now) {
    if (paused == a->paused) return;
    a->paused = paused;
    if (paused) {
        a->paused_at = now;
        a->last_input = now;
    } else {
        /* The slide keeps the time it had left when it was paused. */
        a->due_at += now - a->paused_at;
    }
}

void attract_set_held(attract *a, bool held, uint64_t now) {
    a->held = held;
    attract_set_paused(a, held, now);
}

bool attract_tick(attract *a, uint64_t now, pk_date today) {
    bool changed = false;
    a->today = today;
    if (a->prev_pos >= 0 && now - a->shown_at >= (uint64_t)transition_ms(a)) {
        a->prev_pos = -1;
        changed = true;
    }
    if (a->paused && !a->held && now - a->last_input >= (uint64_t)(a->cfg->loop.pause_seconds * 1000)) {
        attract_set_paused(a, false, now);
        changed = true;
    }
    if (!a->paused && now >= a->due_at && a->n > 1) {
        attract_go(a, 1, now);
        changed = true;
    } else if (!a->paused && now >= a->due_at) {
        a->due_at = now + (uint64_t)slide_ms(a);
    }
    return changed;
}

attract_action attract_input(attract *a, gesture_kind g, int x, int y, const frame *f, uint64_t now) {
    a->last_input = now;
    int forward = f->rtl ? -1 : 1;
    switch (g) {
    case GESTURE_SWIPE_LEFT: attract_go(a, forward, now); return ATTRACT_CHANGED;
    case GESTURE_SWIPE_RIGHT: attract_go(a, -forward, now); return ATTRACT_CHANGED;
    case GESTURE_NONE: return ATTRACT_NONE;
    case GESTURE_TAP: break;
    }
    const slide *s = &a->cfg->slides[a->order[a->pos]];
    if (s->type == SLIDE_CALL_TO_ACTION && rect_contains(f->cta_button, x, y)) return ATTRACT_OPEN_SLIDE;
    if (rect_contains(f->button, x, y)) return ATTRACT_OPEN_FEEDBACK;
    if (rect_contains(f->prev_zone, x, y)) {
        attract_go(a, -1, now);
        return ATTRACT_CHANGED;
    }
    if (rect_contains(f->next_zone, x, y)) {
        attract_go(a, 1, now);
        return ATTRACT_CHANGED;
    }
    if (a->held) return ATTRACT_NONE;
    attract_set_paused(a, !a->paused, now);
    return ATTRACT_CHANGED;
}

int attract_slide(const attract *a) { return a->order[a->pos]; }

int attract_prev_slide(const attract *a) { return a->prev_pos >= 0 ? a->order[a->prev_pos] : -1; }

double attract_transition(const attract *a, uint64_t now) {
    int ms = transition_ms(a);
    if (a->prev_pos < 0 || ms <= 0) return 1.0;
    double t = (double)(now - a->shown_at) / ms;
    return t > 1 ? 1 : t;
}

int attract_anim_ms(const attract *a, uint64_t now) {
    uint64_t d = now - a->shown_at;
    return d > 1000000 ? 1000000 : (int)d;
}

bool attract_animating(const attract *a, uint64_t now) {
    if (a->prev_pos >= 0) return true;
    return has_numbers(a) && attract_anim_ms(a, now) < a->cfg->loop.count_up_ms;
}

int attract_wait_ms(const attract *a, uint64_t now) {
    if (attract_animating(a, now)) return 0;
    if (a->held) return 60000;
    uint64_t next = a->paused ? a->last_input + (uint64_t)(a->cfg->loop.pause_seconds * 1000) : a->due_at;
    if (next <= now) return 0;
    uint64_t d = next - now;
    return d > 60000 ? 60000 : (int)d;
}
