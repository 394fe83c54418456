/* monkey: a crowd at the kiosk. The real kiosk (SDL's dummy video driver, the software
 * renderer, a fake clock) gets seeded random input for a long simulated time, the way visitors
 * who do not read the screen give it: taps on what is drawn and anywhere else, swipes, long
 * presses on keys and on nothing, every on-screen key, a plugged-in keyboard (Tab, arrows,
 * Enter, Escape, Backspace, held keys) typing emoji, combining marks, direction marks and lone
 * spaces, language changes, text sizes, less motion, waits long enough for "Are you still
 * there?" and its time-out, holds on the staff corner with wrong PINs (now and then the right
 * one, an export to a stick, even Exit), staff editing the config under it (good edits taken,
 * broken ones refused), restarts after a power cut, on other screen sizes, or with a feedback
 * folder that cannot be written. The day runs past closing time, so the closed
 * screen comes too.
 *
 * After every event it checks what a visitor would notice: the kiosk still runs (unless staff
 * chose Exit), every widget is on screen, every text field is valid UTF-8 within its limit, and
 * nothing one visitor typed is left when the journey ends. It counts the screens it reached; a
 * full run must reach every one. At the end every record on disk parses and the export and
 * report take them all.
 *
 * ctest runs a fixed seed and budget (under ASan and UBSan in CI). By hand:
 *   tests/monkey --seed N --hours H     (wall-clock hours; or --events N)
 * The seed is printed first, so a crash can be replayed with the same command.
 *
 * The long run (issue 14): --sim-hours H runs until the fake clock has passed H hours, in one
 * language (--lang CODE: the config's default, so every reset comes back to it) and text size
 * (--text-size 100|150|200: a crowd of visitors who all press Text size until they get it), on
 * one screen size, and measures every simulated hour: heap in use (allocations counted by the
 * allocator, not RSS), the text cache (text_cache_info), open files and threads. After the first
 * hour (warm-up: fonts opened, the caches and every screen's buffers filled once) none of them
 * may grow; the text cache stays within its slots and budget. --busy leaves out the waits that
 * jump to closing time, so every open hour is full of visitors. ctest runs a coarse day in two
 * languages; tests/monkey --long-run runs every language at 100 % and 200 %. */
#include <SDL.h>
#include <dirent.h>
#include <jansson.h>
#include <sodium.h>
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MONKEY_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(MONKEY_ASAN)
#define MONKEY_ASAN 1
#endif
#ifdef MONKEY_ASAN
/* From the ASan runtime; declared here because gcc ships no sanitizer/allocator_interface.h
 * (only clang's libclang-rt-dev has it). */
size_t __sanitizer_get_current_allocated_bytes(void);
#elif defined(__GLIBC__)
#include <malloc.h>
#endif
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/kiosk_internal.h" /* the kiosk's text context, for the long run's measures */
#include "check.h"
#include "export/export.h"
#include "export/report.h"
#include "kiosk_test.h"
#include "text/text.h"
#include "text/utf8.h"

#define MONKEY_PIN "2468"
#define DEFAULT_EVENTS 3000
#define OPEN_FROM_H 8 /* opening hours the simulated days run through */
#define OPEN_UNTIL_H 18

