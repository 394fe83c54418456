#include "journey/number_pad.h"

#include "config/ui_text.h"

#define DIGIT(s) {.text = s, .action = KEY_CHAR, .wording = KEY_NO_WORDING}

/* A telephone's order (1 2 3 on top), as on every cash machine and card reader. */
static const keyboard_page pad_page = {
    .name = "123",
    .n_rows = 4,
    .n_keys = {3, 3, 3, 4},
    .keys = {
        {DIGIT("1"), DIGIT("2"), DIGIT("3")},
        {DIGIT("4"), DIGIT("5"), DIGIT("6")},
        {DIGIT("7"), DIGIT("8"), DIGIT("9")},
        {DIGIT("-"), DIGIT("0"), {.action = KEY_BACKSPACE, .wording = UI_KEY_DELETE},
         {.action = KEY_DONE, .wording = UI_KEY_DONE}},
    },
    .lower = -1,
    .upper = -1,
};

/* Without the minus, for a range that starts at 0 or above: no key that can only be refused. */
static const keyboard_page plus_page = {
    .name = "123",
    .n_rows = 4,
    .n_keys = {3, 3, 3, 3},
    .keys = {
        {DIGIT("1"), DIGIT("2"), DIGIT("3")},
        {DIGIT("4"), DIGIT("5"), DIGIT("6")},
        {DIGIT("7"), DIGIT("8"), DIGIT("9")},
        {{.action = KEY_BACKSPACE, .wording = UI_KEY_DELETE}, DIGIT("0"), {.action = KEY_DONE, .wording = UI_KEY_DONE}},
    },
    .lower = -1,
    .upper = -1,
};

static const keyboard_layout pad = {.name = "numbers", .path = "(built in)", .n_pages = 1, .pages = &pad_page};
static const keyboard_layout plus = {.name = "numbers", .path = "(built in)", .n_pages = 1, .pages = &plus_page};

const keyboard_layout *number_pad(bool negative) { return negative ? &pad : &plus; }
