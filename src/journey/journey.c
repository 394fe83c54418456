/* journey: an interpreter of consultations. It knows questions only through their kinds
 * (consult/question_type.h): which answers they take, whether a keyboard types them, how they
 * are recorded. What is here is the order of things: intro, the questions asked (show_if, and
 * consent only after words that could be quoted), review, thank-you; Back, Skip and Next; the
 * "Something else" box; the idle timer. */
#include "journey/journey.h"

#include <stdio.h>
#include <string.h>

#include "journey/number_pad.h"
#include "text/utf8.h"

static const char *const step_names[STEP_COUNT] = {"none", "intro", "question", "review", "thanks", "sorry"};

const char *journey_step_name(journey_step s) { return s < STEP_COUNT ? step_names[s] : "?"; }

static const question *question_at(const journey *j, int i) {
    return j->consult && i >= 0 && i < j->consult->n_questions ? &j->consult->questions[i] : NULL;
}

static const question_kind *kind_at(const journey *j, int i) {
    const question *q = question_at(j, i);
    return q ? question_kind_of(q->type) : NULL;
}

const question *journey_question(const journey *j) { return j->step == STEP_QUESTION ? question_at(j, j->q) : NULL; }

const answer *journey_answer(const journey *j) { return journey_question(j) ? &j->answers[j->q] : NULL; }

bool journey_on(const journey *j, const char *id) {
    const question *q = journey_question(j);
    return q && !strcmp(q->id, id);
}

const answer *journey_answer_to(const journey *j, const char *id) {
    int i = j->consult ? consult_question_index(j->consult, id) : -1;
    return i >= 0 ? &j->answers[i] : NULL;
}

static bool answered(const journey *j, int i) {
    const question_kind *k = kind_at(j, i);
    return k && k->answered(question_at(j, i), &j->answers[i]);
}

/* A question not asked has no answer, whatever is left from a detour: show_if and consent
 * go by what will be recorded. show_if only names earlier questions, so this ends. */
static bool given(const journey *j, int i) { return answered(j, i) && journey_asks(j, i); }

static bool cond_holds(const journey *j, const q_cond *c) {
    const answer *a = c->kind < COND_ALL ? &j->answers[c->question] : NULL;
    const question *q = question_at(j, c->question);
    switch (c->kind) {
    case COND_ANSWERED: return given(j, c->question);
    case COND_NOT_ANSWERED: return !given(j, c->question);
    case COND_EQUALS:
        if (!given(j, c->question)) return false;
        if (c->option >= 0) return a->value == c->option;
        if (q->type == Q_NUMBER) {
            int v;
            return sscanf(a->text, "%d", &v) == 1 && v == c->value;
        }
        return a->value == c->value;
    case COND_INCLUDES:
        if (!given(j, c->question)) return false;
        if (q->type == Q_RANK) {
            for (int k = 0; k < a->n_order; k++)
                if (a->order[k] == c->option) return true;
            return false;
        }
        return (a->picked >> c->option) & 1;
    case COND_ALL:
        for (int i = 0; i < c->n; i++)
            if (!cond_holds(j, &c->items[i])) return false;
        return true;
    case COND_ANY:
        for (int i = 0; i < c->n; i++)
            if (cond_holds(j, &c->items[i])) return true;
        return false;
    }
    return false;
}

/* Something was typed before question `before` that could be quoted: the consent question has
 * a reason to be asked. (Only earlier questions: a later one's show_if may name the consent.) */
static bool something_quotable(const journey *j, int before) {
    for (int i = 0; i < before; i++) {
        const question *q = question_at(j, i);
        const question_kind *k = question_kind_of(q->type);
        if (q->type == Q_CONSENT || !journey_asks(j, i)) continue;
        if (k->quotable && answered(j, i)) return true;
        if (question_other_chosen(q, &j->answers[i]) && question_has_words(&j->answers[i])) return true;
    }
    return false;
}

bool journey_asks(const journey *j, int i) {
    const question *q = question_at(j, i);
    if (!q) return false;
    if (q->show_if && !cond_holds(j, q->show_if)) return false;
    if (q->type == Q_CONSENT && !something_quotable(j, i)) return false;
    return true;
}

/* The keyboard a question types on: the language's own, but postcodes are UK letters and
 * digits in every language, and numbers have their pad. */
