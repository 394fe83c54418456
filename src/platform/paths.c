#include "platform/paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool readable_file(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode) && access(p, R_OK) == 0;
}

static bool is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *paths_assets_dir(void) {
    const char *env = getenv("PLANKIOSK_ASSETS");
    if (env && *env) return env;
    /* A binary built from the tree (not installed) uses the tree's assets. */
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        if (strncmp(exe, "/usr/", 5) != 0 && is_dir(PLANKIOSK_SOURCE_ASSETS))
            return PLANKIOSK_SOURCE_ASSETS;
    }
    if (is_dir(PLANKIOSK_DATADIR)) return PLANKIOSK_DATADIR;
    return PLANKIOSK_SOURCE_ASSETS;
}

bool paths_find(const char *config_dir, const char *assets_dir, const char *subdir,
                const char *rel, char *out, size_t size) {
    if (rel[0] == '/') {
        snprintf(out, size, "%s", rel);
        return readable_file(out);
    }
    char cand[PATH_MAX];
    const char *dirs[3] = {config_dir, assets_dir, NULL};
    for (int i = 0; i < 3; i++) {
        if (i == 2) {
            if (!subdir || !assets_dir) break;
            snprintf(cand, sizeof cand, "%s/%s/%s", assets_dir, subdir, rel);
        } else {
            if (!dirs[i]) continue;
            snprintf(cand, sizeof cand, "%s/%s", dirs[i], rel);
        }
        if (readable_file(cand)) {
            snprintf(out, size, "%s", cand);
            return true;
        }
    }
    snprintf(out, size, "%s/%s", config_dir ? config_dir : ".", rel);
    return false;
}

void paths_dirname(const char *path, char *out, size_t size) {
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(out, size, ".");
    else if (slash == path)
        snprintf(out, size, "/");
    else
        snprintf(out, size, "%.*s", (int)(slash - path), path);
}
