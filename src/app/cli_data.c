/* cli_data: `plankiosk export`, `report` and `keygen` (see cli_data.h). Options are parsed
 * here; the work is done by export/, export/report and store/seal. Exit status: 0 when it
 * worked (even if some lines were damaged: they are listed), 1 when something stopped it (an
 * input folder missing, the output not writable, a key that cannot be read), 2 for a command
 * line that does not make sense. */
#include "app/cli_data.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "app/config_file.h"
#include "core/date.h"
#include "export/export.h"
#include "export/report.h"
#include "store/seal.h"

static void usage_export(FILE *out) {
    fputs("usage: plankiosk export [--since DATE] [--until DATE] [--kiosk ID]... "
          "[--consultation ID]...\n"
          "                        [--format csv|json|jsonl|xlsx] [--out FILE] [--codebook FILE]\n"
          "                        [--config FILE] [--key PRIVATE_KEY_FILE] DIR...\n"
          "Merges the feedback under each DIR (several kiosks, several USB copies), drops\n"
          "duplicate records and writes one file (standard output without --out). DATE is\n"
          "YYYY-MM-DD (or YYYY-MM for a whole month); both ends are included. The format\n"
          "follows --out's extension (.json, .jsonl, .xlsx), else CSV for spreadsheets: a\n"
          "column per question of the config's consultations (--config, else the kiosk's\n"
          "own), and --codebook writes what each column means. xlsx is a spreadsheet with\n"
          "the responses, the codebook and a summary, and needs --out FILE.xlsx.\n",
          out);
}

static void usage_report(FILE *out) {
    fputs("usage: plankiosk report [--since DATE] [--until DATE] [--kiosk ID]... "
          "[--consultation ID]...\n"
          "                        [--config FILE] [--min-count N] [--key PRIVATE_KEY_FILE]\n"
          "                        --out report.html DIR...\n"
          "Writes one self-contained HTML page from the feedback under each DIR, for a board:\n"
          "page one sums it up (what was asked, where and when, how many answered by kiosk,\n"
          "language and age, each question's headline, the filters used), then contents,\n"
          "charts, a section per question of the config's consultations (--config, else the\n"
          "kiosk's own), and the comments by theme with the words used most. Open it in a\n"
          "browser and print it on A4. A theme's first 50 comments are in the page; the rest\n"
          "go beside it, in FILE-comments.html. A count from 1 to N-1 could point at one\n"
          "person and is shown as \"fewer than N\" (--min-count, 5 unless given).\n",
          out);
}

static void usage_keygen(FILE *out) {
    fputs("usage: plankiosk keygen --out DIR\n"
          "Makes DIR/plankiosk.pub (for the kiosks: they seal personal fields with it) and\n"
          "DIR/plankiosk.key (the secret key for export and report --key; keep it off the\n"
          "kiosks). Existing key files are never overwritten.\n",
          out);
}

/* The value of option name at argv[*i]: "--name VALUE" or "--name=VALUE"; NULL if argv[*i] is
 * not this option. *missing is set when the option is there without its value. */
static const char *opt_value(int argc, char **argv, int *i, const char *name, bool *missing) {
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0) return NULL;
    if (a[n] == '=') return a + n + 1;
    if (a[n] != '\0') return NULL;
    if (*i + 1 >= argc) {
        *missing = true;
        return NULL;
    }
    return argv[++*i];
}

static bool parse_day(const char *cmd, const char *opt, const char *s, bool last, pk_date *out) {
    const char *why = NULL;
    pk_date d;
    if (!date_parse(s, &d, &why)) {
        /* date_parse's reasons read after the date itself: "2026-02-30 is not a day of..." */
        if (why && strncmp(why, "is ", 3) == 0)
            fprintf(stderr, "plankiosk %s: %s: '%s' %s\n", cmd, opt, s, why);
        else
            fprintf(stderr, "plankiosk %s: %s: '%s' is not a date (YYYY-MM-DD or YYYY-MM): %s\n",
                    cmd, opt, s, why ? why : "unreadable");
        return false;
    }
    *out = last ? date_last_day(d) : date_first_day(d);
    return true;
}

