/* quote_screen: the automatic check of a visitor's words (see quote_screen.h).
 *
 * The idea: no regular expressions (they backtrack, and they do not know Urdu digits). The
 * text is walked once, left to right, by two scanners that each look a bounded distance ahead,
 * so the time is linear in the text whatever it holds:
 *  - a character scanner for things that are one run of characters: phone numbers (digit
 *    groups and separators, at most PHONE_MAX_DIGITS digits), e-mail addresses and @handles
 *    (around an '@'), web addresses (http://, www., a host name ending in a known top-level
 *    domain) and full UK postcodes;
 *  - a token scanner for things made of words: a house number with a street word, a courtesy
 *    title with a surname, and block-list words and phrases. It keeps a window of the next
 *    WIN tokens (words, numbers, single punctuation marks) and slides it one token at a time.
 *
 * What counts as an address or a name is a set of small word lists per language below (street
 * words, titles, words that are not names); the test table (tests/unit/test_quote_screen.c)
 * lists each decision with the texts that must and must not be held back.
 *
 * Case folding is simple (one character to one) for the Latin letters of English, Polish,
 * Slovak, Czech and Romanian (ASCII, Latin-1, Latin Extended-A, Ș/Ț), and Romanian's ş/ţ with
 * a cedilla count as ș/ț with a comma, as keyboards type either. Urdu has no case and is
 * matched as written. */
#include "quotes/quote_screen.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/utf8.h"

#define WIN 12              /* tokens the word scanner sees ahead (longest pattern + room) */
#define WORD_BYTES 64       /* a folded word; a longer run of letters is no list word */
#define PHRASE_BYTES 160    /* a folded block-list phrase */
#define PHONE_MAX_DIGITS 15 /* E.164: no phone number has more */
#define SHOWN_BYTES 64      /* of the matched text quoted in the reason */
#define PER_FLAG 3          /* findings of one kind quoted in the reason */
#define LANG_BYTES 12

/* ------------------------------------------------------------------ characters */

static bool cp_ascii_letter(uint32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* 0-9 for a digit in ASCII, Arabic-Indic (٠-٩) or Extended Arabic-Indic (Urdu ۰-۹), else -1. */
static int cp_digit(uint32_t c) {
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 0x660 && c <= 0x669) return (int)(c - 0x660);
    if (c >= 0x6F0 && c <= 0x6F9) return (int)(c - 0x6F0);
    return -1;
}

