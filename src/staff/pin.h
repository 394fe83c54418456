/* pin: the staff PIN, stored only as a libsodium crypto_pwhash_str hash (Argon2id), and the
 * PIN pad's state: digits typed so far, wrong attempts, and the lockout (5 wrong PINs lock the
 * pad for 5 minutes). Pure and clock-free: the caller passes the time in. */
#ifndef PK_PIN_H
#define PK_PIN_H
#include <stdbool.h>
#include <stdint.h>

#include "core/diag.h"

#define PIN_MIN_DIGITS 4
#define PIN_MAX_DIGITS 12
#define PIN_MAX_ATTEMPTS 5
#define PIN_LOCKOUT_MS (5u * 60u * 1000u)
#define PIN_HASH_MAX 128

/* Hashes a PIN of 4-12 digits into out (PIN_HASH_MAX bytes). False with err for a PIN that is
 * not 4-12 digits or if hashing fails (out of memory). */
bool pin_hash(const char *pin, char *out, pk_error *err);
/* True if pin matches hash. A malformed hash never matches. */
bool pin_verify(const char *hash, const char *pin);
/* True if s looks like a hash pin_hash made (for config validation). */
bool pin_hash_valid(const char *s);

typedef enum { PIN_TYPING, PIN_ACCEPTED, PIN_WRONG, PIN_LOCKED } pin_result;

typedef struct pin_pad {
    char digits[PIN_MAX_DIGITS + 1];
    int failures;           /* wrong PINs since the last right one or the last lockout */
    uint64_t locked_until;  /* 0: not locked */
} pin_pad;

void pin_pad_clear(pin_pad *p); /* forgets the digits, keeps failures and lockout */
/* Types a digit (ignored while locked or when full). */
pin_result pin_pad_digit(pin_pad *p, int digit, uint64_t now);
void pin_pad_backspace(pin_pad *p);
/* Checks the typed PIN against hash: ACCEPTED, WRONG (digits cleared), or LOCKED (the fifth
 * wrong PIN locks the pad; while locked nothing is checked). */
pin_result pin_pad_submit(pin_pad *p, const char *hash, uint64_t now);
bool pin_pad_locked(const pin_pad *p, uint64_t now);
/* Seconds of lockout left (rounded up), 0 when not locked. */
int pin_pad_lock_seconds(const pin_pad *p, uint64_t now);

#endif
