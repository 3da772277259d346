/*
 * actorgraph/analyze/analyze.h - centralities, communities and the filters that make a
 * co-mention graph readable (the library behind ag-analyze).
 *
 * Ownership: options, filter lists and graphs are borrowed for the duration of a call.
 * Results go into caller-owned storage: an ag_scores filled by ag_analyze_centrality is
 * released with ag_scores_destroy; ag_analyze_graph and the filters edit the caller's
 * graph in place. ag_analyze_report_json returns a new JSON reference the caller decrefs.
 * Thread safety: none of these calls may run concurrently with another call of this
 * module, nor with any other use of igraph in the process (igraph 0.10 as Debian builds it
 * keeps its error handlers, warning handler and default RNG in plain globals). Parallel
 * work (opts.jobs) never runs igraph on two threads: betweenness uses the library's own
 * thread-safe code on jobs threads, closeness and harmonic fork jobs-1 worker processes,
 * PageRank gets jobs OpenMP threads inside one igraph call.
 * igraph's handlers: igraph aborts the process on an error unless a handler is installed.
 * Every function here that calls igraph (ag_analyze_graph, ag_analyze_centrality,
 * ag_analyze_communities, ag_analyze_modularity, ag_filter_apply) installs actorgraph's
 * own error and warning handlers on entry and puts back the ones it found on exit, so a
 * host that uses igraph itself (python-igraph, R) keeps its handlers between calls.
 * Community detection seeds igraph's default RNG (opts.seed) and leaves it seeded.
 *
 * Conventions (they match ../shared/reference/README.md): edge weights are strengths.
 * Path-based measures (betweenness, closeness, harmonic) use length = 1/weight;
 * eigenvector, PageRank and communities use the weight as is. Betweenness is raw (each
 * unordered pair once), closeness is (r-1)/sum of distances over the r nodes reachable
 * from a node (0 for an isolated node), harmonic is the raw sum of 1/d, eigenvector is
 * scaled to max 1, PageRank uses damping 0.85 and sums to 1.
 */
#ifndef ACTORGRAPH_ANALYZE_H
#define ACTORGRAPH_ANALYZE_H

#include <stdio.h>
#include <jansson.h>
#include <actorgraph/util/error.h>
#include <actorgraph/graph/graph.h>
#include <actorgraph/io/io.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- measures */

typedef enum ag_measure {
    AG_MEASURE_DEGREE = 0, /* incident links */
    AG_MEASURE_STRENGTH,   /* sum of incident weights */
    AG_MEASURE_BETWEENNESS,
    AG_MEASURE_CLOSENESS,
    AG_MEASURE_HARMONIC,
    AG_MEASURE_EIGENVECTOR,
    AG_MEASURE_PAGERANK,
    AG_MEASURE_CORENESS, /* k-core number, always unweighted */
    AG_MEASURE_COUNT     /* number of measures; also "none" where a measure is optional */
} ag_measure;

#define AG_MEASURE_BIT(m) (1u << (m))
#define AG_MEASURES_ALL (AG_MEASURE_BIT(AG_MEASURE_COUNT) - 1u)
/* The default set: cheap on any graph, plus betweenness (sampled on big graphs). */
#define AG_MEASURES_DEFAULT                                                                        \
    (AG_MEASURE_BIT(AG_MEASURE_DEGREE) | AG_MEASURE_BIT(AG_MEASURE_STRENGTH) |                     \
     AG_MEASURE_BIT(AG_MEASURE_BETWEENNESS) | AG_MEASURE_BIT(AG_MEASURE_PAGERANK) |                \
     AG_MEASURE_BIT(AG_MEASURE_CORENESS))

/* The attribute name of a measure ("degree", ...). Static storage. */
AG_API const char *ag_measure_name(ag_measure m);
/* Parse one measure name; -1 when unknown. */
AG_API int ag_measure_parse(const char *name, ag_measure *out);
/* Parse "all", "none" or a comma-separated list of measure names into a bit mask;
 * -1 (err set, naming the bad item) when an item is unknown. */
AG_API int ag_measure_list_parse(const char *list, unsigned *mask, ag_error *err);

/* Above this many nodes betweenness is estimated, unless asked otherwise, from sampled
 * node pairs with error AG_BETWEENNESS_AUTO_ERROR at confidence
 * AG_BETWEENNESS_AUTO_CONFIDENCE (see betweenness_error below), or a larger error where
 * the samples for that one would scan more than AG_BETWEENNESS_AUTO_BUDGET arcs (about
 * 1 s of one core of this project's 2026 test machine; eps about 0.044 on 100k nodes
 * and 1M links). */
