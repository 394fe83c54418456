/* shoot: every screen of a config rendered to PNG files without a display, so an editor can
 * review content on any computer and tests can look at what visitors would see. Slides are
 * drawn as they settle (numbers counted up, no transition), with the footer chrome. */
#ifndef PK_SHOOT_H
#define PK_SHOOT_H
#include "config/config.h"

typedef struct shoot_size {
    int w, h;
} shoot_size;

/* Renders every slide at each size into out_dir (one subfolder per size when there are several).
 * Prints each file written to stdout. Returns 0, or 1 with a message on stderr. */
int shoot_run(const config *cfg, const shoot_size *sizes, int n_sizes, const char *out_dir);

#endif
