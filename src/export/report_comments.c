/* report_comments: "What people said": every comment, listed once, under its first theme (its
 * other themes named), with the words and two-word phrases used most in that theme
 * (report_words.h), each a click away from the comments it comes from.
 *
 * A list is made for each free-text question of the config's consultations, grouped by the
 * consultation's themes question (a choices question with options_from: themes), else by the
 * question before it that has options; and one for records of a consultation the config does
 * not have (the first journey's), by their "themes".
 *
 * Size at scale: 200,000 responses hold some 140,000 comments, 40 MB of markup, which no
 * browser opens in seconds (Chromium took 38 s to show it as one page) and nobody reads on
 * paper. So a theme shows its first comments_inline comments in the page, and the rest go to
 * pages of per_page comments in a folder beside the report (about a second each to open),
 * opened only by whoever wants every word; the main page and its print stay small. (A
 * collapsed <details> would keep one file, but the 40 MB would still be parsed at every
 * opening; it is used only when there is nowhere to write beside the report, e.g. a report on
 * standard output.) Comments are numbered across the report, each number is its anchor (#m12)
 * wherever it is, and which page holds it follows from its number, so a phrase's links go
 * straight to it. */
#include <stdlib.h>
#include <string.h>

#include "export/report_parts.h"
#include "export/report_words.h"

#define TOP_TERMS 10 /* words, and phrases, shown per theme */
#define TERM_LINKS 6 /* comments linked from each; the count says how many there are */

/* A comment as the list keeps it, so that the records can be let go as they are read (a
 * report of 200,000 responses need not hold them all): its words, and what is said of it. */
typedef struct said_comment {
    char *s;                         /* one allocation: the text, then name, where and lang */
    const char *name, *where, *lang; /* into s; name "" unless its writer may be quoted */
    json_t *groups;                  /* its answer to the grouping question (a reference) */
    pk_date day;
    bool quote; /* its writer agreed to be quoted */
} said_comment;

typedef struct group {
    char key[256], label[256];
    said_comment *c; /* in the set's order */
    size_t n, cap;
    long first_anchor; /* the number of its first comment */
    int first_page;    /* the appendix page of its first comment past the page's (paged) */
} group;

typedef struct said_list {
    const consultation *k; /* NULL: the first journey's records */
    int ci;                /* its index in the config, -1 for the first journey's */
    const char *text_id, *group_id, *name_id, *consent_id;
    const question *text_q, *group_q; /* NULL: the first journey's (themes by name) */
    group *g;
    size_t n_groups, cap_groups;
    long comments;
} said_list;

struct said {
    said_list *l;
    size_t n, cap;
};
typedef struct said said;

/* The question before q that has options: free text is grouped by its answers. */
static const question *group_by(const consultation *k, const question *q) {
    const question *best = NULL;
    for (const question *p = k->questions; p < q; p++)
        if (p->type == Q_CHOICE || p->type == Q_CHOICES || p->type == Q_AGE_BAND) best = p;
    return best;
}

static said_list *new_list(said *s) {
    if (!grow(&s->l, &s->cap, s->n, sizeof *s->l, 4)) return NULL;
    said_list *l = &s->l[s->n++];
    memset(l, 0, sizeof *l);
    return l;
}

/* The lists: each text question of each consultation, then the first journey's (a list that
 * gathers no comment is not written). */
static bool make_lists(report_ctx *x, said *s) {
    for (int ci = 0; x->cs && ci < x->set->cfg->n_consultations; ci++) {
        const report_cstats *c = &x->cs[ci];
        const report_roles *ro = &x->roles[ci];
        for (int qi = 0; qi < c->k->n_questions; qi++) {
            const question *q = &c->k->questions[qi];
            if (q->type != Q_TEXT) continue;
            said_list *l = new_list(s);
            if (!l) return false;
            l->k = c->k, l->ci = ci, l->text_q = q, l->text_id = q->id;
            l->group_q = ro->themes_q ? ro->themes_q : group_by(c->k, q);
            l->group_id = l->group_q ? l->group_q->id : NULL;
            l->name_id = ro->name, l->consent_id = ro->consent;
        }
    }
    const report_roles *first = &x->roles[x->n_roles - 1];
    said_list *l = new_list(s);
    if (!l) return false;
    l->ci = -1, l->text_id = first->text, l->group_id = first->themes;
    l->name_id = first->name, l->consent_id = first->consent;
    return true;
}

