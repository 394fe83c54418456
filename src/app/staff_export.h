/* staff_export: the staff screen's "Export to USB stick": this kiosk's responses, merged and
 * de-duplicated as `plankiosk export` does, written to the stick as a spreadsheet (.xlsx, with
 * its codebook and a summary), the same as CSV, and a printable report (HTML), each written
 * to a temporary name, flushed to the stick and renamed, so a stick pulled out too early never
 * holds a half file under the real name. */
#ifndef PK_STAFF_EXPORT_H
#define PK_STAFF_EXPORT_H
#include <stdbool.h>
#include <time.h>

#include "config/config.h"
#include "core/diag.h"

/* Writes plankiosk-<kiosk>-<YYYY-MM-DD-HHMM>.csv, .xlsx and .html into stick_dir from the records
 * under feedback_dir/<kiosk id>. *written gets the number of responses. False with err (the
 * stick is full or read-only, ...) on failure; what was on the stick before is untouched. */
bool staff_export(const char *feedback_dir, const config *cfg, const char *stick_dir, time_t now,
                  int *written, pk_error *err);

#endif
