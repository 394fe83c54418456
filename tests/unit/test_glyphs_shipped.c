/* No missing-glyph boxes in anything the kiosk ships: every character of every string in the
 * shipped config (every text in every one of its six languages, walked straight from the YAML so
 * none is left out), every word of its consultations as loaded, every word of the journey's
 * wording (the defaults too), every language's own name, and every key's label, text and
 * long-press variants in every keyboard file and on the number pad, has a
 * glyph in the font the text module chooses for it (Noto Sans for Latin, Noto Naskh Arabic UI
 * for Urdu), regular and bold: text_glyphs_provided, which asks TTF_GlyphIsProvided32 of the face
 * each script run is drawn with. One missing glyph fails, with the file, line and character.
 * Needs SDL_ttf and the fonts; no window. */
#include <SDL_ttf.h>
#include <dirent.h>
#include <stdlib.h>
#include <yaml.h>

#include "check.h"
#include "config/config.h"
#include "config/config_yaml.h"
#include "config/keyboard_file.h"
#include "journey/keyboard.h"
#include "journey/languages.h"
#include "journey/number_pad.h"
#include "live_fixture.h"
#include "render/slides/slides.h"
#include "text/text.h"

static text_ctx *tx;
static int strings_checked;

/* Every visible character of s has its glyph, in both weights; where says where s is from. */
static bool glyphs_ok(const char *s, const char *where) {
    if (!s || !*s) return true;
    strings_checked++;
    for (font_role role = FONT_REGULAR; role <= FONT_BOLD; role++) {
        uint32_t missing = 0;
        size_t at = 0;
        if (!text_glyphs_provided(tx, role, s, &missing, &at)) {
            fprintf(stderr, "  %s: U+%04X at byte %zu of \"%s\" has no glyph (%s)\n", where, (unsigned)missing, at,
                    s, role == FONT_BOLD ? "bold" : "regular");
            return false;
        }
    }
    return true;
}

/* The check can fail: Noto Sans has no U+232B (the erase-to-the-left sign). */
static void the_check_can_fail(void) {
    CHECK(!glyphs_ok("Delete \xE2\x8C\xAB", "sanity"));
    CHECK(glyphs_ok("Zażółć gęślą jaźń, روتھرہم ۲۰۲۵", "sanity"));
}

/* Every scalar of a YAML file: text, in every language, and the keys' names besides. */
static void every_scalar_of(const char *path) {
    diag_list *d = calloc(1, sizeof *d);
    char *text = y_read_file(path, d);
    yaml_document_t doc;
    CHECK(text && y_parse(text, path, &doc, d));
    diag_print(d, stderr);
    if (!text || d->count) {
        free(text);
        free(d);
        return;
    }
    int scalars = 0;
    for (yaml_node_t *n = doc.nodes.start; n < doc.nodes.top; n++) {
        if (n->type != YAML_SCALAR_NODE) continue;
        char where[600];
        snprintf(where, sizeof where, "%s:%d:%d", path, (int)n->start_mark.line + 1, (int)n->start_mark.column + 1);
        CHECK(glyphs_ok((const char *)n->data.scalar.value, where));
        scalars++;
    }
    CHECK(scalars > 0);
    yaml_document_delete(&doc);
    free(text);
    free(d);
}

static void shipped_config(void) {
    every_scalar_of(TEST_SOURCE_DIR "/config/rotherham-2025.yaml");
    /* And the words as loaded, language by language: the wording's English defaults show
     * wherever the config does not override them. */
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    config *c = config_load(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", &opt, d);
    diag_print(d, stderr);
    CHECK(c != NULL);
    CHECK(c && c->languages.n == 6);
    for (int l = 0; c && l < c->languages.n; l++) {
        const config *lc = c->by_lang[l];
        char where[100];
        snprintf(where, sizeof where, "%s wording", lc->languages.code[l]);
        for (int i = 0; i < UI_COUNT; i++) CHECK(glyphs_ok(lc->feedback.ui[i], where));
        CHECK(glyphs_ok(language_own_name(lc->languages.code[l]), "language name"));
        CHECK(glyphs_ok(lc->plan.title, where));
        /* Every consultation's words as they load: given in the file, or the wording's (a
         * question's default title, its options, "Something else" and its box's question). */
        CHECK(lc->n_consultations > 0);
        for (int k = 0; k < lc->n_consultations; k++) {
            const consultation *cn = &lc->consultations[k];
            const char *words[] = {cn->title, cn->intro, cn->privacy_notice, cn->thanks_title, cn->thanks_body};
            for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) CHECK(glyphs_ok(words[i], where));
            for (int qi = 0; qi < cn->n_questions; qi++) {
                const question *q = &cn->questions[qi];
                const char *qw[] = {q->title, q->hint, q->label, q->low_label, q->high_label, q->other_title};
                for (size_t i = 0; i < sizeof qw / sizeof qw[0]; i++) CHECK(glyphs_ok(qw[i], where));
                for (int o = 0; o < q->n_options; o++) CHECK(glyphs_ok(q->options[o].label, where));
            }
        }
    }
    for (int i = 0; i < UI_COUNT; i++) CHECK(glyphs_ok(ui_text_default((ui_text_id)i), "default wording"));
    config_free(c);
    free(d);
}

