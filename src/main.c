/* plankiosk: the command line. One binary, several subcommands:
 *   plankiosk [run]  start the kiosk (full screen) on a config
 *   plankiosk check  validate configs, printing FILE:LINE:COLUMN: message for each problem
 *   plankiosk shoot  render every screen to PNG without a display
 *   plankiosk speak  read text or a slide aloud, into a WAV file or through the speaker
 * Each subcommand parses its own options and hands a loaded config to its module. */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "app/cli_data.h"
#include "app/cli_fleet.h"
#include "app/cli_quotes.h"
#include "app/config_file.h"
#include "app/kiosk.h"
#include "app/shoot.h"
#include "content/live_source.h"
#include "config/config.h"
#include "content/content.h"
#include "platform/paths.h"
#include "render/images.h"
#include "speech/speech.h"
#include "speech/speech_player.h"
#include "speech/speech_script.h"
#include "staff/pin.h"

static void usage(FILE *out) {
    fputs("usage:\n"
          "  plankiosk [run] [--config FILE] [--windowed WxH] [--exit-after SECONDS] [--stats]\n"
          "  plankiosk check [--languages] FILE...   (check --help says more)\n"
          "  plankiosk shoot [--config FILE] [--size WxH[,WxH...]] [--lang CODE]\n"
          "                 [--text-scale 1|1.5|2] [--less-motion] [--listen] [--feedback DIR]... --out DIR\n"
          "  plankiosk speak --lang CODE [--wav FILE] [--config FILE] (--slide N | TEXT...)\n"
          "  plankiosk export [--since DATE] [--until DATE] [--kiosk ID] [--consultation ID]\n"
          "                   [--format csv|json|jsonl] [--out FILE] [--codebook FILE] [--config FILE]\n"
          "                   [--key PRIVATE_KEY_FILE] DIR...\n"
          "  plankiosk report [--since DATE] [--until DATE] [--kiosk ID] [--consultation ID] [--config FILE]\n"
          "                   [--min-count N] [--key FILE] --out report.html DIR...\n"
          "  plankiosk fleet [--now TIME] DIR...   (one line per kiosk from its status.json)\n"
          "  plankiosk quotes [--review OUT.xlsx] [--apply SHEET [--by NAME]] [--out approved.yaml]\n"
          "                   [--config FILE] [--key FILE] DIR...   (visitors' quotes to check)\n"
          "  plankiosk keygen --out DIR\n"
          "  plankiosk hash-pin            (reads a 4-12 digit PIN on standard input)\n"
          "  plankiosk version | help\n"
          "\n"
          "The config is --config FILE, else $PLANKIOSK_CONFIG, else /etc/plankiosk/config.yaml,\n"
          "else the shipped config/rotherham-2025.yaml.\n",
          out);
}

static bool parse_size(const char *s, int *w, int *h) {
    char x;
    return sscanf(s, "%d%c%d", w, &x, h) == 3 && (x == 'x' || x == 'X') && *w >= 100 &&
           *h >= 100 && *w <= 8192 && *h <= 8192;
}

/* Translation coverage, one line: "languages: en 412/412, ur 380/412 (not reviewed), ...". */
static void print_coverage(const config *c) {
    const config_languages *L = &c->languages;
    if (L->n < 2) return;
    printf("%s: languages:", c->path);
    for (int i = 0; i < L->n; i++)
        printf("%s %s %d/%d%s", i ? "," : "", L->code[i], L->translated[i], L->strings,
               L->unreviewed[i] ? " (not reviewed)" : "");
    printf("\n");
}

static void usage_check(FILE *out) {
    fputs("usage: plankiosk check [--languages] FILE...\n"
          "Checks each config as the kiosk would load it and prints every problem as\n"
          "FILE:LINE:COLUMN: message. Exit status 0 when every file is fine (warnings are\n"
          "printed but do not refuse a file), 1 when a file has a problem or colours below the\n"
          "WCAG AA contrast, 2 for a command line that does not make sense.\n"
          "  --languages  also list every text that has no words of its own in a language\n",
          out);
}

