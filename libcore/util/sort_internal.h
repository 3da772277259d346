/*
 * sort_internal.h - sorting records by a 64-bit key, for every module of libcore. Never
 * installed.
 *
 * Where the order is one integer (or a string's first bytes as one), a radix sort beats
 * qsort: glibc's merge sort copies each element through a generic path and calls the
 * comparison through a pointer, several times the work of the comparison itself.
 */
#ifndef AG_SORT_INTERNAL_H
#define AG_SORT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

/* A record to sort: its key, and what it stands for (an index, mostly). */
typedef struct ag__keyed64 {
    uint64_t key;
    uint64_t val;
} ag__keyed64;

/* Sort v[0, n) by key, ascending; stable (equal keys keep their order). tmp: room for n
 * records (its contents are lost). */
void ag__sort_keyed64(ag__keyed64 *v, ag__keyed64 *tmp, size_t n);

/* Sort v[0, n) by strings: each v[i].key must be ag__str_prefix64 of v[i]'s string,
 * and cmp (qsort_r's, on two records, with ctx) orders records whose keys are alike
 * (it must compare the whole strings: two short ones may be alike or equal). tmp: room
 * for n records. */
void ag__sort_by_string(ag__keyed64 *v, ag__keyed64 *tmp, size_t n,
                        int (*cmp)(const void *, const void *, void *), void *ctx);

/* The first eight bytes of s (up to its NUL, zeros after) as a number whose order is
 * the order of strcmp on those bytes. */
static inline uint64_t ag__str_prefix64(const char *s)
{
    uint64_t k = 0;
    int i = 0;
    for (; i < 8 && s[i]; i++)
        k = k << 8 | (unsigned char)s[i];
    return i ? k << (8 * (8 - i)) : 0; /* (a shift by 64 would be undefined) */
}

#endif
