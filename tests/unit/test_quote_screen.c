/* test_quote_screen: the automatic check of visitors' words before a person sees them.
 *
 * One table of cases in all six languages: what must be held back (with the kind of finding)
 * and, as important, what must not (a year, money, a time, a date, a bus, a postcode district,
 * a street without a number, "the doctor"). Each line is a decision; its comment says why. Then
 * the reason's wording, the block lists (loading, errors with FILE:LINE:COL, config words,
 * whole words, folding) and texts no visitor should be able to break it with. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "quotes/quote_screen.h"

#define P QUOTE_FLAG_PHONE
#define E QUOTE_FLAG_EMAIL
#define W QUOTE_FLAG_WEB
#define PC QUOTE_FLAG_POSTCODE
#define A QUOTE_FLAG_ADDRESS
#define N QUOTE_FLAG_PERSON
#define B QUOTE_FLAG_BLOCKED

typedef struct screen_case {
    const char *lang, *text;
    unsigned flags; /* exactly these; 0: must not be held back */
} screen_case;

static const screen_case cases[] = {
    /* ---- English: phone numbers in UK forms */
    {"en", "Call me on 07700 900123 about it", P},
    {"en", "ring +44 (0)1709 382121 please", P},
    {"en", "office 01709-382121", P},
    {"en", "(01709) 382 121 any time", P},
    {"en", "07700900123", P},
    {"en", "0044 7700 900123", P},                   /* 00 international prefix */
    {"en", "my number is 07700.900.123", P},         /* dots as separators */
    {"en", "in 2025 07700 900123 was my number", P}, /* a year before it does not hide it */
    {"en", "07700 900123 2025", P},                  /* nor a year after it */
    /* ---- English: numbers that are not phones */
    {"en", "I hope it is done by 2025", 0},
    {"en", "from 2025 to 2030 please", 0},
    {"en", "2025, 2026 and 2027", 0},
    {"en", "2025 2026 2027", 0}, /* a list of years: 12 digits, no trunk 0 */
    {"en", "spend £3 million on buses", 0},
    {"en", "£1,000,000 is too much", 0},
    {"en", "1,000,000 people", 0},
    {"en", "only 45% agree", 0},
    {"en", "open at 10:30 and 14:00", 0},
    {"en", "on 12.03.2026 there was a meeting", 0},
    {"en", "on 12/03/2026 10 people came", 0},
    {"en", "01/03/2026 1030 people", 0}, /* a date, then a count: 12 digits with a 0 */
    {"en", "the 27 bus is always late", 0},
    {"en", "the X1 to Sheffield", 0},
    {"en", "3 parks and 12 benches", 0},
    {"en", "in 2030 10000 homes", 0}, /* 9 digits, but grouped 4-5: not a phone */
    {"en", "version 3.14159265", 0},
    {"en", "0114 273 4567 Sheffield", P},
    {"en", "0 7 7 0 0 9 0 0 1 2 3", P},  /* spelt out with spaces: still 11 digits */
    {"en", "£123 456 789 for roads", 0}, /* money before */
    {"en", "ISBN 978-0-14-103614-4", 0}, /* 13 digits, no trunk 0 */
    {"en", "2026-03-12 was the day", 0},
    /* ---- English: e-mail, web, handles */
    {"en", "write to jo.bloggs@example.org", E},
    {"en", "JO@EXAMPLE.CO.UK", E},
    {"en", "see www.rotherham.gov.uk", W},
    {"en", "https://example.com/plan?x=1 is good", W},
    {"en", "rotherham.gov.uk has it", W},
    {"en", "follow @rotherham_council", W},
    {"en", "meet me @ the library", 0}, /* an '@' for "at" */
    {"en", "e.g. more trees, i.e. shade", 0},
    {"en", "the end.It was good", 0}, /* "it" is no domain we hold for */
    /* ---- English: postcodes */
    {"en", "I live at S60 1AE", PC},
    {"en", "s601ae", PC},
    {"en", "S60  1AE near here", PC}, /* two spaces */
    {"en", "DN1 3BU", PC},
    {"en", "SW1A 1AA", PC},
    {"en", "I live in S60", 0}, /* a district: the kiosk asks for that */
    {"en", "from DN1 and S65", 0},
    {"en", "take the M1 2nd exit", 0}, /* an ordinal, not an inward code */
    {"en", "vitamin D3 2mg a day", 0}, /* an inward code has no C, I, K, M, O or V */
    {"en", "at 5pm and M4 5km", 0},
    /* ---- English: addresses */
    {"en", "I live at 12 Main Street", A},
    {"en", "4a Station Rd is noisy", A},
    {"en", "flat 3 has damp", A},
    {"en", "10 Downing Street", A},
    {"en", "12 main street floods", A}, /* lower case with a full street word */
    {"en", "a road near the park", 0},
    {"en", "Main Street needs trees", 0},        /* a street without a number */
    {"en", "2 new road crossings", 0},           /* a count of things */
    {"en", "road 2025 plan", 0},                 /* decided: a year beside a street word */
    {"en", "in 2025 Main Street will close", 0}, /* 4 digits: a year, not a house */
    {"en", "3 close friends", 0},                /* "close" in lower case is no street */
    {"en", "Station Road 5 minutes away", 0},    /* English puts the number first */
    {"en", "12 St Mary's Road", A},
    {"en", "the A57 Snake Road is shut", 0}, /* a road's number, not a house's */
    {"en", "a flat 3 miles away", 0},        /* a unit after the number */
    {"en", "5 Star Hotel on Park Road", 0},
    {"en", "Lord Street needs bins", 0}, /* "Lord" is left out of the titles */
    /* ---- English: people */
    {"en", "Mr Smith was rude", N},
    {"en", "Mrs Jones helped", N},
    {"en", "thanks to Dr Patel", N},
    {"en", "ask mr smith", N}, /* Mr is only a title, in any case */
    {"en", "Miss Jones at the school", N},
    {"en", "I miss Jones's bakery", 0}, /* "miss" the verb */
    {"en", "the doctor was kind", 0},
    {"en", "see a dr soon", 0},
    {"en", "Dr appointments are hard", 0}, /* Dr before an ordinary word */
    {"en", "Mr and Mrs", 0},
    /* ---- English: block list, whole words only */
    {"en", "this is shit", B},
    {"en", "FUCKING awful", B},
    {"en", "a first class service", 0}, /* "ass" inside "class" */
    {"en", "Scunthorpe is lovely", 0},
    {"en", "piss off", B}, /* a phrase */
    {"en", "pissed", 0},   /* "piss off" is listed, not "piss" */
    {"en", "", 0},
    {"en", " ", 0},

    /* ---- Polish */
    {"pl", "Proszę dzwonić 601 234 567", P},
    {"pl", "tel. +48 601 234 567", P},
    {"pl", "22 123 45 67 to biuro", P}, /* a landline: 2-3-2-2 */
    {"pl", "601234567", P},
    {"pl", "tel.601 234 567", P},   /* after an abbreviation's dot */
    {"pl", "wynik 1.601234567", 0}, /* inside a decimal number */
    {"pl", "Mieszkam przy ul. Długa 5", A},
    {"pl", "ulica Polna 12", A},
    {"pl", "ul. długa 5", A},             /* after "ul." any case */
    {"pl", "ul. 3 Maja 5", A},            /* a date in the street's name */
    {"pl", "ul. Długa 5 minut stąd", 0},  /* a unit after the number */
    {"pl", "123 456 789 zł na drogi", 0}, /* nine digits before a currency: money */
    {"pl", "Pan Kowalski pomógł", N},
    {"pl", "pani Kowalska z biblioteki", N},
    {"pl", "to jest kurwa skandal", B},
    {"pl", "KURWA", B},
    {"pl", "100 000 000 zł na drogi", 0}, /* money with spaces */
    {"pl", "1 000 000 zł", 0},
    {"pl", "na ulicy jest 5 dziur", 0}, /* a street word, no name, a count */
    {"pl", "w latach 2025-2030", 0},
    {"pl", "pan powiedział, że tak", 0}, /* "pan" without a name */
    {"pl", "autobus 27 o 10:30", 0},
    {"pl", "Ławki są ważne", 0},

    /* ---- Slovak */
    {"sk", "volajte 0903 123 456", P},
    {"sk", "+421 903 123 456", P},
    {"sk", "Hlavná ulica 4", A},
    {"sk", "Námestie SNP 1", A},
    {"sk", "nám. SNP 1", A},
    {"sk", "pán Novák povedal", N},
    {"sk", "Ing. Novák", N},
    {"sk", "to je kokot", B},
    {"sk", "HOVNO", B},
    {"sk", "ulica potrebuje 3 lavičky", 0},
    {"sk", "v roku 2026 bude 12 stromov", 0},
    {"sk", "pán povedal áno", 0},
    {"sk", "Bratislava 2030", 0},
    {"sk", "hovnové", 0}, /* a longer word */
    {"sk", "500 000 eur", 0},

    /* ---- Czech */
    {"cs", "volejte 603 123 456", P},
    {"cs", "+420 603 123 456", P},
    {"cs", "ulice Husova 7", A},
    {"cs", "náměstí Míru 3", A},
    {"cs", "Husova ulice 7", A},
    {"cs", "paní Nováková je skvělá", N},
    {"cs", "pan Novák", N},
    {"cs", "MUDr. Svoboda", N},
    {"cs", "to je píča", B},
    {"cs", "PÍČA", B},           /* folding of Í and Č */
    {"cs", "Vinohradská 12", 0}, /* decided: a street name needs a street word */
    {"cs", "náměstí potřebuje stromy", 0},
    {"cs", "125 000 000 Kč", 0},
    {"cs", "linka 135 jezdí v 7:45", 0},
    {"cs", "pan řekl ne", 0},
    {"cs", "kurvítko", 0},

    /* ---- Romanian */
    {"ro", "sunați la 0722 123 456", P},
    {"ro", "+40 722 123 456", P},
    {"ro", "strada Unirii 3", A},
    {"ro", "str. Mihai Eminescu nr. 5", A},
    {"ro", "bd. Unirii 12", A},
    {"ro", "ap. 12", A},
    {"ro", "domnul Popescu a ajutat", N},
    {"ro", "doamna Ionescu", N},
    {"ro", "ce căcat", B},
    {"ro", "CĂCAT", B}, /* Ă folds to ă */
    {"ro", "ţigan", B}, /* ţ with a cedilla counts as ț */
    {"ro", "pe strada mea sunt 3 copaci", 0},
    {"ro", "în 2025 și 2026", 0},
    {"ro", "domnul a spus da", 0},
    {"ro", "autobuzul 24 la ora 8:15", 0},
    {"ro", "1.000.000 lei", 0},
    {"ro", "data 12.03.2026", 0},
    {"ro", "strada 1 Decembrie nr. 5", A},
    {"ro", "123.456.789 lei", 0},

    /* ---- Urdu (Urdu digits ۰-۹ and Arabic-Indic ٠-٩ count as digits) */
    {"ur", "مجھے ۰۳۰۰ ۱۲۳۴۵۶۷ پر فون کریں", P},
    {"ur", "نمبر 0300 1234567", P},
    {"ur", "+92 300 1234567", P},
    {"ur", "٠٣٠٠١٢٣٤٥٦٧", P},
    {"ur", "فون \u200E0300\u200F 1234567\u200E کریں", P}, /* direction marks around digits */
    {"ur", "مکان نمبر \u200F۱۲", A},
    {"ur", "مکان نمبر ۱۲", A},
    {"ur", "گلی نمبر 4", A},
    {"ur", "15 مال روڈ", A},
    {"ur", "جناب احمد نے کہا", N},
    {"ur", "احمد صاحب اچھے ہیں", N},
    {"ur", "یہ حرامی ہے", B},
    {"ur", "تم chutiya ہو", B}, /* Roman Urdu */
    {"ur", "۲۰۲۵ میں پارک", 0}, /* a year in Urdu digits */
    {"ur", "۵ گلیاں", 0},       /* "streets", plural: a count */
    {"ur", "اس گلی میں 3 درخت", 0},
    {"ur", "ڈاکٹر کے پاس", 0}, /* "to the doctor" */
    {"ur", "بس نمبر 27", 0},   /* a bus */
    {"ur", "حرامیوں", 0},      /* a longer word */
    {"ur", "۱۰:۳۰ بجے", 0},
};

