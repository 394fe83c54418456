/* Contrast: the WCAG arithmetic, the shipped and default colours pass, and a poor colour is
 * reported at its place in the file with its ratio. Reduced motion turns animation off. */
#include <stdlib.h>

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
             "slides:\n  - {type: title, title: Hello}\n", extra);
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
    config *c = load("theme:\n  background: \"#FFFFFF\"\n  surface: \"#F0F0F0\"\n  text: \"#222222\"\n"
                     "  muted: \"#999999\"\n  accent: \"#1A4D8F\"\n  accent_text: \"#FFFFFF\"\n"
                     "  done: \"#1B6E2E\"\n  in_progress: \"#8A4B00\"\n  planned: \"#1A4D8F\"\n  delayed: \"#A0281A\"\n", w);
    CHECK(c != NULL); /* a warning, not an error: the kiosk still runs */
    CHECK_INT(w->count, 2);
    CHECK_CONTAINS(w->items[0], "t.yaml:7:10: theme: 'muted' on 'background' has a contrast of 2.85:1");
    CHECK_CONTAINS(w->items[1], "t.yaml:7:10: theme: 'muted' on 'surface' has a contrast of");
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
    RUN(reduced_motion);
    return check_report();
}
