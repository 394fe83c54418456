/* text: every word on screen goes through here. The module owns the fonts (loaded once from the
 * assets, never looked up on the system), measures and wraps text (with wrap.c), fits text to a
 * box by choosing the largest size that fits, and draws it from a cache of rendered blocks, so a
 * slide that stands still costs no rasterising. Count-up numbers, whose text changes every
 * frame, are composed from a cache of single glyphs instead.
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
#include "render/draw_list.h"
#include "text/wrap.h"

#define TEXT_MAX_LINES 64

typedef struct text_ctx text_ctx;

/* Loads the regular and bold font files. Returns NULL with err filled on failure. */
text_ctx *text_create(const char *regular_path, const char *bold_path, pk_error *err);
void text_free(text_ctx *t);

/* Height of one line (line skip) at px. */
int text_line_height(text_ctx *t, font_role role, int px);
/* Width in px of the first len bytes of s. */
int text_measure(text_ctx *t, font_role role, int px, const char *s, size_t len);
/* Wraps s to width; returns the number of lines needed (stores up to max). */
int text_wrap(text_ctx *t, font_role role, int px, const char *s, int width, wrap_line *lines,
              int max);
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

#endif
