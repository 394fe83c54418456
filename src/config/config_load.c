/* config_load: YAML document -> validated config model.
 * The loader walks the document once, section by section, reporting every problem it meets and
 * carrying on; only when the walk found nothing wrong is the model handed back. Defaults are set
 * first so an optional section may be left out entirely. */
#include <errno.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "config/config_loader.h"
#include "config/config_yaml.h"
#include "content/contrast.h"
#include "config/keyboard_file.h"
#include "platform/paths.h"
#include "staff/pin.h"
#include "store/seal.h"

static const char *const slide_type_names[] = {
    "title", "text", "highlights", "themes", "milestones", "indicators", "quote", "image",
    "call_to_action", "you_said", "results", "we_did", NULL};
static const char *const status_names[] = {"done", "in_progress", "planned", "delayed", NULL};

const char *config_slide_type_name(slide_type t) {
    return t < SLIDE_TYPE_COUNT ? slide_type_names[t] : "?";
}
const char *config_status_name(milestone_status s) {
    return s < STATUS_COUNT ? status_names[s] : "?";
}


static pk_color rgb(unsigned v) {
    return (pk_color){(unsigned char)(v >> 16), (unsigned char)(v >> 8), (unsigned char)v, 255};
}

static void set_defaults(config *c) {
    c->kiosk.width = 1920;
    c->kiosk.height = 1080;
    c->kiosk.physical_width_mm = 476; /* a 21.5" 16:9 monitor */
    c->loop.slide_seconds = 12;
    c->loop.transition = TRANSITION_CROSSFADE;
    c->loop.transition_ms = 600;
    c->loop.count_up_ms = 1500;
    c->loop.pause_seconds = 60;
    config_theme *t = &c->theme;
    t->background = rgb(0x0B2A4A);
    t->surface = rgb(0x16406B);
    t->text = rgb(0xFFFFFF);
    t->muted = rgb(0xC9D6E3);
    t->accent = rgb(0xFFC20E);
    t->accent_text = rgb(0x1A1A1A);
    t->status[STATUS_DONE] = rgb(0x7EE08A);
    t->status[STATUS_IN_PROGRESS] = rgb(0xFFC857);
    t->status[STATUS_PLANNED] = rgb(0x9CCBFF);
    t->status[STATUS_DELAYED] = rgb(0xFF9B85);
    c->accessibility.read_aloud = true;
    c->accessibility.volume = 0.8;
}

/* Resolves a file named at key in map; reports a missing or unusable file at the value. */
const char *config_load_file(loader *L, const ynode *map, const char *key, bool required,
                      const char *subdir, bool image) {
    const char *rel = y_str(&L->y, map, key, required);
    if (!rel) return NULL;
    char path[PATH_MAX];
    ynode *at = y_get(&L->y, map, key);
    if (!paths_find(L->c->dir, L->opt ? L->opt->assets_dir : NULL, subdir, rel, path,
                    sizeof path)) {
        y_error(&L->y, at, "'%s': file \"%s\" not found (looked in %s and the assets folder)",
                key, rel, L->c->dir);
        return NULL;
    }
    if (image) {
        const char *ext = strrchr(rel, '.');
        if (!ext || (strcasecmp(ext, ".png") != 0 && strcasecmp(ext, ".jpg") != 0 &&
                     strcasecmp(ext, ".jpeg") != 0 && strcasecmp(ext, ".svg") != 0)) {
            y_error(&L->y, at, "'%s': \"%s\" must be a PNG, JPEG or SVG file", key, rel);
            return NULL;
        }
        char why[200];
        if (L->opt && L->opt->check_image && !L->opt->check_image(path, why, sizeof why)) {
            y_error(&L->y, at, "'%s': \"%s\" cannot be used: %s", key, rel, why);
            return NULL;
        }
    }
    return arena_strdup(&L->c->mem, path);
}

bool config_resolve_path(loader *L, const ynode *map, const char *key, const char *rel, char *out, size_t size) {
    bool abs = rel[0] == '/';
    if (rel[0] && snprintf(out, size, "%s%s%s", abs ? "" : L->c->dir, abs ? "" : "/", rel) < (int)size) return true;
    y_error(&L->y, y_get(&L->y, map, key), "'%s' must name a file or folder%s", key, rel[0] ? " (this path is too long)" : "");
    return false;
}

static void load_kiosk(loader *L, ynode *n) {
    yctx *y = &L->y;
    config *c = L->c;
    static const char *const keys[] = {"id", "location", "screen", NULL};
    if (config_loader_own(L)) {
        /* Content for a kiosk that has its own (config_kiosk_own.c): may be left out. */
        if (n && y_expect_map(y, n, "'kiosk'")) y_check_keys(y, n, keys);
        return;
    }
    if (!n) {
        y_error(y, y_node(y, 1), "missing required section 'kiosk'");
        return;
    }
    if (!y_expect_map(y, n, "'kiosk'")) return;
    y_check_keys(y, n, keys);
    c->kiosk.id = y_str(y, n, "id", true);
    if (c->kiosk.id) {
        size_t len = strlen(c->kiosk.id);
        if (len > 40 || strspn(c->kiosk.id, "abcdefghijklmnopqrstuvwxyz0123456789-") != len)
            y_error(y, y_get(y, n, "id"),
                    "'id' must be 1-40 lowercase letters, digits or '-' (it names a folder), "
                    "not \"%s\"", c->kiosk.id);
    }
    c->kiosk.location = y_str(y, n, "location", true);
    ynode *s = y_get(y, n, "screen");
    if (s && y_expect_map(y, s, "'screen'")) {
        static const char *const skeys[] = {"width", "height", "physical_width_mm", "renderer",
                                            "rotation", NULL};
        static const char *const renderers[] = {"auto", "software", "gles2", NULL};
        y_check_keys(y, s, skeys);
        y_int(y, s, "width", false, 320, 7680, &c->kiosk.width);
        y_int(y, s, "height", false, 240, 7680, &c->kiosk.height);
        y_num(y, s, "physical_width_mm", false, 50, 5000, &c->kiosk.physical_width_mm);
        int r = y_enum(y, s, "renderer", false, renderers);
        if (r >= 0) c->kiosk.renderer = (renderer_kind)r;
        int rot = 0;
        if (y_int(y, s, "rotation", false, 0, 270, &rot)) {
            if (rot % 90)
                y_error(y, y_get(y, s, "rotation"), "'rotation' must be 0, 90, 180 or 270, not %d", rot);
            else
                c->kiosk.rotation = rot;
        }
    }
}

static void load_loop(loader *L, ynode *n) {
    yctx *y = &L->y;
    config *c = L->c;
    if (!n || !y_expect_map(y, n, "'loop'")) return;
    static const char *const keys[] = {"slide_seconds", "transition", "transition_ms",
                                       "count_up_ms", "as_of", "pause_seconds", "reduce_motion",
                                       NULL};
    static const char *const transitions[] = {"crossfade", "slide", "none", NULL};
    y_check_keys(y, n, keys);
    y_num(y, n, "slide_seconds", false, 2, 600, &c->loop.slide_seconds);
    int t = y_enum(y, n, "transition", false, transitions);
    if (t >= 0) c->loop.transition = (transition_kind)t;
    y_int(y, n, "transition_ms", false, 0, 3000, &c->loop.transition_ms);
    y_int(y, n, "count_up_ms", false, 0, 5000, &c->loop.count_up_ms);
    c->loop.has_as_of = y_date(y, n, "as_of", false, &c->loop.as_of);
    y_num(y, n, "pause_seconds", false, 5, 3600, &c->loop.pause_seconds);
    y_bool(y, n, "reduce_motion", &c->loop.reduce_motion);
    if (c->loop.reduce_motion) {
        /* Things that move for no reason can make people unwell: numbers appear as they are,
         * slides change in place. */
        c->loop.count_up_ms = 0;
        c->loop.transition = TRANSITION_NONE;
    }
}

