#include "config/config_yaml.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "text/utf8.h"

#define LINE(n) ((int)(n)->start_mark.line + 1)
#define COL(n) ((int)(n)->start_mark.column + 1)

void y_error(yctx *y, const ynode *at, const char *fmt, ...) {
    char msg[DIAG_LEN];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_add(y->diags, y->file, at ? LINE(at) : 0, at ? COL(at) : 0, "%s%s", y->where, msg);
}

const char *y_kind(const ynode *n) {
    switch (n->type) {
    case YAML_SCALAR_NODE: return "a single value";
    case YAML_SEQUENCE_NODE: return "a list";
    case YAML_MAPPING_NODE: return "a mapping of keys";
    default: return "empty";
    }
}

ynode *y_node(yctx *y, int index) { return yaml_document_get_node(y->doc, index); }

static bool scalar_is(const ynode *n, const char *s) {
    return n->type == YAML_SCALAR_NODE && n->data.scalar.length == strlen(s) &&
           memcmp(n->data.scalar.value, s, n->data.scalar.length) == 0;
}

static yaml_node_pair_t *find_pair(yctx *y, const ynode *map, const char *key) {
    if (!map || map->type != YAML_MAPPING_NODE) return NULL;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++)
        if (scalar_is(y_node(y, p->key), key)) return p;
    return NULL;
}

ynode *y_get(yctx *y, const ynode *map, const char *key) {
    yaml_node_pair_t *p = find_pair(y, map, key);
    return p ? y_node(y, p->value) : NULL;
}

ynode *y_key(yctx *y, const ynode *map, const char *key) {
    yaml_node_pair_t *p = find_pair(y, map, key);
    return p ? y_node(y, p->key) : NULL;
}

/* Edit distance counting a swap of two neighbours as one edit ("titel" is one slip from
 * "title"): optimal string alignment, case-insensitive. */
static int edit_distance(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40) return 99;
    int d[41][41];
    for (size_t i = 0; i <= la; i++) d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++) d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            int ca = tolower((unsigned char)a[i - 1]), cb = tolower((unsigned char)b[j - 1]);
            int best = d[i - 1][j - 1] + (ca != cb);
            if (d[i - 1][j] + 1 < best) best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best) best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
                tolower((unsigned char)a[i - 2]) == cb && d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[la][lb];
}

const char *y_suggest(const char *word, const char *const *candidates) {
    const char *best = NULL;
    int best_d = 99;
    /* Close enough to be a slip, not a different word ("colours" is not "hours"). */
    int limit = (int)strlen(word) / 4 + 1;
    if (limit > 3) limit = 3;
    for (int i = 0; candidates[i]; i++) {
        int d = edit_distance(word, candidates[i]);
        if (d < best_d) best_d = d, best = candidates[i];
    }
    return best_d <= limit ? best : NULL;
}

void y_check_keys(yctx *y, const ynode *map, const char *const *allowed) {
    if (!map || map->type != YAML_MAPPING_NODE) return;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        ynode *k = y_node(y, p->key);
        if (k->type != YAML_SCALAR_NODE) {
            y_error(y, k, "a key must be a single word, not %s", y_kind(k));
            continue;
        }
        const char *name = (const char *)k->data.scalar.value;
        for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < p; q++)
            if (scalar_is(y_node(y, q->key), name)) {
                y_error(y, k, "'%s' is given twice (first on line %d)", name,
                        LINE(y_node(y, q->key)));
                break;
            }
        bool known = false;
        for (int i = 0; allowed[i] && !known; i++) known = strcmp(allowed[i], name) == 0;
        if (known) continue;
        const char *hint = y_suggest(name, allowed);
        if (hint)
            y_error(y, k, "unknown key '%s' (did you mean '%s'?)", name, hint);
        else {
            char list[300] = "";
            for (int i = 0; allowed[i]; i++) {
                if (i) strncat(list, ", ", sizeof list - strlen(list) - 1);
                strncat(list, allowed[i], sizeof list - strlen(list) - 1);
            }
            y_error(y, k, "unknown key '%s' (known keys: %s)", name, list);
        }
    }
}

