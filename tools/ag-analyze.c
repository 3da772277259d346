/*
 * ag-analyze - centralities, communities and filters for an actor graph.
 * Reads a graph (any format the foundation sniffs), writes it back with the results as
 * node and graph attributes. All the work is in libcore (actorgraph/analyze/analyze.h); this
 * file maps options onto ag_analyze_opts.
 */
#include <stdlib.h>
#include <string.h>

#include <actorgraph/analyze/analyze.h>
#include "analyze_run.h"
#include "cli.h"
#include <actorgraph/io/io.h>

enum {
    K_CENTRALITY = 256, K_UNWEIGHTED, K_SAMPLES, K_COMMUNITIES, K_RESOLUTION, K_SEED,
    K_ASSOC, K_MINW, K_MIND, K_TYPES, K_MET, K_TOP, K_BY, K_GIANT, K_EGO, K_BACKBONE,
    K_REPORT, K_REPORT_JSON, K_TIMINGS, K_TRIALS
};

static const ag_cli_opt options[] = {
    {"output", 'o', "FILE", "write the graph to FILE (default: stdout)"},
    {"format", 'f', "FMT", "output format: json (default), graphml, gexf, gml, dot, tsv, csv"},
    {"centrality", K_CENTRALITY, "LIST", "measures: degree,strength,betweenness,closeness,"
     "harmonic,eigenvector,pagerank,coreness, all or none (default: degree,strength,"
     "betweenness,pagerank,coreness)"},
    {"unweighted", K_UNWEIGHTED, NULL, "ignore link weights"},
    {"betweenness-samples", K_SAMPLES, "K", "estimate betweenness from K random sources "
     "(0: exact; default exact up to 20000 nodes, else 100)"},
    {"jobs", 'j', "N", "parallel jobs for betweenness, closeness, harmonic, PageRank (default 1)"},
    {"communities", K_COMMUNITIES, "ALGO", "leiden (default), louvain, labelprop, infomap, "
     "walktrap or none"},
    {"resolution", K_RESOLUTION, "R", "modularity resolution (default 1)"},
    {"trials", K_TRIALS, "N", "community runs, best modularity kept (default 10, 1 above "
     "200000 links)"},
    {"seed", K_SEED, "N", "random seed for communities and sampling (default 42)"},
    {"association", K_ASSOC, "KIND", "filter: reweight links: count, pmi, npmi, jaccard, dice"},
    {"min-weight", K_MINW, "W", "filter: keep links of weight >= W"},
    {"min-degree", K_MIND, "K", "filter: keep nodes with >= K links"},
    {"types", K_TYPES, "LIST", "filter: keep actors of these types (person,org,country,...)"},
    {"met-only", K_MET, NULL, "filter: keep links whose actors met"},
    {"top", K_TOP, "N", "filter: keep the N highest-ranked actors (see --by)"},
    {"by", K_BY, "MEASURE", "ranking measure for --top (default pagerank)"},
    {"giant", K_GIANT, NULL, "filter: keep the largest connected component"},
    {"ego", K_EGO, "NAME[:R]", "filter: keep actors within R links (default 1) of NAME"},
    {"backbone", K_BACKBONE, "ALPHA", "filter: disparity-filter backbone at level ALPHA"},
    {"report", K_REPORT, NULL, "print a summary on stderr"},
    {"report-json", K_REPORT_JSON, "FILE", "write the summary as JSON to FILE"},
    {"timings", K_TIMINGS, NULL, "print the time each step took on stderr"},
    {"quiet", 'q', NULL, "no progress output"},
    AG_CLI_COMMON_OPTS};

static ag_cli cli = {"ag-analyze", "[OPTION]... [FILE]",
                     "Add centralities and communities to an actor graph (FILE or stdin), "
                     "after the filters in the order given.",
                     options,
                     "Example: ag-extract news/ | ag-analyze --giant --report | ag-render -o g.svg",
                     {{0}}, "", 0};

typedef struct args {
    ag_analyze_run_opts r; /* the job */
    ag_measure by;         /* --by, for every --top */
} args;

static int filter(args *x, ag_filter_kind kind, const char *arg)
{
    ag_error err;
    ag_error_clear(&err);
    if (x->r.analyze.nfilters == AG_ANALYZE_MAX_FILTERS)
        return ag_cli_usage_error(&cli, "too many filters (at most %d)", AG_ANALYZE_MAX_FILTERS);
    if (ag_filter_parse(kind, arg ? arg : "", &x->r.analyze.filters[x->r.analyze.nfilters], &err) < 0)
        return ag_cli_usage_error(&cli, "%s", err.msg);
    x->r.analyze.nfilters++;
    return 0;
}

