#include "core/image_size.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned be16(const unsigned char *p) { return (unsigned)p[0] << 8 | p[1]; }
static unsigned be32(const unsigned char *p) { return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 | (unsigned)p[2] << 8 | p[3]; }

static bool png(const unsigned char *b, size_t n, int *w, int *h) {
    if (n < 24 || memcmp(b, "\x89PNG\r\n\x1a\n", 8) || memcmp(b + 12, "IHDR", 4)) return false;
    *w = (int)be32(b + 16), *h = (int)be32(b + 20);
    return true;
}

/* The first start-of-frame marker holds the size. */
static bool jpeg(const unsigned char *b, size_t n, int *w, int *h) {
    if (n < 4 || b[0] != 0xFF || b[1] != 0xD8) return false;
    for (size_t i = 2; i + 9 < n;) {
        if (b[i] != 0xFF) return false;
        unsigned m = b[i + 1], len = be16(b + i + 2);
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            *h = (int)be16(b + i + 5), *w = (int)be16(b + i + 7);
            return true;
        }
        i += 2 + len;
    }
    return false;
}

static bool attr(const char *svg, const char *name, double *out) {
    char key[32];
    snprintf(key, sizeof key, " %s=\"", name);
    const char *p = strstr(svg, key);
    if (!p) return false;
    char *end;
    *out = strtod(p + strlen(key), &end);
    return end != p + strlen(key) && (*end == '"' || *end == 'p');
}

static bool svg(const char *b, int *w, int *h) {
    const char *tag = strstr(b, "<svg");
    if (!tag) return false;
    double fw, fh, vb[4];
    if (attr(tag, "width", &fw) && attr(tag, "height", &fh) && fw > 0 && fh > 0) {
        *w = (int)(fw + 0.5), *h = (int)(fh + 0.5);
        return true;
    }
    const char *v = strstr(tag, "viewBox=\"");
    if (v && sscanf(v + 9, "%lf %lf %lf %lf", &vb[0], &vb[1], &vb[2], &vb[3]) == 4 && vb[2] > 0 && vb[3] > 0) {
        *w = (int)(vb[2] + 0.5), *h = (int)(vb[3] + 0.5);
        return true;
    }
    return false;
}

bool image_size(const char *path, int *w, int *h) {
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    static const size_t cap = 65536;
    unsigned char *b = malloc(cap + 1);
    size_t n = b ? fread(b, 1, cap, f) : 0;
    fclose(f);
    if (!b) return false;
    b[n] = 0;
    bool ok = png(b, n, w, h) || jpeg(b, n, w, h) || svg((const char *)b, w, h);
    free(b);
    return ok && *w > 0 && *h > 0;
}