static const char *plural(int n, const char *one, const char *many) { return n == 1 ? one : many; }

/* The last line for one file. Every number in it counts lines printed above it, from the same
 * list, so it can never claim a problem the reader cannot find. */
static void print_check_summary(const char *path, const config *c, const diag_list *contrast,
                                const diag_list *w) {
    int n_contrast = contrast->count + contrast->dropped, n_warn = w->count + w->dropped;
    char warned[64] = "";
    if (n_warn) snprintf(warned, sizeof warned, "; %d %s (see above)", n_warn, plural(n_warn, "warning", "warnings"));
    if (n_contrast)
        printf("%s: refused: %d %s below the WCAG AA contrast (see above)%s\n", path, n_contrast,
               plural(n_contrast, "colour is", "colours are"), warned);
    else
        printf("%s: OK: \"%s\", %d %s, kiosk %s (%s)%s\n", path, c->plan.title, c->n_slides,
               plural(c->n_slides, "slide", "slides"), c->kiosk.id, c->kiosk.location, warned);
    /* What visitors will be asked, and whether it takes answers today. */
    pk_date today = date_from_time(time(NULL));
    for (int i = 0; !n_contrast && i < c->n_consultations; i++) {
        const consultation *k = &c->consultations[i];
        char when[64] = "running today", d[32];
        if (k->has_from && date_cmp_days(today, date_first_day(k->from)) < 0)
            snprintf(when, sizeof when, "starts %s", date_format_short(k->from, d, sizeof d));
        else if (!consult_running(k, today))
            snprintf(when, sizeof when, "ended %s", date_format_short(k->until, d, sizeof d));
        else if (k->has_until)
            snprintf(when, sizeof when, "running until %s", date_format_short(k->until, d, sizeof d));
        printf("%s: consultation %s: \"%s\", %d %s, %s\n", path, k->id, k->title, k->n_questions,
               plural(k->n_questions, "question", "questions"), when);
    }
    if (!n_contrast && c->feedback.public_key)
        printf("%s: personal answers are sealed for public key %s (%s); keep its secret key safe\n", path,
               c->feedback.key_fingerprint, c->feedback.public_key);
    if (!n_contrast && !config_consultation_for(c, NULL, today))
        printf("%s: no consultation runs today, so the kiosk shows no \"Have your say\" button\n", path);
}

static int cmd_check(int argc, char **argv) {
    bool list_missing = false, options = true;
    int n_files = 0, bad = 0;
    const char **files = calloc((size_t)(argc > 0 ? argc : 1), sizeof *files); /* into argv */
    if (!files) return 1;
    /* Options first, so `check --help` never reads a file called "--help". */
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (options && !strcmp(a, "--")) options = false;
        else if (options && (!strcmp(a, "--help") || !strcmp(a, "-h"))) {
            usage_check(stdout);
            free(files);
            return 0;
        } else if (options && !strcmp(a, "--languages")) list_missing = true;
        else if (options && a[0] == '-' && a[1]) {
            fprintf(stderr, "plankiosk check: unknown option '%s'\n", a);
            usage_check(stderr);
            free(files);
            return 2;
        } else files[n_files++] = a;
    }
    if (!n_files) {
        fputs("plankiosk check: give at least one config file\n", stderr);
        usage_check(stderr);
        free(files);
        return 2;
    }
    for (int f = 0; f < n_files; f++) {
        const char *path = files[f];
        diag_list *d = calloc(1, sizeof *d), *w = calloc(1, sizeof *w), *m = calloc(1, sizeof *m),
                  *contrast = calloc(1, sizeof *contrast);
        if (!d || !w || !m || !contrast) {
            fputs("plankiosk check: out of memory\n", stderr);
            free(d);
            free(w);
            free(m);
            free(contrast);
            free(files);
            return 1;
        }
        config_options opt = {.assets_dir = paths_assets_dir(), .check_image = images_check_file,
                              .warnings = w, .contrast = contrast, .missing = list_missing ? m : NULL};
        config *c = config_load(path, &opt, d);
        if (c) {
            diag_print(w, stdout);
            /* The kiosk still runs with poor colours (a dim screen beats a black one at a
             * roadshow), but check refuses them so they are fixed before it gets there. */
            diag_print(contrast, stdout);
            if (list_missing) diag_print(m, stdout);
            print_coverage(c);
            print_check_summary(path, c, contrast, w);
            bad |= contrast->count + contrast->dropped > 0;
        } else {
            diag_print(d, stdout);
            printf("%s: %d problem%s\n", path, d->count + d->dropped,
                   d->count + d->dropped == 1 ? "" : "s");
            bad = 1;
        }
        config_free(c);
        free(d);
        free(w);
        free(m);
        free(contrast);
    }
    free(files);
    return bad;
}

