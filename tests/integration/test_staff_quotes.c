/* Quotes checked on the real kiosk (dummy video driver, synthetic touches), as staff would:
 * the PIN opens the staff screen, whose "Quotes to check (N)" counts only quotes with consent
 * that no person has decided; the quotes screen shows them one at a time, oldest first, a held
 * one with its reason; Approve and Hide each append one decision line at once, with the right
 * keys; Back and a changed decision append a new line that wins; a decision that cannot be
 * saved leaves the quote on screen with the reason, and nothing already saved is lost.
 *
 * Every page (a long Urdu quote, an emoji-only one, a 2000-character one, a held one, the end)
 * is laid out at 800x480, 1920x1080 and 1080x1920 within the layout rules; with --shots DIR
 * they are also saved there as PNGs for a person to look at. */
#include <SDL.h>
#include <SDL_image.h>
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* Before app/screen.h: its check_list names a local 'screen', which the type would shadow. */
#include "layout_check.h"

#include "app/kiosk_internal.h"
#include "check.h"
#include "kiosk_test.h"
#include "quotes/quotes.h"
#include "store/feedback_log.h"

static config *cfg;
static char dir[200];

static bool press(kiosk *k, widget_kind kind) {
    const widget *w = find_widget(k, kind, -1);
    if (!w) {
        fprintf(stderr, "no widget %d on screen\n", kind);
        return false;
    }
    finger_tap(k, w->r.x + w->r.w / 2, w->r.y + w->r.h / 2);
    return true;
}

static void open_staff(kiosk *k) {
    finger(k, SDL_FINGERDOWN, 5, 5);
    fake_now += (uint64_t)cfg->staff.hold_seconds * 1000 + 10;
    settle(k);
    finger(k, SDL_FINGERUP, 5, 5);
    for (const char *d = "4321"; *d; d++) {
        const widget *w = find_widget(k, W_PIN_DIGIT, *d - '0');
        if (w) finger_tap(k, w->r.x + w->r.w / 2, w->r.y + w->r.h / 2);
    }
    press(k, W_PIN_OK);
}

/* Whether the screen shows a text containing needle (what staff read, not a field behind it). */
static bool on_screen(const kiosk *k, const char *needle) {
    const draw_list *l = k->overlay;
    for (int i = 0; i < l->count; i++)
        if (l->items[i].kind == DRAW_TEXT && strstr(draw_list_get(l, l->items[i].str), needle))
            return true;
    return false;
}

/* One record as the kiosk writes it, at time at; consent: 1 yes, 0 no, -1 not answered. */
static void add_record(feedback_log *log, time_t at, const char *text, const char *name,
                       int consent, const char *lang) {
    json_t *answers = json_pack("{s:s}", "text", text);
    if (name) json_object_set_new(answers, "name", json_string(name));
    if (consent >= 0) json_object_set_new(answers, "consent_quote", json_boolean(consent));
    const consultation *plan = &cfg->consultations[0];
    feedback_record rec = {.kiosk = log->kiosk,
                           .location = cfg->kiosk.location,
                           .at = at,
                           .config_title = cfg->plan.title,
                           .config_hash = cfg->hash,
                           .consultation = plan->id,
                           .questions_hash = plan->hash,
                           .answers = answers,
                           .personal = json_pack("[s]", "text"),
                           .language = lang,
                           .seconds_taken = 30};
    pk_error err = {{0}};
    CHECK(feedback_log_append(log, &rec, &err));
    feedback_record_release(&rec);
}

static void write_fixture(const char *feedback_dir) {
    feedback_log log;
    pk_error err = {{0}};
    CHECK(feedback_log_open(&log, feedback_dir, cfg->kiosk.id, NULL, &err));
    /* Written newest first on purpose: the queue is oldest first whatever the file's order. */
    add_record(&log, 1779990400, "Buses every ten minutes to the hospital", "Sam", 1, "en");
    add_record(&log, 1779990300, "Secret words nobody said could be shown", "Kim", 0, "en");
    add_record(&log, 1779990200, "Ring me on 07700 900123 about the park", NULL, 1, "en");
    add_record(&log, 1779990150, "Words from a visitor never asked", NULL, -1, "en");
    add_record(&log, 1779990100, "Więcej drzew nad rzeką, proszę", "Ola", 1, "pl");
    feedback_log_close(&log);
}

