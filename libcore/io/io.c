/*
 * io.c - format names and sniffing, whole-file reading, dispatch to the per-format
 * readers and writers, and the atomic output file.
 *
 * Atomic output: every named output is written to a temporary sibling and renamed into
 * place only after a checked flush and fsync, so a reader of the final path sees either
 * the old file or the complete new one. The temporary names are also kept in a small
 * table that a signal handler can reach (ag_output_cleanup), which is why this module
 * holds the one piece of process-global state in libcore.
 */
#include <actorgraph/io/io.h>

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <utf8proc.h>
#include <unistd.h>

#include "util/buf_internal.h"
#include "util/opts_internal.h"
#include "io/io_internal.h"

/* ------------------------------------------------------------------ format names */

static const struct {
    const char *name;
    ag_format fmt;
} format_names[] = {
    {"json", AG_FMT_JSON},   {"nodelink", AG_FMT_JSON}, {"graphml", AG_FMT_GRAPHML},
    {"gexf", AG_FMT_GEXF},   {"dot", AG_FMT_DOT},       {"gv", AG_FMT_DOT},
    {"gml", AG_FMT_GML},     {"tsv", AG_FMT_TSV},       {"csv", AG_FMT_CSV},
    {"svg", AG_FMT_SVG},     {"png", AG_FMT_PNG},       {"pdf", AG_FMT_PDF},
    {"auto", AG_FMT_AUTO},   {"txt", AG_FMT_TSV},       {"edgelist", AG_FMT_TSV},
    {"neo4j", AG_FMT_NEO4J}, {"html", AG_FMT_HTML},     {"htm", AG_FMT_HTML},
};

const char *ag_format_name(ag_format fmt)
{
    for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++)
        if (format_names[i].fmt == fmt)
            return format_names[i].name;
    return "auto";
}

int ag_format_parse(const char *name, ag_format *out)
{
    for (size_t i = 0; name && i < sizeof format_names / sizeof format_names[0]; i++)
        if (strcasecmp(name, format_names[i].name) == 0) {
            *out = format_names[i].fmt;
            return 0;
        }
    return -1;
}

ag_format ag_format_from_path(const char *path)
{
    const char *dot, *slash;
    ag_format fmt;

    if (!path)
        return AG_FMT_AUTO;
    slash = strrchr(path, '/');
    if (slash && slash[1] == '\0')
        return AG_FMT_CSV; /* "DIR/": the Gephi nodes.csv/edges.csv pair */
    dot = strrchr(slash ? slash : path, '.');
    if (!dot || ag_format_parse(dot + 1, &fmt) < 0 || fmt == AG_FMT_AUTO)
        return AG_FMT_AUTO;
    if (strcasecmp(dot + 1, "txt") == 0)
        return AG_FMT_AUTO; /* too vague to decide a writer by */
    return fmt;
}

const char *ag__skip_space(const char *p, const char *end)
{
    if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
    return p;
}

/* Case-insensitive "does buf start with word, followed by a non-identifier byte". */
static int starts_word(const char *p, const char *end, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(end - p) < n || strncasecmp(p, word, n) != 0)
        return 0;
    return (size_t)(end - p) == n ||
           !(p[n] == '_' || (p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z') ||
             (p[n] >= '0' && p[n] <= '9'));
}