static void check_contrast(loader *L, const ynode *theme);

static void load_theme(loader *L, ynode *n) {
    yctx *y = &L->y;
    config_theme *t = &L->c->theme;
    if (n && y_expect_map(y, n, "'theme'")) {
        static const char *const keys[] = {"background", "surface", "text", "muted", "accent",
                                           "accent_text", "done", "in_progress", "planned",
                                           "delayed", "fonts", NULL};
        y_check_keys(y, n, keys);
        y_color(y, n, "background", &t->background);
        y_color(y, n, "surface", &t->surface);
        y_color(y, n, "text", &t->text);
        y_color(y, n, "muted", &t->muted);
        y_color(y, n, "accent", &t->accent);
        y_color(y, n, "accent_text", &t->accent_text);
        for (int s = 0; s < STATUS_COUNT; s++) y_color(y, n, status_names[s], &t->status[s]);
        ynode *f = y_get(y, n, "fonts");
        if (f && y_expect_map(y, f, "'fonts'")) {
            static const char *const fkeys[] = {"regular", "bold", NULL};
            y_check_keys(y, f, fkeys);
            t->font_regular = config_load_file(L, f, "regular", false, "fonts", false);
            t->font_bold = config_load_file(L, f, "bold", false, "fonts", false);
        }
    }
    /* Fonts ship with the program; a config only names them to change them. */
    char path[PATH_MAX];
    const char *assets = L->opt ? L->opt->assets_dir : NULL;
    if (!t->font_regular && paths_find(NULL, assets, "fonts", "NotoSans-Regular.ttf", path, sizeof path))
        t->font_regular = arena_strdup(&L->c->mem, path);
    if (!t->font_bold && paths_find(NULL, assets, "fonts", "NotoSans-Bold.ttf", path, sizeof path))
        t->font_bold = arena_strdup(&L->c->mem, path);
    if (!t->font_regular || !t->font_bold)
        diag_add(y->diags, y->file, 0, 0, "the default fonts are missing from the assets folder %s",
                 assets ? assets : "(none)");
    check_contrast(L, n);
}

/* WCAG 1.4.3 and 1.4.11: every colour on every background it is drawn on, at least 4.5:1 for
 * text and 3:1 for marks such as the progress dots (content/contrast.c). Not an error: the
 * kiosk still runs, but check refuses the file, so these go to a list of their own and check's
 * count of them can never include other warnings. */
static void check_contrast(loader *L, const ynode *theme) {
    diag_list *w = !L->opt ? NULL : L->opt->contrast ? L->opt->contrast : L->opt->warnings;
    if (!w) return;
    for (const contrast_pair *p = contrast_pairs(); p->fg; p++) {
        char msg[320];
        if (contrast_check(&L->c->theme, p, msg, sizeof msg)) continue;
        ynode *at = y_get(&L->y, theme, p->fg);
        if (!at) at = y_get(&L->y, theme, p->bg);
        if (!at) at = (ynode *)theme;
        diag_add(w, L->y.file, at ? (int)at->start_mark.line + 1 : 0, at ? (int)at->start_mark.column + 1 : 0,
                 "theme: %s", msg);
    }
}

static void load_plan(loader *L, ynode *n) {
    yctx *y = &L->y;
    config *c = L->c;
    if (!n) {
        y_error(y, y_node(y, 1), "missing required section 'plan'");
        return;
    }
    if (!y_expect_map(y, n, "'plan'")) return;
    static const char *const keys[] = {"title", "subtitle", "publisher", "url", NULL};
    y_check_keys(y, n, keys);
    c->plan.title = y_text(y, n, "title", true);
    c->plan.subtitle = y_text(y, n, "subtitle", false);
    c->plan.publisher = y_text(y, n, "publisher", false);
    c->plan.url = y_str(y, n, "url", false);
}

static void load_themes(loader *L, ynode *root) {
    yctx *y = &L->y;
    config *c = L->c;
    ynode *seq = y_seq(y, root, "themes", false, 0, CONFIG_MAX_THEMES);
    if (!seq) return;
    static const char *const keys[] = {"id", "name", "summary", "icon", NULL};
    for (int i = 0; i < y_seq_len(seq); i++) {
        ynode *n = y_seq_item(y, seq, i);
        snprintf(y->where, sizeof y->where, "theme %d: ", i + 1);
        if (!y_expect_map(y, n, "a theme")) continue;
        y_check_keys(y, n, keys);
        plan_theme *t = &c->themes[c->n_themes++];
        t->id = y_str(y, n, "id", true);
        t->name = y_text(y, n, "name", true);
        t->summary = y_text(y, n, "summary", false);
        t->icon = config_load_file(L, n, "icon", false, "icons", true);
        for (int j = 0; t->id && j < c->n_themes - 1; j++)
            if (c->themes[j].id && strcmp(c->themes[j].id, t->id) == 0)
                y_error(y, y_get(y, n, "id"), "theme id '%s' is used twice", t->id);
    }
    y->where[0] = '\0';
}

/* Theme id -> index; reports an unknown one with a suggestion. */
static int theme_ref(loader *L, const ynode *map, const char *key) {
    yctx *y = &L->y;
    const char *id = y_str(y, map, key, false);
    if (!id) return -1;
    const char *ids[CONFIG_MAX_THEMES + 1];
    for (int i = 0; i < L->c->n_themes; i++) {
        ids[i] = L->c->themes[i].id ? L->c->themes[i].id : "";
        if (strcmp(ids[i], id) == 0) return i;
    }
    ids[L->c->n_themes] = NULL;
    const char *hint = y_suggest(id, ids);
    if (hint)
        y_error(y, y_get(y, map, key), "'%s': no theme has the id '%s' (did you mean '%s'?)", key,
                id, hint);
    else
        y_error(y, y_get(y, map, key), "'%s': no theme has the id '%s' (the top-level 'themes' "
                "list defines them)", key, id);
    return -1;
}

static void load_bullets(loader *L, slide *s, const ynode *n) {
    yctx *y = &L->y;
    ynode *seq = y_seq(y, n, "bullets", false, 1, CONFIG_MAX_BULLETS);
    if (!seq) return;
    for (int i = 0; i < y_seq_len(seq); i++) {
        const char *b = y_text_node(y, y_seq_item(y, seq, i), "bullets", false);
        if (b && *b) s->bullets[s->n_bullets++] = b;
    }
}

static void load_highlights(loader *L, slide *s, const ynode *n) {
    yctx *y = &L->y;
    ynode *seq = y_seq(y, n, "items", true, 1, CONFIG_MAX_HIGHLIGHTS);
    static const char *const keys[] = {"value", "prefix", "suffix", "decimals", "caption", NULL};
    for (int i = 0; seq && i < y_seq_len(seq); i++) {
        ynode *it = y_seq_item(y, seq, i);
        if (!y_expect_map(y, it, "a highlight")) continue;
        y_check_keys(y, it, keys);
        highlight *h = &s->highlights[s->n_highlights++];
        y_num(y, it, "value", true, -1e12, 1e12, &h->value);
        h->prefix = y_text(y, it, "prefix", false);
        h->suffix = y_text(y, it, "suffix", false);
        y_int(y, it, "decimals", false, 0, 3, &h->decimals);
        h->caption = y_text(y, it, "caption", true);
    }
}

static int milestone_cmp(const void *a, const void *b) {
    const milestone *x = a, *y = b;
    int c = date_cmp_days(date_first_day(x->date), date_first_day(y->date));
    return c ? c : (x < y ? -1 : 1); /* keep file order for equal dates */
}

