/* hash_set: a set of 16-byte fingerprints, for telling "seen already" without keeping what was
 * seen: a record's id read from a second copy of its file, a damaged line or a problem already
 * reported. A fingerprint is BLAKE2b (libsodium) cut to 16 bytes, so two different things share
 * one only by a chance no fleet will meet
 * (under 2^-64 even among four billion).
 *
 * Open addressing, at most 3/4 full: 16 bytes a place, about 32 MB for a million members. An
 * all-zero key marks an empty place; the all-zero fingerprint itself is kept aside in a flag.
 *
 * Pure, no clock. Ownership: a hash_set owns its places (hash_set_free); a zeroed hash_set is
 * an empty one. */
#ifndef PK_HASH_SET_H
#define PK_HASH_SET_H
#include <stdbool.h>
#include <stddef.h>

#define HASH_SET_BYTES 16

typedef struct hash_set {
    unsigned char (*key)[HASH_SET_BYTES];
    size_t cap, n; /* places (0 or a power of two), members */
    bool zero;     /* the all-zero fingerprint is a member (counted in n) */
} hash_set;

/* The fingerprint of a's na bytes followed by b's nb bytes (b NULL: a alone). Callers that
 * keep different things in one set put a kind first ("id\0", "head\0") so they never meet. */
void hash_set_digest(unsigned char out[HASH_SET_BYTES], const void *a, size_t na, const void *b,
                     size_t nb);
/* Adds h: 1 when it was new, 0 when it was a member already, -1 when memory ran out (then s is
 * unchanged and h not added). */
int hash_set_add(hash_set *s, const unsigned char h[HASH_SET_BYTES]);
bool hash_set_has(const hash_set *s, const unsigned char h[HASH_SET_BYTES]);
/* Frees the places and leaves s empty (zeroed), ready to use again. NULL is fine. */
void hash_set_free(hash_set *s);

#endif
