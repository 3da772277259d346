/*
 * analyze_measures.c - node centralities, with the expensive path-based ones spread
 * over threads (betweenness) or worker processes (closeness, harmonic).
 *
 * Every measure but betweenness is one igraph call with the parameters that give the
 * definitions of actorgraph/analyze/analyze.h (see the header); this file only chooses those
 * parameters and fixes up what igraph leaves undefined (closeness of an isolated node is
 * NaN in igraph and 0 here, because JSON has no NaN).
 *
 * Parallelism. igraph 0.10 as shipped by Debian is built without thread-local storage
 * for its error state and RNG, so two threads inside igraph at once are unsafe.
 * Betweenness therefore has its own thread-safe implementation (analyze_brandes.c).
 * Closeness and harmonic centrality are independent per node, so with jobs > 1 we fork
 * jobs-1 worker processes, each computing its share of the nodes with igraph on its
 * copy-on-write image of the graph and sending n doubles back through a pipe; the
 * parent computes share 0 and adds the shares. Processes share no igraph state, so this
 * is safe by construction. Nodes are dealt round-robin (i % jobs) so that shares cost
 * about the same. (PageRank, igraph's only OpenMP user here, may have run before a
 * fork, e.g. for --top --by pagerank; the children never enter OpenMP, so libgomp's
 * lack of fork support does not bite.)
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/error_internal.h"
#include "util/opts_internal.h"
#include "analyze/analyze_internal.h"

static const char *const measure_names[AG_MEASURE_COUNT] = {"degree",    "strength", "betweenness",
                                                            "closeness", "harmonic", "eigenvector",
                                                            "pagerank",  "coreness"};

const char *ag_measure_name(ag_measure m)
{
    return (unsigned)m < AG_MEASURE_COUNT ? measure_names[m] : "none";
}

int ag_measure_parse(const char *name, ag_measure *out)
{
    for (int m = 0; m < AG_MEASURE_COUNT; m++)
        if (strcmp(name, measure_names[m]) == 0) {
            *out = (ag_measure)m;
            return 0;
        }
    return -1;
}

int ag_measure_list_parse(const char *list, unsigned *mask, ag_error *err)
{
    unsigned acc = 0;
    const char *p = list;

    if (strcmp(list, "all") == 0) {
        *mask = AG_MEASURES_ALL;
        return 0;
    }
    if (strcmp(list, "none") == 0 || list[0] == '\0') {
        *mask = 0;
        return 0;
    }
    while (*p) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char item[32];
        ag_measure m;
        if (len == 0 || len >= sizeof item)
            return ag_error_set(err, AG_EINVAL, NULL, 0, 0, "bad measure list '%s'", list);
        memcpy(item, p, len);
        item[len] = '\0';
        if (ag_measure_parse(item, &m) < 0)
            return ag_error_set(err, AG_EINVAL, NULL, 0, 0,
                                "unknown measure '%s' (degree, strength, betweenness, "
                                "closeness, harmonic, eigenvector, pagerank, coreness, all)",
                                item);
        acc |= AG_MEASURE_BIT(m);
        p += len;
        if (*p == ',')
            p++;
    }
    *mask = acc;
    return 0;
}

void ag_scores_init(ag_scores *s) { memset(s, 0, sizeof *s); }

void ag_scores_destroy(ag_scores *s)
{
    for (int m = 0; m < AG_MEASURE_COUNT; m++)
        free(s->values[m]);
    memset(s, 0, sizeof *s);
}

/* ------------------------------------------------------------------ shares */

/* One all-pairs job, split into shares by source / vertex. */
typedef struct share_job {
    const ag__igraph *ig;      /* the graph */
    ag_measure measure;        /* CLOSENESS or HARMONIC */
    igraph_integer_t nsources; /* the vertex count */
} share_job;

/*
 * Compute share k of nshares into res[0, n): closeness/harmonic of vertices k,
 * k + nshares, ... (0 elsewhere), so the shares add up to the result.
 */
