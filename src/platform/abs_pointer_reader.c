/* abs_pointer_reader: the devices, the thread and the SDL events (see the header for why).
 * The table of devices is guarded by a mutex: the thread adds and removes devices and reads
 * them; the kiosk's thread asks abs_pointer_reader_owns and tests add a pipe. A byte on the
 * wake pipe makes the thread look at the table again ('w') or end ('x'). */
#include "platform/abs_pointer_reader.h"

#include <SDL.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/input.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct device {
    int fd;
    dev_t dev; /* the node, to know SDL's descriptor for it */
    ino_t ino;
    bool grabbed;
    bool gone; /* unplugged or at end of file: removed after this round */
    abs_pointer_track t;
    char path[PATH_MAX];
} device;

struct abs_pointer_reader {
    uint32_t event_type; /* the reader's own SDL event: code the act, data1/data2 x/y's bits */
    pthread_t thread;
    pthread_mutex_t lock;
    int wake[2], notify; /* notify: inotify on dir, -1 without */
    char dir[PATH_MAX];
    int n;
    device dev[ABS_POINTER_MAX];
};

static bool is_event_node(const char *name) { return strncmp(name, "event", 5) == 0; }

/* Reads the capabilities that classify a device. */
static bool read_bits(int fd, abs_pointer_bits *b) {
    memset(b, 0, sizeof *b);
    return ioctl(fd, EVIOCGBIT(0, sizeof b->ev), b->ev) >= 0 &&
           ioctl(fd, EVIOCGBIT(EV_KEY, sizeof b->key), b->key) >= 0 &&
           ioctl(fd, EVIOCGBIT(EV_ABS, sizeof b->abs), b->abs) >= 0 &&
           ioctl(fd, EVIOCGBIT(EV_REL, sizeof b->rel), b->rel) >= 0 &&
           ioctl(fd, EVIOCGPROP(sizeof b->prop), b->prop) >= 0;
}

/* Whether BTN_LEFT or BTN_TOUCH is held now. */
static bool read_held(int fd) {
    unsigned long keys[ABS_POINTER_LONGS(KEY_MAX)] = {0};
    if (ioctl(fd, EVIOCGKEY(sizeof keys), keys) < 0) return false;
    return abs_pointer_bit(keys, BTN_LEFT) || abs_pointer_bit(keys, BTN_TOUCH);
}

/* Puts fd in the table (the lock held). False when it is full or the node is there already. */
static bool table_add(abs_pointer_reader *r, int fd, const char *path, abs_pointer_axis ax,
                      int32_t x, abs_pointer_axis ay, int32_t y, bool held, bool grab) {
    struct stat st;
    if (fstat(fd, &st) != 0) return false;
    for (int i = 0; i < r->n; i++)
        if (r->dev[i].dev == st.st_dev && r->dev[i].ino == st.st_ino)
            return false; /* udev's chmod */
    if (r->n == ABS_POINTER_MAX) {
        fprintf(stderr, "plankiosk: %s: more than %d absolute pointers; this one is left to SDL\n",
                path, ABS_POINTER_MAX);
        return false;
    }
    device *d = &r->dev[r->n++];
    *d = (device){.fd = fd, .dev = st.st_dev, .ino = st.st_ino};
    snprintf(d->path, sizeof d->path, "%s", path);
    abs_pointer_track_init(&d->t, ax, ay, x, y, held);
    d->grabbed = grab && ioctl(fd, EVIOCGRAB, 1) == 0;
    return true;
}

/* Opens path and keeps it if it is an absolute pointer SDL gets wrong (the lock held). */
static void try_device(abs_pointer_reader *r, const char *path) {
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return; /* not readable yet (udev sets the group after the node appears), or gone */
    abs_pointer_bits b;
    struct input_absinfo ix, iy;
    abs_pointer_kind kind = read_bits(fd, &b) ? abs_pointer_classify(&b) : ABS_POINTER_NONE;
    if (kind == ABS_POINTER_NONE || ioctl(fd, EVIOCGABS(ABS_X), &ix) < 0 ||
        ioctl(fd, EVIOCGABS(ABS_Y), &iy) < 0 || ix.minimum == ix.maximum ||
        iy.minimum == iy.maximum) {
        close(fd);
        return;
    }
    abs_pointer_axis ax = {ix.minimum, ix.maximum}, ay = {iy.minimum, iy.maximum};
    if (!table_add(r, fd, path, ax, ix.value, ay, iy.value, read_held(fd),
                   !abs_pointer_has_keys(&b))) {
        close(fd);
        return;
    }
    char name[128] = "";
    if (ioctl(fd, EVIOCGNAME(sizeof name - 1), name) < 0) name[0] = '\0';
    fprintf(
        stderr,
        "plankiosk: %s (%s): an absolute %s, %d..%d x %d..%d: its taps are placed by plankiosk%s\n",
        path, name, kind == ABS_POINTER_PEN ? "pen" : "mouse", ix.minimum, ix.maximum, iy.minimum,
        iy.maximum,
        r->dev[r->n - 1].grabbed ? "" : " (not grabbed: SDL's events from it are ignored)");
}

