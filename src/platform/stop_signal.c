#include "platform/stop_signal.h"

#include <SDL.h>
#include <pthread.h>
#include <signal.h>

static void stop_set(sigset_t *set) {
    sigemptyset(set);
    sigaddset(set, SIGTERM);
    sigaddset(set, SIGINT);
}

void stop_signal_block(void) {
    sigset_t set;
    stop_set(&set);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
}

static void *wait_for_stop(void *arg) {
    uint32_t type = (uint32_t)(uintptr_t)arg;
    sigset_t set;
    stop_set(&set);
    int sig;
    while (sigwait(&set, &sig) != 0) {
    }
    SDL_Event e = {.type = type};
    SDL_PushEvent(&e);
    return NULL;
}

bool stop_signal_start(uint32_t event_type) {
    pthread_t t;
    if (pthread_create(&t, NULL, wait_for_stop, (void *)(uintptr_t)event_type) != 0) return false;
    pthread_detach(t);
    return true;
}
