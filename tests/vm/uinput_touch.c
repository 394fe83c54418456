/* vm_uinput_touch: a touchscreen made inside the emulated kiosk (QEMU 7.2 has no virtio
 * multitouch device), so packaging/vm-test taps through SDL's touch path as well as through
 * the virtio tablet (an absolute mouse). Creates a direct-touch multitouch device with uinput,
 * prints "ready", then reads commands on standard input, one per line:
 *   tap X Y      a finger down and up at X, Y (fractions of the screen, 0..1)
 *   quit         removes the device
 * arm64, built by packaging/vm-test in its own cross build; needs root (/dev/uinput). */
#include <fcntl.h>
#include <linux/uinput.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#define RANGE 4095

static int fd;

static void emit(int type, int code, int value) {
    struct input_event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = (unsigned short)type, ev.code = (unsigned short)code, ev.value = value;
    if (write(fd, &ev, sizeof ev) != (ssize_t)sizeof ev) perror("vm_uinput_touch: write");
}

static void pause_ms(long ms) {
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000};
    nanosleep(&t, NULL);
}

static void axis(int code, int max) {
    struct uinput_abs_setup a;
    memset(&a, 0, sizeof a);
    a.code = (unsigned short)code;
    a.absinfo.maximum = max;
    if (ioctl(fd, UI_ABS_SETUP, &a) < 0) perror("vm_uinput_touch: UI_ABS_SETUP");
}

int main(void) {
    fd = open("/dev/uinput", O_WRONLY | O_NONBLOCK);
    if (fd < 0) {
        perror("vm_uinput_touch: /dev/uinput");
        return 1;
    }
    ioctl(fd, UI_SET_EVBIT, EV_KEY);
    ioctl(fd, UI_SET_KEYBIT, BTN_TOUCH);
    ioctl(fd, UI_SET_EVBIT, EV_ABS);
    int axes[] = {ABS_X, ABS_Y, ABS_MT_POSITION_X, ABS_MT_POSITION_Y};
    for (int i = 0; i < 4; i++) ioctl(fd, UI_SET_ABSBIT, axes[i]);
    ioctl(fd, UI_SET_ABSBIT, ABS_MT_SLOT);
    ioctl(fd, UI_SET_ABSBIT, ABS_MT_TRACKING_ID);
    ioctl(fd, UI_SET_PROPBIT, INPUT_PROP_DIRECT);
    for (int i = 0; i < 4; i++) axis(axes[i], RANGE);
    axis(ABS_MT_SLOT, 9);
    axis(ABS_MT_TRACKING_ID, 65535);
    struct uinput_setup us;
    memset(&us, 0, sizeof us);
    us.id.bustype = BUS_VIRTUAL;
    us.id.vendor = 0x1209, us.id.product = 0x0001;
    snprintf(us.name, sizeof us.name, "plankiosk vm-test touchscreen");
    if (ioctl(fd, UI_DEV_SETUP, &us) < 0 || ioctl(fd, UI_DEV_CREATE) < 0) {
        perror("vm_uinput_touch: create");
        return 1;
    }
    pause_ms(500); /* udev names the device before anyone is told it is there */
    printf("ready\n");
    fflush(stdout);
    char line[128];
    int id = 1;
    while (fgets(line, sizeof line, stdin)) {
        double x, y;
        if (sscanf(line, "tap %lf %lf", &x, &y) == 2) {
            int px = (int)(x * RANGE + 0.5), py = (int)(y * RANGE + 0.5);
            emit(EV_ABS, ABS_MT_SLOT, 0);
            emit(EV_ABS, ABS_MT_TRACKING_ID, id++);
            emit(EV_ABS, ABS_MT_POSITION_X, px);
            emit(EV_ABS, ABS_MT_POSITION_Y, py);
            emit(EV_KEY, BTN_TOUCH, 1);
            emit(EV_ABS, ABS_X, px);
            emit(EV_ABS, ABS_Y, py);
            emit(EV_SYN, SYN_REPORT, 0);
            pause_ms(120);
            emit(EV_ABS, ABS_MT_TRACKING_ID, -1);
            emit(EV_KEY, BTN_TOUCH, 0);
            emit(EV_SYN, SYN_REPORT, 0);
            printf("tapped %d %d\n", px, py);
            fflush(stdout);
        } else if (!strncmp(line, "quit", 4))
            break;
    }
    ioctl(fd, UI_DEV_DESTROY);
    close(fd);
    return 0;
}
