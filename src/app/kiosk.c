/* kiosk: the running program. Two modes: the attract loop (slides) and the feedback journey.
 * Both are state machines fed with taps and time; this file turns SDL events into those calls,
 * saves records when the journey asks, and draws only when something changed, so a slide that
 * stands still costs no CPU. The visitor's own settings are in kiosk_visitor.c, staff mode in
 * kiosk_staff.c (kiosk_internal.h). */
#include "app/kiosk.h"

#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/kiosk_internal.h"
#include "app/screen.h"
#include "journey/languages.h"
#include "content/content.h"
#include "loop/attract.h"
#include "loop/focus.h"
#include "render/focus_ring.h"
#include "render/chrome.h"
#include "render/screens/staff_view.h"
#include "staff/pin.h"
#include "staff/staff_stats.h"
#include "app/staff_export.h"
#include "store/feedback_log.h"
#include "store/seal.h"
#include "platform/file_watch.h"
#include "platform/paths.h"
#include "platform/service.h"
#include "render/images.h"
#include "platform/stop_signal.h"
#include "speech/speech_player.h"
#include "speech/speech_script.h"





static draw_list *list_for(kiosk *k, int slide_index) {
    if (slide_index < 0) return NULL;
    for (int i = 0; i < 2; i++)
        if (k->list_slide[i] == slide_index) return k->lists[i];
    /* Reuse the slot not holding the other slide on screen. */
    int keep = attract_slide(&k->loop) == slide_index ? attract_prev_slide(&k->loop) : attract_slide(&k->loop);
    int slot = k->list_slide[0] == keep ? 1 : 0;
    k->scr.sc.live = k->live; /* a new layout context starts without it */
    slides_layout(&k->scr.sc, &k->cfg->slides[slide_index], k->lists[slot]);
    k->list_slide[slot] = slide_index;
    return k->lists[slot];
}

static void relayout(kiosk *k) {
    screen_update_size(&k->scr, kiosk_today(k));
    k->list_slide[0] = k->list_slide[1] = -1;
    k->chrome_valid = false;
    k->dirty = true;
}

static void count_abandoned(kiosk *k) {
    k->abandoned++;
    pk_error err = {{0}};
    int secs = k->jr.abandoned_seconds;
    if (k->log_ok &&
        !feedback_log_abandoned(&k->log, kiosk_wall(k), journey_where(&k->jr), secs, &err))
        snprintf(k->storage_error, sizeof k->storage_error, "%s", err.msg);
    kiosk_health_saved(k, false, k->log_ok && !err.msg[0]);
}

static void save(kiosk *k, uint64_t now) {
    feedback_record rec;
    journey_record(&k->jr, &rec, kiosk_wall(k), now);
    pk_error err = {{0}};
    bool ok = k->log_ok && feedback_log_append(&k->log, &rec, &err);
    if (!ok) {
        /* Without a log, storage_error already says why the folder could not be opened. */
        if (k->log_ok) snprintf(k->storage_error, sizeof k->storage_error, "%s", err.msg);
        fprintf(stderr, "plankiosk: a response could not be saved: %s\n", k->storage_error);
    } else {
        k->storage_error[0] = '\0';
    }
    kiosk_health_saved(k, true, ok);
    if (ok) kiosk_live_poke(k); /* the results slide counts it at its next turn */
    feedback_record_release(&rec);
    explicit_bzero(&rec, sizeof rec);
    journey_sent(&k->jr, ok, k->storage_error, now);
}

static void on_journey_event(kiosk *k, journey_event e, uint64_t now) {
    switch (e) {
    case JOURNEY_IDLE: return;
    case JOURNEY_SEND: save(k, now); break;
    case JOURNEY_ABANDONED:
        count_abandoned(k);
        kiosk_reset_visitor(k); /* the next visitor starts in the default language and view */
        attract_set_paused(&k->loop, false, now);
        SDL_StopTextInput();
        break;
    case JOURNEY_FINISHED:
        kiosk_reset_visitor(k);
        attract_set_paused(&k->loop, false, now);
        SDL_StopTextInput();
        break;
    case JOURNEY_REDRAW: break;
    }
    k->dirty = true;
}

/* "Have your say" opens the consultation running today; a call-to-action slide's own button
 * the one it names. None running: the buttons are not shown, and nothing opens. */
static void start_journey(kiosk *k, const slide *s, uint64_t now) {
    const consultation *c = config_consultation_for(k->cfg, s, kiosk_today(k));
    if (!c) return;
    attract_set_paused(&k->loop, true, now);
    journey_start(&k->jr, c, now);
    /* A physical keyboard, where one is plugged in, types into the same box. */
    SDL_StartTextInput();
    k->dirty = true;
}

/* The loop from its first slide, keeping the visitor's choice of less motion. */
static void restart_loop(kiosk *k, const config *c, uint64_t now) {
    attract_init(&k->loop, c, kiosk_today(k), now);
    k->loop.reduce_motion = k->scr.view.reduce_motion;
    if (k->live) attract_set_live(&k->loop, k->live);
}

