/*
 * actorgraph/util/error.h - the one error type of libactorgraph.
 *
 * Ownership: an ag_error is a plain struct the caller owns (usually on the stack).
 * Setting or printing an error never allocates and never needs freeing.
 * The first error set is the one kept, so outer layers cannot hide the root cause.
 *
 * Every fallible library call takes `ag_error *err` as its last argument and returns
 * 0 / a pointer on success and -1 / NULL on failure. err may be NULL when the caller
 * does not care about the reason.
 */
#ifndef ACTORGRAPH_ERROR_H
#define ACTORGRAPH_ERROR_H

#include <stdarg.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(AG_BUILDING_LIBRARY)
#define AG_API __attribute__((visibility("default")))
#else
#define AG_API
#endif

#define AG_ERR_FILE 256 /* bytes kept of a source name; longer names keep their tail */
#define AG_ERR_MSG 512  /* bytes kept of a message */

/* Error classes; tools map every one of them to exit status 1. */
typedef enum ag_errcode {
    AG_OK = 0,
    AG_EIO,       /* reading or writing failed (missing file, full disk, ...) */
    AG_EPARSE,    /* input is not in the format it claims or was sniffed as */
    AG_EINVAL,    /* input parses but makes no sense (wrong types, unknown nodes) */
    AG_ENOMEM,    /* an allocation failed */
    AG_ELIMIT,    /* a documented limit was exceeded (document size, nesting, ...) */
    AG_EINTR,     /* interrupted by a signal */
    AG_ENOTFOUND, /* a named thing (node, format, file) does not exist */
    AG_EINTERNAL  /* a bug in actorgraph or a library it calls */
} ag_errcode;

typedef struct ag_error {
    int code;               /* ag_errcode; AG_OK while nothing went wrong */
    char file[AG_ERR_FILE]; /* source name: a path, "<stdin>" or "" when none applies */
    long line;              /* 1-based line, 0 when not applicable */
    long col;               /* 1-based column in bytes, 0 when not applicable */
    long long offset;       /* byte offset into the source, -1 when not known */
    char msg[AG_ERR_MSG];   /* one line, no trailing newline */
} ag_error;

/* Initialise (or reset) *err to "no error". */
AG_API void ag_error_clear(ag_error *err);

/*
 * Record an error unless *err already holds one (first error wins). file may be NULL.
 * Always returns -1, so callers can write `return ag_error_set(err, ...);`.
 */
AG_API int ag_error_set(ag_error *err, int code, const char *file, long line, long col,
                        const char *fmt, ...) __attribute__((format(printf, 6, 7)));
AG_API int ag_error_setv(ag_error *err, int code, const char *file, long line, long col,
                         const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));

/* Same, positioned by byte offset only (line and column are computed by the caller
 * when it can; see ag_error_locate). */
AG_API int ag_error_set_at(ag_error *err, int code, const char *file, long long offset,
                           const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Fill line and col of *err from its offset by counting newlines in buf[0, len). */
AG_API void ag_error_locate(ag_error *err, const char *buf, size_t len);

/* True when *err holds an error. */
AG_API int ag_error_isset(const ag_error *err);

/*
 * Print "PROG: FILE:LINE:COL: message\n" to f. Position parts that are not known are
 * left out ("PROG: FILE: message", "PROG: message").
 */
AG_API void ag_error_print(const char *prog, const ag_error *err, FILE *f);

/* The library version string, e.g. "0.1.0". Static storage. */
AG_API const char *ag_version(void);

#ifdef __cplusplus
}
#endif
#endif
