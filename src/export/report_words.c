/* report_words: counting words and two-word phrases in comments (see report_words.h).
 *
 * Four pieces:
 *  - a tokenizer that walks a comment's characters (decoded by text/utf8) and hands out one
 *    case-folded word at a time, saying whether only spaces came before it (a phrase may span
 *    that gap) or punctuation (it may not);
 *  - a small open-addressing hash table of words: the folded text in one pool, and per word the
 *    comments it was seen in. Most words are seen in one comment only, so that one index is kept
 *    inline and an array is allocated when a second comment comes;
 *  - a log of phrases, each the pair of its words' indices and its comment, counted only when
 *    report_words_top first asks for phrases (see build_phrases for why);
 *  - the stop words of each language, read from <dir>/<lang>.txt the first time a comment in
 *    that language comes, through the same tokenizer so they fold exactly as comments do.
 *
 * Which characters are letters is decided by a table of ranges below: the scripts people write
 * comments in (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic and the other Arabic-script
 * blocks, the Indic scripts, Thai, Georgian, Ethiopic, CJK, Hangul...), with their combining
 * marks and digits. Everything else (punctuation, symbols, emoji) separates words. It is not the
 * whole Unicode database and does not need to be: a character it misses only splits a word.
 *
 * Case folding is simple (one character to one), for the ranges that have case and that our
 * visitors write: ASCII, Latin-1, Latin Extended-A, the regular runs of Latin Extended-B and
 * Latin Extended Additional (Vietnamese), Greek, Cyrillic, Armenian, fullwidth Latin. Two
 * spellings are made one: Romanian ş/ţ with a cedilla become ș/ț with a comma below (in
 * Romanian comments only, since Turkish writes the cedilla), and the Bengali and Devanagari
 * letters with a nukta (য়, ড়, ঢ়, क़...) become their decomposed form, as NFC has them. */
#include "export/report_words.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/utf8.h"

/* Bytes of a folded word. A longer run of letters is a URL, a pasted code or a script written
 * without spaces, not a word. */
#define WORD_MAX 120
/* Languages whose stop words are kept at once; more would be a caller's bug (lang is a code). */
#define MAX_LANGS 32

/* ---------------------------------------------------------------- characters */

typedef enum {
    CH_PUNCT,  /* separates words and breaks a phrase: punctuation, symbols, emoji */
    CH_SPACE,  /* separates words; a phrase may span it */
    CH_WORD,   /* a letter, digit or combining mark */
    CH_INWORD, /* apostrophe or hyphen: part of a word between two word characters */
    CH_JOINER, /* ZWNJ, ZWJ: part of a word before a word character, otherwise ignored */
    CH_IGNORE, /* draws nothing and changes nothing: bidi marks, soft hyphen, tatweel, BOM */
} ch_class;

typedef struct {
    uint32_t lo, hi;
    unsigned char cls;
} ch_range;

