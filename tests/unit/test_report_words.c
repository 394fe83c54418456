/* report_words: the words and two-word phrases a board reads at the head of each theme's
 * comments. Each test is something a reader of the report would notice: a word counted twice
 * for one visitor, "Ławki" and "ławki" apart, "the" at the top, a phrase that no one wrote. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "export/report_words.h"

#define STOPWORDS TEST_SOURCE_DIR "/assets/stopwords"

/* The count of term among the top (0 if it is not there). */
static long count_of(const report_words *w, bool two_words, const char *term) {
    report_term top[64];
    int n = report_words_top(w, two_words, top, 64);
    for (int i = 0; i < n; i++)
        if (strcmp(top[i].term, term) == 0) return top[i].count;
    return 0;
}

static void counted_once_per_comment(void) {
    report_words *w = report_words_new(STOPWORDS);
    report_words_add(w, "Benches benches BENCHES, we need benches", "en", 0);
    report_words_add(w, "more benches", "en", 1);
    report_term top[4];
    CHECK_INT(report_words_top(w, false, top, 4), 1);
    CHECK_STR(top[0].term, "benches");
    CHECK_INT(top[0].count, 2);
    CHECK_INT(top[0].n_comments, 2);
    /* A visitor's two answers under one theme are one comment. */
    report_words_add(w, "benches", "en", 1);
    CHECK_INT(count_of(w, false, "benches"), 2);
    report_words_free(w);
}

static void polish_letters_fold(void) {
    report_words *w = report_words_new(STOPWORDS);
    report_words_add(w, "Ławki w parku są połamane", "pl", 0);
    report_words_add(w, "ŁAWKI! I ŻÓŁTE ŚMIETNIKI", "pl", 1);
    report_words_add(w, "nowe ławki i żółte śmietniki", "pl", 2);
    CHECK_INT(count_of(w, false, "ławki"), 3);
    CHECK_INT(count_of(w, false, "żółte"), 2);
    CHECK_INT(count_of(w, false, "śmietniki"), 2);
    CHECK_INT(count_of(w, true, "żółte śmietniki"), 2);
    /* "w" and "i" are single letters, "są" a Polish stop word. */
    CHECK_INT(count_of(w, false, "są"), 0);
    report_words_free(w);

    w = report_words_new(NULL);
    report_words_add(w, "Ředitel ŘEDITEL Ελλάδα", "cs", 0);
    report_words_add(w, "ředitel ΕΛΛΆΔΑ ДОРОГА", "cs", 1);
    report_words_add(w, "дорога", "cs", 2);
    CHECK_INT(count_of(w, false, "ředitel"), 2);
    CHECK_INT(count_of(w, false, "ελλάδα"), 2);
    CHECK_INT(count_of(w, false, "дорога"), 2);
    report_words_free(w);
}

static void stop_words_dropped(void) {
    report_words *w = report_words_new(STOPWORDS);
    report_words_add(w, "The toilets are dirty and I think they should be cleaned", "en", 0);
    report_words_add(w, "Please clean the toilets, they are dirty", "en-GB", 1);
    report_term top[8];
    int n = report_words_top(w, false, top, 8);
    CHECK_INT(n, 2);
    CHECK_STR(top[0].term, "dirty");
    CHECK_STR(n > 1 ? top[1].term : "", "toilets");
    /* A stop word of one language is a word in another. */
    report_words_add(w, "the end", "pl", 2);
    report_words_add(w, "the end", "pl", 3);
    CHECK_INT(count_of(w, false, "the"), 2);
    report_words_free(w);
}

static void phrases_broken_by_stop_words(void) {
    report_words *w = report_words_new(STOPWORDS);
    report_words_add(w, "The bus station needs a roof", "en", 0);
    report_words_add(w, "the bus station is too far", "en", 1);
    report_words_add(w, "from the bus to the station", "en", 2);
    CHECK_INT(count_of(w, true, "bus station"), 2);
    CHECK_INT(count_of(w, true, "the bus"), 0);
    /* Punctuation ends a phrase; spaces of any kind do not. */
    report_words_add(w, "More buses. Trains late", "en", 3);
    report_words_add(w, "more buses; trains late", "en", 4);
    report_words_add(w, "more\u00a0buses\n", "en", 5);
    CHECK_INT(count_of(w, true, "buses trains"), 0);
    CHECK_INT(count_of(w, true, "trains late"), 2);
    /* "more" is a word on purpose (en.txt says why). */
    CHECK_INT(count_of(w, true, "more buses"), 3);
    /* A number or a single letter between two words breaks the phrase too. */
    report_words_add(w, "line 7 bus", "en", 6);
    report_words_add(w, "line 7 bus", "en", 7);
    CHECK_INT(count_of(w, true, "line bus"), 0);
    report_words_free(w);
}

