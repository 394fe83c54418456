/* cli_quotes: `plankiosk quotes` (see cli_quotes.h). The records are read as export and report
 * read them (cli_data's options and reading), the quotes gathered and checked (quotes/), the
 * decisions already made read from the same folders; then, in this order, whatever was asked:
 * --apply (staff's sheet, all or nothing), the summary, --review, --out.
 *
 * Decisions made at the desk are appended under the first DIR, in a folder of their own
 * ("desk-<host>"), as a kiosk appends its records: one writer per file, so a fleet's decisions
 * gather through Syncthing without two writers ever sharing a file. A decision is appended only
 * when it differs from the latest one, so applying the same sheet twice writes nothing; what
 * differs is appended as one batch, one write and one fsync (a sheet of 20,000 applied one
 * decision at a time, each counting the file's lines and fsyncing, took 44 s; as one, 1.3 s). */
#include "app/cli_quotes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "app/cli_data.h"
#include "platform/paths.h"
#include "quotes/quote_review.h"
#include "quotes/quotes.h"

static void usage(FILE *out) {
    fputs("usage: plankiosk quotes [--review OUT.xlsx|OUT.csv] [--apply SHEET [--by NAME]]\n"
          "                        [--out approved.yaml] [--config FILE] [--key FILE]\n"
          "                        [--since DATE] [--until DATE] [--kiosk ID]... DIR...\n"
          "The visitors' words that may be quoted on the \"You said\" slide (only answers whose\n"
          "writer said yes to being quoted), and what has been decided about them. Without an\n"
          "action it counts them: approved, hidden, waiting to be checked (and why the automatic\n"
          "check held some back). --review writes a spreadsheet with a Decision column to fill\n"
          "in (approve or hide); --apply reads it back and records the decisions under the first\n"
          "DIR (nothing at all if a cell is wrong; only what changed), by NAME (else $USER).\n"
          "--out writes the approved quotes for a shared config's you_said slide (approved_file).\n",
          out);
}

typedef struct quotes_args {
    const char *review, *apply, *by;
} quotes_args;

/* Takes --review, --apply and --by out of argv (into q) and leaves the rest, the options every
 * data command shares, in rest (rest[0] is argv[0]). Returns 0, or 2 for a usage error. */
static int take_own_options(int argc, char **argv, quotes_args *q, char **rest, int *n_rest) {
    static const char *const names[] = {"--review", "--apply", "--by"};
    const char **slots[] = {&q->review, &q->apply, &q->by};
    *n_rest = 0;
    bool options = true;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        int which = -1;
        size_t len = 0;
        if (options && i > 0 && !strcmp(a, "--")) options = false;
        for (int k = 0; options && i > 0 && k < 3 && which < 0; k++) {
            len = strlen(names[k]);
            if (!strncmp(a, names[k], len) && (a[len] == '\0' || a[len] == '=')) which = k;
        }
        if (options && i > 0 && !strncmp(a, "--min-count", 11)) {
            fputs("plankiosk quotes: --min-count is report's; quotes shows every count\n", stderr);
            return 2;
        }
        if (which < 0) {
            rest[(*n_rest)++] = argv[i];
            continue;
        }
        const char *v = a[len] == '=' ? a + len + 1 : i + 1 < argc ? argv[++i] : NULL;
        if (!v || !*v) {
            fprintf(stderr, "plankiosk quotes: %s needs a value\n", names[which]);
            return 2;
        }
        if (*slots[which]) {
            fprintf(stderr, "plankiosk quotes: %s is given twice\n", names[which]);
            return 2;
        }
        *slots[which] = v;
    }
    rest[*n_rest] = NULL;
    if (q->by && !q->apply) {
        fputs("plankiosk quotes: --by names who decided, with --apply\n", stderr);
        return 2;
    }
    return 0;
}

/* The block lists: the shipped ones for every language, then the config's moderation.block. */
static quote_blocklist *load_blocklist(const config *cfg) {
    quote_blocklist *bl = quote_blocklist_new();
    pk_error err = {{0}};
    if (!bl) return NULL;
    if (!quote_blocklist_load_dir(bl, paths_assets_dir(), &err))
        fprintf(stderr, "plankiosk quotes: the block lists: %s (going on without them)\n", err.msg);
    for (int i = 0; cfg && i < cfg->moderation.n_block; i++)
        quote_blocklist_add(bl, cfg->moderation.block_lang[i], cfg->moderation.block[i]);
    return bl;
}