static const keyboard_layout *keyboard_for(const journey *j) {
    const question *q = journey_question(j);
    if (!j->cfg || !q) return j->cfg ? j->cfg->keyboard : NULL;
    if (q->type == Q_NUMBER && !j->other_page) return number_pad(q->min_value < 0);
    if (q->type == Q_POSTCODE_DISTRICT && j->cfg->keyboard_latin) return j->cfg->keyboard_latin;
    return j->cfg->keyboard;
}

void journey_init(journey *j, const config *cfg) {
    memset(j, 0, sizeof *j); /* the typed text's buffer too: nothing from before shows */
    j->cfg = cfg;
    keyboard_init(&j->kb, cfg ? cfg->keyboard : NULL);
}

void journey_set_config(journey *j, const config *cfg) {
    j->cfg = cfg;
    if (j->consult) j->consult = &cfg->consultations[j->consult_index];
    keyboard_set_layout(&j->kb, keyboard_for(j));
}

void journey_clear(journey *j) {
    const config *cfg = j->cfg;
    journey_step abandoned = j->abandoned_at;
    char where[sizeof j->abandoned_where];
    memcpy(where, j->abandoned_where, sizeof where);
    int seconds = j->abandoned_seconds;
    bool apart = j->notice_apart;
    char save_error[DIAG_LEN];
    memcpy(save_error, j->save_error, sizeof save_error);
    /* Volatile-safe wipe: what a visitor typed must not survive in memory for the next. */
    explicit_bzero(j->texts, (size_t)j->text_used);
    explicit_bzero(j, offsetof(journey, texts));
    journey_init(j, cfg);
    j->abandoned_at = abandoned;
    memcpy(j->abandoned_where, where, sizeof where);
    j->abandoned_seconds = seconds;
    j->notice_apart = apart;
    memcpy(j->save_error, save_error, sizeof save_error);
}

void journey_set_notice_apart(journey *j, bool apart) {
    j->notice_apart = apart;
    if (!apart) j->notice_page = false;
}

/* Arriving somewhere forwards: the consent question opens on its notice when that is apart. */
static void go(journey *j, journey_step s, int q) {
    j->step = s;
    j->q = q;
    j->review_page = 0;
    j->other_page = false;
    j->char_refused = j->limit_hit = j->invalid = j->required_hit = j->full = j->cursor_shown = false;
    const question *qq = journey_question(j);
    j->notice_page = qq && qq->type == Q_CONSENT && j->notice_apart;
    if (qq && qq->type == Q_PLACE) j->cursor_x = qq->image_w / 2, j->cursor_y = qq->image_h / 2;
    keyboard_init(&j->kb, keyboard_for(j));
}

void journey_goto(journey *j, journey_step s, int q) { go(j, s, q); }

static void next_step(journey *j) {
    int from = j->step == STEP_QUESTION ? j->q + 1 : 0;
    for (int i = from; i < j->consult->n_questions; i++)
        if (journey_asks(j, i)) {
            go(j, STEP_QUESTION, i);
            return;
        }
    go(j, STEP_REVIEW, 0);
}

static bool prev_step(journey *j) {
    int from = j->step == STEP_QUESTION ? j->q - 1 : j->consult->n_questions - 1;
    for (int i = from; i >= 0; i--)
        if (journey_asks(j, i)) {
            go(j, STEP_QUESTION, i);
            j->notice_page = false; /* back to the consent question; Back again shows the notice */
            return true;
        }
    if (j->step != STEP_INTRO && j->consult->intro) {
        go(j, STEP_INTRO, 0);
        return true;
    }
    return false;
}

void journey_start(journey *j, const consultation *k, uint64_t now) {
    journey_clear(j);
    if (!k || !j->cfg) return;
    j->consult = k;
    j->consult_index = (int)(k - j->cfg->consultations);
    j->started_ms = j->last_touch_ms = now;
    /* Each typed answer (and each "Something else" box) gets its part of the buffer. */
    for (int i = 0; i < k->n_questions; i++) {
        const question_kind *kind = question_kind_of(k->questions[i].type);
        int chars = kind && kind->text_chars ? kind->text_chars(&k->questions[i]) : 0;
        int size = chars ? chars * 4 + 1 : 0;
        if (j->text_used + size > (int)sizeof j->texts) size = 0;
        j->answers[i].text = size ? j->texts + j->text_used : NULL;
        j->answers[i].text_size = size;
        j->text_used += size;
    }
    if (k->intro) go(j, STEP_INTRO, 0);
    else next_step(j);
}

