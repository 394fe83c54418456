/* config: the kiosk's content and settings, loaded from one YAML file and checked in full.
 *
 * config_load() reads the file with libyaml, validates every key against the schema in
 * config/REFERENCE.md and builds this model. Every problem is reported with its place in the
 * file (`FILE:LINE:COLUMN: message`), all of them at once, so an editor fixes a file in one go.
 * A config that loads without errors is safe to render: all required text is present, numbers
 * are in range, dates are real, referenced files exist.
 *
 * Ownership: a config owns everything it points to (one arena); config_free() releases it.
 * No SDL here: tests and `plankiosk check` use this without a screen. */
#ifndef PK_CONFIG_H
#define PK_CONFIG_H
#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/color.h"
#include "core/date.h"
#include "core/diag.h"
#include "config/ui_text.h"
#include "consult/consult.h"

#define CONFIG_MAX_SLIDES 64
#define CONFIG_MAX_THEMES 12
#define CONFIG_MAX_HIGHLIGHTS 6
#define CONFIG_MAX_MILESTONES 12
#define CONFIG_MAX_GROUPS 6
#define CONFIG_MAX_INDICATORS 8 /* per group */
#define CONFIG_MAX_SERIES 20
#define CONFIG_MAX_QUOTES 4
#define CONFIG_MAX_BULLETS 8
#define CONFIG_MAX_LANGS 8
#define CONFIG_MAX_WE_DID 4     /* you said / we did pairs on one slide */
#define CONFIG_MAX_APPROVED 200 /* quotes read from one approved_file */

/* The least time "Are you still there?" gives before it clears a journey: WCAG 2.2.1 asks for
 * at least 20 seconds to answer a time-out warning. */
#define FEEDBACK_STILL_THERE_MIN 20


typedef enum { RENDERER_AUTO, RENDERER_SOFTWARE, RENDERER_GLES2 } renderer_kind;
typedef enum { TRANSITION_CROSSFADE, TRANSITION_SLIDE, TRANSITION_NONE } transition_kind;
typedef enum {
    SLIDE_TITLE,
    SLIDE_TEXT,
    SLIDE_HIGHLIGHTS,
    SLIDE_THEMES,
    SLIDE_MILESTONES,
    SLIDE_INDICATORS,
    SLIDE_QUOTE,
    SLIDE_IMAGE,
    SLIDE_CALL_TO_ACTION,
    SLIDE_YOU_SAID, /* approved visitors' quotes (content/live.h) */
    SLIDE_RESULTS,  /* a question's answers so far */
    SLIDE_WE_DID,   /* you said / we did pairs written by staff */
    SLIDE_TYPE_COUNT
} slide_type;
typedef enum {
    STATUS_DONE,
    STATUS_IN_PROGRESS,
    STATUS_PLANNED,
    STATUS_DELAYED,
    STATUS_COUNT
} milestone_status;
typedef enum { FIT_CONTAIN, FIT_COVER } image_fit;

typedef struct plan_theme { /* a "game changer" */
    const char *id, *name, *summary;
    const char *icon; /* resolved path, or NULL */
} plan_theme;

typedef struct highlight {
    double value;
    int decimals;
    const char *prefix, *suffix, *caption;
} highlight;

typedef struct milestone {
    pk_date date;
    const char *title;
    int theme; /* index into config.themes, -1 if none */
    bool has_status;
    milestone_status status; /* as given; see content_milestone_status() for the derived one */
} milestone;

typedef struct indicator {
    const char *text, *unit;
    bool more; /* desired direction: true "more", false "fewer" */
    int n_series;
    double series[CONFIG_MAX_SERIES];
    const char *series_labels[CONFIG_MAX_SERIES];
} indicator;

typedef struct indicator_group {
    const char *name; /* the theme's name when given by theme id */
    int theme;
    int n_items;
    indicator items[CONFIG_MAX_INDICATORS];
} indicator_group;

typedef struct quote {
    const char *text, *name, *role;
    int age; /* 0 if not given */
} quote;

/* One "You said ... We did ..." pair of a we_did slide. */
typedef struct we_did_item {
    const char *you_said; /* the theme or a short summary of what people said */
    const char *we_did;   /* what happened */
    const char *when;     /* when, in words ("March 2026"), or NULL */
    const char *image;    /* resolved path, or NULL */
    const char *alt;      /* the picture described (read aloud); required with an image */
} we_did_item;

/* A quote from an approved_file (plankiosk quotes --out): a person approved it elsewhere. */
typedef struct approved_quote {
    const char *key, *consultation, *lang, *text, *name, *age_band; /* name, age_band: or NULL */
    long long utc;
} approved_quote;

