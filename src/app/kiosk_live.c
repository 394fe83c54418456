/* kiosk_live: the live slides' data gathered away from the loop (being written). */
#include "app/kiosk_internal.h"

void kiosk_live_poke(kiosk *k) { (void)k; }
