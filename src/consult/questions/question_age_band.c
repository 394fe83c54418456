/* age_band: one of the configured bands (the UK's six unless the config says). A tap answers
 * and moves on. Recorded as the band's id ("25-44"); personal (sealed). */
#include "consult/questions/questions.h"

const question_kind question_age_band = {
    .name = "age_band", .personal = true, .tap = question_one_option_tap,
    .answered = question_one_option_answered, .encode = question_one_option_encode,
    .describe = question_one_option_describe, .columns = question_one_option_columns,
    .cells = question_one_option_cells,
};
