/* wrap: how slide text breaks into lines. A fake monospace font (10 px per character, counted
 * in code points) makes every expected line easy to work out by hand. */
#include <ctype.h>
#include <stdlib.h>

#include "check.h"
#include "text/utf8.h"
#include "text/wrap.h"

#define CH 10 /* px per character */

static int calls, half_chars;
static int mono(void *ud, const char *s, size_t len) {
    (void)ud;
    calls++;
    /* A real font would draw a broken character here: wrap must never ask for one. */
    if (!utf8_valid(s, len)) half_chars++;
    return (int)utf8_count(s, len) * CH;
}

#define MAXL 64
typedef struct wrapped {
    int n;
    wrap_line l[MAXL];
    char text[MAXL][256];
} wrapped;

static wrapped wrap(const char *s, int max_w) {
    wrapped w;
    memset(&w, 0, sizeof w);
    w.n = wrap_text(s, max_w, mono, NULL, w.l, MAXL);
    for (int i = 0; i < w.n && i < MAXL; i++)
        snprintf(w.text[i], sizeof w.text[i], "%.*s", (int)w.l[i].len, s + w.l[i].start);
    return w;
}

/* Every line fits, starts and ends with no space, lies inside the text. */
static void check_lines_sane(const char *s, const wrapped *w, int max_w) {
    size_t n = strlen(s);
    for (int i = 0; i < w->n && i < MAXL; i++) {
        const wrap_line *l = &w->l[i];
        CHECK(l->start + l->len <= n);
        CHECK(mono(NULL, s + l->start, l->len) <= max_w);
        if (l->len) {
            CHECK(s[l->start] != ' ');
            CHECK(s[l->start + l->len - 1] != ' ');
        }
        CHECK(memchr(s + l->start, '\n', l->len) == NULL);
        /* Lines begin on whole characters and end on whole characters. */
        CHECK(utf8_valid(s + l->start, l->len));
        if (i > 0) CHECK(l->start >= w->l[i - 1].start + w->l[i - 1].len);
    }
}

/* All non-space characters of the lines, in order, equal those of the source. */
static void check_reconstructs(const char *s, const wrapped *w) {
    char a[2048] = "", b[2048] = "";
    size_t na = 0, nb = 0;
    for (const char *p = s; *p; p++)
        if (!isspace((unsigned char)*p)) a[na++] = *p;
    for (int i = 0; i < w->n && i < MAXL; i++)
        for (size_t k = 0; k < w->l[i].len; k++) {
            char c = s[w->l[i].start + k];
            if (!isspace((unsigned char)c)) b[nb++] = c;
        }
    a[na] = b[nb] = '\0';
    CHECK_STR(b, a);
}

static void at_spaces(void) {
    const char *s = "The quick brown fox jumps over the lazy dog";
    wrapped w = wrap(s, 10 * CH);
    CHECK_INT(w.n, 5);
    CHECK_STR(w.text[0], "The quick");
    CHECK_STR(w.text[1], "brown fox");
    CHECK_STR(w.text[2], "jumps over");
    CHECK_STR(w.text[3], "the lazy");
    CHECK_STR(w.text[4], "dog");
    check_lines_sane(s, &w, 10 * CH);
    check_reconstructs(s, &w);
    /* Wide enough: one line, the whole text. */
    w = wrap(s, 1000);
    CHECK_INT(w.n, 1);
    CHECK_STR(w.text[0], s);
    /* Exactly as wide as the text: still one line (the limit is inclusive). */
    w = wrap("abc def", 7 * CH);
    CHECK_INT(w.n, 1);
    w = wrap("abc def", 7 * CH - 1);
    CHECK_INT(w.n, 2);
}

static void greedy_and_sane(void) {
    const char *s = "Our shared plan, up to 2025, to make Rotherham better for everyone who lives, "
                    "works, studies, invests or visits here. Zażółć gęślą jaźń: £99m a year, €5.";
    for (int chars = 4; chars <= 60; chars++) {
        int max_w = chars * CH;
        wrapped w = wrap(s, max_w);
        CHECK(w.n >= 1 && w.n <= MAXL);
        check_lines_sane(s, &w, max_w);
        check_reconstructs(s, &w);
        /* Greedy: the next line's first word would not have fitted on this line. */
        for (int i = 0; i + 1 < w.n; i++) {
            size_t next = w.l[i + 1].start, e = next;
            while (s[e] && s[e] != ' ') {
                char c = s[e++];
                if (c == '-' || c == '/') break;
            }
            CHECK(mono(NULL, s + w.l[i].start, e - w.l[i].start) > max_w);
        }
    }
}