static bool cp_space(uint32_t c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

/* Invisible direction marks that bidi-aware keyboards put around numbers in Urdu text
 * (LRM, RLM, ALM, the isolates and embeddings, a byte order mark): nothing between tokens. */
static bool cp_format(uint32_t c) {
    return c == 0x200E || c == 0x200F || c == 0x61C || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

static bool cp_arabic_script(uint32_t c) {
    return (c >= 0x600 && c <= 0x6FF) || (c >= 0x750 && c <= 0x77F) || (c >= 0x8A0 && c <= 0x8FF) ||
           (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

/* A letter, for cutting words: ASCII letters, and every character from Latin-1 on that is not
 * a digit, a space, punctuation or a symbol we know of (the rest of Unicode's letters need no
 * table here: a character wrongly taken for a letter only joins two words). Combining marks and
 * the zero-width (non-)joiner stay inside words, so Urdu words stay whole. */
static bool cp_letter(uint32_t c) {
    if (c < 0x80) return cp_ascii_letter(c);
    if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
    if (c == 0xD7 || c == 0xF7) return false;
    if (cp_digit(c) >= 0 || cp_space(c)) return false;
    if (c == 0x60C || c == 0x61B || c == 0x61F || (c >= 0x66A && c <= 0x66D) || c == 0x6D4 ||
        c == 0x6DD || c == 0x6DE || c == 0x6E9 || c == 0x600 || c == 0x601 || c == 0x602 ||
        c == 0x603 || c == 0x60D)
        return false; /* Arabic punctuation and signs */
    if (c == 0x200C || c == 0x200D) return true;
    if (c >= 0x2000 && c <= 0x2E7F) return false; /* punctuation, symbols, arrows, boxes */
    if (c >= 0x3000 && c <= 0x303F) return false;
    if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFE10 && c <= 0xFE6F)) return false;
    if (c >= 0xFF00 && c <= 0xFF20) return false;
    if (c == 0xFEFF || c == 0xFFFD || (c >= 0xFFF0 && c <= 0xFFFF)) return false;
    if (c >= 0x1F000) return false; /* emoji and other symbols */
    return true;
}

static uint32_t pair_lower_even(uint32_t c) { return c | 1; }
static uint32_t pair_lower_odd(uint32_t c) { return c + (c & 1); }

/* Lower case of the Latin letters the five Latin-script languages use; anything else as is. */
static uint32_t cp_fold(uint32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 0x20 : c;
    if (c < 0xC0) return c;
    if (c < 0x100) return (c <= 0xDE && c != 0xD7) ? c + 0x20 : c;
    if (c < 0x180) {
        if (c == 0x130) return 'i';
        if (c == 0x178) return 0xFF;
        if (c <= 0x137 || (c >= 0x14A && c <= 0x177))
            c = pair_lower_even(c);
        else if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
            c = pair_lower_odd(c);
        if (c == 0x15F) return 0x219; /* ş with a cedilla is Romanian ș */
        if (c == 0x163) return 0x21B; /* ţ is ț */
        return c;
    }
    if (c >= 0x218 && c <= 0x21B) return pair_lower_even(c); /* Ș ș Ț ț */
    return c;
}

static bool cp_upper(uint32_t c) { return cp_fold(c) != c; }

/* Decodes at s[i] (i < n); the length, at least 1. */
static size_t dec(const char *s, size_t n, size_t i, uint32_t *cp) {
    int len = utf8_decode(s + i, n - i, cp);
    return len < 1 ? 1 : (size_t)len;
}

/* The character before byte i (0 when i is 0). */
static uint32_t cp_before(const char *s, size_t i) {
    if (i == 0) return 0;
    size_t p = utf8_prev(s, i);
    uint32_t cp;
    dec(s, i, p, &cp);
    return cp;
}

static bool cp_alnum(uint32_t c) { return cp_letter(c) || cp_digit(c) >= 0; }

static bool in_list(const char *const *list, const char *w) {
    for (int i = 0; list[i]; i++)
        if (strcmp(list[i], w) == 0) return true;
    return false;
}

/* ------------------------------------------------------------------ tokens */

typedef enum tok_kind { T_END, T_WORD, T_NUM, T_PUNCT } tok_kind;

typedef struct tok {
    tok_kind kind;
    size_t start, end;
    uint32_t cp;       /* T_PUNCT: the mark; T_WORD: its first letter */
    bool space_before; /* white space between the token before and this one */
    int digits;        /* T_NUM: how many */
    int value;         /* T_NUM: its value, when digits <= 6 */
} tok;

/* The token at or after pos: a word (letters, with an apostrophe between two letters), a
 * number (digits of any script), or one other character. */
static size_t tok_next(const char *s, size_t n, size_t pos, tok *t) {
    *t = (tok){T_END, n, n, 0, false, 0, 0};
    uint32_t cp;
    while (pos < n) {
        size_t l = dec(s, n, pos, &cp);
        if (cp_space(cp))
            t->space_before = true;
        else if (!cp_format(cp))
            break;
        pos += l;
    }
    if (pos >= n) return n;
    t->start = pos;
    size_t l = dec(s, n, pos, &cp);
    t->cp = cp;
    if (cp_digit(cp) >= 0) {
        t->kind = T_NUM;
        while (pos < n) {
            l = dec(s, n, pos, &cp);
            int v = cp_digit(cp);
            if (v < 0) break;
            if (t->digits < 6) t->value = t->value * 10 + v;
            t->digits++;
            pos += l;
        }
    } else if (cp_letter(cp)) {
        t->kind = T_WORD;
        while (pos < n) {
            l = dec(s, n, pos, &cp);
            if (cp == '\'' || cp == 0x2019) { /* don't, o'clock */
                uint32_t next;
                if (pos + l < n && cp_letter((dec(s, n, pos + l, &next), next))) {
                    pos += l;
                    continue;
                }
                break;
            }
            if (!cp_letter(cp)) break;
            pos += l;
        }
    } else {
        t->kind = T_PUNCT;
        pos += l;
    }
    t->end = pos;
    return pos;
}

/* The word folded into out (cap bytes); "" when it is longer. */
static const char *tok_fold(const char *s, const tok *t, char *out, size_t cap) {
    size_t at = 0;
    out[0] = '\0';
    if (t->kind != T_WORD) return out;
    for (size_t i = t->start; i < t->end;) {
        uint32_t cp;
        i += dec(s, t->end, i, &cp);
        if (cp == 0x2019) cp = '\'';
        char b[4];
        int len = utf8_encode(cp_fold(cp), b);
        if (at + (size_t)len >= cap) {
            out[0] = '\0';
            return out;
        }
        memcpy(out + at, b, (size_t)len);
        at += (size_t)len;
    }
    out[at] = '\0';
    return out;
}

static bool tok_upper(const tok *t) { return t->kind == T_WORD && cp_upper(t->cp); }
static bool tok_caseless(const tok *t) { return t->kind == T_WORD && cp_arabic_script(t->cp); }
static bool tok_is(const tok *t, uint32_t c) { return t->kind == T_PUNCT && t->cp == c; }

/* ------------------------------------------------------------------ the reason */

typedef struct finder {
    quote_check *out;
    int count[8];    /* findings of each flag quoted so far */
    size_t last_end; /* the end of the last finding, in the text */
} finder;

static int flag_index(unsigned f) {
    int i = 0;
    while (f > 1) {
        f >>= 1;
        i++;
    }
    return i;
}

/* Appends src (len bytes) to out->reason, stopping before a character that would not fit,
 * and turning control characters (a newline inside a match) into spaces. */
static void reason_append(quote_check *out, const char *src, size_t len) {
    size_t at = strlen(out->reason), room = sizeof out->reason - 1;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t l = dec(src, len, i, &cp);
        if (at + l > room) break;
        if (cp < 0x20 || cp == 0x7F || cp == 0xFFFD) {
            out->reason[at++] = cp == 0xFFFD ? '?' : ' ';
        } else {
            memcpy(out->reason + at, src + i, l);
            at += l;
        }
        i += l;
    }
    out->reason[at] = '\0';
}

/* Records a finding: the flag, and "what: matched text" in the reason (the first PER_FLAG of
 * each kind; a long match is cut at a whole character and marked with "…"). */
static void found(finder *f, unsigned flag, const char *what, const char *s, size_t start,
                  size_t end) {
    f->out->flags |= flag;
    f->last_end = end;
    int k = flag_index(flag);
    if (f->count[k]++ >= PER_FLAG) return;
    if (f->out->reason[0]) reason_append(f->out, "; ", 2);
    reason_append(f->out, what, strlen(what));
    reason_append(f->out, ": ", 2);
    size_t len = end - start;
    if (len > SHOWN_BYTES) {
        len = SHOWN_BYTES;
        while (len > 0 && (s[start + len] & 0xC0) == 0x80) len--;
        reason_append(f->out, s + start, len);
        reason_append(f->out, "\xE2\x80\xA6", 3);
    } else {
        reason_append(f->out, s + start, len);
    }
}

/* ------------------------------------------------------------------ phone numbers */

static bool phone_sep(uint32_t c) {
    return c == ' ' || c == 0xA0 || c == 0x202F || c == '-' || c == '.' || c == '/' || c == '(' ||
           c == ')' || cp_format(c);
}

typedef struct digit_group {
    size_t end;   /* byte after the group's last digit */
    int digits;   /* in the whole run up to and including this group */
    int len;      /* digits in this group */
    uint32_t sep; /* the separator before the next group (its first character) */
} digit_group;

/* Is groups[0..k] (digits in d) a phone number? See the test table for each form. */
static bool phone_form(const char *d, int total, const digit_group *g, int k, bool plus) {
    if (plus) return total >= 8 && total <= PHONE_MAX_DIGITS;
    if (d[0] == '0' && d[1] == '0') return total >= 11 && total <= PHONE_MAX_DIGITS;
    if (d[0] == '0') return total == 10 || total == 11; /* UK, SK, RO, PK with a trunk 0 */
    if (total != 9) return false; /* PL and CZ: nine digits, no trunk prefix */
    if (k == 0) return true;
    bool zeros = true;
    for (int i = 0; i <= k; i++) {
        if (g[i].len < 2 || g[i].len > 3) return false; /* 601 234 567, 22 123 45 67 */
        if (i > 0 && (g[i].len != 3 || memcmp(d + g[i - 1].digits, "000", 3) != 0)) zeros = false;
    }
    return !zeros; /* 100 000 000 is money */
}

/* Words and signs of money: a number before one is an amount ("123 456 789 zł"). */
static const char *const money_words[] = {
    "zł",      "zl",       "pln",     "kč",       "kc",     "czk",     "eur",
    "euro",    "euros",    "lei",     "ron",      "gbp",    "pounds",  "rs",
    "rupees",  "روپے",     "million", "mln",      "milion", "miliony", "milionów",
    "milióny", "miliónov", "milionů", "milioane", NULL};

static bool money_after(const char *s, size_t n, size_t end) {
    tok t;
    tok_next(s, n, end, &t);
    char f[WORD_BYTES];
    if (t.kind == T_PUNCT) return t.cp == 0x20AC || t.cp == '$' || t.cp == 0xA3;
    return t.kind == T_WORD && in_list(money_words, tok_fold(s, &t, f, sizeof f));
}

static bool money_sign(uint32_t c) { return c == 0xA3 || c == '$' || c == 0x20AC; }

/* Three groups that read as a date (12.03.2026, 1/3/26): no phone number starts there. */
static bool date_form(const digit_group *g, int n) {
    if (n < 3) return false;
    uint32_t s = g[0].sep;
    return (s == '.' || s == '/' || s == '-') && g[1].sep == s && g[0].len <= 2 && g[1].len <= 2 &&
           (g[2].len == 2 || g[2].len == 4);
}

/* Tries a phone number starting at i ('+', '(' or a digit at a boundary). Returns the byte
 * after it, or 0. */
static size_t phone_at(const char *s, size_t n, size_t i) {
    char d[PHONE_MAX_DIGITS + 2];
    digit_group g[PHONE_MAX_DIGITS + 1];
    int total = 0, groups = 0;
    bool plus = false;
    size_t p = i;
    uint32_t cp;
    size_t l = dec(s, n, p, &cp);
    if (cp == '+') {
        plus = true;
        p += l;
    }
    /* Groups of digits, between them at most three separator characters. */
    while (p < n && total <= PHONE_MAX_DIGITS) {
        int seps = 0;
        uint32_t first_sep = 0;
        size_t q = p;
        while (q < n && seps <= 3) {
            l = dec(s, n, q, &cp);
            if (!phone_sep(cp)) break;
            if (!seps) first_sep = cp;
            seps++;
            q += l;
        }
        if (q >= n || seps > 3) break;
        l = dec(s, n, q, &cp);
        if (cp_digit(cp) < 0) break;
        if (groups > 0)
            g[groups - 1].sep = first_sep;
        else if (seps && first_sep != '(')
            break; /* "+ 44" or ".5": not a phone's start */
        int len = 0;
        while (q < n && total <= PHONE_MAX_DIGITS) {
            l = dec(s, n, q, &cp);
            int v = cp_digit(cp);
            if (v < 0) break;
            d[total++] = (char)('0' + v);
            len++;
            q += l;
        }
        if (total > PHONE_MAX_DIGITS) break;
        /* A time (10:30) or a decimal with a comma ends the run before this group. */
        if (q < n &&
            (s[q] == ':' || (s[q] == ',' && q + 1 < n && cp_digit((uint8_t)s[q + 1]) >= 0))) {
            total -= len;
            break;
        }
        g[groups] = (digit_group){q, total, len, 0};
        groups++;
        p = q;
    }
    if (groups == 0 || total < 8) return 0;
    d[total] = '\0';
    if (date_form(g, groups)) return 0;
    /* The longest run of whole groups that is a phone number. */
    for (int k = groups - 1; k >= 0; k--) {
        size_t end = g[k].end;
        if (end < n) {
            dec(s, n, end, &cp);
            if (cp_letter(cp)) continue; /* "0300 1234567abc" is a code, not a number */
        }
        if (phone_form(d, g[k].digits, g, k, plus))
            return plus || !money_after(s, n, end) ? end : 0;
    }
    return 0;
}

/* ------------------------------------------------------------------ e-mail, web, handles */

static bool local_char(uint32_t c) {
    return cp_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

static bool host_char(uint32_t c) { return cp_alnum(c) || c == '-' || c == '.'; }

/* Top-level domains worth holding a quote for: common ones and the six languages' countries.
 * Short ones that are also words ("it", "in", "me", "to", "co") are left out: "park.It". */
static const char *const tlds[] = {
    "com", "org", "net", "uk",  "pl",     "sk",   "cz",  "ro", "pk",   "eu",    "info",   "gov",
    "edu", "io",  "ly",  "biz", "online", "site", "app", "ie", "scot", "wales", "london", NULL};

/* The folded ASCII of s[a..b) into out (cap bytes); false if it does not fit or is not ASCII. */
static bool ascii_fold(const char *s, size_t a, size_t b, char *out, size_t cap) {
    if (b - a >= cap) return false;
    for (size_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) return false;
        out[i - a] = (char)(c >= 'A' && c <= 'Z' ? c + 0x20 : c);
    }
    out[b - a] = '\0';
    return true;
}

/* The end of a host name s[a..) (letters, digits, '-', '.'), without a final '.' or '-'. */
static size_t host_end(const char *s, size_t n, size_t a) {
    size_t p = a, last = a;
    while (p < n) {
        uint32_t cp;
        size_t l = dec(s, n, p, &cp);
        if (!host_char(cp)) break;
        p += l;
        if (cp != '.' && cp != '-') last = p;
    }
    return last;
}

/* True if s[a..b) has a dot and ends in a label of two or more letters (e-mail) or, with
 * known_tld, in one of tlds. */
static bool host_ok(const char *s, size_t a, size_t b, bool known_tld) {
    size_t dot = b;
    for (size_t i = b; i > a; i--)
        if (s[i - 1] == '.') {
            dot = i - 1;
            break;
        }
    if (dot == b || dot == a) return false;
    char tld[16];
    if (!ascii_fold(s, dot + 1, b, tld, sizeof tld)) return false;
    size_t len = strlen(tld);
    if (len < 2) return false;
    for (size_t i = 0; i < len; i++)
        if (tld[i] < 'a' || tld[i] > 'z') return false;
    return !known_tld || in_list(tlds, tld);
}

/* Past a web address's path: everything up to white space. */
static size_t path_end(const char *s, size_t n, size_t p) {
    size_t last = p;
    while (p < n) {
        uint32_t cp;
        size_t l = dec(s, n, p, &cp);
        if (cp_space(cp) || cp == '"' || cp == '<' || cp == '>') break;
        p += l;
        if (cp != '.' && cp != ',' && cp != ')' && cp != '!' && cp != '?') last = p;
    }
    return last;
}

static bool starts_with_ci(const char *s, size_t n, size_t i, const char *w) {
    size_t len = strlen(w);
    if (n - i < len) return false;
    for (size_t k = 0; k < len; k++) {
        unsigned char c = (unsigned char)s[i + k];
        if ((c >= 'A' && c <= 'Z' ? c + 0x20 : c) != (unsigned char)w[k]) return false;
    }
    return true;
}

/* A web address starting at i (a word's start): http(s)://..., www...., or host.tld[/...].
 * Returns its end or 0. */
static size_t web_at(const char *s, size_t n, size_t i) {
    if (starts_with_ci(s, n, i, "http://") || starts_with_ci(s, n, i, "https://")) {
        size_t p = i + (s[i + 4] == ':' ? 7 : 8);
        size_t e = path_end(s, n, p);
        return e > p ? e : 0;
    }
    bool www = starts_with_ci(s, n, i, "www.");
    size_t h = host_end(s, n, i);
    if (h <= i || !host_ok(s, i, h, !www)) return 0;
    if (h < n && s[h] == '/') return path_end(s, n, h);
    return h;
}

/* ------------------------------------------------------------------ UK postcodes */

static bool pc_letter(const char *s, size_t n, size_t i) {
    return i < n && cp_ascii_letter((unsigned char)s[i]);
}
static bool pc_digit(const char *s, size_t n, size_t i) {
    return i < n && s[i] >= '0' && s[i] <= '9';
}

/* The inward code's letters: never C, I, K, M, O or V (so "D3 2mg", "5km", "5pm" are not). */
static bool inward_letter(const char *s, size_t n, size_t i) {
    return pc_letter(s, n, i) && !strchr("cikmov", s[i] | 0x20);
}

/* "2nd", "3rd", "1st", "4th" in lower case after a space: an ordinal ("the M1 2nd exit"). */
static bool ordinal(const char *s, size_t i) {
    char a = s[i + 1], b = s[i + 2];
    int d = s[i] - '0';
    if (d == 1) return a == 's' && b == 't';
    if (d == 2) return a == 'n' && b == 'd';
    if (d == 3) return a == 'r' && b == 'd';
    return a == 't' && b == 'h';
}

/* A full postcode starting at i (a word's start): the outward code (A9, A99, AA9, AA99, A9A,
 * AA9A), up to three spaces, the inward code (9AA), then no letter or digit. Returns its end or
 * 0. Every outward length is tried, so "s601ae" is S60 1AE. */
static size_t postcode_at(const char *s, size_t n, size_t i) {
    if (!pc_letter(s, n, i)) return 0;
    size_t letters = pc_letter(s, n, i + 1) ? 2 : 1;
    size_t p = i + letters;
    if (!pc_digit(s, n, p)) return 0;
    p++;
    for (int extra = 1; extra >= 0; extra--) { /* the longest outward code first */
        size_t q = p;
        if (extra) {
            if (!(pc_digit(s, n, q) || pc_letter(s, n, q))) continue;
            q++;
        }
        int spaces = 0;
        while (q < n && s[q] == ' ' && spaces < 3) {
            q++;
            spaces++;
        }
        if (!(pc_digit(s, n, q) && inward_letter(s, n, q + 1) && inward_letter(s, n, q + 2)))
            continue;
        size_t end = q + 3;
        if (end < n) {
            uint32_t cp;
            dec(s, n, end, &cp);
            if (cp_alnum(cp)) continue;
        }
        if (spaces && ordinal(s, q)) continue;
        return end;
    }
    return 0;
}

/* ------------------------------------------------------------------ the character scan */

/* At an '@' (byte i; the e-mail local part would begin at local): an e-mail address, or an
 * @handle when nothing touches the '@' before it. Returns the end of what was found, or 0. */
static size_t at_sign(finder *f, const char *s, size_t n, size_t i, size_t local) {
    while (local < i && s[local] == '.') local++;
    size_t h = host_end(s, n, i + 1);
    if (local < i && h > i + 1 && host_ok(s, i + 1, h, false)) {
        found(f, QUOTE_FLAG_EMAIL, "an e-mail address", s, local, h);
        return h;
    }
    if (local < i) return 0;
    /* A handle: letters, digits, '_' and '.', one letter at least ("@ 10" is "at"). */
    size_t p = i + 1, last = i + 1;
    bool letter = false;
    while (p < n && (cp_ascii_letter((unsigned char)s[p]) || (s[p] >= '0' && s[p] <= '9') ||
                     s[p] == '_' || s[p] == '.')) {
        if (cp_ascii_letter((unsigned char)s[p])) letter = true;
        if (s[p] != '.') last = p + 1;
        p++;
    }
    if (!letter || last - i < 3) return 0;
    found(f, QUOTE_FLAG_WEB, "a social media handle", s, i, last);
    return last;
}

/* Can a phone number start after prev (and prev2 before it)? Not inside a word or a number
 * (1.0722..., 12/0722...), nor after a money sign; after "tel." or "nr:" it can. */
static bool phone_boundary(uint32_t prev2, uint32_t prev) {
    if (cp_alnum(prev) || money_sign(prev) || prev == '+' || prev == '@' || prev == '_')
        return false;
    return !((prev == '.' || prev == '-' || prev == '/' || prev == ',') && cp_digit(prev2) >= 0);
}

/* Can a web address or postcode start after prev? Not inside a word, a host or a path. */
static bool word_boundary(uint32_t prev) {
    return !cp_alnum(prev) && prev != '.' && prev != '-' && prev != '/' && prev != '@' &&
           prev != '+' && prev != '_';
}

static void scan_chars(finder *f, const char *s, size_t n) {
    size_t local = 0;             /* where the run of e-mail local-part characters began */
    uint32_t prev = 0, prev2 = 0; /* the characters before i */
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t l = dec(s, n, i, &cp), end = 0;
        if (cp == '@') {
            end = at_sign(f, s, n, i, local);
        } else if ((cp == '+' || cp == '(' || cp_digit(cp) >= 0) && phone_boundary(prev2, prev)) {
            end = phone_at(s, n, cp == '(' ? i + 1 : i);
            if (end) found(f, QUOTE_FLAG_PHONE, "a phone number", s, i, end);
        } else if (cp_letter(cp) && word_boundary(prev)) {
            if ((end = web_at(s, n, i)) != 0)
                found(f, QUOTE_FLAG_WEB, "a web address", s, i, end);
            else if ((end = postcode_at(s, n, i)) != 0)
                found(f, QUOTE_FLAG_POSTCODE, "a full postcode", s, i, end);
        }
        if (end) { /* past what was found: nothing inside it starts a second finding */
            i = end;
            prev = cp_before(s, i);
            prev2 = cp_before(s, utf8_prev(s, i));
            local = i;
            continue;
        }
        if (!local_char(cp)) local = i + l;
        prev2 = prev;
        prev = cp;
        i += l;
    }
}

