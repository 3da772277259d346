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
#include <math.h>
#include <pthread.h>
#include <stdint.h>
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
    size_t n;     /* nodes */
    size_t *off;  /* arcs of v: a[off[v], off[v + 1]) */
    size_t *poff; /* parent slots of v start at poff[v]: in-arcs before v; == off
                     when undirected */
    arc *a;       /* arcs */
    int weighted; /* 0: breadth-first search instead of Dijkstra */
    int directed; /* 1: arcs follow link direction only */
} bgraph;

/* Per-thread state: the shared inputs plus everything one source run needs. */
typedef struct worker {
    const bgraph *g;              /* the graph (read only) */
    const size_t *sources;        /* candidate sources, NULL: all nodes */
    size_t nsources;              /* entries of sources (or n) */
    size_t first, step;           /* this worker takes sources first, first + step, ... */
    double *res;                  /* n: this worker's sum of dependencies */
    double *dist, *sigma, *delta; /* n each: distance, shortest-path count, dependency */
    int *npar, *par;              /* parents of v: par[poff[v], poff[v] + npar[v]) */
    int *order, *heap, *pos;      /* nodes in order settled; heap (or queue); heap slots */
    unsigned char *done;          /* settled */
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
    return w->res && w->dist && w->sigma && w->delta && w->npar && w->par && w->order && w->heap &&
                   w->pos && w->done
               ? 0
               : -1;
}

/* Run fn on the jobs workers at w (each `size` bytes): workers 1.. on threads, worker 0
 * (and any whose thread could not start) on the calling one. */
static void run_jobs(void *(*fn)(void *), void *w, size_t size, int jobs)
{
    pthread_t *tid = jobs > 1 ? calloc((size_t)jobs, sizeof *tid) : NULL;
    int *started = jobs > 1 ? calloc((size_t)jobs, sizeof *started) : NULL;

    for (int j = 1; j < jobs && tid && started; j++)
        started[j] = pthread_create(&tid[j], NULL, fn, (char *)w + (size_t)j * size) == 0;
    fn(w);
    for (int j = 1; j < jobs; j++) {
        if (started && started[j])
            pthread_join(tid[j], NULL);
        else
            fn((char *)w + (size_t)j * size);
    }
    free(tid);
    free(started);
}

/* The compressed adjacency of g into *bg (n, off, a; self-loops dropped): arcs along the
 * links, or against them when reversed (in-arcs of a directed graph); both ways when
 * undirected. -1 when out of memory (bg's arrays are then NULL or freed by the caller). */
static int adjacency(const ag_graph *g, int weighted, int reversed, bgraph *bg)
{
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g), *fill;

    bg->n = n;
    bg->weighted = weighted;
    bg->directed = ag_graph_is_directed(g);
    bg->off = calloc(n + 1, sizeof *bg->off);
    bg->a = malloc((2 * m + 1) * sizeof *bg->a);
    if (!bg->off || !bg->a)
        return -1;
    for (size_t e = 0; e < m; e++) {
        size_t s = ag_edge_source(g, e), t = ag_edge_target(g, e);
        if (s == t)
            continue;
        if (!bg->directed || !reversed)
            bg->off[s + 1]++;
        if (!bg->directed || reversed)
            bg->off[t + 1]++;
    }
    for (size_t v = 0; v < n; v++)
        bg->off[v + 1] += bg->off[v];
    if (!(fill = malloc((n + 1) * sizeof *fill)))
        return -1;
    memcpy(fill, bg->off, (n + 1) * sizeof *fill);
    for (size_t e = 0; e < m; e++) {
        size_t s = ag_edge_source(g, e), t = ag_edge_target(g, e);
        double len = weighted ? 1.0 / ag_edge_weight(g, e) : 1.0;
        if (s == t)
            continue;
        if (!bg->directed || !reversed)
            bg->a[fill[s]++] = (arc){len, (int)t};
        if (!bg->directed || reversed)
            bg->a[fill[t]++] = (arc){len, (int)s};
    }
    free(fill);
    return 0;
}

