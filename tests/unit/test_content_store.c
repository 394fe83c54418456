/* content_store without a screen: a stick's folder installed as a version and pointed at; the
 * pointer's switch, three versions kept, going back (to a version, then to the kiosk's own
 * file); which config wins at start (the own file when it changed after staff chose); stick
 * folders refused whole (a link, a file over the cap, folders too deep, a full disk), leaving
 * nothing behind; an interrupted install ignored and cleaned up; and what stays the kiosk's own
 * (id, place, screen, hours, feedback folder, PIN) whatever a stick's config says, with the
 * content hash the store weighs leaving those out. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "config/config.h"
#include "staff/content_store.h"
#include "staff/pin.h"

static char root[300];

static void write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    if (!f) return;
    fputs(text, f);
    fclose(f);
}

static bool exists(const char *path) { return access(path, F_OK) == 0; }

static bool file_has(const char *path, const char *needle) {
    char buf[4096] = "";
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    if (f) fclose(f);
    buf[n] = '\0';
    return strstr(buf, needle) != NULL;
}

/* A fresh stick folder <root>/<name>/plankiosk with a config naming title and a picture in
 * a nested folder. */
static void make_stick(char *out, size_t size, const char *name, const char *title) {
    char p[600];
    snprintf(p, sizeof p, "%s/%s", root, name);
    mkdir(p, 0755);
    snprintf(out, size, "%s/plankiosk", p);
    mkdir(out, 0755);
    snprintf(p, sizeof p, "%s/config.yaml", out);
    char text[200];
    snprintf(text, sizeof text, "plan:\n  title: \"%s\"\n", title);
    write_file(p, text);
    snprintf(p, sizeof p, "%s/pictures", out);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/pictures/park.png", out);
    write_file(p, "not really a png");
}

static char fb[400];
static time_t t0 = 1780000000;

static void fresh_feedback(const char *name) {
    snprintf(fb, sizeof fb, "%s/%s", root, name);
    mkdir(fb, 0755);
}

static void install_switch_keep_three(void) {
    fresh_feedback("fb-keep");
    content_store s;
    pk_error err = {{0}};
    CHECK(content_store_open(&s, fb, &err));
    CHECK_STR(s.current, "");
    char path[PATH_MAX + 100], why[300], name[CONTENT_STORE_NAME];
    CHECK(!content_store_choose(&s, "aaaa", path, sizeof path, why, sizeof why));
    CHECK_STR(why, ""); /* an empty store is nothing to say */
    CHECK(!content_store_can_go_back(&s, ""));
    char stick[500];
    make_stick(stick, sizeof stick, "stick-a", "Plan A");
    CHECK(content_store_install(&s, stick, "", "aaaa", t0, NULL, name, &err));
    CHECK_STR(s.current, name);
    CHECK_STR(s.previous, "");
    /* The copy is whole, nested folder included, and the pointer names it. */
    char p[PATH_MAX + 200];
    snprintf(p, sizeof p, "%s/content/%s/pictures/park.png", fb, name);
    CHECK(exists(p));
    snprintf(p, sizeof p, "%s/content/current", fb);
    CHECK(file_has(p, name));
    CHECK(content_store_choose(&s, "aaaa", path, sizeof path, why, sizeof why));
    CHECK(file_has(path, "Plan A"));
    CHECK(content_store_can_go_back(&s, name));
    /* A second open reads the same pointer. */
    content_store again;
    CHECK(content_store_open(&again, fb, &err));
    CHECK_STR(again.current, name);
    CHECK_STR(again.base_hash, "aaaa");
    /* Four more installs: three versions kept (plus none older: the pointer's two are among them). */
    char names[5][CONTENT_STORE_NAME];
    snprintf(names[0], sizeof names[0], "%s", name);
    for (int i = 1; i < 5; i++) {
        char title[20];
        snprintf(title, sizeof title, "Plan %c", 'A' + i);
        make_stick(stick, sizeof stick, title, title);
        CHECK(content_store_install(&s, stick, s.current, "aaaa", t0 + i * 60, NULL, names[i], &err));
        CHECK_STR(s.previous, names[i - 1]);
    }
    char on_disk[10][CONTENT_STORE_NAME];
    CHECK_INT(content_store_versions(&s, on_disk, 10), 3);
    CHECK_STR(on_disk[0], names[2]);
    CHECK_STR(on_disk[2], names[4]);
    /* Two in the same second get names of their own. */
    char same[CONTENT_STORE_NAME];
    CHECK(content_store_install(&s, stick, s.current, "aaaa", t0 + 4 * 60, NULL, same, &err));
    CHECK(strcmp(same, names[4]) != 0);
    CHECK_CONTAINS(same, names[4]);
}