bool y_expect_map(yctx *y, const ynode *n, const char *what) {
    if (n && n->type == YAML_MAPPING_NODE) return true;
    if (n) y_error(y, n, "%s must be a mapping of keys, not %s", what, y_kind(n));
    return false;
}

static ynode *lookup(yctx *y, const ynode *map, const char *key, bool required) {
    ynode *v = y_get(y, map, key);
    if (!v && required && map && map->type == YAML_MAPPING_NODE)
        y_error(y, map, "missing required key '%s'", key);
    return v;
}

const char *y_scalar_str(yctx *y, const ynode *n, const char *what) {
    if (n->type != YAML_SCALAR_NODE) {
        y_error(y, n, "'%s' must be text, not %s", what, y_kind(n));
        return NULL;
    }
    return (const char *)n->data.scalar.value;
}

/* Nothing but white space: what finish_str() turns into no text at all. */
static bool blank(const char *s) {
    while (isspace((unsigned char)*s)) s++;
    return !*s;
}

/* True if s has a letter of any script. Without a Unicode table: ASCII letters, and any
 * character outside the blocks of digits, punctuation, symbols, spaces and marks that texts
 * on a kiosk use, so a doubtful character counts as a letter and its text is still listed
 * as missing a translation rather than hidden. */
static bool has_letters(const char *s) {
    static const uint32_t not_letters[][2] = {
        {0x0080, 0x00A9}, {0x00AB, 0x00B4}, {0x00B6, 0x00B9}, {0x00BB, 0x00BF}, /* £ ° ½ ... */
        {0x00D7, 0x00D7}, {0x00F7, 0x00F7},                                     /* × ÷ */
        {0x0300, 0x036F},                                       /* combining accents alone */
        {0x0600, 0x060F}, {0x061B, 0x061F}, {0x0660, 0x066D}, {0x06D4, 0x06D4},
        {0x06F0, 0x06F9},                             /* Arabic and Urdu digits, ، ؟ ٪ ۔ */
        {0x0964, 0x096F},                                       /* Devanagari danda, digits */
        {0x2000, 0x2BFF}, {0x2E00, 0x2E7F}, {0x3000, 0x303F}, /* punctuation, €, arrows ... */
        {0xFE00, 0xFE0F}, {0xFE10, 0xFE6F}, {0xFEFF, 0xFEFF}, {0xFF01, 0xFF20},
        {0xFF3B, 0xFF40}, {0xFF5B, 0xFF65}, {0xFFE0, 0xFFFD},
        {0x1F000, 0x1FAFF}, {0xE0000, 0xE007F},                              /* emoji */
    };
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, n - i, &cp);
        if (cp < 0x80) {
            if (isalpha((int)cp)) return true;
            continue;
        }
        bool letter = true;
        for (size_t r = 0; letter && r < sizeof not_letters / sizeof not_letters[0]; r++)
            letter = cp < not_letters[r][0] || cp > not_letters[r][1];
        if (letter) return true;
    }
    return false;
}

/* A language code of the file's, or Y_TEXT_ALL. */
static bool text_key(const config_languages *L, const ynode *k) {
    if (k->type != YAML_SCALAR_NODE) return false;
    const char *code = (const char *)k->data.scalar.value;
    for (int i = 0; i < L->n; i++)
        if (!strcmp(L->code[i], code)) return true;
    return !strcmp(code, Y_TEXT_ALL);
}

/* Coverage and, when asked, the list of missing translations, on the first pass only. */
static void count_coverage(yctx *y, const ynode *v, const char *key, const bool *have, const char *note) {
    config_languages *L = y->langs;
    L->strings++;
    for (int i = 0; i < L->n; i++) L->translated[i] += have[i];
    if (y->missing)
        for (int i = 0; i < L->n; i++)
            if (!have[i])
                diag_add(y->missing, y->file, (int)v->start_mark.line + 1, (int)v->start_mark.column + 1,
                         "%s'%s' has no %s text%s", y->where, key, L->code[i], note);
}

