/* report: the page, put together (the contract is in report.h; the parts in report_parts.h).
 *
 * First everything is counted (report_overview.c, report_questions.c); then page one, the charts,
 * the question sections and the comments are written, each into memory, while the table of
 * contents collects their sections. Only then is the page written out: its <head> carries the
 * fonts cut to the characters the body holds (report_fonts.c), so the body has to exist
 * first. The comments that do not fit in the page go to the appendix's pages in a folder beside
 * it, each written the same way, all or nothing, with the same fonts (cut once, to what all of
 * them use). */
#include "export/report.h"
#include "platform/kiosk_status.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/config.h"
#include "config/ui_text.h"
#include "export/report_parts.h"
#include "platform/paths.h"

/* ---- labels ---------------------------------------------------------------------------- */

const char *report_theme_label(const char *id, char *buf, size_t size) {
    if (!buf || size == 0) return buf;
    if (!id || !*id || strcmp(id, REPORT_NO_THEME_KEY) == 0) {
        snprintf(buf, size, "%s", REPORT_NO_THEME_LABEL);
    } else if (strcmp(id, "other") == 0) {
        snprintf(buf, size, "%s", ui_text_default(UI_SOMETHING_ELSE));
    } else {
        snprintf(buf, size, "%s", id);
        for (char *p = buf; *p; p++)
            if (*p == '-' || *p == '_') *p = ' ';
        if (buf[0] >= 'a' && buf[0] <= 'z') buf[0] = (char)(buf[0] - 'a' + 'A');
    }
    return buf;
}

const char *report_nonempty(const char *s) { return s && *s ? s : NULL; }

const char *report_option_label(const report_ctx *x, const question *q, const char *id, char *buf,
                                size_t size) {
    int o = q ? consult_option_index(q, id) : -1;
    if (o >= 0) return q->options[o].label;
    const config *cfg = x->set->cfg;
    for (int i = 0; cfg && i < cfg->n_themes; i++)
        if (!strcmp(cfg->themes[i].id, id)) return cfg->themes[i].name;
    if (cfg && !strcmp(id, "other")) return cfg->feedback.ui[UI_SOMETHING_ELSE];
    return report_theme_label(id, buf, size);
}

/* The languages a kiosk speaks, by the names an English reader knows them by. Data: a new
 * language is a new row (journey/languages.c has their own names for the picker). */
