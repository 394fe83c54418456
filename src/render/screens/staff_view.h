/* staff_view: the two staff screens, drawn like every other screen (draw list + widgets):
 * the PIN pad that the hidden corner gesture opens, and the staff screen behind it with the
 * kiosk's figures and its buttons (export to USB, new content from USB, go back to the
 * previous content, quotes to check, pause, exit, back), the preview of a stick's content, and
 * the quotes screen: visitors' words one at a time, large, with Approve, Hide, Later, Back and
 * Done (staff/staff_quotes.h keeps the queue). Staff read English, so the words are here rather
 * than in the visitors' wording table; a visitor's own words keep their direction. */
#ifndef PK_STAFF_VIEW_H
#define PK_STAFF_VIEW_H
#include "render/screens/journey_view.h"
#include "staff/pin.h"
#include "staff/staff_quotes.h"
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
    /* New content from a USB stick: the button's words (NULL: no stick content found), the
     * "Go back" button, and what the last check, use or go back said (NULL: nothing); a failed
     * check's problems replace the figures, large, so staff can read them across the room. */
    const char *usb_content_label;
    bool can_go_back;
    const char *content_message;
    bool content_ok;
    /* The preview of a stick's content: the slide shown full screen (NULL: no preview) and the
     * bar's words ("Preview: slide 3 of 12") over the footer, with Back, Next, Use, Cancel. */
    const slide *preview_slide;
    const char *preview_label;
    const char *preview_keeps; /* under the label: what stays the kiosk's own (NULL: nothing) */
    bool preview_first, preview_last;
    /* Quotes: the staff screen's button ("Quotes to check (12)"; NULL: none), which takes a
     * tap only when quotes_enabled (else greyed: "No quotes to check", or why they cannot be
     * checked here); the quotes screen when quote_page is not NULL, with why the last decision
     * was not saved (NULL or "": it was), what reading found wrong (NULL or ""), and the part of
     * a quote too long for one screen (taken modulo the parts it needs). */
    const char *quotes_label;
    bool quotes_enabled;
    const staff_quotes_page *quote_page;
    const char *quote_error, *quote_problem;
    int quote_part;
} staff_view_state;

void staff_view_layout(const slide_ctx *sc, const staff_view_state *st, draw_list *l, widget_list *w);

#endif
