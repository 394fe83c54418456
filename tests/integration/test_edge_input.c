/* Edge inputs, in every text field of the journey (the free text, the first name, the postcode)
 * and in all six languages: white space only, a newline only, the maximum length exactly and one
 * more, a 30-character word without a break, emoji with skin tones and ZWJ sequences, combining
 * accents, Urdu with Latin digits inside. Each must show (laid out at three sizes and two text
 * sizes without leaving its box), save, export and report unchanged, or be refused with a
 * message; never crash. The end-to-end half drives the real kiosk as a visitor with a plugged-in
 * keyboard would (SDL text events), then exports and reports what was saved. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <jansson.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "export/export.h"
#include "export/report.h"
#include "journey_test.h"
#include "kiosk_test.h"
#include "layout_check.h"
#include "render/screens/journey_view.h"
#include "text/utf8.h"

static config *cfg;
static char dir[256];

/* The longest a text answer can be (a `text` question's max is at most 5000 characters of up
 * to 4 bytes), and one character more, and its NUL. */
#define INPUT_BYTES (5001 * 4 + 1)

/* The three typing questions of the shipped consultation, in order. */
static const char *const field_ids[] = {"text", "name", "postcode_district"};

/* How many characters question id of the shipped consultation takes. */
static int chars_of(const config *c, const char *id) {
    const consultation *k = &c->consultations[0];
    int i = consult_question_index(k, id);
    CHECK(i >= 0);
    if (i < 0) return 0;
    const question_kind *kind = question_kind_of(k->questions[i].type);
    return kind->text_chars(&k->questions[i]);
}

/* Shows question id of the journey's consultation, as arriving at it would. */
static void show_question(journey *j, const char *id) {
    j->step = STEP_QUESTION;
    j->q = consult_question_index(j->consult, id);
    CHECK(j->q >= 0);
}

/* A word of n characters with no break, from letters of the language shown. */
static void long_word(char *out, size_t size, int n, const char *letters) {
    size_t len = 0, ln = strlen(letters), at = 0;
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        uint32_t cp;
        int k = utf8_decode(letters + at, ln - at, &cp);
        if (len + (size_t)k + 1 > size) break;
        memcpy(out + len, letters + at, (size_t)k);
        len += (size_t)k;
        at = (at + (size_t)k) % ln;
    }
    out[len] = '\0';
}

/* n characters of words (letters and spaces), for the length limits. */
static void words_of(char *out, size_t size, int n, const char *letters) {
    long_word(out, size, n, letters);
    size_t len = strlen(out);
    /* Every seventh character a space (a byte swap keeps the count), so the text wraps. */
    for (size_t i = 0, c = 0; i < len; c++) {
        uint32_t cp;
        int k = utf8_decode(out + i, len - i, &cp);
        if (c % 7 == 6 && k == 1) out[i] = ' ';
        i += (size_t)k;
    }
}

typedef struct lang_letters {
    const char *code, *letters, *sentence;
} lang_letters;

static const lang_letters langs[] = {
    {"en", "abcdefghijklmnopqrstuvwxyz", "More trees on Westgate, please"},
    {"ur", "ابتثجحخدذرزسشصضطظعغفقکگلمنوہی", "پارک 2025 میں بنے اور S60 تک بس چلے"},
    {"pl", "ąćęłńóśźżabc", "Zażółć gęślą jaźń"},
    {"sk", "áäčďéíĺľňóôŕšťúýž", "Ďateľ ťuká do ôsmich stromov"},
    {"cs", "áčďéěíňóřšťúůýž", "Příliš žluťoučký kůň úpěl ďábelské ódy"},
    {"ro", "ăâîșțabc", "Șapte țărani în ăst câmp"},
};
#define N_LANGS (int)(sizeof langs / sizeof langs[0])

static const char *const emoji[] = {
    "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",                                     /* thumbs up, medium skin */
    "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7", /* family, ZWJ */
    "\xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88",             /* rainbow flag */
};
/* "Café Zoë" with combining accents (e + U+0301, o + U+0308), not precomposed letters. */
static const char combining[] = "Cafe\xCC\x81 Zoe\xCC\x88 a\xCC\x81\xCC\x81\xCC\x81";

