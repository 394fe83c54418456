/* utf8: Polish names, pound and euro signs and emoji in feedback must never be split. */
#include "check.h"
#include "text/utf8.h"

static void round_trip(uint32_t cp, const char *bytes, int len) {
    char out[8] = {0};
    CHECK_INT(utf8_encode(cp, out), len);
    CHECK(memcmp(out, bytes, (size_t)len) == 0);
    uint32_t back = 0;
    CHECK_INT(utf8_decode(bytes, strlen(bytes), &back), len);
    CHECK_INT(back, cp);
    CHECK(utf8_valid(bytes, strlen(bytes)));
    CHECK_INT(utf8_count(bytes, strlen(bytes)), 1);
}

static void encode_decode(void) {
    round_trip('A', "A", 1);
    round_trip(0x7F, "\x7F", 1);
    round_trip(0x142, "ł", 2); /* ł */
    CHECK_STR("ł", "\xC5\x82");
    round_trip(0xA3, "£", 2); /* £ */
    CHECK_STR("£", "\xC2\xA3");
    round_trip(0x20AC, "€", 3); /* € */
    CHECK_STR("€", "\xE2\x82\xAC");
    round_trip(0x1F600, "😀", 4); /* grinning face */
    CHECK_STR("😀", "\xF0\x9F\x98\x80");
    round_trip(0x80, "\xC2\x80", 2);       /* smallest 2-byte */
    round_trip(0x7FF, "\xDF\xBF", 2);      /* largest 2-byte */
    round_trip(0x800, "\xE0\xA0\x80", 3);  /* smallest 3-byte */
    round_trip(0xFFFD, "\xEF\xBF\xBD", 3); /* a real replacement character is valid */
    round_trip(0x10000, "\xF0\x90\x80\x80", 4);
    round_trip(0x10FFFF, "\xF4\x8F\xBF\xBF", 4);
}

static void encode_invalid(void) {
    char out[8];
    CHECK_INT(utf8_encode(0xD800, out), 0); /* surrogates are not characters */
    CHECK_INT(utf8_encode(0xDFFF, out), 0);
    CHECK_INT(utf8_encode(0x110000, out), 0);
}

static void decode_invalid(void) {
    uint32_t cp = 0;
    /* A lone continuation byte. */
    CHECK_INT(utf8_decode("\x80xyz", 4, &cp), 1);
    CHECK_INT(cp, 0xFFFD);
    /* Bytes that never start a character. */
    cp = 0;
    CHECK_INT(utf8_decode("\xFF", 1, &cp), 1);
    CHECK_INT(cp, 0xFFFD);
    cp = 0;
    CHECK_INT(utf8_decode("\xF8\x88\x80\x80\x80", 5, &cp), 1);
    CHECK_INT(cp, 0xFFFD);
    /* Truncated: "€" cut after two bytes, by length and by a following ASCII byte. */
    cp = 0;
    CHECK_INT(utf8_decode("\xE2\x82", 2, &cp), 1);
    CHECK_INT(cp, 0xFFFD);
    cp = 0;
    CHECK_INT(utf8_decode("\xE2\x82"
                          "A",
                          3, &cp),
              1);
    CHECK_INT(cp, 0xFFFD);
    /* A lead byte with len limiting what may be read (no over-read past len). */
    cp = 0;
    CHECK_INT(utf8_decode("\xC5\x82", 1, &cp), 1);
    CHECK_INT(cp, 0xFFFD);
    /* Overlong encodings of '/' and NUL, a surrogate, and beyond U+10FFFF. */
    cp = 0;
    CHECK_INT(utf8_decode("\xC0\xAF", 2, &cp), 1);
    CHECK_INT(cp, 0xFFFD);
    cp = 0;
    CHECK_INT(utf8_decode("\xE0\x80\xAF", 3, &cp), 1);
    CHECK_INT(cp, 0xFFFD);
    cp = 0;
    CHECK_INT(utf8_decode("\xED\xA0\x80", 3, &cp), 1);
    CHECK_INT(cp, 0xFFFD);
    cp = 0;
    CHECK_INT(utf8_decode("\xF4\x90\x80\x80", 4, &cp), 1);
    CHECK_INT(cp, 0xFFFD);
    /* Nothing to read. */
    CHECK_INT(utf8_decode("", 0, &cp), 0);
}

static void validity(void) {
    const char *ok = "zażółć gęślą jaźń £5 €10 😀";
    CHECK(utf8_valid(ok, strlen(ok)));
    CHECK(utf8_valid("", 0));
    CHECK(!utf8_valid("\xC0\xAF", 2));          /* overlong '/' */
    CHECK(!utf8_valid("\xC1\xBF", 2));          /* overlong 0x7F */
    CHECK(!utf8_valid("\xE0\x80\xAF", 3));      /* overlong, 3 bytes */
    CHECK(!utf8_valid("\xF0\x82\x82\xAC", 4));  /* overlong €, 4 bytes */
    CHECK(!utf8_valid("\xED\xA0\x80", 3));      /* high surrogate U+D800 */
    CHECK(!utf8_valid("\xED\xBF\xBF", 3));      /* low surrogate U+DFFF */
    CHECK(!utf8_valid("\xF4\x90\x80\x80", 4));  /* U+110000 */
    CHECK(!utf8_valid("abc\x80", 4));           /* stray continuation at the end */
    CHECK(!utf8_valid("\xC5", 1));              /* truncated ł */
    CHECK(!utf8_valid("ok \xE2\x82 then", 10)); /* truncated € in the middle */
    /* Valid text cut at n bytes inside a character is not valid. */
    CHECK(!utf8_valid("ł", 1));
    CHECK(utf8_valid("ł", 2));
}

