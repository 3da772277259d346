/*
 * ag-analyze - centralities, communities and filters for an actor graph.
 * Reads a graph (any format the foundation sniffs), writes it back with the results as
 * node and graph attributes. All the work is in libcore (actorgraph/analyze/analyze.h); this
 * file binds the options to ag_analyze_opts.
 */
#include <stdio.h>

#include <actorgraph/analyze/analyze.h>
#include "analyze_run.h"
#include "cli.h"
#include <actorgraph/io/io.h>

#define MAX_FILTERS 32 /* filter options per run */

static ag_analyze_run_opts r = AG_ANALYZE_RUN_OPTS_INIT; /* the job */

/* Options that land in r only after parsing (one option, several fields). */
static struct {
    ag_filter filters[MAX_FILTERS]; /* the filter options, in order */
    ag_measure by;                  /* --by, for every --top */
    int unweighted;                 /* --unweighted: measures and communities */
    long seed;                      /* --seed, -1: not given */
    int report, timings;            /* --report, --timings: on stderr */
} a = {.by = AG_MEASURE_PAGERANK, .seed = -1};

/* A filter option (the row's value is its ag_filter_kind): appended in order. */
static int add_filter(const ag_cli *cli, const ag_cli_opt *opt, const char *arg)
{
    ag_error err;
    ag_error_clear(&err);
    if (r.analyze.nfilters == MAX_FILTERS)
        return ag_cli_usage_error(cli, "too many filters (at most %d)", MAX_FILTERS);
    if (ag_filter_parse((ag_filter_kind)opt->value, arg ? arg : "", &a.filters[r.analyze.nfilters],
                        &err) < 0)
        return ag_cli_usage_error(cli, "%s", err.msg);
    r.analyze.filters = a.filters;
    r.analyze.nfilters++;
    return 0;
}

static int parse_centrality(const ag_cli *cli, const ag_cli_opt *opt, const char *arg)
{
    ag_error err;
    ag_error_clear(&err);
    if (ag_measure_list_parse(arg, &r.analyze.centrality.measures, &err) < 0)
        return ag_cli_usage_error(cli, "%s", err.msg);
    return 0;
}

static int parse_communities(const ag_cli *cli, const ag_cli_opt *opt, const char *arg)
{
    if (ag_community_algo_parse(arg, &r.analyze.community.algo) < 0) {
        const char *names[AG_COMMUNITY_WALKTRAP + 1];
        for (int i = 0; i <= AG_COMMUNITY_WALKTRAP; i++)
            names[i] = ag_community_algo_name((ag_community_algo)i);
        return ag_cli_bad_choice(cli, "community algorithm", arg, names, AG_COMMUNITY_WALKTRAP + 1);
    }
    return 0;
}

static int parse_by(const ag_cli *cli, const ag_cli_opt *opt, const char *arg)
{
    if (ag_measure_parse(arg, &a.by) < 0) {
        const char *names[AG_MEASURE_COUNT];
        for (int i = 0; i < AG_MEASURE_COUNT; i++)
            names[i] = ag_measure_name((ag_measure)i);
        return ag_cli_bad_choice(cli, "measure for --by", arg, names, AG_MEASURE_COUNT);
    }
    return 0;
}

#define FILTER(name, arg, help, kind) AG_CLI_OPT_CALL(name, 0, arg, help, add_filter, NULL, kind)

