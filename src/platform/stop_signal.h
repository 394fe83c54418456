/* stop_signal: SIGTERM (systemd stopping the service) and SIGINT become an SDL event, so a kiosk
 * asleep in SDL_WaitEventTimeout wakes at once and shuts down cleanly. A handler may not call
 * SDL, so the signals are blocked in every thread and one small thread waits for them with
 * sigwait() and pushes the event (SDL_PushEvent is thread-safe). */
#ifndef PK_STOP_SIGNAL_H
#define PK_STOP_SIGNAL_H
#include <stdbool.h>
#include <stdint.h>

/* Blocks SIGTERM and SIGINT in the calling thread; call before SDL_Init so SDL's own threads
 * inherit the mask. */
void stop_signal_block(void);
/* Starts the thread that turns a stop signal into an SDL event of type event_type.
 * False if the thread could not start (the kiosk then still stops at the next wake-up). */
bool stop_signal_start(uint32_t event_type);

#endif
