/* kiosk_status: the kiosk's side of status.json (the contract is in kiosk_status.h).
 *
 * The idea: the status is plain data the kiosk updates as things happen (a response, a failed
 * write, the screen going dark); writing it reads what only the system knows at that moment
 * (free space, the SoC's temperature, undervoltage) and judges the wall clock. The file is
 * replaced whole, so a reader (Syncthing, `plankiosk fleet`) never sees half of one, and a power
 * cut leaves the last status, which is exactly what the next start needs to know: whether the
 * kiosk was stopped cleanly, and on which boot of the machine. */
#include "platform/kiosk_status.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

#include "platform/clock_judge.h"
#include "store/feedback_log.h"
#include "text/utf8.h"

/* The day this version was built, UTC (CMake: SOURCE_DATE_EPOCH, else the day it was
 * configured). A kiosk whose clock reads earlier than that is certainly wrong. */
#ifndef PLANKIOSK_BUILD_EPOCH
#define PLANKIOSK_BUILD_EPOCH 0
#endif
#ifndef PLANKIOSK_VERSION
#define PLANKIOSK_VERSION "unknown"
#endif

/* ---- small helpers --------------------------------------------------------------------- */

/* Copies src into dst (size bytes), cut at a character boundary when too long; returns whether
 * dst changed. */
static bool set_text(char *dst, size_t size, const char *src) {
    if (!src) src = "";
    size_t n = strlen(src);
    if (n >= size) n = utf8_prev(src, size); /* the character that would not fit goes whole */
    if (strncmp(dst, src, n) == 0 && dst[n] == '\0') return false;
    memcpy(dst, src, n);
    dst[n] = '\0';
    return true;
}

/* The first line of a small file under the root, without its newline; false if absent. */
static bool read_small(const kiosk_status *s, const char *rel, char *out, size_t size) {
    char path[PATH_MAX * 2];
    snprintf(path, sizeof path, "%s%s", s->root, rel);
    FILE *f = fopen(path, "r");
    if (!f) return false;
    bool ok = fgets(out, (int)size, f) != NULL;
    fclose(f);
    if (ok) out[strcspn(out, "\r\n")] = '\0';
    return ok;
}

static bool read_number(const kiosk_status *s, const char *rel, int base, long long *out) {
    char text[64], *end;
    if (!read_small(s, rel, text, sizeof text)) return false;
    errno = 0;
    *out = strtoll(text, &end, base);
    return !errno && end != text;
}

/* "12 min", "3 h 5 min", "2 days": how long, for people. */
void kiosk_status_duration(long long secs, char *buf, size_t size) {
    if (secs < 0) secs = -secs;
    long long min = secs / 60, h = min / 60, d = h / 24;
    if (d >= 2)
        snprintf(buf, size, "%lld days", d);
    else if (h >= 1 && min % 60)
        snprintf(buf, size, "%lld h %lld min", h, min % 60);
    else if (h >= 1)
        snprintf(buf, size, "%lld h", h);
    else if (min >= 1)
        snprintf(buf, size, "%lld min", min);
    else
        snprintf(buf, size, "%lld s", secs);
}

/* ---- time ------------------------------------------------------------------------------ */

/* n decimal digits at *p, moving *p past them; -1 if they are not there. */
static int digits(const char **p, int n) {
    int v = 0;
    for (int i = 0; i < n; i++) {
        char c = (*p)[i];
        if (c < '0' || c > '9') return -1;
        v = v * 10 + (c - '0');
    }
    *p += n;
    return v;
}

bool kiosk_status_parse_time(const char *s, time_t *out) {
    if (!s) return false;
    const char *p = s;
    int y = digits(&p, 4), mo = -1, d = -1, h = 0, mi = 0, sec = 0;
    if (y < 0 || *p++ != '-' || (mo = digits(&p, 2)) < 1 || mo > 12 || *p++ != '-' ||
        (d = digits(&p, 2)) < 1 || d > date_days_in_month(y, mo))
        return false;
    if (*p == 'T' || *p == ' ') {
        p++;
        if ((h = digits(&p, 2)) < 0 || h > 23 || *p++ != ':' || (mi = digits(&p, 2)) < 0 || mi > 59)
            return false;
        if (*p == ':') {
            p++;
            if ((sec = digits(&p, 2)) < 0 || sec > 60) return false;
        }
    }
    struct tm tm = {.tm_year = y - 1900,
                    .tm_mon = mo - 1,
                    .tm_mday = d,
                    .tm_hour = h,
                    .tm_min = mi,
                    .tm_sec = sec,
                    .tm_isdst = -1};
    if (*p == '\0') { /* no offset: this computer's local time */
        *out = mktime(&tm);
        return true;
    }
    long off = 0;
    if (*p == 'Z')
        p++;
    else if (*p == '+' || *p == '-') {
        int sign = *p++ == '-' ? -1 : 1, oh = digits(&p, 2);
        if (*p == ':') p++;
        int om = digits(&p, 2);
        if (oh < 0 || oh > 23 || om < 0 || om > 59) return false;
        off = sign * (oh * 3600L + om * 60L);
    } else
        return false;
    if (*p) return false;
    *out = timegm(&tm) - off;
    return true;
}

