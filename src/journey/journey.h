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
#include "consult/answer.h"
#include "consult/question_type.h"
#include "journey/keyboard.h"
#include "store/feedback_log.h"

/* Every typed answer of a consultation shares one buffer: CONSULT_MAX_TEXT_CHARS characters of
 * up to 4 bytes, the "Something else" boxes, and a NUL each. */
#define JOURNEY_TEXT_POOL (CONSULT_MAX_TEXT_CHARS * 4 + CONSULT_MAX_QUESTIONS * (200 * 4 + 2))

typedef enum {
    STEP_NONE,     /* not in a journey: the loop shows */
    STEP_INTRO,    /* the consultation's intro, when it has one */
    STEP_QUESTION, /* journey.q is the question showing */
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
    W_OPTION,   /* index: an option of the question (choice, choices, rank, age band) */
    W_POINT,    /* index: a face (1-5) or a point of a scale */
    W_CONSENT,  /* index 1 yes, 0 no */
    W_PIN,      /* index: a pin on a place question's picture (a tap takes it away) */
    W_PICTURE,  /* a place question's picture: journey_place says where */
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
    W_STAFF_CONTENT, /* "New content on the USB stick": check it, then preview it */
    W_STAFF_GO_BACK, /* "Go back to the previous content" */
    W_PREVIEW_BACK,  /* the preview of a stick's content: a slide back, on, use it, cancel */
    W_PREVIEW_NEXT,
    W_PREVIEW_USE,
    W_PREVIEW_CANCEL,
    W_STAFF_QUOTES,  /* "Quotes to check (12)": the quotes screen (staff/staff_quotes.h) */
    W_QUOTE_APPROVE, /* the quotes screen: approve or hide the quote shown, later, back, more, done */
    W_QUOTE_HIDE,
    W_QUOTE_LATER,
    W_QUOTE_BACK,
    W_QUOTE_MORE,
    W_QUOTE_DONE,
    /* Language */
    W_LANG_OPEN, /* the language button: opens the picker */
    W_LANG_PICK, /* index: the language chosen */
    W_KEY_MORE,  /* a long-press variant (key_def given); index -1: beside the popup */
    W_MORE,      /* a long review's next page (index: the page) */
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
    const consultation *consult; /* in cfg: the one being answered (NULL: not in a journey) */
    int consult_index;
    journey_step step;
    int q;                      /* STEP_QUESTION: the question showing */
    int review_page;            /* STEP_REVIEW: which page of a review too long for one */
    journey_step abandoned_at;  /* where the last abandoned journey was */
    char abandoned_where[48];   /* ...in words: the question id, or the step's name */
    int abandoned_seconds;      /* ...and how long it had lasted */
    uint64_t started_ms, last_touch_ms, finished_ms;
    bool still_there;           /* the "Are you still there?" question is showing */
    answer answers[CONSULT_MAX_QUESTIONS];
    bool other_page;            /* the question's "Something else" box is showing */
    bool invalid;               /* Next was refused: the answer is not one the type takes */
    bool required_hit;          /* Next was tapped on a required question without an answer */
    bool full;                  /* a tap was refused: as many chosen as the question allows */
    bool char_refused;          /* the last thing typed had a sign that cannot be shown */
    bool limit_hit;             /* the last thing typed did not fit: the box is full */
    int cursor_x, cursor_y;     /* place, by keyboard: where Enter drops a pin (picture px) */
    bool cursor_shown;          /* the arrows moved it: the screen draws it */
    /* Larger text: the consent question's privacy notice gets a page of its own, with Next,
     * before the question (kept across clear; see journey_set_notice_apart). */
    bool notice_apart;
    bool notice_page;           /* that page is showing */
    keyboard_state kb;
    char save_error[DIAG_LEN];  /* why the last save failed (for staff) */
    int text_used;              /* bytes of `texts` handed to answers */
    char texts[JOURNEY_TEXT_POOL];
} journey;