static void go_back_to_version_then_own_file(void) {
    fresh_feedback("fb-back");
    content_store s;
    pk_error err = {{0}};
    CHECK(content_store_open(&s, fb, &err));
    char stick[500], a[CONTENT_STORE_NAME], b[CONTENT_STORE_NAME], path[PATH_MAX + 100], why[300];
    make_stick(stick, sizeof stick, "back-a", "Plan A");
    CHECK(content_store_install(&s, stick, "", "h1", t0, NULL, a, &err));
    make_stick(stick, sizeof stick, "back-b", "Plan B");
    CHECK(content_store_install(&s, stick, a, "h1", t0 + 60, NULL, b, &err));
    CHECK(content_store_go_back(&s, "h1", &err));
    CHECK_STR(s.current, a);
    CHECK_STR(s.previous, ""); /* before A: the kiosk's own file */
    CHECK(content_store_choose(&s, "h1", path, sizeof path, why, sizeof why));
    CHECK(file_has(path, "Plan A"));
    /* Survives a restart: the pointer on disk says A. */
    content_store again;
    CHECK(content_store_open(&again, fb, &err));
    CHECK_STR(again.current, a);
    CHECK(content_store_go_back(&again, "h1", &err));
    CHECK_STR(again.current, "");
    CHECK(!content_store_choose(&again, "h1", path, sizeof path, why, sizeof why));
    CHECK(!content_store_can_go_back(&again, ""));
    CHECK(!content_store_go_back(&again, "h1", &err));
}

static void own_file_edited_wins(void) {
    fresh_feedback("fb-hash");
    content_store s;
    pk_error err = {{0}};
    CHECK(content_store_open(&s, fb, &err));
    char stick[500], a[CONTENT_STORE_NAME], path[PATH_MAX + 100], why[300];
    make_stick(stick, sizeof stick, "hash-a", "Plan A");
    CHECK(content_store_install(&s, stick, "", "0123456789abcdef", t0, NULL, a, &err));
    CHECK(content_store_choose(&s, "0123456789abcdef", path, sizeof path, why, sizeof why));
    /* Staff edited the card's config on a laptop: it wins, and the journal says why. */
    CHECK(!content_store_choose(&s, "fedcba9876543210", path, sizeof path, why, sizeof why));
    CHECK_CONTAINS(why, "edited after");
    /* A version whose files went missing is not used either. */
    snprintf(path, sizeof path, "%s/content/%s/config.yaml", fb, a);
    unlink(path);
    CHECK(!content_store_choose(&s, "0123456789abcdef", path, sizeof path, why, sizeof why));
    CHECK_CONTAINS(why, "cannot be read");
}

static bool nothing_but_pointer(const char *feedback) {
    char p[600];
    snprintf(p, sizeof p, "%s/content", feedback);
    DIR *d = opendir(p);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (e->d_name[0] != '.' || (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))) n++;
    if (d) closedir(d);
    return n == 0;
}

static bool small_disk(const char *dir, unsigned long long *out, void *ud) {
    (void)dir;
    *out = *(unsigned long long *)ud;
    return true;
}

static void refused_folders(void) {
    fresh_feedback("fb-refuse");
    content_store s;
    pk_error err = {{0}};
    CHECK(content_store_open(&s, fb, &err));
    char stick[500], name[CONTENT_STORE_NAME], p[700];
    /* A symbolic link (it could point anywhere on the kiosk). */
    make_stick(stick, sizeof stick, "link", "Plan L");
    snprintf(p, sizeof p, "%s/pictures/secret.png", stick);
    CHECK(symlink("/etc/passwd", p) == 0);
    CHECK(!content_store_install(&s, stick, "", "h", t0, NULL, name, &err));
    CHECK_CONTAINS(err.msg, "plankiosk/pictures/secret.png is a link");
    CHECK(nothing_but_pointer(fb));
    CHECK_STR(s.current, "");
    /* A file over the size cap (1 KB here, 512 MB on a kiosk). */
    make_stick(stick, sizeof stick, "big", "Plan B");
    snprintf(p, sizeof p, "%s/pictures/huge.png", stick);
    FILE *f = fopen(p, "w");
    for (int i = 0; i < 2000; i++) fputc('x', f);
    fclose(f);
    content_store_limits lim = {.max_bytes = 1024};
    err.msg[0] = '\0';
    CHECK(!content_store_install(&s, stick, "", "h", t0, &lim, name, &err));
    CHECK_CONTAINS(err.msg, "the kiosk takes at most");
    CHECK(nothing_but_pointer(fb));
    /* Folders too deep. */
    make_stick(stick, sizeof stick, "deep", "Plan D");
    snprintf(p, sizeof p, "%s/a", stick);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/a/b", stick);
    mkdir(p, 0755);
    lim = (content_store_limits){.max_depth = 1};
    CHECK(!content_store_install(&s, stick, "", "h", t0, &lim, name, &err));
    CHECK_CONTAINS(err.msg, "plankiosk/a/b: folders go more than 1 deep");
    /* A full disk: said before anything is copied, and the content in use stays. */
    make_stick(stick, sizeof stick, "good", "Plan G");
    CHECK(content_store_install(&s, stick, "", "h", t0, NULL, name, &err));
    unsigned long long free_b = 4096;
    lim = (content_store_limits){.free_bytes = small_disk, .ud = &free_b};
    char other[CONTENT_STORE_NAME];
    CHECK(!content_store_install(&s, stick, name, "h", t0 + 60, &lim, other, &err));
    CHECK_CONTAINS(err.msg, "disk is too full");
    CHECK_STR(s.current, name);
    char on_disk[4][CONTENT_STORE_NAME];
    CHECK_INT(content_store_versions(&s, on_disk, 4), 1);
}

