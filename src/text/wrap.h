/* wrap: greedy word wrapping of UTF-8 text against a width measured by the caller, so the same
 * algorithm serves the real fonts (text.c measures with SDL_ttf) and tests (a fake measure).
 * Breaks at spaces, after hyphens and slashes, and at '\n'; a word wider than the line is
 * split between characters, never inside one. */
#ifndef PK_WRAP_H
#define PK_WRAP_H
#include <stddef.h>

/* Width in pixels of the len bytes at s. */
typedef int (*wrap_measure_fn)(void *ud, const char *s, size_t len);

typedef struct wrap_line {
    size_t start, len; /* byte span in the source text, without the break's spaces */
} wrap_line;

/* Breaks s into lines of at most max_w pixels. Stores up to max_lines lines and returns how
 * many lines the text needs (which may be more than max_lines).
 * Zero lines: an empty text and a text of spaces only need 0 lines, and then nothing is stored:
 * a caller must not read lines[0] or lines[n - 1] before checking n. A text of newlines needs
 * one empty line per newline; a word wider than max_w is split, at least one character a line. */
int wrap_text(const char *s, int max_w, wrap_measure_fn measure, void *ud, wrap_line *lines,
              int max_lines);
/* Like wrap_text, but stores the *last* max_lines lines (in order, lines[0] the earliest of
 * them), for a box that shows the end of what is being typed. Returns the total line count;
 * the lines stored are min(count, max_lines). */
int wrap_tail(const char *s, int max_w, wrap_measure_fn measure, void *ud, wrap_line *lines,
              int max_lines);

#endif