static void urdu_words_counted(void) {
    report_words *w = report_words_new(STOPWORDS);
    report_words_add(w, "شہر میں مزید پارک چاہیے۔", "ur", 0);
    report_words_add(w, "پارک صاف نہیں ہے، بچوں کے لیے خطرناک", "ur", 1);
    report_words_add(w, "بچوں کے لیے پارک", "ur", 2);
    CHECK_INT(count_of(w, false, "پارک"), 3); /* the Urdu full stop "۔" is not part of it */
    CHECK_INT(count_of(w, false, "بچوں"), 2);
    CHECK_INT(count_of(w, false, "میں"), 0); /* stop words */
    CHECK_INT(count_of(w, false, "نہیں"), 0);
    CHECK_INT(count_of(w, false, "کے"), 0);
    /* A zero-width non-joiner belongs to the word; bidi marks are invisible. */
    report_words_add(w, "ٹرانسپورٹ\u200cوالے", "ur", 3);
    report_words_add(w, "\u200fٹرانسپورٹ\u200cوالے\u200f", "ur", 4);
    CHECK_INT(count_of(w, false, "ٹرانسپورٹ\u200cوالے"), 2);
    report_words_free(w);

    w = report_words_new(STOPWORDS);
    report_words_add(w, "বাস স্টেশন পরিষ্কার নয়", "bn", 0);
    report_words_add(w, "বাস স্টেশন।", "bn", 1);
    CHECK_INT(count_of(w, true, "বাস স্টেশন"), 2); /* the danda ends the word */
    report_words_add(w, "শুভ সকাল", "bn", 2);
    report_words_add(w, "\u09b6\u09c1\u09ad \u09b8\u0995\u09be\u09b2", "bn", 3);
    CHECK_INT(count_of(w, false, "শুভ"), 2);
    report_words_free(w);
}

static void romanian_cedilla_and_comma(void) {
    report_words *w = report_words_new(STOPWORDS);
    report_words_add(w, "\u015Fcoala are nevoie de parcare", "ro", 0); /* ş with a cedilla */
    report_words_add(w, "\u0218coala \u0219i parcarea", "ro", 1);      /* Ș, ș with a comma */
    CHECK_INT(count_of(w, false, "\u0219coala"), 2);
    CHECK_INT(count_of(w, false, "de"), 0);
    report_words_free(w);
}

static void ties_alphabetical(void) {
    report_words *w = report_words_new(NULL);
    report_words_add(w, "zebra crossing mango apple", "en", 0);
    report_words_add(w, "zebra mango apple", "en", 1);
    report_words_add(w, "crossing crossing", "en", 2);
    report_words_add(w, "crossing", "en", 3);
    report_term top[8];
    int n = report_words_top(w, false, top, 8);
    CHECK_INT(n, 4);
    const char *want[] = {"crossing", "apple", "mango", "zebra"};
    for (int i = 0; i < n && i < 4; i++) CHECK_STR(top[i].term, want[i]);
    CHECK_INT(top[0].count, 3);
    /* Fewer asked for: still the best ones, in order. */
    CHECK_INT(report_words_top(w, false, top, 2), 2);
    CHECK_STR(top[0].term, "crossing");
    CHECK_STR(top[1].term, "apple");
    report_words_free(w);
}

static void seen_once_left_out(void) {
    report_words *w = report_words_new(STOPWORDS);
    report_words_add(w, "graffiti under the bridge", "en", 0);
    report_words_add(w, "lovely flowers", "en", 1);
    report_term top[4];
    CHECK_INT(report_words_top(w, false, top, 4), 0);
    CHECK_INT(report_words_top(w, true, top, 4), 0);
    report_words_free(w);
}