/* ------------------------------------------------------------------ word lists */

/* Street words that come before the name and number (ul. Długa 5, strada Unirii 3, Námestie
 * SNP 1, گلی نمبر 4). Abbreviations are written without their dot; the dot is optional. */
static const char *const street_before[] = {
    /* pl */ "ul",
    "ulica",
    "ulicy",
    "al",
    "aleja",
    "alei",
    "aleje",
    "os",
    "osiedle",
    "osiedlu",
    "pl",
    "plac",
    "placu",
    /* sk, cs */ "ulice",
    "námestie",
    "náměstí",
    "nám",
    "trieda",
    "třída",
    "tř",
    "nábrežie",
    "nábřeží",
    "cesta",
    /* ro */ "strada",
    "str",
    "bulevardul",
    "bd",
    "bdul",
    "calea",
    "aleea",
    "șoseaua",
    "șos",
    "sos",
    "piața",
    "splaiul",
    "intrarea",
    /* ur */ "مکان",
    "گلی",
    "روڈ",
    "سٹریٹ",
    "اسٹریٹ",
    "بلاک",
    "سیکٹر",
    "فلیٹ",
    NULL};

/* Street words after the name (12 Main Street, Hlavná ulica 4, 15 مال روڈ). */
static const char *const street_after[] = {"street",
                                           "st",
                                           "road",
                                           "rd",
                                           "avenue",
                                           "ave",
                                           "lane",
                                           "ln",
                                           "drive",
                                           "dr",
                                           "close",
                                           "way",
                                           "crescent",
                                           "cres",
                                           "court",
                                           "ct",
                                           "place",
                                           "pl",
                                           "terrace",
                                           "gardens",
                                           "grove",
                                           "row",
                                           "walk",
                                           "square",
                                           "sq",
                                           "mews",
                                           "hill",
                                           "view",
                                           "rise",
                                           "parade",
                                           /* sk, cs, pl after a name */ "ulica",
                                           "ulice",
                                           "trieda",
                                           "třída",
                                           "cesta",
                                           /* ur */ "روڈ",
                                           "سٹریٹ",
                                           "اسٹریٹ",
                                           NULL};