/* ---- the status ------------------------------------------------------------------------ */

void kiosk_status_init(kiosk_status *s, const char *dir, const char *root) {
    memset(s, 0, sizeof *s);
    snprintf(s->dir, sizeof s->dir, "%s", dir ? dir : "");
    snprintf(s->root, sizeof s->root, "%s", root ? root : "");
    snprintf(s->version, sizeof s->version, "%s", PLANKIOSK_VERSION);
    snprintf(s->clock, sizeof s->clock, "ok");
    s->built_at = (time_t)PLANKIOSK_BUILD_EPOCH;
    s->running = true;
    s->screen_on = true;
    s->undervolt_now = s->undervolt_since_boot = -1;
}

bool kiosk_status_set_config(kiosk_status *s, const char *kiosk, const char *location,
                             const char *title, const char *hash) {
    bool changed = set_text(s->kiosk, sizeof s->kiosk, kiosk);
    changed |= set_text(s->location, sizeof s->location, location);
    changed |= set_text(s->config_title, sizeof s->config_title, title);
    changed |= set_text(s->config_hash, sizeof s->config_hash, hash);
    return changed;
}

void kiosk_status_response(kiosk_status *s, time_t at) {
    pk_date day = date_from_time(at);
    if (date_cmp_days(day, s->counted_day) != 0) s->responses_today = 0, s->counted_day = day;
    s->responses_today++;
    s->responses_total++;
    feedback_time_iso(at, s->last_response);
}

void kiosk_status_storage(kiosk_status *s, const char *msg) {
    if (msg && *msg) {
        s->storage_errors++;
        set_text(s->storage_error, sizeof s->storage_error, msg);
    } else {
        s->storage_error[0] = '\0';
    }
}

int kiosk_status_wait_ms(const kiosk_status *s, uint64_t now_ms) {
    if (!s->written_once || now_ms - s->written_ms >= KIOSK_STATUS_EVERY_MS) return 0;
    return (int)(KIOSK_STATUS_EVERY_MS - (now_ms - s->written_ms));
}

void kiosk_status_read_sensors(kiosk_status *s) {
    long long v;
    s->temp_known = read_number(s, "/sys/class/thermal/thermal_zone0/temp", 10, &v);
    s->temp_c = s->temp_known ? (double)v / 1000.0 : 0; /* millidegrees */
    s->undervolt_now = s->undervolt_since_boot = -1;
    /* Raspberry Pi OS kernels: the firmware's flags, bit 0 under-voltage now, bit 16 since boot. */
    if (read_number(s, "/sys/devices/platform/soc/soc:firmware/get_throttled", 16, &v)) {
        s->undervolt_now = (v & 0x1) != 0;
        s->undervolt_since_boot = (v & 0x10000) != 0;
        return;
    }
    /* Debian's kernel: the raspberrypi-hwmon driver (name rpi_volt) raises in0_lcrit_alarm. */
    char dir[PATH_MAX * 2];
    snprintf(dir, sizeof dir, "%s/sys/class/hwmon", s->root);
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        char rel[PATH_MAX], name[64];
        if (e->d_name[0] == '.') continue;
        snprintf(rel, sizeof rel, "/sys/class/hwmon/%s/name", e->d_name);
        if (!read_small(s, rel, name, sizeof name) || strcmp(name, "rpi_volt") != 0) continue;
        snprintf(rel, sizeof rel, "/sys/class/hwmon/%s/in0_lcrit_alarm", e->d_name);
        if (read_number(s, rel, 10, &v)) s->undervolt_now = v != 0;
        break;
    }
    if (d) closedir(d);
}

