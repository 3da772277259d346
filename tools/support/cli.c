/*
 * cli.c - the shared plumbing of the ag-* tools: one option table drives getopt_long,
 * the fields, the range checks and --help (so none of them can drift apart), uniform
 * error and usage messages, the rules of the graph output, signal handling that removes
 * half-written outputs, and the progress line.
 *
 * Nothing here exits: every path that ends the tool returns its exit status to main().
 */
#include "cli.h"

#include <errno.h>
#include <locale.h>
#include <malloc.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include <actorgraph/io/io.h>

/* ------------------------------------------------------------------ signals */

/* The process that installed the handlers: forked workers (ag-analyze -j) inherit them
 * and the table of temporary files, but must never remove their parent's output. */
static pid_t handler_owner;

static void on_fatal_signal(int sig)
{
    if (getpid() == handler_owner)
        ag_output_cleanup();
    /* Re-raise with the default action so the parent sees "killed by SIGINT". */
    signal(sig, SIG_DFL);
    raise(sig);
}

void ag_cli_return_memory(void) { mallopt(M_MMAP_THRESHOLD, 128 * 1024); }

void ag_cli_init(ag_cli *cli)
{
    struct sigaction sa;

    (void)cli;
    /* Numbers in every output format use '.', whatever the user's locale says. */
    setlocale(LC_ALL, "C");
    memset(&sa, 0, sizeof sa);
    handler_owner = getpid();
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    /* `ag-extract -o g.json --mentions - | head` dies of SIGPIPE while g.json is still
     * a temporary file: remove it too, then die of SIGPIPE as usual. */
    sigaction(SIGPIPE, &sa, NULL);
}

/* ------------------------------------------------------------------ options */

/* The getopt_long key of row i: its letter, or 256 + i for a long-only option. */
static int row_key(const ag_cli_opt *o, size_t i)
{
    return o->letter ? (unsigned char)o->letter : 256 + (int)i;
}

void ag_cli_help(const ag_cli *cli, FILE *f)
{
    fprintf(f, "Usage: %s %s\n", cli->prog, cli->synopsis);
    if (cli->summary)
        fprintf(f, "%s\n", cli->summary);
    fputs("\nOptions:\n", f);
    for (const ag_cli_opt *o = cli->opts; o->name; o++) {
        char left[64];
        if (o->letter)
            snprintf(left, sizeof left, "-%c, --%s%s%s", o->letter, o->name, o->arg ? " " : "",
                     o->arg ? o->arg : "");
        else
            snprintf(left, sizeof left, "    --%s%s%s", o->name, o->arg ? " " : "",
                     o->arg ? o->arg : "");
        if (strlen(left) > 26)
            fprintf(f, "  %s\n  %-26s  %s\n", left, "", o->help);
        else
            fprintf(f, "  %-26s  %s\n", left, o->help);
    }
    if (cli->footer)
        fprintf(f, "\n%s\n", cli->footer);
}

/* The progress line on the terminal now, if any: every message clears it first, so that
 * nothing is written after it on the same line. */
static ag_progress *shown_bar;

static void clear_progress(void)
{
    if (shown_bar)
        ag_progress_done(shown_bar);
}

int ag_cli_usage_error(const ag_cli *cli, const char *fmt, ...)
{
    va_list ap;

    clear_progress();
    fprintf(stderr, "%s: ", cli->prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s --help' for more information.\n", cli->prog);
    return AG_EXIT_USAGE;
}

int ag_cli_bad_choice(const ag_cli *cli, const char *what, const char *arg,
                      const char *const *names, size_t n)
{
    char list[512];
    size_t len = 0;

    list[0] = '\0';
    for (size_t i = 0; i < n && len < sizeof list; i++) {
        int k = snprintf(list + len, sizeof list - len, "%s%s", i ? ", " : "", names[i]);
        if (k < 0)
            break;
        len += (size_t)k;
    }
    return ag_cli_usage_error(cli, "unknown %s '%s' (%s)", what, arg, list);
}

/* A whole number in [min, max], or a usage error naming the option. */
static int parse_whole(const ag_cli *cli, const ag_cli_opt *o, const char *s, long *out)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < (long)o->min || v > (long)o->max)
        return ag_cli_usage_error(cli, "--%s: '%s' is not a whole number from %ld to %ld", o->name,
                                  s, (long)o->min, (long)o->max);
    *out = v;
    return 0;
}