static void newlines(void) {
    const char *s = "First line\nSecond";
    wrapped w = wrap(s, 1000);
    CHECK_INT(w.n, 2);
    CHECK_STR(w.text[0], "First line");
    CHECK_STR(w.text[1], "Second");
    /* A short line stays short: the newline is honoured even with room to spare. */
    w = wrap("a\nb\nc", 1000);
    CHECK_INT(w.n, 3);
    CHECK_STR(w.text[0], "a");
    CHECK_STR(w.text[1], "b");
    CHECK_STR(w.text[2], "c");
    /* Spaces before a newline are not shown. */
    w = wrap("end   \nnext", 1000);
    CHECK_INT(w.n, 2);
    CHECK_STR(w.text[0], "end");
    CHECK_STR(w.text[1], "next");
    /* A newline inside a wrapped paragraph. */
    s = "one two three\nfour five";
    w = wrap(s, 8 * CH);
    CHECK_INT(w.n, 4);
    CHECK_STR(w.text[0], "one two");
    CHECK_STR(w.text[1], "three");
    CHECK_STR(w.text[2], "four");
    CHECK_STR(w.text[3], "five");
    check_lines_sane(s, &w, 8 * CH);
}

static void paragraphs(void) {
    const char *s = "Para one.\n\nPara two.";
    wrapped w = wrap(s, 1000);
    CHECK_INT(w.n, 3);
    CHECK_STR(w.text[0], "Para one.");
    CHECK_STR(w.text[1], "");
    CHECK_INT(w.l[1].len, 0);
    CHECK_STR(w.text[2], "Para two.");
    check_reconstructs(s, &w);
}

static void long_word_split(void) {
    const char *s = "ąąąąąąąąąąąą"; /* 12 characters, 24 bytes */
    wrapped w = wrap(s, 5 * CH);
    CHECK_INT(w.n, 3);
    CHECK_INT(w.l[0].start, 0);
    CHECK_INT(w.l[0].len, 10); /* 5 characters of 2 bytes */
    CHECK_INT(w.l[1].start, 10);
    CHECK_INT(w.l[1].len, 10);
    CHECK_INT(w.l[2].start, 20);
    CHECK_INT(w.l[2].len, 4);
    for (int i = 0; i < w.n; i++) {
        CHECK(utf8_valid(s + w.l[i].start, w.l[i].len));
        CHECK_INT(w.l[i].len % 2, 0); /* never half of an "ą" */
    }
    check_lines_sane(s, &w, 5 * CH);
    check_reconstructs(s, &w);
    /* After a short word, a long word starts its own line and is then split. */
    s = "hi ąąąąąąąąąąąą";
    w = wrap(s, 10 * CH);
    CHECK_INT(w.n, 3);
    CHECK_STR(w.text[0], "hi");
    CHECK_STR(w.text[1], "ąąąąąąąąąą");
    CHECK_STR(w.text[2], "ąą");
    /* Narrower than one character: one character a line, no endless loop, no empty line. */
    s = "a€b";
    w = wrap(s, 3);
    CHECK_INT(w.n, 3);
    CHECK_STR(w.text[0], "a");
    CHECK_STR(w.text[1], "€");
    CHECK_STR(w.text[2], "b");
}

static void hyphen_break(void) {
    const char *s = "well-being";
    wrapped w = wrap(s, 7 * CH);
    CHECK_INT(w.n, 2);
    CHECK_STR(w.text[0], "well-");
    CHECK_STR(w.text[1], "being");
    /* With room, the hyphenated word stays whole. */
    w = wrap(s, 10 * CH);
    CHECK_INT(w.n, 1);
    CHECK_STR(w.text[0], "well-being");
    /* After other words on the line. */
    s = "Health and well-being for all";
    w = wrap(s, 16 * CH);
    CHECK_STR(w.text[0], "Health and well-");
    CHECK_STR(w.text[1], "being for all");
    CHECK_INT(w.n, 2);
    /* A slash breaks too: "Pakistani/Kashmiri". */
    s = "Pakistani/Kashmiri";
    w = wrap(s, 12 * CH);
    CHECK_INT(w.n, 2);
    CHECK_STR(w.text[0], "Pakistani/");
    CHECK_STR(w.text[1], "Kashmiri");
    /* A dash standing alone between spaces is not a break point of its own. */
    s = "a - b";
    w = wrap(s, 1000);
    CHECK_INT(w.n, 1);
    CHECK_STR(w.text[0], "a - b");
}