int ag__betweenness(const ag_graph *g, int weighted, const size_t *sources, size_t nsources,
                    int jobs, double *res, ag_error *err)
{
    size_t n = ag_graph_node_count(g), m = ag_graph_edge_count(g), narcs = 0;
    bgraph bg = {0};
    worker *w = NULL;
    int ret = -1;

    if (n > 0x7fffffff)
        return ag_error_set(err, AG_ELIMIT, NULL, 0, 0, "betweenness: too many nodes");
    memset(res, 0, n * sizeof *res);
    if (!sources)
        nsources = n;
    if (jobs < 1)
        jobs = 1;
    if ((size_t)jobs > nsources)
        jobs = nsources > 0 ? (int)nsources : 1;

    if (adjacency(g, weighted, 0, &bg) < 0)
        goto oom;
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

    w = calloc((size_t)jobs, sizeof *w);
    if (!w)
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
    run_jobs(run_worker, w, sizeof *w, jobs);
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
    if (bg.poff != bg.off)
        free(bg.poff);
    free(bg.off);
    free(bg.a);
    return ret;
}

/* ------------------------------------------------------------------ sampled pairs */

/*
 * Betweenness estimated from sampled node pairs (Riondato and Kornaropoulos, "Fast
 * approximation of betweenness centrality through sampling", WSDM 2014): draw r pairs
 * (u, v) uniformly, pick one shortest u-v path uniformly among all of them, and credit
 * 1/r to each node inside it. With r = (c / eps^2)(floor(log2(VD - 2)) + 1 + ln(1/delta)),
 * c = 0.5 and VD an upper bound on the nodes of any shortest path, every node's estimate
 * is within eps of its betweenness normalised by the number of pairs, with probability
 * at least 1 - delta, whatever the size of the graph.
 *
 * Each pair costs one balanced bidirectional Dijkstra (unit lengths when unweighted):
 * the side that has scanned fewer arcs grows next, the search stops once the two heaps'
 * tops add up to more than the best u-v distance mu seen, and a node that cannot be on a
 * path of length mu is never put in a heap (on co-mention graphs the neighbours of hubs
 * made most of the heap work: 3 times faster without them). Every shortest path then
 * crosses exactly one arc (x, y) from the forward-settled set to a node y that only the
 * backward side settled, so sigma(u, v) = sum of sigma_f(x) sigma_b(y) over those arcs,
 * and a uniform path is one such arc drawn by that weight, extended back to u and on to
 * v through parents drawn by their share of sigma.
 *
 * Determinism: sample i draws from its own splitmix64 stream (seed, i), samples go to
 * threads round robin and each thread counts hits in integers, so the estimate is the
 * same for any number of jobs.
 */

#define RK_C 0.5  /* the universal constant of the bound; Riondato and Kornaropoulos's value */
#define PILOT 100 /* samples that measure the cost of one when there is a budget */

typedef struct side {
    double *dist;         /* n: distance from this side's end (valid when state != 0) */
    double *sigma;        /* n: shortest paths from this side's end */
    unsigned char *state; /* n: 0 unseen, 1 in the heap, 2 settled */
    int *heap, *pos;      /* reached nodes by dist; heap slot of each */
    int hn;               /* heap entries */
    int *touched;         /* nodes with state != 0, for the reset */
    size_t ntouched;      /* entries of touched */
    size_t scanned;       /* arcs scanned so far: which side grows next */
} side;

typedef struct cross {
    int x, y;     /* arc from a forward-settled to a backward-settled node */
    double len;   /* its length */
    double paths; /* sigma_f(x) sigma_b(y): shortest u-v paths through the arc */
} cross;

typedef struct pworker {
    const bgraph *out, *in;       /* arcs out of and into each node (the same when undirected) */
    uint64_t seed;                /* of the run */
    size_t first, step, nsamples; /* this worker takes samples first, first + step, ... */
    side s[2];                    /* forward (from u) and backward (from v) */
    cross *cx;                    /* crossing arcs of the current pair */
    size_t ncx, capcx;            /* entries and room of cx */
    unsigned long *hits;          /* n: sampled paths with the node inside */
    double scans;                 /* arcs scanned by all this worker's searches: the cost */
    int failed;                   /* out of memory growing cx */
} pworker;

