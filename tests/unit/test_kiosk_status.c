/* kiosk_status: what staff see of a kiosk they cannot visit. Its status.json is whole whenever
 * it is read, says why the kiosk last started (a crash, a power cut, a clean restart), does not
 * trust a clock that is plainly wrong, reads a Pi's temperature and undervoltage (from a fake
 * /sys here), and the fleet table flags exactly the kiosks that need a look. */
#include <jansson.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "platform/kiosk_status.h"

#define WORK TEST_BINARY_DIR "/test_kiosk_status.d"
#define T0 ((time_t)1795528987)    /* 2026-11-24 14:03:07 UTC */
#define BUILT ((time_t)1795478400) /* 2026-11-24 00:00 UTC: the day "this version" was built */

static void sh(const char *cmd) { CHECK(system(cmd) == 0); }

static void put(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f) return;
    fputs(text, f);
    fclose(f);
}

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = calloc(1, 1 << 16);
    if (buf) buf[fread(buf, 1, (1 << 16) - 1, f)] = '\0';
    fclose(f);
    return buf;
}

/* A kiosk folder and a fake root with a Pi's files in it. */
static void fresh(const char *name, char *dir, char *root, size_t size) {
    char cmd[1200];
    snprintf(dir, size, WORK "/%s/feedback/kiosk-a", name);
    snprintf(root, size, WORK "/%s/root", name);
    snprintf(cmd, sizeof cmd, "rm -rf '" WORK "/%s' && mkdir -p '%s' '%s/proc/sys/kernel/random'",
             name, dir, root);
    sh(cmd);
    char path[1200];
    snprintf(path, sizeof path, "%s/proc/sys/kernel/random/boot_id", root);
    put(path, "11111111-2222-3333-4444-555555555555\n");
}

static kiosk_status *new_status(const char *dir, const char *root) {
    kiosk_status *s = malloc(sizeof *s);
    if (!s) abort();
    kiosk_status_init(s, dir, root);
    s->built_at = BUILT;
    kiosk_status_set_config(s, "kiosk-a", "Central Library, Łódź Road", "Our Town Plan 2040",
                            "sha256:0f3a");
    return s;
}

/* Everything the kiosk knew comes back from the file, and the file is always whole. */
static void written_and_read_back(void) {
    char dir[600], root[600], path[1200];
    fresh("round_trip", dir, root, sizeof dir);
    kiosk_status *s = new_status(dir, root), *back = malloc(sizeof *back);
    if (!back) abort();
    s->boot = 7;
    s->responses_total = 40;
    pk_error err = {{0}};
    CHECK(kiosk_status_begin(s, T0, 1000, &err));
    kiosk_status_response(s, T0 + 60);
    kiosk_status_response(s, T0 + 120);
    kiosk_status_storage(s, "the disk is full");
    s->screen_on = false;
    CHECK(kiosk_status_write(s, T0 + 180, 2000, &err));
    snprintf(path, sizeof path, "%s/status.json", dir);
    CHECK(kiosk_status_load(path, back, &err));
    CHECK_STR(back->kiosk, "kiosk-a");
    CHECK_STR(back->location, "Central Library, Łódź Road");
    CHECK_STR(back->version, PLANKIOSK_VERSION);
    CHECK_STR(back->config_title, "Our Town Plan 2040");
    CHECK_STR(back->config_hash, "sha256:0f3a");
    CHECK_INT(back->written_at, T0 + 180);
    CHECK_INT(back->up_since, T0);
    CHECK_INT(back->boot, 7);
    CHECK(back->running);
    CHECK(!back->screen_on);
    CHECK_INT(back->responses_today, 2);
    CHECK_INT(back->responses_total, 42);
    CHECK_STR(back->last_response, "2026-11-24T14:05:07+00:00");
    CHECK_INT(back->storage_errors, 1);
    CHECK_STR(back->storage_error, "the disk is full");
    CHECK(back->disk_known && back->disk_size > 0);
    CHECK_STR(back->clock, "ok");
    CHECK_INT(back->n_starts, 1);
    CHECK_STR(back->starts[0].reason, KIOSK_START_FIRST);
    CHECK_INT(back->starts[0].boot, 7);
    CHECK_STR(back->system_boot, "11111111-2222-3333-4444-555555555555");
    /* No Pi here: no temperature, no undervoltage, rather than a made-up zero. */
    char *text = slurp(path);
    CHECK(text && !strstr(text, "temperature_c") && !strstr(text, "undervoltage"));
    CHECK(text && strstr(text, "\"written_at\": \"2026-11-24T14:06:07+00:00\""));
    free(text);
    /* Replaced whole: no .tmp left beside it. */
    snprintf(path, sizeof path, "%s/status.json.tmp", dir);
    CHECK(access(path, F_OK) != 0);
    /* Saving works again: the error goes, its count stays. */
    kiosk_status_storage(s, NULL);
    CHECK_STR(s->storage_error, "");
    CHECK_INT(s->storage_errors, 1);
    /* A new day starts its count from nothing, even before its first response. */
    CHECK(kiosk_status_write(s, T0 + 86400, 3000, &err));
    CHECK_INT(s->responses_today, 0);
    CHECK_INT(s->responses_total, 42);
    free(s);
    free(back);
}