static void print_summary(const quote_set *qs) {
    printf("quotes: %zu from %ld answers with consent to quote\n", qs->n, qs->consented);
    printf("  approved %ld\n  hidden %ld\n", qs->approved, qs->hidden);
    printf("  waiting to be checked %ld, of which held back by the automatic check %ld\n",
           qs->waiting + qs->held, qs->held);
    if (qs->sealed)
        printf("  sealed %ld (their words are sealed: give --key to see and check them)\n", qs->sealed);
    printf("  %ld of %ld consented answers approved (%.0f%%)\n", qs->approved, qs->consented,
           qs->consented ? 100.0 * (double)qs->approved / (double)qs->consented : 0.0);
    long by_kind[QUOTE_FLAG_KINDS];
    quote_review_held_kinds(qs, by_kind);
    for (int k = 0, any = 0; k < QUOTE_FLAG_KINDS; k++) {
        if (!by_kind[k]) continue;
        if (!any++) puts("held back because of:");
        printf("  %s %ld\n", quote_flag_name((quote_flag)(1u << k)), by_kind[k]);
    }
}

/* Every quote's key, as a jansson object used as a set (NULL when memory runs out). */
static json_t *keys_of(const quote_set *qs) {
    json_t *keys = json_object();
    for (size_t i = 0; keys && i < qs->n; i++)
        if (json_object_set_new(keys, qs->items[i].key, json_true())) return json_decref(keys), NULL;
    return keys;
}

/* Records staff's sheet: every row checked first (a wrong cell, or a key that none of the
 * records has, and nothing is written), then only what differs from the latest decision. */
static int apply_sheet(const quotes_args *q, const data_args *a, quote_set *qs, quote_decisions *d) {
    quote_review rv;
    diag_list *problems = calloc(1, sizeof *problems);
    pk_error err = {{0}};
    if (!problems) return fputs("plankiosk quotes: out of memory\n", stderr), 1;
    bool ok = quote_review_read(q->apply, &rv, problems, &err);
    json_t *keys = ok ? keys_of(qs) : NULL;
    if (ok && !keys) ok = pk_fail(&err, "out of memory");
    for (size_t i = 0; ok && i < rv.n; i++) {
        const quote_review_row *r = &rv.rows[i];
        if (r->choice == QUOTE_REVIEW_BLANK || json_object_get(keys, r->key)) continue;
        /* A CSV's cell by FILE:LINE:COL, a workbook's by its sheet and cell */
        diag_add(problems, q->apply, r->line, r->col, "%s%s%s is not a quote in the records read (another "
                 "kiosk's or consultation's folder, or a key that was changed?)", r->line ? "" : r->cell,
                 r->line ? "" : ": ", r->key);
    }
    json_decref(keys);
    if (!ok || problems->count) {
        if (problems->count) diag_print(problems, stderr);
        else fprintf(stderr, "plankiosk quotes: %s\n", err.msg);
        fprintf(stderr, "plankiosk quotes: nothing was applied; put %s right and apply it again\n",
                problems->count > 1 ? "these" : "this");
        free(problems);
        quote_review_free(&rv);
        return 1;
    }
    free(problems);
    char host[128] = "", writer[160];
    if (gethostname(host, sizeof host - 1) != 0 || !host[0]) snprintf(host, sizeof host, "desk");
    host[strcspn(host, "/.")] = '\0'; /* a folder's name: the short host name */
    snprintf(writer, sizeof writer, "desk-%s", host);
    const char *by = q->by ? q->by : getenv("USER");
    if (!by || !*by) by = "staff";
    long approved = 0, hidden = 0, unchanged = 0;
    int rc = 0;
    /* What changed, appended as one batch: one write and one fsync for the whole sheet. */
    quote_decision_item *todo = calloc(rv.n ? rv.n : 1, sizeof *todo);
    size_t n_todo = 0;
    if (!todo) {
        quote_review_free(&rv);
        return fputs("plankiosk quotes: out of memory; nothing was applied\n", stderr), 1;
    }
    for (size_t i = 0; i < rv.n; i++) {
        const quote_review_row *r = &rv.rows[i];
        quote_verdict latest;
        if (r->choice == QUOTE_REVIEW_BLANK) continue;
        if (quote_decisions_latest(d, r->key, &latest, NULL, NULL) && (int)latest == (int)r->choice) {
            unchanged++;
            continue;
        }
        todo[n_todo++] = (quote_decision_item){r->key, (quote_verdict)r->choice};
        if (r->choice == QUOTE_REVIEW_APPROVE) approved++;
        else hidden++;
    }
    if (!quote_decisions_append_many(d, a->dirs[0], writer, todo, n_todo, by, time(NULL), &err)) {
        fprintf(stderr, "plankiosk quotes: %s\nplankiosk quotes: nothing was recorded (or, where the disk "
                        "filled part-way, only some); applying the sheet again records the rest\n",
                err.msg);
        approved = hidden = 0;
        rc = 1;
    }
    free(todo);
    printf("%ld approved, %ld hidden, %ld left blank, %ld unchanged\n", approved, hidden, rv.blank, unchanged);
    if (approved + hidden)
        printf("recorded in %s/%s/%s/%s\n", a->dirs[0], writer, QUOTE_DECISIONS_DIR, QUOTE_DECISIONS_FILE);
    quote_review_free(&rv);
    quotes_apply_decisions(qs, d);
    return rc;
}