static quote_blocklist *shipped(void) {
    quote_blocklist *b = quote_blocklist_new();
    pk_error err = {{0}};
    CHECK(b != NULL);
    CHECK(quote_blocklist_load_dir(b, PLANKIOSK_SOURCE_ASSETS, &err));
    if (err.msg[0]) fprintf(stderr, "%s\n", err.msg);
    return b;
}

static void test_table(void) {
    quote_blocklist *b = shipped();
    int per_lang[6] = {0};
    static const char *const langs[6] = {"en", "pl", "sk", "cs", "ro", "ur"};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const screen_case *c = &cases[i];
        quote_check q;
        unsigned got = quote_screen_text(c->text, c->lang, b, &q);
        check_count++;
        if (got != c->flags || q.flags != got || (got != 0) != (q.reason[0] != '\0')) {
            check_failures++;
            fprintf(stderr, "case %zu (%s) \"%s\": flags 0x%x, expected 0x%x; reason \"%s\"\n", i,
                    c->lang, c->text, got, c->flags, q.reason);
        }
        for (int l = 0; l < 6; l++)
            if (strcmp(c->lang, langs[l]) == 0) per_lang[l]++;
    }
    for (int l = 0; l < 6; l++) CHECK(per_lang[l] >= 10);
    quote_blocklist_free(b);
}