static group *group_for(said_list *l, const char *key, const char *label) {
    for (size_t i = 0; i < l->n_groups; i++)
        if (!strcmp(l->g[i].key, key)) return &l->g[i];
    if (!grow(&l->g, &l->cap_groups, l->n_groups, sizeof *l->g, 8)) return NULL;
    group *g = &l->g[l->n_groups++];
    memset(g, 0, sizeof *g);
    snprintf(g->key, sizeof g->key, "%s", key);
    snprintf(g->label, sizeof g->label, "%s", label);
    return g;
}

/* The option id a comment is listed under: the first its record chose. */
static const char *first_option(const json_t *v) {
    if (json_is_string(v)) return report_nonempty(json_string_value(v));
    for (size_t k = 0; k < json_array_size(v); k++) {
        const char *id = report_nonempty(json_string_value(json_array_get(v, k)));
        if (id) return id;
    }
    return NULL;
}

static const char *text_of(const said_list *l, const export_record *r) {
    return r->sealed || !l->text_id
               ? NULL
               : report_nonempty(json_string_value(export_answer(r, l->text_id)));
}

/* The comment of r, kept: a first name (its first word) only where its writer agreed to be
 * quoted, so that nothing else is ever kept of a name. */
static bool keep(said_comment *c, const said_list *l, const export_record *r, const char *text) {
    memset(c, 0, sizeof *c);
    c->quote = l->consent_id && json_is_true(export_answer(r, l->consent_id));
    const char *name =
        c->quote && l->name_id ? json_string_value(export_answer(r, l->name_id)) : NULL;
    while (name && (*name == ' ' || *name == '\t' || *name == '\n')) name++;
    size_t n_name = name ? strcspn(name, " \t\r\n") : 0;
    const char *where = report_nonempty(export_field_str(r->json, "location"));
    if (!where) where = report_nonempty(export_field_str(r->json, "kiosk"));
    const char *lang = report_nonempty(export_field_str(r->json, "language"));
    size_t n_text = strlen(text), n_where = where ? strlen(where) : 0,
           n_lang = lang ? strlen(lang) : 2;
    if (!(c->s = malloc(n_text + n_name + n_where + n_lang + 4))) return false;
    char *p = c->s;
    memcpy(p, text, n_text + 1), p += n_text + 1;
    c->name = p, memcpy(p, name ? name : "", n_name), p[n_name] = '\0', p += n_name + 1;
    c->where = p, memcpy(p, where ? where : "", n_where), p[n_where] = '\0', p += n_where + 1;
    c->lang = p, memcpy(p, lang ? lang : "en", n_lang), p[n_lang] = '\0';
    c->groups = l->group_id ? json_incref((json_t *)export_answer(r, l->group_id)) : NULL;
    c->day = r->day;
    return true;
}

static bool add_comment(report_ctx *x, said_list *l, const export_record *r, const char *text) {
    const char *id = l->group_id ? first_option(export_answer(r, l->group_id)) : NULL;
    char buf[256];
    const char *key = id ? id : l->group_id ? REPORT_NO_THEME_KEY : "";
    const char *label = id ? report_option_label(x, l->group_q, id, buf, sizeof buf)
                        : l->group_id
                            ? (l->group_q && !l->group_q->from_themes ? "No answer to that question"
                                                                      : REPORT_NO_THEME_LABEL)
                            : "All answers";
    group *g = group_for(l, key, label);
    if (!g) return false;
    if (!grow(&g->c, &g->cap, g->n, sizeof *g->c, 16) || !keep(&g->c[g->n], l, r, text))
        return false;
    g->n++;
    l->comments++;
    return true;
}

