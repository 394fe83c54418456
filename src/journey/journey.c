#include "journey/journey.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "text/utf8.h"

static const char *const step_names[STEP_COUNT] = {
    "none", "choice", "rating", "text", "name", "age", "postcode", "consent", "review", "thanks", "sorry"};

const char *journey_step_name(journey_step s) { return s < STEP_COUNT ? step_names[s] : "?"; }

static bool step_enabled(const journey *j, journey_step s) {
    const config *c = j->cfg;
    switch (s) {
    case STEP_CHOICE: return c->feedback.step_choice;
    case STEP_RATING: return c->feedback.step_rating;
    case STEP_TEXT: return c->feedback.step_text;
    case STEP_NAME: return c->feedback.step_name;
    case STEP_AGE: return c->feedback.step_age;
    case STEP_POSTCODE: return c->feedback.step_postcode;
    case STEP_CONSENT: return c->feedback.step_consent;
    case STEP_REVIEW: return true;
    default: return false;
    }
}

void journey_init(journey *j, const config *cfg) {
    memset(j, 0, sizeof *j);
    j->cfg = cfg;
    j->age_band = -1;
    j->consent = -1;
    keyboard_init(&j->kb, cfg ? cfg->keyboard : NULL);
}

/* The keyboard a step types on: the language's own, but postcodes are UK letters and digits in
 * every language, so they keep the Latin keyboard. */
static const keyboard_layout *step_keyboard(const journey *j, journey_step s) {
    if (!j->cfg) return NULL;
    return s == STEP_POSTCODE && j->cfg->keyboard_latin ? j->cfg->keyboard_latin : j->cfg->keyboard;
}

/* Another language mid-journey: its keyboard comes up (on its first page), the text stays. */
void journey_set_config(journey *j, const config *cfg) {
    j->cfg = cfg;
    keyboard_set_layout(&j->kb, step_keyboard(j, j->step));
}

void journey_clear(journey *j) {
    const config *cfg = j->cfg;
    journey_step abandoned = j->abandoned_at;
    bool apart = j->notice_apart;
    char save_error[DIAG_LEN];
    memcpy(save_error, j->save_error, sizeof save_error);
    /* Volatile-safe wipe: what a visitor typed must not survive in memory for the next. */
    explicit_bzero(j, sizeof *j);
    journey_init(j, cfg);
    j->abandoned_at = abandoned;
    j->notice_apart = apart;
    memcpy(j->save_error, save_error, sizeof save_error);
}

void journey_set_notice_apart(journey *j, bool apart) {
    j->notice_apart = apart;
    if (!apart) j->notice_page = false;
}

/* Arriving at a step forwards: the consent step opens on its notice when that is apart. */
static void go(journey *j, journey_step s) {
    j->step = s;
    j->char_refused = j->limit_hit = false;
    j->notice_page = s == STEP_CONSENT && j->notice_apart;
    j->postcode_invalid = false;
    keyboard_init(&j->kb, step_keyboard(j, s));
}

void journey_start(journey *j, uint64_t now) {
    journey_clear(j);
    j->started_ms = j->last_touch_ms = now;
    journey_step s = STEP_CHOICE;
    while (!step_enabled(j, s)) s++;
    go(j, s);
}

bool journey_active(const journey *j) { return j->step != STEP_NONE; }

static bool has_words(const char *s) { return !utf8_is_blank(s, strlen(s)); }

/* Consent to be quoted means nothing when there are no words and no name to quote. */
static bool step_needed(const journey *j, journey_step s) {
    if (!step_enabled(j, s)) return false;
    if (s == STEP_CONSENT && !has_words(j->text) && !has_words(j->name)) return false;
    return true;
}

static void next_step(journey *j) {
    journey_step s = j->step + 1;
    while (s < STEP_REVIEW && !step_needed(j, s)) s++;
    go(j, s);
}