void journey_init(journey *j, const config *cfg);
/* Starts consultation k (one of cfg's) at its intro or first question. */
void journey_start(journey *j, const consultation *k, uint64_t now);
bool journey_active(const journey *j);
/* A press on a widget. key is the key for W_KEY, else NULL. */
journey_event journey_press(journey *j, widget_kind w, int index, const key_def *key, uint64_t now);
/* Text from a physical keyboard (SDL text input) or Backspace, into the current text field. */
journey_event journey_type(journey *j, const char *utf8, uint64_t now);
journey_event journey_backspace(journey *j, uint64_t now);
/* A tap on a place question's picture at (x, y) in the picture's own pixels. */
journey_event journey_place(journey *j, int x, int y, uint64_t now);
/* Keyboard and switch on a place question: move the cursor pin by (dx, dy) steps of a
 * twentieth of the picture; journey_place_drop drops a pin where it is. */
journey_event journey_place_move(journey *j, int dx, int dy, uint64_t now);
journey_event journey_place_drop(journey *j, uint64_t now);
/* Typed text that the screen cannot draw (the app asks its fonts): left out, and the step says
 * so until the next key. Counts as a touch. */
journey_event journey_refuse_typing(journey *j, uint64_t now);
/* Time passing: the idle question, the clear after it, the end of the thank-you. */
journey_event journey_tick(journey *j, uint64_t now);
/* How long the app may sleep before journey_tick has something to do (ms). */
int journey_wait_ms(const journey *j, uint64_t now);
/* After JOURNEY_SEND: the record the app should save. Strings point into the journey/config;
 * rec's answers are new JSON the caller releases with feedback_record_release. */
void journey_record(const journey *j, feedback_record *rec, time_t wall_now, uint64_t now);
/* The save's outcome: thank-you only when ok, otherwise an honest sorry (why kept for staff). */
void journey_sent(journey *j, bool ok, const char *why, uint64_t now);
/* Shows the journey in another language (the same config in it): what was entered is kept.
 * A reloaded config (staff changed the file) must come with journey_clear. */
void journey_set_config(journey *j, const config *cfg);
/* Whether the consent step shows its privacy notice on a page of its own first (the visitor
 * chose larger text, and the notice would not fit beside the question). Kept until changed;
 * switched off while the notice page shows, the step shows its question. */
void journey_set_notice_apart(journey *j, bool apart);
/* Goes straight to step s (question q) as a visitor arriving there would, answers kept: for
 * `shoot` and tests, which show every screen without tapping through. */
void journey_goto(journey *j, journey_step s, int q);
/* Wipes everything entered and returns to STEP_NONE. */
void journey_clear(journey *j);

/* The buffer the keyboard types into on the current step (NULL if none), its byte size and
 * character limit. */
char *journey_field(journey *j, int *size, int *max_chars);
/* Whether the step showing types into a field (has a keyboard). */
bool journey_typing(const journey *j);
/* The question showing (NULL on the intro, review, thanks...), and its answer. */
const question *journey_question(const journey *j);
const answer *journey_answer(const journey *j);
/* Whether the journey is on the question with this id (tests and read-aloud). */
bool journey_on(const journey *j, const char *question_id);
/* The answer to question id of the consultation being answered, or NULL. */
const answer *journey_answer_to(const journey *j, const char *question_id);
/* Whether question i is asked, given the answers so far (show_if; consent only after words
 * that could be quoted). */
bool journey_asks(const journey *j, int i);
/* Step index among the steps asked (for the dots: questions and the review) and their count. */
int journey_step_number(const journey *j);
int journey_step_count(const journey *j);
/* Where the last abandoned journey was, in words for the abandoned log: the question id, or
 * "intro", "review". */
const char *journey_where(const journey *j);
const char *journey_step_name(journey_step s);
/* Seconds left before an unanswered "Are you still there?" clears the journey. */
int journey_still_there_left(const journey *j, uint64_t now);

/* The review step's rows: one per question asked, its title and the answer in words (or the
 * "none" wording). Strings point into the journey, its config or r->buf. */
typedef struct journey_review {
    int n;
    const question *q[CONSULT_MAX_QUESTIONS];
    const char *label[CONSULT_MAX_QUESTIONS];
    const char *value[CONSULT_MAX_QUESTIONS];
    bool none[CONSULT_MAX_QUESTIONS]; /* nothing entered: value is the "none" wording */
    char buf[CONSULT_MAX_QUESTIONS][600];
} journey_review;
void journey_review_rows(const journey *j, journey_review *r);

#endif
