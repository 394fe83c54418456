/* kiosk_health: the running kiosk's side of status.json (platform/kiosk_status.h). kiosk.c
 * calls four functions: start when the feedback log is open, saved after every write to it,
 * tick on every turn of the loop (which writes when something staff would see changed, or 5
 * minutes went by, on the kiosk's own clocks), and stop on a clean way out. Everything else
 * (what the file holds, why the kiosk started, whether its clock is right) is kiosk_status's. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "app/kiosk_internal.h"

/* The kiosk's own feedback folder, where its status goes: the log's, or where the log would
 * have been (a status that says why saving fails is worth most when it does). */
static void status_dir(const kiosk *k, char *out, size_t size) {
    if (k->log_ok)
        snprintf(out, size, "%s", k->log.dir);
    else
        snprintf(out, size, "%s/%s", k->feedback_dir, k->cfg->kiosk.id);
}

/* A status that cannot be written is said once, not every 5 minutes. */
static void said(kiosk *k, bool ok, const pk_error *err) {
    if (!ok && !k->status_failing)
        fprintf(stderr, "plankiosk: no status for the fleet: %s\n", err->msg);
    k->status_failing = !ok;
}

static void write_now(kiosk *k) {
    pk_error err = {{0}};
    said(k, kiosk_status_write(&k->status, kiosk_wall(k), kiosk_now(k), &err), &err);
}

static bool set_config(kiosk *k) {
    return kiosk_status_set_config(&k->status, k->cfg->kiosk.id, k->cfg->kiosk.location,
                                   k->cfg->plan.title, k->cfg->hash);
}

void kiosk_health_start(kiosk *k) {
    char dir[PATH_MAX];
    status_dir(k, dir, sizeof dir);
    kiosk_status_init(&k->status, dir, NULL);
    set_config(k);
    k->status.boot = k->log_ok ? k->log.boot : 0;
    /* The counts so far come from the files themselves, as the staff screen's do. */
    staff_stats st;
    staff_stats_read(dir, kiosk_today(k), &st);
    k->status.responses_today = st.today;
    k->status.responses_total = st.total;
    k->status.counted_day = kiosk_today(k);
    snprintf(k->status.last_response, sizeof k->status.last_response, "%s", st.last_at);
    if (!k->log_ok) kiosk_status_storage(&k->status, k->storage_error);
    k->status.screen_on = !k->closed;
    k->status_on = true;
    pk_error err = {{0}};
    said(k, kiosk_status_begin(&k->status, kiosk_wall(k), kiosk_now(k), &err), &err);
}

void kiosk_health_saved(kiosk *k, bool response, bool ok) {
    if (!k->status_on) return;
    if (ok && response) kiosk_status_response(&k->status, kiosk_wall(k));
    kiosk_status_storage(&k->status, ok ? NULL : k->storage_error);
    write_now(k);
}

int kiosk_health_tick(kiosk *k) {
    if (!k->status_on) return INT_MAX;
    char dir[PATH_MAX];
    status_dir(k, dir, sizeof dir);
    if (strcmp(dir, k->status.dir) != 0) { /* a live edit moved the log: the status goes along */
        kiosk_health_stop(k);
        kiosk_health_start(k);
    }
    bool changed = set_config(k); /* a live edit of the content */
    if (k->status.screen_on == k->closed) {
        k->status.screen_on = !k->closed; /* opening hours */
        changed = true;
    }
    uint64_t now = kiosk_now(k);
    if (changed || kiosk_status_wait_ms(&k->status, now) == 0) write_now(k);
    return kiosk_status_wait_ms(&k->status, now);
}

void kiosk_health_stop(kiosk *k) {
    if (!k->status_on) return;
    k->status_on = false;
    pk_error err = {{0}};
    said(k, kiosk_status_stop(&k->status, kiosk_wall(k), kiosk_now(k), &err), &err);
}