static bool write_approved(FILE *out, const void *ctx, pk_error *err) {
    return quotes_write_approved(out, ctx, err);
}

static bool has_ext(const char *path, const char *ext) {
    const char *dot = strrchr(path, '.');
    return dot && !strchr(dot, '/') && !strcasecmp(dot + 1, ext);
}

int cli_quotes(int argc, char **argv) {
    quotes_args q = {0};
    data_args a;
    char **rest = calloc((size_t)argc + 1, sizeof *rest);
    int n_rest = 0;
    if (!rest) return fputs("plankiosk quotes: out of memory\n", stderr), 1;
    int rc = take_own_options(argc, argv, &q, rest, &n_rest);
    if (rc) {
        usage(stderr);
        free(rest);
        return rc;
    }
    rc = cli_data_parse(n_rest, rest, &a, usage);
    if (rc == 0 && a.out && (has_ext(a.out, "xlsx") || has_ext(a.out, "csv"))) {
        fprintf(stderr, "plankiosk quotes: --out writes approved.yaml for a config; for a spreadsheet "
                        "to check, give --review %s\n", a.out);
        rc = 2;
    } else if (rc == 0 && a.out && has_ext(a.out, "jsonl")) {
        /* a kiosk's log or a decisions file: the inputs' own names, never an output's */
        fprintf(stderr, "plankiosk quotes: --out %s: a .jsonl name is a log's; give approved.yaml\n", a.out);
        rc = 2;
    }
    if (rc != 0) {
        cli_data_args_free(&a);
        free(rest);
        return rc < 0 ? 0 : rc;
    }
    export_set set = {0};
    quote_set qs = {0};
    quote_decisions *d = quote_decisions_new();
    quote_blocklist *bl = NULL;
    diag_list *problems = calloc(1, sizeof *problems);
    pk_error err = {{0}};
    /* Scanned: the quotes are gathered a record at a time, so a fleet's year is not all in memory. */
    rc = !d || !problems ? (fputs("plankiosk quotes: out of memory\n", stderr), 1) : cli_data_collect(&a, &set, true);
    if (rc == 0) {
        export_print_summary(&set, stderr);
        bl = load_blocklist(a.cfg);
        if (!quote_decisions_read(d, a.dirs, a.n_dirs, problems, &err) ||
            !quotes_collect(&qs, &set, a.cfg, bl, d, &err)) {
            fprintf(stderr, "plankiosk quotes: %s\n", err.msg);
            rc = 1;
        }
        /* A damaged decision line is skipped (the rest still count): say where. */
        diag_print(problems, stderr);
    }
    if (rc == 0 && q.apply) rc = apply_sheet(&q, &a, &qs, d);
    if (rc == 0) print_summary(&qs);
    if (rc == 0 && q.review) {
        if (quote_review_write(q.review, &qs, a.cfg, &set, &err))
            printf("wrote %s: %zu quotes, %ld to check first; fill in the Decision column, then: "
                   "plankiosk quotes --apply %s %s\n", q.review, qs.n, qs.waiting + qs.held, q.review, a.dirs[0]);
        else
            rc = (fprintf(stderr, "plankiosk quotes: %s; nothing was written\n", err.msg), 1);
    }
    if (rc == 0 && a.out) {
        if (export_write_file(a.out, &set, write_approved, &qs, &err))
            printf("wrote %s: %ld approved quotes, for a you_said slide's approved_file\n", a.out, qs.approved);
        else
            rc = (fprintf(stderr, "plankiosk quotes: %s; nothing was written\n", err.msg), 1);
    }
    if (rc == 0 && set.wrong_key) rc = 1; /* as export does: a wrong key is not a success */
    free(problems);
    quote_blocklist_free(bl);
    quote_decisions_free(d);
    quote_set_free(&qs);
    export_set_free(&set);
    cli_data_args_free(&a);
    free(rest);
    return rc;
}
