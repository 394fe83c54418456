/* quotes: from feedback records to the quotes a person may approve (the contract is in quotes.h).
 *
 * The idea: a quote is built by taking, never by removing. Only the consent question's yes
 * opens a record; then only the quotable answers (free text), the first name and, when the
 * consultation says so, the age band are copied out; every other answer (a postcode above all)
 * is never read, so no later change can let it slip into a quote. Which answer is which comes
 * from the consultation's questions in the config, never from guessing at the record.
 *
 * approved.yaml is written by hand rather than by libyaml's emitter so every string is double
 * quoted and escaped the same way, whatever the words (YAML would read `no` or `12:30`
 * unquoted as something else), and the file stays readable to staff.
 *
 * Ownership: a quote_set owns its items and every string in them. */
#include "quotes/quotes.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "consult/question_type.h"
#include "core/date.h"
#include "text/utf8.h"

/* ---- which answers a record's quote may take ------------------------------------------- */

#define MAX_QUOTABLE CONSULT_MAX_QUESTIONS

typedef struct quote_form {
    const char *consent, *name, *age_band; /* question ids; NULL: none (age_band: not shown) */
    const char *words[MAX_QUOTABLE];       /* the quotable questions' ids */
    int n_words;
} quote_form;

/* The questions of the record's consultation that a quote may read. False when the record's
 * consultation is not known (nothing then tells words from a postcode). */
static bool form_of(const config *cfg, const char *cons_id, quote_form *f) {
    memset(f, 0, sizeof *f);
    const consultation *k = cfg && cons_id ? config_consultation(cfg, cons_id) : NULL;
    if (!k) {
        if (!cons_id || strcmp(cons_id, EXPORT_FIRST_JOURNEY)) return false;
        f->consent = "consent_quote", f->name = "name", f->words[f->n_words++] = "text";
        return true;
    }
    for (int i = 0; i < k->n_questions; i++) {
        const question *q = &k->questions[i];
        const question_kind *kind = question_kind_of(q->type);
        if (q->type == Q_CONSENT && !f->consent)
            f->consent = q->id;
        else if (q->type == Q_FIRST_NAME && !f->name)
            f->name = q->id;
        else if (q->type == Q_AGE_BAND && !f->age_band && k->quote_age_band)
            f->age_band = q->id;
        else if (kind && kind->quotable && kind->typed && q->type != Q_FIRST_NAME &&
                 f->n_words < MAX_QUOTABLE)
            f->words[f->n_words++] = q->id;
    }
    return true;
}

/* The string answer to id when it holds words; NULL otherwise (not answered, sealed, blank). */
static const char *words_of(const json_t *answers, const char *id) {
    const char *s = id ? json_string_value(json_object_get(answers, id)) : NULL;
    return s && !utf8_is_blank(s, strlen(s)) ? s : NULL;
}

/* Unicode White_Space (not the invisible joiners, which belong inside Urdu words). */
static bool white_space(uint32_t cp) {
    return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000;
}

/* Where the run of white space (space true) or of other characters from i ends in s. */
static size_t run_end(const char *s, size_t n, size_t i, bool space) {
    uint32_t cp;
    while (i < n) {
        int len = utf8_decode(s + i, n - i, &cp);
        if (white_space(cp) != space) break;
        i += (size_t)len;
    }
    return i;
}

/* The first word of what was typed as a first name that shows something (not a lone invisible
 * mark), malloc'ed: a surname typed after it ("Zofia Łukasiewicz") is never shown. name holds
 * words (words_of). NULL on out-of-memory. */
static char *first_word(const char *name) {
    size_t n = strlen(name), start, end = 0;
    do {
        start = run_end(name, n, end, true);
        end = run_end(name, n, start, false);
    } while (end < n && utf8_is_blank(name + start, end - start));
    return strndup(name + start, end - start);
}

/* A sealed answer: still an object holding "sealed" rather than the words (a record sealed
 * whole keeps null there instead, and says so at its top). */
static bool sealed_value(const json_t *v) {
    return json_is_object(v) && json_object_get(v, SEAL_FIELD);
}

/* ---- the set ---------------------------------------------------------------------------- */

static void item_free(quote_item *it) {
    free(it->record_id), free(it->consultation), free(it->question), free(it->kiosk);
    free(it->lang), free(it->at), free(it->text), free(it->name), free(it->age_band);
    free(it->decided_by);
}

void quote_set_free(quote_set *qs) {
    if (!qs) return;
    for (size_t i = 0; i < qs->n; i++) item_free(&qs->items[i]);
    free(qs->items);
    memset(qs, 0, sizeof *qs);
}

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

/* Appends more to reason after "; " (or at its start), cut at a character's start when full. */
static void add_reason(char *reason, size_t size, const char *prefix, const char *more) {
    size_t len = strlen(reason);
    if (!more[0] || len + 1 >= size) return;
    int w = snprintf(reason + len, size - len, "%s%s%s", len ? "; " : "", prefix, more);
    size_t all = strlen(reason);
    if (w < 0 || (size_t)w >= size - len)
        reason[utf8_prev(reason, all)] = '\0'; /* cut: maybe mid-letter */
}

