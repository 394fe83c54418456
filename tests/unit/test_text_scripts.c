/* text in every script the kiosk speaks: English, Polish, Slovak, Czech, Romanian and Urdu.
 * Every character must have a glyph in the face chosen for it (no missing-glyph boxes), blocks
 * must draw something, Urdu must read right to left and sit at the right of its box, numbers
 * and English names inside Urdu must still read left to right, wrapping must not cut Urdu words
 * and fitting must give a block that really fits. Renders with SDL's software renderer into a
 * surface: needs SDL_ttf, no display. Also prints how long fitting takes (no thresholds). */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "check.h"
#include "config/config.h"
#include "render/slides/slides.h"
#include "text/bidi.h"
#include "text/script.h"
#include "text/text.h"
#include "text/utf8.h"

#define FONTS TEST_SOURCE_DIR "/assets/fonts/"

typedef struct sample {
    const char *lang, *text;
    bool rtl;
} sample;

static const sample samples[] = {
    {"en", "What would you like for Rotherham in 2025?", false},
    {"pl", "Zażółć gęślą jaźń", false},
    {"sk", "Ďakujeme, že ste prišli", false},
    {"cs", "Příliš žluťoučký kůň", false},
    {"ro", "Înțelegeți șapte țări", false},
    {"ur", "روتھرہم کا منصوبہ 2025", true},
    {"ur+en", "جیک، عمر 8 سال — Sep 2018", true},
};
#define N_SAMPLES (int)(sizeof samples / sizeof samples[0])

/* An Urdu paragraph with a date, a name, Urdu full stops and quotation marks that Naskh lacks. */
static const char *urdu_paragraph =
    "روتھرہم کا منصوبہ ہم سب کا مشترکہ منصوبہ ہے۔ ہم چاہتے ہیں کہ 2025 تک روتھرہم ایک ایسی جگہ "
    "ہو جہاں لوگ رہنا، کام کرنا، پڑھنا اور سرمایہ کاری کرنا چاہیں۔ جیک، عمر 8 سال، نے کہا: "
    "”مجھے پارک پسند ہیں“۔";

static text_ctx *tx;

/* --- pixels --- */

typedef struct canvas {
    SDL_Surface *s;
    SDL_Renderer *r;
} canvas;

static canvas canvas_new(int w, int h) {
    canvas c;
    c.s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    c.r = c.s ? SDL_CreateSoftwareRenderer(c.s) : NULL;
    if (c.r) {
        SDL_SetRenderDrawColor(c.r, 0, 0, 0, 0);
        SDL_RenderClear(c.r);
    }
    return c;
}

static void canvas_free(canvas *c) {
    text_drop_textures(tx); /* the cache's textures belong to this renderer */
    if (c->r) SDL_DestroyRenderer(c->r);
    SDL_FreeSurface(c->s);
}

static Uint8 alpha_at(const SDL_Surface *s, int x, int y) {
    Uint32 p = ((const Uint32 *)((const Uint8 *)s->pixels + y * s->pitch))[x];
    return (Uint8)(p >> 24); /* ARGB8888 */
}

/* The bounding box of the inked pixels (alpha above a faint threshold); w 0 when blank. */
static SDL_Rect ink(const SDL_Surface *s) {
    int x0 = s->w, y0 = s->h, x1 = -1, y1 = -1;
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++)
            if (alpha_at(s, x, y) > 24) {
                if (x < x0) x0 = x;
                if (x > x1) x1 = x;
                if (y < y0) y0 = y;
                if (y > y1) y1 = y;
            }
    return x1 < 0 ? (SDL_Rect){0, 0, 0, 0} : (SDL_Rect){x0, y0, x1 - x0 + 1, y1 - y0 + 1};
}

static long inked_pixels(const SDL_Surface *s) {
    long n = 0;
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++) n += alpha_at(s, x, y) > 24;
    return n;
}

static const pk_color white = {255, 255, 255, 255};

/* Draws s with text_draw into a fresh w x h canvas at (0,0), the box the whole canvas. */
static canvas draw(const char *s, font_role role, int px, int w, int h, draw_align align) {
    canvas c = canvas_new(w, h);
    if (c.r) text_draw(tx, c.r, role, px, s, (pk_rect){0, 0, w, h}, align, false, white, 255);
    return c;
}

/* --- tests --- */

/* Each character is drawn by the face script.c chooses, and that face (the file in assets/,
 * opened here on its own) has a glyph for it. */