/* A finite number in [min, max], or a usage error naming the option. */
static int parse_number(const ag_cli *cli, const ag_cli_opt *o, const char *s, double *out)
{
    char *end;
    double v;

    errno = 0;
    v = strtod(s, &end);
    if (!*s || *end || errno || !isfinite(v) || v < o->min || v > o->max)
        return ag_cli_usage_error(cli, "--%s: '%s' is not a number from %g to %g", o->name, s,
                                  o->min, o->max);
    *out = v;
    return 0;
}

/* Do what row o says with its argument; 0, or an exit status after the message. */
static int apply(const ag_cli *cli, const ag_cli_opt *o, const char *arg)
{
    long l = 0;
    double d = 0;
    ag_format fmt;

    switch (o->type) {
    case AG_CLI_FLAG:
        if (o->field)
            *(int *)o->field = (int)o->value;
        return 0;
    case AG_CLI_STRING:
        if (o->field)
            *(const char **)o->field = arg;
        return 0;
    case AG_CLI_INT:
    case AG_CLI_LONG:
        if (parse_whole(cli, o, arg, &l) != 0)
            return AG_EXIT_USAGE;
        if (o->field && o->type == AG_CLI_INT)
            *(int *)o->field = (int)l;
        else if (o->field)
            *(long *)o->field = l;
        return 0;
    case AG_CLI_DOUBLE:
        if (parse_number(cli, o, arg, &d) != 0)
            return AG_EXIT_USAGE;
        if (o->field)
            *(double *)o->field = d;
        return 0;
    case AG_CLI_FORMAT:
        if (ag_format_parse(arg, &fmt) < 0 || !(cli->writes & AG_CLI_FMT_BIT(fmt))) {
            char list[256];
            ag_cli_format_list(cli, ", ", list, sizeof list);
            return ag_cli_usage_error(cli, "%s '%s'%s; -f takes %s", cli->format_error, arg,
                                      cli->format_hint ? cli->format_hint : "", list);
        }
        if (o->field)
            *(ag_format *)o->field = fmt;
        return 0;
    case AG_CLI_CALL:
        return o->parse(cli, o, arg);
    case AG_CLI_HELP:
        ag_cli_help(cli, stdout);
        return ag_cli_finish_stdout(cli, AG_EXIT_OK);
    case AG_CLI_VERSION:
        printf("%s (actorgraph) %s\n", cli->prog, ag_version());
        return ag_cli_finish_stdout(cli, AG_EXIT_OK);
    }
    return 0;
}

void ag_cli_format_list(const ag_cli *cli, const char *sep, char *buf, size_t size)
{
    size_t len = 0;

    buf[0] = '\0';
    for (int f = 0; f <= AG_FMT_HTML && len < size; f++)
        if (cli->writes & AG_CLI_FMT_BIT(f)) {
            int k = snprintf(buf + len, size - len, "%s%s", len ? sep : "",
                             ag_format_name((ag_format)f));
            len += k > 0 ? (size_t)k : 0;
        }
}

