/* bidi: the order in which the pieces of a mixed line appear on screen, from GNU FriBidi (the
 * Unicode Bidirectional Algorithm, UAX #9). Text is stored in logical order (the order it is
 * typed and read); an Urdu line with a number and an English name is displayed right to left,
 * except that "2018" and "Sep" still read left to right inside it. This module answers with
 * runs: byte spans of one direction, listed left to right as they are to be drawn. Each run is
 * then shaped by HarfBuzz (through SDL_ttf) in its own direction, which lays out its glyphs.
 *
 * Lines are reordered one at a time; the caller passes the direction of the text the line came
 * from, so the second line of an Urdu paragraph that happens to start with an English name is
 * still laid out right to left. No memory is kept between calls. */
#ifndef PK_BIDI_H
#define PK_BIDI_H
#include <stdbool.h>
#include <stddef.h>

typedef enum {
    BIDI_AUTO, /* from the first strong character (left to right if there is none) */
    BIDI_LTR,
    BIDI_RTL
} bidi_dir;

typedef struct bidi_run {
    size_t start, len; /* byte span in the string (logical order inside the run) */
    int level;         /* the embedding level: even left to right, odd right to left */
    bool rtl;          /* level is odd: shape the run right to left */
} bidi_run;

/* True if the first strong character of s[0..len) is right to left (Arabic, Hebrew); false if
 * it is left to right or there is none (digits and punctuation only). */
bool bidi_is_rtl(const char *s, size_t len);

/* The direction a whole text is laid out in, by plankiosk's rule (UAX #9 lets a higher-level
 * protocol choose it, HL1): the direction most of its words are written in; a tie goes to the
 * first strong character. "Rotherham کا منصوبہ کیا ہے؟" is an Urdu sentence that happens to
 * start with an English name, and is laid out right to left; "The Urdu for city is شہر" stays
 * left to right. A word is a run of letters of one direction (marks and joiners inside it do
 * not split it). Text with no letters is left to right. */
bool bidi_text_is_rtl(const char *s, size_t len);

/* Splits the line s[0..len) into runs of one embedding level and stores them in visual order
 * (leftmost first), up to max. Returns the number of runs the line has, which may exceed max,
 * or 0 for empty text. Base direction from the first strong character (FRIBIDI_PAR_ON). */
int bidi_visual_runs(const char *s, size_t len, bidi_run *out, int max);
/* The same with the paragraph's direction given (BIDI_AUTO behaves as above). */
int bidi_visual_runs_dir(const char *s, size_t len, bidi_dir base, bidi_run *out, int max);

#endif
