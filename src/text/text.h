/* text: every word on screen goes through here. The module owns the fonts (loaded once from the
 * assets, never looked up on the system), measures and wraps text (with wrap.c), fits text to a
 * box by choosing the largest size that fits, and draws it from a cache of rendered blocks, so a
 * slide that stands still costs no rasterising. Count-up numbers, whose text changes every
 * frame, are composed from a cache of single glyphs instead.
 *
 * Scripts: Latin text (English, Polish, Slovak, Czech, Romanian) is drawn with the Latin face
 * given to text_create; Urdu and other Arabic-script text with Noto Naskh Arabic UI, found in
 * the same folder (TEXT_ARABIC_*_FILE), whose lines are as tall as Noto Sans's. Mixed lines are
 * ordered by the Unicode bidi algorithm (bidi.h) and shaped by HarfBuzz, so letters join and "2018"
 * still reads left to right inside Urdu. A text whose first strong letter is right to left
 * (text_is_rtl) is laid out right to left, every line and paragraph of it, even one that starts
 * with an English name; ALIGN_LEFT means "at the start of the line": right-aligned for such a text.
 * ALIGN_CENTER and ALIGN_RIGHT are physical. Measuring, wrapping, fitting and drawing all agree, so
 * a block that text_fit says fits is the block text_draw draws.
 *
 * Ownership: text_create() returns a context the caller frees with text_free(). Textures in the
 * cache belong to the renderer given to the draw calls; text_drop_textures() must be called
 * before that renderer is destroyed. Strings passed in are never kept. */
#ifndef PK_TEXT_H
#define PK_TEXT_H
#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"
#include "core/color.h"
#include "core/geometry.h"
#include "text/text_style.h"
#include "text/script.h"
#include "text/wrap.h"

#define TEXT_MAX_LINES 64

/* The Arabic-script faces, looked for next to the Latin face of the same weight. */
#define TEXT_ARABIC_REGULAR_FILE "NotoNaskhArabicUI-Regular.ttf"
#define TEXT_ARABIC_BOLD_FILE "NotoNaskhArabicUI-Bold.ttf"

typedef struct text_ctx text_ctx;

/* Loads the regular and bold font files (the Latin faces), and the Arabic faces
 * TEXT_ARABIC_REGULAR_FILE and TEXT_ARABIC_BOLD_FILE from the same folders if they are there (a
 * missing Arabic bold uses the Arabic regular). Without them Arabic letters fall back to the
 * Latin face, which has no glyphs for them: text_glyphs_provided() reports that. Returns NULL
 * with err filled when a Latin face cannot be read or used. */
text_ctx *text_create(const char *regular_path, const char *bold_path, pk_error *err);
void text_free(text_ctx *t);

/* Height of one line (line skip) of the Latin face at px. */
int text_line_height(text_ctx *t, font_role role, int px);
/* Height of each line of a block of s at px: the Latin line skip, or taller when s has Arabic
 * letters and the Arabic face's lines are taller. With the shipped faces the two are equal
 * (Naskh UI is made to Noto Sans's metrics); a council's own fonts may differ, so layouts that
 * size a box for a string should ask this. text_block_height is lines times this. */
int text_line_height_for(text_ctx *t, font_role role, int px, const char *s);
/* Width in px of the first len bytes of s. */
int text_measure(text_ctx *t, font_role role, int px, const char *s, size_t len);
/* Wraps s to width; returns the number of lines needed (stores up to max). */
int text_wrap(text_ctx *t, font_role role, int px, const char *s, int width, wrap_line *lines,
              int max);
/* The end of a text being typed into a box: which lines show and where the caret goes. Any
 * text is safe: empty, spaces only, newlines only, one word wider than the box. */
