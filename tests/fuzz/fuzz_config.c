/* fuzz_config: the YAML config loader (config_load_string) on any bytes.
 *
 * A config is the file council staff edit by hand, so every input must end in a config or in
 * messages, never in a crash, a leak or undefined behaviour (ASan and UBSan watch the whole
 * loader, libyaml's callers included). What is checked beyond not crashing: every message
 * about the file names its line and column (`fuzz.yaml:LINE:COLUMN: ...`), because staff find
 * the mistake by that; and a config that loads frees cleanly, in every language it has.
 *
 * Paths in the input resolve against config/ and the assets, as the shipped config's do, so
 * the seeds (config/, config/examples, tests/fixtures) load whole and the fuzzer starts from
 * configs that pass, not from the first syntax error. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"

#define NAME "fuzz.yaml"

/* Every message about the input itself carries a line and a column (both from 1), except the
 * one saying it holds nothing at all, which has no place to point at. Messages about other
 * files (a keyboard file the input names) are that file's own business. */
static void check_located(const diag_list *d, const char *what) {
    for (int i = 0; i < d->count; i++) {
        const char *m = d->items[i];
        if (strncmp(m, NAME ":", strlen(NAME ":")) != 0) continue;
        int line = 0, col = 0, used = 0;
        if (sscanf(m + strlen(NAME ":"), "%d:%d: %n", &line, &col, &used) == 2 && used > 0 &&
            line >= 1 && col >= 1)
            continue;
        if (strstr(m, ", not empty")) continue;
        fprintf(stderr, "fuzz_config: a %s message without LINE:COLUMN: %s\n", what, m);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    /* diag_list is 80 kB: kept out of the stack, emptied for every input. */
    static diag_list diags, warnings, contrast, missing;
    diags.count = diags.dropped = 0;
    warnings.count = warnings.dropped = 0;
    contrast.count = contrast.dropped = 0;
    missing.count = missing.dropped = 0;

    char *text = malloc(size + 1);
    if (!text) return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    config_options opt = {.assets_dir = FUZZ_SOURCE_DIR "/assets",
                          .warnings = &warnings,
                          .contrast = &contrast,
                          .missing = &missing};
    config *c = config_load_string(text, NAME, FUZZ_SOURCE_DIR "/config", &opt, &diags);
    if (c && diags.count + diags.dropped) {
        fprintf(stderr, "fuzz_config: a config returned with %d problems\n", diags.count);
        abort();
    }
    if (!c && diags.count == 0) {
        fprintf(stderr, "fuzz_config: no config and no message saying why\n");
        abort();
    }
    check_located(&diags, "problem");
    check_located(&warnings, "warning");
    check_located(&contrast, "contrast");
    check_located(&missing, "missing translation");
    config_free(c);
    free(text);
    return 0;
}