/* Every key of every keyboard file, labelled as each language shows it. */
static void shipped_keyboards(void) {
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    config *c = config_load(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", &opt, d);
    DIR *dir = opendir(TEST_SOURCE_DIR "/assets/keyboards");
    CHECK(c && dir);
    int files = 0;
    arena mem = {0};
    for (struct dirent *e; c && dir && (e = readdir(dir));) {
        size_t n = strlen(e->d_name);
        if (n < 6 || strcmp(e->d_name + n - 5, ".yaml")) continue;
        char path[600];
        snprintf(path, sizeof path, "%s/assets/keyboards/%s", TEST_SOURCE_DIR, e->d_name);
        every_scalar_of(path); /* the comments aside, everything in the file */
        const keyboard_layout *L = keyboard_file_load(path, &mem, d);
        CHECK(L != NULL);
        files++;
        for (int p = 0; L && p < L->n_pages; p++)
            for (int r = 0; r < L->pages[p].n_rows; r++)
                for (int i = 0; i < L->pages[p].n_keys[r]; i++) {
                    const key_def *key = &L->pages[p].keys[r][i];
                    char where[700];
                    snprintf(where, sizeof where, "%s page %s row %d key %d", e->d_name, L->pages[p].name, r + 1, i + 1);
                    for (int l = 0; l < c->languages.n; l++)
                        CHECK(glyphs_ok(keyboard_key_label(key, c->by_lang[l]->feedback.ui), where));
                    CHECK(glyphs_ok(key->text, where));
                    for (int m = 0; m < key->n_more; m++) CHECK(glyphs_ok(key->more[m].text, where));
                }
    }
    CHECK(files >= 6);
    /* The number pad (built in) is labelled in every language too. */
    const keyboard_layout *pad = number_pad(true); /* with its minus key */
    for (int r = 0; c && r < pad->pages[0].n_rows; r++)
        for (int i = 0; i < pad->pages[0].n_keys[r]; i++)
            for (int l = 0; l < c->languages.n; l++) {
                CHECK(glyphs_ok(keyboard_key_label(&pad->pages[0].keys[r][i], c->by_lang[l]->feedback.ui), "number pad"));
                CHECK(glyphs_ok(pad->pages[0].keys[r][i].text, "number pad"));
            }
    if (dir) closedir(dir);
    diag_print(d, stderr);
    arena_free(&mem);
    config_free(c);
    free(d);
}

/* Every word the live slides draw, in every language: the wording around them, the quotes of
 * tests/fixtures/live in the six languages with their names and age bands, language names in
 * their tags, results with their shares and captions, the pairs; and every line of the fixture
 * log (the words `shoot --feedback` shows from it). */
static void live_slides(void) {
    config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};
    diag_list *d = calloc(1, sizeof *d);
    config *c = config_load(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", &opt, d);
    CHECK(c != NULL);
    slide_live *lv = calloc(1, sizeof *lv);
    draw_list *l = malloc(sizeof *l);
    int first = c ? live_fixture_add(c, lv, 1204) : 0;
    int texts = 0;
    for (int li = 0; c && li < c->languages.n; li++) {
        const config *lc = c->by_lang[li];
        slide_ctx sc;
        slide_ctx_init(&sc, lc, tx, 1080, 1920, (pk_date){2026, 3, 9});
        sc.live = lv;
        for (int i = 0; i < lc->n_slides; i++) {
            const slide *s = &lc->slides[i];
            if (i < first && s->type != SLIDE_YOU_SAID && s->type != SLIDE_RESULTS && s->type != SLIDE_WE_DID) continue;
            for (int turn = 0; turn < lv->n_quotes; turn += 3) {
                lv->quote_turn = turn;
                slides_layout(&sc, s, l);
                for (int k = 0; k < l->count; k++) {
                    if (l->items[k].kind != DRAW_TEXT) continue;
                    char where[160];
                    snprintf(where, sizeof where, "%s slide %s", lc->languages.code[li], s->id);
                    CHECK(glyphs_ok(draw_list_get(l, l->items[k].str), where));
                    texts++;
                }
                if (s->type != SLIDE_YOU_SAID) break;
            }
        }
    }
    CHECK(texts > 100);
    /* The fixture log's words, line by line. */
    static const char *const logs[] = {"central-library/2026-03-01.jsonl", "central-library/2026-03-04.jsonl",
                                       "central-library/2026-03-05.jsonl", "riverside-library/2026-03-02.jsonl",
                                       "riverside-library/2026-03-04.jsonl", "maltby-library/2026-03-03.jsonl",
                                       "maltby-library/2026-03-05.jsonl"};
    for (size_t i = 0; i < sizeof logs / sizeof logs[0]; i++) {
        char path[512], line[8192];
        snprintf(path, sizeof path, "%s/tests/fixtures/live/feedback/%s", TEST_SOURCE_DIR, logs[i]);
        FILE *f = fopen(path, "r");
        CHECK(f != NULL);
        for (int n = 1; f && fgets(line, sizeof line, f); n++) {
            char where[600];
            snprintf(where, sizeof where, "%s:%d", path, n);
            CHECK(glyphs_ok(line, where));
        }
        if (f) fclose(f);
    }
    free(l);
    free(lv);
    config_free(c);
    free(d);
}

int main(void) {
    if (TTF_Init() != 0) return 1;
    pk_error err = {{0}};
    tx = text_create(TEST_SOURCE_DIR "/assets/fonts/NotoSans-Regular.ttf",
                     TEST_SOURCE_DIR "/assets/fonts/NotoSans-Bold.ttf", &err);
    CHECK(tx != NULL);
    CHECK(tx && text_has_face(tx, SCRIPT_ARABIC));
    if (!tx) return check_report();
    RUN(the_check_can_fail);
    RUN(shipped_config);
    RUN(shipped_keyboards);
    RUN(live_slides);
    fprintf(stderr, "%d strings checked\n", strings_checked);
    text_free(tx);
    TTF_Quit();
    return check_report();
}
