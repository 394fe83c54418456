/* arena: a bump allocator for data that lives and dies together (a loaded config).
 * Everything allocated from an arena is freed by one arena_free(); nothing is freed alone.
 * Allocation never fails silently: on out-of-memory the program aborts, since a kiosk that
 * cannot hold its own config has nothing sensible left to do. */
#ifndef PK_ARENA_H
#define PK_ARENA_H
#include <stddef.h>

typedef struct arena_block arena_block;
typedef struct arena {
    arena_block *head;
} arena;

/* Returns zeroed memory owned by the arena, aligned for any type. */
void *arena_alloc(arena *a, size_t size);
/* Copies s (or its first n bytes) into the arena, NUL-terminated. NULL gives NULL. */
char *arena_strdup(arena *a, const char *s);
char *arena_strndup(arena *a, const char *s, size_t n);
/* Frees every block; the arena may be reused afterwards. Accepts NULL. */
void arena_free(arena *a);

#endif
