/*
 * sort.c - a stable radix sort of records by a 64-bit key (sort_internal.h).
 */
#include <stdlib.h>
#include <string.h>

#include "util/sort_internal.h"

/* Below this many records a pass's 256 counters cost more than an insertion sort. */
#define RADIX_MIN 64

static void insertion_sort(ag__keyed64 *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        ag__keyed64 x = v[i];
        size_t j = i;
        for (; j > 0 && v[j - 1].key > x.key; j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

void ag__sort_keyed64(ag__keyed64 *v, ag__keyed64 *tmp, size_t n)
{
    if (n < RADIX_MIN) {
        insertion_sort(v, n);
        return;
    }
    /* A byte that every key holds alike orders nothing: its pass is skipped (pairs of
     * ranks below 2^17 need six of the eight). */
    uint64_t all_or = 0, all_and = ~(uint64_t)0;
    for (size_t i = 0; i < n; i++) {
        all_or |= v[i].key;
        all_and &= v[i].key;
    }
    uint64_t differ = all_or ^ all_and;
    ag__keyed64 *from = v, *to = tmp;
    for (int shift = 0; shift < 64; shift += 8) {
        if (!((differ >> shift) & 0xFF))
            continue;
        size_t count[256] = {0}, at = 0;
        for (size_t i = 0; i < n; i++)
            count[(from[i].key >> shift) & 0xFF]++;
        for (int d = 0; d < 256; d++) {
            size_t c = count[d];
            count[d] = at;
            at += c;
        }
        for (size_t i = 0; i < n; i++)
            to[count[(from[i].key >> shift) & 0xFF]++] = from[i];
        ag__keyed64 *t = from;
        from = to;
        to = t;
    }
    if (from != v)
        memcpy(v, from, n * sizeof *v);
}

void ag__sort_by_string(ag__keyed64 *v, ag__keyed64 *tmp, size_t n,
                        int (*cmp)(const void *, const void *, void *), void *ctx)
{
    ag__sort_keyed64(v, tmp, n);
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && v[j].key == v[i].key; j++)
            ;
        if (j - i > 1)
            qsort_r(v + i, j - i, sizeof *v, cmp, ctx);
    }
}
