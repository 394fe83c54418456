/* staff_stats: what the staff screen reports, read from the kiosk's own feedback folder: how
 * many responses today and in all, when the last came, how many journeys were abandoned, and
 * the free disk space; and where a USB stick is mounted. Reads only; never writes. No SDL. */
#ifndef PK_STAFF_STATS_H
#define PK_STAFF_STATS_H
#include <limits.h>
#include <stdbool.h>

#include "core/date.h"

typedef struct staff_stats {
    int today, total;                     /* complete records (lines ending in a newline) */
    int abandoned_today, abandoned_total;
    char last_at[40];                     /* "at" of the newest record, "" if none */
    bool disk_known;
    unsigned long long disk_free, disk_size; /* bytes, of the file system holding the folder */
} staff_stats;

/* Counts in kiosk_dir (<feedback dir>/<kiosk id>). A missing folder gives zeros. */
void staff_stats_read(const char *kiosk_dir, pk_date today, staff_stats *out);

#define STAFF_USB_MAX 8
/* Mount points listed in mounts_file (normally /proc/self/mounts) under one of the prefixes
 * (NULL-terminated, e.g. "/media/", "/run/media/"): where removable media are mounted.
 * Fills out (STAFF_USB_MAX paths) and returns how many. */
int staff_find_usb(const char *mounts_file, const char *const *prefixes, char out[][PATH_MAX]);

#endif
