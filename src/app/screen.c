#include "app/screen.h"

#include <SDL_image.h>
#include <string.h>

void screen_set_hints(void) {
    /* Touch and mouse are both real inputs here; neither may fake the other, or one tap would
     * act twice. */
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    /* The kiosk installs its own SIGTERM handling (clean stop under systemd). */
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
}

/* The drawing's size: the output's, turned a quarter when the screen is rotated by 90 or 270. */
static void drawing_size(screen *s, int *w, int *h) {
    int ow, oh;
    /* With a texture as target SDL reports the texture's size; the output is what we want. */
    SDL_Texture *target = SDL_GetRenderTarget(s->renderer);
    if (target) SDL_SetRenderTarget(s->renderer, NULL);
    SDL_GetRendererOutputSize(s->renderer, &ow, &oh);
    if (target) SDL_SetRenderTarget(s->renderer, target);
    bool turned = s->rotation == 90 || s->rotation == 270;
    *w = turned ? oh : ow;
    *h = turned ? ow : oh;
}

static bool make_rotation_target(screen *s, pk_error *err) {
    if (s->rotated) SDL_DestroyTexture(s->rotated);
    s->rotated = NULL;
    SDL_SetRenderTarget(s->renderer, NULL);
    if (!s->rotation) return true;
    int w, h;
    drawing_size(s, &w, &h);
    s->rotated = SDL_CreateTexture(s->renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
    if (!s->rotated || SDL_SetRenderTarget(s->renderer, s->rotated) != 0)
        return pk_fail(err, "cannot rotate the screen: %s", SDL_GetError());
    return true;
}

static bool finish_open(screen *s, const config *cfg, pk_date today, pk_error *err) {
    s->cfg = cfg;
    s->text = text_create(cfg->theme.font_regular, cfg->theme.font_bold, err);
    s->images = images_create();
    if (!s->text || !s->images) return false;
    if (!make_rotation_target(s, err)) return false;
    int w, h;
    drawing_size(s, &w, &h);
    slide_ctx_init(&s->sc, cfg, s->text, w, h, today);
    s->dc = (draw_ctx){s->renderer, s->text, s->images, cfg->loop.count_up_ms};
    s->view = (slide_view){1.0, false, false};
    SDL_SetRenderDrawBlendMode(s->renderer, SDL_BLENDMODE_BLEND);
    return true;
}

void screen_set_view(screen *s, const slide_view *v) {
    s->view = *v;
    slide_ctx_set_view(&s->sc, v);
    s->dc.count_up_ms = v->reduce_motion ? 0 : s->cfg->loop.count_up_ms;
}

bool screen_open_window(screen *s, const config *cfg, const screen_opts *o, pk_date today,
                        pk_error *err) {
    memset(s, 0, sizeof *s);
    const char *driver = SDL_GetCurrentVideoDriver();
    renderer_kind kind = cfg->kiosk.renderer;
    if (kind == RENDERER_AUTO)
        kind = driver && strcmp(driver, "KMSDRM") == 0 ? RENDERER_GLES2 : RENDERER_SOFTWARE;
    if (kind == RENDERER_SOFTWARE) SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (kind == RENDERER_GLES2) SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengles2");

    s->rotation = cfg->kiosk.rotation;
    Uint32 flags = SDL_WINDOW_SHOWN;
    int w = o->w > 0 ? o->w : cfg->kiosk.width, h = o->h > 0 ? o->h : cfg->kiosk.height;
    if (s->rotation == 90 || s->rotation == 270) { /* sizes are given as the drawing is seen */
        int t = w;
        w = h, h = t;
    }
    int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
    SDL_Rect bounds;
    if (!o->windowed) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
        /* Made the size of the screen from the start: an X server without a window manager
         * (a bare Xvfb, a minimal kiosk X session) never resizes a window to full screen, and
         * SDL would draw for the screen's size into a smaller or larger window. */
        if (SDL_GetDisplayBounds(0, &bounds) == 0) x = bounds.x, y = bounds.y, w = bounds.w, h = bounds.h;
    } else {
        flags |= SDL_WINDOW_RESIZABLE;
    }
    s->window = SDL_CreateWindow(cfg->plan.title, x, y, w, h, flags);
    if (!s->window) return pk_fail(err, "cannot open a window: %s", SDL_GetError());
    Uint32 rflags = kind == RENDERER_SOFTWARE ? SDL_RENDERER_SOFTWARE
                                              : SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC;
    s->renderer = SDL_CreateRenderer(s->window, -1, rflags);
    if (!s->renderer && kind == RENDERER_GLES2) {
        SDL_Log("plankiosk: GLES2 renderer unavailable (%s); using software", SDL_GetError());
        s->renderer = SDL_CreateRenderer(s->window, -1, SDL_RENDERER_SOFTWARE);
    }
    if (!s->renderer) return pk_fail(err, "cannot create a renderer: %s", SDL_GetError());
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(s->renderer, &info) == 0) s->renderer_name = info.name;
    return finish_open(s, cfg, today, err);
}

