/* speech: eSpeak NG in synchronous mode, writing into our sink instead of a sound card.
 *
 * espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS) makes espeak_ng_Synthesize run on the
 * caller's thread and hand every chunk of samples to the one global synth callback, with the
 * user_data we passed to Synthesize in its events. That pointer carries our job (sink and
 * buffer), so the callback needs no global of its own. The engine itself is global: see the
 * header for the reference count and the lock. */
#include "speech/speech.h"

#include <errno.h>
#include <espeak-ng/espeak_ng.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct speech {
    int rate;
};

/* Our language codes and the eSpeak NG voice for each. "en" is eSpeak's British English
 * (en-gb), the English a Rotherham visitor hears. Data, not code: a language is a row. */
static const struct {
    const char *lang, *voice;
} voices[] = {
    {"en", "en"}, {"ur", "ur"}, {"pl", "pl"}, {"sk", "sk"}, {"cs", "cs"}, {"ro", "ro"},
};
#define N_VOICES (sizeof voices / sizeof voices[0])

/* The engine's globals, guarded by engine_lock: one synthesis at a time, from any thread. */
static pthread_mutex_t engine_lock = PTHREAD_MUTEX_INITIALIZER;
static bool engine_started;
static char engine_voice[16]; /* the voice set last, so a repeat does not reload it */

typedef struct job {
    speech_sink sink;
    void *user;
    bool stopped;
} job;

static int synth_callback(short *wav, int n, espeak_EVENT *events) {
    job *j = events ? (job *)events->user_data : NULL;
    if (!j) return 0;
    if (j->stopped) return 1;
    if (wav && n > 0 && !j->sink(j->user, (const int16_t *)wav, (size_t)n)) {
        j->stopped = true;
        return 1; /* eSpeak NG stops synthesising at once */
    }
    return 0;
}

static int engine_error(pk_error *err, const char *what, espeak_ng_STATUS st) {
    char msg[200];
    espeak_ng_GetStatusCodeMessage(st, msg, sizeof msg);
    return pk_fail(err, "speech: %s: %s", what, msg);
}

speech *speech_open(pk_error *err) {
    speech *s = calloc(1, sizeof *s);
    if (!s) {
        pk_fail(err, "speech: out of memory");
        return NULL;
    }
    pthread_mutex_lock(&engine_lock);
    if (!engine_started) {
        /* NULL: the data path compiled into the library (espeak-ng-data), or $ESPEAK_DATA_PATH. */
        espeak_ng_InitializePath(NULL);
        espeak_ng_ERROR_CONTEXT ctx = NULL;
        espeak_ng_STATUS st = espeak_ng_Initialize(&ctx);
        if (st == ENS_OK) st = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, NULL);
        if (ctx) espeak_ng_ClearErrorContext(&ctx);
        if (st != ENS_OK) {
            engine_error(err, "cannot start eSpeak NG (is espeak-ng-data installed?)", st);
            pthread_mutex_unlock(&engine_lock);
            free(s);
            return NULL;
        }
        espeak_SetSynthCallback(synth_callback);
        engine_voice[0] = '\0';
        engine_started = true;
    }
    s->rate = espeak_ng_GetSampleRate();
    pthread_mutex_unlock(&engine_lock);
    return s;
}

void speech_close(speech *s) { free(s); }

int speech_rate(const speech *s) { return s->rate; }

const char *speech_voice_for(const char *lang) {
    for (size_t i = 0; lang && i < N_VOICES; i++)
        if (!strcmp(voices[i].lang, lang)) return voices[i].voice;
    return NULL;
}

const char *speech_languages(void) {
    static char list[N_VOICES * 4];
    if (!list[0])
        for (size_t i = 0; i < N_VOICES; i++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "",
                     voices[i].lang);
    return list;
}

