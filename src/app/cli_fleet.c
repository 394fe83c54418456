/* cli_fleet: `plankiosk fleet` (see cli_fleet.h). Options are parsed here; finding, reading and
 * judging the status files is kiosk_status's. The table goes to standard output, damaged files
 * to standard error, so `plankiosk fleet DIR > fleet.txt` keeps the table clean. */
#include "app/cli_fleet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "platform/kiosk_status.h"

static void usage_fleet(FILE *out) {
    fputs("usage: plankiosk fleet [--now TIME] DIR...\n"
          "Finds every kiosk's status.json under each DIR (the folder Syncthing gathers, a USB\n"
          "stick's copy: DIR/<kiosk>/status.json or deeper) and prints one line per kiosk: id,\n"
          "location, when it last wrote its status, responses today and in all, free space,\n"
          "temperature, version, and OK or what needs a look: silent for more than 30 minutes\n"
          "(or stopped), cannot save, low on space (under 10 % or 500 MB), hot (over 80 °C),\n"
          "undervoltage, or a clock that is wrong. A damaged status.json is named as\n"
          "FILE:LINE:COLUMN. Exit status 0 when every kiosk is fine, 1 when any needs a look,\n"
          "a status could not be read or none was found, 2 for a command line that does not\n"
          "make sense.\n"
          "  --now TIME  judge as if it were TIME (2026-11-24T14:03 or with seconds and a UTC\n"
          "              offset), instead of this computer's clock\n",
          out);
}

int cli_fleet(int argc, char **argv) {
    time_t now = time(NULL);
    const char **dirs = calloc((size_t)(argc > 0 ? argc : 1), sizeof *dirs); /* into argv */
    if (!dirs) return 1;
    int n = 0;
    bool options = true;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        if (options && !strcmp(a, "--"))
            options = false;
        else if (options && (!strcmp(a, "--help") || !strcmp(a, "-h"))) {
            usage_fleet(stdout);
            free(dirs);
            return 0;
        } else if (options && (!strcmp(a, "--now") || !strncmp(a, "--now=", 6))) {
            v = a[5] == '=' ? a + 6 : i + 1 < argc ? argv[++i] : NULL;
            if (!v || !kiosk_status_parse_time(v, &now)) {
                fprintf(stderr,
                        "plankiosk fleet: --now needs a time like 2026-11-24T14:03:00+00:00, not "
                        "'%s'\n",
                        v ? v : "");
                free(dirs);
                return 2;
            }
        } else if (options && a[0] == '-' && a[1]) {
            fprintf(stderr, "plankiosk fleet: unknown option '%s'\n", a);
            usage_fleet(stderr);
            free(dirs);
            return 2;
        } else
            dirs[n++] = a;
    }
    if (!n) {
        fputs("plankiosk fleet: give at least one folder\n", stderr);
        usage_fleet(stderr);
        free(dirs);
        return 2;
    }
    kiosk_status_fleet f;
    pk_error err = {{0}};
    if (!kiosk_status_fleet_read(&f, dirs, n, now, &err)) {
        fprintf(stderr, "plankiosk fleet: %s\n", err.msg);
        free(dirs);
        return 1;
    }
    kiosk_status_fleet_print(stdout, &f);
    diag_print(f.problems, stderr);
    if (!f.n)
        fprintf(stderr, "plankiosk fleet: no %s was found under %s%s\n", KIOSK_STATUS_FILE, dirs[0],
                n > 1 ? " or the other folders" : "");
    int status = kiosk_status_fleet_verdict(&f);
    kiosk_status_fleet_free(&f);
    free(dirs);
    return status;
}
