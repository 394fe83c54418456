/* seal: encryption at rest for the personal part of a feedback record, so a stolen SD card
 * reveals counts and themes but nothing personal.
 *
 * The idea: staff make a key pair once with `plankiosk keygen` on their own computer. The kiosk
 * is given only the public key; for each record it moves the personal and free-text answers
 * (those the record's "personal" list names: first names, age bands, postcode districts, free
 * text, "Something else" words) into one field
 *     "sealed": "<base64 of crypto_box_seal({"answers": {those answers}})>"
 * and writes those answers as null. Records of the first journey (before consultations) had
 * four such fields at the top (text, name, age_band, postcode_district) and still open. crypto_box_seal is anonymous public-key encryption: the
 * kiosk can seal but can never open what it sealed, so it never holds anything that reads its
 * own records. `export` and `report` take the secret key file to open them again.
 *
 * Key files are three lines: "plankiosk public key v1" or "plankiosk secret key v1", then
 * "fingerprint XXXX-XXXX-XXXX-XXXX" (of the public key), then the 32-byte key as standard
 * base64: plankiosk.pub (the public key) and plankiosk.key (the secret key, mode 0600). Files
 * from before are the base64 line alone, and still read. A sealed record says which public key
 * it was sealed for in "sealed_for" (its fingerprint).
 *
 * Ownership: keys live in caller-owned 32-byte arrays; the json_t records are the caller's and
 * are changed in place. Functions that can fail return false and fill err. */
#ifndef PK_SEAL_H
#define PK_SEAL_H
#include <jansson.h>
#include <stdbool.h>

#include "core/diag.h"

#define SEAL_KEY_BYTES 32
#define SEAL_PUBLIC_FILE "plankiosk.pub"
#define SEAL_SECRET_FILE "plankiosk.key"
#define SEAL_FIELD "sealed"
/* The message open_record_json gives when the key does not fit the record. */
#define SEAL_WRONG_KEY "this record was sealed for a different key"
/* "3f9a-0c7d-5e21-ab34": the first 64 bits of a keyed BLAKE2b of a public key, which names the
 * pair on the staff screen, in `check`, in each sealed record ("sealed_for") and in export's
 * messages; and a NUL. */
#define SEAL_FINGERPRINT_LEN 20
#define SEAL_FINGERPRINT_FIELD "sealed_for"

/* What a key file says it is: files from plankiosk before 2027 are one untyped base64 line. */
typedef enum { SEAL_KEY_UNTYPED, SEAL_KEY_PUBLIC, SEAL_KEY_SECRET } seal_key_kind;

void seal_fingerprint(const unsigned char pk[SEAL_KEY_BYTES], char out[SEAL_FINGERPRINT_LEN]);

/* Makes a new key pair in dir (created with mode 0700 if missing): dir/plankiosk.pub (0644) and
 * dir/plankiosk.key (0600), each fsync'ed. Refuses, writing nothing, when either file already
 * exists, so a key that sealed records can never be overwritten by accident. */
bool seal_keygen(const char *dir, pk_error *err);
/* Reads a public key file into pk, and what the file says it is into *kind (may be NULL).
 * Refuses a secret key file (a kiosk holding it would hold the key to every record) and a file
 * that is neither; an untyped file from before is read (`check` warns that it cannot tell). */
bool seal_load_public_key(const char *path, unsigned char pk[SEAL_KEY_BYTES], seal_key_kind *kind, pk_error *err);
/* Reads a secret key file into sk and derives its public key into pk (crypto_scalarmult_base).
 * Refuses a public key file (or an untyped one named *.pub) with a message saying the secret
 * key is needed. */
bool seal_load_secret_key(const char *path, unsigned char pk[SEAL_KEY_BYTES],
                          unsigned char sk[SEAL_KEY_BYTES], pk_error *err);

/* True if rec carries a "sealed" field (whether or not it could be opened). */
bool seal_record_is_sealed(const json_t *rec);
/* Seals rec in place for pk as described above. Fails (rec unchanged) when rec is not an object,
 * is already sealed, or memory runs out. */
bool seal_record_json(json_t *rec, const unsigned char pk[SEAL_KEY_BYTES], pk_error *err);
/* Opens a sealed rec in place: restores the four fields and removes "sealed". A record that is
 * not sealed is left as it is (true). A key that does not fit gives SEAL_WRONG_KEY; a damaged
 * "sealed" value says so. On failure rec is unchanged (unless memory ran out). */
bool open_record_json(json_t *rec, const unsigned char pk[SEAL_KEY_BYTES],
                      const unsigned char sk[SEAL_KEY_BYTES], pk_error *err);

#endif
