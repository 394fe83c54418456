/* clock_judge: whether a time a kiosk's clock gave can be believed, judged the same way wherever
 * a time is judged: the kiosk's own clock as it writes status.json (kiosk_status.c), and the
 * times its records carry when they are exported (export_read.c).
 *
 * The idea: a Raspberry Pi has no clock of its own and often no network, so after a power cut
 * its clock may start at 1970, at the time fake-hwclock last saved, or at a build date, and jump
 * when the network comes back. Two things prove a time wrong: it is before a floor no true time
 * can be under (the day the software that read the clock was built), or it is earlier than a
 * time the same clock gave before (more than a little slack: a clock set right by a few seconds
 * is not wrong). A time proved wrong never becomes the latest, so one wrong time does not make
 * the right ones after it look wrong, and the latest of a clock that went back stays where it
 * was until the clock passes it again.
 *
 * Pure: no clock is read here, no state but the caller's. Header only: one small function. */
#ifndef PK_CLOCK_JUDGE_H
#define PK_CLOCK_JUDGE_H

/* How far back a clock may be set (by NTP, by hand) and still be believed. */
#define CLOCK_JUDGE_SLACK_S 120

typedef enum clock_verdict {
    CLOCK_OK,
    CLOCK_BEFORE_FLOOR, /* earlier than the floor (e.g. "before this version was built") */
    CLOCK_WENT_BACK,    /* earlier, by more than the slack, than *latest */
} clock_verdict;

/* Judges t (seconds since 1970 UTC), the next time one clock gave, against floor (0: none) and
 * *latest (the latest believable time that clock gave before; 0: none yet), allowing slack
 * seconds back. When the verdict is CLOCK_OK, *latest becomes t if t is later. */
static inline clock_verdict clock_judge(long long t, long long floor, long long slack,
                                        long long *latest) {
    if (floor > 0 && t < floor) return CLOCK_BEFORE_FLOOR;
    if (*latest > 0 && t + slack < *latest) return CLOCK_WENT_BACK;
    if (t > *latest) *latest = t;
    return CLOCK_OK;
}

#endif