typedef struct text_tail {
    size_t start;   /* byte offset in s where the lines shown begin (draw s + start) */
    int lines;      /* lines shown, at most max_lines; 0 for a text with no visible lines */
    int caret_line; /* the caret's line among those shown, 0-based (may be == lines: after a
                     * final newline, or 0 when there are no lines) */
    int caret_x;    /* px from the start of that line to the caret: the line's width plus the
                     * spaces after it (not clamped to the box: the caller keeps it inside) */
    int line_w;     /* width of the caret's line of text, without its trailing spaces */
} text_tail;
/* Wraps s to width at px and fills *out with its last max_lines lines (max_lines >= 1). */
void text_tail_of(text_ctx *t, font_role role, int px, const char *s, int width, int max_lines,
                  text_tail *out);
/* The longest start of s that, followed by "…", fits w x h wrapped at px (cut after a word
 * where one ends near the cut), written into out (size bytes, NUL-terminated). When s fits
 * whole, out is s unchanged. For a long answer shown back in a box of its own size. Returns
 * out; a size too small for even "…" gives "". */
char *text_ellipsize(text_ctx *t, font_role role, int px, const char *s, int w, int h, char *out,
                     size_t size);
/* Height of s wrapped to width at px. */
int text_block_height(text_ctx *t, font_role role, int px, const char *s, int width);
/* Widest line of s wrapped to width at px. */
int text_block_width(text_ctx *t, font_role role, int px, const char *s, int width);
/* The largest size in [min_px, max_px] at which s, wrapped to w, is at most h tall and no
 * word is split. If none fits, returns the smallest size the text can go (never below 10 px)
 * that fits; *fits (may be NULL) tells whether max_lines/h were met at all. */
int text_fit(text_ctx *t, font_role role, const char *s, int w, int h, int min_px, int max_px,
             bool *fits);

/* Draws s wrapped to box.w, aligned, from the block cache; alpha multiplies the colour's. */
void text_draw(text_ctx *t, SDL_Renderer *r, font_role role, int px, const char *s, pk_rect box,
               draw_align align, bool middle, pk_color color, Uint8 alpha);
/* Draws a one-line string glyph by glyph from the glyph cache (for changing numbers). */
void text_draw_glyphs(text_ctx *t, SDL_Renderer *r, font_role role, int px, const char *s,
                      pk_rect box, draw_align align, pk_color color, Uint8 alpha);
/* Width of s drawn by text_draw_glyphs. */
int text_glyphs_width(text_ctx *t, font_role role, int px, const char *s);
/* Frees every cached texture (before the renderer goes, or when the screen size changes). */
void text_drop_textures(text_ctx *t);
/* Bytes held by cached textures (for the benchmark and staff screen). */
size_t text_cache_bytes(const text_ctx *t);
/* What the caches hold now and the most they may hold, for tests that run the kiosk for a
 * simulated day and check that nothing grows (tests/integration/test_monkey.c --sim-hours). */
typedef struct text_cache_stats {
    int blocks, block_slots;           /* rendered blocks kept; the slots there are */
    size_t block_bytes, block_budget;  /* their pixels; the budget evicting keeps them within */
    int glyphs, glyph_slots;           /* single glyphs kept (count-up numbers); the slots */
    size_t glyph_bytes;                /* their pixels (no budget: the slots bound them) */
    int fonts, font_slots;             /* face sizes open in SDL_ttf; the slots */
} text_cache_stats;
text_cache_stats text_cache_info(const text_ctx *t);

/* True if the first strong (letter-like) character of s is right to left, as in Urdu; false
 * for Latin text and for text with no letters. Screens use it to mirror their layout. */
bool text_is_rtl(const char *s);
/* True if a face for script was loaded (the Latin face always is). */
bool text_has_face(const text_ctx *t, script_id script);
/* The face that draws each character of s (script.h's rule), as a run list in logical order;
 * same contract as script_runs(). */
int text_script_runs(text_ctx *t, font_role role, const char *s, size_t len, script_run *out,
                     int max);
/* True if every visible character of s has a glyph in the face chosen for it, so nothing is
 * drawn as a missing-glyph box. On false, *missing (may be NULL) is the first character
 * without one and *at (may be NULL) its byte offset. */
bool text_glyphs_provided(text_ctx *t, font_role role, const char *s, uint32_t *missing,
                          size_t *at);

#endif
