/*
 * analyze_run.h - everything ag-analyze does after parsing its options: read, analyse,
 * save (ag_graph_save), report. Kept out of the library because it prints to the tool's
 * streams and times the steps; the library's analysis is actorgraph/analyze/analyze.h.
 *
 * Ownership: the options borrow their strings and streams from the caller.
 */
#ifndef AG_TOOLS_ANALYZE_RUN_H
#define AG_TOOLS_ANALYZE_RUN_H

#include <stdio.h>

#include <actorgraph/analyze/analyze.h>

typedef struct ag_analyze_run_opts {
    const char *input;       /* graph to read, any format sniffed ("-" or NULL: stdin) */
    const char *output;      /* where to write ("-" or NULL: stdout), atomically */
    ag_format format;        /* output format (AG_FMT_AUTO: from the name, else JSON; see
                                ag_graph_save) */
    ag_analyze_opts analyze; /* the job */
    FILE *report;            /* text summary here when not NULL (ag-analyze: stderr) */
    const char *report_json; /* JSON summary to this path when not NULL */
    FILE *timings;           /* step timings here when not NULL */
} ag_analyze_run_opts;

#define AG_ANALYZE_RUN_OPTS_INIT                                                                   \
    {                                                                                              \
        NULL, NULL, AG_FMT_AUTO, AG_ANALYZE_OPTS_INIT, NULL, NULL, NULL                            \
    }

/* Read, analyse, write (and report): everything ag-analyze does after parsing options.
 * Nothing is left at opts->output or opts->report_json when it fails. */
int ag_analyze_run(const ag_analyze_run_opts *opts, ag_error *err);

#endif