void kiosk_status_judge_clock(kiosk_status *s, time_t now) {
    char when[32], how_long[40];
    long long latest = s->clock_latest;
    switch (clock_judge(now, s->built_at, KIOSK_STATUS_CLOCK_SLACK_S, &latest)) {
    case CLOCK_BEFORE_FLOOR: {
        struct tm tm;
        gmtime_r(&s->built_at, &tm);
        strftime(when, sizeof when, "%Y-%m-%d", &tm);
        snprintf(s->clock, sizeof s->clock, "wrong: before this version was built (%s)", when);
        break;
    }
    case CLOCK_WENT_BACK:
        feedback_time_iso(s->clock_latest, when);
        kiosk_status_duration((long long)(s->clock_latest - now), how_long, sizeof how_long);
        snprintf(s->clock, sizeof s->clock, "wrong: went back %s (it showed %s before)", how_long,
                 when);
        break;
    case CLOCK_OK: snprintf(s->clock, sizeof s->clock, "ok"); break;
    }
    s->clock_latest = (time_t)latest; /* a time known to be wrong is never the latest */
}

/* ---- JSON ------------------------------------------------------------------------------ */

static json_t *iso_or_null(time_t t) {
    if (!t) return json_null();
    char iso[32];
    feedback_time_iso(t, iso);
    return json_string(iso);
}

static json_t *str_or_null(const char *s) { return s && *s ? json_string(s) : json_null(); }

