/* Contrast: the WCAG arithmetic, the shipped and default colours pass, and a poor colour is
 * reported at its place in the file with its ratio and what it hides: words below 4.5:1, marks
 * without words (progress dots, faces) below 3:1. Reduced motion turns animation off. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "content/contrast.h"

static pk_color hex(unsigned v) {
    return (pk_color){(unsigned char)(v >> 16), (unsigned char)(v >> 8), (unsigned char)v, 255};
}

static void wcag_arithmetic(void) {
    CHECK(contrast_ratio(hex(0xFFFFFF), hex(0x000000)) > 20.99);
    CHECK(contrast_ratio(hex(0x000000), hex(0xFFFFFF)) > 20.99); /* order does not matter */
    CHECK(contrast_ratio(hex(0x777777), hex(0x777777)) < 1.0001);
    double grey = contrast_ratio(hex(0x767676), hex(0xFFFFFF)); /* the classic 4.54:1 grey */
    CHECK(grey > 4.5 && grey < 4.6);
    double lighter = contrast_ratio(hex(0x777777), hex(0xFFFFFF)); /* just fails: 4.48 */
    CHECK(lighter < 4.5 && lighter > 4.4);
}

static config *load(const char *extra, diag_list *w) {
    char yaml[2048];
    snprintf(yaml, sizeof yaml,
             "plankiosk: 1\nkiosk: {id: k, location: here}\n%splan: {title: T}\n"
             "slides:\n  - {type: title, title: Hello}\n",
             extra);
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets", .warnings = w};
    diag_list *d = calloc(1, sizeof *d);
    config *c = config_load_string(yaml, "t.yaml", TEST_SOURCE_DIR "/config", &opt, d);
    diag_print(d, stderr);
    free(d);
    return c;
}

static void defaults_and_shipped_pass(void) {
    diag_list *w = calloc(1, sizeof *w);
    config *c = load("", w);
    CHECK(c != NULL);
    CHECK_INT(w->count, 0);
    config_free(c);
    memset(w, 0, sizeof *w);
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets", .warnings = w};
    diag_list *d = calloc(1, sizeof *d);
    c = config_load(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", &opt, d);
    CHECK(c != NULL);
    diag_print(w, stderr);
    CHECK_INT(w->count, 0);
    config_free(c);
    free(d);
    free(w);
}

static void poor_colour_reported(void) {
    diag_list *w = calloc(1, sizeof *w);
    config *c =
        load("theme:\n  background: \"#FFFFFF\"\n  surface: \"#F0F0F0\"\n  text: \"#222222\"\n"
             "  muted: \"#999999\"\n  accent: \"#1A4D8F\"\n  accent_text: \"#FFFFFF\"\n"
             "  done: \"#1B6E2E\"\n  in_progress: \"#8A4B00\"\n  planned: \"#1A4D8F\"\n  delayed: "
             "\"#A0281A\"\n",
             w);
    CHECK(c != NULL); /* a warning, not an error: the kiosk still runs */
    CHECK_INT(w->count, 3);
    CHECK_CONTAINS(w->items[0],
                   "t.yaml:7:10: theme: 'muted' on 'background' has a contrast of 2.85:1");
    CHECK_CONTAINS(w->items[1], "t.yaml:7:10: theme: 'muted' on 'surface' has a contrast of");
    /* White eyes on a light grey face: the unchosen faces lose their expression. */
    CHECK_CONTAINS(w->items[2],
                   "t.yaml:9:16: theme: 'accent_text' on 'muted' has a contrast of 2.85:1, "
                   "below the 3.0:1 that WCAG asks for marks");
    config_free(c);
    free(w);
}

/* Issue 12: a town's light theme whose pale grey made the slide loop's progress dots all but
 * vanish. Each line names the colour's place, its ratio and the marks it hides. */
static void light_theme_dots_refused(void) {
    diag_list *w = calloc(1, sizeof *w), *d = calloc(1, sizeof *d);
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets", .warnings = w};
    config *c = config_load(TEST_SOURCE_DIR "/tests/fixtures/contrast/light-dots.yaml", &opt, d);
    diag_print(d, stderr);
    CHECK(c != NULL);
    CHECK_INT(w->count, 3);
    if (w->count == 3) {
        CHECK_CONTAINS(w->items[0], "light-dots.yaml:11:10: theme: 'muted' on 'background' has a "
                                    "contrast of 1.92:1, below the 4.5:1 that WCAG asks for text");
        CHECK_CONTAINS(w->items[0], "nor see the slide loop's progress dots");
        /* On the cards there are only words: nothing else to name. */
        CHECK_CONTAINS(w->items[1], "light-dots.yaml:11:10: theme: 'muted' on 'surface' has a "
                                    "contrast of 1.74:1");
        CHECK(!strstr(w->items[1], "nor see"));
        CHECK_CONTAINS(w->items[2], "light-dots.yaml:13:16: theme: 'accent_text' on 'muted' has a "
                                    "contrast of 1.92:1, below the 3.0:1 that WCAG asks for marks "
                                    "that carry meaning; some visitors will not see the eyes and "
                                    "mouths of the faces not chosen");
    }
    config_free(c);
    free(d);
    free(w);
}

/* Dots need 3:1, words 4.5:1: a grey between the two is refused for its words only. */
static void dots_need_less_than_words(void) {
    diag_list *w = calloc(1, sizeof *w);
    config *c = load("theme: {background: \"#FFFFFF\", surface: \"#FFFFFF\", text: \"#1B1B1B\", "
                     "muted: \"#8C8C8C\", accent: \"#1A4D8F\", accent_text: \"#FFFFFF\", "
                     "done: \"#1B6E2E\", in_progress: \"#8A4B00\", planned: \"#1A4D8F\", "
                     "delayed: \"#A0281A\"}\n",
                     w);
    CHECK(c != NULL);
    CHECK_INT(w->count, 2); /* muted on the background and on the surface, both 3.36:1 */
    for (int i = 0; i < w->count; i++) {
        CHECK_CONTAINS(w->items[i],
                       "has a contrast of 3.36:1, below the 4.5:1 that WCAG asks for text");
        CHECK(!strstr(w->items[i], "nor see"));
    }
    config_free(c);
    free(w);
}

/* A mark without words can fail on its own: dark features on a mid-grey face, in a theme whose
 * every word passes. */
static void marks_alone_refused(void) {
    diag_list *w = calloc(1, sizeof *w);
    config *c = load("theme: {background: \"#101820\", surface: \"#1C2A38\", muted: \"#8E99A5\", "
                     "accent: \"#F2C14E\", accent_text: \"#505050\"}\n",
                     w);
    CHECK(c != NULL);
    CHECK_INT(w->count, 1);
    CHECK_CONTAINS(w->items[0],
                   "t.yaml:3:102: theme: 'accent_text' on 'muted' has a contrast of 2.78:1, "
                   "below the 3.0:1");
    config_free(c);
    free(w);
}

static void reduced_motion(void) {
    config *c = load("loop: {reduce_motion: true, transition: slide}\n", NULL);
    CHECK(c != NULL);
    if (!c) return;
    CHECK(c->loop.reduce_motion);
    CHECK_INT(c->loop.count_up_ms, 0);
    CHECK_INT(c->loop.transition, TRANSITION_NONE);
    config_free(c);
}

int main(void) {
    RUN(wcag_arithmetic);
    RUN(defaults_and_shipped_pass);
    RUN(poor_colour_reported);
    RUN(light_theme_dots_refused);
    RUN(dots_need_less_than_words);
    RUN(marks_alone_refused);
    RUN(reduced_motion);
    return check_report();
}
