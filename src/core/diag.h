/* diag: a bounded list of problems found in an input file, each with its location, printed the
 * way compilers print them (`FILE:LINE:COLUMN: message`) so staff and editors can jump to it.
 * The caller owns the list (usually on the stack or inside a context); messages are copied in. */
#ifndef PK_DIAG_H
#define PK_DIAG_H
#include <stdarg.h>
#include <stdio.h>

#define DIAG_MAX 200
#define DIAG_LEN 400

typedef struct diag_list {
    char items[DIAG_MAX][DIAG_LEN];
    int count;   /* messages kept */
    int dropped; /* messages beyond DIAG_MAX, counted only */
} diag_list;

/* Adds "file:line:col: message". line/col are 1-based; 0 leaves them out. */
void diag_add(diag_list *d, const char *file, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void diag_vadd(diag_list *d, const char *file, int line, int col, const char *fmt, va_list ap);
/* Prints every message, one a line, and a count of dropped ones. */
void diag_print(const diag_list *d, FILE *out);

/* A single error for functions that fail once: callers check the return value, then show msg. */
typedef struct pk_error {
    char msg[DIAG_LEN];
} pk_error;
/* Always returns false, so `return pk_fail(err, ...)` reads naturally. err may be NULL. */
int pk_fail(pk_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
