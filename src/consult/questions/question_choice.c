/* choice: one option. A tap answers and moves on (Back shows it again if it was a slip);
 * "Something else" then asks what, in a box. Recorded as the option's id. */
#include "consult/questions/questions.h"

const question_kind question_choice = {
    .name = "choice", .text_chars = question_other_chars, .tap = question_one_option_tap,
    .answered = question_one_option_answered, .encode = question_one_option_encode,
    .describe = question_one_option_describe, .columns = question_one_option_columns,
    .cells = question_one_option_cells,
};
