/* postcode_district: the first part of a postcode only ("S60"), checked against the
 * question's pattern (UK districts unless the config says) and kept in capitals without
 * spaces. Typed on the Latin keyboard in every language. Personal (sealed). */
#include <ctype.h>
#include <string.h>

#include "consult/questions/questions.h"

/* The longest text the pattern allows: letters of its longest alternative. */
static int chars(const question *q) {
    const char *p = q->pattern ? q->pattern : CONSULT_UK_DISTRICT;
    int best = 0, n = 0;
    for (;; p++) {
        if (!*p || *p == '|') {
            if (n > best) best = n;
            n = 0;
            if (!*p) break;
        } else if (*p != '?') {
            n++;
        }
    }
    return best;
}

static bool accept(const question *q, answer *a) {
    if (!question_has_words(a)) return true;
    if (!consult_pattern_match(q->pattern ? q->pattern : CONSULT_UK_DISTRICT, a->text)) return false;
    size_t k = 0;
    for (const char *c = a->text; *c; c++)
        if (*c != ' ') a->text[k++] = (char)toupper((unsigned char)*c);
    a->text[k] = '\0';
    return true;
}

const question_kind question_postcode_district = {
    .name = "postcode_district", .personal = true, .typed = true, .text_chars = chars,
    .answered = question_typed_answered, .accept = accept, .encode = question_typed_encode,
    .describe = question_typed_describe, .columns = question_one_column, .cells = question_string_cell,
};