/* ---- randomness: splitmix64, so a seed replays exactly ---- */
static uint64_t rng_state;
static uint64_t rnd(void) {
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
static int below(int n) { return n > 0 ? (int)(rnd() % (uint64_t)n) : 0; }
static bool chance(int percent) { return below(100) < percent; }

/* ---- the screens a full run must reach ---- */
/* Besides these, every question of the shipped consultation (monkey.seen_question). */
typedef enum {
    SEEN_LOOP, SEEN_LOOP_PAUSED, SEEN_CLOSED, SEEN_PICKER, SEEN_RTL, SEEN_TEXT_150, SEEN_TEXT_200,
    SEEN_LESS_MOTION, SEEN_PIN_PAD, SEEN_PIN_LOCKED, SEEN_STAFF, SEEN_STILL_THERE,
    SEEN_OTHER_BOX, SEEN_ANSWER_REFUSED, SEEN_CHAR_REFUSED, SEEN_BOX_FULL, SEEN_NOTICE_PAGE, SEEN_REVIEW,
    SEEN_THANKS, SEEN_SORRY, SEEN_KEY_PAGE, SEEN_KEY_POPUP, SEEN_PORTRAIT, SEEN_EDIT_TAKEN, SEEN_EDIT_REFUSED,
    SEEN_QUOTES, SEEN_QUOTE_HELD, SEEN_YOU_SAID, SEEN_RESULTS,
    SEEN_COUNT
} seen_id;
static const char *const seen_names[SEEN_COUNT] = {
    "loop", "loop paused", "closed (outside hours)", "language list", "right to left (Urdu)",
    "text 150 %", "text 200 %", "less motion", "PIN pad", "PIN pad locked", "staff screen",
    "still there?", "something else box", "answer refused (postcode)", "sign refused", "box full",
    "privacy notice page", "review", "thanks", "sorry", "keyboard page 2+", "accent popup",
    "portrait screen", "config edit taken", "config edit refused", "quotes to check", "quote held back",
    "you said slide", "results slide"};

typedef struct monkey {
    kiosk *k;
    config *cfg;
    int w, h;
    char dir[256], broken[300], mounts[300], media[300], config_path[300];
    char fleet[300]; /* the fleet's folder (feedback.fleet_dir): other kiosks' quotes to check */
    char *config_text; /* the config as first written, for the edits */
    long edits;
    bool broken_now;   /* this kiosk saves into a folder that cannot exist */
    long events, taps, keys, texts, waits, holds, restarts, exits;
    long seen[SEEN_COUNT];
    long seen_question[CONSULT_MAX_QUESTIONS]; /* the shipped consultation's, by index */
    long thanks;       /* journeys that ended in thank-you (each is one record) */
    journey_step last_step;
    const char *doing; /* the last action, for the failure message */
    bool escape_on_loop; /* the last action was Escape with nothing open: a window closes */
} monkey;

/* ---- the long run: one language and text size for a simulated day, measured every hour ---- */
#define LONG_RUN_MAX_HOURS 240
typedef struct hour_sample {
    long long heap;      /* bytes the allocator has handed out and not had back */
    text_cache_stats text;
    int fds, threads;
    long events;
    char state[24];      /* what was on screen when the hour struck */
} hour_sample;
static struct long_run {
    bool on, busy;
    double hours;
    const char *lang;  /* NULL: the config's own default */
    double text_scale; /* what the crowd presses Text size until it gets */
    int n;             /* samples taken: [0] at the start, [h] when hour h struck */
    hour_sample at[LONG_RUN_MAX_HOURS + 1];
    long at_target, events_seen; /* events that ended in the language and size asked for */
} lr = {.text_scale = 1.0};

static time_t monkey_wall(void *ud) {
    (void)ud;
    /* Thursday 2026-05-28 15:00 UTC when the fake clock starts; the day goes on from there. */
    return 1779980400 + (time_t)(fake_now / 1000);
}

static void look(monkey *m);

/* ---- input, as SDL delivers it ---- */
static void touch(monkey *m, Uint32 type, int x, int y) {
    SDL_Event e = {0};
    e.type = type;
    e.tfinger.x = (x + 0.5f) / (float)m->w, e.tfinger.y = (y + 0.5f) / (float)m->h;
    push_event(m->k, &e);
}

static void tap_at(monkey *m, int x, int y) {
    touch(m, SDL_FINGERDOWN, x, y);
    fake_now += 40 + (uint64_t)below(120);
    touch(m, SDL_FINGERUP, x, y);
    fake_now += (uint64_t)below(600);
    m->taps++;
}

/* A widget laid out now, chosen at random; half the time one that is not a key, so the crowd
 * gets through the journey's steps and not only onto the keyboard. */
static const widget *any_widget(monkey *m) {
    const widget_list *w = kiosk_widgets(m->k);
    if (w->count == 0) return NULL;
    if (chance(50)) {
        int others = 0;
        for (int i = 0; i < w->count; i++) others += w->items[i].kind != W_KEY;
        if (others) {
            int pick = below(others);
            for (int i = 0; i < w->count; i++)
                if (w->items[i].kind != W_KEY && pick-- == 0) return &w->items[i];
        }
    }
    return &w->items[below(w->count)];
}

static void tap_widget_somewhere(monkey *m) {
    const widget *w = any_widget(m);
    if (!w || (w->kind == W_STAFF_EXIT && !chance(10))) return; /* Exit, but rarely */
    m->doing = "tap on a widget";
    tap_at(m, w->r.x + (w->r.w > 2 ? 1 + below(w->r.w - 2) : 0), w->r.y + (w->r.h > 2 ? 1 + below(w->r.h - 2) : 0));
}

static void swipe(monkey *m) {
    m->doing = "swipe";
    int x = below(m->w), y = below(m->h), dx = below(m->w) - m->w / 2, dy = below(m->h / 4) - m->h / 8;
    touch(m, SDL_FINGERDOWN, x, y);
    for (int s = 1; s <= 4; s++) {
        fake_now += 20;
        int px = x + dx * s / 4, py = y + dy * s / 4;
        touch(m, SDL_FINGERMOTION, px < 0 ? 0 : px >= m->w ? m->w - 1 : px, py < 0 ? 0 : py >= m->h ? m->h - 1 : py);
    }
    int ex = x + dx, ey = y + dy;
    touch(m, SDL_FINGERUP, ex < 0 ? 0 : ex >= m->w ? m->w - 1 : ex, ey < 0 ? 0 : ey >= m->h ? m->h - 1 : ey);
    fake_now += (uint64_t)below(400);
}

/* A finger held: on a key with accents (the popup opens, then a slide onto a variant, a lift
 * and a tap, or a lift elsewhere), or anywhere at all. */
static void long_press(monkey *m) {
    m->doing = "long press";
    const widget_list *wl = kiosk_widgets(m->k);
    const widget *key = NULL;
    for (int i = 0, n = 0; i < wl->count; i++)
        if (wl->items[i].kind == W_KEY && wl->items[i].key && wl->items[i].key->n_more > 0 && below(++n) == 0)
            key = &wl->items[i];
    int x = key && chance(80) ? key->r.x + key->r.w / 2 : below(m->w);
    int y = key && chance(80) ? key->r.y + key->r.h / 2 : below(m->h);
    touch(m, SDL_FINGERDOWN, x, y);
    fake_now += KEYBOARD_HOLD_MS + 20 + (uint64_t)below(1500);
    settle(m->k);
    const widget *v = NULL;
    wl = kiosk_widgets(m->k);
    for (int i = 0, n = 0; i < wl->count; i++)
        if (wl->items[i].kind == W_KEY_MORE && below(++n) == 0) v = &wl->items[i];
    int way = below(3);
    if (v && way == 0) {
        touch(m, SDL_FINGERMOTION, v->r.x + v->r.w / 2, v->r.y + v->r.h / 2);
        touch(m, SDL_FINGERUP, v->r.x + v->r.w / 2, v->r.y + v->r.h / 2);
    } else {
        touch(m, SDL_FINGERUP, x, y);
        if (v && way == 1) {
            int vx = v->r.x + v->r.w / 2, vy = v->r.y + v->r.h / 2;
            tap_at(m, vx, vy);
        }
    }
    fake_now += (uint64_t)below(300);
}

/* Pieces of text a plugged-in keyboard (or an input method) sends. */
static const char *const texts[] = {
    " ", "  ", "a", "Z", "e", "\n", "\t", "1", "9", "S", "60",
    "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",                                        /* thumbs up, skin tone */
    "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7", /* family (ZWJ) */
    "\xE2\x9D\xA4\xEF\xB8\x8F",                                                /* heart + VS16 */
    "e\xCC\x81", "a\xCC\x81\xCC\x81\xCC\x81\xCC\x81",                          /* combining marks */
    "\xE2\x80\x8F", "\xE2\x80\x8E", "\xE2\x80\xAE", "\xE2\x81\xA6",             /* RLM, LRM, RLO, LRI */
    "\xEF\xBB\xBF", "\xE2\x80\x8B", "\xC2\xA0",                                /* BOM, ZWSP, NBSP */
    "\xD9\xBE\xD8\xA7\xD8\xB1\xDA\xA9 2025", "\xDB\xB2\xDB\xB0\xDB\xB2\xDB\xB5", /* Urdu, Urdu digits */
    "\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87", "\xC5\x99\xC5\xA1", "\xC8\x99\xC8\x9B",  /* żółć řš șț */
    "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", "=SUM(A1:A9)", "<script>", "\"", ",;", "\\",
    "\xFF\xFE", "\xC3", "\xED\xA0\x80",                                        /* invalid UTF-8 */
};

static void type_text(monkey *m) {
    m->doing = "text from a keyboard";
    SDL_Event e = {0};
    e.type = SDL_TEXTINPUT;
    snprintf(e.text.text, sizeof e.text.text, "%s", texts[below((int)(sizeof texts / sizeof texts[0]))]);
    push_event(m->k, &e);
    m->texts++;
    fake_now += (uint64_t)below(300);
}

static void physical_key(monkey *m) {
    static const SDL_Keycode keys[] = {SDLK_TAB,    SDLK_TAB,       SDLK_LEFT,  SDLK_RIGHT, SDLK_UP,
                                       SDLK_DOWN,   SDLK_RETURN,    SDLK_SPACE, SDLK_ESCAPE, SDLK_BACKSPACE,
                                       SDLK_KP_ENTER, SDLK_0,       SDLK_5,     SDLK_a,     SDLK_AC_BACK};
    SDL_Keycode sym = keys[below((int)(sizeof keys / sizeof keys[0]))];
    m->doing = "a key on a keyboard";
    m->escape_on_loop = (sym == SDLK_ESCAPE || sym == SDLK_AC_BACK) && !journey_active(kiosk_journey(m->k)) &&
                        kiosk_staff_mode(m->k) == STAFF_CLOSED && !find_widget(m->k, W_LANG_PICK, -1);
    Uint16 mod = chance(20) ? KMOD_LSHIFT : KMOD_NONE;
    const char *text = sym == SDLK_SPACE ? " " : sym == SDLK_a ? "a" : sym == SDLK_0 ? "0" : sym == SDLK_5 ? "5" : NULL;
    if (chance(10)) {
        /* Held down: SDL repeats the key before it lets go. */
        SDL_Event e = {0};
        e.type = SDL_KEYDOWN;
        e.key.keysym.sym = sym;
        e.key.keysym.mod = mod;
        for (int r = 0; r < 4; r++) {
            e.key.repeat = r > 0;
            push_event(m->k, &e);
            fake_now += 50;
        }
        e.type = SDL_KEYUP;
        push_event(m->k, &e);
    } else {
        key_press(m->k, sym, mod, text);
    }
    m->keys++;
    fake_now += (uint64_t)below(500);
}

/* The wall clock's local time now, and the fake-clock ms until hh:mm comes next. */
static uint64_t ms_until(int hh, int mm) {
    time_t now = monkey_wall(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    int at = tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec, want = hh * 3600 + mm * 60;
    return (uint64_t)(want > at ? want - at : want + 86400 - at) * 1000;
}

static void long_run_tick(monkey *m);
static uint64_t long_run_next_mark(void);

/* Lets ms pass in steps, as the kiosk's own timers would wake it. */
static void pass(monkey *m, uint64_t ms) {
    for (uint64_t left = ms; left > 0;) {
        uint64_t step = left > 5000 ? 5000 : left;
        fake_now += step;
        left -= step;
        kiosk_step(m->k, 0);
        long_run_tick(m);
        if (left > 60000) { /* a long time: most of it at once (the long run stops at each hour) */
            uint64_t jump = left - 60000, mark = long_run_next_mark();
            if (mark > fake_now && jump > mark - fake_now) jump = mark - fake_now;
            fake_now += jump;
            left -= jump;
        }
    }
    settle(m->k);
}

/* Time passing: a moment, long enough for "Are you still there?", long enough for it to give
 * up, or (rarely) until closing time. */
static void wait_a_while(monkey *m) {
    const config *c = kiosk_config(m->k);
    uint64_t idle = (uint64_t)c->feedback.idle_seconds * 1000, still = (uint64_t)c->feedback.still_there_seconds * 1000;
    int kind = below(1000);
    m->doing = "waiting";
    pass(m, kind < 700   ? 50 + (uint64_t)below(3000)
            : kind < 850 ? idle + (uint64_t)below(2000)
            : kind < 990 || lr.busy ? idle + still + (uint64_t)below(10000)
                                    : ms_until(OPEN_UNTIL_H, 1));
    m->waits++;
}

/* A closed kiosk: mostly the night passes; sometimes someone taps the dark screen first. */
static void night(monkey *m) {
    m->doing = "the night passing";
    pass(m, ms_until(OPEN_FROM_H, 0) + (uint64_t)below(60000));
    m->waits++;
}

/* A visitor who means to get through: the way forward on the screen shown (Next, Skip, an
 * answer, Send, Continue), when there is one. */
static void move_on(monkey *m) {
    static const widget_kind forward[] = {W_NEXT, W_MORE, W_SKIP, W_SEND, W_POINT, W_OPTION, W_CONSENT, W_CONTINUE,
                                          W_FEEDBACK_OPEN};
    const widget_list *wl = kiosk_widgets(m->k);
    const widget *pick = NULL;
    for (int i = 0, n = 0; i < wl->count; i++)
        for (size_t f = 0; f < sizeof forward / sizeof forward[0]; f++)
            if (wl->items[i].kind == forward[f] && below(++n) == 0) pick = &wl->items[i];
    if (!pick) return tap_widget_somewhere(m);
    m->doing = "the way forward";
    tap_at(m, pick->r.x + pick->r.w / 2, pick->r.y + pick->r.h / 2);
}

/* The staff corner held until the PIN pad comes, then a PIN: mostly a wrong one. */
static void staff_corner(monkey *m) {
    m->doing = "staff corner";
    const config *c = kiosk_config(m->k);
    /* Staff wait for the visitor to go: the corner answers only on the loop. */
    const widget *close = journey_active(kiosk_journey(m->k)) ? find_widget(m->k, W_CLOSE, -1) : NULL;
    if (close) tap_at(m, close->r.x + close->r.w / 2, close->r.y + close->r.h / 2);
    int side = 20; /* the corner is a square of 1.5 touch targets: well inside it */
    int cx = c->staff.corner & 1 ? m->w - side : side, cy = c->staff.corner & 2 ? m->h - side : side;
    touch(m, SDL_FINGERDOWN, cx, cy);
    fake_now += (uint64_t)c->staff.hold_seconds * 1000 + 100;
    settle(m->k);
    touch(m, SDL_FINGERUP, cx, cy);
    m->holds++;
    if (kiosk_staff_mode(m->k) != STAFF_PIN_PAD) return;
    /* Guesses, as someone who does not know it would, until one works or the pad locks. */
    for (int tries = 1 + below(8); tries > 0 && kiosk_staff_mode(m->k) == STAFF_PIN_PAD; tries--) {
        bool right = chance(10);
        for (int i = 0; i < 4; i++) {
            const widget *d = find_widget(m->k, W_PIN_DIGIT, right ? MONKEY_PIN[i] - '0' : below(10));
            if (d) tap_at(m, d->r.x + d->r.w / 2, d->r.y + d->r.h / 2);
        }
        const widget *ok = find_widget(m->k, W_PIN_OK, -1);
        if (ok) tap_at(m, ok->r.x + ok->r.w / 2, ok->r.y + ok->r.h / 2);
        look(m);
    }
}

/* Staff edit the config while the kiosk runs (a Syncthing folder, a USB stick): mostly a good
 * edit, taken at the next slide; sometimes a broken one, refused with the content kept, and
 * put right at the next edit. Written as editors do, a new file renamed over the old. */
static void edit_config(monkey *m) {
    m->doing = "an edit of the config";
    char tmp[320];
    snprintf(tmp, sizeof tmp, "%s.new", m->config_path);
    FILE *f = fopen(tmp, "w");
    if (!f) return;
    fputs(m->config_text, f);
    if (chance(30)) fputs("\nslides: [ {type: text, title: \"broken\n", f); /* not YAML */
    else fprintf(f, "\n# edit %ld\n", ++m->edits);
    fclose(f);
    rename(tmp, m->config_path);
    /* The watch thread sees it in real time: give it a moment, then let slides pass. */
    for (int i = 0; i < 10; i++) kiosk_step(m->k, 30);
    m->events++;
}

/* ---- the kiosk's life: started, restarted ---- */
static bool start_kiosk(monkey *m) {
    static const int sizes[][2] = {{800, 480}, {1920, 1080}, {1080, 1920}};
    int s = m->restarts == 0 || chance(60) ? 0 : 1 + below(2); /* the Pi's screen, mostly */
    if (lr.on) s = 0; /* the long run compares hours: one screen, one frame buffer */
    m->w = sizes[s][0], m->h = sizes[s][1];
    m->broken_now = m->restarts > 0 && chance(25);
    kiosk_opts o = {.windowed = true, .w = m->w, .h = m->h, .feedback_dir = m->broken_now ? m->broken : m->dir,
                    .now_ms = clock_ms, .wall = monkey_wall, .usb_mounts = m->mounts, .usb_prefix = m->media,
                    .config_path = m->config_path};
    pk_error err = {{0}};
    m->k = kiosk_create(m->cfg, &o, &err);
    if (!m->k) {
        fprintf(stderr, "monkey: kiosk_create: %s\n", err.msg);
        return false;
    }
    settle(m->k);
    if (m->h > m->w) m->seen[SEEN_PORTRAIT]++;
    return true;
}

static void restart(monkey *m) {
    m->doing = "restart";
    kiosk_destroy(m->k);
    m->k = NULL;
    m->restarts++;
    start_kiosk(m);
}

static bool closed(const monkey *m);

/* ---- what a visitor would notice ---- */
static void look(monkey *m) {
    const kiosk *k = m->k;
    const journey *j = kiosk_journey(k);
    const slide_view *v = kiosk_view(k);
    staff_mode st = kiosk_staff_mode(k);
    const widget_list *wl = kiosk_widgets(k);
    pk_rect shown = {0, 0, m->w, m->h};
    for (int i = 0; i < wl->count; i++) {
        pk_rect r = wl->items[i].r;
        if (!rect_inside(r, shown) || r.w <= 0 || r.h <= 0) {
            fprintf(stderr, "monkey: widget %d (kind %d) at %d,%d %dx%d is not on the %dx%d screen (step %s)\n", i,
                    wl->items[i].kind, r.x, r.y, r.w, r.h, m->w, m->h, journey_step_name(j->step));
            CHECK(false);
        }
    }
    /* Every typed answer (and "Something else" box) of the consultation being answered. */
    for (int i = 0; j->consult && i < j->consult->n_questions; i++) {
        const answer *a = &j->answers[i];
        const question *q = &j->consult->questions[i];
        if (!a->text) continue;
        size_t len = strnlen(a->text, (size_t)a->text_size);
        CHECK(len < (size_t)a->text_size);
        CHECK(utf8_valid(a->text, len));
        int max = question_kind_of(q->type)->text_chars(q);
        if (utf8_count(a->text, len) > (size_t)max)
            fprintf(stderr, "monkey: %s holds %zu characters, more than its %d\n", q->id, utf8_count(a->text, len), max);
        CHECK(utf8_count(a->text, len) <= (size_t)max);
    }
    /* Nothing one visitor typed is left once the journey has ended: the whole buffer is wiped. */
    if (!journey_active(j)) {
        size_t left = 0;
        for (size_t b = 0; b < sizeof j->texts; b++) left += j->texts[b] != 0;
        if (left) fprintf(stderr, "monkey: %zu bytes of what was typed are still held after the journey ended\n", left);
        CHECK(left == 0);
    }
    if (v->text_scale > 1.9) m->seen[SEEN_TEXT_200]++;
    else if (v->text_scale > 1.4) m->seen[SEEN_TEXT_150]++;
    if (v->reduce_motion) m->seen[SEEN_LESS_MOTION]++;
    if (kiosk_frame(k)->rtl) m->seen[SEEN_RTL]++;
    if (st == STAFF_PIN_PAD) m->seen[SEEN_PIN_PAD]++;
    if (st == STAFF_SCREEN) m->seen[SEEN_STAFF]++;
    if (st == STAFF_QUOTES) m->seen[SEEN_QUOTES]++;
    if (st == STAFF_QUOTES && find_widget(k, W_QUOTE_APPROVE, -1) && staff_quotes_current(&k->quotes) &&
        staff_quotes_current(&k->quotes)->state == QUOTE_HELD)
        m->seen[SEEN_QUOTE_HELD]++;
    if (find_widget(k, W_LANG_PICK, -1)) m->seen[SEEN_PICKER]++;
    if (closed(m)) m->seen[SEEN_CLOSED]++; /* the dark screen answers nothing */
    if (kiosk_config(k) != m->cfg) m->seen[SEEN_EDIT_TAKEN]++;
    if (kiosk_config_error(k)[0]) m->seen[SEEN_EDIT_REFUSED]++;
    else if (st == STAFF_CLOSED && !journey_active(j)) m->seen[kiosk_loop_paused(k) ? SEEN_LOOP_PAUSED : SEEN_LOOP]++;
    if (st == STAFF_CLOSED && !journey_active(j) && !closed(m)) {
        slide_type t = kiosk_config(k)->slides[kiosk_slide(k)].type;
        if (t == SLIDE_YOU_SAID) m->seen[SEEN_YOU_SAID]++;
        if (t == SLIDE_RESULTS) m->seen[SEEN_RESULTS]++;
    }
    if (st == STAFF_PIN_PAD && kiosk_pin_locked(k)) m->seen[SEEN_PIN_LOCKED]++;
    if (!journey_active(j)) {
        m->last_step = STEP_NONE;
        return;
    }
    /* The journey answers the shipped consultation, the only one: each question is a screen. */
    CHECK(j->consult && j->consult_index == 0);
    if (j->step == STEP_QUESTION && j->q >= 0 && j->q < CONSULT_MAX_QUESTIONS) m->seen_question[j->q]++;
    if (j->step == STEP_REVIEW) m->seen[SEEN_REVIEW]++;
    if (j->step == STEP_THANKS) m->seen[SEEN_THANKS]++;
    if (j->step == STEP_SORRY) m->seen[SEEN_SORRY]++;
    if (j->step == STEP_THANKS && m->last_step != STEP_THANKS && !m->broken_now) m->thanks++;
    if (j->still_there) m->seen[SEEN_STILL_THERE]++;
    if (j->other_page) m->seen[SEEN_OTHER_BOX]++;
    if (j->invalid) m->seen[SEEN_ANSWER_REFUSED]++;
    if (j->char_refused) m->seen[SEEN_CHAR_REFUSED]++;
    if (j->limit_hit) m->seen[SEEN_BOX_FULL]++;
    if (j->notice_page) m->seen[SEEN_NOTICE_PAGE]++;
    if (keyboard_popup_open(&j->kb)) m->seen[SEEN_KEY_POPUP]++;
    if (j->kb.layout && j->kb.page != j->kb.layout->lower_page) m->seen[SEEN_KEY_PAGE]++;
    m->last_step = j->step;
}

static bool closed(const monkey *m) {
    return kiosk_staff_mode(m->k) == STAFF_CLOSED && !journey_active(kiosk_journey(m->k)) &&
           kiosk_widgets(m->k)->count == 0;
}

static void one_event(monkey *m) {
    int r = below(1000);
    m->escape_on_loop = false;
    if (closed(m) && r < 700) night(m);
    else if (r < 300) tap_widget_somewhere(m);
    else if (r < 450) move_on(m);
    else if (r < 520) (m->doing = "tap anywhere", tap_at(m, below(m->w), below(m->h)));
    else if (r < 560) swipe(m);
    else if (r < 610) long_press(m);
    else if (r < 730) physical_key(m);
    else if (r < 850) type_text(m);
    else if (r < 975) wait_a_while(m);
    else if (r < 990) staff_corner(m);
    else if (r < 995) return edit_config(m);
    else restart(m);
    m->events++;
}

/* ---- the long run's measures ---- */
/* Heap in use as the allocator counts it: what was handed out and not given back (glibc's
 * mallinfo2 over every arena, mmapped blocks included; ASan's own allocator under ASan). Not RSS,
 * which freed memory the allocator keeps, and fragmentation, would move. -1: cannot tell. */
static long long heap_in_use(void) {
#ifdef MONKEY_ASAN
    return (long long)__sanitizer_get_current_allocated_bytes();
#elif defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    struct mallinfo2 mi = mallinfo2();
    return (long long)(mi.uordblks + mi.hblkhd);
#else
    return -1;
#endif
}

static int open_files(void) {
    int n = 0;
    DIR *d = opendir("/proc/self/fd");
    for (struct dirent *de; d && (de = readdir(d));) n += de->d_name[0] != '.';
    if (d) closedir(d);
    return n - 1; /* the listing's own */
}

static int threads(void) {
    char line[128];
    int n = -1;
    FILE *f = fopen("/proc/self/status", "r");
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, "Threads:", 8)) n = atoi(line + 8);
    if (f) fclose(f);
    return n;
}