/* From U+0250 up, sorted; what falls between ranges is punctuation. */
static const ch_range ranges[] = {
    {0x0250, 0x02BB, CH_WORD},
    {0x02BC, 0x02BC, CH_INWORD}, /* ʼ modifier apostrophe */
    {0x02BD, 0x02C1, CH_WORD},
    {0x0300, 0x036F, CH_WORD},
    {0x0370, 0x0373, CH_WORD},
    {0x0376, 0x0377, CH_WORD},
    {0x037A, 0x037D, CH_WORD},
    {0x037F, 0x037F, CH_WORD},
    {0x0386, 0x0386, CH_WORD},
    {0x0388, 0x03F5, CH_WORD},
    {0x03F7, 0x0481, CH_WORD},
    {0x0483, 0x052F, CH_WORD},
    {0x0531, 0x0556, CH_WORD},
    {0x0559, 0x0559, CH_WORD},
    {0x0560, 0x0588, CH_WORD},
    {0x0591, 0x05BD, CH_WORD},
    {0x05BF, 0x05BF, CH_WORD},
    {0x05C1, 0x05C2, CH_WORD},
    {0x05C4, 0x05C5, CH_WORD},
    {0x05C7, 0x05C7, CH_WORD},
    {0x05D0, 0x05EA, CH_WORD},
    {0x05EF, 0x05F2, CH_WORD},
    /* Arabic: ، ؛ ؟ ٪ ۔ (the Urdu full stop) and the other signs fall between. */
    {0x0610, 0x061A, CH_WORD},
    {0x061C, 0x061C, CH_IGNORE}, /* Arabic letter mark */
    {0x0620, 0x063F, CH_WORD},
    {0x0640, 0x0640, CH_IGNORE}, /* tatweel */
    {0x0641, 0x0669, CH_WORD},
    {0x066E, 0x06D3, CH_WORD},
    {0x06D5, 0x06DC, CH_WORD},
    {0x06DF, 0x06E8, CH_WORD},
    {0x06EA, 0x06FC, CH_WORD},
    {0x06FF, 0x06FF, CH_WORD},
    {0x0710, 0x074A, CH_WORD},
    {0x074D, 0x07B1, CH_WORD},
    {0x07C0, 0x07F5, CH_WORD},
    {0x0860, 0x086A, CH_WORD},
    {0x0870, 0x0887, CH_WORD},
    {0x0889, 0x088E, CH_WORD},
    {0x0898, 0x08E1, CH_WORD},
    {0x08E3, 0x08FF, CH_WORD},
    /* Indic: the dandas (U+0964-0965) and the currency and fraction signs fall between. */
    {0x0900, 0x0963, CH_WORD},
    {0x0966, 0x096F, CH_WORD},
    {0x0971, 0x09F1, CH_WORD},
    {0x09FC, 0x09FC, CH_WORD},
    {0x09FE, 0x0AEF, CH_WORD},
    {0x0AF9, 0x0B6F, CH_WORD},
    {0x0B71, 0x0B71, CH_WORD},
    {0x0B82, 0x0BEF, CH_WORD},
    {0x0C00, 0x0C76, CH_WORD},
    {0x0C80, 0x0C83, CH_WORD},
    {0x0C85, 0x0D4E, CH_WORD},
    {0x0D54, 0x0D57, CH_WORD},
    {0x0D5F, 0x0D6F, CH_WORD},
    {0x0D7A, 0x0DF3, CH_WORD},
    {0x0E01, 0x0E3A, CH_WORD},
    {0x0E40, 0x0E4E, CH_WORD},
    {0x0E50, 0x0E59, CH_WORD},
    {0x0E81, 0x0EDF, CH_WORD},
    {0x0F00, 0x0F00, CH_WORD},
    {0x0F20, 0x0F29, CH_WORD},
    {0x0F40, 0x0FBC, CH_WORD},
    {0x1000, 0x1049, CH_WORD},
    {0x1050, 0x109D, CH_WORD},
    {0x10A0, 0x10FA, CH_WORD},
    {0x10FC, 0x135F, CH_WORD},
    {0x1380, 0x138F, CH_WORD},
    {0x13A0, 0x13FD, CH_WORD},
    {0x1401, 0x166C, CH_WORD},
    {0x166F, 0x167F, CH_WORD},
    {0x1680, 0x1680, CH_SPACE},
    {0x1780, 0x17D3, CH_WORD},
    {0x17D7, 0x17D7, CH_WORD},
    {0x17DC, 0x17DD, CH_WORD},
    {0x17E0, 0x17E9, CH_WORD},
    {0x1AB0, 0x1AFF, CH_WORD},
    {0x1C80, 0x1C88, CH_WORD},
    {0x1C90, 0x1CBF, CH_WORD},
    {0x1D00, 0x1FBC, CH_WORD},
    {0x1FBE, 0x1FBE, CH_WORD},
    {0x1FC2, 0x1FCC, CH_WORD},
    {0x1FD0, 0x1FDB, CH_WORD},
    {0x1FE0, 0x1FEC, CH_WORD},
    {0x1FF2, 0x1FFC, CH_WORD},
    {0x2000, 0x200B, CH_SPACE},
    {0x200C, 0x200D, CH_JOINER},
    {0x200E, 0x200F, CH_IGNORE},
    {0x2010, 0x2011, CH_INWORD}, /* hyphen, no-break hyphen */
    {0x2019, 0x2019, CH_INWORD}, /* ’ typed for an apostrophe */
    {0x2028, 0x2029, CH_SPACE},
    {0x202A, 0x202E, CH_IGNORE},
    {0x202F, 0x202F, CH_SPACE},
    {0x205F, 0x205F, CH_SPACE},
    {0x2060, 0x2064, CH_IGNORE},
    {0x2066, 0x2069, CH_IGNORE},
    {0x2C00, 0x2CE4, CH_WORD},
    {0x2CEB, 0x2CF3, CH_WORD},
    {0x2D00, 0x2D6F, CH_WORD},
    {0x2D7F, 0x2DDE, CH_WORD},
    {0x2DE0, 0x2DFF, CH_WORD},
    {0x3000, 0x3000, CH_SPACE},
    {0x3005, 0x3006, CH_WORD},
    {0x3031, 0x3035, CH_WORD},
    {0x3041, 0x30FA, CH_WORD},
    {0x30FC, 0x30FF, CH_WORD},
    {0x3105, 0x312F, CH_WORD},
    {0x3131, 0x318E, CH_WORD},
    {0x31A0, 0x31BF, CH_WORD},
    {0x31F0, 0x31FF, CH_WORD},
    {0x3400, 0x4DBF, CH_WORD},
    {0x4E00, 0xA48C, CH_WORD},
    {0xA4D0, 0xA4FD, CH_WORD},
    {0xA500, 0xA60C, CH_WORD},
    {0xA640, 0xA6EF, CH_WORD},
    {0xA717, 0xA71F, CH_WORD},
    {0xA722, 0xA788, CH_WORD},
    {0xA78B, 0xA7FF, CH_WORD},
    {0xA800, 0xA82C, CH_WORD},
    {0xA840, 0xA873, CH_WORD},
    {0xAC00, 0xD7A3, CH_WORD},
    {0xD7B0, 0xD7FB, CH_WORD},
    {0xF900, 0xFAFF, CH_WORD},
    {0xFB00, 0xFB06, CH_WORD},
    {0xFB13, 0xFB17, CH_WORD},
    {0xFB1D, 0xFB28, CH_WORD},
    {0xFB2A, 0xFBB1, CH_WORD},
    {0xFBD3, 0xFD3D, CH_WORD},
    {0xFD50, 0xFDC7, CH_WORD},
    {0xFDF0, 0xFDFB, CH_WORD},
    {0xFE00, 0xFE0F, CH_IGNORE}, /* variation selectors */
    {0xFE20, 0xFE2F, CH_WORD},
    {0xFE70, 0xFE74, CH_WORD},
    {0xFE76, 0xFEFC, CH_WORD},
    {0xFEFF, 0xFEFF, CH_IGNORE},
    {0xFF10, 0xFF19, CH_WORD},
    {0xFF21, 0xFF3A, CH_WORD},
    {0xFF41, 0xFF5A, CH_WORD},
    {0xFF66, 0xFFDC, CH_WORD},
    {0x20000, 0x3134F, CH_WORD},
    {0xE0000, 0xE007F, CH_IGNORE}, /* tags (inside flag emoji) */
    {0xE0100, 0xE01EF, CH_IGNORE}, /* variation selectors supplement */
};

