#include "platform/file_watch.h"

#include <SDL.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "platform/paths.h"

struct file_watch {
    int fd, stop_pipe[2];
    pthread_t thread;
    uint32_t event_type;
    int n;
    int wd[FILE_WATCH_MAX];
    char name[FILE_WATCH_MAX][256]; /* base names, matched against events of wd[i] */
};

static bool matches(const file_watch *w, const struct inotify_event *e) {
    for (int i = 0; i < w->n; i++)
        if (w->wd[i] == e->wd && e->len && strcmp(e->name, w->name[i]) == 0) return true;
    return false;
}

static void *run(void *arg) {
    file_watch *w = arg;
    char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
    bool pending = false;
    for (;;) {
        struct pollfd p[2] = {{w->fd, POLLIN, 0}, {w->stop_pipe[0], POLLIN, 0}};
        /* After a matching change, wait for 300 ms of quiet before telling the kiosk. */
        int r = poll(p, 2, pending ? 300 : -1);
        if (r < 0) continue;
        if (p[1].revents) break;
        if (r == 0) {
            SDL_Event e = {.type = w->event_type};
            SDL_PushEvent(&e);
            pending = false;
            continue;
        }
        ssize_t len = read(w->fd, buf, sizeof buf);
        for (ssize_t off = 0; len > 0 && off < len;) {
            const struct inotify_event *e = (const struct inotify_event *)(buf + off);
            if (matches(w, e)) pending = true;
            off += (ssize_t)(sizeof *e + e->len);
        }
    }
    return NULL;
}

file_watch *file_watch_start(const char *const *files, int n, uint32_t event_type) {
    file_watch *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    w->event_type = event_type;
    w->fd = inotify_init1(IN_CLOEXEC);
    if (w->fd < 0 || pipe(w->stop_pipe) != 0) {
        if (w->fd >= 0) close(w->fd);
        free(w);
        return NULL;
    }
    for (int i = 0; i < n && w->n < FILE_WATCH_MAX; i++) {
        char dir[PATH_MAX];
        paths_dirname(files[i], dir, sizeof dir);
        const char *base = strrchr(files[i], '/');
        base = base ? base + 1 : files[i];
        int wd = inotify_add_watch(w->fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE);
        if (wd < 0) continue;
        w->wd[w->n] = wd;
        snprintf(w->name[w->n], sizeof w->name[0], "%s", base);
        w->n++;
    }
    if (pthread_create(&w->thread, NULL, run, w) != 0) {
        close(w->fd);
        close(w->stop_pipe[0]);
        close(w->stop_pipe[1]);
        free(w);
        return NULL;
    }
    return w;
}

void file_watch_stop(file_watch *w) {
    if (!w) return;
    if (write(w->stop_pipe[1], "x", 1) == 1) pthread_join(w->thread, NULL);
    close(w->fd);
    close(w->stop_pipe[0]);
    close(w->stop_pipe[1]);
    free(w);
}