static int compute_share(const share_job *job, int k, int nshares, double *res, size_t n,
                         ag_error *err)
{
    const igraph_t *g = &job->ig->g;
    const igraph_vector_t *len = ag__igraph_lengths(job->ig);
    igraph_vector_int_t pick;
    igraph_vector_t out;
    igraph_error_t rc;
    int ret = -1, has_pick = 0, has_out = 0;

    memset(res, 0, n * sizeof *res);
    if ((rc = igraph_vector_int_init(&pick, 0)) != IGRAPH_SUCCESS)
        goto fail;
    has_pick = 1;
    for (igraph_integer_t i = k; i < job->nsources; i += nshares)
        if ((rc = igraph_vector_int_push_back(&pick, i)) != IGRAPH_SUCCESS)
            goto fail;
    if ((rc = igraph_vector_init(&out, 0)) != IGRAPH_SUCCESS)
        goto fail;
    has_out = 1;
    if (igraph_vector_int_size(&pick) == 0) {
        ret = 0;
        goto out;
    }
    switch (job->measure) {
    case AG_MEASURE_CLOSENESS:
    case AG_MEASURE_HARMONIC:
        if (job->measure == AG_MEASURE_CLOSENESS)
            rc =
                igraph_closeness(g, &out, NULL, NULL, igraph_vss_vector(&pick), IGRAPH_OUT, len, 1);
        else
            rc = igraph_harmonic_centrality(g, &out, igraph_vss_vector(&pick), IGRAPH_OUT, len, 0);
        if (rc != IGRAPH_SUCCESS)
            goto fail;
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(&pick); i++) {
            double v = VECTOR(out)[i];
            res[VECTOR(pick)[i]] = isfinite(v) ? v : 0.0; /* isolated: NaN -> 0 */
        }
        break;
    default:
        ag_error_set(err, AG_EINTERNAL, NULL, 0, 0, "no shared job for %s",
                     ag_measure_name(job->measure));
        goto out;
    }
    ret = 0;
    goto out;
fail:
    ag__igraph_fail(rc, ag_measure_name(job->measure), err);
out:
    if (has_pick)
        igraph_vector_int_destroy(&pick);
    if (has_out)
        igraph_vector_destroy(&out);
    return ret;
}

/* write(2)/read(2) the whole buffer; -1 on error or early end of file. */
static int write_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