static bool prev_step(journey *j) {
    int s = (int)j->step - 1;
    while (s > STEP_NONE && !step_needed(j, (journey_step)s)) s--;
    if (s <= STEP_NONE) return false;
    go(j, (journey_step)s);
    j->notice_page = false; /* back to the consent question; Back again shows the notice */
    return true;
}

bool journey_postcode_valid(const char *s) {
    while (*s == ' ') s++;
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ') n--;
    /* Outward code: 1-2 letters, a digit, then an optional letter or digit. */
    size_t i = 0, letters = 0;
    while (i < n && isalpha((unsigned char)s[i]) && letters < 2) i++, letters++;
    if (letters == 0 || i >= n || !isdigit((unsigned char)s[i])) return false;
    i++;
    if (i < n && isalnum((unsigned char)s[i])) i++;
    return i == n;
}

static void normalise_postcode(char *p) {
    char out[sizeof ((journey *)0)->postcode];
    size_t k = 0;
    for (const char *c = p; *c && k + 1 < sizeof out; c++)
        if (*c != ' ') out[k++] = (char)toupper((unsigned char)*c);
    out[k] = '\0';
    strcpy(p, out);
}

char *journey_field(journey *j, int *size, int *max_chars) {
    switch (j->step) {
    case STEP_TEXT:
        *size = (int)sizeof j->text;
        *max_chars = j->cfg->feedback.text_limit;
        return j->text;
    case STEP_NAME:
        *size = (int)sizeof j->name;
        *max_chars = JOURNEY_NAME_CHARS;
        return j->name;
    case STEP_POSTCODE:
        *size = (int)sizeof j->postcode;
        *max_chars = JOURNEY_POSTCODE_CHARS;
        return j->postcode;
    default: return NULL;
    }
}

/* Leaving a step forwards: a field of spaces alone is no answer, and is emptied (so the review
 * says "none" and nothing blank is saved); the postcode must be a district (or be skipped). */
static journey_event forward(journey *j) {
    int size, max_chars;
    char *field = journey_field(j, &size, &max_chars);
    if (field && !has_words(field)) explicit_bzero(field, (size_t)size);
    if (j->step == STEP_POSTCODE && j->postcode[0]) {
        if (!journey_postcode_valid(j->postcode)) {
            j->postcode_invalid = true;
            return JOURNEY_REDRAW;
        }
        normalise_postcode(j->postcode);
    }
    next_step(j);
    return JOURNEY_REDRAW;
}

static void skip_current(journey *j) {
    switch (j->step) {
    case STEP_CHOICE: memset(j->themes, 0, sizeof j->themes); break;
    case STEP_RATING: j->rating = 0; break;
    case STEP_TEXT: explicit_bzero(j->text, sizeof j->text); break;
    case STEP_NAME: explicit_bzero(j->name, sizeof j->name); break;
    case STEP_AGE: j->age_band = -1; break;
    case STEP_POSTCODE: explicit_bzero(j->postcode, sizeof j->postcode); break;
    case STEP_CONSENT: j->consent = -1; break;
    default: break;
    }
}