static void interrupted_install_cleaned(void) {
    fresh_feedback("fb-cut");
    content_store s;
    pk_error err = {{0}};
    CHECK(content_store_open(&s, fb, &err));
    char stick[500], a[CONTENT_STORE_NAME], p[700];
    make_stick(stick, sizeof stick, "cut-a", "Plan A");
    CHECK(content_store_install(&s, stick, "", "h", t0, NULL, a, &err));
    /* The power went mid-copy of the next one, and mid-write of the pointer. */
    snprintf(p, sizeof p, "%s/content/.tmp-20990101-000000", fb);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/content/.tmp-20990101-000000/config.yaml", fb);
    write_file(p, "plan:\n  title: \"half");
    snprintf(p, sizeof p, "%s/content/current.tmp", fb);
    write_file(p, "current 20990101-000000\n");
    content_store again;
    CHECK(content_store_open(&again, fb, &err));
    CHECK_STR(again.current, a); /* the old content, whole */
    snprintf(p, sizeof p, "%s/content/.tmp-20990101-000000", fb);
    CHECK(!exists(p));
    snprintf(p, sizeof p, "%s/content/current.tmp", fb);
    CHECK(!exists(p));
    char on_disk[4][CONTENT_STORE_NAME];
    CHECK_INT(content_store_versions(&again, on_disk, 4), 1);
    /* A garbled pointer is said, and the own file is used. */
    snprintf(p, sizeof p, "%s/content/current", fb);
    write_file(p, "current ../../etc\n");
    CHECK(!content_store_open(&again, fb, &err));
    CHECK_CONTAINS(err.msg, "not a content pointer");
    CHECK_STR(again.current, "");
}

/* ---- what stays the kiosk's own ----------------------------------------------------------- */

static const char *const own_yaml =
    "plankiosk: 1\n"
    "kiosk: {id: rotherham-town-centre, location: Town Centre Library, screen: {width: 1080, height: 1920, rotation: 90}}\n"
    "feedback: {dir: /var/lib/plankiosk/feedback, button: Tell us}\n"
    "staff: {pin_hash: \"%s\", corner: top-right, hold_seconds: 7}\n"
    "hours: {monday: \"09:00-17:00\"}\n"
    "plan: {title: Own Plan}\n"
    "slides: [{type: title, title: Own}]\n";

static config *load_yaml(const char *text, const config *own) {
    diag_list *d = calloc(1, sizeof *d);
    config_options o = {.assets_dir = TEST_SOURCE_DIR "/assets", .kiosk_own = own};
    config *c = d ? config_load_string(text, "t.yaml", TEST_SOURCE_DIR "/config", &o, d) : NULL;
    if (d) diag_print(d, stderr);
    free(d);
    return c;
}

/* A stick carried round five kiosks: its config (copied from another kiosk's, or with no
 * kiosk: and staff: at all) brings the content; the id, place, screen, hours, feedback folder
 * and PIN stay the kiosk's own, copied, so the own config may be freed first. */
