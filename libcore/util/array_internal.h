/*
 * array_internal.h - growing a malloc'ed array, for every module of libcore. Never
 * installed.
 *
 * Ownership: the caller owns the array; ag__grow only reallocates it.
 */
#ifndef AG_ARRAY_INTERNAL_H
#define AG_ARRAY_INTERNAL_H

#include <stddef.h>

/* ag__grow's growing, for need > *cap. */
int ag__grow_to(void *ptr, size_t *cap, size_t need, size_t elem);

/* Make the array *ptr (any element type, elem bytes each; ptr is the address of the
 * array pointer) hold at least need elements, doubling *cap. New elements are not
 * initialised. -1 on ENOMEM, the array unchanged. Inline: nearly every call finds the room
 * already there, and that test costs less than a call. */
static inline int ag__grow(void *ptr, size_t *cap, size_t need, size_t elem)
{
    return need <= *cap ? 0 : ag__grow_to(ptr, cap, need, elem);
}

/* Make the array *ptr hold at least n elements, exactly n when it grows: for a builder
 * that knows its final size, where doubling would leave up to half unused. -1 on ENOMEM,
 * the array unchanged. */
int ag__reserve_exact(void *ptr, size_t *cap, size_t n, size_t elem);

#endif