journey_event journey_press(journey *j, widget_kind w, int index, const key_def *key, uint64_t now) {
    if (j->step == STEP_NONE) return JOURNEY_IDLE;
    j->last_touch_ms = now;
    /* A long-press popup answers only for itself: a variant types, anything else closes it. */
    bool popup = keyboard_popup_open(&j->kb);
    keyboard_popup_close(&j->kb);
    if (popup && w != W_KEY_MORE) return JOURNEY_REDRAW;
    if (j->still_there) {
        /* Any touch answers the question; only Continue is drawn, but a tap anywhere counts. */
        j->still_there = false;
        return JOURNEY_REDRAW;
    }
    if (j->step == STEP_THANKS || j->step == STEP_SORRY) {
        if (w == W_CLOSE || w == W_NEXT) {
            journey_clear(j);
            return JOURNEY_FINISHED;
        }
        return JOURNEY_IDLE;
    }
    int size, max_chars;
    char *field;
    if (j->notice_page) {
        /* The privacy notice on its own page: Next goes on to the question, Back and Skip do
         * as on any step; the question's answers are not on this page. */
        if (w == W_NEXT) {
            j->notice_page = false;
            return JOURNEY_REDRAW;
        }
        if (w == W_CONSENT) return JOURNEY_IDLE;
    } else if (j->step == STEP_CONSENT && j->notice_apart && w == W_BACK) {
        j->notice_page = true;
        return JOURNEY_REDRAW;
    }
    switch (w) {
    case W_NEXT: return forward(j);
    case W_BACK:
        if (!prev_step(j)) {
            /* Back from the first step leaves, like Close. */
            j->abandoned_at = j->step;
            journey_clear(j);
            return JOURNEY_ABANDONED;
        }
        return JOURNEY_REDRAW;
    case W_SKIP:
        skip_current(j);
        next_step(j);
        return JOURNEY_REDRAW;
    case W_CLOSE:
        j->abandoned_at = j->step;
        journey_clear(j);
        return JOURNEY_ABANDONED;
    case W_SEND: return j->step == STEP_REVIEW ? JOURNEY_SEND : JOURNEY_IDLE;
    case W_THEME:
        if (j->step != STEP_CHOICE || index < 0 || index > j->cfg->n_themes) return JOURNEY_IDLE;
        j->themes[index] = !j->themes[index];
        return JOURNEY_REDRAW;
    /* One-answer questions move on as soon as they are answered: fewer taps, and Back shows
     * the answer again if it was a slip. */
    case W_RATING:
        if (j->step != STEP_RATING || index < 1 || index > 5) return JOURNEY_IDLE;
        j->rating = index;
        next_step(j);
        return JOURNEY_REDRAW;
    case W_AGE:
        if (j->step != STEP_AGE || index < 0 || index >= JOURNEY_AGE_BANDS) return JOURNEY_IDLE;
        j->age_band = index;
        next_step(j);
        return JOURNEY_REDRAW;
    case W_CONSENT:
        if (j->step != STEP_CONSENT) return JOURNEY_IDLE;
        j->consent = index ? 1 : 0;
        next_step(j);
        return JOURNEY_REDRAW;
    case W_KEY_MORE: /* a variant from the popup (index -1: a tap beside it, which closed it) */
        if (index < 0) return JOURNEY_REDRAW;
        /* fall through */
    case W_KEY:
        field = journey_field(j, &size, &max_chars);
        if (!field || !key) return JOURNEY_IDLE;
        j->postcode_invalid = j->char_refused = j->limit_hit = false;
        switch (keyboard_press(&j->kb, key, field, size, max_chars)) {
        case KEYBOARD_DONE: return forward(j);
        case KEYBOARD_NOTHING:
            /* A letter that did not go in because the box is full: say so, not nothing. */
            j->limit_hit = (key->action == KEY_CHAR || key->action == KEY_SPACE) && keyboard_full(field, size, max_chars);
            return j->limit_hit ? JOURNEY_REDRAW : JOURNEY_IDLE;
        default: return JOURNEY_REDRAW;
        }
    case W_CONTINUE: return JOURNEY_REDRAW;
    default: return JOURNEY_IDLE; /* W_NONE and the staff screens' widgets */
    }
    return JOURNEY_IDLE;
}

journey_event journey_type(journey *j, const char *utf8, uint64_t now) {
    int size, max_chars;
    char *field = journey_field(j, &size, &max_chars);
    if (!field) return JOURNEY_IDLE;
    j->last_touch_ms = now;
    j->still_there = false;
    bool was = j->postcode_invalid || j->char_refused || j->limit_hit;
    j->postcode_invalid = j->char_refused = false;
    size_t before = utf8_count(field, strlen(field));
    bool typed = keyboard_type(field, size, max_chars, utf8);
    /* Some of it did not fit: the box says it is full. */
    j->limit_hit = keyboard_full(field, size, max_chars) && utf8_count(field, strlen(field)) - before < keyboard_typeable(utf8);
    keyboard_popup_close(&j->kb);
    return typed || was || j->limit_hit ? JOURNEY_REDRAW : JOURNEY_IDLE;
}

