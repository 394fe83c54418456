/* hash_set: the fingerprints that keep a record from counting twice (export, results) and a
 * problem from being said twice: every member is found again, a stranger never is, nothing is
 * lost as the set grows, and a fingerprint is the BLAKE2b it says it is. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "core/hash_set.h"

static void hex(const unsigned char h[HASH_SET_BYTES], char out[2 * HASH_SET_BYTES + 1]) {
    for (int i = 0; i < HASH_SET_BYTES; i++) snprintf(out + 2 * i, 3, "%02x", h[i]);
}

static void digest_is_blake2b_128(void) {
    unsigned char h[HASH_SET_BYTES], parts[HASH_SET_BYTES];
    char s[2 * HASH_SET_BYTES + 1];
    hash_set_digest(h, "abc", 3, NULL, 0);
    hex(h, s);
    CHECK_STR(s, "cf4ab791c62b8d2b2109c90275287816"); /* Python: blake2b(b"abc", digest_size=16) */
    /* Fed in two parts, the same as the bytes in one. */
    hash_set_digest(h, "id\0abc", 6, NULL, 0);
    hash_set_digest(parts, "id", 3, "abc", 3);
    CHECK(!memcmp(h, parts, HASH_SET_BYTES));
    hex(parts, s);
    CHECK_STR(s, "0e26bbdd8e2167aea31b3e1de6a8edf6");
    /* A kind put first keeps an id from meeting a problem with the same words. */
    hash_set_digest(h, "problem", 8, "abc", 3);
    CHECK(memcmp(h, parts, HASH_SET_BYTES) != 0);
}

static void empty_set(void) {
    hash_set s = {0};
    unsigned char h[HASH_SET_BYTES];
    hash_set_digest(h, "x", 1, NULL, 0);
    CHECK(!hash_set_has(&s, h));
    CHECK_INT(s.n, 0);
    hash_set_free(&s);
    hash_set_free(NULL);
}

/* A hundred thousand ids, as a busy month's records: each new once, found again after every
 * growth, and ids never added are not found. */
static void many_members(void) {
    enum { N = 100000 };
    hash_set s = {0};
    unsigned char h[HASH_SET_BYTES];
    char id[32];
    int added = 0, again = 0, found = 0, strangers = 0;
    for (int i = 0; i < N; i++) {
        int n = snprintf(id, sizeof id, "id-%d", i);
        hash_set_digest(h, id, (size_t)n, NULL, 0);
        added += hash_set_add(&s, h) == 1;
    }
    for (int i = 0; i < N; i++) {
        int n = snprintf(id, sizeof id, "id-%d", i);
        hash_set_digest(h, id, (size_t)n, NULL, 0);
        found += hash_set_has(&s, h);
        again += hash_set_add(&s, h) == 0;
        n = snprintf(id, sizeof id, "other-%d", i);
        hash_set_digest(h, id, (size_t)n, NULL, 0);
        strangers += hash_set_has(&s, h);
    }
    CHECK_INT(added, N);
    CHECK_INT(found, N);
    CHECK_INT(again, N);
    CHECK_INT(strangers, 0);
    CHECK_INT(s.n, N);
    CHECK(s.n * 4 <= s.cap * 3); /* never over 3/4 full */
    hash_set_free(&s);
    CHECK_INT(s.n, 0);
    CHECK(s.key == NULL);
}

/* Fingerprints that start alike all want the same place: each still gets one of its own. */
static void same_place(void) {
    hash_set s = {0};
    unsigned char h[HASH_SET_BYTES];
    memset(h, 0xab, sizeof h);
    int added = 0, found = 0;
    for (int i = 0; i < 2000; i++) {
        h[14] = (unsigned char)(i >> 8), h[15] = (unsigned char)i;
        added += hash_set_add(&s, h) == 1;
    }
    for (int i = 0; i < 2000; i++) {
        h[14] = (unsigned char)(i >> 8), h[15] = (unsigned char)i;
        found += hash_set_has(&s, h);
    }
    CHECK_INT(added, 2000);
    CHECK_INT(found, 2000);
    h[13] = 0;
    CHECK(!hash_set_has(&s, h));
    hash_set_free(&s);
}

/* The all-zero fingerprint marks an empty place inside; as a member it is kept aside, counted,
 * and does not make the empty places look full. */
static void zero_fingerprint(void) {
    hash_set s = {0};
    unsigned char zero[HASH_SET_BYTES] = {0}, h[HASH_SET_BYTES];
    CHECK(!hash_set_has(&s, zero));
    CHECK_INT(hash_set_add(&s, zero), 1);
    CHECK(hash_set_has(&s, zero));
    CHECK_INT(hash_set_add(&s, zero), 0);
    CHECK_INT(s.n, 1);
    hash_set_digest(h, "x", 1, NULL, 0);
    CHECK(!hash_set_has(&s, h));
    CHECK_INT(hash_set_add(&s, h), 1);
    CHECK_INT(s.n, 2);
    CHECK(hash_set_has(&s, zero) && hash_set_has(&s, h));
    hash_set_free(&s);
    CHECK(!hash_set_has(&s, zero)); /* freed: empty, and usable again */
    CHECK_INT(hash_set_add(&s, h), 1);
    hash_set_free(&s);
}

int main(void) {
    RUN(digest_is_blake2b_128);
    RUN(empty_set);
    RUN(many_members);
    RUN(same_place);
    RUN(zero_fingerprint);
    return check_report();
}