/* Every 5 minutes, counted on the monotonic clock. */
static void written_every_five_minutes(void) {
    char dir[600], root[600];
    fresh("beat", dir, root, sizeof dir);
    kiosk_status *s = new_status(dir, root);
    CHECK_INT(kiosk_status_wait_ms(s, 0), 0); /* never written: due now */
    pk_error err = {{0}};
    CHECK(kiosk_status_begin(s, T0, 10000, &err));
    CHECK_INT(kiosk_status_wait_ms(s, 10000), 300000);
    CHECK_INT(kiosk_status_wait_ms(s, 10000 + 299999), 1);
    CHECK_INT(kiosk_status_wait_ms(s, 10000 + 300000), 0);
    /* Who the kiosk is: a change is one to write now, the same again is not. */
    CHECK(!kiosk_status_set_config(s, "kiosk-a", "Central Library, Łódź Road", "Our Town Plan 2040",
                                   "sha256:0f3a"));
    CHECK(kiosk_status_set_config(s, "kiosk-a", "Central Library, Łódź Road", "Our Town Plan 2040",
                                  "sha256:99"));
    free(s);
}

/* Why it started, worked out from the status the last run left. */
static void restart_reasons(void) {
    char dir[600], root[600], path[1200];
    fresh("reasons", dir, root, sizeof dir);
    pk_error err = {{0}};
    kiosk_status *s = new_status(dir, root);
    CHECK(kiosk_status_begin(s, T0, 0, &err));
    CHECK_STR(s->starts[0].reason, KIOSK_START_FIRST);
    CHECK_INT(s->restarts, 0);
    CHECK(kiosk_status_stop(s, T0 + 60, 60000, &err));
    free(s);

    s = new_status(dir, root); /* systemctl restart: stopped cleanly */
    CHECK(kiosk_status_begin(s, T0 + 120, 0, &err));
    CHECK_STR(s->starts[0].reason, KIOSK_START_CLEAN);
    CHECK_STR(s->starts[1].reason, KIOSK_START_FIRST);
    free(s);

    s = new_status(dir, root); /* killed: never marked stopped, same boot of the machine */
    CHECK(kiosk_status_begin(s, T0 + 180, 0, &err));
    CHECK_STR(s->starts[0].reason, KIOSK_START_CRASH);
    CHECK_INT(s->crashes, 1);
    free(s);

    snprintf(path, sizeof path, "%s/proc/sys/kernel/random/boot_id", root);
    put(path, "99999999-2222-3333-4444-555555555555\n"); /* the machine started again under it */
    s = new_status(dir, root);
    CHECK(kiosk_status_begin(s, T0 + 240, 0, &err));
    CHECK_STR(s->starts[0].reason, KIOSK_START_POWER);
    CHECK_INT(s->power_cuts, 1);
    CHECK_INT(s->restarts, 3);
    CHECK_INT(s->n_starts, 4);
    free(s);

    /* Ten starts are kept, the newest first; the counts go on past them. */
    for (int i = 0; i < 12; i++) {
        s = new_status(dir, root);
        s->boot = 100 + i;
        CHECK(kiosk_status_begin(s, T0 + 300 + i, 0, &err));
        CHECK(kiosk_status_stop(s, T0 + 300 + i, 0, &err));
        if (i < 11) free(s);
    }
    CHECK_INT(s->n_starts, KIOSK_STATUS_STARTS);
    CHECK_INT(s->starts[0].boot, 111);
    CHECK_INT(s->starts[9].boot, 102);
    CHECK_INT(s->restarts, 15);
    CHECK_INT(s->crashes, 2); /* the first of the twelve: the power-cut run never stopped */
    free(s);

    /* A damaged status (it cannot be, short of a broken disk) is said as such. */
    snprintf(path, sizeof path, "%s/status.json", dir);
    put(path, "{\"kiosk\": ");
    s = new_status(dir, root);
    CHECK(kiosk_status_begin(s, T0 + 400, 0, &err));
    CHECK_STR(s->starts[0].reason, KIOSK_START_UNKNOWN);
    free(s);
}