static void on_gesture(kiosk *k, gesture_kind g, int x, int y, uint64_t now) {
    k->last_touch = now;
    if (k->picker) {
        const widget *w = g == GESTURE_TAP ? widget_hit(&k->widgets, x, y) : NULL;
        if (w && w->kind == W_LANG_PICK && w->index >= 0) kiosk_set_language(k, w->index);
        if (w || g == GESTURE_TAP) k->picker = false;
        if (journey_active(&k->jr)) k->jr.last_touch_ms = now;
        k->dirty = true;
        return;
    }
    if (k->staff != STAFF_CLOSED) {
        const widget *w = g == GESTURE_TAP ? widget_hit(&k->widgets, x, y) : NULL;
        if (w) kiosk_staff_press(k, w, now);
        return;
    }
    if (journey_active(&k->jr)) {
        if (g != GESTURE_TAP && !k->jr.still_there) return;
        const widget *w = widget_hit(&k->widgets, x, y);
        if (w && !k->jr.still_there && kiosk_view_press(k, w, now)) {
            k->jr.last_touch_ms = now;
            return;
        }
        if (w && w->kind == W_PICTURE && !k->jr.still_there) {
            /* Where on the picture, in its own pixels (a picture is never mirrored). */
            const question *q = journey_question(&k->jr);
            int px = w->r.w > 0 ? (int)((long)(x - w->r.x) * q->image_w / w->r.w) : 0;
            int py = w->r.h > 0 ? (int)((long)(y - w->r.y) * q->image_h / w->r.h) : 0;
            on_journey_event(k, journey_place(&k->jr, px, py, now), now);
        } else if (w) on_journey_event(k, journey_press(&k->jr, w->kind, w->index, w->key, now), now);
        else if (k->jr.still_there) on_journey_event(k, journey_press(&k->jr, W_CONTINUE, 0, NULL, now), now);
        else k->jr.last_touch_ms = now; /* a touch on nothing still shows someone is there */
        return;
    }
    if (k->closed) {
        /* Closed: dark whatever is touched, but a tap says when it opens again. */
        if (g == GESTURE_TAP) k->peek_until = now + 8000, k->dirty = true;
        return;
    }
    const widget *w = g == GESTURE_TAP ? widget_hit(&k->widgets, x, y) : NULL;
    if (w && kiosk_view_press(k, w, now)) return;
    /* A swipe (or an arrow key) turns the slide: a boundary too, so what was gathered joins. */
    if (k->live_worker && (g == GESTURE_SWIPE_LEFT || g == GESTURE_SWIPE_RIGHT)) kiosk_live_take(k);
    int before = attract_slide(&k->loop), before_pos = k->loop.pos;
    attract_action a = attract_input(&k->loop, g, x, y, &k->scr.sc.shown, now);
    if (attract_slide(&k->loop) != before) kiosk_live_boundary(k, before_pos);
    if (a == ATTRACT_OPEN_FEEDBACK) start_journey(k, NULL, now);
    if (a == ATTRACT_OPEN_SLIDE) start_journey(k, &k->cfg->slides[attract_slide(&k->loop)], now);
    if (a != ATTRACT_NONE) k->dirty = true;
}

/* Touch positions arrive normalised, mouse positions in window coordinates: both become
 * renderer pixels, the space layouts and widgets live in. */
static void to_pixels(kiosk *k, float nx, float ny, int *x, int *y) {
    float lx, ly;
    layout_unrotate(k->scr.rotation, nx, ny, &lx, &ly);
    *x = (int)(lx * k->scr.sc.m.w);
    *y = (int)(ly * k->scr.sc.m.h);
}

/* Long press on the keyboard: a finger down on a key with variants starts the hold (kiosk_step
 * opens the popup when it is due); while the popup the hold opened is up, the finger slides
 * over the variants, and lifting it on one types it. */
static const widget *key_with_more(kiosk *k, int x, int y) {
    const widget *w = !k->picker && k->staff == STAFF_CLOSED && journey_active(&k->jr) ? widget_hit(&k->widgets, x, y) : NULL;
    return w && w->kind == W_KEY && w->key && w->key->n_more > 0 ? w : NULL;
}

static void pointer_motion(kiosk *k, int x, int y) {
    const widget *over = key_with_more(k, x, y);
    if (k->jr.kb.held && (!over || over->key != k->jr.kb.held)) keyboard_hold_cancel(&k->jr.kb);
    if (!k->jr.kb.popup_dragging) return;
    const widget *w = widget_hit(&k->widgets, x, y);
    if (keyboard_popup_hover(&k->jr.kb, w && w->kind == W_KEY_MORE ? w->index : -1)) k->dirty = true;
}

/* The finger that opened the popup lifts: on a variant it types it; elsewhere the popup stays
 * for a tap. True if the release was the popup's. */
static bool popup_release(kiosk *k, int x, int y, uint64_t now) {
    keyboard_hold_cancel(&k->jr.kb); /* lifted before the popup: an ordinary tap */
    if (!k->jr.kb.popup_dragging) return false;
    k->jr.kb.popup_dragging = false;
    const widget *w = widget_hit(&k->widgets, x, y);
    if (w && w->kind == W_KEY_MORE && w->index >= 0)
        on_journey_event(k, journey_press(&k->jr, W_KEY_MORE, w->index, w->key, now), now);
    k->dirty = true;
    return true;
}

static void pointer_down(kiosk *k, int x, int y, uint64_t now) {
    gesture_down(&k->pointer, x, y, now);
    /* Touching anything but Listen (which stops it itself) silences the reading. */
    const widget *on = widget_hit(&k->widgets, x, y);
    if (!on || on->kind != W_LISTEN) kiosk_stop_speaking(k);
    const widget *held = key_with_more(k, x, y);
    if (held) keyboard_hold_start(&k->jr.kb, held->key, now);
    /* Holding the staff corner on the loop starts the clock for the PIN pad. */
    k->holding = k->staff == STAFF_CLOSED && !journey_active(&k->jr) && rect_contains(kiosk_staff_corner(k), x, y);
    k->hold_since = now;
}

static void pointer_up(kiosk *k, int x, int y, uint64_t now, int swipe) {
    k->holding = false;
    if (popup_release(k, x, y, now)) return;
    on_gesture(k, gesture_up(&k->pointer, x, y, now, swipe), k->pointer.x0, k->pointer.y0, now);
}

static focus_key focus_key_of(const SDL_Keysym *ks) {
    switch (ks->sym) {
    case SDLK_TAB: return ks->mod & KMOD_SHIFT ? FOCUS_KEY_BACKTAB : FOCUS_KEY_TAB;
    case SDLK_LEFT: return FOCUS_KEY_LEFT;
    case SDLK_RIGHT: return FOCUS_KEY_RIGHT;
    case SDLK_UP: return FOCUS_KEY_UP;
    case SDLK_DOWN: return FOCUS_KEY_DOWN;
    case SDLK_RETURN:
    case SDLK_KP_ENTER: return FOCUS_KEY_ENTER;
    case SDLK_SPACE: return FOCUS_KEY_SPACE;
    case SDLK_ESCAPE:
    case SDLK_AC_BACK: return FOCUS_KEY_ESCAPE;
    default: return FOCUS_KEY_OTHER;
    }
}


/* Enter or Space on the focused widget is a tap on its middle: keys and fingers share one
 * path, so they cannot behave differently. */
static void press_focused(kiosk *k, uint64_t now) {
    const widget *w = focus_widget(&k->focus, &k->widgets);
    if (w) on_gesture(k, GESTURE_TAP, w->r.x + w->r.w / 2, w->r.y + w->r.h / 2, now);
}