ag_format ag_format_sniff(const char *buf, size_t len)
{
    const char *end = buf + len, *p = ag__skip_space(buf, end), *q;
    size_t window = len < 4096 ? len : 4096;

    if (p == end)
        return AG_FMT_AUTO;
    /* XML in UTF-16 (a BOM, then '<'): libxml2 reads it; nothing else here would. */
    if (len >= 4 && (memcmp(buf, "\xFF\xFE<\0", 4) == 0 || memcmp(buf, "\xFE\xFF\0<", 4) == 0))
        return AG_FMT_GRAPHML;
    if (*p == '{' || *p == '[')
        return AG_FMT_JSON;
    if (*p == '<') {
        if (memmem(buf, window, "<gexf", 5))
            return AG_FMT_GEXF;
        return AG_FMT_GRAPHML;
    }
    /* DOT: [strict] (graph|digraph) [ID] {    GML: [Creator "..."] graph [ */
    q = p;
    if (starts_word(q, end, "strict"))
        q = ag__skip_space(q + 6, end);
    if (starts_word(q, end, "digraph"))
        return AG_FMT_DOT;
    if (starts_word(q, end, "graph")) {
        q = ag__skip_space(q + 5, end);
        return (q < end && *q == '[') ? AG_FMT_GML : AG_FMT_DOT;
    }
    if (starts_word(p, end, "creator") || starts_word(p, end, "version"))
        return AG_FMT_GML;
    if (*p == '/' || *p == '#') {
        /* comments: DOT allows // and #-lines, edge lists allow # lines */
        if (*p == '/' || memmem(p, window - (size_t)(p - buf), "{", 1))
            return AG_FMT_DOT;
    }
    /* An edge list: the first line decides between tabs and commas. */
    for (q = p; q < end && *q != '\n'; q++) {
        if (*q == '\t')
            return AG_FMT_TSV;
    }
    for (q = p; q < end && *q != '\n'; q++)
        if (*q == ',')
            return AG_FMT_CSV;
    return AG_FMT_TSV; /* whitespace-separated edge list */
}

/* ------------------------------------------------------------------ reading */

long long ag__utf8_invalid(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k;
        if (!(s[i] & 0x80)) {
            i++;
            continue;
        }
        k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (k < 0)
            return (long long)i;
        i += (size_t)k;
    }
    return -1;
}

char *ag_read_file(const char *path, size_t max_bytes, size_t *len, ag_error *err)
{
    int is_stdin = !path || strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    ag__buf b = {0};

    if (!f) {
        ag_error_set(err, errno == ENOENT ? AG_ENOTFOUND : AG_EIO, name, 0, 0, "%s",
                     strerror(errno));
        return NULL;
    }
    int rc = ag__buf_read(&b, f, name, max_bytes, 1, err);
    if (!is_stdin)
        fclose(f);
    if (rc < 0) {
        ag__buf_free(&b);
        return NULL;
    }
    *len = b.len;
    return b.p;
}

static ag_graph *read_terminated(const char *buf, size_t len, const char *name, ag_format fmt,
                                 const ag_read_limits *limits, ag_error *err);

static ag_graph *read_sniffed(const char *buf, size_t len, const char *name,
                              const ag_read_limits *limits, ag_error *err)
{
    ag_format fmt = ag_format_sniff(buf, len);
    const char *what;
    if (fmt == AG_FMT_AUTO) {
        ag_error_set(err, AG_EPARSE, name, 0, 0, "empty input: no graph to read");
        return NULL;
    }
    /* An edge list is the guess of last resort, and its reader takes nearly any text
     * ("- Merkel" is a link): text that looks like something else is refused first. */
    if ((fmt == AG_FMT_TSV || fmt == AG_FMT_CSV) && (what = ag__sniff_not_graph(buf, len, name))) {
        ag_error_set(err, AG_EPARSE, name, 0, 0, "%s", what);
        return NULL;
    }
    return read_terminated(buf, len, name, fmt, limits, err);
}

/* ag_graph_read_mem on a buffer known to have a NUL at buf[len], as the per-format
 * readers need (cgraph and strtod read up to a NUL). */