/* Parses the shared options. Returns 0 to go on, 2 for a usage error (already reported), or -1
 * when help was asked for (already printed). */
static int parse_args(int argc, char **argv, bool is_export, data_args *a,
                      void (*usage)(FILE *)) {
    memset(a, 0, sizeof *a);
    a->cmd = argc > 0 ? argv[0] : "export";
    a->dirs = calloc((size_t)(argc > 0 ? argc : 1), sizeof *a->dirs);
    if (!a->dirs) {
        fprintf(stderr, "plankiosk %s: out of memory\n", a->cmd);
        return 2;
    }
    bool options = true;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i], *v;
        bool missing = false;
        if (options && strcmp(arg, "--") == 0) {
            options = false;
        } else if (options && (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0)) {
            usage(stdout);
            return -1;
        } else if (options && (v = opt_value(argc, argv, &i, "--since", &missing))) {
            if (!parse_day(a->cmd, "--since", v, false, &a->filter.since)) return 2;
            a->filter.has_since = true;
        } else if (options && (v = opt_value(argc, argv, &i, "--until", &missing))) {
            if (!parse_day(a->cmd, "--until", v, true, &a->filter.until)) return 2;
            a->filter.has_until = true;
        } else if (options && (v = opt_value(argc, argv, &i, "--kiosk", &missing))) {
            if (a->filter.n_kiosks == EXPORT_MAX_KIOSKS) {
                fprintf(stderr, "plankiosk %s: at most %d --kiosk options\n", a->cmd,
                        EXPORT_MAX_KIOSKS);
                return 2;
            }
            a->filter.kiosks[a->filter.n_kiosks++] = v;
        } else if (options && (v = opt_value(argc, argv, &i, "--consultation", &missing))) {
            if (a->filter.n_consultations == EXPORT_MAX_CONSULTATIONS) {
                fprintf(stderr, "plankiosk %s: at most %d --consultation options\n", a->cmd, EXPORT_MAX_CONSULTATIONS);
                return 2;
            }
            a->filter.consultations[a->filter.n_consultations++] = v;
        } else if (options && !is_export && (v = opt_value(argc, argv, &i, "--min-count", &missing))) {
            char *end;
            a->min_count = strtol(v, &end, 10);
            if (*end || a->min_count < 1 || a->min_count > 100) {
                fprintf(stderr, "plankiosk %s: --min-count must be a number from 1 (show every count) to 100, not '%s'\n",
                        a->cmd, v);
                return 2;
            }
        } else if (options && (v = opt_value(argc, argv, &i, "--config", &missing))) {
            a->config_path = v;
        } else if (options && is_export && (v = opt_value(argc, argv, &i, "--codebook", &missing))) {
            a->codebook = v;
        } else if (options && is_export &&
                   (v = opt_value(argc, argv, &i, "--format", &missing))) {
            if (strcmp(v, "csv") != 0 && strcmp(v, "json") != 0 && strcmp(v, "jsonl") != 0 &&
                strcmp(v, "xlsx") != 0) {
                fprintf(stderr, "plankiosk %s: --format must be csv, json, jsonl or xlsx, not '%s'\n",
                        a->cmd, v);
                return 2;
            }
            a->format = v;
        } else if (options && (v = opt_value(argc, argv, &i, "--out", &missing))) {
            a->out = v;
        } else if (options && (v = opt_value(argc, argv, &i, "--key", &missing))) {
            if (a->key) {
                fprintf(stderr, "plankiosk %s: --key is given twice; give several keys as one list: "
                                "--key A.key,B.key\n", a->cmd);
                return 2;
            }
            a->key = v;
        } else if (missing) {
            fprintf(stderr, "plankiosk %s: %s needs a value\n", a->cmd, arg);
            return 2;
        } else if (options && arg[0] == '-' && arg[1] != '\0') {
            fprintf(stderr, "plankiosk %s: unknown option '%s'\n", a->cmd, arg);
            usage(stderr);
            return 2;
        } else {
            a->dirs[a->n_dirs++] = arg;
        }
    }
    if (a->n_dirs == 0) {
        fprintf(stderr, "plankiosk %s: give at least one feedback folder\n", a->cmd);
        usage(stderr);
        return 2;
    }
    if (a->filter.has_since && a->filter.has_until &&
        date_cmp_days(a->filter.since, a->filter.until) > 0) {
        fprintf(stderr, "plankiosk %s: --since is after --until, so nothing could match\n", a->cmd);
        return 2;
    }
    return 0;
}

