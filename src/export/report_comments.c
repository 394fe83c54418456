/* report_comments: "What people said": every comment, listed once, under its first theme (its
 * other themes named), with the words and two-word phrases used most in that theme
 * (report_words.h), each a click away from the comments it comes from.
 *
 * A list is made for each free-text question of the config's consultations, grouped by the
 * consultation's themes question (a choices question with options_from: themes), else by the
 * question before it that has options; and one for records of a consultation the config does
 * not have (the first journey's), by their "themes".
 *
 * Size at scale: 200,000 responses hold some 140,000 comments, 30 MB of markup, which no
 * browser opens in seconds and nobody reads on paper. So a theme shows its first
 * comments_inline comments in the page and the rest go to x->appendix, a page of their own
 * beside the report that is opened only by whoever wants every word; the main page and its
 * print stay small. (A collapsed <details> would keep one file, but the 30 MB would still be
 * parsed on every opening; it is used only when there is no file to write beside the report,
 * e.g. a report on standard output.) Comments are numbered across the report, and each
 * number is its anchor (#m12) wherever it is, so a phrase's links work in both cases. */
#include <stdlib.h>
#include <string.h>

#include "export/report_parts.h"
#if __has_include("export/report_words.h") /* TEMPORARY: until report_words lands */
#include "export/report_words.h"
#define HAVE_WORDS 1
#endif

#define TOP_TERMS 10 /* words, and phrases, shown per theme */
#define TERM_LINKS 6 /* comments linked from each; the count says how many there are */