static void spaces_trimmed(void) {
    const char *s = "  lead and trail   ";
    wrapped w = wrap(s, 1000);
    CHECK_INT(w.n, 1);
    CHECK_STR(w.text[0], "lead and trail");
    s = "alpha     beta";
    w = wrap(s, 7 * CH);
    CHECK_INT(w.n, 2);
    CHECK_STR(w.text[0], "alpha");
    CHECK_STR(w.text[1], "beta");
    check_lines_sane(s, &w, 7 * CH);
}

static void empty(void) {
    wrap_line l[4];
    CHECK_INT(wrap_text("", 100, mono, NULL, l, 4), 0);
    CHECK_INT(wrap_text("     ", 100, mono, NULL, l, 4), 0);
}

/* The zero-line cases a caller must survive: nothing is stored, so lines[0] stays untouched. */
static void zero_lines_store_nothing(void) {
    const char *blank[] = {"", " ", "    "};
    wrap_line l[2] = {{77, 77}, {77, 77}};
    for (int i = 0; i < 3; i++) {
        CHECK_INT(wrap_text(blank[i], 100, mono, NULL, l, 2), 0);
        CHECK_INT(wrap_tail(blank[i], 100, mono, NULL, l, 2), 0);
    }
    CHECK_INT(l[0].start, 77);
    /* Newlines only: one empty line each, so a caret has a line to sit on. */
    CHECK_INT(wrap_text("\n", 100, mono, NULL, l, 2), 1);
    CHECK_INT(l[0].len, 0);
    CHECK_INT(wrap_text("\n\n", 100, mono, NULL, l, 2), 2);
    /* A box narrower than one character still gets one character a line, never zero. */
    CHECK_INT(wrap_text("abc", 3, mono, NULL, l, 2), 3);
    CHECK_INT(l[0].len, 1);
    CHECK_INT(wrap_text("abc", -5, mono, NULL, l, 2), 3);
}

/* wrap_tail keeps the last lines in order, whatever the count: the end of a long text typed
 * into a box of three lines. */
static void tail_keeps_the_end(void) {
    const char *s = "one two three four five six seven";
    wrap_line l[3];
    for (int k = 1; k <= 3; k++) {
        int n = wrap_tail(s, 5 * CH, mono, NULL, l, k);
        CHECK_INT(n, 7);
        /* The last stored line is "seven", the one before "six", then "five". */
        CHECK_INT(l[k - 1].start, strlen(s) - 5);
        if (k >= 2) CHECK_INT(l[k - 2].start, strlen(s) - 9);
        if (k >= 3) CHECK_INT(l[0].start, strlen(s) - 14);
    }
    /* Fewer lines than room: the same as wrap_text. */
    CHECK_INT(wrap_tail("one two", 5 * CH, mono, NULL, l, 3), 2);
    CHECK_INT(l[0].start, 0);
    CHECK_INT(l[1].start, 4);
    /* A 30-character word in a 7-character box: 5 lines, the last 2 of them kept. */
    const char *word = "Donaudampfschifffahrtsgesells";
    CHECK_INT(wrap_tail(word, 7 * CH, mono, NULL, l, 2), 5);
    CHECK_INT(l[1].start, 28);
    CHECK_INT(l[0].start, 21);
    CHECK_INT(l[0].len, 7);
}

static void max_lines_counts_all(void) {
    const char *s = "one two three four five six";
    wrap_line l[2] = {{99, 99}, {99, 99}};
    /* Needs 6 lines at 5 chars, stores only 2 but says 6, so a caller can ellipsise. */
    CHECK_INT(wrap_text(s, 5 * CH, mono, NULL, l, 2), 6);
    CHECK_INT(l[0].start, 0);
    CHECK_INT(l[0].len, 3);
    CHECK_INT(l[1].start, 4);
    CHECK_INT(l[1].len, 3);
    CHECK_INT(wrap_text(s, 5 * CH, mono, NULL, NULL, 0), 6);
}

static void measure_used(void) {
    calls = 0;
    wrap_line l[8];
    wrap_text("some words to wrap", 6 * CH, mono, NULL, l, 8);
    CHECK(calls > 0); /* the caller's font decides widths, not a byte count */
}

/* Checks run last: every measure above was of whole characters. */
static void never_measures_half_characters(void) { CHECK_INT(half_chars, 0); }

int main(void) {
    RUN(at_spaces);
    RUN(greedy_and_sane);
    RUN(newlines);
    RUN(paragraphs);
    RUN(long_word_split);
    RUN(hyphen_break);
    RUN(spaces_trimmed);
    RUN(empty);
    RUN(zero_lines_store_nothing);
    RUN(tail_keeps_the_end);
    RUN(max_lines_counts_all);
    RUN(measure_used);
    RUN(never_measures_half_characters);
    return check_report();
}