static void every_character_has_a_glyph(void) {
    TTF_Font *faces[SCRIPT_COUNT] = {TTF_OpenFont(FONTS "NotoSans-Regular.ttf", 24),
                                     TTF_OpenFont(FONTS TEXT_ARABIC_REGULAR_FILE, 24)};
    CHECK(faces[SCRIPT_LATIN] && faces[SCRIPT_ARABIC]);
    if (!faces[SCRIPT_LATIN] || !faces[SCRIPT_ARABIC]) return;
    const char *extra[] = {
        urdu_paragraph, "رابطہ (Jack Smith) سے 2 بجے!", "اردو", "Slovenčina", "Čeština", "Română",
        "Polski"};
    for (int k = 0; k < N_SAMPLES + (int)(sizeof extra / sizeof extra[0]); k++) {
        const char *s = k < N_SAMPLES ? samples[k].text : extra[k - N_SAMPLES];
        script_run runs[64];
        int n = text_script_runs(tx, FONT_REGULAR, s, strlen(s), runs, 64);
        CHECK(n >= 1 && n <= 64);
        for (int i = 0; i < n && i < 64; i++)
            for (size_t p = runs[i].start, end = p + runs[i].len; p < end;) {
                uint32_t cp;
                p += (size_t)utf8_decode(s + p, end - p, &cp);
                if (script_is_invisible(cp)) continue;
                if (script_is_arabic(cp)) CHECK_INT(runs[i].script, SCRIPT_ARABIC);
                bool has = TTF_GlyphIsProvided32(faces[runs[i].script], cp);
                if (!has)
                    fprintf(stderr, "U+%04X in \"%s\" has no glyph in the %s face\n", (unsigned)cp,
                            s, script_tag(runs[i].script));
                CHECK(has);
            }
        uint32_t missing = 0;
        CHECK(text_glyphs_provided(tx, FONT_REGULAR, s, &missing, NULL));
        CHECK(text_glyphs_provided(tx, FONT_BOLD, s, &missing, NULL));
    }
    TTF_CloseFont(faces[SCRIPT_LATIN]);
    TTF_CloseFont(faces[SCRIPT_ARABIC]);
}

static bool copy_file(const char *from, const char *to) {
    size_t n = 0;
    void *data = SDL_LoadFile(from, &n);
    SDL_RWops *out = data ? SDL_RWFromFile(to, "wb") : NULL;
    bool ok = out && SDL_RWwrite(out, data, 1, n) == n;
    if (out) SDL_RWclose(out);
    SDL_free(data);
    return ok;
}

/* Without the Arabic faces next to the Latin ones, Urdu falls back to Noto Sans, which has no
 * Arabic letters: every one would be a missing-glyph box. The check says so; Latin is fine. */
static void without_arabic_face_urdu_has_missing_glyphs(void) {
    const char *dir = TEST_BINARY_DIR "/latin-fonts-only";
    mkdir(dir, 0755);
    CHECK(copy_file(FONTS "NotoSans-Regular.ttf", TEST_BINARY_DIR "/latin-fonts-only/r.ttf"));
    CHECK(copy_file(FONTS "NotoSans-Bold.ttf", TEST_BINARY_DIR "/latin-fonts-only/b.ttf"));
    pk_error err;
    text_ctx *t = text_create(TEST_BINARY_DIR "/latin-fonts-only/r.ttf",
                              TEST_BINARY_DIR "/latin-fonts-only/b.ttf", &err);
    CHECK(t != NULL);
    if (!t) return;
    CHECK(!text_has_face(t, SCRIPT_ARABIC));
    CHECK(text_has_face(tx, SCRIPT_ARABIC));
    uint32_t missing = 0;
    size_t at = 99;
    CHECK(!text_glyphs_provided(t, FONT_REGULAR, "روتھرہم کا منصوبہ 2025", &missing, &at));
    CHECK_INT(missing, 0x0631); /* ر, the first letter */
    CHECK_INT(at, 0);
    CHECK(!text_glyphs_provided(t, FONT_BOLD, "Sep 2018 — جیک", &missing, &at));
    CHECK_INT(at, strlen("Sep 2018 — "));
    for (int i = 0; i < N_SAMPLES; i++)
        if (!samples[i].rtl)
            CHECK(text_glyphs_provided(t, FONT_REGULAR, samples[i].text, NULL, NULL));
    /* It still lays out (with boxes) rather than failing. */
    CHECK(text_measure(t, FONT_REGULAR, 24, "روتھرہم", strlen("روتھرہم")) > 0);
    text_free(t);
}

static void direction_of_each_sample(void) {
    for (int i = 0; i < N_SAMPLES; i++) {
        if (text_is_rtl(samples[i].text) != samples[i].rtl)
            fprintf(stderr, "text_is_rtl(%s) wrong\n", samples[i].lang);
        CHECK(text_is_rtl(samples[i].text) == samples[i].rtl);
    }
    CHECK(!text_is_rtl(""));
    CHECK(!text_is_rtl(NULL));
    CHECK(!text_is_rtl("2025, 8 — 12%")); /* no letters: left to right */
    CHECK(text_is_rtl("2025 روتھرہم"));   /* digits first, then an Urdu word */
    CHECK(!text_is_rtl("Jack: جیک"));     /* a tie: the first letter decides */
    CHECK(text_is_rtl("جیک: Jack"));
    /* Most words decide: an Urdu sentence that starts with an English name is Urdu... */
    CHECK(text_is_rtl("Rotherham کا منصوبہ کیا ہے؟"));
    CHECK(text_is_rtl("Rotherham Together Partnership نے بنایا، جو ستمبر 2015 میں قائم ہوئی"));
    CHECK(text_is_rtl("بچّوں کے لیے")); /* a shadda inside a word does not split it */
    /* ...and an English sentence with one Urdu word is English. */
    CHECK(!text_is_rtl("The Urdu for city is شہر."));
    CHECK(bidi_is_rtl("2025 روتھرہم", strlen("2025 روتھرہم")));
    CHECK(!bidi_is_rtl("Rotherham کا منصوبہ", strlen("Rotherham کا منصوبہ"))); /* UAX #9 P2 */
    /* Latin in every language takes the fast path; Urdu does not. */
    for (int i = 0; i < N_SAMPLES; i++)
        CHECK(script_is_complex(samples[i].text, strlen(samples[i].text)) == samples[i].rtl);
}

