/* journey: the "Have your say" feedback journey as a state machine, with no SDL and no clock
 * of its own. It owns what the visitor entered until it is sent or cleared, decides which step
 * comes next (steps switched off in the config are passed over), validates the postcode
 * district, and runs the idle timer ("Are you still there?", then clear). Screens (render/
 * screens) draw it and report presses as widget ids; tests press the same ids.
 *
 * Ownership: the journey holds copies of everything typed, in fixed buffers, and wipes them on
 * clear, so nothing one visitor typed is ever shown to the next. */
#ifndef PK_JOURNEY_H
#define PK_JOURNEY_H
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "config/config.h"
#include "journey/keyboard.h"
#include "store/feedback_log.h"

#define JOURNEY_TEXT_BYTES 20480 /* 5000 characters of up to 4 bytes, and the NUL */
#define JOURNEY_NAME_CHARS 30
#define JOURNEY_POSTCODE_CHARS 4
#define JOURNEY_AGE_BANDS 6

typedef enum {
    STEP_NONE, /* not in a journey: the loop shows */
    STEP_CHOICE,
    STEP_RATING,
    STEP_TEXT,
    STEP_NAME,
    STEP_AGE,
    STEP_POSTCODE,
    STEP_CONSENT,
    STEP_REVIEW,
    STEP_THANKS,
    STEP_SORRY,
    STEP_COUNT
} journey_step;

/* What a screen reports a press on. Themes, faces, age bands and keys carry an index. */
typedef enum {
    W_NONE,
    W_NEXT,
    W_BACK,
    W_SKIP,
    W_CLOSE,
    W_SEND,
    W_THEME,    /* index: theme, n_themes = "something else" */
    W_RATING,   /* index 1-5 */
    W_AGE,      /* index 0-5 */
    W_CONSENT,  /* index 1 yes, 0 no */
    W_KEY,      /* a keyboard key (key_def given) */
    W_FIELD,    /* the text box of a typing step: where a keyboard's focus types */
    W_CONTINUE, /* "Are you still there?" answered */
    /* Staff screens */
    W_PIN_DIGIT,  /* index 0-9 */
    W_PIN_DELETE,
    W_PIN_OK,
    W_PIN_CANCEL,
    W_STAFF_EXPORT,
    W_STAFF_PAUSE,
    W_STAFF_EXIT,
    W_STAFF_BACK,
    /* Language */
    W_LANG_OPEN, /* the language button: opens the picker */
    W_LANG_PICK, /* index: the language chosen */
    W_KEY_MORE,  /* a long-press variant (key_def given); index -1: beside the popup */
    /* The loop */
    W_FEEDBACK_OPEN, /* "Have your say" (index 0) or a call-to-action slide's button (1) */
    /* The visitor's own settings (kiosk.c answers them; the journey never sees them) */
    W_TEXT_SIZE,     /* steps the text size 100 % -> 150 % -> 200 % -> 100 % */
    W_MOTION,        /* less motion on / off */
    W_LISTEN,        /* read the screen aloud (only shown where there is audio) */
} widget_kind;

typedef enum {
    JOURNEY_IDLE,      /* nothing happened */
    JOURNEY_REDRAW,    /* the screen changed */
    JOURNEY_SEND,      /* review confirmed: the app saves the record, then calls journey_sent */
    JOURNEY_ABANDONED, /* timed out or closed: cleared; the app counts it */
    JOURNEY_FINISHED   /* thank-you/sorry shown long enough: back to the loop */
} journey_event;