/* A text given as {en: ..., ur: ...}: the string for y->lang, else the one under `all`, else
 * the default language's. On the first pass, unknown language codes are reported and
 * coverage is counted. */
static const char *translated(yctx *y, const ynode *v, const char *key) {
    config_languages *L = y->langs;
    const char *chosen = NULL, *fallback = NULL, *all = NULL;
    bool have[CONFIG_MAX_LANGS] = {false};
    /* A mapping with no language code at all is a mistake of shape, not of translation. */
    bool any = false;
    for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top && !any; p++)
        any = text_key(L, y_node(y, p->key));
    if (!any) {
        if (y->first_pass)
            y_error(y, v, "'%s' must be text, or one text per language like {en: ..., pl: ...}, "
                    "not a mapping of other keys", key);
        return NULL;
    }
    for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top; p++) {
        ynode *k = y_node(y, p->key), *val = y_node(y, p->value);
        const char *code = k->type == YAML_SCALAR_NODE ? (const char *)k->data.scalar.value : "";
        if (!strcmp(code, Y_TEXT_ALL)) {
            const char *s = y_scalar_str(y, val, key);
            if (s && !blank(s)) all = s;
            continue;
        }
        int idx = -1;
        for (int i = 0; L && i < L->n; i++)
            if (!strcmp(L->code[i], code)) idx = i;
        if (idx < 0) {
            if (y->first_pass)
                y_error(y, k, "'%s': '%s' is not one of the languages in 'languages.available'", key, code);
            continue;
        }
        const char *s = y_scalar_str(y, val, key);
        if (!s) continue;
        /* A translation of spaces is none: that language gets the default's words, as when it
         * is missing, rather than no text where one is required ("(null)" on a quote card). A
         * blank default is finish_str()'s to report. */
        bool words = !blank(s) || idx == L->default_lang;
        have[idx] = words;
        if (idx == y->lang && words) chosen = s;
        if (idx == L->default_lang) fallback = s;
    }
    /* `all` gives its words to every language without its own; the default language's
     * words, when they have no letter, need no translation either. */
    if (all && !fallback) fallback = all;
    bool same_everywhere = all || (fallback && !blank(fallback) && !has_letters(fallback));
    for (int i = 0; same_everywhere && i < L->n; i++) have[i] = true;
    if (y->first_pass && L) {
        if (!have[L->default_lang])
            y_error(y, v, "'%s' has no text in the default language '%s'", key, L->code[L->default_lang]);
        count_coverage(y, v, key, have, "");
    }
    if (!chosen && all && y->lang != L->default_lang) chosen = all;
    return chosen ? chosen : fallback;
}

static const char *finish_str(yctx *y, const ynode *v, const char *key, const char *s, bool required);

const char *y_str(yctx *y, const ynode *map, const char *key, bool required) {
    ynode *v = lookup(y, map, key, required);
    if (!v) return NULL;
    return finish_str(y, v, key, y_scalar_str(y, v, key), required);
}

const char *y_text(yctx *y, const ynode *map, const char *key, bool required) {
    ynode *v = lookup(y, map, key, required);
    return v ? y_text_node(y, v, key, required) : NULL;
}

const char *y_text_node(yctx *y, const ynode *v, const char *key, bool required) {
    const char *s;
    if (v->type == YAML_MAPPING_NODE && y->langs) {
        s = translated(y, v, key);
        if (!s) return NULL;
    } else {
        s = y_scalar_str(y, v, key);
        /* A plain text is the same in every language: counted, and listed as missing for the
         * other languages only when asked, unless it has no letter to translate ("%"). */
        if (s && y->first_pass && y->langs && y->langs->n > 1) {
            config_languages *L = y->langs;
            bool have[CONFIG_MAX_LANGS] = {false}, symbols = !blank(s) && !has_letters(s);
            for (int i = 0; i < L->n; i++) have[i] = symbols || i == L->default_lang;
            count_coverage(y, v, key, have,
                           " (the same words show in every language; write {all: ...} if they should)");
        }
    }
    return finish_str(y, v, key, s, required);
}

