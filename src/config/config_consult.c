/* config_consult: the `consultations:` section: each consultation, its questions, their
 * options and show_if, checked so that what loads can be asked. Every problem is reported at
 * its FILE:LINE:COL. A file without the section but with the first journey's `feedback:`
 * question and steps gets that journey as one consultation (id "feedback"), with a warning
 * that says how to write it now.
 *
 * Once the consultations are loaded, the slides that name one are resolved here too: a call to
 * action's, a you_said slide's (with its approved_file, read with libyaml and reported at that
 * file's own FILE:LINE:COL) and a results slide's question, which must be one whose answers add
 * up (choice, choices, faces, scale, rank, age_band): never words or personal answers. */
#include <errno.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "config/config_loader.h"
#include "consult/question_type.h"
#include "core/image_size.h"

#define DEFAULT_PRIVACY_NOTICE                                                                     \
    "What you tell us is kept on this kiosk and read by the partnership's engagement team to "   \
    "shape the plan. We do not ask for your full name or address. Records are deleted after "    \
    "two years."

static const char *const age_ids[] = {"under-12", "12-17", "18-24", "25-44", "45-64", "65+"};

typedef struct qloader {
    loader *L;
    consultation *k;
    const ynode *qnodes[CONSULT_MAX_QUESTIONS];
} qloader;

static bool valid_id(const char *id) {
    size_t n = strlen(id);
    return n > 0 && n <= 40 && strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789-_") == n;
}

static const char *load_id(loader *L, const ynode *n, const char *what) {
    const char *id = y_str(&L->y, n, "id", true);
    if (id && !valid_id(id)) {
        y_error(&L->y, y_get(&L->y, n, "id"),
                "%s id must be 1-40 lowercase letters, digits, '-' or '_' (it names a column in "
                "the export), not \"%s\"", what, id);
        return NULL;
    }
    return id;
}

/* Options with words from the wording table (faces, age bands), when the file gives none. */
static void default_options(loader *L, question *q, const char *const *ids, ui_text_id first, int n) {
    q->n_options = n;
    q->options = arena_alloc(&L->c->mem, sizeof *q->options * (size_t)n);
    for (int i = 0; i < n; i++) {
        char id[12];
        snprintf(id, sizeof id, "%d", i + 1);
        q->options[i].id = ids ? ids[i] : arena_strdup(&L->c->mem, id);
        q->options[i].label = L->c->feedback.ui[first + i];
    }
}

static void load_options(loader *L, question *q, const ynode *n) {
    yctx *y = &L->y;
    config *c = L->c;
    int room = CONSULT_MAX_OPTIONS - (q->other ? 1 : 0);
    const char *from = y_str(y, n, "options_from", false);
    ynode *seq = y_seq(y, n, "options", false, 1, room);
    if (from) {
        if (strcmp(from, "themes")) {
            y_error(y, y_get(y, n, "options_from"), "'options_from' can only be 'themes' (the plan's themes), not \"%s\"", from);
        } else if (seq) {
            y_error(y, y_get(y, n, "options"), "give 'options' or 'options_from', not both");
        } else if (c->n_themes == 0) {
            y_error(y, y_get(y, n, "options_from"), "'options_from: themes', but the file has no 'themes:'");
        } else {
            q->from_themes = true;
            q->n_options = c->n_themes;
            q->options = arena_alloc(&c->mem, sizeof *q->options * CONSULT_MAX_OPTIONS);
            for (int i = 0; i < c->n_themes; i++)
                q->options[i] = (q_option){c->themes[i].id, c->themes[i].name, c->themes[i].icon};
        }
    } else if (seq) {
        q->options = arena_alloc(&c->mem, sizeof *q->options * CONSULT_MAX_OPTIONS);
        static const char *const keys[] = {"id", "label", "icon", NULL};
        for (int i = 0; i < y_seq_len(seq); i++) {
            ynode *o = y_seq_item(y, seq, i);
            if (!y_expect_map(y, o, "an option")) continue;
            y_check_keys(y, o, keys);
            q_option *op = &q->options[q->n_options++];
            op->id = load_id(L, o, "an option");
            op->label = y_text(y, o, "label", true);
            op->icon = config_load_file(L, o, "icon", false, "icons", true);
            if (op->id && !strcmp(op->id, CONSULT_OTHER_ID) && q->other)
                y_error(y, y_get(y, o, "id"), "option id '%s' is the one 'other: true' adds; call this one something else",
                        op->id);
            for (int j = 0; op->id && j < q->n_options - 1; j++)
                if (q->options[j].id && !strcmp(q->options[j].id, op->id))
                    y_error(y, y_get(y, o, "id"), "option id '%s' is used twice in question '%s'", op->id,
                            q->id ? q->id : "?");
        }
    }
    if (q->other && q->options) {
        q->options[q->n_options++] = (q_option){CONSULT_OTHER_ID, c->feedback.ui[UI_SOMETHING_ELSE], NULL};
        if (!q->other_title) q->other_title = c->feedback.ui[UI_OTHER_TITLE];
    }
}

static const q_cond *load_cond(qloader *Q, const ynode *n, int depth);

static void cond_items(qloader *Q, q_cond *c, const ynode *seq, int depth) {
    c->n = y_seq_len(seq);
    q_cond *items = arena_alloc(&Q->L->c->mem, sizeof *items * (size_t)(c->n ? c->n : 1));
    for (int i = 0; i < c->n; i++) {
        const q_cond *it = load_cond(Q, y_seq_item(&Q->L->y, seq, i), depth + 1);
        if (it) items[i] = *it;
    }
    c->items = items;
}