#define AG_BETWEENNESS_AUTO_NODES 20000
#define AG_BETWEENNESS_AUTO_ERROR 0.02
#define AG_BETWEENNESS_AUTO_CONFIDENCE 0.9
#define AG_BETWEENNESS_AUTO_BUDGET 1.2e8

typedef struct ag_centrality_opts {
    unsigned int version;          /* AG_CENTRALITY_OPTS_VERSION */
    unsigned measures;             /* AG_MEASURE_BIT mask */
    int weighted;                  /* 1: use link weights (default), 0: every weight is 1 */
    long betweenness_samples;      /* 0: exact; K > 0: estimate from K random sources, scaled
                                    * by n/K (no error bound); -1: as betweenness_error says.
                                    * Wins over betweenness_error when >= 0. */
    int jobs;                      /* parallel jobs (>= 1); see "Thread safety" above */
    unsigned long seed;            /* for sampled betweenness */
    double betweenness_error;      /* eps in (0, 1): estimate from sampled node pairs so that,
                                    * with probability betweenness_confidence, every node's
                                    * betweenness is within eps * P of the exact value (P: the
                                    * pairs, n(n-1)/2 undirected, n(n-1) directed); 0: exact;
                                    * -1: exact up to AG_BETWEENNESS_AUTO_NODES nodes, else
                                    * AG_BETWEENNESS_AUTO_ERROR */
    double betweenness_confidence; /* 1 - delta in (0, 1) for betweenness_error */
} ag_centrality_opts;

#define AG_CENTRALITY_OPTS_VERSION 1
#define AG_CENTRALITY_OPTS_INIT                                                                    \
    {                                                                                              \
        .version = AG_CENTRALITY_OPTS_VERSION, .measures = AG_MEASURES_DEFAULT, .weighted = 1,     \
        .betweenness_samples = -1, .jobs = 1, .seed = 42, .betweenness_error = -1,                 \
        .betweenness_confidence = AG_BETWEENNESS_AUTO_CONFIDENCE                                   \
    }

/* Fill *opts with the defaults of AG_CENTRALITY_OPTS_INIT for the struct layout of
 * `version` (pass AG_CENTRALITY_OPTS_VERSION). 0, or -1 leaving *opts untouched when the
 * library does not know that version. */
AG_API int ag_centrality_opts_init(ag_centrality_opts *opts, unsigned int version);

/* Per-node results: values[m] is NULL for a measure not computed, else n doubles. */
typedef struct ag_scores {
    size_t n;                             /* nodes */
    double *values[AG_MEASURE_COUNT];     /* owned by the struct */
    long betweenness_samples;             /* sources (betweenness_samples) or node pairs
                                           * (betweenness_error) sampled, else 0 */
    double seconds[AG_MEASURE_COUNT];     /* wall time each measure took */
    double cpu_seconds[AG_MEASURE_COUNT]; /* CPU time of this process (all threads; forked
                                           * workers not included) */
    double betweenness_error;             /* eps of the estimate from node pairs, else 0 */
    double betweenness_confidence;        /* its confidence 1 - delta, else 0 */
} ag_scores;

AG_API void ag_scores_init(ag_scores *s);
AG_API void ag_scores_destroy(ag_scores *s);

/*
 * Compute the measures in opts->measures for every node of g into *s (initialised with
 * ag_scores_init; earlier contents are released). Weighted measures fail with AG_EINVAL
 * when a weight is not a positive finite number.
 * Time complexity: degree, strength, coreness O(V + E); PageRank and eigenvector about
 * O(E) per iteration; closeness, harmonic and exact betweenness O(V E log V) weighted,
 * O(V E) unweighted (divided by opts->jobs); sampled betweenness O(K E log V).
 */
AG_API int ag_analyze_centrality(const ag_graph *g, const ag_centrality_opts *opts, ag_scores *s,
                                 ag_error *err);

/* ---------------------------------------------------------------- communities */

typedef enum ag_community_algo {
    AG_COMMUNITY_NONE = 0,
    AG_COMMUNITY_LEIDEN,    /* Leiden, modularity objective (default) */
    AG_COMMUNITY_LOUVAIN,   /* multilevel modularity optimisation */
    AG_COMMUNITY_LABELPROP, /* label propagation */
    AG_COMMUNITY_INFOMAP,   /* map equation, 10 trials */
    AG_COMMUNITY_WALKTRAP   /* random walks of 4 steps, cut at the best modularity */
} ag_community_algo;