/* One consented record in folder, written by kiosk_id. */
static void one_quote(const char *folder, const char *kiosk_id, time_t at, const char *text,
                      const char *name, const char *lang) {
    feedback_log log;
    pk_error err = {{0}};
    CHECK(feedback_log_open(&log, folder, kiosk_id, NULL, &err));
    add_record(&log, at, text, name, 1, lang);
    feedback_log_close(&log);
}

/* 2000 characters of one sentence said again and again. */
static void long_words(char *out, size_t size) {
    out[0] = '\0';
    while (strlen(out) < 2000 && strlen(out) + 80 < size)
        strcat(out,
               "The library should open on Sundays and the park needs more benches and bins. ");
    out[2000 < size ? 2000 : size - 1] = '\0';
}

/* The decisions file's lines, each parsed (NULL past the last); returns how many. */
static int decision_lines(const char *feedback_dir, json_t **out, int max) {
    char path[600];
    snprintf(path, sizeof path, "%s/%s/" QUOTE_DECISIONS_DIR "/" QUOTE_DECISIONS_FILE, feedback_dir,
             cfg->kiosk.id);
    FILE *f = fopen(path, "r");
    int n = 0;
    char line[4096];
    while (f && fgets(line, sizeof line, f)) {
        json_t *j = json_loads(line, 0, NULL);
        if (n < max)
            out[n] = j;
        else
            json_decref(j);
        n++;
    }
    if (f) fclose(f);
    return n;
}

static const char *str(const json_t *o, const char *key) {
    return json_string_value(json_object_get(o, key));
}

/* The fixture in a feedback folder of its own (fd: <dir>/name), the kiosk on it, staff mode open.
 */
static kiosk *staff_on(const char *name, char *fd, size_t size) {
    snprintf(fd, size, "%s/%s", dir, name);
    write_fixture(fd);
    kiosk *k = open_test_kiosk(cfg, fd);
    if (k) open_staff(k);
    return k;
}