/* A clock earlier than the build, or earlier than a time it already showed, is wrong. */
static void wrong_clock_detected(void) {
    char dir[600], root[600], path[1200];
    fresh("clock", dir, root, sizeof dir);
    pk_error err = {{0}};
    kiosk_status *s = new_status(dir, root), *back = malloc(sizeof *back);
    if (!back) abort();
    /* A Pi without network or clock starts in 1970, or where fake-hwclock left it. */
    CHECK(kiosk_status_begin(s, 86400 * 3, 0, &err));
    CHECK_STR(s->clock, "wrong: before this version was built (2026-11-24)");
    snprintf(path, sizeof path, "%s/status.json", dir);
    CHECK(kiosk_status_load(path, back, &err));
    CHECK_STR(back->clock, "wrong: before this version was built (2026-11-24)");
    CHECK(kiosk_status_write(s, T0, 1, &err));
    CHECK_STR(s->clock, "ok");
    CHECK(kiosk_status_write(s, T0 + 60, 2, &err)); /* a minute back is an adjustment, not wrong */
    CHECK(kiosk_status_write(s, T0 + 30, 3, &err));
    CHECK_STR(s->clock, "ok");
    CHECK(kiosk_status_write(s, T0 - 3 * 3600, 4, &err));
    CHECK_STR(s->clock, "wrong: went back 3 h 1 min (it showed 2026-11-24T14:04:07+00:00 before)");
    CHECK_INT(s->written_at, T0 - 3 * 3600); /* the time written is the one the clock gave */
    free(s);
    /* The next start remembers the latest time seen. */
    s = new_status(dir, root);
    CHECK(kiosk_status_begin(s, T0 - 3600, 0, &err));
    CHECK_CONTAINS(s->clock, "wrong: went back 1 h 1 min");
    CHECK(kiosk_status_write(s, T0 + 3600, 1, &err));
    CHECK_STR(s->clock, "ok");
    free(s);
    free(back);
}

/* A Pi's sensors from a fake /sys: the Raspberry Pi kernel's firmware flags, or Debian's hwmon. */
static void pi_sensors(void) {
    char dir[600], root[600], path[1200], cmd[2600];
    fresh("pi", dir, root, sizeof dir);
    snprintf(
        cmd, sizeof cmd,
        "mkdir -p '%s/sys/class/thermal/thermal_zone0' '%s/sys/devices/platform/soc/soc:firmware' "
        "'%s/sys/class/hwmon/hwmon0' '%s/sys/class/hwmon/hwmon1'",
        root, root, root, root);
    sh(cmd);
    snprintf(path, sizeof path, "%s/sys/class/thermal/thermal_zone0/temp", root);
    put(path, "83452\n");
    snprintf(path, sizeof path, "%s/sys/devices/platform/soc/soc:firmware/get_throttled", root);
    put(path, "50000\n"); /* under-voltage since boot (bit 16), not now */
    kiosk_status *s = new_status(dir, root);
    kiosk_status_read_sensors(s);
    CHECK(s->temp_known);
    CHECK(s->temp_c > 83.45 && s->temp_c < 83.46);
    CHECK_INT(s->undervolt_now, 0);
    CHECK_INT(s->undervolt_since_boot, 1);
    put(path, "0x1\n");
    kiosk_status_read_sensors(s);
    CHECK_INT(s->undervolt_now, 1);
    CHECK_INT(s->undervolt_since_boot, 0);
    /* Debian's kernel has no get_throttled; its rpi_volt hwmon says "now" only. */
    unlink(path);
    snprintf(path, sizeof path, "%s/sys/class/hwmon/hwmon0/name", root);
    put(path, "cpu_thermal\n");
    snprintf(path, sizeof path, "%s/sys/class/hwmon/hwmon1/name", root);
    put(path, "rpi_volt\n");
    snprintf(path, sizeof path, "%s/sys/class/hwmon/hwmon1/in0_lcrit_alarm", root);
    put(path, "1\n");
    kiosk_status_read_sensors(s);
    CHECK_INT(s->undervolt_now, 1);
    CHECK_INT(s->undervolt_since_boot, -1);
    pk_error err = {{0}};
    CHECK(kiosk_status_begin(s, T0, 0, &err));
    snprintf(path, sizeof path, "%s/status.json", dir);
    char *text = slurp(path);
    CHECK_CONTAINS(text, "\"temperature_c\": 83.45");
    CHECK_CONTAINS(text, "\"undervoltage\": {\n    \"now\": true\n  }");
    free(text);
    free(s);
}

