/* report_quotes: the "Quotes for the screen" section: how many of the visitors' words that may be
 * quoted a person has approved for the "You said" slide, hidden, or not yet checked (and why the
 * automatic check held some back), the share of consented answers approved, and the approved
 * quotes themselves, newest first, as the screen may show them.
 *
 * Only approved words are printed: a board may pass the report around, and a quote that waits
 * or was hidden may hold a phone number or worse, so those are counted, never shown. The
 * decisions are read from the folders the records came from (report_options.dirs), as
 * `plankiosk quotes` reads them, so the two agree.
 *
 * Gathered in the report's one pass over the records (quotes_add_record per record), so a
 * scanned set is still never all in memory. */
#include <stdlib.h>
#include <string.h>

#include "export/report_parts.h"
#include "quotes/quote_review.h"

#define SHOWN_MAX 300 /* approved quotes printed; the rest are counted */

struct report_quotes {
    quote_set qs;
    quote_blocklist *bl;
    quote_decisions *d;
    const config *cfg;
};

bool report_quotes_begin(report_ctx *x) {
    report_quotes *q = x->quotes = calloc(1, sizeof *x->quotes);
    if (!q || !(q->d = quote_decisions_new()) || !(q->bl = quote_blocklist_new())) return false;
    q->cfg = x->set->cfg;
    /* A block list or a decision file that cannot be read costs the check, not the report:
     * `plankiosk quotes` names the problem. */
    pk_error ignored;
    quote_blocklist_load_dir(q->bl, x->assets_dir, &ignored);
    for (int i = 0; q->cfg && i < q->cfg->moderation.n_block; i++)
        quote_blocklist_add(q->bl, q->cfg->moderation.block_lang[i], q->cfg->moderation.block[i]);
    if (x->opt->n_dirs > 0) quote_decisions_read(q->d, x->opt->dirs, x->opt->n_dirs, NULL, &ignored);
    return true;
}

bool report_quotes_add(report_ctx *x, const export_record *r) {
    report_quotes *q = x->quotes;
    return quotes_add_record(&q->qs, q->cfg, r->json, r->answers, q->bl);
}

void report_quotes_end(report_ctx *x) { quotes_apply_decisions(&x->quotes->qs, x->quotes->d); }

void report_quotes_free(report_ctx *x) {
    report_quotes *q = x->quotes;
    if (!q) return;
    quote_set_free(&q->qs);
    quote_blocklist_free(q->bl);
    quote_decisions_free(q->d);
    free(q);
    x->quotes = NULL;
}

static double share(long n, long of) { return of ? 100.0 * (double)n / (double)of : 0.0; }

void report_quotes_summary_line(report_ctx *x) {
    const quote_set *qs = x->quotes ? &x->quotes->qs : NULL;
    if (!qs || !qs->consented) return;
    char n[48], of[48], waiting[48];
    fprintf(x->f, "<p class=\"asked\"><a href=\"#quotes\">Quotes for the screen</a>: %s of %s consented "
                  "answers approved (%.0f%%), %s waiting to be checked.</p>\n",
            count_str(qs->approved, n, sizeof n), count_str(qs->consented, of, sizeof of),
            share(qs->approved, qs->consented), count_str(qs->waiting + qs->held, waiting, sizeof waiting));
}

/* The age band in the config's words for it, else its id made readable. */
static const char *age_label(const report_ctx *x, const quote_item *it, char *buf, size_t size) {
    const config *cfg = x->set->cfg;
    for (int c = 0; cfg && c < cfg->n_consultations; c++) {
        const consultation *k = &cfg->consultations[c];
        if (strcmp(k->id, it->consultation ? it->consultation : "")) continue;
        for (int i = 0; i < k->n_questions; i++)
            if (k->questions[i].type == Q_AGE_BAND)
                return report_option_label(x, &k->questions[i], it->age_band, buf, size);
    }
    return report_theme_label(it->age_band, buf, size);
}

