/* numfmt: the big numbers on highlight slides, and their count-up animation; an indicator's
 * latest value with its unit, spaced as people write it. */
#include <string.h>

#include "check.h"
#include "core/numfmt.h"
#include "text/bidi.h"

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

static void units(void) {
    char buf[64];
    /* A word after a space: "22days" was issue 12. */
    CHECK_STR(numfmt_with_unit(22, 0, "days", buf, sizeof buf), "22 days");
    CHECK_STR(numfmt_with_unit(3.5, 1, "million", buf, sizeof buf), "3.5 million");
    CHECK_STR(numfmt_with_unit(1400, 0, "people", buf, sizeof buf), "1,400 people");
    /* A word in any language, as Polish writes its currency. */
    CHECK_STR(numfmt_with_unit(12, 0, "zł", buf, sizeof buf), "12 zł");
    /* Signs straight after. */
    CHECK_STR(numfmt_with_unit(45, 0, "%", buf, sizeof buf), "45%");
    CHECK_STR(numfmt_with_unit(20, 0, "°C", buf, sizeof buf), "20°C");
    CHECK_STR(numfmt_with_unit(5, 0, "-krát", buf, sizeof buf), "5-krát");
    /* Currency in front, a multiplier close after it, a word after a space. */
    CHECK_STR(numfmt_with_unit(12, 0, "£", buf, sizeof buf), "£12");
    CHECK_STR(numfmt_with_unit(12, 0, "£m", buf, sizeof buf), "£12m");
    CHECK_STR(numfmt_with_unit(1.2, 1, "£bn", buf, sizeof buf), "£1.2bn");
    CHECK_STR(numfmt_with_unit(300, 0, "£ million", buf, sizeof buf), "£300 million");
    CHECK_STR(numfmt_with_unit(300, 0, "£million", buf, sizeof buf), "£300 million");
    CHECK_STR(numfmt_with_unit(-5, 0, "£", buf, sizeof buf), "-£5");
    CHECK_STR(numfmt_with_unit(2500, 0, "€", buf, sizeof buf), "€2,500");
    /* A unit that brings its own space is the author's choice ("12 €" in Slovak). */
    CHECK_STR(numfmt_with_unit(12, 0, " €", buf, sizeof buf), "12 €");
    /* No unit: the number alone. */
    CHECK_STR(numfmt_with_unit(61.5, 1, NULL, buf, sizeof buf), "61.5");
    CHECK_STR(numfmt_with_unit(61, 0, "", buf, sizeof buf), "61");
    /* Too small a buffer: cut, still a string. */
    char small[4];
    CHECK_STR(numfmt_with_unit(22, 0, "days", small, sizeof small), "22 ");
}

/* In an Urdu line the number comes first, at the right, and its digits still read left to
 * right: "123 دن" is drawn as the word (with the space), then "123", leftmost first. */
static void units_right_to_left(void) {
    char buf[64];
    CHECK_STR(numfmt_with_unit(123, 0, "دن", buf, sizeof buf), "123 دن");
    bidi_run runs[4];
    int n = bidi_visual_runs_dir(buf, strlen(buf), BIDI_RTL, runs, 4);
    CHECK(n >= 2 && n <= 4);
    if (n < 2 || n > 4) return;
    const bidi_run *right = &runs[n - 1], *left = &runs[0];
    CHECK_INT((int)right->len, 3);
    CHECK(!strncmp(buf + right->start, "123", 3)); /* logical order, shaped left to right */
    CHECK(!right->rtl);
    CHECK(strstr(buf + left->start, "دن") != NULL); /* the word, with the space before it */
    CHECK(left->rtl);
    CHECK_INT((int)(left->start + left->len), (int)strlen(buf));
    /* A percentage stays in one piece too: "45%" is not "%45" on an Urdu screen. */
    numfmt_with_unit(45, 0, "%", buf, sizeof buf);
    n = bidi_visual_runs_dir(buf, strlen(buf), BIDI_RTL, runs, 4);
    CHECK_INT(n, 1);
    if (n == 1) CHECK_INT((int)runs[0].len, 3);
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
    RUN(units);
    RUN(units_right_to_left);
    RUN(negatives_and_zero);
    RUN(truncation);
    RUN(count_up_ends);
    RUN(count_up_monotonic);
    RUN(count_up_negative);
    return check_report();
}
