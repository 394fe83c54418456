/* seal: key files and sealing of the personal fields of feedback records (the contract is in
 * seal.h). libsodium does the cryptography: crypto_box_keypair for keys, crypto_box_seal and
 * crypto_box_seal_open for records; this file only moves fields in and out of JSON and keeps
 * key files tidy (one base64 line, the secret one 0600, never overwritten). */
#include "store/seal.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The fields that are personal or free text; everything else (themes, rating, times, consent)
 * stays readable so counts and charts work without the key. */
static const char *const sealed_fields[] = {"text", "name", "age_band", "postcode_district"};
#define N_SEALED_FIELDS (sizeof sealed_fields / sizeof sealed_fields[0])

static bool sodium_ready(pk_error *err) {
    if (sodium_init() < 0) return pk_fail(err, "the cryptography library could not start");
    return true;
}

/* ---- key files ------------------------------------------------------------------------- */

static int fsync_path(const char *path, int flags) {
    int fd = open(path, flags | O_CLOEXEC);
    if (fd < 0) return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

/* Writes the base64 line of key into a new file at path with mode, fsync'ed. */
static bool write_key_file(const char *path, const unsigned char key[SEAL_KEY_BYTES], mode_t mode,
                           pk_error *err) {
    char b64[sodium_base64_ENCODED_LEN(SEAL_KEY_BYTES, sodium_base64_VARIANT_ORIGINAL) + 1];
    sodium_bin2base64(b64, sizeof b64 - 1, key, SEAL_KEY_BYTES, sodium_base64_VARIANT_ORIGINAL);
    size_t n = strlen(b64);
    b64[n++] = '\n';
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) return pk_fail(err, "cannot create %s: %s", path, strerror(errno));
    /* The umask may have loosened or tightened the mode: say exactly what we mean. */
    bool ok = fchmod(fd, mode) == 0 && write(fd, b64, n) == (ssize_t)n && fsync(fd) == 0;
    int e = errno;
    close(fd);
    sodium_memzero(b64, sizeof b64);
    if (!ok) {
        unlink(path);
        return pk_fail(err, "cannot write %s: %s", path, strerror(e));
    }
    return true;
}

bool seal_keygen(const char *dir, pk_error *err) {
    if (!dir || !*dir) return pk_fail(err, "no folder was given for the keys");
    if (!sodium_ready(err)) return false;
    struct stat st;
    if (stat(dir, &st) != 0) {
        if (errno != ENOENT || mkdir(dir, 0700) != 0)
            return pk_fail(err, "cannot create the folder %s: %s", dir, strerror(errno));
    } else if (!S_ISDIR(st.st_mode)) {
        return pk_fail(err, "%s is a file, not a folder", dir);
    }
    char pub[4096], key[4096];
    int a = snprintf(pub, sizeof pub, "%s/%s", dir, SEAL_PUBLIC_FILE);
    int b = snprintf(key, sizeof key, "%s/%s", dir, SEAL_SECRET_FILE);
    if (a < 0 || b < 0 || (size_t)a >= sizeof pub || (size_t)b >= sizeof key)
        return pk_fail(err, "the folder path %s is too long", dir);
    const char *paths[2] = {key, pub};
    for (int i = 0; i < 2; i++)
        if (lstat(paths[i], &st) == 0)
            return pk_fail(err,
                           "%s already exists; keygen never overwrites a key (records sealed "
                           "with it could no longer be opened): move it away or choose another "
                           "folder",
                           paths[i]);

    unsigned char pk[SEAL_KEY_BYTES], sk[SEAL_KEY_BYTES];
    crypto_box_keypair(pk, sk);
    bool ok = write_key_file(key, sk, 0600, err);
    sodium_memzero(sk, sizeof sk);
    if (!ok) return false;
    if (!write_key_file(pub, pk, 0644, err)) {
        unlink(key); /* half a pair is no use to anyone */
        return false;
    }
    if (fsync_path(dir, O_RDONLY | O_DIRECTORY) != 0)
        return pk_fail(err, "cannot sync the folder %s: %s", dir, strerror(errno));
    return true;
}