/* Escape: back one step, or out of whatever is open. */
static void go_back(kiosk *k, uint64_t now) {
    if (k->picker) {
        k->picker = false;
        k->dirty = true;
    } else if (k->staff != STAFF_CLOSED) {
        kiosk_open_staff(k, STAFF_CLOSED, now);
    } else if (journey_active(&k->jr)) {
        widget_kind w = k->jr.step == STEP_THANKS || k->jr.step == STEP_SORRY ? W_CLOSE : W_BACK;
        on_journey_event(k, journey_press(&k->jr, w, 0, NULL, now), now);
    } else if (k->opts.windowed) {
        k->quit = true; /* development: Escape on the loop closes the window */
    }
}

static void handle_key(kiosk *k, const SDL_KeyboardEvent *key, uint64_t now) {
    SDL_Keycode sym = key->keysym.sym;
    bool in_journey = journey_active(&k->jr);
    k->swallow_text = false;
    k->last_touch = now;
    if (k->staff != STAFF_CLOSED) k->staff_since = now;
    if (in_journey && k->jr.still_there) {
        /* "Are you still there?": any key at all is the one action that carries on. */
        on_journey_event(k, journey_press(&k->jr, W_CONTINUE, 0, NULL, now), now);
        k->swallow_text = true;
        return;
    }
    if (in_journey) k->jr.last_touch_ms = now; /* moving the focus shows someone is there */
    if (k->staff == STAFF_PIN_PAD && kiosk_pin_key(k, sym, key->repeat, now)) return;
    if (in_journey && !k->picker && sym == SDLK_BACKSPACE) {
        on_journey_event(k, journey_backspace(&k->jr, now), now);
        return;
    }
    bool on_loop = !in_journey && k->staff == STAFF_CLOSED && !k->picker;
    if (on_loop && (sym == SDLK_RIGHT || sym == SDLK_LEFT)) {
        /* Left and Right turn the slides, as a swipe does. */
        on_gesture(k, sym == SDLK_RIGHT ? GESTURE_SWIPE_LEFT : GESTURE_SWIPE_RIGHT, 0, 0, now);
        return;
    }
    /* On a place question's picture the arrows move the cursor pin (right is right: a picture
     * is never mirrored) and Enter drops one; Tab still moves on. */
    const widget *on = focus_widget(&k->focus, &k->widgets);
    if (in_journey && !k->picker && k->focus.shown && on && on->kind == W_PICTURE) {
        int dx = sym == SDLK_RIGHT ? 1 : sym == SDLK_LEFT ? -1 : 0, dy = sym == SDLK_DOWN ? 1 : sym == SDLK_UP ? -1 : 0;
        if (dx || dy) {
            on_journey_event(k, journey_place_move(&k->jr, dx, dy, now), now);
            return;
        }
        if (sym == SDLK_RETURN || sym == SDLK_KP_ENTER || sym == SDLK_SPACE) {
            k->swallow_text = sym == SDLK_SPACE;
            on_journey_event(k, journey_place_drop(&k->jr, now), now);
            return;
        }
    }
    bool typing = in_journey && !k->picker && journey_typing(&k->jr);
    focus_action a = focus_on_key(&k->focus, &k->widgets, focus_key_of(&key->keysym), typing);
    /* A key held down repeats: fine for moving, but it must not press on into the next screen. */
    if (key->repeat && a.what != FOCUS_DO_MOVE) return;
    /* A key that acts silences the reading, as a touch does (Listen itself toggles it);
     * moving the focus does not, so someone can listen while finding the next button. */
    const widget *fw = focus_widget(&k->focus, &k->widgets);
    if (a.what >= FOCUS_DO_PRESS && !(a.what == FOCUS_DO_PRESS && fw && fw->kind == W_LISTEN)) kiosk_stop_speaking(k);
    switch (a.what) {
    case FOCUS_DO_NOTHING: return;
    case FOCUS_DO_SHOW: break;
    case FOCUS_DO_MOVE: focus_move(&k->focus, &k->widgets, k->scr.sc.rtl, a.dir); break;
    case FOCUS_DO_PRESS:
        k->swallow_text = sym == SDLK_SPACE;
        press_focused(k, now);
        break;
    case FOCUS_DO_SUBMIT: on_journey_event(k, journey_press(&k->jr, W_NEXT, 0, NULL, now), now); break;
    case FOCUS_DO_BACK: go_back(k, now); break;
    }
    k->focus.shown = true;
    k->dirty = true;
}

/* Characters from a real keyboard go into the text box, and the focus goes with them. */
static void on_text(kiosk *k, const char *text, uint64_t now) {
    if (k->swallow_text || !journey_active(&k->jr) || !journey_typing(&k->jr)) return;
    kiosk_stop_speaking(k);
    /* An emoji from a plugged-in keyboard would show as an empty box: left out, and said so.
     * The whole piece goes, so no skin tone or joiner is left behind on its own. */
    if (!text_glyphs_provided(k->scr.text, FONT_REGULAR, text, NULL, NULL))
        on_journey_event(k, journey_refuse_typing(&k->jr, now), now);
    else
        on_journey_event(k, journey_type(&k->jr, text, now), now);
    focus_place(&k->focus, &k->widgets, k->scr.sc.rtl, W_FIELD, -1);
    k->focus.shown = true;
    k->dirty = true;
}

static void watch_config(kiosk *k);
static void open_log(kiosk *k);

/* A change on disk: check the file now; a good one waits for the next slide, a bad one is
 * refused with its messages (to the journal and the staff screen) and the content stays. */
static void reload_config(kiosk *k) {
    diag_list *d = calloc(1, sizeof *d), *w = calloc(1, sizeof *w);
    if (!d || !w) {
        free(d);
        free(w);
        return;
    }
    config_options opt = {.assets_dir = paths_assets_dir(), .check_image = images_check_file, .warnings = w};
    config *c = config_load(k->config_file, &opt, d);
    diag_print(w, stderr);
    free(w);
    if (c) c = kiosk_content_reload(k, c); /* stick content in use: it may stay */
    if (c) {
        config_free(k->pending);
        k->pending = c;
        k->config_error[0] = '\0';
        fprintf(stderr, "plankiosk: %s changed; the new content shows from the next slide\n", k->config_file);
    } else {
        fprintf(stderr, "plankiosk: %s changed but has %d problem%s; keeping the content shown:\n",
                k->config_file, d->count + d->dropped, d->count + d->dropped == 1 ? "" : "s");
        diag_print(d, stderr);
        snprintf(k->config_error, sizeof k->config_error, "%s", d->count ? d->items[0] : "cannot be read");
    }
    free(d);
    k->dirty = true;
}