static ag_graph *read_terminated(const char *buf, size_t len, const char *name, ag_format fmt,
                                 const ag_read_limits *limits, ag_error *err)
{
    const char *text = buf;

    if (!name)
        name = "<input>";
    if (len > limits->max_bytes) {
        ag_error_set(err, AG_ELIMIT, name, 0, 0, "input larger than the limit of %zu bytes",
                     limits->max_bytes);
        return NULL;
    }
    if (fmt == AG_FMT_AUTO) {
        ag_graph *g = read_sniffed(buf, len, name, limits, err);
        const char *what;
        /* A file that is no graph at all: say what it looks like, not how the reader the
         * sniffer guessed choked on it (README.md is no DOT syntax error). */
        if (!g && (err->code == AG_EPARSE || err->code == AG_EINVAL) &&
            (what = ag__sniff_not_graph(buf, len, name))) {
            ag_error_clear(err);
            ag_error_set(err, AG_EPARSE, name, 0, 0, "%s", what);
        }
        return g;
    }
    switch (fmt) {
    case AG_FMT_JSON:
        return ag__read_json(text, len, name, limits, err);
    case AG_FMT_GRAPHML:
        return ag__read_graphml(text, len, name, limits, err);
    case AG_FMT_GML:
        return ag__read_gml(text, len, name, limits, err);
    case AG_FMT_DOT:
        return ag__read_dot(text, len, name, limits, err);
    case AG_FMT_GEXF:
        return ag__read_gexf(text, len, name, limits, err);
    case AG_FMT_TSV:
        return ag__read_edgelist(text, len, name, '\t', limits, err);
    case AG_FMT_CSV:
        return ag__read_edgelist(text, len, name, ',', limits, err);
    default:
        ag_error_set(err, AG_EINVAL, name, 0, 0,
                     "cannot read %s input: %s is an output-only format", ag_format_name(fmt),
                     ag_format_name(fmt));
        return NULL;
    }
}

ag_graph *ag_graph_read_mem(const char *buf, size_t len, const char *name, ag_format fmt,
                            const ag_read_limits *limits, ag_error *err)
{
    static const ag_read_limits defaults = AG_READ_LIMITS_INIT;
    ag_graph *g;
    char *copy;

    if (!limits)
        limits = &defaults;
    if (len > limits->max_bytes)
        return read_terminated(buf, len, name, fmt, limits, err); /* reports the limit */
    /* The caller's buffer need not be NUL-terminated (io.h); the readers need it to be. */
    if (!(copy = malloc(len + 1))) {
        ag_error_set(err, AG_ENOMEM, name ? name : "<input>", 0, 0, "out of memory");
        return NULL;
    }
    memcpy(copy, buf, len);
    copy[len] = '\0';
    g = read_terminated(copy, len, name, fmt, limits, err);
    free(copy);
    return g;
}

ag_graph *ag_graph_read(const char *path, ag_format fmt, const ag_read_limits *limits,
                        ag_error *err)
{
    static const ag_read_limits defaults = AG_READ_LIMITS_INIT;
    int is_stdin = !path || strcmp(path, "-") == 0;
    size_t len;
    char *buf;
    ag_graph *g;

    if (!limits)
        limits = &defaults;
    if (!(buf = ag_read_file(path, limits->max_bytes, &len, err)))
        return NULL;
    g = read_terminated(buf, len, is_stdin ? "<stdin>" : path, fmt, limits, err);
    free(buf);
    return g;
}

/* ------------------------------------------------------------------ atomic output */

/* Temporary files open right now, for the signal handler. Fixed size: a tool has one or
 * two outputs open at a time. */
#define MAX_PENDING 16
static char *volatile pending[MAX_PENDING];

static void pending_add(char *tmp)
{
    for (int i = 0; i < MAX_PENDING; i++)
        if (!pending[i]) {
            pending[i] = tmp;
            return;
        }
}

static void pending_remove(const char *tmp)
{
    for (int i = 0; i < MAX_PENDING; i++)
        if (pending[i] == tmp)
            pending[i] = NULL;
}

/* Async-signal-safe: unlink every pending temporary file. Called from the tools' signal handler
 * (tools/support/cli.c) through ag_output_cleanup. */
void ag_output_cleanup(void)
{
    for (int i = 0; i < MAX_PENDING; i++)
        if (pending[i])
            unlink(pending[i]);
}

