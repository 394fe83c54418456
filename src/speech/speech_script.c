/* speech_script: the screen's words in reading order, one sentence a line. The order follows
 * each slide's layout in src/render/slides/ (heading, intro, then the cards left to right, top
 * to bottom) and each step's in src/render/screens/journey_view.c. */
#include "speech/speech_script.h"

#include <stdio.h>
#include <string.h>

#include "content/content.h"
#include "core/numfmt.h"
#include "text/utf8.h"

typedef struct script {
    char *buf;
    size_t size, len;
} script;

/* True if code point cp ends a sentence or clause, so the voice pauses after it anyway. */
static bool ends_clause(uint32_t cp) {
    static const uint32_t stops[] = {'.',   '!', '?', ':', ';', 0x2026 /* … */, 0x06D4 /* ۔ */,
                                     0x061F /* ؟ */};
    for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++)
        if (cp == stops[i]) return true;
    return false;
}

/* The last code point of s that is not a space or a closing quote or bracket, or 0. */
static uint32_t last_mark(const char *s) {
    size_t pos = strlen(s);
    while (pos > 0) {
        size_t start = utf8_prev(s, pos);
        uint32_t cp;
        utf8_decode(s + start, pos - start, &cp);
        bool skip = cp == ' ' || cp == '\n' || cp == '\t' || cp == '"' || cp == '\'' || cp == ')' ||
                    cp == ']' || cp == 0x201D /* ” */ || cp == 0x2019 /* ’ */;
        if (!skip) return cp;
        pos = start;
    }
    return 0;
}

/* Appends raw text, cut at a whole character when the buffer is full. */
static void put(script *sc, const char *s) {
    size_t n = strlen(s), room = sc->size - 1 - sc->len;
    if (n > room) {
        n = room;
        /* Back off to the start of a character if the cut falls inside one. */
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
    }
    memcpy(sc->buf + sc->len, s, n);
    sc->len += n;
    sc->buf[sc->len] = '\0';
}

/* One part of the screen as a sentence of its own: NULL and "" say nothing. */
static void say(script *sc, const char *s) {
    if (!s || !*s) return;
    put(sc, s);
    if (!ends_clause(last_mark(s))) put(sc, ".");
    put(sc, "\n");
}

/* "label: value." for a number and its caption, a review row. Either may be missing. */
static void say_pair(script *sc, const char *a, const char *b) {
    if (!a || !*a || !b || !*b) {
        say(sc, a && *a ? a : b);
        return;
    }
    put(sc, a);
    put(sc, last_mark(a) == ':' ? " " : ": ");
    say(sc, b);
}

/* Wording with a "%d" in it (still_body), as the screen fills it. */
static void say_count(script *sc, const char *tmpl, int n) {
    char line[512];
    say(sc, ui_text_fill(line, sizeof line, tmpl, n, 0));
}

static size_t begin(script *sc, char *buf, size_t size) {
    *sc = (script){.buf = buf, .size = size};
    if (size) buf[0] = '\0';
    return size;
}

/* The you_said slide's page: the label, each quote and who said it (and in which language, as
 * its tag shows), the footnote. */
static void say_quotes(script *sc, const config *c, const slide *s, const slide_live *lv) {
    const live_quote *q[4];
    int n = live_quotes_page(lv, c, s, q, 4);
    if (!n) return;
    say(sc, c->feedback.ui[UI_YOU_SAID]);
    for (int i = 0; i < n; i++) {
        char who[200];
        say(sc, q[i]->text);
        say(sc, live_quote_who(c, q[i], who, sizeof who));
        say(sc, live_quote_language(c, q[i]));
    }
    say(sc, c->feedback.ui[UI_YOU_SAID_CHECKED]);
}

/* The results slide: the number of people, the question, each bar as "label: share" (a
 * ranking as its order), the caption. */