/* ---- Part one: every field's screen with every edge input, laid out ---- */

static void lay_out_field(const slide_ctx *sc, journey *j, draw_list *l, widget_list *w, const char *what) {
    journey_view_layout(sc, j, 0, l, w);
    check_list(sc, l, what);
    const widget *field = NULL;
    for (int i = 0; i < w->count; i++)
        if (w->items[i].kind == W_FIELD) field = &w->items[i];
    CHECK(field != NULL);
    if (!field) return;
    /* The caret (the last box drawn before the keys, in the accent colour) is inside the field. */
    bool caret = false;
    for (int i = 0; i < l->count; i++) {
        const draw_item *it = &l->items[i];
        if (it->kind == DRAW_RECT && it->box.w < sc->m.unit * 2 && rect_inside(it->box, field->r) &&
            !memcmp(&it->color, &sc->cfg->theme.accent, sizeof it->color))
            caret = true;
    }
    if (!caret) fprintf(stderr, "%s: no caret inside the text box\n", what);
    CHECK(caret);
}

/* Each input in all three fields at once, on each typing step and the review, in every
 * language: at 800x480 (the tightest) at 100 % and 200 % text, and once each on the 1080p and
 * portrait screens. Inputs that leave the same field (a newline and spaces are both nothing;
 * one more than the maximum is the maximum) are laid out once. */
static void every_field_lays_out(void) {
    const config *c = cfg;
    pk_error err;
    text_ctx *t = text_create(c->theme.font_regular, c->theme.font_bold, &err);
    CHECK(t != NULL);
    draw_list *l = malloc(sizeof *l);
    widget_list *w = malloc(sizeof *w);
    journey *j = calloc(1, sizeof *j);
    static const struct { int w, h; double scale; } views[] = {
        {800, 480, 1.0}, {800, 480, 2.0}, {1920, 1080, 1.0}, {1080, 1920, 2.0}};
    enum { BLANK, MAXIMUM, LONG_WORD, COMBINING, URDU, OWN, N_INPUTS };
    int none_px[N_INPUTS][4];
    for (int li = 0; t && li < N_LANGS; li++) {
        int lang = config_language_index(c, langs[li].code);
        CHECK(lang >= 0);
        if (lang < 0) continue;
        const config *lc = c->by_lang[lang];
        for (int in = 0; in < N_INPUTS; in++) {
            journey_clear(j); /* the last input wiped before the next */
            journey_init(j, lc);
            jt_start(j, 0);
            CHECK(j->consult != NULL);
            if (!j->consult) continue;
            for (int f = 0; f < 3; f++) {
                show_question(j, field_ids[f]);
                int size = 0, max = 0;
                char *field = journey_field(j, &size, &max);
                CHECK(field != NULL);
                if (!field) continue;
                CHECK_INT(max, chars_of(lc, field_ids[f]));
                static char input[INPUT_BYTES];
                switch (in) {
                case BLANK: snprintf(input, sizeof input, "    \n"); break;
                case MAXIMUM: words_of(input, sizeof input, max + 1, langs[li].letters); break;
                case LONG_WORD: long_word(input, sizeof input, 30, langs[li].letters); break;
                case COMBINING: snprintf(input, sizeof input, "%s", combining); break;
                case URDU: snprintf(input, sizeof input, "%s", langs[1].sentence); break;
                default: snprintf(input, sizeof input, "%s", langs[li].sentence); break;
                }
                /* As a keyboard types it: controls dropped, the limit kept. */
                keyboard_type(field, size, max, input);
                CHECK(utf8_count(field, strlen(field)) <= (size_t)max);
            }
            for (size_t v = 0; v < sizeof views / sizeof views[0]; v++) {
                slide_ctx sc;
                slide_ctx_init(&sc, lc, t, views[v].w, views[v].h, (pk_date){2026, 5, 28});
                slide_view sv = {views[v].scale, false, true};
                slide_ctx_set_view(&sc, &sv);
                char what[200];
                for (int f = 0; f < 3; f++) {
                    show_question(j, field_ids[f]);
                    bool latin = !strcmp(field_ids[f], "postcode_district") && lc->keyboard_latin;
                    keyboard_init(&j->kb, latin ? lc->keyboard_latin : lc->keyboard);
                    j->char_refused = in == BLANK; /* the message under the box, too */
                    j->limit_hit = in == MAXIMUM;  /* and "0 characters left" when it is full */
                    snprintf(what, sizeof what, "%s %dx%d x%.0f %s input %d", langs[li].code, views[v].w,
                             views[v].h, views[v].scale, field_ids[f], in);
                    lay_out_field(&sc, j, l, w, what);
                }
                /* The review shows what was typed, whatever it is. */
                j->step = STEP_REVIEW;
                j->char_refused = j->limit_hit = false;
                snprintf(what, sizeof what, "%s %dx%d x%.0f review input %d", langs[li].code, views[v].w,
                         views[v].h, views[v].scale, in);
                journey_view_layout(&sc, j, 0, l, w);
                check_list(&sc, l, what);
                none_px[in][v] = 0;
                for (int i = 0; i < l->count; i++)
                    if (l->items[i].kind == DRAW_TEXT && !strcmp(draw_list_get(l, l->items[i].str), lc->feedback.ui[UI_REVIEW_NONE]))
                        none_px[in][v] = l->items[i].px;
            }
        }
        /* A 500-character idea shows its start and "…" on the review; it does not make the
         * other answers smaller than a short idea does (at 200 %, where the idea keeps two
         * lines to a short one's one, not by a fifth), nor smaller at 200 % than at 100 %. */
        for (size_t v = 0; v < sizeof views / sizeof views[0]; v++) {
            int lng = none_px[MAXIMUM][v], shrt = none_px[OWN][v];
            bool ok = shrt > 0 && (views[v].scale == 1 ? lng == shrt : lng * 5 >= shrt * 4);
            if (views[v].scale > 1 && v > 0 && views[v - 1].w == views[v].w && views[v - 1].scale == 1)
                ok = ok && lng >= none_px[MAXIMUM][v - 1];
            if (!ok)
                fprintf(stderr, "%s %dx%d x%.0f: review answers at %d px with a long idea, %d px with a short one\n",
                        langs[li].code, views[v].w, views[v].h, views[v].scale, lng, shrt);
            CHECK(ok);
        }
    }
    journey_clear(j);
    free(j);
    free(w);
    free(l);
    text_free(t);
}

