/* kiosk_internal: what the kiosk's own files share: the kiosk itself (kiosk.c runs the event
 * loop, the loop and the journey; kiosk_visitor.c the visitor's language, text size, motion
 * and Listen; kiosk_staff.c the staff corner, PIN pad and staff screen) and the clocks they
 * read. Internal to src/app. */
#ifndef PK_KIOSK_INTERNAL_H
#define PK_KIOSK_INTERNAL_H
#include <SDL.h>
#include <limits.h>

#include "app/kiosk.h"
#include "app/screen.h"
#include "content/live.h"
#include "loop/attract.h"
#include "loop/focus.h"
#include "loop/gesture.h"
#include "platform/abs_pointer_reader.h"
#include "platform/file_watch.h"
#include "platform/kiosk_status.h"
#include "platform/service.h"
#include "render/chrome.h"
#include "render/screens/staff_view.h"
#include "speech/speech_player.h"
#include "staff/content_preview.h"
#include "staff/content_store.h"
#include "staff/pin.h"
#include "staff/staff_quotes.h"
#include "staff/staff_stats.h"
#include "store/feedback_log.h"

struct kiosk {
    const config *cfg;
    kiosk_opts opts;
    screen scr;
    attract loop;
    journey jr;
    gesture pointer;
    feedback_log log;
    bool log_ok;
    char storage_error[DIAG_LEN];
    /* Layouts are computed when a slide appears, not every frame. */
    draw_list *lists[2]; /* current and outgoing slide */
    int list_slide[2];
    draw_list *chrome, *overlay;
    chrome_state chrome_shown; /* what k->chrome was laid out for */
    bool chrome_valid;
    widget_list widgets;
    widget_list chrome_widgets; /* the loop footer's buttons, laid out with k->chrome */
    /* Staff: the corner held down, the PIN pad, the staff screen. */
    staff_mode staff;
    bool holding;
    uint64_t hold_since, staff_since;
    pin_pad pad;
    char pin_message[96], export_message[DIAG_LEN + PATH_MAX];
    bool export_ok;
    staff_stats stats;
    char feedback_dir[1024];
    bool dirty, quit;
    bool staff_exit;     /* stopped from the staff screen: systemd should not restart us */
    uint32_t stop_event; /* SIGTERM/SIGINT arrive as this SDL event */
    service svc;         /* systemd readiness and watchdog */
    kiosk_status status; /* what status.json says (kiosk_health.c) */
    bool status_on, status_failing;
    bool closed;         /* outside opening hours: black or a dimmed clock, the loop stopped */
    /* Language: the config as loaded (all languages) and the picker over the screen. */
    const config *root;
    bool picker;
    draw_list *picker_list;
    uint64_t last_touch; /* a visitor's language is forgotten after idle_seconds untouched */
    /* Live config: a watch on the file, a checked edit waiting for the next slide, the config
     * this kiosk loaded itself (the first one belongs to the caller), why an edit was refused. */
    file_watch *watch;
    uint32_t watch_event;
    char config_file[PATH_MAX + 128]; /* the file watched and reloaded: --config (with stick content
                                       * in use too: its per-kiosk settings still count) */
    config *pending, *owned;
    char config_error[DIAG_LEN];
    int clock_minute;    /* the minute the closed-hours clock shows */
    uint64_t peek_until; /* a tap on the dark screen shows the clock and the opening time */
    uint64_t mouse_seen; /* the cursor shows for a while after the mouse moves */
    abs_pointer_reader *abs; /* absolute pointers placed by us (KMSDRM, SDL < 2.30), or NULL */
    /* Read aloud: the player (NULL: no audio, or not tried yet), the words being said. */
    speech_player *speech;
    bool speech_tried, speaking;
    char *speech_buf; /* SPEECH_SCRIPT_MAX bytes */
    int frames, abandoned;
    uint64_t start_counter, end_ms;
    /* Keyboard and switch access: the focus over `widgets`, where it was beneath an overlay
     * (the picker, "Are you still there?"), the screen it belongs to, and its ring. A key
     * press that did its job swallows the character SDL sends after it. */
    focus focus, focus_under;
    int focus_screen, focus_overlay; /* 0 none, 1 the picker, 2 "still there?" */
    bool swallow_text;
    draw_list *focus_list;
    /* New content from a USB stick (kiosk_staff.c): the stick's plankiosk/ folder found ("" if
     * none), its title once checked, what the last check/use/go back said, the checked config
     * being previewed (owned; NULL when no preview), the store of versions, the version in use
     * ("" the own --config file) and the own file's hash (what the store records). */
    char usb_content[PATH_MAX + 16];
    char usb_title[160];
    char content_message[DIAG_LEN * 5];
    bool content_ok;
    config *preview;
    content_preview pv;
    char preview_keeps[200]; /* "Stays this kiosk's own: id ..., location, ..." under the preview */
    content_store store;
    char in_use[CONTENT_STORE_NAME], base_hash[CONTENT_STORE_NAME];
    /* Quotes staff check (kiosk_staff.c): read when the staff screen opens, the page shown and
     * the staff button's words. */
    staff_quotes quotes;
    staff_quotes_page quotes_page;
    char quotes_label[DIAG_LEN + 64];
    /* The live slides (kiosk_live.c): the snapshot they read, and the worker gathering it. */
    slide_live *live;
    struct live_worker *live_worker;
};

