/* config_loader: what the config loader's files share (config_load.c walks the sections,
 * config_consult.c the consultations). Internal to src/config. */
#ifndef PK_CONFIG_LOADER_H
#define PK_CONFIG_LOADER_H
#include "config/config.h"
#include "config/config_yaml.h"

typedef struct loader {
    yctx y;
    config *c;
    const config_options *opt;
} loader;

/* Resolves a file named at key in map; reports a missing or unusable file at the value. */
const char *config_load_file(loader *L, const ynode *map, const char *key, bool required,
                      const char *subdir, bool image);
/* The `consultations:` section (or, without one, the old feedback.question/steps read as the
 * same consultation). Needs the themes and feedback wording loaded first. */
void load_consultations(loader *L, ynode *root, ynode *feedback);
/* A call_to_action slide's `consultation: ID`, resolved once consultations are loaded. */
void resolve_slide_consultations(loader *L, ynode *slides);

#endif
