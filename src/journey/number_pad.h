/* number_pad: the keyboard a `number` question types on: digits, minus, Delete and Done, the
 * same in every language. Pure data. */
#ifndef PK_NUMBER_PAD_H
#define PK_NUMBER_PAD_H
#include "config/keyboard_layout.h"

#include <stdbool.h>

/* With a minus key only when the range has negative numbers. */
const keyboard_layout *number_pad(bool negative);

#endif