/* {question: ID, equals|includes: OPTION} / {question: ID, answered: BOOL} / {all|any: [...]} */
static const q_cond *load_cond(qloader *Q, const ynode *n, int depth) {
    yctx *y = &Q->L->y;
    if (!y_expect_map(y, n, "a 'show_if' condition")) return NULL;
    static const char *const keys[] = {"question", "equals", "includes", "answered", "all", "any", NULL};
    y_check_keys(y, n, keys);
    q_cond *c = arena_alloc(&Q->L->c->mem, sizeof *c);
    ynode *all = y_get(y, n, "all"), *any = y_get(y, n, "any");
    if (all || any) {
        ynode *seq = y_seq(y, n, all ? "all" : "any", true, 1, CONSULT_MAX_COND);
        c->kind = all ? COND_ALL : COND_ANY;
        if (seq && depth >= 4) {
            y_error(y, seq, "'show_if' nests 'all' and 'any' more than 4 deep; write it more simply");
            return NULL;
        }
        if (seq) cond_items(Q, c, seq, depth);
        return c;
    }
    const char *id = y_str(y, n, "question", true);
    if (!id) return NULL;
    int self = Q->k->n_questions; /* the question being loaded */
    int qi = consult_question_index(&(consultation){.n_questions = self, .questions = Q->k->questions}, id);
    if (qi < 0) {
        bool later = false;
        for (int i = self; i < CONSULT_MAX_QUESTIONS && Q->qnodes[i]; i++) {
            /* Read quietly: that question reports its own problems when it loads. */
            const ynode *idn = Q->qnodes[i]->type == YAML_MAPPING_NODE ? y_get(y, Q->qnodes[i], "id") : NULL;
            later |= idn && idn->type == YAML_SCALAR_NODE && !strcmp((const char *)idn->data.scalar.value, id);
        }
        y_error(y, y_get(y, n, "question"),
                later ? "'show_if' names question '%s', which comes later: a question can only depend on the ones before it"
                      : "'show_if' names question '%s', which this consultation does not have",
                id);
        return NULL;
    }
    const question *q = &Q->k->questions[qi];
    /* A question of an unknown type has said so where it is; there is nothing to check against. */
    if (q->type == Q_TYPE_COUNT) return NULL;
    c->question = qi;
    c->option = -1;
    const char *key = y_get(y, n, "equals") ? "equals" : y_get(y, n, "includes") ? "includes" : NULL;
    if (!key) {
        bool answered = true;
        if (!y_get(y, n, "answered")) {
            y_error(y, n, "'show_if' on question '%s' needs 'equals', 'includes' or 'answered'", id);
            return NULL;
        }
        y_bool(y, n, "answered", &answered);
        c->kind = answered ? COND_ANSWERED : COND_NOT_ANSWERED;
        return c;
    }
    c->kind = !strcmp(key, "equals") ? COND_EQUALS : COND_INCLUDES;
    const ynode *v = y_get(y, n, key);
    if (c->kind == COND_EQUALS && (q->type == Q_CHOICES || q->type == Q_RANK)) {
        y_error(y, v, "question '%s' is a '%s' question, answered with several options: use 'includes', not 'equals'", id,
                question_kind_of(q->type)->name);
        return NULL;
    }
    bool numeric = q->type == Q_FACES || q->type == Q_SCALE || q->type == Q_NUMBER;
    if (c->kind == COND_INCLUDES && q->type != Q_CHOICES && q->type != Q_RANK) {
        y_error(y, v, "'includes' is for 'choices' and 'rank' questions; '%s' is a '%s' question (use 'equals')", id,
                question_kind_of(q->type)->name);
        return NULL;
    }
    if (numeric) {
        double d;
        if (!y_scalar_num(y, v, key, &d)) return NULL;
        c->value = (int)d;
        int lo = q->type == Q_FACES ? 1 : q->min_value, hi = q->type == Q_FACES ? 5 : q->max_value;
        if (d != (double)c->value || c->value < lo || c->value > hi) {
            y_error(y, v, "question '%s' is answered from %d to %d, so it never equals %g and this question would never show",
                    id, lo, hi, d);
            return NULL;
        }
    } else if (q->type == Q_CONSENT) {
        bool b = false;
        y_bool(y, n, key, &b);
        c->value = b;
    } else if (q->n_options) {
        const char *opt = y_scalar_str(y, v, key);
        if (!opt) return NULL;
        c->option = consult_option_index(q, opt);
        if (c->option < 0) {
            char list[400] = "";
            for (int i = 0; i < q->n_options; i++)
                snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", q->options[i].id);
            y_error(y, v, "question '%s' has no option '%s' (it has: %s)", id, opt, list);
            return NULL;
        }
    } else {
        y_error(y, v, "question '%s' is a '%s' question: 'show_if' can only ask whether it was 'answered'", id,
                question_kind_of(q->type)->name);
        return NULL;
    }
    return c;
}

/* The review's short name for a question: the question itself when the file gives it, else the
 * first journey's words for its kind of question ("Feeling" for the faces). */
static const char *default_label(const config *c, const question *q, bool titled) {
    const char *const *ui = c->feedback.ui;
    if (titled) return q->title;
    switch (q->type) {
    case Q_FACES: return ui[UI_REVIEW_RATING];
    case Q_TEXT: return ui[UI_REVIEW_TEXT];
    case Q_FIRST_NAME: return ui[UI_REVIEW_NAME];
    case Q_AGE_BAND: return ui[UI_REVIEW_AGE];
    case Q_POSTCODE_DISTRICT: return ui[UI_REVIEW_POSTCODE];
    case Q_CONSENT: return ui[UI_REVIEW_QUOTE];
    default: return q->from_themes ? ui[UI_REVIEW_THEMES] : q->title;
    }
}

