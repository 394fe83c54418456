/* Absolute pointers from the kernel: two uinput devices, an absolute mouse made like QEMU's
 * usb-tablet and a multi-touch touchscreen, read by the real kiosk under SDL's dummy driver
 * (the reader pointed at a folder of links to them, so the machine's own devices are left
 * alone). The touchscreen is left to SDL's touch path; the tablet, plugged in after the kiosk
 * started, is found, grabbed away from SDL's copy, and its tap on "Have your say" opens the
 * journey. Needs /dev/uinput (root, or the uinput group): without it the test is skipped
 * (exit 77), as on most CI machines and containers. */
#include <SDL.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "abs_pointer_test.h"
#include "check.h"
#include <linux/uinput.h>

#define SKIP 77

static char dir[256], input_dir[300];

static bool set(int fd, unsigned long req, int code) { return ioctl(fd, req, code) == 0; }

static bool abs_axis(int fd, int code, int min, int max) {
    struct uinput_abs_setup a;
    memset(&a, 0, sizeof a);
    a.code = (uint16_t)code;
    a.absinfo.minimum = min, a.absinfo.maximum = max;
    return ioctl(fd, UI_ABS_SETUP, &a) == 0;
}

/* The /dev/input/event* node of the uinput device fd, waited for (udev may be slow). */
static bool node_of(int fd, char *node, size_t n) {
    char sys[64], path[128];
    if (ioctl(fd, UI_GET_SYSNAME(sizeof sys), sys) < 0) return false;
    snprintf(path, sizeof path, "/sys/class/input/%s", sys);
    DIR *d = opendir(path);
    if (!d) return false;
    struct dirent *e;
    bool found = false;
    while (!found && (e = readdir(d)))
        if (!strncmp(e->d_name, "event", 5))
            found = snprintf(node, n, "/dev/input/%s", e->d_name) < (int)n;
    closedir(d);
    for (int i = 0; found && i < 200 && access(node, R_OK) != 0; i++) usleep(10000);
    return found && access(node, R_OK) == 0;
}

/* A uinput device: an absolute mouse like QEMU's usb-tablet, or a multi-touch touchscreen.
 * -1 (errno set) if it cannot be made. */
