/* export: gathers feedback records from one or more feedback trees (several kiosks, several USB
 * copies of the same kiosk) into one sorted, de-duplicated set, and writes it as CSV (for
 * spreadsheets), JSON or JSON Lines, or as a spreadsheet (.xlsx, export_xlsx.c). report.h draws
 * the same set as an HTML report.
 *
 * The idea: inputs are only ever read. Every *.jsonl file under each folder is taken (except
 * those under an "abandoned" folder, which count visits and hold no answers), each line is
 * parsed on its own, and a damaged line is reported as `FILE:LINE: reason` and skipped, so one
 * torn line never costs the rest. Records are merged and the first record of each `id` is kept
 * (a USB copy holds the same records again); then the date and kiosk filters apply, sealed
 * records are opened when a key was given, and the set is put in order.
 *
 * The order survives a wrong clock. A Pi has no clock of its own, so after a power cut its time
 * may restart at 1970 or at an old saved time; but every record a kiosk writes carries `boot`
 * (its count of starts) and `seq` (1, 2, 3... within a start), which are never wrong. So each
 * kiosk's records are put in the order they were written: first those without boot/seq (written
 * before kiosks numbered their records) by `at`, then the numbered ones by boot, then seq. The
 * kiosks are then merged by time: the next record out is the kiosk's whose next record is
 * earliest, a record's time for this being the latest believable time its kiosk wrote up to it
 * (so records written while a clock was wrong come right after the last one written while it
 * was right; those a kiosk wrote before any believable time, right before the first); same
 * times by `at` as written, then `id`. Where every clock was right this is simply `at`, then
 * `id`. A record's time is not believed (export_record.clock_suspect) when it is before
 * EXPORT_CLOCK_FLOOR or more than CLOCK_JUDGE_SLACK_S earlier than one its kiosk wrote before it
 * (platform/clock_judge.h); its `at` is still written as it is. A kiosk whose boot and seq repeat
 * (its boot counter was lost, or its SD card written afresh: two starts numbered alike) cannot be
 * ordered by them, and is ordered by `at` as records without them are.
 *
 * Ownership: an export_set owns its records (json_t references) and its problem list; free it
 * with export_set_free (NULL is fine). The filter and the folder names are the caller's. */
#ifndef PK_EXPORT_H
#define PK_EXPORT_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "core/date.h"
#include "core/diag.h"
#include "store/seal.h"

#define EXPORT_MAX_KIOSKS 32
#define EXPORT_MAX_CONSULTATIONS 16
#define EXPORT_MAX_KEYS 8
/* No record's time can be true before this (2025-01-01 UTC): no version of plankiosk had been
 * built, so none can have written it. Not the day this program was built: a record written last
 * year by the version before is no less right for being exported by today's. */
#define EXPORT_CLOCK_FLOOR 1735689600LL
/* The consultation id records of the first journey (before consultations) are read as. */
#define EXPORT_FIRST_JOURNEY "feedback"

struct config;

typedef enum export_format { EXPORT_CSV, EXPORT_JSON, EXPORT_JSONL } export_format;

/* Which records to keep. Zeroed means: every record, sealed fields left sealed. */
typedef struct export_filter {
    bool has_since, has_until;
    pk_date since, until;                  /* inclusive, on the local date of `at` */
    const char *kiosks[EXPORT_MAX_KIOSKS]; /* keep only these kiosk ids; none = all */
    int n_kiosks;
    const char *consultations[EXPORT_MAX_CONSULTATIONS]; /* keep only these; none = all */
    int n_consultations;
    int n_keys; /* open sealed records with these key pairs (a key changed during a year) */
    unsigned char pk[EXPORT_MAX_KEYS][SEAL_KEY_BYTES], sk[EXPORT_MAX_KEYS][SEAL_KEY_BYTES];
} export_filter;

/* A fingerprint records were sealed for that no key given opens, and how many. */
typedef struct export_other_key {
    char fingerprint[SEAL_FINGERPRINT_LEN];
    long records;
} export_other_key;

typedef struct export_record {
    json_t *json;  /* the record as read (and opened), owned by the set */
    pk_date day;   /* the local date of `at` */
    long long utc; /* `at` as seconds since 1970 UTC, for sorting */
    bool sealed;   /* personal fields still sealed (no key was given) */
    /* The answers by question id, whatever the record's age: its own "answers", or for a
     * record of the first journey its fields under today's ids (a reference owned by the
     * set); `json` itself stays exactly as read. */
    json_t *answers;
    const char *consultation; /* its id (EXPORT_FIRST_JOURNEY for the first journey's) */
    int clock; /* the time of day of `at` on the kiosk's clock: seconds since its midnight */
    bool clock_suspect; /* its kiosk's clock was wrong when it was written (see the top) */
} export_record;