static const char *finish_str(yctx *y, const ynode *v, const char *key, const char *s, bool required) {
    if (!s) return NULL;
    if (blank(s)) {
        if (required) y_error(y, v, "'%s' must not be empty", key);
        return NULL;
    }
    /* Trailing newlines from YAML block scalars (|, >) are not content; spaces may be (a
     * prefix "Almost " needs its space). */
    size_t len = strlen(s);
    while (len && s[len - 1] == '\n') len--;
    return arena_strndup(y->mem, s, len);
}

bool y_scalar_num(yctx *y, const ynode *n, const char *what, double *out) {
    if (n->type != YAML_SCALAR_NODE) {
        y_error(y, n, "'%s' must be a number, not %s", what, y_kind(n));
        return false;
    }
    const char *s = (const char *)n->data.scalar.value;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (!*s || *end || errno || !isfinite(v)) {
        y_error(y, n, "'%s' must be a number, not \"%s\"", what, s);
        return false;
    }
    *out = v;
    return true;
}

bool y_num(yctx *y, const ynode *map, const char *key, bool required, double min, double max,
           double *out) {
    ynode *v = lookup(y, map, key, required);
    double d;
    if (!v || !y_scalar_num(y, v, key, &d)) return false;
    if (d < min || d > max) {
        y_error(y, v, "'%s' must be between %g and %g, not %g", key, min, max, d);
        return false;
    }
    *out = d;
    return true;
}

bool y_int(yctx *y, const ynode *map, const char *key, bool required, int min, int max, int *out) {
    ynode *v = lookup(y, map, key, required);
    double d;
    if (!v || !y_scalar_num(y, v, key, &d)) return false;
    if (d != floor(d)) {
        y_error(y, v, "'%s' must be a whole number, not %g", key, d);
        return false;
    }
    if (d < min || d > max) {
        y_error(y, v, "'%s' must be between %d and %d, not %g", key, min, max, d);
        return false;
    }
    *out = (int)d;
    return true;
}

bool y_bool(yctx *y, const ynode *map, const char *key, bool *out) {
    ynode *v = lookup(y, map, key, false);
    if (!v) return false;
    static const char *const yes[] = {"true", "yes", "on", NULL}, *const no[] = {"false", "no", "off", NULL};
    for (int i = 0; yes[i]; i++)
        if (scalar_is(v, yes[i])) return *out = true, true;
    for (int i = 0; no[i]; i++)
        if (scalar_is(v, no[i])) return *out = false, true;
    y_error(y, v, "'%s' must be true or false", key);
    return false;
}

int y_enum(yctx *y, const ynode *map, const char *key, bool required, const char *const *names) {
    ynode *v = lookup(y, map, key, required);
    if (!v) return -1;
    const char *s = y_scalar_str(y, v, key);
    if (!s) return -1;
    for (int i = 0; names[i]; i++)
        if (strcmp(names[i], s) == 0) return i;
    char list[200] = "";
    for (int i = 0; names[i]; i++) {
        if (i) strncat(list, ", ", sizeof list - strlen(list) - 1);
        strncat(list, names[i], sizeof list - strlen(list) - 1);
    }
    const char *hint = y_suggest(s, names);
    if (hint)
        y_error(y, v, "'%s' cannot be \"%s\" (did you mean '%s'? one of: %s)", key, s, hint, list);
    else
        y_error(y, v, "'%s' cannot be \"%s\" (one of: %s)", key, s, list);
    return -1;
}

bool y_date(yctx *y, const ynode *map, const char *key, bool required, pk_date *out) {
    ynode *v = lookup(y, map, key, required);
    if (!v) return false;
    const char *s = y_scalar_str(y, v, key), *why;
    if (!s) return false;
    if (!date_parse(s, out, &why)) {
        y_error(y, v, "'%s': \"%s\" %s", key, s, why);
        return false;
    }
    return true;
}