/* Heap besides the text cache's pixels, which may fill up to their budget as the day goes on:
 * what must stay flat. */
static long long heap_besides_text(const hour_sample *s) {
    return s->heap - (long long)s->text.block_bytes - (long long)s->text.glyph_bytes;
}

static uint64_t long_run_start;
static uint64_t long_run_next_mark(void) {
    return lr.on && lr.n <= lr.hours ? long_run_start + (uint64_t)lr.n * 3600000 : 0;
}

static void long_run_sample(monkey *m, hour_sample *s) {
    s->heap = heap_in_use();
    s->text = text_cache_info(m->k->scr.text);
    s->fds = open_files();
    s->threads = threads();
    s->events = m->events;
    const journey *j = kiosk_journey(m->k);
    snprintf(s->state, sizeof s->state, "%s",
             kiosk_staff_mode(m->k) != STAFF_CLOSED ? "staff"
             : journey_active(j)                    ? journey_step_name(j->step)
             : closed(m)                            ? "closed"
                                                    : "loop");
}

static void print_sample(int h, const hour_sample *s) {
    fprintf(stderr,
            "long run: hour %3d  heap %9lld  besides text %9lld  text blocks %3d/%d %8zu/%zu B  "
            "glyphs %3d/%d  fonts %2d/%d  fds %2d  threads %2d  events %6ld  %s\n",
            h, s->heap, heap_besides_text(s), s->text.blocks, s->text.block_slots, s->text.block_bytes,
            s->text.block_budget, s->text.glyphs, s->text.glyph_slots, s->text.fonts, s->text.font_slots, s->fds,
            s->threads, s->events, s->state);
}

