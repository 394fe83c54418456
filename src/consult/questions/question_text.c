/* text: free text up to `max` characters (500 unless the config says), with a hint in the
 * empty box. Words someone might quote, and sealed like everything personal: people write
 * their names and streets into free text. */
#include "consult/questions/questions.h"

static int chars(const question *q) { return q->max; }

const question_kind question_text = {
    .name = "text", .personal = true, .typed = true, .quotable = true, .text_chars = chars,
    .answered = question_typed_answered, .encode = question_typed_encode,
    .describe = question_typed_describe, .columns = question_one_column, .cells = question_string_cell,
};
