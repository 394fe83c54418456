/* text: SDL_ttf behind a small cache, for every script plankiosk shows.
 * Fonts: each face (Latin and Arabic, regular and bold) is read into memory once; a TTF_Font is
 * opened from that memory per size in use, and the least recently used sizes are closed beyond
 * FONT_SLOTS. Blocks: a wrapped, aligned paragraph is rendered line by line into one surface
 * and kept as one texture, keyed by everything that changes its pixels (text, face, size,
 * width, alignment, colour), evicted least-recently-used beyond a byte budget.
 *
 * Two paths. Text with no Arabic letter, right-to-left letter or bidi control (all of English,
 * Polish, Slovak, Czech and Romanian) takes the fast path it always had: one SDL_ttf call per
 * line, no FriBidi, no runs. Other text takes the long way, line by line: cut into runs of one
 * face (script.c) and one direction (bidi.c), each run shaped by HarfBuzz through SDL_ttf with
 * its script ("Arab"/"Latn") and direction, and the runs drawn left to right in visual order
 * into one line surface on a common baseline. Measuring walks exactly the same runs as drawing,
 * so wrapping (which stays in logical order: wrap.c with a measure of shaped runs), fitting and
 * drawing agree to the pixel. Shaping needs per-font direction and script settings, so the long
 * way uses TTF_Fonts of its own ("shaped" slots) and the fast path's fonts are never changed.
 *
 * Direction: one for the whole text, every line and paragraph of it: the direction most of its
 * words are written in, a tie going to the first strong letter (bidi_text_is_rtl; UAX #9 lets a
 * higher-level protocol set it, HL1). UAX #9's own rule, the first strong letter, lays out the
 * shipped Urdu heading "Rotherham کا منصوبہ کیا ہے؟" left to right, with the question mark in
 * the middle; a config string is in one language, and most of its words say which. A wrapped
 * line that starts with "Jack" still reads right to left, and text_is_rtl() gives screens the
 * same answer the lines were laid out with.
 *
 * Why Noto Naskh Arabic (its UI build) and not Noto Nastaliq Urdu. Nastaliq is the style Urdu
 * readers know from print, but it is very tall: measured with SDL_ttf 2.20 at 32 px its line
 * skip is 80 px, against 55 px for Noto Naskh Arabic and 44 px for Noto Sans, and its steep
 * diagonal really fills it (the ink of a sample sentence is 72 px tall, against 36 px in
 * Naskh), while the sentence is about as wide in both (522 vs 512 px). Most of our boxes are
 * one or two lines tall, so the line skip decides the size: at 800x480 text_fit puts an Urdu
 * vision line (735x26, where English gets 19 px) at 10 px in Nastaliq, 15 px in Naskh; a
 * milestone date (152x21, English 15 px) does not fit Nastaliq even at 10 px. Noto Naskh Arabic
 * UI is the same Naskh design with vertical metrics made for interfaces: its line is exactly
 * Noto Sans's (44 px at 32 px), so Urdu gets the same size as English in every box (19 and
 * 15 px above) and layouts that size boxes with text_line_height() hold Urdu too. The price:
 * its glyphs sit about 0.13 em higher on the line than Noto Sans's, visible next to an English
 * word in a mixed line, and a vowel mark stacked on a tall or deep letter can touch the edge of
 * the line (plain Urdu letters never do; Urdu rarely writes those marks). Figures and method in
 * assets/README.md. */
#include "text/text.h"

#include <SDL_ttf.h>
#include <stdlib.h>
#include <string.h>

#include "text/bidi.h"
#include "text/utf8.h"

#define FONT_SLOTS 48 /* sizes in use x faces; a fit opens a few sizes of up to three fonts */
#define BLOCK_SLOTS 192
#define BLOCK_BUDGET (16u << 20) /* bytes of textures: about two 1080p slides of text */
#define GLYPH_SLOTS 256
#define RUNS_STACK 32 /* runs of a line kept on the stack; a line with more allocates */
#define CSTR_STACK 512