static int make_device(bool touchscreen, char *node, size_t n) {
    int fd = open("/dev/uinput", O_WRONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return -1;
    bool ok = set(fd, UI_SET_EVBIT, EV_KEY) && set(fd, UI_SET_EVBIT, EV_ABS) &&
              set(fd, UI_SET_EVBIT, EV_SYN) && set(fd, UI_SET_ABSBIT, ABS_X) &&
              set(fd, UI_SET_ABSBIT, ABS_Y) && abs_axis(fd, ABS_X, 0, 32767) &&
              abs_axis(fd, ABS_Y, 0, 32767);
    if (touchscreen)
        ok =
            ok && set(fd, UI_SET_KEYBIT, BTN_TOUCH) && set(fd, UI_SET_PROPBIT, INPUT_PROP_DIRECT) &&
            set(fd, UI_SET_ABSBIT, ABS_MT_SLOT) && set(fd, UI_SET_ABSBIT, ABS_MT_POSITION_X) &&
            set(fd, UI_SET_ABSBIT, ABS_MT_POSITION_Y) &&
            set(fd, UI_SET_ABSBIT, ABS_MT_TRACKING_ID) && abs_axis(fd, ABS_MT_SLOT, 0, 9) &&
            abs_axis(fd, ABS_MT_POSITION_X, 0, 32767) &&
            abs_axis(fd, ABS_MT_POSITION_Y, 0, 32767) && abs_axis(fd, ABS_MT_TRACKING_ID, 0, 65535);
    else
        ok = ok && set(fd, UI_SET_KEYBIT, BTN_LEFT) && set(fd, UI_SET_KEYBIT, BTN_RIGHT) &&
             set(fd, UI_SET_KEYBIT, BTN_MIDDLE) && set(fd, UI_SET_EVBIT, EV_REL) &&
             set(fd, UI_SET_RELBIT, REL_WHEEL);
    struct uinput_setup s;
    memset(&s, 0, sizeof s);
    s.id.bustype = BUS_USB, s.id.vendor = 0x0627, s.id.product = touchscreen ? 0x0002 : 0x0001;
    snprintf(s.name, sizeof s.name, "plankiosk test %s", touchscreen ? "touchscreen" : "tablet");
    ok = ok && ioctl(fd, UI_DEV_SETUP, &s) == 0 && ioctl(fd, UI_DEV_CREATE) == 0;
    if (ok && !node_of(fd, node, n)) {
        ioctl(fd, UI_DEV_DESTROY);
        ok = false, errno = ENODEV;
    }
    if (!ok) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

static void gone(int fd) {
    if (fd < 0) return;
    ioctl(fd, UI_DEV_DESTROY);
    close(fd);
}

static bool link_in(const char *node, const char *name) {
    char path[400];
    snprintf(path, sizeof path, "%s/%s", input_dir, name);
    return symlink(node, path) == 0;
}

static bool count_becomes(kiosk *k, int n) {
    for (Uint64 until = SDL_GetTicks64() + 2000; SDL_GetTicks64() < until; kiosk_step(k, 5))
        if (abs_pointer_reader_count(kiosk_abs_pointer(k)) == n) return true;
    return false;
}

static void taps_from_a_kernel_device(int tablet, const char *tablet_node, const char *touch_node) {
    CHECK(link_in(touch_node, "event0"));
    config *c;
    kiosk *k = open_abs_kiosk(&c, 0, dir, input_dir);
    CHECK(k != NULL);
    if (!k) {
        config_free(c);
        return;
    }
    /* The touchscreen is SDL's: not taken. */
    CHECK(kiosk_abs_pointer(k) != NULL);
    CHECK_INT(abs_pointer_reader_count(kiosk_abs_pointer(k)), 0);
    /* The tablet is plugged in: found through inotify. */
    CHECK(link_in(tablet_node, "event1"));
    CHECK(count_becomes(k, 1));
    /* SDL's own descriptor for it, and SDL's misplaced click from it: ignored. */
    int sdl_fd = open(tablet_node, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    CHECK(sdl_fd >= 0);
    sdl_click(k, (uint32_t)sdl_fd, 799, 479);
    CHECK(!kiosk_loop_paused(k));
    CHECK(!journey_active(kiosk_journey(k)));
    /* The tap, as the kernel reports it. */
    const widget *say = find_widget(k, W_FEEDBACK_OPEN, 0);
    CHECK(say != NULL);
    if (say) {
        float sx, sy;
        widget_on_screen(say, 800, 480, 0, &sx, &sy);
        CHECK(device_tap(tablet, device_value(sx), device_value(sy)));
        CHECK(journey_opens(k));
    }
    /* The reader grabbed the tablet: SDL's copy heard nothing of the tap. */
    struct input_event ev;
    CHECK(read(sdl_fd, &ev, sizeof ev) < 0 && errno == EAGAIN);
    if (sdl_fd >= 0) close(sdl_fd);
    kiosk_destroy(k);
    config_free(c);
}

int main(void) {
    char tablet_node[64], touch_node[64];
    int tablet = make_device(false, tablet_node, sizeof tablet_node);
    int touch = tablet >= 0 ? make_device(true, touch_node, sizeof touch_node) : -1;
    if (tablet < 0 || touch < 0) {
        printf("SKIP: cannot make a uinput device (%s): /dev/uinput is missing or not ours\n",
               strerror(errno));
        gone(tablet);
        return SKIP;
    }
    snprintf(dir, sizeof dir, "%s/abs-pointer-uinput-XXXXXX", TEST_BINARY_DIR);
    int status = 1;
    if (!mkdtemp(dir)) {
        perror(dir);
        goto out;
    }
    snprintf(input_dir, sizeof input_dir, "%s/input", dir);
    if (mkdir(input_dir, 0700) != 0) {
        perror(input_dir);
        goto out;
    }
    taps_from_a_kernel_device(tablet, tablet_node, touch_node);
    fprintf(stderr, "%s taps_from_a_kernel_device\n", check_failures ? "FAIL" : "ok  ");
    status = check_report();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
out:
    gone(tablet);
    gone(touch);
    return status;
}
