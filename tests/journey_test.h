/* journey_test: what tests ask of a journey, by question id. The shipped consultation (and the
 * first journey's `feedback:` form, read as one) asks, in order: themes (choices, from the
 * plan's themes, with "Something else" and its box), rating (faces), text, name (first_name),
 * age_band, postcode_district, consent_quote (consent). */
#ifndef PK_JOURNEY_TEST_H
#define PK_JOURNEY_TEST_H
#include <jansson.h>
#include <string.h>

#include "journey/journey.h"

/* Starts the config's first consultation. */
static inline void jt_start(journey *j, uint64_t now) {
    journey_start(j, j->cfg && j->cfg->n_consultations ? &j->cfg->consultations[0] : NULL, now);
}
/* The words typed for question id ("" when none). */
static inline const char *jt_text(const journey *j, const char *id) {
    const answer *a = journey_answer_to(j, id);
    return a && a->text ? a->text : "";
}
/* The answer to question id (NULL when the consultation has no such question). */
static inline const answer *jt_answer(const journey *j, const char *id) { return journey_answer_to(j, id); }
/* A record's answer to question id (NULL when absent). */
static inline const json_t *jt_rec(const feedback_record *r, const char *id) { return json_object_get(r->answers, id); }
/* A record's answer as a string, or NULL (null, absent or not a string). */
static inline const char *jt_rec_str(const feedback_record *r, const char *id) { return json_string_value(jt_rec(r, id)); }

#endif