static void check_and_decide(void) {
    char fd[300];
    kiosk *k = staff_on("decide", fd, sizeof fd);
    if (!k) return;
    CHECK_INT(kiosk_staff_mode(k), STAFF_SCREEN);
    /* Three consented quotes; not the one with a no, nor the one never asked. */
    CHECK(on_screen(k, "Quotes to check (3)"));
    CHECK(press(k, W_STAFF_QUOTES));
    CHECK_INT(kiosk_staff_mode(k), STAFF_QUOTES);
    CHECK(on_screen(k, "Quote 1 of 3"));
    CHECK(on_screen(k, "Więcej drzew nad rzeką, proszę")); /* the oldest first */
    CHECK(on_screen(k, "Ola"));
    CHECK(on_screen(k, "Polski (pl)"));
    CHECK(!on_screen(k, "Held back"));
    CHECK(!find_widget(k, W_QUOTE_BACK, -1)); /* nothing before the first */
    const char *first_key = k->quotes.set.items[k->quotes.queue[0]].key;
    char key1[QUOTE_KEY_LEN], key2[QUOTE_KEY_LEN];
    snprintf(key1, sizeof key1, "%s", first_key);
    CHECK(press(k, W_QUOTE_APPROVE));
    /* The held one shows why, and is hidden. */
    CHECK(on_screen(k, "Quote 2 of 3"));
    CHECK(on_screen(k, "Held back: "));
    CHECK(on_screen(k, "07700 900123"));
    snprintf(key2, sizeof key2, "%s", k->quotes.set.items[k->quotes.queue[1]].key);
    CHECK(press(k, W_QUOTE_HIDE));
    CHECK(on_screen(k, "Quote 3 of 3"));
    CHECK(on_screen(k, "Buses every ten minutes"));
    /* Exactly two lines, at once, with the right keys. */
    json_t *lines[8] = {0};
    CHECK_INT(decision_lines(fd, lines, 8), 2);
    if (lines[0] && lines[1]) {
        CHECK_STR(str(lines[0], "quote"), key1);
        CHECK_STR(str(lines[0], "decision"), "approve");
        CHECK_STR(str(lines[1], "quote"), key2);
        CHECK_STR(str(lines[1], "decision"), "hide");
        char by[200];
        snprintf(by, sizeof by, "staff on %s", cfg->kiosk.id);
        CHECK_STR(str(lines[0], "by"), by);
        CHECK_STR(str(lines[0], "writer"), cfg->kiosk.id);
        CHECK(str(lines[0], "id") && str(lines[0], "at"));
    }
    for (int i = 0; i < 8; i++) json_decref(lines[i]);
    /* Later skips without a word written; then the end says what was done. */
    CHECK(press(k, W_QUOTE_LATER));
    CHECK(on_screen(k, "End of the quotes"));
    CHECK(on_screen(k, "1 approved, 1 hidden, 1 left for later."));
    CHECK(find_widget(k, W_STAFF_QUOTES, -1) != NULL); /* "Check the ones left (1)" */
    CHECK(on_screen(k, "Check the ones left (1)"));
    CHECK_INT(decision_lines(fd, NULL, 0), 2);
    /* Back to the hidden one: Approve changes it, in a new line that wins. */
    CHECK(press(k, W_QUOTE_BACK));
    CHECK(press(k, W_QUOTE_BACK));
    CHECK(on_screen(k, "Quote 2 of 3"));
    CHECK(on_screen(k, "Hidden. Approve changes it."));
    CHECK(press(k, W_QUOTE_APPROVE));
    CHECK_INT(decision_lines(fd, NULL, 0), 3);
    quote_decisions *d = quote_decisions_new();
    pk_error err = {{0}};
    const char *dirs[1] = {fd};
    CHECK(quote_decisions_read(d, dirs, 1, NULL, &err));
    quote_verdict v = QUOTE_HIDE;
    CHECK(quote_decisions_latest(d, key2, &v, NULL, NULL));
    CHECK_INT(v, QUOTE_APPROVE);
    quote_decisions_free(d);
    /* Done: the staff button counts what is left, read again from the disk. */
    CHECK(press(k, W_QUOTE_DONE));
    CHECK_INT(kiosk_staff_mode(k), STAFF_SCREEN);
    CHECK(on_screen(k, "Quotes to check (1)"));
    /* And after a restart of the kiosk, the same. */
    kiosk_destroy(k);
    k = open_test_kiosk(cfg, fd);
    if (!k) return;
    open_staff(k);
    CHECK(on_screen(k, "Quotes to check (1)"));
    CHECK(press(k, W_STAFF_QUOTES));
    CHECK(on_screen(k, "Buses every ten minutes"));
    CHECK(press(k, W_QUOTE_HIDE));
    CHECK(press(k, W_QUOTE_DONE));
    CHECK(on_screen(k, "No quotes to check"));
    CHECK(!find_widget(k, W_STAFF_QUOTES, -1)); /* greyed: takes no tap */
    kiosk_destroy(k);
}

/* A folder that cannot be written (here: a file where the decisions folder goes, which stops
 * root too): the quote stays, the reason shows, the next try after the fix saves it. */
static void write_failure_keeps_the_quote(void) {
    char fd[300], blocker[500];
    kiosk *k = staff_on("full", fd, sizeof fd);
    if (!k) return;
    snprintf(blocker, sizeof blocker, "%s/%s/" QUOTE_DECISIONS_DIR, fd, cfg->kiosk.id);
    FILE *f = fopen(blocker, "w");
    CHECK(f != NULL);
    if (f) fclose(f);
    CHECK(press(k, W_STAFF_QUOTES));
    CHECK(on_screen(k, "Quote 1 of 3"));
    CHECK(press(k, W_QUOTE_APPROVE));
    CHECK(on_screen(k, "Quote 1 of 3")); /* still there */
    CHECK(on_screen(k, "Więcej drzew nad rzeką, proszę"));
    CHECK(on_screen(k, "Not saved"));
    CHECK_INT(k->quotes.set.items[k->quotes.queue[0]].state, QUOTE_WAITING);
    /* Fixed (the disk has room again): the same tap saves it and moves on. */
    unlink(blocker);
    CHECK(press(k, W_QUOTE_APPROVE));
    CHECK(on_screen(k, "Quote 2 of 3"));
    CHECK(!on_screen(k, "Not saved"));
    CHECK_INT(decision_lines(fd, NULL, 0), 1);
    kiosk_destroy(k);
}

