#include "staff/staff_quotes.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "content/live.h"
#include "journey/languages.h"
#include "text/utf8.h"

void staff_quotes_clear(staff_quotes *q) {
    if (!q) return;
    quote_set_free(&q->set);
    quote_decisions_free(q->dec);
    free(q->queue);
    memset(q, 0, sizeof *q);
}

/* Oldest first, as they came in; the key keeps quotes of the same second in one order. */
static int older_first(const void *a, const void *b) {
    const quote_item *x = *(const quote_item *const *)a, *y = *(const quote_item *const *)b;
    if (x->utc != y->utc) return x->utc < y->utc ? -1 : 1;
    return strcmp(x->key, y->key);
}

static bool undecided(const quote_item *it) {
    return it->state == QUOTE_WAITING || it->state == QUOTE_HELD;
}

static bool build_queue(staff_quotes *q, pk_error *err) {
    size_t cap = q->set.n ? q->set.n : 1;
    const quote_item **by_age = malloc(cap * sizeof *by_age);
    q->queue = malloc(cap * sizeof *q->queue);
    if (!by_age || !q->queue) {
        free(by_age);
        return pk_fail(err, "out of memory");
    }
    for (size_t i = 0; i < q->set.n; i++)
        if (undecided(&q->set.items[i])) by_age[q->n++] = &q->set.items[i];
    qsort(by_age, (size_t)q->n, sizeof *by_age, older_first);
    for (int i = 0; i < q->n; i++) q->queue[i] = (size_t)(by_age[i] - q->set.items);
    free(by_age);
    return true;
}

/* The block lists: every language's file in the assets, then the config's own words. */
static quote_blocklist *load_blocklist(const config *cfg, const char *assets_dir, pk_error *err) {
    quote_blocklist *bl = quote_blocklist_new();
    if (!bl) return pk_fail(err, "out of memory"), NULL;
    if (assets_dir && !quote_blocklist_load_dir(bl, assets_dir, err)) {
        quote_blocklist_free(bl);
        return NULL;
    }
    for (int i = 0; cfg && i < cfg->moderation.n_block; i++)
        quote_blocklist_add(bl, cfg->moderation.block_lang[i], cfg->moderation.block[i]);
    return bl;
}

/* Records and decisions from the folders in use into q (set and dec); false with err. */
static bool gather(staff_quotes *q, const config *cfg, const char *const *use, int n,
                   const quote_blocklist *bl, pk_error *err) {
    diag_list *problems = calloc(1, sizeof *problems);
    if (!problems) return pk_fail(err, "out of memory");
    export_set set;
    export_filter filter = {0};
    bool ok = quote_decisions_read(q->dec, use, n, problems, err);
    if (ok && problems->count)
        snprintf(q->problem, sizeof q->problem, "%d damaged decision line%s skipped, the first: %s",
                 problems->count, problems->count == 1 ? "" : "s", problems->items[0]);
    free(problems);
    if (!ok) return false;
    if (!export_collect(&set, use, n, &filter, err)) {
        export_set_free(&set);
        return false;
    }
    set.cfg = cfg;
    ok = quotes_collect(&q->set, &set, cfg, bl, q->dec, err);
    if (set.problems && set.problems->count && !q->problem[0])
        snprintf(q->problem, sizeof q->problem, "%d damaged line%s skipped, the first: %s",
                 set.problems->count, set.problems->count == 1 ? "" : "s", set.problems->items[0]);
    export_set_free(&set);
    return ok;
}

bool staff_quotes_read(staff_quotes *q, const config *cfg, const char *const *dirs, int n_dirs,
                       const char *assets_dir, pk_error *err) {
    staff_quotes_clear(q);
    const char *use[STAFF_QUOTES_MAX_DIRS];
    int n = 0;
    for (int i = 0; i < n_dirs && n < STAFF_QUOTES_MAX_DIRS; i++) {
        struct stat st;
        if (!dirs[i] || !dirs[i][0]) continue;
        if (stat(dirs[i], &st) != 0 && errno == ENOENT) {
            /* The kiosk's own folder appears with its first record; a fleet folder should exist. */
            if (i > 0)
                snprintf(q->problem, sizeof q->problem, "%s: not found, so no quotes from it",
                         dirs[i]);
            continue;
        }
        use[n++] = dirs[i];
    }
    quote_blocklist *bl = load_blocklist(cfg, assets_dir, err);
    q->dec = bl ? quote_decisions_new() : NULL;
    bool ok = q->dec != NULL;
    if (bl && !ok) pk_fail(err, "out of memory");
    if (ok && n > 0) ok = gather(q, cfg, use, n, bl, err);
    quote_blocklist_free(bl);
    if (ok) ok = build_queue(q, err);
    if (!ok) {
        pk_error keep = *err;
        staff_quotes_clear(q);
        *err = keep;
    }
    return ok;
}

int staff_quotes_to_check(const staff_quotes *q) {
    int n = 0;
    for (size_t i = 0; i < q->set.n; i++) n += undecided(&q->set.items[i]);
    return n;
}

const quote_item *staff_quotes_current(const staff_quotes *q) {
    return q->pos >= 0 && q->pos < q->n ? &q->set.items[q->queue[q->pos]] : NULL;
}

