/* bidi: FriBidi behind three calls. The line is decoded to code points (damaged bytes become
 * U+FFFD one byte each, as everywhere in plankiosk), FriBidi resolves each character's
 * embedding level (rules P2-I2 with paired brackets, then L1-L2 for the line), and the visual
 * order is read back as runs: consecutive visual positions with one level whose logical indices
 * follow each other (upwards for a left-to-right run, downwards for a right-to-left one).
 * Characters are not reordered inside a run: HarfBuzz shapes each run in logical order with its
 * direction, which is what joins Arabic letters and mirrors brackets. */
#include "text/bidi.h"

#include <fribidi.h>
#include <stdlib.h>

#include "text/utf8.h"

#define STACK_CHARS 256 /* a line at 1080p is well under this; longer text is allocated */

bool bidi_is_rtl(const char *s, size_t len) {
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, len - i, &cp);
        if (cp < 0x80) { /* the ASCII letters are the only strong characters below 0x80 */
            if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') return false;
            continue;
        }
        FriBidiCharType t = fribidi_get_bidi_type(cp);
        if (t == FRIBIDI_TYPE_LTR) return false;
        if (t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL) return true;
    }
    return false;
}

bool bidi_text_is_rtl(const char *s, size_t len) {
    int ltr_words = 0, rtl_words = 0, first = 0,
        in = 0; /* 0 none, 1 left to right, 2 right to left */
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, len - i, &cp);
        int dir;
        if (cp < 0x80) {
            dir = ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ? 1 : 0;
        } else {
            FriBidiCharType t = fribidi_get_bidi_type(cp);
            if (t == FRIBIDI_TYPE_NSM || t == FRIBIDI_TYPE_BN) continue; /* marks, ZWNJ, ZWJ */
            dir = t == FRIBIDI_TYPE_LTR                             ? 1
                  : (t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL) ? 2
                                                                    : 0;
        }
        if (dir && dir != in) *(dir == 1 ? &ltr_words : &rtl_words) += 1;
        if (dir && !first) first = dir;
        in = dir;
    }
    return rtl_words > ltr_words || (rtl_words == ltr_words && first == 2);
}

/* The whole line as one run in the base direction: what is shown if FriBidi cannot run (out
 * of memory), so the text still appears rather than vanishing. */
static int one_run(size_t len, bool rtl, bidi_run *out, int max) {
    if (max > 0) out[0] = (bidi_run){0, len, rtl ? 1 : 0, rtl};
    return 1;
}

int bidi_visual_runs_dir(const char *s, size_t len, bidi_dir base, bidi_run *out, int max) {
    if (!s || len == 0) return 0;
    size_t n = utf8_count(s, len); /* invalid bytes count one each, as utf8_decode walks them */
    FriBidiChar cps_s[STACK_CHARS];
    FriBidiCharType types_s[STACK_CHARS];
    FriBidiBracketType brackets_s[STACK_CHARS];
    FriBidiLevel levels_s[STACK_CHARS];
    FriBidiStrIndex map_s[STACK_CHARS];
    size_t offs_s[STACK_CHARS + 1];
    FriBidiChar *cps = cps_s;
    FriBidiCharType *types = types_s;
    FriBidiBracketType *brackets = brackets_s;
    FriBidiLevel *levels = levels_s;
    FriBidiStrIndex *map = map_s;
    size_t *offs = offs_s;
    void *heap = NULL;
    bool want_rtl = base == BIDI_RTL || (base == BIDI_AUTO && bidi_is_rtl(s, len));
    if (n > STACK_CHARS) {
        if (n > 1u << 20) return one_run(len, want_rtl, out, max);
        size_t per = sizeof *cps + sizeof *types + sizeof *brackets + sizeof *map + sizeof *offs +
                     sizeof *levels;
        heap = malloc(per * n + sizeof *offs);
        if (!heap) return one_run(len, want_rtl, out, max);
        /* Widest types first so every array stays aligned. */
        offs = heap;
        cps = (FriBidiChar *)(offs + n + 1);
        types = (FriBidiCharType *)(cps + n);
        brackets = (FriBidiBracketType *)(types + n);
        map = (FriBidiStrIndex *)(brackets + n);
        levels = (FriBidiLevel *)(map + n);
    }
    size_t k = 0;
    for (size_t i = 0; i < len && k < n; k++) {
        uint32_t cp;
        offs[k] = i;
        i += (size_t)utf8_decode(s + i, len - i, &cp);
        cps[k] = cp;
    }
    offs[n] = len;
    FriBidiStrIndex fn = (FriBidiStrIndex)n;
    FriBidiParType dir = base == BIDI_RTL   ? FRIBIDI_PAR_RTL
                         : base == BIDI_LTR ? FRIBIDI_PAR_LTR
                                            : FRIBIDI_PAR_ON;
    fribidi_get_bidi_types(cps, fn, types);
    fribidi_get_bracket_types(cps, fn, types, brackets);
    for (FriBidiStrIndex i = 0; i < fn; i++) map[i] = i;
    /* Flags 0: no mirroring or mark reordering here, HarfBuzz does both inside each run. */
    if (!fribidi_get_par_embedding_levels_ex(types, brackets, fn, &dir, levels) ||
        !fribidi_reorder_line(0, types, fn, 0, dir, levels, NULL, map)) {
        free(heap);
        return one_run(len, want_rtl, out, max);
    }
    int count = 0;
    for (FriBidiStrIndex v = 0; v < fn;) {
        FriBidiStrIndex lo = map[v], hi = map[v];
        FriBidiLevel lev = levels[map[v]];
        bool rtl = lev & 1;
        FriBidiStrIndex w = v + 1;
        for (; w < fn && levels[map[w]] == lev && map[w] == map[w - 1] + (rtl ? -1 : 1); w++) {
            if (map[w] < lo) lo = map[w];
            if (map[w] > hi) hi = map[w];
        }
        if (count < max) out[count] = (bidi_run){offs[lo], offs[hi + 1] - offs[lo], lev, rtl};
        count++;
        v = w;
    }
    free(heap);
    return count;
}

int bidi_visual_runs(const char *s, size_t len, bidi_run *out, int max) {
    return bidi_visual_runs_dir(s, len, BIDI_AUTO, out, max);
}
