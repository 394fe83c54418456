/* speech: every language of the shipped config is spoken, offline and without an audio device;
 * an unknown language is refused by name; WAV files hold exactly what was made; and the player
 * that the Listen button drives starts, stops and shuts down cleanly (under SDL's dummy and
 * disk audio drivers, which need no sound card). */
#include <SDL.h>
#include <math.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "config/config.h"
#include "speech/speech.h"
#include "speech/speech_player.h"

static const config_options opt = {.assets_dir = TEST_SOURCE_DIR "/assets"};

static double rms(const speech_audio *a) {
    double sum = 0;
    for (size_t i = 0; i < a->n; i++) sum += (double)a->samples[i] * a->samples[i];
    return a->n ? sqrt(sum / (double)a->n) : 0;
}

/* The invitation and the question, in each language's own words from the shipped config. */
static void every_language_speaks(void) {
    static diag_list d;
    config *c = config_load(TEST_SOURCE_DIR "/config/rotherham-2025.yaml", &opt, &d);
    CHECK(c != NULL);
    if (!c) return;
    pk_error err = {{0}};
    speech *s = speech_open(&err);
    CHECK(s != NULL);
    if (!s) {
        fprintf(stderr, "    %s\n", err.msg);
        config_free(c);
        return;
    }
    CHECK_INT(speech_rate(s), 22050);
    static const char *const langs[] = {"en", "ur", "pl", "sk", "cs", "ro"};
    for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++) {
        int li = config_language_index(c, langs[i]);
        CHECK(li >= 0);
        if (li < 0) continue;
        const config *in = c->by_lang[li];
        CHECK(in->n_consultations > 0);
        if (in->n_consultations < 1) continue;
        char text[600];
        /* The consultation's title is its question ("What would you like for Rotherham?"). */
        snprintf(text, sizeof text, "%s. %s", in->feedback.button, in->consultations[0].title);
        speech_audio a = {0};
        bool ok = speech_synth(s, langs[i], text, &a, &err);
        CHECK(ok);
        if (!ok) fprintf(stderr, "    %s: %s\n", langs[i], err.msg);
        CHECK_INT(a.rate, 22050);
        /* A sentence and a question: well over 0.3 s, and loud enough to be speech. */
        CHECK(a.n > (size_t)(0.3 * a.rate));
        double level = rms(&a);
        CHECK(level > 300);
        fprintf(stderr, "    %s: %.2f s, RMS %.0f: %s\n", langs[i], (double)a.n / a.rate, level,
                text);
        speech_audio_free(&a);
        CHECK(a.samples == NULL && a.n == 0);
    }
    speech_close(s);
    config_free(c);
}

static void unknown_language(void) {
    pk_error err = {{0}};
    speech *s = speech_open(&err);
    CHECK(s != NULL);
    if (!s) return;
    speech_audio a = {0};
    CHECK(!speech_synth(s, "xx", "Hello", &a, &err));
    CHECK_CONTAINS(err.msg, "'xx'");
    CHECK_CONTAINS(err.msg, "ur"); /* and says which languages there are */
    CHECK(a.samples == NULL && a.n == 0);
    CHECK(speech_voice_for("xx") == NULL);
    CHECK(speech_voice_for(NULL) == NULL);
    CHECK_STR(speech_voice_for("ro"), "ro");
    /* Nothing to say is no error and no sound. */
    CHECK(speech_synth(s, "en", "", &a, &err));
    CHECK_INT(a.n, 0);
    speech_close(s);
}

typedef struct counting {
    int calls;
    size_t samples;
    int stop_after;
} counting;

static bool count_chunks(void *user, const int16_t *samples, size_t n) {
    counting *k = user;
    k->calls++;
    k->samples += n;
    return k->calls < k->stop_after;
}

/* A sink that says stop ends the synthesis there (a new request, or "stop"): it is not called
 * again, and that is no failure. */
static void sink_stops_synthesis(void) {
    pk_error err = {{0}};
    speech *s = speech_open(&err);
    if (!s) return;
    const char *text = "This is a long sentence about the town centre, its shops, its market, its "
                       "minster and its people, read aloud to see that stopping works.";
    counting all = {.stop_after = 1 << 30}, one = {.stop_after = 1};
    CHECK(speech_synth_stream(s, "en", text, count_chunks, &all, &err));
    CHECK(all.calls > 1);
    CHECK(speech_synth_stream(s, "en", text, count_chunks, &one, &err));
    CHECK_INT(one.calls, 1);
    CHECK(one.samples < all.samples);
    speech_close(s);
    /* A context opened after the others closed speaks the same. */
    s = speech_open(&err);
    CHECK(s != NULL);
    counting again = {.stop_after = 1 << 30};
    CHECK(s && speech_synth_stream(s, "en", text, count_chunks, &again, &err));
    /* The same speech again (a stopped run may leave a few samples of the engine's own
     * smoothing behind, so not to the sample). */
    CHECK(again.samples > all.samples * 9 / 10 && again.samples < all.samples * 11 / 10);
    speech_close(s);
}

static unsigned long rd32(const unsigned char *p) {
    return p[0] | (unsigned long)p[1] << 8 | (unsigned long)p[2] << 16 | (unsigned long)p[3] << 24;
}
static unsigned rd16(const unsigned char *p) { return p[0] | (unsigned)p[1] << 8; }

