/* cli_fleet: `plankiosk fleet DIR...`, one line per kiosk from the status.json files under the
 * folders (platform/kiosk_status.h), with what needs a look. Takes argv with argv[0] being
 * "fleet"; returns the exit status: 0 all fine, 1 something needs a look (or could not be read),
 * 2 a command line that does not make sense. */
#ifndef PK_CLI_FLEET_H
#define PK_CLI_FLEET_H

int cli_fleet(int argc, char **argv);

#endif
