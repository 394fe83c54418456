/* feedback_log: appends what visitors said to JSON Lines files so that nothing acknowledged is
 * ever lost (the contract is in feedback_log.h).
 *
 * The idea: a record is one line, built in memory and handed to the kernel in ONE write() on an
 * O_APPEND descriptor, then fsync()ed; only then does feedback_log_append() return true. Nothing
 * is ever rewritten, truncated or deleted, so a failure can only ever leave a torn LAST line (a
 * record without its '\n'). Two places make sure a torn line can never swallow the next record:
 *   - feedback_log_open() scans this kiosk's files, reports each torn last line with FILE:LINE
 *     and appends a lone "\n" after it (a power cut or a killed process in an earlier run);
 *   - feedback_log_append() looks at the file's last byte before writing and, if it is not '\n'
 *     (a short write earlier in this same run, e.g. the disk filled up), writes the "\n" first.
 * The descriptor is opened per append (the struct has no room for one, and the file changes at
 * midnight anyway); a kiosk takes a few records an hour, so the open() costs nothing. */
#include "store/feedback_log.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/seal.h"
#include "text/utf8.h"

#define ABANDONED_SUBDIR "abandoned"

/* ---- errors ---------------------------------------------------------------------------- */

/* Words staff can act on, for the errno values a full or broken disk gives. */
static const char *reason_for(int e) {
    switch (e) {
    case ENOSPC: return "the disk is full";
    case EDQUOT: return "the disk quota for the feedback folder is used up";
    case EROFS: return "the feedback folder is on a read-only file system";
    case EACCES:
    case EPERM: return "no permission to write the feedback folder";
    case ENOTDIR: return "a part of the path is a file, not a folder";
    case EFBIG: return "the feedback file has grown too large";
    case EIO: return "the disk reported an input/output error";
    default: return strerror(e);
    }
}

/* The same for a folder that could not be made. */
static const char *mkdir_reason(int e) {
    switch (e) {
    case EACCES:
    case EPERM: return "no permission to create a folder there";
    case EROFS: return "the file system is read-only";
    case ENOENT: return "that place does not exist or cannot hold folders";
    default: return reason_for(e);
    }
}

/* Formats the message into log->last_error (when there is a log) and err; returns false. */
static bool log_fail(feedback_log *log, pk_error *err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static bool log_fail(feedback_log *log, pk_error *err, const char *fmt, ...) {
    char msg[DIAG_LEN];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (log) snprintf(log->last_error, sizeof log->last_error, "%s", msg);
    return pk_fail(err, "%s", msg);
}

/* ---- small file-system helpers --------------------------------------------------------- */

int feedback_fsync_path(const char *path) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    int rc;
    do rc = fsync(fd);
    while (rc < 0 && errno == EINTR);
    int e = errno;
    close(fd);
    errno = e;
    return rc;
}

static int fsync_fd(int fd) {
    int rc;
    do rc = fsync(fd);
    while (rc < 0 && errno == EINTR);
    return rc;
}

/* One write through the log's write function, retried only when nothing was written (EINTR),
 * which is safe with O_APPEND. Returns what the write function returned. */
static ssize_t write_once(feedback_write_fn fn, int fd, const void *buf, size_t n) {
    if (!fn) fn = write;
    ssize_t w;
    do w = fn(fd, buf, n);
    while (w < 0 && errno == EINTR);
    return w;
}

/* mkdir -p with mode 0750; each folder it creates is made durable in its parent. On failure
 * returns false with the folder that could not be made in failed_at and errno set. */