static void count_state(quote_set *qs, quote_state s) {
    switch (s) {
    case QUOTE_WAITING: qs->waiting++; break;
    case QUOTE_HELD: qs->held++; break;
    case QUOTE_APPROVED: qs->approved++; break;
    case QUOTE_HIDDEN: qs->hidden++; break;
    }
}

/* One quote of a record into qs. False on out-of-memory. */
static bool add_item(quote_set *qs, const json_t *record, const char *cons_id, const char *qid,
                     const char *text, const char *name, const char *age_band,
                     const quote_blocklist *bl) {
    const char *id = json_string_value(json_object_get(record, "id"));
    quote_item it = {0};
    int kl = snprintf(it.key, sizeof it.key, "%s:%s", id ? id : "", qid);
    if (!id || !*id || kl < 0 || (size_t)kl >= sizeof it.key) return true; /* no key: no quote */
    if (qs->n == qs->cap) {
        size_t cap = qs->cap ? qs->cap * 2 : 64;
        quote_item *grown = realloc(qs->items, cap * sizeof *grown);
        if (!grown) return false;
        qs->items = grown;
        qs->cap = cap;
    }
    const char *at = json_string_value(json_object_get(record, "at"));
    const char *lang = json_string_value(json_object_get(record, "language"));
    pk_time t;
    it.utc = date_time_parse(at, &t) && t.exact ? t.utc : 0; /* not a time: as 1970, listed last */
    it.record_id = strdup(id);
    it.consultation = strdup(cons_id);
    it.question = strdup(qid);
    it.kiosk = dup_or_null(json_string_value(json_object_get(record, "kiosk")));
    it.lang = dup_or_null(lang);
    it.at = dup_or_null(at);
    it.text = strdup(text);
    it.name = name ? first_word(name) : NULL;
    it.age_band = dup_or_null(age_band);
    if (!it.record_id || !it.consultation || !it.question || !it.text ||
        (json_object_get(record, "kiosk") && !it.kiosk) || (lang && !it.lang) || (at && !it.at) ||
        (name && !it.name) || (age_band && !it.age_band)) {
        item_free(&it);
        return false;
    }
    quote_screen_text(text, lang, bl, &it.check);
    if (name) {
        quote_check nc;
        if (quote_screen_text(name, lang, bl, &nc)) {
            it.check.flags |= nc.flags;
            add_reason(it.check.reason, sizeof it.check.reason, "the name: ", nc.reason);
        }
    }
    it.state = it.check.flags ? QUOTE_HELD : QUOTE_WAITING;
    count_state(qs, it.state);
    qs->consented++;
    qs->items[qs->n++] = it;
    return true;
}

bool quotes_add_record(quote_set *qs, const config *cfg, const json_t *record,
                       const json_t *answers, const quote_blocklist *bl) {
    if (!json_is_object(record) || !json_is_object(answers)) return true;
    const char *cons_id =
        json_is_object(json_object_get(record, "answers"))
            ? json_string_value(json_object_get(json_object_get(record, "consultation"), "id"))
            : EXPORT_FIRST_JOURNEY;
    quote_form f;
    if (!form_of(cfg, cons_id, &f) || !f.consent) return true;
    if (!json_is_true(json_object_get(answers, f.consent))) return true; /* no, skipped, absent */

    bool sealed = seal_record_is_sealed(record);
    for (int i = 0; !sealed && i < f.n_words; i++)
        sealed = sealed_value(json_object_get(answers, f.words[i]));
    sealed = sealed || (f.name && sealed_value(json_object_get(answers, f.name)));
    if (sealed) { /* its words cannot be seen: one answer, as far as anyone can tell */
        qs->sealed++;
        qs->consented++;
        return true;
    }
    const char *name = words_of(answers, f.name);
    const char *age = f.age_band ? json_string_value(json_object_get(answers, f.age_band)) : NULL;
    for (int i = 0; i < f.n_words; i++) {
        const char *text = words_of(answers, f.words[i]);
        if (text && !add_item(qs, record, cons_id, f.words[i], text, name, age, bl)) return false;
    }
    return true;
}

/* Newest first; the same second by key, so the order never depends on reading order. */
static int cmp_newest(const void *a, const void *b) {
    const quote_item *x = a, *y = b;
    if (x->utc != y->utc) return x->utc < y->utc ? 1 : -1;
    return strcmp(x->key, y->key);
}

void quotes_apply_decisions(quote_set *qs, const quote_decisions *d) {
    qs->approved = qs->hidden = qs->waiting = qs->held = 0;
    for (size_t i = 0; i < qs->n; i++) {
        quote_item *it = &qs->items[i];
        quote_verdict v;
        const char *by = NULL;
        long long utc = 0;
        free(it->decided_by);
        it->decided_by = NULL;
        it->decided_utc = 0;
        if (quote_decisions_latest(d, it->key, &v, &by, &utc)) {
            it->state = v == QUOTE_APPROVE ? QUOTE_APPROVED : QUOTE_HIDDEN;
            it->decided_by = dup_or_null(by); /* out of memory: only the name is missing */
            it->decided_utc = utc;
        } else {
            it->state = it->check.flags ? QUOTE_HELD : QUOTE_WAITING;
        }
        count_state(qs, it->state);
    }
    if (qs->n > 1) qsort(qs->items, qs->n, sizeof *qs->items, cmp_newest);
}

