/* text: SDL_ttf behind a small cache.
 * Fonts: each face is read into memory once; a TTF_Font is opened from that memory per size in
 * use, and the least recently used sizes are closed beyond FONT_SLOTS. Blocks: a wrapped,
 * aligned paragraph is rendered line by line into one surface and kept as one texture, keyed by
 * everything that changes its pixels (text, face, size, width, alignment, colour), evicted
 * least-recently-used beyond a byte budget. */
#include "text/text.h"

#include <SDL_ttf.h>
#include <stdlib.h>
#include <string.h>

#include "text/utf8.h"

#define FONT_SLOTS 24
#define BLOCK_SLOTS 192
#define BLOCK_BUDGET (16u << 20) /* bytes of textures: about two 1080p slides of text */
#define GLYPH_SLOTS 256

typedef struct font_slot {
    font_role role;
    int px;
    TTF_Font *font;
    unsigned long used;
} font_slot;

typedef struct block_slot {
    Uint64 key;
    SDL_Texture *tex;
    int w, h;
    unsigned long used;
} block_slot;

typedef struct glyph_slot {
    Uint64 key;
    SDL_Texture *tex;
    int w, h, advance;
} glyph_slot;

struct text_ctx {
    void *face_data[FONT_ROLE_COUNT];
    size_t face_size[FONT_ROLE_COUNT];
    font_slot fonts[FONT_SLOTS];
    block_slot blocks[BLOCK_SLOTS];
    glyph_slot glyphs[GLYPH_SLOTS];
    size_t block_bytes;
    unsigned long clock;
};

static bool ttf_ready(pk_error *err) {
    if (TTF_WasInit() || TTF_Init() == 0) return true;
    return pk_fail(err, "cannot start the font engine: %s", TTF_GetError());
}

text_ctx *text_create(const char *regular_path, const char *bold_path, pk_error *err) {
    if (!ttf_ready(err)) return NULL;
    text_ctx *t = calloc(1, sizeof *t);
    if (!t) return pk_fail(err, "out of memory"), NULL;
    const char *paths[FONT_ROLE_COUNT] = {regular_path, bold_path};
    for (int i = 0; i < FONT_ROLE_COUNT; i++) {
        t->face_data[i] = SDL_LoadFile(paths[i], &t->face_size[i]);
        if (!t->face_data[i]) {
            pk_fail(err, "cannot read font %s: %s", paths[i], SDL_GetError());
            text_free(t);
            return NULL;
        }
    }
    /* Open one size now so a file that is not a font fails here, not mid-loop. */
    if (text_line_height(t, FONT_REGULAR, 20) <= 0 || text_line_height(t, FONT_BOLD, 20) <= 0) {
        pk_fail(err, "cannot use the fonts %s, %s: %s", regular_path, bold_path, TTF_GetError());
        text_free(t);
        return NULL;
    }
    return t;
}

void text_drop_textures(text_ctx *t) {
    if (!t) return;
    for (int i = 0; i < BLOCK_SLOTS; i++) {
        if (t->blocks[i].tex) SDL_DestroyTexture(t->blocks[i].tex);
        t->blocks[i] = (block_slot){0};
    }
    for (int i = 0; i < GLYPH_SLOTS; i++) {
        if (t->glyphs[i].tex) SDL_DestroyTexture(t->glyphs[i].tex);
        t->glyphs[i] = (glyph_slot){0};
    }
    t->block_bytes = 0;
}

void text_free(text_ctx *t) {
    if (!t) return;
    text_drop_textures(t);
    for (int i = 0; i < FONT_SLOTS; i++)
        if (t->fonts[i].font) TTF_CloseFont(t->fonts[i].font);
    for (int i = 0; i < FONT_ROLE_COUNT; i++) SDL_free(t->face_data[i]);
    free(t);
}

size_t text_cache_bytes(const text_ctx *t) { return t->block_bytes; }

