/* vm_log_writer: saves responses as fast as the card allows, through the kiosk's own
 * feedback_log (one write, fsync of the file and, for a new file, its folder), and prints
 * "ack ID BOOT SEQ" only after each save has returned true: the moment the kiosk would thank
 * the visitor. packaging/vm-test resets the emulated machine (QMP system_reset) while this
 * runs, then checks that every acknowledged id is on the card after the reboot.
 *
 *   vm_log_writer DIR KIOSK [COUNT]     (COUNT 0 or absent: until killed) */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "store/feedback_log.h"

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: vm_log_writer DIR KIOSK [COUNT]\n");
        return 2;
    }
    long count = argc > 3 ? atol(argv[3]) : 0;
    feedback_log log = {0};
    diag_list *d = calloc(1, sizeof *d);
    pk_error err = {{0}};
    if (!d || !feedback_log_open(&log, argv[1], argv[2], d, &err)) {
        fprintf(stderr, "vm_log_writer: %s\n", err.msg);
        return 1;
    }
    diag_print(d, stderr); /* torn lines found from the last reset */
    free(d);
    for (long i = 0; count == 0 || i < count; i++) {
        /* The shape of a kiosk response, with text long enough to span a block now and then. */
        json_t *answers = json_pack("{s:[s], s:i, s:s}", "themes", "health", "rating", (int)(i % 5) + 1, "text",
                                    "A longer comment, the length a visitor might type on the kiosk's keyboard "
                                    "about buses, the library, the parks and what the town should do next.");
        feedback_record rec = {.kiosk = argv[2], .location = "vm-test", .at = time(NULL),
                               .config_title = "vm-test", .config_hash = "vm-test", .consultation = "plan-2025",
                               .questions_hash = "vm-test", .answers = answers, .language = "en"};
        if (!feedback_log_append(&log, &rec, &err)) {
            fprintf(stderr, "vm_log_writer: %s\n", err.msg);
            json_decref(answers);
            return 1;
        }
        printf("ack %s %lld %lld\n", rec.id, rec.boot, rec.seq);
        fflush(stdout);
        json_decref(answers);
    }
    feedback_log_close(&log);
    return 0;
}
