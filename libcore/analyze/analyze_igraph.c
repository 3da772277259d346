/*
 * analyze_igraph.c - the boundary between actorgraph and igraph.
 *
 * igraph 0.10 aborts the process on any error unless an error handler is installed, and
 * prints warnings to stderr; library code may do neither. So each public analyze call
 * that runs igraph installs, on entry (ag__igraph_enter), a handler that records igraph's
 * reason in a buffer and frees igraph's temporaries (IGRAPH_FINALLY_FREE, which every
 * handler must call) and a warning handler that stays quiet, and puts back the host's
 * handlers on exit (ag__igraph_leave): the handlers are process-wide, and a program that
 * uses igraph itself must find its own in place after our call. ag__igraph_fail turns the
 * returned code plus the recorded reason into an ag_error. This is the only file that
 * touches igraph's global state.
 */
#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyze/analyze_internal.h"

/* ------------------------------------------------------------------ handlers */

static _Thread_local char last_reason[256]; /* igraph's message for the last error */

static void on_igraph_error(const char *reason, const char *file, int line,
                            igraph_error_t igraph_errno)
{
    (void)file;
    (void)line;
    (void)igraph_errno;
    snprintf(last_reason, sizeof last_reason, "%s", reason ? reason : "");
    IGRAPH_FINALLY_FREE();
}

static void on_igraph_warning(const char *reason, const char *file, int line)
{
    /* Warnings (e.g. "graph is disconnected" from eigenvector centrality) describe
     * conditions the caller documents for itself; a library must not print them. */
    (void)reason;
    (void)file;
    (void)line;
}

void ag__igraph_enter(ag__igraph_handlers *saved)
{
    saved->error = igraph_set_error_handler(on_igraph_error);
    saved->warning = igraph_set_warning_handler(on_igraph_warning);
    last_reason[0] = '\0';
}

void ag__igraph_leave(const ag__igraph_handlers *saved)
{
    igraph_set_error_handler(saved->error);
    igraph_set_warning_handler(saved->warning);
}

int ag__igraph_fail(igraph_error_t rc, const char *what, ag_error *err)
{
    int code = rc == IGRAPH_ENOMEM        ? AG_ENOMEM
               : rc == IGRAPH_INTERRUPTED ? AG_EINTR
               : rc == IGRAPH_EINVAL      ? AG_EINVAL
                                          : AG_EINTERNAL;
    const char *reason = last_reason[0] ? last_reason : igraph_strerror(rc);
    ag_error_set(err, code, NULL, 0, 0, "%s: %s", what, reason);
    last_reason[0] = '\0';
    return -1;
}

void ag__igraph_seed(unsigned long seed)
{
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
}

/* igraph_rng_set_default copies the struct into igraph's global, so the host's RNG is
 * kept as a copy (its state lives elsewhere and is not touched meanwhile). */
int ag__igraph_rng_push(igraph_rng_t *own, igraph_rng_t *saved, unsigned long seed)
{
    if (igraph_rng_init(own, &igraph_rngtype_pcg32) != IGRAPH_SUCCESS)
        return -1;
    igraph_rng_seed(own, (igraph_uint_t)seed);
    *saved = *igraph_rng_default();
    igraph_rng_set_default(own);
    return 0;
}

void ag__igraph_rng_pop(igraph_rng_t *own, igraph_rng_t *saved)
{
    igraph_rng_set_default(saved);
    igraph_rng_destroy(own);
}

/*
 * Debian's igraph runs PRPACK (PageRank) with OpenMP, by default on every core. On a
 * machine whose cores are busy with other work, OpenMP's spinning threads make PageRank
 * several times slower and its time erratic, so we hold it to the --jobs the user gave.
 * igraph does not expose the setting, and linking OpenMP ourselves would tie the build
 * to one compiler's runtime, so we look up omp_set_num_threads in the libgomp that
 * igraph already loaded (no-op when igraph was built without OpenMP).
 */
void ag__igraph_threads(int n)
{
    void (*set)(int);
    *(void **)&set = dlsym(RTLD_DEFAULT, "omp_set_num_threads");
    if (set)
        set(n < 1 ? 1 : n);
}

double ag__now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int by_score(const void *a, const void *b)
{
    const ag__ranked *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return (x->node > y->node) - (x->node < y->node);
}

void ag__rank(ag__ranked *r, size_t n) { qsort(r, n, sizeof *r, by_score); }

double ag__cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void ag__degrees(const ag_graph *g, long *deg)
{
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g);
    memset(deg, 0, n * sizeof *deg);
    for (size_t e = 0; e < m; e++) {
        deg[ag_edge_source(g, e)]++;
        deg[ag_edge_target(g, e)]++;
    }
}

/* ------------------------------------------------------------------ conversion */

void ag__igraph_destroy(ag__igraph *ig)
{
    if (ig->has_g)
        igraph_destroy(&ig->g);
    if (ig->has_w)
        igraph_vector_destroy(&ig->w);
    if (ig->has_len)
        igraph_vector_destroy(&ig->len);
    ig->has_g = ig->has_w = ig->has_len = 0;
}

int ag__igraph_from_graph(const ag_graph *g, int weighted, ag__igraph *out, ag_error *err)
{
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g);
    igraph_vector_int_t edges;
    igraph_error_t rc;
    int ret = -1, has_edges = 0;

    memset(out, 0, sizeof *out);
    out->weighted = weighted;
    if ((rc = igraph_vector_int_init(&edges, (igraph_integer_t)(2 * m))) != IGRAPH_SUCCESS)
        goto fail;
    has_edges = 1;
    for (size_t e = 0; e < m; e++) {
        VECTOR(edges)[2 * e] = (igraph_integer_t)ag_edge_source(g, e);
        VECTOR(edges)[2 * e + 1] = (igraph_integer_t)ag_edge_target(g, e);
    }
    if ((rc = igraph_create(&out->g, &edges, (igraph_integer_t)n,
                            ag_graph_is_directed(g) ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED)) !=
        IGRAPH_SUCCESS)
        goto fail;
    out->has_g = 1;
    if ((rc = igraph_vector_init(&out->w, (igraph_integer_t)m)) != IGRAPH_SUCCESS)
        goto fail;
    out->has_w = 1;
    if ((rc = igraph_vector_init(&out->len, (igraph_integer_t)m)) != IGRAPH_SUCCESS)
        goto fail;
    out->has_len = 1;
    for (size_t e = 0; e < m; e++) {
        double w = weighted ? ag_edge_weight(g, e) : 1.0;
        if (!(w > 0.0) || !isfinite(w)) {
            ag_error_set(err, AG_EINVAL, NULL, 0, 0,
                         "link %s -- %s has weight %g; weighted measures need positive "
                         "weights (use --unweighted or --min-weight)",
                         ag_node_id(g, ag_edge_source(g, e)), ag_node_id(g, ag_edge_target(g, e)),
                         w);
            goto out;
        }
        VECTOR(out->w)[e] = w;
        VECTOR(out->len)[e] = 1.0 / w;
    }
    ret = 0;
    goto out;
fail:
    ag__igraph_fail(rc, "building the igraph graph", err);
out:
    if (has_edges)
        igraph_vector_int_destroy(&edges);
    if (ret < 0)
        ag__igraph_destroy(out);
    return ret;
}

const igraph_vector_t *ag__igraph_weights(const ag__igraph *ig)
{
    return ig->weighted ? &ig->w : NULL;
}

const igraph_vector_t *ag__igraph_lengths(const ag__igraph *ig)
{
    return ig->weighted ? &ig->len : NULL;
}