static bool make_dirs(const char *path, char *failed_at, size_t failed_size) {
    char buf[PATH_MAX];
    size_t len = strlen(path);
    if (len == 0 || len >= sizeof buf) {
        snprintf(failed_at, failed_size, "%s", path);
        errno = ENAMETOOLONG;
        return false;
    }
    memcpy(buf, path, len + 1);
    for (size_t i = 1; i <= len; i++) {
        if (buf[i] != '/' && buf[i] != '\0') continue;
        if (buf[i - 1] == '/') continue; /* "a//b" */
        char saved = buf[i];
        buf[i] = '\0';
        if (mkdir(buf, 0750) == 0) {
            char parent[PATH_MAX];
            const char *slash = strrchr(buf, '/');
            if (!slash)
                snprintf(parent, sizeof parent, ".");
            else if (slash == buf)
                snprintf(parent, sizeof parent, "/");
            else
                snprintf(parent, sizeof parent, "%.*s", (int)(slash - buf), buf);
            if (feedback_fsync_path(parent) != 0) {
                snprintf(failed_at, failed_size, "%s", parent);
                return false;
            }
        } else {
            int e = errno;
            struct stat st;
            if (stat(buf, &st) == 0) {
                if (!S_ISDIR(st.st_mode)) {
                    snprintf(failed_at, failed_size, "%s", buf);
                    errno = ENOTDIR;
                    return false;
                }
            } else {
                snprintf(failed_at, failed_size, "%s", buf);
                errno = e;
                return false;
            }
        }
        buf[i] = saved;
    }
    return true;
}

bool feedback_file_replace(const char *dir, const char *name, const void *data, size_t len,
                           pk_error *err) {
    char path[PATH_MAX], tmp[PATH_MAX];
    int n = snprintf(path, sizeof path, "%s/%s", dir, name);
    int t = snprintf(tmp, sizeof tmp, "%s/%s.tmp", dir, name);
    if (n < 0 || t < 0 || (size_t)t >= sizeof tmp) return pk_fail(err, "the path %s/%s is too long", dir, name);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
    if (fd < 0) return pk_fail(err, "cannot write %s: %s", tmp, reason_for(errno));
    const char *p = data;
    size_t done = 0;
    int e = 0;
    while (done < len && !e) {
        ssize_t w = write(fd, p + done, len - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) e = w < 0 ? errno : ENOSPC;
        else done += (size_t)w;
    }
    if (!e && fsync_fd(fd) != 0) e = errno;
    if (close(fd) != 0 && !e) e = errno;
    if (!e && rename(tmp, path) != 0) e = errno;
    if (e) {
        unlink(tmp);
        return pk_fail(err, "cannot write %s: %s", path, reason_for(e));
    }
    /* The new name must survive a power cut too, not only the bytes behind it. */
    if (feedback_fsync_path(dir) != 0) return pk_fail(err, "cannot write %s: %s", path, reason_for(errno));
    return true;
}

static bool ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* ---- torn-line repair at open ---------------------------------------------------------- */

/* If path ends in a torn line (no final '\n'), reports it and appends a lone "\n". The torn
 * bytes stay where they are. Files that need no repair are only read (an archived, read-only
 * day file is fine). Returns false (errno set) only when the repair could not be written. */
static bool repair_file(feedback_log *log, const char *path, diag_list *diags) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat st;
    char last = '\n';
    if (fstat(fd, &st) != 0 || (st.st_size > 0 && pread(fd, &last, 1, st.st_size - 1) != 1)) {
        int e = errno ? errno : EIO;
        close(fd);
        errno = e;
        return false;
    }
    if (last == '\n') { /* also the empty file */
        close(fd);
        return true;
    }
    /* Count lines to say where the torn record is, so staff can look at it. */
    long newlines = 0;
    off_t last_nl = -1, off = 0;
    char buf[65536];
    for (;;) {
        ssize_t r = pread(fd, buf, sizeof buf, off);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            int e = errno;
            close(fd);
            errno = e;
            return false;
        }
        if (r == 0) break;
        for (ssize_t i = 0; i < r; i++)
            if (buf[i] == '\n') {
                newlines++;
                last_nl = off + i;
            }
        off += r;
    }
    close(fd);
    long long torn_bytes = (long long)(off - (last_nl + 1));
    if (diags)
        diag_add(diags, path, (int)(newlines + 1), 0,
                 "torn record left by an interrupted write (%lld bytes); kept as it is",
                 torn_bytes);
    log->torn_lines_found++;

    fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
    if (fd < 0) return false;
    errno = 0;
    if (write_once(log->write_fn, fd, "\n", 1) != 1 || fsync_fd(fd) != 0) {
        int e = errno ? errno : EIO;
        close(fd);
        errno = e;
        return false;
    }
    close(fd);
    return true;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Repairs every *.jsonl file in dir, in name order so reports read like a calendar. */
