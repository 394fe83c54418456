/* first_name: a first name, up to 30 characters. Personal (sealed), and quotable with the
 * visitor's consent. */
#include "consult/questions/questions.h"

#define FIRST_NAME_CHARS 30

static int chars(const question *q) {
    (void)q;
    return FIRST_NAME_CHARS;
}

const question_kind question_first_name = {
    .name = "first_name", .personal = true, .typed = true, .quotable = true, .text_chars = chars,
    .answered = question_typed_answered, .encode = question_typed_encode,
    .describe = question_typed_describe, .columns = question_one_column, .cells = question_string_cell,
};
