/* date: the calendar behind milestone dates, slide from/until and "Sep 2018" labels, and the
 * "at" times that order records and decisions. */
#include <stdlib.h>
#include <time.h>

#include "check.h"
#include "core/date.h"

static void parse_month(void) {
    pk_date d = {-1, -1, -1};
    CHECK(date_parse("2018-09", &d, NULL));
    CHECK_INT(d.year, 2018);
    CHECK_INT(d.month, 9);
    CHECK_INT(d.day, 0); /* month precision kept */
}

static void parse_day(void) {
    pk_date d = {0, 0, 0};
    CHECK(date_parse("2025-12-31", &d, NULL));
    CHECK_INT(d.year, 2025);
    CHECK_INT(d.month, 12);
    CHECK_INT(d.day, 31);
    CHECK(date_parse("2017-01-01", &d, NULL));
    CHECK_INT(d.month, 1);
    CHECK_INT(d.day, 1);
}

static void reject_bad(void) {
    pk_date d = {7, 7, 7};
    const char *why = NULL;
    CHECK(!date_parse("2023-02-30", &d, &why));
    CHECK_CONTAINS(why, "not a day of that month");
    why = NULL;
    CHECK(!date_parse("2024-13", &d, &why));
    CHECK_CONTAINS(why, "month must be 01-12");
    why = NULL;
    CHECK(!date_parse("2024-00", &d, &why));
    CHECK_CONTAINS(why, "month must be 01-12");
    why = NULL;
    CHECK(!date_parse("2024-2-1", &d, &why));
    CHECK_CONTAINS(why, "YYYY-MM");
    CHECK(!date_parse("2024-04-31", &d, NULL));
    CHECK(!date_parse("2024-04-00", &d, NULL));
    CHECK(!date_parse("", &d, NULL));
    CHECK(!date_parse("2024", &d, NULL));
    CHECK(!date_parse("2024/02/01", &d, NULL));
    CHECK(!date_parse("2024-02-1x", &d, NULL));
    CHECK(!date_parse("2024-02-01 ", &d, NULL));
    CHECK(!date_parse("Sep 2018", &d, NULL));
    /* A failed parse leaves the output alone. */
    CHECK_INT(d.year, 7);
    CHECK_INT(d.month, 7);
    CHECK_INT(d.day, 7);
}

static void leap_years(void) {
    pk_date d;
    CHECK(date_parse("2024-02-29", &d, NULL));
    CHECK_INT(d.day, 29);
    CHECK(!date_parse("2023-02-29", &d, NULL));
    CHECK(date_parse("2000-02-29", &d, NULL));  /* divisible by 400 */
    CHECK(!date_parse("2100-02-29", &d, NULL)); /* divisible by 100, not 400 */
    CHECK_INT(date_days_in_month(2024, 2), 29);
    CHECK_INT(date_days_in_month(2023, 2), 28);
    CHECK_INT(date_days_in_month(1900, 2), 28);
    CHECK_INT(date_days_in_month(2000, 2), 29);
    CHECK_INT(date_days_in_month(2025, 1), 31);
    CHECK_INT(date_days_in_month(2025, 4), 30);
    CHECK_INT(date_days_in_month(2025, 12), 31);
    CHECK_INT(date_days_in_month(2025, 13), 0);
    CHECK_INT(date_days_in_month(2025, 0), 0);
}

static void first_last_day(void) {
    pk_date m = {2024, 2, 0};
    pk_date f = date_first_day(m), l = date_last_day(m);
    CHECK_INT(f.year, 2024);
    CHECK_INT(f.month, 2);
    CHECK_INT(f.day, 1);
    CHECK_INT(l.year, 2024);
    CHECK_INT(l.month, 2);
    CHECK_INT(l.day, 29);
    CHECK_INT(date_last_day((pk_date){2023, 2, 0}).day, 28);
    CHECK_INT(date_last_day((pk_date){2018, 9, 0}).day, 30);
    CHECK_INT(date_last_day((pk_date){2018, 12, 0}).day, 31);
    /* An exact day is its own first and last day. */
    pk_date d = {2018, 9, 14};
    CHECK_INT(date_first_day(d).day, 14);
    CHECK_INT(date_last_day(d).day, 14);
}