bool journey_active(const journey *j) { return j->step != STEP_NONE; }

char *journey_field(journey *j, int *size, int *max_chars) {
    const question *q = journey_question(j);
    if (!q || j->notice_page) return NULL;
    const question_kind *k = question_kind_of(q->type);
    answer *a = &j->answers[j->q];
    if (!a->text || (!k->typed && !j->other_page)) return NULL;
    *size = a->text_size;
    *max_chars = k->text_chars(q);
    return a->text;
}

bool journey_typing(const journey *j) {
    int size, max_chars;
    return journey_field((journey *)j, &size, &max_chars) != NULL; /* looks, changes nothing */
}

static void clear_answer(answer *a) {
    char *text = a->text;
    int size = a->text_size;
    if (text) explicit_bzero(text, (size_t)size);
    memset(a, 0, sizeof *a);
    a->text = text, a->text_size = size;
}

/* Leaving a question forwards: a field of spaces alone is no answer, and is emptied (so the
 * review says "none" and nothing blank is saved); then the type may refuse the answer (a
 * postcode that is not a district), and a required question needs one. */
static journey_event forward(journey *j) {
    if (j->step == STEP_INTRO) {
        next_step(j);
        return JOURNEY_REDRAW;
    }
    const question *q = journey_question(j);
    if (!q) return JOURNEY_IDLE;
    const question_kind *k = question_kind_of(q->type);
    answer *a = &j->answers[j->q];
    if (a->text && !question_has_words(a)) explicit_bzero(a->text, (size_t)a->text_size);
    if (j->other_page) {
        next_step(j);
        return JOURNEY_REDRAW;
    }
    if (k->accept && !k->accept(q, a)) {
        j->invalid = true;
        return JOURNEY_REDRAW;
    }
    if (q->required && !k->answered(q, a)) {
        j->required_hit = true;
        return JOURNEY_REDRAW;
    }
    if (question_other_chosen(q, a)) {
        j->other_page = true;
        j->invalid = j->required_hit = j->full = false;
        keyboard_init(&j->kb, keyboard_for(j));
        return JOURNEY_REDRAW;
    }
    next_step(j);
    return JOURNEY_REDRAW;
}

static journey_event tapped(journey *j, tap_result r) {
    j->full = r == TAP_FULL;
    j->required_hit = j->invalid = false;
    switch (r) {
    case TAP_ANSWERED: return forward(j);
    case TAP_NOTHING: return JOURNEY_IDLE;
    default: return JOURNEY_REDRAW;
    }
}

