/* content_store: versions of stick content on the kiosk's disk and the pointer that picks one
 * (see content_store.h for the layout and the promise it keeps across a power cut). */
#define _XOPEN_SOURCE 700
#include "staff/content_store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "store/feedback_log.h"

#define POINTER "current"
#define OWN_FILE "-" /* the pointer's word for the kiosk's own --config file */

static bool is_version_name(const char *n) {
    /* YYYYMMDD-HHMMSS, perhaps -N when two came in one second */
    if (strlen(n) < 15 || strlen(n) >= CONTENT_STORE_NAME) return false;
    for (int i = 0; i < 15; i++)
        if (i == 8 ? n[i] != '-' : (n[i] < '0' || n[i] > '9')) return false;
    return true;
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

/* rm -r, without following links. */
static void remove_tree(const char *path) { nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS); }

static const char *why(int e) {
    return e == ENOSPC || e == EDQUOT ? "the kiosk's disk is full" : strerror(e);
}

bool content_store_open(content_store *s, const char *feedback_dir, pk_error *err) {
    memset(s, 0, sizeof *s);
    snprintf(s->dir, sizeof s->dir, "%s/content", feedback_dir);
    DIR *d = opendir(s->dir);
    if (d) {
        /* What an install or a switch cut short left behind: never named by the pointer. */
        struct dirent *e;
        while ((e = readdir(d))) {
            if (strncmp(e->d_name, ".tmp-", 5) != 0 && strcmp(e->d_name, POINTER ".tmp") != 0) continue;
            char p[PATH_MAX + 300];
            snprintf(p, sizeof p, "%s/%s", s->dir, e->d_name);
            remove_tree(p);
        }
        closedir(d);
    }
    char p[PATH_MAX + 16];
    snprintf(p, sizeof p, "%s/" POINTER, s->dir);
    FILE *f = fopen(p, "r");
    if (!f) return errno == ENOENT ? true : pk_fail(err, "cannot read %s: %s", p, strerror(errno));
    char line[200], key[20], val[CONTENT_STORE_NAME];
    bool bad = false;
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "%19s %39s", key, val) != 2) continue;
        char *to = !strcmp(key, "current") ? s->current : !strcmp(key, "previous") ? s->previous
                   : !strcmp(key, "base") ? s->base_hash : NULL;
        if (!to) continue;
        if (to != s->base_hash && strcmp(val, OWN_FILE) != 0 && !is_version_name(val)) bad = true;
        snprintf(to, CONTENT_STORE_NAME, "%s", strcmp(val, OWN_FILE) ? val : "");
    }
    fclose(f);
    if (bad) {
        s->current[0] = s->previous[0] = '\0';
        return pk_fail(err, "%s: not a content pointer; the kiosk's own config is used", p);
    }
    return true;
}

void content_store_config_path(const content_store *s, const char *version, char *out, size_t size) {
    snprintf(out, size, "%s/%s/config.yaml", s->dir, version);
}

bool content_store_choose(const content_store *s, const char *base_hash, char *path, size_t size, char *why_out,
                          size_t why_size) {
    why_out[0] = '\0';
    if (!s->current[0]) return false;
    if (strcmp(s->base_hash, base_hash) != 0) {
        snprintf(why_out, why_size,
                 "the kiosk's own config was edited after the USB stick's content (%s) was chosen; it is used",
                 s->current);
        return false;
    }
    content_store_config_path(s, s->current, path, size);
    if (access(path, R_OK) != 0) {
        snprintf(why_out, why_size, "%s cannot be read (%s); the kiosk's own config is used", path, strerror(errno));
        return false;
    }
    return true;
}

int content_store_versions(const content_store *s, char names[][CONTENT_STORE_NAME], int max) {
    DIR *d = opendir(s->dir);
    if (!d) return 0;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < max)
        if (is_version_name(e->d_name)) memcpy(names[n++], e->d_name, strlen(e->d_name) + 1); /* < 40 */
    closedir(d);
    /* The names are times: sorted as strings, oldest first. */
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char t[CONTENT_STORE_NAME];
            memcpy(t, names[j], sizeof t);
            memcpy(names[j], names[j - 1], sizeof t);
            memcpy(names[j - 1], t, sizeof t);
        }
    return n;
}

/* The pointer, replaced whole (feedback_file_replace: .tmp, fsync, rename, fsync of the folder). */
static bool write_pointer(content_store *s, const char *current, const char *previous, const char *base_hash,
                          pk_error *err) {
    char text[300];
    int n = snprintf(text, sizeof text, "current %s\nprevious %s\nbase %s\n", current[0] ? current : OWN_FILE,
                     previous[0] ? previous : OWN_FILE, base_hash[0] ? base_hash : OWN_FILE);
    if (!feedback_file_replace(s->dir, POINTER, text, (size_t)n, err)) return false;
    char cur[CONTENT_STORE_NAME], prev[CONTENT_STORE_NAME];
    snprintf(cur, sizeof cur, "%s", current);
    snprintf(prev, sizeof prev, "%s", previous);
    memcpy(s->current, cur, sizeof cur);
    memcpy(s->previous, prev, sizeof prev);
    snprintf(s->base_hash, sizeof s->base_hash, "%s", base_hash);
    return true;
}