/* Takes the waiting config: between visitors, at a slide boundary. */
static void apply_pending(kiosk *k, uint64_t now) {
    config *c = k->pending;
    k->pending = NULL;
    pk_error err = {{0}};
    if (!screen_set_config(&k->scr, c, kiosk_today(k), &err)) {
        snprintf(k->config_error, sizeof k->config_error, "%s", err.msg);
        fprintf(stderr, "plankiosk: the edited config cannot be used: %s\n", err.msg);
        config_free(c);
        return;
    }
    kiosk_live_stop(k); /* its worker reads the config about to be freed */
    bool same_log = !strcmp(c->kiosk.id, k->cfg->kiosk.id) &&
                    ((!c->feedback.dir && !k->cfg->feedback.dir) ||
                     (c->feedback.dir && k->cfg->feedback.dir && !strcmp(c->feedback.dir, k->cfg->feedback.dir))) &&
                    ((!c->feedback.public_key && !k->cfg->feedback.public_key) ||
                     (c->feedback.public_key && k->cfg->feedback.public_key &&
                      !strcmp(c->feedback.public_key, k->cfg->feedback.public_key)));
    k->cfg = c;
    k->root = c;
    if (!k->in_use[0]) snprintf(k->base_hash, sizeof k->base_hash, "%s", c->content_hash); /* the own file, edited */
    config_free(k->owned); /* the caller's first config is never freed here */
    k->owned = c;
    if (!same_log) {
        if (k->log_ok) feedback_log_close(&k->log);
        open_log(k);
    }
    journey_init(&k->jr, c);
    kiosk_live_start(k); /* its slides, folders and questions may all have changed */
    restart_loop(k, c, now);
    k->list_slide[0] = k->list_slide[1] = -1;
    k->chrome_valid = false;
    watch_config(k); /* the pictures it names may have changed */
    service_status("showing %s (%s)", c->plan.title, c->hash);
    k->dirty = true;
}

static void handle_event(kiosk *k, const SDL_Event *e) {
    uint64_t now = kiosk_now(k);
    int swipe = (int)(k->scr.sc.m.w * 0.08);
    int x, y, ww, wh;
    SDL_Event touch; /* an absolute pointer's press, placed by abs_pointer_reader: a touch */
    if (abs_pointer_reader_touch(k->abs, e, &touch)) e = &touch;
    if (k->watch_event && e->type == k->watch_event) {
        reload_config(k);
        return;
    }
    if (k->stop_event && e->type == k->stop_event) {
        k->quit = true; /* systemd stop or Ctrl+C in the terminal: a clean shutdown */
        return;
    }
    if ((e->type == SDL_FINGERDOWN || e->type == SDL_MOUSEBUTTONDOWN) && k->focus.shown) {
        k->focus.shown = false; /* a touch: the keyboard's ring goes until a key is used again */
        k->dirty = true;
    }
    switch (e->type) {
    case SDL_QUIT:
        /* Closing the window or Alt+F4: honoured only when windowed (development). */
        if (k->opts.windowed) k->quit = true;
        break;
    case SDL_KEYDOWN: handle_key(k, &e->key, now); break;
    case SDL_TEXTINPUT:
        on_text(k, e->text.text, now);
        k->swallow_text = false;
        break;
    case SDL_FINGERDOWN:
        to_pixels(k, e->tfinger.x, e->tfinger.y, &x, &y);
        pointer_down(k, x, y, now);
        break;
    case SDL_FINGERMOTION:
        to_pixels(k, e->tfinger.x, e->tfinger.y, &x, &y);
        if (k->holding && !rect_contains(kiosk_staff_corner(k), x, y)) k->holding = false;
        pointer_motion(k, x, y);
        break;
    case SDL_FINGERUP:
        to_pixels(k, e->tfinger.x, e->tfinger.y, &x, &y);
        pointer_up(k, x, y, now, swipe);
        break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        /* Mouse events SDL made up from a touch are ignored: the touch itself counted. So are
         * SDL's own from an absolute pointer we read ourselves: SDL 2.26 misplaces them. */
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT ||
            abs_pointer_reader_owns(k->abs, e->button.which))
            break;
        SDL_GetWindowSize(k->scr.window, &ww, &wh);
        to_pixels(k, (float)e->button.x / (ww ? ww : 1), (float)e->button.y / (wh ? wh : 1), &x, &y);
        if (e->type == SDL_MOUSEBUTTONDOWN)
            pointer_down(k, x, y, now);
        else
            pointer_up(k, x, y, now, swipe);
        break;
    case SDL_MOUSEMOTION:
        if (abs_pointer_reader_owns(k->abs, e->motion.which)) break;
        if (e->motion.which != SDL_TOUCH_MOUSEID && !k->opts.windowed) {
            SDL_ShowCursor(SDL_ENABLE);
            k->mouse_seen = now;
        }
        if (e->motion.which != SDL_TOUCH_MOUSEID && (e->motion.state & SDL_BUTTON_LMASK)) {
            SDL_GetWindowSize(k->scr.window, &ww, &wh);
            to_pixels(k, (float)e->motion.x / (ww ? ww : 1), (float)e->motion.y / (wh ? wh : 1), &x, &y);
            pointer_motion(k, x, y);
        }
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) relayout(k);
        if (e->window.event == SDL_WINDOWEVENT_EXPOSED) k->dirty = true;
        break;
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
        text_drop_textures(k->scr.text);
        images_drop(k->scr.images);
        k->dirty = true;
        break;
    default: break;
    }
}

/* Outside opening hours: black, or the time in a dim grey that does not light the room, with
 * when it opens again under it (so staff passing know it is not broken). A tap on the black
 * screen shows the same for a few seconds. */
static void layout_closed(kiosk *k, uint64_t now) {
    draw_list_clear(k->overlay);
    k->widgets.count = 0;
    const screen_metrics *m = &k->scr.sc.m;
    draw_list_add(k->overlay, DRAW_RECT, (pk_rect){0, 0, m->w, m->h}, (pk_color){0, 0, 0, 255});
    if (!k->cfg->hours.clock && now >= k->peek_until) return;
    time_t t = kiosk_wall(k);
    struct tm tm;
    localtime_r(&t, &tm);
    char hhmm[8], opens[160];
    strftime(hhmm, sizeof hhmm, "%H:%M", &tm);
    k->clock_minute = tm.tm_hour * 60 + tm.tm_min;
    pk_rect box = {m->w / 4, m->h / 3, m->w / 2, m->h / 3};
    pk_color dim = {70, 70, 70, 255}; /* 2.9:1 on black: readable close up, dark in a room */
    slides_text(&k->scr.sc, k->overlay, hhmm, box, FONT_REGULAR, 24, 8, dim, ALIGN_CENTER, true);
    content_opens_again(k->cfg, &tm, opens, sizeof opens);
    pk_rect below = {m->w / 8, box.y + box.h, m->w * 3 / 4, m->h / 6};
    if (opens[0]) slides_text(&k->scr.sc, k->overlay, opens, below, FONT_REGULAR, 5, 3, dim, ALIGN_CENTER, true);
}

