/* speech: text to speech with eSpeak NG (libespeak-ng), offline, into memory. The kiosk reads a
 * slide or a question aloud in the visitor's language; `plankiosk speak` writes the same speech
 * to a WAV file for staff. No SDL and no audio device here: synthesis fills a buffer (or hands
 * chunks to a sink as they are made), and whoever has a speaker plays it (speech_player).
 *
 * eSpeak NG is one process-global engine, not thread-safe, with one global callback. So this
 * module keeps the only globals it must: whether the engine has started (the first
 * speech_open starts it, once per process) and a lock that lets one synthesis run at a time,
 * whichever thread asks. The engine is never shut down: espeak_ng_Terminate in 1.51 can hang
 * for ever on its own idle thread (seen here after a few open/close cycles), and a kiosk that
 * hangs on its way out is worse than the voices staying in memory until the process ends.
 * The context struct holds what is ours.
 *
 * Ownership: speech_open returns a context the caller frees with speech_close; speech_synth
 * fills a speech_audio the caller frees with speech_audio_free. Text is never kept. */
#ifndef PK_SPEECH_H
#define PK_SPEECH_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/diag.h"

typedef struct speech speech;

/* Mono signed 16-bit samples at `rate` Hz (eSpeak NG's 22050). */
typedef struct speech_audio {
    int16_t *samples;
    size_t n;
    int rate;
} speech_audio;

/* Receives speech as it is made, chunk by chunk, on the thread that called speech_synth_stream.
 * Returning false stops the synthesis at once (a new request, or "stop"). */
typedef bool (*speech_sink)(void *user, const int16_t *samples, size_t n);

/* Starts the engine (once per process) with its voices from espeak-ng-data. Returns NULL and
 * the reason in err when the library or its voices cannot be loaded. */
speech *speech_open(pk_error *err);
/* Accepts NULL. The engine stays loaded for the next speech_open (see above). */
void speech_close(speech *s);
/* Samples per second of everything this context makes. */
int speech_rate(const speech *s);

/* The eSpeak NG voice that speaks our language code ("ur" -> "ur"), or NULL if none does. */
const char *speech_voice_for(const char *lang);
/* The codes speech_voice_for knows, comma-separated, for messages ("en, ur, pl, ..."). */
const char *speech_languages(void);

/* Speaks UTF-8 text in language `lang` into sink. Returns true when the text was spoken to the
 * end or the sink stopped it; false with a message naming the language or the engine's
 * reason in err. Blocks while another thread's synthesis runs. */
bool speech_synth_stream(speech *s, const char *lang, const char *text, speech_sink sink,
                         void *user, pk_error *err);
/* The same into one buffer: out->samples is allocated (free with speech_audio_free). */
bool speech_synth(speech *s, const char *lang, const char *text, speech_audio *out, pk_error *err);
/* Accepts NULL or an empty audio; leaves it empty. */
void speech_audio_free(speech_audio *a);

/* Writes n mono 16-bit samples at rate Hz as a RIFF/WAVE file. Written to path.tmp and renamed,
 * so the file is either the whole speech or not there. False with the reason in err. */
bool speech_write_wav(const char *path, const int16_t *samples, size_t n, int rate, pk_error *err);

#endif