static void load_milestones(loader *L, slide *s, const ynode *n) {
    yctx *y = &L->y;
    ynode *seq = y_seq(y, n, "items", true, 1, CONFIG_MAX_MILESTONES);
    static const char *const keys[] = {"date", "title", "theme", "status", NULL};
    for (int i = 0; seq && i < y_seq_len(seq); i++) {
        ynode *it = y_seq_item(y, seq, i);
        if (!y_expect_map(y, it, "a milestone")) continue;
        y_check_keys(y, it, keys);
        milestone *m = &s->milestones[s->n_milestones++];
        y_date(y, it, "date", true, &m->date);
        m->title = y_text(y, it, "title", true);
        m->theme = theme_ref(L, it, "theme");
        int st = y_enum(y, it, "status", false, status_names);
        m->has_status = st >= 0;
        if (st >= 0) m->status = (milestone_status)st;
    }
    qsort(s->milestones, (size_t)s->n_milestones, sizeof s->milestones[0], milestone_cmp);
}

static void load_indicators(loader *L, slide *s, const ynode *n) {
    yctx *y = &L->y;
    ynode *seq = y_seq(y, n, "groups", true, 1, CONFIG_MAX_GROUPS);
    static const char *const gkeys[] = {"theme", "name", "items", NULL};
    static const char *const ikeys[] = {"text", "direction", "unit", "series", "series_labels", NULL};
    static const char *const dirs[] = {"more", "fewer", NULL};
    s->groups = arena_alloc(&L->c->mem, CONFIG_MAX_GROUPS * sizeof *s->groups);
    for (int g = 0; seq && g < y_seq_len(seq); g++) {
        ynode *gn = y_seq_item(y, seq, g);
        if (!y_expect_map(y, gn, "a group")) continue;
        y_check_keys(y, gn, gkeys);
        indicator_group *grp = &s->groups[s->n_groups++];
        grp->theme = theme_ref(L, gn, "theme");
        grp->name = y_text(y, gn, "name", false);
        if (!grp->name && grp->theme >= 0) grp->name = L->c->themes[grp->theme].name;
        if (!grp->name && !y_get(y, gn, "theme"))
            y_error(y, gn, "a group needs a 'theme' (a theme id) or a 'name'");
        ynode *items = y_seq(y, gn, "items", true, 1, CONFIG_MAX_INDICATORS);
        for (int i = 0; items && i < y_seq_len(items); i++) {
            ynode *it = y_seq_item(y, items, i);
            if (!y_expect_map(y, it, "an indicator")) continue;
            y_check_keys(y, it, ikeys);
            indicator *ind = &grp->items[grp->n_items++];
            ind->text = y_text(y, it, "text", true);
            ind->more = y_enum(y, it, "direction", true, dirs) != 1;
            ind->unit = y_text(y, it, "unit", false);
            ynode *ser = y_seq(y, it, "series", false, 2, CONFIG_MAX_SERIES);
            for (int k = 0; ser && k < y_seq_len(ser); k++)
                if (y_scalar_num(y, y_seq_item(y, ser, k), "series", &ind->series[ind->n_series]))
                    ind->n_series++;
            ynode *lab = y_seq(y, it, "series_labels", false, 1, CONFIG_MAX_SERIES);
            if (lab && ser && y_seq_len(lab) != y_seq_len(ser))
                y_error(y, lab, "'series_labels' has %d labels but 'series' has %d values",
                        y_seq_len(lab), y_seq_len(ser));
            else if (lab && !ser)
                y_error(y, lab, "'series_labels' given without 'series'");
            for (int k = 0; lab && ser && k < y_seq_len(lab); k++) {
                const char *t = y_scalar_str(y, y_seq_item(y, lab, k), "series_labels");
                ind->series_labels[k] = arena_strdup(&L->c->mem, t ? t : "");
            }
        }
    }
}

static void load_quotes(loader *L, slide *s, const ynode *n) {
    yctx *y = &L->y;
    ynode *seq = y_seq(y, n, "quotes", true, 1, CONFIG_MAX_QUOTES);
    static const char *const keys[] = {"text", "name", "age", "role", NULL};
    for (int i = 0; seq && i < y_seq_len(seq); i++) {
        ynode *it = y_seq_item(y, seq, i);
        if (!y_expect_map(y, it, "a quote")) continue;
        y_check_keys(y, it, keys);
        quote *q = &s->quotes[s->n_quotes++];
        q->text = y_text(y, it, "text", true);
        q->name = y_text(y, it, "name", false);
        q->role = y_text(y, it, "role", false);
        y_int(y, it, "age", false, 1, 130, &q->age);
    }
}

/* The {name} placeholders of a text (every language's words, each at its own place): an
 * unknown name or a '{' without its '}' would show on screen as it is written. Checked on the
 * first pass only, where messages are kept. */
static void check_placeholders(yctx *y, const ynode *v, const char *key, const char *const *names) {
    if (!v || !y->first_pass) return;
    if (v->type == YAML_MAPPING_NODE) {
        for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top; p++)
            if (y_node(y, p->value)->type == YAML_SCALAR_NODE)
                check_placeholders(y, y_node(y, p->value), key, names);
        return;
    }
    if (v->type != YAML_SCALAR_NODE) return;
    char list[120] = "";
    for (int i = 0; names[i]; i++)
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s{%s}", i ? ", " : "", names[i]);
    for (const char *p = (const char *)v->data.scalar.value; (p = strchr(p, '{')); p++) {
        const char *end = strchr(p + 1, '}');
        if (!end) {
            y_error(y, v, "'%s': a '{' without its '}' (the placeholders are %s)", key, list);
            return;
        }
        char name[40];
        snprintf(name, sizeof name, "%.*s", (int)(end - p - 1 < 39 ? end - p - 1 : 39), p + 1);
        bool known = false;
        for (int i = 0; names[i] && !known; i++) known = !strcmp(names[i], name);
        const char *hint = known ? NULL : y_suggest(name, names);
        if (!known && hint)
            y_error(y, v, "'%s': unknown placeholder {%s} (did you mean {%s}?)", key, name, hint);
        else if (!known)
            y_error(y, v, "'%s': unknown placeholder {%s} (the placeholders are %s)", key, name, list);
    }
}

static const char *const results_placeholders[] = {"people", "kiosks", "since", NULL};

/* results: the question and its consultation are resolved with the consultations
 * (resolve_slide_consultations); here the numbers and words of the slide itself. */
static void load_results(loader *L, slide *s, const ynode *n) {
    yctx *y = &L->y;
    if (y_int(y, n, "min_responses", false, 1, 1000000, &s->min_responses) && s->min_responses < 5 &&
        y->first_pass && L->opt && L->opt->warnings) {
        const ynode *at = y_get(y, n, "min_responses");
        diag_add(L->opt->warnings, y->file, (int)at->start_mark.line + 1, (int)at->start_mark.column + 1,
                 "%s'min_responses' is %d: with so few answers on screen, people who know who came by "
                 "can tell what someone chose; 10 or more keeps answers anonymous",
                 y->where, s->min_responses);
    }
    if (!y_get(y, n, "question")) y_error(y, n, "missing required key 'question' (the id of the question whose answers it shows)");
    s->caption = y_text(y, n, "caption", false);
    check_placeholders(y, y_get(y, n, "caption"), "caption", results_placeholders);
}