static bool repair_dir(feedback_log *log, const char *dir, diag_list *diags, pk_error *err) {
    DIR *d = opendir(dir);
    if (!d)
        return log_fail(log, err, "cannot read the feedback folder %s: %s", dir, reason_for(errno));
    char **names = NULL;
    size_t n = 0, cap = 0;
    bool ok = true;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.' || !ends_with(de->d_name, ".jsonl")) continue;
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            char **grown = realloc(names, ncap * sizeof *names);
            if (!grown) {
                ok = false;
                break;
            }
            names = grown;
            cap = ncap;
        }
        if (!(names[n] = strdup(de->d_name))) {
            ok = false;
            break;
        }
        n++;
    }
    closedir(d);
    if (!ok) log_fail(log, err, "out of memory while checking %s", dir);
    if (n > 1) qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n && ok; i++) {
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        struct stat st;
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) continue;
        if (!repair_file(log, path, diags))
            ok = log_fail(log, err, "cannot repair the torn last line of %s: %s", path,
                          reason_for(errno));
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    if (!ok) return false;
    /* A file created just before a crash may have been written but its folder entry not yet
     * synced; syncing the folder now makes everything found here durable. */
    if (feedback_fsync_path(dir) != 0)
        return log_fail(log, err, "cannot sync the feedback folder %s: %s", dir, reason_for(errno));
    return true;
}

/* ---- the boot counter ------------------------------------------------------------------ */

#define BOOT_FILE "boot_count"

/* Counts this start: boot_count's number plus one, written back before any record carries it,
 * so two starts never share a number. A missing file is the first start. A damaged one cannot
 * happen short of a broken disk (the file is only ever replaced whole); it is said, and the
 * count starts again. */
static void count_boot(feedback_log *log, diag_list *diags) {
    char path[PATH_MAX], text[32] = "";
    snprintf(path, sizeof path, "%s/%s", log->dir, BOOT_FILE);
    long long before = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ssize_t r;
        do r = read(fd, text, sizeof text - 1);
        while (r < 0 && errno == EINTR);
        close(fd);
        text[r > 0 ? r : 0] = '\0';
        char *end = NULL;
        errno = 0;
        before = strtoll(text, &end, 10);
        if (errno || end == text || before < 0 || (*end && *end != '\n')) {
            if (diags)
                diag_add(diags, path, 1, 0, "the boot counter is damaged ('%.20s'); counting again from 1", text);
            before = 0;
        }
    } else if (errno != ENOENT && diags) {
        diag_add(diags, path, 0, 0, "cannot read the boot counter: %s", reason_for(errno));
    }
    log->boot = before + 1;
    log->seq = 0;
    int len = snprintf(text, sizeof text, "%lld\n", log->boot);
    pk_error err = {{0}};
    if (!feedback_file_replace(log->dir, BOOT_FILE, text, (size_t)len, &err) && diags)
        diag_add(diags, path, 0, 0, "%s; this start's records carry boot %lld like the last one's", err.msg,
                 log->boot);
}

/* ---- open / close ---------------------------------------------------------------------- */

/* A kiosk id becomes a folder name: it must not climb out of the feedback folder. */
static bool valid_kiosk_id(const char *id) {
    if (!id || !*id || strcmp(id, ".") == 0 || strcmp(id, "..") == 0) return false;
    for (const char *p = id; *p; p++)
        if (*p == '/' || (unsigned char)*p < 0x20) return false;
    return true;
}

