#include "render/draw.h"

#include <math.h>

#include "core/numfmt.h"

/* Triangle fan of a filled circle quadrant, appended to verts. */
static int quarter(SDL_Vertex *v, float cx, float cy, float rad, float a0, SDL_Color c) {
    const int steps = 8;
    int n = 0;
    for (int i = 0; i < steps; i++) {
        float t0 = a0 + (float)M_PI / 2 * i / steps, t1 = a0 + (float)M_PI / 2 * (i + 1) / steps;
        v[n++] = (SDL_Vertex){{cx, cy}, c, {0, 0}};
        v[n++] = (SDL_Vertex){{cx + rad * cosf(t0), cy + rad * sinf(t0)}, c, {0, 0}};
        v[n++] = (SDL_Vertex){{cx + rad * cosf(t1), cy + rad * sinf(t1)}, c, {0, 0}};
    }
    return n;
}

void draw_rounded_rect(SDL_Renderer *r, pk_rect b, int radius, pk_color col, Uint8 alpha) {
    Uint8 a = (Uint8)(col.a * alpha / 255);
    SDL_SetRenderDrawBlendMode(r, a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r, col.r, col.g, col.b, a);
    if (radius * 2 > b.w) radius = b.w / 2;
    if (radius * 2 > b.h) radius = b.h / 2;
    if (radius <= 1) {
        SDL_Rect whole = {b.x, b.y, b.w, b.h};
        SDL_RenderFillRect(r, &whole);
        return;
    }
    SDL_Rect parts[3] = {{b.x + radius, b.y, b.w - 2 * radius, b.h},
                         {b.x, b.y + radius, radius, b.h - 2 * radius},
                         {b.x + b.w - radius, b.y + radius, radius, b.h - 2 * radius}};
    SDL_RenderFillRects(r, parts, 3);
    SDL_Vertex v[4 * 8 * 3];
    SDL_Color c = {col.r, col.g, col.b, a};
    float rad = (float)radius;
    int n = 0;
    n += quarter(v + n, b.x + rad, b.y + rad, rad, (float)M_PI, c);
    n += quarter(v + n, b.x + b.w - rad, b.y + rad, rad, (float)M_PI * 1.5f, c);
    n += quarter(v + n, b.x + b.w - rad, b.y + b.h - rad, rad, 0, c);
    n += quarter(v + n, b.x + rad, b.y + b.h - rad, rad, (float)M_PI / 2, c);
    SDL_RenderGeometry(r, NULL, v, n, NULL, 0);
}

static void draw_circle(SDL_Renderer *r, int cx, int cy, int rad, pk_color col, Uint8 alpha) {
    pk_rect b = {cx - rad, cy - rad, 2 * rad, 2 * rad};
    draw_rounded_rect(r, b, rad, col, alpha);
}

/* A thick line as a quad, so charts read from two metres. */
static void draw_line(SDL_Renderer *r, pk_rect l, int thick, pk_color col, Uint8 alpha) {
    float x0 = (float)l.x, y0 = (float)l.y, x1 = (float)(l.x + l.w), y1 = (float)(l.y + l.h);
    float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
    if (len < 0.5f) return;
    float nx = -dy / len * thick / 2, ny = dx / len * thick / 2;
    SDL_Color c = {col.r, col.g, col.b, (Uint8)(col.a * alpha / 255)};
    SDL_Vertex v[6] = {{{x0 + nx, y0 + ny}, c, {0, 0}}, {{x1 + nx, y1 + ny}, c, {0, 0}},
                       {{x1 - nx, y1 - ny}, c, {0, 0}}, {{x0 + nx, y0 + ny}, c, {0, 0}},
                       {{x1 - nx, y1 - ny}, c, {0, 0}}, {{x0 - nx, y0 - ny}, c, {0, 0}}};
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(r, NULL, v, 6, NULL, 0);
}

/* A rounded band between box and box inset by thick: the focus ring. Both edges follow the same
 * corner angles, so the band is a strip of quads round the path. */