/* Of street_after, the words that stand for a street alone in lower case ("12 main street"):
 * short or common ones ("close", "way", "view") need the name to be capitalised. */
static const char *const street_after_plain[] = {"street",   "road",    "avenue", "lane",
                                                 "crescent", "terrace", "ulica",  "ulice",
                                                 "روڈ",      "سٹریٹ",   "اسٹریٹ", NULL};

/* English words that say a number counts things, not a house ("2 new road crossings"). */
static const char *const not_names[] = {
    "new",     "more",  "big",  "small", "busy",  "other", "extra", "safer", "better",
    "major",   "minor", "of",   "the",   "a",     "an",    "and",   "or",    "to",
    "in",      "on",    "at",   "for",   "by",    "with",  "year",  "years", "minute",
    "minutes", "min",   "mins", "hour",  "hours", "times", NULL};

/* Words after a number that say it counts or measures ("flat 3 miles away", "ul. Długa 5 minut
 * stąd"): no house number is followed by one. */
static const char *const units[] = {
    "min",    "mins",     "minute",  "minutes",  "hour",   "hours",   "hrs",    "mile",
    "miles",  "km",       "m",       "metres",   "meters", "year",    "years",  "yrs",
    "bed",    "beds",     "bedroom", "bedrooms", "storey", "storeys", "floors", "times",
    "people", "percent",  "minut",   "minuty",   "godzin", "lat",     "osób",   "minút",
    "hodín",  "hodin",    "rokov",   "let",      "ľudí",   "lidí",    "minute", "ore",
    "ani",    "persoane", "منٹ",     "گھنٹے",    "سال",    "کلومیٹر", "لوگ",    NULL};