typedef struct slide {
    slide_type type;
    const char *id; /* given, or "<n>-<type>" */
    int line;       /* where the slide starts in the file */
    double duration; /* seconds; 0 means the loop default */
    bool has_from, has_until;
    pk_date from, until;
    /* title: NULL on a quote or image slide, a we_did slide without one, and a you_said slide
     * over several consultations (content/live.h's live_slide_title gives those theirs). */
    const char *title, *subtitle, *footer, *intro, *body, *button;
    int n_bullets;
    const char *bullets[CONFIG_MAX_BULLETS];
    int n_highlights;
    highlight highlights[CONFIG_MAX_HIGHLIGHTS];
    int n_milestones; /* sorted by date */
    milestone milestones[CONFIG_MAX_MILESTONES];
    int n_groups;
    indicator_group *groups; /* CONFIG_MAX_GROUPS, from the arena when the type uses them */
    int n_quotes;
    quote quotes[CONFIG_MAX_QUOTES];
    const char *image; /* resolved path */
    image_fit fit;
    const char *caption, *alt;
    int consultation; /* call_to_action: the consultation its button opens (-1: the one running);
                       * you_said: whose quotes (-1: every consultation's); results: whose question */
    /* you_said: quotes shown at once (1-4, default 3); approved quotes from approved_file. */
    int per_page;
    int n_approved;
    approved_quote *approved; /* from the arena */
    /* results: the question (index in the consultation) and the least people who must have
     * answered before anything shows (min_responses, default 10); caption: see REFERENCE.md
     * ({people}, {kiosks}, {since}; default ui results_caption / results_caption_one). */
    int question;
    int min_responses;
    /* we_did: the pairs. */
    int n_we_did;
    we_did_item we_did[CONFIG_MAX_WE_DID];
} slide;

typedef struct config_theme {
    pk_color background, surface, text, muted, accent, accent_text;
    pk_color status[STATUS_COUNT];
    const char *font_regular, *font_bold; /* resolved paths */
} config_theme;

typedef struct config config;

typedef struct config_languages {
    int n;                              /* 1 when the file has no `languages` block */
    char code[CONFIG_MAX_LANGS][8];     /* "en", "ur", ... in the order the button lists them */
    bool unreviewed[CONFIG_MAX_LANGS];  /* translated, not yet checked by a native speaker */
    int default_lang;
    /* Coverage: text strings in the file, and how many each language has its own words for. */
    int strings, translated[CONFIG_MAX_LANGS];
} config_languages;

struct config {
    arena mem;
    const char *path, *dir; /* as given; the folder relative paths are resolved against */
    char hash[17];          /* first 64 bits of BLAKE2b of the file, hex: names the content */
    /* The same of the content alone (config_kiosk_own.c): the document without what stays a
     * kiosk's own, so editing a kiosk's id, place, PIN or hours leaves it as it was. */
    char content_hash[17];
    struct {
        const char *id, *location;
        int width, height;
        double physical_width_mm;
        renderer_kind renderer;
        int rotation; /* 0, 90, 180 or 270 degrees clockwise: drawing and touch alike */
    } kiosk;
    struct {
        double slide_seconds;
        transition_kind transition;
        int transition_ms, count_up_ms;
        double pause_seconds; /* a paused loop resumes by itself after this */
        bool reduce_motion;   /* no count-up numbers, no moving transitions (WCAG 2.3.3) */
        bool has_as_of;
        pk_date as_of;
    } loop;
    config_theme theme;
    struct {
        const char *title, *subtitle, *publisher, *url;
    } plan;
    int n_themes;
    plan_theme themes[CONFIG_MAX_THEMES];
    int n_slides;
    slide slides[CONFIG_MAX_SLIDES];
    /* What is asked (consult/consult.h), in file order. */
    int n_consultations;
    consultation *consultations;
    struct {
        const char *button;      /* the footer button, "Have your say" */
        const char *paused_hint; /* shown while the loop is paused */
        const char *dir;         /* where records go; NULL: feedback_log_default_dir() */
        const char *fleet_dir;   /* resolved: where a fleet's folders gather (Syncthing); the
                                  * results and you_said slides read every kiosk's there. NULL: none */
        const char *public_key;  /* resolved path: seal personal fields with it; NULL: don't */
        char key_fingerprint[20]; /* the public key's (store/seal.h), for check and staff */
        int idle_seconds;        /* no touch this long: "Are you still there?" */
        int still_there_seconds; /* then this long before everything is cleared (>= FEEDBACK_STILL_THERE_MIN) */
        int thanks_seconds;
        const char *ui[UI_COUNT]; /* wording: defaults from ui_text, overridden by config */
    } feedback;
    struct {
        bool set;                 /* no `hours` section: open all the time */
        bool closed[7];           /* Monday = 0 */
        int open_min[7], close_min[7]; /* minutes after midnight; close after open */
        bool clock;               /* outside hours show a dimmed clock, else black */
    } hours;
    struct {
        const char *pin_hash; /* from `plankiosk hash-pin`; NULL: staff mode cannot be opened */
        const char *pin_hash_file; /* resolved path of staff.pin_hash_file, NULL without it (the
                                    * hash above is read from it; a missing file: no hash yet) */
        int corner;           /* 0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right */
        int hold_seconds;     /* press and hold the corner this long for the PIN pad */
    } staff;
    struct {
        /* moderation.block: words or phrases held back in quotes, per language code, on top
         * of assets/moderation/<lang>.txt (quotes/quote_screen.h). */
        int n_block;
        const char **block;      /* from the arena */
        const char **block_lang; /* the language each is for ("en") */
    } moderation;
    struct {
        bool read_aloud; /* offer the "Listen" button (where there is an audio device) */
        double volume;   /* 0..1 of full scale, for read-aloud */
    } accessibility;
    /* Every text in the language `lang`; the same config in the other languages is in
     * by_lang[] (by_lang[lang] is this one). The first config loaded owns the others. */
    config_languages languages;
    int lang;
    config *by_lang[CONFIG_MAX_LANGS];
    bool owns_langs;
    /* The on-screen keyboard of this language (languages.keyboards, else the shipped
     * keyboards/<code>.yaml) and the Latin one postcodes are typed on; read with
     * keyboard_file.h into the first config's arena and shared by every language's config. */
    const struct keyboard_layout *keyboard, *keyboard_latin;
};