static void stick_config_keeps_kiosk_own(void) {
    char own_hash[PIN_HASH_MAX], stick_hash[PIN_HASH_MAX], text[1200];
    pk_error err = {{0}};
    CHECK(pin_hash("4321", own_hash, &err) && pin_hash("9999", stick_hash, &err));
    snprintf(text, sizeof text, own_yaml, own_hash);
    config *own = load_yaml(text, NULL);
    CHECK(own != NULL);
    if (!own) return;
    const char *stick_yaml =
        "plankiosk: 1\n"
        "languages: {default: en, available: [en, ur]}\n"
        "kiosk: {id: clifton-park, location: Clifton Park Museum}\n"
        "feedback: {dir: /media/STICK/feedback, button: Have your say}\n"
        "staff: {pin_hash: \"%s\", corner: bottom-left}\n"
        "hours: {monday: closed}\n"
        "loop: {slide_seconds: 20}\n"
        "plan: {title: {en: Stick Plan, ur: Stick Plan UR}}\n"
        "slides: [{type: title, title: Stick}]\n";
    snprintf(text, sizeof text, stick_yaml, stick_hash);
    config *c = load_yaml(text, own);
    char line[200];
    config_kiosk_own_line(own, line, sizeof line);
    config_free(own); /* nothing in c may point into it */
    CHECK(c != NULL);
    if (!c) return;
    for (int i = 0; i < c->languages.n; i++) {
        const config *l = c->by_lang[i];
        CHECK_STR(l->kiosk.id, "rotherham-town-centre");
        CHECK_STR(l->kiosk.location, "Town Centre Library");
        CHECK_INT(l->kiosk.rotation, 90);
        CHECK_INT(l->kiosk.width, 1080);
        CHECK_STR(l->feedback.dir ? l->feedback.dir : "", "/var/lib/plankiosk/feedback");
        CHECK(pin_verify(l->staff.pin_hash, "4321"));
        CHECK(!pin_verify(l->staff.pin_hash, "9999"));
        CHECK_INT(l->staff.corner, 1);
        CHECK_INT(l->staff.hold_seconds, 7);
        CHECK(l->hours.set && !l->hours.closed[0]);
        /* The content is the stick's. */
        CHECK_STR(l->feedback.button, "Have your say");
        CHECK(l->loop.slide_seconds == 20);
    }
    CHECK_STR(c->by_lang[1]->plan.title, "Stick Plan UR");
    config_free(c);
    CHECK_STR(line, "Stays this kiosk's own: id rotherham-town-centre, location, screen, opening hours, feedback "
                    "folder, staff PIN");

    /* No kiosk: and no staff: on the stick: content all the same. */
    snprintf(text, sizeof text, own_yaml, own_hash);
    own = load_yaml(text, NULL);
    c = load_yaml("plankiosk: 1\nplan: {title: Bare}\nslides: [{type: title, title: B}]\n", own);
    CHECK(c != NULL);
    if (c) {
        CHECK_STR(c->kiosk.id, "rotherham-town-centre");
        CHECK(pin_verify(c->staff.pin_hash, "4321"));
    }
    config_free(c);
    /* Without a kiosk of its own to take them from, the same file is refused. */
    c = load_yaml("plankiosk: 1\nplan: {title: Bare}\nslides: [{type: title, title: B}]\n", NULL);
    CHECK(c == NULL);
    config_free(own);
}

/* The content hash the store weighs: a new id, place, PIN, hours or feedback folder in the own
 * file leave it as it was (the stick's content stays chosen); new content changes it. */
static void content_hash_leaves_out_kiosk_own(void) {
    char h1[PIN_HASH_MAX], h2[PIN_HASH_MAX], text[1200];
    pk_error err = {{0}};
    CHECK(pin_hash("4321", h1, &err) && pin_hash("5678", h2, &err));
    snprintf(text, sizeof text, own_yaml, h1);
    config *a = load_yaml(text, NULL);
    snprintf(text, sizeof text,
             "plankiosk: 1\n# moved upstairs\n"
             "kiosk: {id: rotherham-first-floor, location: First floor}\n"
             "feedback: {dir: /srv/feedback, button: Tell us}\n"
             "staff: {pin_hash: \"%s\"}\n"
             "plan: {title: Own Plan}\n"
             "slides: [{type: title, title: Own}]\n",
             h2);
    config *b = load_yaml(text, NULL);
    snprintf(text, sizeof text, own_yaml, h1);
    char *t = strstr(text, "Own Plan");
    if (t) memcpy(t, "New Plan", 8);
    config *c = load_yaml(text, NULL);
    CHECK(a && b && c);
    if (a && b && c) {
        CHECK_STR(a->content_hash, b->content_hash);
        CHECK(strcmp(a->hash, b->hash) != 0);
        CHECK(strcmp(a->content_hash, c->content_hash) != 0);
    }
    config_free(a);
    config_free(b);
    config_free(c);
}

int main(void) {
    snprintf(root, sizeof root, "%s/content-store-XXXXXX", TEST_BINARY_DIR);
    if (!mkdtemp(root)) return 1;
    RUN(install_switch_keep_three);
    RUN(go_back_to_version_then_own_file);
    RUN(own_file_edited_wins);
    RUN(refused_folders);
    RUN(interrupted_install_cleaned);
    RUN(stick_config_keeps_kiosk_own);
    RUN(content_hash_leaves_out_kiosk_own);
    return check_report();
}
