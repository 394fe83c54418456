/* staff_view: the two staff screens, drawn like every other screen (draw list + widgets):
 * the PIN pad that the hidden corner gesture opens, and the staff screen behind it with the
 * kiosk's figures and its buttons (export to USB, pause, exit, back). Staff read English, so
 * the words are here rather than in the visitors' wording table. */
#ifndef PK_STAFF_VIEW_H
#define PK_STAFF_VIEW_H
#include "render/screens/journey_view.h"
#include "staff/pin.h"
#include "staff/staff_stats.h"

typedef struct staff_view_state {
    bool pin_pad_open;        /* the PIN pad, else the staff screen */
    const pin_pad *pad;
    uint64_t now;
    const char *pin_message;  /* "Wrong PIN: 3 tries left", or NULL */
    const staff_stats *stats;
    const char *config_path, *config_title, *config_hash, *feedback_dir;
    const char *storage_error; /* "" when none */
    const char *config_error;  /* why the last edit of the config was refused, "" if none */
    const char *export_message; /* what the last export did, or NULL */
    bool export_ok;
    bool loop_paused;
} staff_view_state;

void staff_view_layout(const slide_ctx *sc, const staff_view_state *st, draw_list *l, widget_list *w);

#endif
