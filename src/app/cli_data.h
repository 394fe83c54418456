/* cli_data: the staff data subcommands of the command line, each taking argv with argv[0] being
 * the subcommand's name and returning the process exit status (0 worked, 1 error, 2 usage):
 *   plankiosk export  merge feedback trees into one CSV, JSON or JSON Lines file
 *   plankiosk report  the same records as one self-contained HTML page
 *   plankiosk keygen  a key pair for sealing personal fields at rest
 * Messages go to stderr; only the export itself (without --out) goes to stdout. */
#ifndef PK_CLI_DATA_H
#define PK_CLI_DATA_H
#include <stdio.h>

#include "config/config.h"
#include "export/export.h"

int cli_export(int argc, char **argv);
int cli_report(int argc, char **argv);
int cli_keygen(int argc, char **argv);

/* The options the data commands share, parsed: DIR..., --since, --until, --kiosk,
 * --consultation, --config, --key, --out (and --min-count). Owned by the caller: free it with
 * cli_data_args_free (also after a failed parse). */
typedef struct data_args {
    const char *cmd; /* "export", "report", "quotes": for messages */
    export_filter filter;
    const char *out, *key, *format, *codebook;
    const char *config_path; /* --config */
    long min_count;          /* report --min-count */
    config *cfg;             /* loaded from it (or the kiosk's own); NULL: none */
    const char **dirs; /* points into argv */
    int n_dirs;
} data_args;

/* Parses argv (argv[0] the command's name) as report does. Returns 0 to go on, 2 for a usage
 * error (already reported, with usage), or -1 when --help was asked for (usage printed). */
int cli_data_parse(int argc, char **argv, data_args *a, void (*usage)(FILE *));
/* Loads the config and --key, then reads every record into set (scan: export_scan, keeping only
 * where each is; else export_collect), reporting what stops it on stderr. Returns 0, or 1 when
 * something stopped it. */
int cli_data_collect(data_args *a, export_set *set, bool scan);
void cli_data_args_free(data_args *a);

#endif
