/* number_pad: the keyboard a `number` question types on: digits, minus, Delete and Done, the
 * same in every language. Pure data. */
#ifndef PK_NUMBER_PAD_H
#define PK_NUMBER_PAD_H
#include "config/keyboard_layout.h"

const keyboard_layout *number_pad(void);

#endif