/* The clocks: monotonic ms, wall time and today (tests give their own). */
static inline uint64_t kiosk_now(const kiosk *k) {
    return k->opts.now_ms ? k->opts.now_ms(k->opts.clock_ud) : SDL_GetTicks64();
}
static inline time_t kiosk_wall(const kiosk *k) { return k->opts.wall ? k->opts.wall(k->opts.clock_ud) : time(NULL); }
static inline pk_date kiosk_today(const kiosk *k) { return date_from_time(kiosk_wall(k)); }

/* ---- the visitor (kiosk_visitor.c) ---- */
/* Stops Listen reading, and unlights its button. */
void kiosk_stop_speaking(kiosk *k);
/* Shows everything in language i; what the visitor entered stays. */
void kiosk_set_language(kiosk *k, int i);
int kiosk_default_language(const kiosk *k);
/* The visitor's text size, less motion and Listen: everything is laid out again for them. */
void kiosk_set_view(kiosk *k, slide_view v);
/* Whether the visitor changed anything (language, text size, motion) since the last reset. */
bool kiosk_visitor_changed(const kiosk *k);
/* Whoever comes next starts as the kiosk was set up. */
void kiosk_reset_visitor(kiosk *k);
/* Opens the speech engine (after the first frame); Listen then shows. */
void kiosk_start_speech(kiosk *k);
/* A press on the buttons every screen has (language, text size, less motion, Listen); false
 * for any other widget. */
bool kiosk_view_press(kiosk *k, const widget *w, uint64_t now);

/* ---- the live slides (kiosk_live.c): approved quotes and results, gathered on a worker ---- */
/* Starts the worker for k->root (after the log's folder is known), or none when the config has
 * no live slide; again after the config changed. Stops the one before. */
void kiosk_live_start(kiosk *k);
void kiosk_live_stop(kiosk *k);
/* Staff decided on a quote (or anything else changed what the live slides show): the worker
 * gathers again, and the next slide boundary takes the new snapshot. */
void kiosk_live_poke(kiosk *k);
/* At a slide boundary (the loop is about to move): takes what the worker gathered, if anything
 * new, into k->live and the loop's order. True if it took something. */
bool kiosk_live_take(kiosk *k);
/* After the loop moved from position before_pos: a wrap turns the quotes' page and asks the
 * worker to look again. */
void kiosk_live_boundary(kiosk *k, int before_pos);

/* ---- status.json for the fleet (kiosk_health.c) ---- */
/* Once the feedback log is open: the status says the kiosk started, and why. */
void kiosk_health_start(kiosk *k);
/* After each write to the feedback log (a response, or an abandoned visit): counted, and said. */
void kiosk_health_saved(kiosk *k, bool response, bool ok);
/* Every turn of the loop: writes when what staff see changed or 5 minutes went by; returns the
 * ms until the next write is due. */
int kiosk_health_tick(kiosk *k);
/* A clean way out: the next start is a clean restart, not a crash. */
void kiosk_health_stop(kiosk *k);

/* ---- staff (kiosk_staff.c) ---- */
/* The hidden corner held for the PIN pad. */
pk_rect kiosk_staff_corner(const kiosk *k);
/* Opens (or, STAFF_CLOSED, closes) the PIN pad or the staff screen. */
void kiosk_open_staff(kiosk *k, staff_mode mode, uint64_t now);
void kiosk_staff_press(kiosk *k, const widget *w, uint64_t now);
/* At start, before the screen opens: the stick content in the store replaces k->cfg unless the
 * own --config file was edited since it was chosen (content_store_choose); said on stderr. */
void kiosk_content_start(kiosk *k);
/* The own --config file was reloaded as own: while stick content is in use, the rule at start
 * decides (content_store_choose on own's content hash): the stick's content stays, given own's
 * per-kiosk settings (own is freed, the stick's config returned), or the own file's content
 * changed and wins (own returned, staff told on the staff screen and in the journal). */
config *kiosk_content_reload(kiosk *k, config *own);
/* The stick's content the staff screen offers (found on opening it), and the words of its button. */
void kiosk_content_find(kiosk *k);
/* Ends a preview: the screen back on the kiosk's own config, the stick's config freed. */
void kiosk_preview_end(kiosk *k);
/* Where the feedback goes (the command line, the config, the environment, the usual places). */
void kiosk_pick_feedback_dir(kiosk *k);
/* The quotes' part of the staff screens' state: the staff screen's button, the quotes screen. */
void kiosk_staff_quotes_view(kiosk *k, staff_view_state *st);
/* A real keyboard on the PIN pad; false when the key is not the pad's. */
bool kiosk_pin_key(kiosk *k, SDL_Keycode sym, bool key_repeat, uint64_t now);

#endif