static void write_approved_quote(FILE *f, const report_ctx *x, const quote_item *it) {
    char day[32], age[256];
    /* lang and dir="auto": an Urdu quote is set right to left, and read in its own language. */
    fputs("<blockquote class=\"comment approved\"><p class=\"text\" dir=\"auto\"", f);
    if (it->lang) {
        fputs(" lang=\"", f);
        html_text(f, it->lang);
        fputs("\"", f);
    }
    fputs(">", f);
    html_text(f, it->text);
    fputs("</p><p class=\"who\">", f);
    html_text(f, it->name ? it->name : "Anonymous");
    if (it->age_band) {
        fputs(" \xC2\xB7 ", f);
        html_text(f, age_label(x, it, age, sizeof age));
    }
    if (it->lang) {
        fputs(" \xC2\xB7 ", f);
        html_text(f, report_language_name(it->lang));
    }
    if (it->utc > 0) {
        fputs(" \xC2\xB7 ", f);
        html_text(f, date_format_short(date_from_time((time_t)it->utc), day, sizeof day));
    }
    fputs("</p></blockquote>\n", f);
}

static void count_row(FILE *f, const char *what, long n, const char *note) {
    char num[48];
    fputs("<tr><th>", f);
    html_text(f, what);
    fprintf(f, "</th><td>%s</td>", count_str(n, num, sizeof num));
    if (note) {
        fputs("<td class=\"share\">", f);
        html_text(f, note);
        fputs("</td>", f);
    }
    fputs("</tr>\n", f);
}

void report_quotes_write(report_ctx *x) {
    const quote_set *qs = x->quotes ? &x->quotes->qs : NULL;
    FILE *f = x->f;
    if (!qs) return;
    char num[48], of[48], note[96];
    report_toc_add(&x->toc, 1, "quotes", "Quotes for the screen");
    fputs("<section class=\"quotes\" id=\"quotes\">\n<h2>Quotes for the screen</h2>\n"
          "<p class=\"note\">Visitors who said yes to being quoted may see their words on the kiosk's "
          "\xE2\x80\x9CYou said\xE2\x80\x9D slide, but only after a person has approved them. This section shows the "
          "approved words only; the others are counted.</p>\n",
          f);
    fprintf(f, "<p class=\"asked\"><strong>%s of %s consented answers approved (%.0f%%)</strong></p>\n",
            count_str(qs->approved, num, sizeof num), count_str(qs->consented, of, sizeof of),
            share(qs->approved, qs->consented));
    fputs("<table class=\"totals quote-counts\">\n", f);
    count_row(f, "Approved", qs->approved, NULL);
    count_row(f, "Hidden", qs->hidden, NULL);
    snprintf(note, sizeof note, "%ld held back by the automatic check", qs->held);
    count_row(f, "Waiting to be checked", qs->waiting + qs->held, qs->held ? note : NULL);
    if (qs->sealed) count_row(f, "Sealed (make the report with --key to count them)", qs->sealed, NULL);
    fputs("</table>\n", f);

    /* Why the check held words back, by kind: what staff will be looking at. */
    long by_kind[QUOTE_FLAG_KINDS];
    quote_review_held_kinds(qs, by_kind);
    int kinds = 0;
    for (int k = 0; k < QUOTE_FLAG_KINDS; k++) {
        if (!by_kind[k]) continue;
        if (!kinds++) fputs("<table class=\"totals held-back\"><caption>Held back because of</caption>\n", f);
        count_row(f, quote_flag_name((quote_flag)(1u << k)), by_kind[k], NULL);
    }
    if (kinds) fputs("</table>\n", f);

    fputs("<h3>Approved, newest first</h3>\n", f);
    long shown = 0;
    for (size_t i = 0; i < qs->n && shown < SHOWN_MAX; i++)
        if (qs->items[i].state == QUOTE_APPROVED) write_approved_quote(f, x, &qs->items[i]), shown++;
    if (!qs->approved)
        fputs("<p class=\"note\">None yet. Staff approve quotes on the kiosk (staff mode) or with "
              "plankiosk quotes --review and --apply.</p>\n",
              f);
    else if (qs->approved > shown)
        fprintf(f, "<p class=\"note\">The newest %ld are shown; plankiosk quotes --review lists all %s.</p>\n",
                shown, count_str(qs->approved, num, sizeof num));
    fputs("</section>\n", f);
}