/* A flat or block: the number follows straight away (flat 3, ap. 12, bl. 4). */
static const char *const flat_words[] = {"flat",       "apartment",  "apt",  "ap",
                                         "apartament", "bl",         "bloc", "byt",
                                         "mieszkanie", "mieszkania", "فلیٹ", NULL};

/* Words between a street and its number (ul. Długa nr 5, str. Mihai Eminescu nr. 5). */
static const char *const number_words[] = {"nr",      "no",      "number", "číslo", "č",
                                           "numărul", "numarul", "نمبر",   "نمبر:", NULL};

/* Courtesy titles before a surname. Those in titles_any are followed by a name in any case
 * ("mr smith"); the rest need a capitalised name ("Dr Patel" but "the dr said"). */
static const char *const titles_any[] = {"mr", "mrs", "ms", "mx", "cllr", NULL};
static const char *const titles[] = {
    /* en ("Lord", "Lady", "Dame" left out: Lord Street, Lady Bay) */
    "dr",
    "sir",
    "prof",
    "professor",
    "councillor",
    /* pl */ "pan",
    "pani",
    "pana",
    "panu",
    "panem",
    "panią",
    "panie",
    "panna",
    /* sk, cs */ "pán",
    "pána",
    "pánovi",
    "pánom",
    "paní",
    "slečna",
    "slečny",
    "ing",
    "mgr",
    "mudr",
    "judr",
    "bc",
    "phdr",
    "rndr",
    "doc",
    "doktor",
    "doktorka",
    /* ro */ "domnul",
    "doamna",
    "domnului",
    "doamnei",
    "domnișoara",
    "dl",
    "dna",
    "dnul",
    "dnei",
    NULL};
/* "Miss" only with a capital: "I miss Jones's bakery". */
static const char *const titles_capital[] = {"miss", NULL};

/* Urdu titles before a name (جناب احمد, ڈاکٹر فاطمہ) and after it (احمد صاحب). */
static const char *const ur_titles_before[] = {"جناب", "محترم", "محترمہ", "ڈاکٹر", "بیگم", NULL};
static const char *const ur_titles_after[] = {"صاحب", "صاحبہ", NULL};
/* Urdu words that are not names: postpositions, pronouns and the like ("ڈاکٹر کے پاس"). */
static const char *const ur_not_names[] = {
    "کے",   "کی",   "کا",   "نے",   "کو",  "سے", "میں", "پر",   "ہے",  "ہیں", "اور", "بھی",
    "تو",   "یہ",   "وہ",   "اس",   "ان",  "جو", "کہ",  "نہیں", "تھا", "تھے", "ہم",  "آپ",
    "میرے", "میری", "میرا", "کوئی", "ایک", "سب", "بہت", "لیے",  "لئے", NULL};

/* ------------------------------------------------------------------ the block list */

