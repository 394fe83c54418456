/* languages: each language's name as its own speakers write it, for the language button and
 * the picker ("اردو", "Polski", never flags). Data, not code: a new language is a new row. */
#ifndef PK_LANGUAGES_H
#define PK_LANGUAGES_H
#include <stdbool.h>

/* The name of language `code` in that language, or the code itself when unknown. */
const char *language_own_name(const char *code);
/* True if language `code` is written right to left (Urdu, Arabic, Persian, Hebrew, ...): its
 * screens are mirrored. Unknown codes are left to right. */
bool language_is_rtl(const char *code);

#endif
