/*
 * ag-merge - combine the keyed records of sharded `ag-extract --emit-keyed` runs into the
 * graph a single run would give (or, as a reducer, into fewer keyed records). The work is
 * in libcore/merge.c.
 */
#include "cli.h"
#include <actorgraph/io/io.h>
#include <actorgraph/render/render.h>
#include <actorgraph/extract/merge.h>

enum { K_SORTED = 256, K_EMIT_KEYED, K_MET_ONLY, K_NO_VARIANTS, K_EVIDENCE };

static const ag_cli_opt options[] = {
    {"output", 'o', "FILE", "write to FILE (default: stdout)"},
    {"format", 'f', "FORMAT", "graph format: json (default), graphml, gexf, dot, gml, tsv, csv"},
    {"sorted", K_SORTED, NULL, "input is key-sorted: reduce it in bounded memory, write keyed records"},
    {"emit-keyed", K_EMIT_KEYED, NULL, "write combined keyed records instead of the graph"},
    {"met-only", K_MET_ONLY, NULL, "keep only links whose actors met"},
    {"no-variants", K_NO_VARIANTS, NULL, "do not merge spelling variants (as ag-extract)"},
    {"evidence", K_EVIDENCE, "N", "evidence records per link (default: as extracted)"},
    {"quiet", 'q', NULL, "accepted for symmetry; ag-merge shows no progress"},
    AG_CLI_COMMON_OPTS};

static ag_cli cli = {
    .prog = "ag-merge",
    .synopsis = "[OPTION]... [FILE]...",
    .summary = "Combine the records of ag-extract --emit-keyed runs over disjoint shards into\n"
               "exactly the graph one ag-extract run over all documents gives.",
    .opts = options,
    .footer = "Example: ls shards | parallel 'ag-extract -q --emit-keyed shards/{} > {}.keyed'\n"
              "         ag-merge *.keyed > graph.json\n"};

int main(int argc, char **argv)
{
    ag_merge_opts o = AG_MERGE_OPTS_INIT;
    const char *out_path = NULL, *arg;
    ag_format fmt = AG_FMT_AUTO;
    int key, sorted = 0, keyed = 0, rc = AG_EXIT_FAIL;
    long num;
    ag_error err;
    ag_output out = {0};
    ag_graph *g = NULL;

    ag_cli_init(&cli);
    ag_error_clear(&err);
    while ((key = ag_cli_getopt(&cli, argc, argv, &arg)) != -1) {
        switch (key) {
        case 'o': out_path = arg; break;
        case 'f':
            if (ag_format_parse(arg, &fmt) < 0 || fmt == AG_FMT_SVG || fmt == AG_FMT_PNG ||
                fmt == AG_FMT_PDF)
                return ag_cli_usage_error(&cli, "unknown or picture format '%s'", arg);
            break;
        case K_SORTED: sorted = keyed = 1; break;
        case K_EMIT_KEYED: keyed = 1; break;
        case K_MET_ONLY: o.met_only = 1; break;
        case K_NO_VARIANTS: o.variants = 0; break;
        case K_EVIDENCE:
            if (ag_cli_parse_long(&cli, "--evidence", arg, 0, 10, &num) < 0)
                return AG_EXIT_USAGE;
            o.evidence = (int)num;
            break;
        case 'q': break;
        }
    }
    if (fmt == AG_FMT_AUTO && (!out_path || (fmt = ag_format_from_path(out_path)) == AG_FMT_AUTO))
        fmt = AG_FMT_JSON;
    const char *const *inputs = (const char *const *)argv + optind;
    size_t ninputs = (size_t)(argc - optind);
    if (ag_cli_check_outputs(&cli, &out_path, 1, inputs, ninputs) != 0)
        return AG_EXIT_USAGE;
    if (fmt == AG_FMT_CSV && !keyed) {
        if (!(g = ag_merge_graph(inputs, ninputs, &o, &err)) ||
            ag_graph_write_csv(g, out_path ? out_path : "graph", &err) < 0)
            goto out;
    } else {
        if (ag_output_open(&out, out_path, &err) < 0)
            goto out;
        if (keyed ? ag_merge_keyed(inputs, ninputs, sorted, &o, out.fp, &err) < 0
                  : !(g = ag_merge_graph(inputs, ninputs, &o, &err)) ||
                        ag_graph_write(g, fmt, out.fp, NULL, &err) < 0)
            goto out;
        if (ag_output_commit(&out, &err) < 0)
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