static int cmd_shoot(int argc, char **argv) {
    const char *cfg_path = NULL, *out = NULL, *sizes_arg = NULL, *language = NULL;
    const char *feedback[RESULTS_MAX_DIRS];
    int n_feedback = 0;
    slide_view view = {1.0, false, false};
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--config") && i + 1 < argc) cfg_path = argv[++i];
        else if (!strcmp(argv[i], "--text-scale") && i + 1 < argc) {
            char *end;
            view.text_scale = strtod(argv[++i], &end);
            if (*end || view.text_scale < 1 || view.text_scale > 2) {
                fprintf(stderr, "plankiosk shoot: --text-scale must be between 1 and 2\n");
                return 2;
            }
        } else if (!strcmp(argv[i], "--less-motion")) view.reduce_motion = true;
        else if (!strcmp(argv[i], "--listen")) view.can_listen = true;
        else if ((!strcmp(argv[i], "--language") || !strcmp(argv[i], "--lang")) && i + 1 < argc) language = argv[++i];
        else if (!strcmp(argv[i], "--size") && i + 1 < argc) sizes_arg = argv[++i];
        else if (!strcmp(argv[i], "--out") && i + 1 < argc) out = argv[++i];
        else if (!strcmp(argv[i], "--feedback") && i + 1 < argc) {
            if (n_feedback == RESULTS_MAX_DIRS) {
                fprintf(stderr, "plankiosk shoot: at most %d --feedback folders\n", RESULTS_MAX_DIRS);
                return 2;
            }
            feedback[n_feedback++] = argv[++i];
        } else {
            fprintf(stderr, "plankiosk shoot: unknown option '%s'\n", argv[i]);
            usage(stderr);
            return 2;
        }
    }
    if (!out) {
        fputs("plankiosk shoot: --out DIR is required\n", stderr);
        return 2;
    }
    char buf[PATH_MAX];
    config *c = app_load_config(cfg_path ? cfg_path : app_default_config(buf, sizeof buf));
    if (!c) return 1;
    shoot_size sizes[8];
    int n = 0;
    if (sizes_arg) {
        char copy[256];
        snprintf(copy, sizeof copy, "%s", sizes_arg);
        for (char *save, *tok = strtok_r(copy, ",", &save); tok && n < 8; tok = strtok_r(NULL, ",", &save)) {
            if (!parse_size(tok, &sizes[n].w, &sizes[n].h)) {
                fprintf(stderr, "plankiosk shoot: size '%s' must look like 1920x1080\n", tok);
                config_free(c);
                return 2;
            }
            n++;
        }
        if (n == 0) {
            fprintf(stderr, "plankiosk shoot: --size '%s' names no size; give one like 1920x1080\n", sizes_arg);
            config_free(c);
            return 2;
        }
    } else {
        sizes[n++] = (shoot_size){c->kiosk.width, c->kiosk.height};
    }
    const config *shown = c;
    if (language) {
        int li = config_language_index(c, language);
        if (li < 0) {
            fprintf(stderr, "plankiosk shoot: the config offers no language '%s'\n", language);
            config_free(c);
            return 2;
        }
        shown = c->by_lang[li];
    }
    /* No display is needed: images and fonts only. */
    int status = TTF_Init() != 0;
    if (status) fprintf(stderr, "plankiosk shoot: %s\n", TTF_GetError());
    else {
        /* The live slides as a kiosk gathering these folders would show them (else skipped). */
        slide_live *live = n_feedback ? calloc(1, sizeof *live) : NULL;
        live_source *src = live ? live_source_new(c, feedback, n_feedback) : NULL;
        if (src) {
            diag_list *problems = calloc(1, sizeof *problems);
            live_source_update(src, problems);
            if (problems) diag_print(problems, stderr);
            free(problems);
            live_source_snapshot(src, live);
        }
        status = n_feedback && !src ? (fputs("plankiosk shoot: out of memory\n", stderr), 1)
                                    : shoot_run(shown, sizes, n, out, &view, live);
        live_source_free(src);
        free(live);
    }
    config_free(c);
    TTF_Quit();
    return status;
}

