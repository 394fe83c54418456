/* place: pins tapped on a picture (a town-centre map), up to `max`. A tap on the picture drops
 * a pin at that point in the picture's own pixels; a tap on a pin (W_PIN, its index) takes it
 * away. Recorded as [[x, y], ...]; exported as x and y per pin. */
#include <stdio.h>
#include <string.h>

#include "consult/questions/questions.h"

static int limit(const question *q) { return q->max > 0 ? q->max : 1; }

static tap_result tap(const question *q, answer *a, int i) {
    (void)q;
    if (i < 0 || i >= a->n_pins) return TAP_NOTHING;
    memmove(&a->pins[i], &a->pins[i + 1], sizeof a->pins[0] * (size_t)(a->n_pins - i - 1));
    a->n_pins--;
    return TAP_CHANGED;
}

static tap_result tap_at(const question *q, answer *a, int x, int y) {
    if (x < 0 || y < 0 || x >= q->image_w || y >= q->image_h) return TAP_NOTHING;
    if (a->n_pins >= limit(q)) return TAP_FULL;
    a->pins[a->n_pins++] = (answer_pin){x, y};
    return TAP_CHANGED;
}

static bool answered(const question *q, const answer *a) {
    (void)q;
    return a->n_pins > 0;
}

static json_t *encode(const question *q, const answer *a) {
    (void)q;
    json_t *arr = json_array();
    for (int i = 0; arr && i < a->n_pins; i++) json_array_append_new(arr, json_pack("[ii]", a->pins[i].x, a->pins[i].y));
    return arr;
}

/* Pins are seen on the picture; in words they are only counted ("2 pins"). */
static void describe(const question *q, const answer *a, const char *const *ui, char *buf, size_t size) {
    (void)q;
    if (a->n_pins == 1) {
        snprintf(buf, size, "%s", ui[UI_PLACE_ONE_PIN]);
        return;
    }
    const char *tmpl = ui[UI_PLACE_PINS], *pct = strstr(tmpl, "%d");
    if (pct) snprintf(buf, size, "%.*s%d%s", (int)(pct - tmpl), tmpl, a->n_pins, pct + 2);
    else snprintf(buf, size, "%d %s", a->n_pins, tmpl);
}

static void columns(const question *q, column_fn col, void *ctx) {
    char name[32];
    for (int i = 1; i <= limit(q); i++) {
        snprintf(name, sizeof name, ".%d.x", i);
        col(ctx, name);
        snprintf(name, sizeof name, ".%d.y", i);
        col(ctx, name);
    }
}

static void cells(const question *q, const json_t *answers, cell_fn cell, void *ctx) {
    const json_t *v = json_object_get(answers, q->id);
    char num[16];
    for (int i = 0; i < limit(q); i++) {
        const json_t *pin = json_array_get(v, (size_t)i);
        for (int k = 0; k < 2; k++) {
            const json_t *c = json_array_get(pin, (size_t)k);
            snprintf(num, sizeof num, "%lld", (long long)json_integer_value(c));
            cell(ctx, json_is_integer(c) ? num : NULL);
        }
    }
}

const question_kind question_place = {
    .name = "place", .tap = tap, .answered = answered, .encode = encode, .describe = describe,
    .columns = columns, .cells = cells, .numbers = COLUMNS_NUMBERS, .tap_at = tap_at,
};
