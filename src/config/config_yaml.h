/* config_yaml: typed, located access to a libyaml document for the config loader.
 * Each getter checks the node's type and range and, on a problem, adds a diagnostic at the
 * node's line and column, prefixed with where we are ("slide 4 (milestones): "). Getters never
 * abort the load: the loader carries on so the editor sees every problem at once.
 * Strings returned are copied into the context's arena. Internal to src/config. */
#ifndef PK_CONFIG_YAML_H
#define PK_CONFIG_YAML_H
#include <stdbool.h>
#include <yaml.h>

#include "config/config.h"

typedef yaml_node_t ynode;

typedef struct yctx {
    yaml_document_t *doc;
    const char *file;
    diag_list *diags;
    arena *mem;
    char where[120]; /* prefix for messages, e.g. "slide 3 (highlights): " */
    /* Languages: a text may be a mapping of language code to string; `lang` picks one. */
    config_languages *langs;
    int lang;
    bool first_pass;  /* report map problems and count coverage once, not per language */
    diag_list *missing;
} yctx;

void y_error(yctx *y, const ynode *at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
const char *y_kind(const ynode *n);
ynode *y_node(yctx *y, int index);
/* Value node for key in a mapping, or NULL. */
ynode *y_get(yctx *y, const ynode *map, const char *key);
/* The key node itself (for locating messages about the key). */
ynode *y_key(yctx *y, const ynode *map, const char *key);
/* Reports keys not in allowed (NULL-terminated) with a "did you mean" hint, and duplicates. */
void y_check_keys(yctx *y, const ynode *map, const char *const *allowed);
/* map must be a mapping; reports otherwise (what names it: "the 'kiosk' section"). */
bool y_expect_map(yctx *y, const ynode *n, const char *what);
/* Each getter: absent and !required -> returns false quietly, output untouched.
 * absent and required -> reports "missing required key". Wrong type/range -> reports. */
/* A plain string (ids, paths). */
const char *y_str(yctx *y, const ynode *map, const char *key, bool required);
/* The key of a text that is the same in every language, {all: Rotherham}: a name or a
 * person's own words, which check --languages must not list as missing. */
#define Y_TEXT_ALL "all"
/* Text people read: a plain string, or a mapping of language code (or Y_TEXT_ALL) to string
 * (see REFERENCE.md, Languages); gives the words in y->lang, else those under `all`, else the
 * default language's. A text without a letter ("%", "£", "2025") reads the same everywhere
 * and is never counted as missing a translation. */
const char *y_text(yctx *y, const ynode *map, const char *key, bool required);
const char *y_text_node(yctx *y, const ynode *v, const char *key, bool required);
bool y_int(yctx *y, const ynode *map, const char *key, bool required, int min, int max, int *out);
bool y_num(yctx *y, const ynode *map, const char *key, bool required, double min, double max,
           double *out);
bool y_bool(yctx *y, const ynode *map, const char *key, bool *out);
/* names is NULL-terminated; returns the index or -1 (reported when present but unknown). */
int y_enum(yctx *y, const ynode *map, const char *key, bool required, const char *const *names);
bool y_date(yctx *y, const ynode *map, const char *key, bool required, pk_date *out);
bool y_color(yctx *y, const ynode *map, const char *key, pk_color *out);
/* A sequence value with min..max items; returns the node or NULL (reported as needed). */
ynode *y_seq(yctx *y, const ynode *map, const char *key, bool required, int min, int max);
int y_seq_len(const ynode *seq);
ynode *y_seq_item(yctx *y, const ynode *seq, int i);
/* Scalar text of a node that must be a scalar (reported otherwise); NULL if not. */
const char *y_scalar_str(yctx *y, const ynode *n, const char *what);
bool y_scalar_num(yctx *y, const ynode *n, const char *what, double *out);
/* Reads a whole text file into a new NUL-terminated buffer the caller frees; NULL with the
 * reason in diags (cannot open, cannot read, a NUL byte). */
char *y_read_file(const char *path, diag_list *diags);
/* Parses text as one YAML document into doc (the caller deletes it with yaml_document_delete);
 * false with the problem located in diags: invalid UTF-8 at the first bad byte, or the syntax
 * error where libyaml found it. `name` is the file named in messages. */
bool y_parse(const char *text, const char *name, yaml_document_t *doc, diag_list *diags);
/* Closest of candidates to word within a small edit distance, or NULL. */
const char *y_suggest(const char *word, const char *const *candidates);

#endif
