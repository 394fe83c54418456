/* Absolute pointers through the real kiosk (SDL's dummy driver): a tap from an absolute mouse
 * read by abs_pointer_reader opens "Have your say" where it was pressed, on a screen as it is
 * and turned a quarter; the misplaced mouse events SDL 2.26 makes of the same device are
 * ignored, and a mouse of its own still clicks. The device is a pipe carrying input_events
 * (abs_pointer_reader_add_fd), so this runs everywhere; test_abs_pointer_uinput does the same
 * with a kernel device where /dev/uinput can be used. */
#include <SDL.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "abs_pointer_test.h"
#include "check.h"

static char dir[256], input_dir[300];

static void a_tap_lands_where_it_is_pressed(void) {
    config *c;
    kiosk *k = open_abs_kiosk(&c, 0, dir, input_dir);
    CHECK(k != NULL);
    abs_pointer_reader *r = k ? kiosk_abs_pointer(k) : NULL;
    CHECK(r != NULL);
    int p[2];
    if (!r || pipe(p) != 0) goto out;
    /* SDL's own descriptor for the device: another open of the same node (here the pipe). */
    int sdl_fd = dup(p[0]);
    CHECK(abs_pointer_reader_add_fd(r, p[0], QEMU_AXIS, QEMU_AXIS));
    CHECK_INT(abs_pointer_reader_count(r), 1);
    const widget *say = find_widget(k, W_FEEDBACK_OPEN, 0);
    CHECK(say != NULL);
    if (say) {
        float sx, sy;
        widget_on_screen(say, 800, 480, 0, &sx, &sy);
        /* What SDL 2.26 makes of the tap: the raw values as pixels, or clamped to the corner,
         * and its made-up "mouse left the window" (which 0; the pipe is not grabbed).
         * Unfiltered, each would pause the loop or turn the slide; all are ignored. */
        sdl_click(k, (uint32_t)sdl_fd, device_value(sx), device_value(sy));
        sdl_click(k, (uint32_t)sdl_fd, 799, 479);
        sdl_click(k, 0, 799, 479);
        CHECK(!kiosk_loop_paused(k));
        CHECK(!journey_active(kiosk_journey(k)));
        /* A mouse of its own (its `which` is another descriptor) still clicks: a tap on the
         * slide pauses the loop. */
        int mouse_fd = open("/dev/null", O_RDONLY);
        sdl_click(k, (uint32_t)mouse_fd, 400, 200);
        CHECK(kiosk_loop_paused(k));
        close(mouse_fd);
        /* The device's own tap, placed by the reader. */
        CHECK(device_tap(p[1], device_value(sx), device_value(sy)));
        CHECK(journey_opens(k));
    }
    close(p[1]);
    close(sdl_fd);
out:
    kiosk_destroy(k);
    config_free(c);
}

static void a_turned_screen_is_tapped_where_it_shows(void) {
    /* A screen turned a quarter clockwise: the device covers the screen as mounted (480x800
     * here), the drawing is 800x480. */
    config *c;
    kiosk *k = open_abs_kiosk(&c, 90, dir, input_dir);
    CHECK(k != NULL);
    int p[2];
    const widget *say = k ? find_widget(k, W_FEEDBACK_OPEN, 0) : NULL;
    CHECK(say != NULL);
    if (say && pipe(p) == 0) {
        CHECK(abs_pointer_reader_add_fd(kiosk_abs_pointer(k), p[0], QEMU_AXIS, QEMU_AXIS));
        float sx, sy;
        widget_on_screen(say, 800, 480, 90, &sx, &sy);
        CHECK(device_tap(p[1], device_value(sx), device_value(sy)));
        CHECK(journey_opens(k));
        close(p[1]);
    }
    kiosk_destroy(k);
    config_free(c);
}

int main(void) {
    snprintf(dir, sizeof dir, "%s/abs-pointer-XXXXXX", TEST_BINARY_DIR);
    if (!mkdtemp(dir)) return perror(dir), 1;
    snprintf(input_dir, sizeof input_dir, "%s/input", dir);
    if (mkdir(input_dir, 0700) != 0) return perror(input_dir), 1;
    RUN(a_tap_lands_where_it_is_pressed);
    RUN(a_turned_screen_is_tapped_where_it_shows);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    return check_report();
}
