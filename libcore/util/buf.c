/*
 * buf.c - the growable byte buffer (util/buf_internal.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf_internal.h"

int ag__buf_reserve(ag__buf *b, size_t n)
{
    if (b->len + n + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n + 1)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p)
        return -1;
    b->p = p;
    b->cap = cap;
    return 0;
}

int ag__buf_add(ag__buf *b, const char *s, size_t n)
{
    if (ag__buf_reserve(b, n) < 0)
        return -1;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
    return 0;
}

void ag__buf_reset(ag__buf *b)
{
    b->len = 0;
    if (b->p)
        b->p[0] = '\0';
}

void ag__buf_free(ag__buf *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

static int is_utf16_bom(const unsigned char *s, size_t n)
{
    return n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF));
}

int ag__buf_read(ag__buf *b, FILE *f, const char *name, size_t max_bytes, int stop_at_nul,
                 ag_error *err)
{
    size_t start = b->len, chunk = 1 << 16;
    for (;;) {
        if (b->len - start >= max_bytes)
            return ag_error_set(err, AG_ELIMIT, name, 0, 0,
                                "input larger than the limit of %zu bytes", max_bytes);
        size_t want = max_bytes - (b->len - start);
        if (want > chunk)
            want = chunk;
        if (ag__buf_reserve(b, want) < 0)
            return ag_error_set(err, AG_ENOMEM, name, 0, 0, "out of memory reading input");
        char *at = b->p + b->len;
        size_t got = fread(at, 1, want, f);
        b->len += got;
        b->p[b->len] = '\0';
        if (stop_at_nul && b->len - start == got && got > 0 && memchr(at, '\0', got) &&
            !is_utf16_bom((const unsigned char *)at, got))
            return 0;
        if (got < want) {
            if (ferror(f))
                return ag_error_set(err, AG_EIO, name, 0, 0, "read error: %s", strerror(errno));
            return 0;
        }
        if (chunk < (1u << 30))
            chunk *= 2; /* fewer, larger reads as the input proves long */
    }
}