/* we_did: 1-4 pairs of what people said and what was done, with a picture that is described. */
static void load_we_did(loader *L, slide *s, const ynode *n) {
    yctx *y = &L->y;
    ynode *seq = y_seq(y, n, "items", true, 1, CONFIG_MAX_WE_DID);
    static const char *const keys[] = {"you_said", "we_did", "when", "image", "alt", NULL};
    for (int i = 0; seq && i < y_seq_len(seq); i++) {
        ynode *it = y_seq_item(y, seq, i);
        if (!y_expect_map(y, it, "a 'you said, we did' item")) continue;
        y_check_keys(y, it, keys);
        we_did_item *w = &s->we_did[s->n_we_did++];
        w->you_said = y_text(y, it, "you_said", true);
        w->we_did = y_text(y, it, "we_did", true);
        w->when = y_text(y, it, "when", false);
        w->image = config_load_file(L, it, "image", false, "images", true);
        /* Read aloud and shown to whoever cannot see the picture: no picture without it. */
        w->alt = y_text(y, it, "alt", y_get(y, it, "image") != NULL);
        if (y_get(y, it, "alt") && !y_get(y, it, "image"))
            y_error(y, y_key(y, it, "alt"), "'alt' describes the 'image', and this item has none");
    }
}

/* Keys each slide type accepts besides the common ones. */
static const char *const *slide_keys(slide_type t) {
    static const char *const title[] = {"title", "subtitle", "footer", NULL};
    static const char *const text[] = {"title", "body", "bullets", NULL};
    static const char *const highlights[] = {"title", "items", NULL};
    static const char *const themes[] = {"title", "intro", NULL};
    static const char *const milestones[] = {"title", "intro", "items", NULL};
    static const char *const indicators[] = {"title", "intro", "groups", NULL};
    static const char *const quotes[] = {"title", "intro", "quotes", NULL};
    static const char *const image[] = {"file", "fit", "caption", "alt", NULL};
    static const char *const cta[] = {"title", "body", "button", "consultation", NULL};
    static const char *const you_said[] = {"title", "consultation", "per_page", "approved_file", NULL};
    static const char *const results[] = {"title", "consultation", "question", "min_responses",
                                          "caption", NULL};
    static const char *const we_did[] = {"title", "items", NULL};
    static const char *const *const all[] = {title, text, highlights, themes, milestones,
                                              indicators, quotes, image, cta, you_said, results,
                                              we_did};
    return all[t];
}

static void load_slide(loader *L, int index, ynode *n) {
    yctx *y = &L->y;
    config *c = L->c;
    snprintf(y->where, sizeof y->where, "slide %d: ", index + 1);
    if (!y_expect_map(y, n, "a slide")) return;
    int t = y_enum(y, n, "type", true, slide_type_names);
    if (t < 0) return;
    slide *s = &c->slides[c->n_slides++];
    s->type = (slide_type)t;
    s->line = (int)n->start_mark.line + 1;
    snprintf(y->where, sizeof y->where, "slide %d (%s): ", index + 1, slide_type_names[t]);

    const char *keys[24];
    int k = 0;
    static const char *const common[] = {"type", "id", "duration", "from", "until", NULL};
    for (int i = 0; common[i]; i++) keys[k++] = common[i];
    for (const char *const *e = slide_keys(s->type); *e; e++) keys[k++] = *e;
    keys[k] = NULL;
    y_check_keys(y, n, keys);

    s->id = y_str(y, n, "id", false);
    if (!s->id) {
        /* A generated id never clashes with one an editor wrote. */
        char gen[64];
        snprintf(gen, sizeof gen, "%s-%d", slide_type_names[t], index + 1);
        for (int i = 0, suffix = 2; i < c->n_slides - 1; i++)
            if (strcmp(c->slides[i].id, gen) == 0) {
                snprintf(gen, sizeof gen, "%s-%d-%d", slide_type_names[t], index + 1, suffix++);
                i = -1;
            }
        s->id = arena_strdup(&c->mem, gen);
    }
    for (int i = 0; i < c->n_slides - 1; i++)
        if (strcmp(c->slides[i].id, s->id) == 0)
            y_error(y, y_get(y, n, "id"), "slide id '%s' is used twice (also slide %d)", s->id, i + 1);
    y_num(y, n, "duration", false, 1, 3600, &s->duration);
    s->has_from = y_date(y, n, "from", false, &s->from);
    s->has_until = y_date(y, n, "until", false, &s->until);
    if (s->has_from && s->has_until &&
        date_cmp_days(date_first_day(s->from), date_last_day(s->until)) > 0)
        y_error(y, y_get(y, n, "until"), "'until' is before 'from': the slide would never show");

    /* A you_said slide's title defaults to its consultation's, a results slide's to the
     * wording's results_title (resolve_slide_consultations); a we_did slide may have none. */
    bool title_required = s->type != SLIDE_QUOTE && s->type != SLIDE_IMAGE &&
                          s->type != SLIDE_YOU_SAID && s->type != SLIDE_RESULTS &&
                          s->type != SLIDE_WE_DID;
    if (s->type != SLIDE_IMAGE) s->title = y_text(y, n, "title", title_required);
    switch (s->type) {
    case SLIDE_TITLE:
        s->subtitle = y_text(y, n, "subtitle", false);
        s->footer = y_text(y, n, "footer", false);
        break;
    case SLIDE_TEXT: {
        int before = y->diags->count + y->diags->dropped;
        s->body = y_text(y, n, "body", false);
        load_bullets(L, s, n);
        /* A body of spaces and bullets of spaces are no text (they wrap to no lines): the
         * slide would be a heading over nothing. Said once, not again after a wrong bullet. */
        if (!s->body && !s->n_bullets && y->diags->count + y->diags->dropped == before) {
            if (!y_get(y, n, "bullets") && !y_get(y, n, "body"))
                y_error(y, n, "a text slide needs a 'body' or 'bullets'");
            else
                y_error(y, n,
                        "a text slide needs words in its 'body' or 'bullets', not only spaces");
        }
        break;
    }
    case SLIDE_HIGHLIGHTS: load_highlights(L, s, n); break;
    case SLIDE_THEMES:
        s->intro = y_text(y, n, "intro", false);
        if (c->n_themes == 0)
            y_error(y, n, "a themes slide shows the top-level 'themes' list, which is empty");
        break;
    case SLIDE_MILESTONES:
        s->intro = y_text(y, n, "intro", false);
        load_milestones(L, s, n);
        break;
    case SLIDE_INDICATORS:
        s->intro = y_text(y, n, "intro", false);
        load_indicators(L, s, n);
        break;
    case SLIDE_QUOTE:
        s->intro = y_text(y, n, "intro", false);
        load_quotes(L, s, n);
        break;
    case SLIDE_IMAGE: {
        static const char *const fits[] = {"contain", "cover", NULL};
        s->image = config_load_file(L, n, "file", true, "images", true);
        int f = y_enum(y, n, "fit", false, fits);
        s->fit = f == 1 ? FIT_COVER : FIT_CONTAIN;
        s->caption = y_text(y, n, "caption", false);
        s->alt = y_text(y, n, "alt", true);
        break;
    }
    case SLIDE_CALL_TO_ACTION:
        s->body = y_text(y, n, "body", false);
        s->button = y_text(y, n, "button", false);
        if (!s->button) s->button = "Have your say";
        break;
    case SLIDE_YOU_SAID:
        s->per_page = 3;
        y_int(y, n, "per_page", false, 1, 4, &s->per_page);
        break;
    case SLIDE_RESULTS:
        s->min_responses = 10;
        load_results(L, s, n);
        break;
    case SLIDE_WE_DID: load_we_did(L, s, n); break;
    case SLIDE_TYPE_COUNT: break;
    }
}

