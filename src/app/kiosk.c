#include "app/kiosk.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "app/screen.h"
#include "loop/attract.h"
#include "render/chrome.h"

/* Set from the signal handler: the one piece of global state, as a handler has no context. */
static volatile sig_atomic_t stop_requested;

static void on_stop_signal(int sig) {
    (void)sig;
    stop_requested = 1;
}

typedef enum { MODE_LOOP, MODE_FEEDBACK } kiosk_mode;

typedef struct kiosk {
    const config *cfg;
    const kiosk_opts *opts;
    screen scr;
    attract loop;
    gesture pointer;
    kiosk_mode mode;
    uint64_t mode_since;
    /* Layouts are computed when a slide appears, not every frame. */
    draw_list *lists[2]; /* current and outgoing slide */
    int list_slide[2];
    draw_list *chrome, *overlay;
    pk_rect back_button;
    bool dirty, quit;
    int frames;
    uint64_t start_counter;
} kiosk;

static pk_date today(void) { return date_from_time(time(NULL)); }

static draw_list *list_for(kiosk *k, int slide_index) {
    if (slide_index < 0) return NULL;
    for (int i = 0; i < 2; i++)
        if (k->list_slide[i] == slide_index) return k->lists[i];
    /* Reuse the slot not holding the other slide on screen. */
    int keep = attract_slide(&k->loop) == slide_index ? attract_prev_slide(&k->loop) : attract_slide(&k->loop);
    int slot = k->list_slide[0] == keep ? 1 : 0;
    slides_layout(&k->scr.sc, &k->cfg->slides[slide_index], k->lists[slot]);
    k->list_slide[slot] = slide_index;
    return k->lists[slot];
}

static void relayout(kiosk *k) {
    screen_update_size(&k->scr, today());
    k->list_slide[0] = k->list_slide[1] = -1;
    k->dirty = true;
}

/* Until the feedback journey lands, "Have your say" shows the question and a way back. */
static void layout_feedback_placeholder(kiosk *k) {
    slide_ctx *sc = &k->scr.sc;
    const config_theme *th = &k->cfg->theme;
    draw_list_clear(k->overlay);
    slides_heading(sc, k->overlay, k->cfg->feedback.button);
    pk_rect box = sc->fr.content;
    slides_text(sc, k->overlay, k->cfg->feedback.question, box, FONT_BOLD, 10, 5, th->text,
                ALIGN_CENTER, true);
    k->back_button = sc->fr.button;
    draw_item *b = draw_list_add(k->overlay, DRAW_RECT, k->back_button, th->accent);
    if (b) b->radius = k->back_button.h / 2;
    slides_text(sc, k->overlay, "Back", rect_inset(k->back_button, k->back_button.h / 3, k->back_button.h / 8),
                FONT_BOLD, 6, 3.5, th->accent_text, ALIGN_CENTER, true);
}

static void set_mode(kiosk *k, kiosk_mode m, uint64_t now) {
    k->mode = m;
    k->mode_since = now;
    if (m == MODE_FEEDBACK) {
        attract_set_paused(&k->loop, true, now);
        layout_feedback_placeholder(k);
    } else {
        attract_set_paused(&k->loop, false, now);
    }
    k->dirty = true;
}

static void on_gesture(kiosk *k, gesture_kind g, int x, int y, uint64_t now) {
    if (k->mode == MODE_FEEDBACK) {
        if (g == GESTURE_TAP && rect_contains(k->back_button, x, y)) set_mode(k, MODE_LOOP, now);
        return;
    }
    attract_action a = attract_input(&k->loop, g, x, y, &k->scr.sc.fr, now);
    if (a == ATTRACT_OPEN_FEEDBACK) set_mode(k, MODE_FEEDBACK, now);
    if (a != ATTRACT_NONE) k->dirty = true;
}

/* Pointer positions arrive in window coordinates (mouse) or normalised (touch); both become
 * renderer pixels. */
static void to_pixels(kiosk *k, float nx, float ny, int *x, int *y) {
    *x = (int)(nx * k->scr.sc.m.w);
    *y = (int)(ny * k->scr.sc.m.h);
}

