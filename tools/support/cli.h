/*
 * cli.h - what every ag-* tool's main() shares: one option table whose rows bind each
 * option to its field, type and range (so --help, parsing and range checks come from one
 * declaration), the error/exit conventions, the rules for the graph output (-o, -f),
 * signal handling that removes half-written output, and the stderr progress bar.
 *
 * Ownership: an ag_cli is a caller-owned struct (usually static in the tool); the option
 * table, the fields it points to and the strings are borrowed and must outlive it.
 * Nothing here allocates memory that outlives a call.
 *
 * Exit codes: AG_EXIT_OK 0, AG_EXIT_FAIL 1 (bad input, I/O), AG_EXIT_USAGE 2.
 * A tool's main is: ag_cli_init, ag_cli_parse (fills the fields), the checks of its
 * outputs (ag_cli_check_outputs, ag_cli_output), one libcore call, ag_graph_save,
 * ag_cli_fail on error, ag_cli_finish_stdout.
 */
#ifndef AG_TOOLS_CLI_H
#define AG_TOOLS_CLI_H

#include <getopt.h>
#include <stdio.h>
#include <actorgraph/util/error.h>
#include <actorgraph/io/io.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AG_EXIT_OK 0
#define AG_EXIT_FAIL 1
#define AG_EXIT_USAGE 2

#define AG_CLI_MAX_OPTS 64

/* Ranges of the options several tools share: one number each, so that the tools agree. */
#define AG_CLI_EVIDENCE_MAX 10 /* --evidence N: 0..10 records per link (and tooltip) */
#define AG_CLI_JOBS_MAX 256    /* -j N: 1..256 threads or worker processes */

/* What a row does with its option (and where its field points). */
typedef enum ag_cli_type {
    AG_CLI_FLAG,   /* no argument: int field = the row's value */
    AG_CLI_STRING, /* const char * field = the argument (borrowed from argv) */
    AG_CLI_INT,    /* int field = a whole number in [min, max] */
    AG_CLI_LONG,   /* long field = a whole number in [min, max] */
    AG_CLI_DOUBLE, /* double field = a finite number in [min, max] */
    AG_CLI_FORMAT, /* ag_format field = a format name the tool writes (ag_cli.writes) */
    AG_CLI_CALL,   /* the row's parse function takes the argument (or none) */
    AG_CLI_HELP,   /* print --help on stdout */
    AG_CLI_VERSION /* print the version on stdout */
} ag_cli_type;

struct ag_cli;
struct ag_cli_opt;

/* Parser of an AG_CLI_CALL row: arg is NULL for an option without argument. Returns 0,
 * or an exit status after printing why (ag_cli_usage_error). */
typedef int (*ag_cli_parse_fn)(const struct ag_cli *cli, const struct ag_cli_opt *opt,
                               const char *arg);

/* One option. A table ends with a row whose name is NULL. Write rows with the
 * AG_CLI_OPT_* macros below: they check the field's type at compile time. */
typedef struct ag_cli_opt {
    const char *name;      /* long name without the dashes */
    char letter;           /* short option, or 0 for a long-only option */
    const char *arg;       /* argument name for --help; NULL: takes no argument */
    const char *help;      /* one line */
    ag_cli_type type;      /* what is done with the argument */
    void *field;           /* where it goes (see ag_cli_type); NULL: accepted, ignored */
    long value;            /* AG_CLI_FLAG: the value stored; AG_CLI_CALL: for parse */
    double min, max;       /* AG_CLI_INT, _LONG, _DOUBLE: the accepted range (whole
                              numbers below 2^53, so exact in a double) */
    ag_cli_parse_fn parse; /* AG_CLI_CALL */
} ag_cli_opt;

/* (void *)ptr, after a compile-time check that ptr is a T * (or NULL). */
#define AG_CLI_FIELD(ptr, T) ((void *)(1 ? (ptr) : (T *)0))

#define AG_CLI_OPT_FLAG(name, letter, help, field, value)                                          \
    {                                                                                              \
        name, letter, NULL, help, AG_CLI_FLAG, AG_CLI_FIELD(field, int), value, 0, 0, NULL         \
    }
#define AG_CLI_OPT_STRING(name, letter, arg, help, field)                                          \
    {                                                                                              \
        name, letter, arg, help, AG_CLI_STRING, AG_CLI_FIELD(field, const char *), 0, 0, 0, NULL   \
    }
#define AG_CLI_OPT_INT(name, letter, arg, help, field, min, max)                                   \
    {                                                                                              \
        name, letter, arg, help, AG_CLI_INT, AG_CLI_FIELD(field, int), 0, min, max, NULL           \
    }