/* Says the words, or slide N of the config, in one language: into a WAV file (staff check a
 * translation's sound without a speaker), else through the speaker, as the Listen button does. */
static int cmd_speak(int argc, char **argv) {
    const char *lang = NULL, *wav = NULL, *cfg_path = NULL;
    int slide_no = 0;
    float volume = 1.0f;
    char text[SPEECH_SCRIPT_MAX] = "";
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--lang") && i + 1 < argc) lang = argv[++i];
        else if (!strcmp(argv[i], "--wav") && i + 1 < argc) wav = argv[++i];
        else if (!strcmp(argv[i], "--config") && i + 1 < argc) cfg_path = argv[++i];
        else if (!strcmp(argv[i], "--slide") && i + 1 < argc) slide_no = atoi(argv[++i]);
        else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "plankiosk speak: unknown option '%s'\n", argv[i]);
            usage(stderr);
            return 2;
        } else
            snprintf(text + strlen(text), sizeof text - strlen(text), "%s%s", text[0] ? " " : "", argv[i]);
    }
    if (!lang || (!slide_no) == (!text[0])) {
        fputs("plankiosk speak: give --lang CODE and either --slide N or the words to say\n", stderr);
        usage(stderr);
        return 2;
    }
    if (!speech_voice_for(lang)) {
        fprintf(stderr, "plankiosk speak: no voice for language '%s' (there are voices for %s)\n", lang,
                speech_languages());
        return 2;
    }
    if (slide_no) {
        char buf[PATH_MAX];
        config *c = app_load_config(cfg_path ? cfg_path : app_default_config(buf, sizeof buf));
        if (!c) return 1;
        int li = config_language_index(c, lang);
        if (li < 0 || slide_no < 1 || slide_no > c->n_slides) {
            if (li < 0) fprintf(stderr, "plankiosk speak: %s offers no language '%s'\n", c->path, lang);
            else fprintf(stderr, "plankiosk speak: %s has slides 1 to %d, not %d\n", c->path, c->n_slides, slide_no);
            config_free(c);
            return 2;
        }
        const config *shown = c->by_lang[li];
        volume = (float)shown->accessibility.volume;
        speech_script_slide(shown, &shown->slides[slide_no - 1], NULL,
                            content_as_of(shown, date_from_time(time(NULL))), text, sizeof text);
        config_free(c);
        printf("%s", text);
    }
    if (!wav) {
        speech_player *p = speech_player_open(volume);
        if (!p) {
            fputs("plankiosk speak: no audio device here: write a file with --wav FILE\n", stderr);
            return 1;
        }
        speech_player_say(p, lang, text);
        while (speech_player_busy(p)) SDL_Delay(20);
        speech_player_close(p);
        return 0;
    }
    pk_error err = {{0}};
    speech_audio a = {0};
    speech *s = speech_open(&err);
    bool ok = s && speech_synth(s, lang, text, &a, &err) && speech_write_wav(wav, a.samples, a.n, a.rate, &err);
    if (ok) printf("%s: %.1f s of speech in '%s' (%zu samples at %d Hz)\n", wav, (double)a.n / a.rate, lang, a.n, a.rate);
    else fprintf(stderr, "plankiosk speak: %s\n", err.msg);
    speech_audio_free(&a);
    speech_close(s);
    return ok ? 0 : 1;
}