/* Reads one key (32 bytes as base64, surrounding white space allowed) from path. */
static bool load_key(const char *path, unsigned char key[SEAL_KEY_BYTES], pk_error *err) {
    if (!sodium_ready(err)) return false;
    FILE *f = fopen(path, "rb");
    if (!f) return pk_fail(err, "cannot read the key file %s: %s", path, strerror(errno));
    char buf[256];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    bool too_long = !feof(f);
    fclose(f);
    buf[n] = '\0';
    size_t got = 0;
    const char *end = NULL;
    bool ok = !too_long &&
              sodium_base642bin(key, SEAL_KEY_BYTES, buf, n, " \t\r\n", &got, &end,
                                sodium_base64_VARIANT_ORIGINAL) == 0 &&
              got == SEAL_KEY_BYTES && end && *end == '\0';
    sodium_memzero(buf, sizeof buf);
    if (!ok)
        return pk_fail(err,
                       "%s is not a plankiosk key file (one line of base64 holding 32 bytes, as "
                       "made by `plankiosk keygen`)",
                       path);
    return true;
}

bool seal_load_public_key(const char *path, unsigned char pk[SEAL_KEY_BYTES], pk_error *err) {
    return load_key(path, pk, err);
}

bool seal_load_secret_key(const char *path, unsigned char pk[SEAL_KEY_BYTES],
                          unsigned char sk[SEAL_KEY_BYTES], pk_error *err) {
    size_t n = path ? strlen(path) : 0;
    if (n >= 4 && strcmp(path + n - 4, ".pub") == 0)
        return pk_fail(err,
                       "%s is the public key, which can only seal; give the secret key file "
                       "(%s) made with it",
                       path, SEAL_SECRET_FILE);
    if (!load_key(path, sk, err)) return false;
    if (crypto_scalarmult_base(pk, sk) != 0) {
        sodium_memzero(sk, SEAL_KEY_BYTES);
        return pk_fail(err, "%s does not hold a usable secret key", path);
    }
    return true;
}

/* ---- records --------------------------------------------------------------------------- */

bool seal_record_is_sealed(const json_t *rec) {
    return json_is_object(rec) && json_object_get(rec, SEAL_FIELD) != NULL;
}

