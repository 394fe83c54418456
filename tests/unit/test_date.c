/* date: the calendar behind milestone dates, slide from/until and "Sep 2018" labels. */
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

int main(void) {
    RUN(parse_month);
    RUN(parse_day);
    RUN(reject_bad);
    RUN(leap_years);
    RUN(first_last_day);
    RUN(compare);
    RUN(format_short);
    RUN(parse_then_format);
    return check_report();
}