/* Samples every hour mark the fake clock has reached (a night passes in hour-long jumps). */
static void long_run_tick(monkey *m) {
    while (lr.on && m->k && lr.n <= lr.hours && lr.n <= LONG_RUN_MAX_HOURS &&
           fake_now >= long_run_start + (uint64_t)lr.n * 3600000) {
        long_run_sample(m, &lr.at[lr.n]);
        print_sample(lr.n, &lr.at[lr.n]);
        lr.n++;
    }
}

/* The crowd of this run wants its text size: when a reset (or another visitor) has changed it,
 * the next one presses Text size until it is back. */
static void long_run_keep_view(monkey *m) {
    for (int tries = 0; tries < 3 && m->k && kiosk_staff_mode(m->k) == STAFF_CLOSED; tries++) {
        double now = kiosk_view(m->k)->text_scale;
        if (now > lr.text_scale - 0.05 && now < lr.text_scale + 0.05) break;
        const widget *w = find_widget(m->k, W_TEXT_SIZE, -1);
        if (!w) break;
        m->doing = "Text size, back to this run's";
        tap_at(m, w->r.x + w->r.w / 2, w->r.y + w->r.h / 2);
        settle(m->k);
    }
}

/* After the warm-up hour nothing may grow: open files and threads stay where they were at hour
 * 2, the text cache within its slots and budget every hour, and the heap (besides the text
 * cache's pixels, which may fill their budget as the day goes on) keeps its floor.
 *
 * Why the floor. What an hour's sample holds depends on what the crowd left on screen when the
 * hour struck: up to 48 font sizes open with SDL_ttf's glyph caches, the headers of up to 192
 * cached text textures, a journey's layouts, the staff screen. All bounded, but measured hour to
 * hour over a busy day they move the heap by up to ~4.5 MB, and a restart (a power cut) empties
 * them. A leak lifts every sample, the least included; a cache lifts only the highest. So: the
 * least heap of the run's last third may not exceed the least of hours 2 to 2 + a third by more
 * than LONG_RUN_HEAP_SLACK (512 KB) or 2 % of hour 2's heap, whichever is larger: well above how
 * much the floor moved in our runs (it fell, if anything), and a leak of 100 bytes an event
 * (a busy day is ~11000 events) or 20 KB a visitor's journey crosses it. */
