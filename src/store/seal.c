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

void seal_fingerprint(const unsigned char pk[SEAL_KEY_BYTES], char out[SEAL_FINGERPRINT_LEN]) {
    unsigned char h[8];
    crypto_generichash(h, sizeof h, pk, SEAL_KEY_BYTES, (const unsigned char *)"plankiosk", 9);
    snprintf(out, SEAL_FINGERPRINT_LEN, "%02x%02x-%02x%02x-%02x%02x-%02x%02x", h[0], h[1], h[2], h[3], h[4], h[5],
             h[6], h[7]);
}

static const char *const type_line[] = {"", "plankiosk public key v1", "plankiosk secret key v1"};

/* Writes a key file: its type, the fingerprint of the public key it goes with, and the key as
 * one line of base64; into a new file at path with mode, fsync'ed. */
static bool write_key_file(const char *path, seal_key_kind kind, const unsigned char key[SEAL_KEY_BYTES],
                           const unsigned char pk[SEAL_KEY_BYTES], mode_t mode, pk_error *err) {
    char b64[sodium_base64_ENCODED_LEN(SEAL_KEY_BYTES, sodium_base64_VARIANT_ORIGINAL) + 1], fp[SEAL_FINGERPRINT_LEN];
    sodium_bin2base64(b64, sizeof b64 - 1, key, SEAL_KEY_BYTES, sodium_base64_VARIANT_ORIGINAL);
    seal_fingerprint(pk, fp);
    char text[256];
    int n0 = snprintf(text, sizeof text, "%s\nfingerprint %s\n%s\n", type_line[kind], fp, b64);
    size_t n = n0 > 0 ? (size_t)n0 : 0;
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) return pk_fail(err, "cannot create %s: %s", path, strerror(errno));
    /* The umask may have loosened or tightened the mode: say exactly what we mean. */
    bool ok = fchmod(fd, mode) == 0 && write(fd, text, n) == (ssize_t)n && fsync(fd) == 0;
    int e = errno;
    close(fd);
    sodium_memzero(b64, sizeof b64);
    sodium_memzero(text, sizeof text);
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
    bool ok = write_key_file(key, SEAL_KEY_SECRET, sk, pk, 0600, err);
    sodium_memzero(sk, sizeof sk);
    if (!ok) return false;
    if (!write_key_file(pub, SEAL_KEY_PUBLIC, pk, pk, 0644, err)) {
        unlink(key); /* half a pair is no use to anyone */
        return false;
    }
    if (fsync_path(dir, O_RDONLY | O_DIRECTORY) != 0)
        return pk_fail(err, "cannot sync the folder %s: %s", dir, strerror(errno));
    return true;
}

/* Reads a key file: its kind from its first line (an untyped file from before is one line of
 * base64), and the key (32 bytes as base64). A fingerprint line, when there is one, is checked
 * against pk_of (the public key the file's key goes with; NULL: the key itself). */
static bool load_key(const char *path, unsigned char key[SEAL_KEY_BYTES], seal_key_kind *kind, pk_error *err) {
    if (!sodium_ready(err)) return false;
    FILE *f = fopen(path, "rb");
    if (!f) return pk_fail(err, "cannot read the key file %s: %s", path, strerror(errno));
    char buf[512];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    bool too_long = !feof(f);
    fclose(f);
    buf[n] = '\0';
    *kind = SEAL_KEY_UNTYPED;
    char *body = buf, fp[SEAL_FINGERPRINT_LEN] = "";
    for (int k = SEAL_KEY_PUBLIC; k <= SEAL_KEY_SECRET; k++) {
        size_t len = strlen(type_line[k]);
        if (!strncmp(buf, type_line[k], len) && (buf[len] == '\n' || buf[len] == '\r')) {
            *kind = (seal_key_kind)k;
            body = buf + len;
        }
    }
    if (*kind != SEAL_KEY_UNTYPED) {
        while (*body == '\r' || *body == '\n') body++;
        if (!strncmp(body, "fingerprint ", 12)) {
            snprintf(fp, sizeof fp, "%.19s", body + 12);
            body = strchr(body, '\n');
            body = body ? body + 1 : buf + n;
        }
    }
    size_t got = 0;
    const char *end = NULL;
    bool ok = !too_long && (*kind != SEAL_KEY_UNTYPED || strncmp(buf, "plankiosk", 9)) &&
              sodium_base642bin(key, SEAL_KEY_BYTES, body, strlen(body), " \t\r\n", &got, &end,
                                sodium_base64_VARIANT_ORIGINAL) == 0 &&
              got == SEAL_KEY_BYTES && end && *end == '\0';
    sodium_memzero(buf, sizeof buf);
    if (!ok)
        return pk_fail(err,
                       "%s is not a plankiosk key file (\"%s\" or \"%s\", a fingerprint, and the key "
                       "as one line of base64, as `plankiosk keygen` makes them)",
                       path, type_line[SEAL_KEY_PUBLIC], type_line[SEAL_KEY_SECRET]);
    if (fp[0]) {
        unsigned char pk[SEAL_KEY_BYTES];
        char want[SEAL_FINGERPRINT_LEN];
        if (*kind == SEAL_KEY_SECRET) crypto_scalarmult_base(pk, key);
        else memcpy(pk, key, sizeof pk);
        seal_fingerprint(pk, want);
        if (strcmp(fp, want)) {
            sodium_memzero(key, SEAL_KEY_BYTES);
            return pk_fail(err, "%s is damaged: its key does not have the fingerprint written in it (%s)", path, fp);
        }
    }
    return true;
}

bool seal_load_public_key(const char *path, unsigned char pk[SEAL_KEY_BYTES], seal_key_kind *kind, pk_error *err) {
    seal_key_kind k;
    if (!load_key(path, pk, &k, err)) return false;
    if (kind) *kind = k;
    if (k == SEAL_KEY_SECRET) {
        sodium_memzero(pk, SEAL_KEY_BYTES);
        return pk_fail(err,
                       "%s is the SECRET key: a kiosk must only ever hold the public key (%s), "
                       "or it would keep the key to every record it seals; give the kiosk the "
                       "public key and keep this one with staff",
                       path, SEAL_PUBLIC_FILE);
    }
    return true;
}

bool seal_load_secret_key(const char *path, unsigned char pk[SEAL_KEY_BYTES],
                          unsigned char sk[SEAL_KEY_BYTES], pk_error *err) {
    size_t n = path ? strlen(path) : 0;
    seal_key_kind k = SEAL_KEY_UNTYPED;
    if (!(n >= 4 && strcmp(path + n - 4, ".pub") == 0) && !load_key(path, sk, &k, err)) return false;
    if (k == SEAL_KEY_PUBLIC || (k == SEAL_KEY_UNTYPED && n >= 4 && strcmp(path + n - 4, ".pub") == 0)) {
        sodium_memzero(sk, SEAL_KEY_BYTES);
        return pk_fail(err,
                       "%s is the public key, which can only seal; give the secret key file "
                       "(%s) made with it",
                       path, SEAL_SECRET_FILE);
    }
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
    char fp[SEAL_FINGERPRINT_LEN];
    seal_fingerprint(pk, fp);
    if (!ok || json_object_set_new(rec, SEAL_FIELD, sealed) != 0 ||
        json_object_set_new(rec, SEAL_FINGERPRINT_FIELD, json_string(fp)) != 0)
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
    json_object_del(rec, SEAL_FINGERPRINT_FIELD);
    return true;
}
