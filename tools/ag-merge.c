/*
 * ag-merge - combine the keyed records of sharded `ag-extract --emit-keyed` runs into the
 * graph a single run would give (or, as a reducer, into fewer keyed records). The work is
 * in libcore/extract/merge.c.
 */
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
} a = {NULL, AG_FMT_AUTO, 0, 0};

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
    AG_CLI_OPT_QUIET("accepted for symmetry; ag-merge shows no progress", NULL),
    AG_CLI_OPTS_END};

static ag_cli cli = {
    .prog = "ag-merge",
    .synopsis = "[OPTION]... [FILE]...",
    .summary = "Combine the records of ag-extract --emit-keyed runs over disjoint shards into\n"
               "exactly the graph one ag-extract run over all documents gives.",
    .opts = options,
    .footer = "Example: ls shards | parallel 'ag-extract -q --emit-keyed shards/{} > {}.keyed'\n"
              "         ag-merge *.keyed > graph.json\n",
    .writes = AG_CLI_WRITES_DATA | AG_CLI_FMT_BIT(AG_FMT_AUTO),
    .default_format = AG_FMT_JSON,
    .format_error = "unknown or picture format"};

int main(int argc, char **argv)
{
    int rc;
    ag_error err;
    ag_output out = {0};
    ag_graph *g = NULL;

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
    } else if (!(g = ag_merge_graph(inputs, ninputs, &o, &err)) ||
               ag_graph_save(g, a.out_path, a.fmt, NULL, &err) < 0) {
        goto out;
    }
    rc = AG_EXIT_OK;
out:
    ag_output_abort(&out);
    ag_graph_free(g);
    if (rc != AG_EXIT_OK)
        return ag_cli_fail(&cli, &err);
    return ag_cli_finish_stdout(&cli, rc);
}
