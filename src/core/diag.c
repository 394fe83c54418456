#include "core/diag.h"

#include <string.h>

void diag_vadd(diag_list *d, const char *file, int line, int col, const char *fmt, va_list ap) {
    if (d->count >= DIAG_MAX) {
        d->dropped++;
        return;
    }
    char *out = d->items[d->count++];
    int n;
    if (line > 0 && col > 0)
        n = snprintf(out, DIAG_LEN, "%s:%d:%d: ", file, line, col);
    else if (line > 0)
        n = snprintf(out, DIAG_LEN, "%s:%d: ", file, line);
    else
        n = snprintf(out, DIAG_LEN, "%s: ", file);
    if (n < 0 || n >= DIAG_LEN) n = DIAG_LEN - 1;
    vsnprintf(out + n, (size_t)(DIAG_LEN - n), fmt, ap);
}

void diag_add(diag_list *d, const char *file, int line, int col, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(d, file, line, col, fmt, ap);
    va_end(ap);
}

void diag_print(const diag_list *d, FILE *out) {
    for (int i = 0; i < d->count; i++) fprintf(out, "%s\n", d->items[i]);
    if (d->dropped) fprintf(out, "... and %d more problems\n", d->dropped);
}

int pk_fail(pk_error *err, const char *fmt, ...) {
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return 0;
}
