/* feedback_log: what visitors said, kept so that nothing acknowledged is ever lost.
 *
 * Layout on disk: <dir>/<kiosk-id>/<YYYY-MM-DD>.jsonl, one JSON object per line (JSON Lines),
 * written with jansson. Each kiosk writes only its own folder, so trees from several kiosks can
 * be gathered into one without conflicts. Abandoned journeys are counted, without content, in
 * <dir>/<kiosk-id>/abandoned/<YYYY-MM-DD>.jsonl.
 *
 * Durability: a record is appended with ONE write() on an O_APPEND descriptor, then the file is
 * fsync()ed (and its folder too when the file is new) before feedback_log_append() returns
 * true; only then may the visitor be thanked. A record is never rewritten or deleted.
 * A power cut mid-write leaves a last line without its newline: feedback_log_open() finds it,
 * leaves it in place, reports it, and appends a lone "\n" so the next record starts on a line
 * of its own and can never be merged into the torn one.
 *
 * Order without a clock: feedback_log_open() counts kiosk starts in <dir>/<kiosk-id>/boot_count
 * (replaced atomically), and every record and abandoned line carries "boot" (that count) and
 * "seq" (1, 2, 3... within the start), so lines can still be put in the order they were written
 * when the kiosk's clock was wrong (a Pi has no clock of its own and often no network).
 *
 * Sealing (optional): when the caller sets log->seal and log->seal_pk after feedback_log_open(),
 * each appended record's personal and free-text fields are sealed with that public key before
 * they are written (store/seal.h); the kiosk never holds the secret key.
 *
 * Ownership: the caller owns the feedback_log (feedback_log_open/feedback_log_close) and every
 * record it passes in; the log keeps no pointers into records. No SDL here. */
#ifndef PK_FEEDBACK_LOG_H
#define PK_FEEDBACK_LOG_H
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>
#include <jansson.h>

#include "core/diag.h"

typedef struct feedback_record {
    char id[37];              /* filled by feedback_log_append (UUID v4) */
    const char *kiosk, *location;
    time_t at;                /* written as ISO 8601 local time with UTC offset */
    const char *config_title, *config_hash;
    const char *consultation; /* its id */
    const char *questions_hash; /* of its questions: which form the answers belong to */
    json_t *answers;          /* question id -> value (option ids, numbers, text; null: none) */
    json_t *personal;         /* ids in answers that are personal or free text (sealed) */
    const char *language;     /* "en" */
    int seconds_taken;
    long long boot, seq;      /* filled by feedback_log_append; 0: not from a log (not written) */
} feedback_record;

/* Releases what journey_record made (answers, personal); the strings are not the record's. */
void feedback_record_release(feedback_record *rec);

/* The system call used to write; tests replace it to simulate a full disk or a short write. */
typedef ssize_t (*feedback_write_fn)(int fd, const void *buf, size_t n);

typedef struct feedback_log {
    char dir[1024];           /* <feedback dir>/<kiosk-id> */
    char kiosk[64];
    feedback_write_fn write_fn; /* write(2) unless a test sets it */
    char last_error[DIAG_LEN];  /* the last failure, for the staff screen; "" if none */
    int torn_lines_found;       /* torn last lines reported by open */
    bool seal;                  /* set after open: seal personal fields with seal_pk */
    unsigned char seal_pk[32];  /* the public key from the config (plankiosk.pub) */
    long long boot;             /* this start's number (boot_count), from 1 */
    long long seq;              /* lines written in this start, records and abandoned alike */
} feedback_log;

/* Prepares the log for kiosk_id under base_dir, creating folders as needed (0750), and repairs
 * torn last lines in this kiosk's files as described above; each torn line found is reported in
 * diags as "FILE:LINE: torn record left by an interrupted write (N bytes); kept as it is".
 * Then counts this start in boot_count (log->boot); a boot_count that cannot be read or
 * replaced is reported in diags and does not stop the log. Returns false with err filled when
 * the folder cannot be created or written. */
bool feedback_log_open(feedback_log *log, const char *base_dir, const char *kiosk_id,
                       diag_list *diags, pk_error *err);
/* Fills rec->id with a fresh UUID v4 (from getrandom) and appends rec durably to the file of
 * rec->at's local date. Returns true only when the record is on disk (written in full and
 * fsync'ed). With log->seal, the record is sealed first (a sealing failure saves nothing: a
 * record is never written unsealed when sealing was asked for). On failure returns false, fills
 * err (and last_error) with a clear reason such as "the disk is full" / "the folder is
 * read-only", and leaves earlier records intact. */
bool feedback_log_append(feedback_log *log, feedback_record *rec, pk_error *err);
/* Counts an abandoned journey (no content): time, step reached, seconds spent. */
bool feedback_log_abandoned(feedback_log *log, time_t at, const char *step, int seconds,
                            pk_error *err);
/* The JSON line (with its trailing '\n') for rec, malloc'ed; the caller frees it. NULL on OOM. */
char *feedback_record_to_json(const feedback_record *rec);
/* t as ISO 8601 local time with its UTC offset, as records write "at": "2026-11-24T14:03:07+00:00". */
void feedback_time_iso(time_t t, char iso[32]);
/* Replaces dir/name with the len bytes of data so that a power cut leaves either the old file
 * or the new one, whole: written to dir/name.tmp, fsync()ed, renamed over dir/name, and the
 * folder fsync()ed. On failure returns false with err filled and removes the .tmp. */
/* fsync() of a file or folder by path (a folder: so what was just created or renamed in it
 * survives a power cut). 0, or -1 with errno. */
int feedback_fsync_path(const char *path);
bool feedback_file_replace(const char *dir, const char *name, const void *data, size_t len,
                           pk_error *err);
/* Appends line (ending in '\n') to folder/name durably, exactly as records are appended: the
 * folder made if it is missing (0750), a torn last line ended with a lone "\n" first, then ONE
 * write() of the whole line on an O_APPEND descriptor, fsync of the file and, when the file is
 * new, of the folder. write_fn NULL: write(2). For other append-only logs one writer keeps
 * (quotes' decisions). On failure false with err "<what> <path>: <reason>" (what: "cannot save
 * feedback to"); earlier lines stay intact and a short write's torn bytes are ended by the next
 * append. */
bool feedback_append_line(const char *folder, const char *name, const char *line,
                          feedback_write_fn write_fn, const char *what, pk_error *err);
/* A new random UUID v4 into out (37 bytes). False if the OS random source failed. */
bool feedback_uuid4(char out[37]);
/* Default feedback directory: $XDG_DATA_HOME/plankiosk, ~/.local/share/plankiosk, or
 * /var/lib/plankiosk when that exists and is writable. */
const char *feedback_log_default_dir(char *buf, size_t size);
void feedback_log_close(feedback_log *log);

#endif
