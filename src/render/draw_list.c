#include "render/draw_list.h"

#include <string.h>

void draw_list_clear(draw_list *l) {
    l->count = 0;
    l->overflow = false;
    l->pool_used = 1;
    l->pool[0] = '\0'; /* offset 0 is the empty string */
}

draw_item *draw_list_add(draw_list *l, draw_kind kind, pk_rect box, pk_color color) {
    if (l->count >= DRAW_MAX_ITEMS) {
        l->overflow = true;
        return NULL;
    }
    draw_item *it = &l->items[l->count++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    it->box = box;
    it->color = color;
    return it;
}

int draw_list_str(draw_list *l, const char *s) {
    if (!s || !*s) return 0;
    size_t n = strlen(s) + 1;
    if (l->pool_used + n > sizeof l->pool) {
        l->overflow = true;
        return 0;
    }
    int off = l->pool_used;
    memcpy(l->pool + off, s, n);
    l->pool_used += (int)n;
    return off;
}

const char *draw_list_get(const draw_list *l, int offset) {
    return offset >= 0 && offset < l->pool_used ? l->pool + offset : "";
}
