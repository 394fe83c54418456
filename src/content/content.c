#include "content/content.h"

#include <stdio.h>
#include <string.h>

slide_when content_slide_when(const slide *s, pk_date today) {
    if (s->has_from && date_cmp_days(today, date_first_day(s->from)) < 0) return SLIDE_UPCOMING;
    if (s->has_until && date_cmp_days(today, date_last_day(s->until)) > 0) return SLIDE_EXPIRED;
    return SLIDE_RUNNING;
}

bool content_slide_active(const slide *s, pk_date today) { return content_slide_when(s, today) == SLIDE_RUNNING; }

int content_active_slides(const config *c, pk_date today, int *order, int max) {
    int n = 0;
    for (int i = 0; i < c->n_slides && n < max; i++)
        if (content_slide_active(&c->slides[i], today) &&
            (c->slides[i].type != SLIDE_CALL_TO_ACTION || config_consultation_for(c, &c->slides[i], today)))
            order[n++] = i;
    if (n == 0)
        for (int i = 0; i < c->n_slides && n < max; i++) order[n++] = i;
    return n;
}

int content_slide_ms(const config *c, const slide *s) {
    double secs = s->duration > 0 ? s->duration : c->loop.slide_seconds;
    return (int)(secs * 1000);
}

milestone_status content_milestone_status(const milestone *m, pk_date as_of) {
    if (m->has_status) return m->status;
    pk_date day = date_first_day(as_of);
    if (date_cmp_days(date_last_day(m->date), day) < 0) return STATUS_DONE;
    if (date_cmp_days(date_first_day(m->date), day) <= 0 ||
        (m->date.year == as_of.year && m->date.month == as_of.month))
        return STATUS_IN_PROGRESS;
    return STATUS_PLANNED;
}

pk_date content_as_of(const config *c, pk_date today) {
    return c->loop.has_as_of ? c->loop.as_of : today;
}

const char *content_status_label(milestone_status s) {
    static const char *const labels[] = {"Done", "In progress", "Planned", "Delayed"};
    return s < STATUS_COUNT ? labels[s] : "";
}

const char *content_quote_who(const config *c, const quote *q, char *buf, int size) {
    /* "age %d" is wording, so the age reads right in every language. */
    char age[64] = "";
    if (q->age) {
        const char *tmpl = c->feedback.ui[UI_QUOTE_AGE], *pct = strstr(tmpl, "%d");
        if (pct) snprintf(age, sizeof age, "%.*s%d%s", (int)(pct - tmpl), tmpl, q->age, pct + 2);
        else snprintf(age, sizeof age, "%s %d", tmpl, q->age);
    }
    if (q->name && q->age && q->role)
        snprintf(buf, (size_t)size, "%s, %s, %s", q->name, age, q->role);
    else if (q->name && q->age)
        snprintf(buf, (size_t)size, "%s, %s", q->name, age);
    else if (q->name && q->role)
        snprintf(buf, (size_t)size, "%s, %s", q->name, q->role);
    else
        snprintf(buf, (size_t)size, "%s", q->name ? q->name : q->role ? q->role : "");
    return buf;
}

bool content_next_opening(const config *c, const struct tm *local, int *wday, int *minute, int *days) {
    if (!c->hours.set || content_is_open(c, local)) return false;
    int now = local->tm_hour * 60 + local->tm_min;
    /* Today (if it has not opened yet) and the seven days after: a week always comes round. */
    for (int d = 0; d <= 7; d++) {
        int w = (local->tm_wday + d) % 7, day = (w + 6) % 7;
        if (c->hours.closed[day]) continue;
        if (d == 0 && now >= c->hours.open_min[day]) continue;
        *wday = w, *minute = c->hours.open_min[day], *days = d;
        return true;
    }
    return false;
}

void content_opens_again(const config *c, const struct tm *local, char *out, size_t size) {
    int wday, minute, days;
    if (size) out[0] = '\0';
    if (!size || !content_next_opening(c, local, &wday, &minute, &days)) return;
    const char *const *ui = c->feedback.ui;
    char when[96];
    if (days == 0) snprintf(when, sizeof when, "%02d:%02d", minute / 60, minute % 60);
    else snprintf(when, sizeof when, "%s %02d:%02d", ui[UI_DAY_1 + (wday + 6) % 7], minute / 60, minute % 60);
    const char *tmpl = ui[UI_CLOSED_OPENS], *at = strstr(tmpl, "%s");
    if (at) snprintf(out, size, "%.*s%s%s", (int)(at - tmpl), tmpl, when, at + 2);
    else snprintf(out, size, "%s %s", tmpl, when);
}

bool content_is_open(const config *c, const struct tm *local) {
    if (!c->hours.set) return true;
    int day = (local->tm_wday + 6) % 7; /* tm: Sunday = 0; the config: Monday first */
    if (c->hours.closed[day]) return false;
    int min = local->tm_hour * 60 + local->tm_min;
    return min >= c->hours.open_min[day] && min < c->hours.close_min[day];
}
