/* service: talking to systemd when it runs us (Type=notify): READY=1 once the first frame is
 * on screen, a short STATUS= line, WATCHDOG=1 pings from the main loop at half the unit's
 * WatchdogSec (so a hung kiosk is restarted), STOPPING=1 on the way out. Outside systemd every
 * call does nothing. Uses libsystemd's sd_notify; no SDL. */
#ifndef PK_SERVICE_H
#define PK_SERVICE_H
#include <stdbool.h>
#include <stdint.h>

typedef struct service {
    uint64_t watchdog_ms; /* interval between pings, 0 if no watchdog */
    uint64_t last_ping;
    bool ready_sent;
} service;

void service_init(service *s);
void service_ready(service *s, const char *status);
void service_status(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Pings the watchdog if due; returns ms until the next ping is due (or INT32_MAX). */
int service_tick(service *s, uint64_t now_ms);
void service_stopping(void);

#endif