static const char *const question_keys[] = {
    "id", "type", "title", "hint", "label", "required", "show_if", "options", "options_from", "other", "other_title",
    "max", "min", "low", "high", "labels", "image", "pattern", NULL};

/* Keys a type uses beyond id, type, title, hint, required and show_if. */
static bool type_uses(question_type t, const char *key) {
    static const struct { question_type t; const char *keys; } uses[] = {
        {Q_CHOICE, " options options_from other other_title "},
        {Q_CHOICES, " options options_from other other_title max "},
        {Q_FACES, " labels "},
        {Q_SCALE, " min max low high "},
        {Q_RANK, " options options_from max "},
        {Q_TEXT, " max "},
        {Q_NUMBER, " min max "},
        {Q_PLACE, " image max "},
        {Q_FIRST_NAME, " "},
        {Q_AGE_BAND, " options "},
        {Q_POSTCODE_DISTRICT, " pattern "},
        {Q_CONSENT, " "},
    };
    char k[40];
    snprintf(k, sizeof k, " %s ", key);
    for (size_t i = 0; i < sizeof uses / sizeof uses[0]; i++)
        if (uses[i].t == t) return strstr(uses[i].keys, k) != NULL;
    return false;
}

static void load_question(qloader *Q, question *q, const ynode *n) {
    loader *L = Q->L;
    yctx *y = &L->y;
    config *c = L->c;
    const char *const *ui = c->feedback.ui;
    y_check_keys(y, n, question_keys);
    q->line = (int)n->start_mark.line + 1, q->col = (int)n->start_mark.column + 1;
    q->id = load_id(L, n, "a question");
    const char *type = y_str(y, n, "type", true);
    if (!type) return;
    q->type = question_type_named(type);
    if (q->type == Q_TYPE_COUNT) {
        const char *hint = y_suggest(type, question_type_names());
        char list[300] = "";
        for (const char *const *t = question_type_names(); *t; t++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", list[0] ? ", " : "", *t);
        if (hint) y_error(y, y_get(y, n, "type"), "unknown question type '%s' (did you mean '%s'?)", type, hint);
        else y_error(y, y_get(y, n, "type"), "unknown question type '%s' (the types are: %s)", type, list);
        return;
    }
    for (const char *const *k = question_keys + 7; *k; k++)
        if (y_get(y, n, *k) && !type_uses(q->type, *k))
            y_error(y, y_key(y, n, *k), "'%s' means nothing to a '%s' question", *k, type);
    q->title = y_text(y, n, "title", false);
    q->hint = y_text(y, n, "hint", false);
    q->label = y_text(y, n, "label", false);
    y_bool(y, n, "required", &q->required);
    y_bool(y, n, "other", &q->other);
    q->other_title = y_text(y, n, "other_title", false);
    switch (q->type) {
    case Q_CHOICE:
    case Q_CHOICES:
    case Q_RANK:
        load_options(L, q, n);
        if (!q->title && y_get(y, n, "options_from")) q->title = ui[UI_CHOICE_TITLE]; /* one message, not two */
        if (!q->options && !y_get(y, n, "options") && !y_get(y, n, "options_from"))
            y_error(y, n, "question '%s' needs 'options' (a list of id and label) or 'options_from: themes'", q->id ? q->id : "?");
        if (q->from_themes && !q->title) q->title = ui[UI_CHOICE_TITLE];
        if (q->type == Q_CHOICES && q->from_themes && !q->hint) q->hint = ui[UI_CHOICE_HINT];
        if (q->type == Q_RANK && !q->hint) q->hint = ui[UI_RANK_HINT];
        if (q->type != Q_CHOICE && y_int(y, n, "max", false, 1, CONSULT_MAX_OPTIONS, &q->max) && q->options &&
            q->max > q->n_options)
            y_error(y, y_get(y, n, "max"), "'max' is %d, but question '%s' has only %d options", q->max, q->id ? q->id : "?",
                    q->n_options);
        break;
    case Q_FACES: {
        if (!q->title) q->title = ui[UI_RATING_TITLE];
        default_options(L, q, NULL, UI_RATING_1, 5);
        ynode *labels = y_seq(y, n, "labels", false, 5, 5);
        for (int i = 0; labels && i < 5; i++) {
            const char *w = y_text_node(y, y_seq_item(y, labels, i), "labels", true);
            if (w) q->options[i].label = w;
        }
        break;
    }
    case Q_SCALE:
        q->min_value = 0, q->max_value = 10;
        y_int(y, n, "min", false, 0, 1, &q->min_value);
        y_int(y, n, "max", false, 2, 10, &q->max_value);
        q->low_label = y_text(y, n, "low", false);
        q->high_label = y_text(y, n, "high", false);
        break;
    case Q_TEXT:
        q->max = 500;
        y_int(y, n, "max", false, 20, 5000, &q->max);
        if (!q->hint) q->hint = ui[UI_TEXT_HINT];
        break;
    case Q_NUMBER:
        q->min_value = 0, q->max_value = 100;
        y_int(y, n, "min", false, -99999, 99999, &q->min_value);
        y_int(y, n, "max", false, -99999, 99999, &q->max_value);
        if (q->min_value >= q->max_value)
            y_error(y, y_get(y, n, "max") ? y_get(y, n, "max") : n, "'max' (%d) must be more than 'min' (%d)", q->max_value,
                    q->min_value);
        break;
    case Q_PLACE:
        q->max = 1;
        y_int(y, n, "max", false, 1, CONSULT_MAX_PINS, &q->max);
        if (!y_get(y, n, "image")) {
            y_error(y, n, "question '%s' is a 'place' question: it needs an 'image' (the picture to tap on)", q->id ? q->id : "?");
            break;
        }
        q->image = config_load_file(L, n, "image", true, "images", true);
        if (q->image && !image_size(q->image, &q->image_w, &q->image_h))
            y_error(y, y_get(y, n, "image"), "'image': cannot read the size of \"%s\" (an SVG needs width and height, or a viewBox)",
                    y_str(y, n, "image", false));
        if (!q->hint) q->hint = ui[UI_PLACE_HINT];
        break;
    case Q_FIRST_NAME:
        if (!q->title) q->title = ui[UI_NAME_TITLE];
        break;
    case Q_AGE_BAND:
        if (!q->title) q->title = ui[UI_AGE_TITLE];
        if (y_get(y, n, "options")) load_options(L, q, n);
        else default_options(L, q, age_ids, UI_AGE_1, 6);
        break;
    case Q_POSTCODE_DISTRICT:
        if (!q->title) q->title = ui[UI_POSTCODE_TITLE];
        if (!q->hint) q->hint = ui[UI_POSTCODE_HINT];
        if ((q->pattern = y_str(y, n, "pattern", false))) {
            size_t len = strlen(q->pattern);
            if (!len || strspn(q->pattern, "A9X?|BCDEFGHIJKLMNOPQRSTUVWYZ012345678") != len || q->pattern[0] == '?' ||
                q->pattern[0] == '|' || q->pattern[len - 1] == '|' || strstr(q->pattern, "||") || strstr(q->pattern, "|?"))
                y_error(y, y_get(y, n, "pattern"),
                        "'pattern' is letters A (a letter), 9 (a digit), X (either), ? (the one before may be left out) "
                        "and | between alternatives, e.g. \"%s\"; not \"%s\"", CONSULT_UK_DISTRICT, q->pattern);
        }
        break;
    case Q_CONSENT:
        if (!q->title) q->title = ui[UI_CONSENT_TITLE];
        if (!q->hint) q->hint = ui[UI_CONSENT_QUESTION];
        break;
    case Q_TYPE_COUNT: break;
    }
    if (!q->title) y_error(y, n, "question '%s' needs a 'title' (the question itself)", q->id ? q->id : "?");
    if (!q->label) q->label = default_label(c, q, y_get(y, n, "title") != NULL);
}

static void hash_questions(consultation *k) {
    crypto_generichash_state st;
    crypto_generichash_init(&st, NULL, 0, 8);
    for (int i = 0; i < k->n_questions; i++) {
        const question *q = &k->questions[i];
        const char *type = question_kind_of(q->type) ? question_kind_of(q->type)->name : "?";
        crypto_generichash_update(&st, (const unsigned char *)(q->id ? q->id : ""), strlen(q->id ? q->id : "") + 1);
        crypto_generichash_update(&st, (const unsigned char *)type, strlen(type) + 1);
        for (int o = 0; o < q->n_options; o++)
            if (q->options[o].id)
                crypto_generichash_update(&st, (const unsigned char *)q->options[o].id, strlen(q->options[o].id) + 1);
    }
    unsigned char h[8];
    crypto_generichash_final(&st, h, sizeof h);
    for (int i = 0; i < 8; i++) snprintf(k->hash + 2 * i, 3, "%02x", h[i]);
}

/* Checks that need the whole consultation: consent after something quotable. */
static void check_consultation(loader *L, consultation *k, const ynode *const *qnodes) {
    yctx *y = &L->y;
    bool quotable = false, consent = false;
    int chars = 0;
    for (int i = 0; i < k->n_questions; i++) {
        const question *q = &k->questions[i];
        const question_kind *kind = question_kind_of(q->type);
        if (!kind) continue;
        if (q->required && q->show_if)
            y_error(y, y_key(y, qnodes[i], "required"),
                    "question '%s' is required but has a 'show_if' that hides it from some visitors: a required "
                    "question must always be asked (drop 'required' or 'show_if')", q->id);
        if (q->type == Q_CONSENT) {
            if (consent) y_error(y, qnodes[i], "a consultation asks for consent once; question '%s' is a second 'consent'", q->id);
            else if (!quotable)
                y_error(y, qnodes[i],
                        "the 'consent' question '%s' comes before anything that could be quoted (a 'text' or "
                        "'first_name' question, or 'other: true'): put it after them", q->id);
            consent = true;
        }
        quotable |= kind->quotable || q->other;
        if (kind->typed && kind->text_chars) {
            chars += kind->text_chars(q);
            if (chars > CONSULT_MAX_TEXT_CHARS && chars - kind->text_chars(q) <= CONSULT_MAX_TEXT_CHARS)
                y_error(y, qnodes[i], "consultation '%s' asks for more than %d typed characters in all; give its "
                        "'text' questions a smaller 'max'", k->id ? k->id : "?", CONSULT_MAX_TEXT_CHARS);
        }
    }
}

/* quotes: {age_band: true}: its quotes on the you_said slide show the age band given with them. */
static void load_quote_options(loader *L, consultation *k, const ynode *n) {
    yctx *y = &L->y;
    ynode *qo = y_get(y, n, "quotes");
    if (!qo || !y_expect_map(y, qo, "'quotes'")) return;
    static const char *const keys[] = {"age_band", NULL};
    y_check_keys(y, qo, keys);
    y_bool(y, qo, "age_band", &k->quote_age_band);
    bool asks = false;
    for (int i = 0; i < k->n_questions; i++) asks |= k->questions[i].type == Q_AGE_BAND;
    if (k->quote_age_band && !asks && y->first_pass && L->opt && L->opt->warnings) {
        const ynode *at = y_get(y, qo, "age_band");
        diag_add(L->opt->warnings, y->file, (int)at->start_mark.line + 1, (int)at->start_mark.column + 1,
                 "%s'quotes: age_band' is true, but consultation '%s' has no 'age_band' question: its quotes "
                 "have no age band to show", y->where, k->id ? k->id : "?");
    }
}

static void load_one(loader *L, consultation *k, const ynode *n) {
    yctx *y = &L->y;
    config *c = L->c;
    static const char *const keys[] = {"id", "title", "from", "until", "intro", "privacy_notice", "thanks_title",
                                       "thanks_body", "questions", "quotes", NULL};
    y_check_keys(y, n, keys);
    k->line = (int)n->start_mark.line + 1;
    k->id = load_id(L, n, "a consultation");
    k->title = y_text(y, n, "title", true);
    k->intro = y_text(y, n, "intro", false);
    k->privacy_notice = y_text(y, n, "privacy_notice", false);
    k->thanks_title = y_text(y, n, "thanks_title", false);
    k->thanks_body = y_text(y, n, "thanks_body", false);
    if (!k->privacy_notice) k->privacy_notice = DEFAULT_PRIVACY_NOTICE;
    if (!k->thanks_title) k->thanks_title = c->feedback.ui[UI_THANKS_TITLE];
    if (!k->thanks_body) k->thanks_body = c->feedback.ui[UI_THANKS_BODY];
    k->has_from = y_date(y, n, "from", false, &k->from);
    k->has_until = y_date(y, n, "until", false, &k->until);
    if (k->has_from && k->has_until && date_cmp_days(date_last_day(k->until), date_first_day(k->from)) < 0) {
        char a[32], b[32];
        y_error(y, y_get(y, n, "until"), "consultation '%s' never runs: it ends (%s) before it starts (%s)",
                k->id ? k->id : "?", date_format_short(k->until, a, sizeof a), date_format_short(k->from, b, sizeof b));
    }
    ynode *seq = y_seq(y, n, "questions", true, 1, CONSULT_MAX_QUESTIONS);
    if (!seq) return;
    qloader Q = {.L = L, .k = k};
    const ynode *loaded[CONSULT_MAX_QUESTIONS]; /* the node of each question loaded, for messages */
    k->questions = arena_alloc(&c->mem, sizeof *k->questions * CONSULT_MAX_QUESTIONS);
    for (int i = 0; i < y_seq_len(seq); i++) Q.qnodes[i] = y_seq_item(y, seq, i);
    char where[120];
    snprintf(where, sizeof where, "%s", y->where);
    for (int i = 0; i < y_seq_len(seq); i++) {
        const ynode *qn = Q.qnodes[i];
        snprintf(y->where, sizeof y->where, "%.90squestion %d: ", where, i + 1);
        if (!y_expect_map(y, qn, "a question")) continue;
        question *q = &k->questions[k->n_questions];
        loaded[k->n_questions] = qn;
        load_question(&Q, q, qn);
        for (int j = 0; q->id && j < k->n_questions; j++)
            if (k->questions[j].id && !strcmp(k->questions[j].id, q->id))
                y_error(y, y_get(y, qn, "id"), "question id '%s' is used twice in consultation '%s'", q->id, k->id ? k->id : "?");
        ynode *cond = y_get(y, qn, "show_if");
        if (cond) q->show_if = load_cond(&Q, cond, 0);
        k->n_questions++;
    }
    snprintf(y->where, sizeof y->where, "%s", where);
    check_consultation(L, k, loaded);
    load_quote_options(L, k, n);
    hash_questions(k);
}

/* The first journey's `feedback:` question and steps, as the consultation they meant. */
static void load_old_form(loader *L, ynode *fb) {
    yctx *y = &L->y;
    snprintf(y->where, sizeof y->where, "feedback: ");
    config *c = L->c;
    const char *const *ui = c->feedback.ui;
    static const char *const step_names[] = {"choice", "rating", "text", "name", "age", "postcode", "consent", NULL};
    bool on[7] = {true, true, true, true, true, true, true};
    ynode *st = fb ? y_get(y, fb, "steps") : NULL;
    if (st && y_expect_map(y, st, "'steps'")) {
        y_check_keys(y, st, step_names);
        for (int i = 0; i < 7; i++) y_bool(y, st, step_names[i], &on[i]);
    }
    consultation *k = arena_alloc(&c->mem, sizeof *k);
    c->consultations = k, c->n_consultations = 1;
    k->id = "feedback";
    k->title = (fb ? y_text(y, fb, "question", false) : NULL);
    if (!k->title) k->title = "What would you like for your town?";
    k->privacy_notice = fb ? y_text(y, fb, "privacy_notice", false) : NULL;
    if (!k->privacy_notice) k->privacy_notice = DEFAULT_PRIVACY_NOTICE;
    k->thanks_title = ui[UI_THANKS_TITLE], k->thanks_body = ui[UI_THANKS_BODY];
    k->questions = arena_alloc(&c->mem, sizeof *k->questions * 7);
    static const struct { const char *id; question_type t; } steps[7] = {
        {"themes", Q_CHOICES}, {"rating", Q_FACES}, {"text", Q_TEXT}, {"name", Q_FIRST_NAME},
        {"age_band", Q_AGE_BAND}, {"postcode_district", Q_POSTCODE_DISTRICT}, {"consent_quote", Q_CONSENT}};
    for (int i = 0; i < 7; i++) {
        if (!on[i] || (i == 0 && c->n_themes == 0)) continue;
        question *q = &k->questions[k->n_questions++];
        q->id = steps[i].id, q->type = steps[i].t;
        switch (q->type) {
        case Q_CHOICES:
            q->title = ui[UI_CHOICE_TITLE], q->hint = ui[UI_CHOICE_HINT], q->other = true, q->from_themes = true;
            q->options = arena_alloc(&c->mem, sizeof *q->options * CONSULT_MAX_OPTIONS);
            for (int t = 0; t < c->n_themes; t++) q->options[q->n_options++] = (q_option){c->themes[t].id, c->themes[t].name, c->themes[t].icon};
            q->options[q->n_options++] = (q_option){CONSULT_OTHER_ID, ui[UI_SOMETHING_ELSE], NULL};
            q->other_title = ui[UI_OTHER_TITLE];
            break;
        case Q_FACES:
            q->title = ui[UI_RATING_TITLE];
            default_options(L, q, NULL, UI_RATING_1, 5);
            break;
        case Q_TEXT:
            q->title = k->title, q->hint = ui[UI_TEXT_HINT], q->max = 500;
            if (fb) y_int(y, fb, "text_limit", false, 20, 5000, &q->max);
            break;
        case Q_FIRST_NAME: q->title = ui[UI_NAME_TITLE]; break;
        case Q_AGE_BAND:
            q->title = ui[UI_AGE_TITLE];
            default_options(L, q, age_ids, UI_AGE_1, 6);
            break;
        case Q_POSTCODE_DISTRICT: q->title = ui[UI_POSTCODE_TITLE], q->hint = ui[UI_POSTCODE_HINT]; break;
        case Q_CONSENT: q->title = ui[UI_CONSENT_TITLE], q->hint = ui[UI_CONSENT_QUESTION]; break;
        default: break;
        }
        q->label = default_label(c, q, false);
    }
    hash_questions(k);
    y->where[0] = '\0';
    static const char *const old[] = {"question", "privacy_notice", "text_limit", "steps"};
    for (int i = 0; fb && y->first_pass && i < 4; i++) {
        ynode *key = y_key(y, fb, old[i]);
        if (key && L->opt && L->opt->warnings)
            diag_add(L->opt->warnings, y->file, (int)key->start_mark.line + 1, (int)key->start_mark.column + 1,
                     "feedback: '%s' is the first journey's form, read as one consultation 'feedback'; "
                     "write it under 'consultations:' now (see REFERENCE.md, Consultations)", old[i]);
    }
}

void load_consultations(loader *L, ynode *root, ynode *fb) {
    yctx *y = &L->y;
    config *c = L->c;
    ynode *seq = y_seq(y, root, "consultations", false, 1, CONSULT_MAX);
    if (!seq) {
        if (!y_get(y, root, "consultations")) load_old_form(L, fb);
        return;
    }
    static const char *const old[] = {"question", "privacy_notice", "text_limit", "steps", NULL};
    for (int i = 0; fb && fb->type == YAML_MAPPING_NODE && old[i]; i++)
        if (y_get(y, fb, old[i]))
            y_error(y, y_key(y, fb, old[i]),
                    "feedback: '%s' belongs to a consultation now; with 'consultations:' in the file, write it "
                    "there (see REFERENCE.md, Consultations)", old[i]);
    c->consultations = arena_alloc(&c->mem, sizeof *c->consultations * CONSULT_MAX);
    for (int i = 0; i < y_seq_len(seq); i++) {
        ynode *n = y_seq_item(y, seq, i);
        snprintf(y->where, sizeof y->where, "consultation %d: ", i + 1);
        if (!y_expect_map(y, n, "a consultation")) continue;
        consultation *k = &c->consultations[c->n_consultations++];
        load_one(L, k, n);
        for (int j = 0; k->id && j < c->n_consultations - 1; j++)
            if (c->consultations[j].id && !strcmp(c->consultations[j].id, k->id))
                y_error(y, y_get(y, n, "id"), "consultation id '%s' is used twice", k->id);
    }
    y->where[0] = '\0';
}

/* The consultation a slide names at `consultation:`, or -1 (reported when it names none that
 * exists, with the closest id). */
static int consultation_ref(loader *L, const ynode *n) {
    yctx *y = &L->y;
    config *c = L->c;
    const char *id = y_str(y, n, "consultation", false);
    if (!id) return -1;
    const char *ids[CONSULT_MAX + 1];
    for (int k = 0; k < c->n_consultations; k++) {
        ids[k] = c->consultations[k].id ? c->consultations[k].id : "";
        if (!strcmp(ids[k], id)) return k;
    }
    ids[c->n_consultations] = NULL;
    const char *hint = y_suggest(id, ids);
    if (hint) y_error(y, y_get(y, n, "consultation"), "there is no consultation '%s' (did you mean '%s'?)", id, hint);
    else y_error(y, y_get(y, n, "consultation"), "there is no consultation '%s'", id);
    return -1;
}

/* The question types whose answers add up to something a screen can show without words. */
static bool results_type(question_type t) {
    return t == Q_CHOICE || t == Q_CHOICES || t == Q_FACES || t == Q_SCALE || t == Q_RANK || t == Q_AGE_BAND;
}

/* results: its consultation (named, or the only one) and question, which must add up. */
static void resolve_results(loader *L, slide *s, const ynode *n) {
    yctx *y = &L->y;
    config *c = L->c;
    if (!s->title) s->title = c->feedback.ui[UI_RESULTS_TITLE];
    if (y_get(y, n, "consultation")) {
        s->consultation = consultation_ref(L, n);
        if (s->consultation < 0) return;
    } else if (c->n_consultations == 1) {
        s->consultation = 0;
    } else {
        y_error(y, n, "missing required key 'consultation': the file has %d consultations; name the one "
                "whose question this slide shows", c->n_consultations);
        return;
    }
    const consultation *k = &c->consultations[s->consultation];
    const char *qid = y_str(y, n, "question", false); /* its absence is reported with the slide */
    if (!qid) return;
    s->question = consult_question_index(k, qid);
    if (s->question < 0) {
        const char *ids[CONSULT_MAX_QUESTIONS + 1];
        for (int i = 0; i < k->n_questions; i++) ids[i] = k->questions[i].id ? k->questions[i].id : "";
        ids[k->n_questions] = NULL;
        const char *hint = y_suggest(qid, ids);
        char list[400] = "";
        for (int i = 0; i < k->n_questions; i++)
            if (k->questions[i].id && results_type(k->questions[i].type))
                snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", list[0] ? ", " : "", k->questions[i].id);
        if (hint) y_error(y, y_get(y, n, "question"), "consultation '%s' has no question '%s' (did you mean '%s'?)", k->id, qid, hint);
        else y_error(y, y_get(y, n, "question"), "consultation '%s' has no question '%s' (its questions with results: %s)",
                     k->id, qid, list[0] ? list : "none");
        return;
    }
    const question *q = &k->questions[s->question];
    if (q->type != Q_TYPE_COUNT && !results_type(q->type))
        y_error(y, y_get(y, n, "question"),
                "question '%s' is a '%s' question: a results slide shows only answers that add up (choice, "
                "choices, faces, scale, rank, age_band), never anyone's words or personal answers", qid,
                question_kind_of(q->type) ? question_kind_of(q->type)->name : "?");
}

/* "2026-03-02T10:11:12+00:00" (or Z, or a fraction of a second) as seconds since 1970 UTC. */
static bool parse_utc(const char *s, long long *out) {
    struct tm tm = {0};
    char rest[16] = "";
    int n = 0;
    if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
               &tm.tm_sec, &n) != 6 || n != 19)
        return false;
    const char *p = s + n;
    if (*p == '.') do p++; while (*p >= '0' && *p <= '9');
    int off = 0, oh, om;
    if (!strcmp(p, "Z")) off = 0;
    else if ((*p == '+' || *p == '-') && sscanf(p + 1, "%2d:%2d%15s", &oh, &om, rest) == 2 && strlen(p) == 6)
        off = (*p == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    else return false;
    char day[11];
    pk_date d;
    snprintf(day, sizeof day, "%.10s", s);
    if (!date_parse(day, &d, NULL) || tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60) return false;
    tm.tm_year -= 1900, tm.tm_mon -= 1;
    *out = (long long)timegm(&tm) - off;
    return true;
}