static journey_event leave(journey *j, uint64_t now) {
    const question *q = journey_question(j);
    j->abandoned_at = j->step;
    snprintf(j->abandoned_where, sizeof j->abandoned_where, "%s", q ? q->id : journey_step_name(j->step));
    j->abandoned_seconds = (int)((now - j->started_ms) / 1000);
    journey_clear(j);
    return JOURNEY_ABANDONED;
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
    const question *q = journey_question(j);
    answer *a = q ? &j->answers[j->q] : NULL;
    const question_kind *k = q ? question_kind_of(q->type) : NULL;
    if (j->notice_page) {
        /* The privacy notice on its own page: Next goes on to the question, Back and Skip do
         * as on any step; the question's answers are not on this page. */
        if (w == W_NEXT) {
            j->notice_page = false;
            return JOURNEY_REDRAW;
        }
        if (w == W_CONSENT) return JOURNEY_IDLE;
    } else if (q && q->type == Q_CONSENT && j->notice_apart && w == W_BACK) {
        j->notice_page = true;
        return JOURNEY_REDRAW;
    }
    int size, max_chars;
    char *field;
    switch (w) {
    case W_NEXT: return forward(j);
    case W_MORE:
        if (j->step != STEP_REVIEW || index < 0) return JOURNEY_IDLE;
        j->review_page = index;
        return JOURNEY_REDRAW;
    case W_BACK:
        if (j->step == STEP_REVIEW && j->review_page > 0) {
            j->review_page--;
            return JOURNEY_REDRAW;
        }
        if (j->other_page) {
            j->other_page = false;
            keyboard_init(&j->kb, keyboard_for(j));
            return JOURNEY_REDRAW;
        }
        /* Back from the first step leaves, like Close. */
        return prev_step(j) ? JOURNEY_REDRAW : leave(j, now);
    case W_SKIP:
        if (!q) return JOURNEY_IDLE;
        if (j->other_page) {
            if (a->text) explicit_bzero(a->text, (size_t)a->text_size);
        } else {
            if (q->required) return JOURNEY_IDLE;
            clear_answer(a);
        }
        next_step(j);
        return JOURNEY_REDRAW;
    case W_CLOSE: return leave(j, now);
    case W_SEND: return j->step == STEP_REVIEW ? JOURNEY_SEND : JOURNEY_IDLE;
    case W_OPTION:
    case W_POINT:
    case W_CONSENT:
    case W_PIN:
        if (!k || !k->tap || j->other_page) return JOURNEY_IDLE;
        if ((w == W_CONSENT) != (q->type == Q_CONSENT) || (w == W_PIN) != (q->type == Q_PLACE)) return JOURNEY_IDLE;
        return tapped(j, k->tap(q, a, index));
    case W_KEY_MORE: /* a variant from the popup (index -1: a tap beside it, which closed it) */
        if (index < 0) return JOURNEY_REDRAW;
        /* fall through */
    case W_KEY:
        field = journey_field(j, &size, &max_chars);
        if (!field || !key) return JOURNEY_IDLE;
        j->invalid = j->char_refused = j->limit_hit = j->required_hit = false;
        switch (keyboard_press(&j->kb, key, field, size, max_chars)) {
        case KEYBOARD_DONE: return forward(j);
        case KEYBOARD_NOTHING:
            /* A letter that did not go in because the box is full: say so, not nothing. */
            j->limit_hit = (key->action == KEY_CHAR || key->action == KEY_SPACE) && keyboard_full(field, size, max_chars);
            return j->limit_hit ? JOURNEY_REDRAW : JOURNEY_IDLE;
        default: return JOURNEY_REDRAW;
        }
    case W_CONTINUE: return JOURNEY_REDRAW;
    default: return JOURNEY_IDLE; /* W_NONE, W_PICTURE (see journey_place) and staff widgets */
    }
}

static bool touch(journey *j, uint64_t now) {
    if (j->step == STEP_NONE) return false;
    j->last_touch_ms = now;
    keyboard_popup_close(&j->kb);
    if (j->still_there) {
        j->still_there = false;
        return false;
    }
    return true;
}

journey_event journey_place(journey *j, int x, int y, uint64_t now) {
    if (!touch(j, now)) return j->step == STEP_NONE ? JOURNEY_IDLE : JOURNEY_REDRAW;
    const question *q = journey_question(j);
    if (!q || q->type != Q_PLACE) return JOURNEY_IDLE;
    tap_result r = question_kind_of(q->type)->tap_at(q, &j->answers[j->q], x, y);
    if (r != TAP_NOTHING) j->cursor_x = x, j->cursor_y = y; /* the keyboard's cursor carries on from there */
    return tapped(j, r);
}

journey_event journey_place_move(journey *j, int dx, int dy, uint64_t now) {
    const question *q = journey_question(j);
    if (!q || q->type != Q_PLACE || !touch(j, now)) return JOURNEY_IDLE;
    int sx = q->image_w / 20 > 0 ? q->image_w / 20 : 1, sy = q->image_h / 20 > 0 ? q->image_h / 20 : 1;
    j->cursor_shown = true;
    j->cursor_x += dx * sx, j->cursor_y += dy * sy;
    if (j->cursor_x < 0) j->cursor_x = 0;
    if (j->cursor_y < 0) j->cursor_y = 0;
    if (j->cursor_x >= q->image_w) j->cursor_x = q->image_w - 1;
    if (j->cursor_y >= q->image_h) j->cursor_y = q->image_h - 1;
    return JOURNEY_REDRAW;
}

journey_event journey_place_drop(journey *j, uint64_t now) {
    return journey_place(j, j->cursor_x, j->cursor_y, now);
}

