/* fuzz_text: the text path, without a window, on any bytes: UTF-8 (utf8.h), the faces each
 * character is drawn with (script.h), bidi runs (bidi.h, GNU FriBidi), greedy wrapping
 * (wrap.h), and text.h with the shipped Noto fonts: measuring, wrapping, the end of a typed
 * text, ellipsizing, fitting and drawing into a software renderer on a plain surface.
 *
 * Words reach the screen from the config, a keyboard and (on the staff screen and in the
 * report) from logs, so no bytes may crash, leak or reach undefined behaviour here. Beyond
 * that, each module's contract is checked: decoding always moves on and round-trips, runs
 * cover the text exactly once, wrapped lines stay inside the text, in order, never split a
 * character of valid UTF-8, fit the width unless one character alone is wider, and the tail
 * of a wrap is the end of the whole wrap.
 *
 * The first three bytes choose the width, the size and the direction; the rest is the text. */
#include <SDL.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/bidi.h"
#include "text/script.h"
#include "text/text.h"
#include "text/utf8.h"
#include "text/wrap.h"

#define FONTS FUZZ_SOURCE_DIR "/assets/fonts/"
#define MAX_RUNS 32
#define MAX_WRAP 16
#define CTX_BYTES 1024 /* text.h shapes with HarfBuzz: longer inputs only go through the rest */

static text_ctx *ctx;
static SDL_Surface *surface;
static SDL_Renderer *renderer;

static void fail(const char *why) {
    fprintf(stderr, "fuzz_text: %s\n", why);
    abort();
}

static void cleanup(void) {
    text_drop_textures(ctx);
    text_free(ctx);
    if (renderer) SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
    SDL_Quit();
}

static void setup(void) {
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    pk_error err = {{0}};
    ctx = text_create(FONTS "NotoSans-Regular.ttf", FONTS "NotoSans-Bold.ttf", &err);
    if (!ctx) fail(err.msg);
    if (!text_has_face(ctx, SCRIPT_ARABIC)) fail("the Arabic face did not load");
    surface = SDL_CreateRGBSurfaceWithFormat(0, 400, 300, 32, SDL_PIXELFORMAT_ARGB8888);
    renderer = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    if (!renderer) fail(SDL_GetError());
    atexit(cleanup);
}

/* A fake width: each character 1 to 23 px by its code point, so wrapping is exercised at
 * every kind of break without a font. */
static int fake_measure(void *ud, const char *s, size_t len) {
    (void)ud;
    int w = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, len - i, &cp);
        w += 1 + (int)(cp % 23);
    }
    return w;
}

static void check_utf8(const char *s, size_t n) {
    bool valid = utf8_valid(s, n);
    size_t chars = 0, prev_start = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int len = utf8_decode(s + i, n - i, &cp);
        if (len < 1 || len > 4 || (size_t)len > n - i)
            fail("utf8_decode did not move on inside the text");
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) fail("utf8_decode gave no character");
        if (valid) {
            char out[4];
            int back = utf8_encode(cp, out);
            if (back != len || memcmp(out, s + i, (size_t)len) != 0)
                fail("decode then encode changed a character");
            if (i > 0 && utf8_prev(s, i) != prev_start)
                fail("utf8_prev missed the character before");
        }
        size_t p = utf8_prev(s, i + (size_t)len);
        if (p >= i + (size_t)len) fail("utf8_prev did not go back");
        prev_start = i;
        i += (size_t)len;
        chars++;
    }
    if (valid && utf8_count(s, n) != chars) fail("utf8_count disagrees with decoding");
    if (utf8_prev(s, 0) != 0) fail("utf8_prev(0) is not 0");
    (void)utf8_is_blank(s, n);
}

/* Runs listed must each lie inside [0, n), and, when all were stored, cover it exactly once. */
static void check_cover(unsigned char *seen, size_t n, size_t start, size_t len, const char *what) {
    if (start > n || len > n - start) fail(what);
    for (size_t i = start; i < start + len; i++) {
        if (seen[i]) fail(what);
        seen[i] = 1;
    }
}

