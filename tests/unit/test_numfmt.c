/* numfmt: the big numbers on highlight slides, and their count-up animation. */
#include "check.h"
#include "core/numfmt.h"

static void thousands(void) {
    char buf[64];
    CHECK_STR(numfmt_format(260800, 0, NULL, NULL, buf, sizeof buf), "260,800");
    CHECK_STR(numfmt_format(110, 0, NULL, NULL, buf, sizeof buf), "110");
    CHECK_STR(numfmt_format(1000, 0, NULL, NULL, buf, sizeof buf), "1,000");
    CHECK_STR(numfmt_format(999, 0, NULL, NULL, buf, sizeof buf), "999");
    CHECK_STR(numfmt_format(100000, 0, NULL, NULL, buf, sizeof buf), "100,000");
    CHECK_STR(numfmt_format(1234567, 0, NULL, NULL, buf, sizeof buf), "1,234,567");
    CHECK_STR(numfmt_format(1e12, 0, NULL, NULL, buf, sizeof buf), "1,000,000,000,000");
}

static void decimals(void) {
    char buf[64];
    CHECK_STR(numfmt_format(8.1, 1, NULL, NULL, buf, sizeof buf), "8.1");
    CHECK_STR(numfmt_format(8.1, 1, NULL, "%", buf, sizeof buf), "8.1%");
    CHECK_STR(numfmt_format(1234567.891, 2, NULL, NULL, buf, sizeof buf), "1,234,567.89");
    CHECK_STR(numfmt_format(8, 1, NULL, NULL, buf, sizeof buf), "8.0");
    CHECK_STR(numfmt_format(2.6, 0, NULL, NULL, buf, sizeof buf), "3");
    /* Rounding that carries into a new group of digits. */
    CHECK_STR(numfmt_format(999999.999, 2, NULL, NULL, buf, sizeof buf), "1,000,000.00");
    /* Decimals are clamped to 0..3 (the config allows 0-3). */
    CHECK_STR(numfmt_format(1.23456, 7, NULL, NULL, buf, sizeof buf), "1.235");
    CHECK_STR(numfmt_format(1234.5, -2, NULL, NULL, buf, sizeof buf), "1,234");
}

static void prefix_suffix(void) {
    char buf[64];
    CHECK_STR(numfmt_format(99, 0, "£", "m", buf, sizeof buf), "£99m");
    CHECK_STR(numfmt_format(1400, 0, "Almost ", NULL, buf, sizeof buf), "Almost 1,400");
    CHECK_STR(numfmt_format(110, 0, NULL, " sq mi", buf, sizeof buf), "110 sq mi");
    CHECK_STR(numfmt_format(1000, 0, "+", NULL, buf, sizeof buf), "+1,000");
    CHECK_STR(numfmt_format(2500000, 1, "£", "m", buf, sizeof buf), "£2,500,000.0m");
}

static void negatives_and_zero(void) {
    char buf[64];
    CHECK_STR(numfmt_format(0, 0, NULL, NULL, buf, sizeof buf), "0");
    CHECK_STR(numfmt_format(0, 2, NULL, NULL, buf, sizeof buf), "0.00");
    CHECK_STR(numfmt_format(-5, 0, NULL, NULL, buf, sizeof buf), "-5");
    CHECK_STR(numfmt_format(-1234.5, 1, NULL, NULL, buf, sizeof buf), "-1,234.5");
    CHECK_STR(numfmt_format(-260800, 0, NULL, NULL, buf, sizeof buf), "-260,800");
    CHECK_STR(numfmt_format(-999, 0, NULL, NULL, buf, sizeof buf), "-999");
    /* A negative that rounds to zero shows no minus sign. */
    CHECK_STR(numfmt_format(-0.001, 0, NULL, NULL, buf, sizeof buf), "0");
    CHECK_STR(numfmt_format(-0.001, 2, NULL, NULL, buf, sizeof buf), "0.00");
}

static void truncation(void) {
    char buf[6];
    const char *r = numfmt_format(260800, 0, NULL, NULL, buf, sizeof buf);
    CHECK(r == buf);
    CHECK_STR(buf, "260,8");
    char one[1];
    numfmt_format(5, 0, "£", NULL, one, sizeof one);
    CHECK_INT(one[0], 0);
}

static void count_up_ends(void) {
    CHECK(numfmt_count_up(260800, 0, 0, 1500) == 0);
    CHECK(numfmt_count_up(260800, 0, -50, 1500) == 0);
    CHECK(numfmt_count_up(260800, 0, 1500, 1500) == 260800);
    CHECK(numfmt_count_up(260800, 0, 99999, 1500) == 260800);
    CHECK(numfmt_count_up(8.1, 1, 1500, 1500) == 8.1); /* exact, not 8.099999 */
    /* No animation: straight to the target. */
    CHECK(numfmt_count_up(64600, 0, 0, 0) == 64600);
    /* Part way it is neither 0 nor the target, and ease-out is past half at half time. */
    double mid = numfmt_count_up(260800, 0, 750, 1500);
    CHECK(mid > 130400 && mid < 260800);
}

static void count_up_monotonic(void) {
    const double targets[] = {260800, 110, 8.1, 1400, 99, 1e12, 5};
    const int decs[] = {0, 0, 1, 0, 0, 0, 0};
    for (int k = 0; k < 7; k++) {
        double prev = 0;
        int bad_order = 0, above = 0, not_whole = 0;
        for (int t = 0; t <= 1500; t += 7) {
            double v = numfmt_count_up(targets[k], decs[k], t, 1500);
            if (v < prev) bad_order++;
            if (v > targets[k]) above++;
            if (decs[k] == 0 && v != (double)(long long)v) not_whole++;
            prev = v;
        }
        double end = numfmt_count_up(targets[k], decs[k], 1500, 1500);
        CHECK(end >= prev);
        CHECK(end == targets[k]);
        CHECK_INT(bad_order, 0);
        CHECK_INT(above, 0);
        CHECK_INT(not_whole, 0); /* a whole-number highlight never shows "1,234.7" mid-count */
    }
}

static void count_up_negative(void) {
    /* "-14,000 jobs": counts down from 0, never past the target. */
    double prev = 0;
    int wrong_way = 0, past = 0;
    for (int t = 0; t <= 1500; t += 7) {
        double v = numfmt_count_up(-14000, 0, t, 1500);
        if (v > prev) wrong_way++;
        if (v < -14000 || v > 0) past++;
        prev = v;
    }
    CHECK_INT(wrong_way, 0);
    CHECK_INT(past, 0);
    CHECK(numfmt_count_up(-14000, 0, 1500, 1500) == -14000);
}

int main(void) {
    RUN(thousands);
    RUN(decimals);
    RUN(prefix_suffix);
    RUN(negatives_and_zero);
    RUN(truncation);
    RUN(count_up_ends);
    RUN(count_up_monotonic);
    RUN(count_up_negative);
    return check_report();
}
