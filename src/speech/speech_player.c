/* speech_player: one worker thread, one request slot, and a generation number.
 *
 * say() puts a copy of the text in the slot and bumps the generation; stop() bumps it with an
 * empty slot. The worker takes the slot and synthesises, and its sink queues each chunk only
 * while the generation is still the one it started with. The check and the queueing happen
 * under the same lock that say()/stop() hold while they bump the generation and clear SDL's
 * queue, so a chunk of old speech can never slip in after a stop. */
#include "speech/speech_player.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "speech/speech.h"

struct speech_player {
    SDL_AudioDeviceID dev; /* open only while there is something to hear: 0 when silent */
    SDL_AudioSpec want;
    uint64_t drained_ms;   /* when the queue was first seen empty, for speech_player_tick */
    speech *engine;
    int vol_q8; /* volume in 1/256ths */
    SDL_Thread *worker;
    SDL_mutex *lock;
    SDL_cond *wake;
    /* Guarded by lock. */
    char *pending_text; /* the next thing to say, or NULL */
    char pending_lang[8];
    unsigned generation;
    bool synthesising, quit;
};

typedef struct chunk_ctx {
    speech_player *p;
    unsigned generation;
} chunk_ctx;

static bool queue_chunk(void *user, const int16_t *samples, size_t n) {
    chunk_ctx *cc = user;
    speech_player *p = cc->p;
    int16_t scaled[4096];
    bool live = true;
    for (size_t done = 0; live && done < n;) {
        size_t k = n - done < 4096 ? n - done : 4096;
        for (size_t i = 0; i < k; i++) scaled[i] = (int16_t)(samples[done + i] * p->vol_q8 / 256);
        SDL_LockMutex(p->lock);
        live = cc->generation == p->generation && !p->quit && p->dev;
        if (live) SDL_QueueAudio(p->dev, scaled, (Uint32)(k * sizeof *scaled));
        SDL_UnlockMutex(p->lock);
        done += k;
    }
    return live; /* false: eSpeak NG stops making the rest */
}

static int worker_main(void *arg) {
    speech_player *p = arg;
    SDL_LockMutex(p->lock);
    for (;;) {
        while (!p->quit && !p->pending_text) SDL_CondWait(p->wake, p->lock);
        if (p->quit) break;
        char *text = p->pending_text, lang[8];
        memcpy(lang, p->pending_lang, sizeof lang);
        p->pending_text = NULL;
        chunk_ctx cc = {p, p->generation};
        p->synthesising = true;
        SDL_UnlockMutex(p->lock);

        pk_error err = {{0}};
        if (!speech_synth_stream(p->engine, lang, text, queue_chunk, &cc, &err))
            fprintf(stderr, "plankiosk: read aloud: %s\n", err.msg);
        free(text);

        SDL_LockMutex(p->lock);
        p->synthesising = false;
    }
    SDL_UnlockMutex(p->lock);
    return 0;
}

static speech_player *fail(speech_player *p, const char *why) {
    fprintf(stderr, "plankiosk: read aloud is off: %s\n", why);
    if (p) {
        if (p->dev) SDL_CloseAudioDevice(p->dev);
        speech_close(p->engine);
        if (p->wake) SDL_DestroyCond(p->wake);
        if (p->lock) SDL_DestroyMutex(p->lock);
        free(p);
    }
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return NULL;
}