static bool fake_glyph(void *ud, script_id script, uint32_t cp) {
    (void)ud;
    return script == SCRIPT_LATIN ? cp < 0x0590 || cp > 0x08FF : cp != '(' && cp != ')';
}

static void check_runs(const char *s, size_t n) {
    unsigned char *seen = malloc(n + 1);
    if (!seen) return;
    script_run runs[MAX_RUNS];
    for (int g = 0; g < 2; g++) {
        int count = script_runs(s, n, g ? fake_glyph : NULL, NULL, runs, MAX_RUNS);
        if (count < 0 || (n > 0) != (count > 0)) fail("script_runs: wrong run count");
        memset(seen, 0, n + 1);
        size_t next = 0;
        for (int i = 0; i < count && i < MAX_RUNS; i++) {
            check_cover(seen, n, runs[i].start, runs[i].len,
                        "script_runs: runs overlap or leave the text");
            if (runs[i].start != next || runs[i].len == 0 || runs[i].script >= SCRIPT_COUNT)
                fail("script_runs: runs not in logical order");
            next += runs[i].len;
        }
        if (count <= MAX_RUNS && next != n) fail("script_runs: runs do not cover the text");
    }
    (void)script_is_complex(s, n);
    (void)script_has_arabic(s, n);
    (void)bidi_is_rtl(s, n);
    (void)bidi_text_is_rtl(s, n);
    bidi_run b[MAX_RUNS];
    for (int d = BIDI_AUTO; d <= BIDI_RTL; d++) {
        int count = bidi_visual_runs_dir(s, n, (bidi_dir)d, b, MAX_RUNS);
        if (count < 0 || (n > 0) != (count > 0)) fail("bidi: wrong run count");
        memset(seen, 0, n + 1);
        size_t covered = 0;
        for (int i = 0; i < count && i < MAX_RUNS; i++) {
            check_cover(seen, n, b[i].start, b[i].len, "bidi: runs overlap or leave the text");
            if (b[i].rtl != (b[i].level % 2 == 1) || b[i].level < 0)
                fail("bidi: run direction and level disagree");
            covered += b[i].len;
        }
        if (count <= MAX_RUNS && covered != n) fail("bidi: runs do not cover the line");
    }
    free(seen);
}

static void check_lines(const char *s, const wrap_line *lines, int stored, int max_w, bool valid) {
    size_t n = strlen(s), end = 0;
    for (int i = 0; i < stored; i++) {
        const wrap_line *l = &lines[i];
        if (l->start > n || l->len > n - l->start) fail("wrap: a line outside the text");
        if (l->start < end) fail("wrap: lines out of order or overlapping");
        end = l->start + l->len;
        if (valid && l->len &&
            ((s[l->start] & 0xC0) == 0x80 || (end < n && (s[end] & 0xC0) == 0x80)))
            fail("wrap: a line splits a character");
        if (fake_measure(NULL, s + l->start, l->len) > max_w &&
            utf8_count(s + l->start, l->len) > 1)
            fail("wrap: a line of several characters is wider than the width");
    }
}

static void check_wrap(const char *s, int max_w) {
    bool valid = utf8_valid(s, strlen(s));
    wrap_line first[MAX_WRAP], tail[MAX_WRAP];
    int count = wrap_text(s, max_w, fake_measure, NULL, first, MAX_WRAP);
    if (count < 0) fail("wrap: negative line count");
    check_lines(s, first, count < MAX_WRAP ? count : MAX_WRAP, max_w, valid);
    int again = wrap_tail(s, max_w, fake_measure, NULL, tail, MAX_WRAP);
    if (again != count) fail("wrap_tail counts other lines than wrap_text");
    int stored = count < MAX_WRAP ? count : MAX_WRAP;
    check_lines(s, tail, stored, max_w, valid);
    if (count <= MAX_WRAP) {
        if (memcmp(first, tail, (size_t)stored * sizeof *first) != 0)
            fail("wrap_tail of a short text differs");
    } else {
        wrap_line *all = malloc((size_t)count * sizeof *all);
        if (!all) return;
        wrap_text(s, max_w, fake_measure, NULL, all, count);
        if (memcmp(all + count - MAX_WRAP, tail, MAX_WRAP * sizeof *all) != 0)
            fail("wrap_tail is not the end of the wrap");
        free(all);
    }
    (void)wrap_text(s, max_w, fake_measure, NULL, NULL, 0); /* counting only */
}