/* Where the focus starts on a screen: on its first answer, not on the language button above. */
static void focus_start(kiosk *k, bool rtl) {
    widget_kind kind = W_FIELD; /* the typing steps */
    int index = -1;
    if (k->picker) kind = W_LANG_PICK, index = k->cfg->lang;
    else if (k->staff == STAFF_PIN_PAD) kind = W_PIN_DIGIT, index = 1;
    else if (k->staff == STAFF_SCREEN) kind = W_STAFF_EXPORT;
    else if (k->staff == STAFF_PREVIEW) kind = W_PREVIEW_NEXT;
    else if (k->staff == STAFF_QUOTES) kind = W_QUOTE_APPROVE;
    else if (!journey_active(&k->jr)) kind = W_FEEDBACK_OPEN;
    else if (k->jr.still_there) kind = W_CONTINUE;
    else if (k->jr.step == STEP_INTRO) kind = W_NEXT;
    else if (k->jr.step == STEP_QUESTION && !k->jr.other_page && !journey_typing(&k->jr)) {
        /* On the answer given, else the first answer. */
        const question *q = journey_question(&k->jr);
        const answer *a = journey_answer(&k->jr);
        switch (q->type) {
        case Q_FACES:
        case Q_SCALE: kind = W_POINT, index = a->given ? a->value : -1; break;
        case Q_CONSENT: kind = W_CONSENT, index = a->given ? a->value : -1; break;
        case Q_PLACE: kind = W_PICTURE; break;
        default: kind = W_OPTION, index = a->given ? a->value : -1; break;
        }
    } else if (k->jr.step == STEP_REVIEW) {
        kind = W_SEND; /* a long review's pages before its last: More */
        bool send = false;
        for (int i = 0; i < k->widgets.count; i++) send |= k->widgets.items[i].kind == W_SEND;
        if (!send) kind = W_MORE;
    }
    else if (k->jr.step == STEP_THANKS || k->jr.step == STEP_SORRY) kind = W_CLOSE;
    if (!focus_place(&k->focus, &k->widgets, rtl, kind, index) && index >= 0)
        focus_place(&k->focus, &k->widgets, rtl, kind, -1);
}

/* After a layout: the focus stays on its widget, starts afresh on a new screen, and comes back
 * to where it was when an overlay closes. Then its ring, over everything. */
static void update_focus(kiosk *k) {
    bool rtl = k->scr.sc.rtl, shown = k->focus.shown;
    /* Each question is a screen of its own, and so is its "Something else" box. */
    int scr = k->staff != STAFF_CLOSED ? -(int)k->staff
              : journey_active(&k->jr) ? (int)k->jr.step * 1000 + k->jr.q * 2 + k->jr.other_page + k->jr.review_page * 50 + 1
                                       : 0;
    int overlay = k->picker ? 1 : journey_active(&k->jr) && k->jr.still_there ? 2 : 0;
    if (overlay && overlay != k->focus_overlay) {
        if (!k->focus_overlay) k->focus_under = k->focus;
        focus_start(k, rtl);
    } else if (scr != k->focus_screen) {
        focus_start(k, rtl);
    } else {
        if (!overlay && k->focus_overlay) k->focus = k->focus_under;
        focus_sync(&k->focus, &k->widgets, rtl);
    }
    k->focus.shown = shown;
    k->focus_overlay = overlay;
    k->focus_screen = scr;
    draw_list_clear(k->focus_list);
    const widget *w = focus_widget(&k->focus, &k->widgets);
    if (shown && w) focus_ring_layout(&k->scr.sc.m, w->r, k->focus_list);
}

