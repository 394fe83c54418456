/* script: the face of each character, and runs of one face. See script.h for the rule. */
#include "text/script.h"

#include "text/utf8.h"

bool script_is_arabic(uint32_t cp) {
    return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
           (cp >= 0x08A0 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
           (cp >= 0xFE70 && cp <= 0xFEFE); /* FEFF is the byte-order mark, not a letter */
}

bool script_is_invisible(uint32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xAD || cp == 0x061C || cp == 0x180E ||
           (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x206F) || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF;
}

bool script_is_common(uint32_t cp) {
    if (cp < 0x80) return !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    if (cp <= 0xBF) return cp != 0xAA && cp != 0xB5 && cp != 0xBA; /* ª µ º are letters */
    if (cp == 0xD7 || cp == 0xF7) return true;                     /* × ÷ */
    return (cp >= 0x0300 && cp <= 0x036F) || /* combining marks join their letter's run */
           (cp >= 0x2000 && cp <= 0x2BFF) || /* punctuation, currency, arrows, maths, symbols */
           (cp >= 0x3000 && cp <= 0x303F) || /* CJK punctuation */
           (cp >= 0xFE00 && cp <= 0xFE6F) || /* variation selectors, small and vertical forms */
           cp == 0xFEFF ||                   /* byte-order mark */
           (cp >= 0xFF01 && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
           (cp >= 0xFF5B && cp <= 0xFF65) || /* full-width punctuation */
           (cp >= 0xFFF0 && cp <= 0xFFFF) || /* specials, U+FFFD for damaged bytes */
           (cp >= 0x1F000 && cp <= 0x1FAFF); /* emoji and pictographs */
}

const char *script_tag(script_id s) { return s == SCRIPT_ARABIC ? "Arab" : "Latn"; }

bool script_has_arabic(const char *s, size_t len) {
    for (size_t i = 0; i < len;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, len - i, &cp);
        if (script_is_arabic(cp)) return true;
    }
    return false;
}

static bool is_rtl_or_control(uint32_t cp) {
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
           (cp >= 0xFE70 && cp <= 0xFEFE) || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || (cp >= 0x10800 && cp <= 0x10FFF) ||
           (cp >= 0x1E800 && cp <= 0x1EFFF);
}

bool script_is_complex(const char *s, size_t len) {
    for (size_t i = 0; i < len;) {
        /* Everything below U+0590 (Latin, Greek, Cyrillic) starts with a byte below 0xD6. */
        if ((unsigned char)s[i] < 0xD6) {
            i++;
            continue;
        }
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, len - i, &cp);
        if (is_rtl_or_control(cp)) return true;
    }
    return false;
}

static script_id class_of(uint32_t cp) {
    return script_is_arabic(cp) ? SCRIPT_ARABIC : SCRIPT_LATIN;
}

int script_runs(const char *s, size_t len, script_glyph_fn has_glyph, void *ud, script_run *out,
                int max) {
    script_id cur = SCRIPT_LATIN; /* the first letter's face */
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, len - i, &cp);
        if (!script_is_common(cp)) {
            cur = class_of(cp);
            break;
        }
    }
    int count = 0;
    script_run last = {0, 0, SCRIPT_LATIN};
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = (size_t)utf8_decode(s + i, len - i, &cp);
        /* A common character joins the run before it (at the start, the first letter's). */
        script_id face = count > 0 ? last.script : cur;
        if (!script_is_common(cp)) face = class_of(cp);
        if (has_glyph && !script_is_invisible(cp) && !has_glyph(ud, face, cp)) {
            script_id other = face == SCRIPT_ARABIC ? SCRIPT_LATIN : SCRIPT_ARABIC;
            if (has_glyph(ud, other, cp)) face = other;
        }
        if (count > 0 && last.script == face) {
            last.len += n;
        } else {
            if (count > 0 && count <= max) out[count - 1] = last;
            last = (script_run){i, n, face};
            count++;
        }
        i += n;
    }
    if (count > 0 && count <= max) out[count - 1] = last;
    return count;
}