/* "none", "leiden", ... Static storage. */
AG_API const char *ag_community_algo_name(ag_community_algo a);
/* -1 when unknown. */
AG_API int ag_community_algo_parse(const char *name, ag_community_algo *out);

typedef struct ag_community_opts {
    unsigned int version;   /* AG_COMMUNITY_OPTS_VERSION */
    ag_community_algo algo; /* which algorithm */
    double resolution;      /* modularity resolution gamma (Leiden, Louvain; Q uses it too) */
    int weighted;           /* 1: use link weights */
    unsigned long seed;     /* igraph's RNG is seeded with it before the run */
    int trials;             /* runs of a randomised algorithm; the highest modularity wins.
                             * 0: AG_COMMUNITY_AUTO_TRIALS up to AG_COMMUNITY_AUTO_LINKS
                             * links, 1 above */
} ag_community_opts;

#define AG_COMMUNITY_AUTO_TRIALS 10
#define AG_COMMUNITY_AUTO_LINKS 200000
#define AG_COMMUNITY_OPTS_VERSION 1
#define AG_COMMUNITY_OPTS_INIT                                                                     \
    {                                                                                              \
        .version = AG_COMMUNITY_OPTS_VERSION, .algo = AG_COMMUNITY_LEIDEN, .resolution = 1.0,      \
        .weighted = 1, .seed = 42, .trials = 0                                                     \
    }

/* Like ag_centrality_opts_init, with the defaults of AG_COMMUNITY_OPTS_INIT. */
AG_API int ag_community_opts_init(ag_community_opts *opts, unsigned int version);

/*
 * Detect communities: membership[i] (n = node count entries, caller-owned) receives the
 * community of node i, numbered by size (0 = largest; equal sizes by their first node),
 * *ncomm the number of communities and *modularity the modularity Q of the partition
 * (with opts->resolution). Either output pointer may be NULL.
 * Time complexity: Leiden and Louvain about O(E) per pass; walktrap O(E V^2) worst case.
 */
AG_API int ag_analyze_communities(const ag_graph *g, const ag_community_opts *opts,
                                  long *membership, long *ncomm, double *modularity, ag_error *err);

/*
 * Modularity Q = 1/(2W) sum_ij [w_ij - gamma s_i s_j / (2W)] delta(c_i, c_j) of the
 * partition membership[0, n) (any non-negative labels). weighted 0 uses weight 1.
 * Time complexity: O(V + E).
 */
AG_API int ag_analyze_modularity(const ag_graph *g, const long *membership, double resolution,
                                 int weighted, double *q, ag_error *err);

/* ---------------------------------------------------------------- filters */

typedef enum ag_filter_kind {
    AG_FILTER_ASSOCIATION = 0, /* reweight links (num = ag_association) */
    AG_FILTER_MIN_WEIGHT,      /* keep links with weight >= num */
    AG_FILTER_MIN_DEGREE,      /* keep nodes with degree >= count */
    AG_FILTER_TYPES,           /* keep nodes whose type is in mask (bits of ag_actor_type) */
    AG_FILTER_MET_ONLY,        /* keep links with met = true */
    AG_FILTER_TOP,             /* keep the count nodes ranked highest by measure `by` */
    AG_FILTER_GIANT,           /* keep the largest connected component */
    AG_FILTER_EGO,             /* keep nodes within count hops of the node named name */
    AG_FILTER_BACKBONE         /* disparity filter: keep links significant at level num */
} ag_filter_kind;

typedef enum ag_association {
    AG_ASSOC_COUNT = 0, /* the raw co-mention count */
    AG_ASSOC_PMI,       /* log(N n_ab / (n_a n_b)); links with PMI <= 0 are dropped */
    AG_ASSOC_NPMI,      /* PMI / -log(n_ab / N), in (0, 1]; links <= 0 dropped */
    AG_ASSOC_JACCARD,   /* n_ab / (n_a + n_b - n_ab) */
    AG_ASSOC_DICE       /* 2 n_ab / (n_a + n_b) */
} ag_association;

/* "count", "pmi", ... Static storage. */
AG_API const char *ag_association_name(ag_association a);
AG_API int ag_association_parse(const char *name, ag_association *out);

#define AG_FILTER_NAME_MAX 512 /* bytes of an --ego name, NUL included */

typedef struct ag_filter {
    ag_filter_kind kind;           /* what to do */
    double num;                    /* MIN_WEIGHT threshold, BACKBONE alpha, ASSOCIATION kind */
    long count;                    /* MIN_DEGREE k, TOP n, EGO radius */
    unsigned mask;                 /* TYPES: bit (1 << ag_actor_type) per kept type */
    ag_measure by;                 /* TOP: the ranking measure */
    char name[AG_FILTER_NAME_MAX]; /* EGO: node id or alias */
} ag_filter;

