/* config_file: which config the commands use and how they load it, in one place: --config
 * FILE, else $PLANKIOSK_CONFIG, else /etc/plankiosk/config.yaml, else the shipped one. */
#ifndef PK_CONFIG_FILE_H
#define PK_CONFIG_FILE_H
#include <stddef.h>

#include "config/config.h"

/* The config the kiosk would use without --config (a path, possibly into buf). */
const char *app_default_config(char *buf, size_t size);
/* Loads path as the kiosk does (images checked, warnings to stderr). NULL with every problem
 * printed to stderr, and a last line saying nothing was started. */
config *app_load_config(const char *path);

#endif