static void args_free(data_args *a) {
    free(a->dirs);
    config_free(a->cfg);
    sodium_memzero(a->filter.sk, sizeof a->filter.sk);
}

/* The consultations that name the columns: --config, else the kiosk's own config when there
 * is one that loads (without one, columns come from the records as they are). */
static int load_config(data_args *a) {
    char buf[4096];
    const char *path = a->config_path;
    if (!path) {
        path = app_default_config(buf, sizeof buf);
        if (access(path, R_OK) != 0) return 0;
    }
    a->cfg = app_load_config(path);
    if (!a->cfg && a->config_path) return 1;
    if (!a->cfg)
        fprintf(stderr, "plankiosk %s: without a config that loads, answers are written as recorded "
                        "(give --config FILE)\n", a->cmd);
    pk_error err = {{0}};
    if (!export_check_consultations(a->cfg, &a->filter, &err)) {
        fprintf(stderr, "plankiosk %s: --consultation: %s\n", a->cmd, err.msg);
        return 1;
    }
    return 0;
}

/* Loads --key and the config, then collects (scan: only where each record is, for writing them
 * a record at a time). Returns 0 on success, 1 on failure (reported). */
static int load_and_collect(data_args *a, export_set *set, bool scan) {
    pk_error err = {{0}};
    if (load_config(a)) return 1;
    /* --key A.key or --key A.key,B.key: the records of a year in which the key was changed. */
    for (const char *k = a->key; k && *k;) {
        const char *comma = strchr(k, ',');
        size_t len = comma ? (size_t)(comma - k) : strlen(k);
        char path[4096];
        snprintf(path, sizeof path, "%.*s", (int)len, k);
        if (a->filter.n_keys == EXPORT_MAX_KEYS) {
            fprintf(stderr, "plankiosk %s: at most %d keys in --key\n", a->cmd, EXPORT_MAX_KEYS);
            return 1;
        }
        int n = a->filter.n_keys;
        if (!seal_load_secret_key(path, a->filter.pk[n], a->filter.sk[n], &err)) {
            fprintf(stderr, "plankiosk %s: %s\n", a->cmd, err.msg);
            return 1;
        }
        char fp[SEAL_FINGERPRINT_LEN];
        seal_fingerprint(a->filter.pk[n], fp);
        fprintf(stderr, "plankiosk %s: --key %s opens records sealed for %s\n", a->cmd, path, fp);
        a->filter.n_keys++;
        k = comma ? comma + 1 : k + len;
    }
    if (!(scan ? export_scan : export_collect)(set, a->dirs, a->n_dirs, &a->filter, &err)) {
        fprintf(stderr, "plankiosk %s: %s\n", a->cmd, err.msg);
        return 1;
    }
    set->cfg = a->cfg;
    if (!export_check_kiosks(set, &a->filter, &err)) {
        fprintf(stderr, "plankiosk %s: --kiosk: %s\n", a->cmd, err.msg);
        return 1;
    }
    return 0;
}

/* A wrong key drops nothing, but it is not a success either: say so in the exit status. */
static int key_status(const export_set *set) { return set->wrong_key ? 1 : 0; }