/* The same folder, whether named the same way or not (resolved when it exists). */
static bool same_dir(const char *a, const char *b) {
    char ra[PATH_MAX], rb[PATH_MAX];
    if (!realpath(a, ra)) snprintf(ra, sizeof ra, "%s", a);
    if (!realpath(b, rb)) snprintf(rb, sizeof rb, "%s", b);
    size_t la = strlen(ra), lb = strlen(rb);
    while (la > 1 && ra[la - 1] == '/') ra[--la] = '\0';
    while (lb > 1 && rb[lb - 1] == '/') rb[--lb] = '\0';
    return !strcmp(ra, rb);
}

/* feedback.fleet_dir: the folder every kiosk's folders gather into (Syncthing), read by the
 * results slide when it is there. Relative to the config's folder, like every path in it; it
 * need not exist yet (the first sync makes it). */
static void load_fleet_dir(loader *L, const ynode *n) {
    yctx *y = &L->y;
    config *c = L->c;
    const char *rel = y_str(y, n, "fleet_dir", false);
    if (!rel) return;
    char path[PATH_MAX];
    if (!config_resolve_path(L, n, "fleet_dir", rel, path, sizeof path)) return;
    c->feedback.fleet_dir = arena_strdup(&c->mem, path);
    const char *own = c->feedback.dir;
    if (own && same_dir(own, path) && y->first_pass && L->opt && L->opt->warnings) {
        const ynode *at = y_get(y, n, "fleet_dir");
        diag_add(L->opt->warnings, y->file, (int)at->start_mark.line + 1, (int)at->start_mark.column + 1,
                 "feedback: 'fleet_dir' is the same folder as 'dir': this kiosk's own records are read as "
                 "the fleet's. Name the folder Syncthing gathers every kiosk's into, or leave 'fleet_dir' "
                 "out on a kiosk that stands alone");
    }
}

static void load_feedback(loader *L, ynode *n) {
    yctx *y = &L->y;
    config *c = L->c;
    c->feedback.button = "Have your say";
    c->feedback.paused_hint = "Paused: tap to carry on";
    c->feedback.idle_seconds = 60;
    c->feedback.still_there_seconds = 20;
    c->feedback.thanks_seconds = 8;
    for (int i = 0; i < UI_COUNT; i++) c->feedback.ui[i] = ui_text_default((ui_text_id)i);
    if (!n || !y_expect_map(y, n, "'feedback'")) return;
    snprintf(y->where, sizeof y->where, "feedback: ");
    static const char *const keys[] = {"question", "button", "paused_hint", "dir",
                                       "privacy_notice", "idle_seconds", "still_there_seconds",
                                       "thanks_seconds", "text_limit", "steps", "wording",
                                       "public_key", "fleet_dir", NULL};
    y_check_keys(y, n, keys);
    const char *v;
    if ((v = y_text(y, n, "button", false))) c->feedback.button = v;
    if ((v = y_text(y, n, "paused_hint", false))) c->feedback.paused_hint = v;
    /* The kiosk's own folder and key, when this is content brought for it, are not read here. */
    c->feedback.dir = config_loader_own(L) ? NULL : y_str(y, n, "dir", false);
    c->feedback.public_key = config_loader_own(L) ? NULL : config_load_file(L, n, "public_key", false, NULL, false);
    if (!config_loader_own(L)) load_fleet_dir(L, n);
    if (c->feedback.public_key) {
        unsigned char pk[SEAL_KEY_BYTES];
        pk_error err = {{0}};
        seal_key_kind kind = SEAL_KEY_UNTYPED;
        ynode *at = y_get(y, n, "public_key");
        if (!seal_load_public_key(c->feedback.public_key, pk, &kind, &err)) {
            y_error(y, at, "'public_key': %s", err.msg);
        } else if (kind == SEAL_KEY_UNTYPED && y->first_pass && L->opt && L->opt->warnings) {
            /* A key file from before key files said what they are: it may be the secret one. */
            diag_add(L->opt->warnings, y->file, (int)at->start_mark.line + 1, (int)at->start_mark.column + 1,
                     "'public_key': %s does not say whether it is the public or the secret key (made by an "
                     "older plankiosk keygen); if it is the public key, make its first line \"plankiosk public "
                     "key v1\", or make a new pair with `plankiosk keygen`",
                     c->feedback.public_key);
        }
        if (kind != SEAL_KEY_SECRET) seal_fingerprint(pk, c->feedback.key_fingerprint);
    }
    y_int(y, n, "idle_seconds", false, 10, 3600, &c->feedback.idle_seconds);
    int still = c->feedback.still_there_seconds;
    if (y_int(y, n, "still_there_seconds", false, 1, 600, &still) && still < FEEDBACK_STILL_THERE_MIN)
        y_error(y, y_get(y, n, "still_there_seconds"),
                "'still_there_seconds' must be at least %d, not %d: people need that long to read "
                "\"Are you still there?\" and answer it (WCAG 2.2.1)", FEEDBACK_STILL_THERE_MIN, still);
    else
        c->feedback.still_there_seconds = still;
    y_int(y, n, "thanks_seconds", false, 2, 120, &c->feedback.thanks_seconds);
    /* question, privacy_notice, text_limit and steps: the first journey's form, read by
     * config_consult.c as a consultation. */
    ynode *w = y_get(y, n, "wording");
    if (w && y_expect_map(y, w, "'wording'")) {
        y_check_keys(y, w, ui_text_names());
        for (int i = 0; i < UI_COUNT; i++)
            if ((v = y_text(y, w, ui_text_name((ui_text_id)i), false))) c->feedback.ui[i] = v;
        check_placeholders(y, y_get(y, w, ui_text_name(UI_RESULTS_CAPTION)), ui_text_name(UI_RESULTS_CAPTION),
                           results_placeholders);
        check_placeholders(y, y_get(y, w, ui_text_name(UI_RESULTS_CAPTION_ONE)),
                           ui_text_name(UI_RESULTS_CAPTION_ONE), results_placeholders);
    }
    y->where[0] = '\0';
}

static bool parse_hhmm(const char *s, int *min) {
    int h, m;
    char tail;
    if (strlen(s) != 5 || sscanf(s, "%2d:%2d%c", &h, &m, &tail) != 2 || s[2] != ':') return false;
    if (h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0)) return false;
    *min = h * 60 + m;
    return true;
}

static void load_hours(loader *L, ynode *n) {
    yctx *y = &L->y;
    config *c = L->c;
    static const char *const keys[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                       "saturday", "sunday", "outside", NULL};
    if (config_loader_own(L)) {
        /* The building's hours are the kiosk's own (config_kiosk_own.c). */
        if (n && y_expect_map(y, n, "'hours'")) y_check_keys(y, n, keys);
        return;
    }
    if (!n || !y_expect_map(y, n, "'hours'")) return;
    static const char *const outside[] = {"black", "clock", NULL};
    snprintf(y->where, sizeof y->where, "hours: ");
    y_check_keys(y, n, keys);
    c->hours.set = true;
    for (int d = 0; d < 7; d++) {
        c->hours.open_min[d] = 0;
        c->hours.close_min[d] = 24 * 60;
        const char *v = y_str(y, n, keys[d], false);
        if (!v || !strcmp(v, "all day")) continue;
        if (!strcmp(v, "closed")) {
            c->hours.closed[d] = true;
            continue;
        }
        char a[8] = "", b[8] = "";
        int o, cl;
        if (strlen(v) == 11 && v[5] == '-') {
            memcpy(a, v, 5);
            memcpy(b, v + 6, 5);
        }
        if (!a[0] || !parse_hhmm(a, &o) || !parse_hhmm(b, &cl)) {
            y_error(y, y_get(y, n, keys[d]), "'%s' must be like \"09:00-17:30\", \"closed\" or \"all day\", not \"%s\"", keys[d], v);
            continue;
        }
        if (cl <= o) {
            y_error(y, y_get(y, n, keys[d]), "'%s': closing time %s is not after opening time %s", keys[d], b, a);
            continue;
        }
        c->hours.open_min[d] = o;
        c->hours.close_min[d] = cl;
    }
    c->hours.clock = y_enum(y, n, "outside", false, outside) == 1;
    y->where[0] = '\0';
}

