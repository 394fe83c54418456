/* live: what the you_said, results and we_did slides show beyond the config, in words: which
 * quotes a page holds, who said them, which bars a tally makes, and the caption under them.
 * The slides (render/slides/slide_*.c) and read-aloud (speech/speech_script.c) both ask here,
 * so what is read is what is shown. Pure: no SDL; nothing is allocated. */
#include "content/live.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/numfmt.h"
#include "journey/languages.h"

static int per_page(const slide *s) {
    return s->per_page >= 1 && s->per_page <= 4 ? s->per_page : 3;
}

int live_quotes_for(const slide_live *lv, const config *cfg, const slide *s, const live_quote **out,
                    int max) {
    if (!lv || !s) return 0;
    const char *want = s->consultation >= 0 && s->consultation < cfg->n_consultations
                           ? cfg->consultations[s->consultation].id
                           : NULL;
    int n = 0;
    for (int i = 0; i < lv->n_quotes && i < LIVE_MAX_QUOTES && n < max; i++) {
        const live_quote *q = &lv->quotes[i];
        if (!q->text[0] || (want && strcmp(q->consultation, want))) continue;
        out[n++] = q;
    }
    return n;
}

int live_quotes_page(const slide_live *lv, const config *cfg, const slide *s,
                     const live_quote **out, int max) {
    const live_quote *all[LIVE_MAX_QUOTES];
    int n = live_quotes_for(lv, cfg, s, all, LIVE_MAX_QUOTES);
    int take = per_page(s) < max ? per_page(s) : max;
    if (n <= take) {
        memcpy(out, all, (size_t)n * sizeof *out);
        return n;
    }
    int start = lv->quote_turn > 0 ? lv->quote_turn % n : 0;
    for (int i = 0; i < take; i++) out[i] = all[(start + i) % n];
    return take;
}

/* The label of option id in the age band question of the quote's consultation, or NULL. */
static const char *age_band_label(const config *cfg, const live_quote *q) {
    const consultation *k = q->age_band[0] ? config_consultation(cfg, q->consultation) : NULL;
    if (!k || !k->quote_age_band) return NULL;
    for (int i = 0; i < k->n_questions; i++) {
        const question *qn = &k->questions[i];
        if (qn->type != Q_AGE_BAND) continue;
        int o = consult_option_index(qn, q->age_band);
        if (o >= 0) return qn->options[o].label;
    }
    return NULL;
}

const char *live_quote_who(const config *cfg, const live_quote *q, char *buf, size_t size) {
    const char *band = age_band_label(cfg, q);
    if (q->name[0] && band)
        snprintf(buf, size, "%s, %s", q->name, band);
    else
        snprintf(buf, size, "%s", q->name[0] ? q->name : band ? band : "");
    return buf;
}

const char *live_quote_language(const config *cfg, const live_quote *q) {
    const char *shown = cfg->languages.n > 0 ? cfg->languages.code[cfg->lang] : "en";
    if (!q->lang[0] || !strcmp(q->lang, shown)) return NULL;
    return language_own_name(q->lang);
}

const char *live_slide_title(const config *cfg, const slide *s, pk_date today, char *buf,
                             size_t size) {
    const char *const *ui = cfg->feedback.ui;
    if (s->title) return s->title;
    switch (s->type) {
    case SLIDE_YOU_SAID: {
        /* The question people answered, so the quotes read as answers to it. */
        const consultation *k = s->consultation >= 0 && s->consultation < cfg->n_consultations
                                    ? &cfg->consultations[s->consultation]
                                    : config_consultation_for(cfg, s, today);
        if (!k && cfg->n_consultations > 0) k = &cfg->consultations[0];
        return k && k->title ? k->title : ui[UI_YOU_SAID];
    }
    case SLIDE_RESULTS: return ui[UI_RESULTS_TITLE];
    case SLIDE_WE_DID:
        /* Made of the two labels, so every language has it without new wording. */
        snprintf(buf, size, "%s \u00B7 %s", ui[UI_YOU_SAID], ui[UI_WE_DID]);
        return buf;
    default: return "";
    }
}

int live_slide_index(const config *cfg, const slide *s) {
    /* Compared as addresses: a preview's slide belongs to another config. */
    uintptr_t at = (uintptr_t)s, first = (uintptr_t)cfg->slides;
    if (at < first || at >= first + (uintptr_t)cfg->n_slides * sizeof *s) return -1;
    return (int)((at - first) / sizeof *s);
}

const results_tally *live_tally(const slide_live *lv, const config *cfg, int slide_index) {
    if (!lv || slide_index < 0 || slide_index >= cfg->n_slides || slide_index >= CONFIG_MAX_SLIDES)
        return NULL;
    const slide *s = &cfg->slides[slide_index];
    if (s->type != SLIDE_RESULTS || !lv->has_results[slide_index]) return NULL;
    const results_tally *t = &lv->results[slide_index];
    return results_tally_shown(t, s->min_responses) ? t : NULL;
}

const question *live_tally_question(const config *cfg, const results_tally *t) {
    if (!t || t->consultation < 0 || t->consultation >= cfg->n_consultations) return NULL;
    const consultation *k = &cfg->consultations[t->consultation];
    return t->question >= 0 && t->question < k->n_questions ? &k->questions[t->question] : NULL;
}