bool y_color(yctx *y, const ynode *map, const char *key, pk_color *out) {
    ynode *v = lookup(y, map, key, false);
    if (!v) return false;
    const char *s = y_scalar_str(y, v, key);
    if (!s) return false;
    unsigned r, g, b;
    if (strlen(s) != 7 || s[0] != '#' || strspn(s + 1, "0123456789abcdefABCDEF") != 6 ||
        sscanf(s + 1, "%2x%2x%2x", &r, &g, &b) != 3) {
        y_error(y, v, "'%s' must be a colour written \"#RRGGBB\", not \"%s\"", key, s);
        return false;
    }
    *out = (pk_color){(unsigned char)r, (unsigned char)g, (unsigned char)b, 255};
    return true;
}

int y_seq_len(const ynode *seq) {
    return (int)(seq->data.sequence.items.top - seq->data.sequence.items.start);
}

ynode *y_seq_item(yctx *y, const ynode *seq, int i) {
    return y_node(y, seq->data.sequence.items.start[i]);
}

ynode *y_seq(yctx *y, const ynode *map, const char *key, bool required, int min, int max) {
    ynode *v = lookup(y, map, key, required);
    if (!v) return NULL;
    if (v->type != YAML_SEQUENCE_NODE) {
        y_error(y, v, "'%s' must be a list (lines starting with '- '), not %s", key, y_kind(v));
        return NULL;
    }
    int n = y_seq_len(v);
    if (n < min) {
        y_error(y, v, "'%s' needs at least %d item%s, it has %d", key, min, min == 1 ? "" : "s", n);
        return NULL;
    }
    if (n > max) {
        y_error(y, y_seq_item(y, v, max), "'%s' can hold at most %d items, it has %d", key, max, n);
        return NULL;
    }
    return v;
}

char *y_read_file(const char *path, diag_list *diags) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_add(diags, path, 0, 0, "cannot open: %m");
        return NULL;
    }
    char *buf = NULL;
    size_t len = 0, cap = 0, n;
    char chunk[8192];
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (len + n + 1 > cap) {
            cap = (len + n + 1) * 2;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                diag_add(diags, path, 0, 0, "too large to read");
                return NULL;
            }
            buf = nb;
        }
        memcpy(buf + len, chunk, n);
        len += n;
    }
    bool err = ferror(f);
    fclose(f);
    if (err) {
        free(buf);
        diag_add(diags, path, 0, 0, "cannot read: %m");
        return NULL;
    }
    if (!buf) buf = calloc(1, 1);
    if (!buf) return NULL;
    buf[len] = '\0';
    if (strlen(buf) != len) {
        free(buf);
        diag_add(diags, path, 0, 0, "contains a NUL byte: is it really a text file?");
        return NULL;
    }
    return buf;
}

/* The first byte that is not well-formed UTF-8, located the way libyaml counts (lines from
 * 1, columns in characters from 1), so the message points where an editor shows the byte. */
static bool find_bad_utf8(const char *text, int *line, int *col) {
    size_t n = strlen(text);
    *line = *col = 1;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = utf8_decode(text + i, n - i, &cp);
        if (!utf8_valid(text + i, (size_t)k)) return true;
        if (cp == '\n') (*line)++, *col = 1;
        else (*col)++;
        i += (size_t)k;
    }
    return false;
}

bool y_parse(const char *text, const char *name, yaml_document_t *doc, diag_list *diags) {
    int line, col;
    if (find_bad_utf8(text, &line, &col)) {
        diag_add(diags, name, line, col, "invalid UTF-8: save the file as UTF-8 text");
        return false;
    }
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, strlen(text));
    bool ok = yaml_parser_load(&parser, doc);
    if (!ok) {
        const char *why = parser.problem ? parser.problem : "cannot be read as YAML";
        if (parser.context)
            diag_add(diags, name, (int)parser.problem_mark.line + 1,
                     (int)parser.problem_mark.column + 1, "YAML syntax: %s %s (see line %d)", why,
                     parser.context, (int)parser.context_mark.line + 1);
        else
            diag_add(diags, name, (int)parser.problem_mark.line + 1,
                     (int)parser.problem_mark.column + 1, "YAML syntax: %s", why);
    }
    yaml_parser_delete(&parser);
    return ok;
}