#define LONG_RUN_HEAP_SLACK (512 * 1024)
static void long_run_verdict(void) {
    int last = lr.n - 1;
    fprintf(stderr, "long run: %d hourly samples, %ld of %ld events ended in %s at %.0f %%\n", lr.n, lr.at_target,
            lr.events_seen, lr.lang ? lr.lang : "the default language", lr.text_scale * 100);
    CHECK(last >= (int)lr.hours);
    for (int h = 0; h <= last; h++) {
        const text_cache_stats *t = &lr.at[h].text;
        CHECK(t->blocks <= t->block_slots && t->block_bytes <= t->block_budget);
        CHECK(t->glyphs <= t->glyph_slots && t->fonts <= t->font_slots);
    }
    if (last < 5) return;
    const hour_sample *base = &lr.at[2];
    long long bound = base->heap / 50 > LONG_RUN_HEAP_SLACK ? base->heap / 50 : LONG_RUN_HEAP_SLACK;
    int third = (last - 1) / 3, fds = base->fds, thr = base->threads;
    long long early = heap_besides_text(base), late = -1, most = early, least = early;
    for (int h = 2; h <= last; h++) {
        long long v = heap_besides_text(&lr.at[h]);
        if (h <= 2 + third && v < early) early = v;
        if (h >= last - third && (late < 0 || v < late)) late = v;
        if (v > most) most = v;
        if (v < least) least = v;
        if (lr.at[h].fds > fds) fds = lr.at[h].fds;
        if (lr.at[h].threads > thr) thr = lr.at[h].threads;
    }
    fprintf(stderr,
            "long run: heap besides the text cache, hours 2-%d: %lld to %lld (spread %lld); floor of hours 2-%d %lld, "
            "of hours %d-%d %lld: %+lld bytes (bound %lld)\n"
            "long run: open files %d at hour 2, most %d after; threads %d, most %d after\n",
            last, least, most, most - least, 2 + third, early, last - third, last, late, late - early, bound, base->fds,
            fds, base->threads, thr);
    if (base->heap >= 0) CHECK(late - early <= bound);
    else fprintf(stderr, "long run: heap in use cannot be read here: not checked\n");
    CHECK_INT(fds, base->fds);
    CHECK_INT(thr, base->threads);
}

