#include "text/utf8.h"

#include <string.h>

int utf8_decode(const char *str, size_t len, uint32_t *cp) {
    const unsigned char *s = (const unsigned char *)str;
    if (len == 0) return 0;
    unsigned c = s[0];
    int n;
    uint32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        n = 2, v = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3, v = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4, v = c & 0x07, min = 0x10000;
    } else {
        goto bad;
    }
    if ((size_t)n > len) goto bad;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) goto bad;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) goto bad;
    *cp = v;
    return n;
bad:
    *cp = 0xFFFD;
    return 1;
}

int utf8_encode(uint32_t cp, char *out) {
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    } else if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    } else if (cp < 0x10000) {
        if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    } else if (cp <= 0x10FFFF) {
        o[0] = (unsigned char)(0xF0 | (cp >> 18));
        o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[3] = (unsigned char)(0x80 | (cp & 0x3F));
        return 4;
    }
    return 0;
}

bool utf8_valid(const char *s, size_t n) {
    for (size_t i = 0; i < n;) {
        /* Most of a record is ASCII: pass over it eight bytes at a time. */
        uint64_t w;
        while (i + 8 <= n && (memcpy(&w, s + i, 8), (w & 0x8080808080808080ULL) == 0)) i += 8;
        while (i < n && (unsigned char)s[i] < 0x80) i++;
        if (i == n) break;
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        /* U+FFFD itself is 3 bytes; a 1-byte U+FFFD means the decoder met damage. */
        if (cp == 0xFFFD && k == 1) return false;
        i += (size_t)k;
    }
    return true;
}

size_t utf8_prev(const char *s, size_t pos) {
    if (pos == 0) return 0;
    size_t start = pos - 1;
    /* Step back over at most three continuation bytes, then check the whole sequence decodes
     * to exactly the span we stepped over; otherwise the last byte stands alone. */
    while (start > 0 && pos - start < 4 && ((unsigned char)s[start] & 0xC0) == 0x80) start--;
    uint32_t cp;
    if ((size_t)utf8_decode(s + start, pos - start, &cp) == pos - start) return start;
    return pos - 1;
}

size_t utf8_count(const char *s, size_t n) {
    size_t count = 0;
    for (size_t i = 0; i < n; count++) {
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, n - i, &cp);
    }
    return count;
}

/* Unicode White_Space, and the format characters that draw nothing (Cf: ZWSP to RLM, the
 * bidi embeddings and isolates, word joiner, BOM). */
static bool blank_cp(uint32_t cp) {
    return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 ||
           cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
           (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF;
}

bool utf8_is_blank(const char *s, size_t n) {
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, n - i, &cp);
        if (!blank_cp(cp)) return false;
    }
    return true;
}