static int approved_newest_first(const void *a, const void *b) {
    const approved_quote *x = a, *y = b;
    if (x->utc != y->utc) return x->utc > y->utc ? -1 : 1;
    return strcmp(x->key, y->key);
}

/* One approved_quotes item into out; false (reported in the approved file) when unusable. */
static bool load_approved_item(loader *L, yctx *ay, const ynode *it, approved_quote *out) {
    static const char *const keys[] = {"key", "consultation", "language", "at", "text", "name", "age_band", NULL};
    if (!y_expect_map(ay, it, "an approved quote")) return false;
    int before = ay->diags->count + ay->diags->dropped;
    y_check_keys(ay, it, keys);
    out->key = y_str(ay, it, "key", true);
    out->consultation = y_str(ay, it, "consultation", true);
    out->lang = y_str(ay, it, "language", true);
    const char *at = y_str(ay, it, "at", true);
    out->text = y_str(ay, it, "text", true);
    out->name = y_str(ay, it, "name", false);
    out->age_band = y_str(ay, it, "age_band", false);
    if (at && !parse_utc(at, &out->utc))
        y_error(ay, y_get(ay, it, "at"), "'at' must be a time like \"2026-03-02T10:11:12+00:00\", not \"%s\"", at);
    size_t len = out->lang ? strlen(out->lang) : 0;
    if (out->lang && (len < 2 || len > 3 || strspn(out->lang, "abcdefghijklmnopqrstuvwxyz") != len))
        y_error(ay, y_get(ay, it, "language"), "'language' must be a language code (en, ur, pl, ...), not \"%s\"", out->lang);
    if (out->consultation && !config_consultation(L->c, out->consultation) && ay->first_pass && L->opt &&
        L->opt->warnings) {
        const ynode *v = y_get(ay, it, "consultation");
        diag_add(L->opt->warnings, ay->file, (int)v->start_mark.line + 1, (int)v->start_mark.column + 1,
                 "consultation '%s' is not in %s: this quote shows only on a you_said slide that names no consultation",
                 out->consultation, L->y.file);
    }
    return ay->diags->count + ay->diags->dropped == before && out->key && out->consultation && out->lang &&
           out->text;
}

