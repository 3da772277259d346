/*
 * analyze_brandes.c - betweenness centrality (Brandes 2001) on several threads.
 *
 * Why not igraph_betweenness: igraph 0.10 as Debian ships it keeps its error state and
 * RNG in globals, so it must never run on two threads at once, and forking processes to
 * split the sources only brought us level with graph-tool. This file is self-contained
 * (no igraph, no shared state besides read-only inputs), so each thread runs Brandes
 * from its own share of sources into its own buffers, and the shares are added in thread
 * order at the end (deterministic for a given number of jobs). Per thread it is also
 * about twice as fast as igraph's: a compressed adjacency array with lengths inline,
 * an indexed 4-ary heap with decrease-key, and parents kept in per-node slots sized by
 * the node's in-arcs (a parent is the tail of an arc into the node, once per parallel
 * arc), so nothing is allocated per source. Directed graphs need their own in-arc
 * offsets: a node with more in-arcs than out-arcs has more parents than out-slots.
 *
 * Ties. With lengths 1/w, mathematically equal path lengths (1/3 + 1/6 and 1/2) need not
 * be equal as doubles. Like igraph (igraph_cmp_epsilon, IGRAPH_SHORTEST_PATH_EPSILON),
 * two lengths count as equal when they differ by less than 1e-10 relative to their sum;
 * this reproduces the exact rational reference values (../shared/reference, pitfall 1),
 * which a comparison with == does not.
 *
 * Semantics: a path is counted once per sequence of links, so parallel links multiply
 * the number of shortest paths, as in igraph; self-loops are never on a shortest path.
 * Undirected graphs count each unordered pair once (the sum over sources is halved).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze_internal.h"

#define TIE_EPSILON 1e-10

/* One directed arc of the adjacency array. */
typedef struct arc {
    double len; /* path length of the link: 1/weight, or 1 when unweighted */
    int to;     /* head node */
} arc;

typedef struct bgraph {
    size_t n;          /* nodes */
    size_t *off;       /* arcs of v: a[off[v], off[v + 1]) */
    size_t *poff;      /* parent slots of v start at poff[v]: in-arcs before v; == off
                          when undirected */
    arc *a;            /* arcs */
    int weighted;      /* 0: breadth-first search instead of Dijkstra */
    int directed;      /* 1: arcs follow link direction only */
} bgraph;

/* Per-thread state: the shared inputs plus everything one source run needs. */
typedef struct worker {
    const bgraph *g;       /* the graph (read only) */
    const size_t *sources; /* candidate sources, NULL: all nodes */
    size_t nsources;       /* entries of sources (or n) */
    size_t first, step;    /* this worker takes sources first, first + step, ... */
    double *res;           /* n: this worker's sum of dependencies */
    double *dist, *sigma, *delta; /* n each: distance, shortest-path count, dependency */
    int *npar, *par;       /* parents of v: par[poff[v], poff[v] + npar[v]) */
    int *order, *heap, *pos; /* nodes in order settled; heap (or queue); heap slots */
    unsigned char *done;   /* settled */
} worker;

/* a vs b with the relative tolerance: -1 shorter, 0 tie, 1 longer. Both are >= 0. */
static inline int cmp_len(double a, double b)
{
    double d = a - b, tol = TIE_EPSILON * (a + b);
    return d >= tol ? 1 : -d >= tol ? -1 : 0;
}

static inline void heap_up(int *h, int *pos, const double *key, int i)
{
    int v = h[i];
    double k = key[v];
    while (i > 0) {
        int p = (i - 1) >> 2;
        if (key[h[p]] <= k)
            break;
        h[i] = h[p];
        pos[h[i]] = i;
        i = p;
    }
    h[i] = v;
    pos[v] = i;
}

static inline void heap_down(int *h, int *pos, const double *key, int n, int i)
{
    int v = h[i];
    double k = key[v];
    for (;;) {
        int c = 4 * i + 1, best, end;
        double bk;
        if (c >= n)
            break;
        best = c;
        bk = key[h[c]];
        end = c + 4 < n ? c + 4 : n;
        for (int j = c + 1; j < end; j++)
            if (key[h[j]] < bk) {
                bk = key[h[j]];
                best = j;
            }
        if (bk >= k)
            break;
        h[i] = h[best];
        pos[h[i]] = i;
        i = best;
    }
    h[i] = v;
    pos[v] = i;
}

