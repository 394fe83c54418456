/* quote_screen: the automatic check that runs before a person ever sees a visitor's words for
 * the "You said" slide. It holds back anything that looks like contact details or personal
 * data (a phone number, an e-mail address, a web or social-media address, a full postcode, a
 * house number with a street name, a title with a surname) and any word or phrase on a block
 * list, and says why in words staff understand ("a phone number: 07700 900123").
 *
 * Held back is not hidden: a held quote still waits for a person, who sees the reason and may
 * approve it anyway (a bus number is not a phone number). So the check leans to holding back.
 *
 * Block lists: one word or phrase per line in assets/moderation/<lang>.txt ('#' starts a
 * comment), plus the config's moderation.block words. A text is checked against every
 * language's list, not only its own: visitors mix languages, and a false hold costs a tap.
 * Matching ignores case (Unicode simple folding for the Latin letters the six languages use)
 * and works on whole words (a list word inside a longer word does not match).
 * Digits count in every script (Urdu's ۰-۹ and Arabic's ٠-٩ too).
 *
 * Pure: no SDL, no clock. Ownership: a quote_blocklist owns its words; quote_screen_text
 * fills the caller's quote_check and keeps nothing. */
#ifndef PK_QUOTE_SCREEN_H
#define PK_QUOTE_SCREEN_H
#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"

typedef enum quote_flag {
    QUOTE_FLAG_PHONE = 1u << 0,    /* 07700 900123, +44 1709 382121, (01709) 382 121 */
    QUOTE_FLAG_EMAIL = 1u << 1,    /* name@example.org */
    QUOTE_FLAG_WEB = 1u << 2,      /* www.x.com, https://..., @handle */
    QUOTE_FLAG_POSTCODE = 1u << 3, /* a full UK postcode (S60 1AE); a district alone (S60) is fine */
    QUOTE_FLAG_ADDRESS = 1u << 4,  /* 12 Main Street, ul. Długa 5, strada Unirii 3 */
    QUOTE_FLAG_PERSON = 1u << 5,   /* Mr Smith, pani Kowalska, domnul Popescu */
    QUOTE_FLAG_BLOCKED = 1u << 6,  /* a word or phrase on a block list */
} quote_flag;

typedef struct quote_check {
    unsigned flags;   /* 0: nothing found */
    char reason[320]; /* every finding, "; "-separated, each with what it matched:
                       * "a phone number: 07700 900123; a word on the block list (en): ..." */
} quote_check;

typedef struct quote_blocklist quote_blocklist;

quote_blocklist *quote_blocklist_new(void);
void quote_blocklist_free(quote_blocklist *b);
/* Adds one word or phrase for language lang ("en"); blank or comment-only input is ignored. */
bool quote_blocklist_add(quote_blocklist *b, const char *lang, const char *word);
/* Adds every line of path for lang. False with err ("FILE:LINE: ...") when it cannot be read
 * or a line is not UTF-8. */
bool quote_blocklist_load_file(quote_blocklist *b, const char *lang, const char *path, pk_error *err);
/* Loads <assets_dir>/moderation/<lang>.txt for every such file there. */
bool quote_blocklist_load_dir(quote_blocklist *b, const char *assets_dir, pk_error *err);
/* Words on all lists. */
size_t quote_blocklist_count(const quote_blocklist *b);

/* Checks text (written in lang; NULL if unknown) and returns out->flags. b may be NULL (no
 * block list). Never allocates. */
unsigned quote_screen_text(const char *text, const char *lang, const quote_blocklist *b,
                           quote_check *out);
/* A name for one flag, for the report and the staff screen: "phone number". */
const char *quote_flag_name(quote_flag f);

#endif