static int by_size(const void *pa, const void *pb) {
    const group *a = pa, *b = pb;
    bool an = !strcmp(a->key, REPORT_NO_THEME_KEY), bn = !strcmp(b->key, REPORT_NO_THEME_KEY);
    if (an != bn) return an ? 1 : -1; /* no theme last */
    if (a->n != b->n) return a->n > b->n ? -1 : 1;
    return strcmp(a->label, b->label);
}

bool report_comments_begin(report_ctx *x) {
    x->said = calloc(1, sizeof *x->said);
    return x->said && make_lists(x, x->said);
}

/* Record r's comments go in their lists' groups (in the one pass over the records, report.c). */
bool report_comments_add(report_ctx *x, const export_record *r, int ci) {
    said *s = x->said;
    for (size_t li = 0; li < s->n; li++) {
        said_list *l = &s->l[li];
        const char *text = l->ci == ci ? text_of(l, r) : NULL;
        if (text && !add_comment(x, l, r, text)) return false;
    }
    return true;
}

/* The themes by size, each comment's number (its anchor) in that order, and the appendix
 * pages each theme's comments past the first comments_inline will be on. */
static void number(report_ctx *x, said *s) {
    long anchor = 1;
    int page = 1;
    for (size_t li = 0; li < s->n; li++) {
        said_list *l = &s->l[li];
        if (l->n_groups > 1) qsort(l->g, l->n_groups, sizeof *l->g, by_size);
        for (size_t gi = 0; gi < l->n_groups; gi++) {
            group *g = &l->g[gi];
            long rest = (long)g->n - x->comments_inline;
            g->first_anchor = anchor, anchor += (long)g->n;
            g->first_page = page;
            if (rest > 0) page += (int)((rest + x->per_page - 1) / x->per_page);
        }
    }
}

void report_comments_free(report_ctx *x) {
    said *s = x->said;
    for (size_t li = 0; s && li < s->n; li++) {
        for (size_t gi = 0; gi < s->l[li].n_groups; gi++) {
            group *g = &s->l[li].g[gi];
            for (size_t i = 0; i < g->n; i++) free(g->c[i].s), json_decref(g->c[i].groups);
            free(g->c);
        }
        free(s->l[li].g);
    }
    if (s) free(s->l);
    free(s);
    x->said = NULL;
}

/* ---- one comment ----------------------------------------------------------------------- */

/* Who said it, as a board may use it: a first name and "may be quoted" only where the visitor
 * agreed to be quoted; "Anonymous" where they agreed but gave no name; and otherwise "not to be
 * quoted", with no name at all. */
static void who(FILE *f, const said_comment *c) {
    if (!c->quote) {
        fputs("<span class=\"noquote\">not to be quoted</span>", f);
        return;
    }
    html_text(f, *c->name ? c->name : "Anonymous");
    fputs(" \xC2\xB7 <span class=\"quote\">may be quoted</span>", f);
}

static void comment(FILE *f, report_ctx *x, const said_list *l, const said_comment *c,
                    long anchor) {
    char day[32], num[48];
    /* dir="auto": a comment in Urdu is set right to left, whatever the page's language. */
    fprintf(f,
            "<blockquote class=\"comment\" id=\"m%ld\"><span class=\"num\">%s</span><p "
            "class=\"text\" dir=\"auto\">",
            anchor, count_str(anchor, num, sizeof num));
    html_text(f, c->s);
    fputs("</p>", f);
    /* Its other themes, named: each comment is listed once, under its first. */
    bool also = false;
    const char *first = first_option(c->groups);
    for (size_t k = 0; k < json_array_size(c->groups); k++) {
        const char *id = report_nonempty(json_string_value(json_array_get(c->groups, k)));
        if (!id || (first && !strcmp(id, first))) continue;
        char buf[256];
        fputs(also ? ", " : "<p class=\"also\">Also: ", f);
        html_text(f, report_option_label(x, l->group_q, id, buf, sizeof buf));
        also = true;
    }
    if (also) fputs("</p>", f);
    fputs("<p class=\"who\">", f);
    who(f, c);
    fputs(" \xC2\xB7 ", f);
    html_text(f, date_format_short(c->day, day, sizeof day));
    if (*c->where) {
        fputs(" \xC2\xB7 ", f);
        html_text(f, c->where);
    }
    fputs("</p></blockquote>\n", f);
}