int ag_output_open(ag_output *out, const char *path, ag_error *err)
{
    int fd;
    size_t n;

    memset(out, 0, sizeof *out);
    if (!path || strcmp(path, "-") == 0) {
        out->fp = stdout;
        return 0;
    }
    /* Not a regular file (/dev/null, a FIFO, a symbolic link such as /dev/stdout):
     * write to it directly. A temporary sibling renamed over it would replace the
     * device node or the link itself. */
    {
        struct stat st;
        if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
            out->path = strdup(path);
            if (!out->path || !(out->fp = fopen(path, "wb"))) {
                int e = errno;
                ag_output_abort(out);
                return ag_error_set(err, AG_EIO, path, 0, 0, "cannot open output: %s", strerror(e));
            }
            return 0;
        }
    }
    n = strlen(path);
    out->path = strdup(path);
    out->tmp = malloc(n + 16);
    if (!out->path || !out->tmp) {
        ag_output_abort(out);
        return ag_error_set(err, AG_ENOMEM, path, 0, 0, "out of memory");
    }
    /* A hidden sibling in the same directory, so rename() is atomic. */
    {
        const char *slash = strrchr(path, '/');
        size_t dirlen = slash ? (size_t)(slash - path + 1) : 0;
        memcpy(out->tmp, path, dirlen);
        snprintf(out->tmp + dirlen, n + 16 - dirlen, ".%s.XXXXXX", path + dirlen);
    }
    if ((fd = mkstemp(out->tmp)) < 0) {
        int e = errno;
        free(out->tmp);
        out->tmp = NULL;
        ag_output_abort(out);
        return ag_error_set(err, AG_EIO, path, 0, 0, "cannot create output: %s", strerror(e));
    }
    /* mkstemp makes the file 0600; give it the permissions a plain fopen would. */
    {
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
    }
    pending_add(out->tmp);
    if (!(out->fp = fdopen(fd, "wb"))) {
        close(fd);
        ag_output_abort(out);
        return ag_error_set(err, AG_EIO, path, 0, 0, "cannot open output");
    }
    return 0;
}

int ag_output_commit(ag_output *out, ag_error *err)
{
    int rc = 0;
    const char *name = out->path ? out->path : "<stdout>";

    if (!out->fp)
        return ag_error_set(err, AG_EINTERNAL, name, 0, 0, "output is not open");
    if (!out->path) {
        if (fflush(stdout) != 0 || ferror(stdout))
            rc = ag_error_set(err, AG_EIO, name, 0, 0, "write error: %s", strerror(errno));
        out->fp = NULL;
        return rc;
    }
    if (fflush(out->fp) != 0 || ferror(out->fp) || (out->tmp && fsync(fileno(out->fp)) != 0))
        rc = ag_error_set(err, AG_EIO, name, 0, 0, "write error: %s", strerror(errno));
    if (fclose(out->fp) != 0 && rc == 0)
        rc = ag_error_set(err, AG_EIO, name, 0, 0, "write error: %s", strerror(errno));
    out->fp = NULL;
    if (rc == 0 && out->tmp && rename(out->tmp, out->path) != 0)
        rc = ag_error_set(err, AG_EIO, name, 0, 0, "cannot rename output into place: %s",
                          strerror(errno));
    if (rc != 0 && out->tmp)
        unlink(out->tmp);
    if (out->tmp)
        pending_remove(out->tmp);
    free(out->tmp);
    free(out->path);
    out->tmp = out->path = NULL;
    return rc;
}

void ag_output_abort(ag_output *out)
{
    if (out->fp && out->fp != stdout)
        fclose(out->fp);
    if (out->tmp) {
        unlink(out->tmp);
        pending_remove(out->tmp);
    }
    free(out->tmp);
    free(out->path);
    memset(out, 0, sizeof *out);
}

int ag_write_opts_init(ag_write_opts *opts, unsigned int version)
{
    static const ag_write_opts defaults = AG_WRITE_OPTS_INIT;
    return ag__opts_init(opts, version, &defaults, sizeof defaults);
}
