/* kiosk_status: what a kiosk says about itself, so that staff can look after a fleet from the
 * one folder Syncthing (or a USB stick) gathers, without visiting each screen.
 *
 * The kiosk keeps a kiosk_status and writes it as <feedback dir>/<kiosk id>/status.json
 * (JSON, with jansson), whole or not at all (feedback_file_replace: .tmp, fsync, rename, fsync
 * of the folder), at start, on every change of state and every 5 minutes: who it is (id,
 * location, version, config title and hash), since when it runs and why it started (the last
 * KIOSK_STATUS_STARTS starts with their reasons, worked out from the status it left before:
 * a status not marked as a clean stop is a crash, or a power cut when the machine's boot id
 * changed too), responses today and in all and the last one's time, storage errors, free space,
 * whether the screen is on (opening hours), and on a Raspberry Pi the SoC temperature and
 * undervoltage, read from /sys. Each write also judges the wall clock ("clock": "ok", or
 * "wrong: ..." when it reads earlier than the day this version was built or earlier than a
 * time it already showed), because a Pi has no clock of its own and a library often no network.
 *
 * The fleet side reads every status.json under some folders, flags kiosks that need a look
 * (silent for 30 minutes, storage errors, low on space, hot, undervoltage, a wrong clock) and
 * prints one line each: `plankiosk fleet`, and the table the report can open with.
 *
 * No hidden clock: every function that needs the time takes it (wall time for what is written,
 * a monotonic millisecond count for "every 5 minutes"). /sys and /proc are read below a root
 * given at init ("" for the real one), so tests bring a Pi of their own. No SDL.
 *
 * Ownership: the caller owns the kiosk_status (plain data, fixed buffers, nothing to free) and
 * the kiosk_status_fleet (kiosk_status_fleet_free). */
#ifndef PK_KIOSK_STATUS_H
#define PK_KIOSK_STATUS_H
#include <jansson.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "core/date.h"
#include "core/diag.h"
#include "platform/clock_judge.h"

#define KIOSK_STATUS_FILE "status.json"
#define KIOSK_STATUS_STARTS 10                        /* starts kept, newest first */
#define KIOSK_STATUS_EVERY_MS (5 * 60 * 1000)         /* written at least this often */
#define KIOSK_STATUS_SILENT_S (30 * 60)               /* older than this: silent */
#define KIOSK_STATUS_HOT_C 80.0                       /* the Pi throttles itself from 80-85 °C */
#define KIOSK_STATUS_LOW_PERCENT 10.0                 /* free space below this... */
#define KIOSK_STATUS_LOW_BYTES (500ull * 1000 * 1000) /* ...or below this is low */
/* A clock set back less than this is fine (the same slack the export allows its records). */
#define KIOSK_STATUS_CLOCK_SLACK_S CLOCK_JUDGE_SLACK_S

/* Why the kiosk started. */
#define KIOSK_START_FIRST "first start"
#define KIOSK_START_CLEAN "clean restart"
#define KIOSK_START_CRASH "after a crash"
#define KIOSK_START_POWER "after a power cut"
#define KIOSK_START_UNKNOWN "after an unclean stop"

typedef struct kiosk_status_start {
    time_t at;
    long long boot;  /* the feedback log's boot count (0 if it had none) */
    char reason[40]; /* one of KIOSK_START_* */
} kiosk_status_start;

typedef struct kiosk_status {
    /* Who. */
    char kiosk[64], location[200], version[32], config_title[200], config_hash[80];
    /* This run, and the ones before. */
    time_t up_since;
    long long boot;       /* the feedback log's count of starts (0: no log) */
    char system_boot[40]; /* the kernel's boot id: changes when the machine restarts */
    bool running;         /* false once stopped cleanly (kiosk_status_stop) */
    kiosk_status_start starts[KIOSK_STATUS_STARTS];
    int n_starts;
    long long restarts, crashes, power_cuts; /* in all, beyond the starts kept */
    /* Responses. */
    int responses_today, responses_total;
    pk_date counted_day;    /* the local day responses_today counts */
    char last_response[40]; /* ISO time of the last one, "" if none */
    /* Storage: failed writes this run, and the current error ("" when the last write worked). */
    int storage_errors;
    char storage_error[DIAG_LEN];
    bool disk_known;
    unsigned long long disk_free, disk_size; /* bytes, of the feedback folder's file system */
    bool screen_on;                          /* false outside opening hours */
    /* A Raspberry Pi's sensors; unknown where the files are not there. */
    bool temp_known;
    double temp_c;
    signed char undervolt_now, undervolt_since_boot; /* 1 yes, 0 no, -1 not known */
    /* The clock. */
    time_t written_at;   /* the wall clock at the last write */
    time_t clock_latest; /* the latest wall time ever written, to see it go back */
    time_t built_at;     /* the day this version was built (PLANKIOSK_BUILD_EPOCH) */
    char clock[160];     /* "ok" or "wrong: ..." */
    /* Where, and when it was last written (monotonic ms, for the 5-minute beat). */
    char dir[PATH_MAX];  /* the kiosk's feedback folder, where status.json goes */
    char root[PATH_MAX]; /* "" or a stand-in for / (tests): <root>/sys, <root>/proc */
    uint64_t written_ms;
    bool written_once;
} kiosk_status;