static int read_all(int fd, void *buf, size_t len)
{
    char *p = buf;
    while (len > 0) {
        ssize_t r = read(fd, p, len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        p += r;
        len -= (size_t)r;
    }
    return 0;
}

/*
 * Worker process protocol on its pipe: an int status (0 ok), then n doubles, or on
 * failure the ag_error struct. The child leaves through _exit so that it never flushes
 * the parent's stdio buffers or runs its atexit handlers (which would remove the
 * parent's temporary output file).
 */
static void run_child(const share_job *job, int k, int nshares, size_t n, int fd)
{
    ag_error cerr;
    double *buf = malloc((n ? n : 1) * sizeof *buf);
    int status;

    ag_error_clear(&cerr);
    if (!buf)
        status = ag_error_set(&cerr, AG_ENOMEM, NULL, 0, 0, "out of memory in a worker");
    else
        status = compute_share(job, k, nshares, buf, n, &cerr);
    if (write_all(fd, &status, sizeof status) == 0) {
        if (status == 0)
            write_all(fd, buf, n * sizeof *buf);
        else
            write_all(fd, &cerr, sizeof cerr);
    }
    _exit(status == 0 ? 0 : 1);
}

/* Run job over `jobs` processes and add the shares into res[0, n). */
static int run_shared(const share_job *job, int jobs, double *res, size_t n, ag_error *err)
{
    pid_t pids[64];
    int fds[64];
    int nchild = 0, ret = -1;
    double *tmp = NULL;

    if (jobs > 64)
        jobs = 64;
    if (jobs > 1 && (igraph_integer_t)jobs > job->nsources)
        jobs = job->nsources > 1 ? (int)job->nsources : 1;
    if (jobs <= 1)
        return compute_share(job, 0, 1, res, n, err);

    fflush(NULL); /* nothing buffered may be written twice */
    for (int k = 1; k < jobs; k++) {
        int p[2];
        pid_t pid;
        if (pipe(p) < 0)
            break;
        pid = fork();
        if (pid < 0) {
            close(p[0]);
            close(p[1]);
            break;
        }
        if (pid == 0) {
            for (int c = 0; c < nchild; c++)
                close(fds[c]);
            close(p[0]);
            run_child(job, k, jobs, n, p[1]);
        }
        close(p[1]);
        pids[nchild] = pid;
        fds[nchild] = p[0];
        nchild++;
    }
    /* If a fork failed, the parent computes the shares no worker took. */
    if (compute_share(job, 0, jobs, res, n, err) < 0)
        goto out;
    tmp = malloc((n ? n : 1) * sizeof *tmp);
    if (!tmp) {
        ag__nomem(err);
        goto out;
    }
    for (int k = nchild + 1; k < jobs; k++) {
        if (compute_share(job, k, jobs, tmp, n, err) < 0)
            goto out;
        for (size_t i = 0; i < n; i++)
            res[i] += tmp[i];
    }
    for (int c = 0; c < nchild; c++) {
        int status = -1;
        if (read_all(fds[c], &status, sizeof status) < 0) {
            ag_error_set(err, AG_EINTERNAL, NULL, 0, 0, "%s worker died",
                         ag_measure_name(job->measure));
            goto out;
        }
        if (status != 0) {
            ag_error cerr;
            if (read_all(fds[c], &cerr, sizeof cerr) == 0)
                ag_error_set(err, cerr.code, NULL, 0, 0, "%s", cerr.msg);
            else
                ag_error_set(err, AG_EINTERNAL, NULL, 0, 0, "%s worker failed",
                             ag_measure_name(job->measure));
            goto out;
        }
        if (read_all(fds[c], tmp, n * sizeof *tmp) < 0) {
            ag_error_set(err, AG_EINTERNAL, NULL, 0, 0, "%s worker died",
                         ag_measure_name(job->measure));
            goto out;
        }
        for (size_t i = 0; i < n; i++)
            res[i] += tmp[i];
    }
    ret = 0;
out:
    for (int c = 0; c < nchild; c++) {
        close(fds[c]); /* a worker still writing gets EPIPE and ends */
        while (waitpid(pids[c], NULL, 0) < 0 && errno == EINTR)
            ;
    }
    free(tmp);
    return ret;
}

/* ------------------------------------------------------------------ the measures */

/* splitmix64: a tiny deterministic generator for choosing sampled sources. */
static uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Which betweenness o asks for on n nodes: exact, K sampled sources (the older scheme,
 * kept for --betweenness-samples: unbiased but without a stated error) or sampled pairs
 * with an error bound. */
static int betweenness(const ag_graph *g, const ag_centrality_opts *o, size_t n, double *res,
                       ag_scores *s, ag_error *err)
{
    long k = o->betweenness_samples;
    double eps = o->betweenness_error;
    size_t *sources = NULL;
    int ret;

    s->betweenness_samples = 0;
    s->betweenness_error = s->betweenness_confidence = 0;
    if (k < 0) {
        double budget = 0;
        if (eps < 0) {
            eps = n > AG_BETWEENNESS_AUTO_NODES ? AG_BETWEENNESS_AUTO_ERROR : 0;
            budget = AG_BETWEENNESS_AUTO_BUDGET;
        }
        if (eps > 0) {
            double conf = o->betweenness_confidence;
            if (!(eps < 1) || !(conf > 0 && conf < 1))
                return ag_error_set(err, AG_EINVAL, NULL, 0, 0,
                                    "betweenness error %g and confidence %g must be in (0, 1)", eps,
                                    conf);
            ret = ag__betweenness_pairs(g, o->weighted, &eps, conf, budget, o->seed, o->jobs, res,
                                        &s->betweenness_samples, err);
            if (ret == 0 && s->betweenness_samples > 0) {
                s->betweenness_error = eps;
                s->betweenness_confidence = conf;
            }
            return ret;
        }
        k = 0;
    }
    if (k > 0 && (size_t)k < n) {
        /* K distinct sources by a partial Fisher-Yates shuffle; the sum over them,
         * scaled by n/K, is an unbiased estimate of the sum over all sources. */
        uint64_t state = o->seed;
        sources = malloc(n * sizeof *sources);
        if (!sources)
            return ag__nomem(err);
        for (size_t i = 0; i < n; i++)
            sources[i] = i;
        for (long i = 0; i < k; i++) {
            size_t j = (size_t)i + (size_t)(splitmix64(&state) % (n - (size_t)i));
            size_t t = sources[i];
            sources[i] = sources[j];
            sources[j] = t;
        }
        s->betweenness_samples = k;
    }
    ret = ag__betweenness(g, o->weighted, sources, sources ? (size_t)k : n, o->jobs, res, err);
    if (ret == 0 && sources)
        for (size_t i = 0; i < n; i++)
            res[i] *= (double)n / (double)k;
    free(sources);
    return ret;
}

/* Power iteration on A + I from the uniform vector, scaled to a maximum of 1: the
 * fallback where ARPACK gives up. ARPACK does not converge where the largest eigenvalue
 * is shared in modulus (a directed cycle beside a self-loop, a periodic graph); adding
 * I keeps the eigenvectors and makes the Perron root the only one of largest modulus,
 * which is what networkx's eigenvector_centrality iterates on. Where the root is
 * defective, convergence is slow (1/k), so the steps are capped by work, not by count
 * alone; the result is then the nearest step to the limit, still a function of the
 * graph only. */
static int eigenvector_power(const ag__igraph *ig, const igraph_vector_t *w, double *res, size_t n,
                             ag_error *err)
{
    igraph_integer_t m = igraph_ecount(&ig->g);
    int directed = igraph_is_directed(&ig->g);
    double *next = malloc(n * sizeof *next);
    size_t steps = (size_t)(2e7 / (double)(n + (size_t)m + 1));

    if (!next)
        return ag__nomem(err);
    if (steps < 100)
        steps = 100;
    if (steps > 10000)
        steps = 10000;
    for (size_t i = 0; i < n; i++)
        res[i] = 1.0;
    for (size_t k = 0; k < steps; k++) {
        double max = 0.0, change = 0.0;

        memcpy(next, res, n * sizeof *next);
        for (igraph_integer_t e = 0; e < m; e++) {
            size_t from = (size_t)IGRAPH_FROM(&ig->g, e), to = (size_t)IGRAPH_TO(&ig->g, e);
            double we = w ? VECTOR(*w)[e] : 1.0;

            next[to] += we * res[from];
            if (!directed)
                next[from] += we * res[to];
        }
        for (size_t i = 0; i < n; i++)
            if (next[i] > max)
                max = next[i];
        for (size_t i = 0; i < n; i++) {
            double x = next[i] / max;

            change = fmax(change, fabs(x - res[i]));
            res[i] = x;
        }
        if (change < 1e-12)
            break;
    }
    free(next);
    return 0;
}

static int eigenvector(const ag__igraph *ig, double *res, size_t n, ag_error *err)
{
    igraph_vector_t v;
    igraph_arpack_options_t ao;
    igraph_real_t value;
    igraph_error_t rc;
    igraph_rng_t own, saved;
    const igraph_vector_t *w = ag__igraph_weights(ig);
    igraph_vector_t scaled;
    int has_scaled = 0;

    if (n == 0)
        return 0;
    igraph_arpack_options_init(&ao);
    /* Multiplying every weight by one factor does not change eigenvector centrality, but
     * it changes ARPACK's run: products of weights above about 1e154 overflow and it
     * fails ("Could not build an Arnoldi factorization"), and its absolute tolerance makes
     * the result inexact for weights of 1e-15 and below (the middle of a path at 0.957
     * instead of 1). Weights far from 1 are divided by the largest first. */
    if (w && igraph_vector_size(w) > 0) {
        double max = igraph_vector_max(w);
        if (max > 1e6 || max < 1e-6) {
            if ((rc = igraph_vector_init_copy(&scaled, w)) != IGRAPH_SUCCESS)
                return ag__igraph_fail(rc, "eigenvector", err);
            has_scaled = 1;
            for (igraph_integer_t i = 0; i < igraph_vector_size(&scaled); i++)
                VECTOR(scaled)[i] /= max;
            w = &scaled;
        }
    }
    if ((rc = igraph_vector_init(&v, 0)) != IGRAPH_SUCCESS) {
        if (has_scaled)
            igraph_vector_destroy(&scaled);
        return ag__igraph_fail(rc, "eigenvector", err);
    }
    /* igraph adds a random perturbation to the start vector, drawn from its default RNG:
     * where the leading eigenvector is not unique (a disconnected graph) the result
     * depended on whatever had drawn from that RNG before in the process. A fixed seed
     * of our own makes it a function of the graph. */
    if (ag__igraph_rng_push(&own, &saved, 42) < 0) {
        igraph_vector_destroy(&v);
        if (has_scaled)
            igraph_vector_destroy(&scaled);
        return ag__nomem(err);
    }
    rc = igraph_eigenvector_centrality(&ig->g, &v, &value, IGRAPH_DIRECTED, 1, w, &ao);
    ag__igraph_rng_pop(&own, &saved);
    if (rc == IGRAPH_SUCCESS)
        for (size_t i = 0; i < n; i++)
            res[i] = isfinite(VECTOR(v)[i]) ? fabs(VECTOR(v)[i]) : 0.0;
    igraph_vector_destroy(&v);
    if (rc == IGRAPH_ARPACK_MAXIT || rc == IGRAPH_DIVERGED) {
        int ret = eigenvector_power(ig, w, res, n, err);

        if (has_scaled)
            igraph_vector_destroy(&scaled);
        return ret;
    }
    if (has_scaled)
        igraph_vector_destroy(&scaled);
    return rc == IGRAPH_SUCCESS ? 0 : ag__igraph_fail(rc, "eigenvector", err);
}

static int pagerank(const ag__igraph *ig, double *res, size_t n, ag_error *err)
{
    igraph_vector_t v;
    igraph_real_t value;
    igraph_error_t rc;

    if (n == 0)
        return 0;
    if ((rc = igraph_vector_init(&v, 0)) != IGRAPH_SUCCESS)
        return ag__igraph_fail(rc, "pagerank", err);
    rc = igraph_pagerank(&ig->g, IGRAPH_PAGERANK_ALGO_PRPACK, &v, &value, igraph_vss_all(),
                         IGRAPH_DIRECTED, 0.85, ag__igraph_weights(ig), NULL);
    if (rc == IGRAPH_SUCCESS)
        memcpy(res, VECTOR(v), n * sizeof *res);
    igraph_vector_destroy(&v);
    return rc == IGRAPH_SUCCESS ? 0 : ag__igraph_fail(rc, "pagerank", err);
}

static int coreness(const ag__igraph *ig, double *res, size_t n, ag_error *err)
{
    igraph_vector_int_t c;
    igraph_error_t rc;

    if ((rc = igraph_vector_int_init(&c, 0)) != IGRAPH_SUCCESS)
        return ag__igraph_fail(rc, "coreness", err);
    rc = igraph_coreness(&ig->g, &c, IGRAPH_ALL);
    if (rc == IGRAPH_SUCCESS)
        for (size_t i = 0; i < n; i++)
            res[i] = (double)VECTOR(c)[i];
    igraph_vector_int_destroy(&c);
    return rc == IGRAPH_SUCCESS ? 0 : ag__igraph_fail(rc, "coreness", err);
}

/* igraph_degree / igraph_strength (loops counted twice, as in the edge loop). */
static int degree_strength(const ag__igraph *ig, int weighted, double *res, size_t n, ag_error *err)
{
    igraph_vector_t v;
    igraph_vector_int_t d;
    igraph_error_t rc;

    if (!weighted) { /* igraph_degree reads the degree off its index in O(V) */
        if ((rc = igraph_vector_int_init(&d, 0)) != IGRAPH_SUCCESS)
            return ag__igraph_fail(rc, "degree", err);
        rc = igraph_degree(&ig->g, &d, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS);
        if (rc == IGRAPH_SUCCESS)
            for (size_t i = 0; i < n; i++)
                res[i] = (double)VECTOR(d)[i];
        igraph_vector_int_destroy(&d);
        return rc == IGRAPH_SUCCESS ? 0 : ag__igraph_fail(rc, "degree", err);
    }
    if ((rc = igraph_vector_init(&v, 0)) != IGRAPH_SUCCESS)
        return ag__igraph_fail(rc, "strength", err);
    rc = igraph_strength(&ig->g, &v, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS,
                         ag__igraph_weights(ig));
    if (rc == IGRAPH_SUCCESS)
        memcpy(res, VECTOR(v), n * sizeof *res);
    igraph_vector_destroy(&v);
    return rc == IGRAPH_SUCCESS ? 0 : ag__igraph_fail(rc, "strength", err);
}

int ag_analyze_centrality(const ag_graph *g, const ag_centrality_opts *opts, ag_scores *s,
                          ag_error *err)
{
    ag_centrality_opts o = opts ? *opts : (ag_centrality_opts)AG_CENTRALITY_OPTS_INIT;
    ag__igraph_handlers saved;
    ag__igraph ig;
    int ret = -1;

    if (!o.measures)
        return ag__centrality_ig(g, NULL, &o, s, err);
    ag__igraph_enter(&saved);
    if (ag__igraph_from_graph(g, o.weighted, &ig, err) == 0) {
        ret = ag__centrality_ig(g, &ig, &o, s, err);
        ag__igraph_destroy(&ig);
    }
    ag__igraph_leave(&saved);
    return ret;
}

int ag__centrality_ig(const ag_graph *g, const ag__igraph *ig, const ag_centrality_opts *opts,
                      ag_scores *s, ag_error *err)
{
    ag_centrality_opts o = *opts;
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g);

    ag_scores_destroy(s);
    s->n = n;
    if (o.jobs < 1)
        o.jobs = 1;
    for (int k = 0; k < AG_MEASURE_COUNT; k++) {
        if (!(o.measures & AG_MEASURE_BIT(k)))
            continue;
        s->values[k] = calloc(n ? n : 1, sizeof(double));
        if (!s->values[k])
            return ag__nomem(err);
    }
    for (int k = 0; k < AG_MEASURE_COUNT; k++) {
        double *res = s->values[k], t0 = ag__now(), c0 = ag__cpu_now();
        int rc = 0;
        if (!res)
            continue;
        if (!ig && k != AG_MEASURE_DEGREE && k != AG_MEASURE_STRENGTH)
            return ag_error_set(err, AG_EINTERNAL, NULL, 0, 0, "no igraph view for %s",
                                ag_measure_name((ag_measure)k));
        switch ((ag_measure)k) {
        case AG_MEASURE_DEGREE:
        case AG_MEASURE_STRENGTH:
            if (ig) {
                rc = degree_strength(ig, k == AG_MEASURE_STRENGTH && o.weighted, res, n, err);
                break;
            }
            for (size_t e = 0; e < m; e++) {
                double w = k == AG_MEASURE_DEGREE || !o.weighted ? 1.0 : ag_edge_weight(g, e);
                res[ag_edge_source(g, e)] += w;
                res[ag_edge_target(g, e)] += w;
            }
            break;
        case AG_MEASURE_BETWEENNESS:
            rc = betweenness(g, &o, n, res, s, err);
            break;
        case AG_MEASURE_CLOSENESS:
        case AG_MEASURE_HARMONIC: {
            share_job job = {ig, (ag_measure)k, (igraph_integer_t)n};
            rc = run_shared(&job, o.jobs, res, n, err);
            break;
        }
        case AG_MEASURE_EIGENVECTOR:
            rc = eigenvector(ig, res, n, err);
            break;
        case AG_MEASURE_PAGERANK:
            /* One thread whatever o.jobs says: PRPACK's OpenMP loops are a small part of
             * its work (its Gauss-Seidel sweeps are serial), so a second thread was no
             * faster even at 1M links, and up to 20 times slower when another process
             * kept the other core busy (its threads spin while they wait); see
             * bench/analyze-bench.sh. */
            ag__igraph_threads(1);
            rc = pagerank(ig, res, n, err);
            break;
        case AG_MEASURE_CORENESS:
            rc = coreness(ig, res, n, err);
            break;
        default:
            break;
        }
        if (rc < 0)
            return -1;
        s->seconds[k] = ag__now() - t0;
        s->cpu_seconds[k] = ag__cpu_now() - c0;
    }
    return 0;
}

int ag_centrality_opts_init(ag_centrality_opts *opts, unsigned int version)
{
    static const ag_centrality_opts defaults = AG_CENTRALITY_OPTS_INIT;
    return ag__opts_init(opts, version, &defaults, sizeof defaults);
}