typedef struct journey {
    const config *cfg;
    journey_step step;
    journey_step abandoned_at; /* the step reached when the last journey was abandoned */
    uint64_t started_ms, last_touch_ms, finished_ms;
    bool still_there;           /* the "Are you still there?" question is showing */
    bool themes[CONFIG_MAX_THEMES + 1]; /* the last one is "something else" */
    int rating;                 /* 1-5, 0 none */
    char text[JOURNEY_TEXT_BYTES];
    char name[JOURNEY_NAME_CHARS * 4 + 1];
    int age_band;               /* 0-5, -1 skipped */
    char postcode[JOURNEY_POSTCODE_CHARS * 4 + 1];
    bool postcode_invalid;      /* Next was tapped on a postcode that is not a district */
    bool char_refused;          /* the last thing typed had a sign that cannot be shown */
    bool limit_hit;             /* the last thing typed did not fit: the box is full */
    int consent;                /* 1 yes, 0 no, -1 not answered */
    /* Larger text: the consent step's privacy notice gets a page of its own, with Next, before
     * the question (kept across clear; see journey_set_notice_apart). */
    bool notice_apart;
    bool notice_page;           /* that page is showing */
    keyboard_state kb;
    char save_error[DIAG_LEN];  /* why the last save failed (for staff) */
} journey;

void journey_init(journey *j, const config *cfg);
/* Starts a journey at the first enabled step. */
void journey_start(journey *j, uint64_t now);
bool journey_active(const journey *j);
/* A press on a widget. key is the key for W_KEY, else NULL. */
journey_event journey_press(journey *j, widget_kind w, int index, const key_def *key, uint64_t now);
/* Text from a physical keyboard (SDL text input) or Backspace, into the current text field. */
journey_event journey_type(journey *j, const char *utf8, uint64_t now);
journey_event journey_backspace(journey *j, uint64_t now);
/* Typed text that the screen cannot draw (the app asks its fonts): left out, and the step says
 * so until the next key. Counts as a touch. */
journey_event journey_refuse_typing(journey *j, uint64_t now);
/* Time passing: the idle question, the clear after it, the end of the thank-you. */
journey_event journey_tick(journey *j, uint64_t now);
/* How long the app may sleep before journey_tick has something to do (ms). */
int journey_wait_ms(const journey *j, uint64_t now);
/* After JOURNEY_SEND: the record the app should save. Strings point into the journey/config. */
void journey_record(const journey *j, feedback_record *rec, time_t wall_now, uint64_t now);
/* The save's outcome: thank-you only when ok, otherwise an honest sorry (why kept for staff). */
void journey_sent(journey *j, bool ok, const char *why, uint64_t now);
/* Shows the journey in another language (the same config in it): what was entered is kept. */
void journey_set_config(journey *j, const config *cfg);
/* Whether the consent step shows its privacy notice on a page of its own first (the visitor
 * chose larger text, and the notice would not fit beside the question). Kept until changed;
 * switched off while the notice page shows, the step shows its question. */
void journey_set_notice_apart(journey *j, bool apart);
/* Wipes everything entered and returns to STEP_NONE. */
void journey_clear(journey *j);

/* The buffer the keyboard types into on the current step (NULL if none), its byte size and
 * character limit. */
char *journey_field(journey *j, int *size, int *max_chars);
/* True if s is a UK postcode district (outward code), e.g. S60, S1, SW1A, M1; case and
 * surrounding spaces ignored. */
bool journey_postcode_valid(const char *s);
/* Step index among the enabled steps (for "step 2 of 6") and their count. */
int journey_step_number(const journey *j);
int journey_step_count(const journey *j);
const char *journey_step_name(journey_step s);
/* Seconds left before an unanswered "Are you still there?" clears the journey. */
int journey_still_there_left(const journey *j, uint64_t now);

/* The review step's rows (one per enabled step: label and what was entered, or the "none"
 * wording), as the screen shows them and read-aloud says them. Strings point into the journey,
 * its config or r->themes. */
#define JOURNEY_REVIEW_ROWS 7
typedef struct journey_review {
    int n;
    ui_text_id label[JOURNEY_REVIEW_ROWS];
    const char *value[JOURNEY_REVIEW_ROWS];
    bool none[JOURNEY_REVIEW_ROWS]; /* nothing entered: value is the "none" wording */
    char themes[600];               /* the chosen themes, joined with ", " */
} journey_review;
void journey_review_rows(const journey *j, journey_review *r);

#endif