/* ---- afterwards: every record parses; export and report take them all ---- */
static long count_records(const char *kdir, long *bad) {
    long n = 0;
    DIR *d = opendir(kdir);
    struct dirent *de;
    static char line[1 << 17];
    while (d && (de = readdir(d))) {
        size_t len = strlen(de->d_name);
        if (len < 6 || strcmp(de->d_name + len - 6, ".jsonl")) continue;
        char path[600];
        snprintf(path, sizeof path, "%s/%s", kdir, de->d_name);
        FILE *f = fopen(path, "r");
        while (f && fgets(line, sizeof line, f)) {
            json_error_t e;
            json_t *r = json_loads(line, 0, &e);
            if (!r) {
                fprintf(stderr, "monkey: %s: a line that is not JSON: %s\n", path, e.text);
                (*bad)++;
                continue;
            }
            /* Every record answers the shipped consultation; a blank answer is no answer, never
             * saved as one (the idea, the name, the postcode, the "Something else" words). */
            const json_t *answers = json_object_get(r, "answers");
            const char *cid = json_string_value(json_object_get(json_object_get(r, "consultation"), "id"));
            if (!json_is_object(answers) || !cid || strcmp(cid, "plan-2025")) {
                fprintf(stderr, "monkey: %s: a record without the consultation's answers\n", path);
                (*bad)++;
            }
            const char *key;
            const json_t *v;
            json_object_foreach((json_t *)answers, key, v) {
                const char *t = json_string_value(v);
                if (t && utf8_is_blank(t, strlen(t))) {
                    fprintf(stderr, "monkey: %s: a blank answer to %s was saved\n", path, key);
                    (*bad)++;
                }
            }
            json_decref(r);
            n++;
        }
        if (f) fclose(f);
    }
    if (d) closedir(d);
    return n;
}

static void afterwards(monkey *m) {
    char kdir[400];
    snprintf(kdir, sizeof kdir, "%s/%s", m->dir, m->cfg->kiosk.id);
    long bad = 0, n = count_records(kdir, &bad);
    fprintf(stderr, "monkey: %ld records saved, %ld thank-you screens\n", n, m->thanks);
    CHECK_INT(bad, 0);
    CHECK_INT(n, m->thanks);
    export_set set;
    const char *dirs[] = {m->dir};
    export_filter flt = {0};
    pk_error err = {{0}};
    CHECK(export_collect(&set, dirs, 1, &flt, &err));
    CHECK_INT(set.n, n);
    CHECK_INT(set.unreadable, 0);
    FILE *out = fopen("/dev/null", "w");
    CHECK(out && export_write(out, &set, EXPORT_CSV, &err));
    CHECK(out && export_write(out, &set, EXPORT_JSON, &err));
    CHECK(out && report_write(out, &set, &flt, &err));
    if (out) fclose(out);
    export_set_free(&set);
}

/* Another kiosk's consented words in the fleet's folder (beside the monkey's, so its own
 * records still count alone), for staff to check: one fine, one the check holds back. Staff
 * decisions go to the monkey's own folder, never here. */