bool staff_quotes_decide(staff_quotes *q, quote_verdict v, const char *base_dir, const char *writer,
                         const char *by, time_t at, pk_error *err) {
    if (q->pos < 0 || q->pos >= q->n) return pk_fail(err, "no quote is shown");
    quote_item *it = &q->set.items[q->queue[q->pos]];
    if (!quote_decision_append(q->dec, base_dir, writer, it->key, v, by, at, err)) {
        snprintf(q->error, sizeof q->error, "Not saved, so nothing changed: %s", err->msg);
        return false;
    }
    q->error[0] = '\0';
    it->state = v == QUOTE_APPROVE ? QUOTE_APPROVED : QUOTE_HIDDEN;
    free(it->decided_by);
    it->decided_by = strdup(by);
    it->decided_utc = (long long)at;
    q->pos++;
    q->part = 0;
    return true;
}

void staff_quotes_later(staff_quotes *q) {
    if (q->pos < q->n) q->pos++;
    q->part = 0;
    q->error[0] = '\0';
}

void staff_quotes_back(staff_quotes *q) {
    if (q->pos > 0) q->pos--;
    q->part = 0;
    q->error[0] = '\0';
}

void staff_quotes_more(staff_quotes *q) { q->part++; }

/* The words of an age band option in the config's language ("25 to 34"), else its id. */
static const char *age_band_words(const config *cfg, const quote_item *it) {
    const consultation *c =
        cfg && it->consultation ? config_consultation(cfg, it->consultation) : NULL;
    for (int i = 0; c && i < c->n_questions; i++) {
        const question *qu = &c->questions[i];
        if (qu->type != Q_AGE_BAND) continue;
        int o = consult_option_index(qu, it->age_band);
        if (o >= 0 && qu->options[o].label) return qu->options[o].label;
    }
    return it->age_band;
}

/* "2 March 2026, 10:11" on the kiosk's clock. */
static void when_words(long long utc, char *out, size_t size) {
    time_t t = (time_t)utc;
    struct tm tm;
    if (utc <= 0 || !localtime_r(&t, &tm) || !strftime(out, size, "%e %B %Y, %H:%M", &tm)) {
        snprintf(out, size, "an unknown time");
        return;
    }
    if (out[0] == ' ') memmove(out, out + 1, strlen(out)); /* %e pads the day */
}

void staff_quotes_page_get(const staff_quotes *q, const config *cfg, staff_quotes_page *page) {
    memset(page, 0, sizeof *page);
    page->decided_as = -1;
    page->can_back = q->pos > 0;
    const quote_item *it = staff_quotes_current(q);
    page->item = it;
    if (!it) {
        int approved = 0, hidden = 0, left = 0;
        for (int i = 0; i < q->n; i++) {
            quote_state s = q->set.items[q->queue[i]].state;
            approved += s == QUOTE_APPROVED, hidden += s == QUOTE_HIDDEN,
                left += s == QUOTE_WAITING || s == QUOTE_HELD;
        }
        page->left = left;
        snprintf(page->heading, sizeof page->heading,
                 !q->n  ? "No quotes to check"
                 : left ? "End of the quotes"
                        : "All checked");
        char sealed[160] = "";
        if (q->set.sealed > 0)
            snprintf(sealed, sizeof sealed,
                     " %ld more %s sealed: check %s on a computer with plankiosk quotes --review.",
                     q->set.sealed, q->set.sealed == 1 ? "is" : "are",
                     q->set.sealed == 1 ? "it" : "them");
        if (q->n)
            snprintf(page->summary, sizeof page->summary,
                     "%d approved, %d hidden, %d left for later.%s%s", approved, hidden, left,
                     left ? " They wait for the next check." : "", sealed);
        else
            snprintf(page->summary, sizeof page->summary, "Every quote has been decided.%s",
                     sealed);
        return;
    }
    snprintf(page->heading, sizeof page->heading, "Quote %d of %d", q->pos + 1, q->n);
    char when[80];
    when_words(it->utc, when, sizeof when);
    const char *band = it->age_band && it->age_band[0] ? age_band_words(cfg, it) : NULL;
    const char *lang = it->lang ? it->lang : "";
    /* Each part starts with English words, so a name or language written right to left stays
     * inside its own part of the line. */
    snprintf(page->about, sizeof page->about, "%s%s%s%s · written in %s (%s) · at kiosk %s · %s",
             it->name && it->name[0] ? "From " : "No name given",
             it->name && it->name[0] ? it->name : "", band ? ", aged " : "", band ? band : "",
             lang[0] ? language_own_name(lang) : "a language not known", lang[0] ? lang : "?",
             it->kiosk ? it->kiosk : "not known", when);
    if (it->check.flags) snprintf(page->held, sizeof page->held, "Held back: %s", it->check.reason);
    if (utf8_count(it->text, strlen(it->text)) > LIVE_QUOTE_MAX_CHARS)
        snprintf(page->note, sizeof page->note,
                 "Too long for the slide (over %d characters): it will show in the report only",
                 LIVE_QUOTE_MAX_CHARS);
    if (it->state == QUOTE_APPROVED || it->state == QUOTE_HIDDEN) {
        page->decided_as = it->state == QUOTE_APPROVED ? QUOTE_APPROVE : QUOTE_HIDE;
        snprintf(page->decided, sizeof page->decided,
                 it->state == QUOTE_APPROVED ? "Approved. Hide changes it."
                                             : "Hidden. Approve changes it.");
    }
}