static ch_class char_class(uint32_t c) {
    if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            return CH_WORD;
        if (c == '\'' || c == '-') return CH_INWORD;
        if (c == ' ' || (c >= 0x09 && c <= 0x0D)) return CH_SPACE;
        return CH_PUNCT;
    }
    if (c < 0x250) {
        if (c >= 0xC0) return (c == 0xD7 || c == 0xF7) ? CH_PUNCT : CH_WORD;
        if (c == 0xAA || c == 0xB5 || c == 0xBA) return CH_WORD;
        if (c == 0x85 || c == 0xA0) return CH_SPACE;
        if (c == 0xAD) return CH_IGNORE; /* soft hyphen */
        return CH_PUNCT;
    }
    size_t lo = 0, hi = sizeof ranges / sizeof ranges[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < ranges[mid].lo)
            hi = mid;
        else if (c > ranges[mid].hi)
            lo = mid + 1;
        else
            return (ch_class)ranges[mid].cls;
    }
    return CH_PUNCT;
}

static bool is_digit(uint32_t c) {
    if (c < 0x80) return c >= '0' && c <= '9';
    if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9)) return true;
    /* Every Indic block has its digits at offset 0x66-0x6F of its 128 code points. */
    if (c >= 0x0900 && c < 0x0E00) return (c & 0x7F) >= 0x66 && (c & 0x7F) <= 0x6F;
    return (c >= 0x0E50 && c <= 0x0E59) || (c >= 0x0ED0 && c <= 0x0ED9) ||
           (c >= 0x0F20 && c <= 0x0F29) || (c >= 0x1040 && c <= 0x1049) ||
           (c >= 0x17E0 && c <= 0x17E9) || (c >= 0xFF10 && c <= 0xFF19);
}

/* Within [lo, hi], the upper-case letter of each pair is the even (or odd) one. */
static uint32_t pair_lower_even(uint32_t c) { return c | 1; }
static uint32_t pair_lower_odd(uint32_t c) { return c + (c & 1); }

