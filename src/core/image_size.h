/* image_size: the width and height a picture file declares (PNG, JPEG, SVG), read from its
 * header without decoding it, so the config model can say where on a picture a pin is without
 * SDL. Pure. */
#ifndef PK_IMAGE_SIZE_H
#define PK_IMAGE_SIZE_H
#include <stdbool.h>

/* False when the file cannot be read or its size is not where the format keeps it (an SVG
 * without width/height or viewBox). */
bool image_size(const char *path, int *w, int *h);

#endif
