#include "consult/consult.h"

#include <ctype.h>
#include <string.h>

bool consult_running(const consultation *c, pk_date today) {
    if (c->has_from && date_cmp_days(today, date_first_day(c->from)) < 0) return false;
    if (c->has_until && date_cmp_days(today, date_last_day(c->until)) > 0) return false;
    return true;
}

int consult_question_index(const consultation *c, const char *id) {
    for (int i = 0; id && i < c->n_questions; i++)
        if (c->questions[i].id && !strcmp(c->questions[i].id, id)) return i;
    return -1;
}

int consult_option_index(const question *q, const char *id) {
    for (int i = 0; id && i < q->n_options; i++)
        if (q->options[i].id && !strcmp(q->options[i].id, id)) return i;
    return -1;
}

/* One alternative of a pattern (p..end) against s..s_end, backtracking over optional signs. */
static bool match(const char *p, const char *end, const char *s, const char *s_end) {
    if (p == end) return s == s_end;
    bool optional = p + 1 < end && p[1] == '?';
    const char *next = p + (optional ? 2 : 1);
    if (optional && match(next, end, s, s_end)) return true;
    if (s == s_end) return false;
    unsigned char c = (unsigned char)*s;
    bool ok = *p == 'A' ? isalpha(c) : *p == '9' ? isdigit(c) : *p == 'X' ? isalnum(c) : toupper(c) == toupper((unsigned char)*p);
    return ok && match(next, end, s + 1, s_end);
}

bool consult_pattern_match(const char *pattern, const char *s) {
    while (*s == ' ') s++;
    const char *e = s + strlen(s);
    while (e > s && e[-1] == ' ') e--;
    for (const char *c = s; c < e; c++)
        if ((unsigned char)*c >= 0x80) return false;
    for (const char *p = pattern;;) {
        const char *bar = strchr(p, '|');
        const char *end = bar ? bar : p + strlen(p);
        if (match(p, end, s, e)) return true;
        if (!bar) return false;
        p = bar + 1;
    }
}
