#include "content/live_source.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "quotes/quotes.h"
#include "results/results.h"
#include "text/utf8.h"

struct live_source {
    const config *cfg;
    const char *dirs[RESULTS_MAX_DIRS];
    int n_dirs;
    results_feed *feed;
    quote_set seen;         /* every consented quote read so far */
    quote_decisions *decisions; /* as read at the last update */
    bool out_of_memory;
};

bool live_source_needed(const config *cfg) {
    for (int i = 0; i < cfg->n_slides; i++)
        if (cfg->slides[i].type == SLIDE_YOU_SAID || cfg->slides[i].type == SLIDE_RESULTS) return true;
    return false;
}

live_source *live_source_new(const config *cfg, const char *const *dirs, int n_dirs) {
    live_source *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->cfg = cfg;
    s->feed = results_feed_new(cfg);
    if (!s->feed) {
        free(s);
        return NULL;
    }
    for (int i = 0; i < n_dirs && s->n_dirs < RESULTS_MAX_DIRS; i++) {
        if (!dirs[i] || !dirs[i][0]) continue;
        s->dirs[s->n_dirs] = strdup(dirs[i]);
        if (!s->dirs[s->n_dirs]) continue;
        results_feed_add_dir(s->feed, s->dirs[s->n_dirs]);
        s->n_dirs++;
    }
    return s;
}

void live_source_free(live_source *s) {
    if (!s) return;
    results_feed_free(s->feed);
    quote_set_free(&s->seen);
    quote_decisions_free(s->decisions);
    for (int i = 0; i < s->n_dirs; i++) free((char *)s->dirs[i]);
    free(s);
}

static void take_record(void *ud, const json_t *record) {
    live_source *s = ud;
    const json_t *answers = json_object_get(record, "answers");
    /* Records of the first journey (no "answers") predate consultations and quotes on slides. */
    if (!json_is_object(answers)) return;
    if (!quotes_add_record(&s->seen, s->cfg, record, answers, NULL)) s->out_of_memory = true;
}

long live_source_update(live_source *s, diag_list *problems) {
    long n = results_feed_update(s->feed, take_record, s, problems);
    /* A fleet folder Syncthing has not made yet is not a failure: only folders there now. */
    const char *there[RESULTS_MAX_DIRS];
    int n_there = 0;
    struct stat st;
    for (int i = 0; i < s->n_dirs; i++)
        if (stat(s->dirs[i], &st) == 0) there[n_there++] = s->dirs[i];
    quote_decisions *d = quote_decisions_new();
    pk_error err = {0};
    if (d && quote_decisions_read(d, there, n_there, problems, &err)) {
        quote_decisions_free(s->decisions);
        s->decisions = d;
    } else {
        /* Keep the decisions read before: a folder that cannot be read now must not bring back
         * a quote a person hid, nor drop one they approved. */
        if (problems && err.msg[0]) diag_add(problems, NULL, 0, 0, "%s", err.msg);
        quote_decisions_free(d);
    }
    return n;
}

/* Whether a decision here hid the quote since (an approved_file entry is overruled by a later
 * Hide on any kiosk or desk whose decisions are gathered here). */
static bool hidden_here(const live_source *s, const char *key) {
    quote_verdict v;
    return s->decisions && quote_decisions_latest(s->decisions, key, &v, NULL, NULL) && v == QUOTE_HIDE;
}

static bool fits_slide(const char *text) {
    return text && utf8_count(text, strlen(text)) <= LIVE_QUOTE_MAX_CHARS && !utf8_is_blank(text, strlen(text));
}

static bool have_key(const slide_live *out, const char *key) {
    for (int i = 0; i < out->n_quotes; i++)
        if (!strcmp(out->quotes[i].key, key)) return true;
    return false;
}

#define COPY(dst, src) snprintf((dst), sizeof(dst), "%s", (src) ? (src) : "")

/* Keeps the newest LIVE_MAX_QUOTES: a full list gives way only to a newer quote. */
static void offer(slide_live *out, const char *key, const char *cons, const char *lang,
                  const char *text, const char *name, const char *age_band, long long utc) {
    if (!fits_slide(text) || have_key(out, key)) return;
    int at = out->n_quotes;
    if (at == LIVE_MAX_QUOTES) {
        int oldest = 0;
        for (int i = 1; i < at; i++)
            if (out->quotes[i].utc < out->quotes[oldest].utc) oldest = i;
        if (out->quotes[oldest].utc >= utc) return;
        at = oldest;
    } else {
        out->n_quotes++;
    }
    live_quote *q = &out->quotes[at];
    COPY(q->key, key);
    COPY(q->consultation, cons);
    COPY(q->lang, lang);
    COPY(q->text, text);
    COPY(q->name, name);
    COPY(q->age_band, age_band);
    q->utc = utc;
}

static int newest_first(const void *a, const void *b) {
    const live_quote *x = a, *y = b;
    if (x->utc != y->utc) return x->utc < y->utc ? 1 : -1;
    return strcmp(x->key, y->key);
}

void live_source_snapshot(const live_source *s, slide_live *out) {
    int turn = out->quote_turn;
    memset(out, 0, sizeof *out);
    out->quote_turn = turn;
    for (size_t i = 0; i < s->seen.n; i++) {
        const quote_item *q = &s->seen.items[i];
        quote_verdict v;
        if (!s->decisions || !quote_decisions_latest(s->decisions, q->key, &v, NULL, NULL) || v != QUOTE_APPROVE)
            continue;
        offer(out, q->key, q->consultation, q->lang, q->text, q->name, q->age_band, q->utc);
    }
    const config *cfg = s->cfg;
    for (int i = 0; i < cfg->n_slides; i++) {
        const slide *sl = &cfg->slides[i];
        if (sl->type == SLIDE_YOU_SAID)
            for (int k = 0; k < sl->n_approved; k++) {
                const approved_quote *a = &sl->approved[k];
                if (!hidden_here(s, a->key))
                    offer(out, a->key, a->consultation, a->lang, a->text, a->name, a->age_band, a->utc);
            }
        if (sl->type == SLIDE_RESULTS && sl->consultation >= 0 && sl->question >= 0)
            out->has_results[i] = results_feed_get(s->feed, sl->consultation, sl->question, &out->results[i]);
    }
    qsort(out->quotes, (size_t)out->n_quotes, sizeof out->quotes[0], newest_first);
}