static uint32_t fold(uint32_t c, bool romanian) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 0x20 : c;
    if (c < 0x100) return (c >= 0xC0 && c <= 0xDE && c != 0xD7) ? c + 0x20 : c;
    if (c < 0x180) {                 /* Latin Extended-A */
        if (c == 0x130) return 'i';  /* İ */
        if (c == 0x178) return 0xFF; /* Ÿ */
        if (c == 0x17F) return 's';  /* ſ */
        if (c <= 0x137 || (c >= 0x14A && c <= 0x177))
            c = pair_lower_even(c);
        else if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
            c = pair_lower_odd(c);
        if (romanian && c == 0x15F) return 0x219; /* ş -> ș */
        if (romanian && c == 0x163) return 0x21B; /* ţ -> ț */
        return c;
    }
    if (c < 0x250) { /* Latin Extended-B: the regular runs, and the letters we meet */
        if (c == 0x18F) return 0x259;                                 /* Ə (Azerbaijani) */
        if (c == 0x1A0 || c == 0x1AF) return c + 1;                   /* Ơ Ư (Vietnamese) */
        if (c >= 0x1C4 && c <= 0x1CC) return c + 2 - (c - 0x1C4) % 3; /* DŽ Dž dž, LJ.., NJ.. */
        if (c == 0x1F1 || c == 0x1F2) return 0x1F3;
        if (c >= 0x1CD && c <= 0x1DC) return pair_lower_odd(c);
        if ((c >= 0x1DE && c <= 0x1EF) || (c >= 0x1F8 && c <= 0x21F) || (c >= 0x222 && c <= 0x233))
            return pair_lower_even(c);
        return c;
    }
    if (c < 0x370) return c;
    if (c < 0x400) { /* Greek */
        if (c == 0x386) return 0x3AC;
        if (c >= 0x388 && c <= 0x38A) return c + 37;
        if (c == 0x38C) return 0x3CC;
        if (c == 0x38E || c == 0x38F) return c + 63;
        if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 0x20;
        if (c == 0x3C2) return 0x3C3; /* final sigma folds to sigma */
        if (c >= 0x3D8 && c <= 0x3EF) return pair_lower_even(c);
        return c;
    }
    if (c < 0x530) { /* Cyrillic */
        if (c < 0x410) return c + 0x50;
        if (c < 0x430) return c + 0x20;
        if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) || (c >= 0x4D0))
            return pair_lower_even(c);
        if (c == 0x4C0) return 0x4CF;
        if (c >= 0x4C1 && c <= 0x4CE) return pair_lower_odd(c);
        return c;
    }
    if (c >= 0x531 && c <= 0x556) return c + 0x30; /* Armenian */
    if ((c >= 0x1E00 && c <= 0x1E95) || (c >= 0x1EA0 && c <= 0x1EFF)) return pair_lower_even(c);
    if (c == 0x1E9E) return 0xDF; /* ẞ */
    if (c >= 0xFF21 && c <= 0xFF3A) return c + 0x20;
    return c;
}

/* The letters with a nukta that NFC keeps decomposed (composition exclusions): U+0958-095F
 * (Devanagari), U+09DC, 09DD, 09DF (Bengali). Returns the base letter, or 0. */
static uint32_t nukta_base(uint32_t c) {
    static const uint16_t deva[8] = {0x915, 0x916, 0x917, 0x91C, 0x921, 0x922, 0x92B, 0x92F};
    if (c >= 0x958 && c <= 0x95F) return deva[c - 0x958];
    if (c == 0x9DC) return 0x9A1;
    if (c == 0x9DD) return 0x9A2;
    if (c == 0x9DF) return 0x9AF;
    return 0;
}

/* ---------------------------------------------------------------- tokenizer */

typedef struct tok_iter {
    const char *s;
    size_t len, pos;
    bool romanian;
} tok_iter;

typedef struct token {
    char text[WORD_MAX + 8]; /* folded, NUL-terminated (room for one character past WORD_MAX) */
    size_t len;
    int chars;        /* characters in it, joiners not counted */
    bool digits_only; /* a number, not a word */
    bool too_long;    /* more than WORD_MAX bytes: not a word */
    bool joined;      /* only spaces since the token before (a phrase may span the gap) */
} token;

/* A word being read: kept in locals by tok_next (writes to the text would otherwise make the
 * compiler reload and store these after every byte). */
typedef struct word_state {
    size_t len;
    int chars;
    bool digits_only, too_long;
} word_state;

static inline void emit(char *text, word_state *w, uint32_t cp) {
    int n = utf8_encode(cp, text + w->len); /* text has room for one character past WORD_MAX */
    if (w->len + (size_t)n > WORD_MAX)
        w->too_long = true;
    else
        w->len += (size_t)n;
}

static inline void emit_char(char *text, word_state *w, uint32_t cp, bool romanian) {
    uint32_t base = nukta_base(cp);
    if (base) {
        emit(text, w, base);
        cp = base >= 0x980 ? 0x9BC : 0x93C; /* the nukta */
        w->chars++;
    } else {
        cp = fold(cp, romanian);
    }
    emit(text, w, cp);
    w->chars++;
    if (!is_digit(cp)) w->digits_only = false;
}

static inline bool ascii_alnum(unsigned char b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
}

static inline int decode(const char *s, size_t len, uint32_t *cp) {
    if ((unsigned char)*s < 0x80) {
        *cp = (unsigned char)*s;
        return 1;
    }
    return utf8_decode(s, len, cp);
}