journey_event journey_refuse_typing(journey *j, uint64_t now) {
    int size, max_chars;
    if (!journey_field(j, &size, &max_chars)) return JOURNEY_IDLE;
    j->last_touch_ms = now;
    j->still_there = false;
    j->postcode_invalid = false;
    j->char_refused = true;
    keyboard_popup_close(&j->kb);
    return JOURNEY_REDRAW;
}

journey_event journey_backspace(journey *j, uint64_t now) {
    int size, max_chars;
    char *field = journey_field(j, &size, &max_chars);
    if (!field) return JOURNEY_IDLE;
    j->last_touch_ms = now;
    j->still_there = false;
    bool was = j->char_refused || j->limit_hit;
    j->char_refused = j->limit_hit = false;
    keyboard_popup_close(&j->kb);
    return keyboard_backspace(field) || was ? JOURNEY_REDRAW : JOURNEY_IDLE;
}

static uint64_t ms(int seconds) { return (uint64_t)seconds * 1000; }

journey_event journey_tick(journey *j, uint64_t now) {
    if (j->step == STEP_NONE) return JOURNEY_IDLE;
    if (j->step == STEP_THANKS || j->step == STEP_SORRY) {
        if (now - j->finished_ms >= ms(j->cfg->feedback.thanks_seconds)) {
            journey_clear(j);
            return JOURNEY_FINISHED;
        }
        return JOURNEY_IDLE;
    }
    uint64_t idle = now - j->last_touch_ms;
    if (!j->still_there && idle >= ms(j->cfg->feedback.idle_seconds)) {
        j->still_there = true;
        return JOURNEY_REDRAW;
    }
    if (j->still_there &&
        idle >= ms(j->cfg->feedback.idle_seconds) + ms(j->cfg->feedback.still_there_seconds)) {
        j->abandoned_at = j->step;
        journey_clear(j);
        return JOURNEY_ABANDONED;
    }
    return j->still_there ? JOURNEY_REDRAW : JOURNEY_IDLE; /* the countdown ticks */
}

int journey_wait_ms(const journey *j, uint64_t now) {
    if (j->step == STEP_NONE) return 60000;
    uint64_t due;
    if (j->step == STEP_THANKS || j->step == STEP_SORRY)
        due = j->finished_ms + ms(j->cfg->feedback.thanks_seconds);
    else if (!j->still_there)
        due = j->last_touch_ms + ms(j->cfg->feedback.idle_seconds);
    else
        due = now + 1000 - (now - j->last_touch_ms) % 1000; /* the next countdown second */
    return due > now ? (int)(due - now) : 0;
}

int journey_still_there_left(const journey *j, uint64_t now) {
    uint64_t end = j->last_touch_ms + ms(j->cfg->feedback.idle_seconds) +
                   ms(j->cfg->feedback.still_there_seconds);
    return end > now ? (int)((end - now + 999) / 1000) : 0;
}

static const char *const age_codes[JOURNEY_AGE_BANDS] = {"under-12", "12-17", "18-24",
                                                         "25-44",    "45-64", "65+"};