/* ---- words ----------------------------------------------------------------------------- */

/* Where comment number `anchor` of group g is: in the page (or its <details>), or on the
 * appendix page its number puts it on. */
static void comment_href(FILE *f, const report_ctx *x, const group *g, long anchor) {
    long past = anchor - g->first_anchor - x->comments_inline;
    if (past >= 0 && x->paged)
        fprintf(f, "%s/%ld.html", x->appendix_href, g->first_page + past / x->per_page);
    fprintf(f, "#m%ld", anchor);
}

static void terms(FILE *f, const report_ctx *x, const group *g, const char *what,
                  const report_term *t, int n) {
    char num[48];
    fputs("<p class=\"terms\"><span class=\"what\">", f);
    html_text(f, what);
    fputs("</span> ", f);
    if (n == 0) fputs("none used more than once.", f);
    for (int i = 0; i < n; i++) {
        /* the term links to the first comment it is in, the numbers to the next ones; dir="auto"
         * sets an Urdu word right to left without carrying its numbers along with it */
        fputs(i ? "; <span class=\"entry\"><a class=\"term\" dir=\"auto\" href=\""
                : "<span class=\"entry\"><a class=\"term\" dir=\"auto\" href=\"",
              f);
        comment_href(f, x, g, t[i].n_comments ? t[i].comments[0] : g->first_anchor);
        fputs("\">", f);
        html_text(f, t[i].term);
        fprintf(f, "</a> <span class=\"n\">(%s)</span>", count_str(t[i].count, num, sizeof num));
        for (long c = 1; c < t[i].n_comments && c < TERM_LINKS; c++) {
            fputs(c == 1 ? " <span class=\"refs\">" : " ", f);
            fputs("<a href=\"", f);
            comment_href(f, x, g, t[i].comments[c]);
            fprintf(f, "\">%s</a>", count_str(t[i].comments[c], num, sizeof num));
            if (c + 1 == t[i].n_comments || c + 1 == TERM_LINKS) fputs("</span>", f);
        }
        fputs("</span>", f);
    }
    fputs("</p>\n", f);
}

static bool words(FILE *f, report_ctx *x, const said_list *l, const group *g) {
    char dir[1100];
    snprintf(dir, sizeof dir, "%s/stopwords", x->assets_dir);
    report_words *w = report_words_new(dir);
    if (!w) return false;
    for (size_t i = 0; i < g->n; i++)
        report_words_add(w, g->c[i].s, g->c[i].lang, g->first_anchor + (long)i);
    report_term top[TOP_TERMS], pairs[TOP_TERMS];
    int n_top = report_words_top(w, false, top, TOP_TERMS),
        n_pairs = report_words_top(w, true, pairs, TOP_TERMS);
    if (n_top || n_pairs) { /* a theme of a few comments has none: no box saying so */
        fputs("<div class=\"words\">\n", f);
        terms(f, x, g, "Words used most:", top, n_top);
        terms(f, x, g, "Two-word phrases:", pairs, n_pairs);
        fputs("</div>\n", f);
    }
    report_words_free(w);
    return true;
}

/* ---- a list ---------------------------------------------------------------------------- */