static void say_results(script *sc, const config *c, const slide *s, const slide_live *lv, pk_date as_of) {
    const results_tally *t = live_tally(lv, c, live_slide_index(c, s));
    const question *q = live_tally_question(c, t);
    live_result_row rows[LIVE_MAX_ROWS];
    int n = q ? live_result_rows(c, t, rows, LIVE_MAX_ROWS) : 0;
    if (!n) return;
    char num[48], line[600];
    snprintf(line, sizeof line, "%s %s", numfmt_format((double)t->people, 0, NULL, NULL, num, sizeof num),
             c->feedback.ui[UI_RESULTS_PEOPLE]);
    say(sc, line);
    say(sc, q->title);
    /* As many as the slide shows at most: a ranking and options their top five. */
    int shown = t->type == Q_FACES || t->type == Q_SCALE || n < 5 ? n : 5;
    for (int i = 0; i < shown; i++) {
        char pct[32], point[16];
        if (t->type == Q_RANK) {
            snprintf(line, sizeof line, "%d. %s", i + 1, rows[i].label);
            say(sc, line);
            continue;
        }
        numfmt_with_unit(rows[i].percent, 0, "%", pct, sizeof pct);
        snprintf(point, sizeof point, "%d", rows[i].value);
        say_pair(sc, rows[i].label ? rows[i].label : point, pct);
    }
    if (t->type == Q_SCALE) {
        say(sc, q->low_label);
        say(sc, q->high_label);
    }
    say(sc, live_results_caption(c, s, t, as_of, line, sizeof line));
}

size_t speech_script_slide(const config *c, const slide *s, const slide_live *lv, pk_date as_of, char *buf,
                           size_t size) {
    script sc;
    if (!begin(&sc, buf, size)) return 0;
    const char *const *ui = c->feedback.ui;
    char tmp[256];
    if (s->type == SLIDE_YOU_SAID || s->type == SLIDE_RESULTS || s->type == SLIDE_WE_DID)
        say(&sc, live_slide_title(c, s, as_of, tmp, sizeof tmp));
    else
        say(&sc, s->type == SLIDE_IMAGE ? s->alt : s->title);
    switch (s->type) {
    case SLIDE_TITLE:
        say(&sc, s->subtitle);
        say(&sc, s->footer);
        break;
    case SLIDE_TEXT:
        say(&sc, s->body);
        for (int i = 0; i < s->n_bullets; i++) say(&sc, s->bullets[i]);
        break;
    case SLIDE_HIGHLIGHTS:
        for (int i = 0; i < s->n_highlights; i++) {
            const highlight *h = &s->highlights[i];
            say_pair(&sc,
                     numfmt_format(h->value, h->decimals, h->prefix, h->suffix, tmp, sizeof tmp),
                     h->caption);
        }
        break;
    case SLIDE_THEMES:
        say(&sc, s->intro);
        for (int i = 0; i < c->n_themes; i++) {
            say(&sc, c->themes[i].name);
            say(&sc, c->themes[i].summary);
        }
        break;
    case SLIDE_MILESTONES:
        say(&sc, s->intro);
        for (int i = 0; i < s->n_milestones; i++) {
            const milestone *m = &s->milestones[i];
            char when[200];
            snprintf(when, sizeof when, "%s, %s",
                     date_format_months(m->date, ui + UI_MONTH_LONG_1, tmp, sizeof tmp),
                     ui[UI_STATUS_DONE + content_milestone_status(m, as_of)]);
            say_pair(&sc, when, m->title);
        }
        break;
    case SLIDE_INDICATORS:
        say(&sc, s->intro);
        for (int g = 0; g < s->n_groups; g++) {
            const indicator_group *grp = &s->groups[g];
            say(&sc, grp->name);
            for (int i = 0; i < grp->n_items; i++) {
                const indicator *ind = &grp->items[i];
                if (ind->n_series < 2) {
                    say(&sc, ind->text);
                    continue;
                }
                /* The chart's latest value, as labelled beside it. */
                double last = ind->series[ind->n_series - 1];
                say_pair(&sc, ind->text,
                         numfmt_with_unit(last, last == (long long)last ? 0 : 1, ind->unit, tmp, (int)sizeof tmp));
            }
        }
        break;
    case SLIDE_QUOTE:
        say(&sc, s->intro);
        for (int i = 0; i < s->n_quotes; i++) {
            say(&sc, s->quotes[i].text);
            say(&sc, content_quote_who(c, &s->quotes[i], tmp, sizeof tmp));
        }
        break;
    case SLIDE_IMAGE: say(&sc, s->caption); break;
    case SLIDE_YOU_SAID: say_quotes(&sc, c, s, lv); break;
    case SLIDE_RESULTS: say_results(&sc, c, s, lv, as_of); break;
    case SLIDE_WE_DID:
        for (int i = 0; i < s->n_we_did && i < CONFIG_MAX_WE_DID; i++) {
            const we_did_item *p = &s->we_did[i];
            say_pair(&sc, ui[UI_YOU_SAID], p->you_said);
            say_pair(&sc, ui[UI_WE_DID], p->we_did);
            say(&sc, p->when);
            say(&sc, p->alt); /* the picture, described */
        }
        break;
    case SLIDE_CALL_TO_ACTION:
        say(&sc, s->body);
        say(&sc, s->button ? s->button : c->feedback.button);
        break;
    default: break;
    }
    return sc.len;
}

