/* date: calendar dates as written in configs (YYYY-MM or YYYY-MM-DD), with month precision kept,
 * because a plan's milestone "Sep 2018" is a month, not its first day; and the ISO 8601 times
 * records and decisions carry in "at" (date_time_parse: one reader for export, results and
 * quotes). Pure, no clock inside: callers pass today's date in, so tests can live on any day. */
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
/* A time as records and decisions write "at": "2026-03-02T10:11:12+01:00". */
typedef struct pk_time {
    pk_date day;   /* the local date, as written */
    int clock;     /* seconds since that day's midnight, as written (no time given: 0) */
    long long utc; /* the instant: seconds since 1970 UTC */
    bool exact;    /* the whole string was such a time, every figure in range */
} pk_time;

/* Reads s as ISO 8601: a real day YYYY-MM-DD (as date_parse: years 1900-2200), then, when there,
 * 'T' or ' ' and HH:MM, :SS, a fraction (ignored) and an offset Z, +HH:MM, +HHMM or +HH (or -;
 * none: UTC). False, out untouched, when s is NULL or does not start with such a day. After the
 * day it forgives, as a reader of a kiosk's records must: a time it cannot read is midnight, an
 * offset it cannot read is none, figures past their range roll over (T24:00 is the next day's
 * midnight), anything after is passed over. out->exact is false when any of that happened: a
 * reader that refuses anything but a well-formed time (hours 00-23, minutes 00-59, seconds
 * 00-60, offset hours 00-23, nothing after) tests it. Pure: no time zone is looked up. */
bool date_time_parse(const char *s, pk_time *out);
/* Local date of a wall-clock time. */
pk_date date_from_time(time_t t);
/* "Sep 2018" or "4 Sep 2018" into buf; returns buf. */
const char *date_format_short(pk_date d, char *buf, int size);
/* The same with the twelve month names given (another language's); returns buf. */
const char *date_format_months(pk_date d, const char *const *months, char *buf, int size);

#endif
