/* check: the smallest test harness that says what broke and where. Each test file is one
 * program: TEST functions run from main with RUN; failures print FILE:LINE and the values, and
 * the exit status is the number of failures (capped), so ctest reports it. */
#ifndef PK_CHECK_H
#define PK_CHECK_H
#include <stdio.h>
#include <string.h>

static int check_failures, check_count;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        check_count++;                                                               \
        if (!(cond)) {                                                               \
            check_failures++;                                                        \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                            \
    } while (0)

#define CHECK_INT(a, b)                                                                         \
    do {                                                                                        \
        long long a_ = (long long)(a), b_ = (long long)(b);                                     \
        check_count++;                                                                          \
        if (a_ != b_) {                                                                         \
            check_failures++;                                                                   \
            fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #a, a_, b_); \
        }                                                                                       \
    } while (0)

#define CHECK_STR(a, b)                                                                     \
    do {                                                                                    \
        const char *a_ = (a), *b_ = (b);                                                    \
        check_count++;                                                                      \
        if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                            \
            check_failures++;                                                               \
            fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #a, \
                    a_ ? a_ : "(null)", b_ ? b_ : "(null)");                                \
        }                                                                                   \
    } while (0)

#define CHECK_CONTAINS(hay, needle)                                                          \
    do {                                                                                     \
        const char *h_ = (hay), *n_ = (needle);                                              \
        check_count++;                                                                       \
        if (!h_ || !strstr(h_, n_)) {                                                        \
            check_failures++;                                                                \
            fprintf(stderr, "%s:%d: \"%s\" does not contain \"%s\"\n", __FILE__, __LINE__,   \
                    h_ ? h_ : "(null)", n_);                                                 \
        }                                                                                    \
    } while (0)

#define RUN(test)                                                    \
    do {                                                             \
        int before_ = check_failures;                                \
        test();                                                      \
        fprintf(stderr, "%s %s\n", check_failures == before_ ? "ok  " : "FAIL", #test); \
    } while (0)

static inline int check_report(void) {
    fprintf(stderr, "%d checks, %d failed\n", check_count, check_failures);
    return check_failures > 100 ? 100 : check_failures;
}

#endif