/* ---- Part two: typed into the real kiosk, saved, exported, reported ---- */

static void tap_w(kiosk *k, const widget *w) {
    if (w) finger_tap(k, w->r.x + w->r.w / 2, w->r.y + w->r.h / 2);
}

static bool press(kiosk *k, widget_kind kind, int index) {
    const widget *w = find_widget(k, kind, index);
    const question *q = journey_question(kiosk_journey(k));
    if (!w) fprintf(stderr, "no widget %d/%d on %s\n", kind, index, q ? q->id : journey_step_name(kiosk_journey(k)->step));
    tap_w(k, w);
    return w != NULL;
}

/* What a visitor types into each field, and what the record must then hold (NULL: nothing). */
typedef struct edge_case {
    const char *name;
    char text[INPUT_BYTES], text_saved[INPUT_BYTES];
    char first[200], first_saved[200];
    const char *postcode, *postcode_saved;
    bool refused; /* the last thing typed in the text field is refused with a message */
    bool spaces_on_screen; /* the spaces typed with the on-screen Space key */
    bool over;             /* one character more than each box takes */
} edge_case;

/* The record's answer to question key is the string want (NULL: null). */
static void json_has(const json_t *r, const char *key, const char *want, const char *what) {
    const json_t *v = json_object_get(json_object_get(r, "answers"), key);
    const char *got = json_string_value(v);
    if (!want) {
        if (!json_is_null(v)) fprintf(stderr, "%s: %s is \"%s\", expected null\n", what, key, got);
        CHECK(json_is_null(v));
    } else {
        if (!got || strcmp(got, want)) fprintf(stderr, "%s: %s is \"%s\", expected \"%s\"\n", what, key, got ? got : "(null)", want);
        CHECK(got && !strcmp(got, want));
    }
}