static void compare(void) {
    pk_date a = {2017, 10, 5}, b = {2017, 10, 6}, c = {2017, 11, 1}, e = {2018, 1, 1};
    CHECK(date_cmp_days(a, b) < 0);
    CHECK(date_cmp_days(b, a) > 0);
    CHECK(date_cmp_days(a, a) == 0);
    CHECK(date_cmp_days(b, c) < 0);
    CHECK(date_cmp_days(c, e) < 0);
    CHECK(date_cmp_days(e, a) > 0);
    /* Year dominates month, month dominates day. */
    CHECK(date_cmp_days((pk_date){2017, 12, 31}, (pk_date){2018, 1, 1}) < 0);
    CHECK(date_cmp_days((pk_date){2018, 1, 31}, (pk_date){2018, 2, 1}) < 0);
}

static void format_short(void) {
    char buf[32];
    CHECK_STR(date_format_short((pk_date){2018, 9, 0}, buf, sizeof buf), "Sep 2018");
    CHECK_STR(date_format_short((pk_date){2018, 9, 4}, buf, sizeof buf), "4 Sep 2018");
    CHECK_STR(date_format_short((pk_date){2025, 1, 0}, buf, sizeof buf), "Jan 2025");
    CHECK_STR(date_format_short((pk_date){2025, 12, 31}, buf, sizeof buf), "31 Dec 2025");
    /* Returns buf itself, always NUL-terminated when truncated. */
    char small[5];
    const char *r = date_format_short((pk_date){2018, 9, 0}, small, sizeof small);
    CHECK(r == small);
    CHECK_STR(small, "Sep ");
}

static void parse_then_format(void) {
    pk_date d;
    char buf[32];
    CHECK(date_parse("2020-09", &d, NULL));
    CHECK_STR(date_format_short(d, buf, sizeof buf), "Sep 2020");
    CHECK(date_parse("2024-02-29", &d, NULL));
    CHECK_STR(date_format_short(d, buf, sizeof buf), "29 Feb 2024");
}

#define T0 1772446272LL /* 2026-03-02 10:11:12 UTC */

/* Records' and decisions' "at": the instant, and the day as the kiosk wrote it. */
static void time_well_formed(void) {
    pk_time t;
    CHECK(date_time_parse("2026-03-02T10:11:12+00:00", &t) && t.exact);
    CHECK_INT(t.utc, T0);
    CHECK_INT(t.clock, 10 * 3600 + 11 * 60 + 12);
    CHECK(t.day.year == 2026 && t.day.month == 3 && t.day.day == 2);
    CHECK(date_time_parse("2026-03-02T11:11:12+01:00", &t) && t.exact && t.utc == T0);
    CHECK(date_time_parse("2026-03-02T10:11:12Z", &t) && t.exact && t.utc == T0);
    CHECK(date_time_parse("2026-03-02T10:11:12.250Z", &t) && t.exact && t.utc == T0);
    CHECK(date_time_parse("2026-03-02T05:11:12-0500", &t) && t.exact && t.utc == T0);
    CHECK(date_time_parse("2026-03-02 15:41:12+05:30", &t) && t.exact && t.utc == T0);
    CHECK(date_time_parse("2026-03-02T11:11:12+01", &t) && t.exact && t.utc == T0);
    /* No offset: UTC. */
    CHECK(date_time_parse("2026-03-02T10:11:12", &t) && t.exact && t.utc == T0);
    CHECK(date_time_parse("2026-03-02T10:11", &t) && t.exact && t.utc == T0 - 12);
    /* A leap second. */
    CHECK(date_time_parse("2026-03-02T10:11:60Z", &t) && t.exact && t.utc == T0 + 48);
    CHECK(date_time_parse("2026-03-02", &t) && t.exact && t.utc == T0 - 36672 && t.clock == 0);
    /* Half past midnight in Poland is still yesterday in UTC: the day is the one written. */
    CHECK(date_time_parse("2026-03-02T00:30:00+01:00", &t) && t.exact);
    CHECK_INT(t.utc, 1772407800LL);
    CHECK(t.day.day == 2 && t.clock == 1800);
}

