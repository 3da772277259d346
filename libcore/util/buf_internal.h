/*
 * buf_internal.h - the library's one growable byte buffer, and reading a whole file into
 * it.
 *
 * Ownership: a buffer owns p (free with ag__buf_free); a zero-initialised ag__buf is
 * empty and ready. p is NUL-terminated whenever it is non-NULL, so text in it can go to
 * parsers that read up to a NUL (cgraph, strtod).
 */
#ifndef AG_UTIL_BUF_INTERNAL_H
#define AG_UTIL_BUF_INTERNAL_H

#include <stddef.h>
#include <stdio.h>

#include <actorgraph/util/error.h>

typedef struct ag__buf {
    char *p;    /* bytes, NULL until the first growth */
    size_t len; /* used, not counting the NUL */
    size_t cap; /* allocated, counting the NUL */
} ag__buf;

/* Room for at least n more bytes and the NUL. -1 when out of memory (b unchanged). */
int ag__buf_reserve(ag__buf *b, size_t n);
/* Append s[0, n). -1 when out of memory (b unchanged). */
int ag__buf_add(ag__buf *b, const char *s, size_t n);
void ag__buf_reset(ag__buf *b);
void ag__buf_free(ag__buf *b);

/*
 * Append the rest of f to b, at most max_bytes in all; name is f's name in errors. With
 * stop_at_nul, a NUL byte in the first chunk read ends reading there (binary or endless
 * input such as /dev/zero is refused by the caller at that offset, not read to the
 * limit), unless the chunk opens with a UTF-16 byte-order mark (text with NULs).
 * Returns 0 (b->p is then non-NULL, even for an empty file), or -1 with err set
 * (AG_ELIMIT past max_bytes, AG_EIO, AG_ENOMEM).
 */
int ag__buf_read(ag__buf *b, FILE *f, const char *name, size_t max_bytes, int stop_at_nul,
                 ag_error *err);

#endif
