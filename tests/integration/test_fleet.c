/* A fleet without new infrastructure: two kiosks each write only their own folder; Syncthing
 * (here: plain file copies, including a stale copy caught mid-sync) gathers them into one tree
 * on the staff machine; export merges it with nothing lost and nothing doubled. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "export/export.h"
#include "store/feedback_log.h"

static char root[200];

static int write_records(const char *base, const char *kiosk, int n, time_t start, char ids[][37]) {
    feedback_log log;
    pk_error err = {{0}};
    if (!feedback_log_open(&log, base, kiosk, NULL, &err)) {
        fprintf(stderr, "%s\n", err.msg);
        return 0;
    }
    int ok = 0;
    for (int i = 0; i < n; i++) {
        char text[64];
        snprintf(text, sizeof text, "%s idea %d: Zażółć, \"quoted\"", kiosk, i);
        feedback_record r = {.kiosk = kiosk, .location = kiosk, .at = start + i * 7200, .config_title = "T",
                             .config_hash = "h", .consultation = "plan-2025", .questions_hash = "q",
                             .answers = json_pack("{s:s, s:b}", "text", text, "consent_quote", 1),
                             .personal = json_pack("[s]", "text"), .language = "en", .seconds_taken = 20};
        if (feedback_log_append(&log, &r, &err)) {
            snprintf(ids[ok], 37, "%s", r.id);
            ok++;
        }
        feedback_record_release(&r);
    }
    feedback_log_close(&log);
    return ok;
}

/* cp -r of one kiosk's folder, as a sync would deliver it; `partial` keeps only the first
 * half of each file's lines, as a copy caught mid-sync. */
static void copy_tree(const char *from, const char *to, bool partial) {
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s' && cp -r '%s'/. '%s'/", to, from, to);
    CHECK(system(cmd) == 0);
    if (partial) {
        snprintf(cmd, sizeof cmd,
                 "for f in '%s'/*.jsonl; do n=$(wc -l < \"$f\"); head -n $((n / 2)) \"$f\" > \"$f.x\" && mv \"$f.x\" \"$f\"; done", to);
        CHECK(system(cmd) == 0);
    }
}

static void gathered_trees_export_exactly(void) {
    char a[300], b[300], staff[300], from[400], to[400];
    snprintf(a, sizeof a, "%s/kiosk-a-disk", root);
    snprintf(b, sizeof b, "%s/kiosk-b-disk", root);
    snprintf(staff, sizeof staff, "%s/staff", root);
    static char ids_a[40][37], ids_b[40][37];
    time_t day = 1780000000;
    int na = write_records(a, "library-a", 30, day, ids_a);
    int nb = write_records(b, "roadshow-b", 25, day + 3600, ids_b);
    CHECK_INT(na, 30);
    CHECK_INT(nb, 25);
    /* Syncthing: each kiosk's folder lands in the staff tree; a second, stale copy of A too. */
    snprintf(from, sizeof from, "%s/library-a", a), snprintf(to, sizeof to, "%s/library-a", staff);
    copy_tree(from, to, false);
    snprintf(from, sizeof from, "%s/roadshow-b", b), snprintf(to, sizeof to, "%s/roadshow-b", staff);
    copy_tree(from, to, false);
    snprintf(from, sizeof from, "%s/library-a", a), snprintf(to, sizeof to, "%s/usb-copy/library-a", staff);
    copy_tree(from, to, true);

    export_set set;
    export_filter f = {0};
    const char *dirs[1] = {staff};
    pk_error err = {{0}};
    CHECK(export_collect(&set, dirs, 1, &f, &err));
    CHECK_INT(set.n, na + nb);       /* nothing lost */
    CHECK(set.duplicates > 0);        /* the stale copy's records were dropped, not doubled */
    CHECK_INT(set.unreadable, 0);
    int found = 0, whole = 0;
    for (size_t i = 0; i < set.n; i++) {
        const char *id = export_field_str(set.records[i].json, "id");
        /* Each with its consultation and its answers as the kiosk wrote them. */
        const json_t *answers = json_object_get(set.records[i].json, "answers");
        const char *text = json_string_value(json_object_get(answers, "text"));
        const char *consultation = export_field_str(set.records[i].json, "consultation.id");
        whole += text && strstr(text, " idea ") && json_is_true(json_object_get(answers, "consent_quote")) &&
                 consultation && !strcmp(consultation, "plan-2025");
        for (int j = 0; j < na; j++) found += id && !strcmp(id, ids_a[j]);
        for (int j = 0; j < nb; j++) found += id && !strcmp(id, ids_b[j]);
    }
    CHECK_INT(found, na + nb);        /* every written record, exactly once */
    CHECK_INT(whole, na + nb);
    export_set_free(&set);
}

int main(void) {
    snprintf(root, sizeof root, "%s/fleet-XXXXXX", TEST_BINARY_DIR);
    if (!mkdtemp(root)) return 1;
    RUN(gathered_trees_export_exactly);
    return check_report();
}