static void test_reason(void) {
    quote_check q;
    quote_screen_text("Call 07700 900123 or jo@example.org", "en", NULL, &q);
    CHECK_STR(q.reason, "a phone number: 07700 900123; an e-mail address: jo@example.org");
    quote_screen_text("I live at S60 1AE", "en", NULL, &q);
    CHECK_STR(q.reason, "a full postcode: S60 1AE");
    quote_screen_text("12 Main Street", "en", NULL, &q);
    CHECK_STR(q.reason, "a house number and street: 12 Main Street");
    quote_screen_text("ask Mr Smith", "en", NULL, &q);
    CHECK_STR(q.reason, "a title and name: Mr Smith");
    quote_blocklist *b = shipped();
    quote_screen_text("to jest kurwa", "pl", b, &q);
    CHECK_STR(q.reason, "a word on the block list (pl): kurwa");
    quote_blocklist_free(b);
    CHECK_STR(quote_flag_name(QUOTE_FLAG_PHONE), "phone number");
    CHECK_STR(quote_flag_name(QUOTE_FLAG_BLOCKED), "word on the block list");

    /* A newline inside a match is a space in the reason (one line on the staff screen). */
    quote_screen_text("12 Main\nStreet", "en", NULL, &q);
    CHECK_STR(q.reason, "a house number and street: 12 Main Street");

    /* Many findings: the reason stays inside its buffer, cut at a whole character. */
    char many[4000] = "";
    for (int i = 0; i < 40; i++) strcat(many, "żółć@przykład.pl 07700 900123 ");
    unsigned flags = quote_screen_text(many, "pl", NULL, &q);
    CHECK_INT(flags, P | E);
    CHECK(strlen(q.reason) < sizeof q.reason);
    quote_check big;
    memset(&big, 0x55, sizeof big);
    char longest[2000] = "write to ";
    for (int i = 0; i < 150; i++) strcat(longest, "ł");
    strcat(longest, "@example.org");
    quote_screen_text(longest, "pl", NULL, &big);
    CHECK_INT(big.flags, E);
    size_t len = strlen(big.reason);
    CHECK(len < sizeof big.reason);
    CHECK(len > 3 && strcmp(big.reason + len - 3, "\xE2\x80\xA6") == 0); /* cut with "…" */
}

