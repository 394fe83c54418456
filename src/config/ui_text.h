/* ui_text: every word the kiosk says that is not plan content (buttons, questions of the
 * feedback journey, "Are you still there?") as one table of named strings with English
 * defaults. A config overrides any of them under feedback.wording, by name; the translation
 * work (issue: six languages) replaces this table per language rather than hunting literals.
 * Pure data; no SDL. */
#ifndef PK_UI_TEXT_H
#define PK_UI_TEXT_H
#include <stddef.h>

typedef enum {
    UI_NEXT, UI_BACK, UI_SKIP, UI_CLOSE, UI_SEND,
    UI_CHOICE_TITLE, UI_CHOICE_HINT, UI_SOMETHING_ELSE,
    UI_RATING_TITLE, UI_RATING_1, UI_RATING_2, UI_RATING_3, UI_RATING_4, UI_RATING_5,
    UI_TEXT_HINT, UI_CHARS_LEFT,
    UI_NAME_TITLE, UI_AGE_TITLE, UI_AGE_1, UI_AGE_2, UI_AGE_3, UI_AGE_4, UI_AGE_5, UI_AGE_6,
    UI_POSTCODE_TITLE, UI_POSTCODE_HINT, UI_POSTCODE_INVALID,
    UI_CONSENT_TITLE, UI_CONSENT_QUESTION, UI_YES, UI_NO,
    UI_REVIEW_TITLE, UI_REVIEW_THEMES, UI_REVIEW_RATING, UI_REVIEW_TEXT, UI_REVIEW_NAME,
    UI_REVIEW_AGE, UI_REVIEW_POSTCODE, UI_REVIEW_QUOTE, UI_REVIEW_NONE,
    UI_THANKS_TITLE, UI_THANKS_BODY, UI_SORRY_TITLE, UI_SORRY_BODY,
    UI_STILL_TITLE, UI_STILL_BODY, UI_STILL_CONTINUE,
    /* Words on the slides that are not content: milestone states and short month names. */
    UI_STATUS_DONE, UI_STATUS_IN_PROGRESS, UI_STATUS_PLANNED, UI_STATUS_DELAYED,
    UI_MONTH_1, UI_MONTH_2, UI_MONTH_3, UI_MONTH_4, UI_MONTH_5, UI_MONTH_6,
    UI_MONTH_7, UI_MONTH_8, UI_MONTH_9, UI_MONTH_10, UI_MONTH_11, UI_MONTH_12,
    UI_QUOTE_AGE, /* after a quoted person's name: "age %d" */
    /* The on-screen keyboard's word keys; keys that show letters ("123", "ABC") are labelled
     * by the keyboard file itself. */
    UI_KEY_SHIFT, UI_KEY_DELETE, UI_KEY_SPACE, UI_KEY_DONE,
    /* The visitor's own settings, on every screen. */
    UI_TEXT_SIZE, UI_LESS_MOTION, UI_LISTEN,
    /* Month names in full, for reading dates aloud. */
    UI_MONTH_LONG_1, UI_MONTH_LONG_2, UI_MONTH_LONG_3, UI_MONTH_LONG_4, UI_MONTH_LONG_5, UI_MONTH_LONG_6,
    UI_MONTH_LONG_7, UI_MONTH_LONG_8, UI_MONTH_LONG_9, UI_MONTH_LONG_10, UI_MONTH_LONG_11, UI_MONTH_LONG_12,
    /* Typed from a real keyboard, a sign no font of the kiosk can draw (an emoji). */
    UI_CHAR_UNSUPPORTED,
    /* Outside opening hours, under the dim clock (or for a while after a tap on the dark
     * screen): when it opens next. "%s" is a time, or a day and a time. */
    UI_CLOSED_OPENS,
    UI_DAY_1, UI_DAY_2, UI_DAY_3, UI_DAY_4, UI_DAY_5, UI_DAY_6, UI_DAY_7, /* Monday first */
    /* Question types beyond the first journey's (consult/questions/). */
    UI_OTHER_TITLE,   /* the box after "Something else" */
    UI_CHOICES_HINT,  /* under a choices question: "Tap as many as you like" / up to %d */
    UI_CHOICES_FULL,  /* "You can choose up to %d. Tap one to change it." */
    UI_RANK_HINT, UI_PLACE_HINT, UI_PLACE_PINS, UI_PLACE_ONE_PIN, UI_PLACE_FULL,
    UI_NUMBER_INVALID, /* "%d" twice: the range */
    UI_REQUIRED,       /* Next on a required question without an answer */
    UI_START,          /* the intro page's button */
    /* The town answers back: the you_said, results and we_did slides. Captions take {people},
     * {kiosks} and {since} (a date) where a number or date goes: no plural forms needed. */
    UI_YOU_SAID,            /* "You said": a you_said slide's label, a we_did pair's first half */
    UI_WE_DID,              /* "We did" */
    UI_YOU_SAID_CHECKED,    /* under the quotes: shared with permission, checked by a person */
    UI_RESULTS_TITLE,       /* a results slide's heading when it has no title */
    UI_RESULTS_CAPTION,     /* several kiosks */
    UI_RESULTS_CAPTION_ONE, /* this kiosk alone */
    UI_RESULTS_PEOPLE,      /* beside the big number: "people have had their say" */
    UI_COUNT
} ui_text_id;

/* The name used in YAML (feedback.wording.<name>) and the English default. */
const char *ui_text_name(ui_text_id id);
const char *ui_text_default(ui_text_id id);
/* tmpl with its "%d" (one, or two for a range) replaced by a and then b, into buf; returns buf.
 * Wording without "%d" is copied as it is. */
const char *ui_text_fill(char *buf, size_t size, const char *tmpl, int a, int b);
/* Names in order, NULL-terminated (for "did you mean" on unknown wording keys). */
const char *const *ui_text_names(void);

#endif