/* you_said: approved_file, the quotes `plankiosk quotes --out` wrote (quotes/quotes.h), read
 * with their own file's FILE:LINE:COL. Newest first; at most CONFIG_MAX_APPROVED (the rest are
 * older, and named in a warning). A file not there is an error at the config's line: a shared
 * config that names one expects it beside it. */
static void load_approved(loader *L, slide *s, const ynode *n) {
    yctx *y = &L->y;
    config *c = L->c;
    const char *rel = y_str(y, n, "approved_file", false);
    if (!rel) return;
    char path[PATH_MAX];
    if (!config_resolve_path(L, n, "approved_file", rel, path, sizeof path)) return;
    if (access(path, R_OK) != 0) {
        y_error(y, y_get(y, n, "approved_file"), "'approved_file': cannot read %s: %s (make it with `plankiosk quotes "
                "FOLDER... --out %s`)", path, strerror(errno), rel);
        return;
    }
    char *text = y_read_file(path, y->diags);
    yaml_document_t doc;
    if (!text) return;
    if (!y_parse(text, path, &doc, y->diags)) {
        free(text);
        return;
    }
    free(text);
    yctx ay = {.doc = &doc, .file = path, .diags = y->diags, .mem = y->mem, .first_pass = y->first_pass};
    ynode *root = yaml_document_get_root_node(&doc);
    if (!root || root->type != YAML_MAPPING_NODE) {
        y_error(&ay, root, "the file must be a mapping with 'approved_quotes:' (a list), as `plankiosk quotes --out` "
                "writes it, not %s", root ? y_kind(root) : "empty");
    } else {
        static const char *const keys[] = {"approved_quotes", NULL};
        y_check_keys(&ay, root, keys);
        ynode *seq = y_seq(&ay, root, "approved_quotes", true, 0, 1 << 20);
        int len = seq ? y_seq_len(seq) : 0;
        s->approved = arena_alloc(&c->mem, sizeof *s->approved * (size_t)(len ? len : 1));
        for (int i = 0; i < len; i++) {
            snprintf(ay.where, sizeof ay.where, "%.90sapproved quote %d: ", y->where, i + 1);
            approved_quote q = {0};
            if (!load_approved_item(L, &ay, y_seq_item(&ay, seq, i), &q)) continue;
            bool twice = false;
            for (int j = 0; j < s->n_approved && !twice; j++) twice = !strcmp(s->approved[j].key, q.key);
            if (!twice) s->approved[s->n_approved++] = q; /* the same quote approved twice shows once */
        }
        qsort(s->approved, (size_t)s->n_approved, sizeof *s->approved, approved_newest_first);
        if (s->n_approved > CONFIG_MAX_APPROVED) {
            if (y->first_pass && L->opt && L->opt->warnings)
                diag_add(L->opt->warnings, path, (int)seq->start_mark.line + 1, (int)seq->start_mark.column + 1,
                         "%d approved quotes: the slide shows the newest %d", s->n_approved, CONFIG_MAX_APPROVED);
            s->n_approved = CONFIG_MAX_APPROVED;
        }
    }
    yaml_document_delete(&doc);
}

