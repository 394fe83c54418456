/* fuzz_quotes: quotes' two inputs from disk, on any bytes: a decisions file (quote-decisions/,
 * synced from other kiosks, cut by power cuts) and a feedback record (the words of a visitor).
 *
 * The input is both:
 *  - a writer's decisions.jsonl: read (no crash, leak or undefined behaviour, whatever the
 *    lines); then one decision appended after it must read back as exactly one more, however
 *    the file ended (a torn last line is ended first, never merged into);
 *  - a record, when it parses as a JSON object: its quotes (with the export fixtures' park
 *    consultation, and as a first-journey record) are all approved and written as approved.yaml,
 *    which libyaml must load with every key, text and name byte for byte as the quote holds them
 *    (the escaping is the one promise the file makes: any words load back exactly).
 * The tree lives in one temporary folder, emptied for each input (libFuzzer ends with _Exit). */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "config/config.h"
#include "quotes/quotes.h"

#define PARK_CONFIG FUZZ_SOURCE_DIR "/tests/fixtures/export/consultations/config.yaml"
#define T0 ((time_t)1772446272)

static char root[64], folder[128], file[192];
static config *park;
static diag_list problems;

static void fail(const char *why) {
    fprintf(stderr, "fuzz_quotes: %s\n", why);
    abort();
}

static void setup(void) {
    snprintf(root, sizeof root, "/tmp/fuzz_quotes.XXXXXX");
    if (!mkdtemp(root)) fail("cannot make a temporary folder");
    snprintf(folder, sizeof folder, "%s/k/%s", root, QUOTE_DECISIONS_DIR);
    snprintf(file, sizeof file, "%s/%s", folder, QUOTE_DECISIONS_FILE);
    char k[96];
    snprintf(k, sizeof k, "%s/k", root);
    if (mkdir(k, 0700) || mkdir(folder, 0700)) fail("cannot make the decisions folder");
    static diag_list diags;
    config_options opt = {.assets_dir = FUZZ_SOURCE_DIR "/assets"};
    park = config_load(PARK_CONFIG, &opt, &diags);
    if (!park) fail("cannot load the park consultation");
}

static size_t read_count(void) {
    quote_decisions *d = quote_decisions_new();
    const char *dirs[] = {root};
    pk_error err = {{0}};
    problems.count = 0;
    if (!d || !quote_decisions_read(d, dirs, 1, &problems, &err)) fail(err.msg);
    size_t n = quote_decisions_count(d);
    quote_decisions_free(d);
    return n;
}

static void decisions(const uint8_t *data, size_t size) {
    FILE *f = fopen(file, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f))
        fail("cannot write the decisions file");
    size_t before = read_count();
    pk_error err = {{0}};
    if (!quote_decision_append(NULL, root, "k", "fuzz:own", QUOTE_APPROVE, "fuzz", T0, &err))
        fail(err.msg);
    /* A last line without its newline is torn and not read. The append ends it first, so a
     * decision cut just before its newline (written, never acknowledged) then reads whole, as
     * a record does in the feedback log: one more, or two then. */
    bool torn = size > 0 && data[size - 1] != '\n';
    size_t after = read_count();
    if (after != before + 1 && !(torn && after == before + 2))
        fail("an appended decision did not read back as one more");
    unlink(file);
}

/* The value of key in the i-th approved quote of doc, or NULL. */
static const char *yaml_value(yaml_document_t *doc, size_t i, const char *key) {
    yaml_node_t *root_node = yaml_document_get_root_node(doc);
    if (!root_node || root_node->type != YAML_MAPPING_NODE) return NULL;
    yaml_node_t *list = yaml_document_get_node(doc, root_node->data.mapping.pairs.start->value);
    if (!list || list->type != YAML_SEQUENCE_NODE ||
        (size_t)(list->data.sequence.items.top - list->data.sequence.items.start) <= i)
        return NULL;
    yaml_node_t *item = yaml_document_get_node(doc, list->data.sequence.items.start[i]);
    for (yaml_node_pair_t *p = item->data.mapping.pairs.start; p < item->data.mapping.pairs.top;
         p++) {
        yaml_node_t *k = yaml_document_get_node(doc, p->key),
                    *v = yaml_document_get_node(doc, p->value);
        if (!strcmp((const char *)k->data.scalar.value, key))
            return (const char *)v->data.scalar.value;
    }
    return NULL;
}

static void same(const char *want, const char *got, const char *what) {
    if (!want && !got) return;
    if (!want || !got || strcmp(want, got)) {
        fprintf(stderr, "fuzz_quotes: approved.yaml's %s: \"%s\", the quote's: \"%s\"\n", what,
                got ? got : "(none)", want ? want : "(none)");
        abort();
    }
}

static void record(const uint8_t *data, size_t size) {
    json_t *rec = json_loadb((const char *)data, size, JSON_DECODE_ANY, NULL);
    if (!json_is_object(rec)) {
        json_decref(rec);
        return;
    }
    json_t *answers = json_object_get(rec, "answers");
    quote_set qs = {0};
    if (json_is_object(answers)) {
        if (!quotes_add_record(&qs, park, rec, answers, NULL)) fail("out of memory");
    } else if (!quotes_add_record(&qs, NULL, rec, rec, NULL)) { /* a first-journey record */
        fail("out of memory");
    }
    for (size_t i = 0; i < qs.n; i++) qs.items[i].state = QUOTE_APPROVED;
    qs.approved = (long)qs.n;
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    pk_error err = {{0}};
    if (!out || !quotes_write_approved_from(out, &qs, NULL, 0, T0, &err))
        fail("cannot write approved.yaml");
    fclose(out);
    yaml_parser_t parser;
    yaml_document_t doc;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
    if (!yaml_parser_load(&parser, &doc)) {
        fprintf(stderr, "fuzz_quotes: approved.yaml does not load: %s at line %zu\n%s\n",
                parser.problem, parser.problem_mark.line + 1, buf);
        abort();
    }
    for (size_t i = 0; i < qs.n; i++) {
        same(qs.items[i].key, yaml_value(&doc, i, "key"), "key");
        same(qs.items[i].text, yaml_value(&doc, i, "text"), "text");
        same(qs.items[i].name, yaml_value(&doc, i, "name"), "name");
        same(qs.items[i].age_band, yaml_value(&doc, i, "age_band"), "age_band");
        same(qs.items[i].at ? qs.items[i].at : "", yaml_value(&doc, i, "at"), "at");
    }
    yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
    free(buf);
    quote_set_free(&qs);
    json_decref(rec);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!park) setup();
    decisions(data, size);
    record(data, size);
    return 0;
}