/* splitmix64 (Steele, Lea and Flood): tiny, and good enough to draw pairs. */
static uint64_t mix(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static double uniform(uint64_t *state) { return (double)(mix(state) >> 11) * 0x1.0p-53; }

static int side_init(side *s, size_t n)
{
    memset(s, 0, sizeof *s);
    s->dist = malloc(n * sizeof *s->dist);
    s->sigma = malloc(n * sizeof *s->sigma);
    s->state = calloc(n, 1);
    s->heap = malloc(n * sizeof *s->heap);
    s->pos = malloc(n * sizeof *s->pos);
    s->touched = malloc(n * sizeof *s->touched);
    return s->dist && s->sigma && s->state && s->heap && s->pos && s->touched ? 0 : -1;
}

static void side_free(side *s)
{
    free(s->dist);
    free(s->sigma);
    free(s->state);
    free(s->heap);
    free(s->pos);
    free(s->touched);
}

static void side_reset(side *s)
{
    for (size_t i = 0; i < s->ntouched; i++)
        s->state[s->touched[i]] = 0;
    s->ntouched = 0;
    s->hn = 0;
    s->scanned = 0;
}

static void side_start(side *s, int v)
{
    s->state[v] = 1;
    s->dist[v] = 0;
    s->sigma[v] = 1;
    s->touched[s->ntouched++] = v;
    s->heap[0] = v;
    s->pos[v] = 0;
    s->hn = 1;
}

/* Note the arc x -> y, both ends settled (x forward, y backward): it may carry shortest
 * u-v paths. -1 when out of memory. */
static int add_cross(pworker *w, int x, int y, double len)
{
    if (w->ncx == w->capcx) {
        size_t cap = w->capcx ? 2 * w->capcx : 64;
        cross *p = realloc(w->cx, cap * sizeof *p);
        if (!p)
            return -1;
        w->cx = p;
        w->capcx = cap;
    }
    w->cx[w->ncx++] = (cross){x, y, len, 0};
    return 0;
}

/*
 * Settle the top of s's heap and relax its arcs in g; *mu drops to the shortest u-v
 * distance through an arc into a node the other side o (NULL: none) has reached. With a
 * worker, every arc between the node settled and a node o has settled is noted in w->cx
 * (forward: s grows from u): each such arc is noted once, by the later of its two ends
 * to settle, so no second pass over the settled nodes is needed to find the crossings.
 */
static int side_step(side *s, const side *o, const bgraph *g, double *mu, pworker *w, int forward)
{
    int v = s->heap[0];
    double dv = s->dist[v];

    s->heap[0] = s->heap[--s->hn];
    if (s->hn > 0)
        heap_down(s->heap, s->pos, s->dist, s->hn, 0);
    s->state[v] = 2;
    s->scanned += g->off[v + 1] - g->off[v];
    for (size_t k = g->off[v]; k < g->off[v + 1]; k++) {
        int u = g->a[k].to;
        double alt = dv + g->a[k].len;
        if (w && o->state[u] == 2 &&
            add_cross(w, forward ? v : u, forward ? u : v, g->a[k].len) < 0)
            return -1;
        if (s->state[u] == 2)
            continue;
        if (o && o->state[u] && alt + o->dist[u] < *mu)
            *mu = alt + o->dist[u];
        /* Not settled by o, u is at least o's top away from o's end: when that is
         * beyond mu, no shortest u-v path comes this way, and u is left alone (any
         * parent of u at this distance would be pruned the same way, since o's top
         * only grows and mu only shrinks, so no path count is left half done). This
         * keeps the neighbours of a hub out of the heap. */
        if (o && *mu < INFINITY && o->state[u] != 2 &&
            (o->hn == 0 || cmp_len(alt + o->dist[o->heap[0]], *mu) > 0))
            continue;
        if (!s->state[u]) {
            s->state[u] = 1;
            s->touched[s->ntouched++] = u;
            s->dist[u] = alt;
            s->sigma[u] = s->sigma[v];
            s->heap[s->hn] = u;
            heap_up(s->heap, s->pos, s->dist, s->hn++);
            continue;
        }
        switch (cmp_len(alt, s->dist[u])) {
        case 0:
            s->sigma[u] += s->sigma[v];
            break;
        case -1:
            s->dist[u] = alt;
            s->sigma[u] = s->sigma[v];
            heap_up(s->heap, s->pos, s->dist, s->pos[u]);
            break;
        default:
            break;
        }
    }
    return 0;
}

/* Walk from a (settled by s) to s's end, through parents drawn by their share of
 * sigma (in-arcs of a in g), crediting every node passed but the end. */
static void walk(const side *s, const bgraph *g, int a, uint64_t *rng, unsigned long *hits)
{
    while (s->dist[a] > 0) {
        double pick = uniform(rng) * s->sigma[a], acc = 0;
        int next = -1;
        for (size_t k = g->off[a]; k < g->off[a + 1]; k++) {
            int p = g->a[k].to;
            /* strictly nearer too: with lengths below the tie tolerance a child could
             * pass for a parent, and the walk would go round in circles */
            if (s->state[p] != 2 || !(s->dist[p] < s->dist[a]) ||
                cmp_len(s->dist[p] + g->a[k].len, s->dist[a]) != 0)
                continue;
            next = p; /* the last parent takes what rounding leaves over */
            if ((acc += s->sigma[p]) > pick)
                break;
        }
        if (next < 0) /* rounding left no parent: stop rather than loop */
            return;
        a = next;
        if (s->dist[a] > 0)
            hits[a]++;
    }
}

/* One sample: pair (u, v), one uniform shortest path, hits for the nodes inside. */
static int sample_pair(pworker *w, size_t i)
{
    const bgraph *out = w->out, *in = w->in;
    side *f = &w->s[0], *b = &w->s[1];
    uint64_t rng = w->seed ^ (0x632be59bd9b4e019ULL * (uint64_t)(i + 1));
    size_t n = out->n;
    int u = (int)(mix(&rng) % n), v = (int)(mix(&rng) % (n - 1));
    double mu = INFINITY, best = INFINITY, total = 0, pick, acc = 0;
    size_t c, kept = 0;

    v += v >= u;
    side_reset(f);
    side_reset(b);
    side_start(f, u);
    side_start(b, v);
    w->ncx = 0;
    while (f->hn > 0 && b->hn > 0) {
        int rc;
        if (mu < INFINITY && cmp_len(f->dist[f->heap[0]] + b->dist[b->heap[0]], mu) > 0)
            break;
        if (f->scanned <= b->scanned)
            rc = side_step(f, b, out, &mu, w, 1);
        else
            rc = side_step(b, f, in, &mu, w, 0);
        if (rc < 0)
            return -1;
    }
    w->scans += (double)(f->scanned + b->scanned);
    /* A side ran out having settled the other end: it alone has every shortest path. */
    if ((f->hn == 0 && f->state[v] == 2) || (b->hn == 0 && b->state[u] == 2)) {
        const side *s = f->hn == 0 && f->state[v] == 2 ? f : b;
        walk(s, s == f ? in : out, s == f ? v : u, &rng, w->hits);
        return 0;
    }
    if (mu == INFINITY) /* no path */
        return 0;
    /* The crossings: noted arcs into nodes the forward side has not settled, on a
     * shortest u-v path. */
    for (size_t t = 0; t < w->ncx; t++) {
        cross cx = w->cx[t];
        double d = f->dist[cx.x] + cx.len + b->dist[cx.y];
        if (f->state[cx.y] == 2 || (best < INFINITY && cmp_len(d, best) > 0))
            continue;
        if (best == INFINITY || cmp_len(d, best) < 0) {
            best = d;
            kept = 0;
            total = 0;
        }
        cx.paths = f->sigma[cx.x] * b->sigma[cx.y];
        total += cx.paths;
        w->cx[kept++] = cx;
    }
    w->ncx = kept;
    if (w->ncx == 0)
        return 0;
    pick = uniform(&rng) * total;
    for (c = 0; c + 1 < w->ncx; c++)
        if ((acc += w->cx[c].paths) > pick)
            break;
    if (w->cx[c].x != u)
        w->hits[w->cx[c].x]++;
    walk(f, in, w->cx[c].x, &rng, w->hits);
    if (w->cx[c].y != v)
        w->hits[w->cx[c].y]++;
    walk(b, out, w->cx[c].y, &rng, w->hits);
    return 0;
}

static void *run_pairs(void *arg)
{
    pworker *w = arg;
    for (size_t i = w->first; i < w->nsamples; i += w->step)
        if (sample_pair(w, i) < 0) {
            w->failed = 1;
            break;
        }
    return NULL;
}

/* Restore the heap property of h[0, n) (a min-heap of doubles), from the bottom up. */
static void dheap_down(double *h, size_t n, size_t i)
{
    double v = h[i];
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= n)
            break;
        if (c + 1 < n && h[c + 1] < h[c])
            c++;
        if (h[c] >= v)
            break;
        h[i] = h[c];
        i = c;
    }
    h[i] = v;
}