/* A question: its words, then its options in order (or its box's text, or its ends), then
 * what was refused just now. */
static void say_question(script *sc, const journey *j, const char *const *ui) {
    const question *q = journey_question(j);
    const answer *a = journey_answer(j);
    bool typed = journey_typing(j);
    if (j->other_page) {
        say(sc, q->other_title ? q->other_title : ui[UI_OTHER_TITLE]);
        say(sc, a->text);
    } else {
        say(sc, q->title);
        if (q->type == Q_CONSENT) say(sc, j->consult->privacy_notice);
        if (typed && a->text && a->text[0]) say(sc, a->text);
        else if (q->hint) say(sc, q->hint);
        if (q->type == Q_CONSENT) {
            say(sc, ui[UI_YES]);
            say(sc, ui[UI_NO]);
        }
        for (int i = 0; i < q->n_options && q->type != Q_CONSENT; i++) say(sc, q->options[i].label);
        if (q->type == Q_SCALE) {
            say_count(sc, "%d", q->min_value);
            say(sc, q->low_label);
            say_count(sc, "%d", q->max_value);
            say(sc, q->high_label);
        }
    }
    if (j->required_hit) say(sc, ui[UI_REQUIRED]);
    if (j->invalid && q->type == Q_NUMBER) {
        char buf[300];
        say(sc, ui_text_fill(buf, sizeof buf, ui[UI_NUMBER_INVALID], q->min_value, q->max_value));
    } else if (j->invalid) {
        say(sc, ui[UI_POSTCODE_INVALID]);
    }
    if (j->full) {
        if (q->type == Q_PLACE) say(sc, ui[UI_PLACE_FULL]);
        else say_count(sc, ui[UI_CHOICES_FULL], q->max);
    }
}

size_t speech_script_step(const journey *j, uint64_t now, char *buf, size_t size) {
    script sc;
    if (!begin(&sc, buf, size)) return 0;
    const config *c = j->cfg;
    const char *const *ui = c->feedback.ui;
    if (j->still_there && j->step != STEP_THANKS && j->step != STEP_SORRY && j->step != STEP_NONE) {
        say(&sc, ui[UI_STILL_TITLE]);
        say_count(&sc, ui[UI_STILL_BODY], journey_still_there_left(j, now));
        say(&sc, ui[UI_STILL_CONTINUE]);
        return sc.len;
    }
    switch (j->step) {
    case STEP_INTRO:
        say(&sc, j->consult->title);
        say(&sc, j->consult->intro);
        break;
    case STEP_QUESTION: say_question(&sc, j, ui); break;
    case STEP_REVIEW: {
        say(&sc, ui[UI_REVIEW_TITLE]);
        journey_review rv;
        journey_review_rows(j, &rv);
        for (int i = 0; i < rv.n; i++) say_pair(&sc, rv.label[i], rv.value[i]);
        break;
    }
    case STEP_THANKS:
        say(&sc, j->consult ? j->consult->thanks_title : ui[UI_THANKS_TITLE]);
        say(&sc, j->consult ? j->consult->thanks_body : ui[UI_THANKS_BODY]);
        break;
    case STEP_SORRY:
        say(&sc, ui[UI_SORRY_TITLE]);
        say(&sc, ui[UI_SORRY_BODY]);
        break;
    default: break;
    }
    if (j->char_refused) say(&sc, ui[UI_CHAR_UNSUPPORTED]); /* under any text box */
    if (j->limit_hit) say_count(&sc, ui[UI_CHARS_LEFT], 0);  /* the box is full */
    return sc.len;
}
