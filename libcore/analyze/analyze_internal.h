/*
 * analyze_internal.h - what the analyze*.c files share: the bridge to igraph.
 *
 * Ownership: an ag__igraph owns the igraph_t and vectors in it; release it with
 * ag__igraph_destroy (safe on a zeroed or half-built one).
 *
 * The analyze*.c files are the only libcore files that include igraph headers, and
 * analyze_igraph.c is the only one that touches igraph's process-wide state (error and
 * warning handlers, the RNG seed).
 */
#ifndef AG_ANALYZE_INTERNAL_H
#define AG_ANALYZE_INTERNAL_H

#include <igraph/igraph.h>
#include <actorgraph/analyze/analyze.h>

/* The graph as igraph sees it: vertex i is node i, edge e is link e. */
typedef struct ag__igraph {
    igraph_t g;                /* the structure */
    igraph_vector_t w;         /* weight per edge (1 when unweighted) */
    igraph_vector_t len;       /* length 1/weight per edge, for path-based measures */
    int has_g, has_w, has_len; /* which members are initialised */
    int weighted;              /* w holds the real weights (else all 1; len is unused) */
} ag__igraph;

/* igraph's process-wide handlers as they were before ag__igraph_enter. */
typedef struct ag__igraph_handlers {
    igraph_error_handler_t *error;     /* NULL: igraph's default (abort) */
    igraph_warning_handler_t *warning; /* NULL: igraph's default (print) */
} ag__igraph_handlers;

/* Install the library's non-aborting error handler and quiet warning handler, saving the
 * ones in place into *saved; ag__igraph_leave(saved) puts those back. Every public
 * analyze function that runs igraph brackets its work with the pair (nesting is fine:
 * an inner pair saves and restores the outer one's handlers). */
void ag__igraph_enter(ag__igraph_handlers *saved);
void ag__igraph_leave(const ag__igraph_handlers *saved);

/* Turn a failed igraph call into *err ("WHAT: igraph's reason"); returns -1. */
int ag__igraph_fail(igraph_error_t rc, const char *what, ag_error *err);

/* Seed igraph's default RNG (deterministic runs). */
void ag__igraph_seed(unsigned long seed);
/* Make *own, seeded with seed, igraph's default RNG until ag__igraph_rng_pop, keeping
 * the one it replaces in *saved; -1 (nothing changed) when igraph cannot set one up. For
 * igraph calls that draw a little randomness (eigenvector centrality perturbs its start
 * vector) whose result must not depend on earlier draws, without moving the host's
 * stream. */
int ag__igraph_rng_push(igraph_rng_t *own, igraph_rng_t *saved, unsigned long seed);
void ag__igraph_rng_pop(igraph_rng_t *own, igraph_rng_t *saved);

/*
 * Build the igraph view of g. weighted 1 copies link weights (they must be positive and
 * finite: AG_EINVAL naming the link otherwise) and their reciprocal lengths.
 * Time complexity: O(V + E).
 */
int ag__igraph_from_graph(const ag_graph *g, int weighted, ag__igraph *out, ag_error *err);
void ag__igraph_destroy(ag__igraph *ig);

/* Weight and length vectors to hand igraph: NULL when unweighted (igraph is faster). */
const igraph_vector_t *ag__igraph_weights(const ag__igraph *ig);
const igraph_vector_t *ag__igraph_lengths(const ag__igraph *ig);

/* ag_analyze_centrality and ag_analyze_communities on an igraph view built by the caller
 * (ig may be NULL when only degree/strength are asked for), so one build serves both. */
int ag__centrality_ig(const ag_graph *g, const ag__igraph *ig, const ag_centrality_opts *o,
                      ag_scores *s, ag_error *err);
/* 1 when algo is defined on undirected graphs only (Leiden, Louvain, Walktrap): a directed
 * graph gets its communities on the undirected view (each arc an undirected link). */
int ag__community_undirected_only(ag_community_algo algo);
int ag__communities_ig(const ag__igraph *ig, const ag_community_opts *o, long *membership,
                       long *ncomm, double *modularity, double call_seconds[2], ag_error *err);

/*
 * Betweenness (raw, each unordered pair once when undirected) of every node of g into
 * res[0, n), from sources[0, nsources) (NULL: every node) on `jobs` threads; lengths
 * 1/weight when weighted (weights must be positive: the caller checks). Does not call
 * igraph, so it is safe on threads. Time O(S E log V) weighted, O(S E) unweighted, for
 * S sources; memory O(jobs (V + E)).
 */
int ag__betweenness(const ag_graph *g, int weighted, const size_t *sources, size_t nsources,
                    int jobs, double *res, ag_error *err);

/*
 * Betweenness of every node of g estimated from sampled node pairs (see
 * analyze_brandes.c): with probability `confidence`, every res[v] is within *eps * P of
 * the exact value (P = n(n-1)/2 undirected, n(n-1) directed). budget > 0 caps the work
 * at about that many arc scans: when the samples *eps needs would cost more, fewer are
 * drawn and *eps grows to what they guarantee. *samples receives the pairs drawn (0 when
 * n < 3: every betweenness is 0). The result depends on seed only, not on jobs. Does not
 * call igraph. Time about O(r E' log V) for r = O(log(VD)/eps^2) samples and E' the arcs
 * one bidirectional search scans; memory O(jobs V + E).
 */
int ag__betweenness_pairs(const ag_graph *g, int weighted, double *eps, double confidence,
                          double budget, unsigned long seed, int jobs, double *res, long *samples,
                          ag_error *err);

/* Threads igraph's OpenMP-parallel routines (PageRank) may use. */
void ag__igraph_threads(int n);

/* Monotonic clock in seconds; CPU time of the process in seconds. */
double ag__now(void);
double ag__cpu_now(void);

/* A node with a score, for rankings. */
typedef struct ag__ranked {
    double score; /* the value ranked by */
    size_t node;  /* node index; equal scores go to the smaller index (smaller id) */
} ag__ranked;

/* Sort r[0, n) by score, highest first. Time O(n log n). */
void ag__rank(ag__ranked *r, size_t n);

/* Degree of every node of g (loops count twice) into deg[0, n). Time O(V + E). */
void ag__degrees(const ag_graph *g, long *deg);

#endif