static char *write_file(const char *name, const char *content) {
    static char path[256];
    snprintf(path, sizeof path, "/tmp/test_quote_screen.%d.%s", (int)getpid(), name);
    FILE *f = fopen(path, "wb");
    if (!f) return path;
    fputs(content, f);
    fclose(f);
    return path;
}

static void test_blocklist_files(void) {
    quote_blocklist *b = quote_blocklist_new();
    pk_error err = {{0}};
    /* A byte order mark, CRLF, comments, blank lines, a phrase. */
    char *path = write_file("ok.txt", "\xEF\xBB\xBFgrot  # a comment\r\n\r\n# only a comment\n"
                                      "  Bad Word  \nŁajza\n");
    CHECK(quote_blocklist_load_file(b, "en", path, &err));
    CHECK_INT(quote_blocklist_count(b), 3);
    quote_check q;
    CHECK_INT(quote_screen_text("what grot", "en", b, &q), B);
    CHECK_INT(quote_screen_text("a BAD  WORD here", "en", b, &q), B);
    CHECK_INT(quote_screen_text("bad words", "en", b, &q), 0);
    CHECK_INT(quote_screen_text("ŁAJZA!", "pl", b, &q), B);
    CHECK_INT(quote_screen_text("łajza", "pl", b, &q), B);
    unlink(path);

    /* Invalid UTF-8 names the file, the line and the column. */
    path = write_file("bad.txt", "fine\nok\nab\xC3(cd\n");
    CHECK(!quote_blocklist_load_file(b, "en", path, &err));
    char want[300];
    snprintf(want, sizeof want, "%s:3:3: not UTF-8", path);
    CHECK_CONTAINS(err.msg, want);
    unlink(path);

    CHECK(!quote_blocklist_load_file(b, "en", "/nonexistent/x.txt", &err));
    CHECK_CONTAINS(err.msg, "/nonexistent/x.txt: cannot read");
    CHECK(!quote_blocklist_load_dir(b, "/nonexistent", &err));
    CHECK_CONTAINS(err.msg, "/nonexistent/moderation");
    quote_blocklist_free(b);
    quote_blocklist_free(NULL);

    /* Every shipped list loads, and has words. */
    b = shipped();
    CHECK(quote_blocklist_count(b) > 150);
    quote_blocklist_free(b);
}