static void every_sample_draws_something(void) {
    for (int i = 0; i < N_SAMPLES; i++)
        for (int role = 0; role < FONT_ROLE_COUNT; role++) {
            canvas c = draw(samples[i].text, (font_role)role, 28, 700, 120, ALIGN_LEFT);
            long n = inked_pixels(c.s);
            if (n < 200)
                fprintf(stderr, "%s role %d: only %ld pixels inked\n", samples[i].lang, role, n);
            CHECK(n >= 200);
            canvas_free(&c);
        }
}

/* ALIGN_LEFT is the start of the line: the right edge for Urdu, the left edge for English. */
static void urdu_sits_at_the_right_of_its_box(void) {
    const int w = 760;
    canvas c = draw("روتھرہم کا منصوبہ 2025", FONT_REGULAR, 28, w, 100, ALIGN_LEFT);
    SDL_Rect box = ink(c.s);
    CHECK(box.w > 0);
    CHECK(box.x > w / 2);          /* far from the left edge */
    CHECK(box.x + box.w >= w - 8); /* flush with the right edge */
    canvas_free(&c);
    c = draw("Rotherham plan 2025", FONT_REGULAR, 28, w, 100, ALIGN_LEFT);
    box = ink(c.s);
    CHECK(box.w > 0 && box.x <= 8);
    canvas_free(&c);
    /* Centre and right stay physical. */
    c = draw("روتھرہم کا منصوبہ 2025", FONT_REGULAR, 28, w, 100, ALIGN_CENTER);
    box = ink(c.s);
    CHECK(abs(box.x + box.w / 2 - w / 2) <= 8);
    canvas_free(&c);
    /* Every line of a wrapped Urdu paragraph is right-aligned, including one that starts
     * with an English name. */
    const char *para = "جیک نے کہا کہ اسے پارک پسند ہیں\nJack Smith اور جیک دونوں";
    c = draw(para, FONT_REGULAR, 24, w, 200, ALIGN_LEFT);
    int lh = text_line_height_for(tx, FONT_REGULAR, 24, para);
    for (int line = 0; line < 2; line++) {
        int right = -1, left = w;
        for (int y = line * lh; y < (line + 1) * lh && y < c.s->h; y++)
            for (int x = 0; x < w; x++)
                if (alpha_at(c.s, x, y) > 24) {
                    if (x > right) right = x;
                    if (x < left) left = x;
                }
        CHECK(right >= w - 8);
        CHECK(left > w / 3);
    }
    canvas_free(&c);
}

/* Sum of alpha in each column of [x0, x0 + n). */
static void column_profile(const SDL_Surface *s, int x0, int n, long *out) {
    for (int i = 0; i < n; i++) {
        out[i] = 0;
        for (int y = 0; y < s->h; y++) out[i] += x0 + i < s->w ? alpha_at(s, x0 + i, y) : 0;
    }
}

/* In "جیک، عمر 8 سال — Sep 2018" the English date stays "Sep 2018", left to right, at the left
 * end of the line (the logical end of a right-to-left line), and the first Urdu word is at the
 * right end. Checked on pixels: the mixed line's left end has the same column profile as
 * "Sep 2018" drawn alone; "8102 peS" would not. */