typedef struct group {
    char key[256], label[256];
    long *recs; /* indexes into the set, in its order */
    size_t n, cap;
    long first_anchor; /* the number of its first comment */
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

typedef struct said {
    said_list *l;
    size_t n, cap;
} said;

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

/* The lists: each text question of a consultation with responses, then the first journey's. */
static bool make_lists(report_ctx *x, said *s) {
    for (int ci = 0; x->cs && ci < x->set->cfg->n_consultations; ci++) {
        const report_cstats *c = &x->cs[ci];
        const report_roles *ro = &x->roles[ci];
        for (int qi = 0; c->responses && qi < c->k->n_questions; qi++) {
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
    return r->sealed || !l->text_id ? NULL : report_nonempty(json_string_value(export_answer(r, l->text_id)));
}

static bool add_comment(report_ctx *x, said_list *l, const export_record *r, size_t i) {
    const char *id = l->group_id ? first_option(export_answer(r, l->group_id)) : NULL;
    char buf[256];
    const char *key = id ? id : l->group_id ? REPORT_NO_THEME_KEY : "";
    const char *label = id ? report_option_label(x, l->group_q, id, buf, sizeof buf)
                        : l->group_id ? (l->group_q && !l->group_q->from_themes ? "No answer to that question"
                                                                                 : REPORT_NO_THEME_LABEL)
                                      : "All answers";
    group *g = group_for(l, key, label);
    if (!g) return false;
    if (!grow(&g->recs, &g->cap, g->n, sizeof *g->recs, 16)) return false;
    g->recs[g->n++] = (long)i;
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

/* One pass over the records puts every comment in its list's group. */
static bool gather(report_ctx *x, said *s) {
    for (size_t i = 0; i < x->set->n; i++) {
        const export_record *r = &x->set->records[i];
        int ci = report_consultation_of(x, r);
        for (size_t li = 0; li < s->n; li++) {
            said_list *l = &s->l[li];
            if (l->ci == ci && text_of(l, r) && !add_comment(x, l, r, i)) return false;
        }
    }
    long anchor = 1;
    for (size_t li = 0; li < s->n; li++) {
        said_list *l = &s->l[li];
        if (l->n_groups > 1) qsort(l->g, l->n_groups, sizeof *l->g, by_size);
        for (size_t gi = 0; gi < l->n_groups; gi++) l->g[gi].first_anchor = anchor, anchor += (long)l->g[gi].n;
    }
    return true;
}

static void said_free(said *s) {
    for (size_t li = 0; li < s->n; li++) {
        for (size_t gi = 0; gi < s->l[li].n_groups; gi++) free(s->l[li].g[gi].recs);
        free(s->l[li].g);
    }
    free(s->l);
}

/* ---- one comment ----------------------------------------------------------------------- */

/* Who said it, as a board may use it: a first name (its first word) and "may be quoted" only
 * where the visitor agreed to be quoted; "Anonymous" where they agreed but gave no name; and
 * otherwise "not to be quoted", with no name at all. */
static void who(FILE *f, const said_list *l, const export_record *r) {
    const char *name = l->name_id ? json_string_value(export_answer(r, l->name_id)) : NULL;
    if (!l->consent_id || !json_is_true(export_answer(r, l->consent_id))) {
        fputs("<span class=\"noquote\">not to be quoted</span>", f);
        return;
    }
    while (name && (*name == ' ' || *name == '\t' || *name == '\n')) name++;
    size_t n = name ? strcspn(name, " \t\r\n") : 0;
    if (n == 0) fputs("Anonymous", f);
    else html_textn(f, name, n);
    fputs(" \xC2\xB7 <span class=\"quote\">may be quoted</span>", f);
}

static void comment(FILE *f, report_ctx *x, const said_list *l, const export_record *r, long anchor) {
    char day[32], num[48];
    /* dir="auto": a comment in Urdu is set right to left, whatever the page's language. */
    fprintf(f, "<blockquote class=\"comment\" id=\"m%ld\"><span class=\"num\">%s</span><p class=\"text\" dir=\"auto\">",
            anchor, count_str(anchor, num, sizeof num));
    html_text(f, text_of(l, r));
    fputs("</p>", f);
    /* Its other themes, named: each comment is listed once, under its first. */
    const json_t *v = l->group_id ? export_answer(r, l->group_id) : NULL;
    bool also = false;
    const char *first = first_option(v);
    for (size_t k = 0; k < json_array_size(v); k++) {
        const char *id = report_nonempty(json_string_value(json_array_get(v, k)));
        if (!id || (first && !strcmp(id, first))) continue;
        char buf[256];
        fputs(also ? ", " : "<p class=\"also\">Also: ", f);
        html_text(f, report_option_label(x, l->group_q, id, buf, sizeof buf));
        also = true;
    }
    if (also) fputs("</p>", f);
    fputs("<p class=\"who\">", f);
    who(f, l, r);
    fputs(" \xC2\xB7 ", f);
    html_text(f, date_format_short(r->day, day, sizeof day));
    const char *where = report_nonempty(export_field_str(r->json, "location"));
    if (!where) where = report_nonempty(export_field_str(r->json, "kiosk"));
    if (where) {
        fputs(" \xC2\xB7 ", f);
        html_text(f, where);
    }
    fputs("</p></blockquote>\n", f);
}

/* ---- words ----------------------------------------------------------------------------- */

#ifdef HAVE_WORDS
/* Where comment number `anchor` of group g is: in the page, or in the appendix. */
static void comment_href(FILE *f, const report_ctx *x, const group *g, long anchor) {
    bool inline_ = anchor - g->first_anchor < x->comments_inline;
    fprintf(f, "%s#m%ld", inline_ || !x->appendix ? "" : x->appendix_href, anchor);
}

static void terms(FILE *f, const report_ctx *x, const group *g, const char *what, const report_term *t, int n) {
    char num[48];
    fputs("<p class=\"terms\"><span class=\"what\">", f);
    html_text(f, what);
    fputs("</span> ", f);
    if (n == 0) fputs("none used more than once.", f);
    for (int i = 0; i < n; i++) {
        /* the term links to the first comment it is in, the numbers to the next ones */
        fputs(i ? "; <span class=\"entry\"><a class=\"term\" href=\"" : "<span class=\"entry\"><a class=\"term\" href=\"", f);
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
    for (size_t i = 0; i < g->n; i++) {
        const export_record *r = &x->set->records[g->recs[i]];
        const char *lang = report_nonempty(export_field_str(r->json, "language"));
        report_words_add(w, text_of(l, r), lang ? lang : "en", g->first_anchor + (long)i);
    }
    report_term top[TOP_TERMS];
    fputs("<div class=\"words\">\n", f);
    terms(f, x, g, "Words used most:", top, report_words_top(w, false, top, TOP_TERMS));
    terms(f, x, g, "Two-word phrases:", top, report_words_top(w, true, top, TOP_TERMS));
    fputs("</div>\n", f);
    report_words_free(w);
    return true;
}
#else
static bool words(FILE *f, report_ctx *x, const said_list *l, const group *g) { return true; }
#endif

/* ---- a list ---------------------------------------------------------------------------- */

static bool write_group(report_ctx *x, const said_list *l, const group *g, const char *list_id, size_t gi) {
    FILE *f = x->f;
    char id[200], label[400], num[64];
    snprintf(id, sizeof id, "%s-%zu", list_id, gi + 1);
    snprintf(label, sizeof label, "%s (%s)", g->label, count_words((long)g->n, "comment", "comments", num, sizeof num));
    report_toc_add(&x->toc, 2, id, label);
    fprintf(f, "<section class=\"theme\" id=\"%s\">\n<h3>", id);
    html_text(f, g->label);
    fprintf(f, " <span class=\"n\">(%s)</span></h3>\n", num);
    if (!words(f, x, l, g)) return false;
    size_t shown = g->n < (size_t)x->comments_inline ? g->n : (size_t)x->comments_inline;
    for (size_t i = 0; i < shown; i++) comment(f, x, l, &x->set->records[g->recs[i]], g->first_anchor + (long)i);
    if (shown < g->n) {
        long rest = (long)(g->n - shown);
        FILE *to = x->appendix ? x->appendix : f;
        if (x->appendix) {
            fprintf(f, "<p class=\"more\">The other <a href=\"%s#%s\">%s</a> %s in ", x->appendix_href, id,
                    count_words(rest, "comment", "comments", num, sizeof num), rest == 1 ? "is" : "are");
            html_text(f, x->appendix_href);
            fputs(", beside this report.</p>\n", f);
            fprintf(to, "<section class=\"theme\" id=\"%s\">\n<h3>", id);
            html_text(to, g->label);
            fprintf(to, " <span class=\"n\">(%s more comment%s)</span></h3>\n", count_str(rest, num, sizeof num),
                    rest == 1 ? "" : "s");
        } else {
            fprintf(f, "<details class=\"more\"><summary>The other %s</summary>\n",
                    count_words(rest, "comment", "comments", num, sizeof num));
        }
        for (size_t i = shown; i < g->n; i++) comment(to, x, l, &x->set->records[g->recs[i]], g->first_anchor + (long)i);
        fputs(x->appendix ? "</section>\n" : "</details>\n", to);
    }
    fputs("</section>\n", f);
    return true;
}

static bool write_list(report_ctx *x, const said_list *l, bool several) {
    FILE *f = x->f;
    char id[160], title[400];
    report_said_id(l->k, l->text_id, id, sizeof id);
    if (several && l->k) snprintf(title, sizeof title, "What people said: %s", l->text_q->label);
    else snprintf(title, sizeof title, "What people said");
    report_toc_add(&x->toc, 1, id, title);
    fprintf(f, "<section class=\"comments\" id=\"%s\">\n<h2>", id);
    html_text(f, title);
    fputs("</h2>\n<p class=\"note\">", f);
    if (l->text_q) {
        fputs("The answers to \xE2\x80\x9C", f);
        html_text(f, l->text_q->title);
        fputs("\xE2\x80\x9D. ", f);
    }
    fputs("Each comment is listed once, under the first theme its writer chose, with the others named. "
          "The words and two-word phrases used most in a theme link to the comments they come from "
          "(the numbers are the comments').</p>\n",
          f);
    for (size_t gi = 0; gi < l->n_groups; gi++)
        if (!write_group(x, l, &l->g[gi], id, gi)) return false;
    fputs("</section>\n", f);
    return true;
}

bool report_comments(report_ctx *x, pk_error *err) {
    said s = {0};
    bool ok = make_lists(x, &s) && gather(x, &s);
    size_t with = 0;
    for (size_t li = 0; ok && li < s.n; li++) with += s.l[li].comments > 0;
    for (size_t li = 0; ok && li < s.n; li++)
        if (s.l[li].comments) ok = write_list(x, &s.l[li], with > 1);
    if (ok && !with) {
        report_toc_add(&x->toc, 1, "said", "What people said");
        fputs("<section class=\"comments\" id=\"said\">\n<h2>What people said</h2>\n"
              "<p>No comments were written.</p>\n</section>\n",
              x->f);
    }
    said_free(&s);
    return ok || pk_fail(err, "out of memory while listing the comments");
}
