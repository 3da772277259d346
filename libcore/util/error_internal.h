/*
 * error_internal.h - error helpers private to libcore.
 *
 * Running out of memory is reported the same way everywhere ("out of memory", no file,
 * AG_ENOMEM); ag__nomem says it in one call so that the 40-odd places that can fail
 * an allocation cannot drift apart. Places that know what they were doing when memory
 * ran out ("out of memory reading DOT") keep their own message.
 */
#ifndef AG_ERROR_INTERNAL_H
#define AG_ERROR_INTERNAL_H

#include <actorgraph/util/error.h>

/* Set err to the plain out-of-memory error; returns -1 like ag_error_set. */
static inline int ag__nomem(ag_error *err)
{
    return ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "out of memory");
}

#endif