int ag_cli_parse(ag_cli *cli, int argc, char **argv)
{
    struct option lopts[AG_CLI_MAX_OPTS + 1];
    char sopts[3 * AG_CLI_MAX_OPTS + 2];
    size_t n = 0, s = 0;
    int key, rc;

    /* Hidden: the build writes the shell completion scripts from the table this way. */
    if (argc == 3 && strcmp(argv[1], "--completions") == 0) {
        if (ag_cli_completions(cli, argv[2], stdout) < 0)
            return ag_cli_usage_error(cli, "--completions takes bash, zsh or fish, not '%s'",
                                      argv[2]);
        return ag_cli_finish_stdout(cli, AG_EXIT_OK);
    }
    sopts[s++] = ':'; /* report a missing argument as ':' rather than '?' */
    for (const ag_cli_opt *o = cli->opts; o->name; o++, n++) {
        if (n == AG_CLI_MAX_OPTS) {
            fprintf(stderr, "%s: internal error: too many options\n", cli->prog);
            return AG_EXIT_FAIL;
        }
        lopts[n] =
            (struct option){o->name, o->arg ? required_argument : no_argument, NULL, row_key(o, n)};
        if (o->letter) {
            sopts[s++] = o->letter;
            if (o->arg)
                sopts[s++] = ':';
        }
    }
    lopts[n] = (struct option){NULL, 0, NULL, 0};
    sopts[s] = '\0';

    opterr = 0;
    while ((key = getopt_long(argc, argv, sopts, lopts, NULL)) != -1) {
        const ag_cli_opt *o = NULL;
        if (key == ':')
            return ag_cli_usage_error(cli, "option '%s' needs an argument", argv[optind - 1]);
        if (key == '?') {
            if (optopt > 0 && optopt < 256)
                return ag_cli_usage_error(cli, "unknown option '-%c'", optopt);
            return ag_cli_usage_error(cli, "unknown option '%s'", argv[optind - 1]);
        }
        for (size_t i = 0; i < n && !o; i++)
            if (row_key(&cli->opts[i], i) == key)
                o = &cli->opts[i];
        if (!o)
            continue; /* getopt_long returns only the keys it was given */
        rc = apply(cli, o, optarg);
        if (rc != 0 || o->type == AG_CLI_HELP || o->type == AG_CLI_VERSION)
            return rc;
    }
    cli->args = argv + optind;
    cli->nargs = argc - optind;
    return -1;
}

/* The real path of p, or of its directory joined with its name when p does not exist
 * yet; NULL when neither resolves. The caller frees it. */
static char *real_path_of(const char *p)
{
    char *r = realpath(p, NULL);
    if (r || errno != ENOENT)
        return r;
    const char *slash = strrchr(p, '/');
    char *dir = slash ? strndup(p, (size_t)(slash - p + (slash == p))) : strdup(".");
    char *rd = dir ? realpath(dir, NULL) : NULL, *out = NULL;
    const char *base = slash ? slash + 1 : p;
    if (rd && asprintf(&out, "%s/%s", strcmp(rd, "/") == 0 ? "" : rd, base) < 0)
        out = NULL;
    free(dir);
    free(rd);
    return out;
}

static int same_path(const char *a, const char *b)
{
    struct stat sa, sb;
    int ha = stat(a, &sa) == 0, hb = stat(b, &sb) == 0;
    if (ha && !S_ISREG(sa.st_mode))
        return 0; /* /dev/null, /dev/stdout: writing there overwrites no file */
    if (ha && hb)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    char *ra = real_path_of(a), *rb = real_path_of(b);
    int same = ra && rb && strcmp(ra, rb) == 0;
    free(ra);
    free(rb);
    return same;
}

int ag_cli_check_outputs(const ag_cli *cli, const char *const *outs, size_t nouts,
                         const char *const *ins, size_t nins)
{
    for (size_t i = 0; i < nouts; i++) {
        const char *o = outs[i];
        if (!o || strcmp(o, "-") == 0)
            continue;
        for (size_t j = 0; j < nins; j++)
            if (ins[j] && strcmp(ins[j], "-") != 0 && same_path(o, ins[j]))
                return ag_cli_usage_error(cli,
                                          "output '%s' is the input '%s': it would be "
                                          "overwritten",
                                          o, ins[j]);
        for (size_t j = 0; j < i; j++)
            if (outs[j] && strcmp(outs[j], "-") != 0 && same_path(o, outs[j]))
                return ag_cli_usage_error(cli, "two outputs name the same file '%s'", o);
    }
    return 0;
}

/* An output that would be created in place (absent, a regular file or a directory, which
 * fails): opening and discarding it reports what ag_graph_save would report at the end
 * (no such directory, no permission, a directory), without touching the path. FIFOs,
 * devices and symbolic links are left alone: opening one has effects of its own. A CSV
 * prefix that does not exist yet stands for the two files beside it; a CSV directory
 * ("DIR/") is created when the graph is saved. */
