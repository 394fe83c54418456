#include "core/numfmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const char *numfmt_format(double value, int decimals, const char *prefix, const char *suffix,
                          char *buf, int size) {
    char digits[64];
    if (decimals < 0) decimals = 0;
    if (decimals > 3) decimals = 3;
    snprintf(digits, sizeof digits, "%.*f", decimals, fabs(value));
    char *dot = strchr(digits, '.');
    int int_len = dot ? (int)(dot - digits) : (int)strlen(digits);
    char grouped[96];
    int g = 0;
    if (value < 0 && strspn(digits, "0.") != strlen(digits)) grouped[g++] = '-';
    for (int i = 0; i < int_len; i++) {
        if (i > 0 && (int_len - i) % 3 == 0) grouped[g++] = ',';
        grouped[g++] = digits[i];
    }
    grouped[g] = '\0';
    if (dot) snprintf(grouped + g, sizeof grouped - (size_t)g, "%s", dot);
    snprintf(buf, (size_t)size, "%s%s%s", prefix ? prefix : "", grouped, suffix ? suffix : "");
    return buf;
}

double numfmt_count_up(double target, int decimals, int elapsed_ms, int total_ms) {
    if (total_ms <= 0 || elapsed_ms >= total_ms) return target;
    if (elapsed_ms <= 0) return 0;
    double t = (double)elapsed_ms / total_ms;
    double eased = 1.0 - pow(1.0 - t, 3);
    double scale = pow(10, decimals);
    return floor(target * eased * scale) / scale;
}