typedef struct codebook_job {
    const config *cfg;
    const export_filter *filter;
} codebook_job;

static bool write_codebook(FILE *out, const void *ctx, pk_error *err) {
    const codebook_job *job = ctx;
    return export_write_codebook(out, job->cfg, job->filter, err);
}

typedef struct export_job {
    const export_set *set;
    export_format format;
} export_job;

static bool write_export(FILE *out, const void *ctx, pk_error *err) {
    const export_job *job = ctx;
    return export_write(out, job->set, job->format, err);
}

/* The formats export writes, by --format name; each file name extension names one. */
typedef enum out_format { OUT_CSV, OUT_JSON, OUT_JSONL, OUT_XLSX, OUT_FORMATS } out_format;
static const char *const format_names[OUT_FORMATS] = {"csv", "json", "jsonl", "xlsx"};
static const export_format stream_formats[OUT_XLSX] = {EXPORT_CSV, EXPORT_JSON, EXPORT_JSONL};

/* The format a file name's extension names (".XLSX" too), or OUT_FORMATS for none. */
static out_format format_of_name(const char *file) {
    const char *dot = file ? strrchr(file, '.') : NULL;
    for (int f = 0; dot && !strchr(dot, '/') && f < OUT_FORMATS; f++)
        if (!strcasecmp(dot + 1, format_names[f])) return (out_format)f;
    return OUT_FORMATS;
}

/* The format from --format and --out's extension: either says it, the other must not
 * contradict it (a CSV under report.xlsx would not open), else CSV. OUT_FORMATS after
 * reporting a contradiction, or an xlsx without a file. */
static out_format choose_format(const data_args *a) {
    out_format by_name = format_of_name(a->out), f = OUT_CSV;
    for (int i = 0; a->format && i < OUT_FORMATS; i++)
        if (!strcmp(a->format, format_names[i])) f = (out_format)i;
    if (!a->format && by_name != OUT_FORMATS) f = by_name;
    if (a->format && by_name != OUT_FORMATS && by_name != f) {
        fprintf(stderr, "plankiosk export: --format %s, but --out %s names a .%s file: give --format %s, "
                        "or an --out ending in .%s\n", format_names[f], a->out, format_names[by_name],
                format_names[by_name], format_names[f]);
        return OUT_FORMATS;
    }
    if (f == OUT_XLSX && (!a->out || !strcmp(a->out, "-"))) {
        fputs("plankiosk export: a spreadsheet (xlsx) cannot go to standard output: give --out FILE.xlsx\n", stderr);
        return OUT_FORMATS;
    }
    if (a->codebook && format_of_name(a->codebook) != OUT_CSV && format_of_name(a->codebook) != OUT_FORMATS) {
        fprintf(stderr, "plankiosk export: --codebook %s: the codebook is a CSV file (give a name ending in .csv); "
                        "an xlsx export holds it as its Codebook sheet\n", a->codebook);
        return OUT_FORMATS;
    }
    return f;
}