/* staff.pin_hash_file: the hash in a file of its own beside the config (on a Raspberry Pi card,
 * written at boot from the staff's plain staff-pin.txt), one line as `plankiosk hash-pin` prints
 * it; a byte-order mark, CR LF and trailing blanks are what Windows editors add, and are fine.
 * A file not there yet leaves staff mode off with a warning; one that cannot be read, or holds
 * anything but the hash, is an error at the key. Its text is never repeated in a message: it
 * may be the PIN itself. */
static const char *load_pin_hash_file(loader *L, const ynode *n) {
    yctx *y = &L->y;
    config *c = L->c;
    const char *rel = y_str(y, n, "pin_hash_file", false);
    ynode *at = y_get(y, n, "pin_hash_file");
    if (!rel) return NULL;
    if (y_get(y, n, "pin_hash")) {
        y_error(y, at, "give the PIN's hash once: 'pin_hash' or 'pin_hash_file', not both");
        return NULL;
    }
    char path[PATH_MAX];
    if (!config_resolve_path(L, n, "pin_hash_file", rel, path, sizeof path)) return NULL;
    c->staff.pin_hash_file = arena_strdup(&c->mem, path);
    FILE *f = fopen(path, "rb");
    if (!f && errno == ENOENT) {
        if (y->first_pass && L->opt && L->opt->warnings)
            diag_add(L->opt->warnings, y->file, (int)at->start_mark.line + 1, (int)at->start_mark.column + 1,
                     "staff: 'pin_hash_file': %s does not exist (yet): staff mode stays off until it does; make "
                     "its line with `plankiosk hash-pin`", path);
        return NULL;
    }
    char buf[PIN_HASH_MAX + 64];
    size_t len = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    int e = !f ? errno : ferror(f) ? (errno ? errno : EIO) : 0;
    bool whole = f && !e && feof(f);
    if (f) fclose(f);
    if (e) {
        y_error(y, at, "'pin_hash_file': cannot read %s: %s", path, strerror(e));
        return NULL;
    }
    bool nul = memchr(buf, '\0', len) != NULL;
    buf[len] = '\0';
    char *h = buf;
    if (len >= 3 && !memcmp(h, "\xEF\xBB\xBF", 3)) h += 3; /* a BOM from Notepad */
    size_t hl = strlen(h);
    while (hl && strchr(" \t\r\n", h[hl - 1])) h[--hl] = '\0';
    /* Too long to be a hash, a NUL byte, a second line: none of these is the line asked for. */
    if (!whole || nul || strpbrk(h, "\r\n") || !pin_hash_valid(h)) {
        y_error(y, at, "'pin_hash_file': %s must hold one line, the one printed by `plankiosk hash-pin` (it "
                "starts with $argon2id$); never the PIN itself", path);
        return NULL;
    }
    return arena_strdup(&c->mem, h);
}

static void load_staff(loader *L, ynode *n) {
    yctx *y = &L->y;
    config *c = L->c;
    c->staff.hold_seconds = 5;
    static const char *const keys[] = {"pin_hash", "pin_hash_file", "corner", "hold_seconds", NULL};
    if (config_loader_own(L)) {
        /* Content for a kiosk with its own PIN (config_kiosk_own.c): a stick needs none. */
        if (n && y_expect_map(y, n, "'staff'")) y_check_keys(y, n, keys);
        return;
    }
    if (!n || !y_expect_map(y, n, "'staff'")) return;
    snprintf(y->where, sizeof y->where, "staff: ");
    static const char *const corners[] = {"top-left", "top-right", "bottom-left", "bottom-right", NULL};
    y_check_keys(y, n, keys);
    c->staff.pin_hash = y_str(y, n, "pin_hash", false);
    if (c->staff.pin_hash && !pin_hash_valid(c->staff.pin_hash)) {
        y_error(y, y_get(y, n, "pin_hash"), "'pin_hash' must be the line printed by `plankiosk "
                "hash-pin` (it starts with $argon2id$); never write the PIN itself here");
        c->staff.pin_hash = NULL;
    }
    if (y_get(y, n, "pin_hash_file")) c->staff.pin_hash = load_pin_hash_file(L, n);
    int corner = y_enum(y, n, "corner", false, corners);
    if (corner >= 0) c->staff.corner = corner;
    y_int(y, n, "hold_seconds", false, 2, 30, &c->staff.hold_seconds);
    y->where[0] = '\0';
}

/* The `languages` block: which languages the kiosk offers, the default, which are unreviewed.
 * Without it the kiosk has one language, "en". */
static void load_languages(yctx *y, const ynode *root, config_languages *out) {
    memset(out, 0, sizeof *out);
    out->n = 1;
    snprintf(out->code[0], sizeof out->code[0], "en");
    ynode *n = root && root->type == YAML_MAPPING_NODE ? y_get(y, root, "languages") : NULL;
    if (!n || !y_expect_map(y, n, "'languages'")) return;
    snprintf(y->where, sizeof y->where, "languages: ");
    static const char *const keys[] = {"default", "available", "unreviewed", "keyboards", NULL};
    y_check_keys(y, n, keys);
    ynode *avail = y_seq(y, n, "available", true, 1, CONFIG_MAX_LANGS);
    if (avail) {
        out->n = 0;
        for (int i = 0; i < y_seq_len(avail); i++) {
            ynode *it = y_seq_item(y, avail, i);
            const char *code = y_scalar_str(y, it, "available");
            if (!code) continue;
            size_t len = strlen(code);
            if (len < 2 || len > 3 || strspn(code, "abcdefghijklmnopqrstuvwxyz") != len) {
                y_error(y, it, "'%s' is not a language code: use two or three lowercase letters "
                        "(en, ur, pl, sk, cs, ro)", code);
                continue;
            }
            if (!strcmp(code, Y_TEXT_ALL)) {
                y_error(y, it, "'%s' cannot be a language: {%s: ...} marks a text that is the "
                        "same in every language", code, Y_TEXT_ALL);
                continue;
            }
            snprintf(out->code[out->n++], sizeof out->code[0], "%s", code);
        }
        if (out->n == 0) out->n = 1;
    }
    const char *def = y_str(y, n, "default", true);
    if (def) {
        out->default_lang = -1;
        for (int i = 0; i < out->n; i++)
            if (!strcmp(out->code[i], def)) out->default_lang = i;
        if (out->default_lang < 0) {
            y_error(y, y_get(y, n, "default"), "'default' is \"%s\", which is not in 'available'", def);
            out->default_lang = 0;
        }
    }
    ynode *unrev = y_seq(y, n, "unreviewed", false, 0, CONFIG_MAX_LANGS);
    for (int i = 0; unrev && i < y_seq_len(unrev); i++) {
        const char *code = y_scalar_str(y, y_seq_item(y, unrev, i), "unreviewed");
        bool found = false;
        for (int k = 0; code && k < out->n; k++)
            if (!strcmp(out->code[k], code)) out->unreviewed[k] = found = true;
        if (code && !found)
            y_error(y, y_seq_item(y, unrev, i), "'%s' is not in 'available'", code);
    }
    y->where[0] = '\0';
}

/* A keyboard file, read once however many languages use it. */
typedef struct kb_cache {
    int n;
    char path[CONFIG_MAX_LANGS + 1][PATH_MAX];
    const keyboard_layout *layout[CONFIG_MAX_LANGS + 1];
} kb_cache;