/* The next word of the text into *t; false at the end. */
static bool tok_next(tok_iter *it, token *t) {
    const char *s = it->s;
    size_t pos = it->pos, end = it->len;
    uint32_t cp;
    int k;
    bool joined = true;
    for (;; pos += (size_t)k) { /* over what separates words */
        if (pos >= end) {
            it->pos = pos;
            return false;
        }
        unsigned char b = (unsigned char)s[pos];
        k = 1;
        if (ascii_alnum(b)) break;
        if (b < 0x80) {
            if (b != ' ' && (b < 0x09 || b > 0x0D)) joined = false; /* punctuation, ' or - */
            continue;
        }
        k = utf8_decode(s + pos, end - pos, &cp);
        ch_class c = char_class(cp);
        if (c == CH_WORD) break;
        if (c == CH_PUNCT || c == CH_INWORD) joined = false;
    }
    char *text = t->text;
    word_state w = {0, 0, true, false};
    while (pos < end) {
        unsigned char b = (unsigned char)s[pos];
        if (ascii_alnum(b)) { /* the common case, kept short */
            if (w.len < WORD_MAX)
                text[w.len++] = (char)(b >= 'A' && b <= 'Z' ? b + 0x20 : b);
            else
                w.too_long = true;
            w.chars++;
            if (b > '9') w.digits_only = false;
            pos++;
            continue;
        }
        k = decode(s + pos, end - pos, &cp);
        ch_class c = char_class(cp);
        if (c == CH_INWORD || c == CH_JOINER) {
            /* Part of the word only between two word characters: "don't", "well-lit". */
            uint32_t next = 0;
            if (pos + (size_t)k < end) decode(s + pos + k, end - pos - (size_t)k, &next);
            if (char_class(next) != CH_WORD) break;
            if (c == CH_JOINER) {
                emit(text, &w, cp);
            } else { /* one apostrophe and one hyphen, whichever was typed; not a letter */
                emit(text, &w, cp == '-' || cp == 0x2010 || cp == 0x2011 ? '-' : '\'');
                w.chars++;
            }
        } else if (c == CH_WORD) {
            emit_char(text, &w, cp, it->romanian);
        } else if (c != CH_IGNORE) {
            break;
        }
        pos += (size_t)k;
    }
    text[w.len] = '\0';
    t->len = w.len;
    t->chars = w.chars;
    t->digits_only = w.digits_only;
    t->too_long = w.too_long;
    t->joined = joined;
    it->pos = pos;
    return true;
}

/* ---------------------------------------------------------------- terms */

typedef struct term {
    uint32_t off, len; /* the text, in the list's pool (a phrase's only once count >= 2) */
    uint32_t count;    /* comments seen in (never more than report_words.n_seen) */
    uint32_t cap;      /* of comments */
    long last;         /* the last of them (the only one while count is 1) */
    long *comments;    /* all of them once count >= 2, else NULL */
} term;

/* The terms of a table, in the order first seen, and their texts. */
typedef struct term_list {
    term *terms;
    size_t n, cap;
    char *pool; /* texts, each NUL-terminated */
    size_t pool_len, pool_cap;
} term_list;

/* Words, found by their text. */
typedef struct slot {
    uint32_t hash, index; /* index: the term's + 1; 0 is an empty slot */
} slot;
typedef struct table {
    slot *slots;
    size_t mask; /* slots - 1 (a power of two less one), 0 before the first term */
    term_list list;
} table;

/* Phrases: each time two words follow each other, the pair of their indices in the word table
 * and the comment (its index in report_words.seen) are appended to a log; the phrases are
 * counted from the log when first asked for (build_phrases). Counting them as they came, in one
 * hash table, cost a cache miss per pair and half the time of a large report: most phrases are
 * seen once, so the table held about a million of them for 200,000 comments. */
typedef struct pair {
    uint32_t first, second, seen;
} pair;

static bool reserve(void **p, size_t *cap, size_t need, size_t size) {
    if (need <= *cap) return true;
    size_t c = *cap ? *cap : 64;
    while (c < need) c *= 2;
    void *q = realloc(*p, c * size);
    if (!q) return false;
    *p = q;
    *cap = c;
    return true;
}

static void list_free(term_list *l) {
    for (size_t i = 0; i < l->n; i++) free(l->terms[i].comments);
    free(l->terms);
    free(l->pool);
}

/* A new term, count 0, at the end of the list; its index, or -1 when memory runs out. */
static long list_push(term_list *l) {
    if (l->n >= UINT32_MAX - 1 || !reserve((void **)&l->terms, &l->cap, l->n + 1, sizeof *l->terms))
        return -1;
    l->terms[l->n] = (term){0};
    return (long)l->n++;
}

/* Copies len bytes (and a NUL) to the pool as e's text. */
static bool list_set_text(term_list *l, term *e, const char *s, size_t len) {
    if (l->pool_len + len + 1 > UINT32_MAX ||
        !reserve((void **)&l->pool, &l->pool_cap, l->pool_len + len + 1, 1))
        return false;
    memcpy(l->pool + l->pool_len, s, len);
    l->pool[l->pool_len + len] = '\0';
    e->off = (uint32_t)l->pool_len;
    e->len = (uint32_t)len;
    l->pool_len += len + 1;
    return true;
}