static void comment_indices_listed(void) {
    report_words *w = report_words_new(STOPWORDS);
    report_words_add(w, "bins overflowing", "en", 5);
    report_words_add(w, "bins bins bins", "en", 2);
    report_words_add(w, "no bins", "en", 2); /* the same comment, a second answer */
    report_words_add(w, "empty the bins", "en", 9);
    report_words_add(w, "bins overflowing", "en", 11);
    report_term top[4];
    int n = report_words_top(w, false, top, 4);
    CHECK_INT(n, 2);
    CHECK_STR(top[0].term, "bins");
    CHECK_INT(top[0].n_comments, 4);
    long want[] = {5, 2, 9, 11};
    for (long i = 0; i < top[0].n_comments && i < 4; i++) CHECK_INT(top[0].comments[i], want[i]);
    CHECK_STR(top[1].term, "overflowing");
    CHECK_INT(top[1].comments[0], 5);
    CHECK_INT(top[1].comments[1], 11);
    CHECK_INT(count_of(w, true, "bins overflowing"), 2);
    report_words_free(w);
}

static void harmless_input(void) {
    report_words *w = report_words_new(STOPWORDS);
    report_words_add(w, NULL, "en", 0);
    report_words_add(w, "", "en", 1);
    report_words_add(w, "🙂🙂 👍🏽 🇬🇧 ❤️", "en", 2);
    report_words_add(w, "🙂🙂 👍🏽 🇬🇧 ❤️", "en", 3);
    report_words_add(w, "   \t\n", NULL, 4);
    report_words_add(w, "\xff\xfe\xc3 \xe2\x82", "../../etc/passwd", 5);
    report_words_add(w, "2025 10,000 £5 a b c", "en", 6);
    report_words_add(w, "2025 10,000 £5 a b c 12-14", "en", 7);
    report_words_add(w, "x", "", 8);
    report_term top[4];
    CHECK_INT(report_words_top(w, false, top, 4), 0);
    CHECK_INT(report_words_top(w, true, top, 4), 0);
    CHECK_INT(report_words_top(w, false, top, 0), 0);
    CHECK_INT(report_words_top(NULL, false, top, 4), 0);
    report_words_add(NULL, "text", "en", 0);
    /* Letters and digits together are a word (a road); emoji around words only separate. */
    report_words_add(w, "The A57 🚗🚗 is busy", "en", 9);
    report_words_add(w, "a57 traffic", "en", 10);
    CHECK_INT(count_of(w, false, "a57"), 2);
    /* Invalid bytes separate words without eating them. */
    report_words_add(w,
                     "traffic\xff"
                     "jam",
                     "en", 11);
    CHECK_INT(count_of(w, false, "traffic"), 2);
    report_words_free(w);
    report_words_free(NULL);
}

static void apostrophes_and_hyphens(void) {
    report_words *w = report_words_new(STOPWORDS);
    report_words_add(w, "Don’t close the well-lit underpass", "en", 0);
    report_words_add(w, "don't - WELL-LIT underpass!", "en", 1);
    report_words_add(w, "the 'underpass' is -dark-", "en", 2);
    report_words_add(w, "dark", "en", 3);
    CHECK_INT(count_of(w, false, "well-lit"), 2);
    CHECK_INT(count_of(w, false, "underpass"), 3); /* quotes and dashes around are not in it */
    CHECK_INT(count_of(w, false, "dark"), 2);
    CHECK_INT(count_of(w, true, "well-lit underpass"), 2);
    CHECK_INT(count_of(w, false, "don't"), 0); /* a stop word, however the apostrophe is typed */
    CHECK_INT(count_of(w, false, "don’t"), 0);
    report_words_free(w);
}

static void write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f) return;
    fputs(text, f);
    fclose(f);
}