/* Keeps the newest CONTENT_STORE_KEEP versions and the two the pointer names. */
static void prune(content_store *s) {
    enum { MAXV = 64 };
    char names[MAXV][CONTENT_STORE_NAME];
    int n = content_store_versions(s, names, MAXV);
    for (int i = 0; i < n - CONTENT_STORE_KEEP; i++) {
        if (!strcmp(names[i], s->current) || !strcmp(names[i], s->previous)) continue;
        char p[PATH_MAX + 64];
        snprintf(p, sizeof p, "%s/%s", s->dir, names[i]);
        remove_tree(p);
    }
}

/* ---- copying a stick's folder ------------------------------------------------------------ */

typedef struct walk {
    const content_store_limits *lim;
    char label[64];          /* the stick's folder name, "plankiosk", for messages */
    unsigned long long total; /* bytes of regular files seen */
    bool copy;               /* false: only look (sizes, links, depth); true: copy too */
    pk_error *err;
} walk;

static bool copy_file(walk *w, const char *from, const char *to, const char *rel) {
    int in = open(from, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (in < 0) return pk_fail(w->err, "%s/%s: cannot read it: %s", w->label, rel, strerror(errno));
    int out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (out < 0) {
        int e = errno;
        close(in);
        return pk_fail(w->err, "cannot copy %s/%s to the kiosk: %s", w->label, rel, why(e));
    }
    static char buf[1 << 16];
    int e = 0;
    for (;;) {
        ssize_t r = read(in, buf, sizeof buf);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) {
            if (r < 0) e = errno;
            break;
        }
        for (ssize_t done = 0; done < r && !e;) {
            ssize_t k = write(out, buf + done, (size_t)(r - done));
            if (k < 0 && errno == EINTR) continue;
            if (k <= 0) e = k < 0 ? errno : ENOSPC;
            else done += k;
        }
        if (e) break;
    }
    if (!e && fsync(out) != 0) e = errno;
    if (close(out) != 0 && !e) e = errno;
    close(in);
    if (e) return pk_fail(w->err, "cannot copy %s/%s to the kiosk: %s", w->label, rel, why(e));
    return true;
}

/* Walks src/rel (a folder), checking everything in it and, when w->copy, copying it to dst/rel. */
static bool walk_dir(walk *w, const char *src, const char *dst, const char *rel, int depth) {
    char from[2 * PATH_MAX], to[2 * PATH_MAX]; /* room for both parts: checked below */
    snprintf(from, sizeof from, "%s%s%s", src, rel[0] ? "/" : "", rel);
    DIR *d = opendir(from);
    if (!d) return pk_fail(w->err, "%s%s%s: cannot read the folder: %s", w->label, rel[0] ? "/" : "", rel, strerror(errno));
    bool ok = true;
    struct dirent *e;
    while (ok && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        char sub[PATH_MAX];
        if (snprintf(sub, sizeof sub, "%s%s%s", rel, rel[0] ? "/" : "", e->d_name) >= (int)sizeof sub - 300) {
            ok = pk_fail(w->err, "%s/%s: the path is too long", w->label, rel);
            break;
        }
        if (snprintf(from, sizeof from, "%s/%s", src, sub) >= PATH_MAX ||
            snprintf(to, sizeof to, "%s/%s", w->copy ? dst : "", sub) >= PATH_MAX) {
            ok = pk_fail(w->err, "%s/%s: the path is too long", w->label, sub);
            break;
        }
        struct stat st;
        if (lstat(from, &st) != 0) {
            ok = pk_fail(w->err, "%s/%s: cannot read it: %s", w->label, sub, strerror(errno));
        } else if (S_ISLNK(st.st_mode)) {
            ok = pk_fail(w->err, "%s/%s is a link to another file; put the file itself on the stick", w->label, sub);
        } else if (S_ISDIR(st.st_mode)) {
            if (depth >= w->lim->max_depth)
                ok = pk_fail(w->err, "%s/%s: folders go more than %d deep; keep the content in fewer folders",
                             w->label, sub, w->lim->max_depth);
            else if (w->copy && mkdir(to, 0750) != 0)
                ok = pk_fail(w->err, "cannot copy %s/%s to the kiosk: %s", w->label, sub, why(errno));
            else
                ok = walk_dir(w, src, dst, sub, depth + 1) && (!w->copy || feedback_fsync_path(to) == 0 ||
                                                                 pk_fail(w->err, "cannot copy %s/%s: %s", w->label, sub, why(errno)));
        } else if (S_ISREG(st.st_mode)) {
            w->total += (unsigned long long)st.st_size;
            if (w->total > w->lim->max_bytes)
                ok = pk_fail(w->err, "%s holds more than %llu MB (at %s/%s); the kiosk takes at most %llu MB",
                             w->label, w->lim->max_bytes >> 20, w->label, sub, w->lim->max_bytes >> 20);
            else if (w->copy)
                ok = copy_file(w, from, to, sub);
        } else {
            ok = pk_fail(w->err, "%s/%s is not a plain file or folder", w->label, sub);
        }
    }
    closedir(d);
    return ok;
}