int cli_export(int argc, char **argv) {
    data_args a;
    int rc = parse_args(argc, argv, true, &a, usage_export);
    if (rc != 0) {
        args_free(&a);
        return rc < 0 ? 0 : rc;
    }
    out_format format = choose_format(&a);
    if (format == OUT_FORMATS) {
        args_free(&a);
        return 2;
    }
    export_set set = {0}; /* freed even when the key could not be loaded */
    rc = load_and_collect(&a, &set, format != OUT_XLSX);
    if (rc == 0) {
        export_job job = {&set, format == OUT_XLSX ? EXPORT_CSV : stream_formats[format]};
        pk_error err = {{0}};
        codebook_job cb = {a.cfg, &a.filter};
        bool written = format == OUT_XLSX ? export_write_xlsx(a.out, &set, &err)
                                          : export_write_file(a.out, &set, write_export, &job, &err);
        /* A long list of damaged lines goes whole into a file beside the output. */
        char problems[4096] = "";
        if (a.out && strcmp(a.out, "-")) snprintf(problems, sizeof problems, "%s.problems.txt", a.out);
        if (!written) {
            export_print_summary_to(&set, stderr, problems[0] ? problems : NULL);
            fprintf(stderr, "plankiosk export: %s; nothing was written\n", err.msg);
            rc = 1;
        } else {
            export_print_summary_to(&set, stderr, problems[0] ? problems : NULL);
            rc = key_status(&set);
        }
        if ((rc == 0 || set.wrong_key) && a.codebook && !a.cfg) {
            fputs("plankiosk export: --codebook needs the consultations' config (--config FILE)\n", stderr);
            rc = 1;
        } else if ((rc == 0 || set.wrong_key) && a.codebook && !export_write_file(a.codebook, &set, write_codebook, &cb, &err)) {
            fprintf(stderr, "plankiosk export: the codebook: %s\n", err.msg);
            rc = 1;
        }
    }
    export_set_free(&set);
    args_free(&a);
    return rc;
}

int cli_report(int argc, char **argv) {
    data_args a;
    int rc = parse_args(argc, argv, false, &a, usage_report);
    if (rc == 0 && !a.out) {
        fputs("plankiosk report: --out FILE is required (for example --out report.html)\n", stderr);
        rc = 2;
    }
    if (rc != 0) {
        args_free(&a);
        return rc < 0 ? 0 : rc;
    }
    export_set set = {0}; /* freed even when the key could not be loaded */
    rc = load_and_collect(&a, &set, true); /* the report reads each record once, then lets it go */
    if (rc == 0) {
        /* The comments that do not fit in the page go beside it (report-comments.html). */
        report_job job = {&set, &a.filter, a.min_count, time(NULL), a.out, a.dirs, a.n_dirs};
        pk_error err = {{0}};
        bool ok = export_write_file(a.out, &set, report_write_job, &job, &err);
        export_print_summary(&set, stderr);
        rc = key_status(&set);
        if (!ok) {
            fprintf(stderr, "plankiosk report: %s; nothing was written\n", err.msg);
            rc = 1;
        }
    }
    export_set_free(&set);
    args_free(&a);
    return rc;
}

int cli_keygen(int argc, char **argv) {
    const char *out = NULL;
    for (int i = 1; i < argc; i++) {
        bool missing = false;
        const char *v;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage_keygen(stdout);
            return 0;
        } else if ((v = opt_value(argc, argv, &i, "--out", &missing))) {
            out = v;
        } else {
            if (missing)
                fprintf(stderr, "plankiosk keygen: --out needs a folder\n");
            else
                fprintf(stderr, "plankiosk keygen: unknown argument '%s'\n", argv[i]);
            usage_keygen(stderr);
            return 2;
        }
    }
    if (!out) {
        fputs("plankiosk keygen: --out DIR is required\n", stderr);
        usage_keygen(stderr);
        return 2;
    }
    pk_error err = {{0}};
    if (!seal_keygen(out, &err)) {
        fprintf(stderr, "plankiosk keygen: %s\n", err.msg);
        return 1;
    }
    printf("wrote %s/%s: the public key; put it on each kiosk and name it in the config\n"
           "wrote %s/%s: the secret key (mode 0600); keep it safe and off the kiosks, since "
           "without it sealed records can never be read\n",
           out, SEAL_PUBLIC_FILE, out, SEAL_SECRET_FILE);
    return 0;
}

/* The shared options and the reading of the records, for other data commands (cli_quotes.c). */
int cli_data_parse(int argc, char **argv, data_args *a, void (*usage)(FILE *)) {
    return parse_args(argc, argv, false, a, usage);
}
int cli_data_collect(data_args *a, export_set *set, bool scan) { return load_and_collect(a, set, scan); }
void cli_data_args_free(data_args *a) { args_free(a); }
