/* keyboard_file: a keyboard's YAML file to a keyboard_layout. The config's located YAML
 * helpers (config_yaml.h) do the reading, the type checks and the "did you mean" hints, so a
 * keyboard file is checked exactly like the config, and its messages look the same.
 *
 * Two passes: the first reads every page and key, the second resolves the names pages refer
 * to (a page key's `page`, a page's `upper`), so a page may point at one defined after it. */
#include "config/keyboard_file.h"

#include <stdlib.h>
#include <string.h>

#include "config/config_yaml.h"
#include "config/ui_text.h"
#include "text/utf8.h"

#define KEY_TEXT_MAX 32 /* bytes a key may type: a letter, a digraph, "zł" */

static const char *const action_names[] = {"char", "shift", "backspace", "space", "page", "done", NULL};

/* The wording that labels a key with this action when the file gives no label. */
static int default_wording(key_action a) {
    switch (a) {
    case KEY_SHIFT: return UI_KEY_SHIFT;
    case KEY_BACKSPACE: return UI_KEY_DELETE;
    case KEY_SPACE: return UI_KEY_SPACE;
    case KEY_DONE: return UI_KEY_DONE;
    default: return KEY_NO_WORDING;
    }
}

/* A page key's target, kept by name until every page is known. */
typedef struct page_ref {
    key_def *key;
    const ynode *at;
    const char *name;
} page_ref;

typedef struct kb_loader {
    yctx y;
    keyboard_page *pages;
    int n_pages;
    page_ref refs[KEYBOARD_MAX_PAGES * KEYBOARD_MAX_KEYS];
    int n_refs;
    const ynode *upper_at[KEYBOARD_MAX_PAGES]; /* where each page names its upper page */
    const char *upper_name[KEYBOARD_MAX_PAGES];
} kb_loader;

/* What a key types or shows: one line of visible characters, not too long. */
static const char *key_string(kb_loader *L, const ynode *n, const char *what) {
    const char *s = y_scalar_str(&L->y, n, what);
    if (!s) return NULL;
    size_t len = strlen(s);
    if (len == 0) {
        y_error(&L->y, n, "'%s' must not be empty", what);
        return NULL;
    }
    if (len > KEY_TEXT_MAX) {
        y_error(&L->y, n, "'%s' is %zu bytes; a key types at most %d", what, len, KEY_TEXT_MAX);
        return NULL;
    }
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, len - i, &cp);
        if (cp < 0x20 || cp == 0x7F) {
            y_error(&L->y, n, "'%s' must not hold control characters (tabs, new lines)", what);
            return NULL;
        }
    }
    return arena_strdup(L->y.mem, s);
}

static void load_more(kb_loader *L, const ynode *v, key_def *key) {
    if (v->type != YAML_SEQUENCE_NODE) {
        y_error(&L->y, v, "'more' must be a list of the letters a long press offers, like [ą, á]");
        return;
    }
    int n = y_seq_len(v);
    if (n < 1 || n > KEYBOARD_MAX_MORE) {
        y_error(&L->y, v, "'more' must have 1 to %d letters, not %d", KEYBOARD_MAX_MORE, n);
        return;
    }
    key_def *more = arena_alloc(L->y.mem, sizeof *more * (size_t)n);
    for (int i = 0; i < n; i++) {
        const char *t = key_string(L, y_seq_item(&L->y, v, i), "more");
        if (!t) return;
        more[i] = (key_def){.text = t, .action = KEY_CHAR, .width = 1.0f, .wording = KEY_NO_WORDING};
    }
    key->more = more;
    key->n_more = n;
}

