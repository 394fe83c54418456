/* fuzz_quote_screen: the automatic check of visitors' quotes (quotes/quote_screen.h) on any
 * bytes. A visitor types the text, staff type the block-list words into the config, and both
 * come back from logs on disk, so no bytes may crash, leak, read out of bounds or take more
 * than linear time (libFuzzer's -timeout catches a scan that backtracks).
 *
 * Beyond that, the contract is checked: the reason is NUL-terminated inside its buffer, valid
 * UTF-8 without control characters (it is shown on the staff screen and written to the
 * review sheet), empty exactly when no flag is set; only known flags are set; a second check
 * gives the same answer; and every word the input adds to a block list, when it was new, is
 * found again when it is itself the text.
 *
 * The first byte chooses: bit 0, the shipped lists (assets/moderation) are used; bit 1, the
 * input up to its first NUL byte is block-list lines for a list of its own and the rest is the
 * text (otherwise all of it is the text). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quotes/quote_screen.h"
#include "text/utf8.h"

#define ALL_FLAGS                                                                                  \
    (QUOTE_FLAG_PHONE | QUOTE_FLAG_EMAIL | QUOTE_FLAG_WEB | QUOTE_FLAG_POSTCODE |                  \
     QUOTE_FLAG_ADDRESS | QUOTE_FLAG_PERSON | QUOTE_FLAG_BLOCKED)

static quote_blocklist *shipped;

static void fail(const char *why, const char *text) {
    fprintf(stderr, "fuzz_quote_screen: %s (text: \"%.200s\")\n", why, text);
    abort();
}

static void cleanup(void) { quote_blocklist_free(shipped); }

static void setup(void) {
    pk_error err = {{0}};
    shipped = quote_blocklist_new();
    if (!shipped || !quote_blocklist_load_dir(shipped, FUZZ_SOURCE_DIR "/assets", &err))
        fail(err.msg, "");
    atexit(cleanup);
}

static unsigned check(const char *text, const quote_blocklist *b) {
    quote_check q;
    memset(&q, 0x5A, sizeof q); /* nothing from before may leak into the answer */
    unsigned flags = quote_screen_text(text, "en", b, &q);
    if (flags != q.flags) fail("the flags returned differ from those stored", text);
    if (flags & ~(unsigned)ALL_FLAGS) fail("an unknown flag", text);
    const char *nul = memchr(q.reason, '\0', sizeof q.reason);
    if (!nul) fail("the reason is not terminated inside its buffer", text);
    size_t len = (size_t)(nul - q.reason);
    if ((flags != 0) != (len != 0)) fail("a flag without a reason, or a reason without one", text);
    if (!utf8_valid(q.reason, len)) fail("the reason is not UTF-8", text);
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)q.reason[i] < 0x20 || q.reason[i] == 0x7F)
            fail("a control character in the reason", text);
    quote_check again;
    if (quote_screen_text(text, "ur", b, &again) != flags || strcmp(again.reason, q.reason) != 0)
        fail("a second check gave another answer", text);
    return flags;
}

/* Adds each line of lines (n bytes, up to '#' as quote_blocklist_load_file reads them) to a list
 * of its own, and checks that each new one is found as a text by itself. */
static void check_list(const char *lines, size_t n) {
    quote_blocklist *b = quote_blocklist_new();
    if (!b) return;
    char word[512];
    for (size_t start = 0; start < n;) {
        const char *nl = memchr(lines + start, '\n', n - start);
        size_t end = nl ? (size_t)(nl - lines) : n;
        size_t len = end - start < sizeof word - 1 ? end - start : sizeof word - 1;
        memcpy(word, lines + start, len);
        word[len] = '\0';
        size_t before = quote_blocklist_count(b);
        if (!quote_blocklist_add(b, "xx", word)) break; /* out of memory */
        if (quote_blocklist_count(b) > before + 1) fail("one line added two words", word);
        if (quote_blocklist_count(b) == before + 1) {
            word[strcspn(word, "#")] = '\0';
            if (!(check(word, b) & QUOTE_FLAG_BLOCKED)) fail("a listed word was not found", word);
        }
        start = end + 1;
    }
    quote_blocklist_free(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!shipped) setup();
    if (size < 1) return 0;
    unsigned mode = data[0];
    const char *bytes = (const char *)data + 1;
    size_t n = size - 1;
    if (mode & 2) {
        const char *zero = memchr(bytes, '\0', n);
        size_t list = zero ? (size_t)(zero - bytes) : n;
        check_list(bytes, list);
        bytes += zero ? list + 1 : n;
        n -= zero ? list + 1 : n;
    }
    char *text = malloc(n + 1); /* the rest of plankiosk passes NUL-terminated strings */
    if (!text) return 0;
    memcpy(text, bytes, n);
    text[n] = '\0';
    check(text, mode & 1 ? shipped : NULL);
    free(text);
    return 0;
}
