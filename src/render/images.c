#include "render/images.h"

#include <SDL_image.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define IMAGE_SLOTS 32

typedef struct image_slot {
    char *path;
    int want_w, want_h; /* the size an SVG was rasterised for; 0 for bitmaps */
    bool silhouette;    /* white where the picture is, for tinting */
    SDL_Texture *tex;
    int w, h;
    unsigned long used;
    bool failed;
} image_slot;

struct images {
    image_slot slots[IMAGE_SLOTS];
    unsigned long clock;
};

images *images_create(void) { return calloc(1, sizeof(images)); }

void images_drop(images *im) {
    if (!im) return;
    for (int i = 0; i < IMAGE_SLOTS; i++) {
        if (im->slots[i].tex) SDL_DestroyTexture(im->slots[i].tex);
        free(im->slots[i].path);
        im->slots[i] = (image_slot){0};
    }
}

void images_free(images *im) {
    images_drop(im);
    free(im);
}

static bool is_svg(const char *path) {
    const char *ext = strrchr(path, '.');
    return ext && strcasecmp(ext, ".svg") == 0;
}

/* Largest size with the SVG's own aspect that covers w x h (cover and contain both scale
 * from it without blurring). */
static SDL_Surface *load(const char *path, int w, int h) {
    if (!is_svg(path)) return IMG_Load(path);
    SDL_RWops *rw = SDL_RWFromFile(path, "rb");
    if (!rw) return NULL;
    SDL_Surface *probe = IMG_LoadSVG_RW(rw);
    if (!probe) {
        SDL_RWclose(rw);
        return NULL;
    }
    double sx = (double)w / probe->w, sy = (double)h / probe->h, s = sx > sy ? sx : sy;
    int tw = (int)(probe->w * s + 0.5), th = (int)(probe->h * s + 0.5);
    SDL_FreeSurface(probe);
    SDL_RWseek(rw, 0, RW_SEEK_SET);
    SDL_Surface *out = IMG_LoadSizedSVG_RW(rw, tw > 0 ? tw : 1, th > 0 ? th : 1);
    SDL_RWclose(rw);
    return out;
}

/* Every pixel white, its alpha kept: the shape alone. Returns the converted surface (the input
 * is freed), or NULL. */
static SDL_Surface *to_silhouette(SDL_Surface *in) {
    SDL_Surface *s = SDL_ConvertSurfaceFormat(in, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(in);
    if (!s || SDL_LockSurface(s) != 0) return s;
    for (int y = 0; y < s->h; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < s->w; x++) row[x] |= 0x00FFFFFFu;
    }
    SDL_UnlockSurface(s);
    return s;
}

SDL_Texture *images_get(images *im, SDL_Renderer *r, const char *path, int w, int h,
                        bool silhouette, int *iw, int *ih) {
    bool svg = is_svg(path);
    int ww = svg ? w : 0, wh = svg ? h : 0;
    image_slot *victim = &im->slots[0];
    for (int i = 0; i < IMAGE_SLOTS; i++) {
        image_slot *s = &im->slots[i];
        if (s->path && s->want_w == ww && s->want_h == wh && s->silhouette == silhouette &&
            strcmp(s->path, path) == 0) {
            s->used = ++im->clock;
            if (iw) *iw = s->w;
            if (ih) *ih = s->h;
            return s->tex;
        }
        if (!s->path || (victim->path && s->used < victim->used)) victim = s;
    }
    if (victim->tex) SDL_DestroyTexture(victim->tex);
    free(victim->path);
    *victim = (image_slot){.path = strdup(path), .want_w = ww, .want_h = wh, .silhouette = silhouette,
                           .used = ++im->clock};
    SDL_Surface *surf = load(path, w, h);
    if (surf && silhouette) surf = to_silhouette(surf);
    if (surf) {
        victim->tex = SDL_CreateTextureFromSurface(r, surf);
        victim->w = surf->w;
        victim->h = surf->h;
        SDL_FreeSurface(surf);
    } else {
        SDL_Log("plankiosk: cannot load image %s: %s", path, IMG_GetError());
    }
    victim->failed = !victim->tex;
    if (iw) *iw = victim->w;
    if (ih) *ih = victim->h;
    return victim->tex;
}

bool images_check_file(const char *path, char *why, int why_len) {
    SDL_Surface *s = load(path, 64, 64);
    if (!s) {
        snprintf(why, (size_t)why_len, "%s", IMG_GetError());
        return false;
    }
    bool ok = s->w > 0 && s->h > 0;
    if (!ok) snprintf(why, (size_t)why_len, "the image is empty");
    SDL_FreeSurface(s);
    return ok;
}