static int percent_of(long part, long whole) {
    return whole > 0 ? (int)((part * 100 + whole / 2) / whole) : 0;
}

int live_result_rows(const config *cfg, const results_tally *t, live_result_row *rows, int max) {
    const question *q = live_tally_question(cfg, t);
    if (!q || max <= 0) return 0;
    int n = 0, limit = t->n < CONSULT_MAX_OPTIONS ? t->n : CONSULT_MAX_OPTIONS;
    switch (t->type) {
    case Q_FACES:
    case Q_SCALE:
        /* A distribution keeps its own order: every face or point, chosen or not. */
        for (int i = 0; i < limit && n < max; i++) {
            bool faces = t->type == Q_FACES;
            const char *label = faces && i < q->n_options ? q->options[i].label : NULL;
            rows[n++] = (live_result_row){label, faces ? i + 1 : q->min_value + i, t->counts[i],
                                          percent_of(t->counts[i], t->people)};
        }
        break;
    case Q_RANK: {
        long top =
            limit > 0 && t->order[0] >= 0 && t->order[0] < limit ? t->points[t->order[0]] : 0;
        for (int i = 0; i < limit && n < max; i++) {
            int o = t->order[i];
            if (o < 0 || o >= q->n_options || t->points[o] <= 0) continue;
            rows[n++] = (live_result_row){q->options[o].label, o, t->points[o],
                                          percent_of(t->points[o], top)};
        }
        break;
    }
    case Q_CHOICE:
    case Q_CHOICES:
    case Q_AGE_BAND:
        for (int i = 0; i < limit && n < max; i++) {
            int o = t->order[i];
            if (o < 0 || o >= q->n_options || t->counts[o] <= 0) continue;
            rows[n++] = (live_result_row){q->options[o].label, o, t->counts[o],
                                          percent_of(t->counts[o], t->people)};
        }
        break;
    default: break;
    }
    return n;
}

/* tmpl with each "{key}" of keys replaced by its value (an unknown {word} stays as it is). */
static void fill_named(char *buf, size_t size, const char *tmpl, const char *const *keys,
                       const char *const *vals, int n) {
    size_t len = 0;
    if (!size) return;
    buf[0] = '\0';
    for (const char *p = tmpl; *p && len + 1 < size;) {
        const char *val = NULL;
        size_t skip = 1;
        for (int k = 0; *p == '{' && k < n && !val; k++) {
            size_t kl = strlen(keys[k]);
            if (!strncmp(p + 1, keys[k], kl) && p[1 + kl] == '}') val = vals[k], skip = kl + 2;
        }
        if (val) {
            snprintf(buf + len, size - len, "%s", val);
            len += strlen(buf + len);
        } else {
            buf[len++] = *p;
            buf[len] = '\0';
        }
        p += skip;
    }
    /* Cut short: a character whose bytes did not all fit goes whole. */
    if (len + 1 >= size) {
        size_t start = len;
        while (start > 0 && ((unsigned char)buf[start - 1] & 0xC0) == 0x80) start--;
        if (start > 0) {
            unsigned char lead = (unsigned char)buf[start - 1];
            size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            if (len - (start - 1) < need) len = start - 1;
        }
    }
    buf[len] = '\0';
}

const char *live_results_caption(const config *cfg, const slide *s, const results_tally *t,
                                 pk_date today, char *buf, size_t size) {
    const char *const *ui = cfg->feedback.ui;
    const char *tmpl =
        s->caption ? s->caption : ui[t->kiosks == 1 ? UI_RESULTS_CAPTION_ONE : UI_RESULTS_CAPTION];
    char people[32], kiosks[16], since[96] = "";
    numfmt_format((double)t->people, 0, NULL, NULL, people, sizeof people);
    snprintf(kiosks, sizeof kiosks, "%d", t->kiosks);
    if (t->has_since && t->since.month >= 1 && t->since.month <= 12) {
        const char *month = ui[UI_MONTH_LONG_1 + t->since.month - 1];
        if (t->since.year != today.year)
            snprintf(since, sizeof since, "%d %s %d", t->since.day, month, t->since.year);
        else
            snprintf(since, sizeof since, "%d %s", t->since.day, month);
    }
    static const char *const keys[] = {"people", "kiosks", "since"};
    const char *vals[] = {people, kiosks, since};
    fill_named(buf, size, tmpl, keys, vals, 3);
    return buf;
}

bool live_slide_ready(const slide_live *lv, const config *cfg, int slide_index) {
    if (slide_index < 0 || slide_index >= cfg->n_slides) return false;
    const slide *s = &cfg->slides[slide_index];
    switch (s->type) {
    case SLIDE_YOU_SAID: {
        const live_quote *one[1];
        return live_quotes_for(lv, cfg, s, one, 1) > 0;
    }
    case SLIDE_RESULTS: {
        const results_tally *t = live_tally(lv, cfg, slide_index);
        live_result_row row[1];
        return t && live_result_rows(cfg, t, row, 1) > 0;
    }
    default: return true;
    }
}