static void draw(kiosk *k, uint64_t now) {
    k->scr.sc.speaking = k->speaking; /* a new layout context starts without it */
    if (k->closed && k->staff == STAFF_CLOSED) {
        layout_closed(k, now);
        screen_draw_frame(&k->scr, k->overlay, NULL, 1, 1, 1 << 20, NULL);
    } else if (k->staff != STAFF_CLOSED) {
        char usb_label[300], preview_label[80];
        if (k->usb_title[0]) snprintf(usb_label, sizeof usb_label, "New content on the USB stick: \"%s\"", k->usb_title);
        else snprintf(usb_label, sizeof usb_label, "New content on the USB stick");
        staff_view_state st = {
            .pin_pad_open = k->staff == STAFF_PIN_PAD, .pad = &k->pad, .now = now,
            .pin_message = k->pin_message[0] ? k->pin_message : NULL, .stats = &k->stats,
            .config_path = k->cfg->path, .config_title = k->cfg->plan.title, .config_hash = k->cfg->hash,
            .feedback_dir = k->feedback_dir, .storage_error = k->storage_error,
            .config_error = k->config_error,
            .export_message = k->export_message[0] ? k->export_message : NULL, .export_ok = k->export_ok,
            .loop_paused = k->loop.held,
            .usb_content_label = k->usb_content[0] ? usb_label : NULL,
            .can_go_back = content_store_can_go_back(&k->store, k->in_use),
            .content_message = k->content_message[0] ? k->content_message : NULL, .content_ok = k->content_ok,
            .preview_slide = k->preview && k->pv.n ? &k->preview->slides[k->pv.pos] : NULL,
            .preview_label = content_preview_label(&k->pv, preview_label, sizeof preview_label),
            .preview_keeps = k->preview ? k->preview_keeps : NULL,
            .preview_first = k->pv.pos == 0, .preview_last = k->pv.pos + 1 >= k->pv.n};
        kiosk_staff_quotes_view(k, &st);
        staff_view_layout(&k->scr.sc, &st, k->overlay, &k->widgets);
        screen_draw_frame(&k->scr, k->overlay, NULL, 1, 1, 1 << 20, NULL);
    } else if (journey_active(&k->jr)) {
        journey_view_layout(&k->scr.sc, &k->jr, now, k->overlay, &k->widgets);
        screen_draw_frame(&k->scr, k->overlay, NULL, 1, 1, 1 << 20, NULL);
    } else {
        const draw_list *cur = list_for(k, attract_slide(&k->loop));
        const draw_list *prev = list_for(k, attract_prev_slide(&k->loop));
        chrome_state cs = {k->loop.n, k->loop.pos, k->loop.paused,
                           k->root->languages.n > 1 ? language_own_name(k->cfg->languages.code[k->cfg->lang]) : NULL,
                           !config_consultation_for(k->cfg, NULL, kiosk_today(k))};
        /* The footer is laid out when it changes, not every frame of a transition. */
        const chrome_state *was = &k->chrome_shown;
        if (!k->chrome_valid || cs.n_slides != was->n_slides || cs.current != was->current ||
            cs.paused != was->paused || cs.language != was->language || cs.no_consultation != was->no_consultation) {
            chrome_layout(&k->scr.sc, &cs, k->chrome, &k->chrome_widgets);
            k->chrome_shown = cs;
            k->chrome_valid = true;
        }
        /* The footer's buttons are the loop's widgets: taps and keyboard focus find them. */
        k->widgets.count = k->chrome_widgets.count;
        memcpy(k->widgets.items, k->chrome_widgets.items, sizeof(widget) * (size_t)k->chrome_widgets.count);
        /* A call-to-action slide's own big button is one more way into the journey. */
        if (k->loop.n > 0 && k->cfg->slides[attract_slide(&k->loop)].type == SLIDE_CALL_TO_ACTION &&
            config_consultation_for(k->cfg, &k->cfg->slides[attract_slide(&k->loop)], kiosk_today(k)))
            widget_add(&k->widgets, k->scr.sc.shown.cta_button, W_FEEDBACK_OPEN, 1, NULL);
        screen_draw_frame(&k->scr, cur, prev, attract_transition(&k->loop, now), k->loop.dir,
                          attract_anim_ms(&k->loop, now), k->chrome);
    }
    if (k->picker) {
        draw_list_clear(k->picker_list); /* the picker appends: start from nothing each frame */
        language_picker_layout(&k->scr.sc, k->picker_list, &k->widgets);
        draw_execute(&k->scr.dc, k->picker_list, 255, 0, 0);
    }
    update_focus(k);
    draw_execute(&k->scr.dc, k->focus_list, 255, 0, 0);
    screen_present(&k->scr);
    if (k->frames == 0) {
        /* A slow start (fonts, pictures, a software GPU) must not eat the first slide's time:
         * found under emulation, where the first frame took 9 s and the title slide never
         * showed. */
        attract_start_clock(&k->loop, kiosk_now(k));
        service_ready(&k->svc, k->cfg->plan.title);
    }
    if (k->frames++ == 0 && k->opts.stats)
        fprintf(stderr, "first frame %.1f ms\n",
                (SDL_GetPerformanceCounter() - k->start_counter) * 1000.0 / SDL_GetPerformanceFrequency());
}

void kiosk_pick_feedback_dir(kiosk *k) {
    char buf[1024];
    /* The command line, the config, then what the service says ($PLANKIOSK_FEEDBACK_DIR, or
     * systemd's StateDirectory=), then the usual places. */
    const char *env = getenv("PLANKIOSK_FEEDBACK_DIR"), *state = getenv("STATE_DIRECTORY");
    const char *dir = k->opts.feedback_dir     ? k->opts.feedback_dir
                      : k->cfg->feedback.dir   ? k->cfg->feedback.dir
                      : env && *env            ? env
                      : state && *state        ? state
                                               : feedback_log_default_dir(buf, sizeof buf);
    snprintf(k->feedback_dir, sizeof k->feedback_dir, "%s", dir ? dir : "");
}

static void open_log(kiosk *k) {
    kiosk_pick_feedback_dir(k);
    const char *dir = k->feedback_dir[0] ? k->feedback_dir : NULL;
    diag_list *d = calloc(1, sizeof *d);
    pk_error err = {{0}};
    k->log_ok = d && dir && feedback_log_open(&k->log, dir, k->cfg->kiosk.id, d, &err);
    if (d) diag_print(d, stderr); /* torn records found and separated */
    free(d);
    if (k->log_ok && k->cfg->feedback.public_key) {
        /* Promised encryption that cannot happen means no saving at all, not saving in clear. */
        if (seal_load_public_key(k->cfg->feedback.public_key, k->log.seal_pk, NULL, &err)) {
            k->log.seal = true;
        } else {
            k->log_ok = false;
            feedback_log_close(&k->log);
        }
    }
    if (!k->log_ok) {
        snprintf(k->storage_error, sizeof k->storage_error, "%s", err.msg[0] ? err.msg : "out of memory");
        fprintf(stderr, "plankiosk: feedback cannot be saved: %s\n", k->storage_error);
    }
}

/* Watches the config file and every picture it names. */
static void watch_config(kiosk *k) {
    if (!k->config_file[0] || !k->watch_event) return;
    file_watch_stop(k->watch);
    const char *files[FILE_WATCH_MAX];
    int n = 0;
    files[n++] = k->config_file;
    if (k->cfg->staff.pin_hash_file) files[n++] = k->cfg->staff.pin_hash_file; /* made at boot, or later */
    for (int i = 0; i < k->cfg->n_slides && n < FILE_WATCH_MAX; i++)
        if (k->cfg->slides[i].image) files[n++] = k->cfg->slides[i].image;
    for (int i = 0; i < k->cfg->n_themes && n < FILE_WATCH_MAX; i++)
        if (k->cfg->themes[i].icon) files[n++] = k->cfg->themes[i].icon;
    k->watch = file_watch_start(files, n, k->watch_event);
    if (!k->watch) fprintf(stderr, "plankiosk: cannot watch %s for changes; edits need a restart\n", k->config_file);
}