static json_t *read_last_record(void) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s/2026-05-28.jsonl", dir, cfg->kiosk.id);
    FILE *f = fopen(path, "r");
    static char line[1 << 17];
    json_t *last = NULL;
    while (f && fgets(line, sizeof line, f)) {
        json_decref(last);
        json_error_t e;
        last = json_loads(line, 0, &e);
    }
    if (f) fclose(f);
    return last;
}

/* Types s into the field shown: spaces with the on-screen Space key when asked, the rest (and
 * everything else) on the plugged-in keyboard. */
static void type_into(kiosk *k, const char *s, bool spaces_on_screen) {
    if (spaces_on_screen && s[0] && strspn(s, " ") == strlen(s)) {
        for (size_t i = 0; s[i]; i++) tap_w(k, find_key_action(k, KEY_SPACE));
        return;
    }
    type_on_keyboard(k, s);
}

static void one_visit(kiosk *k, int lang, const edge_case *ec, int *saved) {
    char what[120];
    snprintf(what, sizeof what, "%s: %s", langs[lang].code, ec->name);
    if (lang > 0) {
        CHECK(press(k, W_LANG_OPEN, 0));
        CHECK(press(k, W_LANG_PICK, config_language_index(cfg, langs[lang].code)));
    }
    const frame *f = kiosk_frame(k);
    finger_tap(k, f->button.x + f->button.w / 2, f->button.y + f->button.h / 2);
    CHECK(journey_on(kiosk_journey(k), "themes"));
    CHECK(press(k, W_NEXT, 0));
    CHECK(press(k, W_SKIP, 0));
    CHECK(journey_on(kiosk_journey(k), "text"));
    type_into(k, ec->text, ec->spaces_on_screen);
    /* One more than the box takes: the last letter is refused, and the box says it is full. */
    CHECK(kiosk_journey(k)->limit_hit == ec->over);
    if (ec->refused) {
        /* An emoji typed after the words: left out, said so under the box; the words stay. */
        for (size_t e = 0; e < sizeof emoji / sizeof emoji[0]; e++) {
            type_on_keyboard(k, emoji[e]);
            CHECK(kiosk_journey(k)->char_refused);
        }
        CHECK_STR(jt_text(kiosk_journey(k), "text"), ec->text_saved);
    }
    CHECK(press(k, W_NEXT, 0));
    CHECK(journey_on(kiosk_journey(k), "name"));
    CHECK(!kiosk_journey(k)->char_refused); /* the message belongs to the step it was on */
    type_into(k, ec->first, ec->spaces_on_screen);
    CHECK(kiosk_journey(k)->limit_hit == ec->over);
    CHECK(press(k, W_NEXT, 0));
    CHECK(press(k, W_SKIP, 0)); /* age */
    CHECK(journey_on(kiosk_journey(k), "postcode_district"));
    type_into(k, ec->postcode, ec->spaces_on_screen);
    CHECK(kiosk_journey(k)->limit_hit == (ec->over || !strcmp(ec->postcode, " S60 ")));
    CHECK(press(k, W_NEXT, 0));
    if (journey_on(kiosk_journey(k), "postcode_district")) {
        /* Not a district: refused with the message, and Skip goes on. */
        CHECK(kiosk_journey(k)->invalid);
        CHECK(ec->postcode_saved == NULL);
        CHECK(press(k, W_SKIP, 0));
    }
    if (journey_on(kiosk_journey(k), "consent_quote")) {
        CHECK(ec->text_saved[0] || ec->first_saved[0]);
        while (kiosk_journey(k)->notice_page) press(k, W_NEXT, 0);
        CHECK(press(k, W_CONSENT, 1));
    } else {
        CHECK(!ec->text_saved[0] && !ec->first_saved[0]); /* nothing to quote, nothing asked */
    }
    CHECK_INT(kiosk_journey(k)->step, STEP_REVIEW);
    CHECK(press(k, W_SEND, 0));
    CHECK_INT(kiosk_journey(k)->step, STEP_THANKS);
    json_t *r = read_last_record();
    CHECK(r != NULL);
    if (r) {
        (*saved)++;
        json_has(r, "text", ec->text_saved[0] ? ec->text_saved : NULL, what);
        json_has(r, "name", ec->first_saved[0] ? ec->first_saved : NULL, what);
        json_has(r, "postcode_district", ec->postcode_saved, what);
        CHECK_STR(json_string_value(json_object_get(r, "language")), langs[lang].code);
        json_decref(r);
    }
    CHECK(press(k, W_CLOSE, 0));
    CHECK(!journey_active(kiosk_journey(k)));
    /* Nothing the visitor typed is left for the next one: the answers' buffer is all zeros. */
    const journey *j = kiosk_journey(k);
    CHECK(j->consult == NULL && j->text_used == 0);
    bool wiped = true;
    for (size_t i = 0; i < sizeof j->texts; i++) wiped &= j->texts[i] == '\0';
    CHECK(wiped);
}

