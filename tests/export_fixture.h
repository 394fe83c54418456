/* export_fixture: the config of the export fixtures' consultations
 * (tests/fixtures/export/consultations: a question of most types, and the records six
 * visitors left), loaded as the export tests need it, its problems printed. */
#ifndef PK_EXPORT_FIXTURE_H
#define PK_EXPORT_FIXTURE_H
#include <stdlib.h>

#include "config/config.h"

#define EXPORT_FIXTURE_PARK TEST_SOURCE_DIR "/tests/fixtures/export/consultations"

/* The config (the caller frees it with config_free), or NULL when it does not load. */
static inline config *export_fixture_config(void) {
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    config *c = d ? config_load(EXPORT_FIXTURE_PARK "/config.yaml", &opt, d) : NULL;
    if (d) diag_print(d, stderr);
    free(d);
    return c;
}

#endif
