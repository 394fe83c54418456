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
/* rel (the value at key in map) against the config's folder, unless it is absolute, into out;
 * false, reported at the value, when it is empty or too long. */
bool config_resolve_path(loader *L, const ynode *map, const char *key, const char *rel, char *out, size_t size);
/* The `consultations:` section (or, without one, the old feedback.question/steps read as the
 * same consultation). Needs the themes and feedback wording loaded first. */
void load_consultations(loader *L, ynode *root, ynode *feedback);
/* A call_to_action slide's `consultation: ID`, resolved once consultations are loaded. */
void resolve_slide_consultations(loader *L, ynode *slides);

/* config_kiosk_own.c: the hash of the document's content (config.content_hash), and a config
 * loaded with opt->kiosk_own given that kiosk's own settings (copied into c's arena). */
void config_content_hash(yctx *y, const ynode *root, char out[17]);
void config_take_kiosk_own(config *c, const config *own);
/* True when the loader leaves a per-kiosk key unread (it comes from opt->kiosk_own). */
static inline bool config_loader_own(const loader *L) { return L->opt && L->opt->kiosk_own; }

#endif