static int make_cases(edge_case *cs, int lang) {
    int n = 0, limit = chars_of(cfg, "text"), name_chars = chars_of(cfg, "name");
    const char *letters = langs[lang].letters;
    edge_case *c;
#define NEXT_CASE(label) (c = &cs[n++], memset(c, 0, sizeof *c), c->name = (label))
    NEXT_CASE("white space only");
    strcpy(c->text, "   "), strcpy(c->first, "  "), c->postcode = " ", c->spaces_on_screen = true;
    NEXT_CASE("white space on the real keyboard");
    strcpy(c->text, " \t  "), strcpy(c->first, " "), c->postcode = "  ";
    NEXT_CASE("newline only");
    strcpy(c->text, "\n"), strcpy(c->first, "\n"), c->postcode = "\n";
    NEXT_CASE("the maximum length exactly");
    words_of(c->text, sizeof c->text, limit, letters), strcpy(c->text_saved, c->text);
    words_of(c->first, sizeof c->first, name_chars, letters), strcpy(c->first_saved, c->first);
    c->postcode = "SW1A", c->postcode_saved = "SW1A";
    NEXT_CASE("one more than the maximum");
    words_of(c->text, sizeof c->text, limit + 1, letters);
    words_of(c->text_saved, sizeof c->text_saved, limit, letters);
    words_of(c->first, sizeof c->first, name_chars + 1, letters);
    words_of(c->first_saved, sizeof c->first_saved, name_chars, letters);
    c->postcode = "SW1AX", c->postcode_saved = "SW1A", c->over = true;
    NEXT_CASE("a 30-character word");
    long_word(c->text, sizeof c->text, 30, letters), strcpy(c->text_saved, c->text);
    long_word(c->first, sizeof c->first, 30, letters), strcpy(c->first_saved, c->first);
    c->postcode = "s60", c->postcode_saved = "S60";
    NEXT_CASE("emoji with skin tones and ZWJ sequences");
    snprintf(c->text, sizeof c->text, "%s ", langs[lang].sentence), strcpy(c->text_saved, c->text);
    c->refused = true;
    strcpy(c->first, emoji[0]); /* refused too: nothing typed */
    c->postcode = emoji[1];
    NEXT_CASE("combining accents");
    strcpy(c->text, combining), strcpy(c->text_saved, combining);
    strcpy(c->first, "Zoe\xCC\x88"), strcpy(c->first_saved, c->first);
    c->postcode = "S6\xCC\x81"; /* not a district: refused with the message */
    NEXT_CASE("Urdu with Latin digits");
    strcpy(c->text, langs[1].sentence), strcpy(c->text_saved, c->text);
    strcpy(c->first, "\xD8\xB9\xD9\x84\xDB\x8C 12"), strcpy(c->first_saved, c->first); /* "علی 12" */
    c->postcode = "\xDB\xB6\xDB\xB0"; /* Urdu digits: not a district */
    NEXT_CASE("the language's own letters");
    strcpy(c->text, langs[lang].sentence), strcpy(c->text_saved, c->text);
    long_word(c->first, sizeof c->first, 12, letters), strcpy(c->first_saved, c->first);
    c->postcode = " S60 ", c->postcode_saved = "S60";
#undef NEXT_CASE
    return n;
}