kiosk *kiosk_create(const config *cfg, const kiosk_opts *o, pk_error *err) {
    kiosk *k = calloc(1, sizeof *k);
    if (!k) return pk_fail(err, "out of memory"), NULL;
    k->cfg = cfg;
    k->opts = *o;
    k->list_slide[0] = k->list_slide[1] = -1;
    k->chrome_valid = false;
    k->start_counter = SDL_GetPerformanceCounter();
    screen_set_hints();
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        pk_fail(err, "cannot start the display: %s", SDL_GetError());
        free(k);
        return NULL;
    }
    for (int i = 0; i < 2; i++) k->lists[i] = malloc(sizeof(draw_list));
    k->chrome = malloc(sizeof(draw_list));
    k->overlay = malloc(sizeof(draw_list));
    k->picker_list = calloc(1, sizeof(draw_list));
    k->focus_list = calloc(1, sizeof(draw_list));
    focus_clear(&k->focus);
    k->focus_screen = INT_MIN; /* no screen yet: the first one places the focus afresh */
    k->root = cfg;
    if (o->config_path) snprintf(k->config_file, sizeof k->config_file, "%s", o->config_path);
    snprintf(k->base_hash, sizeof k->base_hash, "%s", cfg->content_hash);
    kiosk_content_start(k); /* the stick's content, if staff chose it since the own file changed */
    cfg = k->cfg;
    screen_opts so = {o->windowed, o->w, o->h};
    if (!k->lists[0] || !k->lists[1] || !k->chrome || !k->overlay || !k->picker_list || !k->focus_list ||
        !screen_open_window(&k->scr, cfg, &so, kiosk_today(k), err)) {
        kiosk_destroy(k);
        return NULL;
    }
    if (!o->windowed) SDL_ShowCursor(SDL_DISABLE);
    k->abs = abs_pointer_reader_open(o->abs_pointer_dir);
    SDL_DisableScreenSaver(); /* the screen never blanks while the kiosk runs */
    SDL_StopTextInput();
    service_init(&k->svc);
    open_log(k);
    journey_init(&k->jr, cfg);
    uint64_t now = kiosk_now(k);
    k->end_ms = o->exit_after > 0 ? now + (uint64_t)(o->exit_after * 1000) : 0;
    kiosk_live_start(k);
    restart_loop(k, cfg, now);
    k->watch_event = SDL_RegisterEvents(1);
    if (k->watch_event == (uint32_t)-1) k->watch_event = 0;
    watch_config(k);
    kiosk_health_start(k);
    k->dirty = true;
    return k;
}

bool kiosk_step(kiosk *k, int max_wait) {
    uint64_t now = kiosk_now(k);
    if (k->quit || (k->end_ms && now >= k->end_ms)) return false;
    uint64_t hold_ms = (uint64_t)k->cfg->staff.hold_seconds * 1000;
    if (k->holding && now - k->hold_since >= hold_ms) {
        k->holding = false;
        gesture_cancel(&k->pointer); /* the finger lifting later is not a tap */
        if (k->cfg->staff.pin_hash) kiosk_open_staff(k, STAFF_PIN_PAD, now);
        else if (k->cfg->staff.pin_hash_file)
            fprintf(stderr, "plankiosk: staff mode is off: %s does not hold a PIN hash yet\n", k->cfg->staff.pin_hash_file);
        else fprintf(stderr, "plankiosk: staff mode is off: the config has no staff.pin_hash\n");
    }
    /* Staff screens close themselves when left alone: 1 minute for the pad, 5 for the rest. */
    if (k->staff != STAFF_CLOSED &&
        now - k->staff_since >= (k->staff == STAFF_PIN_PAD ? 60000u : 300000u))
        kiosk_open_staff(k, STAFF_CLOSED, now);
    if (k->staff == STAFF_PIN_PAD && pin_pad_locked(&k->pad, now)) k->dirty = true; /* countdown */
    /* Opening hours: close only between visitors, never in the middle of a journey. */
    time_t wall_now = kiosk_wall(k);
    struct tm local;
    localtime_r(&wall_now, &local);
    bool open = content_is_open(k->cfg, &local);
    if (!open && !k->closed && !journey_active(&k->jr)) {
        k->closed = true;
        kiosk_stop_speaking(k);
        k->dirty = true;
        char opens[160];
        content_opens_again(k->cfg, &local, opens, sizeof opens);
        service_status("closed: outside opening hours%s%s", opens[0] ? "; " : "", opens);
    } else if (open && k->closed) {
        k->closed = false;
        restart_loop(k, k->cfg, now); /* a fresh start each morning */
        k->dirty = true;
        service_status("open");
    }
    int status_due = kiosk_health_tick(k); /* status.json: on a change, and every 5 minutes */
    if (k->closed && k->cfg->hours.clock && local.tm_hour * 60 + local.tm_min != k->clock_minute) k->dirty = true;
    if (k->peek_until && now >= k->peek_until) k->peek_until = 0, k->dirty = true; /* dark again */
    /* A visitor who chose a language and walked away: the next one starts in the default. */
    uint64_t lang_idle = (uint64_t)k->cfg->feedback.idle_seconds * 1000;
    if (kiosk_visitor_changed(k) && !journey_active(&k->jr) && k->staff == STAFF_CLOSED &&
        now - k->last_touch >= lang_idle) {
        k->picker = false;
        kiosk_reset_visitor(k);
    }
    if (keyboard_hold_tick(&k->jr.kb, now)) {
        gesture_cancel(&k->pointer); /* the finger lifting later answers the popup, not a tap */
        k->dirty = true;
    }
    if (!k->closed && k->staff == STAFF_CLOSED) {
        if (journey_active(&k->jr)) {
            on_journey_event(k, journey_tick(&k->jr, now), now);
            /* The warning must be seen to be answered: it closes a picker left open over it. */
            if (k->jr.still_there && k->picker) k->picker = false, k->dirty = true;
        } else {
            int before = attract_slide(&k->loop), before_pos = k->loop.pos;
            /* What the live slides gathered is taken as the loop moves on, never under a reader. */
            if (k->live_worker && !k->loop.paused && now >= k->loop.due_at && kiosk_live_take(k)) k->dirty = true;
            if (k->frames > 0 && attract_tick(&k->loop, now, kiosk_today(k))) k->dirty = true;
            if (attract_slide(&k->loop) != before) kiosk_live_boundary(k, before_pos);
            /* An edit waits for the slide shown to end (or for a loop that is not moving). */
            if (k->pending && (attract_slide(&k->loop) != before || k->loop.paused)) apply_pending(k, now);
        }
    } else if (k->pending && !journey_active(&k->jr) && k->staff != STAFF_PREVIEW) {
        apply_pending(k, now); /* not under a preview: the screen holds the stick's config */
    }
    bool animating = !k->closed && k->staff == STAFF_CLOSED && !journey_active(&k->jr) &&
                     attract_animating(&k->loop, now);
    if (k->dirty || animating) {
        draw(k, now);
        k->dirty = false;
    }
    if (!k->speech_tried && k->frames > 0) kiosk_start_speech(k);
    if (k->speaking) {
        /* The slide being read stays; the loop moves on pause_seconds after the last word. */
        if (!journey_active(&k->jr) && k->staff == STAFF_CLOSED) attract_set_paused(&k->loop, true, now);
        if (!speech_player_tick(k->speech)) kiosk_stop_speaking(k); /* the reading ended */
    }
    int wait = animating ? 15 : journey_active(&k->jr) ? journey_wait_ms(&k->jr, now) : attract_wait_ms(&k->loop, now);
    if (k->holding && (uint64_t)wait > k->hold_since + hold_ms - now) wait = (int)(k->hold_since + hold_ms - now);
    int key_hold = keyboard_hold_wait(&k->jr.kb, now);
    if (key_hold >= 0 && wait > key_hold) wait = key_hold;
    if (k->staff != STAFF_CLOSED && wait > 1000) wait = 1000;
    if (k->peek_until && (uint64_t)wait > k->peek_until - now) wait = (int)(k->peek_until - now);
    if (k->speaking && wait > SPEECH_PLAYER_TICK_MS) wait = SPEECH_PLAYER_TICK_MS;
    if (k->cfg->hours.set && wait > (60 - local.tm_sec) * 1000) wait = (60 - local.tm_sec) * 1000;
    int ping = service_tick(&k->svc, now);
    if (wait > ping) wait = ping;
    if (wait > status_due) wait = status_due;
    /* A mouse left alone hides its cursor again after 3 seconds. */
    if (k->mouse_seen) {
        if (now - k->mouse_seen >= 3000) {
            SDL_ShowCursor(SDL_DISABLE);
            k->mouse_seen = 0;
        } else if ((uint64_t)wait > k->mouse_seen + 3000 - now) {
            wait = (int)(k->mouse_seen + 3000 - now);
        }
    }
    if (k->end_ms && (uint64_t)wait > k->end_ms - now) wait = (int)(k->end_ms - now);
    if (wait > max_wait) wait = max_wait;
    if (wait < 1 && max_wait > 0) wait = 1;
    SDL_Event e;
    if (wait > 0 ? SDL_WaitEventTimeout(&e, wait) : SDL_PollEvent(&e)) {
        handle_event(k, &e);
        while (SDL_PollEvent(&e)) handle_event(k, &e);
    }
    return !k->quit;
}