static bool statvfs_free(const char *dir, unsigned long long *out, void *ud) {
    (void)ud;
    struct statvfs v;
    if (statvfs(dir, &v) != 0) return false;
    *out = (unsigned long long)v.f_bavail * v.f_frsize;
    return true;
}

static bool make_dir(const char *path, pk_error *err) {
    if (mkdir(path, 0750) == 0 || errno == EEXIST) return true;
    return pk_fail(err, "cannot make %s: %s", path, why(errno));
}

bool content_store_install(content_store *s, const char *src_dir, const char *in_use, const char *base_hash,
                           time_t now, const content_store_limits *lim_in, char *name, pk_error *err) {
    content_store_limits lim = lim_in ? *lim_in : (content_store_limits){0};
    if (!lim.max_bytes) lim.max_bytes = CONTENT_STORE_MAX_BYTES;
    if (!lim.max_depth) lim.max_depth = CONTENT_STORE_MAX_DEPTH;
    if (!lim.free_bytes) lim.free_bytes = statvfs_free;
    walk w = {.lim = &lim, .err = err};
    const char *slash = strrchr(src_dir, '/');
    snprintf(w.label, sizeof w.label, "%s", slash && slash[1] ? slash + 1 : src_dir);
    /* Look first: nothing is written for a folder that would be refused. */
    if (!walk_dir(&w, src_dir, NULL, "", 0)) return false;
    /* The store lives beside the feedback: make it (the feedback folder itself exists). */
    char parent[PATH_MAX];
    snprintf(parent, sizeof parent, "%s", s->dir);
    char *cut = strrchr(parent, '/');
    if (cut) *cut = '\0';
    if (!make_dir(s->dir, err)) return false;
    if (cut) (void)feedback_fsync_path(parent); /* the new folder's name, durable */
    unsigned long long free_b = 0, need = w.total + (1ull << 20); /* a MB for folders and the pointer */
    if (lim.free_bytes(s->dir, &free_b, lim.ud) && free_b < need)
        return pk_fail(err, "the kiosk's disk is too full for this content: it needs %llu MB, %llu MB are free",
                       (need + (1ull << 20) - 1) >> 20, free_b >> 20);
    /* A name for now; two installs in one second get -2, -3... */
    struct tm tm;
    localtime_r(&now, &tm);
    char base[32], final_path[PATH_MAX + 64], tmp_path[PATH_MAX + 64];
    strftime(base, sizeof base, "%Y%m%d-%H%M%S", &tm);
    snprintf(name, CONTENT_STORE_NAME, "%s", base);
    for (int i = 2; i < 100; i++) {
        snprintf(final_path, sizeof final_path, "%s/%s", s->dir, name);
        if (access(final_path, F_OK) != 0) break;
        snprintf(name, CONTENT_STORE_NAME, "%s-%d", base, i);
    }
    snprintf(tmp_path, sizeof tmp_path, "%s/.tmp-%s", s->dir, name);
    remove_tree(tmp_path);
    if (!make_dir(tmp_path, err)) return false;
    w.copy = true;
    w.total = 0;
    bool ok = walk_dir(&w, src_dir, tmp_path, "", 0);
    if (ok && feedback_fsync_path(tmp_path) != 0) ok = pk_fail(err, "cannot save the content: %s", why(errno));
    if (ok && rename(tmp_path, final_path) != 0) ok = pk_fail(err, "cannot save the content: %s", why(errno));
    if (ok && feedback_fsync_path(s->dir) != 0) ok = pk_fail(err, "cannot save the content: %s", why(errno));
    if (!ok) {
        remove_tree(tmp_path);
        remove_tree(final_path);
        return false;
    }
    /* Only now, with the whole version on disk, does the pointer move to it. */
    if (!write_pointer(s, name, in_use, base_hash, err)) {
        remove_tree(final_path);
        return false;
    }
    prune(s);
    return true;
}

bool content_store_can_go_back(const content_store *s, const char *in_use) {
    return in_use[0] && !strcmp(in_use, s->current);
}

bool content_store_go_back(content_store *s, const char *base_hash, pk_error *err) {
    if (!s->current[0]) return pk_fail(err, "there is no earlier content to go back to");
    char to[CONTENT_STORE_NAME], before[CONTENT_STORE_NAME] = "";
    snprintf(to, sizeof to, "%s", s->previous);
    if (to[0]) {
        char path[PATH_MAX + 64];
        content_store_config_path(s, to, path, sizeof path);
        if (access(path, R_OK) != 0) return pk_fail(err, "%s cannot be read: %s", path, strerror(errno));
        /* The one before it: the newest version older than it, else the own file. */
        enum { MAXV = 64 };
        char names[MAXV][CONTENT_STORE_NAME];
        int n = content_store_versions(s, names, MAXV);
        for (int i = 0; i < n; i++)
            if (strcmp(names[i], to) < 0) snprintf(before, sizeof before, "%s", names[i]);
    }
    return write_pointer(s, to, before, base_hash, err);
}