static bool collect(export_set *set) {
    const char *dirs[] = {dir};
    export_filter flt = {0};
    pk_error err = {{0}};
    bool ok = export_collect(set, dirs, 1, &flt, &err);
    if (!ok) fprintf(stderr, "export_collect: %s\n", err.msg);
    return ok;
}

/* The set written by fn to memory, NUL-terminated (the caller frees it). */
static char *write_to_memory(const export_set *set, export_format fmt, bool report) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    pk_error err = {{0}};
    export_filter flt = {0};
    bool ok = report ? report_write(f, set, &flt, &err) : export_write(f, set, fmt, &err);
    fclose(f);
    if (!ok) fprintf(stderr, "write: %s\n", err.msg);
    CHECK(ok);
    return buf;
}

static void typed_saved_exported_reported(void) {
    static edge_case cases[16];
    int saved = 0;
    kiosk *k = open_test_kiosk(cfg, dir);
    CHECK(k != NULL);
    if (!k) return;
    for (int lang = 0; lang < N_LANGS; lang++) {
        int n = make_cases(cases, lang);
        for (int i = 0; i < n; i++) one_visit(k, lang, &cases[i], &saved);
    }
    kiosk_destroy(k);

    /* Every record comes back out of the export as it went in; the report takes them all. */
    export_set set;
    CHECK(collect(&set));
    set.cfg = cfg; /* as the staff screen's export: a column per question */
    CHECK_INT(set.n, saved);
    CHECK_INT(set.unreadable, 0);
    char *json = write_to_memory(&set, EXPORT_JSON, false);
    char *csv = write_to_memory(&set, EXPORT_CSV, false);
    char *html = write_to_memory(&set, EXPORT_CSV, true);
    json_error_t e;
    json_t *all = json ? json_loads(json, 0, &e) : NULL;
    CHECK(all != NULL);
    json_t *arr = json_is_array(all) ? all : json_object_get(all, "records");
    CHECK_INT(json_array_size(arr), saved);
    for (int lang = 0; lang < N_LANGS; lang++) {
        int n = make_cases(cases, lang);
        for (int i = 0; i < n; i++) {
            if (!cases[i].text_saved[0]) continue;
            bool found = false;
            for (size_t r = 0; r < json_array_size(arr); r++) {
                const json_t *answers = json_object_get(json_array_get(arr, r), "answers");
                const char *t = json_string_value(json_object_get(answers, "text"));
                if (t && !strcmp(t, cases[i].text_saved)) found = true;
            }
            if (!found) fprintf(stderr, "%s %s: not in the JSON export\n", langs[lang].code, cases[i].name);
            CHECK(found);
        }
    }
    /* CSV and the report keep the words as typed: the Urdu sentence with its digits, the
     * combining accents, the long word. */
    CHECK_CONTAINS(csv, langs[1].sentence);
    CHECK_CONTAINS(csv, combining);
    CHECK_CONTAINS(html, langs[1].sentence);
    CHECK_CONTAINS(html, langs[4].sentence);
    /* No record holds a blank answer or a sign that was refused. */
    CHECK(!strstr(json, "\"text\": \"   \""));
    CHECK(!strstr(json, emoji[0]) && !strstr(csv, emoji[1]) && !strstr(html, emoji[2]));
    json_decref(all);
    free(json);
    free(csv);
    free(html);
    export_set_free(&set);
}

int main(void) {
    if (TTF_Init() != 0) return 1;
    snprintf(dir, sizeof dir, "%s/edge-input-XXXXXX", TEST_BINARY_DIR);
    if (!mkdtemp(dir)) return 1;
    cfg = shipped_config();
    if (!cfg) return 1;
    RUN(every_field_lays_out);
    RUN(typed_saved_exported_reported);
    config_free(cfg);
    TTF_Quit();
    return check_report();
}
