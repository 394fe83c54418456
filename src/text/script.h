/* script: which font face draws each character. plankiosk ships two families: Noto Sans for
 * Latin (every diacritic of Polish, Slovak, Czech and Romanian) and Noto Naskh Arabic UI for
 * Urdu.
 * A string is cut into runs, each drawn with one face; the rule is deliberately small:
 *  - letters of the Arabic blocks (U+0600-06FF, 0750-077F, 08A0-08FF, FB50-FDFF, FE70-FEFF)
 *    belong to the Arabic face;
 *  - digits, spaces, punctuation, symbols and combining marks are "common": they join the run
 *    before them (at the start of a string, the first letter's), so "سال 8،" stays one run and
 *    "Sep 2018" another;
 *  - everything else belongs to the Latin face.
 * A common character the joined face has no glyph for (Naskh has no '(' or '—') goes to the
 * other face when that one has it, so no character becomes a missing-glyph box when one of the
 * faces can draw it. Glyph questions go through a callback, so this module needs no fonts and
 * tests can drive it with a fake. */
#ifndef PK_SCRIPT_H
#define PK_SCRIPT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum { SCRIPT_LATIN, SCRIPT_ARABIC, SCRIPT_COUNT } script_id;

typedef struct script_run {
    size_t start, len; /* byte span in the string */
    script_id script;  /* the face that draws it */
} script_run;

/* True for code points of the Arabic blocks listed above. */
bool script_is_arabic(uint32_t cp);
/* True for digits, spaces, punctuation, symbols, combining marks and format characters. */
bool script_is_common(uint32_t cp);
/* True if the character draws nothing and needs no glyph (controls, ZWJ/ZWNJ, bidi marks). */
bool script_is_invisible(uint32_t cp);
/* The ISO 15924 tag HarfBuzz shapes a run of this script with: "Latn" or "Arab". */
const char *script_tag(script_id s);

/* True if any of the len bytes is a character of the Arabic blocks. */
bool script_has_arabic(const char *s, size_t len);
/* True if the text needs more than one left-to-right run in one face: a character of the Arabic
 * blocks, a right-to-left letter (Hebrew, U+0590-05FF, FB1D-FB4F) or an explicit bidi control.
 * Latin-only text answers false after one pass over its bytes, so callers keep a fast path. */
bool script_is_complex(const char *s, size_t len);

/* Whether face `script` has a glyph for cp. */
typedef bool (*script_glyph_fn)(void *ud, script_id script, uint32_t cp);

/* Cuts s[0..len) into runs of one face, in logical order. has_glyph may be NULL (common
 * characters then always join their run). Stores up to max runs and returns how many the text
 * has (0 for empty text); the caller may pass a larger buffer if the count exceeds max. */
int script_runs(const char *s, size_t len, script_glyph_fn has_glyph, void *ud, script_run *out,
                int max);

#endif
