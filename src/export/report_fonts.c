/* report_fonts: the fonts the kiosk ships, inside the report, so that a comment in Urdu prints
 * in Urdu on a council laptop that has no font for it (and the page looks the same everywhere).
 *
 * The idea: a page uses a few hundred characters, and a whole Noto Sans is half a megabyte, so
 * each font is cut down with HarfBuzz's subsetter (hb-subset, in Debian bookworm's
 * libharfbuzz-dev) to the characters the page holds, glyphs its shaping needs included (the
 * Arabic letters' joined forms), and embedded as an @font-face with a base64 data: URI. The
 * Arabic-script font (Noto Naskh Arabic UI) goes in only when the page has Arabic-script text.
 * Where a font cannot be cut, it goes in whole rather than not at all.
 *
 * Ownership: a report_charset is the caller's (report_charset_free); nothing else is kept. */
#include <harfbuzz/hb-subset.h>
#include <harfbuzz/hb.h>
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export/report_parts.h"
#include "text/utf8.h"

#define MAX_CP 0x110000

struct report_charset {
    uint32_t bits[MAX_CP / 32];
};

report_charset *report_charset_new(void) { return calloc(1, sizeof(report_charset)); }

void report_charset_free(report_charset *cs) { free(cs); }

void report_charset_add(report_charset *cs, const char *s, size_t n) {
    for (size_t i = 0; i < n;) {
        unsigned char b = (unsigned char)s[i];
        uint32_t cp = b;
        if (b < 0x80) { /* most of a page: no need to decode */
            i++;
        } else {
            int len = utf8_decode(s + i, n - i, &cp);
            if (len <= 0) break;
            i += (size_t)len;
        }
        if (cp < MAX_CP) cs->bits[cp / 32] |= 1u << (cp % 32);
    }
}

static bool has(const report_charset *cs, uint32_t cp) {
    return cs->bits[cp / 32] >> (cp % 32) & 1u;
}

bool report_charset_has_arabic(const report_charset *cs) {
    static const uint32_t ranges[][2] = {
        {0x0600, 0x06FF}, {0x0750, 0x077F}, {0x08A0, 0x08FF}, {0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}};
    for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
        for (uint32_t cp = ranges[r][0]; cp <= ranges[r][1]; cp++)
            if (has(cs, cp)) return true;
    return false;
}

/* The font file cut to the characters in cs, as a blob (NULL when it cannot be cut). */
static hb_blob_t *subset(hb_face_t *face, const report_charset *cs) {
    hb_subset_input_t *input = hb_subset_input_create_or_fail();
    if (!input) return NULL;
    hb_set_t *unicodes = hb_subset_input_unicode_set(input);
    for (uint32_t w = 0; w < MAX_CP / 32; w++)
        for (uint32_t b = 0; cs->bits[w] && b < 32; b++)
            if (cs->bits[w] >> b & 1u) hb_set_add(unicodes, w * 32 + b);
    /* hinting is for small sizes on screens of the 1990s; a printed page does not need it */
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
    hb_face_t *cut = hb_subset_or_fail(face, input);
    hb_subset_input_destroy(input);
    if (!cut) return NULL;
    hb_blob_t *blob = hb_face_reference_blob(cut);
    hb_face_destroy(cut);
    return blob;
}

static void font_face(FILE *f, const char *path, const char *family, int weight,
                      const report_charset *cs) {
    hb_blob_t *whole = hb_blob_create_from_file_or_fail(path);
    if (!whole) {
        fprintf(f, "/* %s: not found, so not embedded */\n",
                strrchr(path, '/') ? strrchr(path, '/') + 1 : path);
        return;
    }
    hb_face_t *face = hb_face_create(whole, 0);
    hb_blob_t *cut = subset(face, cs);
    hb_blob_t *use = cut ? cut : whole;
    unsigned len = 0;
    const char *data = hb_blob_get_data(use, &len);
    size_t b64_len = sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_ORIGINAL);
    char *b64 = len ? malloc(b64_len) : NULL;
    if (b64) {
        sodium_bin2base64(b64, b64_len, (const unsigned char *)data, len,
                          sodium_base64_VARIANT_ORIGINAL);
        if (!cut) fputs("/* could not be cut to the characters used: embedded whole */\n", f);
        fprintf(f,
                "@font-face { font-family: \"%s\"; font-weight: %d; font-style: normal;\n"
                "  src: url(data:font/ttf;base64,%s) format(\"truetype\"); }\n",
                family, weight, b64);
    }
    free(b64);
    if (cut) hb_blob_destroy(cut);
    hb_face_destroy(face);
    hb_blob_destroy(whole);
}

void report_fonts_write(FILE *f, const report_charset *cs, const char *fonts_dir) {
    static const struct {
        const char *file, *family;
        int weight;
        bool arabic;
    } fonts[] = {
        {"NotoSans-Regular.ttf", "PK Sans", 400, false},
        {"NotoSans-Bold.ttf", "PK Sans", 700, false},
        {"NotoNaskhArabicUI-Regular.ttf", "PK Naskh", 400, true},
        {"NotoNaskhArabicUI-Bold.ttf", "PK Naskh", 700, true},
    };
    bool arabic = report_charset_has_arabic(cs);
    fputs("/* The kiosk's own fonts (SIL Open Font License), cut to the characters on this page. "
          "*/\n",
          f);
    for (size_t i = 0; i < sizeof fonts / sizeof fonts[0]; i++) {
        if (fonts[i].arabic && !arabic) continue;
        char path[1200];
        snprintf(path, sizeof path, "%s/%s", fonts_dir, fonts[i].file);
        font_face(f, path, fonts[i].family, fonts[i].weight, cs);
    }
}
