/* focus_ring: how the keyboard's focus looks. A thick light band between two dark ones round
 * the focused widget: whatever the colour behind it (a yellow button, the deep blue background,
 * a photo, a council's white theme) one of the two colours stands out from it by at least 3:1
 * (WCAG 1.4.11 and 2.4.11; light and dark together guarantee about 4.5:1). Drawn last, over
 * everything, and pulled inside the screen at its edges, so it is never cut off. Pure: appends
 * to a draw list. */
#ifndef PK_FOCUS_RING_H
#define PK_FOCUS_RING_H
#include "config/config.h"
#include "render/draw_list.h"
#include "render/layout.h"

/* The ring's colours: the light band and the dark ones either side of it. */
extern const pk_color focus_ring_light, focus_ring_dark;

/* The light band's thickness in px: at least 4 at 800x480, growing with the screen. */
int focus_ring_thickness(const screen_metrics *m);
/* Appends the ring round r (a widget's rectangle) to l. */
void focus_ring_layout(const screen_metrics *m, pk_rect r, draw_list *l);

#endif