const char *report_language_name(const char *code) {
    static const struct {
        const char *code, *name;
    } names[] = {
        {"en", "English"},   {"ur", "Urdu"},      {"pl", "Polish"},     {"sk", "Slovak"},
        {"cs", "Czech"},     {"ro", "Romanian"},  {"pa", "Punjabi"},    {"ar", "Arabic"},
        {"bn", "Bengali"},   {"so", "Somali"},    {"ku", "Kurdish"},    {"fa", "Persian"},
        {"uk", "Ukrainian"}, {"hu", "Hungarian"}, {"lt", "Lithuanian"}, {"lv", "Latvian"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(names[i].code, code)) return names[i].name;
    return code;
}

/* Days since 1970-01-01 of a civil date, and back (Howard Hinnant's algorithms). */
long report_day_number(pk_date d) {
    long y = d.year - (d.month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + (d.day ? d.day : 1) - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

pk_date report_date_of_day(long z) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    pk_date d;
    d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    d.year = (int)(yoe + era * 400 + (d.month <= 2));
    return d;
}

void report_said_id(const consultation *k, const char *text_id, char *buf, size_t size) {
    if (k)
        snprintf(buf, size, "said-%s-%s", k->id, text_id);
    else
        snprintf(buf, size, "said-first-journey");
}

void report_toc_add(report_toc *t, int level, const char *id, const char *label) {
    if (!grow(&t->e, &t->cap, t->n, sizeof *t->e, 32))
        return; /* the contents lose a line; the page does not */
    report_toc_entry *e = &t->e[t->n++];
    e->level = level;
    snprintf(e->id, sizeof e->id, "%s", id);
    snprintf(e->label, sizeof e->label, "%s", label);
}

/* ---- the questions that play a part ---------------------------------------------------- */

static void roles_of_consultation(report_roles *ro, const consultation *k) {
    memset(ro, 0, sizeof *ro);
    ro->k = k;
    for (int i = 0; i < k->n_questions; i++) {
        const question *q = &k->questions[i];
        if (!ro->themes_q && q->type == Q_CHOICES && q->from_themes) ro->themes_q = q;
        if (!ro->rating_q && (q->type == Q_FACES || q->type == Q_SCALE)) ro->rating_q = q;
        if (!ro->text_q && q->type == Q_TEXT) ro->text_q = q;
        if (!ro->age_q && q->type == Q_AGE_BAND) ro->age_q = q;
        if (!ro->name && q->type == Q_FIRST_NAME) ro->name = q->id;
        if (!ro->consent && q->type == Q_CONSENT) ro->consent = q->id;
    }
    /* without a themes question, the first with options stands for it */
    for (int i = 0; !ro->themes_q && i < k->n_questions; i++)
        if (k->questions[i].type == Q_CHOICES || k->questions[i].type == Q_CHOICE)
            ro->themes_q = &k->questions[i];
    ro->themes = ro->themes_q ? ro->themes_q->id : NULL;
    ro->rating = ro->rating_q ? ro->rating_q->id : NULL;
    ro->text = ro->text_q ? ro->text_q->id : NULL;
    ro->age = ro->age_q ? ro->age_q->id : NULL;
    if (ro->rating_q) {
        bool faces = ro->rating_q->type == Q_FACES;
        ro->rating_lo = faces ? 1 : ro->rating_q->min_value;
        ro->rating_hi = faces ? ro->rating_q->n_options : ro->rating_q->max_value;
    }
}

/* The first journey's questions, by the ids its records are read under (export.h). */
static void roles_of_first_journey(report_roles *ro) {
    memset(ro, 0, sizeof *ro);
    ro->themes = "themes", ro->rating = "rating", ro->text = "text", ro->age = "age_band";
    ro->name = "name", ro->consent = "consent_quote";
    ro->rating_lo = 1, ro->rating_hi = 5;
}

static bool roles_make(report_ctx *x) {
    const config *cfg = x->set->cfg;
    x->n_roles = (cfg ? cfg->n_consultations : 0) + 1;
    x->roles = calloc((size_t)x->n_roles, sizeof *x->roles);
    if (!x->roles) return false;
    for (int i = 0; i + 1 < x->n_roles; i++)
        roles_of_consultation(&x->roles[i], &cfg->consultations[i]);
    roles_of_first_journey(&x->roles[x->n_roles - 1]);
    return true;
}

int report_consultation_of(const report_ctx *x, const export_record *r) {
    for (int i = 0; r->consultation && i + 1 < x->n_roles; i++)
        if (!strcmp(x->roles[i].k->id, r->consultation)) return i;
    return -1;
}

/* ---- the page -------------------------------------------------------------------------- */

static const char style[] =
    "@page { size: A4; margin: 14mm 14mm 16mm;\n"
    "  @bottom-center { content: \"Page \" counter(page) \" of \" counter(pages); font-size: "
    "8.5pt;\n"
    "    font-family: \"PK Sans\", \"Noto Sans\", Arial, sans-serif; color: #555; } }\n"
    "body { font-family: \"PK Sans\", \"PK Naskh\", \"Noto Sans\", \"Noto Naskh Arabic UI\", "
    "\"Segoe UI\",\n"
    "  Arial, sans-serif; color: #1a1a1a; max-width: 52em; margin: 2em auto; padding: 0 1em;\n"
    "  line-height: 1.45; }\n"
    "h1 { font-size: 1.9em; margin: 0 0 0.2em; }\n"
    "h2 { font-size: 1.35em; margin-top: 1.6em; border-bottom: 2px solid #2b6cb0; }\n"
    "h3 { font-size: 1.1em; margin-bottom: 0.3em; }\n"
    "a { color: #1c4f8c; }\n"
    "p.range { color: #444; margin-top: 0; }\n"
    "table { border-collapse: collapse; }\n"
    "table caption { font-weight: bold; text-align: left; }\n"
    "table.totals th, table.by-language th, table.by-age th { text-align: left; font-weight: "
    "normal;\n"
    "  padding: 0.1em 1.5em 0.1em 0; }\n"
    "table.totals td, table.by-language td, table.by-age td { text-align: right; font-weight: "
    "bold;\n"
    "  padding: 0.1em 0 0.1em 0.8em; }\n"
    "td.share { font-weight: normal !important; color: #555; }\n"
    "table.kiosks, table.headlines { width: 100%; }\n"
    "table.kiosks th, table.kiosks td, table.headlines th, table.headlines td { text-align: left;\n"
    "  vertical-align: top; padding: 0.15em 0.6em 0.15em 0; border-bottom: 1px solid #ccd; }\n"
    "table.headlines th { white-space: nowrap; }\n"
    "table.headlines td:nth-child(2), table.kiosks td:nth-child(3) { text-align: right;\n"
    "  padding-right: 1em; }\n"
    "div.columns { display: flex; gap: 2.5em; align-items: flex-start; }\n"
    "div.columns > table { flex: 0 1 auto; }\n"
    "p.asked { margin: 0.3em 0; }\n"
    "p.made { color: #444; font-size: 0.9em; margin-top: 1em; }\n"
    "nav.toc ol { padding-left: 1.5em; }\n"
    "nav.toc > ol > li { margin-top: 0.3em; }\n"
    "figure.chart { margin: 1.2em 0; }\n"
    "figure.chart figcaption { font-weight: bold; margin-bottom: 0.3em; }\n"
    "figure.chart svg { max-width: 100%; height: auto; }\n"
    "svg text { font-size: 13px; fill: #1a1a1a; }\n"
    "svg rect.bar { fill: #2b6cb0; }\n"
    "p.note { color: #555; font-size: 0.9em; }\n"
    "div.words { margin: 0.4em 0 0.8em; padding: 0.4em 0.8em; border: 1px solid #ccd; }\n"
    "div.words p { margin: 0.2em 0; }\n"
    "span.what { font-weight: bold; }\n"
    "span.entry { unicode-bidi: isolate; }\n"
    "span.refs, span.refs a { color: #555; font-size: 0.85em; }\n"
    "blockquote.comment { margin: 0.7em 0; padding: 0.5em 1em; border-left: 4px solid #2b6cb0;\n"
    "  background: #f3f6fa; }\n"
    "blockquote.comment p { margin: 0; }\n"
    "blockquote.comment p.text { white-space: pre-line; margin-bottom: 0.3em; }\n"
    "blockquote.comment p.who { color: #555; font-size: 0.9em; }\n"
    "blockquote.comment { position: relative; }\n"
    "blockquote.comment span.num { position: absolute; right: 0.8em; bottom: 0.5em; color: #777;\n"
    "  font-size: 0.8em; }\n"
    "span.n { font-weight: normal; color: #555; }\n"
    "blockquote.comment p.also { color: #555; font-size: 0.9em; margin-bottom: 0.2em; }\n"
    "span.quote { color: #276749; font-weight: bold; }\n"
    "span.noquote { color: #555; font-style: italic; }\n"
    "details.more summary { cursor: pointer; color: #1c4f8c; }\n"
    "table.rank, table.number { border-collapse: collapse; margin: 0.6em 0; }\n"
    "table.rank th, table.rank td, table.number th, table.number td { padding: 0.2em 0.8em;\n"
    "  border-bottom: 1px solid #ccd; text-align: left; }\n"
    "svg circle.pin { fill: #c53030; fill-opacity: 0.3; }\n"
    "@media print {\n"
    "  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }\n"
    "  a { color: inherit; text-decoration: none; }\n"
    "  section.page-one { page-break-after: always; break-after: page; font-size: 9.5pt;\n"
    "    line-height: 1.3; }\n"
    "  section.page-one h2 { font-size: 1.2em; margin: 0.9em 0 0.3em; }\n"
    "  nav.toc { page-break-after: always; break-after: page; font-size: 9.5pt; }\n"
    "  nav.toc > ol { columns: 2; column-gap: 2em; }\n"
    "  nav.toc > ol > li { break-inside: avoid; }\n"
    "  figure.chart, blockquote.comment, table.totals, div.words, tr { page-break-inside: avoid;\n"
    "    break-inside: avoid; }\n"
    "  h2, h3, figcaption { page-break-after: avoid; break-after: avoid; }\n"
    "  blockquote.comment { background: none; }\n"
    "  details.more { display: none; }\n"
    "}\n";

/* The page's title: the plan's, as the records name it. */
static const char *page_title(const report_ctx *x) {
    return x->c.titles.n                            ? x->c.titles.bars[0].key
           : x->set->cfg && x->set->cfg->plan.title ? x->set->cfg->plan.title
                                                    : "Feedback";
}

static void range(FILE *f, const report_ctx *x) {
    const export_filter *filter = x->opt->filter;
    char from[32] = "", to[32] = "";
    /* The range: what was asked for, else what the records span. */
    if (filter && filter->has_since)
        date_format_short(filter->since, from, sizeof from);
    else if (x->set->n)
        date_format_short(x->c.first, from, sizeof from);
    if (filter && filter->has_until)
        date_format_short(filter->until, to, sizeof to);
    else if (x->set->n)
        date_format_short(x->c.last, to, sizeof to);
    fputs("<p class=\"range\">What visitors said", f);
    if (from[0] && to[0] && strcmp(from, to) == 0) {
        fputs(" on ", f);
        html_text(f, from);
    } else {
        if (from[0]) {
            fputs(" from ", f);
            html_text(f, from);
        }
        if (to[0]) {
            fputs(from[0] ? " to " : " until ", f);
            html_text(f, to);
        }
    }
    fputs("</p>\n", f);
}

static void contents(FILE *f, const report_toc *t) {
    fputs("<nav class=\"toc\" id=\"contents\">\n<h2>Contents</h2>\n<ol>\n"
          "<li><a href=\"#summary\">Summary (page one)</a></li>\n",
          f);
    for (size_t i = 0; i < t->n; i++) {
        const report_toc_entry *e = &t->e[i];
        bool opens = e->level == 1 && i + 1 < t->n && t->e[i + 1].level == 2;
        fprintf(f, "<li><a href=\"#%s\">", e->id);
        html_text(f, e->label);
        fputs(opens ? "</a>\n<ol>\n" : "</a></li>\n", f);
        if (e->level == 2 && (i + 1 == t->n || t->e[i + 1].level == 1)) fputs("</ol></li>\n", f);
    }
    fputs("</ol>\n</nav>\n", f);
}

/* A part written into memory, to be put into the page once the fonts are known. */
typedef struct part {
    char *text;
    size_t len;
    FILE *f;
} part;

static bool part_open(part *p) {
    p->text = NULL, p->len = 0;
    p->f = open_memstream(&p->text, &p->len);
    return p->f != NULL;
}

static bool part_close(part *p) {
    if (!p->f) return false;
    bool ok = !ferror(p->f);
    ok = fclose(p->f) == 0 && ok;
    p->f = NULL;
    return ok;
}

/* The @font-face rules for the characters of parts[0..n-1] and title (a string to free). */
static char *fonts_for(const report_ctx *x, const part *parts, size_t n, const char *title) {
    report_charset *cs = report_charset_new();
    part css = {0};
    if (!cs || !part_open(&css)) {
        report_charset_free(cs);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) report_charset_add(cs, parts[i].text, parts[i].len);
    report_charset_add(cs, title, strlen(title));
    char fonts[1100];
    snprintf(fonts, sizeof fonts, "%s/fonts", x->assets_dir);
    report_fonts_write(css.f, cs, fonts);
    report_charset_free(cs);
    if (!part_close(&css)) {
        free(css.text);
        return NULL;
    }
    return css.text;
}

static void head(FILE *out, const char *title, const char *fonts) {
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>",
          out);
    html_text(out, title);
    fputs("</title>\n<style>\n", out);
    fputs(style, out);
    if (fonts) fputs(fonts, out);
    fputs("</style>\n</head>\n<body>\n", out);
}

/* ---- the appendix's pages -------------------------------------------------------------- */

typedef struct page {
    part body;
    char label[600], back_id[200];
} page;

struct report_pages {
    page **p; /* each page where it is: its open memstream points into it */
    size_t n, cap;
};

FILE *report_page_open(report_ctx *x, const char *label, const char *back_id) {
    struct report_pages *ps = x->pages;
    if (!ps && !(ps = x->pages = calloc(1, sizeof *ps))) return NULL;
    page *pg = grow(&ps->p, &ps->cap, ps->n, sizeof *ps->p, 16) ? calloc(1, sizeof *pg) : NULL;
    if (!pg || !part_open(&pg->body)) {
        free(pg);
        return NULL;
    }
    ps->p[ps->n++] = pg;
    snprintf(pg->label, sizeof pg->label, "%s", label);
    snprintf(pg->back_id, sizeof pg->back_id, "%s", back_id);
    return pg->body.f;
}

static void pages_free(struct report_pages *ps) {
    for (size_t i = 0; ps && i < ps->n; i++) {
        part_close(&ps->p[i]->body);
        free(ps->p[i]->body.text);
        free(ps->p[i]);
    }
    if (ps) free(ps->p);
    free(ps);
}

typedef struct page_job {
    const report_ctx *x;
    size_t i; /* from 0 */
    const char *title, *fonts;
} page_job;

static void page_nav(FILE *out, const page_job *job) {
    const report_ctx *x = job->x;
    const struct report_pages *ps = x->pages;
    fputs("<p class=\"range\">", out);
    if (x->opt->report_href) {
        fprintf(out, "<a href=\"%s#%s\">Back to the report</a>", x->opt->report_href,
                ps->p[job->i]->back_id);
    }
    if (job->i > 0)
        fprintf(out, "%s<a href=\"%zu.html\">Previous page</a>",
                x->opt->report_href ? " \xC2\xB7 " : "", job->i);
    if (job->i + 1 < ps->n)
        fprintf(out, "%s<a href=\"%zu.html\">Next page</a>",
                x->opt->report_href || job->i > 0 ? " \xC2\xB7 " : "", job->i + 2);
    fputs("</p>\n", out);
}

static bool write_page(FILE *out, const void *ctx, pk_error *err) {
    const page_job *job = ctx;
    const page *pg = job->x->pages->p[job->i];
    char title[800];
    snprintf(title, sizeof title, "%s: what people said, page %zu of %zu", job->title, job->i + 1,
             job->x->pages->n);
    head(out, title, job->fonts);
    fputs("<header><h1>", out);
    html_text(out, job->title);
    fputs("</h1>\n", out);
    page_nav(out, job);
    fputs("</header>\n", out);
    fwrite(pg->body.text, 1, pg->body.len, out);
    page_nav(out, job);
    fputs("</body>\n</html>\n", out);
    if (ferror(out))
        return pk_fail(err, "writing a page of comments failed: %s",
                       errno ? strerror(errno) : "error");
    return true;
}

/* Every page into the folder (made if need be), then any page of an earlier report numbered
 * past the last taken away, so the folder holds this report's pages only. */
static bool write_pages(const report_ctx *x, const char *title, pk_error *err) {
    struct report_pages *ps = x->pages;
    const char *dir = x->opt->appendix_path;
    if (mkdir(dir, 0755) != 0 && errno != EEXIST)
        return pk_fail(err, "%s: cannot make the folder for the comments: %s", dir,
                       strerror(errno));
    part *all = malloc(ps->n * sizeof *all + 1);
    if (!all) return pk_fail(err, "out of memory");
    for (size_t i = 0; i < ps->n; i++) all[i] = ps->p[i]->body;
    char *fonts = fonts_for(x, all, ps->n, title);
    free(all);
    bool ok = true;
    for (size_t i = 0; ok && i < ps->n; i++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%zu.html", dir, i + 1);
        page_job job = {x, i, title, fonts};
        ok = export_write_file(path, x->set, write_page, &job, err);
    }
    for (size_t i = ps->n + 1; ok; i++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%zu.html", dir, i);
        if (unlink(path) != 0) break;
    }
    free(fonts);
    return ok;
}

static void ctx_free(report_ctx *x) {
    pages_free(x->pages);
    report_overview_free(&x->c);
    report_comments_free(x);
    report_questions_free(x);
    report_quotes_free(x);
    free(x->roles);
    free(x->toc.e);
}

bool report_write_with(FILE *out, const export_set *set, const report_options *opt, pk_error *err) {
    report_options none = {0};
    report_ctx x = {.set = set, .opt = opt ? opt : &none};
    x.min_count = x.opt->min_count > 1    ? x.opt->min_count
                  : x.opt->min_count == 1 ? 1
                                          : REPORT_MIN_COUNT;
    x.comments_inline =
        x.opt->comments_inline > 0 ? x.opt->comments_inline : REPORT_COMMENTS_INLINE;
    snprintf(x.assets_dir, sizeof x.assets_dir, "%s",
             x.opt->assets_dir ? x.opt->assets_dir : paths_assets_dir());
    x.per_page = x.opt->comments_per_page > 0 ? x.opt->comments_per_page : REPORT_COMMENTS_PER_PAGE;
    x.paged = x.opt->appendix_path && x.opt->appendix_href;
    x.appendix_href = x.opt->appendix_href;
    part one = {0}, rest = {0}, toc = {0};
    bool ok = roles_make(&x) && report_overview_begin(&x) && report_questions_begin(&x) &&
              report_comments_begin(&x) && report_quotes_begin(&x);
    /* One pass over the records for every part, each record let go once read: its JSON is
     * looked at while it is in the cache, and a set that was only scanned (export_scan) is
     * never all in memory. */
    export_record r;
    pk_error read_err = {{0}};
    for (size_t i = 0; ok && i < set->n; i++) {
        if (!export_record_get(set, i, &r, &read_err)) break;
        int ci = report_consultation_of(&x, &r);
        const char *q = ci < 0 && !x.first_question[0]
                            ? report_nonempty(export_field_str(r.json, "question"))
                            : NULL;
        if (q) snprintf(x.first_question, sizeof x.first_question, "%s", q);
        report_overview_add(&x, &r, &x.roles[ci >= 0 ? ci : x.n_roles - 1]);
        ok = report_questions_add(&x, &r, ci) && report_comments_add(&x, &r, ci) && report_quotes_add(&x, &r);
        export_record_release(set, &r);
    }
    if (read_err.msg[0]) {
        ctx_free(&x);
        return pk_fail(err, "%s", read_err.msg);
    }
    if (ok) report_overview_end(&x), report_questions_end(&x), report_quotes_end(&x);
    ok = ok && part_open(&one) && part_open(&rest) && part_open(&toc);
    if (!ok) {
        part_close(&one), part_close(&rest), part_close(&toc);
        free(one.text), free(rest.text), free(toc.text);
        ctx_free(&x);
        return pk_fail(err, "out of memory while counting the feedback");
    }
    x.f = one.f;
    report_summary(&x);
    x.f = rest.f;
    report_overview_charts(&x);
    report_questions_write(&x);
    ok = report_comments(&x, err);
    report_quotes_write(&x);
    contents(toc.f, &x.toc);
    ok = part_close(&one) && part_close(&rest) && part_close(&toc) && ok;
    for (size_t i = 0; ok && x.pages && i < x.pages->n; i++) ok = part_close(&x.pages->p[i]->body);

    const char *title = page_title(&x);
    if (ok) {
        char full[600];
        snprintf(full, sizeof full, "%s: what visitors said", title);
        part parts[] = {one, toc, rest};
        char *fonts = fonts_for(&x, parts, 3, full);
        head(out, full, fonts);
        free(fonts);
        fputs("<header>\n<h1>", out);
        html_text(out, title);
        fputs("</h1>\n", out);
        range(out, &x);
        fputs("</header>\n", out);
        fwrite(one.text, 1, one.len, out);
        fwrite(toc.text, 1, toc.len, out);
        fwrite(rest.text, 1, rest.len, out);
        fputs("</body>\n</html>\n", out);
    }
    /* The comments past the first page of their themes, beside the report (only if there are). */
    if (ok && x.pages && x.pages->n) ok = write_pages(&x, title, err);
    free(one.text), free(rest.text), free(toc.text);
    ctx_free(&x);
    if (ok && ferror(out))
        return pk_fail(err, "writing the report failed: %s", errno ? strerror(errno) : "error");
    if (!ok && err && !err->msg[0]) pk_fail(err, "out of memory while writing the report");
    return ok;
}

bool report_write(FILE *out, const export_set *set, const export_filter *filter, pk_error *err) {
    return report_write_min(out, set, filter, REPORT_MIN_COUNT, err);
}

bool report_write_min(FILE *out, const export_set *set, const export_filter *filter, long min_count,
                      pk_error *err) {
    report_options opt = {.filter = filter, .min_count = min_count};
    return report_write_with(out, set, &opt, err);
}

void report_appendix_path(const char *out_path, char *buf, size_t size, char *name,
                          size_t name_size) {
    const char *slash = strrchr(out_path, '/');
    const char *base = slash ? slash + 1 : out_path;
    const char *dot = strrchr(base, '.');
    size_t stem = dot && dot != base ? (size_t)(dot - out_path) : strlen(out_path);
    snprintf(buf, size, "%.*s-comments", (int)stem, out_path);
    snprintf(name, name_size, "%s", buf + (base - out_path));
}

bool report_write_job(FILE *out, const void *ctx, pk_error *err) {
    const report_job *job = ctx;
    char path[4096], name[4096], back[4200];
    report_options opt = {.filter = job->filter,
                          .min_count = job->min_count ? job->min_count : REPORT_MIN_COUNT,
                          .made = job->made ? job->made : time(NULL),
                          .dirs = job->dirs,
                          .n_dirs = job->n_dirs};
    if (job->out_path && strcmp(job->out_path, "-")) {
        report_appendix_path(job->out_path, path, sizeof path, name, sizeof name);
        const char *slash = strrchr(job->out_path, '/');
        snprintf(back, sizeof back, "../%s", slash ? slash + 1 : job->out_path);
        opt.appendix_path = path, opt.appendix_href = name, opt.report_href = back;
    }
    /* A fleet's status that cannot be read is `plankiosk fleet`'s to explain; the report
     * simply goes without the table. */
    kiosk_status_fleet fleet = {0};
    pk_error ignored;
    if (job->n_dirs > 0 && kiosk_status_fleet_read(&fleet, job->dirs, job->n_dirs, opt.made, &ignored))
        opt.fleet = &fleet;
    bool ok = report_write_with(out, job->set, &opt, err);
    if (opt.fleet) kiosk_status_fleet_free(&fleet);
    return ok;
}
