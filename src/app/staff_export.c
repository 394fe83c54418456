#include "app/staff_export.h"

#include <limits.h>
#include <stdio.h>

#include "export/export.h"
#include "export/report.h"

static bool write_csv(FILE *out, const void *ctx, pk_error *err) {
    return export_write(out, ctx, EXPORT_CSV, err);
}

bool staff_export(const char *feedback_dir, const config *cfg, const char *stick_dir, time_t now,
                  int *written, pk_error *err) {
    char kiosk_dir[PATH_MAX];
    snprintf(kiosk_dir, sizeof kiosk_dir, "%s/%s", feedback_dir, cfg->kiosk.id);
    export_filter filter = {.n_kiosks = 1};
    filter.kiosks[0] = cfg->kiosk.id;
    export_set set;
    const char *dirs[1] = {kiosk_dir};
    bool ok = export_collect(&set, dirs, 1, &filter, err);
    set.cfg = cfg; /* a column per question, and a section per question in the report */
    if (ok) {
        struct tm tm;
        localtime_r(&now, &tm);
        char stamp[32], csv[PATH_MAX], xlsx[PATH_MAX], html[PATH_MAX];
        strftime(stamp, sizeof stamp, "%Y-%m-%d-%H%M", &tm);
        snprintf(csv, sizeof csv, "%s/plankiosk-%s-%s.csv", stick_dir, cfg->kiosk.id, stamp);
        snprintf(xlsx, sizeof xlsx, "%s/plankiosk-%s-%s.xlsx", stick_dir, cfg->kiosk.id, stamp);
        snprintf(html, sizeof html, "%s/plankiosk-%s-%s.html", stick_dir, cfg->kiosk.id, stamp);
        report_job rc = {&set, &filter, REPORT_MIN_COUNT, now, html, dirs, 1}; /* its appendix beside it */
        /* Each file goes to a .tmp name, is flushed to the stick and renamed: only whole files
         * carry the real names. */
        ok = export_write_file(csv, &set, write_csv, &set, err) && export_write_xlsx(xlsx, &set, err) &&
             export_write_file(html, &set, report_write_job, &rc, err);
        *written = (int)set.n;
    }
    export_set_free(&set);
    return ok;
}