/* you_said: its consultation (or every one), its title, and the quotes approved elsewhere. */
static void resolve_you_said(loader *L, slide *s, const ynode *n) {
    config *c = L->c;
    if (y_get(&L->y, n, "consultation")) s->consultation = consultation_ref(L, n);
    /* The consultation's question above the quotes: its title (the slide's consultation's, or
     * the only one there is). Over several, NULL: the running one's, chosen on the day
     * (live_slide_title). */
    int k = s->consultation >= 0 ? s->consultation : c->n_consultations == 1 ? 0 : -1;
    if (!s->title && k >= 0) s->title = c->consultations[k].title;
    load_approved(L, s, n);
}

/* What slides say about consultations, once they are loaded: which one a call to action opens,
 * whose quotes a you_said slide shows, whose question a results slide counts. */
void resolve_slide_consultations(loader *L, ynode *slides) {
    yctx *y = &L->y;
    config *c = L->c;
    for (int i = 0; i < c->n_slides; i++) {
        slide *s = &c->slides[i];
        s->consultation = -1;
        ynode *n = slides ? y_seq_item(y, slides, i) : NULL;
        if (!n || n->type != YAML_MAPPING_NODE) continue;
        snprintf(y->where, sizeof y->where, "slide %d (%s): ", i + 1, config_slide_type_name(s->type));
        if (s->type == SLIDE_CALL_TO_ACTION) s->consultation = consultation_ref(L, n);
        else if (s->type == SLIDE_YOU_SAID) resolve_you_said(L, s, n);
        else if (s->type == SLIDE_RESULTS) resolve_results(L, s, n);
    }
    y->where[0] = '\0';
}

const consultation *config_consultation(const config *c, const char *id) {
    for (int i = 0; i < c->n_consultations; i++)
        if (!strcmp(c->consultations[i].id, id)) return &c->consultations[i];
    return NULL;
}

const consultation *config_consultation_for(const config *c, const slide *s, pk_date today) {
    if (s && s->consultation >= 0 && s->consultation < c->n_consultations)
        return consult_running(&c->consultations[s->consultation], today) ? &c->consultations[s->consultation] : NULL;
    for (int i = 0; i < c->n_consultations; i++)
        if (consult_running(&c->consultations[i], today)) return &c->consultations[i];
    return NULL;
}
