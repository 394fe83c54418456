/* date: calendar dates as written in configs (YYYY-MM or YYYY-MM-DD), with month precision kept,
 * because a plan's milestone "Sep 2018" is a month, not its first day. Pure, no clock inside:
 * callers pass today's date in, so tests can live on any day. */
#ifndef PK_DATE_H
#define PK_DATE_H
#include <stdbool.h>
#include <time.h>

typedef struct pk_date {
    int year, month, day; /* day 0: the whole month */
} pk_date;

/* Parses YYYY-MM or YYYY-MM-DD. On failure returns false and, if why is not NULL, points it at
 * a short reason ("month must be 01-12", "2023-02-30 is not a day of that month"). */
bool date_parse(const char *s, pk_date *out, const char **why);
/* First and last day of the date's span: a month spans all its days. */
pk_date date_first_day(pk_date d);
pk_date date_last_day(pk_date d);
/* <0, 0, >0 comparing two exact days (day must be set). */
int date_cmp_days(pk_date a, pk_date b);
int date_days_in_month(int year, int month);
/* Local date of a wall-clock time. */
pk_date date_from_time(time_t t);
/* "Sep 2018" or "4 Sep 2018" into buf; returns buf. */
const char *date_format_short(pk_date d, char *buf, int size);
/* The same with the twelve month names given (another language's); returns buf. */
const char *date_format_months(pk_date d, const char *const *months, char *buf, int size);

#endif