typedef struct font_slot {
    script_id face;
    font_role role;
    int px;
    bool shaped; /* direction and script are set before every use */
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
    void *face_data[SCRIPT_COUNT][FONT_ROLE_COUNT];
    size_t face_size[SCRIPT_COUNT][FONT_ROLE_COUNT];
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

static TTF_Font *font_get(text_ctx *t, script_id face, font_role role, int px, bool shaped);

/* Reads the Arabic face of one weight from the Latin face's folder. Absent or unusable is not
 * an error: Arabic then falls back (see face_for). */
static void load_arabic(text_ctx *t, font_role role, const char *latin_path) {
    static const char *const files[FONT_ROLE_COUNT] = {TEXT_ARABIC_REGULAR_FILE,
                                                       TEXT_ARABIC_BOLD_FILE};
    const char *slash = strrchr(latin_path, '/');
    size_t dir_len = slash ? (size_t)(slash - latin_path) + 1 : 0;
    size_t need = dir_len + strlen(files[role]) + 1;
    char *path = malloc(need);
    if (!path) return;
    memcpy(path, latin_path, dir_len);
    strcpy(path + dir_len, files[role]);
    t->face_data[SCRIPT_ARABIC][role] = SDL_LoadFile(path, &t->face_size[SCRIPT_ARABIC][role]);
    free(path);
    if (t->face_data[SCRIPT_ARABIC][role] && !font_get(t, SCRIPT_ARABIC, role, 20, true)) {
        SDL_free(t->face_data[SCRIPT_ARABIC][role]);
        t->face_data[SCRIPT_ARABIC][role] = NULL;
    }
}

text_ctx *text_create(const char *regular_path, const char *bold_path, pk_error *err) {
    if (!ttf_ready(err)) return NULL;
    text_ctx *t = calloc(1, sizeof *t);
    if (!t) return pk_fail(err, "out of memory"), NULL;
    const char *paths[FONT_ROLE_COUNT] = {regular_path, bold_path};
    for (int i = 0; i < FONT_ROLE_COUNT; i++) {
        t->face_data[SCRIPT_LATIN][i] = SDL_LoadFile(paths[i], &t->face_size[SCRIPT_LATIN][i]);
        if (!t->face_data[SCRIPT_LATIN][i]) {
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
    for (int i = 0; i < FONT_ROLE_COUNT; i++) load_arabic(t, (font_role)i, paths[i]);
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
    for (int s = 0; s < SCRIPT_COUNT; s++)
        for (int i = 0; i < FONT_ROLE_COUNT; i++) SDL_free(t->face_data[s][i]);
    free(t);
}

size_t text_cache_bytes(const text_ctx *t) { return t->block_bytes; }

text_cache_stats text_cache_info(const text_ctx *t) {
    text_cache_stats st = {.block_slots = BLOCK_SLOTS, .block_budget = BLOCK_BUDGET,
                           .glyph_slots = GLYPH_SLOTS, .font_slots = FONT_SLOTS};
    st.block_bytes = t->block_bytes;
    for (int i = 0; i < BLOCK_SLOTS; i++) st.blocks += t->blocks[i].tex != NULL;
    for (int i = 0; i < GLYPH_SLOTS; i++)
        if (t->glyphs[i].tex) {
            st.glyphs++;
            st.glyph_bytes += (size_t)t->glyphs[i].w * (size_t)t->glyphs[i].h * 4;
        }
    for (int i = 0; i < FONT_SLOTS; i++) st.fonts += t->fonts[i].font != NULL;
    return st;
}

bool text_has_face(const text_ctx *t, script_id script) {
    return script == SCRIPT_LATIN || (script < SCRIPT_COUNT && t->face_data[script][FONT_REGULAR]);
}

/* The face that really draws `face` at `role`: the Arabic bold falls back to the Arabic regular,
 * a missing Arabic face to the Latin one (whose missing glyphs then show as boxes). */
static void face_for(const text_ctx *t, script_id *face, font_role *role) {
    if (t->face_data[*face][*role]) return;
    if (*face == SCRIPT_ARABIC && t->face_data[SCRIPT_ARABIC][FONT_REGULAR])
        *role = FONT_REGULAR;
    else
        *face = SCRIPT_LATIN;
}

static TTF_Font *font_get(text_ctx *t, script_id face, font_role role, int px, bool shaped) {
    if (px < 6) px = 6;
    face_for(t, &face, &role);
    if (face != SCRIPT_LATIN) shaped = true; /* only Latin text takes the fast path */
    font_slot *victim = &t->fonts[0];
    for (int i = 0; i < FONT_SLOTS; i++) {
        font_slot *s = &t->fonts[i];
        if (s->font && s->face == face && s->role == role && s->px == px && s->shaped == shaped) {
            s->used = ++t->clock;
            return s->font;
        }
        if (!s->font || (victim->font && s->used < victim->used)) victim = s;
    }
    if (victim->font) TTF_CloseFont(victim->font);
    SDL_RWops *rw = SDL_RWFromConstMem(t->face_data[face][role], (int)t->face_size[face][role]);
    victim->font = rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
    /* With Naskh's own hinting, SDL_ttf re-runs FreeType's bytecode interpreter for nearly
     * every glyph (the many joining forms thrash its 256-slot glyph cache): a line measured
     * 3-4x slower than with the light autohinter, which also suits Arabic outlines. */
    if (victim->font && face == SCRIPT_ARABIC) TTF_SetFontHinting(victim->font, TTF_HINTING_LIGHT);
    victim->face = face;
    victim->role = role;
    victim->px = px;
    victim->shaped = shaped;
    victim->used = ++t->clock;
    return victim->font;
}

/* The fast path's font: Latin, never given a direction or script. */
static TTF_Font *font_at(text_ctx *t, font_role role, int px) {
    return font_get(t, SCRIPT_LATIN, role, px, false);
}

/* A font for one run, set up to shape it. */
static TTF_Font *run_font(text_ctx *t, script_id face, font_role role, int px, bool rtl) {
    TTF_Font *f = font_get(t, face, role, px, true);
    if (f) {
        TTF_SetFontDirection(f, rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
        TTF_SetFontScriptName(f, script_tag(face));
    }
    return f;
}

/* s[0..len) as a NUL-terminated string: in stack (CSTR_STACK bytes) when it fits, else
 * allocated; the caller frees it when it is not stack. NULL when out of memory. */
static char *cstr(const char *s, size_t len, char *stack) {
    char *buf = len < CSTR_STACK ? stack : malloc(len + 1);
    if (!buf) return NULL;
    memcpy(buf, s, len);
    buf[len] = '\0';
    return buf;
}

int text_line_height(text_ctx *t, font_role role, int px) {
    TTF_Font *f = font_at(t, role, px);
    return f ? TTF_FontLineSkip(f) : 0;
}

/* Where lines of a block sit: every line is skip tall with its baseline ascent from the top.
 * A block with Arabic letters takes the larger ascent and descent of the two faces, so lines
 * keep one spacing and the runs of a mixed line share one baseline. */
typedef struct line_metrics {
    int skip, ascent;
    int latin_ascent; /* where the fast path's surfaces have their baseline */
} line_metrics;

static line_metrics metrics_for(text_ctx *t, font_role role, int px, const char *s, size_t n) {
    line_metrics m = {0, 0, 0};
    TTF_Font *f = font_at(t, role, px);
    if (!f) return m;
    m.skip = TTF_FontLineSkip(f);
    m.ascent = m.latin_ascent = TTF_FontAscent(f);
    if (!text_has_face(t, SCRIPT_ARABIC) || !script_has_arabic(s, n)) return m;
    TTF_Font *a = font_get(t, SCRIPT_ARABIC, role, px, true);
    if (!a) return m;
    int descent = -TTF_FontDescent(f), a_descent = -TTF_FontDescent(a);
    if (a_descent > descent) descent = a_descent;
    if (TTF_FontAscent(a) > m.ascent) m.ascent = TTF_FontAscent(a);
    if (TTF_FontLineSkip(a) > m.skip) m.skip = TTF_FontLineSkip(a);
    if (m.ascent + descent > m.skip) m.skip = m.ascent + descent;
    return m;
}

int text_line_height_for(text_ctx *t, font_role role, int px, const char *s) {
    return metrics_for(t, role, px, s ? s : "", s ? strlen(s) : 0).skip;
}

/* The fast path's measure: one SDL_ttf call. */
static int measure_plain(TTF_Font *f, const char *s, size_t len) {
    char stack[CSTR_STACK];
    char *buf = cstr(s, len, stack);
    if (!buf) return 1 << 20;
    int w = 0;
    TTF_SizeUTF8(f, buf, &w, NULL);
    if (buf != stack) free(buf);
    return w;
}

/* --- The long way: a line as runs of one face and one direction, in visual order. --- */

typedef struct piece {
    size_t start, len; /* byte span in the line */
    script_id face;
    bool rtl;
    int w; /* shaped width in px */
} piece;

typedef struct line_layout {
    piece *p;
    int n, w;
    piece stack[RUNS_STACK];
} line_layout;

typedef struct glyph_ud {
    text_ctx *t;
    font_role role;
    int px;
    TTF_Font *font[SCRIPT_COUNT]; /* looked up on first use */
} glyph_ud;

static bool has_glyph(void *ud, script_id face, uint32_t cp) {
    glyph_ud *g = ud;
    if (!g->font[face]) g->font[face] = font_get(g->t, face, g->role, g->px, true);
    return g->font[face] && TTF_GlyphIsProvided32(g->font[face], cp);
}

/* Runs of one face, in a stack buffer or (many runs) allocated: free *out if it is not stack. */
static int face_runs(text_ctx *t, font_role role, int px, const char *s, size_t len,
                     script_run *stack, script_run **out) {
    glyph_ud g = {t, role, px, {NULL, NULL}};
    *out = stack;
    int n = script_runs(s, len, has_glyph, &g, stack, RUNS_STACK);
    if (n > RUNS_STACK) {
        *out = malloc((size_t)n * sizeof **out);
        if (!*out) return *out = stack, RUNS_STACK;
        script_runs(s, len, has_glyph, &g, *out, n);
    }
    return n;
}

static int direction_runs(const char *s, size_t len, bidi_dir base, bidi_run *stack,
                          bidi_run **out) {
    *out = stack;
    int n = bidi_visual_runs_dir(s, len, base, stack, RUNS_STACK);
    if (n > RUNS_STACK) {
        *out = malloc((size_t)n * sizeof **out);
        if (!*out) return *out = stack, RUNS_STACK;
        bidi_visual_runs_dir(s, len, base, *out, n);
    }
    return n;
}

static void layout_free(line_layout *l) {
    if (l->p != l->stack) free(l->p);
    l->p = NULL;
}

/* Cuts the line s[0..len) into pieces (a direction run split where the face changes), in
 * visual order, and measures each shaped. Returns false when out of memory. */
static bool layout_line(text_ctx *t, font_role role, int px, const char *s, size_t len,
                        bidi_dir base, line_layout *l) {
    l->p = l->stack;
    l->n = l->w = 0;
    script_run sr_stack[RUNS_STACK], *sr;
    bidi_run br_stack[RUNS_STACK], *br;
    int nsr = face_runs(t, role, px, s, len, sr_stack, &sr);
    int nbr = direction_runs(s, len, base, br_stack, &br);
    int cap = nsr + nbr;
    if (cap > RUNS_STACK) l->p = malloc((size_t)cap * sizeof *l->p);
    bool ok = l->p != NULL;
    for (int b = 0; ok && b < nbr; b++) {
        size_t b0 = br[b].start, b1 = br[b].start + br[b].len;
        int first = 0;
        while (first < nsr && sr[first].start + sr[first].len <= b0) first++;
        int last = first;
        while (last + 1 < nsr && sr[last + 1].start < b1) last++;
        /* Inside a right-to-left run the faces' pieces go right to left too. */
        for (int k = 0; k <= last - first && first < nsr; k++) {
            const script_run *r = &sr[br[b].rtl ? last - k : first + k];
            size_t p0 = r->start > b0 ? r->start : b0;
            size_t p1 = r->start + r->len < b1 ? r->start + r->len : b1;
            if (p1 > p0 && l->n < cap) l->p[l->n++] = (piece){p0, p1 - p0, r->script, br[b].rtl, 0};
        }
    }
    for (int i = 0; ok && i < l->n; i++) {
        TTF_Font *f = run_font(t, l->p[i].face, role, px, l->p[i].rtl);
        char stack[CSTR_STACK];
        char *buf = f ? cstr(s + l->p[i].start, l->p[i].len, stack) : NULL;
        if (buf) TTF_SizeUTF8(f, buf, &l->p[i].w, NULL);
        if (buf != stack) free(buf);
        l->w += l->p[i].w;
    }
    if (sr != sr_stack) free(sr);
    if (br != br_stack) free(br);
    if (!ok) l->p = l->stack;
    return ok;
}

/* Width of a line the long way (complex text) or the fast way (plain LTR Latin). */
static int line_width(text_ctx *t, font_role role, int px, const char *s, size_t len,
                      bidi_dir base) {
    if (base != BIDI_RTL && !script_is_complex(s, len)) {
        TTF_Font *f = font_at(t, role, px);
        return f ? measure_plain(f, s, len) : 0;
    }
    line_layout l;
    if (!layout_line(t, role, px, s, len, base, &l)) return 1 << 20;
    int w = l.w;
    layout_free(&l);
    return w;
}

/* Renders one line the long way: each piece shaped into its own surface, blended onto a line
 * surface skip tall at its baseline. The line surface is filled with the text colour at zero
 * alpha so blending leaves the colour unchanged and only adds coverage. */
static SDL_Surface *render_shaped(text_ctx *t, font_role role, int px, const char *s, size_t len,
                                  bidi_dir base, SDL_Color c, line_metrics m) {
    line_layout l;
    if (!layout_line(t, role, px, s, len, base, &l)) return NULL;
    SDL_Surface *line =
        l.w > 0 ? SDL_CreateRGBSurfaceWithFormat(0, l.w, m.skip, 32, SDL_PIXELFORMAT_ARGB8888)
                : NULL;
    if (line) SDL_FillRect(line, NULL, SDL_MapRGBA(line->format, c.r, c.g, c.b, 0));
    for (int i = 0, x = 0; line && i < l.n; x += l.p[i].w, i++) {
        TTF_Font *f = run_font(t, l.p[i].face, role, px, l.p[i].rtl);
        char stack[CSTR_STACK];
        char *buf = f ? cstr(s + l.p[i].start, l.p[i].len, stack) : NULL;
        SDL_Surface *run = buf ? TTF_RenderUTF8_Blended(f, buf, c) : NULL;
        if (buf != stack) free(buf);
        if (!run) continue;
        SDL_Rect dst = {x, m.ascent - TTF_FontAscent(f), run->w, run->h};
        SDL_SetSurfaceBlendMode(run, SDL_BLENDMODE_BLEND);
        SDL_BlitSurface(run, NULL, line, &dst);
        SDL_FreeSurface(run);
    }
    layout_free(&l);
    return line;
}

typedef struct measure_ud {
    TTF_Font *font; /* the fast path */
    text_ctx *t;    /* the long way: */
    font_role role;
    int px;
    bool rtl; /* the direction of the whole text */
} measure_ud;

static int measure_cb(void *ud, const char *s, size_t len) {
    return measure_plain(((measure_ud *)ud)->font, s, len);
}

/* Measures a candidate line of the wrapped text in the text's direction. */
static int measure_shaped_cb(void *ud, const char *s, size_t len) {
    measure_ud *m = ud;
    return line_width(m->t, m->role, m->px, s, len, m->rtl ? BIDI_RTL : BIDI_LTR);
}

int text_measure(text_ctx *t, font_role role, int px, const char *s, size_t len) {
    TTF_Font *f = font_at(t, role, px);
    if (!f) return 0;
    if (!script_is_complex(s, len)) return measure_plain(f, s, len);
    return line_width(t, role, px, s, len, bidi_text_is_rtl(s, len) ? BIDI_RTL : BIDI_LTR);
}

int text_wrap(text_ctx *t, font_role role, int px, const char *s, int width, wrap_line *lines,
              int max) {
    size_t n = strlen(s);
    measure_ud ud = {font_at(t, role, px), t, role, px, false};
    if (!ud.font) return 0;
    if (!script_is_complex(s, n)) return wrap_text(s, width, measure_cb, &ud, lines, max);
    ud.rtl = bidi_text_is_rtl(s, n);
    return wrap_text(s, width, measure_shaped_cb, &ud, lines, max);
}

void text_tail_of(text_ctx *t, font_role role, int px, const char *s, int width, int max_lines,
                  text_tail *out) {
    *out = (text_tail){0};
    wrap_line lines[TEXT_MAX_LINES];
    if (max_lines > TEXT_MAX_LINES) max_lines = TEXT_MAX_LINES;
    if (max_lines < 1) max_lines = 1;
    size_t total = strlen(s), end = 0;
    measure_ud ud = {font_at(t, role, px), t, role, px, false};
    if (!ud.font) return;
    bool complex = script_is_complex(s, total);
    ud.rtl = complex && bidi_text_is_rtl(s, total);
    int n = wrap_tail(s, width, complex ? measure_shaped_cb : measure_cb, &ud, lines, max_lines);
    int shown = n < max_lines ? n : max_lines;
    if (shown > 0) {
        /* Only here may the lines be read: a text of spaces has none. */
        const wrap_line *last = &lines[shown - 1];
        out->start = lines[0].start;
        out->lines = shown;
        out->caret_line = shown - 1;
        out->line_w = text_measure(t, role, px, s + last->start, last->len);
        end = last->start + last->len;
    }
    /* What follows the last line: spaces move the caret on; a newline opens a line of its own. */
    const char *nl = memchr(s + end, '\n', total - end);
    if (nl && shown > 0) {
        out->caret_line = shown, out->line_w = 0;
        end = (size_t)(nl - s) + 1;
    }
    out->caret_x = out->line_w;
    if (end < total) out->caret_x += text_measure(t, role, px, s + end, total - end);
}

static bool block_fits(text_ctx *t, font_role role, int px, const char *s, int w, int h) {
    wrap_line lines[TEXT_MAX_LINES];
    int n = text_wrap(t, role, px, s, w, lines, TEXT_MAX_LINES);
    return n <= TEXT_MAX_LINES && n * text_line_height_for(t, role, px, s) <= h &&
           text_block_width(t, role, px, s, w) <= w;
}

char *text_ellipsize(text_ctx *t, font_role role, int px, const char *s, int w, int h, char *out,
                     size_t size) {
    static const char dots[] = "\xE2\x80\xA6"; /* U+2026 */
    size_t len = strlen(s);
    if (size < sizeof dots) return size ? (out[0] = '\0', out) : out;
    if (len < size && block_fits(t, role, px, s, w, h)) return memcpy(out, s, len + 1);
    /* Binary search on character boundaries: the longest prefix that fits with the dots. */
    size_t lo = 0, hi = len < size - sizeof dots ? len : size - sizeof dots;
    while (hi > 0 && hi < len && (s[hi] & 0xC0) == 0x80) hi--;
    while (lo < hi) {
        size_t mid = lo + (hi - lo + 1) / 2;
        while (mid < hi && (s[mid] & 0xC0) == 0x80) mid++; /* on a character's first byte */
        memcpy(out, s, mid);
        memcpy(out + mid, dots, sizeof dots);
        if (block_fits(t, role, px, out, w, h)) lo = mid;
        else hi = utf8_prev(s, mid);
    }
    /* End on a word where one ends in the last few characters, as people cut text. */
    size_t cut = lo;
    for (size_t back = lo, k = 0; back > 0 && k < 16; k++) {
        back = utf8_prev(s, back);
        if (s[back] == ' ') {
            cut = back;
            break;
        }
    }
    while (cut > 0 && s[cut - 1] == ' ') cut--;
    memcpy(out, s, cut);
    memcpy(out + cut, dots, sizeof dots);
    return out;
}

int text_block_height(text_ctx *t, font_role role, int px, const char *s, int width) {
    wrap_line lines[TEXT_MAX_LINES];
    int n = text_wrap(t, role, px, s, width, lines, TEXT_MAX_LINES);
    return n * text_line_height_for(t, role, px, s);
}

int text_block_width(text_ctx *t, font_role role, int px, const char *s, int width) {
    wrap_line lines[TEXT_MAX_LINES];
    size_t len = strlen(s);
    bool complex = script_is_complex(s, len);
    bidi_dir dir = complex && bidi_text_is_rtl(s, len) ? BIDI_RTL : BIDI_LTR;
    int n = text_wrap(t, role, px, s, width, lines, TEXT_MAX_LINES), widest = 0;
    for (int i = 0; i < n && i < TEXT_MAX_LINES; i++) {
        const char *line = s + lines[i].start;
        int w = !complex ? text_measure(t, role, px, line, lines[i].len)
                         : line_width(t, role, px, line, lines[i].len, dir);
        if (w > widest) widest = w;
    }
    return widest;
}

/* Fits when the block is short enough and no single word had to be split across lines. */
static bool fits_at(text_ctx *t, font_role role, const char *s, int w, int h, int px) {
    wrap_line lines[TEXT_MAX_LINES];
    int n = text_wrap(t, role, px, s, w, lines, TEXT_MAX_LINES);
    if (n > TEXT_MAX_LINES || n * text_line_height_for(t, role, px, s) > h) return false;
    for (int i = 0; i < n; i++) {
        size_t end = lines[i].start + lines[i].len;
        char c = s[end];
        /* A line ending mid-word (not at space, newline, hyphen, slash or the end) was split. */
        if (c && c != ' ' && c != '\n' && lines[i].len && s[end - 1] != '-' && s[end - 1] != '/')
            return false;
        /* A single character wider than the box cannot be split, so wrapping cannot show it:
         * a key label at a large size, say. Longer lines were split above if too wide. */
        if (lines[i].len <= 4 && text_measure(t, role, px, s + lines[i].start, lines[i].len) > w) return false;
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
    size_t len = strlen(s);
    bool complex = script_is_complex(s, len);
    line_metrics m = metrics_for(t, role, px, s, len);
    int skip = m.skip, block_w = 0;
    SDL_Surface *line_s[TEXT_MAX_LINES] = {0};
    int line_y[TEXT_MAX_LINES] = {0};
    bool rtl = complex && bidi_text_is_rtl(s, len);
    SDL_Color c = {color.r, color.g, color.b, 255};
    for (int i = 0; i < n; i++) {
        if (!lines[i].len) continue;
        const char *line = s + lines[i].start;
        if (rtl || (complex && script_is_complex(line, lines[i].len))) {
            line_s[i] =
                render_shaped(t, role, px, line, lines[i].len, rtl ? BIDI_RTL : BIDI_LTR, c, m);
        } else {
            char stack[CSTR_STACK];
            char *buf = cstr(line, lines[i].len, stack);
            if (!buf) continue;
            line_s[i] = TTF_RenderUTF8_Blended(f, buf, c);
            if (buf != stack) free(buf);
            line_y[i] = m.ascent - m.latin_ascent; /* onto the block's baseline */
        }
        if (line_s[i] && line_s[i]->w > block_w) block_w = line_s[i]->w;
    }
    if (block_w > width) block_w = width;
    int block_h = n * skip;
    SDL_Texture *tex = NULL;
    SDL_Surface *block =
        block_w > 0 && block_h > 0
            ? SDL_CreateRGBSurfaceWithFormat(0, width, block_h, 32, SDL_PIXELFORMAT_ARGB8888)
            : NULL;
    if (block) {
        for (int i = 0; i < n; i++) {
            if (!line_s[i]) continue;
            /* ALIGN_LEFT is the start of the line: the right edge in right-to-left text. */
            bool at_right = align == ALIGN_RIGHT || (align == ALIGN_LEFT && rtl);
            int x = align == ALIGN_CENTER ? (width - line_s[i]->w) / 2
                    : at_right            ? width - line_s[i]->w
                                          : 0;
            SDL_Rect dst = {x, i * skip + line_y[i], line_s[i]->w, line_s[i]->h};
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
    Uint64 key =
        hash_bytes(hash_bytes(1469598103934665603ull, nums, sizeof nums), &color, sizeof color);
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
    if (f && script_is_complex(s, strlen(s)))
        return line_width(t, role, px, s, strlen(s), text_is_rtl(s) ? BIDI_RTL : BIDI_LTR);
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

/* A changing number whose prefix or suffix is Urdu cannot be composed glyph by glyph (letters
 * join and runs reorder): it is shaped as one line and drawn from a texture made for this frame
 * only, so the block cache is not flooded with every value of a count-up. */
static void draw_shaped_once(text_ctx *t, SDL_Renderer *r, font_role role, int px, const char *s,
                             pk_rect box, draw_align align, pk_color color, Uint8 alpha) {
    size_t n = strlen(s);
    bool rtl = text_is_rtl(s);
    line_metrics m = metrics_for(t, role, px, s, n);
    SDL_Surface *line = render_shaped(t, role, px, s, n, rtl ? BIDI_RTL : BIDI_LTR,
                                      (SDL_Color){color.r, color.g, color.b, 255}, m);
    if (!line) return;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(r, line);
    if (tex) {
        bool at_right = align == ALIGN_RIGHT || (align == ALIGN_LEFT && rtl);
        int x = align == ALIGN_CENTER ? box.x + (box.w - line->w) / 2
                : at_right            ? box.x + box.w - line->w
                                      : box.x;
        /* The glyph path puts the Latin baseline latin_ascent below box.y: keep it there. */
        SDL_Rect dst = {x, box.y + m.latin_ascent - m.ascent, line->w, line->h};
        SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
        SDL_SetTextureAlphaMod(tex, alpha);
        SDL_RenderCopy(r, tex, NULL, &dst);
        SDL_DestroyTexture(tex);
    }
    SDL_FreeSurface(line);
}

void text_draw_glyphs(text_ctx *t, SDL_Renderer *r, font_role role, int px, const char *s,
                      pk_rect box, draw_align align, pk_color color, Uint8 alpha) {
    if (script_is_complex(s, strlen(s))) {
        draw_shaped_once(t, r, role, px, s, box, align, color, alpha);
        return;
    }
    int w = text_glyphs_width(t, role, px, s);
    int x = align == ALIGN_LEFT     ? box.x
            : align == ALIGN_CENTER ? box.x + (box.w - w) / 2
                                    : box.x + box.w - w;
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

bool text_is_rtl(const char *s) { return s && bidi_text_is_rtl(s, strlen(s)); }

int text_script_runs(text_ctx *t, font_role role, const char *s, size_t len, script_run *out,
                     int max) {
    glyph_ud g = {t, role, 20, {NULL, NULL}};
    return script_runs(s, len, has_glyph, &g, out, max);
}

bool text_glyphs_provided(text_ctx *t, font_role role, const char *s, uint32_t *missing,
                          size_t *at) {
    size_t len = strlen(s);
    script_run stack[RUNS_STACK], *runs;
    int n = face_runs(t, role, 20, s, len, stack, &runs);
    bool ok = true;
    for (int k = 0; ok && k < n; k++) {
        TTF_Font *f = font_get(t, runs[k].script, role, 20, true);
        for (size_t i = runs[k].start, end = i + runs[k].len; ok && i < end;) {
            uint32_t cp;
            size_t here = i;
            i += (size_t)utf8_decode(s + i, end - i, &cp);
            if (script_is_invisible(cp) || (f && TTF_GlyphIsProvided32(f, cp))) continue;
            ok = false;
            if (missing) *missing = cp;
            if (at) *at = here;
        }
    }
    if (runs != stack) free(runs);
    return ok;
}