static void test_config_words(void) {
    quote_blocklist *b = shipped();
    size_t before = quote_blocklist_count(b);
    quote_check q;
    CHECK_INT(quote_screen_text("the Gobbler did it", "en", b, &q), 0);
    /* moderation.block: words the config adds, in any language. */
    CHECK(quote_blocklist_add(b, "en", "gobbler"));
    CHECK(quote_blocklist_add(b, "sk", "Šašo Dlhý"));
    CHECK(quote_blocklist_add(b, "en", "   "));     /* blank: ignored */
    CHECK(quote_blocklist_add(b, "en", "# note"));  /* a comment: ignored */
    CHECK(quote_blocklist_add(b, "en", "GOBBLER")); /* already there */
    CHECK_INT(quote_blocklist_count(b), before + 2);
    CHECK_INT(quote_screen_text("the Gobbler did it", "en", b, &q), B);
    CHECK_STR(q.reason, "a word on the block list (en): Gobbler");
    CHECK_INT(quote_screen_text("ŠAŠO DLHÝ!", "sk", b, &q), B);
    CHECK_INT(quote_screen_text("šašo", "sk", b, &q), 0);
    CHECK(!quote_blocklist_add(NULL, "en", "x"));

    /* Digits and marks inside a listed word are matched as typed; marks around it are not. */
    CHECK(quote_blocklist_add(b, "en", "sh1t"));
    CHECK(quote_blocklist_add(b, "en", "f*ck"));
    CHECK(quote_blocklist_add(b, "en", "1488"));
    CHECK(quote_blocklist_add(b, "en", "\"nitwit!\""));
    CHECK_INT(quote_screen_text("what sh1t", "en", b, &q), B);
    CHECK_INT(quote_screen_text("what SH1T.", "en", b, &q), B);
    CHECK_INT(quote_screen_text("mysh1t sh1tty", "en", b, &q), 0);
    CHECK_INT(quote_screen_text("f*ck this", "en", b, &q), B);
    CHECK_INT(quote_screen_text("f*cking", "en", b, &q), 0);
    CHECK_INT(quote_screen_text("1488", "en", b, &q), B);
    CHECK_INT(quote_screen_text("۱۴۸۸", "ur", b, &q), B); /* digits in any script */
    CHECK_INT(quote_screen_text("in 14880 homes", "en", b, &q), 0);
    CHECK_INT(quote_screen_text("you nitwit", "en", b, &q), B);
    CHECK_STR(q.reason, "a word on the block list (en): nitwit");
    CHECK_INT(quote_screen_text("son-of-a-bitch", "en", b, &q), B); /* "bitch" is listed */
    CHECK(quote_blocklist_add(b, "en", "son of a gun"));
    CHECK_INT(quote_screen_text("a son-of-a-gun!", "en", b, &q), B); /* a hyphen is a space */
    CHECK_STR(q.reason, "a word on the block list (en): son-of-a-gun");
    CHECK_INT(quote_screen_text("son of a gunsmith", "en", b, &q), 0);
    quote_blocklist_free(b);
}