static const keyboard_layout *cached_keyboard(kb_cache *cache, const char *path, arena *mem,
                                              diag_list *diags) {
    for (int i = 0; i < cache->n; i++)
        if (!strcmp(cache->path[i], path)) return cache->layout[i];
    const keyboard_layout *kb = keyboard_file_load(path, mem, diags);
    if (cache->n < CONFIG_MAX_LANGS + 1) {
        snprintf(cache->path[cache->n], PATH_MAX, "%s", path);
        cache->layout[cache->n++] = kb;
    }
    return kb;
}

/* The node of code in languages.available, to locate a message about that language; NULL if
 * the file has no such list (a config without a `languages` block is English only). */
static const ynode *available_item(yctx *y, const ynode *root, const char *code) {
    ynode *n = root && root->type == YAML_MAPPING_NODE ? y_get(y, root, "languages") : NULL;
    ynode *avail = n && n->type == YAML_MAPPING_NODE ? y_get(y, n, "available") : NULL;
    for (int i = 0; avail && avail->type == YAML_SEQUENCE_NODE && i < y_seq_len(avail); i++) {
        const ynode *it = y_seq_item(y, avail, i);
        if (it->type == YAML_SCALAR_NODE && !strcmp((const char *)it->data.scalar.value, code))
            return it;
    }
    return NULL;
}

/* Each language's on-screen keyboard: languages.keyboards.<code> when given (next to the
 * config, then in the assets), else the shipped keyboards/<code>.yaml; a language with no
 * keyboard of its own types on the UK one, with a warning. Problems inside a keyboard file are
 * reported at their place in that file, so `plankiosk check` shows a broken keyboard like a
 * broken config. The layouts go into the first config's arena; every language shares them. */
static void load_keyboards(yctx *y, const ynode *root, config *const *by_lang,
                           const config_languages *langs, const config_options *opt, config *first) {
    const char *assets = opt && opt->assets_dir ? opt->assets_dir : paths_assets_dir();
    ynode *n = root && root->type == YAML_MAPPING_NODE ? y_get(y, root, "languages") : NULL;
    n = n && n->type == YAML_MAPPING_NODE ? y_get(y, n, "keyboards") : NULL;
    snprintf(y->where, sizeof y->where, "languages: keyboards: ");
    if (n && !y_expect_map(y, n, "'keyboards'")) n = NULL;
    for (yaml_node_pair_t *p = n ? n->data.mapping.pairs.start : NULL; p && p < n->data.mapping.pairs.top; p++) {
        ynode *k = y_node(y, p->key);
        const char *code = k->type == YAML_SCALAR_NODE ? (const char *)k->data.scalar.value : "";
        bool known = false;
        for (int i = 0; i < langs->n; i++) known |= !strcmp(langs->code[i], code);
        if (!known) y_error(y, k, "'%s' is not in 'available'", code);
    }
    kb_cache *cache = calloc(1, sizeof *cache);
    char path[PATH_MAX], rel[64];
    if (!cache) return;
    const keyboard_layout *latin = NULL;
    if (paths_find(NULL, assets, NULL, KEYBOARD_FILE_LATIN, path, sizeof path))
        latin = cached_keyboard(cache, path, &first->mem, y->diags);
    else
        y_error(y, NULL, "the keyboard %s is not in %s: is plankiosk installed whole?", KEYBOARD_FILE_LATIN, assets);
    for (int i = 0; i < langs->n; i++) {
        const keyboard_layout *kb = latin;
        ynode *v = n ? y_get(y, n, langs->code[i]) : NULL;
        const char *given = v ? y_scalar_str(y, v, langs->code[i]) : NULL;
        if (given && !paths_find(first->dir, assets, NULL, given, path, sizeof path))
            y_error(y, v, "'%s': file \"%s\" not found (looked in %s and the assets folder)", langs->code[i],
                    given, first->dir);
        else if (given)
            kb = cached_keyboard(cache, path, &first->mem, y->diags);
        else if (paths_find(NULL, assets, NULL, keyboard_file_default(langs->code[i], rel, sizeof rel), path, sizeof path))
            kb = cached_keyboard(cache, path, &first->mem, y->diags);
        else if (opt && opt->warnings) {
            /* Located at the code in 'available', and naming the file looked for, so an
             * editor sees which language it is and where a keyboard file would go. */
            const ynode *at = available_item(y, root, langs->code[i]);
            diag_add(opt->warnings, y->file, at ? (int)at->start_mark.line + 1 : 0,
                     at ? (int)at->start_mark.column + 1 : 0,
                     "languages: '%s' has no keyboard of its own (looked for %s/%s): it is typed on "
                     "the UK keyboard. To give it one, name a file under languages: keyboards:",
                     langs->code[i], assets, rel);
        }
        if (by_lang[i]) by_lang[i]->keyboard = kb;
        if (by_lang[i]) by_lang[i]->keyboard_latin = latin;
    }
    free(cache);
    y->where[0] = '\0';
}

static void load_accessibility(loader *L, ynode *n) {
    yctx *y = &L->y;
    if (!n || !y_expect_map(y, n, "'accessibility'")) return;
    snprintf(y->where, sizeof y->where, "accessibility: ");
    static const char *const keys[] = {"read_aloud", "volume", NULL};
    y_check_keys(y, n, keys);
    y_bool(y, n, "read_aloud", &L->c->accessibility.read_aloud);
    y_num(y, n, "volume", false, 0, 1, &L->c->accessibility.volume);
    y->where[0] = '\0';
}

/* Languages a block list may be for beyond the file's own: those a visitor in an English town
 * is likely to write in, so a shared list can serve kiosks that offer more languages. */
static const char *const block_codes[] = {
    "en", "ur", "pl", "sk", "cs", "ro", "pa", "bn", "gu", "hi", "ar", "fa", "ps", "ku", "so",
    "ti", "am", "tr", "el", "bg", "hu", "lt", "lv", "et", "ru", "uk", "sq", "pt", "es", "it",
    "fr", "de", "nl", "zh", "ta", "ml", "te", "cy", "gd", "ga", "yi", "he", NULL};

/* moderation: {block: {en: [word, ...], pl: [...]}}: words held back in quotes on top of the
 * shipped assets/moderation/<lang>.txt (quotes/quote_screen.h). */
static void load_moderation(loader *L, ynode *n) {
    yctx *y = &L->y;
    config *c = L->c;
    if (!n || !y_expect_map(y, n, "'moderation'")) return;
    snprintf(y->where, sizeof y->where, "moderation: ");
    static const char *const keys[] = {"block", NULL};
    y_check_keys(y, n, keys);
    ynode *b = y_get(y, n, "block");
    if (b && y_expect_map(y, b, "'block' (one list of words per language, {en: [...], pl: [...]})")) {
        int total = 0;
        for (yaml_node_pair_t *p = b->data.mapping.pairs.start; p < b->data.mapping.pairs.top; p++) {
            ynode *v = y_node(y, p->value);
            total += v->type == YAML_SEQUENCE_NODE ? y_seq_len(v) : 0;
        }
        c->moderation.block = arena_alloc(&c->mem, sizeof *c->moderation.block * (size_t)(total ? total : 1));
        c->moderation.block_lang = arena_alloc(&c->mem, sizeof *c->moderation.block_lang * (size_t)(total ? total : 1));
        for (yaml_node_pair_t *p = b->data.mapping.pairs.start; p < b->data.mapping.pairs.top; p++) {
            ynode *k = y_node(y, p->key), *v = y_node(y, p->value);
            const char *code = k->type == YAML_SCALAR_NODE ? (const char *)k->data.scalar.value : "";
            bool known = false;
            for (int i = 0; !known && y->langs && i < y->langs->n; i++) known = !strcmp(y->langs->code[i], code);
            for (int i = 0; !known && block_codes[i]; i++) known = !strcmp(block_codes[i], code);
            if (!known) {
                const char *hint = y_suggest(code, block_codes);
                if (hint) y_error(y, k, "'block': '%s' is not a language code (did you mean '%s'?)", code, hint);
                else y_error(y, k, "'block': '%s' is not a language code: give the two letters of a language "
                             "(en, ur, pl, sk, cs, ro)", code);
                continue;
            }
            if (v->type != YAML_SEQUENCE_NODE) {
                y_error(y, v, "'block': '%s' must be a list of words, like [word, \"two words\"], not %s", code, y_kind(v));
                continue;
            }
            const char *lang = arena_strdup(&c->mem, code);
            for (int i = 0; i < y_seq_len(v); i++) {
                ynode *w = y_seq_item(y, v, i);
                const char *word = y_scalar_str(y, w, "block");
                if (!word) continue;
                const char *t = word;
                while (*t == ' ' || *t == '\t') t++;
                if (!*t) {
                    /* An empty entry would match everything, or nothing: neither is meant. */
                    y_error(y, w, "'block': an empty word in the '%s' list", code);
                    continue;
                }
                c->moderation.block_lang[c->moderation.n_block] = lang;
                c->moderation.block[c->moderation.n_block++] = arena_strdup(&c->mem, word);
            }
        }
    }
    y->where[0] = '\0';
}

