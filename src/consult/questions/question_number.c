/* number: a whole number from min_value to max_value, typed on a number pad; a number out
 * of range keeps the visitor on the question with a message. Recorded as a number. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "consult/questions/questions.h"

static int digits(int v) {
    int n = v < 0 ? 2 : 1;
    for (v = v < 0 ? -v : v; v >= 10; v /= 10) n++;
    return n;
}

static int chars(const question *q) {
    int a = digits(q->min_value), b = digits(q->max_value);
    return a > b ? a : b;
}

static bool parse(const question *q, const char *s, int *out) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    while (*end == ' ') end++;
    if (errno || end == s || *end || v < q->min_value || v > q->max_value) return false;
    *out = (int)v;
    return true;
}

static bool accept(const question *q, answer *a) {
    if (!question_has_words(a)) return true;
    if (!parse(q, a->text, &a->value)) return false;
    snprintf(a->text, (size_t)a->text_size, "%d", a->value);
    return true;
}

static bool answered(const question *q, const answer *a) {
    int v;
    return question_has_words(a) && parse(q, a->text, &v);
}

static json_t *encode(const question *q, const answer *a) {
    int v = 0;
    parse(q, a->text, &v);
    return json_integer(v);
}

const question_kind question_number = {
    .name = "number", .typed = true, .text_chars = chars, .answered = answered, .accept = accept,
    .encode = encode, .describe = question_typed_describe, .columns = question_one_column,
    .cells = question_integer_cell, .numbers = COLUMNS_NUMBERS,
};
