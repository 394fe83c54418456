/* file_watch: tells the kiosk when its config (or a picture it shows) changes on disk, so an
 * edit takes effect without a restart. Editors and Syncthing replace files by renaming a new
 * one into place, so the watch is on the folders, matching file names; a burst of events
 * (write, then rename) becomes one SDL event after the folder has been quiet for a moment.
 * A thread blocks in read() on inotify and pushes the event; the watch owns that thread and
 * its descriptors, and file_watch_stop() ends both. */
#ifndef PK_FILE_WATCH_H
#define PK_FILE_WATCH_H
#include <stdbool.h>
#include <stdint.h>

#define FILE_WATCH_MAX 16

typedef struct file_watch file_watch;

/* Watches files (full paths, up to FILE_WATCH_MAX); pushes an SDL event of event_type when any
 * of them is written, created, replaced or removed. NULL if inotify is unavailable. */
file_watch *file_watch_start(const char *const *files, int n, uint32_t event_type);
void file_watch_stop(file_watch *w);

#endif