typedef struct bl_entry {
    char *phrase; /* folded words joined by one space */
    char lang[LANG_BYTES];
} bl_entry;

struct quote_blocklist {
    bl_entry *items; /* sorted by phrase */
    size_t n, cap;
    int max_tokens; /* in the longest phrase */
};

quote_blocklist *quote_blocklist_new(void) { return calloc(1, sizeof(quote_blocklist)); }

void quote_blocklist_free(quote_blocklist *b) {
    if (!b) return;
    for (size_t i = 0; i < b->n; i++) free(b->items[i].phrase);
    free(b->items);
    free(b);
}

size_t quote_blocklist_count(const quote_blocklist *b) { return b ? b->n : 0; }

/* A block-list phrase as it is compared: the same for a list's line and for the text, so one
 * strcmp decides. A word is folded, a number written in ASCII digits, any other mark kept as it
 * is; white space or a hyphen between two tokens is one space, tokens that touch stay together
 * ("sh1t", "f*ck", "son-of-a-bitch" is "son of a bitch"). */
typedef struct bl_phrase {
    char text[PHRASE_BYTES];
    size_t len;
    int tokens; /* hyphens not counted */
    bool gap;   /* white space or a hyphen since the last token */
} bl_phrase;

/* Adds token t of s; false when it does not fit. */
static bool phrase_add(bl_phrase *p, const char *s, const tok *t) {
    if (t->space_before) p->gap = true;
    if (tok_is(t, '-')) {
        p->gap = true;
        return true;
    }
    char f[WORD_BYTES];
    size_t len = 0;
    if (t->kind == T_WORD) {
        len = strlen(tok_fold(s, t, f, sizeof f));
    } else if (t->kind == T_NUM) {
        for (size_t i = t->start; i < t->end && len < sizeof f;) {
            uint32_t cp;
            i += dec(s, t->end, i, &cp);
            f[len++] = (char)('0' + cp_digit(cp));
        }
        if (len >= sizeof f) len = 0;
    } else if (t->kind == T_PUNCT && t->end - t->start < sizeof f) {
        len = t->end - t->start;
        memcpy(f, s + t->start, len);
    }
    if (!len || p->len + len + 2 > sizeof p->text) return false;
    if (p->gap && p->tokens) p->text[p->len++] = ' ';
    memcpy(p->text + p->len, f, len);
    p->len += len;
    p->text[p->len] = '\0';
    p->tokens++;
    p->gap = false;
    return true;
}

static bool tok_wordlike(const tok *t) { return t->kind == T_WORD || t->kind == T_NUM; }

/* Folds one list line (n bytes) into p: leading and trailing marks dropped ("idiot!" is
 * "idiot"). Returns its tokens: 0 for none, or when it is longer than the text scanner can see
 * at once (WIN - 1 tokens). */
static int fold_phrase(const char *w, size_t n, bl_phrase *p) {
    *p = (bl_phrase){{0}, 0, 0, false};
    size_t pos = 0, keep_len = 0;
    int keep_tokens = 0, seen = 0;
    while (pos < n) {
        tok t;
        pos = tok_next(w, n, pos, &t);
        if (t.kind == T_END) break;
        if (!p->tokens && !tok_wordlike(&t)) continue;
        if (++seen > WIN - 1 || !phrase_add(p, w, &t)) return 0;
        if (tok_wordlike(&t)) {
            keep_len = p->len;
            keep_tokens = p->tokens;
        }
    }
    p->len = keep_len;
    p->text[keep_len] = '\0';
    p->tokens = keep_tokens;
    return keep_tokens;
}

static int entry_cmp(const char *phrase, const char *lang, const bl_entry *e) {
    int c = strcmp(phrase, e->phrase);
    return c ? c : strcmp(lang, e->lang);
}