typedef struct export_input { /* a file that was read, so --out can never replace one */
    dev_t dev;
    ino_t ino;
} export_input;

/* A kiosk with records whose clock was wrong (only those exported are counted). */
typedef struct export_clock_kiosk {
    char *kiosk;       /* its id ("(no kiosk)" for records without one); owned by the set */
    long before_floor; /* dated before EXPORT_CLOCK_FLOOR */
    long went_back;    /* earlier than a record it wrote before them */
    long unnumbered;   /* of those, without boot/seq: ordered by `at`, not as written */
    bool renumbered;   /* its boot and seq repeat: all its records ordered by `at` */
} export_clock_kiosk;

/* The problems found while reading, each "FILE:LINE: reason", never cut short. */
typedef struct export_problems {
    char **items;
    int count, cap;
} export_problems;

typedef struct export_slot export_slot;   /* where a kept record is (export_read.c) */
typedef struct export_files export_files; /* the files read, to read a record again */

typedef struct export_set {
    /* The kept records, in order (see the top): all n of them after export_collect; NULL after
     * export_scan, which keeps only where each is (slots) and reads one at a time
     * (export_record_get), so a year of a fleet's records fits in a few tens of MB. */
    export_record *records;
    size_t n;
    export_slot *slots; /* n of them, in the same order */
    size_t cap_slots;
    export_files *files;
    long read;             /* lines that are records (duplicates included, not those sealed
                            * for a key other than the one given) */
    long duplicates;       /* records dropped because their id was already read */
    long unreadable;       /* lines that are not records, or sealed for a different key */
    long damaged_copies;   /* damaged lines that were copies of one already counted (the same
                            * file read twice: a USB stick brought in again), counted once */
    long filtered_out;     /* records outside --since/--until/--kiosk */
    long sealed;           /* kept records whose personal fields stay sealed */
    long wrong_key;        /* of those, records sealed for a key other than those given: never
                            * dropped, kept sealed (listed by fingerprint in other_keys) */
    export_other_key other_keys[EXPORT_MAX_KEYS];
    int n_other_keys;
    json_t *kiosks_seen;   /* every kiosk id read, filtered out or not (object: id -> true) */
    /* Every answer id the kept records hold, in the order of the first record (in the set's
     * order) holding each, and that record's order of answers (array of strings). */
    json_t *answer_keys;
    long abandoned;         /* visits left before the end (the kiosks' "abandoned" folders), one
                             * per id, within --since/--until/--kiosk */
    json_t *abandoned_steps; /* object: the step each was left at (a question id, "intro",
                              * "review"...) -> count, in the order first seen */
    long clock_suspect;      /* kept records whose kiosk's clock was wrong (clock_suspect) */
    export_clock_kiosk *clock_kiosks; /* the kiosks those are from, and the renumbered ones */
    int n_clock_kiosks;
    long files_read;       /* *.jsonl files read */
    long unreadable_files; /* files or folders that could not be read at all */
    export_problems *problems; /* each unreadable line or file as FILE:LINE: reason */
    export_input *inputs;
    size_t n_inputs, cap_inputs;
    /* The config whose consultations name the columns (set by the caller after collect; NULL:
     * one column per answer found in the records, as it was recorded). Not owned. */
    const struct config *cfg;
    const export_filter *filter; /* as given to export_collect (not owned) */
} export_set;

/* Records of the first journey (top-level themes, rating, text...) are answers to a
 * consultation EXPORT_FIRST_JOURNEY under the same question ids as the shipped one (themes,
 * rating, text, name, age_band, postcode_district, consent_quote), so old and new records
 * line up in the same columns (see export_record.answers). */
/* Reads every feedback file under dirs[0..n_dirs-1] (a folder, searched recursively, or a single
 * .jsonl file) into set (which it zeroes first). Damaged lines and unreadable files are counted
 * and listed in set->problems, and do not fail the call. Returns false with err filled only when
 * an input does not exist or is not a folder or .jsonl file, or memory runs out; set is then
 * empty (but must still be freed). */
bool export_collect(export_set *set, const char *const *dirs, int n_dirs,
                    const export_filter *filter, pk_error *err);