static void times_parsed(void) {
    time_t t = 0;
    CHECK(kiosk_status_parse_time("2026-11-24T14:03:07+00:00", &t) && t == T0);
    CHECK(kiosk_status_parse_time("2026-11-24T15:03:07+01:00", &t) && t == T0);
    CHECK(kiosk_status_parse_time("2026-11-24T09:33:07-04:30", &t) && t == T0);
    CHECK(kiosk_status_parse_time("2026-11-24T14:03:07Z", &t) && t == T0);
    CHECK(kiosk_status_parse_time("2026-11-24T14:03Z", &t) && t == T0 - 7);
    CHECK(kiosk_status_parse_time("2026-11-24 14:03:07", &t) &&
          t == T0); /* local: TZ is UTC here */
    CHECK(!kiosk_status_parse_time("2026-11-31T14:03:07Z", &t));
    CHECK(!kiosk_status_parse_time("2026-11-24T25:03:07Z", &t));
    CHECK(!kiosk_status_parse_time("2026-11-24T14:03:07 junk", &t));
    CHECK(!kiosk_status_parse_time("yesterday", &t));
    CHECK(!kiosk_status_parse_time(NULL, &t));
    char buf[40];
    kiosk_status_duration(45 * 60, buf, sizeof buf);
    CHECK_STR(buf, "45 min");
    kiosk_status_duration(-(3 * 3600 + 60), buf, sizeof buf);
    CHECK_STR(buf, "3 h 1 min");
    kiosk_status_duration(5 * 86400, buf, sizeof buf);
    CHECK_STR(buf, "5 days");
}

/* One status as a kiosk wrote it, for the fleet tests. */
static void kiosk_file(const char *base, const char *id, time_t at) {
    char dir[900], cmd[1000];
    snprintf(dir, sizeof dir, "%s/%s", base, id);
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
    sh(cmd);
    kiosk_status *s = malloc(sizeof *s);
    if (!s) abort();
    kiosk_status_init(s, dir, WORK "/no-pi");
    s->built_at = BUILT;
    kiosk_status_set_config(s, id, "Town Hall", "Plan", "h");
    s->responses_total = 10;
    pk_error err = {{0}};
    CHECK(kiosk_status_begin(s, at, 0, &err));
    free(s);
}

static void html_text(FILE *f, const char *s) {
    for (; *s; s++) {
        if (*s == '<')
            fputs("&lt;", f);
        else if (*s == '&')
            fputs("&amp;", f);
        else
            fputc(*s, f);
    }
}