#define AG_CLI_OPT_LONG(name, letter, arg, help, field, min, max)                                  \
    {                                                                                              \
        name, letter, arg, help, AG_CLI_LONG, AG_CLI_FIELD(field, long), 0, min, max, NULL         \
    }
#define AG_CLI_OPT_DOUBLE(name, letter, arg, help, field, min, max)                                \
    {                                                                                              \
        name, letter, arg, help, AG_CLI_DOUBLE, AG_CLI_FIELD(field, double), 0, min, max, NULL     \
    }
#define AG_CLI_OPT_CALL(name, letter, arg, help, parse, field, value)                              \
    {                                                                                              \
        name, letter, arg, help, AG_CLI_CALL, (void *)(field), value, 0, 0, parse                  \
    }

/* The rows every tool has, or several share with one meaning and one range. */
#define AG_CLI_OPT_OUTPUT(help, field) AG_CLI_OPT_STRING("output", 'o', "FILE", help, field)
#define AG_CLI_OPT_FORMAT(arg, help, field)                                                        \
    {                                                                                              \
        "format", 'f', arg, help, AG_CLI_FORMAT, AG_CLI_FIELD(field, ag_format), 0, 0, 0, NULL     \
    }
#define AG_CLI_OPT_EVIDENCE(help, field)                                                           \
    AG_CLI_OPT_INT("evidence", 0, "N", help, field, 0, AG_CLI_EVIDENCE_MAX)
#define AG_CLI_OPT_JOBS(help, field)                                                               \
    AG_CLI_OPT_INT("jobs", 'j', "N", help, field, 1, AG_CLI_JOBS_MAX)
#define AG_CLI_OPT_QUIET(help, field) AG_CLI_OPT_FLAG("quiet", 'q', help, field, 1)
/* Put at the end of every table. */
#define AG_CLI_OPTS_END                                                                            \
    {"help", 'h', NULL, "show this help and exit", AG_CLI_HELP, NULL, 0, 0, 0, NULL},              \
        {"version", 'V', NULL, "show the version and exit", AG_CLI_VERSION, NULL, 0, 0, 0, NULL},  \
    {                                                                                              \
        NULL, 0, NULL, NULL, AG_CLI_FLAG, NULL, 0, 0, 0, NULL                                      \
    }

/* Sets of formats, for ag_cli.writes: bit (1u << AG_FMT_x) per accepted -f name. */
#define AG_CLI_FMT_BIT(fmt) (1u << (fmt))
#define AG_CLI_WRITES_DATA                                                                         \
    (AG_CLI_FMT_BIT(AG_FMT_JSON) | AG_CLI_FMT_BIT(AG_FMT_GRAPHML) | AG_CLI_FMT_BIT(AG_FMT_GEXF) |  \
     AG_CLI_FMT_BIT(AG_FMT_DOT) | AG_CLI_FMT_BIT(AG_FMT_GML) | AG_CLI_FMT_BIT(AG_FMT_TSV) |        \
     AG_CLI_FMT_BIT(AG_FMT_CSV) | AG_CLI_FMT_BIT(AG_FMT_NEO4J))
#define AG_CLI_WRITES_PICTURES                                                                     \
    (AG_CLI_FMT_BIT(AG_FMT_SVG) | AG_CLI_FMT_BIT(AG_FMT_PNG) | AG_CLI_FMT_BIT(AG_FMT_PDF) |        \
     AG_CLI_FMT_BIT(AG_FMT_HTML))

typedef struct ag_cli {
    const char *prog;         /* "ag-extract" */
    const char *synopsis;     /* "[OPTION]... [FILE]..." */
    const char *summary;      /* one paragraph shown under the synopsis */
    const ag_cli_opt *opts;   /* the table */
    const char *footer;       /* shown after the options (examples), may be NULL */
    unsigned writes;          /* formats -f accepts (AG_CLI_WRITES_*; add AG_CLI_FMT_BIT(
                                 AG_FMT_AUTO) to accept "-f auto") */
    ag_format default_format; /* the graph format when neither -f nor -o's name says */
    const char *format_error; /* a -f it does not write: "FORMAT_ERROR 'NAME'FORMAT_HINT" */
    const char *format_hint;  /* may be NULL */
    /* set by ag_cli_parse: the arguments after the options */
    char **args;
    int nargs;
} ag_cli;

/* Process set-up for tools: C numeric locale, SIGINT/SIGTERM/SIGHUP/SIGPIPE remove the
 * temporary files of open ag_outputs and end the process by the signal. Call first. */
void ag_cli_init(ag_cli *cli);
/* For tools that build big records and then a graph from them (ag-extract, ag-merge):
 * every allocation past 128 KiB is mapped, so that it goes back to the system when freed.
 * glibc otherwise raises that threshold to the size of the first big array freed, and
 * the records' arrays freed while the graph is built stay in the heap beside it. */