/* The same, but keeping only where each record is (set->records stays NULL): for writing a set
 * of any size a record at a time with export_record_get. Same counts, same order. */
bool export_scan(export_set *set, const char *const *dirs, int n_dirs, const export_filter *filter,
                 pk_error *err);
/* Record i of the set (in its order) into *r: the one held, or read again from its file after
 * export_scan (then *r is the caller's until export_record_release). False with err filled
 * when the file can no longer be read or has changed since. */
bool export_record_get(const export_set *set, size_t i, export_record *r, pk_error *err);
void export_record_release(const export_set *set, export_record *r);
/* Files opened for reading records again, of one's own: export_record_get shares the set's, so
 * a second thread that reads records needs this instead. */
typedef struct export_reader export_reader;
export_reader *export_reader_new(const export_set *set);
bool export_reader_get(export_reader *rd, size_t i, export_record *r, pk_error *err);
void export_reader_free(export_reader *rd);
void export_set_free(export_set *set);

/* Prints the problems, then `records read N, written N, duplicates dropped N, unreadable lines N`
 * and, when they apply, lines on records outside the filters, sealed records, unreadable files
 * and, per kiosk, records written while its clock was wrong ("kiosk K: N records with a wrong
 * clock (...); kept in the order they were written"). More than EXPORT_PROBLEMS_SHOWN problems, and
 * a problems_file (NULL: none) given: the first ones are printed and all of them written to that
 * file, which the summary names. */
#define EXPORT_PROBLEMS_SHOWN 20
void export_print_summary(const export_set *set, FILE *out);
void export_print_summary_to(const export_set *set, FILE *out, const char *problems_file);

/* Writes set to out in format. CSV is RFC 4180 with a UTF-8 byte-order mark and a header row,
 * CRLF line ends, formula-like cells neutralised with a leading quote; after the record's own
 * columns come the answers, each question as its type lays it out (one column, a 0/1 column
 * per option of a `choices`, a rank per option, x and y per pin), named by question id (see
 * export_write_codebook); when any record's clock was wrong, a last column clock_ok (yes/no). JSON
 * nests the answers as recorded. False with err filled when the stream reports a write error. */
bool export_write(FILE *out, const export_set *set, export_format format, pk_error *err);
/* The data dictionary of cfg's consultations (those in filter, or all) as CSV, as Kobo and
 * ODK give one: a row per column of the export (consultation, column, question id, type,
 * required, shown if, the question's words, option id and words) and a row per option of a
 * one-answer question. */
bool export_write_codebook(FILE *out, const struct config *cfg, const export_filter *filter, pk_error *err);
/* The --kiosk ids of filter that no record read has, listed in err with those that were
 * read; true when every one matched something. */
bool export_check_kiosks(const export_set *set, const export_filter *filter, pk_error *err);
/* The consultation ids of filter that cfg does not have, listed in err with those it has;
 * true when all are known. */
bool export_check_consultations(const struct config *cfg, const export_filter *filter, pk_error *err);

/* Something that writes a whole file to out; ctx is passed through. */
typedef bool (*export_writer_fn)(FILE *out, const void *ctx, pk_error *err);
/* Runs fn into path safely: into path.tmp, then fflush + fsync + rename + fsync of the folder,
 * so path is either the old file or the whole new one. path NULL or "-" means standard output.
 * Refuses a path that is one of set's input files (set may be NULL). On failure the .tmp file
 * is removed and err says why. */
bool export_write_file(const char *path, const export_set *set, export_writer_fn fn,
                       const void *ctx, pk_error *err);
/* Writes set as a spreadsheet (.xlsx) to path, as export_write_file does (path.tmp, then
 * renamed: never a half file under the real name; a path that is one of set's inputs is
 * refused). Sheets: "Responses" (the CSV's columns, words always as text, never a formula;
 * numbers as numbers; `at` a date-time in the kiosk's local time), "Codebook" (the rows of
 * export_write_codebook, for set->cfg) and "Summary" (responses per kiosk, day, language and
 * consultation). path NULL or "-" is refused: a workbook needs a file. False with err filled
 * on failure. */
bool export_write_xlsx(const char *path, const export_set *set, pk_error *err);

/* A record's answer to question id (NULL when it has none). */
const json_t *export_answer(const export_record *r, const char *id);
/* The string value of rec[key] (key may be "config.title"), or NULL if missing or not a string. */
const char *export_field_str(const json_t *rec, const char *key);

#endif