journey_event journey_type(journey *j, const char *utf8, uint64_t now) {
    int size, max_chars;
    char *field = journey_field(j, &size, &max_chars);
    if (!field) return JOURNEY_IDLE;
    /* A number's box takes digits (and a minus) from a real keyboard too, as its pad does. */
    const question *q = journey_question(j);
    char digits[64];
    if (q && q->type == Q_NUMBER && !j->other_page) {
        size_t k = 0;
        for (const char *c = utf8; *c && k + 1 < sizeof digits; c++)
            if ((*c >= '0' && *c <= '9') || (*c == '-' && q->min_value < 0)) digits[k++] = *c;
        digits[k] = '\0';
        if (!k) return JOURNEY_IDLE;
        utf8 = digits;
    }
    j->last_touch_ms = now;
    j->still_there = false;
    bool was = j->invalid || j->char_refused || j->limit_hit || j->required_hit;
    j->invalid = j->char_refused = j->required_hit = false;
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
    j->invalid = false;
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
    bool was = j->char_refused || j->limit_hit || j->invalid;
    j->char_refused = j->limit_hit = j->invalid = false;
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
    if (j->still_there && idle >= ms(j->cfg->feedback.idle_seconds) + ms(j->cfg->feedback.still_there_seconds))
        return leave(j, now);
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
    uint64_t end = j->last_touch_ms + ms(j->cfg->feedback.idle_seconds) + ms(j->cfg->feedback.still_there_seconds);
    return end > now ? (int)((end - now + 999) / 1000) : 0;
}

void journey_record(const journey *j, feedback_record *rec, time_t wall_now, uint64_t now) {
    const config *c = j->cfg;
    const consultation *k = j->consult;
    memset(rec, 0, sizeof *rec);
    rec->kiosk = c->kiosk.id;
    rec->location = c->kiosk.location;
    rec->at = wall_now;
    rec->config_title = c->plan.title;
    rec->config_hash = c->hash;
    rec->consultation = k ? k->id : NULL;
    rec->questions_hash = k ? k->hash : NULL;
    rec->answers = json_object();
    rec->personal = json_array();
    for (int i = 0; k && i < k->n_questions; i++) {
        const question *q = &k->questions[i];
        const question_kind *kind = question_kind_of(q->type);
        const answer *a = &j->answers[i];
        /* A question not asked (show_if) is no answer, whatever was left from a detour. */
        bool given = journey_asks(j, i) && kind->answered(q, a);
        json_object_set_new(rec->answers, q->id, given ? kind->encode(q, a) : json_null());
        if (kind->personal) json_array_append_new(rec->personal, json_string(q->id));
        if (q->other) {
            char key[160];
            snprintf(key, sizeof key, "%s_other", q->id);
            bool words = given && question_other_chosen(q, a) && question_has_words(a);
            json_object_set_new(rec->answers, key, words ? json_string_nocheck(a->text) : json_null());
            json_array_append_new(rec->personal, json_string(key));
        }
    }
    rec->language = c->languages.code[c->lang];
    rec->seconds_taken = (int)((now - j->started_ms) / 1000);
}

void journey_sent(journey *j, bool ok, const char *why, uint64_t now) {
    j->finished_ms = now;
    if (ok) {
        /* What was typed is wiped as soon as it is safe on disk; the thank-you is the
         * consultation's own. */
        const consultation *k = j->consult;
        int index = j->consult_index;
        journey_clear(j);
        j->consult = k, j->consult_index = index;
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
    int n = 1; /* the review */
    for (int i = 0; j->consult && i < j->consult->n_questions; i++) n += journey_asks(j, i);
    return n;
}

int journey_step_number(const journey *j) {
    if (j->step == STEP_INTRO) return 0;
    if (j->step != STEP_QUESTION) return journey_step_count(j);
    int n = 0;
    for (int i = 0; i <= j->q; i++) n += journey_asks(j, i);
    return n;
}

const char *journey_where(const journey *j) { return j->abandoned_where[0] ? j->abandoned_where : "none"; }

void journey_review_rows(const journey *j, journey_review *r) {
    const char *const *ui = j->cfg->feedback.ui;
    r->n = 0;
    for (int i = 0; j->consult && i < j->consult->n_questions && r->n < CONSULT_MAX_QUESTIONS; i++) {
        if (!journey_asks(j, i)) continue;
        const question *q = question_at(j, i);
        const question_kind *kind = question_kind_of(q->type);
        int n = r->n++;
        r->q[n] = q;
        r->label[n] = q->label;
        r->none[n] = !kind->answered(q, &j->answers[i]);
        if (r->none[n]) {
            r->value[n] = ui[UI_REVIEW_NONE];
        } else {
            kind->describe(q, &j->answers[i], ui, r->buf[n], sizeof r->buf[n]);
            r->value[n] = r->buf[n];
        }
    }
}