/* Optional checks that need more than the C library, supplied by the caller (the SDL layer
 * checks images really decode). Returns false and fills why (size why_len) if unusable. */
typedef bool (*config_file_check_fn)(const char *path, char *why, int why_len);

typedef struct config_options {
    const char *assets_dir;        /* fallback folder for fonts, icons and images */
    config_file_check_fn check_image; /* may be NULL */
    diag_list *warnings;           /* things worth fixing that do not stop the kiosk (a
                                    * language typed on the UK keyboard); NULL to ignore them */
    diag_list *contrast;           /* text colours below the WCAG contrast: check refuses
                                    * these, the kiosk only logs them; NULL: into warnings */
    diag_list *missing;            /* every text without its own words in a language, as
                                    * FILE:LINE:COL (check --languages); NULL to skip */
    /* Content brought for this kiosk (a USB stick's, or a stored version of one): what is per
     * kiosk (config_kiosk_own.c) is taken from this config, not read from the file, which may
     * leave it out. The strings are copied: kiosk_own may be freed after the load. */
    const config *kiosk_own;
} config_options;

/* Loads and validates path. Returns a new config, or NULL with every problem in diags.
 * diags may also hold messages when a config is returned? No: any message means failure. */
config *config_load(const char *path, const config_options *opt, diag_list *diags);
/* Same, from a string in memory (tests); `name` is used in messages and dir for paths. */
config *config_load_string(const char *text, const char *name, const char *dir,
                           const config_options *opt, diag_list *diags);
/* Frees c and, if c was the one loaded, the same config in its other languages. */
void config_free(config *c);
/* The language index of a code ("ur"), or -1. */
int config_language_index(const config *c, const char *code);

/* The consultation taking answers on `today`: the slide's own when it names one (and it is
 * running), else the first running one in the file; NULL when none is. */
const consultation *config_consultation_for(const config *c, const slide *s, pk_date today);
/* The consultation with this id, or NULL. */
const consultation *config_consultation(const config *c, const char *id);

/* What stays a kiosk's own when content comes from elsewhere (a USB stick): the whole
 * `kiosk:` section (id, location, the screen: size, physical width, renderer, rotation), the
 * `hours:` of its building, feedback.dir, feedback.public_key and feedback.fleet_dir, and the
 * whole `staff:` section (PIN, corner, hold time). Everything else is content. config_kiosk_own_line writes
 * the line the staff screen's preview shows ("Stays this kiosk's own: id rotherham-town-centre,
 * location, screen, opening hours, feedback folder, staff PIN") into buf and returns it. */
const char *config_kiosk_own_line(const config *own, char *buf, size_t size);

const char *config_slide_type_name(slide_type t);
const char *config_status_name(milestone_status s);

#endif
