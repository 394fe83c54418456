/* cli_quotes: `plankiosk quotes`, the desk's side of checking visitors' quotes before the "You
 * said" slide may show them: a summary of what waits, a review spreadsheet (--review), staff's
 * decisions read back from it (--apply) and the approved quotes as a file a shared config can
 * include (--out approved.yaml). argv[0] is "quotes"; returns the exit status (0 worked, 1
 * something stopped it, 2 a command line that does not make sense). */
#ifndef PK_CLI_QUOTES_H
#define PK_CLI_QUOTES_H

int cli_quotes(int argc, char **argv);

#endif
