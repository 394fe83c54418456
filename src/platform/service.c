#include "platform/service.h"

#include <stdarg.h>
#include <stdio.h>
#include <systemd/sd-daemon.h>

void service_init(service *s) {
    *s = (service){0};
    uint64_t usec = 0;
    /* Ping twice per watchdog period, as sd_watchdog_enabled(3) advises. */
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) s->watchdog_ms = usec / 2000;
}

void service_ready(service *s, const char *status) {
    if (s->ready_sent) return;
    s->ready_sent = true;
    sd_notifyf(0, "READY=1\nSTATUS=%s", status);
}

void service_status(const char *fmt, ...) {
    char buf[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    sd_notifyf(0, "STATUS=%s", buf);
}

int service_tick(service *s, uint64_t now_ms) {
    if (!s->watchdog_ms) return INT32_MAX;
    if (now_ms - s->last_ping >= s->watchdog_ms) {
        sd_notify(0, "WATCHDOG=1");
        s->last_ping = now_ms;
    }
    uint64_t left = s->last_ping + s->watchdog_ms - now_ms;
    return left > INT32_MAX ? INT32_MAX : (int)left;
}

void service_stopping(void) { sd_notify(0, "STOPPING=1"); }
