#include "staff/staff_stats.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/statvfs.h>

/* Complete lines of a file, and the last complete line's "at" value if wanted. */
static int count_lines(const char *path, char *last_at, size_t at_size) {
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    int n = 0;
    char line[8192];
    while (fgets(line, sizeof line, f)) {
        size_t len = strlen(line);
        if (len == sizeof line - 1 && line[len - 1] != '\n') {
            /* A long line: read on to its end, counting it once. */
            int c;
            while ((c = fgetc(f)) != EOF && c != '\n') {
            }
            if (c == '\n') n++;
            continue;
        }
        if (len && line[len - 1] == '\n' && line[0] == '{') {
            n++;
            const char *at = strstr(line, "\"at\":\"");
            if (at && last_at) {
                at += 6;
                const char *end = strchr(at, '"');
                if (end && (size_t)(end - at) < at_size) snprintf(last_at, at_size, "%.*s", (int)(end - at), at);
            }
        }
    }
    fclose(f);
    return n;
}

static void count_dir(const char *dir, pk_date today, int *today_n, int *total, char *last_at, size_t at_size) {
    DIR *d = opendir(dir);
    if (!d) return;
    char today_name[32], newest[64] = "";
    snprintf(today_name, sizeof today_name, "%04d-%02d-%02d.jsonl", today.year, today.month, today.day);
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 7 || strcmp(e->d_name + len - 6, ".jsonl") != 0) continue;
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        int n = count_lines(path, NULL, 0);
        *total += n;
        if (strcmp(e->d_name, today_name) == 0) *today_n += n;
        /* File names are dates, so the greatest name holds the newest record. */
        if (last_at && n && strcmp(e->d_name, newest) > 0 && len < sizeof newest)
            memcpy(newest, e->d_name, len + 1);
    }
    closedir(d);
    if (last_at && newest[0]) {
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", dir, newest);
        count_lines(path, last_at, at_size);
    }
}

void staff_stats_read(const char *kiosk_dir, pk_date today, staff_stats *out) {
    memset(out, 0, sizeof *out);
    count_dir(kiosk_dir, today, &out->today, &out->total, out->last_at, sizeof out->last_at);
    char ab[PATH_MAX];
    snprintf(ab, sizeof ab, "%s/abandoned", kiosk_dir);
    count_dir(ab, today, &out->abandoned_today, &out->abandoned_total, NULL, 0);
    struct statvfs vfs;
    if (statvfs(kiosk_dir, &vfs) == 0) {
        out->disk_known = true;
        out->disk_free = (unsigned long long)vfs.f_bavail * vfs.f_frsize;
        out->disk_size = (unsigned long long)vfs.f_blocks * vfs.f_frsize;
    }
}

int staff_find_usb(const char *mounts_file, const char *const *prefixes, char out[][PATH_MAX]) {
    FILE *f = fopen(mounts_file, "r");
    if (!f) return 0;
    int n = 0;
    char line[4096];
    while (n < STAFF_USB_MAX && fgets(line, sizeof line, f)) {
        char dev[1024], mnt[PATH_MAX];
        if (sscanf(line, "%1023s %4095s", dev, mnt) != 2) continue;
        /* /proc/mounts escapes spaces as \040 in mount points. */
        char clean[PATH_MAX];
        size_t k = 0;
        for (const char *c = mnt; *c && k + 1 < sizeof clean; c++) {
            if (c[0] == '\\' && c[1] == '0' && c[2] == '4' && c[3] == '0') {
                clean[k++] = ' ';
                c += 3;
            } else {
                clean[k++] = *c;
            }
        }
        clean[k] = '\0';
        for (int p = 0; prefixes[p]; p++)
            if (strncmp(clean, prefixes[p], strlen(prefixes[p])) == 0 && strlen(clean) > strlen(prefixes[p])) {
                snprintf(out[n++], PATH_MAX, "%s", clean);
                break;
            }
    }
    fclose(f);
    return n;
}