static void date_in_urdu_reads_left_to_right(void) {
    const char *mixed = "جیک، عمر 8 سال — Sep 2018";
    canvas m = draw(mixed, FONT_REGULAR, 32, 760, 100, ALIGN_LEFT);
    canvas d = draw("Sep 2018", FONT_REGULAR, 32, 760, 100, ALIGN_LEFT);
    canvas r = draw("8102 peS", FONT_REGULAR, 32, 760, 100, ALIGN_LEFT);
    SDL_Rect mi = ink(m.s), di = ink(d.s), ri = ink(r.s);
    CHECK(mi.w > di.w && di.w > 0);
    long pm[400], pd[400], pr[400];
    int n = di.w < 400 ? di.w : 400;
    column_profile(m.s, mi.x, n, pm);
    column_profile(d.s, di.x, n, pd);
    column_profile(r.s, ri.x, n, pr);
    long diff = 0, diff_rev = 0, total = 0;
    for (int i = 0; i < n; i++) {
        diff += labs(pm[i] - pd[i]);
        diff_rev += labs(pr[i] - pd[i]);
        total += pd[i];
    }
    fprintf(stderr,
            "  'Sep 2018' vs left end of the mixed line: %ld of %ld differ (reversed: %ld)\n", diff,
            total, diff_rev);
    CHECK(diff * 20 < total);    /* the same pixels, give or take antialiasing */
    CHECK(diff_rev * 5 > total); /* and the check can tell a reversed date */
    canvas_free(&m);
    canvas_free(&d);
    canvas_free(&r);

    /* The same through the bidi API: visual order, left to right. */
    bidi_run runs[16];
    int nr = bidi_visual_runs(mixed, strlen(mixed), runs, 16);
    CHECK(nr >= 2 && nr <= 16);
    if (nr < 2 || nr > 16) return;
    CHECK(!runs[0].rtl);
    CHECK_INT(runs[0].len, strlen("Sep 2018"));
    CHECK(strncmp(mixed + runs[0].start, "Sep 2018", runs[0].len) == 0);
    CHECK(runs[nr - 1].rtl);
    CHECK_INT(runs[nr - 1].start, 0); /* the logical first word, "جیک", is rightmost */
    for (int i = 0; i < nr; i++)      /* the lone "8" is its own left-to-right run */
        if (runs[i].len == 1 && mixed[runs[i].start] == '8') CHECK(!runs[i].rtl);
}

/* How far the n columns at x0 of a differ from those at x1 of b, against b's total ink; the
 * best of a few pixels' shift either way, since glyphs land on whole pixels differently. */
static double profile_distance(const SDL_Surface *a, int x0, const SDL_Surface *b, int x1, int n) {
    long pa[400], pb[400];
    double best = 1.0;
    if (n > 400) n = 400;
    column_profile(b, x1, n, pb);
    for (int shift = -2; shift <= 2; shift++) {
        long diff = 0, total = 0;
        column_profile(a, x0 + shift, n, pa);
        for (int i = 0; i < n; i++) {
            diff += labs(pa[i] - pb[i]);
            total += pb[i];
        }
        if (total && (double)diff / (double)total < best) best = (double)diff / (double)total;
    }
    return best;
}

/* An Urdu phrase is drawn right to left: its logical first word, drawn alone, matches the
 * phrase's right end, and its logical last word its left end. Mixed with digits, the number
 * keeps its own left-to-right order ("2025", not "5202") inside the right-to-left line. */
static void urdu_first_word_on_the_right(void) {
    const char *phrase = "روتھرہم کا منصوبہ", *first = "روتھرہم", *last = "منصوبہ";
    canvas p = draw(phrase, FONT_REGULAR, 32, 760, 100, ALIGN_LEFT);
    canvas f = draw(first, FONT_REGULAR, 32, 760, 100, ALIGN_LEFT);
    canvas l = draw(last, FONT_REGULAR, 32, 760, 100, ALIGN_LEFT);
    SDL_Rect pi = ink(p.s), fi = ink(f.s), li = ink(l.s);
    CHECK(pi.w > fi.w + li.w && fi.w > 0 && li.w > 0);
    /* Only the word's right two thirds: the tail of its last letter reaches under the space. */
    double right = profile_distance(p.s, pi.x + pi.w - fi.w * 2 / 3, f.s, fi.x + fi.w / 3, fi.w * 2 / 3);
    double left = profile_distance(p.s, pi.x, l.s, li.x, li.w);
    double swapped = profile_distance(p.s, pi.x, f.s, fi.x, fi.w); /* the check can fail */
    fprintf(stderr, "  Urdu phrase: right end vs first word %.3f, left end vs last word %.3f, "
            "left end vs first word %.3f\n", right, left, swapped);
    /* Inside a phrase each glyph may land a pixel apart from where it lands alone (measured:
     * 0.08); the wrong word differs by far more (0.59). */
    CHECK(right < 0.2);
    CHECK(left < 0.2);
    CHECK(swapped > 0.4);
    canvas_free(&p);
    canvas_free(&f);
    canvas_free(&l);

    /* "2025 میں" : the year is the logical first word, so it sits at the right end, and reads
     * 2025 from left to right. */
    const char *mixed = "2025 میں", *year = "2025", *reversed = "5202";
    canvas m = draw(mixed, FONT_REGULAR, 32, 760, 100, ALIGN_LEFT);
    canvas y = draw(year, FONT_REGULAR, 32, 760, 100, ALIGN_LEFT);
    canvas r = draw(reversed, FONT_REGULAR, 32, 760, 100, ALIGN_LEFT);
    SDL_Rect mi = ink(m.s), yi = ink(y.s), ri = ink(r.s);
    CHECK(mi.w > yi.w && yi.w > 0);
    double at_right = profile_distance(m.s, mi.x + mi.w - yi.w, y.s, yi.x, yi.w);
    double as_reversed = profile_distance(m.s, mi.x + mi.w - ri.w, r.s, ri.x, ri.w);
    fprintf(stderr, "  '2025 میں': right end vs 2025 %.3f, vs 5202 %.3f\n", at_right, as_reversed);
    CHECK(at_right < 0.2);
    CHECK(as_reversed > 0.2);
    canvas_free(&m);
    canvas_free(&y);
    canvas_free(&r);
}