speech_player *speech_player_open(float volume) {
    /* SDL counts subsystem users: our QuitSubSystem on close leaves others' audio alone. */
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        fprintf(stderr, "plankiosk: read aloud is off: no audio: %s\n", SDL_GetError());
        return NULL;
    }
    /* -1 means "cannot list them": try the default device anyway. */
    if (SDL_GetNumAudioDevices(0) == 0) return fail(NULL, "no audio output device");
    speech_player *p = calloc(1, sizeof *p);
    if (!p) return fail(NULL, "out of memory");
    if (volume < 0) volume = 0;
    if (volume > 1) volume = 1;
    p->vol_q8 = (int)(volume * 256 + 0.5f);
    pk_error err = {{0}};
    if (!(p->engine = speech_open(&err))) return fail(p, err.msg);
    /* The engine's own format; SDL converts if the device wants another. */
    p->want = (SDL_AudioSpec){.freq = speech_rate(p->engine), .format = AUDIO_S16SYS, .channels = 1, .samples = 1024};
    /* Opened once to be sure it can be, then closed: an open device keeps SDL's audio thread
     * waking every few milliseconds, which a kiosk standing still should not pay for. */
    SDL_AudioDeviceID probe = SDL_OpenAudioDevice(NULL, 0, &p->want, NULL, 0);
    if (!probe) return fail(p, SDL_GetError());
    SDL_CloseAudioDevice(probe);
    if (!(p->lock = SDL_CreateMutex()) || !(p->wake = SDL_CreateCond()))
        return fail(p, SDL_GetError());
    if (!(p->worker = SDL_CreateThread(worker_main, "speech", p))) return fail(p, SDL_GetError());
    return p;
}

/* Under the lock: whatever was coming is cancelled and what was queued is dropped. */
static void silence_locked(speech_player *p) {
    p->generation++;
    free(p->pending_text);
    p->pending_text = NULL;
    if (p->dev) SDL_ClearQueuedAudio(p->dev);
}

/* Under the lock. */
static void close_device_locked(speech_player *p) {
    if (p->dev) SDL_CloseAudioDevice(p->dev);
    p->dev = 0;
}

void speech_player_say(speech_player *p, const char *lang, const char *text) {
    if (!p) return;
    char *copy = text && *text && speech_voice_for(lang) ? strdup(text) : NULL;
    SDL_LockMutex(p->lock);
    silence_locked(p);
    if (copy && !p->dev) {
        p->dev = SDL_OpenAudioDevice(NULL, 0, &p->want, NULL, 0);
        if (p->dev) SDL_PauseAudioDevice(p->dev, 0);
        else fprintf(stderr, "plankiosk: read aloud: the audio device will not open: %s\n", SDL_GetError());
    }
    p->drained_ms = 0;
    if (copy && p->dev) {
        p->pending_text = copy;
        copy = NULL;
        snprintf(p->pending_lang, sizeof p->pending_lang, "%s", lang);
        SDL_CondSignal(p->wake);
    }
    SDL_UnlockMutex(p->lock);
    free(copy); /* not said: no device */
}

void speech_player_stop(speech_player *p) {
    if (!p) return;
    SDL_LockMutex(p->lock);
    silence_locked(p);
    close_device_locked(p);
    SDL_UnlockMutex(p->lock);
}

/* Under the lock: speech waiting, being made, or queued and not yet heard. */
static bool busy_locked(const speech_player *p) {
    return p->pending_text || p->synthesising || (p->dev && SDL_GetQueuedAudioSize(p->dev) > 0);
}

bool speech_player_tick(speech_player *p) {
    if (!p) return false;
    SDL_LockMutex(p->lock);
    bool busy = busy_locked(p);
    if (busy || !p->dev) {
        p->drained_ms = 0;
    } else if (!p->drained_ms) {
        p->drained_ms = SDL_GetTicks64();
        busy = true;
    } else if (SDL_GetTicks64() - p->drained_ms < SPEECH_PLAYER_TAIL_MS) {
        busy = true;
    } else {
        close_device_locked(p);
    }
    SDL_UnlockMutex(p->lock);
    return busy;
}

bool speech_player_busy(const speech_player *p) {
    if (!p) return false;
    SDL_LockMutex(p->lock);
    bool busy = busy_locked(p);
    SDL_UnlockMutex(p->lock);
    return busy;
}

void speech_player_close(speech_player *p) {
    if (!p) return;
    SDL_LockMutex(p->lock);
    silence_locked(p);
    p->quit = true;
    SDL_CondSignal(p->wake);
    SDL_UnlockMutex(p->lock);
    SDL_WaitThread(p->worker, NULL);
    close_device_locked(p);
    speech_close(p->engine);
    SDL_DestroyCond(p->wake);
    SDL_DestroyMutex(p->lock);
    free(p);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}
