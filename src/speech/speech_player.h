/* speech_player: read-aloud through the kiosk's speaker. The "Listen" button calls
 * speech_player_say with the screen's script (speech_script) and language; touching anything
 * else calls speech_player_stop.
 *
 * Synthesis of a long slide takes a while on a Raspberry Pi, so it runs on a worker thread and
 * each chunk is queued to SDL audio as soon as it is made: the first words play while the rest
 * is still being synthesised, and the UI thread never waits. A new say() or stop() cancels the
 * running synthesis and drops everything queued, at once.
 *
 * Ownership: the player copies the text it is given; speech_player_close stops the worker,
 * joins it and frees everything. Call all functions from one thread (the UI's). */
#ifndef PK_SPEECH_PLAYER_H
#define PK_SPEECH_PLAYER_H
#include <stdbool.h>

typedef struct speech_player speech_player;

/* Opens the default audio device and the speech engine; volume 0..1 scales every sample.
 * The device is opened once to see that it can be, and closed again until there is speech.
 * Returns NULL when there is no audio device (SDL audio cannot start, no output device, the
 * device will not open) or no speech engine: the UI then hides the Listen button. The reason
 * goes to stderr once, for staff. */
speech_player *speech_player_open(float volume);
/* Speaks UTF-8 text in our language code lang ("ur"), replacing whatever was playing.
 * Returns at once. An unknown language or empty text just stops. */
void speech_player_say(speech_player *p, const char *lang, const char *text);
/* Silence now: cancels the synthesis and drops the queued audio. */
void speech_player_stop(speech_player *p);
/* True while speech is being made or is still to be heard. */
bool speech_player_busy(const speech_player *p);
/* The audio device is open only while speech is being made or heard, so a silent kiosk runs
 * no audio thread. Call this now and then while speaking (every SPEECH_PLAYER_TICK_MS): it
 * closes the device once the last words have played (the queue empty for
 * SPEECH_PLAYER_TAIL_MS, so the final buffer is heard) and returns whether speech goes on. */
#define SPEECH_PLAYER_TAIL_MS 300
#define SPEECH_PLAYER_TICK_MS 250
bool speech_player_tick(speech_player *p);
/* Accepts NULL. Stops, joins the worker, closes the device. */
void speech_player_close(speech_player *p);

#endif
