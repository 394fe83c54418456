/* quotes: visitors' words that may be shown on the "You said" slide, and what people decided.
 *
 * A quote is one answer to a quotable question (question_kind.quotable: free text) in a record
 * whose consent question was answered yes, with the record's first name and, when the
 * consultation shows it (consultation.quote_age_band), its age band, and nothing else: never a
 * postcode, never another answer. A record without a yes never gives a quote. Its key,
 * "<record id>:<question id>", names it everywhere (decisions, approved.yaml, the review sheet).
 *
 * Each quote's words and name go through quote_screen.h; what it finds "holds back" the quote
 * (QUOTE_HELD, with the reason) until a person decides. Only a person's Approve shows a quote.
 *
 * Decisions are append-only JSON Lines, one file per writer, as the feedback log is:
 *   <feedback dir>/<writer>/quote-decisions/decisions.jsonl
 * where the writer is a kiosk id (staff deciding on the kiosk) or "desk-<host>" (plankiosk
 * quotes --apply). A line: {"id": uuid, "quote": key, "decision": "approve"|"hide",
 * "by": "...", "at": ISO time, "writer": "...", "seq": n}. Appended with one write() and
 * fsync()ed, a torn last line is left and skipped, never rewritten. Readers gather every such
 * file under the folders they are given (a fleet's, synced by Syncthing), drop a decision whose
 * id they already have (the same file copied twice), and for each quote take the latest by
 * time, then writer, then seq; a decision's time is the latest its writer had written up to it,
 * so a kiosk whose clock went back still has its later decisions win over its own earlier ones.
 * Export and report never read these folders as records.
 *
 * approved.yaml (quotes_write_approved) is what a shared config's you_said slide names with
 * `approved_file:`; its shape is in config/REFERENCE.md:
 *   approved_quotes:
 *     - key: "<record id>:<question id>"
 *       consultation: plan-2025
 *       language: pl
 *       at: "2026-03-02T10:11:12+00:00"
 *       text: "..."
 *       name: Ola          # when given
 *       age_band: "25_34"  # an option id, when the consultation shows age bands
 *
 * Pure: no SDL. Ownership: a quote_set owns its items and their strings (quote_set_free); a
 * quote_decisions owns what it read (quote_decisions_free). */
#ifndef PK_QUOTES_H
#define PK_QUOTES_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "config/config.h"
#include "core/diag.h"
#include "export/export.h"
#include "quotes/quote_screen.h"

#define QUOTE_KEY_LEN 112
#define QUOTE_DECISIONS_DIR "quote-decisions"
#define QUOTE_DECISIONS_FILE "decisions.jsonl"

typedef enum quote_state {
    QUOTE_WAITING,  /* nothing found by the check; no person has decided */
    QUOTE_HELD,     /* the check found something (quote_item.check.reason); no person has decided */
    QUOTE_APPROVED, /* a person approved it: it may be shown */
    QUOTE_HIDDEN,   /* a person hid it: never shown */
} quote_state;

typedef enum quote_verdict { QUOTE_APPROVE, QUOTE_HIDE } quote_verdict;

typedef struct quote_item {
    char key[QUOTE_KEY_LEN];
    char *record_id, *consultation, *question, *kiosk, *lang, *at; /* at: as the record gives it */
    long long utc;          /* at, for newest first */
    char *text;             /* the visitor's words, as typed */
    char *name;             /* first name (the first word typed: never a surname), or NULL */
    char *age_band;         /* option id, or NULL (also when the consultation does not show it) */
    quote_check check;
    quote_state state;
    char *decided_by;       /* the latest decision's "by", or NULL */
    long long decided_utc;
} quote_item;

typedef struct quote_set {
    quote_item *items; /* newest first */
    size_t n, cap;
    long consented;    /* answers with words and a yes to quoting them: the items, and each sealed
                        * record once (so approved / consented is the share approved, never over 1) */
    long sealed;       /* consented records whose words are sealed (no key given): not listed */
    long approved, hidden, waiting, held;
} quote_set;