static void prev_steps(void) {
    const char *s = "zażółć £5 €";
    size_t n = strlen(s);
    CHECK_INT(n, 18); /* z a ż(2) ó(2) ł(2) ć(2) ' ' £(2) 5 ' ' €(3) */
    /* Character starts, computed independently by decoding forward. */
    size_t starts[32];
    int k = 0;
    for (size_t i = 0; i < n;) {
        starts[k++] = i;
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, n - i, &cp);
    }
    CHECK_INT(k, 11);
    CHECK_INT(utf8_count(s, n), 11);
    /* Walking back from the end visits exactly those starts, in reverse, ending at 0. */
    size_t pos = n;
    int steps = 0;
    for (int j = k - 1; j >= 0; j--) {
        pos = utf8_prev(s, pos);
        steps++;
        CHECK_INT(pos, starts[j]);
        uint32_t cp;
        CHECK(utf8_decode(s + pos, n - pos, &cp) >= 1 && cp != 0xFFFD);
    }
    CHECK_INT(pos, 0);
    CHECK_INT(steps, 11);
    CHECK_INT(utf8_prev(s, 0), 0);
    /* Specific hops: back over "€" (3 bytes) and "£" (2 bytes). */
    CHECK_INT(utf8_prev(s, n), n - 3);
    CHECK_INT(utf8_prev(s, 13), 11); /* just after "£" */
    CHECK_INT(utf8_prev(s, 10), 8);  /* just after "ć" */
    /* A 4-byte emoji. */
    const char *e = "a😀";
    CHECK_INT(utf8_prev(e, 5), 1);
    CHECK_INT(utf8_prev(e, 1), 0);
}

static void prev_damaged(void) {
    /* Stray continuation bytes: each steps back one byte, never below 0, never stuck. */
    const char *s = "a\x80\x80\x80\x80";
    size_t pos = 5;
    int guard = 0;
    while (pos > 0 && guard < 10) {
        size_t p = utf8_prev(s, pos);
        CHECK(p < pos);
        pos = p;
        guard++;
    }
    CHECK_INT(pos, 0);
    CHECK_INT(guard, 5);
}

/* Walking back (backspace) stops exactly where walking forward (drawing) starts characters,
 * even in damaged text, so the caret never lands inside something drawn as one glyph. */
static void prev_matches_decode(void) {
    static const char *const texts[] = {
        "ab\xE2\x82",       "\xC5\x82\x82",         "x\xF0\x9F\x98",
        "\xE2\x82\xAC\x82", "\xF0\x9F\x98\x80\x80", "a\x80\xC5\x82",
        "\xC0\xAF!",        "\xED\xA0\x80z",        "Łucja, 12: \"£5 bus fares?\" 😀€"};
    for (int t = 0; t < 9; t++) {
        const char *s = texts[t];
        size_t n = strlen(s), starts[64];
        int k = 0;
        for (size_t i = 0; i < n;) {
            starts[k++] = i;
            uint32_t cp;
            i += (size_t)utf8_decode(s + i, n - i, &cp);
        }
        CHECK_INT(utf8_count(s, n), k);
        size_t pos = n;
        int mismatches = 0;
        for (int j = k - 1; j >= 0; j--) {
            pos = utf8_prev(s, pos);
            if (pos != starts[j]) mismatches++;
        }
        if (mismatches) fprintf(stderr, "    text %d: %d mismatches\n", t, mismatches);
        CHECK_INT(mismatches, 0);
        CHECK_INT(pos, 0);
    }
}

static void count(void) {
    CHECK_INT(utf8_count("", 0), 0);
    CHECK_INT(utf8_count("hello", 5), 5);
    CHECK_INT(utf8_count("zażółć", strlen("zażółć")), 6);
    CHECK_INT(utf8_count("£5 €", strlen("£5 €")), 4);
    CHECK_INT(utf8_count("😀😀", 8), 2);
    CHECK_INT(utf8_count("ąąąąąąąąąąąą", strlen("ąąąąąąąąąąąą")), 12);
    /* Only the first n bytes count; damaged bytes count one each. */
    CHECK_INT(utf8_count("abc", 2), 2);
    CHECK_INT(utf8_count("\x80\x80x", 3), 3);
}

int main(void) {
    RUN(encode_decode);
    RUN(encode_invalid);
    RUN(decode_invalid);
    RUN(validity);
    RUN(prev_steps);
    RUN(prev_damaged);
    RUN(prev_matches_decode);
    RUN(count);
    return check_report();
}
