/*
 * arena_internal.h - the library's one arena: bytes handed out from big blocks and given
 * back all at once.
 *
 * Strings that live exactly as long as their table (the lexicon's) or their document (the
 * recogniser's scratch) come from an arena: one malloc per 64 KiB instead of one per
 * string, and nothing to free one by one. Allocations are bytes with no alignment, as
 * every user stores strings.
 *
 * Ownership: the arena owns its blocks; pointers it returned are valid until
 * ag__arena_reset (which keeps the blocks for reuse) or ag__arena_free.
 */
#ifndef AG_UTIL_ARENA_INTERNAL_H
#define AG_UTIL_ARENA_INTERNAL_H

#include <stddef.h>

typedef struct ag__arena_block {
    struct ag__arena_block *next; /* next block: the arena's blocks in the order made */
    size_t used, size;            /* bytes used / available in data */
    char data[];
} ag__arena_block;

typedef struct ag__arena {
    ag__arena_block *first; /* every block, oldest first; NULL when empty */
    ag__arena_block *cur;   /* the block being filled */
} ag__arena;                /* zero-initialised: an empty arena */

/* n bytes from a block after the current one, or a new block. NULL when out of memory. */
char *ag__arena_alloc_next(ag__arena *a, size_t n);

/* n bytes, or NULL when out of memory. Inline: the recogniser allocates per name. */
static inline char *ag__arena_alloc(ag__arena *a, size_t n)
{
    ag__arena_block *b = a->cur;
    if (b && b->size - b->used >= n) {
        char *r = b->data + b->used;
        b->used += n;
        return r;
    }
    return ag__arena_alloc_next(a, n);
}

/* A NUL-terminated copy of s[0, n), or NULL when out of memory. */
char *ag__arena_strdup(ag__arena *a, const char *s, size_t n);

/* Give every byte back but keep the blocks for the next use. */
void ag__arena_reset(ag__arena *a);

/* Free every block; the arena is empty and reusable after. */
void ag__arena_free(ag__arena *a);
/* src's blocks become dst's (every pointer into them stays valid, until dst lets them
 * go); src is empty after. */
void ag__arena_take(ag__arena *dst, ag__arena *src);

#endif
