/*
 * error.c - the ag_error type: first error wins, fixed buffers, long paths keep their tail.
 *
 * Reporting must work when memory is exhausted, so nothing here allocates.
 */
#include <actorgraph/util/error.h>

#include <stdio.h>
#include <string.h>

#ifndef AG_VERSION_STRING
#define AG_VERSION_STRING "unknown"
#endif

void ag_error_clear(ag_error *err)
{
    if (!err)
        return;
    err->code = AG_OK;
    err->file[0] = '\0';
    err->line = 0;
    err->col = 0;
    err->offset = -1;
    err->msg[0] = '\0';
}

int ag_error_isset(const ag_error *err) { return err && err->code != AG_OK; }

/* Copy a source name; when it does not fit, keep "..." and its end, which is the part
 * that tells files apart. */
static void set_file(ag_error *err, const char *file)
{
    size_t n;

    if (!file) {
        err->file[0] = '\0';
        return;
    }
    n = strlen(file);
    if (n < sizeof err->file) {
        memcpy(err->file, file, n + 1);
        return;
    }
    memcpy(err->file, "...", 3);
    memcpy(err->file + 3, file + n - (sizeof err->file - 4), sizeof err->file - 3);
}

int ag_error_setv(ag_error *err, int code, const char *file, long line, long col, const char *fmt,
                  va_list ap)
{
    if (!err || err->code != AG_OK)
        return -1;
    err->code = code ? code : AG_EINTERNAL;
    set_file(err, file);
    err->line = line;
    err->col = col;
    err->offset = -1;
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    /* Messages are one line: a quoted newline from the input must not break that. */
    for (char *p = err->msg; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    return -1;
}

int ag_error_set(ag_error *err, int code, const char *file, long line, long col, const char *fmt,
                 ...)
{
    va_list ap;

    va_start(ap, fmt);
    ag_error_setv(err, code, file, line, col, fmt, ap);
    va_end(ap);
    return -1;
}

int ag_error_set_at(ag_error *err, int code, const char *file, long long offset, const char *fmt,
                    ...)
{
    va_list ap;

    if (!err || err->code != AG_OK)
        return -1;
    va_start(ap, fmt);
    ag_error_setv(err, code, file, 0, 0, fmt, ap);
    va_end(ap);
    err->offset = offset;
    return -1;
}

void ag_error_locate(ag_error *err, const char *buf, size_t len)
{
    size_t end, i, line = 1, bol = 0;

    if (!err || err->offset < 0 || !buf)
        return;
    end = (size_t)err->offset < len ? (size_t)err->offset : len;
    for (i = 0; i < end; i++)
        if (buf[i] == '\n') {
            line++;
            bol = i + 1;
        }
    err->line = (long)line;
    err->col = (long)(end - bol + 1);
}

void ag_error_print(const char *prog, const ag_error *err, FILE *f)
{
    const char *msg = err && err->msg[0] ? err->msg : "unknown error";

    if (prog)
        fprintf(f, "%s: ", prog);
    if (err && err->file[0]) {
        fputs(err->file, f);
        if (err->line > 0) {
            fprintf(f, ":%ld", err->line);
            if (err->col > 0)
                fprintf(f, ":%ld", err->col);
        } else if (err->offset >= 0) {
            fprintf(f, ":@%lld", err->offset);
        }
        fputs(": ", f);
    }
    fprintf(f, "%s\n", msg);
}

const char *ag_version(void) { return AG_VERSION_STRING; }