void ag_cli_return_memory(void);

/*
 * Parse the options in command-line order, storing each in its row's field; set
 * cli->args and cli->nargs to the operands. Returns -1 when the tool should go on, or
 * the exit status to return from main: 0 after --help or --version, AG_EXIT_USAGE after
 * an unknown option, a missing argument or an argument out of its row's range (the
 * message is printed).
 */
int ag_cli_parse(ag_cli *cli, int argc, char **argv);

void ag_cli_help(const ag_cli *cli, FILE *f);

/* Print "PROG: message" and "Try 'PROG --help'." on stderr; returns AG_EXIT_USAGE. */
int ag_cli_usage_error(const ag_cli *cli, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The -f names this tool accepts (cli->writes), by their first names (json, not
 * nodelink), joined by sep into buf (truncated to size). */
void ag_cli_format_list(const ag_cli *cli, const char *sep, char *buf, size_t size);

/* Write the completion script of the tool for shell ("bash", "zsh" or "fish") to f,
 * generated from its option table: every option, -f's formats, files after options
 * whose argument names a FILE, DIR or PREFIX. -1 for another shell. `TOOL --completions
 * SHELL` (hidden from --help) calls it; the build installs the three scripts. */
int ag_cli_completions(const ag_cli *cli, const char *shell, FILE *f);

/* A choice that is none of names[0, n): "unknown WHAT 'ARG' (name, name, ...)" and the
 * --help hint; returns AG_EXIT_USAGE. Every tool lists the valid choices this way. */
int ag_cli_bad_choice(const ag_cli *cli, const char *what, const char *arg,
                      const char *const *names, size_t n);

/* Outputs that would overwrite an input or each other ("-o news.jsonl news.jsonl",
 * "--mentions F -o F"): a usage error naming both, before anything is read or written.
 * outs and ins are NULL-padded lists of paths ("-" and NULL entries are skipped); an
 * output that does not exist yet is compared by its directory's real path and its name.
 * Returns 0 when all differ, else AG_EXIT_USAGE after the message. */
int ag_cli_check_outputs(const ag_cli *cli, const char *const *outs, size_t nouts,
                         const char *const *ins, size_t nins);

/*
 * The graph output's rules, the same in every tool, checked before any work:
 *   - the format is -f (*fmt), else the extension of path, else cli->default_format;
 *     an extension that names no format is a usage error ("use -f FORMAT"), and so is a
 *     picture from a tool that does not draw;
 *   - CSV is two files (nodes and edges): it needs -o DIR/ or -o PREFIX, never stdout;
 *   - PNG and PDF are not written to a terminal;
 *   - a path that cannot be created (no such directory, a directory, no permission) is
 *     reported now, not after the work.
 * Sets *fmt to the format to pass to ag_graph_save. Returns -1 to go on, or the exit
 * status after the message (AG_EXIT_USAGE, or AG_EXIT_FAIL for an unwritable path).
 */
int ag_cli_output(const ag_cli *cli, const char *path, ag_format *fmt);

/* Print err as "PROG: FILE:LINE:COL: message"; returns AG_EXIT_FAIL. */
int ag_cli_fail(const ag_cli *cli, const ag_error *err);

/* Flush and close stdout, reporting a write error (full disk, closed pipe) as a failure.
 * Returns status unchanged when all went well, AG_EXIT_FAIL otherwise. */
int ag_cli_finish_stdout(const ag_cli *cli, int status);

/* ---------------------------------------------------------------- progress */

/* A progress line on stderr: "ag-extract: 120 docs, 35.2 MB, 61.0 MB/s, ETA 0:12".
 * Enabled only when stderr is a terminal and not quiet; otherwise every call is a no-op.
 * Redrawn at most 10 times a second. ag_cli_usage_error, ag_cli_fail and
 * ag_cli_finish_stdout clear it before they write; a tool clears it (ag_progress_done)
 * before its own messages and before its output, and does not draw it while output
 * streams to a terminal or pipe (the reader at its end shares the terminal). */
typedef struct ag_progress {
    const char *prog;
    int enabled;
    unsigned long long total_bytes; /* 0 when unknown (no ETA) */
    double start, last;             /* monotonic seconds */
} ag_progress;

void ag_progress_init(ag_progress *p, const char *prog, unsigned long long total_bytes, int quiet);
void ag_progress_update(ag_progress *p, unsigned long long items, unsigned long long bytes);
/* Clear the progress line. */
void ag_progress_done(ag_progress *p);

#ifdef __cplusplus
}
#endif
#endif