static int cmd_run(int argc, char **argv) {
    const char *cfg_path = NULL;
    kiosk_opts o = {0};
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--config") && i + 1 < argc) cfg_path = argv[++i];
        else if (!strcmp(argv[i], "--windowed") && i + 1 < argc) {
            o.windowed = true;
            if (!parse_size(argv[++i], &o.w, &o.h)) {
                fprintf(stderr, "plankiosk: --windowed takes a size like 1280x720\n");
                return 2;
            }
        } else if (!strcmp(argv[i], "--exit-after") && i + 1 < argc) o.exit_after = atof(argv[++i]);
        else if (!strcmp(argv[i], "--stats")) o.stats = true;
        else {
            fprintf(stderr, "plankiosk: unknown option '%s'\n", argv[i]);
            usage(stderr);
            return 2;
        }
    }
    char buf[PATH_MAX];
    o.config_path = cfg_path ? cfg_path : app_default_config(buf, sizeof buf);
    config *c = app_load_config(o.config_path);
    if (!c) return 1;
    int status = kiosk_run(c, &o);
    config_free(c);
    return status;
}

/* Reads the PIN from standard input (without echo on a terminal) and prints the line to put
 * in the config as staff.pin_hash. The PIN itself is never stored anywhere. */
static int cmd_hash_pin(void) {
    bool tty = isatty(STDIN_FILENO);
    struct termios old, quiet;
    if (tty) {
        fputs("Staff PIN (4-12 digits): ", stderr);
        tcgetattr(STDIN_FILENO, &old);
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    char line[64] = "";
    bool got = fgets(line, sizeof line, stdin) != NULL;
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
        fputc('\n', stderr);
    }
    line[strcspn(line, "\r\n")] = '\0';
    char hash[PIN_HASH_MAX];
    pk_error err = {{0}};
    bool ok = got && pin_hash(line, hash, &err);
    explicit_bzero(line, sizeof line);
    if (!ok) {
        fprintf(stderr, "plankiosk hash-pin: %s\n", got ? err.msg : "no PIN given on standard input");
        return 1;
    }
    printf("%s\n", hash);
    if (tty) fputs("Put this line in the config as staff: {pin_hash: \"...\"}\n", stderr);
    return 0;
}

int main(int argc, char **argv) {
    const char *cmd = argc > 1 ? argv[1] : "run";
    if (!strcmp(cmd, "check")) return cmd_check(argc - 1, argv + 1);
    if (!strcmp(cmd, "shoot")) return cmd_shoot(argc - 1, argv + 1);
    if (!strcmp(cmd, "speak")) return cmd_speak(argc - 1, argv + 1);
    if (!strcmp(cmd, "hash-pin")) return cmd_hash_pin();
    if (!strcmp(cmd, "export")) return cli_export(argc - 1, argv + 1);
    if (!strcmp(cmd, "report")) return cli_report(argc - 1, argv + 1);
    if (!strcmp(cmd, "keygen")) return cli_keygen(argc - 1, argv + 1);
    if (!strcmp(cmd, "fleet")) return cli_fleet(argc - 1, argv + 1);
    if (!strcmp(cmd, "quotes")) return cli_quotes(argc - 1, argv + 1);
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) {
        printf("plankiosk %s\n", PLANKIOSK_VERSION);
        return 0;
    }
    if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(cmd, "run")) return cmd_run(argc - 1, argv + 1);
    if (cmd[0] == '-') return cmd_run(argc, argv); /* options only: run */
    fprintf(stderr, "plankiosk: unknown command '%s'\n", cmd);
    usage(stderr);
    return 2;
}
