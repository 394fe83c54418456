/* speech_script: WHAT read-aloud says, as plain text for the speech engine: a slide's heading
 * and all its visible text in reading order, or a feedback step's question and its choices.
 * The words are the screen's own (the config passed is the language being shown, with its
 * wording), so a listener hears what a reader sees. Each part ends as a sentence, so the voice
 * pauses between a heading, a number and its caption.
 *
 * Pure: no SDL and no speech engine, so tests check the words without a sound card.
 * Ownership: the caller's buffer; nothing is kept. */
#ifndef PK_SPEECH_SCRIPT_H
#define PK_SPEECH_SCRIPT_H
#include <stddef.h>
#include <stdint.h>

#include "config/config.h"
#include "content/live.h"
#include "core/date.h"
#include "journey/journey.h"

/* Big enough for the longest slide or step of a config (a full review with 5000 characters of
 * free text); longer scripts are cut at a whole character. */
#define SPEECH_SCRIPT_MAX 32768

/* Slide s of cfg: heading, then every text in reading order; milestone states are derived
 * from as_of as on screen (content_as_of). The you_said and results slides read lv (the live
 * data the slide was drawn with, content/live.h; NULL: none, then only their heading): the
 * page of quotes shown, each with its name, and the results as sentences ("Parks: 45%.").
 * Writes a NUL-terminated script into buf (size bytes) and returns its length in bytes. */
size_t speech_script_slide(const config *cfg, const slide *s, const slide_live *lv, pk_date as_of,
                           char *buf, size_t size);
/* The journey's current screen in its config's language: the question and its choices (themes,
 * faces, age bands, yes/no with the privacy notice), what was typed, the review, thanks or
 * sorry; "Are you still there?" when it shows (with the seconds left at now). Returns the
 * length; "" when no journey is active. */
size_t speech_script_step(const journey *j, uint64_t now, char *buf, size_t size);

#endif