static void bidi_runs_in_visual_order(void) {
    /* "abc ابت 123" in a left-to-right paragraph: the number after the Arabic word belongs to
     * it (UAX #9 W/N rules), so the screen shows "abc 123 تبا". */
    const char *s = "abc ابت 123";
    bidi_run r[8];
    int n = bidi_visual_runs(s, strlen(s), r, 8);
    CHECK_INT(n, 3);
    if (n == 3) {
        CHECK(!r[0].rtl && r[0].start == 0 && r[0].len == 4); /* "abc " */
        CHECK(!r[1].rtl && r[1].len == 3 && !strncmp(s + r[1].start, "123", 3));
        CHECK(r[2].rtl && r[2].start == 4 && r[2].len == strlen("ابت ")); /* "ابت " */
        CHECK_INT(r[0].level, 0);
        CHECK_INT(r[1].level, 2);
        CHECK_INT(r[2].level, 1);
    }
    /* A line of an Urdu paragraph that starts with an English name: the name goes right. */
    const char *line = "Jack ہے";
    n = bidi_visual_runs_dir(line, strlen(line), BIDI_RTL, r, 8);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK(r[0].rtl && r[0].start == 4); /* " ہے" on the left */
        CHECK(!r[1].rtl && r[1].start == 0 && r[1].len == 4);
    }
    /* The same line on its own is left to right: "Jack" first. */
    n = bidi_visual_runs(line, strlen(line), r, 8);
    CHECK(n == 2 && !r[0].rtl && r[0].start == 0);
    /* Plain cases. */
    CHECK_INT(bidi_visual_runs("", 0, r, 8), 0);
    n = bidi_visual_runs("Zażółć gęślą jaźń", strlen("Zażółć gęślą jaźń"), r, 8);
    CHECK(n == 1 && !r[0].rtl && r[0].len == strlen("Zażółć gęślą jaźń"));
    const char *ur = "روتھرہم کا منصوبہ";
    n = bidi_visual_runs(ur, strlen(ur), r, 8);
    CHECK(n == 1 && r[0].rtl && r[0].len == strlen(ur));
    /* More runs than room: the count is still right and nothing is written past max. */
    const char *many = "a ب c د e ف g";
    bidi_run two[3] = {{0}, {0}, {99, 99, 9, true}};
    CHECK_INT(bidi_visual_runs(many, strlen(many), two, 2), 7);
    CHECK_INT(two[2].start, 99);
    /* Damaged bytes neither crash nor vanish. */
    const char bad[] = "ab\xff\xfe ب";
    n = bidi_visual_runs(bad, strlen(bad), r, 8);
    size_t covered = 0;
    for (int i = 0; i < n && i < 8; i++) covered += r[i].len;
    CHECK_INT(covered, strlen(bad));
}

static void script_runs_follow_the_rule(void) {
    script_run r[8];
    const char *pl = "Zażółć gęślą jaźń, 2025!";
    CHECK_INT(script_runs(pl, strlen(pl), NULL, NULL, r, 8), 1);
    CHECK_INT(r[0].script, SCRIPT_LATIN);
    const char *ur = "روتھرہم کا منصوبہ 2025";
    CHECK_INT(script_runs(ur, strlen(ur), NULL, NULL, r, 8), 1);
    CHECK_INT(r[0].script, SCRIPT_ARABIC);
    const char *lead = "2025: روتھرہم"; /* leading digits take the first letter's face */
    CHECK_INT(script_runs(lead, strlen(lead), NULL, NULL, r, 8), 1);
    CHECK_INT(r[0].script, SCRIPT_ARABIC);
    const char *mixed = "جیک، عمر 8 سال — Sep 2018";
    CHECK_INT(script_runs(mixed, strlen(mixed), NULL, NULL, r, 8), 2);
    CHECK_INT(r[0].script, SCRIPT_ARABIC);
    CHECK_INT(r[1].script, SCRIPT_LATIN);
    CHECK_INT(r[1].start, strlen("جیک، عمر 8 سال — "));
    /* With the real faces: Naskh has no em dash, so it is drawn by Noto Sans. */
    int n = text_script_runs(tx, FONT_REGULAR, mixed, strlen(mixed), r, 8);
    CHECK_INT(n, 2);
    CHECK_INT(r[1].start, strlen("جیک، عمر 8 سال "));
    CHECK(script_has_arabic(mixed, strlen(mixed)));
    CHECK(!script_has_arabic(pl, strlen(pl)));
}