/*
 * An upper bound on the vertex diameter (the most nodes on a shortest path), which the
 * sample size depends on only through its logarithm. Undirected: a Dijkstra from the
 * best-connected node s of the largest component gives its two largest distances D1,
 * D2, and no two nodes of that component are farther apart than D1 + D2; a shortest
 * path is simple, so it has at most k links, k the most of the shortest link lengths
 * that fit in D1 + D2. Other components count with their size. Directed: the node
 * count (paths are not symmetric, so the ball around s says nothing).
 */
static size_t vertex_diameter(const ag_graph *g, const bgraph *out, side *s)
{
    size_t n = out->n, m = ag_graph_edge_count(g), big = 0, other = 0, *size = NULL;
    int *comp = NULL, *queue = NULL, hub = -1, ncomp = 0;
    double d1 = 0, d2 = 0, *len = NULL, sum = 0, mu = INFINITY;
    size_t hops = 0, vd = n;

    if (out->directed || n < 3)
        return n;
    comp = malloc(n * sizeof *comp);
    queue = malloc(n * sizeof *queue);
    size = calloc(n, sizeof *size);
    len = malloc((m ? m : 1) * sizeof *len);
    if (!comp || !queue || !size || !len)
        goto out; /* n is a bound too */
    for (size_t v = 0; v < n; v++)
        comp[v] = -1;
    for (size_t r = 0; r < n; r++) {
        size_t head = 0, tail = 0;
        if (comp[r] >= 0)
            continue;
        comp[r] = ncomp;
        queue[tail++] = (int)r;
        while (head < tail) {
            int v = queue[head++];
            for (size_t k = out->off[v]; k < out->off[v + 1]; k++)
                if (comp[out->a[k].to] < 0) {
                    comp[out->a[k].to] = ncomp;
                    queue[tail++] = out->a[k].to;
                }
        }
        size[ncomp++] = tail;
    }
    for (int c = 0; c < ncomp; c++)
        if (size[c] > size[big])
            big = (size_t)c;
    for (int c = 0; c < ncomp; c++)
        if ((size_t)c != big && size[c] > other)
            other = size[c];
    for (size_t v = 0; v < n; v++)
        if ((size_t)comp[v] == big &&
            (hub < 0 || out->off[v + 1] - out->off[v] > out->off[hub + 1] - out->off[hub]))
            hub = (int)v;
    side_reset(s);
    side_start(s, hub);
    while (s->hn > 0)
        side_step(s, NULL, out, &mu, NULL, 1);
    for (size_t t = 0; t < s->ntouched; t++) {
        double d = s->dist[s->touched[t]];
        if (d > d1) {
            d2 = d1;
            d1 = d;
        } else if (d > d2) {
            d2 = d;
        }
    }
    side_reset(s);
    /* the shortest link lengths, smallest first, while they fit in D1 + D2 */
    m = 0;
    for (size_t e = 0; e < ag_graph_edge_count(g); e++)
        if (ag_edge_source(g, e) != ag_edge_target(g, e))
            len[m++] = out->weighted ? 1.0 / ag_edge_weight(g, e) : 1.0;
    for (size_t i = m / 2; i-- > 0;)
        dheap_down(len, m, i);
    while (m > 0 && (sum += len[0]) <= (d1 + d2) * (1 + 1e-9)) {
        hops++;
        len[0] = len[--m];
        dheap_down(len, m, 0);
    }
    vd = hops + 1 < size[big] ? hops + 1 : size[big];
    if (other > vd)
        vd = other;
out:
    free(comp);
    free(queue);
    free(size);
    free(len);
    return vd;
}

