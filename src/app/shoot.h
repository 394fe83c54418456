/* shoot: every screen of a config rendered to PNG files without a display, so an editor can
 * review content on any computer and tests can look at what visitors would see. Slides are
 * drawn as they settle (numbers counted up, no transition), with the footer chrome. */
#ifndef PK_SHOOT_H
#define PK_SHOOT_H
#include "config/config.h"
#include "content/live.h"
#include "render/slides/slides.h"

typedef struct shoot_size {
    int w, h;
} shoot_size;

/* Renders every slide at each size into out_dir (one subfolder per size when there are several),
 * as a visitor with `view` sees them (text size, less motion, Listen offered; NULL: the
 * default). The you_said and results slides show `live` (NULL: nothing gathered); one the loop
 * would skip for want of anything to show is still drawn, named NN-id.skipped.png. Prints each
 * file written to stdout. Returns 0, or 1 with a message on stderr. */
int shoot_run(const config *cfg, const shoot_size *sizes, int n_sizes, const char *out_dir,
              const slide_view *view, const slide_live *live);

#endif