static TTF_Font *font_at(text_ctx *t, font_role role, int px) {
    if (px < 6) px = 6;
    font_slot *victim = &t->fonts[0];
    for (int i = 0; i < FONT_SLOTS; i++) {
        font_slot *s = &t->fonts[i];
        if (s->font && s->role == role && s->px == px) {
            s->used = ++t->clock;
            return s->font;
        }
        if (!s->font || (victim->font && s->used < victim->used)) victim = s;
    }
    if (victim->font) TTF_CloseFont(victim->font);
    SDL_RWops *rw = SDL_RWFromConstMem(t->face_data[role], (int)t->face_size[role]);
    victim->font = rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
    victim->role = role;
    victim->px = px;
    victim->used = ++t->clock;
    return victim->font;
}

int text_line_height(text_ctx *t, font_role role, int px) {
    TTF_Font *f = font_at(t, role, px);
    return f ? TTF_FontLineSkip(f) : 0;
}

typedef struct measure_ud {
    TTF_Font *font;
} measure_ud;

static int measure_cb(void *ud, const char *s, size_t len) {
    char stack[512];
    char *buf = len < sizeof stack ? stack : malloc(len + 1);
    if (!buf) return 1 << 20;
    memcpy(buf, s, len);
    buf[len] = '\0';
    int w = 0;
    TTF_SizeUTF8(((measure_ud *)ud)->font, buf, &w, NULL);
    if (buf != stack) free(buf);
    return w;
}

int text_measure(text_ctx *t, font_role role, int px, const char *s, size_t len) {
    measure_ud ud = {font_at(t, role, px)};
    return ud.font ? measure_cb(&ud, s, len) : 0;
}

int text_wrap(text_ctx *t, font_role role, int px, const char *s, int width, wrap_line *lines,
              int max) {
    measure_ud ud = {font_at(t, role, px)};
    if (!ud.font) return 0;
    return wrap_text(s, width, measure_cb, &ud, lines, max);
}

int text_block_height(text_ctx *t, font_role role, int px, const char *s, int width) {
    wrap_line lines[TEXT_MAX_LINES];
    int n = text_wrap(t, role, px, s, width, lines, TEXT_MAX_LINES);
    return n * text_line_height(t, role, px);
}

int text_block_width(text_ctx *t, font_role role, int px, const char *s, int width) {
    wrap_line lines[TEXT_MAX_LINES];
    int n = text_wrap(t, role, px, s, width, lines, TEXT_MAX_LINES), widest = 0;
    for (int i = 0; i < n && i < TEXT_MAX_LINES; i++) {
        int w = text_measure(t, role, px, s + lines[i].start, lines[i].len);
        if (w > widest) widest = w;
    }
    return widest;
}

/* Fits when the block is short enough and no single word had to be split across lines. */
static bool fits_at(text_ctx *t, font_role role, const char *s, int w, int h, int px) {
    wrap_line lines[TEXT_MAX_LINES];
    int n = text_wrap(t, role, px, s, w, lines, TEXT_MAX_LINES);
    if (n > TEXT_MAX_LINES || n * text_line_height(t, role, px) > h) return false;
    for (int i = 0; i < n; i++) {
        size_t end = lines[i].start + lines[i].len;
        char c = s[end];
        /* A line ending mid-word (not at space, newline, hyphen, slash or the end) was split. */
        if (c && c != ' ' && c != '\n' && lines[i].len && s[end - 1] != '-' && s[end - 1] != '/')
            return false;
    }
    return true;
}