bool feedback_log_open(feedback_log *log, const char *base_dir, const char *kiosk_id,
                       diag_list *diags, pk_error *err) {
    if (!log) return pk_fail(err, "no feedback log to open");
    memset(log, 0, sizeof *log);
    log->write_fn = write;
    if (!base_dir || !*base_dir)
        return log_fail(log, err, "no feedback folder was given (feedback.dir)");
    if (!valid_kiosk_id(kiosk_id))
        return log_fail(log, err,
                        "kiosk id '%s' cannot be used as a folder name (it must not be empty, "
                        "'.', '..' or contain '/')",
                        kiosk_id ? kiosk_id : "");
    if (strlen(kiosk_id) >= sizeof log->kiosk)
        return log_fail(log, err, "kiosk id '%s' is longer than %zu characters", kiosk_id,
                        sizeof log->kiosk - 1);

    /* "<base>/" and "<base>" name the same folder; keep messages free of "//". */
    size_t blen = strlen(base_dir);
    while (blen > 1 && base_dir[blen - 1] == '/') blen--;
    int n = snprintf(log->dir, sizeof log->dir, "%.*s/%s", (int)blen, base_dir, kiosk_id);
    if (n < 0 || (size_t)n >= sizeof log->dir) {
        log->dir[0] = '\0';
        return log_fail(log, err, "the feedback folder path %s/%s is too long", base_dir, kiosk_id);
    }
    snprintf(log->kiosk, sizeof log->kiosk, "%s", kiosk_id);

    char abandoned[PATH_MAX], failed_at[PATH_MAX];
    snprintf(abandoned, sizeof abandoned, "%s/%s", log->dir, ABANDONED_SUBDIR);
    bool ok = true;
    if (!make_dirs(abandoned, failed_at, sizeof failed_at)) {
        int e = errno;
        if (e == ENOTDIR && strcmp(failed_at, abandoned) != 0)
            ok = log_fail(log, err,
                          "cannot create the feedback folder %s: %s is a file, not a folder",
                          log->dir, failed_at);
        else
            ok = log_fail(log, err, "cannot create the feedback folder %s: making %s failed: %s",
                          log->dir, failed_at, mkdir_reason(e));
    }
    /* Writable? access() answers without leaving a probe file behind (and says EROFS on a
     * read-only mount even for root). */
    const char *dirs[2] = {log->dir, abandoned};
    for (int i = 0; i < 2 && ok; i++)
        if (access(dirs[i], W_OK | X_OK) != 0)
            ok = log_fail(log, err, "the feedback folder %s cannot be written: %s", dirs[i],
                          reason_for(errno));
    for (int i = 0; i < 2 && ok; i++) ok = repair_dir(log, dirs[i], diags, err);
    if (!ok) {
        log->dir[0] = '\0'; /* appends now fail instead of writing somewhere half-checked */
        return false;
    }
    count_boot(log, diags);
    return true;
}

void feedback_log_close(feedback_log *log) {
    if (!log) return;
    log->dir[0] = '\0'; /* nothing is held open between appends */
}

/* ---- records to JSON ------------------------------------------------------------------- */

/* A JSON string for s, or null for NULL. Text that is not valid UTF-8 (it should never be, but
 * a visitor's words must not be refused for a stray byte) has each bad byte replaced by
 * U+FFFD rather than the whole record being lost. NULL only when memory runs out. */
static json_t *str_or_null(const char *s) {
    if (!s) return json_null();
    size_t n = strlen(s);
    if (utf8_valid(s, n)) return json_stringn(s, n);
    char *clean = malloc(n * 3 + 1);
    if (!clean) return NULL;
    size_t out = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int len = utf8_decode(s + i, n - i, &cp);
        out += (size_t)utf8_encode(cp, clean + out);
        i += (size_t)len;
    }
    json_t *j = json_stringn(clean, out);
    free(clean);
    return j;
}

/* "2026-11-24T14:03:07+00:00" for t in local time; the local date into date (11 bytes). */
static void format_local_time(time_t t, char iso[32], char date[11]) {
    struct tm tm;
    if (!localtime_r(&t, &tm)) memset(&tm, 0, sizeof tm);
    char base[24];
    strftime(base, sizeof base, "%Y-%m-%dT%H:%M:%S", &tm);
    long off = tm.tm_gmtoff;
    char sign = off < 0 ? '-' : '+';
    if (off < 0) off = -off;
    snprintf(iso, 32, "%s%c%02ld:%02ld", base, sign, (off / 3600) % 100, (off / 60) % 60);
    strftime(date, 11, "%Y-%m-%d", &tm);
}