bool seal_record_json(json_t *rec, const unsigned char pk[SEAL_KEY_BYTES], pk_error *err) {
    if (!json_is_object(rec)) return pk_fail(err, "cannot seal: the record is not a JSON object");
    if (seal_record_is_sealed(rec)) return pk_fail(err, "the record is already sealed");
    if (!sodium_ready(err)) return false;

    json_t *inner = json_object();
    if (!inner) return pk_fail(err, "cannot seal the record: out of memory");
    bool ok = true;
    json_t *answers = json_object_get(rec, "answers"), *personal = json_object_get(rec, "personal"), *e;
    size_t k;
    if (json_is_object(answers)) {
        /* A consultation's record: the answers its "personal" list names. */
        json_t *part = json_object();
        ok = part && json_object_set_new(inner, "answers", part) == 0;
        json_array_foreach(personal, k, e) {
            const char *id = json_string_value(e);
            json_t *v = id ? json_object_get(answers, id) : NULL;
            if (v && ok) ok = json_object_set(part, id, v) == 0;
        }
    } else {
        for (size_t i = 0; i < N_SEALED_FIELDS; i++) {
            json_t *v = json_object_get(rec, sealed_fields[i]);
            ok &= json_object_set(inner, sealed_fields[i], v ? v : json_null()) == 0;
        }
    }
    char *plain = ok ? json_dumps(inner, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    json_decref(inner);
    if (!plain) return pk_fail(err, "cannot seal the record: out of memory");

    size_t plain_len = strlen(plain);
    size_t cipher_len = plain_len + crypto_box_SEALBYTES;
    size_t b64_len = sodium_base64_ENCODED_LEN(cipher_len, sodium_base64_VARIANT_ORIGINAL);
    unsigned char *cipher = malloc(cipher_len);
    char *b64 = malloc(b64_len);
    ok = cipher && b64 && crypto_box_seal(cipher, (const unsigned char *)plain, plain_len, pk) == 0;
    sodium_memzero(plain, plain_len);
    free(plain);
    if (ok) sodium_bin2base64(b64, b64_len, cipher, cipher_len, sodium_base64_VARIANT_ORIGINAL);
    free(cipher);
    json_t *sealed = ok ? json_string(b64) : NULL;
    free(b64);
    if (!sealed) return pk_fail(err, "cannot seal the record: out of memory");

    /* Fields keep their places (as null) so a sealed record has the same shape as any other. */
    for (size_t i = 0; i < N_SEALED_FIELDS && ok; i++)
        if (json_object_get(rec, sealed_fields[i]))
            ok = json_object_set_new(rec, sealed_fields[i], json_null()) == 0;
    if (json_is_object(answers))
        json_array_foreach(personal, k, e) {
            const char *id = json_string_value(e);
            if (ok && id && json_object_get(answers, id)) ok = json_object_set_new(answers, id, json_null()) == 0;
        }
    if (!ok || json_object_set_new(rec, SEAL_FIELD, sealed) != 0)
        return pk_fail(err, "cannot seal the record: out of memory");
    return true;
}

bool open_record_json(json_t *rec, const unsigned char pk[SEAL_KEY_BYTES],
                      const unsigned char sk[SEAL_KEY_BYTES], pk_error *err) {
    if (!json_is_object(rec)) return pk_fail(err, "the record is not a JSON object");
    json_t *sealed = json_object_get(rec, SEAL_FIELD);
    if (!sealed) return true;
    const char *b64 = json_string_value(sealed);
    if (!b64) return pk_fail(err, "the sealed fields are damaged (not a string)");
    if (!sodium_ready(err)) return false;

    size_t b64_len = strlen(b64), cipher_len = 0;
    unsigned char *cipher = malloc(b64_len + 1);
    if (!cipher) return pk_fail(err, "cannot open the record: out of memory");
    const char *end = NULL;
    if (sodium_base642bin(cipher, b64_len + 1, b64, b64_len, NULL, &cipher_len, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        !end || *end != '\0' || cipher_len < crypto_box_SEALBYTES) {
        free(cipher);
        return pk_fail(err, "the sealed fields are damaged (not the base64 of a sealed box)");
    }
    size_t plain_len = cipher_len - crypto_box_SEALBYTES;
    char *plain = malloc(plain_len + 1);
    if (!plain) {
        free(cipher);
        return pk_fail(err, "cannot open the record: out of memory");
    }
    int rc = crypto_box_seal_open((unsigned char *)plain, cipher, cipher_len, pk, sk);
    free(cipher);
    if (rc != 0) {
        free(plain);
        return pk_fail(err, SEAL_WRONG_KEY);
    }
    plain[plain_len] = '\0';
    json_error_t jerr;
    json_t *inner = json_loadb(plain, plain_len, 0, &jerr);
    sodium_memzero(plain, plain_len);
    free(plain);
    if (!json_is_object(inner)) {
        json_decref(inner);
        return pk_fail(err, "the sealed fields are damaged (they open, but are not a record)");
    }
    bool ok = true;
    json_t *part = json_object_get(inner, "answers"), *answers = json_object_get(rec, "answers"), *v;
    const char *id;
    if (json_is_object(part)) {
        if (!json_is_object(answers)) {
            json_decref(inner);
            return pk_fail(err, "the sealed fields are damaged (sealed answers, but the record has none)");
        }
        json_object_foreach(part, id, v) if (ok) ok = json_object_set(answers, id, v) == 0;
    } else {
        for (size_t i = 0; i < N_SEALED_FIELDS && ok; i++) {
            v = json_object_get(inner, sealed_fields[i]);
            ok = json_object_set(rec, sealed_fields[i], v ? v : json_null()) == 0;
        }
    }
    json_decref(inner);
    if (!ok) return pk_fail(err, "cannot open the record: out of memory");
    json_object_del(rec, SEAL_FIELD);
    return true;
}