static bool write_fleet(monkey *m) {
    snprintf(m->fleet, sizeof m->fleet, "%s-fleet", m->dir);
    feedback_log log;
    pk_error err = {{0}};
    if (!feedback_log_open(&log, m->fleet, "library-2", NULL, &err)) return false;
    static const char *const words[] = {"More benches by the river, please", "Ring me on 07700 900123 about it"};
    bool ok = true;
    for (int i = 0; i < 2 && ok; i++) {
        feedback_record rec = {.kiosk = "library-2", .location = "Library", .at = 1780000000 + i,
                               .consultation = "plan-2025", .language = "en", .seconds_taken = 20,
                               .answers = json_pack("{s:s, s:b}", "text", words[i], "consent_quote", 1),
                               .personal = json_pack("[s]", "text")};
        ok = feedback_log_append(&log, &rec, &err);
        /* A desk approved the first: the You said slide is in the loop from the start, and the
         * crowd meets it (and its worker) as well as the quotes screen. */
        char key[QUOTE_KEY_LEN];
        snprintf(key, sizeof key, "%s:text", rec.id);
        if (ok && i == 0)
            ok = quote_decision_append(NULL, m->fleet, "desk-office", key, QUOTE_APPROVE, "a desk", 1780000100, &err);
        feedback_record_release(&rec);
    }
    feedback_log_close(&log);
    return ok;
}

/* The shipped content with the monkey's staff PIN and opening hours the simulated days run
 * through, written to a file of the kiosk's own so that staff can edit it under it. */
static bool write_monkey_config(monkey *m, const char *hash) {
    FILE *f = fopen(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", "r");
    if (!f) return false;
    size_t cap = 1 << 20, n;
    m->config_text = malloc(cap);
    n = m->config_text ? fread(m->config_text, 1, cap - 1024, f) : 0;
    fclose(f);
    if (!m->config_text || !n) return false;
    m->config_text[n] = 0;
    if (lr.lang) { /* this run's language is the kiosk's own: every reset comes back to it */
        char *at = strstr(m->config_text, "\nlanguages:\n  default: ");
        if (!at) return false;
        at += strlen("\nlanguages:\n  default: ");
        size_t old = strcspn(at, "\n"), new = strlen(lr.lang);
        memmove(at + new, at + old, n - (size_t)(at + old - m->config_text) + 1);
        memcpy(at, lr.lang, new);
        n = n + new - old;
    }
    /* The live slides early in the loop, after three slides (the shipped ones stand near its
     * end, where a crowd that restarts and edits the loop seldom gets; and at a start they join
     * the loop once gathered, behind the slide shown), a result from the first response on. */
    static const char live_slides[] = "  - {type: you_said, per_page: 2}\n"
                                      "  - {type: results, consultation: plan-2025, question: themes, min_responses: 1}\n";
    char *sl = strstr(m->config_text, "\nslides:\n");
    if (!sl || n + sizeof live_slides >= cap - 1024) return false;
    for (int i = 0; i < 3 && sl; i++) sl = strstr(sl + 1, "\n  - ");
    if (!sl) return false;
    sl++;
    memmove(sl + strlen(live_slides), sl, n - (size_t)(sl - m->config_text) + 1);
    memcpy(sl, live_slides, strlen(live_slides));
    n += strlen(live_slides);
    char *fb = strstr(m->config_text, "\nfeedback:\n");
    if (!fb) return false;
    fb += strlen("\nfeedback:\n");
    char fleet[400];
    int fl = snprintf(fleet, sizeof fleet, "  fleet_dir: \"%s\"\n", m->fleet);
    memmove(fb + fl, fb, n - (size_t)(fb - m->config_text) + 1);
    memcpy(fb, fleet, (size_t)fl);
    n += (size_t)fl;
    int len = (int)n;
    len += snprintf(m->config_text + len, cap - (size_t)len, "\nstaff:\n  pin_hash: \"%s\"\nhours:\n", hash);
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (int d = 0; d < 7; d++)
        len += snprintf(m->config_text + len, cap - (size_t)len, "  %s: \"%02d:00-%02d:00\"\n", days[d], OPEN_FROM_H,
                        OPEN_UNTIL_H);
    snprintf(m->config_text + len, cap - (size_t)len, "  outside: clock\n");
    /* Its pictures and icons are not beside it: they are found in the assets folder. */
    snprintf(m->config_path, sizeof m->config_path, "%s/config.yaml", m->dir);
    f = fopen(m->config_path, "w");
    if (!f) return false;
    fputs(m->config_text, f);
    return fclose(f) == 0;
}

static void usage(void) {
    fprintf(stderr, "usage: test_monkey [--seed N] [--events N | --hours H] [--quiet]\n"
                    "       test_monkey [--seed N] --sim-hours H [--lang CODE] [--text-size 100|150|200] [--busy]\n"
                    "  a seeded crowd at the kiosk; the same seed replays the same run; --sim-hours runs\n"
                    "  H hours of the fake clock and checks that heap, text cache, files and threads stay flat\n");
}

int main(int argc, char **argv) {
    uint64_t seed = 20261207;
    /* The sanitizer run takes the full budget; the plain CI run, which would find nothing more,
     * a shorter one (its preset sets this). */
    const char *budget = getenv("PLANKIOSK_MONKEY_EVENTS");
    long events = budget && atol(budget) > 0 ? atol(budget) : DEFAULT_EVENTS;
    double hours = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--seed") && i + 1 < argc) seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--events") && i + 1 < argc) events = atol(argv[++i]);
        else if (!strcmp(argv[i], "--hours") && i + 1 < argc) hours = atof(argv[++i]), events = 0;
        else if (!strcmp(argv[i], "--sim-hours") && i + 1 < argc) lr.on = true, lr.hours = atof(argv[++i]);
        else if (!strcmp(argv[i], "--lang") && i + 1 < argc) lr.lang = argv[++i];
        else if (!strcmp(argv[i], "--text-size") && i + 1 < argc) lr.text_scale = atof(argv[++i]) / 100;
        else if (!strcmp(argv[i], "--busy")) lr.busy = true;
        else if (!strcmp(argv[i], "--help")) return usage(), 0;
        else return usage(), 2;
    }
#if !defined(MONKEY_ASAN) && defined(__GLIBC__)
    /* glibc's per-thread cache keeps freed small blocks as in use, so mallinfo2 would count
     * what was freed: the long run starts itself again without it. */
    if (lr.on && !getenv("PLANKIOSK_MONKEY_NO_TCACHE")) {
        setenv("PLANKIOSK_MONKEY_NO_TCACHE", "1", 1);
        setenv("GLIBC_TUNABLES", "glibc.malloc.tcache_count=0", 1);
        execv("/proc/self/exe", argv);
    }
