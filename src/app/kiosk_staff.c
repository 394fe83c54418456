/* kiosk_staff: staff mode on the kiosk: the hidden corner, the PIN pad (also from a real
 * keyboard), the staff screen's figures, pause, exit, the export to a USB stick, new
 * content from a USB stick: found, checked, previewed slide by slide, used (kept in the
 * content store, content_store.h) and gone back from with one tap, and visitors' quotes
 * checked one at a time (staff_quotes.h), each decision saved before the next is shown. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/kiosk_internal.h"
#include "app/staff_export.h"
#include "platform/paths.h"
#include "render/images.h"

/* The hidden staff corner: a touch-target square in the configured corner. */
pk_rect kiosk_staff_corner(const kiosk *k) {
    const screen_metrics *m = &k->scr.sc.m;
    int side = m->touch * 3 / 2;
    int c = k->cfg->staff.corner;
    return (pk_rect){c & 1 ? m->w - side : 0, c & 2 ? m->h - side : 0, side, side};
}

static void read_quotes(kiosk *k);

void kiosk_open_staff(kiosk *k, staff_mode mode, uint64_t now) {
    kiosk_stop_speaking(k);
    k->staff = mode;
    k->staff_since = now;
    if (k->preview && mode != STAFF_PREVIEW) kiosk_preview_end(k);
    if (mode == STAFF_SCREEN) {
        kiosk_content_find(k);
        char kdir[1200];
        snprintf(kdir, sizeof kdir, "%s/%s", k->feedback_dir, k->cfg->kiosk.id);
        staff_stats_read(kdir, kiosk_today(k), &k->stats);
    }
    if (mode == STAFF_SCREEN || mode == STAFF_QUOTES) read_quotes(k); /* nothing stale: as on disk now */
    if (mode == STAFF_CLOSED) {
        staff_quotes_clear(&k->quotes);
        pin_pad_clear(&k->pad);
        k->pin_message[0] = k->export_message[0] = k->content_message[0] = '\0';
    }
    k->dirty = true;
}

/* The USB sticks mounted now (tests name their own mounts file and prefix). */
static int find_sticks(const kiosk *k, char sticks[][PATH_MAX]) {
    static const char *const default_prefixes[] = {"/media/", "/run/media/", NULL};
    const char *test_prefix[] = {k->opts.usb_prefix, NULL};
    const char *const *prefixes = k->opts.usb_prefix ? test_prefix : default_prefixes;
    return staff_find_usb(k->opts.usb_mounts ? k->opts.usb_mounts : "/proc/self/mounts", prefixes, sticks);
}

static void export_to_usb(kiosk *k, uint64_t now) {
    char sticks[STAFF_USB_MAX][PATH_MAX];
    int n = find_sticks(k, sticks);
    if (n == 0) {
        k->export_ok = false;
        snprintf(k->export_message, sizeof k->export_message,
                 "No USB stick found. Plug one in, wait a few seconds, then try again.");
    } else {
        pk_error err = {{0}};
        int written = 0;
        k->export_ok = staff_export(k->feedback_dir, k->cfg, sticks[0], kiosk_wall(k), &written, &err);
        if (k->export_ok)
            snprintf(k->export_message, sizeof k->export_message,
                     "Saved %d response%s (spreadsheet (.xlsx), CSV and report) to %s. It is safe to remove the stick.",
                     written, written == 1 ? "" : "s", sticks[0]);
        else
            snprintf(k->export_message, sizeof k->export_message, "Export failed: %s", err.msg);
    }
    fprintf(stderr, "plankiosk: staff export: %s\n", k->export_message);
    kiosk_open_staff(k, STAFF_SCREEN, now); /* re-read the figures */
}

/* ---- new content from a USB stick ------------------------------------------------------- */

/* Loads a config as the kiosk does (pictures checked); NULL with every problem in d. Content
 * brought for this kiosk (a stick's, a stored version) is loaded with own, the kiosk's own
 * config: its id, location, screen, hours, feedback folder and key and staff settings are
 * taken from own, whatever the file says (config_kiosk_own.c); NULL loads the own file itself. */