/* Lines of the wrapped paragraph: each ends at a space or the end, never inside a word. */
static void urdu_wraps_between_words(void) {
    const char *s = urdu_paragraph;
    size_t n = strlen(s);
    const int widths[] = {140, 220, 333, 500, 760};
    for (size_t k = 0; k < sizeof widths / sizeof widths[0]; k++) {
        wrap_line lines[TEXT_MAX_LINES];
        int nl = text_wrap(tx, FONT_REGULAR, 24, s, widths[k], lines, TEXT_MAX_LINES);
        CHECK(nl >= 1 && nl <= TEXT_MAX_LINES);
        size_t words = 0;
        for (int i = 0; i < nl && i < TEXT_MAX_LINES; i++) {
            size_t a = lines[i].start, b = a + lines[i].len;
            CHECK(a == 0 || s[a - 1] == ' ');
            CHECK(b == n || s[b] == ' ');
            CHECK(utf8_valid(s + a, lines[i].len));
            int w = text_measure(tx, FONT_REGULAR, 24, s + a, lines[i].len);
            if (w > widths[k]) fprintf(stderr, "line %d is %d px in %d\n", i, w, widths[k]);
            CHECK(w <= widths[k]);
            for (size_t p = a; p < b; p++) words += s[p] == ' ';
            words++;
        }
        size_t want = 1;
        for (size_t p = 0; p < n; p++) want += s[p] == ' ';
        CHECK_INT(words, want); /* every word on exactly one line */
        CHECK(text_block_width(tx, FONT_REGULAR, 24, s, widths[k]) <= widths[k]);
    }
}

/* text_fit's size gives a block that is inside the box when drawn, and a size larger would not. */
static void urdu_fits_its_box(void) {
    struct {
        const char *s;
        int w, h;
    } cases[] = {{urdu_paragraph, 700, 160},
                 {urdu_paragraph, 360, 300},
                 {"روتھرہم کا منصوبہ 2025", 735, 26},
                 {"جیک، عمر 8 سال — Sep 2018", 300, 80},
                 {"ستمبر 2018", 152, 21}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bool fits = false;
        int px = text_fit(tx, FONT_REGULAR, cases[i].s, cases[i].w, cases[i].h, 12, 48, &fits);
        CHECK(fits);
        CHECK(px >= 12);
        int h = text_block_height(tx, FONT_REGULAR, px, cases[i].s, cases[i].w);
        int w = text_block_width(tx, FONT_REGULAR, px, cases[i].s, cases[i].w);
        CHECK(h <= cases[i].h && w <= cases[i].w);
        if (px < 48)
            CHECK(text_block_height(tx, FONT_REGULAR, px + 1, cases[i].s, cases[i].w) >
                      cases[i].h ||
                  text_block_width(tx, FONT_REGULAR, px + 1, cases[i].s, cases[i].w) > cases[i].w);
        /* Drawn into a canvas taller than the box: nothing below the box, nothing cut off. */
        canvas c = draw(cases[i].s, FONT_REGULAR, px, cases[i].w, cases[i].h + 60, ALIGN_LEFT);
        SDL_Rect box = ink(c.s);
        CHECK(box.w > 0 && box.y + box.h <= cases[i].h);
        CHECK(box.x + box.w <= cases[i].w);
        fprintf(stderr, "  fit %dx%d: %d px, %dx%d block\n", cases[i].w, cases[i].h, px, w, h);
        canvas_free(&c);
    }
}

/* The shipped Arabic face (Naskh UI) has Noto Sans's line height, so Urdu fits every box sized
 * for a Latin line; and no Urdu letter, in any joining form, is cut by that line's edges. */
static void urdu_letters_fit_a_latin_line(void) {
    for (int px = 12; px <= 48; px += 12)
        for (int role = 0; role < FONT_ROLE_COUNT; role++)
            CHECK_INT(text_line_height_for(tx, (font_role)role, px, "روتھرہم"),
                      text_line_height(tx, (font_role)role, px));
    static const char *const letters[] = {
        "ا", "آ", "ب", "پ", "ت", "ٹ", "ث", "ج", "چ", "ح", "خ", "د", "ڈ",  "ذ",  "ر",  "ڑ",
        "ز", "ژ", "س", "ش", "ص", "ض", "ط", "ظ", "ع", "غ", "ف", "ق", "ک",  "گ",  "ل",  "م",
        "ن", "ں", "و", "ہ", "ھ", "ء", "ی", "ے", "ئ", "ۓ", "ۃ", "ؤ", "لا", "آپ", "گئے"};
    int px = 28, lh = text_line_height(tx, FONT_REGULAR, px), cut = 0;
    for (size_t i = 0; i < sizeof letters / sizeof letters[0]; i++)
        for (int form = 0; form < 4; form++) { /* isolated, initial, medial, final */
            char buf[32];
            snprintf(buf, sizeof buf, "%s%s%s", form >= 2 ? "ب" : "", letters[i],
                     form == 1 || form == 2 ? "ب" : "");
            canvas c = draw(buf, FONT_REGULAR, px, 200, lh, ALIGN_LEFT);
            SDL_Rect box = ink(c.s);
            CHECK(box.w > 0);
            if (box.y <= 0 || box.y + box.h >= lh) {
                fprintf(stderr, "\"%s\" touches the edge of its %d px line\n", buf, lh);
                cut++;
            }
            canvas_free(&c);
        }
    CHECK_INT(cut, 0);
}