/* A quote too long for one screen comes in parts; Approve waits for the last one to be read,
 * and staff are told it will not go on the slide. */
static void long_quote_read_to_the_end(void) {
    char fd[300], longer[2100];
    snprintf(fd, sizeof fd, "%s/long", dir);
    long_words(longer, sizeof longer);
    one_quote(fd, cfg->kiosk.id, 1779990100, longer, "Sam", "en");
    kiosk *k = open_test_kiosk(cfg, fd);
    if (!k) return;
    open_staff(k);
    CHECK(press(k, W_STAFF_QUOTES));
    CHECK(on_screen(k, "Too long for the slide (over 300 characters)"));
    CHECK(find_widget(k, W_QUOTE_MORE, -1) != NULL);
    CHECK(!find_widget(k, W_QUOTE_APPROVE, -1));
    for (int i = 0; i < 20 && !find_widget(k, W_QUOTE_APPROVE, -1); i++) press(k, W_QUOTE_MORE);
    CHECK(press(k, W_QUOTE_APPROVE));
    CHECK(on_screen(k, "All checked"));
    CHECK_INT(decision_lines(fd, NULL, 0), 1);
    kiosk_destroy(k);
}

/* With feedback.fleet_dir, other kiosks' quotes wait too (a record copied into both folders
 * counts once), and a decision made here goes to this kiosk's own folder, never the fleet's. */
static void fleet_quotes_too(void) {
    char fleet[300];
    snprintf(fleet, sizeof fleet, "%s/fleet", dir);
    one_quote(fleet, "library-2", 1779990000, "A bench by the library door", "Ann", "en");
    const char *was = cfg->feedback.fleet_dir;
    cfg->feedback.fleet_dir = fleet;
    char fd[300];
    kiosk *k = staff_on("with-fleet", fd, sizeof fd);
    /* Syncthing brought this kiosk's own records into the fleet's folder too. */
    char own[400], copy[400];
    snprintf(own, sizeof own, "%s/%s", fd, cfg->kiosk.id);
    snprintf(copy, sizeof copy, "%s/%s", fleet, cfg->kiosk.id);
    mkdir(copy, 0755);
    DIR *d = opendir(own);
    int copied = 0;
    for (struct dirent *e; d && (e = readdir(d));) {
        if (!strstr(e->d_name, ".jsonl")) continue;
        char from[700], to[700], buf[1 << 16];
        snprintf(from, sizeof from, "%s/%s", own, e->d_name);
        snprintf(to, sizeof to, "%s/%s", copy, e->d_name);
        FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
        size_t n = in ? fread(buf, 1, sizeof buf, in) : 0;
        copied += out && n && fwrite(buf, 1, n, out) == n;
        if (in) fclose(in);
        if (out) fclose(out);
    }
    if (d) closedir(d);
    CHECK(copied > 0);
    if (k) {
        press(k, W_STAFF_BACK); /* opened again: read as the folders are now */
        open_staff(k);
        CHECK(on_screen(k, "Quotes to check (4)"));
        CHECK(press(k, W_STAFF_QUOTES));
        CHECK(on_screen(k, "A bench by the library door")); /* the oldest of all */
        CHECK(on_screen(k, "at kiosk library-2"));
        CHECK(press(k, W_QUOTE_APPROVE));
        CHECK_INT(decision_lines(fd, NULL, 0), 1);
        char theirs[500];
        snprintf(theirs, sizeof theirs, "%s/library-2/" QUOTE_DECISIONS_DIR, fleet);
        CHECK(access(theirs, F_OK) != 0);
        CHECK(press(k, W_QUOTE_DONE));
        CHECK(on_screen(k, "Quotes to check (3)"));
        kiosk_destroy(k);
    }
    cfg->feedback.fleet_dir = was;
}