bool screen_open_surface(screen *s, const config *cfg, int w, int h, pk_date today, pk_error *err) {
    memset(s, 0, sizeof *s);
    s->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s->surface) return pk_fail(err, "cannot make a %dx%d image: %s", w, h, SDL_GetError());
    s->renderer = SDL_CreateSoftwareRenderer(s->surface);
    if (!s->renderer) return pk_fail(err, "cannot create a renderer: %s", SDL_GetError());
    s->renderer_name = "software (off-screen)";
    return finish_open(s, cfg, today, err);
}

void screen_update_size(screen *s, pk_date today) {
    int w, h;
    drawing_size(s, &w, &h);
    if (w == s->sc.m.w && h == s->sc.m.h) return;
    text_drop_textures(s->text);
    images_drop(s->images);
    make_rotation_target(s, NULL);
    slide_ctx_init(&s->sc, s->cfg, s->text, w, h, today);
    screen_set_view(s, &s->view);
}

void screen_present(screen *s) {
    if (s->rotated) {
        int ow, oh;
        SDL_SetRenderTarget(s->renderer, NULL);
        SDL_GetRendererOutputSize(s->renderer, &ow, &oh);
        SDL_SetRenderDrawColor(s->renderer, 0, 0, 0, 255);
        SDL_RenderClear(s->renderer);
        /* Turned about its centre, the drawing's box lands exactly on the output. */
        SDL_Rect dst = {(ow - s->sc.m.w) / 2, (oh - s->sc.m.h) / 2, s->sc.m.w, s->sc.m.h};
        SDL_RenderCopyEx(s->renderer, s->rotated, NULL, &dst, s->rotation, NULL, SDL_FLIP_NONE);
        SDL_RenderPresent(s->renderer);
        SDL_SetRenderTarget(s->renderer, s->rotated);
    } else {
        SDL_RenderPresent(s->renderer);
    }
}

static bool same(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

bool screen_set_config(screen *s, const config *cfg, pk_date today, pk_error *err) {
    if (!same(cfg->theme.font_regular, s->cfg->theme.font_regular) ||
        !same(cfg->theme.font_bold, s->cfg->theme.font_bold)) {
        text_ctx *t = text_create(cfg->theme.font_regular, cfg->theme.font_bold, err);
        if (!t) return false;
        text_free(s->text);
        s->text = t;
    } else {
        text_drop_textures(s->text);
    }
    images_drop(s->images); /* pictures are read again: an edited image shows too */
    s->cfg = cfg;
    s->rotation = cfg->kiosk.rotation;
    make_rotation_target(s, NULL);
    int w, h;
    drawing_size(s, &w, &h);
    slide_ctx_init(&s->sc, cfg, s->text, w, h, today);
    s->dc = (draw_ctx){s->renderer, s->text, s->images, cfg->loop.count_up_ms};
    screen_set_view(s, &s->view);
    return true;
}

void screen_close(screen *s) {
    if (s->rotated) SDL_DestroyTexture(s->rotated);
    text_free(s->text);
    images_free(s->images);
    if (s->renderer) SDL_DestroyRenderer(s->renderer);
    if (s->window) SDL_DestroyWindow(s->window);
    if (s->surface) SDL_FreeSurface(s->surface);
    memset(s, 0, sizeof *s);
}

void screen_draw_frame(screen *s, const draw_list *cur, const draw_list *prev, double t, int dir,
                       int anim_ms, const draw_list *chrome) {
    pk_color bg = s->cfg->theme.background;
    SDL_SetRenderDrawColor(s->renderer, bg.r, bg.g, bg.b, 255);
    SDL_RenderClear(s->renderer);
    if (prev && t < 1.0) {
        if (s->cfg->loop.transition == TRANSITION_SLIDE) {
            int w = s->sc.m.w;
            if (s->sc.rtl) dir = -dir; /* right to left, the next slide comes in from the left */
            /* Ease-in-out so the slide starts and lands softly. */
            double e = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) * (-2 * t + 2) / 2;
            draw_execute(&s->dc, prev, 255, (int)(-dir * e * w), 1 << 20);
            draw_execute(&s->dc, cur, 255, (int)(dir * (1 - e) * w), anim_ms);
        } else {
            draw_execute(&s->dc, prev, (Uint8)(255 * (1 - t)), 0, 1 << 20);
            draw_execute(&s->dc, cur, (Uint8)(255 * t), 0, anim_ms);
        }
    } else {
        draw_execute(&s->dc, cur, 255, 0, anim_ms);
    }
    if (chrome) draw_execute(&s->dc, chrome, 255, 0, 0);
}