/* The quotes of one record (consent yes only), appended to qs; answers is the record's answers
 * object (export_record.answers: first-journey records under today's ids). The record's
 * consultation is looked up in cfg; cfg NULL, or a first-journey record whose consultation cfg
 * does not have: the first journey's ids (text, name, consent_quote; no age band, which only a
 * consultation's quote_age_band shows). A record of a consultation cfg does not have gives no
 * quote: without its questions nothing tells words from a postcode. bl may be NULL. Each record
 * is given once (export_collect drops copies). A consented record still sealed counts in
 * qs->sealed and lists nothing. False only on out-of-memory. */
bool quotes_add_record(quote_set *qs, const config *cfg, const json_t *record,
                       const json_t *answers, const quote_blocklist *bl);
void quote_set_free(quote_set *qs);

typedef struct quote_decisions quote_decisions;
quote_decisions *quote_decisions_new(void);
void quote_decisions_free(quote_decisions *d);
/* Reads every <...>/quote-decisions/<name>.jsonl under dirs (folders searched recursively). Damaged
 * lines are listed in problems ("FILE:LINE: reason", may be NULL) and skipped. False with err
 * only when a folder given cannot be read at all (it does not exist) or memory runs out; the
 * other folders are read all the same, so d then holds what could be read. A single .jsonl
 * file given holds no decisions (not an error). Reading the same folders again adds nothing. */
bool quote_decisions_read(quote_decisions *d, const char *const *dirs, int n_dirs,
                          diag_list *problems, pk_error *err);
size_t quote_decisions_count(const quote_decisions *d);
/* The latest decision on key: true and *v (and by/at when not NULL) if there is one. */
bool quote_decisions_latest(const quote_decisions *d, const char *key, quote_verdict *v,
                            const char **by, long long *utc);
/* Sets every item's state from d (and its check), recounts, and sorts newest first. */
void quotes_apply_decisions(quote_set *qs, const quote_decisions *d);

/* Appends one decision durably to <base_dir>/<writer>/quote-decisions/decisions.jsonl (folders
 * made as needed, 0750), and adds it to d when d is not NULL. False with err on failure (a full
 * disk: nothing half-written stays in the way of the next line). */
bool quote_decision_append(quote_decisions *d, const char *base_dir, const char *writer,
                           const char *key, quote_verdict v, const char *by, time_t at,
                           pk_error *err);
/* One decision of a batch (quote_decisions_append_many). */
typedef struct quote_decision_item {
    const char *key;
    quote_verdict verdict;
} quote_decision_item;
/* Appends n decisions, all by `by` at `at`, to the file quote_decision_append writes, with ONE
 * write and one fsync (a sheet of 20,000 decisions is one append, not 20,000): the file's lines
 * are counted once and the decisions numbered on from them, seq consecutive in items' order.
 * Every key is checked before anything is written. False with err on failure, and nothing is
 * added to d: the file holds none of them, or, when the disk filled part-way through the write,
 * the first few whole and a torn line the next append ends (readers skip it); appending what is
 * still missing later completes it. n 0: true, nothing written. */
bool quote_decisions_append_many(quote_decisions *d, const char *base_dir, const char *writer,
                                 const quote_decision_item *items, size_t n, const char *by,
                                 time_t at, pk_error *err);
/* Tests: the write(2) the appends use through d (NULL: write), to fill the disk. */
void quote_decisions_set_write_fn(quote_decisions *d, ssize_t (*write_fn)(int, const void *, size_t));
/* "approve" or "hide", as decisions are written. */
const char *quote_verdict_name(quote_verdict v);

/* Gathers the quotes of every record in set (read with export_collect or export_scan), checks
 * each with bl and applies d (NULL: none). qs is zeroed by the caller (or holds earlier quotes);
 * cfg NULL: set->cfg. False with err when a record cannot be read again or memory runs out. */
bool quotes_collect(quote_set *qs, const export_set *set, const config *cfg,
                    const quote_blocklist *bl, const quote_decisions *d, pk_error *err);

/* approved.yaml of qs's approved quotes (newest first), with a comment on where they came from:
 * the folders read (dirs, n_dirs; none: "the feedback folders") and the day made (made). Every
 * string is double-quoted and escaped, so any words load back exactly. False with err when out
 * reports a write error. */
bool quotes_write_approved_from(FILE *out, const quote_set *qs, const char *const *dirs, int n_dirs,
                                time_t made, pk_error *err);
/* The same with no folders named, made now. */
bool quotes_write_approved(FILE *out, const quote_set *qs, pk_error *err);

#endif