/* A count-up number with an Urdu word ("1,234 گھر"): shaped, right to left, at the start. */
static void changing_number_with_urdu_suffix(void) {
    const char *s = "1,234 گھر";
    int w = text_glyphs_width(tx, FONT_BOLD, 30, s);
    CHECK(w > text_glyphs_width(tx, FONT_BOLD, 30, "1,234"));
    canvas c = canvas_new(600, 80);
    text_draw_glyphs(tx, c.r, FONT_BOLD, 30, s, (pk_rect){0, 0, 600, 80}, ALIGN_LEFT, white, 255);
    SDL_Rect box = ink(c.s);
    CHECK(box.w > 0 && box.x > 300 && box.x + box.w >= 600 - 8);
    CHECK(box.w <= w);
    canvas_free(&c);
}

/* --- timings (printed, never asserted: tests do not depend on wall-clock speed) --- */

static double now_ms(void) {
    return (double)SDL_GetPerformanceCounter() * 1000.0 / (double)SDL_GetPerformanceFrequency();
}

static void timings(void) {
    /* Laying out every slide of the shipped config (all Latin: the fast path) at four sizes,
     * as test_layout_fit does; the first pass opens fonts, the second is warm. */
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    config *cfg = config_load(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", &opt, d);
    CHECK(cfg != NULL);
    draw_list *l = malloc(sizeof *l);
    static const int sizes[][2] = {{800, 480}, {1920, 1080}, {1080, 1920}, {3840, 2160}};
    for (int pass = 0; cfg && pass < 2; pass++) {
        double t0 = now_ms();
        pk_error err;
        text_ctx *t = text_create(cfg->theme.font_regular, cfg->theme.font_bold, &err);
        for (int k = 0; t && k < 4; k++) {
            slide_ctx sc;
            slide_ctx_init(&sc, cfg, t, sizes[k][0], sizes[k][1], (pk_date){2024, 6, 1});
            for (int i = 0; i < cfg->n_slides; i++) slides_layout(&sc, &cfg->slides[i], l);
        }
        text_free(t);
        fprintf(stderr, "  shipped config, %d slides at 4 sizes: %.1f ms\n", cfg->n_slides,
                now_ms() - t0);
    }
    free(l);
    config_free(cfg);
    free(d);
    /* One fit, Latin against Urdu of about the same length, in a body box. */
    const char *en = "Our shared plan, up to 2025, to make Rotherham a better place for everyone "
                     "who lives, works, studies or invests here.";
    const char *ur = "ہمارا مشترکہ منصوبہ، 2025 تک، روتھرہم کو یہاں رہنے، کام کرنے، پڑھنے یا "
                     "سرمایہ کاری کرنے والے ہر فرد کے لیے بہتر جگہ بنانا۔";
    const char *which[2] = {en, ur};
    for (int k = 0; k < 2; k++) {
        double t0 = now_ms();
        int reps = 200, px = 0;
        for (int i = 0; i < reps; i++)
            px = text_fit(tx, FONT_REGULAR, which[k], 735, 120, 12, 40, NULL);
        fprintf(stderr, "  text_fit %s (%zu bytes) in 735x120: %d px, %.3f ms a fit\n",
                k ? "Urdu" : "English", strlen(which[k]), px, (now_ms() - t0) / reps);
    }
}

/* The end of a typed text in a box (the text steps): safe and sensible for every text a
 * visitor can make, zero lines included. */
static void tail_of_typed_text(void) {
    text_tail t;
    text_tail_of(tx, FONT_REGULAR, 24, "", 300, 3, &t);
    CHECK_INT(t.lines, 0);
    CHECK_INT(t.caret_line, 0);
    CHECK_INT(t.caret_x, 0);
    /* Spaces alone: no lines, but each space moves the caret on. */
    int prev = 0;
    char spaces[16] = "";
    for (int i = 1; i <= 5; i++) {
        strcat(spaces, " ");
        text_tail_of(tx, FONT_REGULAR, 24, spaces, 300, 3, &t);
        CHECK_INT(t.lines, 0);
        CHECK(t.caret_x > prev);
        prev = t.caret_x;
    }
    /* A trailing space after a word: past the word. */
    text_tail_of(tx, FONT_REGULAR, 24, "park", 300, 3, &t);
    int word = t.caret_x;
    CHECK_INT(t.lines, 1);
    CHECK(word > 0 && word == t.line_w);
    text_tail_of(tx, FONT_REGULAR, 24, "park ", 300, 3, &t);
    CHECK(t.caret_x > word && t.line_w == word);
    /* Newlines only: the caret on the line after them. */
    text_tail_of(tx, FONT_REGULAR, 24, "\n", 300, 3, &t);
    CHECK_INT(t.lines, 1);
    CHECK_INT(t.caret_line, 1);
    CHECK_INT(t.caret_x, 0);
    /* Far more lines than the cache holds (a 5000-character text in a narrow box): the lines
     * shown are the last ones, ending at the text's end. */
    static char big[5001];
    for (int i = 0; i < 5000; i++) big[i] = i % 7 == 6 ? ' ' : 'w';
    big[5000] = '\0';
    text_tail_of(tx, FONT_REGULAR, 24, big, 120, 4, &t);
    CHECK_INT(t.lines, 4);
    CHECK_INT(t.caret_line, 3);
    CHECK(t.start > 4000);
    wrap_line l[TEXT_MAX_LINES];
    CHECK(text_wrap(tx, FONT_REGULAR, 24, big + t.start, 120, l, TEXT_MAX_LINES) == 4);
    /* A 30-character word with no break, wider than the box: split, the caret inside the box. */
    text_tail_of(tx, FONT_REGULAR, 24, "Konstantynopolitańczykowianeczka", 120, 2, &t);
    CHECK_INT(t.lines, 2);
    CHECK(t.caret_x <= 120);
    /* Urdu with Latin digits inside: one line, measured. */
    text_tail_of(tx, FONT_REGULAR, 24, "پارک 2025 میں", 400, 2, &t);
    CHECK_INT(t.lines, 1);
    CHECK(t.caret_x > 0 && t.caret_x <= 400);
}

/* A long answer shown back in a box of its own: the start and "…", fitting, cut after a word;
 * a short one unchanged; Urdu cut at its logical end; a box too small still gives a string. */
static void ellipsis_fits_the_box(void) {
    static char out[4096];
    const char *shortish = "More trees on Westgate";
    CHECK_STR(text_ellipsize(tx, FONT_REGULAR, 20, shortish, 600, 100, out, sizeof out), shortish);
    static char longer[3000];
    for (int i = 0; i < 400; i++) strcat(longer, i % 2 ? "park " : "trees ");
    text_ellipsize(tx, FONT_REGULAR, 20, longer, 300, 90, out, sizeof out);
    size_t n = strlen(out);
    CHECK(n > 10 && n < strlen(longer));
    CHECK(n >= 3 && !strcmp(out + n - 3, "\xE2\x80\xA6"));
    CHECK(text_block_height(tx, FONT_REGULAR, 20, out, 300) <= 90);
    CHECK(out[n - 4] != ' ');                       /* no space before the dots */
    CHECK(!strncmp(out, longer, n - 3));            /* the text's own start */
    CHECK(n - 3 == strlen(longer) || longer[n - 3] == ' '); /* cut after a whole word */
    const char *urdu = "ہم چاہتے ہیں کہ روتھرہم میں بچوں کے لیے زیادہ پارک اور کھیل کے میدان ہوں اور 2025 تک بسیں بہتر ہوں";
    text_ellipsize(tx, FONT_REGULAR, 20, urdu, 200, 60, out, sizeof out);
    CHECK(utf8_valid(out, strlen(out)));
    CHECK(text_block_height(tx, FONT_REGULAR, 20, out, 200) <= 60);
    CHECK(!strncmp(out, urdu, strlen(out) - 3));
    /* A word wider than the box with no break: cut between characters, never inside one. */
    static char word[400];
    for (int i = 0; i < 60; i++) strcat(word, "ż");
    text_ellipsize(tx, FONT_REGULAR, 20, word, 120, 30, out, sizeof out);
    CHECK(utf8_valid(out, strlen(out)));
    CHECK(strlen(out) < strlen(word));
    CHECK_STR(text_ellipsize(tx, FONT_REGULAR, 20, longer, 300, 90, out, 3), "");
}

int main(void) {
    if (TTF_Init() != 0) return 1;
    pk_error err;
    tx = text_create(FONTS "NotoSans-Regular.ttf", FONTS "NotoSans-Bold.ttf", &err);
    if (!tx) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    RUN(every_character_has_a_glyph);
    RUN(tail_of_typed_text);
    RUN(ellipsis_fits_the_box);
    RUN(without_arabic_face_urdu_has_missing_glyphs);
    RUN(direction_of_each_sample);
    RUN(every_sample_draws_something);
    RUN(urdu_sits_at_the_right_of_its_box);
    RUN(date_in_urdu_reads_left_to_right);
    RUN(bidi_runs_in_visual_order);
    RUN(urdu_first_word_on_the_right);
    RUN(script_runs_follow_the_rule);
    RUN(urdu_wraps_between_words);
    RUN(urdu_fits_its_box);
    RUN(urdu_letters_fit_a_latin_line);
    RUN(changing_number_with_urdu_suffix);
    RUN(timings);
    text_free(tx);
    TTF_Quit();
    return check_report();
}