static int parse(args *x, int argc, char **argv)
{
    const char *arg;
    ag_error err;
    long l;
    int c, rc = 0;

    ag_error_clear(&err);
    while (rc == 0 && (c = ag_cli_getopt(&cli, argc, argv, &arg)) != -1) {
        switch (c) {
        case 'o': x->r.output = arg; break;
        case 'f':
            if (ag_format_parse(arg, &x->r.format) < 0 || x->r.format >= AG_FMT_SVG)
                rc = ag_cli_usage_error(&cli, "cannot write format '%s' (pictures: ag-render)", arg);
            break;
        case K_CENTRALITY:
            if (ag_measure_list_parse(arg, &x->r.analyze.centrality.measures, &err) < 0)
                rc = ag_cli_usage_error(&cli, "%s", err.msg);
            break;
        case K_UNWEIGHTED: x->r.analyze.centrality.weighted = x->r.analyze.community.weighted = 0; break;
        case K_SAMPLES:
            rc = ag_cli_parse_long(&cli, "--betweenness-samples", arg, 0, 1L << 40, &l) < 0 ? 2 : 0;
            x->r.analyze.centrality.betweenness_samples = l;
            break;
        case 'j':
            rc = ag_cli_parse_long(&cli, "--jobs", arg, 1, 64, &l) < 0 ? 2 : 0;
            x->r.analyze.centrality.jobs = (int)l;
            break;
        case K_COMMUNITIES:
            if (ag_community_algo_parse(arg, &x->r.analyze.community.algo) < 0)
                rc = ag_cli_usage_error(&cli, "unknown community algorithm '%s'", arg);
            break;
        case K_RESOLUTION:
            rc = ag_cli_parse_double(&cli, "--resolution", arg, 1e-9, 1e9, &x->r.analyze.community.resolution) < 0 ? 2 : 0;
            break;
        case K_TRIALS:
            rc = ag_cli_parse_long(&cli, "--trials", arg, 1, 1000, &l) < 0 ? 2 : 0;
            x->r.analyze.community.trials = (int)l;
            break;
        case K_SEED:
            rc = ag_cli_parse_long(&cli, "--seed", arg, 0, 2147483647L, &l) < 0 ? 2 : 0;
            x->r.analyze.community.seed = x->r.analyze.centrality.seed = (unsigned long)l;
            break;
        case K_ASSOC: rc = filter(x, AG_FILTER_ASSOCIATION, arg); break;
        case K_MINW: rc = filter(x, AG_FILTER_MIN_WEIGHT, arg); break;
        case K_MIND: rc = filter(x, AG_FILTER_MIN_DEGREE, arg); break;
        case K_TYPES: rc = filter(x, AG_FILTER_TYPES, arg); break;
        case K_MET: rc = filter(x, AG_FILTER_MET_ONLY, NULL); break;
        case K_TOP: rc = filter(x, AG_FILTER_TOP, arg); break;
        case K_GIANT: rc = filter(x, AG_FILTER_GIANT, NULL); break;
        case K_EGO: rc = filter(x, AG_FILTER_EGO, arg); break;
        case K_BACKBONE: rc = filter(x, AG_FILTER_BACKBONE, arg); break;
        case K_BY:
            if (ag_measure_parse(arg, &x->by) < 0)
                rc = ag_cli_usage_error(&cli, "unknown measure '%s' for --by", arg);
            break;
        case K_REPORT: x->r.report = stderr; break;
        case K_REPORT_JSON: x->r.report_json = arg; break;
        case K_TIMINGS: x->r.timings = stderr; break;
        case 'q': break;
        }
    }
    if (rc == 0 && argc - optind > 1)
        rc = ag_cli_usage_error(&cli, "at most one input file");
    x->r.input = optind < argc ? argv[optind] : NULL;
    if (rc == 0) {
        const char *outs[] = {x->r.output, x->r.report_json};
        rc = ag_cli_check_outputs(&cli, outs, 2, &x->r.input, 1);
    }
    for (int i = 0; i < x->r.analyze.nfilters; i++)
        if (x->r.analyze.filters[i].kind == AG_FILTER_TOP)
            x->r.analyze.filters[i].by = x->by;
    return rc;
}

int main(int argc, char **argv)
{
    args x = {AG_ANALYZE_RUN_OPTS_INIT, AG_MEASURE_PAGERANK};
    ag_error err;
    int rc;

    ag_cli_init(&cli);
    ag_error_clear(&err);
    if ((rc = parse(&x, argc, argv)) != 0)
        return rc;
    if (ag_analyze_run(&x.r, &err) < 0)
        return ag_cli_finish_stdout(&cli, ag_cli_fail(&cli, &err));
    return ag_cli_finish_stdout(&cli, AG_EXIT_OK);
}