/* One key: a plain value types itself; a mapping says more. */
static bool load_key(kb_loader *L, const ynode *n, key_def *key) {
    yctx *y = &L->y;
    *key = (key_def){.action = KEY_CHAR, .width = 1.0f, .wording = KEY_NO_WORDING};
    if (n->type == YAML_SCALAR_NODE) {
        key->text = key_string(L, n, "text");
        return key->text != NULL;
    }
    if (n->type != YAML_MAPPING_NODE) {
        y_error(y, n, "a key must be the text it types or a mapping like {text: e, more: [ę]}, not %s",
                y_kind(n));
        return false;
    }
    static const char *const keys[] = {"text", "label", "width", "action", "page", "more", "wording", NULL};
    y_check_keys(y, n, keys);
    int action = y_enum(y, n, "action", false, action_names);
    if (action >= 0) key->action = (key_action)action;
    else if (y_get(y, n, "action")) return false;
    const ynode *v;
    if ((v = y_get(y, n, "text"))) key->text = key_string(L, v, "text");
    if ((v = y_get(y, n, "label"))) key->label = key_string(L, v, "label");
    double w;
    if (y_num(y, n, "width", false, 0.5, 8, &w)) key->width = (float)w;
    if ((v = y_get(y, n, "more"))) load_more(L, v, key);
    if ((v = y_get(y, n, "wording"))) {
        const char *name = y_scalar_str(y, v, "wording");
        const char *const *names = ui_text_names();
        for (int i = 0; name && names[i]; i++)
            if (!strcmp(names[i], name)) key->wording = i;
        if (name && key->wording == KEY_NO_WORDING) {
            const char *hint = y_suggest(name, names);
            y_error(y, v, "'wording' is \"%s\", which is not a feedback.wording name%s%s%s", name,
                    hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
        }
    } else if (!key->label) {
        key->wording = default_wording(key->action);
    }
    switch (key->action) {
    case KEY_CHAR:
        if (!key->text && !y_get(y, n, "text")) y_error(y, n, "a key that types needs 'text'");
        break;
    case KEY_PAGE:
        if (!key->label && key->wording == KEY_NO_WORDING)
            y_error(y, n, "a page key needs a 'label' (the letters of the page it opens, like \"123\")");
        if ((v = y_get(y, n, "page"))) {
            const char *name = y_scalar_str(y, v, "page");
            if (name && L->n_refs < (int)(sizeof L->refs / sizeof L->refs[0]))
                L->refs[L->n_refs++] = (page_ref){key, v, arena_strdup(y->mem, name)};
        } else {
            y_error(y, n, "a page key needs 'page', the name of the page it opens");
        }
        break;
    default: break;
    }
    if (key->action != KEY_PAGE && y_get(y, n, "page"))
        y_error(y, y_get(y, n, "page"), "'page' is only for keys with action: page");
    if (key->action != KEY_CHAR && key->n_more)
        y_error(y, y_get(y, n, "more"), "'more' is only for keys that type (action: char)");
    return true;
}

static void load_row(kb_loader *L, const ynode *row, keyboard_page *page, int r) {
    yctx *y = &L->y;
    if (row->type != YAML_SEQUENCE_NODE) {
        y_error(y, row, "a row must be a list of keys like [q, w, e], not %s", y_kind(row));
        return;
    }
    int n = y_seq_len(row);
    if (n < 1) {
        y_error(y, row, "a row needs at least one key");
        return;
    }
    if (n > KEYBOARD_MAX_KEYS_PER_ROW) {
        y_error(y, row, "row %d is too long: %d keys, at most %d fit", r + 1, n, KEYBOARD_MAX_KEYS_PER_ROW);
        return;
    }
    float units = 0;
    for (int i = 0; i < n; i++) {
        key_def *key = &page->keys[r][i];
        load_key(L, y_seq_item(y, row, i), key);
        units += key->width > 0 ? key->width : 1.0f;
    }
    page->n_keys[r] = n;
    if (units > KEYBOARD_MAX_UNITS)
        y_error(y, row, "row %d is too long: %g key widths, at most %g fit a screen with keys a "
                "finger can hit", r + 1, (double)units, (double)KEYBOARD_MAX_UNITS);
}

static void load_page(kb_loader *L, const ynode *n, int index) {
    yctx *y = &L->y;
    keyboard_page *page = &L->pages[index];
    page->lower = page->upper = -1;
    if (!y_expect_map(y, n, "a page")) return;
    static const char *const keys[] = {"name", "upper", "rows", NULL};
    y_check_keys(y, n, keys);
    page->name = y_str(y, n, "name", true);
    snprintf(y->where, sizeof y->where, "page %d (%s): ", index + 1, page->name ? page->name : "?");
    for (int i = 0; page->name && i < index; i++)
        if (L->pages[i].name && !strcmp(L->pages[i].name, page->name))
            y_error(y, y_get(y, n, "name"), "there is already a page named '%s'", page->name);
    if ((L->upper_at[index] = y_get(y, n, "upper")))
        L->upper_name[index] = y_str(y, n, "upper", false);
    const ynode *rows = y_seq(y, n, "rows", true, 1, KEYBOARD_MAX_ROWS);
    for (int r = 0; rows && r < y_seq_len(rows); r++) load_row(L, y_seq_item(y, rows, r), page, r);
    page->n_rows = rows ? y_seq_len(rows) : 0;
    y->where[0] = '\0';
}

static int page_index(const kb_loader *L, const char *name) {
    for (int i = 0; name && i < L->n_pages; i++)
        if (L->pages[i].name && !strcmp(L->pages[i].name, name)) return i;
    return -1;
}

/* Names in messages: "letters, LETTERS, 123". */
static void page_list(const kb_loader *L, char *out, size_t size) {
    out[0] = '\0';
    for (int i = 0; i < L->n_pages; i++) {
        if (i) strncat(out, ", ", size - strlen(out) - 1);
        strncat(out, L->pages[i].name ? L->pages[i].name : "?", size - strlen(out) - 1);
    }
}

/* Shift must not move keys under the finger: an upper page has its lower page's shape. */
static void check_same_shape(kb_loader *L, int lo, int up) {
    const keyboard_page *a = &L->pages[lo], *b = &L->pages[up];
    bool same = a->n_rows == b->n_rows;
    for (int r = 0; same && r < a->n_rows; r++) {
        same = a->n_keys[r] == b->n_keys[r];
        for (int i = 0; same && i < a->n_keys[r]; i++)
            same = a->keys[r][i].action == b->keys[r][i].action && a->keys[r][i].width == b->keys[r][i].width;
    }
    if (!same)
        y_error(&L->y, L->upper_at[lo], "page '%s' must have the same rows, keys and widths as '%s', "
                "so Shift does not move keys under the finger", b->name, a->name);
}

static void resolve(kb_loader *L) {
    char names[300];
    page_list(L, names, sizeof names);
    for (int i = 0; i < L->n_refs; i++) {
        int p = page_index(L, L->refs[i].name);
        if (p < 0)
            y_error(&L->y, L->refs[i].at, "there is no page named '%s' (pages: %s)", L->refs[i].name, names);
        else
            L->refs[i].key->page = p;
    }
    for (int i = 0; i < L->n_pages; i++) {
        if (!L->upper_at[i] || !L->upper_name[i]) continue;
        int up = page_index(L, L->upper_name[i]);
        if (up < 0 || up == i) {
            y_error(&L->y, L->upper_at[i], "'upper' must name another page (pages: %s), not '%s'", names,
                    L->upper_name[i]);
            continue;
        }
        if (L->pages[up].lower >= 0) {
            y_error(&L->y, L->upper_at[i], "page '%s' is already the upper page of '%s'",
                    L->pages[up].name, L->pages[L->pages[up].lower].name);
            continue;
        }
        L->pages[i].lower = L->pages[up].lower = i;
        L->pages[i].upper = L->pages[up].upper = up;
        check_same_shape(L, i, up);
    }
}

const keyboard_layout *keyboard_file_load_string(const char *text, const char *name, arena *mem,
                                                 diag_list *diags) {
    int before = diags->count + diags->dropped;
    yaml_document_t doc;
    if (!y_parse(text, name, &doc, diags)) return NULL;
    kb_loader *L = calloc(1, sizeof *L);
    if (!L) {
        yaml_document_delete(&doc);
        diag_add(diags, name, 0, 0, "out of memory");
        return NULL;
    }
    L->y = (yctx){.doc = &doc, .file = arena_strdup(mem, name), .diags = diags, .mem = mem};
    yctx *y = &L->y;
    keyboard_layout *layout = arena_alloc(mem, sizeof *layout);
    layout->path = y->file;
    ynode *root = yaml_document_get_root_node(&doc);
    if (!root || root->type != YAML_MAPPING_NODE) {
        y_error(y, root, "a keyboard file must be a mapping with 'name' and 'pages', not %s",
                root ? y_kind(root) : "empty");
    } else {
        static const char *const keys[] = {"name", "pages", NULL};
        y_check_keys(y, root, keys);
        layout->name = y_str(y, root, "name", true);
        const ynode *pages = y_seq(y, root, "pages", true, 1, KEYBOARD_MAX_PAGES);
        if (pages) {
            L->n_pages = y_seq_len(pages);
            L->pages = arena_alloc(mem, sizeof *L->pages * (size_t)L->n_pages);
            for (int i = 0; i < L->n_pages; i++) load_page(L, y_seq_item(y, pages, i), i);
            resolve(L);
        }
    }
    layout->pages = L->pages;
    layout->n_pages = L->n_pages;
    /* The first page is where typing starts; Shift there shows its upper page. */
    layout->lower_page = 0;
    layout->upper_page = L->n_pages > 0 && L->pages[0].upper >= 0 ? L->pages[0].upper : 0;
    free(L);
    yaml_document_delete(&doc);
    return diags->count + diags->dropped == before ? layout : NULL;
}

const keyboard_layout *keyboard_file_load(const char *path, arena *mem, diag_list *diags) {
    char *text = y_read_file(path, diags);
    if (!text) return NULL;
    const keyboard_layout *layout = keyboard_file_load_string(text, path, mem, diags);
    free(text);
    return layout;
}

const char *keyboard_file_default(const char *code, char *out, size_t size) {
    /* English is typed on the UK layout (£, and the apostrophe by the l). */
    snprintf(out, size, "keyboards/%s.yaml", code && strcmp(code, "en") ? code : "en-GB");
    return out;
}
