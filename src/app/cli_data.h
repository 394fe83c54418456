/* cli_data: the staff data subcommands of the command line, each taking argv with argv[0] being
 * the subcommand's name and returning the process exit status (0 worked, 1 error, 2 usage):
 *   plankiosk export  merge feedback trees into one CSV, JSON or JSON Lines file
 *   plankiosk report  the same records as one self-contained HTML page
 *   plankiosk keygen  a key pair for sealing personal fields at rest
 * Messages go to stderr; only the export itself (without --out) goes to stdout. */
#ifndef PK_CLI_DATA_H
#define PK_CLI_DATA_H

int cli_export(int argc, char **argv);
int cli_report(int argc, char **argv);
int cli_keygen(int argc, char **argv);

#endif
