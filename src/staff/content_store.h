/* content_store: new content brought on a USB stick, kept on the kiosk's own disk so it
 * survives the stick being pulled out and a power cut at any moment.
 *
 * The store is a folder beside the feedback, <feedback dir>/content/:
 *   20260528-101500/   one version: a copy of the stick's plankiosk/ folder (config.yaml and
 *   20260601-093000/   the pictures it names), made under .tmp-<name>/, fsynced, then renamed
 *   current            the pointer: which version is in use, the one before it, and the hash of
 *                      the kiosk's own --config file when staff last chose (three short lines,
 *                      replaced whole: .tmp, fsync, rename, fsync of the folder)
 * A version is only ever used through the pointer, and the pointer only ever names a whole,
 * synced version, so a power cut leaves either the old or the new content in use, never a mix.
 * Leftovers of an interrupted install (.tmp-* folders, current.tmp) are removed on open.
 *
 * Which config wins at start (content_store_choose): the version in the pointer, unless the
 * kiosk's own --config file's content has changed since staff last chose content on the kiosk
 * (its content hash differs from the one recorded): then staff edited the card's content more
 * recently, and it wins. The content hash (config.content_hash) leaves out what stays a kiosk's
 * own (config_kiosk_own.c: id, place, screen, hours, feedback folder and key, staff), so a new
 * PIN or place on the card keeps the stick's content; the kiosk applies the same rule when the
 * own file is edited while it runs (kiosk_content_reload).
 *
 * A version name "" means the kiosk's own --config file. No SDL; the caller loads and checks
 * configs (the store copies files and moves the pointer, nothing else). */
#ifndef PK_CONTENT_STORE_H
#define PK_CONTENT_STORE_H
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/diag.h"

#define CONTENT_STORE_KEEP 3                   /* versions kept (besides the two in the pointer) */
#define CONTENT_STORE_NAME 40                  /* a version name, or a hash, with its NUL */
#define CONTENT_STORE_MAX_BYTES (512ull << 20) /* the most a stick's folder may hold */
#define CONTENT_STORE_MAX_DEPTH 8              /* folders inside folders, at most */

typedef struct content_store {
    char dir[PATH_MAX];                 /* <feedback dir>/content */
    char current[CONTENT_STORE_NAME];   /* the version the pointer names, "" for the own file */
    char previous[CONTENT_STORE_NAME];  /* the one "Go back" returns to, "" for the own file */
    char base_hash[CONTENT_STORE_NAME]; /* the own file's hash when the pointer was last set */
} content_store;

typedef struct content_store_limits {
    unsigned long long max_bytes; /* 0: CONTENT_STORE_MAX_BYTES */
    int max_depth;                /* 0: CONTENT_STORE_MAX_DEPTH */
    /* Free bytes on the store's disk; NULL asks statvfs. Tests pretend a full disk. */
    bool (*free_bytes)(const char *dir, unsigned long long *out, void *ud);
    void *ud;
} content_store_limits;

/* Reads the pointer of the store under feedback_dir (which need not exist yet: then nothing is
 * in use) and removes what an interrupted install left. False with err (naming the file) if
 * the pointer cannot be read; *s then says nothing is in use, so the own file is used. */
bool content_store_open(content_store *s, const char *feedback_dir, pk_error *err);

/* At start: true and the version's config.yaml in path when stick content is to be used; false
 * when the own file is used, with why a sentence for the journal ("" when the store is simply
 * empty). base_hash is the own --config file's content hash (cfg->content_hash). */
bool content_store_choose(const content_store *s, const char *base_hash, char *path, size_t size, char *why,
                          size_t why_size);

/* Copies src_dir (a stick's plankiosk/ folder) into a new version named for now (local time,
 * YYYYMMDD-HHMMSS) and points the store at it; in_use (the version the kiosk shows, "" for
 * the own file) becomes the previous one, base_hash is recorded. Only regular files and
 * folders (to lim->max_depth) are copied; a symbolic link, anything else, a folder over the
 * size cap or a disk without room for it is refused before anything is written, and a disk
 * that fills up while copying leaves the pointer as it was. Old versions beyond
 * CONTENT_STORE_KEEP are deleted. lim may be NULL. name (CONTENT_STORE_NAME bytes) gets the
 * new version's name. Messages name files as the stick shows them ("plankiosk/a/b.png"). */
bool content_store_install(content_store *s, const char *src_dir, const char *in_use, const char *base_hash,
                           time_t now, const content_store_limits *lim, char *name, pk_error *err);

/* True when "Go back" has somewhere to go from in_use: the kiosk shows a stored version. */
bool content_store_can_go_back(const content_store *s, const char *in_use);

/* Points the store back at the previous content (a version, or "" for the own file); the one
 * before that becomes the previous (the newest older version kept, or the own file). The
 * version left stays on disk until newer ones push it out. base_hash as for install. */
bool content_store_go_back(content_store *s, const char *base_hash, pk_error *err);

/* <dir>/<version>/config.yaml into out. */
void content_store_config_path(const content_store *s, const char *version, char *out, size_t size);

/* The versions on disk, oldest first (at most max). */
int content_store_versions(const content_store *s, char names[][CONTENT_STORE_NAME], int max);

#endif