void feedback_time_iso(time_t t, char iso[32]) {
    char date[11];
    format_local_time(t, iso, date);
}

/* Dumps obj as one compact line with a trailing '\n' (malloc'ed), freeing obj. */
static char *dump_line(json_t *obj) {
    char *json = json_dumps(obj, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(obj);
    if (!json) return NULL;
    size_t n = strlen(json);
    char *line = malloc(n + 2);
    if (line) {
        memcpy(line, json, n);
        line[n] = '\n';
        line[n + 1] = '\0';
    }
    free(json);
    return line;
}

/* The record as a JSON object (new reference), fields in the documented order; NULL on OOM. */
static json_t *record_to_object(const feedback_record *rec) {
    char iso[32], date[11];
    format_local_time(rec->at, iso, date);
    json_t *o = json_object(), *config = json_object(), *consult = json_object();
    json_t *answers = rec->answers ? json_deep_copy(rec->answers) : json_object();
    json_t *personal = rec->personal ? json_deep_copy(rec->personal) : json_array();
    if (!o || !config || !consult || !json_is_object(answers) || !json_is_array(personal)) {
        json_decref(o);
        json_decref(config);
        json_decref(consult);
        json_decref(answers);
        json_decref(personal);
        return NULL;
    }
    bool ok = true;
    /* Answers typed by a visitor are held to valid UTF-8 like every other string. */
    const char *key;
    json_t *v;
    json_object_foreach(answers, key, v) if (json_is_string(v)) ok &= json_object_set_new(answers, key, str_or_null(json_string_value(v))) == 0;
    ok &= json_object_set_new(config, "title", str_or_null(rec->config_title)) == 0;
    ok &= json_object_set_new(config, "hash", str_or_null(rec->config_hash)) == 0;
    ok &= json_object_set_new(consult, "id", str_or_null(rec->consultation)) == 0;
    ok &= json_object_set_new(consult, "questions", str_or_null(rec->questions_hash)) == 0;

    ok &= json_object_set_new(o, "id", json_stringn(rec->id, strnlen(rec->id, 36))) == 0;
    ok &= json_object_set_new(o, "kiosk", str_or_null(rec->kiosk)) == 0;
    ok &= json_object_set_new(o, "location", str_or_null(rec->location)) == 0;
    ok &= json_object_set_new(o, "at", json_string(iso)) == 0;
    ok &= json_object_set_new(o, "config", config) == 0;
    ok &= json_object_set_new(o, "consultation", consult) == 0;
    ok &= json_object_set_new(o, "answers", answers) == 0;
    ok &= json_object_set_new(o, "personal", personal) == 0;
    ok &= json_object_set_new(o, "language", str_or_null(rec->language)) == 0;
    ok &= json_object_set_new(o, "seconds_taken", json_integer(rec->seconds_taken)) == 0;
    if (rec->boot > 0) { /* last, so lines written before they existed read the same */
        ok &= json_object_set_new(o, "boot", json_integer(rec->boot)) == 0;
        ok &= json_object_set_new(o, "seq", json_integer(rec->seq)) == 0;
    }
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

void feedback_record_release(feedback_record *rec) {
    json_decref(rec->answers);
    json_decref(rec->personal);
    rec->answers = rec->personal = NULL;
}

char *feedback_record_to_json(const feedback_record *rec) {
    if (!rec) return NULL;
    json_t *o = record_to_object(rec);
    return o ? dump_line(o) : NULL;
}

/* ---- UUID ------------------------------------------------------------------------------ */

static bool random_bytes(unsigned char *buf, size_t n) {
    size_t got = 0;
    while (got < n) {
        ssize_t r = getrandom(buf + got, n - got, 0);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return false;
        got += (size_t)r;
    }
    return true;
}

bool feedback_uuid4(char out[37]) {
    unsigned char b[16];
    if (!random_bytes(b, sizeof b)) {
        out[0] = '\0';
        return false;
    }
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* version 4 */
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80); /* variant 10xx (RFC 4122) */
    static const char hex[] = "0123456789abcdef";
    int o = 0;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out[o++] = '-';
        out[o++] = hex[b[i] >> 4];
        out[o++] = hex[b[i] & 15];
    }
    out[o] = '\0';
    return true;
}