static const ag_cli_opt options[] = {
    AG_CLI_OPT_OUTPUT("write the graph to FILE (default: stdout)", &r.output),
    AG_CLI_OPT_FORMAT("FMT", "output format: json (default), graphml, gexf, gml, dot, tsv, csv",
                      &r.format),
    AG_CLI_OPT_CALL("centrality", 0, "LIST",
                    "measures: degree,strength,betweenness,closeness,"
                    "harmonic,eigenvector,pagerank,coreness, all or none (default: degree,"
                    "strength,betweenness,pagerank,coreness)",
                    parse_centrality, NULL, 0),
    AG_CLI_OPT_FLAG("unweighted", 0, "ignore link weights", &a.unweighted, 1),
    AG_CLI_OPT_DOUBLE("betweenness-error", 0, "EPS",
                      "estimate betweenness from sampled node "
                      "pairs, each node within EPS times the pair count (0: exact; default "
                      "exact up to 20000 nodes, else 0.02 or what fits the time budget)",
                      &r.analyze.centrality.betweenness_error, 0, 0.5),
    AG_CLI_OPT_DOUBLE("betweenness-confidence", 0, "P",
                      "probability that every estimate is "
                      "within the error (default 0.9)",
                      &r.analyze.centrality.betweenness_confidence, 0.01, 0.999999),
    AG_CLI_OPT_LONG("betweenness-samples", 0, "K",
                    "estimate betweenness from K random "
                    "sources instead, no error bound (0: exact); wins over --betweenness-error",
                    &r.analyze.centrality.betweenness_samples, 0, 1L << 40),
    AG_CLI_OPT_JOBS("parallel jobs for betweenness, closeness, harmonic (default 1; PageRank "
                    "is faster on one)",
                    &r.analyze.centrality.jobs),
    AG_CLI_OPT_CALL("communities", 0, "ALGO",
                    "leiden (default), louvain, labelprop, infomap, "
                    "walktrap or none",
                    parse_communities, NULL, 0),
    AG_CLI_OPT_DOUBLE("resolution", 0, "R", "modularity resolution (default 1)",
                      &r.analyze.community.resolution, 1e-9, 1e9),
    AG_CLI_OPT_INT("trials", 0, "N",
                   "community runs, best modularity kept (default 10, 1 "
                   "above 200000 links)",
                   &r.analyze.community.trials, 1, 1000),
    AG_CLI_OPT_LONG("seed", 0, "N", "random seed for communities and sampling (default 42)",
                    &a.seed, 0, 2147483647L),
    FILTER("association", "KIND", "filter: reweight links: count, pmi, npmi, jaccard, dice",
           AG_FILTER_ASSOCIATION),
    FILTER("min-weight", "W", "filter: keep links of weight >= W", AG_FILTER_MIN_WEIGHT),
    FILTER("min-degree", "K", "filter: keep nodes with >= K links", AG_FILTER_MIN_DEGREE),
    FILTER("types", "LIST", "filter: keep actors of these types (person,org,country,...)",
           AG_FILTER_TYPES),
    FILTER("met-only", NULL, "filter: keep links whose actors met", AG_FILTER_MET_ONLY),
    FILTER("top", "N", "filter: keep the N highest-ranked actors (see --by)", AG_FILTER_TOP),
    AG_CLI_OPT_CALL("by", 0, "MEASURE", "ranking measure for --top (default pagerank)", parse_by,
                    NULL, 0),
    FILTER("giant", NULL, "filter: keep the largest connected component", AG_FILTER_GIANT),
    FILTER("ego", "NAME[:R]", "filter: keep actors within R links (default 1) of NAME",
           AG_FILTER_EGO),
    FILTER("backbone", "ALPHA", "filter: disparity-filter backbone at level ALPHA",
           AG_FILTER_BACKBONE),
    AG_CLI_OPT_FLAG("report", 0, "print a summary on stderr", &a.report, 1),
    AG_CLI_OPT_STRING("report-json", 0, "FILE", "write the summary as JSON to FILE",
                      &r.report_json),
    AG_CLI_OPT_FLAG("timings", 0, "print the time each step took on stderr", &a.timings, 1),
    AG_CLI_OPT_QUIET("no progress output", NULL),
    AG_CLI_OPTS_END};

static ag_cli cli = {
    .prog = "ag-analyze",
    .synopsis = "[OPTION]... [FILE]",
    .summary = "Add centralities and communities to an actor graph (FILE or stdin), "
               "after the filters in the order given.",
    .opts = options,
    .footer = "Example: ag-extract news/ | ag-analyze --giant --report | ag-render -o g.svg",
    .writes = AG_CLI_WRITES_DATA | AG_CLI_FMT_BIT(AG_FMT_AUTO),
    .default_format = AG_FMT_JSON,
    .format_error = "cannot write format",
    .format_hint = " (pictures: ag-render)"};

int main(int argc, char **argv)
{
    ag_error err;
    int rc;

    ag_cli_init(&cli);
    ag_error_clear(&err);
    if ((rc = ag_cli_parse(&cli, argc, argv)) >= 0)
        return rc;
    if (cli.nargs > 1)
        return ag_cli_usage_error(&cli, "at most one input file");
    r.input = cli.nargs ? cli.args[0] : NULL;
    const char *outs[] = {r.output, r.report_json};
    if (ag_cli_check_outputs(&cli, outs, 2, &r.input, 1) != 0)
        return AG_EXIT_USAGE;
    if ((rc = ag_cli_output(&cli, r.output, &r.format)) >= 0)
        return rc;
    for (size_t i = 0; i < r.analyze.nfilters; i++)
        if (a.filters[i].kind == AG_FILTER_TOP)
            a.filters[i].by = a.by;
    if (a.unweighted)
        r.analyze.centrality.weighted = r.analyze.community.weighted = 0;
    if (a.seed >= 0)
        r.analyze.community.seed = r.analyze.centrality.seed = (unsigned long)a.seed;
    r.report = a.report ? stderr : NULL;
    r.timings = a.timings ? stderr : NULL;
    if (ag_analyze_run(&r, &err) < 0)
        return ag_cli_finish_stdout(&cli, ag_cli_fail(&cli, &err));
    return ag_cli_finish_stdout(&cli, AG_EXIT_OK);
}