static void scan(abs_pointer_reader *r) {
    DIR *d = opendir(r->dir);
    if (!d) return;
    struct dirent *e;
    char path[PATH_MAX];
    while ((e = readdir(d)))
        if (is_event_node(e->d_name) &&
            snprintf(path, sizeof path, "%s/%s", r->dir, e->d_name) < (int)sizeof path)
            try_device(r, path);
    closedir(d);
}

/* A float through a void * (data1, data2) and back, bit for bit. */
static void *float_bits(float f) {
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return (void *)(uintptr_t)u;
}

static float bits_float(void *p) {
    uint32_t u = (uint32_t)(uintptr_t)p;
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

static void push(const abs_pointer_reader *r, abs_pointer_out o) {
    SDL_Event e;
    SDL_zero(e);
    e.type = r->event_type;
    e.user.code = (Sint32)o.act;
    e.user.data1 = float_bits(o.x);
    e.user.data2 = float_bits(o.y);
    SDL_PushEvent(&e);
}

/* Reads what device i has (the lock held); marks it gone when it is unplugged. */
static void read_device(abs_pointer_reader *r, int i) {
    device *d = &r->dev[i];
    struct input_event ev[64];
    for (;;) {
        ssize_t len = read(d->fd, ev, sizeof ev);
        if (len < 0 && (errno == EINTR)) continue;
        if (len < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
        if (len <= 0) { /* ENODEV: unplugged; 0: a test's pipe closed */
            d->gone = true;
            return;
        }
        for (size_t k = 0; k < (size_t)len / sizeof ev[0]; k++) {
            abs_pointer_out o = abs_pointer_feed(&d->t, ev[k].type, ev[k].code, ev[k].value);
            if (d->t.need_sync) {
                struct input_absinfo ix, iy;
                bool ok = ioctl(d->fd, EVIOCGABS(ABS_X), &ix) >= 0 &&
                          ioctl(d->fd, EVIOCGABS(ABS_Y), &iy) >= 0;
                o = abs_pointer_sync(&d->t, ok ? ix.value : d->t.x, ok ? iy.value : d->t.y,
                                     ok ? read_held(d->fd) : d->t.held != 0);
            }
            if (o.act != ABS_POINTER_IDLE) push(r, o);
        }
    }
}

static void drop_gone(abs_pointer_reader *r) {
    for (int i = 0; i < r->n;) {
        if (!r->dev[i].gone) {
            i++;
            continue;
        }
        fprintf(stderr, "plankiosk: %s is gone\n", r->dev[i].path);
        close(r->dev[i].fd);
        r->dev[i] = r->dev[--r->n];
    }
}

/* New nodes in the folder: created, renamed into place, or made readable by udev. */
static void read_notify(abs_pointer_reader *r) {
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    ssize_t len = read(r->notify, buf, sizeof buf);
    char path[PATH_MAX];
    for (ssize_t off = 0; len > 0 && off < len;) {
        const struct inotify_event *e = (const struct inotify_event *)(buf + off);
        if (e->len && is_event_node(e->name) &&
            snprintf(path, sizeof path, "%s/%s", r->dir, e->name) < (int)sizeof path)
            try_device(r, path);
        off += (ssize_t)(sizeof *e + e->len);
    }
}

static void *run(void *arg) {
    abs_pointer_reader *r = arg;
    for (;;) {
        struct pollfd p[2 + ABS_POINTER_MAX];
        pthread_mutex_lock(&r->lock);
        int n = r->n;
        for (int i = 0; i < n; i++) p[2 + i] = (struct pollfd){r->dev[i].fd, POLLIN, 0};
        pthread_mutex_unlock(&r->lock);
        p[0] = (struct pollfd){r->wake[0], POLLIN, 0};
        p[1] = (struct pollfd){r->notify, POLLIN, 0}; /* -1: poll skips it */
        if (poll(p, (nfds_t)(2 + n), -1) < 0) continue;
        if (p[0].revents) {
            char c = 0;
            if (read(r->wake[0], &c, 1) == 1 && c == 'x') break;
        }
        pthread_mutex_lock(&r->lock);
        /* Devices only leave in drop_gone below, so the first n are the ones polled. */
        for (int i = 0; i < n; i++)
            if (p[2 + i].revents) read_device(r, i);
        drop_gone(r);
        if (p[1].revents) read_notify(r);
        pthread_mutex_unlock(&r->lock);
    }
    return NULL;
}

static abs_pointer_reader *start(const char *dir) {
    uint32_t type = SDL_RegisterEvents(1);
    if (type == (uint32_t)-1) return NULL;
    abs_pointer_reader *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->event_type = type;
    snprintf(r->dir, sizeof r->dir, "%s", dir);
    r->notify = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    /* A folder that cannot be watched still has the devices found now. */
    if (r->notify >= 0 &&
        inotify_add_watch(r->notify, dir, IN_CREATE | IN_ATTRIB | IN_MOVED_TO) < 0) {
        close(r->notify);
        r->notify = -1;
    }
    if (pipe(r->wake) != 0) {
        if (r->notify >= 0) close(r->notify);
        free(r);
        return NULL;
    }
    pthread_mutex_init(&r->lock, NULL);
    scan(r);
    if (pthread_create(&r->thread, NULL, run, r) != 0) {
        close(r->wake[1]);
        r->wake[1] = -1; /* no thread to tell */
        abs_pointer_reader_stop(r);
        return NULL;
    }
    return r;
}

abs_pointer_reader *abs_pointer_reader_open(const char *dir) {
    if (dir) return start(dir);
    const char *env = getenv("PLANKIOSK_ABS_POINTER");
    SDL_version v;
    SDL_GetVersion(&v);
    const char *driver = SDL_GetCurrentVideoDriver();
    bool on = env && !strcmp(env, "on"), off = env && !strcmp(env, "off");
    if (off || (!on && !abs_pointer_needed(driver, v.major, v.minor))) return NULL;
    fprintf(stderr,
            "plankiosk: SDL %d.%d.%d under %s: absolute pointers in /dev/input are placed by "
            "plankiosk\n",
            v.major, v.minor, v.patch, driver ? driver : "no video driver");
    abs_pointer_reader *r = start("/dev/input");
    if (!r)
        fprintf(stderr, "plankiosk: cannot read /dev/input: taps from absolute pointers may land "
                        "in the wrong place\n");
    return r;
}

void abs_pointer_reader_stop(abs_pointer_reader *r) {
    if (!r) return;
    if (r->wake[1] >= 0) {
        if (write(r->wake[1], "x", 1) == 1) pthread_join(r->thread, NULL);
        close(r->wake[1]);
    }
    close(r->wake[0]);
    if (r->notify >= 0) close(r->notify);
    for (int i = 0; i < r->n; i++) close(r->dev[i].fd); /* closing lets go of a grab */
    pthread_mutex_destroy(&r->lock);
    free(r);
}

bool abs_pointer_reader_owns(abs_pointer_reader *r, uint32_t which) {
    if (!r || which > INT_MAX) return false;
    struct stat st;
    bool have = which != 0 && fstat((int)which, &st) == 0, owns = false;
    pthread_mutex_lock(&r->lock);
    for (int i = 0; i < r->n && !owns; i++)
        owns = which == 0 ? !r->dev[i].grabbed
                          : have && st.st_dev == r->dev[i].dev && st.st_ino == r->dev[i].ino;
    pthread_mutex_unlock(&r->lock);
    return owns;
}

bool abs_pointer_reader_touch(abs_pointer_reader *r, const SDL_Event *e, SDL_Event *touch) {
    if (!r || e->type != r->event_type) return false;
    SDL_zero(*touch);
    abs_pointer_act act = (abs_pointer_act)e->user.code;
    touch->type = act == ABS_POINTER_DOWN ? SDL_FINGERDOWN
                  : act == ABS_POINTER_UP ? SDL_FINGERUP
                                          : SDL_FINGERMOTION;
    touch->tfinger.timestamp = e->user.timestamp;
    touch->tfinger.touchId = ABS_POINTER_TOUCH_ID;
    touch->tfinger.x = bits_float(e->user.data1);
    touch->tfinger.y = bits_float(e->user.data2);
    touch->tfinger.pressure = act == ABS_POINTER_UP ? 0.0f : 1.0f;
    return true;
}

int abs_pointer_reader_count(abs_pointer_reader *r) {
    if (!r) return 0;
    pthread_mutex_lock(&r->lock);
    int n = r->n;
    pthread_mutex_unlock(&r->lock);
    return n;
}

bool abs_pointer_reader_add_fd(abs_pointer_reader *r, int fd, abs_pointer_axis ax,
                               abs_pointer_axis ay) {
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0) fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    char path[32];
    snprintf(path, sizeof path, "fd %d", fd);
    pthread_mutex_lock(&r->lock);
    bool ok = table_add(r, fd, path, ax, ax.min, ay, ay.min, false, false);
    pthread_mutex_unlock(&r->lock);
    if (!ok) {
        close(fd);
        return false;
    }
    /* The thread polls it from its next round; should the byte not go, from its next wake. */
    ssize_t w = write(r->wake[1], "w", 1);
    (void)w;
    return true;
}