static config *load_content(const char *path, const config *own, diag_list *d) {
    diag_list *warn = calloc(1, sizeof *warn);
    if (!warn) return NULL;
    config_options opt = {.assets_dir = paths_assets_dir(), .check_image = images_check_file, .warnings = warn,
                          .kiosk_own = own};
    config *c = config_load(path, &opt, d);
    diag_print(warn, stderr);
    free(warn);
    return c;
}

/* Loads path for the kiosk to show; NULL with the first problem in err. */
static config *load_for_kiosk(const char *path, const config *own, pk_error *err) {
    diag_list *d = calloc(1, sizeof *d);
    config *c = d ? load_content(path, own, d) : NULL;
    if (!c) {
        if (d) diag_print(d, stderr);
        pk_fail(err, "%s", d && d->count ? d->items[0] : "out of memory");
    }
    free(d);
    return c;
}

void kiosk_pick_feedback_dir(kiosk *k);

void kiosk_content_start(kiosk *k) {
    if (!k->config_file[0]) return; /* no --config file to weigh against (tests, shoot) */
    kiosk_pick_feedback_dir(k);
    pk_error err = {{0}};
    if (!content_store_open(&k->store, k->feedback_dir, &err)) fprintf(stderr, "plankiosk: %s\n", err.msg);
    char path[PATH_MAX + 100], why[PATH_MAX + 200];
    if (!content_store_choose(&k->store, k->base_hash, path, sizeof path, why, sizeof why)) {
        if (why[0]) fprintf(stderr, "plankiosk: %s (%s)\n", why, k->config_file);
        return;
    }
    config *c = load_for_kiosk(path, k->root, &err);
    if (!c) {
        fprintf(stderr, "plankiosk: the USB content %s cannot be used (%s); %s is used\n", path, err.msg, k->config_file);
        return;
    }
    fprintf(stderr, "plankiosk: showing the content from a USB stick kept as %s (\"%s\"); %s's content is unchanged "
                    "since, and its id, location, screen, hours, feedback folder and staff settings are used\n",
            path, c->plan.title, k->config_file);
    /* k->config_file stays the own file: it is what is watched, for its per-kiosk settings. */
    k->cfg = k->root = k->owned = c;
    snprintf(k->in_use, sizeof k->in_use, "%s", k->store.current);
}

config *kiosk_content_reload(kiosk *k, config *own) {
    char path[PATH_MAX + 100], why[PATH_MAX + 200];
    if (!k->in_use[0]) return own;
    if (!content_store_choose(&k->store, own->content_hash, path, sizeof path, why, sizeof why)) {
        /* The own file's content changed: as after a restart, it wins, and staff are told. */
        fprintf(stderr, "plankiosk: %s (%s)\n", why[0] ? why : "the USB stick's content is not chosen", k->config_file);
        snprintf(k->content_message, sizeof k->content_message,
                 "The kiosk's own config file was edited after the USB stick's content was chosen, so the kiosk "
                 "shows its own content again (\"%s\"), as it would after a restart.", own->plan.title);
        k->content_ok = true;
        k->in_use[0] = '\0';
        return own;
    }
    pk_error err = {{0}};
    config *c = load_for_kiosk(path, own, &err);
    if (!c) {
        fprintf(stderr, "plankiosk: the USB content %s cannot be used (%s); %s is used\n", path, err.msg, k->config_file);
        k->in_use[0] = '\0';
        return own;
    }
    fprintf(stderr, "plankiosk: %s: only what is the kiosk's own changed; the USB stick's content (%s) stays\n",
            k->config_file, k->in_use);
    config_free(own);
    return c;
}

void kiosk_content_find(kiosk *k) {
    char sticks[STAFF_USB_MAX][PATH_MAX], found[PATH_MAX + 16] = "", probe[PATH_MAX + 32];
    int n = find_sticks(k, sticks);
    for (int i = 0; i < n && !found[0]; i++) {
        if (snprintf(probe, sizeof probe, "%s/plankiosk/config.yaml", sticks[i]) >= (int)sizeof probe) continue;
        if (access(probe, R_OK) == 0 && snprintf(found, sizeof found, "%s/plankiosk", sticks[i]) >= (int)sizeof found)
            found[0] = '\0';
    }
    if (strcmp(found, k->usb_content) != 0) k->usb_title[0] = '\0'; /* another stick: not checked */
    snprintf(k->usb_content, sizeof k->usb_content, "%s", found);
    pk_error err = {{0}};
    /* The store is opened at start; a kiosk started without a --config file opens it here. */
    if (!k->store.dir[0] && !content_store_open(&k->store, k->feedback_dir, &err))
        fprintf(stderr, "plankiosk: %s\n", err.msg);
}