/* ---- appending ------------------------------------------------------------------------- */

/* O_RDWR rather than O_WRONLY: the last byte is read back before writing. O_EXCL first tells
 * whether this call created the file (its folder entry then needs an fsync too). */
static int open_for_append(const char *path, bool *is_new) {
    *is_new = true;
    int fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (fd < 0 && errno == EEXIST) {
        *is_new = false;
        fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC);
    }
    return fd;
}

bool feedback_append_line(const char *folder, const char *name, const char *line,
                          feedback_write_fn write_fn, const char *what, pk_error *err) {
    char path[PATH_MAX];
    int pn = snprintf(path, sizeof path, "%s/%s", folder, name);
    if (pn < 0 || (size_t)pn >= sizeof path)
        return pk_fail(err, "%s %s/%s: the path is too long", what, folder, name);
    size_t len = strlen(line);

    bool is_new = true;
    int fd = open_for_append(path, &is_new);
    if (fd < 0 && errno == ENOENT) {
        /* The folder went away while the kiosk ran (staff moved the files off to collect
         * them): make it again rather than turn every visitor away until a restart. */
        char failed_at[PATH_MAX];
        if (make_dirs(folder, failed_at, sizeof failed_at)) fd = open_for_append(path, &is_new);
    }
    if (fd < 0) return pk_fail(err, "%s %s: %s", what, path, reason_for(errno));

    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return pk_fail(err, "%s %s: %s", what, path, reason_for(e));
    }
    /* Created by an earlier append that then failed: its entry may not be synced yet. */
    if (st.st_size == 0) is_new = true;

    /* A short write earlier in this run left a line without its '\n': end it first, so this
     * record starts on a line of its own (the torn bytes stay, as after a power cut). */
    if (st.st_size > 0) {
        char last;
        ssize_t r;
        do r = pread(fd, &last, 1, st.st_size - 1);
        while (r < 0 && errno == EINTR);
        if (r != 1) {
            int e = r < 0 ? errno : EIO;
            close(fd);
            return pk_fail(err, "%s %s: %s", what, path, reason_for(e));
        }
        if (last != '\n') {
            errno = 0;
            ssize_t w = write_once(write_fn, fd, "\n", 1);
            if (w != 1) {
                int e = w < 0 && errno ? errno : ENOSPC;
                close(fd);
                return pk_fail(err, "%s %s: %s", what, path, reason_for(e));
            }
        }
    }

    errno = 0;
    ssize_t w = write_once(write_fn, fd, line, len);
    if (w < 0 || (size_t)w != len) {
        int e = errno;
        close(fd);
        if (w < 0) return pk_fail(err, "%s %s: %s", what, path, reason_for(e));
        /* The kernel stops short when the disk fills up mid-record; the torn bytes stay and
         * the next append (or open) starts a new line after them. */
        return pk_fail(err, "%s %s: the disk is probably full (only %zd of %zu bytes were written)",
                       what, path, w, len);
    }
    if (fsync_fd(fd) != 0) {
        int e = errno;
        close(fd);
        return pk_fail(err, "%s %s: %s", what, path, reason_for(e));
    }
    /* The data is on disk; close() cannot lose it now on a local file system. */
    close(fd);
    if (is_new && feedback_fsync_path(folder) != 0)
        return pk_fail(err, "%s %s: %s", what, path, reason_for(errno));
    return true;
}

/* Appends line to folder/<date>.jsonl as feedback_append_line does, keeping the log's
 * last_error for the staff screen. */
static bool append_line(feedback_log *log, const char *folder, const char *date, const char *line,
                        pk_error *err) {
    char name[32];
    snprintf(name, sizeof name, "%s.jsonl", date);
    pk_error e = {{0}};
    if (!feedback_append_line(folder, name, line, log->write_fn, "cannot save feedback to", &e))
        return log_fail(log, err, "%s", e.msg);
    log->last_error[0] = '\0';
    return true;
}