bool quotes_collect(quote_set *qs, const export_set *set, const config *cfg,
                    const quote_blocklist *bl, const quote_decisions *d, pk_error *err) {
    if (!cfg) cfg = set->cfg;
    for (size_t i = 0; i < set->n; i++) {
        export_record r;
        if (!export_record_get(set, i, &r, err)) return false;
        bool ok = quotes_add_record(qs, cfg, r.json, r.answers, bl);
        export_record_release(set, &r);
        if (!ok) return pk_fail(err, "out of memory gathering quotes");
    }
    quotes_apply_decisions(qs, d);
    return true;
}

/* ---- approved.yaml ---------------------------------------------------------------------- */

/* Whether libyaml reads cp as itself inside a double-quoted scalar: printable (YAML 1.1's
 * c-printable) and not one of the line breaks it would fold (NEL, LS, PS). */
static bool yaml_plain_char(uint32_t cp) {
    if (cp == 0x85 || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF) return false;
    return (cp >= 0x20 && cp <= 0x7E) || (cp >= 0xA0 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

/* s as a YAML double-quoted scalar: every character as it is, but the quote and backslash and
 * anything not plainly printable escaped (a damaged byte as U+FFFD). */
static void yaml_quoted(FILE *out, const char *s) {
    size_t n = strlen(s);
    fputc('"', out);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int len = utf8_decode(s + i, n - i, &cp);
        if (cp == '"' || cp == '\\')
            fprintf(out, "\\%c", (char)cp);
        else if (cp == '\n')
            fputs("\\n", out);
        else if (cp == '\t')
            fputs("\\t", out);
        else if (cp == '\r')
            fputs("\\r", out);
        else if (cp == 0xFFFD && len == 1)
            fputs("\\uFFFD", out);
        else if (yaml_plain_char(cp))
            fwrite(s + i, 1, (size_t)len, out);
        else if (cp <= 0xFF)
            fprintf(out, "\\x%02X", (unsigned)cp);
        else if (cp <= 0xFFFF)
            fprintf(out, "\\u%04X", (unsigned)cp);
        else
            fprintf(out, "\\U%08X", (unsigned)cp);
        i += (size_t)len;
    }
    fputc('"', out);
}

/* A folder's name in the header comment: one line of printable characters whatever it holds. */
static void comment_text(FILE *out, const char *s) {
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int len = utf8_decode(s + i, n - i, &cp);
        if (yaml_plain_char(cp) && !(cp == 0xFFFD && len == 1))
            fwrite(s + i, 1, (size_t)len, out);
        else
            fputc('?', out);
        i += (size_t)len;
    }
}

bool quotes_write_approved_from(FILE *out, const quote_set *qs, const char *const *dirs, int n_dirs,
                                time_t made, pk_error *err) {
    struct tm tm;
    char day[16] = "?";
    if (localtime_r(&made, &tm)) strftime(day, sizeof day, "%Y-%m-%d", &tm);
    fprintf(out, "# Approved quotes: %ld, made by plankiosk quotes on %s from ", qs->approved, day);
    if (n_dirs <= 0) fputs("the feedback folders", out);
    for (int i = 0; i < n_dirs; i++) {
        if (i) fputs(i == n_dirs - 1 ? " and " : ", ", out);
        comment_text(out, dirs[i]);
    }
    fputs(". A person approved each one.\n", out);
    fputs(qs->approved ? "approved_quotes:\n" : "approved_quotes: []\n", out);
    for (size_t i = 0; i < qs->n; i++) {
        const quote_item *it = &qs->items[i];
        if (it->state != QUOTE_APPROVED) continue;
        fputs("  - key: ", out), yaml_quoted(out, it->key);
        fputs("\n    consultation: ", out), yaml_quoted(out, it->consultation);
        fputs("\n    language: ", out), yaml_quoted(out, it->lang ? it->lang : "");
        fputs("\n    at: ", out), yaml_quoted(out, it->at ? it->at : "");
        fputs("\n    text: ", out), yaml_quoted(out, it->text);
        if (it->name) fputs("\n    name: ", out), yaml_quoted(out, it->name);
        if (it->age_band) fputs("\n    age_band: ", out), yaml_quoted(out, it->age_band);
        fputc('\n', out);
    }
    if (ferror(out)) return pk_fail(err, "cannot write the approved quotes: %s", strerror(errno));
    return true;
}

bool quotes_write_approved(FILE *out, const quote_set *qs, pk_error *err) {
    return quotes_write_approved_from(out, qs, NULL, 0, time(NULL), err);
}