/* Appends msg to out with every "<stick>/" cut, so staff read plankiosk/config.yaml:4:3. */
static void append_stick_relative(char *out, size_t size, const char *msg, const char *stick) {
    size_t len = strlen(out), sl = strlen(stick);
    for (const char *m = msg; *m && len + 1 < size;) {
        if (sl && strncmp(m, stick, sl) == 0 && m[sl] == '/') {
            m += sl + 1;
            continue;
        }
        out[len++] = *m++;
    }
    out[len] = '\0';
}

void kiosk_preview_end(kiosk *k) {
    if (!k->preview) return;
    pk_error err = {{0}};
    if (!screen_set_config(&k->scr, k->cfg, kiosk_today(k), &err))
        fprintf(stderr, "plankiosk: after the preview: %s\n", err.msg);
    config_free(k->preview);
    k->preview = NULL;
    k->pv = content_preview_start(0);
}

/* "New content on the USB stick": checked as the kiosk checks its own; problems shown, a good
 * one previewed. Nothing the kiosk shows changes here. */
static void check_stick_content(kiosk *k, uint64_t now) {
    char cfg_path[PATH_MAX + 32], stick[PATH_MAX + 16];
    snprintf(cfg_path, sizeof cfg_path, "%s/config.yaml", k->usb_content);
    snprintf(stick, sizeof stick, "%s", k->usb_content);
    char *slash = strrchr(stick, '/');
    if (slash) *slash = '\0'; /* the stick's mount point: messages start at plankiosk/ */
    diag_list *d = calloc(1, sizeof *d);
    if (!d) return;
    /* The kiosk's own PIN, id and place stay: the stick needs no staff: or kiosk: section. */
    config *c = load_content(cfg_path, k->root, d);
    k->content_message[0] = '\0';
    if (!c) {
        int total = d->count + d->dropped;
        snprintf(k->content_message, sizeof k->content_message,
                 "The USB stick's content has %d problem%s; nothing was changed.\n", total, total == 1 ? "" : "s");
        for (int i = 0; i < d->count && i < 4; i++) {
            append_stick_relative(k->content_message, sizeof k->content_message, d->items[i], stick);
            append_stick_relative(k->content_message, sizeof k->content_message, "\n", "");
        }
        if (total > 4)
            append_stick_relative(k->content_message, sizeof k->content_message, "... and more: run plankiosk check on a laptop", "");
        k->content_ok = false;
        fprintf(stderr, "plankiosk: staff: the USB stick's content was refused:\n");
        diag_print(d, stderr);
        free(d);
        return;
    }
    free(d);
    snprintf(k->usb_title, sizeof k->usb_title, "%s", c->plan.title);
    pk_error err = {{0}};
    if (!screen_set_config(&k->scr, c, kiosk_today(k), &err)) {
        snprintf(k->content_message, sizeof k->content_message, "The USB stick's content cannot be shown: %s", err.msg);
        k->content_ok = false;
        config_free(c);
        screen_set_config(&k->scr, k->cfg, kiosk_today(k), &err);
        return;
    }
    k->preview = c;
    config_kiosk_own_line(k->root, k->preview_keeps, sizeof k->preview_keeps);
    k->pv = content_preview_start(c->n_slides);
    k->staff = STAFF_PREVIEW;
    k->staff_since = now;
}

/* The base file's hash is what the store records at every choice staff make here. */
static void switch_to(kiosk *k, config *c, const char *path, const char *version, const char *what) {
    config_free(k->pending);
    k->pending = c; /* kiosk_step takes it at once: staff mode, no visitor */
    snprintf(k->in_use, sizeof k->in_use, "%s", version);
    snprintf(k->content_message, sizeof k->content_message, "%s \"%s\".", what, c->plan.title);
    k->content_ok = true;
    fprintf(stderr, "plankiosk: staff: %s \"%s\" (%s)\n", what, c->plan.title, path);
}