static void check_ctx(const char *s, int width, int px, unsigned flags) {
    font_role role = flags & 1 ? FONT_BOLD : FONT_REGULAR;
    size_t n = strlen(s);
    if (text_measure(ctx, role, px, s, n) < 0) fail("text_measure: negative width");
    wrap_line lines[TEXT_MAX_LINES];
    int count = text_wrap(ctx, role, px, s, width, lines, TEXT_MAX_LINES);
    if (count < 0) fail("text_wrap: negative line count");
    for (int i = 0; i < count && i < TEXT_MAX_LINES; i++)
        if (lines[i].start > n || lines[i].len > n - lines[i].start)
            fail("text_wrap: a line outside the text");
    text_tail tail;
    text_tail_of(ctx, role, px, s, width, 1 + (int)(flags >> 1 & 3), &tail);
    if (tail.start > n || tail.lines < 0 || tail.caret_line < 0 || tail.caret_line > tail.lines)
        fail("text_tail_of: out of range");
    char out[300];
    text_ellipsize(ctx, role, px, s, width, 3 * px, out, flags & 8 ? sizeof out : 8);
    if (strlen(out) >= (flags & 8 ? sizeof out : 8)) fail("text_ellipsize: overflowed");
    (void)text_block_height(ctx, role, px, s, width);
    (void)text_block_width(ctx, role, px, s, width);
    (void)text_line_height_for(ctx, role, px, s);
    (void)text_is_rtl(s);
    uint32_t missing;
    size_t at;
    if (!text_glyphs_provided(ctx, role, s, &missing, &at) && at > n)
        fail("text_glyphs_provided: past the end");
    script_run runs[MAX_RUNS];
    (void)text_script_runs(ctx, role, s, n, runs, MAX_RUNS);
    if (n < 200) {
        bool fits; /* a narrow range: every size tried opens a font (hinting is the cost) */
        int size = text_fit(ctx, role, s, width, 120, 18, 22, &fits);
        if (size < 10 || size > 22) fail("text_fit: a size outside the range");
        pk_rect box = {10, 10, width, 200};
        text_draw(ctx, renderer, role, px, s, box, (draw_align)(flags >> 4 & 1), flags & 32,
                  (pk_color){20, 20, 20, 255}, 255);
        if (n < 40)
            text_draw_glyphs(ctx, renderer, role, px, s, box, ALIGN_LEFT, (pk_color){0, 0, 0, 255},
                             200);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!ctx) setup();
    if (size < 3) return 0;
    static const int sizes[] = {12, 20, 36, 64};
    int width = data[0] * 4; /* 0 to 1020 px: a box narrower than one letter too */
    int px = sizes[data[1] & 3];
    unsigned flags = data[2];
    const char *bytes = (const char *)data + 3;
    size_t n = size - 3;
    check_utf8(bytes, n);
    check_runs(bytes, n);
    char *s = malloc(n + 1); /* the rest of plankiosk passes NUL-terminated strings */
    if (!s) return 0;
    memcpy(s, bytes, n);
    s[n] = '\0';
    check_wrap(s, width);
    if (n <= CTX_BYTES) check_ctx(s, width < 1 ? 1 : width, px, flags);
    free(s);
    return 0;
}
