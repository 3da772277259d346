/*
 * arena.c - the arena's slow paths (util/arena_internal.h).
 */
#include <stdlib.h>
#include <string.h>

#include "util/arena_internal.h"

#define BLOCK_MIN 65536 /* bytes: a block holds thousands of names */
/* Each new block is twice the last, up to this: a big pool (the extractor's strings) is
 * then in blocks that malloc maps (past its mmap threshold) rather than in the heap,
 * where they would keep the space of the small allocations freed around them from going
 * back to the system. */
#define BLOCK_MAX (1024 * 1024)

char *ag__arena_alloc_next(ag__arena *a, size_t n)
{
    /* After a reset the blocks after cur are empty: fill them before making another. */
    ag__arena_block *b = a->cur, *last = NULL;
    while (b && b->size - b->used < n) {
        last = b;
        b = b->next;
    }
    if (!b) {
        size_t size = last && last->size < BLOCK_MAX ? 2 * last->size
                      : last                         ? BLOCK_MAX
                                                     : BLOCK_MIN;
        if (size < n)
            size = n;
        if (!(b = malloc(sizeof *b + size)))
            return NULL;
        b->used = 0;
        b->size = size;
        b->next = NULL;
        if (last)
            last->next = b;
        else
            a->first = b;
    }
    a->cur = b;
    char *r = b->data + b->used;
    b->used += n;
    return r;
}

char *ag__arena_strdup(ag__arena *a, const char *s, size_t n)
{
    char *r = ag__arena_alloc(a, n + 1);
    if (r) {
        memcpy(r, s, n);
        r[n] = '\0';
    }
    return r;
}

void ag__arena_reset(ag__arena *a)
{
    for (ag__arena_block *b = a->first; b; b = b->next)
        b->used = 0;
    a->cur = a->first;
}

void ag__arena_free(ag__arena *a)
{
    ag__arena_block *b = a->first;
    while (b) {
        ag__arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->first = a->cur = NULL;
}

void ag__arena_take(ag__arena *dst, ag__arena *src)
{
    ag__arena_block *last = src->first;
    if (!last)
        return;
    if (!dst->first) {
        *dst = *src;
    } else { /* before dst's own: the blocks from cur on stay the ones to fill */
        while (last->next)
            last = last->next;
        last->next = dst->first;
        dst->first = src->first;
    }
    src->first = src->cur = NULL;
}