static int probe_output(const char *path, ag_format fmt, ag_error *err)
{
    struct stat st;
    ag_output out;
    int exists = lstat(path, &st) == 0;

    if (exists && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
        return 0;
    if ((fmt == AG_FMT_CSV || fmt == AG_FMT_NEO4J) && (exists || path[strlen(path) - 1] == '/'))
        return 0;
    if (ag_output_open(&out, path, err) < 0)
        return -1;
    ag_output_abort(&out);
    return 0;
}

int ag_cli_output(const ag_cli *cli, const char *path, ag_format *fmt)
{
    int to_stdout = !path || strcmp(path, "-") == 0;
    ag_error err;

    if (*fmt == AG_FMT_AUTO && !to_stdout && (*fmt = ag_format_from_path(path)) == AG_FMT_AUTO) {
        /* "-o graph.bmp" must not quietly produce another format under that name. */
        const char *slash = strrchr(path, '/'), *dot = strrchr(slash ? slash : path, '.');
        if (dot)
            return ag_cli_usage_error(cli, "%s: unknown output format '%s'; use -f FORMAT", path,
                                      dot + 1);
    }
    if (*fmt == AG_FMT_AUTO)
        *fmt = cli->default_format;
    if (!(cli->writes & AG_CLI_FMT_BIT(*fmt)))
        return ag_cli_usage_error(cli, "%s: %s is a picture format (pictures: ag-render)", path,
                                  ag_format_name(*fmt));
    if ((*fmt == AG_FMT_CSV || *fmt == AG_FMT_NEO4J) && to_stdout)
        return ag_cli_usage_error(cli,
                                  "%s output is two files: give a directory ending in "
                                  "'/' or a file prefix (-o DIR/ or -o PREFIX)",
                                  *fmt == AG_FMT_CSV ? "CSV" : "neo4j");
    if ((*fmt == AG_FMT_PNG || *fmt == AG_FMT_PDF) && !path && isatty(STDOUT_FILENO))
        return ag_cli_usage_error(cli, "not writing %s to a terminal; use -o FILE",
                                  ag_format_name(*fmt));
    ag_error_clear(&err);
    if (!to_stdout && probe_output(path, *fmt, &err) < 0)
        return ag_cli_fail(cli, &err);
    return -1;
}

int ag_cli_fail(const ag_cli *cli, const ag_error *err)
{
    clear_progress();
    fflush(stdout);
    ag_error_print(cli->prog, err, stderr);
    return AG_EXIT_FAIL;
}

int ag_cli_finish_stdout(const ag_cli *cli, int status)
{
    clear_progress();
    int bad = fflush(stdout) != 0 || ferror(stdout);
    int e = errno;

    if (fclose(stdout) != 0)
        bad = 1, e = errno;
    if (bad) {
        /* A reader that went away (head) is not an error worth a message, and a tool
         * that already failed has said why (often this very write error). */
        if (e == EPIPE || status != AG_EXIT_OK)
            return status ? status : AG_EXIT_FAIL;
        fprintf(stderr, "%s: <stdout>: write error: %s\n", cli->prog, strerror(e));
        return AG_EXIT_FAIL;
    }
    return status;
}

/* ------------------------------------------------------------------ progress */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void ag_progress_init(ag_progress *p, const char *prog, unsigned long long total_bytes, int quiet)
{
    p->prog = prog;
    p->enabled = !quiet && isatty(STDERR_FILENO);
    p->total_bytes = total_bytes;
    p->start = p->last = now();
}

void ag_progress_update(ag_progress *p, unsigned long long items, unsigned long long bytes)
{
    double t, mb, rate;

    if (!p->enabled)
        return;
    t = now();
    if (t - p->last < 0.1)
        return;
    p->last = t;
    mb = bytes / 1e6;
    rate = t > p->start ? mb / (t - p->start) : 0;
    shown_bar = p;
    fprintf(stderr, "\r%s: %llu docs, %.1f MB, %.1f MB/s", p->prog, items, mb, rate);
    if (p->total_bytes && rate > 0 && bytes <= p->total_bytes) {
        double left = (p->total_bytes - bytes) / 1e6 / rate;
        fprintf(stderr, ", %3.0f%%, ETA %d:%02d", 100.0 * bytes / p->total_bytes, (int)left / 60,
                (int)left % 60);
    }
    fputs("\033[K", stderr);
}

void ag_progress_done(ag_progress *p)
{
    if (p->enabled && shown_bar == p) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
        shown_bar = NULL;
    }
}
