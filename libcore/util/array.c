/*
 * array.c - the out-of-line half of ag__grow, and ag__reserve_exact (array_internal.h).
 */
#include <stdlib.h>
#include <string.h>

#include "util/array_internal.h"

int ag__grow_to(void *ptr, size_t *cap, size_t need, size_t elem)
{
    size_t ncap = *cap ? *cap * 2 : 16;
    while (ncap < need)
        ncap *= 2;
    /* ptr points at an array pointer of any type: copied, not cast, so no aliasing rule
     * is broken. */
    void *v;
    memcpy(&v, ptr, sizeof v);
    if (!(v = realloc(v, ncap * elem)))
        return -1;
    memcpy(ptr, &v, sizeof v);
    *cap = ncap;
    return 0;
}

int ag__reserve_exact(void *ptr, size_t *cap, size_t n, size_t elem)
{
    void *v;
    if (n <= *cap)
        return 0;
    memcpy(&v, ptr, sizeof v);
    if (!(v = realloc(v, n * elem)))
        return -1;
    memcpy(ptr, &v, sizeof v);
    *cap = n;
    return 0;
}
