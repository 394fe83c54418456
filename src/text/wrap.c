#include "text/wrap.h"

#include <stdbool.h>
#include <string.h>

#include "text/utf8.h"

/* Longest prefix of s[0..len) (in whole characters, at least one) that fits max_w. */
static size_t fit_chars(const char *s, size_t len, int max_w, wrap_measure_fn measure,
                        void *ud) {
    uint32_t cp;
    size_t best = (size_t)utf8_decode(s, len, &cp);
    for (size_t end = best; end < len;) {
        size_t next = end + (size_t)utf8_decode(s + end, len - end, &cp);
        if (measure(ud, s, next) > max_w) break;
        best = end = next;
    }
    return best;
}

/* Stores line number `count` of the text: the first max lines in place, or, as a ring, always
 * the latest max (wrap_tail puts them in order afterwards). */
static void keep(wrap_line *lines, int max, bool ring, int count, wrap_line l) {
    if (max <= 0 || !lines) return;
    if (ring) lines[count % max] = l;
    else if (count < max) lines[count] = l;
}

static int wrap_lines(const char *s, int max_w, wrap_measure_fn measure, void *ud,
                      wrap_line *lines, int max_lines, bool ring) {
    int count = 0;
    size_t n = strlen(s), pos = 0;
    while (pos < n) {
        /* A new line starts: skip spaces left over from the previous break. */
        while (pos < n && s[pos] == ' ') pos++;
        if (pos >= n) break;
        size_t para_end = pos;
        while (para_end < n && s[para_end] != '\n') para_end++;

        size_t line_end = pos; /* end of the text that fits so far (exclusive) */
        size_t scan = pos;
        while (scan < para_end) {
            /* Next break opportunity: before a space, or after '-' or '/'. */
            size_t word_end = scan;
            while (word_end < para_end && s[word_end] != ' ') {
                char c = s[word_end++];
                if ((c == '-' || c == '/') && word_end < para_end && s[word_end] != ' ') break;
            }
            if (measure(ud, s + pos, word_end - pos) <= max_w) {
                line_end = word_end;
                scan = word_end;
                while (scan < para_end && s[scan] == ' ') scan++;
                continue;
            }
            if (line_end == pos) /* the first word alone is too wide: split it */
                line_end = pos + fit_chars(s + pos, word_end - pos, max_w, measure, ud);
            break;
        }
        if (line_end == pos) line_end = para_end; /* empty paragraph line */
        size_t trimmed = line_end;
        while (trimmed > pos && s[trimmed - 1] == ' ') trimmed--;
        keep(lines, max_lines, ring, count, (wrap_line){pos, trimmed - pos});
        count++;
        pos = line_end;
        while (pos < n && s[pos] == ' ') pos++;
        if (pos < n && s[pos] == '\n') {
            pos++;
            /* A blank line between paragraphs is kept as an empty line. */
            if (pos < n && s[pos] == '\n') {
                keep(lines, max_lines, ring, count, (wrap_line){pos, 0});
                count++;
                pos++;
            }
        }
    }
    return count;
}

int wrap_text(const char *s, int max_w, wrap_measure_fn measure, void *ud, wrap_line *lines,
              int max_lines) {
    return wrap_lines(s, max_w, measure, ud, lines, max_lines, false);
}

static void reverse(wrap_line *l, int a, int b) {
    for (; a < b; a++, b--) {
        wrap_line t = l[a];
        l[a] = l[b];
        l[b] = t;
    }
}

int wrap_tail(const char *s, int max_w, wrap_measure_fn measure, void *ud, wrap_line *lines,
              int max_lines) {
    int count = wrap_lines(s, max_w, measure, ud, lines, max_lines, true);
    if (count > max_lines && max_lines > 0) {
        /* The ring's oldest line sits at count % max: rotate it to the front, in place. */
        int first = count % max_lines;
        reverse(lines, 0, first - 1);
        reverse(lines, first, max_lines - 1);
        reverse(lines, 0, max_lines - 1);
    }
    return count;
}
