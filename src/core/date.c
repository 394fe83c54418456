#include "core/date.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

int date_days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return days[month - 1] + (month == 2 && leap);
}

static bool digits(const char *s, int n) {
    for (int i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i])) return false;
    return true;
}

bool date_parse(const char *s, pk_date *out, const char **why) {
    const char *dummy;
    if (!why) why = &dummy;
    size_t n = strlen(s);
    if (!(n == 7 || n == 10) || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) ||
        (n == 10 && (s[7] != '-' || !digits(s + 8, 2)))) {
        *why = "must be YYYY-MM or YYYY-MM-DD";
        return false;
    }
    /* The digits are checked above; sscanf here was a tenth of exporting a year of records. */
    pk_date d = {(s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0'),
                 (s[5] - '0') * 10 + (s[6] - '0'), n == 10 ? (s[8] - '0') * 10 + (s[9] - '0') : 0};
    if (d.year < 1900 || d.year > 2200) {
        *why = "year must be between 1900 and 2200";
        return false;
    }
    if (d.month < 1 || d.month > 12) {
        *why = "month must be 01-12";
        return false;
    }
    if (n == 10 && (d.day < 1 || d.day > date_days_in_month(d.year, d.month))) {
        *why = "is not a day of that month";
        return false;
    }
    *out = d;
    return true;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil): with the
 * seconds added, timegm's answer for any figures, without building and normalising a struct tm
 * for each of a million records. */
static long long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The two digits at s (checked by digits()). */
static int two(const char *s) { return (s[0] - '0') * 10 + (s[1] - '0'); }

bool date_time_parse(const char *s, pk_time *out) {
    char date[11];
    pk_date day;
    if (!s || strnlen(s, 10) < 10) return false;
    memcpy(date, s, 10);
    date[10] = '\0';
    if (!date_parse(date, &day, NULL)) return false; /* ten characters: a whole day, or false */
    int h = 0, mi = 0, se = 0, off = 0;
    bool exact = true;
    const char *p = s + 10;
    /* Each part is taken only when it is all there; p stops at the first that is not, and
     * whatever p stops on makes the time inexact. */
    if ((*p == 'T' || *p == ' ') && digits(p + 1, 2) && p[3] == ':' && digits(p + 4, 2)) {
        h = two(p + 1), mi = two(p + 4);
        p += 6;
        if (*p == ':' && digits(p + 1, 2)) se = two(p + 1), p += 3;
        if (*p == '.')
            for (p++; *p >= '0' && *p <= '9'; p++) {
            }
        if (*p == 'Z') {
            p++;
        } else if ((*p == '+' || *p == '-') && digits(p + 1, 2)) {
            int oh = two(p + 1), om = 0;
            const char *q = p + 3;
            if (*q == ':') q++;
            if (digits(q, 2)) om = two(q), q += 2;
            off = (*p == '-' ? -1 : 1) * (oh * 3600 + om * 60);
            exact = oh <= 23 && om <= 59;
            p = q;
        }
        exact = exact && h <= 23 && mi <= 59 && se <= 60;
    }
    out->day = day;
    out->clock = h * 3600 + mi * 60 + se;
    out->utc = days_from_civil(day.year, day.month, day.day) * 86400LL + out->clock - off;
    out->exact = exact && *p == '\0';
    return true;
}

pk_date date_first_day(pk_date d) {
    if (d.day == 0) d.day = 1;
    return d;
}

pk_date date_last_day(pk_date d) {
    if (d.day == 0) d.day = date_days_in_month(d.year, d.month);
    return d;
}

int date_cmp_days(pk_date a, pk_date b) {
    if (a.year != b.year) return a.year < b.year ? -1 : 1;
    if (a.month != b.month) return a.month < b.month ? -1 : 1;
    if (a.day != b.day) return a.day < b.day ? -1 : 1;
    return 0;
}

pk_date date_from_time(time_t t) {
    struct tm tm;
    localtime_r(&t, &tm);
    return (pk_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

const char *date_format_months(pk_date d, const char *const *months, char *buf, int size) {
    const char *m = d.month >= 1 && d.month <= 12 ? months[d.month - 1] : "?";
    if (d.day)
        snprintf(buf, (size_t)size, "%d %s %d", d.day, m, d.year);
    else
        snprintf(buf, (size_t)size, "%s %d", m, d.year);
    return buf;
}

const char *date_format_short(pk_date d, char *buf, int size) {
    static const char *const names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return date_format_months(d, names, buf, size);
}
