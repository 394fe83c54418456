/* utf8: the one place that walks UTF-8 bytes. Everything else (wrapping, the keyboard's
 * backspace, the text box's caret) asks this module where characters begin and end, so a
 * multi-byte letter such as "ł" or "£" is never split. Invalid bytes decode as U+FFFD, one byte
 * at a time, so a damaged string can still be shown and walked without looping forever. */
#ifndef PK_UTF8_H
#define PK_UTF8_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes the character at s (len bytes available); stores it in *cp and returns its length
 * in bytes (1-4). Invalid or truncated sequences give U+FFFD and length 1. len 0 returns 0. */
int utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encodes cp into out (at least 4 bytes); returns the length, 0 for an invalid code point. */
int utf8_encode(uint32_t cp, char *out);
/* True if the n bytes are well-formed UTF-8 (no overlongs, no surrogates). */
bool utf8_valid(const char *s, size_t n);
/* Offset of the start of the character before offset pos (0 if pos is 0). */
size_t utf8_prev(const char *s, size_t pos);
/* Number of characters (code points) in the first n bytes. */
size_t utf8_count(const char *s, size_t n);
/* True if the n bytes hold no visible character: nothing, or only white space (spaces, tabs,
 * newlines, no-break and other Unicode spaces) and invisible format marks (zero-width joiners,
 * direction marks, the byte order mark). A visitor's answer like that is no answer. */
bool utf8_is_blank(const char *s, size_t n);

#endif
