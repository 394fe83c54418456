#include "staff/pin.h"

#include <sodium.h>
#include <string.h>

/* Argon2id at libsodium's interactive cost, with 16 MiB rather than 64: a PIN is checked on a
 * Raspberry Pi, and the 5-attempt lockout is what really protects a short PIN. */
#define PIN_OPSLIMIT crypto_pwhash_OPSLIMIT_INTERACTIVE
#define PIN_MEMLIMIT (16u << 20)

static bool all_digits(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

bool pin_hash(const char *pin, char *out, pk_error *err) {
    size_t n = strlen(pin);
    if (n < PIN_MIN_DIGITS || n > PIN_MAX_DIGITS || !all_digits(pin, n))
        return pk_fail(err, "a PIN is %d to %d digits (0-9), nothing else", PIN_MIN_DIGITS, PIN_MAX_DIGITS);
    if (sodium_init() < 0) return pk_fail(err, "libsodium could not start");
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, pin, n, PIN_OPSLIMIT, PIN_MEMLIMIT) != 0)
        return pk_fail(err, "hashing the PIN ran out of memory");
    if (strlen(hash) >= PIN_HASH_MAX) return pk_fail(err, "the PIN hash is unexpectedly long");
    strcpy(out, hash);
    return true;
}

/* A whole hash, not only its prefix: a hash cut short (a damaged staff-pin.hash, a line copied
 * in part) would pass `check` and then open for no PIN at all. libsodium parses the string; the
 * tag must be crypto_pwhash_STRBYTES' 32 bytes (43 base64 characters, no padding). */
bool pin_hash_valid(const char *s) {
    if (!s || strncmp(s, "$argon2id$", 10) != 0 || strlen(s) >= PIN_HASH_MAX) return false;
    if (sodium_init() < 0 || crypto_pwhash_str_needs_rehash(s, PIN_OPSLIMIT, PIN_MEMLIMIT) == -1) return false;
    const char *tag = strrchr(s, '$') + 1;
    return strlen(tag) == 43 && strspn(tag, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") == 43;
}

bool pin_verify(const char *hash, const char *pin) {
    if (!pin_hash_valid(hash) || sodium_init() < 0) return false;
    return crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0;
}

void pin_pad_clear(pin_pad *p) { sodium_memzero(p->digits, sizeof p->digits); }

bool pin_pad_locked(const pin_pad *p, uint64_t now) { return p->locked_until && now < p->locked_until; }

int pin_pad_lock_seconds(const pin_pad *p, uint64_t now) {
    return pin_pad_locked(p, now) ? (int)((p->locked_until - now + 999) / 1000) : 0;
}

pin_result pin_pad_digit(pin_pad *p, int digit, uint64_t now) {
    if (pin_pad_locked(p, now)) return PIN_LOCKED;
    size_t n = strlen(p->digits);
    if (digit >= 0 && digit <= 9 && n < PIN_MAX_DIGITS) {
        p->digits[n] = (char)('0' + digit);
        p->digits[n + 1] = '\0';
    }
    return PIN_TYPING;
}

void pin_pad_backspace(pin_pad *p) {
    size_t n = strlen(p->digits);
    if (n) p->digits[n - 1] = '\0';
}

pin_result pin_pad_submit(pin_pad *p, const char *hash, uint64_t now) {
    if (pin_pad_locked(p, now)) return PIN_LOCKED;
    if (p->locked_until) p->locked_until = 0; /* a lockout that has run out */
    bool ok = pin_verify(hash, p->digits);
    pin_pad_clear(p);
    if (ok) {
        p->failures = 0;
        return PIN_ACCEPTED;
    }
    if (++p->failures >= PIN_MAX_ATTEMPTS) {
        p->failures = 0;
        p->locked_until = now + PIN_LOCKOUT_MS;
        return PIN_LOCKED;
    }
    return PIN_WRONG;
}
