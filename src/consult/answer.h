/* answer: what one visitor gave to one question, as the journey holds it until it is sent.
 * One struct for every type (consult/question_type.h says which fields a type uses), so the
 * journey keeps a fixed array of them and wipes them all at once.
 *
 * Ownership: `text` points into a buffer the journey owns (sized from the question's limit);
 * everything else is held by value. Pure data. */
#ifndef PK_ANSWER_H
#define PK_ANSWER_H
#include <stdbool.h>

#include "consult/consult.h"

typedef struct answer_pin {
    int x, y; /* in the picture's own pixels */
} answer_pin;

typedef struct answer {
    bool given;        /* taps-only types: answered (typed types look at text) */
    int value;         /* choice, age_band: option index; faces, scale, number: the value;
                        * consent: 1 yes, 0 no */
    unsigned picked;   /* choices: one bit per option */
    int n_order;       /* rank: option indices, first is most important */
    signed char order[CONSULT_MAX_OPTIONS];
    int n_pins;        /* place */
    answer_pin pins[CONSULT_MAX_PINS];
    char *text;        /* text, first_name, postcode_district, number as typed; choice and
                        * choices with `other`: the words said for "Something else" */
    int text_size;     /* bytes of text's buffer (0: the type types nothing) */
} answer;

#endif