/* Empties s for the kiosk folder dir (status.json goes there) and the root /sys and /proc are
 * read under (NULL or "" for the real ones). */
void kiosk_status_init(kiosk_status *s, const char *dir, const char *root);
/* Sets who the kiosk is (NULLs are empty); true if anything changed, so it is written now. */
bool kiosk_status_set_config(kiosk_status *s, const char *kiosk, const char *location,
                             const char *title, const char *hash);
/* The kiosk started at now: reads the status left in dir (a missing one is the first start),
 * says why it started, keeps the counts and start history carried over, and writes. Responses
 * and boot are the caller's to set before. False with err filled when it could not be written
 * (the kiosk runs on; the next write tries again). */
bool kiosk_status_begin(kiosk_status *s, time_t now, uint64_t now_ms, pk_error *err);
/* A response was saved at `at`: counted today (a new day starts from 0) and in all. */
void kiosk_status_response(kiosk_status *s, time_t at);
/* A write to the feedback folder failed with msg (counted), or, with msg NULL, worked again. */
void kiosk_status_storage(kiosk_status *s, const char *msg);
/* Milliseconds until the next write is due (0: due now). */
int kiosk_status_wait_ms(const kiosk_status *s, uint64_t now_ms);
/* Reads the sensors and free space, judges the clock and writes status.json. */
bool kiosk_status_write(kiosk_status *s, time_t now, uint64_t now_ms, pk_error *err);
/* A clean stop: written with "running": false, so the next start is a clean restart. */
bool kiosk_status_stop(kiosk_status *s, time_t now, uint64_t now_ms, pk_error *err);

/* Pieces the above use, for tests and tools. */
/* Temperature and undervoltage from <root>/sys: thermal_zone0/temp, the firmware's
 * get_throttled (Raspberry Pi kernels) or the rpi_volt hwmon's in0_lcrit_alarm (Debian's). */
void kiosk_status_read_sensors(kiosk_status *s);
/* "ok" or "wrong: ..." into s->clock for the wall time now, and the latest time seen moved on. */
void kiosk_status_judge_clock(kiosk_status *s, time_t now);
/* The status as JSON (new reference), as status.json holds it; NULL when memory runs out. */
json_t *kiosk_status_to_json(const kiosk_status *s);
/* Reads a status.json into out (kiosk_status_init'ed by it). A file that is not JSON fails with
 * "FILE:LINE:COL: what is wrong"; one without the fields a status has with "FILE: ...". */
bool kiosk_status_load(const char *path, kiosk_status *out, pk_error *err);
/* "2026-11-24T14:03:07+00:00" (or Z, or no offset: local time; seconds may be left out) into
 * *out. False if it is not such a time. */
bool kiosk_status_parse_time(const char *s, time_t *out);

/* "12 min", "3 h 5 min", "2 days": a span of seconds (either sign) for people, into buf. */
void kiosk_status_duration(long long secs, char *buf, size_t size);

/* ---- the fleet (kiosk_status_fleet.c) ---- */

typedef struct kiosk_status_entry {
    kiosk_status st;
    char path[PATH_MAX]; /* the status.json it came from */
    char flags[600];     /* "" when all is well, else what needs a look, "; "-separated */
    bool flagged;
} kiosk_status_entry;

typedef struct kiosk_status_fleet {
    kiosk_status_entry *items; /* one per kiosk id (the newest copy), by id */
    int n;
    time_t now;
    diag_list *problems; /* damaged or unreadable status files, FILE:LINE:COL; owned */
    int n_flagged;
} kiosk_status_fleet;

/* Finds every status.json under each of dirs (a folder, or a status.json itself; hidden
 * folders such as Syncthing's .stversions are skipped), keeps the newest copy of each kiosk and
 * flags what needs a look as of now. False with err filled only when a dir cannot be read at all
 * or memory runs out; damaged files are listed in problems. Free with kiosk_status_fleet_free. */
bool kiosk_status_fleet_read(kiosk_status_fleet *f, const char *const *dirs, int n, time_t now,
                             pk_error *err);
void kiosk_status_fleet_free(kiosk_status_fleet *f);
/* One line per kiosk (id, location, last seen, responses today / in all, free space,
 * temperature, version, and "OK" or "! what needs a look"), under a header, then
 * "N kiosks, M need a look". Nothing when there are no kiosks. */
void kiosk_status_fleet_print(FILE *out, const kiosk_status_fleet *f);
/* 0 when every kiosk is fine; 1 when one needs a look, a status could not be read, or none was
 * found. */
int kiosk_status_fleet_verdict(const kiosk_status_fleet *f);
/* The same as rows of an HTML table (<table class="fleet">...</table>), every text through
 * text_out (the caller's HTML escaping, so the report's rules apply). */
void kiosk_status_fleet_html(FILE *out, const kiosk_status_fleet *f,
                             void (*text_out)(FILE *, const char *));
/* Reads the fleet under dirs and prints its table, its problems (damaged status files, folders
 * that cannot be read) and a last line to out: 0 when every kiosk is fine, 1 when any is
 * flagged, something could not be read or no status was found, -1 when memory ran out. */
int kiosk_status_table(FILE *out, const char *const *dirs, int n, time_t now);

#endif