bool speech_synth_stream(speech *s, const char *lang, const char *text, speech_sink sink,
                         void *user, pk_error *err) {
    const char *voice = speech_voice_for(lang);
    if (!voice)
        return pk_fail(err, "speech: no voice for language '%s' (there are voices for %s)",
                       lang ? lang : "", speech_languages());
    if (!text || !*text) return true; /* nothing to say is said at once */
    job j = {.sink = sink, .user = user};
    pthread_mutex_lock(&engine_lock);
    espeak_ng_STATUS st = ENS_OK;
    if (strcmp(engine_voice, voice) != 0) {
        st = espeak_ng_SetVoiceByName(voice);
        if (st == ENS_OK)
            snprintf(engine_voice, sizeof engine_voice, "%s", voice);
        else
            engine_voice[0] = '\0';
    }
    bool ok = st == ENS_OK;
    if (!ok) {
        char what[64];
        snprintf(what, sizeof what, "voice '%s' for language '%s'", voice, lang);
        engine_error(err, what, st);
    } else {
        st = espeak_ng_Synthesize(text, strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8,
                                  NULL, &j);
        /* A sink that stopped the speech is not a failure, whatever the engine says. */
        if (st != ENS_OK && !j.stopped) ok = engine_error(err, "synthesis failed", st);
    }
    pthread_mutex_unlock(&engine_lock);
    (void)s; /* the engine is global; the context proves it was opened */
    return ok;
}

typedef struct grow {
    speech_audio *a;
    size_t cap;
    bool oom;
} grow;

static bool collect(void *user, const int16_t *samples, size_t n) {
    grow *g = user;
    if (g->a->n + n > g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 22050;
        while (cap < g->a->n + n) cap *= 2;
        int16_t *p = realloc(g->a->samples, cap * sizeof *p);
        if (!p) {
            g->oom = true;
            return false;
        }
        g->a->samples = p, g->cap = cap;
    }
    memcpy(g->a->samples + g->a->n, samples, n * sizeof *samples);
    g->a->n += n;
    return true;
}

bool speech_synth(speech *s, const char *lang, const char *text, speech_audio *out, pk_error *err) {
    *out = (speech_audio){.rate = s->rate};
    grow g = {.a = out};
    bool ok = speech_synth_stream(s, lang, text, collect, &g, err);
    if (ok && g.oom) ok = pk_fail(err, "speech: out of memory for %zu samples", out->n);
    if (!ok) speech_audio_free(out);
    return ok;
}

void speech_audio_free(speech_audio *a) {
    if (!a) return;
    free(a->samples);
    a->samples = NULL;
    a->n = 0;
}

static void le16(unsigned char *p, unsigned v) {
    p[0] = (unsigned char)v, p[1] = (unsigned char)(v >> 8);
}
static void le32(unsigned char *p, unsigned long v) {
    for (int i = 0; i < 4; i++) p[i] = (unsigned char)(v >> (8 * i));
}

bool speech_write_wav(const char *path, const int16_t *samples, size_t n, int rate, pk_error *err) {
    /* RIFF sizes are 32-bit: a little over a day of speech at 22050 Hz. */
    if (n > (0xFFFFFFFFul - 36) / 2)
        return pk_fail(err, "%s: too much audio for one WAV file", path);
    unsigned long data = (unsigned long)n * 2;
    unsigned char h[44];
    memcpy(h, "RIFF", 4), le32(h + 4, 36 + data), memcpy(h + 8, "WAVE", 4);
    memcpy(h + 12, "fmt ", 4), le32(h + 16, 16), le16(h + 20, 1 /* PCM */),
        le16(h + 22, 1 /* mono */);
    le32(h + 24, (unsigned long)rate), le32(h + 28, (unsigned long)rate * 2), le16(h + 32, 2),
        le16(h + 34, 16);
    memcpy(h + 36, "data", 4), le32(h + 40, data);

    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp)
        return pk_fail(err, "%s: path too long", path);
    FILE *f = fopen(tmp, "wb");
    if (!f) return pk_fail(err, "%s: cannot write: %s", path, strerror(errno));
    bool ok = fwrite(h, 1, sizeof h, f) == sizeof h;
    unsigned char chunk[4096];
    for (size_t i = 0; ok && i < n;) {
        size_t k = 0;
        for (; k < sizeof chunk / 2 && i < n; k++, i++)
            le16(chunk + 2 * k, (unsigned)(uint16_t)samples[i]);
        ok = fwrite(chunk, 2, k, f) == k;
    }
    ok = ok && fflush(f) == 0 && fsync(fileno(f)) == 0;
    int saved = errno;
    if (fclose(f) != 0 && ok) ok = false, saved = errno;
    if (ok && rename(tmp, path) != 0) ok = false, saved = errno;
    if (!ok) {
        unlink(tmp);
        return pk_fail(err, "%s: cannot write: %s", path, strerror(saved));
    }
    return true;
}