/* A kiosk that seals records cannot read the words: staff are sent to a computer. */
static void sealed_kiosk_says_where(void) {
    const char *was = cfg->feedback.public_key;
    cfg->feedback.public_key =
        TEST_SOURCE_DIR "/tests/fixtures/export/sealed/test-key/plankiosk.pub";
    char fd[300];
    kiosk *k = staff_on("sealed", fd, sizeof fd);
    if (!k) {
        cfg->feedback.public_key = was;
        return;
    }
    CHECK(on_screen(k, "Quotes are sealed on this kiosk"));
    CHECK(!find_widget(k, W_STAFF_QUOTES, -1));
    cfg->feedback.public_key = was;
    press(k, W_STAFF_BACK);
    kiosk_destroy(k);
}

/* ---- every page at three sizes: laid out within the rules, and saved for a person ---------- */

/* The frame on screen into out/<name>.png. */
static bool save_frame(kiosk *k, const char *out, const char *name) {
    int w = k->scr.sc.m.w, h = k->scr.sc.m.h;
    SDL_Surface *shot = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    bool ok = shot && !SDL_RenderReadPixels(k->scr.renderer, NULL, SDL_PIXELFORMAT_ARGB8888,
                                            shot->pixels, shot->pitch);
    char path[600];
    snprintf(path, sizeof path, "%s/quotes-%s-%dx%d.png", out, name, w, h);
    ok = ok && IMG_SavePNG(shot, path) == 0;
    if (ok)
        printf("%s\n", path);
    else
        fprintf(stderr, "cannot save %s: %s\n", path, SDL_GetError());
    SDL_FreeSurface(shot);
    return ok;
}

/* The staff screen and the quotes screen on a long Urdu quote, an emoji-only one, one of 2000
 * characters (its first part and its last), one held back for three reasons, and the end, at
 * 800x480, 1920x1080 and 1080x1920: nothing leaves the screen or its box, no texts overlap, every
 * button is a touch target clear of the others. With out, each is saved there as a PNG. */
