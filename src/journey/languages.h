/* languages: each language's name as its own speakers write it, for the language button and
 * the picker ("اردو", "Polski", never flags). Data, not code: a new language is a new row. */
#ifndef PK_LANGUAGES_H
#define PK_LANGUAGES_H

/* The name of language `code` in that language, or the code itself when unknown. */
const char *language_own_name(const char *code);

#endif