void journey_record(const journey *j, feedback_record *rec, time_t wall_now, uint64_t now) {
    const config *c = j->cfg;
    memset(rec, 0, sizeof *rec);
    rec->kiosk = c->kiosk.id;
    rec->location = c->kiosk.location;
    rec->at = wall_now;
    rec->config_title = c->plan.title;
    rec->config_hash = c->hash;
    rec->question = c->feedback.question;
    for (int i = 0; i <= c->n_themes && rec->n_themes < FEEDBACK_MAX_THEMES; i++)
        if (j->themes[i]) rec->themes[rec->n_themes++] = i < c->n_themes ? c->themes[i].id : "other";
    rec->rating = j->rating;
    rec->text = has_words(j->text) ? j->text : NULL;
    rec->name = has_words(j->name) ? j->name : NULL;
    rec->age_band = j->age_band >= 0 ? age_codes[j->age_band] : NULL;
    rec->postcode_district = j->postcode[0] ? j->postcode : NULL;
    rec->consent_quote = c->feedback.step_consent ? (j->consent == 1 ? 1 : j->consent == 0 ? 0 : -1) : -1;
    rec->language = c->languages.code[c->lang];
    rec->seconds_taken = (int)((now - j->started_ms) / 1000);
}

void journey_sent(journey *j, bool ok, const char *why, uint64_t now) {
    j->finished_ms = now;
    if (ok) {
        /* What was typed is wiped as soon as it is safe on disk. */
        journey_clear(j);
        j->finished_ms = now;
        j->save_error[0] = '\0';
        j->step = STEP_THANKS;
    } else {
        snprintf(j->save_error, sizeof j->save_error, "%s", why ? why : "unknown error");
        /* The entry is kept, wiped only when the sorry screen times out, so nothing is lost
         * before staff could look; the visitor sees an honest message. */
        j->step = STEP_SORRY;
    }
}

int journey_step_count(const journey *j) {
    int n = 0;
    for (journey_step s = STEP_CHOICE; s <= STEP_REVIEW; s++) n += step_enabled(j, s);
    return n;
}

int journey_step_number(const journey *j) {
    int n = 0;
    for (journey_step s = STEP_CHOICE; s <= j->step && s <= STEP_REVIEW; s++) n += step_enabled(j, s);
    return n;
}


void journey_review_rows(const journey *j, journey_review *r) {
    const config *c = j->cfg;
    const char *const *ui = c->feedback.ui;
    r->themes[0] = '\0';
    for (int i = 0; i <= c->n_themes; i++)
        if (j->themes[i]) {
            if (r->themes[0]) strncat(r->themes, ", ", sizeof r->themes - strlen(r->themes) - 1);
            strncat(r->themes, i < c->n_themes ? c->themes[i].name : ui[UI_SOMETHING_ELSE],
                    sizeof r->themes - strlen(r->themes) - 1);
        }
    struct { bool on; ui_text_id label; const char *value; } rows[JOURNEY_REVIEW_ROWS] = {
        {c->feedback.step_choice, UI_REVIEW_THEMES, r->themes[0] ? r->themes : NULL},
        {c->feedback.step_rating, UI_REVIEW_RATING, j->rating ? ui[UI_RATING_1 + j->rating - 1] : NULL},
        {c->feedback.step_text, UI_REVIEW_TEXT, has_words(j->text) ? j->text : NULL},
        {c->feedback.step_name, UI_REVIEW_NAME, has_words(j->name) ? j->name : NULL},
        {c->feedback.step_age, UI_REVIEW_AGE, j->age_band >= 0 ? ui[UI_AGE_1 + j->age_band] : NULL},
        {c->feedback.step_postcode, UI_REVIEW_POSTCODE, j->postcode[0] ? j->postcode : NULL},
        {c->feedback.step_consent, UI_REVIEW_QUOTE, j->consent == 1 ? ui[UI_YES] : j->consent == 0 ? ui[UI_NO] : NULL},
    };
    r->n = 0;
    for (int i = 0; i < JOURNEY_REVIEW_ROWS; i++) {
        if (!rows[i].on) continue;
        r->label[r->n] = rows[i].label;
        r->none[r->n] = !rows[i].value;
        r->value[r->n] = rows[i].value ? rows[i].value : ui[UI_REVIEW_NONE];
        r->n++;
    }
}