/* "Use this content": copied to the kiosk's disk, then shown from there. */
static void use_stick_content(kiosk *k, uint64_t now) {
    char name[CONTENT_STORE_NAME], path[PATH_MAX + 100];
    pk_error err = {{0}};
    kiosk_open_staff(k, STAFF_SCREEN, now); /* the preview ends, the screen is the kiosk's again */
    bool ok = content_store_install(&k->store, k->usb_content, k->in_use, k->base_hash, kiosk_wall(k), NULL, name, &err);
    config *c = NULL;
    if (ok) {
        content_store_config_path(&k->store, name, path, sizeof path);
        c = load_for_kiosk(path, k->root, &err);
        /* The copy reads as the stick did; if it somehow does not, back to what was shown. */
        if (!c) content_store_go_back(&k->store, k->base_hash, NULL);
    }
    if (!c) {
        snprintf(k->content_message, sizeof k->content_message, "The new content was not used: %s", err.msg);
        k->content_ok = false;
        fprintf(stderr, "plankiosk: staff: %s\n", k->content_message);
        return;
    }
    switch_to(k, c, path, name, "Now showing the USB stick's content, kept on the kiosk (the stick can be removed):");
}

/* "Go back to the previous content": a stored version, or the kiosk's own config file. */
static void go_back(kiosk *k, uint64_t now) {
    (void)now;
    char path[PATH_MAX + 100], to[CONTENT_STORE_NAME];
    snprintf(to, sizeof to, "%s", k->store.previous);
    if (to[0]) content_store_config_path(&k->store, to, path, sizeof path);
    else snprintf(path, sizeof path, "%s", k->opts.config_path ? k->opts.config_path : "");
    pk_error err = {{0}};
    config *c = path[0] ? load_for_kiosk(path, to[0] ? k->root : NULL, &err) : NULL;
    if (!path[0]) pk_fail(&err, "the kiosk was started without a config file to go back to");
    if (c && !to[0]) snprintf(k->base_hash, sizeof k->base_hash, "%s", c->content_hash);
    if (!c || !content_store_go_back(&k->store, k->base_hash, &err)) {
        config_free(c);
        snprintf(k->content_message, sizeof k->content_message, "Could not go back: %s", err.msg);
        k->content_ok = false;
        return;
    }
    switch_to(k, c, path, to, "Went back to the previous content:");
}

/* ---- quotes to check ------------------------------------------------------------------ */

/* The queue from the kiosk's own folder and the fleet's, and the staff button's words. A kiosk
 * that seals records cannot read the words it wrote: staff are sent to a computer instead. */
static void read_quotes(kiosk *k) {
    staff_quotes_clear(&k->quotes);
    if (k->root->feedback.public_key) {
        snprintf(k->quotes_label, sizeof k->quotes_label,
                 "Quotes are sealed on this kiosk: check them on a computer with plankiosk quotes --review");
        return;
    }
    const char *dirs[2] = {k->feedback_dir, k->root->feedback.fleet_dir};
    pk_error err = {{0}};
    if (!staff_quotes_read(&k->quotes, k->root, dirs, 2, paths_assets_dir(), &err)) {
        fprintf(stderr, "plankiosk: staff: quotes cannot be read: %s\n", err.msg);
        snprintf(k->quotes_label, sizeof k->quotes_label, "Quotes cannot be read: %s", err.msg);
        return;
    }
    if (k->quotes.problem[0]) fprintf(stderr, "plankiosk: staff: quotes: %s\n", k->quotes.problem);
    int n = staff_quotes_to_check(&k->quotes);
    if (n) snprintf(k->quotes_label, sizeof k->quotes_label, "Quotes to check (%d)", n);
    else snprintf(k->quotes_label, sizeof k->quotes_label, "No quotes to check");
}

/* Approve or Hide: saved (durably) before the next quote shows; the live slides look again. */
static void decide_quote(kiosk *k, quote_verdict v) {
    char by[200];
    snprintf(by, sizeof by, "staff on %s", k->cfg->kiosk.id);
    pk_error err = {{0}};
    if (staff_quotes_decide(&k->quotes, v, k->feedback_dir, k->cfg->kiosk.id, by, kiosk_wall(k), &err))
        kiosk_live_poke(k);
    else
        fprintf(stderr, "plankiosk: staff: a decision on a quote was not saved: %s\n", err.msg);
}