json_t *kiosk_status_to_json(const kiosk_status *s) {
    json_t *o = json_object(), *starts = json_array();
    if (!o || !starts) {
        json_decref(o);
        json_decref(starts);
        return NULL;
    }
    for (int i = 0; i < s->n_starts; i++)
        json_array_append_new(
            starts, json_pack("{s:o, s:I, s:s}", "at", iso_or_null(s->starts[i].at), "boot",
                              (json_int_t)s->starts[i].boot, "reason", s->starts[i].reason));
    char day[16];
    snprintf(day, sizeof day, "%04d-%02d-%02d", s->counted_day.year, s->counted_day.month,
             s->counted_day.day);
    json_t *storage = json_pack("{s:i, s:o}", "errors", s->storage_errors, "error",
                                str_or_null(s->storage_error));
    if (storage && s->disk_known) {
        json_object_set_new(storage, "free_bytes", json_integer((json_int_t)s->disk_free));
        json_object_set_new(storage, "size_bytes", json_integer((json_int_t)s->disk_size));
    }
    int ok = json_object_set_new(o, "kiosk", json_string(s->kiosk)) == 0;
    ok &= json_object_set_new(o, "location", json_string(s->location)) == 0;
    ok &= json_object_set_new(o, "version", json_string(s->version)) == 0;
    ok &= json_object_set_new(
              o, "config",
              json_pack("{s:s, s:s}", "title", s->config_title, "hash", s->config_hash)) == 0;
    ok &= json_object_set_new(o, "written_at", iso_or_null(s->written_at)) == 0;
    ok &= json_object_set_new(o, "clock", json_string(s->clock)) == 0;
    ok &= json_object_set_new(o, "clock_latest", iso_or_null(s->clock_latest)) == 0;
    ok &= json_object_set_new(o, "running", json_boolean(s->running)) == 0;
    ok &= json_object_set_new(o, "up_since", iso_or_null(s->up_since)) == 0;
    ok &= json_object_set_new(o, "boot", json_integer(s->boot)) == 0;
    ok &= json_object_set_new(o, "system_boot", json_string(s->system_boot)) == 0;
    ok &= json_object_set_new(o, "starts", starts) == 0;
    ok &= json_object_set_new(o, "restarts",
                              json_pack("{s:I, s:I, s:I}", "total", (json_int_t)s->restarts,
                                        "after_crash", (json_int_t)s->crashes, "after_power_cut",
                                        (json_int_t)s->power_cuts)) == 0;
    ok &= json_object_set_new(o, "screen", json_string(s->screen_on ? "on" : "off")) == 0;
    ok &= json_object_set_new(o, "responses",
                              json_pack("{s:i, s:s, s:i, s:o}", "today", s->responses_today, "day",
                                        day, "total", s->responses_total, "last",
                                        str_or_null(s->last_response))) == 0;
    ok &= json_object_set_new(o, "storage", storage) == 0;
    /* What a Pi's sensors said; left out where there are none, rather than a made-up zero. */
    if (s->temp_known) ok &= json_object_set_new(o, "temperature_c", json_real(s->temp_c)) == 0;
    if (s->undervolt_now >= 0 || s->undervolt_since_boot >= 0) {
        json_t *u = json_object();
        if (u && s->undervolt_now >= 0)
            json_object_set_new(u, "now", json_boolean(s->undervolt_now));
        if (u && s->undervolt_since_boot >= 0)
            json_object_set_new(u, "since_boot", json_boolean(s->undervolt_since_boot));
        ok &= json_object_set_new(o, "undervoltage", u) == 0;
    }
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static const char *get_str(json_t *o, const char *key) {
    const char *v = json_string_value(json_object_get(o, key));
    return v ? v : "";
}

static time_t get_time(json_t *o, const char *key) {
    time_t t = 0;
    return kiosk_status_parse_time(json_string_value(json_object_get(o, key)), &t) ? t : 0;
}

static signed char get_flag(json_t *o, const char *key) {
    json_t *v = json_object_get(o, key);
    return json_is_boolean(v) ? (signed char)json_is_true(v) : -1;
}

bool kiosk_status_load(const char *path, kiosk_status *out, pk_error *err) {
    json_error_t je;
    json_t *o = json_load_file(path, 0, &je);
    if (!o) {
        if (je.line > 0)
            return pk_fail(err, "%s:%d:%d: %s", path, je.line, je.column > 0 ? je.column : 1,
                           je.text);
        return pk_fail(err, "%s: %s", path, je.text);
    }
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    kiosk_status_init(out, dir, NULL);
    bool ok = json_is_object(o) && json_is_string(json_object_get(o, "kiosk")) &&
              get_time(o, "written_at") != 0;
    if (!ok) {
        json_decref(o);
        return pk_fail(err, "%s: not a kiosk's status (it needs \"kiosk\" and \"written_at\")",
                       path);
    }
    json_t *config = json_object_get(o, "config"), *responses = json_object_get(o, "responses"),
           *storage = json_object_get(o, "storage"), *restarts = json_object_get(o, "restarts");
    kiosk_status_set_config(out, get_str(o, "kiosk"), get_str(o, "location"),
                            get_str(config, "title"), get_str(config, "hash"));
    set_text(out->version, sizeof out->version, get_str(o, "version"));
    out->written_at = get_time(o, "written_at");
    set_text(out->clock, sizeof out->clock,
             json_is_string(json_object_get(o, "clock")) ? get_str(o, "clock") : "ok");
    out->clock_latest = get_time(o, "clock_latest");
    out->running = !json_is_false(json_object_get(o, "running"));
    out->up_since = get_time(o, "up_since");
    out->boot = json_integer_value(json_object_get(o, "boot"));
    set_text(out->system_boot, sizeof out->system_boot, get_str(o, "system_boot"));
    json_t *st;
    size_t i;
    json_array_foreach(json_object_get(o, "starts"), i, st) {
        if (out->n_starts == KIOSK_STATUS_STARTS) break;
        kiosk_status_start *k = &out->starts[out->n_starts++];
        k->at = get_time(st, "at");
        k->boot = json_integer_value(json_object_get(st, "boot"));
        set_text(k->reason, sizeof k->reason, get_str(st, "reason"));
    }
    out->restarts = json_integer_value(json_object_get(restarts, "total"));
    out->crashes = json_integer_value(json_object_get(restarts, "after_crash"));
    out->power_cuts = json_integer_value(json_object_get(restarts, "after_power_cut"));
    out->screen_on = strcmp(get_str(o, "screen"), "off") != 0;
    out->responses_today = (int)json_integer_value(json_object_get(responses, "today"));
    out->responses_total = (int)json_integer_value(json_object_get(responses, "total"));
    date_parse(get_str(responses, "day"), &out->counted_day, NULL);
    set_text(out->last_response, sizeof out->last_response, get_str(responses, "last"));
    out->storage_errors = (int)json_integer_value(json_object_get(storage, "errors"));
    set_text(out->storage_error, sizeof out->storage_error, get_str(storage, "error"));
    json_t *free_b = json_object_get(storage, "free_bytes"),
           *size_b = json_object_get(storage, "size_bytes");
    out->disk_known = json_is_integer(free_b) && json_is_integer(size_b);
    out->disk_free = (unsigned long long)json_integer_value(free_b);
    out->disk_size = (unsigned long long)json_integer_value(size_b);
    json_t *temp = json_object_get(o, "temperature_c");
    out->temp_known = json_is_number(temp);
    out->temp_c = json_number_value(temp);
    json_t *u = json_object_get(o, "undervoltage");
    out->undervolt_now = get_flag(u, "now");
    out->undervolt_since_boot = get_flag(u, "since_boot");
    json_decref(o);
    return true;
}

/* ---- writing --------------------------------------------------------------------------- */

bool kiosk_status_write(kiosk_status *s, time_t now, uint64_t now_ms, pk_error *err) {
    /* A new day counts its own responses, even when none came yet. */
    pk_date today = date_from_time(now);
    if (date_cmp_days(today, s->counted_day) != 0) s->responses_today = 0, s->counted_day = today;
    struct statvfs vfs;
    s->disk_known = statvfs(s->dir, &vfs) == 0;
    if (s->disk_known) {
        s->disk_free = (unsigned long long)vfs.f_bavail * vfs.f_frsize;
        s->disk_size = (unsigned long long)vfs.f_blocks * vfs.f_frsize;
    }
    kiosk_status_read_sensors(s);
    kiosk_status_judge_clock(s, now);
    s->written_at = now;
    /* Tried or not, the next try is at the next change or in 5 minutes: a broken disk is not
     * asked again on every turn of the loop. */
    s->written_ms = now_ms;
    s->written_once = true;
    json_t *o = kiosk_status_to_json(s);
    char *text = o ? json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
    json_decref(o);
    if (!text) return pk_fail(err, "cannot write the status: out of memory");
    size_t n = strlen(text);
    char *line = realloc(text, n + 2);
    if (!line) {
        free(text);
        return pk_fail(err, "cannot write the status: out of memory");
    }
    memcpy(line + n, "\n", 2);
    bool ok = feedback_file_replace(s->dir, KIOSK_STATUS_FILE, line, n + 1, err);
    free(line);
    return ok;
}

bool kiosk_status_begin(kiosk_status *s, time_t now, uint64_t now_ms, pk_error *err) {
    read_small(s, "/proc/sys/kernel/random/boot_id", s->system_boot, sizeof s->system_boot);
    char path[PATH_MAX + 16];
    snprintf(path, sizeof path, "%s/%s", s->dir, KIOSK_STATUS_FILE);
    const char *reason = KIOSK_START_FIRST;
    kiosk_status *prev = malloc(sizeof *prev);
    struct stat st;
    if (!prev || stat(path, &st) != 0) {
        if (prev && errno != ENOENT) reason = KIOSK_START_UNKNOWN;
    } else if (!kiosk_status_load(path, prev, NULL)) {
        reason = KIOSK_START_UNKNOWN; /* damaged: only a broken disk does that */
    } else {
        /* What the last run knew carries on: its starts, its counts, the latest time seen. */
        memcpy(s->starts, prev->starts, sizeof s->starts);
        s->n_starts = prev->n_starts;
        s->restarts = prev->restarts, s->crashes = prev->crashes, s->power_cuts = prev->power_cuts;
        s->clock_latest =
            prev->clock_latest > prev->written_at ? prev->clock_latest : prev->written_at;
        if (!prev->running)
            reason = KIOSK_START_CLEAN;
        else if (!prev->system_boot[0] || !s->system_boot[0])
            reason = KIOSK_START_UNKNOWN;
        /* Still running as far as it knew, and the machine restarted under it: the power went
         * (or the reset button); a clean reboot would have stopped the kiosk first. */
        else if (strcmp(prev->system_boot, s->system_boot) != 0)
            reason = KIOSK_START_POWER, s->power_cuts++;
        else
            reason = KIOSK_START_CRASH, s->crashes++;
    }
    free(prev);
    if (strcmp(reason, KIOSK_START_FIRST) != 0) s->restarts++;
    if (s->n_starts == KIOSK_STATUS_STARTS) s->n_starts--;
    memmove(s->starts + 1, s->starts, sizeof *s->starts * (size_t)s->n_starts);
    s->starts[0] = (kiosk_status_start){.at = now, .boot = s->boot};
    snprintf(s->starts[0].reason, sizeof s->starts[0].reason, "%s", reason);
    s->n_starts++;
    s->up_since = now;
    s->running = true;
    if (!s->counted_day.year) s->counted_day = date_from_time(now);
    return kiosk_status_write(s, now, now_ms, err);
}

bool kiosk_status_stop(kiosk_status *s, time_t now, uint64_t now_ms, pk_error *err) {
    s->running = false;
    return kiosk_status_write(s, now, now_ms, err);
}
