/* images: pictures for image slides and theme icons, decoded with SDL_image (PNG, JPEG, SVG)
 * and kept as textures. SVGs are rasterised at the size they are drawn, so icons stay sharp at
 * 800x480 and at 4K. A file that fails to decode yields NULL (drawn as nothing), never a crash.
 * The cache owns its textures; images_drop() must run before the renderer is destroyed. */
#ifndef PK_IMAGES_H
#define PK_IMAGES_H
#include <SDL.h>
#include <stdbool.h>

typedef struct images images;

images *images_create(void);
void images_free(images *im);
void images_drop(images *im);
/* Texture of path fitted for a box of w x h (SVGs rasterised for it), or NULL. *iw, *ih give
 * the texture's size. With silhouette, the picture's shape in white (its alpha kept), for an
 * icon drawn in the colour of the text where it sits (SDL_SetTextureColorMod): a council's
 * white icons then show on a light theme too. Cached apart from the picture itself. */
SDL_Texture *images_get(images *im, SDL_Renderer *r, const char *path, int w, int h,
                        bool silhouette, int *iw, int *ih);
/* True if path decodes as an image; else why says why. For `plankiosk check`. */
bool images_check_file(const char *path, char *why, int why_len);

#endif
