/* paths: where plankiosk finds its files. Fonts, icons and the default content live in the
 * assets folder: $PLANKIOSK_ASSETS if set, the source tree's assets/ when run from a build
 * folder, otherwise the installed /usr/share/plankiosk. A config's own files (images, icons)
 * are looked up next to the config first, so another town's content travels with its YAML. */
#ifndef PK_PATHS_H
#define PK_PATHS_H
#include <stdbool.h>
#include <stddef.h>

/* The assets folder (static string, never NULL). */
const char *paths_assets_dir(void);
/* Resolves rel: an absolute path as it is; else config_dir/rel, assets_dir/rel, then
 * assets_dir/subdir/rel (subdir may be NULL). Writes the first readable one into out and returns
 * true; returns false (out holds config_dir/rel) when none is readable. */
bool paths_find(const char *config_dir, const char *assets_dir, const char *subdir,
                const char *rel, char *out, size_t size);
/* The folder part of a path ("." when it has none), into out. */
void paths_dirname(const char *path, char *out, size_t size);

#endif
