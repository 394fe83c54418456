/* hash_set: a set of 16-byte fingerprints (the contract is in hash_set.h). */
#include "core/hash_set.h"

#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define FIRST_CAP 1024

static const unsigned char zero_key[HASH_SET_BYTES];

void hash_set_digest(unsigned char out[HASH_SET_BYTES], const void *a, size_t na, const void *b,
                     size_t nb) {
    crypto_generichash_state st;
    crypto_generichash_init(&st, NULL, 0, HASH_SET_BYTES);
    crypto_generichash_update(&st, a, na);
    if (b) crypto_generichash_update(&st, b, nb);
    crypto_generichash_final(&st, out, HASH_SET_BYTES);
}

static bool is_zero(const unsigned char h[HASH_SET_BYTES]) {
    return !memcmp(h, zero_key, HASH_SET_BYTES);
}

/* Where h is, or the empty place it would go (cap > 0, h not zero). The fingerprint's first
 * bytes are already uniform: they pick the place as they are. */
static size_t place(const hash_set *s, const unsigned char h[HASH_SET_BYTES]) {
    uint64_t start;
    memcpy(&start, h, sizeof start);
    size_t i = start & (s->cap - 1);
    while (!is_zero(s->key[i]) && memcmp(s->key[i], h, HASH_SET_BYTES)) i = (i + 1) & (s->cap - 1);
    return i;
}

int hash_set_add(hash_set *s, const unsigned char h[HASH_SET_BYTES]) {
    if (is_zero(h)) {
        if (s->zero) return 0;
        s->zero = true;
        s->n++;
        return 1;
    }
    if ((s->n - s->zero + 1) * 4 > s->cap * 3) { /* the zero member takes no place */
        hash_set grown = {.cap = s->cap ? s->cap * 2 : FIRST_CAP, .n = s->n, .zero = s->zero};
        if (!(grown.key = calloc(grown.cap, HASH_SET_BYTES))) return -1;
        for (size_t i = 0; i < s->cap; i++)
            if (!is_zero(s->key[i]))
                memcpy(grown.key[place(&grown, s->key[i])], s->key[i], HASH_SET_BYTES);
        free(s->key);
        *s = grown;
    }
    size_t i = place(s, h);
    if (!is_zero(s->key[i])) return 0;
    memcpy(s->key[i], h, HASH_SET_BYTES);
    s->n++;
    return 1;
}

bool hash_set_has(const hash_set *s, const unsigned char h[HASH_SET_BYTES]) {
    if (is_zero(h)) return s->zero;
    return s->cap && !is_zero(s->key[place(s, h)]);
}

void hash_set_free(hash_set *s) {
    if (!s) return;
    free(s->key);
    memset(s, 0, sizeof *s);
}
