/*
 * ag-merge - combine the keyed records of sharded `ag-extract --emit-keyed` runs into the
 * graph a single run would give (or, as a reducer, into fewer keyed records). The work is
 * in libcore/extract/merge.c.
 */
#include <time.h>

#include "cli.h"
#include <actorgraph/io/io.h>
#include <actorgraph/render/render.h>
#include <actorgraph/extract/merge.h>

static ag_merge_opts o = AG_MERGE_OPTS_INIT;

static struct {
    const char *out_path; /* -o, NULL: stdout */
    ag_format fmt;        /* -f */
    int sorted;           /* --sorted: reduce key-sorted input, write keyed records */
    int keyed;            /* --emit-keyed */
    int timings;          /* --timings: on stderr */
} a = {NULL, AG_FMT_AUTO, 0, 0, 0};

static const ag_cli_opt options[] = {
    AG_CLI_OPT_OUTPUT("write to FILE (default: stdout)", &a.out_path),
    AG_CLI_OPT_FORMAT("FORMAT",
                      "graph format: json (default), graphml, gexf, dot, gml, tsv, "
                      "csv",
                      &a.fmt),
    AG_CLI_OPT_FLAG("sorted", 0,
                    "input is key-sorted: reduce it in bounded memory, write "
                    "keyed records",
                    &a.sorted, 1),
    AG_CLI_OPT_FLAG("emit-keyed", 0, "write combined keyed records instead of the graph", &a.keyed,
                    1),
    AG_CLI_OPT_FLAG("met-only", 0, "keep only links whose actors met", &o.met_only, 1),
    AG_CLI_OPT_FLAG("no-variants", 0, "do not merge spelling variants (as ag-extract)", &o.variants,
                    0),
    AG_CLI_OPT_EVIDENCE("evidence records per link (default: as extracted)", &o.evidence),
    AG_CLI_OPT_JOBS("threads reading, resolving and writing JSON (default 1)", &o.threads),
    AG_CLI_OPT_QUIET("accepted for symmetry; ag-merge shows no progress", NULL),
    AG_CLI_OPT_FLAG("timings", 0, "print the time each step took on stderr", &a.timings, 1),
    AG_CLI_OPTS_END};

static ag_cli cli = {
    .prog = "ag-merge",
    .synopsis = "[OPTION]... [FILE]...",
    .summary = "Combine the records of ag-extract --emit-keyed runs over disjoint shards into\n"
               "exactly the graph one ag-extract run over all documents gives.",
    .opts = options,
    .footer = "Example: ls shards | parallel 'ag-extract -q --emit-keyed shards/{} > {}.keyed'\n"
              "         ag-merge -j 2 *.keyed > graph.json\n",
    .writes = AG_CLI_WRITES_DATA | AG_CLI_FMT_BIT(AG_FMT_AUTO),
    .default_format = AG_FMT_JSON,
    .format_error = "unknown or picture format"};

/* --timings: when a step began, in wall, process CPU and this thread's CPU seconds. */
typedef struct stamp {
    double wall, cpu, own;
} stamp;

static double seconds(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static stamp now(void)
{
    return (stamp){seconds(CLOCK_MONOTONIC), seconds(CLOCK_PROCESS_CPUTIME_ID),
                   seconds(CLOCK_THREAD_CPUTIME_ID)};
}

/* The step since *t, and *t moved to now. This thread takes part in every step, so CPU
 * minus its share is what the other threads did: on idle cores a step of -j N takes
 * about the larger of its share and theirs over N - 1. */
static void step_done(const char *step, stamp *t)
{
    stamp e = now();
    if (a.timings)
        fprintf(stderr, "%s: timings: %s %.3f s wall, %.3f s CPU, %.3f s on the main thread\n",
                cli.prog, step, e.wall - t->wall, e.cpu - t->cpu, e.own - t->own);
    *t = e;
}

/* ag_merge_opts.step: a step of the merge ended. */
static void merge_step(void *ctx, const char *name) { step_done(name, ctx); }

/* The graph of the inputs, saved: 0, or -1 with *err set. */
static int merge_graph(const char *const *inputs, size_t ninputs, ag_error *err)
{
    ag_write_opts wo = AG_WRITE_OPTS_INIT;
    ag_render_opts ro = AG_RENDER_OPTS_INIT;
    stamp t = now();
    o.step = a.timings ? merge_step : NULL;
    o.step_ctx = &t;
    ag_graph *g = ag_merge_graph(inputs, ninputs, &o, err);
    int rc = -1;
    if (g) {
        wo.threads = o.threads;
        ro.write = &wo;
        rc = ag_graph_save(g, a.out_path, a.fmt, &ro, err);
        step_done("write", &t);
    }
    ag_graph_free(g);
    return rc;
}

int main(int argc, char **argv)
{
    int rc;
    ag_error err;
    ag_output out = {0};

    ag_cli_init(&cli);
    ag_cli_return_memory();
    ag_error_clear(&err);
    if ((rc = ag_cli_parse(&cli, argc, argv)) >= 0)
        return rc;
    a.keyed |= a.sorted;
    if (a.keyed && a.fmt != AG_FMT_AUTO && a.fmt != AG_FMT_JSON)
        return ag_cli_usage_error(&cli, "--%s writes keyed records; -f %s does not apply",
                                  a.sorted ? "sorted" : "emit-keyed", ag_format_name(a.fmt));
    const char *const *inputs = (const char *const *)cli.args;
    size_t ninputs = (size_t)cli.nargs;
    if (ag_cli_check_outputs(&cli, &a.out_path, 1, inputs, ninputs) != 0)
        return AG_EXIT_USAGE;
    if (!a.keyed && (rc = ag_cli_output(&cli, a.out_path, &a.fmt)) >= 0)
        return rc;
    rc = AG_EXIT_FAIL;
    if (a.keyed) {
        /* Keyed records stream out while the shards are read (--sorted: as keys end). */
        if (ag_output_open(&out, a.out_path, &err) < 0 ||
            ag_merge_keyed(inputs, ninputs, a.sorted, &o, out.fp, &err) < 0 ||
            ag_output_commit(&out, &err) < 0)
            goto out;
    } else if (merge_graph(inputs, ninputs, &err) < 0) {
        goto out;
    }
    rc = AG_EXIT_OK;
out:
    ag_output_abort(&out);
    if (rc != AG_EXIT_OK)
        return ag_cli_fail(&cli, &err);
    return ag_cli_finish_stdout(&cli, rc);
}