static void missing_stopword_file(void) {
    /* No such folder: every word counts. */
    report_words *w = report_words_new(TEST_BINARY_DIR "/no-such-stopwords");
    CHECK(w != NULL);
    report_words_add(w, "the park", "en", 0);
    report_words_add(w, "The park", "en", 1);
    CHECK_INT(count_of(w, false, "the"), 2);
    CHECK_INT(count_of(w, true, "the park"), 2);
    report_words_free(w);

    /* A language with no file, beside one with a file of our own: '#' comments, capitals. */
    const char *dir = TEST_BINARY_DIR "/test_report_words.d";
    mkdir(dir, 0777);
    write_file(TEST_BINARY_DIR "/test_report_words.d/zz.txt",
               "# stop words for the test\nParking # an inline comment\n\nbus\n");
    w = report_words_new(dir);
    report_words_add(w, "parking bus stop", "zz", 0);
    report_words_add(w, "PARKING bus stop", "ZZ", 1);
    report_words_add(w, "parking", "qq", 2);
    report_words_add(w, "parking comment", "qq", 3);
    report_words_add(w, "comment", "qq", 4);
    report_words_add(w, "parking bus", NULL, 5);
    report_words_add(w, "parking bus", NULL, 6);
    CHECK_INT(count_of(w, false, "stop"), 2);
    CHECK_INT(count_of(w, false, "parking"), 4); /* in qq and without a language, not in zz */
    CHECK_INT(count_of(w, false, "bus"), 2);
    CHECK_INT(count_of(w, false, "comment"), 2); /* the file's comment is no stop word */
    CHECK_INT(count_of(w, true, "parking bus"), 2);
    report_words_free(w);
}

/* Many comments from a small vocabulary: the counts, and the order, match a plain count, for
 * words and for phrases (enough of them to be counted in several parts). */
static void agrees_with_a_plain_count(void) {
    static const char *vocab[] = {"bench",   "bins",   "trees",   "buses",  "lights", "toilets",
                                  "parking", "market", "library", "police", "cycle",  "roads"};
    enum { V = sizeof vocab / sizeof vocab[0], COMMENTS = 6000 };
    static long want[V], want_pair[V][V];
    report_words *w = report_words_new(STOPWORDS);
    unsigned seed = 12345;
    for (long c = 0; c < COMMENTS; c++) {
        char text[512] = "";
        bool seen[V] = {false}, seen_pair[V][V] = {{false}};
        int words = 1 + (int)(c % 9), before = -1;
        for (int i = 0; i < words; i++) {
            seed = seed * 1103515245u + 12345u;
            int v = (int)((seed >> 16) % (unsigned)(V - (c % 5))); /* uneven: later words rarer */
            if (before >= 0) seen_pair[before][v] = true;
            strcat(text, vocab[v]);
            seen[v] = true;
            int sep = (int)((seed >> 8) % 5); /* a space joins a phrase; a comma or "the" not */
            strcat(text, sep < 3 ? " " : sep == 3 ? ", " : " the ");
            before = sep < 3 ? v : -1;
        }
        for (int v = 0; v < V; v++) {
            want[v] += seen[v];
            for (int u = 0; u < V; u++) want_pair[v][u] += seen_pair[v][u];
        }
        report_words_add(w, text, "en", c);
    }
    report_term top[V * V];
    for (int two = 0; two < 2; two++) {
        int expected = 0;
        for (int v = 0; v < V; v++)
            for (int u = 0; u < V; u++)
                expected += two ? want_pair[v][u] >= 2 : u == 0 && want[v] >= 2;
        int n = report_words_top(w, two, top, V * V);
        CHECK_INT(n, expected);
        for (int i = 0; i < n; i++) {
            for (int v = 0; v < V; v++)
                for (int u = 0; u < (two ? V : 1); u++) {
                    char term[64];
                    snprintf(term, sizeof term, two ? "%s %s" : "%s", vocab[v], vocab[u]);
                    if (strcmp(top[i].term, term) == 0)
                        CHECK_INT(top[i].count, two ? want_pair[v][u] : want[v]);
                }
            for (long j = 1; j < top[i].n_comments; j++)
                CHECK(top[i].comments[j] > top[i].comments[j - 1]);
            if (i > 0)
                CHECK(
                    top[i - 1].count > top[i].count ||
                    (top[i - 1].count == top[i].count && strcmp(top[i - 1].term, top[i].term) < 0));
        }
    }
    report_words_free(w);
}

int main(void) {
    RUN(counted_once_per_comment);
    RUN(polish_letters_fold);
    RUN(stop_words_dropped);
    RUN(phrases_broken_by_stop_words);
    RUN(urdu_words_counted);
    RUN(romanian_cedilla_and_comma);
    RUN(ties_alphabetical);
    RUN(seen_once_left_out);
    RUN(comment_indices_listed);
    RUN(harmless_input);
    RUN(apostrophes_and_hyphens);
    RUN(missing_stopword_file);
    RUN(agrees_with_a_plain_count);
    return check_report();
}