int ag__betweenness_pairs(const ag_graph *g, int weighted, double *eps, double confidence,
                          double budget, unsigned long seed, int jobs, double *res, long *samples,
                          ag_error *err)
{
    size_t n = ag_graph_node_count(g), vd, r, pilot = 0;
    bgraph out = {0}, in = {0};
    pworker *w = NULL;
    int ret = -1;
    double logs, pairs;

    *samples = 0;
    if (n > 0x7fffffff)
        return ag_error_set(err, AG_ELIMIT, NULL, 0, 0, "betweenness: too many nodes");
    memset(res, 0, n * sizeof *res);
    if (n < 3) /* no node can be inside a path */
        return 0;
    if (jobs < 1)
        jobs = 1;
    if (adjacency(g, weighted, 0, &out) < 0 || (out.directed && adjacency(g, weighted, 1, &in) < 0))
        goto oom;
    w = calloc((size_t)jobs, sizeof *w);
    if (!w)
        goto oom;
    for (int j = 0; j < jobs; j++) {
        w[j].out = &out;
        w[j].in = out.directed ? &in : &out;
        w[j].seed = (uint64_t)seed;
        w[j].first = (size_t)j;
        w[j].step = (size_t)jobs;
        w[j].hits = calloc(n, sizeof *w[j].hits);
        if (!w[j].hits || side_init(&w[j].s[0], n) < 0 || side_init(&w[j].s[1], n) < 0)
            goto oom;
    }
    vd = vertex_diameter(g, &out, &w[0].s[0]);
    logs = (vd > 2 ? floor(log2((double)(vd - 2))) : 0) + 1 + log(1 / (1 - confidence));
    r = (size_t)ceil(RK_C / (*eps * *eps) * logs);
    if (budget > 0) {
        /* The first samples (the same ones whatever the jobs) tell what one costs here;
         * fewer samples when r of them would not fit the budget, and a larger eps. */
        pworker *p = &w[0];
        pilot = r < PILOT ? r : PILOT;
        p->nsamples = pilot;
        p->step = 1;
        run_pairs(p);
        if (p->failed)
            goto oom;
        if (p->scans > 0 && (double)r * p->scans / (double)pilot > budget) {
            r = (size_t)(budget * (double)pilot / p->scans);
            if (r < pilot)
                r = pilot;
            *eps = sqrt(RK_C * logs / (double)r);
        }
        p->step = (size_t)jobs;
    }
    for (int j = 0; j < jobs; j++) {
        w[j].first = pilot + (size_t)j;
        w[j].nsamples = r;
    }
    run_jobs(run_pairs, w, sizeof *w, jobs);
    for (int j = 0; j < jobs; j++)
        if (w[j].failed)
            goto oom;
    for (int j = 1; j < jobs; j++)
        for (size_t v = 0; v < n; v++)
            w[0].hits[v] += w[j].hits[v];
    /* a hit stands for 1/r of all ordered pairs; undirected counts each pair once */
    pairs = (double)n * (double)(n - 1) / (out.directed ? 1.0 : 2.0);
    for (size_t v = 0; v < n; v++)
        res[v] = (double)w[0].hits[v] * pairs / (double)r;
    *samples = (long)r;
    ret = 0;
    goto done;
oom:
    ag_error_set(err, AG_ENOMEM, NULL, 0, 0, "betweenness: out of memory");
done:
    if (w)
        for (int j = 0; j < jobs; j++) {
            side_free(&w[j].s[0]);
            side_free(&w[j].s[1]);
            free(w[j].hits);
            free(w[j].cx);
        }
    free(w);
    free(out.off);
    free(out.a);
    free(in.off);
    free(in.a);
    return ret;
}