static bool write_group(report_ctx *x, const said_list *l, const group *g, const char *list_id,
                        size_t gi) {
    FILE *f = x->f;
    char id[200], label[400], num[64];
    snprintf(id, sizeof id, "%s-%zu", list_id, gi + 1);
    snprintf(label, sizeof label, "%s (%s)", g->label,
             count_words((long)g->n, "comment", "comments", num, sizeof num));
    report_toc_add(&x->toc, 2, id, label);
    fprintf(f, "<section class=\"theme\" id=\"%s\">\n<h3>", id);
    html_text(f, g->label);
    fprintf(f, " <span class=\"n\">(%s)</span></h3>\n", num);
    if (!words(f, x, l, g)) return false;
    size_t shown = g->n < (size_t)x->comments_inline ? g->n : (size_t)x->comments_inline;
    for (size_t i = 0; i < shown; i++) comment(f, x, l, &g->c[i], g->first_anchor + (long)i);
    long rest = (long)(g->n - shown);
    if (rest > 0 && x->paged) {
        fprintf(f, "<p class=\"more\">The other %s %s on pages beside this report, in the folder ",
                count_words(rest, "comment", "comments", num, sizeof num),
                rest == 1 ? "is" : "are");
        html_text(f, x->appendix_href);
        fputs(": comments", f);
        for (size_t from = shown; from < g->n; from += (size_t)x->per_page) {
            size_t to = from + (size_t)x->per_page < g->n ? from + (size_t)x->per_page : g->n;
            char a[48], b[48], what[600];
            long first = g->first_anchor + (long)from, last = g->first_anchor + (long)to - 1;
            fprintf(f, "%s <a href=\"%s/%ld.html#%s\">%s to %s</a>", from == shown ? "" : ",",
                    x->appendix_href, g->first_page + (long)(from - shown) / x->per_page, id,
                    count_str(first, a, sizeof a), count_str(last, b, sizeof b));
            snprintf(what, sizeof what, "%s, comments %s to %s", g->label, a, b);
            FILE *page = report_page_open(x, what, id);
            if (!page) return false;
            fprintf(page, "<section class=\"theme\" id=\"%s\">\n<h3>", id);
            html_text(page, what);
            fputs("</h3>\n", page);
            for (size_t i = from; i < to; i++)
                comment(page, x, l, &g->c[i], g->first_anchor + (long)i);
            fputs("</section>\n", page);
        }
        fputs(".</p>\n", f);
    } else if (rest > 0) {
        fprintf(f, "<details class=\"more\"><summary>The other %s</summary>\n",
                count_words(rest, "comment", "comments", num, sizeof num));
        for (size_t i = shown; i < g->n; i++) comment(f, x, l, &g->c[i], g->first_anchor + (long)i);
        fputs("</details>\n", f);
    }
    fputs("</section>\n", f);
    return true;
}

static bool write_list(report_ctx *x, const said_list *l, bool several) {
    FILE *f = x->f;
    char id[160], title[400];
    report_said_id(l->k, l->text_id, id, sizeof id);
    if (several && l->k)
        snprintf(title, sizeof title, "What people said: %s", l->text_q->label);
    else
        snprintf(title, sizeof title, "What people said");
    report_toc_add(&x->toc, 1, id, title);
    fprintf(f, "<section class=\"comments\" id=\"%s\">\n<h2>", id);
    html_text(f, title);
    fputs("</h2>\n<p class=\"note\">", f);
    if (l->text_q) {
        fputs("The answers to \xE2\x80\x9C", f);
        html_text(f, l->text_q->title);
        fputs("\xE2\x80\x9D. ", f);
    }
    fputs("Each comment is listed once, under the first theme its writer chose, with the others "
          "named. "
          "The words and two-word phrases used most in a theme link to the comments they come from "
          "(the numbers are the comments').</p>\n",
          f);
    for (size_t gi = 0; gi < l->n_groups; gi++)
        if (!write_group(x, l, &l->g[gi], id, gi)) return false;
    fputs("</section>\n", f);
    return true;
}

bool report_comments(report_ctx *x, pk_error *err) {
    said *s = x->said;
    bool ok = true;
    size_t with = 0;
    number(x, s);
    for (size_t li = 0; li < s->n; li++) with += s->l[li].comments > 0;
    for (size_t li = 0; ok && li < s->n; li++)
        if (s->l[li].comments) ok = write_list(x, &s->l[li], with > 1);
    if (ok && !with) {
        report_toc_add(&x->toc, 1, "said", "What people said");
        fputs("<section class=\"comments\" id=\"said\">\n<h2>What people said</h2>\n"
              "<p>No comments were written.</p>\n</section>\n",
              x->f);
    }
    return ok || pk_fail(err, "out of memory while listing the comments");
}