void kiosk_destroy(kiosk *k) {
    if (!k) return;
    service_stopping();
    kiosk_live_stop(k);
    free(k->live);
    file_watch_stop(k->watch);
    abs_pointer_reader_stop(k->abs); /* its thread pushes SDL events: before SDL_Quit */
    config_free(k->pending);
    kiosk_preview_end(k);
    staff_quotes_clear(&k->quotes);
    journey_clear(&k->jr);
    speech_player_close(k->speech); /* before SDL goes */
    free(k->speech_buf);
    screen_close(&k->scr);
    kiosk_health_stop(k); /* a clean stop: said before the log closes */
    if (k->log_ok) feedback_log_close(&k->log);
    for (int i = 0; i < 2; i++) free(k->lists[i]);
    free(k->chrome);
    free(k->overlay);
    free(k->picker_list);
    free(k->focus_list);
    config *owned = k->owned;
    free(k);
    SDL_Quit();
    config_free(owned); /* after the screen and journey that pointed into it are gone */
}

int kiosk_run(const config *cfg, const kiosk_opts *o) {
    stop_signal_block();
    pk_error err = {{0}};
    kiosk *k = kiosk_create(cfg, o, &err);
    if (!k) {
        fprintf(stderr, "plankiosk: %s\n", err.msg);
        return 1;
    }
    k->stop_event = SDL_RegisterEvents(1);
    if (k->stop_event == (uint32_t)-1 || !stop_signal_start(k->stop_event)) {
        k->stop_event = 0;
        fprintf(stderr, "plankiosk: cannot watch for SIGTERM; stop with SIGKILL\n");
    }
    if (o->stats) fprintf(stderr, "renderer %s, %dx%d\n", k->scr.renderer_name, k->scr.sc.m.w, k->scr.sc.m.h);
    while (kiosk_step(k, 60000)) {
    }
    if (o->stats) fprintf(stderr, "frames %d\n", k->frames);
    int status = k->staff_exit ? KIOSK_EXIT_STAFF : 0;
    kiosk_destroy(k);
    return status;
}

const widget_list *kiosk_widgets(const kiosk *k) { return &k->widgets; }
const journey *kiosk_journey(const kiosk *k) { return &k->jr; }
const frame *kiosk_frame(const kiosk *k) { return &k->scr.sc.shown; }
void kiosk_set_can_listen(kiosk *k, bool on) {
    slide_view v = k->scr.view;
    v.can_listen = on;
    kiosk_set_view(k, v);
}
const slide_view *kiosk_view(const kiosk *k) { return &k->scr.view; }
int kiosk_slide(const kiosk *k) { return attract_slide(&k->loop); }
const slide_live *kiosk_live(const kiosk *k) { return k->live; }
const draw_list *kiosk_slide_list(kiosk *k) { return list_for(k, attract_slide(&k->loop)); }
int kiosk_frames(const kiosk *k) { return k->frames; }
int kiosk_abandoned(const kiosk *k) { return k->abandoned; }
const char *kiosk_storage_error(const kiosk *k) { return k->storage_error; }
staff_mode kiosk_staff_mode(const kiosk *k) { return k->staff; }
bool kiosk_pin_locked(const kiosk *k) { return pin_pad_locked(&k->pad, kiosk_now(k)); }
bool kiosk_loop_paused(const kiosk *k) { return k->loop.paused; }
const char *kiosk_export_message(const kiosk *k) { return k->export_message; }
const char *kiosk_content_message(const kiosk *k) { return k->content_message; }
int kiosk_preview_slide(const kiosk *k) { return k->preview ? k->pv.pos : -1; }
const char *kiosk_content_in_use(const kiosk *k) { return k->in_use; }
const char *kiosk_preview_keeps(const kiosk *k) { return k->preview ? k->preview_keeps : ""; }
const config *kiosk_config(const kiosk *k) { return k->cfg; }
const char *kiosk_config_error(const kiosk *k) { return k->config_error; }
const widget *kiosk_focused(const kiosk *k) {
    return k->focus.shown ? focus_widget(&k->focus, &k->widgets) : NULL;
}
const draw_list *kiosk_focus_ring(const kiosk *k) { return k->focus_list; }
abs_pointer_reader *kiosk_abs_pointer(kiosk *k) { return k->abs; }
bool kiosk_speaking(const kiosk *k) { return k->speaking; }