static uint32_t hash_bytes(const char *s, size_t len) {
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static uint32_t hash_pair(uint32_t a, uint32_t b) {
    uint64_t x = ((uint64_t)a << 32 | b) * 0x9E3779B97F4A7C15u;
    return (uint32_t)(x >> 32);
}

/* Slots are kept at most half full; these double them. */
static bool table_grow(table *t) {
    size_t n = t->mask ? (t->mask + 1) * 2 : 256;
    slot *s = n <= UINT32_MAX ? calloc(n, sizeof *s) : NULL;
    if (!s) return false;
    for (size_t i = 0; t->slots && i <= t->mask; i++) {
        if (!t->slots[i].index) continue;
        size_t j = t->slots[i].hash & (n - 1);
        while (s[j].index) j = (j + 1) & (n - 1);
        s[j] = t->slots[i];
    }
    free(t->slots);
    t->slots = s;
    t->mask = n - 1;
    return true;
}

/* The slot holding this text, or the empty slot where it would go (the table has slots). */
static size_t probe(const table *t, const char *s, size_t len, uint32_t h) {
    size_t i = h & t->mask;
    for (; t->slots[i].index; i = (i + 1) & t->mask) {
        const term *e = &t->list.terms[t->slots[i].index - 1];
        if (t->slots[i].hash == h && e->len == len && memcmp(t->list.pool + e->off, s, len) == 0)
            break;
    }
    return i;
}

static bool table_has(const table *t, const char *s, size_t len, uint32_t h) {
    return t->mask && t->slots[probe(t, s, len, h)].index;
}

/* The index of the term with this text (hash h), made with count 0 if missing; -1 when memory
 * runs out. */
static long table_add(table *t, const char *s, size_t len, uint32_t h) {
    if ((t->list.n + 1) * 2 > t->mask && !table_grow(t)) return -1;
    size_t i = probe(t, s, len, h);
    if (t->slots[i].index) return (long)t->slots[i].index - 1;
    long at = list_push(&t->list);
    if (at < 0) return -1;
    if (!list_set_text(&t->list, &t->list.terms[at], s, len)) {
        t->list.n--;
        return -1;
    }
    t->slots[i] = (slot){h, (uint32_t)at + 1};
    return at;
}

/* Counts e once for this comment; false if it was counted for it already or memory ran out. */
static bool term_count(term *e, long comment) {
    if (e->count > 0 && e->last == comment) return false;
    if (e->count >= 1) {
        if (e->count + 1 > e->cap) {
            if (e->count >= UINT32_MAX / 2) return false;
            uint32_t cap = e->cap ? e->cap * 2 : 4;
            long *c = realloc(e->comments, cap * sizeof *c);
            if (!c) return false;
            e->comments = c;
            e->cap = cap;
        }
        if (e->count == 1) e->comments[0] = e->last;
        e->comments[e->count] = comment;
    }
    e->count++;
    e->last = comment;
    return true;
}

/* ---------------------------------------------------------------- stop words */

typedef struct lang_stops {
    char code[16]; /* "en", "ur"... */
    table words;   /* empty when the language has no file */
} lang_stops;

struct report_words {
    char *dir; /* NULL: no stop words */
    table words;
    long *seen; /* the comments added, each once (one after another, once) */
    size_t n_seen, cap_seen;
    pair *pairs; /* the log of phrases, in the order seen */
    size_t n_pairs, cap_pairs;
    term_list phrases;    /* counted from the log... */
    bool phrases_counted; /* ...up to its end */
    lang_stops langs[MAX_LANGS];
    int n_langs;
};

/* The file name's language: lang up to a '-' or '_' ("en-GB" is "en"), lower case, letters and
 * digits only (so a lang can never name a file outside the folder). False if there is none. */
static bool lang_code(const char *lang, char out[16]) {
    size_t n = 0;
    for (; lang && lang[n] && lang[n] != '-' && lang[n] != '_'; n++) {
        char c = lang[n];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 0x20);
        if (n >= 15 || !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
        out[n] = c;
    }
    out[n] = '\0';
    return n > 0;
}

/* Reads dir/code.txt into words: every word of every line, '#' to the end of a line left out.
 * A missing file leaves words empty. */
static void load_stops(const char *dir, const char *code, table *words) {
    size_t n = strlen(dir) + strlen(code) + 6;
    char *path = malloc(n);
    if (!path) return;
    snprintf(path, n, "%s/%s.txt", dir, code);
    FILE *f = fopen(path, "rb");
    free(path);
    if (!f) return;
    char *text = NULL;
    size_t len = 0, cap = 0, got;
    char chunk[4096];
    bool ok = true;
    while (ok && (got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        ok = reserve((void **)&text, &cap, len + got, 1);
        if (ok) memcpy(text + len, chunk, got), len += got;
    }
    fclose(f);
    for (size_t i = 0; ok && i < len; i++) /* '#' comments become spaces */
        if (text[i] == '#')
            while (i < len && text[i] != '\n') text[i++] = ' ';
    tok_iter it = {text, ok ? len : 0, 0, strcmp(code, "ro") == 0};
    token t;
    while (tok_next(&it, &t))
        if (!t.too_long) table_add(words, t.text, t.len, hash_bytes(t.text, t.len));
    free(text);
}

/* The stop words of the language with this code (see lang_code), read on first use; NULL when
 * there are none. */
static const table *stops_for(report_words *w, const char code[16]) {
    if (!w->dir || !code[0]) return NULL;
    for (int i = 0; i < w->n_langs; i++)
        if (strcmp(w->langs[i].code, code) == 0) return &w->langs[i].words;
    if (w->n_langs == MAX_LANGS) return NULL;
    lang_stops *l = &w->langs[w->n_langs++];
    memcpy(l->code, code, sizeof l->code);
    load_stops(w->dir, code, &l->words);
    return &l->words;
}

/* ---------------------------------------------------------------- the interface */

report_words *report_words_new(const char *stopwords_dir) {
    report_words *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    if (stopwords_dir && !(w->dir = strdup(stopwords_dir))) {
        free(w);
        return NULL;
    }
    return w;
}

void report_words_free(report_words *w) {
    if (!w) return;
    list_free(&w->words.list);
    free(w->words.slots);
    list_free(&w->phrases);
    free(w->pairs);
    free(w->seen);
    for (int i = 0; i < w->n_langs; i++) {
        list_free(&w->langs[i].words.list);
        free(w->langs[i].words.slots);
    }
    free(w->dir);
    free(w);
}

void report_words_add(report_words *w, const char *text, const char *lang, long comment) {
    if (!w || !text || !*text) return;
    /* Texts of one comment added one after another are one comment. */
    if ((w->n_seen == 0 || w->seen[w->n_seen - 1] != comment) &&
        (w->n_seen < UINT32_MAX &&
         reserve((void **)&w->seen, &w->cap_seen, w->n_seen + 1, sizeof *w->seen)))
        w->seen[w->n_seen++] = comment;
    bool phrases = w->n_seen > 0 && w->seen[w->n_seen - 1] == comment;
    char code[16];
    if (!lang_code(lang, code)) code[0] = '\0';
    const table *stops = stops_for(w, code);
    tok_iter it = {text, strlen(text), 0, strcmp(code, "ro") == 0};
    token t;
    long prev = -1; /* the word before, to pair with; -1: none */
    while (tok_next(&it, &t)) {
        uint32_t h = hash_bytes(t.text, t.len);
        long at = -1;
        if (!t.too_long && t.chars >= 2 && !t.digits_only &&
            !(stops && table_has(stops, t.text, t.len, h)))
            at = table_add(&w->words, t.text, t.len, h);
        if (at >= 0) {
            term_count(&w->words.list.terms[at], comment);
            if (prev >= 0 && t.joined && phrases &&
                reserve((void **)&w->pairs, &w->cap_pairs, w->n_pairs + 1, sizeof *w->pairs)) {
                w->pairs[w->n_pairs++] =
                    (pair){(uint32_t)prev, (uint32_t)at, (uint32_t)w->n_seen - 1};
                w->phrases_counted = false;
            }
        }
        prev = at;
    }
}

/* Which of 2^bits buckets a phrase goes to: the top bits of its hash (the bottom ones place it
 * in its bucket's table). */
static size_t bucket_of(const pair *p, int bits) {
    return bits ? hash_pair(p->first, p->second) >> (32 - bits) : 0;
}

/* Counts the phrases in the log into w->phrases (anew). The log is cut into buckets by the
 * pairs' hash, keeping their order, so that each bucket is counted with a hash table small
 * enough to stay in the cache; a pair is in one bucket only, so the counts are complete. The
 * terms come out in bucket order; report_words_top sorts them anyway. When memory runs out the
 * phrases counted so far are kept. */
static void build_phrases(report_words *w) {
    list_free(&w->phrases);
    w->phrases = (term_list){0};
    w->phrases_counted = true;
    size_t n = w->n_pairs;
    int bits = 0; /* 2^bits buckets of about 4096 pairs */
    while (bits < 16 && (n >> bits) > 4096) bits++;
    size_t n_buckets = (size_t)1 << bits, biggest = 0;
    size_t *start = calloc(n_buckets + 1, sizeof *start);
    pair *sorted = malloc((n ? n : 1) * sizeof *sorted);
    if (!start || !sorted) goto done;
    for (size_t i = 0; i < n; i++) start[bucket_of(&w->pairs[i], bits)]++; /* count, then place */
    for (size_t b = 0, at = 0; b <= n_buckets; b++) {
        size_t c = b < n_buckets ? start[b] : 0;
        if (c > biggest) biggest = c;
        start[b] = at;
        at += c;
    }
    for (size_t i = 0; i < n; i++) sorted[start[bucket_of(&w->pairs[i], bits)]++] = w->pairs[i];
    /* start[b] is now where bucket b ends. A bucket's table: first + 1, second, last seen and the
     * term's index + 1 (0 while seen in one comment only). */
    size_t mask = 1;
    while (mask < biggest * 2) mask = mask * 2 + 1;
    struct {
        uint32_t first, second, last, index;
    } *tab = calloc(mask + 1, sizeof *tab);
    if (!tab) goto done;
    const term_list *words = &w->words.list;
    for (size_t b = 0, from = 0; b < n_buckets; from = start[b++]) {
        if (b) memset(tab, 0, (mask + 1) * sizeof *tab);
        for (size_t i = from; i < start[b]; i++) {
            const pair *p = &sorted[i];
            size_t j = hash_pair(p->first, p->second) & mask;
            while (tab[j].first && (tab[j].first != p->first + 1 || tab[j].second != p->second))
                j = (j + 1) & mask;
            if (!tab[j].first) {
                tab[j].first = p->first + 1, tab[j].second = p->second, tab[j].last = p->seen;
                continue;
            }
            if (tab[j].last == p->seen) continue; /* again in the same comment */
            if (!tab[j].index) { /* a second comment: now it is a term, with its text */
                long at = list_push(&w->phrases);
                if (at < 0) goto done_tab;
                term *e = &w->phrases.terms[at];
                const term *a = &words->terms[p->first], *c = &words->terms[p->second];
                char text[2 * WORD_MAX + 2];
                memcpy(text, words->pool + a->off, a->len);
                text[a->len] = ' ';
                memcpy(text + a->len + 1, words->pool + c->off, c->len);
                if (!list_set_text(&w->phrases, e, text, a->len + 1 + c->len)) {
                    w->phrases.n--;
                    goto done_tab;
                }
                e->count = 1;
                e->last = w->seen[tab[j].last];
                tab[j].index = (uint32_t)at + 1;
            }
            term_count(&w->phrases.terms[tab[j].index - 1], w->seen[p->seen]);
            tab[j].last = p->seen;
        }
    }
done_tab:
    free(tab);
done:
    free(sorted);
    free(start);
}

/* True if a ranks before b: more comments, then alphabetical. */
static bool ranks_before(const report_term *a, const report_term *b) {
    if (a->count != b->count) return a->count > b->count;
    return strcmp(a->term, b->term) < 0;
}

/* out[0..n) is a heap with the lowest-ranked term at the root; moves out[i] down into place. */
static void sift_down(report_term *out, int n, int i) {
    for (;;) {
        int worst = i, l = 2 * i + 1, r = l + 1;
        if (l < n && ranks_before(&out[worst], &out[l])) worst = l;
        if (r < n && ranks_before(&out[worst], &out[r])) worst = r;
        if (worst == i) return;
        report_term tmp = out[i];
        out[i] = out[worst];
        out[worst] = tmp;
        i = worst;
    }
}

int report_words_top(const report_words *w, bool two_words, report_term *out, int n) {
    if (!w || !out || n <= 0) return 0;
    /* Counting the phrases is deferred to here and kept until the next add: a cache of what
     * w already says, so asking stays read-only to the caller (w is always the heap object
     * report_words_new made, never a const one). */
    if (two_words && !w->phrases_counted) build_phrases((report_words *)w);
    const term_list *t = two_words ? &w->phrases : &w->words.list;
    /* Keep the best n in a heap whose root is the worst of them, so each other term costs one
     * comparison with the root: O(terms log n), no memory of its own. */
    int k = 0;
    for (size_t i = 0; i < t->n; i++) {
        const term *e = &t->terms[i];
        if (e->count < 2) continue;
        report_term r = {t->pool + e->off, e->count, e->comments, e->count};
        if (k < n) {
            int j = k++;
            out[j] = r;
            while (j > 0 && ranks_before(&out[(j - 1) / 2], &out[j])) {
                report_term tmp = out[j];
                out[j] = out[(j - 1) / 2];
                out[(j - 1) / 2] = tmp;
                j = (j - 1) / 2;
            }
        } else if (ranks_before(&r, &out[0])) {
            out[0] = r;
            sift_down(out, k, 0);
        }
    }
    /* Heap sort: the worst goes to the end, one at a time, leaving the best first. */
    for (int end = k - 1; end > 0; end--) {
        report_term tmp = out[0];
        out[0] = out[end];
        out[end] = tmp;
        sift_down(out, end, 0);
    }
    return k;
}