/* Shortest paths from s (settling order in w->order), then the dependency sweep. */
static void one_source(worker *w, int s)
{
    const bgraph *g = w->g;
    const size_t *off = g->off, *poff = g->poff;
    const arc *a = g->a;
    double *dist = w->dist, *sigma = w->sigma, *delta = w->delta;
    int *npar = w->npar, *par = w->par, *order = w->order, *heap = w->heap, *pos = w->pos;
    unsigned char *done = w->done;
    int settled = 0, hn = 0, head = 0;

    for (size_t i = 0; i < g->n; i++) {
        dist[i] = -1;
        sigma[i] = 0;
        delta[i] = 0;
        npar[i] = 0;
        done[i] = 0;
    }
    dist[s] = 0;
    sigma[s] = 1;
    if (g->weighted) {
        heap[hn] = s;
        pos[s] = hn++;
        while (hn > 0) {
            int v = heap[0];
            double dv = dist[v];
            heap[0] = heap[--hn];
            if (hn > 0)
                heap_down(heap, pos, dist, hn, 0);
            done[v] = 1;
            order[settled++] = v;
            for (size_t k = off[v]; k < off[v + 1]; k++) {
                int u = a[k].to;
                double alt;
                int c;
                if (done[u])
                    continue;
                alt = dv + a[k].len;
                c = dist[u] < 0 ? -2 : cmp_len(alt, dist[u]);
                if (c > 0)
                    continue;
                if (c == 0) { /* another shortest path */
                    sigma[u] += sigma[v];
                    par[poff[u] + (size_t)npar[u]++] = v;
                    continue;
                }
                dist[u] = alt;
                sigma[u] = sigma[v];
                npar[u] = 1;
                par[poff[u]] = v;
                if (c == -2) {
                    heap[hn] = u;
                    heap_up(heap, pos, dist, hn++);
                } else {
                    heap_up(heap, pos, dist, pos[u]);
                }
            }
        }
    } else {
        heap[hn++] = s; /* used as a FIFO queue */
        while (head < hn) {
            int v = heap[head++];
            order[settled++] = v;
            for (size_t k = off[v]; k < off[v + 1]; k++) {
                int u = a[k].to;
                if (dist[u] < 0) {
                    dist[u] = dist[v] + 1;
                    heap[hn++] = u;
                }
                if (dist[u] == dist[v] + 1) {
                    sigma[u] += sigma[v];
                    par[poff[u] + (size_t)npar[u]++] = v;
                }
            }
        }
    }
    while (settled > 0) {
        int v = order[--settled];
        double coeff = (1.0 + delta[v]) / sigma[v];
        for (int k = 0; k < npar[v]; k++) {
            int p = par[poff[v] + (size_t)k];
            delta[p] += sigma[p] * coeff;
        }
        if (v != s)
            w->res[v] += delta[v];
    }
}

static void *run_worker(void *arg)
{
    worker *w = arg;
    for (size_t i = w->first; i < w->nsources; i += w->step)
        one_source(w, (int)(w->sources ? w->sources[i] : i));
    return NULL;
}

static void worker_free(worker *w)
{
    free(w->res);
    free(w->dist);
    free(w->sigma);
    free(w->delta);
    free(w->npar);
    free(w->par);
    free(w->order);
    free(w->heap);
    free(w->pos);
    free(w->done);
}

static int worker_init(worker *w, const bgraph *g, size_t narcs)
{
    size_t n = g->n ? g->n : 1;
    w->res = calloc(n, sizeof *w->res);
    w->dist = malloc(n * sizeof *w->dist);
    w->sigma = malloc(n * sizeof *w->sigma);
    w->delta = malloc(n * sizeof *w->delta);
    w->npar = malloc(n * sizeof *w->npar);
    w->par = malloc((narcs ? narcs : 1) * sizeof *w->par);
    w->order = malloc(n * sizeof *w->order);
    w->heap = malloc(n * sizeof *w->heap);
    w->pos = malloc(n * sizeof *w->pos);
    w->done = malloc(n);
    return w->res && w->dist && w->sigma && w->delta && w->npar && w->par && w->order &&
                   w->heap && w->pos && w->done
               ? 0
               : -1;
}

