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

/* When it opens next, for the closed screen and the journal: later today, tomorrow, after a
 * closed Sunday, or never. */
static void next_opening(void) {
    config *c = load("hours:\n"
                     "  monday: \"09:00-17:30\"\n"
                     "  friday: \"09:00-17:30\"\n"
                     "  saturday: \"10:00-13:00\"\n"
                     "  sunday: closed\n");
    CHECK(c != NULL);
    if (!c) return;
    int wday, minute, days;
    struct tm before = {.tm_wday = 1, .tm_hour = 7, .tm_min = 30}; /* Monday 07:30 */
    CHECK(content_next_opening(c, &before, &wday, &minute, &days));
    CHECK_INT(wday, 1);
    CHECK_INT(minute, 9 * 60);
    CHECK_INT(days, 0);
    struct tm open = {.tm_wday = 1, .tm_hour = 12};
    CHECK(!content_next_opening(c, &open, &wday, &minute, &days)); /* open now */
    struct tm sat = {.tm_wday = 6, .tm_hour = 14}; /* Saturday after closing: Sunday is closed */
    CHECK(content_next_opening(c, &sat, &wday, &minute, &days));
    CHECK_INT(wday, 1);
    CHECK_INT(minute, 9 * 60);
    CHECK_INT(days, 2);
    struct tm fri = {.tm_wday = 5, .tm_hour = 18}; /* Friday evening: Saturday at ten */
    CHECK(content_next_opening(c, &fri, &wday, &minute, &days));
    CHECK_INT(wday, 6);
    CHECK_INT(minute, 10 * 60);
    CHECK_INT(days, 1);
    char line[160];
    content_opens_again(c, &fri, line, sizeof line);
    CHECK_STR(line, "Opens again Saturday 10:00");
    content_opens_again(c, &before, line, sizeof line);
    CHECK_STR(line, "Opens again 09:00");
    content_opens_again(c, &open, line, sizeof line);
    CHECK_STR(line, "");
    config_free(c);
    c = load("hours:\n  monday: closed\n  tuesday: closed\n  wednesday: closed\n  thursday: closed\n"
             "  friday: closed\n  saturday: closed\n  sunday: closed\n");
    if (c) {
        struct tm any = {.tm_wday = 3, .tm_hour = 10};
        CHECK(!content_next_opening(c, &any, &wday, &minute, &days)); /* never */
        config_free(c);
    }
}

int main(void) {
    RUN(library_hours);
    RUN(next_opening);
    RUN(bad_hours_refused);
    return check_report();
}
