/* config_kiosk_own: what stays a kiosk's own when its content comes from elsewhere.
 *
 * One USB stick may be carried round a library service's five kiosks. Its config brings the
 * content (plan, themes, slides, consultations, languages, theme, loop, accessibility, the
 * feedback wording and timings); what belongs to the machine and its building stays the one in
 * the kiosk's own --config file:
 *   kiosk:                  id (it names the kiosk's feedback folder, gathered by id across a
 *                           fleet), location, and screen: (size, physical width, renderer,
 *                           rotation: the monitor bolted to this wall)
 *   hours:                  when this building is open
 *   feedback.dir            where this kiosk's records go
 *   feedback.fleet_dir      where this kiosk's Syncthing gathers the fleet's folders
 *   feedback.public_key     the key its personal answers are sealed for
 *   staff:                  pin_hash or pin_hash_file, corner, hold_seconds
 * The loader (config_options.kiosk_own) leaves those keys of the stick's file unread and copies
 * the own config's values here, into the stick config's own arena, so nothing points into a
 * config that may be freed first.
 *
 * The content hash follows the same line: BLAKE2b of the document's structure and values with
 * the per-kiosk keys left out. The content store records it when staff choose stick content,
 * and the kiosk's own file "changed since" (so its content wins again) only when this hash
 * changed: a new id, place, PIN or opening hours on the card keep the stick's content. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "config/config.h"
#include "config/config_loader.h"

/* ---- the content hash ----------------------------------------------------------------------- */

static const char *const own_root_keys[] = {"kiosk", "hours", "staff", NULL};
static const char *const own_feedback_keys[] = {"dir", "public_key", "fleet_dir", NULL};

static bool listed(const char *const *names, const char *s) {
    for (int i = 0; names[i]; i++)
        if (!strcmp(names[i], s)) return true;
    return false;
}

static void feed(crypto_generichash_state *h, const void *p, size_t n) {
    crypto_generichash_update(h, (const unsigned char *)p, n);
}

/* Kind, then a scalar's length and bytes, or a collection's items in order: two documents hash
 * alike only when they say the same thing (comments and layout do not count). skip names keys
 * of this mapping to leave out; depth bounds a document of aliases. */
static void hash_node(yctx *y, crypto_generichash_state *h, const ynode *n, int depth, bool root) {
    unsigned char kind = n ? (unsigned char)n->type : 0;
    feed(h, &kind, 1);
    if (!n || depth > 64) return;
    if (n->type == YAML_SCALAR_NODE) {
        unsigned long long len = n->data.scalar.length;
        feed(h, &len, sizeof len);
        feed(h, n->data.scalar.value, n->data.scalar.length);
    } else if (n->type == YAML_SEQUENCE_NODE) {
        for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top;
             i++)
            hash_node(y, h, y_node(y, *i), depth + 1, false);
    } else if (n->type == YAML_MAPPING_NODE) {
        for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
             p++) {
            const ynode *k = y_node(y, p->key);
            const char *key =
                k && k->type == YAML_SCALAR_NODE ? (const char *)k->data.scalar.value : "";
            if (root && listed(own_root_keys, key)) continue;
            const ynode *v = y_node(y, p->value);
            if (root && !strcmp(key, "feedback") && v && v->type == YAML_MAPPING_NODE) {
                /* Feedback's wording is content; its folder and key are the kiosk's. */
                hash_node(y, h, k, depth + 1, false);
                unsigned char m = YAML_MAPPING_NODE;
                feed(h, &m, 1);
                for (yaml_node_pair_t *q = v->data.mapping.pairs.start;
                     q < v->data.mapping.pairs.top; q++) {
                    const ynode *fk = y_node(y, q->key);
                    if (fk && fk->type == YAML_SCALAR_NODE &&
                        listed(own_feedback_keys, (const char *)fk->data.scalar.value))
                        continue;
                    hash_node(y, h, fk, depth + 2, false);
                    hash_node(y, h, y_node(y, q->value), depth + 2, false);
                }
                continue;
            }
            hash_node(y, h, k, depth + 1, false);
            hash_node(y, h, v, depth + 1, false);
        }
    }
    unsigned char end = 0xff; /* where a collection ends: [[a], b] is not [[a, b]] */
    feed(h, &end, 1);
}

void config_content_hash(yctx *y, const ynode *root, char out[17]) {
    crypto_generichash_state h;
    unsigned char d[8];
    crypto_generichash_init(&h, NULL, 0, sizeof d);
    hash_node(y, &h, root, 0, true);
    crypto_generichash_final(&h, d, sizeof d);
    for (int i = 0; i < 8; i++) snprintf(out + 2 * i, 3, "%02x", d[i]);
}

/* ---- taking the kiosk's own settings --------------------------------------------------------- */

static const char *copy(config *c, const char *s) { return s ? arena_strdup(&c->mem, s) : NULL; }

void config_take_kiosk_own(config *c, const config *own) {
    c->kiosk = own->kiosk;
    c->kiosk.id = copy(c, own->kiosk.id);
    c->kiosk.location = copy(c, own->kiosk.location);
    c->hours = own->hours;
    c->feedback.dir = copy(c, own->feedback.dir);
    c->feedback.public_key = copy(c, own->feedback.public_key);
    c->feedback.fleet_dir = copy(c, own->feedback.fleet_dir);
    memcpy(c->feedback.key_fingerprint, own->feedback.key_fingerprint,
           sizeof c->feedback.key_fingerprint);
    c->staff = own->staff;
    c->staff.pin_hash = copy(c, own->staff.pin_hash);
    c->staff.pin_hash_file = copy(c, own->staff.pin_hash_file);
}

const char *config_kiosk_own_line(const config *own, char *buf, size_t size) {
    snprintf(buf, size,
             "Stays this kiosk's own: id %s, location, screen, opening hours, feedback folder%s%s, "
             "staff PIN",
             own->kiosk.id ? own->kiosk.id : "(none)", own->feedback.public_key ? " and key" : "",
             own->feedback.fleet_dir ? ", fleet folder" : "");
    return buf;
}