int config_language_index(const config *c, const char *code) {
    for (int i = 0; i < c->languages.n; i++)
        if (!strcmp(c->languages.code[i], code)) return i;
    return -1;
}

static void load_root(loader *L, ynode *root) {
    yctx *y = &L->y;
    if (!root || root->type != YAML_MAPPING_NODE) {
        y_error(y, root, "the file must be a mapping of sections (plankiosk:, kiosk:, plan:, "
                "slides:, ...), not %s", root ? y_kind(root) : "empty");
        return;
    }
    static const char *const keys[] = {"plankiosk", "kiosk", "loop", "theme", "plan",
                                       "themes", "slides", "feedback", "staff", "hours",
                                       "languages", "accessibility", "consultations",
                                       "moderation", NULL};
    y_check_keys(y, root, keys);
    int version = 0;
    if (y_int(y, root, "plankiosk", true, 0, 1000, &version) && version != 1)
        y_error(y, y_get(y, root, "plankiosk"),
                "this file is format version %d; this plankiosk reads version 1", version);
    load_kiosk(L, y_get(y, root, "kiosk"));
    load_loop(L, y_get(y, root, "loop"));
    load_theme(L, y_get(y, root, "theme"));
    load_plan(L, y_get(y, root, "plan"));
    load_themes(L, root);
    ynode *slides = y_seq(y, root, "slides", true, 1, CONFIG_MAX_SLIDES);
    for (int i = 0; slides && i < y_seq_len(slides); i++)
        load_slide(L, i, y_seq_item(y, slides, i));
    y->where[0] = '\0';
    load_feedback(L, y_get(y, root, "feedback"));
    load_consultations(L, root, y_get(y, root, "feedback"));
    resolve_slide_consultations(L, slides);
    load_staff(L, y_get(y, root, "staff"));
    load_hours(L, y_get(y, root, "hours"));
    load_accessibility(L, y_get(y, root, "accessibility"));
    load_moderation(L, y_get(y, root, "moderation"));
}

static void hash_hex(const char *text, size_t len, char out[17]) {
    unsigned char h[8];
    crypto_generichash(h, sizeof h, (const unsigned char *)text, len, NULL, 0);
    for (int i = 0; i < 8; i++) snprintf(out + 2 * i, 3, "%02x", h[i]);
}

static config *new_config(const char *text, const char *name, const char *dir) {
    config *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->path = arena_strdup(&c->mem, name);
    c->dir = arena_strdup(&c->mem, dir ? dir : ".");
    hash_hex(text, strlen(text), c->hash);
    set_defaults(c);
    return c;
}

config *config_load_string(const char *text, const char *name, const char *dir,
                           const config_options *opt, diag_list *diags) {
    int before = diags->count + diags->dropped;
    yaml_document_t doc;
    if (!y_parse(text, name, &doc, diags)) return NULL;
    ynode *root = yaml_document_get_root_node(&doc);
    config_languages langs;
    arena scratch = {0};
    yctx ly = {.doc = &doc, .file = name, .diags = diags, .mem = &scratch};
    load_languages(&ly, root, &langs);
    char content_hash[17];
    config_content_hash(&ly, root, content_hash);
    arena_free(&scratch);
    /* One walk of the document per language: the default first (it reports the problems and
     * counts coverage), then the others quietly, each into a config of its own, so every
     * screen simply reads the config of the language being shown. */
    config *by_lang[CONFIG_MAX_LANGS] = {0};
    diag_list *quiet = calloc(1, sizeof *quiet);
    config_options quiet_opt = {.assets_dir = opt ? opt->assets_dir : NULL, .kiosk_own = opt ? opt->kiosk_own : NULL};
    bool ok = quiet != NULL;
    for (int pass = 0; ok && pass < langs.n; pass++) {
        int lang = pass == 0 ? langs.default_lang : (pass <= langs.default_lang ? pass - 1 : pass);
        config *c = new_config(text, name, dir);
        if (!c) {
            ok = false;
            break;
        }
        by_lang[lang] = c;
        c->lang = lang;
        loader L = {.y = {.doc = &doc, .file = name, .diags = pass == 0 ? diags : quiet, .mem = &c->mem,
                          .langs = &langs, .lang = lang, .first_pass = pass == 0,
                          .missing = opt ? opt->missing : NULL},
                    .c = c, .opt = pass == 0 ? opt : NULL};
        if (pass > 0) L.opt = &quiet_opt; /* files are still found, not checked again */
        load_root(&L, root);
        if (pass == 0 && diags->count + diags->dropped != before) ok = false;
    }
    free(quiet);
    if (by_lang[langs.default_lang]) {
        int was = diags->count + diags->dropped;
        yctx ky = {.doc = &doc, .file = name, .diags = diags, .mem = &by_lang[langs.default_lang]->mem};
        load_keyboards(&ky, root, by_lang, &langs, opt, by_lang[langs.default_lang]);
        if (diags->count + diags->dropped != was) ok = false;
    }
    yaml_document_delete(&doc);
    config *first = by_lang[langs.default_lang];
    for (int i = 0; i < langs.n; i++) {
        if (!by_lang[i]) continue;
        by_lang[i]->languages = langs;
        memcpy(by_lang[i]->by_lang, by_lang, sizeof by_lang);
    }
    if (!ok) {
        for (int i = 0; i < langs.n; i++)
            if (by_lang[i]) {
                arena_free(&by_lang[i]->mem);
                free(by_lang[i]);
            }
        return NULL;
    }
    for (int i = 0; i < langs.n; i++) {
        memcpy(by_lang[i]->content_hash, content_hash, sizeof content_hash);
        if (opt && opt->kiosk_own) config_take_kiosk_own(by_lang[i], opt->kiosk_own);
    }
    first->owns_langs = true;
    return first;
}

config *config_load(const char *path, const config_options *opt, diag_list *diags) {
    char *buf = y_read_file(path, diags);
    if (!buf) return NULL;
    char dir[PATH_MAX];
    paths_dirname(path, dir, sizeof dir);
    config *c = config_load_string(buf, path, dir, opt, diags);
    free(buf);
    return c;
}

void config_free(config *c) {
    if (!c) return;
    if (c->owns_langs)
        for (int i = 0; i < c->languages.n; i++)
            if (c->by_lang[i] && c->by_lang[i] != c) {
                arena_free(&c->by_lang[i]->mem);
                free(c->by_lang[i]);
            }
    arena_free(&c->mem);
    free(c);
}
