/*
 * cli.c - the shared plumbing of the ag-* tools: one option table drives getopt_long and
 * --help (so the two cannot drift apart), uniform error and usage messages, signal
 * handling that removes half-written outputs, and the progress line.
 *
 * This is the only libcore module that prints or exits, and only on behalf of a tool's
 * main(): --help, --version and usage errors end the process here by design.
 */
#include "cli.h"

#include <errno.h>
#include <locale.h>
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

static int build(ag_cli *cli)
{
    size_t n = 0, s = 0;

    cli->sopts_[s++] = ':'; /* report a missing argument as ':' rather than '?' */
    for (const ag_cli_opt *o = cli->opts; o->name; o++, n++) {
        if (n == AG_CLI_MAX_OPTS)
            return -1;
        cli->lopts_[n] = (struct option){o->name, o->arg ? required_argument : no_argument,
                                         NULL, o->key};
        if (o->key > 0 && o->key < 256) {
            cli->sopts_[s++] = (char)o->key;
            if (o->arg)
                cli->sopts_[s++] = ':';
        }
    }
    cli->lopts_[n] = (struct option){NULL, 0, NULL, 0};
    cli->sopts_[s] = '\0';
    cli->built_ = 1;
    return 0;
}

void ag_cli_help(const ag_cli *cli, FILE *f)
{
    fprintf(f, "Usage: %s %s\n", cli->prog, cli->synopsis);
    if (cli->summary)
        fprintf(f, "%s\n", cli->summary);
    fputs("\nOptions:\n", f);
    for (const ag_cli_opt *o = cli->opts; o->name; o++) {
        char left[64];
        if (o->key > 0 && o->key < 256)
            snprintf(left, sizeof left, "-%c, --%s%s%s", o->key, o->name, o->arg ? " " : "",
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

int ag_cli_usage_error(const ag_cli *cli, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "%s: ", cli->prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s --help' for more information.\n", cli->prog);
    return AG_EXIT_USAGE;
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
                return ag_cli_usage_error(cli, "output '%s' is the input '%s': it would be "
                                               "overwritten", o, ins[j]);
        for (size_t j = 0; j < i; j++)
            if (outs[j] && strcmp(outs[j], "-") != 0 && same_path(o, outs[j]))
                return ag_cli_usage_error(cli, "two outputs name the same file '%s'", o);
    }
    return 0;
}

int ag_cli_getopt(ag_cli *cli, int argc, char **argv, const char **arg)
{
    int c;

    if (!cli->built_ && build(cli) < 0) {
        fprintf(stderr, "%s: internal error: too many options\n", cli->prog);
        exit(AG_EXIT_FAIL);
    }
    opterr = 0;
    c = getopt_long(argc, argv, cli->sopts_, cli->lopts_, NULL);
    *arg = optarg;
    switch (c) {
    case AG_CLI_KEY_HELP:
        ag_cli_help(cli, stdout);
        exit(ag_cli_finish_stdout(cli, AG_EXIT_OK));
    case AG_CLI_KEY_VERSION:
        printf("%s (actorgraph) %s\n", cli->prog, ag_version());
        exit(ag_cli_finish_stdout(cli, AG_EXIT_OK));
    case ':':
        exit(ag_cli_usage_error(cli, "option '%s' needs an argument", argv[optind - 1]));
    case '?':
        if (optopt > 0 && optopt < 256)
            exit(ag_cli_usage_error(cli, "unknown option '-%c'", optopt));
        exit(ag_cli_usage_error(cli, "unknown option '%s'", argv[optind - 1]));
    default:
        return c;
    }
}

int ag_cli_fail(const ag_cli *cli, const ag_error *err)
{
    fflush(stdout);
    ag_error_print(cli->prog, err, stderr);
    return AG_EXIT_FAIL;
}

int ag_cli_parse_long(const ag_cli *cli, const char *opt, const char *s, long min, long max,
                      long *out)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < min || v > max) {
        ag_cli_usage_error(cli, "%s: '%s' is not a whole number from %ld to %ld", opt, s, min,
                           max);
        return -1;
    }
    *out = v;
    return 0;
}

int ag_cli_parse_double(const ag_cli *cli, const char *opt, const char *s, double min,
                        double max, double *out)
{
    char *end;
    double v;

    errno = 0;
    v = strtod(s, &end);
    if (!*s || *end || errno || !isfinite(v) || v < min || v > max) {
        ag_cli_usage_error(cli, "%s: '%s' is not a number from %g to %g", opt, s, min, max);
        return -1;
    }
    *out = v;
    return 0;
}

int ag_cli_finish_stdout(const ag_cli *cli, int status)
{
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

void ag_progress_init(ag_progress *p, const char *prog, unsigned long long total_bytes,
                      int quiet)
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
    fprintf(stderr, "\r%s: %llu docs, %.1f MB, %.1f MB/s", p->prog, items, mb, rate);
    if (p->total_bytes && rate > 0 && bytes <= p->total_bytes) {
        double left = (p->total_bytes - bytes) / 1e6 / rate;
        fprintf(stderr, ", %3.0f%%, ETA %d:%02d", 100.0 * bytes / p->total_bytes,
                (int)left / 60, (int)left % 60);
    }
    fputs("\033[K", stderr);
}

void ag_progress_done(ag_progress *p)
{
    if (p->enabled)
        fputs("\r\033[K", stderr);
}