/* A kiosk's record is read all the same when what follows its day is odd; a decision is refused
 * (exact false). */
static void time_forgiven(void) {
    pk_time t;
    CHECK(date_time_parse("2026-03-02T10:11:12+00:00 junk", &t) && !t.exact && t.utc == T0);
    CHECK(date_time_parse("2026-03-02T1x:00:00Z", &t) && !t.exact && t.utc == T0 - 36672);
    CHECK(date_time_parse("2026-03-02T10:11:1Z", &t) && !t.exact && t.utc == T0 - 12);
    CHECK(date_time_parse("2026-03-02T24:00:00Z", &t) && !t.exact && t.utc == T0 - 36672 + 86400);
    CHECK(date_time_parse("2026-03-02T10:61:12Z", &t) && !t.exact && t.utc == T0 + 50 * 60);
    CHECK(date_time_parse("2026-03-02T11:11:12+01:3", &t) && !t.exact && t.utc == T0);
    CHECK(date_time_parse("2026-03-02T10:11:12+24:00", &t) && !t.exact && t.utc == T0 - 24 * 3600);
    /* An offset belongs to a time of day: with no time, none is read. */
    CHECK(date_time_parse("2026-03-02+01:00", &t) && !t.exact && t.utc == T0 - 36672);
    CHECK(date_time_parse("2026-03-02Z", &t) && !t.exact);
}

static void time_refused(void) {
    pk_time t = {.utc = 7};
    CHECK(!date_time_parse(NULL, &t));
    CHECK(!date_time_parse("", &t));
    CHECK(!date_time_parse("yesterday", &t));
    CHECK(!date_time_parse("2026-02-30T10:00:00Z", &t));
    CHECK(!date_time_parse("2026-3-02T10:00:00Z", &t));
    CHECK(!date_time_parse("2026-03", &t));
    CHECK(!date_time_parse("1899-12-31T10:00:00Z", &t)); /* date_parse's years */
    CHECK_INT(t.utc, 7);                                 /* untouched */
}

/* Any well-formed time gives timegm's instant (days counted by hand, not by the C library). */
static void time_as_timegm(void) {
    srand(20261207);
    int same = 0;
    for (int i = 0; i < 20000; i++) {
        struct tm tm = {.tm_year = rand() % 301, .tm_mon = rand() % 12};
        tm.tm_mday = 1 + rand() % date_days_in_month(tm.tm_year + 1900, tm.tm_mon + 1);
        tm.tm_hour = rand() % 24, tm.tm_min = rand() % 60, tm.tm_sec = rand() % 60;
        int oh = rand() % 15, om = (rand() % 4) * 15, sign = rand() % 2 ? 1 : -1;
        char s[80];
        snprintf(s, sizeof s, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", tm.tm_year + 1900,
                 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, sign > 0 ? '+' : '-',
                 oh, om);
        long long want = (long long)timegm(&tm) - sign * (oh * 3600LL + om * 60LL);
        pk_time t;
        same += date_time_parse(s, &t) && t.exact && t.utc == want;
    }
    CHECK_INT(same, 20000);
}

int main(void) {
    RUN(parse_month);
    RUN(parse_day);
    RUN(reject_bad);
    RUN(leap_years);
    RUN(first_last_day);
    RUN(compare);
    RUN(format_short);
    RUN(parse_then_format);
    RUN(time_well_formed);
    RUN(time_forgiven);
    RUN(time_refused);
    RUN(time_as_timegm);
    return check_report();
}