static void handle_event(kiosk *k, const SDL_Event *e) {
    uint64_t now = SDL_GetTicks64();
    int swipe = (int)(k->scr.sc.m.w * 0.08);
    int x, y, ww, wh;
    switch (e->type) {
    case SDL_QUIT:
        /* Closing the window or Alt+F4: honoured only when windowed (development). */
        if (k->opts->windowed) k->quit = true;
        break;
    case SDL_KEYDOWN:
        if (k->opts->windowed && e->key.keysym.sym == SDLK_ESCAPE) k->quit = true;
        if (k->mode == MODE_LOOP && e->key.keysym.sym == SDLK_RIGHT) on_gesture(k, GESTURE_SWIPE_LEFT, 0, 0, now);
        if (k->mode == MODE_LOOP && e->key.keysym.sym == SDLK_LEFT) on_gesture(k, GESTURE_SWIPE_RIGHT, 0, 0, now);
        break;
    case SDL_FINGERDOWN:
        to_pixels(k, e->tfinger.x, e->tfinger.y, &x, &y);
        gesture_down(&k->pointer, x, y, now);
        break;
    case SDL_FINGERUP:
        to_pixels(k, e->tfinger.x, e->tfinger.y, &x, &y);
        on_gesture(k, gesture_up(&k->pointer, x, y, now, swipe), k->pointer.x0, k->pointer.y0, now);
        break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT) break;
        SDL_GetWindowSize(k->scr.window, &ww, &wh);
        to_pixels(k, (float)e->button.x / (ww ? ww : 1), (float)e->button.y / (wh ? wh : 1), &x, &y);
        if (e->type == SDL_MOUSEBUTTONDOWN)
            gesture_down(&k->pointer, x, y, now);
        else
            on_gesture(k, gesture_up(&k->pointer, x, y, now, swipe), k->pointer.x0, k->pointer.y0, now);
        break;
    case SDL_MOUSEMOTION:
        if (e->motion.which != SDL_TOUCH_MOUSEID) SDL_ShowCursor(SDL_ENABLE);
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

static void draw(kiosk *k, uint64_t now) {
    if (k->mode == MODE_FEEDBACK) {
        screen_draw_frame(&k->scr, k->overlay, NULL, 1, 1, 1 << 20, NULL);
    } else {
        const draw_list *cur = list_for(k, attract_slide(&k->loop));
        const draw_list *prev = list_for(k, attract_prev_slide(&k->loop));
        chrome_state cs = {k->loop.n, k->loop.pos, k->loop.paused};
        chrome_layout(&k->scr.sc, &cs, k->chrome);
        screen_draw_frame(&k->scr, cur, prev, attract_transition(&k->loop, now), k->loop.dir,
                          attract_anim_ms(&k->loop, now), k->chrome);
    }
    SDL_RenderPresent(k->scr.renderer);
    if (k->frames++ == 0 && k->opts->stats)
        fprintf(stderr, "first frame %.1f ms\n",
                (SDL_GetPerformanceCounter() - k->start_counter) * 1000.0 / SDL_GetPerformanceFrequency());
}

int kiosk_run(const config *cfg, const kiosk_opts *o) {
    kiosk k = {.cfg = cfg, .opts = o, .list_slide = {-1, -1}};
    k.start_counter = SDL_GetPerformanceCounter();
    struct sigaction sa = {.sa_handler = on_stop_signal};
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);

    screen_set_hints();
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "plankiosk: cannot start the display: %s\n", SDL_GetError());
        return 1;
    }
    pk_error err = {{0}};
    screen_opts so = {o->windowed, o->w, o->h};
    for (int i = 0; i < 2; i++) k.lists[i] = malloc(sizeof(draw_list));
    k.chrome = malloc(sizeof(draw_list));
    k.overlay = malloc(sizeof(draw_list));
    int status = 0;
    if (!k.lists[0] || !k.lists[1] || !k.chrome || !k.overlay ||
        !screen_open_window(&k.scr, cfg, &so, today(), &err)) {
        fprintf(stderr, "plankiosk: %s\n", err.msg[0] ? err.msg : "out of memory");
        status = 1;
        goto out;
    }
    if (!o->windowed) SDL_ShowCursor(SDL_DISABLE);
    if (o->stats) fprintf(stderr, "renderer %s, %dx%d\n", k.scr.renderer_name, k.scr.sc.m.w, k.scr.sc.m.h);
    uint64_t now = SDL_GetTicks64(), end = o->exit_after > 0 ? now + (uint64_t)(o->exit_after * 1000) : 0;
    attract_init(&k.loop, cfg, today(), now);
    k.dirty = true;
    while (!k.quit && !stop_requested) {
        now = SDL_GetTicks64();
        if (end && now >= end) break;
        if (k.mode == MODE_LOOP && attract_tick(&k.loop, now, today())) k.dirty = true;
        if (k.mode == MODE_FEEDBACK && now - k.mode_since > 60000) set_mode(&k, MODE_LOOP, now);
        bool animating = k.mode == MODE_LOOP && attract_animating(&k.loop, now);
        if (k.dirty || animating) {
            draw(&k, now);
            k.dirty = false;
        }
        int wait = animating ? 15 : (k.mode == MODE_LOOP ? attract_wait_ms(&k.loop, now) : 1000);
        if (end && (uint64_t)wait > end - now) wait = (int)(end - now);
        if (wait < 1) wait = 1;
        SDL_Event e;
        if (SDL_WaitEventTimeout(&e, wait)) {
            handle_event(&k, &e);
            while (SDL_PollEvent(&e)) handle_event(&k, &e);
        }
    }
    if (o->stats) fprintf(stderr, "frames %d\n", k.frames);
out:
    screen_close(&k.scr);
    for (int i = 0; i < 2; i++) free(k.lists[i]);
    free(k.chrome);
    free(k.overlay);
    SDL_Quit();
    return status;
}