/* The first entry whose phrase is not below phrase. */
static size_t bl_lower(const quote_blocklist *b, const char *phrase, const char *lang) {
    size_t lo = 0, hi = b->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (entry_cmp(phrase, lang, &b->items[mid]) > 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool blocklist_add_len(quote_blocklist *b, const char *lang, const char *word, size_t n) {
    bl_phrase folded;
    int tokens = fold_phrase(word, n, &folded);
    if (tokens == 0) return true; /* blank, punctuation only or too long: nothing to match */
    const char *text = folded.text;
    char code[LANG_BYTES];
    snprintf(code, sizeof code, "%s", lang && *lang ? lang : "?");
    size_t at = bl_lower(b, text, code);
    if (at < b->n && entry_cmp(text, code, &b->items[at]) == 0) return true;
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        bl_entry *items = realloc(b->items, cap * sizeof *items);
        if (!items) return false;
        b->items = items;
        b->cap = cap;
    }
    char *copy = strdup(text);
    if (!copy) return false;
    memmove(b->items + at + 1, b->items + at, (b->n - at) * sizeof *b->items);
    b->items[at].phrase = copy;
    memcpy(b->items[at].lang, code, sizeof code);
    b->n++;
    if (tokens > b->max_tokens) b->max_tokens = tokens;
    return true;
}

bool quote_blocklist_add(quote_blocklist *b, const char *lang, const char *word) {
    if (!b || !word) return false;
    size_t n = strcspn(word, "#"); /* a comment is no word */
    return blocklist_add_len(b, lang, word, n);
}

/* The language of a phrase that is on the list, or NULL. */
static const char *bl_find(const quote_blocklist *b, const char *phrase) {
    size_t at = bl_lower(b, phrase, "");
    if (at < b->n && strcmp(b->items[at].phrase, phrase) == 0) return b->items[at].lang;
    return NULL;
}

bool quote_blocklist_load_file(quote_blocklist *b, const char *lang, const char *path,
                               pk_error *err) {
    if (!b) return pk_fail(err, "%s: no block list to load into", path);
    FILE *f = fopen(path, "rb");
    if (!f) return pk_fail(err, "%s: cannot read: %s", path, strerror(errno));
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int lineno = 0;
    bool ok = true;
    while ((len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        size_t n = (size_t)len;
        char *w = line;
        if (lineno == 1 && n >= 3 && memcmp(w, "\xEF\xBB\xBF", 3) == 0) { /* a byte order mark */
            w += 3;
            n -= 3;
        }
        if (memchr(w, '\0', n) || !utf8_valid(w, n)) {
            size_t good = 0; /* the column of the first bad byte, for an editor */
            while (good < n && utf8_valid(w, good + 1)) good++;
            size_t col = utf8_count(w, good) + 1;
            while (good < n && w[good] != '\0' && utf8_valid(w, good + 1)) good++;
            ok = pk_fail(err, "%s:%d:%zu: not UTF-8 (save the list as UTF-8)", path, lineno, col);
            break;
        }
        size_t cut = 0;
        while (cut < n && w[cut] != '#') cut++;
        if (!blocklist_add_len(b, lang, w, cut)) {
            ok = pk_fail(err, "%s:%d: out of memory", path, lineno);
            break;
        }
    }
    if (ok && ferror(f)) ok = pk_fail(err, "%s: cannot read: %s", path, strerror(errno));
    free(line);
    fclose(f);
    return ok;
}

static int name_cmp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

bool quote_blocklist_load_dir(quote_blocklist *b, const char *assets_dir, pk_error *err) {
    char dir[4096];
    if ((size_t)snprintf(dir, sizeof dir, "%s/moderation", assets_dir ? assets_dir : ".") >=
        sizeof dir)
        return pk_fail(err, "%s/moderation: path too long", assets_dir);
    DIR *d = opendir(dir);
    if (!d) return pk_fail(err, "%s: cannot read the block lists: %s", dir, strerror(errno));
    /* Sorted, so a problem in two lists is always reported for the same one. */
    char *names[64];
    int count = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && count < 64) {
        size_t len = strlen(e->d_name);
        if (len < 5 || len - 4 >= LANG_BYTES || strcmp(e->d_name + len - 4, ".txt") != 0 ||
            e->d_name[0] == '.')
            continue;
        if (!(names[count] = strdup(e->d_name))) break;
        count++;
    }
    closedir(d);
    qsort(names, (size_t)count, sizeof *names, name_cmp);
    bool ok = true;
    for (int i = 0; i < count; i++) {
        if (ok) {
            char path[4200], lang[LANG_BYTES];
            snprintf(lang, sizeof lang, "%.*s", (int)(strlen(names[i]) - 4), names[i]);
            snprintf(path, sizeof path, "%s/%s", dir, names[i]);
            ok = quote_blocklist_load_file(b, lang, path, err);
        }
        free(names[i]);
    }
    return ok;
}

/* ------------------------------------------------------------------ the word scan */

typedef struct window {
    const char *s;
    size_t n, pos;
    tok prev; /* the token that left the window last (T_END at the start) */
    tok w[WIN];
} window;

static void window_init(window *win, const char *s, size_t n) {
    win->s = s;
    win->n = n;
    win->pos = 0;
    win->prev = (tok){T_END, 0, 0, 0, false, 0, 0};
    for (int i = 0; i < WIN; i++) win->pos = tok_next(s, n, win->pos, &win->w[i]);
}

static void window_step(window *win) {
    win->prev = win->w[0];
    memmove(win->w, win->w + 1, (WIN - 1) * sizeof *win->w);
    win->pos = tok_next(win->s, win->n, win->pos, &win->w[WIN - 1]);
}

static bool word_in(const window *win, int k, const char *const *list) {
    char f[WORD_BYTES];
    return win->w[k].kind == T_WORD && in_list(list, tok_fold(win->s, &win->w[k], f, sizeof f));
}

/* Past an abbreviation's dot at k (ul. str. nr.), if there is one. */
static int skip_dot(const window *win, int k) {
    return k < WIN - 1 && tok_is(&win->w[k], '.') && !win->w[k].space_before ? k + 1 : k;
}

/* A house number at k (1 to 999, 4a, 12/3): the index after it, or -1. Not a time (5:30), a
 * decimal or a percentage. */
static int house_number(const window *win, int k) {
    const tok *t = &win->w[k];
    if (k >= WIN - 2 || t->kind != T_NUM || t->digits > 3 || t->value == 0) return -1;
    const tok *next = &win->w[k + 1];
    if (!next->space_before && next->kind == T_PUNCT &&
        (next->cp == ':' || next->cp == '%' ||
         ((next->cp == '.' || next->cp == ',') && win->w[k + 2].kind == T_NUM &&
          !win->w[k + 2].space_before)))
        return -1;
    k++;
    if (!next->space_before && next->kind == T_WORD && next->end - next->start == 1) k++; /* 4a */
    if (k < WIN && win->w[k].space_before && word_in(win, k, units)) return -1;
    if (k < WIN && word_in(win, k, money_words)) return -1;
    return k;
}

static void found_tokens(finder *f, const window *win, unsigned flag, const char *what, int a,
                         int b) {
    found(f, flag, what, win->s, win->w[a].start, win->w[b].end);
}

/* 12 Main Street, 4a Station Rd, 15 مال روڈ. */
static bool address_number_first(finder *f, const window *win) {
    const tok *prev = &win->prev;
    if (prev->kind == T_PUNCT && !win->w[0].space_before &&
        (prev->cp == '.' || prev->cp == ',' || prev->cp == ':' || prev->cp == '/' ||
         prev->cp == '-' || prev->cp > 0x7F))
        return false; /* £3, 1.5, 10:30 */
    if (prev->kind == T_NUM || (prev->kind == T_WORD && !win->w[0].space_before))
        return false; /* "the A57 Snake Road", "X1" */
    int k = house_number(win, 0);
    if (k < 0) return false;
    bool upper = true;
    int names = 0;
    for (; k < WIN && names <= 3; k++) {
        const tok *t = &win->w[k];
        if (t->kind != T_WORD || !t->space_before) return false;
        if (names > 0 && word_in(win, k, street_after)) {
            if (!upper && !word_in(win, k, street_after_plain)) return false;
            found_tokens(f, win, QUOTE_FLAG_ADDRESS, "a house number and street", 0, k);
            return true;
        }
        if (word_in(win, k, not_names)) return false;
        if (!tok_upper(t) && !tok_caseless(t)) upper = false;
        names++;
    }
    return false;
}

/* A number after k (and a "nr" word) that ends an address: its index, or -1. */
static int number_after(const window *win, int k) {
    if (k < WIN && word_in(win, k, number_words)) k = skip_dot(win, k + 1);
    if (k >= WIN - 2 || !win->w[k].space_before) return -1;
    int e = house_number(win, k);
    return e < 0 ? -1 : e - 1;
}

/* ul. Długa 5, strada Unirii 3, str. Mihai Eminescu nr. 5, Námestie SNP 1, گلی نمبر 4, flat 3. */
static bool address_street_first(finder *f, const window *win) {
    if (word_in(win, 0, flat_words)) {
        int e = number_after(win, skip_dot(win, 1));
        if (e >= 0) {
            found_tokens(f, win, QUOTE_FLAG_ADDRESS, "a flat or house number", 0, e);
            return true;
        }
        return false;
    }
    if (!word_in(win, 0, street_before)) return false;
    bool urdu = tok_caseless(&win->w[0]);
    int k = skip_dot(win, 1);
    bool abbreviated = k > 1;
    /* Urdu: the number follows the street word (گلی نمبر 4); names need a Latin capital, or,
     * after an abbreviation with its dot, any case (ul. długa 5). */
    int names = 0;
    for (; k < WIN - 2 && names < 4; k++) {
        const tok *t = &win->w[k];
        if (names > 0 || urdu || k > 1) {
            int e = number_after(win, k);
            if (e >= 0 && (names > 0 || urdu)) {
                found_tokens(f, win, QUOTE_FLAG_ADDRESS, "a street and house number", 0, e);
                return true;
            }
        }
        if (!urdu && t->kind == T_NUM && t->digits <= 2 && t->space_before &&
            tok_upper(&win->w[k + 1]) && win->w[k + 1].space_before) {
            names++;
            continue;
        }
        if (urdu || t->kind != T_WORD || !t->space_before) return false;
        if (word_in(win, k, number_words)) return false;
        if (!tok_upper(t) && !abbreviated) return false;
        names++;
        k = skip_dot(win, k + 1) - 1; /* Nám. SNP, Jana Pawła II */
    }
    return false;
}

/* Hlavná ulica 4, Husova ulice 7, مال روڈ 15 (the name before the street word). */
static bool address_name_first(finder *f, const window *win) {
    if (!tok_upper(&win->w[0]) && !tok_caseless(&win->w[0])) return false;
    if (word_in(win, 0, street_after)) return false;
    for (int k = 1; k <= 3; k++) {
        const tok *t = &win->w[k];
        if (t->kind != T_WORD || !t->space_before) return false;
        if (word_in(win, k, street_before) && word_in(win, k, street_after)) {
            int e = number_after(win, k + 1);
            if (e < 0) return false;
            found_tokens(f, win, QUOTE_FLAG_ADDRESS, "a street and house number", 0, e);
            return true;
        }
        if (!tok_upper(t) && !tok_caseless(t)) return false;
    }
    return false;
}

/* Mr Smith, Dr Patel, pani Kowalska, Ing. Novák, domnul Popescu, جناب احمد, احمد صاحب. */
static bool person(finder *f, const window *win) {
    const tok *t = &win->w[0];
    if (t->kind != T_WORD) return false;
    if (tok_caseless(t)) {
        const tok *next = &win->w[1];
        if (next->kind != T_WORD || !next->space_before) return false;
        if (word_in(win, 0, ur_titles_before) && !word_in(win, 1, ur_not_names) &&
            !word_in(win, 1, ur_titles_after)) {
            found_tokens(f, win, QUOTE_FLAG_PERSON, "a title and name", 0, 1);
            return true;
        }
        if (word_in(win, 1, ur_titles_after) && !word_in(win, 0, ur_not_names) &&
            !word_in(win, 0, ur_titles_before)) {
            found_tokens(f, win, QUOTE_FLAG_PERSON, "a name and title", 0, 1);
            return true;
        }
        return false;
    }
    bool any = word_in(win, 0, titles_any);
    if (!any && !word_in(win, 0, titles) && !(tok_upper(t) && word_in(win, 0, titles_capital)))
        return false;
    if (win->prev.kind == T_NUM) return false; /* 12 Station Dr */
    int k = skip_dot(win, 1);
    const tok *name = &win->w[k];
    if (name->kind != T_WORD || (!name->space_before && k == 1)) return false;
    if (word_in(win, k, not_names) || word_in(win, k, titles_any) || word_in(win, k, titles))
        return false; /* "Mr and Mrs", "mr. the" */
    if (!tok_upper(name) && !(any && cp_ascii_letter(name->cp))) return false;
    found_tokens(f, win, QUOTE_FLAG_PERSON, "a title and name", 0, k);
    return true;
}

/* Block-list words and phrases starting at the window's first token: the phrase grows a token
 * at a time and is looked up wherever it ends on a whole word (not touching a letter or digit
 * after it). */
static void blocked(finder *f, const window *win, const quote_blocklist *b) {
    if (!b || !b->n || !tok_wordlike(&win->w[0])) return;
    if (tok_wordlike(&win->prev) && !win->w[0].space_before) return; /* inside "mysh1t" */
    bl_phrase p = {{0}, 0, 0, false};
    for (int k = 0; k < WIN - 1 && p.tokens < b->max_tokens; k++) {
        const tok *t = &win->w[k];
        if (t->kind == T_END || !phrase_add(&p, win->s, t)) break;
        if (k > 0 && tok_is(t, '-')) continue;
        const tok *next = &win->w[k + 1];
        if (!tok_wordlike(t) || (tok_wordlike(next) && !next->space_before)) continue;
        const char *lang = bl_find(b, p.text);
        if (lang) {
            char what[48];
            snprintf(what, sizeof what, "a word on the block list (%s)", lang);
            found_tokens(f, win, QUOTE_FLAG_BLOCKED, what, 0, k);
        }
    }
}

static void scan_words(finder *f, const char *s, size_t n, const quote_blocklist *b) {
    window win;
    window_init(&win, s, n);
    /* A token already in an address or name is not looked at again as a start. */
    size_t covered = 0;
    while (win.w[0].kind != T_END) {
        if (win.w[0].start >= covered &&
            (address_number_first(f, &win) || address_street_first(f, &win) ||
             address_name_first(f, &win) || person(f, &win)))
            covered = f->last_end; /* its other words start no second finding */
        blocked(f, &win, b);
        window_step(&win);
    }
}

/* ------------------------------------------------------------------ the check */

unsigned quote_screen_text(const char *text, const char *lang, const quote_blocklist *b,
                           quote_check *out) {
    (void)lang; /* every language's patterns and lists apply: visitors mix languages */
    if (!out) return 0;
    out->flags = 0;
    out->reason[0] = '\0';
    if (!text) return 0;
    finder f = {out, {0}, 0};
    size_t n = strlen(text);
    scan_chars(&f, text, n);
    scan_words(&f, text, n, b);
    return out->flags;
}

const char *quote_flag_name(quote_flag f) {
    switch (f) {
    case QUOTE_FLAG_PHONE: return "phone number";
    case QUOTE_FLAG_EMAIL: return "e-mail address";
    case QUOTE_FLAG_WEB: return "web address or handle";
    case QUOTE_FLAG_POSTCODE: return "full postcode";
    case QUOTE_FLAG_ADDRESS: return "street address";
    case QUOTE_FLAG_PERSON: return "person's name";
    case QUOTE_FLAG_BLOCKED: return "word on the block list";
    }
    return "?";
}
