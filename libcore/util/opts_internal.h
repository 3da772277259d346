/*
 * opts_internal.h - the body every ag_*_opts_init shares.
 *
 * An options struct starts with `unsigned int version`, and a later version only appends
 * fields, so the struct of version v is a prefix of the newest one. ag_X_opts_init copies
 * the defaults (the struct built by AG_X_OPTS_INIT) for a version the library knows and
 * refuses any other: a caller compiled against newer headers gets -1 from an older
 * library instead of a struct half filled in.
 */
#ifndef AG_OPTS_INTERNAL_H
#define AG_OPTS_INTERNAL_H

#include <stddef.h>
#include <string.h>

/* Copy size bytes of *defaults (whose first field is its version) into *opts when
 * version is the one the library knows; 0, or -1 leaving *opts untouched (also for a
 * NULL opts). Only version 1 exists so far, so size is the whole struct. */
static inline int ag__opts_init(void *opts, unsigned int version, const void *defaults, size_t size)
{
    unsigned int known;

    memcpy(&known, defaults, sizeof known);
    if (!opts || version != known)
        return -1;
    memcpy(opts, defaults, size);
    return 0;
}

#endif