/*
 * Fill *f from the command-line argument of filter `kind`: ASSOCIATION a name (count,
 * pmi, ...), MIN_WEIGHT a number, MIN_DEGREE and TOP a whole number, TYPES a comma list
 * of actor types, EGO "NAME[:RADIUS]" (radius 1 by default; only a trailing ":digits"
 * is a radius, so names may contain ':'), BACKBONE a level in (0, 1]. TOP ranks by
 * PageRank unless f->by is changed afterwards. AG_EINVAL on a bad argument.
 */
AG_API int ag_filter_parse(ag_filter_kind kind, const char *arg, ag_filter *f, ag_error *err);

/*
 * Apply one filter to g in place. Node and link attributes of what is kept are untouched
 * (ASSOCIATION replaces weights and keeps the raw count as link attribute "count").
 * copts gives the weighting (and jobs) used when TOP ranks by a measure; may be NULL.
 * Time complexity: O(V + E), except TOP (the measure's cost plus O(V log V)).
 */
AG_API int ag_filter_apply(ag_graph *g, const ag_filter *f, const ag_centrality_opts *copts,
                           ag_error *err);

/* ---------------------------------------------------------------- the whole job */

typedef struct ag_analyze_opts {
    unsigned int version;          /* AG_ANALYZE_OPTS_VERSION */
    const ag_filter *filters;      /* nfilters filters applied in order before anything
                                    * else; borrowed, may be NULL when nfilters is 0 */
    size_t nfilters;               /* entries of filters */
    ag_centrality_opts centrality; /* measures (mask 0: none) */
    ag_community_opts community;   /* communities (algo NONE: none) */
} ag_analyze_opts;

#define AG_ANALYZE_OPTS_VERSION 1
#define AG_ANALYZE_OPTS_INIT                                                                       \
    {                                                                                              \
        .version = AG_ANALYZE_OPTS_VERSION, .filters = NULL, .nfilters = 0,                        \
        .centrality = AG_CENTRALITY_OPTS_INIT, .community = AG_COMMUNITY_OPTS_INIT                 \
    }

/* Like ag_centrality_opts_init, with the defaults of AG_ANALYZE_OPTS_INIT (no filters;
 * the nested centrality and community options at their own defaults). */
AG_API int ag_analyze_opts_init(ag_analyze_opts *opts, unsigned int version);

/* Step timings of the last ag_analyze_graph call, for --timings and the benchmark. */
typedef struct ag_analyze_stats {
    double filter_seconds;                        /* all filters */
    double measure_seconds[AG_MEASURE_COUNT];     /* each measure (0 when not computed) */
    double community_seconds;                     /* community detection and Q */
    double community_call_seconds;                /* of which in the algorithm's igraph calls */
    double measure_cpu_seconds[AG_MEASURE_COUNT]; /* CPU time, as ag_scores.cpu_seconds */
    double community_call_cpu_seconds;            /* CPU time of the algorithm's igraph calls */
    double sort_seconds;   /* checking (and, when needed, making) the canonical order */
    double igraph_seconds; /* building the igraph view the measures and communities share */
    double attrs_seconds;  /* storing the results as node and graph attributes */
} ag_analyze_stats;

/*
 * The ag-analyze job on g, in place: the filters in order, then the measures (node
 * attributes named after them: integers for degree and coreness, reals otherwise), then
 * communities (node attribute "community", graph attributes "modularity",
 * "communities" and "community_algorithm"). Graph attribute "betweenness_samples" is set
 * when betweenness was estimated. Finally the graph is put in canonical order.
 * stats may be NULL.
 */
AG_API int ag_analyze_graph(ag_graph *g, const ag_analyze_opts *opts, ag_analyze_stats *stats,
                            ag_error *err);

/*
 * A summary of an analysed graph, built from its attributes: counts (nodes, links,
 * components, density, total weight), the top `top` actors by each measure present,
 * communities with sizes and their leading members (by PageRank, else degree) and the
 * modularity. New reference, NULL on allocation failure.
 */
AG_API json_t *ag_analyze_report_json(const ag_graph *g, int top, ag_error *err);
/* The same summary as readable text on f. */
AG_API int ag_analyze_report_print(const json_t *report, FILE *f, ag_error *err);

#ifdef __cplusplus
}
#endif
#endif
