#include "app/config_file.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "platform/paths.h"
#include "render/images.h"

const char *app_default_config(char *buf, size_t size) {
    const char *env = getenv("PLANKIOSK_CONFIG");
    if (env && *env) return env;
    if (access("/etc/plankiosk/config.yaml", R_OK) == 0) return "/etc/plankiosk/config.yaml";
    const char *assets = paths_assets_dir();
    /* Installed: /usr/share/plankiosk/config/; in the tree: assets/../config/. */
    snprintf(buf, size, "%s/config/rotherham-2025.yaml", assets);
    if (access(buf, R_OK) == 0) return buf;
    char rel[PATH_MAX];
    snprintf(rel, sizeof rel, "%s/../config/rotherham-2025.yaml", assets);
    /* Shown to staff: a plain path reads better than one through "assets/..". */
    if (!realpath(rel, buf)) snprintf(buf, size, "%s", rel);
    return buf;
}

config *app_load_config(const char *path) {
    diag_list *d = calloc(1, sizeof *d), *w = calloc(1, sizeof *w);
    config_options opt = {.assets_dir = paths_assets_dir(), .check_image = images_check_file, .warnings = w};
    if (!d || !w) {
        free(d);
        free(w);
        return NULL;
    }
    config *c = config_load(path, &opt, d);
    if (c) diag_print(w, stderr); /* warnings go to the journal; the kiosk still runs */
    free(w);
    if (!c) {
        diag_print(d, stderr);
        fprintf(stderr, "plankiosk: %s has %d problem%s; nothing was started\n", path,
                d->count + d->dropped, d->count + d->dropped == 1 ? "" : "s");
    }
    free(d);
    return c;
}
