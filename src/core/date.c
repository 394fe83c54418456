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
