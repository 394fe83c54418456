/* draw_list: what a screen looks like, as data. Slide and chrome layouts fill a draw list; the
 * executor (draw.c) turns it into SDL calls. Tests read the list to check that every box is on
 * screen and no text overflows, without a renderer. Fixed capacity: a kiosk runs for months and
 * nothing here may grow without bound; an overfull list sets `overflow` and drops the rest.
 * Strings are copied into the list's pool, so a list never points into memory it does not own. */
#ifndef PK_DRAW_LIST_H
#define PK_DRAW_LIST_H
#include <stdbool.h>

#include "config/config.h"
#include "render/layout.h"
#include "text/text_style.h"

#define DRAW_MAX_ITEMS 400
#define DRAW_POOL_BYTES 24576

typedef enum { DRAW_RECT, DRAW_TEXT, DRAW_NUMBER, DRAW_IMAGE, DRAW_LINE, DRAW_CIRCLE, DRAW_RING } draw_kind;

typedef struct draw_item {
    draw_kind kind;
    pk_rect box;   /* TEXT: the box the wrapped block was fitted to; LINE: x,y -> x+w,y+h */
    pk_color color;
    int radius;    /* RECT, RING: corner radius; LINE: thickness; CIRCLE: radius */
    font_role font;
    int px;        /* font size; RING: the band's thickness (inwards from box) */
    draw_align align;
    bool middle;   /* TEXT: centre the block vertically in box */
    int text_h;    /* TEXT/NUMBER: height of the laid-out block (<= box.h) */
    int str;       /* TEXT: pool offset of the text; IMAGE: of the path; NUMBER: prefix */
    int str2;      /* NUMBER: pool offset of the suffix */
    double value;  /* NUMBER: target value */
    int decimals;  /* NUMBER */
    image_fit fit; /* IMAGE */
    bool tint;     /* IMAGE: an icon, drawn as its shape in `color` (images_get's silhouette) */
} draw_item;

typedef struct draw_list {
    int count;
    bool overflow;
    int pool_used;
    draw_item items[DRAW_MAX_ITEMS];
    char pool[DRAW_POOL_BYTES];
} draw_list;

void draw_list_clear(draw_list *l);
/* Appends an item (zeroed) and returns it, or NULL when full (overflow is then set). */
draw_item *draw_list_add(draw_list *l, draw_kind kind, pk_rect box, pk_color color);
/* Copies s into the pool and returns its offset, or -1 when full. NULL stores "". */
int draw_list_str(draw_list *l, const char *s);
const char *draw_list_get(const draw_list *l, int offset);

#endif