static void every_page(const char *out) {
    char fd[300];
    snprintf(fd, sizeof fd, "%s/pages", dir);
    feedback_log log;
    pk_error err = {{0}};
    CHECK(feedback_log_open(&log, fd, cfg->kiosk.id, NULL, &err));
    char longer[2100];
    long_words(longer, sizeof longer);
    add_record(&log, 1779990100,
               "میں چاہتا ہوں کہ روتھرہم کے پارکوں میں بچوں کے لیے زیادہ کھیل کے میدان ہوں، دریا "
               "کے کنارے بینچ ہوں، "
               "اور سردیوں میں لائبریری دیر تک کھلی رہے۔ بس کا کرایہ بھی کم ہونا چاہیے تاکہ سب لوگ "
               "شہر آ سکیں۔",
               "عائشہ", 1, "ur");
    add_record(&log, 1779990200, "🌳🌳🚲❤️", "Zoë", 1, "en");
    add_record(&log, 1779990300, longer, "Sam", 1, "en");
    add_record(&log, 1779990400,
               "Email me at jo@example.org or ring 07700 900123, I live at 12 Main Street", "Jo", 1,
               "en");
    feedback_log_close(&log);
    static const int sizes[3][2] = {{800, 480}, {1920, 1080}, {1080, 1920}};
    for (int s = 0; s < 3; s++) {
        kiosk_opts o = {.windowed = true,
                        .w = sizes[s][0],
                        .h = sizes[s][1],
                        .feedback_dir = fd,
                        .now_ms = clock_ms,
                        .wall = wall};
        kiosk *k = kiosk_create(cfg, &o, &err);
        CHECK(k != NULL);
        if (!k) return;
        settle(k);
        kiosk_open_staff(k, STAFF_SCREEN, fake_now);
        settle(k);
        const char *names[] = {"staff", "urdu", "emoji", "long", "long-end", "held", "end"};
        for (int i = 0; i < 7; i++) {
            if (i == 1) kiosk_open_staff(k, STAFF_QUOTES, fake_now);
            if (i == 2 || i == 3 || i == 5 || i == 6) staff_quotes_later(&k->quotes);
            k->dirty = true;
            settle(k);
            if (i == 4) /* the last part of the long one */
                while (find_widget(k, W_QUOTE_MORE, -1) && !find_widget(k, W_QUOTE_APPROVE, -1)) {
                    staff_quotes_more(&k->quotes);
                    k->dirty = true;
                    settle(k);
                }
            char what[80];
            snprintf(what, sizeof what, "%s at %dx%d", names[i], sizes[s][0], sizes[s][1]);
            check_list(&k->scr.sc, k->overlay, what);
            const widget_list *wl = kiosk_widgets(k);
            for (int a = 0; a < wl->count; a++) {
                pk_rect r = wl->items[a].r;
                if (r.w < k->scr.sc.m.touch || r.h < k->scr.sc.m.touch)
                    fprintf(stderr, "%s: button %d is %dx%d\n", what, wl->items[a].kind, r.w, r.h);
                CHECK(r.w >= k->scr.sc.m.touch && r.h >= k->scr.sc.m.touch);
                CHECK(rect_inside(r, (pk_rect){0, 0, sizes[s][0], sizes[s][1]}));
                for (int b = 0; b < a; b++) CHECK(!rect_overlap(r, wl->items[b].r));
            }
            if (out) CHECK(save_frame(k, out, names[i]));
        }
        CHECK(on_screen(k, "End of the quotes"));
        /* The staff screen with every button it can have at once, and the longest quotes label. */
        staff_view_state st = {
            .stats = &k->stats,
            .config_path = "config.yaml",
            .config_title = "The Plan",
            .config_hash = "0123456789abcdef",
            .feedback_dir = fd,
            .storage_error = "",
            .export_message = "Saved 12345 responses (spreadsheet (.xlsx), CSV and report) to "
                              "/media/pi/KINGSTON. It is safe to remove the stick.",
            .export_ok = true,
            .usb_content_label = "New content on the USB stick: \"Riverside\"",
            .can_go_back = true,
            .quotes_label = "Quotes are sealed on this kiosk: check them on a computer with "
                            "plankiosk quotes --review"};
        for (int full = 0; full < 2; full++) {
            st.quotes_enabled = full;
            staff_view_layout(&k->scr.sc, &st, k->overlay, &k->widgets);
            check_list(&k->scr.sc, k->overlay, "staff screen, every button");
            for (int a = 0; a < k->widgets.count; a++) {
                pk_rect r = k->widgets.items[a].r;
                if (r.h < k->scr.sc.m.touch)
                    fprintf(stderr, "staff screen: button %d is %dx%d\n", a, r.w, r.h);
                CHECK(r.w >= k->scr.sc.m.touch && r.h >= k->scr.sc.m.touch);
            }
            if (out) {
                screen_draw_frame(&k->scr, k->overlay, NULL, 1, 1, 1 << 20, NULL);
                CHECK(
                    save_frame(k, out, full ? "staff-every-button" : "staff-every-button-sealed"));
            }
        }
        kiosk_destroy(k);
    }
}

static void layout_at_three_sizes(void) { every_page(NULL); }

int main(int argc, char **argv) {
    snprintf(dir, sizeof dir, "%s/staff-quotes-test-XXXXXX", TEST_BINARY_DIR);
    if (!mkdtemp(dir)) return 1;
    cfg = shipped_config_with_pin("4321");
    if (!cfg) return 1;
    if (argc == 3 && !strcmp(argv[1], "--shots")) {
        every_page(argv[2]);
        config_free(cfg);
        return check_report();
    }
    RUN(check_and_decide);
    RUN(write_failure_keeps_the_quote);
    RUN(long_quote_read_to_the_end);
    RUN(fleet_quotes_too);
    RUN(sealed_kiosk_says_where);
    RUN(layout_at_three_sizes);
    config_free(cfg);
    return check_report();
}