void kiosk_staff_quotes_view(kiosk *k, staff_view_state *st) {
    st->quotes_label = k->quotes_label[0] ? k->quotes_label : NULL;
    st->quotes_enabled = !k->root->feedback.public_key && staff_quotes_to_check(&k->quotes) > 0;
    if (k->staff != STAFF_QUOTES) return;
    staff_quotes_page_get(&k->quotes, k->root, &k->quotes_page);
    st->quote_page = &k->quotes_page;
    st->quote_error = k->quotes.error;
    st->quote_problem = k->quotes.problem;
    st->quote_part = k->quotes.part;
}

void kiosk_staff_press(kiosk *k, const widget *w, uint64_t now) {
    k->staff_since = now;
    switch (w->kind) {
    case W_PIN_DIGIT: pin_pad_digit(&k->pad, w->index, now); break;
    case W_PIN_DELETE: pin_pad_backspace(&k->pad); break;
    case W_PIN_CANCEL: kiosk_open_staff(k, STAFF_CLOSED, now); break;
    case W_PIN_OK:
        switch (pin_pad_submit(&k->pad, k->cfg->staff.pin_hash, now)) {
        case PIN_ACCEPTED: kiosk_open_staff(k, STAFF_SCREEN, now); break;
        case PIN_WRONG:
            snprintf(k->pin_message, sizeof k->pin_message, "Wrong PIN: %d %s left before a 5-minute lock",
                     PIN_MAX_ATTEMPTS - k->pad.failures, PIN_MAX_ATTEMPTS - k->pad.failures == 1 ? "try" : "tries");
            break;
        default: k->pin_message[0] = '\0'; break;
        }
        break;
    case W_STAFF_EXPORT: export_to_usb(k, now); break;
    case W_STAFF_CONTENT: check_stick_content(k, now); break;
    case W_STAFF_GO_BACK: go_back(k, now); break;
    case W_PREVIEW_BACK:
    case W_PREVIEW_NEXT: content_preview_step(&k->pv, w->kind == W_PREVIEW_NEXT ? 1 : -1); break;
    case W_PREVIEW_USE: use_stick_content(k, now); break;
    case W_PREVIEW_CANCEL: kiosk_open_staff(k, STAFF_SCREEN, now); break;
    case W_STAFF_PAUSE: attract_set_held(&k->loop, !k->loop.held, now); break;
    case W_STAFF_EXIT:
        k->quit = true;
        k->staff_exit = true;
        break;
    case W_STAFF_BACK: kiosk_open_staff(k, STAFF_CLOSED, now); break;
    case W_STAFF_QUOTES: kiosk_open_staff(k, STAFF_QUOTES, now); break;
    case W_QUOTE_APPROVE: decide_quote(k, QUOTE_APPROVE); break;
    case W_QUOTE_HIDE: decide_quote(k, QUOTE_HIDE); break;
    case W_QUOTE_LATER: staff_quotes_later(&k->quotes); break;
    case W_QUOTE_BACK: staff_quotes_back(&k->quotes); break;
    case W_QUOTE_MORE: staff_quotes_more(&k->quotes); break;
    case W_QUOTE_DONE: kiosk_open_staff(k, STAFF_SCREEN, now); break;
    default: break;
    }
    k->dirty = true;
}

/* The PIN pad from a real keyboard: digits and Backspace as on the pad; then the focus waits
 * on OK, so "1234 Enter" opens it. */
bool kiosk_pin_key(kiosk *k, SDL_Keycode sym, bool key_repeat, uint64_t now) {
    int digit = sym >= SDLK_0 && sym <= SDLK_9         ? (int)(sym - SDLK_0)
                : sym >= SDLK_KP_1 && sym <= SDLK_KP_9 ? (int)(sym - SDLK_KP_1) + 1
                : sym == SDLK_KP_0                     ? 0
                                                       : -1;
    if (digit < 0 && sym != SDLK_BACKSPACE) return false;
    if (key_repeat) return true;
    widget w = {{0, 0, 0, 0}, digit >= 0 ? W_PIN_DIGIT : W_PIN_DELETE, digit, NULL};
    kiosk_staff_press(k, &w, now);
    focus_place(&k->focus, &k->widgets, false, W_PIN_OK, -1);
    k->focus.shown = true;
    return true;
}

