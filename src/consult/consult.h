/* consult: a consultation as data: what is asked, in which order, of whom and until when.
 * A config holds several (config.consultations); each is a title, optional dates, an intro,
 * its own privacy notice and thank-you words, and a list of questions. A question has a type
 * (consult/question_type.h: one file per type in consult/questions/), its words, options where
 * the type has them, and an optional show_if on earlier answers.
 *
 * config_consult.c reads and checks them; the journey asks them; export and report read their
 * answers back by question and option id. Everything here is pure data and pure functions.
 *
 * Ownership: every string and array belongs to the config's arena; nothing here frees. */
#ifndef PK_CONSULT_H
#define PK_CONSULT_H
#include <stdbool.h>

#include "core/date.h"

#define CONSULT_MAX 16            /* consultations in one file */
#define CONSULT_MAX_QUESTIONS 24  /* questions in one consultation */
#define CONSULT_MAX_OPTIONS 24    /* options of one question ("Something else" included) */
#define CONSULT_MAX_PINS 5        /* pins on one place question */
#define CONSULT_MAX_COND 8        /* conditions combined by one all/any */
#define CONSULT_OTHER_ID "other"  /* the option id of "Something else" */
#define CONSULT_MAX_TEXT_CHARS 20000 /* typed characters of all a consultation's questions */

typedef enum {
    Q_CHOICE,            /* one option */
    Q_CHOICES,           /* several options (up to max) */
    Q_FACES,             /* five drawn faces, 1-5 */
    Q_SCALE,             /* N points from low to high, with end labels */
    Q_RANK,              /* up to max options in order */
    Q_TEXT,              /* free text */
    Q_NUMBER,            /* a whole number in a range, on a number pad */
    Q_PLACE,             /* pins on a picture */
    Q_FIRST_NAME,        /* a first name (personal) */
    Q_AGE_BAND,          /* one of the configured bands */
    Q_POSTCODE_DISTRICT, /* the outward code only (personal) */
    Q_CONSENT,           /* may we quote you? after the privacy notice */
    Q_TYPE_COUNT
} question_type;

typedef struct q_option {
    const char *id;    /* stable: records and exports use it */
    const char *label; /* the words on screen */
    const char *icon;  /* resolved path, or NULL */
} q_option;

typedef enum { COND_EQUALS, COND_INCLUDES, COND_ANSWERED, COND_NOT_ANSWERED, COND_ALL, COND_ANY } cond_kind;

/* show_if: {question: ID, equals: OPTION | includes: OPTION | answered: true|false}, or
 * {all: [...]} / {any: [...]}. Indices are resolved when the config loads. */
typedef struct q_cond {
    cond_kind kind;
    int question;             /* index of an earlier question */
    int option;               /* EQUALS/INCLUDES: option index; EQUALS on a number or scale: -1 */
    int value;                /* EQUALS on a faces, scale or number question */
    int n;                    /* ALL/ANY */
    const struct q_cond *items;
} q_cond;

typedef struct question {
    const char *id;
    question_type type;
    int line, col;            /* where it starts in the file (for check's messages) */
    const char *title;        /* the question itself */
    const char *hint;         /* smaller words under it, or NULL */
    const char *label;        /* a short name (the review's rows, the codebook): "Your idea" */
    bool required;            /* no Skip: an answer is needed to go on */
    const q_cond *show_if;    /* NULL: always asked */
    int n_options;            /* choice, choices, rank, age_band, faces (5 words) */
    q_option *options;        /* with "Something else" last when `other` */
    bool other;               /* the last option is "Something else", with a box to say what */
    bool from_themes;         /* options are the plan's themes */
    int max;                  /* choices/rank: how many; place: pins; text: characters */
    int min_value, max_value; /* scale points, number range */
    const char *low_label, *high_label; /* scale ends */
    const char *image;        /* place: resolved path of the picture */
    int image_w, image_h;     /* place: the picture's own size (the answer's coordinates) */
    const char *pattern;      /* postcode_district: the district pattern (see consult_pattern_match) */
    const char *other_title;  /* the box after "Something else": what to ask */
} question;

typedef struct consultation {
    const char *id, *title;
    const char *intro;          /* a first page before the questions, or NULL */
    const char *privacy_notice; /* shown with the consent question */
    const char *thanks_title, *thanks_body;
    bool has_from, has_until;
    pk_date from, until;        /* inclusive days */
    int line;
    int n_questions;
    question *questions;
    char hash[17];              /* of its questions (ids, types, options): names the form */
    bool quote_age_band;        /* quotes: {age_band: true}: a quote shows its age band */
} consultation;

/* True if today is within the consultation's dates. */
bool consult_running(const consultation *c, pk_date today);
/* The index of question id in c, or -1. */
int consult_question_index(const consultation *c, const char *id);
/* The index of option id in q, or -1. */
int consult_option_index(const question *q, const char *id);
/* Postcode-like patterns: A a letter, 9 a digit, X a letter or digit, ? makes the previous one
 * optional; several patterns separated by '|'. Case and spaces around are ignored.
 * The UK default is CONSULT_UK_DISTRICT. */
#define CONSULT_UK_DISTRICT "A9|A9X|AA9|AA9X"
bool consult_pattern_match(const char *pattern, const char *s);

#endif