int ag__betweenness(const ag_graph *g, int weighted, const size_t *sources, size_t nsources,
                    int jobs, double *res, ag_error *err)
{
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g), narcs = 0;
    bgraph bg = {n, NULL, NULL, NULL, weighted, ag_graph_is_directed(g)};
    worker *w = NULL;
    pthread_t *tid = NULL;
    int *started = NULL, ret = -1;

    if (n > 0x7fffffff)
        return ag_error_set(err, AG_ELIMIT, NULL, 0, 0, "betweenness: too many nodes");
    memset(res, 0, n * sizeof *res);
    if (!sources)
        nsources = n;
    if (jobs < 1)
        jobs = 1;
    if ((size_t)jobs > nsources)
        jobs = nsources > 0 ? (int)nsources : 1;

    /* compressed adjacency; self-loops dropped */
    bg.off = calloc(n + 1, sizeof *bg.off);
    bg.a = malloc((2 * m + 1) * sizeof *bg.a);
    if (!bg.off || !bg.a)
        goto oom;
    for (size_t e = 0; e < m; e++) {
        size_t s = ag_edge_source(g, e), t = ag_edge_target(g, e);
        if (s == t)
            continue;
        bg.off[s + 1]++;
        if (!bg.directed)
            bg.off[t + 1]++;
    }
    for (size_t v = 0; v < n; v++)
        bg.off[v + 1] += bg.off[v];
    narcs = bg.off[n];
    bg.poff = bg.off;
    if (bg.directed) {
        bg.poff = calloc(n + 1, sizeof *bg.poff);
        if (!bg.poff)
            goto oom;
        for (size_t e = 0; e < m; e++) {
            size_t s = ag_edge_source(g, e), t = ag_edge_target(g, e);
            if (s != t)
                bg.poff[t + 1]++;
        }
        for (size_t v = 0; v < n; v++)
            bg.poff[v + 1] += bg.poff[v];
    }
    {
        size_t *fill = malloc((n + 1) * sizeof *fill);
        if (!fill)
            goto oom;
        memcpy(fill, bg.off, (n + 1) * sizeof *fill);
        for (size_t e = 0; e < m; e++) {
            size_t s = ag_edge_source(g, e), t = ag_edge_target(g, e);
            double len = weighted ? 1.0 / ag_edge_weight(g, e) : 1.0;
            if (s == t)
                continue;
            bg.a[fill[s]++] = (arc){len, (int)t};
            if (!bg.directed)
                bg.a[fill[t]++] = (arc){len, (int)s};
        }
        free(fill);
    }

    w = calloc((size_t)jobs, sizeof *w);
    tid = calloc((size_t)jobs, sizeof *tid);
    started = calloc((size_t)jobs, sizeof *started);
    if (!w || !tid || !started)
        goto oom;
    for (int j = 0; j < jobs; j++) {
        w[j].g = &bg;
        w[j].sources = sources;
        w[j].nsources = nsources;
        w[j].first = (size_t)j;
        w[j].step = (size_t)jobs;
        if (worker_init(&w[j], &bg, narcs) < 0)
            goto oom;
    }
    /* Workers 1.. run on threads; worker 0 (and any whose thread could not start) here. */
    for (int j = 1; j < jobs; j++)
        started[j] = pthread_create(&tid[j], NULL, run_worker, &w[j]) == 0;
    run_worker(&w[0]);
    for (int j = 1; j < jobs; j++) {
        if (started[j])
            pthread_join(tid[j], NULL);
        else
            run_worker(&w[j]);
    }
    for (int j = 0; j < jobs; j++)
        for (size_t v = 0; v < n; v++)
            res[v] += w[j].res[v];
    if (!bg.directed)
        for (size_t v = 0; v < n; v++)
            res[v] /= 2;
    ret = 0;
    goto out;
oom:
    ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "betweenness: out of memory");
out:
    if (w)
        for (int j = 0; j < jobs; j++)
            worker_free(&w[j]);
    free(w);
    free(tid);
    free(started);
    if (bg.poff != bg.off)
        free(bg.poff);
    free(bg.off);
    free(bg.a);
    return ret;
}