static void draw_ring(SDL_Renderer *r, pk_rect b, int radius, int thick, pk_color col, Uint8 alpha) {
    if (thick <= 0 || b.w <= 2 * thick || b.h <= 2 * thick) return;
    if (radius * 2 > b.w) radius = b.w / 2;
    if (radius * 2 > b.h) radius = b.h / 2;
    float ro = (float)radius, ri = radius > thick ? (float)(radius - thick) : 0;
    float t = (float)thick;
    /* Corner centres of the outer and inner edges: top left, top right, bottom right, bottom left. */
    float ox[4] = {b.x + ro, b.x + b.w - ro, b.x + b.w - ro, b.x + ro};
    float oy[4] = {b.y + ro, b.y + ro, b.y + b.h - ro, b.y + b.h - ro};
    float ix[4] = {b.x + t + ri, b.x + b.w - t - ri, b.x + b.w - t - ri, b.x + t + ri};
    float iy[4] = {b.y + t + ri, b.y + t + ri, b.y + b.h - t - ri, b.y + b.h - t - ri};
    enum { STEPS = 8, POINTS = 4 * (STEPS + 1) };
    SDL_FPoint outer[POINTS], inner[POINTS];
    int n = 0;
    for (int c = 0; c < 4; c++)
        for (int i = 0; i <= STEPS; i++, n++) {
            float a = (float)M_PI * (1.0f + 0.5f * c) + (float)M_PI / 2 * i / STEPS;
            outer[n] = (SDL_FPoint){ox[c] + ro * cosf(a), oy[c] + ro * sinf(a)};
            inner[n] = (SDL_FPoint){ix[c] + ri * cosf(a), iy[c] + ri * sinf(a)};
        }
    SDL_Color sc = {col.r, col.g, col.b, (Uint8)(col.a * alpha / 255)};
    SDL_Vertex v[POINTS * 6];
    int nv = 0;
    for (int i = 0; i < POINTS; i++) {
        int j = (i + 1) % POINTS;
        SDL_FPoint q[6] = {outer[i], inner[i], outer[j], inner[i], inner[j], outer[j]};
        for (int k = 0; k < 6; k++) v[nv++] = (SDL_Vertex){q[k], sc, {0, 0}};
    }
    SDL_SetRenderDrawBlendMode(r, sc.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(r, NULL, v, nv, NULL, 0);
}

static void draw_image(draw_ctx *d, const draw_item *it, pk_rect box, Uint8 alpha, const char *path) {
    int iw, ih;
    SDL_Texture *tex = images_get(d->images, d->renderer, path, box.w, box.h, it->tint, &iw, &ih);
    if (!tex || iw <= 0 || ih <= 0) return;
    double sx = (double)box.w / iw, sy = (double)box.h / ih;
    SDL_Rect src = {0, 0, iw, ih}, dst;
    if (it->fit == FIT_COVER) {
        /* Crop the source to the box's aspect, centred. */
        double s = sx > sy ? sx : sy;
        src.w = (int)(box.w / s), src.h = (int)(box.h / s);
        src.x = (iw - src.w) / 2, src.y = (ih - src.h) / 2;
        dst = (SDL_Rect){box.x, box.y, box.w, box.h};
    } else {
        double s = sx < sy ? sx : sy;
        int w = (int)(iw * s), h = (int)(ih * s);
        dst = (SDL_Rect){box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h};
    }
    SDL_SetTextureAlphaMod(tex, alpha);
    if (it->tint) SDL_SetTextureColorMod(tex, it->color.r, it->color.g, it->color.b);
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    SDL_RenderCopy(d->renderer, tex, &src, &dst);
}

void draw_execute(draw_ctx *d, const draw_list *l, Uint8 alpha, int dx, int anim_ms) {
    for (int i = 0; i < l->count; i++) {
        const draw_item *it = &l->items[i];
        pk_rect box = it->box;
        box.x += dx;
        switch (it->kind) {
        case DRAW_RECT: draw_rounded_rect(d->renderer, box, it->radius, it->color, alpha); break;
        case DRAW_CIRCLE:
            draw_circle(d->renderer, box.x + box.w / 2, box.y + box.h / 2, it->radius, it->color, alpha);
            break;
        case DRAW_LINE: draw_line(d->renderer, box, it->radius, it->color, alpha); break;
        case DRAW_TEXT:
            text_draw(d->text, d->renderer, it->font, it->px, draw_list_get(l, it->str), box,
                      it->align, it->middle, it->color, alpha);
            break;
        case DRAW_NUMBER: {
            char buf[96];
            double v = numfmt_count_up(it->value, it->decimals, anim_ms, d->count_up_ms);
            numfmt_format(v, it->decimals, draw_list_get(l, it->str), draw_list_get(l, it->str2),
                          buf, sizeof buf);
            text_draw_glyphs(d->text, d->renderer, it->font, it->px, buf, box, it->align,
                             it->color, alpha);
            break;
        }
        case DRAW_IMAGE: draw_image(d, it, box, alpha, draw_list_get(l, it->str)); break;
        case DRAW_RING: draw_ring(d->renderer, box, it->radius, it->px, it->color, alpha); break;
        }
    }
}
