#include "core/numfmt.h"

#include <math.h>
#include <stdbool.h>
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

/* The rule's exceptions are data: signs written straight after a number ("45%", "5-krát"),
 * currency symbols written before it, and the multipliers kept close after a currency amount
 * ("£12m", not "£12 m"). Anything else is a word, after a space. */
static const char *const signs[] = {"%", "‰", "°", "-", "×", NULL};
static const char *const currencies[] = {"£", "€", "$", "¥", "₹", NULL};
static const char *const multipliers[] = {"k", "m", "bn", NULL};

static const char *starts_with_one(const char *s, const char *const *list) {
    for (int i = 0; list[i]; i++)
        if (!strncmp(s, list[i], strlen(list[i]))) return list[i];
    return NULL;
}

const char *numfmt_with_unit(double value, int decimals, const char *unit, char *buf, int size) {
    if (size <= 0) return buf;
    /* No unit, one that brings its own space, or a sign that sits against the number. */
    if (!unit || !*unit || unit[0] == ' ' || starts_with_one(unit, signs))
        return numfmt_format(value, decimals, NULL, unit, buf, size);
    char num[96];
    numfmt_format(value, decimals, NULL, NULL, num, sizeof num);
    const char *cur = starts_with_one(unit, currencies);
    if (!cur) {
        snprintf(buf, (size_t)size, "%s %s", num, unit);
        return buf;
    }
    /* "-£5", not "£-5": the sign belongs to the amount, the symbol to the digits. */
    const char *minus = num[0] == '-' ? "-" : "", *rest = unit + strlen(cur);
    bool close = !*rest || rest[0] == ' ';
    for (int i = 0; multipliers[i] && !close; i++) close = !strcmp(rest, multipliers[i]);
    snprintf(buf, (size_t)size, "%s%s%s%s%s", minus, cur, num + strlen(minus), close ? "" : " ",
             rest);
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