static void test_whole_words(void) {
    quote_blocklist *b = quote_blocklist_new();
    CHECK(quote_blocklist_add(b, "en", "ass"));
    CHECK(quote_blocklist_add(b, "ur", "بکواس"));
    quote_check q;
    CHECK_INT(quote_screen_text("class", "en", b, &q), 0);
    CHECK_INT(quote_screen_text("assess the grass", "en", b, &q), 0);
    CHECK_INT(quote_screen_text("an ass.", "en", b, &q), B);
    CHECK_INT(quote_screen_text("(ass)", "en", b, &q), B);
    CHECK_INT(quote_screen_text("ASS", "en", b, &q), B);
    CHECK_INT(quote_screen_text("یہ بکواس ہے", "ur", b, &q), B);
    CHECK_INT(quote_screen_text("یہ بکواس۔", "ur", b, &q), B);  /* before the Urdu full stop */
    CHECK_INT(quote_screen_text("یہ بکواسات", "ur", b, &q), 0); /* a longer word */
    CHECK_INT(quote_screen_text("ass", "en", NULL, &q), 0);     /* no list */
    quote_blocklist_free(b);
}

static void test_robust(void) {
    quote_check q;
    quote_blocklist *b = shipped();
    CHECK_INT(quote_screen_text(NULL, "en", b, &q), 0);
    CHECK_STR(q.reason, "");
    CHECK_INT(quote_screen_text("", NULL, b, &q), 0);
    CHECK_INT(quote_screen_text(" ", "xx", b, &q), 0);
    CHECK_INT(quote_screen_text("More trees 🌳🌳 please 👍", "en", b, &q), 0);
    CHECK_INT(quote_screen_text("\xFF\xFE\xC3\x28 07700 900123 \xE2\x82", "en", b, &q), P);
    CHECK_INT(quote_screen_text("@", "en", b, &q), 0);
    CHECK_INT(quote_screen_text("a@", "en", b, &q), 0);
    CHECK_INT(quote_screen_text("@.", "en", b, &q), 0);
    CHECK_INT(quote_screen_text("+", "en", b, &q), 0);
    CHECK_INT(quote_screen_text("Mr", "en", b, &q), 0);
    CHECK_INT(quote_screen_text("ul.", "pl", b, &q), 0);
    CHECK_INT(quote_screen_text("12", "en", b, &q), 0);
    CHECK_INT(quote_screen_text("S6", "en", b, &q), 0);
    CHECK_INT(quote_screen_text("www.", "en", b, &q), 0);
    CHECK_INT(quote_screen_text("http://", "en", b, &q), 0);

    /* 20,000 characters of each kind a scanner looks at again and again. */
    static const char *const units[] = {"1 ",  "a", "@",  "a@", "+1",       "1.",   "ul. ",
                                        "Mr ", "ł", "۱ ", "S6", "12 Main ", "\xFF", "🌳"};
    size_t size = 80000;
    char *s = malloc(size + 8);
    CHECK(s != NULL);
    for (size_t u = 0; s && u < sizeof units / sizeof *units; u++) {
        size_t at = 0, len = strlen(units[u]);
        while (at + len < size) {
            memcpy(s + at, units[u], len);
            at += len;
        }
        s[at] = '\0';
        quote_screen_text(s, "en", b, &q);
        CHECK(strlen(q.reason) < sizeof q.reason);
    }
    free(s);
    quote_blocklist_free(b);
}

int main(void) {
    RUN(test_table);
    RUN(test_reason);
    RUN(test_blocklist_files);
    RUN(test_config_words);
    RUN(test_whole_words);
    RUN(test_robust);
    return check_report();
}