/* The fleet: one line a kiosk, and exactly the ones that need a look are flagged. */
static void fleet_flags(void) {
    const char *base = WORK "/fleet";
    sh("rm -rf '" WORK "/fleet' && mkdir -p '" WORK "/fleet'");
    kiosk_file(base, "a-fine", T0 - 120);
    kiosk_file(base, "b-stale", T0 - 45 * 60);
    kiosk_file(base, "c-wrong-clock", 86400 * 3); /* 1970: and silent for it, too */
    kiosk_file(base, "d-hot", T0 - 60);
    /* d-hot's temperature, space and power, as a Pi would have said them. */
    char path[1200];
    snprintf(path, sizeof path, "%s/d-hot/status.json", base);
    kiosk_status *s = malloc(sizeof *s);
    if (!s) abort();
    pk_error err = {{0}};
    CHECK(kiosk_status_load(path, s, &err));
    json_t *o = kiosk_status_to_json(s);
    json_object_set_new(o, "temperature_c", json_real(84.0));
    json_object_set_new(o, "undervoltage", json_pack("{s:b, s:b}", "now", 0, "since_boot", 1));
    json_object_set_new(json_object_get(o, "storage"), "free_bytes", json_integer(300000000));
    json_object_set_new(json_object_get(o, "storage"), "size_bytes", json_integer(32000000000));
    json_object_set_new(json_object_get(o, "storage"), "error", json_string("the disk is full"));
    CHECK(json_dump_file(o, path, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0);
    json_decref(o);
    free(s);
    /* A stick's older copy of a-fine: the newer status wins, and the kiosk is listed once. */
    kiosk_file(WORK "/fleet/stick/copy", "a-fine", T0 - 86400);

    kiosk_status_fleet f;
    const char *dirs[] = {base};
    CHECK(kiosk_status_fleet_read(&f, dirs, 1, T0, &err));
    CHECK_INT(f.n, 4);
    CHECK_INT(f.problems->count, 0);
    if (f.n == 4) {
        CHECK_STR(f.items[0].st.kiosk, "a-fine");
        CHECK(!f.items[0].flagged);
        CHECK_CONTAINS(f.items[0].path, "/fleet/a-fine/status.json");
        CHECK_STR(f.items[1].flags, "silent for 45 min");
        CHECK_CONTAINS(f.items[2].flags, "clock wrong: before this version was built (2026-11-24)");
        CHECK_CONTAINS(f.items[3].flags, "cannot save: the disk is full");
        CHECK_CONTAINS(f.items[3].flags, "low on space: 300 MB free (1 %)");
        CHECK_CONTAINS(f.items[3].flags, "hot: 84 °C");
        CHECK_CONTAINS(f.items[3].flags, "undervoltage since the Pi started");
    }
    CHECK_INT(f.n_flagged, 3);
    char *out = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&out, &len);
    kiosk_status_fleet_print(mem, &f);
    fclose(mem);
    CHECK_CONTAINS(out, "kiosk ");
    CHECK_CONTAINS(out, "\na-fine ");
    CHECK_CONTAINS(out, "2026-11-24 14:01 (2 min ago)");
    CHECK_CONTAINS(out, "OK\n");
    CHECK_CONTAINS(out, "! silent for 45 min\n");
    CHECK_CONTAINS(out, "84 °C");
    free(out);
    mem = open_memstream(&out, &len);
    kiosk_status_fleet_html(mem, &f, html_text);
    fclose(mem);
    CHECK_CONTAINS(out, "<table class=\"fleet\">");
    CHECK_CONTAINS(out, "<tr class=\"flagged\"><td>b-stale</td>");
    CHECK_CONTAINS(out, "<td>silent for 45 min</td></tr>");
    free(out);
    kiosk_status_fleet_free(&f);

    /* A damaged status is named with its line and column; the table still shows the rest. */
    snprintf(path, sizeof path, "%s/e-damaged", base);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/e-damaged/status.json", base);
    put(path, "{\n  \"kiosk\": \"e\",\n  \"written_at\" \"2026\"\n}\n");
    mem = open_memstream(&out, &len);
    int status = kiosk_status_table(mem, dirs, 1, T0);
    fclose(mem);
    CHECK_INT(status, 1);
    char expect[1300];
    snprintf(expect, sizeof expect, "%s:3:21: ':' expected", path); /* jansson: the token's end */
    CHECK_CONTAINS(out, expect);
    CHECK_CONTAINS(out, "4 kiosks, 3 need a look\n");
    free(out);

    /* All well: 0. Nothing there: 1, and said. */
    sh("rm -rf '" WORK "/fleet1' && mkdir -p '" WORK "/fleet1'");
    kiosk_file(WORK "/fleet1", "only", T0 - 60);
    const char *one[] = {WORK "/fleet1"}, *none[] = {WORK "/fleet1/nothing-here"};
    mem = open_memstream(&out, &len);
    CHECK_INT(kiosk_status_table(mem, one, 1, T0), 0);
    CHECK_INT(kiosk_status_table(mem, none, 1, T0), 1);
    fclose(mem);
    CHECK_CONTAINS(out, "1 kiosk, 0 need a look\n");
    CHECK_CONTAINS(out, "fleet1/nothing-here: No such file or directory");
    free(out);
}

int main(void) {
    setenv("TZ", "UTC", 1);
    tzset();
    sh("rm -rf '" WORK "' && mkdir -p '" WORK "'");
    RUN(written_and_read_back);
    RUN(written_every_five_minutes);
    RUN(restart_reasons);
    RUN(wrong_clock_detected);
    RUN(pi_sensors);
    RUN(times_parsed);
    RUN(fleet_flags);
    if (check_failures == 0) sh("rm -rf '" WORK "'");
    return check_report();
}
