/*
 * cli.h - what every ag-* tool's main() shares: an option table that drives
 * both getopt_long and --help, the error/exit conventions, signal handling that removes
 * half-written output, and the stderr progress bar.
 *
 * Ownership: an ag_cli is a caller-owned struct (usually static in the tool); the option
 * table and strings it points to are borrowed and must outlive it. Nothing here
 * allocates memory that outlives a call.
 *
 * Exit codes: AG_EXIT_OK 0, AG_EXIT_FAIL 1 (bad input, I/O), AG_EXIT_USAGE 2.
 * A tool's main is: ag_cli_init, ag_cli_getopt loop filling an opts struct, one libcore
 * call, ag_cli_fail on error, ag_cli_finish_stdout.
 */
#ifndef ACTORGRAPH_CLI_H
#define ACTORGRAPH_CLI_H

#include <getopt.h>
#include <stdio.h>
#include <actorgraph/util/error.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AG_EXIT_OK 0
#define AG_EXIT_FAIL 1
#define AG_EXIT_USAGE 2

#define AG_CLI_MAX_OPTS 64

/* One option. key is the short option character, or a value >= 256 for long-only
 * options. A table ends with an entry whose name is NULL. */
typedef struct ag_cli_opt {
    const char *name; /* long name without the dashes */
    int key;          /* short option char or a long-only key >= 256 */
    const char *arg;  /* argument name for --help; NULL: takes no argument */
    const char *help; /* one line */
} ag_cli_opt;

/* Keys of the options every tool has; put AG_CLI_COMMON_OPTS at the end of a table. */
#define AG_CLI_KEY_HELP 'h'
#define AG_CLI_KEY_VERSION 'V'
#define AG_CLI_COMMON_OPTS                                                                   \
    {"help", AG_CLI_KEY_HELP, NULL, "show this help and exit"},                              \
    {"version", AG_CLI_KEY_VERSION, NULL, "show the version and exit"},                      \
    {NULL, 0, NULL, NULL}

typedef struct ag_cli {
    const char *prog;       /* "ag-extract" */
    const char *synopsis;   /* "[OPTION]... [FILE]..." */
    const char *summary;    /* one paragraph shown under the synopsis */
    const ag_cli_opt *opts; /* the table */
    const char *footer;     /* shown after the options (examples), may be NULL */
    /* private: built from opts on the first ag_cli_getopt call */
    struct option lopts_[AG_CLI_MAX_OPTS + 1];
    char sopts_[3 * AG_CLI_MAX_OPTS + 2];
    int built_;
} ag_cli;

/* Process set-up for tools: C numeric locale, SIGINT/SIGTERM remove the temporary files
 * of open ag_outputs and exit 130/143. Call first in main. */
void ag_cli_init(ag_cli *cli);

/*
 * Next option: returns its key and sets *arg (NULL when it takes none); -1 when the
 * options are done (positional arguments start at optind). --help and --version are
 * handled here (print and exit 0). An unknown option or a missing argument prints a
 * usage error and exits 2.
 */
int ag_cli_getopt(ag_cli *cli, int argc, char **argv, const char **arg);

void ag_cli_help(const ag_cli *cli, FILE *f);

/* Print "PROG: message" and "Try 'PROG --help'." on stderr; returns AG_EXIT_USAGE. */
int ag_cli_usage_error(const ag_cli *cli, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Outputs that would overwrite an input or each other ("-o news.jsonl news.jsonl",
 * "--mentions F -o F"): a usage error naming both, before anything is read or written.
 * outs and ins are NULL-padded lists of paths ("-" and NULL entries are skipped); an
 * output that does not exist yet is compared by its directory's real path and its name.
 * Returns 0 when all differ, else AG_EXIT_USAGE after the message. */
int ag_cli_check_outputs(const ag_cli *cli, const char *const *outs, size_t nouts,
                         const char *const *ins, size_t nins);

/* Print err as "PROG: FILE:LINE:COL: message"; returns AG_EXIT_FAIL. */
int ag_cli_fail(const ag_cli *cli, const ag_error *err);

/* Parse numbers from option arguments; -1 (with a usage message printed) when s is not a
 * whole number / finite number in [min, max]. */
int ag_cli_parse_long(const ag_cli *cli, const char *opt, const char *s, long min,
                             long max, long *out);
int ag_cli_parse_double(const ag_cli *cli, const char *opt, const char *s, double min,
                               double max, double *out);

/* Flush and close stdout, reporting a write error (full disk, closed pipe) as a failure.
 * Returns status unchanged when all went well, AG_EXIT_FAIL otherwise. */
int ag_cli_finish_stdout(const ag_cli *cli, int status);

/* ---------------------------------------------------------------- progress */

/* A progress line on stderr: "ag-extract: 120 docs, 35.2 MB, 61.0 MB/s, ETA 0:12".
 * Enabled only when stderr is a terminal and not quiet; otherwise every call is a no-op.
 * Redrawn at most 10 times a second. */
typedef struct ag_progress {
    const char *prog;
    int enabled;
    unsigned long long total_bytes; /* 0 when unknown (no ETA) */
    double start, last;             /* monotonic seconds */
} ag_progress;

void ag_progress_init(ag_progress *p, const char *prog, unsigned long long total_bytes,
                             int quiet);
void ag_progress_update(ag_progress *p, unsigned long long items,
                               unsigned long long bytes);
/* Clear the progress line. */
void ag_progress_done(ag_progress *p);

#ifdef __cplusplus
}
#endif
#endif
