/* Opening hours: a library kiosk goes dark when the library closes and wakes when it opens,
 * without a restart; badly written hours are refused with their place in the file. */
#include <stdlib.h>

#include "check.h"
#include "content/content.h"

static diag_list diags;

static config *load(const char *hours) {
    char yaml[2048];
    snprintf(yaml, sizeof yaml,
             "plankiosk: 1\nkiosk: {id: k, location: here}\nplan: {title: T}\n"
             "slides:\n  - {type: title, title: Hello}\n%s", hours);
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    memset(&diags, 0, sizeof diags);
    return config_load_string(yaml, "t.yaml", TEST_SOURCE_DIR "/config", &opt, &diags);
}

/* wday: 0 Sunday ... 6 Saturday, as struct tm has it. */
static bool open_at(const config *c, int wday, int h, int m) {
    struct tm tm = {.tm_wday = wday, .tm_hour = h, .tm_min = m};
    return content_is_open(c, &tm);
}

static void library_hours(void) {
    config *c = load("hours:\n"
                     "  monday: \"09:00-17:30\"\n"
                     "  tuesday: \"09:00-17:30\"\n"
                     "  saturday: \"10:00-13:00\"\n"
                     "  sunday: closed\n"
                     "  outside: clock\n");
    diag_print(&diags, stderr);
    CHECK(c != NULL);
    if (!c) return;
    CHECK(c->hours.clock);
    CHECK(!open_at(c, 1, 8, 59));
    CHECK(open_at(c, 1, 9, 0));
    CHECK(open_at(c, 1, 17, 29));
    CHECK(!open_at(c, 1, 17, 30));
    CHECK(!open_at(c, 0, 12, 0));  /* Sunday */
    CHECK(open_at(c, 3, 3, 0));    /* Wednesday not listed: open all day */
    CHECK(open_at(c, 6, 12, 59));
    CHECK(!open_at(c, 6, 13, 0));
    config_free(c);
    c = load("");
    CHECK(open_at(c, 0, 3, 0)); /* no hours at all: always open */
    config_free(c);
}

static void bad_hours_refused(void) {
    config *c = load("hours:\n  monday: 9-5\n  tuesday: \"17:00-09:00\"\n  friday: \"25:00-26:00\"\n  outside: dim\n");
    CHECK(c == NULL);
    CHECK_INT(diags.count, 4);
    CHECK_CONTAINS(diags.items[0], "t.yaml:7:11: hours: 'monday' must be like \"09:00-17:30\"");
    CHECK_CONTAINS(diags.items[1], "t.yaml:8:12: hours: 'tuesday': closing time 09:00 is not after opening time 17:00");
    CHECK_CONTAINS(diags.items[2], "t.yaml:9:11: hours: 'friday' must be like");
    CHECK_CONTAINS(diags.items[3], "'outside' cannot be \"dim\"");
}

int main(void) {
    RUN(library_hours);
    RUN(bad_hours_refused);
    return check_report();
}
