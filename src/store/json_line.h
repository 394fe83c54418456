/* json_line: reads one line of a feedback log (one JSON value) into a jansson tree, fast.
 *
 * Why not json_loadb: jansson's own parser reads a character at a time through a stream and
 * manages 60 MB a second here, so a year of a fleet's records (1M lines, 500 MB) would take
 * 8 s just to parse, twice over when export reads once to sort and once to write. yajl (Debian
 * libyajl2) lexes whole buffers, checks UTF-8 as it goes, and calls back per value; building
 * jansson values from those calls is 2.8 times faster than json_loadb, and building only the
 * parts a caller asks for (a "shape") is 6 times faster. The tree is exactly the one json_loadb
 * makes (keys in the file's order, a later duplicate key wins), so what is written from it is
 * byte for byte the same.
 *
 * A shape keeps a few top-level keys (the rest are checked and dropped) and, below one of them,
 * the keys alone with null values: export's first pass needs a record's id, time, kiosk and
 * which answers it has, not what they are.
 *
 * Ownership: the returned tree is the caller's (json_decref). The shape's strings are the
 * caller's and must outlive the call. No state is kept between calls. */
#ifndef PK_JSON_LINE_H
#define PK_JSON_LINE_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct json_line_shape {
    const char *const *keep; /* top-level keys kept, NULL-terminated */
    const char *keys_only;   /* of those, one whose object keeps its keys with null values */
    bool utf8_checked;       /* the caller has checked the line is UTF-8: strings are not again */
} json_line_shape;

typedef enum json_line_status {
    JSON_LINE_OK,
    JSON_LINE_CUT_OFF, /* valid so far, but it stops before the value ends */
    JSON_LINE_BAD,     /* not JSON (or nested deeper than any record is) */
} json_line_status;

typedef struct json_line_error {
    json_line_status status;
    int column;     /* 1-based byte where it went wrong (JSON_LINE_BAD) */
    char text[160]; /* what is wrong, in a few words */
} json_line_error;

/* Parses s[0..len) as one JSON value (anything after it but white space is an error). shape
 * NULL builds the whole value. NULL with e filled when it is not JSON or memory ran out. */
json_t *json_line_parse(const char *s, size_t len, const json_line_shape *shape, json_line_error *e);

#endif