static void wav_round_trip(void) {
    enum { N = 5001 }; /* more than one write chunk, odd */
    static int16_t in[N];
    for (int i = 0; i < N; i++) in[i] = (int16_t)((i * 7919) % 65536 - 32768);
    const char *path = TEST_BINARY_DIR "/test_speech.wav";
    pk_error err = {{0}};
    CHECK(speech_write_wav(path, in, N, 22050, &err));
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (!f) return;
    static unsigned char b[44 + 2 * N + 16];
    size_t got = fread(b, 1, sizeof b, f);
    fclose(f);
    CHECK_INT(got, 44 + 2 * N);
    CHECK(!memcmp(b, "RIFF", 4) && !memcmp(b + 8, "WAVE", 4) && !memcmp(b + 12, "fmt ", 4));
    CHECK_INT(rd32(b + 4), 36 + 2 * N);
    CHECK_INT(rd32(b + 16), 16);
    CHECK_INT(rd16(b + 20), 1);     /* PCM */
    CHECK_INT(rd16(b + 22), 1);     /* mono */
    CHECK_INT(rd32(b + 24), 22050); /* rate */
    CHECK_INT(rd32(b + 28), 44100); /* bytes a second */
    CHECK_INT(rd16(b + 32), 2);     /* block */
    CHECK_INT(rd16(b + 34), 16);    /* bits */
    CHECK(!memcmp(b + 36, "data", 4));
    CHECK_INT(rd32(b + 40), 2 * N);
    int same = 0;
    for (int i = 0; i < N; i++) same += (int16_t)rd16(b + 44 + 2 * i) == in[i];
    CHECK_INT(same, N);
    CHECK(access(TEST_BINARY_DIR "/test_speech.wav.tmp", F_OK) != 0);
    /* A folder that is not there: refused with the path, nothing left behind. */
    CHECK(!speech_write_wav(TEST_BINARY_DIR "/no-such-dir/x.wav", in, N, 22050, &err));
    CHECK_CONTAINS(err.msg, "no-such-dir/x.wav");
    unlink(path);
}

/* Polls until the player is quiet; a bound against hanging, not a speed check. */
static bool wait_quiet(speech_player *p) {
    for (int i = 0; i < 60 * 100; i++) {
        if (!speech_player_busy(p)) return true;
        SDL_Delay(10);
    }
    return false;
}

static void player_dummy(void) {
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    speech_player *p = speech_player_open(0.8f);
    CHECK(p != NULL); /* SDL's dummy driver is a device that plays nothing */
    if (!p) return;
    CHECK(!speech_player_busy(p));
    speech_player_say(p, "en", "Have your say.");
    CHECK(speech_player_busy(p)); /* at once: the request is taken */
    CHECK(wait_quiet(p));
    /* A long text, then stop: the synthesis is cancelled and the queue dropped. */
    speech_player_say(p, "pl",
                      "Plan dla Rotherham. Nowe spojrzenie 2025. Rotherham Together Partnership. "
                      "Silniejsze społeczności, umiejętności i zatrudnienie, centrum miasta.");
    CHECK(speech_player_busy(p));
    speech_player_stop(p);
    CHECK(wait_quiet(p));
    /* Unknown language or nothing to say: silence, not a crash. */
    speech_player_say(p, "xx", "Hello");
    CHECK(!speech_player_busy(p));
    speech_player_say(p, "en", "");
    CHECK(!speech_player_busy(p));
    /* Close while speaking: the worker is joined, nothing leaks (ASan/valgrind watch it). */
    speech_player_say(p, "cs", "Vyjádřete se. Co byste chtěli pro Rotherham v roce 2025?");
    speech_player_close(p);
    speech_player_close(NULL);
}

static long peak_of_file(const char *path, long *bytes) {
    FILE *f = fopen(path, "rb");
    long peak = 0;
    *bytes = 0;
    if (!f) return -1;
    int16_t s[1024];
    size_t n;
    while ((n = fread(s, 2, 1024, f)) > 0) {
        *bytes += (long)n * 2;
        for (size_t i = 0; i < n; i++) peak = labs((long)s[i]) > peak ? labs((long)s[i]) : peak;
    }
    fclose(f);
    return peak;
}

/* SDL's disk driver writes what the device would play to a file: speech reaches it, scaled by
 * the volume (0 is silence). */
static void player_disk(void) {
    const char *path = TEST_BINARY_DIR "/test_speech_disk.raw";
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", path, 1);
    long peak[2] = {0}, bytes[2] = {0};
    const float volumes[2] = {1.0f, 0.0f};
    for (int v = 0; v < 2; v++) {
        unlink(path);
        speech_player *p = speech_player_open(volumes[v]);
        CHECK(p != NULL);
        if (!p) return;
        speech_player_say(p, "ro", "Spuneți-vă părerea.");
        CHECK(wait_quiet(p));
        speech_player_close(p);
        peak[v] = peak_of_file(path, &bytes[v]);
    }
    CHECK(bytes[0] > 22050); /* at least half a second (2 bytes a sample) reached the "device" */
    CHECK(peak[0] > 1000);
    CHECK(bytes[1] > 22050);
    CHECK_INT(peak[1], 0);
    unlink(path);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
}

int main(void) {
    RUN(every_language_speaks);
    RUN(unknown_language);
    RUN(sink_stops_synthesis);
    RUN(wav_round_trip);
    RUN(player_dummy);
    RUN(player_disk);
    return check_report();
}