static bool check_open(feedback_log *log, pk_error *err) {
    if (!log) return pk_fail(err, "no feedback log");
    if (!log->dir[0])
        return log_fail(log, err, "the feedback log is not open (see the earlier error)");
    return true;
}

bool feedback_log_append(feedback_log *log, feedback_record *rec, pk_error *err) {
    if (!check_open(log, err)) return false;
    if (!rec) return log_fail(log, err, "no feedback record to save");
    if (!feedback_uuid4(rec->id))
        return log_fail(log, err, "cannot save feedback: the system's random source failed (%s)",
                        strerror(errno));
    rec->boot = log->boot;
    rec->seq = ++log->seq; /* a failed write leaves a gap, never a number used twice */
    json_t *obj = record_to_object(rec);
    if (!obj) return log_fail(log, err, "cannot save feedback: out of memory");
    if (log->seal) {
        pk_error serr;
        if (!seal_record_json(obj, log->seal_pk, &serr)) {
            json_decref(obj);
            return log_fail(log, err, "cannot save feedback: sealing it failed: %s", serr.msg);
        }
    }
    char *line = dump_line(obj); /* frees obj */
    if (!line) return log_fail(log, err, "cannot save feedback: out of memory");
    char iso[32], date[11];
    format_local_time(rec->at, iso, date);
    bool ok = append_line(log, log->dir, date, line, err);
    free(line);
    return ok;
}

bool feedback_log_abandoned(feedback_log *log, time_t at, const char *step, int seconds,
                            pk_error *err) {
    if (!check_open(log, err)) return false;
    char id[37], iso[32], date[11], folder[PATH_MAX];
    if (!feedback_uuid4(id))
        return log_fail(log, err,
                        "cannot count an abandoned visit: the system's random source "
                        "failed (%s)",
                        strerror(errno));
    format_local_time(at, iso, date);
    json_t *o = json_object();
    if (!o) return log_fail(log, err, "cannot count an abandoned visit: out of memory");
    bool ok = true;
    ok &= json_object_set_new(o, "id", json_string(id)) == 0;
    ok &= json_object_set_new(o, "kiosk", str_or_null(log->kiosk)) == 0;
    ok &= json_object_set_new(o, "at", json_string(iso)) == 0;
    ok &= json_object_set_new(o, "step", str_or_null(step)) == 0;
    ok &= json_object_set_new(o, "seconds_taken", json_integer(seconds)) == 0;
    ok &= json_object_set_new(o, "boot", json_integer(log->boot)) == 0;
    ok &= json_object_set_new(o, "seq", json_integer(++log->seq)) == 0;
    if (!ok) {
        json_decref(o);
        return log_fail(log, err, "cannot count an abandoned visit: out of memory");
    }
    char *line = dump_line(o);
    if (!line) return log_fail(log, err, "cannot count an abandoned visit: out of memory");
    snprintf(folder, sizeof folder, "%s/%s", log->dir, ABANDONED_SUBDIR);
    ok = append_line(log, folder, date, line, err);
    free(line);
    return ok;
}

/* ---- default folder -------------------------------------------------------------------- */

static bool writable_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode) && access(p, W_OK | X_OK) == 0;
}

/* Order: an explicit $XDG_DATA_HOME wins; then /var/lib/plankiosk when an installed system
 * has prepared it (exists and is writable); then ~/.local/share/plankiosk. */
const char *feedback_log_default_dir(char *buf, size_t size) {
    if (!buf || size == 0) return NULL;
    const char *xdg = getenv("XDG_DATA_HOME");
    int n;
    if (xdg && xdg[0] == '/') /* the XDG spec says relative values are to be ignored */
        n = snprintf(buf, size, "%s/plankiosk", xdg);
    else if (writable_dir("/var/lib/plankiosk"))
        n = snprintf(buf, size, "/var/lib/plankiosk");
    else {
        const char *home = getenv("HOME");
        if (home && *home)
            n = snprintf(buf, size, "%s/.local/share/plankiosk", home);
        else
            n = snprintf(buf, size, "/var/lib/plankiosk"); /* open() will say why it fails */
    }
    if (n < 0 || (size_t)n >= size) {
        buf[0] = '\0';
        return NULL;
    }
    return buf;
}
