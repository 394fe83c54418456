/* report_words: the most frequent words and two-word phrases in visitors' comments, for the HTML
 * report (one instance per theme: "benches" in 41 comments, "bus station" in 17, each a click
 * away from the comments it comes from).
 *
 * The idea: a comment is cut into words on everything that is not a letter or a digit (an
 * apostrophe or hyphen between two letters stays: "don't", "well-lit"; Arabic-script letters,
 * combining marks and ZWNJ are part of words, so Urdu and Bengali words stay whole); each word is
 * case-folded (Latin, Greek, Cyrillic, Armenian: "Ławki" is "ławki") and counted once per comment
 * it appears in. Single letters and pure numbers are not words. Stop words of the comment's
 * language (read from <stopwords_dir>/<lang>.txt, see assets/stopwords/) are dropped from single
 * words and break phrases: a phrase is two non-stop words with only spaces between them, so "the
 * bus station" gives "bus station" and not "the bus", and "buses. Trains" gives no phrase. Text
 * is not normalised beyond that (NFC is assumed, as the kiosk's keyboards type it).
 *
 * Ownership: the caller owns the report_words and frees it with report_words_free; everything a
 * report_term points to belongs to it and stays valid until the next report_words_add or
 * report_words_free. add copies what it needs from text and lang. The phrases are counted when
 * report_words_top first asks for them after an add, so a report_words is for one thread at a
 * time, report_words_top included. */
#ifndef PK_REPORT_WORDS_H
#define PK_REPORT_WORDS_H
#include <stdbool.h>

typedef struct report_words report_words;

/* A counter that reads <stopwords_dir>/<lang>.txt the first time a comment in lang is added
 * (stopwords_dir is copied; NULL: no stop words at all). A missing or unreadable file means no
 * stop words for that language. Returns NULL when memory runs out. */
report_words *report_words_new(const char *stopwords_dir);
/* Frees w and everything it holds. Accepts NULL. */
void report_words_free(report_words *w);

/* Adds one comment (UTF-8; invalid bytes only separate words), written in language lang ("en",
 * "ur", "pl", "ar", "ro", "bn", ...; a region such as "en-GB" uses "en"'s stop words; may be
 * NULL: no stop words), known by index `comment`. Texts of one comment may be added one after
 * another with the same index (a visitor's several answers): a word then still counts once for
 * that comment. NULL or empty text adds nothing. When memory runs out the words that did not fit
 * are not counted (the report is a summary; nothing else is lost). */
void report_words_add(report_words *w, const char *text, const char *lang, long comment);

typedef struct report_term {
    const char *term;     /* the case-folded word, or two words joined by one space */
    long count;           /* how many comments it appears in */
    const long *comments; /* their indices, in the order added, no duplicates */
    long n_comments;      /* == count */
} report_term;

/* The n most frequent single words (two_words=false) or two-word phrases, most frequent first,
 * ties alphabetical (by code point); terms seen in only one comment are left out. Returns how
 * many filled (0 when memory runs out or w is NULL). Valid until the next add or free. */
int report_words_top(const report_words *w, bool two_words, report_term *out, int n);

#endif
