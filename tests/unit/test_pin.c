/* The staff PIN: stored only as a hash, checked against it, and five wrong PINs lock the pad
 * for five minutes. */
#include "check.h"
#include "staff/pin.h"

static char hash[PIN_HASH_MAX];

static void hash_and_verify(void) {
    pk_error err = {{0}};
    CHECK(pin_hash("2025", hash, &err));
    CHECK(pin_hash_valid(hash));
    CHECK(strstr(hash, "2025") == NULL); /* the PIN itself is not in the hash */
    CHECK(pin_verify(hash, "2025"));
    CHECK(!pin_verify(hash, "2026"));
    CHECK(!pin_verify(hash, ""));
    CHECK(!pin_verify("not a hash", "2025"));
    char other[PIN_HASH_MAX];
    CHECK(pin_hash("2025", other, &err));
    CHECK(strcmp(hash, other) != 0); /* salted: the same PIN hashes differently */
    CHECK(pin_verify(other, "2025"));
    /* A damaged hash is not a hash: cut short anywhere, or with a character changed into one
     * that is not base64, it is refused (and so opens for no PIN). */
    char cut[PIN_HASH_MAX];
    size_t n = strlen(hash);
    for (size_t keep = 10; keep < n; keep += 7) {
        snprintf(cut, sizeof cut, "%.*s", (int)keep, hash);
        CHECK(!pin_hash_valid(cut));
        CHECK(!pin_verify(cut, "2025"));
    }
    snprintf(cut, sizeof cut, "%.*s", (int)(n - 1), hash);
    CHECK(!pin_hash_valid(cut));
    snprintf(cut, sizeof cut, "%s", hash);
    cut[n - 5] = '*';
    CHECK(!pin_hash_valid(cut));
    CHECK(!pin_hash_valid("$argon2id$v=19$m=16384,t=2,p=1$"));
}

static void bad_pins_refused(void) {
    const char *bad[] = {"", "123", "12a4", "1234567890123", "12 34", "-1234", NULL};
    char out[PIN_HASH_MAX];
    for (int i = 0; bad[i]; i++) {
        pk_error err = {{0}};
        CHECK(!pin_hash(bad[i], out, &err));
        CHECK_CONTAINS(err.msg, "4 to 12 digits");
    }
}

static void type(pin_pad *p, const char *digits, uint64_t now) {
    for (const char *d = digits; *d; d++) pin_pad_digit(p, *d - '0', now);
}

static void lockout_after_five(void) {
    pin_pad p = {0};
    uint64_t now = 1000;
    for (int i = 1; i <= 4; i++) {
        type(&p, "1111", now);
        CHECK_INT(pin_pad_submit(&p, hash, now), PIN_WRONG);
        CHECK_STR(p.digits, ""); /* cleared after each try */
        CHECK_INT(p.failures, i);
    }
    type(&p, "1111", now);
    CHECK_INT(pin_pad_submit(&p, hash, now), PIN_LOCKED);
    CHECK(pin_pad_locked(&p, now));
    CHECK_INT(pin_pad_lock_seconds(&p, now), 300);
    /* While locked even the right PIN is not checked, and digits are not taken. */
    CHECK_INT(pin_pad_digit(&p, 2, now + 1000), PIN_LOCKED);
    CHECK_STR(p.digits, "");
    type(&p, "2025", now + 1000);
    CHECK_INT(pin_pad_submit(&p, hash, now + 1000), PIN_LOCKED);
    CHECK_INT(pin_pad_lock_seconds(&p, now + 60000), 240);
    /* Five minutes on, the pad opens again and the right PIN is accepted. */
    now += PIN_LOCKOUT_MS;
    CHECK(!pin_pad_locked(&p, now));
    type(&p, "2025", now);
    CHECK_INT(pin_pad_submit(&p, hash, now), PIN_ACCEPTED);
    CHECK_INT(p.failures, 0);
}

static void right_pin_resets_failures(void) {
    pin_pad p = {0};
    type(&p, "9999", 0);
    CHECK_INT(pin_pad_submit(&p, hash, 0), PIN_WRONG);
    type(&p, "2025", 0);
    CHECK_INT(pin_pad_submit(&p, hash, 0), PIN_ACCEPTED);
    CHECK_INT(p.failures, 0);
    type(&p, "12345678901234", 0); /* no more than 12 digits are taken */
    CHECK_INT(strlen(p.digits), PIN_MAX_DIGITS);
    pin_pad_backspace(&p);
    CHECK_INT(strlen(p.digits), PIN_MAX_DIGITS - 1);
}

int main(void) {
    RUN(hash_and_verify);
    RUN(bad_pins_refused);
    RUN(lockout_after_five);
    RUN(right_pin_resets_failures);
    return check_report();
}