int text_fit(text_ctx *t, font_role role, const char *s, int w, int h, int min_px, int max_px,
             bool *fits) {
    if (max_px < min_px) max_px = min_px;
    if (fits) *fits = true;
    if (fits_at(t, role, s, w, h, max_px)) return max_px;
    /* Binary search the largest fitting size: the fitting predicate is monotonic in practice. */
    int lo = min_px, hi = max_px - 1;
    if (!fits_at(t, role, s, w, h, lo)) {
        /* Below the designed minimum rather than clip: shrink until it fits, down to 10 px. */
        for (int px = min_px - 1; px >= 10; px--)
            if (fits_at(t, role, s, w, h, px)) return px;
        if (fits) *fits = false;
        return 10;
    }
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (fits_at(t, role, s, w, h, mid))
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

static Uint64 hash_bytes(Uint64 h, const void *p, size_t n) {
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * 1099511628211ull;
    return h;
}

static Uint64 block_key(font_role role, int px, const char *s, int width, draw_align align,
                        pk_color color) {
    int nums[4] = {(int)role, px, width, (int)align};
    Uint64 h = hash_bytes(14695981039346656037ull, nums, sizeof nums);
    h = hash_bytes(h, &color, sizeof color);
    return hash_bytes(h, s, strlen(s));
}

static void evict_blocks(text_ctx *t, size_t need) {
    while (t->block_bytes + need > BLOCK_BUDGET) {
        block_slot *old = NULL;
        for (int i = 0; i < BLOCK_SLOTS; i++)
            if (t->blocks[i].tex && (!old || t->blocks[i].used < old->used)) old = &t->blocks[i];
        if (!old) return;
        t->block_bytes -= (size_t)old->w * (size_t)old->h * 4;
        SDL_DestroyTexture(old->tex);
        *old = (block_slot){0};
    }
}

static SDL_Texture *render_block(text_ctx *t, SDL_Renderer *r, font_role role, int px,
                                 const char *s, int width, draw_align align, pk_color color,
                                 int *out_w, int *out_h) {
    TTF_Font *f = font_at(t, role, px);
    if (!f) return NULL;
    wrap_line lines[TEXT_MAX_LINES];
    int n = text_wrap(t, role, px, s, width, lines, TEXT_MAX_LINES);
    if (n > TEXT_MAX_LINES) n = TEXT_MAX_LINES;
    int skip = TTF_FontLineSkip(f), block_w = 0;
    SDL_Surface *line_s[TEXT_MAX_LINES] = {0};
    SDL_Color c = {color.r, color.g, color.b, 255};
    for (int i = 0; i < n; i++) {
        if (!lines[i].len) continue;
        char *buf = malloc(lines[i].len + 1);
        if (!buf) continue;
        memcpy(buf, s + lines[i].start, lines[i].len);
        buf[lines[i].len] = '\0';
        line_s[i] = TTF_RenderUTF8_Blended(f, buf, c);
        free(buf);
        if (line_s[i] && line_s[i]->w > block_w) block_w = line_s[i]->w;
    }
    if (block_w > width) block_w = width;
    int block_h = n * skip;
    SDL_Texture *tex = NULL;
    SDL_Surface *block = block_w > 0 && block_h > 0
                             ? SDL_CreateRGBSurfaceWithFormat(0, width, block_h, 32,
                                                              SDL_PIXELFORMAT_ARGB8888)
                             : NULL;
    if (block) {
        for (int i = 0; i < n; i++) {
            if (!line_s[i]) continue;
            int x = align == ALIGN_LEFT     ? 0
                    : align == ALIGN_CENTER ? (width - line_s[i]->w) / 2
                                            : width - line_s[i]->w;
            SDL_Rect dst = {x, i * skip, line_s[i]->w, line_s[i]->h};
            SDL_SetSurfaceBlendMode(line_s[i], SDL_BLENDMODE_NONE);
            SDL_BlitSurface(line_s[i], NULL, block, &dst);
        }
        tex = SDL_CreateTextureFromSurface(r, block);
        if (tex) SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
        *out_w = width;
        *out_h = block_h;
        SDL_FreeSurface(block);
    }
    for (int i = 0; i < n; i++) SDL_FreeSurface(line_s[i]);
    return tex;
}

void text_draw(text_ctx *t, SDL_Renderer *r, font_role role, int px, const char *s, pk_rect box,
               draw_align align, bool middle, pk_color color, Uint8 alpha) {
    if (!s || !*s || box.w <= 0) return;
    Uint64 key = block_key(role, px, s, box.w, align, color);
    block_slot *slot = NULL, *free_slot = NULL, *old = NULL;
    for (int i = 0; i < BLOCK_SLOTS; i++) {
        block_slot *b = &t->blocks[i];
        if (b->tex && b->key == key) {
            slot = b;
            break;
        }
        if (!b->tex && !free_slot) free_slot = b;
        if (b->tex && (!old || b->used < old->used)) old = b;
    }
    if (!slot) {
        int w = 0, h = 0;
        SDL_Texture *tex = render_block(t, r, role, px, s, box.w, align, color, &w, &h);
        if (!tex) return;
        evict_blocks(t, (size_t)w * (size_t)h * 4);
        if (!free_slot) {
            for (int i = 0; i < BLOCK_SLOTS && !free_slot; i++)
                if (!t->blocks[i].tex) free_slot = &t->blocks[i];
        }
        if (!free_slot) { /* all slots busy: reuse the least recently used */
            if (old && old->tex) {
                t->block_bytes -= (size_t)old->w * (size_t)old->h * 4;
                SDL_DestroyTexture(old->tex);
            }
            free_slot = old ? old : &t->blocks[0];
        }
        slot = free_slot;
        *slot = (block_slot){key, tex, w, h, 0};
        t->block_bytes += (size_t)w * (size_t)h * 4;
    }
    slot->used = ++t->clock;
    int y = box.y + (middle && slot->h < box.h ? (box.h - slot->h) / 2 : 0);
    SDL_Rect dst = {box.x, y, slot->w, slot->h};
    SDL_SetTextureAlphaMod(slot->tex, alpha);
    SDL_RenderCopy(r, slot->tex, NULL, &dst);
}

static glyph_slot *glyph(text_ctx *t, SDL_Renderer *r, font_role role, int px, Uint32 cp,
                         pk_color color) {
    int nums[3] = {(int)role, px, (int)cp};
    Uint64 key = hash_bytes(hash_bytes(1469598103934665603ull, nums, sizeof nums), &color,
                            sizeof color);
    glyph_slot *g = &t->glyphs[key % GLYPH_SLOTS]; /* direct-mapped: a clash just re-renders */
    if (g->key == key && (g->tex || g->advance)) return g;
    if (g->tex) SDL_DestroyTexture(g->tex);
    *g = (glyph_slot){key, NULL, 0, 0, 0};
    TTF_Font *f = font_at(t, role, px);
    if (!f) return g;
    int minx, maxx, miny, maxy, adv = 0;
    TTF_GlyphMetrics32(f, cp, &minx, &maxx, &miny, &maxy, &adv);
    g->advance = adv;
    if (cp == ' ') return g;
    SDL_Surface *s = TTF_RenderGlyph32_Blended(f, cp, (SDL_Color){color.r, color.g, color.b, 255});
    if (!s) return g;
    g->tex = SDL_CreateTextureFromSurface(r, s);
    g->w = s->w;
    g->h = s->h;
    if (g->tex) SDL_SetTextureBlendMode(g->tex, SDL_BLENDMODE_BLEND);
    SDL_FreeSurface(s);
    return g;
}

int text_glyphs_width(text_ctx *t, font_role role, int px, const char *s) {
    TTF_Font *f = font_at(t, role, px);
    int w = 0;
    for (size_t i = 0, n = strlen(s); f && i < n;) {
        Uint32 cp;
        i += (size_t)utf8_decode(s + i, n - i, &cp);
        int minx, maxx, miny, maxy, adv = 0;
        TTF_GlyphMetrics32(f, cp, &minx, &maxx, &miny, &maxy, &adv);
        w += adv;
    }
    return w;
}

void text_draw_glyphs(text_ctx *t, SDL_Renderer *r, font_role role, int px, const char *s,
                      pk_rect box, draw_align align, pk_color color, Uint8 alpha) {
    int w = text_glyphs_width(t, role, px, s);
    int x = align == ALIGN_LEFT ? box.x : align == ALIGN_CENTER ? box.x + (box.w - w) / 2 : box.x + box.w - w;
    for (size_t i = 0, n = strlen(s); i < n;) {
        Uint32 cp;
        i += (size_t)utf8_decode(s + i, n - i, &cp);
        glyph_slot *g = glyph(t, r, role, px, cp, color);
        if (g->tex) {
            SDL_Rect dst = {x, box.y, g->w, g->h};
            SDL_SetTextureAlphaMod(g->tex, alpha);
            SDL_RenderCopy(r, g->tex, NULL, &dst);
        }
        x += g->advance;
    }
}
