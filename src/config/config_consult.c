/* config_consult: the `consultations:` section: each consultation, its questions, their
 * options and show_if, checked so that what loads can be asked. Every problem is reported at
 * its FILE:LINE:COL. A file without the section but with the first journey's `feedback:`
 * question and steps gets that journey as one consultation (id "feedback"), with a warning
 * that says how to write it now. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

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

static void load_one(loader *L, consultation *k, const ynode *n) {
    yctx *y = &L->y;
    config *c = L->c;
    static const char *const keys[] = {"id", "title", "from", "until", "intro", "privacy_notice", "thanks_title",
                                       "thanks_body", "questions", NULL};
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

void resolve_slide_consultations(loader *L, ynode *slides) {
    yctx *y = &L->y;
    config *c = L->c;
    for (int i = 0; i < c->n_slides; i++) {
        slide *s = &c->slides[i];
        s->consultation = -1;
        ynode *n = slides ? y_seq_item(y, slides, i) : NULL;
        const char *id = n && n->type == YAML_MAPPING_NODE ? y_str(y, n, "consultation", false) : NULL;
        if (!id) continue;
        if (s->type != SLIDE_CALL_TO_ACTION) continue; /* the slide's own key check said so */
        for (int k = 0; k < c->n_consultations; k++)
            if (c->consultations[k].id && !strcmp(c->consultations[k].id, id)) s->consultation = k;
        if (s->consultation < 0) y_error(y, y_get(y, n, "consultation"), "slide %d: there is no consultation '%s'", i + 1, id);
    }
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