#endif
    if (lr.on) {
        if (lr.hours <= 0 || lr.hours > LONG_RUN_MAX_HOURS || (lr.lang && strlen(lr.lang) > 8)) return usage(), 2;
        events = 0, hours = 0;
    }
    /* First, so that a crash (ASan aborts) still leaves the way to replay it. */
    if (lr.on)
        fprintf(stderr, "monkey: seed %llu (replay: tests/monkey --seed %llu --sim-hours %g%s%s --text-size %.0f%s)\n",
                (unsigned long long)seed, (unsigned long long)seed, lr.hours, lr.lang ? " --lang " : "",
                lr.lang ? lr.lang : "", lr.text_scale * 100, lr.busy ? " --busy" : "");
    else
        fprintf(stderr, "monkey: seed %llu (replay: tests/monkey --seed %llu %s%g)\n", (unsigned long long)seed,
                (unsigned long long)seed, hours > 0 ? "--hours " : "--events ", hours > 0 ? hours : (double)events);
    rng_state = seed;
    static monkey mk;
    monkey *m = &mk;
    m->last_step = STEP_NONE;
    snprintf(m->dir, sizeof m->dir, "%s/monkey-XXXXXX", TEST_BINARY_DIR);
    if (!mkdtemp(m->dir)) return 1;
    /* A feedback folder that cannot exist (its parent is a file), for the sorry screen. */
    snprintf(m->broken, sizeof m->broken, "%s/file", m->dir);
    FILE *f = fopen(m->broken, "w");
    if (f) fclose(f);
    strncat(m->broken, "/sub", sizeof m->broken - strlen(m->broken) - 1);
    /* A stick for the staff export. */
    snprintf(m->media, sizeof m->media, "%s/media/", m->dir);
    char stick[400];
    snprintf(stick, sizeof stick, "%sSTICK", m->media);
    mkdir(m->media, 0755);
    mkdir(stick, 0755);
    snprintf(m->mounts, sizeof m->mounts, "%s/mounts", m->dir);
    f = fopen(m->mounts, "w");
    if (f) fprintf(f, "/dev/sdz1 %s vfat rw 0 0\n", stick), fclose(f);
    /* The shipped content, a staff PIN, and opening hours the simulated days run through. */
    /* The PIN hashed at libsodium's least cost: the crowd tries hundreds of PINs, and the
     * kiosk's own cost (0.1 s a check, on purpose) would be most of the run. */
    char hash[crypto_pwhash_STRBYTES];
    if (sodium_init() < 0 || crypto_pwhash_str(hash, MONKEY_PIN, strlen(MONKEY_PIN), crypto_pwhash_OPSLIMIT_MIN,
                                               crypto_pwhash_MEMLIMIT_MIN) != 0)
        return 1;
    if (!write_fleet(m) || !write_monkey_config(m, hash)) return 1;
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    m->cfg = d ? config_load(m->config_path, &opt, d) : NULL;
    if (d) diag_print(d, stderr);
    free(d);
    if (!m->cfg) return 1;
    if (!start_kiosk(m)) return 1;
    time_t began = time(NULL);
    long_run_start = fake_now;
    long_run_tick(m);
    for (;;) {
        if (events > 0 && m->events >= events) break;
        if (lr.on && lr.n > lr.hours) break;
        if (hours > 0 && m->events % 100 == 0 && difftime(time(NULL), began) >= hours * 3600) break;
        one_event(m);
        if (!m->k) break;
        if (!kiosk_step(m->k, 0)) {
            /* Only staff may stop the kiosk (and Escape on the loop, in a development window);
             * systemd would start it again. */
            if (kiosk_staff_mode(m->k) != STAFF_SCREEN && !m->escape_on_loop) {
                fprintf(stderr, "monkey: the kiosk stopped by itself after \"%s\"\n", m->doing);
                CHECK(false);
                break;
            }
            m->exits++;
            restart(m);
            if (!m->k) break;
        }
        if (lr.on) {
            long_run_tick(m);
            long_run_keep_view(m);
            double sc = kiosk_view(m->k)->text_scale;
            const config *c = kiosk_config(m->k);
            lr.events_seen++;
            lr.at_target += sc > lr.text_scale - 0.05 && sc < lr.text_scale + 0.05 &&
                            (!lr.lang || !strcmp(c->languages.code[c->lang], lr.lang));
        }
        int before = check_failures;
        look(m);
        if (check_failures != before) {
            fprintf(stderr, "monkey: after event %ld (%s); replay with --seed %llu --events %ld\n", m->events,
                    m->doing, (unsigned long long)seed, m->events);
            break;
        }
        if (m->events % 20000 == 0)
            fprintf(stderr, "monkey: %ld events, %.1f simulated hours\n", m->events, fake_now / 3600000.0);
    }
    kiosk_destroy(m->k);
    fprintf(stderr,
            "monkey: %ld events (%ld taps, %ld keys, %ld texts, %ld waits, %ld staff holds, %ld restarts, %ld staff exits) "
            "over %.1f simulated hours in %.0f s\n",
            m->events, m->taps, m->keys, m->texts, m->waits, m->holds, m->restarts, m->exits, fake_now / 3600000.0,
            difftime(time(NULL), began));
    int missing = 0;
    for (int s = 0; s < SEEN_COUNT; s++) {
        fprintf(stderr, "  %-26s %ld\n", seen_names[s], m->seen[s]);
        missing += m->seen[s] == 0;
    }
    /* Every question of the shipped consultation, each a screen of its own. */
    const consultation *plan = &m->cfg->consultations[0];
    for (int i = 0; i < plan->n_questions; i++) {
        char name[80];
        snprintf(name, sizeof name, "question %s", plan->questions[i].id);
        fprintf(stderr, "  %-26s %ld\n", name, m->seen_question[i]);
        missing += m->seen_question[i] == 0;
    }
    int screens = SEEN_COUNT + plan->n_questions;
    fprintf(stderr, "monkey: %d of %d screens reached\n", screens - missing, screens);
    /* A run of the full budget must reach every screen, or the crowd is not testing them. */
    if (!lr.on && (events >= DEFAULT_EVENTS || hours > 0)) CHECK_INT(missing, 0);
    if (lr.on) long_run_verdict();
    afterwards(m);
    config_free(m->cfg);
    free(m->config_text);
    if (check_failures) fprintf(stderr, "monkey: FAILED with seed %llu\n", (unsigned long long)seed);
    return check_report();
}
